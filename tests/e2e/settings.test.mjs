// The reading settings as a reader uses them: a popover (a sheet on a phone) that changes the
// view at once, is kept across a reload and a new article, works from the keyboard alone and
// resets; every theme including high contrast and custom colours; the bundled legible typeface.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, driver } from './harness.mjs';

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

async function open(path = ARTICLE, host = 'sputnikglobe.com') {
  const page = await d.openPage(d.base(host) + path);
  await d.click(page);
  await d.waitForReader(page, path === ARTICLE ? "Venezuela's self-proclaimed interim president" : 'Harbour towns');
  return page;
}

/** What the reader sees of the settings: computed styles of the text. */
const look = (page) => page.evaluate(() => {
  const root = document.querySelector('.masthead-root');
  const article = document.querySelector('.masthead-article');
  const paragraph = document.querySelector('.masthead-body p');
  const style = getComputedStyle(paragraph);
  return {
    theme: root.dataset.theme, background: getComputedStyle(root).backgroundColor, color: getComputedStyle(root).color,
    width: article.getBoundingClientRect().width, lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
    letterSpacing: style.letterSpacing, wordSpacing: style.wordSpacing, align: style.textAlign, font: style.fontFamily,
  };
});

test('each setting changes the view at once and is kept for a reload and the next article', async () => {
  const page = await open();
  const before = await look(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('slider', { name: 'Line spacing' }).fill('2.2');
  await page.getByRole('slider', { name: 'Content width' }).fill('30');
  await page.getByRole('slider', { name: 'Letter spacing' }).fill('0.05');
  await page.getByRole('slider', { name: 'Word spacing' }).fill('0.2');
  await page.getByRole('combobox', { name: 'Alignment' }).selectOption('justify');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('contrast');
  await page.getByRole('combobox', { name: 'Typeface' }).selectOption('legible');
  const after = await look(page);
  assert.ok(Math.abs(after.lineHeight - 2.2) < 0.05, `line height ${after.lineHeight}`);
  assert.ok(after.width < before.width, `narrower: ${after.width} < ${before.width}`);
  assert.notEqual(after.letterSpacing, before.letterSpacing);
  assert.notEqual(after.wordSpacing, before.wordSpacing);
  assert.equal(after.align, 'justify');
  assert.equal(after.background, 'rgb(0, 0, 0)');
  assert.equal(after.color, 'rgb(255, 255, 255)');
  assert.match(after.font, /Atkinson Hyperlegible/);
  // The bundled face is the one drawn, from the extension's own file.
  assert.ok(await page.evaluate(async () => {
    await document.fonts.load('20px "Atkinson Hyperlegible"');
    return document.fonts.check('20px "Atkinson Hyperlegible"');
  }));
  await page.reload();
  await d.waitForReader(page, "Venezuela's self-proclaimed interim president");
  assert.deepEqual(await look(page), after, 'kept across a reload');
  await page.close();
  const next = await open('/news/harbour.html', 'www.eveningdispatch.example');
  const kept = await look(next);
  assert.equal(kept.theme, 'contrast');
  assert.ok(Math.abs(kept.lineHeight - 2.2) < 0.05);
  // Reset: every setting back to its default.
  await next.getByRole('button', { name: 'Settings' }).click();
  await next.getByRole('button', { name: 'Reset' }).click();
  const reset = await look(next);
  assert.equal(reset.theme, 'system');
  assert.ok(Math.abs(reset.lineHeight - 1.6) < 0.05);
  assert.equal(reset.align, 'start');
  await next.close();
});

test('custom colours, and the settings from the keyboard alone', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  // Focus moves into the settings; Tab walks them; Esc closes them and returns to the button.
  const first = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.equal(first, 'Theme');
  await page.keyboard.press('ArrowDown'); // a select changes with the arrow keys
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('custom');
  await page.locator('input[type=color][data-setting="bg"]').fill('#203040');
  await page.locator('input[type=color][data-setting="fg"]').fill('#f0e0c0');
  const seen = await look(page);
  assert.equal(seen.background, 'rgb(32, 48, 64)');
  assert.equal(seen.color, 'rgb(240, 224, 192)');
  await page.getByRole('slider', { name: 'Line spacing' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.ok(Math.abs((await look(page)).lineHeight - 1.7) < 0.05, 'a slider moves with the arrow keys');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.querySelector('.settings').hidden), true);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Settings');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.close();
});

test('on a phone the settings are a sheet from the bottom', async () => {
  const page = await open();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Settings' }).click();
  const box = await page.locator('.settings').boundingBox();
  assert.ok(Math.abs(box.y + box.height - 844) < 2 && box.width > 380, JSON.stringify(box));
  await page.close();
});
