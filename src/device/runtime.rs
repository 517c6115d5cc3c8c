//! Where a local model runs: the runtime class, and the memory each class may use on this
//! device. A browser runtime lives inside WebAssembly's or the WebGPU adapter's limits; a native
//! app (llama.cpp, ONNX Runtime GenAI, Foundry Local) has the device's memory, less what the
//! operating system keeps.

use serde::{Deserialize, Serialize};

use super::fit::GIB;
use super::DeviceProfile;
use crate::engine::factor::Tooling;

/// A class of runtime, with its own memory limit (and, in time, its own speed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuntimeClass {
    /// WebAssembly on the CPU, in this browser.
    BrowserCpu,
    /// WebGPU in this browser (the WebLLM class).
    BrowserGpu,
    /// A native app on the CPU (llama.cpp, ONNX Runtime GenAI, Foundry Local).
    NativeCpu,
    /// A native app on the GPU or NPU.
    NativeGpu,
}

/// What the operating system and other apps are assumed to keep of a device's memory: 2 GiB
/// or a quarter, whichever is more (an assumption, said in the table's reasons).
const OS_KEEPS_GIB: f64 = 2.0;
const OS_KEEPS_SHARE: f64 = 0.25;

impl RuntimeClass {
    pub const ALL: [RuntimeClass; 4] = [
        RuntimeClass::BrowserCpu,
        RuntimeClass::BrowserGpu,
        RuntimeClass::NativeCpu,
        RuntimeClass::NativeGpu,
    ];

    /// The class as a key for markup and tests (`data-runtime`).
    pub fn key(self) -> &'static str {
        match self {
            RuntimeClass::BrowserCpu => "browser-cpu",
            RuntimeClass::BrowserGpu => "browser-gpu",
            RuntimeClass::NativeCpu => "native-cpu",
            RuntimeClass::NativeGpu => "native-gpu",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RuntimeClass::BrowserCpu => "Browser, CPU (WebAssembly)",
            RuntimeClass::BrowserGpu => "Browser, GPU (WebGPU)",
            RuntimeClass::NativeCpu => "Native app, CPU",
            RuntimeClass::NativeGpu => "Native app, GPU or NPU",
        }
    }

    pub fn is_browser(self) -> bool {
        matches!(self, RuntimeClass::BrowserCpu | RuntimeClass::BrowserGpu)
    }

    /// The class a feature built with `tooling` ships on: a web feature runs in the browser
    /// (on its GPU where the browser gives an adapter); a Windows, phone or cross-platform
    /// app runs natively; unanswered (or Azure), the browser this page runs in.
    pub fn for_tooling(tooling: Option<Tooling>, profile: &DeviceProfile) -> RuntimeClass {
        match tooling {
            Some(Tooling::Windows | Tooling::Mobile | Tooling::CrossPlatform) => {
                RuntimeClass::NativeCpu
            }
            _ if profile.adapter().is_some() => RuntimeClass::BrowserGpu,
            _ => RuntimeClass::BrowserCpu,
        }
    }
}

/// The memory a native app may use on a device of `device_bytes`: what the operating system
/// and other apps are assumed to keep is taken off.
pub fn native_usable_bytes(device_bytes: f64) -> f64 {
    let keeps = (OS_KEEPS_GIB * GIB).max(device_bytes * OS_KEEPS_SHARE);
    (device_bytes - keeps).max(0.0)
}

/// The assumption behind `native_usable_bytes`, in words.
pub const OS_SHARE_TEXT: &str =
    "the operating system and other apps are assumed to keep 2 GiB or a quarter of it, whichever is more";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_native_app_gets_the_device_less_the_systems_share() {
        assert_eq!(native_usable_bytes(16.0 * GIB), 12.0 * GIB);
        assert_eq!(native_usable_bytes(8.0 * GIB), 6.0 * GIB);
        assert_eq!(native_usable_bytes(4.0 * GIB), 2.0 * GIB);
        assert_eq!(native_usable_bytes(1.0 * GIB), 0.0);
    }

    #[test]
    fn the_tooling_answer_picks_the_class() {
        let profile = DeviceProfile::default();
        for tooling in [Tooling::Windows, Tooling::Mobile, Tooling::CrossPlatform] {
            assert_eq!(
                RuntimeClass::for_tooling(Some(tooling), &profile),
                RuntimeClass::NativeCpu
            );
        }
        assert_eq!(
            RuntimeClass::for_tooling(Some(Tooling::Web), &profile),
            RuntimeClass::BrowserCpu
        );
        assert_eq!(
            RuntimeClass::for_tooling(None, &profile),
            RuntimeClass::BrowserCpu
        );
        let keys: Vec<_> = RuntimeClass::ALL.iter().map(|c| c.key()).collect();
        assert_eq!(
            keys,
            ["browser-cpu", "browser-gpu", "native-cpu", "native-gpu"]
        );
    }
}
