// The wasm core, compiled on first use only. A worker that wakes for anything but a click (an
// install, a context-menu click elsewhere) must not pay for a compile, and a page load wakes
// nothing at all: no listener here fires on navigation.
import { api } from './platform.js';
import init, { extractArticle, labeledHosts } from './pkg/masthead.js';

let ready = null;
// Read by the cold-click benchmark (tests/e2e/bench-cold.mjs): where a click's time went.
// Absolute times (ms since the epoch, as performance.timeOrigin + now()), comparable across contexts.
const now = () => performance.timeOrigin + performance.now();
export const timings = { workerStarted: now(), wasmStarted: null, wasmReady: null };
globalThis.mastheadTimings = timings;

export { now };

/** The core, once compiled and instantiated; the first call starts that. */
export function loadCore() {
  if (!ready) {
    timings.wasmStarted = now();
    ready = init({ module_or_path: api.runtime.getURL('pkg/masthead_bg.wasm') }).then(() => {
      timings.wasmReady = now();
      return { extractArticle, labeledHosts };
    });
    // A failed compile is retried on the next click rather than remembered.
    ready.catch(() => {
      ready = null;
    });
  }
  return ready;
}
