#!/usr/bin/env python3
"""Checks a ctest run against what the configuration registers, and prints the closing line.

    ctest_summary.py REGISTERED.json RESULTS.xml [--require-label gui] [--may-skip gpu]

REGISTERED.json is `ctest --show-only=json-v1` with the same filters as the run; RESULTS.xml is the
run's `--output-junit` file. Fails (exit 1) when a registered test has no result, a test failed or
did not run, a test skipped without a label that may skip (gpu: no CUDA device here; slurm: Slurm
cannot start here, whose reason is printed), or a required
label ran no test. ctest alone cannot see these: a build that quietly drops the GUI registers no GUI
tests, and a QSKIP counts as a pass unless the test declares a skip pattern.
"""
import argparse
import json
import sys
import xml.etree.ElementTree as ET


def registered_tests(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    tests = {}
    for t in doc.get("tests", []):
        labels = []
        for p in t.get("properties", []):
            if p.get("name") == "LABELS":
                labels = p.get("value", [])
        tests[t["name"]] = labels
    return tests


def results(path):
    """Status by test name, and for skipped tests the reason their output gives (a Qt Test SKIP line)."""
    out, reasons = {}, {}
    for case in ET.parse(path).getroot().iter("testcase"):
        skipped = case.find("skipped")
        status = case.get("status", "")
        if status == "notrun" and skipped is not None:
            status = "skipped"
            text = case.findtext("system-out") or ""
            line = next((l for l in text.splitlines() if l.startswith("SKIP")), "")
            reasons[case.get("name")] = line.split(")", 1)[-1].strip() if line else ""
        out[case.get("name")] = status
    return out, reasons


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("registered")
    ap.add_argument("results")
    ap.add_argument("--require-label", action="append", default=[])
    ap.add_argument("--may-skip", action="append", default=[])
    args = ap.parse_args()

    tests = registered_tests(args.registered)
    got, reasons = results(args.results)
    problems = []
    counts = {"run": 0, "fail": 0, "skipped": 0}
    ran_by_label, skipped_by_label = {}, {}
    for name, labels in sorted(tests.items()):
        status = got.get(name)
        if status is None:
            problems.append(f"{name}: registered but no result (did ctest stop early?)")
            continue
        if status == "run":
            counts["run"] += 1
            for label in labels:
                ran_by_label[label] = ran_by_label.get(label, 0) + 1
        elif status == "skipped":
            counts["skipped"] += 1
            for label in labels:
                skipped_by_label[label] = skipped_by_label.get(label, 0) + 1
            if not set(labels) & set(args.may_skip):
                problems.append(f"{name}: skipped, but only tests labelled {', '.join(args.may_skip)} may skip")
        elif status == "fail":
            counts["fail"] += 1
            problems.append(f"{name}: failed")
        else:
            counts["fail"] += 1
            problems.append(f"{name}: did not run ({status})")
    for label in args.require_label:
        if ran_by_label.get(label, 0) == 0:
            problems.append(f"no test with label '{label}' ran: the configuration registered none, "
                            "or all of them skipped (see the configure summary above)")

    labels_text = ", ".join(f"{label} {n}" for label, n in sorted(ran_by_label.items()))
    skipped_text = ", ".join(f"{label} {n}" for label, n in sorted(skipped_by_label.items()))
    print(f"registered {len(tests)} tests; ran by label: {labels_text or 'none'}"
          + (f"; skipped by label: {skipped_text}" if skipped_text else ""))
    gui = ran_by_label.get("gui", 0)
    gpu_skipped = skipped_by_label.get("gpu", 0)
    print(f"GUI tests run: {gui}; GPU tests skipped: {gpu_skipped}"
          + (" (no CUDA device here: run scripts/gpu-check on a GPU machine)" if gpu_skipped else ""))
    for name, reason in sorted(reasons.items()):
        labels = tests.get(name, [])
        if "gpu" not in labels and reason:   # gpu skips are summed up above
            print(f"skipped {name} ({', '.join(labels)}): {reason}")
    for p in problems:
        print(f"problem: {p}")
    print(f"ctest: {counts['run']} passed, {counts['fail']} failed, {counts['skipped']} skipped")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
