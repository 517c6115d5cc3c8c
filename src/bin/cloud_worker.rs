//! The cloud worker bundle's entry point: serves the worker that makes the cloud call.

use local_or_cloud::cloud::worker::CloudWorker;
use local_or_cloud::worker_serve::serve;

fn main() {
    console_error_panic_hook::set_once();
    serve(CloudWorker::default());
}
