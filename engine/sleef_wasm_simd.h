// float32 lanes of WebAssembly SIMD for sleef_math.h's templated float functions.
//
// In the wasm build fma is software (GRADLAB_SLEEF_SOFT_FMA): each one is done exactly in double
// with a TwoSum and rounding to odd, about 3 ns apiece, and tanh needs thirteen, which made tanh
// the bulk of an MLP step in the browser. FV<N> (N v128 registers, 4N floats) gives sleef_math.h's
// helpers (fma_f, rint_i32, select, mulsign, ...) lane-wise, so the same template, tanhf_u10<F>,
// runs 4N elements at a time with exactly the scalar code's operations in every lane: the bits
// cannot differ from the scalar path (tests/cpp/test_wasm_simd.cpp checks that on a sweep of
// float32 bit patterns). The dfloat arithmetic (dfadd2_21, dfmul_22, ...) is already templated on
// its element type and needs nothing more than FV's operators. A software fma is a long dependent
// chain, so two registers' worth (N = 2) run interleaved: the CPU overlaps them.
#pragma once
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include <cstdint>

#include "engine/sleef_math.h"

namespace gradlab {
namespace sleef_detail {

// ---- one v128 register: four float lanes, or two double lanes for the software fma -------------
namespace v4 {
inline v128_t promote_low(v128_t f) { return wasm_f64x2_promote_low_f32x4(f); }
inline v128_t promote_high(v128_t f) { return wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle(f, f, 2, 3, 2, 3)); }
inline v128_t demote(v128_t lo, v128_t hi) {
  return wasm_i32x4_shuffle(wasm_f32x4_demote_f64x2_zero(lo), wasm_f32x4_demote_f64x2_zero(hi), 0, 1, 4, 5);
}

// a*b + c rounded once, for two double lanes holding floats: fma_f's scalar algorithm (a*b exact,
// TwoSum error, the sum rounded to odd; the caller's rounding to float is then exact).
inline v128_t fma_d2(v128_t a, v128_t b, v128_t c) {
  v128_t p = wasm_f64x2_mul(a, b);
  v128_t s = wasm_f64x2_add(p, c);
  v128_t bb = wasm_f64x2_sub(s, p);
  v128_t err = wasm_f64x2_add(wasm_f64x2_sub(p, wasm_f64x2_sub(s, bb)), wasm_f64x2_sub(c, bb));
  // Round s to odd where inexact (|err| > 0; a NaN err, from an infinite s, is not): the double
  // next to the exact sum towards zero, with its last bit set. That is s itself where err has s's
  // sign, else s one step smaller in magnitude (u - 1): (u + differ) | 1 covers both.
  v128_t inexact = wasm_f64x2_gt(wasm_f64x2_abs(err), wasm_f64x2_splat(0.0));
  v128_t differ = wasm_i32x4_shr(wasm_v128_xor(err, s), 31);  // the sign bits, per 32-bit half
  differ = wasm_i32x4_shuffle(differ, differ, 1, 1, 3, 3);     // 64-bit lanes: -1 or 0
  v128_t odd = wasm_v128_or(wasm_i64x2_add(s, differ), wasm_i64x2_splat(1));
  return wasm_v128_bitselect(odd, s, inexact);
}
inline v128_t fma_f(v128_t a, v128_t b, v128_t c) {
  return demote(fma_d2(promote_low(a), promote_low(b), promote_low(c)),
                fma_d2(promote_high(a), promote_high(b), promote_high(c)));
}

// The two fma patterns whose exact value one rounding of a double gives (see product_error).
inline v128_t product_error(v128_t x, v128_t y, v128_t p) {
  auto half = [](v128_t x2, v128_t y2, v128_t p2) { return wasm_f64x2_sub(wasm_f64x2_mul(x2, y2), p2); };
  return demote(half(promote_low(x), promote_low(y), promote_low(p)), half(promote_high(x), promote_high(y), promote_high(p)));
}
inline v128_t one_minus_product(v128_t x, v128_t y) {
  auto half = [](v128_t x2, v128_t y2) { return wasm_f64x2_sub(wasm_f64x2_splat(1.0), wasm_f64x2_mul(x2, y2)); };
  return demote(half(promote_low(x), promote_low(y)), half(promote_high(x), promote_high(y)));
}

// rint_i32 as vcvtps2dq: nearest even; NaN and out-of-range lanes give INT32_MIN.
inline v128_t rint_i32(v128_t x) {
  v128_t r = wasm_f32x4_nearest(x);
  v128_t in_range = wasm_v128_and(wasm_f32x4_ge(r, wasm_f32x4_splat(-2147483648.0f)),
                                  wasm_f32x4_lt(r, wasm_f32x4_splat(2147483648.0f)));
  return wasm_i32x4_trunc_sat_f32x4(wasm_v128_bitselect(r, wasm_f32x4_splat(-2147483648.0f), in_range));
}
inline v128_t pow2i(v128_t q) {  // 2^q from the exponent field, as the scalar pow2i (wrapping)
  return wasm_i32x4_shl(wasm_i32x4_add(q, wasm_i32x4_splat(0x7f)), 23);
}
inline v128_t mulsign(v128_t x, v128_t y) {
  return wasm_v128_xor(x, wasm_v128_and(y, wasm_i32x4_splat(static_cast<int32_t>(0x80000000u))));
}
}  // namespace v4

// ---- N registers as one value ------------------------------------------------------------------
// r.v[k] = op(a.v[k], ...) for every register k.
template <class R, class Op, class... A>
inline R lanewise(Op op, const A&... a) {
  R r;
  for (int k = 0; k < R::n; ++k) r.v[k] = op(a.v[k]...);
  return r;
}

template <int N>
struct MV {  // lane masks: all ones or all zeros per lane
  static constexpr int n = N;
  v128_t v[N];
  friend MV operator|(const MV& a, const MV& b) { return lanewise<MV>(wasm_v128_or, a, b); }
};

template <int N>
struct IV {  // int32 lanes
  static constexpr int n = N;
  v128_t v[N];
  friend IV operator-(const IV& a, const IV& b) { return lanewise<IV>(wasm_i32x4_sub, a, b); }
  friend IV operator>>(const IV& a, int s) {
    return lanewise<IV>([s](v128_t x) { return wasm_i32x4_shr(x, s); }, a);
  }
};

template <int N>
struct FV {
  static constexpr int n = N;
  v128_t v[N];
  FV() = default;
  FV(float f) {  // NOLINT(google-explicit-constructor): constants mix with lanes, as in SLEEF
    for (int k = 0; k < N; ++k) v[k] = wasm_f32x4_splat(f);
  }
  static FV load(const float* p) {
    FV r;
    for (int k = 0; k < N; ++k) r.v[k] = wasm_v128_load(p + 4 * k);
    return r;
  }
  void store(float* p) const {
    for (int k = 0; k < N; ++k) wasm_v128_store(p + 4 * k, v[k]);
  }
  // Hidden friends, so a float operand converts (fq * -kL2Uf).
  friend FV operator+(const FV& a, const FV& b) { return lanewise<FV>(wasm_f32x4_add, a, b); }
  friend FV operator-(const FV& a, const FV& b) { return lanewise<FV>(wasm_f32x4_sub, a, b); }
  friend FV operator*(const FV& a, const FV& b) { return lanewise<FV>(wasm_f32x4_mul, a, b); }
  friend FV operator/(const FV& a, const FV& b) { return lanewise<FV>(wasm_f32x4_div, a, b); }
  friend FV operator-(const FV& a) { return lanewise<FV>(wasm_f32x4_neg, a); }
  friend MV<N> operator<(const FV& a, const FV& b) { return lanewise<MV<N>>(wasm_f32x4_lt, a, b); }
  friend MV<N> operator>(const FV& a, const FV& b) { return lanewise<MV<N>>(wasm_f32x4_gt, a, b); }
  friend FV fabs(const FV& a) { return lanewise<FV>(wasm_f32x4_abs, a); }
  friend MV<N> is_nan(const FV& a) { return lanewise<MV<N>>([](v128_t x) { return wasm_f32x4_ne(x, x); }, a); }
  friend FV select(const MV<N>& c, const FV& a, const FV& b) {
    return lanewise<FV>([](v128_t m, v128_t x, v128_t y) { return wasm_v128_bitselect(x, y, m); }, c, a, b);
  }
  friend FV mulsign(const FV& x, const FV& y) { return lanewise<FV>(v4::mulsign, x, y); }
  friend FV fma_f(const FV& a, const FV& b, const FV& c) { return lanewise<FV>(v4::fma_f, a, b, c); }
  friend FV fma1(const FV& a, const FV& b, const FV& c) { return lanewise<FV>(v4::fma_f, a, b, c); }
  friend FV product_error(const FV& x, const FV& y, const FV& p) { return lanewise<FV>(v4::product_error, x, y, p); }
  friend FV one_minus_product(const FV& x, const FV& y) { return lanewise<FV>(v4::one_minus_product, x, y); }
  friend IV<N> rint_i32(const FV& x) { return lanewise<IV<N>>(v4::rint_i32, x); }
  friend FV ldexp2k(const FV& d, const IV<N>& e) {
    IV<N> h = e >> 1;
    return d * lanewise<FV>(v4::pow2i, h) * lanewise<FV>(v4::pow2i, e - h);
  }
};

template <int N>
inline FV<N> to_float(const IV<N>& q) { return lanewise<FV<N>>(wasm_f32x4_convert_i32x4, q); }

}  // namespace sleef_detail

// tanh over a contiguous float32 run, 8 lanes at a time (two registers interleaved), then 4, then
// the last elements one by one.
inline void sleef_tanhf_simd(const float* x, float* out, int64_t n) {
  using sleef_detail::FV;
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) sleef_detail::tanhf_u10(FV<2>::load(x + i)).store(out + i);
  for (; i + 4 <= n; i += 4) sleef_detail::tanhf_u10(FV<1>::load(x + i)).store(out + i);
  for (; i < n; ++i) out[i] = sleef_detail::tanhf_u10(x[i]);
}

}  // namespace gradlab
#endif  // __wasm_simd128__
