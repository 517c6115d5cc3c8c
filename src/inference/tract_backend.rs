//! The tract backend: parse an ONNX model, optimize it once, then run it.

use tract_onnx::prelude::*;

use super::{Backend, InferenceError};

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
        let first = outputs
            .first()
            .ok_or_else(|| InferenceError::Run("the model has no output".into()))?;
        let view = first
            .to_plain_array_view::<f32>()
            .map_err(|e| InferenceError::Run(e.to_string()))?;
        Ok(view.iter().copied().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODEL: &[u8] = include_bytes!("../../models/placeholder.onnx");
    const EXPECTED: &str = include_str!("../../models/placeholder.expected.json");

    #[derive(serde::Deserialize)]
    struct Expected {
        input: Vec<f32>,
        output: Vec<f32>,
    }

    #[test]
    fn placeholder_model_gives_the_output_numpy_computed() {
        let expected: Expected = serde_json::from_str(EXPECTED).expect("valid expectations");
        let model = TractBackend::load(MODEL).expect("the placeholder loads");
        let output = model.run(&expected.input).expect("the placeholder runs");
        assert_eq!(output.len(), expected.output.len());
        for (got, want) in output.iter().zip(&expected.output) {
            assert!(
                (got - want).abs() < 1e-5,
                "got {output:?}, want {:?}",
                expected.output
            );
        }
    }

    #[test]
    fn corrupt_bytes_are_reported_not_panicked_on() {
        let error = TractBackend::load(b"definitely not onnx").err();
        assert!(
            matches!(error, Some(InferenceError::Corrupt(_))),
            "{error:?}"
        );
    }

    #[test]
    fn a_wrong_input_length_is_refused() {
        let model = TractBackend::load(MODEL).expect("the placeholder loads");
        assert_eq!(
            model.run(&[1.0]).err(),
            Some(InferenceError::InputShape {
                expected: 4,
                got: 1
            })
        );
    }
}
