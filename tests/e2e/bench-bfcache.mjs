// Measurement (not a test): how often closing the reader view gives the page back from the
// browser's back-forward cache (its DOM, JavaScript state, form input and media as they were)
// rather than by reloading it (scroll restored, state lost). Over the 130 Readability corpus
// pages and the fixtures, in Chromium with the cache on as for a reader. Run after ./x build:
//   node tests/e2e/bench-bfcache.mjs
import { startServer, launch, driver, readabilityPages } from './harness.mjs';

const server = await startServer();
const browser = await launch();
const d = driver(browser, server);
const routes = [
  ['sputnikglobe.com', '/20190209/guaido-intervention-us-contacts-1072305.html'], ['sputnikglobe.com', '/csp/guaido.html'],
  ['almadina.example', '/rtl/article.html'], ...readabilityPages().map((name) => ['corpus.example', `/corpus/${name}`]),
];
const outcome = { restored: [], reloaded: [], failed: [] };
for (const [host, route] of routes) {
  let page = null;
  try {
    // Corpus pages name subresources that are not served; 'load' does not wait for them all.
    page = await d.openPage(d.base(host) + route, { waitUntil: 'load' });
    await page.evaluate(() => { window.mastheadProbe = 'kept'; });
    const scroll = await page.evaluate(() => { window.scrollTo(0, 300); return scrollY; });
    await d.click(page);
    await d.waitForReader(page, '');
    await page.keyboard.press('Escape');
    await d.waitForClosed(page);
    const after = await page.evaluate(() => [window.mastheadProbe ?? null, scrollY]);
    (after[0] === 'kept' ? outcome.restored : outcome.reloaded).push(`${route} (scroll ${scroll} → ${after[1]})`);
  } catch (error) {
    outcome.failed.push(`${route}: ${error.message.split('\n')[0]}`);
  }
  await page?.close();
}
const total = routes.length;
console.log(`back-forward cache: ${outcome.restored.length}/${total} pages restored as they were, ${outcome.reloaded.length} reloaded, ${outcome.failed.length} not measured`);
for (const line of outcome.reloaded) console.log(`  reloaded: ${line}`);
for (const line of outcome.failed) console.log(`  not measured: ${line}`);
await browser.context.close();
server.close();
