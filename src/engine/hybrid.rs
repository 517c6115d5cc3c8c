//! Hybrid as named architectures, each chosen by explicit conditions on the answers, never by a tie.
//!
//! `choose` runs after the hard rules and the weighted lean. It names the architecture whose
//! conditions hold, the sentence saying which answers made it, and what it takes to build.

use serde::Serialize;

use super::factor::{Connectivity, Latency, ModelSize, Privacy, RequestMix, Resources};
use super::platform::Platform;
use super::Answers;

/// A named way of splitting a feature between the device and the cloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HybridMode {
    /// The device answers first; hard requests, weak devices or unsure answers go to the cloud.
    LocalFirst,
    /// The cloud answers; an on-device model keeps the feature working offline or when throttled.
    CloudFirst,
    /// Sensitive steps run on the device, heavy steps in the cloud on data that is safe to send.
    SplitByData,
    /// On the device where the hardware is capable, in the cloud (or switched off) elsewhere.
    CapabilityGated,
    /// A small on-device model gates, filters or triggers; the heavy work runs in the cloud.
    LocalGate,
}

impl HybridMode {
    pub const ALL: [HybridMode; 5] = [
        HybridMode::LocalFirst,
        HybridMode::CloudFirst,
        HybridMode::SplitByData,
        HybridMode::CapabilityGated,
        HybridMode::LocalGate,
    ];

    /// The key exposed as `data-hybrid-mode`.
    pub const fn key(self) -> &'static str {
        match self {
            HybridMode::LocalFirst => "local_first",
            HybridMode::CloudFirst => "cloud_first",
            HybridMode::SplitByData => "split_by_data",
            HybridMode::CapabilityGated => "capability_gated",
            HybridMode::LocalGate => "local_gate",
        }
    }

    pub const fn title(self) -> &'static str {
        match self {
            HybridMode::LocalFirst => {
                "Local first: the device answers, the cloud takes the hard cases"
            }
            HybridMode::CloudFirst => "Cloud first, with an on-device fallback",
            HybridMode::SplitByData => {
                "Split by data: redact on the device, heavy work in the cloud"
            }
            HybridMode::CapabilityGated => {
                "Capability-gated: on the device where the hardware can, in the cloud elsewhere"
            }
            HybridMode::LocalGate => "A local gate in front of a cloud model",
        }
    }

    /// How the mode works in practice.
    pub const fn how(self) -> &'static str {
        match self {
            HybridMode::LocalFirst => "Run a small model on the device for every request; send a request to the cloud only when it is too hard for the small model, the local answer is not confident, or the device lacks the hardware.",
            HybridMode::CloudFirst => "Call the cloud model by default; keep a small on-device model for when the network is down, slow, metered or throttled, accepting simpler results there.",
            HybridMode::SplitByData => "Run only the sensitive step on the device (redaction, extraction or classification: small tasks it can run), then send de-identified or non-sensitive text to a cloud model for the heavy work the device cannot do.",
            HybridMode::CapabilityGated => "Check the device at run time: where the hardware can run the model, run it locally; elsewhere call the cloud, or switch the feature off where policy forbids it.",
            HybridMode::LocalGate => "Keep a small model running on the device that listens, watches or screens continuously (a wake word, a triage or a scam check); only what it lets through goes to the large cloud model.",
        }
    }

    /// When this mode is the right one.
    pub const fn when(self) -> &'static str {
        match self {
            HybridMode::LocalFirst => "Most requests fit a small model and the device can run it, but a minority needs a larger model or knowledge a server holds.",
            HybridMode::CloudFirst => "Quality needs the cloud most of the time, but the feature must degrade gracefully rather than fail when the network does.",
            HybridMode::SplitByData => "The data is sensitive, but the task is beyond the device.",
            HybridMode::CapabilityGated => "The fleet is mixed: some devices can run the model, others cannot.",
            HybridMode::LocalGate => "Input arrives continuously and must be screened within ~100 ms, while the work it triggers needs a large model.",
        }
    }

    /// Why this architecture and not the one closest to it.
    pub const fn not_nearest(self) -> &'static str {
        match self {
            HybridMode::LocalFirst => {
                "Not cloud first: the device answers unless a request is beyond it."
            }
            HybridMode::CloudFirst => {
                "Not local first: the cloud answers whenever it is reachable."
            }
            HybridMode::SplitByData => {
                "Not a local gate: the device decides what is sent, not whether."
            }
            HybridMode::CapabilityGated => {
                "Not local first: the hardware, not the request, decides the side."
            }
            HybridMode::LocalGate => {
                "Not local first: the device only decides what the cloud sees."
            }
        }
    }

    /// What it takes to build: the pieces a team must add beyond a single-sided design.
    pub fn takes(self, platform: Platform) -> Vec<String> {
        let check = platform.capability_check();
        match self {
            HybridMode::LocalFirst => vec![
                "A router: a confidence threshold on the local answer, or a small classifier of request difficulty, that decides when to escalate.".into(),
                format!("A capability check ({check}) so weak devices go straight to the cloud."),
                "One request format for both paths (an OpenAI-compatible client with two base URLs), and telemetry of the escalation rate.".into(),
            ],
            HybridMode::CloudFirst => vec![
                "A fallback path: a timeout and an offline check that switch to the on-device model, and a note in the UI that the answer is simpler.".into(),
                format!("The on-device model shipped and checked ({check}) before it is needed."),
                "A queue for work that must wait for the network.".into(),
            ],
            HybridMode::SplitByData => vec![
                "An on-device redaction or extraction step with a tested recall for the sensitive fields.".into(),
                "A schema for what may leave the device, enforced before every cloud call.".into(),
                "A data-processing agreement (and a BAA for health data) with the cloud provider for what remains.".into(),
            ],
            HybridMode::CapabilityGated => vec![
                format!("A capability check at start-up: {check}."),
                "A cloud path, or a clear 'not available on this device' state, for the devices that fail it.".into(),
                "Both paths tested on the weakest supported device.".into(),
            ],
            HybridMode::LocalGate => vec![
                "A small always-on model with a tuned false-accept rate (wake word, triage or scam score).".into(),
                "A threshold that decides what is sent, and a visible signal to the user when it is.".into(),
                "The cloud call budgeted for the share of input that passes the gate.".into(),
            ],
        }
    }
}

/// The facts `choose` weighs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Situation<'a> {
    pub answers: &'a Answers,
    /// The hardware answer, or what this device measured.
    pub resources: Option<Resources>,
    /// The weighted mean pull, from -1 (device) to +1 (cloud).
    pub lean: f64,
    pub local_ruled_out: bool,
    pub cloud_ruled_out: bool,
}

/// The hybrid architecture whose conditions hold, with the sentence naming them; None means single-sided.
pub fn choose(s: &Situation) -> Option<(HybridMode, &'static str)> {
    if s.cloud_ruled_out {
        return None;
    }
    let a = s.answers;
    let sensitive = matches!(a.privacy(), Some(Privacy::Personal | Privacy::Regulated));
    let escalation = matches!(
        a.request_mix(),
        Some(RequestMix::LongTail | RequestMix::Varied)
    );
    let long_tail = a.request_mix() == Some(RequestMix::LongTail);
    let continuous = a.latency() == Some(Latency::Realtime);
    let intermittent = a.connectivity() == Some(Connectivity::Intermittent);
    let server_knowledge = matches!(
        a.knowledge(),
        Some(super::factor::Knowledge::LiveData | super::factor::Knowledge::SharedData)
    );
    let capable_device = matches!(s.resources, Some(Resources::Npu | Resources::Gpu));
    let ordinary_device = matches!(s.resources, Some(Resources::Mainstream | Resources::LowEnd));
    let mixed_fleet = s.resources == Some(Resources::Mixed);
    let leans_local = s.lean <= 0.0;

    if leans_local && s.local_ruled_out {
        if sensitive {
            return Some((HybridMode::SplitByData, "The data is sensitive and the rest of the answers favour the device, but the task is beyond the target hardware: only the sensitive step stays local."));
        }
        if mixed_fleet && a.model_size() == Some(ModelSize::Medium) {
            return Some((HybridMode::CapabilityGated, "The answers favour the device, but only the capable part of a mixed fleet can run a medium task."));
        }
        if continuous {
            return Some((
                HybridMode::LocalGate,
                "Input must be screened in real time, but the task itself is beyond the device.",
            ));
        }
        if escalation {
            return Some((HybridMode::LocalFirst, "The answers favour the device, which can take the easy requests; the hard ones are beyond it."));
        }
        return Some((HybridMode::CloudFirst, "The answers favour the device, but it cannot run the task: the cloud answers, and a small on-device model keeps a reduced feature working."));
    }
    if leans_local {
        if mixed_fleet {
            return Some((HybridMode::CapabilityGated, "The answers favour the device, but a wide or unknown fleet includes devices that cannot run the model: run it where the device can and use the cloud elsewhere."));
        }
        if escalation {
            return Some((HybridMode::LocalFirst, "The answers favour the device, but some requests need a much larger model than it runs."));
        }
        if server_knowledge {
            return Some((HybridMode::LocalFirst, "The answers favour the device, but the model needs knowledge that only a server holds."));
        }
        return None;
    }
    // The answers favour the cloud: a device model still earns its place when most input does not need the large model.
    if escalation && capable_device {
        return Some((HybridMode::LocalFirst, "The cloud fits the hard requests, but not every request needs it and the target hardware runs a small model well: the device takes the easy ones."));
    }
    if escalation && ordinary_device {
        return Some((HybridMode::LocalGate, "The cloud does the heavy work, but not every input needs it: a small model every target device can run screens or triggers what is sent."));
    }
    if continuous && long_tail {
        return Some((HybridMode::LocalGate, "Continuous input must be screened in real time, and only a minority of it needs the large cloud model."));
    }
    if intermittent {
        return Some((HybridMode::CloudFirst, "The cloud fits the task, but the connection is often missing, so a small on-device model keeps a reduced feature working."));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::HybridMode;

    #[test]
    fn every_architecture_names_its_nearest_neighbour_and_why_not_in_one_short_line() {
        for mode in HybridMode::ALL {
            let why = mode.not_nearest();
            assert!(why.starts_with("Not "), "{mode:?}");
            assert!(why.len() <= 120, "{mode:?}");
            let named = HybridMode::ALL
                .iter()
                .filter(|other| **other != mode)
                .any(|other| why.contains(&other.title().to_lowercase()[..8]));
            assert!(named, "{mode:?}: {why}");
        }
    }
}
