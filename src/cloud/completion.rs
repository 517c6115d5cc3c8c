//! The chat completion the cloud call asks for, and how its answer is read.
//!
//! The system prompt asks for the local analyzer's labels (`analyzer::HEADS`) as JSON, so the
//! two answers can be compared factor by factor.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::error::CloudError;
use crate::analyzer::labels::{class_keys, HEADS, UNKNOWN};
use crate::engine::{Choice, Factor};

/// The instructions, listing every label the local analyzer knows.
pub fn system_prompt() -> String {
    let mut prompt = String::from(
        "You classify a description of an app's AI feature. Answer with one JSON object and \
         nothing else. For each key give exactly one of the listed values, or \"unknown\" when \
         the description does not say.\n",
    );
    for &factor in HEADS {
        let classes = class_keys(factor).join(" | ");
        prompt.push_str(&format!("\"{}\": {classes}\n", factor.key()));
    }
    prompt
}

/// The most output tokens a call may use, a reasoning preamble included.
pub const MAX_TOKENS: u32 = 1000;

/// The request body without `model` (the provider puts it in the body or the URL).
pub fn request_body(text: &str, stream: bool) -> Map<String, Value> {
    let mut body = Map::new();
    body.insert(
        "messages".into(),
        json!([
            { "role": "system", "content": system_prompt() },
            { "role": "user", "content": text },
        ]),
    );
    body.insert("temperature".into(), json!(0));
    // A plain model stops after about 50 tokens; a reasoning model thinks first, and its
    // preamble counts against the limit, so the limit leaves it room to reach the answer.
    body.insert("max_tokens".into(), json!(MAX_TOKENS));
    body.insert("stream".into(), json!(stream));
    if stream {
        // Asks for a last chunk with the token counts; servers that do not know it ignore it.
        body.insert("stream_options".into(), json!({ "include_usage": true }));
    }
    body
}

/// Token counts, when the server gives them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Usage {
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
}

/// What one streamed chunk (or a whole completion) carried.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chunk {
    /// The answer's text; a reasoning model served without a reasoning parser puts its
    /// `<think>…</think>` preamble here too (`answer::split_preamble` takes it off).
    pub content: String,
    /// Reasoning sent apart from the answer: `reasoning_content` (vLLM, DeepSeek, LM Studio)
    /// or `reasoning` (Ollama, newer vLLM).
    pub reasoning: String,
    /// Why the model stopped: `stop`, or `length` and `content_filter`, which leave no answer.
    pub finish_reason: Option<String>,
    pub usage: Option<Usage>,
}

/// Reads one `data:` payload of the stream. A chunk without choices (Azure's first chunk with
/// `prompt_filter_results`, the last one with `usage`) carries no text, and that is no error.
pub fn parse_chunk(data: &str) -> Result<Chunk, CloudError> {
    let value: Value = serde_json::from_str(data)
        .map_err(|_| CloudError::Malformed("a streamed chunk was not JSON".into()))?;
    if value.get("error").is_some_and(Value::is_object) {
        return Err(super::status::from_stream_error(data));
    }
    Ok(read_choice(&value, "delta"))
}

/// Reads a whole (not streamed) completion: the message text, any reasoning, why it stopped,
/// and the usage. A filtered answer has a message whose content is null.
pub fn parse_completion(body: &str) -> Result<Chunk, CloudError> {
    let value: Value = serde_json::from_str(body)
        .map_err(|_| CloudError::Malformed("the response was not JSON".into()))?;
    if !value
        .pointer("/choices/0/message")
        .is_some_and(Value::is_object)
    {
        return Err(CloudError::Malformed("the response had no message".into()));
    }
    Ok(read_choice(&value, "message"))
}

/// The first choice's `delta` or `message` text, reasoning and finish reason, and the usage.
fn read_choice(value: &Value, part: &str) -> Chunk {
    let choice = value.pointer("/choices/0");
    let text = |field: &str| {
        choice
            .and_then(|c| c.get(part))
            .and_then(|p| p.get(field))
            .and_then(Value::as_str)
    };
    Chunk {
        content: text("content").unwrap_or_default().to_owned(),
        reasoning: text("reasoning_content")
            .or_else(|| text("reasoning"))
            .unwrap_or_default()
            .to_owned(),
        finish_reason: choice
            .and_then(|c| c.get("finish_reason"))
            .and_then(Value::as_str)
            .map(str::to_owned),
        usage: value.get("usage").and_then(|u| Usage::deserialize(u).ok()),
    }
}

/// The model's labels: for each analyzer head, the option it chose, or None for "unknown".
/// A value outside the head's classes is an error, since it cannot be compared.
pub fn parse_labels(content: &str) -> Result<Vec<(Factor, Option<Choice>)>, CloudError> {
    // A reasoning preamble may hold braces of its own: only the answer after it is read.
    let (_, content) = super::answer::split_preamble(content);
    // Models often wrap JSON in a code fence or a sentence: read from the first { to the last }.
    let start = content.find('{');
    let end = content.rfind('}');
    let json = match (start, end) {
        (Some(s), Some(e)) if s < e => &content[s..=e],
        _ => {
            return Err(CloudError::Malformed(
                "the answer holds no JSON object".into(),
            ))
        }
    };
    let object: Map<String, Value> = serde_json::from_str(json)
        .map_err(|_| CloudError::Malformed("the answer's JSON does not parse".into()))?;
    HEADS
        .iter()
        .map(|&factor| {
            let value = object
                .get(factor.key())
                .and_then(Value::as_str)
                .unwrap_or(UNKNOWN)
                .trim()
                .to_ascii_lowercase();
            if value == UNKNOWN {
                return Ok((factor, None));
            }
            let choice = Choice::parse(factor, &value).ok_or_else(|| {
                CloudError::Malformed(format!(
                    "'{}' is not one of the values asked for {}",
                    value.chars().take(40).collect::<String>(),
                    factor.key()
                ))
            })?;
            Ok((factor, Some(choice)))
        })
        .collect()
}

/// Output tokens per second while the answer streamed (after the first token), when known.
pub fn tokens_per_second(output_tokens: u64, first_token_ms: f64, total_ms: f64) -> Option<f64> {
    let streaming_s = (total_ms - first_token_ms) / 1000.0;
    (output_tokens > 0 && streaming_s > 0.0).then(|| output_tokens as f64 / streaming_s)
}
