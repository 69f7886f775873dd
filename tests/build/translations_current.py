#!/usr/bin/env python3
"""Every tr() string of the GUI is in translations/seqscope_de.ts and translated, and the .ts holds
nothing the sources no longer say. Runs lupdate over the sources into a copy of the .ts and compares
the two message sets (order-insensitive), then checks that every message of the copy is finished.

    translations_current.py LUPDATE SOURCE_DIR WORK_DIR
"""
import glob
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET


def messages(path):
    """{(context, source): finished} of a .ts file."""
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            tr = m.find("translation")
            finished = tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete") and (
                (tr.text or "").strip() or any((n.text or "").strip() for n in tr.iter("numerusform")))
            out[(name, m.findtext("source"))] = bool(finished)
    return out


def main():
    lupdate, src, work = sys.argv[1:4]
    ts = os.path.join(src, "translations", "seqscope_de.ts")
    os.makedirs(work, exist_ok=True)
    copy = os.path.join(work, "seqscope_de.ts")
    shutil.copyfile(ts, copy)
    sources = sorted(glob.glob(os.path.join(src, "app/gui/*.cpp")) + glob.glob(os.path.join(src, "app/gui/*.h")) +
                     glob.glob(os.path.join(src, "widgets/*.cpp")) + glob.glob(os.path.join(src, "widgets/*.h")))
    run = subprocess.run([lupdate, "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", copy],
                         capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stdout + run.stderr)
        print("FAIL: lupdate failed")
        return 1
    before, after = messages(ts), messages(copy)
    missing = sorted(set(after) - set(before))
    stale = sorted(set(before) - set(after))
    untranslated = sorted(k for k, done in after.items() if not done and k in before)
    for ctx, text in missing:
        print(f"not in the .ts: [{ctx}] {text!r}")
    for ctx, text in stale:
        print(f"in the .ts but no longer in the sources: [{ctx}] {text!r}")
    for ctx, text in untranslated:
        print(f"not translated: [{ctx}] {text!r}")
    print(f"{len(after)} messages in the sources; {len(missing)} missing from the .ts, {len(stale)} stale, "
          f"{len(untranslated)} untranslated")
    if missing or stale or untranslated:
        print("FAIL: run `cmake --build build --target update_translations` and translate the new strings")
        return 1
    print("PASS: the German translation is complete and current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
