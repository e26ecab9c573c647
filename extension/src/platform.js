// The one place that knows which browser this is. An ES module, imported by the background
// script and the reader page; nothing of it runs in web pages.
export const api = globalThis.browser ?? globalThis.chrome;
export const isFirefox = typeof globalThis.browser !== 'undefined' && api.runtime.getURL('').startsWith('moz-extension:');

// Pages no extension may script: the browser's own pages, its extension store, its PDF viewer.
const RESTRICTED = isFirefox
  ? [/^about:/, /^moz-extension:/, /^view-source:/, /^https:\/\/addons\.mozilla\.org\//, /^resource:/, /^chrome:/]
  : [/^chrome:/, /^chrome-extension:/, /^chrome-untrusted:/, /^devtools:/, /^edge:/, /^about:/, /^view-source:/,
     /^https:\/\/chrome\.google\.com\/webstore/, /^https:\/\/chromewebstore\.google\.com\//];

/**
 * The toolbar badge for a tier (`controlled`, `captured`, `independent`, `wire`): Chrome shows
 * about four characters, Firefox about three, so each has its own wording in messages.json.
 */
export function badgeText(tier) {
  const key = { controlled: 'badgeControlled', captured: 'badgeCaptured', independent: 'badgeIndependent', wire: 'badgeWire' }[tier];
  return api.i18n.getMessage(isFirefox ? `${key}Short` : key);
}

/** Why Masthead cannot open `url`, or null when it can. */
export function restrictedReason(url) {
  // Without a URL the browser is hiding the page from extensions: its own pages and store.
  if (!url || RESTRICTED.some((pattern) => pattern.test(url))) {
    return api.i18n.getMessage('restrictedPage');
  }
  if (/\.pdf($|[?#])/i.test(url)) return api.i18n.getMessage('pdfPage');
  return null;
}

/**
 * Write `text` to the clipboard from the extension's own context, with no event in any web page.
 * Firefox: the background is an event page, which may write with the clipboardWrite permission.
 * Chrome: a service worker has no clipboard, so an offscreen document (reason CLIPBOARD) copies.
 */
export async function writeClipboard(text) {
  if (isFirefox) return navigator.clipboard.writeText(text);
  const url = api.runtime.getURL('offscreen.html');
  const existing = await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (existing.length === 0) {
    await api.offscreen.createDocument({ url, reasons: ['CLIPBOARD'], justification: 'Copy the clean text the reader asked for' });
  }
  try {
    const answer = await api.runtime.sendMessage({ type: 'masthead:offscreen-copy', text });
    if (!answer?.ok) throw new Error(answer?.error ?? api.i18n.getMessage('clipboardRefused'));
  } finally {
    await api.offscreen.closeDocument().catch(() => {});
  }
}

/**
 * Mark labeled outlets on the toolbar icon before any click, where the browser can do it
 * without the extension reading addresses. Chrome: declarativeContent matches hosts itself
 * (the "declarativeContent" permission carries no install warning). Firefox has no such API;
 * doing it there would take the "tabs" permission or host access to every site, so Firefox
 * shows the label only once the reader view has looked at the page.
 * `rules` is [{ host, path_prefix, tier }]; `icons` maps a tier to { 16: ImageData, 32: ImageData }.
 */
export async function installHostRules(rules, icons) {
  const dc = api.declarativeContent;
  if (!dc) return false;
  const byTier = new Map();
  for (const rule of rules) {
    const conditions = byTier.get(rule.tier) ?? [];
    const page = rule.path_prefix ? { pathPrefix: rule.path_prefix } : {};
    conditions.push(new dc.PageStateMatcher({ pageUrl: { hostEquals: rule.host, schemes: ['http', 'https'], ...page } }));
    conditions.push(new dc.PageStateMatcher({ pageUrl: { hostSuffix: `.${rule.host}`, schemes: ['http', 'https'], ...page } }));
    byTier.set(rule.tier, conditions);
  }
  const declared = [...byTier].map(([tier, conditions]) => ({
    id: `masthead-${tier}`,
    conditions,
    actions: [new dc.SetIcon({ imageData: icons[tier] })],
  }));
  await new Promise((resolve) => dc.onPageChanged.removeRules(undefined, resolve));
  await new Promise((resolve, reject) => dc.onPageChanged.addRules(declared, () => {
    const error = api.runtime.lastError;
    if (error) reject(new Error(error.message));
    else resolve();
  }));
  return true;
}
