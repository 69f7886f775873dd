# Finds LibTorch. Order: an explicit Torch_DIR, then the PyTorch wheel in the project's .venv
# (scripts/ install torch==2.11.0 there), then any python3 on PATH with torch installed.
if(NOT Torch_DIR)
  set(_py_candidates ${CMAKE_SOURCE_DIR}/.venv/bin/python)
  find_program(_sys_python python3)
  if(_sys_python)
    list(APPEND _py_candidates ${_sys_python})
  endif()
  foreach(_py IN LISTS _py_candidates)
    if(EXISTS ${_py})
      execute_process(COMMAND ${_py} -c "import torch.utils; print(torch.utils.cmake_prefix_path)"
                      OUTPUT_VARIABLE _torch_prefix OUTPUT_STRIP_TRAILING_WHITESPACE
                      RESULT_VARIABLE _torch_rc ERROR_QUIET)
      if(_torch_rc EQUAL 0 AND _torch_prefix)
        set(Torch_DIR ${_torch_prefix}/Torch CACHE PATH "LibTorch CMake config directory")
        break()
      endif()
    endif()
  endforeach()
endif()
if(NOT SEQSCOPE_CUDA)
  # The CUDA wheel's config wants the toolkit; a CPU-only configuration must not need it.
  set(CAFFE2_USE_CUDNN OFF)
endif()
find_package(Torch REQUIRED)
if(Torch_VERSION VERSION_LESS 2.0)
  message(FATAL_ERROR "LibTorch ${Torch_VERSION} found at ${Torch_DIR}; Seqscope needs 2.x "
                      "(run scripts/test to install torch==2.11.0 into .venv, or set Torch_DIR).")
endif()
# TORCH_CXX_FLAGS carries -D_GLIBCXX_USE_CXX11_ABI; it must apply to every target that links torch.
separate_arguments(SEQSCOPE_TORCH_CXX_FLAGS UNIX_COMMAND "${TORCH_CXX_FLAGS}")
get_filename_component(SEQSCOPE_TORCH_LIB_DIR "${TORCH_LIBRARY}" DIRECTORY)
