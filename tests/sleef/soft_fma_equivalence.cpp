// Manual check (not in ctest: ~10 minutes): the software-fma arithmetic of engine/sleef_math.h
// (GRADLAB_SLEEF_SOFT_FMA=1, what the wasm build runs) gives the same bits as the hardware-fma
// path (0) for exp, log, sin, cos and tanh on every third float32. Build it twice and compare:
//   for m in 0 1; do g++ -std=c++20 -O2 -march=x86-64-v3 -ffp-contract=off -I. \
//     -DGRADLAB_SLEEF_SOFT_FMA=$m tests/sleef/soft_fma_equivalence.cpp -o /tmp/soft$m; done
//   diff <(/tmp/soft0) <(/tmp/soft1) && echo equivalent
// Last run 2026-11-26: equivalent (digests tanh e29de5d6dab745e6, exp 86f8a474f430e785).
#include "engine/sleef_math.h"
#include <cstdio>
#include <cstring>
#include <cstdint>
template <class F> uint64_t digest(F f, uint32_t step) {
  uint64_t h = 1469598103934665603ull;
  for (uint64_t i = 0; i < (1ull << 32); i += step) {
    uint32_t u = static_cast<uint32_t>(i); float x; std::memcpy(&x, &u, 4);
    float y = f(x); uint32_t b; std::memcpy(&b, &y, 4);
    if (y != y) b = 0x7fc00000u;
    h = (h ^ b) * 1099511628211ull;
  }
  return h;
}
int main() {
  const uint32_t step = 3;
  std::printf("tanh %016llx\n", (unsigned long long)digest([](float x) { return gradlab::sleef_tanhf(x); }, step));
  std::printf("exp %016llx\n", (unsigned long long)digest([](float x) { return gradlab::sleef_expf(x); }, step));
  std::printf("log %016llx\n", (unsigned long long)digest([](float x) { return gradlab::sleef_logf(x); }, step));
  std::printf("sin %016llx\n", (unsigned long long)digest([](float x) { return gradlab::sleef_sinf(x); }, step));
  std::printf("cos %016llx\n", (unsigned long long)digest([](float x) { return gradlab::sleef_cosf(x); }, step));
}
