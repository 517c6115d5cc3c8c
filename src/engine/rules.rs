//! The hard rules, applied before any weighing: what the data policy, the network and the hardware forbid.

use serde::Serialize;

use super::{Answers, Factor};

/// A hard rule that fired, with the sentence that explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FiredRule {
    pub id: &'static str,
    pub rules_out: &'static str,
    pub reason: String,
}

/// Two hard rules that leave nothing allowed, and what must change for a clean answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    pub summary: String,
    pub changes: Vec<String>,
}

/// What the hard rules allow.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RuleOutcome {
    pub fired: Vec<FiredRule>,
    pub cloud_ruled_out: bool,
    pub local_ruled_out: bool,
    pub conflict: Option<Conflict>,
}

/// The largest task (a `model_size` option) each hardware class can run on the device.
pub fn largest_local_task(resources: &str) -> &'static str {
    match resources {
        // A capable GPU holds 7B-class models and image generation at usable speed.
        "gpu" => "large",
        // NPUs and ordinary laptops run small-to-mid models (about 4B parameters at 4 bits).
        "npu" | "mainstream" => "medium",
        // Weak devices, and a fleet planned for its weakest member, hold only small models.
        _ => "small",
    }
}

fn size_rank(size: &str) -> usize {
    ["small", "medium", "large"]
        .iter()
        .position(|s| *s == size)
        .unwrap_or(0)
}

/// Applies the hard rules to the answers; `resources` is the answer or what the device measured.
pub fn apply(answers: &Answers, resources: Option<&'static str>) -> RuleOutcome {
    let mut outcome = RuleOutcome::default();
    let device_only = answers.is(Factor::Privacy, "device_only");
    let offline = answers.is(Factor::Connectivity, "offline");
    if device_only {
        outcome.cloud_ruled_out = true;
        outcome.fired.push(FiredRule {
            id: "data_stays_on_device",
            rules_out: "cloud",
            reason:
                "Policy forbids the data from leaving the device, which rules out any cloud model."
                    .into(),
        });
    }
    if offline {
        outcome.cloud_ruled_out = true;
        outcome.fired.push(FiredRule {
            id: "must_work_offline",
            rules_out: "cloud",
            reason: "The feature must work with no network, so it cannot depend on the cloud."
                .into(),
        });
    }
    let size = answers.get(Factor::ModelSize);
    if let (Some(size), Some(resources)) = (size, resources) {
        let limit = largest_local_task(resources);
        if size_rank(size) > size_rank(limit) {
            outcome.local_ruled_out = true;
            outcome.fired.push(FiredRule {
                id: "hardware_cannot_run_task",
                rules_out: "local",
                reason: format!(
                    "A {size} task is beyond {} hardware, which runs {limit} tasks at most, so local-only is ruled out.",
                    resources.replace('_', "-")
                ),
            });
        }
    }
    if outcome.cloud_ruled_out && outcome.local_ruled_out {
        outcome.conflict = Some(conflict(device_only, offline, resources.unwrap_or("mixed")));
    }
    outcome
}

fn conflict(device_only: bool, offline: bool, resources: &str) -> Conflict {
    let why = match (device_only, offline) {
        (true, true) => "the data must stay on the device and the feature must work offline",
        (true, false) => "the data must stay on the device",
        _ => "the feature must work offline",
    };
    let mut changes = vec![
        format!(
            "Use a smaller model: reduce the task to a {} one (for example extraction or classification instead of open-ended generation).",
            largest_local_task(resources)
        ),
        "Target better hardware: require a capable GPU or a Copilot+ PC with an NPU.".to_owned(),
    ];
    if device_only {
        changes.push(
            "Change the policy: allow de-identified or minimised data to reach a compliant cloud service."
                .to_owned(),
        );
    }
    if offline {
        changes.push(
            "Relax the offline requirement: let the heavy part wait for a connection.".to_owned(),
        );
    }
    Conflict {
        summary: format!(
            "The rules collide: {why}, but the target hardware cannot run the task. The verdict stays local, and one of these must change."
        ),
        changes,
    }
}
