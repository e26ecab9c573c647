//! Masthead's core for Python (`import masthead`): the same extraction and label as the command
//! line and the extension, the same JSON, with the interpreter's lock released while the core
//! works. Bad input raises `masthead.MastheadError` (a `ValueError`); a bug in the core raises
//! PyO3's `PanicException`, never a crash of the interpreter.

use masthead::wording::Wording;
use masthead::{extract_bytes, Options};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

pyo3::create_exception!(
    _masthead,
    MastheadError,
    PyValueError,
    "A page Masthead cannot read: empty, binary, or past the size limits."
);

/// JSON text to Python objects, by the standard library's own parser.
fn from_json(py: Python<'_>, json: &str) -> PyResult<PyObject> {
    Ok(py.import("json")?.call_method1("loads", (json,))?.unbind())
}

/// The article of `html` (a `str`, or `bytes` in any encoding the page declares) as a dict:
/// title, byline, published_time, text, content_html, readerable, kind, word_count, the outlet's
/// `affiliation` (or None) and the rest, as `masthead extract` prints them. `url` is the page's
/// address: links resolve against it and the label comes from it. `lang` is the reader's language
/// for the label's wording.
#[pyfunction]
#[pyo3(signature = (html, url = None, lang = "en"))]
fn extract(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<String>,
    lang: &str,
) -> PyResult<PyObject> {
    let bytes: Vec<u8> = if let Ok(text) = html.downcast::<PyString>() {
        text.to_cow()?.as_bytes().to_vec()
    } else if let Ok(raw) = html.downcast::<PyBytes>() {
        raw.as_bytes().to_vec()
    } else {
        return Err(PyTypeError::new_err("html must be str or bytes"));
    };
    let options = Options {
        language: lang.to_string(),
        ..Options::default()
    };
    let json = py
        .allow_threads(|| {
            extract_bytes(&bytes, url.as_deref(), &options)
                .map(|article| masthead::render::to_json(&article).to_string())
        })
        .map_err(|error| MastheadError::new_err(error.to_string()))?;
    from_json(py, &json)
}

/// The outlet label of an address as a dict (outlet, country, tier, owner, summary, why,
/// sources…), or None when the address has no state affiliation on record.
#[pyfunction]
#[pyo3(signature = (url, lang = "en"))]
fn label(py: Python<'_>, url: &str, lang: &str) -> PyResult<PyObject> {
    if masthead::address::parse(url).is_none() {
        return Err(MastheadError::new_err(format!(
            "'{url}' is not an absolute URL (https://…)"
        )));
    }
    let json = py.allow_threads(|| {
        let label = masthead::label::label_url_in(url, &Wording::for_language(lang));
        serde_json::to_string(&label).unwrap_or_else(|_| "null".into())
    });
    from_json(py, &json)
}

#[pymodule]
fn _masthead(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(extract, module)?)?;
    module.add_function(wrap_pyfunction!(label, module)?)?;
    module.add("MastheadError", module.py().get_type::<MastheadError>())?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
