//! Name tables of the HTML standard as html5ever applies them: element sets that steer tree
//! construction and the SVG names that keep their camelCase.

/// SVG element names the standard gives back their case (sorted for binary search).
pub const SVG_TAGS: &[(&str, &str)] = &[
    ("altglyph", "altGlyph"),
    ("altglyphdef", "altGlyphDef"),
    ("altglyphitem", "altGlyphItem"),
    ("animatecolor", "animateColor"),
    ("animatemotion", "animateMotion"),
    ("animatetransform", "animateTransform"),
    ("clippath", "clipPath"),
    ("feblend", "feBlend"),
    ("fecolormatrix", "feColorMatrix"),
    ("fecomponenttransfer", "feComponentTransfer"),
    ("fecomposite", "feComposite"),
    ("feconvolvematrix", "feConvolveMatrix"),
    ("fediffuselighting", "feDiffuseLighting"),
    ("fedisplacementmap", "feDisplacementMap"),
    ("fedistantlight", "feDistantLight"),
    ("fedropshadow", "feDropShadow"),
    ("feflood", "feFlood"),
    ("fefunca", "feFuncA"),
    ("fefuncb", "feFuncB"),
    ("fefuncg", "feFuncG"),
    ("fefuncr", "feFuncR"),
    ("fegaussianblur", "feGaussianBlur"),
    ("feimage", "feImage"),
    ("femerge", "feMerge"),
    ("femergenode", "feMergeNode"),
    ("femorphology", "feMorphology"),
    ("feoffset", "feOffset"),
    ("fepointlight", "fePointLight"),
    ("fespecularlighting", "feSpecularLighting"),
    ("fespotlight", "feSpotLight"),
    ("fetile", "feTile"),
    ("feturbulence", "feTurbulence"),
    ("foreignobject", "foreignObject"),
    ("glyphref", "glyphRef"),
    ("lineargradient", "linearGradient"),
    ("radialgradient", "radialGradient"),
    ("textpath", "textPath"),
];

/// SVG attribute names the standard gives back their case (sorted for binary search).
pub const SVG_ATTRIBUTES: &[(&str, &str)] = &[
    ("attributename", "attributeName"),
    ("attributetype", "attributeType"),
    ("basefrequency", "baseFrequency"),
    ("baseprofile", "baseProfile"),
    ("calcmode", "calcMode"),
    ("clippathunits", "clipPathUnits"),
    ("diffuseconstant", "diffuseConstant"),
    ("edgemode", "edgeMode"),
    ("filterunits", "filterUnits"),
    ("glyphref", "glyphRef"),
    ("gradienttransform", "gradientTransform"),
    ("gradientunits", "gradientUnits"),
    ("kernelmatrix", "kernelMatrix"),
    ("kernelunitlength", "kernelUnitLength"),
    ("keypoints", "keyPoints"),
    ("keysplines", "keySplines"),
    ("keytimes", "keyTimes"),
    ("lengthadjust", "lengthAdjust"),
    ("limitingconeangle", "limitingConeAngle"),
    ("markerheight", "markerHeight"),
    ("markerunits", "markerUnits"),
    ("markerwidth", "markerWidth"),
    ("maskcontentunits", "maskContentUnits"),
    ("maskunits", "maskUnits"),
    ("numoctaves", "numOctaves"),
    ("pathlength", "pathLength"),
    ("patterncontentunits", "patternContentUnits"),
    ("patterntransform", "patternTransform"),
    ("patternunits", "patternUnits"),
    ("pointsatx", "pointsAtX"),
    ("pointsaty", "pointsAtY"),
    ("pointsatz", "pointsAtZ"),
    ("preservealpha", "preserveAlpha"),
    ("preserveaspectratio", "preserveAspectRatio"),
    ("primitiveunits", "primitiveUnits"),
    ("refx", "refX"),
    ("refy", "refY"),
    ("repeatcount", "repeatCount"),
    ("repeatdur", "repeatDur"),
    ("requiredextensions", "requiredExtensions"),
    ("requiredfeatures", "requiredFeatures"),
    ("specularconstant", "specularConstant"),
    ("specularexponent", "specularExponent"),
    ("spreadmethod", "spreadMethod"),
    ("startoffset", "startOffset"),
    ("stddeviation", "stdDeviation"),
    ("stitchtiles", "stitchTiles"),
    ("surfacescale", "surfaceScale"),
    ("systemlanguage", "systemLanguage"),
    ("tablevalues", "tableValues"),
    ("targetx", "targetX"),
    ("targety", "targetY"),
    ("textlength", "textLength"),
    ("viewbox", "viewBox"),
    ("viewtarget", "viewTarget"),
    ("xchannelselector", "xChannelSelector"),
    ("ychannelselector", "yChannelSelector"),
    ("zoomandpan", "zoomAndPan"),
];

pub fn svg_tag(name: &str) -> Option<&'static str> {
    SVG_TAGS
        .binary_search_by(|(lower, _)| (*lower).cmp(name))
        .ok()
        .map(|at| SVG_TAGS[at].1)
}

/// An attribute of an SVG (`svg`) or MathML element as html5ever names it: the local name, and
/// the rank of its prefix in scraper's attribute order (none, `""`, `xlink`, `xml`, `xmlns`).
pub fn foreign_attribute(name: &str, svg: bool) -> (&str, u8) {
    match name {
        "xlink:actuate" | "xlink:arcrole" | "xlink:href" | "xlink:role" | "xlink:show"
        | "xlink:title" | "xlink:type" => (&name[6..], 2),
        "xml:lang" | "xml:space" => (&name[4..], 3),
        "xmlns" => (name, 1),
        "xmlns:xlink" => ("xlink", 4),
        "definitionurl" if !svg => ("definitionURL", 0),
        _ if !svg => (name, 0),
        _ => match SVG_ATTRIBUTES.binary_search_by(|(lower, _)| (*lower).cmp(name)) {
            Ok(at) => (SVG_ATTRIBUTES[at].1, 0),
            Err(_) => (name, 0),
        },
    }
}

const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "base",
    "basefont",
    "bgsound",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "img",
    "input",
    "isindex",
    "li",
    "link",
    "listing",
    "main",
    "marquee",
    "menu",
    "meta",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "param",
    "plaintext",
    "pre",
    "script",
    "section",
    "select",
    "source",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
    "wbr",
    "xmp",
];

/// HTML elements whose content is text up to their end tag: `Some(true)` when character
/// references are decoded in it (RCDATA: `title`, `textarea`), `Some(false)` when not.
pub fn raw_text_kind(name: &str) -> Option<bool> {
    match name {
        "title" | "textarea" => Some(true),
        "script" | "style" | "noscript" | "noframes" | "iframe" | "noembed" | "xmp" => Some(false),
        _ => None,
    }
}

/// Elements the standard calls special: a generic end tag never closes past one.
pub fn is_special(name: &str) -> bool {
    SPECIAL.binary_search(&name).is_ok()
}

/// Formatting elements: html5ever re-opens them after a block closes them implicitly, which this
/// parser does not do — it stops instead.
pub fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

/// Elements whose end tag may be implied.
pub fn is_implied_end(name: &str) -> bool {
    matches!(
        name,
        "dd" | "dt" | "li" | "option" | "optgroup" | "p" | "rb" | "rp" | "rt" | "rtc"
    )
}

/// The boundaries of html5ever's default scope (HTML elements).
pub fn is_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "applet"
            | "caption"
            | "html"
            | "table"
            | "td"
            | "th"
            | "marquee"
            | "object"
            | "select"
            | "template"
    )
}

const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
];

/// Start tags that close an open `<p>` first.
pub fn closes_p(name: &str) -> bool {
    CLOSES_P.binary_search(&name).is_ok()
}

/// Containers whose end tag closes what the standard implies inside them (when in scope).
const BLOCK_END: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "button",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "pre",
    "search",
    "section",
    "select",
    "summary",
    "ul",
];

pub fn is_block_end(name: &str) -> bool {
    BLOCK_END.binary_search(&name).is_ok()
}

pub fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// HTML start tags that end SVG content (html5ever leaves foreign content on them).
pub fn breaks_out_of_foreign(name: &str) -> bool {
    BREAKOUT.binary_search(&name).is_ok()
}

/// The most frequent tag and attribute names (counted on the Readability corpus), each
/// shared by every element that uses it instead of allocated per element.
pub const COMMON_NAMES: [&str; 48] = [
    "a",
    "div",
    "span",
    "li",
    "p",
    "script",
    "meta",
    "img",
    "link",
    "ul",
    "path",
    "i",
    "td",
    "svg",
    "b",
    "br",
    "h2",
    "h3",
    "input",
    "em",
    "tr",
    "button",
    "strong",
    "section",
    "figure",
    "class",
    "href",
    "id",
    "style",
    "title",
    "src",
    "rel",
    "type",
    "content",
    "name",
    "role",
    "target",
    "width",
    "alt",
    "height",
    "d",
    "value",
    "property",
    "fill",
    "aria-label",
    "srcset",
    "aria-hidden",
    "viewBox",
];

pub fn common_name(name: &str) -> Option<usize> {
    COMMON_NAMES.iter().position(|common| *common == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lists_are_sorted_for_binary_search() {
        for list in [SPECIAL, BREAKOUT, CLOSES_P, BLOCK_END] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        for table in [SVG_TAGS, SVG_ATTRIBUTES] {
            assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
        }
        assert!(is_special("td") && !is_special("span"));
        assert!(closes_p("menu") && !closes_p("span"));
        assert!(breaks_out_of_foreign("var") && !breaks_out_of_foreign("path"));
    }
}
