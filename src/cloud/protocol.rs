//! The messages between the app and the cloud worker, and what a finished call measured.
//!
//! The cloud call (fetch, streaming, JSON parsing, retries) runs in a worker of its own that the
//! app starts only when the visitor first asks for it, so none of that code is in the bundle
//! every visitor downloads. Only these types cross the boundary.

use serde::{Deserialize, Serialize};

use super::completion::Usage;
use super::Endpoint;
use crate::engine::{Choice, Factor};
use crate::worker_serve::Job;

/// The cloud worker's job: `cloud_worker.js`, started on the visitor's first cloud request.
pub struct CloudJob;

impl Job for CloudJob {
    type Request = CloudRequest;
    type Reply = CloudReply;
    const NAME: &'static str = "cloud";
}

/// What the app asks the cloud worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CloudRequest {
    /// Ask the endpoint's model for the labels of `text`, stopping after `timeout_s` seconds.
    /// The key travels as text only inside this message; the worker wraps it again at once.
    Call {
        endpoint: Endpoint,
        key: Option<String>,
        text: String,
        timeout_s: u32,
    },
    /// Stop the call in flight, if any; it then answers `Called` with `CloudError::Cancelled`.
    Cancel,
    /// List the server's models (`GET {base}/models`).
    ListModels { base: String, key: Option<String> },
}

/// What the cloud worker answers. Failures arrive as the message meant for the visitor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CloudReply {
    Called(Result<CloudCall, String>),
    /// Each model as the visitor reads it (`ListedModel::label`): worded in the worker, so the
    /// page's bundle carries no type for it. Failures are the message meant for the visitor.
    Models(Result<Vec<String>, String>),
}

/// One model a server lists, with the shutdown date it announces (OpenAI's `shutdown_date`,
/// `YYYY-MM-DD`; None when the server gives none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListedModel {
    pub id: String,
    pub shutdown_date: Option<String>,
}

impl ListedModel {
    /// The models in an OpenAI-style list (`{ "data": [{ "id", "shutdown_date" }] }`);
    /// entries without an id are skipped, and a date that is not text is ignored.
    pub fn from_list(list: &serde_json::Value) -> Vec<ListedModel> {
        let entries = list.get("data").and_then(|d| d.as_array());
        entries
            .into_iter()
            .flatten()
            .filter_map(|m| {
                Some(ListedModel {
                    id: m.get("id")?.as_str()?.to_owned(),
                    shutdown_date: m
                        .get("shutdown_date")
                        .and_then(|d| d.as_str())
                        .map(str::to_owned),
                })
            })
            .collect()
    }

    /// The model as the list shows it: its id, and its shutdown date when announced.
    pub fn label(&self) -> String {
        match &self.shutdown_date {
            Some(date) => format!("{} (shuts down {date})", self.id),
            None => self.id.clone(),
        }
    }
}

/// A finished call: the labels the model gave, where the text went and what it cost in time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CloudCall {
    #[serde(with = "labels_by_key")]
    pub labels: Vec<(Factor, Option<Choice>)>,
    /// The origin the text was sent to.
    pub host: String,
    /// The request's body and header lines, in bytes.
    pub bytes_sent: usize,
    pub outcome: Outcome,
}

/// What a finished call measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub content: String,
    pub usage: Option<Usage>,
    /// From sending the (last) request to the first piece of text, preamble included.
    pub first_token_ms: Option<f64>,
    /// From sending the (last) request to the first piece of the answer after any preamble.
    pub first_answer_ms: Option<f64>,
    /// Characters of reasoning before the answer, ignored for the labels.
    pub preamble_chars: usize,
    /// From the first attempt to the end of the answer, retries and waits included.
    pub total_ms: f64,
    pub attempts: u32,
}

/// Labels cross the boundary as each factor with its option's key, read back into the typed
/// table on the other side (a `Choice` alone serializes as its key, without its factor).
mod labels_by_key {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::engine::{Choice, Factor};

    pub fn serialize<S: Serializer>(
        labels: &[(Factor, Option<Choice>)],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(labels.iter().map(|(f, c)| (f, c.map(Choice::key))))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<(Factor, Option<Choice>)>, D::Error> {
        let keyed: Vec<(Factor, Option<String>)> = Vec::deserialize(deserializer)?;
        keyed
            .into_iter()
            .map(|(factor, key)| match key {
                None => Ok((factor, None)),
                Some(key) => Choice::parse(factor, &key)
                    .map(|choice| (factor, Some(choice)))
                    .ok_or_else(|| {
                        D::Error::custom(format!("'{key}' is not a {} option", factor.key()))
                    }),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::factor::{Connectivity, Privacy};

    #[test]
    fn a_finished_call_survives_the_worker_boundary() {
        let call = CloudCall {
            labels: vec![
                (Factor::Privacy, Some(Choice::Privacy(Privacy::Regulated))),
                (
                    Factor::Connectivity,
                    Some(Choice::Connectivity(Connectivity::Offline)),
                ),
                (Factor::Latency, None),
            ],
            host: "https://example.openai.azure.com".into(),
            bytes_sent: 1_234,
            outcome: Outcome {
                content: "{}".into(),
                usage: Some(Usage {
                    prompt_tokens: 182,
                    completion_tokens: 44,
                }),
                first_token_ms: Some(120.5),
                first_answer_ms: None,
                preamble_chars: 0,
                total_ms: 640.25,
                attempts: 2,
            },
        };
        let reply = CloudReply::Called(Ok(call));
        let json = serde_json::to_string(&reply).expect("plain data");
        assert_eq!(serde_json::from_str::<CloudReply>(&json).ok(), Some(reply));
    }

    #[test]
    fn an_option_key_from_another_factor_is_refused() {
        let json = r#"{"Called":{"Ok":{"labels":[["privacy","offline"]],"host":"h","bytes_sent":1,
            "outcome":{"content":"","usage":null,"first_token_ms":null,"first_answer_ms":null,
            "preamble_chars":0,"total_ms":1.0,"attempts":1}}}}"#;
        assert!(serde_json::from_str::<CloudReply>(json).is_err());
    }
}
