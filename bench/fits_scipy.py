#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Benchmark driver: Seqscope's parametric grid fit (bench/fits, Ceres L-BFGS, analytic gradient)
against a SciPy L-BFGS-B implementation of the same objective and start grid, in one run.

The SciPy side mirrors the reference (xlstm_scaling_laws/fitting, scaling-laws.md 8): the log-sum-exp
form of L(N, D) = E + (A N^-alpha + B D^-beta)^gamma, summed Huber loss (delta 1e-3) on log-loss,
scipy.optimize.minimize(method="L-BFGS-B", options ftol=gtol=1e-32, maxls=200), no bounds, no jac
(finite differences), starts in numpy.meshgrid(...).T.reshape order.

SciPy needs about 3 s per start here, so the full 8,000-start grid would take hours; both sides are
therefore timed on the same deterministic subset (every --stride-th start, one thread each), and the
C++ side is also timed on the full grid. Benchmark-only: Debian's python3-scipy, never a product
dependency.

  /usr/bin/python3 bench/fits_scipy.py --bench build-fits/bench/fits --stride 40
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
NAMES = list(GRID.keys())


def objective(x, ln_n, ln_d, y, delta):
    a, b, e, alpha, beta, gamma = x
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
    ap.add_argument("--arch", default="xlstm")
    ap.add_argument("--full-threads", type=int, default=0, help="threads for the C++ full grid (0 = all)")
    ap.add_argument("--skip-full", action="store_true", help="do not time the C++ full grid")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        points = os.path.join(tmp, "points.csv")
        cpp_subset = run_cpp(args.bench, ["--arch", args.arch, "--stride", str(args.stride), "--threads", "1",
                                          "--dump-points", points])
        data = np.loadtxt(points, delimiter=",", skiprows=1, ndmin=2)
    ln_n, ln_d, y = np.log(data[:, 0]), np.log(data[:, 1]), np.log(data[:, 2])
    starts = np.array(np.meshgrid(*GRID.values())).T.reshape(-1, len(NAMES))
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

    cpp_full = None if args.skip_full else run_cpp(args.bench, ["--arch", args.arch, "--threads", str(args.full_threads)])

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
    sp = dict(zip(NAMES, best.x.tolist()))
    cp = cpp_subset["params"]

    per_start_scipy = scipy_seconds / len(subset)
    per_start_cpp = cpp_subset["seconds"] / cpp_subset["starts_run"]
    report = {
        "machine": {"cpu": cpp_subset["machine"]["cpu"], "hardware_threads": cpp_subset["machine"]["hardware_threads"],
                    "python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__},
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
    }
    if cpp_full:
        report["cpp_full"] = {"starts": cpp_full["starts_run"], "threads": cpp_full["threads"], "seconds": cpp_full["seconds"],
                              "cpu_seconds": cpp_full["cpu_seconds"],
                              "objective": cpp_full["objective"], "start": cpp_full["winning_start"],
                              "reached_optimum": cpp_full["reached_optimum"], "params": cpp_full["params"]}
        report["full_grid_ratio_extrapolated"] = report["scipy_full_grid_seconds_extrapolated"] / cpp_full["seconds"]
    json.dump(report, sys.stdout, indent=2)
    print()

    # Human summary
    print(f"\n{len(y)} points, {len(subset)} of {len(starts)} starts (stride {args.stride}), one thread each:", file=sys.stderr)
    print(f"  SciPy L-BFGS-B (FD gradient): {scipy_seconds:.1f} s ({per_start_scipy*1e3:.1f} ms/start, "
          f"{nfev/len(subset):.0f} evaluations/start)", file=sys.stderr)
    print(f"  Seqscope Ceres L-BFGS:        {cpp_subset['seconds']:.2f} s ({per_start_cpp*1e3:.2f} ms/start) "
          f"-> {per_start_scipy/per_start_cpp:.0f}x wall, {scipy_cpu/cpp_subset['cpu_seconds']:.0f}x CPU time "
          f"(SciPy {scipy_cpu:.1f} s CPU, Seqscope {cpp_subset['cpu_seconds']:.2f} s CPU)", file=sys.stderr)
    print(f"  best objective: SciPy {best.fun:.10g} (start {best_k}), Seqscope {cpp_subset['objective']:.10g} "
          f"(start {cpp_subset['winning_start']})", file=sys.stderr)
    print("  params SciPy:    " + " ".join(f"{k}={v:.6g}" for k, v in sp.items()), file=sys.stderr)
    print("  params Seqscope: " + " ".join(f"{k}={cp[k]:.6g}" for k in NAMES), file=sys.stderr)
    print(f"  starts reaching the best objective (1e-4): SciPy {reached_scipy}, Seqscope {reached_cpp} of {len(subset)}; "
          f"same end point {same_basin}, Seqscope lower {lower_cpp}, SciPy lower {len(lower_scipy)}", file=sys.stderr)
    if cpp_full:
        print(f"  Seqscope full grid: {cpp_full['starts_run']} starts on {cpp_full['threads']} threads in "
              f"{cpp_full['seconds']:.2f} s ({cpp_full['cpu_seconds']:.1f} s CPU), objective {cpp_full['objective']:.10g}; SciPy full grid "
              f"extrapolated {report['scipy_full_grid_seconds_extrapolated']/3600:.1f} h", file=sys.stderr)


if __name__ == "__main__":
    main()
