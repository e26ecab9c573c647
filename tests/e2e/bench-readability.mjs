// Benchmark (not a test): Masthead's wasm core against Readability.js 0.6.0 in the same headless
// Chromium, page by page over Readability's own 130 test pages, in one run.
//   (a) the extension's path from a live document to an article: serialize the document
//       (outerHTML), hand the string to wasm, extract, and get the article back as a JS object;
//   (b) Readability.js on a clone of the same document (it mutates what it is given).
// Warm: each page is parsed into a live Document with DOMParser (no scripts run, nothing is
// fetched), then (a) and (b) alternate, ROUNDS times each; per page the medians are compared as
// a/b. Both sides first run on ten pages untimed, so that JIT warm-up is not charged to the first pages.
// Cold (what a click after a worker start pays in the core): per page, a fresh page, the module
// fetched, compiled and instantiated anew (served with no-store, so no code cache helps) and
// its first call; against Readability.js loaded anew in a fresh page and its first parse.
// PEER=dir (a folder with another build's masthead.js and masthead_bg.wasm) times that build
// beside this one in the same run, warm and cold, as peer/this per page.
// Also: peak wasm memory after the largest page, on a fresh instance.
// Run after ./x build: node tests/e2e/bench-readability.mjs   (MASTHEAD_CORPORA overrides the corpus folder)
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM } from './harness.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const CORPORA = process.env.MASTHEAD_CORPORA ?? path.join(ROOT, '../shared/corpora');
const PAGES = path.join(CORPORA, 'readability');
if (!fs.existsSync(PAGES)) {
  console.error(`no Readability test pages at ${PAGES} (set MASTHEAD_CORPORA)`);
  process.exit(1);
}
const names = fs.readdirSync(PAGES).filter((n) => fs.existsSync(path.join(PAGES, n, 'source.html'))).sort();
const PEER = process.env.PEER ? path.resolve(process.env.PEER) : null;
const FILES = {
  '/masthead.js': path.join(ROOT, 'www/pkg/masthead.js'),
  '/masthead_bg.wasm': path.join(ROOT, 'www/pkg/masthead_bg.wasm'),
  ...(PEER && { '/peer/masthead.js': path.join(PEER, 'masthead.js'), '/peer/masthead_bg.wasm': path.join(PEER, 'masthead_bg.wasm') }),
  '/Readability.js': path.join(ROOT, 'node_modules/@mozilla/readability/Readability.js'),
};
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8' };
const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://localhost');
  if (url.pathname === '/blank') {
    response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
    return response.end('<!doctype html><title>cold</title>');
  }
  if (url.pathname === '/') {
    response.writeHead(200, { 'content-type': TYPES['.html'] });
    return response.end('<!doctype html><title>bench</title><script src="/Readability.js"></script>');
  }
  const name = url.pathname.match(/^\/corpus\/([^/]+)$/)?.[1];
  const file = name && names.includes(name) ? path.join(PAGES, name, 'source.html') : FILES[url.pathname];
  if (!file) {
    response.writeHead(404);
    return response.end();
  }
  // no-store: a fresh page compiles the scripts and the wasm anew, as a fresh worker does.
  response.writeHead(200, { 'content-type': TYPES[path.extname(file)], 'cache-control': 'no-store' });
  response.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://localhost:${server.address().port}`;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto(`${origin}/`);
await page.evaluate(async (peer) => {
  const core = await import('/masthead.js');
  globalThis.wasmExports = await core.default({ module_or_path: '/masthead_bg.wasm' });
  globalThis.extractArticle = core.extractArticle;
  if (peer) {
    const other = await import('/peer/masthead.js');
    await other.default({ module_or_path: '/peer/masthead_bg.wasm' });
    globalThis.peerExtract = other.extractArticle;
  }
}, Boolean(PEER));

// Warm-up, so that neither side's first page pays for compiling its code to optimized form.
await page.evaluate(async (names) => {
  for (const name of names) {
    const html = await (await fetch(`/corpus/${name}`)).text();
    const live = new DOMParser().parseFromString(html, 'text/html');
    for (let i = 0; i < 3; i++) {
      extractArticle(live.documentElement.outerHTML, 'http://fakehost/test/page.html');
      globalThis.peerExtract?.(live.documentElement.outerHTML, 'http://fakehost/test/page.html');
      new Readability(live.cloneNode(true)).parse();
    }
  }
}, names.slice(0, 10));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const rows = [];
for (const name of names) {
  const result = await page.evaluate(async ({ name, rounds }) => {
    const html = await (await fetch(`/corpus/${name}`)).text();
    const live = new DOMParser().parseFromString(html, 'text/html');
    const url = `http://fakehost/test/page.html`;
    const a = [];
    const b = [];
    const c = [];
    let words = 0;
    let readabilityChars = 0;
    for (let round = 0; round < rounds; round++) {
      let started = performance.now();
      const article = extractArticle(live.documentElement.outerHTML, url);
      a.push(performance.now() - started);
      words = article.word_count;
      started = performance.now();
      const parsed = new Readability(live.cloneNode(true)).parse();
      b.push(performance.now() - started);
      if (globalThis.peerExtract) {
        started = performance.now();
        globalThis.peerExtract(live.documentElement.outerHTML, url);
        c.push(performance.now() - started);
      }
      readabilityChars = parsed?.textContent?.length ?? 0;
    }
    return { a, b, c, bytes: html.length, words, readabilityChars };
  }, { name, rounds: ROUNDS });
  rows.push({ name, a: median(result.a), b: median(result.b), c: PEER ? median(result.c) : null, bytes: result.bytes });
}
const ratios = rows.map((r) => r.a / r.b);
const total = (key) => rows.reduce((sum, r) => sum + r[key], 0);
const worst = rows.reduce((w, r) => (r.a / r.b > w.a / w.b ? r : w));
console.log(`pages: ${rows.length}, rounds per page: ${ROUNDS}`);
console.log(`Masthead (serialize + wasm extract) / Readability.js 0.6.0 (clone + parse), per page:`);
console.log(`  median ratio ${median(ratios).toFixed(2)}, p90 ${quantile(ratios, 0.9).toFixed(2)}, worst ${Math.max(...ratios).toFixed(2)} (${worst.name}, ${(worst.bytes / 1024).toFixed(0)} KB: ${worst.a.toFixed(1)} vs ${worst.b.toFixed(1)} ms)`);
console.log(`  total over all pages: Masthead ${total('a').toFixed(0)} ms, Readability.js ${total('b').toFixed(0)} ms`);
if (PEER) {
  const peerRatios = rows.map((r) => r.c / r.a);
  console.log(`  peer (${PEER}) / this build, warm, per page: median ${median(peerRatios).toFixed(2)}, p90 ${quantile(peerRatios, 0.9).toFixed(2)}; total ${total('c').toFixed(0)} vs ${total('a').toFixed(0)} ms`);
}
if (process.env.VERBOSE) for (const r of rows) console.log(`  ${r.name.padEnd(36)} ${(r.bytes / 1024).toFixed(0).padStart(5)} KB  ${r.a.toFixed(1).padStart(7)} ms  ${r.b.toFixed(1).padStart(7)} ms  ${(r.a / r.b).toFixed(2)}`);

// Cold: per page, fresh pages in turn (this build, Readability.js, the peer), each loading its
// code anew; the order rotates so that no side always runs first after a page is opened.
const COLD_URL = 'http://fakehost/test/page.html';
async function coldMasthead(name, prefix) {
  const fresh = await browser.newPage();
  try {
    await fresh.goto(`${origin}/`);
    return await fresh.evaluate(async ({ name, prefix, url }) => {
      const html = await (await fetch(`/corpus/${name}`)).text();
      const live = new DOMParser().parseFromString(html, 'text/html');
      const started = performance.now();
      const core = await import(`${prefix}/masthead.js`);
      await core.default({ module_or_path: `${prefix}/masthead_bg.wasm` });
      const ready = performance.now();
      // The outlet tables, loaded on the first label (as the worker's first click does).
      core.labelUrl(url);
      const labelled = performance.now();
      core.extractArticle(live.documentElement.outerHTML, url);
      const done = performance.now();
      return { load: ready - started, dataset: labelled - ready, first: done - labelled, total: done - started };
    }, { name, prefix, url: COLD_URL });
  } finally {
    await fresh.close();
  }
}
async function coldReadability(name) {
  const fresh = await browser.newPage();
  try {
    await fresh.goto(`${origin}/blank`);
    return await fresh.evaluate(async (name) => {
      const html = await (await fetch(`/corpus/${name}`)).text();
      const live = new DOMParser().parseFromString(html, 'text/html');
      const started = performance.now();
      await new Promise((resolve, reject) => {
        const script = Object.assign(document.createElement('script'), { src: '/Readability.js', onload: resolve, onerror: reject });
        document.head.append(script);
      });
      const ready = performance.now();
      new Readability(live.cloneNode(true)).parse();
      const done = performance.now();
      return { load: ready - started, dataset: 0, first: done - ready, total: done - started };
    }, name);
  } finally {
    await fresh.close();
  }
}
const COLD_PAGES = Number(process.env.COLD_PAGES ?? names.length);
const cold = [];
for (const [index, name] of names.slice(0, COLD_PAGES).entries()) {
  const sides = [['a', () => coldMasthead(name, '')], ['b', () => coldReadability(name)]];
  if (PEER) sides.push(['c', () => coldMasthead(name, '/peer')]);
  const row = { name };
  for (let i = 0; i < sides.length; i++) {
    const [key, run] = sides[(index + i) % sides.length];
    row[key] = await run();
  }
  cold.push(row);
}
const coldLine = (label, key) => {
  const pick = (field) => cold.map((r) => r[key][field]);
  return `  ${label}: total median ${median(pick('total')).toFixed(1)} ms, p95 ${quantile(pick('total'), 0.95).toFixed(1)}, worst ${Math.max(...pick('total')).toFixed(1)}` +
    ` (load median ${median(pick('load')).toFixed(1)}, outlet tables ${median(pick('dataset')).toFixed(1)}, first call median ${median(pick('first')).toFixed(1)}, p95 ${quantile(pick('first'), 0.95).toFixed(1)})`;
};
console.log(`cold, ${cold.length} pages, one fresh page per side and page:`);
console.log(coldLine('Masthead (fetch, compile, instantiate, first extract)', 'a'));
console.log(coldLine('Readability.js (fetch, compile, first parse)', 'b'));
const coldRatios = cold.map((r) => r.a.total / r.b.total);
console.log(`  Masthead / Readability.js cold, per page: median ${median(coldRatios).toFixed(2)}, p90 ${quantile(coldRatios, 0.9).toFixed(2)}`);
if (PEER) {
  console.log(coldLine(`peer (${PEER})`, 'c'));
  const peerCold = cold.map((r) => r.c.total / r.a.total);
  console.log(`  peer / this build cold, per page: median ${median(peerCold).toFixed(2)}, p90 ${quantile(peerCold, 0.9).toFixed(2)}`);
}

// Peak wasm memory: a fresh instance, the largest page once (wasm memory only grows).
const largest = rows.reduce((l, r) => (r.bytes > l.bytes ? r : l));
const fresh = await browser.newPage();
await fresh.goto(`${origin}/`);
const memory = await fresh.evaluate(async (name) => {
  const core = await import(`/masthead.js?fresh`);
  const exports = await core.default({ module_or_path: '/masthead_bg.wasm' });
  const before = exports.memory.buffer.byteLength;
  const html = await (await fetch(`/corpus/${name}`)).text();
  const live = new DOMParser().parseFromString(html, 'text/html');
  core.extractArticle(live.documentElement.outerHTML, 'http://fakehost/test/page.html');
  return { before, after: exports.memory.buffer.byteLength, bytes: html.length };
}, largest.name);
console.log(`peak wasm memory, largest page (${largest.name}, ${(memory.bytes / 1024).toFixed(0)} KB of HTML): ${(memory.after / 1048576).toFixed(1)} MiB (${(memory.before / 1048576).toFixed(1)} MiB at start)`);
await browser.close();
server.close();
