#!/usr/bin/env python3
"""Checks and summarises what scripts/gpu-check measured: one JSON report and a markdown section for
docs/benchmarks.md. Reads the logs gpu-check wrote into LOGDIR; exits 1 if a comparison fails.

    gpu_report.py LOGDIR STEPS.tsv REPORT.json

Comparisons (issue 16):
  - CUDA training (bf16 autocast) against the CPU run of the same preset, seed and tokens: final
    validation loss within 0.05 nats (bf16 rounding and a different reduction order, nothing more);
  - `bench inference --device cuda` on the paper's inference presets: the Transformer/xLSTM decode
    step-time ratio at 16384 tokens of prefill within 25 % of the same ratio in the paper's H100 data
    (resources/datasets/xlstm_inference_h100.csv, batch 1).
"""
import csv
import json
import os
import sys

LOSS_TOLERANCE = 0.05   # nats
RATIO_TOLERANCE = 0.25  # relative


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def training_comparison(logdir, problems):
    rows = []
    for arch in ("xlstm", "transformer"):
        cuda, cpu = (load_json(os.path.join(logdir, f"train_{d}_{arch}.json")) for d in ("cuda", "cpu"))
        if not cuda or not cpu:
            problems.append(f"training {arch}: a run's JSON is missing (see train_*.log)")
            continue
        lc, lp = cuda["result"]["final_val_loss"], cpu["result"]["final_val_loss"]
        ok = lc is not None and lp is not None and abs(lc - lp) <= LOSS_TOLERANCE
        if not ok:
            problems.append(f"training {arch}: CUDA val loss {lc} vs CPU {lp} (tolerance {LOSS_TOLERANCE})")
        rows.append({"arch": arch, "cuda_val_loss": lc, "cpu_val_loss": lp, "cuda_seconds": cuda["result"]["seconds"],
                     "cpu_seconds": cpu["result"]["seconds"], "ok": ok})
    return rows


def paper_step_ratio(root, size, prefill):
    """Transformer/xLSTM step time at `prefill` for one paper size ('160m', '1.4b'), batch 1."""
    steps = {}
    with open(os.path.join(root, "resources/datasets/xlstm_inference_h100.csv"), encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    for r in csv.DictReader(lines):
        if r["batch"] == "1" and r["prefill"] == str(prefill) and r["failed"] == "0" and r["model"].endswith("_" + size):
            steps[r["arch"]] = float(r["step_ms"])
    if "xlstm" in steps and "transformer" in steps:
        return steps["transformer"] / steps["xlstm"]
    return None


def inference_comparison(root, logdir, problems):
    bench = load_json(os.path.join(logdir, "bench_inference.json"))
    if not bench:
        problems.append("bench inference on CUDA: no JSON (see bench_inference.log)")
        return []
    step = {}
    for p in bench.get("points", []):
        if p.get("status") == "ok" and p.get("batch") == 1:
            size = p["model"].split("-")[1]
            step[(p["arch"], size, p["prefill"])] = p["step_ms"]["median"]
    rows = []
    for size in sorted({k[1] for k in step}):
        for prefill in sorted({k[2] for k in step if k[1] == size}):
            x, t = step.get(("xlstm", size, prefill)), step.get(("transformer", size, prefill))
            if x is None or t is None:
                continue
            ours, paper = t / x, paper_step_ratio(root, size, prefill)
            row = {"size": size, "prefill": prefill, "xlstm_step_ms": x, "transformer_step_ms": t, "ratio": ours,
                   "paper_ratio": paper}
            if prefill == 16384 and paper:
                row["ok"] = abs(ours / paper - 1) <= RATIO_TOLERANCE
                if not row["ok"]:
                    problems.append(f"inference {size} at 16k: ratio {ours:.2f} vs the paper's {paper:.2f}")
            rows.append(row)
    return rows


def main():
    logdir, steps_tsv, out = sys.argv[1:4]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    problems = []
    steps = []
    with open(steps_tsv, encoding="utf-8") as f:
        for line in f:
            name, result, seconds, note = (line.rstrip("\n").split("\t") + ["", "", "", ""])[:4]
            steps.append({"step": name, "result": result, "seconds": int(seconds or 0), "note": note})
    report = {
        "steps": steps,
        "training": training_comparison(logdir, problems),
        "inference": inference_comparison(root, logdir, problems),
        "kernels_vs_official": load_json(os.path.join(logdir, "compare_tfla.json")),
        "problems": problems,
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
    print("\n## Training on CUDA (bf16) against the CPU, same preset, seed and tokens")
    print("| arch | CUDA val loss | CPU val loss | CUDA s | CPU s | ok |\n|---|---|---|---|---|---|")
    for r in report["training"]:
        print(f"| {r['arch']} | {r['cuda_val_loss']} | {r['cpu_val_loss']} | {r['cuda_seconds']:.1f} | {r['cpu_seconds']:.1f} | {r['ok']} |")
    print("\n## Decode step, Transformer / xLSTM, against the paper's H100 data (batch 1)")
    print("| size | prefill | xLSTM ms | Transformer ms | ratio | paper ratio |\n|---|---|---|---|---|---|")
    for r in report["inference"]:
        paper = f"{r['paper_ratio']:.2f}" if r["paper_ratio"] else "-"
        print(f"| {r['size']} | {r['prefill']} | {r['xlstm_step_ms']:.3f} | {r['transformer_step_ms']:.3f} | {r['ratio']:.2f} | {paper} |")
    for p in problems:
        print(f"problem: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
