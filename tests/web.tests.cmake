# The page's tests, in the wasm build only (included by tests/CMakeLists.txt):
#   web.node      node --test tests/node/      the Embind module: golden cases, lesson cells,
#                                               graph descriptions, reset, errors; lesson checks
#   web.page      node tools/build-web.mjs     builds build/web from this build's gradlab_web
#   web.browser   node --test tests/browser/   the page in headless /usr/bin/chromium
# Off by default: `make test-web` runs the same suites through npm. With -DGRADLAB_WEB_TESTS=ON,
# web.page and web.browser need `npm ci` at the repository root and Debian's chromium.
if(EMSCRIPTEN)
  option(GRADLAB_WEB_TESTS "Also run the page's Node and browser tests under ctest (make test-web runs them via npm)" OFF)
  if(GRADLAB_WEB_TESTS)
    find_program(GRADLAB_NODE NAMES node nodejs REQUIRED)
    set(GRADLAB_WEB_ENV "GRADLAB_WASM_DIR=${CMAKE_BINARY_DIR}" "GRADLAB_SHARED_DIR=${GRADLAB_SHARED_DIR}")
    add_test(NAME web.node COMMAND ${GRADLAB_NODE} --test ${CMAKE_SOURCE_DIR}/tests/node/
      WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties(web.node PROPERTIES ENVIRONMENT "${GRADLAB_WEB_ENV}" TIMEOUT 600)
    add_test(NAME web.page COMMAND ${GRADLAB_NODE} tools/build-web.mjs --wasm-dir ${CMAKE_BINARY_DIR}
      WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties(web.page PROPERTIES FIXTURES_SETUP gradlab_web_page TIMEOUT 120)
    add_test(NAME web.browser COMMAND ${GRADLAB_NODE} --test ${CMAKE_SOURCE_DIR}/tests/browser/
      WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties(web.browser PROPERTIES FIXTURES_REQUIRED gradlab_web_page
      ENVIRONMENT "${GRADLAB_WEB_ENV}" TIMEOUT 600 RUN_SERIAL ON)
  endif()
endif()
