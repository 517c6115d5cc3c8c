"""The analyzer's training corpus: feature descriptions generated from fragments and word lists.

Each description is assembled from an opener (plain, or product copy naming an invented
product), a task (which fixes `model_size`) on an object (which may fix `privacy` and
`knowledge`), and optional clauses for the other heads, in a random order, as prose with
neutral sentences or as terse notes, with a few typos. A head whose clause is left out is
labelled "unknown", which teaches the model to abstain.

Every fragment list is split in two by position: `split="train"` draws from four fifths of
each list, `split="val"` only from the rest, so validation texts use phrasings training never
saw. The abstention threshold is calibrated on those. The held-out sets are never read here.
"""

import json
import random
import re
from pathlib import Path

from analyzer_phrases import CLAUSES, OBJECTS, TASKS
from analyzer_phrases2 import CLAUSES_V2, FILLERS, NEUTRAL, OPENERS
from analyzer_phrases3 import (CLAUSES_V3, NAME_PARTS, OPENERS_V3, PRODUCT_OPENERS, TASKS_V3, TASKS_V4, TERSE as _TERSE,
                               TERSE_MORE, TERSE_V4)

# The option keys come from the Rust table (src/engine/factor.rs), which a Rust test writes to
# questionnaire.json, so the labels cannot drift from the contract.
_CONTRACT = json.loads((Path(__file__).parent / "questionnaire.json").read_text())
_OPTIONS = {f["factor"]: f["options"] for f in _CONTRACT["factors"]}
# The order of src/analyzer/labels.rs `HEADS`.
HEAD_ORDER = ["privacy", "connectivity", "latency", "model_size", "resources", "collaboration",
              "request_mix", "knowledge", "tooling", "cost", "scale", "maintenance", "customization"]
HEADS = {head: _OPTIONS[head] for head in HEAD_ORDER}
UNKNOWN = "unknown"


def merged(*tables: dict) -> dict:
    """Fragment tables joined list by list (head, then option), in the order given."""
    out: dict = {}
    for table in tables:
        for head, options in table.items():
            for option, items in options.items():
                out.setdefault(head, {}).setdefault(option, []).extend(items)
    return out


_ALTERNATIVES = re.compile(r"\[([^\[\]]*)\]")


# Each bracketed fragment yields at most this many distinct sentences. Every variant adds
# ordinary English word 3-grams, and past this the blind sets' overlap with the generator rose
# over the check's limit (overlap.py; the model card gives the figures).
VARIANTS = 2


def expand(fragment: str, rng: random.Random) -> str:
    """Resolves every "[a|b|]" in a fragment to one of its alternatives: one of `VARIANTS`
    fixed resolutions per fragment, picked at random."""
    pick = random.Random(f"{fragment}|{rng.randrange(VARIANTS)}")
    text = _ALTERNATIVES.sub(lambda m: pick.choice(m.group(1).split("|")), fragment)
    return " ".join(text.split())


# Every fragment adds ordinary English word 3-grams, and the blind sets' share of 3-grams found in
# the generator's output (overlap.py) must stay under its limit. So the third set's fragments
# are used only up to `MAX_WORDS` words for the new heads (102 of 142) and `MAX_WORDS_OLDER` for
# the older heads, whose longer ones reach the model only as terse notes; the model card gives
# the figures.
NEW_HEADS = ("cost", "scale", "maintenance", "customization")
MAX_WORDS = 7
MAX_WORDS_OLDER = 4


def _short(fragments: dict, limit: int) -> dict:
    """The options' fragments of at most `limit` words (as first resolved), options left empty dropped."""
    kept = {o: [f for f in fs if len(expand(f, random.Random(0)).split()) <= limit] for o, fs in fragments.items()}
    return {o: fs for o, fs in kept.items() if fs}


ALL_CLAUSES = merged(CLAUSES, CLAUSES_V2, {h: _short(CLAUSES_V3[h], MAX_WORDS if h in NEW_HEADS else MAX_WORDS_OLDER)
                                           for h in CLAUSES_V3})
TERSE = merged(_TERSE, TERSE_MORE, TERSE_V4)
ALL_TASKS = merged({"t": TASKS}, {"t": TASKS_V3}, {"t": TASKS_V4})["t"]
# Openers with the labels they imply (a "mobile app" opener is evidence, not noise).
IMPLIED = {"A browser extension to": {"tooling": "web"}, "A mobile app to": {"tooling": "mobile"}}
ALL_OPENERS = [(o, IMPLIED.get(o, {})) for o in OPENERS] + OPENERS_V3
# Fillers and neutral sentences must say nothing about any head; these now would (tooling,
# collaboration, cost, scale), so they are left out rather than taught as noise.
FILLERS_USED = [f for f in FILLERS if f not in (" in a web dashboard", " for a small team", " for free")]
# Plain punctuation between clauses: wordy joiners ("Note that", "In addition,") taught nothing
# and added 3-grams of everyday English that the overlap check counts.
JOINERS_USED = [". ", "; ", ", ", " (", ". ", " — "]
NEUTRAL_USED = [n for n in NEUTRAL if n not in ("the business is growing", "it is free to try")]
for _head, _options in {**ALL_CLAUSES, **TERSE}.items():
    assert set(_options) <= set(HEADS[_head]), f"{_head}: a clause option is not a contract key"
def product_name(rng: random.Random) -> str:
    return rng.choice(NAME_PARTS[0]) + rng.choice(NAME_PARTS[1])


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


def compatible(labels: dict, factor: str, option: str) -> bool:
    """Whether a clause may join a description with these labels: it may sharpen what the
    object or opener implied (device-only data), never contradict it."""
    if factor == "privacy" and labels["privacy"] not in (UNKNOWN, option) and option != "device_only":
        return False
    return labels[factor] in (UNKNOWN, option) or factor == "privacy"


def opening(rng: random.Random, labels: dict, split: str) -> str:
    """An opener and a task (which fixes `model_size`) on an object (which may fix `privacy`
    and `knowledge`), in prose or product copy; "" when the description has no task."""
    if rng.random() < 0.3:
        template, implied = rng.choice(part(PRODUCT_OPENERS, split))
        opener = template.format(n=product_name(rng))
    else:
        opener, implied = rng.choice(part(ALL_OPENERS, split))
    if rng.random() >= 0.75:
        return ""
    labels.update(implied)
    size = rng.choice(HEADS["model_size"] + [UNKNOWN])
    words, labels["privacy"], labels["knowledge"] = rng.choice(part(OBJECTS, split))
    labels["model_size"] = size
    task = rng.choice(part(ALL_TASKS[size], split)).format(o=words)
    return f"{opener} {task}".strip() + rng.choice(FILLERS_USED)


def sample(rng: random.Random, split: str = "train") -> tuple[str, dict[str, str]]:
    """One description and its labels: prose (four in five) or terse notes."""
    labels = {head: UNKNOWN for head in HEADS}
    notes = rng.random() < 0.2
    head = opening(rng, labels, split)
    clauses = [] if notes else [rng.choice(NEUTRAL_USED) for _ in range(rng.choice([0, 0, 1, 1, 2]))]
    # Some descriptions state one or two factors, others most of them.
    share = rng.uniform(0.1, 0.33)
    for factor in rng.sample(list(ALL_CLAUSES), len(ALL_CLAUSES)):
        if rng.random() >= share:
            continue
        option = rng.choice(list(ALL_CLAUSES[factor]))
        if not compatible(labels, factor, option):
            continue
        # Notes are mostly terse; prose now and then holds a terse phrase too ("Offline-first.").
        if rng.random() < (0.6 if notes else 0.2) and option in TERSE.get(factor, {}):
            clauses.append(rng.choice(part(TERSE[factor][option], split)))
        else:
            clauses.append(expand(rng.choice(part(ALL_CLAUSES[factor][option], split)), rng))
        labels[factor] = option
    if not head and not clauses:
        clauses.append(rng.choice(NEUTRAL_USED))
    if notes:
        text = rng.choice([", ", "; ", " / ", " - ", ". ", "\n", " | "]).join(([head] if head else []) + clauses)
        return roughen(text.lower() if rng.random() < 0.5 else text, rng), labels
    text = head
    for clause in clauses:
        joiner = rng.choice(JOINERS_USED)
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
