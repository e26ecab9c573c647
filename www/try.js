// The try-it page: the extension's wasm core and reader view (reader.js, copied from
// extension/src by the build) on a page the visitor opens or pastes.
import init, { extractArticle } from './pkg/masthead.js';

/** A locale's strings: the extension's own files, copied in by the build. */
const loadMessages = (locale) => fetch(new URL(`_locales/${locale}/messages.json`, import.meta.url)).then((response) => response.json());

const ready = Promise.all([
  init({ module_or_path: new URL('pkg/masthead_bg.wasm', import.meta.url) }),
  loadMessages('en').then((messages) => {
    globalThis.mastheadMessages = messages;
  }),
]);

/** The locale Masthead speaks for a browser language (`pt` → Brazilian, `zh-HK` → Traditional). */
function localeFor(tag) {
  const [language, ...rest] = String(tag || 'en').split(/[-_]/);
  const regions = rest.map((part) => part.toLowerCase());
  const languages = globalThis.mastheadReader.LANGUAGES;
  if (language === 'pt') return 'pt_BR';
  if (language === 'zh') return regions.some((r) => ['hk', 'mo', 'tw', 'hant'].includes(r)) ? 'zh_TW' : 'zh_CN';
  return languages.includes(language) ? language : 'en';
}
let lastInput = null;
globalThis.mastheadReader.registerFonts(document, (name) => new URL(`fonts/${name}`, import.meta.url).href);
const $ = (id) => document.getElementById(id);
const status = (message) => { $('status').textContent = message; };

function decode(bytes) {
  // The page's own charset declaration, as the core honours it natively.
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 1024));
  const declared = /charset\s*=\s*["']?([\w:.-]+)/i.exec(head)?.[1];
  try {
    const utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return utf8;
  } catch {
    try {
      return new TextDecoder(declared || 'windows-1252').decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

function showPanel(name) {
  for (const tab of document.querySelectorAll('[role=tab]')) tab.setAttribute('aria-selected', String(tab.dataset.panel === name));
  for (const panel of document.querySelectorAll('.panel')) panel.hidden = panel.id !== name;
}

function readSettings() {
  try {
    return globalThis.mastheadReader.validSettings(JSON.parse(localStorage.getItem('mastheadSettings') || '{}'));
  } catch {
    return globalThis.mastheadReader.validSettings(null);
  }
}

/** Read the last page in the reader's language (the view's setting, else the browser's) and show it. */
async function readAndShow() {
  const { html, url } = lastInput;
  const settings = readSettings();
  const locale = settings.language === 'auto' ? localeFor(navigator.language) : settings.language;
  // A locale that does not load (a missing file) reads English rather than nothing.
  await globalThis.mastheadReader.useLanguage(locale, loadMessages)
    .catch(() => globalThis.mastheadReader.useLanguage('en', loadMessages));
  const started = performance.now();
  const article = extractArticle(html, url, locale.replace('_', '-'));
  status(`Read in ${Math.round(performance.now() - started)} ms: ${article.word_count} words.`);
  render(article);
}

function render(article) {
  const reader = globalThis.mastheadReader;
  const view = $('view');
  view.replaceChildren();
  const host = document.createElement('div');
  host.style.cssText = 'position:absolute;inset:0';
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  // The extension's :host rule pins the view to the viewport; here it fills the frame.
  sheet.replaceSync(reader.STYLE.replace(':host { all: initial; position: fixed;', ':host { all: initial; position: absolute;'));
  shadow.adoptedStyleSheets = [sheet];
  let settings = readSettings();
  const actions = {
    close: () => {
      reader.stopSpeaking();
      view.replaceChildren();
    },
    changeLanguage: () => readAndShow().catch((error) => status(`Masthead could not read this: ${error?.message ?? error}`)),
    copy: (text) => navigator.clipboard.writeText(text),
    saveSettings: (next) => { settings = next; localStorage.setItem('mastheadSettings', JSON.stringify(next)); },
  };
  const showAnyway = article.text ? () => shadow.replaceChildren(reader.render(document, article, settings, actions)) : null;
  shadow.append(reader.showsAsArticle(article)
    ? reader.render(document, article, settings, actions)
    : reader.renderMessage(document, reader.msg('noArticleTitle'), reader.msg('noArticleDetail'), actions, { showAnyway, article }));
  view.append(host);
  $('text').textContent = article.copy_text;
  $('markdown').textContent = article.copy_markdown;
  $('results').hidden = false;
  showPanel('view');
}

$('input').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = $('file').files[0];
  let html = $('html').value;
  if (file) {
    if (file.size > 32 * 1024 * 1024) return status('That file is larger than 32 MB; Masthead reads web pages.');
    html = decode(new Uint8Array(await file.arrayBuffer()));
  }
  if (!html.trim()) return status('Choose a saved page or paste its HTML first.');
  status('Reading…');
  try {
    await ready;
    lastInput = { html, url: $('url').value.trim() || undefined };
    await readAndShow();
  } catch (error) {
    status(`Masthead could not read this: ${error?.message ?? error}`);
  }
});

for (const tab of document.querySelectorAll('[role=tab]')) tab.addEventListener('click', () => showPanel(tab.dataset.panel));
