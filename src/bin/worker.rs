//! The inference worker bundle's entry point: serves the analyzer or the device benchmark, as
//! the name the page started it with says.

use local_or_cloud::inference::protocol::{AnalyzerJob, BenchJob};
use local_or_cloud::inference::{AnalyzerWorker, BenchWorker, TractBackend};
use local_or_cloud::worker_serve::{name, serve, Job};

fn main() {
    console_error_panic_hook::set_once();
    if name() == BenchJob::NAME {
        serve(BenchWorker::<TractBackend>::default());
    } else {
        debug_assert_eq!(name(), AnalyzerJob::NAME);
        serve(AnalyzerWorker::<TractBackend>::default());
    }
}
