#!/usr/bin/env python3
"""Masthead beside trafilatura on wcxb-dev, per page type, with WCXB's own metric.

Word F1 as the benchmark's evaluate.py v1.0 computes it (../shared/corpora/README.md): `\\w+`
runs of the lower-cased text as a bag of words, P, R and F1 averaged over pages. Masthead is the
built command-line tool (`masthead extract --format json`, its `text`); trafilatura is the PyPI
package's `extract()` with its defaults. The folds are tests/common/mod.rs's (FNV-1a of the site,
fold 4 held out), so the figures line up with `cargo test --test corpus`. Metadata: title,
author and date agreement with the reference, exactly as it gives them (the date by its day):
Masthead's `title`, `byline` and `published_time`, trafilatura's `extract_metadata`.

    python3 -m venv target/bench-venv && target/bench-venv/bin/pip install 'trafilatura==2.3.*' lxml_html_clean
    cargo build --release --bin masthead
    target/bench-venv/bin/python benches/wcxb/beside-trafilatura.py [--limit N]
"""
import argparse
import collections
import gzip
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("MASTHEAD_CORPORA", ROOT.parent / "shared" / "corpora")) / "wcxb-dev"
MASTHEAD = ROOT / "target" / "release" / "masthead"
TYPES = ["article", "service", "forum", "listing", "product", "collection", "documentation"]
WORD = re.compile(r"\w+")


def score(reference, prediction):
    """Precision, recall and F1 of one page, as evaluate.py scores it."""
    truth = collections.Counter(WORD.findall(reference.lower()))
    predicted = collections.Counter(WORD.findall(prediction.lower()))
    if not truth:
        return (1.0,) * 3 if not predicted else (0.0,) * 3
    if not predicted:
        return (0.0,) * 3
    overlap = sum((truth & predicted).values())
    p, r = overlap / sum(predicted.values()), overlap / sum(truth.values())
    return p, r, (2 * p * r / (p + r) if overlap else 0.0)


def fold_of(site):
    """tests/common/mod.rs's fold: FNV-1a of the lower-cased site, modulo 5."""
    h = 0xCBF29CE484222325
    for byte in site.lower().encode():
        h ^= byte
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h % 5


def site_of(url, fallback):
    if not url:
        return fallback
    host = url.split("://", 1)[-1]
    host = re.split(r"[/?#:]", host)[0].lower()
    return host[4:] if host.startswith("www.") else host


def masthead_extract(html_path, url):
    """The built CLI's text, and its title, byline and date as the metadata fields."""
    with gzip.open(html_path, "rb") as f:
        page = f.read()
    args = [str(MASTHEAD), "extract", "-", "--format", "json"] + (["--url", url] if url else [])
    done = subprocess.run(args, input=page, capture_output=True)
    if done.returncode != 0:
        return "", {}
    article = json.loads(done.stdout)
    fields = {"title": article.get("title"), "author": article.get("byline"),
              "publish_date": article.get("published_time")}
    return article.get("text") or "", fields


def trafilatura_metadata(trafilatura, html, url):
    """trafilatura's own metadata pass (`extract_metadata`), as its extract() would attach it."""
    try:
        found = trafilatura.extract_metadata(html, default_url=url)
    except Exception:  # noqa: BLE001 - a page the peer fails on agrees on nothing
        return {}
    if found is None:
        return {}
    return {"title": found.title, "author": found.author, "publish_date": found.date}


METADATA = ("title", "author", "publish_date")


def agrees(field, wanted, got):
    """Exactly as the reference gives it, whitespace collapsed; a date by its calendar day."""
    collapse = lambda text: " ".join(str(text or "").split())  # noqa: E731
    if field == "publish_date":
        return collapse(got)[:10] == collapse(wanted)[:10]
    return collapse(got) == collapse(wanted)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = parser.parse_args()
    import trafilatura

    answers = sorted((CORPUS / "ground-truth").glob("*.json"))
    if args.limit:
        answers = answers[: args.limit]
    sums = collections.defaultdict(lambda: [0, 0.0, 0.0])  # (tool, type, fold) -> pages, f1, empty
    seconds = collections.Counter()
    metadata = collections.defaultdict(lambda: [0, 0])  # (tool, field) -> agreeing, given
    for n, path in enumerate(answers, 1):
        answer = json.loads(path.read_text())
        page_id, url = answer["file_id"], answer.get("url")
        kind = answer["_internal"]["page_type"]["primary"]
        reference = answer["ground_truth"].get("main_content") or ""
        html_path = CORPUS / "html" / f"{page_id}.html.gz"
        held = "held-out" if fold_of(site_of(url, page_id)) == 4 else "development"
        start = time.perf_counter()
        ours, our_fields = masthead_extract(html_path, url)
        seconds["masthead"] += time.perf_counter() - start
        with gzip.open(html_path, "rt", encoding="utf-8", errors="replace") as f:
            html = f.read()
        start = time.perf_counter()
        try:
            theirs = trafilatura.extract(html, url=url) or ""
        except Exception:  # noqa: BLE001 - a page the peer fails on scores as empty
            theirs = ""
        seconds["trafilatura"] += time.perf_counter() - start
        their_fields = trafilatura_metadata(trafilatura, html, url)
        for field in METADATA:
            wanted = answer["ground_truth"].get(field)
            if not wanted:
                continue
            for tool, fields in (("masthead", our_fields), ("trafilatura", their_fields)):
                tally = metadata[(tool, field)]
                tally[0] += agrees(field, wanted, fields.get(field))
                tally[1] += 1
        for tool, text in (("masthead", ours), ("trafilatura", theirs)):
            for key in ((tool, kind, held), (tool, kind, "all"), (tool, "all", held), (tool, "all", "all")):
                cell = sums[key]
                cell[0] += 1
                cell[1] += score(reference, text)[2]
                cell[2] += not text.strip()
        if n % 100 == 0:
            print(f"  {n} pages", file=sys.stderr)

    def f1(tool, kind, fold):
        pages, total, _ = sums[(tool, kind, fold)]
        return total / pages if pages else float("nan")

    print(f"wcxb-dev, {len(answers)} pages: mean word F1 per page type (development folds / held-out fold)")
    print("| page type (pages) | Masthead | trafilatura " + trafilatura.__version__ + " |")
    print("|---|---|---|")
    for kind in TYPES + ["all"]:
        pages = sums[("masthead", kind, "all")][0]
        if not pages:
            continue
        cells = [f"{f1(t, kind, 'all'):.3f} ({f1(t, kind, 'development'):.3f} / {f1(t, kind, 'held-out'):.3f})"
                 for t in ("masthead", "trafilatura")]
        print(f"| {kind} ({pages}) | {cells[0]} | {cells[1]} |")
    print("metadata, exactly as the reference gives it (a date by its day): pages agreeing / pages with one")
    for field in METADATA:
        cells = [f"{t} {metadata[(t, field)][0] / max(1, metadata[(t, field)][1]):.3f}"
                 for t in ("masthead", "trafilatura")]
        print(f"  {field} ({metadata[('masthead', field)][1]} pages): {', '.join(cells)}")
    empty = {t: int(sums[(t, "all", "all")][2]) for t in ("masthead", "trafilatura")}
    print(f"empty output: Masthead {empty['masthead']}, trafilatura {empty['trafilatura']}")
    print(f"time: Masthead {seconds['masthead']:.1f} s (one process per page, parse and label included), "
          f"trafilatura {seconds['trafilatura']:.1f} s (in process)")


if __name__ == "__main__":
    main()
