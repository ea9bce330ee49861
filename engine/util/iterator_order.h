// TensorIterator's dim order (reorder_dimensions in ATen 1.13), shared by the kernels that must
// walk a tensor as PyTorch does (Note [Sums of views], Note [Runs of strided operands]).
#pragma once
#include <cstddef>
#include <utility>
#include <vector>

namespace gradlab {

// Sorts `dims` (fastest first; PyTorch starts from the reversed dims) with TensorIterator's
// insertion sort: should_swap(a, b) is > 0 to swap a dim after the one before it, < 0 to stop,
// 0 to look further back. Pairs the comparison cannot tell apart keep their order.
template <class Dim, class ShouldSwap>
void iterator_order(std::vector<Dim>& dims, ShouldSwap should_swap) {
  for (size_t i = 1; i < dims.size(); ++i) {
    size_t d1 = i;
    for (size_t d0 = i; d0-- > 0;) {
      const int c = should_swap(dims[d0], dims[d1]);
      if (c > 0) {
        std::swap(dims[d0], dims[d1]);
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
}

}  // namespace gradlab
