// What the extension takes from the page on a click: run in the page's isolated world by
// scripting.executeScript({ func }), so it defines nothing there and shares nothing with other
// scripts. It only reads: the page's DOM is not touched, and the page sees no event.
// It must stay self-contained (the browser serializes the function's source).

/**
 * The page's HTML and the images the page itself loaded: a map from every URL an
 * image element names (src, srcset and <picture> candidates, lazy-loading attributes) to the
 * URL it actually shows (currentSrc). The reader view shows only those, so it requests nothing
 * the page did not; and the size each was shown at its own resolution, so its box is kept.
 */
export function snapshotPage() {
  const loaded = {};
  const sizes = {}; // shown URL → [width, height]: the view reserves each image's shape

  const add = (raw, current) => {
    if (!raw) return;
    try {
      loaded[new URL(raw.trim(), document.baseURI).href] = current;
    } catch {
      // Not a URL: nothing to map.
    }
  };
  const candidates = (srcset) => (srcset || '').split(',').map((part) => part.trim().split(/\s+/)[0]);
  for (const image of document.images) {
    const current = image.currentSrc;
    if (!current || !image.complete || image.naturalWidth === 0) continue;
    add(current, current);
    sizes[current] = [image.naturalWidth, image.naturalHeight];
    for (const name of ['src', 'data-src', 'data-lazy-src', 'data-original', 'data-url']) add(image.getAttribute(name), current);
    const sets = [image.getAttribute('srcset'), image.getAttribute('data-srcset')];
    if (image.parentElement?.localName === 'picture') {
      for (const source of image.parentElement.querySelectorAll('source')) sets.push(source.getAttribute('srcset'));
    }
    for (const set of sets) for (const url of candidates(set)) add(url, current);
  }
  return {
    html: document.documentElement.outerHTML,
    loadedImages: loaded,
    imageSizes: sizes,
  };
}
