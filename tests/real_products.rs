//! The engine against shipped products: agreement per class on `tests/data/real_products.jsonl`.
//!
//! The set was written before the version-2 engine, blind to its code, from each product's
//! public documentation (the `source` field of every row), and is never edited to make the
//! engine pass. This test prints the agreement per class and each miss, and holds the targets.
#![cfg(not(target_arch = "wasm32"))]

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
    let text = include_str!("data/real_products.jsonl");
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
