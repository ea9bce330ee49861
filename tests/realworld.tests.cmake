# Real-world corpus tests: learner-facing PyTorch tutorial code run through the gradlab CLI and judged
# by tests/realworld/check.sh, which calls the shared checker $GRADLAB_SHARED_DIR/tools/realworld-check:
#   realworld.project — tests/realworld (the project's own corpus), list tests/realworld/EXPECTED_PASS
#   realworld.shared  — $GRADLAB_SHARED_DIR/realworld, list tests/realworld/shared_EXPECTED_PASS
# Each fails on any DIFF, CRASH or TIMEOUT, and when a listed script does not pass; a clean
# UNSUPPORTED is allowed for unlisted scripts. Natively the CLI is $<TARGET_FILE:gradlab>; in the
# Emscripten build it is that .js file run by Node, with the GRADLAB_TEST_PREFIX (`wasm.realworld.*`),
# as in golden.tests.cmake. Exit 77 (no shared checker) reports the test as skipped.
if(NOT TARGET gradlab)
  return()
endif()

if(EMSCRIPTEN)
  if(CMAKE_CROSSCOMPILING_EMULATOR)
    list(GET CMAKE_CROSSCOMPILING_EMULATOR 0 GRADLAB_REALWORLD_NODE)
  else()
    find_program(GRADLAB_REALWORLD_NODE node REQUIRED)
  endif()
  set(GRADLAB_REALWORLD_CLI "${GRADLAB_REALWORLD_NODE} $<TARGET_FILE:gradlab>")
else()
  set(GRADLAB_REALWORLD_CLI "$<TARGET_FILE:gradlab>")
endif()
find_program(GRADLAB_BASH bash REQUIRED)

set(GRADLAB_REALWORLD_CHECK ${CMAKE_CURRENT_SOURCE_DIR}/realworld/check.sh)
set(GRADLAB_REALWORLD_TESTS "")

# The wasm build's known differences (tests/realworld/wasm_KNOWN: each with its reason).
set(GRADLAB_REALWORLD_KNOWN "")
if(EMSCRIPTEN)
  set(GRADLAB_REALWORLD_KNOWN --known ${CMAKE_CURRENT_SOURCE_DIR}/realworld/wasm_KNOWN)
endif()

add_test(NAME ${GRADLAB_TEST_PREFIX}realworld.project
  COMMAND ${GRADLAB_BASH} ${GRADLAB_REALWORLD_CHECK}
          --expected ${CMAKE_CURRENT_SOURCE_DIR}/realworld/EXPECTED_PASS ${GRADLAB_REALWORLD_KNOWN}
          ${CMAKE_CURRENT_SOURCE_DIR}/realworld "${GRADLAB_REALWORLD_CLI}")
list(APPEND GRADLAB_REALWORLD_TESTS ${GRADLAB_TEST_PREFIX}realworld.project)

if(IS_DIRECTORY ${GRADLAB_SHARED_DIR}/realworld)
  add_test(NAME ${GRADLAB_TEST_PREFIX}realworld.shared
    COMMAND ${GRADLAB_BASH} ${GRADLAB_REALWORLD_CHECK}
            --expected ${CMAKE_CURRENT_SOURCE_DIR}/realworld/shared_EXPECTED_PASS
            ${GRADLAB_SHARED_DIR}/realworld "${GRADLAB_REALWORLD_CLI}")
  list(APPEND GRADLAB_REALWORLD_TESTS ${GRADLAB_TEST_PREFIX}realworld.shared)
else()
  message(STATUS "realworld.shared not registered: ${GRADLAB_SHARED_DIR}/realworld does not exist")
endif()

# The expected outputs come from PyTorch on OpenBLAS's Haswell kernels, one thread
# (TOOLCHAIN.md); natively gradlab hands large float matmuls to the same OpenBLAS, which
# would otherwise pick this machine's kernels and print their last digits — and training
# loops carry a last-digit difference into every later number.
set_tests_properties(${GRADLAB_REALWORLD_TESTS} PROPERTIES
  LABELS realworld
  TIMEOUT 1800
  SKIP_RETURN_CODE 77
  ENVIRONMENT "GRADLAB_SHARED_DIR=${GRADLAB_SHARED_DIR};OPENBLAS_CORETYPE=Haswell;OPENBLAS_NUM_THREADS=1")
