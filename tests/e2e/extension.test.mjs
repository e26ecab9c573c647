// The extension in a real browser: headless Chromium with dist/chrome loaded, fixture pages
// served under their real host names, a real toolbar click (CDP Extensions.triggerAction).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, driver, readerText, clickToolbar, currentWorker, onReaderPage } from './harness.mjs';

let server;
let browser;
let base;
let openPage, click, poll, actionTitle, waitForReader, waitForClosed, readClipboard;
const ARTICLE_PATH = '/20190209/guaido-intervention-us-contacts-1072305.html';
const PAGE_CHROME = ['READ MORE', 'Subscribe', 'Newsfeed', 'log in or register', 'Заголовок', 'Most read', 'Terms of use',
  "Roger Waters Slams", 'Page button'];

before(async () => {
  server = await startServer();
  base = (host) => `http://${host}:${server.address().port}`;
  browser = await launch();
  ({ openPage, click, poll, actionTitle, waitForReader, waitForClosed, readClipboard } = driver(browser, server));
});

after(async () => {
  await browser?.context.close();
  server?.close();
});

async function assertArticleShown(page) {
  await waitForReader(page, "Venezuela's self-proclaimed interim president");
  const text = await readerText(page);
  for (const wanted of ['Guaido Not Ruling Out Intervention', 'biggest oil reserves in the world', 'Sputnik International']) {
    assert.ok(text.includes(wanted), `reader view lacks: ${wanted}`);
  }
  for (const chrome of PAGE_CHROME) assert.ok(!text.includes(chrome), `page chrome in the reader view: ${chrome}`);
  // The tab shows the extension's own page, and what is on top at its centre is the view.
  assert.ok(onReaderPage(page), page.url());
  const onTop = await page.evaluate(() => Boolean(document.getElementById('view')?.contains(document.elementFromPoint(innerWidth / 2, innerHeight / 2))));
  assert.ok(onTop, 'the element at the centre is not the reader view');
}

test('a click turns a news page into the reader view with the article and none of the page chrome', async () => {
  const page = await openPage(base('sputnikglobe.com') + ARTICLE_PATH);
  await click(page);
  await assertArticleShown(page);
  await page.close();
});

test('it works the same on a page whose CSP forbids WebAssembly and inline styles', async () => {
  const page = await openPage(base('sputnikglobe.com') + '/csp/guaido.html');
  await click(page);
  await assertArticleShown(page);
  // The stylesheet applied despite style-src 'self': the headline is large.
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('h1')).fontSize));
  assert.ok(size > 30, `headline font size ${size}`);
  await page.close();
});

test('a second click, the close button and Esc each give back the page exactly, scripts working', async () => {
  const page = await openPage(base('sputnikglobe.com') + ARTICLE_PATH);
  await page.evaluate(() => window.scrollTo(0, 400));
  const before = await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: scrollY }));
  // A value in the page's own JavaScript: it survives only if the page was never reloaded.
  await page.evaluate(() => { window.pageState = 'kept'; });
  const closers = [
    async () => click(page),
    async () => page.getByRole('button', { name: 'Close reader view' }).click(),
    async () => page.keyboard.press('Escape'),
  ];
  for (const [round, closeReader] of closers.entries()) {
    await click(page);
    await assertArticleShown(page);
    await closeReader();
    await waitForClosed(page);
    const after = await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: scrollY }));
    if (after.html !== before.html) {
      let at = 0;
      while (at < after.html.length && after.html[at] === before.html[at]) at++;
      assert.fail(`round ${round}: the page DOM changed near: ${JSON.stringify(before.html.slice(Math.max(0, at - 80), at + 80))} → ${JSON.stringify(after.html.slice(Math.max(0, at - 80), at + 80))}`);
    }
    assert.equal(after.y, before.y, 'the scroll position changed');
    assert.equal(await page.evaluate(() => window.pageState), 'kept', `round ${round}: the page was reloaded, not restored`);
  }
  await page.click('#page-counter');
  assert.equal(await page.getAttribute('#page-counter', 'data-count'), '1', 'the page script no longer responds');
  await page.close();
});

test('"Copy text" puts the clean text with its source on the clipboard, and says so', async () => {
  const url = base('sputnikglobe.com') + ARTICLE_PATH;
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await openPage(url);
  const articleUrl = page.url();
  await click(page);
  await assertArticleShown(page);
  await page.getByRole('button', { name: 'Copy text' }).click();
  await waitForReader(page, 'Copied the clean text');
  const copied = await readClipboard();
  assert.ok(copied.startsWith('Guaido Not Ruling Out Intervention Amid Alleged US Contacts With Venezuelan Army\n\n'));
  assert.ok(copied.includes("\n\nVenezuela's self-proclaimed interim president"));
  assert.ok(copied.trimEnd().endsWith(`Source: Sputnik International — ${articleUrl}\n`
    + 'Outlet: Sputnik International — state-controlled media, Russia. Owned by Rossiya Segodnya.'), copied.slice(-300));
  for (const chrome of PAGE_CHROME) assert.ok(!copied.includes(chrome), `page chrome on the clipboard: ${chrome}`);

  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await waitForReader(page, 'Copied as Markdown');
  const markdown = await readClipboard();
  assert.ok(markdown.startsWith('# Guaido Not Ruling Out Intervention'));
  assert.ok(markdown.includes('> We will consider lifting sanctions'));
  await page.close();
});

test('settings persist across a reload', async () => {
  const page = await openPage(base('sputnikglobe.com') + ARTICLE_PATH);
  await click(page);
  await assertArticleShown(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.getByRole('combobox', { name: 'Typeface' }).selectOption('sans');
  await page.getByRole('button', { name: 'Larger text' }).click();
  // Esc closes the open settings first, then the view.
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.querySelector('.settings').hidden), true);
  await page.keyboard.press('Escape');
  await waitForClosed(page);
  await page.reload();
  await click(page);
  await assertArticleShown(page);
  const applied = await page.evaluate(() => {
    const root = document.querySelector('.masthead-root');
    return { theme: root.dataset.theme, font: root.dataset.font, size: root.style.getPropertyValue('--font-size') };
  });
  assert.deepEqual(applied, { theme: 'dark', font: 'sans', size: '22px' });
  await page.close();
});

test('a right-to-left article reads right to left in its language', async () => {
  const page = await openPage(base('almadina.example') + '/rtl/article.html');
  await click(page);
  await waitForReader(page, 'أعلنت الحكومة اليوم');
  const article = await page.evaluate(() => {
    const node = document.querySelector('article');
    return { dir: node.dir, lang: node.lang, direction: getComputedStyle(node).direction };
  });
  assert.deepEqual(article, { dir: 'rtl', lang: 'ar', direction: 'rtl' });
  await page.close();
});

test('a page with no article gets a small notice, not a broken view or a page-sized message', async () => {
  const page = await openPage(base('daily.example') + '/login');
  await click(page);
  await waitForReader(page, 'No article here');
  // A card at the top: what happened and what to do, well short of the screen.
  const notice = await page.evaluate(() => {
    const box = document.querySelector('.notice').getBoundingClientRect();
    return { top: box.top, height: box.height, screen: innerHeight };
  });
  assert.ok(notice.top < 80 && notice.height < notice.screen / 3, JSON.stringify(notice));
  await page.getByRole('button', { name: 'Close reader view' }).click();
  await waitForClosed(page);
  await page.close();
});

test('articles written without <p> open in the reader; listings and search results open as their items', async () => {
  for (const [path, words] of [['/news/ferry.html', 'compacted silt under the old quay'], ['/dorf/laden.html', 'einen Pächter gefunden']]) {
    const page = await openPage(base('coast.example') + path);
    await click(page);
    await waitForReader(page, words);
    await page.close();
  }
  // A section front and a search page: no article, so the view shows their stories, each its
  // headline and summary, in the page's order (the core's model of a listing), and no notice.
  for (const [path, first, second] of [
    ['/environment', 'Wetland restoration brings back breeding waders', 'Water company fined over sewage spills'],
    ['/recherche?q=march%C3%A9', 'Le marché couvert rouvre après six mois de travaux', 'journal-du-port.example/actualite/1'],
  ]) {
    const page = await openPage(base('coast.example') + path);
    await click(page);
    await waitForReader(page, first);
    const shown = await page.evaluate(() => ({
      notice: Boolean(document.querySelector('.notice')),
      body: document.querySelector('.masthead-body')?.innerText ?? '',
    }));
    assert.equal(shown.notice, false, path);
    assert.ok(shown.body.indexOf(first) >= 0 && shown.body.indexOf(first) < shown.body.indexOf(second), shown.body);
    await page.close();
  }
});

test('a browser page the extension may not touch is explained on the toolbar button, and nothing throws', async () => {
  const page = await browser.context.newPage();
  await page.goto('chrome://version/');
  await click(page);
  const title = await (await currentWorker(browser)).evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    for (let i = 0; i < 50; i++) {
      const current = await chrome.action.getTitle({ tabId: tab.id });
      if (current.startsWith('Masthead cannot')) return current;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return chrome.action.getTitle({ tabId: tab.id });
  });
  assert.match(title, /^Masthead cannot read browser pages/);
  await page.close();
});

test('nothing from a hostile page runs in the reader view: no handler, no global, no dialog', async () => {
  const page = await openPage(base('hostile.example') + '/hostile/story.html');
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  // The page's own vectors fire on load, in the page; that count is the baseline.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const firedBefore = await page.evaluate(() => window.__fired ?? 0);
  const dialogsBefore = dialogs.length;
  await click(page);
  await waitForReader(page, 'This is an ordinary paragraph of the article');
  // Give lazy handlers (image errors, autofocus, toggles, hover) their chance.
  await page.mouse.move(400, 300);
  await page.mouse.move(420, 500);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const inView = await page.evaluate(() => {
    // The article as rendered (the view's own chrome sets a CSS variable on its root).
    const body = document.querySelector('.masthead-body');
    const elements = [...body.querySelectorAll('*')];
    return {
      handlers: elements.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on') || a.name === 'style' || a.name === 'srcdoc').map((a) => `${e.tagName}[${a.name}]`)),
      active: elements.filter((e) => ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'SVG', 'MATH', 'BASE', 'INPUT', 'STYLE'].includes(e.tagName.toUpperCase())).map((e) => e.tagName),
      urls: elements.flatMap((e) => ['href', 'src'].map((n) => e.getAttribute(n)).filter(Boolean)).filter((u) => !/^(https?:|mailto:|data:image\/(?!svg))/i.test(u)),
    };
  });
  assert.deepEqual(inView, { handlers: [], active: [], urls: [] });
  assert.equal(await page.evaluate(() => window.__fired), undefined, 'a handler from the page fired inside the reader view');
  assert.equal(dialogs.length, dialogsBefore, `a dialog opened: ${dialogs.join(', ')}`);
  // Back on the page, its own count is where it was: nothing of it ran while the view showed.
  await page.keyboard.press('Escape');
  await waitForClosed(page);
  assert.equal(await page.evaluate(() => window.__fired ?? 0), firedBefore);
  await page.close();
});

test('the extension makes no network request: after the click, nothing is fetched that the page had not fetched', async () => {
  // Playwright reports the extension service worker's requests here too (checked by hand with a
  // fetch from the worker), so both the page and the extension's own context are covered.
  const seen = [];
  const record = (request) => seen.push({ url: request.url(), fromWorker: Boolean(request.serviceWorker()) });
  browser.context.on('request', record);
  const page = await openPage(base('sputnikglobe.com') + ARTICLE_PATH);
  const loaded = new Set(seen.map((r) => r.url));
  const mark = seen.length;
  await click(page);
  await assertArticleShown(page);
  await page.getByRole('button', { name: 'Copy text' }).click();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await click(page);
  await waitForClosed(page);
  browser.context.off('request', record);
  const during = seen.slice(mark).filter((r) => !r.url.startsWith('chrome-extension://'));
  assert.deepEqual(during.filter((r) => r.fromWorker), [], 'requests from the extension service worker');
  assert.deepEqual(during.filter((r) => !loaded.has(r.url)), [], 'new requests while the extension worked');
  await page.close();
});

test('30 toggles leave the page identical and its listeners working, and the worker keeps nothing', async () => {
  const page = await openPage(base('sputnikglobe.com') + ARTICLE_PATH);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  for (let i = 0; i < 30; i++) {
    await clickToolbar(browser.context, browser.extensionId, page, { settleMs: i === 0 ? 300 : 0 });
    await waitForReader(page, "Venezuela's self-proclaimed");
    await page.keyboard.press('Escape');
    await waitForClosed(page);
  }
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before);
  await page.click('#page-counter');
  assert.equal(await page.getAttribute('#page-counter', 'data-count'), '1');
  // Every session was handed to its reader page and dropped.
  const kept = await (await currentWorker(browser)).evaluate(() => globalThis.mastheadSessionsKept?.());
  assert.equal(kept, 0);
  await page.close();
});

test('a form the reader was filling in is still filled in after the reader view closes', async () => {
  const page = await openPage(base('sputnikglobe.com') + ARTICLE_PATH);
  await page.evaluate(() => {
    const field = document.createElement('textarea');
    field.id = 'comment';
    document.body.append(field);
  });
  await page.fill('#comment', 'half-written comment');
  await click(page);
  await assertArticleShown(page);
  await page.getByRole('button', { name: 'Close reader view' }).click();
  await waitForClosed(page);
  assert.equal(await page.inputValue('#comment'), 'half-written comment');
  await page.close();
});

test('page loads without a click wake nothing: the stopped worker stays stopped and no wasm is compiled', async () => {
  const cdp = await browser.context.browser().newBrowserCDPSession();
  const workerRunning = async () => (await cdp.send('Target.getTargets')).targetInfos
    .some((t) => t.type === 'service_worker' && t.url.includes(browser.extensionId));
  // Open and close the view once first, so that any listener it leaves behind would be registered.
  const first = await openPage(base('sputnikglobe.com') + ARTICLE_PATH);
  await click(first);
  await waitForReader(first, "Venezuela's self-proclaimed");
  await first.keyboard.press('Escape');
  await waitForClosed(first);
  await new Promise((resolve) => setTimeout(resolve, 11_000)); // past the one-shot relabel listener's 10 s
  const stopper = await browser.context.newCDPSession(first);
  await stopper.send('ServiceWorker.enable');
  await stopper.send('ServiceWorker.stopAllWorkers');
  await stopper.detach();
  await poll(async () => !(await workerRunning()), 'the worker to stop');
  await browser.context.browser().startTracing(undefined, { categories: ['v8.wasm', 'disabled-by-default-v8.wasm'] });
  for (const route of ['/news/harbour.html', '/rtl/article.html', ARTICLE_PATH]) {
    await first.goto(base('www.dw.com') + route, { waitUntil: 'load' });
    const other = await openPage(base('daily.example') + '/');
    await other.close();
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const trace = JSON.parse((await browser.context.browser().stopTracing()).toString());
  const compiles = (trace.traceEvents ?? trace).filter((e) => /Compil|Instantiate/i.test(e.name ?? '') && /wasm/i.test(e.cat ?? ''));
  assert.equal(await workerRunning(), false, 'a page load woke the extension worker');
  assert.deepEqual(compiles.map((e) => e.name), [], 'wasm was compiled without a click');
  // The trace does see a compile when there is one: the next click, on the stopped worker.
  await browser.context.browser().startTracing(undefined, { categories: ['v8.wasm', 'disabled-by-default-v8.wasm'] });
  await click(first);
  await waitForReader(first, "Venezuela's self-proclaimed");
  const clickTrace = JSON.parse((await browser.context.browser().stopTracing()).toString());
  const clickCompiles = (clickTrace.traceEvents ?? clickTrace).filter((e) => /Compil|Instantiate/i.test(e.name ?? '') && /wasm/i.test(e.cat ?? ''));
  assert.ok(clickCompiles.length > 0, 'the trace shows no compile even for a click');
  await first.close();
  await cdp.detach();
});
