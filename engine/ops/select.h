// Order statistics along a dim or over all elements: median, nanmedian, kthvalue,
// mode (sort.cpp); and the set ops unique / unique_consecutive (unique.cpp).
//
// Note [Selection tie order]
// The values are the same however one selects; the index of a value that occurs more than once
// is not. PyTorch 1.13's CPU kernels pick them as follows, and gradlab runs the same algorithms
// (checked against torch 1.13.1 on inputs full of ties and NaNs):
// - median(dim) / nanmedian(dim): the line's positions are ordered by (value, position), so the
//   median is the ((n - 1) / 2)-th of a stable order (n without the NaNs for nanmedian); median
//   returns the first NaN of a line that has one. nanmedian compares a NaN equal to a NaN, so an
//   all-NaN line's index comes from libstdc++'s nth_element (engine/util/gnu_sort.h).
// - kthvalue: the classic median-of-three quickselect (Numerical Recipes' `select`) on the
//   (value, position) pairs, ordering by value only, NaN above every number.
// - mode: the pairs sorted by value only with libstdc++'s std::sort; the mode is the smallest of
//   the most frequent values, and its index the position of the last of its run in that order.
#pragma once
#include <optional>
#include <utility>

#include "engine/tensor.h"

namespace gradlab {

// The lower median of all elements (NaN if any is NaN): MedianBackward0.
Tensor median(const Tensor& a);
// (values, indices) of each line's lower median: MedianBackward1.
std::pair<Tensor, Tensor> median(const Tensor& a, int64_t dim, bool keepdim);
// The same ignoring NaNs: NanmedianBackward0 / NanmedianBackward1.
Tensor nanmedian(const Tensor& a);
std::pair<Tensor, Tensor> nanmedian(const Tensor& a, int64_t dim, bool keepdim);
// The k-th smallest (1-based) of each line: KthvalueBackward0.
std::pair<Tensor, Tensor> kthvalue(const Tensor& a, int64_t k, int64_t dim, bool keepdim);
// The most frequent value of each line: ModeBackward0.
std::pair<Tensor, Tensor> mode(const Tensor& a, int64_t dim, bool keepdim);

// torch.unique / unique_consecutive (dim=None): the distinct values (sorted for unique), and
// when asked the inverse (each element's position among them, shaped as `a`) and the counts.
struct UniqueResult {
  Tensor values, inverse, counts;
};
UniqueResult unique(const Tensor& a, bool sorted, bool return_inverse, bool return_counts);
UniqueResult unique_consecutive(const Tensor& a, bool return_inverse, bool return_counts);
// The same over the slices along `dim` (unique's always sorted, lexicographically): the distinct
// slices stacked along `dim`; the inverse and counts have one entry per slice.
UniqueResult unique_dim(const Tensor& a, int64_t dim, bool consecutive, bool return_inverse, bool return_counts);

}  // namespace gradlab
