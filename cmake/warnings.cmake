# project_warnings: the warning set every target of the project compiles with.
option(WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
add_library(project_warnings INTERFACE)
target_compile_options(project_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<CONFIG:Debug>:-Wnull-dereference>  # at -O2 it reports false positives inside Boost.Asio
  $<$<BOOL:${WARNINGS_AS_ERRORS}>:-Werror>)
