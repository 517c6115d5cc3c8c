//! The cloud call's plain-Rust parts: each provider's request, how answers and failures are
//! read, and that the key shows up nowhere but in its header.

use local_or_cloud::analyzer::HeadResult;
use local_or_cloud::cloud::compare::{agreement, call_cost};
use local_or_cloud::cloud::completion::{
    parse_chunk, parse_completion, parse_labels, request_body, system_prompt, tokens_per_second,
    Usage,
};
use local_or_cloud::cloud::error::server_message;
use local_or_cloud::cloud::provider::{chat_request, checked_base, models_url};
use local_or_cloud::cloud::status::from_status;
use local_or_cloud::cloud::{ApiKey, CloudError, Endpoint, Provider};
use local_or_cloud::engine::cost::CostInputs;
use local_or_cloud::engine::factor::{Connectivity, Latency, Privacy};
use local_or_cloud::engine::prices::committed;
use local_or_cloud::engine::{Choice, Factor};

const KEY: &str = "sk-test-0123456789";

fn endpoint(provider: Provider, base: &str, model: &str) -> Endpoint {
    Endpoint {
        provider,
        base_url: base.into(),
        model: model.into(),
        api_version: provider.default_api_version().unwrap_or("").into(),
    }
}

#[test]
fn each_provider_gets_its_url_key_header_and_model_placement() {
    // (provider, base, model, url, key header, key value, model in body)
    let cases: &[(Provider, &str, &str, &str, &str, &str, bool)] = &[
        (Provider::OpenAi, "https://api.openai.com/v1", "gpt-4o-mini",
         "https://api.openai.com/v1/chat/completions", "Authorization", "Bearer sk-test-0123456789", true),
        (Provider::AzureOpenAi, "https://contoso.openai.azure.com/", "my deployment",
         "https://contoso.openai.azure.com/openai/deployments/my+deployment/chat/completions?api-version=2024-10-21",
         "api-key", KEY, false),
        (Provider::AzureOpenAiV1, "https://contoso.openai.azure.com/openai/v1", "gpt-4.1-mini",
         "https://contoso.openai.azure.com/openai/v1/chat/completions", "api-key", KEY, true),
        (Provider::AzureFoundry, "https://contoso.services.ai.azure.com/models", "Phi-4",
         "https://contoso.services.ai.azure.com/models/chat/completions?api-version=2024-05-01-preview",
         "api-key", KEY, true),
        (Provider::FoundryLocal, "http://127.0.0.1:53127/v1", "phi-4-mini",
         "http://127.0.0.1:53127/v1/chat/completions", "Authorization", "Bearer sk-test-0123456789", true),
        (Provider::Ollama, "http://localhost:11434/v1", "llama3.2",
         "http://localhost:11434/v1/chat/completions", "Authorization", "Bearer sk-test-0123456789", true),
        (Provider::LmStudio, "http://[::1]:1234/v1", "qwen2.5",
         "http://[::1]:1234/v1/chat/completions", "Authorization", "Bearer sk-test-0123456789", true),
        (Provider::Custom, "https://llm.example.org/v1", "m",
         "https://llm.example.org/v1/chat/completions", "Authorization", "Bearer sk-test-0123456789", true),
    ];
    let key = ApiKey::new(KEY).unwrap();
    for (provider, base, model, url, header, value, model_in_body) in cases {
        let request = chat_request(
            &endpoint(*provider, base, model),
            Some(&key),
            request_body("t", true),
        )
        .unwrap_or_else(|e| panic!("{provider:?}: {e}"));
        assert_eq!(request.url, *url, "{provider:?}");
        assert!(
            request.headers.contains(&(*header, (*value).to_owned())),
            "{provider:?}: {:?}",
            request.headers
        );
        assert!(request
            .headers
            .contains(&("Content-Type", "application/json".into())));
        let body: serde_json::Value = serde_json::from_str(&request.body).unwrap();
        assert_eq!(body.get("model").is_some(), *model_in_body, "{provider:?}");
        assert_eq!(body["stream"], true);
        // The key goes in its header and nowhere else.
        assert!(
            !request.url.contains(KEY) && !request.body.contains(KEY),
            "{provider:?}"
        );
    }
}

#[test]
fn bad_settings_are_refused_before_anything_is_sent() {
    let key = ApiKey::new(KEY);
    let cases: &[(Provider, &str, &str, Option<&ApiKey>, &str)] = &[
        (
            Provider::OpenAi,
            "http://api.openai.com/v1",
            "m",
            key.as_ref(),
            "plain http",
        ),
        (
            Provider::OpenAi,
            "api.openai.com/v1",
            "m",
            key.as_ref(),
            "must start with https",
        ),
        (
            Provider::OpenAi,
            "https://api.openai.com/v1?x=1",
            "m",
            key.as_ref(),
            "query",
        ),
        (
            Provider::OpenAi,
            "https://user:pw@api.openai.com/v1",
            "m",
            key.as_ref(),
            "credentials",
        ),
        (
            Provider::AzureOpenAi,
            Provider::AzureOpenAi.default_base(),
            "d",
            key.as_ref(),
            "resource name",
        ),
        (
            Provider::FoundryLocal,
            Provider::FoundryLocal.default_base(),
            "m",
            None,
            "port",
        ),
        (
            Provider::OpenAi,
            "https://api.openai.com/v1",
            " ",
            key.as_ref(),
            "name the model",
        ),
        (
            Provider::OpenAi,
            "https://api.openai.com/v1",
            "m",
            None,
            "needs an API key",
        ),
        (
            Provider::OpenAi,
            "ftp://api.openai.com/v1",
            "m",
            key.as_ref(),
            "must start with https",
        ),
    ];
    for (provider, base, model, key, expected) in cases {
        let error = chat_request(
            &endpoint(*provider, base, model),
            *key,
            request_body("t", true),
        )
        .expect_err(base);
        assert!(matches!(error, CloudError::Config(_)), "{error:?}");
        assert!(error.to_string().contains(expected), "{base}: {error}");
    }
    let mut azure = endpoint(Provider::AzureOpenAi, "https://c.openai.azure.com", "d");
    azure.api_version.clear();
    assert!(chat_request(&azure, key.as_ref(), request_body("t", true)).is_err());
    // Servers on this machine need no key.
    let local = endpoint(Provider::Ollama, "http://127.0.0.1:11434/v1", "llama3.2");
    let request = chat_request(&local, None, request_body("t", false)).unwrap();
    assert_eq!(request.headers.len(), 1);
    assert_eq!(
        models_url("http://127.0.0.1:5273/v1/").unwrap(),
        "http://127.0.0.1:5273/v1/models"
    );
    assert!(checked_base("https://x.example/v1/").is_ok());
}

#[test]
fn the_key_never_shows_in_debug_output_or_error_messages() {
    let key = ApiKey::new(KEY).unwrap();
    assert_eq!(format!("{key:?}"), "ApiKey(hidden)");
    assert!(ApiKey::new("   ").is_none());
    let echoed =
        format!(r#"{{"error":{{"message":"Incorrect API key provided: {KEY}. See docs."}}}}"#);
    let message = server_message(&echoed, Some(KEY));
    assert!(
        !message.contains(KEY) && !message.contains("sk-"),
        "{message}"
    );
    let masked = r#"{"error":{"message":"Incorrect API key provided: sk-abc***xyz."}}"#;
    assert!(!server_message(masked, None).contains("sk-"));
    for status in [400, 401, 403, 404, 409, 429, 500, 503] {
        let error = from_status(
            status,
            Some(1.0),
            &echoed,
            Provider::OpenAi,
            "gpt-4o-mini",
            Some(KEY),
        );
        assert!(!error.to_string().contains(KEY), "{status}: {error}");
    }
}

#[test]
fn each_status_becomes_its_own_error() {
    let cases: &[(u16, Option<f64>, &str, &str)] = &[
        (401, None, "", "key was refused (HTTP 401)"),
        (403, None, "", "HTTP 403"),
        (404, None, "", "No model or deployment named 'gpt-x'"),
        (429, Some(2.0), "", "Rate limited (HTTP 429)"),
        (500, None, "", "The server failed (HTTP 500)"),
        (503, None, "", "HTTP 503"),
        (
            400,
            None,
            r#"{"error":{"message":"max_tokens is too large"}}"#,
            "HTTP 400): max_tokens is too large",
        ),
        (418, None, "", "no reason given"),
    ];
    for (status, retry_after, body, expected) in cases {
        let error = from_status(*status, *retry_after, body, Provider::Custom, "gpt-x", None);
        assert!(error.to_string().contains(expected), "{status}: {error}");
    }
    assert_eq!(
        from_status(429, Some(2.0), "", Provider::OpenAi, "m", None),
        CloudError::RateLimited {
            retry_after_s: Some(2.0),
            attempts: 1
        }
    );
    // A bare 404 on Azure's deployment URL can only mean the deployment.
    assert_eq!(
        from_status(404, None, "", Provider::AzureOpenAi, "d", None),
        CloudError::DeploymentNotFound("d".into())
    );
}

#[test]
fn streamed_chunks_and_whole_completions_are_read() {
    let chunk = parse_chunk(r#"{"choices":[{"index":0,"delta":{"content":"{\"priv"}}]}"#).unwrap();
    assert_eq!(chunk.content, "{\"priv");
    let last = parse_chunk(
        r#"{"choices":[],"usage":{"prompt_tokens":120,"completion_tokens":40,"total_tokens":160}}"#,
    )
    .unwrap();
    assert_eq!(
        last.usage,
        Some(Usage {
            prompt_tokens: 120,
            completion_tokens: 40
        })
    );
    assert!(matches!(
        parse_chunk("{not json"),
        Err(CloudError::Malformed(_))
    ));
    assert!(matches!(
        parse_chunk(r#"{"error":{"message":"overloaded"}}"#),
        Err(CloudError::Refused { .. })
    ));
    let whole = parse_completion(r#"{"choices":[{"message":{"content":"{}"}}],"usage":{"prompt_tokens":1,"completion_tokens":2}}"#).unwrap();
    assert_eq!(whole.content, "{}");
    assert!(parse_completion(r#"{"choices":[]}"#).is_err());
}

#[test]
fn labels_are_read_from_fenced_or_chatty_answers_and_checked() {
    let answer = "Sure:\n```json\n{\"privacy\": \"Regulated\", \"connectivity\": \"offline\", \"latency\": \"unknown\"}\n```";
    let labels = parse_labels(answer).unwrap();
    assert_eq!(labels.len(), local_or_cloud::analyzer::HEADS.len());
    assert_eq!(
        labels[0],
        (Factor::Privacy, Some(Privacy::Regulated.into()))
    );
    assert_eq!(
        labels[1],
        (Factor::Connectivity, Some(Connectivity::Offline.into()))
    );
    assert_eq!(labels[2], (Factor::Latency, None));
    assert_eq!(
        labels[5],
        (Factor::Collaboration, None),
        "a missing key is unknown"
    );
    for bad in [
        "no json here",
        "{\"privacy\": \"secret\"}",
        "{\"privacy\": ",
    ] {
        assert!(
            matches!(parse_labels(bad), Err(CloudError::Malformed(_))),
            "{bad}"
        );
    }
    // The prompt offers exactly the analyzer's classes.
    assert!(system_prompt()
        .contains("\"privacy\": public | internal | personal | regulated | device_only | unknown"));
}

#[test]
fn agreement_cost_and_speed_are_computed_from_what_was_measured() {
    let head = |factor, best: Option<Choice>| HeadResult {
        factor,
        best,
        confidence: 0.9,
        suggestion: best,
    };
    let local = [
        head(Factor::Privacy, Some(Privacy::Regulated.into())),
        head(Factor::Connectivity, None),
        head(Factor::Latency, Some(Latency::Realtime.into())),
    ];
    let cloud = [
        (Factor::Privacy, Some(Privacy::Regulated.into())),
        (Factor::Connectivity, None),
        (Factor::Latency, Some(Latency::Interactive.into())),
    ];
    let rows = agreement(&local, &cloud);
    assert_eq!(
        rows.iter().map(|r| r.agrees()).collect::<Vec<_>>(),
        [true, true, false]
    );
    assert_eq!(rows[2].cloud, Some(Latency::Interactive.into()));

    let usage = Usage {
        prompt_tokens: 1_000,
        completion_tokens: 100,
    };
    let inputs = CostInputs {
        users: 10,
        requests_per_user_per_day: 2.0,
        ..CostInputs::default()
    };
    let table = committed().table_on("2026-12-07");
    let cost = call_cost("gpt-4o-mini", usage, &inputs, &table).unwrap();
    // $0.15 per million in, $0.60 per million out: 0.00015 + 0.00006.
    assert!((cost.per_call - 0.000_21).abs() < 1e-12, "{cost:?}");
    assert!((cost.per_month - 0.000_21 * 600.0).abs() < 1e-9);
    assert!(call_cost("llama3.2", usage, &inputs, &table).is_none());
    assert_eq!(tokens_per_second(40, 500.0, 1_500.0), Some(40.0));
    assert_eq!(tokens_per_second(0, 500.0, 1_500.0), None);
}

#[test]
fn a_model_list_keeps_each_models_announced_shutdown_date() {
    use local_or_cloud::cloud::protocol::ListedModel;
    // OpenAI's GET /v1/models: `shutdown_date` is a date or null; other servers omit it.
    let list = serde_json::json!({ "object": "list", "data": [
        { "id": "gpt-5-nano", "object": "model", "shutdown_date": "2026-12-11" },
        { "id": "gpt-6-luna", "object": "model", "shutdown_date": null },
        { "id": "llama3.2", "object": "model" },
        { "object": "model", "shutdown_date": "2027-01-01" },
        { "id": "odd", "shutdown_date": 20261211 }
    ] });
    let models = ListedModel::from_list(&list);
    let pairs: Vec<(&str, Option<&str>)> = models
        .iter()
        .map(|m| (m.id.as_str(), m.shutdown_date.as_deref()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("gpt-5-nano", Some("2026-12-11")),
            ("gpt-6-luna", None),
            ("llama3.2", None),
            ("odd", None)
        ]
    );
    assert!(ListedModel::from_list(&serde_json::json!({ "data": "none" })).is_empty());
    let labels: Vec<String> = models.iter().map(ListedModel::label).collect();
    assert_eq!(labels[0], "gpt-5-nano (shuts down 2026-12-11)");
    assert_eq!(labels[1], "gpt-6-luna");
}
