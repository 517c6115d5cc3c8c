"""Trains the feature analyzer and writes `analyzer.onnx`, its labels, test vectors and evaluation.

CPU only, fixed seeds, numpy only: one softmax-regression head per factor over hashed
unigram and bigram features (see `featurize.py`). Run: `python3 models/train_analyzer.py`.
"""

import json
import pathlib
import time

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

import analyzer_data as data
import evaluate as evaluation
import overlap
from featurize import DIM, features

HERE = pathlib.Path(__file__).parent
SEED = 20261124
TRAIN_SIZE = 12_000
EPOCHS = 300
LEARNING_RATE = 0.05
L2 = 5e-5
# Below this probability a head abstains: nothing is pre-selected.
THRESHOLD = 0.6


def classes(head: str) -> list[str]:
    return data.HEADS[head] + [data.UNKNOWN]


def matrix(texts: list[str]) -> np.ndarray:
    return np.array([features(t) for t in texts], dtype=np.float64)


def train_head(x: np.ndarray, y: np.ndarray, n_classes: int, rng: np.random.Generator):
    """Full-batch Adam on softmax cross-entropy with a small L2 penalty."""
    w = rng.normal(0.0, 0.01, size=(x.shape[1], n_classes))
    b = np.zeros(n_classes)
    onehot = np.eye(n_classes)[y]
    m = [np.zeros_like(w), np.zeros_like(b)]
    v = [np.zeros_like(w), np.zeros_like(b)]
    for step in range(1, EPOCHS + 1):
        logits = x @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - onehot) / len(x)
        grads = [x.T @ grad + L2 * w, grad.sum(axis=0)]
        for i, (param, g) in enumerate(zip([w, b], grads)):
            m[i] = 0.9 * m[i] + 0.1 * g
            v[i] = 0.999 * v[i] + 0.001 * g * g
            mhat = m[i] / (1 - 0.9**step)
            vhat = v[i] / (1 - 0.999**step)
            param -= LEARNING_RATE * mhat / (np.sqrt(vhat) + 1e-8)
    return w.astype(np.float32), b.astype(np.float32)


def predict(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    logits = x.astype(np.float32) @ w + b
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    return p / p.sum(axis=1, keepdims=True)


def export(weights: dict) -> onnx.ModelProto:
    nodes, inits, outputs = [], [], []
    for head, (w, b) in weights.items():
        nodes += [
            helper.make_node("MatMul", ["features", f"{head}_w"], [f"{head}_xw"]),
            helper.make_node("Add", [f"{head}_xw", f"{head}_b"], [f"{head}_logits"]),
            helper.make_node("Softmax", [f"{head}_logits"], [head], axis=-1),
        ]
        inits += [numpy_helper.from_array(w, f"{head}_w"), numpy_helper.from_array(b, f"{head}_b")]
        outputs.append(helper.make_tensor_value_info(head, TensorProto.FLOAT, [1, w.shape[1]]))
    graph = helper.make_graph(
        nodes, "analyzer",
        inputs=[helper.make_tensor_value_info("features", TensorProto.FLOAT, [1, DIM])],
        outputs=outputs, initializer=inits,
    )
    model = helper.make_model(graph, producer_name="local-or-cloud", opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def evaluate_weights(weights: dict, rows: list[dict]) -> dict:
    x = matrix([r["text"] for r in rows])
    probs = {head: predict(x, w, b) for head, (w, b) in weights.items()}
    return evaluation.evaluate(probs, {h: classes(h) for h in weights}, rows, THRESHOLD)


def main() -> None:
    start = time.time()
    rng = np.random.default_rng(SEED)
    train = data.corpus(TRAIN_SIZE, SEED)
    # Before any training: a blind held-out set that reads like the generator would make the
    # figures below meaningless, so this fails first.
    overlaps = overlap.check([t for t, _ in data.corpus(overlap.SAMPLE_SIZE, SEED + 2)])
    test = data.corpus(2_000, SEED + 1)
    x = matrix([t for t, _ in train])
    weights = {}
    for head in data.HEADS:
        names = classes(head)
        y = np.array([names.index(labels[head]) for _, labels in train])
        weights[head] = train_head(x, y, len(names), rng)
        print(f"trained {head} ({len(names)} classes) at {time.time() - start:.0f} s")

    onnx.save(export(weights), HERE / "analyzer.onnx")
    labels = {"dim": DIM, "threshold": THRESHOLD, "heads": [{"factor": h, "classes": classes(h)} for h in data.HEADS]}
    (HERE / "analyzer.labels.json").write_text(json.dumps(labels, indent=2) + "\n")

    # Test vectors: the Rust featurizer and tract must reproduce these to 1e-5.
    vector_texts = [t for t, _ in test[:12]] + [
        "Summarize patient notes on clinic laptops that are often offline",
        "", "!!!", "Ünïcödé façade — naïve café", "DATA data Data", "a b c d e f g",
    ]
    vx = matrix(vector_texts)
    vectors = []
    for text, feats in zip(vector_texts, vx):
        outs = {h: predict(feats[None, :], w, b)[0].tolist() for h, (w, b) in weights.items()}
        nonzero = {str(i): round(float(v), 7) for i, v in enumerate(feats) if v != 0.0}
        vectors.append({"text": text, "features": nonzero, "outputs": outs})
    (HERE / "analyzer.vectors.json").write_text(json.dumps(vectors, indent=1) + "\n")

    test_rows = [{"text": t, "labels": l} for t, l in test]
    results = {"generated_test": evaluate_weights(weights, test_rows)}
    for name in overlap.SETS:
        results[name] = evaluate_weights(weights, evaluation.load(name))
        print(f"{name}:\n{evaluation.table(results[name])}")
    results.update({"overlap": overlaps, "train_size": TRAIN_SIZE, "threshold": THRESHOLD,
                    "seconds": round(time.time() - start, 1)})
    (HERE / "analyzer.eval.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"done in {time.time() - start:.0f} s; analyzer.onnx is {(HERE / 'analyzer.onnx').stat().st_size} bytes")


if __name__ == "__main__":
    main()
