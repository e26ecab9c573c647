//! Outlet labels and wire credits, as a reader would meet them: real addresses across
//! editions, subdomains and mirrors; look-alikes that must not match; cached and archived
//! copies; and wire-credit sentences in the forms agencies and republishers write them.

use masthead::label::{find_wire_credits, label_url, ClaimedIn, MatchedBy, Tier};
use masthead::wording::Wording;
use masthead::{extract, Options};

/// (address, outlet expected or None, tier)
const ADDRESSES: &[(&str, Option<&str>, Option<Tier>)] = &[
    (
        "https://www.rt.com/news/560000-story/",
        Some("RT"),
        Some(Tier::Controlled),
    ),
    ("https://rt.com/", Some("RT"), Some(Tier::Controlled)),
    (
        "https://de.rt.com/inland/1/",
        Some("RT DE"),
        Some(Tier::Controlled),
    ),
    (
        "https://russian.rt.com/world/news/1",
        Some("RT in Russian"),
        Some(Tier::Controlled),
    ),
    (
        "https://swentr.site/news/1/",
        Some("RT"),
        Some(Tier::Controlled),
    ),
    (
        "https://freedert.online/international/1",
        Some("RT DE"),
        Some(Tier::Controlled),
    ),
    (
        "https://actualidad-rt.com/actualidad/1",
        Some("RT en Español"),
        Some(Tier::Controlled),
    ),
    (
        "https://sputnikglobe.com/20190209/guaido-1072305.html",
        Some("Sputnik International"),
        Some(Tier::Controlled),
    ),
    (
        "https://mundo.sputniknews.com/20220101/1.html",
        Some("Sputnik Mundo / Brasil"),
        Some(Tier::Controlled),
    ),
    (
        "https://sputniknews.lat/20240101/1.html",
        Some("Sputnik Mundo / Brasil"),
        Some(Tier::Controlled),
    ),
    (
        "https://sputnik.kz/20240101/1.html",
        Some("Sputnik (CIS and Caucasus editions)"),
        Some(Tier::Controlled),
    ),
    (
        "https://bel.sputnik.by/news/1",
        Some("Sputnik (CIS and Caucasus editions)"),
        Some(Tier::Controlled),
    ),
    (
        "https://sputniknews.com.tr/20240101/1.html",
        Some("Sputnik (Türkiye, Persian and Dari editions)"),
        Some(Tier::Controlled),
    ),
    (
        "https://SPUTNIKGLOBE.COM./a",
        Some("Sputnik International"),
        Some(Tier::Controlled),
    ),
    (
        "https://tass.com/politics/1",
        Some("TASS"),
        Some(Tier::Controlled),
    ),
    (
        "https://ria.ru/20240101/1.html",
        Some("RIA Novosti"),
        Some(Tier::Controlled),
    ),
    (
        "https://english.news.cn/20240101/abc/c.html",
        Some("Xinhua News Agency"),
        Some(Tier::Controlled),
    ),
    (
        "https://www.globaltimes.cn/page/202401/1.shtml",
        Some("Global Times"),
        Some(Tier::Controlled),
    ),
    (
        "https://www.presstv.ir/Detail/2024/01/01/1",
        Some("Press TV"),
        Some(Tier::Controlled),
    ),
    // Outlets the Monitor's list brings in: editions, former domains and news hosts of one outlet.
    (
        "https://arabic.people.com.cn/n3/2024/1.html",
        Some("People's Daily"),
        Some(Tier::Controlled),
    ),
    (
        "https://espanol.cgtn.com/n/2024/1.html",
        Some("CGTN"),
        Some(Tier::Controlled),
    ),
    (
        "https://www.dw.de/a-1",
        Some("Deutsche Welle"),
        Some(Tier::Independent),
    ),
    (
        "https://www.tagesschau.de/inland/1.html",
        Some("ARD"),
        Some(Tier::Independent),
    ),
    (
        "https://news.orf.at/stories/1/",
        Some("Österreichischer Rundfunk (ORF)"),
        Some(Tier::Independent),
    ),
    (
        "https://www.petra.gov.jo/Include/InnerPage.jsp?ID=1",
        Some("Jordan News Agency (PETRA)"),
        Some(Tier::Controlled),
    ),
    (
        "https://www.aps.dz/economie/1",
        Some("Algérie Presse Service (APS)"),
        Some(Tier::Controlled),
    ),
    (
        "https://azertac.az/en/news/1",
        Some("Azertac"),
        Some(Tier::Controlled),
    ),
    (
        "https://www.app.com.pk/national/1/",
        Some("Associated Press of Pakistan (APP)"),
        Some(Tier::Controlled),
    ),
    (
        "https://www.nta.ng/news/1",
        Some("Nigerian Television Authority (NTA)"),
        Some(Tier::Controlled),
    ),
    (
        "https://agenciabrasil.ebc.com.br/politica/1",
        Some("Empresa Brasil de Comunicação (EBC)"),
        Some(Tier::Controlled),
    ),
    // Addresses the Monitor gives that are not the outlet's own.
    ("https://www.socar.az/en/page/1", None, None),
    ("https://exame.com/negocios/1/", None, None),
    (
        "https://www.1tv.ru/news/1",
        Some("Channel One Russia"),
        Some(Tier::Captured),
    ),
    (
        "https://www.dailysabah.com/politics/1",
        Some("Daily Sabah"),
        Some(Tier::Captured),
    ),
    (
        "https://www.bbc.com/news/world-1",
        Some("BBC"),
        Some(Tier::Independent),
    ),
    (
        "https://www.bbc.co.uk/news/uk-1",
        Some("BBC"),
        Some(Tier::Independent),
    ),
    (
        "https://www.bbc.com/persian/articles/c1",
        Some("BBC World Service (incl. BBC Persian, BBC Arabic, BBC Russian)"),
        Some(Tier::Independent),
    ),
    (
        "https://www.dw.com/en/story/a-1",
        Some("Deutsche Welle"),
        Some(Tier::Independent),
    ),
    (
        "https://www.aljazeera.com/news/2024/1/1/x",
        Some("Al Jazeera"),
        Some(Tier::Controlled),
    ),
    (
        "https://www.svoboda.org/a/1.html",
        Some("Radio Free Europe/Radio Liberty"),
        Some(Tier::Independent),
    ),
    // A Unicode host, encoded as the v2fly list gives it (xn--fiq53l6wcx3kp9bc7joo6apn8a.cn).
    (
        "https://中国广播电视总台.cn/news/1",
        Some("CCTV"),
        Some(Tier::Controlled),
    ),
    // An outlet's other addresses: its former domain, its fact-checking site.
    (
        "https://www.dw-world.de/dw/article/0,,1234,00.html",
        Some("Deutsche Welle"),
        Some(Tier::Independent),
    ),
    (
        "https://www.polygraph.info/a/fact-check/1.html",
        Some("Voice of America"),
        Some(Tier::Independent),
    ),
    // Copies through someone else's address keep the outlet's label.
    (
        "https://webcache.googleusercontent.com/search?q=cache:Xy1AbC-d2EfJ:https://sputnikglobe.com/20190209/1.html",
        Some("Sputnik International"),
        Some(Tier::Controlled),
    ),
    (
        "https://www.google.com/amp/s/www.rt.com/news/1/amp/",
        Some("RT"),
        Some(Tier::Controlled),
    ),
    (
        "https://translate.google.com/translate?sl=auto&tl=en&u=https%3A%2F%2Fwww.presstv.ir%2FDetail%2F1",
        Some("Press TV"),
        Some(Tier::Controlled),
    ),
    (
        "https://arquivo.pt/wayback/20220301000000/https://www.rt.com/news/1/",
        Some("RT"),
        Some(Tier::Controlled),
    ),
    // Look-alikes and ordinary outlets: no label.
    ("https://art.com/rt.com", None, None),
    ("https://www.rt.com.au/news", None, None),
    ("https://support.com/", None, None),
    ("https://sputnik-tours.com/moscow", None, None),
    // Rostelecom, the telecom operator, on rt.ru: its customer pages are not RT's.
    ("https://lk.rt.ru/", None, None),
    ("https://msk.rt.ru/packages/tariffs", None, None),
    ("https://www.company.rt.ru/press/news/", None, None),
    ("https://rt.example.org/news", None, None),
    ("https://notrt.com/", None, None),
    ("https://www.example.com/?u=https://rt.com", None, None),
    (
        "https://www.nytimes.com/2024/01/01/world/x.html",
        None,
        None,
    ),
    ("https://www.bbc.com.evil.example/news", None, None),
    // Copies that carry the original address.
    (
        "https://www-rt-com.cdn.ampproject.org/c/s/www.rt.com/news/1/amp/",
        Some("RT"),
        Some(Tier::Controlled),
    ),
    (
        "https://web.archive.org/web/20220301000000/https://sputniknews.com/20220301/1.html",
        Some("Sputnik International"),
        Some(Tier::Controlled),
    ),
    (
        "https://archive.ph/2023.01.01-000000/https://tass.com/politics/1",
        Some("TASS"),
        Some(Tier::Controlled),
    ),
    (
        "https://de-rt-com.translate.goog/inland/1/?_x_tr_sl=de&_x_tr_tl=en",
        Some("RT DE"),
        Some(Tier::Controlled),
    ),
    (
        "https://web.archive.org/web/20220301000000/https://www.nytimes.com/",
        None,
        None,
    ),
];

#[test]
fn addresses_resolve_to_the_right_outlet() {
    let mut failures = Vec::new();
    for (address, outlet, tier) in ADDRESSES {
        let label = label_url(address);
        let got = (
            label.as_ref().map(|l| l.outlet.as_str()),
            label.as_ref().map(|l| l.tier),
        );
        if got != (*outlet, *tier) {
            failures.push(format!(
                "{address}: expected {outlet:?} {tier:?}, got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("{} addresses checked", ADDRESSES.len());
}

#[test]
fn the_route_to_the_original_is_reported() {
    let route = |a: &str| label_url(a).unwrap().matched_by;
    assert_eq!(route("https://www.rt.com/a"), MatchedBy::Host);
    assert_eq!(
        route("https://www-rt-com.cdn.ampproject.org/c/s/www.rt.com/a"),
        MatchedBy::AmpCache
    );
    assert_eq!(
        route("https://web.archive.org/web/2022/https://www.rt.com/a"),
        MatchedBy::WebArchive
    );
    assert_eq!(
        route("https://www-rt-com.translate.goog/a"),
        MatchedBy::TranslationProxy
    );
}

#[test]
fn labels_carry_flags_and_sources() {
    let rt = label_url("https://www.rt.com/a").unwrap();
    assert_eq!(rt.country_name, "Russia");
    assert_eq!(
        rt.sanctions.as_ref().map(|s| s.since.as_str()),
        Some("2022-03-02")
    );
    assert!(rt.sources.iter().all(|s| s.starts_with("http")) && !rt.sources.is_empty());
    let aj = label_url("https://www.aljazeera.com/a").unwrap();
    assert!(
        aj.contested.is_some(),
        "Al Jazeera is contested between labelers"
    );
    let bbc = label_url("https://www.bbc.com/news/a").unwrap();
    assert!(
        bbc.summary
            .contains("publicly funded, editorially independent"),
        "{}",
        bbc.summary
    );
    assert!(!bbc.summary.to_lowercase().contains("state-controlled"));
    assert!(bbc.sanctions.is_none());
    let tass = label_url("https://tass.com/a").unwrap();
    assert!(tass.sanctions.is_none(), "TASS is not on the EU's Annex XV");
}

fn credits(paragraphs: &[&str]) -> Vec<String> {
    let owned: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
    find_wire_credits(&owned, None, None, &Wording::english())
        .into_iter()
        .map(|c| c.agency)
        .collect()
}

#[test]
fn wire_copy_is_recognised_in_its_credit_forms() {
    let carried: &[(&str, &str)] = &[
        ("BEIJING, Sept. 2 (Xinhua) -- Chinese President Xi Jinping on Monday met the visiting prime minister.", "Xinhua"),
        ("LISBOA, 18 jun (Xinhua) -- El presidente portugués dijo el martes que el país apoyaba el acuerdo.", "Xinhua"),
        ("BRUSSELS, May 17. /TASS/. The European Union is preparing a new package of sanctions, a source said.", "TASS"),
        ("МОСКВА, 1 янв — РИА Новости. Президент России поздравил граждан с Новым годом.", "RIA Novosti"),
        ("MOSCOW (Sputnik) — The Russian Foreign Ministry said on Tuesday that talks would continue.", "Sputnik"),
        ("MOSCOW (UrduPoint News / Sputnik - 06th August, 2020) Russia has registered a new vaccine, officials said.", "Sputnik"),
        ("The minister at a news conference in Moscow. © Sputnik / Ilya Pitalev", "Sputnik"),
        ("ORIGINALLY PUBLISHED AT RT.COM", "RT"),
        ("Read Full Article at RT.com", "RT"),
        ("TEHRAN (IRNA) - Iran's foreign minister arrived in Beirut on Friday for talks.", "IRNA"),
        ("Damascus, SANA- President al-Assad received a message from the Iranian leader.", "SANA"),
        ("Riyadh, January 1, 2024, SPA -- The Custodian of the Two Holy Mosques issued a royal order.", "SPA"),
        ("ABU DHABI, 1st January, 2024 (WAM) -- The President received a phone call today.", "WAM"),
        ("Pyongyang, January 1 (KCNA) -- The Korean people celebrated the new year.", "KCNA"),
        ("ANKARA (AA) - Turkish lawmakers approved the bill on Thursday.", "Anadolu Agency"),
        ("(With files from Sputnik | Reuters | AFP)", "Sputnik"),
        ("(Xinhua)", "Xinhua"),
        ("Source: Xinhua | Editor: Li Ming", "Xinhua"),
        ("Press TV original title: Iran says talks are serious", "Press TV"),
        ("SEOUL, Aug. 24 (Yonhap) -- North Korea fired a ballistic missile, the military said.", "Yonhap"),
    ];
    for (paragraph, agency) in carried {
        assert_eq!(
            credits(&[paragraph]).join("|"),
            *agency,
            "should credit {agency}: {paragraph}"
        );
    }
}

#[test]
fn mentions_and_bare_words_are_not_carriage() {
    let mentioned: &[&str] = &[
        "State-run Press TV said the talks had ended without agreement.",
        "According to Xinhua, the meeting lasted two hours.",
        "Xinhua reported that the president would travel to Africa next week.",
        "The RT channel has been banned in the European Union since 2022.",
        "She RT'd the post and the SPA owner replied.",
        "Sputnik V was the first registered COVID-19 vaccine.",
        "The Sputnik satellite launched in 1957 changed the space race.",
        "TASS, the Russian news agency, quoted an unnamed source.",
        "WASHINGTON (AP) — The Senate passed the bill late on Friday.",
        "LONDON (Reuters) - British inflation fell in March, data showed.",
        "ROME (ANSA) - Italy's government approved the budget.",
        "TOKYO (Kyodo) -- Japan's economy grew in the third quarter.",
        "Researchers used iRNA to silence the gene, Sana said.",
        "He travelled to Sana'a (Yemen) — a long journey — last year.",
        "The MENA region (Middle East and North Africa) saw growth of 3 percent.",
        "A spokesman told Tasnim that the report was false, in an interview that ran for an hour on state television.",
        "In the conversation, which was long and detailed and covered many subjects, he said (Xinhua) -- was the source.",
    ];
    for paragraph in mentioned {
        assert!(
            credits(&[paragraph]).is_empty(),
            "a mention, not carriage: {paragraph} → {:?}",
            credits(&[paragraph])
        );
    }
}

#[test]
fn datelines_count_only_at_the_top() {
    let mut paragraphs = vec!["A long opening paragraph about the weather and the markets."; 5];
    paragraphs.push("BEIJING, Sept. 2 (Xinhua) -- quoted later as an example of a dateline.");
    assert!(credits(&paragraphs).is_empty());
}

#[test]
fn an_agency_byline_is_carriage_and_own_copy_is_not_reported() {
    let paragraphs = vec!["The talks will continue next week, officials said.".to_string()];
    let found = find_wire_credits(&paragraphs, Some("Xinhua"), None, &Wording::english());
    assert_eq!(
        found[0].summary,
        "This article carries copy from Xinhua, China's state news agency."
    );
    assert_eq!(found[0].tier, Tier::Controlled);
    // On Sputnik's own site, a "© Sputnik" photo credit is no news.
    let caption = vec!["The minister in Moscow. © Sputnik / Ilya Pitalev".to_string()];
    assert!(find_wire_credits(
        &caption,
        None,
        Some("Sputnik International"),
        &Wording::english()
    )
    .is_empty());
    assert!(find_wire_credits(
        &caption,
        None,
        Some("Sputnik (CIS and Caucasus editions)"),
        &Wording::english()
    )
    .is_empty());
}

const STORY: &str = r#"<html><head><title>Talks to continue</title>
<meta property="og:site_name" content="Daily Example"></head><body><article><h1>Talks to continue</h1>
<p>BEIJING, Sept. 2 (Xinhua) -- Chinese and visiting officials agreed on Monday to continue talks next week,
according to a statement released after the meeting, which lasted several hours and covered trade.</p>
<p>The statement said both sides valued the relationship and would work to expand cooperation in many areas,
including agriculture, energy, infrastructure and education, over the coming years.</p>
<p>Officials did not give details of the next round, but said it would be held in the capital.</p>
</article></body></html>"#;

#[test]
fn an_ordinary_outlet_carrying_xinhua_gets_no_outlet_label_but_a_wire_note() {
    let article = extract(
        STORY,
        Some("https://www.dailyexample.com/world/talks"),
        &Options::default(),
    )
    .unwrap();
    assert!(article.affiliation.is_none());
    assert_eq!(article.wire_credits.len(), 1);
    assert_eq!(article.wire_credits[0].agency, "Xinhua");
    assert!(article.wire_credits[0]
        .evidence
        .starts_with("BEIJING, Sept. 2 (Xinhua) --"));
}

#[test]
fn a_page_claim_is_reported_and_never_lends_the_label() {
    let html = STORY.replace("Daily Example", "Press TV");
    for address in [
        "https://mirror.example/talks",
        "https://www.dailyexample.com/talks",
    ] {
        let article = extract(&html, Some(address), &Options::default()).unwrap();
        assert!(
            article.affiliation.is_none(),
            "{address}: a claim is not a label"
        );
        let claim = article.name_claim.unwrap();
        assert_eq!(
            (claim.outlet.as_str(), claim.claimed_in),
            ("Press TV", ClaimedIn::SiteName)
        );
        assert!(claim
            .summary
            .starts_with("This page calls itself Press TV;"));
    }
    // On the outlet's own address the same page gets the label, and no claim note.
    let article = extract(
        &html,
        Some("https://www.presstv.ir/Detail/2026/01/01/1/talks"),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(article.affiliation.unwrap().matched_by, MatchedBy::Host);
    assert!(article.name_claim.is_none());
    let syndicated = STORY.replace(
        "<title>",
        r#"<link rel="canonical" href="https://www.globaltimes.cn/page/1.shtml"><title>"#,
    );
    let article = extract(
        &syndicated,
        Some("https://news.yahoo.com/talks-1.html"),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(
        article.affiliation.map(|a| a.matched_by),
        Some(MatchedBy::Canonical)
    );
    let article = extract(
        &syndicated,
        Some("https://blog.example/talks"),
        &Options::default(),
    )
    .unwrap();
    assert!(
        article.affiliation.is_none(),
        "a canonical link on an ordinary host is not trusted"
    );
    assert_eq!(article.name_claim.unwrap().claimed_in, ClaimedIn::Canonical);
}

#[test]
fn an_archive_listing_is_not_a_copy_of_the_outlet() {
    for listing in [
        "https://web.archive.org/web/*/rt.com*",
        "https://archive.ph/https://www.rt.com/",
    ] {
        assert!(label_url(listing).is_none(), "{listing}");
    }
    let copy = label_url("https://web.archive.org/web/20220301000000/https://www.rt.com/news/1/");
    assert_eq!(copy.unwrap().matched_by, MatchedBy::WebArchive);
}
