// See sort.h (Note [Sort tie order]). Lines are sorted on the host; the nodes keep, for each
// output element, its flat offset in the input, and the backward puts the gradient back there
// (ATen's value_selecting_reduction_backward: zeros scattered with the gradient).
#include "engine/ops/sort.h"
#include "engine/ops/select.h"

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
// returns (values, indices) of those entries with `dim` of size `keep` (dropped when `squeeze`,
// for keep == 1), and records `op`.
template <class Order>
std::pair<Tensor, Tensor> select_lines(const Tensor& a, int64_t dim, int64_t keep, OpId op, Order order,
                                       bool squeeze = false) {
  const Shape& shape = a.shape();
  const DimSplit lines = split_at(shape, dim);
  const int64_t outer = lines.outer, len = lines.dim_size, inner = lines.inner;
  Shape out_shape = shape;
  if (!out_shape.empty()) out_shape[dim] = keep;
  if (squeeze && !out_shape.empty()) out_shape = drop_dims(out_shape, {dim});
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

// ---- order statistics (select.h, Note [Selection tie order]) ----------------------------------

namespace {

// A reduction along `dim` that picks one element per line: the dim wrapped, a non-empty line
// required (PyTorch's IndexError), the 0-d case one line of one.
int64_t checked_reduction_dim(const Tensor& a, int64_t dim_in, const char* name) {
  const int64_t dim = wrap_dim(dim_in, a.dim());
  if (a.dim() > 0 && a.shape()[dim] == 0)
    index_error(std::string(name) + "(): Expected reduction dim " + std::to_string(dim) + " to have non-zero size.");
  return dim;
}

// ATen's CPU kernels for these are compiled for every dtype but bool (mode's also for bool);
// half is missing from median/kthvalue along a dim.
void check_select_dtype(const Tensor& a, const char* kernel, bool half_ok) {
  if (a.dtype() == DType::Bool || (!half_ok && a.dtype() == DType::Float16)) not_implemented_for(kernel, a.dtype());
}

// The lower median of one line of (value, position) pairs, moved to the front. median (ignore_nan
// false) picks the first NaN when there is one.
template <class T>
void median_of_line(std::vector<Entry<T>>& line, bool ignore_nan) {
  const auto n = static_cast<std::ptrdiff_t>(line.size());
  if (!ignore_nan) {
    for (std::ptrdiff_t k = 0; k < n; ++k)
      if (is_nan(line[k].first)) {
        std::swap(line[0], line[k]);
        return;
      }
    const auto nth = line.begin() + (n - 1) / 2;
    gnu_sort::nth_element(line.begin(), nth, line.end(), [](const Entry<T>& x, const Entry<T>& y) {
      return x.first < y.first || (x.first == y.first && x.second < y.second);
    });
    std::swap(line[0], *nth);
    return;
  }
  const auto nans = static_cast<std::ptrdiff_t>(std::count_if(line.begin(), line.end(), [](const Entry<T>& e) { return is_nan(e.first); }));
  const auto nth = line.begin() + (n - nans - 1) / 2;  // C++ division: an all-NaN line takes its first
  gnu_sort::nth_element(line.begin(), nth, line.end(), [](const Entry<T>& x, const Entry<T>& y) {
    return x.first < y.first || (x.first == y.first && x.second < y.second) || (is_nan(y.first) && !is_nan(x.first));
  });
  std::swap(line[0], *nth);
}

// Numerical Recipes' quickselect as ATen's kthvalue runs it: afterwards line[k] holds the k-th
// smallest (0-based) by `greater_or_nan`, which orders by value only, NaN on top.
template <class T>
void quick_select(std::vector<Entry<T>>& line, int64_t k) {
  auto above = [&](int64_t i, int64_t j) {
    const T x = line[i].first, y = line[j].first;
    return (is_nan(x) && !is_nan(y)) || x > y;
  };
  auto swap_at = [&](int64_t i, int64_t j) { std::swap(line[i], line[j]); };
  int64_t left = 0, right = static_cast<int64_t>(line.size()) - 1;
  while (right > left) {
    if (right == left + 1) {
      if (above(left, right)) swap_at(left, right);
      return;
    }
    // the median of line[left], the middle and line[right] becomes the pivot, at line[left]
    swap_at(left + (right - left) / 2, left + 1);
    if (above(left + 1, right)) swap_at(left + 1, right);
    if (above(left, right)) swap_at(left, right);
    if (above(left + 1, left)) swap_at(left + 1, left);
    int64_t i = left + 1, j = right;
    const T pivot = line[left].first;
    auto pivot_above = [&](T v) { return (is_nan(pivot) && !is_nan(v)) || pivot > v; };
    auto above_pivot = [&](T v) { return (is_nan(v) && !is_nan(pivot)) || v > pivot; };
    while (true) {
      do ++i; while (pivot_above(line[i].first));
      do --j; while (above_pivot(line[j].first));
      if (j < i) break;
      swap_at(i, j);
    }
    swap_at(left, j);
    if (j <= k) left = i;
    if (j >= k) right = j - 1;
  }
}

// The most frequent value of a line (the smallest of those), with the position of the last of
// its run after libstdc++'s sort by value, moved to the front.
template <class T>
void mode_of_line(std::vector<Entry<T>>& line) {
  gnu_sort::sort(line.begin(), line.end(), [](const Entry<T>& x, const Entry<T>& y) { return x.first < y.first; });
  Entry<T> best = line[0];
  int64_t run = 0, best_run = 0;
  for (size_t k = 0; k < line.size(); ++k) {
    ++run;
    if (k + 1 == line.size() || line[k].first != line[k + 1].first) {
      if (run > best_run) {
        best = line[k];
        best_run = run;
      }
      run = 0;
    }
  }
  line[0] = best;
}

std::pair<Tensor, Tensor> median_dim(const Tensor& a, int64_t dim_in, bool keepdim, bool ignore_nan) {
  const char* name = ignore_nan ? "nanmedian" : "median";
  const int64_t dim = checked_reduction_dim(a, dim_in, name);
  check_select_dtype(a, "median_out", false);
  return select_lines(a, dim, 1, ignore_nan ? OpId::NanmedianDim : OpId::MedianDim, [&](auto& line) {
    median_of_line(line, ignore_nan);
  }, !keepdim);
}

// d median(x)/dx over all elements: the gradient shared evenly by the elements equal to the
// result (by the NaNs when it is NaN), as ATen's evenly_distribute_backward.
Grads evenly_distribute_backward(const Node& n, const Tensor& g) {
  const Tensor& x = saved(n, 0);
  const Tensor& result = saved(n, 1);
  const std::vector<unsigned char> xs = host_bytes(x);
  std::vector<unsigned char> out(xs.size());
  dispatch_dtype(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* v = reinterpret_cast<const T*>(xs.data());
    const T m = host_values<T>(result)[0];
    const T grad = host_values<T>(g)[0];
    const int64_t count = x.numel();
    auto chosen = [&](T e) { return is_nan(m) ? is_nan(e) : e == m; };
    const T share = grad / static_cast<T>(std::count_if(v, v + count, chosen));
    T* o = reinterpret_cast<T*>(out.data());
    for (int64_t i = 0; i < count; ++i) o[i] = chosen(v[i]) ? share : T(0);
  });
  return {from_host_bytes(out, x.shape(), x.dtype(), x.device())};
}

Tensor median_all(const Tensor& a, bool ignore_nan) {
  if (a.dtype() == DType::Bool) not_implemented_for("median_cpu", a.dtype());
  if (is_narrow(a.dtype())) not_supported(std::string(ignore_nan ? "nanmedian" : "median") + "() on " + dtype_name(a.dtype()) + " tensors");
  if (a.numel() == 0) {
    if (!is_floating(a.dtype())) not_supported("median() of an empty integer tensor");
    return full({}, Scalar(std::nan("")), TensorOptions{a.dtype(), a.device(), false});
  }
  // the lower median as the (value, position) order picks it: the same value as any order
  Tensor flat = prim::alias(a, {a.numel()});
  Tensor out;
  {
    NoGradGuard no_grad;
    out = median_dim(flat, 0, false, ignore_nan).first;
  }
  out = prim::alias(out, {});
  if (Node* n = record_op(ignore_nan ? OpId::NanmedianAll : OpId::MedianAll, evenly_distribute_backward, out, {&a})) {
    save_for_backward(*n, a);
    save_for_backward(*n, out);
  }
  return out;
}

}  // namespace

Tensor median(const Tensor& a) { return median_all(a, false); }
Tensor nanmedian(const Tensor& a) { return median_all(a, true); }
std::pair<Tensor, Tensor> median(const Tensor& a, int64_t dim, bool keepdim) { return median_dim(a, dim, keepdim, false); }
std::pair<Tensor, Tensor> nanmedian(const Tensor& a, int64_t dim, bool keepdim) { return median_dim(a, dim, keepdim, true); }

std::pair<Tensor, Tensor> kthvalue(const Tensor& a, int64_t k, int64_t dim_in, bool keepdim) {
  const int64_t dim = checked_reduction_dim(a, dim_in, "kthvalue");
  check_select_dtype(a, "kthvalue_cpu", false);
  const int64_t len = a.dim() == 0 ? 1 : a.shape()[dim];
  if (k < 1 || k > len) runtime_error("kthvalue(): selected number k out of range for dimension " + std::to_string(dim));
  return select_lines(a, dim, 1, OpId::Kthvalue, [&](auto& line) {
    quick_select(line, k - 1);
    std::swap(line[0], line[k - 1]);
  }, !keepdim);
}

std::pair<Tensor, Tensor> mode(const Tensor& a, int64_t dim_in, bool keepdim) {
  const int64_t dim = checked_reduction_dim(a, dim_in, "mode");
  return select_lines(a, dim, 1, OpId::Mode, [](auto& line) { mode_of_line(line); }, !keepdim);
}

}  // namespace gradlab
