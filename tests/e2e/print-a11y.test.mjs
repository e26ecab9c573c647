// The reader page as a document: printed (Chromium's PDF, read back with pdf.js) it holds the
// article whole, once, with its headline, byline, date and label and none of the view's
// controls; read by axe-core it has no serious or critical accessibility violation, in every
// theme, on the fixtures and ten corpus pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer, launch, driver, currentWorker, readabilityPages } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const THEMES = ['system', 'light', 'dark', 'sepia', 'gray', 'contrast'];
const ARTICLE = '/20190209/guaido-intervention-us-contacts-1072305.html';

let server;
let browser;
let d;

before(async () => {
  server = await startServer();
  browser = await launch();
  d = driver(browser, server);
});

after(async () => {
  await browser?.context.close();
  server?.close();
});

/** The text of a PDF, with all whitespace removed (line breaks fall anywhere). */
async function pdfText(bytes) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => item.str).join('');
  }
  return { text: squeeze(text), pages: pdf.numPages };
}

// Letters and digits only, compatibility-normalized: line breaks, ligatures (ﬁ) and the PDF
// font's quotation marks do not make a printed paragraph count as missing.
const squeeze = (text) => text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
const count = (haystack, needle) => haystack.split(needle).length - 1;

test('printing the reader view prints the whole article once, with headline, byline, date and label', async () => {
  const page = await d.openPage(d.base('sputnikglobe.com') + ARTICLE);
  await d.click(page);
  await d.waitForReader(page, "Venezuela's self-proclaimed interim president");
  const shown = await page.evaluate(() => ({
    paragraphs: [...document.querySelectorAll('.masthead-body p, .masthead-body li, .masthead-body blockquote')].map((p) => p.textContent).filter((t) => t.trim()),
    headline: document.querySelector('h1').textContent,
    byline: document.querySelector('.byline')?.textContent ?? '',
    label: document.querySelector('.label-summary').textContent,
  }));
  const { text, pages } = await pdfText(await page.pdf({ format: 'A4' }));
  assert.ok(pages >= 2, `only ${pages} page(s) printed`);
  for (const paragraph of shown.paragraphs) {
    assert.equal(count(text, squeeze(paragraph)), 1, `printed ${count(text, squeeze(paragraph))} times: ${paragraph.slice(0, 80)}`);
  }
  for (const part of [shown.headline, shown.byline, shown.label, 'STATE-CONTROLLED MEDIA', 'February 9, 2019']) {
    assert.ok(text.includes(squeeze(part)), `not printed: ${part}`);
  }
  for (const control of ['Copy Markdown', 'Close reader view', 'Copied']) assert.ok(!text.includes(squeeze(control)), `printed: ${control}`);
  await page.close();
});

test('the reader page is keyboard-tight: focus starts on the headline, Tab stays in the view, Esc closes', async () => {
  const page = await d.openPage(d.base('sputnikglobe.com') + ARTICLE);
  await d.click(page);
  await d.waitForReader(page, "Venezuela's self-proclaimed interim president");
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const inView = await page.evaluate(() => document.activeElement === document.body || Boolean(document.getElementById('view')?.contains(document.activeElement)));
    assert.ok(inView, `focus left the view after ${i + 1} Tab presses`);
  }
  await page.keyboard.press('Escape');
  await d.waitForClosed(page);
  await page.close();
});

async function axeViolations(page) {
  await page.evaluate(AXE); // through DevTools, which the page's CSP does not govern
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('axe-core finds no serious or critical violation on the fixtures and ten corpus pages, in every theme', async () => {
  const corpus = readabilityPages();
  // Ten corpus pages spread over the set (every thirteenth), not chosen by hand.
  const sample = corpus.filter((_, i) => i % 13 === 0).slice(0, 10).map((name) => ['corpus.example', `/corpus/${name}`]);
  const pages = [
    ['sputnikglobe.com', ARTICLE], ['almadina.example', '/rtl/article.html'], ['www.dw.com', '/news/harbour.html'],
    ['www.1tv.ru', '/news/harbour.html'], ['daily.example', '/'], ...sample,
  ];
  const problems = [];
  for (const theme of THEMES) {
    await (await currentWorker(browser)).evaluate((value) => chrome.storage.local.set({
      mastheadSettings: { theme: value, font: 'serif', width: 'medium', fontSize: 20 },
    }), theme);
    for (const [host, route] of pages) {
      const page = await d.openPage(d.base(host) + route, { waitUntil: 'load' });
      try {
        await d.click(page);
        await d.waitForReader(page, '');
        for (const problem of await axeViolations(page)) problems.push(`${theme} ${route}: ${problem}`);
      } catch (error) {
        problems.push(`${theme} ${route}: ${error.message} (at ${page.url()})`);
      }
      await page.close();
    }
  }
  await (await currentWorker(browser)).evaluate(() => chrome.storage.local.remove('mastheadSettings'));
  assert.deepEqual(problems, []);
});
