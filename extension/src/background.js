// The extension's own context: the one place the wasm core runs. A page's Content-Security-Policy
// can forbid WebAssembly in a content script (Chromium checks the page's CSP), but not here, so
// every page takes the same path: the content script sends the page's HTML, this extracts it,
// and the content script renders the reader view from the returned model.
import './platform.js';
import init, { extractArticle } from './pkg/masthead.js';

const { api, restrictedReason } = globalThis.mastheadPlatform;
const wasmStarted = performance.now();
const wasmReady = init({ module_or_path: api.runtime.getURL('pkg/masthead_bg.wasm') }).then(() => {
  // Read by the benchmark (tests/e2e/bench.mjs): compile and instantiate time of the core.
  globalThis.mastheadWasmInitMs = performance.now() - wasmStarted;
});
const COPY_MENU_ID = 'masthead-copy-clean-text';

/** Show why nothing happened, on the toolbar button of that tab. */
async function explain(tab, message) {
  await api.action.setBadgeText({ tabId: tab.id, text: '!' });
  await api.action.setBadgeBackgroundColor({ tabId: tab.id, color: '#8a6d00' });
  await api.action.setTitle({ tabId: tab.id, title: message });
}

/** Clear an earlier explanation once the page could be read. */
async function clearExplanation(tab) {
  await api.action.setBadgeText({ tabId: tab.id, text: '' });
  await api.action.setTitle({ tabId: tab.id, title: api.runtime.getManifest().action.default_title });
}

/** Inject the content script (once per page) and run it in `mode`: "toggle" or "copy". */
async function runInTab(tab, mode) {
  const reason = restrictedReason(tab.url);
  if (reason) return explain(tab, reason);
  try {
    await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['platform.js', 'reader.js', 'content.js'] });
    await api.scripting.executeScript({
      target: { tabId: tab.id },
      func: (runMode) => globalThis.mastheadContent.run(runMode),
      args: [mode],
    });
    await clearExplanation(tab);
  } catch (error) {
    await explain(tab, `Masthead cannot read this page: ${error?.message ?? error}`);
  }
}

api.action.onClicked.addListener((tab) => runInTab(tab, 'toggle'));

api.runtime.onInstalled.addListener(() => {
  api.contextMenus.create({ id: COPY_MENU_ID, title: 'Copy clean text (Masthead)', contexts: ['page', 'selection'] });
});
api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === COPY_MENU_ID && tab) runInTab(tab, 'copy');
});

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type !== 'masthead:extract' || !sender.tab) return false;
  wasmReady
    .then(() => sendResponse({ article: extractArticle(message.html, message.url) }))
    .catch((error) => sendResponse({ error: String(error?.message ?? error) }));
  return true; // the answer comes asynchronously
});
