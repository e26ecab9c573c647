"""The Python package over the same pages and answers as the Rust tests (tests/golden.rs,
tests/cli.rs), and the datatrove step in a real pipeline over a WARC file written here."""

import gzip
import json
import os
import sys
import threading
from pathlib import Path

import pytest

import masthead

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "fixtures" / "sputnik-guaido.html"
GOLDEN = ROOT / "tests" / "fixtures" / "sputnik-guaido.expected.json"
SAMPLE_URL = "https://sputnikglobe.com/20190209/guaido-intervention-us-contacts-1072305.html"


def test_the_sample_page_gives_the_golden_article():
    page = masthead.extract(SAMPLE.read_text(encoding="utf-8"), url=SAMPLE_URL)
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert page.pop("content_html").startswith("<")
    assert page == golden
    assert page["affiliation"]["tier"] == "controlled"


def test_bytes_in_the_page_s_own_encoding_and_the_reader_s_language():
    html = "<html><head><meta charset=windows-1251><title>Т</title></head><body><article><h1>Заголовок</h1>" \
        + "<p>Один два три четыре пять шесть семь восемь девять десять.</p>" * 20 + "</article></body></html>"
    page = masthead.extract(html.encode("windows-1251"), url="https://sputnikglobe.com/a.html", lang="ru")
    assert "Один два три" in page["text"]
    assert "Россия" in page["affiliation"]["summary"]


def test_bad_input_raises_a_python_exception():
    with pytest.raises(masthead.MastheadError, match="empty"):
        masthead.extract("   ")
    with pytest.raises(masthead.MastheadError, match="binary"):
        masthead.extract(b"\x89PNG\r\n\x1a\n\0\0\0\0")
    with pytest.raises(TypeError):
        masthead.extract(42)
    with pytest.raises(masthead.MastheadError):
        masthead.label("not/an/address")
    assert issubclass(masthead.MastheadError, ValueError)


def test_label_of_an_address():
    assert masthead.label("https://sputnikglobe.com/")["tier"] == "controlled"
    assert masthead.label("https://www.dw.com/en/")["tier"] == "independent"
    assert masthead.label("https://www.example.com/") is None
    assert masthead.label("https://lk.rt.ru/") is None  # Rostelecom's, not RT's


def test_threads_extract_side_by_side():
    html = SAMPLE.read_text(encoding="utf-8")
    answers = [None] * 4

    def work(i):
        answers[i] = masthead.extract(html, url=SAMPLE_URL)["text"]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(answers)) == 1 and "Guaido" in answers[0]


def warc_record(kind, uri, block):
    # WARC-Identified-Payload-Type, as Common Crawl writes it (datatrove's reader filters on it).
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Identified-Payload-Type: text/html\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{abs(hash((kind, uri))) % 10**12:012d}>\r\n"
        f"WARC-Date: 2026-12-06T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + block + b"\r\n\r\n")


def http_response(content_type, body):
    return f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def test_a_datatrove_pipeline_reads_a_warc_and_keeps_the_label(tmp_path):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from masthead.pipeline import MastheadExtractor

    crawl = tmp_path / "crawl"
    crawl.mkdir()
    story = SAMPLE.read_bytes()
    (crawl / "crawl.warc.gz").write_bytes(
        warc_record("response", SAMPLE_URL, http_response("text/html; charset=utf-8", story))
        + warc_record("response", "https://www.example.com/plain", http_response("text/html", b"<p>" + b"Plain words here. " * 40 + b"</p>"))
    )
    LocalPipelineExecutor(
        pipeline=[WarcReader(str(crawl), glob_pattern="*.warc.gz"), MastheadExtractor(), JsonlWriter(str(tmp_path / "out"))],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    lines = [json.loads(line) for path in (tmp_path / "out").glob("*.jsonl.gz") for line in gzip.open(path, "rt")]
    by_url = {doc["metadata"]["url"]: doc for doc in lines}
    assert set(by_url) == {SAMPLE_URL, "https://www.example.com/plain"}
    sputnik = by_url[SAMPLE_URL]
    assert "Venezuela's self-proclaimed interim president" in sputnik["text"]
    assert "READ MORE" not in sputnik["text"]
    assert sputnik["metadata"]["masthead_label"]["tier"] == "controlled"
    assert sputnik["metadata"]["title"].startswith("Guaido Not Ruling Out")
    assert sputnik["metadata"]["kind"] == "article"
    assert by_url["https://www.example.com/plain"]["metadata"]["masthead_label"] is None


def test_the_spark_recipe_on_local_2(tmp_path):
    from pyspark.sql import SparkSession

    from masthead.spark import PAGE_SCHEMA, extract_warc_partition

    story = SAMPLE.read_bytes()
    paths = []
    for n in range(2):
        path = tmp_path / f"crawl-{n}.warc.gz"
        path.write_bytes(
            warc_record("response", f"{SAMPLE_URL}?copy={n}", http_response("text/html; charset=utf-8", story))
            + warc_record("response", f"https://www.example.com/{n}.png", http_response("image/png", b"\x89PNG"))
            + warc_record("response", f"https://www.example.com/{n}", http_response("text/html", b"\x89PNG\r\n\x1a\n\0\0\0\0"))
        )
        paths.append(str(path))
    # The workers' Python is this one, with the wheel installed (on a cluster: PYSPARK_PYTHON).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = SparkSession.builder.master("local[2]").appName("masthead-test").config("spark.ui.enabled", "false").getOrCreate()
    try:
        pages = spark.sparkContext.parallelize(paths, numSlices=2).mapPartitions(extract_warc_partition).toDF(PAGE_SCHEMA)
        rows = sorted(pages.collect(), key=lambda row: row.url)
    finally:
        spark.stop()
    assert [row.url for row in rows] == [f"{SAMPLE_URL}?copy=0", f"{SAMPLE_URL}?copy=1", "https://www.example.com/0", "https://www.example.com/1"]
    for row in rows[:2]:
        assert row.label_tier == "controlled" and row.label_outlet == "Sputnik International"
        assert row.kind == "article" and row.readerable
        assert "Venezuela's self-proclaimed interim president" in row.text and row.error is None
        assert json.loads(row.label)["country"] == "RU"
    for row in rows[2:]:
        assert row.error and "binary" in row.error
