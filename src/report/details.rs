//! The result panel's details the report worker writes: a hybrid's plan, and the verdict's
//! reach (the share of a surveyed fleet whose devices hold the model the answers imply, for the
//! runtime the feature ships on, and what the rest would cost in the cloud).
//!
//! As HTML for the result panel and as a paragraph for the decision record; the page's bundle
//! carries neither the surveys nor the plan's words.

use crate::decimal::{dollars, grouped, Fixed, Plain};
use crate::device::catalogue::{ModelShape, CATALOGUE};
use crate::device::fit::{memory, Precision};
use crate::device::fleet::FleetData;
use crate::device::runtime::RuntimeClass;
use crate::engine::factor::{ModelSize, Tooling};
use crate::engine::hybrid::HybridMode;
use crate::engine::recommend::{HybridPlan, Recommendation, Verdict};
use crate::engine::stacks::Stack;
use crate::html_text::escape;

/// The context the reach is judged at: the device panel's default.
pub const CONTEXT: u32 = 4_096;

/// The model a task size stands for: the same sizes the cost model assumes for the download
/// (`engine::cost::download_gb`), each a widely shipped open model of that class.
pub fn advised_model(size: Option<ModelSize>) -> &'static ModelShape {
    let name = match size {
        Some(ModelSize::Small) => "Llama 3.2 1B",
        Some(ModelSize::Medium) | None => "Phi-4-mini (3.8B)",
        Some(ModelSize::Large) => "Qwen2.5 7B",
    };
    CATALOGUE
        .iter()
        .find(|m| m.name == name)
        .unwrap_or(&CATALOGUE[0])
}

/// The runtime a feature's reach is quoted for: a native app's CPU for the native toolings, the
/// browser's GPU (the WebLLM class) for a web feature. The other classes are shown beside it.
pub fn quoted_class(tooling: Option<Tooling>) -> RuntimeClass {
    match tooling {
        Some(Tooling::Web) => RuntimeClass::BrowserGpu,
        _ => RuntimeClass::NativeCpu,
    }
}

/// Whether a verdict stands on the devices that can run it: local, or a hybrid that runs on the
/// device where it can (capability-gated, local first).
pub fn stands_on_reach(r: &Recommendation) -> bool {
    let gated = r
        .hybrid
        .as_ref()
        .is_some_and(|h| matches!(h.mode, HybridMode::CapabilityGated | HybridMode::LocalFirst));
    r.verdict == Verdict::Local || (r.verdict == Verdict::Hybrid && gated)
}

/// The figures behind the reach: every class's share, the quoted one, the survey and the cost
/// of the devices that fall back.
#[derive(Debug, Clone, PartialEq)]
pub struct ReachFigures<'a> {
    pub model: &'static str,
    pub quoted: RuntimeClass,
    /// Each runtime class with the share of the surveyed fleet that holds the model (0 to 1).
    pub shares: Vec<(RuntimeClass, f64)>,
    pub share: f64,
    pub date: &'a str,
    pub population: &'a str,
    pub source: &'a str,
    /// The cloud's monthly cost for the share that falls back; None without a cost figure, or
    /// for a local verdict (which has no cloud path to fall back to).
    pub fallback_per_month: Option<f64>,
}

/// The reach of the advised model; None where the surveys cover no class.
pub fn reach_of<'a>(
    r: &Recommendation,
    size: Option<ModelSize>,
    tooling: Option<Tooling>,
    fleet: &'a FleetData,
) -> Option<ReachFigures<'a>> {
    let model = advised_model(size);
    let needs = memory(model, Precision::Q4, CONTEXT);
    let shares: Vec<(RuntimeClass, f64)> = RuntimeClass::ALL
        .iter()
        .filter_map(|class| Some((*class, fleet.memory_reach(*class, &needs)?.share)))
        .collect();
    let quoted = quoted_class(tooling);
    let from = fleet.memory_reach(quoted, &needs)?;
    let falls_back = r.verdict == Verdict::Hybrid;
    Some(ReachFigures {
        model: model.name,
        quoted,
        share: from.share,
        shares,
        date: &from.from.date,
        population: &from.from.population,
        source: &from.from.source,
        fallback_per_month: r
            .cost
            .as_ref()
            .filter(|_| falls_back)
            .map(|c| c.cloud_per_month * (1.0 - from.share)),
    })
}

/// The sentence the verdict quotes.
pub fn reach_sentence(f: &ReachFigures) -> String {
    let percent = |share: f64| Fixed(share * 100.0, 0);
    let mut text = format!(
        "About {}% of the PCs in Valve's Steam survey ({}) have the memory to run {} at 4 bits ({}, {} tokens of context); memory only, not speed.",
        percent(f.share),
        f.date,
        f.model,
        f.quoted.label(),
        grouped(f64::from(CONTEXT))
    );
    if let Some(cost) = f.fallback_per_month {
        text += &format!(
            " The other {}% would fall back to the cloud: about {} a month of the cost panel's cloud bill.",
            percent(1.0 - f.share),
            dollars(cost)
        );
    }
    text
}

/// The result panel's `#hybrid-plan`: how the architecture works, when it applies, why not its
/// nearest neighbour, and what it takes to build.
pub fn plan_html(h: &HybridPlan) -> String {
    let mut out = format!(
        "<div class=\"plan\" id=\"hybrid-plan\" data-mode=\"{}\"><p>{}</p><p>{}</p><p class=\"muted\">When it applies: {}</p><h4>What it takes to build</h4><ul class=\"takes\">",
        h.mode.key(),
        escape(h.how()),
        escape(h.not_nearest()),
        escape(h.when())
    );
    for piece in h.takes() {
        out += &format!("<li>{}</li>", escape(&piece));
    }
    out + "</ul></div>"
}

/// The result panel's recommended stacks (`#stacks`); nothing for an undecided verdict.
pub fn stacks_html(stacks: &[Stack]) -> String {
    if stacks.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "<h3 id=\"stacks-title\">Recommended stacks</h3><ul class=\"stacks\" id=\"stacks\">",
    );
    for s in stacks {
        out += &format!(
            "<li data-side=\"{}\"><a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a> — {}</li>",
            s.side.key(),
            escape(s.docs),
            escape(s.name),
            escape(s.why)
        );
    }
    out + "</ul>"
}

/// The result panel's `#reach`: the sentence and a bar per runtime class.
pub fn reach_html(f: &ReachFigures) -> String {
    let mut out = format!(
        "<div class=\"reach\" id=\"reach\" data-model=\"{}\" data-runtime=\"{}\" data-local-share=\"{}\" data-fleet-source=\"survey\" data-survey-date=\"{}\"><h3>Who can run it</h3><p>{}</p><ul class=\"reach-bars\">",
        escape(f.model),
        f.quoted.key(),
        Plain(f.share),
        escape(f.date),
        escape(&reach_sentence(f))
    );
    for (class, share) in &f.shares {
        let percent = Fixed(share * 100.0, 0);
        out += &format!(
            "<li data-runtime=\"{}\"><span>{}</span><meter min=\"0\" max=\"1\" value=\"{}\">{percent}%</meter> {percent}%</li>",
            class.key(),
            escape(class.label()),
            Plain(*share)
        );
    }
    out += &format!(
        "</ul><p class=\"muted small\">{}. Source: <a href=\"{1}\" target=\"_blank\" rel=\"noopener\">{1}</a>. No public survey gives phones' memory.</p></div>",
        escape(f.population),
        escape(f.source)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{cost::PriceTable, recommend, Input, Measured};
    use crate::share;
    use std::rc::Rc;

    fn fleet() -> FleetData {
        FleetData::parse(include_str!("../../static/data/fleet.json")).expect("committed surveys")
    }

    fn advice(query: &str) -> (Recommendation, share::Shared) {
        let (shared, notices) = share::parse(query);
        assert!(notices.is_empty(), "{notices:?}");
        let prices = Rc::new(crate::engine::prices::committed().table_on("2026-12-07"));
        let prices: Rc<PriceTable> = prices;
        let input =
            Input::scored_on_page(&shared.answers, &shared.cost, &prices, Measured::default());
        (recommend(&input), shared)
    }

    fn figures<'a>(
        r: &Recommendation,
        shared: &share::Shared,
        fleet: &'a FleetData,
    ) -> ReachFigures<'a> {
        let a = &shared.answers;
        reach_of(r, a.model_size(), a.tooling(), fleet).expect("the surveys cover the class")
    }

    #[test]
    fn every_task_size_names_a_model_of_the_catalogue() {
        let names: Vec<&str> = [
            None,
            Some(ModelSize::Small),
            Some(ModelSize::Medium),
            Some(ModelSize::Large),
        ]
        .into_iter()
        .map(|size| advised_model(size).name)
        .collect();
        assert_eq!(
            names,
            [
                "Phi-4-mini (3.8B)",
                "Llama 3.2 1B",
                "Phi-4-mini (3.8B)",
                "Qwen2.5 7B"
            ]
        );
    }

    #[test]
    fn a_bigger_model_never_reaches_more_of_the_fleet_in_any_class() {
        let fleet = fleet();
        let sizes = [ModelSize::Small, ModelSize::Medium, ModelSize::Large];
        for class in RuntimeClass::ALL {
            let shares: Vec<f64> = sizes
                .iter()
                .map(|size| {
                    let needs = memory(advised_model(Some(*size)), Precision::Q4, CONTEXT);
                    fleet.memory_reach(class, &needs).expect("surveyed").share
                })
                .collect();
            assert!(
                shares.iter().all(|s| (0.0..=1.0).contains(s)),
                "{class:?} {shares:?}"
            );
            assert!(
                shares.windows(2).all(|w| w[0] >= w[1]),
                "{class:?} {shares:?}"
            );
        }
    }

    #[test]
    fn a_capability_gated_hybrid_quotes_its_share_and_the_cost_of_the_rest() {
        let fleet = fleet();
        let (r, shared) = advice(
            "privacy=internal&resources=mixed&model_size=medium&tooling=windows&cost=no_usage_fees&connectivity=intermittent",
        );
        assert!(
            stands_on_reach(&r),
            "{:?} {:?}",
            r.verdict,
            r.hybrid.map(|h| h.mode)
        );
        assert_eq!(r.verdict, Verdict::Hybrid);
        let f = figures(&r, &shared, &fleet);
        assert_eq!(f.model, "Phi-4-mini (3.8B)");
        assert_eq!(f.quoted, RuntimeClass::NativeCpu);
        assert_eq!(f.date, "2026-04");
        assert_eq!(f.shares.len(), 4);
        let cost = r.cost.as_ref().expect("the default model is priced");
        let fallback = f.fallback_per_month.expect("a hybrid falls back");
        assert!((fallback - cost.cloud_per_month * (1.0 - f.share)).abs() < 1e-9);
        let html = reach_html(&f);
        assert!(html
            .contains("id=\"reach\" data-model=\"Phi-4-mini (3.8B)\" data-runtime=\"native-cpu\""));
        assert!(html.contains("data-fleet-source=\"survey\" data-survey-date=\"2026-04\""));
        assert_eq!(html.matches("<li data-runtime=").count(), 4);
    }

    #[test]
    fn a_local_verdict_has_no_fallback_cost_and_a_cloud_verdict_no_reach() {
        let fleet = fleet();
        let (local, shared) =
            advice("privacy=device_only&connectivity=offline&model_size=small&tooling=web");
        assert_eq!(local.verdict, Verdict::Local);
        assert!(stands_on_reach(&local));
        let f = figures(&local, &shared, &fleet);
        assert_eq!(f.quoted, RuntimeClass::BrowserGpu);
        assert_eq!(f.fallback_per_month, None);
        assert!(!reach_sentence(&f).contains("fall back"));
        let (cloud, _) =
            advice("privacy=public&model_size=large&collaboration=anywhere&connectivity=always");
        assert_eq!(cloud.verdict, Verdict::Cloud);
        assert!(!stands_on_reach(&cloud));
    }
}
