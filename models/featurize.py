"""Text to features for the analyzer: the Python twin of `src/analyzer/features.rs`.

Both sides must agree to 1e-5; `train_analyzer.py` writes test vectors that a native Rust test
reproduces. Keep every rule here byte-for-byte the same as the Rust one.
"""

DIM = 2048
FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


def tokens(text: str) -> list[str]:
    """ASCII letters and digits, lowercased; anything else separates. A plural 's' is dropped."""
    cleaned = "".join(c.lower() if c.isascii() and c.isalnum() else " " for c in text)
    out = []
    for token in cleaned.split():
        if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
            token = token[:-1]
        out.append(token)
    return out


def fnv1a(text: str) -> int:
    h = FNV_OFFSET
    for byte in text.encode("utf-8"):
        h ^= byte
        h = (h * FNV_PRIME) & 0xFFFFFFFF
    return h


def features(text: str) -> list[float]:
    """1.0 in the hashed bucket of every unigram and bigram present, else 0.0.

    Presence, not normalized counts: a strong word keeps its weight however long the text is.
    """
    out = [0.0] * DIM
    toks = tokens(text)
    grams = ["w:" + t for t in toks] + ["b:" + a + " " + b for a, b in zip(toks, toks[1:])]
    for gram in grams:
        out[fnv1a(gram) % DIM] = 1.0
    return out
