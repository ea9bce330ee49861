// Joining tensors: torch.cat and torch.stack (forward; their backward comes with variadic
// autograd nodes — with history requested they raise a clear "not supported" for now).
#pragma once
#include <vector>

#include "engine/tensor.h"

namespace gradlab {

// Concatenates along `dim` (PyTorch's promotion of dtypes; legacy 1-D empty tensors skipped).
Tensor cat(const std::vector<Tensor>& tensors, int64_t dim);
// Stacks equal-shaped tensors along a new dim.
Tensor stack(const std::vector<Tensor>& tensors, int64_t dim);

}  // namespace gradlab
