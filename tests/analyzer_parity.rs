//! The Rust featurizer and label table against what the Python training wrote: the two
//! implementations must agree to 1e-5, and the labels must be the questionnaire's own keys.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // the app bundle's size rules (.clippy.toml) do not apply here

use std::collections::BTreeMap;

use local_or_cloud::analyzer::features::{features, DIM};
use local_or_cloud::analyzer::labels::{class_keys, UNKNOWN};
use local_or_cloud::analyzer::{HEADS, THRESHOLDS};
use local_or_cloud::engine::Factor;

#[derive(serde::Deserialize)]
struct Vector {
    text: String,
    features: BTreeMap<String, f64>,
}

#[derive(serde::Deserialize)]
struct Labels {
    dim: usize,
    heads: Vec<Head>,
}

#[derive(serde::Deserialize)]
struct Head {
    factor: String,
    classes: Vec<String>,
    threshold: f32,
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
    assert_eq!(labels.heads.len(), HEADS.len());
    for ((head, factor), threshold) in labels.heads.iter().zip(HEADS).zip(THRESHOLDS) {
        assert_eq!(head.factor, factor.key());
        assert_eq!(head.threshold, threshold, "{}", head.factor);
        assert_eq!(head.classes, class_keys(*factor));
        assert_eq!(head.classes.last().map(String::as_str), Some(UNKNOWN));
    }
}

/// The contract as data for the Python training: every factor's option keys from the Rust table.
fn contract_json() -> String {
    let factors: Vec<serde_json::Value> = Factor::ALL
        .iter()
        .map(|f| serde_json::json!({ "factor": f.key(), "options": f.options() }))
        .collect();
    let value = serde_json::json!({
        "note": "Written from src/engine/factor.rs by tests/analyzer_parity.rs (UPDATE_CONTRACT=1 cargo test --test analyzer_parity); do not edit.",
        "factors": factors,
    });
    serde_json::to_string_pretty(&value).expect("plain data") + "\n"
}

#[test]
fn the_python_contract_file_is_written_from_the_rust_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/models/questionnaire.json");
    let want = contract_json();
    if std::env::var_os("UPDATE_CONTRACT").is_some() {
        std::fs::write(path, &want).expect("models/ is writable");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(
        have, want,
        "models/questionnaire.json is stale: run UPDATE_CONTRACT=1 cargo test --test analyzer_parity"
    );
}
