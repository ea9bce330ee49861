// Advanced indexing, forward and backward side by side (Note [Advanced indexing] in index.h).
//
// The positions an index selects depend on the index values, so they are worked out once on the
// host as flat element offsets into the (contiguous) indexed tensor — an IndexPlan — and the
// elements gathered or scattered through host copies, as the mask ops do (mask.cpp). The nodes
// keep the offsets: a[idx]'s gradient adds the incoming gradient back at them, duplicates summed
// in the result's row-major order (PyTorch's backward is index_put_ with accumulate=True, whose
// CPU kernel runs serially in that order); a[idx] = v's gradient zeroes them in the gradient of
// a and reads them for the gradient of v.
#include "engine/ops/index.h"

#include <algorithm>
#include <cstring>
#include <functional>

#include "engine/ops/compare.h"
#include "engine/ops/grad_ops.h"
#include "engine/ops/op_helpers.h"

namespace gradlab {
namespace ops {

// op_helpers.h
Tensor take_elements(const Tensor& a, const std::vector<int64_t>& offsets, const Shape& shape) {
  const std::vector<unsigned char> src = host_bytes(a);
  std::vector<unsigned char> dst(offsets.size() * dtype_size(a.dtype()));
  dispatch_dtype(a.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* s = reinterpret_cast<const T*>(src.data());
    T* d = reinterpret_cast<T*>(dst.data());
    for (size_t i = 0; i < offsets.size(); ++i) d[i] = s[offsets[i]];
  });
  return from_host_bytes(dst, shape, a.dtype(), a.device());
}

// The last write to a repeated offset wins; repeated additions sum left to right.
Tensor put_elements(const Tensor& base, const std::vector<int64_t>& offsets, const Tensor& values, bool accumulate) {
  std::vector<unsigned char> dst = host_bytes(base);
  const std::vector<unsigned char> src = host_bytes(values);
  dispatch_dtype(base.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* s = reinterpret_cast<const T*>(src.data());
    T* d = reinterpret_cast<T*>(dst.data());
    for (size_t i = 0; i < offsets.size(); ++i) d[offsets[i]] = accumulate ? static_cast<T>(d[offsets[i]] + s[i]) : s[i];
  });
  return from_host_bytes(dst, base.shape(), base.dtype(), base.device());
}

Tensor zeros_of(const Shape& shape, DType dtype, Device device) {
  return prim::expand(prim::scalar(0, dtype, device), shape).contiguous_clone();
}

}  // namespace ops

using namespace ops;

namespace {

struct IndexPlan {
  Shape shape;                   // of a[indices]
  std::vector<int64_t> offsets;  // per element of a[indices], row-major: where it is in a
};

// The flat offsets of every position of `dims` of a tensor with `strides`, row-major.
std::vector<int64_t> window_offsets(const Shape& shape, const std::vector<int64_t>& strides, const std::vector<int64_t>& dims) {
  std::vector<int64_t> offsets{0};
  for (int64_t d : dims) {
    std::vector<int64_t> next;
    next.reserve(offsets.size() * static_cast<size_t>(shape[d]));
    for (int64_t base : offsets)
      for (int64_t i = 0; i < shape[d]; ++i) next.push_back(base + i * strides[d]);
    offsets = std::move(next);
  }
  return offsets;
}

// Bool masks become their nonzero() columns, one int64 index per mask dim; other dtypes are refused.
std::vector<Tensor> masks_as_indices(const Tensor& a, const std::vector<Tensor>& indices) {
  std::vector<Tensor> out;
  for (const Tensor& idx : indices) {
    if (!idx.defined() || idx.dtype() == DType::Int64) {
      out.push_back(idx);
      continue;
    }
    if (idx.dtype() != DType::Bool) index_error("tensors used as indices must be long, byte or bool tensors");
    if (idx.dim() == 0) not_supported("a 0-d bool index among other indices");
    const size_t first = out.size();
    if (first + static_cast<size_t>(idx.dim()) > static_cast<size_t>(a.dim()))
      index_error("too many indices for tensor of dimension " + std::to_string(a.dim()));
    for (int64_t k = 0; k < idx.dim(); ++k)
      if (idx.shape()[k] != a.shape()[first + k])
        index_error("The shape of the mask " + shape_str(idx.shape()) + " at index " + std::to_string(k) +
                    " does not match the shape of the indexed tensor " + shape_str(a.shape()) + " at index " +
                    std::to_string(first + k));
    for (Tensor& column : nonzero_tuple(idx)) out.push_back(std::move(column));
  }
  return out;
}

IndexPlan plan_index(const Tensor& a, const std::vector<Tensor>& given) {
  const std::vector<Tensor> indices = masks_as_indices(a, given);
  if (indices.size() > static_cast<size_t>(a.dim()))
    index_error("too many indices for tensor of dimension " + std::to_string(a.dim()));
  std::vector<int64_t> indexed, whole;  // the dims with an index, the dims without
  for (int64_t d = 0; d < a.dim(); ++d)
    (static_cast<size_t>(d) < indices.size() && indices[d].defined() ? indexed : whole).push_back(d);
  if (indexed.empty()) runtime_error("index(): expected at least one index tensor");

  Shape b;
  bool broadcastable = true;
  for (int64_t d : indexed) {
    try {
      b = broadcast_shapes(b, indices[d].shape());
    } catch (const Error&) {
      broadcastable = false;
    }
  }
  if (!broadcastable) {
    std::string shapes;
    for (int64_t d : indexed) shapes += (shapes.empty() ? "" : ", ") + shape_str(indices[d].shape());
    index_error("shape mismatch: indexing tensors could not be broadcast together with shapes " + shapes);
  }

  // The offset of each position of the broadcast index shape, checked as ATen's kernel checks:
  // element by element, each index in turn.
  const std::vector<int64_t> strides = contiguous_strides(a.shape());
  std::vector<std::vector<int64_t>> values;
  for (int64_t d : indexed) values.push_back(prim::expand(indices[d], b).to_int64s());
  const size_t nb = static_cast<size_t>(shape_numel(b));
  std::vector<int64_t> picked(nb, 0);
  for (size_t i = 0; i < nb; ++i) {
    for (size_t j = 0; j < indexed.size(); ++j) {
      const int64_t size = a.shape()[indexed[j]];
      int64_t v = values[j][i];
      if (v < -size || v >= size)
        index_error("index " + std::to_string(v) + " is out of bounds for dimension " + std::to_string(j) + " with size " +
                    std::to_string(size));
      if (v < 0) v += size;
      picked[i] += v * strides[indexed[j]];
    }
  }

  // Adjacent indexed dims: B replaces them in place; separated ones: B goes first.
  const bool adjacent = indexed.back() - indexed.front() + 1 == static_cast<int64_t>(indexed.size());
  std::vector<int64_t> before, after;
  for (int64_t d : whole) (adjacent && d < indexed.front() ? before : after).push_back(d);
  IndexPlan plan;
  for (int64_t d : before) plan.shape.push_back(a.shape()[d]);
  plan.shape.insert(plan.shape.end(), b.begin(), b.end());
  for (int64_t d : after) plan.shape.push_back(a.shape()[d]);
  const std::vector<int64_t> pre = window_offsets(a.shape(), strides, before);
  const std::vector<int64_t> post = window_offsets(a.shape(), strides, after);
  plan.offsets.reserve(pre.size() * nb * post.size());
  for (int64_t p : pre)
    for (int64_t k : picked)
      for (int64_t q : post) plan.offsets.push_back(p + k + q);
  return plan;
}

bool broadcasts_to(const Shape& from, const Shape& to) {
  if (from.size() > to.size()) return false;
  for (size_t i = 1; i <= from.size(); ++i)
    if (from[from.size() - i] != 1 && from[from.size() - i] != to[to.size() - i]) return false;
  return true;
}


// d a[idx] / da (and index_select's, gather's): the gradient added back where each element came from.
Grads index_backward(const Node& n, const Tensor& g) {
  return {put_elements(zeros_of(n.inputs[0].shape, g.dtype(), g.device()), n.ints, g, true)};
}

// d (a[idx] = v) / da: g with the overwritten elements zeroed; / dv: g at those elements.
Grads index_put_backward(const Node& n, const Tensor& g) {
  const Shape picked_shape(n.ints.end() - static_cast<int64_t>(n.a), n.ints.end());
  const std::vector<int64_t> offsets(n.ints.begin(), n.ints.end() - static_cast<int64_t>(n.a));
  Tensor ga, gv;
  if (n.needs_input_grad(0)) ga = put_elements(g, offsets, zeros_of(picked_shape, g.dtype(), g.device()), false);
  if (n.needs_input_grad(1)) gv = take_elements(g, offsets, picked_shape);  // the engine sums it to v's shape
  return {ga, gv};
}

// ---- gather / scatter: one position of `a` per element of the index ---------------------------
// Where each element p of `index` (row-major) points: its offset in `a` with coordinate `dim`
// replaced by index[p], and its own offset in `src` (scatter's src may be larger than the index).
struct ScatterPlan {
  std::vector<int64_t> self_offsets, src_offsets;
};

ScatterPlan plan_scatter(const Shape& self_shape, int64_t dim, const Tensor& index, const Shape& src_shape) {
  const Shape& shape = index.shape();
  const std::vector<int64_t> values = index.to_int64s();
  const std::vector<int64_t> self_strides = contiguous_strides(self_shape), src_strides = contiguous_strides(src_shape);
  ScatterPlan plan;
  plan.self_offsets.reserve(values.size());
  plan.src_offsets.reserve(values.size());
  std::vector<int64_t> coord(shape.size(), 0);
  for (size_t i = 0; i < values.size(); ++i) {
    const int64_t size = self_shape.empty() ? 1 : self_shape[dim];
    const int64_t v = values[i];
    if (v < 0 || v >= size)
      runtime_error("index " + std::to_string(v) + " is out of bounds for dimension " + std::to_string(dim) + " with size " +
                    std::to_string(size));
    int64_t self_off = 0, src_off = 0;
    for (size_t d = 0; d < shape.size(); ++d) {
      self_off += (static_cast<int64_t>(d) == dim ? v : coord[d]) * self_strides[d];
      src_off += coord[d] * src_strides[d];
    }
    plan.self_offsets.push_back(self_off);
    plan.src_offsets.push_back(src_off);
    for (size_t d = shape.size(); d-- > 0;) {  // the next position, row-major
      if (++coord[d] < shape[d]) break;
      coord[d] = 0;
    }
  }
  return plan;
}

void check_index_dtype(const Tensor& index, const char* op) {
  if (index.dtype() != DType::Int64) runtime_error(std::string(op) + "(): Expected dtype int64 for index");
}

// PyTorch's shape rules: the index has a's rank, and fits inside a (and src) but along `dim`.
void check_scatter_shapes(const Tensor& a, int64_t dim, const Tensor& index, const Tensor* src) {
  if (index.dim() != a.dim()) runtime_error("Index tensor must have the same number of dimensions as self tensor");
  for (int64_t d = 0; d < a.dim(); ++d) {
    const bool over_self = d != dim && index.shape()[d] > a.shape()[d];
    const bool over_src = src && index.shape()[d] > src->shape()[d];
    if (over_self || over_src)
      runtime_error("Expected index " + shape_str(index.shape()) + " to be smaller than self " + shape_str(a.shape()) +
                    " apart from dimension " + std::to_string(dim) +
                    (src ? " and to be smaller size than src " + shape_str(src->shape()) : std::string()));
  }
}

// The offsets packed in a node's ints: self's, then (when `with_src`) src's, n.a telling how many each.
void save_scatter_plan(Node* n, ScatterPlan& plan, bool with_src) {
  n->a = static_cast<double>(plan.self_offsets.size());
  n->ints = std::move(plan.self_offsets);
  if (with_src) n->ints.insert(n->ints.end(), plan.src_offsets.begin(), plan.src_offsets.end());
}
std::vector<int64_t> saved_self_offsets(const Node& n) {
  return std::vector<int64_t>(n.ints.begin(), n.ints.begin() + static_cast<int64_t>(n.a));
}
std::vector<int64_t> saved_src_offsets(const Node& n) {
  return std::vector<int64_t>(n.ints.begin() + static_cast<int64_t>(n.a), n.ints.end());
}

// The gradient of src: g's elements at the scattered positions, put where they came from in src.
Tensor scatter_src_grad(const Node& n, const Tensor& g) {
  const std::vector<int64_t> self_offsets = saved_self_offsets(n);
  Tensor picked = take_elements(g, self_offsets, {static_cast<int64_t>(self_offsets.size())});
  return put_elements(zeros_of(n.inputs[1].shape, g.dtype(), g.device()), saved_src_offsets(n), picked, false);
}

// d scatter / d a: g with the overwritten positions zeroed.
Tensor scatter_self_grad(const Node& n, const Tensor& g) {
  const std::vector<int64_t> offsets = saved_self_offsets(n);
  return put_elements(g, offsets, zeros_of({static_cast<int64_t>(offsets.size())}, g.dtype(), g.device()), false);
}

enum class ScatterKind { Write, Add };

Tensor scatter_tensor(const Tensor& a, int64_t dim_in, const Tensor& index, const Tensor& src, ScatterKind kind) {
  const char* name = kind == ScatterKind::Add ? "scatter_add" : "scatter";
  const int64_t dim = wrap_dim(dim_in, a.dim());
  check_index_dtype(index, name);
  if (src.dtype() != a.dtype()) runtime_error(std::string(name) + "(): Expected self.dtype to be equal to src.dtype");
  check_scatter_shapes(a, dim, index, &src);
  ScatterPlan plan = plan_scatter(a.shape(), dim, index, src.shape());
  Tensor values = take_elements(src, plan.src_offsets, {static_cast<int64_t>(plan.src_offsets.size())});
  Tensor out = put_elements(a, plan.self_offsets, values, kind == ScatterKind::Add);
  const OpId op = kind == ScatterKind::Add ? OpId::ScatterAdd : OpId::Scatter;
  BackwardFn backward = [](const Node& n, const Tensor& g) -> Grads {  // scatter: a's written positions get none
    return {n.needs_input_grad(0) ? scatter_self_grad(n, g) : Tensor(), n.needs_input_grad(1) ? scatter_src_grad(n, g) : Tensor()};
  };
  if (kind == ScatterKind::Add)
    backward = [](const Node& n, const Tensor& g) -> Grads {
      return {n.needs_input_grad(0) ? g : Tensor(), n.needs_input_grad(1) ? scatter_src_grad(n, g) : Tensor()};
    };
  if (Node* n = record_op(op, backward, out, {&a, &src})) save_scatter_plan(n, plan, true);
  return out;
}

Tensor& in_place(Tensor& a, const Tensor* other, const std::function<Tensor(const Tensor&)>& op) {
  check_inplace_allowed(a);
  Tensor input = needs_history(a, other) ? self_as_input(a, false) : a;
  return assign_result(a, op(input));
}

}  // namespace

namespace {
// a's elements at `offsets`, shaped `shape`, recorded as a[idx] (IndexBackward0).
Tensor index_elements(const Tensor& a, std::vector<int64_t> offsets, const Shape& shape) {
  Tensor out = take_elements(a, offsets, shape);
  if (Node* n = record_op(OpId::Index, index_backward, out, {&a})) n->ints = std::move(offsets);
  return out;
}
}  // namespace

Tensor index(const Tensor& a, const std::vector<Tensor>& indices) {
  IndexPlan plan = plan_index(a, indices);
  return index_elements(a, std::move(plan.offsets), plan.shape);
}

// a[idx]'s and a[mask]'s gradient as an op, _index_put_impl_ with accumulate (grad_ops.h): g
// added into zeros at the elements' offsets (a mask's rows give theirs); its own gradient reads
// them back (IndexBackward0).
Grads index_backward_op(const Node& n, const Tensor& g) {
  const Shape& in_shape = n.inputs[0].shape;
  std::vector<int64_t> offsets = n.ints;
  if (n.op == OpId::IndexMask) {  // ints: the selected rows' positions over the mask's n.a dims
    const int64_t mask_dims = static_cast<int64_t>(n.a);
    const int64_t row = shape_numel(Shape(in_shape.begin() + mask_dims, in_shape.end()));
    offsets.clear();
    for (int64_t p : n.ints)
      for (int64_t j = 0; j < row; ++j) offsets.push_back(p * row + j);
  }
  Tensor zeros = zeros_of(in_shape, g.dtype(), g.device());  // an input of its own, as in PyTorch's node
  Tensor out = put_elements(zeros, offsets, g, true);
  if (Node* grad_node = record_op(OpId::IndexGrad, [](const Node& m, const Tensor& gg) -> Grads {
        return {Tensor(), index_elements(gg, m.ints, m.inputs[1].shape)};
      }, out, {&zeros, &g}))
    grad_node->ints = std::move(offsets);
  return {out};
}

Tensor& index_put_(Tensor& a, const std::vector<Tensor>& indices, const Tensor& value) {
  if (value.dtype() != a.dtype())
    runtime_error(std::string("Index put requires the source and destination dtypes match, got ") + dtype_scalar_name(a.dtype()) +
                  " for the destination and " + dtype_scalar_name(value.dtype()) + " for the source.");
  prim::check_same_device(a, value);
  IndexPlan plan = plan_index(a, indices);
  if (!broadcasts_to(value.shape(), plan.shape))
    runtime_error("shape mismatch: value tensor of shape " + shape_str(value.shape()) +
                  " cannot be broadcast to indexing result of shape " + shape_str(plan.shape));
  check_inplace_allowed(a);
  Tensor input = needs_history(a, &value) ? self_as_input(a, false) : a;
  Tensor out = put_elements(input, plan.offsets, prim::expand(value, plan.shape).contiguous_clone(), false);
  if (Node* n = record_op(OpId::IndexPutTensors, index_put_backward, out, {&input, &value})) {
    // The offsets, then the indexed shape (its length in `a`).
    n->ints = std::move(plan.offsets);
    n->ints.insert(n->ints.end(), plan.shape.begin(), plan.shape.end());
    n->a = static_cast<double>(plan.shape.size());
  }
  return assign_result(a, out);
}

Tensor index_select(const Tensor& a, int64_t dim_in, const Tensor& index) {
  const int64_t dim = wrap_dim(dim_in, a.dim());
  if (index.dtype() != DType::Int64) runtime_error("index_select(): Expected dtype int32 or int64 for index");
  if (index.dim() > 1) index_error("index_select(): Index is supposed to be a vector");
  if (a.dim() == 0) not_supported("index_select on a 0-d tensor");
  for (int64_t v : index.to_int64s())
    if (v < 0 || v >= a.shape()[dim])
      runtime_error("INDICES element is out of DATA bounds, id=" + std::to_string(v) + " axis_dim=" + std::to_string(a.shape()[dim]));
  std::vector<Tensor> indices(static_cast<size_t>(dim));
  indices.push_back(index.dim() == 0 ? prim::alias(index, {1}) : index);
  IndexPlan plan = plan_index(a, indices);
  Tensor out = take_elements(a, plan.offsets, plan.shape);
  if (Node* n = record_op(OpId::IndexSelect, index_backward, out, {&a})) n->ints = std::move(plan.offsets);
  return out;
}

Tensor gather(const Tensor& a, int64_t dim_in, const Tensor& index) {
  const int64_t dim = wrap_dim(dim_in, a.dim());
  check_index_dtype(index, "gather");
  if (index.dim() != a.dim()) runtime_error("Index tensor must have the same number of dimensions as input tensor");
  for (int64_t d = 0; d < a.dim(); ++d)
    if (d != dim && index.shape()[d] > a.shape()[d])
      runtime_error("Size does not match at dimension " + std::to_string(d) + " expected index " + shape_str(index.shape()) +
                    " to be smaller than self " + shape_str(a.shape()) + " apart from dimension " + std::to_string(dim));
  ScatterPlan plan = plan_scatter(a.shape(), dim, index, index.shape());
  Tensor out = take_elements(a, plan.self_offsets, index.shape());
  if (Node* n = record_op(OpId::Gather, index_backward, out, {&a})) n->ints = std::move(plan.self_offsets);
  return out;
}

Tensor scatter(const Tensor& a, int64_t dim, const Tensor& index, const Tensor& src) {
  return scatter_tensor(a, dim, index, src, ScatterKind::Write);
}

Tensor scatter_add(const Tensor& a, int64_t dim, const Tensor& index, const Tensor& src) {
  return scatter_tensor(a, dim, index, src, ScatterKind::Add);
}

Tensor scatter(const Tensor& a, int64_t dim_in, const Tensor& index, Scalar value) {
  const int64_t dim = wrap_dim(dim_in, a.dim());
  check_index_dtype(index, "scatter");
  check_scatter_shapes(a, dim, index, nullptr);
  ScatterPlan plan = plan_scatter(a.shape(), dim, index, index.shape());
  Tensor values = prim::expand(prim::scalar(value.value, a.dtype(), a.device()), {static_cast<int64_t>(plan.self_offsets.size())});
  Tensor out = put_elements(a, plan.self_offsets, values.contiguous_clone(), false);
  if (Node* n = record_op(OpId::ScatterValue, [](const Node& n, const Tensor& g) -> Grads { return {scatter_self_grad(n, g)}; },
                          out, {&a}))
    save_scatter_plan(n, plan, false);
  return out;
}

Tensor& scatter_(Tensor& a, int64_t dim, const Tensor& index, const Tensor& src) {
  return in_place(a, &src, [&](const Tensor& self) { return scatter(self, dim, index, src); });
}
Tensor& scatter_(Tensor& a, int64_t dim, const Tensor& index, Scalar value) {
  return in_place(a, nullptr, [&](const Tensor& self) { return scatter(self, dim, index, value); });
}
Tensor& scatter_add_(Tensor& a, int64_t dim, const Tensor& index, const Tensor& src) {
  return in_place(a, &src, [&](const Tensor& self) { return scatter_add(self, dim, index, src); });
}

// ---- take / index_add ------------------------------------------------------------------------

Tensor take(const Tensor& a, const Tensor& index) {
  if (index.dtype() != DType::Int64)
    runtime_error(std::string("take(): Expected a long tensor for index, but got ") + dtype_scalar_name(index.dtype()));
  std::vector<int64_t> offsets = index.to_int64s();
  if (a.numel() == 0 && !offsets.empty()) index_error("take(): tried to take from an empty tensor");
  for (int64_t& o : offsets) {
    if (o < -a.numel() || o >= a.numel())
      index_error("out of range: tried to access index " + std::to_string(o) + " on a tensor of " + std::to_string(a.numel()) +
                  " elements.");
    if (o < 0) o += a.numel();
  }
  Tensor out = take_elements(a, offsets, index.shape());
  if (Node* n = record_op(OpId::Take, index_backward, out, {&a})) n->ints = std::move(offsets);
  return out;
}

namespace {
// Where index_add adds: for slice j of `source` along `dim`, the offsets of its elements in
// `source` and in `a` (slice index[j]), slice by slice in index order, each row-major.
ScatterPlan plan_index_add(const Tensor& a, int64_t dim, const std::vector<int64_t>& index, const Shape& source_shape) {
  const DimSplit in_a = split_at(a.shape(), dim), in_source = split_at(source_shape, dim);
  ScatterPlan plan;
  for (size_t j = 0; j < index.size(); ++j)
    for (int64_t o = 0; o < in_a.outer; ++o)
      for (int64_t i = 0; i < in_a.inner; ++i) {
        plan.self_offsets.push_back((o * in_a.dim_size + index[j]) * in_a.inner + i);
        plan.src_offsets.push_back((o * in_source.dim_size + static_cast<int64_t>(j)) * in_source.inner + i);
      }
  return plan;
}

void check_index_add(const Tensor& a, int64_t dim, const Tensor& index, const Tensor& source) {
  if (index.dim() > 1)
    index_error("index_add_(): Index is supposed to be a vector, but got dim: " + std::to_string(index.dim()) + " with type: " +
                dtype_scalar_name(index.dtype()) + " and size: " + shape_str(index.shape()));
  if (index.dtype() != DType::Int64 && index.dtype() != DType::Int32)
    runtime_error(std::string("index_add_(): Expected dtype int32/int64 for index but got: ") + dtype_scalar_name(index.dtype()));
  if (a.dtype() != source.dtype())
    runtime_error(std::string("index_add_(): self (") + dtype_scalar_name(a.dtype()) + ") and source (" +
                  dtype_scalar_name(source.dtype()) + ") must have the same scalar type");
  const int64_t source_len = source.dim() == 0 ? 1 : source.shape()[dim];
  if (index.numel() != source_len)
    runtime_error("index_add_(): Number of indices (" + std::to_string(index.numel()) + ") should be equal to source.size(dim): (" +
                  std::to_string(source_len) + "), for dim: " + std::to_string(dim));
  if (a.dim() > 1 && (source.dim() != a.dim() || keepdim_shape(source.shape(), {dim}) != keepdim_shape(a.shape(), {dim})))
    not_supported("index_add with a source whose other dims differ from self's");
  if (a.dim() <= 1 && source.dim() > 1) not_supported("index_add of a multi-dimensional source into a vector");
  if (is_narrow(a.dtype()) || a.dtype() == DType::Bool) not_supported(std::string("index_add on ") + dtype_name(a.dtype()) + " tensors");
}
}  // namespace

// ATen adds slice by slice in index order. With alpha ≠ 1 its vector add kernel rounds
// a + alpha·s once (fmadd) for a self of two or more dims; a vector's loop rounds alpha·s first.
Tensor index_add(const Tensor& a, int64_t dim_in, const Tensor& index, const Tensor& source, Scalar alpha) {
  const int64_t dim = wrap_dim(dim_in, a.dim());
  check_index_add(a, dim, index, source);
  std::vector<int64_t> targets = index.to_int64s();
  const int64_t len = a.dim() == 0 ? 1 : a.shape()[dim];
  for (int64_t t : targets)
    if (t < 0 || t >= len) index_error("index out of range in self");
  const ScatterPlan plan = plan_index_add(a, dim, targets, source.dim() == 0 ? Shape{1} : source.shape());
  const bool fused = a.dim() > 1 && alpha.value != 1;
  Tensor out = dispatch_dtype(a.dtype(), [&](auto zero) {
    using T = decltype(zero);
    std::vector<T> acc = host_values<T>(a);
    const std::vector<T> src = host_values<T>(source);
    // an integer self takes alpha as its own type (2.5 adds twice the source)
    const T scale = is_floating(a.dtype()) ? static_cast<T>(alpha.value) : static_cast<T>(alpha.is_integral ? alpha.int_value : static_cast<int64_t>(alpha.value));
    for (size_t k = 0; k < plan.self_offsets.size(); ++k) {
      T& x = acc[static_cast<size_t>(plan.self_offsets[k])];
      const T s = src[static_cast<size_t>(plan.src_offsets[k])];
      if constexpr (std::is_floating_point_v<T>) x = fused ? std::fma(scale, s, x) : x + scale * s;
      else x = static_cast<T>(x + scale * s);
    }
    return from_host(acc, a.shape(), a.dtype(), a.device());
  });
  if (Node* n = record_op(OpId::IndexAdd, [](const Node& n, const Tensor& g) -> Grads {
        Tensor gs;
        if (n.needs_input_grad(1)) {  // alpha · g's slices at the index, shaped as source
          gs = scatter_src_grad(n, g);
          if (n.b != 1) gs = mul_scalar(gs, n.b);
        }
        return {n.needs_input_grad(0) ? g : Tensor(), gs};
      }, out, {&a, &source})) {
    ScatterPlan saved_plan = plan;
    save_scatter_plan(n, saved_plan, true);
    n->b = alpha.value;
  }
  return out;
}

Tensor& index_add_(Tensor& a, int64_t dim, const Tensor& index, const Tensor& source, Scalar alpha) {
  return in_place(a, &source, [&](const Tensor& self) { return index_add(self, dim, index, source, alpha); });
}

Tensor one_hot(const Tensor& classes, int64_t num_classes) {
  if (classes.dtype() != DType::Int64) runtime_error("one_hot is only applicable to index tensor.");
  const std::vector<int64_t> values = classes.to_int64s();
  if (num_classes == -1) {
    if (values.empty()) runtime_error("Can not infer total number of classes from empty tensor.");
    num_classes = *std::max_element(values.begin(), values.end()) + 1;
  }
  if (!values.empty()) {
    if (*std::min_element(values.begin(), values.end()) < 0) runtime_error("Class values must be non-negative.");
    if (*std::max_element(values.begin(), values.end()) >= num_classes)
      runtime_error("Class values must be smaller than num_classes.");
  }
  std::vector<int64_t> hot(values.size() * static_cast<size_t>(num_classes), 0);
  for (size_t i = 0; i < values.size(); ++i) hot[i * static_cast<size_t>(num_classes) + static_cast<size_t>(values[i])] = 1;
  Shape shape = classes.shape();
  shape.push_back(num_classes);
  std::vector<unsigned char> bytes(hot.size() * sizeof(int64_t));
  if (!bytes.empty()) std::memcpy(bytes.data(), hot.data(), bytes.size());
  return from_host_bytes(bytes, shape, DType::Int64, classes.device());
}

}  // namespace gradlab
