// The reader page's one script, as scripts/build-extension.mjs bundles it: its parts in the
// order they must run. One file, not five (four classic scripts and a module with an import): a
// fresh extension page fetches and runs each in turn. The page's load (DOMContentLoaded) went from
// 59 to 43 ms opening it alone, and from 88 to 64 ms in a cold click (tests/e2e/bench-cold.mjs,
// paired in one run; docs/performance.md).
import './ask.js'; // first: the article is asked for while the rest is compiled
import './reader-style.js';
import './reader-listen.js';
import './reader.js';
import './view.js';
