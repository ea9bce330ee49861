// Masks: where, masked_fill, boolean-mask indexing (a[mask], a[mask] = v), masked_select and
// nonzero (see compare.h), forward and backward side by side.
//
// where and masked_fill are element-wise primitives (Note [Where] in scalar_math.h). The ops
// whose output size depends on the mask's values (a[mask], masked_select, nonzero) find the
// selected positions on the host, then gather or scatter whole rows through a host copy: one
// transfer each way on CUDA, which is fine at the sizes where masks are used in lessons.
#include <cstring>

#include "engine/ops/compare.h"
#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {

// The row numbers (flat positions in the mask) of the mask's true elements.
std::vector<int64_t> true_positions(const Tensor& mask) {
  std::vector<int64_t> v = prim::cast(mask, DType::Bool).to_int64s();
  std::vector<int64_t> pos;
  for (size_t i = 0; i < v.size(); ++i)
    if (v[i] != 0) pos.push_back(static_cast<int64_t>(i));
  return pos;
}

void check_bool_mask(const Tensor& mask, const char* what) {
  if (mask.dtype() != DType::Bool)
    runtime_error(std::string(what) + " expected condition to be a boolean tensor, but got a tensor with dtype " +
                  dtype_scalar_name(mask.dtype()));
}

// PyTorch's check that a mask indexes the leading dims of `a`.
void check_index_mask(const Tensor& a, const Tensor& mask) {
  if (mask.dtype() != DType::Bool) not_supported("indexing with a tensor that is not a bool mask");
  if (mask.dim() == 0) not_supported("indexing with a 0-d bool mask");
  if (mask.dim() > a.dim())
    index_error("too many indices for tensor of dimension " + std::to_string(a.dim()));
  for (int64_t i = 0; i < mask.dim(); ++i) {
    if (mask.shape()[i] != a.shape()[i])
      index_error("The shape of the mask " + shape_str(mask.shape()) + " at index " + std::to_string(i) +
                  " does not match the shape of the indexed tensor " + shape_str(a.shape()) + " at index " +
                  std::to_string(i));
  }
}

// Elements per row: the product of the dims after the mask's.
int64_t row_size(const Shape& shape, int64_t mask_dims) {
  int64_t n = 1;
  for (size_t i = static_cast<size_t>(mask_dims); i < shape.size(); ++i) n *= shape[i];
  return n;
}

// The rows `pos` of `a` (rows of `row` elements), as a [pos.size(), rest...] tensor.
Tensor gather_rows(const Tensor& a, const std::vector<int64_t>& pos, int64_t mask_dims) {
  const int64_t row = row_size(a.shape(), mask_dims);
  const size_t rb = static_cast<size_t>(row) * dtype_size(a.dtype());
  Shape shape{static_cast<int64_t>(pos.size())};
  shape.insert(shape.end(), a.shape().begin() + mask_dims, a.shape().end());
  std::vector<unsigned char> src = host_bytes(a), dst(pos.size() * rb);
  if (rb > 0)  // rows of zero elements (a [n, 0] tensor) have no bytes, and no buffer to copy from
    for (size_t i = 0; i < pos.size(); ++i) std::memcpy(dst.data() + i * rb, src.data() + pos[i] * rb, rb);
  return from_host_bytes(dst, shape, a.dtype(), a.device());
}

// A copy of `base` with rows `pos` replaced by the rows of `rows` (same dtype, [pos.size(), rest...]).
Tensor scatter_rows(const Tensor& base, const std::vector<int64_t>& pos, const Tensor& rows, int64_t mask_dims) {
  const int64_t row = row_size(base.shape(), mask_dims);
  const size_t rb = static_cast<size_t>(row) * dtype_size(base.dtype());
  std::vector<unsigned char> dst = host_bytes(base), src = host_bytes(rows);
  if (rb > 0)
    for (size_t i = 0; i < pos.size(); ++i) std::memcpy(dst.data() + pos[i] * rb, src.data() + i * rb, rb);
  return from_host_bytes(dst, base.shape(), base.dtype(), base.device());
}

// The mask with trailing dims of 1, so it broadcasts over the rows of a tensor of rank `rank`.
Tensor mask_over_rows(const Tensor& mask, int64_t rank) {
  Shape s = mask.shape();
  s.resize(static_cast<size_t>(rank), 1);
  return prim::alias(mask, s);
}

// The mask's flat true positions, saved in the node's ints for the backward of the ops above.
void save_positions(Node* n, const std::vector<int64_t>& pos, int64_t mask_dims) {
  n->ints = pos;
  n->a = static_cast<double>(mask_dims);
}
std::vector<int64_t> saved_positions(const Node& n) { return n.ints; }

}  // namespace

// ---- where: d/dx = where(c, g, 0), d/dy = where(c, 0, g) ----------------------------------------
Tensor where(const Tensor& cond, const Tensor& x, const Tensor& y) {
  check_bool_mask(cond, "where");
  DType t = result_type(x, y);
  Tensor c = prim::cast(cond, t);
  Tensor picked = prim::binary(BinaryOp::SelectOrZero, x, c, t);
  Tensor others = prim::binary(BinaryOp::ZeroWhere, y, c, t);
  Tensor out = prim::binary(BinaryOp::WhereMerge, picked, others, t);
  if (Node* n = record_op(OpId::Where, [](const Node& n, const Tensor& g) -> Grads {
        Tensor m = prim::cast(saved(n, 0), g.dtype());
        return {n.needs_input_grad(0) ? prim::binary(BinaryOp::SelectOrZero, g, m, g.dtype()) : Tensor(),
                n.needs_input_grad(1) ? prim::binary(BinaryOp::ZeroWhere, g, m, g.dtype()) : Tensor()};
      }, out, {&x, &y})) {
    save_for_backward(*n, cond);
  }
  return out;
}

// ---- masked_fill: d/da = where(mask, 0, g); a 0-d value tensor: d/dvalue = g[mask].sum() -----
namespace {
Tensor masked_fill_impl(OpId id, const Tensor& a, const Tensor& mask, double value, const Tensor* value_tensor) {
  if (a.dtype() == DType::Bool) value = value != 0 ? 1 : 0;
  // Out of place, a broadcasts with the mask too (PyTorch expands and clones it first).
  Tensor m = prim::cast(mask, a.dtype());
  Tensor out = prim::binary(BinaryOp::FillWhere, a, m, a.dtype(), value);
  // grad.masked_fill(mask, 0) and ATen's masked_fill_backward, written with recorded ops: also
  // the create_graph form (Note [Higher-order gradients]).
  BackwardFn backward = [](const Node& n, const Tensor& g) -> Grads {
    const Tensor& mask = saved(n, 0);
    Tensor ga = grad_if(n, 0, masked_fill(g, mask, Scalar(0.0)));
    if (n.inputs.size() < 2 || !n.needs_input_grad(1)) return {ga};
    return {ga, sum(masked_select(g, mask))};
  };
  if (Node* n = value_tensor ? record_op(id, backward, out, {&a, value_tensor}) : record_op(id, backward, out, {&a})) {
    save_for_backward(*n, mask);
  }
  return out;
}
}  // namespace

Tensor masked_fill(const Tensor& a, const Tensor& mask, Scalar value) {
  return masked_fill_impl(OpId::MaskedFill, a, mask, value.value, nullptr);
}

Tensor masked_fill(const Tensor& a, const Tensor& mask, const Tensor& value) {
  if (value.dim() != 0)
    runtime_error("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with " +
                  std::to_string(value.dim()) + " dimension(s).");
  return masked_fill_impl(OpId::MaskedFillTensor, a, mask, value.item().value, &value);
}

Tensor& masked_fill_(Tensor& a, const Tensor& mask, Scalar value) {
  check_inplace_allowed(a);
  Tensor input = needs_history(a, nullptr) ? self_as_input(a, false) : a;
  return assign_result(a, masked_fill(input, mask, value));
}

// ---- a[mask]: the selected rows; d/da = the gradient's rows put back into zeros ----------------
Tensor index_mask(const Tensor& a, const Tensor& mask) {
  check_index_mask(a, mask);
  std::vector<int64_t> pos = true_positions(mask);
  Tensor out = gather_rows(a, pos, mask.dim());
  if (Node* n = record_op(OpId::IndexMask, [](const Node& n, const Tensor& g) -> Grads {
        Tensor zeros = prim::scalar(0, g.dtype(), g.device());
        Tensor base = prim::expand(zeros, n.inputs[0].shape).contiguous_clone();
        return {scatter_rows(base, saved_positions(n), g, static_cast<int64_t>(n.a))};
      }, out, {&a})) {
    save_positions(n, pos, mask.dim());
  }
  return out;
}

// ---- a[mask] = value: d/da = g with the selected rows zeroed, d/dvalue = g[mask] --------------
namespace {
Tensor index_put_mask(const Tensor& a, const Tensor& mask, const Tensor& value) {
  std::vector<int64_t> pos = true_positions(mask);
  Shape rows_shape{static_cast<int64_t>(pos.size())};
  rows_shape.insert(rows_shape.end(), a.shape().begin() + mask.dim(), a.shape().end());
  Tensor v = prim::cast(value, a.dtype());
  Shape b = broadcast_shapes(v.shape(), rows_shape);
  if (b != rows_shape)
    runtime_error("shape mismatch: value tensor of shape " + shape_str(value.shape()) +
                  " cannot be broadcast to indexing result of shape " + shape_str(rows_shape));
  Tensor out = scatter_rows(a, pos, prim::expand(v, rows_shape).contiguous_clone(), mask.dim());
  if (Node* n = record_op(OpId::IndexPut, [](const Node& n, const Tensor& g) -> Grads {
        Tensor ga, gv;
        const int64_t mask_dims = static_cast<int64_t>(n.a);
        if (n.needs_input_grad(0)) {
          Tensor m = prim::cast(mask_over_rows(saved(n, 0), g.dim()), g.dtype());
          ga = prim::binary(BinaryOp::ZeroWhere, g, m, g.dtype());
        }
        if (n.needs_input_grad(1)) gv = gather_rows(g, saved_positions(n), mask_dims);
        return {ga, gv};
      }, out, {&a, &value})) {
    save_for_backward(*n, mask);
    save_positions(n, pos, mask.dim());
  }
  return out;
}
}  // namespace

Tensor& index_put_mask_(Tensor& a, const Tensor& mask, const Tensor& value) {
  check_index_mask(a, mask);
  check_inplace_allowed(a);
  Tensor input = needs_history(a, &value) ? self_as_input(a, false) : a;
  return assign_result(a, index_put_mask(input, mask, value));
}

// ---- masked_select: a[mask] after broadcasting both; d/da = scatter of g into zeros -----------
Tensor masked_select(const Tensor& a, const Tensor& mask) {
  if (mask.dtype() != DType::Bool)
    runtime_error("masked_select: expected BoolTensor for mask");
  Shape shape = broadcast_shapes(a.shape(), mask.shape());
  Tensor full = prim::expand(a, shape).contiguous_clone();
  std::vector<int64_t> pos = true_positions(prim::expand(mask, shape));
  Tensor out = gather_rows(full, pos, static_cast<int64_t>(shape.size()));
  if (Node* n = record_op(OpId::MaskedSelect, [](const Node& n, const Tensor& g) -> Grads {
        Shape shape(n.ints.end() - static_cast<int64_t>(n.b), n.ints.end());
        std::vector<int64_t> pos(n.ints.begin(), n.ints.end() - static_cast<int64_t>(n.b));
        Tensor base = prim::expand(prim::scalar(0, g.dtype(), g.device()), shape).contiguous_clone();
        return {sum_to(scatter_rows(base, pos, g, static_cast<int64_t>(shape.size())), n.inputs[0].shape)};
      }, out, {&a})) {
    n->ints = pos;
    n->ints.insert(n->ints.end(), shape.begin(), shape.end());
    n->b = static_cast<double>(shape.size());
  }
  return out;
}

// ---- nonzero: the indices of the nonzero elements, one row per element -----------------------
Tensor nonzero(const Tensor& a) {
  std::vector<int64_t> pos = true_positions(a);
  const size_t rank = a.shape().size();
  std::vector<int64_t> idx(pos.size() * rank);
  std::vector<int64_t> strides = contiguous_strides(a.shape());
  for (size_t i = 0; i < pos.size(); ++i) {
    int64_t p = pos[i];
    for (size_t d = 0; d < rank; ++d) {
      idx[i * rank + d] = p / strides[d];
      p %= strides[d];
    }
  }
  std::vector<unsigned char> bytes(idx.size() * sizeof(int64_t));
  if (!bytes.empty()) std::memcpy(bytes.data(), idx.data(), bytes.size());
  return from_host_bytes(bytes, {static_cast<int64_t>(pos.size()), static_cast<int64_t>(rank)}, DType::Int64, a.device());
}

std::vector<Tensor> nonzero_tuple(const Tensor& a) {
  // A 0-d tensor counts as one element of a 1-d one.
  Tensor nz = nonzero(a.dim() == 0 ? prim::alias(a, {1}) : a);
  const int64_t n = nz.shape()[0], rank = nz.shape()[1];
  std::vector<int64_t> all = nz.to_int64s();
  std::vector<Tensor> out;
  for (int64_t d = 0; d < rank; ++d) {
    std::vector<unsigned char> bytes(static_cast<size_t>(n) * sizeof(int64_t));
    for (int64_t i = 0; i < n; ++i) std::memcpy(bytes.data() + i * sizeof(int64_t), &all[i * rank + d], sizeof(int64_t));
    out.push_back(from_host_bytes(bytes, {n}, DType::Int64, a.device()));
  }
  return out;
}

}  // namespace gradlab
