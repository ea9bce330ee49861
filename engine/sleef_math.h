// exp, log, sin, cos, tanh, pow and friends that round exactly like PyTorch 1.13 on the CPU.
//
// PyTorch computes these element-wise ops with SLEEF 3.5.1's vectorised 1-ulp functions
// (Sleef_expf8_u10 / Sleef_expd4_u10 and friends, AVX2 variant), not with libm, and several
// results in a hundred differ from glibc in the last bit — which shows up in `.item()`. This
// header re-implements those functions in plain scalar C++ so that the native, WebAssembly and
// CUDA builds all produce SLEEF's bits: the same range reduction, constants, polynomials and
// operation order as SLEEF's AVX2 build, with an exact fused multiply-add exactly where that
// build issues an FMA instruction (see fma_f). float32 tanh is a template over the float type, so
// that the wasm build also runs it in SIMD lanes (engine/sleef_wasm_simd.h) with the same bits.
//
// How the pieces map to SLEEF 3.5.1 (src/libm/sleefsimdsp.c, sleefsimddp.c, df.h, dd.h,
// estrin.h, rempitab.c):
//   float32: sleef_expf = xexpf, sleef_logf = xlogf_u1, sleef_tanhf = xtanhf,
//            sleef_sinf / sleef_cosf = xsinf_u1 / xcosf_u1, sleef_powf = xpowf
//   float64: sleef_exp = xexp, sleef_log = xlog_u1, sleef_tanh = xtanh,
//            sleef_sin / sleef_cos = xsin_u1 / xcos_u1 (|x| < 1e14; see below), sleef_pow = xpow
//   both:    sleef_expm1 = xexpm1(f), sleef_log1p = xlog1p(f), sleef_erf = xerf(f)_u1,
//            sleef_log2 = xlog2(f), sleef_log10 = xlog10(f), sleef_sinh / sleef_cosh = xsinh(f) / xcosh(f)
//
// Note [SLEEF trig works on whole vectors]: SLEEF reduces a float32 sin/cos argument in one of two
// ways, Cody-Waite for |x| < 125 and Payne-Hanek otherwise, and the AVX2 build decides per vector
// of 8 lanes: if any lane is >= 125 in magnitude, infinite or NaN, every lane of that vector goes
// through Payne-Hanek, which for some small arguments rounds the other way. PyTorch
// feeds SLEEF 8 consecutive elements at a time (contiguous data, vectors starting at the start
// of the run, a short last vector padded with zeros), so an element's result depends on its 7
// neighbours. sleef_sinf/sleef_cosf take that as a flag: pass
// sleef_trig_vector_needs_payne_hanek(...) of the element's group of 8. exp, log and tanh have no
// such coupling (checked against libsleef on mixed vectors).
// Note [PyTorch's sigmoid]: its CPU kernel computes a contiguous run 16 floats (8 doubles) at a
// time as 1 / (1 + exp(0 - x)) with SLEEF's exp, and the last n % 16 (n % 8) elements with scalar
// code, 1 / (1 + std::exp(-x)) — glibc's expf, reproduced by libm_expf. Runs: a contiguous tensor
// of up to 32768 elements is one run; larger ones are split among threads.
// float64 sin/cos: exact for vectors of 4 whose elements are all below 1e14 in magnitude; SLEEF's
// Payne-Hanek path (|x| >= 1e14, a 970-row table) is not reproduced, libm is used for such
// elements, and their small neighbours can then differ by an ulp, as with float32.
//
// Everything is exact-rounding sensitive: the compiler must not contract a*b+c into an fma on its
// own. nvcc: --fmad=false; clang: the pragma below; GCC contracts across statements, inlined code
// included, whenever the target has fma (-march=native, ARM, a target_clones("fma") clone), and
// no pragma stops that after inlining — there only -ffp-contract=off on the including file works
// (baseline x86-64 and wasm have no fma to contract into). tests/sleef compares with libsleef (all
// 2^32 float32 inputs, and sampled float64 ones); tests/cpp/test_sleef_math.cpp checks PyTorch's
// own outputs in every build, wasm included.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "engine/util/glibc_math.h"  // glibc's exp for the float64 sigmoid tail

#ifndef GRADLAB_HD
#if defined(__CUDACC__)
#define GRADLAB_HD __host__ __device__ __forceinline__
#else
#define GRADLAB_HD inline
#endif
#endif

// Everything here is always inlined (CUDA's GRADLAB_HD already is), so that a caller compiled for
// a better target — a CPU loop under __attribute__((target_clones("fma", "default"))) — gets fma
// instructions in the whole computation instead of calls into a baseline copy.
#if defined(__GNUC__) && !defined(__CUDACC__)
#define GRADLAB_SLEEF_HD GRADLAB_HD __attribute__((always_inline))
#else
#define GRADLAB_SLEEF_HD GRADLAB_HD
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

GRADLAB_SLEEF_HD uint32_t bits_of(float f) {
#if defined(__CUDA_ARCH__)
  return __float_as_uint(f);
#else
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
#endif
}

GRADLAB_SLEEF_HD float float_of(uint32_t u) {
#if defined(__CUDA_ARCH__)
  return __uint_as_float(u);
#else
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
#endif
}

// 1 where fma is done in software (below): wasm; a native test sets it to check that path.
#ifndef GRADLAB_SLEEF_SOFT_FMA
#if defined(__wasm__)
#define GRADLAB_SLEEF_SOFT_FMA 1
#else
#define GRADLAB_SLEEF_SOFT_FMA 0
#endif
#endif

// a*b + c rounded once: std::fma, an instruction wherever the target has one (CUDA, FMA-enabled
// x86 code such as a target_clones("fma") loop, ARM) and glibc's exact fmaf call otherwise. In
// wasm, where it would be musl's software fmaf, it is done inline in double instead: a*b is exact
// there, a TwoSum gives the exact error of adding c, and rounding that sum to odd before the
// final rounding to float makes the result exact (checked against fmaf on 4e8 triples).
GRADLAB_SLEEF_HD float fma_f(float a, float b, float c) {
  GRADLAB_SLEEF_NO_CONTRACT
#if !GRADLAB_SLEEF_SOFT_FMA
  return std::fma(a, b, c);
#else
  double p = static_cast<double>(a) * static_cast<double>(b);
  double s = p + static_cast<double>(c);
  double bb = s - p;
  double err = (p - (s - bb)) + (static_cast<double>(c) - bb);  // p + c == s + err exactly
  if (err != 0.0 && std::isfinite(s)) {  // inexact: round s to odd, towards err
    uint64_t u;
    std::memcpy(&u, &s, sizeof u);
    if ((u & 1) == 0) u += ((err > 0) == (s > 0)) ? 1 : static_cast<uint64_t>(-1);
    std::memcpy(&s, &u, sizeof s);
  }
  return static_cast<float>(s);
#endif
}

// Round to the nearest integer, ties to even (vroundps). Without SSE4.1 (the x86-64 baseline)
// std::rint is a libm call, so there it is done the classic way: adding and removing 2^23 leaves
// an integer rounded by the FPU's own round-to-nearest-even.
GRADLAB_SLEEF_HD float rint_f(float x) {
  GRADLAB_SLEEF_NO_CONTRACT
#if defined(__CUDA_ARCH__) || defined(__SSE4_1__) || defined(__aarch64__) || defined(__wasm__)
  return std::rint(x);
#else
  float a = std::fabs(x);
  float r = std::copysign((a + 8388608.0f) - 8388608.0f, x);
  return a < 8388608.0f ? r : x;  // |x| >= 2^23 is already an integer; NaN stays NaN
#endif
}

// vcvtps2dq: round to nearest even; NaN and out-of-range values give INT32_MIN (x86's
// "integer indefinite"), where a plain C++ cast would be undefined.
// Written as selects, not branches (`&`, not `&&`), so that loops over these functions vectorise.
GRADLAB_SLEEF_HD int32_t rint_i32(float x) {
  float r = rint_f(x);
  return static_cast<int32_t>(((r >= -2147483648.0f) & (r < 2147483648.0f)) ? r : -2147483648.0f);
}

// vcvttps2dq: truncation, same out-of-range rule (-2147483904 is the float below -2^31).
GRADLAB_SLEEF_HD int32_t trunc_i32(float x) {
  return static_cast<int32_t>(((x > -2147483904.0f) & (x < 2147483648.0f)) ? x : -2147483648.0f);
}

// 2^q built from its exponent field (q in [-126, 127]; other q give what the bit pattern gives,
// as in SLEEF — callers mask those results). Unsigned arithmetic: no signed-overflow UB.
GRADLAB_SLEEF_HD float pow2i(int32_t q) {
  return float_of((static_cast<uint32_t>(q) + 0x7fu) << 23);
}

// d * 2^e in two steps, so that e down to -252 or up to 254 works without overflow in pow2i.
GRADLAB_SLEEF_HD float ldexp2k(float d, int32_t e) {
  GRADLAB_SLEEF_NO_CONTRACT
  return d * pow2i(e >> 1) * pow2i(e - (e >> 1));
}

// d * 2^q by adding q to the exponent field (caller guarantees no over/underflow).
GRADLAB_SLEEF_HD float ldexp3k(float d, int32_t q) {
  return float_of(bits_of(d) + (static_cast<uint32_t>(q) << 23));
}

// Unbiased exponent field of d (sign ignored; subnormals read as -127).
GRADLAB_SLEEF_HD int32_t ilogb2k(float d) {
  return static_cast<int32_t>((bits_of(d) >> 23) & 0xffu) - 0x7f;
}

GRADLAB_SLEEF_HD float mulsign(float x, float y) {  // x with its sign flipped where y is negative
  return float_of(bits_of(x) ^ (bits_of(y) & 0x80000000u));
}

GRADLAB_SLEEF_HD bool is_nan(float x) { return x != x; }
GRADLAB_SLEEF_HD bool is_inf(float x) { return x == INFINITY || x == -INFINITY; }

// ---- double-float / double-double arithmetic (SLEEF's df.h and dd.h, FMA flavour) ------------
// A value is x + y with |y| <= ulp(x)/2; the same formulas serve float pairs (the float32
// functions) and double pairs (the float64 ones). Names follow SLEEF: dfadd (caller knows
// |a| >= |b|), dfadd2 (no ordering assumption), suffixes say which operands are pairs (2) or
// plain numbers (1).

template <class T>
struct Pair {
  T x, y;
};
using F2 = Pair<float>;
using D2 = Pair<double>;

GRADLAB_SLEEF_HD double fma1(double a, double b, double c) { return std::fma(a, b, c); }
GRADLAB_SLEEF_HD float fma1(float a, float b, float c) { return fma_f(a, b, c); }

// Two fma patterns of the double-float arithmetic whose exact value a float (or double) holds
// after one rounding, computed in double where fma is software (GRADLAB_SLEEF_SOFT_FMA): there
// x*y is exact in double, and so is the subtraction, so the one rounding is fma's own.
//   product_error(x, y, p)    x*y - p, with p = x*y rounded: the product's rounding error
//   one_minus_product(x, y)   1 - x*y, with y = 1/x rounded (x*y within a factor 2 of 1)
GRADLAB_SLEEF_HD double product_error(double x, double y, double p) { return std::fma(x, y, -p); }
GRADLAB_SLEEF_HD double one_minus_product(double x, double y) { return std::fma(-x, y, 1.0); }
GRADLAB_SLEEF_HD float product_error(float x, float y, float p) {
  GRADLAB_SLEEF_NO_CONTRACT
#if GRADLAB_SLEEF_SOFT_FMA
  return static_cast<float>(static_cast<double>(x) * static_cast<double>(y) - static_cast<double>(p));
#else
  return fma_f(x, y, -p);
#endif
}
GRADLAB_SLEEF_HD float one_minus_product(float x, float y) {
  GRADLAB_SLEEF_NO_CONTRACT
#if GRADLAB_SLEEF_SOFT_FMA
  return static_cast<float>(1.0 - static_cast<double>(x) * static_cast<double>(y));
#else
  return fma_f(-x, y, 1.0f);
#endif
}

template <class T>
GRADLAB_SLEEF_HD Pair<T> df_normalize(Pair<T> t) {
  GRADLAB_SLEEF_NO_CONTRACT
  T s = t.x + t.y;
  return {s, (t.x - s) + t.y};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> df_scale(Pair<T> d, T s) {
  return {d.x * s, d.y * s};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> df_neg(Pair<T> d) {
  return {-d.x, -d.y};
}

template <class T>
GRADLAB_SLEEF_HD Pair<T> dfadd_11(T x, T y) {
  GRADLAB_SLEEF_NO_CONTRACT
  T s = x + y;
  return {s, (x - s) + y};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfadd2_11(T x, T y) {
  GRADLAB_SLEEF_NO_CONTRACT
  T s = x + y;
  T v = s - x;
  return {s, (x - (s - v)) + (y - v)};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfadd_21(Pair<T> x, T y) {
  GRADLAB_SLEEF_NO_CONTRACT
  T s = x.x + y;
  return {s, ((x.x - s) + y) + x.y};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfadd2_21(Pair<T> x, T y) {
  GRADLAB_SLEEF_NO_CONTRACT
  T s = x.x + y;
  T v = s - x.x;
  T t = (x.x - (s - v)) + (y - v);
  return {s, t + x.y};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfadd_12(T x, Pair<T> y) {
  GRADLAB_SLEEF_NO_CONTRACT
  T s = x + y.x;
  return {s, ((x - s) + y.x) + y.y};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfadd_22(Pair<T> x, Pair<T> y) {
  GRADLAB_SLEEF_NO_CONTRACT
  T s = x.x + y.x;
  return {s, (((x.x - s) + y.x) + x.y) + y.y};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfadd2_22(Pair<T> x, Pair<T> y) {
  GRADLAB_SLEEF_NO_CONTRACT
  T s = x.x + y.x;
  T v = s - x.x;
  T t = (x.x - (s - v)) + (y.x - v);
  return {s, t + (x.y + y.y)};
}

// Products: the fma recovers the exact rounding error of the leading product.
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfmul_11(T x, T y) {
  GRADLAB_SLEEF_NO_CONTRACT
  T s = x * y;
  return {s, product_error(x, y, s)};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfmul_21(Pair<T> x, T y) {
  GRADLAB_SLEEF_NO_CONTRACT
  T s = x.x * y;
  return {s, fma1(x.y, y, product_error(x.x, y, s))};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfmul_22(Pair<T> x, Pair<T> y) {
  GRADLAB_SLEEF_NO_CONTRACT
  T s = x.x * y.x;
  return {s, fma1(x.x, y.y, fma1(x.y, y.x, product_error(x.x, y.x, s)))};
}
template <class T>
GRADLAB_SLEEF_HD T dfmul_22_to1(Pair<T> x, Pair<T> y) {  // the product rounded to one number
  GRADLAB_SLEEF_NO_CONTRACT
  return fma1(x.x, y.x, fma1(x.y, y.x, x.x * y.y));
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfsqu_2(Pair<T> x) {
  GRADLAB_SLEEF_NO_CONTRACT
  T s = x.x * x.x;
  return {s, fma1(x.x + x.x, x.y, product_error(x.x, x.x, s))};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfrec_2(Pair<T> d) {  // 1 / d
  GRADLAB_SLEEF_NO_CONTRACT
  T s = T(1) / d.x;
  return {s, s * fma1(-d.y, s, one_minus_product(d.x, s))};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfdiv_22(Pair<T> n, Pair<T> d) {  // n / d
  GRADLAB_SLEEF_NO_CONTRACT
  T t = T(1) / d.x;
  T s = n.x * t;
  T u = product_error(t, n.x, s);
  T v = fma1(-d.y, t, one_minus_product(d.x, t));
  return {s, fma1(s, v, fma1(n.y, t, u))};
}

// ---- Payne-Hanek reduction for |x| >= 125 (SLEEF's rempif) ------------------------------------

// Row i (used for arguments with binary exponent i + 25) holds 1/(2*pi) without the bits that
// would only add whole turns, in four float words; rows from 66 on are scaled by 2^64 for
// arguments pre-scaled by 2^-64. The words are SLEEF 3.5.1's own (its split is not plain
// round-to-nearest, and ties in PyTorch's results depend on it): tests/sleef/gen_rempi_table.py.
#define GRADLAB_SLEEF_REMPI_TABLE \
  0x1.45f3p-3f, 0x1.b7272p-25f, 0x1.054a8p-48f, -0x1.ec5418p-73f, \
  0x1.17cc18p-5f, 0x1.b9391p-28f, 0x1.529fcp-54f, 0x1.3abe9p-77f, \
  0x1.17cc18p-5f, 0x1.b9391p-28f, 0x1.529fcp-54f, 0x1.3abe9p-77f, \
  0x1.7cc1b8p-9f, -0x1.b1bbe8p-34f, -0x1.6b01e8p-57f, -0x1.1505c2p-79f, \
  0x1.7cc1b8p-9f, -0x1.b1bbe8p-34f, -0x1.6b01e8p-57f, -0x1.1505c2p-79f, \
  0x1.7cc1b8p-9f, -0x1.b1bbe8p-34f, -0x1.6b01e8p-57f, -0x1.1505c2p-79f, \
  0x1.7cc1b8p-9f, -0x1.b1bbe8p-34f, -0x1.6b01e8p-57f, -0x1.1505c2p-79f, \
  0x1.f306d8p-11f, 0x1.272208p-33f, 0x1.4a7f08p-56f, 0x1.d5f47ep-80f, \
  0x1.f306d8p-11f, 0x1.272208p-33f, 0x1.4a7f08p-56f, 0x1.d5f47ep-80f, \
  0x1.e60db8p-12f, 0x1.39105p-36f, 0x1.29fc28p-58f, -0x1.505c16p-83f, \
  0x1.cc1b7p-13f, 0x1.39105p-36f, 0x1.29fc28p-58f, -0x1.505c16p-83f, \
  0x1.9836ep-14f, 0x1.39105p-36f, 0x1.29fc28p-58f, -0x1.505c16p-83f, \
  0x1.306dc8p-15f, 0x1.c882ap-39f, 0x1.4fe138p-61f, 0x1.5f47d4p-84f, \
  0x1.836e48p-18f, 0x1.910548p-40f, 0x1.3f84e8p-63f, 0x1.7d1f54p-86f, \
  0x1.836e48p-18f, 0x1.910548p-40f, 0x1.3f84e8p-63f, 0x1.7d1f54p-86f, \
  0x1.836e48p-18f, 0x1.910548p-40f, 0x1.3f84e8p-63f, 0x1.7d1f54p-86f, \
  0x1.06dc98p-19f, 0x1.220a9p-41f, 0x1.3f84e8p-63f, 0x1.7d1f54p-86f, \
  0x1.b7272p-25f, 0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534dep-98f, \
  0x1.b7272p-25f, 0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534dep-98f, \
  0x1.b7272p-25f, 0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534dep-98f, \
  0x1.b7272p-25f, 0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534dep-98f, \
  0x1.b7272p-25f, 0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534dep-98f, \
  0x1.b7272p-25f, 0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534dep-98f, \
  0x1.6e4e4p-26f, 0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534dep-98f, \
  0x1.b9391p-28f, 0x1.529fcp-54f, 0x1.3abe9p-77f, -0x1.596448p-103f, \
  0x1.b9391p-28f, 0x1.529fcp-54f, 0x1.3abe9p-77f, -0x1.596448p-103f, \
  0x1.72722p-29f, 0x1.529fcp-54f, 0x1.3abe9p-77f, -0x1.596448p-103f, \
  0x1.c9c88p-31f, 0x1.529fcp-54f, 0x1.3abe9p-77f, -0x1.596448p-103f, \
  0x1.c9c88p-31f, 0x1.529fcp-54f, 0x1.3abe9p-77f, -0x1.596448p-103f, \
  0x1.9391p-32f, 0x1.529fcp-54f, 0x1.3abe9p-77f, -0x1.596448p-103f, \
  0x1.272208p-33f, 0x1.4a7f08p-56f, 0x1.d5f478p-80f, 0x1.534ddcp-102f, \
  0x1.39105p-36f, 0x1.29fc28p-58f, -0x1.505c1p-83f, -0x1.65912p-105f, \
  0x1.39105p-36f, 0x1.29fc28p-58f, -0x1.505c1p-83f, -0x1.65912p-105f, \
  0x1.39105p-36f, 0x1.29fc28p-58f, -0x1.505c1p-83f, -0x1.65912p-105f, \
  0x1.c882ap-39f, 0x1.4fe138p-61f, 0x1.5f47dp-84f, 0x1.34ddcp-106f, \
  0x1.c882ap-39f, 0x1.4fe138p-61f, 0x1.5f47dp-84f, 0x1.34ddcp-106f, \
  0x1.c882ap-39f, 0x1.4fe138p-61f, 0x1.5f47dp-84f, 0x1.34ddcp-106f, \
  0x1.910548p-40f, 0x1.3f84e8p-63f, 0x1.7d1f5p-86f, 0x1.a6ee06p-109f, \
  0x1.220a9p-41f, 0x1.3f84e8p-63f, 0x1.7d1f5p-86f, 0x1.a6ee06p-109f, \
  0x1.1054a8p-44f, -0x1.ec5418p-73f, 0x1.f534d8p-98f, 0x1.7036d8p-120f, \
  0x1.1054a8p-44f, -0x1.ec5418p-73f, 0x1.f534d8p-98f, 0x1.7036d8p-120f, \
  0x1.1054a8p-44f, -0x1.ec5418p-73f, 0x1.f534d8p-98f, 0x1.7036d8p-120f, \
  0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534d8p-98f, 0x1.7036d8p-120f, \
  0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534d8p-98f, 0x1.7036d8p-120f, \
  0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534d8p-98f, 0x1.7036d8p-120f, \
  0x1.054a8p-48f, -0x1.ec5418p-73f, 0x1.f534d8p-98f, 0x1.7036d8p-120f, \
  0x1.529fcp-54f, 0x1.3abe9p-77f, -0x1.596448p-103f, 0x1.b6c54p-131f, \
  0x1.529fcp-54f, 0x1.3abe9p-77f, -0x1.596448p-103f, 0x1.b6c54p-131f, \
  0x1.529fcp-54f, 0x1.3abe9p-77f, -0x1.596448p-103f, 0x1.b6c54p-131f, \
  0x1.529fcp-54f, 0x1.3abe9p-77f, -0x1.596448p-103f, 0x1.b6c54p-131f, \
  0x1.529fcp-54f, 0x1.3abe9p-77f, -0x1.596448p-103f, 0x1.b6c54p-131f, \
  0x1.529fcp-54f, 0x1.3abe9p-77f, -0x1.596448p-103f, 0x1.b6c54p-131f, \
  0x1.4a7f08p-56f, 0x1.d5f478p-80f, 0x1.534dd8p-102f, 0x1.036d8ap-124f, \
  0x1.4a7f08p-56f, 0x1.d5f478p-80f, 0x1.534dd8p-102f, 0x1.036d8ap-124f, \
  0x1.29fc28p-58f, -0x1.505c1p-83f, -0x1.65912p-105f, 0x1.b6c54p-131f, \
  0x1.29fc28p-58f, -0x1.505c1p-83f, -0x1.65912p-105f, 0x1.b6c54p-131f, \
  0x1.4fe138p-61f, 0x1.5f47dp-84f, 0x1.34ddcp-106f, 0x1.b6c54p-131f, \
  0x1.4fe138p-61f, 0x1.5f47dp-84f, 0x1.34ddcp-106f, 0x1.b6c54p-131f, \
  0x1.4fe138p-61f, 0x1.5f47dp-84f, 0x1.34ddcp-106f, 0x1.b6c54p-131f, \
  0x1.3f84e8p-63f, 0x1.7d1f5p-86f, 0x1.a6eep-109f, 0x1.b6c54p-131f, \
  0x1.3f84e8p-63f, 0x1.7d1f5p-86f, 0x1.a6eep-109f, 0x1.b6c54p-131f, \
  0x1.fc2758p-66f, -0x1.705658p-93f, -0x1.11f92p-117f, -0x1.3acp-139f, \
  0x1.fc2758p-66f, -0x1.705658p-93f, -0x1.11f92p-117f, -0x1.3acp-139f, \
  0x1.fc2758p-66f, -0x1.705658p-93f, -0x1.11f92p-117f, -0x1.3acp-139f, \
  0x1.f84ebp-67f, -0x1.705658p-93f, -0x1.11f92p-117f, -0x1.3acp-139f, \
  0x1.f09d6p-68f, -0x1.705658p-93f, -0x1.11f92p-117f, -0x1.3acp-139f, \
  0x1.e13ab8p-5f, 0x1.a3ea68p-27f, 0x1.bb81bp-51f, 0x1.b14accp-73f, \
  0x1.c27578p-6f, 0x1.47d4dp-28f, 0x1.bb81bp-51f, 0x1.b14accp-73f, \
  0x1.84eaf8p-7f, 0x1.1f5348p-30f, 0x1.770368p-52f, 0x1.62959ap-74f, \
  0x1.09d5fp-8f, 0x1.1f5348p-30f, 0x1.770368p-52f, 0x1.62959ap-74f, \
  0x1.3abe9p-13f, -0x1.596448p-39f, 0x1.b6c528p-67f, 0x1.993c44p-90f, \
  0x1.3abe9p-13f, -0x1.596448p-39f, 0x1.b6c528p-67f, 0x1.993c44p-90f, \
  0x1.3abe9p-13f, -0x1.596448p-39f, 0x1.b6c528p-67f, 0x1.993c44p-90f, \
  0x1.3abe9p-13f, -0x1.596448p-39f, 0x1.b6c528p-67f, 0x1.993c44p-90f, \
  0x1.3abe9p-13f, -0x1.596448p-39f, 0x1.b6c528p-67f, 0x1.993c44p-90f, \
  0x1.d5f478p-16f, 0x1.534dd8p-38f, 0x1.036d88p-60f, 0x1.2b3278p-83f, \
  0x1.d5f478p-16f, 0x1.534dd8p-38f, 0x1.036d88p-60f, 0x1.2b3278p-83f, \
  0x1.d5f478p-16f, 0x1.534dd8p-38f, 0x1.036d88p-60f, 0x1.2b3278p-83f, \
  0x1.abe8f8p-17f, 0x1.4d377p-40f, 0x1.b6c528p-67f, 0x1.993c44p-90f, \
  0x1.57d1fp-18f, 0x1.4d377p-40f, 0x1.b6c528p-67f, 0x1.993c44p-90f, \
  0x1.5f47dp-20f, 0x1.34ddcp-42f, 0x1.b6c528p-67f, 0x1.993c44p-90f, \
  0x1.5f47dp-20f, 0x1.34ddcp-42f, 0x1.b6c528p-67f, 0x1.993c44p-90f, \
  0x1.7d1f5p-22f, 0x1.a6eep-45f, 0x1.b6c528p-67f, 0x1.993c44p-90f, \
  0x1.7d1f5p-22f, 0x1.a6eep-45f, 0x1.b6c528p-67f, 0x1.993c44p-90f, \
  0x1.f47d48p-24f, 0x1.4ddc08p-46f, 0x1.6d8a5p-68f, 0x1.993c44p-90f, \
  0x1.f47d48p-24f, 0x1.4ddc08p-46f, 0x1.6d8a5p-68f, 0x1.993c44p-90f, \
  0x1.e8fa98p-25f, 0x1.37703p-48f, 0x1.b62958p-70f, 0x1.93c43ap-94f, \
  0x1.d1f53p-26f, 0x1.37703p-48f, 0x1.b62958p-70f, 0x1.93c43ap-94f, \
  0x1.a3ea68p-27f, 0x1.bb81bp-51f, 0x1.b14ac8p-73f, 0x1.278872p-95f, \
  0x1.47d4dp-28f, 0x1.bb81bp-51f, 0x1.b14ac8p-73f, 0x1.278872p-95f, \
  0x1.1f5348p-30f, 0x1.770368p-52f, 0x1.629598p-74f, 0x1.3c439p-98f, \
  0x1.1f5348p-30f, 0x1.770368p-52f, 0x1.629598p-74f, 0x1.3c439p-98f, \
  0x1.f534d8p-34f, 0x1.7036d8p-56f, 0x1.4acc98p-81f, 0x1.887208p-103f, \
  0x1.f534d8p-34f, 0x1.7036d8p-56f, 0x1.4acc98p-81f, 0x1.887208p-103f, \
  0x1.f534d8p-34f, 0x1.7036d8p-56f, 0x1.4acc98p-81f, 0x1.887208p-103f, \
  0x1.f534d8p-34f, 0x1.7036d8p-56f, 0x1.4acc98p-81f, 0x1.887208p-103f, \
  0x1.ea69b8p-35f, 0x1.c0db6p-58f, 0x1.4acc98p-81f, 0x1.887208p-103f, \
  0x1.d4d378p-36f, -0x1.f924e8p-61f, -0x1.a99b08p-84f, -0x1.bc6fbep-106f, \
  0x1.a9a6e8p-37f, 0x1.81b6cp-59f, 0x1.4acc98p-81f, 0x1.887208p-103f, \
  0x1.534dd8p-38f, 0x1.036d88p-60f, 0x1.2b3278p-83f, 0x1.0e4108p-108f, \
  0x1.4d377p-40f, 0x1.b6c528p-67f, 0x1.993c4p-90f, 0x1.c821p-113f, \
  0x1.4d377p-40f, 0x1.b6c528p-67f, 0x1.993c4p-90f, 0x1.c821p-113f, \
  0x1.34ddcp-42f, 0x1.b6c528p-67f, 0x1.993c4p-90f, 0x1.c821p-113f

inline constexpr int kRempiRows = 103;
inline constexpr float kRempiHost[kRempiRows * 4] = {GRADLAB_SLEEF_REMPI_TABLE};
#if defined(__CUDACC__)
static __device__ const float kRempiDevice[kRempiRows * 4] = {GRADLAB_SLEEF_REMPI_TABLE};
#endif
#undef GRADLAB_SLEEF_REMPI_TABLE

GRADLAB_SLEEF_HD float rempi_word(int i) {
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
GRADLAB_SLEEF_HD FI rempi_sub(float x) {
  GRADLAB_SLEEF_NO_CONTRACT
  float y = rint_f(x * 4.0f);
  int32_t vi = trunc_i32(y - rint_f(x) * 4.0f);
  return {x - y * 0.25f, vi};
}

struct DFI {
  F2 df;      // the reduced argument, in radians, as a double-float
  int32_t i;  // quadrant count (mod 4 is what matters)
};

// Reduces a finite |a| >= 0.7 (the callers: |a| >= 125) to a + q*pi/2 form with ~48 bits.
GRADLAB_SLEEF_HD DFI rempif(float a) {
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

GRADLAB_SLEEF_HD float expf_u10(float d) {
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

GRADLAB_SLEEF_HD float logf_u10(float d) {
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

// ---- sin / cos: xsinf_u1, xcosf_u1 ---------------------------------------------------------------
// payne_hanek: reduce with rempif even for |d| < 125, as SLEEF does for every lane of a vector that
// holds a large or non-finite value (Note [SLEEF trig works on whole vectors]).

constexpr float kPI_A2f = 3.1414794921875f;  // pi split in three; kPI_A2f * n is exact for n < 2^11
constexpr float kPI_B2f = 0.00011315941810607910156f;
constexpr float kPI_C2f = 1.9841872589410058936e-09f;
constexpr float kTrigRangeMax2f = 125.0f;  // Cody-Waite below, Payne-Hanek from here on
constexpr float kM_1_PIf = static_cast<float>(0.318309886183790671537767526745028724);

// sin(t) for the reduced t (|t| <= pi/2) as a double-float, rounded to float.
GRADLAB_SLEEF_HD float sin_poly(F2 t) {
  GRADLAB_SLEEF_NO_CONTRACT
  F2 s = dfsqu_2(t);
  float u = 2.6083159809786593541503e-06f;
  u = fma_f(u, s.x, -0.0001981069071916863322258f);
  u = fma_f(u, s.x, 0.00833307858556509017944336f);
  F2 x = dfadd_12(1.0f, dfmul_22(dfadd_11(-0.166666597127914428710938f, u * s.x), s));
  return dfmul_22_to1(t, x);
}

GRADLAB_SLEEF_HD float sinf_u10(float d, bool payne_hanek = false) {
  GRADLAB_SLEEF_NO_CONTRACT
  F2 s;
  int32_t q;
  if (std::fabs(d) < kTrigRangeMax2f && !payne_hanek) {
    float u = rint_f(d * kM_1_PIf);
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

GRADLAB_SLEEF_HD float cosf_u10(float d, bool payne_hanek = false) {
  GRADLAB_SLEEF_NO_CONTRACT
  F2 s;
  int32_t q;
  if (std::fabs(d) < kTrigRangeMax2f && !payne_hanek) {
    // cos(d) = ±sin(d - dq*pi/2) with odd dq: the nearest odd multiple of pi/2.
    float dq = fma_f(rint_f(fma_f(d, kM_1_PIf, -0.5f)), 2.0f, 1.0f);
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
// Templates over the float type F: `float` everywhere, and in the wasm build also FV<N>, lanes
// of wasm SIMD (engine/sleef_wasm_simd.h), which supplies the same helpers (fma_f, rint_i32,
// select, ...) lane-wise, so the math below is written once for both.

GRADLAB_SLEEF_HD float to_float(int32_t q) { return static_cast<float>(q); }
GRADLAB_SLEEF_HD float select(bool c, float a, float b) { return c ? a : b; }

template <class F>
GRADLAB_SLEEF_HD Pair<F> expk2f(Pair<F> d) {
  GRADLAB_SLEEF_NO_CONTRACT
  F u = (d.x + d.y) * kR_LN2f;
  auto q = rint_i32(u);
  F fq = to_float(q);
  Pair<F> s = dfadd2_21(d, F(fq * -kL2Uf));
  s = dfadd2_21(s, F(fq * -kL2Lf));

  u = F(+0.1980960224e-3f);
  u = fma_f(u, s.x, F(+0.1394256484e-2f));
  u = fma_f(u, s.x, F(+0.8333456703e-2f));
  u = fma_f(u, s.x, F(+0.4166637361e-1f));

  Pair<F> t = dfadd2_21(dfmul_21(s, u), F(+0.166666659414234244790680580464e+0f));
  t = dfadd2_21(dfmul_22(s, t), F(0.5f));
  t = dfadd2_22(s, dfmul_22(dfsqu_2(s), t));
  t = dfadd_12(F(1.0f), t);

  const auto underflow = d.x < F(-104.0f);
  t.x = select(underflow, F(0.0f), ldexp2k(t.x, q));
  t.y = select(underflow, F(0.0f), ldexp2k(t.y, q));
  return t;
}

template <class F>
GRADLAB_SLEEF_HD F tanhf_u10(F x) {
  GRADLAB_SLEEF_NO_CONTRACT
  using std::fabs;
  // Straight-line code with selects at the end (no early return), so loops over it vectorise.
  F y = fabs(x);
  Pair<F> d = expk2f(Pair<F>{y, F(0.0f)});
  Pair<F> e = dfrec_2(d);
  d = dfdiv_22(dfadd_22(d, df_neg(e)), dfadd_22(d, e));  // (e^y - e^-y) / (e^y + e^-y)
  y = d.x + d.y;
  y = select((fabs(x) > F(8.664339742f)) | is_nan(y), F(1.0f), y);
  y = mulsign(y, x);
  return select(is_nan(x), F(float_of(0xffffffffu)), y);  // SLEEF ors the NaN mask in: all bits set
}

// ---- float64: xexp, xlog_u1, xtanh (sleefsimddp.c), for Sleef_expd4_u10 and friends ----------
// The same algorithms in double precision, with SLEEF's double constants and its Estrin-style
// polynomial evaluation (estrin.h: POLYn splits the polynomial into fma'd halves).

GRADLAB_SLEEF_HD uint64_t bits_of(double f) {
#if defined(__CUDA_ARCH__)
  return static_cast<uint64_t>(__double_as_longlong(f));
#else
  uint64_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
#endif
}

GRADLAB_SLEEF_HD double double_of(uint64_t u) {
#if defined(__CUDA_ARCH__)
  return __longlong_as_double(static_cast<long long>(u));
#else
  double f;
  std::memcpy(&f, &u, sizeof f);
  return f;
#endif
}

GRADLAB_SLEEF_HD double rint_d(double x) {  // as rint_f: vroundpd, or 2^52 added and removed
  GRADLAB_SLEEF_NO_CONTRACT
#if defined(__CUDA_ARCH__) || defined(__SSE4_1__) || defined(__aarch64__) || defined(__wasm__)
  return std::rint(x);
#else
  double a = std::fabs(x);
  if (!(a < 4503599627370496.0)) return x;
  return std::copysign((a + 4503599627370496.0) - 4503599627370496.0, x);
#endif
}

GRADLAB_SLEEF_HD int32_t rint_i32(double x) {  // vcvtpd2dq: INT32_MIN for NaN and out of range
  double r = rint_d(x);
  if (!(r >= -2147483648.0 && r < 2147483648.0)) return INT32_MIN;
  return static_cast<int32_t>(r);
}

// 2^q from the exponent field; SLEEF builds it in the upper 32-bit word, so q + 0x3ff wraps at 12
// bits like there.
GRADLAB_SLEEF_HD double pow2i_d(int32_t q) {
  uint32_t hi = (static_cast<uint32_t>(q) + 0x3ffu) << 20;
  return double_of(static_cast<uint64_t>(hi) << 32);
}
GRADLAB_SLEEF_HD double ldexp2k(double d, int32_t e) {
  GRADLAB_SLEEF_NO_CONTRACT
  return d * pow2i_d(e >> 1) * pow2i_d(e - (e >> 1));
}
GRADLAB_SLEEF_HD double ldexp3k(double d, int32_t q) {
  return double_of(bits_of(d) + (static_cast<uint64_t>(static_cast<uint32_t>(q) << 20) << 32));
}
GRADLAB_SLEEF_HD int32_t ilogb2k(double d) {
  return static_cast<int32_t>((bits_of(d) >> 52) & 0x7ffu) - 0x3ff;
}
GRADLAB_SLEEF_HD double mulsign(double x, double y) {
  return double_of(bits_of(x) ^ (bits_of(y) & 0x8000000000000000u));
}
GRADLAB_SLEEF_HD bool is_nan(double x) { return x != x; }
GRADLAB_SLEEF_HD bool is_inf(double x) { return x == INFINITY || x == -INFINITY; }

// estrin.h's POLY2..POLY10 (coefficients from the highest degree down).
GRADLAB_SLEEF_HD double poly2(double x, double c1, double c0) { return fma1(x, c1, c0); }
GRADLAB_SLEEF_HD double poly3(double x, double x2, double c2, double c1, double c0) {
  return fma1(x2, c2, fma1(x, c1, c0));
}
GRADLAB_SLEEF_HD double poly4(double x, double x2, double c3, double c2, double c1, double c0) {
  return fma1(x2, fma1(x, c3, c2), fma1(x, c1, c0));
}
GRADLAB_SLEEF_HD double poly7(double x, double x2, double x4, double c6, double c5, double c4, double c3,
                        double c2, double c1, double c0) {
  return fma1(x4, poly3(x, x2, c6, c5, c4), poly4(x, x2, c3, c2, c1, c0));
}
GRADLAB_SLEEF_HD double poly8(double x, double x2, double x4, double c7, double c6, double c5, double c4,
                        double c3, double c2, double c1, double c0) {
  return fma1(x4, poly4(x, x2, c7, c6, c5, c4), poly4(x, x2, c3, c2, c1, c0));
}
GRADLAB_SLEEF_HD double poly10(double x, double x2, double x4, double x8, double c9, double c8, double c7,
                         double c6, double c5, double c4, double c3, double c2, double c1,
                         double c0) {
  return fma1(x8, poly2(x, c9, c8), poly8(x, x2, x4, c7, c6, c5, c4, c3, c2, c1, c0));
}

constexpr double kR_LN2 = 1.442695040888963407359924681001892137426645954152985934135449406931;
constexpr double kL2U = .69314718055966295651160180568695068359375;
constexpr double kL2L = .28235290563031577122588448175013436025525412068e-12;

GRADLAB_SLEEF_HD double exp_u10(double d) {
  GRADLAB_SLEEF_NO_CONTRACT
  double u = rint_d(d * kR_LN2);
  int32_t q = rint_i32(u);
  double s = fma1(u, -kL2U, d);
  s = fma1(u, -kL2L, s);

  double s2 = s * s, s4 = s2 * s2, s8 = s4 * s4;
  u = poly10(s, s2, s4, s8, +0.2081276378237164457e-8, +0.2511210703042288022e-7,
             +0.2755762628169491192e-6, +0.2755723402025388239e-5, +0.2480158687479686264e-4,
             +0.1984126989855865850e-3, +0.1388888888914497797e-2, +0.8333333333314938210e-2,
             +0.4166666666666602598e-1, +0.1666666666666669072e+0);
  u = fma1(u, s, 0.5);
  u = fma1(u, s, 1.0);
  u = fma1(u, s, 1.0);
  u = ldexp2k(u, q);

  if (d > 709.78271114955742909217217426) u = INFINITY;
  if (d < -1000.0) u = 0.0;
  return u;
}

GRADLAB_SLEEF_HD double log_u10(double d) {
  GRADLAB_SLEEF_NO_CONTRACT
  bool subnormal = d < 2.2250738585072014e-308;  // DBL_MIN
  if (subnormal) d = d * (4294967296.0 * 4294967296.0);
  int32_t e = ilogb2k(d * (1.0 / 0.75));
  double m = ldexp3k(d, -e);
  if (subnormal) e -= 64;

  D2 x = dfdiv_22(dfadd2_11(-1.0, m), dfadd2_11(1.0, m));
  double x2 = x.x * x.x;
  double x4 = x2 * x2, x8 = x4 * x4;
  double t = poly7(x2, x4, x8, 0.1532076988502701353e+0, 0.1525629051003428716e+0,
                   0.1818605932937785996e+0, 0.2222214519839380009e+0, 0.2857142932794299317e+0,
                   0.3999999999635251990e+0, 0.6666666666667333541e+0);

  D2 s = dfmul_21(D2{0.693147180559945286226764, 2.319046813846299558417771e-17},
                  static_cast<double>(e));
  s = dfadd_22(s, df_scale(x, 2.0));
  s = dfadd_21(s, x2 * x.x * t);
  double r = s.x + s.y;

  if (d == INFINITY) r = INFINITY;
  if (d < 0.0 || d != d) r = NAN;
  if (d == 0.0) r = -INFINITY;
  return r;
}

GRADLAB_SLEEF_HD D2 expk2(D2 d) {
  GRADLAB_SLEEF_NO_CONTRACT
  double u = (d.x + d.y) * kR_LN2;
  double dq = rint_d(u);
  int32_t q = rint_i32(dq);
  D2 s = dfadd2_21(d, dq * -kL2U);
  s = dfadd2_21(s, dq * -kL2L);

  D2 s2 = dfsqu_2(s), s4 = dfsqu_2(s2);
  double s8 = s4.x * s4.x;
  u = poly10(s.x, s2.x, s4.x, s8, +0.1602472219709932072e-9, +0.2092255183563157007e-8,
             +0.2505230023782644465e-7, +0.2755724800902135303e-6, +0.2755731892386044373e-5,
             +0.2480158735605815065e-4, +0.1984126984148071858e-3, +0.1388888888886763255e-2,
             +0.8333333333333347095e-2, +0.4166666666666669905e-1);

  D2 t = dfadd_12(0.5, dfmul_21(s, +0.1666666666666666574e+0));
  t = dfadd_12(1.0, dfmul_22(t, s));
  t = dfadd_12(1.0, dfmul_22(t, s));
  t = dfadd_22(t, dfmul_21(s4, u));

  t.x = ldexp2k(t.x, q);
  t.y = ldexp2k(t.y, q);
  if (d.x < -1000.0) t = D2{0.0, 0.0};
  return t;
}

GRADLAB_SLEEF_HD double tanh_u10(double x) {
  GRADLAB_SLEEF_NO_CONTRACT
  if (x != x) return double_of(~uint64_t{0});
  double y = std::fabs(x);
  D2 d = expk2(D2{y, 0.0});
  D2 e = dfrec_2(d);
  d = dfdiv_22(dfadd2_22(d, df_neg(e)), dfadd2_22(d, e));
  y = d.x + d.y;
  if (std::fabs(x) > 18.714973875 || y != y) y = 1.0;
  return mulsign(y, x);
}

// sin and cos: xsin_u1 / xcos_u1. |d| < 15: pi in two parts; below 1e14: pi in four parts against
// a two-part quotient (chosen per lane in SLEEF too). SLEEF's Payne-Hanek path beyond 1e14 needs
// a 970-row table; there libm is used instead (it may differ by an ulp; learners never get there).
constexpr double kPI_A = 3.1415926218032836914;
constexpr double kPI_B = 3.1786509424591713469e-08;
constexpr double kPI_C = 1.2246467864107188502e-16;
constexpr double kPI_D = 1.2736634327021899816e-24;
constexpr double kPI_A2 = 3.141592653589793116;
constexpr double kPI_B2 = 1.2246467991473532072e-16;
constexpr double kM_1_PI = 0.318309886183790671537767526745028724;

GRADLAB_SLEEF_HD double sin_poly(D2 t) {  // sin of the reduced argument, as sin_poly for floats
  GRADLAB_SLEEF_NO_CONTRACT
  D2 s = dfsqu_2(t);
  double s2 = s.x * s.x, s4 = s2 * s2;
  double u = fma1(s4, poly2(s.x, 2.72052416138529567917983e-15, -7.6429259411395447190023e-13),
                  poly4(s.x, s2, 1.60589370117277896211623e-10, -2.5052106814843123359368e-08,
                        2.75573192104428224777379e-06, -0.000198412698412046454654947));
  u = fma1(u, s.x, 0.00833333333333318056201922);
  D2 x = dfadd_12(1.0, dfmul_22(dfadd_11(-0.166666666666666657414808, u * s.x), s));
  return dfmul_22_to1(t, x);
}

GRADLAB_SLEEF_HD double sin_u10(double d) {
  GRADLAB_SLEEF_NO_CONTRACT
  double a = std::fabs(d);
  if (!(a < 1e14)) return d != d || a == INFINITY ? double_of(~uint64_t{0}) : std::sin(d);
  double dql = rint_d(d * kM_1_PI);
  int32_t ql = rint_i32(dql);
  D2 x = dfadd_11(fma1(dql, -kPI_A2, d), dql * -kPI_B2);
  if (!(a < 15.0)) {
    // quotient = dqh + dql with dqh a multiple of 2^24, so each product with a pi part is exact
    double dqh = std::trunc(d * (kM_1_PI / (1 << 24))) * (1 << 24);
    dql = rint_d(fma1(d, kM_1_PI, -dqh));
    D2 s = dfadd_11(fma1(dqh, -kPI_A, d), dql * -kPI_A);
    s = dfadd2_21(s, dqh * -kPI_B);
    s = dfadd2_21(s, dql * -kPI_B);
    s = dfadd2_21(s, dqh * -kPI_C);
    s = dfadd2_21(s, dql * -kPI_C);
    s = dfadd_21(s, (dqh + dql) * -kPI_D);
    ql = rint_i32(dql);
    x = s;
  }
  double u = sin_poly(x);
  if (ql & 1) u = -u;
  if (d == 0.0) u = d;  // keeps the sign of zero
  return u;
}

GRADLAB_SLEEF_HD double cos_u10(double d) {
  GRADLAB_SLEEF_NO_CONTRACT
  double a = std::fabs(d);
  if (!(a < 1e14)) return d != d || a == INFINITY ? double_of(~uint64_t{0}) : std::cos(d);
  double dql = fma1(2.0, rint_d(fma1(d, kM_1_PI, -0.5)), 1.0);  // nearest odd multiple of pi/2
  int32_t ql = rint_i32(dql);
  D2 x = dfadd2_11(d, dql * (-kPI_A2 * 0.5));
  x = dfadd_21(x, dql * (-kPI_B2 * 0.5));
  if (!(a < 15.0)) {
    double dqh = std::trunc(fma1(d, kM_1_PI / (1 << 23), -kM_1_PI / (1 << 24)));
    int32_t ql2 = rint_i32(d * kM_1_PI + fma1(dqh, -static_cast<double>(1 << 23), -0.5));
    dqh = dqh * (1 << 24);
    ql2 = ql2 + ql2 + 1;
    double dql2 = static_cast<double>(ql2);
    D2 s = dfadd2_11(fma1(dqh, -kPI_A * 0.5, d), dql2 * (-kPI_A * 0.5));
    s = dfadd2_21(s, dqh * (-kPI_B * 0.5));
    s = dfadd2_21(s, dql2 * (-kPI_B * 0.5));
    s = dfadd2_21(s, dqh * (-kPI_C * 0.5));
    s = dfadd2_21(s, dql2 * (-kPI_C * 0.5));
    s = dfadd_21(s, (dqh + dql2) * (-kPI_D * 0.5));
    ql = ql2;
    x = s;
  }
  double u = sin_poly(x);
  if ((ql & 2) == 0) u = -u;
  return u;
}

// ---- pow: xpowf and xpow (Sleef_powf8_u10 / Sleef_powd4_u10) ----------------------------------
// x^y = exp(y·log|x|) with log and exp kept as double-floats (logkf/expkf, logk/expk), then
// IEEE's special cases (negative bases with integer exponents, zeros, infinities, NaN) patched in
// the order SLEEF applies them. PyTorch uses these for the vectorised part of pow (Note [Position
// in the run] in engine/backend/cpu/elementwise_loops.h).

// vldexp_vf_vf_vi2: x * 2^q for any q, the scale split so that no step overflows on its own.
GRADLAB_SLEEF_HD float ldexp_any(float x, int32_t q) {
  GRADLAB_SLEEF_NO_CONTRACT
  const int32_t sign = q >> 31;  // 0 or -1
  int32_t m = static_cast<int32_t>(static_cast<uint32_t>(((sign + q) >> 6) - sign) << 4);
  q -= static_cast<int32_t>(static_cast<uint32_t>(m) << 2);
  m += 0x7f;
  m = m > 0 ? m : 0;
  m = m > 0xff ? 0xff : m;
  float u = float_of(static_cast<uint32_t>(m) << 23);
  x = x * u * u * u * u;
  u = float_of(static_cast<uint32_t>(q + 0x7f) << 23);
  return x * u;
}

// log(d) as a double-float, for d > 0 (subnormals scaled up first).
GRADLAB_SLEEF_HD F2 logkf(float d) {
  GRADLAB_SLEEF_NO_CONTRACT
  const bool subnormal = d < 1.17549435e-38f;
  if (subnormal) d = d * (4294967296.0f * 4294967296.0f);
  int32_t e = ilogb2k(d * (1.0f / 0.75f));
  const float m = ldexp3k(d, -e);
  if (subnormal) e -= 64;

  const F2 x = dfdiv_22(dfadd2_11(-1.0f, m), dfadd2_11(1.0f, m));  // (m-1)/(m+1)
  const F2 x2 = dfsqu_2(x);
  float t = 0.240320354700088500976562f;
  t = fma_f(t, x2.x, 0.285112679004669189453125f);
  t = fma_f(t, x2.x, 0.400007992982864379882812f);
  const F2 c{0.66666662693023681640625f, 3.69183861259614332084311e-09f};

  F2 s = dfmul_21(F2{0.69314718246459960938f, -1.904654323148236017e-09f}, static_cast<float>(e));
  s = dfadd_22(s, df_scale(x, 2.0f));
  s = dfadd_22(s, dfmul_22(dfmul_22(x2, x), dfadd2_22(dfmul_21(x2, t), c)));
  return s;
}

// exp of a double-float, rounded to float; 0 below -104.
GRADLAB_SLEEF_HD float expkf(F2 d) {
  GRADLAB_SLEEF_NO_CONTRACT
  float u = (d.x + d.y) * kR_LN2f;
  const int32_t q = rint_i32(u);
  const float fq = static_cast<float>(q);
  F2 s = dfadd2_21(d, fq * -kL2Uf);
  s = dfadd2_21(s, fq * -kL2Lf);
  s = df_normalize(s);

  u = 0.00136324646882712841033936f;
  u = fma_f(u, s.x, 0.00836596917361021041870117f);
  u = fma_f(u, s.x, 0.0416710823774337768554688f);
  u = fma_f(u, s.x, 0.166665524244308471679688f);
  u = fma_f(u, s.x, 0.499999850988388061523438f);

  F2 t = dfadd_22(s, dfmul_21(dfsqu_2(s), u));
  t = dfadd_12(1.0f, t);
  u = ldexp_any(t.x + t.y, q);
  return d.x < -104.0f ? 0.0f : u;
}

// xpowf/xpow's last steps, the same in both precisions: the sign of a negative base, then
// IEEE's special cases in SLEEF's order. `nan` is SLEEF's NaN (all bits set: it ors a mask in).
template <class T>
GRADLAB_SLEEF_HD T pow_special_cases(T x, T y, T result, bool y_is_int, bool y_is_odd, T nan) {
  GRADLAB_SLEEF_NO_CONTRACT
  result = result * (x > T(0) ? T(1) : (y_is_int ? (y_is_odd ? T(-1) : T(1)) : T(NAN)));
  const T efx = mulsign(std::fabs(x) - T(1), y);
  if (is_inf(y)) result = efx < T(0) ? T(0) : (efx == T(0) ? T(1) : T(INFINITY));
  if (is_inf(x) || x == T(0)) {
    const bool to_zero = std::signbit(y) != (x == T(0));
    result = mulsign(to_zero ? T(0) : T(INFINITY), y_is_odd ? x : T(1));
  }
  if (is_nan(x) || is_nan(y)) result = nan;
  if (y == T(0) || x == T(1)) result = T(1);
  return result;
}

GRADLAB_SLEEF_HD float powf_u10(float x, float y) {
  GRADLAB_SLEEF_NO_CONTRACT
  const bool y_is_int = std::trunc(y) == y || std::fabs(y) > 16777216.0f;
  const bool y_is_odd = (trunc_i32(y) & 1) == 1 && y_is_int && std::fabs(y) < 16777216.0f;

  float result = expkf(dfmul_21(logkf(std::fabs(x)), y));
  if (is_nan(result)) result = INFINITY;
  return pow_special_cases(x, y, result, y_is_int, y_is_odd, float_of(0xffffffffu));
}

GRADLAB_SLEEF_HD double poly9(double x, double x2, double x4, double x8, double c8, double c7, double c6,
                              double c5, double c4, double c3, double c2, double c1, double c0) {
  return fma1(x8, c8, poly8(x, x2, x4, c7, c6, c5, c4, c3, c2, c1, c0));
}

GRADLAB_SLEEF_HD D2 logk(double d) {
  GRADLAB_SLEEF_NO_CONTRACT
  const bool subnormal = d < 2.2250738585072014e-308;
  if (subnormal) d = d * (4294967296.0 * 4294967296.0);
  int32_t e = ilogb2k(d * (1.0 / 0.75));
  const double m = ldexp3k(d, -e);
  if (subnormal) e -= 64;

  D2 x = dfdiv_22(dfadd2_11(-1.0, m), dfadd2_11(1.0, m));
  const D2 x2 = dfsqu_2(x);
  const double x4 = x2.x * x2.x, x8 = x4 * x4, x16 = x8 * x8;
  const double t = poly9(x2.x, x4, x8, x16, 0.116255524079935043668677, 0.103239680901072952701192,
                         0.117754809412463995466069, 0.13332981086846273921509, 0.153846227114512262845736,
                         0.181818180850050775676507, 0.222222222230083560345903, 0.285714285714249172087875,
                         0.400000000000000077715612);
  const D2 c{0.666666666666666629659233, 3.80554962542412056336616e-17};

  D2 s = dfmul_21(D2{0.693147180559945286226764, 2.319046813846299558417771e-17}, static_cast<double>(e));
  s = dfadd_22(s, df_scale(x, 2.0));
  x = dfmul_22(x2, x);
  s = dfadd_22(s, dfmul_22(x, c));
  x = dfmul_22(x2, x);
  s = dfadd_22(s, dfmul_21(x, t));
  return s;
}

GRADLAB_SLEEF_HD double expk(D2 d) {
  GRADLAB_SLEEF_NO_CONTRACT
  double u = (d.x + d.y) * kR_LN2;
  const double dq = rint_d(u);
  const int32_t q = rint_i32(dq);
  D2 s = dfadd2_21(d, dq * -kL2U);
  s = dfadd2_21(s, dq * -kL2L);
  s = df_normalize(s);

  const double s2 = s.x * s.x, s4 = s2 * s2, s8 = s4 * s4;
  u = poly10(s.x, s2, s4, s8, 2.51069683420950419527139e-08, 2.76286166770270649116855e-07,
             2.75572496725023574143864e-06, 2.48014973989819794114153e-05, 0.000198412698809069797676111,
             0.0013888888939977128960529, 0.00833333333332371417601081, 0.0416666666665409524128449,
             0.166666666666666740681535, 0.500000000000000999200722);

  D2 t = dfadd_12(1.0, s);
  t = dfadd_22(t, dfmul_21(dfsqu_2(s), u));
  u = ldexp2k(t.x + t.y, q);
  return d.x < -1000.0 ? 0.0 : u;
}

GRADLAB_SLEEF_HD double pow_u10(double x, double y) {
  GRADLAB_SLEEF_NO_CONTRACT
  const bool y_is_int = std::trunc(y) == y;  // true for every |y| >= 2^53, and for infinities
  const bool y_is_odd = y_is_int && std::fabs(y) < 9007199254740992.0 && std::fmod(y, 2.0) != 0.0;

  const D2 d = dfmul_21(logk(std::fabs(x)), y);
  double result = expk(d);
  if (d.x > 709.78271114955742909217217426) result = INFINITY;
  return pow_special_cases(x, y, result, y_is_int, y_is_odd, double_of(~uint64_t{0}));
}

// ---- glibc's expf, for the scalar tails of PyTorch's sigmoid ---------------------------------
// PyTorch's CPU sigmoid runs 16 floats at a time through SLEEF (1 / (1 + Sleef_expf8(0 - x))) and
// the remaining n % 16 elements of a contiguous run through scalar code, 1 / (1 + std::exp(-x)),
// i.e. glibc's expf. That is the ARM optimized-routines algorithm (also musl's), and glibc on
// x86-64 runs the build compiled with FMA, whose contractions are reproduced here (checked
// against glibc 2.36 over all 2^32 inputs): a 32-entry table of 2^(i/32) and a cubic in double.

#define GRADLAB_EXP2F_TABLE \
  0x3ff0000000000000u, 0x3fefd9b0d3158574u, 0x3fefb5586cf9890fu, 0x3fef9301d0125b51u, \
  0x3fef72b83c7d517bu, 0x3fef54873168b9aau, 0x3fef387a6e756238u, 0x3fef1e9df51fdee1u, \
  0x3fef06fe0a31b715u, 0x3feef1a7373aa9cbu, 0x3feedea64c123422u, 0x3feece086061892du, \
  0x3feebfdad5362a27u, 0x3feeb42b569d4f82u, 0x3feeab07dd485429u, 0x3feea47eb03a5585u, \
  0x3feea09e667f3bcdu, 0x3fee9f75e8ec5f74u, 0x3feea11473eb0187u, 0x3feea589994cce13u, \
  0x3feeace5422aa0dbu, 0x3feeb737b0cdc5e5u, 0x3feec49182a3f090u, 0x3feed503b23e255du, \
  0x3feee89f995ad3adu, 0x3feeff76f2fb5e47u, 0x3fef199bdd85529cu, 0x3fef3720dcef9069u, \
  0x3fef5818dcfba487u, 0x3fef7c97337b9b5fu, 0x3fefa4afa2a490dau, 0x3fefd0765b6e4540u
// Entry i: the bits of 2^(i/32) minus i << 47, so that adding k << 47 scales by 2^(k/32).
inline constexpr uint64_t kExp2fHost[32] = {GRADLAB_EXP2F_TABLE};
#if defined(__CUDACC__)
static __device__ const uint64_t kExp2fDevice[32] = {GRADLAB_EXP2F_TABLE};
#endif
#undef GRADLAB_EXP2F_TABLE

GRADLAB_SLEEF_HD uint64_t exp2f_word(uint64_t i) {
#if defined(__CUDA_ARCH__)
  return kExp2fDevice[i];
#else
  return kExp2fHost[i];
#endif
}

GRADLAB_SLEEF_HD float libm_expf(float x) {
  GRADLAB_SLEEF_NO_CONTRACT
  constexpr double kInvLn2N = 0x1.71547652b82fep+0 * 32;
  constexpr double kShift = 0x1.8p+52;  // adding it rounds to an integer in the low bits
  constexpr double kC0 = 0x1.c6af84b912394p-5 / 32 / 32 / 32;
  constexpr double kC1 = 0x1.ebfce50fac4f3p-3 / 32 / 32;
  constexpr double kC2 = 0x1.62e42ff0c52d6p-1 / 32;
  uint32_t abstop = (bits_of(x) >> 20) & 0x7ffu;
  if (abstop >= 0x42bu) {  // |x| >= 88, or NaN
    if (bits_of(x) == 0xff800000u) return 0.0f;
    if (abstop >= 0x7f8u) return x + x;
    if (x > 0x1.62e42ep6f) return INFINITY;
    if (x < -0x1.9fe368p6f) return 0.0f;
  }
  double xd = static_cast<double>(x);
  double kd = fma1(kInvLn2N, xd, kShift);  // x*32/ln2 rounded to an integer k (the FMA build
  uint64_t ki = bits_of(kd);               // fuses the product into both of its uses)
  kd -= kShift;
  double r = fma1(kInvLn2N, xd, -kd);
  double s = double_of(exp2f_word(ki % 32) + (ki << 47));  // 2^(k/32)
  double z = fma1(kC0, r, kC1);
  double r2 = r * r;
  double y = fma1(kC2, r, 1.0);
  y = fma1(z, r2, y);
  return static_cast<float>(y * s);
}

// ---- expm1, log1p, erf: xexpm1f / xexpm1, xlog1pf / xlog1p, xerff_u1 / xerf_u1 ----------------
// What PyTorch's torch.expm1, torch.log1p and torch.erf (and the activations built on them: elu,
// softplus, gelu) compute on every element: Sleef_expm1f8_u10, Sleef_log1pf8_u10, Sleef_erff8_u10
// and their float64 twins. No coupling between lanes.

GRADLAB_SLEEF_HD bool is_neg_zero(float x) { return bits_of(x) == 0x80000000u; }
GRADLAB_SLEEF_HD bool is_neg_zero(double x) { return bits_of(x) == 0x8000000000000000u; }

GRADLAB_SLEEF_HD float expm1f_u10(float a) {
  GRADLAB_SLEEF_NO_CONTRACT
  F2 d = dfadd2_21(expk2f(F2{a, 0.0f}), -1.0f);
  float x = d.x + d.y;
  if (a > 88.72283172607421875f) x = INFINITY;
  if (a < -16.635532333438687426013570f) x = -1.0f;
  if (is_neg_zero(a)) x = -0.0f;
  return x;
}

GRADLAB_SLEEF_HD double expm1_u10(double a) {
  GRADLAB_SLEEF_NO_CONTRACT
  D2 d = dfadd2_21(expk2(D2{a, 0.0}), -1.0);
  double x = d.x + d.y;
  if (a > 709.782712893383996732223) x = INFINITY;
  if (a < -36.736800569677101399113302437) x = -1.0;
  if (is_neg_zero(a)) x = -0.0;
  return x;
}

// log(1 + d) as log(2^e · m') with m' = (1 + d)·2^-e formed by one fma from d, then SLEEF's log
// series in (m'-1)/(m'+1).
GRADLAB_SLEEF_HD float log1pf_u10(float d) {
  GRADLAB_SLEEF_NO_CONTRACT
  float dp1 = d + 1.0f;
  bool subnormal = dp1 < 1.17549435e-38f;  // FLT_MIN
  if (subnormal) dp1 = dp1 * (4294967296.0f * 4294967296.0f);
  int32_t e = ilogb2k(dp1 * (1.0f / 0.75f));
  float t = ldexp3k(1.0f, -e);
  float m = fma_f(d, t, t - 1.0f);
  if (subnormal) e -= 64;
  F2 s = dfmul_21(F2{0.69314718246459960938f, -1.904654323148236017e-09f}, static_cast<float>(e));

  F2 x = dfdiv_22(F2{m, 0.0f}, dfadd_11(2.0f, m));
  float x2 = x.x * x.x;
  t = +0.3027294874e+0f;
  t = fma_f(t, x2, +0.3996108174e+0f);
  t = fma_f(t, x2, +0.6666694880e+0f);
  s = dfadd_22(s, df_scale(x, 2.0f));
  s = dfadd_21(s, x2 * x.x * t);
  float r = s.x + s.y;

  if (d > 1e+38f) r = INFINITY;
  if (-1.0f > d) r = float_of(0xffffffffu);  // SLEEF ors the mask in: all bits set
  if (d == -1.0f) r = -INFINITY;
  if (is_neg_zero(d)) r = -0.0f;
  return r;
}

GRADLAB_SLEEF_HD double log1p_u10(double d) {
  GRADLAB_SLEEF_NO_CONTRACT
  double dp1 = d + 1.0;
  bool subnormal = dp1 < 2.2250738585072014e-308;  // DBL_MIN
  if (subnormal) dp1 = dp1 * (4294967296.0 * 4294967296.0);
  int32_t e = ilogb2k(dp1 * (1.0 / 0.75));
  double t = ldexp3k(1.0, -e);
  double m = fma1(d, t, t - 1.0);
  if (subnormal) e -= 64;
  D2 s = dfmul_21(D2{0.693147180559945286226764, 2.319046813846299558417771e-17}, static_cast<double>(e));

  D2 x = dfdiv_22(D2{m, 0.0}, dfadd_11(2.0, m));
  double x2 = x.x * x.x;
  double x4 = x2 * x2, x8 = x4 * x4;
  t = poly7(x2, x4, x8, 0.1532076988502701353e+0, 0.1525629051003428716e+0, 0.1818605932937785996e+0,
            0.2222214519839380009e+0, 0.2857142932794299317e+0, 0.3999999999635251990e+0,
            0.6666666666667333541e+0);
  s = dfadd_22(s, df_scale(x, 2.0));
  s = dfadd_21(s, x2 * x.x * t);
  double r = s.x + s.y;

  if (d > 1e+307) r = INFINITY;
  if (d < -1.0 || d != d) r = NAN;
  if (d == -1.0) r = -INFINITY;
  if (is_neg_zero(d)) r = -0.0;
  return r;
}

// erf: a polynomial in x² below the first bound, 1 - exp(poly(|x|)) up to the last, 1 beyond;
// each band has its own coefficients, picked per lane (SLEEF's vsel_v*_vo_vo_*_*_*).
template <class T>
GRADLAB_SLEEF_HD T band3(int band, T c0, T c1, T c2) { return band == 0 ? c0 : band == 1 ? c1 : c2; }
// A double constant as a float pair: its float rounding and the rest (vsel_vf2_vo_vo_d_d_d).
GRADLAB_SLEEF_HD F2 float_pair(double c) {
  return F2{static_cast<float>(c), static_cast<float>(c - static_cast<double>(static_cast<float>(c)))};
}

GRADLAB_SLEEF_HD float erff_u10(float s) {
  GRADLAB_SLEEF_NO_CONTRACT
  const float a = std::fabs(s);
  const int band = a < 1.1f ? 0 : a < 2.4f ? 1 : 2;
  const float u = band == 0 ? a * a : a;
  float t = band3(band, +0.7089292194e-4f, -0.1792667899e-4f, -0.9495757695e-5f);
  t = fma_f(t, u, band3(band, -0.7768311189e-3f, +0.3937633010e-3f, +0.2481465926e-3f));
  t = fma_f(t, u, band3(band, +0.5159463733e-2f, -0.3949181177e-2f, -0.2918176819e-2f));
  t = fma_f(t, u, band3(band, -0.2683781274e-1f, +0.2445474640e-1f, +0.2059706673e-1f));
  t = fma_f(t, u, band3(band, +0.1128318012e+0f, -0.1070996150e+0f, -0.9901899844e-1f));
  F2 d = dfmul_11(t, u);
  d = dfadd2_22(d, float_pair(band3(band, -0.376125876000657465175213237214e+0, -0.634588905908410389971210809210e+0,
                                    -0.643598050547891613081201721633e+0)));
  d = dfmul_21(d, u);
  d = dfadd2_22(d, float_pair(band3(band, +0.112837916021059138255978217023e+1, -0.112879855826694507209862753992e+1,
                                    -0.112461487742845562801052956293e+1)));
  d = dfmul_21(d, a);
  if (band != 0) d = dfadd_12(1.0f, df_neg(expk2f(d)));
  float r = mulsign(a < 4.0f ? d.x + d.y : 1.0f, s);
  return a != a ? NAN : r;
}

GRADLAB_SLEEF_HD double erf_u10(double s) {
  GRADLAB_SLEEF_NO_CONTRACT
  const double a = std::fabs(s);
  const int b = a < 1.0 ? 0 : a < 3.7 ? 1 : 2;
  const double u = b == 0 ? a * a : a;
  double t = band3(b, +0.6801072401395392157e-20, +0.2830954522087717660e-13, -0.5846750404269610493e-17);
  t = fma1(t, u, band3(b, -0.2161766247570056391e-18, -0.1509491946179481940e-11, +0.6076691048812607898e-15));
  t = fma1(t, u, band3(b, +0.4695919173301598752e-17, +0.3827857177807173152e-10, -0.3007518609604893831e-13));
  t = fma1(t, u, band3(b, -0.9049140419888010819e-16, -0.6139733921558987241e-09, +0.9427906260824646063e-12));
  t = fma1(t, u, band3(b, +0.1634018903557411517e-14, +0.6985387934608038824e-08, -0.2100110908269393629e-10));
  t = fma1(t, u, band3(b, -0.2783485786333455216e-13, -0.5988224513034371474e-07, +0.3534639523461223473e-09));
  t = fma1(t, u, band3(b, +0.4463221276786412722e-12, +0.4005716952355346640e-06, -0.4664967728285395926e-08));
  t = fma1(t, u, band3(b, -0.6711366622850138987e-11, -0.2132190104575784400e-05, +0.4943823283769000532e-07));
  t = fma1(t, u, band3(b, +0.9422759050232658346e-10, +0.9092461304042630325e-05, -0.4271203394761148254e-06));
  t = fma1(t, u, band3(b, -0.1229055530100228477e-08, -0.3079188080966205457e-04, +0.3034067677404915895e-05));
  t = fma1(t, u, band3(b, +0.1480719281585085023e-07, +0.7971413443082370762e-04, -0.1776295289066871135e-04));
  t = fma1(t, u, band3(b, -0.1636584469123402714e-06, -0.1387853215225442864e-03, +0.8524547630559505050e-04));
  t = fma1(t, u, band3(b, +0.1646211436588923363e-05, +0.6469678026257590965e-04, -0.3290582944961784398e-03));
  t = fma1(t, u, band3(b, -0.1492565035840624866e-04, +0.4996645280372945860e-03, +0.9696966068789101157e-03));
  t = fma1(t, u, band3(b, +0.1205533298178966496e-03, -0.1622802482842520535e-02, -0.1812527628046986137e-02));
  t = fma1(t, u, band3(b, -0.8548327023450851166e-03, +0.1615320557049377171e-03, -0.4725409828123619017e-03));
  t = fma1(t, u, band3(b, +0.5223977625442188799e-02, +0.1915262325574875607e-01, +0.2090315427924229266e-01));
  t = fma1(t, u, band3(b, -0.2686617064513125569e-01, -0.1027818298486033455e+00, -0.1052041921842776645e+00));
  t = fma1(t, u, band3(b, +0.1128379167095512753e+00, -0.6366172819842503827e+00, -0.6345351808766568347e+00));
  t = fma1(t, u, band3(b, -0.3761263890318375380e+00, -0.1128379590648910469e+01, -0.1129442929103524396e+01));
  D2 d = dfmul_11(t, u);
  d = dfadd2_22(d, D2{band3(b, 1.1283791670955125586, 3.4110644736196137587e-08, 0.00024963035690526438285),
                      band3(b, 1.5335459613165822674e-17, -2.4875650708323294246e-24, -5.4362665034856259795e-21)});
  d = b == 0 ? dfmul_21(d, a) : dfadd_12(1.0, df_neg(expk2(d)));
  double r = mulsign(a < 6.0 ? d.x + d.y : 1.0, s);
  return a != a ? NAN : r;
}

// ---- log2, log10, sinh, cosh: xlog2f / xlog2, xlog10f / xlog10, xsinhf / xsinh, xcoshf / xcosh -------
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfsub_22(Pair<T> x, Pair<T> y) {  // x − y, |x| >= |y|
  GRADLAB_SLEEF_NO_CONTRACT
  T s = x.x - y.x;
  T t = ((x.x - s) - y.x) + x.y;
  return {s, t - y.y};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfadd2_12(T x, Pair<T> y) {
  GRADLAB_SLEEF_NO_CONTRACT
  T s = x + y.x;
  T v = s - x;
  return {s, ((x - (s - v)) + (y.x - v)) + y.y};
}

// The mantissa m in [0.75, 1.5) and exponent e of d > 0 (subnormals scaled up first), as SLEEF's
// log family splits its argument.
template <class T>
struct LogSplit {
  T m;
  int32_t e;
};
GRADLAB_SLEEF_HD LogSplit<float> log_split(float d) {
  GRADLAB_SLEEF_NO_CONTRACT
  const bool subnormal = d < 1.17549435e-38f;
  if (subnormal) d = d * (4294967296.0f * 4294967296.0f);
  int32_t e = ilogb2k(d * static_cast<float>(1.0 / 0.75));
  const float m = ldexp3k(d, -e);
  if (subnormal) e -= 64;
  return {m, e};
}
GRADLAB_SLEEF_HD LogSplit<double> log_split(double d) {
  GRADLAB_SLEEF_NO_CONTRACT
  const bool subnormal = d < 2.2250738585072014e-308;
  if (subnormal) d = d * (4294967296.0 * 4294967296.0);
  int32_t e = ilogb2k(d * (1.0 / 0.75));
  const double m = ldexp3k(d, -e);
  if (subnormal) e -= 64;
  return {m, e};
}
// The special values every log shares: +inf, NaN below 0, −inf at 0.
template <class T>
GRADLAB_SLEEF_HD T log_specials(T d, T r) {
  if (d == T(INFINITY)) r = T(INFINITY);
  if (d < T(0) || d != d) r = T(NAN);
  if (d == T(0)) r = T(-INFINITY);
  return r;
}

GRADLAB_SLEEF_HD float log2f_u10(float d) {
  GRADLAB_SLEEF_NO_CONTRACT
  const LogSplit<float> sp = log_split(d);
  F2 x = dfdiv_22(dfadd2_11(-1.0f, sp.m), dfadd2_11(1.0f, sp.m));
  float x2 = x.x * x.x;
  float t = +0.4374550283e+0f;
  t = fma_f(t, x2, +0.5764790177e+0f);
  t = fma_f(t, x2, +0.9618012905120f);
  F2 s = dfadd2_12(static_cast<float>(sp.e), dfmul_22(x, F2{2.8853900432586669922f, 3.2734474483568488616e-08f}));
  s = dfadd2_21(s, x2 * x.x * t);
  return log_specials(d, s.x + s.y);
}

GRADLAB_SLEEF_HD double log2_u10(double d) {
  GRADLAB_SLEEF_NO_CONTRACT
  const LogSplit<double> sp = log_split(d);
  D2 x = dfdiv_22(dfadd2_11(-1.0, sp.m), dfadd2_11(1.0, sp.m));
  double x2 = x.x * x.x, x4 = x2 * x2, x8 = x4 * x4;
  double t = poly7(x2, x4, x8, +0.2211941750456081490e+0, +0.2200768693152277689e+0, +0.2623708057488514656e+0,
                   +0.3205977477944495502e+0, +0.4121985945485324709e+0, +0.5770780162997058982e+0,
                   +0.96179669392608091449);
  D2 s = dfadd2_12(static_cast<double>(sp.e), dfmul_22(x, D2{2.885390081777926774, 6.0561604995516736434e-18}));
  s = dfadd2_21(s, x2 * x.x * t);
  return log_specials(d, s.x + s.y);
}

GRADLAB_SLEEF_HD float log10f_u10(float d) {
  GRADLAB_SLEEF_NO_CONTRACT
  const LogSplit<float> sp = log_split(d);
  F2 x = dfdiv_22(dfadd2_11(-1.0f, sp.m), dfadd2_11(1.0f, sp.m));
  float x2 = x.x * x.x;
  float t = +0.1314289868e+0f;
  t = fma_f(t, x2, +0.1735493541e+0f);
  t = fma_f(t, x2, +0.2895309627e+0f);
  F2 s = dfmul_21(F2{0.30103001f, -1.432098889e-08f}, static_cast<float>(sp.e));
  s = dfadd_22(s, dfmul_22(x, F2{0.868588984f, -2.170757285e-08f}));
  s = dfadd_21(s, x2 * x.x * t);
  return log_specials(d, s.x + s.y);
}

GRADLAB_SLEEF_HD double log10_u10(double d) {
  GRADLAB_SLEEF_NO_CONTRACT
  const LogSplit<double> sp = log_split(d);
  D2 x = dfdiv_22(dfadd2_11(-1.0, sp.m), dfadd2_11(1.0, sp.m));
  double x2 = x.x * x.x, x4 = x2 * x2, x8 = x4 * x4;
  double t = poly7(x2, x4, x8, +0.6653725819576758460e-1, +0.6625722782820833712e-1, +0.7898105214313944078e-1,
                   +0.9650955035715275132e-1, +0.1240841409721444993e+0, +0.1737177927454605086e+0,
                   +0.2895296546021972617e+0);
  D2 s = dfmul_21(D2{0.30102999566398119802, -2.803728127785170339e-18}, static_cast<double>(sp.e));
  s = dfadd_22(s, dfmul_22(x, D2{0.86858896380650363334, 1.1430059694096389311e-17}));
  s = dfadd_21(s, x2 * x.x * t);
  return log_specials(d, s.x + s.y);
}

// sinh and cosh: (e^|x| ∓ e^−|x|)/2 in double-float, infinite beyond the bound (89 / 710).
template <class T>
GRADLAB_SLEEF_HD T all_bits_nan() {
  if constexpr (std::is_same_v<T, float>) return float_of(0xffffffffu);
  else return double_of(~uint64_t{0});
}
GRADLAB_SLEEF_HD Pair<float> exp_pair(float y) { return expk2f(F2{y, 0.0f}); }
GRADLAB_SLEEF_HD Pair<double> exp_pair(double y) { return expk2(D2{y, 0.0}); }
template <class T>
GRADLAB_SLEEF_HD T sinh_u10(T x) {
  GRADLAB_SLEEF_NO_CONTRACT
  const T bound = std::is_same_v<T, float> ? T(89) : T(710);
  Pair<T> d = exp_pair(std::fabs(x));
  d = dfsub_22(d, dfrec_2(d));
  T y = (d.x + d.y) * T(0.5);
  if (std::fabs(x) > bound || y != y) y = T(INFINITY);
  y = mulsign(y, x);
  return x != x ? all_bits_nan<T>() : y;
}
template <class T>
GRADLAB_SLEEF_HD T cosh_u10(T x) {
  GRADLAB_SLEEF_NO_CONTRACT
  const T bound = std::is_same_v<T, float> ? T(89) : T(710);
  Pair<T> d = exp_pair(std::fabs(x));
  d = dfadd_22(d, dfrec_2(d));
  T y = (d.x + d.y) * T(0.5);
  if (std::fabs(x) > bound || y != y) y = T(INFINITY);
  return x != x ? all_bits_nan<T>() : y;
}


// ---- tan, asin, acos, atan, atan2, hypot, erfc: xtanf_u1 / xtan_u1, xasinf_u1 / xasin_u1, ----
// xacosf_u1 / xacos_u1, xatanf_u1 / xatan_u1, xatan2f_u1 / xatan2_u1, xhypotf_u05 / xhypot_u05,
// xerfcf_u15 / xerfc_u15. What torch.tan, asin, acos, atan and erfc compute on every element
// (ATen's vml kernels: whole vectors, the last one padded), and atan2 and hypot in the vectors of
// a run (Note [Position in the run]). float32 tan reduces a whole vector of 8 at once, like sin
// (Note [SLEEF trig works on whole vectors]); float64 tan reduces a vector of 4 the medium way
// when any lane is 15 or more, which gives the small lanes the same bits (checked with mixed
// vectors), and its Payne-Hanek path (|x| >= 1e14) is not reproduced (libm, as sin).

template <class T>
GRADLAB_SLEEF_HD Pair<T> dfsub_21(Pair<T> x, T y) {  // x − y
  GRADLAB_SLEEF_NO_CONTRACT
  T s = x.x - y;
  return {s, ((x.x - s) - y) + x.y};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfrec_1(T d) {  // 1 / d
  GRADLAB_SLEEF_NO_CONTRACT
  T s = T(1) / d;
  return {s, s * one_minus_product(d, s)};
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfsqrt_1(T d) {  // √d: a square root refined by one Newton step
  GRADLAB_SLEEF_NO_CONTRACT
  T t = std::sqrt(d);
  return df_scale(dfmul_22(dfadd2_12(d, dfmul_11(t, t)), dfrec_1(t)), T(0.5));
}
template <class T>
GRADLAB_SLEEF_HD Pair<T> dfsqrt_2(Pair<T> d) {
  GRADLAB_SLEEF_NO_CONTRACT
  T t = std::sqrt(d.x + d.y);
  return df_scale(dfmul_22(dfadd2_22(d, dfmul_11(t, t)), dfrec_1(t)), T(0.5));
}
// visinf2: ±m (m's bits with d's sign or'ed in) where d is infinite, +0 elsewhere.
template <class T>
GRADLAB_SLEEF_HD T inf_sign_or_zero(T d, T m) {
  return is_inf(d) ? (std::signbit(d) ? -std::fabs(m) : m) : T(0);
}

GRADLAB_SLEEF_HD float tanf_u10(float d, bool payne_hanek = false) {
  GRADLAB_SLEEF_NO_CONTRACT
  F2 s;
  int32_t q;
  if (std::fabs(d) < kTrigRangeMax2f && !payne_hanek) {
    float u = rint_f(d * static_cast<float>(2 * 0.318309886183790671537767526745028724));
    q = rint_i32(u);
    float v = fma_f(u, -kPI_A2f * 0.5f, d);
    s = dfadd2_11(v, u * (-kPI_B2f * 0.5f));
    s = dfadd_21(s, u * (-kPI_C2f * 0.5f));
  } else {
    if (is_nan(d) || is_inf(d)) return float_of(0xffffffffu);
    DFI dfi = rempif(d);  // quarter turns, as q above
    q = dfi.i;
    s = dfi.df;
  }
  const bool odd = (q & 1) == 1;
  if (odd) s = df_neg(s);  // tan(s + pi/2) = −1/tan(s) = 1/tan(−s)
  F2 t = s;
  s = df_normalize(dfsqu_2(s));
  float u = 0.00446636462584137916564941f;
  u = fma_f(u, s.x, -8.3920182078145444393158e-05f);
  u = fma_f(u, s.x, 0.0109639242291450500488281f);
  u = fma_f(u, s.x, 0.0212360303848981857299805f);
  u = fma_f(u, s.x, 0.0540687143802642822265625f);
  F2 x = dfadd_11(0.133325666189193725585938f, u * s.x);
  x = dfadd_12(1.0f, dfmul_22(dfadd_12(0.33333361148834228515625f, dfmul_22(s, x)), s));
  x = dfmul_22(t, x);
  if (odd) x = dfrec_2(x);
  u = x.x + x.y;
  return is_neg_zero(d) ? d : u;
}

GRADLAB_SLEEF_HD double tan_u10(double d) {
  GRADLAB_SLEEF_NO_CONTRACT
  const double a = std::fabs(d);
  if (!(a < 1e14)) return d != d || a == INFINITY ? double_of(~uint64_t{0}) : std::tan(d);
  D2 s;
  int32_t ql;
  if (a < 15.0) {
    double dql = rint_d(d * (2 * kM_1_PI));
    ql = rint_i32(dql);
    s = dfadd_11(fma1(dql, -kPI_A2 * 0.5, d), dql * (-kPI_B2 * 0.5));
  } else {
    // quotient = dqh + dql with dqh a multiple of 2^24, so each product with a pi part is exact
    double dqh = std::trunc(d * (2 * kM_1_PI / (1 << 24))) * (1 << 24);
    s = dfadd2_21(dfmul_21(D2{0.63661977236758138243, -3.9357353350364971764e-17}, d), (d < 0 ? -0.5 : 0.5) - dqh);
    const double dql = std::trunc(s.x + s.y);
    ql = rint_i32(dql);
    s = dfadd_11(fma1(dqh, -kPI_A * 0.5, d), dql * (-kPI_A * 0.5));
    s = dfadd2_21(s, dqh * (-kPI_B * 0.5));
    s = dfadd2_21(s, dql * (-kPI_B * 0.5));
    s = dfadd2_21(s, dqh * (-kPI_C * 0.5));
    s = dfadd2_21(s, dql * (-kPI_C * 0.5));
    s = dfadd_21(s, (dqh + dql) * (-kPI_D * 0.5));
  }
  // tan(2t) = 2·tan t / (1 − tan² t) from tan t of the halved argument
  D2 t = df_scale(s, 0.5);
  s = dfsqu_2(t);
  const double s2 = s.x * s.x, s4 = s2 * s2;
  double u = poly8(s.x, s2, s4, +0.3245098826639276316e-3, +0.5619219738114323735e-3, +0.1460781502402784494e-2,
                   +0.3591611540792499519e-2, +0.8863268409563113126e-2, +0.2186948728185535498e-1,
                   +0.5396825399517272970e-1, +0.1333333333330500581e+0);
  u = fma1(u, s.x, +0.3333333333333343695e+0);
  D2 x = dfadd_22(t, dfmul_21(dfmul_22(s, t), u));
  D2 y = dfadd_12(-1.0, dfsqu_2(x));
  x = df_scale(x, -2.0);
  const bool odd = (ql & 1) == 1;
  x = dfdiv_22(odd ? df_neg(y) : x, odd ? x : y);
  u = x.x + x.y;
  return d == 0.0 ? d : u;
}

// asin and acos share the argument split: x² and x for |d| < ½, else (1 − |d|)/2 and its root.
template <class T>
struct AsinSplit {
  bool small;  // |d| < ½
  T x2;
  Pair<T> x;
};
template <class T>
GRADLAB_SLEEF_HD AsinSplit<T> asin_split(T d) {
  GRADLAB_SLEEF_NO_CONTRACT
  const T a = std::fabs(d);
  const bool small = a < T(0.5);
  const T x2 = small ? d * d : (T(1) - a) * T(0.5);
  Pair<T> x = small ? Pair<T>{a, T(0)} : dfsqrt_1(x2);
  if (a == T(1)) x = Pair<T>{T(0), T(0)};
  return {small, x2, x};
}
GRADLAB_SLEEF_HD float asin_poly(float x2, float x) {
  GRADLAB_SLEEF_NO_CONTRACT
  float u = +0.4197454825e-1f;
  u = fma_f(u, x2, +0.2424046025e-1f);
  u = fma_f(u, x2, +0.4547423869e-1f);
  u = fma_f(u, x2, +0.7495029271e-1f);
  u = fma_f(u, x2, +0.1666677296e+0f);
  return u * (x2 * x);
}
GRADLAB_SLEEF_HD double asin_poly(double x2, double x) {
  GRADLAB_SLEEF_NO_CONTRACT
  const double x4 = x2 * x2, x8 = x4 * x4, x16 = x8 * x8;
  const double u = fma1(x16, poly4(x2, x4, +0.3161587650653934628e-1, -0.1581918243329996643e-1,
                                   +0.1929045477267910674e-1, +0.6606077476277170610e-2),
                        poly8(x2, x4, x8, +0.1215360525577377331e-1, +0.1388715184501609218e-1,
                              +0.1735956991223614604e-1, +0.2237176181932048341e-1, +0.3038195928038132237e-1,
                              +0.4464285681377102438e-1, +0.7500000000378581611e-1, +0.1666666666666497543e+0));
  return u * (x2 * x);
}
// pi as a pair in each precision (hi, lo), scaled by a power of two where used.
GRADLAB_SLEEF_HD Pair<float> pi_pair(float scale) {
  return {3.1415927410125732422f * scale, -8.7422776573475857731e-08f * scale};
}
GRADLAB_SLEEF_HD Pair<double> pi_pair(double scale) {
  return {3.141592653589793116 * scale, 1.2246467991473532072e-16 * scale};
}

template <class T>
GRADLAB_SLEEF_HD T asin_u10(T d) {
  GRADLAB_SLEEF_NO_CONTRACT
  const AsinSplit<T> sp = asin_split(d);
  const T u = asin_poly(sp.x2, sp.x.x);
  const Pair<T> y = dfsub_21(dfsub_22(pi_pair(T(0.25)), sp.x), u);  // asin = pi/2 − 2·asin(√x2)
  const T r = sp.small ? u + sp.x.x : (y.x + y.y) * T(2);
  return mulsign(r, d);
}

template <class T>
GRADLAB_SLEEF_HD T acos_u10(T d) {
  GRADLAB_SLEEF_NO_CONTRACT
  const AsinSplit<T> sp = asin_split(d);
  const T u = asin_poly(sp.x2, sp.x.x);
  Pair<T> y = dfsub_22(pi_pair(T(0.5)), dfadd_11(mulsign(sp.x.x, d), mulsign(u, d)));
  const Pair<T> x = dfadd_21(sp.x, u);
  if (!sp.small) y = df_scale(x, T(2));
  if (!sp.small && d < T(0)) y = dfsub_22(pi_pair(T(1)), y);
  return y.x + y.y;
}

// atan2(y, x) for y >= 0 as a pair: the angle reduced to [0, pi/4] by quarter turns q.
GRADLAB_SLEEF_HD F2 atan2k_u1(F2 y, F2 x) {
  GRADLAB_SLEEF_NO_CONTRACT
  int32_t q = x.x < 0.0f ? -2 : 0;
  if (x.x < 0.0f) x = df_neg(x);
  const bool swap = x.x < y.x;
  if (swap) q += 1;
  F2 s = dfdiv_22(swap ? df_neg(x) : y, swap ? y : x);
  F2 t = df_normalize(dfsqu_2(s));
  float u = -0.00176397908944636583328247f;
  u = fma_f(u, t.x, 0.0107900900766253471374512f);
  u = fma_f(u, t.x, -0.0309564601629972457885742f);
  u = fma_f(u, t.x, 0.0577365085482597351074219f);
  u = fma_f(u, t.x, -0.0838950723409652709960938f);
  u = fma_f(u, t.x, 0.109463557600975036621094f);
  u = fma_f(u, t.x, -0.142626821994781494140625f);
  u = fma_f(u, t.x, 0.199983194470405578613281f);
  t = dfmul_22(t, dfadd_11(-0.333332866430282592773438f, u * t.x));
  t = dfmul_22(s, dfadd_12(1.0f, t));
  return dfadd_22(dfmul_21(F2{1.5707963705062866211f, -4.3711388286737928865e-08f}, static_cast<float>(q)), t);
}
GRADLAB_SLEEF_HD D2 atan2k_u1(D2 y, D2 x) {
  GRADLAB_SLEEF_NO_CONTRACT
  int32_t q = std::signbit(x.x) ? -2 : 0;  // the float version compares with 0 instead
  if (x.x < 0.0) x = df_neg(x);
  const bool swap = x.x < y.x;
  if (swap) q += 1;
  D2 s = dfdiv_22(swap ? df_neg(x) : y, swap ? y : x);
  D2 t = df_normalize(dfsqu_2(s));
  const double t2 = t.x * t.x, t4 = t2 * t2, t8 = t4 * t4;
  double u = fma1(t8,
                  poly8(t.x, t2, t4, 1.06298484191448746607415e-05, -0.000125620649967286867384336,
                        0.00070557664296393412389774, -0.00251865614498713360352999, 0.00646262899036991172313504,
                        -0.0128281333663399031014274, 0.0208024799924145797902497, -0.0289002344784740315686289),
                  poly8(t.x, t2, t4, 0.0359785005035104590853656, -0.041848579703592507506027,
                        0.0470843011653283988193763, -0.0524914210588448421068719, 0.0587946590969581003860434,
                        -0.0666620884778795497194182, 0.0769225330296203768654095, -0.0909090442773387574781907));
  u = fma1(u, t.x, 0.111111108376896236538123);
  u = fma1(u, t.x, -0.142857142756268568062339);
  u = fma1(u, t.x, 0.199999999997977351284817);
  u = fma1(u, t.x, -0.333333333333317605173818);
  t = dfadd_22(s, dfmul_21(dfmul_22(s, t), u));
  return dfadd_22(dfmul_21(D2{1.570796326794896557998982, 6.12323399573676603586882e-17}, static_cast<double>(q)), t);
}

template <class T>
GRADLAB_SLEEF_HD T atan_u10(T d) {
  GRADLAB_SLEEF_NO_CONTRACT
  const Pair<T> a = atan2k_u1(Pair<T>{std::fabs(d), T(0)}, Pair<T>{T(1), T(0)});
  T r = a.x + a.y;
  if (is_inf(d)) r = T(1.570796326794896557998982);
  return mulsign(r, d);
}

template <class T>
GRADLAB_SLEEF_HD T atan2_u10(T y, T x) {
  GRADLAB_SLEEF_NO_CONTRACT
  constexpr bool kFloat = std::is_same_v<T, float>;
  // below 1/max (as SLEEF: nexttoward(1/max, 1)) both are scaled up, so that y/x cannot overflow
  const T tiny = kFloat ? T(2.9387372783541830947e-39f) : T(5.5626846462680083984e-309);
  if (std::fabs(x) < tiny) {
    const T scale = kFloat ? T(16777216.0f) : T(9007199254740992.0);
    x = x * scale;
    y = y * scale;
  }
  const Pair<T> d = atan2k_u1(Pair<T>{std::fabs(y), T(0)}, Pair<T>{x, T(0)});
  T r = mulsign(d.x + d.y, x);
  const T half_pi = T(M_PI / 2), quarter_pi = T(M_PI / 4);
  if (is_inf(x) || x == T(0)) r = half_pi - inf_sign_or_zero(x, mulsign(half_pi, x));
  if (is_inf(y)) r = half_pi - inf_sign_or_zero(x, mulsign(quarter_pi, x));
  if (y == T(0)) r = std::signbit(x) ? T(M_PI) : T(0);
  return is_nan(x) || is_nan(y) ? all_bits_nan<T>() : mulsign(r, y);
}

template <class T>
GRADLAB_SLEEF_HD T hypot_u05(T x, T y) {
  GRADLAB_SLEEF_NO_CONTRACT
  constexpr bool kFloat = std::is_same_v<T, float>;
  x = std::fabs(x);
  y = std::fabs(y);
  const T min = x < y ? x : y, max = x > y ? x : y;  // vminps / vmaxps: the second on NaN
  T n = min, d = max;
  if (max < (kFloat ? T(1.17549435e-38f) : T(2.2250738585072014e-308))) {  // subnormal: scale up
    const T scale = kFloat ? T(16777216.0f) : T(18014398509481984.0);
    n = n * scale;
    d = d * scale;
  }
  Pair<T> t = dfdiv_22(Pair<T>{n, T(0)}, Pair<T>{d, T(0)});
  t = dfmul_21(dfsqrt_2(dfadd2_21(dfsqu_2(t), T(1))), max);
  T r = t.x + t.y;
  if (is_nan(r)) r = T(INFINITY);
  if (min == T(0)) r = max;
  if (is_nan(x) || is_nan(y)) r = T(NAN);
  if (x == T(INFINITY) || y == T(INFINITY)) r = T(INFINITY);
  return r;
}

// erfc: per band (|x| below 1, 2.2, 4.3 (4.2), 10.1 (27.3)) its own coefficients, picked per lane.
template <class T>
GRADLAB_SLEEF_HD T band4(int band, T c0, T c1, T c2, T c3) {
  return band == 0 ? c0 : band == 1 ? c1 : band == 2 ? c2 : c3;
}

GRADLAB_SLEEF_HD float erfcf_u15(float s) {
  GRADLAB_SLEEF_NO_CONTRACT
  const float a = std::fabs(s);
  const int b = a < 1.0f ? 0 : a < 2.2f ? 1 : a < 4.3f ? 2 : 3;
  const bool near = a < 2.2f;  // o1: a polynomial in a; beyond, in 1/a times exp(−a²)
  const F2 u = near ? F2{a, 0.0f} : dfdiv_22(F2{1.0f, 0.0f}, F2{a, 0.0f});
  float t = band4(b, -0.8638041618e-4f, -0.6236977242e-5f, -0.3869504035e+0f, +0.1115344167e+1f);
  t = fma_f(t, u.x, band4(b, +0.6000166177e-3f, +0.5749821503e-4f, +0.1288077235e+1f, -0.9454904199e+0f));
  t = fma_f(t, u.x, band4(b, -0.1665703603e-2f, +0.6002851478e-5f, -0.1816803217e+1f, -0.3667259514e+0f));
  t = fma_f(t, u.x, band4(b, +0.1795156277e-3f, -0.2851036377e-2f, +0.1249150872e+1f, +0.7155663371e+0f));
  t = fma_f(t, u.x, band4(b, +0.1914106123e-1f, +0.2260518074e-1f, -0.1328857988e+0f, -0.1262947265e-1f));
  F2 d = dfmul_21(u, t);
  d = dfadd2_22(d, float_pair(band4(b, -0.102775359343930288081655368891e+0, -0.105247583459338632253369014063e+0,
                                    -0.482365310333045318680618892669e+0, -0.498961546254537647970305302739e+0)));
  d = dfmul_22(d, u);
  d = dfadd2_22(d, float_pair(band4(b, -0.636619483208481931303752546439e+0, -0.635609463574589034216723775292e+0,
                                    -0.134450203224533979217859332703e-2, -0.471199543422848492080722832666e-4)));
  d = dfmul_22(d, u);
  d = dfadd2_22(d, float_pair(band4(b, -0.112837917790537404939545770596e+1, -0.112855987376668622084547028949e+1,
                                    -0.572319781150472949561786101080e+0, -0.572364030327966044425932623525e+0)));
  F2 x = dfmul_21(near ? d : F2{-a, 0.0f}, a);
  if (!near) x = dfadd2_22(x, d);
  x = expk2f(x);
  if (!near) x = dfmul_22(x, u);
  float r = a < 10.1f ? x.x + x.y : 0.0f;
  if (std::signbit(s)) r = 2.0f - r;
  return is_nan(s) ? NAN : r;
}

GRADLAB_SLEEF_HD double erfc_u15(double s) {
  GRADLAB_SLEEF_NO_CONTRACT
  const double a = std::fabs(s);
  const int b = a < 1.0 ? 0 : a < 2.2 ? 1 : a < 4.2 ? 2 : 3;
  const D2 u = b == 0 ? dfmul_11(a, a) : b == 1 ? D2{a, 0.0} : dfdiv_22(D2{1.0, 0.0}, D2{a, 0.0});
  double t = band4(b, +0.6801072401395386139e-20, +0.3438010341362585303e-12, -0.5757819536420710449e+2, +0.2334249729638701319e+5);
  t = fma1(t, u.x, band4(b, -0.2161766247570055669e-18, -0.1237021188160598264e-10, +0.4669289654498104483e+3, -0.4695661044933107769e+5));
  t = fma1(t, u.x, band4(b, +0.4695919173301595670e-17, +0.2117985839877627852e-09, -0.1796329879461355858e+4, +0.3173403108748643353e+5));
  t = fma1(t, u.x, band4(b, -0.9049140419888007122e-16, -0.2290560929177369506e-08, +0.4355892193699575728e+4, +0.3242982786959573787e+4));
  t = fma1(t, u.x, band4(b, +0.1634018903557410728e-14, +0.1748931621698149538e-07, -0.7456258884965764992e+4, -0.2014717999760347811e+5));
  t = fma1(t, u.x, band4(b, -0.2783485786333451745e-13, -0.9956602606623249195e-07, +0.9553977358167021521e+4, +0.1554006970967118286e+5));
  t = fma1(t, u.x, band4(b, +0.4463221276786415752e-12, +0.4330010240640327080e-06, -0.9470019905444229153e+4, -0.6150874190563554293e+4));
  t = fma1(t, u.x, band4(b, -0.6711366622850136563e-11, -0.1435050600991763331e-05, +0.7387344321849855078e+4, +0.1240047765634815732e+4));
  t = fma1(t, u.x, band4(b, +0.9422759050232662223e-10, +0.3460139479650695662e-05, -0.4557713054166382790e+4, -0.8210325475752699731e+2));
  t = fma1(t, u.x, band4(b, -0.1229055530100229098e-08, -0.4988908180632898173e-05, +0.2207866967354055305e+4, +0.3242443880839930870e+2));
  t = fma1(t, u.x, band4(b, +0.1480719281585086512e-07, -0.1308775976326352012e-05, -0.8217975658621754746e+3, -0.2923418863833160586e+2));
  t = fma1(t, u.x, band4(b, -0.1636584469123399803e-06, +0.2825086540850310103e-04, +0.2268659483507917400e+3, +0.3457461732814383071e+0));
  t = fma1(t, u.x, band4(b, +0.1646211436588923575e-05, -0.6393913713069986071e-04, -0.4633361260318560682e+2, +0.5489730155952392998e+1));
  t = fma1(t, u.x, band4(b, -0.1492565035840623511e-04, -0.2566436514695078926e-04, +0.9557380123733945965e+1, +0.1559934132251294134e-2));
  t = fma1(t, u.x, band4(b, +0.1205533298178967851e-03, +0.5895792375659440364e-03, -0.2958429331939661289e+1, -0.1541741566831520638e+1));
  t = fma1(t, u.x, band4(b, -0.8548327023450850081e-03, -0.1695715579163588598e-02, +0.1670329508092765480e+0, +0.2823152230558364186e-5));
  t = fma1(t, u.x, band4(b, +0.5223977625442187932e-02, +0.2089116434918055149e-03, +0.6096615680115419211e+0, +0.6249999184195342838e+0));
  t = fma1(t, u.x, band4(b, -0.2686617064513125222e-01, +0.1912855949584917753e-01, +0.1059212443193543585e-2, +0.1741749416408701288e-8));
  D2 d = dfmul_21(u, t);
  d = dfadd2_22(d, D2{band4(b, 0.11283791670955126141, -0.10277263343147646779, -0.50005180473999022439, -0.5000000000258444377),
                      band4(b, -4.0175691625932118483e-18, -6.2338714083404900225e-18, 2.6362140569041995803e-17, -4.0074044712386992281e-17)});
  d = dfmul_22(d, u);
  d = dfadd2_22(d, D2{band4(b, -0.37612638903183753802, -0.63661976742916359662, 1.601106273924963368e-06, 2.3761973137523364792e-13),
                      band4(b, 1.3391897206042552387e-17, 7.6321019159085724662e-18, 1.1974001857764476775e-23, -1.1670076950531026582e-29)});
  d = dfmul_22(d, u);
  d = dfadd2_22(d, D2{band4(b, 1.1283791670955125586, -1.1283791674717296161, -0.57236496645145429341, -0.57236494292470108114),
                      band4(b, 1.5335459613165822674e-17, 8.0896847755965377194e-17, 3.0704553245872027258e-17, -2.3984352208056898003e-17)});
  const bool near = b <= 1;
  D2 x = dfmul_21(near ? d : D2{-a, 0.0}, a);
  if (!near) x = dfadd2_22(x, d);
  x = b == 0 ? dfsub_22(D2{1.0, 0.0}, x) : expk2(x);
  if (!near) x = dfmul_22(x, u);
  double r = a < 27.3 ? x.x + x.y : 0.0;
  if (std::signbit(s)) r = 2.0 - r;
  return is_nan(s) ? NAN : r;
}

}  // namespace sleef_detail

// ---- public entry points -----------------------------------------------------------------------

GRADLAB_SLEEF_HD float sleef_expf(float x) { return sleef_detail::expf_u10(x); }
GRADLAB_SLEEF_HD float sleef_logf(float x) { return sleef_detail::logf_u10(x); }
GRADLAB_SLEEF_HD float sleef_tanhf(float x) { return sleef_detail::tanhf_u10(x); }

// Whether a float32 element forces Payne-Hanek on its whole vector of 8 (Note [SLEEF trig works
// on whole vectors]): |x| >= 125, infinite or NaN.
GRADLAB_SLEEF_HD bool sleef_trig_needs_payne_hanek(float x) { return !(std::fabs(x) < 125.0f); }
// The flag for a group of n <= 8 consecutive elements (PyTorch pads a short group with zeros).
GRADLAB_SLEEF_HD bool sleef_trig_vector_needs_payne_hanek(const float* x, int n) {
  bool any = false;
  for (int i = 0; i < n; ++i) any = any || sleef_trig_needs_payne_hanek(x[i]);
  return any;
}
// vector_needs_payne_hanek: the flag of the element's group of 8; false is right whenever no
// element of the group is >= 125 in magnitude or non-finite (and for x itself being such).
GRADLAB_SLEEF_HD float sleef_sinf(float x, bool vector_needs_payne_hanek = false) {
  return sleef_detail::sinf_u10(x, vector_needs_payne_hanek);
}
GRADLAB_SLEEF_HD float sleef_cosf(float x, bool vector_needs_payne_hanek = false) {
  return sleef_detail::cosf_u10(x, vector_needs_payne_hanek);
}

// x^y as Sleef_powf8_u10 / Sleef_powd4_u10 compute it: what PyTorch's pow gives the elements of
// the vectorised part of a run (Note [Position in the run] in engine/backend/cpu/elementwise_loops.h).
GRADLAB_SLEEF_HD float sleef_powf(float x, float y) { return sleef_detail::powf_u10(x, y); }
GRADLAB_SLEEF_HD double sleef_pow(double x, double y) { return sleef_detail::pow_u10(x, y); }

// PyTorch's sigmoid (Note [PyTorch's sigmoid] below): `vectorized` says whether the element is in
// a full group of 16 (float32) / 8 (float64) of its contiguous run, or in the scalar tail.
GRADLAB_SLEEF_HD float sleef_sigmoidf(float x, bool vectorized) {
  if (vectorized) return 1.0f / (1.0f + sleef_detail::expf_u10(0.0f - x));
  return 1.0f / (1.0f + sleef_detail::libm_expf(-x));
}
// glibc's expf on every build (what std::exp(float) is natively on x86-64 with FMA).
GRADLAB_SLEEF_HD float libm_expf(float x) { return sleef_detail::libm_expf(x); }

GRADLAB_SLEEF_HD double sleef_exp(double x) { return sleef_detail::exp_u10(x); }
GRADLAB_SLEEF_HD double sleef_log(double x) { return sleef_detail::log_u10(x); }
GRADLAB_SLEEF_HD double sleef_tanh(double x) { return sleef_detail::tanh_u10(x); }
GRADLAB_SLEEF_HD double sleef_sin(double x) { return sleef_detail::sin_u10(x); }
GRADLAB_SLEEF_HD double sleef_cos(double x) { return sleef_detail::cos_u10(x); }
// The float64 tail uses glibc's exp on every build (Note [glibc's libm]; never on a CUDA device).
GRADLAB_SLEEF_HD double sleef_sigmoid(double x, bool vectorized) {
  if (vectorized) return 1.0 / (1.0 + sleef_detail::exp_u10(0.0 - x));
#if defined(__CUDA_ARCH__)
  return 1.0 / (1.0 + std::exp(-x));
#else
  return 1.0 / (1.0 + glibc_exp(-x));
#endif
}

GRADLAB_SLEEF_HD float sleef_expm1(float x) { return sleef_detail::expm1f_u10(x); }
GRADLAB_SLEEF_HD double sleef_expm1(double x) { return sleef_detail::expm1_u10(x); }
GRADLAB_SLEEF_HD float sleef_log1p(float x) { return sleef_detail::log1pf_u10(x); }
GRADLAB_SLEEF_HD double sleef_log1p(double x) { return sleef_detail::log1p_u10(x); }
GRADLAB_SLEEF_HD float sleef_erf(float x) { return sleef_detail::erff_u10(x); }
GRADLAB_SLEEF_HD double sleef_erf(double x) { return sleef_detail::erf_u10(x); }
GRADLAB_SLEEF_HD float sleef_log2(float x) { return sleef_detail::log2f_u10(x); }
GRADLAB_SLEEF_HD double sleef_log2(double x) { return sleef_detail::log2_u10(x); }
GRADLAB_SLEEF_HD float sleef_log10(float x) { return sleef_detail::log10f_u10(x); }
GRADLAB_SLEEF_HD double sleef_log10(double x) { return sleef_detail::log10_u10(x); }
GRADLAB_SLEEF_HD float sleef_sinh(float x) { return sleef_detail::sinh_u10(x); }
GRADLAB_SLEEF_HD double sleef_sinh(double x) { return sleef_detail::sinh_u10(x); }
GRADLAB_SLEEF_HD float sleef_cosh(float x) { return sleef_detail::cosh_u10(x); }
GRADLAB_SLEEF_HD double sleef_cosh(double x) { return sleef_detail::cosh_u10(x); }
// tan (float32: the vector's Payne-Hanek flag, as sleef_sinf), asin, acos, atan, atan2(y, x),
// hypot and erfc as Sleef_*f8_u10 / Sleef_*d4_u10 (hypot u05, erfc u15) compute them.
GRADLAB_SLEEF_HD float sleef_tan(float x, bool vector_needs_payne_hanek = false) {
  return sleef_detail::tanf_u10(x, vector_needs_payne_hanek);
}
GRADLAB_SLEEF_HD double sleef_tan(double x) { return sleef_detail::tan_u10(x); }
GRADLAB_SLEEF_HD float sleef_asin(float x) { return sleef_detail::asin_u10(x); }
GRADLAB_SLEEF_HD double sleef_asin(double x) { return sleef_detail::asin_u10(x); }
GRADLAB_SLEEF_HD float sleef_acos(float x) { return sleef_detail::acos_u10(x); }
GRADLAB_SLEEF_HD double sleef_acos(double x) { return sleef_detail::acos_u10(x); }
GRADLAB_SLEEF_HD float sleef_atan(float x) { return sleef_detail::atan_u10(x); }
GRADLAB_SLEEF_HD double sleef_atan(double x) { return sleef_detail::atan_u10(x); }
GRADLAB_SLEEF_HD float sleef_atan2(float y, float x) { return sleef_detail::atan2_u10(y, x); }
GRADLAB_SLEEF_HD double sleef_atan2(double y, double x) { return sleef_detail::atan2_u10(y, x); }
GRADLAB_SLEEF_HD float sleef_hypot(float x, float y) { return sleef_detail::hypot_u05(x, y); }
GRADLAB_SLEEF_HD double sleef_hypot(double x, double y) { return sleef_detail::hypot_u05(x, y); }
GRADLAB_SLEEF_HD float sleef_erfc(float x) { return sleef_detail::erfcf_u15(x); }
GRADLAB_SLEEF_HD double sleef_erfc(double x) { return sleef_detail::erfc_u15(x); }

// Overloads for the X-macro rows of scalar_math.h, whose T is float, double or int64_t: float and
// double get SLEEF's bits, integers (never reached by these ops in practice) the C++ library.
GRADLAB_SLEEF_HD float sleef_exp(float x) { return sleef_expf(x); }
GRADLAB_SLEEF_HD float sleef_log(float x) { return sleef_logf(x); }
GRADLAB_SLEEF_HD float sleef_tanh(float x) { return sleef_tanhf(x); }
GRADLAB_SLEEF_HD float sleef_sin(float x) { return sleef_sinf(x); }
GRADLAB_SLEEF_HD float sleef_cos(float x) { return sleef_cosf(x); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_exp(T x) { return std::exp(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_log(T x) { return std::log(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_tanh(T x) { return std::tanh(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_sin(T x) { return std::sin(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_cos(T x) { return std::cos(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_expm1(T x) { return std::expm1(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_log1p(T x) { return std::log1p(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_erf(T x) { return std::erf(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_log2(T x) { return std::log2(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_log10(T x) { return std::log10(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_sinh(T x) { return std::sinh(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_cosh(T x) { return std::cosh(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_tan(T x) { return std::tan(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_asin(T x) { return std::asin(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_acos(T x) { return std::acos(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_atan(T x) { return std::atan(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_erfc(T x) { return std::erfc(static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_atan2(T y, T x) { return std::atan2(static_cast<double>(y), static_cast<double>(x)); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_hypot(T x, T y) { return std::hypot(static_cast<double>(x), static_cast<double>(y)); }
GRADLAB_SLEEF_HD float sleef_sigmoid(float x, bool vectorized) { return sleef_sigmoidf(x, vectorized); }
GRADLAB_SLEEF_HD float sleef_pow(float x, float y) { return sleef_powf(x, y); }
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
GRADLAB_SLEEF_HD double sleef_sigmoid(T x, bool) { return 1.0 / (1.0 + std::exp(-static_cast<double>(x))); }

}  // namespace gradlab

#undef GRADLAB_SLEEF_NO_CONTRACT
#undef GRADLAB_SLEEF_HD
