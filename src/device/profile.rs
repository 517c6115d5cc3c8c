//! What the browser told us about this device, as plain data: every fact may be missing.

use serde::{Deserialize, Serialize};

/// One probed fact: still being read, read, or not available with the reason why.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(tag = "state", content = "value", rename_all = "snake_case")]
pub enum Probe<T> {
    #[default]
    Pending,
    Found(T),
    /// The browser does not expose this fact, or the probe failed or timed out; the text says which.
    Missing(String),
}

impl<T> Probe<T> {
    pub fn found(&self) -> Option<&T> {
        match self {
            Probe::Found(value) => Some(value),
            _ => None,
        }
    }

    pub fn is_pending(&self) -> bool {
        matches!(self, Probe::Pending)
    }
}

/// A WebGPU adapter as `navigator.gpu.requestAdapter()` describes it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GpuAdapter {
    pub vendor: String,
    pub architecture: String,
    pub description: String,
    /// A software or otherwise limited adapter (SwiftShader, for example).
    pub fallback: bool,
    pub features: Vec<String>,
    pub max_buffer_size: u64,
    pub max_storage_buffer_binding_size: u64,
    pub max_compute_workgroup_storage_size: u64,
    pub max_storage_buffers_per_shader_stage: u64,
}

/// WebGPU: the API may be missing, present without an adapter, or present with one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "adapter", rename_all = "snake_case")]
pub enum WebGpu {
    /// `navigator.gpu` exists but `requestAdapter()` returned no adapter.
    NoAdapter,
    Adapter(GpuAdapter),
}

/// `navigator.storage.estimate()`, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StorageEstimate {
    pub quota: u64,
    pub usage: u64,
}

/// Which WebAssembly extensions this browser can use.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WasmSupport {
    pub simd: bool,
    /// The engine validates threads code.
    pub threads_validate: bool,
    /// Shared memory is usable, which needs cross-origin isolation.
    pub shared_memory: bool,
}

/// The network as the browser sees it now.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Network {
    pub online: bool,
    /// Network Information API figures; `None` where the browser hides them.
    pub effective_type: Option<String>,
    pub rtt_ms: Option<f64>,
    pub downlink_mbps: Option<f64>,
    pub save_data: Option<bool>,
}

/// Everything the device panel shows.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeviceProfile {
    pub webgpu: Probe<WebGpu>,
    /// Whether `navigator.ml` (WebNN) exists.
    pub webnn: Probe<bool>,
    /// `LanguageModel.availability()`: unavailable, downloadable, downloading or available.
    pub prompt_api: Probe<String>,
    /// The WebGL renderer string: a description of the GPU even without WebGPU.
    pub webgl_renderer: Probe<String>,
    pub cores: Probe<u32>,
    /// `navigator.deviceMemory` in GB: a coarse, rounded figure.
    pub device_memory_gb: Probe<f64>,
    pub storage: Probe<StorageEstimate>,
    pub cross_origin_isolated: Probe<bool>,
    pub wasm: Probe<WasmSupport>,
    pub network: Probe<Network>,
}

/// One finished probe, as the browser glue reports it to the page.
#[derive(Debug, Clone, PartialEq)]
pub enum ProbeResult {
    WebGpu(Probe<WebGpu>),
    WebNn(Probe<bool>),
    PromptApi(Probe<String>),
    WebGlRenderer(Probe<String>),
    Cores(Probe<u32>),
    DeviceMemory(Probe<f64>),
    Storage(Probe<StorageEstimate>),
    CrossOriginIsolated(Probe<bool>),
    Wasm(Probe<WasmSupport>),
    Network(Probe<Network>),
}

impl DeviceProfile {
    /// Whether the browser says this device is offline now; unknown counts as online.
    pub fn is_offline(&self) -> bool {
        matches!(&self.network, Probe::Found(network) if !network.online)
    }

    /// Records one probe's result.
    pub fn apply(&mut self, result: ProbeResult) {
        match result {
            ProbeResult::WebGpu(p) => self.webgpu = p,
            ProbeResult::WebNn(p) => self.webnn = p,
            ProbeResult::PromptApi(p) => self.prompt_api = p,
            ProbeResult::WebGlRenderer(p) => self.webgl_renderer = p,
            ProbeResult::Cores(p) => self.cores = p,
            ProbeResult::DeviceMemory(p) => self.device_memory_gb = p,
            ProbeResult::Storage(p) => self.storage = p,
            ProbeResult::CrossOriginIsolated(p) => self.cross_origin_isolated = p,
            ProbeResult::Wasm(p) => self.wasm = p,
            ProbeResult::Network(p) => self.network = p,
        }
    }

    /// The adapter, when WebGPU gave one.
    pub fn adapter(&self) -> Option<&GpuAdapter> {
        match self.webgpu.found() {
            Some(WebGpu::Adapter(adapter)) => Some(adapter),
            _ => None,
        }
    }
}
