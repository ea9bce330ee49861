// Note [PyTorch's float Box–Muller]
// torch.randn and normal_ on a contiguous float32 tensor of 16 or more elements take PyTorch's
// AVX2 path (normal_fill_AVX2): every element first gets a float uniform draw, then each block
// of 16 turns its 8 + 8 uniforms (u1 = 1 - data[j], u2 = data[j + 8]) into 8 + 8 normals with
// radius = sqrt(-2 log u1), theta = 2π u2, data[j] = radius cos theta, data[j + 8] = radius
// sin theta. When the size is not a multiple of 16, the last 16 elements are drawn again and
// recomputed, so they overlap the previous block.
//
// The log and the sincos are not the C library's: they are the Cephes-style polynomials of
// "avx_mathfun" (Pommier's sse_mathfun ported to AVX), evaluated lane by lane, and GCC 12
// compiled them with fused multiply-adds wherever a multiply fed one add. Reproducing the bits
// therefore means evaluating the same polynomial steps with fma exactly where that compiler
// fused them; this file does that in plain scalar C++ (every lane is independent), with the
// fusions written out. tests/cpp/test_random.cpp checks a hash of a million such normals
// against PyTorch's.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>

#include "engine/sleef_math.h"

namespace gradlab::random::box_muller {

// One rounding, in wasm too (sleef_math.h's fma_f: the C library's fmaf rounds twice there).
inline float fma(float a, float b, float c) { return sleef_detail::fma_f(a, b, c); }

inline uint32_t float_bits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}
inline float bits_float(uint32_t u) {
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

// Natural log for u in (0, 1]: Cephes' logf reduction to [sqrt(1/2), sqrt(2)) and its
// degree-8 polynomial.
inline float cephes_log(float x) {
  const bool invalid = !(x > 0.0f);
  if (x < bits_float(0x00800000u)) x = bits_float(0x00800000u);  // no denormals
  int32_t exponent = static_cast<int32_t>(float_bits(x) >> 23) - 0x7f;
  x = bits_float((float_bits(x) & ~0x7f800000u) | float_bits(0.5f));  // mantissa in [0.5, 1)
  float e = static_cast<float>(exponent) + 1.0f;
  const bool small = x < 0.707106781186547524f;
  const float twice = small ? x : 0.0f;
  x = x - 1.0f;
  e = e - (small ? 1.0f : 0.0f);
  x = x + twice;
  const float z = x * x;
  float y = 7.0376836292E-2f;
  y = fma(y, x, -1.1514610310E-1f);
  y = fma(y, x, 1.1676998740E-1f);
  y = fma(y, x, -1.2420140846E-1f);
  y = fma(y, x, 1.4249322787E-1f);
  y = fma(y, x, -1.6668057665E-1f);
  y = fma(y, x, 2.0000714765E-1f);
  y = fma(y, x, -2.4999993993E-1f);
  y = fma(y, x, 3.3333331174E-1f);
  y = y * x;
  y = fma(y, z, e * -2.12194440e-4f);
  y = fma(-z, 0.5f, y);
  x = x + y;
  x = fma(e, 0.693359375f, x);
  return invalid ? NAN : x;
}

// sin and cos of x >= 0 together: Cephes' reduction by π/4 in three parts and its two
// polynomials, each result taking the polynomial and sign its octant calls for.
inline void cephes_sincos(float x_in, float* sin_out, float* cos_out) {
  float x = std::fabs(x_in);
  bool sin_negative = std::signbit(x_in);
  int32_t octant = static_cast<int32_t>(x * 1.27323954473516f);  // 4/π, truncated
  octant = (octant + 1) & ~1;
  const float y = static_cast<float>(octant);
  sin_negative = sin_negative != ((octant & 4) != 0);
  const bool cos_negative = ((~(octant - 2)) & 4) != 0;
  const bool sin_uses_sine_poly = (octant & 2) == 0;
  x = fma(y, -0.78515625f, x);
  x = fma(y, -2.4187564849853515625e-4f, x);
  x = fma(y, -3.77489497744594108e-8f, x);
  const float z = x * x;

  float c = 2.443315711809948E-005f;  // cosine polynomial
  c = fma(c, z, -1.388731625493765E-003f);
  c = fma(c, z, 4.166664568298827E-002f);
  c = c * z;
  c = fma(c, z, -(z * 0.5f));
  c = c + 1.0f;

  float s = -1.9515295891E-4f;  // sine polynomial
  s = fma(s, z, 8.3321608736E-3f);
  s = fma(s, z, -1.6666654611E-1f);
  s = s * z;
  s = fma(s, x, x);

  const float sin_v = sin_uses_sine_poly ? s : c;
  const float cos_v = sin_uses_sine_poly ? c : s;
  *sin_out = sin_negative ? -sin_v : sin_v;
  *cos_out = cos_negative ? -cos_v : cos_v;
}

// Turns 16 uniforms in [0, 1) into 16 normals with the given mean and std, in place.
inline void fill_16(float* data, float mean, float std) {
  const float two_pi = static_cast<float>(2.0 * 3.14159265358979323846);
  for (int j = 0; j < 8; ++j) {
    const float u1 = 1.0f - data[j];
    const float u2 = data[j + 8];
    const float radius = std::sqrt(-2.0f * cephes_log(u1));
    float sin_t, cos_t;
    cephes_sincos(two_pi * u2, &sin_t, &cos_t);
    data[j] = fma(radius * cos_t, std, mean);
    data[j + 8] = fma(radius * sin_t, std, mean);
  }
}

}  // namespace gradlab::random::box_muller
