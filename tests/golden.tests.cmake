# Script-level golden tests: the gradlab CLI must print exactly what PyTorch 1.13.1 printed.
#   golden.shared   — $GRADLAB_SHARED_DIR/golden/cases (the reference cases; ../shared by default)
#   golden.project  — tests/golden/cases (the project's own cases, made by tests/golden/generate.sh)
#   golden.notebook — tests/notebook/seed.ipynb executed with --output, compared with
#                     seed.expected.json (made by tests/notebook/generate_expected.py)
# Natively the CLI is $<TARGET_FILE:gradlab>; in the Emscripten build it is that .js file run by
# Node (-sSINGLE_FILE -sNODERAWFS), and the names carry GRADLAB_TEST_PREFIX (`wasm.golden.shared`)
# like the Catch2 tests. Included from tests/CMakeLists.txt.
if(NOT TARGET gradlab)
  return()
endif()

if(EMSCRIPTEN)
  if(CMAKE_CROSSCOMPILING_EMULATOR)
    list(GET CMAKE_CROSSCOMPILING_EMULATOR 0 GRADLAB_NODE)
  else()
    find_program(GRADLAB_NODE node REQUIRED)
  endif()
  set(GRADLAB_GOLDEN_CLI "${GRADLAB_NODE} $<TARGET_FILE:gradlab>")
  set(GRADLAB_GOLDEN_TIMEOUT 40)  # seconds per case: Node start-up and wasm are slower
else()
  set(GRADLAB_GOLDEN_CLI "$<TARGET_FILE:gradlab>")
  set(GRADLAB_GOLDEN_TIMEOUT 20)
endif()
find_program(GRADLAB_BASH bash REQUIRED)
find_program(GRADLAB_PYTHON3 NAMES python3 REQUIRED)  # the notebook checker uses only `json`

set(GRADLAB_GOLDEN_RUNNER ${CMAKE_CURRENT_SOURCE_DIR}/golden/run_golden.sh)
set(GRADLAB_SHARED_CASES ${GRADLAB_SHARED_DIR}/golden/cases)
set(GRADLAB_GOLDEN_TESTS "")

if(IS_DIRECTORY ${GRADLAB_SHARED_CASES})
  add_test(NAME ${GRADLAB_TEST_PREFIX}golden.shared
    COMMAND ${GRADLAB_BASH} ${GRADLAB_GOLDEN_RUNNER} "${GRADLAB_GOLDEN_CLI}" ${GRADLAB_SHARED_CASES})
  list(APPEND GRADLAB_GOLDEN_TESTS ${GRADLAB_TEST_PREFIX}golden.shared)
else()
  message(STATUS "golden.shared not registered: ${GRADLAB_SHARED_CASES} does not exist")
endif()

add_test(NAME ${GRADLAB_TEST_PREFIX}golden.project
  COMMAND ${GRADLAB_BASH} ${GRADLAB_GOLDEN_RUNNER} "${GRADLAB_GOLDEN_CLI}"
          ${CMAKE_CURRENT_SOURCE_DIR}/golden/cases)
add_test(NAME ${GRADLAB_TEST_PREFIX}golden.notebook
  COMMAND ${GRADLAB_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/notebook/check_notebook.sh
          "${GRADLAB_GOLDEN_CLI}" ${CMAKE_CURRENT_SOURCE_DIR}/notebook/seed.ipynb)
list(APPEND GRADLAB_GOLDEN_TESTS ${GRADLAB_TEST_PREFIX}golden.project
  ${GRADLAB_TEST_PREFIX}golden.notebook)

# The wasm build's known differences (golden/wasm_KNOWN: each case with its reason), reported
# as KNOWN by run_golden.sh rather than as passes.
set(GRADLAB_GOLDEN_ENV "GOLDEN_TIMEOUT=${GRADLAB_GOLDEN_TIMEOUT};PYTHON=${GRADLAB_PYTHON3}")
if(EMSCRIPTEN)
  list(APPEND GRADLAB_GOLDEN_ENV "GOLDEN_KNOWN=${CMAKE_CURRENT_SOURCE_DIR}/golden/wasm_KNOWN")
endif()
set_tests_properties(${GRADLAB_GOLDEN_TESTS} PROPERTIES
  LABELS golden
  TIMEOUT 1200
  ENVIRONMENT "${GRADLAB_GOLDEN_ENV}")

# cuda.golden — every golden case run with `--device cuda` and compared with its CPU run
# (tests/golden/compare_devices.py). Needs a GPU: without one it exits 77 and ctest reports it
# as skipped. Registered only where the CUDA backend is compiled in (never in wasm).
if(TARGET gradlab_cuda AND NOT EMSCRIPTEN)
  set(_cuda_golden_dirs ${CMAKE_CURRENT_SOURCE_DIR}/golden/cases)
  if(IS_DIRECTORY ${GRADLAB_SHARED_CASES})
    list(PREPEND _cuda_golden_dirs ${GRADLAB_SHARED_CASES})
  endif()
  add_test(NAME cuda.golden
    COMMAND ${GRADLAB_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/golden/compare_devices.py
            $<TARGET_FILE:gradlab> ${_cuda_golden_dirs})
  set_tests_properties(cuda.golden PROPERTIES SKIP_RETURN_CODE 77 LABELS "cuda;golden" TIMEOUT 1200)
endif()
