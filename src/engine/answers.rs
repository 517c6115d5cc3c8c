//! The visitor's answers: at most one option per factor, every factor optional.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Factor;

/// The chosen option key for each answered factor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Answers(BTreeMap<Factor, &'static str>);

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

    /// Sets one answer; the option must be one the contract lists for that factor.
    pub fn set(&mut self, factor: Factor, option: &str) -> Result<(), AnswerError> {
        let canonical = factor
            .options()
            .iter()
            .copied()
            .find(|known| *known == option)
            .ok_or_else(|| AnswerError::UnknownOption {
                factor,
                option: option.to_owned(),
            })?;
        self.0.insert(factor, canonical);
        Ok(())
    }

    /// Removes one answer, making the factor neutral again.
    pub fn clear(&mut self, factor: Factor) {
        self.0.remove(&factor);
    }

    /// The option chosen for a factor, if any.
    pub fn get(&self, factor: Factor) -> Option<&'static str> {
        self.0.get(&factor).copied()
    }

    /// Whether the factor's answer is this option.
    pub fn is(&self, factor: Factor, option: &str) -> bool {
        self.get(factor) == Some(option)
    }

    /// How many of the eleven factors are answered.
    pub fn answered(&self) -> usize {
        self.0.len()
    }

    /// The answered factors and their options, in the contract's order.
    pub fn iter(&self) -> impl Iterator<Item = (Factor, &'static str)> + '_ {
        self.0.iter().map(|(factor, option)| (*factor, *option))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_accept_only_contract_keys() {
        let answers = Answers::from_pairs([("privacy", "regulated"), ("latency", "batch")])
            .expect("valid answers");
        assert_eq!(answers.get(Factor::Privacy), Some("regulated"));
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
}
