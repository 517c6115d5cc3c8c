//! "Describe your feature": the on-device analyzer reads the text and suggests answers.

use crate::decimal::{Fixed, Plain};
use yew::prelude::*;

use super::markup::{escape, raw, slot};

use super::analyzer_state::{use_analyzer, Phase};
use super::state::{use_advisor, Action};
use crate::engine::questions::{option_label, title};
use crate::share::{Field, MAX_DESCRIBE_CHARS};

#[function_component(Describe)]
pub fn describe() -> Html {
    let state = use_advisor();
    let analyzer = use_analyzer();
    let text = state.shared.describe.clone().unwrap_or_default();
    let a = &*analyzer.state;

    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            state.dispatch(Action::Field(Field::Describe, area.value()));
        })
    };
    let onsubmit = {
        let (analyze, text) = (analyzer.analyze.clone(), text.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            analyze.emit(text.clone());
        })
    };
    // Idle counts as ready: pressing the button fetches the model, then analyzes.
    let ready = matches!(a.phase, Phase::Ready | Phase::Idle);
    let (data_state, status) = match (&a.phase, a.load) {
        (Phase::Idle, _) => (
            "idle",
            "The on-device model (1.4 MB) is fetched when you use this box.".to_string(),
        ),
        (Phase::Starting, _) => ("starting", "Loading the on-device model…".to_string()),
        (Phase::Failed(message), _) => (
            "failed",
            format!("The on-device analyzer is unavailable: {message}. Answer the questions yourself; everything else works."),
        ),
        (Phase::Analyzing, _) => ("analyzing", "Analyzing on this device…".to_string()),
        (Phase::Ready, Some(load)) => (
            "ready",
            format!(
                "local inference ready: the {} KB model was fetched in {} ms and optimized in {} ms, in a worker.",
                Fixed(load.model_bytes as f64 / 1000.0, 0),
                Fixed(load.fetch_ms, 0),
                Fixed(load.optimize_ms, 0)
            ),
        ),
        (Phase::Ready, None) => ("ready", "local inference ready.".to_string()),
    };
    let error = a.error.as_ref().map(|e| html! {
        <p class="error" id="analysis-error" role="alert">{ format!("The analysis failed: {e}. Your text and answers are kept.") }</p>
    });
    let results = a.last.as_ref().map(|last| {
        let suggested = last.heads.iter().filter(|h| h.suggestion.is_some()).count();
        html! {
            <div id="analysis" data-suggested={ suggested.to_string() } data-text={ last.text.clone() }>
                <p id="analysis-latency" data-p50={ Plain(last.p50_ms).to_string() } data-p95={ Plain(last.p95_ms).to_string() } data-mean={ Plain(last.mean_ms).to_string() }>{ format!(
                    "Analyzed on this device in {} ms (p50) / {} ms (p95) over {} runs. Nothing left the device.",
                    Fixed(last.p50_ms, 2), Fixed(last.p95_ms, 2), last.runs
                ) }</p>
                { raw(heads_html(&last.heads)) }
            </div>
        }
    });
    html! {
        <section id="describe" class="panel" aria-labelledby="describe-title">
            <h2 id="describe-title">{ "Describe your feature" }</h2>
            <form onsubmit={ onsubmit }>
                <label for="describe-text" class="muted small">
                    { "A sentence or two; a small model in this browser suggests answers. Nothing is sent anywhere." }
                </label>
                <textarea id="describe-text" rows="3" maxlength={ MAX_DESCRIBE_CHARS.to_string() }
                    placeholder="Summarize patient notes on clinic laptops that are often offline"
                    value={ text.clone() } { oninput } onfocus={ analyzer.wake.reform(|_| ()) } />
                <p class="actions">
                    <button type="submit" id="analyze" disabled={ !ready || text.trim().is_empty() }>
                        { "Suggest answers on this device" }
                    </button>
                </p>
            </form>
            <p id="inference-status" data-state={ data_state } role="status" aria-live="polite"
                data-fetch-ms={ a.load.map(|l| Plain(l.fetch_ms).to_string()) } data-optimize-ms={ a.load.map(|l| Plain(l.optimize_ms).to_string()) }>{ status }</p>
            { slot(error) }
            { slot(results) }
        </section>
    }
}

/// The analyzer's answer per head, as HTML text (display only; see `markup`).
fn heads_html(heads: &[crate::analyzer::labels::HeadResult]) -> String {
    let mut out = String::from("<ul class=\"analysis\">");
    for h in heads {
        let percent = (h.confidence * 100.0).round() as u32;
        let said = match h.suggestion {
            Some(choice) => format!("{} ({percent}% sure)", escape(option_label(choice))),
            None => "no suggestion: the text does not say clearly".to_string(),
        };
        out += &format!(
            "<li data-factor=\"{}\" data-suggestion=\"{}\" data-best=\"{}\" data-confidence=\"{}\"><strong>{}</strong>: {said}</li>",
            h.factor.key(),
            h.suggestion.map_or("", |c| c.key()),
            h.best.map_or(crate::analyzer::labels::UNKNOWN, |c| c.key()),
            Plain(f64::from(h.confidence)),
            escape(title(h.factor))
        );
    }
    out + "</ul>"
}
