//! The exported report: Markdown to paste into a design doc, and JSON for tools.
//!
//! A report is built only from the recommendation and the shared answers, so it cannot hold
//! anything the visitor did not choose to share, such as an API key.

use crate::decimal::{Fixed, Plain};
use std::fmt::Write;

use serde::Serialize;

use crate::engine::questions::{option_label, title};
use crate::engine::recommend::{Direction, Recommendation, Verdict};
use crate::engine::{cost, starter, Choice, Factor};
use crate::share::{self, Shared};

pub mod details;
pub mod protocol;
pub mod worker;

use details::ReachFigures;

pub use crate::decimal::{dollars, grouped};

/// The report as Markdown.
pub fn markdown(r: &Recommendation, shared: &Shared) -> String {
    let mut md = String::new();
    // Writing to a String cannot fail, so the results of write! are ignored throughout.
    let _ = writeln!(md, "# Local or Cloud: {}", r.verdict.key());
    let _ = writeln!(
        md,
        "\nVerdict: **{}** with {}% confidence ({} of {} questions answered).",
        r.verdict.key(),
        Fixed(r.confidence * 100.0, 0),
        r.answered,
        Factor::ALL.len()
    );
    if let Some(describe) = &shared.describe {
        let _ = writeln!(md, "\nFeature: {}", describe.replace('\n', " "));
    }
    if let Some(h) = &r.hybrid {
        let _ = writeln!(
            md,
            "\n**Hybrid architecture: {} (`{}`).** {} Applies when: {} Here: {} {}\n\nWhat it takes to build:\n",
            h.title(),
            h.mode.key(),
            h.how(),
            h.when(),
            h.because,
            h.not_nearest()
        );
        for piece in &h.takes() {
            let _ = writeln!(md, "- {piece}");
        }
    }
    if !r.flips.is_empty() {
        let _ = writeln!(md, "\n## What would change the verdict\n");
        for flip in &r.flips {
            let _ = writeln!(
                md,
                "- {} → **{}**: `?{}`",
                change_words(&flip.changes),
                flip.to.key(),
                share::with_changes(shared, &flip.changes)
            );
        }
    }
    if !r.rules.is_empty() {
        let _ = writeln!(md, "\n## Hard rules\n");
        for rule in &r.rules {
            let _ = writeln!(md, "- {}", rule.reason);
        }
    }
    if let Some(conflict) = &r.conflict {
        let _ = writeln!(md, "\n## Conflict\n\n{}\n", conflict.summary);
        for change in &conflict.changes {
            let _ = writeln!(md, "- {change}");
        }
    }
    let _ = writeln!(
        md,
        "\n## Factors\n\n| factor | answer | pulls | why |\n| --- | --- | --- | --- |"
    );
    for f in &r.factors {
        let answer = f.option.map_or("not answered", option_label);
        let pulls = match f.direction {
            Direction::Local => "device",
            Direction::Neutral => "neither",
            Direction::Cloud => "cloud",
        };
        let _ = writeln!(
            md,
            "| {} | {answer} | {pulls} | {} |",
            title(f.factor),
            f.reason
        );
    }
    if let Some(c) = &r.cost {
        let _ = writeln!(md, "\n## Cost\n");
        let _ = writeln!(
            md,
            "- Cloud ({} at {} in / {} out per 1M tokens, {}): {} per request, {} per month for {} requests.",
            c.model,
            dollars(c.input_per_million),
            dollars(c.output_per_million),
            if c.price_edited {
                format!("your prices; the list price was taken {} from {}", c.prices_taken_on, c.price_source)
            } else {
                format!("list price taken {} from {}", c.prices_taken_on, c.price_source)
            },
            dollars(c.cloud_per_request),
            dollars(c.cloud_per_month),
            grouped(c.requests_per_month)
        );
        let _ = writeln!(
            md,
            "- On the device: {} of hardware up front{}, {} to send every user the {} GB model once and {} a month for updates (egress assumed at ${}/GB, {} updates a year); nothing per request.",
            dollars(c.local_upfront),
            if c.upgrade_assumed {
                " (assumed: the target devices cannot run the task)"
            } else {
                ""
            },
            dollars(c.local_first_download),
            Fixed(c.local_download_gb, 1),
            dollars(c.local_updates_per_month),
            Plain(cost::EGRESS_PER_GB),
            Plain(cost::MODEL_UPDATES_PER_YEAR)
        );
        let _ = match c.break_even_month {
            Some(0) => writeln!(
                md,
                "- With nothing to buy or download, local is cheaper from the first request."
            ),
            Some(m) => writeln!(
                md,
                "- The cloud's running cost passes the local side's after {m} months."
            ),
            None => writeln!(
                md,
                "- At this volume the cloud never costs as much as the local side."
            ),
        };
    }
    let _ = writeln!(md, "\n## Recommended stacks\n");
    for s in &r.stacks {
        let _ = writeln!(md, "- [{}]({}): {}", s.name, s.docs, s.why);
    }
    if !r.measured_facts.is_empty() {
        let _ = writeln!(md, "\n## Measured on this device\n");
        for fact in &r.measured_facts {
            let _ = writeln!(md, "- {fact}");
        }
    }
    let snippets = starter::snippets(
        r.verdict,
        r.hybrid.as_ref().map(|h| h.mode),
        &shared.answers,
    );
    if !snippets.is_empty() {
        let _ = writeln!(md, "\n## Starting code\n");
        for snippet in &snippets {
            let _ = writeln!(
                md,
                "{}:\n\n```{}\n{}\n```\n",
                snippet.title, snippet.language, snippet.code
            );
        }
    }
    let _ = writeln!(md, "\nReproduce: `?{}`", share::to_query(shared));
    md
}

/// A flip's changes in words: "Hardware: Machines with a capable GPU".
pub fn change_words(changes: &[Choice]) -> String {
    changes
        .iter()
        .map(|c| format!("{}: {}", title(c.factor()), option_label(*c)))
        .collect::<Vec<_>>()
        .join(" and ")
}

#[derive(Serialize)]
struct JsonFlip {
    to: Verdict,
    changes: Vec<Choice>,
    query: String,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    query: String,
    describe: Option<&'a str>,
    recommendation: &'a Recommendation,
    what_would_change_it: Vec<JsonFlip>,
    starting_code: Vec<starter::Snippet>,
    /// The share of the surveyed fleet that holds the advised model, for a verdict that stands
    /// on the devices; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    reach: Option<JsonReach<'a>>,
}

/// The reach as the JSON report states it: the share, its source and date, and the cost of the
/// devices that fall back.
#[derive(Serialize)]
struct JsonReach<'a> {
    model: &'a str,
    runtime: &'a str,
    local_share: f64,
    fleet_source: &'a str,
    survey_date: &'a str,
    population: &'a str,
    source: &'a str,
    fallback_cloud_per_month: Option<f64>,
}

/// The report as pretty-printed JSON.
pub fn json(r: &Recommendation, shared: &Shared, reach: Option<&ReachFigures>) -> String {
    let report = JsonReport {
        query: share::to_query(shared),
        describe: shared.describe.as_deref(),
        recommendation: r,
        what_would_change_it: r
            .flips
            .iter()
            .map(|flip| JsonFlip {
                to: flip.to,
                changes: flip.changes.clone(),
                query: share::with_changes(shared, &flip.changes),
            })
            .collect(),
        starting_code: starter::snippets(
            r.verdict,
            r.hybrid.as_ref().map(|h| h.mode),
            &shared.answers,
        ),
        reach: reach.map(|f| JsonReach {
            model: f.model,
            runtime: f.quoted.key(),
            local_share: f.share,
            fleet_source: "survey",
            survey_date: f.date,
            population: f.population,
            source: f.source,
            fallback_cloud_per_month: f.fallback_per_month,
        }),
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{recommend, Input};

    #[test]
    fn dollars_are_readable() {
        assert_eq!(dollars(0.000195), "$0.000195");
        assert_eq!(dollars(0.0005), "$0.0005");
        assert_eq!(dollars(0.0), "$0.00");
        assert_eq!(dollars(117.0), "$117");
        assert_eq!(dollars(2_808.4), "$2,808");
        assert_eq!(dollars(1_234_567.0), "$1,234,567");
    }

    #[test]
    fn the_markdown_report_holds_the_verdict_reasons_costs_and_stacks() {
        let (shared, _) = share::parse("privacy=device_only&model_size=small&users=10");
        let r = recommend(&Input {
            answers: shared.answers.clone(),
            cost: shared.cost.clone(),
            prices: std::rc::Rc::new(crate::engine::prices::committed().table_on("2026-12-07")),
            ..Input::default()
        });
        let md = markdown(&r, &shared);
        assert!(md.starts_with("# Local or Cloud: local"));
        assert!(md.contains("Policy forbids the data from leaving the device"));
        assert!(md.contains(
            "| Data privacy and compliance | Policy: data must never leave the device | device |"
        ));
        assert!(md.contains("per month for 6,000 requests"));
        assert_eq!(grouped(600_000.0), "600,000");
        assert!(md.contains("Reproduce: `?privacy=device_only&model_size=small&users=10`"));
        let json = json(&r, &shared, None);
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(value["recommendation"]["verdict"], "local");
    }
}
