//! The "this device" switch under the hardware question: use the measured profile as the answer.

use yew::prelude::*;

use super::state::{Action, AdvisorContext};
use crate::device::classify;

/// The checkbox and its note; a plain function, as components cost the bundle kilobytes each.
pub fn this_device_toggle(state: &AdvisorContext) -> Html {
    let on = state.shared.this_device;
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            state.dispatch(Action::ThisDevice(input.checked()));
        })
    };
    let note = on.then(|| match classify(&state.device) {
        Some(class) => format!(
            "The measured class, {}, stands in for the answer above.",
            class.resources.key().replace('_', "-")
        ),
        None => "Waiting for this device's measurements…".to_string(),
    });
    html! {
        <div class="this-device">
            <label for="this-device">
                <input type="checkbox" id="this-device" checked={ on } { onchange } />
                { " It will run on this device: use what this device measures" }
            </label>
            { for note.map(|n| html! { <p class="muted small" id="this-device-note">{ n }</p> }) }
        </div>
    }
}
