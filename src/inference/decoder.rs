//! The device benchmark's decoder layer in tract: the committed graph, weights filled from a seed.
//!
//! `models/decoder_layer.py` writes the graph with every weight as a fixed-shape input; here
//! each of those inputs gets an initializer of the same name, which tract reads as a constant,
//! so the weights are packed once at optimization exactly as a real model's would be.

use tract_onnx::pb::{tensor_proto::DataType, type_proto, ModelProto, TensorProto};
use tract_onnx::prelude::*;

use super::{InferenceError, Layer};

/// The benchmark's layer (hidden 1024, 16 query heads, 4 KV heads, head size 64, MLP 2816).
pub const BENCH_GRAPH: &[u8] = include_bytes!("../../models/decoder_layer.onnx");

/// A small, fast generator: the weights only need to be finite and not all alike.
struct SplitMix(u64);

impl SplitMix {
    fn next_f32(&mut self, scale: f32) -> f32 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        // The top 24 bits give a uniform value in [-1, 1).
        ((z >> 40) as f32 / (1u64 << 23) as f32 - 1.0) * scale
    }

    fn fill(&mut self, len: usize, scale: f32) -> Vec<f32> {
        (0..len).map(|_| self.next_f32(scale)).collect()
    }
}

fn corrupt(what: impl std::fmt::Display) -> InferenceError {
    InferenceError::Corrupt(what.to_string())
}

/// A graph input's dimensions, each `None` where it is symbolic.
fn dims(input: &tract_onnx::pb::ValueInfoProto) -> Vec<Option<i64>> {
    use tract_onnx::pb::tensor_shape_proto::dimension::Value;
    let Some(type_proto::Value::TensorType(tensor)) =
        input.r#type.as_ref().and_then(|t| t.value.as_ref())
    else {
        return Vec::new();
    };
    let Some(shape) = tensor.shape.as_ref() else {
        return Vec::new();
    };
    shape
        .dim
        .iter()
        .map(|d| match d.value {
            Some(Value::DimValue(n)) => Some(n),
            _ => None,
        })
        .collect()
}

/// One fixed axis of the named graph input.
fn axis(proto: &ModelProto, name: &str, axis: usize) -> Result<usize, InferenceError> {
    proto
        .graph
        .as_ref()
        .and_then(|g| g.input.iter().find(|i| i.name == name))
        .and_then(|i| dims(i).get(axis).copied().flatten())
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| corrupt(format!("{name} has no fixed axis {axis}")))
}

/// Gives every weight input (`w_*`) an initializer filled from `seed`, scaled by 1/√fan-in so
/// the activations stay in range; norms get ones.
fn fill_weights(proto: &mut ModelProto, seed: u64) -> Result<usize, InferenceError> {
    let graph = proto.graph.as_mut().ok_or_else(|| corrupt("no graph"))?;
    let mut rng = SplitMix(seed);
    let mut count = 0;
    let mut filled = Vec::new();
    for input in graph.input.iter().filter(|i| i.name.starts_with("w_")) {
        let dims: Vec<i64> = dims(input)
            .into_iter()
            .collect::<Option<_>>()
            .filter(|d: &Vec<i64>| !d.is_empty())
            .ok_or_else(|| corrupt(format!("{} is not fixed", input.name)))?;
        let len = dims.iter().product::<i64>().max(0) as usize;
        let values = if dims.len() == 1 {
            vec![1.0; len]
        } else {
            rng.fill(len, 1.0 / (dims[0].max(1) as f32).sqrt())
        };
        count += if dims.len() == 1 { 0 } else { len };
        filled.push(TensorProto {
            dims,
            data_type: DataType::Float as i32,
            float_data: values,
            name: input.name.clone(),
            ..TensorProto::default()
        });
    }
    graph.initializer.extend(filled);
    Ok(count)
}

/// One optimized decoder layer with its inputs ready: `tokens` new tokens over a cache of `past`.
pub struct TractLayer {
    plan: Arc<TypedRunnableModel>,
    inputs: TVec<TValue>,
    /// Matrix weights in the layer (norms excluded), as counted from the graph.
    pub weights: usize,
}

impl TractLayer {
    /// Parses `graph`, fills its weights from `seed`, fixes the token and cache lengths, and optimizes.
    pub fn new(
        graph: &[u8],
        tokens: usize,
        past: usize,
        seed: u64,
    ) -> Result<Self, InferenceError> {
        let onnx = tract_onnx::onnx();
        let mut proto = onnx.proto_model_for_read(&mut &*graph).map_err(corrupt)?;
        let weights = fill_weights(&mut proto, seed)?;
        let (hidden, kv_heads, head_dim) = (
            axis(&proto, "x", 1)?,
            axis(&proto, "past_k", 0)?,
            axis(&proto, "past_k", 2)?,
        );
        let mut rng = SplitMix(seed ^ 0xA5A5);
        let x = Tensor::from_shape(&[tokens, hidden], &rng.fill(tokens * hidden, 1.0))
            .map_err(corrupt)?;
        let cache_len = kv_heads * past * head_dim;
        let k = Tensor::from_shape(&[kv_heads, past, head_dim], &rng.fill(cache_len, 1.0))
            .map_err(corrupt)?;
        let v = Tensor::from_shape(&[kv_heads, past, head_dim], &rng.fill(cache_len, 1.0))
            .map_err(corrupt)?;
        let model = onnx
            .model_for_proto_model(&proto)
            .map_err(corrupt)?
            .with_input_fact(0, f32::fact([tokens, hidden]).into())
            .and_then(|m| m.with_input_fact(1, f32::fact([kv_heads, past, head_dim]).into()))
            .and_then(|m| m.with_input_fact(2, f32::fact([kv_heads, past, head_dim]).into()))
            .map_err(corrupt)?;
        let plan = model
            .into_optimized()
            .and_then(|m| m.into_runnable())
            .map_err(|e| InferenceError::Optimize(e.to_string()))?;
        Ok(Self {
            plan,
            inputs: tvec![x.into_tvalue(), k.into_tvalue(), v.into_tvalue()],
            weights,
        })
    }

    /// Runs the layer once and returns its output's first value, so the work cannot be skipped.
    pub fn run_once(&self) -> Result<f32, InferenceError> {
        let outputs = self
            .plan
            .run(self.inputs.clone())
            .map_err(|e| InferenceError::Run(e.to_string()))?;
        let y = outputs
            .first()
            .ok_or_else(|| InferenceError::Run("the layer has no output".into()))?;
        let view = y
            .to_plain_array_view::<f32>()
            .map_err(|e| InferenceError::Run(e.to_string()))?;
        Ok(view.iter().next().copied().unwrap_or(0.0))
    }
}

impl Layer for TractLayer {
    fn step(&self) -> Result<f32, InferenceError> {
        self.run_once()
    }
}
