// Cumulative reductions along a dim: cumsum (CumsumBackward0) and cumprod (CumprodBackward0).
//
// Note [Cumulative accumulation]
// PyTorch 1.13's CPU kernel walks each line along `dim` in order with an accumulator of the
// "accumulate type" — double for float32 and float64, int64 for integers — and rounds each
// running value to the output dtype. So float32 cumsum is not a float32 running sum: gradlab
// accumulates in double the same way (checked bit for bit against torch 1.13.1 on random inputs).
// The backwards use the same scan run backwards (reversed cumsum).
#pragma once
#include <optional>

#include "engine/tensor.h"

namespace gradlab {

// Integer and bool inputs give int64; `dtype` casts the input first.
Tensor cumsum(const Tensor& a, int64_t dim, std::optional<DType> dtype = std::nullopt);
Tensor cumprod(const Tensor& a, int64_t dim, std::optional<DType> dtype = std::nullopt);

}  // namespace gradlab
