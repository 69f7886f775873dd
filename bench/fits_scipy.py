#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Benchmark driver: Seqscope's parametric grid fit (bench/fits, Ceres L-BFGS, analytic gradient)
against a SciPy L-BFGS-B implementation of the same objective and start grid, in one run: SciPy on
the sampled starts (extrapolated to the full grid), and the C++ full grid searched exhaustively
(every start to convergence) and pruned (the default: on grids of more than 256 starts a 3-iteration
pre-screening keeps the 256 best, a 20-iteration screening of those keeps 32, and these run to
convergence).

The SciPy side mirrors the reference (xlstm_scaling_laws/fitting, scaling-laws.md 8): the log-sum-exp
form of L(N, D) = E + (A N^-alpha + B D^-beta)^gamma, summed Huber loss (delta 1e-3) on log-loss,
scipy.optimize.minimize(method="L-BFGS-B", options ftol=gtol=1e-32, maxls=200), no bounds, no jac
(finite differences), starts in numpy.meshgrid(...).T.reshape order.

SciPy needs about 3 s per start here, so the full 8,000-start grid would take hours; both sides are
therefore timed on the same deterministic subset (every --stride-th start, one thread each), and the
C++ side is also timed on the full grid, both searches. Compare CPU times (process time): the
machine may be shared. Benchmark-only: Debian's python3-scipy, never a product dependency.

  /usr/bin/python3 bench/fits_scipy.py --bench build/bench/fits --stride 40
  /usr/bin/python3 bench/fits_scipy.py --bench build/bench/fits --stride 40 --gamma 1
  /usr/bin/python3 bench/fits_scipy.py --bench build/bench/fits --stride 40 --dataset chinchilla
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

import numpy as np
import scipy
from scipy.optimize import minimize
from scipy.special import logsumexp

GRID = {  # run_fit_grid.py, init_grid_with_gamma (order matters: it fixes the start index)
    "a": [0.0, 5.0, 10.0, 15.0, 20.0],
    "b": [0.0, 5.0, 10.0, 15.0, 20.0],
    "e": [-1.0, -0.5, 0.0, 0.5, 1.0],
    "alpha": [0.0, 0.2, 0.5, 1.0],
    "beta": [0.0, 0.2, 0.5, 1.0],
    "gamma": [0.0, 0.5, 1.0, 1.5],
}
EPOCH_GRID = {  # Epoch AI's Chinchilla replication (scaling-laws.md 9), gamma fixed at 1
    "a": [0.0, 5.0, 10.0, 15.0, 20.0, 25.0],
    "b": [0.0, 5.0, 10.0, 15.0, 20.0, 25.0],
    "e": [-1.0, -0.5, 0.0, 0.5, 1.0],
    "alpha": [0.0, 0.5, 1.0, 1.5, 2.0],
    "beta": [0.0, 0.5, 1.0, 1.5, 2.0],
}
PARAMS = ["a", "b", "e", "alpha", "beta", "gamma"]
DATASETS = {  # --dataset: bench/fits arguments and grid
    "xlstm": {"args": ["--arch", "xlstm"], "grid": "paper"},
    "chinchilla": {"args": ["--csv", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources",
                                                  "datasets", "chinchilla.csv"),
                            "--arch", "transformer", "--set", "chinchilla_fig4"], "grid": "epoch"},
}


def objective(x, ln_n, ln_d, y, delta):
    a, b, e, alpha, beta = x[:5]
    gamma = x[5] if len(x) > 5 else 1.0
    ab = gamma * logsumexp(np.stack([a - alpha * ln_n, b - beta * ln_d], axis=1), axis=1)
    pred = logsumexp(np.stack([ab, np.full_like(ab, e)], axis=1), axis=1)
    r = y - pred
    ar = np.abs(r)
    return np.sum(np.where(ar <= delta, 0.5 * r * r, delta * (ar - 0.5 * delta)))


def run_cpp(bench, args):
    out = subprocess.run([bench, *args, "--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", required=True, help="path to the built bench/fits executable")
    ap.add_argument("--stride", type=int, default=40, help="time starts 0, K, 2K, ... on both sides (default 40)")
    ap.add_argument("--dataset", choices=sorted(DATASETS), default="xlstm",
                    help="xlstm: the paper's xLSTM token/param set, paper grid; chinchilla: Epoch's grid, gamma 1")
    ap.add_argument("--gamma", choices=["fit", "1"], default=None, help="fit gamma (xlstm default) or fix it at 1")
    ap.add_argument("--full-threads", type=int, default=0, help="threads for the C++ full grid (0 = all)")
    ap.add_argument("--skip-full", action="store_true", help="do not time the C++ full grid")
    args = ap.parse_args()
    ds = DATASETS[args.dataset]
    gamma = args.gamma or ("fit" if ds["grid"] == "paper" else "1")
    if ds["grid"] == "epoch" and gamma == "fit":
        ap.error("Epoch's grid has no gamma values: use --gamma 1")
    grid = dict(GRID if ds["grid"] == "paper" else EPOCH_GRID)
    if gamma == "1":
        grid.pop("gamma", None)
    names = list(grid.keys())
    common = [*ds["args"], "--grid", ds["grid"], "--gamma", gamma]

    with tempfile.TemporaryDirectory() as tmp:
        points = os.path.join(tmp, "points.csv")
        cpp_subset = run_cpp(args.bench, [*common, "--stride", str(args.stride), "--threads", "1",
                                          "--dump-points", points])
        data = np.loadtxt(points, delimiter=",", skiprows=1, ndmin=2)
    ln_n, ln_d, y = np.log(data[:, 0]), np.log(data[:, 1]), np.log(data[:, 2])
    starts = np.array(np.meshgrid(*grid.values())).T.reshape(-1, len(names))
    subset = list(range(0, len(starts), args.stride))

    best, best_k, nfev = None, None, 0
    per_start = {}
    t0, c0 = time.perf_counter(), time.process_time()
    for k in subset:
        r = minimize(objective, starts[k], args=(ln_n, ln_d, y, 1e-3), method="L-BFGS-B",
                     options={"ftol": 1e-32, "gtol": 1e-32, "maxls": 200})
        nfev += r.nfev
        per_start[k] = float(r.fun)
        if np.isfinite(r.fun) and (best is None or r.fun < best.fun):
            best, best_k = r, k
    scipy_seconds = time.perf_counter() - t0
    scipy_cpu = time.process_time() - c0

    full_args = [*common, "--threads", str(args.full_threads)]
    cpp_full = None if args.skip_full else run_cpp(args.bench, [*full_args, "--search", "full"])
    cpp_pruned = None if args.skip_full else run_cpp(args.bench, [*full_args, "--search", "pruned"])

    # Agreement: same starts -> same basin? Compare best objectives and parameters.
    cpp_obj = {e["start"]: e["objective"] for e in cpp_subset["per_start"]}
    rel = [abs(cpp_obj[k] - per_start[k]) / per_start[k] for k in subset if cpp_obj.get(k) is not None and per_start[k] > 0]
    same_basin = sum(1 for v in rel if v < 1e-3)
    lower_cpp = sum(1 for k in subset if cpp_obj.get(k) is not None and cpp_obj[k] < per_start[k] * (1 - 1e-3))
    # Starts where SciPy ends clearly lower, with both objectives, to see where the optimisers part.
    lower_scipy = [{"start": k, "scipy": per_start[k], "cpp": cpp_obj[k]} for k in subset
                   if cpp_obj.get(k) is not None and per_start[k] < cpp_obj[k] * (1 - 1e-3)]
    # Starts that reach the best objective either side found (to 1e-4 relative), per optimiser.
    target = min(float(best.fun), cpp_subset["objective"]) * (1 + 1e-4)
    reached_scipy = sum(1 for k in subset if per_start[k] <= target)
    reached_cpp = sum(1 for k in subset if cpp_obj.get(k) is not None and cpp_obj[k] <= target)
    sp = dict(zip(names, best.x.tolist()))
    if "gamma" not in sp:
        sp["gamma"] = 1.0
    cp = cpp_subset["params"]

    per_start_scipy = scipy_seconds / len(subset)
    per_start_cpp = cpp_subset["seconds"] / cpp_subset["starts_run"]
    report = {
        "machine": {"cpu": cpp_subset["machine"]["cpu"], "hardware_threads": cpp_subset["machine"]["hardware_threads"],
                    "python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__},
        "dataset": args.dataset, "grid": ds["grid"], "gamma": gamma, "grid_starts": len(starts),
        "points": int(len(y)),
        "subset": {"stride": args.stride, "starts": len(subset),
                   "scipy_seconds": scipy_seconds, "cpp_seconds": cpp_subset["seconds"],
                   "scipy_seconds_per_start": per_start_scipy, "cpp_seconds_per_start": per_start_cpp,
                   "speedup_single_thread": per_start_scipy / per_start_cpp,
                   "scipy_cpu_seconds": scipy_cpu, "cpp_cpu_seconds": cpp_subset["cpu_seconds"],
                   "speedup_cpu_time": scipy_cpu / cpp_subset["cpu_seconds"],
                   "scipy_nfev_per_start": nfev / len(subset),
                   "scipy_best": {"objective": float(best.fun), "start": best_k, "params": sp},
                   "cpp_best": {"objective": cpp_subset["objective"], "start": cpp_subset["winning_start"], "params": cp},
                   "starts_same_objective_1e-3": same_basin, "starts_cpp_lower": lower_cpp,
                   "starts_scipy_lower": lower_scipy,
                   "starts_reaching_optimum": {"scipy": reached_scipy, "cpp": reached_cpp}},
        "scipy_full_grid_seconds_extrapolated": per_start_scipy * len(starts),
        "scipy_full_grid_cpu_seconds_extrapolated": scipy_cpu / len(subset) * len(starts),
    }

    def full_entry(r):
        return {"search": r["search"], "starts": r["starts_run"], "finished": r["finished"], "rerun": r["rerun"],
                "threads": r["threads"], "seconds": r["seconds"], "cpu_seconds": r["cpu_seconds"],
                "objective": r["objective"], "start": r["winning_start"], "reached_optimum": r["reached_optimum"],
                "optimum_screen_rank": r["optimum_screen_rank"], "survivors_at_optimum": r.get("survivors_at_optimum"),
                "screen": r.get("screen"), "pre_screen": r.get("pre_screen"), "warnings": r["warnings"], "params": r["params"],
                "cpu_ratio_vs_scipy_extrapolated": report["scipy_full_grid_cpu_seconds_extrapolated"] / r["cpu_seconds"],
                "objective_minus_scipy_best": r["objective"] - float(best.fun)}
    if cpp_full:
        report["cpp_full"] = full_entry(cpp_full)
        report["cpp_pruned"] = full_entry(cpp_pruned)
        report["full_grid_ratio_extrapolated"] = report["scipy_full_grid_seconds_extrapolated"] / cpp_full["seconds"]
        report["pruned_vs_exhaustive"] = {
            "cpu_ratio": cpp_full["cpu_seconds"] / cpp_pruned["cpu_seconds"],
            "objective_relative_difference": (cpp_pruned["objective"] - cpp_full["objective"]) / cpp_full["objective"]}
    json.dump(report, sys.stdout, indent=2)
    print()

    # Human summary
    print(f"\n{args.dataset}, gamma {gamma}, {ds['grid']} grid: {len(y)} points, {len(subset)} of {len(starts)} starts "
          f"(stride {args.stride}), one thread each:", file=sys.stderr)
    print(f"  SciPy L-BFGS-B (FD gradient): {scipy_seconds:.1f} s ({per_start_scipy*1e3:.1f} ms/start, "
          f"{nfev/len(subset):.0f} evaluations/start)", file=sys.stderr)
    print(f"  Seqscope Ceres L-BFGS:        {cpp_subset['seconds']:.2f} s ({per_start_cpp*1e3:.2f} ms/start) "
          f"-> {per_start_scipy/per_start_cpp:.0f}x wall, {scipy_cpu/cpp_subset['cpu_seconds']:.0f}x CPU time "
          f"(SciPy {scipy_cpu:.1f} s CPU, Seqscope {cpp_subset['cpu_seconds']:.2f} s CPU)", file=sys.stderr)
    print(f"  best objective: SciPy {best.fun:.10g} (start {best_k}), Seqscope {cpp_subset['objective']:.10g} "
          f"(start {cpp_subset['winning_start']})", file=sys.stderr)
    print("  params SciPy:    " + " ".join(f"{k}={v:.6g}" for k, v in sp.items()), file=sys.stderr)
    print("  params Seqscope: " + " ".join(f"{k}={cp[k]:.6g}" for k in names), file=sys.stderr)
    print(f"  starts reaching the best objective (1e-4): SciPy {reached_scipy}, Seqscope {reached_cpp} of {len(subset)}; "
          f"same end point {same_basin}, Seqscope lower {lower_cpp}, SciPy lower {len(lower_scipy)}", file=sys.stderr)
    if cpp_full:
        scipy_full_cpu = report["scipy_full_grid_cpu_seconds_extrapolated"]
        print(f"  full grid of {len(starts)} starts, CPU time (SciPy extrapolated from the {len(subset)}):", file=sys.stderr)
        print(f"    {'':22} {'CPU s':>9} {'vs SciPy':>9} {'finished':>9}  objective         " +
              " ".join(f"{k:>9}" for k in PARAMS), file=sys.stderr)
        rows = [("SciPy L-BFGS-B", scipy_full_cpu, None, float(best.fun), sp),
                ("Seqscope exhaustive", cpp_full["cpu_seconds"], cpp_full["finished"], cpp_full["objective"], cpp_full["params"]),
                ("Seqscope pruned", cpp_pruned["cpu_seconds"], cpp_pruned["finished"], cpp_pruned["objective"], cpp_pruned["params"])]
        for name, cpu, fin, obj, par in rows:
            print(f"    {name:22} {cpu:9.2f} {scipy_full_cpu / cpu:8.0f}x {fin if fin is not None else '-':>9}  {obj:.10e} " +
                  " ".join(f"{par[k]:9.5g}" for k in PARAMS), file=sys.stderr)
        pv = report["pruned_vs_exhaustive"]
        print(f"    pruned vs exhaustive: {pv['cpu_ratio']:.1f}x less CPU, objective {pv['objective_relative_difference']:+.2e} "
              f"relative; pruned: {cpp_pruned['rerun']} survivors rerun ({cpp_pruned.get('survivors_at_optimum')} reached "
              f"the optimum), first at the optimum ranked {cpp_pruned['optimum_screen_rank'] + 1}" +
              (f"; pre-screening kept {cpp_pruned['screen']['screened']}, best at the optimum ranked "
               f"{cpp_pruned['pre_screen']['optimum_rank'] + 1}" if cpp_pruned.get("pre_screen") else "") +
              (f"; warnings: {cpp_pruned['warnings']}" if cpp_pruned["warnings"] else ""), file=sys.stderr)
        print(f"    (SciPy's row: the best of the {len(subset)} sampled starts; full-grid wall: exhaustive "
              f"{cpp_full['seconds']:.2f} s, pruned {cpp_pruned['seconds']:.2f} s on {cpp_full['threads']} threads)", file=sys.stderr)


if __name__ == "__main__":
    main()
