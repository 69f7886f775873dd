# seqscope_include_root(<target> <PUBLIC|INTERFACE> <folder>): <target> exports <folder>/ under its
# own name ("storage/store.h"), and nothing else of the source tree. The build folder gets a small
# directory per library holding one link to the folder, so a library that does not link storage
# cannot include "storage/..." either: the layers are separate by construction, not by convention.
function(seqscope_include_root target scope folder)
  set(root ${CMAKE_BINARY_DIR}/include-roots/${folder})
  if(NOT EXISTS ${root}/${folder})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/${folder} ${root}/${folder} SYMBOLIC)
  endif()
  target_include_directories(${target} ${scope} ${root})
endfunction()
