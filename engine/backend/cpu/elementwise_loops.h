// The CPU loops of unary and binary primitives over part of a contiguous run of elements, with
// the bits PyTorch's CPU kernels give each element.
//
// Note [Position in the run]: some PyTorch kernels round an element differently depending on
// where it sits in the contiguous run they are given (the whole tensor, on one thread):
//   - sigmoid, pow (tensor ** number, tensor ** tensor, number ** tensor, and the pow inside
//     pow's backward), atan2 and hypot compute pairs of AVX2 vectors (16 floats, 8 doubles) with
//     SLEEF and the last n % 16 (n % 8) elements with the C library: 1 / (1 + exp(-x)) (Note
//     [PyTorch's sigmoid] in sleef_math.h); std::pow, which for tensor ** number takes the
//     exponent as a double; glibc's atan2 and hypot (libm_atan2, libm_hypot in scalar_math.h);
//   - silu and its backward likewise: SLEEF's exp in the vectors, std::exp in the tail;
//   - elu, selu, celu, softplus, gelu, logsigmoid, mish and their backwards likewise, each with
//     its tail form (Note [Vector and tail forms] in engine/scalar_math.h);
//   - torch.maximum does the same with vmaxps, which keeps the second of two equal values (0. and
//     -0.), and std::max, which keeps the first;
//   - float32 sin, cos and tan reduce all 8 lanes of a vector the slow way (Payne-Hanek) when any
//     lane is 125 or more in magnitude, or not finite, and for some small arguments that changes
//     the last bit (Note [SLEEF trig works on whole vectors]).
// The exponents PyTorch computes without pow (0, 1, 2, 3, 0.5, -0.5, -1, -2; scalar_pow) do not
// depend on position. So the loops are told where their span starts in the run (`first`) and how
// long the run is (`run`); other ops run the plain loop. A broadcast binary op runs row by row,
// and a row is a run, as PyTorch's TensorIterator gives its kernels one row at a time there: its
// rows merge the trailing dims both operands step through evenly (row_layout in cpu_backend.cpp),
// and atan2 and hypot also follow the strides of views (Note [Runs of strided operands], trig.cpp).
// The CUDA backend does not do this: it matches the CPU within float tolerance, like PyTorch's
// own CUDA kernels.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "engine/scalar_math.h"

namespace gradlab::cpu {

namespace position_detail {

// Elements [0, vector_end) of the span are in the run's SLEEF pairs of AVX2 vectors.
template <class T>
inline int64_t vector_end(int64_t first, int64_t len, int64_t run) {
  constexpr int64_t kPair = 2 * 32 / static_cast<int64_t>(sizeof(T));
  return std::clamp<int64_t>(run - run % kPair - first, 0, len);
}

// Whether PyTorch computes x ** e with pow at all (pow_tensor_scalar: other exponents are a
// fill, a copy, a product, sqrt, rsqrt or a reciprocal). The same list as scalar_pow's.
inline bool is_pow_exponent(double e) {
  return !(e == 0 || e == 1 || e == 2 || e == 3 || e == 0.5 || e == -0.5 || e == -1 || e == -2);
}

// x ** e of tensor ** number: SLEEF in the vectors, std::pow with a double exponent in the tail.
template <class T>
inline T pow_scalar_at(T x, double e, bool vectorised) {
  if (vectorised) return sleef_pow(x, static_cast<T>(e));
  return static_cast<T>(std::pow(static_cast<double>(x), e));
}

// x ** y of two tensors (or number ** tensor): SLEEF in the vectors, std::pow(T, T) in the tail.
template <class T>
inline T pow_at(T x, T y, bool vectorised) {
  return vectorised ? sleef_pow(x, y) : std::pow(x, y);
}

}  // namespace position_detail

// out[i] = fn(x[i]) for the `len` elements starting at index `first` of a run of `run` elements.
template <class T, class Fn>
inline void unary_in_run(Fn fn, const T* __restrict x, T* __restrict out, int64_t first, int64_t len, int64_t run) {
  using namespace position_detail;
  if constexpr (std::is_floating_point_v<T>) {
    if constexpr (std::is_same_v<Fn, UnaryFn<UnaryOp::Sigmoid>>) {
      const int64_t v = vector_end<T>(first, len, run);
      for (int64_t i = 0; i < v; ++i) out[i] = sleef_sigmoid(x[i], true);
      for (int64_t i = v; i < len; ++i) out[i] = sleef_sigmoid(x[i], false);
      return;
    }
    if constexpr (std::is_same_v<Fn, UnaryFn<UnaryOp::Silu>>) {  // x / (1 + exp(-x)): std::exp in the tail
      const int64_t v = vector_end<T>(first, len, run);
      for (int64_t i = 0; i < v; ++i) out[i] = fn(x[i]);
      for (int64_t i = v; i < len; ++i) out[i] = x[i] / (T(1) + std::exp(-x[i]));
      return;
    }
    if constexpr (UnaryTailFn<Fn::kOp>::kExists) {  // activations: Note [Vector and tail forms]
      const UnaryTailFn<Fn::kOp> tail{fn.a, fn.b};
      const int64_t v = vector_end<T>(first, len, run);
      for (int64_t i = 0; i < v; ++i) out[i] = fn(x[i]);
      for (int64_t i = v; i < len; ++i) out[i] = tail(x[i]);
      return;
    }
    if constexpr (std::is_same_v<Fn, UnaryFn<UnaryOp::PowScalar>>) {  // x ** a
      if (is_pow_exponent(fn.a)) {
        const int64_t v = vector_end<T>(first, len, run);
        for (int64_t i = 0; i < len; ++i) out[i] = pow_scalar_at(x[i], fn.a, i < v);
        return;
      }
    }
    if constexpr (std::is_same_v<Fn, UnaryFn<UnaryOp::RPowScalar>>) {  // a ** x: a tensor-tensor pow
      const int64_t v = vector_end<T>(first, len, run);
      const T base = static_cast<T>(fn.a);
      for (int64_t i = 0; i < len; ++i) out[i] = pow_at(base, x[i], i < v);
      return;
    }
  }
  constexpr bool kTrig = std::is_same_v<Fn, UnaryFn<UnaryOp::Sin>> || std::is_same_v<Fn, UnaryFn<UnaryOp::Cos>> ||
                        std::is_same_v<Fn, UnaryFn<UnaryOp::Tan>>;
  if constexpr (kTrig && std::is_same_v<T, float>) {
    bool any_large = false;  // the common case: no vector needs Payne-Hanek, so the plain loop
    for (int64_t i = 0; i < len; ++i) any_large |= sleef_trig_needs_payne_hanek(x[i]);
    if (any_large) {
      constexpr int64_t kLanes = 8;  // groups start at the run's first element (first % 8 == 0)
      for (int64_t g = 0; g < len; g += kLanes) {
        const int lanes = static_cast<int>(std::min(kLanes, len - g));
        const bool payne_hanek = sleef_trig_vector_needs_payne_hanek(x + g, lanes);
        for (int k = 0; k < lanes; ++k) {
          const float v = x[g + k];
          if constexpr (std::is_same_v<Fn, UnaryFn<UnaryOp::Sin>>) out[g + k] = sleef_sinf(v, payne_hanek);
          else if constexpr (std::is_same_v<Fn, UnaryFn<UnaryOp::Cos>>) out[g + k] = sleef_cosf(v, payne_hanek);
          else out[g + k] = sleef_tan(v, payne_hanek);
        }
      }
      return;
    }
  }
  for (int64_t i = 0; i < len; ++i) out[i] = fn(x[i]);
}

// out[i] = fn(x(i), y(i)) for the `len` elements starting at index `first` of a run of `run`;
// x and y read an operand's element (contiguous, broadcast or strided).
template <class T, class Fn, class X, class Y>
inline void binary_in_run(Fn fn, X&& x, Y&& y, T* __restrict out, int64_t first, int64_t len, int64_t run) {
  using namespace position_detail;
  if constexpr (std::is_floating_point_v<T>) {
    constexpr bool is_max = std::is_same_v<Fn, BinaryFn<BinaryOp::Max>>;
    if constexpr (is_max || std::is_same_v<Fn, BinaryFn<BinaryOp::Min>>) {  // torch.maximum/minimum: maxps/minps keep y on ties
      const int64_t v = vector_end<T>(first, len, run);
      for (int64_t i = 0; i < v; ++i) {
        const T a = x(i), b = y(i);
        out[i] = a != a || b != b ? std::numeric_limits<T>::quiet_NaN() : is_max ? (a > b ? a : b) : (a < b ? a : b);
      }
      for (int64_t i = v; i < len; ++i) out[i] = fn(x(i), y(i));
      return;
    }
    if constexpr (std::is_same_v<Fn, BinaryFn<BinaryOp::SiluBackward>>) {
      // dy·σ·(1 + x·(1 − σ)) with the 1 + x·(1 − σ) fused into one fma, as GCC compiles ATen's
      // AVX2 kernel (both its vector and its scalar form); SLEEF's exp in the vectors, std::exp
      // in the tail.
      const int64_t v = vector_end<T>(first, len, run);
      for (int64_t i = 0; i < len; ++i) {
        const T dy = x(i), in = y(i);
        const T s = T(1) / (T(1) + (i < v ? sleef_exp(-in) : std::exp(-in)));
        out[i] = dy * s * scalar_fma(in, T(1) - s, T(1));
      }
      return;
    }
    if constexpr (BinaryTailFn<Fn::kOp>::kExists) {  // activation backwards: Note [Vector and tail forms]
      const BinaryTailFn<Fn::kOp> tail{fn.a};
      const int64_t v = vector_end<T>(first, len, run);
      for (int64_t i = 0; i < v; ++i) out[i] = fn(x(i), y(i));
      for (int64_t i = v; i < len; ++i) out[i] = tail(x(i), y(i));
      return;
    }
    if constexpr (std::is_same_v<Fn, BinaryFn<BinaryOp::Pow>>) {  // tensor ** tensor
      const int64_t v = vector_end<T>(first, len, run);
      for (int64_t i = 0; i < len; ++i) out[i] = pow_at(x(i), y(i), i < v);
      return;
    }
    if constexpr (std::is_same_v<Fn, BinaryFn<BinaryOp::PowScalarBackward>>) {  // grad · (a · base^(a-1))
      const double e = fn.a - 1;
      if (is_pow_exponent(e)) {
        const int64_t v = vector_end<T>(first, len, run);
        for (int64_t i = 0; i < len; ++i) out[i] = x(i) * (static_cast<T>(fn.a) * pow_scalar_at(y(i), e, i < v));
        return;
      }
    }
  }
  for (int64_t i = 0; i < len; ++i) out[i] = fn(x(i), y(i));
}

}  // namespace gradlab::cpu
