// The extension's own context (Chrome's service worker, Firefox's event page). On a click it
// reads the page (snapshot.js, in the page's isolated world), then replaces the tab's content
// with the reader page (reader.html), an extension page that no script or style of the web page
// can reach. The wasm core runs here, compiled on the first click (core.js): a page load without
// a click wakes nothing, because no listener here fires on navigation.
import { api, restrictedReason, installHostRules, writeClipboard, badgeText } from './platform.js';
import { loadCore, timings, now } from './core.js';
import { snapshotPage } from './snapshot.js';

const COPY_MENU_ID = 'masthead-copy-clean-text';
const READER_URL = api.runtime.getURL('reader.html');

// Extractions waiting for their reader page, by session key: the promise of what the page needs.
// A session is handed over once; the reader page keeps its own copy for a reload.
const sessions = new Map();
globalThis.mastheadSessionsKept = () => sessions.size; // read by tests/e2e: nothing stays behind
// The pages of the reader views open now, by session key, for one thing only: saying the same
// article again in another language when the reader picks one in the view's settings. Dropped
// when the view closes, and at most a few kept (a worker that stopped keeps none: the view then
// says the label changes language from the next click).
const openPages = new Map();
const OPEN_PAGES_KEPT = 3;
const SETTINGS_KEY = 'mastheadSettings';

/** The reader's language for the core's wording: the one chosen in the view's settings, else
 * the browser's. */
async function readerLanguage() {
  const stored = await api.storage.local.get(SETTINGS_KEY).catch(() => ({}));
  const chosen = stored?.[SETTINGS_KEY]?.language;
  // Only a language the extension has files for, as the view's settings accept (a stored value
  // may be anything).
  const known = typeof chosen === 'string' && /^[a-z]{2}(_[A-Z]{2})?$/.test(chosen)
    && await fetch(api.runtime.getURL(`_locales/${chosen}/messages.json`)).then((r) => r.ok).catch(() => false);
  return known ? chosen.replace('_', '-') : api.i18n.getUILanguage();
}

/** Show why nothing happened, on the toolbar button of that tab. */
async function explain(tabId, message) {
  await api.action.setBadgeText({ tabId, text: '!' });
  await api.action.setBadgeBackgroundColor({ tabId, color: '#8a6d00' });
  await api.action.setTitle({ tabId, title: message });
}

const TIERS = ['controlled', 'captured', 'independent'];
const BADGE_COLOURS = { controlled: '#b3261e', captured: '#a14a00', independent: '#5f6368' };

/** The toolbar button of `tabId` carries the outlet label (the page cannot reach it), or nothing. */
async function showLabel(tabId, article) {
  const label = article?.affiliation;
  const wire = (article?.wire_credits ?? []).filter((credit) => credit.tier !== 'independent');
  if (!label && wire.length === 0) {
    await api.action.setBadgeText({ tabId, text: '' });
    await api.action.setTitle({ tabId, title: api.i18n.getMessage('actionTitle') });
    return;
  }
  const tier = label?.tier ?? wire[0].tier;
  await api.action.setBadgeText({ tabId, text: badgeText(label ? tier : 'wire') });
  await api.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[tier] });
  const lines = [label?.summary, ...wire.map((credit) => credit.summary), api.i18n.getMessage('actionTitle')];
  await api.action.setTitle({ tabId, title: lines.filter(Boolean).join('\n') });
}

/** Read the page in `tab`: its HTML and the images it loaded. Throws with the browser's reason. */
async function snapshot(tab) {
  const inject = () => api.scripting.executeScript({ target: { tabId: tab.id }, func: snapshotPage });
  // Chromium sometimes refuses the first injection right after a click on a page just restored
  // from the back-forward cache ("Cannot access contents of the page"; seen in the e2e runs),
  // and accepts it a moment later: one retry, then the browser's reason.
  const [injection] = await inject().catch(async (error) => {
    if (!/Cannot access/.test(String(error?.message))) throw error;
    await new Promise((resolve) => setTimeout(resolve, 150));
    return inject();
  });
  if (!injection?.result) throw new Error(api.i18n.getMessage('pageUnreadable'));
  return injection.result;
}

/** Extract the article from a snapshot; the label comes from the tab's own address, not the page. */
async function extract(tab, page, language) {
  const [core, reader] = await Promise.all([loadCore(), language ?? readerLanguage()]);
  const started = performance.now();
  // The body's plain text is not sent on: the view draws the model, and the copy buttons have
  // their own renderings (a long article's text would cross to the reader page a third time).
  const { text: _text, ...article } = core.extractArticle(page.html, tab.url, reader);
  return { article, extractMs: performance.now() - started };
}

function isReaderTab(tab) {
  return typeof tab.url === 'string' && tab.url.startsWith(READER_URL);
}

/** Open the reader view in `tab`: read the page, then put the reader page in its place at once,
 * so the reader sees it while the core works. */
async function openReader(tab) {
  const clicked = now();
  const reason = restrictedReason(tab.url);
  if (reason) return explain(tab.id, reason);
  loadCore().catch(() => {}); // compile while the page is read
  // Progress at once, on the button the reader just clicked (and no earlier click's explanation).
  api.action.setBadgeText({ tabId: tab.id, text: '…' }).catch(() => {});
  api.action.setBadgeBackgroundColor({ tabId: tab.id, color: '#5f6368' }).catch(() => {});
  api.action.setTitle({ tabId: tab.id, title: api.i18n.getMessage('preparing') }).catch(() => {});
  let page;
  try {
    page = await snapshot(tab);
  } catch (error) {
    return explain(tab.id, api.i18n.getMessage('cannotRead', [String(error?.message ?? error)]));
  }
  const snapped = now();
  const key = crypto.randomUUID();
  openPages.set(key, { html: page.html, url: tab.url });
  while (openPages.size > OPEN_PAGES_KEPT) openPages.delete(openPages.keys().next().value);
  const work = extract(tab, page).catch((error) => ({ error: String(error?.message ?? error) }));
  sessions.set(key, work.then((outcome) => ({
    ...outcome,
    url: tab.url,
    loadedImages: page.loadedImages,
    imageSizes: page.imageSizes,
    timings: { ...timings, clicked, snapped, extracted: now() },
  })));
  // A session nobody asked for (the tab was closed first) does not stay in memory.
  setTimeout(() => sessions.delete(key), 60_000);
  await api.tabs.update(tab.id, { url: `${READER_URL}#${key}` });
}

/**
 * The browser clears a tab's badge when the tab navigates, so going back from the reader page
 * to the article would leave the article unlabelled. One listener, for that tab only, puts the
 * label back once the article is shown; it is removed then or after 10 s, so it never wakes the
 * worker on later page loads.
 */
function relabelOnReturn(tabId, article) {
  const done = () => {
    api.tabs.onUpdated.removeListener(onUpdated);
    clearTimeout(timer);
  };
  const onUpdated = (updatedId, change, tab) => {
    if (updatedId !== tabId || change.status !== 'complete') return;
    done();
    // Without the tabs permission the address is hidden once activeTab lapses on navigation;
    // the entry history.back() lands on is the article's.
    if (!isReaderTab(tab) && (tab.url === undefined || tab.url === article.url)) showLabel(tabId, article).catch(() => {});
  };
  const timer = setTimeout(done, 10_000);
  api.tabs.onUpdated.addListener(onUpdated);
}

/** A click on the reader page's own tab closes it: that page goes back to the article. */
async function closeReader(tab) {
  await api.runtime.sendMessage({ type: 'masthead:close', tabId: tab.id }).catch(() => {});
}

// A click on a tab whose view is still being opened (the page read, the reader page not yet in
// the tab) is ignored: a double click opens the view rather than opening and closing it.
const opening = new Set();

api.action.onClicked.addListener((tab) => {
  if (opening.has(tab.id)) return undefined;
  if (isReaderTab(tab)) return closeReader(tab);
  opening.add(tab.id);
  return openReader(tab).finally(() => opening.delete(tab.id));
});

/** The context-menu entry: copy the clean text without opening the view. The copy is written
 * from the extension's context, so no event in the page takes part. */
async function copyWithoutOpening(tab) {
  const reason = restrictedReason(tab.url);
  if (reason) return explain(tab.id, reason);
  let title;
  let badge = '✓';
  try {
    const { article } = await extract(tab, await snapshot(tab));
    if (!article.word_count) throw new Error(api.i18n.getMessage('noArticleText'));
    await writeClipboard(article.copy_text);
    await showLabel(tab.id, article).catch(() => {});
    title = api.i18n.getMessage('copiedCleanText');
  } catch (error) {
    badge = '!';
    title = api.i18n.getMessage('couldNotCopy', [String(error?.message ?? error)]);
  }
  const previous = await api.action.getBadgeText({ tabId: tab.id });
  const previousTitle = await api.action.getTitle({ tabId: tab.id });
  await api.action.setBadgeText({ tabId: tab.id, text: badge });
  await api.action.setTitle({ tabId: tab.id, title });
  // The confirmation shows for a moment, then the label (if any) comes back.
  setTimeout(() => {
    api.action.setBadgeText({ tabId: tab.id, text: badge === '!' ? '!' : previous }).catch(() => {});
    if (badge !== '!') api.action.setTitle({ tabId: tab.id, title: previousTitle }).catch(() => {});
  }, 2500);
}

/** The tier icons as ImageData (what declarativeContent.SetIcon takes), from the packaged PNGs. */
async function tierIcons() {
  const icons = {};
  for (const tier of TIERS) {
    icons[tier] = {};
    for (const size of [16, 32]) {
      const response = await fetch(api.runtime.getURL(`icons/${tier}-${size}.png`));
      const bitmap = await createImageBitmap(await response.blob());
      const canvas = new OffscreenCanvas(size, size);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      icons[tier][size] = context.getImageData(0, 0, size, size);
    }
  }
  return icons;
}

api.runtime.onInstalled.addListener(() => {
  api.contextMenus.create({ id: COPY_MENU_ID, title: api.i18n.getMessage('copyMenu'), contexts: ['page', 'selection'] });
  // Rules persist in the browser; they are rebuilt on install and update, when the dataset changes.
  // The one compile not caused by a click: once per install or update.
  if (api.declarativeContent) {
    Promise.all([loadCore(), tierIcons()])
      .then(([core, icons]) => installHostRules(core.labeledHosts(), icons))
      .catch((error) => console.error('Masthead: host rules not installed', error));
  }
});

api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === COPY_MENU_ID && tab && !isReaderTab(tab)) copyWithoutOpening(tab);
});

// Only the extension's own pages can send these (no page can message the extension: there is no
// externally_connectable and no content script listening).
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== api.runtime.id || !sender.url?.startsWith(READER_URL)) return false;
  if (message?.type === 'masthead:session') {
    const session = sessions.get(message.key);
    sessions.delete(message.key);
    if (!session) {
      sendResponse({ expired: true });
      return false;
    }
    session.then((outcome) => {
      // The label goes on the toolbar button now that the reader page is in the tab: the
      // navigation to it would have cleared a badge set before.
      if (outcome.article) showLabel(sender.tab.id, outcome.article).catch(() => {});
      sendResponse(outcome);
    });
    return true; // the answer comes asynchronously
  }
  if (message?.type === 'masthead:relabel' && sender.tab) {
    showLabel(sender.tab.id, message.article).catch(() => {});
  }
  if (message?.type === 'masthead:reword' && typeof message.language === 'string') {
    // The same page, said again in the language the reader picked.
    const page = openPages.get(message.key);
    if (!page) {
      sendResponse({ expired: true });
      return false;
    }
    extract({ url: page.url }, page, message.language)
      .then(({ article }) => {
        if (sender.tab) showLabel(sender.tab.id, article).catch(() => {});
        sendResponse({ article });
      })
      .catch((error) => sendResponse({ error: String(error?.message ?? error) }));
    return true;
  }
  if (message?.type === 'masthead:closing' && sender.tab) {
    openPages.delete(message.key);
    relabelOnReturn(sender.tab.id, message.article);
  }
  return false;
});
