//! The version-2 contract: hybrid architectures from explicit conditions, confidence as agreement,
//! platform words, the balanced-cost rule, what would change the verdict, stacks and starting code.
#![cfg(not(target_arch = "wasm32"))]

use local_or_cloud::engine::cost::CostInputs;
use local_or_cloud::engine::hybrid::HybridMode;
use local_or_cloud::engine::prices::committed;
use local_or_cloud::engine::stacks::Side;
use local_or_cloud::engine::{recommend, starter, Answers, Input, Recommendation, Verdict};

fn run(pairs: &[(&str, &str)]) -> Recommendation {
    run_with(pairs, CostInputs::default())
}

fn run_with(pairs: &[(&str, &str)], cost: CostInputs) -> Recommendation {
    recommend(&Input {
        answers: Answers::from_pairs(pairs.iter().copied()).expect("contract keys"),
        cost,
        // The committed price file on a fixed day: the default model's price, as the page has it.
        prices: std::rc::Rc::new(committed().table_on("2026-12-07")),
        ..Input::default()
    })
}

/// A named answer set and the architecture it must get.
type ModeCase = (
    &'static str,
    &'static [(&'static str, &'static str)],
    HybridMode,
);

/// One answer set per architecture, each reached by the condition the contract names.
const MODES: &[ModeCase] = &[
    (
        "most requests easy on NPU phones, a minority escalated",
        &[
            ("privacy", "personal"),
            ("resources", "npu"),
            ("model_size", "medium"),
            ("tooling", "mobile"),
            ("request_mix", "long_tail"),
            ("connectivity", "always"),
        ],
        HybridMode::LocalFirst,
    ),
    (
        "a large model, but the connection often drops",
        &[
            ("privacy", "internal"),
            ("resources", "mainstream"),
            ("model_size", "large"),
            ("connectivity", "intermittent"),
            ("collaboration", "team"),
        ],
        HybridMode::CloudFirst,
    ),
    (
        "regulated notes, a task beyond ordinary laptops, everything else local",
        &[
            ("privacy", "regulated"),
            ("resources", "mainstream"),
            ("model_size", "large"),
            ("connectivity", "intermittent"),
            ("cost", "no_usage_fees"),
            ("collaboration", "single"),
        ],
        HybridMode::SplitByData,
    ),
    (
        "a wide fleet, a small task that favours the device",
        &[
            ("privacy", "personal"),
            ("resources", "mixed"),
            ("model_size", "small"),
            ("connectivity", "intermittent"),
            ("tooling", "web"),
        ],
        HybridMode::CapabilityGated,
    ),
    (
        "a smart speaker: a cheap device screens, the cloud answers",
        &[
            ("privacy", "personal"),
            ("resources", "low_end"),
            ("model_size", "large"),
            ("connectivity", "always"),
            ("request_mix", "varied"),
            ("knowledge", "live_data"),
        ],
        HybridMode::LocalGate,
    ),
];

#[test]
fn each_architecture_is_reached_by_its_conditions_and_says_what_it_takes() {
    for (name, pairs, mode) in MODES {
        let r = run(pairs);
        assert_eq!(r.verdict, Verdict::Hybrid, "{name}: score {:.2}", r.score);
        let plan = r.hybrid.expect("a hybrid plan");
        assert_eq!(plan.mode, *mode, "{name}");
        assert!(plan.takes().len() >= 3, "{name}");
        assert!(plan.because.ends_with('.'), "{name}");
    }
}

#[test]
fn a_knife_edge_is_not_a_hybrid_and_gets_low_confidence() {
    // Personal data and an always-on connection nearly cancel: no hybrid condition holds.
    let r = run(&[
        ("privacy", "internal"),
        ("latency", "interactive"),
        ("scale", "growing"),
    ]);
    assert_ne!(r.verdict, Verdict::Hybrid);
    assert!(r.confidence < 0.4, "confidence {:.2}", r.confidence);
}

#[test]
fn confidence_is_high_only_when_strong_factors_agree() {
    let agree = run(&[
        ("privacy", "regulated"),
        ("connectivity", "intermittent"),
        ("model_size", "small"),
        ("resources", "npu"),
        ("latency", "realtime"),
        ("cost", "no_usage_fees"),
        ("collaboration", "single"),
        ("scale", "fixed"),
        ("maintenance", "in_house"),
        ("tooling", "windows"),
        ("customization", "off_the_shelf"),
    ]);
    assert_eq!(agree.verdict, Verdict::Local);
    assert!(agree.confidence > 0.8, "{:.2}", agree.confidence);
    // The same coverage with strong factors pulling both ways.
    let cancel = run(&[
        ("privacy", "regulated"),
        ("connectivity", "always"),
        ("model_size", "large"),
        ("resources", "npu"),
        ("latency", "realtime"),
        ("cost", "pay_as_you_go"),
        ("collaboration", "anywhere"),
        ("scale", "fixed"),
        ("maintenance", "in_house"),
        ("tooling", "windows"),
        ("customization", "off_the_shelf"),
    ]);
    assert!(cancel.agreement < 0.3, "{:.2}", cancel.agreement);
    assert!(
        cancel.confidence < agree.confidence - 0.3,
        "{:.2}",
        cancel.confidence
    );
}

#[test]
fn real_time_with_users_always_online_pulls_less_towards_the_device() {
    let spotty = run(&[("latency", "realtime"), ("connectivity", "intermittent")]);
    let online = run(&[("latency", "realtime"), ("connectivity", "always")]);
    assert!(online.factors[5].pull > spotty.factors[5].pull);
    assert!(online.factors[5].reason.contains("live captions"));
}

#[test]
fn team_answers_are_not_read_as_deployment_answers() {
    let r = run(&[
        ("maintenance", "in_house"),
        ("customization", "full_control"),
    ]);
    for f in r.factors.iter().filter(|f| f.option.is_some()) {
        assert!(f.pull.abs() <= 0.1, "{:?} pulls {}", f.factor, f.pull);
    }
}

#[test]
fn balanced_cost_moves_the_verdict_by_the_cost_comparison() {
    let answers = [
        ("cost", "balanced"),
        ("model_size", "medium"),
        ("scale", "growing"),
    ];
    let light = run(&answers);
    let heavy = run_with(
        &answers,
        CostInputs {
            requests_per_user_per_day: 500.0,
            ..CostInputs::default()
        },
    );
    let upgrade = run_with(
        &answers,
        CostInputs {
            upgrade_per_device: 800.0,
            ..CostInputs::default()
        },
    );
    assert_eq!(light.factors[3].pull, 0.0, "{}", light.factors[3].reason);
    assert!(heavy.factors[3].pull < 0.0 && heavy.verdict == Verdict::Local);
    assert!(upgrade.factors[3].pull > 0.0 && upgrade.verdict == Verdict::Cloud);
    assert!(heavy.factors[3]
        .reason
        .contains("the cost comparison decides"));
}

#[test]
fn phone_and_web_features_get_their_own_words_and_stacks() {
    let phone = run(&[
        ("resources", "npu"),
        ("tooling", "mobile"),
        ("model_size", "small"),
        ("privacy", "personal"),
    ]);
    let text: String = phone.factors.iter().map(|f| f.reason.as_str()).collect();
    assert!(
        !text.contains("Copilot+") && !text.contains("Phi Silica"),
        "{text}"
    );
    assert!(text.contains("phones"));
    let names: Vec<_> = phone.stacks.iter().map(|s| s.name).collect();
    assert!(
        names.iter().any(|n| n.contains("Foundation Models")),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n.contains("ML Kit")), "{names:?}");
    let web = run(&[
        ("tooling", "web"),
        ("model_size", "small"),
        ("privacy", "personal"),
    ]);
    assert!(web
        .stacks
        .iter()
        .any(|s| s.name.contains("built-in AI") && s.side == Side::Device));
    for s in phone.stacks.iter().chain(&web.stacks) {
        assert!(s.docs.starts_with("https://"), "{}", s.name);
    }
}

#[test]
fn no_reason_contradicts_a_rule_that_fired() {
    let r = run(&[
        ("model_size", "small"),
        ("resources", "low_end"),
        ("privacy", "regulated"),
        ("tooling", "windows"),
    ]);
    assert!(r.rules.is_empty());
    let beyond = run(&[
        ("model_size", "large"),
        ("resources", "mainstream"),
        ("privacy", "regulated"),
        ("connectivity", "intermittent"),
        ("cost", "no_usage_fees"),
    ]);
    assert!(!beyond.rules.is_empty());
    let plan = beyond.hybrid.expect("split by data");
    assert_eq!(plan.mode, HybridMode::SplitByData);
    // The device is asked only for the small sensitive step, never for the task itself.
    assert!(plan.how().contains("small tasks it can run"));
    assert!(!beyond.factors[8].reason.contains("within reach"));
}

#[test]
fn flips_are_the_smallest_changes_and_link_to_their_verdict() {
    let r = run(&[
        ("privacy", "personal"),
        ("connectivity", "always"),
        ("model_size", "large"),
        ("resources", "mainstream"),
    ]);
    assert_eq!(r.verdict, Verdict::Cloud);
    assert!(r
        .flips
        .iter()
        .any(|f| f.to == Verdict::Local && f.changes.len() == 1));
    for flip in &r.flips {
        let mut answers = Answers::from_pairs([
            ("privacy", "personal"),
            ("connectivity", "always"),
            ("model_size", "large"),
            ("resources", "mainstream"),
        ])
        .expect("keys");
        for c in &flip.changes {
            answers.choose(*c);
        }
        let again = recommend(&Input {
            answers,
            prices: std::rc::Rc::new(committed().table_on("2026-12-07")),
            ..Input::default()
        });
        assert_eq!(again.verdict, flip.to);
    }
    assert!(run(&[]).flips.is_empty());
}

#[test]
fn nothing_answered_is_undecided_with_nothing_to_recommend() {
    let r = run(&[]);
    assert_eq!(r.verdict, Verdict::Undecided);
    assert_eq!(r.confidence, 0.0);
    assert!(r.stacks.is_empty() && r.hybrid.is_none());
}

#[test]
fn version_1_links_keep_their_meaning() {
    let r = run(&[("tooling", "cross_platform"), ("privacy", "device_only")]);
    assert_eq!(r.verdict, Verdict::Local);
    assert!(Answers::from_pairs([
        ("tooling", "mobile"),
        ("request_mix", "long_tail"),
        ("knowledge", "live_data")
    ])
    .is_ok());
}

#[test]
fn the_decision_record_carries_starting_code_for_the_ecosystem() {
    let web = run(&[
        ("tooling", "web"),
        ("resources", "mixed"),
        ("model_size", "small"),
        ("privacy", "personal"),
        ("connectivity", "intermittent"),
    ]);
    let mode = web.hybrid.as_ref().map(|h| h.mode);
    let snippets = starter::snippets(
        web.verdict,
        mode,
        &Answers::from_pairs([("tooling", "web"), ("model_size", "small")]).expect("keys"),
    );
    let all: String = snippets.iter().map(|s| s.code.as_str()).collect();
    assert!(all.contains("LanguageModel.availability()"), "{all}");
    assert!(all.contains("InferenceMode.PREFER_ON_DEVICE"), "{all}");
    assert!(
        all.contains("\"additionalProperties\": false"),
        "a small local model gets a schema"
    );
    let azure = starter::snippets(
        Verdict::Hybrid,
        Some(HybridMode::CloudFirst),
        &Answers::from_pairs([("tooling", "azure")]).expect("keys"),
    );
    assert!(
        azure[0].code.contains("FoundryLocalManager") && azure[0].code.contains("openai.azure.com")
    );
    assert_eq!(
        starter::firebase_mode(Verdict::Cloud, None),
        "ONLY_IN_CLOUD"
    );
    assert_eq!(
        starter::firebase_mode(Verdict::Local, None),
        "ONLY_ON_DEVICE"
    );
}
