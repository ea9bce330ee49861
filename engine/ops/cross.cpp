// The cross product of 3-vectors along a dim (torch.cross / torch.linalg.cross):
// LinalgCrossBackward0. ATen's CPU kernel is compiled by GCC, which fuses the first product of
// each component into an fma (Note [Fused pointwise kernels]):
//   r0 = fma(a1, b2, −(a2·b1)), r1 = fma(a2, b0, −(a0·b2)), r2 = fma(a0, b1, −(a1·b0))
// (checked bit for bit against torch 1.13.1). The inputs broadcast to one shape first.
//   d/da = cross(b, g), d/db = cross(g, a)   (the engine sums each back to its input's shape)
#include "engine/ops/op_helpers.h"
#include "engine/ops/pointwise.h"

namespace gradlab {
using namespace ops;

namespace {
template <class T>
T cross_component(T a_p, T b_q, T a_q, T b_p) {
  if constexpr (std::is_floating_point_v<T>) return scalar_fma(a_p, b_q, -(a_q * b_p));
  else return a_p * b_q - a_q * b_p;
}

// a × b along `dim` of two tensors of the same shape (no history).
Tensor cross_values(const Tensor& a_in, const Tensor& b_in, int64_t dim) {
  const Shape shape = broadcast_shapes(a_in.shape(), b_in.shape());
  const Tensor a = prim::expand(a_in, shape), b = prim::expand(b_in, shape);
  const DimSplit lines = split_at(shape, dim);
  const std::vector<unsigned char> ab = host_bytes(a), bb = host_bytes(b);
  std::vector<unsigned char> out(ab.size());
  dispatch_dtype(a.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* x = reinterpret_cast<const T*>(ab.data());
    const T* y = reinterpret_cast<const T*>(bb.data());
    T* r = reinterpret_cast<T*>(out.data());
    const int64_t in = lines.inner;
    for (int64_t o = 0; o < lines.outer; ++o)
      for (int64_t i = 0; i < in; ++i) {
        const int64_t base = o * 3 * in + i;
        const T a0 = x[base], a1 = x[base + in], a2 = x[base + 2 * in];
        const T b0 = y[base], b1 = y[base + in], b2 = y[base + 2 * in];
        r[base] = cross_component(a1, b2, a2, b1);
        r[base + in] = cross_component(a2, b0, a0, b2);
        r[base + 2 * in] = cross_component(a0, b1, a1, b0);
      }
  });
  return from_host_bytes(out, shape, a.dtype(), a.device());
}
}  // namespace

Tensor cross(const Tensor& a, const Tensor& b, std::optional<int64_t> dim_in) {
  int64_t dim;
  if (dim_in) {
    if (a.dim() != b.dim()) runtime_error("linalg.cross: inputs must have the same number of dimensions.");
    dim = wrap_dim(*dim_in, a.dim());
    if (a.shape()[dim] != 3 || b.shape()[dim] != 3) {
      runtime_error("linalg.cross: inputs dimension " + std::to_string(*dim_in) + " must have length 3. Got " +
                    std::to_string(a.shape()[dim]) + " and " + std::to_string(b.shape()[dim]));
    }
  } else {  // torch.cross's deprecated default: the first dim of size 3
    auto it = std::find(a.shape().begin(), a.shape().end(), 3);
    if (it == a.shape().end()) runtime_error("no dimension of size 3 in input");
    return cross(a, b, static_cast<int64_t>(it - a.shape().begin()));
  }
  if (a.dtype() != b.dtype()) {
    runtime_error(std::string("expected scalar type ") + dtype_scalar_name(a.dtype()) + " but found " +
                  dtype_scalar_name(b.dtype()));
  }
  if (a.dtype() == DType::Float16) not_implemented_for("cross", a.dtype());
  refuse_narrow(a, "cross");
  prim::check_same_device(a, b);
  Tensor out = cross_values(a, b, dim);
  if (Node* n = record_op(OpId::Cross, [](const Node& n, const Tensor& g) -> Grads {
        const int64_t dim = n.ints[0];
        Tensor ga, gb;
        if (n.needs_input_grad(0)) ga = cross(saved(n, 1), g, dim);
        if (n.needs_input_grad(1)) gb = cross(g, saved(n, 0), dim);
        return {ga, gb};
      }, out, {&a, &b})) {
    n->ints = {dim};
    save_for_backward(*n, a);
    save_for_backward(*n, b);
  }
  return out;
}

}  // namespace gradlab
