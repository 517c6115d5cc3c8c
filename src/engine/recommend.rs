//! Turns answers, cost inputs and measured facts into a recommendation: hard rules, then the weighted lean, then explicit hybrid conditions.

use crate::decimal::Fixed;
use serde::{Deserialize, Serialize};

use std::rc::Rc;

use super::cost::{self, CostComparison, CostInputs, PriceTable};
use super::factor::{Choice, Resources};
use super::flips::{self, Flip};
use super::hybrid::{self, HybridMode, Situation};
use super::measured::{latency_budget_ms, Measured};
use super::platform::Platform;
use super::rules::{self, Conflict, FiredRule, RuleOutcome};
use super::stacks::{self, Stack};
use super::weights::{factor_weight, pull, Context};
use super::{Answers, Factor};

/// A measured latency that meets the budget on one side only moves the latency pull this far.
const MEASURED_LATENCY_SHIFT: f64 = 0.3;
/// A lean this far from zero or more counts as clear when confidence is worked out.
const CLEAR_LEAN: f64 = 0.5;

/// Where the feature should run; `Undecided` while nothing is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Undecided,
    Local,
    Hybrid,
    Cloud,
}

impl Verdict {
    /// The key exposed as `data-verdict`.
    pub const fn key(self) -> &'static str {
        match self {
            Verdict::Undecided => "undecided",
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
    pub option: Option<Choice>,
    pub direction: Direction,
    /// The pull from -1 (device) to +1 (cloud), before the factor's weight.
    pub pull: f64,
    pub weight: f64,
    pub reason: String,
    /// Whether a measurement, not only an answer, shaped this factor.
    pub measured: bool,
}

/// The hybrid architecture chosen and which answers made it the one. How it works, when it
/// applies, why not its nearest neighbour and what it takes are the mode's own words, read
/// where they are shown (the report worker writes them), so the page's bundle carries only the
/// title and the reason; the report states all of them (the `Serialize` below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HybridPlan {
    pub mode: HybridMode,
    /// Which answers made this architecture the one.
    pub because: &'static str,
    /// The platform its building blocks are named for.
    pub platform: Platform,
}

impl HybridPlan {
    pub fn title(&self) -> &'static str {
        self.mode.title()
    }

    pub fn how(&self) -> &'static str {
        self.mode.how()
    }

    pub fn when(&self) -> &'static str {
        self.mode.when()
    }

    /// Why this architecture and not the one closest to it.
    pub fn not_nearest(&self) -> &'static str {
        self.mode.not_nearest()
    }

    pub fn takes(&self) -> Vec<String> {
        self.mode.takes(self.platform)
    }
}

impl Serialize for HybridPlan {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut plan = serializer.serialize_struct("HybridPlan", 7)?;
        plan.serialize_field("mode", &self.mode)?;
        plan.serialize_field("title", self.title())?;
        plan.serialize_field("how", self.how())?;
        plan.serialize_field("when", self.when())?;
        plan.serialize_field("because", self.because)?;
        plan.serialize_field("not_nearest", self.not_nearest())?;
        plan.serialize_field("takes", &self.takes())?;
        plan.end()
    }
}

/// Everything the engine needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Input {
    pub answers: Answers,
    pub cost: CostInputs,
    /// Shared, not copied: the page scores every change with the same table.
    pub prices: Rc<PriceTable>,
    pub measured: Measured,
}

impl Input {
    /// The input the page scores: its answers, cost inputs and measured facts, priced with the
    /// table the page read. The report worker builds it the same way, from the row the page
    /// sent, so its report matches the page.
    pub fn scored_on_page(
        answers: &Answers,
        cost: &CostInputs,
        prices: &Rc<PriceTable>,
        measured: Measured,
    ) -> Input {
        Input {
            answers: answers.clone(),
            cost: cost.clone(),
            prices: prices.clone(),
            measured,
        }
    }
}

/// The engine's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub verdict: Verdict,
    pub confidence: f64,
    /// The weighted mean pull of the answered factors, from -1 (device) to +1 (cloud).
    pub score: f64,
    /// How much the answered factors agree: 1 when all pull one way, 0 when they cancel.
    pub agreement: f64,
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
    /// The smallest answer changes that would give another verdict.
    pub flips: Vec<Flip>,
}

/// The core decision, without the explanations: what flips are searched with.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Decision {
    pub verdict: Verdict,
    pub mode: Option<(HybridMode, &'static str)>,
    pub score: f64,
    pub agreement: f64,
    pub factors: Vec<FactorResult>,
    pub outcome: RuleOutcome,
    pub cost: Option<CostComparison>,
    pub resources: Option<Resources>,
    pub measured_facts: Vec<String>,
}

/// Scores the input, with the recommended stacks: what the reports state. Total: every input
/// gives a recommendation.
pub fn recommend(input: &Input) -> Recommendation {
    build::<true>(input)
}

/// The same without the stacks: the page shows them from the report worker, so their names,
/// links and reasons stay out of the app bundle (a constant, so the app links no stack code).
pub fn recommend_on_page(input: &Input) -> Recommendation {
    build::<false>(input)
}

fn build<const STACKS: bool>(input: &Input) -> Recommendation {
    let d = decide(input);
    let platform = Platform::of(input.answers.tooling());
    let answered = input.answers.answered();
    let confidence = confidence(&d, answered);
    let hybrid = d.mode.map(|(mode, because)| HybridPlan {
        mode,
        because,
        platform,
    });
    let stacks = if STACKS {
        stacks::recommend(d.verdict, &input.answers, d.resources)
    } else {
        Vec::new()
    };
    let flips = flips::search(input, &d);
    Recommendation {
        verdict: d.verdict,
        confidence,
        score: d.score,
        agreement: d.agreement,
        answered,
        factors: d.factors,
        rules: d.outcome.fired,
        conflict: d.outcome.conflict,
        hybrid,
        cost: d.cost,
        stacks,
        measured_facts: d.measured_facts,
        flips,
    }
}

/// Rules, lean and hybrid conditions: the verdict and what it rests on.
pub(crate) fn decide(input: &Input) -> Decision {
    let answers = &input.answers;
    let measured_resources = input
        .measured
        .device
        .as_ref()
        .map(|device| device.resources);
    let resources = measured_resources.or(answers.resources());
    let mut measured_facts = Vec::new();
    if let (Some(device), Some(_)) = (&input.measured.device, measured_resources) {
        measured_facts.extend(device.facts.iter().cloned());
    }
    let platform = Platform::of(answers.tooling());
    let outcome = rules::apply(answers, resources, platform);
    // Where the target hardware cannot run the task, running it locally means buying better
    // hardware: counted at the visitor's price, or an assumed one that the result names.
    let assume_upgrade = outcome.local_ruled_out && input.cost.upgrade_per_device <= 0.0;
    let cost_inputs = CostInputs {
        upgrade_per_device: if assume_upgrade {
            cost::ASSUMED_UPGRADE_PER_DEVICE
        } else {
            input.cost.upgrade_per_device
        },
        ..input.cost.clone()
    };
    let cost = cost::compare(
        &cost_inputs,
        &input.prices,
        cost::download_gb(answers.model_size()),
    )
    .ok()
    .map(|c| CostComparison {
        upgrade_assumed: assume_upgrade,
        ..c
    });
    let ctx = Context {
        platform,
        connectivity: answers.connectivity(),
        cost_rule: cost.as_ref().map(CostComparison::lean),
        task_beyond_device: outcome.local_ruled_out,
    };

    let factors: Vec<FactorResult> = Factor::ALL
        .iter()
        .map(|&factor| {
            let option = if factor == Factor::Resources {
                resources.map(Choice::Resources)
            } else {
                answers.get(factor)
            };
            let mut result = factor_result(factor, option, &ctx);
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
    let signed: f64 = factors.iter().map(|f| f.weight * f.pull).sum();
    let magnitude: f64 = factors.iter().map(|f| f.weight * f.pull.abs()).sum();
    let score = if answered_weight > 0.0 {
        signed / answered_weight
    } else {
        0.0
    };
    let agreement = if magnitude > 0.0 {
        signed.abs() / magnitude
    } else {
        0.0
    };

    let mode = hybrid::choose(&Situation {
        answers,
        resources,
        lean: score,
        local_ruled_out: outcome.local_ruled_out,
        cloud_ruled_out: outcome.cloud_ruled_out,
    });
    let verdict = if answers.answered() == 0 {
        Verdict::Undecided
    } else if outcome.cloud_ruled_out {
        Verdict::Local
    } else if mode.is_some() {
        Verdict::Hybrid
    } else if outcome.local_ruled_out || score > 0.0 {
        Verdict::Cloud
    } else {
        Verdict::Local
    };
    Decision {
        verdict,
        mode: mode.filter(|_| verdict == Verdict::Hybrid),
        score,
        agreement,
        factors,
        outcome,
        cost,
        resources,
        measured_facts,
    }
}

/// High only when enough is answered and the strong factors agree; low on knife edges.
fn confidence(d: &Decision, answered: usize) -> f64 {
    if d.verdict == Verdict::Undecided {
        return 0.0;
    }
    // Eleven answers of any of the questions count as a full questionnaire.
    let coverage = (answered as f64 / Factor::CORE.len() as f64).min(1.0);
    let coverage_term = 0.25 + 0.75 * coverage;
    let clarity = (d.score.abs() / CLEAR_LEAN).min(1.0);
    let support = if d.outcome.cloud_ruled_out {
        // A hard rule decides, whatever the weights say.
        0.9
    } else if d.verdict == Verdict::Hybrid {
        // The architecture rests on explicit conditions; a lean near zero makes them fragile.
        0.55 + 0.3 * clarity.sqrt()
    } else {
        0.3 + 0.65 * (d.agreement * clarity).sqrt()
    };
    let mut value = coverage_term * support;
    if d.outcome.conflict.is_some() {
        value *= 0.5;
    }
    value.clamp(0.0, 1.0)
}

fn factor_result(factor: Factor, option: Option<Choice>, ctx: &Context) -> FactorResult {
    let weight = factor_weight(factor);
    match option {
        Some(choice) => {
            let row = pull(choice, ctx);
            FactorResult {
                factor,
                option: Some(choice),
                direction: direction_of(row.pull),
                pull: row.pull,
                weight,
                reason: row.reason,
                measured: false,
            }
        }
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

/// When the feature's local time and the cloud call were both measured, the latency factor
/// lists them; when only one side meets the budget, the latency pull moves towards it.
fn apply_measured_latency(result: &mut FactorResult, measured: &Measured, facts: &mut Vec<String>) {
    let (Some(Choice::Latency(option)), Some(local), Some(cloud)) = (
        result.option,
        measured.local.as_ref(),
        measured.cloud_latency_ms,
    ) else {
        return;
    };
    let Some(budget) = latency_budget_ms(option) else {
        return;
    };
    let (shift, outcome) = match (local.ms <= budget, cloud <= budget) {
        (true, false) => (-MEASURED_LATENCY_SHIFT, "only the device meets it"),
        (false, true) => (MEASURED_LATENCY_SHIFT, "only the cloud meets it"),
        (true, true) => (0.0, "both meet it"),
        (false, false) => (0.0, "neither meets it"),
    };
    result.pull = (result.pull + shift).clamp(-1.0, 1.0);
    result.direction = direction_of(result.pull);
    result.measured = true;
    let fact = format!(
        "Measured: {}; the cloud call took {} ms. Against the {} ms budget {outcome}.",
        local.what,
        Fixed(cloud, 0),
        Fixed(budget, 0)
    );
    result.reason = format!("{} {fact}", result.reason);
    facts.push(fact);
}
