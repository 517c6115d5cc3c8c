//! The capability report: the device panel's facts and fit table as Markdown or JSON, nothing more.

use crate::decimal::{Fixed, Plain};
use serde::Serialize;

use super::catalogue::ModelShape;
use super::classify::classify;
use super::fit::{
    fit_on, speed_assumption, speed_text, ModelFit, Precision, SpeedAssumption, GIB, MEMORY_FORMULA,
};
use super::profile::{DeviceProfile, Probe, WebGpu};
use super::runtime::RuntimeClass;
use super::speed::{seconds_text, Measurement, SpeedSource, Workload};
use crate::engine::measured::DeviceClass;

/// Everything the panel shows, in one serializable value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapabilityReport<'a> {
    pub profile: &'a DeviceProfile,
    pub class: Option<DeviceClass>,
    pub context: u32,
    pub memory_formula: &'static str,
    pub speed_assumption: SpeedAssumption,
    /// "Measure this device", when it has run: the timings, the rates, the browser and date.
    pub measurement: Option<&'a Measurement>,
    pub workload: Workload,
    pub fits: Vec<ModelFit>,
}

impl<'a> CapabilityReport<'a> {
    /// The report on `models` (the worker's catalogue; the built-in one in tests).
    pub fn new<'m>(
        models: impl Iterator<Item = &'m ModelShape>,
        profile: &'a DeviceProfile,
        context: u32,
        measurement: Option<&'a Measurement>,
        workload: Workload,
    ) -> Self {
        // The browser this page runs in, and a native app on the same device.
        let classes = [
            RuntimeClass::for_tooling(None, profile),
            RuntimeClass::NativeCpu,
        ];
        let fits = models
            .flat_map(|model| {
                classes.into_iter().flat_map(move |class| {
                    Precision::ALL
                        .map(|p| fit_on(class, model, p, context, profile, measurement, workload))
                })
            })
            .collect();
        CapabilityReport {
            profile,
            class: classify(profile),
            context,
            memory_formula: MEMORY_FORMULA,
            speed_assumption: speed_assumption(profile),
            measurement,
            workload,
            fits,
        }
    }

    pub fn json(&self) -> String {
        // Plain data with string keys always serializes.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn markdown(&self) -> String {
        let mut out = String::from("# Device capability report\n\n");
        for (label, value) in fact_rows(self.profile) {
            out.push_str(&format!("- **{label}**: {value}\n"));
        }
        if let Some(class) = &self.class {
            out.push_str(&format!(
                "\nHardware class for the advisor: `{}` (from {}).\n",
                class.resources.key(),
                class.facts.join(", ")
            ));
        }
        out.push_str(&format!(
            "\n## Can this device run it? (context {} tokens)\n\n\
             | model | runtime | precision | memory needed | tokens/s | request ({} in, {} out) | verdict | why |\n\
             |---|---|---|---|---|---|---|---|\n",
            self.context, self.workload.input_tokens, self.workload.output_tokens
        ));
        for f in &self.fits {
            let (speed, request) = match f.speed_source {
                SpeedSource::NotEstimated => ("not estimated".into(), "—".into()),
                source => {
                    let label = match source {
                        SpeedSource::Measured => "extrapolated",
                        _ => "estimated",
                    };
                    (
                        format!("{} ({label})", speed_text(f.tokens_per_second)),
                        format!("{} ({label})", seconds_text(f.request.total_s)),
                    )
                }
            };
            out.push_str(&format!(
                "| {} | {}{} | {} | {} GiB | {speed} | {request} | {} | {} |\n",
                f.model,
                f.runtime.label(),
                match (f.runtime, f.threads) {
                    (RuntimeClass::BrowserGpu | RuntimeClass::NativeGpu, _) => String::new(),
                    (_, 1) => ", 1 thread".into(),
                    (_, n) => format!(", {n} threads"),
                },
                f.precision.label(),
                Fixed(f.memory.total() / GIB, 1),
                f.verdict.label(),
                f.reason
            ));
        }
        out.push_str(&format!("\nMemory: {}.\n\n", self.memory_formula));
        match self.measurement {
            Some(m) => out.push_str(&format!(
                "{}\n\nMeasured {} in {}.\n",
                m.summary(),
                m.date,
                m.browser
            )),
            None => out.push_str(&format!(
                "Speed is an estimate, not a measurement: it assumes {} at {} GB/s and {} \
                 GFLOP/s.\n",
                self.speed_assumption.runs_on,
                Plain(self.speed_assumption.bandwidth_gb_s),
                Plain(self.speed_assumption.gflops)
            )),
        }
        out
    }
}

fn show<T>(probe: &Probe<T>, found: impl Fn(&T) -> String) -> String {
    match probe {
        Probe::Pending => "checking…".into(),
        Probe::Found(value) => found(value),
        Probe::Missing(why) => why.clone(),
    }
}

fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.into()
}

fn bytes(value: u64) -> String {
    let value = value as f64;
    if value >= GIB {
        format!("{} GiB", Fixed(value / GIB, 1))
    } else {
        format!("{} MiB", Fixed(value / 1_048_576.0, 1))
    }
}

/// The facts the panel lists, label and value, in order; the report repeats exactly these.
pub fn fact_rows(p: &DeviceProfile) -> Vec<(&'static str, String)> {
    let mut rows = vec![(
        "WebGPU",
        show(&p.webgpu, |gpu| match gpu {
            WebGpu::NoAdapter => "the API is present, but the browser gave no adapter".into(),
            WebGpu::Adapter(a) => {
                let name = [&a.vendor, &a.architecture, &a.description]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let fallback = if a.fallback {
                    " (fallback adapter)"
                } else {
                    ""
                };
                format!("{name}{fallback}")
            }
        }),
    )];
    if let Some(a) = p.adapter() {
        rows.push((
            "WebGPU features",
            if a.features.is_empty() {
                "none".into()
            } else {
                a.features.join(", ")
            },
        ));
        rows.push((
            "WebGPU limits",
            format!(
                "maxBufferSize {}, maxStorageBufferBindingSize {}, \
                 maxComputeWorkgroupStorageSize {} B, maxStorageBuffersPerShaderStage {}",
                bytes(a.max_buffer_size),
                bytes(a.max_storage_buffer_binding_size),
                a.max_compute_workgroup_storage_size,
                a.max_storage_buffers_per_shader_stage
            ),
        ));
    }
    rows.extend([
        ("WebNN", show(&p.webnn, |v| yes_no(*v))),
        ("Built-in model (Prompt API)", show(&p.prompt_api, |v| v.clone())),
        ("WebGL renderer", show(&p.webgl_renderer, |v| v.clone())),
        ("Logical CPU cores", show(&p.cores, |v| v.to_string())),
        (
            "Device memory",
            show(&p.device_memory_gb, |v| {
                format!("about {} GiB (a coarse figure: the browser rounds it to a power of two and caps it)", Plain(*v))
            }),
        ),
        (
            "Storage",
            show(&p.storage, |s| {
                format!("{} used of a {} quota", bytes(s.usage), bytes(s.quota))
            }),
        ),
        ("Cross-origin isolated", show(&p.cross_origin_isolated, |v| yes_no(*v))),
        (
            "WebAssembly",
            show(&p.wasm, |w| {
                let threads = match (w.threads_validate, w.shared_memory) {
                    (true, true) => "threads usable",
                    (true, false) => "threads supported but unusable here (no shared memory without cross-origin isolation)",
                    _ => "no threads",
                };
                format!("SIMD {}; {threads}", if w.simd { "yes" } else { "no" })
            }),
        ),
        (
            "Network",
            show(&p.network, |n| {
                let mut parts = vec![if n.online { "online" } else { "offline" }.to_string()];
                if let Some(t) = &n.effective_type {
                    parts.push(format!("effective type {t}"));
                }
                if let Some(rtt) = n.rtt_ms {
                    parts.push(format!("RTT {} ms", Plain(rtt)));
                }
                if let Some(down) = n.downlink_mbps {
                    parts.push(format!("downlink {} Mbit/s", Plain(down)));
                }
                if let Some(save) = n.save_data {
                    parts.push(format!("save-data {}", if save { "on" } else { "off" }));
                }
                parts.join(", ")
            }),
        ),
    ]);
    rows
}
