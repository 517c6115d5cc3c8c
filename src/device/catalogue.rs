//! The local models the device panel checks, with the shapes their memory needs follow from.
//!
//! Figures come from each model's published `config.json`; the parameter counts they imply
//! are checked against the published sizes in the tests below.

use serde::Serialize;

/// The architecture of one decoder-only language model.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ModelShape {
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
}

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
    },
];

impl ModelShape {
    /// The parameter count the shapes imply: embeddings, attention, gated MLP (norms and biases are negligible).
    pub fn params_from_shape(&self) -> f64 {
        let (h, i) = (f64::from(self.hidden), f64::from(self.intermediate));
        let q_and_o = 2.0 * h * f64::from(self.heads * self.head_dim);
        let k_and_v = 2.0 * h * f64::from(self.kv_heads * self.head_dim);
        let mlp = 3.0 * h * i;
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
        ] {
            assert!(names.iter().any(|n| n.starts_with(wanted)), "{wanted}");
        }
    }
}
