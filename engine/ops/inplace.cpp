// Note [In-place ops]
// `x.add_(y)`, `x -= y` and friends write into x's own storage, so every alias of x (e.g. a
// tensor from x.detach(), or `.grad` read earlier) sees the change, and the storage version is
// bumped so autograd can detect a saved tensor that was overwritten.
// PyTorch's rules: an in-place op on a leaf that requires grad is an error while grad mode is
// on (the `with torch.no_grad():` update is the legal way); on a non-leaf it is recorded, and
// the tensor's grad_fn becomes the op's node (e.g. AddBackward0).
#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {

void check_inplace_allowed(const Tensor& self) {
  if (grad_mode_enabled() && self.is_leaf() && self.requires_grad()) {
    runtime_error("a leaf Variable that requires grad is being used in an in-place operation.");
  }
}

void check_castable(DType result, DType self) {
  if (is_floating(result) && !is_floating(self)) {
    runtime_error(std::string("result type ") + dtype_scalar_name(result) +
                  " can't be cast to the desired output type " + dtype_scalar_name(self));
  }
}

// Writes `value` (already computed, maybe with history) into self's storage.
Tensor& assign_result(Tensor& self, const Tensor& value) {
  if (value.shape() != self.shape()) {
    runtime_error("output with shape " + shape_str(self.shape()) + " doesn't match the broadcast shape " +
                  shape_str(value.shape()));
  }
  Tensor v = prim::cast(value, self.dtype());
  self.storage().backend->copy(self.mutable_data(), v.data(), static_cast<size_t>(self.numel()) * dtype_size(self.dtype()));
  ++self.storage().version;
  if (value.grad_fn()) {
    // The node now produces `self`: rebase self's history onto it.
    self.impl()->grad_fn = value.grad_fn();
    self.impl()->requires_grad = true;
    value.grad_fn()->output = self.impl_ptr();
  }
  return self;
}

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
  ++self.storage().version;
  return self;
}

bool needs_history(const Tensor& self, const Tensor* other) {
  return grad_mode_enabled() && (self.requires_grad() || (other && other->requires_grad()));
}

}  // namespace

Tensor& Tensor::add_(const Tensor& other, Scalar alpha) {
  check_inplace_allowed(*this);
  check_castable(result_type(*this, other), dtype());
  if (!needs_history(*this, &other)) {
    return alpha.value == 1 ? binary_into(*this, BinaryOp::Add, other, 0) : binary_into(*this, BinaryOp::AddScaled, other, alpha.value);
  }
  return assign_result(*this, add(*this, other, alpha));
}

Tensor& Tensor::sub_(const Tensor& other, Scalar alpha) {
  check_inplace_allowed(*this);
  check_castable(result_type(*this, other), dtype());
  if (!needs_history(*this, &other)) {
    return alpha.value == 1 ? binary_into(*this, BinaryOp::Sub, other, 0) : binary_into(*this, BinaryOp::AddScaled, other, -alpha.value);
  }
  return assign_result(*this, sub(*this, other, alpha));
}

Tensor& Tensor::mul_(const Tensor& other) {
  check_inplace_allowed(*this);
  check_castable(result_type(*this, other), dtype());
  if (!needs_history(*this, &other)) return binary_into(*this, BinaryOp::Mul, other, 0);
  return assign_result(*this, mul(*this, other));
}

Tensor& Tensor::div_(const Tensor& other) {
  check_inplace_allowed(*this);
  check_castable(kDefaultFloat, dtype());  // true division always gives a float
  if (!needs_history(*this, &other)) return binary_into(*this, BinaryOp::Div, other, 0);
  return assign_result(*this, div(*this, other));
}

Tensor& Tensor::add_(Scalar other) {
  check_castable(result_type(*this, other), dtype());
  return add_(scalar_tensor(other, dtype(), device()));
}
Tensor& Tensor::sub_(Scalar other) {
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

Tensor& Tensor::fill_(Scalar value) {
  check_inplace_allowed(*this);
  storage().backend->fill(dtype(), mutable_data(), numel(), value.value);
  ++storage().version;
  if (!is_leaf() && grad_mode_enabled()) {
    // fill_ cuts the history: the values no longer depend on the inputs.
    impl()->grad_fn.reset();
  }
  return *this;
}

Tensor& Tensor::zero_() { return fill_(Scalar(0.0)); }

}  // namespace gradlab
