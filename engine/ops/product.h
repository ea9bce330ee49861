// The product of elements: prod() (ProdBackward0) and prod(dim) (ProdBackward1).
//
// Note [Product order]
// PyTorch 1.13's CPU kernel is a vectorised reduction (AVX2: 8 float / 4 double lanes). Over
// contiguous elements (everything, or the last dim) it multiplies blocks of 4 vectors into 4
// vector accumulators started from the first block, folds them as (a0·a1)·(a2·a3), multiplies
// the lanes left to right, then the remaining n mod 4·lanes elements one by one. Along any
// other dim each output is the plain running product. gradlab rounds the same way (checked
// bit for bit against torch 1.13.1 on random inputs).
#pragma once
#include <optional>

#include "engine/tensor.h"

namespace gradlab {

// Integer and bool inputs give int64; `dtype` casts the input first.
Tensor prod(const Tensor& a, std::optional<DType> dtype = std::nullopt);
Tensor prod(const Tensor& a, int64_t dim, bool keepdim, std::optional<DType> dtype = std::nullopt);

}  // namespace gradlab
