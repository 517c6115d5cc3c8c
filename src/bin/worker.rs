//! The worker bundle's entry point: registers the tract-backed inference worker.

use gloo_worker::Registrable;
use local_or_cloud::inference::{InferenceWorker, TractBackend};

fn main() {
    console_error_panic_hook::set_once();
    InferenceWorker::<TractBackend>::registrar().register();
}
