//! The analyzer's heads and classes, and how its outputs become suggested answers.
//!
//! The class lists must equal `models/analyzer.labels.json`, which the training script writes;
//! `tests/analyzer_parity.rs` checks that, and that every class but "unknown" is a contract option.

use crate::engine::Factor;

/// Below this probability a head abstains and nothing is pre-selected.
pub const THRESHOLD: f32 = 0.6;
pub const UNKNOWN: &str = "unknown";

/// The model's heads in output order, each with its classes in output order.
pub const HEADS: &[(Factor, &[&str])] = &[
    (
        Factor::Privacy,
        &[
            "public",
            "internal",
            "personal",
            "regulated",
            "device_only",
            UNKNOWN,
        ],
    ),
    (
        Factor::Connectivity,
        &["always", "intermittent", "offline", UNKNOWN],
    ),
    (
        Factor::Latency,
        &["realtime", "interactive", "relaxed", "batch", UNKNOWN],
    ),
    (Factor::ModelSize, &["small", "medium", "large", UNKNOWN]),
    (
        Factor::Resources,
        &["npu", "gpu", "mainstream", "low_end", "mixed", UNKNOWN],
    ),
    (
        Factor::Collaboration,
        &["single", "team", "anywhere", UNKNOWN],
    ),
];

/// What one head says about one description.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadResult {
    pub factor: Factor,
    /// The most probable class, possibly "unknown".
    pub best: &'static str,
    pub confidence: f32,
    /// The option to pre-select: the best class when it is not "unknown" and clears the threshold.
    pub suggestion: Option<&'static str>,
}

/// The number of values the model outputs, all heads together.
pub fn output_len() -> usize {
    HEADS.iter().map(|(_, classes)| classes.len()).sum()
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
    for (factor, classes) in HEADS {
        let (probs, tail) = rest.split_at(classes.len());
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
        let best = classes[index];
        let suggestion = (best != UNKNOWN && confidence >= THRESHOLD).then_some(best);
        results.push(HeadResult {
            factor: *factor,
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

    #[test]
    fn confident_heads_suggest_and_unsure_or_unknown_heads_abstain() {
        let mut outputs = vec![0.0; output_len()];
        outputs[3] = 0.9; // privacy: regulated
        outputs[6] = 0.3; // connectivity: always, below the threshold
        outputs[7] = 0.3;
        outputs[8] = 0.4;
        outputs[14] = 1.0; // latency: unknown
        let results = decode(&outputs).expect("the right length");
        assert_eq!(results[0].suggestion, Some("regulated"));
        assert_eq!(results[1].suggestion, None);
        assert_eq!(results[1].best, "offline");
        assert_eq!(results[2].best, UNKNOWN);
        assert_eq!(results[2].suggestion, None);
        assert!(decode(&outputs[1..]).is_err());
    }
}
