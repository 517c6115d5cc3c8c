"""Scores a stored `analyzer.onnx` on a labelled set, with numpy from the file's own weights.

Used to measure a committed model before any change (the baseline on a new blind set): the
graph's initializers are read back and the forward pass of `analyzer_model.py` is run on them,
so no training code or generator is involved. Run: `python3 models/score_onnx.py heldout_v3.jsonl`
(optionally a second argument: another .onnx and its labels file's directory).
"""

import json
import pathlib
import sys

import numpy as np
import onnx
from onnx import numpy_helper

import analyzer_model as model
import evaluate as evaluation
from featurize import indices

HERE = pathlib.Path(__file__).parent


def load(path: pathlib.Path) -> tuple[dict, list[dict], dict]:
    """The float32 weights the graph computes with, its heads and classes, and each head's
    threshold (older labels files hold one for all heads)."""
    graph = onnx.load(path).graph
    w = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    params = {"P": w["P_q"].astype(np.float32) * w["P_scale"], "W": w["W_h"].astype(np.float32),
              "A": w["A"], "a": w["a"], "V": w["V"], "c": w["c"]}
    labels = json.loads((path.parent / "analyzer.labels.json").read_text())
    thresholds = {h["factor"]: h.get("threshold", labels.get("threshold")) for h in labels["heads"]}
    return params, labels["heads"], thresholds


def score(path: pathlib.Path, rows: list[dict]) -> dict:
    params, heads, threshold = load(path)
    slices, lo = [], 0
    for head in heads:
        slices.append((lo, lo + len(head["classes"])))
        lo += len(head["classes"])
    probs = model.predict(params, [indices(r["text"]) for r in rows], slices)
    per_head = {h["factor"]: probs[:, a:b] for h, (a, b) in zip(heads, slices)}
    return evaluation.evaluate(per_head, {h["factor"]: h["classes"] for h in heads}, rows, threshold)


if __name__ == "__main__":
    onnx_path = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "analyzer.onnx"
    print(evaluation.table(score(onnx_path, evaluation.load(sys.argv[1]))))
