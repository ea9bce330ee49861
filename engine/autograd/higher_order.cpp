// Note [Higher-order gradients] (higher_order.h): each op's backward as PyTorch 1.13's
// derivatives.yaml writes it, with recorded ops. One case per op; the order of operations is
// ATen's (e.g. pow: grad * (p * x.pow(p - 1))), so the first derivative prints the same digits
// as without create_graph, and its graph has PyTorch's nodes.
#include "engine/autograd/higher_order.h"

#include <numeric>

#include "engine/ops/grad_ops.h"
#include "engine/ops/nn.h"
#include "engine/ops/primitives.h"
#include "engine/ops/op_helpers.h"

namespace gradlab {

// grad_ops.h
Tensor output_with_history(const Node& n, const Tensor& saved_output) {
  Tensor t = prim::alias(saved_output, saved_output.shape());
  t.impl()->grad_fn = const_cast<Node&>(n).shared_from_this();
  t.impl()->requires_grad = true;
  return t;
}

namespace {

using ops::grad_if;
using ops::saved;


// sum's gradient: the output's gradient broadcast back over the reduced dims (SumBackward1's
// `ints` hold the keepdim shape).
Tensor expand_to_input(const Node& n, const Tensor& g, bool keepdim_shape_in_ints) {
  Tensor e = g;
  if (keepdim_shape_in_ints) e = reshape(g, Shape(n.ints.begin(), n.ints.end()));
  return expand(e, n.inputs[0].shape);
}

Grads add_backward(const Node& n, const Tensor& g) {
  if (n.saved_scalar || !n.needs_input_grad(1)) return {g, Tensor()};
  return {grad_if(n, 0, g), n.a == 1 ? g : mul_scalar_overload(g, n.a)};
}

Grads sub_backward(const Node& n, const Tensor& g) {
  if (!n.needs_input_grad(1)) return {g, Tensor()};
  Tensor other = neg(g);
  return {grad_if(n, 0, g), n.a == 1 ? other : mul_scalar_overload(other, n.a)};
}

Grads mul_backward(const Node& n, const Tensor& g) {
  if (n.saved_scalar) return {mul(g, Scalar(n.a))};  // x * 2: the number is a wrapped tensor in PyTorch
  size_t i = 0;  // saved: [a if b needs grad] [b if a needs grad]
  Tensor sa = n.needs_input_grad(1) ? saved(n, i++) : Tensor();
  Tensor sb = n.needs_input_grad(0) ? saved(n, i++) : Tensor();
  return {sb.defined() ? mul(g, sb) : Tensor(), sa.defined() ? mul(g, sa) : Tensor()};
}

Grads div_backward(const Node& n, const Tensor& g) {
  if (n.saved_scalar) return {div(g, Scalar(n.a))};
  const Tensor& b = saved(n, 0);  // saved: [b] [a if b needs grad]
  Tensor ga = n.needs_input_grad(0) ? div(g, b) : Tensor();
  Tensor gb;
  if (n.needs_input_grad(1)) gb = mul(neg(g), div(div(saved(n, 1), b), b));  // -grad * ((a / b) / b)
  return {ga, gb};
}

Grads pow_backward(const Node& n, const Tensor& g) {
  const Tensor& x = saved(n, 0);
  if (n.a == 0) return {zeros_like(x)};
  return {mul(g, mul_scalar_overload(pow(x, Scalar(n.a - 1)), n.a))};
}

// mm's gradients as ATen's mm_mat1_backward / mm_mat2_backward record them: G·Bᵀ and Aᵀ·G, or
// (B·Gᵀ)ᵀ and (Gᵀ·A)ᵀ for an input held column-major (Node::ints), as the plain backward rounds.
// Saved: [A if B needs grad] [B if A needs grad], from input `first` on (addmm's bias is 0).
Grads mm_backward(const Node& n, const Tensor& g, size_t first) {
  size_t i = 0;
  Tensor sa = n.needs_input_grad(first + 1) ? saved(n, i++) : Tensor();
  Tensor sb = n.needs_input_grad(first) ? saved(n, i++) : Tensor();
  Tensor ga, gb;
  if (sb.defined()) ga = n.ints[0] ? t(mm(sb, t(g))) : mm(g, t(sb));
  if (sa.defined()) gb = n.ints[1] ? t(mm(t(g), sa)) : mm(t(sa), g);
  return {ga, gb};
}

}  // namespace

// The gradients-as-ops (grad_ops.h, and sigmoid's, tanh's, relu's in unary.cpp): their backwards
// are made of recorded ops already.
namespace {
bool backward_is_recorded(OpId op) {
  switch (op) {
    case OpId::SigmoidGrad:
    case OpId::TanhGrad:
    case OpId::ThresholdGrad:
    case OpId::SelectGrad:
    case OpId::SliceGrad:
    case OpId::IndexGrad:
    case OpId::MseLossGrad:
    case OpId::NllLossGrad:
    case OpId::SoftmaxGrad:
    case OpId::LogSoftmaxGrad:
    case OpId::LeakyReluGrad:
    case OpId::Sgn:
    case OpId::MaskedFill:
    case OpId::MaskedFillTensor:
    case OpId::Prod:
    case OpId::ProdDim: return true;
    default: return false;
  }
}
}  // namespace

BackwardFn differentiable_backward(OpId op) {
  switch (op) {
    case OpId::Add: return add_backward;
    case OpId::Sub: return sub_backward;
    case OpId::RSub: return [](const Node&, const Tensor& g) -> Grads { return {neg(g)}; };
    case OpId::AddScalar:
    case OpId::SubScalar: return [](const Node&, const Tensor& g) -> Grads { return {g}; };
    case OpId::Mul: return mul_backward;
    case OpId::MulScalar: return [](const Node& n, const Tensor& g) -> Grads { return {mul(g, Scalar(n.a))}; };
    case OpId::Div: return div_backward;
    case OpId::DivScalar:  // grad / other, a Scalar: DivBackward1 again
      return [](const Node& n, const Tensor& g) -> Grads { return {div_scalar_overload(g, Scalar(n.a))}; };
    case OpId::Neg: return [](const Node&, const Tensor& g) -> Grads { return {neg(g)}; };
    case OpId::PowScalar: return pow_backward;
    case OpId::Exp:  // grad * result
      return [](const Node& n, const Tensor& g) -> Grads { return {mul(g, output_with_history(n, saved(n, 0)))}; };
    case OpId::Log: return [](const Node& n, const Tensor& g) -> Grads { return {div(g, saved(n, 0))}; };
    case OpId::Sqrt:  // grad / (2 * result)
      return [](const Node& n, const Tensor& g) -> Grads {
        return {div(g, mul_scalar_overload(output_with_history(n, saved(n, 0)), 2.0))};
      };
    case OpId::Sin: return [](const Node& n, const Tensor& g) -> Grads { return {mul(g, cos(saved(n, 0)))}; };
    case OpId::Cos: return [](const Node& n, const Tensor& g) -> Grads { return {mul(g, neg(sin(saved(n, 0))))}; };
    case OpId::Sum: return [](const Node& n, const Tensor& g) -> Grads { return {expand_to_input(n, g, false)}; };
    case OpId::SumDim: return [](const Node& n, const Tensor& g) -> Grads { return {expand_to_input(n, g, true)}; };
    case OpId::Mean:  // grad.expand(sizes) / numel, a division by a Scalar (DivBackward1)
      return [](const Node& n, const Tensor& g) -> Grads {
        return {div_scalar_overload(expand_to_input(n, g, false), Scalar(static_cast<double>(shape_numel(n.inputs[0].shape))))};
      };
    case OpId::MeanDim:
      return [](const Node& n, const Tensor& g) -> Grads { return {div_scalar_overload(expand_to_input(n, g, true), Scalar(n.a))}; };
    case OpId::View:
    case OpId::Reshape:
    case OpId::UnsafeView:
    case OpId::Unsqueeze:
    case OpId::Squeeze:
    case OpId::SqueezeDim:
    case OpId::SqueezeInplace:  // the gradient takes the input's shape back
      return [](const Node& n, const Tensor& g) -> Grads { return {reshape(g, n.inputs[0].shape)}; };
    case OpId::Expand: return [](const Node& n, const Tensor& g) -> Grads { return {sum_to_recorded(g, n.inputs[0].shape)}; };
    case OpId::T: return [](const Node&, const Tensor& g) -> Grads { return {t(g)}; };  // grad.t(): TBackward0
    case OpId::Transpose:
      return [](const Node& n, const Tensor& g) -> Grads { return {transpose(g, n.ints[0], n.ints[1])}; };
    case OpId::Permute:
      return [](const Node& n, const Tensor& g) -> Grads {
        std::vector<int64_t> inverse(n.ints.size());
        for (size_t i = 0; i < n.ints.size(); ++i) inverse[static_cast<size_t>(n.ints[i])] = static_cast<int64_t>(i);
        return {permute(g, inverse)};
      };
    case OpId::Clone:
    case OpId::CopyBackwards: return [](const Node&, const Tensor& g) -> Grads { return {g}; };
    case OpId::Sigmoid:  // sigmoid_backward(grad, result)
      return [](const Node& n, const Tensor& g) -> Grads { return {sigmoid_backward(g, output_with_history(n, saved(n, 0)))}; };
    case OpId::Tanh:  // tanh_backward(grad, result)
      return [](const Node& n, const Tensor& g) -> Grads { return {tanh_backward(g, output_with_history(n, saved(n, 0)))}; };
    case OpId::Relu:  // threshold_backward(grad, result, 0)
      return [](const Node& n, const Tensor& g) -> Grads { return {threshold_backward(g, output_with_history(n, saved(n, 0)))}; };
    case OpId::Mm: return [](const Node& n, const Tensor& g) -> Grads { return mm_backward(n, g, 0); };
    case OpId::Addmm:  // maybe_multiply(grad, beta), then mm's (alpha is 1: addmm refuses others)
      return [](const Node& n, const Tensor& g) -> Grads {
        Grads m = mm_backward(n, g, 1);
        Tensor gbias;
        if (n.needs_input_grad(0)) gbias = n.b == 1 ? g : mul_scalar_overload(g, Scalar(n.b));
        return {gbias, m[0], m[1]};
      };
    case OpId::Select:
    case OpId::Slice: return window_backward_op;
    case OpId::Index:
    case OpId::IndexMask: return index_backward_op;
    case OpId::MseLoss: return mse_loss_backward_op;
    case OpId::NllLoss: return nll_loss_backward_op;
    case OpId::Softmax:
    case OpId::LogSoftmax: return softmax_backward_op;
    case OpId::LeakyRelu: return leaky_relu_backward_op;
    case OpId::Mv: return mv_backward_op;
    case OpId::Dot:  // grad * other, grad * self
      return [](const Node& n, const Tensor& g) -> Grads {
        return {n.needs_input_grad(0) ? mul(g, saved(n, 1)) : Tensor(), n.needs_input_grad(1) ? mul(g, saved(n, 0)) : Tensor()};
      };
    default: return differentiable_math_backward(op);
  }
}

Grads run_differentiable_backward(const Node& n, const Tensor& grad) {
  if (backward_is_recorded(n.op)) return n.backward(n, grad);
  BackwardFn f = differentiable_backward(n.op);
  if (!f)
    throw Error("NotImplementedError", std::string("higher-order gradients (create_graph=True) through ") + n.name() +
                                           " are not supported by gradlab yet");
  return f(n, grad);
}

Tensor sum_to_recorded(const Tensor& grad, const Shape& shape) {
  if (grad.shape() == shape) return grad;
  const size_t lead = grad.shape().size() - shape.size();
  std::vector<int64_t> dims;
  for (size_t d = 0; d < grad.shape().size(); ++d)
    if (d < lead || (shape[d - lead] == 1 && grad.shape()[d] != 1)) dims.push_back(static_cast<int64_t>(d));
  Tensor r = dims.empty() ? grad : sum(grad, dims, true);
  return r.shape() == shape ? r : reshape(r, shape);
}

Tensor copy_for_grad(const Tensor& grad) {
  Tensor out = grad.contiguous_clone();
  record_op(OpId::CopyBackwards, [](const Node&, const Tensor& g) -> Grads { return {g}; }, out, {&grad});
  return out;
}

}  // namespace gradlab
