//! The report worker's link: started the first time a report is asked for; each request waits
//! for its own reply, and one not answered in time fails instead of staying pending.

use yew::prelude::*;

use super::worker_link::WorkerLink;
use crate::report::protocol::ReportJob;

const WORKER_PATH: &str = "report_worker_loader.js";
/// Milliseconds a report may take, the worker's start included.
pub const WAIT_MS: u32 = 20_000;

/// A component's handle on the report worker.
pub type ReportLink = WorkerLink<ReportJob>;

/// The report worker for one component; it is started on the first report and ends with the
/// component.
#[hook]
pub fn use_report_worker() -> ReportLink {
    let link = use_memo((), |_| ReportLink::new(WORKER_PATH));
    {
        let link = (*link).clone();
        use_effect_with((), move |_| move || link.end());
    }
    (*link).clone()
}
