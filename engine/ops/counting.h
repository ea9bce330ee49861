// Counting and searching ops without gradients, as ATen's CPU kernels compute them:
// torch.bincount (counts, or sums of weights, per value), torch.histc (counts per equal-width
// bin) and torch.searchsorted / bucketize (insertion points into sorted boundaries).
#pragma once
#include <optional>

#include "engine/tensor.h"

namespace gradlab {

// Occurrences of each value 0..max of a 1-d non-negative integer tensor (int64), or the sums of
// `weights` per value (float32 for float32 weights, else float64), at least `minlength` long.
Tensor bincount(const Tensor& input, const std::optional<Tensor>& weights, int64_t minlength);
// Counts of the elements in `bins` equal-width bins over [min, max] (the data's extremes where
// min == max), in the input's floating dtype.
Tensor histc(const Tensor& input, int64_t bins, double min, double max);
// Where each element of `values` would be inserted into the last dim of `sorted` to keep it
// sorted: before equal elements, or after them with `right`. `compare_as`: the dtype to compare
// in where `values` stands for a Python number (else the two tensors' result type).
Tensor searchsorted(const Tensor& sorted, const Tensor& values, bool out_int32, bool right,
                    std::optional<DType> compare_as = std::nullopt);

}  // namespace gradlab
