//! `cargo run --release` here: extraction time of Masthead and of dom_smoothie on every page
//! of both corpora, interleaved page by page in one run, reported as ratios (Masthead ÷ peer),
//! since absolute times on a shared 2-core machine are noise.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn corpora() -> PathBuf {
    std::env::var_os("MASTHEAD_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora"))
}

fn pages() -> Vec<(String, String, String)> {
    let root = corpora();
    let mut out = Vec::new();
    let readability = root.join("readability");
    let mut dirs: Vec<_> = std::fs::read_dir(&readability)
        .expect("corpora not found")
        .flatten()
        .map(|e| e.path())
        .collect();
    dirs.sort();
    for dir in dirs {
        if let Ok(html) = std::fs::read(dir.join("source.html")) {
            let name = dir.file_name().unwrap().to_string_lossy().to_string();
            out.push((
                name.clone(),
                masthead::encoding::decode(&html),
                format!("http://fakehost/test/{name}/"),
            ));
        }
    }
    let zyte = root.join("zyte-dev");
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(zyte.join("ground-truth.json")).unwrap())
            .unwrap();
    for (key, page) in truth.as_object().unwrap() {
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(
            std::fs::File::open(zyte.join(format!("html/{key}.html.gz"))).unwrap(),
        )
        .read_to_end(&mut bytes)
        .unwrap();
        out.push((
            key.clone(),
            masthead::encoding::decode(&bytes),
            page["url"].as_str().unwrap_or("").to_string(),
        ));
    }
    out
}

/// The fastest of `rounds` runs, to keep the other core's noise out.
fn best_of(rounds: usize, mut run: impl FnMut()) -> Duration {
    (0..rounds)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed()
        })
        .min()
        .unwrap()
}

fn main() {
    let pages = pages();
    let options = masthead::Options::default();
    let mut ratios = Vec::new();
    let (mut ours_total, mut peer_total) = (Duration::ZERO, Duration::ZERO);
    for (name, html, url) in &pages {
        let ours = best_of(3, || {
            let _ = masthead::extract(html, Some(url), &options);
        });
        let peer = best_of(3, || {
            if let Ok(mut readability) =
                dom_smoothie::Readability::new(html.as_str(), Some(url.as_str()), None)
            {
                let _ = readability.parse();
            }
        });
        ours_total += ours;
        peer_total += peer;
        ratios.push((
            ours.as_secs_f64() / peer.as_secs_f64().max(1e-9),
            name.clone(),
        ));
    }
    ratios.sort_by(|a, b| a.0.total_cmp(&b.0));
    let at = |q: f64| ratios[((ratios.len() - 1) as f64 * q).round() as usize].0;
    println!("{} pages; time ratio masthead / dom_smoothie: median {:.2}, p90 {:.2}, worst {:.2} ({}); total {:.2} s vs {:.2} s",
        ratios.len(), at(0.5), at(0.9), ratios.last().unwrap().0, ratios.last().unwrap().1,
        ours_total.as_secs_f64(), peer_total.as_secs_f64());
}
