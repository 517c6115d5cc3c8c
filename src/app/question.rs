//! One question: a native radio group whose name is the factor key and whose values are the option keys.

use yew::prelude::*;

use super::browser;
use super::markup::slot;

use super::state::{use_advisor, Action};
use super::this_device::this_device_toggle;
use crate::engine::questions::{option_label, question, why};
use crate::engine::Factor;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub factor: Factor,
    pub number: usize,
}

#[function_component(Question)]
pub fn question_view(props: &QuestionProps) -> Html {
    let state = use_advisor();
    let factor = props.factor;
    let key = factor.key();
    let chosen = state.shared.answers.get(factor);
    let why_id = format!("why-{key}");
    // An embed keeps each answered question to one line until the reader asks to change it, so
    // the verdict and the next question stay within a docs page's frame (the stylesheet hides
    // the other options, except while the keyboard is in the group).
    let opened = use_state(|| false);
    let collapsed = state.shared.embed && chosen.is_some() && !*opened;

    let options = factor.choices().into_iter().map(|choice| {
        let id = format!("{key}-{}", choice.key());
        let onchange = {
            let state = state.clone();
            Callback::from(move |_: Event| state.dispatch(Action::Answer(choice)))
        };
        html! {
            <label class="option" for={ id.clone() }>
                <input type="radio" id={ id } name={ key } value={ choice.key() }
                    checked={ chosen == Some(choice) } { onchange } />
                <span>{ option_label(choice) }</span>
            </label>
        }
    });

    let suggested = state.suggested.get(factor).map(|percent| {
        let state = state.clone();
        let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::Confirm(factor)));
        html! {
            <p class="suggested" data-suggested="true">
                { format!("Suggested by the on-device model ({percent}% sure). ") }
                <button type="button" class="link" { onclick }>{ "Keep it" }</button>
            </p>
        }
    });
    // "Change" goes away as the options appear: the focus moves to the chosen one, not the body.
    {
        let checked = chosen.map(|choice| format!("{key}-{}", choice.key()));
        use_effect_with(*opened, move |opened| {
            if let Some(id) = checked.filter(|_| *opened) {
                browser::focus_if_lost(&id);
            }
        });
    }
    let change = collapsed.then(|| {
        let onclick = Callback::from(move |_: MouseEvent| opened.set(true));
        html! { <button type="button" class="link change" { onclick }>{ "Change" }</button> }
    });
    let clear = chosen.map(|_| {
        let state = state.clone();
        let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::Unanswer(factor)));
        html! {
            <button type="button" class="link clear" { onclick }
                aria-label={ format!("Clear the answer to question {}", props.number) }>
                { "Clear" }
            </button>
        }
    });

    html! {
        <fieldset class={ classes!("question", chosen.is_some().then_some("answered"), collapsed.then_some("collapsed")) }
            id={ format!("q-{key}") } aria-describedby={ why_id.clone() }>
            <legend>{ format!("{}. {}", props.number, question(factor)) }</legend>
            <p class="why" id={ why_id }>{ why(factor) }</p>
            <div class="options">{ for options }{ slot(change) }</div>
            { slot(suggested) }
            { slot(clear) }
            if factor == Factor::Resources { { this_device_toggle(&state) } }
            if factor == Factor::Connectivity && state.device.is_offline() {
                <p class="offline-now" id="offline-now">
                    { "This device is offline right now, and the advisor still works: that is \
                       what running on the device buys. A cloud model could not answer." }
                </p>
            }
        </fieldset>
    }
}
