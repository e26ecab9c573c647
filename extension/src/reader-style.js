// The reader view's stylesheet, read by reader.js as `mastheadReader.STYLE`: the reader page
// adopts it as a constructed sheet and www/ puts it in its shadow root (nothing inline for a
// CSP to allow). Kept apart from the view's code; loaded before reader.js.
globalThis.mastheadReaderStyle = `
:host { all: initial; position: fixed; inset: 0; z-index: 2147483647; display: block; overflow: auto; overscroll-behavior: contain; }
.masthead-root { --bg: #fdfdfb; --fg: #1d1d1f; --muted: #5f6368; --accent: #0b57d0; --rule: #e3e3e0; --panel: #f1f1ee;
  min-height: 100vh; box-sizing: border-box; background: var(--bg); color: var(--fg); padding: 0 1.25rem 4rem;
  font-size: var(--font-size, 20px); line-height: 1.6;
  font-family: Charter, 'Iowan Old Style', Georgia, Cambria, 'Noto Serif', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC',
    SimSun, 'Noto Naskh Arabic', 'Amiri', 'Noto Serif Devanagari', serif; }
.masthead-root[data-font="legible"] { font-family: 'Atkinson Hyperlegible', Verdana, 'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans Arabic',
  'Noto Sans Devanagari', sans-serif; }
.masthead-root[data-font="sans"] { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC',
  'PingFang SC', 'Microsoft YaHei', 'Noto Sans Arabic', 'Vazirmatn', Tahoma, 'Noto Sans Devanagari', 'Nirmala UI', sans-serif; }
/* Each script from the reader's own fonts, in both typefaces: the lists above fall back script by
   script; a language's own faces come first where the page or the interface says its language. */
:lang(ja):not(pre, code, kbd) { font-family: 'Noto Serif CJK JP', 'Hiragino Mincho ProN', 'Yu Mincho', serif; }
[data-font="sans"] :lang(ja):not(pre, code, kbd), [data-font="sans"]:lang(ja) {
  font-family: 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', 'Meiryo', sans-serif; }
:is(:lang(zh-TW), :lang(zh-HK), :lang(zh-Hant)):not(pre, code, kbd) { font-family: 'Noto Serif CJK TC', 'Source Han Serif TC', 'PMingLiU', serif; }
[data-font="sans"] :is(:lang(zh-TW), :lang(zh-HK), :lang(zh-Hant)):not(pre, code, kbd), [data-font="sans"]:lang(zh-TW) {
  font-family: 'Noto Sans CJK TC', 'PingFang TC', 'Microsoft JhengHei', sans-serif; }
:lang(fa):not(pre, code, kbd) { font-family: 'Vazirmatn', 'Noto Naskh Arabic', 'B Nazanin', Tahoma, serif; }
/* Taller lines for scripts with tall or stacked marks; CJK and Devanagari are not justified or hyphenated. */
:lang(zh), :lang(ja), :lang(ko) { line-height: calc(var(--line-spacing, 1.6) + .2); }
:lang(ar), :lang(fa), :lang(ur) { line-height: calc(var(--line-spacing, 1.6) + .3); }
:lang(hi), :lang(mr), :lang(ne) { line-height: calc(var(--line-spacing, 1.6) + .25); }
.masthead-root[data-theme="gray"] { --bg: #e9e9e7; --fg: #202022; --muted: #4d4d50; --accent: #0a4fb8; --rule: #c9c9c6; --panel: #dcdcd9; }
.masthead-root[data-theme="contrast"] { --bg: #000; --fg: #fff; --muted: #e6e6e6; --accent: #ffe14d; --rule: #fff; --panel: #141414; }
.masthead-root[data-theme="custom"] { --bg: var(--custom-bg); --fg: var(--custom-fg); --muted: var(--custom-fg); --accent: var(--custom-fg);
  --rule: var(--custom-fg); --panel: var(--custom-bg); }
.masthead-root[data-theme="dark"] { --bg: #1b1b1d; --fg: #e6e6e3; --muted: #a3a3a0; --accent: #8ab4f8; --rule: #3a3a3c; --panel: #2a2a2d; }
.masthead-root[data-theme="sepia"] { --bg: #f6eedb; --fg: #3b2f1e; --muted: #5c4d36; --accent: #8a4b08; --rule: #e0d3b5; --panel: #ede2c6; }
@media (prefers-color-scheme: dark) {
  .masthead-root[data-theme="system"] { --bg: #1b1b1d; --fg: #e6e6e3; --muted: #a3a3a0; --accent: #8ab4f8; --rule: #3a3a3c; --panel: #2a2a2d; }
}
.toolbar { position: sticky; top: 0; display: flex; gap: .5rem; justify-content: flex-end; padding: .6rem 0; background: var(--bg);
  font: 14px/1.2 system-ui, sans-serif; z-index: 1; }
button, select { font: 14px/1.2 system-ui, sans-serif; color: var(--fg); background: var(--panel); border: 1px solid var(--rule);
  border-radius: 6px; padding: .45rem .7rem; cursor: pointer; }
button:focus-visible, select:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
/* The settings: a popover under the toolbar, a sheet from the bottom on a phone. */
.settings { position: fixed; top: 3.4rem; inset-inline-end: 1rem; z-index: 3; width: min(24rem, calc(100vw - 2rem));
  max-height: calc(100vh - 5rem); overflow: auto; display: grid; gap: .6rem; padding: .9rem 1rem; font: 14px system-ui, sans-serif;
  background: var(--bg); color: var(--fg); border: 1px solid var(--rule); border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, .18);
  line-height: 1.3; letter-spacing: normal; word-spacing: normal; }
.settings[hidden] { display: none; }
.settings label { display: grid; grid-template-columns: 8.5rem 1fr auto; gap: .5rem; align-items: center; }
.settings .colour { grid-template-columns: 8.5rem auto; }
.settings .size { display: flex; gap: .5rem; align-items: center; }
.settings .readout { min-width: 2.5em; text-align: end; font-variant-numeric: tabular-nums; }
.settings .reset { justify-self: end; }
.masthead-root:not([data-theme="custom"]) .settings .colour { display: none; }
@media (max-width: 600px) {
  .settings { top: auto; bottom: 0; inset-inline: 0; width: auto; max-height: 70vh; border-radius: 12px 12px 0 0; }
  .settings label { grid-template-columns: 7rem 1fr auto; }
  /* Every button stays on the screen: the row wraps rather than running off the start. */
  .toolbar { flex-wrap: wrap; gap: .35rem; }
  .toolbar button { padding: .4rem .55rem; }
}
.masthead-article { margin: 0 auto; max-width: var(--content-width, 38rem); letter-spacing: var(--letter-spacing, 0);
  word-spacing: var(--word-spacing, 0); }
.masthead-body { line-height: var(--line-spacing, 1.6); }
.masthead-root[data-align="justify"] .masthead-body p { text-align: justify; hyphens: auto; }
.masthead-root[data-align="justify"] .masthead-body :is(:lang(zh), :lang(ja), :lang(hi)) { text-align: start; }
.masthead-header { border-bottom: 1px solid var(--rule); margin-bottom: 1.5rem; padding-bottom: 1rem; }
.masthead-header h1 { font-size: 1.9em; line-height: 1.2; margin: .2em 0 .4em; }
.site, .byline, .meta, .source { color: var(--muted); font: .8em/1.4 system-ui, sans-serif; margin: .2em 0; }
.site { text-transform: uppercase; letter-spacing: .06em; }
.masthead-body img, .lead { max-width: 100%; height: auto; display: block; margin: 1em auto; }
figure { margin: 1.5em 0; } figcaption, caption { color: var(--muted); font-size: .8em; }
a { color: var(--accent); }
blockquote { margin: 1.2em 0; padding: 0 1em; border-inline-start: 3px solid var(--rule); color: var(--muted); }
pre { overflow: auto; padding: 1em; background: var(--panel); border-radius: 6px; font-size: .8em; line-height: 1.45; }
code, kbd { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: .9em; }
table { border-collapse: collapse; width: 100%; font-size: .85em; display: block; overflow-x: auto; }
td, th { border: 1px solid var(--rule); padding: .35em .6em; text-align: start; vertical-align: top; }
hr { border: 0; border-top: 1px solid var(--rule); }
.outlet-label { margin: .8rem 0 0; font: .8em/1.45 system-ui, sans-serif; }
.label, .name-claim { border: 1px solid var(--rule); border-inline-start-width: 6px; border-radius: 6px; padding: .45rem .8rem; }
.label p, .name-claim p { margin: .15em 0; }
/* The label is one sentence that wraps as text: the tier, then who; "Why?" at its end opens beneath it. */
.label > .label-heading, .label > .label-summary { display: inline; margin: 0 .5em 0 0; }
.label-why:not([open]), .label-why:not([open]) > summary { display: inline; }
.label-why:not([open]) > summary { margin: 0; white-space: nowrap; }
.label-heading { font-weight: 700; text-transform: uppercase; letter-spacing: .05em; font-size: .85em; }
.label-summary { font-weight: 600; }
.label-flag { color: var(--muted); }
/* Tier colours per theme: border and marker at least 3:1 against the page and the label's own
   background, text at least 4.5:1 (tests/e2e/labels.test.mjs measures them in the browser);
   controlled and captured differ in hue, tint and marker, never in colour alone. */
.masthead-root { --controlled: #b3261e; --controlled-tint: #fdecea; --controlled-ink: #3d0c08;
  --captured: #a14a00; --captured-tint: #fff4e5; --captured-ink: #3d2304; }
.masthead-root[data-theme="dark"] { --controlled: #f28b82; --controlled-tint: #3c1f1d; --controlled-ink: #f6dcd9;
  --captured: #f0b45a; --captured-tint: #372a14; --captured-ink: #f3e3c7; }
.masthead-root[data-theme="sepia"] { --controlled: #a1251b; --controlled-tint: #f7dcd2; --controlled-ink: #3d0c08;
  --captured: #8f4a06; --captured-tint: #f3e1bd; --captured-ink: #3d2304; }
@media (prefers-color-scheme: dark) {
  .masthead-root[data-theme="system"] { --controlled: #f28b82; --controlled-tint: #3c1f1d; --controlled-ink: #f6dcd9;
    --captured: #f0b45a; --captured-tint: #372a14; --captured-ink: #f3e3c7; }
}
.masthead-root[data-theme="contrast"] { --controlled: #ff8a80; --controlled-tint: #1f0503; --controlled-ink: #fff;
  --captured: #ffc266; --captured-tint: #1f1400; --captured-ink: #fff; }
/* The reader's own colours may be anything: inside the label, links and "Why?" take the label's ink. */
.masthead-root[data-theme="custom"] :is(.label, .name-claim, .wire-note) :is(summary, a) { color: inherit; }
.tier-controlled { --tone: var(--controlled); border-color: var(--tone); background: var(--controlled-tint); color: var(--controlled-ink); }
.tier-controlled .label-heading::before { content: "⚠ "; }
.tier-captured { --tone: var(--captured); border-color: var(--tone); border-style: dashed; border-inline-start-style: solid;
  background: var(--captured-tint); color: var(--captured-ink); }
.tier-captured .label-heading::before { content: "◆ "; }
.tier-controlled .label-heading, .tier-captured .label-heading { color: var(--tone); }
.tier-independent { --tone: var(--muted); border-color: var(--muted); background: var(--panel); color: var(--fg); }
.tier-independent .label-heading { font-weight: 600; color: var(--muted); }
.tier-controlled .label-flag, .tier-captured .label-flag { color: inherit; }
.name-claim { border-color: var(--muted); border-style: dashed; background: var(--panel); color: var(--fg); }
.label-why summary { cursor: pointer; color: var(--accent); margin-top: .3em; }
.label-why a { color: var(--accent); }
.label-sources { margin: .2em 0; padding-inline-start: 1.2em; }
.wire-note { margin: .5rem 0 0; padding: .4rem .8rem; border-inline-start: 4px solid var(--tone, var(--muted)); background: var(--panel); }
.source { border-top: 1px solid var(--rule); margin-top: 2.5rem; padding-top: 1rem; overflow-wrap: anywhere; }
.status { position: fixed; bottom: 1.5rem; left: 50%; transform: translateX(-50%); background: var(--fg); color: var(--bg);
  padding: .6rem 1rem; border-radius: 6px; font: 14px system-ui, sans-serif; opacity: 0; transition: opacity .2s; pointer-events: none; }
.status.shown { opacity: 1; }
.progress { position: fixed; top: 0; inset-inline: 0; height: 3px; z-index: 2; pointer-events: none; }
.progress-fill { height: 100%; background: var(--accent); transform: scaleX(0); transform-origin: left; }
[dir="rtl"] .progress-fill { transform-origin: right; }
.time-left { margin-inline-end: auto; align-self: center; color: var(--muted); font: 13px system-ui, sans-serif; }
.contents { font: 14px/1.4 system-ui, sans-serif; background: var(--panel); border: 1px solid var(--rule); border-radius: 6px;
  padding: .6rem .8rem; margin: 0 auto 1rem; max-width: 38rem; }
.contents[hidden] { display: none; }
.contents ol { list-style: none; margin: 0; padding: 0; }
.contents li { margin: .25em 0; }
.contents a { color: var(--fg); text-decoration: none; }
.contents a.sub { padding-inline-start: 1em; }
.contents a[aria-current] { color: var(--accent); font-weight: 600; }
@media (min-width: 1300px) {
  .contents { position: fixed; top: 4rem; inset-inline-start: 1rem; width: 14rem; max-height: calc(100vh - 6rem); overflow: auto; margin: 0; }
}
.lightbox { max-width: 96vw; max-height: 96vh; padding: 0; border: 0; border-radius: 8px; background: var(--bg); color: var(--fg); }
.lightbox::backdrop { background: rgba(0, 0, 0, .8); }
.lightbox img { display: block; max-width: 96vw; max-height: 88vh; object-fit: contain; margin: 0 auto; }
.lightbox-caption { margin: .4rem .8rem .6rem; color: var(--muted); font: 14px/1.4 system-ui, sans-serif; }
.lightbox-close { position: absolute; top: .4rem; inset-inline-end: .4rem; }
.masthead-body img { cursor: zoom-in; }
.masthead-body a img { cursor: pointer; }
.player { position: fixed; bottom: 1rem; left: 50%; transform: translateX(-50%); z-index: 3; display: flex; gap: .5rem;
  align-items: center; flex-wrap: wrap; justify-content: center; padding: .5rem .7rem; background: var(--bg); color: var(--fg);
  border: 1px solid var(--rule); border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, .18); font: 14px system-ui, sans-serif; }
.player[hidden] { display: none; }
.player label { display: flex; gap: .3rem; align-items: center; }
.speaking { background: var(--panel); box-shadow: -.5rem 0 0 var(--panel), .5rem 0 0 var(--panel); border-radius: 3px; }
::highlight(masthead-word) { background-color: var(--accent); color: var(--bg); }
.code-tools { display: flex; justify-content: flex-end; margin-bottom: -.6em; }
.copy-code { font-size: 12px; padding: .25rem .5rem; }
/* A small notice at the top, not a page of its own: what happened, the label, what to do. */
.notice { max-width: 34rem; margin: 2rem auto 0; padding: 1rem 1.25rem; border: 1px solid var(--rule); border-radius: 8px;
  background: var(--panel); font: 15px/1.5 system-ui, sans-serif; }
.notice h1 { font-size: 1.15em; margin: 0 0 .3em; } .notice p { color: var(--muted); margin: 0 0 .6em; }
.notice .outlet-label { margin: .6em 0; }
.buttons { display: flex; flex-wrap: wrap; gap: .5rem; }
.shortcuts { border: 1px solid var(--rule); border-radius: 8px; background: var(--bg); color: var(--fg); padding: 1rem 1.5rem;
  font: 15px/1.5 system-ui, sans-serif; min-width: min(22rem, 90vw); }
.shortcuts::backdrop { background: rgb(0 0 0 / .4); }
.shortcuts h2 { font-size: 1.1em; margin: 0 2rem .6em 0; }
.shortcuts dl { display: grid; grid-template-columns: auto 1fr; gap: .35em 1em; margin: 0; }
.shortcuts dt, .shortcuts dd { margin: 0; }
.shortcuts kbd { border: 1px solid var(--rule); border-radius: 4px; padding: 0 .4em; background: var(--panel); }
html, body { margin: 0; padding: 0; }
h1:focus { outline: none; }
.loading { font: 14px system-ui, sans-serif; color: var(--muted); text-align: center; padding-top: 30vh; margin: 0; }
@media print {
  .toolbar, .settings, .status, .progress, .contents, .code-tools, .player { display: none !important; }
  .masthead-root { --bg: #fff; --fg: #000; --muted: #444; --rule: #999; --panel: #fff; --accent: #000; padding: 0; min-height: 0; }
  .masthead-article { max-width: none; }
  .label-why summary { display: none; }
  pre { overflow: visible; white-space: pre-wrap; }
  table { display: table; overflow: visible; }
  img, figure, .label { break-inside: avoid; }
  /* Opacity below 1 paints an element after the page's flow, which puts its text out of order. */
  .label-flag { opacity: 1 !important; }
  h1, h2, h3, h4 { break-after: avoid; }
}
`;
