// xlogy and nan_to_num, forward and backward side by side (torch.xlogy, torch.special.xlogy,
// torch.nan_to_num), and heaviside (forward only, as in PyTorch). xlogy's digits are ATen's scalar CPU kernel, which has no vector form:
// NaN where y is NaN, 0 where x is 0, else x·log(y) with the C library's log (BinaryOp::XLogY).
#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "engine/ops/op_helpers.h"
#include "engine/ops/pointwise.h"

namespace gradlab {
using namespace ops;

namespace {

Tensor zero_like_scalar(const Tensor& like) { return prim::scalar(0, like.dtype(), like.device()); }

// xlogy computes in the operands' result type, integers in the default float dtype.
DType xlogy_type(DType promoted) {
  if (!is_floating(promoted)) return kDefaultFloat;
  if (is_narrow(promoted)) not_supported(std::string("xlogy on ") + dtype_name(promoted) + " tensors");
  return promoted;
}

// grad·self/other, in that order (derivatives.yaml's other: grad * self / other).
Tensor xlogy_other_grad(const Tensor& g, const Tensor& self, const Tensor& other) {
  return prim::binary(BinaryOp::Div, prim::binary(BinaryOp::Mul, g, self, g.dtype()), other, g.dtype());
}

}  // namespace

// d/dx = log(y), taken as xlogy(grad, y) and 0 where x = 0 and y <= 0 (the directional
// derivative along x = 0, derivatives.yaml); d/dy = x/y.
Tensor xlogy(const Tensor& self, const Tensor& other) {
  const DType t = xlogy_type(result_type(self, other));
  Tensor out = prim::binary(BinaryOp::XLogY, self, other, t);
  if (Node* n = record_op(OpId::Xlogy, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& x = saved(n, 0);
        const Tensor& y = saved(n, 1);
        Tensor gx, gy;
        if (n.needs_input_grad(0)) {
          const Tensor undefined = prim::binary(BinaryOp::LogicalAnd, prim::binary(BinaryOp::EqualMask, x, zero_like_scalar(x)),
                                                prim::binary(BinaryOp::LessEqual, y, zero_like_scalar(y)));
          gx = prim::binary(BinaryOp::FillWhere, prim::binary(BinaryOp::XLogY, g, y, g.dtype()), undefined, g.dtype(), 0.0);
        }
        if (n.needs_input_grad(1)) gy = xlogy_other_grad(g, x, y);
        return {gx, gy};
      }, out, {&self, &other})) {
    save_for_backward(*n, prim::cast(self, t));
    save_for_backward(*n, prim::cast(other, t));
  }
  return out;
}

// xlogy(number, tensor): d/dy = x/y (XlogyBackward1).
Tensor xlogy(Scalar self, const Tensor& other) {
  const DType t = xlogy_type(result_type(other, self));
  Tensor out = prim::binary(BinaryOp::XLogY, prim::scalar(self.value, t, other.device()), other, t);
  if (Node* n = record_op(OpId::XlogyScalarSelf, [](const Node& n, const Tensor& g) -> Grads {
        return {xlogy_other_grad(g, prim::scalar(n.a, g.dtype(), g.device()), saved(n, 0))};
      }, out, {&other})) {
    n->a = self.value;
    n->saved_scalar = true;
    save_for_backward(*n, prim::cast(other, t));
  }
  return out;
}

// xlogy(tensor, number): d/dx = xlogy(grad, y), and 0 where x = 0 when y <= 0 (XlogyBackward2).
Tensor xlogy(const Tensor& self, Scalar other) {
  const DType t = xlogy_type(result_type(self, other));
  Tensor out = prim::binary(BinaryOp::XLogY, self, prim::scalar(other.value, t, self.device()), t);
  if (Node* n = record_op(OpId::XlogyScalarOther, [](const Node& n, const Tensor& g) -> Grads {
        Tensor gx = prim::binary(BinaryOp::XLogY, g, prim::scalar(n.a, g.dtype(), g.device()), g.dtype());
        if (n.a > 0) return {gx};
        const Tensor& x = saved(n, 0);
        return {prim::binary(BinaryOp::FillWhere, gx, prim::binary(BinaryOp::EqualMask, x, zero_like_scalar(x)), g.dtype(), 0.0)};
      }, out, {&self})) {
    n->a = other.value;
    n->saved_scalar = true;
    if (!(other.value > 0)) save_for_backward(*n, prim::cast(self, t));
  }
  return out;
}

// x.xlogy_(y): the result written back without history (ops::write_into).
Tensor& xlogy_(Tensor& self, const Tensor& other) {
  if (!is_floating(self.dtype()))
    runtime_error(std::string("result type Float can't be cast to the desired output type ") + dtype_scalar_name(self.dtype()));
  return write_into(self, prim::cast(xlogy(self, other), self.dtype()), "xlogy_", {&other});
}
Tensor& xlogy_(Tensor& self, Scalar other) {
  if (!is_floating(self.dtype()))
    runtime_error(std::string("result type Float can't be cast to the desired output type ") + dtype_scalar_name(self.dtype()));
  return write_into(self, prim::cast(xlogy(self, other), self.dtype()), "xlogy_", {});
}

// ---- nan_to_num: NaN, +inf and -inf replaced; d/dx = 1 where x is finite, else 0 ----------------
// ATen casts each replacement to the tensor's type (1e40 becomes inf in float32); the defaults are
// 0 and the dtype's largest and lowest finite values. Integer and bool tensors come back as a copy.
Tensor nan_to_num(const Tensor& self, std::optional<double> nan, std::optional<double> posinf, std::optional<double> neginf) {
  if (!is_floating(self.dtype())) return clone(self);
  refuse_narrow(self, "nan_to_num");
  const bool is_double = self.dtype() == DType::Float64;
  const double largest = is_double ? std::numeric_limits<double>::max() : std::numeric_limits<float>::max();
  const Tensor zero = zero_like_scalar(self);
  const Tensor inf = prim::unary(UnaryOp::IsInf, self);
  const Tensor pos = prim::binary(BinaryOp::LogicalAnd, inf, prim::binary(BinaryOp::Greater, self, zero));
  const Tensor neg = prim::binary(BinaryOp::LogicalAnd, inf, prim::binary(BinaryOp::Less, self, zero));
  Tensor out = prim::binary(BinaryOp::FillWhere, self, prim::unary(UnaryOp::IsNan, self), self.dtype(), nan.value_or(0.0));
  out = prim::binary(BinaryOp::FillWhere, out, pos, self.dtype(), posinf.value_or(largest));
  out = prim::binary(BinaryOp::FillWhere, out, neg, self.dtype(), neginf.value_or(-largest));
  if (Node* n = record_op(OpId::NanToNum, [](const Node& n, const Tensor& g) -> Grads {
        // grad · !(isinf(x) | isnan(x)): a product, so a negative grad gives -0 where x was not finite
        const Tensor& x = saved(n, 0);
        const Tensor finite = prim::unary(UnaryOp::LogicalNot, prim::binary(BinaryOp::LogicalOr, prim::unary(UnaryOp::IsInf, x),
                                                                              prim::unary(UnaryOp::IsNan, x)));
        return {prim::binary(BinaryOp::Mul, g, finite, g.dtype())};
      }, out, {&self}))
    save_for_backward(*n, self);
  return out;
}

// ---- heaviside: a step with the value at 0 taken from `values` (no derivative in PyTorch) --------
// A selection, as where's: values where input == 0 (a -0. kept), else input > 0 as 0 or 1.
Tensor heaviside(const Tensor& input, const Tensor& values) {
  if (input.dtype() != values.dtype()) runtime_error("heaviside is not yet implemented for tensors with different dtypes.");
  if (grad_mode_enabled() && (input.requires_grad() || values.requires_grad()))
    not_supported("heaviside on tensors that require grad (PyTorch records grad_fn=<NotImplemented>)");
  broadcast_shapes(input.shape(), values.shape());  // PyTorch's size error names input first
  const DType t = input.dtype();
  const Tensor zero = zero_like_scalar(input);
  const Tensor at_zero = prim::binary(BinaryOp::EqualMask, input, zero, t);
  const Tensor step = prim::binary(BinaryOp::Greater, input, zero, t);
  return prim::binary(BinaryOp::WhereMerge, prim::binary(BinaryOp::SelectOrZero, values, at_zero, t),
                      prim::binary(BinaryOp::ZeroWhere, step, at_zero, t), t);
}
Tensor& heaviside_(Tensor& self, const Tensor& values) {
  return write_into(self, heaviside(self, values), "heaviside_", {&values});
}

// x.nan_to_num_(): the result written back without history (ops::write_into).
Tensor& nan_to_num_(Tensor& self, std::optional<double> nan, std::optional<double> posinf, std::optional<double> neginf) {
  return write_into(self, nan_to_num(self, nan, posinf, neginf), "nan_to_num_", {});
}

}  // namespace gradlab
