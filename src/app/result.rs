//! The live result: verdict, confidence, hard rules, conflict, hybrid mode, factor chart, costs, stacks, export.

use crate::decimal::{Fixed, Plain};
use yew::prelude::*;

use super::embed::use_result_message;
use super::factor_chart::FactorChart;
use super::flip_links::flip_links;
use super::markup::{escape, list, raw};
use super::recommendation::use_recommendation;
use super::state::use_advisor;
use crate::engine::questions::{option_label, title, ASKED_ORDER};
use crate::engine::recommend::Direction;
use crate::engine::{Factor, Verdict};

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
    if let Some(h) = &r.hybrid {
        notes += &format!(
            "<div class=\"hybrid\" id=\"hybrid-mode\" data-mode=\"{}\"><h3>{}</h3><p>{}</p>\
             <p id=\"hybrid-because\">Why here: {}</p><p class=\"muted\">When it applies: {}</p>\
             <h4>What it takes to build</h4>",
            h.mode.key(),
            escape(h.title),
            escape(h.how),
            escape(h.because),
            escape(h.when)
        );
        notes += &list(
            " class=\"takes\"",
            h.takes.iter().map(|t| (String::new(), t.as_str())),
        );
        notes += "</div>";
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
    let mut stacks = String::from("<ul class=\"stacks\" id=\"stacks\">");
    for s in &r.stacks {
        stacks += &format!(
            "<li data-side=\"{}\"><a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a> — {}</li>",
            s.side.key(),
            escape(s.docs),
            escape(s.name),
            escape(s.why)
        );
    }
    stacks += "</ul>";

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
                <details class="reasons">
                    <summary>{ "Why, factor by factor" }</summary>
                    { raw(reasons) }
                </details>
            }
            if decided {
                <h3>{ "Recommended stacks" }</h3>
                { raw(stacks) }
            }
            // On narrow screens the result sits below the questions; this bar keeps the verdict in view.
            <a href="#result" class="verdict-bar" aria-label={ format!("Verdict: {}, {percent}% confidence. Go to the result.", headline(r.verdict)) }>
                <span class={ classes!("dot", r.verdict.key()) }></span>
                { format!("{} · {percent}%", headline(r.verdict)) }
            </a>
        </section>
    }
}
