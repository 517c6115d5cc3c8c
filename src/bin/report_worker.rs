//! The report worker bundle's entry point: serves the worker that writes the exports.

use local_or_cloud::report::worker::ReportWorker;
use local_or_cloud::worker_serve::serve;

fn main() {
    console_error_panic_hook::set_once();
    serve(ReportWorker::reports());
}
