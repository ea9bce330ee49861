# CPU-vs-CUDA agreement suite (tests/cuda). Built whenever the CUDA backend is compiled in —
# so CI, which has nvcc but no GPU, still compiles and links it — and run by ctest, where it
# exits 77 without a GPU and shows as skipped, never as passed.
# (The host-side checks that need no GPU live in tests/cpp/test_cuda_host.cpp.)
if(TARGET gradlab_cuda)
  file(GLOB GRADLAB_CUDA_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/cuda/*.cpp)
  add_executable(gradlab_cuda_tests ${GRADLAB_CUDA_TEST_SOURCES})
  target_link_libraries(gradlab_cuda_tests PRIVATE gradlab_engine)
  target_compile_options(gradlab_cuda_tests PRIVATE -Wall -Wextra)
  add_test(NAME cuda.agreement COMMAND gradlab_cuda_tests)
  set_tests_properties(cuda.agreement PROPERTIES SKIP_RETURN_CODE 77 LABELS cuda TIMEOUT 600)
  # The same suite with the CPU backend on both sides: checks the suite itself, no GPU needed.
  add_test(NAME cuda.agreement_suite_cpu_vs_cpu COMMAND gradlab_cuda_tests --cpu-vs-cpu)
  set_tests_properties(cuda.agreement_suite_cpu_vs_cpu PROPERTIES LABELS cuda TIMEOUT 600)
endif()
