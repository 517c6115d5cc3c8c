//! Each factor's pull as a diverging bar chart: towards the device on the left, the cloud on the right.

use crate::decimal::Plain;
use yew::prelude::*;

use crate::engine::questions::{title, ASKED_ORDER};
use crate::engine::recommend::{Direction, FactorResult};

const WIDTH: f64 = 600.0;
const ROW: f64 = 26.0;
const TOP: f64 = 24.0;
const CENTER: f64 = 420.0;
const HALF: f64 = 170.0;
/// The largest factor weight, so the strongest possible pull fills half the chart.
const MAX_WEIGHT: f64 = 3.0;

#[derive(Properties, PartialEq)]
pub struct FactorChartProps {
    pub factors: Vec<FactorResult>,
}

#[function_component(FactorChart)]
pub fn factor_chart(props: &FactorChartProps) -> Html {
    let rows: Vec<&FactorResult> = ASKED_ORDER
        .iter()
        .filter_map(|factor| props.factors.iter().find(|f| f.factor == *factor))
        .collect();
    let height = TOP + ROW * rows.len() as f64 + 4.0;
    let summary = rows
        .iter()
        .map(|f| {
            let side = match f.direction {
                Direction::Local => "towards the device",
                Direction::Cloud => "towards the cloud",
                Direction::Neutral => "neither way",
            };
            format!("{}: {side}", title(f.factor))
        })
        .collect::<Vec<_>>()
        .join("; ");

    let bars = rows.iter().enumerate().map(|(i, f)| {
        let y = TOP + ROW * i as f64;
        let length = (f.pull * f.weight / MAX_WEIGHT).clamp(-1.0, 1.0) * HALF;
        let (x, w) = if length < 0.0 { (CENTER + length, -length) } else { (CENTER, length) };
        let class = match f.direction {
            Direction::Local => "bar local",
            Direction::Cloud => "bar cloud",
            Direction::Neutral => "bar neutral",
        };
        let label_class = if f.option.is_some() { "label" } else { "label unanswered" };
        html! {
            <g>
                <text x="0" y={ Plain(y + 17.0).to_string() } class={ label_class }>{ title(f.factor) }</text>
                <rect x={ Plain(x).to_string() } y={ Plain(y + 5.0).to_string() } width={ Plain(w.max(1.0)).to_string() }
                    height="16" rx="2" class={ class } />
            </g>
        }
    });

    html! {
        <svg class="factor-chart" viewBox={ format!("0 0 {} {}", Plain(WIDTH), Plain(height)) } role="img"
            aria-labelledby="factor-chart-title factor-chart-desc">
            <title id="factor-chart-title">{ "How each factor pulls" }</title>
            <desc id="factor-chart-desc">{ summary }</desc>
            <text x={ Plain(CENTER - HALF).to_string() } y="14" class="axis">{ "← device" }</text>
            <text x={ Plain(CENTER + HALF).to_string() } y="14" class="axis end">{ "cloud →" }</text>
            <line x1={ Plain(CENTER).to_string() } x2={ Plain(CENTER).to_string() } y1={ Plain(TOP).to_string() }
                y2={ Plain(height).to_string() } class="axis-line" />
            { for bars }
        </svg>
    }
}
