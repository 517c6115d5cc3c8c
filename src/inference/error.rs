//! Everything that can go wrong at the inference boundary, worded for the user.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// An inference failure; it crosses to the page as itself and becomes words in the view.
#[derive(Debug, Clone, PartialEq, Error, Serialize, Deserialize)]
pub enum InferenceError {
    #[error("could not download the model ({0})")]
    Fetch(String),
    #[error("the model file could not be read as ONNX: {0}")]
    Corrupt(String),
    #[error("the model could not be optimized for this browser: {0}")]
    Optimize(String),
    #[error("the model failed while running: {0}")]
    Run(String),
    #[error("the input has {got} values but the model expects {expected}")]
    InputShape { expected: usize, got: usize },
    #[error("no model is loaded yet")]
    NotLoaded,
    #[error("this bundle has no inference backend; requests must go to the worker")]
    NoBackend,
}
