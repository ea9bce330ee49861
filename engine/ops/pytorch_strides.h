// The strides PyTorch's tensor would have where gradlab holds a contiguous copy (Note [Views are
// copies]): for ops whose rounding depends on them (atan2's runs in trig.cpp, mv's and dot's BLAS
// calls in matmul.cpp).
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/shape.h"
#include "engine/tensor.h"

namespace gradlab {

// PyTorch's strides of `t` (in elements) broadcast to `shape`, or nullopt where gradlab cannot
// know them (pytorch_view_strides, view_copy.h).
std::optional<std::vector<int64_t>> pytorch_strides(const Tensor& t, const Shape& shape);

}  // namespace gradlab
