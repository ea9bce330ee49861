# engine/sleef_math.h against the real SLEEF 3.5.1 library (Sleef_*f8_u10avx2, what PyTorch 1.13
# computes float32 exp/log/sin/cos/tan/tanh/expm1/log1p/erf/erfc/log2/log10/sinh/cosh/asin/acos/atan with): every 7th
# float32 bit pattern plus special values
# and [-100, 100] densely, one ctest per function, zero mismatches required. Native only, and only
# where libsleef is installed (libsleef-dev); exits 77 (skipped) on CPUs without AVX2/FMA.
# The full 2^32 run: build/native/tests/sleef_exhaustive --stride 1 (a few minutes per function).
# The wasm build is checked against PyTorch's own values by tests/cpp/test_sleef_math.cpp.
if(EMSCRIPTEN)
  return()
endif()
find_library(GRADLAB_SLEEF_LIB sleef)
find_path(GRADLAB_SLEEF_INCLUDE sleef.h)
if(NOT GRADLAB_SLEEF_LIB OR NOT GRADLAB_SLEEF_INCLUDE)
  message(STATUS "sleef.* tests not registered: libsleef not found")
  return()
endif()

# The header under test gets the project's ordinary flags; only the SLEEF side is built for AVX2.
add_library(gradlab_sleef_reference STATIC ${CMAKE_CURRENT_LIST_DIR}/sleef/sleef_reference.cpp)
target_include_directories(gradlab_sleef_reference PRIVATE ${CMAKE_SOURCE_DIR} ${GRADLAB_SLEEF_INCLUDE})
target_compile_options(gradlab_sleef_reference PRIVATE -mavx2 -mfma)
target_link_libraries(gradlab_sleef_reference PUBLIC ${GRADLAB_SLEEF_LIB})

add_executable(sleef_exhaustive ${CMAKE_CURRENT_LIST_DIR}/sleef/sleef_exhaustive.cpp)
target_include_directories(sleef_exhaustive PRIVATE ${CMAKE_SOURCE_DIR})
target_compile_options(sleef_exhaustive PRIVATE -Wall -Wextra)
find_package(Threads REQUIRED)
target_link_libraries(sleef_exhaustive PRIVATE gradlab_sleef_reference Threads::Threads)

foreach(fn exp log sin cos tanh expm1 log1p erf log2 log10 sinh cosh tan asin acos atan erfc)
  add_test(NAME sleef.${fn} COMMAND sleef_exhaustive --stride 7 --threads 2 ${fn})
  set_tests_properties(sleef.${fn} PROPERTIES SKIP_RETURN_CODE 77 LABELS sleef TIMEOUT 600
    PROCESSORS 2)
endforeach()

# pow, atan2, hypot: random pairs and every pair of special values, float32 and float64.
add_executable(sleef_pow ${CMAKE_CURRENT_LIST_DIR}/sleef/sleef_pow.cpp)
target_include_directories(sleef_pow PRIVATE ${CMAKE_SOURCE_DIR})
target_compile_options(sleef_pow PRIVATE -Wall -Wextra)
target_link_libraries(sleef_pow PRIVATE gradlab_sleef_reference)
foreach(fn pow atan2 hypot)
  add_test(NAME sleef.${fn} COMMAND sleef_pow --fn ${fn})
  set_tests_properties(sleef.${fn} PROPERTIES SKIP_RETURN_CODE 77 LABELS sleef TIMEOUT 600)
endforeach()
