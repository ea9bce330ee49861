// lerp: start + weight·(end − start), with a number weight (LerpBackward0) or a tensor one
// (LerpBackward1), and the in-place lerp_ optimizers use. Note [Fused pointwise kernels]:
// ATen's CPU kernels are compiled by GCC, which fuses a product feeding an addition into one
// fma, so each element is
//   w < 0.5 ? fma(w, end − start, start) : fma(−(end − start), 1 − w, end)
// (w < 0.5, not |w| < 0.5: a weight of −0.8 takes the first form; checked against torch 1.13.1).
// On the CPU this runs as a host loop in that arithmetic; other devices compose the primitives.
//   d/dstart = g·(1 − w), d/dend = g·w, d/dweight = g·(end − start)
#include "engine/ops/pointwise.h"
#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {
template <class T>
T lerp_one(T s, T e, T w) {
  const T diff = e - s;
  return w < T(0.5) ? scalar_fma(w, diff, s) : scalar_fma(-diff, T(1) - w, e);
}

void check_lerp_dtypes(const Tensor& start, const Tensor& end, const Tensor* weight) {
  if (start.dtype() != end.dtype()) {
    runtime_error(std::string("expected dtype ") + c_type_name(start.dtype()) + " for `end` but got dtype " +
                  c_type_name(end.dtype()));
  }
  if (weight && weight->dtype() != start.dtype()) {
    runtime_error(std::string("expected dtype ") + c_type_name(start.dtype()) + " for `weight` but got dtype " +
                  c_type_name(weight->dtype()));
  }
  if (!is_floating(start.dtype())) not_supported("lerp on integer tensors");
  refuse_narrow_float(start, "lerp");  // computed on the host in float32/float64 arithmetic
  prim::check_same_device(start, end);
}

// The values over `shape`; `weight` undefined means the number `w`.
Tensor lerp_values(const Tensor& start, const Tensor& end, const Tensor& weight, double w, const Shape& shape) {
  const Tensor s = prim::expand(start, shape), e = prim::expand(end, shape);
  const Tensor wt = weight.defined() ? prim::expand(weight, shape) : Tensor();
  if (start.device().is_cuda()) {  // start + w·(end − start): the device's own rounding
    const Tensor diff = prim::binary(BinaryOp::Sub, e, s);
    if (!wt.defined()) return prim::binary(BinaryOp::AddScaled, s, diff, w);
    return prim::binary(BinaryOp::Add, s, prim::binary(BinaryOp::Mul, wt, diff));
  }
  Tensor out = prim::empty(shape, start.dtype(), start.device());
  dispatch_dtype(start.dtype(), [&](auto zero) {
    using T = decltype(zero);
    if constexpr (std::is_floating_point_v<T>) {
      const T* sp = static_cast<const T*>(s.data());
      const T* ep = static_cast<const T*>(e.data());
      const T* wp = wt.defined() ? static_cast<const T*>(wt.data()) : nullptr;
      T* op = static_cast<T*>(out.mutable_data());
      for (int64_t i = 0; i < out.numel(); ++i) op[i] = lerp_one(sp[i], ep[i], wp ? wp[i] : static_cast<T>(w));
    }
  });
  return out;
}
}  // namespace

Tensor lerp(const Tensor& start, const Tensor& end, Scalar weight) {
  check_lerp_dtypes(start, end, nullptr);
  Tensor out = lerp_values(start, end, Tensor(), weight.value, broadcast_shapes(start.shape(), end.shape()));
  if (Node* n = record_op(OpId::Lerp, [](const Node& n, const Tensor& g) -> Grads {
        Tensor gs, ge;
        if (n.needs_input_grad(0)) gs = mul_scalar(g, 1 - n.a);
        if (n.needs_input_grad(1)) ge = mul_scalar(g, n.a);
        return {gs, ge};
      }, out, {&start, &end})) {
    n->a = weight.value;
  }
  return out;
}

Tensor lerp(const Tensor& start, const Tensor& end, const Tensor& weight) {
  check_lerp_dtypes(start, end, &weight);
  const Shape shape = broadcast_shapes(broadcast_shapes(start.shape(), end.shape()), weight.shape());
  Tensor out = lerp_values(start, end, weight, 0, shape);
  if (Node* n = record_op(OpId::LerpTensor, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& s = saved(n, 0);
        const Tensor& e = saved(n, 1);
        const Tensor& w = saved(n, 2);
        Tensor gs, ge, gw;
        if (n.needs_input_grad(0)) gs = prim::binary(BinaryOp::Mul, g, prim::unary(UnaryOp::RSubScalar, w, 1.0));
        if (n.needs_input_grad(1)) ge = prim::binary(BinaryOp::Mul, g, w);
        if (n.needs_input_grad(2)) gw = prim::binary(BinaryOp::Mul, g, prim::binary(BinaryOp::Sub, e, s));
        return {gs, ge, gw};
      }, out, {&start, &end, &weight})) {
    save_for_backward(*n, start);
    save_for_backward(*n, end);
    save_for_backward(*n, weight);
  }
  return out;
}

// In place without history (the optimizers' `with torch.no_grad()` updates).
Tensor& lerp_(Tensor& self, const Tensor& end, Scalar weight) {
  check_lerp_dtypes(self, end, nullptr);
  const Shape shape = broadcast_shapes(self.shape(), end.shape());
  if (shape != self.shape()) {
    runtime_error("output with shape " + shape_str(self.shape()) + " doesn't match the broadcast shape " + shape_str(shape));
  }
  return write_into(self, lerp_values(self, end, Tensor(), weight.value, shape), "lerp_", {&end});
}

}  // namespace gradlab
