//! Cumulative cost over 24 months, cloud against local, with the break-even point marked.

use crate::decimal::{Fixed, Plain};
use yew::prelude::*;

use crate::decimal::dollars;
use crate::engine::cost::{CostComparison, MonthPoint};

const W: f64 = 600.0;
const H: f64 = 220.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 580.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 190.0;

#[derive(Properties, PartialEq)]
pub struct CostChartProps {
    pub cost: CostComparison,
}

#[function_component(CostChart)]
pub fn cost_chart(props: &CostChartProps) -> Html {
    let c = &props.cost;
    let last = c.cumulative.last().map_or(0.0, |p| p.cloud.max(p.local));
    let top = if last > 0.0 { last * 1.1 } else { 1.0 };
    let months = c.cumulative.len().saturating_sub(1).max(1) as f64;
    let x = |month: f64| LEFT + (RIGHT - LEFT) * month / months;
    let y = |value: f64| BOTTOM - (BOTTOM - TOP) * value / top;
    // One polyline per side, from the same monthly points.
    let series = |value: fn(&MonthPoint) -> f64| {
        c.cumulative
            .iter()
            .map(|p| {
                format!(
                    "{},{}",
                    Fixed(x(f64::from(p.month)), 1),
                    Fixed(y(value(p)), 1)
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let cloud = series(|p| p.cloud);
    let local = series(|p| p.local);
    let local_at = |month: u32| {
        c.cumulative
            .get(month as usize)
            .map_or(c.local_upfront, |p| p.local)
    };
    let break_even = c
        .break_even_month
        // Month 0 means local never costs more, which the lines already show.
        .filter(|m| *m > 0 && f64::from(*m) <= months)
        .map(|m| {
            let (bx, by) = (x(f64::from(m)), y(local_at(m)));
            html! {
                <g class="break-even">
                    <circle cx={ Plain(bx).to_string() } cy={ Plain(by).to_string() } r="5" />
                    <text x={ Plain(bx + 8.0).to_string() } y={ Plain((by - 8.0).max(TOP + 10.0)).to_string() }>
                        { format!("break-even: month {m}") }
                    </text>
                </g>
            }
        });
    let ticks = [0.0, 6.0, 12.0, 18.0, 24.0].into_iter().filter(|m| *m <= months).map(|m| html! {
        <text x={ Plain(x(m)).to_string() } y={ Plain(BOTTOM + 18.0).to_string() } class="tick">{ Fixed(m, 0).to_string() }</text>
    });
    let description = format!(
        "Over {} months the cloud costs {} in total ({} a month); the device costs {} in total ({} up front, then {} a month in model updates). {}",
        Fixed(months, 0),
        dollars(c.cumulative.last().map_or(0.0, |p| p.cloud)),
        dollars(c.cloud_per_month),
        dollars(c.cumulative.last().map_or(0.0, |p| p.local)),
        dollars(c.local_upfront + c.local_first_download),
        dollars(c.local_updates_per_month),
        match c.break_even_month {
            Some(0) => "Local is cheaper from the start.".to_owned(),
            Some(m) => format!("They break even in month {m}."),
            None => "They never break even.".to_owned(),
        }
    );
    html! {
        <svg class="cost-chart" viewBox={ format!("0 0 {} {}", Plain(W), Plain(H)) } role="img"
            aria-labelledby="cost-chart-title cost-chart-desc">
            <title id="cost-chart-title">{ "Cumulative cost by month" }</title>
            <desc id="cost-chart-desc">{ description }</desc>
            <line x1={ Plain(LEFT).to_string() } x2={ Plain(RIGHT).to_string() } y1={ Plain(BOTTOM).to_string() } y2={ Plain(BOTTOM).to_string() } class="axis-line" />
            <line x1={ Plain(LEFT).to_string() } x2={ Plain(LEFT).to_string() } y1={ Plain(TOP).to_string() } y2={ Plain(BOTTOM).to_string() } class="axis-line" />
            <text x={ Plain(LEFT - 6.0).to_string() } y={ Plain(TOP + 10.0).to_string() } class="tick end">{ dollars(top) }</text>
            <text x={ Plain(LEFT - 6.0).to_string() } y={ Plain(BOTTOM).to_string() } class="tick end">{ "$0" }</text>
            { for ticks }
            <text x={ Plain(RIGHT).to_string() } y={ Plain(H - 2.0).to_string() } class="tick end">{ "months" }</text>
            <polyline points={ local } class="series local" />
            <polyline points={ cloud } class="series cloud" />
            { for break_even }
        </svg>
    }
}
