//! The tract backend: parse an ONNX model, optimize it once, then run it.

use tract_onnx::prelude::*;

use super::decoder::{TractLayer, BENCH_GRAPH};
use super::{Backend, InferenceError, Layer};

type Plan = Arc<TypedRunnableModel>;

/// An optimized, runnable tract model with a fixed input shape.
pub struct TractBackend {
    plan: Plan,
    input_shape: Vec<usize>,
}

impl Backend for TractBackend {
    fn load(bytes: &[u8]) -> Result<Self, InferenceError> {
        let model = tract_onnx::onnx()
            .model_for_read(&mut &*bytes)
            .map_err(|e| InferenceError::Corrupt(e.to_string()))?;
        let input_shape = model
            .input_fact(0)
            .ok()
            .and_then(|fact| fact.shape.as_concrete_finite().ok().flatten())
            .map(|shape| shape.to_vec())
            .ok_or_else(|| {
                InferenceError::Corrupt("the model's input shape is not fixed".into())
            })?;
        let plan = model
            .into_optimized()
            .and_then(|model| model.into_runnable())
            .map_err(|e| InferenceError::Optimize(e.to_string()))?;
        Ok(Self { plan, input_shape })
    }

    fn run(&self, input: &[f32]) -> Result<Vec<f32>, InferenceError> {
        let expected: usize = self.input_shape.iter().product();
        if input.len() != expected {
            return Err(InferenceError::InputShape {
                expected,
                got: input.len(),
            });
        }
        let tensor =
            tract_ndarray::ArrayD::from_shape_vec(self.input_shape.clone(), input.to_vec())
                .map_err(|e| InferenceError::Run(e.to_string()))?;
        let outputs = self
            .plan
            .run(tvec!(Tensor::from(tensor).into()))
            .map_err(|e| InferenceError::Run(e.to_string()))?;
        let mut values = Vec::new();
        for output in outputs.iter() {
            let view = output
                .to_plain_array_view::<f32>()
                .map_err(|e| InferenceError::Run(e.to_string()))?;
            values.extend(view.iter().copied());
        }
        if values.is_empty() {
            return Err(InferenceError::Run("the model has no output".into()));
        }
        Ok(values)
    }

    fn decoder_layer(
        tokens: usize,
        past: usize,
        seed: u64,
    ) -> Result<Box<dyn Layer>, InferenceError> {
        Ok(Box::new(TractLayer::new(BENCH_GRAPH, tokens, past, seed)?))
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods, clippy::disallowed_types)] // tests: the app bundle's size rules do not apply
mod tests {
    use super::*;
    use crate::analyzer::features::{features, DIM};
    use crate::analyzer::labels::output_len;

    const MODEL: &[u8] = include_bytes!("../../models/analyzer.onnx");
    const VECTORS: &str = include_str!("../../models/analyzer.vectors.json");

    #[derive(serde::Deserialize)]
    struct Vector {
        text: String,
        outputs: std::collections::BTreeMap<String, Vec<f32>>,
    }

    #[test]
    fn the_analyzer_gives_the_outputs_numpy_computed_for_every_test_vector() {
        let vectors: Vec<Vector> = serde_json::from_str(VECTORS).expect("valid test vectors");
        let model = TractBackend::load(MODEL).expect("the analyzer loads");
        for vector in vectors {
            let got = model
                .run(&features(&vector.text))
                .expect("the analyzer runs");
            assert_eq!(got.len(), output_len());
            let mut offset = 0;
            for factor in crate::analyzer::HEADS {
                let want = &vector.outputs[factor.key()];
                let classes = crate::analyzer::labels::class_keys(*factor);
                for (g, w) in got[offset..offset + classes.len()].iter().zip(want) {
                    assert!(
                        (g - w).abs() < 1e-5,
                        "{}: {factor:?} {g} != {w}",
                        vector.text
                    );
                }
                offset += classes.len();
            }
        }
    }

    #[test]
    fn corrupt_bytes_are_reported_not_panicked_on() {
        let error = TractBackend::load(b"definitely not onnx").err();
        assert!(
            matches!(error, Some(InferenceError::Corrupt(_))),
            "{error:?}"
        );
        let truncated = TractBackend::load(&MODEL[..MODEL.len() / 2]).err();
        assert!(truncated.is_some());
    }

    #[test]
    fn a_wrong_input_length_is_refused() {
        let model = TractBackend::load(MODEL).expect("the analyzer loads");
        assert_eq!(
            model.run(&[1.0]).err(),
            Some(InferenceError::InputShape {
                expected: DIM,
                got: 1
            })
        );
    }
}
