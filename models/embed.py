"""Word meaning for the analyzer, distilled from WordLlama's static token embeddings.

The browser cannot run WordLlama's tokenizer cheaply, but it already computes the hashed
features of `featurize.py`. This fits a projection `P` (feature bucket to an `EMBED`-wide
vector) so that the sum of `P`'s rows over a single word's features (the word itself and its
character n-grams) approximates that word's WordLlama embedding, reduced by PCA. A text's
embedding is then the sum over its features, which the model normalizes: a word the generator
never used still lands near the words that mean the same, and a misspelt or inflected one near
its correct form through the shared n-grams.

WordLlama (MIT) ships `l2_supercat_256.safetensors` (32,000 tokens x 256) and its tokenizer in
its wheel; nothing is downloaded at training time beyond `pip install`, and nothing at all at
run time: only `P` goes into `analyzer.onnx`.
"""

import os
import re

import numpy as np

from featurize import DIM, indices

EMBED = 64
RIDGE = 0.3


def _wordllama():
    import wordllama
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    root = os.path.dirname(wordllama.__file__)
    table = load_file(os.path.join(root, "weights", "l2_supercat_256.safetensors"))["embedding.weight"]
    tokenizer = Tokenizer.from_file(os.path.join(root, "tokenizers", "l2_supercat_tokenizer_config.json"))
    return table.astype(np.float32), tokenizer


def vocabulary(tokenizer, extra_texts: list[str]) -> list[str]:
    """The tokenizer's whole-word tokens (ASCII letters, two or more), lowercased, and every
    word of `extra_texts` (the generator's fragments), sorted for a fixed order."""
    words = set()
    for token in tokenizer.get_vocab():
        if token.startswith("\u2581") and re.fullmatch("[A-Za-z]{2,}", token[1:]):
            words.add(token[1:].lower())
    for text in extra_texts:
        words.update(w for w in re.findall("[a-z]{2,}", text.lower()))
    return sorted(words)


def word_vectors(words: list[str], table: np.ndarray, tokenizer) -> np.ndarray:
    """Each word's WordLlama embedding: the mean of its tokens' rows, unit length."""
    out = np.zeros((len(words), table.shape[1]), dtype=np.float32)
    for i, encoding in enumerate(tokenizer.encode_batch(words, add_special_tokens=False)):
        out[i] = table[encoding.ids].mean(axis=0)
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-6)


def projection(extra_texts: list[str]) -> tuple[np.ndarray, dict]:
    """The fitted `P` (DIM x EMBED, float32) and figures about the fit."""
    table, tokenizer = _wordllama()
    words = vocabulary(tokenizer, extra_texts)
    vectors = word_vectors(words, table, tokenizer)
    vectors -= vectors.mean(axis=0)
    # PCA to EMBED dimensions, scaled so a typical word vector has unit length.
    _, _, vt = np.linalg.svd(vectors, full_matrices=False)
    target = vectors @ vt[:EMBED].T
    target /= np.sqrt((target**2).sum(axis=1).mean())
    # Ridge regression in closed form: the Gram matrix from each word's few buckets.
    gram = np.zeros((DIM, DIM), dtype=np.float64)
    rhs = np.zeros((DIM, EMBED), dtype=np.float64)
    for word, y in zip(words, target):
        idx = np.array(indices(word))
        gram[np.ix_(idx, idx)] += 1.0
        rhs[idx] += y
    gram[np.diag_indices(DIM)] += RIDGE
    p = np.linalg.solve(gram, rhs).astype(np.float32)
    fitted = np.stack([p[indices(w)].sum(axis=0) for w in words])
    cos = (fitted * target).sum(axis=1) / np.maximum(
        np.linalg.norm(fitted, axis=1) * np.linalg.norm(target, axis=1), 1e-6)
    return p, {"words": len(words), "embed": EMBED, "mean_cosine_fit": round(float(cos.mean()), 3)}


def neighbours(p: np.ndarray, word: str, candidates: list[str], k: int = 5) -> list[str]:
    """The `k` candidates whose distilled vectors are closest to `word`'s (a sanity check)."""
    def vec(w):
        v = p[indices(w)].sum(axis=0)
        return v / max(np.linalg.norm(v), 1e-6)
    q = vec(word)
    scored = sorted(candidates, key=lambda c: -float(vec(c) @ q))
    return [c for c in scored if c != word][:k]


if __name__ == "__main__":
    import time

    from analyzer_phrases import CLAUSES, OBJECTS, TASKS

    start = time.time()
    fragments = [t for ts in TASKS.values() for t in ts] + [o for o, _, _ in OBJECTS]
    fragments += [c for opts in CLAUSES.values() for cs in opts.values() for c in cs]
    p, info = projection(fragments)
    print(info, f"{time.time() - start:.0f} s")
    pool = ["hospital", "clinic", "patient", "doctor", "offline", "internet", "camera", "instant", "slow",
            "phone", "laptop", "bank", "team", "colleague", "summary", "image", "private", "secret", "wifi"]
    for w in ["medical", "connection", "realtime", "smartphone", "coworker", "photo", "confidential"]:
        print(w, neighbours(p, w, pool))
