//! The cloud worker bundle's entry point: registers the worker that makes the cloud call.

use gloo_worker::Registrable;
use local_or_cloud::cloud::worker::CloudWorker;
use local_or_cloud::worker_codec::Packed;

fn main() {
    console_error_panic_hook::set_once();
    CloudWorker::registrar().encoding::<Packed>().register();
}
