//! The device benchmark's kernels: what a token costs, separated into memory and arithmetic.
//!
//! Decoding a token reads every weight once, so its speed is set by how fast memory streams and
//! by how fast quantized weights are multiplied; these kernels time each on generated data
//! (nothing is downloaded). The matrix-vector products use the block layouts llama.cpp uses:
//! 4-bit weights in blocks of 32 with one scale (Q4_0) against 8-bit activations (Q8_0), and
//! 16-bit floats. On WebAssembly they use its 128-bit SIMD; elsewhere (native tests) a scalar
//! version that computes the same sums.

/// Weights per quantization block, as in llama.cpp's Q4_0 and Q8_0.
pub const BLOCK: usize = 32;

/// A small, fast generator: the kernels need bytes that are not all alike, not good randomness.
pub struct XorShift(u32);

impl XorShift {
    pub fn new(seed: u32) -> Self {
        XorShift(seed | 1)
    }

    pub fn next_u32(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        self.0
    }
}

/// A matrix of 4-bit weights: per block of 32, 16 bytes of nibbles (low nibbles are weights
/// 0–15, high nibbles 16–31, each stored plus 8) and one scale.
pub struct Q4Matrix {
    pub rows: usize,
    pub cols: usize,
    pub nibbles: Vec<u8>,
    pub scales: Vec<f32>,
}

impl Q4Matrix {
    /// A `rows` × `cols` matrix of generated weights; `cols` is rounded up to whole blocks.
    pub fn generated(rows: usize, cols: usize, seed: u32) -> Self {
        let cols = cols.div_ceil(BLOCK) * BLOCK;
        let blocks = rows * cols / BLOCK;
        let mut random = XorShift::new(seed);
        let mut nibbles = Vec::with_capacity(blocks * BLOCK / 2);
        while nibbles.len() < blocks * BLOCK / 2 {
            nibbles.extend_from_slice(&random.next_u32().to_le_bytes());
        }
        nibbles.truncate(blocks * BLOCK / 2);
        let scales = (0..blocks).map(|b| 1.0 + (b % 7) as f32 / 64.0).collect();
        Q4Matrix {
            rows,
            cols,
            nibbles,
            scales,
        }
    }

    /// Bytes a product reads from this matrix.
    pub fn bytes(&self) -> usize {
        self.nibbles.len() + 4 * self.scales.len()
    }
}

/// A vector quantized to 8 bits in blocks of 32, as llama.cpp quantizes activations.
pub struct Q8Vector {
    pub quants: Vec<i8>,
    pub scales: Vec<f32>,
}

impl Q8Vector {
    pub fn generated(len: usize, seed: u32) -> Self {
        let len = len.div_ceil(BLOCK) * BLOCK;
        let mut random = XorShift::new(seed);
        let quants = (0..len).map(|_| (random.next_u32() % 255) as i8).collect();
        let scales = (0..len / BLOCK)
            .map(|b| 0.5 + (b % 5) as f32 / 32.0)
            .collect();
        Q8Vector { quants, scales }
    }
}

/// The sum of one Q4 block's weights (less their offset of 8) times one Q8 block's values.
fn block_dot_scalar(nibbles: &[u8], quants: &[i8]) -> i32 {
    let mut sum = 0;
    for (i, byte) in nibbles.iter().enumerate() {
        let low = i32::from(byte & 0x0F) - 8;
        let high = i32::from(byte >> 4) - 8;
        sum += low * i32::from(quants[i]) + high * i32::from(quants[i + BLOCK / 2]);
    }
    sum
}

/// `out[r]` = row `r` of `m` times `x`, without SIMD: the reference the SIMD version matches.
pub fn q4_matvec_scalar(m: &Q4Matrix, x: &Q8Vector, out: &mut [f32]) {
    let per_row = m.cols / BLOCK;
    for (r, out) in out.iter_mut().enumerate().take(m.rows) {
        let mut sum = 0.0;
        for b in 0..per_row {
            let block = r * per_row + b;
            let nibbles = &m.nibbles[block * 16..block * 16 + 16];
            let dot = block_dot_scalar(nibbles, &x.quants[b * BLOCK..(b + 1) * BLOCK]);
            sum += dot as f32 * m.scales[block] * x.scales[b];
        }
        *out = sum;
    }
}

/// `out[r]` = row `r` of `m` times `x`: the decode step of a 4-bit runtime.
pub fn q4_matvec(m: &Q4Matrix, x: &Q8Vector, out: &mut [f32]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    simd::q4_matvec(m, x, out);
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    q4_matvec_scalar(m, x, out);
}

/// A matrix of 16-bit floats, stored as their bits.
pub struct F16Matrix {
    pub rows: usize,
    pub cols: usize,
    pub halves: Vec<u16>,
}

impl F16Matrix {
    /// Generated weights between 0.5 and 2 (normal halves, as trained weights are); `cols` is
    /// rounded up to a multiple of 8, the SIMD step.
    pub fn generated(rows: usize, cols: usize, seed: u32) -> Self {
        let cols = cols.div_ceil(8) * 8;
        let mut random = XorShift::new(seed);
        let halves = (0..rows * cols)
            .map(|_| 0x3800 | (random.next_u32() & 0x07FF) as u16)
            .collect();
        F16Matrix { rows, cols, halves }
    }
}

/// A normal half-precision float as an `f32` (subnormals and infinities never occur here).
pub fn half_to_f32(half: u16) -> f32 {
    let h = u32::from(half);
    let sign = (h & 0x8000) << 16;
    let rest = ((h & 0x7FFF) << 13) + 0x3800_0000;
    f32::from_bits(sign | rest)
}

/// `out[r]` = row `r` of `m` times `x`: the decode step of a 16-bit runtime.
pub fn f16_matvec(m: &F16Matrix, x: &[f32], out: &mut [f32]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    simd::f16_matvec(m, x, out);
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    f16_matvec_scalar(m, x, out);
}

pub fn f16_matvec_scalar(m: &F16Matrix, x: &[f32], out: &mut [f32]) {
    for (row, out) in m.halves.chunks_exact(m.cols).zip(out.iter_mut()) {
        *out = row.iter().zip(x).map(|(h, x)| half_to_f32(*h) * x).sum();
    }
}

/// Reads every byte once and folds them into a checksum, so that the reads cannot be skipped:
/// the memory bandwidth a decode step can at best reach.
pub fn stream_sum(bytes: &[u8]) -> u32 {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    return simd::stream_sum(bytes);
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    bytes.chunks(4).fold(0u32, |sum, c| {
        sum.wrapping_add(c.iter().map(|b| u32::from(*b)).sum())
    })
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[path = "kernels_simd.rs"]
mod simd;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_q4_block_dot_counts_each_weight_once_with_its_offset() {
        // Every nibble 9 (weight +1) against every activation 2: 32 weights × 1 × 2.
        assert_eq!(block_dot_scalar(&[0x99; 16], &[2; 32]), 64);
        // Low nibbles 0 (weight −8) meet the first half, high nibbles 8 (weight 0) the second.
        assert_eq!(block_dot_scalar(&[0x80; 16], &[1; 32]), -128);
    }

    #[test]
    fn the_q4_product_scales_each_block() {
        let mut m = Q4Matrix::generated(2, 64, 7);
        m.nibbles.fill(0x99);
        m.scales = vec![1.0, 2.0, 0.5, 0.25];
        let x = Q8Vector {
            quants: vec![1; 64],
            scales: vec![1.0, 1.0],
        };
        let mut out = [0.0; 2];
        q4_matvec(&m, &x, &mut out);
        assert_eq!(out, [32.0 * 3.0, 32.0 * 0.75]);
    }

    #[test]
    fn halves_convert_exactly() {
        assert_eq!(half_to_f32(0x3C00), 1.0);
        assert_eq!(half_to_f32(0x3800), 0.5);
        assert_eq!(half_to_f32(0xC000), -2.0);
        assert_eq!(half_to_f32(0x3E00), 1.5);
    }

    #[test]
    fn generated_data_has_the_promised_shape() {
        let m = Q4Matrix::generated(3, 40, 1);
        assert_eq!((m.cols, m.nibbles.len(), m.scales.len()), (64, 96, 6));
        assert_eq!(m.bytes(), 96 + 24);
        let h = F16Matrix::generated(2, 5, 1);
        assert_eq!(h.halves.len(), 16);
        assert!(h
            .halves
            .iter()
            .all(|x| (0.5..2.0).contains(&half_to_f32(*x))));
        assert_eq!(stream_sum(&[1, 2, 3, 250]), 256);
    }
}
