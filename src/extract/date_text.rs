//! Dates as text says them, with no page around them: "3. März 2021", "12 марта 2021 г.",
//! "2021年3月12日", "2021-03-12", as `YYYY-MM-DD`. A leaf: the date by the headline (`dates`)
//! and the byline's tidying (`byline`) both read it, and it reads neither. With the words that
//! stand beside a date in a dateline (`DATE_WORDS`), which `furniture` and `byline` skip.

/// Month names as dates write them, with their numbers: English, German, French, Spanish,
/// Portuguese, Italian, Dutch, Polish and Russian (nominative and genitive), Arabic, with
/// their abbreviations, lowercase. CJK dates are numeric (年月日) and need none. The two
/// Levantine names that stand for two months each (كانون, تشرين) are months with no number.
/// The one list of month names: `furniture`'s date lines and `byline` ask it too (`is_month`).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("enero", 1),
    ("janeiro", 1),
    ("gennaio", 1),
    ("januari", 1),
    ("stycznia", 1),
    ("styczeń", 1),
    ("января", 1),
    ("январь", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("lutego", 2),
    ("luty", 2),
    ("февраля", 2),
    ("февраль", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("maart", 3),
    ("marca", 3),
    ("marzec", 3),
    ("марта", 3),
    ("март", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("kwietnia", 4),
    ("kwiecień", 4),
    ("апреля", 4),
    ("апрель", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maio", 5),
    ("maggio", 5),
    ("mei", 5),
    ("maja", 5),
    ("maj", 5),
    ("мая", 5),
    ("май", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("junho", 6),
    ("giugno", 6),
    ("czerwca", 6),
    ("czerwiec", 6),
    ("июня", 6),
    ("июнь", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("julho", 7),
    ("luglio", 7),
    ("lipca", 7),
    ("lipiec", 7),
    ("июля", 7),
    ("июль", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("sierpnia", 8),
    ("sierpień", 8),
    ("августа", 8),
    ("август", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setembro", 9),
    ("settembre", 9),
    ("września", 9),
    ("wrzesień", 9),
    ("сентября", 9),
    ("сентябрь", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("ottobre", 10),
    ("października", 10),
    ("październik", 10),
    ("октября", 10),
    ("октябрь", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("listopada", 11),
    ("listopad", 11),
    ("ноября", 11),
    ("ноябрь", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("décembre", 12),
    ("diciembre", 12),
    ("dezembro", 12),
    ("dicembre", 12),
    ("grudnia", 12),
    ("grudzień", 12),
    ("декабря", 12),
    ("декабрь", 12),
    // Abbreviations
    ("setiembre", 9),
    ("janv", 1),
    ("févr", 2),
    ("fév", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    ("mrz", 3),
    ("okt", 10),
    ("dez", 12),
    ("янв", 1),
    ("фев", 2),
    ("апр", 4),
    ("июн", 6),
    ("июл", 7),
    ("авг", 8),
    ("сен", 9),
    ("сент", 9),
    ("окт", 10),
    ("ноя", 11),
    ("нояб", 11),
    ("дек", 12),
    // Arabic: the Gregorian names, then the Levantine ones
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("إبريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("كانون", 0),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين", 0),
];

/// The first date written in `text`, in any of the forms above.
pub fn date_in(text: &str) -> Option<String> {
    let tokens = tokenize(text);
    for (i, token) in tokens.iter().enumerate() {
        let next = |k: usize| tokens.get(i + k);
        let date = match token {
            Token::Number(n, len) => {
                let (n, len) = (*n, *len);
                match (next(1), next(2), next(3), next(4)) {
                    // 2021-03-12, 2021/03/12, 2021.03.12
                    (
                        Some(Token::Separator('-' | '/' | '.')),
                        Some(Token::Number(m, _)),
                        Some(Token::Separator('-' | '/' | '.')),
                        Some(Token::Number(d, _)),
                    ) if len == 4 => calendar_date(n, *m, *d),
                    // 12.03.2021 (German, Polish, Russian): day first.
                    (
                        Some(Token::Separator('.')),
                        Some(Token::Number(m, _)),
                        Some(Token::Separator('.')),
                        Some(Token::Number(y, 4)),
                    ) => calendar_date(*y, *m, n),
                    // 09/25/2025 or 13/11/2025, where only one of the two readings is a day:
                    // 03/04/2025 says nothing the page's language would not have to settle.
                    (
                        Some(Token::Separator('/')),
                        Some(Token::Number(m, m_len)),
                        Some(Token::Separator('/')),
                        Some(Token::Number(y, 4)),
                    ) if len <= 2 && *m_len <= 2 => match (n <= 12, *m <= 12) {
                        (true, false) => calendar_date(*y, n, *m),
                        (false, true) => calendar_date(*y, *m, n),
                        _ => None,
                    },
                    // 2021年3月12日
                    (
                        Some(Token::Separator('年')),
                        Some(Token::Number(m, _)),
                        Some(Token::Separator('月')),
                        Some(Token::Number(d, _)),
                    ) if len == 4 => calendar_date(n, *m, *d),
                    _ => month_name_date(&tokens[i..]),
                }
            }
            Token::Word(_) => month_name_date(&tokens[i..]),
            Token::Separator(_) => None,
        };
        if date.is_some() {
            return date;
        }
    }
    None
}

/// "12 March 2021", "12. März 2021", "12 de marzo de 2021", "March 12, 2021", at the start of
/// `tokens`.
fn month_name_date(tokens: &[Token]) -> Option<String> {
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| !matches!(t, Token::Separator(_)))
        .filter(|t| !matches!(t, Token::Word(w) if matches!(w.as_str(), "de" | "del" | "of" | "r")))
        .take(3)
        .collect();
    match words.as_slice() {
        [Token::Number(d, dl), Token::Word(m), Token::Number(y, 4)] if *dl <= 2 => {
            calendar_date(*y, month_number(m)?, *d)
        }
        [Token::Word(m), Token::Number(d, dl), Token::Number(y, 4)] if *dl <= 2 => {
            calendar_date(*y, month_number(m)?, *d)
        }
        _ => None,
    }
}

/// Whether `word` (lowercase) names a month in one of the languages above.
pub fn is_month(word: &str) -> bool {
    month_number(word).is_some()
}

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, n)| n)
}

pub(super) fn calendar_date(year: u32, month: u32, day: u32) -> Option<String> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    ((1990..=2100).contains(&year)
        && (1..=12).contains(&month)
        && (1..=days_in_month).contains(&day))
    .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[derive(Debug, PartialEq)]
enum Token {
    /// A number and how many digits it was written with.
    Number(u32, usize),
    Word(String),
    Separator(char),
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut digits = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            if digits.len() <= 4 {
                tokens.push(Token::Number(digits.parse().unwrap_or(0), digits.len()));
            }
        } else if c.is_alphabetic() && !matches!(c, '年' | '月' | '日') {
            let mut word = String::new();
            while let Some(&w) = chars
                .peek()
                .filter(|w| w.is_alphabetic() && !matches!(w, '年' | '月' | '日'))
            {
                word.extend(w.to_lowercase());
                chars.next();
            }
            tokens.push(Token::Word(word));
        } else {
            chars.next();
            if !c.is_whitespace() && c != ',' {
                tokens.push(Token::Separator(c));
            }
        }
        if tokens.len() > 400 {
            break;
        }
    }
    tokens
}

/// The other words of a date line (lowercase, whole words): "published", "updated", "on", "at",
/// times, time zones, weekdays and the little words between them, in English, Portuguese,
/// Spanish, French, German, Polish, Russian, Arabic, Chinese and Japanese, Italian and Dutch.
/// Words that stand beside a date in a dateline (published, on, at, weekdays, time zones), in
/// the corpora's languages; `byline` skips them too.
pub(super) const DATE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "first",
    "last",
    "modified",
    "on",
    "at",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "est",
    "edt",
    "cst",
    "cdt",
    "pst",
    "pdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "ist",
    "et",
    "pt",
    "ct",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "de",
    "às",
    "h",
    "le",
    "am",
    "um",
    "uhr",
    "el",
    "del",
    "th",
    "st",
    "nd",
    "rd",
    "segunda",
    "terça",
    "quarta",
    "quinta",
    "sexta",
    "feira",
    "sábado",
    "domingo",
    "atualizado",
    "atualizada",
    "publicada",
    "em",
    "publicado",
    "actualizado",
    "modificado",
    "las",
    "los",
    "hs",
    "hrs",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "publié",
    "publiée",
    "modifié",
    "mis",
    "mise",
    "à",
    "jour",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "veröffentlicht",
    "publiziert",
    "aktualisiert",
    "geändert",
    "zuletzt",
    "erstellt",
    "stand",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "opublikowano",
    "zaktualizowano",
    "aktualizacja",
    "data",
    "publikacji",
    "dodano",
    "godz",
    "r",
    "o",
    "dnia",
    "poniedziałek",
    "wtorek",
    "środa",
    "czwartek",
    "piątek",
    "sobota",
    "niedziela",
    "опубликовано",
    "обновлено",
    "изменено",
    "дата",
    "публикации",
    "обновления",
    "в",
    "г",
    "года",
    "мск",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
    "نشر",
    "نُشر",
    "نشرت",
    "تم",
    "النشر",
    "تحديث",
    "التحديث",
    "آخر",
    "بتاريخ",
    "في",
    "الساعة",
    "ص",
    "م",
    "صباحا",
    "مساء",
    "الأول",
    "الثاني",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
    "发布",
    "发布于",
    "发布时间",
    "發佈",
    "發布",
    "发表于",
    "發表於",
    "更新",
    "更新于",
    "更新时间",
    "更新時間",
    "日期",
    "时间",
    "時間",
    "上午",
    "下午",
    "星期一",
    "星期二",
    "星期三",
    "星期四",
    "星期五",
    "星期六",
    "星期日",
    "星期天",
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
    "周六",
    "周日",
    "公開",
    "公開日",
    "更新日",
    "投稿日",
    "掲載",
    "配信",
    "午前",
    "午後",
    "月曜日",
    "火曜日",
    "水曜日",
    "木曜日",
    "金曜日",
    "土曜日",
    "日曜日",
    "月",
    "火",
    "水",
    "木",
    "金",
    "土",
    "日",
    "pubblicato",
    "aggiornato",
    "alle",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
    "gepubliceerd",
    "bijgewerkt",
    "op",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_corpora_languages() {
        for (text, date) in [
            ("Veröffentlicht am 3. März 2021, 10:15 Uhr", "2021-03-03"),
            ("Erstellt am 06.05.2014", "2014-05-06"),
            ("Posted on March 12, 2021 by Ann", "2021-03-12"),
            ("12 de marzo de 2021", "2021-03-12"),
            ("le 12 mars 2021", "2021-03-12"),
            ("opublikowano: 12 marca 2021", "2021-03-12"),
            ("12 марта 2021 г.", "2021-03-12"),
            ("2021年3月12日 10:00", "2021-03-12"),
            ("2021-03-12T10:00:00Z", "2021-03-12"),
            ("2021/03/12", "2021-03-12"),
            ("Thu, 09/25/2025 - 11:38", "2025-09-25"),
            ("13/11/2025 09:21:40", "2025-11-13"),
            ("29.02.2024", "2024-02-29"),
        ] {
            assert_eq!(date_in(text).as_deref(), Some(date), "{text}");
        }
        for text in [
            "Call 030 1234 5678",
            "3 of 12 photos",
            "Chapter 12 March",
            "99.99.2021",
            "03/04/2025",
            "13/14/2025",
            "31/02/2025",
            "29.02.2025",
        ] {
            assert_eq!(date_in(text), None, "{text}");
        }
    }
}
