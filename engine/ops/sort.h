// Sorting along a dim: sort (SortBackward0), argsort, topk (TopkBackward0).
//
// Note [Sort tie order]
// Values are the same however one sorts; the indices of equal values are not. PyTorch 1.13's
// CPU kernels sort each line as (value, index) pairs with the C++ standard library —
// std::sort (std::stable_sort with stable=True) for sort; for topk std::partial_sort when
// k * 64 <= n, else std::nth_element then std::sort of the first k - 1 — ordering by value
// only, NaN above every number. gradlab runs the same algorithms with the same comparisons —
// libstdc++'s, re-implemented in engine/util/gnu_sort.h so that the WebAssembly build (libc++)
// orders ties the same way; stable_sort's order is the same in every library — which gives the
// same permutation (checked against torch 1.13.1 on inputs full of ties and NaNs).
#pragma once
#include <utility>

#include "engine/tensor.h"

namespace gradlab {

// (values, indices) of each line along `dim` in ascending (descending) order.
std::pair<Tensor, Tensor> sort(const Tensor& a, int64_t dim, bool descending, bool stable);
// The k largest (smallest) of each line along `dim`, in order when `sorted`.
std::pair<Tensor, Tensor> topk(const Tensor& a, int64_t k, int64_t dim, bool largest, bool sorted);

}  // namespace gradlab
