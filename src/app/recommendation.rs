//! The recommendation, computed once per change and shared by the result, the cost panel and the export.

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use super::state::use_advisor;
use crate::device::classify;
use crate::device::feature_time::feature_time;
use crate::device::runtime::RuntimeClass;
use crate::device::speed::Workload;
use crate::engine::cost::PriceTable;
use crate::engine::measured::Measured;
use crate::engine::recommend::recommend_on_page;
use crate::engine::recommend::Recommendation;
use crate::engine::Input;

/// The recommendation with the measured facts it was scored from: the report worker re-scores
/// the same facts with the same answers, so an exported report says what the page says.
#[derive(Debug)]
pub struct Scored {
    pub measured: Measured,
    pub recommendation: Recommendation,
}

/// The context's value. It compares by identity: the memo hands out a new value only when an
/// input changed, so a field-by-field comparison of the recommendation bought nothing but bytes.
#[derive(Debug, Clone)]
pub struct ScoredContext(pub Rc<Scored>);

impl PartialEq for ScoredContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Scored {
    type Target = Recommendation;
    fn deref(&self) -> &Recommendation {
        &self.recommendation
    }
}

#[derive(Properties, PartialEq)]
pub struct RecommendationProviderProps {
    pub children: Html,
}

/// Re-scores only when the answers, the cost inputs, the device class or a measured time
/// change, not when a notice does, and hands the result to every component below it.
#[function_component(RecommendationProvider)]
pub fn recommendation_provider(props: &RecommendationProviderProps) -> Html {
    let state = use_advisor();
    // This device's class and measured speed count only when the visitor says the feature runs
    // on this device: a developer's laptop says nothing about their users' phones.
    let this_device = state.shared.this_device;
    let device_class = this_device.then(|| classify(&state.device)).flatten();
    // The feature's local time: a model of the answered task size, for the cost panel's
    // request, extrapolated from "Measure this device". It counts once the cloud side has a
    // measured time too.
    let work = Workload::from(&state.shared.cost);
    let local = match (
        this_device,
        &state.measurement,
        state.shared.answers.model_size(),
    ) {
        (true, Some(measurement), Some(size)) => {
            // The class the feature ships on: a web feature in the browser, an app natively.
            let class = RuntimeClass::for_tooling(state.shared.answers.tooling(), &state.device);
            feature_time(size, class, &state.device, measurement, work).map(|t| t.estimate(work))
        }
        _ => None,
    };
    let scored: Rc<Scored> = use_memo(
        (
            state.shared.answers.clone(),
            state.shared.cost.clone(),
            device_class,
            local,
            state.cloud_latency_ms.map(f64::to_bits),
            PricesByIdentity(state.prices.clone()),
        ),
        |(answers, cost, device, local, cloud, prices)| {
            let measured = Measured {
                device: device.clone(),
                local: local.clone(),
                cloud_latency_ms: cloud.map(f64::from_bits),
            };
            Scored {
                recommendation: recommend_on_page(&Input::scored_on_page(
                    answers,
                    cost,
                    &prices.0,
                    measured.clone(),
                )),
                measured,
            }
        },
    );
    html! {
        <ContextProvider<ScoredContext> context={ ScoredContext(scored) }>
            { props.children.clone() }
        </ContextProvider<ScoredContext>>
    }
}

/// The price table compared by identity: it is read once at start and never changes after.
struct PricesByIdentity(Rc<PriceTable>);

impl PartialEq for PricesByIdentity {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The current recommendation; `RecommendationProvider` always wraps the components that ask.
#[hook]
pub fn use_recommendation() -> Rc<Scored> {
    use_context::<ScoredContext>()
        .map(|context| context.0)
        .expect("the recommendation is provided by RecommendationProvider")
}
