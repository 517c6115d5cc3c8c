//! "Can this device run it?" as HTML text: every model of the catalogue at one precision,
//! against this device, with WebLLM's own memory figure beside the computed one.
//!
//! Written by the report worker, which reads the model list; the page shows the text as it is
//! (display only: the controls that choose the context and the precision stay in the page).

use std::fmt::Write;

use super::fit::{fit_on, speed_assumption, speed_text, Precision, GIB, MEMORY_FORMULA};
use super::fleet::FleetData;
use super::model_list::{Catalogue, Entry, Source};
use super::runtime::RuntimeClass;
use super::runtime_speed::{factors, method_text, Threads};
use super::speed::{gpu_tokens_per_s, seconds_text, Measurement, SpeedSource, Workload};
use super::DeviceProfile;
use crate::decimal::{Fixed, Plain};
use crate::html_text::escape;

/// What the table is written for.
pub struct FitQuery<'a> {
    pub profile: &'a DeviceProfile,
    pub context: u32,
    pub precision: Precision,
    pub runtime: RuntimeClass,
    pub measured: Option<&'a Measurement>,
    pub work: Workload,
}

/// The table, the memory formula, where the list came from and what the speeds rest on, in
/// one `div#fit-rows`.
pub fn fit_table_html(catalogue: &Catalogue, q: &FitQuery) -> String {
    let mut out = String::from(
        "<div id=\"fit-rows\"><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Which local models fit this device\"><table id=\"fit-table\"><thead><tr>",
    );
    for head in [
        "Model",
        "Weights",
        "Needs (GiB)",
        "WebLLM (GiB)",
        "Tokens/s",
        &format!(
            "Your request ({} in, {} out)",
            q.work.input_tokens, q.work.output_tokens
        ),
        "GPU tokens/s",
        "Reach (survey)",
        "Verdict",
    ] {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(head));
    }
    out.push_str("</tr></thead><tbody>");
    let fleet = catalogue.fleet.as_ref().ok();
    for entry in &catalogue.models {
        row(&mut out, entry, q, fleet);
    }
    out.push_str("</tbody></table></div>");
    let _ = write!(
        out,
        "<p class=\"muted small\" id=\"fit-formula\">Memory: {}. WebLLM (GiB): the video memory WebLLM gives for its smallest build at these weights, for the browser's GPU runtime; the computed figure is for the other runtimes.</p>",
        escape(MEMORY_FORMULA)
    );
    let _ = write!(
        out,
        "<p class=\"muted small\" id=\"fit-source\">{}</p>",
        escape(&source_text(catalogue))
    );
    let threads = Threads::of(q.profile).for_class(q.runtime);
    let _ = write!(
        out,
        "<p class=\"muted small\" id=\"fit-reach\">{}</p>",
        escape(&reach_text(&catalogue.fleet, q.runtime))
    );
    let (source, text) = match (q.measured, factors(q.runtime)) {
        (_, None) if q.runtime == RuntimeClass::NativeGpu => {
            ("not_estimated", NATIVE_GPU_TEXT.to_owned())
        }
        (Some(m), Some(f)) => (
            "measured",
            format!("{} {}", m.summary(), method_text(q.runtime, &f, threads)),
        ),
        (Some(m), None) => ("measured", m.summary()),
        (None, _) if !q.runtime.is_browser() => ("not_estimated", NATIVE_CPU_TEXT.to_owned()),
        (None, _) => ("assumed", assumption_text(q.profile)),
    };
    let _ = write!(
        out,
        "<p class=\"muted small\" id=\"fit-assumption\" data-speed-source=\"{source}\">{}</p>",
        escape(&text)
    );
    out.push_str("</div>");
    out
}

/// Why a native GPU's rows have no speeds.
const NATIVE_GPU_TEXT: &str = "Speeds on a native GPU or NPU are not estimated: a browser sees neither's memory bandwidth outside WebGPU. The memory verdict above is for a native app.";

/// Why a native CPU's rows have no speeds before a measurement.
const NATIVE_CPU_TEXT: &str = "Measure this device for a native app's speeds: they are extrapolated from the memory bandwidth and the 4-bit and 16-bit kernels measured here. The memory verdict above is for a native app.";

/// What the reach column counts, from which survey and when, or why there is none.
fn reach_text(fleet: &Result<FleetData, String>, runtime: RuntimeClass) -> String {
    let fleet = match fleet {
        Ok(fleet) => fleet,
        Err(why) => return format!("No reach column: {why}."),
    };
    let Some(ram) = fleet.distributions.iter().find(|d| d.id == "steam_ram") else {
        return "No reach column: the survey file has no memory distribution.".into();
    };
    let what = match runtime {
        RuntimeClass::NativeCpu => "system memory a native app may use (as above)",
        RuntimeClass::BrowserCpu => "system memory, at most WebAssembly's 4 GiB",
        RuntimeClass::NativeGpu => "video memory",
        RuntimeClass::BrowserGpu => {
            "video memory, times the share of browsing with WebGPU on by default (caniuse; the two assumed independent)"
        }
    };
    format!(
        "Reach (survey): the share of PCs in {} ({}; {}) whose {what} holds the model; memory only, not speed. Source: {}",
        "Valve's Steam Hardware & Software Survey", ram.date, ram.population, ram.source
    )
}

fn source_text(catalogue: &Catalogue) -> String {
    let placed = catalogue.shapes().count();
    match &catalogue.source {
        Source::File { version, shapes_read_on } => format!(
            "{} models: WebLLM's prebuilt list {version}, with the shapes from each model's published config.json read on {shapes_read_on}; {placed} the speed model can place, the rest listed for memory only.",
            catalogue.models.len()
        ),
        Source::BuiltIn(why) => format!(
            "The model list could not be read ({why}); the {placed} built-in models stand in."
        ),
    }
}

fn assumption_text(profile: &DeviceProfile) -> String {
    let a = speed_assumption(profile);
    format!(
        "Tokens/s is an estimate, not a measurement: it assumes the model runs on {} at {} GB/s and {} GFLOP/s, reading every active weight once per token and doing two operations per active parameter; the slower of the two limits wins. The request time adds the prompt at that compute rate. Measure this device to replace these with figures extrapolated from a real decoder layer run here.",
        a.runs_on,
        Plain(a.bandwidth_gb_s),
        Plain(a.gflops)
    )
}

fn gib(value: Option<f64>) -> String {
    value.map_or_else(|| "—".into(), |v| Fixed(v, 1).to_string())
}

/// What differs from row to row; the markup around it is written once, in `write_row`.
struct Cells {
    verdict: &'static str,
    /// Attributes after `data-verdict`, each with its leading space.
    attrs: String,
    needs: String,
    speed: String,
    seconds: String,
    gpu: String,
    reach: String,
    verdict_cell: String,
}

/// The cells of a row without a figure: a model without a shape, or a runtime without speeds.
const NONE: &str = "—";

/// One model's row; a model without a shape gets WebLLM's figure and the reason only, and a
/// native runtime's row its memory verdict without speeds.
fn row(out: &mut String, entry: &Entry, q: &FitQuery, fleet: Option<&FleetData>) {
    let Some(shape) = &entry.shape else {
        let why = escape(entry.memory_only.as_deref().unwrap_or("no published shape"));
        let cells = Cells {
            verdict: "memory_only",
            attrs: String::new(),
            needs: NONE.into(),
            speed: NONE.into(),
            seconds: NONE.into(),
            gpu: NONE.into(),
            reach: NONE.into(),
            verdict_cell: format!("<span class=\"muted\">memory only — {why}</span>"),
        };
        return write_row(out, entry, q, cells);
    };
    let f = fit_on(
        q.runtime,
        shape,
        q.precision,
        q.context,
        q.profile,
        q.measured,
        q.work,
    );
    let verdict = f.verdict.key();
    let verdict_cell = format!(
        "<span class=\"fit {verdict}\">{}</span> <span class=\"muted\">— {}</span>",
        f.verdict.label(),
        escape(&f.reason)
    );
    let needs = Fixed(f.memory.total() / GIB, 1).to_string();
    let reach = fleet.and_then(|fleet| fleet.memory_reach(q.runtime, &f.memory));
    let reach_attrs = reach.as_ref().map_or_else(String::new, |r| {
        format!(
            " data-local-share=\"{}\" data-fleet-source=\"survey\" data-survey-date=\"{}\"",
            Fixed(r.share, 3),
            escape(&r.from.date)
        )
    });
    let reach = reach.map_or_else(
        || NONE.into(),
        |r| format!("{}%", Fixed(r.share * 100.0, 0)),
    );
    let label = match f.speed_source {
        SpeedSource::NotEstimated => {
            let cells = Cells {
                verdict,
                attrs: format!(
                    " data-threads=\"{}\" data-speed-source=\"not_estimated\"{reach_attrs}",
                    f.threads
                ),
                needs,
                speed: NONE.into(),
                seconds: NONE.into(),
                gpu: NONE.into(),
                reach,
                verdict_cell,
            };
            return write_row(out, entry, q, cells);
        }
        SpeedSource::Measured => " extrapolated",
        SpeedSource::Assumed => " estimated",
    };
    let gpu = q
        .measured
        .and_then(|m| m.gpu.as_ref())
        .map(|g| gpu_tokens_per_s(shape, q.precision.bits_per_weight(), q.context, g));
    let labelled = |text: String| format!("{text}<span class=\"muted small\">{label}</span>");
    let mut attrs = format!(
        " data-threads=\"{}\" data-tokens-per-s=\"{}\" data-prefill-tokens-per-s=\"{}\" data-speed-source=\"{}\" data-request-s=\"{}\"",
        f.threads,
        Fixed(f.tokens_per_second, 3),
        Fixed(f.prefill_tokens_per_s, 3),
        f.speed_source.key(),
        Fixed(f.request.total_s, 3)
    );
    if let Some(g) = gpu {
        let _ = write!(attrs, " data-gpu-tokens-per-s=\"{}\"", Fixed(g, 3));
    }
    attrs.push_str(&reach_attrs);
    let cells = Cells {
        verdict,
        attrs,
        needs,
        speed: labelled(speed_text(f.tokens_per_second)),
        seconds: labelled(seconds_text(f.request.total_s)),
        gpu: gpu.map_or_else(
            || NONE.into(),
            |g| {
                format!(
                    "{}<span class=\"muted small\"> extrapolated</span>",
                    speed_text(g)
                )
            },
        ),
        reach,
        verdict_cell,
    };
    write_row(out, entry, q, cells);
}

fn write_row(out: &mut String, entry: &Entry, q: &FitQuery, c: Cells) {
    let name = escape(entry.name);
    let weights = q.precision.label();
    let _ = write!(
        out,
        "<tr data-model=\"{name}\" data-runtime=\"{runtime}\" data-precision=\"{weights}\" data-verdict=\"{verdict}\"{attrs}><th scope=\"row\">{name}</th><td data-label=\"Weights\">{weights}</td><td class=\"num\" data-label=\"Needs (GiB)\">{needs}</td><td class=\"num\" data-label=\"WebLLM (GiB)\">{webllm}</td><td class=\"num\" data-label=\"Tokens/s\">{speed}</td><td class=\"num\" data-label=\"Your request\">{seconds}</td><td class=\"num\" data-label=\"GPU tokens/s\">{gpu}</td><td class=\"num\" data-label=\"Reach (survey)\">{reach}</td><td data-label=\"Verdict\">{verdict_cell}</td></tr>",
        runtime = q.runtime.key(),
        verdict = c.verdict,
        attrs = c.attrs,
        needs = c.needs,
        webllm = gib(entry.webllm_gib(q.precision)),
        speed = c.speed,
        seconds = c.seconds,
        gpu = c.gpu,
        reach = c.reach,
        verdict_cell = c.verdict_cell,
    );
}

#[cfg(test)]
#[allow(clippy::disallowed_methods, clippy::disallowed_types)] // tests: the app bundle's size rules do not apply
mod tests {
    use super::*;
    use crate::device::model_list::tests::committed as catalogue;

    fn query(profile: &DeviceProfile, precision: Precision) -> FitQuery<'_> {
        FitQuery {
            profile,
            context: 4096,
            precision,
            runtime: RuntimeClass::BrowserCpu,
            measured: None,
            work: Workload::default(),
        }
    }

    #[test]
    fn every_model_gets_one_row_at_the_chosen_precision() {
        let catalogue = catalogue();
        let profile = DeviceProfile::default();
        let html = fit_table_html(&catalogue, &query(&profile, Precision::Q4));
        assert_eq!(
            html.matches("<tr data-model=").count(),
            catalogue.models.len()
        );
        assert!(html.matches("data-precision=\"4-bit\"").count() >= 60);
        // An unprobed device: the verdict depends on the probes (the e2e tests check them).
        assert!(html.contains(
            "data-model=\"Qwen2.5 0.5B\" data-runtime=\"browser-cpu\" data-precision=\"4-bit\" data-verdict="
        ));
        // WebLLM's q4f16_1 build of Qwen2.5 0.5B: 944.62 MiB.
        assert!(html.contains("data-label=\"WebLLM (GiB)\">0.9<"));
        assert!(html.contains("data-verdict=\"memory_only\""));
        let f16 = fit_table_html(&catalogue, &query(&profile, Precision::F16));
        assert!(f16.contains(
            "data-model=\"Phi-4-mini (3.8B)\" data-runtime=\"browser-cpu\" data-precision=\"16-bit\""
        ));
    }

    #[test]
    fn rows_carry_the_surveys_reach_and_the_note_names_its_source() {
        let mut catalogue = catalogue();
        let profile = DeviceProfile::default();
        let html = fit_table_html(&catalogue, &query(&profile, Precision::Q4));
        assert!(html.contains("No reach column: the survey file was not read."));
        assert!(!html.contains("data-local-share"));
        let fleet = include_str!("../../static/data/fleet.json");
        catalogue.fleet = FleetData::parse(fleet).map_err(|e| e.to_string());
        let html = fit_table_html(&catalogue, &query(&profile, Precision::Q4));
        assert!(html.contains("data-fleet-source=\"survey\" data-survey-date=\"2026-04\""));
        assert!(html.contains("Steam Hardware &amp; Software Survey (2026-04;"));
        let rows = html.matches("<tr data-model=").count();
        let memory_only = html.matches("data-verdict=\"memory_only\"").count();
        assert_eq!(
            html.matches("data-local-share=").count(),
            rows - memory_only
        );
    }

    #[test]
    fn names_and_reasons_are_escaped() {
        let mut catalogue = Catalogue::built_in("a <broken> \"file\"".into());
        catalogue.models[0].name = "<b>&";
        let profile = DeviceProfile::default();
        let html = fit_table_html(&catalogue, &query(&profile, Precision::Q4));
        assert!(html.contains("&lt;b&gt;&amp;"));
        assert!(html.contains("a &lt;broken&gt; &quot;file&quot;"));
        assert!(!html.contains("<b>"));
    }
}
