//! The cost model: cloud spend per month from volume and token prices, local up-front spend, and the break-even month.

use crate::decimal::Fixed;
use serde::{Deserialize, Serialize};

pub use super::prices::Shutdown;

/// Months in the cumulative comparison.
pub const HORIZON_MONTHS: u32 = 24;
/// Billing months are taken as 30 days, the convention of the providers' monthly estimates.
pub const DAYS_PER_MONTH: f64 = 30.0;
/// Assumed: what serving one GB of model download costs (a CDN's or blob storage's egress list
/// price is $0.05 to $0.09 per GB for the first tens of terabytes a month).
pub const EGRESS_PER_GB: f64 = 0.08;
/// Assumed: how often a shipped model is replaced by a new version, each one downloaded again.
pub const MODEL_UPDATES_PER_YEAR: f64 = 4.0;
/// With `cost=balanced`, one side must cost at least this many times the other over the
/// horizon before the cost factor pulls towards the cheaper one.
pub const DECISIVE_COST_RATIO: f64 = 2.0;
/// How far a decisive cost comparison pulls the cost factor.
pub const COST_PULL: f64 = 0.5;
/// Assumed: the extra a device able to run the model costs (an NPU or GPU-class laptop or
/// phone over an ordinary one), counted per user when the target hardware cannot run the task
/// and the visitor has not typed an upgrade price.
pub const ASSUMED_UPGRADE_PER_DEVICE: f64 = 400.0;

/// A model's price per million tokens, in US dollars, on the page's date, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Price {
    /// The id links use (`cloud_model=`).
    pub model: String,
    pub provider: String,
    pub input_per_million: f64,
    pub output_per_million: f64,
    /// The day this price took effect, when the dataset gives one (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// The dataset's release, `YYYY-MM`: the staleness flag counts from it.
    pub taken_on: String,
    /// The provider's price page.
    pub source: String,
    /// Kept so old links keep their cost; never the default.
    pub legacy: bool,
    pub shutdown: Option<Shutdown>,
}

/// The prices on the page's date, from the price file (`PricesFile::table_on`); empty until
/// it has been read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PriceTable {
    /// The dataset's release, `YYYY-MM`.
    pub taken_on: String,
    /// The dataset's name and version.
    pub dataset: String,
    /// The model a cost is computed at when the visitor names none (README gives the rule).
    pub default_model: String,
    pub prices: Vec<Price>,
}

/// A price older than this many months is shown as possibly stale.
pub const STALE_AFTER_MONTHS: u32 = 6;

impl PriceTable {
    pub fn find(&self, model: &str) -> Option<&Price> {
        self.prices.iter().find(|p| p.model == model)
    }

    /// The model the inputs are costed at: the visitor's choice, else the default.
    pub fn model_for<'a>(&'a self, inputs: &'a CostInputs) -> &'a str {
        inputs.model.as_deref().unwrap_or(&self.default_model)
    }

    /// The row `inputs` are costed at: all a report worker needs of the table.
    pub fn row_for(&self, inputs: &CostInputs) -> Option<Price> {
        self.find(self.model_for(inputs)).cloned()
    }

    /// A table of the one row the page sent (its model is then the default too).
    pub fn of_one(price: Option<Price>) -> PriceTable {
        PriceTable {
            default_model: price.as_ref().map(|p| p.model.clone()).unwrap_or_default(),
            prices: price.into_iter().collect(),
            ..PriceTable::default()
        }
    }
}

/// Whole months from `taken_on` to `now`, both `YYYY-MM`; None if unreadable or in the future.
pub fn months_old(taken_on: &str, now: &str) -> Option<u32> {
    let months = |text: &str| -> Option<i32> {
        let (y, m) = text.split_once('-')?;
        Some(y.parse::<i32>().ok()? * 12 + m.parse::<i32>().ok()?)
    };
    u32::try_from(months(now)? - months(taken_on)?).ok()
}

/// The volume and hardware figures the visitor gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CostInputs {
    pub users: u64,
    pub requests_per_user_per_day: f64,
    pub input_tokens: u64,
    pub output_tokens: u64,
    /// The model whose price the cloud side is costed at; None: the price table's default.
    pub model: Option<String>,
    /// Hardware to buy per user's device to run locally; 0 when users already own capable devices.
    pub upgrade_per_device: f64,
    /// The visitor's own prices per million tokens for `model`, replacing the list price.
    pub input_price: Option<f64>,
    pub output_price: Option<f64>,
}

impl Default for CostInputs {
    fn default() -> Self {
        Self {
            users: 1_000,
            requests_per_user_per_day: 20.0,
            input_tokens: 500,
            output_tokens: 200,
            model: None,
            upgrade_per_device: 0.0,
            input_price: None,
            output_price: None,
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
    /// When the model's list price was read, and where.
    pub prices_taken_on: String,
    pub price_source: String,
    /// The prices used: the list price or the visitor's own.
    pub input_per_million: f64,
    pub output_per_million: f64,
    pub price_edited: bool,
    /// Whether the hardware upgrade is the assumed one, because the target devices cannot run the task.
    pub upgrade_assumed: bool,
    pub requests_per_month: f64,
    pub cloud_per_request: f64,
    pub cloud_per_month: f64,
    pub local_upfront: f64,
    /// The model's download size per device, in GB (assumed from the task size).
    pub local_download_gb: f64,
    /// The first download to every user's device.
    pub local_first_download: f64,
    /// Model updates downloaded again, per month on average.
    pub local_updates_per_month: f64,
    /// The first month by whose end the cloud has cost at least the local side; None if never.
    pub break_even_month: Option<u32>,
    pub cumulative: Vec<MonthPoint>,
}

/// Why the cost could not be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CostError {
    /// The table has no such model and the visitor typed no prices of their own.
    UnknownModel(String),
}

/// Computes the comparison; every figure comes from the inputs, the price table and the model's download size.
pub fn compare(
    inputs: &CostInputs,
    table: &PriceTable,
    download_gb: f64,
) -> Result<CostComparison, CostError> {
    let model = table.model_for(inputs);
    let price = table.find(model);
    // Typed prices win, and cost a model the table lacks (its file failed to load, say).
    let (input_price, output_price) = match (price, inputs.input_price, inputs.output_price) {
        (_, Some(input), Some(output)) => (input, output),
        (Some(p), input, output) => (
            input.unwrap_or(p.input_per_million),
            output.unwrap_or(p.output_per_million),
        ),
        (None, ..) => return Err(CostError::UnknownModel(model.to_owned())),
    };
    let cloud_per_request = inputs.input_tokens as f64 * input_price / 1e6
        + inputs.output_tokens as f64 * output_price / 1e6;
    let requests_per_month =
        inputs.users as f64 * inputs.requests_per_user_per_day * DAYS_PER_MONTH;
    let cloud_per_month = requests_per_month * cloud_per_request;
    let users = inputs.users as f64;
    let local_upfront = users * inputs.upgrade_per_device;
    let per_download = users * download_gb * EGRESS_PER_GB;
    let local_first_download = per_download;
    let local_updates_per_month = per_download * MODEL_UPDATES_PER_YEAR / 12.0;
    let fixed = local_upfront + local_first_download;
    // Cloud spend grows by cloud_per_month, local spend by local_updates_per_month: the cloud
    // catches up with the local side's fixed cost when the difference in slopes has paid it.
    let gain = cloud_per_month - local_updates_per_month;
    let break_even_month = if fixed <= 0.0 {
        Some(0)
    } else if gain <= 0.0 {
        None
    } else {
        let months = (fixed / gain).ceil();
        (months <= u32::MAX as f64).then_some(months as u32)
    };
    let cumulative = (0..=HORIZON_MONTHS)
        .map(|month| MonthPoint {
            month,
            cloud: cloud_per_month * f64::from(month),
            local: fixed + local_updates_per_month * f64::from(month),
        })
        .collect();
    Ok(CostComparison {
        // No model named and no price list read: the visitor's prices are for their own model.
        model: if model.is_empty() {
            "your model".to_owned()
        } else {
            model.to_owned()
        },
        prices_taken_on: price.map(|p| p.taken_on.clone()).unwrap_or_default(),
        price_source: price.map(|p| p.source.clone()).unwrap_or_default(),
        input_per_million: input_price,
        output_per_million: output_price,
        price_edited: inputs.input_price.is_some() || inputs.output_price.is_some(),
        upgrade_assumed: false,
        requests_per_month,
        cloud_per_request,
        cloud_per_month,
        local_upfront,
        local_download_gb: download_gb,
        local_first_download,
        local_updates_per_month,
        break_even_month,
        cumulative,
    })
}

impl CostComparison {
    /// Both sides' spend over the whole horizon: (cloud, local).
    pub fn horizon_totals(&self) -> (f64, f64) {
        self.cumulative
            .last()
            .map(|point| (point.cloud, point.local))
            .unwrap_or((0.0, 0.0))
    }

    /// The balanced-cost rule: a pull towards the side that costs at most half the other over
    /// the horizon, with the sentence that says so; none when neither is that much cheaper.
    pub fn lean(&self) -> (f64, String) {
        let (cloud, local) = self.horizon_totals();
        let months = f64::from(HORIZON_MONTHS);
        let per = |total: f64| total / months;
        if cloud >= DECISIVE_COST_RATIO * local {
            (
                -COST_PULL,
                format!(
                    "over {HORIZON_MONTHS} months the cloud costs about ${} a month against ${} on the device (downloads and hardware), at least {} times more.",
                    Fixed(per(cloud), 0),
                    Fixed(per(local), 0),
                    Fixed(DECISIVE_COST_RATIO, 0)
                ),
            )
        } else if local >= DECISIVE_COST_RATIO * cloud {
            (
                COST_PULL,
                format!(
                    "over {HORIZON_MONTHS} months the device costs about ${} a month (downloads and hardware) against ${} in the cloud, at least {} times more.",
                    Fixed(per(local), 0),
                    Fixed(per(cloud), 0),
                    Fixed(DECISIVE_COST_RATIO, 0)
                ),
            )
        } else {
            (
                0.0,
                format!(
                    "over {HORIZON_MONTHS} months the cloud (about ${} a month) and the device (about ${} a month in downloads and hardware) cost within a factor of {} of each other, so cost does not tip it.",
                    Fixed(per(cloud), 0),
                    Fixed(per(local), 0),
                    Fixed(DECISIVE_COST_RATIO, 0)
                ),
            )
        }
    }
}

/// Assumed download size per device of a 4-bit model for each task size, in GB.
pub fn download_gb(size: Option<super::factor::ModelSize>) -> f64 {
    use super::factor::ModelSize;
    match size {
        // A 1B-class model (Gemma 3 1B, Qwen3 0.6B to 1.7B) at 4 bits.
        Some(ModelSize::Small) => 1.0,
        // A 3B-to-4B model (Phi-4-mini, Llama 3.2 3B) at 4 bits; also the default when unanswered.
        Some(ModelSize::Medium) | None => 2.5,
        // A 7B-to-8B model, or an image generator, at 4 bits.
        Some(ModelSize::Large) => 5.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn price(model: &str, input: f64, output: f64) -> Price {
        Price {
            model: model.into(),
            provider: "P".into(),
            input_per_million: input,
            output_per_million: output,
            since: None,
            taken_on: "2026-11".into(),
            source: "https://example.com/pricing".into(),
            legacy: false,
            shutdown: None,
        }
    }

    /// Prices worked by hand below: fixed here, so the hand-worked figures never follow a refresh.
    fn table() -> PriceTable {
        PriceTable {
            taken_on: "2026-11".into(),
            dataset: "fixture".into(),
            default_model: "gpt-6-luna".into(),
            prices: vec![
                price("gpt-6-luna", 0.10, 0.50),
                price("gpt-4o-mini", 0.15, 0.60),
                price("gpt-4.1-nano", 0.10, 0.40),
                price("Phi-4", 0.125, 0.50),
            ],
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9 * b.abs().max(1.0)
    }

    /// The version-1 default volume, costed at gpt-4o-mini as the hand-worked figures were.
    fn four_o_mini() -> CostInputs {
        CostInputs {
            model: Some("gpt-4o-mini".into()),
            ..CostInputs::default()
        }
    }

    #[test]
    fn default_volume_on_gpt_4o_mini_checked_by_hand() {
        // 1,000 users x 20 requests x 30 days = 600,000 requests a month.
        // One request: 500 x $0.15/M + 200 x $0.60/M = $0.000075 + $0.00012 = $0.000195.
        // A month: 600,000 x $0.000195 = $117.
        let c = compare(&four_o_mini(), &table(), 0.0).expect("known model");
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
            model: Some("Phi-4".into()),
            upgrade_per_device: 300.0,
            ..CostInputs::default()
        };
        let c = compare(&inputs, &table(), 0.0).expect("known model");
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
            model: Some("gpt-4.1-nano".into()),
            upgrade_per_device: 0.4,
            ..CostInputs::default()
        };
        let c = compare(&inputs, &table(), 0.0).expect("known model");
        assert!(close(c.cloud_per_month, 1.5));
        assert_eq!(c.break_even_month, Some(3));
        inputs.requests_per_user_per_day = 0.0;
        let c = compare(&inputs, &table(), 0.0).expect("known model");
        assert_eq!(c.break_even_month, None);
    }

    #[test]
    fn downloads_count_on_the_local_side_checked_by_hand() {
        // 1,000 users x 2.5 GB x $0.08 = $200 for the first download; four updates a year
        // are $200 x 4 / 12 = $66.67 a month. The cloud's $117 a month gains $50.33 a month on
        // that, so it has cost more by month ceil(200 / 50.33) = 4. After 24 months: cloud
        // $2,808, device $200 + $1,600 = $1,800, within a factor of two: cost does not tip it.
        let c = compare(&four_o_mini(), &table(), 2.5).expect("known");
        assert!(close(c.local_first_download, 200.0));
        assert!(close(c.local_updates_per_month, 200.0 / 3.0));
        assert_eq!(c.break_even_month, Some(4));
        let (cloud, local) = c.horizon_totals();
        assert!(close(cloud, 2_808.0) && close(local, 1_800.0));
        assert_eq!(c.lean().0, 0.0);
        // Ten times the requests make the cloud $28,080 against $1,800: it pulls to the device.
        let busy = CostInputs {
            requests_per_user_per_day: 200.0,
            ..four_o_mini()
        };
        let c = compare(&busy, &table(), 2.5).expect("known");
        assert_eq!(c.lean().0, -COST_PULL);
        // A $500 upgrade per device for light use pulls to the cloud.
        let upgrade = CostInputs {
            upgrade_per_device: 500.0,
            ..four_o_mini()
        };
        let c = compare(&upgrade, &table(), 2.5).expect("known");
        assert_eq!(c.lean().0, COST_PULL);
    }

    #[test]
    fn the_visitors_own_price_replaces_the_list_price_and_old_prices_are_flagged() {
        // The default model (gpt-6-luna in the fixture) at the default volume:
        // 500 x $0.10/M + 200 x $0.50/M = $0.00015 a request, $90 a month. Typed prices of
        // $0.10 and $0.80 make it $0.00021, $126 a month.
        let list = compare(&CostInputs::default(), &table(), 0.0).expect("known");
        assert!(close(list.cloud_per_request, 0.00015) && close(list.cloud_per_month, 90.0));
        assert!(!list.price_edited);
        let mine = CostInputs {
            input_price: Some(0.10),
            output_price: Some(0.80),
            ..CostInputs::default()
        };
        let edited = compare(&mine, &table(), 0.0).expect("known");
        assert!(close(edited.cloud_per_month, 126.0) && edited.price_edited);
        assert_eq!(months_old("2026-03", "2026-12"), Some(9));
        assert_eq!(months_old("2026-06", "2026-12"), Some(6));
        assert_eq!(months_old("2026-11", "2027-07"), Some(8));
        assert_eq!(months_old("soon", "2026-12"), None);
        assert_eq!(months_old("2027-01", "2026-12"), None);
        assert_eq!(list.model, "gpt-6-luna");
        for row in table().prices {
            assert!(
                months_old(&row.taken_on, "2026-12").is_some(),
                "{}",
                row.model
            );
            assert!(!row.source.is_empty(), "{}", row.model);
        }
    }

    #[test]
    fn an_unknown_model_is_an_error() {
        let inputs = CostInputs {
            model: Some("gpt-9".into()),
            ..CostInputs::default()
        };
        assert_eq!(
            compare(&inputs, &table(), 0.0),
            Err(CostError::UnknownModel("gpt-9".into()))
        );
        // Both prices typed: the model needs no row (the price file may have failed to load).
        let typed = CostInputs {
            input_price: Some(1.0),
            output_price: Some(2.0),
            ..inputs
        };
        let c = compare(&typed, &PriceTable::default(), 0.0).expect("typed prices");
        assert!(c.price_edited && c.model == "gpt-9");
    }
}
