//! Why not the browser's own model: the Prompt API's state, in words, against the published
//! hardware rules for Chrome's Gemini Nano and Edge's Aion Instruct, and what would change it.
//!
//! A browser reveals neither video memory nor free disk space, and caps `deviceMemory` at
//! 8 GB, so each rule is judged from what it does reveal and says when it cannot tell.

use crate::decimal::{Fixed, Plain};
use serde::Serialize;

use super::fit::GIB;
use super::profile::{DeviceProfile, Probe};

/// One browser's built-in model and its published requirements.
struct Rules {
    browser: &'static str,
    model: &'static str,
    hardware: Hardware,
}

/// What the browser's maker publishes about the hardware the model needs.
enum Hardware {
    /// Free disk and video memory in GB, and the CPU-only path where there is one: RAM in GB
    /// and cores (developer.chrome.com/docs/ai/get-started).
    Figures {
        storage_gb: f64,
        vram_gb: f64,
        cpu_path: Option<(f64, u32)>,
    },
    /// Only the operating systems: nothing this page can check against.
    SystemsOnly(&'static str),
}

const CHROME: Rules = Rules {
    browser: "Chrome",
    model: "Gemini Nano",
    hardware: Hardware::Figures {
        storage_gb: 22.0,
        vram_gb: 4.0,
        cpu_path: Some((16.0, 4)),
    },
};

/// learn.microsoft.com/microsoft-edge/web-ai/prompt-api (read 2026-12-07): Aion Instruct,
/// 2.3B parameters, in place of Phi-4-mini; no disk, memory or GPU figures are published.
const EDGE: Rules = Rules {
    browser: "Edge",
    model: "Aion Instruct 2.3B",
    hardware: Hardware::SystemsOnly(
        "Windows 10 or 11, macOS 13.3 or later, or Linux with a Vulkan GPU driver and Edge 159 or later",
    ),
};

/// One built-in model's state here, why, and what would make it available.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BuiltIn {
    pub browser: &'static str,
    pub model: &'static str,
    /// `LanguageModel.availability()` in this browser, or why it could not be asked.
    pub availability: String,
    pub reasons: Vec<String>,
    pub would_help: String,
}

fn judge(rules: &Rules, p: &DeviceProfile) -> BuiltIn {
    let availability = match &p.prompt_api {
        Probe::Found(state) => state.clone(),
        Probe::Missing(why) => format!("not exposed ({why})"),
        Probe::Pending => "checking…".into(),
    };
    let (reasons, would_help) = match &rules.hardware {
        Hardware::Figures {
            storage_gb,
            vram_gb,
            cpu_path,
        } => (
            reasons_from_figures(p, *storage_gb, *vram_gb, *cpu_path),
            help_from_figures(rules, &availability, *storage_gb, *vram_gb, *cpu_path),
        ),
        Hardware::SystemsOnly(systems) => (
            vec![format!(
                "{} publishes no disk, memory or GPU figures for {}, so this page cannot check them",
                rules.browser, rules.model
            )],
            match availability.as_str() {
                "available" => "nothing: the model is ready here".into(),
                _ => format!("{} {} on {systems}", rules.browser, rules.model),
            },
        ),
    };
    BuiltIn {
        browser: rules.browser,
        model: rules.model,
        availability,
        reasons,
        would_help,
    }
}

/// Both browsers' built-in models judged against this profile.
pub fn built_in_models(profile: &DeviceProfile) -> Vec<BuiltIn> {
    [CHROME, EDGE].iter().map(|r| judge(r, profile)).collect()
}

/// Why not, from the published figures and what the browser reveals.
fn reasons_from_figures(
    p: &DeviceProfile,
    storage_gb: f64,
    vram_gb: f64,
    cpu_path: Option<(f64, u32)>,
) -> Vec<String> {
    let mut reasons = Vec::new();
    if let Probe::Found(s) = &p.storage {
        // Chrome lets one origin use up to 60% of the disk, so the quota hints at the disk's size.
        let quota_gb = s.quota as f64 / GIB;
        if quota_gb < storage_gb {
            reasons.push(format!(
                "this site's storage quota is {} GB, which suggests less free disk than the {} GB the model needs",
                Fixed(quota_gb, 0),
                Plain(storage_gb)
            ));
        }
    }
    let hardware_gpu = p.adapter().is_some_and(|a| !a.fallback);
    if !hardware_gpu {
        reasons.push(format!(
            "no hardware GPU is exposed, so the GPU rule (more than {} GB of video memory) cannot be met",
            Plain(vram_gb)
        ));
        match cpu_path {
            Some((ram, cores)) => {
                if let Probe::Found(n) = p.cores {
                    if n < cores {
                        reasons.push(format!(
                            "{n} CPU cores, fewer than the {cores} the CPU path needs"
                        ));
                    }
                }
                match p.device_memory_gb {
                    Probe::Found(gb) if gb < 8.0 => reasons.push(format!(
                        "about {} GB of memory, under the {} GB the CPU path needs",
                        Plain(gb),
                        Plain(ram)
                    )),
                    Probe::Found(_) => reasons.push(format!(
                        "the browser reports memory only up to 8 GB, so the CPU path's {} GB cannot be confirmed",
                        Plain(ram)
                    )),
                    _ => {}
                }
            }
            None => reasons.push("there is no CPU-only path".into()),
        }
    }
    reasons
}

/// What would make the model available, from the published figures.
fn help_from_figures(
    rules: &Rules,
    availability: &str,
    storage_gb: f64,
    vram_gb: f64,
    cpu_path: Option<(f64, u32)>,
) -> String {
    match availability {
        "available" => "nothing: the model is ready here".into(),
        "downloadable" | "downloading" => format!(
            "a click that calls LanguageModel.create() starts (or finishes) the download, over an unmetered connection, with {} GB free",
            Plain(storage_gb)
        ),
        _ => format!(
            "{} {} on a desktop OS with {} GB free disk and a GPU with more than {} GB of video memory{}",
            rules.browser,
            rules.model,
            Plain(storage_gb),
            Plain(vram_gb),
            cpu_path.map_or(String::new(), |(ram, cores)| format!(
                ", or {} GB of RAM and {cores} cores",
                Plain(ram)
            ))
        ),
    }
}
