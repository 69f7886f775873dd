#!/usr/bin/env python3
"""Load a model directory with the OFFICIAL implementation and print its logits.

    .venv/bin/python tests/interop/official_logits.py DIR --tokens 1,2,3

Prints one JSON object to stdout:
    {"family": "xlstm_large"|"hf_xlstm"|"llama", "logits": [[float32 ...] per position]}
(next-token logits at every position, after the output soft cap for xLSTM).

DIR layouts (detected from config.json and the tensor names; both must agree):
  llama        config.json model_type "llama"  + model.embed_tokens.weight -> transformers LlamaForCausalLM
  hf_xlstm     config.json model_type "xlstm"  + backbone.embeddings.weight -> transformers xLSTMForCausalLM
  xlstm_large  config.json (or the xlstm-native config.yaml) = xLSTMLargeConfig fields, no model_type,
               + embedding.weight -> xlstm.xlstm_large.model.xLSTMLarge
Tensors: model.safetensors, or shards listed by model.safetensors.index.json (or xlstm's
native model_0.safetensors, model_1, ...). Loading is strict: any missing or unexpected
tensor name or shape mismatch prints a message to stderr and exits 1. The only allowance:
a missing lm_head.weight when config.json says tie_word_embeddings=true.
xLSTM always runs on CPU in float32 with chunkwise--native_autograd /
native_sequence__native / native kernels, mode "inference" (whatever config.json says).
"""

import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import (die, f32list, hf_xlstm_apply_runtime, hf_xlstm_logits,  # noqa: E402
                     llama_logits, load_safetensors_dir, strict_load,
                     xlstm_large_config_from_dict, xlstm_large_logits)

EMBED_NAME = {"llama": "model.embed_tokens.weight", "hf_xlstm": "backbone.embeddings.weight",
              "xlstm_large": "embedding.weight"}


def read_config(d):
    p = os.path.join(d, "config.json")
    if os.path.exists(p):
        with open(p) as f:
            return json.load(f)
    p = os.path.join(d, "config.yaml")
    if os.path.exists(p):
        import yaml
        with open(p) as f:
            return yaml.safe_load(f)
    die(f"no config.json (or config.yaml) in {d}")


def detect_family(cfg, names):
    by_names = [fam for fam, n in EMBED_NAME.items() if n in names]
    mt = cfg.get("model_type")
    if mt == "llama":
        by_cfg = "llama"
    elif mt == "xlstm":
        by_cfg = "hf_xlstm"
    elif mt is None and "embedding_dim" in cfg:
        by_cfg = "xlstm_large"
    elif mt is not None:
        die(f"unsupported model_type {mt!r}")
    else:
        by_cfg = None
    if by_cfg is None:
        if len(by_names) != 1:
            die(f"cannot tell the model family: config has no model_type/embedding_dim and "
                f"embedding tensors found: {by_names}")
        return by_names[0]
    if by_names and by_cfg not in by_names:
        die(f"config.json says {by_cfg} but the tensor names look like {by_names}")
    return by_cfg


def tie_if_needed(cfg, sd, embed_name):
    if cfg.get("tie_word_embeddings") and "lm_head.weight" not in sd and embed_name in sd:
        sd["lm_head.weight"] = sd[embed_name]


def build(family, cfg, sd):
    if family == "llama":
        from transformers import LlamaConfig, LlamaForCausalLM
        c = LlamaConfig.from_dict(cfg)
        model = LlamaForCausalLM._from_config(c, attn_implementation="eager")
        tie_if_needed(cfg, sd, EMBED_NAME[family])
        return model.float().eval(), llama_logits
    if family == "hf_xlstm":
        from transformers import xLSTMConfig, xLSTMForCausalLM
        c = hf_xlstm_apply_runtime(xLSTMConfig.from_dict(cfg))
        model = xLSTMForCausalLM._from_config(c)
        tie_if_needed(cfg, sd, EMBED_NAME[family])
        return model.float().eval(), hf_xlstm_logits
    from xlstm.xlstm_large.model import xLSTMLarge
    return xLSTMLarge(xlstm_large_config_from_dict(cfg)).float().eval(), xlstm_large_logits


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--tokens", required=True, help="comma-separated token ids, e.g. 1,2,3")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    try:
        tokens = [int(t) for t in args.tokens.split(",") if t.strip() != ""]
    except ValueError:
        die(f"bad --tokens {args.tokens!r}")
    if not tokens:
        die("--tokens is empty")

    cfg = read_config(args.dir)
    sd, _ = load_safetensors_dir(args.dir)
    family = detect_family(cfg, set(sd))
    try:
        model, logits_fn = build(family, cfg, sd)
    except Exception as e:  # bad/unsupported config values
        die(f"cannot build the official {family} model from the config: {e}")
    strict_load(model, sd)
    vocab = model.lm_head.weight.shape[0]
    bad = [t for t in tokens if not 0 <= t < vocab]
    if bad:
        die(f"token ids out of range [0, {vocab}): {bad}")
    logits = logits_fn(model, tokens)
    json.dump({"family": family, "logits": f32list(logits)}, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
