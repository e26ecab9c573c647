"""A recipe for Spark: clean text and the outlet label for every HTML page of a set of WARC
files, one Spark task per group of files (`mapPartitions`), each task reading its files record
by record (warcio) and running Masthead on every HTML response.

    from pyspark.sql import SparkSession
    from masthead.spark import PAGE_SCHEMA, extract_warc_partition

    spark = SparkSession.builder.master("local[2]").getOrCreate()   # or a cluster
    paths = ["s3a://…/crawl-00000.warc.gz", …]                       # any path each executor can open
    pages = (spark.sparkContext.parallelize(paths, numSlices=len(paths))
             .mapPartitions(extract_warc_partition)
             .toDF(PAGE_SCHEMA))
    pages.groupBy("label_tier").count().show()
    pages.write.parquet("pages/")

Each executor's Python (PYSPARK_PYTHON) needs this package installed (the wheel) and `warcio`. Paths are opened with
`fsspec` when it is installed (s3://, gs://, hdfs://), else as local files.
"""

from __future__ import annotations

import json
from typing import Iterable, Iterator

import masthead

# The row of each page: where it came from, what Masthead found, and its label.
PAGE_SCHEMA = (
    "warc string, offset long, url string, title string, byline string, published_time string, "
    "lang string, readerable boolean, kind string, word_count long, text string, label_tier string, "
    "label_outlet string, label string, error string"
)


def _open(path: str):
    try:
        import fsspec

        return fsspec.open(path, "rb").open()
    except ImportError:
        return open(path, "rb")


def extract_warc_partition(paths: Iterable[str], lang: str = "en") -> Iterator[tuple]:
    """For `mapPartitions`: every HTML response record of the WARC files at `paths` as a row of
    PAGE_SCHEMA; a page Masthead cannot read becomes a row with its `error`, and the run goes on."""
    from warcio.archiveiterator import ArchiveIterator

    for path in paths:
        with _open(path) as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                html = record.content_stream().read()
                # Asked after the content is read: warcio reads the stream to answer.
                offset = records.get_record_offset()
                try:
                    page = masthead.extract(html, url=url, lang=lang)
                except masthead.MastheadError as error:
                    yield (path, offset, url, None, None, None, None, False, None, 0, None, None, None, None, str(error))
                    continue
                label = page["affiliation"]
                yield (
                    path, offset, url, page["title"], page["byline"], page["published_time"], page["lang"],
                    page["readerable"], page["kind"], page["word_count"], page["text"],
                    label["tier"] if label else None, label["outlet"] if label else None,
                    json.dumps(label, ensure_ascii=False) if label else None, None,
                )
