#!/usr/bin/env bash
# Builds the fuzz targets (once, with clang, into BUILD_DIR) and runs one for SECONDS on its seed
# corpus (tests/fuzz/seeds/TARGET) plus what earlier runs found (BUILD_DIR/corpus/TARGET).
#   tests/fuzz/run_fuzz.sh SOURCE_DIR BUILD_DIR TARGET SECONDS
# Exit 0 when the time ran out without a finding; otherwise libFuzzer's report and the crashing input
# (BUILD_DIR/findings/TARGET/crash-*) say what to turn into a regression test.
set -uo pipefail
src="$1"; build="$2"; target="$3"; seconds="$4"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$src}"
command -v clang++ >/dev/null || { echo "FAIL: clang++ is not installed (scripts/lib.sh installs clang)"; exit 1; }
mkdir -p "$build"
# One build for every target; concurrent ctest entries wait for it.
(
  flock 9
  if [ ! -f "$build/CMakeCache.txt" ]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    cmake -S "$src/tests/fuzz" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}" >"$build/configure.log" 2>&1 \
      || { tail -20 "$build/configure.log"; echo "FAIL: configuring the fuzz targets"; exit 1; }
  fi
  cmake --build "$build" -j 2 >"$build/build.log" 2>&1 || { tail -30 "$build/build.log"; echo "FAIL: building the fuzz targets"; exit 1; }
) 9>"$build.lock" || exit 1
corpus="$build/corpus/$target"
findings="$build/findings/$target"
mkdir -p "$corpus" "$findings"
cd "$findings" || exit 1
# A 2-core machine: one job, bounded memory; leaks are reported too (LeakSanitizer is on with ASan).
"$build/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
  -artifact_prefix="$findings/" "$corpus" "$src/tests/fuzz/seeds/$target" 2>&1 | tail -25
rc=${PIPESTATUS[0]}
[ "$rc" = 0 ] && echo "PASS: fuzz_$target ran ${seconds}s without a finding" || echo "FAIL: fuzz_$target found a problem (rc=$rc)"
exit "$rc"
