//! Turns a device profile into the engine's `resources` answer, naming the facts it used.

use super::profile::{DeviceProfile, Probe};
use crate::decimal::Plain;
use crate::engine::factor::Resources;
use crate::engine::measured::DeviceClass;

/// Below either of these the device counts as low-end for running models.
const LOW_END_CORES: u32 = 4;
const LOW_END_MEMORY_GIB: f64 = 4.0;
/// A GPU counts as capable of large models only with this much memory beside it.
const GPU_CLASS_MEMORY_GIB: f64 = 16.0;

/// The class this device belongs to, once the probes it depends on have finished.
///
/// An NPU cannot be seen from a browser, so `npu` is never inferred.
pub fn classify(profile: &DeviceProfile) -> Option<DeviceClass> {
    if profile.cores.is_pending()
        || profile.device_memory_gb.is_pending()
        || profile.webgpu.is_pending()
    {
        return None;
    }
    let cores = profile.cores.found().copied();
    let memory = profile.device_memory_gb.found().copied();
    let adapter = profile.adapter();
    let mut facts = Vec::new();
    if let Some(cores) = cores {
        facts.push(format!("{cores} logical CPU cores"));
    }
    if let Some(memory) = memory {
        facts.push(format!(
            "about {} GiB of memory (as the browser rounds it)",
            Plain(memory)
        ));
    }
    facts.push(match adapter {
        Some(a) if a.fallback => "a software (fallback) WebGPU adapter only".to_string(),
        Some(a) => format!("a WebGPU adapter from {}", non_empty(&a.vendor)),
        None => match &profile.webgpu {
            Probe::Found(_) => "WebGPU without an adapter".to_string(),
            _ => "no WebGPU".to_string(),
        },
    });
    if cores.is_none() && memory.is_none() {
        return None;
    }

    let low_end =
        cores.is_some_and(|c| c < LOW_END_CORES) || memory.is_some_and(|m| m < LOW_END_MEMORY_GIB);
    let capable_gpu = adapter
        .is_some_and(|a| !a.fallback && matches!(a.vendor.as_str(), "nvidia" | "amd" | "apple"))
        && memory.is_some_and(|m| m >= GPU_CLASS_MEMORY_GIB);
    let resources = if low_end {
        Resources::LowEnd
    } else if capable_gpu {
        Resources::Gpu
    } else {
        Resources::Mainstream
    };
    Some(DeviceClass { resources, facts })
}

fn non_empty(text: &str) -> &str {
    if text.is_empty() {
        "an unnamed vendor"
    } else {
        text
    }
}
