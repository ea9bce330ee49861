// flip, roll, repeat (tile, repeat_interleave), tril/triu, diag and trace (see rearrange.h).
// Their forwards gather or zero elements by offsets (Note [Moves by offsets]); their backwards
// are PyTorch's formulas: flip and tril of the gradient, roll by minus the shifts, repeat's
// gradient summed over the copies.
#include "engine/ops/rearrange.h"

#include <algorithm>
#include <cstdlib>

#include "engine/ops/index.h"
#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {

// The input offset of every output element, row-major, when output coordinate i along dim d
// reads input offset contribution along[d][i] (summed over the dims).
std::vector<int64_t> offsets_by_dim(const Shape& out_shape, const std::vector<std::vector<int64_t>>& along) {
  const int64_t n = shape_numel(out_shape);
  std::vector<int64_t> offsets(static_cast<size_t>(n));
  const size_t rank = out_shape.size();
  std::vector<int64_t> coord(rank, 0);
  for (int64_t e = 0; e < n; ++e) {
    int64_t off = 0;
    for (size_t d = 0; d < rank; ++d) off += along[d][static_cast<size_t>(coord[d])];
    offsets[static_cast<size_t>(e)] = off;
    for (size_t d = rank; d-- > 0;) {  // odometer over the output coordinates
      if (++coord[d] < out_shape[d]) break;
      coord[d] = 0;
    }
  }
  return offsets;
}

// Each dim read in order: along[d][i] = i * stride_d.
std::vector<std::vector<int64_t>> identity_moves(const Shape& shape) {
  const std::vector<int64_t> strides = contiguous_strides(shape);
  std::vector<std::vector<int64_t>> along(shape.size());
  for (size_t d = 0; d < shape.size(); ++d)
    for (int64_t i = 0; i < shape[d]; ++i) along[d].push_back(i * strides[d]);
  return along;
}

// tril/triu: the offsets of the elements outside the kept triangle of each matrix.
std::vector<int64_t> outside_triangle(const Shape& shape, int64_t diagonal, bool lower) {
  const int64_t rows = shape[shape.size() - 2], cols = shape.back();
  const int64_t matrices = rows * cols == 0 ? 0 : shape_numel(shape) / (rows * cols);
  std::vector<int64_t> offsets;
  for (int64_t m = 0; m < matrices; ++m)
    for (int64_t i = 0; i < rows; ++i)
      for (int64_t j = 0; j < cols; ++j) {
        const bool kept = lower ? j - i <= diagonal : j - i >= diagonal;
        if (!kept) offsets.push_back((m * rows + i) * cols + j);
      }
  return offsets;
}

Tensor triangle(OpId id, const Tensor& a, int64_t diagonal) {
  if (a.dim() == 0) index_error("Dimension specified as -2 but tensor has no dimensions");
  wrap_dim(-2, a.dim());  // a vector: PyTorch's dimension-out-of-range error
  const bool lower = id == OpId::Tril;
  const std::vector<int64_t> zeroed = outside_triangle(a.shape(), diagonal, lower);
  Tensor out = put_elements(a, zeroed, zeros_of({static_cast<int64_t>(zeroed.size())}, a.dtype(), a.device()), false);
  if (Node* n = record_op(id, [](const Node& n, const Tensor& g) -> Grads {
        return {n.ints[1] ? tril(g, n.ints[0]) : triu(g, n.ints[0])};
      }, out, {&a})) {
    n->ints = {diagonal, lower};
  }
  return out;
}

// The offsets of diagonal `diagonal` of a rows × cols matrix; PyTorch's error for a diagonal
// past the matrix's corner (its length would be negative).
std::vector<int64_t> diagonal_offsets(int64_t rows, int64_t cols, int64_t diagonal) {
  const int64_t len = diagonal >= 0 ? std::min(rows, cols - diagonal) : std::min(rows + diagonal, cols);
  if (len < 0) runtime_error("numel: integer multiplication overflow");
  std::vector<int64_t> offsets;
  for (int64_t i = 0; i < len; ++i) offsets.push_back(diagonal >= 0 ? i * cols + i + diagonal : (i - diagonal) * cols + i);
  return offsets;
}

}  // namespace

Tensor flip(const Tensor& a, const std::vector<int64_t>& dims_in) {
  const std::vector<int64_t> dims = wrap_dims(dims_in, a.dim());
  std::vector<std::vector<int64_t>> along = identity_moves(a.shape());
  for (int64_t d : dims) std::reverse(along[d].begin(), along[d].end());
  Tensor out = take_elements(a, offsets_by_dim(a.shape(), along), a.shape());
  if (Node* n = record_op(OpId::Flip, [](const Node& n, const Tensor& g) -> Grads { return {flip(g, n.ints)}; }, out, {&a})) {
    n->ints = dims;
  }
  return out;
}

Tensor fliplr(const Tensor& a) {
  if (a.dim() < 2) runtime_error("Input must be >= 2-d.");
  return flip(a, {1});
}

Tensor flipud(const Tensor& a) {
  if (a.dim() < 1) runtime_error("Input must be >= 1-d.");
  return flip(a, {0});
}

// out[i] = a[i - shift] along each rolled dim, indices taken modulo the dim's size.
Tensor roll(const Tensor& a, const std::vector<int64_t>& shifts, const std::vector<int64_t>& dims_in) {
  if (shifts.empty()) runtime_error("`shifts` required");
  if (dims_in.empty() && shifts.size() != 1) {
    runtime_error("shifts and dimensions must align. shifts: " + std::to_string(shifts.size()) + ", dims:0");
  }
  if (!dims_in.empty() && shifts.size() != dims_in.size()) {
    runtime_error("shifts and dimensions must align. shifts: " + std::to_string(shifts.size()) +
                  ", dims:" + std::to_string(dims_in.size()));
  }
  // Without dims the flattened tensor rolls: one dim of numel elements.
  const Shape line_shape = dims_in.empty() ? Shape{a.numel()} : a.shape();
  std::vector<std::vector<int64_t>> along = identity_moves(line_shape);
  for (size_t s = 0; s < shifts.size(); ++s) {
    const int64_t d = dims_in.empty() ? 0 : wrap_dim(dims_in[s], a.dim());
    const int64_t size = line_shape[d];
    if (size == 0) continue;
    const std::vector<int64_t> in_order = along[d];
    for (int64_t i = 0; i < size; ++i) along[d][i] = in_order[(((i - shifts[s]) % size) + size) % size];
  }
  Tensor out = take_elements(a, offsets_by_dim(line_shape, along), a.shape());
  if (Node* n = record_op(OpId::Roll, [](const Node& n, const Tensor& g) -> Grads {
        const size_t k = n.ints.size() / 2;
        std::vector<int64_t> back_shifts(n.ints.begin(), n.ints.begin() + k), dims(n.ints.begin() + k, n.ints.end());
        for (int64_t& s : back_shifts) s = -s;
        if (n.a) dims.clear();  // rolled flat
        return {roll(g, back_shifts, dims)};
      }, out, {&a})) {
    n->ints = shifts;
    if (dims_in.empty()) n->ints.insert(n->ints.end(), shifts.size(), 0);
    else n->ints.insert(n->ints.end(), dims_in.begin(), dims_in.end());
    n->a = dims_in.empty();
  }
  return out;
}

Tensor repeat(const Tensor& a, const std::vector<int64_t>& repeats) {
  if (static_cast<int64_t>(repeats.size()) < a.dim()) {
    runtime_error("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
  }
  const size_t lead = repeats.size() - static_cast<size_t>(a.dim());
  Shape padded(lead, 1);
  padded.insert(padded.end(), a.shape().begin(), a.shape().end());
  Shape out_shape;
  for (size_t d = 0; d < repeats.size(); ++d) out_shape.push_back(padded[d] * repeats[d]);
  for (int64_t s : out_shape)
    if (s < 0) runtime_error("Trying to create tensor with negative dimension " + std::to_string(s) + ": " + shape_str(out_shape));
  // Output coordinate i along d reads input coordinate i mod size.
  const std::vector<std::vector<int64_t>> in_order = identity_moves(padded);
  std::vector<std::vector<int64_t>> along(repeats.size());
  for (size_t d = 0; d < repeats.size(); ++d)
    for (int64_t i = 0; i < out_shape[d]; ++i) along[d].push_back(in_order[d][i % padded[d]]);
  Tensor out = take_elements(a, offsets_by_dim(out_shape, along), out_shape);
  if (Node* n = record_op(OpId::Repeat, [](const Node& n, const Tensor& g) -> Grads {
        // PyTorch's repeat_backward: the added leading dims summed away one at a time, then
        // each repeated dim d seen as [repeats, size] and all copies summed in one reduction.
        const Shape& in = n.inputs[0].shape;
        const std::vector<int64_t>& reps = n.ints;
        if (std::find(reps.begin(), reps.end(), 0) != reps.end()) return {zeros_of(in, g.dtype(), g.device())};
        const size_t lead = reps.size() - in.size();
        Tensor grad = g;
        for (size_t i = 0; i < lead; ++i) grad = sum(grad, {0}, false);
        Shape grad_size;
        std::vector<int64_t> sum_dims;
        for (size_t d = 0; d < in.size(); ++d) {
          if (reps[lead + d] != 1) {
            grad_size.push_back(reps[lead + d]);
            sum_dims.push_back(static_cast<int64_t>(grad_size.size()) - 1);
          }
          grad_size.push_back(in[d]);
        }
        if (!sum_dims.empty()) grad = sum(reshape(grad, grad_size), sum_dims, false);
        return {grad};
      }, out, {&a})) {
    n->ints = repeats;
  }
  return out;
}

Tensor tile(const Tensor& a, const std::vector<int64_t>& reps) {
  std::vector<int64_t> padded = reps;
  if (static_cast<int64_t>(padded.size()) < a.dim()) padded.insert(padded.begin(), a.dim() - padded.size(), 1);
  return repeat(a, padded);
}

// ATen builds the index [0, 0, 1, 1, ...] and index_selects it (IndexSelectBackward0); without
// a dim the input is flattened first.
Tensor repeat_interleave(const Tensor& a, int64_t repeats, std::optional<int64_t> dim) {
  if (repeats < 0) runtime_error("repeats can not be negative");
  const Tensor input = dim ? a : flatten(a);
  const int64_t d = dim ? wrap_dim(*dim, a.dim()) : 0;
  const int64_t size = input.dim() == 0 ? 1 : input.shape()[d];
  std::vector<double> index;
  for (int64_t i = 0; i < size; ++i) index.insert(index.end(), static_cast<size_t>(repeats), static_cast<double>(i));
  const Tensor idx = from_vector(index, {static_cast<int64_t>(index.size())}, TensorOptions{DType::Int64, a.device(), false});
  return index_select(input, d, idx);
}

Tensor tril(const Tensor& a, int64_t diagonal) { return triangle(OpId::Tril, a, diagonal); }
Tensor triu(const Tensor& a, int64_t diagonal) { return triangle(OpId::Triu, a, diagonal); }

Tensor& tril_(Tensor& self, int64_t diagonal) {
  check_inplace_allowed(self);
  return assign_result(self, tril(self_as_input(self, false), diagonal));
}
Tensor& triu_(Tensor& self, int64_t diagonal) {
  check_inplace_allowed(self);
  return assign_result(self, triu(self_as_input(self, false), diagonal));
}

Tensor diag(const Tensor& a, int64_t diagonal) {
  if (a.dtype() == DType::Float16) not_implemented_for("diag", a.dtype());
  Tensor out;
  std::vector<int64_t> offsets;
  if (a.dim() == 1) {
    const int64_t n = a.shape()[0] + std::abs(diagonal);
    offsets = diagonal_offsets(n, n, diagonal);
    out = put_elements(zeros_of({n, n}, a.dtype(), a.device()), offsets, a, false);
  } else if (a.dim() == 2) {
    offsets = diagonal_offsets(a.shape()[0], a.shape()[1], diagonal);
    out = take_elements(a, offsets, {static_cast<int64_t>(offsets.size())});
  } else {
    runtime_error("matrix or a vector expected");
  }
  if (Node* n = record_op(OpId::Diag, [](const Node& n, const Tensor& g) -> Grads {
        const Shape& in = n.inputs[0].shape;
        if (in.size() == 1) return {take_elements(g, n.ints, in)};
        return {put_elements(zeros_of(in, g.dtype(), g.device()), n.ints, g, false)};
      }, out, {&a})) {
    n->ints = std::move(offsets);
  }
  return out;
}

// ATen's CPU trace adds the diagonal in acc_type: double for floating inputs, int64 otherwise
// (an integer trace is int64).
Tensor trace(const Tensor& a) {
  if (a.dim() != 2) runtime_error("trace: expected a matrix, but got tensor with dim " + std::to_string(a.dim()));
  if (a.dtype() == DType::Bool || a.dtype() == DType::Float16 || a.dtype() == DType::BFloat16) not_implemented_for("trace", a.dtype());
  std::vector<int64_t> offsets = diagonal_offsets(a.shape()[0], a.shape()[1], 0);
  const std::vector<unsigned char> bytes = host_bytes(a);
  Tensor out;
  dispatch_dtype(a.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* v = reinterpret_cast<const T*>(bytes.data());
    if constexpr (std::is_floating_point_v<T>) {
      double acc = 0;
      for (int64_t off : offsets) acc += static_cast<double>(v[off]);
      out = prim::scalar(static_cast<double>(static_cast<T>(acc)), a.dtype(), a.device());
    } else {
      int64_t acc = 0;
      for (int64_t off : offsets) acc += static_cast<int64_t>(v[off]);
      out = from_host(std::vector<int64_t>{acc}, {}, DType::Int64, a.device());
    }
  });
  if (Node* n = record_op(OpId::Trace, [](const Node& n, const Tensor& g) -> Grads {
        const Shape& in = n.inputs[0].shape;
        const Tensor spread = prim::expand(g, {static_cast<int64_t>(n.ints.size())});
        return {put_elements(zeros_of(in, g.dtype(), g.device()), n.ints, spread, false)};
      }, out, {&a})) {
    n->ints = std::move(offsets);
  }
  return out;
}

}  // namespace gradlab
