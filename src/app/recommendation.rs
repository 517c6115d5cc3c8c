//! The recommendation, computed once per change and shared by the result, the cost panel and the export.

use std::rc::Rc;

use yew::prelude::*;

use super::analyzer_state::use_analyzer;
use super::state::use_advisor;
use crate::device::classify;
use crate::engine::measured::Measured;
use crate::engine::recommend::Recommendation;
use crate::engine::{recommend, Input};

#[derive(Properties, PartialEq)]
pub struct RecommendationProviderProps {
    pub children: Html,
}

/// Re-scores only when the answers, the cost inputs, the device class or a measured latency
/// change, not when a notice does, and hands the result to every component below it.
#[function_component(RecommendationProvider)]
pub fn recommendation_provider(props: &RecommendationProviderProps) -> Html {
    let state = use_advisor();
    // The device class counts only when the visitor says the feature runs on this device.
    let device_class = state
        .shared
        .this_device
        .then(|| classify(&state.device))
        .flatten();
    // Measured latencies count once both sides have one: the analyzer's median on this
    // device and the last cloud call's total time.
    let analyzer = use_analyzer();
    let local_ms = analyzer.state.last.as_ref().map(|a| a.p50_ms);
    let latencies = (
        local_ms.map(f64::to_bits),
        state.cloud_latency_ms.map(f64::to_bits),
    );
    let recommendation: Rc<Recommendation> = use_memo(
        (
            state.shared.answers.clone(),
            state.shared.cost.clone(),
            device_class,
            latencies,
        ),
        |(answers, cost, device, (local, cloud))| {
            recommend(&Input {
                answers: answers.clone(),
                cost: cost.clone(),
                measured: Measured {
                    device: device.clone(),
                    local_latency_ms: local.map(f64::from_bits),
                    cloud_latency_ms: cloud.map(f64::from_bits),
                },
                ..Input::default()
            })
        },
    );
    html! {
        <ContextProvider<Rc<Recommendation>> context={ recommendation }>
            { props.children.clone() }
        </ContextProvider<Rc<Recommendation>>>
    }
}

/// The current recommendation; `RecommendationProvider` always wraps the components that ask.
#[hook]
pub fn use_recommendation() -> Rc<Recommendation> {
    use_context::<Rc<Recommendation>>()
        .expect("the recommendation is provided by RecommendationProvider")
}
