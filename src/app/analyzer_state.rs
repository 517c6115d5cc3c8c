//! The local analyzer's state: the worker's progress, load times, and the last analysis.

use std::rc::Rc;

use yew::prelude::*;

use super::worker_link::LinkError;
use crate::analyzer::latency::percentile;
use crate::analyzer::{decode, HeadResult};
use crate::inference::protocol::AnalyzerReply;
use crate::inference::InferenceError;

/// How many times each analysis runs the model, so its latency has percentiles.
pub const REPEATS: u32 = 30;
/// A worker that has not loaded the model by then is reported as failed to start.
pub const START_TIMEOUT_MS: u32 = 20_000;
/// A worker that has not answered an analysis by then has stopped (a trap or an abort in its
/// wasm leaves it unable to answer anything): thirty runs of the model take milliseconds.
pub const ANALYSIS_TIMEOUT_MS: u32 = 20_000;

/// Why the analyzer is unavailable, or why one analysis failed; words only in the view.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnalyzerError {
    #[error("the local inference worker did not start within {} s", START_TIMEOUT_MS / 1000)]
    NotStarted,
    #[error("the local inference worker stopped answering (no analysis within {} s); reload the page to start it again", ANALYSIS_TIMEOUT_MS / 1000)]
    StoppedAnswering,
    #[error("the local inference worker {0}")]
    Link(LinkError),
    #[error(transparent)]
    Inference(#[from] InferenceError),
    /// The model's outputs did not have the expected shape.
    #[error("{0}")]
    Outputs(String),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Phase {
    /// Not fetched yet: the worker and model load when the box is first used.
    #[default]
    Idle,
    Starting,
    Ready,
    Analyzing,
    Failed(AnalyzerError),
}

/// The cold-start cost, measured inside the worker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LoadTimes {
    pub fetch_ms: f64,
    pub optimize_ms: f64,
    pub model_bytes: u64,
}

/// One finished analysis, with the text it was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub text: String,
    pub heads: Vec<HeadResult>,
    pub p50_ms: f64,
    pub p95_ms: f64,
    /// The loop's total time over the runs: exact where the browser coarsens each run's timing.
    pub mean_ms: f64,
    pub runs: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnalyzerState {
    pub phase: Phase,
    pub load: Option<LoadTimes>,
    pub last: Option<Rc<Analysis>>,
    /// Why the last analysis failed, while the model stays loaded.
    pub error: Option<AnalyzerError>,
    /// Analyses asked for and not yet answered.
    in_flight: u32,
}

/// What the worker link answered.
pub type Answer = Result<Result<AnalyzerReply, InferenceError>, LinkError>;

pub enum AnalyzerEvent {
    /// The worker and model are being fetched.
    Started,
    /// The page asked the worker to analyze a text.
    Sent,
    /// The model's load was answered (or not).
    Loaded(Answer),
    /// An analysis was answered (or not), with the text it was asked for.
    Analyzed { text: String, answer: Answer },
}

impl Reducible for AnalyzerState {
    type Action = AnalyzerEvent;

    fn reduce(self: Rc<Self>, event: AnalyzerEvent) -> Rc<Self> {
        let mut next = (*self).clone();
        match event {
            AnalyzerEvent::Started => next.phase = Phase::Starting,
            AnalyzerEvent::Sent => {
                next.phase = Phase::Analyzing;
                next.error = None;
                next.in_flight += 1;
            }
            AnalyzerEvent::Loaded(answer) => match answer {
                Ok(Ok(AnalyzerReply::Ready {
                    fetch_ms,
                    optimize_ms,
                    model_bytes,
                })) => {
                    next.phase = Phase::Ready;
                    next.load = Some(LoadTimes {
                        fetch_ms,
                        optimize_ms,
                        model_bytes,
                    });
                }
                // The page went away: nothing to say.
                Err(LinkError::Ended) => return self,
                Err(LinkError::NoAnswer) => next.phase = Phase::Failed(AnalyzerError::NotStarted),
                Err(other) => next.phase = Phase::Failed(AnalyzerError::Link(other)),
                Ok(Err(error)) => next.phase = Phase::Failed(error.into()),
                Ok(Ok(AnalyzerReply::Analysis { .. })) => {
                    next.phase = Phase::Failed(AnalyzerError::Link(LinkError::Garbled))
                }
            },
            AnalyzerEvent::Analyzed { text, answer } => {
                next.in_flight = next.in_flight.saturating_sub(1);
                if matches!(next.phase, Phase::Analyzing) && next.in_flight == 0 {
                    next.phase = Phase::Ready;
                }
                analyzed(&mut next, text, answer);
            }
        }
        Rc::new(next)
    }
}

/// Folds one analysis's answer into the state: its result, or why it failed.
fn analyzed(next: &mut AnalyzerState, text: String, answer: Answer) {
    let failure = match answer {
        Ok(Ok(AnalyzerReply::Analysis {
            outputs,
            run_ms,
            total_ms,
        })) => match decode(&outputs) {
            Ok(heads) => {
                next.last = Some(Rc::new(Analysis {
                    text,
                    heads,
                    p50_ms: percentile(&run_ms, 50.0).unwrap_or(0.0),
                    p95_ms: percentile(&run_ms, 95.0).unwrap_or(0.0),
                    mean_ms: total_ms / run_ms.len().max(1) as f64,
                    runs: run_ms.len(),
                }));
                return;
            }
            Err(message) => AnalyzerError::Outputs(message),
        },
        Err(LinkError::Ended) => return,
        // The worker is gone with its model. One that does not answer in time has stopped (a
        // trap or an abort in its wasm leaves it unable to answer anything): thirty runs of
        // the model take milliseconds.
        Err(link) => {
            next.phase = Phase::Failed(match link {
                LinkError::NoAnswer => AnalyzerError::StoppedAnswering,
                other => AnalyzerError::Link(other),
            });
            return;
        }
        Ok(Err(error)) => AnalyzerError::Inference(error),
        Ok(Ok(AnalyzerReply::Ready { .. })) => AnalyzerError::Link(LinkError::Garbled),
    };
    // A failed analysis leaves a loaded model usable.
    next.error = Some(failure);
}

/// What components get from context: the state, and a way to ask for an analysis.
#[derive(Clone, PartialEq)]
pub struct AnalyzerContext {
    pub state: UseReducerHandle<AnalyzerState>,
    pub analyze: Callback<String>,
    /// Starts fetching the worker and model, if that has not begun (the box got focus).
    pub wake: Callback<()>,
}

#[hook]
pub fn use_analyzer() -> AnalyzerContext {
    use_context::<AnalyzerContext>().expect("the analyzer is provided by the root component")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::labels::output_len;

    fn after(events: Vec<AnalyzerEvent>) -> Rc<AnalyzerState> {
        events
            .into_iter()
            .fold(Rc::new(AnalyzerState::default()), |state, event| {
                state.reduce(event)
            })
    }

    fn ready() -> AnalyzerEvent {
        AnalyzerEvent::Loaded(Ok(Ok(AnalyzerReply::Ready {
            fetch_ms: 1.0,
            optimize_ms: 2.0,
            model_bytes: 3,
        })))
    }

    fn analyzed(text: &str, answer: Answer) -> AnalyzerEvent {
        AnalyzerEvent::Analyzed {
            text: text.into(),
            answer,
        }
    }

    fn outputs() -> Answer {
        Ok(Ok(AnalyzerReply::Analysis {
            outputs: vec![0.0; output_len()],
            run_ms: vec![1.0],
            total_ms: 1.0,
        }))
    }

    #[test]
    fn a_worker_that_never_starts_fails_even_with_a_request_made_meanwhile() {
        let state = after(vec![
            AnalyzerEvent::Sent,
            AnalyzerEvent::Loaded(Err(LinkError::NoAnswer)),
        ]);
        assert_eq!(state.phase, Phase::Failed(AnalyzerError::NotStarted));
        assert!(AnalyzerError::NotStarted
            .to_string()
            .contains("did not start within 20 s"));
        let gone = after(vec![
            AnalyzerEvent::Started,
            AnalyzerEvent::Loaded(Err(LinkError::Ended)),
        ]);
        assert_eq!(
            gone.phase,
            Phase::Starting,
            "a page that went away says nothing"
        );
    }

    #[test]
    fn the_analyzer_is_idle_until_it_is_started() {
        assert_eq!(after(vec![]).phase, Phase::Idle);
        assert_eq!(after(vec![AnalyzerEvent::Started]).phase, Phase::Starting);
        assert_eq!(
            after(vec![AnalyzerEvent::Started, ready()]).phase,
            Phase::Ready
        );
    }

    #[test]
    fn a_worker_that_stops_answering_an_analysis_fails() {
        let state = after(vec![
            ready(),
            AnalyzerEvent::Sent,
            analyzed("text", Err(LinkError::NoAnswer)),
        ]);
        assert_eq!(state.phase, Phase::Failed(AnalyzerError::StoppedAnswering));
        let crashed = after(vec![
            ready(),
            AnalyzerEvent::Sent,
            analyzed("text", Err(LinkError::Crashed)),
        ]);
        assert_eq!(
            crashed.phase,
            Phase::Failed(AnalyzerError::Link(LinkError::Crashed))
        );
    }

    /// Issue 29 a: the cloud button re-analyzes while a link's analysis runs. Each answer is
    /// paired with its own text; the state was once one pending text, which the second request
    /// overwrote, so the first answer was shown under the second text.
    #[test]
    fn two_analyses_in_flight_keep_their_own_texts() {
        let first_back = after(vec![
            ready(),
            AnalyzerEvent::Sent,
            AnalyzerEvent::Sent,
            analyzed("from the link", outputs()),
        ]);
        let last = first_back.last.as_ref().expect("an analysis");
        assert_eq!(last.text, "from the link");
        assert_eq!(first_back.phase, Phase::Analyzing, "one is still running");
        let both_back = first_back.reduce(analyzed("from the cloud button", outputs()));
        assert_eq!(
            both_back.last.as_ref().map(|a| a.text.as_str()),
            Some("from the cloud button")
        );
        assert_eq!(both_back.phase, Phase::Ready);
    }

    #[test]
    fn a_failed_analysis_keeps_the_model_and_says_why() {
        let state = after(vec![
            ready(),
            AnalyzerEvent::Sent,
            analyzed("text", Ok(Err(InferenceError::Run("out of memory".into())))),
        ]);
        assert_eq!(state.phase, Phase::Ready);
        assert_eq!(
            state.error,
            Some(AnalyzerError::Inference(InferenceError::Run(
                "out of memory".into()
            )))
        );
    }
}
