//! The advisor's shared UI state: the answers and cost inputs, the notices, and the actions that change them.

use std::rc::Rc;

use yew::prelude::*;

use crate::device::speed::Measurement;
use crate::device::{DeviceProfile, ProbeResult};
use crate::engine::cost::PriceTable;
use crate::engine::factor_map::FactorMap;
use crate::engine::{Choice, Factor};
use crate::share::{self, CostField, Field, Shared};

/// Everything the visitor has entered, plus what the page has to tell them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AdvisorState {
    pub shared: Shared,
    /// Dismissible notices: parts of a link that were ignored, storage that failed.
    pub notices: Vec<String>,
    /// A message per field whose last input was refused; the previous value stays. A short
    /// list rather than a map: there are a handful of fields.
    pub field_errors: Vec<(Field, String)>,
    /// What the browser has told us about this device so far.
    pub device: DeviceProfile,
    /// Answers the on-device analyzer pre-selected, with its confidence in percent, until the
    /// visitor confirms or changes them.
    pub suggested: FactorMap<u8>,
    /// The last cloud call's total time, measured in this browser.
    pub cloud_latency_ms: Option<f64>,
    /// The last "Measure this device" run: the feature's local time is extrapolated from it.
    pub measurement: Option<Rc<Measurement>>,
    /// The cloud prices on this day, read from the price file at start; empty if it failed.
    pub prices: Rc<PriceTable>,
}

/// The ways the state changes.
pub enum Action {
    Answer(Choice),
    Unanswer(Factor),
    /// A field edited in the form.
    Field(Field, String),
    /// Whether the feature runs on this device, so its profile stands in for the hardware answer.
    ThisDevice(bool),
    /// Device probes finished (in batches, so that each batch renders once).
    Probes(Vec<ProbeResult>),
    /// The analyzer's suggestions: each choice with its confidence in percent.
    Suggest(Vec<(Choice, u8)>),
    /// The visitor keeps a suggested answer.
    Confirm(Factor),
    Notice(String),
    /// A cloud call finished in this many milliseconds: a measured fact for the latency factor.
    CloudLatency(f64),
    /// "Measure this device" finished: a measured fact for the feature's local time.
    Measured(Rc<Measurement>),
    DismissNotices,
    /// Drops the visitor's own prices for the cloud model: back to the list price.
    ListPrice,
    StartOver,
}

impl AdvisorState {
    /// Takes the price table read at start. A link's model the table lacks is named in a notice
    /// and the default is used instead, as for any other bad part of a link.
    pub fn with_prices(mut self, prices: Rc<PriceTable>) -> Self {
        if let Some(model) = self.shared.cost.model.clone() {
            if prices.find(&model).is_none() && !prices.prices.is_empty() {
                self.notices.push(format!(
                    "Ignored cloud_model={model}: the price list has no such model, so the cost is worked out at {}.",
                    prices.default_model
                ));
                self.shared.cost.model = None;
            }
        }
        self.prices = prices;
        self
    }

    /// The message for a cost field whose last input was refused, if any.
    pub fn field_error(&self, key: Field) -> Option<&str> {
        self.field_errors
            .iter()
            .find(|(field, _)| *field == key)
            .map(|(_, message)| message.as_str())
    }
}

impl Reducible for AdvisorState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Answer(choice) => {
                next.shared.answers.choose(choice);
                next.suggested.remove(choice.factor());
            }
            Action::Unanswer(factor) => {
                next.shared.answers.clear(factor);
                next.suggested.remove(factor);
            }
            Action::Suggest(suggestions) => {
                // A new analysis replaces the old one's suggestions, including ones it no longer makes.
                for factor in std::mem::take(&mut next.suggested).factors() {
                    next.shared.answers.clear(factor);
                }
                for (choice, percent) in suggestions {
                    let factor = choice.factor();
                    // Never overwrite what the visitor chose themselves.
                    let theirs = next.shared.answers.get(factor).is_some()
                        && !next.suggested.contains(factor);
                    if !theirs {
                        next.shared.answers.choose(choice);
                        next.suggested.insert(factor, percent);
                    }
                }
            }
            Action::Confirm(factor) => {
                next.suggested.remove(factor);
            }
            Action::Field(key, value) => {
                // The field's last error goes either way: the input is accepted or refused anew.
                next.field_errors.retain(|(field, _)| *field != key);
                match share::apply_field(&mut next.shared, key, &value) {
                    // Typed prices belong to the model they were typed for.
                    Ok(()) if key == Field::CloudModel => {
                        next.shared.cost.input_price = None;
                        next.shared.cost.output_price = None;
                    }
                    Ok(()) => {}
                    Err(message) => next.field_errors.push((key, message)),
                }
            }
            Action::ThisDevice(on) => next.shared.this_device = on,
            Action::Probes(results) => results.into_iter().for_each(|r| next.device.apply(r)),
            Action::Notice(message) => {
                if !next.notices.contains(&message) {
                    next.notices.push(message);
                }
            }
            Action::CloudLatency(ms) => next.cloud_latency_ms = Some(ms),
            Action::Measured(measurement) => next.measurement = Some(measurement),
            Action::DismissNotices => next.notices.clear(),
            Action::ListPrice => {
                next.shared.cost.input_price = None;
                next.shared.cost.output_price = None;
                next.field_errors.retain(|(field, _)| {
                    !matches!(field, Field::Cost(CostField::PriceIn | CostField::PriceOut))
                });
            }
            Action::StartOver => {
                next = AdvisorState {
                    shared: Shared {
                        embed: self.shared.embed,
                        host: self.shared.host.clone(),
                        theme: self.shared.theme,
                        ..Shared::default()
                    },
                    // The device has not changed because the answers were cleared.
                    device: self.device.clone(),
                    measurement: self.measurement.clone(),
                    prices: self.prices.clone(),
                    ..AdvisorState::default()
                };
            }
        }
        Rc::new(next)
    }
}

/// The handle components use to read the state and dispatch actions.
///
/// As a context it compares by identity: every change is a new state value, so comparing the
/// values field by field, as the handle itself would, only added a deep comparison of the whole
/// state to the bundle.
#[derive(Clone)]
pub struct AdvisorContext(pub UseReducerHandle<AdvisorState>);

impl PartialEq for AdvisorContext {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq::<AdvisorState>(&*self.0, &*other.0)
    }
}

impl std::ops::Deref for AdvisorContext {
    type Target = UseReducerHandle<AdvisorState>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// The advisor state from context; the root component always provides it.
#[hook]
pub fn use_advisor() -> AdvisorContext {
    use_context::<AdvisorContext>().expect("AdvisorState is provided by the root component")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(query: &str) -> AdvisorState {
        let (shared, notices) = share::parse(query);
        let table = crate::engine::prices::committed().table_on("2026-12-07");
        AdvisorState {
            shared,
            notices,
            ..AdvisorState::default()
        }
        .with_prices(Rc::new(table))
    }

    #[test]
    fn a_links_unknown_model_is_named_and_the_default_is_used() {
        let s = state("cloud_model=gpt-9&users=10");
        assert_eq!(s.shared.cost.model, None);
        assert!(
            s.notices[0].contains("cloud_model=gpt-9"),
            "{:?}",
            s.notices
        );
        assert_eq!(
            s.shared.cost.users, 10,
            "the rest of the link still applies"
        );
        let known = state("cloud_model=gpt-5-nano");
        assert_eq!(known.shared.cost.model.as_deref(), Some("gpt-5-nano"));
        assert!(known.notices.is_empty());
    }
}
