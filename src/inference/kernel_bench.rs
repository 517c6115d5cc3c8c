//! Timing the kernels: memory bandwidth, and 4-bit and 16-bit matrix-vector rates in and out
//! of cache, each the mean of back-to-back runs within a share of the budget.
//!
//! The large matrices (80 MiB at 4 bits, 64 MiB at 16) are far bigger than a desktop CPU's
//! last-level cache (tens of MiB), so each run streams them from memory as a decode step
//! streams a model's weights; the small one (about 0.6 MiB) stays in cache, as weights do while
//! a prompt's tokens are multiplied by them together.

use std::hint::black_box;

use serde::{Deserialize, Serialize};

use super::bench::{mean, Pace, MAX_RUNS, MIN_RUNS};
use super::kernels::{f16_matvec, q4_matvec, stream_sum, F16Matrix, Q4Matrix, Q8Vector};

/// What the kernels measured in one WebAssembly thread.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KernelRates {
    /// Streaming reads over a buffer far larger than the cache, in GB/s.
    pub stream_gb_s: f64,
    /// 4-bit (Q4_0 × Q8_0) matrix-vector products from memory, in weights per second.
    pub q4_weights_per_s: f64,
    /// The same product on a matrix that stays in cache, in weights per second.
    pub q4_cached_weights_per_s: f64,
    /// 16-bit matrix-vector products from memory, in weights per second.
    pub f16_weights_per_s: f64,
    /// Timed runs in all, and the kernels' whole time including generating their data.
    pub runs: u32,
    pub total_ms: f64,
}

/// The large 4-bit matrix: 128 Mi weights, 80 MiB with its scales.
const Q4_LARGE: (usize, usize) = (8192, 16384);
/// The cached 4-bit matrix: 1 Mi weights, 0.6 MiB.
const Q4_CACHED: (usize, usize) = (256, 4096);
/// The large 16-bit matrix: 32 Mi weights, 64 MiB.
const F16_LARGE: (usize, usize) = (4096, 8192);

/// Times `run` back to back: at least `MIN_RUNS` after a warm-up run, then until `budget_ms`.
async fn timed(
    pace: &impl Pace,
    budget_ms: f64,
    runs: &mut u32,
    mut run: impl FnMut() -> f32,
) -> f64 {
    black_box(run());
    let start = pace.now_ms();
    let mut times = Vec::new();
    while times.len() < MIN_RUNS || (times.len() < MAX_RUNS && pace.now_ms() - start < budget_ms) {
        pace.pause().await;
        let t = pace.now_ms();
        black_box(run());
        times.push(pace.now_ms() - t);
    }
    *runs += times.len() as u32;
    // A clock coarsened to zero for a run would otherwise divide by zero.
    mean(&times).max(1e-3)
}

/// Every kernel within about `budget_ms`: 15% streaming, 35% each large product, 15% cached.
pub async fn measure_kernels(pace: &impl Pace, budget_ms: f64) -> KernelRates {
    let start = pace.now_ms();
    let mut runs = 0;
    let (rows, cols) = Q4_LARGE;
    let large = Q4Matrix::generated(rows, cols, 11);
    let x = Q8Vector::generated(cols, 12);
    let mut out = vec![0.0; rows];
    pace.pause().await;
    let bytes = large.nibbles.len() as f64;
    let stream_ms = timed(pace, budget_ms * 0.15, &mut runs, || {
        stream_sum(&large.nibbles) as f32
    })
    .await;
    let q4_ms = timed(pace, budget_ms * 0.35, &mut runs, || {
        q4_matvec(&large, &x, &mut out);
        out[0]
    })
    .await;
    drop(large);
    let (rows, cols) = Q4_CACHED;
    let cached = Q4Matrix::generated(rows, cols, 13);
    let cached_ms = timed(pace, budget_ms * 0.15, &mut runs, || {
        q4_matvec(&cached, &x, &mut out);
        out[0]
    })
    .await;
    let (f_rows, f_cols) = F16_LARGE;
    let halves = F16Matrix::generated(f_rows, f_cols, 14);
    let xf: Vec<f32> = (0..f_cols).map(|i| (i % 13) as f32 / 1024.0).collect();
    pace.pause().await;
    let f16_ms = timed(pace, budget_ms * 0.35, &mut runs, || {
        f16_matvec(&halves, &xf, &mut out);
        out[0]
    })
    .await;
    let per_s = |weights: usize, ms: f64| weights as f64 / (ms / 1e3);
    KernelRates {
        stream_gb_s: bytes / (stream_ms / 1e3) / 1e9,
        q4_weights_per_s: per_s(Q4_LARGE.0 * Q4_LARGE.1, q4_ms),
        q4_cached_weights_per_s: per_s(rows * cols, cached_ms),
        f16_weights_per_s: per_s(f_rows * f_cols, f16_ms),
        runs,
        total_ms: pace.now_ms() - start,
    }
}
