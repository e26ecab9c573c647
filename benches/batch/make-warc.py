#!/usr/bin/env python3
"""A .warc.gz of N pages from a folder of .html files (benches/batch/prepare-corpus.sh), as a
crawler writes it: for each page a request record, the HTML response and an image response,
each record its own gzip member. For timing `masthead extract crawl.warc.gz` end to end.

    python3 benches/batch/make-warc.py target/batch-corpus target/crawl-1000.warc.gz 1000
"""
import gzip
import itertools
import sys
import uuid
from pathlib import Path


def record(kind, uri, block):
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Date: 2026-12-06T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + block + b"\r\n\r\n")


def response(content_type, body):
    return f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def main():
    folder, out, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    pages = sorted(folder.glob("*.html"))
    with open(out, "wb") as warc:
        for n, page in zip(range(count), itertools.cycle(pages)):
            uri = f"https://pages.example/{n}/{page.stem}"
            warc.write(record("request", uri, f"GET /{n}/{page.stem} HTTP/1.1\r\nHost: pages.example\r\n\r\n".encode()))
            warc.write(record("response", uri, response("text/html; charset=utf-8", page.read_bytes())))
            warc.write(record("response", uri + ".png", response("image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))))
    print(f"{count} pages, {out.stat().st_size} bytes: {out}")


if __name__ == "__main__":
    main()
