//! The local analyzer's state: the worker's progress, load times, and the last analysis.

use std::rc::Rc;

use yew::prelude::*;

use crate::analyzer::latency::percentile;
use crate::analyzer::{decode, HeadResult};
use crate::protocol::Response;

/// How many times each analysis runs the model, so its latency has percentiles.
pub const REPEATS: u32 = 30;
/// A worker that has not loaded the model by then is reported as failed to start.
pub const START_TIMEOUT_MS: u32 = 20_000;
/// A worker that has not answered an analysis by then has stopped (a trap or an abort in its
/// wasm leaves it unable to answer anything): thirty runs of the model take milliseconds.
pub const ANALYSIS_TIMEOUT_MS: u32 = 20_000;

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Phase {
    #[default]
    Starting,
    Ready,
    Analyzing,
    Failed(String),
}

/// The cold-start cost, measured inside the worker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LoadTimes {
    pub fetch_ms: f64,
    pub optimize_ms: f64,
    pub model_bytes: u64,
}

/// One finished analysis.
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
    pub error: Option<String>,
    /// The text of the request in flight.
    pending: Option<String>,
}

pub enum AnalyzerEvent {
    /// The page asked the worker to analyze this text.
    Sent(String),
    /// The worker has not reported a loaded model in time.
    StartTimeout,
    /// The worker has not answered an analysis in time.
    AnalysisTimeout,
    Worker(Response),
}

impl Reducible for AnalyzerState {
    type Action = AnalyzerEvent;

    fn reduce(self: Rc<Self>, event: AnalyzerEvent) -> Rc<Self> {
        let mut next = (*self).clone();
        match event {
            AnalyzerEvent::Sent(text) => {
                next.phase = Phase::Analyzing;
                next.error = None;
                next.pending = Some(text);
            }
            AnalyzerEvent::Worker(Response::Ready {
                fetch_ms,
                optimize_ms,
                model_bytes,
            }) => {
                next.phase = Phase::Ready;
                next.load = Some(LoadTimes {
                    fetch_ms,
                    optimize_ms,
                    model_bytes,
                });
            }
            AnalyzerEvent::Worker(Response::Analysis {
                outputs,
                run_ms,
                total_ms,
            }) => {
                let text = next.pending.take().unwrap_or_default();
                match decode(&outputs) {
                    Ok(heads) => {
                        next.phase = Phase::Ready;
                        next.last = Some(Rc::new(Analysis {
                            text,
                            heads,
                            p50_ms: percentile(&run_ms, 50.0).unwrap_or(0.0),
                            p95_ms: percentile(&run_ms, 95.0).unwrap_or(0.0),
                            mean_ms: total_ms / run_ms.len().max(1) as f64,
                            runs: run_ms.len(),
                        }));
                    }
                    Err(message) => next.phase = Phase::Failed(message),
                }
            }
            // The device benchmark runs in a worker of its own; its answers never come here.
            AnalyzerEvent::Worker(Response::Benchmark { .. }) => return self,
            AnalyzerEvent::Worker(Response::Failed { message }) => {
                next.pending = None;
                // A failed analysis leaves a loaded model usable; a failed load does not.
                if next.load.is_some() {
                    next.phase = Phase::Ready;
                    next.error = Some(message);
                } else {
                    next.phase = Phase::Failed(message);
                }
            }
            // Whatever the phase says (a request may have been made meanwhile), no loaded model
            // by now means the worker never started.
            AnalyzerEvent::StartTimeout => {
                if next.load.is_none() && !matches!(next.phase, Phase::Failed(_)) {
                    next.pending = None;
                    next.phase = Phase::Failed(format!(
                        "the local inference worker did not start within {} s",
                        START_TIMEOUT_MS / 1000
                    ));
                }
            }
            AnalyzerEvent::AnalysisTimeout => {
                if next.phase == Phase::Analyzing {
                    next.pending = None;
                    next.phase = Phase::Failed(format!(
                        "the local inference worker stopped answering (no analysis within {} s); reload the page to start it again",
                        ANALYSIS_TIMEOUT_MS / 1000
                    ));
                }
            }
        }
        Rc::new(next)
    }
}

/// What components get from context: the state, and a way to ask for an analysis.
#[derive(Clone, PartialEq)]
pub struct AnalyzerContext {
    pub state: UseReducerHandle<AnalyzerState>,
    pub analyze: Callback<String>,
}

#[hook]
pub fn use_analyzer() -> AnalyzerContext {
    use_context::<AnalyzerContext>().expect("the analyzer is provided by the root component")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(events: Vec<AnalyzerEvent>) -> Rc<AnalyzerState> {
        events
            .into_iter()
            .fold(Rc::new(AnalyzerState::default()), |state, event| {
                state.reduce(event)
            })
    }

    fn ready() -> AnalyzerEvent {
        AnalyzerEvent::Worker(Response::Ready {
            fetch_ms: 1.0,
            optimize_ms: 2.0,
            model_bytes: 3,
        })
    }

    #[test]
    fn a_worker_that_never_starts_fails_even_with_a_request_made_meanwhile() {
        let state = after(vec![
            AnalyzerEvent::Sent("text".into()),
            AnalyzerEvent::StartTimeout,
        ]);
        assert!(
            matches!(&state.phase, Phase::Failed(m) if m.contains("did not start within 20 s")),
            "{:?}",
            state.phase
        );
        let started = after(vec![ready(), AnalyzerEvent::StartTimeout]);
        assert_eq!(started.phase, Phase::Ready, "a late timer changes nothing");
    }

    #[test]
    fn a_worker_that_stops_answering_an_analysis_fails() {
        let state = after(vec![
            ready(),
            AnalyzerEvent::Sent("text".into()),
            AnalyzerEvent::AnalysisTimeout,
        ]);
        assert!(
            matches!(&state.phase, Phase::Failed(m) if m.contains("stopped answering")),
            "{:?}",
            state.phase
        );
        let idle = after(vec![ready(), AnalyzerEvent::AnalysisTimeout]);
        assert_eq!(
            idle.phase,
            Phase::Ready,
            "no analysis in flight, no failure"
        );
    }
}
