//! The report worker bundle's entry point: registers the worker that writes the exports.

use gloo_worker::Registrable;
use local_or_cloud::report::worker::ReportWorker;
use local_or_cloud::worker_codec::Packed;

fn main() {
    console_error_panic_hook::set_once();
    ReportWorker::registrar().encoding::<Packed>().register();
}
