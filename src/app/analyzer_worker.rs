//! The analyzer's worker link: loads the model once, then sends each analysis with its own
//! text, so every answer is paired with the text it was asked for, however many are in flight.
//! A request made before the model is ready waits for it; a worker that never starts or stops
//! answering is reported, so the analyzer never stays "Analyzing…" for good.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::analyzer_state::{
    AnalyzerContext, AnalyzerEvent, AnalyzerState, ANALYSIS_TIMEOUT_MS, REPEATS, START_TIMEOUT_MS,
};
use super::urls;
use super::worker_link::{LinkError, WorkerLink};
use crate::inference::protocol::{AnalyzerJob, AnalyzerReply, AnalyzerRequest};

pub const WORKER_PATH: &str = "worker_loader.js";
pub const MODEL_PATH: &str = "models/analyzer.onnx";

/// Where the model stands, for requests made meanwhile.
#[derive(Default)]
enum Model {
    /// Nothing fetched yet.
    #[default]
    Idle,
    Loading,
    /// The last text asked for before the model was ready; sent once it is.
    Waiting(String),
    Ready,
    /// It failed to load, or the worker never started or stopped answering: requests go nowhere.
    Gone,
}

type Events = UseReducerDispatcher<AnalyzerState>;

#[derive(Clone)]
struct Analyzer {
    link: WorkerLink<AnalyzerJob>,
    model: Rc<RefCell<Model>>,
    events: Events,
}

impl Analyzer {
    /// Sends an analysis now, or keeps it until the model is ready.
    fn request(&self, text: String) {
        let mut model = self.model.borrow_mut();
        match &*model {
            // The analyzer's status already says why, and the rest of the page works.
            Model::Gone => return,
            Model::Idle => {
                drop(model);
                self.load();
                *self.model.borrow_mut() = Model::Waiting(text);
                return;
            }
            Model::Loading | Model::Waiting(_) => {
                *model = Model::Waiting(text);
                return;
            }
            Model::Ready => {}
        }
        drop(model);
        let request = AnalyzerRequest::Analyze {
            text: text.clone(),
            repeats: REPEATS,
        };
        let answer = self.link.ask(&request, ANALYSIS_TIMEOUT_MS);
        self.events.dispatch(AnalyzerEvent::Sent);
        let this = self.clone();
        spawn_local(async move {
            let answer = answer.await;
            // A worker that crashed or hung took the model with it.
            if matches!(answer, Err(error) if error != LinkError::Ended) {
                *this.model.borrow_mut() = Model::Gone;
            }
            this.events
                .dispatch(AnalyzerEvent::Analyzed { text, answer });
        });
    }

    /// Loads the model; what waited for it is sent once it is ready.
    fn load(&self) {
        // Once per page: a second focus or a request while it loads changes nothing.
        if !matches!(*self.model.borrow(), Model::Idle) {
            return;
        }
        *self.model.borrow_mut() = Model::Loading;
        self.events.dispatch(AnalyzerEvent::Started);
        let request = AnalyzerRequest::Load {
            model_url: urls::resolve(MODEL_PATH),
        };
        let answer = self.link.ask(&request, START_TIMEOUT_MS);
        let this = self.clone();
        spawn_local(async move {
            let answer = answer.await;
            let ready = matches!(answer, Ok(Ok(AnalyzerReply::Ready { .. })));
            let before = std::mem::replace(
                &mut *this.model.borrow_mut(),
                if ready { Model::Ready } else { Model::Gone },
            );
            this.events.dispatch(AnalyzerEvent::Loaded(answer));
            if let Model::Waiting(text) = before {
                this.request(text);
            }
        });
    }
}

/// The analyzer for the root to provide, started at once when `start` (a link with a
/// description), else when the box is first used (`wake`) or a text is first analyzed; the
/// worker goes when the root does.
#[hook]
pub fn use_analyzer_worker(start: bool) -> AnalyzerContext {
    let state = use_reducer(AnalyzerState::default);
    let analyzer = {
        let events = state.dispatcher();
        use_memo((), move |_| Analyzer {
            link: WorkerLink::new(WORKER_PATH),
            model: Rc::default(),
            events,
        })
    };
    {
        let analyzer = (*analyzer).clone();
        use_effect_with(start, move |start| {
            if *start {
                analyzer.load();
            }
            // Ending the link ends the worker; waiting requests then fail as stopped.
            move || analyzer.link.end()
        });
    }
    let wake = {
        let analyzer = (*analyzer).clone();
        use_callback((), move |(), _| analyzer.load())
    };
    let analyze = use_callback((), move |text: String, _| analyzer.request(text));
    AnalyzerContext {
        state,
        analyze,
        wake,
    }
}
