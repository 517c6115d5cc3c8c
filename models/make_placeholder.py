"""Writes the placeholder model the inference worker ships until the analyzer lands.

The model is deliberately tiny (a 4 -> 3 linear layer followed by softmax) so that the
worker, the native tract test and the end-to-end test can all check one known output.
It also writes `placeholder.expected.json`: the probe input and the output that numpy
computes for it, which every test compares against.
"""

import json
import pathlib

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = pathlib.Path(__file__).parent

WEIGHTS = np.array(
    [[0.5, -0.25, 0.1], [0.2, 0.4, -0.3], [-0.1, 0.3, 0.25], [0.05, -0.2, 0.35]],
    dtype=np.float32,
)
BIAS = np.array([0.1, -0.1, 0.0], dtype=np.float32)
PROBE = np.array([[1.0, 2.0, 3.0, 4.0]], dtype=np.float32)


def build() -> onnx.ModelProto:
    graph = helper.make_graph(
        nodes=[
            helper.make_node("MatMul", ["x", "w"], ["xw"]),
            helper.make_node("Add", ["xw", "b"], ["logits"]),
            helper.make_node("Softmax", ["logits"], ["y"], axis=-1),
        ],
        name="placeholder",
        inputs=[helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
        outputs=[helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3])],
        initializer=[numpy_helper.from_array(WEIGHTS, "w"), numpy_helper.from_array(BIAS, "b")],
    )
    model = helper.make_model(
        graph, producer_name="local-or-cloud", opset_imports=[helper.make_opsetid("", 13)]
    )
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def expected_output() -> list[float]:
    logits = PROBE @ WEIGHTS + BIAS
    exp = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return (exp / exp.sum(axis=-1, keepdims=True)).astype(np.float32)[0].tolist()


def main() -> None:
    onnx.save(build(), HERE / "placeholder.onnx")
    expected = {"input": PROBE[0].tolist(), "output": expected_output()}
    (HERE / "placeholder.expected.json").write_text(json.dumps(expected, indent=2) + "\n")
    print("wrote placeholder.onnx and placeholder.expected.json:", expected)


if __name__ == "__main__":
    main()
