# -Wall -Wextra for our own targets only (third-party headers come in as SYSTEM).
function(seqscope_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra>
    $<$<COMPILE_LANGUAGE:CUDA>:-Xcompiler=-Wall,-Wextra>)
  seqscope_sanitize(${target})   # no-op unless SEQSCOPE_SANITIZE (cmake/SeqscopeSanitize.cmake)
endfunction()
