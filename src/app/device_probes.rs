//! Starts the device probes once per page and keeps the network state current.

use yew::prelude::*;

use super::state::{Action, AdvisorContext};
use crate::device::probe::{self, NetworkWatch};
use crate::device::ProbeResult;

/// Runs every probe once and listens for network changes until the page goes.
#[hook]
pub fn use_device_probes(state: &AdvisorContext) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let report = {
            let dispatcher = dispatcher.clone();
            move |results: Vec<ProbeResult>| dispatcher.dispatch(Action::Probes(results))
        };
        probe::run_all(report);
        let watch = NetworkWatch::start(move |network| {
            dispatcher.dispatch(Action::Probes(vec![ProbeResult::Network(network)]))
        });
        move || drop(watch)
    });
}
