// The one place that knows which browser this is. Loaded as a classic script in the page
// (before content.js) and imported by the background script; it defines one global.
(() => {
  if (globalThis.mastheadPlatform) return;
  const api = globalThis.browser ?? globalThis.chrome;
  const isFirefox = typeof globalThis.browser !== 'undefined' && api.runtime.getURL('').startsWith('moz-extension:');

  // Pages no extension may script: the browser's own pages, its extension store, its PDF viewer.
  const RESTRICTED = isFirefox
    ? [/^about:/, /^moz-extension:/, /^view-source:/, /^https:\/\/addons\.mozilla\.org\//, /^resource:/, /^chrome:/]
    : [/^chrome:/, /^chrome-extension:/, /^chrome-untrusted:/, /^devtools:/, /^edge:/, /^about:/, /^view-source:/,
       /^https:\/\/chrome\.google\.com\/webstore/, /^https:\/\/chromewebstore\.google\.com\//];

  /** Why Masthead cannot open `url`, or null when it can. */
  function restrictedReason(url) {
    // Without a URL the browser is hiding the page from extensions: its own pages and store.
    if (!url) return 'Masthead cannot read browser pages or the extension store. Open a news article and click again.';
    if (RESTRICTED.some((pattern) => pattern.test(url))) {
      return 'Masthead cannot read browser pages or the extension store. Open a news article and click again.';
    }
    if (/\.pdf($|[?#])/i.test(url)) return 'Masthead reads web pages, not PDF files.';
    return null;
  }

  globalThis.mastheadPlatform = { api, isFirefox, restrictedReason };
})();
