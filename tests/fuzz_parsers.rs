//! Fuzzing the two parsers that read what others wrote: share links (`share::parse`) and the
//! cloud's server-sent events (`SseParser`, then the streamed answer), with arbitrary bytes.
//!
//! Neither may panic, and neither may hold or return more than its input allows. A short run
//! (proptest's 256 cases) is part of `cargo xtask test`; a long one is
//! `PROPTEST_CASES=100000 cargo test --release --test fuzz_parsers`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // the app bundle's size rules (.clippy.toml) do not apply here

use local_or_cloud::cloud::answer::StreamedAnswer;
use local_or_cloud::cloud::sse::SseParser;
use local_or_cloud::share::{parse, MAX_DESCRIBE_CHARS};
use proptest::prelude::*;

/// Bytes that look like a stream: field names, separators, line ends, JSON and `[DONE]`,
/// mixed with arbitrary bytes, so the fuzzer reaches the parser's states and not only its
/// "unknown field" path.
fn stream_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"data: ".to_vec()),
        Just(b"data:".to_vec()),
        Just(b"event: x".to_vec()),
        Just(b": comment".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\n\n".to_vec()),
        Just(b"[DONE]".to_vec()),
        Just(br#"{"choices":[{"delta":{"content":"<think>{"}}]}"#.to_vec()),
        Just(
            r#"{"choices":[{"delta":{"reasoning_content":"é"},"finish_reason":"stop"}]}"#
                .as_bytes()
                .to_vec()
        ),
        Just(br#"{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2}}"#.to_vec()),
        Just(br#"{"error":{"code":"content_filter"}}"#.to_vec()),
        Just("é🩺</think>".as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 0..16),
    ];
    prop::collection::vec(piece, 0..48).prop_map(|pieces| pieces.concat())
}

/// Query strings built from the parts a share link has, mixed with arbitrary text.
fn query_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("?".to_owned()),
        Just("&".to_owned()),
        Just("=".to_owned()),
        Just("privacy=regulated".to_owned()),
        Just("describe=".to_owned()),
        Just("users=".to_owned()),
        Just("host=https://".to_owned()),
        Just("%".to_owned()),
        Just("%FF%C3%28".to_owned()),
        Just("+".to_owned()),
        Just("é🩺".to_owned()),
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

/// Feeds `bytes` in pieces cut at `cuts`, checking the parser's holding after each piece.
fn feed(bytes: &[u8], cuts: &[usize]) {
    let mut parser = SseParser::new();
    let mut answer = StreamedAnswer::new();
    let mut fed = 0;
    let mut points: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    points.push(bytes.len());
    points.sort_unstable();
    let mut from = 0;
    for to in points {
        let events = parser.push(&bytes[from..to]);
        fed += to - from;
        from = to;
        // What the parser holds between chunks is bytes it was given, never more.
        assert!(
            parser.buffered_len() <= fed,
            "{} held after {fed} bytes",
            parser.buffered_len()
        );
        for event in events {
            // Lossy decoding may turn one bad byte into three, but no more.
            assert!(event.data.len() <= 3 * fed && event.name.len() <= 3 * fed);
            if answer.event(&event).is_err() {
                return; // A bad chunk is an error for the visitor, not a panic.
            }
        }
    }
    let _ = answer.finish(parser.is_mid_event());
}

proptest! {
    #[test]
    fn the_sse_parser_takes_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048), cuts in prop::collection::vec(any::<usize>(), 0..8)) {
        feed(&bytes, &cuts);
    }

    #[test]
    fn the_sse_parser_takes_stream_like_bytes(bytes in stream_bytes(), cuts in prop::collection::vec(any::<usize>(), 0..8)) {
        feed(&bytes, &cuts);
    }

    #[test]
    fn the_share_parser_takes_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_share(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn the_share_parser_takes_link_like_text(query in query_text()) {
        check_share(&query);
    }
}

/// `parse` never panics; what it keeps is no longer than the link, and its notices are few
/// and short, whatever the link holds.
fn check_share(query: &str) {
    let (shared, notices) = parse(query);
    let kept = [
        shared.describe.as_deref(),
        shared.host.as_deref(),
        shared.theme.map(|t| t.key()),
    ]
    .iter()
    .flatten()
    .map(|s| s.len())
    .sum::<usize>()
        + shared.cost.model.as_ref().map_or(0, String::len);
    // Percent-decoding shortens text, and a bad sequence (`%FF`, 3 bytes) becomes U+FFFD
    // (3 bytes); the cost model's name may be the default one when the link has none.
    assert!(
        kept <= query.len() + 64,
        "{kept} bytes kept from {}",
        query.len()
    );
    if let Some(describe) = &shared.describe {
        assert!(describe.chars().count() <= MAX_DESCRIBE_CHARS);
    }
    assert!(notices.len() <= 65, "{} notices", notices.len());
    for notice in &notices {
        assert!(notice.len() <= 600, "{notice}");
    }
}
