//! What the mock cloud does with a request: its method, path, key and body select a plan (an
//! answer, a fixture stream, an error fixture, or a misbehaviour) before anything is sent.

use std::collections::HashMap;

use tiny_http::Method;

use crate::mock_fixtures as fixtures;

pub const KEY: &str = "sk-test";
pub const MODEL: &str = "mock-model";
/// What the mock model answers: the labels a careful reader would give the e2e tests' text.
pub const ANSWER: &str = r#"{"privacy": "regulated", "connectivity": "offline", "latency": "interactive", "model_size": "small", "resources": "unknown", "collaboration": "single"}"#;

/// What a request gets.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    Preflight,
    Models,
    /// A fixture stream, sent event by event.
    Stream(&'static [u8]),
    /// The answer as one JSON completion, for a request that did not ask to stream.
    Whole,
    /// An error fixture, with the model's name put in.
    Error {
        fixture: &'static str,
        model: String,
    },
    /// An error the fixtures do not cover: the mock's own checks of the request.
    Fail {
        status: u16,
        message: String,
    },
    Slow,
    BadJson,
    Cut,
    NotFound,
}

/// Decides what a request gets from its method, URL, key and body. `calls` counts calls per
/// model, for the switches that fail every other call.
pub fn plan(
    method: &Method,
    url: &str,
    key: Option<&str>,
    body: &str,
    calls: &mut HashMap<String, u32>,
) -> Plan {
    if *method == Method::Options {
        return Plan::Preflight;
    }
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    if key.is_some_and(|k| k != KEY) {
        return error(fixtures::UNAUTHORIZED, "");
    }
    if *method == Method::Get && path.ends_with("/models") {
        // A base URL under /slow-models/ gets a model list that never comes in time.
        return if path.starts_with("/slow-models/") {
            Plan::Slow
        } else {
            Plan::Models
        };
    }
    if *method != Method::Post || !path.ends_with("/chat/completions") {
        return Plan::NotFound;
    }
    let json: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let deployment = path
        .split("/openai/deployments/")
        .nth(1)
        .and_then(|rest| rest.split('/').next());
    if (deployment.is_some() || path.contains("/models/")) && !query.contains("api-version=") {
        return fail(400, "Missing required query parameter: api-version");
    }
    let azure = deployment.is_some() || path.contains("/openai/v1/");
    let model = deployment
        .map(str::to_owned)
        .or_else(|| {
            json.get("model")
                .and_then(|m| m.as_str())
                .map(str::to_owned)
        })
        .unwrap_or_default();
    let count = calls.entry(model.clone()).or_default();
    *count += 1;
    let first_of_pair = *count % 2 == 1;
    let stream = json
        .get("stream")
        .and_then(|s| s.as_bool())
        .unwrap_or(false);
    if let Some(fixture) = fixtures::error_for(&model, azure, first_of_pair) {
        return error(fixture, &model);
    }
    match model.as_str() {
        "slow" => Plan::Slow,
        "bad-json" => Plan::BadJson,
        "cut" => Plan::Cut,
        // The once-switches answer their retry as the mock model does.
        _ if !stream => Plan::Whole,
        name => Plan::Stream(
            fixtures::stream_for(name, azure)
                .or(fixtures::stream_for(MODEL, azure))
                .unwrap_or(fixtures::OPENAI),
        ),
    }
}

pub fn error(fixture: &'static str, model: &str) -> Plan {
    Plan::Error {
        fixture,
        model: model.to_owned(),
    }
}

pub fn fail(status: u16, message: &str) -> Plan {
    Plan::Fail {
        status,
        message: message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(url: &str, key: Option<&str>, body: &str) -> Plan {
        plan(&Method::Post, url, key, body, &mut HashMap::new())
    }

    fn streamed(model: &str) -> String {
        format!(r#"{{"model":"{model}","stream":true}}"#)
    }

    fn status_of(plan: &Plan) -> Option<u16> {
        match plan {
            Plan::Error { fixture, model } => fixtures::canned(fixture, model).map(|c| c.status),
            Plan::Fail { status, .. } => Some(*status),
            _ => None,
        }
    }

    #[test]
    fn each_switch_gets_its_plan() {
        let chat = "/v1/chat/completions";
        assert_eq!(
            post(chat, Some(KEY), &streamed(MODEL)),
            Plan::Stream(fixtures::OPENAI)
        );
        assert_eq!(post(chat, None, r#"{"model":"mock-model"}"#), Plan::Whole);
        assert_eq!(
            post(chat, None, &streamed("reasoning-think")),
            Plan::Stream(fixtures::REASONING_THINK)
        );
        let statuses = [
            ("forbidden", 403),
            ("gpt-9", 404),
            ("ollama-missing", 404),
            ("rate-limited", 429),
            ("rate-limited-long", 429),
            ("azure-rate-limited", 429),
            ("insufficient-quota", 429),
            ("server-error", 500),
            ("filtered-prompt", 400),
            ("context-too-long", 400),
        ];
        for (model, status) in statuses {
            assert_eq!(
                status_of(&post(chat, None, &streamed(model))),
                Some(status),
                "{model}"
            );
        }
        assert_eq!(
            status_of(&post(chat, Some("sk-wrong"), &streamed(MODEL))),
            Some(401)
        );
        assert_eq!(post(chat, None, &streamed("cut")), Plan::Cut);
        let deployment = "/openai/deployments/mock-model/chat/completions?api-version=2024-10-21";
        assert_eq!(
            post(deployment, Some(KEY), "{\"stream\":true}"),
            Plan::Stream(fixtures::AZURE)
        );
        assert_eq!(
            post(
                "/openai/deployments/no-such/chat/completions?api-version=2024-10-21",
                Some(KEY),
                "{\"stream\":true}"
            ),
            error(fixtures::DEPLOYMENT_NOT_FOUND, "no-such")
        );
        assert_eq!(
            status_of(&post(
                "/openai/deployments/mock-model/chat/completions",
                Some(KEY),
                "{}"
            )),
            Some(400)
        );
        assert_eq!(
            plan(&Method::Get, "/v1/models", None, "", &mut HashMap::new()),
            Plan::Models
        );
        assert_eq!(
            plan(
                &Method::Get,
                "/slow-models/v1/models",
                None,
                "",
                &mut HashMap::new()
            ),
            Plan::Slow
        );
        assert_eq!(
            plan(
                &Method::Options,
                "/no-cors/v1/chat/completions",
                None,
                "",
                &mut HashMap::new()
            ),
            Plan::Preflight
        );
    }

    #[test]
    fn the_once_switches_fail_then_answer() {
        for (model, status) in [
            ("unavailable-once", 503),
            ("rate-limited-once", 429),
            ("azure-rate-limited-once", 429),
        ] {
            let mut calls = HashMap::new();
            let body = streamed(model);
            let mut next = || {
                plan(
                    &Method::Post,
                    "/v1/chat/completions",
                    None,
                    &body,
                    &mut calls,
                )
            };
            assert_eq!(status_of(&next()), Some(status), "{model}");
            assert_eq!(next(), Plan::Stream(fixtures::OPENAI), "{model}");
            assert_eq!(status_of(&next()), Some(status), "{model}");
        }
    }

    #[test]
    fn the_streamed_answer_is_the_whole_answer() {
        let content: String = fixtures::events(fixtures::OPENAI)
            .iter()
            .filter_map(|e| std::str::from_utf8(e).ok())
            .filter_map(|e| e.trim().strip_prefix("data: "))
            .filter_map(|d| serde_json::from_str::<serde_json::Value>(d).ok())
            .filter_map(|v| {
                v.pointer("/choices/0/delta/content")
                    .and_then(|c| c.as_str())
                    .map(str::to_owned)
            })
            .collect();
        assert_eq!(content, ANSWER);
    }
}
