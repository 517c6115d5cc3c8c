//! The providers a cloud call can go to, and the HTTP request each one expects.
//!
//! Plain Rust: the browser glue sends exactly what `chat_request` returns, so every provider's
//! URL and headers are tested natively.

use serde::{Deserialize, Serialize};

use super::error::CloudError;

/// Where a chat completion can be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Provider {
    OpenAi,
    /// Azure OpenAI's classic URL: the deployment in the path, `api-version` in the query.
    AzureOpenAi,
    /// Azure OpenAI's v1 endpoint: OpenAI's paths under `/openai/v1`, the model in the body.
    AzureOpenAiV1,
    /// Azure AI Foundry models (the model inference endpoint).
    AzureFoundry,
    /// Foundry Local on this machine; its port changes from run to run.
    FoundryLocal,
    Ollama,
    LmStudio,
    /// Any other OpenAI-compatible server.
    Custom,
}

impl Provider {
    pub const ALL: [Provider; 8] = [
        Provider::OpenAi,
        Provider::AzureOpenAi,
        Provider::AzureOpenAiV1,
        Provider::AzureFoundry,
        Provider::FoundryLocal,
        Provider::Ollama,
        Provider::LmStudio,
        Provider::Custom,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            Provider::OpenAi => "openai",
            Provider::AzureOpenAi => "azure-openai",
            Provider::AzureOpenAiV1 => "azure-openai-v1",
            Provider::AzureFoundry => "azure-foundry",
            Provider::FoundryLocal => "foundry-local",
            Provider::Ollama => "ollama",
            Provider::LmStudio => "lm-studio",
            Provider::Custom => "custom",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    pub const fn label(self) -> &'static str {
        match self {
            Provider::OpenAi => "OpenAI",
            Provider::AzureOpenAi => "Azure OpenAI (deployment URL)",
            Provider::AzureOpenAiV1 => "Azure OpenAI (v1 endpoint)",
            Provider::AzureFoundry => "Azure AI Foundry models",
            Provider::FoundryLocal => "Foundry Local (this machine)",
            Provider::Ollama => "Ollama (this machine)",
            Provider::LmStudio => "LM Studio (this machine)",
            Provider::Custom => "Another OpenAI-compatible server",
        }
    }

    /// The base URL to start from; `YOUR-RESOURCE` and `PORT` are for the visitor to replace.
    pub const fn default_base(self) -> &'static str {
        match self {
            Provider::OpenAi => "https://api.openai.com/v1",
            Provider::AzureOpenAi => "https://YOUR-RESOURCE.openai.azure.com",
            Provider::AzureOpenAiV1 => "https://YOUR-RESOURCE.openai.azure.com/openai/v1",
            Provider::AzureFoundry => "https://YOUR-RESOURCE.services.ai.azure.com/models",
            Provider::FoundryLocal => "http://127.0.0.1:PORT/v1",
            Provider::Ollama => "http://127.0.0.1:11434/v1",
            Provider::LmStudio => "http://127.0.0.1:1234/v1",
            Provider::Custom => "",
        }
    }

    /// The `api-version` the URL carries, for the providers that take one.
    pub const fn default_api_version(self) -> Option<&'static str> {
        match self {
            Provider::AzureOpenAi => Some("2024-10-21"),
            Provider::AzureFoundry => Some("2024-05-01-preview"),
            _ => None,
        }
    }

    /// Servers on this machine: the text leaves the browser but not the device.
    pub const fn on_this_machine(self) -> bool {
        matches!(
            self,
            Provider::FoundryLocal | Provider::Ollama | Provider::LmStudio
        )
    }

    /// Azure takes the key in an `api-key` header; everyone else as a bearer token.
    const fn key_header(self) -> &'static str {
        match self {
            Provider::AzureOpenAi | Provider::AzureOpenAiV1 | Provider::AzureFoundry => "api-key",
            _ => "Authorization",
        }
    }
}

/// An API key. It is shown to nothing: `Debug` hides it, and it has no `Display` and no
/// `Serialize`, so it cannot end up in a message, a report or a link by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// None for an empty key, since local servers need none.
    pub fn new(key: &str) -> Option<Self> {
        let key = key.trim();
        (!key.is_empty()).then(|| Self(key.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiKey(hidden)")
    }
}

/// What the visitor configured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Endpoint {
    pub provider: Provider,
    pub base_url: String,
    /// The model name, or for Azure OpenAI's deployment URL the deployment name.
    pub model: String,
    pub api_version: String,
}

/// A request ready for `fetch`.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpRequest {
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
}

impl HttpRequest {
    /// The bytes this request sends: the body and each `name: value` header line (the
    /// browser's own headers and the TLS and HTTP framing add a little more).
    pub fn size_bytes(&self) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(n, v)| n.len() + v.len() + 4)
            .sum();
        self.body.len() + headers
    }
}

/// The scheme, host and port of a URL, as the panel names where a request went.
pub fn origin_of(url: &str) -> String {
    url.split('/').take(3).collect::<Vec<_>>().join("/")
}

/// The base URL, checked: https anywhere, plain http only to this machine, so a key never
/// crosses the network unencrypted; no credentials, query or fragment.
pub fn checked_base(base: &str) -> Result<String, CloudError> {
    let base = base.trim().trim_end_matches('/');
    let bad = |why: &str| Err(CloudError::Config(why.to_owned()));
    let Some((scheme, rest)) = base.split_once("://") else {
        return bad("the base URL must start with https:// (or http:// for this machine)");
    };
    let host = rest.split('/').next().unwrap_or("");
    let hostname = host.rsplit_once(':').map_or(host, |(h, _)| h);
    let loopback = matches!(hostname, "localhost" | "127.0.0.1" | "[::1]");
    if base.contains(['?', '#', '@', ' ']) {
        return bad("the base URL must not contain a query, a fragment, spaces or credentials");
    }
    if host.is_empty() || host.contains("YOUR-RESOURCE") || host.ends_with(":PORT") {
        return bad("fill in the resource name or port in the base URL");
    }
    match scheme {
        "https" => Ok(base.to_owned()),
        "http" if loopback => Ok(base.to_owned()),
        "http" => bad("plain http is allowed only for servers on this machine; use https"),
        _ => bad("the base URL must start with https:// (or http:// for this machine)"),
    }
}

/// The chat-completions request for this endpoint, carrying `body` (JSON without `model`,
/// which is added here where the provider wants it in the body).
pub fn chat_request(
    endpoint: &Endpoint,
    key: Option<&ApiKey>,
    body: serde_json::Map<String, serde_json::Value>,
) -> Result<HttpRequest, CloudError> {
    let base = checked_base(&endpoint.base_url)?;
    let model = endpoint.model.trim();
    if model.is_empty() {
        return Err(CloudError::Config("name the model or deployment".into()));
    }
    let provider = endpoint.provider;
    let version = endpoint.api_version.trim();
    let query = |v: &str| {
        form_urlencoded::Serializer::new(String::new())
            .append_pair("api-version", v)
            .finish()
    };
    if provider.default_api_version().is_some() && version.is_empty() {
        return Err(CloudError::Config("give the api-version".into()));
    }
    let mut body = body;
    let url = match provider {
        Provider::AzureOpenAi => {
            let deployment: String = form_urlencoded::byte_serialize(model.as_bytes()).collect();
            format!(
                "{base}/openai/deployments/{deployment}/chat/completions?{}",
                query(version)
            )
        }
        Provider::AzureFoundry => format!("{base}/chat/completions?{}", query(version)),
        _ => format!("{base}/chat/completions"),
    };
    if provider != Provider::AzureOpenAi {
        body.insert("model".into(), model.into());
    }
    let mut headers = vec![("Content-Type", "application/json".to_owned())];
    match (key, provider.key_header()) {
        (Some(key), "api-key") => headers.push(("api-key", key.expose().to_owned())),
        (Some(key), header) => headers.push((header, format!("Bearer {}", key.expose()))),
        (None, _) if !provider.on_this_machine() && provider != Provider::Custom => {
            return Err(CloudError::Config(format!(
                "{} needs an API key",
                provider.label()
            )));
        }
        (None, _) => {}
    }
    Ok(HttpRequest {
        url,
        headers,
        body: serde_json::Value::Object(body).to_string(),
    })
}

/// The URL that lists the server's models: how a Foundry Local port is probed.
pub fn models_url(base: &str) -> Result<String, CloudError> {
    Ok(format!("{}/models", checked_base(base)?))
}
