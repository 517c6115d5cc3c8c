//! Text to the analyzer's input: the hashed unigrams and bigrams present in the text.
//!
//! This is the twin of `models/featurize.py`; the two must agree to 1e-5, which
//! `tests/analyzer_parity.rs` checks against vectors the training script wrote.

/// The number of hashed feature buckets: the model's input width.
pub const DIM: usize = 2048;

const FNV_OFFSET: u32 = 0x811C_9DC5;
const FNV_PRIME: u32 = 0x0100_0193;

/// ASCII letters and digits, lowercased; anything else separates words. A plural "s" is
/// dropped from words longer than three letters that do not end in "ss".
pub fn tokens(text: &str) -> Vec<String> {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    cleaned
        .split_ascii_whitespace()
        .map(|token| {
            if token.len() > 3 && token.ends_with('s') && !token.ends_with("ss") {
                token[..token.len() - 1].to_owned()
            } else {
                token.to_owned()
            }
        })
        .collect()
}

/// 32-bit FNV-1a over the UTF-8 bytes.
pub fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(FNV_OFFSET, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(FNV_PRIME)
    })
}

/// The feature vector for `text`: 1.0 in the bucket of every unigram and bigram present.
///
/// Presence rather than normalized counts, so a telling word keeps its weight in a long text.
pub fn features(text: &str) -> Vec<f32> {
    let mut out = vec![0.0f32; DIM];
    let words = tokens(text);
    let unigrams = words.iter().map(|w| format!("w:{w}"));
    let bigrams = words
        .windows(2)
        .map(|pair| format!("b:{} {}", pair[0], pair[1]));
    for gram in unigrams.chain(bigrams) {
        out[fnv1a(&gram) as usize % DIM] = 1.0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_ascii_lowercased_and_plurals_trimmed() {
        assert_eq!(
            tokens("Summarize Patient-notes; class ÜBER 4GB"),
            ["summarize", "patient", "note", "class", "ber", "4gb"]
        );
    }

    #[test]
    fn fnv1a_matches_the_published_test_values() {
        assert_eq!(fnv1a(""), 0x811c_9dc5);
        assert_eq!(fnv1a("a"), 0xe40c_292c);
        assert_eq!(fnv1a("foobar"), 0xbf9c_f968);
    }

    #[test]
    fn features_mark_each_gram_once() {
        let f = features("notes notes notes");
        // One unigram and one bigram ("note note"), each marked once however often it occurs.
        assert_eq!(f.iter().filter(|v| **v == 1.0).count(), 2);
        assert!(features("!!!").iter().all(|v| *v == 0.0));
    }
}
