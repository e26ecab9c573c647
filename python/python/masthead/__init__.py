"""Masthead's core for Python: clean article text, and who stands behind the outlet.

>>> import masthead
>>> page = masthead.extract(html, url="https://sputnikglobe.com/…")
>>> page["title"], page["text"], page["affiliation"]["tier"]
>>> masthead.label("https://www.dw.com/en/")["summary"]

The same core and the same JSON as the `masthead` command line and the browser extension.
For datatrove pipelines: `masthead.pipeline.MastheadExtractor`.
"""

from ._masthead import MastheadError, __version__, extract, label

__all__ = ["extract", "label", "MastheadError", "__version__"]
