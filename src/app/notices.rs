//! Dismissible notices: what a link or the browser could not do, said plainly.

use yew::prelude::*;

use super::state::{use_advisor, Action};

#[function_component(Notices)]
pub fn notices() -> Html {
    let state = use_advisor();
    if state.notices.is_empty() {
        return html! {};
    }
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::DismissNotices))
    };
    html! {
        <div class="notice" id="notices" role="status">
            <ul>{ for state.notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            <button type="button" class="secondary" id="dismiss-notices" onclick={ dismiss }>{ "Dismiss" }</button>
        </div>
    }
}
