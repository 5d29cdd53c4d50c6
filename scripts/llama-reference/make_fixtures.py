#!/usr/bin/python3
"""Writes tests/fixtures/llama-reference: small random Llama-family checkpoints (config.json + model.safetensors)
with the logits a plain NumPy forward gives for a fixed token sequence, one folder per rotary scaling the engine
supports. The forward below follows Hugging Face transformers' LlamaForCausalLM (eager attention, float32) and
its rope_scaling rules, written from their definitions and sharing no code with the C# decoder, so the C# tests
check the decoder against an independent computation.

Run only to regenerate (Debian: apt-get install -y python3-numpy; then /usr/bin/python3 make_fixtures.py).
The tests read the committed files and need neither Python nor NumPy.
"""
import json
import math
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "tests", "fixtures", "llama-reference")

BASE = {
    "architectures": ["LlamaForCausalLM"],
    "model_type": "llama",
    "vocab_size": 96,
    "hidden_size": 32,
    "intermediate_size": 64,
    "num_hidden_layers": 2,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "rms_norm_eps": 1e-5,
    "rope_theta": 10000.0,
    "max_position_embeddings": 64,
    "tie_word_embeddings": False,
    "torch_dtype": "float32",
}

# name -> config keys over BASE. Each scaling is chosen so that it moves the angles of the sequence below:
# linear divides every frequency; llama3 keeps, blends and divides some of head_dim 16's eight frequencies
# (wavelengths 6.3 < 64/4 kept, 19.9 and 62.8 blended, longer ones divided); dynamic NTK leaves every position
# within max_position_embeddings as it is, so it must equal the unscaled model.
FIXTURES = {
    "default-qwen2": {"architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2", "attention_bias": True,
                      "tie_word_embeddings": True},
    "linear": {"rope_scaling": {"rope_type": "linear", "factor": 4.0}},
    "dynamic": {"rope_scaling": {"type": "dynamic", "factor": 2.0}},
    "llama3": {"head_dim": 16, "rope_scaling": {"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0,
                                                 "high_freq_factor": 4.0, "original_max_position_embeddings": 64}},
}

SEQUENCE_LENGTH = 48


def head_dim(config):
    return config.get("head_dim") or config["hidden_size"] // config["num_attention_heads"]


def inverse_frequencies(config):
    dim = head_dim(config)
    inv = 1.0 / (config["rope_theta"] ** (np.arange(0, dim, 2, dtype=np.float64) / dim))
    scaling = config.get("rope_scaling")
    if not scaling:
        return inv
    kind = scaling.get("rope_type") or scaling.get("type")
    factor = scaling["factor"]
    if kind == "linear":
        return inv / factor
    if kind == "dynamic":
        # base * ((factor * seq_len / max_pos) - (factor - 1)) ** (dim / (dim - 2)) with seq_len clamped up to
        # max_pos: the base is unchanged for any sequence that fits.
        seq_len = max(SEQUENCE_LENGTH, config["max_position_embeddings"])
        base = config["rope_theta"] * ((factor * seq_len / config["max_position_embeddings"]) - (factor - 1)) ** (dim / (dim - 2))
        return 1.0 / (base ** (np.arange(0, dim, 2, dtype=np.float64) / dim))
    if kind == "llama3":
        old = scaling["original_max_position_embeddings"]
        low, high = scaling["low_freq_factor"], scaling["high_freq_factor"]
        wavelength = 2 * math.pi / inv
        scaled = np.where(wavelength > old / low, inv / factor, inv)
        smooth = (old / wavelength - low) / (high - low)
        blended = (1 - smooth) * scaled / factor + smooth * scaled
        medium = (wavelength >= old / high) & (wavelength <= old / low)
        return np.where(medium, blended, scaled)
    raise ValueError(kind)


def rms_norm(x, weight, eps):
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps) * weight


def rotate_half(x):
    half = x.shape[-1] // 2
    return np.concatenate([-x[..., half:], x[..., :half]], axis=-1)


def forward(config, w, ids):
    t = len(ids)
    heads, kv_heads, dim = config["num_attention_heads"], config["num_key_value_heads"], head_dim(config)
    eps = config["rms_norm_eps"]
    freqs = np.outer(np.arange(t, dtype=np.float64), inverse_frequencies(config))
    emb = np.concatenate([freqs, freqs], axis=-1)
    cos, sin = np.cos(emb), np.sin(emb)
    mask = np.triu(np.full((t, t), -np.inf), k=1)

    h = w["model.embed_tokens.weight"][ids].astype(np.float64)
    for i in range(config["num_hidden_layers"]):
        p = f"model.layers.{i}."
        x = rms_norm(h, w[p + "input_layernorm.weight"], eps)

        def project(name):
            y = x @ w[p + f"self_attn.{name}.weight"].T
            bias = w.get(p + f"self_attn.{name}.bias")
            return y if bias is None else y + bias

        q = project("q_proj").reshape(t, heads, dim).transpose(1, 0, 2)
        k = project("k_proj").reshape(t, kv_heads, dim).transpose(1, 0, 2)
        v = project("v_proj").reshape(t, kv_heads, dim).transpose(1, 0, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        group = heads // kv_heads
        k = np.repeat(k, group, axis=0)
        v = np.repeat(v, group, axis=0)
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(dim) + mask
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        probs = scores / scores.sum(axis=-1, keepdims=True)
        attended = (probs @ v).transpose(1, 0, 2).reshape(t, heads * dim)
        h = h + attended @ w[p + "self_attn.o_proj.weight"].T

        x = rms_norm(h, w[p + "post_attention_layernorm.weight"], eps)
        gate = x @ w[p + "mlp.gate_proj.weight"].T
        up = x @ w[p + "mlp.up_proj.weight"].T
        h = h + (gate / (1 + np.exp(-gate)) * up) @ w[p + "mlp.down_proj.weight"].T

    h = rms_norm(h, w["model.norm.weight"], eps)
    head = w["model.embed_tokens.weight"] if config["tie_word_embeddings"] else w["lm_head.weight"]
    return h @ head.T


def random_weights(config, rng):
    hidden, inter, dim = config["hidden_size"], config["intermediate_size"], head_dim(config)
    queries, kvs = config["num_attention_heads"] * dim, config["num_key_value_heads"] * dim

    def normal(*shape, scale=0.3):
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    w = {"model.embed_tokens.weight": normal(config["vocab_size"], hidden, scale=1.0)}
    for i in range(config["num_hidden_layers"]):
        p = f"model.layers.{i}."
        w[p + "input_layernorm.weight"] = (1 + normal(hidden, scale=0.1))
        w[p + "self_attn.q_proj.weight"] = normal(queries, hidden)
        w[p + "self_attn.k_proj.weight"] = normal(kvs, hidden)
        w[p + "self_attn.v_proj.weight"] = normal(kvs, hidden)
        if config.get("attention_bias"):
            w[p + "self_attn.q_proj.bias"] = normal(queries, scale=0.1)
            w[p + "self_attn.k_proj.bias"] = normal(kvs, scale=0.1)
            w[p + "self_attn.v_proj.bias"] = normal(kvs, scale=0.1)
        w[p + "self_attn.o_proj.weight"] = normal(hidden, queries)
        w[p + "post_attention_layernorm.weight"] = (1 + normal(hidden, scale=0.1))
        w[p + "mlp.gate_proj.weight"] = normal(inter, hidden)
        w[p + "mlp.up_proj.weight"] = normal(inter, hidden)
        w[p + "mlp.down_proj.weight"] = normal(hidden, inter, scale=0.2)
    w["model.norm.weight"] = (1 + normal(hidden, scale=0.1))
    if not config["tie_word_embeddings"]:
        w["lm_head.weight"] = normal(config["vocab_size"], hidden)
    return w


def write_safetensors(path, tensors):
    header, offset = {"__metadata__": {"format": "pt"}}, 0
    for name in sorted(tensors):
        size = tensors[name].nbytes
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape), "data_offsets": [offset, offset + size]}
        offset += size
    encoded = json.dumps(header, separators=(",", ":")).encode()
    encoded += b" " * (-len(encoded) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(encoded)))
        f.write(encoded)
        for name in sorted(tensors):
            f.write(np.ascontiguousarray(tensors[name], dtype="<f4").tobytes())


def main():
    for index, (name, overrides) in enumerate(sorted(FIXTURES.items())):
        config = {**BASE, **overrides}
        rng = np.random.default_rng(1000 + index)
        weights = random_weights(config, rng)
        ids = rng.integers(0, config["vocab_size"], SEQUENCE_LENGTH).tolist()
        # The forward runs in float64 on the float32 weights the file stores, so the reference itself adds no
        # rounding that the engine's float32 would have to match.
        logits = forward(config, {k: v.astype(np.float64) for k, v in weights.items()}, np.array(ids))
        folder = os.path.join(OUT, name)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "config.json"), "w") as f:
            json.dump(config, f, indent=2)
            f.write("\n")
        write_safetensors(os.path.join(folder, "model.safetensors"), weights)
        with open(os.path.join(folder, "expected.json"), "w") as f:
            json.dump({"generator": f"numpy {np.__version__}", "ids": ids,
                       "logits": [[round(float(x), 6) for x in row] for row in logits]}, f, separators=(",", ":"))
            f.write("\n")
        print(f"{name}: {len(ids)} ids, logits {logits.shape}, max |logit| {np.abs(logits).max():.2f}")


if __name__ == "__main__":
    main()
