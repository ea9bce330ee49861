// Products of several matrices, as ATen 1.13 composes them from mm/matmul (LinearAlgebra.cpp):
// torch.linalg.multi_dot multiplies in the cheapest order (MmBackward0 nodes, then one
// ViewBackward0), torch.linalg.matrix_power by repeated squaring. The digits are mm's.
#pragma once
#include <vector>

#include "engine/tensor.h"

namespace gradlab {

Tensor multi_dot(const std::vector<Tensor>& tensors);
// n >= 0; a negative power needs the inverse, which is refused.
Tensor matrix_power(const Tensor& a, int64_t n);

}  // namespace gradlab
