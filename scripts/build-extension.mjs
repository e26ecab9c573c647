#!/usr/bin/env node
// Assemble the unpacked extensions dist/chrome/ and dist/firefox/ and their .zip packages: the
// base manifest merged with each browser's overlay, the scripts of extension/src/, and the wasm
// package that scripts/build-wasm.mjs wrote to extension/pkg/. Then copy the reader view and its
// messages to www/, which shows the same view.
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { zipSync } from 'fflate';
import { ROOT } from './paths.mjs';

const EXTENSION = path.join(ROOT, 'extension');
const DIST = path.join(ROOT, 'dist');
const BROWSERS = ['chrome', 'firefox'];
const PKG_FILES = ['masthead.js', 'masthead_bg.wasm'];
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** `overlay` over `base`: objects merge, a list gains the overlay's items (a browser-only
 * permission) in the base's order, anything else is replaced. */
function merge(base, overlay) {
  const merged = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const was = merged[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && was && typeof was === 'object' && !Array.isArray(was)) merged[key] = merge(was, value);
    else if (Array.isArray(value) && Array.isArray(was)) merged[key] = [...was, ...value.filter((item) => !was.includes(item))];
    else merged[key] = value;
  }
  return merged;
}

/** Every file under `dir`, relative to it, sorted (so the zip's bytes do not depend on the disk). */
function files(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory()
      ? files(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`]))
    .sort();
}

// The highly legible typeface (Atkinson Hyperlegible, SIL Open Font License 1.1, from the npm
// package @fontsource/atkinson-hyperlegible), bundled: the extension fetches nothing.
const FONT_DIR = path.join(ROOT, 'node_modules/@fontsource/atkinson-hyperlegible');
const FONT_FILES = ['atkinson-hyperlegible-latin-400-normal.woff2', 'atkinson-hyperlegible-latin-700-normal.woff2'];

function copyFonts(target) {
  fs.mkdirSync(path.join(target, 'fonts'), { recursive: true });
  for (const name of FONT_FILES) fs.copyFileSync(path.join(FONT_DIR, 'files', name), path.join(target, 'fonts', name));
  fs.copyFileSync(path.join(FONT_DIR, 'LICENSE'), path.join(target, 'fonts', 'LICENSE-atkinson-hyperlegible.txt'));
}

// Each extension context loads one script of the extension's: a context that starts fetches and
// compiles the files it names one after another (modules one import at a time), which a cold
// click pays twice, in the worker and in the reader page. Bundled with esbuild, not minified
// (what runs reads as the source does); the parts stay separate in extension/src and www/.
const BUNDLES = [
  // The worker: background.js and its imports (platform, core, snapshot, the wasm package's glue).
  { entry: 'background.js', format: 'esm' },
  // The reader page: ask.js, the view (shared with www/) and view.js, in that order.
  { entry: 'reader-page.js', format: 'iife' },
];
// What the bundles hold, left out of the packages.
const BUNDLED = ['ask.js', 'core.js', 'platform.js', 'reader-listen.js', 'reader-style.js', 'reader.js', 'snapshot.js', 'view.js', 'pkg/masthead.js'];

function bundle(target) {
  for (const { entry, format } of BUNDLES) {
    buildSync({
      entryPoints: [path.join(target, entry)],
      outfile: path.join(target, entry),
      allowOverwrite: true,
      bundle: true,
      format,
      target: 'es2022',
      charset: 'utf8',
      legalComments: 'inline',
      logLevel: 'warning',
    });
  }
  for (const name of BUNDLED) fs.rmSync(path.join(target, name));
}

function main() {
  const pkg = path.join(EXTENSION, 'pkg');
  const missing = PKG_FILES.filter((name) => !fs.existsSync(path.join(pkg, name)));
  if (missing.length) {
    console.error(`build-extension: ${missing.join(', ')} missing in extension/pkg: run scripts/build-wasm.mjs first`);
    process.exit(1);
  }
  const base = readJson(path.join(EXTENSION, 'manifest.base.json'));
  for (const browser of BROWSERS) {
    const overlay = readJson(path.join(EXTENSION, `manifest.${browser}.json`));
    const target = path.join(DIST, browser);
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(path.join(EXTENSION, 'src'), target, { recursive: true });
    fs.cpSync(path.join(EXTENSION, 'icons'), path.join(target, 'icons'), { recursive: true });
    fs.cpSync(path.join(EXTENSION, '_locales'), path.join(target, '_locales'), { recursive: true });
    copyFonts(target);
    if (browser !== 'chrome') {
      // Chrome's service worker needs an offscreen document for the clipboard; Firefox's event
      // page writes it itself.
      for (const name of ['offscreen.html', 'offscreen.js']) fs.rmSync(path.join(target, name));
    }
    fs.mkdirSync(path.join(target, 'pkg'));
    for (const name of PKG_FILES) fs.copyFileSync(path.join(pkg, name), path.join(target, 'pkg', name));
    bundle(target);
    fs.writeFileSync(path.join(target, 'manifest.json'), `${JSON.stringify(merge(base, overlay), null, 2)}\n`);
    const entries = Object.fromEntries(files(target).map((name) => [name, [fs.readFileSync(path.join(target, name)), { mtime: new Date('2020-01-01') }]]));
    const archive = zipSync(entries, { level: 9 });
    const zip = path.join(DIST, `masthead-${browser}.zip`);
    fs.writeFileSync(zip, archive);
    const size = files(target).reduce((sum, name) => sum + fs.statSync(path.join(target, name)).size, 0);
    console.log(`wrote dist/${browser}/ (${size} bytes unpacked) and ${path.relative(ROOT, zip)} (${archive.length} bytes)`);
  }
  for (const name of ['reader.js', 'reader-style.js', 'reader-listen.js']) fs.copyFileSync(path.join(EXTENSION, 'src', name), path.join(ROOT, 'www', name));
  fs.rmSync(path.join(ROOT, 'www', 'messages.json'), { force: true });
  fs.rmSync(path.join(ROOT, 'www', '_locales'), { recursive: true, force: true });
  fs.cpSync(path.join(EXTENSION, '_locales'), path.join(ROOT, 'www', '_locales'), { recursive: true });
  copyFonts(path.join(ROOT, 'www'));
  console.log('wrote www/reader.js, www/reader-style.js, www/reader-listen.js, www/_locales/ and www/fonts/');
}

main();
