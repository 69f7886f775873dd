# The float64 mLSTM reference of kernels/check (host-only C++: no CUDA, no LibTorch), so it is built and
# run on every machine (label unit): its exact backward against finite differences, and the
# "n, m constant" shortcut of the kernels measured against it. Included from tests/CMakeLists.txt.
seqscope_add_test(tst_mlstm_reference SOURCES kernels/tst_mlstm_reference.cpp
  ${CMAKE_SOURCE_DIR}/kernels/check/mlstm_reference.cpp)
target_include_directories(tst_mlstm_reference PRIVATE ${CMAKE_SOURCE_DIR}/kernels)
