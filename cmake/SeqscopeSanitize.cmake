# SEQSCOPE_SANITIZE (the `sanitize` preset, scripts/sanitize): AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer for every target of ours, applied by seqscope_warnings(). Targets that
# link LibTorch (seqscope_engine and the tests and benches built on it) get UBSan only: the LibTorch
# wheel is not ASan-instrumented, so its containers crossing into instrumented code raise false
# container-overflow reports, and its CUDA runtime maps memory where ASan keeps its shadow. Their
# code still runs under ASan's allocator (the runtime is linked into every executable), so heap
# misuse of ours is caught there too; only their own instrumentation is UBSan.
option(SEQSCOPE_SANITIZE "Build with AddressSanitizer + UndefinedBehaviorSanitizer (UBSan only where LibTorch is linked)" OFF)
if(SEQSCOPE_SANITIZE)
  add_link_options(-fsanitize=address,undefined)
endif()

function(seqscope_sanitize target)
  if(NOT SEQSCOPE_SANITIZE)
    return()
  endif()
  set(_torch "$<IN_LIST:torch,$<TARGET_PROPERTY:${target},LINK_LIBRARIES>>")
  target_compile_options(${target} PRIVATE
    $<$<COMPILE_LANGUAGE:CXX,C>:-fno-omit-frame-pointer$<SEMICOLON>-fno-sanitize-recover=undefined>
    $<$<AND:$<COMPILE_LANGUAGE:CXX,C>,${_torch}>:-fsanitize=undefined>
    $<$<AND:$<COMPILE_LANGUAGE:CXX,C>,$<NOT:${_torch}>>:-fsanitize=address$<COMMA>undefined>)
endfunction()
