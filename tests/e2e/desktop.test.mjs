// What needs a real desktop: the keyboard shortcut and the context menu, used as a person
// would, in a visible Chromium on an X display (Xvfb) with real key presses and clicks from the
// X server (xdotool). CDP events reach the page, not the browser's own shortcut handling or
// menus, so the headless tests cannot cover these.
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
    viewport: null,
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    args: ['--window-position=0,0', '--window-size=1000,800', `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
      '--host-resolver-rules=MAP * 127.0.0.1', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
});

after(async () => {
  await context?.close();
  server?.close();
});

function browserWindow() {
  const windows = execFileSync('xdotool', ['search', '--onlyvisible', '--class', 'chromium']).toString().trim().split('\n');
  const window = windows[windows.length - 1];
  execFileSync('xdotool', ['windowfocus', '--sync', window]);
  return window;
}

function pressShortcut() {
  execFileSync('xdotool', ['key', '--window', browserWindow(), SHORTCUT.toLowerCase()]);
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
  assert.ok(await until(async () => (await readerText(page)) === null
    && (await page.evaluate(() => document.readyState === 'complete').catch(() => false))), 'the shortcut did not close the reader view');
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before);
});

test('the context menu entry copies the clean text without opening the reader view', { skip }, async () => {
  const origin = `http://sputnikglobe.com:${server.address().port}`;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/20190209/guaido-intervention-us-contacts-1072305.html?menu=1`, { waitUntil: 'networkidle' });
  await page.bringToFront();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const useMenu = async () => {
    browserWindow();
    execFileSync('xdotool', ['mousemove', '300', '600', 'click', '3']);
    await new Promise((resolve) => setTimeout(resolve, 800));
    // Chromium lists extension entries right above "View page source" and "Inspect".
    execFileSync('xdotool', ['key', 'Up', 'Up', 'Up', 'Return']);
  };
  await useMenu();
  // The confirmation is on the toolbar button, out of the page's reach; the page is untouched.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const title = async () => worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getTitle({ tabId: tab.id });
  });
  let seen = '';
  await until(async () => /copied|Could not/.test(seen = await title()));
  if (seen.includes('Cannot access contents')) {
    // The activeTab grant race of automation (see clickToolbar in harness.mjs): once more, and say so.
    console.log('# context menu retried (activeTab grant race in automation)');
    await useMenu();
  }
  assert.ok(await until(async () => (seen = await title()).includes('Masthead copied the clean text')), `no confirmation: ${seen}`);
  assert.ok(page.url().startsWith(origin), `the page was left: ${page.url()}`);
  // Read back in a secure context (http://localhost), where the clipboard API exists.
  const reader = await context.newPage();
  await reader.goto(`http://localhost:${server.address().port}/`);
  const copied = await reader.evaluate(() => navigator.clipboard.readText());
  await reader.close();
  assert.ok(copied.startsWith('Guaido Not Ruling Out Intervention'), copied.slice(0, 100));
  assert.ok(copied.includes('Source: Sputnik International'));
  assert.ok(!copied.includes('READ MORE') && !copied.includes('Newsfeed'));
});
