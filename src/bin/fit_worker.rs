//! The fit worker bundle's entry point: the report worker with the fit table as its only writer.

use local_or_cloud::report::worker::ReportWorker;
use local_or_cloud::worker_serve::serve;

fn main() {
    console_error_panic_hook::set_once();
    serve(ReportWorker::fit_tables());
}
