// Shared by the end-to-end tests: a local server that serves fixture pages under their real
// host names, and headless Chromium with the built dist/chrome loaded, clicked for real.
import { chromium } from 'playwright-core';
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
// MASTHEAD_EXTENSION: another build's dist/chrome, for a benchmark of that build beside this one.
export const EXTENSION_DIR = process.env.MASTHEAD_EXTENSION ?? path.join(ROOT, 'dist/chrome');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// The shared corpora (CI always has them; a test that needs them fails without them).
export const CORPORA = process.env.MASTHEAD_CORPORA ?? path.join(ROOT, '../shared/corpora');

/** The Readability corpus's page names; throws when the corpora are missing. */
export function readabilityPages() {
  const dir = path.join(CORPORA, 'readability');
  if (!fs.existsSync(dir)) throw new Error(`corpora not found at ${CORPORA} (set MASTHEAD_CORPORA)`);
  return fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, 'source.html'))).sort();
}

// A page script, served as a file so that it runs under a strict CSP too: it proves the
// page's own scripts still respond after the reader view closes.
const PAGE_SCRIPT = `document.addEventListener('click', (e) => {
  if (e.target.id === 'page-counter') { e.target.dataset.count = String(Number(e.target.dataset.count || 0) + 1); }
});`;
const PAGE_HOOK = '<button id="page-counter" data-count="0">Page button</button><script src="/page.js"></script>';

/** Routes: path → { file, csp, edits }. `edits` are [from, to] replacements that make a variant of a
 * fixture (the same story, credited to a wire agency) without a second copy of it. Every HTML
 * page gets the page button and script. */
const ARTICLE_ANCHOR = '<div class="article__block" data-type="text"><div class="article__text">In an interview with';
export const ROUTES = {
  '/20190209/guaido-intervention-us-contacts-1072305.html': { file: 'sputnik-guaido.html' },
  '/csp/guaido.html': { file: 'sputnik-guaido.html', csp: "default-src 'self'; script-src 'self'; style-src 'self'" },
  '/rtl/article.html': { file: 'rtl-article.html' },
  '/hostile/story.html': { file: 'xss-article.html' },
  '/news/harbour.html': { file: 'harbour-story.html' },
  '/world/harbour-wire.html': {
    file: 'harbour-story.html',
    edits: [['<p>Harbour towns along', '<p>BEIJING, Feb. 14 (Xinhua) -- Harbour towns along'], [/Evening Dispatch/g, 'Coastal Courier']],
  },
  // The same story on a host that is not BBC's, calling itself BBC News.
  '/news/harbour-as-bbc.html': { file: 'harbour-story.html', edits: [[/Evening Dispatch/g, 'BBC News']] },
  // The same story as a genuine newsroom that shares its name with a listed outlet (Korea's SBS,
  // Australia's public broadcaster's name too).
  '/news/harbour-as-sbs.html': { file: 'harbour-story.html', edits: [[/Evening Dispatch/g, 'SBS']] },
  // The story with a photograph in a figure, its size given by the page (reserved before it loads).
  '/news/harbour-photo.html': {
    file: 'harbour-story.html',
    edits: [['<p>Harbour towns along', '<figure><img src="/img/harbour.png" width="600" height="400" alt="The harbour wall after the storm">'
      + '<figcaption>The harbour wall after the storm. Photo: Evening Dispatch</figcaption></figure><p>Harbour towns along']],
  },
  // The story with photographs whose size the page does not give (their shape is only known
  // once loaded), served slowly and never cached.
  '/news/harbour-photos.html': {
    file: 'harbour-story.html',
    edits: [['<p>Harbour towns along', '<figure><img src="/img/slow/harbour-800x500.png" alt="The harbour wall">'
      + '<figcaption>The harbour wall. Photo: Evening Dispatch</figcaption></figure><p>Harbour towns along'],
    ['</article>', '<figure><img src="/img/slow/quay-600x800.png" alt="The quay"><figcaption>The quay.</figcaption></figure></article>']],
  },
  // The seed article with its lead photo served by the test server (the page shows it).
  '/20190209/guaido-photo.html': { file: 'sputnik-guaido.html', edits: [[/https:\/\/cdn1\.img\.sputnikglobe\.com\/img\/guaido\.jpg/g, '/img/guaido.jpg']] },
  '/': { file: 'home-page.html' },
  // Articles without a <p>, and pages that only list articles (tests/readerable.rs has the same).
  '/news/ferry.html': { file: 'readerable/div-only-article.html' },
  '/dorf/laden.html': { file: 'readerable/br-only-article.html' },
  '/environment': { file: 'readerable/listing-page.html' },
  // A page with no article and no run of stories: a sign-in form.
  '/login': { file: 'readerable/sign-in-page.html' },
  '/recherche': { file: 'readerable/search-page.html' },
  // The seed article with images the page shows and images it never loads (a lazy data-src, a
  // <noscript> fallback, a <picture> source and a srcset candidate the browser did not pick).
  '/hostile/images.html': {
    file: 'sputnik-guaido.html',
    edits: [[ARTICLE_ANCHOR, `<div class="article__block"><figure><img src="/img/loaded.png" alt="A picture the page shows">
      <figcaption>A picture the page shows</figcaption></figure>
      <img data-src="/img/never-lazy.png" alt="">
      <noscript><img src="/img/never-noscript.png" alt=""></noscript>
      <picture><source srcset="/img/never-source.png" type="image/x-never"><img src="/img/picture-loaded.png" alt="A picture element"></picture>
      <img src="/img/srcset-small.png" srcset="/img/srcset-small.png 300w, /img/never-srcset-large.png 3000w" sizes="10px" alt="Small">
      </div>${ARTICLE_ANCHOR}`]],
  },
};
// Each attack of tests/fixtures/attacks/ on the seed article, served as sputnikglobe.com would.
for (const attack of fs.readdirSync(path.join(FIXTURES, 'attacks')).map((name) => path.basename(name, '.js'))) {
  ROUTES[`/hostile/${attack}.html`] = { file: 'sputnik-guaido.html', attack };
}
// A 2×2 PNG, the same for every /img/ address.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==', 'base64');

/** A grey PNG of `width`×`height` (the layout-shift test needs a picture with a real shape). */
function sizedPng(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter: none
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

export function startServer() {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname.startsWith('/www/')) {
      const file = path.normalize(path.join(ROOT, url.pathname));
      if (!file.startsWith(path.join(ROOT, 'www')) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        response.writeHead(404);
        return response.end();
      }
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      return response.end(fs.readFileSync(file));
    }
    if (url.pathname.startsWith('/attack/')) {
      const file = path.join(FIXTURES, 'attacks', path.basename(url.pathname));
      if (!fs.existsSync(file)) {
        response.writeHead(404);
        return response.end();
      }
      response.writeHead(200, { 'content-type': 'text/javascript' });
      return response.end(fs.readFileSync(file));
    }
    // /img/slow/NAME-800x500.png: a picture of that size, never cached, sent after 1.5 s
    // (the reader view asks for it again, so it arrives after the view is drawn).
    const slow = url.pathname.match(/^\/img\/slow\/[a-z-]+?-(\d{2,4})x(\d{2,4})\.png$/);
    if (slow) {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
        response.end(sizedPng(Number(slow[1]), Number(slow[2])));
      }, 1500);
      return undefined;
    }
    if (url.pathname.startsWith('/img/')) {
      response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' });
      return response.end(PNG);
    }
    if (url.pathname === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      return response.end(PAGE_SCRIPT);
    }
    if (url.pathname.startsWith('/corpus/')) {
      // A Readability corpus page, as saved (its own scripts and styles, where they are inline).
      const file = path.join(CORPORA, 'readability', path.basename(url.pathname), 'source.html');
      if (!fs.existsSync(file)) {
        response.writeHead(404);
        return response.end();
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return response.end(fs.readFileSync(file));
    }
    const route = ROUTES[url.pathname];
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      return response.end('not found');
    }
    let html = fs.readFileSync(path.join(FIXTURES, route.file), 'utf8').replace('</body>', `${PAGE_HOOK}</body>`);
    for (const [from, to] of route.edits ?? []) html = html.replace(from, to);
    if (route.attack) html = html.replace('</head>', `<script src="/attack/${route.attack}.js"></script></head>`);
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (route.csp) headers['content-security-policy'] = route.csp;
    response.writeHead(200, headers);
    response.end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Chromium with the extension; every host name resolves to this machine. The back-forward cache
 * stays on, as for a reader (Playwright turns it off by default): closing the reader view goes
 * back in history, and whether the page comes back from that cache is part of what is tested.
 * `secureOrigins` are plain-http origins treated as https, so that a page there has the async
 * clipboard API (the hostile pages use it to fight the copy). `extraArgs`: more command-line
 * switches, for benchmarks that diagnose (V8 flags).
 */
export async function launch({ secureOrigins = [], lang = null, viewport = undefined, extension = EXTENSION_DIR, extraArgs = [] } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // `lang`: the browser's own language, as a reader's browser set to it: --lang, and LANGUAGE,
    // which Chromium on Linux reads instead when there is a display (Xvfb, in ./x test). It needs
    // its language packs for either (Debian's chromium-l10n), or it stays in en-US.
    ...(lang ? { locale: lang, env: { ...process.env, LANGUAGE: lang.replace('-', '_') } } : {}),
    ...(viewport ? { viewport } : {}),
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    args: [
      '--headless=new', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
      '--enable-unsafe-extension-debugging', '--host-resolver-rules=MAP * 127.0.0.1', '--no-sandbox', '--disable-gpu',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-dev-shm-usage',
      // The browser's own speech for "Read aloud", through speech-dispatcher (Debian's, with espeak-ng).
      '--enable-speech-dispatcher',
      ...(lang ? [`--lang=${lang}`] : []),
      ...extraArgs,
      ...(secureOrigins.length ? [`--unsafely-treat-insecure-origin-as-secure=${secureOrigins.join(',')}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The window's first, blank tab would otherwise stay the active one.
  for (const blank of context.pages()) await blank.close();
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, profile, readerUrl: `chrome-extension://${extensionId}/reader.html` };
}

/** The extension's service worker as it is now (a stopped worker comes back as a new one). */
export async function currentWorker(browser) {
  const worker = browser.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));
  return worker ?? browser.context.waitForEvent('serviceworker');
}

/** A real toolbar click (it grants activeTab exactly as a user's click does). */
export async function clickToolbar(context, extensionId, page, { settleMs = 300 } = {}) {
  // A user clicks the button of the tab they are looking at; activeTab is granted to that tab.
  // A click dispatched within milliseconds of the tab's load and activation was refused
  // ("Cannot access contents of the page") in 1 of 45 tries here; after a 300 ms pause, 0 of 90
  // (tests/e2e/bench.mjs, SETTLE=0 vs 300). No person clicks that fast, so the harness pauses.
  await page.bringToFront();
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const browserSession = await browserCdp(context);
  // The action belongs to the tab target, not the page target inside it.
  const { targetInfos } = await browserSession.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  // Matched by URL, so each test page gets a URL of its own (a tab being closed may linger).
  const tabs = targetInfos.filter((info) => info.url === page.url());
  if (tabs.length !== 1) throw new Error(`${tabs.length} tab targets for ${page.url()}`);
  const [tab] = tabs;
  await browserSession.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
}

let cachedBrowserSession = null;
async function browserCdp(context) {
  if (cachedBrowserSession) return cachedBrowserSession;
  const browser = context.browser();
  if (browser) {
    cachedBrowserSession = await browser.newBrowserCDPSession();
    return cachedBrowserSession;
  }
  throw new Error('no browser-level CDP session');
}

export function resetBrowserSession() {
  cachedBrowserSession = null;
}

/** True when `page` shows the reader page (the extension's reader.html in the tab). */
export function onReaderPage(page) {
  return /^(chrome|moz)-extension:\/\/[^/]+\/reader\.html/.test(page.url());
}

/** Text of the reader view as shown (whitespace runs, no-break spaces included, as single
 * spaces), or null when the tab does not show it. */
export async function readerText(page) {
  if (!onReaderPage(page)) return null;
  // Null while the page still says "Preparing…": the view is what comes after.
  const text = await page.evaluate(() => (document.querySelector('#view .loading') ? null : document.getElementById('view')?.innerText ?? null))
    .catch(() => null);
  return text === null ? null : text.replace(/\s+/g, ' ');
}

/**
 * What a test does with the browser: open a page under a host name, click the toolbar button,
 * wait for the reader view, read the button's title and badge and the clipboard.
 */
export function driver(browser, server) {
  const base = (host) => `http://${host}:${server.address().port}`;
  let visits = 0;
  async function openPage(url, { waitUntil = 'networkidle' } = {}) {
    const page = await browser.context.newPage();
    // A query of its own per page: the toolbar click finds its tab by URL.
    visits += 1;
    await page.goto(`${url}${url.includes('?') ? '&' : '?'}visit=${visits}`, { waitUntil });
    return page;
  }

  async function click(page) {
    await clickToolbar(browser.context, browser.extensionId, page);
  }

  // Polled with page.evaluate, not waitForFunction: the latter compiles code in the page, which
  // a strict page CSP (one of the fixtures) forbids.
  async function poll(check, what) {
    for (let i = 0; i < 150; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  /** What the toolbar button says for the active tab (where failures are explained). */
  async function actionTitle() {
    return (await currentWorker(browser)).evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getTitle({ tabId: tab.id });
    });
  }

  async function waitForReader(page, text) {
    // Should a click still meet the automation race described in clickToolbar (harness.mjs),
    // the test clicks once more and says so in its output.
    const denied = async () => (await actionTitle()).includes('Cannot access contents');
    await poll(async () => (await readerText(page)) !== null || (await denied()), 'the reader view or a refusal');
    // A refused click leaves its explanation on the button; a click that is merely slow does
    // not, but give it a moment anyway: a second click on an open view would close it again.
    // Seen in full runs: a click reported as refused whose view still opened a moment later, so
    // wait up to 3 s for that before clicking once more.
    for (let i = 0; i < 30 && !onReaderPage(page) && (await denied()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    if (!onReaderPage(page) && (await denied())) {
      console.log(`# toolbar click retried on ${page.url()} (activeTab grant race in automation)`);
      await click(page);
    }
    try {
      await poll(async () => ((await readerText(page)) ?? '').includes(text), `the reader view to show "${text}"`);
      // The view draws its first screen, then the rest after the first frame: tests look at all of it.
      await poll(async () => page.evaluate(() => document.getElementById('view')?.dataset.drawn !== 'first').catch(() => false), 'the whole article drawn');
    } catch (error) {
      throw new Error(`${error.message}; toolbar title: ${await actionTitle()}; shown: ${(await readerText(page))?.slice(0, 200)}`);
    }
  }

  async function waitForClosed(page) {
    await poll(async () => !onReaderPage(page) && (await page.evaluate(() => document.readyState === 'complete').catch(() => false)),
      'the reader view to close');
  }

  /** The clipboard, read from a page in a secure context (http://localhost): the fixtures are
   * plain http under real host names, where the async clipboard API does not exist. */
  async function readClipboard() {
    const reader = await openPage(base('localhost') + '/');
    const text = await reader.evaluate(() => navigator.clipboard.readText());
    await reader.close();
    return text;
  }

  /** The toolbar badge text for the active tab. */
  async function badgeText() {
    return (await currentWorker(browser)).evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getBadgeText({ tabId: tab.id });
    });
  }

  return { base, openPage, click, poll, actionTitle, badgeText, waitForReader, waitForClosed, readClipboard };
}
