// The labelled outlet's page fights back (tests/fixtures/attacks/, one script per attack, on the
// seed article served as sputnikglobe.com). After a real toolbar click, what the reader sees and
// what lands on the clipboard are checked, not the view's DOM alone: the visible text, the
// element on top at the label and at the view's centre, the clipboard after a real mouse click.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, driver, onReaderPage, currentWorker, FIXTURES } from './harness.mjs';

// The label in the view (after its tier heading), and as the copied text's last line.
const LABEL = 'Sputnik International, Russia. Owned by Rossiya Segodnya.';
const OUTLET_LINE = 'Sputnik International — state-controlled media, Russia. Owned by Rossiya Segodnya.';
const HEADLINE = 'Guaido Not Ruling Out Intervention Amid Alleged US Contacts With Venezuelan Army';
const FAKE = /editorially independent|FAKE VIEW|SWAPPED ARTICLE|PWNED|nothing here/;
const SENTINEL = 'clipboard before the click';
const ATTACKS = fs.readdirSync(path.join(FIXTURES, 'attacks')).map((name) => path.basename(name, '.js')).sort();
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let server;
let browser;
let d;

before(async () => {
  server = await startServer();
  // The hostile host gets the async clipboard API, as it would over https.
  browser = await launch({ secureOrigins: [`http://sputnikglobe.com:${server.address().port}`] });
  d = driver(browser, server);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

after(async () => {
  await browser?.context.close();
  server?.close();
});

async function writeClipboard(text) {
  const page = await browser.context.newPage();
  await page.goto(`${d.base('localhost')}/`);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.close();
}

/** What is on the screen: the visible text, and whether the label and the view's centre are
 * the view's own elements, on top and inside the viewport. */
async function onScreen(page) {
  return page.evaluate(() => {
    const view = document.getElementById('view');
    const label = document.querySelector('.outlet-label .label');
    const box = label?.getBoundingClientRect();
    const labelOnTop = Boolean(box && box.top >= 0 && box.bottom <= innerHeight && box.width > 0
      && label.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)));
    return {
      text: document.body.innerText.replace(/\s+/g, ' '),
      centreIsView: Boolean(view?.contains(document.elementFromPoint(innerWidth / 2, innerHeight / 2))),
      labelOnTop,
    };
  });
}

for (const attack of ATTACKS) {
  test(`${attack}: the view opens with the true label on top, stays open, and copies only on a real click`, async () => {
    const page = await d.openPage(d.base('sputnikglobe.com') + `/hostile/${attack}.html`);
    await d.click(page);
    await d.waitForReader(page, "Venezuela's self-proclaimed interim president");
    // While the page was shown it could write the clipboard as any focused page can; from now
    // on, with the view open, nothing but the reader's own click may change it.
    await writeClipboard(SENTINEL);
    await page.bringToFront();
    await pause(1000); // the attack's chance: timers, observers, synthetic events
    assert.ok(onReaderPage(page), `the view was closed: ${page.url()}`);
    const seen = await onScreen(page);
    assert.ok(seen.text.includes(LABEL), `the label is not shown: ${seen.text.slice(0, 300)}`);
    assert.ok(seen.text.includes('STATE-CONTROLLED MEDIA'), 'the tier heading is not shown');
    assert.doesNotMatch(seen.text, FAKE);
    assert.ok(seen.labelOnTop, 'the label is covered, hidden or out of view');
    assert.ok(seen.centreIsView, 'something else is on top at the centre');
    assert.equal(await d.readClipboard(), SENTINEL, 'the clipboard changed without a click');

    await page.bringToFront();
    await page.getByRole('button', { name: 'Copy text' }).click(); // a real mouse click (CDP input)
    await d.waitForReader(page, 'Copied the clean text');
    await pause(1000);
    const copied = await d.readClipboard();
    assert.ok(copied.startsWith(`${HEADLINE}\n\n`), copied.slice(0, 120));
    assert.ok(copied.trimEnd().endsWith(`Outlet: ${OUTLET_LINE}`), copied.slice(-200));
    assert.doesNotMatch(copied, FAKE);
    await page.close();
  });
}

test('a settings value that is not one of the known values is not used, kept or passed on', async () => {
  const worker = await currentWorker(browser);
  await worker.evaluate(() => chrome.storage.local.set({
    mastheadSettings: {
      theme: 'id-4f1c2e', font: '<img src=x>', width: 'wide', fontSize: 7777, extra: 'tracker', language: '../../evil',
      fg: 'red; background: url(https://tracker.example/x)', bg: '#fff', lineSpacing: 9, letterSpacing: '0.05', align: 'center',
    },
  }));
  const page = await d.openPage(d.base('sputnikglobe.com') + '/hostile/label-rewrite.html');
  await d.click(page);
  await d.waitForReader(page, "Venezuela's self-proclaimed interim president");
  const applied = await page.evaluate(() => {
    const root = document.querySelector('.masthead-root');
    return { theme: root.dataset.theme, font: root.dataset.font, width: root.style.getPropertyValue('--content-width'),
      size: root.style.getPropertyValue('--font-size'), fg: root.style.getPropertyValue('--custom-fg'), align: root.dataset.align };
  });
  // 'wide' is how an earlier version stored the width; it becomes the slider's 48rem.
  assert.deepEqual(applied, { theme: 'system', font: 'serif', width: '48rem', size: '20px', fg: '#1d1d1f', align: 'start' });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('sepia');
  const stored = await (await currentWorker(browser)).evaluate(async () => (await chrome.storage.local.get('mastheadSettings')).mastheadSettings);
  assert.deepEqual(stored, {
    theme: 'sepia', fontSize: 20, font: 'serif', width: 48, lineSpacing: 1.6, letterSpacing: 0, wordSpacing: 0,
    align: 'start', fg: '#1d1d1f', bg: '#fdfdfb', language: 'auto',
  });
  await worker.evaluate(() => chrome.storage.local.remove('mastheadSettings')).catch(() => {});
  await page.close();
});

test('the view shows only images the page loaded, at the URL it loaded, and requests nothing new', async () => {
  const requests = [];
  const record = (request) => requests.push(request.url());
  browser.context.on('request', record);
  const page = await d.openPage(d.base('sputnikglobe.com') + '/hostile/images.html');
  const loaded = new Set(requests);
  const mark = requests.length;
  await d.click(page);
  await d.waitForReader(page, "Venezuela's self-proclaimed interim president");
  await pause(800);
  browser.context.off('request', record);
  const shown = await page.evaluate(() => [...document.querySelectorAll('.masthead-body img, img.lead')].map((img) => new URL(img.src).pathname));
  const fresh = requests.slice(mark).filter((url) => !url.startsWith('chrome-extension://') && !loaded.has(url));
  assert.deepEqual(fresh, [], 'requests the page never made');
  assert.ok(shown.includes('/img/loaded.png'), `shown: ${shown}`);
  assert.ok(!shown.some((src) => src.includes('never')), `an image the page never loaded: ${shown}`);
  const alts = await page.evaluate(() => [...document.querySelectorAll('.masthead-body img')].map((img) => img.getAttribute('alt')));
  assert.ok(alts.every((alt) => alt !== null), 'an image without alt');
  await page.close();
});
