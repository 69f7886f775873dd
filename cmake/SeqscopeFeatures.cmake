# Optional parts of the build, decided here once so the build, the tests and the summary agree.
#
#   SEQSCOPE_GUI    ON | OFF          Qt workbench, widgets, GUI tests (default ON: the README promises it)
#   SEQSCOPE_CERES  ON | OFF | AUTO   parametric L(N, D) fits (default ON)
#   SEQSCOPE_CUDA   ON | OFF | AUTO   CUDA kernels and the engine's CUDA dispatch (default AUTO: nvcc)
#
# ON means required: configure stops with the missing piece and the Debian package that provides it.
# AUTO is decided again at every configure, so an OFF from an earlier failed detection never sticks
# in the cache (only a value the user chose does). Afterwards each name is a plain ON/OFF variable
# that shadows the cache entry, so `if(SEQSCOPE_GUI)` works everywhere below.

set(SEQSCOPE_GUI ON CACHE STRING "Build the Qt workbench and GUI tests: ON or OFF")
set(SEQSCOPE_CERES ON CACHE STRING "Parametric fits with Ceres: ON, OFF or AUTO")
set(SEQSCOPE_CUDA AUTO CACHE STRING "CUDA kernels: ON, OFF or AUTO (on when nvcc is found)")
set_property(CACHE SEQSCOPE_GUI PROPERTY STRINGS ON OFF)
set_property(CACHE SEQSCOPE_CERES PROPERTY STRINGS ON OFF AUTO)
set_property(CACHE SEQSCOPE_CUDA PROPERTY STRINGS ON OFF AUTO)

# Normalises a feature value to ON, OFF or AUTO; anything else is a configure error naming it.
function(_seqscope_feature_mode name out)
  string(TOUPPER "${${name}}" v)
  if(v MATCHES "^(ON|YES|TRUE|1)$")
    set(v ON)
  elseif(v MATCHES "^(OFF|NO|FALSE|0)$")
    set(v OFF)
  elseif(NOT v STREQUAL "AUTO")
    message(FATAL_ERROR "${name}=${${name}}: use ON, OFF or AUTO")
  endif()
  set(${out} ${v} PARENT_SCOPE)
endfunction()

# --- Qt 6 ------------------------------------------------------------------------------------------
# Each Qt module the GUI uses, with the modules its CMake package pulls in (Charts needs OpenGL and
# OpenGLWidgets, see Qt6ChartsDependencies.cmake), and the Debian package that installs its CMake
# files and library. Every module is looked up on its own so the error names exactly what is missing.
set(SEQSCOPE_QT_MODULES Core Gui Widgets OpenGL OpenGLWidgets Charts Svg Test LinguistTools)
set(_seqscope_qt_package_Core qt6-base-dev)
set(_seqscope_qt_package_Gui qt6-base-dev)
set(_seqscope_qt_package_Widgets qt6-base-dev)
set(_seqscope_qt_package_Test qt6-base-dev)
set(_seqscope_qt_package_OpenGL libqt6opengl6-dev)
set(_seqscope_qt_package_OpenGLWidgets libqt6opengl6-dev)
set(_seqscope_qt_package_Charts qt6-charts-dev)
set(_seqscope_qt_package_Svg qt6-svg-dev)
set(_seqscope_qt_package_LinguistTools "qt6-tools-dev qt6-l10n-tools")

_seqscope_feature_mode(SEQSCOPE_GUI _gui_mode)
if(_gui_mode STREQUAL "AUTO")
  message(FATAL_ERROR "SEQSCOPE_GUI is ON or OFF (the workbench is not optional in a normal build)")
endif()
if(_gui_mode)
  set(_qt_missing "")
  set(_qt_packages "")
  foreach(_m IN LISTS SEQSCOPE_QT_MODULES)
    find_package(Qt6${_m} 6.4 QUIET)
    if(NOT Qt6${_m}_FOUND)
      list(APPEND _qt_missing "Qt6${_m}")
      list(APPEND _qt_packages ${_seqscope_qt_package_${_m}})
    endif()
  endforeach()
  if(_qt_missing)
    list(REMOVE_DUPLICATES _qt_packages)
    list(JOIN _qt_missing ", " _qt_missing_text)
    list(JOIN _qt_packages " " _qt_packages_text)
    message(FATAL_ERROR
      "The workbench needs Qt 6.4 modules that were not found: ${_qt_missing_text}.\n"
      "Install them with: apt-get install ${_qt_packages_text}\n"
      "(scripts/run and scripts/test do this), or configure the headless build: "
      "cmake --preset headless (or -DSEQSCOPE_GUI=OFF).")
  endif()
  find_package(Qt6 6.4 REQUIRED COMPONENTS ${SEQSCOPE_QT_MODULES})
endif()
set(SEQSCOPE_GUI ${_gui_mode})

# --- CUDA ------------------------------------------------------------------------------------------
_seqscope_feature_mode(SEQSCOPE_CUDA _cuda_mode)
find_program(SEQSCOPE_NVCC nvcc PATHS /usr/local/cuda/bin ENV CUDA_HOME PATH_SUFFIXES bin)
set(SEQSCOPE_CUDA_REASON "")
if(_cuda_mode STREQUAL "AUTO")
  if(SEQSCOPE_NVCC)
    set(_cuda_mode ON)
  else()
    set(_cuda_mode OFF)
    set(SEQSCOPE_CUDA_REASON "auto: no nvcc on PATH, in /usr/local/cuda or CUDA_HOME")
  endif()
elseif(_cuda_mode AND NOT SEQSCOPE_NVCC AND NOT CMAKE_CUDA_COMPILER)
  message(FATAL_ERROR "SEQSCOPE_CUDA=ON but nvcc was not found (PATH, /usr/local/cuda, CUDA_HOME). "
                      "Install the CUDA toolkit or configure with -DSEQSCOPE_CUDA=AUTO or OFF.")
endif()
if(NOT _cuda_mode AND NOT SEQSCOPE_CUDA_REASON)
  set(SEQSCOPE_CUDA_REASON "SEQSCOPE_CUDA=OFF")
endif()
set(SEQSCOPE_CUDA ${_cuda_mode})

# --- Ceres -----------------------------------------------------------------------------------------
_seqscope_feature_mode(SEQSCOPE_CERES _ceres_mode)
set(SEQSCOPE_CERES_REASON "")
if(_ceres_mode)   # ON or AUTO
  find_package(Ceres QUIET)
  if(NOT Ceres_FOUND)
    if(_ceres_mode STREQUAL "ON")
      message(FATAL_ERROR "Ceres (parametric L(N, D) fits) was not found. Install it with: apt-get install "
                          "libceres-dev (scripts/run and scripts/test do this), or configure with "
                          "-DSEQSCOPE_CERES=OFF.")
    endif()
    set(SEQSCOPE_CERES_REASON "auto: Ceres not found (libceres-dev)")
  endif()
  set(_ceres_mode ${Ceres_FOUND})
else()
  set(SEQSCOPE_CERES_REASON "SEQSCOPE_CERES=OFF")
endif()
if(_ceres_mode)
  set(SEQSCOPE_CERES ON)
else()
  set(SEQSCOPE_CERES OFF)
endif()
set(SEQSCOPE_HAVE_CERES ${SEQSCOPE_CERES})

# The summary: one line a feature, "[x]" on, "[ ]" off with the reason. tests/build/ reads these
# lines from a fresh configure, so keep the format.
function(seqscope_feature_summary)
  message(STATUS "Seqscope ${PROJECT_VERSION} features:")
  foreach(_row IN ITEMS
      "GUI (Qt ${Qt6_VERSION})|SEQSCOPE_GUI|SEQSCOPE_GUI=OFF"
      "CUDA kernels (nvcc ${CMAKE_CUDA_COMPILER_VERSION})|SEQSCOPE_CUDA|${SEQSCOPE_CUDA_REASON}"
      "LibTorch ${Torch_VERSION}|Torch_FOUND|"
      "Ceres (parametric fits)|SEQSCOPE_CERES|${SEQSCOPE_CERES_REASON}")
    string(REPLACE "|" ";" _row "${_row}")
    list(GET _row 0 _name)
    list(GET _row 1 _var)
    list(LENGTH _row _n)
    set(_why "")
    if(_n GREATER 2)
      list(GET _row 2 _why)
    endif()
    if(${_var})
      message(STATUS "  [x] ${_name}")
    elseif(_why)
      message(STATUS "  [ ] ${_name} -- ${_why}")
    else()
      message(STATUS "  [ ] ${_name}")
    endif()
  endforeach()
endfunction()
