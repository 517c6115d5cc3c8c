//! Each provider's documented stream and error answer (`tests/fixtures/cloud/`, the same files
//! the mock cloud replays) read as the browser reads them: every stream cut at every byte,
//! inside multi-byte characters included, gives the same answer, and every error its own message.

use local_or_cloud::cloud::answer::{Answer, StreamedAnswer};
use local_or_cloud::cloud::completion::{parse_labels, Usage};
use local_or_cloud::cloud::retry::{delay_ms, wait_from_headers};
use local_or_cloud::cloud::sse::{Event, SseParser};
use local_or_cloud::cloud::status::from_status;
use local_or_cloud::cloud::{CloudError, Provider};
use local_or_cloud::engine::factor::Privacy;

const ANSWER: &str = r#"{"privacy": "regulated", "connectivity": "offline", "latency": "interactive", "model_size": "small", "resources": "unknown", "collaboration": "single"}"#;
const THOUGHT: &str = "The notes are patients’ records — health data, so “regulated”; laptops offline → {\"connectivity\": \"offline\"}. 🩺 ";

macro_rules! stream {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!("fixtures/cloud/", $name, ".sse")) as &[u8],
        )
    };
}

const STREAMS: &[(&str, &[u8])] = &[
    stream!("openai"),
    stream!("openai-length"),
    stream!("azure-openai"),
    stream!("azure-openai-filtered"),
    stream!("ollama"),
    stream!("ollama-reasoning"),
    stream!("lm-studio"),
    stream!("reasoning-think"),
    stream!("reasoning-content"),
];

/// What a stream gives: the answer (or error) and the indexes of the events that brought the
/// first token and the first answer token.
type Read = (Result<Answer, CloudError>, Option<usize>, Option<usize>);

fn events_of(pieces: &[&[u8]]) -> Vec<Event> {
    let mut parser = SseParser::new();
    let mut events: Vec<Event> = pieces.iter().flat_map(|p| parser.push(p)).collect();
    if parser.is_mid_event() {
        events.push(Event {
            name: "cut".into(),
            data: String::new(),
        });
    }
    events
}

fn read(events: &[Event]) -> Read {
    let mut answer = StreamedAnswer::new();
    let (mut first, mut first_answer) = (None, None);
    for (i, event) in events.iter().enumerate() {
        if event.name == "cut" {
            return (answer.finish(true), first, first_answer);
        }
        match answer.event(event) {
            Ok(progress) => {
                if progress.first_token {
                    first = first.or(Some(i));
                }
                if progress.first_answer_token {
                    first_answer = first_answer.or(Some(i));
                }
            }
            Err(error) => return (Err(error), first, first_answer),
        }
    }
    (answer.finish(false), first, first_answer)
}

/// What a fixture should give: the answer's text, its preamble's length and the usage, or
/// the error its finish reason means.
type Expected<'a> = Result<(&'a str, usize, Option<Usage>), CloudError>;

fn usage(prompt_tokens: u64, completion_tokens: u64) -> Option<Usage> {
    Some(Usage {
        prompt_tokens,
        completion_tokens,
    })
}

#[test]
fn every_stream_reads_as_its_documentation_says() {
    let think_preamble = format!("\n{THOUGHT}So: {{\"privacy\": \"regulated\"}}.\n");
    let expected: &[(&str, Expected)] = &[
        ("openai", Ok((ANSWER, 0, usage(182, 44)))),
        (
            "openai-length",
            Err(CloudError::Truncated {
                after_preamble: false,
            }),
        ),
        ("azure-openai", Ok((ANSWER, 0, usage(182, 44)))),
        ("azure-openai-filtered", Err(CloudError::AnswerFiltered)),
        ("ollama", Ok((ANSWER, 0, None))),
        (
            "ollama-reasoning",
            Ok((ANSWER, THOUGHT.chars().count(), None)),
        ),
        ("lm-studio", Ok((ANSWER, 0, None))),
        (
            "reasoning-think",
            Ok((ANSWER, think_preamble.chars().count(), None)),
        ),
        (
            "reasoning-content",
            Ok((ANSWER, THOUGHT.chars().count(), usage(182, 96))),
        ),
    ];
    for ((name, bytes), (expected_name, expected)) in STREAMS.iter().zip(expected) {
        assert_eq!(name, expected_name);
        let (answer, first, first_answer) = read(&events_of(&[bytes]));
        match (answer, expected) {
            (Ok(answer), Ok((content, preamble, usage))) => {
                assert_eq!(answer.content.trim(), *content, "{name}");
                assert_eq!(answer.preamble_chars, *preamble, "{name}");
                assert_eq!(answer.usage, *usage, "{name}");
                assert_eq!(answer.finish_reason.as_deref(), Some("stop"), "{name}");
                let labels = parse_labels(&answer.content).expect(name);
                assert_eq!(labels[0].1, Some(Privacy::Regulated.into()), "{name}");
                // A preamble's tokens come first; the answer's first token is timed apart.
                let (first, first_answer) = (first.expect(name), first_answer.expect(name));
                if *preamble > 0 {
                    assert!(first < first_answer, "{name}: {first} {first_answer}");
                } else {
                    assert_eq!(first, first_answer, "{name}");
                }
            }
            (Err(error), Err(expected)) => assert_eq!(&error, expected, "{name}"),
            (got, expected) => panic!("{name}: {got:?} against {expected:?}"),
        }
    }
}

#[test]
fn cutting_any_stream_at_any_byte_changes_nothing() {
    let mut multi_byte = false;
    for (name, bytes) in STREAMS {
        multi_byte |= !bytes.is_ascii();
        let whole_events = events_of(&[bytes]);
        let whole = read(&whole_events);
        for cut in 0..=bytes.len() {
            let events = events_of(&[&bytes[..cut], &bytes[cut..]]);
            assert_eq!(events, whole_events, "{name} cut at byte {cut}");
        }
        // Reading is checked on a spread of cuts: reading equal events gives equal answers.
        for cut in (0..=bytes.len()).step_by(97) {
            let events = events_of(&[&bytes[..cut], &bytes[cut..]]);
            assert_eq!(read(&events), whole, "{name} cut at byte {cut}");
        }
        let singles: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(read(&events_of(&singles)), whole, "{name} byte by byte");
        // A stream that stops early is never taken for a whole answer.
        let early = read(&events_of(&[&bytes[..bytes.len() / 2]])).0;
        assert!(early.is_err(), "{name}: {early:?}");
    }
    assert!(multi_byte, "a fixture holds multi-byte characters");
}

/// An error fixture: its status, headers and body, after `#` comment lines.
fn canned(text: &str) -> (u16, Vec<(String, String)>, String) {
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers = lines
        .by_ref()
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_lowercase(), v.trim().to_owned()))
        .collect();
    (status, headers, lines.collect::<Vec<_>>().join("\n"))
}

macro_rules! error {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("fixtures/cloud/errors/", $name, ".http")),
        )
    };
}

#[test]
fn every_documented_error_gets_its_own_message() {
    let model = "gpt-9";
    let cases: &[((&str, &str), Provider, CloudError, &str)] = &[
        (
            error!("openai-401-invalid-key"),
            Provider::OpenAi,
            CloudError::Unauthorized(401),
            "key was refused",
        ),
        (
            error!("azure-403-forbidden"),
            Provider::AzureOpenAi,
            CloudError::Forbidden,
            "HTTP 403",
        ),
        (
            error!("openai-404-model-not-found"),
            Provider::OpenAi,
            CloudError::ModelNotFound {
                model: model.into(),
                status: 404,
                code: "model_not_found".into(),
            },
            "The server does not know the model 'gpt-9'",
        ),
        (
            error!("azure-404-deployment-not-found"),
            Provider::AzureOpenAi,
            CloudError::DeploymentNotFound(model.into()),
            "This Azure resource has no deployment named 'gpt-9'",
        ),
        (
            error!("ollama-404-model-not-found"),
            Provider::Ollama,
            CloudError::ModelNotFound {
                model: model.into(),
                status: 404,
                code: "not_found_error".into(),
            },
            "List the server's models",
        ),
        (
            error!("openai-429-rate-limit"),
            Provider::OpenAi,
            CloudError::RateLimited {
                retry_after_s: Some(1.0),
                attempts: 1,
            },
            "1 s between attempts",
        ),
        (
            error!("azure-429-retry-after-ms"),
            Provider::AzureOpenAi,
            CloudError::RateLimited {
                retry_after_s: Some(0.2),
                attempts: 1,
            },
            "200 ms between attempts",
        ),
        (
            error!("openai-429-insufficient-quota"),
            Provider::OpenAi,
            CloudError::QuotaExhausted,
            "billing",
        ),
        (
            error!("openai-400-context-length"),
            Provider::OpenAi,
            CloudError::ContextTooLong,
            "context window",
        ),
        (
            error!("azure-400-content-filter"),
            Provider::AzureOpenAi,
            CloudError::PromptFiltered,
            "content filter refused",
        ),
        (
            error!("openai-500-server-error"),
            Provider::OpenAi,
            CloudError::Server {
                status: 500,
                attempts: 1,
            },
            "HTTP 500",
        ),
        (
            error!("openai-503-overloaded"),
            Provider::OpenAi,
            CloudError::Server {
                status: 503,
                attempts: 1,
            },
            "HTTP 503",
        ),
    ];
    for ((name, text), provider, expected, words) in cases {
        assert!(text.starts_with("# "), "{name} names its documentation");
        let (status, headers, body) = canned(text);
        let body = body.replace("{model}", model);
        let wait =
            wait_from_headers(|h| headers.iter().find(|(n, _)| n == h).map(|(_, v)| v.clone()));
        let error = from_status(status, wait, &body, *provider, model, Some("sk-wrong"));
        assert_eq!(&error, expected, "{name}");
        assert!(error.to_string().contains(words), "{name}: {error}");
        assert!(!error.to_string().contains("sk-wrong"), "{name}");
    }
    // The quota is never retried; a rate limit is, after the wait it named.
    assert_eq!(delay_ms(&CloudError::QuotaExhausted, 1), None);
    let azure = CloudError::RateLimited {
        retry_after_s: Some(0.2),
        attempts: 1,
    };
    assert_eq!(delay_ms(&azure, 1), Some(200));
}
