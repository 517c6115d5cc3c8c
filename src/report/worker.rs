//! The report worker: writes the Markdown and JSON exports off the page's thread and bundle.
//!
//! The app starts it the first time the visitor copies or downloads a report; the page's bundle
//! holds only the message types (`protocol`), not the report writers or the starter code.

use gloo_worker::{HandlerId, Worker, WorkerScope};

use super::protocol::ReportRequest;

/// Stateless: every request carries all it needs.
pub struct ReportWorker;

impl Worker for ReportWorker {
    type Message = ();
    type Input = ReportRequest;
    type Output = String;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        ReportWorker
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, (): ()) {}

    // Requests are answered in the order they came, which the page relies on.
    fn received(&mut self, scope: &WorkerScope<Self>, request: ReportRequest, id: HandlerId) {
        scope.respond(id, request.write());
    }
}
