// The CPU backend's primitives checked directly against naive loops, for the backend contract
// the engine does not exercise through its ops today (the CUDA agreement suite compares the
// GPU with these results, so they must be right on their own).
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "engine/backend/backend.h"
#include "engine/backend/cpu/elementwise_loops.h"
#include "engine/sleef_math.h"
#include "tests/cpp/fma_cases.h"
#include "tests/cpp/test_support.h"

using namespace gradlab;
using gradlab::testing::same_value;

TEST_CASE("cpu reduce Max over several dims keeps the other dims", "[backend]") {
  Backend& cpu = backend_for(Device{DeviceType::CPU, 0});
  const Shape in{5, 6, 7};
  std::vector<double> x(5 * 6 * 7);
  for (size_t i = 0; i < x.size(); ++i) x[i] = std::sin(1.7 * static_cast<double>(i) + 0.3);

  std::vector<double> want(6, -1e300);
  for (int a = 0; a < 5; ++a)
    for (int b = 0; b < 6; ++b)
      for (int c = 0; c < 7; ++c) want[b] = std::max(want[b], x[(a * 6 + b) * 7 + c]);
  std::vector<double> got(6, 0.0);
  cpu.reduce(ReduceOp::Max, DType::Float64, x.data(), in, got.data(), Shape{1, 6, 1});
  CHECK(got == want);

  // The other pattern: reduced dims inside and outside two kept ones ([1, 6, 7] -> [1, 6, 1]
  // is one dim; [5, 6, 7] -> [5, 1, 1] is an inner run).
  std::vector<double> rows(5, -1e300);
  for (int a = 0; a < 5; ++a)
    for (int i = 0; i < 42; ++i) rows[a] = std::max(rows[a], x[a * 42 + i]);
  std::vector<double> got_rows(5, 0.0);
  cpu.reduce(ReduceOp::Max, DType::Float64, x.data(), in, got_rows.data(), Shape{5, 1, 1});
  CHECK(got_rows == rows);

  // A NaN wins its slot, as in torch.amax, and only its slot.
  x[(2 * 6 + 4) * 7 + 3] = std::numeric_limits<double>::quiet_NaN();
  cpu.reduce(ReduceOp::Max, DType::Float64, x.data(), in, got.data(), Shape{1, 6, 1});
  CHECK(std::isnan(got[4]));
  for (int b : {0, 1, 2, 3, 5}) CHECK(got[b] == want[b]);
}

// Large element-wise primitives run through the wide-vector builds (Note [Wide vectors for fused
// programs]); every lane must give the bits of the scalar code (the functor, or for sigmoid, pow,
// sin and cos the loop that knows each element's position, Note [Position in the run]), for every
// primitive, on inputs from all over the number line (and NaN, inf, -0, subnormals).
template <class T>
std::vector<T> wide_inputs(size_t n) {
  std::vector<T> v(n);
  uint64_t state = 0x9E3779B97F4A7C15ull;
  for (size_t i = 0; i < n; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    const double magnitude = std::ldexp(static_cast<double>(state >> 40) / double(1 << 24), static_cast<int>((state >> 8) % 40) - 20);
    v[i] = static_cast<T>((state & 1) ? -magnitude : magnitude);
  }
  const T special[] = {T(0), -T(0), std::numeric_limits<T>::infinity(), -std::numeric_limits<T>::infinity(),
                       std::numeric_limits<T>::quiet_NaN(), std::numeric_limits<T>::denorm_min(), T(88.7), T(-104.5),
                       T(1e30), T(-1e30), T(9.0), T(-8.7)};
  for (size_t i = 0; i < std::size(special); ++i) v[i * 97] = special[i];
  return v;
}


template <class T>
void check_wide_primitives() {
  Backend& cpu = backend_for(Device{DeviceType::CPU, 0});
  const DType t = std::is_same_v<T, float> ? DType::Float32 : DType::Float64;
  const size_t n = 40000;
  const std::vector<T> x = wide_inputs<T>(n), y = wide_inputs<T>(n + 13);
  std::vector<T> out(n), ref(n);
#define GRADLAB_UNARY_CASE(name, expr)                                                         \
  {                                                                                            \
    cpu.unary(UnaryOp::name, t, x.data(), out.data(), static_cast<int64_t>(n), 2.5, 0.5);      \
    const UnaryFn<UnaryOp::name> fn{2.5, 0.5};                                                 \
    cpu::unary_in_run<T>(fn, x.data(), ref.data(), 0, static_cast<int64_t>(n), static_cast<int64_t>(n)); \
    size_t bad = 0;                                                                            \
    for (size_t i = 0; i < n; ++i) bad += !same_value(out[i], ref[i]);                         \
    INFO("unary " #name);                                                                      \
    CHECK(bad == 0);                                                                           \
  }
  GRADLAB_UNARY_PRIMITIVES(GRADLAB_UNARY_CASE)
#undef GRADLAB_UNARY_CASE
#define GRADLAB_BINARY_CASE(name, expr)                                                                   \
  {                                                                                                       \
    cpu.binary_same_shape(BinaryOp::name, t, x.data(), y.data() + 13, out.data(), Shape{int64_t(n)}, 2.5); \
    const BinaryFn<BinaryOp::name> fn{2.5};                                                               \
    const T* xs = x.data();                                                                               \
    const T* ys = y.data() + 13;                                                                          \
    cpu::binary_in_run<T>(fn, [xs](int64_t i) { return xs[i]; }, [ys](int64_t i) { return ys[i]; }, ref.data(), 0, \
                          static_cast<int64_t>(n), static_cast<int64_t>(n));                              \
    size_t bad = 0;                                                                                       \
    for (size_t i = 0; i < n; ++i) bad += !same_value(out[i], ref[i]);                                    \
    INFO("binary " #name);                                                                                \
    CHECK(bad == 0);                                                                                      \
  }
  GRADLAB_BINARY_PRIMITIVES(GRADLAB_BINARY_CASE)
#undef GRADLAB_BINARY_CASE
}

TEST_CASE("cpu wide-vector unary and binary primitives give the scalar bits", "[backend]") {
  SECTION("float32") { check_wide_primitives<float>(); }
  SECTION("float64") { check_wide_primitives<double>(); }
}

// tanh has its own lanes in the wasm build (engine/sleef_wasm_simd.h); sweep the whole float32
// range, every 4093rd bit pattern, through the kernel a large tensor takes.
TEST_CASE("cpu float32 tanh kernel gives the scalar bits across the float32 range", "[backend]") {
  Backend& cpu = backend_for(Device{DeviceType::CPU, 0});
  std::vector<float> x;
  for (uint64_t u = 0; u < (uint64_t{1} << 32); u += 4093) {
    float f;
    const uint32_t bits = static_cast<uint32_t>(u);
    std::memcpy(&f, &bits, sizeof f);
    x.push_back(f);
  }
  std::vector<float> out(x.size());
  cpu.unary(UnaryOp::Tanh, DType::Float32, x.data(), out.data(), static_cast<int64_t>(x.size()), 0, 0);
  size_t bad = 0;
  for (size_t i = 0; i < x.size(); ++i) bad += !same_value(out[i], sleef_tanhf(x[i]));
  CHECK(x.size() > 1000000);
  CHECK(bad == 0);
}

// Note [Matmul rounding]: a small product is a chain of fmas, each rounded once, in every build
// (wasm's C library fmaf rounds twice). Each row here is [c, a] · [1, b] with a*b half an ulp
// of c times (1 - 2^-46): exactly c, where a double-rounded last step gives c's even neighbour.
TEST_CASE("cpu small float32 matmul rounds each multiply-add once", "[backend]") {
  Backend& cpu = backend_for(Device{DeviceType::CPU, 0});
  size_t rows = 0, bad = 0;
  for (const gradlab::testing::FmaCase& k : gradlab::testing::fma_cases()) {
    if (k.want != k.want) continue;  // near-tie cases only
    const float a[2] = {k.c, k.a}, b[2] = {1.0f, k.b};
    float c = 0;
    cpu.matmul(DType::Float32, a, b, &c, 1, 1, 2, false, false);
    bad += !same_value(c, k.want);
    if (++rows == 2000) break;
  }
  CHECK(rows == 2000);
  CHECK(bad == 0);
}
