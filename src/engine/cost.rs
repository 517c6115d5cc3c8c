//! The cost model: cloud spend per month from volume and token prices, local up-front spend, and the break-even month.

use serde::{Deserialize, Serialize};

/// Months in the cumulative comparison.
pub const HORIZON_MONTHS: u32 = 24;
/// Billing months are taken as 30 days, the convention of the providers' monthly estimates.
pub const DAYS_PER_MONTH: f64 = 30.0;

/// A model's price per million tokens, in US dollars.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Price {
    pub model: String,
    pub provider: String,
    pub input_per_million: f64,
    pub output_per_million: f64,
}

/// A dated, editable table of prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriceTable {
    /// When the prices were read from the providers' public price lists.
    pub taken_on: String,
    pub prices: Vec<Price>,
}

impl Default for PriceTable {
    /// Pay-as-you-go list prices for global standard deployments, as published in mid-2025.
    /// They change: the UI lets the visitor edit them, and the date travels with every report.
    fn default() -> Self {
        let price = |model: &str, provider: &str, input: f64, output: f64| Price {
            model: model.into(),
            provider: provider.into(),
            input_per_million: input,
            output_per_million: output,
        };
        Self {
            taken_on: "2025-06".into(),
            prices: vec![
                price("gpt-4o-mini", "OpenAI / Azure OpenAI", 0.15, 0.60),
                price("gpt-4.1-nano", "OpenAI / Azure OpenAI", 0.10, 0.40),
                price("gpt-4.1-mini", "OpenAI / Azure OpenAI", 0.40, 1.60),
                price("Phi-4-mini", "Azure AI Foundry", 0.075, 0.30),
                price("Phi-4", "Azure AI Foundry", 0.125, 0.50),
            ],
        }
    }
}

impl PriceTable {
    pub fn find(&self, model: &str) -> Option<&Price> {
        self.prices.iter().find(|p| p.model == model)
    }
}

/// The volume and hardware figures the visitor gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CostInputs {
    pub users: u64,
    pub requests_per_user_per_day: f64,
    pub input_tokens: u64,
    pub output_tokens: u64,
    /// The model whose price the cloud side is costed at.
    pub model: String,
    /// Hardware to buy per user's device to run locally; 0 when users already own capable devices.
    pub upgrade_per_device: f64,
}

impl Default for CostInputs {
    fn default() -> Self {
        Self {
            users: 1_000,
            requests_per_user_per_day: 20.0,
            input_tokens: 500,
            output_tokens: 200,
            model: "gpt-4o-mini".into(),
            upgrade_per_device: 0.0,
        }
    }
}

/// One month of the cumulative comparison.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MonthPoint {
    pub month: u32,
    pub cloud: f64,
    pub local: f64,
}

/// Cloud against local spend over the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostComparison {
    pub model: String,
    pub prices_taken_on: String,
    pub requests_per_month: f64,
    pub cloud_per_request: f64,
    pub cloud_per_month: f64,
    pub local_upfront: f64,
    /// The first month by whose end the cloud has cost at least the local hardware; None if never.
    pub break_even_month: Option<u32>,
    pub cumulative: Vec<MonthPoint>,
}

/// Why the cost could not be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CostError {
    UnknownModel(String),
}

/// Computes the comparison; every figure comes from the inputs and the price table.
pub fn compare(inputs: &CostInputs, table: &PriceTable) -> Result<CostComparison, CostError> {
    let price = table
        .find(&inputs.model)
        .ok_or_else(|| CostError::UnknownModel(inputs.model.clone()))?;
    let cloud_per_request = inputs.input_tokens as f64 * price.input_per_million / 1e6
        + inputs.output_tokens as f64 * price.output_per_million / 1e6;
    let requests_per_month =
        inputs.users as f64 * inputs.requests_per_user_per_day * DAYS_PER_MONTH;
    let cloud_per_month = requests_per_month * cloud_per_request;
    let local_upfront = inputs.users as f64 * inputs.upgrade_per_device;
    let break_even_month = if local_upfront <= 0.0 {
        Some(0)
    } else if cloud_per_month <= 0.0 {
        None
    } else {
        let months = (local_upfront / cloud_per_month).ceil();
        (months <= u32::MAX as f64).then_some(months as u32)
    };
    let cumulative = (0..=HORIZON_MONTHS)
        .map(|month| MonthPoint {
            month,
            cloud: cloud_per_month * f64::from(month),
            local: local_upfront,
        })
        .collect();
    Ok(CostComparison {
        model: price.model.clone(),
        prices_taken_on: table.taken_on.clone(),
        requests_per_month,
        cloud_per_request,
        cloud_per_month,
        local_upfront,
        break_even_month,
        cumulative,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn default_volume_on_gpt_4o_mini_checked_by_hand() {
        // 1,000 users x 20 requests x 30 days = 600,000 requests a month.
        // One request: 500 x $0.15/M + 200 x $0.60/M = $0.000075 + $0.00012 = $0.000195.
        // A month: 600,000 x $0.000195 = $117.
        let c = compare(&CostInputs::default(), &PriceTable::default()).expect("known model");
        assert!(close(c.requests_per_month, 600_000.0));
        assert!(close(c.cloud_per_request, 0.000195));
        assert!(close(c.cloud_per_month, 117.0));
        assert_eq!(
            c.break_even_month,
            Some(0),
            "owned hardware costs nothing up front"
        );
        assert_eq!(c.cumulative.len(), 25);
        assert!(close(c.cumulative[24].cloud, 2_808.0));
    }

    #[test]
    fn break_even_with_an_upgrade_checked_by_hand() {
        // 50 users, 100 requests a day, 2,000 in and 500 out on Phi-4:
        // per request 2,000 x $0.125/M + 500 x $0.50/M = $0.00025 + $0.00025 = $0.0005;
        // a month 50 x 100 x 30 = 150,000 requests = $75. A $300 upgrade each is $15,000 up
        // front, which the cloud reaches after 15,000 / 75 = 200 months.
        let inputs = CostInputs {
            users: 50,
            requests_per_user_per_day: 100.0,
            input_tokens: 2_000,
            output_tokens: 500,
            model: "Phi-4".into(),
            upgrade_per_device: 300.0,
        };
        let c = compare(&inputs, &PriceTable::default()).expect("known model");
        assert!(close(c.cloud_per_month, 75.0));
        assert!(close(c.local_upfront, 15_000.0));
        assert_eq!(c.break_even_month, Some(200));
    }

    #[test]
    fn a_fractional_break_even_rounds_up_and_no_traffic_never_breaks_even() {
        // gpt-4.1-nano, 10 users x 10 a day x 30 = 3,000 requests; 1,000 in, 1,000 out:
        // $0.0001 + $0.0004 = $0.0005 each, $1.50 a month. $4 up front is passed in month 3.
        let mut inputs = CostInputs {
            users: 10,
            requests_per_user_per_day: 10.0,
            input_tokens: 1_000,
            output_tokens: 1_000,
            model: "gpt-4.1-nano".into(),
            upgrade_per_device: 0.4,
        };
        let c = compare(&inputs, &PriceTable::default()).expect("known model");
        assert!(close(c.cloud_per_month, 1.5));
        assert_eq!(c.break_even_month, Some(3));
        inputs.requests_per_user_per_day = 0.0;
        let c = compare(&inputs, &PriceTable::default()).expect("known model");
        assert_eq!(c.break_even_month, None);
    }

    #[test]
    fn an_unknown_model_is_an_error() {
        let inputs = CostInputs {
            model: "gpt-9".into(),
            ..CostInputs::default()
        };
        assert_eq!(
            compare(&inputs, &PriceTable::default()),
            Err(CostError::UnknownModel("gpt-9".into()))
        );
    }
}
