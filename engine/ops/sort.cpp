// See sort.h (Note [Sort tie order]). Lines are sorted on the host; the nodes keep, for each
// output element, its flat offset in the input, and the backward puts the gradient back there
// (ATen's value_selecting_reduction_backward: zeros scattered with the gradient).
#include "engine/ops/sort.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "engine/ops/op_helpers.h"
#include "engine/util/gnu_sort.h"

namespace gradlab {
using namespace ops;

namespace {

template <class T>
bool is_nan(T v) {
  if constexpr (std::is_floating_point_v<T>) return std::isnan(v);
  return false;
}

// A line's elements with their positions, ordered as the kernels order them.
template <class T>
using Entry = std::pair<T, int64_t>;
template <class T>
bool before_ascending(const Entry<T>& x, const Entry<T>& y) {
  return (!is_nan(x.first) && is_nan(y.first)) || x.first < y.first;
}
template <class T>
bool before_descending(const Entry<T>& x, const Entry<T>& y) {
  return (is_nan(x.first) && !is_nan(y.first)) || x.first > y.first;
}

// Runs `order(line)` (which leaves the first `keep` entries in place) on every line along `dim`;
// returns (values, indices) of those entries with `dim` of size `keep`, and records `op`.
template <class Order>
std::pair<Tensor, Tensor> select_lines(const Tensor& a, int64_t dim, int64_t keep, OpId op, Order order) {
  const Shape& shape = a.shape();
  const DimSplit lines = split_at(shape, dim);
  const int64_t outer = lines.outer, len = lines.dim_size, inner = lines.inner;
  Shape out_shape = shape;
  if (!out_shape.empty()) out_shape[dim] = keep;
  const std::vector<unsigned char> src = host_bytes(a);
  std::vector<unsigned char> values(static_cast<size_t>(outer * keep * inner) * dtype_size(a.dtype()));
  std::vector<int64_t> indices(static_cast<size_t>(outer * keep * inner)), offsets(indices.size());
  dispatch_dtype(a.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* x = reinterpret_cast<const T*>(src.data());
    T* v = reinterpret_cast<T*>(values.data());
    std::vector<Entry<T>> line(static_cast<size_t>(len));
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i) {
        for (int64_t k = 0; k < len; ++k) line[k] = {x[(o * len + k) * inner + i], k};
        order(line);
        for (int64_t k = 0; k < keep; ++k) {
          const int64_t at = (o * keep + k) * inner + i;
          v[at] = line[k].first;
          indices[at] = line[k].second;
          offsets[at] = (o * len + line[k].second) * inner + i;
        }
      }
  });
  Tensor out = from_host_bytes(values, out_shape, a.dtype(), a.device());
  std::vector<unsigned char> index_bytes(indices.size() * sizeof(int64_t));
  if (!index_bytes.empty()) std::memcpy(index_bytes.data(), indices.data(), index_bytes.size());
  Tensor idx = from_host_bytes(index_bytes, out_shape, DType::Int64, a.device());
  if (Node* n = record_op(op, [](const Node& n, const Tensor& g) -> Grads {
        return {put_elements(zeros_of(n.inputs[0].shape, g.dtype(), g.device()), n.ints, g, false)};
      }, out, {&a})) {
    n->ints = std::move(offsets);
  }
  return {out, idx};
}

}  // namespace

// The element type of a line passed to an order function.
template <class Line>
using ValueOf = typename std::decay_t<Line>::value_type::first_type;

std::pair<Tensor, Tensor> sort(const Tensor& a, int64_t dim_in, bool descending, bool stable) {
  const int64_t dim = wrap_dim(dim_in, a.dim());
  const int64_t len = a.dim() == 0 ? 1 : a.shape()[dim];
  return select_lines(a, dim, len, OpId::Sort, [&](auto& line) {
    using T = ValueOf<decltype(line)>;
    auto less = descending ? before_descending<T> : before_ascending<T>;
    if (stable) std::stable_sort(line.begin(), line.end(), less);
    else gnu_sort::sort(line.begin(), line.end(), less);
  });
}

std::pair<Tensor, Tensor> topk(const Tensor& a, int64_t k, int64_t dim_in, bool largest, bool sorted) {
  const int64_t dim = wrap_dim(dim_in, a.dim());
  const int64_t len = a.dim() == 0 ? 1 : a.shape()[dim];
  if (k < 0 || k > len) runtime_error("selected index k out of range");
  return select_lines(a, dim, k, OpId::Topk, [&](auto& line) {
    using T = ValueOf<decltype(line)>;
    auto less = largest ? before_descending<T> : before_ascending<T>;
    if (k == 0) return;
    if (k * 64 <= len) {
      gnu_sort::partial_sort(line.begin(), line.begin() + k, line.end(), less);
    } else {
      gnu_sort::nth_element(line.begin(), line.begin() + (k - 1), line.end(), less);
      if (sorted) gnu_sort::sort(line.begin(), line.begin() + (k - 1), less);
    }
  });
}

}  // namespace gradlab
