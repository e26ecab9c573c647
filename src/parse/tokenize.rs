//! The tokenizer of the fast parser: tags, text and comments of the HTML standard's tokenizer,
//! over bytes, with character references decoded as html5ever decodes them. Anything whose
//! handling it does not reproduce exactly (a NUL, a tag cut off by the end of the page, CDATA in
//! SVG, a script that opens `<!--<script>`) is reported as [`Unsupported`] instead.

use super::Unsupported;
use std::borrow::Cow;

pub enum Token<'a> {
    Doctype,
    Comment,
    /// Decoded text, and whether it began with a named character reference (which, in
    /// html5ever, keeps a newline it produced after `<pre>`).
    Text(Cow<'a, str>, bool),
    StartTag(Tag<'a>),
    EndTag(Cow<'a, str>),
}

pub struct Tag<'a> {
    /// Lowercase (ASCII), as html5ever folds it.
    pub name: Cow<'a, str>,
    /// Names lowercase, in source order, repeats included.
    pub attrs: Vec<(Cow<'a, str>, String)>,
    pub self_closing: bool,
}

pub struct Tokenizer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn lowercase(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

impl<'a> Tokenizer<'a> {
    pub fn new(text: &'a str) -> Tokenizer<'a> {
        Tokenizer {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    fn peek(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.pos + offset).copied()
    }

    /// The next token, `None` at the end of the page.
    pub fn next_token(&mut self, in_foreign: bool) -> Result<Option<Token<'a>>, Unsupported> {
        // `</>` is dropped without a trace (skipped here in a loop: a page of a million of them
        // must not recurse a million times).
        while self.bytes[self.pos..].starts_with(b"</>") {
            self.pos += 3;
        }
        if self.pos >= self.bytes.len() {
            return Ok(None);
        }
        if self.bytes[self.pos] != b'<' {
            return Ok(Some(self.text_run()));
        }
        match self.peek(1) {
            Some(b) if b.is_ascii_alphabetic() => {
                self.pos += 1;
                self.start_tag().map(|tag| Some(Token::StartTag(tag)))
            }
            Some(b'/') => match self.peek(2) {
                Some(b) if b.is_ascii_alphabetic() => {
                    self.pos += 2;
                    self.end_tag().map(|name| Some(Token::EndTag(name)))
                }
                Some(_) => self.bogus_comment(2),
                None => Err(Unsupported("the page ends inside a tag")),
            },
            Some(b'!') => {
                let rest = &self.bytes[self.pos + 2..];
                if rest.starts_with(b"--") {
                    self.comment()
                } else if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
                    self.skip_past(b'>')?;
                    Ok(Some(Token::Doctype))
                } else if in_foreign && rest.starts_with(b"[CDATA[") {
                    Err(Unsupported("CDATA in foreign content"))
                } else {
                    self.bogus_comment(2)
                }
            }
            Some(b'?') => self.bogus_comment(1),
            _ => Ok(Some(self.text_run())),
        }
    }

    fn skip_past(&mut self, byte: u8) -> Result<(), Unsupported> {
        match memchr::memchr(byte, &self.bytes[self.pos..]) {
            Some(at) => {
                self.pos += at + 1;
                Ok(())
            }
            None => Err(Unsupported("the page ends inside a tag")),
        }
    }

    /// `<?…>`, `<!…>` and `</…>` that start no tag: a comment up to the next `>`.
    fn bogus_comment(&mut self, skip: usize) -> Result<Option<Token<'a>>, Unsupported> {
        self.pos += skip;
        self.skip_past(b'>')?;
        Ok(Some(Token::Comment))
    }

    /// `<!--` up to `-->` or `--!>`.
    fn comment(&mut self) -> Result<Option<Token<'a>>, Unsupported> {
        let start = self.pos + 4;
        let body = &self.bytes[start..];
        if body.starts_with(b">") || body.starts_with(b"->") {
            return Err(Unsupported("an abruptly closed comment"));
        }
        let mut from = 0;
        while let Some(at) = find_pair(&body[from..], *b"--") {
            let dash = from + at;
            match (body.get(dash + 2), body.get(dash + 3)) {
                (Some(b'>'), _) => {
                    self.pos = start + dash + 3;
                    return Ok(Some(Token::Comment));
                }
                (Some(b'!'), Some(b'>')) => {
                    self.pos = start + dash + 4;
                    return Ok(Some(Token::Comment));
                }
                _ => from = dash + 1,
            }
        }
        Err(Unsupported("a comment without an end"))
    }

    /// Text up to the next `<` that starts markup; a lone `<` is text.
    fn text_run(&mut self) -> Token<'a> {
        let start = self.pos;
        let named_reference_first =
            self.bytes[start] == b'&' && self.bytes.get(start + 1) != Some(&b'#');
        let mut at = self.pos + 1;
        loop {
            match memchr::memchr(b'<', &self.bytes[at..]) {
                None => {
                    at = self.bytes.len();
                    break;
                }
                Some(offset) => {
                    at += offset;
                    match self.bytes.get(at + 1) {
                        Some(b) if b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?') => {
                            break
                        }
                        None => {
                            at = self.bytes.len();
                            break;
                        }
                        _ => at += 1,
                    }
                }
            }
        }
        self.pos = at;
        Token::Text(decode(&self.text[start..at], false), named_reference_first)
    }

    fn name(&mut self) -> &'a str {
        let start = self.pos;
        while let Some(&b) = self.bytes.get(self.pos) {
            if is_space(b) || b == b'/' || b == b'>' {
                break;
            }
            self.pos += 1;
        }
        &self.text[start..self.pos]
    }

    fn start_tag(&mut self) -> Result<Tag<'a>, Unsupported> {
        let name = lowercase(self.name());
        let mut tag = Tag {
            name,
            attrs: Vec::new(),
            self_closing: false,
        };
        self.attributes(Some(&mut tag))?;
        Ok(tag)
    }

    fn end_tag(&mut self) -> Result<Cow<'a, str>, Unsupported> {
        let name = lowercase(self.name());
        self.attributes(None)?;
        Ok(name)
    }

    /// Attributes up to and past the tag's `>`; kept when `tag` is given.
    fn attributes(&mut self, mut tag: Option<&mut Tag<'a>>) -> Result<(), Unsupported> {
        let bytes = self.bytes;
        loop {
            while self.pos < bytes.len() && is_space(bytes[self.pos]) {
                self.pos += 1;
            }
            match bytes.get(self.pos) {
                None => return Err(Unsupported("the page ends inside a tag")),
                Some(b'>') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'/') => {
                    self.pos += 1;
                    if bytes.get(self.pos) == Some(&b'>') {
                        self.pos += 1;
                        if let Some(tag) = tag {
                            tag.self_closing = true;
                        }
                        return Ok(());
                    }
                    continue;
                }
                _ => {}
            }
            // A name: `=` may start one (an error the standard keeps as part of the name).
            let start = self.pos;
            self.pos += 1;
            while let Some(&b) = bytes.get(self.pos) {
                if is_space(b) || matches!(b, b'/' | b'>' | b'=') {
                    break;
                }
                self.pos += 1;
            }
            let name = &self.text[start..self.pos];
            while self.pos < bytes.len() && is_space(bytes[self.pos]) {
                self.pos += 1;
            }
            let mut value: &'a str = "";
            if bytes.get(self.pos) == Some(&b'=') {
                self.pos += 1;
                while self.pos < bytes.len() && is_space(bytes[self.pos]) {
                    self.pos += 1;
                }
                match bytes.get(self.pos) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let from = self.pos + 1;
                        let Some(length) = memchr::memchr(quote, &bytes[from..]) else {
                            return Err(Unsupported("the page ends inside a tag"));
                        };
                        value = &self.text[from..from + length];
                        self.pos = from + length + 1;
                    }
                    Some(b'>') | None => {}
                    Some(_) => {
                        let from = self.pos;
                        while let Some(&b) = bytes.get(self.pos) {
                            if is_space(b) || b == b'>' {
                                break;
                            }
                            self.pos += 1;
                        }
                        value = &self.text[from..self.pos];
                    }
                }
            }
            if let Some(tag) = tag.as_deref_mut() {
                // Repeated names are dropped by the tree builder, after sorting: checking each
                // name against all before it is quadratic in a tag's attributes.
                tag.attrs
                    .push((lowercase(name), decode(value, true).into_owned()));
            }
        }
    }

    /// The content of a raw text or RCDATA element (`script`, `style`, `title`, …) up to its end
    /// tag, which is consumed too; RCDATA (`decode`) has its character references decoded.
    pub fn raw_text(
        &mut self,
        name: &str,
        decode_references: bool,
    ) -> Result<Cow<'a, str>, Unsupported> {
        let start = self.pos;
        let bytes = self.bytes;
        let mut from = start;
        let end = loop {
            let Some(at) = find_pair(&bytes[from..], *b"</") else {
                return Err(Unsupported("a raw text element without an end tag"));
            };
            let tag_at = from + at;
            let name_end = tag_at + 2 + name.len();
            if bytes.len() >= name_end
                && bytes[tag_at + 2..name_end].eq_ignore_ascii_case(name.as_bytes())
                && bytes
                    .get(name_end)
                    .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
            {
                break tag_at;
            }
            from = tag_at + 2;
        };
        // `<!--` in a script enters the standard's escaped states, where `<script>…</script>`
        // nests; the end tag found above only stands if the script has no `<!--` before it.
        let end = if name == "script" && find_pair(&bytes[start..end], *b"<!").is_some() {
            script_end(bytes, start).ok_or(Unsupported("a raw text element without an end tag"))?
        } else {
            end
        };
        let content = &self.text[start..end];
        self.pos = end + 2 + name.len();
        self.attributes(None)?;
        Ok(if decode_references {
            decode(content, false)
        } else {
            Cow::Borrowed(content)
        })
    }
}

/// Decode character references in text or (`in_attribute`) an attribute value, with
/// html5ever's rules: longest entity name, legacy names without `;`, and in attributes a legacy
/// name followed by `=` or an alphanumeric left as it is.
pub fn decode(text: &str, in_attribute: bool) -> Cow<'_, str> {
    let Some(first) = memchr::memchr(b'&', text.as_bytes()) else {
        return Cow::Borrowed(text);
    };
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut pos = first;
    while pos < bytes.len() {
        if bytes[pos] != b'&' {
            let next = memchr::memchr(b'&', &bytes[pos..]).map_or(bytes.len(), |at| pos + at);
            out.push_str(&text[pos..next]);
            pos = next;
            continue;
        }
        let consumed = if bytes.get(pos + 1) == Some(&b'#') {
            numeric_reference(&bytes[pos + 2..], &mut out).map(|length| length + 2)
        } else {
            named_reference(&text[pos + 1..], in_attribute, &mut out).map(|length| length + 1)
        };
        match consumed {
            Some(length) => pos += length,
            None => {
                out.push('&');
                pos += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// After `&#`: digits (hex after `x`), an optional `;`. The bytes consumed, or `None` when no
/// digit follows (then the text stays as it is).
fn numeric_reference(bytes: &[u8], out: &mut String) -> Option<usize> {
    let (base, mut pos) = match bytes.first() {
        Some(b'x' | b'X') => (16, 1),
        _ => (10, 0),
    };
    let digits_start = pos;
    let mut value: u32 = 0;
    let mut too_big = false;
    while let Some(digit) = bytes.get(pos).and_then(|&b| (b as char).to_digit(base)) {
        value = value.wrapping_mul(base);
        if value > 0x10FFFF {
            too_big = true;
        }
        value = value.wrapping_add(digit);
        pos += 1;
    }
    if pos == digits_start {
        return None;
    }
    if bytes.get(pos) == Some(&b';') {
        pos += 1;
    }
    let c = match value {
        _ if too_big || value > 0x10FFFF => '\u{FFFD}',
        0 | 0xD800..=0xDFFF => '\u{FFFD}',
        0x80..=0x9F => web_atoms::C1_REPLACEMENTS[(value - 0x80) as usize]
            .unwrap_or_else(|| char::from_u32(value).unwrap_or('\u{FFFD}')),
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    };
    out.push(c);
    Some(pos)
}

/// After `&`: the longest entity name html5ever would match. The bytes consumed, or `None` to
/// leave the `&` as text.
fn named_reference(text: &str, in_attribute: bool, out: &mut String) -> Option<usize> {
    let bytes = text.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    // The references browsers write when they serialize, answered without the table search
    // (each is the longest match: no entity name continues past its `;`).
    for (name, character) in [
        ("amp;", '&'),
        ("nbsp;", '\u{A0}'),
        ("quot;", '"'),
        ("lt;", '<'),
        ("gt;", '>'),
    ] {
        if bytes.starts_with(name.as_bytes()) {
            out.push(character);
            return Some(name.len());
        }
    }
    let mut matched: Option<(usize, (u32, u32))> = None;
    let mut length = 0;
    // Names are ASCII alphanumerics and a final `;`; the table answers prefixes too.
    while length < bytes.len() && (bytes[length].is_ascii_alphanumeric() || bytes[length] == b';') {
        length += 1;
        match web_atoms::NAMED_ENTITIES.get(&text[..length]) {
            None => break,
            Some(&(0, 0)) => {}
            Some(&codepoints) => matched = Some((length, codepoints)),
        }
        if bytes[length - 1] == b';' {
            break;
        }
    }
    let (length, (first, second)) = matched?;
    if bytes[length - 1] != b';' && in_attribute {
        if let Some(&next) = bytes.get(length) {
            if next == b'=' || next.is_ascii_alphanumeric() {
                return None;
            }
        }
    }
    out.extend(char::from_u32(first));
    if second != 0 {
        out.extend(char::from_u32(second));
    }
    Some(length)
}

/// Where the two bytes `pair` first occur together in `bytes`.
fn find_pair(bytes: &[u8], pair: [u8; 2]) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = memchr::memchr(pair[0], &bytes[from..]) {
        let at = from + at;
        if bytes.get(at + 1) == Some(&pair[1]) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whether `bytes` at `at` hold `</script` (any case) followed by a space, `/` or `>`: an end
/// tag for a script.
fn is_script_end_tag(bytes: &[u8], at: usize) -> bool {
    is_script_name(bytes, at + 2)
}

/// `script` (any case) at `at`, followed by a space, `/` or `>`.
fn is_script_name(bytes: &[u8], at: usize) -> bool {
    bytes.len() > at + 6
        && bytes[at..at + 6].eq_ignore_ascii_case(b"script")
        && (is_space(bytes[at + 6]) || matches!(bytes[at + 6], b'/' | b'>'))
}

/// Where a script's end tag starts, by the standard's script data states: after `<!--`, a
/// `<script>` is "double escaped" and its `</script>` does not end the element; `-->` leaves
/// the escape.
fn script_end(bytes: &[u8], start: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    // Dashes just seen, so that `-->` can be recognised.
    let mut dashes = 0;
    let mut at = start;
    while at < bytes.len() {
        let byte = bytes[at];
        match (&state, byte) {
            (State::Data, b'<') => {
                if bytes.get(at + 1) == Some(&b'/') && is_script_end_tag(bytes, at) {
                    return Some(at);
                }
                if bytes[at + 1..].starts_with(b"!--") {
                    state = State::Escaped;
                    // `<!-->` ends the escape at once: its dashes count.
                    dashes = 2;
                    at += 4;
                    continue;
                }
            }
            (State::Escaped, b'<') => {
                if bytes.get(at + 1) == Some(&b'/') && is_script_end_tag(bytes, at) {
                    return Some(at);
                }
                if is_script_name(bytes, at + 1) {
                    state = State::DoubleEscaped;
                    at += 7;
                    dashes = 0;
                    continue;
                }
            }
            (State::DoubleEscaped, b'<')
                if bytes.get(at + 1) == Some(&b'/') && is_script_end_tag(bytes, at) =>
            {
                state = State::Escaped;
                at += 8;
                dashes = 0;
                continue;
            }
            (State::Escaped | State::DoubleEscaped, b'>') if dashes >= 2 => {
                state = State::Data;
            }
            _ => {}
        }
        dashes = if byte == b'-' { dashes + 1 } else { 0 };
        at += 1;
    }
    None
}
