"""Trains the feature analyzer and writes `analyzer.onnx`, its labels, test vectors and evaluation.

CPU only, fixed seeds, numpy only for the model (WordLlama's wheel supplies the word
embeddings that `embed.py` distills). Run: `python3 models/train_analyzer.py`.

Order: the overlap check first (a blind set that reads like the generator makes the figures
meaningless); then the distilled projection, training on generated texts, the abstention
threshold calibrated on generated validation texts whose phrasings training never saw, and
last the evaluation on every held-out set (`overlap.SETS`), which nothing above reads.
"""

import json
import pathlib
import time

import brotli
import numpy as np
import onnx

import analyzer_data as data
import analyzer_model as model
import embed
import evaluate as evaluation
import overlap
from analyzer_phrases import OBJECTS
from analyzer_phrases3 import PRODUCT_OPENERS
from featurize import DIM, features, indices

HERE = pathlib.Path(__file__).parent
SEED = 20261124
TRAIN_SIZE = 60_000
VAL_SIZE = 4_000
EPOCHS = 5
BATCH = 256
LEARNING_RATE = 0.003
L2 = 1e-4
# Each present feature is dropped with this probability while training, so no single word
# carries a head alone and the meaning path learns to help.
FEATURE_DROP = 0.25
# The threshold is the lowest whose answers on the validation texts are right this often.
TARGET_PRECISION = 0.93
CANDIDATE_THRESHOLDS = [round(0.40 + 0.05 * i, 2) for i in range(11)]


def classes(head: str) -> list[str]:
    return data.HEADS[head] + [data.UNKNOWN]


def slices() -> list[tuple[int, int]]:
    out, lo = [], 0
    for head in data.HEADS:
        out.append((lo, lo + len(classes(head))))
        lo += len(classes(head))
    return out


def head_probs(probs: np.ndarray) -> dict:
    return {head: probs[:, lo:hi] for head, (lo, hi) in zip(data.HEADS, slices())}


def score(params: dict, rows: list[dict], threshold: float) -> dict:
    probs = head_probs(model.predict(params, [indices(r["text"]) for r in rows], slices()))
    return evaluation.evaluate(probs, {h: classes(h) for h in data.HEADS}, rows, threshold)


def calibrate(params: dict, rows: list[dict]) -> tuple[float, dict]:
    """The lowest candidate threshold at which validation answers reach TARGET_PRECISION."""
    probs = head_probs(model.predict(params, [indices(r["text"]) for r in rows], slices()))
    names = {h: classes(h) for h in data.HEADS}
    table = {}
    for t in CANDIDATE_THRESHOLDS:
        overall = evaluation.evaluate(probs, names, rows, t)["overall"]
        table[t] = (overall["accuracy_when_answering"], overall["answer_rate_on_labelled"])
    chosen = next((t for t in CANDIDATE_THRESHOLDS if table[t][0] >= TARGET_PRECISION), CANDIDATE_THRESHOLDS[-1])
    return chosen, {str(t): {"right": a, "answered": c} for t, (a, c) in table.items()}


def fragments() -> list[str]:
    """Every text the generator draws from, alternatives and all (only their words are used)."""
    out = [t for ts in data.ALL_TASKS.values() for t in ts] + [o for o, _, _ in OBJECTS]
    out += [o for o, _ in data.ALL_OPENERS + PRODUCT_OPENERS] + [t for opts in data.TERSE.values() for ts in opts.values() for t in ts]
    return out + [c for opts in data.ALL_CLAUSES.values() for cs in opts.values() for c in cs]


def main() -> None:
    start = time.time()
    rng = np.random.default_rng(SEED)
    overlaps = overlap.check([t for t, _ in data.corpus(overlap.SAMPLE_SIZE, SEED + 2, "all")])

    p, embed_info = embed.projection(fragments())
    print(f"distilled word meaning {embed_info} at {time.time() - start:.0f} s")

    train = data.corpus(TRAIN_SIZE, SEED, "train")
    rows = [indices(t) for t, _ in train]
    targets = np.array([[classes(h).index(labels[h]) for h in data.HEADS] for _, labels in train])
    print(f"featurized {len(train)} texts at {time.time() - start:.0f} s")
    params = model.init(p, slices()[-1][1], rng)
    params = model.train(params, rows, targets, slices(), rng, epochs=EPOCHS, batch=BATCH, lr=LEARNING_RATE,
                         l2=L2, drop=FEATURE_DROP, log=lambda s: print(f"{s} at {time.time() - start:.0f} s"))
    # Everything from here on is computed with the weights as stored (int8 and float16).
    params = model.dequantized(params)

    val_rows = [{"text": t, "labels": l} for t, l in data.corpus(VAL_SIZE, SEED + 3, "val")]
    threshold, calibration = calibrate(params, val_rows)
    print(f"threshold {threshold}: {calibration[str(threshold)]}")

    onnx.save(model.export(params, list(data.HEADS), slices(), DIM), HERE / "analyzer.onnx")
    labels = {"dim": DIM, "threshold": threshold,
              "heads": [{"factor": h, "classes": classes(h)} for h in data.HEADS]}
    (HERE / "analyzer.labels.json").write_text(json.dumps(labels, indent=2) + "\n")

    # Test vectors: the Rust featurizer and tract must reproduce these to 1e-5.
    vector_texts = [t for t, _ in data.corpus(12, SEED + 1, "all")] + [
        "Summarize patient notes on clinic laptops that are often offline",
        "No personal data is involved and it never goes offline",
        "", "!!!", "Ünïcödé façade — naïve café", "DATA data Data", "a b c d e f g",
    ]
    probs = model.predict(params, [indices(t) for t in vector_texts], slices())
    vectors = []
    for text, row in zip(vector_texts, probs):
        nonzero = {str(i): 1.0 for i, v in enumerate(features(text)) if v != 0.0}
        outs = {h: row[lo:hi].tolist() for h, (lo, hi) in zip(data.HEADS, slices())}
        vectors.append({"text": text, "features": nonzero, "outputs": outs})
    (HERE / "analyzer.vectors.json").write_text(json.dumps(vectors, indent=1) + "\n")

    test_rows = [{"text": t, "labels": l} for t, l in data.corpus(2_000, SEED + 1, "all")]
    results = {"generated_test": score(params, test_rows, threshold),
               "generated_validation": score(params, val_rows, threshold)}
    for name in overlap.SETS:
        results[name] = score(params, evaluation.load(name), threshold)
        print(f"{name}:\n{evaluation.table(results[name])}")
    print(f"generated validation (unseen phrasings):\n{evaluation.table(results['generated_validation'])}")
    results.update({"overlap": overlaps, "embedding": embed_info, "calibration": calibration,
                    "train_size": TRAIN_SIZE, "threshold": threshold, "seconds": round(time.time() - start, 1)})
    (HERE / "analyzer.eval.json").write_text(json.dumps(results, indent=2) + "\n")
    raw = (HERE / "analyzer.onnx").read_bytes()
    packed = len(brotli.compress(raw, quality=11))
    print(f"done in {time.time() - start:.0f} s; analyzer.onnx is {len(raw)} bytes, {packed} brotli")


if __name__ == "__main__":
    main()
