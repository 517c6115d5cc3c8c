//! The local models the device panel checks, with the shapes their memory needs follow from.
//!
//! Figures come from each model's published `config.json` (as read on [`CATALOGUE_DATE`]); the
//! parameter counts they imply are checked against the published sizes in the tests below.
//! Qwen3.5's small models are left out: their layers are mostly linear attention (Gated
//! DeltaNet), which this catalogue's one-kind-of-layer shape cannot describe honestly.

use serde::{Deserialize, Serialize};

/// The architecture of one decoder-only language model. It reads from the model list's `shape`
/// objects, whose name is the model's and is set by the reader.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ModelShape {
    #[serde(skip_deserializing)]
    pub name: &'static str,
    /// Parameters, in billions, as published.
    pub params_b: f64,
    pub layers: u32,
    pub hidden: u32,
    pub intermediate: u32,
    pub heads: u32,
    /// Key/value heads: fewer than `heads` under grouped-query attention, which shrinks the KV cache.
    pub kv_heads: u32,
    pub head_dim: u32,
    pub vocab: u32,
    /// The longest context the model was built for, in tokens.
    pub max_context: u32,
    /// Whether the output layer reuses the embedding table.
    pub tied_embeddings: bool,
    /// Experts per layer (1 for a dense model) and how many each token uses: memory holds all
    /// of them, speed pays only for the active ones.
    pub experts: u32,
    pub active_experts: u32,
    /// Layers whose KV cache holds a sliding window of this many tokens (0: none), and how many
    /// layers those are; the other layers keep the whole context.
    pub sliding_window: u32,
    pub sliding_layers: u32,
}

/// When the shapes below were read from the published configurations.
pub const CATALOGUE_DATE: &str = "2026-12-01";

/// The fields a dense model without sliding-window layers shares.
const DENSE: ModelShape = ModelShape {
    name: "",
    params_b: 0.0,
    layers: 0,
    hidden: 0,
    intermediate: 0,
    heads: 0,
    kv_heads: 0,
    head_dim: 0,
    vocab: 0,
    max_context: 0,
    tied_embeddings: true,
    experts: 1,
    active_experts: 1,
    sliding_window: 0,
    sliding_layers: 0,
};

/// The catalogue, smallest first.
pub const CATALOGUE: &[ModelShape] = &[
    ModelShape {
        name: "Qwen2.5 0.5B",
        params_b: 0.49,
        layers: 24,
        hidden: 896,
        intermediate: 4864,
        heads: 14,
        kv_heads: 2,
        head_dim: 64,
        vocab: 151_936,
        max_context: 32_768,
        tied_embeddings: true,
        ..DENSE
    },
    ModelShape {
        name: "Gemma 3 1B",
        params_b: 1.0,
        layers: 26,
        hidden: 1152,
        intermediate: 6912,
        heads: 4,
        kv_heads: 1,
        head_dim: 256,
        vocab: 262_144,
        max_context: 32_768,
        tied_embeddings: true,
        // Five of every six layers attend to the last 512 tokens only.
        sliding_window: 512,
        sliding_layers: 22,
        ..DENSE
    },
    ModelShape {
        name: "Llama 3.2 1B",
        params_b: 1.24,
        layers: 16,
        hidden: 2048,
        intermediate: 8192,
        heads: 32,
        kv_heads: 8,
        head_dim: 64,
        vocab: 128_256,
        max_context: 131_072,
        tied_embeddings: true,
        ..DENSE
    },
    ModelShape {
        name: "Qwen2.5 1.5B",
        params_b: 1.54,
        layers: 28,
        hidden: 1536,
        intermediate: 8960,
        heads: 12,
        kv_heads: 2,
        head_dim: 128,
        vocab: 151_936,
        max_context: 32_768,
        tied_embeddings: true,
        ..DENSE
    },
    ModelShape {
        name: "Llama 3.2 3B",
        params_b: 3.21,
        layers: 28,
        hidden: 3072,
        intermediate: 8192,
        heads: 24,
        kv_heads: 8,
        head_dim: 128,
        vocab: 128_256,
        max_context: 131_072,
        tied_embeddings: true,
        ..DENSE
    },
    ModelShape {
        name: "Ministral 3 3B",
        // The language model alone; the published 3B adds a 0.4B vision encoder.
        params_b: 3.43,
        layers: 26,
        hidden: 3072,
        intermediate: 9216,
        heads: 32,
        kv_heads: 8,
        head_dim: 128,
        vocab: 131_072,
        max_context: 262_144,
        tied_embeddings: true,
        ..DENSE
    },
    ModelShape {
        name: "Phi-3.5-mini (3.8B)",
        params_b: 3.82,
        layers: 32,
        hidden: 3072,
        intermediate: 8192,
        heads: 32,
        kv_heads: 32,
        head_dim: 96,
        vocab: 32_064,
        max_context: 131_072,
        tied_embeddings: false,
        ..DENSE
    },
    ModelShape {
        name: "Phi-4-mini (3.8B)",
        params_b: 3.84,
        layers: 32,
        hidden: 3072,
        intermediate: 8192,
        heads: 24,
        kv_heads: 8,
        head_dim: 128,
        vocab: 200_064,
        max_context: 131_072,
        tied_embeddings: true,
        ..DENSE
    },
    ModelShape {
        name: "Mistral 7B",
        params_b: 7.25,
        layers: 32,
        hidden: 4096,
        intermediate: 14_336,
        heads: 32,
        kv_heads: 8,
        head_dim: 128,
        vocab: 32_768,
        max_context: 32_768,
        tied_embeddings: false,
        ..DENSE
    },
    ModelShape {
        name: "Qwen2.5 7B",
        params_b: 7.62,
        layers: 28,
        hidden: 3584,
        intermediate: 18_944,
        heads: 28,
        kv_heads: 4,
        head_dim: 128,
        vocab: 152_064,
        max_context: 32_768,
        tied_embeddings: false,
        ..DENSE
    },
    ModelShape {
        name: "gpt-oss-20b (MoE, 3.6B active)",
        params_b: 20.91,
        layers: 24,
        hidden: 2880,
        intermediate: 2880,
        heads: 64,
        kv_heads: 8,
        head_dim: 64,
        vocab: 201_088,
        max_context: 131_072,
        tied_embeddings: false,
        experts: 32,
        active_experts: 4,
        // Every other layer attends to the last 128 tokens only.
        sliding_window: 128,
        sliding_layers: 12,
    },
];

impl ModelShape {
    /// The MLP width one token passes through: all of it for a dense model, the active
    /// experts' share for a mixture of experts.
    pub fn active_intermediate(&self) -> u32 {
        self.intermediate * self.active_experts
    }

    /// Parameters one token uses: attention, the active experts, and one vocabulary table.
    pub fn active_params(&self) -> f64 {
        let (h, i) = (
            f64::from(self.hidden),
            f64::from(self.active_intermediate()),
        );
        let attention = 2.0 * h * f64::from((self.heads + self.kv_heads) * self.head_dim);
        f64::from(self.layers) * (attention + 3.0 * h * i) + f64::from(self.vocab) * h
    }

    /// Cached tokens summed over layers at `context`: sliding-window layers keep at most their window.
    pub fn cached_layer_tokens(&self, context: u32) -> f64 {
        let full = self.layers - self.sliding_layers;
        let sliding = context.min(self.sliding_window.max(1));
        f64::from(full) * f64::from(context) + f64::from(self.sliding_layers) * f64::from(sliding)
    }

    /// The parameter count the shapes imply: embeddings, attention, gated MLP (norms and biases are negligible).
    pub fn params_from_shape(&self) -> f64 {
        let (h, i) = (f64::from(self.hidden), f64::from(self.intermediate));
        let q_and_o = 2.0 * h * f64::from(self.heads * self.head_dim);
        let k_and_v = 2.0 * h * f64::from(self.kv_heads * self.head_dim);
        let mlp = 3.0 * h * i * f64::from(self.experts);
        let embeddings = f64::from(self.vocab) * h * if self.tied_embeddings { 1.0 } else { 2.0 };
        f64::from(self.layers) * (q_and_o + k_and_v + mlp) + embeddings
    }

    /// The number of weights in the largest single tensor, which a GPU runtime keeps in one buffer.
    pub fn largest_tensor_weights(&self) -> f64 {
        let embedding = f64::from(self.vocab) * f64::from(self.hidden);
        let mlp = f64::from(self.hidden) * f64::from(self.intermediate);
        embedding.max(mlp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shapes_add_up_to_the_published_parameter_counts() {
        for model in CATALOGUE {
            let implied = model.params_from_shape() / 1e9;
            let error = (implied - model.params_b).abs() / model.params_b;
            assert!(
                error < 0.02,
                "{}: shapes imply {implied:.3}B, published {}B",
                model.name,
                model.params_b
            );
        }
    }

    #[test]
    fn a_mixture_of_experts_pays_for_its_active_experts_only() {
        let oss = CATALOGUE
            .iter()
            .find(|m| m.name.starts_with("gpt-oss"))
            .expect("listed");
        // Published: 20.9B in all, 3.6B active (one vocabulary table counted).
        assert!(
            (oss.active_params() / 1e9 - 3.6).abs() < 0.1,
            "{}",
            oss.active_params()
        );
        // A dense model uses every parameter but the second vocabulary table it may have.
        let llama = CATALOGUE
            .iter()
            .find(|m| m.name == "Llama 3.2 1B")
            .expect("listed");
        assert!((llama.active_params() - llama.params_from_shape()).abs() < 1e6);
    }

    #[test]
    fn the_catalogue_names_the_models_the_issue_asks_for() {
        let names: Vec<&str> = CATALOGUE.iter().map(|m| m.name).collect();
        for wanted in [
            "Phi-4-mini",
            "Phi-3.5-mini",
            "Llama 3.2 1B",
            "Llama 3.2 3B",
            "Qwen2.5 0.5B",
            "Qwen2.5 1.5B",
            "Qwen2.5 7B",
            "Mistral 7B",
            "Gemma 3 1B",
            "Ministral 3 3B",
            "gpt-oss-20b",
        ] {
            assert!(names.iter().any(|n| n.starts_with(wanted)), "{wanted}");
        }
    }
}
