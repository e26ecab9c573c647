// The reader page's first script: it asks the worker for this view's article at once, so the
// answer travels while the page's other scripts load (measured by tests/e2e/bench-cold.mjs).
// A reload finds the article in this tab's sessionStorage and asks nothing.
{
  const key = location.hash.slice(1);
  if (!sessionStorage.getItem(key)) {
    const api = globalThis.browser ?? globalThis.chrome;
    globalThis.mastheadSessionAsked = api.runtime.sendMessage({ type: 'masthead:session', key });
    globalThis.mastheadSessionAsked.catch(() => {}); // view.js reports a failure
  }
}
