// narrow, movedim, meshgrid and diff as ATen composes them (Note [Composites stay
// compositions], movement.h; unflatten is beside view in shape.cpp), and rot90 and unfold, the
// two with nodes of their own.
#include "engine/ops/movement.h"

#include <numeric>

#include "engine/ops/compare.h"
#include "engine/ops/join.h"
#include "engine/ops/op_helpers.h"
#include "engine/ops/rearrange.h"

namespace gradlab {
using namespace ops;

namespace {

std::string ints_str(const std::vector<int64_t>& v) { return shape_str(Shape(v.begin(), v.end())); }

bool all_unique(const std::vector<int64_t>& dims) {
  for (size_t i = 0; i < dims.size(); ++i)
    for (size_t j = i + 1; j < dims.size(); ++j)
      if (dims[i] == dims[j]) return false;
  return true;
}

}  // namespace

Tensor narrow(const Tensor& a, int64_t dim, int64_t start, int64_t length) {
  if (a.dim() == 0) runtime_error("narrow() cannot be applied to a 0-dim tensor.");
  const int64_t size = a.size(dim);
  if (start != size) start = wrap_dim(start, size);  // start == size is an empty window at the end
  if (length < 0 || start > size - length) {
    runtime_error("start (" + std::to_string(start) + ") + length (" + std::to_string(length) +
                  ") exceeds dimension size (" + std::to_string(size) + ").");
  }
  return slice(a, dim, start, start + length, 1);
}

Tensor movedim(const Tensor& a, const std::vector<int64_t>& source, const std::vector<int64_t>& destination) {
  if (source.size() != destination.size()) {
    runtime_error("movedim: Invalid source or destination dims: source (" + ints_str(source) +
                  " dims) should contain the same number of dims as destination (" + ints_str(destination) + " dims)");
  }
  const int64_t rank = a.dim();
  std::vector<int64_t> src, dst;
  for (int64_t d : source) src.push_back(wrap_dim(d, rank));
  for (int64_t d : destination) dst.push_back(wrap_dim(d, rank));
  if (!all_unique(src)) runtime_error("movedim: repeated dim in `source` (" + ints_str(source) + ")");
  if (!all_unique(dst)) runtime_error("movedim: repeated dim in `destination` (" + ints_str(destination) + ")");
  if (rank == 0) {
    // ATen returns an alias (AliasBackward0), a node gradlab does not have.
    if (a.requires_grad() && grad_mode_enabled()) not_supported("movedim of a 0-dim tensor that requires grad");
    return prim::alias(a, a.shape());
  }
  // The moved dims take their places; the others fill the free places in their order.
  std::vector<int64_t> order(static_cast<size_t>(rank), -1);
  std::vector<bool> moved(static_cast<size_t>(rank), false);
  for (size_t i = 0; i < src.size(); ++i) {
    order[dst[i]] = src[i];
    moved[src[i]] = true;
  }
  int64_t next = 0;
  for (int64_t& o : order) {
    if (o >= 0) continue;
    while (moved[next]) ++next;
    o = next++;
  }
  return permute(a, order);
}

// ATen: k quarter turns as flip then transpose (k = 1: flip dims[1]; 3: flip dims[0]), a flip of
// both dims (k = 2), or a contiguous clone (k = 0); one Rot90Backward0 node turning back by -k.
Tensor rot90(const Tensor& a, int64_t k, const std::vector<int64_t>& dims) {
  const int64_t rank = a.dim();
  if (dims.size() != 2) runtime_error("expected total rotation dims == 2, but got dims = " + std::to_string(dims.size()));
  if (rank < 2) runtime_error("expected total dims >= 2, but got total dims = " + std::to_string(rank));
  if (dims[0] == dims[1] || std::abs(dims[0] - dims[1]) == rank) {
    runtime_error("expected rotation dims to be different, but got dim0 = " + std::to_string(dims[0]) +
                  " and dim1 = " + std::to_string(dims[1]));
  }
  if (dims[0] >= rank || dims[0] < -rank) runtime_error("Rotation dim0 out of range, dim0 = " + std::to_string(dims[0]));
  if (dims[1] >= rank || dims[1] < -rank) runtime_error("Rotation dim1 out of range, dim1 = " + std::to_string(dims[1]));
  const int64_t turns = (4 + k % 4) % 4;
  Tensor out;
  {
    NoGradGuard no_grad;
    switch (turns) {
      case 1: out = transpose(flip(a, {dims[1]}), dims[0], dims[1]); break;
      case 2: out = flip(a, dims); break;
      case 3: out = transpose(flip(a, {dims[0]}), dims[0], dims[1]); break;
      default: out = a.contiguous_clone(); break;
    }
  }
  if (Node* n = record_op(OpId::Rot90, [](const Node& n, const Tensor& g) -> Grads {
        return {rot90(g, -n.ints[0], {n.ints[1], n.ints[2]})};
      }, out, {&a})) {
    n->ints = {k, dims[0], dims[1]};
  }
  return out;
}

// ATen's unfold is a strided view: dim d keeps every step-th start, and a new last dim walks the
// window with d's stride. Its gradient adds each window back where it came from, the windows in
// increasing order (ATen's unfold_backward kernel), so overlapping windows round the same way.
Tensor unfold(const Tensor& a, int64_t dim, int64_t size, int64_t step) {
  const int64_t rank = a.dim();
  const int64_t d = wrap_dim(dim, rank);
  Shape shape = a.shape();
  std::vector<int64_t> strides = contiguous_strides(shape);
  const int64_t max_size = rank == 0 ? 1 : shape[d];
  if (size > max_size) {
    runtime_error("maximum size for tensor at dimension " + std::to_string(d) + " is " + std::to_string(max_size) +
                  " but size is " + std::to_string(size));
  }
  if (step <= 0) runtime_error("step is " + std::to_string(step) + " but must be > 0");
  shape.push_back(size);
  strides.push_back(rank == 0 ? 1 : strides[d]);
  if (rank > 0) {
    shape[d] = (shape[d] - size) / step + 1;
    strides[d] *= step;
  }
  if (size < 0) {
    runtime_error("Storage size calculation overflowed with sizes=" + shape_str(shape) + " and strides=" + ints_str(strides));
  }
  Tensor out = prim::gather_view(a, shape, strides, 0);
  make_view_copy(out, a, strides, 0);  // Note [Views are copies]
  out.impl()->noncontiguous = out.numel() > 1 && !pytorch_view_contiguous(*out.impl()->view_copy, shape);
  if (Node* n = record_op(OpId::Unfold, [](const Node& n, const Tensor& g) -> Grads {
        // Where each element of the unfolded tensor sits in the input, row-major.
        const Shape& in = n.inputs[0].shape;
        const Shape out_shape(n.ints.begin(), n.ints.begin() + static_cast<int64_t>(n.ints.size() / 2));
        const std::vector<int64_t> strides(n.ints.begin() + static_cast<int64_t>(n.ints.size() / 2), n.ints.end());
        std::vector<int64_t> offsets(static_cast<size_t>(shape_numel(out_shape)));
        std::vector<int64_t> coord(out_shape.size(), 0);
        for (int64_t& off : offsets) {
          off = 0;
          for (size_t i = 0; i < coord.size(); ++i) off += coord[i] * strides[i];
          for (size_t i = coord.size(); i-- > 0;) {
            if (++coord[i] < out_shape[i]) break;
            coord[i] = 0;
          }
        }
        return {put_elements(zeros_of(in, g.dtype(), g.device()), offsets, g, true)};
      }, out, {&a})) {
    n->ints.assign(shape.begin(), shape.end());
    n->ints.insert(n->ints.end(), strides.begin(), strides.end());
  }
  return out;
}

std::vector<Tensor> meshgrid(const std::vector<Tensor>& tensors, const std::string& indexing) {
  const size_t count = tensors.size();
  if (count == 0) runtime_error("meshgrid expects a non-empty TensorList");
  for (size_t i = 0; i + 1 < count; ++i) {
    if (tensors[i].dtype() != tensors[i + 1].dtype()) runtime_error("meshgrid expects all tensors to have the same dtype");
    if (tensors[i].device() != tensors[i + 1].device()) runtime_error("meshgrid expects all tensors to have the same device");
  }
  // "xy" is "ij" with the first two inputs (and outputs) swapped.
  std::vector<Tensor> inputs = tensors;
  const bool swap_first_two = indexing == "xy" && count >= 2;
  if (indexing != "xy" && indexing != "ij") {
    runtime_error("torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: " + indexing);
  }
  if (swap_first_two) std::swap(inputs[0], inputs[1]);
  Shape grid;
  for (const Tensor& t : inputs) {
    if (t.dim() > 1) not_supported("torch.meshgrid's error for a tensor of more than one dimension");
    grid.push_back(t.numel());
  }
  std::vector<Tensor> grids;
  for (size_t i = 0; i < count; ++i) {
    Shape view_shape(count, 1);
    view_shape[i] = inputs[i].numel();
    grids.push_back(expand(view_splitting_dims(inputs[i], view_shape), grid));
  }
  if (swap_first_two) std::swap(grids[0], grids[1]);
  return grids;
}

namespace {

void check_diff_operand(const Tensor& a, const std::optional<Tensor>& other, int64_t dim) {
  if (!other) return;
  const int64_t d = wrap_dim(dim, a.dim());
  if (other->dim() != a.dim()) runtime_error("diff expects prepend or append to be the same dimension as input");
  for (int64_t i = 0; i < a.dim(); ++i) {
    if (other->shape()[i] != a.shape()[i] && i != d) {
      runtime_error("diff expects the shape of tensor to prepend or append to match that of input except along the "
                    "differencing dimension; input.size(" + std::to_string(i) + ") = " + std::to_string(a.shape()[i]) +
                    ", but got tensor.size(" + std::to_string(i) + ") = " + std::to_string(other->shape()[i]));
    }
  }
}

// ATen's diff_helper: n = 0 copies into zeros (CopyBackwards); otherwise n rounds of
// narrow(1, len) - narrow(0, len) (logical_xor for bool), n capped at the dim's size.
Tensor diff_of(const Tensor& a, int64_t n, int64_t dim) {
  if (n == 0) {
    // zeros_like(a).copy_(a): a copy whose node is the in-place copy's (its zeros need no grad).
    Tensor result = a.contiguous_clone();
    record_op(OpId::CopyBackwards, [](const Node&, const Tensor& g) -> Grads { return {g}; }, result, {&a});
    return result;
  }
  const int64_t size = a.size(dim);
  int64_t out_len = size - 1;
  Tensor result = a;
  for (int64_t i = 0; i < std::min(n, size); ++i, --out_len) {
    const Tensor later = narrow(result, dim, 1, out_len), earlier = narrow(result, dim, 0, out_len);
    result = a.dtype() == DType::Bool ? logical_xor(later, earlier) : sub(later, earlier);
  }
  return result;
}

}  // namespace

Tensor diff(const Tensor& a, int64_t n, int64_t dim, const std::optional<Tensor>& prepend, const std::optional<Tensor>& append) {
  if (a.dim() < 1) runtime_error("diff expects input to be at least one-dimensional");
  check_diff_operand(a, prepend, dim);
  check_diff_operand(a, append, dim);
  if ((!prepend && !append) || n == 0) return diff_of(a, n, dim);
  std::vector<Tensor> parts;
  if (prepend) parts.push_back(*prepend);
  parts.push_back(a);
  if (append) parts.push_back(*append);
  return diff_of(cat(parts, dim), n, dim);
}

}  // namespace gradlab
