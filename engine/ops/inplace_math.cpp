// In-place helpers optimizers use (declared in ops/nn.h): sqrt_ without history, and the
// history-free write that lerp_ (lerp.cpp) shares.
#include "engine/ops/nn.h"
#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace ops {
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

}  // namespace ops

Tensor& sqrt_(Tensor& self) {
  if (!is_floating(self.dtype())) runtime_error("result type Float can't be cast to the desired output type Long");
  return write_into(self, prim::unary(UnaryOp::Sqrt, self), "sqrt_", {});
}

}  // namespace gradlab
