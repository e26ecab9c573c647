// Read aloud, for the reader view (reader.js): the browser's own speech, on the device. A
// factory given reader.js's helpers (`el`, `button`, `msg`, `uiLanguage`), so they stay private
// to the view; loaded before reader.js by the reader page and www/.
globalThis.mastheadReadAloud = ({ el, button, msg, uiLanguage }) => {
  // What reads aloud now, if anything: a new view or closing the view stops it.
  let stopSpeaking = () => {};

  /**
   * Read the article aloud with the browser's own speech (speechSynthesis: on the device, no
   * network). The headline and byline, then the body's paragraphs, headings, list items and
   * quotes, one at a time, the one being read marked and kept in view (and its word, where the
   * voice reports word boundaries); never the outlet label, captions or code. Play, pause,
   * previous and next paragraph, voice (the article's language first) and speed; while the
   * player is open a click on a paragraph reads from there.
   */
  function readAloud(doc, { report, articleLang }) {
    stopSpeaking();
    // The speech service is touched only when the reader asks for it: its first use starts the
    // platform's speech machinery, which is no part of showing the article.
    const win = doc.defaultView;
    let speech = null;
    const Utterance = win?.SpeechSynthesisUtterance;
    const state = { units: [], index: 0, turn: 0, playing: false, rate: 1, voice: '' };
    const press = () => {
      if (!(win && 'speechSynthesis' in win)) return;
      speech ??= win.speechSynthesis;
      if (player.hidden) open();
      else close();
    };
    const toggle = button(doc, { text: '🔊', ariaLabel: msg('readAloud'), ariaPressed: 'false', disabled: !(win && 'speechSynthesis' in win) }, press);
    const playPause = button(doc, { className: 'play', text: '⏸', ariaLabel: msg('pauseReading') }, () => {
      if (state.playing) pause();
      else speak(state.index);
    });
    const voices = el(doc, 'select', {
      ariaLabel: msg('voice'), onchange: (event) => { state.voice = event.target.value; speak(state.index); },
    });
    const speed = el(doc, 'select', {
      ariaLabel: msg('speed'), onchange: (event) => { state.rate = Number(event.target.value); speak(state.index); },
    }, [0.75, 1, 1.25, 1.5, 2].map((rate) => el(doc, 'option', { value: String(rate), text: `${rate}×`, selected: rate === 1 })));
    const player = el(doc, 'div', { className: 'player', role: 'region', ariaLabel: msg('readAloud'), hidden: true }, [
      button(doc, { text: '⏮', ariaLabel: msg('previousParagraph') }, () => speak(Math.max(0, state.index - 1))),
      playPause,
      button(doc, { text: '⏭', ariaLabel: msg('nextParagraph') }, () => speak(Math.min(state.units.length - 1, state.index + 1))),
      el(doc, 'label', {}, [msg('voice'), voices]),
      el(doc, 'label', {}, [msg('speed'), speed]),
      button(doc, { text: '✕', ariaLabel: msg('stopReading') }, () => close()),
    ]);
    const fillVoices = () => {
      const primary = (articleLang || uiLanguage()).toLowerCase().split('-')[0];
      const list = [...(speech?.getVoices() ?? [])]
        .sort((a, b) => Number(b.lang.toLowerCase().startsWith(primary)) - Number(a.lang.toLowerCase().startsWith(primary)));
      voices.replaceChildren(el(doc, 'option', { value: '', text: msg('defaultVoice') }),
        ...list.map((voice) => el(doc, 'option', { value: voice.voiceURI, text: `${voice.name} (${voice.lang})`, selected: voice.voiceURI === state.voice })));
    };
    const mark = (index) => {
      state.units.forEach((unit, i) => unit.classList.toggle('speaking', i === index));
      const unit = state.units[index];
      const box = unit?.getBoundingClientRect();
      if (box && (box.top < 60 || box.bottom > doc.defaultView.innerHeight)) unit.scrollIntoView({ block: 'center' });
    };
    const highlight = (unit, start, length) => {
      const highlights = doc.defaultView.CSS?.highlights;
      if (!highlights || !doc.defaultView.Highlight) return;
      const walker = doc.createTreeWalker(unit, doc.defaultView.NodeFilter.SHOW_TEXT);
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (start < offset + node.length) {
          const range = doc.createRange();
          range.setStart(node, start - offset);
          range.setEnd(node, Math.min(node.length, start - offset + Math.max(1, length)));
          highlights.set('masthead-word', new doc.defaultView.Highlight(range));
          return;
        }
        offset += node.length;
      }
    };
    function speak(index) {
      if (!speech || !state.units[index]) return close();
      const turn = ++state.turn;
      speech.cancel();
      state.index = index;
      const unit = state.units[index];
      const utterance = new Utterance(unit.textContent.replace(/\s+/g, ' ').trim());
      utterance.lang = articleLang;
      utterance.rate = state.rate;
      const voice = speech.getVoices().find((v) => v.voiceURI === state.voice);
      if (voice) utterance.voice = voice;
      utterance.onstart = () => { if (turn === state.turn) mark(index); };
      utterance.onboundary = (event) => {
        if (turn === state.turn && event.name === 'word') highlight(unit, event.charIndex, event.charLength ?? 0);
      };
      utterance.onend = () => { if (turn === state.turn && state.playing) speak(index + 1); };
      utterance.onerror = (event) => {
        if (turn !== state.turn || ['interrupted', 'canceled'].includes(event.error)) return;
        report(msg('noVoice'));
        close();
      };
      state.playing = true;
      playPause.textContent = '⏸';
      playPause.setAttribute('aria-label', msg('pauseReading'));
      mark(index);
      speech.speak(utterance);
    }
    // Paused by stopping the voice and keeping the place: speechSynthesis.pause() does nothing
    // with some voices (Chromium's speech-dispatcher ones among them); resuming reads the
    // paragraph from its start.
    function pause() {
      state.turn += 1;
      state.playing = false;
      speech.cancel();
      doc.defaultView?.CSS?.highlights?.delete('masthead-word');
      playPause.textContent = '▶';
      playPause.setAttribute('aria-label', msg('resumeReading'));
    }
    function open() {
      player.hidden = false;
      toggle.setAttribute('aria-pressed', 'true');
      fillVoices();
      speech.addEventListener?.('voiceschanged', fillVoices);
      // From the paragraph in view, else from the headline.
      const inView = state.units.findIndex((unit) => unit.getBoundingClientRect().top >= 0);
      speak(Math.max(0, doc.defaultView.scrollY > 200 ? inView : 0));
    }
    function close() {
      state.turn += 1;
      state.playing = false;
      speech?.cancel();
      player.hidden = true;
      toggle.setAttribute('aria-pressed', 'false');
      state.units.forEach((unit) => unit.classList.remove('speaking'));
      doc.defaultView?.CSS?.highlights?.delete('masthead-word');
    }
    stopSpeaking = close;
    return {
      button: toggle,
      press,
      attach(page, root) {
        const header = page.querySelector('.masthead-header');
        const candidates = [
          header.querySelector('h1'), header.querySelector('.byline'),
          ...page.querySelectorAll('.masthead-body :is(p, h2, h3, h4, h5, h6, li, dt, dd)'),
        ].filter(Boolean);
        state.units = candidates.filter((unit) => unit.textContent.trim()
          && !unit.closest('figure, pre, table, .outlet-label, .code-tools')
          && !candidates.some((other) => other !== unit && unit.contains(other)));
        root.append(player);
        page.querySelector('.masthead-body').addEventListener('click', (event) => {
          if (!event.isTrusted || player.hidden || String(doc.getSelection?.() ?? '')) return;
          const index = state.units.findIndex((unit) => unit.contains(event.target));
          if (index >= 0) speak(index);
        });
      },
    };
  }

  return { readAloud, stopSpeaking: () => stopSpeaking() };
};
