// Benchmark (not a test): what a reader waits for, from a real toolbar click to the article in
// the view, with the extension's worker stopped before each click (cold: as after 30 s idle,
// nearly every real click) and running (warm). Over the fixtures and the 130 Readability corpus
// pages, each served under a host name. Prints median, p95 and worst, and where the time went,
// stage by stage. Run after ./x build:  node tests/e2e/bench-cold.mjs   (PAGES=20 for a sample)
import { startServer, launch, clickToolbar, onReaderPage, readabilityPages } from './harness.mjs';

const LIMIT = Number(process.env.PAGES ?? Infinity);
const server = await startServer();
const browser = await launch();
const cdp = await browser.context.browser().newBrowserCDPSession();
const port = server.address().port;
const pages = [
  ['fixture sputnik', `http://sputnikglobe.com:${port}/20190209/guaido-intervention-us-contacts-1072305.html`],
  ['fixture strict CSP', `http://sputnikglobe.com:${port}/csp/guaido.html`],
  ['fixture rtl', `http://almadina.example:${port}/rtl/article.html`],
  ...readabilityPages().slice(0, LIMIT).map((name) => [name, `http://corpus.example:${port}/corpus/${name}`]),
];

async function workerRunning() {
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.some((t) => t.type === 'service_worker' && t.url.includes(browser.extensionId));
}

async function stopWorker(page) {
  const session = await browser.context.newCDPSession(page);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await session.detach();
  for (let i = 0; i < 100 && (await workerRunning()); i++) await new Promise((r) => setTimeout(r, 20));
}

/** One click: open the page, (stop the worker), click, wait for the article; the stage times. */
async function measure(url, visit, cold) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${url}?visit=${visit}`, { waitUntil: 'load' });
    await page.bringToFront();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the harness's settle pause, before the clock
    if (cold) await stopWorker(page);
    const clickedAt = Date.now();
    await clickToolbar(browser.context, browser.extensionId, page, { settleMs: 0 });
    let marks = null;
    for (let i = 0; i < 600 && !marks?.shownAt && !marks?.noArticle; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (!onReaderPage(page)) continue;
      marks = await page.evaluate(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return {
          origin: performance.timeOrigin,
          nav: (({ fetchStart, responseEnd, domInteractive }) => ({ fetchStart, responseEnd, domInteractive }))(performance.getEntriesByType('navigation')[0] ?? {}),
          scriptAt: globalThis.mastheadScriptAt ?? null,
          domInteractive: performance.getEntriesByType('navigation')[0]?.domInteractive,
          firstPaint: paint ? performance.timeOrigin + paint.startTime : null,
          sessionAt: globalThis.mastheadSessionAt ?? null,
          shownAt: globalThis.mastheadShownAt ?? null,
          noArticle: Boolean(globalThis.mastheadSession && !globalThis.mastheadShownAt && document.querySelector('.notice')),
          session: globalThis.mastheadSession ? { timings: globalThis.mastheadSession.timings, extractMs: globalThis.mastheadSession.extractMs } : null,
        };
      }).catch(() => null);
    }
    if (!marks?.shownAt) return null;
    const t = marks.session.timings;
    if (process.env.VERBOSE) console.log(`${cold ? 'cold' : 'warm'} ${url.split('/').pop()}: reader page parsed at ${marks.domInteractive?.toFixed(0)} ms, its script ran at ${marks.scriptAt?.toFixed(0)} ms`);
    return {
      total: marks.shownAt - clickedAt,
      progress: (marks.firstPaint ?? marks.shownAt) - clickedAt,
      workerStart: cold ? t.workerStarted - clickedAt : 0,
      toHandler: t.clicked - clickedAt,
      snapshot: t.snapped - t.clicked,
      wasm: cold && t.wasmReady ? t.wasmReady - t.wasmStarted : 0,
      extract: marks.session.extractMs,
      navigate: marks.origin - t.snapped,
      session: marks.sessionAt - marks.origin,
      // From the reader page's script to the article in its hands: the message and its payload.
      handover: marks.sessionAt - marks.origin - marks.scriptAt,
      pageResponse: marks.nav.responseEnd,
      pageScript: marks.scriptAt,
      draw: marks.shownAt - marks.sessionAt,
    };
  } finally {
    await page.close();
  }
}

const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const results = { cold: [], warm: [] };
let visit = 0;
for (const [name, url] of pages) {
  for (const mode of ['cold', 'warm']) {
    const figures = await measure(url, ++visit, mode === 'cold');
    if (figures) results[mode].push({ name, ...figures });
    else console.log(`# ${mode} ${name}: no article shown (not an article, or refused)`);
  }
}
for (const [mode, rows] of Object.entries(results)) {
  const totals = rows.map((r) => r.total);
  console.log(`\n${mode} (${rows.length} pages): click → article shown: median ${quantile(totals, 0.5).toFixed(0)} ms, p95 ${quantile(totals, 0.95).toFixed(0)} ms, worst ${Math.max(...totals).toFixed(0)} ms (${rows.find((r) => r.total === Math.max(...totals)).name})`);
  console.log(`  first paint of the reader page: median ${quantile(rows.map((r) => r.progress), 0.5).toFixed(0)} ms, worst ${Math.max(...rows.map((r) => r.progress)).toFixed(0)} ms`);
  const stages = ['workerStart', 'toHandler', 'snapshot', 'navigate', 'pageResponse', 'pageScript', 'wasm', 'extract', 'session', 'handover', 'draw'];
  console.log(`  stages, median / p95 ms: ${stages.map((s) => `${s} ${quantile(rows.map((r) => r[s]), 0.5).toFixed(0)}/${quantile(rows.map((r) => r[s]), 0.95).toFixed(0)}`).join(', ')}`);
}
await browser.context.close();
server.close();
