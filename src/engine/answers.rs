//! The visitor's answers: at most one typed choice per factor, every factor optional.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::factor::Choice;
use super::factor_map::FactorMap;
use super::Factor;

/// The chosen option for each answered factor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Answers(FactorMap<Choice>);

/// A map from factor key to option key, in the contract's order, as a share link lists them.
impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.answered()))?;
        for (factor, choice) in self.0.iter() {
            map.serialize_entry(&factor, choice)?;
        }
        map.end()
    }
}

/// The same map read back, as the report worker receives it; an unknown key is an error.
impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = Answers;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from factor key to option key")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answers, A::Error> {
                let mut answers = Answers::new();
                while let Some((factor, option)) = map.next_entry::<Factor, String>()? {
                    answers.set(factor, &option).map_err(de::Error::custom)?;
                }
                Ok(answers)
            }
        }
        deserializer.deserialize_map(Keys)
    }
}

/// Why an answer was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    UnknownFactor(String),
    UnknownOption { factor: Factor, option: String },
}

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnswerError::UnknownFactor(key) => write!(f, "'{key}' is not a question here"),
            AnswerError::UnknownOption { factor, option } => write!(
                f,
                "'{option}' is not an answer to '{}' (expected one of {})",
                factor.key(),
                factor.options().join(", ")
            ),
        }
    }
}

impl Answers {
    /// No answers at all.
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds answers from `(factor key, option key)` pairs, as a test or a share link would give them.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, AnswerError> {
        let mut answers = Self::new();
        for (factor, option) in pairs {
            let factor = Factor::from_key(factor)
                .ok_or_else(|| AnswerError::UnknownFactor(factor.to_owned()))?;
            answers.set(factor, option)?;
        }
        Ok(answers)
    }

    /// Builds answers from typed choices.
    pub fn of(choices: impl IntoIterator<Item = Choice>) -> Self {
        let mut answers = Self::new();
        for choice in choices {
            answers.choose(choice);
        }
        answers
    }

    /// Reads one option key at the boundary (a link, a form, a model's output); it must be one the contract lists.
    pub fn set(&mut self, factor: Factor, option: &str) -> Result<(), AnswerError> {
        let choice = Choice::parse(factor, option).ok_or_else(|| AnswerError::UnknownOption {
            factor,
            option: option.to_owned(),
        })?;
        self.choose(choice);
        Ok(())
    }

    /// Sets one typed answer, replacing any earlier answer to the same factor.
    pub fn choose(&mut self, choice: Choice) {
        self.0.insert(choice.factor(), choice);
    }

    /// A copy with one answer changed.
    pub fn with(&self, choice: Choice) -> Self {
        let mut next = self.clone();
        next.choose(choice);
        next
    }

    /// Removes one answer, making the factor neutral again.
    pub fn clear(&mut self, factor: Factor) {
        self.0.remove(factor);
    }

    /// The choice made for a factor, if any.
    pub fn get(&self, factor: Factor) -> Option<Choice> {
        self.0.get(factor).copied()
    }

    /// The option key chosen for a factor, if any, as form controls and links spell it.
    pub fn key(&self, factor: Factor) -> Option<&'static str> {
        self.get(factor).map(Choice::key)
    }

    /// How many factors are answered.
    pub fn answered(&self) -> usize {
        self.0.len()
    }

    /// The answered factors and their choices, in the contract's order.
    pub fn iter(&self) -> impl Iterator<Item = Choice> + '_ {
        self.0.iter().map(|(_, choice)| *choice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::factor::{Latency, Privacy};

    #[test]
    fn answers_accept_only_contract_keys() {
        let answers = Answers::from_pairs([("privacy", "regulated"), ("latency", "batch")])
            .expect("valid answers");
        assert_eq!(answers.privacy(), Some(Privacy::Regulated));
        assert_eq!(answers.latency(), Some(Latency::Batch));
        assert_eq!(answers.key(Factor::Privacy), Some("regulated"));
        assert_eq!(answers.answered(), 2);
        assert_eq!(
            Answers::from_pairs([("privacy", "secret")]),
            Err(AnswerError::UnknownOption {
                factor: Factor::Privacy,
                option: "secret".into()
            })
        );
        assert_eq!(
            Answers::from_pairs([("colour", "blue")]),
            Err(AnswerError::UnknownFactor("colour".into()))
        );
    }

    #[test]
    fn answers_serialize_as_contract_keys() {
        let answers = Answers::of([Privacy::DeviceOnly.into()]);
        assert_eq!(
            serde_json::to_string(&answers).expect("plain data"),
            r#"{"privacy":"device_only"}"#
        );
        assert_eq!(
            serde_json::from_str::<Answers>(r#"{"privacy":"device_only"}"#).ok(),
            Some(answers)
        );
        assert!(serde_json::from_str::<Answers>(r#"{"privacy":"sometimes"}"#).is_err());
        assert!(serde_json::from_str::<Answers>(r#"{"colour":"red"}"#).is_err());
    }
}
