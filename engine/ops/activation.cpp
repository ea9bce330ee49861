// The activations of torch.nn.functional beyond relu/sigmoid/tanh (declared in ops/nn.h): elu,
// selu, celu, softplus, gelu, logsigmoid, mish, hardsigmoid, hardswish. Forward and backward side
// by side; the element-wise formulas, with the bits of PyTorch 1.13's CPU kernels, are rows of
// engine/scalar_math.h (Note [Vector and tail forms], Note [oneDNN's gelu]).
#include <string>

#include "engine/ops/nn.h"
#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {

void check_floating(const Tensor& x, const char* kernel) {
  if (!is_floating(x.dtype())) {
    runtime_error(std::string("\"") + kernel + "\" not implemented for '" + dtype_scalar_name(x.dtype()) + "'");
  }
}

// An activation whose backward is one binary primitive of (grad, saved input).
Tensor activation(OpId id, UnaryOp forward, BinaryOp backward, const Tensor& x, double a = 0, double b = 0) {
  Tensor out = prim::unary(forward, x, a, b);
  if (Node* n = record_op(id, [](const Node& n, const Tensor& g) -> Grads {
        return {prim::binary(static_cast<BinaryOp>(n.b), g, saved(n, 0), n.a)};
      }, out, {&x})) {
    n->a = a;
    n->b = static_cast<double>(backward);
    save_for_backward(*n, x);
  }
  return out;
}

}  // namespace

// elu(x) = x > 0 ? x : alpha·(exp(x) − 1);  d/dx = alpha·exp(x) below 0
Tensor elu(const Tensor& x, double alpha) {
  check_floating(x, "elu_cpu");
  return activation(OpId::Elu, UnaryOp::Elu, BinaryOp::EluBackward, x, alpha);
}

// selu = scale·elu(x, alpha) with PyTorch's fixed constants; its node is EluBackward0.
Tensor selu(const Tensor& x) {
  check_floating(x, "elu_cpu");
  return activation(OpId::Elu, UnaryOp::Selu, BinaryOp::SeluBackward, x);
}

// celu(x) = x > 0 ? x : alpha·(exp(x/alpha) − 1);  d/dx = exp(x/alpha) below 0
Tensor celu(const Tensor& x, double alpha) {
  check_floating(x, "elu_cpu");
  return activation(OpId::Celu, UnaryOp::Celu, BinaryOp::CeluBackward, x, alpha);
}

// softplus(x) = log(1 + exp(beta·x))/beta, x itself above the threshold;
// d/dx = z/(z + 1) with z = exp(beta·x), 1 above the threshold (grad passed through there).
Tensor softplus(const Tensor& x, double beta, double threshold) {
  check_floating(x, "softplus_cpu");
  Tensor out = prim::unary(UnaryOp::Softplus, x, beta, threshold);
  if (Node* n = record_op(OpId::Softplus, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& in = saved(n, 0);
        const DType t = g.dtype();
        Tensor above = prim::unary(UnaryOp::SoftplusAboveThreshold, in, n.a, n.b);
        Tensor below = prim::binary(BinaryOp::SoftplusBackward, g, in, n.a);
        return {prim::binary(BinaryOp::WhereMerge, prim::binary(BinaryOp::SelectOrZero, g, above, t),
                             prim::binary(BinaryOp::ZeroWhere, below, above, t), t)};  // Note [Where]
      }, out, {&x})) {
    n->a = beta;
    n->b = threshold;
    save_for_backward(*n, x);
  }
  return out;
}

// gelu(x) = x·Φ(x) (erf form) or its tanh approximation; d/dx = Φ(x) + x·φ(x).
// Float32 contiguous tensors of 2 or more elements go through oneDNN in PyTorch (Note [oneDNN's
// gelu]); other float32 tensors get ATen's vectorised erf, which is not reproduced.
Tensor gelu(const Tensor& x, bool approximate_tanh) {
  check_floating(x, "GeluKernelImpl");
  if (approximate_tanh) return activation(OpId::Gelu, UnaryOp::GeluTanh, BinaryOp::GeluTanhBackward, x);
  refuse_narrow_float(x, "gelu");
  if (x.dtype() == DType::Float32 && x.numel() > 1) {
    if (x.impl()->noncontiguous) not_supported("gelu of a non-contiguous float32 tensor");
    return activation(OpId::Gelu, UnaryOp::GeluErfOneDnn, BinaryOp::GeluErfOneDnnBackward, x);
  }
  return activation(OpId::Gelu, UnaryOp::GeluErf, BinaryOp::GeluErfBackward, x);
}

// logsigmoid(x) = min(x, 0) − log1p(exp(−|x|));  d/dx = 1 − σ(x). Every element in ATen's
// vector form (scalar_math.h's log_sigmoid_forward).
Tensor logsigmoid(const Tensor& x) {
  check_floating(x, "log_sigmoid_cpu");
  return activation(OpId::LogSigmoid, UnaryOp::LogSigmoid, BinaryOp::LogSigmoidBackward, x);
}

// mish(x) = x·tanh(softplus(x));  d/dx = tanh(sp) + x·σ(x)·(1 − tanh²(sp))
Tensor mish(const Tensor& x) {
  check_floating(x, "mish_cpu");
  return activation(OpId::Mish, UnaryOp::Mish, BinaryOp::MishBackward, x);
}

// hardsigmoid(x) = clamp(x + 3, 0, 6)/6;  d/dx = 1/6 strictly inside (−3, 3), else 0
Tensor hardsigmoid(const Tensor& x) {
  check_floating(x, "hardsigmoid_cpu");
  return activation(OpId::Hardsigmoid, UnaryOp::Hardsigmoid, BinaryOp::HardsigmoidBackward, x);
}

// hardswish(x) = x·clamp(x + 3, 0, 6)/6;  d/dx = 0 below −3, x/3 + 1/2 up to 3, 1 above
Tensor hardswish(const Tensor& x) {
  check_floating(x, "hardswish_cpu");
  return activation(OpId::Hardswish, UnaryOp::Hardswish, BinaryOp::HardswishBackward, x);
}

}  // namespace gradlab
