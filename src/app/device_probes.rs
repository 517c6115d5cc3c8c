//! Starts the device probes once per page, keeps the network state current, and mounts the
//! evidence folds' panels (reading the WebGL renderer for the device's) once they are open.

use yew::prelude::*;

use super::state::{Action, AdvisorContext};
use crate::device::probe::{self, NetworkWatch};
use crate::device::ProbeResult;

/// Runs the probes that must be awaited once (the immediate ones are in the first state) and
/// listens for network changes until the page goes.
#[hook]
pub fn use_device_probes(state: &AdvisorContext) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let report = {
            let dispatcher = dispatcher.clone();
            move |results: Vec<ProbeResult>| dispatcher.dispatch(Action::Probes(results))
        };
        probe::run_slow(report);
        let watch = NetworkWatch::start(move |network| {
            dispatcher.dispatch(Action::Probes(vec![ProbeResult::Network(network)]))
        });
        move || drop(watch)
    });
}

/// Mounts a fold's panel the first time the fold is open, and then keeps it: a phone starts with
/// its folds closed, and rendering panels nobody has opened (the device's fit table, the cloud
/// form) made each of the start's renders longer; once mounted, a panel keeps what was typed in
/// it when the fold closes again. The returned callback goes on the fold's `ontoggle`, which the
/// browser also fires, in a task of its own, for a fold rendered open (wide screens). On the
/// device fold it also reads the WebGL renderer's name, once: creating a WebGL context takes
/// tens of milliseconds, over 50 on a software renderer, which a visitor who never opens the
/// panel (the only place it is shown, and the way to its report) should not pay.
#[hook]
pub fn use_fold(state: &AdvisorContext, open: bool, webgl: bool) -> (bool, Callback<Event>) {
    let shown = use_state_eq(|| open);
    let dispatcher = state.dispatcher();
    // Read from the state at render time: once read, the next render's callback does nothing.
    let pending = webgl && state.device.webgl_renderer.is_pending();
    let setter = shown.setter();
    let on_toggle = Callback::from(move |event: Event| {
        let details: web_sys::Element = event.target_unchecked_into();
        if details.has_attribute("open") {
            setter.set(true);
            if pending {
                let renderer = probe::webgl_renderer();
                dispatcher.dispatch(Action::Probes(vec![ProbeResult::WebGlRenderer(renderer)]));
            }
        }
    });
    (*shown, on_toggle)
}
