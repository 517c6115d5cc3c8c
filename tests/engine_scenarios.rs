//! Realistic scenarios, each with the verdict it must get and the reasons that must appear.
#![cfg(not(target_arch = "wasm32"))]

use local_or_cloud::engine::hybrid::HybridMode;
use local_or_cloud::engine::rules::RuleId;
use local_or_cloud::engine::{
    recommend, Answers, DeviceClass, Input, LocalEstimate, Measured, Recommendation, Verdict,
};

struct Scenario {
    name: &'static str,
    answers: &'static [(&'static str, &'static str)],
    verdict: Verdict,
    /// Fragments that must appear somewhere in the reasons, rules or conflict.
    reasons: &'static [&'static str],
    hybrid: Option<HybridMode>,
    conflict: bool,
}

const SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "clinic notes summarised on often-offline laptops",
        answers: &[
            ("privacy", "regulated"),
            ("connectivity", "intermittent"),
            ("model_size", "medium"),
            ("resources", "mainstream"),
            ("tooling", "windows"),
        ],
        verdict: Verdict::Local,
        reasons: &["HIPAA", "Often-offline"],
        hybrid: None,
        conflict: false,
    },
    Scenario {
        name: "keyboard suggestions whose text may never leave the phone",
        answers: &[
            ("privacy", "device_only"),
            ("latency", "realtime"),
            ("model_size", "small"),
            ("scale", "spiky"),
            ("cost", "pay_as_you_go"),
        ],
        verdict: Verdict::Local,
        reasons: &["rules out any cloud model", "100 ms"],
        hybrid: None,
        conflict: false,
    },
    Scenario {
        name: "offline field reports with a large model on old tablets and a device-only policy",
        answers: &[
            ("privacy", "device_only"),
            ("connectivity", "offline"),
            ("model_size", "large"),
            ("resources", "low_end"),
        ],
        verdict: Verdict::Local,
        reasons: &[
            "The rules collide",
            "Use a smaller model",
            "Target better hardware",
            "Change the policy",
            "Relax the offline requirement",
        ],
        hybrid: None,
        conflict: true,
    },
    Scenario {
        name: "marketing copy generator for a global audience",
        answers: &[
            ("privacy", "public"),
            ("model_size", "large"),
            ("connectivity", "always"),
            ("cost", "pay_as_you_go"),
            ("maintenance", "managed"),
            ("tooling", "azure"),
            ("scale", "spiky"),
            ("collaboration", "anywhere"),
        ],
        verdict: Verdict::Cloud,
        reasons: &["large models", "scales up and down"],
        hybrid: None,
        conflict: false,
    },
    Scenario {
        name: "image generation for a fleet of old laptops",
        answers: &[
            ("privacy", "public"),
            ("model_size", "large"),
            ("resources", "low_end"),
            ("connectivity", "always"),
        ],
        verdict: Verdict::Cloud,
        reasons: &["local-only is ruled out"],
        hybrid: None,
        conflict: false,
    },
    Scenario {
        name: "email replies drafted from personal mailboxes on a mixed fleet with spotty networks",
        answers: &[
            ("privacy", "personal"),
            ("model_size", "large"),
            ("resources", "mixed"),
            ("connectivity", "intermittent"),
        ],
        verdict: Verdict::Hybrid,
        // The weighted answers lean to the cloud (a large task on a mixed fleet outweighs
        // personal data), so the cloud leads; the spotty network asks for a device fallback.
        reasons: &["GDPR", "local-only is ruled out"],
        hybrid: Some(HybridMode::CloudFirst),
        conflict: false,
    },
    Scenario {
        name: "real-time camera effects on Copilot+ PCs",
        answers: &[
            ("resources", "npu"),
            ("latency", "realtime"),
            ("model_size", "small"),
            ("tooling", "windows"),
            ("cost", "no_usage_fees"),
            ("collaboration", "single"),
        ],
        verdict: Verdict::Local,
        reasons: &["NPU", "no per-request fee"],
        hybrid: None,
        conflict: false,
    },
    Scenario {
        name: "team knowledge-base chat on Azure",
        answers: &[
            ("privacy", "internal"),
            ("collaboration", "team"),
            ("model_size", "medium"),
            ("connectivity", "always"),
            ("tooling", "azure"),
            ("maintenance", "managed"),
            ("scale", "growing"),
        ],
        verdict: Verdict::Cloud,
        reasons: &["team sharing", "Azure AI Foundry"],
        hybrid: None,
        conflict: false,
    },
    Scenario {
        name: "grammar suggestions in a browser editor",
        answers: &[
            ("privacy", "personal"),
            ("tooling", "web"),
            ("model_size", "small"),
            ("latency", "realtime"),
            ("collaboration", "single"),
        ],
        verdict: Verdict::Local,
        reasons: &["WebGPU", "small on-device models"],
        hybrid: None,
        conflict: false,
    },
    Scenario {
        name: "an inspection checklist that must work in a basement with no signal",
        answers: &[
            ("connectivity", "offline"),
            ("model_size", "small"),
            ("collaboration", "team"),
        ],
        verdict: Verdict::Local,
        reasons: &["cannot depend on the cloud"],
        hybrid: None,
        conflict: false,
    },
    Scenario {
        name: "a desktop tool on gaming PCs with no usage fees",
        answers: &[
            ("resources", "gpu"),
            ("cost", "no_usage_fees"),
            ("model_size", "small"),
            ("collaboration", "single"),
            ("connectivity", "always"),
        ],
        verdict: Verdict::Local,
        reasons: &["capable GPU"],
        hybrid: None,
        conflict: false,
    },
    Scenario {
        name: "a cross-platform mobile app summarising articles on low-end phones",
        answers: &[
            ("resources", "low_end"),
            ("model_size", "medium"),
            ("connectivity", "always"),
            ("scale", "growing"),
            ("tooling", "cross_platform"),
        ],
        verdict: Verdict::Cloud,
        reasons: &[
            "local-only is ruled out",
            "One cloud API serves every platform",
        ],
        hybrid: None,
        conflict: false,
    },
    Scenario {
        name: "field sales notes shared with the team over patchy connections",
        answers: &[
            ("privacy", "personal"),
            ("connectivity", "intermittent"),
            ("latency", "interactive"),
            ("model_size", "medium"),
            ("resources", "mainstream"),
            ("collaboration", "team"),
            ("maintenance", "managed"),
            // Version 2: the team's notes live on a server; without this answer the lean is
            // local and nothing asks for a second side (hybrid is no longer a tie band).
            ("knowledge", "shared_data"),
        ],
        verdict: Verdict::Hybrid,
        reasons: &["processing agreement"],
        hybrid: Some(HybridMode::LocalFirst),
        conflict: false,
    },
    Scenario {
        name: "a device-only policy outweighs every cloud preference",
        answers: &[
            ("privacy", "device_only"),
            ("collaboration", "anywhere"),
            ("cost", "pay_as_you_go"),
            ("maintenance", "managed"),
            ("scale", "spiky"),
            ("model_size", "small"),
        ],
        verdict: Verdict::Local,
        reasons: &["no cloud model may see it"],
        hybrid: None,
        conflict: false,
    },
    Scenario {
        name: "a custom model the team owns end to end",
        answers: &[
            ("customization", "full_control"),
            ("maintenance", "in_house"),
            ("resources", "gpu"),
            ("tooling", "windows"),
            ("privacy", "internal"),
            ("model_size", "medium"),
        ],
        verdict: Verdict::Local,
        reasons: &["Owning the weights", "Windows ML"],
        hybrid: None,
        conflict: false,
    },
    Scenario {
        name: "nightly classification of support tickets with managed operations",
        answers: &[
            ("latency", "batch"),
            ("maintenance", "managed"),
            ("cost", "pay_as_you_go"),
            ("connectivity", "always"),
            ("scale", "growing"),
        ],
        verdict: Verdict::Cloud,
        reasons: &["batch processing"],
        hybrid: None,
        conflict: false,
    },
    Scenario {
        name: "nothing answered yet",
        answers: &[],
        verdict: Verdict::Undecided,
        reasons: &["Not answered yet"],
        hybrid: None,
        conflict: false,
    },
];

fn run(answers: &[(&str, &str)], measured: Measured) -> Recommendation {
    let answers =
        Answers::from_pairs(answers.iter().copied()).expect("scenario answers use contract keys");
    recommend(&Input {
        answers,
        measured,
        ..Input::default()
    })
}

fn all_text(r: &Recommendation) -> String {
    let mut text: Vec<String> = r.factors.iter().map(|f| f.reason.clone()).collect();
    text.extend(r.rules.iter().map(|rule| rule.reason.clone()));
    if let Some(conflict) = &r.conflict {
        text.push(conflict.summary.clone());
        text.extend(conflict.changes.iter().cloned());
    }
    text.extend(r.stacks.iter().map(|s| format!("{}: {}", s.name, s.why)));
    text.join("\n")
}

#[test]
fn every_scenario_gets_its_verdict_and_reasons() {
    assert!(SCENARIOS.len() >= 15);
    for s in SCENARIOS {
        let r = run(s.answers, Measured::default());
        assert_eq!(r.verdict, s.verdict, "{}: score {:.3}", s.name, r.score);
        let text = all_text(&r);
        for fragment in s.reasons {
            assert!(
                text.contains(fragment),
                "{}: no '{fragment}' in\n{text}",
                s.name
            );
        }
        assert_eq!(r.hybrid.as_ref().map(|h| h.mode), s.hybrid, "{}", s.name);
        assert_eq!(r.conflict.is_some(), s.conflict, "{}", s.name);
        assert_eq!(r.factors.len(), 13, "{}", s.name);
        assert_eq!(
            r.stacks.is_empty(),
            r.verdict == Verdict::Undecided,
            "{}",
            s.name
        );
    }
}

#[test]
fn confidence_grows_with_answers_and_shrinks_with_conflict() {
    let none = run(&[], Measured::default());
    let some = run(&[("privacy", "device_only")], Measured::default());
    let many = run(
        &[
            ("privacy", "device_only"),
            ("connectivity", "offline"),
            ("model_size", "small"),
            ("resources", "npu"),
            ("latency", "realtime"),
        ],
        Measured::default(),
    );
    assert!(none.confidence < some.confidence && some.confidence < many.confidence);
    let conflict = run(
        &[
            ("privacy", "device_only"),
            ("connectivity", "offline"),
            ("model_size", "large"),
            ("resources", "low_end"),
            ("latency", "realtime"),
        ],
        Measured::default(),
    );
    assert!(conflict.confidence < many.confidence / 1.5);
}

/// The feature's estimated local time against the measured cloud call: (local ms, cloud ms,
/// the latency answer, how far the pull moves, the words that say why).
const MEASURED_LATENCY: &[(f64, f64, &str, f64, &str)] = &[
    (
        40.0,
        1_500.0,
        "interactive",
        -0.3,
        "only the device meets it",
    ),
    (
        2_500.0,
        800.0,
        "interactive",
        0.3,
        "only the cloud meets it",
    ),
    (300.0, 600.0, "interactive", 0.0, "both meet it"),
    (9_000.0, 7_000.0, "relaxed", 0.0, "neither meets it"),
];

#[test]
fn the_features_measured_time_is_weighed_and_listed() {
    for &(local, cloud, latency, shift, outcome) in MEASURED_LATENCY {
        let measured = Measured {
            local: Some(LocalEstimate {
                ms: local,
                what: "Llama 3.2 1B at 4 bits would take a while".into(),
            }),
            cloud_latency_ms: Some(cloud),
            ..Measured::default()
        };
        let r = run(&[("latency", latency)], measured);
        let factor = &r.factors[5];
        assert!(factor.measured, "{latency} {local}");
        assert!(factor.reason.contains(outcome), "{}", factor.reason);
        assert!(factor.reason.contains("Llama 3.2 1B at 4 bits"));
        let base = run(&[("latency", latency)], Measured::default()).factors[5].pull;
        assert!(
            (factor.pull - (base + shift)).abs() < 1e-9,
            "{latency} {local} vs {cloud}: {} (unmeasured {base})",
            factor.pull
        );
        assert_eq!(r.measured_facts.len(), 1);
    }
}

#[test]
fn one_measured_side_alone_is_not_weighed() {
    let cloud_only = Measured {
        cloud_latency_ms: Some(90.0),
        ..Measured::default()
    };
    let r = run(&[("latency", "realtime")], cloud_only);
    assert!(!r.factors[5].measured);
    assert!(r.measured_facts.is_empty());
}

#[test]
fn a_measured_device_stands_in_for_the_resources_answer() {
    let measured = Measured {
        device: Some(DeviceClass {
            resources: local_or_cloud::engine::factor::Resources::LowEnd,
            facts: vec!["2 logical cores".into(), "no WebGPU adapter".into()],
        }),
        ..Measured::default()
    };
    let r = run(&[("resources", "gpu"), ("model_size", "large")], measured);
    assert!(r
        .rules
        .iter()
        .any(|rule| rule.id == RuleId::HardwareCannotRunTask));
    assert!(r.factors[1].measured);
    assert!(r.factors[1].reason.starts_with("Measured on this device"));
    assert_eq!(r.measured_facts, ["2 logical cores", "no WebGPU adapter"]);
}
