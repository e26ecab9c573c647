#!/usr/bin/env node
// What the outlet label says across the four corpora's pages, each opened at its own address:
// how many pages get a label (by tier) and how many a "calls itself" note, and which. Run it
// with two builds to compare a change to the label (MASTHEAD=path/to/masthead).
//
//     node benches/labels/corpus-labels.mjs [../shared/corpora]
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const CORPORA = path.resolve(process.argv[2] ?? process.env.MASTHEAD_CORPORA ?? path.join(ROOT, '../shared/corpora'));
const TOOL = process.env.MASTHEAD ?? path.join(ROOT, 'target/release/masthead');

/** [file, url] of every corpus page that has an address. */
function pages() {
  const out = [];
  const readability = path.join(CORPORA, 'readability');
  for (const name of fs.readdirSync(readability)) {
    const meta = path.join(readability, name, 'expected-metadata.json');
    if (!fs.existsSync(meta)) continue;
    const url = JSON.parse(fs.readFileSync(meta, 'utf8')).url ?? `http://fakehost/${name}`;
    out.push([path.join(readability, name, 'source.html'), url]);
  }
  const zyte = JSON.parse(fs.readFileSync(path.join(CORPORA, 'zyte-dev/ground-truth.json'), 'utf8'));
  for (const [key, { url }] of Object.entries(zyte)) {
    for (const ext of ['.html.gz', '.html']) {
      const file = path.join(CORPORA, 'zyte-dev/html', key + ext);
      if (fs.existsSync(file)) { out.push([file, url]); break; }
    }
  }
  const trafilatura = JSON.parse(fs.readFileSync(path.join(CORPORA, 'trafilatura-dev/evaldata.json'), 'utf8'));
  for (const [url, { file }] of Object.entries(trafilatura)) {
    const base = path.join(CORPORA, 'trafilatura-dev/html', file);
    out.push([fs.existsSync(base) ? base : `${base}.gz`, url]);
  }
  const wcxb = path.join(CORPORA, 'wcxb-dev/ground-truth');
  const wcxbFiles = fs.readdirSync(path.join(CORPORA, 'wcxb-dev/html'));
  for (const name of fs.readdirSync(wcxb)) {
    const { url } = JSON.parse(fs.readFileSync(path.join(wcxb, name), 'utf8'));
    const id = name.replace(/\.json$/, '');
    const file = wcxbFiles.find((f) => f.startsWith(id + '.'));
    if (url && file) out.push([path.join(CORPORA, 'wcxb-dev/html', file), url]);
  }
  return out;
}

const tally = { pages: 0, failed: 0, labelled: {}, claims: [] };
for (const [file, url] of pages()) {
  if (!fs.existsSync(file)) continue;
  tally.pages += 1;
  let article;
  try {
    const html = file.endsWith('.gz') ? execFileSync('gzip', ['-dc', file], { maxBuffer: 1 << 28 }) : fs.readFileSync(file);
    article = JSON.parse(execFileSync(TOOL, ['extract', '-', '--url', url, '--format', 'json'], { input: html, maxBuffer: 1 << 28, stdio: ['pipe', 'pipe', 'ignore'] }));
  } catch {
    tally.failed += 1;
    continue;
  }
  if (article.affiliation) {
    const key = `${article.affiliation.tier}: ${article.affiliation.outlet}`;
    tally.labelled[key] = (tally.labelled[key] ?? 0) + 1;
  }
  if (article.name_claim) tally.claims.push(`${new URL(url).host} calls itself ${JSON.stringify(article.name_claim.claimed)} (${article.name_claim.outlet})`);
}
console.log(JSON.stringify(tally, null, 1));
