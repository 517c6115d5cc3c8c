//! What would change the verdict: the smallest answer changes (one, else two) that give each other verdict.

use serde::Serialize;

use super::factor::Choice;
use super::recommend::{decide, Decision, Input, Verdict};
use super::Factor;

/// At most this many alternatives are offered per verdict they lead to.
const PER_TARGET: usize = 3;

/// A set of answer changes and the verdict they lead to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flip {
    pub to: Verdict,
    pub changes: Vec<Choice>,
}

/// Searches single changes first, then pairs for any verdict no single change reaches.
pub(crate) fn search(input: &Input, base: &Decision) -> Vec<Flip> {
    if base.verdict == Verdict::Undecided {
        return Vec::new();
    }
    let singles = single_changes(input);
    let targets = [Verdict::Local, Verdict::Hybrid, Verdict::Cloud]
        .into_iter()
        .filter(|v| *v != base.verdict);
    let mut flips = Vec::new();
    for target in targets {
        let mut found: Vec<Flip> = singles
            .iter()
            .filter(|(_, verdict)| *verdict == target)
            .take(PER_TARGET)
            .map(|(choice, _)| Flip {
                to: target,
                changes: vec![*choice],
            })
            .collect();
        if found.is_empty() {
            found = pairs_to(input, target, &singles);
        }
        flips.extend(found);
    }
    flips
}

/// Every one-answer change, ordered smallest first, with the verdict it gives.
fn single_changes(input: &Input) -> Vec<(Choice, Verdict)> {
    let mut candidates: Vec<(u8, Choice)> = Vec::new();
    for &factor in Factor::ALL {
        // A measured device stands in for the hardware answer, so changing it changes nothing.
        if factor == Factor::Resources && input.measured.device.is_some() {
            continue;
        }
        let current = input.answers.get(factor);
        for choice in factor.choices() {
            if Some(choice) == current {
                continue;
            }
            // Moving an answer one step is the smallest change; answering a new question next.
            let cost = match current {
                Some(now) if now.rank().abs_diff(choice.rank()) == 1 => 0,
                Some(_) => 2,
                None => 1,
            };
            candidates.push((cost, choice));
        }
    }
    crate::small_sort::sort_by(&mut candidates, |a, b| a.0 < b.0);
    candidates
        .into_iter()
        .map(|(_, choice)| (choice, verdict_with(input, &[choice])))
        .collect()
}

fn pairs_to(input: &Input, target: Verdict, singles: &[(Choice, Verdict)]) -> Vec<Flip> {
    let mut found = Vec::new();
    for (i, (first, _)) in singles.iter().enumerate() {
        for (second, _) in &singles[i + 1..] {
            if first.factor() == second.factor() {
                continue;
            }
            if verdict_with(input, &[*first, *second]) == target {
                found.push(Flip {
                    to: target,
                    changes: vec![*first, *second],
                });
                if found.len() == PER_TARGET - 1 {
                    return found;
                }
            }
        }
    }
    found
}

fn verdict_with(input: &Input, changes: &[Choice]) -> Verdict {
    let mut changed = input.clone();
    for choice in changes {
        changed.answers.choose(*choice);
    }
    decide(&changed).verdict
}
