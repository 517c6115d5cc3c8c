"""How much a held-out set's wording overlaps with the generator's: the honesty check.

A held-out figure measures generalization only when its texts were not phrased like the
training data. This counts, per held-out set, the share of its word 3-grams (over the
featurizer's tokens, so case and punctuation do not hide a match) that also occur in a large
sample of the generator's output. The training script fails when a set that the model card
calls blind is above `MAX_BLIND_OVERLAP`; the model card explains the threshold.
"""

import json
import pathlib

from featurize import tokens

HERE = pathlib.Path(__file__).parent
# The blind set's 3-grams found in the generator's output may not exceed this share. Everyday
# English shares some 3-grams with any generator ("it has to", "on the device"): against the
# first generator the blind set shared 3.1% and the team's own held-out set, known to echo the
# templates, 9.4%. A blind set that reaches 8% reads like the generator; the model card says more.
MAX_BLIND_OVERLAP = 0.08
# The held-out sets, and whether the model card calls each blind (the check fails only for those).
# heldout_v2 and heldout_v3 were blind when written; they are trained on now (REAL_SETS in
# train_analyzer.py), so their overlap is reported but no longer judged.
SETS = {
    "heldout.jsonl": False,
    "heldout_v2.jsonl": False,
    "heldout_v3.jsonl": False,
    "heldout_v4.jsonl": True,
    "heldout_v5.jsonl": True,
}
SAMPLE_SIZE = 40_000


def trigrams(text: str) -> list[tuple[str, str, str]]:
    words = tokens(text)
    return list(zip(words, words[1:], words[2:]))


def generator_trigrams(texts: list[str]) -> set[tuple[str, str, str]]:
    seen = set()
    for text in texts:
        seen.update(trigrams(text))
    return seen


def overlap(rows: list[dict], seen: set) -> dict:
    """The share of the set's 3-gram occurrences, and of its distinct 3-grams, that the
    generator also produced, and the share of rows with more than half of theirs found."""
    total = found = 0
    distinct = set()
    copied_rows = 0
    for row in rows:
        grams = trigrams(row["text"])
        hits = sum(gram in seen for gram in grams)
        total += len(grams)
        found += hits
        distinct.update(grams)
        copied_rows += bool(grams) and hits / len(grams) > 0.5
    return {
        "trigrams": total,
        "share_found": round(found / total, 3) if total else 0.0,
        "distinct_share_found": round(sum(g in seen for g in distinct) / len(distinct), 3) if distinct else 0.0,
        "rows_over_half_found": copied_rows,
        "rows": len(rows),
    }


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / name).read_text().splitlines() if line.strip()]


def check(generated_texts: list[str]) -> dict:
    """The overlap of every held-out set with the generator; raises when a blind set shares too much wording."""
    seen = generator_trigrams(generated_texts)
    report = {name: overlap(load(name), seen) for name in SETS}
    for name, blind in SETS.items():
        share = report[name]["share_found"]
        print(f"overlap {name}: {share:.1%} of its word 3-grams occur in the generator's output")
        if blind and share > MAX_BLIND_OVERLAP:
            raise SystemExit(
                f"{name} shares {share:.1%} of its word 3-grams with the generator (limit "
                f"{MAX_BLIND_OVERLAP:.0%}): the generator has taken on its wording, so its figures would not be blind"
            )
    report["max_blind_overlap"] = MAX_BLIND_OVERLAP
    report["generator_sample"] = len(generated_texts)
    return report


def check_real(real: list[dict]) -> dict:
    """The blind sets against the real descriptions trained on (people's writing, not the
    generator's): raises when one describes a product that a blind row describes, or when a blind
    row has more than half of its 3-grams among theirs (a copied or paraphrased row). The share of
    3-grams found is reported but not limited: independently written sets of this genre share
    5-7% with each other at 160-250 rows, and the share grows with the number of texts compared
    against, because most shared 3-grams are everyday English ("on the device", "it has to")."""
    seen = generator_trigrams([r["text"] for r in real])
    products = {r["product"].strip().lower() for r in real}
    report = {}
    for name, blind in SETS.items():
        if not blind:
            continue
        rows = load(name)
        report[name] = overlap(rows, seen)
        shared = sorted({r["product"] for r in rows if r.get("product", "").strip().lower() in products})
        print(f"overlap {name} with the real training texts: {report[name]['share_found']:.1%} of its word 3-grams, "
              f"{report[name]['rows_over_half_found']} rows over half, {len(shared)} products shared")
        if shared or report[name]["rows_over_half_found"]:
            raise SystemExit(f"{name} is not independent of the real training texts: products {shared}, "
                             f"{report[name]['rows_over_half_found']} rows with over half their 3-grams found")
    return report


if __name__ == "__main__":
    import analyzer_data as data

    print(json.dumps(check([t for t, _ in data.corpus(SAMPLE_SIZE, 1, "all")]), indent=1))
