//! The scoring table: how much each factor matters and which way each option pulls, with the reason.
//!
//! A pull runs from -1.0 (strongly towards the device) to +1.0 (strongly towards the cloud).
//! Within a factor, pulls are ordered so that "more sensitive", "less connected" and "weaker
//! hardware" never pull further towards the cloud; the property tests hold the table to that.

use super::Factor;

/// How much a factor counts against the others.
pub fn factor_weight(factor: Factor) -> f64 {
    match factor {
        // Data rules and offline use decide many projects outright, so they weigh most.
        Factor::Privacy => 3.0,
        Factor::Connectivity => 3.0,
        // Whether a model of the needed size can run locally at all is the other hard limit.
        Factor::ModelSize => 3.0,
        // Hardware, speed and money shape the choice strongly but rarely settle it alone.
        Factor::Resources => 2.0,
        Factor::Latency => 2.0,
        Factor::Cost => 2.0,
        // Sharing and growth favour a central service, with workarounds on either side.
        Factor::Collaboration => 1.5,
        Factor::Scale => 1.5,
        // Operations, ecosystem and control are real but secondary preferences.
        Factor::Maintenance => 1.0,
        Factor::Tooling => 1.0,
        Factor::Customization => 1.0,
    }
}

/// One option's pull and the sentence that explains it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pull {
    pub factor: Factor,
    pub option: &'static str,
    pub pull: f64,
    pub reason: &'static str,
}

const fn row(factor: Factor, option: &'static str, pull: f64, reason: &'static str) -> Pull {
    Pull {
        factor,
        option,
        pull,
        reason,
    }
}

/// Every option of every factor, in the contract's order.
pub const TABLE: &[Pull] = &[
    row(Factor::Privacy, "public", 0.3, "Nothing sensitive is involved, so sending text to a cloud model raises no data-protection question."),
    row(Factor::Privacy, "internal", 0.0, "Business-confidential data can go to an enterprise cloud service under contract, or stay on the device; neither side is favoured."),
    row(Factor::Privacy, "personal", -0.4, "Personal data under rules such as GDPR needs a lawful basis and a processing agreement before it leaves the device; keeping it local avoids that."),
    row(Factor::Privacy, "regulated", -0.7, "Regulated health, financial or legal data may only go to a cloud covered by agreements such as a HIPAA BAA; on the device it never leaves the user's control."),
    row(Factor::Privacy, "device_only", -1.0, "Policy forbids the data from leaving the device, so no cloud model may see it."),
    row(Factor::Resources, "npu", -0.6, "Copilot+ class PCs run small language models such as Phi Silica on their NPU quickly and without draining the battery."),
    row(Factor::Resources, "gpu", -0.5, "A capable GPU runs small and mid-sized models locally at interactive speed."),
    row(Factor::Resources, "mainstream", -0.1, "Ordinary laptops can run small models on the CPU, but slowly and at a cost to battery and responsiveness."),
    row(Factor::Resources, "low_end", 0.6, "Older, low-memory or mobile devices struggle to hold even a small model in memory, which pushes the work to the cloud."),
    row(Factor::Resources, "mixed", 0.4, "A wide or unknown fleet must be planned for its weakest device, which favours the cloud or a cloud fallback."),
    row(Factor::Collaboration, "single", -0.4, "One person on one device needs nothing shared, so local inference loses nothing."),
    row(Factor::Collaboration, "team", 0.3, "A team sharing inputs or results is easier to serve from one place than by syncing devices."),
    row(Factor::Collaboration, "anywhere", 0.7, "People reaching the feature from many devices and places need the model and its data reachable from anywhere, which the cloud gives."),
    row(Factor::Cost, "no_usage_fees", -0.7, "Running on hardware the users already own adds no per-request fee, however much the feature is used."),
    row(Factor::Cost, "balanced", 0.0, "Neither up-front hardware nor per-use fees are ruled out, so the cost comparison below decides."),
    row(Factor::Cost, "pay_as_you_go", 0.6, "Paying per use with no hardware to buy fits the cloud's pricing model."),
    row(Factor::Maintenance, "in_house", -0.4, "The team is ready to ship and patch models and runtimes itself, which local deployment requires."),
    row(Factor::Maintenance, "either", 0.0, "The team can maintain models or hand that to a provider, so this does not tip the balance."),
    row(Factor::Maintenance, "managed", 0.6, "A cloud provider handles model updates, security patches and new versions, which removes that work from the team."),
    row(Factor::Latency, "realtime", -0.8, "Results needed in under about 100 ms leave no room for a network round trip; local inference avoids it."),
    row(Factor::Latency, "interactive", -0.2, "Under a second is reachable both ways, though the device avoids network delays that vary with the connection."),
    row(Factor::Latency, "relaxed", 0.2, "A few seconds is enough for a network round trip to a larger, more capable cloud model."),
    row(Factor::Latency, "batch", 0.4, "Minutes or hours of allowed time suit cloud batch processing, which does not tie up the user's device."),
    row(Factor::Scale, "fixed", -0.2, "Small, predictable use is served well by the devices people already have."),
    row(Factor::Scale, "growing", 0.3, "Steady growth is absorbed by cloud capacity without waiting for users to upgrade hardware."),
    row(Factor::Scale, "spiky", 0.5, "Bursts and large audiences need capacity that scales up and down on demand, which the cloud provides."),
    row(Factor::Connectivity, "always", 0.3, "An always-available connection makes a cloud dependency safe."),
    row(Factor::Connectivity, "intermittent", -0.5, "Often-offline or metered connections would make a cloud-only feature fail or cost the user, so it should keep working on the device."),
    row(Factor::Connectivity, "offline", -1.0, "The feature must work with no network, so it cannot depend on a cloud model."),
    row(Factor::ModelSize, "small", -0.6, "Classification, extraction and short rewrites are within reach of small on-device models such as Phi Silica or Phi-4-mini."),
    row(Factor::ModelSize, "medium", 0.1, "Summaries, chat and retrieval work with small-to-mid models locally, but larger cloud models do them better."),
    row(Factor::ModelSize, "large", 0.9, "Advanced reasoning, long context and image generation need large models that only cloud hardware runs well."),
    row(Factor::Tooling, "windows", -0.4, "Windows apps get on-device models through Windows AI Foundry, Windows ML and Foundry Local with the Windows App SDK."),
    row(Factor::Tooling, "web", 0.0, "Web apps can run models in the browser with WebGPU or WebNN, or call a cloud API; the ecosystem supports both."),
    row(Factor::Tooling, "azure", 0.6, "A team already building on Azure gets Azure AI Foundry and Azure OpenAI with its existing identity, monitoring and deployment."),
    row(Factor::Tooling, "cross_platform", 0.2, "One cloud API serves every platform, while local inference needs a runtime and model per platform (ONNX Runtime helps)."),
    row(Factor::Customization, "off_the_shelf", 0.0, "Ready-made models exist on both sides: Phi Silica on the device, hosted models in the cloud."),
    row(Factor::Customization, "fine_tuned", 0.1, "Fine-tuning is offered as a managed service in Azure AI Foundry, and adapted ONNX models also run locally through Windows ML."),
    row(Factor::Customization, "full_control", -0.5, "Owning the weights and the runtime's behaviour is simplest when the model runs on hardware you control."),
];

/// The table row for one answer; every contract option has exactly one.
pub fn pull_of(factor: Factor, option: &str) -> Option<&'static Pull> {
    TABLE
        .iter()
        .find(|row| row.factor == factor && row.option == option)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_contract_option_has_exactly_one_row_in_range() {
        for factor in Factor::ALL {
            for option in factor.options() {
                let rows: Vec<_> = TABLE
                    .iter()
                    .filter(|r| r.factor == factor && r.option == *option)
                    .collect();
                assert_eq!(rows.len(), 1, "{}={option}", factor.key());
                assert!((-1.0..=1.0).contains(&rows[0].pull));
                assert!(rows[0].reason.ends_with('.'));
            }
        }
        let options: usize = Factor::ALL.iter().map(|f| f.options().len()).sum();
        assert_eq!(TABLE.len(), options);
    }
}
