// Variance and standard deviation: var (VarBackward0) and std (StdBackward0).
//
// Note [Variance order]
// PyTorch 1.13 on the CPU takes one of two algorithms, both accumulating in double:
//   - one output element (no dim, or dims covering the tensor): two passes — the mean as
//     x.mean() computes it (in x's dtype, widened to double), then Σ (x - mean)² in element
//     order, each square rounded before it is added (no fma);
//   - otherwise Welford along the reduced dim, element by element: delta = x - mean,
//     mean += delta / n, m2 = fma(delta, x - mean, m2) (the compiled kernel fuses it).
// The variance is m2 / max(n - correction, 0), its square root taken in double for std, then
// rounded to x's dtype. (Both checked bit for bit against torch 1.13.1 on random inputs.)
// Reducing several but not all dims is refused: that order is TensorIterator's.
#pragma once
#include <optional>
#include <vector>

#include "engine/tensor.h"

namespace gradlab {

// `dims` absent: all elements. `correction` 1 is the unbiased estimate, 0 the population one.
// (Named variance / std_dev: a function `std` would hide namespace std inside gradlab.)
Tensor variance(const Tensor& a, std::optional<std::vector<int64_t>> dims, int64_t correction, bool keepdim);
Tensor std_dev(const Tensor& a, std::optional<std::vector<int64_t>> dims, int64_t correction, bool keepdim);

}  // namespace gradlab
