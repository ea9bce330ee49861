# Fails when the Catch2 binary has test cases that ctest did not register (see catch2_discover.cmake).
execute_process(COMMAND ${EMULATOR} ${EXE} --list-test-names-only OUTPUT_VARIABLE out RESULT_VARIABLE rc)
# Count lines, not list items: a test name may contain ';'.
string(REGEX MATCHALL "\n" newlines "${out}")
list(LENGTH newlines actual)
if(NOT actual EQUAL EXPECTED)
  message(FATAL_ERROR "Catch2 binary lists ${actual} test cases, but ${EXPECTED} were registered with ctest")
endif()
message(STATUS "${actual} Catch2 test cases, all registered")
