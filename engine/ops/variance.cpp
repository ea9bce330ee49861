// See variance.h (Note [Variance order]). Both algorithms run on the host, one output element
// at a time, in PyTorch's order; the backward is ATen's var_backward / std_backward formula.
#include "engine/ops/variance.h"

#include <cmath>
#include <limits>

#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {

// The two-pass variance of all of `a` (one output element).
double two_pass_variance(const Tensor& a, int64_t correction) {
  const double m = mean(a).item().value;  // x.mean() in a's dtype, widened
  const std::vector<unsigned char> bytes = host_bytes(a);
  double sum_dx2 = 0;
  dispatch_dtype(a.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* x = reinterpret_cast<const T*>(bytes.data());
    for (int64_t i = 0; i < a.numel(); ++i) {
      const double dx = static_cast<double>(x[i]) - m;
      sum_dx2 += dx * dx;  // rounded, then added: -ffp-contract=off keeps it so
    }
  });
  return sum_dx2 / static_cast<double>(std::max<int64_t>(0, a.numel() - correction));
}

// Welford along `dim`, one variance per line, as a tensor of the keepdim shape.
Tensor welford_variance(const Tensor& a, int64_t dim, int64_t correction, bool take_sqrt, const Shape& keep) {
  return reduce_lines(a, split_at(a.shape(), dim), keep, [&](const auto* first, int64_t len, int64_t stride) {
    using T = std::remove_cv_t<std::remove_pointer_t<decltype(first)>>;
    double m = 0, m2 = 0, nf = 0;
    for (int64_t k = 0; k < len; ++k) {
      const double v = static_cast<double>(first[k * stride]);
      nf += 1;
      const double delta = v - m;
      m = m + delta / nf;
      m2 = std::fma(delta, v - m, m2);
    }
    const double divisor = nf > static_cast<double>(correction) ? nf - static_cast<double>(correction) : 0;
    const double var = m2 / divisor;
    return static_cast<T>(take_sqrt ? std::sqrt(var) : var);
  });
}

// What the node keeps: ints = the reduced dims, a = correction, b = 1 when no dim was given
// (ATen's var_backward treats that case by itself).
Tensor var_backward(const Node& n, const Tensor& grad, const Tensor& self) {
  const int64_t correction = static_cast<int64_t>(n.a);
  if (self.dim() == 0 || n.b != 0) {
    const int64_t dof = self.numel() - correction;
    const Tensor m = mean(self);
    if (dof <= 0) {  // 2 / 0: NaN where self equals its mean (∞ · 0), ∞ elsewhere
      const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
      Tensor at_mean = prim::binary(BinaryOp::EqualMask, self, m);
      Tensor inf_or_nan = prim::binary(BinaryOp::FillWhere, prim::expand(prim::scalar(inf, self.dtype(), self.device()), self.shape()),
                                       at_mean, self.dtype(), nan);
      return prim::binary(BinaryOp::Mul, grad, inf_or_nan, grad.dtype());
    }
    Tensor scaled = mul_scalar(grad, 2.0 / static_cast<double>(dof));
    return prim::binary(BinaryOp::Mul, scaled, prim::binary(BinaryOp::Sub, self, m), grad.dtype());
  }
  const std::vector<int64_t>& dims = n.ints;
  const Shape keep = keepdim_shape(self.shape(), dims);
  int64_t rnumel = 1;
  for (int64_t d : dims) rnumel *= self.shape()[d];
  Tensor g = prim::alias(grad, keep);  // keepdim=False: the reduced dims back as size 1
  Tensor scaled = mul_scalar(g, 2.0 / static_cast<double>(rnumel - correction));
  return prim::binary(BinaryOp::Mul, scaled, prim::binary(BinaryOp::Sub, self, mean(self, dims, true)), grad.dtype());
}

Tensor moment(const Tensor& a, std::optional<std::vector<int64_t>> dims_in, int64_t correction, bool keepdim, bool take_sqrt) {
  if (!is_floating(a.dtype())) runtime_error("std and var only support floating point and complex dtypes");
  std::vector<int64_t> dims = dims_in ? wrap_dims(*dims_in, a.dim()) : std::vector<int64_t>{};
  if (!dims_in || dims_in->empty())
    for (int64_t d = 0; d < a.dim(); ++d) dims.push_back(d);
  const Shape keep = keepdim_shape(a.shape(), dims);
  const Shape out_shape = keepdim ? keep : drop_dims(a.shape(), dims);
  Tensor out;
  if (a.numel() == 0) {
    out = prim::expand(prim::scalar(std::numeric_limits<double>::quiet_NaN(), a.dtype(), a.device()), out_shape).contiguous_clone();
  } else if (shape_numel(keep) == 1) {
    const double var = two_pass_variance(a, correction);
    out = prim::expand(prim::scalar(take_sqrt ? std::sqrt(var) : var, a.dtype(), a.device()), out_shape).contiguous_clone();
  } else if (dims.size() == 1) {
    out = prim::alias(welford_variance(a, dims[0], correction, take_sqrt, keep), out_shape);
  } else {
    not_supported(std::string(take_sqrt ? "std" : "var") + " over several dims but not all");
  }
  BackwardFn backward = [](const Node& n, const Tensor& g) -> Grads { return {var_backward(n, g, saved(n, 0))}; };
  if (take_sqrt)
    backward = [](const Node& n, const Tensor& g) -> Grads {  // d std = d var / (2 std), 0 where std is 0
      const Tensor& result = saved(n, 1);
      Tensor scaled = prim::binary(BinaryOp::Div, g, mul_scalar(result, 2.0), g.dtype());
      Tensor zero = prim::binary(BinaryOp::EqualMask, result, prim::scalar(0, result.dtype(), result.device()));
      return {var_backward(n, prim::binary(BinaryOp::FillWhere, scaled, zero, g.dtype(), 0.0), saved(n, 0))};
    };
  if (Node* n = record_op(take_sqrt ? OpId::Std : OpId::Var, backward, out, {&a})) {
    n->ints = dims;
    n->a = static_cast<double>(correction);
    n->b = dims_in ? 0 : 1;
    save_for_backward(*n, a);
    if (take_sqrt) save_for_backward(*n, prim::alias(out, out.shape()));  // without its history (no cycle)
  }
  return out;
}

}  // namespace

Tensor variance(const Tensor& a, std::optional<std::vector<int64_t>> dims, int64_t correction, bool keepdim) {
  return moment(a, std::move(dims), correction, keepdim, false);
}

Tensor std_dev(const Tensor& a, std::optional<std::vector<int64_t>> dims, int64_t correction, bool keepdim) {
  return moment(a, std::move(dims), correction, keepdim, true);
}

}  // namespace gradlab
