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

test('images whose size the page did not give keep their shape while they load: nothing jumps', async () => {
  const page = await d.openPage(d.base('www.eveningdispatch.example') + '/news/harbour-photos.html');
  await d.click(page);
  await d.waitForReader(page, 'Harbour towns count the cost');
  // Layout shifts from here on (the pictures arrive 1.5 s after the view asks for them again).
  await page.evaluate(() => {
    globalThis.shifts = [];
    new PerformanceObserver((list) => globalThis.shifts.push(...list.getEntries().map((e) => e.value)))
      .observe({ type: 'layout-shift', buffered: true });
  });
  const images = page.locator('.masthead-body figure img');
  assert.equal(await images.count(), 2);
  // The size the page showed them at, before they arrive.
  assert.deepEqual(await images.evaluateAll((all) => all.map((img) => [img.getAttribute('width'), img.getAttribute('height'), img.complete])),
    [['800', '500', false], ['600', '800', false]]);
  await d.poll(async () => images.evaluateAll((all) => all.every((img) => img.complete && img.naturalWidth > 0)), 'the pictures to load');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const shifted = await page.evaluate(() => globalThis.shifts.reduce((sum, value) => sum + value, 0));
  assert.ok(shifted < 0.01, `layout shift ${shifted}`);
  await page.close();
});

test("the seed page's lead photo keeps its caption and credit in the view and in the Markdown", async () => {
  const page = await d.openPage(d.base('sputnikglobe.com') + '/20190209/guaido-photo.html');
  await d.click(page);
  await d.waitForReader(page, "Venezuela's self-proclaimed interim president");
  const lead = await page.evaluate(() => {
    const figure = document.querySelector('.masthead-body > figure');
    return figure && {
      first: figure === document.querySelector('.masthead-body').firstElementChild,
      src: figure.querySelector('img')?.getAttribute('src'),
      caption: figure.querySelector('figcaption')?.textContent,
      separateLead: Boolean(document.querySelector('img.lead')),
    };
  });
  assert.ok(lead?.first, 'the lead figure opens the body');
  assert.match(lead.src, /\/img\/guaido\.jpg$/);
  assert.match(lead.caption, /© REUTERS \/ Carlos Garcia Rawlins/);
  assert.match(lead.caption, /holds a copy of Venezuelan constitution/);
  assert.equal(lead.separateLead, false, 'the photo is shown once');
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  const markdown = await d.readClipboard();
  assert.match(markdown, /!\[Juan Guaido[^\]]*\]\(http:\/\/sputnikglobe\.com[^)]*\/img\/guaido\.jpg\)\n\n© REUTERS/);
  await page.close();
  // Where the page never showed the photo (an address the test server does not serve), the
  // view shows neither it nor its caption alone.
  const unseen = await d.openPage(d.base('sputnikglobe.com') + '/20190209/guaido-intervention-us-contacts-1072305.html');
  await d.click(unseen);
  await d.waitForReader(unseen, "Venezuela's self-proclaimed interim president");
  assert.equal(await unseen.evaluate(() => /Carlos Garcia Rawlins/.test(document.querySelector('.masthead-body').textContent)), false);
  await unseen.close();
});

test('keyboard shortcuts: "?" lists them; size, theme, read aloud and copy by one key; Esc closes the list first', async () => {
  const page = await d.openPage(d.base('www.eveningdispatch.example') + '/news/harbour.html');
  await d.click(page);
  await d.waitForReader(page, 'Harbour towns count the cost');
  const state = () => page.evaluate(() => {
    const root = document.querySelector('.masthead-root');
    return {
      size: root.style.getPropertyValue('--font-size'), theme: root.dataset.theme,
      player: document.querySelector('.player')?.hidden === false,
      list: [...document.querySelectorAll('dialog.shortcuts[open] dd')].map((dd) => dd.textContent),
    };
  });
  const before = await state();
  await page.keyboard.press('Shift+Slash');
  assert.deepEqual((await state()).list, ['Larger text', 'Smaller text', 'Next theme', 'Read aloud, or stop', 'Contents',
    'Copy the text', 'Close the reader view', 'This list']);
  await page.keyboard.press('Escape');
  await d.poll(async () => (await state()).list.length === 0, 'the list to close');
  assert.ok(/reader\.html/.test(page.url()), 'Esc closed the list, not the view');
  await page.keyboard.press('Equal');
  await page.keyboard.press('Equal');
  assert.equal((await state()).size, `${parseInt(before.size, 10) + 4}px`);
  await page.keyboard.press('Minus');
  assert.equal((await state()).size, `${parseInt(before.size, 10) + 2}px`);
  await page.keyboard.press('KeyT');
  assert.notEqual((await state()).theme, before.theme);
  await page.keyboard.press('KeyC');
  await d.poll(async () => (await d.readClipboard()).startsWith('Harbour towns count the cost'), 'the text copied');
  await page.keyboard.press('KeyR');
  assert.equal((await state()).player, true, 'read aloud started');
  await page.keyboard.press('KeyR');
  assert.equal((await state()).player, false, 'and stopped');
  // A key pressed in a field is the field's.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.focus('input[data-setting="width"]');
  const size = (await state()).size;
  await page.keyboard.press('Equal');
  assert.equal((await state()).size, size);
  await page.close();
});

