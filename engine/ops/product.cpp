// See product.h (Note [Product order]). Products run on the host, one output at a time. The
// backward is ATen's prod_backward: g · (result / x) when x holds no zero; with zeros it takes
// another formula, which gradlab does not have (but for the whole-tensor product with two or
// more zeros, whose gradient is all zeros).
#include "engine/ops/product.h"
#include "engine/ops/grad_ops.h"

#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {

// The vectorised product of n contiguous elements (lanes: the AVX2 vector width for T).
template <class T>
T blocked_product(const T* x, int64_t n) {
  constexpr int64_t lanes = sizeof(T) == 4 ? 8 : 4;
  constexpr int64_t block = 4 * lanes;
  T out = 1;
  const int64_t blocks = n / block;
  if (blocks > 0) {
    T acc[block];
    for (int64_t j = 0; j < block; ++j) acc[j] = x[j];
    for (int64_t b = 1; b < blocks; ++b)
      for (int64_t j = 0; j < block; ++j) acc[j] = acc[j] * x[b * block + j];
    T folded[lanes];
    for (int64_t j = 0; j < lanes; ++j) {
      const T left = acc[j] * acc[lanes + j], right = acc[2 * lanes + j] * acc[3 * lanes + j];
      folded[j] = left * right;
    }
    T lane_product = folded[0];
    for (int64_t j = 1; j < lanes; ++j) lane_product = lane_product * folded[j];
    out = out * lane_product;
  }
  for (int64_t k = blocks * block; k < n; ++k) out = out * x[k];
  return out;
}

// Products along `dim` (all of `a` when dim < 0) into a tensor of `shape`. `layout` is the tensor
// the script holds: PyTorch walks a strided view (a transpose, a slice) in an order of its own,
// which gradlab, holding views as copies, does not follow; such a product of 4 vectors' worth
// of elements or more is refused.
Tensor product(const Tensor& a, int64_t dim, const Shape& shape, const Tensor& layout) {
  const DimSplit lines = dim >= 0 ? split_at(a.shape(), dim) : DimSplit{1, a.numel(), 1, {}};
  const int64_t smallest_block = 4 * (dtype_size(a.dtype()) == 4 ? 8 : 4);  // shorter runs multiply in order either way
  if (layout.impl()->noncontiguous && lines.dim_size >= smallest_block)
    not_supported("prod() of a transposed, sliced or expanded tensor; call .contiguous() first");
  return reduce_lines(a, lines, shape, [](const auto* first, int64_t len, int64_t stride) {
    using T = std::remove_cv_t<std::remove_pointer_t<decltype(first)>>;
    if (stride == 1) return blocked_product(first, len);  // contiguous: the vectorised order
    T p = 1;
    for (int64_t k = 0; k < len; ++k) p = p * first[k * stride];  // along a strided dim: one after another
    return p;
  });
}

Tensor product_input(const Tensor& a, std::optional<DType> dtype) {
  if (dtype) return prim::cast(a, *dtype);
  if (is_narrow(a.dtype()) && is_floating(a.dtype()))
    runtime_error(std::string("\"prod_cpu\" not implemented for '") + dtype_scalar_name(a.dtype()) + "'");
  return is_floating(a.dtype()) ? a : prim::cast(a, DType::Int64);
}

int64_t count_zeros(const Tensor& x) {
  Tensor zero = prim::binary(BinaryOp::EqualMask, x, prim::scalar(0, x.dtype(), x.device()));
  return static_cast<int64_t>(prim::alias(prim::reduce(ReduceOp::Sum, zero, Shape(x.dim(), 1)), {}).item().value);
}

// ATen's prod_backward for an x without zeros: grad * (result / x), with grad and result
// unsqueezed back over prod(dim)'s dim. Written with recorded ops and the result with its
// history, it is also the create_graph form (Note [Higher-order gradients]).
Tensor no_zero_grad(const Node& n, const Tensor& g) {
  const Tensor& x = saved(n, 0);
  Tensor grad = g, result = output_with_history(n, saved(n, 1));
  if (n.op == OpId::ProdDim && g.dim() != x.dim()) {
    grad = unsqueeze(grad, n.ints[0]);
    result = unsqueeze(result, n.ints[0]);
  }
  return mul(grad, div(result, x));
}

}  // namespace

Tensor prod(const Tensor& a, std::optional<DType> dtype) {
  Tensor x = product_input(a, dtype);
  Tensor out = product(x, -1, {}, a);
  if (Node* n = record_op(OpId::Prod, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& x = saved(n, 0);
        if (x.dim() == 0) return {g};
        const int64_t zeros = count_zeros(x);
        if (zeros == 0) return {no_zero_grad(n, g)};
        if (zeros > 1) return {zeros_of(x.shape(), g.dtype(), g.device())};
        not_supported("the gradient of prod() of a tensor holding one zero");
      }, out, {&a})) {
    save_for_backward(*n, x);
    save_for_backward(*n, prim::alias(out, out.shape()));  // without its history (no cycle)
  }
  return out;
}

Tensor prod(const Tensor& a, int64_t dim_in, bool keepdim, std::optional<DType> dtype) {
  const int64_t dim = wrap_dim(dim_in, a.dim());
  Tensor x = product_input(a, dtype);
  const Shape keep = a.dim() == 0 ? Shape{} : keepdim_shape(a.shape(), {dim});
  Tensor r = a.dim() == 0 ? x.contiguous_clone() : product(x, dim, keep, a);
  Tensor out = keepdim || a.dim() == 0 ? r : prim::alias(r, drop_dims(a.shape(), {dim}));
  if (Node* n = record_op(OpId::ProdDim, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& x = saved(n, 0);
        if (x.dim() == 0) return {g};
        if (count_zeros(x) != 0) not_supported("the gradient of prod(dim) of a tensor holding zeros");
        return {no_zero_grad(n, g)};
      }, out, {&a})) {
    n->ints = {dim};
    save_for_backward(*n, x);
    save_for_backward(*n, prim::alias(out, out.shape()));
  }
  return out;
}

}  // namespace gradlab
