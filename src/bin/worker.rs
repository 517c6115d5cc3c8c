//! The worker bundle's entry point: registers the tract-backed inference worker.

use gloo_worker::Registrable;
use local_or_cloud::inference::{InferenceWorker, TractBackend};
use local_or_cloud::worker_codec::Packed;

fn main() {
    console_error_panic_hook::set_once();
    InferenceWorker::<TractBackend>::registrar()
        .encoding::<Packed>()
        .register();
}
