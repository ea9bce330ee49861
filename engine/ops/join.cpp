// See join.h. The output is allocated once and each input written into its window with the
// backend's strided_write, so any dtype and device works.
//
// cat and stack take any number of inputs, more than an op-table node holds, so their nodes are
// variadic ones (autograd/custom_node.h) named as PyTorch names them: CatBackward0 and
// StackBackward0. Their backward cuts the gradient back into the inputs' windows.
#include "engine/ops/join.h"

#include <algorithm>
#include <memory>

#include "engine/autograd/custom_node.h"
#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {
// The node of cat (each input a window of `dim`) and stack (each input one index of `dim`).
struct JoinBackward final : CustomBackward {
  int64_t dim = 0;
  bool stacked = false;
  std::vector<int64_t> starts;  // where each input begins along `dim` of the output

  std::vector<Tensor> apply(std::vector<Tensor> grads) override {
    std::vector<Tensor> out(inputs.size());
    if (grads.empty() || !grads[0].defined()) return out;
    const Tensor& g = grads[0];
    const std::vector<int64_t> g_strides = contiguous_strides(g.shape());
    std::vector<int64_t> strides = g_strides;
    if (stacked) strides.erase(strides.begin() + dim);  // the input lacks the stacked dim
    for (size_t i = 0; i < inputs.size(); ++i) {
      if (!edges[i].node) continue;
      const Shape& shape = inputs[i].shape;
      const bool skipped = !stacked && static_cast<int64_t>(shape.size()) != g.dim();  // a legacy empty [0] input
      out[i] = skipped ? prim::empty(shape, g.dtype(), g.device())
                       : prim::gather_view(g, shape, strides, starts[i] * g_strides[dim]);
    }
    return out;
  }

  // cat's gradient as PyTorch records it: each input's window sliced out of the gradient
  // (SliceBackward0), or selected for stack (SelectBackward0).
  std::vector<Tensor> apply_recorded(std::vector<Tensor> grads) override {
    std::vector<Tensor> out(inputs.size());
    if (grads.empty() || !grads[0].defined()) return out;
    const Tensor& g = grads[0];
    for (size_t i = 0; i < inputs.size(); ++i) {
      if (!edges[i].node) continue;
      const Shape& shape = inputs[i].shape;
      if (stacked) out[i] = select(g, dim, starts[i]);
      else if (static_cast<int64_t>(shape.size()) != g.dim()) out[i] = prim::empty(shape, g.dtype(), g.device());
      else out[i] = slice(g, dim, starts[i], starts[i] + shape[static_cast<size_t>(dim)], 1);
    }
    return out;
  }
};

// Records the join's node when any input requires grad (with grad mode on).
void record_join(Tensor& out, const std::vector<Tensor>& ts, const char* name, int64_t dim, bool stacked,
                 std::vector<int64_t> starts) {
  if (!grad_mode_enabled() || std::none_of(ts.begin(), ts.end(), [](const Tensor& t) { return t.requires_grad(); }))
    return;
  auto node = std::make_unique<JoinBackward>();
  node->name = name;
  node->dim = dim;
  node->stacked = stacked;
  node->starts = std::move(starts);
  for (const Tensor& t : ts) {
    node->edges.push_back(gradient_edge(t));
    node->inputs.push_back(InputMeta{t.shape(), t.dtype(), t.device()});
  }
  node->outputs.push_back(InputMeta{out.shape(), out.dtype(), out.device()});
  node->output_impls.resize(1);
  attach_custom_output(make_custom_node(std::move(node)), out, 0);
}

std::string sizes_str(const Shape& s) {
  std::string out = "[";
  for (size_t i = 0; i < s.size(); ++i) out += (i ? ", " : "") + std::to_string(s[i]);
  return out + "]";
}
}  // namespace

Tensor cat(const std::vector<Tensor>& tensors, int64_t dim) {
  if (tensors.empty()) runtime_error("torch.cat(): expected a non-empty list of Tensors");
  for (size_t i = 0; i < tensors.size(); ++i)
    if (tensors[i].dim() == 0)
      runtime_error("zero-dimensional tensor (at position " + std::to_string(i) + ") cannot be concatenated");
  // PyTorch skips legacy empty 1-D tensors ([0]) when others have more dims.
  const Tensor* ref = nullptr;
  for (const Tensor& t : tensors)
    if (!(t.dim() == 1 && t.numel() == 0)) {
      ref = &t;
      break;
    }
  if (!ref) ref = &tensors[0];
  const int64_t rank = ref->dim();
  const int64_t d = wrap_dim(dim, rank);
  DType dtype = tensors[0].dtype();
  for (const Tensor& t : tensors) {
    dtype = result_type(prim::cast(tensors[0], dtype), t);
    prim::check_same_device(tensors[0], t);
  }
  Shape out_shape = ref->shape();
  out_shape[d] = 0;
  for (size_t i = 0; i < tensors.size(); ++i) {
    const Tensor& t = tensors[i];
    if (t.dim() == 1 && t.numel() == 0 && rank != 1) continue;
    if (t.dim() != rank)
      runtime_error("Tensors must have same number of dimensions: got " + std::to_string(rank) + " and " + std::to_string(t.dim()));
    for (int64_t k = 0; k < rank; ++k)
      if (k != d && t.shape()[k] != ref->shape()[k])
        runtime_error("Sizes of tensors must match except in dimension " + std::to_string(d) + ". Expected size " +
                      std::to_string(ref->shape()[k]) + " but got size " + std::to_string(t.shape()[k]) +
                      " for tensor number " + std::to_string(i) + " in the list.");
    out_shape[d] += t.shape()[d];
  }
  Tensor out = prim::empty(out_shape, dtype, ref->device());
  const std::vector<int64_t> strides = contiguous_strides(out_shape);
  int64_t offset = 0;
  std::vector<int64_t> starts;
  for (const Tensor& t : tensors) {
    starts.push_back(offset);
    if (t.dim() == 1 && t.numel() == 0 && rank != 1) continue;
    if (t.numel() > 0) {
      Tensor src = prim::cast(t, dtype);
      out.storage().backend->strided_write(dtype, src.data(), out.mutable_data(),
                                           StridedView{nullptr, t.shape(), strides, offset * strides[d]});
    }
    offset += t.shape()[d];
  }
  record_join(out, tensors, "CatBackward0", d, false, std::move(starts));
  return out;
}

Tensor stack(const std::vector<Tensor>& tensors, int64_t dim) {
  if (tensors.empty()) runtime_error("stack expects a non-empty TensorList");
  for (size_t i = 1; i < tensors.size(); ++i)
    if (tensors[i].shape() != tensors[0].shape())
      runtime_error("stack expects each tensor to be equal size, but got " + sizes_str(tensors[0].shape()) + " at entry 0 and " +
                    sizes_str(tensors[i].shape()) + " at entry " + std::to_string(i));
  const int64_t d = wrap_dim(dim, tensors[0].dim() + 1);
  Shape shape = tensors[0].shape();
  shape.insert(shape.begin() + d, 1);
  std::vector<Tensor> parts;
  parts.reserve(tensors.size());
  for (const Tensor& t : tensors) parts.push_back(prim::alias(t, shape));  // without their history
  Tensor out = cat(parts, d);
  std::vector<int64_t> starts(tensors.size());
  for (size_t i = 0; i < starts.size(); ++i) starts[i] = static_cast<int64_t>(i);
  record_join(out, tensors, "StackBackward0", d, true, std::move(starts));
  return out;
}

// ---- split, chunk, unbind -------------------------------------------------------------------------
namespace {
// The node of the pieces: its backward writes each piece's gradient (zeros where none came)
// back into the input's window.
struct SplitBackward final : CustomBackward {
  int64_t dim = 0;
  bool squeezed = false;  // unbind: the pieces lack `dim`
  std::vector<int64_t> starts;

  std::vector<Tensor> apply(std::vector<Tensor> grads) override {
    const InputMeta& in = inputs[0];
    Tensor result = prim::expand(prim::scalar(0, in.dtype, in.device), in.shape).contiguous_clone();
    const std::vector<int64_t> in_strides = contiguous_strides(in.shape);
    std::vector<int64_t> strides = in_strides;
    if (squeezed) strides.erase(strides.begin() + dim);
    for (size_t k = 0; k < grads.size(); ++k) {
      if (!grads[k].defined() || grads[k].numel() == 0) continue;
      Tensor g = prim::cast(grads[k], in.dtype);
      result.storage().backend->strided_write(in.dtype, g.data(), result.mutable_data(),
                                              StridedView{nullptr, g.shape(), strides, starts[k] * in_strides[dim]});
    }
    return {result};
  }

  // As PyTorch records it: the pieces' gradients joined again (CatBackward0, StackBackward0 for
  // unbind), with untracked zeros for a piece no gradient reached.
  std::vector<Tensor> apply_recorded(std::vector<Tensor> grads) override {
    const InputMeta& in = inputs[0];
    std::vector<Tensor> parts;
    for (size_t k = 0; k < grads.size(); ++k) {
      const InputMeta& piece = outputs[k];
      parts.push_back(grads[k].defined() ? grads[k] : zeros(piece.shape, TensorOptions{in.dtype, in.device, false}));
    }
    return {squeezed ? stack(parts, dim) : cat(parts, dim)};
  }
};

// The pieces of `a` along `dim` starting at `starts` with `sizes` (unbind: size 1, dim dropped).
std::vector<Tensor> split_pieces(const Tensor& a, int64_t dim, const std::vector<int64_t>& starts,
                                 const std::vector<int64_t>& sizes, bool squeezed, const char* node_name) {
  const std::vector<int64_t> a_strides = contiguous_strides(a.shape());
  std::vector<int64_t> strides = a_strides;
  if (squeezed) strides.erase(strides.begin() + dim);
  std::vector<Tensor> pieces;
  for (size_t k = 0; k < starts.size(); ++k) {
    Shape shape = a.shape();
    if (squeezed) shape.erase(shape.begin() + dim);
    else shape[dim] = sizes[k];
    pieces.push_back(prim::gather_view(a, shape, strides, starts[k] * a_strides[dim]));
    make_view_copy(pieces.back(), a, strides, starts[k] * a_strides[dim]);  // Note [Views are copies]
  }
  if (!grad_mode_enabled() || !a.requires_grad()) return pieces;
  auto node = std::make_unique<SplitBackward>();
  node->name = node_name;
  node->dim = dim;
  node->squeezed = squeezed;
  node->starts = starts;
  node->edges.push_back(gradient_edge(a));
  node->inputs.push_back(InputMeta{a.shape(), a.dtype(), a.device()});
  for (const Tensor& p : pieces) node->outputs.push_back(InputMeta{p.shape(), p.dtype(), p.device()});
  node->output_impls.resize(pieces.size());
  std::shared_ptr<Node> shared = make_custom_node(std::move(node));
  for (size_t k = 0; k < pieces.size(); ++k) attach_custom_output(shared, pieces[k], static_cast<uint32_t>(k));
  return pieces;
}

int64_t split_dim(const Tensor& a, int64_t dim, const char* name) {
  if (a.dim() == 0) runtime_error(std::string(name) + " expects at least a 1-dimensional tensor");
  return wrap_dim(dim, a.dim());
}

std::vector<Tensor> split_impl(const Tensor& a, int64_t split_size, int64_t dim_in, const char* node_name) {
  const int64_t dim = split_dim(a, dim_in, "split");
  const int64_t size = a.shape()[dim];
  if (split_size < 0) runtime_error("split expects split_size be non-negative, but got split_size=" + std::to_string(split_size));
  if (split_size == 0 && size != 0)
    runtime_error("split_size can only be 0 if dimension size is 0, but got dimension size of " + std::to_string(size));
  const int64_t count = split_size == 0 ? 1 : std::max<int64_t>((size + split_size - 1) / split_size, 1);
  std::vector<int64_t> starts, sizes;
  for (int64_t k = 0; k < count; ++k) {
    starts.push_back(k * split_size);
    sizes.push_back(std::min(split_size, size - k * split_size));
  }
  return split_pieces(a, dim, starts, sizes, false, node_name);
}
}  // namespace

std::vector<Tensor> split(const Tensor& a, int64_t split_size, int64_t dim) {
  return split_impl(a, split_size, dim, "SplitBackward0");
}

std::vector<Tensor> split_with_sizes(const Tensor& a, const std::vector<int64_t>& sizes, int64_t dim_in) {
  const int64_t dim = split_dim(a, dim_in, "split_with_sizes");
  int64_t total = 0;
  bool negative = false;
  for (int64_t s : sizes) {
    total += s;
    negative = negative || s < 0;
  }
  if (negative)
    runtime_error("split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=" + sizes_str(sizes));
  if (total != a.shape()[dim])
    runtime_error("split_with_sizes expects split_sizes to sum exactly to " + std::to_string(a.shape()[dim]) +
                  " (input tensor's size at dimension " + std::to_string(dim) + "), but got split_sizes=" + sizes_str(sizes));
  std::vector<int64_t> starts;
  int64_t offset = 0;
  for (int64_t s : sizes) {
    starts.push_back(offset);
    offset += s;
  }
  return split_pieces(a, dim, starts, sizes, false, "SplitWithSizesBackward0");
}

std::vector<Tensor> chunk(const Tensor& a, int64_t chunks, int64_t dim_in) {
  if (a.dim() == 0) runtime_error("chunk expects at least a 1-dimensional tensor");
  if (chunks <= 0) runtime_error("chunk expects `chunks` to be greater than 0, got: " + std::to_string(chunks));
  const int64_t dim = wrap_dim(dim_in, a.dim());
  const int64_t size = a.shape()[dim];
  if (size == 0)  // `chunks` empty pieces, as PyTorch splits an empty dim (with sizes)
    return split_pieces(a, dim, std::vector<int64_t>(chunks, 0), std::vector<int64_t>(chunks, 0), false,
                        "SplitWithSizesBackward0");
  return split_impl(a, (size + chunks - 1) / chunks, dim, "SplitBackward0");
}

std::vector<Tensor> unbind(const Tensor& a, int64_t dim_in) {
  if (a.dim() == 0) index_error("Dimension specified as 0 but tensor has no dimensions");
  const int64_t dim = wrap_dim(dim_in, a.dim());
  std::vector<int64_t> starts(static_cast<size_t>(a.shape()[dim]));
  for (size_t k = 0; k < starts.size(); ++k) starts[k] = static_cast<int64_t>(k);
  return split_pieces(a, dim, starts, std::vector<int64_t>(starts.size(), 1), true, "UnbindBackward0");
}

}  // namespace gradlab
