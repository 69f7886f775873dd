# shellcheck shell=bash
# Shared steps of scripts/run and scripts/test: install what is missing, then configure and build.
# Every step that fails stops the script with a message naming the step.
set -euo pipefail

SEQSCOPE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SEQSCOPE_TORCH_VERSION="2.11.0"
SEQSCOPE_BUILD_DIR="${SEQSCOPE_BUILD_DIR:-$SEQSCOPE_ROOT/build}"
SEQSCOPE_JOBS="${SEQSCOPE_JOBS:-$(nproc)}"
# ccache: relative paths let clones in other folders share the cache; the sloppiness lets it cache
# compiles that use the precompiled LibTorch header.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$SEQSCOPE_ROOT}"
export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-8G}"

# Debian bookworm packages: toolchain, Qt 6.4 (base, charts, svg, linguist), SQLite, Eigen, Ceres,
# JSON, the default training corpus (fortunes) and fonts for offscreen rendering. Installed with
# --no-install-recommends, so everything a CMake package needs is named here, not left to
# Recommends: Qt6Charts' config requires the Qt6OpenGL and Qt6OpenGLWidgets packages
# (libqt6opengl6-dev), and Qt6Gui's config looks for XKB, which its private target links (XKB::XKB,
# libxkbcommon-dev). cmake/SeqscopeFeatures.cmake maps each Qt module to its package for the error
# message; tests/build/release_features.sh proves the list complete on a fresh configure. clang and its
# runtime (libFuzzer, sanitizers) build the fuzz targets of tests/fuzz.
SEQSCOPE_DEBIAN_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  python3 python3-venv
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libqt6opengl6-dev libxkbcommon-dev libgl-dev
  libsqlite3-dev sqlite3 libeigen3-dev libceres-dev nlohmann-json3-dev
  clang libclang-rt-14-dev
  fortunes fonts-dejavu-core
)

# Packages only the tests need (scripts/test installs them, scripts/run does not): a single-node
# Slurm for the `slurm` tests (tests/slurm/slurm_fixture.sh runs the daemons from a temporary folder;
# nothing in /etc is used).
SEQSCOPE_TEST_DEBIAN_PACKAGES=(slurmctld slurmd slurm-client munge)

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nseqscope: %s\n' "$*" >&2; exit 1; }

# install_debian_packages [test]: the build's packages, and with `test` the tests' too.
install_debian_packages() {
  step "Checking Debian packages"
  local wanted=("${SEQSCOPE_DEBIAN_PACKAGES[@]}")
  [ "${1:-}" = test ] && wanted+=("${SEQSCOPE_TEST_DEBIAN_PACKAGES[@]}")
  local missing=()
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "all ${#wanted[@]} packages present"
    return
  fi
  echo "missing: ${missing[*]}"
  local apt=(apt-get)
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      apt=(sudo apt-get)
    else
      fail "need root to install packages. Run:
  sudo apt-get update && sudo apt-get install -y ${missing[*]}
then run this script again."
    fi
  fi
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" update -qq || fail "step 'apt-get update' failed"
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" \
    || fail "step 'apt-get install ${missing[*]}' failed"
}

install_torch() {
  step "Checking PyTorch ${SEQSCOPE_TORCH_VERSION} (LibTorch) in .venv"
  local py="$SEQSCOPE_ROOT/.venv/bin/python"
  if [ -x "$py" ] && "$py" -c "import torch, sys; sys.exit(0 if torch.__version__.split('+')[0] == '${SEQSCOPE_TORCH_VERSION}' else 1)" 2>/dev/null; then
    echo "torch $("$py" -c 'import torch; print(torch.__version__)') present"
    return
  fi
  if [ ! -x "$py" ]; then
    python3 -m venv "$SEQSCOPE_ROOT/.venv" || fail "step 'python3 -m venv .venv' failed (install python3-venv)"
  fi
  "$py" -m pip install --disable-pip-version-check -q "torch==${SEQSCOPE_TORCH_VERSION}" \
    || fail "step 'pip install torch==${SEQSCOPE_TORCH_VERSION}' failed (needs access to PyPI)"
  "$py" -c "import torch; print('torch', torch.__version__, 'CUDA', torch.version.cuda)" 2>/dev/null \
    || fail "torch was installed but does not import"
}

# The official implementations the interop tests compare against (tests only; the product never
# needs Python): pinned in tests/interop/requirements.txt, torch left as installed above.
install_interop_deps() {
  step "Checking the reference implementations for the interop tests in .venv"
  local py="$SEQSCOPE_ROOT/.venv/bin/python" req="$SEQSCOPE_ROOT/tests/interop/requirements.txt"
  if "$py" - "$req" <<'PY' 2>/dev/null; then
import sys
from importlib.metadata import version
pins = [l.split("#")[0].strip() for l in open(sys.argv[1]) if "==" in l.split("#")[0]]
sys.exit(0 if all(version(n) == v for n, v in (p.split("==") for p in pins)) else 1)
PY
    echo "xlstm $("$py" -c 'from importlib.metadata import version; print(version("xlstm"))'), transformers $("$py" -c 'from importlib.metadata import version; print(version("transformers"))') present"
    return
  fi
  "$py" -m pip install --disable-pip-version-check -q -r "$req" "torch==${SEQSCOPE_TORCH_VERSION}" \
    || fail "step 'pip install -r tests/interop/requirements.txt' failed (needs access to PyPI)"
}

configure_and_build() {
  local preset="${1:-release}"
  local log=".configure.log"   # the release build's; other presets log beside it
  [ "$preset" = release ] || log=".configure-$preset.log"
  step "Configuring (preset '$preset')"
  cmake --preset "$preset" -S "$SEQSCOPE_ROOT" >"$SEQSCOPE_ROOT/$log" 2>&1 \
    || { tail -40 "$SEQSCOPE_ROOT/$log"; fail "step 'cmake configure' failed (full log: $log)"; }
  grep -E '^-- +\[[ x]\]' "$SEQSCOPE_ROOT/$log" || true
  step "Building with $SEQSCOPE_JOBS jobs"
  (cd "$SEQSCOPE_ROOT" && cmake --build --preset "$preset" -j "$SEQSCOPE_JOBS") || fail "step 'build' failed"
}
