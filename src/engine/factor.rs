//! The eleven decision factors and their option keys, exactly as the questionnaire contract names them.

use serde::{Deserialize, Serialize};

/// One of the eleven decision factors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    Privacy,
    Resources,
    Collaboration,
    Cost,
    Maintenance,
    Latency,
    Scale,
    Connectivity,
    ModelSize,
    Tooling,
    Customization,
}

impl Factor {
    /// Every factor, in the contract's order.
    pub const ALL: [Factor; 11] = [
        Factor::Privacy,
        Factor::Resources,
        Factor::Collaboration,
        Factor::Cost,
        Factor::Maintenance,
        Factor::Latency,
        Factor::Scale,
        Factor::Connectivity,
        Factor::ModelSize,
        Factor::Tooling,
        Factor::Customization,
    ];

    /// The key used in form controls, query parameters and exports.
    pub const fn key(self) -> &'static str {
        match self {
            Factor::Privacy => "privacy",
            Factor::Resources => "resources",
            Factor::Collaboration => "collaboration",
            Factor::Cost => "cost",
            Factor::Maintenance => "maintenance",
            Factor::Latency => "latency",
            Factor::Scale => "scale",
            Factor::Connectivity => "connectivity",
            Factor::ModelSize => "model_size",
            Factor::Tooling => "tooling",
            Factor::Customization => "customization",
        }
    }

    /// The option keys this factor accepts, in the contract's order.
    pub const fn options(self) -> &'static [&'static str] {
        match self {
            Factor::Privacy => &["public", "internal", "personal", "regulated", "device_only"],
            Factor::Resources => &["npu", "gpu", "mainstream", "low_end", "mixed"],
            Factor::Collaboration => &["single", "team", "anywhere"],
            Factor::Cost => &["no_usage_fees", "balanced", "pay_as_you_go"],
            Factor::Maintenance => &["in_house", "either", "managed"],
            Factor::Latency => &["realtime", "interactive", "relaxed", "batch"],
            Factor::Scale => &["fixed", "growing", "spiky"],
            Factor::Connectivity => &["always", "intermittent", "offline"],
            Factor::ModelSize => &["small", "medium", "large"],
            Factor::Tooling => &["windows", "web", "azure", "cross_platform"],
            Factor::Customization => &["off_the_shelf", "fine_tuned", "full_control"],
        }
    }

    /// Looks a factor up by its key.
    pub fn from_key(key: &str) -> Option<Factor> {
        Factor::ALL.into_iter().find(|factor| factor.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_are_unique() {
        for factor in Factor::ALL {
            assert_eq!(Factor::from_key(factor.key()), Some(factor));
        }
        let mut keys: Vec<_> = Factor::ALL.iter().map(|f| f.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), 11);
        assert_eq!(Factor::from_key("colour"), None);
    }

    #[test]
    fn the_contract_lists_these_option_counts() {
        let counts: Vec<usize> = Factor::ALL.iter().map(|f| f.options().len()).collect();
        assert_eq!(counts, [5, 5, 3, 3, 3, 4, 3, 3, 3, 4, 3]);
    }
}
