// The rounding and wrapping behind the narrow dtypes (Note [Narrow dtypes] in engine/dtype.h):
// float16 against the compiler's own _Float16 conversion and against the exact midpoints of
// every pair of neighbouring halves, bfloat16 against a nearest-value search, integer wrapping,
// and the engine applying them to results.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "engine/narrow_values.h"
#include "engine/tensor.h"

using namespace gradlab;

namespace {
// The magnitude nearest to m among lower < upper, ties to `lower` when its bit pattern is even
// (a reference independent of the bit tricks under test).
double nearest_of(double m, double lower, double upper, bool lower_even) {
  const double dl = m - lower, du = upper - m;
  if (dl < du) return lower;
  if (du < dl) return upper;
  return lower_even ? lower : upper;
}
}  // namespace

TEST_CASE("every float16 value converts to float and back unchanged", "[narrow]") {
  for (uint32_t h = 0; h < 0x10000u; ++h) {
    const auto bits = static_cast<uint16_t>(h);
    const float f = half_bits_to_float(bits);
    if (std::isnan(f)) {
      CHECK(std::isnan(round_to_half(f)));
      continue;
    }
    REQUIRE(float_to_half_bits(f) == bits);
  }
}

TEST_CASE("float16 rounds the midpoints between neighbours to even and the floats beside them to the nearer",
          "[narrow]") {
  // Positive finite halves h and h+1 (in bits): their midpoint is exact in float.
  for (uint32_t h = 0; h < 0x7bffu; ++h) {
    const float lo = half_bits_to_float(static_cast<uint16_t>(h));
    const float hi = half_bits_to_float(static_cast<uint16_t>(h + 1));
    const float mid = static_cast<float>((static_cast<double>(lo) + hi) / 2);
    REQUIRE(static_cast<double>(mid) == (static_cast<double>(lo) + hi) / 2);
    const float even = (h % 2 == 0) ? lo : hi;
    REQUIRE(round_to_half(mid) == even);
    REQUIRE(round_to_half(-mid) == -even);
    REQUIRE(round_to_half(std::nextafter(mid, 0.0f)) == lo);
    REQUIRE(round_to_half(std::nextafter(mid, 1e9f)) == hi);
  }
  // Past the largest finite half (65504) the boundary to inf is 65520.
  CHECK(round_to_half(65519.996f) == 65504.0f);
  CHECK(std::isinf(round_to_half(65520.0f)));
  CHECK(std::isinf(round_to_half(-1e10f)));
  CHECK(round_to_half(std::numeric_limits<float>::denorm_min()) == 0.0f);
  CHECK(std::signbit(round_to_half(-1e-30f)));
  CHECK(std::isnan(round_to_half(std::nanf(""))));
}

TEST_CASE("float16 rounding matches the compiler's _Float16 conversion", "[narrow]") {
#ifndef __FLT16_MAX__
  WARN("this compiler has no _Float16: float16 rounding is checked against the midpoint and round-trip cases instead");
#else
  // Every 1009th float bit pattern (4.3 million, all exponents and signs).
  for (uint64_t u = 0; u <= 0xffffffffull; u += 1009) {
    const float f = bits_float(static_cast<uint32_t>(u));
    if (std::isnan(f)) continue;
    const _Float16 h = static_cast<_Float16>(f);
    uint16_t want;
    std::memcpy(&want, &h, sizeof want);
    REQUIRE(float_to_half_bits(f) == want);
  }
#endif
}

TEST_CASE("bfloat16 rounds to the nearest value, ties to even", "[narrow]") {
  for (uint64_t u = 0; u <= 0xffffffffull; u += 997) {
    const uint32_t x = static_cast<uint32_t>(u);
    const float f = bits_float(x);
    if (std::isnan(f)) {
      REQUIRE(std::isnan(round_to_bfloat16(f)));
      continue;
    }
    if (std::isinf(f)) {
      REQUIRE(round_to_bfloat16(f) == f);
      continue;
    }
    // Magnitudes: the bfloat16 below (the upper bits) and the one above; past the largest
    // finite value the one above is 2^128, which stands for inf.
    const uint32_t below = x & 0x7fff0000u;
    const double lower = bits_float(below);
    const double upper = below + 0x10000u >= 0x7f800000u ? std::ldexp(1.0, 128) : bits_float(below + 0x10000u);
    double magnitude = nearest_of(std::fabs(static_cast<double>(f)), lower, upper, (below >> 16) % 2 == 0);
    if (magnitude == std::ldexp(1.0, 128)) magnitude = std::numeric_limits<double>::infinity();
    const float want = static_cast<float>(std::signbit(f) ? -magnitude : magnitude);
    REQUIRE(round_to_bfloat16(f) == want);
  }
}

TEST_CASE("integers wrap to their dtype's width", "[narrow]") {
  CHECK(wrap_integer(128, DType::Int8) == -128);
  CHECK(wrap_integer(-129, DType::Int8) == 127);
  CHECK(wrap_integer(-1, DType::UInt8) == 255);
  CHECK(wrap_integer(256 + 7, DType::UInt8) == 7);
  CHECK(wrap_integer(32768, DType::Int16) == -32768);
  CHECK(wrap_integer(int64_t{1} << 31, DType::Int32) == std::numeric_limits<int32_t>::min());
  CHECK(wrap_integer(int64_t{1} << 40, DType::Int64) == int64_t{1} << 40);
}

TEST_CASE("ops narrow their results once", "[narrow]") {
  Tensor i8 = from_vector({127, -128}, {2}, TensorOptions{DType::Int8});
  CHECK(add(i8, Scalar(int64_t{1})).to_int64s() == std::vector<int64_t>{-128, -127});
  Tensor u8 = from_vector({0, 200}, {2}, TensorOptions{DType::UInt8});
  CHECK(add(u8, u8).to_int64s() == std::vector<int64_t>{0, 144});
  Tensor h = from_vector({0.1, 2049}, {2}, TensorOptions{DType::Float16});
  CHECK(h.to_doubles() == std::vector<double>{round_to_half(0.1f), 2048.0});
  Tensor sum = add(h, h);
  CHECK(sum.dtype() == DType::Float16);
  CHECK(sum.to_doubles()[0] == round_to_half(2 * round_to_half(0.1f)));
  CHECK(dtype_itemsize(DType::Int16) == 2);
}
