# Registers each Catch2 TEST_CASE of the suite as its own ctest test — natively and, through
# CMAKE_CROSSCOMPILING_EMULATOR (Node), in the wasm build.
#
# Catch's own discovery runs the binary at build time and silently registers nothing when the
# emulator fails (TOOLCHAIN.md). Instead we read the TEST_CASE names from the sources at
# configure time, and add one more test, `<prefix>catch.registered`, which asks the binary for
# its list and fails if any test case was not registered here.
function(gradlab_discover_tests target)
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/cpp/test_*.cpp)
  if(NOT EMSCRIPTEN)
    list(FILTER sources EXCLUDE REGEX "/test_wasm_[^/]*$")
  endif()
  set(count 0)
  foreach(src ${sources})
    # Read whole files: a ';' inside a test name would split a CMake list of lines.
    file(READ ${src} text)
    string(REPLACE ";" "<semicolon>" text "${text}")
    string(REGEX MATCHALL "TEST_CASE[ \t]*\\([ \t]*\"([^\"\\\\]|\\\\.)*\"" cases "${text}")
    foreach(case IN LISTS cases)
      string(REGEX MATCH "\"(([^\"\\\\]|\\\\.)*)\"" _ "${case}")
      string(REPLACE "<semicolon>" ";" name "${CMAKE_MATCH_1}")
      # A Catch test spec treats , [ ] and \ specially: escape them to select exactly one case.
      string(REPLACE "\\" "\\\\" spec "${name}")
      string(REPLACE "," "\\," spec "${spec}")
      string(REPLACE "[" "\\[" spec "${spec}")
      string(REPLACE "]" "\\]" spec "${spec}")
      add_test(NAME "${GRADLAB_TEST_PREFIX}${name}" COMMAND ${target} "${spec}")
      math(EXPR count "${count} + 1")
    endforeach()
  endforeach()
  add_test(NAME "${GRADLAB_TEST_PREFIX}catch.registered"
    COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:${target}> "-DEMULATOR=${CMAKE_CROSSCOMPILING_EMULATOR}"
            -DEXPECTED=${count} -P ${CMAKE_CURRENT_SOURCE_DIR}/catch2_check_registered.cmake)
endfunction()
