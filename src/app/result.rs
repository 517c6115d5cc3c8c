//! The live result: verdict, confidence, hard rules, conflict, hybrid mode, factor chart, costs, stacks, export.

use crate::decimal::{Fixed, Plain};
use yew::prelude::*;

use super::embed::use_result_message;
use super::factor_chart::FactorChart;
use super::flip_links::flip_links;
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

    let rules = (!r.rules.is_empty()).then(|| html! {
        <div class="rules">
            <h3>{ "Hard rules" }</h3>
            <ul>{ for r.rules.iter().map(|rule| html! { <li data-rule={ rule.id.key() }>{ &rule.reason }</li> }) }</ul>
        </div>
    });
    let conflict = r.conflict.as_ref().map(|c| {
        html! {
            <div class="conflict" id="conflict" role="note">
                <h3>{ "Conflict" }</h3>
                <p>{ &c.summary }</p>
                <ul>{ for c.changes.iter().map(|change| html! { <li>{ change }</li> }) }</ul>
            </div>
        }
    });
    let hybrid = r.hybrid.as_ref().map(|h| {
        html! {
            <div class="hybrid" id="hybrid-mode" data-mode={ h.mode.key() }>
                <h3>{ h.title }</h3>
                <p>{ h.how }</p>
                <p id="hybrid-because">{ format!("Why here: {}", h.because) }</p>
                <p class="muted">{ format!("When it applies: {}", h.when) }</p>
                <h4>{ "What it takes to build" }</h4>
                <ul class="takes">{ for h.takes.iter().map(|t| html! { <li>{ t }</li> }) }</ul>
            </div>
        }
    });
    let reasons = ASKED_ORDER.iter().filter_map(|factor| r.factors.iter().find(|f| f.factor == *factor)).map(|f| {
        let pulls = match f.direction {
            Direction::Local => "device",
            Direction::Cloud => "cloud",
            Direction::Neutral => "neither",
        };
        let answer = f.option.map(option_label);
        html! {
            <li data-factor={ f.factor.key() } data-pull={ pulls }>
                <strong>{ title(f.factor) }</strong>
                { for answer.map(|a| html! { <span class="answer">{ format!(" ({a})") }</span> }) }
                { format!(" — pulls to {pulls}. {}", f.reason) }
            </li>
        }
    });

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
            if !r.measured_facts.is_empty() {
                <div class="measured" id="measured-facts">
                    <h3>{ "Measured on this device" }</h3>
                    <ul>{ for r.measured_facts.iter().map(|f| html! { <li>{ f }</li> }) }</ul>
                </div>
            }
            { for rules }
            { for conflict }
            { for hybrid }
            { flip_links(&r.flips, &state.shared) }
            if decided {
                <h3>{ "Factor by factor" }</h3>
                <FactorChart factors={ r.factors.clone() } />
                <details class="reasons">
                    <summary>{ "Why, factor by factor" }</summary>
                    <ul id="reasons">{ for reasons }</ul>
                </details>
            }
            if decided {
                <h3>{ "Recommended stacks" }</h3>
                <ul class="stacks" id="stacks">
                    { for r.stacks.iter().map(|s| html! {
                        <li data-side={ s.side.key() }>
                            <a href={ s.docs } target="_blank" rel="noopener">{ s.name }</a>
                            { format!(" — {}", s.why) }
                        </li>
                    }) }
                </ul>
            }
            // On narrow screens the result sits below the questions; this bar keeps the verdict in view.
            <a href="#result" class="verdict-bar" aria-label={ format!("Verdict: {}, {percent}% confidence. Go to the result.", headline(r.verdict)) }>
                <span class={ classes!("dot", r.verdict.key()) }></span>
                { format!("{} · {percent}%", headline(r.verdict)) }
            </a>
        </section>
    }
}
