//! The report and fit workers' links: each started the first time it is asked; each request
//! waits for its own reply, and one not answered in time fails instead of staying pending.

use yew::prelude::*;

use super::worker_link::WorkerLink;
use crate::report::protocol::ReportJob;

/// The report worker's loader: every report, and the verdict's reach.
pub const REPORTS: &str = "report_worker_loader.js";
/// The fit worker's loader: the same job with the fit table as its only writer.
pub const FIT_TABLES: &str = "fit_worker_loader.js";

/// Milliseconds a report may take, the worker's start included.
pub const WAIT_MS: u32 = 20_000;

/// A component's handle on the report worker.
pub type ReportLink = WorkerLink<ReportJob>;

/// The worker that `loader` starts, for one component; it is started on the first request and
/// ends with the component.
#[hook]
pub fn use_report_worker(loader: &'static str) -> ReportLink {
    let link = use_memo((), |_| ReportLink::new(loader));
    {
        let link = (*link).clone();
        use_effect_with((), move |_| move || link.end());
    }
    (*link).clone()
}
