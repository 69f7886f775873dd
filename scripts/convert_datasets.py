#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Converts the released scaling-law data (../shared/data) into Seqscope's built-in datasets.

Writes resources/datasets/{xlstm_paper,chinchilla,xlstm_inference_h100}.csv following the
results-table CSV contract (docs: resources/datasets/README.md). Standard library only, deterministic:
running it twice gives byte-identical files.

Source of every rule: ../shared/reference/scaling-laws.md
  section 3 (parameter count), 4 (training FLOPs), 6 (inventory), 7.1 (budget assignment),
  7.2 (the paper's IsoFLOP run filters, reproduced here as included/excluded_reason),
  9 (Epoch AI: D = C / (6N), the five highest-loss points dropped).
The script re-derives N and C from the model dimensions where the release rounded them and fails
if a re-derived value disagrees with the released one by more than the release's rounding.

Usage: python3 scripts/convert_datasets.py [--data DIR] [--out DIR] [--check]
  --check  compare with the files already in --out instead of writing (exit 1 on a difference).
"""

import argparse
import csv
import io
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# ---------------------------------------------------------------------------------------------
# Accounting (scaling-laws.md sections 2-4), the same formulas as engine/analysis/accounting.cpp.
# Used only to re-derive values the release rounded; tests/analysis/tst_accounting.cpp checks the
# C++ implementation against the CSV this script writes.

VOCAB = 50304


def ffn_dim(d, arch, factor=2.667, multiple=64):
    raw = factor * d
    raw = math.ceil(raw) if arch == "xlstm" else math.floor(raw)
    return multiple * math.ceil(raw / multiple)


def dims(arch, d, layers, heads):
    if arch == "xlstm":
        dv = d // heads
        dqk = int(0.5 * d) // heads
    else:
        dv = dqk = d // heads
    return dict(d=d, L=layers, H=heads, dqk=dqk, dv=dv, F=ffn_dim(d, arch))


def param_count(arch, s):
    d, L, H, dqk, dv, F = s["d"], s["L"], s["H"], s["dqk"], s["dv"], s["F"]
    if arch == "xlstm":
        block = d * H * (2 * dqk + dv) + 2 * d * H + 2 * H + d * H * dv + d * d + 3 * d * F + 2 * d + H * dv
    else:
        block = d * H * (2 * dqk + dv) + d * H * dv + 3 * d * F + 2 * d
    return 2 * VOCAB * d + d + L * block


def fwbw_per_sequence(arch, s, T, chunk=64):
    """C_fwbw(T) with attention mode distill_scaling and mLSTM mode 'first' (section 4)."""
    d, L, H, dqk, dv, F = s["d"], s["L"], s["H"], s["dqk"], s["dv"], s["F"]
    if arch == "xlstm":
        lin = L * (2 * d * H * (2 * dqk + dv + 2) + 2 * d * H * dv + H * dv + 2 * d * H * dv + 6 * d * F + 2 * F)
        c = chunk
        c_part = c * (c + 1) // 2 + 2 * c + 5 + 5 * c + 2 * dqk * dv + 4 * c * dqk * dv + 3 * c * dqk + 2 * dqk + 4 * c * dqk
        h_part = c * (c + 1) // 2 + c * c * (10 + 2 * dqk + 2 * dv) + 2 * c + 7 * c + 2 * c * dv
        mix = L * H * (T // c) * (c_part + h_part)
    else:
        lin = L * (2 * d * H * (2 * dqk + dv) + 2 * d * H * dv + 6 * d * F + 2 * F)
        mix = L * T * T * H * (dqk + dv + 2.5)
    return 3 * (T * (lin + 2 * d * VOCAB) + mix)


# ---------------------------------------------------------------------------------------------
# Helpers


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def num(text):
    """Float or None for an empty cell."""
    text = (text or "").strip()
    return float(text) if text else None


def fmt_int(x):
    return "" if x is None else str(int(round(x)))


def fmt_float(x):
    return "" if x is None else repr(float(x))


def close(a, b, rel):
    return abs(a - b) <= rel * abs(b)


def require(cond, message):
    if not cond:
        sys.exit("convert_datasets.py: " + message)


# Section 7.1: nominal budgets per context, and the strict 10 % assignment.
BUDGETS = {2048: [6e18, 1e19, 3e19], 8192: [6e18, 1e19, 3e19, 1e20, 6e20], 16384: [6e18, 1e19, 3e19]}


def assign_budget(flops, ctx):
    if flops is None:
        return None
    hits = [h for h in BUDGETS[ctx] if abs(flops - h) < 0.1 * h]
    if not hits:
        return None
    return min(hits, key=lambda h: abs(0.1 * h - abs(flops - h)))


def budget_label(h):
    return "%g" % h


# ---------------------------------------------------------------------------------------------
# Section 7.2 filters. Each returns every reason that applies, in the order the paper applies them.


def reasons_missing(r):
    missing = [k for k in ("params", "tokens", "flops", "loss") if r[k] is None]
    return ["missing " + "/".join(missing) + " in the released data (run without final metrics)"] if missing else []


def reasons_budget(r):
    if r["flops"] is not None and r["budget"] is None:
        return ["C = %.4g not within 10%% of a budget %s (section 7.1)"
                % (r["flops"], "{" + ", ".join(budget_label(h) for h in BUDGETS[r["ctx"]]) + "}")]
    return []


def filter_reasons(r):
    """Reasons the paper's IsoFLOP analysis drops run r (empty: kept). Section 7.2."""
    arch, ctx, loss, flops, n = r["arch"], r["ctx"], r["loss"], r["flops"], r["params"]
    out = []
    if arch == "xlstm" and ctx == 8192:
        if loss is None:
            out += reasons_missing(r)
        elif not loss < 4.0:
            out.append("loss %.4f >= 4.0 (xLSTM T=8192 filter)" % loss)
        if flops is not None and flops < 3e20 and not r["gbs"] < 200:
            out.append("gbs %d at C < 3e20: batch-size ablation (xLSTM T=8192 keeps gbs < 200)" % r["gbs"])
        out += reasons_budget(r)
        if r["budget"] == 6e20 and loss is not None and loss > 3.0:
            out.append("loss %.4f > 3.0 in the 6e20 budget (xLSTM T=8192 filter)" % loss)
    elif arch == "transformer" and ctx == 8192:
        if loss is None:
            out += reasons_missing(r)
        elif not loss < 3.5:
            out.append("loss %.4f >= 3.5 (Transformer T=8192 filter)" % loss)
        if n == 406635520 and loss is not None and loss > 3.0 and flops is not None and 2.75e19 < flops < 4.5e19:
            out.append("N = 406,635,520 run with loss %.4f > 3.0 at C in (2.75e19, 4.5e19) (Transformer T=8192 filter)" % loss)
        if flops is not None and 0.9e20 < flops < 1.4e20 and loss is not None and loss > 3.2:
            out.append("loss spike: loss %.4f > 3.2 at C in (0.9e20, 1.4e20) (Transformer T=8192 filter)" % loss)
        out += reasons_budget(r)
    elif arch == "transformer" and ctx == 2048:
        out += reasons_missing(r)
        if r["budget"] == 3e19 and n == 1223934208:
            out.append("the 3e19 run with N = 1,223,934,208 (Transformer T=2048 filter)")
        out += reasons_budget(r)
    else:  # xLSTM T=2048/16384, Transformer T=16384
        out += reasons_missing(r)
        if loss is not None and not loss < 4.5:
            out.append("loss %.4f >= 4.5 (T=%d filter)" % (loss, ctx))
        out += reasons_budget(r)
    return out


# ---------------------------------------------------------------------------------------------
# xlstm_paper.csv

PAPER_COLUMNS = ["set", "run", "arch", "ctx", "params", "tokens", "flops", "loss", "budget", "included",
                 "excluded_reason", "loss_exact", "loss_lo", "loss_hi", "gbs", "steps", "lr", "d_model",
                 "n_layers", "n_heads", "ratio_preset"]


def base_row(**kw):
    r = {k: None for k in PAPER_COLUMNS}
    r.update(loss_exact=1, excluded_reason="", ratio_preset="")
    r.update(kw)
    return r


def arch_of(model_type):
    return {"mlstm_v1": "xlstm", "llama": "transformer"}[model_type]


def isoflop_runs_rows(data):
    """isoflop_runs.csv: Transformer 2048/8192/16384, xLSTM 16384, two control/ablation sets."""
    set_names = {
        "isoflop_llama_ctx2048": "isoflop_ctx2048",
        "isoflop_llama_ctx8192": "isoflop_ctx8192",
        "isoflop_llama_ctx16384": "isoflop_ctx16384",
        "isoflop_mlstm_ctx16384": "isoflop_ctx16384",
        "isoflop_mlstm_ctx8192_large_gbs256": "isoflop_ctx8192_gbs256_ablation",
        "isoflop_llama_ctx8192_flops_chinchilla": "isoflop_ctx8192_chinchilla_flops",
    }
    src = read_csv(os.path.join(data, "xlstm_scaling", "isoflop_runs.csv"))
    names = {}
    for s in src:
        names[(s["dataset"], s["name"])] = names.get((s["dataset"], s["name"]), 0) + 1
    out = []
    mismatches = 0
    for s in src:
        arch = arch_of(s["model_type"])
        ctx = int(s["context_length"])
        d, L, H = int(s["d_model"]), int(s["n_layers"]), int(s["n_heads"])
        shape = dims(arch, d, L, H)
        n_calc = param_count(arch, shape)
        require(n_calc == num(s["num_params_calc"]), "isoflop_runs.csv %s: N %d != num_params_calc %s"
                % (s["name"], n_calc, s["num_params_calc"]))
        run = s["name"] if names[(s["dataset"], s["name"])] == 1 else s["name"] + "#" + s["run_id"]
        flops = num(s["num_flops_training"])
        r = base_row(set=set_names[s["dataset"]], run=run, arch=arch, ctx=ctx,
                     params=float(n_calc),
                     tokens=num(s["num_tokens_training"]), flops=flops, loss=num(s["val_dclm_loss"]),
                     gbs=num(s["global_batch_size"]), steps=num(s["num_train_steps"]), lr=s["learning_rate"],
                     d_model=d, n_layers=L, n_heads=H)
        # Runs without final metrics carry no num_params in the release; the dimensions fix N exactly.
        require(num(s["num_params"]) in (None, float(n_calc)), "isoflop_runs.csv %s: num_params" % run)
        r["budget"] = assign_budget(flops, ctx)
        if flops is not None:
            label = s["IsoFLOP"]
            want = None if label == "extra" else float(label)
            require(want == r["budget"], "isoflop_runs.csv %s: budget %s, released label %s" % (run, r["budget"], label))
        if s["dataset"] == "isoflop_llama_ctx8192_flops_chinchilla":
            reasons = ["control set: attention FLOPs counted with the non-causal 'chinchilla' mode "
                       "(section 4.2); not part of the paper's fits"]
            reasons += reasons_missing(r) + reasons_budget(r)
        else:
            reasons = filter_reasons(r)
        r["included"] = 0 if reasons else 1
        r["excluded_reason"] = "; ".join(reasons)
        released = s["in_repo_filtered_isoflop_set"] == "True"
        if released != bool(r["included"]):
            mismatches += 1
            print("filter mismatch:", s["dataset"], run, reasons, file=sys.stderr)
        out.append(r)
    require(mismatches == 0, "%d runs disagree with in_repo_filtered_isoflop_set" % mismatches)
    return out


def xlstm_ctx8192_rows(data):
    """isoflop_xlstm_ctx8192.csv: the de-duplicated xLSTM T=8192 IsoFLOP set (145 runs)."""
    src = read_csv(os.path.join(data, "xlstm_scaling", "isoflop_xlstm_ctx8192.csv"))
    out = []
    for s in src:
        d, L, H = int(s["embedding_dim"]), int(s["num_blocks"]), int(s["num_heads"])
        shape = dims("xlstm", d, L, H)
        n = param_count("xlstm", shape)
        require(n == num(s["num_params"]), "isoflop_xlstm_ctx8192.csv %s: N %d != %s" % (s["name"], n, s["num_params"]))
        gbs, steps = int(s["global_batch_size"]), int(s["num_train_steps"])
        c = fwbw_per_sequence("xlstm", shape, 8192) * gbs * steps
        require(close(c, num(s["num_flops_training"]), 1e-12), "isoflop_xlstm_ctx8192.csv %s: C" % s["name"])
        exact = s["loss_source"].startswith("exact")
        r = base_row(set="isoflop_ctx8192", run=s["name"], arch="xlstm", ctx=8192, params=float(n),
                     tokens=num(s["num_tokens_training"]), flops=num(s["num_flops_training"]),
                     loss=num(s["val_dclm_loss"]), gbs=gbs, steps=steps, lr=s["learning_rate"],
                     d_model=d, n_layers=L, n_heads=H, loss_exact=1 if exact else 0)
        if not exact:
            r["loss_lo"], r["loss_hi"] = num(s["loss_color_lo"]), num(s["loss_color_hi"])
        r["budget"] = assign_budget(r["flops"], 8192)
        require(r["budget"] == float(s["IsoFLOP"]), "isoflop_xlstm_ctx8192.csv %s: budget" % s["name"])
        reasons = filter_reasons(r)
        r["included"] = 0 if reasons else 1
        r["excluded_reason"] = "; ".join(reasons)
        out.append(r)
    return out


def xlstm_ctx2048_rows(data):
    """isoflop_xlstm_ctx2048.csv: recovered from the paper's scatter figure (87 runs).

    N is exact (the dimensions match a released config). The step count was estimated from the
    plotted D assuming gbs 512, so D = 512 * 2048 * steps; C is re-derived from the same step count
    (the release's C used the un-rounded plotted D, which differs by < 2e-8 relative)."""
    src = read_csv(os.path.join(data, "xlstm_scaling", "isoflop_xlstm_ctx2048.csv"))
    out = []
    for s in src:
        d, L, H = int(s["embedding_dim"]), int(s["num_blocks"]), int(s["num_heads"])
        shape = dims("xlstm", d, L, H)
        n = param_count("xlstm", shape)
        require(n == num(s["num_params"]), "isoflop_xlstm_ctx2048.csv: N %d != %s" % (n, s["num_params"]))
        gbs, steps = int(s["global_batch_size_assumed"]), int(s["num_train_steps_est"])
        tokens = gbs * 2048 * steps
        require(tokens == int(num(s["num_tokens_training"])), "isoflop_xlstm_ctx2048.csv: D")
        c = fwbw_per_sequence("xlstm", shape, 2048) * gbs * steps
        require(close(c, num(s["num_flops_training"]), 1e-6), "isoflop_xlstm_ctx2048.csv: C %g vs %s"
                % (c, s["num_flops_training"]))
        r = base_row(set="isoflop_ctx2048", run="xlstm_ctx2048_nb%d_ed%d_nh%d_steps%d" % (L, d, H, steps),
                     arch="xlstm", ctx=2048, params=float(n), tokens=float(tokens), flops=float(c),
                     loss=num(s["val_dclm_loss"]), gbs=gbs, steps=steps, lr="", d_model=d, n_layers=L,
                     n_heads=H, loss_exact=0, loss_lo=num(s["loss_color_lo"]), loss_hi=num(s["loss_color_hi"]))
        r["budget"] = assign_budget(c, 2048)
        require(r["budget"] == float(s["IsoFLOP"]), "isoflop_xlstm_ctx2048.csv: budget")
        reasons = filter_reasons(r)
        r["included"] = 0 if reasons else 1
        r["excluded_reason"] = "; ".join(reasons)
        out.append(r)
    return out


def tokenparam_rows(data):
    """tokenparam_runs_ctx8192.csv: the over-training set (66 runs). The release rounds N, D and C
    (Transformer rows) to 6-7 significant digits; all three are re-derived exactly from the
    dimensions, gbs and steps (D = gbs * T * steps, section 4.1)."""
    src = read_csv(os.path.join(data, "xlstm_scaling", "tokenparam_runs_ctx8192.csv"))
    out = []
    for s in src:
        arch = arch_of(s["model_type"])
        d, L, H = int(float(s["embedding_dim"])), int(float(s["num_blocks"])), int(s["num_heads"])
        shape = dims(arch, d, L, H)
        require(shape["F"] == int(s["ffn_dim"]), "tokenparam %s: F" % s["name"])
        n = param_count(arch, shape)
        require(close(n, num(s["num_params"]), 1e-6), "tokenparam %s: N %d vs %s" % (s["name"], n, s["num_params"]))
        gbs, steps = int(float(s["global_batch_size"])), int(float(s["num_train_steps"]))
        tokens = gbs * 8192 * steps
        require(close(tokens, num(s["num_tokens_training"]), 1e-6), "tokenparam %s: D" % s["name"])
        c = fwbw_per_sequence(arch, shape, 8192) * gbs * steps
        require(close(c, num(s["num_flops_training"]), 1e-6), "tokenparam %s: C" % s["name"])
        r = base_row(set="tokenparam_ctx8192", run=s["name"], arch=arch, ctx=8192, params=float(n),
                     tokens=float(tokens), flops=float(c), loss=num(s["val/.dclm_loss"]), gbs=gbs, steps=steps,
                     lr=s["learning_rate"], d_model=d, n_layers=L, n_heads=H,
                     ratio_preset=s["Preset Token Param Ratio"])
        r["included"] = 1   # the parametric fits use the whole set; ratio ranges are chosen at fit time
        out.append(r)
    return out


def paper_csv(data):
    rows = isoflop_runs_rows(data) + xlstm_ctx8192_rows(data) + xlstm_ctx2048_rows(data) + tokenparam_rows(data)
    order = {"isoflop_ctx2048": 0, "isoflop_ctx8192": 1, "isoflop_ctx16384": 2, "tokenparam_ctx8192": 3,
             "isoflop_ctx8192_gbs256_ablation": 4, "isoflop_ctx8192_chinchilla_flops": 5}
    rows.sort(key=lambda r: (order[r["set"]], r["arch"] != "xlstm", r["budget"] or 0, -(r["params"] or 0), r["run"]))
    buf = io.StringIO()
    buf.write("# xLSTM Scaling Laws (Beck et al., arXiv 2510.02228): released runs, converted by "
              "scripts/convert_datasets.py; see README.md\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(PAPER_COLUMNS)
    # The results-table contract needs a positive loss and tokens or flops in every row; runs the
    # release lists without final metrics are excluded anyway and are listed as comments below.
    kept = [r for r in rows if r["loss"] is not None and (r["tokens"] is not None or r["flops"] is not None)]
    omitted = [r for r in rows if r not in kept]
    for r in kept:
        w.writerow([r["set"], r["run"], r["arch"], r["ctx"], fmt_int(r["params"]), fmt_int(r["tokens"]),
                    fmt_float(r["flops"]), fmt_float(r["loss"]), "" if r["budget"] is None else budget_label(r["budget"]),
                    r["included"], r["excluded_reason"], r["loss_exact"], fmt_float(r["loss_lo"]),
                    fmt_float(r["loss_hi"]), fmt_int(r["gbs"]), fmt_int(r["steps"]), r["lr"], r["d_model"],
                    r["n_layers"], r["n_heads"], r["ratio_preset"]])
    buf.write("# %d released runs without a final loss are not rows of this table (the paper's filters drop them "
              "too): set, arch, run, N, reason\n" % len(omitted))
    for r in omitted:
        buf.write("# %s, %s, %s, %d, %s\n" % (r["set"], r["arch"], r["run"], r["params"], r["excluded_reason"]))
    return buf.getvalue(), rows


# ---------------------------------------------------------------------------------------------
# chinchilla.csv (section 9)


def chinchilla_csv(data):
    src = read_csv(os.path.join(data, "chinchilla", "svg_extracted_data.csv"))
    losses = sorted((float(s["loss"]) for s in src), reverse=True)
    cutoff = losses[4]   # Epoch keeps loss < the 5th-largest loss
    buf = io.StringIO()
    buf.write("# Chinchilla (Hoffmann et al. 2022) Figure 4 points digitised by Epoch AI (Besiroglu et al. 2024); "
              "D = C/(6N); see README.md\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["set", "run", "arch", "params", "tokens", "flops", "loss", "included", "excluded_reason"])
    dropped = 0
    for i, s in enumerate(src):
        n, c, loss = float(s["Model Size"]), float(s["Training FLOP"]), float(s["loss"])
        keep = loss < cutoff
        dropped += 0 if keep else 1
        w.writerow(["chinchilla_fig4", "svg_row_%d" % (i + 1), "transformer", fmt_float(n), fmt_float(c / (6 * n)),
                    fmt_float(c), fmt_float(loss), 1 if keep else 0,
                    "" if keep else "one of the 5 highest losses, dropped by Besiroglu et al. 2024 (section 9)"])
    require(dropped == 5, "chinchilla: expected 5 dropped points, got %d" % dropped)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# xlstm_inference_h100.csv (section 12.1); not a results table.


def inference_csv(data):
    src = read_csv(os.path.join(data, "xlstm_scaling", "inference_results_h100.csv"))
    buf = io.StringIO()
    buf.write("# xLSTM Scaling Laws inference benchmark on an H100 (section 12.1); ms; failed = 1 where the "
              "release stored a value <= 0 (failed or out of memory); see README.md\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["arch", "model", "batch", "prefill", "ttft_ms", "step_ms", "throughput", "failed",
                "mem_alloc_gl1", "mem_reserved_gl1", "mem_alloc_gl101", "mem_reserved_gl101", "num_params",
                "d_model", "n_layers", "n_heads", "ffn_dim", "ffn_multiple", "chunk", "vocab"])
    for s in src:
        arch = "xlstm" if s["model_type"] == "xlstm" else "transformer"
        ttft, step = float(s["ttft"]), float(s["steptime"])
        failed = 1 if (ttft <= 0 or step <= 0) else 0
        chunk = fmt_int(num(s["chunk_size"])) if s["chunk_size"] else ""
        w.writerow([arch, s["model_tag"], s["batchsize"], s["prefill"], repr(ttft), repr(step),
                    repr(float(s["throughput"])), failed, s["memory_allocated_gl1"], s["memory_reserved_gl1"],
                    s["memory_allocated_gl101"], s["memory_reserved_gl101"], s["num_params"],
                    fmt_int(num(s["embedding_dim"])), fmt_int(num(s["num_blocks"])), fmt_int(num(s["num_heads"])),
                    fmt_int(num(s["ffn_dim"])), fmt_int(num(s["ffn_round_up_to_multiple_of"])), chunk,
                    fmt_int(num(s["vocab_size"]))])
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(REPO), "shared", "data"))
    ap.add_argument("--out", default=os.path.join(REPO, "resources", "datasets"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    paper, rows = paper_csv(args.data)
    files = {"xlstm_paper.csv": paper, "chinchilla.csv": chinchilla_csv(args.data),
             "xlstm_inference_h100.csv": inference_csv(args.data)}
    different = []
    for name, text in files.items():
        path = os.path.join(args.out, name)
        if args.check:
            old = open(path).read() if os.path.exists(path) else None
            if old != text:
                different.append(name)
        else:
            os.makedirs(args.out, exist_ok=True)
            with open(path, "w", newline="") as f:
                f.write(text)
    summary = {}
    for r in rows:
        key = (r["set"], r["arch"])
        kept, total = summary.get(key, (0, 0))
        summary[key] = (kept + r["included"], total + 1)
    for (s, a), (kept, total) in sorted(summary.items()):
        print("%-34s %-12s %4d runs, %4d included" % (s, a, total, kept))
    if different:
        sys.exit("convert_datasets.py: out of date: " + ", ".join(different))


if __name__ == "__main__":
    main()
