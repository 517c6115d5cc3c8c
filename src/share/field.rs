//! The fields a visitor types and a link carries, and the theme an embedding page pins, with
//! their keys. `share::to_query` writes the same keys as literals (calling `key()` there cost
//! 150 B brotli of the app's budget); `a_full_link_round_trips` holds the two together.

use serde::{Deserialize, Serialize};

use crate::engine::cost::CostInputs;

/// A field typed in the page, as the link names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Cost(CostField),
    CloudModel,
    Describe,
}

impl Field {
    pub fn key(self) -> &'static str {
        match self {
            Field::Cost(cost) => cost.key(),
            Field::CloudModel => "cloud_model",
            Field::Describe => "describe",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        match key {
            "cloud_model" => Some(Field::CloudModel),
            "describe" => Some(Field::Describe),
            _ => CostField::ALL
                .into_iter()
                .find(|c| c.key() == key)
                .map(Field::Cost),
        }
    }
}

/// A number of the cost panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostField {
    Users,
    RequestsPerUserPerDay,
    InputTokens,
    OutputTokens,
    UpgradePerDevice,
    PriceIn,
    PriceOut,
}

impl CostField {
    pub const ALL: [CostField; 7] = [
        CostField::Users,
        CostField::RequestsPerUserPerDay,
        CostField::InputTokens,
        CostField::OutputTokens,
        CostField::UpgradePerDevice,
        CostField::PriceIn,
        CostField::PriceOut,
    ];

    pub fn key(self) -> &'static str {
        match self {
            CostField::Users => "users",
            CostField::RequestsPerUserPerDay => "requests_per_user_per_day",
            CostField::InputTokens => "input_tokens",
            CostField::OutputTokens => "output_tokens",
            CostField::UpgradePerDevice => "upgrade_per_device",
            CostField::PriceIn => "price_in",
            CostField::PriceOut => "price_out",
        }
    }

    /// The smallest and largest value a link or the form may set, and whether it must be whole.
    pub fn range(self) -> (f64, f64, bool) {
        match self {
            CostField::Users => (1.0, 100_000_000.0, true),
            CostField::RequestsPerUserPerDay => (0.0, 100_000.0, false),
            CostField::InputTokens | CostField::OutputTokens => (1.0, 1_000_000.0, true),
            CostField::UpgradePerDevice => (0.0, 100_000.0, false),
            CostField::PriceIn | CostField::PriceOut => (0.0, 1_000.0, false),
        }
    }

    /// Sets the field; `range` keeps every value within u64 and f64 without loss.
    pub fn set(self, cost: &mut CostInputs, n: f64) {
        match self {
            CostField::Users => cost.users = n as u64,
            CostField::RequestsPerUserPerDay => cost.requests_per_user_per_day = n,
            CostField::InputTokens => cost.input_tokens = n as u64,
            CostField::OutputTokens => cost.output_tokens = n as u64,
            CostField::UpgradePerDevice => cost.upgrade_per_device = n,
            CostField::PriceIn => cost.input_price = Some(n),
            CostField::PriceOut => cost.output_price = Some(n),
        }
    }
}

/// A theme an embedding page pins (`theme=light` or `dark`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_key(key: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_reads_back_as_its_field() {
        for cost in CostField::ALL {
            assert_eq!(Field::from_key(cost.key()), Some(Field::Cost(cost)));
        }
        for field in [Field::CloudModel, Field::Describe] {
            assert_eq!(Field::from_key(field.key()), Some(field));
        }
        assert_eq!(Field::from_key("privacy"), None);
        assert_eq!(Theme::from_key("dark"), Some(Theme::Dark));
        assert_eq!(Theme::from_key("pink"), None);
    }
}
