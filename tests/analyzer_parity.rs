//! The Rust featurizer and label table against what the Python training wrote: the two
//! implementations must agree to 1e-5, and the labels must be the questionnaire's own keys.

use std::collections::BTreeMap;

use local_or_cloud::analyzer::features::{features, DIM};
use local_or_cloud::analyzer::labels::UNKNOWN;
use local_or_cloud::analyzer::{HEADS, THRESHOLD};

#[derive(serde::Deserialize)]
struct Vector {
    text: String,
    features: BTreeMap<String, f64>,
}

#[derive(serde::Deserialize)]
struct Labels {
    dim: usize,
    threshold: f32,
    heads: Vec<Head>,
}

#[derive(serde::Deserialize)]
struct Head {
    factor: String,
    classes: Vec<String>,
}

#[test]
fn rust_features_reproduce_the_python_test_vectors() {
    let vectors: Vec<Vector> =
        serde_json::from_str(include_str!("../models/analyzer.vectors.json")).expect("valid JSON");
    assert!(vectors.len() >= 12);
    for vector in vectors {
        let ours = features(&vector.text);
        assert_eq!(ours.len(), DIM);
        for (index, value) in ours.iter().enumerate() {
            let theirs = vector
                .features
                .get(&index.to_string())
                .copied()
                .unwrap_or(0.0);
            assert!(
                (f64::from(*value) - theirs).abs() < 1e-5,
                "{:?} bucket {index}: rust {value}, python {theirs}",
                vector.text
            );
        }
    }
}

#[test]
fn the_label_table_is_the_one_the_model_was_trained_with() {
    let labels: Labels =
        serde_json::from_str(include_str!("../models/analyzer.labels.json")).expect("valid JSON");
    assert_eq!(labels.dim, DIM);
    assert_eq!(labels.threshold, THRESHOLD);
    assert_eq!(labels.heads.len(), HEADS.len());
    for (head, (factor, classes)) in labels.heads.iter().zip(HEADS) {
        assert_eq!(head.factor, factor.key());
        assert_eq!(head.classes, *classes);
        for class in classes.iter().filter(|c| **c != UNKNOWN) {
            assert!(
                factor.options().contains(class),
                "{class} is not a {factor:?} option"
            );
        }
    }
}
