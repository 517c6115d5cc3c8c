//! A local OpenAI-compatible test server: chat completions (streamed or whole), `/models`,
//! CORS, and a switch for each failure the cloud panel must handle. No test touches the internet.
//!
//! What it sends is replayed from documented fixtures (`mock_fixtures`, which lists the model
//! names that select each); besides those:
//! - the key, when one is sent, must be `sk-test`, else OpenAI's 401;
//! - a base URL under `/no-cors/` gets no CORS headers, as a provider that refuses browsers.

use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Result;
use tiny_http::{Header, Request, Response, Server};

use crate::mock_fixtures::{self as fixtures, Canned};
use crate::mock_plan::{fail, plan, Plan, ANSWER};
use crate::static_server::{header, listen};

pub use crate::mock_plan::{KEY, MODEL};

fn usage() -> serde_json::Value {
    serde_json::json!({ "prompt_tokens": 182, "completion_tokens": 44, "total_tokens": 226 })
}

/// tiny_http sends a streamed body in 8 KiB chunks; an SSE comment of that size after each
/// whole event pushes the event out at once, so the answer really arrives piece by piece. The
/// comment ends its lines as the fixture does; a piece that ends inside an event is left alone.
fn padded(mut event: Vec<u8>) -> Vec<u8> {
    let end: &[u8] = if event.ends_with(b"\r\n\r\n") {
        b"\r\n\r\n"
    } else if event.ends_with(b"\n\n") {
        b"\n\n"
    } else {
        return event;
    };
    event.extend_from_slice(b":");
    event.extend(std::iter::repeat_n(b' ', 8192));
    event.extend_from_slice(end);
    event
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
            header("Access-Control-Expose-Headers", fixtures::EXPOSED_HEADERS),
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
    let sse = |events: Vec<Vec<u8>>, cut_after: Option<usize>, mut headers: Vec<Header>| {
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
            // A second model with a shutdown date, as OpenAI's list gives one.
            serde_json::json!({ "object": "list", "data": [
                { "id": MODEL, "object": "model", "shutdown_date": null },
                { "id": "gpt-5-nano", "object": "model", "shutdown_date": "2026-12-11" }
            ] }),
            vec![],
        ),
        Plan::Stream(fixture) => sse(fixtures::events(fixture), None, vec![]),
        Plan::Whole => json(
            200,
            serde_json::json!({ "choices": [{ "index": 0, "message": { "role": "assistant", "content": ANSWER }, "finish_reason": "stop" }], "usage": usage() }),
            vec![],
        ),
        Plan::Error { fixture, model } => match fixtures::canned(fixture, &model) {
            Some(Canned {
                status,
                headers,
                body,
            }) => {
                let mut response = Response::from_string(body).with_status_code(status);
                for (name, mut value) in headers {
                    // The same documented answer with a wait long enough to cancel during.
                    if model == "rate-limited-long" && name == "retry-after" {
                        value = "15".into();
                    }
                    response.add_header(header(&name, &value));
                }
                response.boxed()
            }
            None => json(
                500,
                serde_json::json!({ "error": { "message": "unreadable fixture" } }),
                vec![],
            ),
        },
        Plan::Fail { status, message } => json(
            status,
            serde_json::json!({ "error": { "message": message, "code": status } }),
            vec![],
        ),
        Plan::Slow => {
            std::thread::sleep(Duration::from_secs(60));
            json(200, serde_json::json!({}), vec![])
        }
        Plan::BadJson => sse(
            vec![
                b"data: {\"choices\": [{\"delta\": \n\n".to_vec(),
                b"data: [DONE]\n\n".to_vec(),
            ],
            None,
            vec![],
        ),
        Plan::Cut => {
            // Three whole events, then half of the next: the connection ends inside an event.
            let mut events = fixtures::events(fixtures::OPENAI);
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
