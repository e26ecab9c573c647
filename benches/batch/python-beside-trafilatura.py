#!/usr/bin/env python3
"""The Python package beside trafilatura's Python API, in one process, on the same pages.

Every .html file of a folder (benches/batch/prepare-corpus.sh) read into memory once; then,
ROUNDS times, each tool over all of them in turn (alternating which goes first), one core.
Prints pages per second for each and the ratio, per round and the median.

    target/py-venv/bin/pip install 'trafilatura==2.3.*' lxml_html_clean
    target/py-venv/bin/python benches/batch/python-beside-trafilatura.py target/batch-corpus [ROUNDS]
"""
import statistics
import sys
import time
from pathlib import Path

import masthead
import trafilatura


def main():
    folder = Path(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    pages = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.html"))]

    def run_masthead():
        for html in pages:
            try:
                masthead.extract(html)
            except masthead.MastheadError:
                pass

    def run_trafilatura():
        for html in pages:
            trafilatura.extract(html)

    seconds = {"masthead": [], "trafilatura": []}
    for round_ in range(rounds):
        order = [("masthead", run_masthead), ("trafilatura", run_trafilatura)]
        for name, run in order if round_ % 2 == 0 else reversed(order):
            start = time.perf_counter()
            run()
            seconds[name].append(time.perf_counter() - start)
        print(f"round {round_ + 1}: masthead {len(pages) / seconds['masthead'][-1]:.0f} pages/s, "
              f"trafilatura {len(pages) / seconds['trafilatura'][-1]:.0f} pages/s")
    m, t = statistics.median(seconds["masthead"]), statistics.median(seconds["trafilatura"])
    print(f"{len(pages)} pages, median of {rounds} rounds, one core: masthead {len(pages) / m:.0f} pages/s, "
          f"trafilatura {trafilatura.__version__ if hasattr(trafilatura, '__version__') else ''} {len(pages) / t:.0f} pages/s; time ratio {m / t:.3f}")


if __name__ == "__main__":
    main()
