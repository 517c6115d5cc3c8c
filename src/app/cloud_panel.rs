//! "Compare with a cloud model": the endpoint form, the call with its cancel button, and the result.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::markup::slot;

use super::analyzer_state::use_analyzer;
use super::browser;
use super::cloud_comparison::comparison;
use super::cloud_state::{
    Asked, CloudAction, CloudPhase, CloudResult, CloudState, KEY_ITEM, SETTINGS_ITEM,
};
use super::cloud_worker::{use_cloud_worker, CloudLink};
use super::state::{use_advisor, Action};
use crate::cloud::protocol::{CloudReply, CloudRequest};
use crate::cloud::Provider;

fn text_field(id: &str, label: &str, value: &str, kind: &str, on: Callback<String>) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        on.emit(input.value());
    });
    html! {
        <div class="field">
            <label for={ id.to_owned() }>{ label }</label>
            <input id={ id.to_owned() } type={ kind.to_owned() } value={ value.to_owned() }
                autocomplete="off" spellcheck="false" { oninput } />
        </div>
    }
}

/// What the page says when the browser will not keep the cloud settings or the key.
const NOT_SAVED: &str = "This browser refused to save the cloud settings and the key on this device (private browsing, or full storage): they stay in this page until it is closed.";

#[function_component(CloudPanel)]
pub fn cloud_panel() -> Html {
    let advisor = use_advisor();
    let analyzer = use_analyzer();
    // The form starts on the cost panel's default model, so both sides price the same one.
    let cloud = {
        let model = advisor.prices.default_model.clone();
        use_reducer(move || CloudState::restored(&model))
    };
    let asked = use_mut_ref(|| None::<Asked>);
    let on_reply = {
        let (cloud, advisor, asked) = (cloud.dispatcher(), advisor.dispatcher(), asked.clone());
        use_callback((), move |reply: CloudReply, _| match reply {
            CloudReply::Called(result) => {
                // No question waiting means this answer is stale (the panel already gave up).
                let Some(asked) = asked.borrow_mut().take() else {
                    return;
                };
                let result = result.map(|call| CloudResult { asked, call });
                if let Ok(result) = &result {
                    advisor.dispatch(Action::CloudLatency(result.call.outcome.total_ms));
                }
                cloud.dispatch(CloudAction::Finished(result.map(Rc::new)));
            }
            CloudReply::Models(found) => cloud.dispatch(CloudAction::Models(found)),
        })
    };
    let worker = use_cloud_worker(on_reply);

    // The settings are saved as they change; the key only while "remember" is ticked, and it
    // is removed the moment the box is cleared or the key forgotten.
    {
        let saved = (cloud.settings_query(), cloud.remember, cloud.key.clone());
        let advisor = advisor.dispatcher();
        use_effect_with(saved, move |(settings, remember, key)| {
            // A browser that refuses (private mode, a full quota) is said, never ignored: the
            // visitor would otherwise believe the key is remembered.
            let settings_saved = browser::store(SETTINGS_ITEM, settings);
            let kept = key.as_ref().filter(|_| *remember);
            let key_saved = browser::store(KEY_ITEM, kept.map_or("", |k| k.expose()));
            if key_saved.and(settings_saved).is_err() {
                advisor.dispatch(Action::Notice(NOT_SAVED.into()));
            }
        });
    }

    let dispatch = |make: fn(String) -> CloudAction| {
        let cloud = cloud.clone();
        Callback::from(move |value: String| cloud.dispatch(make(value)))
    };
    let offline = advisor.device.is_offline();
    let running = matches!(cloud.phase, CloudPhase::Running);
    let text = advisor.shared.describe.clone().unwrap_or_default();

    let run = {
        let (cloud, analyzer, worker, asked) = (
            cloud.clone(),
            analyzer.clone(),
            worker.clone(),
            asked.clone(),
        );
        let text = text.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            start(&cloud, &analyzer, &worker, &asked, &text);
        })
    };
    let cancel = {
        let worker = worker.clone();
        Callback::from(move |_: MouseEvent| worker.send(CloudRequest::Cancel))
    };
    let on_provider = {
        let cloud = cloud.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(p) = Provider::from_key(&select.value()) {
                cloud.dispatch(CloudAction::Provider(p));
            }
        })
    };
    let on_remember = {
        let cloud = cloud.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cloud.dispatch(CloudAction::Remember(input.checked()));
        })
    };
    let forget = {
        let cloud = cloud.clone();
        Callback::from(move |_: MouseEvent| cloud.dispatch(CloudAction::Forget))
    };
    let find_models = {
        let (cloud, worker) = (cloud.clone(), worker.clone());
        Callback::from(move |_: MouseEvent| {
            worker.send(CloudRequest::ListModels {
                base: cloud.endpoint.base_url.clone(),
                key: cloud.key.as_ref().map(|k| k.expose().to_owned()),
            });
        })
    };

    let e = &cloud.endpoint;
    let providers = Provider::ALL.iter().map(|p| {
        html! {
            <option value={ p.key() } selected={ *p == e.provider }>{ p.label() }</option>
        }
    });
    let models = cloud.models.as_ref().map(|found| match found {
        Ok(list) if list.is_empty() => html! { <p id="cloud-models" class="muted small">{ "The server lists no models." }</p> },
        Ok(list) => html! { <p id="cloud-models" class="muted small">{ format!("The server has: {}.", list.join(", ")) }</p> },
        Err(message) => html! { <p id="cloud-models" class="error small">{ message }</p> },
    });
    let status = match (&cloud.phase, offline) {
        (_, true) => {
            html! { <p id="cloud-status" data-state="offline" role="status">{ crate::cloud::CloudError::Offline.to_string() }</p> }
        }
        (CloudPhase::Running, _) => {
            html! { <p id="cloud-status" data-state="running" role="status">{ "Calling the cloud model…" }</p> }
        }
        (CloudPhase::Failed(message), _) => {
            html! { <p id="cloud-status" data-state="failed" role="alert" class="error">{ message }</p> }
        }
        (CloudPhase::Done(_), _) => {
            html! { <p id="cloud-status" data-state="done" role="status">{ "Done. The same text, side by side:" }</p> }
        }
        (CloudPhase::Idle, _) => {
            html! { <p id="cloud-status" data-state="idle" role="status" class="muted">{ "The text above is sent only when you press the button." }</p> }
        }
    };
    let result = match &cloud.phase {
        CloudPhase::Done(result) => {
            let local = analyzer
                .state
                .last
                .as_ref()
                .filter(|a| a.text == result.asked.text);
            comparison(
                result,
                local.map(|a| &**a),
                &advisor.shared.cost,
                &advisor.prices,
            )
        }
        _ => Html::default(),
    };
    let key_value = cloud.key.as_ref().map_or("", |k| k.expose()).to_owned();

    html! {
        <section id="cloud" class="panel" aria-labelledby="cloud-title">
            <h2 id="cloud-title">{ "Compare with a cloud model" }</h2>
            <p class="muted small">{ "Runs the same description through an OpenAI-compatible chat model, asking for the same labels. Your key stays in this page's memory unless you ask to remember it, and is sent only to the endpoint below." }</p>
            <form class="fields" onsubmit={ run }>
                <div class="field">
                    <label for="cloud-provider">{ "Provider" }</label>
                    <select id="cloud-provider" onchange={ on_provider }>{ for providers }</select>
                </div>
                { text_field("cloud-base", "Base URL", &e.base_url, "url", dispatch(CloudAction::Base)) }
                { text_field("cloud-model", if e.provider == Provider::AzureOpenAi { "Deployment" } else { "Model" }, &e.model, "text", dispatch(CloudAction::Model)) }
                if e.provider.default_api_version().is_some() {
                    { text_field("cloud-api-version", "api-version", &e.api_version, "text", dispatch(CloudAction::ApiVersion)) }
                }
                { text_field("cloud-key", "API key", &key_value, "password", dispatch(CloudAction::Key)) }
                { text_field("cloud-timeout", "Timeout (s)", &cloud.timeout_s.to_string(), "number",
                    dispatch(|v| CloudAction::Timeout(v.trim().parse().unwrap_or(super::cloud_state::DEFAULT_TIMEOUT_S)))) }
                <div class="field">
                    <label for="cloud-remember">
                        <input type="checkbox" id="cloud-remember" checked={ cloud.remember } onchange={ on_remember } />
                        { " Remember the key on this device" }
                    </label>
                    if cloud.key.is_some() || cloud.remember {
                        <button type="button" class="link" id="cloud-forget" onclick={ forget }>{ "Forget the key" }</button>
                    }
                </div>
                <p class="actions">
                    <button type="submit" id="cloud-run" disabled={ running || offline }>{ "Run it in the cloud" }</button>
                    if running {
                        <button type="button" id="cloud-cancel" class="secondary" onclick={ cancel }>{ "Cancel" }</button>
                    }
                    if e.provider.on_this_machine() || e.provider == Provider::Custom {
                        <button type="button" id="cloud-find-models" class="secondary" onclick={ find_models }>{ "List the server's models" }</button>
                    }
                </p>
            </form>
            { slot(models) }
            { status }
            { result }
        </section>
    }
}

/// Starts the call in the cloud worker, which builds the request, applies the timeout and
/// answers through the panel's reply callback; the local analysis of the same text is started
/// too when there is none yet.
fn start(
    cloud: &UseReducerHandle<CloudState>,
    analyzer: &super::analyzer_state::AnalyzerContext,
    worker: &CloudLink,
    asked: &Rc<RefCell<Option<Asked>>>,
    text: &str,
) {
    if text.trim().is_empty() {
        cloud.dispatch(CloudAction::Finished(Err(
            "Describe your feature above first: that text is what both sides analyze.".into(),
        )));
        return;
    }
    if analyzer.state.last.as_ref().is_none_or(|a| a.text != text) {
        analyzer.analyze.emit(text.to_owned());
    }
    let endpoint = cloud.endpoint.clone();
    *asked.borrow_mut() = Some(Asked {
        text: text.to_owned(),
        model: endpoint.model.trim().to_owned(),
        on_this_machine: endpoint.provider.on_this_machine(),
    });
    cloud.dispatch(CloudAction::Start);
    worker.send(CloudRequest::Call {
        endpoint,
        key: cloud.key.as_ref().map(|k| k.expose().to_owned()),
        text: text.to_owned(),
        timeout_s: cloud.timeout_s,
    });
}
