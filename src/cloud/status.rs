//! How a non-2xx answer becomes a `CloudError`: the status first, then the error body's `code`
//! and `type`, since one status stands for causes that need different handling.
//!
//! OpenAI answers both a rate limit and an empty account with 429, told apart only by
//! `insufficient_quota`; Azure answers a prompt its filter refused with 400 `content_filter`;
//! a 404 names a deployment on Azure's deployment URL and a model everywhere else.

use serde_json::Value;

use super::error::{server_message, CloudError};
use super::provider::Provider;

/// The error codes OpenAI gives an account that cannot pay for the call
/// (platform.openai.com/docs/guides/error-codes): `insufficient_quota` is both the type and,
/// on older answers, the code; the newer codes say which limit was hit.
const QUOTA_CODES: &[&str] = &[
    "insufficient_quota",
    "credit_balance_exhausted",
    "organization_spend_limit_exceeded",
    "project_spend_limit_exceeded",
    "organization_usage_limit_exceeded",
    "billing_hard_limit_reached",
    "billing_not_active",
];

/// The codes a server gives a model name it does not know: OpenAI's `model_not_found`, Azure
/// AI Foundry's `unknown_model`, and the `not_found_error` type Ollama's OpenAI layer sends.
const MODEL_CODES: &[&str] = &["model_not_found", "unknown_model", "not_found_error"];

/// The machine-readable parts of an OpenAI-style error body. A code may be a string or, from
/// some servers, a number; Azure puts a second code in `innererror`.
#[derive(Debug, Default, PartialEq)]
pub struct ErrorBody {
    pub codes: Vec<String>,
    pub message: String,
}

impl ErrorBody {
    /// Reads what it can; a body that is not JSON gives no codes.
    pub fn parse(body: &str) -> Self {
        let Ok(value) = serde_json::from_str::<Value>(body) else {
            return Self::default();
        };
        let error = value.get("error").unwrap_or(&value);
        let text = |v: Option<&Value>| match v {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let codes = [
            error.get("code"),
            error.get("type"),
            error.pointer("/innererror/code"),
        ]
        .into_iter()
        .filter_map(text)
        .collect();
        let message = text(error.get("message")).unwrap_or_default();
        Self { codes, message }
    }

    /// Whether any of the body's codes is one of `codes`, compared as ASCII without case.
    pub fn has_code(&self, codes: &[&str]) -> Option<&str> {
        self.codes
            .iter()
            .find(|c| codes.iter().any(|k| k.eq_ignore_ascii_case(c)))
            .map(String::as_str)
    }
}

/// Turns a non-2xx answer into an error. `wait_s` is the wait the headers asked for
/// (`retry::wait_from_headers`), `body` the response text, `provider` and `model` what was
/// asked; `key` is cut out of anything kept from the body.
pub fn from_status(
    status: u16,
    wait_s: Option<f64>,
    body: &str,
    provider: Provider,
    model: &str,
    key: Option<&str>,
) -> CloudError {
    let error = ErrorBody::parse(body);
    let model = model.trim().to_owned();
    let context_message = error.message.contains("maximum context length");
    match status {
        401 => CloudError::Unauthorized(401),
        403 => CloudError::Forbidden,
        400 | 404 if error.has_code(&["DeploymentNotFound"]).is_some() => {
            CloudError::DeploymentNotFound(model)
        }
        400 | 404 if error.has_code(MODEL_CODES).is_some() => CloudError::ModelNotFound {
            status,
            code: error.has_code(MODEL_CODES).unwrap_or_default().to_owned(),
            model,
        },
        // The deployment URL names a deployment, so a bare 404 there means that name.
        404 if provider == Provider::AzureOpenAi => CloudError::DeploymentNotFound(model),
        404 => CloudError::NotFound(model),
        429 if error.has_code(QUOTA_CODES).is_some() => CloudError::QuotaExhausted,
        429 => CloudError::RateLimited {
            retry_after_s: wait_s,
            attempts: 1,
        },
        400 if error
            .has_code(&["content_filter", "ResponsibleAIPolicyViolation"])
            .is_some() =>
        {
            CloudError::PromptFiltered
        }
        // vLLM and llama.cpp say it in words where OpenAI gives the code.
        400 if error.has_code(&["context_length_exceeded"]).is_some() || context_message => {
            CloudError::ContextTooLong
        }
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

/// An error object inside a 200 stream: a filter that stopped the answer has its own message,
/// anything else is the server's refusal.
pub fn from_stream_error(body: &str) -> CloudError {
    let error = ErrorBody::parse(body);
    if error
        .has_code(&["content_filter", "ResponsibleAIPolicyViolation"])
        .is_some()
    {
        return CloudError::AnswerFiltered;
    }
    CloudError::Refused {
        status: 200,
        message: server_message(body, None),
    }
}
