// Triples for checking that a software fma rounds a*b + c once (test_sleef_math.cpp,
// test_wasm_simd.cpp). Near-tie triples have a known answer: a*b is half an ulp of c times
// (1 - 2^-46), so the exact sum lies a hair inside a tie between c and its neighbour and rounds
// to c, where a plain double sum lands on the tie and rounds to c's even neighbour instead (c's
// mantissa is odd). Random triples have no known answer (want is NaN): natively std::fma is the
// reference, but not in wasm, whose C library fmaf rounds twice there.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

namespace gradlab::testing {

struct FmaCase {
  float a, b, c, want;
};

inline std::vector<FmaCase> fma_cases() {
  std::vector<FmaCase> cases;
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 32);
  };
  const float nan = std::numeric_limits<float>::quiet_NaN();
  for (int i = 0; i < 20000; ++i) {
    const float m = static_cast<float>((next() >> 9) | 0x800001u);  // 24 bits, odd
    const float c = std::ldexp(m, static_cast<int>(next() % 60) - 60);
    const float a = 1.0f + std::ldexp(1.0f, -23);
    const float b = std::ldexp(1.0f - std::ldexp(1.0f, -23), std::ilogb(c) - 24);
    const float signed_c = (next() & 1) ? -c : c;
    cases.push_back({a, (next() & 1) ? -b : b, signed_c, signed_c});
    float r[3];
    for (float& v : r) {
      const uint32_t bits = next();
      std::memcpy(&v, &bits, sizeof v);
    }
    cases.push_back({r[0], r[1], r[2], nan});
  }
  return cases;
}

}  // namespace gradlab::testing
