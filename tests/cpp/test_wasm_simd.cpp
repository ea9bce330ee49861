// engine/sleef_wasm_simd.h: the wasm build's SIMD lanes for sleef_math.h's float functions must
// give the scalar code's bits. Built and registered only in the wasm build (files named
// test_wasm_*.cpp; see tests/CMakeLists.txt). The tanh kernel is also swept over the float32
// range through the backend in test_cpu_backend.cpp, in every build.
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <vector>

#include "engine/sleef_math.h"
#include "engine/sleef_wasm_simd.h"
#include "tests/cpp/fma_cases.h"
#include "tests/cpp/test_support.h"

using gradlab::sleef_detail::FV;
using gradlab::testing::same_value;

TEST_CASE("wasm simd: fma lanes round once, like the scalar fma_f") {
  const auto cases = gradlab::testing::fma_cases();
  size_t bad = 0, bad_ties = 0;
  for (size_t i = 0; i + 8 <= cases.size(); i += 8) {
    float a[8], b[8], c[8], got[8];
    for (size_t k = 0; k < 8; ++k) {
      a[k] = cases[i + k].a;
      b[k] = cases[i + k].b;
      c[k] = cases[i + k].c;
    }
    fma_f(FV<2>::load(a), FV<2>::load(b), FV<2>::load(c)).store(got);
    for (size_t k = 0; k < 8; ++k) {
      bad += !same_value(got[k], gradlab::sleef_detail::fma_f(a[k], b[k], c[k]));
      if (cases[i + k].want == cases[i + k].want) bad_ties += !same_value(got[k], cases[i + k].want);
    }
  }
  CHECK(cases.size() == 40000);
  CHECK(bad == 0);
  CHECK(bad_ties == 0);
}

TEST_CASE("wasm simd: tanh lanes give the scalar bits, 4 and 8 at a time and in the tail") {
  // Every 65537th bit pattern, in runs whose lengths leave 0..7 elements for the tail.
  std::vector<float> x;
  for (uint64_t u = 0; u < (uint64_t{1} << 32); u += 65537) {
    const uint32_t bits = static_cast<uint32_t>(u);
    float f;
    std::memcpy(&f, &bits, sizeof f);
    x.push_back(f);
  }
  size_t bad = 0;
  std::vector<float> out(x.size());
  for (size_t len = 1; len <= 16; ++len) {
    for (size_t start = 0; start + len <= x.size(); start += len) gradlab::sleef_tanhf_simd(&x[start], &out[start], len);
    for (size_t i = 0; i < x.size() / len * len; ++i) bad += !same_value(out[i], gradlab::sleef_tanhf(x[i]));
  }
  CHECK(x.size() == 65536);
  CHECK(bad == 0);
}
