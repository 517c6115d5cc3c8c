//! Platform-aware words: the hardware and on-device models a reason names, by where the team builds.
//!
//! A phone feature should not be told about Copilot+ PCs, nor a web feature about Phi Silica,
//! so every reason that names hardware or a built-in model asks this module for the words.

use super::factor::Tooling;

/// The platform the explanation speaks of, derived from the tooling answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    Windows,
    Web,
    Mobile,
    /// Azure, several operating systems, or not answered: words that fit any platform.
    General,
}

impl Platform {
    pub fn of(tooling: Option<Tooling>) -> Platform {
        match tooling {
            Some(Tooling::Windows) => Platform::Windows,
            Some(Tooling::Web) => Platform::Web,
            Some(Tooling::Mobile) => Platform::Mobile,
            Some(Tooling::Azure | Tooling::CrossPlatform) | None => Platform::General,
        }
    }

    /// Devices with a neural processing unit, in this platform's words.
    pub const fn npu_devices(self) -> &'static str {
        match self {
            Platform::Windows => "Copilot+ PCs with a 40+ TOPS NPU",
            Platform::Web => "recent PCs and Macs whose browser exposes WebGPU or WebNN",
            Platform::Mobile => {
                "recent flagship phones (Apple's Neural Engine, Snapdragon or Tensor NPUs)"
            }
            Platform::General => {
                "NPU-equipped devices (Copilot+ PCs, Apple silicon, flagship phones)"
            }
        }
    }

    /// The small model the platform itself provides, so nothing has to be shipped.
    pub const fn built_in_model(self) -> &'static str {
        match self {
            Platform::Windows => "Phi Silica",
            Platform::Web => {
                "the browser's built-in model (Gemini Nano in Chrome, Aion Instruct in Edge)"
            }
            Platform::Mobile => {
                "the OS model (Apple's on-device foundation model, Gemini Nano through ML Kit)"
            }
            Platform::General => "a small model such as Phi-4-mini, Gemma 3 or Qwen3",
        }
    }

    /// Weak devices, in this platform's words.
    pub const fn weak_devices(self) -> &'static str {
        match self {
            Platform::Windows => "older or low-memory PCs",
            Platform::Web => "low-memory laptops, Chromebooks and phones' browsers",
            Platform::Mobile => "budget and older phones with 3–4 GB of memory",
            Platform::General => "older, low-memory devices and budget phones",
        }
    }

    /// How the team would check at run time that the device can run the model.
    pub const fn capability_check(self) -> &'static str {
        match self {
            Platform::Windows => "Phi Silica's ready state or Windows ML's execution-provider list",
            Platform::Web => "the built-in AI API's availability() or a WebGPU adapter's limits",
            Platform::Mobile => {
                "SystemLanguageModel.availability on iOS, ML Kit's checkStatus() on Android"
            }
            Platform::General => "a start-up probe of memory and accelerator, cached per device",
        }
    }
}
