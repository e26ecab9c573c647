// Firefox ESR in Russian (intl.locale.requested, with Debian's Russian language pack): the
// reader view, the label and its badge in the browser's language, as in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, ROOT } from './harness.mjs';
import { startFirefox, missingTools } from './firefox-driver.mjs';

const LANGPACK = '/usr/lib/firefox-esr/browser/extensions/langpack-ru@firefox-esr.mozilla.org.xpi';
const missing = [...missingTools(), ...(fs.existsSync(LANGPACK) ? [] : ['firefox-esr-l10n-ru'])];
const skip = missing.length ? `not installed: ${missing.join(', ')}` : false;
const ru = Object.fromEntries(Object.entries(JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/_locales/ru/messages.json'), 'utf8')))
  .map(([key, value]) => [key, value.message]));
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let server;
let firefox;
before(async () => {
  if (missing.length) return;
  server = await startServer();
  firefox = await startFirefox({ 'intl.locale.requested': 'ru', 'intl.multilingual.enabled': true });
});
after(async () => {
  await firefox?.close();
  server?.close();
});

test('Firefox ESR in Russian: the view and the label speak Russian', { skip }, async () => {
  await firefox.install();
  await firefox.goto(`http://sputnikglobe.com:${server.address().port}/20190209/guaido-intervention-us-contacts-1072305.html`);
  await firefox.clickToolbar();
  let seen = null;
  for (let i = 0; i < 150 && !seen?.label; i++) {
    await pause(100);
    seen = await firefox.run(`const label = document.querySelector('.outlet-label .label');
      return location.href.includes('/reader.html') && label ? {
        label: label.innerText, lang: document.documentElement.lang,
        buttons: [...document.querySelectorAll('#view .toolbar button')].map((b) => b.getAttribute('aria-label')),
      } : null;`).catch(() => null);
  }
  assert.ok(seen, 'the reader view did not open');
  assert.equal(seen.lang.split('-')[0], 'ru', `the browser's language: ${seen.lang}`);
  assert.ok(seen.label.toLowerCase().includes(ru.tierControlled.toLowerCase()), seen.label);
  assert.ok(!/Owned by/.test(seen.label), `the owner in Russian too: ${seen.label}`);
  assert.ok(seen.label.includes('Россия'), seen.label);
  assert.ok(seen.buttons.includes(ru.copyText), seen.buttons.join());
});
