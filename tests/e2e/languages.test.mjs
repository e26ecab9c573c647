// Masthead in the reader's own language: Chromium set to Russian and to Arabic (--lang), a real
// toolbar click, the view, the label, "No article here" and the copied text in that language;
// the Arabic interface right to left with the English article in its own direction; and the
// view's language setting, which says the same article again in another language at once.
// Screenshots at a desktop and a phone width go to docs/screenshots/ (looked at, linked from
// the README).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, driver, resetBrowserSession, ROOT } from './harness.mjs';

const ARTICLE_PATH = '/20190209/guaido-intervention-us-contacts-1072305.html';
const HEADLINE = 'Guaido Not Ruling Out Intervention';
const SHOTS = path.join(ROOT, 'docs/screenshots');
const messages = (locale) => Object.fromEntries(Object.entries(JSON.parse(
  fs.readFileSync(path.join(ROOT, 'extension/_locales', locale, 'messages.json'), 'utf8'),
)).map(([key, value]) => [key, value.message]));
const fill = (template, ...subs) => template.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1]);
/** Text as a reader sees it: without the invisible isolates around names in a right-to-left line. */
const visible = (text) => text.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ');

const opened = [];
after(async () => {
  for (const { browser, server } of opened) {
    await browser.context.close();
    server.close();
  }
});

async function browserIn(lang, viewport) {
  const server = await startServer();
  const browser = await launch({ lang, viewport });
  resetBrowserSession(); // the toolbar clicks go to this browser now
  opened.push({ browser, server });
  const d = driver(browser, server);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return d;
}

async function openSputnik(d) {
  const page = await d.openPage(d.base('sputnikglobe.com') + ARTICLE_PATH);
  const articleUrl = page.url();
  await d.click(page);
  await d.waitForReader(page, HEADLINE);
  return { page, articleUrl };
}

const viewState = (page) => page.evaluate(() => {
  const root = document.querySelector('#view');
  return {
    htmlLang: document.documentElement.lang,
    htmlDir: document.documentElement.dir,
    rootDir: root.dir,
    articleDir: root.querySelector('article.masthead-article')?.dir,
    label: root.querySelector('.outlet-label .label')?.innerText ?? null,
    labelDir: root.querySelector('.outlet-label')?.dir,
    meta: root.querySelector('.meta')?.textContent,
    buttons: [...root.querySelectorAll('.toolbar button')].map((b) => b.getAttribute('aria-label')),
  };
});

test('a Russian browser gets the view, the label, the notice and the copy in Russian', async () => {
  const ru = messages('ru');
  const d = await browserIn('ru');
  const { page, articleUrl } = await openSputnik(d);
  const seen = await viewState(page);
  assert.ok(seen.label.toLowerCase().includes(ru.tierControlled.toLowerCase()), seen.label);
  assert.ok(!/Owned by/.test(seen.label), `the owner in Russian too: ${seen.label}`);
  assert.ok(seen.label.includes('Россия'), `the country in Russian (CLDR): ${seen.label}`);
  assert.ok(/минут/.test(seen.meta), `reading time in Russian with its plural: ${seen.meta}`);
  assert.ok(seen.buttons.includes(ru.copyText) && seen.buttons.includes(ru.settings) && seen.buttons.includes(ru.closeReader), seen.buttons.join());
  assert.equal(seen.htmlLang.split('-')[0], 'ru');
  await page.getByRole('button', { name: ru.copyText }).click();
  await d.waitForReader(page, ru.copiedText);
  const copied = await d.readClipboard();
  const tail = copied.trimEnd().split('\n').slice(-2);
  assert.equal(tail[0], fill(ru.sourceLine, `Sputnik International — ${articleUrl}`));
  assert.ok(tail[1].startsWith(fill(ru.outletLine, 'Sputnik International — ')) && tail[1].includes('Россия'), tail[1]);
  await page.close();

  // A page that is not an article says so in Russian, with the outlet's label.
  const home = await d.openPage(d.base('sputnikglobe.com') + '/login');
  await d.click(home);
  await d.waitForReader(home, ru.noArticleTitle);
  const notice = await home.evaluate(() => document.querySelector('#view').innerText);
  assert.ok(notice.toLowerCase().includes(ru.tierControlled.toLowerCase()), notice);
  await home.close();
});

test('an Arabic browser gets a right-to-left interface around the article\'s own direction', async () => {
  const ar = messages('ar');
  for (const [width, height, name] of [[1280, 900, 'desktop'], [390, 844, 'phone']]) {
    const d = await browserIn('ar', { width, height });
    const { page } = await openSputnik(d);
    const seen = await viewState(page);
    assert.equal(seen.htmlDir, 'rtl');
    assert.equal(seen.rootDir, 'rtl', 'the interface runs right to left');
    assert.equal(seen.articleDir, 'ltr', 'the English article keeps its own direction');
    assert.equal(seen.labelDir, 'rtl');
    assert.ok(visible(seen.label).includes(ar.tierControlled), seen.label);
    assert.ok(seen.label.includes('روسيا'), `the country in Arabic: ${seen.label}`);
    // The outlet's Latin name is isolated inside the Arabic sentence.
    assert.ok(seen.label.includes('\u2068Sputnik International\u2069'), seen.label);
    assert.ok(seen.buttons.includes(ar.copyText), seen.buttons.join());
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `arabic-${name}.png`) });
    await page.close();
  }
});

test('the language setting says the same article again in the chosen language, and keeps it', async () => {
  const ru = messages('ru');
  const d = await browserIn('en-US', { width: 1280, height: 900 });
  const { page } = await openSputnik(d);
  assert.ok((await viewState(page)).label.toLowerCase().includes('state-controlled media'));
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await d.poll(async () => ((await viewState(page)).label ?? '').toLowerCase().includes(ru.tierControlled.toLowerCase()), 'the label in Russian');
  const seen = await viewState(page);
  assert.ok(seen.label.includes('Россия'), seen.label);
  assert.ok(seen.buttons.includes(ru.copyText), seen.buttons.join());
  // The toolbar button's tooltip says it too.
  assert.ok((await d.actionTitle()).includes(ru.tierControlled.split(',')[0]), await d.actionTitle());
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'russian-desktop.png') });
  // Kept for the next article.
  await page.close();
  const next = await openSputnik(d);
  assert.ok((await viewState(next.page)).label.toLowerCase().includes(ru.tierControlled.toLowerCase()));
  await next.page.setViewportSize({ width: 390, height: 844 });
  await next.page.screenshot({ path: path.join(SHOTS, 'russian-phone.png') });
  // Back to the browser's language.
  await next.page.getByRole('button', { name: ru.settings }).click();
  await next.page.getByRole('combobox', { name: ru.language }).selectOption('auto');
  await d.poll(async () => ((await viewState(next.page)).label ?? '').toLowerCase().includes('state-controlled media'), 'the label in English again');
  await next.page.close();
});
