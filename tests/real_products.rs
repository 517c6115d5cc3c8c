//! The engine against shipped products: agreement per class on `tests/data/real_products.jsonl`.
//!
//! The set was written before the version-2 engine, blind to its code, from each product's
//! public documentation (the `source` field of every row), and is never edited to make the
//! engine pass. This test prints the agreement per class and each miss, and holds the targets.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::disallowed_methods)] // the app bundle's size rules (.clippy.toml) do not apply here

use local_or_cloud::engine::{recommend, Answers, Factor, Input, Verdict};
use serde_json::Value;

/// The agreement the engine must reach overall and in each class.
const OVERALL_TARGET: f64 = 0.90;
const CLASS_TARGET: f64 = 0.80;

struct Row {
    id: String,
    shipped: Verdict,
    mode: Option<String>,
    answers: Answers,
}

fn rows() -> Vec<Row> {
    rows_of(include_str!("data/real_products.jsonl"))
}

fn rows_of(text: &str) -> Vec<Row> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let row: Value = serde_json::from_str(line).expect("each line is JSON");
            let shipped = match row["shipped"].as_str() {
                Some("local") => Verdict::Local,
                Some("cloud") => Verdict::Cloud,
                Some("hybrid") => Verdict::Hybrid,
                other => panic!("unknown class {other:?}"),
            };
            let mut answers = Answers::new();
            for (key, value) in row["answers"].as_object().expect("answers object") {
                let factor = Factor::from_key(key).expect("a contract factor");
                answers
                    .set(factor, value.as_str().expect("an option key"))
                    .expect("a contract option");
            }
            Row {
                id: row["id"].as_str().unwrap_or("?").to_owned(),
                shipped,
                mode: row["hybrid_mode"].as_str().map(str::to_owned),
                answers,
            }
        })
        .collect()
}

#[test]
fn the_engine_agrees_with_what_real_products_shipped() {
    let rows = rows();
    assert!(rows.len() >= 40, "the set has {} products", rows.len());
    let mut report = String::new();
    let mut overall = (0, 0);
    let mut per_class = Vec::new();
    let mut modes = (0, 0);
    for class in [Verdict::Local, Verdict::Cloud, Verdict::Hybrid] {
        let mut hits = (0, 0);
        for row in rows.iter().filter(|r| r.shipped == class) {
            let r = recommend(&Input {
                answers: row.answers.clone(),
                ..Input::default()
            });
            hits.1 += 1;
            let mode = r.hybrid.as_ref().map(|h| h.mode.key());
            if r.verdict == class {
                hits.0 += 1;
                if class == Verdict::Hybrid {
                    modes.1 += 1;
                    if mode == row.mode.as_deref() {
                        modes.0 += 1;
                    } else {
                        report.push_str(&format!(
                            "  other architecture {}: shipped {}, engine {}\n",
                            row.id,
                            row.mode.as_deref().unwrap_or("-"),
                            mode.unwrap_or("-")
                        ));
                    }
                }
            } else {
                report.push_str(&format!(
                    "  miss {}: shipped {} ({}), engine {} ({}) score {:+.2} confidence {:.0}%\n",
                    row.id,
                    class.key(),
                    row.mode.as_deref().unwrap_or("-"),
                    r.verdict.key(),
                    mode.unwrap_or("-"),
                    r.score,
                    r.confidence * 100.0
                ));
            }
        }
        overall.0 += hits.0;
        overall.1 += hits.1;
        per_class.push((class, hits));
    }
    println!("Real products: {}/{} agree", overall.0, overall.1);
    for (class, (hit, total)) in &per_class {
        println!("  {}: {hit}/{total}", class.key());
    }
    println!(
        "  hybrid architecture named as shipped: {}/{}",
        modes.0, modes.1
    );
    for (mode, hit, total) in &agreement(&rows).modes {
        println!("    {mode}: {hit}/{total}");
    }
    print!("{report}");
    let share = |(hit, total): (usize, usize)| hit as f64 / total.max(1) as f64;
    assert!(
        share(overall) >= OVERALL_TARGET,
        "overall agreement {:.0}% is below the {:.0}% target\n{report}",
        share(overall) * 100.0,
        OVERALL_TARGET * 100.0
    );
    for (class, hits) in per_class {
        assert!(
            share(hits) >= CLASS_TARGET,
            "{} agreement {:.0}% is below the {:.0}% target\n{report}",
            class.key(),
            share(hits) * 100.0,
            CLASS_TARGET * 100.0
        );
    }
}

/// What the engine gives on a judge: agreement per class, and per shipped architecture.
#[derive(Debug, Default)]
struct Agreement {
    classes: Vec<(&'static str, usize, usize)>,
    modes: Vec<(String, usize, usize)>,
}

fn agreement(rows: &[Row]) -> Agreement {
    let mut a = Agreement::default();
    for class in [Verdict::Local, Verdict::Cloud, Verdict::Hybrid] {
        let mut hits = (0, 0);
        for row in rows.iter().filter(|r| r.shipped == class) {
            let r = recommend(&Input {
                answers: row.answers.clone(),
                ..Input::default()
            });
            hits.1 += 1;
            hits.0 += usize::from(r.verdict == class);
            if let Some(shipped) = &row.mode {
                let named = r.hybrid.as_ref().map(|h| h.mode.key());
                let hit = usize::from(r.verdict == class && named == Some(shipped.as_str()));
                match a.modes.iter_mut().find(|(m, _, _)| m == shipped) {
                    Some(entry) => {
                        entry.1 += hit;
                        entry.2 += 1;
                    }
                    None => a.modes.push((shipped.clone(), hit, 1)),
                }
            }
        }
        a.classes.push((class.key(), hits.0, hits.1));
    }
    a.modes.sort();
    a
}

/// `tests/data/shipped_v3.jsonl`, the judge of issue 33: 65 shipped features written blind from
/// public sources by a helper that saw only the contract, committed before any engine change
/// and never edited. It prints agreement per class and per architecture, and holds the engine
/// to at least what it gave when the judge was committed (2026-12-07: 51/65 verdicts, 8/35
/// architectures), so a change can only move it up.
#[test]
fn the_engine_on_the_blind_judge_of_65_shipped_features() {
    let rows = rows_of(include_str!("data/shipped_v3.jsonl"));
    assert_eq!(rows.len(), 65);
    let a = agreement(&rows);
    let verdicts: usize = a.classes.iter().map(|c| c.1).sum();
    let modes: usize = a.modes.iter().map(|m| m.1).sum();
    println!("shipped_v3: {verdicts}/{} verdicts as shipped", rows.len());
    for (class, hit, total) in &a.classes {
        println!("  {class}: {hit}/{total}");
    }
    println!("  architectures named as shipped: {modes}/35");
    for (mode, hit, total) in &a.modes {
        println!("    {mode}: {hit}/{total}");
    }
    assert!(verdicts >= VERDICTS_BEFORE, "{a:?}");
    assert!(modes >= MODES_BEFORE, "{a:?}");
}

/// The figures the engine gave on `shipped_v3.jsonl` the day it was committed.
const VERDICTS_BEFORE: usize = 51;
const MODES_BEFORE: usize = 8;
