"""Writes one GGUF file with random Q4_0 weights for `cargo xtask calibrate`.

Usage: python write_gguf.py SPEC.json

The spec is written by xtask (xtask/src/calibrate/layout.rs), which owns the layout: the output
path, the architecture, the metadata keys with their types, and every tensor's llama.cpp name,
ggml dimensions (ne0 first) and type. This script only fills them in:

- Q4_0 tensors get random blocks (an f16 scale and sixteen bytes of random nibbles), written
  directly rather than quantized from floats, so a 700 MB file takes seconds, not minutes;
- F32 tensors (norms, biases) get ones for norms and small random values for biases;
- the first `zero_embedding_rows` rows of token_embd (and of output, when untied) are zero, so
  their logits are 0 and greedy decoding never picks them: they hold the byte tokens that
  wllama's UTF-8 check rejects and the special tokens;
- the vocabulary is gpt2-style (byte-level BPE): the 256 byte characters, two specials, then
  ASCII filler tokens up to the vocabulary size, with one merge (llama.cpp needs the key).

The file is written next to its final path and renamed at the end, so a cached file is never a
half-written one.
"""

import json
import os
import sys

import gguf
import numpy as np

Q4_0 = gguf.GGMLQuantizationType.Q4_0
F32 = gguf.GGMLQuantizationType.F32
BLOCK = 32  # weights per Q4_0 block
BLOCK_BYTES = 18  # an f16 scale and 16 bytes of nibbles
# The weights are d * (q - 8) with q uniform in 0..15: a standard deviation of about 4.6 d.
SCALE = np.float16(0.02 / 4.6)


def bytes_to_unicode():
    """GPT-2's map from each byte to a printable character (byte-level BPE's alphabet)."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return [chr(c) for _, c in sorted(zip(bs, cs))]


def vocabulary(size):
    tokens = bytes_to_unicode() + ["<|bos|>", "<|eos|>", "to"]
    types = [gguf.TokenType.NORMAL] * 256 + [gguf.TokenType.CONTROL] * 2 + [gguf.TokenType.NORMAL]
    tokens += [f"tok{i}" for i in range(len(tokens), size)]
    types += [gguf.TokenType.NORMAL] * (size - len(types))
    return tokens, types


def q4_0_rows(rng, rows, cols, zero_rows):
    blocks = cols // BLOCK
    data = rng.integers(0, 256, size=(rows, blocks, BLOCK_BYTES), dtype=np.uint8)
    scales = data[:, :, :2].view(np.float16)
    scales[...] = SCALE
    # A block with scale 0 is all zeros whatever its nibbles.
    scales[:zero_rows] = 0
    return data.reshape(rows, blocks * BLOCK_BYTES)


def f32_tensor(rng, name, count):
    if name.endswith("norm.weight"):
        return np.ones(count, dtype=np.float32)
    return rng.standard_normal(count).astype(np.float32) * 0.02


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    path = spec["path"]
    partial = path + ".partial"
    rng = np.random.default_rng(spec.get("seed", 0))
    writer = gguf.GGUFWriter(partial, spec["arch"])
    for kv in spec["metadata"]:
        add = {
            "u32": writer.add_uint32,
            "f32": writer.add_float32,
            "str": writer.add_string,
            "bool": writer.add_bool,
        }[kv["type"]]
        add(kv["key"], kv["value"])
    tokens, types = vocabulary(spec["vocab"])
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("default")
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    writer.add_token_merges(["t o"])
    writer.add_bos_token_id(256)
    writer.add_eos_token_id(257)
    writer.add_add_bos_token(False)

    zero_rows = spec["zero_embedding_rows"]
    tensors = spec["tensors"]
    for t in tensors:
        ne = t["ne"]
        if t["type"] == "q4_0":
            cols, rows = ne[0], int(np.prod(ne[1:]))
            byte_shape = [rows, cols // BLOCK * BLOCK_BYTES]
            writer.add_tensor_info(t["name"], byte_shape, np.dtype(np.uint8), rows * byte_shape[1], raw_dtype=Q4_0)
        else:
            count = int(np.prod(ne))
            writer.add_tensor_info(t["name"], list(reversed(ne)), np.dtype(np.float32), count * 4)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_ti_data_to_file()
    for t in tensors:
        ne = t["ne"]
        if t["type"] == "q4_0":
            zero = zero_rows if t["name"] in ("token_embd.weight", "output.weight") else 0
            writer.write_tensor_data(q4_0_rows(rng, int(np.prod(ne[1:])), ne[0], zero))
        else:
            writer.write_tensor_data(f32_tensor(rng, t["name"], int(np.prod(ne))))
    writer.close()
    os.replace(partial, path)
    print(f"wrote {path} ({os.path.getsize(path):,} bytes, {len(tensors)} tensors)")


if __name__ == "__main__":
    main()
