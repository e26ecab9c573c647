// Benchmark (not a test): what a reader waits for, from a real toolbar click to the first words
// of the article in the view, with the extension's worker stopped before each click (cold: as
// after 30 s idle, nearly every real click) and running (warm), beside the design's own floor
// (../shared/bench/floor-extension: the same click, snapshot, extension page and handover with
// no core; it shows the page's headline as text) in the same run. Rounds alternate which build
// goes first; each build gets a browser of its own, launched the same way. Prints each build's
// median and the ratios to the floor (of the medians, and the median of the per-page ratios),
// and where Masthead's time went, stage by stage.
//   node tests/e2e/bench-cold.mjs                 after ./x build
//   PAGES=10 ROUNDS=3 node tests/e2e/bench-cold.mjs
//   MASTHEAD_EXTENSION=<another dist/chrome> (a build to compare), MASTHEAD_FLOOR=<the floor's folder>
//   MASTHEAD_JS_FLAGS=--no-wasm-tier-up (diagnosis only: V8 flags for every build's browser; no
//   extension can set them, so a figure taken with them says where time goes, not what a reader waits);
//   MASTHEAD_BEFORE_JS_FLAGS: flags for the MASTHEAD_BEFORE build's browser alone, in place of
//   MASTHEAD_JS_FLAGS there (the same build with and without a flag, paired in one run); without
//   MASTHEAD_BEFORE it does nothing
import path from 'node:path';
import { startServer, launch, clickToolbar, onReaderPage, readabilityPages, resetBrowserSession, EXTENSION_DIR, ROOT } from './harness.mjs';

const LIMIT = Number(process.env.PAGES ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const FLOOR = process.env.MASTHEAD_FLOOR ?? path.join(ROOT, '../shared/bench/floor-extension');
// MASTHEAD_BEFORE=<an earlier dist/chrome>: a third build, timed beside both, to measure a change paired.
const BUILDS = [['masthead', EXTENSION_DIR], ['floor', FLOOR],
  ...(process.env.MASTHEAD_BEFORE ? [['before', process.env.MASTHEAD_BEFORE]] : [])];
const server = await startServer();
const port = server.address().port;
const pages = [
  ['fixture sputnik', `http://sputnikglobe.com:${port}/20190209/guaido-intervention-us-contacts-1072305.html`],
  ...readabilityPages().slice(0, LIMIT).map((name) => [name, `http://corpus.example:${port}/corpus/${name}`]),
];

// In every extension page: when the first words of the article's body are in the document (the
// floor's headline in #v, Masthead's first paragraph), the time of the next frame. The same
// clock and the same rule for both builds; nothing of this runs in the web pages.
function markFirstWords() {
  if (!location.protocol.endsWith('-extension:')) return;
  const found = () => [...document.querySelectorAll('#v p, .masthead-body p')].some((p) => p.textContent.trim());
  const observer = new MutationObserver(() => {
    if (globalThis.firstWordsAt || !found()) return;
    observer.disconnect();
    requestAnimationFrame(() => { globalThis.firstWordsAt = performance.timeOrigin + performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function open(dir, build) {
  resetBrowserSession();
  const jsFlags = build === 'before' && process.env.MASTHEAD_BEFORE_JS_FLAGS ? process.env.MASTHEAD_BEFORE_JS_FLAGS : process.env.MASTHEAD_JS_FLAGS;
  const browser = await launch({ extension: dir, extraArgs: jsFlags ? [`--js-flags=${jsFlags}`] : [] });
  await browser.context.addInitScript(markFirstWords);
  browser.cdp = await browser.context.browser().newBrowserCDPSession();
  return browser;
}

async function workerRunning(browser) {
  const { targetInfos } = await browser.cdp.send('Target.getTargets');
  return targetInfos.some((t) => t.type === 'service_worker' && t.url.includes(browser.extensionId));
}

async function stopWorker(browser, page) {
  const session = await browser.context.newCDPSession(page);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await session.detach();
  for (let i = 0; i < 100 && (await workerRunning(browser)); i++) await new Promise((r) => setTimeout(r, 20));
}

/** One click: open the page, (stop the worker), click, wait for the first words; the times. */
async function measure(browser, url, visit, cold) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${url}?visit=${visit}`, { waitUntil: 'load' });
    await page.bringToFront();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the harness's settle pause, before the clock
    if (cold) await stopWorker(browser, page);
    const clickedAt = Date.now();
    await clickToolbar(browser.context, browser.extensionId, page, { settleMs: 0 });
    let marks = null;
    for (let i = 0; i < 600 && !marks?.firstWordsAt && !marks?.noArticle; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (!/^chrome-extension:/.test(page.url())) continue;
      marks = await page.evaluate(() => ({
        firstWordsAt: globalThis.firstWordsAt ?? null,
        nav: (({ responseEnd, domInteractive, domContentLoadedEventEnd }) => ({ responseEnd, domInteractive, domContentLoadedEventEnd }))(performance.getEntriesByType('navigation')[0] ?? {}),
        origin: performance.timeOrigin,
        scriptAt: globalThis.mastheadScriptAt ?? null,
        sessionAt: globalThis.mastheadSessionAt ?? null,
        shownAt: globalThis.mastheadShownAt ?? null,
        renderedAt: globalThis.mastheadRenderedAt ?? null,
        noArticle: Boolean(globalThis.mastheadSession && !globalThis.mastheadShownAt && document.querySelector('.notice')),
        session: globalThis.mastheadSession ? { timings: globalThis.mastheadSession.timings, extractMs: globalThis.mastheadSession.extractMs } : null,
      })).catch(() => null);
    }
    if (!marks?.firstWordsAt) return null;
    const figures = {
      total: marks.firstWordsAt - clickedAt,
      // The extension page's own load, from its navigation's start: the same kind of page for both builds.
      pageLoaded: marks.nav.domContentLoadedEventEnd,
      firstWords: marks.firstWordsAt - marks.origin,
    };
    if (marks.session && onReaderPage(page)) {
      const t = marks.session.timings;
      Object.assign(figures, {
        workerStart: cold ? t.workerStarted - clickedAt : 0,
        toHandler: t.clicked - clickedAt,
        snapshot: t.snapped - t.clicked,
        wasm: cold && t.wasmReady ? t.wasmReady - t.wasmStarted : 0,
        extract: marks.session.extractMs,
        navigate: marks.origin - t.snapped,
        pageScript: marks.scriptAt,
        // When the worker had the article, from the reader page's start (before its script ran: the page waited).
        extracted: t.extracted - marks.origin,
        handover: marks.sessionAt - marks.origin - marks.scriptAt,
        // The view built in the document (the core's model to elements), then the frame that shows it.
        render: marks.renderedAt - marks.sessionAt,
        draw: marks.firstWordsAt - marks.sessionAt,
      });
    }
    return figures;
  } finally {
    await page.close();
  }
}

const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
// results[build][mode]: { page name → [totals] }
const results = Object.fromEntries(BUILDS.map(([name]) => [name, { cold: {}, warm: {} }]));
// measured[build][mode]: every click's figures, in order.
const measured = Object.fromEntries(BUILDS.map(([name]) => [name, {}]));
let visit = 0;
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? [...BUILDS].reverse() : BUILDS;
  for (const [build, dir] of order) {
    const browser = await open(dir, build);
    for (const [name, url] of pages) {
      for (const mode of ['cold', 'warm']) {
        const figures = await measure(browser, url, ++visit, mode === 'cold');
        if (!figures) {
          console.log(`# ${build} ${mode} ${name}: no first words shown (not an article, or refused)`);
          continue;
        }
        (results[build][mode][name] ??= []).push(figures.total);
        (measured[build][mode] ??= []).push(figures);
      }
    }
    await browser.context.close();
  }
}
const median = (xs) => quantile(xs, 0.5);
console.log(`${pages.length} pages, ${ROUNDS} rounds (builds alternating), click → first words of the article in view:`);
for (const mode of ['cold', 'warm']) {
  const floor = results.floor[mode];
  for (const [build] of BUILDS.filter(([name]) => name !== 'floor')) {
    const ours = results[build][mode];
    const both = Object.keys(ours).filter((name) => floor[name]);
    const all = (set) => both.flatMap((name) => set[name]);
    const paired = both.map((name) => median(ours[name]) / median(floor[name]));
    console.log(`  ${mode}: ${build} median ${median(all(ours)).toFixed(0)} ms (p95 ${quantile(all(ours), 0.95).toFixed(0)}), `
      + `floor ${median(all(floor)).toFixed(0)} ms (p95 ${quantile(all(floor), 0.95).toFixed(0)}); `
      + `ratio of medians ${(median(all(ours)) / median(all(floor))).toFixed(2)}×, median per-page ratio ${median(paired).toFixed(2)}× (${both.length} pages)`);
  }
  for (const [build] of BUILDS) {
    const rows = measured[build][mode] ?? [];
    console.log(`    ${build}: its page loaded (DOMContentLoaded) at ${median(rows.map((r) => r.pageLoaded)).toFixed(0)} ms, first words at ${median(rows.map((r) => r.firstWords)).toFixed(0)} ms after its navigation began; the click's part before that ${median(rows.map((r) => r.total - r.firstWords)).toFixed(0)} ms`);
  }
  const names = ['workerStart', 'toHandler', 'snapshot', 'navigate', 'pageScript', 'wasm', 'extract', 'extracted', 'handover', 'render', 'draw'];
  for (const [build] of BUILDS.filter(([name]) => name !== 'floor')) {
    const rows = (measured[build][mode] ?? []).filter((r) => r.draw !== undefined);
    if (rows.length) console.log(`    ${build}'s stages, median ms: ${names.map((s) => `${s} ${median(rows.map((r) => r[s] ?? 0)).toFixed(0)}`).join(', ')}`);
  }
}
server.close();
