//! The live result: verdict, confidence, hard rules, conflict, hybrid mode, the worker's details
//! (plan, reach, stacks), what would change it, and the factor chart.

use crate::decimal::{Fixed, Plain};
use yew::prelude::*;

use super::embed::use_result_message;
use super::factor_chart::FactorChart;
use super::flip_links::flip_links;
use super::markup::{escape, list, raw};
use super::model_fit::use_report_html;
use super::recommendation::use_recommendation;
use super::report_worker::REPORTS;
use super::state::use_advisor;
use crate::engine::questions::{option_label, title, ASKED_ORDER};
use crate::engine::recommend::Direction;
use crate::engine::{Factor, Verdict};
use crate::report::protocol::{Format, ReportRequest, ReportSource};

fn headline(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Local => "Run it on the device",
        Verdict::Cloud => "Run it in the cloud",
        Verdict::Hybrid => "Use both: a hybrid",
        Verdict::Undecided => "No verdict yet",
    }
}

#[function_component(ResultPanel)]
pub fn result_panel() -> Html {
    let state = use_advisor();
    let recommendation = use_recommendation();
    let r = &*recommendation;
    let host = state.shared.host.clone().filter(|_| state.shared.embed);
    use_result_message(host, r);
    let percent = Fixed(r.confidence * 100.0, 0);
    // The details the report worker writes, since it holds the surveys and the words: a hybrid's
    // plan, the share of a surveyed fleet that can run a verdict on the device, and the
    // recommended stacks.
    let wants_details = r.verdict != Verdict::Undecided;
    let details = use_report_html(
        REPORTS,
        wants_details.then(|| ReportRequest {
            source: ReportSource::Advice {
                shared: state.shared.clone(),
                measured: recommendation.measured.clone(),
                price: state.prices.row_for(&state.shared.cost).map(Box::new),
            },
            format: Format::Details,
        }),
    );
    // The last answer stays in the hook when the answers are cleared: shown only while wanted.
    let details = match (&*details, wants_details) {
        (Some(Ok(html)), true) => raw(html.clone()),
        (Some(Err(error)), true) => html! {
            <p class="muted small" id="details-error">{ format!("The stacks and details: the background worker {error}.") }</p>
        },
        _ => Html::default(),
    };

    // The measured facts, hard rules, conflict and hybrid mode: display only, so HTML text.
    let mut notes = String::new();
    if !r.measured_facts.is_empty() {
        notes += "<div class=\"measured\" id=\"measured-facts\"><h3>Measured on this device</h3>";
        notes += &list(
            "",
            r.measured_facts.iter().map(|f| (String::new(), f.as_str())),
        );
        notes += "</div>";
    }
    if !r.rules.is_empty() {
        notes += "<div class=\"rules\"><h3>Hard rules</h3>";
        notes += &list(
            "",
            r.rules.iter().map(|rule| {
                (
                    format!(" data-rule=\"{}\"", rule.id.key()),
                    rule.reason.as_str(),
                )
            }),
        );
        notes += "</div>";
    }
    if let Some(c) = &r.conflict {
        notes += &format!(
            "<div class=\"conflict\" id=\"conflict\" role=\"note\"><h3>Conflict</h3><p>{}</p>",
            escape(&c.summary)
        );
        notes += &list(
            "",
            c.changes
                .iter()
                .map(|change| (String::new(), change.as_str())),
        );
        notes += "</div>";
    }
    // The architecture's name and why here; how it works, when it applies, why not its nearest
    // neighbour and what it takes come with the details below.
    if let Some(h) = &r.hybrid {
        notes += &format!(
            "<div class=\"hybrid\" id=\"hybrid-mode\" data-mode=\"{}\"><h3>{}</h3>\
             <p id=\"hybrid-because\">Why here: {}</p></div>",
            h.mode.key(),
            escape(h.title()),
            escape(h.because),
        );
    }
    let mut reasons = String::from("<ul id=\"reasons\">");
    for f in ASKED_ORDER
        .iter()
        .filter_map(|factor| r.factors.iter().find(|f| f.factor == *factor))
    {
        let pulls = match f.direction {
            Direction::Local => "device",
            Direction::Cloud => "cloud",
            Direction::Neutral => "neither",
        };
        let answer = f.option.map_or(String::new(), |o| {
            format!(
                "<span class=\"answer\"> ({})</span>",
                escape(option_label(o))
            )
        });
        reasons += &format!(
            "<li data-factor=\"{}\" data-pull=\"{pulls}\"><strong>{}</strong>{answer} — pulls to {pulls}. {}</li>",
            f.factor.key(),
            escape(title(f.factor)),
            escape(&f.reason)
        );
    }
    reasons += "</ul>";

    let mode = r.hybrid.as_ref().map(|h| h.mode.key());
    let decided = r.verdict != Verdict::Undecided;
    html! {
        <section id="result" class={ classes!("panel", "result", r.verdict.key()) }
            data-verdict={ r.verdict.key() } data-hybrid-mode={ mode } aria-labelledby="result-title">
            <h2 id="result-title">
                <span class="eyebrow">{ "Verdict" }</span>
                <span id="verdict-text" aria-live="polite">{ headline(r.verdict) }</span>
            </h2>
            if decided {
                <p class="confidence">
                    <label for="confidence">{ format!("{percent}% confidence") }</label>
                    <meter id="confidence" min="0" max="1" value={ Plain(r.confidence).to_string() }>
                        { format!("{percent}%") }
                    </meter>
                    <span class="muted">{ format!(" · {} of {} questions answered; agreement between factors {}%", r.answered, Factor::ALL.len(), Fixed(r.agreement * 100.0, 0)) }</span>
                </p>
            } else {
                <p class="undecided-note" id="undecided-note">
                    { "Answer any question to get a verdict. The first three (what data the feature \
                       handles, the network it can count on and how demanding the task is) decide \
                       most projects." }
                </p>
            }
            { raw(notes) }
            { flip_links(&r.flips, &state.shared) }
            if decided {
                <h3>{ "Factor by factor" }</h3>
                <FactorChart factors={ r.factors.clone() } />
                <details class="reasons" open={ state.shared.embed }>
                    <summary>{ "Why, factor by factor" }</summary>
                    { raw(reasons) }
                </details>
            }
            // Last, so its arrival from the worker moves nothing already on screen.
            { details }
            // On narrow screens the result sits below the questions; this bar keeps the verdict in view.
            <a href="#result" class="verdict-bar" aria-label={ format!("Verdict: {}, {percent}% confidence. Go to the result.", headline(r.verdict)) }>
                <span class={ classes!("dot", r.verdict.key()) }></span>
                { format!("{} · {percent}%", headline(r.verdict)) }
            </a>
        </section>
    }
}
