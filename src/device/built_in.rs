//! Why not the browser's own model: the Prompt API's state, in words, against the published
//! hardware rules for Chrome's Gemini Nano and Edge's Phi-4-mini, and what would change it.
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
    storage_gb: f64,
    vram_gb: f64,
    /// The CPU-only path, where the browser has one: RAM in GB and cores.
    cpu_path: Option<(f64, u32)>,
}

const CHROME: Rules = Rules {
    browser: "Chrome",
    model: "Gemini Nano",
    storage_gb: 22.0,
    vram_gb: 4.0,
    cpu_path: Some((16.0, 4)),
};

const EDGE: Rules = Rules {
    browser: "Edge",
    model: "Phi-4-mini",
    storage_gb: 20.0,
    vram_gb: 5.5,
    cpu_path: None,
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
    let mut reasons = Vec::new();
    if let Probe::Found(s) = &p.storage {
        // Chrome lets one origin use up to 60% of the disk, so the quota hints at the disk's size.
        let quota_gb = s.quota as f64 / GIB;
        if quota_gb < rules.storage_gb {
            reasons.push(format!(
                "this site's storage quota is {} GB, which suggests less free disk than the {} GB the model needs",
                Fixed(quota_gb, 0),
                Plain(rules.storage_gb)
            ));
        }
    }
    let hardware_gpu = p.adapter().is_some_and(|a| !a.fallback);
    if !hardware_gpu {
        reasons.push(format!(
            "no hardware GPU is exposed, so the GPU rule (more than {} GB of video memory) cannot be met",
            Plain(rules.vram_gb)
        ));
        match rules.cpu_path {
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
            None => reasons.push(format!("{} has no CPU-only path", rules.browser)),
        }
    }
    let would_help = match availability.as_str() {
        "available" => "nothing: the model is ready here".into(),
        "downloadable" | "downloading" => format!(
            "a click that calls LanguageModel.create() starts (or finishes) the download, over an unmetered connection, with {} GB free",
            Plain(rules.storage_gb)
        ),
        _ => format!(
            "{} {} on a desktop OS with {} GB free disk and a GPU with more than {} GB of video memory{}",
            rules.browser,
            rules.model,
            Plain(rules.storage_gb),
            Plain(rules.vram_gb),
            rules.cpu_path.map_or(String::new(), |(ram, cores)| format!(
                ", or {} GB of RAM and {cores} cores",
                Plain(ram)
            ))
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
