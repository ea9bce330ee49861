// gradlab_cuda_tests: CPU-vs-CUDA agreement, first primitive by primitive (backend level),
// then op by op through the Tensor API (forward and backward), eagerly and with every
// element-wise op deferred into fused programs.
//
// Without a usable GPU it prints "SKIPPED: no CUDA device: <reason>" and exits 77, which ctest
// reports as skipped (SKIP_RETURN_CODE 77) — never as passed.
//
// `gradlab_cuda_tests --cpu-vs-cpu` runs the same suite with the CPU backend on both sides. It
// needs no GPU, so CI runs it too: it checks the suite itself (every case runs, inputs stay in
// each op's domain, the op-table coverage is complete) before a GPU ever runs it.
#include <cstdio>
#include <cstring>
#include <string>

#include "engine/backend/backend.h"
#include "engine/deferred.h"
#include "engine/error.h"
#include "tests/cuda/check.h"

namespace gradlab::cuda_test {
void run_backend_agreement(Report& report, Backend& cpu, Backend& gpu, bool cuda_allocator);
void run_tensor_agreement(Report& report, Device other, const std::string& prefix);
}  // namespace gradlab::cuda_test

int main(int argc, char** argv) {
  using namespace gradlab;
  const bool cpu_vs_cpu = argc > 1 && std::strcmp(argv[1], "--cpu-vs-cpu") == 0;
  if (!cpu_vs_cpu && cuda_device_count() == 0) {
    std::printf("SKIPPED: no CUDA device: %s\n", cuda_unavailable_reason().c_str());
    return 77;
  }
  const Device other = cpu_vs_cpu ? Device{DeviceType::CPU, 0} : Device{DeviceType::CUDA, 0};
  cuda_test::Report report;
  try {
    Backend& cpu = backend_for(Device{DeviceType::CPU, 0});
    Backend& gpu = backend_for(other);
    cuda_test::run_backend_agreement(report, cpu, gpu, !cpu_vs_cpu);
    cuda_test::run_tensor_agreement(report, other, "tensor/");
    // Again with every element-wise op deferred (Note [Deferred element-wise ops]), so the
    // fused programs run on both devices for the whole op table, forward and backward.
    const int64_t previous = deferred::set_min_numel(1);
    cuda_test::run_tensor_agreement(report, other, "deferred/");
    deferred::set_min_numel(previous);
  } catch (const std::exception& e) {
    report.fail("setup", e.what());
  }
  std::printf("%s: %d checks, %d failed (cpu vs %s)\n", report.failures ? "FAILED" : "PASSED", report.checks,
              report.failures, other.str().c_str());
  return report.failures ? 1 : 0;
}
