//! The calibration table: each page estimate beside the reference runtime's median on this
//! machine, and estimate ÷ real, flagged outside 0.7–1.4. Pure functions over the runs' JSON.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

/// A ratio outside this range is flagged.
pub const GOOD: (f64, f64) = (0.7, 1.4);

/// One median of a reference runtime (llama.cpp natively, or wllama), as the scripts print it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Reference {
    pub model: String,
    pub threads: u32,
    #[serde(default)]
    pub decode_tokens_per_s: Option<f64>,
    #[serde(default)]
    pub prefill_tokens_per_s: Option<f64>,
    /// Why there is no figure (a run that failed).
    #[serde(default)]
    pub error: Option<String>,
    /// The CPU's busy share (0–1) before each run, after waiting up to a minute for a quiet
    /// machine (it is shared); None where it could not be read.
    #[serde(default)]
    pub busy_before: Vec<Option<f64>>,
}

/// One 4-bit row of the page's fit table, as `page.mjs` reads it: every attribute as text,
/// None where the row has no such attribute.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PageRow {
    pub model: String,
    pub runtime: String,
    #[serde(default)]
    pub tokens_per_s: Option<String>,
    #[serde(default)]
    pub prefill_tokens_per_s: Option<String>,
    #[serde(default)]
    pub threads: Option<String>,
    #[serde(default)]
    pub speed_source: Option<String>,
    #[serde(default)]
    pub error: Option<String>,
}

/// One page run: the cores the page saw and its rows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PageRun {
    pub mode: String,
    pub page_cores: u32,
    pub rows: Vec<PageRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Decode,
    Prefill,
}

impl Measure {
    fn label(self) -> &'static str {
        match self {
            Measure::Decode => "decode",
            Measure::Prefill => "prefill",
        }
    }
}

/// One line of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub model: String,
    pub runtime: String,
    pub threads: u32,
    /// The row had no data-threads: the count is the one the page run stood for.
    pub threads_assumed: bool,
    pub measure: Measure,
    pub estimate: Option<f64>,
    pub speed_source: Option<String>,
    pub reference: Option<&'static str>,
    pub real: Option<f64>,
    pub ratio: Option<f64>,
    pub flagged: bool,
}

/// estimate ÷ real, where both are positive finite figures.
pub fn ratio(estimate: Option<f64>, real: Option<f64>) -> Option<f64> {
    let (e, r) = (estimate?, real?);
    (e.is_finite() && r.is_finite() && e > 0.0 && r > 0.0).then(|| e / r)
}

/// Outside 0.7–1.4 (a missing ratio is not flagged: it is shown as missing).
pub fn flagged(ratio: Option<f64>) -> bool {
    ratio.is_some_and(|r| r < GOOD.0 || r > GOOD.1)
}

/// The reference runtime a runtime class is compared with on this machine (none for GPUs).
pub fn reference_for(runtime: &str) -> Option<&'static str> {
    match runtime {
        "native-cpu" => Some("llama.cpp native"),
        "browser-cpu" => Some("wllama"),
        _ => None,
    }
}

fn number(text: &Option<String>) -> Option<f64> {
    text.as_deref()?.trim().parse().ok()
}

/// The thread count a row stands for: its data-threads, else 1 in a browser (the page measures
/// WebAssembly on one thread) and the cores the page saw for a native runtime.
fn threads_of(row: &PageRow, page_cores: u32) -> (u32, bool) {
    match row.threads.as_deref().and_then(|t| t.trim().parse().ok()) {
        Some(t) => (t, false),
        None if row.runtime.starts_with("browser") => (1, true),
        None => (page_cores.max(1), true),
    }
}

/// The table's rows: each page run's rows in order, a (model, runtime, threads) already given by
/// an earlier run skipped (the one-thread run repeats the browser rows), then decode and prefill.
pub fn rows(pages: &[PageRun], native: &[Reference], wasm: &[Reference]) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    for run in pages {
        for page_row in &run.rows {
            let (threads, threads_assumed) = threads_of(page_row, run.page_cores);
            let seen = out.iter().any(|r| {
                r.model == page_row.model && r.runtime == page_row.runtime && r.threads == threads
            });
            if seen {
                continue;
            }
            let reference = reference_for(&page_row.runtime);
            let refs = match page_row.runtime.as_str() {
                "native-cpu" => native,
                "browser-cpu" => wasm,
                _ => &[],
            };
            let real = refs
                .iter()
                .find(|r| r.model == page_row.model && r.threads == threads);
            for measure in [Measure::Decode, Measure::Prefill] {
                let (estimate, real) = match measure {
                    Measure::Decode => (
                        number(&page_row.tokens_per_s),
                        real.and_then(|r| r.decode_tokens_per_s),
                    ),
                    Measure::Prefill => (
                        number(&page_row.prefill_tokens_per_s),
                        real.and_then(|r| r.prefill_tokens_per_s),
                    ),
                };
                let ratio = ratio(estimate, real);
                out.push(Row {
                    model: page_row.model.clone(),
                    runtime: page_row.runtime.clone(),
                    threads,
                    threads_assumed,
                    measure,
                    estimate,
                    speed_source: page_row.speed_source.clone(),
                    reference,
                    real,
                    ratio,
                    flagged: flagged(ratio),
                });
            }
        }
    }
    // A reference the page gave no row for (wllama on N threads: the page estimates WebAssembly
    // on one) is shown as measured and not estimated.
    for (runtime, refs) in [("native-cpu", native), ("browser-cpu", wasm)] {
        for r in refs {
            let shown = out
                .iter()
                .any(|o| o.model == r.model && o.runtime == runtime && o.threads == r.threads);
            if shown {
                continue;
            }
            for (measure, real) in [
                (Measure::Decode, r.decode_tokens_per_s),
                (Measure::Prefill, r.prefill_tokens_per_s),
            ] {
                out.push(Row {
                    model: r.model.clone(),
                    runtime: runtime.into(),
                    threads: r.threads,
                    threads_assumed: false,
                    measure,
                    estimate: None,
                    speed_source: None,
                    reference: reference_for(runtime),
                    real,
                    ratio: None,
                    flagged: false,
                });
            }
        }
    }
    // Grouped as a reader compares them: by model, runtime class and thread count, each in
    // the order the page first gave it.
    let first = |f: &dyn Fn(&Row) -> bool| out.iter().position(f).unwrap_or(usize::MAX);
    let keys: Vec<(usize, usize, u32, Measure)> = out
        .iter()
        .map(|r| {
            (
                first(&|o: &Row| o.model == r.model),
                first(&|o: &Row| o.runtime == r.runtime),
                r.threads,
                r.measure,
            )
        })
        .collect();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| keys[i]);
    order.into_iter().map(|i| out[i].clone()).collect()
}

/// How busy the CPU was before the reference runs: the range, and how many runs started above
/// a quarter busy (after waiting up to a minute for less), as "3–41 %, 2 of 28 runs above 25 %".
pub fn busy_summary(references: &[&[Reference]]) -> Option<String> {
    let busy: Vec<f64> = references
        .iter()
        .flat_map(|r| r.iter())
        .flat_map(|r| r.busy_before.iter().flatten().copied())
        .collect();
    let min = busy.iter().copied().reduce(f64::min)?;
    let max = busy.iter().copied().reduce(f64::max)?;
    let above = busy.iter().filter(|&&b| b > 0.25).count();
    Some(format!(
        "{:.0}–{:.0} %, {above} of {} runs above 25 %",
        min * 100.0,
        max * 100.0,
        busy.len()
    ))
}

/// Tokens/s with three significant figures at most (0.907, 19.2, 171).
pub fn speed(value: f64) -> String {
    if value >= 100.0 {
        format!("{value:.0}")
    } else if value >= 10.0 {
        format!("{value:.1}")
    } else if value >= 1.0 {
        format!("{value:.2}")
    } else {
        format!("{value:.3}")
    }
}

/// The table as Markdown, with a line under it that says what the flag means.
pub fn render(rows: &[Row]) -> String {
    let mut out = String::from(
        "| model | runtime | threads | measure | page estimate (tokens/s) | reference | real, median (tokens/s) | estimate ÷ real |\n|---|---|---|---|---|---|---|---|\n",
    );
    for r in rows {
        let threads = if r.threads_assumed {
            format!("{} (assumed)", r.threads)
        } else {
            r.threads.to_string()
        };
        let estimate = match (r.estimate, r.speed_source.as_deref()) {
            (Some(e), Some(source)) => format!("{} ({source})", speed(e)),
            (Some(e), None) => speed(e),
            (None, _) => "not estimated".into(),
        };
        let reference = r.reference.unwrap_or("none on this machine");
        let real = match (r.reference, r.real) {
            (_, Some(v)) => speed(v),
            (None, None) => "—".into(),
            (Some(_), None) => "not measured".into(),
        };
        let ratio = match r.ratio {
            Some(q) if r.flagged => format!("**{q:.2}** ⚠"),
            Some(q) => format!("{q:.2}"),
            None => "—".into(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {threads} | {} | {estimate} | {reference} | {real} | {ratio} |",
            r.model,
            r.runtime,
            r.measure.label()
        );
    }
    let flagged = rows.iter().filter(|r| r.flagged).count();
    let compared = rows.iter().filter(|r| r.ratio.is_some()).count();
    let _ = writeln!(
        out,
        "\n{compared} estimates compared with a real run; {flagged} outside {}–{} (⚠).",
        GOOD.0, GOOD.1
    );
    out
}

/// The day as YYYY-MM-DD (UTC) from seconds since 1970, by the civil-from-days algorithm.
pub fn date(unix_seconds: u64) -> String {
    let days = (unix_seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_row(
        model: &str,
        runtime: &str,
        decode: Option<&str>,
        threads: Option<&str>,
    ) -> PageRow {
        PageRow {
            model: model.into(),
            runtime: runtime.into(),
            tokens_per_s: decode.map(Into::into),
            prefill_tokens_per_s: None,
            threads: threads.map(Into::into),
            speed_source: Some("measured".into()),
            error: None,
        }
    }

    fn reference(model: &str, threads: u32, decode: f64, prefill: f64) -> Reference {
        Reference {
            model: model.into(),
            threads,
            decode_tokens_per_s: Some(decode),
            prefill_tokens_per_s: Some(prefill),
            error: None,
            busy_before: vec![Some(threads as f64 / 8.0), None],
        }
    }

    #[test]
    fn ratios_need_two_positive_figures_and_are_flagged_outside_the_band() {
        assert_eq!(ratio(Some(2.0), Some(4.0)), Some(0.5));
        assert_eq!(ratio(None, Some(4.0)), None);
        assert_eq!(ratio(Some(2.0), Some(0.0)), None);
        assert_eq!(ratio(Some(f64::NAN), Some(1.0)), None);
        assert!(flagged(Some(0.69)));
        assert!(!flagged(Some(0.7)));
        assert!(!flagged(Some(1.4)));
        assert!(flagged(Some(1.41)));
        assert!(!flagged(None));
    }

    #[test]
    fn each_runtime_class_meets_its_reference_at_the_same_thread_count() {
        let pages = [
            PageRun {
                mode: "as-is".into(),
                page_cores: 2,
                rows: vec![
                    page_row("Q", "browser-cpu", Some("2.0"), Some("1")),
                    page_row("Q", "native-cpu", Some("30.0"), Some("2")),
                    page_row("Q", "native-gpu", None, None),
                ],
            },
            PageRun {
                mode: "one-thread".into(),
                page_cores: 1,
                rows: vec![
                    // The same browser row again: skipped.
                    page_row("Q", "browser-cpu", Some("2.0"), Some("1")),
                    // No data-threads: a native row stands for the cores the page saw.
                    page_row("Q", "native-cpu", Some("10.0"), None),
                ],
            },
        ];
        let native = [
            reference("Q", 1, 40.0, 170.0),
            reference("Q", 2, 40.0, 320.0),
        ];
        let wasm = [reference("Q", 1, 2.5, 4.0), reference("Q", 2, 4.5, 7.5)];
        let rows = rows(&pages, &native, &wasm);
        assert_eq!(rows.len(), 10, "{rows:#?}");
        let find = |runtime: &str, threads: u32, m: Measure| {
            rows.iter()
                .find(|r| r.runtime == runtime && r.threads == threads && r.measure == m)
                .unwrap()
        };
        let browser = find("browser-cpu", 1, Measure::Decode);
        assert_eq!((browser.real, browser.ratio), (Some(2.5), Some(0.8)));
        assert!(!browser.flagged);
        let native2 = find("native-cpu", 2, Measure::Decode);
        assert_eq!(native2.ratio, Some(0.75));
        let native1 = find("native-cpu", 1, Measure::Decode);
        assert!(native1.threads_assumed);
        assert_eq!(native1.ratio, Some(0.25));
        assert!(native1.flagged);
        // No prefill attribute: not estimated, no ratio.
        let prefill = find("native-cpu", 2, Measure::Prefill);
        assert_eq!((prefill.estimate, prefill.real), (None, Some(320.0)));
        assert_eq!(prefill.ratio, None);
        // wllama on two threads, which the page does not estimate, is shown as measured.
        let wasm2 = find("browser-cpu", 2, Measure::Decode);
        assert_eq!((wasm2.estimate, wasm2.real), (None, Some(4.5)));
        assert_eq!(wasm2.reference, Some("wllama"));
        // A GPU class has no reference here.
        let gpu = find("native-gpu", 2, Measure::Decode);
        assert_eq!((gpu.reference, gpu.real), (None, None));
    }

    #[test]
    fn rows_are_grouped_by_model_runtime_and_threads_and_busy_runs_are_counted() {
        let run = |cores: u32, threads: &str| PageRun {
            mode: "m".into(),
            page_cores: cores,
            rows: vec![
                page_row("Q", "browser-cpu", Some("1"), Some("1")),
                page_row("L", "browser-cpu", Some("1"), Some("1")),
                page_row("Q", "native-cpu", Some("1"), Some(threads)),
                page_row("L", "native-cpu", Some("1"), Some(threads)),
            ],
        };
        let rows = rows(&[run(2, "2"), run(1, "1")], &[], &[]);
        let order: Vec<String> = rows
            .iter()
            .filter(|r| r.measure == Measure::Decode)
            .map(|r| format!("{} {} {}", r.model, r.runtime, r.threads))
            .collect();
        assert_eq!(
            order,
            [
                "Q browser-cpu 1",
                "Q native-cpu 1",
                "Q native-cpu 2",
                "L browser-cpu 1",
                "L native-cpu 1",
                "L native-cpu 2"
            ]
        );
        let native = [reference("Q", 1, 1.0, 1.0), reference("Q", 4, 1.0, 1.0)];
        assert_eq!(
            busy_summary(&[&native, &[]]).as_deref(),
            Some("12–50 %, 1 of 2 runs above 25 %")
        );
        assert_eq!(busy_summary(&[&[]]), None);
    }

    #[test]
    fn the_table_says_what_is_missing_and_marks_flags() {
        let pages = [PageRun {
            mode: "as-is".into(),
            page_cores: 2,
            rows: vec![
                page_row("Llama 3.2 1B", "browser-cpu", Some("0.907"), Some("1")),
                page_row("Llama 3.2 1B", "native-gpu", None, None),
            ],
        }];
        let wasm = [reference("Llama 3.2 1B", 1, 1.1, 1.7)];
        let text = render(&rows(&pages, &[], &wasm));
        assert!(
            text.contains("| Llama 3.2 1B | browser-cpu | 1 | decode | 0.907 (measured) | wllama | 1.10 | 0.82 |"),
            "{text}"
        );
        assert!(
            text.contains("| prefill | not estimated | wllama | 1.70 | — |"),
            "{text}"
        );
        assert!(
            text.contains("| native-gpu | 2 (assumed) | decode | not estimated | none on this machine | — | — |"),
            "{text}"
        );
        assert!(
            text.contains("1 estimates compared with a real run; 0 outside 0.7–1.4"),
            "{text}"
        );
        let flagged_rows = rows(&pages, &[], &[reference("Llama 3.2 1B", 1, 0.5, 1.7)]);
        assert!(render(&flagged_rows).contains("| **1.81** ⚠ |"));
    }

    #[test]
    fn speeds_keep_three_significant_figures_and_dates_are_civil() {
        assert_eq!(speed(0.9071), "0.907");
        assert_eq!(speed(2.269), "2.27");
        assert_eq!(speed(19.217), "19.2");
        assert_eq!(speed(170.7), "171");
        assert_eq!(date(0), "1970-01-01");
        // 2026-12-07 is day 20,794 since 1970.
        assert_eq!(date(20_794 * 86_400 + 3_600), "2026-12-07");
        assert_eq!(date(951_782_400), "2000-02-29");
    }
}
