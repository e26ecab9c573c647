// The reader page (reader.html): an extension page in the tab, in place of the web page it was
// opened on. No script or style of that page can reach it (another origin, and the page is gone
// or frozen in the back-forward cache while this shows), so what the reader sees, the label
// included, and what "Copy" puts on the clipboard are the extension's alone.
import { api } from './platform.js';

globalThis.mastheadScriptAt = performance.now(); // read by the cold-click benchmark
const reader = globalThis.mastheadReader;
const { msg } = reader;
const SETTINGS_KEY = 'mastheadSettings';
const key = location.hash.slice(1);
// A constructed stylesheet: the same rules www/ uses, and nothing inline for the CSP to allow.
const sheet = new CSSStyleSheet();
sheet.replaceSync(reader.STYLE);
document.adoptedStyleSheets = [sheet];
reader.registerFonts(document, (name) => api.runtime.getURL(`fonts/${name}`));
let articleUrl = null;
let shownArticle = null;

/** Back to the page as it was: the history entry before this one (restored from the
 * back-forward cache where the browser kept it), or, when there is none, its address. */
function close() {
  reader.stopSpeaking(); // reading aloud ends with the view
  if (shownArticle) {
    const { url, affiliation, wire_credits: wireCredits } = shownArticle;
    api.runtime.sendMessage({ type: 'masthead:closing', key, article: { url, affiliation, wire_credits: wireCredits } }).catch(() => {});
  }
  if (history.length > 1) history.back();
  else if (articleUrl) location.replace(articleUrl);
  else window.close();
}

async function loadSettings() {
  try {
    // The first read was started by ask.js; later ones (a change of language) read anew.
    const asked = globalThis.mastheadSettingsAsked;
    globalThis.mastheadSettingsAsked = null;
    const stored = await (asked ?? api.storage.local.get(SETTINGS_KEY));
    return reader.validSettings(stored[SETTINGS_KEY]);
  } catch {
    return { ...reader.DEFAULT_SETTINGS };
  }
}

async function copy(text) {
  // This document has focus and the click was the reader's own: the async API works, and no
  // web page has any part in it.
  await navigator.clipboard.writeText(text);
}

/** A locale's messages, read from the extension's own files (no network request). */
async function loadMessages(locale) {
  const response = await fetch(api.runtime.getURL(`_locales/${locale}/messages.json`));
  return response.json();
}

/** The page's own language and direction follow the reader's language (the article inside
 * keeps its own). */
function setDocumentLanguage() {
  const language = reader.uiLanguage();
  document.documentElement.lang = language;
  document.documentElement.dir = reader.isRightToLeft(language) ? 'rtl' : 'ltr';
}

/** The reader picked another language in the settings: the view, and the label and copies the
 * core words, say the same article again in it. The last choice wins when choices overlap. */
let languageChoice = 0;
async function changeLanguage(language) {
  const turn = ++languageChoice;
  await reader.useLanguage(language, loadMessages).catch(() => reader.useLanguage('auto'));
  if (turn !== languageChoice) return;
  setDocumentLanguage();
  const tag = language === 'auto' ? api.i18n.getUILanguage() : language.replace('_', '-');
  const answer = await api.runtime.sendMessage({ type: 'masthead:reword', key, language: tag }).catch(() => null);
  if (turn !== languageChoice) return;
  if (answer?.article) {
    shownArticle = answer.article;
    keptSession = { ...keptSession, article: answer.article, restored: false };
    sessionStorage.removeItem(key);
    keepForReload(keptSession);
  }
  showArticle(shownArticle, await loadSettings(), keptSession);
  // The settings stay open where the reader was, the language choice focused.
  document.getElementById('view')?.mastheadShowSettings?.('select[data-setting="language"]');
  if (!answer?.article) {
    // The worker stopped since the click and kept no page to say again: the interface has
    // changed; the label and the copies follow on the next click.
    const status = document.querySelector('#view .status');
    if (status) {
      status.textContent = msg('languageNextClick');
      status.classList.add('shown');
      setTimeout(() => status.classList.remove('shown'), 6000);
    }
  }
}

const actions = {
  close,
  copy,
  changeLanguage,
  saveSettings: (settings) => api.storage.local.set({ [SETTINGS_KEY]: reader.validSettings(settings) }).catch(() => {}),
};
let keptSession = null;

/** What the worker extracted for this view, or what this tab kept of it (a reload, or coming
 * forward to it again, shows the same article). */
async function loadSession() {
  const kept = sessionStorage.getItem(key);
  if (kept) return { ...JSON.parse(kept), restored: true };
  return globalThis.mastheadSessionAsked ?? api.runtime.sendMessage({ type: 'masthead:session', key });
}

/** Keep the session in this tab's sessionStorage (this origin's only), once the article is
 * drawn: serializing a long article is not worth a moment of the reader's wait. */
function keepForReload(session) {
  if (!session || session.expired || session.error || session.restored) return;
  setTimeout(() => {
    try {
      sessionStorage.setItem(key, JSON.stringify({
        article: session.article, url: session.url, loadedImages: session.loadedImages, imageSizes: session.imageSizes,
      }));
    } catch {
      // Over the storage quota (a huge article): a reload will say the view has expired.
    }
  });
}

/** Put `root` in place of whatever the page shows now (the "Preparing…" line, a message). */
function show(root, title) {
  document.getElementById('view').replaceWith(root);
  root.id = 'view';
  document.title = title;
  root.querySelector('h1')?.focus({ preventScroll: true });
}

function showArticle(article, settings, session) {
  const images = new Map(Object.entries(session?.loadedImages ?? {}));
  const sizes = new Map(Object.entries(session?.imageSizes ?? {}));
  const root = reader.render(document, article, settings, actions, {
    imageFor: (src) => images.get(src) ?? null, sizeOf: (shown) => sizes.get(shown) ?? null,
  });
  show(root, article.title || msg('untitled'));
  globalThis.mastheadRenderedAt ??= performance.timeOrigin + performance.now(); // read by the cold-click benchmark
}

async function main() {
  document.documentElement.lang = api.i18n.getUILanguage();
  document.querySelector('#view .loading').textContent = msg('preparing');
  const [session, settings] = await Promise.all([loadSession(), loadSettings()]);
  keptSession = session;
  if (settings.language !== 'auto') await reader.useLanguage(settings.language, loadMessages).catch(() => {});
  setDocumentLanguage();
  globalThis.mastheadSessionAt = performance.timeOrigin + performance.now();
  globalThis.mastheadSession = session; // read by the cold-click benchmark: where the time went
  if (!session || session.expired) {
    show(reader.renderMessage(document, msg('expiredTitle'), msg('expiredDetail'), actions), msg('expiredTitle'));
    return;
  }
  articleUrl = session.url;
  if (session.error) {
    show(reader.renderMessage(document, msg('couldNotReadTitle'), msg('couldNotReadDetail', [session.error]), actions), msg('couldNotReadTitle'));
    return;
  }
  const { article } = session;
  shownArticle = article;
  if (session.restored) api.runtime.sendMessage({ type: 'masthead:relabel', article }).catch(() => {});
  if (!reader.showsAsArticle(article)) {
    const showAnyway = article.word_count ? () => showArticle(article, settings, session) : null;
    show(reader.renderMessage(document, msg('noArticleTitle'), msg('noArticleDetail'), actions, { showAnyway, article }), msg('noArticleTitle'));
    keepForReload(session);
    return;
  }
  showArticle(article, settings, session);
  // Read by the cold-click benchmark: when the article was in the view (after layout).
  requestAnimationFrame(() => {
    globalThis.mastheadShownAt = performance.timeOrigin + performance.now();
    keepForReload(session);
  });
}

// Leaving the reader page any way at all (back, a link, closing the tab) silences it.
window.addEventListener('pagehide', () => reader.stopSpeaking());

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && event.isTrusted && !event.defaultPrevented) {
    // Esc in an open <select> or details closes that first, and so does an image shown large.
    if (event.target instanceof HTMLSelectElement) return;
    if (document.querySelector('dialog[open]')) return;
    close();
  }
});

// A second toolbar click on this tab: the worker asks the reader page of that tab to close.
api.runtime.onMessage.addListener((message, sender) => {
  if (message?.type !== 'masthead:close' || sender.id !== api.runtime.id) return;
  api.tabs.getCurrent().then((tab) => {
    if (tab?.id === message.tabId) close();
  });
});

main().catch((error) => {
  show(reader.renderMessage(document, msg('couldNotReadTitle'), msg('couldNotReadDetail', [String(error?.message ?? error)]), actions),
    msg('couldNotReadTitle'));
});
