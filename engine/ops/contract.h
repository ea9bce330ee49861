// Contractions written as ATen composes them (Note [Composites stay compositions],
// movement.h), in einsum.cpp: torch.einsum, pairwise left to right through bmm, and
// torch.tensordot through mm.
#pragma once
#include <string>
#include <vector>

#include "engine/tensor.h"

namespace gradlab {

// Einstein summation over `operands` by `equation` ("ij,jk->ik", "...ij->...ji", "ii").
Tensor einsum(const std::string& equation, const std::vector<Tensor>& operands);
// The sum over dims_a of a and dims_b of b (paired in order) of their products.
Tensor tensordot(const Tensor& a, const Tensor& b, const std::vector<int64_t>& dims_a, const std::vector<int64_t>& dims_b);

}  // namespace gradlab
