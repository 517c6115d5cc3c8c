"""Trains the feature analyzer and writes `analyzer.onnx`, its labels, test vectors and evaluation.

CPU only, fixed seeds, numpy only for the model (WordLlama's wheel supplies the word
embeddings that `embed.py` distills). Run: `python3 models/train_analyzer.py`.

Order: the overlap checks first (a blind set that reads like the training texts makes its figures
meaningless: against the generator's output, and against the real descriptions trained on);
then the distilled projection; then the model is trained on generated texts from every fragment
together with people's descriptions of real products (`REAL_SETS`). The abstention threshold is
chosen on out-of-fold answers: the real descriptions are split in one part per writer, a model
is trained without each part and answers it, and the pooled answers choose the threshold; the
same answers are the real sets' figures in the evaluation. Last, the model trained
on everything is written. `heldout_v4.jsonl` and `heldout_v5.jsonl`, the blind judges, are read
here only by the overlap checks (the share of their wording found in the training texts), never
scored: `score_onnx.py` scores them, once per committed model.
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
EPOCHS = 5
BATCH = 256
LEARNING_RATE = 0.003
L2 = 1e-4
# Each present feature is dropped with this probability while training, so no single word
# carries a head alone and the meaning path learns to help.
FEATURE_DROP = 0.25
# The thresholds are chosen on the development sets (below), as the lowest of this grid at which
# all heads' answers together are right at least TARGET_PRECISION of the time. With PER_HEAD,
# each head gets its own: heads are lowered from the top of the grid, the step with the most right
# answers per new answer first, while that holds. Fitted on heldout_v2 alone, per-head thresholds
# did worse on heldout_v3 than one shared threshold at the same coverage (the model card gives
# the figures), so one is shared; the labels file and the Rust side still hold one per head.
TARGET_PRECISION = 0.85
PER_HEAD = False
THRESHOLD_GRID = [0.99, 0.98, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5]
# Descriptions of real products written by people rather than by the generator, trained on next
# to the generated texts: `train_real.jsonl` (written for training; `train_real.md`) and the two
# former blind sets, development sets since heldout_v4 became the judge. Each labels only what its
# writer could tell, so a head it leaves out has no loss (not `unknown`). REAL_REPEAT copies of
# each weigh the few hundred real texts against the 60,000 generated ones.
REAL_SETS = ["train_real.jsonl", "heldout_v2.jsonl", "heldout_v3.jsonl"]
REAL_REPEAT = 20
# The out-of-fold answers leave out one writer at a time: each helper session that wrote part of
# `train_real.jsonl` (its `writer` field) and each former blind set. Rows split at random let a
# model learn one writer's habits, and often the same product (655 products in 1,052 rows), from
# the rows beside the one it answers; the judge is a writer no fold has seen, so the threshold is
# chosen where the answers hold up on writers the model never read.
# The blind judges: never scored during training, so that no training choice is made on them.
JUDGES = ("heldout_v4.jsonl", "heldout_v5.jsonl")


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


def score(params: dict, rows: list[dict], threshold: dict) -> dict:
    probs = head_probs(model.predict(params, [indices(r["text"]) for r in rows], slices()))
    return evaluation.evaluate(probs, {h: classes(h) for h in data.HEADS}, rows, threshold)


def grid_counts(probs: list[np.ndarray], sets: list[list[dict]], head: str) -> np.ndarray:
    """Right and answered on the texts labelled for `head`, per grid threshold, over all sets."""
    out = np.zeros((len(THRESHOLD_GRID), 2))
    names = classes(head)
    for p_all, rows in zip(probs, sets):
        p = head_probs(p_all)[head]
        pred = np.array([names[b] for b in p.argmax(axis=1)])
        conf = p.max(axis=1)
        truth = np.array([r["labels"].get(head, data.UNKNOWN) for r in rows])
        answerable = (truth != data.UNKNOWN) & (pred != data.UNKNOWN)
        for i, t in enumerate(THRESHOLD_GRID):
            answered = answerable & (conf >= t)
            out[i] += [(answered & (pred == truth)).sum(), answered.sum()]
    return out


def choose_thresholds(probs: list[np.ndarray], sets: list[list[dict]]) -> tuple[dict, dict]:
    """The threshold of every head. Shared: the lowest grid value at which all heads' answers
    together are right TARGET_PRECISION of the time. PER_HEAD: all start at the top of the grid;
    then, again and again, the head whose lowering adds answers with the best (smoothed) share
    right is lowered, as long as the answers of all heads together stay right that often."""
    counts = {h: grid_counts(probs, sets, h) for h in data.HEADS}
    at = {h: 0 for h in data.HEADS}
    if not PER_HEAD:
        pooled = sum(counts.values())
        shared = max((i for i, (r, a) in enumerate(pooled) if a and r / a >= TARGET_PRECISION), default=0)
        at = {h: shared for h in data.HEADS}
    while PER_HEAD:
        right = sum(counts[h][at[h]][0] for h in at)
        answered = sum(counts[h][at[h]][1] for h in at)
        best = None
        for h in at:
            for j in range(at[h] + 1, len(THRESHOLD_GRID)):
                dr, da = counts[h][j] - counts[h][at[h]]
                if da <= 0 or (right + dr) / (answered + da) < TARGET_PRECISION:
                    continue
                # One right and one wrong answer as a prior, so one lucky answer does not lead.
                share = (dr + 1) / (da + 2)
                if best is None or (share, da) > best[:2]:
                    best = (share, da, h, j)
        if best is None:
            break
        at[best[2]] = best[3]
    thresholds = {h: THRESHOLD_GRID[at[h]] for h in data.HEADS}
    trace = {h: {str(t): {"right": int(r), "answered": int(a)} for t, (r, a) in zip(THRESHOLD_GRID, counts[h])}
             for h in data.HEADS}
    return thresholds, trace


def expectations(params: dict, thresholds: dict) -> None:
    """What the browser tests (tests/e2e/analyzer.spec.js) expect of the model: a clinic text
    pre-selects regulated privacy, and a vague one makes every head abstain."""
    clinic, vague = "Summarize patient notes on clinic laptops that are often offline", "Make our product better with AI"
    probs = head_probs(model.predict(params, [indices(clinic), indices(vague)], slices()))
    picked = [{h: a[i] for h in data.HEADS for a in [evaluation.answers(probs[h], classes(h), thresholds[h])]}
              for i in range(2)]
    problems = ([] if picked[0]["privacy"] == "regulated" else [f"clinic text: privacy {picked[0]['privacy']}"]) + [
        f"vague text: {h} {a}" for h, a in picked[1].items() if a is not None]
    if problems:
        raise SystemExit(f"the model breaks what the browser tests expect: {problems}")


def fragments() -> list[str]:
    """Every text the generator draws from, alternatives and all (only their words are used)."""
    out = [t for ts in data.ALL_TASKS.values() for t in ts] + [o for o, _, _ in OBJECTS]
    out += [o for o, _ in data.ALL_OPENERS + PRODUCT_OPENERS] + [t for opts in data.TERSE.values() for ts in opts.values() for t in ts]
    return out + [c for opts in data.ALL_CLAUSES.values() for cs in opts.values() for c in cs]


def targets_of(labelled: list[dict]) -> np.ndarray:
    """Each head's class index per row; -1 (no loss) where a row has no label for the head."""
    return np.array([[classes(h).index(r[h]) if h in r else -1 for h in data.HEADS] for r in labelled])


def fit(p: np.ndarray, rows: list[list[int]], targets: np.ndarray, seed: int, log) -> dict:
    """A model trained on these rows, with the weights as stored (int8 and float16)."""
    rng = np.random.default_rng(seed)
    params = model.init(p, slices()[-1][1], rng)
    params = model.train(params, rows, targets, slices(), rng, epochs=EPOCHS, batch=BATCH, lr=LEARNING_RATE,
                         l2=L2, drop=FEATURE_DROP, log=log)
    return model.dequantized(params)


def main() -> None:
    start = time.time()
    log = lambda s: print(f"{s} at {time.time() - start:.0f} s")  # noqa: E731
    real = [(name, row) for name in REAL_SETS for row in evaluation.load(name)]
    real_rows = [indices(r["text"]) for _, r in real]
    real_targets = targets_of([r["labels"] for _, r in real])
    overlaps = overlap.check([t for t, _ in data.corpus(overlap.SAMPLE_SIZE, SEED + 2, "all")])
    overlaps["with real training texts"] = overlap.check_real([r for _, r in real])

    p, embed_info = embed.projection(fragments())
    log(f"distilled word meaning {embed_info}")

    train = data.corpus(TRAIN_SIZE, SEED, "all")
    rows = [indices(t) for t, _ in train]
    targets = targets_of([labels for _, labels in train])
    log(f"featurized {len(train)} generated and {len(real)} real texts")

    def with_real(picked: list[int]) -> tuple[list[list[int]], np.ndarray]:
        """The generated rows and targets, then the picked real ones, each REAL_REPEAT times."""
        picked = picked * REAL_REPEAT
        return rows + [real_rows[i] for i in picked], np.concatenate([targets, real_targets[picked]])

    # Out-of-fold answers on the real descriptions: each writer answered by a model that never saw it.
    writers = [row.get("writer", name) for name, row in real]
    folds = [np.array([i for i, w in enumerate(writers) if w == who]) for who in dict.fromkeys(writers)]
    oof = np.zeros((len(real), slices()[-1][1]), np.float32)
    for k, fold in enumerate(folds):
        held = set(fold.tolist())
        params = fit(p, *with_real([i for i in range(len(real)) if i not in held]), SEED + 10 + k, lambda s: None)
        oof[fold] = model.predict(params, [real_rows[i] for i in fold], slices())
        log(f"fold {k + 1} of {len(folds)} ({writers[fold[0]]}) answered")
    threshold, calibration = choose_thresholds([oof], [[r for _, r in real]])
    print(f"thresholds {threshold}")

    params = fit(p, *with_real(list(range(len(real)))), SEED, log)
    expectations(params, threshold)

    onnx.save(model.export(params, list(data.HEADS), slices(), DIM), HERE / "analyzer.onnx")
    labels = {"dim": DIM, "heads": [{"factor": h, "classes": classes(h), "threshold": threshold[h]} for h in data.HEADS]}
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
    results = {"generated_test": score(params, test_rows, threshold)}
    # The real sets are trained on: their figures are the out-of-fold answers, not the final model's.
    for name in REAL_SETS:
        picked = [i for i, (n, _) in enumerate(real) if n == name]
        results[f"{name} (out of fold)"] = evaluation.evaluate(
            head_probs(oof[picked]), {h: classes(h) for h in data.HEADS}, [real[i][1] for i in picked], threshold)
    results["real (out of fold)"] = evaluation.evaluate(
        head_probs(oof), {h: classes(h) for h in data.HEADS}, [r for _, r in real], threshold)
    for name in (name for name in overlap.SETS if name not in JUDGES and name not in REAL_SETS):
        results[name] = score(params, evaluation.load(name), threshold)
    for name, report in results.items():
        if name != "generated_test":
            print(f"{name}:\n{evaluation.table(report)}")
    print(f"generated (fit):\n{evaluation.table(results['generated_test'])}")
    results.update({"overlap": overlaps, "embedding": embed_info, "threshold_counts": calibration,
                    "train_size": TRAIN_SIZE, "real_texts": len(real), "real_repeat": REAL_REPEAT,
                    "thresholds": threshold, "seconds": round(time.time() - start, 1)})
    (HERE / "analyzer.eval.json").write_text(json.dumps(results, indent=2) + "\n")
    raw = (HERE / "analyzer.onnx").read_bytes()
    packed = len(brotli.compress(raw, quality=11))
    print(f"done in {time.time() - start:.0f} s; analyzer.onnx is {len(raw)} bytes, {packed} brotli")


if __name__ == "__main__":
    main()
