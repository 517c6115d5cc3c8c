//! `CloudError`, the cloud boundary's error enum, with the text the panel shows for each case.
//!
//! Every message says what happened and what to do, and none carries the key: server messages
//! are shortened and have the key cut out before they are kept. How an HTTP answer becomes one
//! of these is `status::from_status`.

use crate::decimal::Fixed;
use thiserror::Error;

/// How a cloud call failed. The text is what the panel shows.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum CloudError {
    #[error("The settings are not usable yet: {0}.")]
    Config(String),
    #[error(
        "The key was refused (HTTP {0}). Check that it is the key of this resource or account."
    )]
    Unauthorized(u16),
    #[error(
        "The key may not use this model or deployment (HTTP 403). Check its role or network rules."
    )]
    Forbidden,
    #[error("No model or deployment named '{0}' at this endpoint (HTTP 404). Check its name.")]
    NotFound(String),
    #[error("This Azure resource has no deployment named '{0}' (HTTP 404, DeploymentNotFound). Use the name you gave the deployment in the Azure portal, which may differ from the model's name; a deployment made in the last few minutes may not be ready yet.")]
    DeploymentNotFound(String),
    #[error("The server does not know the model '{model}', or this key may not use it (HTTP {status}, {code}). Check the model's exact name; for a server on this machine, List the server's models shows what it has.")]
    ModelNotFound {
        model: String,
        status: u16,
        code: String,
    },
    #[error("The account is out of credit or over its spending limit (HTTP 429, insufficient_quota), so the call was not retried: waiting will not help. Add credit or raise the limit in the provider's billing settings, then try again.")]
    QuotaExhausted,
    #[error("Rate limited (HTTP 429) after {attempts} attempts{}. Wait a little and try again.", wait_text(*.retry_after_s))]
    RateLimited {
        retry_after_s: Option<f64>,
        attempts: u32,
    },
    #[error("The description and the instructions are longer than this model's context window (HTTP 400, context_length_exceeded). Shorten the description, or choose a model with a longer context.")]
    ContextTooLong,
    #[error("The provider's content filter refused the request (HTTP 400, content_filter). Reword the description, or ask whoever runs the resource about its content filter settings.")]
    PromptFiltered,
    #[error("The provider's content filter stopped the answer (finish_reason content_filter), so there are no labels to compare. Reword the description and try again.")]
    AnswerFiltered,
    #[error("The answer was cut off at the token limit (finish_reason length) before its JSON was complete{}. Try again, or choose a model that answers without a long preamble.", if *.after_preamble { ", after a reasoning preamble used most of it" } else { "" })]
    Truncated { after_preamble: bool },
    #[error("The server failed (HTTP {status}) {attempts} times in a row. Try again later.")]
    Server { status: u16, attempts: u32 },
    #[error("The server refused the request (HTTP {status}): {message}")]
    Refused { status: u16, message: String },
    #[error("No complete answer within {0} s, so the call was stopped.")]
    Timeout(u32),
    #[error("Cancelled.")]
    Cancelled,
    #[error("This device is offline, so the cloud cannot be reached. The on-device analysis works without a network.")]
    Offline,
    #[error("The server answered, but it does not allow calls from a web page (CORS), so the browser withheld the answer. Call it from your own backend, or use a provider or local server that allows browser origins.")]
    Cors,
    #[error("Could not reach {0}. Check the address, and that the server is running.")]
    Unreachable(String),
    #[error("The answer was not the JSON that was asked for: {0}.")]
    Malformed(String),
    #[error("The stream stopped before the answer was complete. Try again.")]
    StreamCut,
}

/// The wait the server asked for, in the unit it was given in: Azure asks in milliseconds.
fn wait_text(retry_after_s: Option<f64>) -> String {
    match retry_after_s {
        Some(s) if s < 1.0 => format!(
            " (the server asked for {} ms between attempts)",
            Fixed(s * 1000.0, 0)
        ),
        Some(s) => format!(" (the server asked for {} s between attempts)", Fixed(s, 0)),
        None => String::new(),
    }
}

impl CloudError {
    /// Whether another attempt may succeed on its own. An exhausted quota is not: only a
    /// person adding credit ends it, and each retry would be refused (or billed) again.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            CloudError::RateLimited { .. } | CloudError::Server { .. }
        )
    }
}

/// The `error.message` of an OpenAI-style error body, or the start of the text; at most 200
/// characters, with the key (and anything that looks like one) removed.
pub fn server_message(body: &str, key: Option<&str>) -> String {
    let parsed = serde_json::from_str::<serde_json::Value>(body).ok();
    let message = parsed
        .as_ref()
        .and_then(|v| {
            v.pointer("/error/message")
                .or_else(|| v.pointer("/message"))
        })
        .and_then(|m| m.as_str())
        .unwrap_or(body);
    let mut text = match key.filter(|k| !k.is_empty()) {
        Some(key) => message.replace(key, "[key]"),
        None => message.to_owned(),
    };
    // Providers echo part of a wrong key ("Incorrect API key provided: sk-abc…"): drop words
    // that look like keys.
    text = text
        .split(' ')
        .map(|w| {
            if w.starts_with("sk-") || w.len() > 40 {
                "[hidden]"
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let text: String = text.chars().filter(|c| !c.is_control()).take(200).collect();
    if text.trim().is_empty() {
        "no reason given".to_owned()
    } else {
        text
    }
}
