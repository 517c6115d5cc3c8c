//! A local OpenAI-compatible test server: chat completions (streamed or whole), `/models`,
//! CORS, and a switch for each failure the cloud panel must handle. No test touches the internet.
//!
//! Switches, so a test picks a behaviour through the settings a visitor would type:
//! - the model (or Azure deployment) name: `mock-model` and `gpt-4o-mini` answer; `forbidden` gives 403;
//!   `rate-limited` always 429 with `Retry-After: 1`; `rate-limited-once` and
//!   `unavailable-once` fail every other call (429 with `Retry-After: 0.2`, 503) and answer
//!   the retry; `server-error` always 500; `slow` answers after a minute; `bad-json` streams
//!   a chunk that is not JSON; `cut` drops the connection midway; any other name gives 404;
//! - the key, when one is sent, must be `sk-test`, else 401;
//! - a base URL under `/no-cors/` gets no CORS headers, as a provider that refuses browsers.

use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Result;
use tiny_http::{Header, Method, Request, Response, Server};

use crate::static_server::{header, listen};

pub const KEY: &str = "sk-test";
const MODEL: &str = "mock-model";
/// What the mock model answers: the labels a careful reader would give the e2e tests' text.
const ANSWER: &str = r#"{"privacy": "regulated", "connectivity": "offline", "latency": "interactive", "model_size": "small", "resources": "unknown", "collaboration": "single"}"#;

/// What a request gets.
#[derive(Debug, Clone, PartialEq)]
enum Plan {
    Preflight,
    Models,
    Answer {
        stream: bool,
    },
    Fail {
        status: u16,
        retry_after: Option<&'static str>,
        message: String,
    },
    Slow,
    BadJson,
    Cut,
    NotFound,
}

/// Decides what a request gets from its method, URL, key and body. `calls` counts calls per
/// model, for the switches that fail every other call.
fn plan(
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
        return fail(401, "Incorrect API key provided.");
    }
    if *method == Method::Get && path.ends_with("/models") {
        return Plan::Models;
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
    match model.as_str() {
        // A price-table name answers too, so the panel's cost figures can be checked.
        MODEL | "gpt-4o-mini" => Plan::Answer { stream },
        "forbidden" => fail(403, "This key may not use this model."),
        "rate-limited" => Plan::Fail {
            status: 429,
            retry_after: Some("1"),
            message: "Rate limit reached.".into(),
        },
        "rate-limited-once" if first_of_pair => Plan::Fail {
            status: 429,
            retry_after: Some("0.2"),
            message: "Rate limit reached.".into(),
        },
        "unavailable-once" if first_of_pair => fail(503, "The service is busy."),
        "rate-limited-once" | "unavailable-once" => Plan::Answer { stream },
        "server-error" => fail(500, "Internal error."),
        "slow" => Plan::Slow,
        "bad-json" => Plan::BadJson,
        "cut" => Plan::Cut,
        other => fail(404, &format!("The model `{other}` does not exist.")),
    }
}

fn fail(status: u16, message: &str) -> Plan {
    Plan::Fail {
        status,
        retry_after: None,
        message: message.to_owned(),
    }
}

/// The streamed answer as SSE events: the content in pieces, then usage, then `[DONE]`.
fn answer_events() -> Vec<String> {
    let mut events: Vec<String> = ANSWER
        .as_bytes()
        .chunks(24)
        .map(|piece| {
            let content = String::from_utf8_lossy(piece);
            let chunk =
                serde_json::json!({ "choices": [{ "index": 0, "delta": { "content": content } }] });
            format!("data: {chunk}\n\n")
        })
        .collect();
    events.insert(0, ": mock server\n\n".into());
    events.push(format!(
        "data: {}\n\n",
        serde_json::json!({ "choices": [], "usage": usage() })
    ));
    events.push("data: [DONE]\n\n".into());
    events
}

fn usage() -> serde_json::Value {
    serde_json::json!({ "prompt_tokens": 182, "completion_tokens": 44, "total_tokens": 226 })
}

/// tiny_http sends a streamed body in 8 KiB chunks; an SSE comment of that size after each
/// whole event pushes the event out at once, so the answer really arrives piece by piece.
fn padded(event: String) -> Vec<u8> {
    let mut bytes = event.into_bytes();
    if bytes.ends_with(b"\n\n") {
        bytes.extend_from_slice(b":");
        bytes.extend(std::iter::repeat_n(b' ', 8192));
        bytes.extend_from_slice(b"\n\n");
    }
    bytes
}

/// A response body that arrives in timed pieces, and can break off as a cut connection does.
struct Trickle {
    pieces: std::vec::IntoIter<Vec<u8>>,
    current: std::io::Cursor<Vec<u8>>,
    delay: Duration,
    cut_after: Option<usize>,
    sent: usize,
}

impl Read for Trickle {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.current.read(buf)?;
            if n > 0 {
                return Ok(n);
            }
            if self.cut_after.is_some_and(|cut| self.sent >= cut) {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionAborted,
                    "cut",
                ));
            }
            let Some(next) = self.pieces.next() else {
                return Ok(0);
            };
            std::thread::sleep(self.delay);
            self.sent += 1;
            self.current = std::io::Cursor::new(next);
        }
    }
}

fn respond(mut request: Request, calls: &Mutex<HashMap<String, u32>>) {
    let url = request.url().to_owned();
    let key = request.headers().iter().find_map(|h| {
        let value = h.value.as_str();
        if h.field.equiv("api-key") {
            Some(value.to_owned())
        } else if h.field.equiv("Authorization") {
            Some(value.trim_start_matches("Bearer ").to_owned())
        } else {
            None
        }
    });
    let mut body = String::new();
    let _ = request.as_reader().take(1 << 20).read_to_string(&mut body);
    let plan = match calls.lock() {
        Ok(mut calls) => plan(request.method(), &url, key.as_deref(), &body, &mut calls),
        Err(_) => fail(500, "mock server state poisoned"),
    };
    let mut headers = Vec::new();
    if !url.starts_with("/no-cors/") {
        headers.extend([
            header("Access-Control-Allow-Origin", "*"),
            header("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
            header(
                "Access-Control-Allow-Headers",
                "authorization, api-key, content-type",
            ),
            header("Access-Control-Expose-Headers", "retry-after"),
        ]);
    }
    let json = |status: u16, value: serde_json::Value, headers: Vec<Header>| {
        let mut response = Response::from_string(value.to_string()).with_status_code(status);
        response.add_header(header("Content-Type", "application/json"));
        for h in headers {
            response.add_header(h);
        }
        response.boxed()
    };
    let sse = |events: Vec<String>, cut_after: Option<usize>, mut headers: Vec<Header>| {
        headers.push(header("Content-Type", "text/event-stream"));
        let body = Trickle {
            pieces: events
                .into_iter()
                .map(padded)
                .collect::<Vec<_>>()
                .into_iter(),
            current: std::io::Cursor::new(Vec::new()),
            delay: Duration::from_millis(30),
            cut_after,
            sent: 0,
        };
        Response::new(200.into(), headers, body, None, None).boxed()
    };
    let response = match plan {
        Plan::Preflight => Response::empty(204)
            .with_header(header("Access-Control-Max-Age", "600"))
            .boxed(),
        Plan::Models => json(
            200,
            serde_json::json!({ "object": "list", "data": [{ "id": MODEL, "object": "model" }] }),
            vec![],
        ),
        Plan::Answer { stream: true } => sse(answer_events(), None, vec![]),
        Plan::Answer { stream: false } => json(
            200,
            serde_json::json!({ "choices": [{ "index": 0, "message": { "role": "assistant", "content": ANSWER } }], "usage": usage() }),
            vec![],
        ),
        Plan::Fail {
            status,
            retry_after,
            message,
        } => {
            let extra = retry_after
                .map(|s| vec![header("Retry-After", s)])
                .unwrap_or_default();
            json(
                status,
                serde_json::json!({ "error": { "message": message, "code": status } }),
                extra,
            )
        }
        Plan::Slow => {
            std::thread::sleep(Duration::from_secs(60));
            json(200, serde_json::json!({}), vec![])
        }
        Plan::BadJson => sse(
            vec![
                "data: {\"choices\": [{\"delta\": \n\n".into(),
                "data: [DONE]\n\n".into(),
            ],
            None,
            vec![],
        ),
        Plan::Cut => {
            // Three whole events, then half of the next: the connection ends inside an event.
            let mut events = answer_events();
            events.truncate(4);
            let half = events[3].len() / 2;
            events[3].truncate(half);
            sse(events, Some(4), vec![])
        }
        Plan::NotFound => json(
            404,
            serde_json::json!({ "error": { "message": "no such route" } }),
            vec![],
        ),
    };
    let mut response = response;
    for h in headers {
        response.add_header(h);
    }
    let _ = request.respond(response);
}

/// The running server; it stops when dropped (requests still being answered finish alone).
pub struct MockCloud {
    server: Arc<Server>,
    port: u16,
}

impl MockCloud {
    pub fn start(port: u16) -> Result<Self> {
        let (server, port) = listen(port)?;
        let calls = Arc::new(Mutex::new(HashMap::new()));
        let accepting = server.clone();
        std::thread::spawn(move || {
            for request in accepting.incoming_requests() {
                let calls = calls.clone();
                // One thread per request: a slow or trickling answer must not hold up the rest.
                std::thread::spawn(move || respond(request, &calls));
            }
        });
        Ok(Self { server, port })
    }

    /// The base URL a visitor would type for an OpenAI-compatible server.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/v1", self.port)
    }
}

impl Drop for MockCloud {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_switch_gets_its_plan() {
        let post = |url: &str, key: Option<&str>, body: &str| {
            plan(&Method::Post, url, key, body, &mut HashMap::new())
        };
        let body = |model: &str| format!(r#"{{"model":"{model}","stream":true}}"#);
        assert_eq!(
            post("/v1/chat/completions", Some(KEY), &body(MODEL)),
            Plan::Answer { stream: true }
        );
        assert_eq!(
            post("/v1/chat/completions", None, r#"{"model":"mock-model"}"#),
            Plan::Answer { stream: false }
        );
        assert!(matches!(
            post("/v1/chat/completions", Some("sk-wrong"), &body(MODEL)),
            Plan::Fail { status: 401, .. }
        ));
        assert!(matches!(
            post("/v1/chat/completions", None, &body("forbidden")),
            Plan::Fail { status: 403, .. }
        ));
        assert!(matches!(
            post("/v1/chat/completions", None, &body("gpt-9")),
            Plan::Fail { status: 404, .. }
        ));
        assert!(matches!(
            post("/v1/chat/completions", None, &body("rate-limited")),
            Plan::Fail {
                status: 429,
                retry_after: Some("1"),
                ..
            }
        ));
        assert_eq!(post("/v1/chat/completions", None, &body("cut")), Plan::Cut);
        assert_eq!(
            post(
                "/openai/deployments/mock-model/chat/completions?api-version=2024-10-21",
                Some(KEY),
                "{\"stream\":true}"
            ),
            Plan::Answer { stream: true }
        );
        assert!(matches!(
            post(
                "/openai/deployments/mock-model/chat/completions",
                Some(KEY),
                "{}"
            ),
            Plan::Fail { status: 400, .. }
        ));
        assert_eq!(
            plan(&Method::Get, "/v1/models", None, "", &mut HashMap::new()),
            Plan::Models
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
        let mut calls = HashMap::new();
        let body = r#"{"model":"unavailable-once","stream":true}"#;
        let mut next = || {
            plan(
                &Method::Post,
                "/v1/chat/completions",
                None,
                body,
                &mut calls,
            )
        };
        assert!(matches!(next(), Plan::Fail { status: 503, .. }));
        assert_eq!(next(), Plan::Answer { stream: true });
        assert!(matches!(next(), Plan::Fail { status: 503, .. }));
    }

    #[test]
    fn the_streamed_answer_is_well_formed_sse() {
        let events = answer_events();
        let text: String = events.concat();
        assert!(text.ends_with("data: [DONE]\n\n"));
        let content: String = events
            .iter()
            .filter_map(|e| e.strip_prefix("data: "))
            .filter_map(|d| serde_json::from_str::<serde_json::Value>(d.trim()).ok())
            .filter_map(|v| {
                v.pointer("/choices/0/delta/content")
                    .and_then(|c| c.as_str())
                    .map(str::to_owned)
            })
            .collect();
        assert_eq!(content, ANSWER);
    }
}
