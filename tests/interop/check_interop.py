#!/usr/bin/env python3
"""Seqscope against the official implementations (ctest label `interop`).

1. make_models.py builds random small models with the official classes (xlstm's xLSTMLarge,
   transformers' xLSTMForCausalLM and LlamaForCausalLM) and their logits.
2. Seqscope loads each directory (`seqscope-cli model logits`) in every mLSTM form and through
   prefill + decode steps: max |difference| <= 1e-4 (float32). Configs Seqscope does not implement
   must be refused naming the field.
3. Seqscope trains small runs (an xLSTM from scratch, a Llama continued from an imported model),
   exports them (`model export`, single file and shards, F32 and BF16), and the official classes
   load them (official_logits.py): same logits.
4. Broken directories (truncated file, missing tensor, lying header) get a clear error.

usage: check_interop.py --cli build/app/seqscope-cli [--python .venv/bin/python] [--keep DIR]
"""

import argparse
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOLERANCE = 1e-4
# Cases make_models.py writes that Seqscope must refuse, and the field the message must name.
REFUSED = {"llama_headdim24": "head_dim", "xlstm_large_noout_nocap": "add_out_norm"}

failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)


def run(cmd, expect_ok=True):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if expect_ok and p.returncode != 0:
        raise SystemExit(f"command failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr}")
    return p


def max_diff(a, b):
    if len(a) != len(b) or any(len(x) != len(y) for x, y in zip(a, b)):
        return float("inf")
    return max(abs(x - y) for ra, rb in zip(a, b) for x, y in zip(ra, rb))


def ours(args, directory, tokens, *extra):
    p = run([args.cli, "model", "logits", "--checkpoint", directory, "--tokens", ",".join(map(str, tokens)), "--json", *extra])
    return json.loads(p.stdout)["logits"]


def official(args, directory, tokens):
    p = run([args.python, os.path.join(HERE, "official_logits.py"), directory, "--tokens", ",".join(map(str, tokens))])
    return json.loads(p.stdout)["logits"]


def check_reference_models(args, root):
    cases = sorted(d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "reference.json")))
    check(len(cases) >= 6, f"make_models.py wrote {len(cases)} cases")
    for case in cases:
        d = os.path.join(root, case)
        ref = json.load(open(os.path.join(d, "reference.json")))
        tokens = ref["tokens"]
        if case in REFUSED:
            p = run([args.cli, "model", "logits", "--checkpoint", d, "--tokens", "1,2"], expect_ok=False)
            check(p.returncode == 1 and REFUSED[case] in p.stderr,
                  f"{case}: refused naming \"{REFUSED[case]}\" ({p.stderr.strip()[:120]})")
            continue
        forms = ["chunkwise", "parallel", "recurrent"] if ref["family"] != "llama" else ["chunkwise"]
        for form in forms:
            diff = max_diff(ours(args, d, tokens, "--form", form), ref["logits"])
            check(diff <= TOLERANCE, f"{case}: {form} logits, max |diff| {diff:.2e}")
        dec = ref["decode"]
        k = len(dec["prompt"])
        got = ours(args, d, dec["prompt"] + dec["steps"], "--prefill", str(k))
        want = [dec["prompt_last_logits"]] + dec["logits"]
        diff = max_diff(got, want)
        check(diff <= TOLERANCE, f"{case}: prefill {k} + {len(dec['steps'])} decode steps vs the official state, max |diff| {diff:.2e}")
        p = run([args.cli, "model", "import", "--db", args.db, d, "--name", case, "--json"])
        info = json.loads(p.stdout)
        check(info["params"] > 0 and info["layout"] in ("xlstm-large", "hf-xlstm", "llama"),
              f"{case}: imported as {info['layout']} with {info['params']} parameters")


def write_tokens(path, count, vocab, seed):
    # uint16 token stream without header (data spec tokens:PATH): mostly t -> (5t + 3) % vocab, one
    # token in ten random, so a trained model has something to learn (loss well below ln vocab).
    x, t = seed, 0
    with open(path, "wb") as f:
        for _ in range(count):
            x = (1103515245 * x + 12345) % (1 << 31)
            t = (x >> 8) % vocab if (x >> 4) % 10 == 0 else (5 * t + 3) % vocab
            f.write(struct.pack("<H", t))


def check_exports(args, work, root):
    tokens_file = os.path.join(work, "tokens.bin")
    write_tokens(tokens_file, 40000, 97, 7)
    common = ["--data", "tokens:" + tokens_file, "--ctx", "32", "--tokens", "20000", "--batch", "8", "--json"]
    runs = {}
    p = run([args.cli, "train", "--db", args.db, "--arch", "xlstm", "--d-model", "48", "--layers", "2", "--heads", "3",
             "--vocab", "97", "--name", "xlstm-export", *common])
    runs["xlstm"] = json.loads(p.stdout)["run_id"]
    p = run([args.cli, "train", "--db", args.db, "--init-from", "llama_h3", "--name", "llama-continued", *common])
    runs["llama"] = json.loads(p.stdout)["run_id"]
    sample = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3, 3, 8, 3, 2, 7, 9, 5, 0, 2, 8, 8, 4]
    exports = [("xlstm", ["--layout", "xlstm-large"]), ("xlstm", ["--layout", "hf-xlstm", "--shard-size", "20000"]),
               ("xlstm", ["--bf16"]), ("llama", []), ("llama", ["--shard-size", "30000", "--bf16"])]
    for i, (arch, flags) in enumerate(exports):
        out = os.path.join(work, f"export{i}")
        run([args.cli, "model", "export", "--db", args.db, "--run", str(runs[arch]), "--out", out, *flags])
        diff = max_diff(ours(args, out, sample), official(args, out, sample))
        check(diff <= TOLERANCE, f"run {runs[arch]} ({arch}) exported {' '.join(flags) or 'default'}: official vs Seqscope, max |diff| {diff:.2e}")
    # The Llama run started from llama_h3's weights: with a learning rate of 1e-12 it ends where it
    # started (so the start really was the imported model), with the recipe's it moves away.
    start = official(args, os.path.join(root, "llama_h3"), sample)
    check(max_diff(official(args, os.path.join(work, "export3"), sample), start) > 1e-3,
          "the continued Llama run moved away from its starting weights")
    p = run([args.cli, "train", "--db", args.db, "--init-from", "llama_h3", "--name", "llama-still", "--lr", "1e-12", *common])
    still = os.path.join(work, "export-still")
    run([args.cli, "model", "export", "--db", args.db, "--run", str(json.loads(p.stdout)["run_id"]), "--out", still])
    diff = max_diff(official(args, still, sample), start)
    check(diff <= TOLERANCE, f"a run continued at lr 1e-12 keeps the imported weights, max |diff| {diff:.2e}")
    p = run([args.cli, "model", "export", "--db", args.db, "--run", str(runs["xlstm"]), "--out", os.path.join(work, "export0")],
            expect_ok=False)
    check(p.returncode == 1 and "not an empty directory" in p.stderr, "export refuses to overwrite a directory")
    p = run([args.cli, "model", "eval", "--checkpoint", os.path.join(work, "export0"), "--data", "tokens:" + tokens_file,
             "--token-vocab", "97", "--context", "32", "--json"])
    loss = json.loads(p.stdout)["mean_loss"]
    check(0 < loss < 3.5, f"model eval of the trained xLSTM: mean loss {loss:.3f} < 3.5 (ln 97 = 4.57 untrained)")


def check_broken(args, work, root):
    src = os.path.join(root, "xlstm_large_h3")
    bad = os.path.join(work, "broken")

    def fresh():
        shutil.rmtree(bad, ignore_errors=True)
        shutil.copytree(src, bad)
        return os.path.join(bad, "model.safetensors")

    def refused(what, needle):
        p = run([args.cli, "model", "logits", "--checkpoint", bad, "--tokens", "1,2"], expect_ok=False)
        check(p.returncode == 1 and needle in p.stderr and "Traceback" not in p.stderr,
              f"{what}: clear error ({p.stderr.strip()[:140]})")

    f = fresh()
    os.truncate(f, os.path.getsize(f) - 4)
    refused("truncated safetensors", "truncated")
    f = fresh()
    data = bytearray(open(f, "rb").read())
    data[0:8] = struct.pack("<Q", 1 << 62)
    open(f, "wb").write(data)
    refused("header length beyond the file", "exceeds")
    f = fresh()
    data = bytearray(open(f, "rb").read())
    n = struct.unpack("<Q", data[:8])[0]
    header = data[8:8 + n].decode().replace('"F32"', '"F64"', 1)
    open(f, "wb").write(data[:8] + header.encode() + data[8 + n:])
    refused("dtype that lies about the byte size", "needs")
    fresh()
    cfg = json.load(open(os.path.join(bad, "config.json")))
    cfg["num_blocks"] = cfg["num_blocks"] + 1
    json.dump(cfg, open(os.path.join(bad, "config.json"), "w"))
    refused("config with more blocks than the weights", "is missing")
    fresh()
    cfg = json.load(open(os.path.join(bad, "config.json")))
    cfg["weight_mode"] = "fused"
    json.dump(cfg, open(os.path.join(bad, "config.json"), "w"))
    refused("fused weights", "weight_mode")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--keep", help="work in this directory and keep it")
    args = ap.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="seqscope-interop-")
    os.makedirs(work, exist_ok=True)
    try:
        root = os.path.join(work, "models")
        run([args.python, os.path.join(HERE, "make_models.py"), root])
        args.db = os.path.join(work, "interop.sqlite")
        check_reference_models(args, root)
        check_exports(args, work, root)
        check_broken(args, work, root)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{len(failures)} failures" if failures else "all interop checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
