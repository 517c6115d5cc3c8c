//! Local against cloud for the same text: agreement per factor, cost per call and per month.

use super::completion::Usage;
use crate::analyzer::HeadResult;
use crate::engine::cost::{CostInputs, PriceTable};
use crate::engine::{Choice, Factor};

/// One factor as both sides labelled it; None is "could not tell".
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    pub factor: Factor,
    pub local: Option<Choice>,
    pub cloud: Option<Choice>,
}

impl Agreement {
    pub fn agrees(&self) -> bool {
        self.local == self.cloud
    }
}

/// Pairs the local analyzer's best labels (not only the confident ones: the comparison is of
/// answers, not of suggestions) with the cloud's, in the analyzer's head order.
pub fn agreement(local: &[HeadResult], cloud: &[(Factor, Option<Choice>)]) -> Vec<Agreement> {
    local
        .iter()
        .map(|head| Agreement {
            factor: head.factor,
            local: head.best,
            cloud: cloud
                .iter()
                .find(|(factor, _)| *factor == head.factor)
                .and_then(|(_, option)| *option),
        })
        .collect()
}

/// What one call cost and what the visitor's volume would cost a month, at the price table's
/// price for `model`; None when the table has no price for it (local servers, custom models).
#[derive(Debug, Clone, PartialEq)]
pub struct CallCost {
    pub per_call: f64,
    pub per_month: f64,
}

pub fn call_cost(
    model: &str,
    usage: Usage,
    inputs: &CostInputs,
    table: &PriceTable,
) -> Option<CallCost> {
    let price = table.find(model)?;
    let per_call = (usage.prompt_tokens as f64 * price.input_per_million
        + usage.completion_tokens as f64 * price.output_per_million)
        / 1_000_000.0;
    let per_month = per_call * inputs.users as f64 * inputs.requests_per_user_per_day * 30.0;
    Some(CallCost {
        per_call,
        per_month,
    })
}
