// The keyboard shortcut, pressed as a person would: a visible Chromium on an X display (Xvfb)
// and a real key press from the X server (xdotool). CDP key events reach the page, not the
// browser's shortcut handling, so the headless tests cannot cover this.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { startServer, readerText, EXTENSION_DIR } from './harness.mjs';

const SHORTCUT = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'))).commands._execute_action.suggested_key.default;
const hasXdotool = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v xdotool']);
    return true;
  } catch {
    return false;
  }
})();
const skip = !process.env.DISPLAY ? 'no X display (run under xvfb-run)' : !hasXdotool ? 'xdotool not installed' : false;

let server;
let context;

before(async () => {
  if (skip) return;
  server = await startServer();
  context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-keys-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: false,
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
      '--host-resolver-rules=MAP * 127.0.0.1', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
});

after(async () => {
  await context?.close();
  server?.close();
});

function pressShortcut() {
  const windows = execFileSync('xdotool', ['search', '--onlyvisible', '--class', 'chromium']).toString().trim().split('\n');
  const window = windows[windows.length - 1];
  execFileSync('xdotool', ['windowfocus', '--sync', window]);
  execFileSync('xdotool', ['key', '--window', window, SHORTCUT.toLowerCase()]);
}

async function until(check) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

test(`the keyboard shortcut (${SHORTCUT}) opens and closes the reader view`, { skip }, async () => {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://sputnikglobe.com:${server.address().port}/20190209/guaido-intervention-us-contacts-1072305.html`, { waitUntil: 'networkidle' });
  await page.bringToFront();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  pressShortcut();
  assert.ok(await until(async () => ((await readerText(page)) ?? '').includes("Venezuela's self-proclaimed interim president")),
    'the shortcut did not open the reader view');
  pressShortcut();
  assert.ok(await until(async () => (await readerText(page)) === null), 'the shortcut did not close the reader view');
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before);
});
