//! Recommended stacks: the on-device and cloud options that fit the verdict and the team's tooling.

use serde::Serialize;

use super::{Answers, Factor, Verdict};

/// Where a stack runs the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Device,
    Cloud,
}

/// One recommended option, with why it fits and where its documentation is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stack {
    pub name: &'static str,
    pub side: Side,
    pub why: &'static str,
    pub docs: &'static str,
}

const PHI_SILICA: Stack = Stack {
    name: "Phi Silica (Windows AI Foundry APIs)",
    side: Side::Device,
    why: "A small language model built into Copilot+ PCs and run on the NPU; no model to ship or update.",
    docs: "https://learn.microsoft.com/windows/ai/apis/phi-silica",
};
const WINDOWS_ML: Stack = Stack {
    name: "Windows ML",
    side: Side::Device,
    why: "Runs your own ONNX models on the CPU, GPU or NPU of any Windows device, picking the hardware for you.",
    docs: "https://learn.microsoft.com/windows/ai/new-windows-ml/overview",
};
const FOUNDRY_LOCAL: Stack = Stack {
    name: "Foundry Local",
    side: Side::Device,
    why: "Runs open models on the device behind an OpenAI-compatible local endpoint, so the same client code can call local or cloud.",
    docs: "https://learn.microsoft.com/azure/ai-foundry/foundry-local/get-started",
};
const ONNX_RUNTIME: Stack = Stack {
    name: "ONNX Runtime",
    side: Side::Device,
    why: "One runtime for the same ONNX model on Windows, macOS, Linux, Android and iOS.",
    docs: "https://onnxruntime.ai/docs/",
};
const BROWSER: Stack = Stack {
    name: "WebGPU / WebNN in the browser",
    side: Side::Device,
    why: "Runs models inside the page (ONNX Runtime Web, or WebNN where available), with nothing to install.",
    docs: "https://onnxruntime.ai/docs/tutorials/web/",
};
const AI_FOUNDRY: Stack = Stack {
    name: "Azure AI Foundry",
    side: Side::Cloud,
    why: "One Azure platform to pick, fine-tune, deploy and monitor models, including OpenAI, Phi and open models.",
    docs: "https://learn.microsoft.com/azure/ai-foundry/what-is-azure-ai-foundry",
};
const AZURE_OPENAI: Stack = Stack {
    name: "Azure OpenAI",
    side: Side::Cloud,
    why: "OpenAI's models with Azure's identity, network isolation, regional data residency and compliance commitments.",
    docs: "https://learn.microsoft.com/azure/ai-services/openai/",
};
const AI_SERVICES: Stack = Stack {
    name: "Azure AI Services",
    side: Side::Cloud,
    why: "Ready-made APIs for speech, vision, translation and language when a task-specific service beats a general model.",
    docs: "https://learn.microsoft.com/azure/ai-services/what-are-ai-services",
};
const OPENAI: Stack = Stack {
    name: "OpenAI API",
    side: Side::Cloud,
    why: "The latest OpenAI models directly, with the simplest sign-up, for teams not on Azure.",
    docs: "https://platform.openai.com/docs/models",
};

fn device_stacks(answers: &Answers) -> Vec<Stack> {
    let npu = answers.is(Factor::Resources, "npu");
    match answers.get(Factor::Tooling) {
        Some("windows") if npu => vec![PHI_SILICA, WINDOWS_ML, FOUNDRY_LOCAL],
        Some("windows") => vec![WINDOWS_ML, FOUNDRY_LOCAL, PHI_SILICA],
        Some("web") => vec![BROWSER, ONNX_RUNTIME],
        Some("azure") => vec![FOUNDRY_LOCAL, ONNX_RUNTIME],
        Some("cross_platform") => vec![ONNX_RUNTIME, BROWSER],
        _ => vec![ONNX_RUNTIME, WINDOWS_ML, FOUNDRY_LOCAL],
    }
}

fn cloud_stacks(answers: &Answers) -> Vec<Stack> {
    match answers.get(Factor::Tooling) {
        Some("azure") => vec![AI_FOUNDRY, AZURE_OPENAI, AI_SERVICES],
        Some("windows") => vec![AZURE_OPENAI, AI_FOUNDRY],
        Some("web" | "cross_platform") => vec![AZURE_OPENAI, OPENAI, AI_FOUNDRY],
        _ => vec![AZURE_OPENAI, AI_FOUNDRY, OPENAI],
    }
}

/// The stacks for a verdict, device first for local, cloud first for cloud, both for hybrid.
pub fn recommend(verdict: Verdict, answers: &Answers) -> Vec<Stack> {
    match verdict {
        Verdict::Local => device_stacks(answers),
        Verdict::Cloud => cloud_stacks(answers),
        Verdict::Hybrid => {
            let mut both = device_stacks(answers);
            both.truncate(2);
            both.extend(cloud_stacks(answers).into_iter().take(2));
            both
        }
    }
}
