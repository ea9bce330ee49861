// The three-operand pointwise ops optimizers use (declared in ops/nn.h): addcmul, addcdiv and
// their in-place forms, plus sqrt_ and lerp_. Note [Fused pointwise kernels]: ATen's AVX2 CPU
// kernels are compiled by GCC, which fuses a product feeding an addition into one fma:
//   addcmul: self + value·t1·t2  = fma(value·t1, t2, self)
//   addcdiv: self + value·t1/t2  (a quotient: nothing to fuse)
//   lerp:    |w| < 0.5 ? fma(w, end − self, self) : fma(−(end − self), 1 − w, end)
// On the CPU these run as host loops in that arithmetic; other devices compose the primitives
// (their own digits, as PyTorch's CUDA kernels have theirs).
#include "engine/ops/nn.h"
#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {

enum class Ternary { Addcmul, Addcdiv };

template <class T>
void ternary_loop(Ternary op, const T* s, const T* a, const T* b, T* out, int64_t n, double value) {
  const T v = static_cast<T>(value);
  if (op == Ternary::Addcmul) {
    for (int64_t i = 0; i < n; ++i) out[i] = scalar_fma(v * a[i], b[i], s[i]);
  } else {
    for (int64_t i = 0; i < n; ++i) out[i] = s[i] + v * a[i] / b[i];
  }
}

// The values of addcmul / addcdiv, broadcast over the three operands; no history.
Tensor ternary_values(Ternary op, const Tensor& self, const Tensor& t1, const Tensor& t2, double value) {
  const char* name = op == Ternary::Addcmul ? "addcmul" : "addcdiv";
  if (self.dtype() != t1.dtype() || self.dtype() != t2.dtype()) not_supported(std::string(name) + " with operands of different dtypes");
  if (!is_floating(self.dtype())) not_supported(std::string(name) + " on integer tensors");
  prim::check_same_device(self, t1);
  prim::check_same_device(self, t2);
  const Shape shape = broadcast_shapes(broadcast_shapes(self.shape(), t1.shape()), t2.shape());
  Tensor s = prim::expand(self, shape), a = prim::expand(t1, shape), b = prim::expand(t2, shape);
  if (self.device().is_cuda()) {
    if (op == Ternary::Addcmul) return prim::binary(BinaryOp::Add, s, prim::binary(BinaryOp::Mul, mul_scalar(a, value), b));
    return prim::binary(BinaryOp::Add, s, prim::binary(BinaryOp::Div, mul_scalar(a, value), b));
  }
  Tensor out = prim::empty(shape, self.dtype(), self.device());
  if (self.dtype() == DType::Float32) {
    ternary_loop(op, static_cast<const float*>(s.data()), static_cast<const float*>(a.data()),
                 static_cast<const float*>(b.data()), static_cast<float*>(out.mutable_data()), out.numel(), value);
  } else {
    ternary_loop(op, static_cast<const double*>(s.data()), static_cast<const double*>(a.data()),
                 static_cast<const double*>(b.data()), static_cast<double*>(out.mutable_data()), out.numel(), value);
  }
  return out;
}

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
  ++self.storage().version;
  return self;
}

}  // namespace

// d/dself = g, d/dt1 = g·(t2·value), d/dt2 = g·(t1·value)
Tensor addcmul(const Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value) {
  Tensor out = ternary_values(Ternary::Addcmul, self, t1, t2, value.value);
  if (Node* n = record_op(OpId::Addcmul, [](const Node& n, const Tensor& g) -> Grads {
        Tensor g1, g2;
        if (n.needs_input_grad(1)) g1 = prim::binary(BinaryOp::Mul, g, mul_scalar(saved(n, 1), n.a));
        if (n.needs_input_grad(2)) g2 = prim::binary(BinaryOp::Mul, g, mul_scalar(saved(n, 0), n.a));
        return {n.needs_input_grad(0) ? g : Tensor(), g1, g2};
      }, out, {&self, &t1, &t2})) {
    n->a = value.value;
    save_for_backward(*n, t1);
    save_for_backward(*n, t2);
  }
  return out;
}

// d/dself = g, d/dt1 = g·(value / t2), d/dt2 = −g·((t1·value) / (t2·t2))
Tensor addcdiv(const Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value) {
  Tensor out = ternary_values(Ternary::Addcdiv, self, t1, t2, value.value);
  if (Node* n = record_op(OpId::Addcdiv, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& a = saved(n, 0);
        const Tensor& b = saved(n, 1);
        Tensor g1, g2;
        if (n.needs_input_grad(1)) g1 = prim::binary(BinaryOp::Mul, g, prim::unary(UnaryOp::RDivScalar, b, n.a));
        if (n.needs_input_grad(2)) {
          Tensor q = prim::binary(BinaryOp::Div, mul_scalar(a, n.a), prim::binary(BinaryOp::Mul, b, b));
          g2 = prim::binary(BinaryOp::Mul, prim::unary(UnaryOp::Neg, g), q);
        }
        return {n.needs_input_grad(0) ? g : Tensor(), g1, g2};
      }, out, {&self, &t1, &t2})) {
    n->a = value.value;
    save_for_backward(*n, t1);
    save_for_backward(*n, t2);
  }
  return out;
}

Tensor& addcmul_(Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value) {
  return write_into(self, ternary_values(Ternary::Addcmul, self, t1, t2, value.value), "addcmul_", {&t1, &t2});
}

Tensor& addcdiv_(Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value) {
  return write_into(self, ternary_values(Ternary::Addcdiv, self, t1, t2, value.value), "addcdiv_", {&t1, &t2});
}

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
