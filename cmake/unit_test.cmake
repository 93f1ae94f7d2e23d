# add_unit_test(NAME SOURCES... LIBS...): a GoogleTest binary registered with CTest under the "unit" label.
function(add_unit_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest_main project_warnings)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS unit)
  add_dependencies(unit_tests ${name})
endfunction()

# unit_tests: builds every unit test and nothing else (the asan preset needs no more).
add_custom_target(unit_tests)

# add_integration_test(NAME SOURCES... LIBS...): needs the test stack (scripts/stack.sh); label "integration".
function(add_integration_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} testing GTest::gtest_main project_warnings)
  add_test(NAME ${name} COMMAND ${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(${name} PROPERTIES LABELS integration RUN_SERIAL TRUE)
endfunction()
