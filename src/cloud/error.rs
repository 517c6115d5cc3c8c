//! `CloudError`, the cloud boundary's error enum, and how HTTP answers become one.
//!
//! Every message says what happened and what to do, and none carries the key: server messages
//! are shortened and have the key cut out before they are kept.

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
    #[error("Rate limited (HTTP 429) after {attempts} attempts{}. Wait a little and try again.", wait_text(*.retry_after_s))]
    RateLimited {
        retry_after_s: Option<f64>,
        attempts: u32,
    },
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

fn wait_text(retry_after_s: Option<f64>) -> String {
    retry_after_s.map_or_else(String::new, |s| {
        format!(" (the server asked for {s:.0} s between attempts)")
    })
}

impl CloudError {
    /// Whether another attempt may succeed on its own.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            CloudError::RateLimited { .. } | CloudError::Server { .. }
        )
    }
}

/// Turns a non-2xx answer into an error. `retry_after` is the header's raw value and `body`
/// the response text; `key` is cut out of anything kept from the body.
pub fn from_status(
    status: u16,
    retry_after: Option<&str>,
    body: &str,
    model: &str,
    key: Option<&str>,
) -> CloudError {
    match status {
        401 => CloudError::Unauthorized(401),
        403 => CloudError::Forbidden,
        404 => CloudError::NotFound(model.to_owned()),
        429 => CloudError::RateLimited {
            retry_after_s: retry_after.and_then(parse_retry_after),
            attempts: 1,
        },
        500..=599 => CloudError::Server {
            status,
            attempts: 1,
        },
        _ => CloudError::Refused {
            status,
            message: server_message(body, key),
        },
    }
}

/// Retry-After in seconds. An HTTP date is not read: the backoff then applies instead.
pub fn parse_retry_after(value: &str) -> Option<f64> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0)
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
