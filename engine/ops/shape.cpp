// Shape ops: transpose, reshape/view, squeeze/unsqueeze, expand, permute, indexing, clone.
// Outputs are contiguous copies or aliases (see TensorImpl::noncontiguous); each backward
// maps the gradient back to the input's layout.
#include <algorithm>
#include <numeric>

#include "engine/ops/grad_ops.h"
#include "engine/ops/movement.h"
#include "engine/ops/op_helpers.h"
#include "engine/ops/rearrange.h"

namespace gradlab {
using namespace ops;

namespace {

// Materialises `a` with its dims permuted.
std::vector<int64_t> permuted_strides(const Shape& shape, const std::vector<int64_t>& perm) {
  std::vector<int64_t> in_strides = contiguous_strides(shape);
  std::vector<int64_t> strides(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) strides[i] = in_strides[perm[i]];
  return strides;
}

Tensor permuted_copy(const Tensor& a, const std::vector<int64_t>& perm) {
  Shape shape(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) shape[i] = a.shape()[perm[i]];
  return prim::gather_view(a, shape, permuted_strides(a.shape(), perm), 0);
}

// transpose/permute's result: a copy standing for PyTorch's view (Note [Views are copies]).
Tensor permuted_view(const Tensor& a, const std::vector<int64_t>& perm) {
  Tensor out = permuted_copy(a, perm);
  make_view_copy(out, a, permuted_strides(a.shape(), perm), 0);
  return out;
}

std::vector<int64_t> inverse_permutation(const std::vector<int64_t>& perm) {
  std::vector<int64_t> inv(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) inv[perm[i]] = static_cast<int64_t>(i);
  return inv;
}

// Note [Gradient layout]: PyTorch's view-like backwards (view, reshape, squeeze, transpose,
// permute) return views of the gradient: a stride-0 gradient (SumBackward's expand) stays
// non-contiguous through them, and dims reordered by a transpose or permute make it so.
// batch_norm's backward takes another path for such a gradient (ops/norm.cpp), so gradlab's
// copies carry the mark. `reorders`: the result's dims of size > 1 come from g out of order.
Tensor with_grad_layout(Tensor r, const Tensor& g, bool reorders) {
  if ((g.impl()->noncontiguous || reorders) && r.numel() > 1) r.impl()->noncontiguous = true;
  return r;
}

// The gradient permuted back: result dim i is g's dim perm[i].
Tensor permuted_grad(const Tensor& g, const std::vector<int64_t>& perm) {
  Tensor r = permuted_copy(g, perm);
  int64_t last = -1;
  bool reorders = false;
  for (size_t i = 0; i < perm.size(); ++i) {
    if (r.shape()[i] == 1) continue;
    reorders = reorders || perm[i] < last;
    last = perm[i];
  }
  return with_grad_layout(r, g, reorders);
}

// An alias with a new shape whose backward is the reverse reshape (view, reshape, squeeze...).
Tensor reshape_alias(OpId id, const Tensor& a, const Shape& shape) {
  Tensor out = prim::alias(a, shape);
  record_op(id, [](const Node& n, const Tensor& g) -> Grads {
    return {with_grad_layout(prim::alias(g, n.inputs[0].shape), g, false)};
  }, out, {&a});
  return out;
}

// Resolves a single -1 and checks the element count, with PyTorch's messages.
Shape infer_shape(const Shape& requested, int64_t numel) {
  Shape shape = requested;
  int64_t known = 1, infer_at = -1;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == -1) {
      if (infer_at >= 0) runtime_error("only one dimension can be inferred");
      infer_at = static_cast<int64_t>(i);
    } else if (shape[i] < 0) {
      runtime_error("invalid shape dimension " + std::to_string(shape[i]));
    } else {
      known *= shape[i];
    }
  }
  if (infer_at >= 0) {
    if (known == 0 || numel % known != 0) runtime_error("shape '" + shape_str(requested) + "' is invalid for input of size " + std::to_string(numel));
    shape[infer_at] = numel / known;
  }
  if (shape_numel(shape) != numel) {
    runtime_error("shape '" + shape_str(requested) + "' is invalid for input of size " + std::to_string(numel));
  }
  return shape;
}

Tensor transposed(OpId id, const Tensor& a, int64_t d0, int64_t d1) {
  std::vector<int64_t> perm(a.dim());
  std::iota(perm.begin(), perm.end(), 0);
  if (d0 != d1) std::swap(perm[d0], perm[d1]);
  Tensor out = permuted_view(a, perm);
  out.impl()->noncontiguous = d0 != d1 && a.numel() > 1;
  out.impl()->column_major = a.dim() == 2 && d0 != d1 && !a.impl()->noncontiguous;
  if (Node* n = record_op(id, [](const Node& n, const Tensor& g) -> Grads {
        std::vector<int64_t> perm(g.dim());
        std::iota(perm.begin(), perm.end(), 0);
        if (n.ints[0] != n.ints[1]) std::swap(perm[n.ints[0]], perm[n.ints[1]]);
        return {permuted_grad(g, perm)};
      }, out, {&a})) {
    n->ints = {d0, d1};
  }
  return out;
}

}  // namespace

// tᵀ: the gradient is transposed back.
Tensor t(const Tensor& a) {
  if (a.dim() > 2) runtime_error("t() expects a tensor with <= 2 dimensions, but self is " + std::to_string(a.dim()) + "D");
  if (a.dim() < 2) return transposed(OpId::T, a, 0, 0);
  return transposed(OpId::T, a, 0, 1);
}

Tensor transpose(const Tensor& a, int64_t dim0, int64_t dim1) {
  int64_t r = std::max<int64_t>(a.dim(), 1);
  int64_t d0 = wrap_dim(dim0, r), d1 = wrap_dim(dim1, r);
  if (a.dim() == 0) d0 = d1 = 0;
  return transposed(OpId::Transpose, a, d0, d1);
}

Tensor permute(const Tensor& a, const std::vector<int64_t>& dims) {
  if (static_cast<int64_t>(dims.size()) != a.dim()) {
    runtime_error("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the "
                  "desired ordering of dimensions i.e. input.dim() = " + std::to_string(a.dim()) +
                  " is not equal to len(dims) = " + std::to_string(dims.size()));
  }
  std::vector<int64_t> perm;
  for (int64_t d : dims) perm.push_back(wrap_dim(d, a.dim()));
  Tensor out = permuted_view(a, perm);
  out.impl()->noncontiguous = !std::is_sorted(perm.begin(), perm.end());
  out.impl()->column_major = a.dim() == 2 && perm[0] == 1 && !a.impl()->noncontiguous;
  if (Node* n = record_op(OpId::Permute, [](const Node& n, const Tensor& g) -> Grads {
        return {permuted_grad(g, inverse_permutation(n.ints))};
      }, out, {&a})) {
    n->ints = perm;
  }
  return out;
}

Tensor view(const Tensor& a, const Shape& shape) {
  Shape s = infer_shape(shape, a.numel());
  if (a.impl()->noncontiguous && s != a.shape()) {
    runtime_error("view size is not compatible with input tensor's size and stride (at least one dimension spans "
                  "across two contiguous subspaces). Use .reshape(...) instead.");
  }
  return reshape_alias(OpId::View, a, s);
}

Tensor view_splitting_dims(const Tensor& a, const Shape& shape) {
  Tensor out = reshape_alias(OpId::View, a, shape);
  out.impl()->noncontiguous = a.impl()->noncontiguous && out.numel() > 1;
  return out;
}

// ATen's unflatten infers the sizes as view does and rewords the size mismatch. Of the other
// inference errors, the one ATen throws as a plain std::runtime_error (two -1s) is caught and
// shown under "unflatten got an unexpected error"; its checked errors pass through.
Tensor unflatten(const Tensor& a, int64_t dim, const std::vector<int64_t>& sizes) {
  const int64_t d = wrap_dim(dim, a.dim());
  if (a.dim() == 0) index_error("Dimension specified as 0 but tensor has no dimensions");
  const int64_t size = a.shape()[d];
  int64_t inferred_dims = 0, known = 1;
  for (int64_t s : sizes) {
    if (s == -1) ++inferred_dims;
    else if (s < 0) runtime_error("invalid shape dimension " + std::to_string(s));
    else known *= s;
  }
  if (inferred_dims > 1) runtime_error("unflatten got an unexpected error:\nonly one dimension can be inferred");
  if (inferred_dims == 1 && known == 0 && size == 0) {
    runtime_error("cannot reshape tensor of 0 elements into shape " + shape_str(sizes) +
                  " because the unspecified dimension size -1 can be any value and is ambiguous");
  }
  if (inferred_dims == 1 ? known == 0 || size % known != 0 : known != size) {
    runtime_error("unflatten: Provided sizes " + shape_str(sizes) + " don't multiply up to the size of dim " +
                  std::to_string(d) + " (" + std::to_string(size) + ") in the input tensor");
  }
  Shape shape = a.shape();
  shape.erase(shape.begin() + d);
  const Shape inferred = infer_shape(sizes, size);
  shape.insert(shape.begin() + d, inferred.begin(), inferred.end());
  return view_splitting_dims(a, shape);
}

Tensor reshape(const Tensor& a, const Shape& shape) {
  Shape s = infer_shape(shape, a.numel());
  // A strided input is copied first (CloneBackward0), then viewed (UnsafeViewBackward0).
  if (a.impl()->noncontiguous && s != a.shape()) return reshape_alias(OpId::UnsafeView, clone(a), s);
  return reshape_alias(OpId::Reshape, a, s);
}

Tensor flatten(const Tensor& a, int64_t start_dim, int64_t end_dim) {
  int64_t r = std::max<int64_t>(a.dim(), 1);
  int64_t s = wrap_dim(start_dim, r), e = wrap_dim(end_dim, r);
  if (s > e) runtime_error("flatten() has invalid args: start_dim cannot come after end_dim");
  if (a.dim() == 0) return reshape(a, {1});
  if (s == e) return a;  // PyTorch returns the input itself
  Shape shape(a.shape().begin(), a.shape().begin() + s);
  int64_t prod = 1;
  for (int64_t i = s; i <= e; ++i) prod *= a.shape()[i];
  shape.push_back(prod);
  shape.insert(shape.end(), a.shape().begin() + e + 1, a.shape().end());
  return reshape(a, shape);
}

Tensor unsqueeze(const Tensor& a, int64_t dim) {
  int64_t d = wrap_dim(dim, a.dim() + 1);
  Shape s = a.shape();
  s.insert(s.begin() + d, 1);
  return reshape_alias(OpId::Unsqueeze, a, s);
}

Tensor squeeze(const Tensor& a) {
  Shape s;
  for (int64_t d : a.shape())
    if (d != 1) s.push_back(d);
  return reshape_alias(OpId::Squeeze, a, s);
}

Tensor squeeze(const Tensor& a, int64_t dim) {
  int64_t d = wrap_dim(dim, a.dim());
  Shape s = a.shape();
  if (a.dim() > 0 && s[d] == 1) s.erase(s.begin() + d);
  return reshape_alias(OpId::SqueezeDim, a, s);
}

// Broadcast to a bigger shape; the engine sums the gradient back (Note [Broadcast grads]).
Tensor expand(const Tensor& a, const Shape& shape_in) {
  if (shape_in.size() < a.shape().size()) {
    runtime_error("expand(torch.FloatTensor{" + shape_str(a.shape()) + "}, size=" + shape_str(shape_in) +
                  "): the number of sizes provided (" + std::to_string(shape_in.size()) +
                  ") must be greater or equal to the number of dimensions in the tensor (" + std::to_string(a.dim()) + ")");
  }
  Shape shape = shape_in;
  size_t lead = shape.size() - a.shape().size();
  for (size_t i = 0; i < a.shape().size(); ++i) {
    int64_t want = shape[lead + i], have = a.shape()[i];
    if (want == -1) want = shape[lead + i] = have;
    if (want != have && have != 1) {
      runtime_error("The expanded size of the tensor (" + std::to_string(want) + ") must match the existing size (" +
                    std::to_string(have) + ") at non-singleton dimension " + std::to_string(lead + i) +
                    ".  Target sizes: " + shape_str(shape_in) + ".  Tensor sizes: " + shape_str(a.shape()));
    }
  }
  Tensor out = prim::expand(a, shape);
  if (out.is_same(a)) out = prim::alias(a, shape);
  else make_view_copy(out, a, broadcast_strides(a.shape(), shape), 0);  // Note [Views are copies]
  out.impl()->noncontiguous = shape_numel(shape) != a.numel();
  record_op(OpId::Expand, [](const Node&, const Tensor& g) -> Grads { return {g}; }, out, {&a});
  return out;
}

// Indexing writes the gradient into a zero tensor at the indexed window.
namespace {
// The window of a Select/Slice node, or of its gradient's node: ints hold the offset, then
// (size, stride) per output dim.
StridedView saved_window(const Node& n) {
  StridedView window;
  window.offset = n.ints[0];
  for (size_t i = 1; i + 1 < n.ints.size(); i += 2) {
    window.shape.push_back(n.ints[i]);
    window.strides.push_back(n.ints[i + 1]);
  }
  return window;
}

Tensor scatter_window(const Tensor& g, const Shape& in, const StridedView& window) {
  Tensor grad = zeros(in, TensorOptions{g.dtype(), g.device(), false});
  grad.storage().backend->strided_write(g.dtype(), g.data(), grad.mutable_data(), window);
  return grad;
}

Grads scatter_window_backward(const Node& n, const Tensor& g) { return {scatter_window(g, n.inputs[0].shape, saved_window(n))}; }

Tensor window_op(OpId id, const Tensor& a, const Shape& shape, const std::vector<int64_t>& strides, int64_t offset);

// select_backward / slice_backward's own gradient: the window read back (select / slice).
Grads window_grad_backward(const Node& n, const Tensor& g) {
  const StridedView w = saved_window(n);
  return {window_op(n.op == OpId::SelectGrad ? OpId::Select : OpId::Slice, g, w.shape, w.strides, w.offset)};
}

// Whether a select or slice of `a` is a non-contiguous view in PyTorch: `of_contiguous` tells it
// for a contiguous `a`; a window into a non-contiguous view (x.t()[1:]) asks the view's strides.
bool window_noncontiguous(const Tensor& out, const Tensor& a, bool of_contiguous) {
  if (!a.impl()->noncontiguous || !out.impl()->view_copy) return of_contiguous;
  return !pytorch_view_contiguous(*out.impl()->view_copy, out.shape());
}

Tensor window_op(OpId id, const Tensor& a, const Shape& shape, const std::vector<int64_t>& strides, int64_t offset) {
  Tensor out = prim::gather_view(a, shape, strides, offset);
  make_view_copy(out, a, strides, offset);  // Note [Views are copies]
  if (Node* n = record_op(id, scatter_window_backward, out, {&a})) {
    n->ints.push_back(offset);
    for (size_t i = 0; i < shape.size(); ++i) {
      n->ints.push_back(shape[i]);
      n->ints.push_back(strides[i]);
    }
  }
  return out;
}
}  // namespace

Tensor select(const Tensor& a, int64_t dim, int64_t index) {
  if (a.dim() == 0) {
    index_error("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to "
                "convert a 0-dim tensor to a number");
  }
  int64_t d = wrap_dim(dim, a.dim());
  int64_t size = a.shape()[d];
  if (index < -size || index >= size) {
    index_error("index " + std::to_string(index) + " is out of bounds for dimension " + std::to_string(d) +
                " with size " + std::to_string(size));
  }
  if (index < 0) index += size;
  std::vector<int64_t> st = contiguous_strides(a.shape());
  Shape shape = a.shape();
  shape.erase(shape.begin() + d);
  std::vector<int64_t> strides = st;
  int64_t offset = index * st[d];
  strides.erase(strides.begin() + d);
  Tensor out = window_op(OpId::Select, a, shape, strides, offset);
  out.impl()->noncontiguous = window_noncontiguous(out, a, d > 0 && a.numel() > 1 && shape_numel(shape) > 1);
  return out;
}

Tensor slice(const Tensor& a, int64_t dim, std::optional<int64_t> start_in, std::optional<int64_t> end_in, int64_t step) {
  if (a.dim() == 0) index_error("slice() cannot be applied to a 0-dim tensor.");
  if (step <= 0) value_error("step must be greater than zero");
  int64_t d = wrap_dim(dim, a.dim());
  int64_t size = a.shape()[d];
  // Python slice clamping.
  auto clamp_index = [&](std::optional<int64_t> v, int64_t dflt) {
    if (!v) return dflt;
    int64_t i = *v < 0 ? *v + size : *v;
    return std::clamp<int64_t>(i, 0, size);
  };
  int64_t start = clamp_index(start_in, 0), end = clamp_index(end_in, size);
  int64_t len = end > start ? (end - start + step - 1) / step : 0;
  std::vector<int64_t> st = contiguous_strides(a.shape());
  Shape shape = a.shape();
  shape[d] = len;
  std::vector<int64_t> strides = st;
  strides[d] = st[d] * step;
  Tensor out = window_op(OpId::Slice, a, shape, strides, start * st[d]);
  out.impl()->noncontiguous = window_noncontiguous(out, a, (step != 1 || d > 0) && len != size && shape_numel(shape) > 1);
  return out;
}

// select_backward / slice_backward (SelectBackwardBackward0, SliceBackwardBackward0), see grad_ops.h.
Grads window_backward_op(const Node& n, const Tensor& g) {
  Tensor out = scatter_window(g, n.inputs[0].shape, saved_window(n));
  if (Node* grad_node = record_op(n.op == OpId::Select ? OpId::SelectGrad : OpId::SliceGrad, window_grad_backward, out, {&g}))
    grad_node->ints = n.ints;
  return {out};
}

// The window of elements (i, i + offset) of dims dim1 and dim2: the other dims in order, then
// the diagonal, whose stride is the sum of the two (a view in PyTorch).
Tensor diagonal(const Tensor& a, int64_t offset, int64_t dim1_in, int64_t dim2_in) {
  const int64_t dim1 = wrap_dim(dim1_in, a.dim()), dim2 = wrap_dim(dim2_in, a.dim());
  if (dim1 == dim2)
    runtime_error("diagonal dimensions cannot be identical " + std::to_string(dim1_in) + ", " + std::to_string(dim2_in));
  const std::vector<int64_t> st = contiguous_strides(a.shape());
  const int64_t rows = a.shape()[dim1], cols = a.shape()[dim2];
  const int64_t len = std::max<int64_t>(0, offset >= 0 ? std::min(rows, cols - offset) : std::min(rows + offset, cols));
  Shape shape;
  std::vector<int64_t> strides;
  for (int64_t d = 0; d < a.dim(); ++d)
    if (d != dim1 && d != dim2) {
      shape.push_back(a.shape()[d]);
      strides.push_back(st[d]);
    }
  shape.push_back(len);
  strides.push_back(st[dim1] + st[dim2]);
  const int64_t start = len == 0 ? 0 : offset >= 0 ? offset * st[dim2] : -offset * st[dim1];
  Tensor out = window_op(OpId::Diagonal, a, shape, strides, start);
  // PyTorch's contiguity: the strides of the dims longer than one are the row-major ones
  int64_t expected = 1;
  bool contiguous = true;
  for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
    if (shape[d] == 1) continue;
    contiguous = contiguous && strides[d] == expected;
    expected *= shape[d];
  }
  out.impl()->noncontiguous = window_noncontiguous(out, a, !contiguous && shape_numel(shape) > 1);
  return out;
}

// d clone(x)/dx = 1
Tensor clone(const Tensor& a) {
  Tensor out = a.contiguous_clone();
  record_op(OpId::Clone, [](const Node&, const Tensor& g) -> Grads { return {g}; }, out, {&a});
  return out;
}

}  // namespace gradlab
