//! Turns answers, cost inputs and measured facts into a recommendation: hard rules first, then weights.

use serde::{Deserialize, Serialize};

use super::cost::{self, CostComparison, CostInputs, PriceTable};
use super::hybrid::{self, HybridMode};
use super::measured::{latency_budget_ms, Measured};
use super::rules::{self, Conflict, FiredRule};
use super::stacks::{self, Stack};
use super::weights::{factor_weight, pull_of};
use super::{Answers, Factor};

/// Scores within this distance of zero are a genuine balance and get a hybrid verdict.
pub const HYBRID_BAND: f64 = 0.15;
/// A measured latency that meets the budget on one side only moves the latency pull this far.
const MEASURED_LATENCY_SHIFT: f64 = 0.3;

/// Where the feature should run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Local,
    Hybrid,
    Cloud,
}

impl Verdict {
    /// The key exposed as `data-verdict`.
    pub const fn key(self) -> &'static str {
        match self {
            Verdict::Local => "local",
            Verdict::Hybrid => "hybrid",
            Verdict::Cloud => "cloud",
        }
    }
}

/// Which way a factor pulls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Local,
    Neutral,
    Cloud,
}

/// One factor's part in the verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactorResult {
    pub factor: Factor,
    pub option: Option<String>,
    pub direction: Direction,
    /// The pull from -1 (device) to +1 (cloud), before the factor's weight.
    pub pull: f64,
    pub weight: f64,
    pub reason: String,
    /// Whether a measurement, not only an answer, shaped this factor.
    pub measured: bool,
}

/// The hybrid mode chosen, with how it works and when it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HybridPlan {
    pub mode: HybridMode,
    pub title: &'static str,
    pub how: &'static str,
    pub when: &'static str,
}

/// Everything the engine needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Input {
    pub answers: Answers,
    pub cost: CostInputs,
    pub prices: PriceTable,
    pub measured: Measured,
}

/// The engine's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub verdict: Verdict,
    pub confidence: f64,
    /// The weighted mean pull of the answered factors, from -1 (device) to +1 (cloud).
    pub score: f64,
    pub answered: usize,
    pub factors: Vec<FactorResult>,
    pub rules: Vec<FiredRule>,
    pub conflict: Option<Conflict>,
    pub hybrid: Option<HybridPlan>,
    /// None when the cost inputs name a model the price table lacks.
    pub cost: Option<CostComparison>,
    pub stacks: Vec<Stack>,
    /// The measured facts the verdict used, in words.
    pub measured_facts: Vec<String>,
}

/// Scores the input. Total: every input gives a recommendation.
pub fn recommend(input: &Input) -> Recommendation {
    let answers = &input.answers;
    let measured_resources = input.measured.device.as_ref().and_then(|device| {
        Factor::Resources
            .options()
            .iter()
            .copied()
            .find(|option| *option == device.resources)
    });
    let resources = measured_resources.or_else(|| answers.get(Factor::Resources));
    let mut measured_facts = Vec::new();
    if let (Some(device), Some(_)) = (&input.measured.device, measured_resources) {
        measured_facts.extend(device.facts.iter().cloned());
    }

    let factors: Vec<FactorResult> = Factor::ALL
        .into_iter()
        .map(|factor| {
            let option = if factor == Factor::Resources {
                resources
            } else {
                answers.get(factor)
            };
            let mut result = factor_result(factor, option);
            if factor == Factor::Resources && measured_resources.is_some() {
                result.measured = true;
                result.reason = format!("Measured on this device: {}", result.reason);
            }
            if factor == Factor::Latency {
                apply_measured_latency(&mut result, &input.measured, &mut measured_facts);
            }
            result
        })
        .collect();

    let answered_weight: f64 = factors
        .iter()
        .filter(|f| f.option.is_some())
        .map(|f| f.weight)
        .sum();
    let score = if answered_weight > 0.0 {
        factors.iter().map(|f| f.weight * f.pull).sum::<f64>() / answered_weight
    } else {
        0.0
    };
    let answered = factors.iter().filter(|f| f.option.is_some()).count();

    let outcome = rules::apply(answers, resources);
    let by_score = if score < -HYBRID_BAND {
        Verdict::Local
    } else if score > HYBRID_BAND {
        Verdict::Cloud
    } else {
        Verdict::Hybrid
    };
    let (verdict, margin) = if outcome.cloud_ruled_out {
        (Verdict::Local, 1.0)
    } else if outcome.local_ruled_out && by_score == Verdict::Local {
        (Verdict::Hybrid, 0.6)
    } else {
        (by_score, score_margin(by_score, score))
    };
    let coverage = answered as f64 / Factor::ALL.len() as f64;
    let mut confidence = (0.5 + 0.5 * margin) * (0.3 + 0.7 * coverage);
    if outcome.conflict.is_some() {
        confidence *= 0.5;
    }

    let hybrid = (verdict == Verdict::Hybrid).then(|| {
        let mode = hybrid::choose(answers, score, outcome.local_ruled_out);
        HybridPlan {
            mode,
            title: mode.title(),
            how: mode.how(),
            when: mode.when(),
        }
    });

    Recommendation {
        verdict,
        confidence: confidence.clamp(0.0, 1.0),
        score,
        answered,
        factors,
        rules: outcome.fired,
        conflict: outcome.conflict,
        hybrid,
        cost: cost::compare(&input.cost, &input.prices).ok(),
        stacks: stacks::recommend(verdict, answers),
        measured_facts,
    }
}

/// How clearly the score sits inside its verdict's range, from 0 (on the edge) to 1.
fn score_margin(verdict: Verdict, score: f64) -> f64 {
    let margin = match verdict {
        Verdict::Hybrid => 1.0 - score.abs() / HYBRID_BAND,
        _ => (score.abs() - HYBRID_BAND) / (1.0 - HYBRID_BAND),
    };
    margin.clamp(0.0, 1.0)
}

fn factor_result(factor: Factor, option: Option<&'static str>) -> FactorResult {
    let weight = factor_weight(factor);
    match option.and_then(|option| pull_of(factor, option)) {
        Some(row) => FactorResult {
            factor,
            option: Some(row.option.to_owned()),
            direction: direction_of(row.pull),
            pull: row.pull,
            weight,
            reason: row.reason.to_owned(),
            measured: false,
        },
        None => FactorResult {
            factor,
            option: None,
            direction: Direction::Neutral,
            pull: 0.0,
            weight,
            reason: "Not answered yet: this factor counts as neutral and lowers the confidence."
                .into(),
            measured: false,
        },
    }
}

fn direction_of(pull: f64) -> Direction {
    if pull <= -0.05 {
        Direction::Local
    } else if pull >= 0.05 {
        Direction::Cloud
    } else {
        Direction::Neutral
    }
}

/// When local and cloud latency were both measured and only one meets the budget, the latency pull moves towards it.
fn apply_measured_latency(result: &mut FactorResult, measured: &Measured, facts: &mut Vec<String>) {
    let (Some(option), Some(local), Some(cloud)) = (
        result.option.as_deref(),
        measured.local_latency_ms,
        measured.cloud_latency_ms,
    ) else {
        return;
    };
    let Some(budget) = latency_budget_ms(option) else {
        return;
    };
    let shift = match (local <= budget, cloud <= budget) {
        (true, false) => -MEASURED_LATENCY_SHIFT,
        (false, true) => MEASURED_LATENCY_SHIFT,
        _ => return,
    };
    result.pull = (result.pull + shift).clamp(-1.0, 1.0);
    result.direction = direction_of(result.pull);
    result.measured = true;
    let fact = format!(
        "Measured: local inference took {local:.0} ms and the cloud call {cloud:.0} ms against a {budget:.0} ms budget."
    );
    result.reason = format!("{} {fact}", result.reason);
    facts.push(fact);
}
