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

#if defined(__CUDACC__)
#define GRADLAB_HD __host__ __device__ __forceinline__
#else
#define GRADLAB_HD inline
#endif

namespace gradlab {

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
  X(BitNot, scalar_bitnot(x))             /* ~ on int64 */

// ---- binary primitives: out = f(x, y; a) -------------------------------------------------
#define GRADLAB_BINARY_PRIMITIVES(X)                                                       \
  X(Add, x + y)                                                                            \
  X(Sub, x - y)                                                                            \
  X(Mul, x * y)                                                                            \
  X(Div, scalar_div(x, y))                                                                 \
  X(Pow, scalar_pow(x, y))                                                                 \
  X(Max, scalar_max(x, y))                                                                 \
  X(AddScaled, scalar_fma(T(a), y, x))    /* x + a·y rounded once: ATen's vectorised fmadd */ \
  X(ReluBackward, y <= T(0) ? T(0) : x)   /* grad x, input y: threshold_backward */          \
  X(SigmoidBackward, (x * (T(1) - y)) * y)  /* grad x, output y: σ' = (1-σ)σ, in ATen's order */ \
  X(TanhBackward, x * scalar_fma(-y, y, T(1)))  /* grad x, output y: tanh' = 1 - tanh² */    \
  X(PowScalarBackward, x * (T(a) * scalar_pow(y, T(a - 1))))  /* grad x, base y */           \
  X(SquareBackward, x * (T(2) * y))       /* x**2: pow backward with the exponent folded in */ \
  X(CubeBackward, x * (T(3) * (y * y)))   /* x**3: likewise, so the loop vectorises */          \
  X(EqualMask, x == y ? T(1) : T(0))                                                       \
  X(SelectOrZero, y != T(0) ? x : T(0))  /* x where the mask y is set, else +0: where(mask, grad, 0) */ \
  X(MaximumGradMask, x > y ? T(1) : (x == y ? T(0.5) : T(0)))  /* d max(x,y)/dx, ties split */ \
  X(LeakyReluBackward, y > T(0) ? x : x * T(a))  /* grad x, input y, slope a */              \
  X(SiluBackward, silu_backward(x, y))    /* grad x, input y; vector form (Note [Position in the run]) */ \
  X(BceLoss, bce_loss(x, y))              /* input x, target y: ATen's scalar kernel */      \
  X(XLogY, xlogy(x, y))                   /* x·log y, 0 where x is 0, the C library's log */ \
  X(Remainder, scalar_remainder(x, y))   /* Python's %: fmod, then the sign of y */        \
  X(FloorDivide, scalar_floor_divide(x, y))  /* floor(x / y), ATen's div_floor */              \
  X(PowExponentGrad, x == T(0) ? T(0) : static_cast<T>(sleef_log(x))) /* d x^y/dy = x^y·log x, 0 at 0^0 */ \
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
  X(WhereMerge, scalar_where_merge(x, y))

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
    double a;                                                        \
    template <class T>                                               \
    GRADLAB_HD T operator()(T x, T y) const {                        \
      (void)a;                                                       \
      return static_cast<T>(expr);                                   \
    }                                                                \
  };
GRADLAB_BINARY_PRIMITIVES(GRADLAB_BINARY_FN)
#undef GRADLAB_BINARY_FN

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
