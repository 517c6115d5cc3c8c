"""The analyzer's training corpus: feature descriptions generated from fragments and word lists.

Each description is assembled from an opener, a task (which fixes `model_size`) on an object
(which may fix `privacy` and `knowledge`), and optional clauses for the other heads, in a random
order with varied joiners, neutral sentences, and a few typos. A head whose clause is left out
is labelled "unknown", which teaches the model to abstain.

Every fragment list is split in two by position: `split="train"` draws from four fifths of
each list, `split="val"` only from the rest, so validation texts use phrasings training never
saw. The abstention threshold is calibrated on those. The held-out sets are never read here.
"""

import json
import random
from pathlib import Path

from analyzer_phrases import CLAUSES, OBJECTS, TASKS
from analyzer_phrases2 import CLAUSES_V2, FILLERS, JOINERS, NEUTRAL, OPENERS

# The option keys come from the Rust table (src/engine/factor.rs), which a Rust test writes to
# questionnaire.json, so the labels cannot drift from the contract.
_CONTRACT = json.loads((Path(__file__).parent / "questionnaire.json").read_text())
_OPTIONS = {f["factor"]: f["options"] for f in _CONTRACT["factors"]}
# The order of src/analyzer/labels.rs `HEADS`.
HEAD_ORDER = ["privacy", "connectivity", "latency", "model_size", "resources", "collaboration",
              "request_mix", "knowledge", "tooling"]
HEADS = {head: _OPTIONS[head] for head in HEAD_ORDER}
UNKNOWN = "unknown"
ALL_CLAUSES = {**CLAUSES, **CLAUSES_V2}
for _head, _options in ALL_CLAUSES.items():
    assert set(_options) <= set(HEADS[_head]), f"{_head}: a clause option is not a contract key"


def part(items: list, split: str) -> list:
    """Four fifths of a list for training, the other fifth for validation (every fifth item)."""
    if split == "all" or len(items) < 5:
        return items
    chosen = [x for i, x in enumerate(items) if (i % 5 == 4) == (split == "val")]
    return chosen or items


def typo(word: str, rng: random.Random) -> str:
    """One slip of the keyboard: a letter dropped, doubled or swapped with its neighbour."""
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]


def roughen(text: str, rng: random.Random) -> str:
    """Typos in about one word in forty, and now and then all lower case."""
    words = [typo(w, rng) if rng.random() < 0.025 else w for w in text.split(" ")]
    text = " ".join(words)
    return text.lower() if rng.random() < 0.15 else text


def sample(rng: random.Random, split: str = "train") -> tuple[str, dict[str, str]]:
    """One description and its labels."""
    labels = {head: UNKNOWN for head in HEADS}
    clauses = []
    obj_privacy = UNKNOWN
    head = ""
    if rng.random() < 0.75:
        size = rng.choice(HEADS["model_size"] + [UNKNOWN])
        objects = part(OBJECTS, split)
        words, obj_privacy, obj_knowledge = rng.choice(objects)
        task = rng.choice(part(TASKS[size], split)).format(o=words)
        labels["model_size"] = size
        labels["privacy"] = obj_privacy
        labels["knowledge"] = obj_knowledge
        head = f"{rng.choice(OPENERS)} {task}".strip() + rng.choice(FILLERS)
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        clauses.append(rng.choice(NEUTRAL))
    for factor, options in ALL_CLAUSES.items():
        if rng.random() < 0.33:
            option = rng.choice(list(options))
            # A clause may sharpen what the object implied (device-only data), never contradict it.
            if factor == "privacy" and obj_privacy not in (UNKNOWN, option) and option != "device_only":
                continue
            if factor == "knowledge" and labels["knowledge"] not in (UNKNOWN, option):
                continue
            clauses.append(rng.choice(part(options[option], split)))
            labels[factor] = option
    rng.shuffle(clauses)
    if not head and not clauses:
        clauses.append(rng.choice(NEUTRAL))
    text = head
    for clause in clauses:
        joiner = rng.choice(JOINERS)
        if joiner == " (":
            text = f"{text} ({clause})" if text else clause
        else:
            text = text + joiner + clause if text else clause
    text = text[0].upper() + text[1:] if text else text
    if rng.random() < 0.6:
        text += "."
    return roughen(text, rng), labels


def corpus(n: int, seed: int, split: str = "train") -> list[tuple[str, dict[str, str]]]:
    rng = random.Random(seed)
    return [sample(rng, split) for _ in range(n)]


if __name__ == "__main__":
    for text, labels in corpus(8, 1):
        print(text, {k: v for k, v in labels.items() if v != UNKNOWN})
