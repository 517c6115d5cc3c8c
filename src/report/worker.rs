//! The report worker: writes the Markdown and JSON exports off the page's thread and bundle.
//!
//! The app starts it the first time the visitor copies or downloads a report; the page's bundle
//! holds only the message types (`protocol`), not the report writers or the starter code.

use super::protocol::{ReportJob, ReportRequest};
use crate::worker_serve::{Replier, Serve};

/// Stateless: every request carries all it needs, and is answered at once.
#[derive(Default)]
pub struct ReportWorker;

impl Serve for ReportWorker {
    type Job = ReportJob;

    fn received(&mut self, request: ReportRequest, reply: Replier<ReportJob>) {
        reply.send(&request.write());
    }
}
