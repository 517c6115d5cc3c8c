//! Properties of the engine over every combination of answers: totality and monotonicity.
#![cfg(not(target_arch = "wasm32"))]

use local_or_cloud::engine::rules::Side;
use local_or_cloud::engine::{recommend, Answers, Factor, Input, Verdict};
use proptest::prelude::*;

/// Any set of answers: each factor unanswered or one of its options.
fn any_answers() -> impl Strategy<Value = Answers> {
    let per_factor: Vec<_> = Factor::ALL
        .iter()
        .map(|factor| proptest::option::of(0..factor.options().len()))
        .collect();
    per_factor.prop_map(|choices| {
        let mut answers = Answers::new();
        for (&factor, choice) in Factor::ALL.iter().zip(choices) {
            if let Some(index) = choice {
                answers
                    .set(factor, factor.options()[index])
                    .expect("a contract option");
            }
        }
        answers
    })
}

fn verdict_with(base: &Answers, changes: &[(Factor, &str)]) -> Verdict {
    let mut answers = base.clone();
    for (factor, option) in changes {
        answers.set(*factor, option).expect("a contract option");
    }
    recommend(&Input {
        answers,
        ..Input::default()
    })
    .verdict
}

/// Pairs (stronger, weaker) of hardware where the weaker both pulls further to the cloud and runs no larger a task.
///
/// `mixed` and `low_end` are not ordered: a uniform low-end fleet can be served by one small
/// model (or a tiny gate) on every device, while a mixed fleet cannot count on any model being
/// there, so the version-2 engine gates a mixed fleet by capability where it serves a uniform
/// low-end one locally. Every other pair keeps its order.
const WEAKER_HARDWARE: &[(&str, &str)] = &[
    ("gpu", "mainstream"),
    ("npu", "mainstream"),
    ("mainstream", "mixed"),
    ("gpu", "low_end"),
    ("npu", "low_end"),
    ("mainstream", "low_end"),
    ("gpu", "mixed"),
    ("npu", "mixed"),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_combination_gets_a_sound_recommendation(answers in any_answers()) {
        let r = recommend(&Input { answers: answers.clone(), ..Input::default() });
        prop_assert_eq!(r.factors.len(), Factor::ALL.len());
        prop_assert!((0.0..=1.0).contains(&r.confidence));
        prop_assert!((-1.0..=1.0).contains(&r.score));
        prop_assert_eq!(r.answered, answers.answered());
        prop_assert_eq!(r.hybrid.is_some(), r.verdict == Verdict::Hybrid);
        prop_assert_eq!(r.verdict == Verdict::Undecided, answers.answered() == 0);
        if r.rules.iter().any(|rule| rule.rules_out == Side::Cloud) {
            prop_assert_eq!(r.verdict, Verdict::Local);
        }
        // Every offered flip really gives the verdict it names, with at most two changes.
        for flip in &r.flips {
            prop_assert!(!flip.changes.is_empty() && flip.changes.len() <= 2);
            prop_assert_ne!(flip.to, r.verdict);
            let mut changed = answers.clone();
            for choice in &flip.changes {
                changed.choose(*choice);
            }
            let again = recommend(&Input { answers: changed, ..Input::default() });
            prop_assert_eq!(again.verdict, flip.to);
        }
    }

    #[test]
    fn more_sensitive_data_never_moves_towards_the_cloud(answers in any_answers()) {
        let levels = Factor::Privacy.options();
        for pair in levels.windows(2) {
            let less = verdict_with(&answers, &[(Factor::Privacy, pair[0])]);
            let more = verdict_with(&answers, &[(Factor::Privacy, pair[1])]);
            prop_assert!(more <= less, "{} gave {:?}, {} gave {:?}", pair[0], less, pair[1], more);
        }
    }

    #[test]
    fn worse_connectivity_never_moves_towards_the_cloud(answers in any_answers()) {
        let levels = Factor::Connectivity.options();
        for pair in levels.windows(2) {
            let better = verdict_with(&answers, &[(Factor::Connectivity, pair[0])]);
            let worse = verdict_with(&answers, &[(Factor::Connectivity, pair[1])]);
            prop_assert!(worse <= better, "{} gave {:?}, {} gave {:?}", pair[0], better, pair[1], worse);
        }
    }

    #[test]
    fn a_larger_model_on_weaker_hardware_never_moves_towards_local(
        answers in any_answers(),
        sizes in (0usize..3, 0usize..3),
        hardware in 0..WEAKER_HARDWARE.len(),
    ) {
        let sizes_list = Factor::ModelSize.options();
        let (small, large) = (sizes_list[sizes.0.min(sizes.1)], sizes_list[sizes.0.max(sizes.1)]);
        let (strong, weak) = WEAKER_HARDWARE[hardware];
        let before = verdict_with(&answers, &[(Factor::ModelSize, small), (Factor::Resources, strong)]);
        let after = verdict_with(&answers, &[(Factor::ModelSize, large), (Factor::Resources, weak)]);
        prop_assert!(after >= before, "{small}/{strong} gave {before:?}, {large}/{weak} gave {after:?}");
    }
}
