// Runs in the page (injected on a click, never before). Opens and closes the reader view and
// copies clean text. The page itself is never edited: the view is one extra element with a
// shadow root, laid over the page (it scrolls itself and contains its overscroll, so the page
// underneath needs no style change); closing removes it and puts back the scroll position.
(() => {
  if (globalThis.mastheadContent) return;
  const { api } = globalThis.mastheadPlatform;
  const reader = globalThis.mastheadReader;
  const SETTINGS_KEY = 'mastheadSettings';

  let open = null; // { host, scroll, onKey }

  async function extract() {
    const html = document.documentElement.outerHTML;
    const response = await api.runtime.sendMessage({ type: 'masthead:extract', html, url: location.href });
    if (!response) throw new Error('the extension did not answer');
    if (response.error) throw new Error(response.error);
    return response.article;
  }

  async function loadSettings() {
    try {
      const stored = await api.storage.local.get(SETTINGS_KEY);
      return { ...reader.DEFAULT_SETTINGS, ...(stored[SETTINGS_KEY] ?? {}) };
    } catch {
      return { ...reader.DEFAULT_SETTINGS };
    }
  }

  /** Write `text` to the clipboard; the fallback covers contexts without a user gesture. */
  async function copyToClipboard(text, shadowRoot) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Fall through to the older path, allowed by the clipboardWrite permission.
    }
    const area = document.createElement('textarea');
    area.value = text;
    (shadowRoot ?? document.documentElement).append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('the browser refused clipboard access');
  }

  function createHost() {
    const host = document.createElement('masthead-reader');
    const shadow = host.attachShadow({ mode: 'open' });
    // A constructed stylesheet is not an inline <style>, so a page CSP with a strict
    // style-src does not block it.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(reader.STYLE);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = reader.STYLE;
      shadow.append(style);
    }
    return { host, shadow };
  }

  function show(build) {
    const { host, shadow } = createHost();
    const state = {
      host,
      scroll: [window.scrollX, window.scrollY],
      onKey: (event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      },
    };
    shadow.append(build(shadow));
    document.documentElement.append(host);
    window.addEventListener('keydown', state.onKey, true);
    open = state;
    shadow.querySelector('button')?.focus({ preventScroll: true });
  }

  function close() {
    if (!open) return;
    const { host, scroll, onKey } = open;
    open = null;
    window.removeEventListener('keydown', onKey, true);
    host.remove();
    window.scrollTo(scroll[0], scroll[1]);
  }

  function actionsFor(shadowRoot) {
    return {
      close,
      copy: (text) => copyToClipboard(text, shadowRoot),
      saveSettings: (settings) => api.storage.local.set({ [SETTINGS_KEY]: settings }).catch(() => {}),
    };
  }

  function showArticle(article, settings) {
    close();
    show((shadow) => reader.render(document, article, settings, actionsFor(shadow)));
  }

  async function openReader() {
    let article;
    try {
      article = await extract();
    } catch (error) {
      show((shadow) => reader.renderMessage(document, 'Masthead could not read this page',
        `${error?.message ?? error}. The page is unchanged.`, actionsFor(shadow)));
      return;
    }
    const settings = await loadSettings();
    if (!article.readerable || !article.text) {
      const anyway = article.text ? () => showArticle(article, settings) : null;
      show((shadow) => reader.renderMessage(document, 'No article here',
        'This page does not look like an article (a home page, a list or a search page, perhaps). Open a story and click again.',
        actionsFor(shadow), anyway));
      return;
    }
    showArticle(article, settings);
  }

  /** The context-menu path: copy the clean text without opening the view, and say so. */
  async function copyWithoutOpening() {
    let message;
    try {
      const article = await extract();
      if (!article.text) throw new Error('no article text on this page');
      await copyToClipboard(reader.copyText(article));
      message = 'Masthead copied the clean text';
    } catch (error) {
      message = `Masthead could not copy: ${error?.message ?? error}`;
    }
    const { host, shadow } = createHost();
    host.style.cssText = 'position:fixed;inset:auto 0 1.5rem 0;height:auto;pointer-events:none';
    const toast = document.createElement('div');
    toast.setAttribute('role', 'status');
    toast.textContent = message;
    toast.style.cssText = 'margin:0 auto;width:max-content;max-width:90vw;background:#1d1d1f;color:#fff;padding:.6rem 1rem;border-radius:6px;font:14px system-ui,sans-serif';
    shadow.append(toast);
    document.documentElement.append(host);
    setTimeout(() => host.remove(), 2500);
  }

  globalThis.mastheadContent = {
    run(mode) {
      if (mode === 'copy') return copyWithoutOpening();
      if (open) return close();
      return openReader();
    },
  };
})();
