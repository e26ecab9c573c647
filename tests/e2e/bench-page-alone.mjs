// Benchmark (not a test): an extension page's own load, opened alone in a tab with no click and no
// extraction beside it, to tell the page's cost from what a click adds around it
// (tests/e2e/bench-cold.mjs). The reader page still asks the worker for a session, which answers at
// once that there is none.
// Each named page of the extension is opened in turn, ROUNDS times; prints the medians of its
// navigation timing (ms from the navigation's start) and, for the reader page, when its script ran.
//   node tests/e2e/bench-page-alone.mjs reader.html
//   MASTHEAD_EXTENSION=<a dist/chrome with the floor's floor.html and floor.js copied in>
//     node tests/e2e/bench-page-alone.mjs floor.html reader.html
import { launch, resetBrowserSession } from './harness.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 15);
const names = process.argv.slice(2);
if (names.length === 0) throw new Error('name the extension pages to open, e.g. reader.html');
resetBrowserSession();
const browser = await launch();
const rows = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const name of names) {
    const page = await browser.context.newPage();
    // A hash no session has: the reader page asks, is told the view expired, and says so.
    await page.goto(`chrome-extension://${browser.extensionId}/${name}#alone-${round}`, { waitUntil: 'load' });
    rows[name].push(await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventEnd, script: globalThis.mastheadScriptAt ?? NaN };
    }));
    await page.close();
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, times] of Object.entries(rows)) {
  const fields = Object.keys(times[0]).filter((key) => times.every((t) => Number.isFinite(t[key])));
  console.log(`${name}: ${fields.map((key) => `${key} ${median(times.map((t) => t[key])).toFixed(1)}`).join(', ')} ms (median of ${ROUNDS})`);
}
await browser.context.close();
