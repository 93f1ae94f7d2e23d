# add_service(NAME SOURCES... LIBS...) in services/NAME/: NAME_core (every source but main.cpp, with the
# service's openapi.json compiled in as NAME::openapi_document) and the NAME-service binary, whose default
# migrations are the folder's migrations/ (SERVICE_MIGRATIONS_DIR).
function(add_service name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_library(${name}_core STATIC ${ARG_SOURCES})
  target_include_directories(${name}_core PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  embed_text(${name}_core ${CMAKE_CURRENT_SOURCE_DIR}/openapi.json ${name} openapi_document)
  target_link_libraries(${name}_core PUBLIC service ${ARG_LIBS} PRIVATE project_warnings)

  add_executable(${name}-service main.cpp)
  target_link_libraries(${name}-service PRIVATE ${name}_core project_warnings)
  if(NOT SANITIZE)  # AddressSanitizer brings its own allocator
    target_sources(${name}-service PRIVATE ${PROJECT_SOURCE_DIR}/cmake/jemalloc_conf.cpp)
    target_link_libraries(${name}-service PRIVATE PkgConfig::JEMALLOC)
  endif()
  target_compile_definitions(${name}-service PRIVATE SERVICE_MIGRATIONS_DIR="${CMAKE_CURRENT_SOURCE_DIR}/migrations")
endfunction()
