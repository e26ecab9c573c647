// The try-it page (www/) in headless Chromium: open a saved page, see the reader view, the
// clean text and the Markdown, from the same wasm core and reader view as the extension.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, FIXTURES } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('www/ turns an opened page into the reader view and clean text', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`http://localhost:${server.address().port}/www/index.html`);
  await page.setInputFiles('#file', path.join(FIXTURES, 'sputnik-guaido.html'));
  await page.fill('#url', 'https://sputnikglobe.com/20190209/guaido-intervention-us-contacts-1072305.html');
  await page.click('button[type=submit]');
  await page.waitForSelector('#results:not([hidden])');
  const view = await page.evaluate(() => document.querySelector('#view > div').shadowRoot.textContent.replace(/\s+/g, ' '));
  assert.ok(view.includes("Venezuela's self-proclaimed interim president"));
  assert.ok(!view.includes('READ MORE') && !view.includes('Newsfeed'));
  const text = await page.textContent('#text');
  assert.ok(text.startsWith('Guaido Not Ruling Out Intervention'));
  assert.ok(text.includes('Source: Sputnik International — https://sputnikglobe.com/20190209/'));
  assert.match(await page.textContent('#status'), /^Read in \d+ ms: \d+ words\.$/);

  await page.fill('#html', '<html><body><nav><a href="/">Home</a></nav></body></html>');
  await page.setInputFiles('#file', []);
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#view > div')?.shadowRoot.textContent.includes('No article here'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a day the page shows is the same day in the reader\'s time zone', async () => {
  // A day alone is UTC midnight to Date: read west of Greenwich it must not become the day before.
  const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`http://localhost:${server.address().port}/www/index.html`);
  const story = Array.from({ length: 8 }, (_, i) =>
    `<p>Paragraph ${i} tells how the river rose overnight, and how the town's people moved their cars, their animals and their furniture uphill.</p>`).join('');
  await page.fill('#html', `<html><head><title>Rivers run high</title></head><body><article><h1>Rivers run high</h1><p class="date">March 3, 2021</p>${story}</article></body></html>`);
  await page.click('button[type=submit]');
  await page.waitForSelector('#results:not([hidden])');
  const byline = await page.evaluate(() => document.querySelector('#view > div').shadowRoot.querySelector('.byline')?.textContent);
  assert.equal(byline, 'March 3, 2021');
  await context.close();
});
