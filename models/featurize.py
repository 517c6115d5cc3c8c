"""Text to features for the analyzer: the Python twin of `src/analyzer/features.rs`.

Both sides must agree to 1e-5; `train_analyzer.py` writes test vectors that a native Rust test
reproduces. Keep every rule here byte-for-byte the same as the Rust one.

A text is split into clauses at ASCII punctuation and into words within them. Each word is
marked "not_" when it falls within `NEGATION_WINDOW` words after a negator in its clause, so
"no personal data" does not read as "personal data". Every marked word, every pair of
neighbouring marked words in a clause, and every character 3-, 4- and 5-gram of an unmarked
word (with "<" and ">" at its ends, so spelling variants and unseen forms share pieces) sets
one of `DIM` buckets, chosen by 32-bit FNV-1a, to 1.0.
"""

import functools

DIM = 8192
FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193
NEGATION_WINDOW = 4
# "t" is what is left of "n't" once the apostrophe splits "don't", "can't" or "isn't".
NEGATORS = frozenset(["no", "not", "never", "without", "nor", "cannot", "t", "none", "nothing", "neither", "nobody"])
CLAUSE_BREAKS = frozenset(".,;:!?()[]")
CHAR_NGRAMS = (3, 4, 5)


def _word(raw: str) -> str:
    """A lowercased word with a plural 's' dropped (longer than three letters, not 'ss')."""
    if len(raw) > 3 and raw.endswith("s") and not raw.endswith("ss"):
        return raw[:-1]
    return raw


def clauses(text: str) -> list[list[str]]:
    """Words (ASCII letters and digits, lowercased) per clause; other characters separate
    words, and the punctuation in `CLAUSE_BREAKS` also ends a clause."""
    out: list[list[str]] = [[]]
    current = []
    for c in text:
        if c.isascii() and c.isalnum():
            current.append(c.lower())
            continue
        if current:
            out[-1].append(_word("".join(current)))
            current = []
        if c in CLAUSE_BREAKS and out[-1]:
            out.append([])
    if current:
        out[-1].append(_word("".join(current)))
    return [clause for clause in out if clause]


def tokens(text: str) -> list[str]:
    return [word for clause in clauses(text) for word in clause]


def marked(clause: list[str]) -> list[tuple[str, bool]]:
    """Each word with whether it stands in a negation's scope ("not_" prefixed if so)."""
    out = []
    left = 0
    for word in clause:
        if word in NEGATORS:
            out.append((word, False))
            left = NEGATION_WINDOW
        elif left > 0:
            out.append(("not_" + word, True))
            left -= 1
        else:
            out.append((word, False))
    return out


@functools.lru_cache(maxsize=None)
def fnv1a(text: str) -> int:
    h = FNV_OFFSET
    for byte in text.encode("utf-8"):
        h ^= byte
        h = (h * FNV_PRIME) & 0xFFFFFFFF
    return h


def grams(text: str) -> list[str]:
    """Every feature string of the text, in a fixed order (duplicates kept)."""
    out = []
    for clause in clauses(text):
        words = marked(clause)
        for word, negated in words:
            out.append("w:" + word)
            if not negated:
                padded = "<" + word + ">"
                for n in CHAR_NGRAMS:
                    out.extend("c:" + padded[i:i + n] for i in range(len(padded) - n + 1))
        out.extend("b:" + a + " " + b for (a, _), (b, _) in zip(words, words[1:]))
    return out


def indices(text: str) -> list[int]:
    """The buckets set to 1.0, sorted and unique."""
    return sorted({fnv1a(gram) % DIM for gram in grams(text)})


def features(text: str) -> list[float]:
    """1.0 in the bucket of every feature present, else 0.0.

    Presence, not counts: a telling word keeps its weight however long the text is.
    """
    out = [0.0] * DIM
    for index in indices(text):
        out[index] = 1.0
    return out
