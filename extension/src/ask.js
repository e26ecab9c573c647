// The reader page's first script: it asks the worker for this view's article, and the browser
// for the reader's settings, at once, so the answers travel while the rest of the page's script
// is compiled (measured by tests/e2e/bench-cold.mjs). A reload finds the article in this tab's
// sessionStorage and asks nothing.
{
  const key = location.hash.slice(1);
  const api = globalThis.browser ?? globalThis.chrome;
  globalThis.mastheadSettingsAsked = api.storage.local.get('mastheadSettings');
  globalThis.mastheadSettingsAsked.catch(() => {}); // view.js falls back to the defaults
  if (!sessionStorage.getItem(key)) {
    globalThis.mastheadSessionAsked = api.runtime.sendMessage({ type: 'masthead:session', key });
    globalThis.mastheadSessionAsked.catch(() => {}); // view.js reports a failure
  }
}
