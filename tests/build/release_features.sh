#!/usr/bin/env bash
# Proves the install list complete: a fresh configure of the release preset (a new build folder, no
# cache) must turn every feature on. Reads the summary lines of the configure log ("[x]" on, "[ ]"
# off). CUDA is AUTO in the release preset, so it must be on exactly when nvcc is on this machine.
#   tests/build/release_features.sh SOURCE_DIR WORK_DIR
set -uo pipefail
src="$1"
work="$2"
rm -rf "$work"
mkdir -p "$work"
log="$work.configure.log"
if ! cmake --preset release -S "$src" -B "$work" >"$log" 2>&1; then
  tail -30 "$log"
  echo "FAIL: a fresh configure of the release preset failed (log: $log)"
  exit 1
fi
summary="$(grep -E '^-- +\[[ x]\] ' "$log")"
echo "$summary"
[ -n "$summary" ] || { echo "FAIL: no feature summary in $log"; exit 1; }
status=0
for feature in "GUI" "LibTorch" "Ceres"; do
  if ! grep -qE "^-- +\[x\] $feature" <<<"$summary"; then
    echo "FAIL: feature '$feature' is off in a fresh release configure: a package is missing from scripts/lib.sh"
    status=1
  fi
done
nvcc_found=0
{ command -v nvcc || [ -x /usr/local/cuda/bin/nvcc ] || [ -n "${CUDA_HOME:-}" -a -x "${CUDA_HOME:-}/bin/nvcc" ]; } >/dev/null 2>&1 && nvcc_found=1
if [ "$nvcc_found" = 1 ] && ! grep -qE '^-- +\[x\] CUDA' <<<"$summary"; then
  echo "FAIL: nvcc is on this machine but the CUDA kernels are off"
  status=1
fi
off="$(grep -cE '^-- +\[ \] ' <<<"$summary")"
if [ "$nvcc_found" = 0 ] && [ "$off" -gt 1 ]; then status=1; fi
if [ "$nvcc_found" = 1 ] && [ "$off" -gt 0 ]; then status=1; fi
rm -rf "$work"
[ "$status" = 0 ] && echo "PASS: every feature of the release preset is on" || echo "FAIL: features off (see above)"
exit "$status"
