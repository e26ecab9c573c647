from typing import Any, Optional, Union

__version__: str

class MastheadError(ValueError):
    """A page Masthead cannot read: empty, binary, or past the size limits."""

def extract(html: Union[str, bytes], url: Optional[str] = None, lang: str = "en") -> dict[str, Any]:
    """The article of `html` as a dict (title, byline, published_time, text, content_html, readerable,
    kind, word_count, affiliation, name_claim, wire_credits, …), as `masthead extract` prints it.
    `kind` is "article", "thread" (a discussion, as its posts), "listing" (a run of items, as a
    list), "product" (one product's page) or "page".

    `url` is the page's address: links resolve against it and the outlet label comes from it.
    `lang` is the reader's language (BCP 47) for the label's wording. Raises MastheadError on
    input that is not a page. The interpreter's lock is released while the core works."""

def label(url: str, lang: str = "en") -> Optional[dict[str, Any]]:
    """The outlet label of an address (outlet, country, tier, owner, summary, why, sources, …), or
    None when it has no state affiliation on record. Raises MastheadError on a relative address."""
