//! The decision factors and their options as types: one typed table, exactly as the questionnaire contract names them.
//!
//! Every factor's options are an enum of their own, so the engine matches on variants and never
//! compares option keys as strings. The keys appear once, here; share links, form controls, the
//! analyzer's heads and the cloud's JSON are read and written through `key()` and `from_key()`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares the option enums, `Factor`, `Choice` and their key tables from one list.
macro_rules! factors {
    ($(
        $(#[$doc:meta])*
        $factor:ident ($key:literal, $getter:ident) { $($variant:ident = $okey:literal),+ $(,)? }
    )+) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum $factor { $($variant),+ }

            impl $factor {
                /// Every option, in the contract's order.
                pub const ALL: &'static [$factor] = &[$($factor::$variant),+];
                /// Every option key, in the contract's order.
                pub const KEYS: &'static [&'static str] = &[$($okey),+];

                /// The option key used in form controls, query parameters and exports.
                pub const fn key(self) -> &'static str {
                    match self { $($factor::$variant => $okey),+ }
                }

                /// Reads an option key; anything else is `None`.
                pub fn from_key(key: &str) -> Option<Self> {
                    match key { $($okey => Some($factor::$variant),)+ _ => None }
                }
            }

            impl From<$factor> for Choice {
                fn from(option: $factor) -> Choice { Choice::$factor(option) }
            }

            impl Serialize for $factor {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.key())
                }
            }

            impl<'de> Deserialize<'de> for $factor {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let key = String::deserialize(deserializer)?;
                    $factor::from_key(&key).ok_or_else(|| {
                        serde::de::Error::custom(format!("'{key}' is not a {} option", $key))
                    })
                }
            }
        )+

        /// One of the decision factors: the eleven of the seed, then the optional version-2 ones.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Factor { $($factor),+ }

        impl Factor {
            /// Every factor, in the contract's order.
            pub const ALL: &'static [Factor] = &[$(Factor::$factor),+];

            /// The key used in form controls, query parameters and exports.
            pub const fn key(self) -> &'static str {
                match self { $(Factor::$factor => $key),+ }
            }

            /// The option keys this factor accepts, in the contract's order.
            pub const fn options(self) -> &'static [&'static str] {
                match self { $(Factor::$factor => $factor::KEYS),+ }
            }

            /// The factor's options as choices, in the contract's order.
            pub fn choices(self) -> Vec<Choice> {
                match self { $(Factor::$factor => $factor::ALL.iter().map(|o| Choice::$factor(*o)).collect()),+ }
            }
        }

        /// An answer to one factor: the factor and its typed option together.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Choice { $($factor($factor)),+ }

        impl Choice {
            /// The factor this choice answers.
            pub const fn factor(self) -> Factor {
                match self { $(Choice::$factor(_) => Factor::$factor),+ }
            }

            /// The option key.
            pub const fn key(self) -> &'static str {
                match self { $(Choice::$factor(option) => option.key()),+ }
            }

            /// Reads an option key of one factor.
            pub fn parse(factor: Factor, key: &str) -> Option<Choice> {
                match factor { $(Factor::$factor => $factor::from_key(key).map(Choice::$factor)),+ }
            }

            /// The option's position in the contract's list, for ordered comparisons.
            pub fn rank(self) -> usize {
                match self { $(Choice::$factor(option) => option as usize),+ }
            }
        }

        impl super::Answers {
            $(
                /// This factor's typed answer, if any.
                pub fn $getter(&self) -> Option<$factor> {
                    match self.get(Factor::$factor) {
                        Some(Choice::$factor(option)) => Some(option),
                        _ => None,
                    }
                }
            )+
        }
    };
}

factors! {
    /// What data the feature handles, and where it may go.
    Privacy ("privacy", privacy) {
        Public = "public", Internal = "internal", Personal = "personal",
        Regulated = "regulated", DeviceOnly = "device_only",
    }
    /// The hardware the feature will run on.
    Resources ("resources", resources) {
        Npu = "npu", Gpu = "gpu", Mainstream = "mainstream", LowEnd = "low_end", Mixed = "mixed",
    }
    /// Who needs the model's inputs and results.
    Collaboration ("collaboration", collaboration) {
        Single = "single", Team = "team", Anywhere = "anywhere",
    }
    /// How costs should behave.
    Cost ("cost", cost) {
        NoUsageFees = "no_usage_fees", Balanced = "balanced", PayAsYouGo = "pay_as_you_go",
    }
    /// Who keeps the model and runtime updated and secure.
    Maintenance ("maintenance", maintenance) {
        InHouse = "in_house", Either = "either", Managed = "managed",
    }
    /// How fast a result must appear.
    Latency ("latency", latency) {
        Realtime = "realtime", Interactive = "interactive", Relaxed = "relaxed", Batch = "batch",
    }
    /// How usage will grow.
    Scale ("scale", scale) {
        Fixed = "fixed", Growing = "growing", Spiky = "spiky",
    }
    /// The network the feature can count on.
    Connectivity ("connectivity", connectivity) {
        Always = "always", Intermittent = "intermittent", Offline = "offline",
    }
    /// How demanding the task is.
    ModelSize ("model_size", model_size) {
        Small = "small", Medium = "medium", Large = "large",
    }
    /// Where the team builds.
    Tooling ("tooling", tooling) {
        Windows = "windows", Web = "web", Azure = "azure", Mobile = "mobile",
        CrossPlatform = "cross_platform",
    }
    /// How much control over the model is needed.
    Customization ("customization", customization) {
        OffTheShelf = "off_the_shelf", FineTuned = "fine_tuned", FullControl = "full_control",
    }
    /// Version 2: how much requests differ in difficulty.
    RequestMix ("request_mix", request_mix) {
        Uniform = "uniform", LongTail = "long_tail", Varied = "varied",
    }
    /// Version 2: what the model needs besides the request itself.
    Knowledge ("knowledge", knowledge) {
        InputOnly = "input_only", DeviceData = "device_data", SharedData = "shared_data",
        LiveData = "live_data",
    }
}

impl Factor {
    /// The eleven factors of the seed, which every explanation is built around.
    pub const CORE: &'static [Factor] = Factor::ALL.split_at(11).0;

    /// Whether this is one of the optional questions added in version 2 of the contract.
    pub fn is_version_2(self) -> bool {
        matches!(self, Factor::RequestMix | Factor::Knowledge)
    }

    /// Looks a factor up by its key.
    pub fn from_key(key: &str) -> Option<Factor> {
        Factor::ALL
            .iter()
            .copied()
            .find(|factor| factor.key() == key)
    }
}

impl Serialize for Choice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods, clippy::disallowed_types)] // tests: the app bundle's size rules do not apply
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_are_unique() {
        for &factor in Factor::ALL {
            assert_eq!(Factor::from_key(factor.key()), Some(factor));
            for choice in factor.choices() {
                assert_eq!(choice.factor(), factor);
                assert_eq!(Choice::parse(factor, choice.key()), Some(choice));
                assert_eq!(factor.options()[choice.rank()], choice.key());
            }
        }
        let mut keys: Vec<_> = Factor::ALL.iter().map(|f| f.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), 13);
        assert_eq!(Factor::from_key("colour"), None);
        assert_eq!(Choice::parse(Factor::Privacy, "secret"), None);
    }

    #[test]
    fn the_contract_lists_these_option_counts() {
        let counts: Vec<usize> = Factor::ALL.iter().map(|f| f.options().len()).collect();
        assert_eq!(counts, [5, 5, 3, 3, 3, 4, 3, 3, 3, 5, 3, 3, 4]);
        assert_eq!(Factor::CORE.len(), 11);
        assert!(Factor::CORE.iter().all(|f| !f.is_version_2()));
    }
}
