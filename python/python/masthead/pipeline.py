"""A datatrove step: Masthead in place of a pipeline's trafilatura extractor (as in FineWeb's).

Each document's HTML becomes its clean text; its metadata gains the page's title, byline, date
and language, and `masthead_label`: the outlet's state-affiliation label (or None), from the
document's `url`. Documents with no text are dropped, as datatrove's extractors do. It runs on
any of datatrove's executors (local, Slurm, Ray), like any step.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from masthead.pipeline import MastheadExtractor

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/", glob_pattern="*.warc.gz"),
        MastheadExtractor(),
        JsonlWriter("out/"),
    ], tasks=4).run()
"""

from __future__ import annotations

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.utils.typeshelper import StatHints

import masthead

# What of Masthead's answer goes into a document's metadata, beside the label.
METADATA_FIELDS = ("title", "byline", "published_time", "lang", "site_name", "readerable", "kind")


class MastheadExtractor(BaseExtractor):
    """Clean text and the outlet label for every document (its `text` is the page's HTML)."""

    name = "📰 Masthead"

    def __init__(self, lang: str = "en", keep_non_articles: bool = True, timeout: float = 1):
        """
        Args:
          lang: the reader's language for the label's wording (BCP 47).
          keep_non_articles: keep pages Masthead does not judge to be articles (listings, forums)
            with the text it found; False drops them.
          timeout: kept for the extractors' common signature; Masthead's own size limits bound
            each page's work, so no sandbox process is needed.
        """
        super().__init__(timeout)
        self.lang = lang
        self.keep_non_articles = keep_non_articles

    def extract(self, text: str) -> str:
        """The clean text of one page (the extractors' common method)."""
        return masthead.extract(text, lang=self.lang)["text"]

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                try:
                    page = masthead.extract(doc.text, url=doc.metadata.get("url"), lang=self.lang)
                except masthead.MastheadError:
                    self.stat_update("unreadable")
                    continue
            if not page["readerable"] and not self.keep_non_articles:
                self.stat_update("not_article")
                continue
            doc.text = page["text"]
            for field in METADATA_FIELDS:
                doc.metadata[field] = page[field]
            doc.metadata["masthead_label"] = page["affiliation"]
            if page["affiliation"]:
                self.stat_update(f"label_{page['affiliation']['tier']}")
            if not doc.text:
                self.stat_update("empty")
                continue
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc
