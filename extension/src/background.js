// The extension's own context: the one place the wasm core runs. A page's Content-Security-Policy
// can forbid WebAssembly in a content script (Chromium checks the page's CSP), but not here, so
// every page takes the same path: the content script sends the page's HTML, this extracts it,
// and the content script renders the reader view from the returned model.
import './platform.js';
import init, { extractArticle, labeledHosts } from './pkg/masthead.js';

const { api, restrictedReason, installHostRules } = globalThis.mastheadPlatform;
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

/** Clear an earlier explanation or label (a new click, a new page in the tab). */
async function clearBadge(tabId) {
  await api.action.setBadgeText({ tabId, text: '' });
  await api.action.setTitle({ tabId, title: api.runtime.getManifest().action.default_title });
}

const TIER_BADGES = {
  // Chrome fits about four characters in a badge.
  controlled: { text: 'GOV!', color: '#b3261e' },
  captured: { text: 'GOV', color: '#b45309' },
  independent: { text: 'PUB', color: '#5f6368' },
};

/** Once the extension has looked at a page: its outlet label on the toolbar button, for that tab. */
async function showLabel(tabId, article) {
  const label = article?.affiliation;
  const wire = (article?.wire_credits ?? []).filter((credit) => credit.tier !== 'independent');
  if (!label && wire.length === 0) return;
  const tier = label?.tier ?? wire[0].tier;
  const badge = TIER_BADGES[tier];
  await api.action.setBadgeText({ tabId, text: label ? badge.text : 'WIRE' });
  await api.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  const lines = [label?.summary, ...wire.map((credit) => credit.summary), 'Click for the reader view (Alt+Shift+M)'];
  await api.action.setTitle({ tabId, title: lines.filter(Boolean).join('\n') });
}

/** Inject the content script (once per page) and run it in `mode`: "toggle" or "copy". */
async function runInTab(tab, mode) {
  const reason = restrictedReason(tab.url);
  if (reason) return explain(tab, reason);
  await clearBadge(tab.id);
  try {
    await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['platform.js', 'reader.js', 'content.js'] });
    await api.scripting.executeScript({
      target: { tabId: tab.id },
      func: (runMode) => globalThis.mastheadContent.run(runMode),
      args: [mode],
    });
  } catch (error) {
    await explain(tab, `Masthead cannot read this page: ${error?.message ?? error}`);
  }
}

api.action.onClicked.addListener((tab) => runInTab(tab, 'toggle'));

// A label belongs to the page it was read from: a new page in the tab starts without one.
api.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') clearBadge(tabId).catch(() => {});
});

/** The tier icons as ImageData (what declarativeContent.SetIcon takes), from the packaged PNGs. */
async function tierIcons() {
  const icons = {};
  for (const tier of Object.keys(TIER_BADGES)) {
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
  api.contextMenus.create({ id: COPY_MENU_ID, title: 'Copy clean text (Masthead)', contexts: ['page', 'selection'] });
  // Rules persist in the browser; they are rebuilt on install and update, when the dataset changes.
  if (api.declarativeContent) {
    Promise.all([wasmReady, tierIcons()])
      .then(([, icons]) => installHostRules(labeledHosts(), icons))
      .catch((error) => console.error('Masthead: host rules not installed', error));
  }
});
api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === COPY_MENU_ID && tab) runInTab(tab, 'copy');
});

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type !== 'masthead:extract' || !sender.tab) return false;
  wasmReady
    .then(() => {
      const article = extractArticle(message.html, message.url);
      showLabel(sender.tab.id, article).catch(() => {});
      sendResponse({ article });
    })
    .catch((error) => sendResponse({ error: String(error?.message ?? error) }));
  return true; // the answer comes asynchronously
});
