// In-place helpers optimizers use (declared in ops/nn.h): sqrt_ and lerp_ with a number weight,
// without history. Note [Fused pointwise kernels]: ATen's AVX2 CPU kernels are compiled by GCC,
// which fuses a product feeding an addition into one fma:
//   lerp: |w| < 0.5 ? fma(w, end − self, self) : fma(−(end − self), 1 − w, end)
// On the CPU this runs as a host loop in that arithmetic; other devices compose the primitives.
#include "engine/ops/nn.h"
#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {
// In place, without history (the optimizers' `with torch.no_grad()` updates): the values are
// written into self's storage and its version bumped (Note [In-place ops]).
Tensor& write_into(Tensor& self, const Tensor& values, const char* name, std::initializer_list<const Tensor*> others) {
  bool history = self.requires_grad();
  for (const Tensor* o : others) history |= o->defined() && o->requires_grad();
  if (grad_mode_enabled() && history) {
    if (self.is_leaf() && self.requires_grad()) runtime_error("a leaf Variable that requires grad is being used in an in-place operation.");
    not_supported(std::string(name) + " on tensors that require grad, outside torch.no_grad()");
  }
  if (values.shape() != self.shape()) {
    runtime_error("output with shape " + shape_str(self.shape()) + " doesn't match the broadcast shape " + shape_str(values.shape()));
  }
  self.storage().backend->copy(self.mutable_data(), values.data(), static_cast<size_t>(self.numel()) * dtype_size(self.dtype()));
  written_in_place(self);
  return self;
}

}  // namespace

Tensor& sqrt_(Tensor& self) {
  if (!is_floating(self.dtype())) runtime_error("result type Float can't be cast to the desired output type Long");
  return write_into(self, prim::unary(UnaryOp::Sqrt, self), "sqrt_", {});
}

namespace {
template <class T>
void lerp_loop(const T* s, const T* e, T* out, int64_t n, double weight) {
  const T w = static_cast<T>(weight);
  for (int64_t i = 0; i < n; ++i) {
    const T diff = e[i] - s[i];
    out[i] = scalar_abs(w) < T(0.5) ? scalar_fma(w, diff, s[i]) : scalar_fma(-diff, T(1) - w, e[i]);
  }
}
}  // namespace

Tensor& lerp_(Tensor& self, const Tensor& end, Scalar weight) {
  if (self.dtype() != end.dtype()) {
    runtime_error(std::string("expected dtype ") + dtype_scalar_name(self.dtype()) + " for `end` but got dtype " +
                  dtype_scalar_name(end.dtype()));
  }
  if (!is_floating(self.dtype())) not_supported("lerp_ on integer tensors");
  prim::check_same_device(self, end);
  const Shape shape = broadcast_shapes(self.shape(), end.shape());
  if (shape != self.shape()) {
    runtime_error("output with shape " + shape_str(self.shape()) + " doesn't match the broadcast shape " + shape_str(shape));
  }
  Tensor e = prim::expand(end, shape);
  Tensor out;
  if (self.device().is_cuda()) {
    // self + w·(end − self): the device's own rounding
    out = prim::binary(BinaryOp::AddScaled, self, prim::binary(BinaryOp::Sub, e, self), weight.value);
  } else {
    out = prim::empty(self.shape(), self.dtype(), self.device());
    refuse_narrow_float(self, "lerp_");
    if (self.dtype() == DType::Float32) {
      lerp_loop(static_cast<const float*>(self.data()), static_cast<const float*>(e.data()),
                static_cast<float*>(out.mutable_data()), out.numel(), weight.value);
    } else {
      lerp_loop(static_cast<const double*>(self.data()), static_cast<const double*>(e.data()),
                static_cast<double*>(out.mutable_data()), out.numel(), weight.value);
    }
  }
  return write_into(self, out, "lerp_", {&end});
}

}  // namespace gradlab
