// Distances between tensors, written as ATen 1.13 composes them (Distance.cpp), so the nodes
// and the digits are those of the ops they are made of (ops/distance.h).
#include "engine/ops/distance.h"

#include <algorithm>

#include "engine/ops/op_helpers.h"
#include "engine/ops/pointwise.h"

namespace gradlab {
using namespace ops;

// norm(x1 - x2 + eps, p, innermost dim, keepdim); the `+ eps` is ATen's Scalar overload.
Tensor pairwise_distance(const Tensor& x1, const Tensor& x2, double p, double eps, bool keepdim) {
  const int64_t innermost = std::max(x1.dim(), x2.dim()) - 1;
  return norm(add_scalar_overload(sub(x1, x2), Scalar(eps)), p, innermost, keepdim);
}

// Both inputs cast to their common floating dtype and expanded to the broadcast shape (both
// record ExpandBackward0, even at the same shape); each squared norm is clamped to eps² in place
// outside autograd, so the square root's node sees the clamped value but its gradient flows to
// the unclamped sum.
Tensor cosine_similarity(const Tensor& x1_in, const Tensor& x2_in, int64_t dim, double eps) {
  const DType common = result_type(x1_in, x2_in);
  if (!is_floating(common))
    runtime_error(std::string("expected common dtype to be floating point, yet common dtype is ") + dtype_scalar_name(common));
  const Shape shape = broadcast_shapes(x1_in.shape(), x2_in.shape());
  const Tensor x1 = expand(x1_in.to(common), shape);
  const Tensor x2 = expand(x2_in.to(common), shape);
  auto norm_of = [&](const Tensor& x) {
    Tensor squared = sum(pow(x, Scalar(2)), {dim}, true);
    {
      NoGradGuard clamp_unrecorded;
      copy_(squared, clamp_min(squared, Scalar(eps * eps)));
    }
    return sqrt(squared);
  };
  const Tensor n1 = norm_of(x1), n2 = norm_of(x2);
  return sum(mul(div(x1, n1), div(x2, n2)), {dim});
}

}  // namespace gradlab
