//! The eleven questions, most decisive first, with progress and a way to start over.

use yew::prelude::*;

use super::question::Question;
use super::state::{use_advisor, Action};
use crate::engine::questions::ASKED_ORDER;

#[function_component(Questionnaire)]
pub fn questionnaire() -> Html {
    let state = use_advisor();
    let answered = state.shared.answers.answered();
    let total = ASKED_ORDER.len();
    let start_over = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::StartOver))
    };
    html! {
        <section id="questionnaire" class="panel" aria-labelledby="questionnaire-title">
            <div class="panel-head">
                <h2 id="questionnaire-title">{ "Your AI feature" }</h2>
                <button type="button" class="secondary" id="start-over" onclick={ start_over }>
                    { "Start over" }
                </button>
            </div>
            <p class="progress-line">
                <label for="progress">
                    { format!("Answered {answered} of {total}") }
                </label>
                <progress id="progress" max={ total.to_string() } value={ answered.to_string() }>
                    { format!("{answered} of {total}") }
                </progress>
            </p>
            // Without scripts (the prerendered page) the form still works: its radio buttons are
            // named by the factors' keys, so submitting it makes a share link with the answers.
            <form class="questions" method="get" onsubmit={ Callback::from(|e: SubmitEvent| e.prevent_default()) }>
                { for ASKED_ORDER.iter().enumerate().map(|(i, factor)| html! {
                    <Question factor={ *factor } number={ i + 1 } />
                }) }
                <noscript>
                    <p><button type="submit" class="works-without-app">{ "Keep these answers in the page's link" }</button></p>
                </noscript>
            </form>
        </section>
    }
}
