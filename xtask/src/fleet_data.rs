//! `cargo xtask fleet-data`: `static/data/fleet.json`, the public distributions of hardware and
//! browsers (Steam's survey, caniuse, MDN's compatibility data), from the hand-kept numbers in
//! `xtask/data/fleet_sources.json`, each with its source and date.
//!
//! The sources file keeps every number as its source publishes it (percent written as a
//! fraction) with the source's terms and notes; the generated file keeps what the page shows:
//! per distribution its id, what it counts, of whom, the date, the source and the buckets.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

/// The hand-kept sources, relative to the repository root.
pub const SOURCES: &str = "xtask/data/fleet_sources.json";
/// The generated file, relative to the repository root.
pub const FLEET: &str = "static/data/fleet.json";

/// How far the shares of a distribution without a catch-all row may sum from 1.
const SUM_LOW: f64 = 0.9;
const SUM_HIGH: f64 = 1.1;

/// Checks the sources and writes the generated file.
pub fn run(root: &Path) -> Result<()> {
    let path = root.join(SOURCES);
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let sources: FleetSources =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    let fleet = fleet_json(&sources)?;
    let out = root.join(FLEET);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out, &fleet).with_context(|| format!("writing {}", out.display()))?;
    println!(
        "wrote {FLEET} ({} bytes): {} distributions, {} support tables, {} missing",
        fleet.len(),
        sources.distributions.len(),
        sources.support.len(),
        sources.missing.len()
    );
    Ok(())
}

/// The hand-kept file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FleetSources {
    #[serde(rename = "_comment", default)]
    pub comment: String,
    /// When the sources were read.
    pub read_on: String,
    pub distributions: Vec<Distribution>,
    #[serde(default)]
    pub support: Vec<SupportTable>,
    /// What was looked for and not found, said plainly.
    #[serde(default)]
    pub missing: Vec<Missing>,
}

/// One published distribution: shares of a population by one quantity.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Distribution {
    pub id: String,
    pub what: String,
    pub population: String,
    /// A monthly source's month, `YYYY-MM`.
    #[serde(default)]
    pub month: Option<String>,
    /// Any other source's date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    pub source: String,
    /// Where the numbers were read, when not from the source itself.
    #[serde(default)]
    pub via: Option<String>,
    #[serde(default)]
    pub via_detail: Option<String>,
    pub licence: String,
    pub notes: String,
    pub unit: Unit,
    pub buckets: Vec<Bucket>,
}

/// What each bucket of a distribution is counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Memory or disk: `value_gib`, or a range `min_gib`/`max_gib`.
    Gib,
    /// CPU cores: `cores`.
    Cores,
    /// Browsers: `browser` (caniuse's agent id), with `webgpu` where it says so.
    Browser,
}

/// WebGPU's state in a browser bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WebGpu {
    On,
    Partial,
    Off,
}

/// One row of a distribution, as its source labels it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Bucket {
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_gib: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_gib: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_gib: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cores: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browser: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webgpu: Option<WebGpu>,
    /// The source's own catch-all row ("Other", "Unknown").
    #[serde(default, skip_serializing_if = "is_false")]
    pub other: bool,
    /// The share of the population, 0 to 1.
    pub share: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A support table without shares (which browser versions have a feature, on which platforms).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SupportTable {
    pub id: String,
    pub what: String,
    pub date: String,
    pub source: String,
    #[serde(default, skip_serializing)]
    pub via: Option<String>,
    #[serde(skip_serializing)]
    pub licence: String,
    #[serde(skip_serializing)]
    pub notes: String,
    pub rows: Vec<SupportRow>,
}

/// One support statement: from which version a browser has the feature (`None`: never).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SupportRow {
    pub browser: String,
    pub version_added: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_last: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub partial: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A distribution looked for and not found.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Missing {
    pub id: String,
    pub what: String,
    pub notes: String,
}

/// What the page reads of a distribution.
#[derive(Serialize)]
struct FleetDistribution<'a> {
    id: &'a str,
    what: &'a str,
    population: &'a str,
    date: &'a str,
    source: &'a str,
    unit: Unit,
    buckets: &'a [Bucket],
}

#[derive(Serialize)]
struct FleetFile<'a> {
    read_on: &'a str,
    distributions: Vec<FleetDistribution<'a>>,
    support: &'a [SupportTable],
    missing: &'a [Missing],
}

impl Distribution {
    /// The month or date, whichever the source gives.
    pub fn when(&self) -> &str {
        self.month.as_deref().or(self.date.as_deref()).unwrap_or("")
    }
}

/// The generated file's text (compact JSON and a newline), once every source passes [`validate`].
pub fn fleet_json(sources: &FleetSources) -> Result<String> {
    let problems = validate(sources);
    if !problems.is_empty() {
        bail!(
            "{SOURCES} has {} problem(s):\n  {}",
            problems.len(),
            problems.join("\n  ")
        );
    }
    let file = FleetFile {
        read_on: &sources.read_on,
        distributions: sources
            .distributions
            .iter()
            .map(|d| FleetDistribution {
                id: &d.id,
                what: &d.what,
                population: &d.population,
                date: d.when(),
                source: &d.source,
                unit: d.unit,
                buckets: &d.buckets,
            })
            .collect(),
        support: &sources.support,
        missing: &sources.missing,
    };
    let mut text = serde_json::to_string(&file)?;
    text.push('\n');
    Ok(text)
}

/// Every problem with the sources, each naming where it is; empty when they are sound.
pub fn validate(sources: &FleetSources) -> Vec<String> {
    let mut problems = Vec::new();
    if sources.comment.trim().is_empty() {
        problems.push("_comment is empty: say what the file holds".to_string());
    }
    if !is_date(&sources.read_on) {
        problems.push(format!(
            "read_on '{}' is not a YYYY-MM-DD date",
            sources.read_on
        ));
    }
    if sources.distributions.is_empty() {
        problems.push("no distributions".to_string());
    }
    let mut ids = HashSet::new();
    for d in &sources.distributions {
        check_id(&d.id, &mut ids, &mut problems);
        validate_distribution(d, &mut problems);
    }
    for table in &sources.support {
        let at = &table.id;
        check_id(at, &mut ids, &mut problems);
        for (name, text) in [
            ("what", &table.what),
            ("licence", &table.licence),
            ("notes", &table.notes),
        ] {
            if text.trim().is_empty() {
                problems.push(format!("{at}: {name} is empty"));
            }
        }
        if !is_date(&table.date) {
            problems.push(format!("{at}: date '{}' is not YYYY-MM-DD", table.date));
        }
        check_url(at, "source", &table.source, &mut problems);
        if let Some(via) = &table.via {
            check_url(at, "via", via, &mut problems);
        }
        if table.rows.is_empty() {
            problems.push(format!("{at}: no rows"));
        }
        for row in &table.rows {
            if row.browser.trim().is_empty() {
                problems.push(format!("{at}: a row names no browser"));
            }
        }
    }
    for missing in &sources.missing {
        check_id(&missing.id, &mut ids, &mut problems);
        if missing.what.trim().is_empty() || missing.notes.trim().is_empty() {
            problems.push(format!(
                "{}: a missing source must say what and why",
                missing.id
            ));
        }
    }
    problems
}

fn validate_distribution(d: &Distribution, problems: &mut Vec<String>) {
    let at = &d.id;
    for (name, text) in [
        ("what", &d.what),
        ("population", &d.population),
        ("licence", &d.licence),
        ("notes", &d.notes),
    ] {
        if text.trim().is_empty() {
            problems.push(format!("{at}: {name} is empty"));
        }
    }
    match (&d.month, &d.date) {
        (Some(month), None) if is_month(month) => {}
        (None, Some(date)) if is_date(date) => {}
        (None, None) => problems.push(format!("{at}: no month or date")),
        (Some(_), Some(_)) => problems.push(format!("{at}: both a month and a date")),
        (Some(when), None) | (None, Some(when)) => problems.push(format!(
            "{at}: '{when}' is not a YYYY-MM month or YYYY-MM-DD date"
        )),
    }
    check_url(at, "source", &d.source, problems);
    if let Some(via) = &d.via {
        check_url(at, "via", via, problems);
        if d.via_detail.as_deref().is_none_or(|t| t.trim().is_empty()) {
            problems.push(format!(
                "{at}: via is given without via_detail saying what was read there"
            ));
        }
    }
    if d.buckets.is_empty() {
        problems.push(format!("{at}: no buckets"));
        return;
    }
    let mut labels = HashSet::new();
    let mut sum = 0.0;
    for bucket in &d.buckets {
        let label = &bucket.label;
        if label.trim().is_empty() {
            problems.push(format!("{at}: a bucket has no label"));
        } else if !labels.insert(label.as_str()) {
            problems.push(format!("{at}: bucket '{label}' twice"));
        }
        if !(bucket.share.is_finite() && (0.0..=1.0).contains(&bucket.share)) {
            problems.push(format!(
                "{at}: bucket '{label}' has share {} outside 0-1",
                bucket.share
            ));
        } else {
            sum += bucket.share;
        }
        if let Some(problem) = quantity_problem(d.unit, bucket) {
            problems.push(format!("{at}: bucket '{label}' {problem}"));
        }
    }
    let has_other = d.buckets.iter().any(|b| b.other);
    if sum > SUM_HIGH || (sum < SUM_LOW && !has_other) {
        problems.push(format!(
            "{at}: shares sum to {sum:.4}, outside {SUM_LOW}-{SUM_HIGH} and with no 'other' bucket to say why"
        ));
    }
}

/// Why a bucket does not say what it counts in its distribution's unit, if it does not.
fn quantity_problem(unit: Unit, bucket: &Bucket) -> Option<&'static str> {
    let gib = [bucket.value_gib, bucket.min_gib, bucket.max_gib];
    let has_gib = gib.iter().any(Option::is_some);
    if gib.iter().flatten().any(|v| !(v.is_finite() && *v > 0.0)) {
        return Some("has a size that is not positive");
    }
    if let (Some(low), Some(high)) = (bucket.min_gib, bucket.max_gib) {
        if low >= high {
            return Some("has min_gib at or above max_gib");
        }
    }
    if bucket.value_gib.is_some() && (bucket.min_gib.is_some() || bucket.max_gib.is_some()) {
        return Some("has both a size and a range");
    }
    let (fits, foreign) = match unit {
        Unit::Gib => (
            has_gib,
            bucket.cores.is_some() || bucket.browser.is_some() || bucket.webgpu.is_some(),
        ),
        Unit::Cores => (
            bucket.cores.is_some_and(|c| c > 0),
            has_gib || bucket.browser.is_some() || bucket.webgpu.is_some(),
        ),
        Unit::Browser => (
            bucket
                .browser
                .as_deref()
                .is_some_and(|b| !b.trim().is_empty()),
            has_gib || bucket.cores.is_some(),
        ),
    };
    if foreign {
        Some("carries a quantity of another unit")
    } else if fits || bucket.other {
        None
    } else {
        Some("says nothing of its distribution's unit and is not marked 'other'")
    }
}

fn check_id(id: &str, ids: &mut HashSet<String>, problems: &mut Vec<String>) {
    let well_formed = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !well_formed {
        problems.push(format!(
            "id '{id}' is not lower-case letters, digits and '_'"
        ));
    }
    if !ids.insert(id.to_string()) {
        problems.push(format!("id '{id}' twice"));
    }
}

fn check_url(at: &str, name: &str, url: &str, problems: &mut Vec<String>) {
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(' ') {
        problems.push(format!("{at}: {name} '{url}' is not an http(s) URL"));
    }
}

/// `YYYY-MM`.
fn is_month(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.is_ascii()
        && bytes.len() == 7
        && bytes[4] == b'-'
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && matches!(text[5..].parse::<u8>(), Ok(1..=12))
}

/// `YYYY-MM-DD`.
fn is_date(text: &str) -> bool {
    text.is_ascii()
        && text.len() == 10
        && text.as_bytes()[7] == b'-'
        && is_month(&text[..7])
        && text[8..].bytes().all(|b| b.is_ascii_digit())
        && matches!(text[8..].parse::<u8>(), Ok(1..=31))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn committed() -> FleetSources {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/fleet_sources.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn bucket(label: &str, value_gib: f64, share: f64) -> Bucket {
        Bucket {
            label: label.to_string(),
            value_gib: Some(value_gib),
            min_gib: None,
            max_gib: None,
            cores: None,
            browser: None,
            webgpu: None,
            other: false,
            share,
            note: None,
        }
    }

    fn small() -> FleetSources {
        FleetSources {
            comment: "test sources".to_string(),
            read_on: "2026-12-07".to_string(),
            distributions: vec![Distribution {
                id: "ram".to_string(),
                what: "System RAM".to_string(),
                population: "Survey takers".to_string(),
                month: Some("2026-04".to_string()),
                date: None,
                source: "https://example.org/survey".to_string(),
                via: None,
                via_detail: None,
                licence: "none stated".to_string(),
                notes: "as published".to_string(),
                unit: Unit::Gib,
                buckets: vec![bucket("8 GB", 8.0, 0.4), bucket("16 GB", 16.0, 0.6)],
            }],
            support: Vec::new(),
            missing: Vec::new(),
        }
    }

    fn problems_of(change: impl FnOnce(&mut FleetSources)) -> Vec<String> {
        let mut sources = small();
        change(&mut sources);
        validate(&sources)
    }

    #[test]
    fn the_committed_sources_are_sound() {
        let sources = committed();
        assert_eq!(validate(&sources), Vec::<String>::new());
        for id in [
            "steam_ram",
            "steam_vram",
            "steam_cpu_cores",
            "steam_free_disk",
            "web_webgpu",
            "web_browsers",
        ] {
            assert!(
                sources.distributions.iter().any(|d| d.id == id),
                "{id} is missing"
            );
        }
        assert!(sources.missing.iter().any(|m| m.id == "phone_ram"));
    }

    #[test]
    fn the_committed_file_is_what_the_sources_give() {
        let fresh = fleet_json(&committed()).unwrap();
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../static/data/fleet.json");
        let written = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            written == fresh,
            "static/data/fleet.json is stale: run `cargo xtask fleet-data`"
        );
    }

    #[test]
    fn the_output_is_compact_and_keeps_what_the_page_shows() {
        let text = fleet_json(&small()).unwrap();
        assert!(text.ends_with('\n') && !text.trim_end().contains('\n'));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let d = &value["distributions"][0];
        assert_eq!(d["id"], "ram");
        assert_eq!(d["date"], "2026-04");
        assert_eq!(d["source"], "https://example.org/survey");
        assert_eq!(d["population"], "Survey takers");
        assert_eq!(d["unit"], "gib");
        assert_eq!(d["buckets"][1]["value_gib"], 16.0);
        assert_eq!(d["buckets"][1]["share"], 0.6);
        assert!(d.get("licence").is_none() && d.get("notes").is_none());
        assert!(d["buckets"][0].get("cores").is_none() && d["buckets"][0].get("other").is_none());
    }

    #[test]
    fn a_sound_small_file_passes() {
        assert_eq!(validate(&small()), Vec::<String>::new());
    }

    #[test]
    fn a_share_outside_zero_to_one_is_named() {
        for share in [-0.1, 1.5, f64::NAN] {
            let problems = problems_of(|s| s.distributions[0].buckets[0].share = share);
            assert!(
                problems
                    .iter()
                    .any(|p| p.contains("'8 GB'") && p.contains("0-1")),
                "{share}: {problems:?}"
            );
        }
    }

    #[test]
    fn shares_far_from_one_need_an_other_bucket() {
        let low = problems_of(|s| s.distributions[0].buckets[1].share = 0.3);
        assert!(low.iter().any(|p| p.contains("sum to 0.7000")), "{low:?}");
        let high = problems_of(|s| s.distributions[0].buckets[1].share = 0.9);
        assert!(high.iter().any(|p| p.contains("sum to 1.3000")), "{high:?}");
        let explained = problems_of(|s| {
            s.distributions[0].buckets[1].share = 0.3;
            let mut other = bucket("Other", 1.0, 0.05);
            other.value_gib = None;
            other.other = true;
            s.distributions[0].buckets.push(other);
        });
        assert_eq!(explained, Vec::<String>::new());
        let still_too_high = problems_of(|s| {
            s.distributions[0].buckets[1].share = 0.9;
            s.distributions[0].buckets[0].other = true;
        });
        assert!(!still_too_high.is_empty());
    }

    #[test]
    fn a_missing_or_malformed_date_is_named() {
        let none = problems_of(|s| s.distributions[0].month = None);
        assert!(none.iter().any(|p| p.contains("no month or date")));
        let both = problems_of(|s| s.distributions[0].date = Some("2026-04-30".to_string()));
        assert!(both.iter().any(|p| p.contains("both")));
        for bad in ["April 2026", "2026-13", "2026-4"] {
            let problems = problems_of(|s| s.distributions[0].month = Some(bad.to_string()));
            assert!(
                problems.iter().any(|p| p.contains(bad)),
                "{bad}: {problems:?}"
            );
        }
        let day = problems_of(|s| {
            s.distributions[0].month = None;
            s.distributions[0].date = Some("2026-12-04".to_string());
        });
        assert_eq!(day, Vec::<String>::new());
        let read_on = problems_of(|s| s.read_on = "soon".to_string());
        assert!(read_on.iter().any(|p| p.contains("read_on")));
    }

    #[test]
    fn every_source_must_be_an_http_url() {
        for bad in [
            "store.steampowered.com/hwsurvey",
            "ftp://example.org",
            "",
            "see Valve",
        ] {
            let problems = problems_of(|s| s.distributions[0].source = bad.to_string());
            assert!(problems.iter().any(|p| p.contains("not an http")), "{bad}");
        }
        let via = problems_of(|s| s.distributions[0].via = Some("a mirror".to_string()));
        assert!(via.iter().any(|p| p.contains("via 'a mirror'")));
        let undetailed = problems_of(|s| {
            s.distributions[0].via = Some("https://github.com/example/mirror".to_string())
        });
        assert!(undetailed.iter().any(|p| p.contains("via_detail")));
    }

    #[test]
    fn a_bucket_must_say_what_it_counts() {
        let none = problems_of(|s| s.distributions[0].buckets[0].value_gib = None);
        assert!(
            none.iter().any(|p| p.contains("not marked 'other'")),
            "{none:?}"
        );
        let foreign = problems_of(|s| s.distributions[0].buckets[0].cores = Some(8));
        assert!(foreign.iter().any(|p| p.contains("another unit")));
        let cores = problems_of(|s| {
            s.distributions[0].unit = Unit::Cores;
            for (b, cores) in s.distributions[0].buckets.iter_mut().zip([4, 8]) {
                b.value_gib = None;
                b.cores = Some(cores);
            }
        });
        assert_eq!(cores, Vec::<String>::new());
        let range = problems_of(|s| {
            let b = &mut s.distributions[0].buckets[0];
            b.value_gib = None;
            b.min_gib = Some(100.0);
            b.max_gib = Some(10.0);
        });
        assert!(range.iter().any(|p| p.contains("min_gib")));
    }

    #[test]
    fn ids_and_labels_are_unique() {
        let label = problems_of(|s| s.distributions[0].buckets[1].label = "8 GB".to_string());
        assert!(label.iter().any(|p| p.contains("twice")));
        let id = problems_of(|s| {
            let copy = s.distributions[0].clone();
            s.distributions.push(copy);
        });
        assert!(id.iter().any(|p| p.contains("id 'ram' twice")));
        let missing = problems_of(|s| {
            s.missing.push(Missing {
                id: "phones".to_string(),
                what: "Phone RAM".to_string(),
                notes: String::new(),
            })
        });
        assert!(missing.iter().any(|p| p.contains("what and why")));
    }

    #[test]
    fn a_bad_file_is_refused_with_every_problem() {
        let mut sources = small();
        sources.distributions[0].buckets[0].share = 2.0;
        sources.distributions[0].source = "nowhere".to_string();
        let error = fleet_json(&sources).unwrap_err().to_string();
        assert!(error.contains("problem(s)") && error.contains("0-1") && error.contains("http"));
    }
}
