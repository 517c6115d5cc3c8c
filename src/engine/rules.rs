//! The hard rules, applied before any weighing: what the data policy, the network and the hardware forbid.

use serde::Serialize;

use super::factor::{Connectivity, ModelSize, Privacy, Resources};
use super::platform::Platform;
use super::Answers;

/// Which hard rule fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    DataStaysOnDevice,
    MustWorkOffline,
    HardwareCannotRunTask,
}

impl RuleId {
    pub const fn key(self) -> &'static str {
        match self {
            RuleId::DataStaysOnDevice => "data_stays_on_device",
            RuleId::MustWorkOffline => "must_work_offline",
            RuleId::HardwareCannotRunTask => "hardware_cannot_run_task",
        }
    }
}

/// The side a rule rules out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Local,
    Cloud,
}

/// A hard rule that fired, with the sentence that explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FiredRule {
    pub id: RuleId,
    pub rules_out: Side,
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

/// The largest task each hardware class can run on the device.
pub fn largest_local_task(resources: Resources) -> ModelSize {
    match resources {
        // A capable GPU holds 7B-class models and image generation at usable speed.
        Resources::Gpu => ModelSize::Large,
        // NPUs, ordinary laptops and mid-range phones run small-to-mid models (about 4B at 4 bits).
        Resources::Npu | Resources::Mainstream => ModelSize::Medium,
        // Weak devices, and a fleet planned for its weakest member, hold only small models.
        Resources::LowEnd | Resources::Mixed => ModelSize::Small,
    }
}

fn hardware_words(resources: Resources, platform: Platform) -> String {
    match resources {
        Resources::Npu => platform.npu_devices().to_owned(),
        Resources::Gpu => "machines with a capable GPU".to_owned(),
        Resources::Mainstream => "ordinary laptops and mid-range phones".to_owned(),
        Resources::LowEnd => platform.weak_devices().to_owned(),
        Resources::Mixed => "the weakest devices of a wide fleet".to_owned(),
    }
}

/// Applies the hard rules; `resources` is the answer or what the device measured.
pub fn apply(answers: &Answers, resources: Option<Resources>, platform: Platform) -> RuleOutcome {
    let mut outcome = RuleOutcome::default();
    let device_only = answers.privacy() == Some(Privacy::DeviceOnly);
    let offline = answers.connectivity() == Some(Connectivity::Offline);
    if device_only {
        outcome.cloud_ruled_out = true;
        outcome.fired.push(FiredRule {
            id: RuleId::DataStaysOnDevice,
            rules_out: Side::Cloud,
            reason:
                "Policy forbids the data from leaving the device, which rules out any cloud model."
                    .into(),
        });
    }
    if offline {
        outcome.cloud_ruled_out = true;
        outcome.fired.push(FiredRule {
            id: RuleId::MustWorkOffline,
            rules_out: Side::Cloud,
            reason: "The feature must work with no network, so it cannot depend on the cloud."
                .into(),
        });
    }
    if let (Some(size), Some(resources)) = (answers.model_size(), resources) {
        let limit = largest_local_task(resources);
        if size > limit {
            outcome.local_ruled_out = true;
            outcome.fired.push(FiredRule {
                id: RuleId::HardwareCannotRunTask,
                rules_out: Side::Local,
                reason: format!(
                    "A {} task is beyond {}, which run {} tasks at most, so local-only is ruled out.",
                    size.key(),
                    hardware_words(resources, platform),
                    limit.key()
                ),
            });
        }
    }
    if outcome.cloud_ruled_out && outcome.local_ruled_out {
        let resources = resources.unwrap_or(Resources::Mixed);
        outcome.conflict = Some(conflict(device_only, offline, resources, platform));
    }
    outcome
}

fn conflict(
    device_only: bool,
    offline: bool,
    resources: Resources,
    platform: Platform,
) -> Conflict {
    let why = match (device_only, offline) {
        (true, true) => "the data must stay on the device and the feature must work offline",
        (true, false) => "the data must stay on the device",
        _ => "the feature must work offline",
    };
    let mut changes = vec![
        format!(
            "Use a smaller model: reduce the task to a {} one (for example extraction or classification instead of open-ended generation).",
            largest_local_task(resources).key()
        ),
        format!(
            "Target better hardware: require a capable GPU or {}.",
            platform.npu_devices()
        ),
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
