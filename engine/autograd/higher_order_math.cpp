// Note [Higher-order gradients] (higher_order.h), continued: the differentiable backwards of
// pointwise math, clamps and masks, and the reductions whose gradients pick or scale elements
// (max/min, norm, var/std, cumsum, logsumexp). Each case is derivatives.yaml's formula in
// PyTorch 1.13.1 (FunctionsManual.cpp for the named helpers) with its C++ spelling kept, since
// the spelling picks the node: `t + 1` in ATen's C++ is AddBackward1 (add_scalar_overload), a
// Python `t + 1` AddBackward0; `2 * t` is MulBackward1; `1 - t` is SubBackward0 of a filled tensor.
// Each reads the saved tensors its forward keeps (the comment names the layout).
#include <cmath>
#include <numeric>

#include "engine/autograd/higher_order.h"
#include "engine/ops/compare.h"
#include "engine/ops/cumulative.h"
#include "engine/ops/grad_ops.h"
#include "engine/ops/index.h"
#include "engine/ops/nn.h"
#include "engine/ops/op_helpers.h"
#include "engine/ops/rearrange.h"

namespace gradlab {
namespace {

using ops::grad_if;
using ops::saved;

Tensor zero_like_scalar(const Tensor& g) { return scalar_tensor(Scalar(0.0), g.dtype(), g.device()); }

Tensor ones_minus(const Tensor& t) { return sub(ones_like(t), t); }  // ATen's `1 - t`: a filled tensor minus t

// ATen's unsqueeze_multiple for a gradient of a reduction without keepdim: the reduced dims back
// as size 1, one UnsqueezeBackward0 each. `keep` is the shape with the reduced dims kept.
Tensor unsqueeze_to(const Tensor& t, const Shape& keep) {
  Tensor r = t;
  size_t missing = keep.size() - static_cast<size_t>(t.dim());
  for (size_t d = 0, j = 0; d < keep.size() && missing > 0; ++d) {
    const bool fits_here = j < static_cast<size_t>(t.dim()) && t.shape()[j] == keep[d];
    const bool must_insert = keep.size() - d == missing;  // only inserted dims remain
    if (keep[d] == 1 && (!fits_here || must_insert)) {
      r = unsqueeze(r, static_cast<int64_t>(d));
      --missing;
    } else {
      ++j;
    }
  }
  return r;
}

Tensor keep_shape_of(const Tensor& g, const Shape& keep) { return g.dim() == static_cast<int64_t>(keep.size()) ? g : unsqueeze_to(g, keep); }

// ---- pointwise math ------------------------------------------------------------------------------
Grads abs_backward(const Node& n, const Tensor& g) { return {mul(g, sgn(saved(n, 0)))}; }  // grad * self.sgn()

Grads reciprocal_backward(const Node& n, const Tensor& g) {  // -grad * (result * result); saved: result
  Tensor r = output_with_history(n, saved(n, 0));
  return {mul(neg(g), mul(r, r))};
}

Grads rsqrt_backward(const Node& n, const Tensor& g) {  // -0.5 * grad * result.pow(3)
  return {mul(mul_scalar_overload(g, Scalar(-0.5)), pow(output_with_history(n, saved(n, 0)), Scalar(3)))};
}

Grads expm1_backward(const Node& n, const Tensor& g) {  // grad * (result + 1)
  return {mul(g, add_scalar_overload(output_with_history(n, saved(n, 0)), Scalar(1)))};
}

Grads exp2_backward(const Node& n, const Tensor& g) {  // grad * result * M_LN2
  return {mul_scalar_overload(mul(g, output_with_history(n, saved(n, 0))), Scalar(M_LN2))};
}

Grads tan_backward(const Node& n, const Tensor& g) {  // grad * (1 + result.pow(2))
  return {mul(g, add_scalar_overload(pow(output_with_history(n, saved(n, 0)), Scalar(2)), Scalar(1)))};
}

Grads log1p_backward(const Node& n, const Tensor& g) { return {div(g, add_scalar_overload(saved(n, 0), Scalar(1)))}; }

Grads atan_backward(const Node& n, const Tensor& g) {  // grad / (self * self + 1)
  const Tensor& x = saved(n, 0);
  return {div(g, add_scalar_overload(mul(x, x), Scalar(1)))};
}

Tensor one_minus_square_rsqrt(const Tensor& x) { return rsqrt(add_scalar_overload(mul(neg(x), x), Scalar(1))); }

Grads asin_backward(const Node& n, const Tensor& g) { return {mul(g, one_minus_square_rsqrt(saved(n, 0)))}; }
Grads acos_backward(const Node& n, const Tensor& g) { return {mul(g, neg(one_minus_square_rsqrt(saved(n, 0))))}; }

Grads asinh_backward(const Node& n, const Tensor& g) {  // grad * (self.pow(2) + 1).rsqrt()
  return {mul(g, rsqrt(add_scalar_overload(pow(saved(n, 0), Scalar(2)), Scalar(1))))};
}

Grads acosh_backward(const Node& n, const Tensor& g) {  // grad * (self.pow(2) - 1).rsqrt()
  return {mul(g, rsqrt(sub_scalar_overload(pow(saved(n, 0), Scalar(2)), Scalar(1))))};
}

// erf, erfc: ±2/√π * exp(-(self.pow(2))) * grad
Tensor gauss_times(const Node& n, const Tensor& g, double factor) {
  return mul(mul_scalar_overload(exp(neg(pow(saved(n, 0), Scalar(2)))), Scalar(factor)), g);
}

Grads log_base_backward(const Node& n, const Tensor& g, double ln_base) {  // grad / (self * ln(base))
  return {div(g, mul_scalar_overload(saved(n, 0), Scalar(ln_base)))};
}

Grads zero_backward(const Node&, const Tensor& g) { return {zeros_like(g)}; }  // piecewise constant: untracked zeros

// ---- clamps and masks ----------------------------------------------------------------------------
// clamp_backward: where(self >= min && self <= max, grad, 0); saved: self, a = min, b = max (NaN: none)
Grads clamp_backward(const Node& n, const Tensor& g) {
  const Tensor& x = saved(n, 0);
  Tensor in_range;
  if (!std::isnan(n.a)) in_range = compare(CompareOp::Ge, x, Scalar(n.a));
  if (!std::isnan(n.b)) {
    Tensor below = compare(CompareOp::Le, x, Scalar(n.b));
    in_range = in_range.defined() ? logical_and(in_range, below) : below;
  }
  if (!in_range.defined()) return {g};
  return {where(in_range, g, zero_like_scalar(g))};
}

Grads where_backward(const Node& n, const Tensor& g) {  // saved: condition
  const Tensor& cond = saved(n, 0);
  return {grad_if(n, 0, where(cond, g, zero_like_scalar(g))), grad_if(n, 1, where(cond, zero_like_scalar(g), g))};
}

// maximum: where(self == other, grad / 2, grad).masked_fill_(self < other, 0), and the mirror for
// other; minimum: the same with the comparisons turned round
Grads maximum_backward(const Node& n, const Tensor& g) {
  const Tensor &a = saved(n, 0), &b = saved(n, 1);
  const bool is_max = n.op == OpId::Maximum;
  auto share = [&](CompareOp loses, size_t i) {
    if (!n.needs_input_grad(i)) return Tensor();
    Tensor split = where(compare(CompareOp::Eq, a, b), div_scalar_overload(g, Scalar(2)), g);
    return masked_fill(split, compare(loses, a, b), Scalar(0.0));
  };
  return {share(is_max ? CompareOp::Lt : CompareOp::Gt, 0), share(is_max ? CompareOp::Gt : CompareOp::Lt, 1)};
}

// ---- reductions ----------------------------------------------------------------------------------
// max()/min() of all elements, ATen's evenly_distribute_backward on the CPU:
// zeros.masked_fill_(mask, grad / mask.sum()); saved: self, result
Grads extremum_all_backward(const Node& n, const Tensor& g) {
  const Tensor &x = saved(n, 0), &value = saved(n, 1);
  Tensor mask = std::isnan(value.item().value) ? isnan(x) : compare(CompareOp::Eq, x, value);
  return {masked_fill(zeros_like(x, TensorOptions{g.dtype(), g.device(), false}), mask, div(g, sum(mask)))};
}

// max(dim)/min(dim): value_selecting_reduction_backward, zeros.scatter_(dim, indices, grad); saved: indices
Grads extremum_dim_backward(const Node& n, const Tensor& g) {
  const Shape& in = n.inputs[0].shape;
  if (in.empty()) return {g};
  const int64_t dim = n.ints[0];
  const bool keepdim = g.dim() == static_cast<int64_t>(in.size());
  Tensor index = keepdim ? saved(n, 0) : unsqueeze(saved(n, 0), dim);
  return {scatter(zeros(in, TensorOptions{g.dtype(), g.device(), false}), dim, index, keepdim ? g : unsqueeze(g, dim))};
}

// norm_backward for p = 1 and 2: self.sgn() * grad, grad * (self / norm).masked_fill_(norm == 0, 0),
// with grad and norm unsqueezed back over the reduced dims. Saved: self, result (Norm: 0-d;
// NormBackward1 with a dim and LinalgVectorNorm: the kept shape, with ints = that shape), a = p.
Grads norm_backward(const Node& n, const Tensor& g) {
  const Tensor& x = saved(n, 0);
  const double p = n.a;  // norm(x) stores its 2 as well
  const Shape keep = n.ints.empty() ? Shape{} : Shape(n.ints.begin(), n.ints.end());
  const bool reduced_all = g.dim() == 0;
  const Tensor grad = reduced_all ? g : keep_shape_of(g, keep);
  if (p == 1) return {mul(sgn(x), grad)};
  if (p != 2) throw Error("NotImplementedError", "higher-order gradients (create_graph=True) through norms with p other than 1 and 2 are not supported by gradlab yet");
  Tensor norm = output_with_history(n, reduced_all ? prim::alias(saved(n, 1), {}) : prim::alias(saved(n, 1), g.shape()));
  if (!reduced_all) norm = keep_shape_of(norm, keep);
  Tensor unit = div(x, norm);
  return {mul(grad, masked_fill(unit, compare(CompareOp::Eq, norm, Scalar(0.0)), Scalar(0.0)))};
}

// cumsum_backward: the reversed cumsum, flip(cumsum(flip(grad))); ints = {dim}
Grads cumsum_backward(const Node& n, const Tensor& g) {
  const Shape& in = n.inputs[0].shape;
  const int64_t dim = n.ints[0];
  if (shape_numel(in) <= 1 || in.empty() || in[static_cast<size_t>(dim)] == 1) return {g};
  return {flip(cumsum(flip(g, {dim}), dim), {dim})};
}

// var_backward: (2 / dof) * grad * (self - self.mean(dim, true)), grad unsqueezed when dims
// were dropped (and self has more than one dim). ints = dims, a = correction, b = 1: no dim given.
Tensor var_backward_recorded(const Node& n, Tensor grad, const Tensor& self) {
  const int64_t correction = static_cast<int64_t>(n.a);
  if (self.dim() == 0 || n.b != 0) {
    const int64_t dof = self.numel() - correction;
    if (dof <= 0) throw Error("NotImplementedError", "higher-order gradients (create_graph=True) through var/std with no degrees of freedom are not supported by gradlab yet");
    return mul(mul_scalar_overload(grad, Scalar(2.0 / static_cast<double>(dof))), sub(self, mean(self)));
  }
  const Shape keep = ops::keepdim_shape(self.shape(), n.ints);
  if (grad.dim() != self.dim() && self.dim() > 1) grad = unsqueeze_to(grad, keep);
  int64_t rnumel = 1;
  for (int64_t d : n.ints) rnumel *= self.shape()[static_cast<size_t>(d)];
  return mul(mul_scalar_overload(grad, Scalar(2.0 / static_cast<double>(rnumel - correction))), sub(self, mean(self, n.ints, true)));
}

Grads var_backward(const Node& n, const Tensor& g) { return {var_backward_recorded(n, g, saved(n, 0))}; }

// std_backward: var_backward((grad / (result * 2)).masked_fill_(result == 0, 0)); saved: self, result
Grads std_backward(const Node& n, const Tensor& g) {
  Tensor result = output_with_history(n, saved(n, 1));
  Tensor grad_var = div(g, mul_scalar_overload(result, Scalar(2)));
  grad_var = masked_fill(grad_var, compare(CompareOp::Eq, result, Scalar(0.0)), Scalar(0.0));
  return {var_backward_recorded(n, grad_var, saved(n, 0))};
}

// logsumexp_backward: grad * (self - result).exp(), both unsqueezed; saved: self, result; ints = kept shape
Grads logsumexp_backward(const Node& n, const Tensor& g) {
  const Shape keep(n.ints.begin(), n.ints.end());
  Tensor result = keep_shape_of(output_with_history(n, saved(n, 1)), keep);
  return {mul(keep_shape_of(g, keep), exp(sub(saved(n, 0), result)))};
}

// ---- pow with tensors, activations --------------------------------------------------------------
// pow_backward_self: where(exponent == 0, 0, grad * (exponent * pow(self, exponent - 1)));
// pow_backward_exponent: grad * where(self == 0 & exponent >= 0, 0, result * self.log()).
// Saved: self, exponent, result.
Grads pow_tensor_backward(const Node& n, const Tensor& g) {
  const Tensor &self = saved(n, 0), &exponent = saved(n, 1);
  Tensor gs, ge;
  if (n.needs_input_grad(0)) {
    Tensor d = mul(g, mul(exponent, pow(self, sub_scalar_overload(exponent, Scalar(1)))));
    gs = where(compare(CompareOp::Eq, exponent, Scalar(0.0)), zero_like_scalar(g), d);
  }
  if (n.needs_input_grad(1)) {
    Tensor at_zero = logical_and(compare(CompareOp::Eq, self, Scalar(0.0)), compare(CompareOp::Ge, exponent, Scalar(0.0)));
    Tensor result = output_with_history(n, saved(n, 2));
    ge = mul(g, where(at_zero, zero_like_scalar(g), mul(result, log(self))));
  }
  return {gs, ge};
}

// pow(c, x) with c != 0: grad * (result * log(c)); saved: result, a = c
Grads pow_scalar_base_backward(const Node& n, const Tensor& g) {
  if (n.a == 0) throw Error("NotImplementedError", "higher-order gradients (create_graph=True) through pow(0, x) are not supported by gradlab yet");
  return {mul(g, mul_scalar_overload(output_with_history(n, saved(n, 0)), Scalar(std::log(n.a))))};
}

// infinitely_differentiable_silu_backward: grad * sigmoid * (1 + self * (1 - sigmoid)); saved: self.
// (Under create_graph PyTorch takes this formula instead of its fused kernel: its own rounding.)
Grads silu_backward(const Node& n, const Tensor& g) {
  const Tensor& x = saved(n, 0);
  Tensor s = sigmoid(x);
  return {mul(mul(g, s), add_scalar_overload(mul(x, ones_minus(s)), Scalar(1.0)))};
}

// binary_cross_entropy_with_logits_backward, which ATen writes with ops when grad mode is on:
// (sigmoid(x) - t) * grad, or ((pw·t + 1 - t) * sigmoid(x) - pw·t) * grad with pos_weight,
// then * weight, then / numel for 'mean'. Saved: input, target, [weight], [pos_weight];
// ints = {reduction, has weight, has pos_weight}.
Grads bce_with_logits_backward(const Node& n, const Tensor& g) {
  if (n.needs_input_grad(1))
    throw Error("NotImplementedError", "higher-order gradients (create_graph=True) of binary_cross_entropy_with_logits with respect to the target are not supported by gradlab yet");
  const Tensor &x = saved(n, 0), &target = saved(n, 1);
  size_t i = 2;
  Tensor weight = n.ints[1] ? saved(n, i++) : Tensor();
  Tensor pos_weight = n.ints[2] ? saved(n, i++) : Tensor();
  Tensor grad_input;
  if (pos_weight.defined()) {
    Tensor t = mul(pos_weight, target);
    grad_input = sub(mul(sub(add_scalar_overload(t, Scalar(1)), target), sigmoid(x)), t);
  } else {
    grad_input = sub(sigmoid(x), target);
  }
  grad_input = mul(grad_input, g);
  if (weight.defined()) grad_input = mul(grad_input, weight);
  if (n.ints[0] == static_cast<int64_t>(Reduction::Mean))
    grad_input = div_scalar_overload(grad_input, Scalar(static_cast<double>(x.numel())));
  return {grad_input, Tensor()};
}

}  // namespace

BackwardFn differentiable_math_backward(OpId op) {
  switch (op) {
    case OpId::Abs: return abs_backward;
    case OpId::Reciprocal: return reciprocal_backward;
    case OpId::Rsqrt: return rsqrt_backward;
    case OpId::Expm1: return expm1_backward;
    case OpId::Exp2: return exp2_backward;
    case OpId::Tan: return tan_backward;
    case OpId::Log1p: return log1p_backward;
    case OpId::Atan: return atan_backward;
    case OpId::Asin: return asin_backward;
    case OpId::Acos: return acos_backward;
    case OpId::Asinh: return asinh_backward;
    case OpId::Acosh: return acosh_backward;
    case OpId::Sinh: return [](const Node& n, const Tensor& g) -> Grads { return {mul(g, cosh(saved(n, 0)))}; };
    case OpId::Cosh: return [](const Node& n, const Tensor& g) -> Grads { return {mul(g, sinh(saved(n, 0)))}; };
    case OpId::Erf: return [](const Node& n, const Tensor& g) -> Grads { return {gauss_times(n, g, 2.0 / std::sqrt(M_PI))}; };
    case OpId::Erfc: return [](const Node& n, const Tensor& g) -> Grads { return {gauss_times(n, g, -2.0 / std::sqrt(M_PI))}; };
    case OpId::Log2: return [](const Node& n, const Tensor& g) -> Grads { return log_base_backward(n, g, M_LN2); };
    case OpId::Log10: return [](const Node& n, const Tensor& g) -> Grads { return log_base_backward(n, g, M_LN10); };
    case OpId::Sign:
    case OpId::Floor:
    case OpId::Ceil:
    case OpId::Round:
    case OpId::RoundDecimals:
    case OpId::Trunc: return zero_backward;
    case OpId::Frac: return [](const Node&, const Tensor& g) -> Grads { return {g}; };
    case OpId::Clamp:
    case OpId::ClampMin:
    case OpId::ClampMax: return clamp_backward;
    case OpId::Where: return where_backward;
    case OpId::Maximum:
    case OpId::Minimum: return maximum_backward;
    case OpId::MaxAll:
    case OpId::MinAll: return extremum_all_backward;
    case OpId::MaxDim:
    case OpId::MinDim: return extremum_dim_backward;
    case OpId::Norm:
    case OpId::LinalgVectorNorm: return norm_backward;
    case OpId::Cumsum: return cumsum_backward;
    case OpId::Var: return var_backward;
    case OpId::Std: return std_backward;
    case OpId::Logsumexp: return logsumexp_backward;
    case OpId::PowTensor: return pow_tensor_backward;
    case OpId::PowScalarBase: return pow_scalar_base_backward;
    case OpId::Silu: return silu_backward;
    case OpId::BinaryCrossEntropyWithLogits: return bce_with_logits_backward;
    default: return nullptr;
  }
}

}  // namespace gradlab
