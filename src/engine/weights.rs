//! The scoring table: how much each factor matters and which way each typed option pulls, with the reason.
//!
//! A pull runs from -1.0 (strongly towards the device) to +1.0 (strongly towards the cloud).
//! Within a factor, pulls are ordered so that "more sensitive", "less connected" and "weaker
//! hardware" never pull further towards the cloud; the property tests hold the table to that.
//! A reason may depend on the other answers (the platform's words, the network behind a
//! real-time answer, the cost comparison), which `Context` carries.

use super::factor::{
    Choice, Collaboration, Connectivity, Cost, Customization, Knowledge, Latency, Maintenance,
    ModelSize, Privacy, RequestMix, Resources, Scale, Tooling,
};
use super::platform::Platform;
use super::Factor;

/// How much a factor counts against the others.
pub fn factor_weight(factor: Factor) -> f64 {
    match factor {
        // Data rules and offline use decide many projects outright, so they weigh most.
        Factor::Privacy => 3.0,
        Factor::Connectivity => 3.0,
        // Whether a model of the needed size can run locally at all is the other hard limit.
        Factor::ModelSize => 3.0,
        // Hardware, speed, money and where the knowledge lives shape the choice strongly.
        Factor::Resources => 2.0,
        Factor::Latency => 2.0,
        Factor::Cost => 2.0,
        Factor::Knowledge => 2.0,
        // Sharing and growth favour a central service, with workarounds on either side.
        Factor::Collaboration => 1.5,
        Factor::Scale => 1.5,
        // Operations, ecosystem, control and the mix of requests are secondary preferences.
        Factor::Maintenance => 1.0,
        Factor::Tooling => 1.0,
        Factor::Customization => 1.0,
        Factor::RequestMix => 1.0,
    }
}

/// What a reason may depend on besides its own answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    pub platform: Platform,
    pub connectivity: Option<Connectivity>,
    /// The balanced-cost rule's pull and sentence, when the cost comparison could be made.
    pub cost_rule: Option<(f64, String)>,
    /// Whether the target hardware was found unable to run the task.
    pub task_beyond_device: bool,
}

/// One answer's pull and the sentence that explains it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pull {
    pub pull: f64,
    pub reason: String,
}

fn p(pull: f64, reason: impl Into<String>) -> Pull {
    Pull {
        pull,
        reason: reason.into(),
    }
}

/// The pull of one answer in its context.
pub fn pull(choice: Choice, ctx: &Context) -> Pull {
    let w = ctx.platform;
    match choice {
        Choice::Privacy(o) => match o {
            Privacy::Public => p(0.3, "Nothing sensitive is involved, so sending text to a cloud model raises no data-protection question."),
            Privacy::Internal => p(0.0, "Business-confidential data can go to an enterprise cloud service under contract, or stay on the device; neither side is favoured."),
            Privacy::Personal => p(-0.4, "Personal data under rules such as GDPR needs a lawful basis and a processing agreement before it leaves the device; keeping it local avoids that."),
            Privacy::Regulated => p(-0.6, "Regulated health, financial or legal data may only go to a cloud covered by agreements such as a HIPAA BAA; on the device it never leaves the user's control."),
            Privacy::DeviceOnly => p(-1.0, "Policy forbids the data from leaving the device, so no cloud model may see it."),
        },
        Choice::Resources(o) => match o {
            Resources::Npu => p(-0.6, format!("{} run small models such as {} quickly and without draining the battery.", capitalised(w.npu_devices()), w.built_in_model())),
            Resources::Gpu => p(-0.5, "A capable GPU runs small and mid-sized models locally at interactive speed."),
            Resources::Mainstream => p(-0.1, "Ordinary laptops and mid-range phones run small models on the CPU, but slowly and at a cost to battery and responsiveness."),
            Resources::LowEnd => p(0.6, format!("{} struggle to hold even a small model in memory, which pushes the work to the cloud.", capitalised(w.weak_devices()))),
            Resources::Mixed => p(0.4, "A wide or unknown fleet must be planned for its weakest device, which favours the cloud or a cloud path for the devices that cannot."),
        },
        Choice::Collaboration(o) => match o {
            Collaboration::Single => p(-0.3, "One person on one device needs nothing shared, so local inference loses nothing."),
            Collaboration::Team => p(0.3, "A team sharing inputs or results is easier to serve from one place than by syncing devices."),
            Collaboration::Anywhere => p(0.6, "People reaching the feature from many devices and places need the model and its data reachable from anywhere, which the cloud gives."),
        },
        Choice::Cost(o) => match o {
            Cost::NoUsageFees => p(-0.7, "Running on hardware the users already own adds no per-request fee, however much the feature is used."),
            Cost::Balanced => match &ctx.cost_rule {
                Some((pull, why)) => p(*pull, format!("Neither up-front nor per-use spending is ruled out, so the cost comparison decides: {why}")),
                None => p(0.0, "Neither up-front nor per-use spending is ruled out, and the cost comparison could not be made (the price table lacks the model)."),
            },
            Cost::PayAsYouGo => p(0.6, "Paying per use with no hardware to buy fits the cloud's pricing model."),
        },
        Choice::Maintenance(o) => match o {
            Maintenance::InHouse => p(-0.1, "A team that ships and patches models can run them on its own servers as well as on devices; only the device makes that work unavoidable, so this leans little."),
            Maintenance::Either => p(0.0, "The team can maintain models or hand that to a provider, so this does not tip the balance."),
            Maintenance::Managed => p(0.4, format!("A cloud provider handles model updates, security patches and new versions; on the device only a platform model such as {} is kept up to date for you.", w.built_in_model())),
        },
        Choice::Latency(o) => match o {
            Latency::Realtime if ctx.connectivity == Some(Connectivity::Always) => p(-0.4, "Under about 100 ms favours the device, but with users always online a nearby cloud region can answer in time: live captions and code completion are served that way at scale."),
            Latency::Realtime => p(-0.8, "Results needed in under about 100 ms leave no room for a network round trip on a connection that may be slow or absent; local inference avoids it."),
            Latency::Interactive => p(-0.1, "Under a second is reachable both ways, though the device avoids network delays that vary with the connection."),
            Latency::Relaxed => p(0.2, "A few seconds is enough for a network round trip to a larger, more capable cloud model."),
            Latency::Batch => p(0.4, "Minutes or hours of allowed time suit cloud batch processing, which does not tie up the user's device."),
        },
        Choice::Scale(o) => match o {
            Scale::Fixed => p(-0.2, "Small, predictable use is served well by the devices people already have."),
            Scale::Growing => p(0.2, "Steady growth is absorbed by cloud capacity without waiting for users to upgrade hardware."),
            Scale::Spiky => p(0.4, "Bursts and large audiences need capacity that scales up and down on demand, which the cloud provides (or every user's own device, where it can run the model)."),
        },
        Choice::Connectivity(o) => match o {
            Connectivity::Always => p(0.3, "An always-available connection makes a cloud dependency safe."),
            Connectivity::Intermittent => p(-0.5, "Often-offline or metered connections would make a cloud-only feature fail or cost the user, so it should keep working on the device."),
            Connectivity::Offline => p(-1.0, "The feature must work with no network, so it cannot depend on a cloud model."),
        },
        Choice::ModelSize(o) => match o {
            ModelSize::Small if ctx.task_beyond_device => p(-0.6, "Classification, extraction and short rewrites need only a small model, though not every target device can hold one."),
            ModelSize::Small => p(-0.6, format!("Classification, extraction and short rewrites are within reach of small on-device models such as {}.", w.built_in_model())),
            ModelSize::Medium => p(0.1, "Summaries, chat and retrieval work with small-to-mid models locally, but larger cloud models do them better."),
            ModelSize::Large => p(0.9, "Advanced reasoning, long context and image generation need large models that only cloud hardware (or a high-end GPU) runs well."),
        },
        Choice::Tooling(o) => match o {
            Tooling::Windows => p(-0.3, "Windows apps get on-device models through Windows AI Foundry (Phi Silica), Windows ML and Foundry Local."),
            Tooling::Web => p(0.0, "Web apps can run models in the browser with WebGPU, WebNN or the browser's built-in AI APIs, or call a cloud API; the ecosystem supports both."),
            Tooling::Azure => p(0.6, "A team already building on Azure gets Azure AI Foundry and Azure OpenAI with its existing identity, monitoring and deployment."),
            Tooling::Mobile => p(-0.1, "iOS and Android ship on-device model runtimes (Core ML and Apple's foundation model, LiteRT and ML Kit's Gemini Nano), and cloud SDKs are one call away."),
            Tooling::CrossPlatform => p(0.2, "One cloud API serves every platform, while local inference needs a runtime and model per platform (ONNX Runtime helps)."),
        },
        Choice::Customization(o) => match o {
            Customization::OffTheShelf => p(0.0, "Ready-made models exist on both sides: platform models on the device, hosted models in the cloud."),
            Customization::FineTuned => p(0.1, "Fine-tuning is offered as a managed service in Azure AI Foundry; adapters (LoRA) also run on the device, with more work."),
            Customization::FullControl => p(-0.1, "Owning the weights and the runtime's behaviour needs hardware you control: your own servers or the user's device."),
        },
        Choice::RequestMix(o) => match o {
            RequestMix::Uniform => p(0.0, "Every request needs the same model, so one side can serve them all."),
            RequestMix::LongTail => p(0.0, "Most requests are easy and a minority needs a much larger model: a router can keep the easy ones on the device and send the rest to the cloud."),
            RequestMix::Varied => p(0.1, "Easy and hard requests come in similar shares, so a large model is needed often."),
        },
        Choice::Knowledge(o) => match o {
            Knowledge::InputOnly => p(-0.1, "The request and the model's own knowledge are enough, so nothing has to be fetched from elsewhere."),
            Knowledge::DeviceData => p(-0.5, "The user's own files, messages or photos are already on the device; a local model reads them without uploading anything."),
            Knowledge::SharedData => p(0.5, "A team's or company's data, or many users' data, lives on servers, so the model is best run next to it."),
            Knowledge::LiveData => p(0.7, "Fresh world knowledge, search or a global index is held by a server, so at least that part needs the network."),
        },
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_pulls_in_range_with_a_sentence() {
        let ctx = Context {
            platform: Platform::General,
            connectivity: None,
            cost_rule: None,
            task_beyond_device: false,
        };
        for &factor in Factor::ALL {
            for choice in factor.choices() {
                let row = pull(choice, &ctx);
                assert!((-1.0..=1.0).contains(&row.pull), "{}", choice.key());
                assert!(row.reason.ends_with('.'), "{}", choice.key());
            }
        }
    }

    #[test]
    fn phone_words_for_a_phone_feature() {
        let ctx = Context {
            platform: Platform::Mobile,
            connectivity: None,
            cost_rule: None,
            task_beyond_device: false,
        };
        let reason = pull(Resources::Npu.into(), &ctx).reason;
        assert!(reason.contains("phones"), "{reason}");
        assert!(!reason.contains("Copilot+"), "{reason}");
    }
}
