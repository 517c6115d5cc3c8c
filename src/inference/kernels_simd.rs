//! The kernels in WebAssembly's 128-bit SIMD, as a WebAssembly runtime would run them.
//!
//! Each loads through `v128_load` on slices whose lengths the loops check first, so no read
//! leaves its slice; the sums match the scalar versions (a browser test holds that).

use core::arch::wasm32::*;

use super::{F16Matrix, Q4Matrix, Q8Vector, BLOCK};

/// Sixteen bytes from `bytes` at `at`; the caller has checked `at + 16 <= bytes.len()`.
#[inline(always)]
fn load<T>(bytes: &[T], at: usize) -> v128 {
    debug_assert!(at * std::mem::size_of::<T>() + 16 <= std::mem::size_of_val(bytes));
    // SAFETY: the callers index whole 16-byte steps inside the slice (see above).
    unsafe { v128_load(bytes.as_ptr().add(at) as *const v128) }
}

/// One Q4 block times one Q8 block, as four lane sums (the llama.cpp WebAssembly way: widen
/// to 16 bits, multiply pairs and add into 32 bits).
#[inline(always)]
fn block_dot(nibbles: &[u8], at: usize, quants: &[i8], q_at: usize) -> v128 {
    let v = load(nibbles, at);
    let low = i8x16_sub(v128_and(v, u8x16_splat(0x0F)), i8x16_splat(8));
    let high = i8x16_sub(u8x16_shr(v, 4), i8x16_splat(8));
    let (x0, x1) = (load(quants, q_at), load(quants, q_at + 16));
    let pair = |w: v128, x: v128| {
        i32x4_add(
            i32x4_dot_i16x8(i16x8_extend_low_i8x16(w), i16x8_extend_low_i8x16(x)),
            i32x4_dot_i16x8(i16x8_extend_high_i8x16(w), i16x8_extend_high_i8x16(x)),
        )
    };
    f32x4_convert_i32x4(i32x4_add(pair(low, x0), pair(high, x1)))
}

fn lanes_sum(v: v128) -> f32 {
    f32x4_extract_lane::<0>(v)
        + f32x4_extract_lane::<1>(v)
        + f32x4_extract_lane::<2>(v)
        + f32x4_extract_lane::<3>(v)
}

pub fn q4_matvec(m: &Q4Matrix, x: &Q8Vector, out: &mut [f32]) {
    let per_row = m.cols / BLOCK;
    if m.nibbles.len() < m.rows * per_row * 16 || x.quants.len() < m.cols {
        return super::q4_matvec_scalar(m, x, out);
    }
    for (r, out) in out.iter_mut().enumerate().take(m.rows) {
        let mut acc = f32x4_splat(0.0);
        for b in 0..per_row {
            let block = r * per_row + b;
            let scale = f32x4_splat(m.scales[block] * x.scales[b]);
            let dot = block_dot(&m.nibbles, block * 16, &x.quants, b * BLOCK);
            acc = f32x4_add(acc, f32x4_mul(dot, scale));
        }
        *out = lanes_sum(acc);
    }
}

/// Eight halves to eight floats (normal halves only, as `half_to_f32`).
#[inline(always)]
fn widen(halves: v128) -> (v128, v128) {
    let convert = |w: v128| {
        let sign = i32x4_shl(v128_and(w, u32x4_splat(0x8000)), 16);
        let rest = i32x4_add(
            i32x4_shl(v128_and(w, u32x4_splat(0x7FFF)), 13),
            u32x4_splat(0x3800_0000),
        );
        v128_or(sign, rest)
    };
    (
        convert(u32x4_extend_low_u16x8(halves)),
        convert(u32x4_extend_high_u16x8(halves)),
    )
}

pub fn f16_matvec(m: &F16Matrix, x: &[f32], out: &mut [f32]) {
    if !m.cols.is_multiple_of(8) || x.len() < m.cols {
        return super::f16_matvec_scalar(m, x, out);
    }
    for (row, out) in m.halves.chunks_exact(m.cols).zip(out.iter_mut()) {
        let (mut a, mut b) = (f32x4_splat(0.0), f32x4_splat(0.0));
        for c in (0..m.cols).step_by(8) {
            let (low, high) = widen(load(row, c));
            a = f32x4_add(a, f32x4_mul(low, load(x, c)));
            b = f32x4_add(b, f32x4_mul(high, load(x, c + 4)));
        }
        *out = lanes_sum(f32x4_add(a, b));
    }
}

pub fn stream_sum(bytes: &[u8]) -> u32 {
    let whole = bytes.len() / 64 * 64;
    let mut acc = [i32x4_splat(0); 4];
    for at in (0..whole).step_by(64) {
        for (i, lane) in acc.iter_mut().enumerate() {
            *lane = i32x4_add(*lane, load(bytes, at + 16 * i));
        }
    }
    let sum = i32x4_add(i32x4_add(acc[0], acc[1]), i32x4_add(acc[2], acc[3]));
    let folded = (i32x4_extract_lane::<0>(sum) ^ i32x4_extract_lane::<3>(sum)) as u32;
    bytes[whole..]
        .iter()
        .fold(folded, |s, b| s.wrapping_add(u32::from(*b)))
}
