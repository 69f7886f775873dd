# seqscope_embed(<target> <symbol-prefix> FILES f1 f2 ...)
# Generates a .cpp holding each file as a byte array plus a lookup table
#   const seqscope::EmbeddedFile* seqscope_<prefix>_files(std::size_t* count);
# so the CLI ships its built-in datasets without Qt's resource system.
function(seqscope_embed target prefix)
  cmake_parse_arguments(ARG "" "" "FILES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${prefix}_embedded.cpp)
  # The file list must reach the script as one argument: without escaping, the shell would split it
  # at the list's semicolons and try to run the second file.
  string(REPLACE ";" "$<SEMICOLON>" files_arg "${ARG_FILES}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DPREFIX=${prefix} "-DFILES=${files_arg}"
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARG_FILES} ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${prefix} resources"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
