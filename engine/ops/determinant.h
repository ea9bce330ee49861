// torch.linalg.det / torch.det for small matrices, digit for digit (ops/determinant.cpp).
#pragma once
#include "engine/tensor.h"

namespace gradlab {

// The largest matrix side whose determinant matches PyTorch's to the last digit.
inline constexpr int64_t kExactDetMaxSize = 5;

// det of each matrix of a batch [..., n, n], n <= kExactDetMaxSize; its gradient
// (LinalgDetBackward0 solves with the LU factors) is refused.
Tensor det(const Tensor& a);

}  // namespace gradlab
