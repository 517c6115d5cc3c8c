//! The cloud panel's state: the endpoint settings, the key, and the call's phase and result.
//!
//! The key lives here, in memory; it reaches local storage only through the panel's effect,
//! and only while "remember on this device" is ticked.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use crate::cloud::protocol::CloudCall;
use crate::cloud::{ApiKey, Endpoint, Provider};

/// Where the settings (never the key) are kept between visits.
pub const SETTINGS_ITEM: &str = "local-or-cloud:cloud";
/// Where the key is kept, only when the visitor asks for it.
pub const KEY_ITEM: &str = "local-or-cloud:cloud-key";
/// Seconds before an unanswered call is stopped, unless the visitor sets another figure.
pub const DEFAULT_TIMEOUT_S: u32 = 30;

/// What a cloud call was asked, kept by the panel to go with the worker's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Asked {
    pub text: String,
    pub model: String,
    pub on_this_machine: bool,
}

/// A finished cloud call, with what it was asked.
#[derive(Debug, Clone, PartialEq)]
pub struct CloudResult {
    pub asked: Asked,
    pub call: CloudCall,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum CloudPhase {
    #[default]
    Idle,
    Running,
    Done(Rc<CloudResult>),
    Failed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CloudState {
    pub endpoint: Endpoint,
    pub key: Option<ApiKey>,
    pub remember: bool,
    pub timeout_s: u32,
    pub phase: CloudPhase,
    /// The models a local server listed, or why it could not be asked.
    pub models: Option<Result<Vec<String>, String>>,
}

pub enum CloudAction {
    Provider(Provider),
    Base(String),
    Model(String),
    ApiVersion(String),
    Key(String),
    Remember(bool),
    Forget,
    Timeout(u32),
    Start,
    Finished(Result<Rc<CloudResult>, String>),
    Models(Result<Vec<String>, String>),
}

impl CloudState {
    /// The saved settings and, when it was remembered, the key.
    pub fn restored(default_model: &str) -> Self {
        let saved = browser::load(SETTINGS_ITEM).unwrap_or_default();
        let pairs: Vec<(String, String)> = form_urlencoded::parse(saved.as_bytes())
            .into_owned()
            .collect();
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        let provider = get("provider")
            .and_then(|p| Provider::from_key(&p))
            .unwrap_or(Provider::OpenAi);
        let key = browser::load(KEY_ITEM).and_then(|k| ApiKey::new(&k));
        Self {
            endpoint: Endpoint {
                provider,
                base_url: get("base").unwrap_or_else(|| provider.default_base().into()),
                model: get("model").unwrap_or_else(|| default_model.into()),
                api_version: get("api_version")
                    .unwrap_or_else(|| provider.default_api_version().unwrap_or("").into()),
            },
            remember: key.is_some(),
            key,
            timeout_s: DEFAULT_TIMEOUT_S,
            phase: CloudPhase::Idle,
            models: None,
        }
    }

    /// The settings as saved: everything but the key.
    pub fn settings_query(&self) -> String {
        let e = &self.endpoint;
        form_urlencoded::Serializer::new(String::new())
            .append_pair("provider", e.provider.key())
            .append_pair("base", &e.base_url)
            .append_pair("model", &e.model)
            .append_pair("api_version", &e.api_version)
            .finish()
    }
}

impl Reducible for CloudState {
    type Action = CloudAction;

    fn reduce(self: Rc<Self>, action: CloudAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            CloudAction::Provider(provider) => {
                next.endpoint.provider = provider;
                next.endpoint.base_url = provider.default_base().into();
                next.endpoint.api_version = provider.default_api_version().unwrap_or("").into();
                next.models = None;
            }
            CloudAction::Base(base) => next.endpoint.base_url = base,
            CloudAction::Model(model) => next.endpoint.model = model,
            CloudAction::ApiVersion(version) => next.endpoint.api_version = version,
            CloudAction::Key(key) => next.key = ApiKey::new(&key),
            CloudAction::Remember(on) => next.remember = on,
            CloudAction::Forget => {
                next.key = None;
                next.remember = false;
            }
            CloudAction::Timeout(seconds) => next.timeout_s = seconds.clamp(1, 600),
            CloudAction::Start => next.phase = CloudPhase::Running,
            CloudAction::Finished(Ok(result)) => next.phase = CloudPhase::Done(result),
            CloudAction::Finished(Err(message)) => next.phase = CloudPhase::Failed(message),
            CloudAction::Models(models) => next.models = Some(models),
        }
        Rc::new(next)
    }
}
