// Unary ops: forward and backward side by side, each with its derivative in a comment.
// Ops save only what backward needs: exp, tanh, sigmoid, sqrt and relu keep their output;
// log, sin, cos, abs, pow keep their input (Note [Saved tensors]).
#include <cmath>
#include <string>

#include "engine/ops/compare.h"
#include "engine/ops/grad_ops.h"
#include "engine/ops/nn.h"
#include "engine/ops/op_helpers.h"
#include "engine/ops/pointwise.h"

namespace gradlab {
using namespace ops;

namespace {

// Floating ops on integer tensors compute in the default float dtype, as PyTorch does.
Tensor as_floating(const Tensor& t) { return is_floating(t.dtype()) ? t : prim::cast(t, kDefaultFloat); }

// Runs a floating unary primitive and records its node, saving the input or the output.
enum class Save { Input, Output, Nothing };
Tensor unary_op(OpId id, UnaryOp prim_op, BackwardFn backward, const Tensor& a, Save what, double param = 0) {
  Tensor x = as_floating(a);
  Tensor out = prim::unary(prim_op, x, param);
  if (Node* n = record_op(id, backward, out, {&a})) {
    if (what == Save::Input) save_for_backward(*n, x);
    if (what == Save::Output) save_for_backward(*n, out);
  }
  return out;
}

Tensor times(const Tensor& a, const Tensor& b) { return prim::binary(BinaryOp::Mul, a, b); }

}  // namespace

// d(−x)/dx = −1
Tensor neg(const Tensor& a) {
  check_bool_neg(a.dtype());
  Tensor out = prim::unary(UnaryOp::Neg, a);
  record_op(OpId::Neg, [](const Node&, const Tensor& g) -> Grads { return {prim::unary(UnaryOp::Neg, g)}; }, out, {&a});
  return out;
}

// d(1/x)/dx = −1/x² (the output squared, negated)
Tensor reciprocal(const Tensor& a) {
  return unary_op(OpId::Reciprocal, UnaryOp::RDivScalar, [](const Node& n, const Tensor& g) -> Grads {
    const Tensor& r = saved(n, 0);
    return {prim::unary(UnaryOp::Neg, times(g, times(r, r)))};
  }, a, Save::Output, 1.0);
}

// d(x^p)/dx = p·x^(p−1). Squares and cubes get their own primitives (same rounding as
// PyTorch's special cases, and loops without a per-element exponent test vectorise).
Tensor pow(const Tensor& a, Scalar exponent) {
  if (!is_floating(a.dtype()) && exponent.is_integral && exponent.value < 0) {
    runtime_error("Integers to negative integer powers are not allowed.");
  }
  if (result_type(a, exponent) == DType::Bool) runtime_error("\"pow\" not implemented for 'Bool'");
  Tensor x = prim::cast(a, result_type(a, exponent));
  const double p = exponent.value;
  Tensor out;
  if (x.dtype() == DType::BFloat16 && (p == 3 || p == -2)) {
    // PyTorch's bfloat16 kernel rounds x·x before the next step: base*base*base, 1/(base*base).
    Tensor square = prim::unary(UnaryOp::Square, x);
    out = p == 3 ? prim::binary(BinaryOp::Mul, square, x) : prim::unary(UnaryOp::RDivScalar, square, 1.0);
  } else {
    out = p == 2 ? prim::unary(UnaryOp::Square, x) : p == 3 ? prim::unary(UnaryOp::Cube, x)
                                                        : prim::unary(UnaryOp::PowScalar, x, p);
  }
  if (Node* n = record_op(OpId::PowScalar, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& base = saved(n, 0);
        if (n.a == 0) return {prim::unary(UnaryOp::MulScalar, g, 0.0)};
        if (n.a == 2) return {prim::binary(BinaryOp::SquareBackward, g, base)};
        if (n.a == 3) return {prim::binary(BinaryOp::CubeBackward, g, base)};
        return {prim::binary(BinaryOp::PowScalarBackward, g, base, n.a)};
      }, out, {&a})) {
    n->a = p;
    save_for_backward(*n, x);
  }
  return out;
}

// d(eˣ)/dx = eˣ (the output)
Tensor exp(const Tensor& a) {
  return unary_op(OpId::Exp, UnaryOp::Exp, [](const Node& n, const Tensor& g) -> Grads { return {times(g, saved(n, 0))}; },
                  a, Save::Output);
}

// d(log x)/dx = 1/x
Tensor log(const Tensor& a) {
  return unary_op(OpId::Log, UnaryOp::Log, [](const Node& n, const Tensor& g) -> Grads {
    return {prim::binary(BinaryOp::Div, g, saved(n, 0))};
  }, a, Save::Input);
}

// d(√x)/dx = 1/(2√x)
Tensor sqrt(const Tensor& a) {
  return unary_op(OpId::Sqrt, UnaryOp::Sqrt, [](const Node& n, const Tensor& g) -> Grads {
    return {prim::binary(BinaryOp::Div, g, mul_scalar(saved(n, 0), 2.0))};
  }, a, Save::Output);
}

// d|x|/dx = sign(x)
Tensor abs(const Tensor& a) {
  if (a.dtype() == DType::Bool) runtime_error("\"abs_cpu\" not implemented for 'Bool'");
  Tensor out = prim::unary(UnaryOp::Abs, a);
  if (Node* n = record_op(OpId::Abs, [](const Node& n, const Tensor& g) -> Grads {
        return {times(g, prim::unary(UnaryOp::Sign, saved(n, 0)))};
      }, out, {&a})) {
    save_for_backward(*n, a);
  }
  return out;
}

// d(sin x)/dx = cos x
Tensor sin(const Tensor& a) {
  return unary_op(OpId::Sin, UnaryOp::Sin, [](const Node& n, const Tensor& g) -> Grads {
    return {times(g, prim::unary(UnaryOp::Cos, saved(n, 0)))};
  }, a, Save::Input);
}

// d(cos x)/dx = −sin x
Tensor cos(const Tensor& a) {
  return unary_op(OpId::Cos, UnaryOp::Cos, [](const Node& n, const Tensor& g) -> Grads {
    return {prim::unary(UnaryOp::Neg, times(g, prim::unary(UnaryOp::Sin, saved(n, 0))))};
  }, a, Save::Input);
}

// dσ/dx = σ(1 − σ)
Tensor sigmoid(const Tensor& a) {
  return unary_op(OpId::Sigmoid, UnaryOp::Sigmoid, [](const Node& n, const Tensor& g) -> Grads {
    return {prim::binary(BinaryOp::SigmoidBackward, g, saved(n, 0))};
  }, a, Save::Output);
}

// d(tanh x)/dx = 1 − tanh² x
Tensor tanh(const Tensor& a) {
  return unary_op(OpId::Tanh, UnaryOp::Tanh, [](const Node& n, const Tensor& g) -> Grads {
    return {prim::binary(BinaryOp::TanhBackward, g, saved(n, 0))};
  }, a, Save::Output);
}

// d relu(x)/dx = 1 where the output is positive, else 0
Tensor relu(const Tensor& a) {
  if (a.dtype() == DType::Bool) runtime_error("Boolean inputs not supported for relu");
  Tensor out = prim::unary(UnaryOp::Relu, a);
  if (Node* n = record_op(OpId::Relu, [](const Node& n, const Tensor& g) -> Grads {
        return {prim::binary(BinaryOp::ReluBackward, g, saved(n, 0))};
      }, out, {&a})) {
    save_for_backward(*n, out);
  }
  return out;
}

// The gradients of sigmoid, tanh and relu as ops (their create_graph form, Note [Higher-order
// gradients]), with derivatives.yaml's formulas for their own gradients:
//   sigmoid_backward(g, y) = g·(1 − y)·y: d/dg = sigmoid_backward(grad, y), d/dy = grad·g·(−2y + 1)
//   tanh_backward(g, y) = g·(1 − y²):     d/dg = tanh_backward(grad, y),    d/dy = grad·(−2y·g)
//   threshold_backward(g, y, 0):           d/dg = threshold_backward(grad, y), d/dy = 0
namespace {
Tensor output_grad_op(OpId op, BinaryOp kernel, BackwardFn backward, const Tensor& grad, const Tensor& output) {
  Tensor out = prim::binary(kernel, grad, output);
  if (Node* n = record_op(op, backward, out, {&grad, &output})) {
    save_for_backward(*n, grad);
    save_for_backward(*n, output);
  }
  return out;
}
}  // namespace

Tensor sigmoid_backward(const Tensor& grad, const Tensor& output) {
  return output_grad_op(OpId::SigmoidGrad, BinaryOp::SigmoidBackward, [](const Node& n, const Tensor& g) -> Grads {
    const Tensor &grad_output = saved(n, 0), &y = saved(n, 1);
    return {grad_if(n, 0, sigmoid_backward(g, y)),
            grad_if(n, 1, mul(mul(g, grad_output), add(mul_scalar_overload(y, Scalar(-2.0)), Scalar(1.0))))};
  }, grad, output);
}

Tensor tanh_backward(const Tensor& grad, const Tensor& output) {
  return output_grad_op(OpId::TanhGrad, BinaryOp::TanhBackward, [](const Node& n, const Tensor& g) -> Grads {
    const Tensor &grad_output = saved(n, 0), &y = saved(n, 1);
    return {grad_if(n, 0, tanh_backward(g, y)), grad_if(n, 1, mul(g, mul(mul_scalar_overload(y, Scalar(-2.0)), grad_output)))};
  }, grad, output);
}

Tensor threshold_backward(const Tensor& grad, const Tensor& output) {
  return output_grad_op(OpId::ThresholdGrad, BinaryOp::ReluBackward, [](const Node& n, const Tensor& g) -> Grads {
    return {grad_if(n, 0, threshold_backward(g, saved(n, 1))), grad_if(n, 1, zeros_like(g))};
  }, grad, output);
}

// d clamp(x, lo, hi)/dx = 1 inside [lo, hi], else 0
namespace {
// clamp and its one-bound forms share the kernel and the gradient; only the node name differs.
Tensor clamped(OpId id, const Tensor& a, std::optional<Scalar> min, std::optional<Scalar> max) {
  const double nan = std::nan("");
  double lo = min ? min->value : nan, hi = max ? max->value : nan;
  bool float_bound = (min && !min->is_integral) || (max && !max->is_integral);
  Tensor x = float_bound && !is_floating(a.dtype()) ? prim::cast(a, kDefaultFloat)
             : a.dtype() == DType::Bool             ? prim::cast(a, DType::Int64)  // integer bounds promote bool
                                                    : a;
  Tensor out = prim::unary(UnaryOp::Clamp, x, lo, hi);
  if (Node* n = record_op(id, [](const Node& n, const Tensor& g) -> Grads {
        // where(in_bounds, grad, 0), as PyTorch: a clamped element gets +0, never -0 (Note [Masked grads])
        return {prim::binary(BinaryOp::SelectOrZero, g, prim::unary(UnaryOp::ClampMask, saved(n, 0), n.a, n.b))};
      }, out, {&a})) {
    n->a = lo;
    n->b = hi;
    save_for_backward(*n, x);
  }
  return out;
}
}  // namespace

Tensor clamp(const Tensor& a, std::optional<Scalar> min, std::optional<Scalar> max) {
  if (!min && !max) runtime_error("torch.clamp: At least one of 'min' or 'max' must not be None");
  return clamped(OpId::Clamp, a, min, max);
}
// ATen names their float16 kernels apart from clamp's: "clamp_min_cpu", "clamp_max_scalar_cpu".
Tensor clamp_min(const Tensor& a, Scalar min) {
  if (a.dtype() == DType::Float16) not_implemented_for("clamp_min_cpu", a.dtype());
  return clamped(OpId::ClampMin, a, min, std::nullopt);
}
Tensor clamp_max(const Tensor& a, Scalar max) {
  if (a.dtype() == DType::Float16) not_implemented_for("clamp_max_scalar_cpu", a.dtype());
  return clamped(OpId::ClampMax, a, std::nullopt, max);
}

// A differentiable dtype change: the gradient flows back unchanged (the engine casts it).
Tensor Tensor::to(DType dtype) const {
  if (dtype == this->dtype()) return *this;
  Tensor out = prim::cast(*this, dtype);
  if (!is_floating(dtype)) return out;  // integer results never require grad
  record_op(OpId::ToCopy, [](const Node&, const Tensor& g) -> Grads { return {g}; }, out, {this});
  return out;
}

// A differentiable device copy: the gradient is copied back to the input's device.
Tensor Tensor::to(Device device) const {
  if (device == this->device()) return *this;
  Tensor out = prim::empty(shape(), dtype(), device);
  std::vector<unsigned char> host(static_cast<size_t>(numel()) * dtype_size(dtype()));
  storage().backend->copy_to_host(host.data(), data(), host.size());
  out.storage().backend->copy_from_host(out.mutable_data(), host.data(), host.size());
  if (Node* n = record_op(OpId::ToCopy, [](const Node& n, const Tensor& g) -> Grads {
        return {g.to(n.inputs[0].device)};
      }, out, {this})) {
    (void)n;
  }
  return out;
}

// ---- pointwise math: rounding, rsqrt, exp2, expm1, log1p, erf, log2, log10, hyperbolics -----
// Element-wise bits as ATen 1.13's CPU kernels (scalar_math.h rows): rounding and rsqrt are exact
// IEEE operations; expm1, log1p, erf, log2 and log10 are SLEEF's (sleef_math.h) on every element,
// sinh and cosh SLEEF's in the vectors and the C library's in the tail (Note [Vector and tail
// forms]); exp2, asinh, acosh and atanh are the C library's, as ATen calls them.
namespace {

// PyTorch's gradient of a piecewise-constant op: zeros_like(grad), +0 even where grad is NaN.
Grads zero_grad(const Node&, const Tensor& g) { return {zeros_like(g)}; }

// floor, ceil, round, trunc: integer tensors come back as a copy of their own dtype; bool is
// refused by ATen's vml kernel.
Tensor rounding_op(OpId id, UnaryOp prim_op, const char* kernel, const Tensor& a) {
  if (a.dtype() == DType::Bool) not_implemented_for(kernel, a.dtype());
  if (!is_floating(a.dtype())) return clone(a);
  Tensor out = prim::unary(prim_op, a);
  record_op(id, zero_grad, out, {&a});
  return out;
}

}  // namespace

Tensor floor(const Tensor& a) { return rounding_op(OpId::Floor, UnaryOp::Floor, "floor_vml_cpu", a); }
Tensor ceil(const Tensor& a) { return rounding_op(OpId::Ceil, UnaryOp::Ceil, "ceil_vml_cpu", a); }
Tensor trunc(const Tensor& a) { return rounding_op(OpId::Trunc, UnaryOp::Trunc, "trunc_vml_cpu", a); }
Tensor round(const Tensor& a) { return rounding_op(OpId::Round, UnaryOp::Round, "round_vml_cpu", a); }

// round(x, decimals=d): nearbyint(x·10^d)/10^d (for d < 0, nearbyint(x/10^−d)·10^−d); floats only.
Tensor round(const Tensor& a, int64_t decimals) {
  if (!is_floating(a.dtype())) not_implemented_for("round_cpu", a.dtype());
  const bool negative = decimals < 0;
  const double ten_pow = std::pow(10.0, static_cast<double>(negative ? -decimals : decimals));
  Tensor out = prim::unary(UnaryOp::RoundDecimals, a, ten_pow, negative ? 1.0 : 0.0);
  record_op(OpId::RoundDecimals, zero_grad, out, {&a});
  return out;
}

// frac(x) = x − trunc(x); d/dx = 1
Tensor frac(const Tensor& a) {
  if (!is_floating(a.dtype())) not_implemented_for("frac_cpu", a.dtype());
  Tensor out = prim::unary(UnaryOp::Frac, a);
  record_op(OpId::Frac, [](const Node&, const Tensor& g) -> Grads { return {g}; }, out, {&a});
  return out;
}

// sign(x) ∈ {−1, 0, 1} (0 for ±0 and NaN), in the input's dtype (bool stays bool); d/dx = 0
Tensor sign(const Tensor& a) {
  if (a.dtype() == DType::Bool) return clone(a);
  Tensor out = prim::unary(UnaryOp::Sign, a);
  record_op(OpId::Sign, zero_grad, out, {&a});
  return out;
}

// sgn(x): sign(x) for real tensors, recorded as PyTorch's SgnBackward0. Its gradient is ATen's
// sgn_backward, ((g − sgn²·g) / |x|) with 0 where x is 0: zero for real x except where g or x is
// NaN or infinite. Written with recorded ops, so it is its own differentiable form.
Tensor sgn(const Tensor& a) {
  if (a.dtype() == DType::Bool) return clone(a);
  Tensor out = prim::unary(UnaryOp::Sign, a);
  if (Node* n = record_op(OpId::Sgn, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& x = saved(n, 0);
        Tensor s = output_with_history(n, saved(n, 1));
        Tensor magnitude = abs(x);
        Tensor r = div(sub(g, mul(mul(s, s), g)), magnitude);
        return {masked_fill(r, compare(CompareOp::Eq, magnitude, Scalar(0.0)), Scalar(0.0))};
      }, out, {&a})) {
    save_for_backward(*n, a);
    save_for_backward(*n, prim::alias(out, out.shape()));  // without its history (no cycle)
  }
  return out;
}

// d(x^−½)/dx = −½·x^−3/2, as PyTorch: (−0.5·grad)·result³
Tensor rsqrt(const Tensor& a) {
  return unary_op(OpId::Rsqrt, UnaryOp::Rsqrt, [](const Node& n, const Tensor& g) -> Grads {
    return {times(mul_scalar(g, -0.5), prim::unary(UnaryOp::Cube, saved(n, 0)))};
  }, a, Save::Output);
}

// d(2ˣ)/dx = 2ˣ·ln 2: (grad·result)·ln 2
Tensor exp2(const Tensor& a) {
  return unary_op(OpId::Exp2, UnaryOp::Exp2, [](const Node& n, const Tensor& g) -> Grads {
    return {mul_scalar(times(g, saved(n, 0)), M_LN2)};
  }, a, Save::Output);
}

// d(eˣ − 1)/dx = eˣ: grad·(result + 1)
Tensor expm1(const Tensor& a) {
  return unary_op(OpId::Expm1, UnaryOp::Expm1, [](const Node& n, const Tensor& g) -> Grads {
    return {times(g, prim::unary(UnaryOp::AddScalar, saved(n, 0), 1.0))};
  }, a, Save::Output);
}

// d log(1 + x)/dx = 1/(1 + x): grad / (x + 1)
Tensor log1p(const Tensor& a) {
  return unary_op(OpId::Log1p, UnaryOp::Log1p, [](const Node& n, const Tensor& g) -> Grads {
    return {prim::binary(BinaryOp::Div, g, prim::unary(UnaryOp::AddScalar, saved(n, 0), 1.0))};
  }, a, Save::Input);
}

// d erf(x)/dx = 2/√π·exp(−x²): (exp(−x²)·2/√π)·grad
Tensor erf(const Tensor& a) {
  return unary_op(OpId::Erf, UnaryOp::Erf, [](const Node& n, const Tensor& g) -> Grads {
    Tensor e = prim::unary(UnaryOp::Exp, prim::unary(UnaryOp::Neg, prim::unary(UnaryOp::Square, saved(n, 0))));
    return {times(mul_scalar(e, 2.0 / std::sqrt(M_PI)), g)};
  }, a, Save::Input);
}

// d log₂(x)/dx = 1/(x·ln 2): grad / (x·ln 2)
Tensor log2(const Tensor& a) {
  return unary_op(OpId::Log2, UnaryOp::Log2, [](const Node& n, const Tensor& g) -> Grads {
    return {prim::binary(BinaryOp::Div, g, mul_scalar(saved(n, 0), M_LN2))};
  }, a, Save::Input);
}

// d log₁₀(x)/dx = 1/(x·ln 10): grad / (x·ln 10)
Tensor log10(const Tensor& a) {
  return unary_op(OpId::Log10, UnaryOp::Log10, [](const Node& n, const Tensor& g) -> Grads {
    return {prim::binary(BinaryOp::Div, g, mul_scalar(saved(n, 0), M_LN10))};
  }, a, Save::Input);
}

// d sinh(x)/dx = cosh(x): grad·cosh(x)
Tensor sinh(const Tensor& a) {
  return unary_op(OpId::Sinh, UnaryOp::Sinh, [](const Node& n, const Tensor& g) -> Grads {
    return {times(g, prim::unary(UnaryOp::Cosh, saved(n, 0)))};
  }, a, Save::Input);
}

// d cosh(x)/dx = sinh(x): grad·sinh(x)
Tensor cosh(const Tensor& a) {
  return unary_op(OpId::Cosh, UnaryOp::Cosh, [](const Node& n, const Tensor& g) -> Grads {
    return {times(g, prim::unary(UnaryOp::Sinh, saved(n, 0)))};
  }, a, Save::Input);
}

// d asinh(x)/dx = 1/√(x² + 1): grad·rsqrt(x² + 1)
Tensor asinh(const Tensor& a) {
  return unary_op(OpId::Asinh, UnaryOp::Asinh, [](const Node& n, const Tensor& g) -> Grads {
    Tensor sq = prim::unary(UnaryOp::AddScalar, prim::unary(UnaryOp::Square, saved(n, 0)), 1.0);
    return {times(g, prim::unary(UnaryOp::Rsqrt, sq))};
  }, a, Save::Input);
}

// d acosh(x)/dx = 1/√(x² − 1): grad·rsqrt(x² − 1)
Tensor acosh(const Tensor& a) {
  return unary_op(OpId::Acosh, UnaryOp::Acosh, [](const Node& n, const Tensor& g) -> Grads {
    Tensor sq = prim::unary(UnaryOp::AddScalar, prim::unary(UnaryOp::Square, saved(n, 0)), -1.0);
    return {times(g, prim::unary(UnaryOp::Rsqrt, sq))};
  }, a, Save::Input);
}

// d atanh(x)/dx = 1/(1 − x²): grad / (1 − x²)
Tensor atanh(const Tensor& a) {
  return unary_op(OpId::Atanh, UnaryOp::Atanh, [](const Node& n, const Tensor& g) -> Grads {
    return {prim::binary(BinaryOp::Div, g, prim::unary(UnaryOp::RSubScalar, prim::unary(UnaryOp::Square, saved(n, 0)), 1.0))};
  }, a, Save::Input);
}

}  // namespace gradlab
