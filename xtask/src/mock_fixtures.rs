//! What the mock cloud answers: streams and error answers replayed from the fixtures in
//! `tests/fixtures/cloud/`, each written from a provider's documentation (the page is named in
//! the fixture's first lines), and which model name or path selects which.
//!
//! Switches, so a test picks a behaviour through the settings a visitor would type:
//! - `mock-model` and `gpt-4o-mini` answer: OpenAI's stream, or Azure OpenAI's (a first chunk with
//!   `prompt_filter_results`, CRLF lines) when the URL is a deployment URL or `/openai/v1`;
//! - `ollama`, `lm-studio`: those servers' streams, without usage; `reasoning-think`,
//!   `reasoning-content`, `reasoning-ollama`: a reasoning preamble as `<think>` in the content,
//!   in `reasoning_content` (vLLM, DeepSeek) or in `reasoning` (Ollama);
//! - `filtered-answer`: Azure's stream stopped by the content filter; `length`: a stream cut by
//!   the token limit;
//! - `forbidden` 403; `rate-limited` always 429 with `Retry-After: 1`; `azure-rate-limited` always
//!   429 with only `retry-after-ms: 200`; `rate-limited-long` OpenAI's 429 asking for 15 s; `rate-limited-once`, `azure-rate-limited-once` and
//!   `unavailable-once` fail every other call (429, 429, 503) and answer the retry;
//!   `insufficient-quota` 429 `insufficient_quota`; `server-error` always 500; `filtered-prompt`
//!   400 `content_filter`; `context-too-long` 400 `context_length_exceeded`; `ollama-missing`
//!   Ollama's 404; any other name 404, as Azure's `DeploymentNotFound` on a deployment URL and
//!   as OpenAI's `model_not_found` elsewhere;
//! - `slow` answers after a minute; `bad-json` streams a chunk that is not JSON; `cut` drops the
//!   connection midway.

/// The streams, byte for byte as a server sends them.
pub const OPENAI: &[u8] = include_bytes!("../../tests/fixtures/cloud/openai.sse");
pub const OPENAI_LENGTH: &[u8] = include_bytes!("../../tests/fixtures/cloud/openai-length.sse");
pub const AZURE: &[u8] = include_bytes!("../../tests/fixtures/cloud/azure-openai.sse");
pub const AZURE_FILTERED: &[u8] =
    include_bytes!("../../tests/fixtures/cloud/azure-openai-filtered.sse");
pub const OLLAMA: &[u8] = include_bytes!("../../tests/fixtures/cloud/ollama.sse");
pub const OLLAMA_REASONING: &[u8] =
    include_bytes!("../../tests/fixtures/cloud/ollama-reasoning.sse");
pub const LM_STUDIO: &[u8] = include_bytes!("../../tests/fixtures/cloud/lm-studio.sse");
pub const REASONING_THINK: &[u8] = include_bytes!("../../tests/fixtures/cloud/reasoning-think.sse");
pub const REASONING_CONTENT: &[u8] =
    include_bytes!("../../tests/fixtures/cloud/reasoning-content.sse");

/// The error answers: status line, headers, blank line, body, after `#` comment lines.
macro_rules! error_fixture {
    ($name:literal) => {
        include_str!(concat!(
            "../../tests/fixtures/cloud/errors/",
            $name,
            ".http"
        ))
    };
}
pub const UNAUTHORIZED: &str = error_fixture!("openai-401-invalid-key");
pub const FORBIDDEN: &str = error_fixture!("azure-403-forbidden");
pub const MODEL_NOT_FOUND: &str = error_fixture!("openai-404-model-not-found");
pub const DEPLOYMENT_NOT_FOUND: &str = error_fixture!("azure-404-deployment-not-found");
pub const OLLAMA_NOT_FOUND: &str = error_fixture!("ollama-404-model-not-found");
pub const RATE_LIMITED: &str = error_fixture!("openai-429-rate-limit");
pub const AZURE_RATE_LIMITED: &str = error_fixture!("azure-429-retry-after-ms");
pub const QUOTA: &str = error_fixture!("openai-429-insufficient-quota");
pub const CONTEXT_TOO_LONG: &str = error_fixture!("openai-400-context-length");
pub const PROMPT_FILTERED: &str = error_fixture!("azure-400-content-filter");
pub const SERVER_ERROR: &str = error_fixture!("openai-500-server-error");
pub const OVERLOADED: &str = error_fixture!("openai-503-overloaded");

/// The headers a browser page may read from the mock's answers: the waits a rate limit names.
pub const EXPOSED_HEADERS: &str = "retry-after, retry-after-ms, x-ratelimit-limit-requests, \
    x-ratelimit-remaining-requests, x-ratelimit-reset-requests, x-ratelimit-limit-tokens, \
    x-ratelimit-remaining-tokens, x-ratelimit-reset-tokens";

/// An error answer read from its fixture.
#[derive(Debug, Clone, PartialEq)]
pub struct Canned {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// Reads an error fixture, putting `model` where it says `{model}`. None for a fixture that is
/// not written as the format above says, which a unit test rules out.
pub fn canned(fixture: &str, model: &str) -> Option<Canned> {
    let mut lines = fixture.lines().filter(|l| !l.starts_with('#'));
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let mut headers = Vec::new();
    for line in lines.by_ref() {
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let body = lines
        .collect::<Vec<_>>()
        .join("\n")
        .replace("{model}", model);
    Some(Canned {
        status,
        headers,
        body,
    })
}

/// A stream's events, each with the blank line that ends it, so they can be sent one by one.
pub fn events(stream: &[u8]) -> Vec<Vec<u8>> {
    let mut events = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    for (i, byte) in stream.iter().enumerate() {
        if *byte != b'\n' {
            continue;
        }
        let line = &stream[line_start..i];
        if line.is_empty() || line == b"\r" {
            events.push(stream[start..=i].to_vec());
            start = i + 1;
        }
        line_start = i + 1;
    }
    if start < stream.len() {
        events.push(stream[start..].to_vec());
    }
    events
}

/// The stream a model name selects, if it selects one; `azure` is a deployment or v1 URL.
pub fn stream_for(model: &str, azure: bool) -> Option<&'static [u8]> {
    Some(match model {
        crate::mock_plan::MODEL | "gpt-4o-mini" if azure => AZURE,
        crate::mock_plan::MODEL | "gpt-4o-mini" => OPENAI,
        "ollama" => OLLAMA,
        "lm-studio" => LM_STUDIO,
        "reasoning-think" => REASONING_THINK,
        "reasoning-content" => REASONING_CONTENT,
        "reasoning-ollama" => OLLAMA_REASONING,
        "filtered-answer" => AZURE_FILTERED,
        "length" => OPENAI_LENGTH,
        _ => return None,
    })
}

/// The error a model name selects; `first_of_pair` is true on every other call, for the
/// switches that fail once and then answer. None means the model answers.
pub fn error_for(model: &str, azure: bool, first_of_pair: bool) -> Option<&'static str> {
    Some(match model {
        "forbidden" => FORBIDDEN,
        "rate-limited" | "rate-limited-long" => RATE_LIMITED,
        "azure-rate-limited" => AZURE_RATE_LIMITED,
        "rate-limited-once" if first_of_pair => RATE_LIMITED,
        "azure-rate-limited-once" if first_of_pair => AZURE_RATE_LIMITED,
        "unavailable-once" if first_of_pair => OVERLOADED,
        "insufficient-quota" => QUOTA,
        "server-error" => SERVER_ERROR,
        "filtered-prompt" => PROMPT_FILTERED,
        "context-too-long" => CONTEXT_TOO_LONG,
        "ollama-missing" => OLLAMA_NOT_FOUND,
        _ if stream_for(model, azure).is_some() => return None,
        "rate-limited-once" | "azure-rate-limited-once" | "unavailable-once" => return None,
        "slow" | "bad-json" | "cut" => return None,
        _ if azure => DEPLOYMENT_NOT_FOUND,
        _ => MODEL_NOT_FOUND,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_fixture_reads_with_its_status_and_a_json_body() {
        let cases = [
            (UNAUTHORIZED, 401),
            (FORBIDDEN, 403),
            (MODEL_NOT_FOUND, 404),
            (DEPLOYMENT_NOT_FOUND, 404),
            (OLLAMA_NOT_FOUND, 404),
            (RATE_LIMITED, 429),
            (AZURE_RATE_LIMITED, 429),
            (QUOTA, 429),
            (CONTEXT_TOO_LONG, 400),
            (PROMPT_FILTERED, 400),
            (SERVER_ERROR, 500),
            (OVERLOADED, 503),
        ];
        for (fixture, status) in cases {
            assert!(fixture.starts_with("# "), "names its documentation first");
            let canned = canned(fixture, "gpt-9").expect("reads");
            assert_eq!(canned.status, status);
            let body: serde_json::Value = serde_json::from_str(&canned.body).expect("JSON body");
            assert!(body.get("error").is_some(), "{body}");
            assert!(!canned.body.contains("{model}"));
        }
        let azure = canned(AZURE_RATE_LIMITED, "").expect("reads");
        assert!(azure
            .headers
            .contains(&("retry-after-ms".into(), "200".into())));
        assert!(!azure.headers.iter().any(|(n, _)| n == "retry-after"));
    }

    #[test]
    fn streams_split_into_whole_events_and_name_their_documentation() {
        for stream in [
            OPENAI,
            OPENAI_LENGTH,
            AZURE,
            AZURE_FILTERED,
            OLLAMA,
            OLLAMA_REASONING,
            LM_STUDIO,
            REASONING_THINK,
            REASONING_CONTENT,
        ] {
            assert!(
                stream.starts_with(b": "),
                "a comment names the documentation"
            );
            let events = events(stream);
            assert_eq!(events.concat(), stream, "nothing lost");
            let last = events.last().expect("events");
            assert!(last.starts_with(b"data: [DONE]"), "ends with [DONE]");
            assert!(events
                .iter()
                .all(|e| e.ends_with(b"\n\n") || e.ends_with(b"\r\n\r\n")));
        }
        assert!(
            AZURE.windows(2).any(|w| w == b"\r\n"),
            "Azure's lines end in CRLF"
        );
    }
}
