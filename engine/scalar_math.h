// Scalar math, written once and shared by every backend: the CPU loops and the CUDA kernel
// template both call these inline functions (GRADLAB_HD marks them host-and-device under nvcc).
//
// Each primitive is one row of an X-macro list, so the enum and every backend switch are
// generated from the same place (ggml's weakness — one op spread over many switches — avoided).
// `a` and `b` are the op's scalar parameters (pow exponent, clamp bounds); unused ones are 0.
#pragma once
#include <cmath>
#include <cstdint>
#include <type_traits>

#include "engine/sleef_math.h"  // exp, log, sin, cos, tanh with PyTorch's (SLEEF's) rounding
#include "engine/util/glibc_math.h"  // the C library's exp, tanh, sinh, cosh, atan2, hypot on every build

#if defined(__CUDACC__)
#define GRADLAB_HD __host__ __device__ __forceinline__
#else
#define GRADLAB_HD inline
#endif

namespace gradlab {

// The C library's exp, tanh, sinh, cosh, atan2 and hypot where ATen's scalar code calls them (the
// tails of Note [Vector and tail forms]): glibc's results on every build (Note [glibc's libm]).
// CUDA device code never runs a tail, so it keeps its own.
template <class T>
GRADLAB_HD T libm_exp(T x) {
  if constexpr (std::is_same_v<T, float>) {
    return sleef_detail::libm_expf(x);
  } else {
#if defined(__CUDA_ARCH__)
    return std::exp(x);
#else
    return static_cast<T>(glibc_exp(static_cast<double>(x)));
#endif
  }
}
#if defined(__CUDA_ARCH__)
#define GRADLAB_LIBM_TAIL(name, float_port, double_port) \
  template <class T>                                     \
  GRADLAB_HD T libm_##name(T x) {                        \
    return static_cast<T>(std::name(x));                 \
  }
#else
#define GRADLAB_LIBM_TAIL(name, float_port, double_port)                        \
  template <class T>                                                            \
  GRADLAB_HD T libm_##name(T x) {                                               \
    if constexpr (std::is_same_v<T, float>) return float_port(x);               \
    else return static_cast<T>(double_port(static_cast<double>(x)));            \
  }
#endif
GRADLAB_LIBM_TAIL(tanh, glibc_tanhf, glibc_tanh)
GRADLAB_LIBM_TAIL(sinh, glibc_sinhf, glibc_sinh)
GRADLAB_LIBM_TAIL(cosh, glibc_coshf, glibc_cosh)
#undef GRADLAB_LIBM_TAIL
#if defined(__CUDA_ARCH__)
#define GRADLAB_LIBM_TAIL2(name, float_port, double_port) \
  template <class T>                                      \
  GRADLAB_HD T libm_##name(T x, T y) {                    \
    return static_cast<T>(std::name(x, y));               \
  }
#else
#define GRADLAB_LIBM_TAIL2(name, float_port, double_port)                                     \
  template <class T>                                                                          \
  GRADLAB_HD T libm_##name(T x, T y) {                                                        \
    if constexpr (std::is_same_v<T, float>) return float_port(x, y);                          \
    else return static_cast<T>(double_port(static_cast<double>(x), static_cast<double>(y)));  \
  }
#endif
GRADLAB_LIBM_TAIL2(atan2, glibc_atan2f, glibc_atan2)
GRADLAB_LIBM_TAIL2(hypot, glibc_hypotf, glibc_hypot)
#undef GRADLAB_LIBM_TAIL2

// ---- unary primitives: out = f(x; a, b) --------------------------------------------------
#define GRADLAB_UNARY_PRIMITIVES(X)                                                       \
  X(Neg, -x)                                                                               \
  X(Exp, sleef_exp(x))                                                                    \
  X(Log, sleef_log(x))                                                                      \
  X(Sqrt, std::sqrt(x))                                                                    \
  X(Abs, scalar_abs(x))                   /* |-0.| is +0 */                                \
  X(Sign, T((x > T(0)) - (x < T(0))))                                                      \
  X(Sin, sleef_sin(x))                                                                      \
  X(Cos, sleef_cos(x))                                                                      \
  X(Sigmoid, sleef_sigmoid(x, false))                                   \
  X(Tanh, sleef_tanh(x))                                                                  \
  X(Relu, scalar_relu(x))                 /* clamp_min(x, 0): keeps -0. and nan */          \
  X(PowScalar, scalar_pow(x, T(a)))       /* x ** a */                                     \
  X(RPowScalar, scalar_pow(T(a), x))      /* a ** x */                                     \
  X(AddScalar, x + T(a))                                                                   \
  X(MulScalar, x * T(a))                                                                   \
  X(RSubScalar, T(a) - x)                 /* a - x */                                      \
  X(RDivScalar, T(a) / x)                 /* a / x */                                      \
  X(Clamp, scalar_clamp(x, a, b))         /* bounds a..b; NaN bound means none */           \
  X(ClampMask, (a != a || x >= T(a)) && (b != b || x <= T(b)) ? T(1) : T(0))  /* NaN tested before the cast */ \
  X(Square, x * x)                                                                         \
  X(Cube, x * x * x)                                                                       \
  X(LeakyRelu, x > T(0) ? x : x * T(a))   /* negative slope a */                            \
  X(Silu, x / (T(1) + sleef_exp(-x)))     /* vector form; the run's tail: Note [Position in the run] */ \
  X(HardtanhMask, (x <= T(a) || x >= T(b)) ? T(0) : T(1))  /* hardtanh_backward: open interval */ \
  X(BceDenominator, scalar_max_first((T(1) - x) * x, T(1e-12)))  /* max((1-x)·x, EPSILON) */  \
  /* 0/1 results (bool tensors, Note [Bool storage]) */                                     \
  X(NonZero, x != T(0) ? T(1) : T(0))     /* x.bool(): nan is True */                       \
  X(LogicalNot, x == T(0) ? T(1) : T(0))  /* logical_not, ~ on bool */                      \
  X(IsNan, x != x ? T(1) : T(0))                                                           \
  X(IsInf, x == x && x - x != x - x ? T(1) : T(0))  /* ±inf: inf - inf is nan */            \
  X(IsFinite, x - x == x - x ? T(1) : T(0))         /* not inf and not nan */               \
  X(BitNot, scalar_bitnot(x))             /* ~ on int64 */                                  \
  /* pointwise math (engine/ops/pointwise_math.cpp) */                                       \
  X(Floor, std::floor(x))                                                                  \
  X(Ceil, std::ceil(x))                                                                    \
  X(Trunc, std::trunc(x))                                                                  \
  X(Round, std::nearbyint(x))             /* ties to even, as vroundps */                   \
  X(RoundDecimals, round_decimals(x, a, b != 0))  /* a = 10^|decimals|, b: decimals < 0 */    \
  X(Frac, x - std::trunc(x))                                                               \
  X(Rsqrt, T(1) / std::sqrt(x))                                                            \
  X(Exp2, std::exp2(x))                   /* ATen calls the C library's exp2 */               \
  X(Expm1, sleef_expm1(x))                                                                 \
  X(Log1p, sleef_log1p(x))                                                                 \
  X(Erf, sleef_erf(x))                                                                     \
  X(Log2, sleef_log2(x))                                                                   \
  X(Log10, sleef_log10(x))                                                                 \
  X(Sinh, sleef_sinh(x))                  /* vector form; the tail: libm_sinh */             \
  X(Cosh, sleef_cosh(x))                  /* vector form; the tail: libm_cosh */             \
  X(Asinh, std::asinh(x))                 /* these three: the C library's, as ATen */       \
  X(Acosh, std::acosh(x))                                                                  \
  X(Atanh, std::atanh(x))                                                                  \
  X(Tan, sleef_tan(x))                    /* these five: SLEEF's on every element (vml kernels) */ \
  X(Asin, sleef_asin(x))                                                                   \
  X(Acos, sleef_acos(x))                                                                   \
  X(Atan, sleef_atan(x))                                                                   \
  X(Erfc, sleef_erfc(x))                                                                   \
  /* activations (engine/ops/activation.cpp); Note [Vector and tail forms] */                \
  X(Elu, elu_forward(x, T(a), T(1), T(1), true))          /* a = alpha */                    \
  X(Selu, elu_forward(x, selu_negcoef<T>(), T(kSeluScale), T(1), true))                      \
  X(Celu, elu_forward(x, T(a), T(1), T(1.0 / a), true))   /* a = alpha */                    \
  X(Softplus, softplus_forward(x, T(a), T(b), true))      /* a = beta, b = threshold */       \
  X(SoftplusAboveThreshold, x * T(a) > T(b) ? T(1) : T(0))                                   \
  X(GeluErf, gelu_erf(x, true))                                                            \
  X(GeluErfOneDnn, gelu_erf_onednn(x))                                                     \
  X(GeluTanh, gelu_tanh(x, true))                                                          \
  X(LogSigmoid, log_sigmoid_forward(x))   /* vector form everywhere, as ATen */            \
  X(Mish, mish_forward(x, true))                                                           \
  X(Hardsigmoid, scalar_min_first(scalar_max_first(x + T(3), T(0)), T(6)) / T(6))           \
  X(Hardswish, x * scalar_min_first(scalar_max_first(x + T(3), T(0)), T(6)) / T(6))

// ---- binary primitives: out = f(x, y; a) -------------------------------------------------
#define GRADLAB_BINARY_PRIMITIVES(X)                                                       \
  X(Add, x + y)                                                                            \
  X(Sub, x - y)                                                                            \
  X(Mul, x * y)                                                                            \
  X(Div, scalar_div(x, y))                                                                 \
  X(Pow, scalar_pow(x, y))                                                                 \
  X(Max, scalar_max(x, y))                                                                 \
  X(Min, scalar_min(x, y))                                                                 \
  X(AddScaled, scalar_fma(T(a), y, x))    /* x + a·y rounded once: ATen's vectorised fmadd */ \
  X(ReluBackward, y <= T(0) ? T(0) : x)   /* grad x, input y: threshold_backward */          \
  X(SigmoidBackward, (x * (T(1) - y)) * y)  /* grad x, output y: σ' = (1-σ)σ, in ATen's order */ \
  X(TanhBackward, x * scalar_fma(-y, y, T(1)))  /* grad x, output y: tanh' = 1 - tanh² */    \
  X(PowScalarBackward, x * (T(a) * scalar_pow(y, T(a - 1))))  /* grad x, base y */           \
  X(SquareBackward, x * (T(2) * y))       /* x**2: pow backward with the exponent folded in */ \
  X(CubeBackward, x * (T(3) * (y * y)))   /* x**3: likewise, so the loop vectorises */          \
  X(EqualMask, x == y ? T(1) : T(0))                                                       \
  X(SelectOrZero, y != T(0) ? x : T(0))  /* x where the mask y is set, else +0: where(mask, grad, 0) */ \
  X(MaximumGradMask, x > y ? T(1) : x == y ? T(0.5) : x < y ? T(0) : T(1))  /* d max(x,y)/dx: ties split, NaN: both */ \
  X(LeakyReluBackward, y > T(0) ? x : x * T(a))  /* grad x, input y, slope a */              \
  X(SiluBackward, silu_backward(x, y))    /* grad x, input y; vector form (Note [Position in the run]) */ \
  X(BceLoss, bce_loss(x, y))              /* input x, target y: ATen's scalar kernel */      \
  X(XLogY, xlogy(x, y))                   /* x·log y, 0 where x is 0, the C library's log */ \
  X(Remainder, scalar_remainder(x, y))   /* Python's %: fmod, then the sign of y */        \
  X(FloorDivide, scalar_floor_divide(x, y))  /* floor(x / y), ATen's div_floor */              \
  X(PowExponentGrad, x == T(0) ? T(0) : static_cast<T>(sleef_log(x))) /* d x^y/dy = x^y·log x, 0 at 0^0 */ \
  X(Atan2, sleef_atan2(x, y))             /* atan2(x, y): vector form; the tail: libm_atan2 */ \
  X(Hypot, sleef_hypot(x, y))             /* vector form; the tail: libm_hypot */            \
  /* comparisons and logical ops: 0/1 results (bool tensors, Note [Bool storage]) */          \
  X(NotEqual, x != y ? T(1) : T(0))                                                          \
  X(Less, x < y ? T(1) : T(0))                                                               \
  X(LessEqual, x <= y ? T(1) : T(0))                                                         \
  X(Greater, x > y ? T(1) : T(0))                                                            \
  X(GreaterEqual, x >= y ? T(1) : T(0))                                                      \
  X(LogicalAnd, x != T(0) && y != T(0) ? T(1) : T(0))                                        \
  X(LogicalOr, x != T(0) || y != T(0) ? T(1) : T(0))                                         \
  X(LogicalXor, (x != T(0)) != (y != T(0)) ? T(1) : T(0))                                    \
  X(BitAnd, scalar_bitand(x, y))          /* & on int64 (bool: its 0/1 storage) */           \
  X(BitOr, scalar_bitor(x, y))                                                               \
  X(BitXor, scalar_bitxor(x, y))                                                             \
  /* masks (Note [Masked grads], Note [Where]) */                                            \
  X(ZeroWhere, y != T(0) ? T(0) : x)      /* x where the mask y is unset, else +0 */         \
  X(FillWhere, y != T(0) ? T(a) : x)      /* masked_fill(y, a) */                            \
  X(WhereMerge, scalar_where_merge(x, y))                                                    \
  /* activation backwards: grad x, input y (Note [Vector and tail forms]) */                 \
  X(EluBackward, elu_backward(x, y, T(a), T(1), T(1), true))       /* a = alpha */            \
  X(SeluBackward, elu_backward(x, y, selu_negcoef<T>(), T(kSeluScale), T(1), true))           \
  X(CeluBackward, elu_backward(x, y, T(a), T(1), celu_backward_input_scale<T>(a), true))      \
  X(SoftplusBackward, softplus_backward(x, y, T(a), true))        /* a = beta */             \
  X(GeluErfBackward, gelu_erf_backward(x, y, true))                                         \
  X(GeluErfOneDnnBackward, x * gelu_erf_onednn_derivative(y))                               \
  X(GeluTanhBackward, gelu_tanh_backward(x, y, true))                                       \
  X(LogSigmoidBackward, log_sigmoid_backward(x, y))                                        \
  X(MishBackward, mish_backward(x, y, true))                                                \
  X(HardsigmoidBackward, y > T(-3) && y < T(3) ? x * T(1.0f / 6.0f) : T(0))  /* ATen's float 1/6 */ \
  X(HardswishBackward, y < T(-3) ? T(0) : y >= T(3) ? x : x * (y / T(3) + T(0.5)))  /* the tail: y <= 3 */

// Note [Masked grads]: where PyTorch's backward routes a gradient to some elements and zero to
// the others (clamp, max, maximum), it builds the result with where/index_put/scatter on zeros,
// so the others get +0 even when the gradient is negative. A product with a 0/1 mask would give
// -0, which prints as `-0.`. Such backwards select with SelectOrZero instead of multiplying.

// Note [Float32 rounding]: learners compare printed digits with PyTorch's, so where PyTorch's
// CPU kernels compute a value in a particular way, so do we: pow with the exponents PyTorch
// special-cases, transcendental functions from sleef_math.h, and the
// backward formulas in PyTorch's operand order.
// x*y + z rounded once. float goes through sleef_math.h's fma_f: std::fma natively, but in wasm
// an exact software fma, since there the C library's fmaf rounds twice (it relies on rounding
// modes wasm lacks, and gets some results exactly halfway between two floats wrong).
template <class T>
GRADLAB_HD T scalar_fma(T x, T y, T z) {
  if constexpr (std::is_same_v<T, float>) {
    return sleef_detail::fma_f(x, y, z);
  } else if constexpr (std::is_floating_point_v<T>) {
    return std::fma(x, y, z);
  } else {
    return x * y + z;
  }
}

template <class T>
GRADLAB_HD T scalar_pow(T x, T y) {
  if constexpr (std::is_integral_v<T>) {
    // Integer power by squaring; negative exponents of ints are an error caught earlier.
    T r = 1;
    while (y > 0) {
      if (y & 1) r *= x;
      x *= x;
      y >>= 1;
    }
    return r;
  } else {
    // The exponents PyTorch computes without pow() (pow_tensor_scalar_optimized_kernel).
    if (y == T(1)) return x;
    if (y == T(2)) return x * x;
    if (y == T(3)) return x * x * x;
    if (y == T(0.5)) return std::sqrt(x);
    if (y == T(-0.5)) return T(1) / std::sqrt(x);
    if (y == T(-1)) return T(1) / x;
    if (y == T(-2)) return T(1) / (x * x);
    return std::pow(x, y);
  }
}

template <class T>
GRADLAB_HD T scalar_abs(T x) {
  if constexpr (std::is_floating_point_v<T>) {
    return std::fabs(x);
  } else {
    return x < T(0) ? -x : x;
  }
}

// relu(x) = clamp_min(x, 0): negative values become 0; -0. and nan stay. Not written as
// `x < 0 ? 0 : x`: Emscripten's LLVM turns that select into f32.max, which makes -0. into 0.
template <class T>
GRADLAB_HD T scalar_relu(T x) {
  if constexpr (std::is_floating_point_v<T>) {
    return std::signbit(x) && x != T(0) && x == x ? T(0) : x;
  } else {
    return x < T(0) ? T(0) : x;
  }
}

// torch.maximum as its scalar code computes it: NaN wins, and of two equal values (0. and -0.)
// the first (std::max). Its vectorised code keeps the second (Note [Position in the run]).
template <class T>
GRADLAB_HD T scalar_max(T x, T y) {
  if (x != x) return x;
  if (y != y) return y;
  return x < y ? y : x;
}

template <class T>
GRADLAB_HD T scalar_min(T x, T y) {
  if (x != x) return x;
  if (y != y) return y;
  return y < x ? y : x;
}

template <class T>
GRADLAB_HD T scalar_div(T x, T y) {
  if constexpr (std::is_integral_v<T>) {
    return y == 0 ? T(0) : x / y;  // int division by zero is rejected before the kernel runs
  } else {
    return x / y;
  }
}

// std::max(a, b): a unless a < b (so a NaN first argument stays).
template <class T>
GRADLAB_HD T scalar_max_first(T a, T b) {
  return a < b ? b : a;
}

// silu'(x)·dy as ATen's vectorised kernel: σ = 1/(1 + exp(-x)), dy·σ·(1 + x·(1 − σ)), where GCC
// fuses 1 + x·(1 − σ) into one fma.
template <class T>
GRADLAB_HD T silu_backward(T dy, T x) {
  if constexpr (std::is_floating_point_v<T>) {
    const T s = T(1) / (T(1) + sleef_exp(-x));
    return dy * s * scalar_fma(x, T(1) - s, T(1));
  } else {
    return T(0);
  }
}

// binary_cross_entropy's element: (t − 1)·max(log1p(−x), −100) − t·max(log x, −100), with the C
// library's log1p and log as ATen's scalar CPU kernel calls them.
template <class T>
GRADLAB_HD T bce_loss(T x, T t) {
  if constexpr (std::is_floating_point_v<T>) {
    return (t - T(1)) * scalar_max_first(static_cast<T>(std::log1p(-x)), T(-100)) -
           t * scalar_max_first(static_cast<T>(std::log(x)), T(-100));
  } else {
    return T(0);
  }
}

// torch.xlogy(x, y) as ATen's CPU kernel: NaN where y is NaN, 0 where x is 0, else x·log(y).
template <class T>
GRADLAB_HD T xlogy(T x, T y) {
  if constexpr (std::is_floating_point_v<T>) {
    if (y != y) return y;
    if (x == T(0)) return T(0);
    return x * static_cast<T>(std::log(y));
  } else {
    return T(0);
  }
}

// Bitwise ops exist for integer tensors only (the ops layer refuses floats before a kernel runs).
template <class T>
GRADLAB_HD T scalar_bitnot(T x) {
  if constexpr (std::is_integral_v<T>) return ~x;
  else return x;
}
template <class T>
GRADLAB_HD T scalar_bitand(T x, T y) {
  if constexpr (std::is_integral_v<T>) return x & y;
  else return x;
}
template <class T>
GRADLAB_HD T scalar_bitor(T x, T y) {
  if constexpr (std::is_integral_v<T>) return x | y;
  else return x;
}
template <class T>
GRADLAB_HD T scalar_bitxor(T x, T y) {
  if constexpr (std::is_integral_v<T>) return x ^ y;
  else return x;
}

// Note [Where]: where(c, a, b) is three element-wise passes over the backends' binary
// primitive: x = SelectOrZero(a, c), y = ZeroWhere(b, c), then WhereMerge(x, y). Of x and y one
// is the +0 put in the unselected place, so the merge keeps x unless x is that +0 (a selected
// -0. stays -0., as PyTorch's where copies it).
template <class T>
GRADLAB_HD T scalar_where_merge(T x, T y) {
  if constexpr (std::is_floating_point_v<T>) {
    return x == T(0) && !std::signbit(x) ? y : x;
  } else {
    return x == T(0) ? y : x;
  }
}

// x % y as Python and ATen's remainder kernel compute it: the result takes the sign of y.
// Integer division by zero is rejected before the kernel runs.
template <class T>
GRADLAB_HD T scalar_remainder(T x, T y) {
  if constexpr (std::is_integral_v<T>) {
    if (y == 0) return T(0);
    T r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return r;
  } else {
    T m = std::fmod(x, y);
    if (m != 0 && ((y < 0) != (m < 0))) m += y;
    return m;
  }
}

// x // y as ATen's div_floor: for floats the quotient of the exact remainder, rounded down,
// and IEEE's x / y when y is 0.
template <class T>
GRADLAB_HD T scalar_floor_divide(T x, T y) {
  if constexpr (std::is_integral_v<T>) {
    if (y == 0) return T(0);
    T q = x / y;
    if (x % y != 0 && ((x < 0) != (y < 0))) --q;
    return q;
  } else {
    if (y == 0) return x / y;
    T mod = std::fmod(x, y);
    T div = (x - mod) / y;
    if (mod != 0 && ((y < 0) != (mod < 0))) div -= T(1);
    if (div == 0) return std::copysign(T(0), x / y);
    T fl = std::floor(div);
    if (div - fl > T(0.5)) fl += T(1);
    return fl;
  }
}

// The bounds stay double until known present: a missing bound is NaN, and NaN cast to an
// integer type is undefined (int64 clamp(min=0) gave INT64_MIN everywhere).
template <class T>
GRADLAB_HD T scalar_clamp(T x, double lo, double hi) {
  if (x != x) return x;                 // NaN stays NaN, as in PyTorch
  if (lo == lo && x < T(lo)) x = T(lo);  // lo == lo: bound is present (not NaN)
  if (hi == hi && x > T(hi)) x = T(hi);
  return x;
}

// std::min(a, b): a unless b < a.
template <class T>
GRADLAB_HD T scalar_min_first(T a, T b) {
  return b < a ? b : a;
}

// torch.round(x, decimals=d) as ATen's kernel: with p = 10^|d| in the tensor's dtype,
// nearbyint(x·p)/p, or nearbyint(x/p)·p for negative d.
template <class T>
GRADLAB_HD T round_decimals(T x, double p, bool negative) {
  const T ten_pow = static_cast<T>(p);
  return negative ? static_cast<T>(std::nearbyint(x / ten_pow) * ten_pow) : static_cast<T>(std::nearbyint(x * ten_pow) / ten_pow);
}

// Note [Vector and tail forms]: ATen computes most activations with cpu_kernel_vec, whose AVX2
// vectors (pairs of 8 floats / 4 doubles) call SLEEF and whose last n % 16 (n % 8) elements call
// the C library (Note [Position in the run] in engine/backend/cpu/elementwise_loops.h). The
// functions below take `vec`: true for the vector form (what the rows compute, and CUDA), false
// for the tail, which GRADLAB_UNARY_TAIL_FORMS / GRADLAB_BINARY_TAIL_FORMS name. The tail's
// exp, tanh, sinh, cosh, atan2 and hypot are glibc's on every build (libm_exp, libm_tanh...); its
// log1p and erf are the C library's (glibc's natively; the wasm build's musl differs in the last
// bit for a few inputs). GCC fuses some a·b + c of those kernels into fmas (checked against PyTorch's bits);
// scalar_fma marks them.
template <class T>
GRADLAB_HD T exp_at(T x, bool vec) {
  if constexpr (std::is_floating_point_v<T>) return vec ? sleef_exp(x) : libm_exp(x);
  else return T(0);
}

// elu(x) = x·pos for x > 0, else (exp(x·input_scale) − 1)·neg, with neg = alpha·scale rounded in
// the dtype (ATen's elu kernel; 1.13 uses exp − 1, not expm1). selu and celu are elus.
inline constexpr double kSeluAlpha = 1.6732632423543772848170429916717;
inline constexpr double kSeluScale = 1.0507009873554804934193349852946;
template <class T>
GRADLAB_HD T selu_negcoef() { return T(kSeluAlpha) * T(kSeluScale); }
// CeluBackward0 passes 1 / alpha with alpha read as a float.
template <class T>
GRADLAB_HD T celu_backward_input_scale(double alpha) { return T(1.0 / static_cast<double>(static_cast<float>(alpha))); }
template <class T>
GRADLAB_HD T elu_forward(T x, T neg, T pos, T input_scale, bool vec) {
  if constexpr (std::is_floating_point_v<T>) {
    return x > T(0) ? x * pos : (exp_at(x * input_scale, vec) - T(1)) * neg;
  } else {
    return T(0);
  }
}
// elu_backward with is_result false: grad·input_scale·neg·exp(x·input_scale) where x <= 0.
template <class T>
GRADLAB_HD T elu_backward(T g, T x, T neg, T pos, T input_scale, bool vec) {
  if constexpr (std::is_floating_point_v<T>) {
    return x > T(0) ? g * pos : g * input_scale * neg * exp_at(x * input_scale, vec);
  } else {
    return T(0);
  }
}

// softplus(x) = x where x·beta > threshold, else log1p(exp(x·beta)) / beta.
template <class T>
GRADLAB_HD T softplus_forward(T x, T beta, T threshold, bool vec) {
  if constexpr (std::is_floating_point_v<T>) {
    if (x * beta > threshold) return x;
    return (vec ? sleef_log1p(sleef_exp(x * beta)) : static_cast<T>(std::log1p(exp_at(x * beta, false)))) / beta;
  } else {
    return T(0);
  }
}
// Its backward below the threshold, z = exp(x·beta): g·z / (z + 1) (the threshold is a mask).
template <class T>
GRADLAB_HD T softplus_backward(T g, T x, T beta, bool vec) {
  const T z = exp_at(x * beta, vec);
  return g * z / (z + T(1));
}

// gelu(x) = x·0.5·(1 + erf(x/√2)) (ATen's kernel; float32 runs of 2 or more go to oneDNN instead).
template <class T>
GRADLAB_HD T gelu_erf(T x, bool vec) {
  if constexpr (std::is_floating_point_v<T>) {
    const T e = vec ? sleef_erf(x * T(M_SQRT1_2)) : static_cast<T>(std::erf(x * T(M_SQRT1_2)));
    return x * T(0.5) * (T(1) + e);
  } else {
    return T(0);
  }
}
// cdf + x·pdf with cdf = 0.5·(1 + erf(x/√2)), pdf = exp(−x²/2)/√(2π); fused in the vectors.
template <class T>
GRADLAB_HD T gelu_erf_backward(T g, T x, bool vec) {
  if constexpr (std::is_floating_point_v<T>) {
    const T cdf = T(0.5) * (T(1) + (vec ? sleef_erf(x * T(M_SQRT1_2)) : static_cast<T>(std::erf(x * T(M_SQRT1_2)))));
    const T pdf = T(M_2_SQRTPI * M_SQRT1_2 * 0.5) * exp_at(x * x * T(-0.5), vec);
    return g * (vec ? scalar_fma(x, pdf, cdf) : cdf + x * pdf);
  } else {
    return T(0);
  }
}

// Note [oneDNN's gelu]: PyTorch hands a contiguous float32 tensor of 2 or more elements to
// oneDNN 2.6 (eltwise_gelu_erf), which approximates erf the Abramowitz-Stegun way
// (1 − t·P(t)·exp(−x²), t = 1/(1 + p·|x|)) with its own exp: 2^n·P5(r), n = floor(x·log2 e + ½).
// The same formula on every element (no tail); constants are oneDNN's float bit patterns.
template <class T>
GRADLAB_HD T onednn_exp(T x) {
  using sleef_detail::float_of;
  const bool underflow = x < float_of(0xc2aeac50u);  // below log(FLT_MIN): 0
  x = x < T(float_of(0x42b17218u)) ? x : T(float_of(0x42b17218u));  // vminps/vmaxps: NaN gives the bound
  x = x > T(float_of(0xc2aeac50u)) ? x : T(float_of(0xc2aeac50u));
  const T n = std::floor(x * T(float_of(0x3fb8aa3bu)) + T(0.5f));
  const T r = scalar_fma(-n, T(float_of(0x3f317218u)), x);
  const int32_t k = static_cast<int32_t>(n - T(1));  // 2^(n−1)·2: 2^128 would overflow
  const T scale = underflow ? T(0) : T(float_of(static_cast<uint32_t>(k + 127) << 23));
  T p = T(float_of(0x3c07cfceu));
  p = scalar_fma(p, r, T(float_of(0x3d2b9d0du)));
  p = scalar_fma(p, r, T(float_of(0x3e2aad40u)));
  p = scalar_fma(p, r, T(float_of(0x3efffee3u)));
  p = scalar_fma(p, r, T(float_of(0x3f7ffffbu)));
  p = scalar_fma(p, r, T(1));
  return p * scale * T(2);
}
// 1 − t·P(t)·e with e = exp(−x²), as oneDNN: the sign of x applied at the end.
template <class T>
GRADLAB_HD T onednn_erf_from(T x, T neg_e_times_t, T t) {
  using sleef_detail::float_of;
  T r = T(float_of(0x3f87dc22u));
  r = scalar_fma(r, t, T(float_of(0xbfba00e3u)));
  r = scalar_fma(r, t, T(float_of(0x3fb5f0e3u)));
  r = scalar_fma(r, t, T(float_of(0xbe91a98eu)));
  r = scalar_fma(r, t, T(float_of(0x3e827906u)));
  const T erf = scalar_fma(neg_e_times_t, r, T(1));
  return std::signbit(x) ? -erf : erf;
}
template <class T>
GRADLAB_HD T gelu_erf_onednn(T s) {
  if constexpr (std::is_floating_point_v<T>) {
    using sleef_detail::float_of;
    const T x = s * T(float_of(0x3f3504f3u));  // s/√2
    const T t = T(1) / scalar_fma(T(float_of(0x3ea7ba05u)), std::fabs(x), T(1));
    const T erf = onednn_erf_from(x, -onednn_exp(-(x * x)) * t, t);
    const T half_s = s * T(0.5f);
    return scalar_fma(erf, half_s, half_s);
  } else {
    return T(0);
  }
}
// d gelu/ds = ½ + ½·erf(R) + R·exp(−R²)/√π, R = s/√2 (oneDNN's gelu_erf backward).
template <class T>
GRADLAB_HD T gelu_erf_onednn_derivative(T s) {
  if constexpr (std::is_floating_point_v<T>) {
    using sleef_detail::float_of;
    const T x = s * T(float_of(0x3f3504f3u));
    const T q = onednn_exp(-(x * x));
    const T pdf_term = x * T(float_of(0x3f106ebau)) * q;
    const T t = T(1) / scalar_fma(T(float_of(0x3ea7ba05u)), std::fabs(x), T(1));
    const T erf = onednn_erf_from(x, -q * t, t);
    return scalar_fma(erf, T(0.5f), pdf_term + T(0.5f));
  } else {
    return T(0);
  }
}

// gelu(x, approximate='tanh') = ½x·(1 + tanh(β(x + κx³))), β = √(2/π), κ = 0.044715.
template <class T>
GRADLAB_HD T gelu_tanh(T x, bool vec) {
  if constexpr (std::is_floating_point_v<T>) {
    const T inner = T(M_SQRT2 * M_2_SQRTPI * 0.5) * scalar_fma(T(0.044715), x * x * x, x);
    return T(0.5) * x * (T(1) + (vec ? sleef_tanh(inner) : libm_tanh(inner)));
  } else {
    return T(0);
  }
}
template <class T>
GRADLAB_HD T gelu_tanh_backward(T g, T x, bool vec) {
  if constexpr (std::is_floating_point_v<T>) {
    const T beta = T(M_SQRT2 * M_2_SQRTPI * 0.5), kappa = T(0.044715);
    const T x_sq = x * x;
    const T inner = beta * scalar_fma(kappa, x_sq * x, x);
    const T th = vec ? sleef_tanh(inner) : libm_tanh(inner);
    const T left = T(0.5) * x, right = T(1) + th;
    const T tanh_derivative = scalar_fma(-th, th, T(1));
    const T inner_derivative = beta * scalar_fma(T(3) * kappa, x_sq, T(1));
    return g * (T(0.5) * right + left * tanh_derivative * inner_derivative);
  } else {
    return T(0);
  }
}

// logsigmoid(x) = min(x, 0) − log1p(b), b = exp(−|x|); backward (x < 0 ? 1 − b/(1 + b) : b/(1 + b))·g.
// ATen's kernel ends a run with a short vector rather than scalar code, so every element gets
// SLEEF's exp and log1p (no tail form), and its backward reads b from the forward's buffer.
template <class T>
GRADLAB_HD T log_sigmoid_forward(T x) {
  if constexpr (std::is_floating_point_v<T>) {
    return scalar_min_first(x, T(0)) - sleef_log1p(sleef_exp(-std::fabs(x)));
  } else {
    return T(0);
  }
}
template <class T>
GRADLAB_HD T log_sigmoid_backward(T g, T x) {
  if constexpr (std::is_floating_point_v<T>) {
    const T b = sleef_exp(-std::fabs(x));
    const bool negative = x < T(0);
    const T max_deriv = negative ? T(1) : T(0), sign = negative ? T(1) : T(-1);
    return (max_deriv - sign * (b / (T(1) + b))) * g;
  } else {
    return T(0);
  }
}

// mish(x) = x·tanh(softplus(x)); backward g·(ts + x·σ(x)·(1 − ts²)), both sums fused.
template <class T>
GRADLAB_HD T mish_tanh_softplus(T x, bool vec) {
  if constexpr (std::is_floating_point_v<T>) {
    return vec ? sleef_tanh(sleef_log1p(sleef_exp(x))) : libm_tanh(static_cast<T>(std::log1p(exp_at(x, false))));
  } else {
    return T(0);
  }
}
template <class T>
GRADLAB_HD T mish_forward(T x, bool vec) {
  return x * mish_tanh_softplus(x, vec);
}
template <class T>
GRADLAB_HD T mish_backward(T g, T x, bool vec) {
  const T sigmoid = T(1) / (T(1) + exp_at(-x, vec));
  const T ts = mish_tanh_softplus(x, vec);
  return g * scalar_fma(x * sigmoid, scalar_fma(-ts, ts, T(1)), ts);
}

// The tail forms of the position-dependent rows above (Note [Vector and tail forms]).
#define GRADLAB_UNARY_TAIL_FORMS(X)                                             \
  X(Sinh, libm_sinh(x))                                                         \
  X(Cosh, libm_cosh(x))                                                         \
  X(Elu, elu_forward(x, T(a), T(1), T(1), false))                               \
  X(Selu, elu_forward(x, selu_negcoef<T>(), T(kSeluScale), T(1), false))         \
  X(Celu, elu_forward(x, T(a), T(1), T(1.0 / a), false))                        \
  X(Softplus, softplus_forward(x, T(a), T(b), false))                           \
  X(GeluErf, gelu_erf(x, false))                                                \
  X(GeluTanh, gelu_tanh(x, false))                                              \
  X(Mish, mish_forward(x, false))
#define GRADLAB_BINARY_TAIL_FORMS(X)                                            \
  X(EluBackward, elu_backward(x, y, T(a), T(1), T(1), false))                    \
  X(SeluBackward, elu_backward(x, y, selu_negcoef<T>(), T(kSeluScale), T(1), false)) \
  X(CeluBackward, elu_backward(x, y, T(a), T(1), celu_backward_input_scale<T>(a), false)) \
  X(SoftplusBackward, softplus_backward(x, y, T(a), false))                     \
  X(GeluErfBackward, gelu_erf_backward(x, y, false))                            \
  X(GeluTanhBackward, gelu_tanh_backward(x, y, false))                          \
  X(MishBackward, mish_backward(x, y, false))                                   \
  X(Atan2, libm_atan2(x, y))                                                    \
  X(Hypot, libm_hypot(x, y))                                                    \
  X(HardswishBackward, y < T(-3) ? T(0) : y <= T(3) ? x * (y / T(3) + T(0.5)) : x)  /* at 3: formula */

enum class UnaryOp : uint8_t {
#define GRADLAB_ENUM_ROW(name, expr) name,
  GRADLAB_UNARY_PRIMITIVES(GRADLAB_ENUM_ROW)
#undef GRADLAB_ENUM_ROW
};

enum class BinaryOp : uint8_t {
#define GRADLAB_ENUM_ROW(name, expr) name,
  GRADLAB_BINARY_PRIMITIVES(GRADLAB_ENUM_ROW)
#undef GRADLAB_ENUM_ROW
};

// Functors the backends instantiate per op: UnaryFn<UnaryOp::Exp>{a, b}(x).
template <UnaryOp Op>
struct UnaryFn;
template <BinaryOp Op>
struct BinaryFn;

#define GRADLAB_UNARY_FN(name, expr)                                 \
  template <>                                                        \
  struct UnaryFn<UnaryOp::name> {                                    \
    static constexpr UnaryOp kOp = UnaryOp::name;                    \
    double a, b;                                                     \
    template <class T>                                               \
    GRADLAB_HD T operator()(T x) const {                             \
      (void)a;                                                       \
      (void)b;                                                       \
      return static_cast<T>(expr);                                   \
    }                                                                \
  };
GRADLAB_UNARY_PRIMITIVES(GRADLAB_UNARY_FN)
#undef GRADLAB_UNARY_FN

#define GRADLAB_BINARY_FN(name, expr)                                \
  template <>                                                        \
  struct BinaryFn<BinaryOp::name> {                                  \
    static constexpr BinaryOp kOp = BinaryOp::name;                  \
    double a;                                                        \
    template <class T>                                               \
    GRADLAB_HD T operator()(T x, T y) const {                        \
      (void)a;                                                       \
      return static_cast<T>(expr);                                   \
    }                                                                \
  };
GRADLAB_BINARY_PRIMITIVES(GRADLAB_BINARY_FN)
#undef GRADLAB_BINARY_FN

// The tail form of a row, where it has one: UnaryTailFn<Op>::kExists, then called like UnaryFn.
template <UnaryOp Op>
struct UnaryTailFn {
  static constexpr bool kExists = false;
};
template <BinaryOp Op>
struct BinaryTailFn {
  static constexpr bool kExists = false;
};
#define GRADLAB_UNARY_TAIL_FN(name, expr)                            \
  template <>                                                        \
  struct UnaryTailFn<UnaryOp::name> {                                \
    static constexpr bool kExists = true;                            \
    double a, b;                                                     \
    template <class T>                                               \
    GRADLAB_HD T operator()(T x) const {                             \
      return static_cast<T>(expr);                                   \
    }                                                                \
  };
GRADLAB_UNARY_TAIL_FORMS(GRADLAB_UNARY_TAIL_FN)
#undef GRADLAB_UNARY_TAIL_FN
#define GRADLAB_BINARY_TAIL_FN(name, expr)                           \
  template <>                                                        \
  struct BinaryTailFn<BinaryOp::name> {                              \
    static constexpr bool kExists = true;                            \
    double a;                                                        \
    template <class T>                                               \
    GRADLAB_HD T operator()(T x, T y) const {                        \
      (void)a;                                                       \
      return static_cast<T>(expr);                                   \
    }                                                                \
  };
GRADLAB_BINARY_TAIL_FORMS(GRADLAB_BINARY_TAIL_FN)
#undef GRADLAB_BINARY_TAIL_FN

// Calls f(UnaryFn<op>{a,b}) with the functor for a runtime op: one switch, generated.
template <class F>
void dispatch_unary(UnaryOp op, double a, double b, F&& f) {
  switch (op) {
#define GRADLAB_CASE(name, expr) \
  case UnaryOp::name: f(UnaryFn<UnaryOp::name>{a, b}); return;
    GRADLAB_UNARY_PRIMITIVES(GRADLAB_CASE)
#undef GRADLAB_CASE
  }
}

template <class F>
void dispatch_binary(BinaryOp op, double a, F&& f) {
  switch (op) {
#define GRADLAB_CASE(name, expr) \
  case BinaryOp::name: f(BinaryFn<BinaryOp::name>{a}); return;
    GRADLAB_BINARY_PRIMITIVES(GRADLAB_CASE)
#undef GRADLAB_CASE
  }
}

}  // namespace gradlab
