// Chrome only: the clipboard for a service worker, which has none. Opened for one copy and
// closed after it (platform.js, writeClipboard); it never shows and never sees a web page.
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type !== 'masthead:offscreen-copy' || sender.id !== chrome.runtime.id) return false;
  const area = document.getElementById('copy');
  area.value = message.text;
  area.select();
  // execCommand in this document: an offscreen document cannot take focus, which the async
  // clipboard API needs; the clipboardWrite permission allows this path.
  const ok = document.execCommand('copy');
  area.value = '';
  sendResponse(ok ? { ok } : { ok, error: 'the browser refused clipboard access' });
  return false;
});
