// Benchmark (not a test): time from a real toolbar click to the reader view showing the
// article, over repeated opens on each fixture; the wasm compile+instantiate time in the
// extension's worker; the size of the built extension. Run: node tests/e2e/bench.mjs
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, clickToolbar, readerText, currentWorker, EXTENSION_DIR } from './harness.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 10);
const PAGES = {
  'sputnik article': ['sputnikglobe.com', '/20190209/guaido-intervention-us-contacts-1072305.html', 'self-proclaimed'],
  'sputnik, strict CSP': ['sputnikglobe.com', '/csp/guaido.html', 'self-proclaimed'],
  'rtl article': ['almadina.example', '/rtl/article.html', 'أعلنت'],
};

const server = await startServer();
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let visit = 0;
for (const [name, [host, route, marker]] of Object.entries(PAGES)) {
  const times = [];
  for (let round = 0; round < ROUNDS; round++) {
    const page = await browser.context.newPage();
    await page.goto(`http://${host}:${server.address().port}${route}?visit=${++visit}`, { waitUntil: 'networkidle' });
    // The harness's settle pause comes before the clock starts: it is not the extension's time.
    await page.bringToFront();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    await clickToolbar(browser.context, browser.extensionId, page, { settleMs: 0 });
    for (let i = 0; i < 1000 && !((await readerText(page)) ?? '').includes(marker); i++) await new Promise((r) => setTimeout(r, 5));
    if (((await readerText(page)) ?? '').includes(marker)) times.push(performance.now() - started);
    await page.close();
  }
  console.log(`${name}: click to reader view, ${times.length}/${ROUNDS} opened: median ${median(times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms`);
}
const wasm = await (await currentWorker(browser)).evaluate(() => globalThis.mastheadTimings);
if (wasm?.wasmReady) console.log(`wasm compile + instantiate in the service worker: ${(wasm.wasmReady - wasm.wasmStarted).toFixed(1)} ms`);
const files = fs.readdirSync(EXTENSION_DIR, { recursive: true }).map((f) => path.join(EXTENSION_DIR, f)).filter((f) => fs.statSync(f).isFile());
const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
const zip = fs.statSync(path.join(path.dirname(EXTENSION_DIR), 'masthead-chrome.zip')).size;
console.log(`extension size: ${bytes} bytes unpacked, ${zip} bytes zipped`);
await browser.context.close();
server.close();
