#!/usr/bin/env python3
"""Build small random models with the OFFICIAL implementations and save them as
Hugging Face-layout directories with reference logits, for Seqscope's C++ interop
tests.

    .venv/bin/python tests/interop/make_models.py OUTDIR [--only SUBSTR]

For every case it writes OUTDIR/<case>/:
  config.json                     official config (see below per family)
  model.safetensors               or model-0000i-of-0000n.safetensors + model.safetensors.index.json
  reference.json                  {"family", "case", "tokens", "logits", "decode", "kernels", "checks", ...}

Families:
  xlstm_large_*  xlstm.xlstm_large.model.xLSTMLarge (not a HF model: config.json is
                 dataclasses.asdict(xLSTMLargeConfig), tensors are its state_dict()).
  hf_xlstm_*     transformers.xLSTMForCausalLM, written by save_pretrained().
  llama_*        transformers.LlamaForCausalLM, written by save_pretrained().

reference.json:
  tokens         batch-1 token ids
  logits         [len(tokens)][vocab] float32 next-token logits at every position, after
                 the model's output soft cap (xLSTM), from a full-sequence forward
  decode         {"prompt", "steps", "logits", "prompt_last_logits"}: the official
                 stateful path: prompt forwarded once (keeping the state / KV cache), then
                 each token of "steps" fed alone; logits[j] are the logits after steps[j].
                 steps == tokens[len(prompt):], so decode.logits[j] ~ logits[len(prompt)+j].
  checks         max abs differences between the official paths (also printed).

Also prints cross-checks: chunkwise vs parallel vs sequence-kernel vs step-by-step
recurrent mLSTM, xLSTMLarge vs transformers xLSTM on the same weights, Llama eager
vs sdpa, and decode vs full forward.
"""

import argparse
import dataclasses
import json
import os
import shutil
import sys
import time
from functools import partial

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import (INDEX_FILE, SINGLE_FILE, XLSTM_RUNTIME, f32list,  # noqa: E402
                     hf_xlstm_logits, llama_logits, load_safetensors_dir,
                     xlstm_large_logits)

SEQ_LEN = 37            # not a multiple of the chunk size 16
CHUNK = 16

XLSTM_LARGE_CASES = [
    # default soft caps (gate 15, logits 30) and eps; 3 heads; vocab 97;
    # ffn: 48*2.6667 = 128.0016 -> official "round up" gives 128 (not 192!)
    dict(case="xlstm_large_h3", seed=11, prompt_len=21, shards=1,
         cfg=dict(embedding_dim=48, num_heads=3, num_blocks=2, vocab_size=97, chunk_size=CHUNK)),
    # 6 heads, other soft caps and eps values, vocab 211, sharded, prompt = one chunk
    dict(case="xlstm_large_h6_caps_sharded", seed=12, prompt_len=16, shards=3,
         cfg=dict(embedding_dim=96, num_heads=6, num_blocks=3, vocab_size=211, chunk_size=CHUNK,
                  gate_soft_cap=4.0, output_logit_soft_cap=6.0, norm_eps=1e-5, eps=1e-4)),
    # no output norm, no logit soft cap (null), odd qk/v/ffn factors, prompt of 1 token
    dict(case="xlstm_large_noout_nocap", seed=13, prompt_len=1, shards=1,
         cfg=dict(embedding_dim=64, num_heads=4, num_blocks=2, vocab_size=101, chunk_size=CHUNK,
                  add_out_norm=False, output_logit_soft_cap=None, qk_dim_factor=0.25,
                  v_dim_factor=0.75, ffn_proj_factor=1.3, ffn_round_up_to_multiple_of=32)),
]

HF_XLSTM_CASES = [
    dict(case="hf_xlstm_h3_sharded", seed=21, prompt_len=21, max_shard_size="600KB",
         cfg=dict(hidden_size=96, num_heads=3, num_hidden_layers=2, vocab_size=211, chunk_size=CHUNK)),
    dict(case="hf_xlstm_h4_caps", seed=22, prompt_len=5, max_shard_size=None,
         cfg=dict(hidden_size=64, num_heads=4, num_hidden_layers=3, vocab_size=97, chunk_size=CHUNK,
                  gate_soft_cap=5.0, output_logit_soft_cap=10.0, norm_eps=1e-5, eps=1e-5)),
]

LLAMA_COMMON = dict(tie_word_embeddings=False, attention_bias=False, mlp_bias=False,
                    hidden_act="silu", max_position_embeddings=128)
LLAMA_CASES = [
    dict(case="llama_h3", seed=31, prompt_len=21, max_shard_size=None,
         cfg=dict(hidden_size=48, num_attention_heads=3, num_key_value_heads=3, num_hidden_layers=2,
                  vocab_size=97, intermediate_size=100, rms_norm_eps=1e-5, rope_theta=10000.0)),
    dict(case="llama_h6_sharded", seed=32, prompt_len=1, max_shard_size="400KB",
         cfg=dict(hidden_size=96, num_attention_heads=6, num_key_value_heads=6, num_hidden_layers=3,
                  vocab_size=211, intermediate_size=160, rms_norm_eps=1e-6, rope_theta=500000.0)),
    # explicit head_dim (24) != hidden_size / num_attention_heads (16)
    dict(case="llama_headdim24", seed=33, prompt_len=10, max_shard_size=None,
         cfg=dict(hidden_size=48, num_attention_heads=3, num_key_value_heads=3, num_hidden_layers=2,
                  head_dim=24, vocab_size=97, intermediate_size=64, rms_norm_eps=3e-6,
                  rope_theta=1000.0)),
]


# ----------------------------------------------------------------------------- helpers

def randomize_(model, seed):
    """Give EVERY parameter non-trivial random values (fixed seed):
    1-D norm weights 1 + 0.1*randn; input-gate bias U(-4, 2); forget-gate bias U(-1, 6);
    other biases 0.1*randn; embeddings N(0, 1); all other matrices N(0, 0.2)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            def rn(std):
                return torch.randn(p.shape, generator=g) * std

            def un(lo, hi):
                return lo + (hi - lo) * torch.rand(p.shape, generator=g)

            if name.endswith("ifgate_preact.bias"):          # fused weight mode: [i | f]
                h = p.shape[0] // 2
                v = torch.cat([-4.0 + 6.0 * torch.rand(h, generator=g),
                               -1.0 + 7.0 * torch.rand(h, generator=g)])
            elif name.endswith("igate_preact.bias"):
                v = un(-4.0, 2.0)
            elif name.endswith("fgate_preact.bias"):
                v = un(-1.0, 6.0)
            elif name.endswith(".bias"):
                v = rn(0.1)
            elif p.ndim == 1:                              # norm weights
                v = 1.0 + rn(0.1)
            elif "embed" in name:
                v = rn(1.0)
            else:
                v = rn(0.2)
            p.copy_(v)


def maxdiff(a, b):
    return float((a.float() - b.float()).abs().max())


def random_tokens(n, vocab, seed):
    g = torch.Generator().manual_seed(seed + 1000)
    return torch.randint(0, vocab, (n,), generator=g).tolist()


def save_safetensors(sd, outdir, shards):
    """Write tensors like transformers does: one model.safetensors, or
    model-0000i-of-0000n.safetensors + model.safetensors.index.json."""
    from safetensors.torch import save_file
    sd = {k: v.detach().contiguous().clone() for k, v in sd.items()}
    keys = list(sd)
    if shards <= 1:
        save_file(sd, os.path.join(outdir, SINGLE_FILE), metadata={"format": "pt"})
        return
    per = -(-len(keys) // shards)
    weight_map = {}
    for i in range(shards):
        fn = f"model-{i + 1:05d}-of-{shards:05d}.safetensors"
        part = {k: sd[k] for k in keys[i * per:(i + 1) * per]}
        save_file(part, os.path.join(outdir, fn), metadata={"format": "pt"})
        weight_map.update({k: fn for k in part})
    total = sum(v.numel() * v.element_size() for v in sd.values())
    with open(os.path.join(outdir, INDEX_FILE), "w") as f:
        json.dump({"metadata": {"total_size": total}, "weight_map": weight_map}, f, indent=2)


def check_written(outdir, model):
    """Re-read the directory and make sure it holds exactly the model's tensors."""
    sd, files = load_safetensors_dir(outdir)
    want = model.state_dict()
    assert set(sd) == set(want), (sorted(set(sd) ^ set(want)))
    for k in want:
        assert torch.equal(sd[k], want[k].float()), k
    return files


def write_reference(outdir, ref):
    with open(os.path.join(outdir, "reference.json"), "w") as f:
        json.dump(ref, f, separators=(",", ":"))


def versions():
    import importlib.metadata as md
    return {p: md.version(p) for p in ("torch", "xlstm", "mlstm-kernels", "transformers", "safetensors")}


TOLERANCE = 1e-3       # any cross-check above this makes the script exit 1
FAILED = []


def report(case, checks):
    for k, v in checks.items():
        bad = v > TOLERANCE
        print(f"  {case}: {k:<58s} {v:.3e}{'  <-- ABOVE TOLERANCE' if bad else ''}")
        if bad:
            FAILED.append(f"{case}: {k}")


# ----------------------------------------------------------------------------- xLSTMLarge

def xlstm_large_variant(cfg, sd, **overrides):
    from xlstm.xlstm_large.model import xLSTMLarge
    m = xLSTMLarge(dataclasses.replace(cfg, **overrides)).eval()
    m.load_state_dict(sd, strict=True)
    return m


def no_state_train_fn_(model):
    """mLSTMLayer.forward always unpacks `h, state = backend(...)`, so xLSTMLarge cannot
    run kernels that return no state (parallel kernels, train_with_padding); wrap their
    train function to return (h, None) so the model-level comparison is possible."""
    for blk in model.backbone.blocks:
        be = blk.mlstm_layer.mlstm_backend
        be._train_fn = (lambda f: (lambda **kw: (f(**kw), None)))(be._train_fn)
    return model


def use_sequence_kernel_wrapper_(model):
    """Switch every mLSTM backend of an inference-mode xLSTMLarge from the default
    padding wrapper to mlstm_kernels' wrap_chunkwise__arbitrary_sequence_length, which
    runs the chunkwise kernel on whole chunks (chunk sizes 16..) and the
    native_sequence__native kernel on the remainder (exercises the sequence kernel)."""
    from mlstm_kernels.torch.kernel_wrappers import wrap_chunkwise__arbitrary_sequence_length
    c = model.config
    for blk in model.backbone.blocks:
        be = blk.mlstm_layer.mlstm_backend
        be._inference_fn = partial(
            wrap_chunkwise__arbitrary_sequence_length,
            mlstm_chunkwise_kernel=be.chunkwise_kernel_fn,
            mlstm_sequence_kernel=partial(be.sequence_kernel_fn, dtype_state=torch.float32),
            mlstm_step_kernel=partial(be.step_kernel_fn, dtype_state=torch.float32),
            chunk_size=c.chunk_size, eps=c.eps, autocast_kernel_dtype=torch.float32,
            return_last_states=True, dtype_state=torch.float32)


def xlstm_large_decode(model, prompt, steps):
    """Official stateful path: prompt with return_last_states=True, then one token at a time."""
    with torch.no_grad():
        logits, state = model(torch.tensor([prompt]))
        last = logits[0, -1]
        out = []
        for t in steps:
            lg, state = model(torch.tensor([[t]]), state)
            out.append(lg[0, -1])
    return last, torch.stack(out)


def large_to_hf_names(sd):
    return {("backbone.embeddings.weight" if k == "embedding.weight" else k): v for k, v in sd.items()}


def hf_to_large_names(sd):
    return {("embedding.weight" if k == "backbone.embeddings.weight" else k): v for k, v in sd.items()}


def make_xlstm_large(spec, root):
    from xlstm.xlstm_large.model import xLSTMLarge, xLSTMLargeConfig
    case, seed = spec["case"], spec["seed"]
    cfg = xLSTMLargeConfig(**spec["cfg"], **XLSTM_RUNTIME)
    torch.manual_seed(seed)
    model = xLSTMLarge(cfg).eval()
    randomize_(model, seed)
    sd = model.state_dict()

    tokens = random_tokens(SEQ_LEN, cfg.vocab_size, seed)
    P = spec["prompt_len"]
    logits = xlstm_large_logits(model, tokens)
    last, dec = xlstm_large_decode(model, tokens[:P], tokens[P:])

    checks = {}
    # step-by-step recurrent (step kernel only) from the empty state over all tokens
    _, rec = xlstm_large_decode(model, tokens[:1], tokens[1:])
    checks["chunkwise(padded) vs step-by-step recurrent"] = maxdiff(logits[1:], rec)
    checks["chunkwise(padded) vs decode (prompt + steps)"] = maxdiff(logits[P:], dec)
    checks["chunkwise(padded) vs prompt last position"] = maxdiff(logits[P - 1], last)
    m_seq = xlstm_large_variant(cfg, sd)
    use_sequence_kernel_wrapper_(m_seq)
    checks["chunkwise(padded) vs chunkwise+native_sequence kernel"] = maxdiff(
        logits, xlstm_large_logits(m_seq, tokens))
    m_pad = no_state_train_fn_(xlstm_large_variant(cfg, sd, mode="train_with_padding",
                                                   return_last_states=False))
    checks["chunkwise(padded) vs train_with_padding chunkwise"] = maxdiff(
        logits, xlstm_large_logits(m_pad, tokens))
    m_par = no_state_train_fn_(xlstm_large_variant(cfg, sd, chunkwise_kernel="parallel--native_autograd",
                                                   mode="train", return_last_states=False))
    checks["chunkwise(padded) vs parallel--native_autograd"] = maxdiff(
        logits, xlstm_large_logits(m_par, tokens))
    if cfg.add_out_norm and cfg.output_logit_soft_cap is not None:
        from transformers import xLSTMConfig, xLSTMForCausalLM
        hcfg = xLSTMConfig(hidden_size=cfg.embedding_dim, num_hidden_layers=cfg.num_blocks,
                           **{k: v for k, v in dataclasses.asdict(cfg).items()
                              if k not in ("embedding_dim", "num_blocks")})
        hm = xLSTMForCausalLM(hcfg).eval()
        hm.load_state_dict(large_to_hf_names(sd), strict=True)
        checks["xLSTMLarge vs transformers xLSTMForCausalLM"] = maxdiff(logits, hf_xlstm_logits(hm, tokens))
    else:
        print(f"  {case}: (no transformers comparison: its xLSTMModel always applies out_norm and "
              "its config does not take a null soft cap)")
    report(case, checks)

    outdir = os.path.join(root, case)
    os.makedirs(outdir)
    cfg_json = {k: v for k, v in dataclasses.asdict(cfg).items()
                if isinstance(v, (int, float, str, bool, type(None)))}
    with open(os.path.join(outdir, "config.json"), "w") as f:
        json.dump(cfg_json, f, indent=2)
    save_safetensors(sd, outdir, spec["shards"])
    files = check_written(outdir, model)
    write_reference(outdir, {
        "family": "xlstm_large", "case": case, "seed": seed, "files": files,
        "tokens": tokens, "logits": f32list(logits),
        "decode": {"prompt": tokens[:P], "steps": tokens[P:], "logits": f32list(dec),
                   "prompt_last_logits": f32list(last)},
        "kernels": {k: getattr(cfg, k) for k in XLSTM_RUNTIME} | {
            "chunk_size": cfg.chunk_size,
            "prefill": "inference mode: chunkwise kernel on the sequence right-padded to a multiple of "
                       "chunk_size (pad q=k=v=0, f=+25, i=-25); a length-1 input uses the step kernel"},
        "checks": checks, "versions": versions()})


# ----------------------------------------------------------------------------- transformers xLSTM

def hf_xlstm_cache(model):
    """xLSTMCache with state shapes that match the layers. The stock xLSTMCache sizes
    its state from config.qk_head_dim/v_head_dim, which round qk_dim/v_dim UP TO A
    MULTIPLE OF 64, while the layers use int(hidden_size*factor); so the stock cache
    breaks whenever hidden_size*qk_dim_factor or hidden_size*v_dim_factor is not a
    multiple of 64. Returns (cache, stock_cache_shapes_ok)."""
    from transformers.models.xlstm.modeling_xlstm import xLSTMCache
    c = model.config
    cache = xLSTMCache(c, 1, dtype=torch.float32)
    layer = model.backbone.blocks[0].mlstm_layer
    dqk, dv, H = layer.qk_dim // c.num_heads, layer.v_dim // c.num_heads, c.num_heads
    ok = tuple(cache.rnn_state[0][0].shape) == (1, H, dqk, dv)
    cache.rnn_state = {i: (torch.zeros(1, H, dqk, dv), torch.zeros(1, H, dqk), torch.zeros(1, H, 1))
                       for i in range(c.num_hidden_layers)}
    return cache, ok


def hf_xlstm_decode(model, prompt, steps):
    cache, ok = hf_xlstm_cache(model)
    with torch.no_grad():
        out = model(torch.tensor([prompt]), cache=cache, use_cache=True)
        last = out.logits[0, -1]
        res = []
        for t in steps:
            out = model(torch.tensor([[t]]), cache=cache, use_cache=True)
            res.append(out.logits[0, -1])
    return last, torch.stack(res), ok


def make_hf_xlstm(spec, root):
    from transformers import xLSTMConfig, xLSTMForCausalLM
    case, seed = spec["case"], spec["seed"]
    cfg = xLSTMConfig(**spec["cfg"], **XLSTM_RUNTIME)
    torch.manual_seed(seed)
    model = xLSTMForCausalLM(cfg).eval()
    randomize_(model, seed)

    tokens = random_tokens(SEQ_LEN, cfg.vocab_size, seed)
    P = spec["prompt_len"]
    logits = hf_xlstm_logits(model, tokens)
    last, dec, stock_ok = hf_xlstm_decode(model, tokens[:P], tokens[P:])

    checks = {"full forward vs decode (prompt + steps, xLSTMCache)": maxdiff(logits[P:], dec),
              "full forward vs prompt last position": maxdiff(logits[P - 1], last)}
    from xlstm.xlstm_large.model import xLSTMLarge
    lcfg = dataclasses.replace(cfg.to_xlstm_block_config(), **XLSTM_RUNTIME)
    lm = xLSTMLarge(lcfg).eval()
    lm.load_state_dict(hf_to_large_names(model.state_dict()), strict=True)
    checks["transformers xLSTM vs xLSTMLarge (same weights)"] = maxdiff(logits, xlstm_large_logits(lm, tokens))
    report(case, checks)
    print(f"  {case}: stock xLSTMCache shapes usable: {stock_ok}")

    outdir = os.path.join(root, case)
    kw = {"max_shard_size": spec["max_shard_size"]} if spec["max_shard_size"] else {}
    model.save_pretrained(outdir, **kw)
    files = check_written(outdir, model)
    write_reference(outdir, {
        "family": "hf_xlstm", "case": case, "seed": seed, "files": files,
        "tokens": tokens, "logits": f32list(logits),
        "decode": {"prompt": tokens[:P], "steps": tokens[P:], "logits": f32list(dec),
                   "prompt_last_logits": f32list(last),
                   "note": "xLSTMCache with rnn_state re-allocated to the layers' real head dims"
                           + ("" if stock_ok else " (the stock cache has wrong shapes here)")},
        "kernels": {k: getattr(cfg, k) for k in XLSTM_RUNTIME} | {"chunk_size": cfg.chunk_size},
        "checks": checks, "versions": versions()})


# ----------------------------------------------------------------------------- Llama

def llama_forward(model, ids, cache):
    """Call with the KV cache under whichever kwarg name this transformers uses."""
    import inspect
    name = "cache" if "cache" in inspect.signature(model.forward).parameters else "past_key_values"
    out = model(torch.tensor([ids]), use_cache=True, **{name: cache})
    return out, getattr(out, "cache", None) or getattr(out, "past_key_values", None)


def llama_decode(model, prompt, steps):
    with torch.no_grad():
        out, cache = llama_forward(model, prompt, None)
        last = out.logits[0, -1]
        res = []
        for t in steps:
            out, cache = llama_forward(model, [t], cache)
            res.append(out.logits[0, -1])
    return last, torch.stack(res)


def make_llama(spec, root):
    from transformers import LlamaConfig, LlamaForCausalLM
    case, seed = spec["case"], spec["seed"]
    kw = dict(spec["cfg"])
    theta = kw.pop("rope_theta")
    cfg = LlamaConfig(**kw, **LLAMA_COMMON,
                      rope_parameters={"rope_type": "default", "rope_theta": theta})
    torch.manual_seed(seed)
    model = LlamaForCausalLM._from_config(cfg, attn_implementation="eager").eval()
    randomize_(model, seed)

    tokens = random_tokens(SEQ_LEN, cfg.vocab_size, seed)
    P = spec["prompt_len"]
    logits = llama_logits(model, tokens)
    last, dec = llama_decode(model, tokens[:P], tokens[P:])
    sdpa = LlamaForCausalLM._from_config(cfg, attn_implementation="sdpa").eval()
    sdpa.load_state_dict(model.state_dict(), strict=True)
    checks = {"eager full forward vs decode (prompt + steps, KV cache)": maxdiff(logits[P:], dec),
              "eager full forward vs prompt last position": maxdiff(logits[P - 1], last),
              "eager vs sdpa attention": maxdiff(logits, llama_logits(sdpa, tokens))}
    report(case, checks)

    outdir = os.path.join(root, case)
    kw = {"max_shard_size": spec["max_shard_size"]} if spec["max_shard_size"] else {}
    model.save_pretrained(outdir, **kw)
    files = check_written(outdir, model)
    write_reference(outdir, {
        "family": "llama", "case": case, "seed": seed, "files": files,
        "tokens": tokens, "logits": f32list(logits),
        "decode": {"prompt": tokens[:P], "steps": tokens[P:], "logits": f32list(dec),
                   "prompt_last_logits": f32list(last)},
        "kernels": {"attn_implementation": "eager", "cache": "DynamicCache (use_cache=True)"},
        "checks": checks, "versions": versions()})


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--only", default="", help="only cases whose name contains this")
    ap.add_argument("--threads", type=int, default=1, help="torch threads (default 1)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import transformers
    transformers.utils.logging.disable_progress_bar()
    os.makedirs(args.outdir, exist_ok=True)
    jobs = ([(make_xlstm_large, s) for s in XLSTM_LARGE_CASES]
            + [(make_hf_xlstm, s) for s in HF_XLSTM_CASES]
            + [(make_llama, s) for s in LLAMA_CASES])
    t0 = time.time()
    for fn, spec in jobs:
        if args.only not in spec["case"]:
            continue
        d = os.path.join(args.outdir, spec["case"])
        if os.path.exists(d):
            shutil.rmtree(d)
        t = time.time()
        print(f"{spec['case']}:")
        fn(spec, args.outdir)
        print(f"  {spec['case']}: written in {time.time() - t:.1f}s")
    print(f"all done in {time.time() - t0:.1f}s -> {args.outdir}")
    if FAILED:
        print("cross-checks above tolerance:\n  " + "\n  ".join(FAILED), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
