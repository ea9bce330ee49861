// logsumexp (LogsumexpBackward0). ATen's CPU algorithm, step for step, so the digits are its:
//   m = amax(x, dims, keepdim=True), with ±inf maxima replaced by 0 (so an all -inf line stays
//   -inf instead of turning into NaN); out = log(Σ exp(x − m)) + m, the sum over dims being the
//   ordinary sum reduction. Integer inputs are first cast to the default float dtype.
// Backward: g · exp(x − out), g and out unsqueezed back over the reduced dims.
#include "engine/ops/op_helpers.h"
#include "engine/ops/rearrange.h"

#include <cmath>

namespace gradlab {
using namespace ops;

namespace {
// The maxima with infinities zeroed (ATen's masked_fill_(maxes.abs() == INFINITY, 0)).
Tensor finite_maxima(const Tensor& x, const Shape& keep) {
  Tensor m = prim::reduce(ReduceOp::Max, x, keep);
  std::vector<unsigned char> bytes = host_bytes(m);
  dispatch_dtype(m.dtype(), [&](auto zero) {
    using T = decltype(zero);
    if constexpr (std::is_floating_point_v<T>) {
      T* v = reinterpret_cast<T*>(bytes.data());
      for (int64_t i = 0; i < m.numel(); ++i)
        if (std::isinf(v[i])) v[i] = 0;
    }
  });
  return from_host_bytes(bytes, keep, m.dtype(), m.device());
}
}  // namespace

Tensor logsumexp(const Tensor& a, const std::vector<int64_t>& dims_in, bool keepdim) {
  const Tensor x = is_floating(a.dtype()) ? a : prim::cast(a, kDefaultFloat);
  std::vector<int64_t> dims = wrap_dims(dims_in, a.dim());
  if (dims_in.empty())
    for (int64_t d = 0; d < a.dim(); ++d) dims.push_back(d);
  const Shape keep = keepdim_shape(a.shape(), dims);
  Tensor lse;
  if (x.numel() == 0) {
    lse = prim::unary(UnaryOp::Log, prim::reduce(ReduceOp::Sum, prim::unary(UnaryOp::Exp, x), keep));
  } else {
    const Tensor maxima = finite_maxima(x, keep);
    const Tensor sums = prim::reduce(ReduceOp::Sum, prim::unary(UnaryOp::Exp, prim::binary(BinaryOp::Sub, x, maxima)), keep);
    lse = prim::binary(BinaryOp::Add, prim::unary(UnaryOp::Log, sums), maxima);
  }
  Tensor out = keepdim ? lse : prim::alias(lse, drop_dims(a.shape(), dims));
  if (Node* n = record_op(OpId::Logsumexp, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& self = saved(n, 0);
        const Shape keep(n.ints.begin(), n.ints.end());
        const Tensor result = prim::alias(saved(n, 1), keep);
        return {prim::binary(BinaryOp::Mul, prim::alias(g, keep),
                             prim::unary(UnaryOp::Exp, prim::binary(BinaryOp::Sub, self, result)))};
      }, out, {&x})) {
    n->ints.assign(keep.begin(), keep.end());
    save_for_backward(*n, x);
    save_for_backward(*n, out);
  }
  return out;
}

}  // namespace gradlab
