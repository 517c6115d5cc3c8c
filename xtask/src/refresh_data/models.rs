//! The model file: WebLLM's prebuilt models, grouped by model, joined with the shapes in `shapes.json`.

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `xtask/data/shapes.json`.
#[derive(Debug, Deserialize)]
pub struct ShapeSources {
    pub read_on: String,
    pub shapes: Vec<Shape>,
    pub webllm: Vec<WebLlmName>,
    pub memory_only_reasons: Vec<Reason>,
    pub native_only: Vec<NativeOnly>,
}

/// A decoder's shape as its published `config.json` gives it.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Shape {
    #[serde(skip_serializing)]
    pub key: String,
    pub source: String,
    pub params_b: f64,
    pub layers: u32,
    pub hidden: u32,
    pub intermediate: u32,
    pub heads: u32,
    pub kv_heads: u32,
    pub head_dim: u32,
    pub vocab: u32,
    pub max_context: u32,
    pub tied_embeddings: bool,
    pub experts: u32,
    pub active_experts: u32,
    pub sliding_window: u32,
    pub sliding_layers: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct WebLlmName {
    pub base: String,
    pub name: String,
    pub shape: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Reason {
    pub prefix: String,
    pub reason: String,
}

#[derive(Debug, Deserialize)]
pub struct NativeOnly {
    pub name: String,
    pub shape: String,
    pub runtime: String,
}

/// One WebLLM build of a model.
#[derive(Debug, Serialize, PartialEq)]
pub struct Variant {
    pub model_id: String,
    /// Bits per stored weight: 3 or 4 for quantized builds, 16 or 32 for unquantized ones.
    pub weight_bits: u32,
    pub vram_required_mb: f64,
    pub context: Option<u32>,
    pub low_resource_required: bool,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct ModelEntry {
    pub name: String,
    /// WebLLM's id without its quantization (None: not in WebLLM's list).
    pub webllm: Option<String>,
    pub shape: Option<Shape>,
    /// Why a model without a shape is listed for memory only.
    pub memory_only: Option<String>,
    /// The runtimes a model outside WebLLM's list runs on.
    pub runtime: Option<String>,
    pub variants: Vec<Variant>,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct ModelsFile {
    pub dataset: String,
    pub version: String,
    pub license: String,
    pub shapes_read_on: String,
    pub models: Vec<ModelEntry>,
}

/// WebLLM's base id and the variant's weight bits, from an id such as `Qwen3-4B-q4f16_1-MLC-1k`.
pub fn split_id(model_id: &str) -> Option<(&str, u32)> {
    let before_mlc = &model_id[..model_id.find("-MLC")?];
    let (base, quant) = before_mlc.rsplit_once('-')?;
    let bits: u32 = quant.strip_prefix('q')?.split('f').next()?.parse().ok()?;
    let activation: u32 = quant.split('f').nth(1)?.split('_').next()?.parse().ok()?;
    Some((base, if bits == 0 { activation } else { bits }))
}

pub fn models_file(sources: &ShapeSources, webllm: &Value) -> Result<ModelsFile> {
    let mut models: Vec<ModelEntry> = Vec::new();
    for entry in webllm["models"]
        .as_array()
        .context("WebLLM lists no models")?
    {
        if !entry["model_type"].is_null() {
            continue; // embedding and vision models: not a text generator's fit
        }
        let model_id = entry["model_id"]
            .as_str()
            .context("a model without an id")?;
        let (base, weight_bits) =
            split_id(model_id).with_context(|| format!("unreadable WebLLM id {model_id}"))?;
        let variant = Variant {
            model_id: model_id.to_owned(),
            weight_bits,
            vram_required_mb: entry["vram_required_mb"].as_f64().unwrap_or(0.0),
            context: entry["context_window_size"].as_u64().map(|c| c as u32),
            low_resource_required: entry["low_resource_required"].as_bool().unwrap_or(false),
        };
        if let Some(model) = models
            .iter_mut()
            .find(|m| m.webllm.as_deref() == Some(base))
        {
            model.variants.push(variant);
            continue;
        }
        let Some(named) = sources.webllm.iter().find(|n| n.base == base) else {
            bail!("WebLLM lists {base}, which xtask/data/shapes.json does not name: add it with its shape or none");
        };
        let shape = match &named.shape {
            Some(key) => Some(shape(sources, key)?),
            None => None,
        };
        let memory_only = shape.is_none().then(|| reason(sources, base));
        models.push(ModelEntry {
            name: named.name.clone(),
            webllm: Some(base.to_owned()),
            shape,
            memory_only,
            runtime: None,
            variants: vec![variant],
        });
    }
    for native in &sources.native_only {
        models.push(ModelEntry {
            name: native.name.clone(),
            webllm: None,
            shape: Some(shape(sources, &native.shape)?),
            memory_only: None,
            runtime: Some(native.runtime.clone()),
            variants: Vec::new(),
        });
    }
    models.sort_by(|a, b| {
        size(a)
            .total_cmp(&size(b))
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(ModelsFile {
        dataset: "WebLLM prebuilt model list (@mlc-ai/web-llm)".into(),
        version: webllm["version"].as_str().unwrap_or_default().to_owned(),
        license: webllm["license"].as_str().unwrap_or_default().to_owned(),
        shapes_read_on: sources.read_on.clone(),
        models,
    })
}

fn shape(sources: &ShapeSources, key: &str) -> Result<Shape> {
    sources
        .shapes
        .iter()
        .find(|s| s.key == key)
        .cloned()
        .with_context(|| format!("shapes.json has no shape {key}"))
}

fn reason(sources: &ShapeSources, base: &str) -> String {
    sources
        .memory_only_reasons
        .iter()
        .find(|r| base.starts_with(&r.prefix))
        .map_or_else(
            || "No published shape is recorded for it: listed for memory only.".to_owned(),
            |r| r.reason.clone(),
        )
}

/// Smallest first: by published parameters, else by the smallest build's memory.
fn size(model: &ModelEntry) -> f64 {
    match &model.shape {
        Some(shape) => shape.params_b,
        None => model
            .variants
            .iter()
            .map(|v| v.vram_required_mb / 1000.0)
            .fold(f64::INFINITY, f64::min),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_split_into_the_model_and_its_weight_bits() {
        assert_eq!(split_id("Qwen3-4B-q4f16_1-MLC"), Some(("Qwen3-4B", 4)));
        assert_eq!(
            split_id("Llama-3.1-8B-Instruct-q4f32_1-MLC-1k"),
            Some(("Llama-3.1-8B-Instruct", 4))
        );
        assert_eq!(
            split_id("SmolLM2-135M-Instruct-q0f16-MLC"),
            Some(("SmolLM2-135M-Instruct", 16))
        );
        assert_eq!(
            split_id("Qwen2-0.5B-Instruct-q0f32-MLC"),
            Some(("Qwen2-0.5B-Instruct", 32))
        );
        assert_eq!(
            split_id("Llama-3.1-70B-Instruct-q3f16_1-MLC"),
            Some(("Llama-3.1-70B-Instruct", 3))
        );
        assert_eq!(split_id("no-quantization"), None);
    }

    fn sources() -> ShapeSources {
        serde_json::from_value(json!({
            "read_on": "2026-12-01",
            "shapes": [ { "key": "tiny", "source": "s", "params_b": 0.5, "layers": 2, "hidden": 8, "intermediate": 16,
                "heads": 2, "kv_heads": 1, "head_dim": 4, "vocab": 10, "max_context": 64, "tied_embeddings": true,
                "experts": 1, "active_experts": 1, "sliding_window": 0, "sliding_layers": 0 } ],
            "webllm": [ { "base": "Tiny-Instruct", "name": "Tiny", "shape": "tiny" },
                        { "base": "Odd-1B", "name": "Odd", "shape": null } ],
            "memory_only_reasons": [ { "prefix": "Odd", "reason": "odd layers" } ],
            "native_only": []
        }))
        .expect("valid")
    }

    #[test]
    fn builds_group_under_their_model_and_unshaped_models_say_why() {
        let webllm = json!({ "version": "1", "license": "Apache-2.0", "models": [
            { "model_id": "Tiny-Instruct-q4f16_1-MLC", "vram_required_mb": 300.0, "low_resource_required": true, "context_window_size": 4096 },
            { "model_id": "Tiny-Instruct-q0f16-MLC", "vram_required_mb": 900.0, "low_resource_required": true, "context_window_size": 4096 },
            { "model_id": "Odd-1B-q4f16_1-MLC", "vram_required_mb": 200.0 },
            { "model_id": "embed-q0f32-MLC-b4", "model_type": 1, "vram_required_mb": 1.0 }
        ] });
        let file = models_file(&sources(), &webllm).expect("joins");
        assert_eq!(file.models.len(), 2, "the embedding model is left out");
        let odd = &file.models[0];
        assert_eq!(
            (odd.name.as_str(), odd.memory_only.as_deref()),
            ("Odd", Some("odd layers"))
        );
        let tiny = &file.models[1];
        assert_eq!(
            tiny.variants
                .iter()
                .map(|v| v.weight_bits)
                .collect::<Vec<_>>(),
            [4, 16]
        );
        assert!(tiny.shape.is_some() && tiny.memory_only.is_none());
    }

    #[test]
    fn every_committed_shape_adds_up_to_its_published_parameter_count() {
        // Embeddings, attention and a gated MLP (norms and biases are negligible): a shape typed
        // wrong from its config.json shows here as a count off by more than 2%.
        let sources: ShapeSources =
            serde_json::from_str(include_str!("../../data/shapes.json")).expect("valid");
        for s in &sources.shapes {
            let (h, i) = (f64::from(s.hidden), f64::from(s.intermediate));
            let attention = 2.0 * h * f64::from((s.heads + s.kv_heads) * s.head_dim);
            let mlp = 3.0 * h * i * f64::from(s.experts);
            let tables = if s.tied_embeddings { 1.0 } else { 2.0 };
            let params = f64::from(s.layers) * (attention + mlp) + f64::from(s.vocab) * h * tables;
            let error = (params / 1e9 - s.params_b).abs() / s.params_b;
            assert!(
                error < 0.02,
                "{}: {:.3}B against {}B",
                s.key,
                params / 1e9,
                s.params_b
            );
            assert!(
                s.source.starts_with("https://huggingface.co/")
                    && s.source.ends_with("/config.json")
            );
        }
        // Every WebLLM name points at a shape that exists, or says why it has none.
        for named in &sources.webllm {
            match &named.shape {
                Some(key) => assert!(sources.shapes.iter().any(|s| &s.key == key), "{key}"),
                None => assert!(
                    !reason(&sources, &named.base).starts_with("No published"),
                    "{}",
                    named.base
                ),
            }
        }
    }

    #[test]
    fn a_model_the_shapes_file_does_not_name_stops_the_refresh() {
        let webllm =
            json!({ "models": [ { "model_id": "New-7B-q4f16_1-MLC", "vram_required_mb": 1.0 } ] });
        assert!(models_file(&sources(), &webllm).is_err());
    }
}
