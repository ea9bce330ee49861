// See pointwise.h.
#include "engine/ops/pointwise.h"

#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {
void check_no_history(const char* name, std::initializer_list<const Tensor*> ts) {
  if (!grad_mode_enabled()) return;
  for (const Tensor* t : ts)
    if (t->requires_grad())
      runtime_error(std::string("gradlab does not support ") + name + " on tensors that require grad yet (use it under torch.no_grad())");
}

// The result dtype of three operands, promoted pairwise as ATen does.
DType three_way_type(const Tensor& a, const Tensor& b, const Tensor& c) {
  return result_type(prim::cast(a, result_type(a, b)), c);
}

// out = fma(u, v, s) element by element, all three already of out's shape and dtype (CPU).
void fused_multiply_add(const Tensor& u, const Tensor& v, const Tensor& s, Tensor& out) {
  if (out.device().is_cuda()) throw Error("NotImplementedError", "gradlab does not support addcmul on CUDA tensors yet");
  const int64_t n = out.numel();
  dispatch_dtype(out.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* pu = static_cast<const T*>(u.data());
    const T* pv = static_cast<const T*>(v.data());
    const T* ps = static_cast<const T*>(s.data());
    T* po = static_cast<T*>(out.mutable_data());
    for (int64_t i = 0; i < n; ++i) po[i] = scalar_fma(pu[i], pv[i], ps[i]);
  });
}

Shape shape_of_three(const Tensor& a, const Tensor& b, const Tensor& c) {
  return broadcast_shapes(broadcast_shapes(a.shape(), b.shape()), c.shape());
}
}  // namespace

Tensor addcmul(const Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value) {
  check_no_history("addcmul", {&self, &t1, &t2});
  prim::check_same_device(self, t1);
  prim::check_same_device(self, t2);
  const DType t = three_way_type(self, t1, t2);
  const Shape shape = shape_of_three(self, t1, t2);
  Tensor u = prim::expand(mul_scalar(prim::cast(t1, t), value.value), shape);
  Tensor v = prim::expand(prim::cast(t2, t), shape);
  Tensor s = prim::expand(prim::cast(self, t), shape);
  Tensor out = empty(shape, TensorOptions{t, self.device(), false});
  fused_multiply_add(u, v, s, out);
  return out;
}

Tensor& addcmul_(Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value) {
  check_no_history("addcmul_", {&self, &t1, &t2});
  Tensor r = addcmul(self, t1, t2, value);
  return copy_(self, r);
}

Tensor addcdiv(const Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value) {
  check_no_history("addcdiv", {&self, &t1, &t2});
  if (!is_floating(t1.dtype()) && !is_floating(t2.dtype()))
    runtime_error("Integer division with addcdiv is no longer supported, and in a future release addcdiv will perform a true "
                  "division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * "
                  "torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / "
                  "tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value "
                  "* tensor1 / tensor2), for all dtypes.");
  const DType t = three_way_type(self, t1, t2);
  Tensor q = prim::binary(BinaryOp::Div, mul_scalar(prim::cast(t1, t), value.value), prim::cast(t2, t));
  return prim::binary(BinaryOp::Add, prim::cast(self, t), q);
}

Tensor& addcdiv_(Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value) {
  check_no_history("addcdiv_", {&self, &t1, &t2});
  Tensor r = addcdiv(self, t1, t2, value);
  return copy_(self, r);
}

Tensor& copy_(Tensor& self, const Tensor& src) {
  check_no_history("copy_", {&self, &src});
  Shape shape = broadcast_shapes(self.shape(), src.shape());
  if (shape != self.shape())
    runtime_error("output with shape " + shape_str(self.shape()) + " doesn't match the broadcast shape " + shape_str(shape));
  Tensor v = src.device() == self.device() ? src : src.detach().to(self.device());
  v = prim::expand(prim::cast(v, self.dtype()), shape);
  self.storage().backend->copy(self.mutable_data(), v.data(), static_cast<size_t>(self.numel()) * dtype_size(self.dtype()));
  written_in_place(self);
  return self;
}

}  // namespace gradlab
