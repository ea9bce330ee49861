# Registers each Catch2 test case of an executable as its own ctest test, natively and under
# Node for the wasm build. (Catch's own discovery runs the binary at build time; it silently
# registers nothing when the emulator fails, so we do it at ctest time instead and fail loudly.)
include(Catch)
function(gradlab_discover_tests target)
  catch_discover_tests(${target} TEST_PREFIX "${GRADLAB_TEST_PREFIX}")
endfunction()
