# embed_text(TARGET FILE NAMESPACE NAME): compiles FILE's text into TARGET as
# `const std::string_view NAMESPACE::NAME`, which the target's code declares. Reconfigures when FILE changes.
function(embed_text target file namespace name)
  file(READ ${file} content)
  string(FIND "${content}" ")embedded\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw-string delimiter )embedded\"")
  endif()
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded/${name}.cpp)
  file(WRITE ${out}.new "// Generated from ${file} by cmake/embed.cmake.\n#include <string_view>\n\nnamespace ${namespace} {\nextern const std::string_view ${name};\nconst std::string_view ${name} = R\"embedded(${content})embedded\";\n}  // namespace ${namespace}\n")
  file(COPY_FILE ${out}.new ${out} ONLY_IF_DIFFERENT)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
  target_sources(${target} PRIVATE ${out})
endfunction()
