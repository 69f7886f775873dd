"""Shared helpers for the interop scripts (make_models.py, official_logits.py).

Only Python side of the interop tests: it builds/loads models with the OFFICIAL
implementations (xlstm / mlstm_kernels / transformers) on CPU in float32.
"""

import json
import os
import sys

import numpy as np
import torch

# Kernels of the official xLSTM packages that run on CPU (the defaults in
# xLSTMLargeConfig are triton kernels that need a GPU).
CPU_KERNELS = {
    "chunkwise_kernel": "chunkwise--native_autograd",
    "sequence_kernel": "native_sequence__native",
    "step_kernel": "native",
}
# Settings every official xLSTM forward in these scripts uses.
XLSTM_RUNTIME = dict(CPU_KERNELS, mode="inference", return_last_states=True,
                     autocast_kernel_dtype="float32", inference_state_dtype="float32")

SINGLE_FILE = "model.safetensors"
INDEX_FILE = "model.safetensors.index.json"


def die(msg):
    print(f"error: {msg}", file=sys.stderr)
    sys.exit(1)


def f32list(t):
    """Tensor -> nested list of Python floats, each the shortest decimal that
    round-trips to the same float32 (compact JSON, exact as float32)."""
    a = t.detach().to(torch.float32).cpu().numpy()

    def rec(x):
        return [rec(y) for y in x] if x.ndim > 1 else [float(str(v)) for v in x]

    return rec(a)


def load_safetensors_dir(d):
    """Load all tensors of a HF-layout directory (model.safetensors, or the shards
    named in model.safetensors.index.json; like transformers, the single file wins
    if both exist; also accepts the xlstm-native model_0.safetensors, model_1...).
    Strict: a tensor in a shard that the index does not map to that shard, an
    index entry whose tensor is absent, or a name in two shards is an error."""
    from safetensors.torch import load_file

    single = os.path.join(d, SINGLE_FILE)
    index = os.path.join(d, INDEX_FILE)
    if os.path.exists(single):
        return load_file(single), [SINGLE_FILE]
    if os.path.exists(index):
        with open(index) as f:
            weight_map = json.load(f)["weight_map"]
        files = sorted(set(weight_map.values()))
        sd = {}
        for fn in files:
            part = load_file(os.path.join(d, fn))
            expected = {k for k, v in weight_map.items() if v == fn}
            extra = sorted(set(part) - expected)
            if extra:
                die(f"{fn} holds tensors that the index does not map to it: {extra}")
            missing = sorted(expected - set(part))
            if missing:
                die(f"index maps tensors to {fn} that it does not hold: {missing}")
            dup = sorted(set(part) & set(sd))
            if dup:
                die(f"tensors stored twice: {dup}")
            sd.update(part)
        return sd, files
    native = [f"model_{i}.safetensors" for i in range(10000)
              if os.path.exists(os.path.join(d, f"model_{i}.safetensors"))]
    if native:
        sd = {}
        for fn in native:
            part = load_file(os.path.join(d, fn))
            dup = sorted(set(part) & set(sd))
            if dup:
                die(f"tensors stored twice: {dup}")
            sd.update(part)
        return sd, native
    die(f"no {SINGLE_FILE}, {INDEX_FILE} or model_0.safetensors in {d}")


def strict_load(model, sd):
    """load_state_dict with strict name and shape checking; exits 1 on mismatch."""
    want = model.state_dict()
    missing = sorted(set(want) - set(sd))
    unexpected = sorted(set(sd) - set(want))
    bad_shape = sorted(f"{k}: file {tuple(sd[k].shape)} vs model {tuple(want[k].shape)}"
                       for k in set(sd) & set(want) if tuple(sd[k].shape) != tuple(want[k].shape))
    if missing or unexpected or bad_shape:
        die("state dict does not match the official model:\n"
            f"  missing keys: {missing}\n  unexpected keys: {unexpected}\n"
            f"  shape mismatches: {bad_shape}")
    model.load_state_dict({k: v.to(torch.float32) for k, v in sd.items()}, strict=True)


def xlstm_large_config_from_dict(cfg_dict):
    """xLSTMLargeConfig from a config dict (unknown keys are reported and ignored),
    with the CPU kernels / inference mode forced."""
    import dataclasses
    from xlstm.xlstm_large.model import xLSTMLargeConfig

    names = {f.name for f in dataclasses.fields(xLSTMLargeConfig)}
    unknown = sorted(set(cfg_dict) - names)
    if unknown:
        print(f"note: ignoring config keys unknown to xLSTMLargeConfig: {unknown}", file=sys.stderr)
    kw = {k: v for k, v in cfg_dict.items() if k in names}
    kw.update(XLSTM_RUNTIME)
    return xLSTMLargeConfig(**kw)


def hf_xlstm_apply_runtime(cfg):
    for k, v in XLSTM_RUNTIME.items():
        setattr(cfg, k, v)
    return cfg


def llama_logits(model, tokens):
    with torch.no_grad():
        return model(torch.tensor([tokens]), use_cache=False).logits[0]


def hf_xlstm_logits(model, tokens):
    with torch.no_grad():
        return model(torch.tensor([tokens]), use_cache=False).logits[0]


def xlstm_large_logits(model, tokens):
    with torch.no_grad():
        out = model(torch.tensor([tokens]))
    if isinstance(out, tuple):
        out = out[0]
    return out[0]
