// A long read in the reader view: the contents (a nav of links to the article's headings) jumps
// and marks the section being read, without touching the address; the progress bar and the time
// left follow the reader; a code block has its own copy button; "Save as Markdown" downloads the
// same Markdown the copy button copies. On a Readability corpus page (wikipedia-2: 76 minutes,
// fourteen sections) and a fixture with code, each served under a host name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launch, driver, readabilityPages } from './harness.mjs';

let server;
let browser;
let d;
before(async () => {
  server = await startServer();
  browser = await launch();
  d = driver(browser, server);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
after(async () => {
  await browser?.context.close();
  server?.close();
});

const PAGE = 'wikipedia-2';

test('the contents jumps to a section and marks it; progress and time left follow; the address stays', async () => {
  assert.ok(readabilityPages().includes(PAGE), 'the corpus page is there');
  const page = await d.openPage(d.base('encyclopedia.example') + `/corpus/${PAGE}`);
  await d.click(page);
  await d.waitForReader(page, 'New Zealand');
  const hashBefore = await page.evaluate(() => location.hash);
  const nav = await page.evaluate(() => {
    const contents = document.querySelector('nav.contents');
    return contents && {
      label: contents.getAttribute('aria-label'),
      links: [...contents.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent })),
      headingIds: [...document.querySelectorAll('.masthead-body h2, .masthead-body h3')].map((h) => h.id),
    };
  });
  assert.ok(nav, 'a contents nav');
  assert.equal(nav.label, 'Contents');
  assert.ok(nav.links.length >= 3, `${nav.links.length} links`);
  for (const link of nav.links) assert.ok(nav.headingIds.includes(link.href.slice(1)), `${link.href} points at a heading`);
  // On this width the contents is behind the toolbar's button.
  await page.getByRole('button', { name: 'Contents' }).click();
  const target = nav.links[Math.floor(nav.links.length / 2)];
  await page.locator(`nav.contents a[href="${target.href}"]`).click();
  await d.poll(async () => page.evaluate((href) => {
    const heading = document.querySelector(href);
    const top = heading.getBoundingClientRect().top;
    return top >= -5 && top < 120 && document.querySelector(`nav.contents a[href="${href}"]`).getAttribute('aria-current') === 'location';
  }, target.href), 'the heading at the top, its link marked');
  assert.equal(await page.evaluate(() => location.hash), hashBefore, 'the address (the view\'s own key) is untouched');
  const reading = await page.evaluate(() => ({
    fill: getComputedStyle(document.querySelector('.progress-fill')).transform,
    left: document.querySelector('.time-left').textContent,
  }));
  assert.notEqual(reading.fill, 'none');
  assert.match(reading.left, /^\d+ min left$/);
  // Closing still goes back to the article in one step.
  await page.getByRole('button', { name: 'Close reader view' }).click();
  await d.waitForClosed(page);
  assert.ok(page.url().includes(`/corpus/${PAGE}`), page.url());
  await page.close();
});

test('a code block copies its code, and "Save as Markdown" downloads the article\'s Markdown', async () => {
  // Readability's page 002: an article with seventeen code blocks.
  const page = await d.openPage(d.base('blog.example.org') + '/corpus/002');
  await d.click(page);
  await d.waitForReader(page, 'Copy code');
  const code = await page.evaluate(() => document.querySelector('.masthead-body pre').textContent);
  assert.ok(code.trim().length > 0);
  await page.getByRole('button', { name: 'Copy code' }).first().click();
  await d.waitForReader(page, 'Copied the code');
  assert.equal(await d.readClipboard(), code);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save as Markdown' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.md$/);
  const saved = fs.readFileSync(await download.path(), 'utf8');
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await d.waitForReader(page, 'Copied as Markdown');
  assert.equal(saved, await d.readClipboard());
  await page.close();
});

test('an image clicked is shown large; Esc closes it first, then the view', async () => {
  const page = await d.openPage(d.base('www.eveningdispatch.example') + '/news/harbour-photo.html');
  await d.click(page);
  await d.waitForReader(page, 'Harbour towns count the cost');
  const image = page.locator('.masthead-body figure img').first();
  // Its room is kept before it loads: the view keeps the width and height the page gave, which
  // the browser turns into the image's aspect ratio until the picture arrives.
  assert.deepEqual(await image.evaluate((img) => [img.getAttribute('width'), img.getAttribute('height')]), ['600', '400']);
  const src = await image.getAttribute('src');
  await image.click();
  const shown = await page.evaluate(() => {
    const dialog = document.querySelector('dialog.lightbox[open]');
    return dialog && { src: dialog.querySelector('img').getAttribute('src'), caption: dialog.querySelector('.lightbox-caption')?.textContent };
  });
  assert.ok(shown, 'the image is shown large');
  assert.equal(shown.src, src, 'the same picture at the same address');
  assert.equal(shown.caption, 'The harbour wall after the storm. Photo: Evening Dispatch');
  await page.keyboard.press('Escape');
  await d.poll(async () => page.evaluate(() => !document.querySelector('dialog.lightbox')), 'the large image to close');
  assert.ok(/reader\.html/.test(page.url()), 'the first Esc leaves the view open');
  await page.keyboard.press('Escape');
  await d.waitForClosed(page);
  await page.close();
});

test('read aloud: the headline first, the paragraph being read marked, next, pause, stop; never the label', async () => {
  const page = await d.openPage(d.base('sputnikglobe.com') + '/20190209/guaido-intervention-us-contacts-1072305.html');
  await d.click(page);
  await d.waitForReader(page, "Venezuela's self-proclaimed interim president");
  await page.getByRole('button', { name: 'Read aloud' }).click();
  const speaking = () => page.evaluate(() => ({
    unit: document.querySelector('.speaking')?.textContent.trim().slice(0, 40) ?? null,
    tag: document.querySelector('.speaking')?.tagName ?? null,
    inLabel: Boolean(document.querySelector('.outlet-label .speaking')),
    speaking: speechSynthesis.speaking, paused: speechSynthesis.paused,
  }));
  await d.poll(async () => (await speaking()).tag === 'H1', 'the headline read first');
  assert.equal((await speaking()).inLabel, false);
  // The browser's speech is really at work (speech-dispatcher's voice here).
  await d.poll(async () => (await speaking()).speaking, 'the speech to start');
  await page.getByRole('button', { name: 'Next paragraph' }).click();
  await d.poll(async () => (await speaking()).tag !== 'H1', 'the next unit marked');
  const next = await speaking();
  assert.equal(next.inLabel, false, 'the label is not read as if it were the article');
  await page.getByRole('button', { name: 'Pause' }).click();
  await d.poll(async () => !(await speaking()).speaking, 'paused: the voice stops');
  assert.equal((await speaking()).unit, next.unit, 'the place is kept');
  await page.getByRole('button', { name: 'Resume' }).click();
  await d.poll(async () => (await speaking()).speaking, 'resumed');
  assert.equal((await speaking()).unit, next.unit, 'from the same paragraph');
  // A click on a paragraph reads from there.
  await page.locator('.masthead-body p').nth(3).click();
  await d.poll(async () => (await speaking()).unit === (await page.locator('.masthead-body p').nth(3).textContent()).trim().slice(0, 40), 'reading from the clicked paragraph');
  await page.getByRole('button', { name: 'Stop reading' }).click();
  await d.poll(async () => !(await speaking()).speaking && (await speaking()).unit === null, 'stopped');
  // Closing the view while reading silences it.
  await page.getByRole('button', { name: 'Read aloud' }).click();
  await d.poll(async () => (await speaking()).speaking, 'reading again');
  await page.getByRole('button', { name: 'Close reader view' }).click();
  await d.waitForClosed(page);
  assert.equal(await page.evaluate(() => speechSynthesis.speaking), false);
  await page.close();
});
