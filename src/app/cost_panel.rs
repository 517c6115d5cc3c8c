//! The cost inputs and the comparison they produce: per request, per month, and over 24 months.

use crate::decimal::{Fixed, Plain};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::markup::slot;

use super::browser;
use super::cost_chart::CostChart;
use super::recommendation::use_recommendation;
use super::state::{use_advisor, Action};
use crate::decimal::{dollars, grouped};
use crate::engine::cost::{months_old, Price, STALE_AFTER_MONTHS};
use crate::share::{CostField, Field};

#[function_component(CostPanel)]
pub fn cost_panel() -> Html {
    let state = use_advisor();
    let recommendation = use_recommendation();
    let cost = &state.shared.cost;
    let field = |cost: CostField, label: &'static str, value: String, step: &'static str| {
        let key = cost.key();
        let onchange = {
            let state = state.clone();
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                state.dispatch(Action::Field(Field::Cost(cost), input.value()));
            })
        };
        let error = state.field_error(Field::Cost(cost)).map(str::to_owned);
        let id = format!("cost-{key}");
        html! {
            <div class="field">
                <label for={ id.clone() }>{ label }</label>
                <input type="number" id={ id } name={ key } min="0" step={ step }
                    value={ value } { onchange } aria-invalid={ error.is_some().to_string() } />
                { for error.map(|e| html! { <span class="field-error" role="alert">{ e }</span> }) }
            </div>
        }
    };
    let on_model = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            state.dispatch(Action::Field(Field::CloudModel, select.value()));
        })
    };
    let table = &state.prices;
    let model = table.model_for(cost).to_owned();
    let list = table.find(&model);
    let (input_price, output_price) = match list {
        Some(p) => (
            cost.input_price.unwrap_or(p.input_per_million),
            cost.output_price.unwrap_or(p.output_per_million),
        ),
        None => (
            cost.input_price.unwrap_or(0.0),
            cost.output_price.unwrap_or(0.0),
        ),
    };
    let edited = cost.input_price.is_some() || cost.output_price.is_some();
    let back_to_list = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ListPrice))
    };
    let today = browser::today();
    let price_note = list.map(|p| price_note(p, &table.dataset, &today));
    let retirement = list
        .and_then(|p| Some((p, p.shutdown.as_ref()?)))
        .map(|(p, shutdown)| {
            let replace = {
                let (state, replacement) = (state.clone(), shutdown.replacement.clone());
                Callback::from(move |_: MouseEvent| {
                    state.dispatch(Action::Field(Field::CloudModel, replacement.clone()))
                })
            };
            let when = if shutdown.passed(&today) { "was shut down on" } else { "shuts down on" };
            html! {
                <p class="notice retirement" id="model-retirement" role="status" data-shutdown={ shutdown.date.clone() }>
                    { format!("{} {when} {} ({}); its named replacement is {}. ", p.model, shutdown.date, shutdown.source, shutdown.replacement) }
                    <button type="button" class="secondary" id="use-replacement" onclick={ replace }>
                        { format!("Cost it at {}", shutdown.replacement) }
                    </button>
                </p>
            }
        });
    let summary = recommendation.cost.as_ref().map(|c| {
        let break_even = match c.break_even_month {
            Some(0) => "With nothing to buy or download, local costs nothing from the start.".to_owned(),
            Some(m) => format!("The cloud's running cost passes the local side's in month {m}."),
            None => "At this volume the cloud never costs as much as the local side.".to_owned(),
        };
        html! {
            <>
                <p id="cost-summary">
                    { format!("Cloud ({}): {} a request, ", c.model, dollars(c.cloud_per_request)) }
                    <strong id="cloud-per-month">{ dollars(c.cloud_per_month) }</strong>
                    { format!(" a month for {} requests. On the device: {} of hardware and {} to send every user the {} GB model, then ",
                        grouped(c.requests_per_month), dollars(c.local_upfront), dollars(c.local_first_download), Fixed(c.local_download_gb, 1)) }
                    <strong id="local-per-month">{ dollars(c.local_updates_per_month) }</strong>
                    { format!(" a month for updates. {break_even}") }
                    if c.upgrade_assumed {
                        { format!(" The hardware is an assumed ${} per device, since the target devices cannot run the task; type your own upgrade price above.", Fixed(crate::engine::cost::ASSUMED_UPGRADE_PER_DEVICE, 0)) }
                    }
                </p>
                <CostChart cost={ c.clone() } />
                <p class="muted small">{ format!(
                    "{} per million tokens; 30-day months. Assumed for the device: the model's size from the task (4-bit), egress at ${} per GB and {} model updates a year.",
                    if c.price_edited { "Your prices" } else { "List prices" }, Plain(crate::engine::cost::EGRESS_PER_GB), Plain(crate::engine::cost::MODEL_UPDATES_PER_YEAR)
                ) }</p>
            </>
        }
    });
    html! {
        <div class="cost" id="cost">
            <h3>{ "Cost" }</h3>
            <div class="fields">
                { field(CostField::Users, "Users", cost.users.to_string(), "1") }
                { field(CostField::RequestsPerUserPerDay, "Requests per user per day", Plain(cost.requests_per_user_per_day).to_string(), "any") }
                { field(CostField::InputTokens, "Input tokens per request", cost.input_tokens.to_string(), "1") }
                { field(CostField::OutputTokens, "Output tokens per request", cost.output_tokens.to_string(), "1") }
                { field(CostField::UpgradePerDevice, "Hardware upgrade per device ($)", Plain(cost.upgrade_per_device).to_string(), "any") }
                <div class="field">
                    <label for="cost-model">{ "Cloud model" }</label>
                    <select id="cost-model" name="cloud_model" onchange={ on_model }>
                        { for table.prices.iter().map(|p| html! {
                            <option value={ p.model.clone() } selected={ p.model == model }>
                                { option_label(p) }
                            </option>
                        }) }
                    </select>
                </div>
                { field(CostField::PriceIn, "Input $ per 1M tokens", Plain(input_price).to_string(), "any") }
                { field(CostField::PriceOut, "Output $ per 1M tokens", Plain(output_price).to_string(), "any") }
            </div>
            if edited {
                <p class="price-edited" id="price-edited">
                    { "Costed at your prices. " }
                    <button type="button" class="secondary" id="list-price" onclick={ back_to_list }>{ "Back to the list price" }</button>
                </p>
            }
            { slot(price_note) }
            { slot(retirement) }
            { slot(summary) }
        </div>
    }
}

/// A model in the list: its id, provider, and what keeps it there when it is not current.
fn option_label(p: &Price) -> String {
    let why = match (&p.shutdown, p.legacy) {
        (Some(s), _) => &*format!(", shuts down {}", s.date),
        (None, true) => ", older",
        (None, false) => "",
    };
    format!("{} ({}{why})", p.model, p.provider)
}

/// The list price with its date and source; flagged when the dataset is older than six months.
fn price_note(p: &Price, dataset: &str, today: &str) -> Html {
    let age = today
        .get(..7)
        .and_then(|month| months_old(&p.taken_on, month));
    let stale = age.is_some_and(|months| months > STALE_AFTER_MONTHS);
    let since = p
        .since
        .as_ref()
        .map_or_else(String::new, |d| format!(", in force since {d}"));
    html! {
        <p class="muted small" id="price-source" data-stale={ stale.to_string() } data-taken-on={ p.taken_on.clone() }>
            { format!("List price {} in / {} out per 1M tokens{since}, from {dataset} ({}), which cites {}.",
                dollars(p.input_per_million), dollars(p.output_per_million), p.taken_on, p.source) }
            if stale {
                <strong class="stale">{ format!(" Possibly stale: older than {STALE_AFTER_MONTHS} months; type today's price above.") }</strong>
            }
        </p>
    }
}
