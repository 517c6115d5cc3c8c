//! The tensor layout of a random-weight GGUF file, computed from a model's published shape as
//! the fit table reads it (`static/data/models.json`), in llama.cpp's names and ggml's order of
//! dimensions (ne0 first). The Python writer (`xtask/calibrate/write_gguf.py`) only fills it in.

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// The llama.cpp architectures the calibrated models use: Qwen2 has biases on q, k and v.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arch {
    Llama,
    Qwen2,
}

impl Arch {
    pub fn key(self) -> &'static str {
        match self {
            Arch::Llama => "llama",
            Arch::Qwen2 => "qwen2",
        }
    }

    /// The RMS norm's epsilon and RoPE's base, from each family's published config.json.
    fn norm_eps_and_rope_base(self) -> (f64, f64) {
        match self {
            Arch::Llama => (1e-5, 500_000.0),
            Arch::Qwen2 => (1e-6, 1_000_000.0),
        }
    }
}

/// The models `cargo xtask calibrate` writes and times, with their architecture.
pub const MODELS: [(&str, Arch); 2] =
    [("Qwen2.5 0.5B", Arch::Qwen2), ("Llama 3.2 1B", Arch::Llama)];

/// The figures of a shape in `static/data/models.json` the layout needs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Shape {
    pub params_b: f64,
    pub layers: u64,
    pub hidden: u64,
    pub intermediate: u64,
    pub heads: u64,
    pub kv_heads: u64,
    pub head_dim: u64,
    pub vocab: u64,
    pub max_context: u64,
    pub tied_embeddings: bool,
    pub experts: u64,
}

#[derive(Deserialize)]
struct ListFile {
    models: Vec<Listed>,
}

#[derive(Deserialize)]
struct Listed {
    name: String,
    shape: Option<Shape>,
}

/// The shape the model list gives a model, or why it has none the layout can use.
pub fn shape_from_list(json: &str, name: &str) -> Result<Shape> {
    let list: ListFile = serde_json::from_str(json).context("reading the model list")?;
    let listed = list
        .models
        .into_iter()
        .find(|m| m.name == name)
        .with_context(|| format!("the model list has no model named {name:?}"))?;
    let shape = listed
        .shape
        .with_context(|| format!("the model list gives {name:?} no shape"))?;
    if shape.experts != 1 {
        bail!("{name:?} is a mixture of experts; the layout writes dense models only");
    }
    Ok(shape)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GgmlType {
    F32,
    #[serde(rename = "q4_0")]
    Q40,
}

impl GgmlType {
    /// Bytes for `n` weights: Q4_0 stores 32 weights in 18 bytes (an f16 scale, 16 of nibbles).
    fn bytes(self, n: u64) -> u64 {
        match self {
            GgmlType::F32 => 4 * n,
            GgmlType::Q40 => n / 32 * 18,
        }
    }
}

/// One tensor: its llama.cpp name, its dimensions with ne0 (the row length) first, its type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tensor {
    pub name: String,
    pub ne: Vec<u64>,
    #[serde(rename = "type")]
    pub ggml_type: GgmlType,
}

impl Tensor {
    fn new(name: impl Into<String>, ne: &[u64], ggml_type: GgmlType) -> Tensor {
        Tensor {
            name: name.into(),
            ne: ne.to_vec(),
            ggml_type,
        }
    }

    pub fn params(&self) -> u64 {
        self.ne.iter().product()
    }

    pub fn bytes(&self) -> u64 {
        self.ggml_type.bytes(self.params())
    }
}

/// Every tensor of the model, in the order llama.cpp's converters write them: matrices at
/// Q4_0 (the rows are multiples of 32 for both models), norms and biases at F32; a tied model
/// has no `output.weight` (llama.cpp reads `token_embd.weight` for it).
pub fn tensors(shape: &Shape, arch: Arch) -> Vec<Tensor> {
    use GgmlType::{F32, Q40};
    let (h, q, kv, ff) = (
        shape.hidden,
        shape.heads * shape.head_dim,
        shape.kv_heads * shape.head_dim,
        shape.intermediate,
    );
    let mut out = vec![Tensor::new("token_embd.weight", &[h, shape.vocab], Q40)];
    for i in 0..shape.layers {
        let name = |part: &str| format!("blk.{i}.{part}");
        out.push(Tensor::new(name("attn_norm.weight"), &[h], F32));
        out.push(Tensor::new(name("attn_q.weight"), &[h, q], Q40));
        out.push(Tensor::new(name("attn_k.weight"), &[h, kv], Q40));
        out.push(Tensor::new(name("attn_v.weight"), &[h, kv], Q40));
        if arch == Arch::Qwen2 {
            out.push(Tensor::new(name("attn_q.bias"), &[q], F32));
            out.push(Tensor::new(name("attn_k.bias"), &[kv], F32));
            out.push(Tensor::new(name("attn_v.bias"), &[kv], F32));
        }
        out.push(Tensor::new(name("attn_output.weight"), &[q, h], Q40));
        out.push(Tensor::new(name("ffn_norm.weight"), &[h], F32));
        out.push(Tensor::new(name("ffn_gate.weight"), &[h, ff], Q40));
        out.push(Tensor::new(name("ffn_up.weight"), &[h, ff], Q40));
        out.push(Tensor::new(name("ffn_down.weight"), &[ff, h], Q40));
    }
    out.push(Tensor::new("output_norm.weight", &[h], F32));
    if !shape.tied_embeddings {
        out.push(Tensor::new("output.weight", &[h, shape.vocab], Q40));
    }
    out
}

/// The GGUF metadata llama.cpp needs to load the model (the tokenizer's keys are the writer's).
pub fn metadata(name: &str, shape: &Shape, arch: Arch) -> Vec<Value> {
    let a = arch.key();
    let (eps, rope_base) = arch.norm_eps_and_rope_base();
    let u32_kv = |key: String, value: u64| json!({ "key": key, "type": "u32", "value": value });
    vec![
        json!({ "key": "general.name", "type": "str", "value": format!("{name} (random weights)") }),
        // llama.cpp's LLAMA_FTYPE_MOSTLY_Q4_0, and ggml's quantization version.
        u32_kv("general.file_type".into(), 2),
        u32_kv("general.quantization_version".into(), 2),
        u32_kv(format!("{a}.context_length"), shape.max_context),
        u32_kv(format!("{a}.embedding_length"), shape.hidden),
        u32_kv(format!("{a}.block_count"), shape.layers),
        u32_kv(format!("{a}.feed_forward_length"), shape.intermediate),
        u32_kv(format!("{a}.attention.head_count"), shape.heads),
        u32_kv(format!("{a}.attention.head_count_kv"), shape.kv_heads),
        u32_kv(format!("{a}.attention.key_length"), shape.head_dim),
        u32_kv(format!("{a}.attention.value_length"), shape.head_dim),
        u32_kv(format!("{a}.rope.dimension_count"), shape.head_dim),
        u32_kv(format!("{a}.vocab_size"), shape.vocab),
        json!({ "key": format!("{a}.attention.layer_norm_rms_epsilon"), "type": "f32", "value": eps }),
        json!({ "key": format!("{a}.rope.freq_base"), "type": "f32", "value": rope_base }),
    ]
}

/// Rows of the embedding (and untied output) left at zero: the 256 byte tokens and the specials.
pub const ZERO_EMBEDDING_ROWS: u64 = 512;

/// The writer's whole input for one file.
pub fn spec(name: &str, shape: &Shape, arch: Arch, path: &str) -> Value {
    json!({
        "path": path,
        "arch": arch.key(),
        "vocab": shape.vocab,
        "zero_embedding_rows": ZERO_EMBEDDING_ROWS,
        "seed": 30,
        "metadata": metadata(name, shape, arch),
        "tensors": tensors(shape, arch),
    })
}

/// The file's name in the cache: the model and its shape's figures, so a changed shape is a new file.
pub fn file_name(name: &str, shape: &Shape) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!(
        "{slug}-l{}-h{}-ff{}-q{}-kv{}-d{}-v{}{}-q4_0.gguf",
        shape.layers,
        shape.hidden,
        shape.intermediate,
        shape.heads,
        shape.kv_heads,
        shape.head_dim,
        shape.vocab,
        if shape.tied_embeddings { "-tied" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn committed(name: &str) -> Shape {
        let json = include_str!("../../../static/data/models.json");
        shape_from_list(json, name).expect("the committed list has the model")
    }

    fn params(tensors: &[Tensor]) -> u64 {
        tensors.iter().map(Tensor::params).sum()
    }

    fn bytes(tensors: &[Tensor]) -> u64 {
        tensors.iter().map(Tensor::bytes).sum()
    }

    #[test]
    fn qwen_has_the_published_files_tensors_and_size() {
        let shape = committed("Qwen2.5 0.5B");
        let t = tensors(&shape, Arch::Qwen2);
        // The published Qwen2.5-0.5B GGUF files have 290 tensors: 12 per layer, the embedding
        // and the final norm (tied output).
        assert_eq!(t.len(), 24 * 12 + 2);
        let p = params(&t) as f64 / 1e9;
        assert!((p - 0.494).abs() < 0.002, "{p}");
        assert!((p - shape.params_b).abs() / shape.params_b < 0.02, "{p}");
        // 282 MB measured for such a file (its header and vocabulary add about 3 MB).
        let mb = bytes(&t) as f64 / 1e6;
        assert!((275.0..282.0).contains(&mb), "{mb}");
    }

    #[test]
    fn llama_has_no_biases_and_the_published_parameter_count() {
        let shape = committed("Llama 3.2 1B");
        let t = tensors(&shape, Arch::Llama);
        assert_eq!(t.len(), 16 * 9 + 2);
        assert!(!t.iter().any(|t| t.name.ends_with(".bias")));
        assert!(!t.iter().any(|t| t.name == "output.weight"), "tied");
        let p = params(&t) as f64 / 1e9;
        assert!((p - 1.236).abs() < 0.002, "{p}");
        assert!((p - shape.params_b).abs() / shape.params_b < 0.02, "{p}");
        let mb = bytes(&t) as f64 / 1e6;
        assert!((690.0..700.0).contains(&mb), "{mb}");
    }

    #[test]
    fn dimensions_are_in_ggml_order_and_quantized_rows_fit_q4_0_blocks() {
        let shape = committed("Qwen2.5 0.5B");
        let t = tensors(&shape, Arch::Qwen2);
        let find = |name: &str| t.iter().find(|t| t.name == name).expect(name);
        assert_eq!(find("token_embd.weight").ne, vec![896, 151_936]);
        assert_eq!(find("blk.0.attn_k.weight").ne, vec![896, 128]);
        assert_eq!(find("blk.23.ffn_down.weight").ne, vec![4864, 896]);
        assert_eq!(find("blk.5.attn_v.bias").ggml_type, GgmlType::F32);
        assert!(t
            .iter()
            .filter(|t| t.ggml_type == GgmlType::Q40)
            .all(|t| t.ne[0] % 32 == 0));
    }

    #[test]
    fn an_untied_model_gets_its_own_output_matrix() {
        let shape = Shape {
            tied_embeddings: false,
            ..committed("Llama 3.2 1B")
        };
        let t = tensors(&shape, Arch::Llama);
        assert_eq!(t.last().map(|t| t.name.as_str()), Some("output.weight"));
    }

    #[test]
    fn the_spec_names_the_architecture_in_its_keys_and_types_each_tensor() {
        let shape = committed("Llama 3.2 1B");
        let spec = spec("Llama 3.2 1B", &shape, Arch::Llama, "/tmp/x.gguf");
        let keys: Vec<&str> = spec["metadata"]
            .as_array()
            .unwrap()
            .iter()
            .map(|kv| kv["key"].as_str().unwrap())
            .collect();
        assert!(keys.contains(&"llama.block_count"));
        assert!(keys.contains(&"llama.attention.head_count_kv"));
        assert_eq!(spec["tensors"][0]["type"], "q4_0");
        assert_eq!(spec["tensors"][1]["type"], "f32");
        assert_eq!(
            file_name("Llama 3.2 1B", &shape),
            "llama-3-2-1b-l16-h2048-ff8192-q32-kv8-d64-v128256-tied-q4_0.gguf"
        );
    }

    #[test]
    fn a_missing_model_or_shape_is_a_clear_error() {
        let json = r#"{"models":[{"name":"A","shape":null}]}"#;
        assert!(shape_from_list(json, "B")
            .unwrap_err()
            .to_string()
            .contains("no model"));
        assert!(shape_from_list(json, "A")
            .unwrap_err()
            .to_string()
            .contains("no shape"));
    }
}
