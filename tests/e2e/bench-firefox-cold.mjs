// Benchmark (not a test): a real toolbar click in Firefox ESR until the article is in the view,
// with the add-on's event page unloaded before each click, as Firefox does after it has been idle
// (here after 1 s, `extensions.background.idle.timeout`, instead of 30 s). A click counts as
// cold only when the event page started after it (its start time is in the session). Over the
// fixtures and the first PAGES Readability corpus pages (default 30). Prints median, p95 and
// worst, and where the time went. Run after ./x build:  node tests/e2e/bench-firefox-cold.mjs
import { startServer, readabilityPages } from './harness.mjs';
import { startFirefox, missingTools } from './firefox-driver.mjs';

const missing = missingTools();
if (missing.length) {
  console.error(`not installed: ${missing.join(', ')} (./x test installs them)`);
  process.exit(1);
}
const LIMIT = Number(process.env.PAGES ?? 30);
const IDLE_TIMEOUT_MS = 1000;
const server = await startServer();
const port = server.address().port;
const firefox = await startFirefox({ 'extensions.background.idle.timeout': IDLE_TIMEOUT_MS });
await firefox.install();
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const pages = [
  ['fixture sputnik', `http://sputnikglobe.com:${port}/20190209/guaido-intervention-us-contacts-1072305.html`],
  ['fixture rtl', `http://almadina.example:${port}/rtl/article.html`],
  ...readabilityPages().slice(0, LIMIT).map((name) => [name, `http://corpus.example:${port}/corpus/${name}`]),
];

const rows = [];
let visit = 0;
for (const [name, url] of pages) {
  await firefox.goto(`${url}?visit=${++visit}`);
  await pause(IDLE_TIMEOUT_MS * 3); // the event page unloads
  const clickedAt = await firefox.clickToolbar();
  let marks = null;
  for (let i = 0; i < 750 && !marks?.shownAt && !marks?.noArticle; i++) {
    await pause(20);
    marks = await firefox.run(`if (!location.href.includes('/reader.html')) return null;
      const session = globalThis.mastheadSession;
      return { origin: performance.timeOrigin, scriptAt: globalThis.mastheadScriptAt ?? null,
        sessionAt: globalThis.mastheadSessionAt ?? null, shownAt: globalThis.mastheadShownAt ?? null,
        noArticle: Boolean(session && !globalThis.mastheadShownAt && document.querySelector('.notice')),
        timings: session?.timings ?? null, extractMs: session?.extractMs ?? null };`).catch(() => null);
  }
  if (!marks?.shownAt) {
    console.log(`# ${name}: no article shown (not an article, or refused)`);
    continue;
  }
  const t = marks.timings;
  rows.push({
    name,
    cold: t.workerStarted > clickedAt,
    total: marks.shownAt - clickedAt,
    workerStart: Math.max(0, t.workerStarted - clickedAt),
    toHandler: t.clicked - clickedAt,
    snapshot: t.snapped - t.clicked,
    wasm: t.wasmReady && t.wasmStarted ? t.wasmReady - t.wasmStarted : 0,
    extract: marks.extractMs,
    navigate: marks.origin - t.snapped,
    pageScript: marks.scriptAt,
    session: marks.sessionAt - marks.origin,
    draw: marks.shownAt - marks.sessionAt,
  });
}
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
for (const cold of [true, false]) {
  const mode = rows.filter((r) => r.cold === cold);
  if (mode.length === 0) continue;
  const totals = mode.map((r) => r.total);
  const worst = mode.find((r) => r.total === Math.max(...totals));
  console.log(`\nFirefox ESR, ${cold ? 'cold (event page started by the click)' : 'warm (event page was still running)'}, ${mode.length} pages: click → article shown: median ${quantile(totals, 0.5).toFixed(0)} ms, p95 ${quantile(totals, 0.95).toFixed(0)} ms, worst ${worst.total.toFixed(0)} ms (${worst.name})`);
  const stages = ['workerStart', 'toHandler', 'snapshot', 'wasm', 'extract', 'navigate', 'pageScript', 'session', 'draw'];
  console.log(`  stages, median / p95 ms: ${stages.map((s) => `${s} ${quantile(mode.map((r) => r[s]), 0.5).toFixed(0)}/${quantile(mode.map((r) => r[s]), 0.95).toFixed(0)}`).join(', ')}`);
}
await firefox.close();
server.close();
