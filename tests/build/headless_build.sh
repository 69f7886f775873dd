#!/usr/bin/env bash
# The headless configuration a GPU server uses: no Qt in the configuration at all (find_package(Qt6)
# disabled), and seqscope-cli must still configure, build and run.
#   tests/build/headless_build.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src="$1"
build="$2"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$src}"
export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSEQSCOPE_GUI=OFF -DSEQSCOPE_CUDA=OFF -DSEQSCOPE_CERES=AUTO \
  -DCMAKE_DISABLE_FIND_PACKAGE_Qt6=ON -DSEQSCOPE_BUILD_TESTS=OFF -DSEQSCOPE_BUILD_BENCH=OFF >"$build.configure.log" 2>&1 \
  || { tail -30 "$build.configure.log"; echo "headless configure failed"; exit 1; }
if grep -q "Qt6_DIR:PATH=/" "$build/CMakeCache.txt"; then
  echo "headless build found Qt although it was disabled"; exit 1
fi
cmake --build "$build" --target seqscope-cli -j 2
"$build/app/seqscope-cli" --version
"$build/app/seqscope-cli" presets >/dev/null
echo "headless build OK"
