"""Writes the device benchmark's transformer decoder layer as ONNX graphs without weights.

One layer of a Llama/Qwen-style decoder: RMSNorm, grouped-query attention over a KV cache,
RMSNorm, a gated (SwiGLU) MLP, two residual adds. The token count and the cache length are
symbolic, so one graph serves one-token decode at any context and a prefill batch.

Every weight is a graph input with a fixed shape and no initializer, so the committed files are
a few kilobytes: the worker fills them from a seed when it loads the graph (tract treats an
input with an initializer of the same name as a constant), and onnxruntime-web is handed them
as inputs. RoPE and the causal mask are left out on purpose: both are element-wise work of
order tokens x heads x head size, below one percent of the matrix products at these shapes.

Usage: python3 models/decoder_layer.py   (writes models/decoder_layer.onnx and
models/decoder_layer_qwen05.onnx; only the onnx package is needed)
"""

import os

import onnx
from onnx import TensorProto, helper

HERE = os.path.dirname(os.path.abspath(__file__))

# The benchmark's scaled shape: 11.3 M weights (45 MB in f32), more than a typical last-level
# cache, so decode streams its weights from memory the way a real model's layers do.
BENCH = dict(hidden=1024, heads=16, kv_heads=4, head_dim=64, intermediate=2816)
# Qwen2.5-0.5B's real layer shape, used only by the native test that checks the extrapolation.
QWEN05 = dict(hidden=896, heads=14, kv_heads=2, head_dim=64, intermediate=4864)


def layer(name, hidden, heads, kv_heads, head_dim, intermediate):
    group = heads // kv_heads
    nodes = []
    consts = []

    def const(cname, values):
        consts.append(helper.make_tensor(cname, TensorProto.INT64, [len(values)], values))
        return cname

    def node(op, inputs, output, **attrs):
        nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output

    def rms_norm(x, gamma, tag):
        sq = node("Mul", [x, x], f"{tag}_sq")
        mean = node("ReduceMean", [sq], f"{tag}_mean", axes=[-1], keepdims=1)
        eps = f"{tag}_eps"
        consts.append(helper.make_tensor(eps, TensorProto.FLOAT, [], [1e-6]))
        root = node("Sqrt", [node("Add", [mean, eps], f"{tag}_var")], f"{tag}_root")
        return node("Mul", [node("Div", [x, root], f"{tag}_unit"), gamma], f"{tag}_out")

    n1 = rms_norm("x", "w_norm1", "norm1")
    q = node("MatMul", [n1, "w_q"], "q")
    k = node("MatMul", [n1, "w_k"], "k")
    v = node("MatMul", [n1, "w_v"], "v")
    # q: [S, H*D] -> [KV, G*S, D], so each KV head serves its group of query heads in one product.
    q4 = node("Reshape", [q, const("q_shape", [-1, kv_heads, group, head_dim])], "q4")
    qt = node("Transpose", [q4], "qt", perm=[1, 2, 0, 3])
    q3 = node("Reshape", [qt, const("q3_shape", [kv_heads, -1, head_dim])], "q3")
    kv_shape = const("kv_shape", [-1, kv_heads, head_dim])
    k3 = node("Transpose", [node("Reshape", [k, kv_shape], "k_r")], "k3", perm=[1, 0, 2])
    v3 = node("Transpose", [node("Reshape", [v, kv_shape], "v_r")], "v3", perm=[1, 0, 2])
    keys = node("Concat", ["past_k", k3], "present_k", axis=1)
    values = node("Concat", ["past_v", v3], "present_v", axis=1)
    kt = node("Transpose", [keys], "kt", perm=[0, 2, 1])
    scores = node("MatMul", [q3, kt], "scores")
    scale = "attn_scale"
    consts.append(helper.make_tensor(scale, TensorProto.FLOAT, [], [head_dim**-0.5]))
    probs = node("Softmax", [node("Mul", [scores, scale], "scaled")], "probs", axis=-1)
    ctx = node("MatMul", [probs, values], "ctx")
    c4 = node("Reshape", [ctx, const("c4_shape", [kv_heads, group, -1, head_dim])], "c4")
    ct = node("Transpose", [c4], "ct", perm=[2, 0, 1, 3])
    c2 = node("Reshape", [ct, const("c2_shape", [-1, heads * head_dim])], "c2")
    h = node("Add", ["x", node("MatMul", [c2, "w_o"], "attn_out")], "h")
    n2 = rms_norm(h, "w_norm2", "norm2")
    gate = node("MatMul", [n2, "w_gate"], "gate")
    up = node("MatMul", [n2, "w_up"], "up")
    act = node("Mul", [gate, node("Sigmoid", [gate], "gate_sig")], "gate_act")
    down = node("MatMul", [node("Mul", [act, up], "gated"), "w_down"], "down")
    node("Add", [h, down], "y")

    f32 = TensorProto.FLOAT
    weights = [
        ("w_norm1", [hidden]),
        ("w_q", [hidden, heads * head_dim]),
        ("w_k", [hidden, kv_heads * head_dim]),
        ("w_v", [hidden, kv_heads * head_dim]),
        ("w_o", [heads * head_dim, hidden]),
        ("w_norm2", [hidden]),
        ("w_gate", [hidden, intermediate]),
        ("w_up", [hidden, intermediate]),
        ("w_down", [intermediate, hidden]),
    ]
    inputs = [
        helper.make_tensor_value_info("x", f32, ["tokens", hidden]),
        helper.make_tensor_value_info("past_k", f32, [kv_heads, "past", head_dim]),
        helper.make_tensor_value_info("past_v", f32, [kv_heads, "past", head_dim]),
    ] + [helper.make_tensor_value_info(w, f32, shape) for w, shape in weights]
    outputs = [
        helper.make_tensor_value_info("y", f32, ["tokens", hidden]),
        helper.make_tensor_value_info("present_k", f32, [kv_heads, "total", head_dim]),
        helper.make_tensor_value_info("present_v", f32, [kv_heads, "total", head_dim]),
    ]
    graph = helper.make_graph(nodes, name, inputs, outputs, initializer=consts)
    model = helper.make_model(
        graph, producer_name="local-or-cloud", opset_imports=[helper.make_opsetid("", 17)]
    )
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def main():
    for file, shape in [("decoder_layer.onnx", BENCH), ("decoder_layer_qwen05.onnx", QWEN05)]:
        path = os.path.join(HERE, file)
        onnx.save(layer(file.removesuffix(".onnx"), **shape), path)
        print(f"wrote {path} ({os.path.getsize(path)} bytes) {shape}")


if __name__ == "__main__":
    main()
