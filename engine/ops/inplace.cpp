// Note [In-place ops]
// `x.add_(y)`, `x -= y` and friends write into x's own storage, so every alias of x (e.g. a
// tensor from x.detach(), or `.grad` read earlier) sees the change, and the storage version is
// bumped so autograd can detect a saved tensor that was overwritten.
// PyTorch's rules: an in-place op on a leaf that requires grad is an error while grad mode is
// on (the `with torch.no_grad():` update is the legal way); on a non-leaf it is recorded, and
// the tensor's grad_fn becomes the op's node (e.g. AddBackward0).
#include "engine/ops/compare.h"
#include "engine/ops/op_helpers.h"

namespace gradlab {
namespace ops {

void check_inplace_allowed(const Tensor& self) {
  if (grad_mode_enabled() && self.is_leaf() && self.requires_grad()) {
    runtime_error("a leaf Variable that requires grad is being used in an in-place operation.");
  }
}

}  // namespace ops
using namespace ops;

namespace {

// PyTorch checks this when it bumps the version, after the kernel has written: the update is
// made, then the error raised.
Tensor& inference_checked(Tensor& self) {
  if (self.impl()->is_inference && !inference_mode_enabled()) {
    runtime_error("Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone to get a "
                  "normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for more details.");
  }
  return self;
}

// PyTorch's canCast: no float into an integer tensor, nothing but bool into a bool one.
void check_castable(DType result, DType self) {
  if (!can_cast(result, self)) {
    runtime_error(std::string("result type ") + dtype_scalar_name(result) +
                  " can't be cast to the desired output type " + dtype_scalar_name(self));
  }
}

}  // namespace

namespace ops {
// Writes `value` (already computed, maybe with history) into self's storage.
Tensor& assign_result(Tensor& self, const Tensor& value) {
  if (value.shape() != self.shape()) {
    runtime_error("output with shape " + shape_str(self.shape()) + " doesn't match the broadcast shape " +
                  shape_str(value.shape()));
  }
  Tensor v = prim::cast(value, self.dtype());
  self.storage().backend->copy(self.mutable_data(), v.data(), static_cast<size_t>(self.numel()) * dtype_size(self.dtype()));
  written_in_place(self);
  if (value.grad_fn()) {
    // The node now produces `self`: rebase self's history onto it. If the node saved self
    // itself (b.mul_(b) saves b as `other`), it keeps a detached alias instead, or node and
    // tensor would hold each other (Note [Saved tensors]); the alias shares the storage, so the
    // version check still sees the overwrite.
    for (Tensor& saved : value.grad_fn()->saved)
      if (saved.impl() == self.impl()) saved = saved.detach();
    self.impl()->grad_fn = value.grad_fn();
    self.impl()->output_nr = 0;
    self.impl()->requires_grad = true;
    value.grad_fn()->output = self.impl_ptr();
  }
  return self;
}

}  // namespace ops

namespace {
// The no-history fast path (`with torch.no_grad(): w -= lr * w.grad`): one kernel writing
// straight into self.
Tensor& binary_into(Tensor& self, BinaryOp op, const Tensor& other, double a) {
  Shape shape = broadcast_shapes(self.shape(), other.shape());
  if (shape != self.shape()) {
    runtime_error("output with shape " + shape_str(self.shape()) + " doesn't match the broadcast shape " + shape_str(shape));
  }
  prim::check_same_device(self, other);
  Tensor o = prim::cast(other, self.dtype());
  StridedView sv{self.data(), shape, contiguous_strides(shape), 0};
  StridedView ov{o.data(), shape, broadcast_strides(o.shape(), shape), 0};
  self.storage().backend->binary(op, self.dtype(), sv, ov, self.mutable_data(), shape, a);
  written_in_place(self);
  return self;
}

}  // namespace

namespace ops {
bool needs_history(const Tensor& self, const Tensor* other) {
  return grad_mode_enabled() && (self.requires_grad() || (other && other->requires_grad()));
}

// `self` as an input of the op about to overwrite it: same autograd identity (grad_fn), but —
// when the op saves it for backward — its own copy of the data, since PyTorch saves the
// original value of self for mul_/div_, not the overwritten one.
Tensor self_as_input(const Tensor& self, bool keep_copy) {
  Tensor input = keep_copy ? self.contiguous_clone() : prim::alias(self, self.shape());
  input.impl()->grad_fn = self.grad_fn();
  input.impl()->output_nr = self.impl()->output_nr;
  input.impl()->requires_grad = self.requires_grad();
  return input;
}

}  // namespace ops

Tensor& Tensor::add_(const Tensor& other, Scalar alpha) {
  check_inplace_allowed(*this);
  check_castable(result_type(*this, other), dtype());
  if (dtype() == DType::Bool) {
    assign_result(*this, add(*this, other, alpha));  // logical or, not 1 + 1
    return inference_checked(*this);
  }
  if (!needs_history(*this, &other)) {
    if (alpha.value == 1) binary_into(*this, BinaryOp::Add, other, 0);
    else binary_into(*this, BinaryOp::AddScaled, other, alpha.value);
    return inference_checked(*this);
  }
  assign_result(*this, add(*this, other, alpha));
  return inference_checked(*this);
}

Tensor& Tensor::sub_(const Tensor& other, Scalar alpha) {
  check_bool_sub(dtype(), other.dtype());
  check_inplace_allowed(*this);
  check_castable(result_type(*this, other), dtype());
  if (!needs_history(*this, &other)) {
    if (alpha.value == 1) binary_into(*this, BinaryOp::Sub, other, 0);
    else binary_into(*this, BinaryOp::AddScaled, other, -alpha.value);
    return inference_checked(*this);
  }
  assign_result(*this, sub(*this, other, alpha));
  return inference_checked(*this);
}

Tensor& Tensor::mul_(const Tensor& other) {
  check_inplace_allowed(*this);
  check_castable(result_type(*this, other), dtype());
  if (!needs_history(*this, &other)) {
    binary_into(*this, BinaryOp::Mul, other, 0);
    return inference_checked(*this);
  }
  assign_result(*this, mul(self_as_input(*this, other.requires_grad()), other));
  return inference_checked(*this);
}

Tensor& Tensor::div_(const Tensor& other) {
  check_inplace_allowed(*this);
  check_castable(kDefaultFloat, dtype());  // true division always gives a float
  if (!needs_history(*this, &other)) {
    binary_into(*this, BinaryOp::Div, other, 0);
    return inference_checked(*this);
  }
  assign_result(*this, div(self_as_input(*this, other.requires_grad()), other));
  return inference_checked(*this);
}

Tensor& Tensor::add_(Scalar other) {
  check_castable(result_type(*this, other), dtype());
  return add_(scalar_tensor(other, dtype(), device()));
}
Tensor& Tensor::sub_(Scalar other) {
  check_bool_sub(dtype(), other.is_bool ? DType::Bool : DType::Int64);
  check_castable(result_type(*this, other), dtype());
  return sub_(scalar_tensor(other, dtype(), device()));
}
Tensor& Tensor::mul_(Scalar other) {
  check_castable(result_type(*this, other), dtype());
  return mul_(scalar_tensor(other, dtype(), device()));
}
Tensor& Tensor::div_(Scalar other) {
  check_castable(kDefaultFloat, dtype());
  return div_(scalar_tensor(other, dtype(), device()));
}

namespace {
// zero_/fill_: the new values do not depend on the old ones, so the gradient is zero
// (ZeroBackward0 / FillBackward2), but the tensor stays in the graph, as in PyTorch.
Tensor& fill_with_history(Tensor& self, OpId op, double value) {
  check_inplace_allowed(self);
  Tensor before = needs_history(self, nullptr) ? self_as_input(self, false) : Tensor();
  if (self.dtype() == DType::Bool) value = value != 0 ? 1 : 0;  // Note [Bool storage]
  check_narrow_value(value, self.dtype(), false);
  self.storage().backend->fill(self.dtype(), self.mutable_data(), self.numel(), value);
  written_in_place(self);
  if (before.defined()) {
    record_op(op, [](const Node&, const Tensor& g) -> Grads { return {prim::unary(UnaryOp::MulScalar, g, 0.0)}; }, self,
              {&before});
  }
  return inference_checked(self);
}
}  // namespace

Tensor& Tensor::fill_(Scalar value) { return fill_with_history(*this, OpId::Fill, value.value); }
Tensor& Tensor::zero_() { return fill_with_history(*this, OpId::Zero, 0.0); }

}  // namespace gradlab
