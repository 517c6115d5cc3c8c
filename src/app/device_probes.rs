//! Starts the device probes once per page, keeps the network state current, and reads the WebGL
//! renderer once the device panel is open.

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

/// Reads the WebGL renderer's name once, when the device panel (the only place it is shown, and
/// the way to its report) is first open: creating a WebGL context takes tens of milliseconds,
/// over 50 on a software renderer, which a visitor who never opens the panel should not pay while
/// the page starts. The returned callback goes on the panel's `ontoggle`, which the browser also
/// fires, in a task of its own, for a panel rendered open (wide screens).
#[hook]
pub fn use_webgl_when_shown(state: &AdvisorContext) -> Callback<Event> {
    let dispatcher = state.dispatcher();
    // Read from the state at render time: once read, the next render's callback does nothing.
    let pending = state.device.webgl_renderer.is_pending();
    Callback::from(move |event: Event| {
        let details: web_sys::Element = event.target_unchecked_into();
        if pending && details.has_attribute("open") {
            let renderer = probe::webgl_renderer();
            dispatcher.dispatch(Action::Probes(vec![ProbeResult::WebGlRenderer(renderer)]));
        }
    })
}
