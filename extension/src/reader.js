// The reader view, built from the core's article model with createElement and text nodes only:
// no markup, script or handler from the page is carried into it. Shared by the extension's
// content script and the www/ page. Defines one global, `mastheadReader`.
(() => {
  if (globalThis.mastheadReader) return;

  // The model's tags and attributes (src/extract/build.rs); anything else is not rendered.
  const TAGS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre',
    'code', 'figure', 'figcaption', 'img', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'a', 'em',
    'strong', 'u', 's', 'sub', 'sup', 'small', 'mark', 'cite', 'q', 'abbr', 'time', 'kbd', 'ruby', 'rt', 'rp', 'br', 'hr', 'details',
    'summary', 'div']);
  const ATTRS = {
    a: ['href', 'title'], img: ['src', 'alt', 'title', 'width', 'height'], td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'], ol: ['start'], time: ['datetime'], abbr: ['title'], pre: ['class'], code: ['class'],
  };
  const RTL_LANGUAGES = ['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug'];
  // The languages Masthead speaks (extension/_locales), for the language setting.
  const LANGUAGES = ['en', 'ar', 'de', 'es', 'fa', 'fr', 'hi', 'ja', 'pt_BR', 'ru', 'tr', 'uk', 'zh_CN', 'zh_TW'];

  const DEFAULT_SETTINGS = {
    theme: 'system', fontSize: 20, font: 'serif', width: 38, lineSpacing: 1.6, letterSpacing: 0, wordSpacing: 0,
    align: 'start', fg: '#1d1d1f', bg: '#fdfdfb', language: 'auto',
  };
  const CHOICES = {
    theme: ['system', 'light', 'dark', 'sepia', 'gray', 'contrast', 'custom'], font: ['serif', 'sans', 'legible'],
    align: ['start', 'justify'], language: ['auto', ...LANGUAGES],
  };
  // [least, most, step]: the sliders' and buttons' ranges.
  const RANGES = {
    fontSize: [14, 32, 2], width: [28, 56, 2], lineSpacing: [1.2, 2.4, 0.1], letterSpacing: [0, 0.12, 0.01], wordSpacing: [0, 0.4, 0.05],
  };
  // Widths as the settings named them before the content-width slider.
  const OLD_WIDTHS = { narrow: 32, medium: 38, wide: 48 };

  /**
   * Settings as stored may be anything (an older version, a hand edit): only known values are
   * kept, so a stored value can carry nothing from one site to another.
   */
  function validSettings(raw) {
    const settings = { ...DEFAULT_SETTINGS };
    if (!raw || typeof raw !== 'object') return settings;
    for (const [key, values] of Object.entries(CHOICES)) if (values.includes(raw[key])) settings[key] = raw[key];
    const width = OLD_WIDTHS[raw.width] ?? raw.width;
    for (const [key, [least, most, step]] of Object.entries(RANGES)) {
      const value = key === 'width' ? width : raw[key];
      const steps = (value - least) / step;
      if (typeof value === 'number' && value >= least && value <= most && Math.abs(steps - Math.round(steps)) < 1e-6) {
        settings[key] = Math.round(value * 100) / 100;
      }
    }
    for (const key of ['fg', 'bg']) if (typeof raw[key] === 'string' && /^#[0-9a-f]{6}$/i.test(raw[key])) settings[key] = raw[key].toLowerCase();
    return settings;
  }

  /**
   * A string the reader sees, from the extension's locale files (`_locales/LANG/messages.json`):
   * through the browser's i18n API in the extension, through `mastheadMessages` (the same file,
   * loaded by the page) in www/. `$1`… are replaced by `subs`.
   */
  function msg(key, subs = []) {
    // In a right-to-left interface a name or number keeps its own direction inside the sentence
    // (first-strong isolate … pop directional isolate), as the core's wording does.
    // (Not around an address, as in the core: a link-finder would take the mark into the URL.)
    const isolated = isRightToLeft(uiLanguage()) ? subs.map((sub) => (sub && !sub.includes('://') ? `\u2068${sub}\u2069` : sub)) : subs;
    const chosen = globalThis.mastheadLanguage ? globalThis.mastheadMessages?.[key]?.message : null;
    if (!chosen) {
      const i18n = globalThis.browser?.i18n ?? globalThis.chrome?.i18n;
      const text = i18n?.getMessage?.(key, isolated);
      if (text) return text;
    }
    const entry = chosen ?? globalThis.mastheadMessages?.[key]?.message ?? globalThis.mastheadEnglish?.[key]?.message;
    if (!entry) return key;
    return entry.replace(/\$(\d)/g, (_, n) => isolated[Number(n) - 1] ?? '');
  }

  /**
   * Speak `language` (a locale folder's name: `ru`, `pt_BR`), or the browser's language for
   * `auto`: `loadMessages(locale)` gives that locale's messages.json as an object (the
   * extension reads its own file; nothing is fetched from the network).
   */
  async function useLanguage(language, loadMessages) {
    if (!language || language === 'auto' || !LANGUAGES.includes(language)) {
      globalThis.mastheadLanguage = null;
      return;
    }
    globalThis.mastheadEnglish ??= await loadMessages('en').catch(() => null);
    globalThis.mastheadMessages = await loadMessages(language);
    globalThis.mastheadLanguage = language.replace('_', '-');
  }

  function isRightToLeft(language) {
    return RTL_LANGUAGES.includes(String(language).toLowerCase().split(/[-_]/)[0]);
  }

  /**
   * Each language's name in itself, for the language setting: a reader finds their own language
   * whatever language the view is in. Written out, not asked of Intl.DisplayNames, whose first
   * use costs some 30 ms (Node 20, fourteen locales) on the way to the first article.
   */
  const ENDONYMS = {
    en: 'English', ar: 'العربية', de: 'Deutsch', es: 'Español', fa: 'فارسی', fr: 'Français', hi: 'हिन्दी', ja: '日本語',
    pt_BR: 'Português (Brasil)', ru: 'Русский', tr: 'Türkçe', uk: 'Українська', zh_CN: '中文（简体）', zh_TW: '中文（繁體）',
  };
  const endonym = (locale) => ENDONYMS[locale] ?? locale;

  function safeUrl(value, attribute) {
    try {
      const url = new URL(value);
      if (['http:', 'https:'].includes(url.protocol)) return true;
      if (attribute === 'href' && url.protocol === 'mailto:') return true;
      return attribute === 'src' && /^data:image\/(?!svg)/i.test(value);
    } catch {
      return false;
    }
  }

  /** A DOM node for one block of the model. */
  function buildNode(doc, block, media, depth = 0) {
    if (typeof block === 'string') return doc.createTextNode(block);
    if (!block || depth > 64) return doc.createDocumentFragment();
    const children = (block.children ?? []).map((child) => buildNode(doc, child, media, depth + 1));
    if (!TAGS.has(block.tag)) {
      const fragment = doc.createDocumentFragment();
      fragment.append(...children);
      return fragment;
    }
    let src = null;
    if (block.tag === 'img') {
      // Only an image the page itself showed, at the URL it showed: the view requests nothing new.
      const wanted = (block.attrs ?? []).find(([name]) => name === 'src')?.[1];
      src = wanted && safeUrl(wanted, 'src') ? media.imageFor(wanted) : null;
      if (!src) return doc.createDocumentFragment();
    }
    // A photo's caption without the photo (one the page never showed) reads as a stray line.
    if (block.tag === 'figure' && hasImage(block) && !children.some((child) => child.querySelector?.('img') || child.localName === 'img')) {
      return doc.createDocumentFragment();
    }
    const element = doc.createElement(block.tag);
    for (const [name, value] of block.attrs ?? []) {
      if (!(ATTRS[block.tag] ?? []).includes(name)) continue;
      if ((name === 'href' || name === 'src') && !safeUrl(value, name)) continue;
      element.setAttribute(name, name === 'src' ? src : value);
    }
    // A region that scrolls sideways (code, a wide table) can be scrolled from the keyboard.
    if (block.tag === 'pre' || block.tag === 'table') element.tabIndex = 0;
    if (block.tag === 'a') {
      element.target = '_blank';
      element.rel = 'noopener noreferrer';
    }
    if (block.tag === 'img') {
      element.loading = 'lazy';
      element.referrerPolicy = 'no-referrer';
      // A decorative image stays silent to screen readers, as on the page.
      if (!element.hasAttribute('alt')) element.alt = '';
      reserveSpace(element, media.sizeOf(src));
    }
    element.append(...children);
    return element;
  }

  /** About a screenful of text: what the view draws before its first frame. */
  const FIRST_SCREEN_CHARS = 2500;
  const BLOCK_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'figure', 'blockquote', 'pre', 'table', 'hr', 'div', 'details']);

  /** The model's blocks with the boxes that only hold blocks opened up (a story is often one box
   * in another), so the view can draw them a screenful at a time. */
  function outerBlocks(blocks) {
    return blocks.flatMap((block) => {
      const box = typeof block === 'object' && block.tag === 'div' && !(block.attrs ?? []).length
        && (block.children ?? []).every((child) => (typeof child === 'string' ? !child.trim() : BLOCK_TAGS.has(child.tag)));
      return box ? outerBlocks(block.children ?? []) : [block];
    });
  }

  /** Characters of text in a block of the model. */
  function textLength(block) {
    return typeof block === 'string' ? block.length : (block.children ?? []).reduce((sum, child) => sum + textLength(child), 0);
  }

  /** Whether a block of the model holds an image. */
  function hasImage(block) {
    return typeof block === 'object' && (block.tag === 'img' || (block.children ?? []).some(hasImage));
  }

  /** The image's own size, where the page gave none: its box keeps the picture's shape while it
   * loads, so the text below does not jump. `size` is [width, height] as the page loaded it. */
  function reserveSpace(image, size) {
    if (image.hasAttribute('width') && image.hasAttribute('height')) return;
    if (!Array.isArray(size) || !size.every((n) => Number.isInteger(n) && n > 0 && n < 100_000)) return;
    image.width = size[0];
    image.height = size[1];
  }

  function el(doc, tag, props = {}, children = []) {
    const element = doc.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'text') element.textContent = value;
      else if (key.startsWith('aria') || key.startsWith('data-') || key === 'role' || key === 'for') element.setAttribute(key.replace(/^aria([A-Z])/, (_, c) => `aria-${c.toLowerCase()}`), value);
      else element[key] = value;
    }
    element.append(...children);
    return element;
  }

  /** A date written for the reader: in the interface's language, as the rest of the header. */
  function formatDate(value, lang = uiLanguage()) {
    if (!value) return null;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    // A day alone ("2018-06-13") is parsed as UTC midnight: shown in the reader's own zone it
    // would be the day before west of Greenwich. A time with its offset is the reader's to place.
    const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
    const options = { year: 'numeric', month: 'long', day: 'numeric', ...(dayOnly && { timeZone: 'UTC' }) };
    try {
      return date.toLocaleDateString(lang || undefined, options);
    } catch {
      // A language tag the page wrote wrong ("en_US"): the browser's own language instead.
      return date.toLocaleDateString(undefined, options);
    }
  }

  /** The reader's language: the one chosen in the settings, else the browser's. */
  function uiLanguage() {
    if (globalThis.mastheadLanguage) return globalThis.mastheadLanguage;
    const i18n = globalThis.browser?.i18n ?? globalThis.chrome?.i18n;
    return i18n?.getUILanguage?.() || globalThis.navigator?.language || 'en';
  }

  /**
   * A message with a count, in the plural form the reader's language uses for it: the locale
   * files give `KEY_one`, `KEY_few`, `KEY_many`… (CLDR's categories, chosen by Intl.PluralRules),
   * with `KEY_other` for every language; the count is written with the language's digits.
   */
  function plural(key, count) {
    const language = uiLanguage();
    let category = 'other';
    let number = String(count);
    try {
      category = new Intl.PluralRules(language).select(count);
      number = new Intl.NumberFormat(language).format(count);
    } catch {
      // An unknown tag: English forms and digits.
    }
    const form = msg(`${key}_${category}`, [number]);
    return form === `${key}_${category}` || !form ? msg(`${key}_other`, [number]) : form;
  }

  function readingTime(words) {
    return plural('minutesToRead', Math.max(1, Math.round((words || 0) / 230)));
  }

  function direction(article) {
    if (article.dir === 'rtl' || article.dir === 'ltr') return article.dir;
    const primary = (article.lang || '').toLowerCase().split('-')[0];
    return RTL_LANGUAGES.includes(primary) ? 'rtl' : 'ltr';
  }

  function bylineLine(article) {
    return [article.byline, formatDate(article.published_time)].filter(Boolean).join(' · ');
  }

  /** The date as the article's own language writes it, where that differs from the reader's
   * (shown on hover over the byline): the page's own date stays at hand. */
  function pageDate(article) {
    const own = article.lang ? formatDate(article.published_time, article.lang) : null;
    return own && own !== formatDate(article.published_time) ? own : '';
  }

  function sourceLine(article) {
    const site = article.site_name || (article.url ? new URL(article.url).hostname : null);
    return [site, article.source_url ?? article.url].filter(Boolean).join(' — ');
  }

  /** Wire credits worth a note: state-controlled and government-captured agencies only. */
  function wireNotes(article) {
    return (article.wire_credits ?? []).filter((credit) => credit.tier !== 'independent');
  }

  const TIER_HEADINGS = { controlled: 'tierControlled', captured: 'tierCaptured', independent: 'tierIndependent' };
  const MATCH_NOTES = {
    amp_cache: 'matchedAmpCache', web_archive: 'matchedWebArchive', translation_proxy: 'matchedTranslationProxy',
    search_cache: 'matchedSearchCache', canonical: 'matchedCanonical',
  };

  /** A source link's text: host and path, shortened (`github.com/v2fly/domain-list-comm…`). */
  function shortLink(href) {
    const url = new URL(href);
    const text = `${url.hostname.replace(/^www\./, '')}${url.pathname === '/' ? '' : url.pathname}`;
    return text.length > 56 ? `${text.slice(0, 55)}…` : text;
  }

  function longDate(iso) {
    const date = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return iso;
    try {
      return date.toLocaleDateString(uiLanguage(), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    } catch {
      return date.toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    }
  }

  /**
   * Who stands behind the outlet, in one of three visibly different tiers, with a "Why?" that
   * explains the category, its flags and its sources; and notes on state wire copy.
   */
  function outletLabel(doc, article) {
    const label = article.affiliation;
    const claim = !label && article.name_claim;
    const notes = wireNotes(article);
    if (!label && !claim && notes.length === 0) return '';
    const language = uiLanguage();
    const section = el(doc, 'section', {
      className: 'outlet-label', ariaLabel: msg('labelRegion'), lang: language, dir: isRightToLeft(language) ? 'rtl' : 'ltr',
    });
    if (claim) {
      // The page named a listed outlet from an address that is not the outlet's: say so, and
      // show none of the outlet's label.
      section.append(el(doc, 'div', { className: 'name-claim', role: 'note', 'data-claimed-outlet': claim.outlet }, [
        el(doc, 'p', { className: 'label-heading', text: msg('claimHeading') }),
        el(doc, 'p', { className: 'label-summary', text: claim.summary }),
        el(doc, 'p', { className: 'label-flag', text: msg('claimExplained') }),
      ]));
    }
    if (label) {
      // One line: the tier (its glyph, colour and capitals make it plain at a glance), then
      // outlet, country and owner; the sanctions, the reasons and the sources wait under "Why?".
      const heading = label.tier === 'captured' ? label.category_name : msg(TIER_HEADINGS[label.tier]);
      const box = el(doc, 'div', { className: `label tier-${label.tier}`, role: 'note', 'data-tier': label.tier }, [
        el(doc, 'p', { className: 'label-heading', text: heading }),
        el(doc, 'p', { className: 'label-summary', text: label.line }),
      ]);
      const flags = [];
      if (label.sanctions) flags.push(msg('flagSanctions', [label.sanctions.measure, longDate(label.sanctions.since)]));
      if (label.contested) flags.push(msg('flagContested', [label.contested]));
      if (MATCH_NOTES[label.matched_by]) flags.push(msg(MATCH_NOTES[label.matched_by]));
      const sources = el(doc, 'ul', { className: 'label-sources' }, label.sources
        .filter((href) => safeUrl(href, 'href'))
        .map((href) => el(doc, 'li', {}, [el(doc, 'a', { href, text: shortLink(href), title: href, target: '_blank', rel: 'noopener noreferrer' })])));
      const why = el(doc, 'details', { className: 'label-why' }, [
        el(doc, 'summary', { text: msg('why') }),
        // A date that ends in its own full stop ("2 марта 2022 г.") takes no second one.
        ...flags.map((flag) => el(doc, 'p', { className: 'label-flag', text: flag.replace(/\.(\u2069?)\.$/, '.$1') })),
        el(doc, 'p', { text: label.why }),
        el(doc, 'p', { text: msg('whyCategory', [label.category, label.basis, longDate(label.reviewed)]) }),
        label.unconfirmed ? el(doc, 'p', { text: msg('whyUnconfirmed', [label.unconfirmed]) }) : '',
        el(doc, 'p', { text: msg('whySources') }),
        sources,
      ]);
      box.append(why);
      section.append(box);
    }
    for (const credit of notes) {
      section.append(el(doc, 'p', { className: `wire-note tier-${credit.tier}`, 'data-agency': credit.agency, title: credit.evidence, text: credit.summary }));
    }
    return section;
  }

  /** Apply settings to the view root: data attributes drive the stylesheet. */
  function applySettings(root, settings) {
    root.dataset.theme = settings.theme;
    root.dataset.font = settings.font;
    root.dataset.align = settings.align;
    root.style.setProperty('--font-size', `${settings.fontSize}px`);
    root.style.setProperty('--content-width', `${settings.width}rem`);
    root.style.setProperty('--line-spacing', String(settings.lineSpacing));
    root.style.setProperty('--letter-spacing', `${settings.letterSpacing}em`);
    root.style.setProperty('--word-spacing', `${settings.wordSpacing}em`);
    // Validated #rrggbb values only (validSettings), for the custom theme.
    root.style.setProperty('--custom-fg', settings.fg);
    root.style.setProperty('--custom-bg', settings.bg);
  }

  /** A button that acts on a person's click or key press only: a click a script synthesises
   * (`element.click()`, `dispatchEvent`) has `isTrusted` false and does nothing. */
  function button(doc, props, onPress) {
    return el(doc, 'button', { type: 'button', ...props, onclick: (event) => { if (event.isTrusted) onPress(event); } });
  }

  /**
   * Build the reader view for `article` in document `doc`. `actions` holds the callbacks:
   * close(), copy(text) → Promise, saveSettings(settings). `imageFor(src)` gives the URL to show
   * for an image of the model, or null to leave it out (the extension: only images the page
   * loaded); `sizeOf(shown)` the [width, height] it had there, if known. Returns the root element; its headline has tabindex -1 so that focus can start there.
   */
  function render(doc, article, settings, actions, { imageFor = (src) => src, sizeOf = () => null } = {}) {
    settings = validSettings(settings);
    // Masthead's own interface speaks the reader's language and runs in its direction; the
    // article inside keeps its own.
    const language = uiLanguage();
    const root = el(doc, 'div', { className: 'masthead-root', lang: language, dir: isRightToLeft(language) ? 'rtl' : 'ltr' });
    applySettings(root, settings);

    const status = el(doc, 'div', { className: 'status', role: 'status', ariaLive: 'polite' });
    let statusTimer = null;
    const report = (message) => {
      status.textContent = message;
      status.classList.add('shown');
      clearTimeout(statusTimer);
      statusTimer = setTimeout(() => status.classList.remove('shown'), 2500);
    };
    const copyNow = async (doneKey, make) => {
      try {
        await actions.copy(make(article));
        report(msg(doneKey));
      } catch (error) {
        report(msg('couldNotCopy', [String(error?.message ?? error)]));
      }
    };
    const copyButton = (key, doneKey, make) => button(doc, { text: msg(key), ariaLabel: msg(key) }, () => copyNow(doneKey, make));

    const panel = el(doc, 'div', { className: 'settings', hidden: true, role: 'group', ariaLabel: msg('settingsGroup') });
    const controls = new Map(); // setting → its control, kept in step by update()
    const update = (change) => {
      settings = validSettings({ ...settings, ...change });
      applySettings(root, settings);
      actions.saveSettings?.({ ...settings });
      for (const [key, control] of controls) control.show(settings[key]);
      if ('language' in change) actions.changeLanguage?.(settings.language);
    };
    const select = (labelKey, key, options) => {
      const control = el(doc, 'select', {
        ariaLabel: msg(labelKey), 'data-setting': key, onchange: (event) => update({ [key]: event.target.value }),
      }, options.map(([value, textKey]) => el(doc, 'option', {
        value, text: textKey ? msg(textKey) : endonym(value), selected: settings[key] === value, lang: textKey ? '' : value.replace('_', '-'),
      })));
      controls.set(key, { show: (value) => { control.value = value; } });
      return el(doc, 'label', {}, [msg(labelKey), control]);
    };
    const slider = (labelKey, key, format) => {
      const [least, most, step] = RANGES[key];
      const readout = el(doc, 'output', { className: 'readout', text: format(settings[key]) });
      const control = el(doc, 'input', {
        type: 'range', min: String(least), max: String(most), step: String(step), value: String(settings[key]),
        ariaLabel: msg(labelKey), 'data-setting': key, oninput: (event) => update({ [key]: Number(event.target.value) }),
      });
      controls.set(key, { show: (value) => { control.value = String(value); readout.textContent = format(value); } });
      return el(doc, 'label', {}, [msg(labelKey), control, readout]);
    };
    const colour = (labelKey, key) => {
      const control = el(doc, 'input', {
        type: 'color', value: settings[key], ariaLabel: msg(labelKey), 'data-setting': key,
        oninput: (event) => update({ [key]: event.target.value, theme: 'custom' }),
      });
      controls.set(key, { show: (value) => { control.value = value; } });
      return el(doc, 'label', { className: 'colour' }, [msg(labelKey), control]);
    };
    const number = (value) => new Intl.NumberFormat(language).format(value);
    const sizeReadout = el(doc, 'output', { className: 'readout', ariaLive: 'polite', text: number(settings.fontSize) });
    controls.set('fontSize', { show: (value) => { sizeReadout.textContent = number(value); } });
    // Built when first opened: a view shows the article first, and most views never open it.
    const fillPanel = () => panel.append(
      select('theme', 'theme', [['system', 'themeSystem'], ['light', 'themeLight'], ['dark', 'themeDark'], ['sepia', 'themeSepia'],
        ['gray', 'themeGray'], ['contrast', 'themeContrast'], ['custom', 'themeCustom']]),
      colour('textColour', 'fg'),
      colour('backgroundColour', 'bg'),
      select('typeface', 'font', [['serif', 'fontSerif'], ['sans', 'fontSans'], ['legible', 'fontLegible']]),
      el(doc, 'span', { className: 'size', role: 'group', ariaLabel: msg('textSize') }, [
        button(doc, { text: 'A−', ariaLabel: msg('smallerText') }, () => update({ fontSize: Math.max(14, settings.fontSize - 2) })),
        sizeReadout,
        button(doc, { text: 'A+', ariaLabel: msg('largerText') }, () => update({ fontSize: Math.min(32, settings.fontSize + 2) })),
      ]),
      slider('contentWidth', 'width', (value) => number(value)),
      slider('lineSpacing', 'lineSpacing', (value) => number(value)),
      slider('letterSpacing', 'letterSpacing', (value) => number(value)),
      slider('wordSpacing', 'wordSpacing', (value) => number(value)),
      select('alignment', 'align', [['start', 'alignStart'], ['justify', 'alignJustify']]),
      select('language', 'language', [['auto', 'languageAuto'], ...LANGUAGES.map((code) => [code, null])]),
      button(doc, { className: 'reset', text: msg('reset'), ariaLabel: msg('reset') }, () => {
        const language = settings.language;
        update({ ...DEFAULT_SETTINGS, language });
      }),
      button(doc, { className: 'show-shortcuts', text: msg('shortcutsTitle'), ariaLabel: msg('shortcutsTitle') }, () => showShortcuts(doc, root)),
    );
    const showPanel = (shown, focus = 'select, input, button') => {
      if (shown && !panel.firstChild) fillPanel();
      panel.hidden = !shown;
      settingsButton.setAttribute('aria-expanded', String(shown));
      if (shown) panel.querySelector(focus)?.focus();
    };
    const settingsButton = button(doc, { text: 'Aa', ariaLabel: msg('settings'), ariaExpanded: 'false' }, () => showPanel(panel.hidden));
    // For the reader page: the settings open again after it redraws the view in a new language.
    root.mastheadShowSettings = (focus) => showPanel(true, focus);
    // Esc closes the open settings first (view.js leaves the view open for it).
    panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !event.isTrusted || event.target instanceof doc.defaultView.HTMLSelectElement) return;
      event.preventDefault();
      panel.hidden = true;
      settingsButton.setAttribute('aria-expanded', 'false');
      settingsButton.focus();
    });
    const saveButton = button(doc, { text: msg('saveMarkdown'), ariaLabel: msg('saveMarkdown') }, () => {
      saveMarkdown(doc, article);
      report(msg('savedMarkdown'));
    });
    const timeLeft = el(doc, 'span', { className: 'time-left', ariaHidden: 'true' });
    const listening = readAloud(doc, { report, articleLang: article.lang || '' });
    const toolbar = el(doc, 'div', { className: 'toolbar', role: 'toolbar', ariaLabel: msg('toolbar') }, [
      timeLeft,
      // Both made by the core's one renderer (src/copy.rs), as the command-line tool prints them.
      copyButton('copyText', 'copiedText', () => article.copy_text),
      copyButton('copyMarkdown', 'copiedMarkdown', () => article.copy_markdown),
      saveButton,
      listening.button,
      settingsButton,
      button(doc, { className: 'close', text: '✕', ariaLabel: msg('closeReader') }, () => actions.close()),
    ]);

    const dir = direction(article);
    const header = el(doc, 'header', { className: 'masthead-header' }, [
      article.site_name ? el(doc, 'p', { className: 'site', text: article.site_name }) : '',
      el(doc, 'h1', { text: article.title || msg('untitled'), tabIndex: -1 }),
      bylineLine(article) ? el(doc, 'p', { className: 'byline', text: bylineLine(article), title: pageDate(article) }) : '',
      el(doc, 'p', { className: 'meta', text: readingTime(article.word_count), lang: language, dir: root.dir }),
      outletLabel(doc, article),
    ]);
    const body = el(doc, 'div', { className: 'masthead-body' });
    const leadShown = (article.content ?? []).some(hasImage);
    const lead = article.lead_image && !leadShown && safeUrl(article.lead_image, 'src') ? imageFor(article.lead_image) : null;
    if (lead) {
      const image = el(doc, 'img', { className: 'lead', src: lead, alt: '', loading: 'lazy', referrerPolicy: 'no-referrer' });
      reserveSpace(image, sizeOf(lead));
      body.append(image);
    }
    // The first screen first: the blocks that fill it now, the rest after the first frame
    // (tests/e2e/bench-cold.mjs: building and laying out a long article was most of the draw).
    const media = { imageFor, sizeOf };
    const blocks = outerBlocks(article.content ?? []);
    let next = 0;
    for (let chars = 0; next < blocks.length && chars < FIRST_SCREEN_CHARS; next++) {
      body.append(buildNode(doc, blocks[next], media));
      chars += textLength(blocks[next]);
    }
    const footer = el(doc, 'footer', { className: 'source', text: msg('sourceLine', [sourceLine(article)]), lang: language, dir: root.dir });
    if (article.affiliation) footer.append(el(doc, 'br'), msg('outletLine', [article.affiliation.summary]));
    const page = el(doc, 'article', { className: 'masthead-article', dir, lang: article.lang || '' }, [header, body, footer]);
    // An image of the article, clicked, is shown large (a real click; not an image inside a link).
    body.addEventListener('click', (event) => {
      const image = event.isTrusted && event.target instanceof doc.defaultView.HTMLImageElement ? event.target : null;
      if (image && !image.closest('a')) openLightbox(doc, root, image);
    });
    const progress = el(doc, 'div', { className: 'progress', ariaHidden: 'true' }, [el(doc, 'div', { className: 'progress-fill' })]);
    const main = el(doc, 'main', {}, [page]);
    root.append(progress, toolbar, panel, main, status);
    let toggleContents = null;
    const finish = () => {
      for (; next < blocks.length; next++) body.append(buildNode(doc, blocks[next], media));
      // Each code block gets its own copy button (the reader's click only, like every button here).
      for (const pre of body.querySelectorAll('pre')) {
        const copyCode = button(doc, { className: 'copy-code', text: msg('copyCode'), ariaLabel: msg('copyCode') }, async () => {
          try {
            await actions.copy(pre.textContent);
            report(msg('copiedCode'));
          } catch (error) {
            report(msg('couldNotCopy', [String(error?.message ?? error)]));
          }
        });
        pre.before(el(doc, 'div', { className: 'code-tools', lang: language, dir: root.dir }, [copyCode]));
      }
      const contents = tableOfContents(doc, body, toolbar, language, root.dir);
      if (contents) {
        main.before(contents.nav);
        toggleContents = contents.toggle;
      }
      followReading(doc, { page, progress, timeLeft, contents: contents?.nav, minutes: Math.max(1, Math.round((article.word_count || 0) / 230)) });
      listening.attach(page, root);
      root.dataset.drawn = 'all';
    };
    if (next < blocks.length) {
      root.dataset.drawn = 'first';
      const win = doc.defaultView;
      win.requestAnimationFrame(() => win.setTimeout(finish, 0));
    } else {
      finish();
    }
    const THEMES = ['system', 'light', 'dark', 'sepia', 'gray', 'contrast'];
    listenForShortcuts(doc, root, {
      larger: () => update({ fontSize: Math.min(32, settings.fontSize + 2) }),
      smaller: () => update({ fontSize: Math.max(14, settings.fontSize - 2) }),
      theme: () => update({ theme: THEMES[(THEMES.indexOf(settings.theme) + 1) % THEMES.length] }),
      readAloud: listening.press,
      contents: () => toggleContents?.(),
      copy: () => copyNow('copiedText', () => article.copy_text),
      help: () => showShortcuts(doc, root),
    });
    return root;
  }

  /** The view's keys, by their place on the keyboard (the same keys on a Russian or Arabic
   * layout), with what each does: listed under "?" and in the settings. */
  const SHORTCUTS = [
    ['larger', ['Equal', 'NumpadAdd'], '+', 'shortcutLarger'],
    ['smaller', ['Minus', 'NumpadSubtract'], '−', 'shortcutSmaller'],
    ['theme', ['KeyT'], 'T', 'shortcutTheme'],
    ['readAloud', ['KeyR'], 'R', 'shortcutReadAloud'],
    ['contents', ['KeyO'], 'O', 'shortcutContents'],
    ['copy', ['KeyC'], 'C', 'shortcutCopy'],
    ['close', [], 'Esc', 'shortcutClose'],
    ['help', ['Slash'], '?', 'shortcutHelp'],
  ];

  /**
   * One key press, no modifier, focus not in a field or a dialog: the action of `actions` named by
   * SHORTCUTS (Esc is the reader page's own). A person's key press only; a page never reaches the
   * view's document. The listener goes when its view does.
   */
  function listenForShortcuts(doc, root, actions) {
    const onKey = (event) => {
      if (!root.isConnected) {
        doc.removeEventListener('keydown', onKey);
        return;
      }
      if (!event.isTrusted || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target?.closest?.('input, select, textarea, [contenteditable], dialog')) return;
      const isHelp = event.key === '?';
      const found = SHORTCUTS.find(([, codes]) => codes.includes(event.code));
      const action = isHelp ? actions.help : found && !(found[0] !== 'larger' && event.shiftKey) && actions[found[0]];
      if (!action) return;
      event.preventDefault();
      action();
    };
    doc.addEventListener('keydown', onKey);
  }

  /** The keyboard shortcuts, listed in a modal dialog; Esc or its close button closes it. */
  function showShortcuts(doc, root) {
    if (root.querySelector('dialog.shortcuts')) return;
    const list = el(doc, 'dl', {}, SHORTCUTS.flatMap(([, , keyName, key]) => [
      el(doc, 'dt', {}, [el(doc, 'kbd', { text: keyName })]), el(doc, 'dd', { text: msg(key) }),
    ]));
    const dialog = el(doc, 'dialog', { className: 'shortcuts', ariaLabel: msg('shortcutsTitle') }, [
      el(doc, 'h2', { text: msg('shortcutsTitle') }), list,
    ]);
    const close = button(doc, { className: 'lightbox-close', text: '✕', ariaLabel: msg('close') }, () => dialog.close());
    dialog.prepend(close);
    dialog.addEventListener('close', () => dialog.remove());
    root.append(dialog);
    dialog.showModal();
    close.focus();
  }

  /**
   * The article's sections as a `nav` of links to its headings, when it has three or more: beside
   * the text on a wide screen, behind the toolbar's "Contents" button on a narrow one. A link
   * scrolls to its heading without touching the address (the reader page's own key is in it,
   * and the view closes by going back in history).
   */
  function tableOfContents(doc, body, toolbar, language, uiDir) {
    const headings = [...body.querySelectorAll('h2, h3')].filter((h) => h.textContent.trim());
    if (headings.length < 3) return null;
    const wide = doc.defaultView?.matchMedia?.('(min-width: 1300px)').matches ?? false;
    const nav = el(doc, 'nav', { className: 'contents', ariaLabel: msg('contents'), lang: language, dir: uiDir, hidden: !wide });
    const show = () => {
      nav.hidden = !nav.hidden;
      toggle.setAttribute('aria-expanded', String(!nav.hidden));
      if (!nav.hidden) nav.querySelector('a[aria-current], a')?.focus();
    };
    const toggle = button(doc, { text: '☰', ariaLabel: msg('contents'), ariaExpanded: String(wide) }, show);
    toolbar.insertBefore(toggle, toolbar.querySelector('.close'));
    const list = el(doc, 'ol');
    headings.forEach((heading, index) => {
      heading.id = `masthead-section-${index + 1}`;
      heading.tabIndex = -1;
      const link = el(doc, 'a', { href: `#${heading.id}`, text: heading.textContent.trim(), className: heading.tagName === 'H3' ? 'sub' : '' });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        if (!event.isTrusted) return;
        heading.scrollIntoView({ block: 'start' });
        heading.focus({ preventScroll: true });
        if (!(doc.defaultView?.matchMedia?.('(min-width: 1300px)').matches)) {
          nav.hidden = true;
          toggle.setAttribute('aria-expanded', 'false');
        }
      });
      list.append(el(doc, 'li', {}, [link]));
    });
    nav.append(list);
    return { nav, toggle: show };
  }

  // Read aloud (reader-listen.js, loaded first), given this file's helpers.
  const { readAloud, stopSpeaking } = globalThis.mastheadReadAloud({ el, button, msg, uiLanguage });

  // The one scroll listener of the view now shown (a new view replaces it).
  let stopFollowing = null;

  /** How far the reader is: the progress bar, the time left, and the section being read. */
  function followReading(doc, { page, progress, timeLeft, contents, minutes }) {
    stopFollowing?.();
    const win = doc.defaultView;
    if (!win) return;
    const fill = progress.firstChild;
    const links = contents ? [...contents.querySelectorAll('a')] : [];
    const headings = links.map((a) => page.querySelector(a.getAttribute('href')));
    let pending = false;
    const update = () => {
      pending = false;
      const box = page.getBoundingClientRect();
      const span = Math.max(1, box.height - win.innerHeight);
      const done = Math.min(1, Math.max(0, -box.top / span));
      fill.style.transform = `scaleX(${done})`;
      const left = Math.ceil(minutes * (1 - done));
      timeLeft.textContent = left > 0 && done > 0.02 ? plural('minutesLeft', left) : '';
      let current = -1;
      headings.forEach((heading, index) => {
        if (heading && heading.getBoundingClientRect().top <= 90) current = index;
      });
      links.forEach((link, index) => {
        if (index === current) link.setAttribute('aria-current', 'location');
        else link.removeAttribute('aria-current');
      });
    };
    const onScroll = () => {
      if (!pending) {
        pending = true;
        win.requestAnimationFrame(update);
      }
    };
    // Capturing: www/ scrolls an element (the view's host), the extension the document.
    win.addEventListener('scroll', onScroll, { capture: true, passive: true });
    win.addEventListener('resize', onScroll, { passive: true });
    stopFollowing = () => {
      win.removeEventListener('scroll', onScroll, { capture: true });
      win.removeEventListener('resize', onScroll);
    };
    // Not before the first paint: at the top there is no progress to show, and measuring the
    // page then would lay it out ahead of the browser's own first frame.
    win.setTimeout(onScroll, 250);
  }

  /**
   * One image, large, in a modal dialog: the same picture at the same address (nothing new is
   * requested). Esc, the close button or a click anywhere closes it, and focus returns where it was;
   * the view's own Esc waits for it (view.js).
   */
  function openLightbox(doc, root, image) {
    const dialog = el(doc, 'dialog', { className: 'lightbox', ariaLabel: image.alt || msg('image') }, [
      el(doc, 'img', { src: image.currentSrc || image.src, alt: image.alt, referrerPolicy: 'no-referrer' }),
      image.closest('figure')?.querySelector('figcaption')
        ? el(doc, 'p', { className: 'lightbox-caption', text: image.closest('figure').querySelector('figcaption').textContent }) : '',
    ]);
    const close = button(doc, { className: 'lightbox-close', text: '✕', ariaLabel: msg('close') }, () => dialog.close());
    dialog.prepend(close);
    dialog.addEventListener('click', (event) => {
      if (event.isTrusted && event.target !== close) dialog.close();
    });
    dialog.addEventListener('close', () => dialog.remove());
    root.append(dialog);
    dialog.showModal();
    close.focus();
  }

  /**
   * The bundled legible typeface, for the document the view is in: `fontUrl(name)` gives a
   * font file's address (the extension's own, or www/'s). Nothing loads until the face is used.
   */
  function registerFonts(doc, fontUrl) {
    if (!doc.fonts || doc.mastheadFontsRegistered) return;
    doc.mastheadFontsRegistered = true;
    for (const weight of ['400', '700']) {
      doc.fonts.add(new FontFace('Atkinson Hyperlegible', `url("${fontUrl(`atkinson-hyperlegible-latin-${weight}-normal.woff2`)}")`, { weight }));
    }
  }

  /** Download the Markdown the "Copy Markdown" button copies, as a file named after the headline. */
  function saveMarkdown(doc, article) {
    const name = (article.title || 'article').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 120) || 'article';
    const url = URL.createObjectURL(new Blob([article.copy_markdown ?? ''], { type: 'text/markdown;charset=utf-8' }));
    const link = el(doc, 'a', { href: url, download: `${name}.md`, hidden: true });
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /**
   * Whether the view shows what the core found, rather than the "No article here" notice: an
   * article, a discussion as its posts, a listing (a section front, search results) as its items.
   * Other pages keep their text one click away ("Show what was found").
   */
  function showsAsArticle(article) {
    return Boolean(article.word_count) && (article.readerable || article.kind === 'listing' || article.kind === 'thread');
  }

  /**
   * A polite message in place of an article (no article, an error), with the outlet label when
   * the address has one: a page that defeats extraction does not escape its label.
   */
  function renderMessage(doc, title, detail, actions, { showAnyway = null, article = null } = {}) {
    stopSpeaking();
    const language = uiLanguage();
    const root = el(doc, 'div', { className: 'masthead-root message', lang: language, dir: isRightToLeft(language) ? 'rtl' : 'ltr' });
    applySettings(root, DEFAULT_SETTINGS);
    const buttons = [button(doc, { text: msg('close'), ariaLabel: msg('closeReader') }, () => actions.close())];
    if (showAnyway) buttons.unshift(button(doc, { text: msg('showAnyway') }, showAnyway));
    root.append(el(doc, 'main', { className: 'notice' }, [
      el(doc, 'h1', { text: title, tabIndex: -1 }), el(doc, 'p', { text: detail }),
      article ? outletLabel(doc, article) : '',
      el(doc, 'div', { className: 'buttons' }, buttons),
    ]));
    return root;
  }


  globalThis.mastheadReader = {
    render, renderMessage, validSettings, msg, useLanguage, uiLanguage, isRightToLeft, registerFonts, showsAsArticle, LANGUAGES, STYLE: globalThis.mastheadReaderStyle, DEFAULT_SETTINGS,
    stopSpeaking: () => stopSpeaking(),
  };
})();
