// torch.unique and torch.unique_consecutive over all elements (select.h), on the host.
//
// PyTorch 1.13's CPU unique collects the values in a hash set, then sorts them: a value equal to
// an earlier one is dropped, so of 0.0 and -0.0 the first to occur is kept. Without sorting the
// result is in the hash set's order, and NaNs (each unequal to every value) land wherever the
// sort leaves them: gradlab does not model those two and says so. Neither op has a derivative
// in PyTorch (its nodes raise at backward), so gradlab refuses them on tensors that require grad.
// Along a dim, ATen sorts the slices' positions with std::sort (libstdc++'s, engine/util/gnu_sort.h)
// comparing slices element by element (in the order of a.transpose(0, dim)), then keeps the first
// of each run of equal slices.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/ops/op_helpers.h"
#include "engine/ops/select.h"
#include "engine/util/gnu_sort.h"

namespace gradlab {
using namespace ops;

namespace {

void check_unique_input(const Tensor& a, const char* name) {
  if (a.dtype() == DType::Float16) not_implemented_for("unique", a.dtype());
  if (grad_mode_enabled() && a.requires_grad())
    not_supported(std::string(name) + " of a tensor that requires grad (PyTorch has no derivative for it)");
}

Tensor int64_tensor(const std::vector<int64_t>& v, const Shape& shape, Device device) {
  return from_host(v, shape, DType::Int64, device);
}

// Groups the elements of `values` (row-major) into runs of equal values, the runs given in
// `order` (a permutation of the positions that keeps equal values adjacent); fills the result.
template <class T>
UniqueResult group_runs(const Tensor& a, const std::vector<T>& values, const std::vector<int64_t>& order,
                        bool return_inverse, bool return_counts) {
  std::vector<T> distinct;
  std::vector<int64_t> inverse(values.size()), counts;
  for (size_t k = 0; k < order.size(); ++k) {
    const T v = values[static_cast<size_t>(order[k])];
    if (k == 0 || !(distinct.back() == v)) {
      distinct.push_back(v);  // the first of its run: its representative (0.0 or -0.0)
      counts.push_back(0);
    }
    ++counts.back();
    inverse[static_cast<size_t>(order[k])] = static_cast<int64_t>(distinct.size()) - 1;
  }
  UniqueResult r;
  const int64_t n = static_cast<int64_t>(distinct.size());
  r.values = from_host(distinct, {n}, a.dtype(), a.device());
  if (return_inverse) r.inverse = int64_tensor(inverse, a.shape(), a.device());
  if (return_counts) r.counts = int64_tensor(counts, {n}, a.device());
  return r;
}

}  // namespace

UniqueResult unique(const Tensor& a, bool sorted, bool return_inverse, bool return_counts) {
  check_unique_input(a, "unique");
  return dispatch_dtype(a.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const std::vector<T> values = host_values<T>(a);
    if constexpr (std::is_floating_point_v<T>)
      if (std::any_of(values.begin(), values.end(), [](T v) { return std::isnan(v); }))
        not_supported("unique of a tensor with NaNs");
    // equal values adjacent, each run in order of occurrence
    std::vector<int64_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int64_t x, int64_t y) { return values[x] < values[y]; });
    UniqueResult r = group_runs(a, values, order, return_inverse, return_counts);
    if (!sorted && r.values.numel() > 1) not_supported("unique(sorted=False) (its order is that of a hash set)");
    return r;
  });
}

UniqueResult unique_dim(const Tensor& a, int64_t dim_in, bool consecutive, bool return_inverse, bool return_counts) {
  const char* name = consecutive ? "unique_consecutive" : "unique";
  if (a.dim() == 0) index_error("Dimension specified as " + std::to_string(dim_in) + " but tensor has no dimensions");
  const int64_t dim = wrap_dim(dim_in, a.dim());
  if (a.dtype() == DType::Float16) not_implemented_for(consecutive ? "unique" : "unique_dim", a.dtype());
  check_unique_input(a, name);
  if (a.numel() == 0) not_supported(std::string(name) + "(dim=...) of an empty tensor");
  // ATen flattens a.transpose(0, dim): a slice's elements run over the other dims in that order
  std::vector<int64_t> other_dims(static_cast<size_t>(a.dim()));
  std::iota(other_dims.begin(), other_dims.end(), 0);
  std::swap(other_dims[0], other_dims[static_cast<size_t>(dim)]);
  other_dims.erase(other_dims.begin());
  auto slice_offsets = [&](const Shape& shape) {  // of each element of slice 0, in that order
    const std::vector<int64_t> strides = contiguous_strides(shape);
    std::vector<int64_t> offsets{0};
    for (int64_t d : other_dims) {
      std::vector<int64_t> next;
      for (int64_t o : offsets)
        for (int64_t j = 0; j < shape[d]; ++j) next.push_back(o + j * strides[d]);
      offsets = std::move(next);
    }
    return offsets;
  };
  const std::vector<int64_t> in_offsets = slice_offsets(a.shape());
  const int64_t slices = a.shape()[dim], slice_size = static_cast<int64_t>(in_offsets.size());
  const int64_t in_stride = contiguous_strides(a.shape())[dim];
  return dispatch_dtype(a.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const std::vector<T> x = host_values<T>(a);
    auto at = [&](int64_t k, int64_t e) { return x[static_cast<size_t>(in_offsets[e] + k * in_stride)]; };
    std::vector<int64_t> order(static_cast<size_t>(slices));
    std::iota(order.begin(), order.end(), 0);
    if (!consecutive)
      gnu_sort::sort(order.begin(), order.end(), [&](int64_t p, int64_t q) {
        for (int64_t e = 0; e < slice_size; ++e) {
          if (at(p, e) < at(q, e)) return true;
          if (at(p, e) > at(q, e)) return false;
        }
        return false;
      });
    auto same = [&](int64_t p, int64_t q) {
      for (int64_t e = 0; e < slice_size; ++e)
        if (!(at(p, e) == at(q, e))) return false;
      return true;
    };
    std::vector<int64_t> kept, inverse(static_cast<size_t>(slices)), counts;
    for (int64_t k : order) {
      if (kept.empty() || !same(kept.back(), k)) {
        kept.push_back(k);
        counts.push_back(0);
      }
      ++counts.back();
      inverse[static_cast<size_t>(k)] = static_cast<int64_t>(kept.size()) - 1;
    }
    const int64_t n = static_cast<int64_t>(kept.size());
    Shape shape = a.shape();
    shape[dim] = n;
    const std::vector<int64_t> out_offsets = slice_offsets(shape);
    const int64_t out_stride = contiguous_strides(shape)[dim];
    std::vector<T> values(static_cast<size_t>(n * slice_size));
    for (int64_t g = 0; g < n; ++g)
      for (int64_t e = 0; e < slice_size; ++e)
        values[static_cast<size_t>(out_offsets[e] + g * out_stride)] = at(kept[static_cast<size_t>(g)], e);
    UniqueResult r;
    r.values = from_host(values, shape, a.dtype(), a.device());
    if (return_inverse) r.inverse = int64_tensor(inverse, {slices}, a.device());
    if (return_counts) r.counts = int64_tensor(counts, {n}, a.device());
    return r;
  });
}

UniqueResult unique_consecutive(const Tensor& a, bool return_inverse, bool return_counts) {
  check_unique_input(a, "unique_consecutive");
  return dispatch_dtype(a.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const std::vector<T> values = host_values<T>(a);
    std::vector<int64_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    return group_runs(a, values, order, return_inverse, return_counts);
  });
}

}  // namespace gradlab
