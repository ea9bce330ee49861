// Float32 exp, log, sin, cos and tanh that round exactly like PyTorch 1.13 on the CPU.
//
// PyTorch computes these element-wise ops with SLEEF 3.5.1's vectorised 1-ulp functions
// (Sleef_expf8_u10 and friends, AVX2 variant), not with libm, and about one result in ten
// differs from glibc in the last bit — which shows up in `.item()`. This header re-implements
// those five SLEEF functions in plain scalar C++ so that the native, WebAssembly and CUDA builds
// all produce SLEEF's bits: the same range reduction, constants, polynomials and operation order
// as SLEEF's AVX2 build, with std::fma exactly where that build issues an FMA instruction
// (std::fma is exact on every target: an instruction, or libm's software fma in wasm).
//
// How the pieces map to SLEEF (src/libm/sleefsimdsp.c, df.h, rempitab.c of SLEEF 3.5.1):
//   sleef_expf  = xexpf                       sleef_logf  = xlogf_u1
//   sleef_sinf  = xsinf_u1 (deterministic)    sleef_cosf  = xcosf_u1 (deterministic)
//   sleef_tanhf = xtanhf
// Sleef_sinf8_u10avx2 / cosf8 are SLEEF's "deterministic" builds, which pick the reduction per
// lane (|x| < 125: Cody-Waite, otherwise Payne-Hanek), so the scalar versions here match each
// lane whatever its neighbours hold.
//
// Everything is exact-rounding sensitive: the compiler must not contract a*b+c into an fma on its
// own (nvcc: --fmad=false; clang: the pragma below; GCC: x86-64 and wasm have no fma instruction
// by default, elsewhere build with -ffp-contract=off). tests/sleef checks all 2^32 inputs
// against libsleef; tests/cpp/test_sleef_math.cpp checks PyTorch's own outputs in every build.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#ifndef GRADLAB_HD
#if defined(__CUDACC__)
#define GRADLAB_HD __host__ __device__ __forceinline__
#else
#define GRADLAB_HD inline
#endif
#endif

// Clang contracts a*b+c when -ffp-contract allows it; turn that off inside each function body.
#if defined(__clang__)
#define GRADLAB_SLEEF_NO_CONTRACT _Pragma("clang fp contract(off)")
#else
#define GRADLAB_SLEEF_NO_CONTRACT
#endif

namespace gradlab {
namespace sleef_detail {

// ---- bit-level helpers: the AVX2 instructions SLEEF uses, as scalar C++ ----------------------

GRADLAB_HD uint32_t bits_of(float f) {
#if defined(__CUDA_ARCH__)
  return __float_as_uint(f);
#else
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
#endif
}

GRADLAB_HD float float_of(uint32_t u) {
#if defined(__CUDA_ARCH__)
  return __uint_as_float(u);
#else
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
#endif
}

GRADLAB_HD float fma_f(float a, float b, float c) { return std::fma(a, b, c); }

// vcvtps2dq: round to nearest even; NaN and out-of-range values give INT32_MIN (x86's
// "integer indefinite"), where a plain C++ cast would be undefined.
GRADLAB_HD int32_t rint_i32(float x) {
  float r = std::rint(x);
  if (!(r >= -2147483648.0f && r < 2147483648.0f)) return INT32_MIN;
  return static_cast<int32_t>(r);
}

// vcvttps2dq: truncation, same out-of-range rule.
GRADLAB_HD int32_t trunc_i32(float x) {
  float r = std::trunc(x);
  if (!(r >= -2147483648.0f && r < 2147483648.0f)) return INT32_MIN;
  return static_cast<int32_t>(r);
}

// 2^q built from its exponent field (q in [-126, 127]; other q give what the bit pattern gives,
// as in SLEEF — callers mask those results). Unsigned arithmetic: no signed-overflow UB.
GRADLAB_HD float pow2i(int32_t q) {
  return float_of((static_cast<uint32_t>(q) + 0x7fu) << 23);
}

// d * 2^e in two steps, so that e down to -252 or up to 254 works without overflow in pow2i.
GRADLAB_HD float ldexp2k(float d, int32_t e) {
  GRADLAB_SLEEF_NO_CONTRACT
  return d * pow2i(e >> 1) * pow2i(e - (e >> 1));
}

// d * 2^q by adding q to the exponent field (caller guarantees no over/underflow).
GRADLAB_HD float ldexp3k(float d, int32_t q) {
  return float_of(bits_of(d) + (static_cast<uint32_t>(q) << 23));
}

// Unbiased exponent field of d (sign ignored; subnormals read as -127).
GRADLAB_HD int32_t ilogb2k(float d) {
  return static_cast<int32_t>((bits_of(d) >> 23) & 0xffu) - 0x7f;
}

GRADLAB_HD float mulsign(float x, float y) {  // x with its sign flipped where y is negative
  return float_of(bits_of(x) ^ (bits_of(y) & 0x80000000u));
}

GRADLAB_HD bool is_nan(float x) { return x != x; }
GRADLAB_HD bool is_inf(float x) { return x == INFINITY || x == -INFINITY; }

// ---- double-float arithmetic (SLEEF's df.h, FMA flavour) --------------------------------------
// A value is x + y with |y| <= ulp(x)/2. Names follow SLEEF: dfadd (caller knows |a| >= |b|),
// dfadd2 (no ordering assumption), suffixes say which operands are pairs (2) or floats (1).

struct F2 {
  float x, y;
};

GRADLAB_HD F2 df_normalize(F2 t) {
  GRADLAB_SLEEF_NO_CONTRACT
  float s = t.x + t.y;
  return {s, (t.x - s) + t.y};
}
GRADLAB_HD F2 df_scale(F2 d, float s) { return {d.x * s, d.y * s}; }
GRADLAB_HD F2 df_neg(F2 d) { return {-d.x, -d.y}; }

GRADLAB_HD F2 dfadd_11(float x, float y) {
  GRADLAB_SLEEF_NO_CONTRACT
  float s = x + y;
  return {s, (x - s) + y};
}
GRADLAB_HD F2 dfadd2_11(float x, float y) {
  GRADLAB_SLEEF_NO_CONTRACT
  float s = x + y;
  float v = s - x;
  return {s, (x - (s - v)) + (y - v)};
}
GRADLAB_HD F2 dfadd_21(F2 x, float y) {
  GRADLAB_SLEEF_NO_CONTRACT
  float s = x.x + y;
  return {s, ((x.x - s) + y) + x.y};
}
GRADLAB_HD F2 dfadd2_21(F2 x, float y) {
  GRADLAB_SLEEF_NO_CONTRACT
  float s = x.x + y;
  float v = s - x.x;
  float t = (x.x - (s - v)) + (y - v);
  return {s, t + x.y};
}
GRADLAB_HD F2 dfadd_12(float x, F2 y) {
  GRADLAB_SLEEF_NO_CONTRACT
  float s = x + y.x;
  return {s, ((x - s) + y.x) + y.y};
}
GRADLAB_HD F2 dfadd_22(F2 x, F2 y) {
  GRADLAB_SLEEF_NO_CONTRACT
  float s = x.x + y.x;
  return {s, (((x.x - s) + y.x) + x.y) + y.y};
}
GRADLAB_HD F2 dfadd2_22(F2 x, F2 y) {
  GRADLAB_SLEEF_NO_CONTRACT
  float s = x.x + y.x;
  float v = s - x.x;
  float t = (x.x - (s - v)) + (y.x - v);
  return {s, t + (x.y + y.y)};
}

// Products: the fma recovers the exact rounding error of the leading product.
GRADLAB_HD F2 dfmul_11(float x, float y) {
  GRADLAB_SLEEF_NO_CONTRACT
  float s = x * y;
  return {s, fma_f(x, y, -s)};
}
GRADLAB_HD F2 dfmul_21(F2 x, float y) {
  GRADLAB_SLEEF_NO_CONTRACT
  float s = x.x * y;
  return {s, fma_f(x.y, y, fma_f(x.x, y, -s))};
}
GRADLAB_HD F2 dfmul_22(F2 x, F2 y) {
  GRADLAB_SLEEF_NO_CONTRACT
  float s = x.x * y.x;
  return {s, fma_f(x.x, y.y, fma_f(x.y, y.x, fma_f(x.x, y.x, -s)))};
}
GRADLAB_HD float dfmul_22_to1(F2 x, F2 y) {  // the product rounded to one float
  GRADLAB_SLEEF_NO_CONTRACT
  return fma_f(x.x, y.x, fma_f(x.y, y.x, x.x * y.y));
}
GRADLAB_HD F2 dfsqu_2(F2 x) {
  GRADLAB_SLEEF_NO_CONTRACT
  float s = x.x * x.x;
  return {s, fma_f(x.x + x.x, x.y, fma_f(x.x, x.x, -s))};
}
GRADLAB_HD F2 dfrec_2(F2 d) {  // 1 / d
  GRADLAB_SLEEF_NO_CONTRACT
  float s = 1.0f / d.x;
  return {s, s * fma_f(-d.y, s, fma_f(-d.x, s, 1.0f))};
}
GRADLAB_HD F2 dfdiv_22(F2 n, F2 d) {  // n / d
  GRADLAB_SLEEF_NO_CONTRACT
  float t = 1.0f / d.x;
  float s = n.x * t;
  float u = fma_f(t, n.x, -s);
  float v = fma_f(-d.y, t, fma_f(-d.x, t, 1.0f));
  return {s, fma_f(s, v, fma_f(n.y, t, u))};
}

// ---- Payne-Hanek reduction for |x| >= 125 (SLEEF's rempif) ------------------------------------

// Row i (used for arguments with binary exponent i + 25) holds 1/(2*pi) without the bits that
// would only add whole turns, in four float words; rows from 66 on are scaled by 2^64 for
// arguments pre-scaled by 2^-64. Generated by tests/sleef/gen_rempi_table.py.
#define GRADLAB_SLEEF_REMPI_TABLE \
  0x1.45f306p-3f, 0x1.b9391p-28f, 0x1.529fc2p-54f, 0x1.d5f47ep-80f, \
  0x1.17cc1cp-5f, -0x1.1b1bbep-30f, -0x1.5ac07cp-55f, 0x1.d5f47ep-80f, \
  0x1.17cc1cp-5f, -0x1.1b1bbep-30f, -0x1.5ac07cp-55f, 0x1.d5f47ep-80f, \
  0x1.7cc1b8p-9f, -0x1.b1bbeap-34f, -0x1.ac07b2p-59f, 0x1.5f47d4p-84f, \
  0x1.7cc1b8p-9f, -0x1.b1bbeap-34f, -0x1.ac07b2p-59f, 0x1.5f47d4p-84f, \
  0x1.7cc1b8p-9f, -0x1.b1bbeap-34f, -0x1.ac07b2p-59f, 0x1.5f47d4p-84f, \
  0x1.7cc1b8p-9f, -0x1.b1bbeap-34f, -0x1.ac07b2p-59f, 0x1.5f47d4p-84f, \
  0x1.f306dcp-11f, 0x1.391054p-36f, 0x1.4fe13ap-61f, 0x1.7d1f54p-86f, \
  0x1.f306dcp-11f, 0x1.391054p-36f, 0x1.4fe13ap-61f, 0x1.7d1f54p-86f, \
  0x1.e60dbap-12f, -0x1.8ddf56p-37f, -0x1.603d8ap-62f, -0x1.05c15ap-87f, \
  0x1.cc1b72p-13f, 0x1.c882a6p-39f, -0x1.80f62ap-64f, -0x1.70565ap-93f, \
  0x1.9836e4p-14f, 0x1.c882a6p-39f, -0x1.80f62ap-64f, -0x1.70565ap-93f, \
  0x1.306dcap-15f, -0x1.bbead6p-42f, -0x1.ec5418p-73f, 0x1.f534dep-98f, \
  0x1.836e4ep-18f, 0x1.1054a8p-44f, -0x1.ec5418p-73f, 0x1.f534dep-98f, \
  0x1.836e4ep-18f, 0x1.1054a8p-44f, -0x1.ec5418p-73f, 0x1.f534dep-98f, \
  0x1.836e4ep-18f, 0x1.1054a8p-44f, -0x1.ec5418p-73f, 0x1.f534dep-98f, \
  0x1.06dc9cp-19f, 0x1.1054a8p-44f, -0x1.ec5418p-73f, 0x1.f534dep-98f, \
  0x1.b72722p-25f, 0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, \
  0x1.b72722p-25f, 0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, \
  0x1.b72722p-25f, 0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, \
  0x1.b72722p-25f, 0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, \
  0x1.b72722p-25f, 0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, \
  0x1.b72722p-25f, 0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, \
  0x1.6e4e44p-26f, 0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, \
  0x1.b9391p-28f, 0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, \
  0x1.b9391p-28f, 0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, \
  0x1.72722p-29f, 0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, \
  0x1.c9c882p-31f, 0x1.4a7f0ap-56f, -0x1.505c16p-83f, 0x1.a6ee06p-109f, \
  0x1.c9c882p-31f, 0x1.4a7f0ap-56f, -0x1.505c16p-83f, 0x1.a6ee06p-109f, \
  0x1.939106p-32f, -0x1.6b01ecp-57f, -0x1.505c16p-83f, 0x1.a6ee06p-109f, \
  0x1.27220ap-33f, 0x1.29fc28p-58f, -0x1.505c16p-83f, 0x1.a6ee06p-109f, \
  0x1.391054p-36f, 0x1.4fe13ap-61f, 0x1.7d1f54p-86f, -0x1.6447e4p-111f, \
  0x1.391054p-36f, 0x1.4fe13ap-61f, 0x1.7d1f54p-86f, -0x1.6447e4p-111f, \
  0x1.391054p-36f, 0x1.4fe13ap-61f, 0x1.7d1f54p-86f, -0x1.6447e4p-111f, \
  0x1.c882a6p-39f, -0x1.80f62ap-64f, -0x1.70565ap-93f, 0x1.dc0db6p-118f, \
  0x1.c882a6p-39f, -0x1.80f62ap-64f, -0x1.70565ap-93f, 0x1.dc0db6p-118f, \
  0x1.c882a6p-39f, -0x1.80f62ap-64f, -0x1.70565ap-93f, 0x1.dc0db6p-118f, \
  0x1.91054ap-40f, 0x1.fc2758p-66f, -0x1.70565ap-93f, 0x1.dc0db6p-118f, \
  0x1.220a94p-41f, 0x1.fc2758p-66f, -0x1.70565ap-93f, 0x1.dc0db6p-118f, \
  0x1.1054a8p-44f, -0x1.ec5418p-73f, 0x1.f534dep-98f, -0x1.f924ecp-125f, \
  0x1.1054a8p-44f, -0x1.ec5418p-73f, 0x1.f534dep-98f, -0x1.f924ecp-125f, \
  0x1.1054a8p-44f, -0x1.ec5418p-73f, 0x1.f534dep-98f, -0x1.f924ecp-125f, \
  0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534dep-98f, -0x1.f924ecp-125f, \
  0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534dep-98f, -0x1.f924ecp-125f, \
  0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534dep-98f, -0x1.f924ecp-125f, \
  0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534dep-98f, -0x1.f924ecp-125f, \
  0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, 0x1.b6c54p-131f, \
  0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, 0x1.b6c54p-131f, \
  0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, 0x1.b6c54p-131f, \
  0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, 0x1.b6c54p-131f, \
  0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, 0x1.b6c54p-131f, \
  0x1.529fc2p-54f, 0x1.d5f47ep-80f, -0x1.65912p-105f, 0x1.b6c54p-131f, \
  0x1.4a7f0ap-56f, -0x1.505c16p-83f, 0x1.a6ee06p-109f, 0x1.b62ap-134f, \
  0x1.4a7f0ap-56f, -0x1.505c16p-83f, 0x1.a6ee06p-109f, 0x1.b62ap-134f, \
  0x1.29fc28p-58f, -0x1.505c16p-83f, 0x1.a6ee06p-109f, 0x1.b62ap-134f, \
  0x1.29fc28p-58f, -0x1.505c16p-83f, 0x1.a6ee06p-109f, 0x1.b62ap-134f, \
  0x1.4fe13ap-61f, 0x1.7d1f54p-86f, -0x1.6447e4p-111f, -0x1.2758p-136f, \
  0x1.4fe13ap-61f, 0x1.7d1f54p-86f, -0x1.6447e4p-111f, -0x1.2758p-136f, \
  0x1.4fe13ap-61f, 0x1.7d1f54p-86f, -0x1.6447e4p-111f, -0x1.2758p-136f, \
  0x1.3f84eap-63f, 0x1.f47d4ep-88f, -0x1.911f92p-113f, -0x1.3acp-139f, \
  0x1.3f84eap-63f, 0x1.f47d4ep-88f, -0x1.911f92p-113f, -0x1.3acp-139f, \
  0x1.fc2758p-66f, -0x1.70565ap-93f, 0x1.dc0db6p-118f, 0x1.5p-145f, \
  0x1.fc2758p-66f, -0x1.70565ap-93f, 0x1.dc0db6p-118f, 0x1.5p-145f, \
  0x1.fc2758p-66f, -0x1.70565ap-93f, 0x1.dc0db6p-118f, 0x1.5p-145f, \
  0x1.f84ebp-67f, -0x1.70565ap-93f, 0x1.dc0db6p-118f, 0x1.5p-145f, \
  0x1.f09d6p-68f, -0x1.70565ap-93f, 0x1.dc0db6p-118f, 0x1.5p-145f, \
  0x1.e13abep-5f, 0x1.1f534ep-30f, -0x1.1f924ep-57f, -0x1.6a66c4p-82f, \
  0x1.c2757ep-6f, -0x1.c15964p-31f, -0x1.1f924ep-57f, -0x1.6a66c4p-82f, \
  0x1.84eafap-7f, 0x1.f534dep-34f, -0x1.f924ecp-61f, 0x1.5993c4p-86f, \
  0x1.09d5f4p-8f, 0x1.f534dep-34f, -0x1.f924ecp-61f, 0x1.5993c4p-86f, \
  0x1.3abe9p-13f, -0x1.596448p-39f, 0x1.b6c52cp-67f, -0x1.9b0ef2p-92f, \
  0x1.3abe9p-13f, -0x1.596448p-39f, 0x1.b6c52cp-67f, -0x1.9b0ef2p-92f, \
  0x1.3abe9p-13f, -0x1.596448p-39f, 0x1.b6c52cp-67f, -0x1.9b0ef2p-92f, \
  0x1.3abe9p-13f, -0x1.596448p-39f, 0x1.b6c52cp-67f, -0x1.9b0ef2p-92f, \
  0x1.3abe9p-13f, -0x1.596448p-39f, 0x1.b6c52cp-67f, -0x1.9b0ef2p-92f, \
  0x1.d5f47ep-16f, -0x1.65912p-41f, 0x1.b6c52cp-67f, -0x1.9b0ef2p-92f, \
  0x1.d5f47ep-16f, -0x1.65912p-41f, 0x1.b6c52cp-67f, -0x1.9b0ef2p-92f, \
  0x1.d5f47ep-16f, -0x1.65912p-41f, 0x1.b6c52cp-67f, -0x1.9b0ef2p-92f, \
  0x1.abe8fap-17f, 0x1.34ddcp-42f, 0x1.b6c52cp-67f, -0x1.9b0ef2p-92f, \
  0x1.57d1f6p-18f, -0x1.96447ep-43f, -0x1.24eb54p-69f, 0x1.93c43ap-94f, \
  0x1.5f47d4p-20f, 0x1.a6ee06p-45f, 0x1.b6295ap-70f, -0x1.b0ef1cp-96f, \
  0x1.5f47d4p-20f, 0x1.a6ee06p-45f, 0x1.b6295ap-70f, -0x1.b0ef1cp-96f, \
  0x1.7d1f54p-22f, -0x1.6447e4p-47f, -0x1.275a9ap-72f, 0x1.3c439p-98f, \
  0x1.7d1f54p-22f, -0x1.6447e4p-47f, -0x1.275a9ap-72f, 0x1.3c439p-98f, \
  0x1.f47d4ep-24f, -0x1.911f92p-49f, -0x1.3ad4cep-75f, 0x1.e21c82p-101f, \
  0x1.f47d4ep-24f, -0x1.911f92p-49f, -0x1.3ad4cep-75f, 0x1.e21c82p-101f, \
  0x1.e8fa9ap-25f, 0x1.bb81b6p-51f, 0x1.8a5664p-76f, 0x1.e21c82p-101f, \
  0x1.d1f534p-26f, 0x1.bb81b6p-51f, 0x1.8a5664p-76f, 0x1.e21c82p-101f, \
  0x1.a3ea6ap-27f, -0x1.11f924p-53f, -0x1.d6a66cp-78f, -0x1.de37ep-105f, \
  0x1.47d4d4p-28f, -0x1.11f924p-53f, -0x1.d6a66cp-78f, -0x1.de37ep-105f, \
  0x1.1f534ep-30f, -0x1.1f924ep-57f, -0x1.6a66c4p-82f, 0x1.0e4108p-108f, \
  0x1.1f534ep-30f, -0x1.1f924ep-57f, -0x1.6a66c4p-82f, 0x1.0e4108p-108f, \
  0x1.f534dep-34f, -0x1.f924ecp-61f, 0x1.5993c4p-86f, 0x1.c821p-113f, \
  0x1.f534dep-34f, -0x1.f924ecp-61f, 0x1.5993c4p-86f, 0x1.c821p-113f, \
  0x1.f534dep-34f, -0x1.f924ecp-61f, 0x1.5993c4p-86f, 0x1.c821p-113f, \
  0x1.f534dep-34f, -0x1.f924ecp-61f, 0x1.5993c4p-86f, 0x1.c821p-113f, \
  0x1.ea69bcp-35f, -0x1.f924ecp-61f, 0x1.5993c4p-86f, 0x1.c821p-113f, \
  0x1.d4d378p-36f, -0x1.f924ecp-61f, 0x1.5993c4p-86f, 0x1.c821p-113f, \
  0x1.a9a6eep-37f, 0x1.b6c52cp-67f, -0x1.9b0ef2p-92f, 0x1.041fe6p-118f, \
  0x1.534ddcp-38f, 0x1.b6c52cp-67f, -0x1.9b0ef2p-92f, 0x1.041fe6p-118f, \
  0x1.4d377p-40f, 0x1.b6c52cp-67f, -0x1.9b0ef2p-92f, 0x1.041fe6p-118f, \
  0x1.4d377p-40f, 0x1.b6c52cp-67f, -0x1.9b0ef2p-92f, 0x1.041fe6p-118f, \
  0x1.34ddcp-42f, 0x1.b6c52cp-67f, -0x1.9b0ef2p-92f, 0x1.041fe6p-118f

inline constexpr int kRempiRows = 103;
inline constexpr float kRempiHost[kRempiRows * 4] = {GRADLAB_SLEEF_REMPI_TABLE};
#if defined(__CUDACC__)
static __device__ const float kRempiDevice[kRempiRows * 4] = {GRADLAB_SLEEF_REMPI_TABLE};
#endif
#undef GRADLAB_SLEEF_REMPI_TABLE

GRADLAB_HD float rempi_word(int i) {
#if defined(__CUDA_ARCH__)
  return kRempiDevice[i];
#else
  return kRempiHost[i];
#endif
}

// x -> (x - k/4, k mod 4-ish): splits off quarter turns, as SLEEF's rempisubf does with full
// IEEE rounding (AVX2 path).
struct FI {
  float d;
  int32_t i;
};
GRADLAB_HD FI rempi_sub(float x) {
  GRADLAB_SLEEF_NO_CONTRACT
  float y = std::rint(x * 4.0f);
  int32_t vi = trunc_i32(y - std::rint(x) * 4.0f);
  return {x - y * 0.25f, vi};
}

struct DFI {
  F2 df;      // the reduced argument, in radians, as a double-float
  int32_t i;  // quadrant count (mod 4 is what matters)
};

// Reduces a finite |a| >= 0.7 (the callers: |a| >= 125) to a + q*pi/2 form with ~48 bits.
GRADLAB_HD DFI rempif(float a) {
  GRADLAB_SLEEF_NO_CONTRACT
  int32_t ex = ilogb2k(a) - 25;
  int32_t q = ex > 90 - 25 ? -64 : 0;  // keep a * table word inside float range
  a = ldexp3k(a, q);
  if (ex < 0) ex = 0;
  if (ex > kRempiRows - 1) ex = kRempiRows - 1;  // only non-finite inputs; callers discard those
  int idx = ex * 4;
  F2 x = dfmul_11(a, rempi_word(idx));
  FI di = rempi_sub(x.x);
  q = di.i;
  x.x = di.d;
  x = df_normalize(x);
  F2 y = dfmul_11(a, rempi_word(idx + 1));
  x = dfadd2_22(x, y);
  di = rempi_sub(x.x);
  q += di.i;
  x.x = di.d;
  x = df_normalize(x);
  y = dfmul_21(F2{rempi_word(idx + 2), rempi_word(idx + 3)}, a);
  x = dfadd2_22(x, y);
  x = df_normalize(x);
  x = dfmul_22(x, F2{3.1415927410125732422f * 2, -8.7422776573475857731e-08f * 2});
  if (std::fabs(a) < 0.7f) x = F2{a, 0.0f};
  return {x, q};
}

// ---- exp: xexpf --------------------------------------------------------------------------------

constexpr float kR_LN2f = 1.442695040888963407359924681001892137426645954152985934135449406931f;
constexpr float kL2Uf = 0.693145751953125f;  // ln 2 split: kL2Uf has trailing zero bits
constexpr float kL2Lf = 1.428606765330187045e-06f;

GRADLAB_HD float expf_u10(float d) {
  GRADLAB_SLEEF_NO_CONTRACT
  int32_t q = rint_i32(d * kR_LN2f);
  float fq = static_cast<float>(q);
  float s = fma_f(fq, -kL2Uf, d);
  s = fma_f(fq, -kL2Lf, s);

  float u = 0.000198527617612853646278381f;
  u = fma_f(u, s, 0.00139304355252534151077271f);
  u = fma_f(u, s, 0.00833336077630519866943359f);
  u = fma_f(u, s, 0.0416664853692054748535156f);
  u = fma_f(u, s, 0.166666671633720397949219f);
  u = fma_f(u, s, 0.5f);
  u = 1.0f + fma_f(s * s, u, s);
  u = ldexp2k(u, q);

  if (d < -104.0f) u = 0.0f;
  if (100.0f < d) u = INFINITY;
  return u;
}

// ---- log: xlogf_u1 -----------------------------------------------------------------------------

GRADLAB_HD float logf_u10(float d) {
  GRADLAB_SLEEF_NO_CONTRACT
  bool subnormal = d < 1.17549435e-38f;  // FLT_MIN: scale up so the exponent field is exact
  if (subnormal) d = d * (4294967296.0f * 4294967296.0f);
  int32_t e = ilogb2k(d * (1.0f / 0.75f));  // exponent chosen so the mantissa m is in [0.75, 1.5)
  float m = ldexp3k(d, -e);
  if (subnormal) e -= 64;
  F2 s = dfmul_21(F2{0.69314718246459960938f, -1.904654323148236017e-09f}, static_cast<float>(e));

  F2 x = dfdiv_22(dfadd2_11(-1.0f, m), dfadd2_11(1.0f, m));  // (m-1)/(m+1)
  float x2 = x.x * x.x;
  float t = +0.3027294874e+0f;
  t = fma_f(t, x2, +0.3996108174e+0f);
  t = fma_f(t, x2, +0.6666694880e+0f);

  s = dfadd_22(s, df_scale(x, 2.0f));
  s = dfadd_21(s, x2 * x.x * t);
  float r = s.x + s.y;

  if (d == INFINITY) r = INFINITY;
  if (d < 0.0f || is_nan(d)) r = NAN;
  if (d == 0.0f) r = -INFINITY;
  return r;
}

// ---- sin / cos: xsinf_u1, xcosf_u1 (deterministic builds) --------------------------------------

constexpr float kPI_A2f = 3.1414794921875f;  // pi split in three; kPI_A2f * n is exact for n < 2^11
constexpr float kPI_B2f = 0.00011315941810607910156f;
constexpr float kPI_C2f = 1.9841872589410058936e-09f;
constexpr float kTrigRangeMax2f = 125.0f;  // Cody-Waite below, Payne-Hanek from here on
constexpr float kM_1_PIf = static_cast<float>(0.318309886183790671537767526745028724);

// sin(t) for the reduced t (|t| <= pi/2) as a double-float, rounded to float.
GRADLAB_HD float sin_poly(F2 t) {
  GRADLAB_SLEEF_NO_CONTRACT
  F2 s = dfsqu_2(t);
  float u = 2.6083159809786593541503e-06f;
  u = fma_f(u, s.x, -0.0001981069071916863322258f);
  u = fma_f(u, s.x, 0.00833307858556509017944336f);
  F2 x = dfadd_12(1.0f, dfmul_22(dfadd_11(-0.166666597127914428710938f, u * s.x), s));
  return dfmul_22_to1(t, x);
}

GRADLAB_HD float sinf_u10(float d) {
  GRADLAB_SLEEF_NO_CONTRACT
  F2 s;
  int32_t q;
  if (std::fabs(d) < kTrigRangeMax2f) {
    float u = std::rint(d * kM_1_PIf);
    q = rint_i32(u);
    float v = fma_f(u, -kPI_A2f, d);
    s = dfadd2_11(v, u * -kPI_B2f);
    s = dfadd_21(s, u * -kPI_C2f);
  } else {
    if (is_nan(d) || is_inf(d)) return float_of(0xffffffffu);  // SLEEF's NaN: all bits set
    DFI dfi = rempif(d);
    // rempif counts quarter turns; sin wants half turns, rounded by the reduced value's sign.
    q = ((dfi.i & 3) * 2 + (dfi.df.x > 0 ? 2 : 1)) >> 2;
    if ((dfi.i & 1) == 1) {  // odd quarter: move the argument by pi/2 towards zero
      F2 x{mulsign(3.1415927410125732422f * -0.5f, dfi.df.x),
           mulsign(-8.7422776573475857731e-08f * -0.5f, dfi.df.x)};
      dfi.df = dfadd2_22(dfi.df, x);
    }
    s = df_normalize(dfi.df);
  }
  float u = sin_poly(s);
  if (q & 1) u = -u;
  if (d == 0.0f) u = d;  // keeps -0
  return u;
}

GRADLAB_HD float cosf_u10(float d) {
  GRADLAB_SLEEF_NO_CONTRACT
  F2 s;
  int32_t q;
  if (std::fabs(d) < kTrigRangeMax2f) {
    // cos(d) = ±sin(d - dq*pi/2) with odd dq: the nearest odd multiple of pi/2.
    float dq = fma_f(std::rint(fma_f(d, kM_1_PIf, -0.5f)), 2.0f, 1.0f);
    q = rint_i32(dq);
    s = dfadd2_11(d, dq * (-kPI_A2f * 0.5f));
    s = dfadd2_21(s, dq * (-kPI_B2f * 0.5f));
    s = dfadd2_21(s, dq * (-kPI_C2f * 0.5f));
  } else {
    if (is_nan(d) || is_inf(d)) return float_of(0xffffffffu);
    DFI dfi = rempif(d);
    q = ((dfi.i & 3) * 2 + (dfi.df.x > 0 ? 8 : 7)) >> 1;
    if ((dfi.i & 1) == 0) {  // even quarter: shift by pi/2, towards zero for negative values
      float y = dfi.df.x > 0 ? 0.0f : -1.0f;
      F2 x{mulsign(3.1415927410125732422f * -0.5f, y), mulsign(-8.7422776573475857731e-08f * -0.5f, y)};
      dfi.df = dfadd2_22(dfi.df, x);
    }
    s = df_normalize(dfi.df);
  }
  float u = sin_poly(s);
  if ((q & 2) == 0) u = -u;
  return u;
}

// ---- tanh: xtanhf, built on expk2f (exp as a double-float) ------------------------------------

GRADLAB_HD F2 expk2f(F2 d) {
  GRADLAB_SLEEF_NO_CONTRACT
  float u = (d.x + d.y) * kR_LN2f;
  int32_t q = rint_i32(u);
  float fq = static_cast<float>(q);
  F2 s = dfadd2_21(d, fq * -kL2Uf);
  s = dfadd2_21(s, fq * -kL2Lf);

  u = +0.1980960224e-3f;
  u = fma_f(u, s.x, +0.1394256484e-2f);
  u = fma_f(u, s.x, +0.8333456703e-2f);
  u = fma_f(u, s.x, +0.4166637361e-1f);

  F2 t = dfadd2_21(dfmul_21(s, u), +0.166666659414234244790680580464e+0f);
  t = dfadd2_21(dfmul_22(s, t), 0.5f);
  t = dfadd2_22(s, dfmul_22(dfsqu_2(s), t));
  t = dfadd_12(1.0f, t);

  t.x = ldexp2k(t.x, q);
  t.y = ldexp2k(t.y, q);
  if (d.x < -104.0f) t = F2{0.0f, 0.0f};
  return t;
}

GRADLAB_HD float tanhf_u10(float x) {
  GRADLAB_SLEEF_NO_CONTRACT
  if (is_nan(x)) return float_of(0xffffffffu);  // SLEEF ors the NaN mask in: all bits set
  float y = std::fabs(x);
  F2 d = expk2f(F2{y, 0.0f});
  F2 e = dfrec_2(d);
  d = dfdiv_22(dfadd_22(d, df_neg(e)), dfadd_22(d, e));  // (e^y - e^-y) / (e^y + e^-y)
  y = d.x + d.y;
  if (std::fabs(x) > 8.664339742f || is_nan(y)) y = 1.0f;
  return mulsign(y, x);
}

}  // namespace sleef_detail

// ---- public entry points -------------------------------------------------------------------------
// float: SLEEF's bits. Other types fall back to the C++ library (see the double versions' note).

GRADLAB_HD float sleef_expf(float x) { return sleef_detail::expf_u10(x); }
GRADLAB_HD float sleef_logf(float x) { return sleef_detail::logf_u10(x); }
GRADLAB_HD float sleef_sinf(float x) { return sleef_detail::sinf_u10(x); }
GRADLAB_HD float sleef_cosf(float x) { return sleef_detail::cosf_u10(x); }
GRADLAB_HD float sleef_tanhf(float x) { return sleef_detail::tanhf_u10(x); }

}  // namespace gradlab

#undef GRADLAB_SLEEF_NO_CONTRACT
