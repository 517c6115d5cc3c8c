"""The analyzer's network, its training by hand-written backpropagation (numpy), and its ONNX form.

    e      = features @ P                  (P: distilled word meaning, fixed, see embed.py)
    h      = relu((e / |e|) @ A + a)
    logits = features @ W + h @ V + c      (all heads side by side)
    head k = softmax(logits[its slice])

The sparse path `features @ W` learns the exact words and n-grams of the generated data; the
dense path through `P` carries what those words mean to words the generator never used.
`P` is stored as int8 with one scale per column and `W` as float16 (cast back to float32 in the
graph), which keeps the file small; `dequantized` gives the float32 weights the graph computes with.
"""

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HIDDEN = 128
EPS = 1e-6


def dense(rows: list[list[int]], dim: int, rng=None, drop: float = 0.0) -> np.ndarray:
    """A 0/1 matrix from bucket lists; with `drop`, each present feature is dropped at random."""
    x = np.zeros((len(rows), dim), dtype=np.float32)
    for i, idx in enumerate(rows):
        x[i, idx] = 1.0
    if drop:
        x *= rng.random(x.shape, dtype=np.float32) >= drop
    return x


def forward(params: dict, x: np.ndarray):
    e = x @ params["P"]
    norm = np.sqrt((e * e).sum(axis=1, keepdims=True) + EPS)
    en = e / norm
    z = en @ params["A"] + params["a"]
    h = np.maximum(z, 0.0)
    logits = x @ params["W"] + h @ params["V"] + params["c"]
    return logits, (en, z, h)


def softmax_heads(logits: np.ndarray, slices: list[tuple[int, int]]) -> np.ndarray:
    out = np.empty_like(logits)
    for lo, hi in slices:
        part = logits[:, lo:hi] - logits[:, lo:hi].max(axis=1, keepdims=True)
        p = np.exp(part)
        out[:, lo:hi] = p / p.sum(axis=1, keepdims=True)
    return out


def init(p: np.ndarray, n_out: int, rng: np.random.Generator) -> dict:
    embed = p.shape[1]
    return {
        "P": p,
        "A": rng.normal(0, 1 / np.sqrt(embed), (embed, HIDDEN)).astype(np.float32),
        "a": np.zeros(HIDDEN, np.float32),
        "W": np.zeros((p.shape[0], n_out), np.float32),
        "V": rng.normal(0, 0.01, (HIDDEN, n_out)).astype(np.float32),
        "c": np.zeros(n_out, np.float32),
    }


def train(params: dict, rows: list[list[int]], targets: np.ndarray, slices, rng, *, epochs: int, batch: int,
          lr: float, l2: float, drop: float, log=print) -> dict:
    """Adam on the summed cross-entropy of all heads; `targets` holds each head's class index
    per row (columns in head order), or -1 where the row says nothing either way about a head
    (the real descriptions label only what their writers could tell). `P` stays fixed."""
    names = ["A", "a", "W", "V", "c"]
    m = {k: np.zeros_like(params[k]) for k in names}
    v = {k: np.zeros_like(params[k]) for k in names}
    dim = params["P"].shape[0]
    step = 0
    for epoch in range(epochs):
        order = rng.permutation(len(rows))
        total = 0.0
        for start in range(0, len(rows), batch):
            pick = order[start:start + batch]
            x = dense([rows[i] for i in pick], dim, rng, drop)
            logits, (en, z, h) = forward(params, x)
            probs = softmax_heads(logits, slices)
            grad = probs.copy()
            for k, (lo, hi) in enumerate(slices):
                t = targets[pick, k]
                # A negative target is a head the text's writer did not label: no loss there.
                known = np.flatnonzero(t >= 0)
                total -= np.log(probs[known, lo + t[known]] + 1e-9).sum()
                grad[known, lo + t[known]] -= 1.0
                grad[np.flatnonzero(t < 0), lo:hi] = 0.0
            grad /= len(pick)
            dh = (grad @ params["V"].T) * (z > 0)
            grads = {"W": x.T @ grad + l2 * params["W"], "V": h.T @ grad, "c": grad.sum(axis=0),
                     "A": en.T @ dh + l2 * params["A"], "a": dh.sum(axis=0)}
            step += 1
            for k in names:
                m[k] = 0.9 * m[k] + 0.1 * grads[k]
                v[k] = 0.999 * v[k] + 0.001 * grads[k] ** 2
                mhat = m[k] / (1 - 0.9**step)
                vhat = v[k] / (1 - 0.999**step)
                params[k] -= (lr * mhat / (np.sqrt(vhat) + 1e-8)).astype(np.float32)
        log(f"epoch {epoch + 1}: loss {total / len(rows):.3f}")
    return params


def quantize(params: dict) -> dict:
    """The stored forms: P as int8 with a scale per column, W as float16."""
    scale = np.maximum(np.abs(params["P"]).max(axis=0), 1e-8) / 127.0
    return {"P_q": np.round(params["P"] / scale).astype(np.int8), "P_scale": scale.astype(np.float32)[None, :],
            "W_h": params["W"].astype(np.float16)}


def dequantized(params: dict) -> dict:
    """The float32 weights the exported graph computes with."""
    q = quantize(params)
    return {**params, "P": q["P_q"].astype(np.float32) * q["P_scale"], "W": q["W_h"].astype(np.float32)}


def predict(params: dict, rows: list[list[int]], slices) -> np.ndarray:
    out = []
    for start in range(0, len(rows), 512):
        logits, _ = forward(params, dense(rows[start:start + 512], params["P"].shape[0]))
        out.append(softmax_heads(logits, slices))
    return np.concatenate(out)


def export(params: dict, heads: list[str], slices, dim: int) -> onnx.ModelProto:
    q = quantize(params)
    const = lambda a, name: numpy_helper.from_array(np.asarray(a), name)  # noqa: E731
    inits = [const(q["P_q"], "P_q"), const(q["P_scale"], "P_scale"), const(q["W_h"], "W_h"),
             const(params["A"], "A"), const(params["a"], "a"), const(params["V"], "V"), const(params["c"], "c"),
             const(np.array([1], np.int64), "axis1"), const(np.array([EPS], np.float32), "eps")]
    n = helper.make_node
    nodes = [
        n("Cast", ["P_q"], ["P_f"], to=TensorProto.FLOAT), n("Mul", ["P_f", "P_scale"], ["P"]),
        n("Cast", ["W_h"], ["W"], to=TensorProto.FLOAT),
        n("MatMul", ["features", "P"], ["e"]), n("Mul", ["e", "e"], ["e2"]),
        n("ReduceSum", ["e2", "axis1"], ["ss"], keepdims=1), n("Add", ["ss", "eps"], ["ss_eps"]),
        n("Sqrt", ["ss_eps"], ["norm"]), n("Div", ["e", "norm"], ["en"]),
        n("MatMul", ["en", "A"], ["z0"]), n("Add", ["z0", "a"], ["z"]), n("Relu", ["z"], ["h"]),
        n("MatMul", ["features", "W"], ["xw"]), n("MatMul", ["h", "V"], ["hv"]),
        n("Add", ["xw", "hv"], ["l0"]), n("Add", ["l0", "c"], ["logits"]),
    ]
    outputs = []
    for head, (lo, hi) in zip(heads, slices):
        inits += [const(np.array([lo], np.int64), f"{head}_lo"), const(np.array([hi], np.int64), f"{head}_hi")]
        nodes += [n("Slice", ["logits", f"{head}_lo", f"{head}_hi", "axis1"], [f"{head}_logits"]),
                  n("Softmax", [f"{head}_logits"], [head], axis=-1)]
        outputs.append(helper.make_tensor_value_info(head, TensorProto.FLOAT, [1, hi - lo]))
    graph = helper.make_graph(nodes, "analyzer",
                              inputs=[helper.make_tensor_value_info("features", TensorProto.FLOAT, [1, dim])],
                              outputs=outputs, initializer=inits)
    model = helper.make_model(graph, producer_name="local-or-cloud", opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model
