//! Recommended stacks: the on-device and cloud options that fit the verdict, the platform and the hardware.

use serde::Serialize;

use super::factor::{Resources, Tooling};
use super::{Answers, Verdict};

/// Where a stack runs the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Device,
    Cloud,
}

impl Side {
    pub const fn key(self) -> &'static str {
        match self {
            Side::Device => "device",
            Side::Cloud => "cloud",
        }
    }
}

/// One recommended option, with why it fits and where its documentation is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stack {
    pub name: &'static str,
    pub side: Side,
    pub why: &'static str,
    pub docs: &'static str,
}

const fn device(name: &'static str, why: &'static str, docs: &'static str) -> Stack {
    Stack {
        name,
        side: Side::Device,
        why,
        docs,
    }
}

const fn cloud(name: &'static str, why: &'static str, docs: &'static str) -> Stack {
    Stack {
        name,
        side: Side::Cloud,
        why,
        docs,
    }
}

const PHI_SILICA: Stack = device("Phi Silica (Windows AI APIs)", "A small language model built into Windows 11: on Copilot+ PCs' NPU, and on GeForce RTX 30-series or newer GPUs with 6 GB or more and recent AMD GPUs; no model to ship or update.", "https://learn.microsoft.com/windows/ai/apis/phi-silica");
const WINDOWS_ML: Stack = device("Windows ML", "Runs your own ONNX models on the CPU, GPU or NPU of any Windows 11 device, picking the hardware for you.", "https://learn.microsoft.com/windows/ai/new-windows-ml/overview");
const FOUNDRY_LOCAL: Stack = device("Foundry Local", "Runs open models on the device behind an OpenAI-compatible local endpoint, so the same client code can call local or cloud.", "https://learn.microsoft.com/azure/ai-foundry/foundry-local/get-started");
const ONNX_RUNTIME: Stack = device(
    "ONNX Runtime",
    "One runtime for the same ONNX model on Windows, macOS, Linux, Android and iOS.",
    "https://onnxruntime.ai/docs/",
);
const ORT_MOBILE: Stack = device(
    "ONNX Runtime Mobile",
    "The same ONNX model on Android (NNAPI, QNN) and iOS (Core ML) from one code path.",
    "https://onnxruntime.ai/docs/tutorials/mobile/",
);
const APPLE_FM: Stack = device("Apple Foundation Models framework", "The on-device language model behind Apple Intelligence, with guided generation into Swift types; on supported iPhones, iPads and Macs.", "https://developer.apple.com/documentation/foundationmodels");
const CORE_ML: Stack = device(
    "Core ML",
    "Runs your own converted models on Apple's Neural Engine, GPU and CPU.",
    "https://developer.apple.com/documentation/coreml",
);
const ML_KIT_GENAI: Stack = device("ML Kit GenAI APIs (Gemini Nano)", "Android's on-device Gemini Nano through AICore for summarizing, rewriting, proofreading and prompts, on supported devices.", "https://developers.google.com/ml-kit/genai");
const LITERT: Stack = device("LiteRT (formerly TensorFlow Lite)", "Google's on-device runtime for your own models on Android, iOS and the web, with GPU and NPU delegates.", "https://ai.google.dev/edge/litert");
const CHROME_AI: Stack = device("Chrome's built-in AI APIs", "The Prompt, Summarizer, Writer, Translator and Language Detector APIs run Gemini Nano (Aion Instruct in Edge) inside the browser; check availability() first.", "https://developer.chrome.com/docs/ai/built-in-apis");
const WEBGPU_RUNTIMES: Stack = device("WebGPU runtimes (WebLLM, Transformers.js, ONNX Runtime Web)", "Run open models in any WebGPU browser, with nothing to install; the model is downloaded once and cached.", "https://onnxruntime.ai/docs/tutorials/web/");
const FIREBASE_HYBRID: Stack = cloud("Firebase AI Logic hybrid inference", "One SDK that prefers the on-device model (Chrome's Prompt API, Apple's foundation model, Gemini Nano) and falls back to Gemini in the cloud, or the other way round.", "https://firebase.google.com/docs/ai-logic/hybrid-on-device-inference");
const AI_FOUNDRY: Stack = cloud("Azure AI Foundry", "One Azure platform to pick, fine-tune, deploy and monitor models, including OpenAI, Phi and open models.", "https://learn.microsoft.com/azure/ai-foundry/what-is-azure-ai-foundry");
const AZURE_OPENAI: Stack = cloud("Azure OpenAI", "OpenAI's models with Azure's identity, network isolation, regional data residency and compliance commitments.", "https://learn.microsoft.com/azure/ai-services/openai/");
const AI_SERVICES: Stack = cloud("Azure AI Services", "Ready-made APIs for speech, vision, translation and language when a task-specific service beats a general model.", "https://learn.microsoft.com/azure/ai-services/what-are-ai-services");
const OPENAI: Stack = cloud(
    "OpenAI API",
    "The latest OpenAI models directly, with the simplest sign-up, for teams not on Azure.",
    "https://platform.openai.com/docs/models",
);

fn device_stacks(answers: &Answers, resources: Option<Resources>) -> Vec<Stack> {
    let npu = resources == Some(Resources::Npu);
    match answers.tooling() {
        Some(Tooling::Windows) if npu => vec![PHI_SILICA, WINDOWS_ML, FOUNDRY_LOCAL],
        Some(Tooling::Windows) => vec![WINDOWS_ML, FOUNDRY_LOCAL, PHI_SILICA],
        Some(Tooling::Web) => vec![CHROME_AI, WEBGPU_RUNTIMES],
        Some(Tooling::Mobile) if npu => vec![APPLE_FM, ML_KIT_GENAI, ORT_MOBILE],
        Some(Tooling::Mobile) => vec![CORE_ML, LITERT, ORT_MOBILE],
        Some(Tooling::Azure) => vec![FOUNDRY_LOCAL, ONNX_RUNTIME],
        Some(Tooling::CrossPlatform) => vec![ONNX_RUNTIME, LITERT, WEBGPU_RUNTIMES],
        None => vec![ONNX_RUNTIME, FOUNDRY_LOCAL, WEBGPU_RUNTIMES],
    }
}

fn cloud_stacks(answers: &Answers) -> Vec<Stack> {
    match answers.tooling() {
        Some(Tooling::Azure) => vec![AI_FOUNDRY, AZURE_OPENAI, AI_SERVICES],
        Some(Tooling::Windows) => vec![AZURE_OPENAI, AI_FOUNDRY],
        Some(Tooling::Mobile) => vec![FIREBASE_HYBRID, AZURE_OPENAI, OPENAI],
        Some(Tooling::Web | Tooling::CrossPlatform) => vec![AZURE_OPENAI, OPENAI, AI_FOUNDRY],
        None => vec![AZURE_OPENAI, AI_FOUNDRY, OPENAI],
    }
}

/// The stacks for a verdict: device first for local, cloud first for cloud, both for hybrid.
pub fn recommend(verdict: Verdict, answers: &Answers, resources: Option<Resources>) -> Vec<Stack> {
    match verdict {
        Verdict::Undecided => Vec::new(),
        Verdict::Local => device_stacks(answers, resources),
        Verdict::Cloud => cloud_stacks(answers),
        Verdict::Hybrid => {
            let mut both = device_stacks(answers, resources);
            both.truncate(2);
            // Web and mobile teams get an SDK built for exactly this split.
            if matches!(answers.tooling(), Some(Tooling::Web | Tooling::Mobile)) {
                both.push(FIREBASE_HYBRID);
            }
            both.extend(
                cloud_stacks(answers)
                    .into_iter()
                    .filter(|s| *s != FIREBASE_HYBRID)
                    .take(2),
            );
            both
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Factor;

    /// Documentation hosts a stack may link to. A new host is a deliberate change here; README
    /// says how to re-check every link by hand.
    const DOC_HOSTS: &[&str] = &[
        "learn.microsoft.com",
        "onnxruntime.ai",
        "firebase.google.com",
        "developers.google.com",
        "developer.chrome.com",
        "developer.apple.com",
        "developer.android.com",
        "ai.google.dev",
        "platform.openai.com",
    ];

    #[test]
    fn every_stack_links_to_an_https_page_on_a_documentation_host() {
        let mut seen = Vec::new();
        for verdict in [Verdict::Local, Verdict::Cloud, Verdict::Hybrid] {
            for tooling in Factor::Tooling.options() {
                for resources in [
                    None,
                    Some(Resources::Npu),
                    Some(Resources::Gpu),
                    Some(Resources::LowEnd),
                ] {
                    let answers = Answers::from_pairs([("tooling", *tooling)]).expect("keys");
                    for stack in recommend(verdict, &answers, resources) {
                        let host = stack
                            .docs
                            .strip_prefix("https://")
                            .and_then(|r| r.split('/').next());
                        assert!(
                            host.is_some_and(|h| DOC_HOSTS.contains(&h)),
                            "{}: {}",
                            stack.name,
                            stack.docs
                        );
                        if !seen.contains(&stack.docs) {
                            seen.push(stack.docs);
                        }
                    }
                }
            }
        }
        assert!(seen.len() >= 10, "{seen:?}");
    }
}
