#!/usr/bin/env bash
# The three corpora's pages as plain .html files in one folder (default target/batch-corpus),
# for timing the batch tool beside trafilatura's on the same files (docs/performance.md).
set -euo pipefail
CORPORA=${MASTHEAD_CORPORA:-$(dirname "$0")/../../../shared/corpora}
OUT=${1:-$(dirname "$0")/../../target/batch-corpus}
rm -rf "$OUT" && mkdir -p "$OUT"
for page in "$CORPORA"/readability/*/source.html; do
  cp "$page" "$OUT/readability-$(basename "$(dirname "$page")").html"
done
for set in zyte-dev trafilatura-dev; do
  for page in "$CORPORA/$set"/html/*.gz; do
    name=$(basename "$page" .gz)
    gunzip -c "$page" > "$OUT/$set-${name%.html}.html"
  done
done
ls "$OUT" | wc -l
