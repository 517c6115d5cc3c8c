//! The words the questionnaire shows: each factor's question, why it matters, and each option's label.

use super::Factor;

/// The order questions are asked in: the factors that most often decide the verdict first.
pub const ASKED_ORDER: [Factor; 11] = [
    Factor::Privacy,
    Factor::Connectivity,
    Factor::ModelSize,
    Factor::Resources,
    Factor::Latency,
    Factor::Cost,
    Factor::Collaboration,
    Factor::Scale,
    Factor::Maintenance,
    Factor::Tooling,
    Factor::Customization,
];

/// The factor's short name, as a chart or report labels it.
pub const fn title(factor: Factor) -> &'static str {
    match factor {
        Factor::Privacy => "Data privacy and compliance",
        Factor::Resources => "Hardware",
        Factor::Collaboration => "Access and collaboration",
        Factor::Cost => "Cost",
        Factor::Maintenance => "Maintenance and updates",
        Factor::Latency => "Performance and latency",
        Factor::Scale => "Scalability",
        Factor::Connectivity => "Connectivity",
        Factor::ModelSize => "Model size and complexity",
        Factor::Tooling => "Tooling and ecosystem",
        Factor::Customization => "Customization and control",
    }
}

/// The question as asked.
pub const fn question(factor: Factor) -> &'static str {
    match factor {
        Factor::Privacy => "What data does the feature handle, and where may it go?",
        Factor::Resources => "What hardware will the feature run on?",
        Factor::Collaboration => "Who needs the model's inputs and results?",
        Factor::Cost => "How should costs behave?",
        Factor::Maintenance => "Who should keep the model and runtime updated and secure?",
        Factor::Latency => "How fast must a result appear?",
        Factor::Scale => "How will usage grow?",
        Factor::Connectivity => "What network can the feature count on?",
        Factor::ModelSize => "How demanding is the task?",
        Factor::Tooling => "Where does your team build?",
        Factor::Customization => "How much control over the model do you need?",
    }
}

/// Why the question matters, in one sentence.
pub const fn why(factor: Factor) -> &'static str {
    match factor {
        Factor::Privacy => "On the device, data never leaves the user's hands; sending it to a cloud model brings rules such as GDPR or HIPAA into play.",
        Factor::Resources => "A local model is only as fast as the CPU, GPU or NPU and the memory of the device it runs on.",
        Factor::Collaboration => "A model and data on one device are hard to share; a cloud service is reachable from anywhere.",
        Factor::Cost => "Local inference costs nothing per request on hardware users own; the cloud charges for every token.",
        Factor::Maintenance => "Local models are yours to ship, update and patch; cloud providers do that for you.",
        Factor::Latency => "A local model skips the network round trip; a cloud model adds it, however fast its hardware.",
        Factor::Scale => "Cloud capacity grows on demand; on the device, more work can mean new hardware.",
        Factor::Connectivity => "A local model works with no network; a cloud model fails without one.",
        Factor::ModelSize => "Small models run on devices; large models need the cloud's hardware.",
        Factor::Tooling => "Windows, the web and Azure each make one side easier to build, ship and monitor.",
        Factor::Customization => "Both sides offer ready-made and adaptable models; owning every weight is easiest on hardware you control.",
    }
}

/// The label of one option.
pub fn option_label(factor: Factor, option: &str) -> &'static str {
    match (factor, option) {
        (Factor::Privacy, "public") => "Public: nothing sensitive",
        (Factor::Privacy, "internal") => "Internal: business-confidential",
        (Factor::Privacy, "personal") => "Personal data (GDPR and similar)",
        (Factor::Privacy, "regulated") => {
            "Regulated: health, financial or legal (HIPAA and similar)"
        }
        (Factor::Privacy, "device_only") => "Policy: data must never leave the device",
        (Factor::Resources, "npu") => "Copilot+ PCs with an NPU",
        (Factor::Resources, "gpu") => "Machines with a capable GPU",
        (Factor::Resources, "mainstream") => "Ordinary laptops and desktops",
        (Factor::Resources, "low_end") => "Older, low-memory or mobile devices",
        (Factor::Resources, "mixed") => "A wide or unknown fleet",
        (Factor::Collaboration, "single") => "One person on one device",
        (Factor::Collaboration, "team") => "A team shares inputs or results",
        (Factor::Collaboration, "anywhere") => "People on many devices and places",
        (Factor::Cost, "no_usage_fees") => "No per-use fees; hardware is already owned",
        (Factor::Cost, "balanced") => "Balanced",
        (Factor::Cost, "pay_as_you_go") => "Pay as you go; no hardware up front",
        (Factor::Maintenance, "in_house") => "Our team ships and patches models",
        (Factor::Maintenance, "either") => "Either way",
        (Factor::Maintenance, "managed") => "A provider should handle it",
        (Factor::Latency, "realtime") => "Real time: under ~100 ms (typing, camera, audio)",
        (Factor::Latency, "interactive") => "Interactive: under ~1 s",
        (Factor::Latency, "relaxed") => "Relaxed: a few seconds is fine",
        (Factor::Latency, "batch") => "Batch: minutes or hours",
        (Factor::Scale, "fixed") => "Small and predictable",
        (Factor::Scale, "growing") => "Steady growth",
        (Factor::Scale, "spiky") => "Bursts, or a large audience",
        (Factor::Connectivity, "always") => "Always online",
        (Factor::Connectivity, "intermittent") => "Often offline or metered",
        (Factor::Connectivity, "offline") => "Must work with no network",
        (Factor::ModelSize, "small") => "Small: classification, extraction, short rewrites",
        (Factor::ModelSize, "medium") => "Medium: summaries, chat, retrieval over documents",
        (Factor::ModelSize, "large") => "Large: advanced reasoning, long context, image generation",
        (Factor::Tooling, "windows") => "Windows desktop (WinUI, Windows App SDK, .NET)",
        (Factor::Tooling, "web") => "The web",
        (Factor::Tooling, "azure") => "Cloud services on Azure",
        (Factor::Tooling, "cross_platform") => "Mobile or several operating systems",
        (Factor::Customization, "off_the_shelf") => "Off the shelf",
        (Factor::Customization, "fine_tuned") => "Fine-tuned to our domain",
        (Factor::Customization, "full_control") => "Full control: our own weights and behaviour",
        _ => "Unknown option",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_factor_is_asked_once_and_every_option_has_a_label() {
        let mut asked = ASKED_ORDER.to_vec();
        asked.sort();
        asked.dedup();
        assert_eq!(asked.len(), 11);
        for factor in Factor::ALL {
            for option in factor.options() {
                assert_ne!(
                    option_label(factor, option),
                    "Unknown option",
                    "{}={option}",
                    factor.key()
                );
            }
        }
    }
}
