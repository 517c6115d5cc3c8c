//! The words the questionnaire shows: each factor's question, why it matters, and each option's label.

use super::factor::{
    Choice, Collaboration, Connectivity, Cost, Customization, Knowledge, Latency, Maintenance,
    ModelSize, Privacy, RequestMix, Resources, Scale, Tooling,
};
use super::Factor;

/// The order questions are asked in: the factors that most often decide the verdict first, the
/// optional version-2 questions last.
pub const ASKED_ORDER: [Factor; 13] = [
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
    Factor::RequestMix,
    Factor::Knowledge,
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
        Factor::RequestMix => "Mix of requests",
        Factor::Knowledge => "Knowledge the model needs",
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
        Factor::RequestMix => "How much do requests differ in difficulty? (optional)",
        Factor::Knowledge => "What does the model need besides the request itself? (optional)",
    }
}

/// Why the question matters, in one sentence.
pub const fn why(factor: Factor) -> &'static str {
    match factor {
        Factor::Privacy => "On the device, data never leaves the user's hands; sending it to a cloud model brings rules such as GDPR or HIPAA into play.",
        Factor::Resources => "A local model is only as fast as the CPU, GPU or NPU and the memory of the device it runs on.",
        Factor::Collaboration => "A model and data on one device are hard to share; a cloud service is reachable from anywhere.",
        Factor::Cost => "Local inference has no per-request fee but costs downloads and sometimes hardware; the cloud charges for every token.",
        Factor::Maintenance => "Models you ship to devices are yours to update and patch; cloud providers and platform models do that for you.",
        Factor::Latency => "A local model skips the network round trip; a cloud model adds it, however fast its hardware.",
        Factor::Scale => "Cloud capacity grows on demand; on the device, every user brings their own hardware, if it is capable.",
        Factor::Connectivity => "A local model works with no network; a cloud model fails without one.",
        Factor::ModelSize => "Small models run on devices; large models need the cloud's hardware.",
        Factor::Tooling => "Windows, phones, the web and Azure each make one side easier to build, ship and monitor.",
        Factor::Customization => "Both sides offer ready-made and adaptable models; owning every weight needs hardware you control.",
        Factor::RequestMix => "When most requests are easy, a small on-device model can take them and a router sends the rest to the cloud.",
        Factor::Knowledge => "Data already on the device favours a local model; a server's index, shared data or live facts favour the cloud.",
    }
}

/// The label of one option.
pub const fn option_label(choice: Choice) -> &'static str {
    match choice {
        Choice::Privacy(o) => match o {
            Privacy::Public => "Public: nothing sensitive",
            Privacy::Internal => "Internal: business-confidential",
            Privacy::Personal => "Personal data (GDPR and similar)",
            Privacy::Regulated => "Regulated: health, financial or legal (HIPAA and similar)",
            Privacy::DeviceOnly => "Policy: data must never leave the device",
        },
        Choice::Resources(o) => match o {
            Resources::Npu => {
                "Devices with an NPU: Copilot+ PCs, recent flagship phones, Apple silicon"
            }
            Resources::Gpu => "Machines with a capable GPU",
            Resources::Mainstream => "Ordinary laptops, desktops and mid-range phones",
            Resources::LowEnd => "Older or low-memory devices, budget phones",
            Resources::Mixed => "A wide or unknown fleet",
        },
        Choice::Collaboration(o) => match o {
            Collaboration::Single => "One person on one device",
            Collaboration::Team => "A team shares inputs or results",
            Collaboration::Anywhere => "People on many devices and places",
        },
        Choice::Cost(o) => match o {
            Cost::NoUsageFees => "No per-use fees; hardware is already owned",
            Cost::Balanced => "Balanced: let the cost comparison decide",
            Cost::PayAsYouGo => "Pay as you go; no hardware up front",
        },
        Choice::Maintenance(o) => match o {
            Maintenance::InHouse => "Our team ships and patches models",
            Maintenance::Either => "Either way",
            Maintenance::Managed => "A provider should handle it",
        },
        Choice::Latency(o) => match o {
            Latency::Realtime => "Real time: under ~100 ms (typing, camera, audio)",
            Latency::Interactive => "Interactive: under ~1 s",
            Latency::Relaxed => "Relaxed: a few seconds is fine",
            Latency::Batch => "Batch: minutes or hours",
        },
        Choice::Scale(o) => match o {
            Scale::Fixed => "Small and predictable",
            Scale::Growing => "Steady growth",
            Scale::Spiky => "Bursts, or a large audience",
        },
        Choice::Connectivity(o) => match o {
            Connectivity::Always => "Always online",
            Connectivity::Intermittent => "Often offline or metered",
            Connectivity::Offline => "Must work with no network",
        },
        Choice::ModelSize(o) => match o {
            ModelSize::Small => "Small: classification, extraction, short rewrites",
            ModelSize::Medium => "Medium: summaries, chat, retrieval over documents",
            ModelSize::Large => "Large: advanced reasoning, long context, image generation",
        },
        Choice::Tooling(o) => match o {
            Tooling::Windows => "Windows desktop (WinUI, Windows App SDK, .NET)",
            Tooling::Web => "The web",
            Tooling::Azure => "Cloud services on Azure",
            Tooling::Mobile => "iOS or Android apps",
            Tooling::CrossPlatform => "Several operating systems",
        },
        Choice::Customization(o) => match o {
            Customization::OffTheShelf => "Off the shelf",
            Customization::FineTuned => "Fine-tuned to our domain",
            Customization::FullControl => "Full control: our own weights and behaviour",
        },
        Choice::RequestMix(o) => match o {
            RequestMix::Uniform => "Uniform: one model size serves every request",
            RequestMix::LongTail => {
                "Long tail: most are easy, a minority needs a much larger model"
            }
            RequestMix::Varied => "Varied: easy and hard requests in similar shares",
        },
        Choice::Knowledge(o) => match o {
            Knowledge::InputOnly => "The request and the model's own knowledge",
            Knowledge::DeviceData => "The user's own files, messages or photos on the device",
            Knowledge::SharedData => "A team's, company's or many users' data",
            Knowledge::LiveData => "Fresh world knowledge, search, or a server's index",
        },
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods, clippy::disallowed_types)] // tests: the app bundle's size rules do not apply
mod tests {
    use super::*;

    #[test]
    fn every_factor_is_asked_once_and_the_optional_ones_last() {
        let mut asked = ASKED_ORDER.to_vec();
        asked.sort();
        asked.dedup();
        assert_eq!(asked.len(), Factor::ALL.len());
        assert!(ASKED_ORDER[11..].iter().all(|f| f.is_version_2()));
    }
}
