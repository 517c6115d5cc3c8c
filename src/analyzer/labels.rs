//! The analyzer's heads and classes, and how its outputs become suggested answers.
//!
//! The class lists must equal `models/analyzer.labels.json`, which the training script writes;
//! `tests/analyzer_parity.rs` checks that, and that every class but "unknown" is a contract option.

use crate::engine::{Choice, Factor};

/// Below its head's probability threshold (in `HEADS` order) a head abstains and nothing is
/// pre-selected. The training script chooses them on answers to the real descriptions it trains
/// on, each from a model that never read its writer (for now one shared by every head), and
/// writes them to `models/analyzer.labels.json`, which must agree (`tests/analyzer_parity.rs`).
pub const THRESHOLDS: [f32; 13] = [0.9; 13];
/// The class after a head's options: the text says nothing about this factor.
pub const UNKNOWN: &str = "unknown";

/// The model's heads in output order; each head's classes are its factor's options in the
/// contract's order, then "unknown".
pub const HEADS: &[Factor] = &[
    Factor::Privacy,
    Factor::Connectivity,
    Factor::Latency,
    Factor::ModelSize,
    Factor::Resources,
    Factor::Collaboration,
    Factor::RequestMix,
    Factor::Knowledge,
    Factor::Tooling,
    Factor::Cost,
    Factor::Scale,
    Factor::Maintenance,
    Factor::Customization,
];

/// A head's class names in output order, as the labels file and the cloud prompt spell them.
pub fn class_keys(factor: Factor) -> Vec<&'static str> {
    let mut keys = factor.options().to_vec();
    keys.push(UNKNOWN);
    keys
}

/// What one head says about one description.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadResult {
    pub factor: Factor,
    /// The most probable class; None when that is "unknown".
    pub best: Option<Choice>,
    pub confidence: f32,
    /// The option to pre-select: the best class when it is an option and clears the threshold.
    pub suggestion: Option<Choice>,
}

/// The number of values the model outputs, all heads together.
pub fn output_len() -> usize {
    HEADS.iter().map(|factor| factor.options().len() + 1).sum()
}

/// Splits the model's concatenated outputs into one result per head.
pub fn decode(outputs: &[f32]) -> Result<Vec<HeadResult>, String> {
    if outputs.len() != output_len() {
        return Err(format!(
            "the model gave {} values where {} were expected",
            outputs.len(),
            output_len()
        ));
    }
    let mut rest = outputs;
    let mut results = Vec::with_capacity(HEADS.len());
    for (&factor, &threshold) in HEADS.iter().zip(THRESHOLDS.iter()) {
        let choices = factor.choices();
        let (probs, tail) = rest.split_at(choices.len() + 1);
        rest = tail;
        let (index, confidence) =
            probs
                .iter()
                .copied()
                .enumerate()
                .fold(
                    (0, f32::MIN),
                    |best, (i, p)| if p > best.1 { (i, p) } else { best },
                );
        // The index past the options is "unknown".
        let best = choices.get(index).copied();
        let suggestion = best.filter(|_| confidence >= threshold);
        results.push(HeadResult {
            factor,
            best,
            confidence,
            suggestion,
        });
    }
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::factor::{Connectivity, Privacy};

    #[test]
    fn confident_heads_suggest_and_unsure_or_unknown_heads_abstain() {
        let mut outputs = vec![0.0; output_len()];
        outputs[3] = THRESHOLDS[0]; // privacy: regulated, at its threshold
        outputs[6] = 0.3; // connectivity: always, below the threshold
        outputs[7] = 0.3;
        outputs[8] = 0.4;
        outputs[14] = 1.0; // latency: unknown
        let results = decode(&outputs).expect("the right length");
        assert_eq!(results[0].suggestion, Some(Privacy::Regulated.into()));
        assert_eq!(results[1].suggestion, None);
        assert_eq!(results[1].best, Some(Connectivity::Offline.into()));
        assert_eq!(results[2].best, None);
        assert_eq!(results[2].suggestion, None);
        assert!(decode(&outputs[1..]).is_err());
    }

    #[test]
    fn every_question_has_exactly_one_head() {
        // Suggestions reach every question the text can speak to, the optional ones included.
        for factor in Factor::ALL {
            assert_eq!(
                HEADS.iter().filter(|h| *h == factor).count(),
                1,
                "{factor:?}"
            );
        }
        let results = decode(&vec![0.0; output_len()]).expect("the right length");
        assert_eq!(results.len(), Factor::ALL.len());
        assert_eq!(THRESHOLDS.len(), HEADS.len());
    }
}
