// Smoke test in Firefox ESR: install dist/firefox as a temporary add-on through geckodriver,
// click its toolbar button from the browser's own context, and see the reader view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { startServer, FIXTURES } from './harness.mjs';
import { startFirefox, missingTools, ADDON_WIDGET } from './firefox-driver.mjs';

const missing = missingTools();
let server;
let firefox;

before(async () => {
  if (missing.length) return;
  server = await startServer();
  firefox = await startFirefox();
});

after(async () => {
  await firefox?.close();
  server?.close();
});

const ARTICLE = '/20190209/guaido-intervention-us-contacts-1072305.html';
// The label in the view (after its tier heading), and as the copied text's last line.
const LABEL = 'Sputnik International, Russia. Owned by Rossiya Segodnya.';
const OUTLET_LINE = 'Sputnik International — state-controlled media, Russia. Owned by Rossiya Segodnya.';
const FAKE = /editorially independent|FAKE VIEW|SWAPPED ARTICLE|PWNED|nothing here/;
const ATTACKS = fs.readdirSync(path.join(FIXTURES, 'attacks')).map((name) => path.basename(name, '.js')).sort();
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const skip = missing.length ? `not installed: ${missing.join(', ')}` : false;

const inChrome = (script, args) => firefox.inChrome(script, args);
const clickToolbar = () => firefox.clickToolbar();
const call = (method, route, body) => firefox.call(method, route, body);

/** The system clipboard's text, read by the browser itself (no page takes part). */
async function clipboardText() {
  return inChrome(`const t = Cc["@mozilla.org/widget/transferable;1"].createInstance(Ci.nsITransferable);
    t.init(null); t.addDataFlavor("text/plain");
    Services.clipboard.getData(t, Services.clipboard.kGlobalClipboard);
    const data = {}; try { t.getTransferData("text/plain", data); } catch { return null; }
    return data.value.QueryInterface(Ci.nsISupportsString).data;`);
}

async function setClipboard(text) {
  await inChrome('Cc["@mozilla.org/widget/clipboardhelper;1"].getService(Ci.nsIClipboardHelper).copyString(arguments[0]);', [text]);
}

const run = (script, args) => firefox.run(script, args);
const currentUrl = () => firefox.currentUrl();

/** What the tab shows: the reader page's visible text, and whether the label is on top. */
async function onScreen() {
  return run(`const view = document.getElementById('view');
    if (!location.href.includes('/reader.html') || !view || document.querySelector('#view .loading')) return null;
    const label = document.querySelector('.outlet-label .label');
    const box = label?.getBoundingClientRect();
    return {
      text: document.body.innerText.replace(/\\s+/g, ' '),
      labelOnTop: Boolean(box && box.top >= 0 && box.bottom <= innerHeight
        && label.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2))),
      centreIsView: view.contains(document.elementFromPoint(innerWidth / 2, innerHeight / 2)),
    };`).catch(() => null);
}

async function openReader(route, marker = 'self-proclaimed interim president') {
  await firefox.goto( `http://sputnikglobe.com:${server.address().port}${route}`);
  await clickToolbar();
  let seen = null;
  for (let i = 0; i < 150 && !(seen?.text ?? '').includes(marker); i++) {
    await pause(100);
    seen = await onScreen();
  }
  assert.ok((seen?.text ?? '').includes(marker), `reader view text: ${seen?.text?.slice(0, 200)}`);
  return seen;
}

const install = () => firefox.install();

test('Firefox ESR: the add-on installs and a toolbar click shows the reader view with the outlet label', { skip }, async () => {
  await install();
  const seen = await openReader(ARTICLE);
  assert.ok(seen.text.includes("Venezuela's self-proclaimed interim president"));
  assert.ok(!seen.text.includes('READ MORE') && !seen.text.includes('Newsfeed'));
  assert.ok(seen.text.includes(LABEL), 'the outlet label');
  // Firefox's badge shows about three characters: its own short wording, whole.
  let badge = null;
  for (let i = 0; i < 50 && badge !== 'GV!'; i++) {
    badge = await inChrome(`const node = Services.wm.getMostRecentWindow("navigator:browser").document.getElementById(arguments[0]);
      return [node, ...node.querySelectorAll("*")].map((e) => e.getAttribute("badge")).find(Boolean) ?? null;`, [ADDON_WIDGET]);
    if (badge !== 'GV!') await pause(100);
  }
  assert.equal(badge, 'GV!', 'the Firefox badge for a state-controlled outlet');
});

test("Firefox ESR: the lead photo keeps its caption and credit, and the label is one sentence", { skip }, async () => {
  await install();
  await openReader('/20190209/guaido-photo.html');
  let seen = null;
  for (let i = 0; i < 50 && !seen?.caption; i++) {
    seen = await run(`const figure = document.querySelector('.masthead-body > figure');
      const label = document.querySelector('.outlet-label .label');
      return {
        caption: figure?.querySelector('figcaption')?.textContent ?? null,
        image: figure?.querySelector('img')?.getAttribute('src') ?? null,
        label: label.innerText,
        sanctionsShown: /sanctions/i.test(label.innerText),
      };`).catch(() => null);
    if (!seen?.caption) await pause(100);
  }
  assert.match(seen.caption, /© REUTERS \/ Carlos Garcia Rawlins/);
  assert.match(seen.image, /\/img\/guaido\.jpg$/);
  assert.equal((seen.label.match(/state-controlled/gi) || []).length, 1, seen.label);
  assert.ok(seen.label.includes(LABEL), seen.label);
  assert.equal(seen.sanctionsShown, false, 'the sanctions wait under "Why?"');
});

test('Firefox ESR: Esc gives back the page at its scroll position', { skip }, async () => {
  await install();
  await firefox.goto( `http://sputnikglobe.com:${server.address().port}${ARTICLE}?restore=1`);
  await run('window.scrollTo(0, 400); window.pageState = "kept";');
  await clickToolbar();
  for (let i = 0; i < 150 && !(await onScreen()); i++) await pause(100);
  assert.ok(await onScreen(), 'the reader view did not open');
  const active = await call('GET', '/element/active');
  await call('POST', `/element/${Object.values(active)[0]}/value`, { text: '\uE00C' }); // a real Esc key press
  let state = null;
  for (let i = 0; i < 100; i++) {
    await pause(100);
    if ((await currentUrl()).startsWith('http://sputnikglobe.com')) {
      state = await run('return document.readyState === "complete" ? [window.pageState ?? null, scrollY] : null').catch(() => null);
      if (state) break;
    }
  }
  assert.ok(state, 'the page did not come back');
  assert.equal(state[1], 400, 'the scroll position changed');
  // Under geckodriver, Firefox ESR reloads the page here rather than restoring it from its
  // back-forward cache (the page's own JavaScript state is lost); reported, not asserted.
  console.log(`# Firefox: page state after close: ${state[0] === 'kept' ? 'kept (back-forward cache)' : 'lost (reloaded)'}`);
});

for (const attack of ATTACKS) {
  test(`Firefox ESR, ${attack}: the true label on top, the view stays open, the copy is the reader's`, { skip }, async () => {
    await install();
    await openReader(`/hostile/${attack}.html`);
    await setClipboard('clipboard before the click');
    await pause(1000);
    const seen = await onScreen();
    assert.ok(seen, `the view was closed: ${await currentUrl()}`);
    assert.ok(seen.text.includes(LABEL), `the label is not shown: ${seen.text.slice(0, 300)}`);
    assert.doesNotMatch(seen.text, FAKE);
    assert.ok(seen.labelOnTop && seen.centreIsView, JSON.stringify({ labelOnTop: seen.labelOnTop, centreIsView: seen.centreIsView }));
    assert.equal(await clipboardText(), 'clipboard before the click', 'the clipboard changed without a click');
    const button = await call('POST', '/element', { using: 'css selector', value: 'button[aria-label="Copy text"]' });
    await call('POST', `/element/${Object.values(button)[0]}/click`, {}); // a real click (WebDriver input)
    await pause(1000);
    const copied = await clipboardText();
    assert.ok(copied?.startsWith('Guaido Not Ruling Out Intervention'), String(copied).slice(0, 100));
    assert.ok(copied.trimEnd().endsWith(`Outlet: ${OUTLET_LINE}`), copied.slice(-200));
    assert.doesNotMatch(copied, FAKE);
  });
}
