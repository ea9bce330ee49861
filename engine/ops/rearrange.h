// Ops that move elements without arithmetic, or pick a matrix's triangle or diagonal: flip,
// roll, repeat (and tile, repeat_interleave built on others), tril/triu, diag, trace; and the
// batched and outer products (bmm in matmul.cpp, outer = a.reshape(n, 1) * b as in ATen).
//
// Note [Moves by offsets]
// flip, roll, diag and repeat compute, on the host, the flat offset in the (contiguous) input of
// each output element and gather them (take_elements); the backward puts the gradient back at
// the same offsets. Each such op is one PyTorch node (FlipBackward0, RollBackward0, ...), even
// where ATen's kernel composes several steps below autograd.
#pragma once
#include <optional>
#include <vector>

#include "engine/tensor.h"

namespace gradlab {

// The dims reversed: FlipBackward0 (fliplr/flipud are flip of dim 1 / dim 0).
Tensor flip(const Tensor& a, const std::vector<int64_t>& dims);
Tensor fliplr(const Tensor& a);
Tensor flipud(const Tensor& a);
// Elements shifted along `dims` (of the flattened tensor when `dims` is empty): RollBackward0.
Tensor roll(const Tensor& a, const std::vector<int64_t>& shifts, const std::vector<int64_t>& dims);
// The tensor tiled `repeats` times per dim (leading repeats add dims): RepeatBackward0.
Tensor repeat(const Tensor& a, const std::vector<int64_t>& repeats);
// repeat with `reps` padded by leading 1s to the tensor's rank.
Tensor tile(const Tensor& a, const std::vector<int64_t>& reps);
// Each element (or slice along `dim`) `repeats` times in a row: index_select (IndexSelectBackward0).
Tensor repeat_interleave(const Tensor& a, int64_t repeats, std::optional<int64_t> dim);
// The lower (upper) triangle of the last two dims from `diagonal` on; the rest zero.
Tensor tril(const Tensor& a, int64_t diagonal = 0);
Tensor triu(const Tensor& a, int64_t diagonal = 0);
Tensor& tril_(Tensor& self, int64_t diagonal = 0);
Tensor& triu_(Tensor& self, int64_t diagonal = 0);
// A vector's square matrix with it on diagonal `diagonal`, or a matrix's diagonal as a vector.
Tensor diag(const Tensor& a, int64_t diagonal = 0);
// The elements (i, i + offset) of dims dim1 and dim2, as a last dim (a view in PyTorch, a
// window copy here, shape.cpp): DiagonalBackward0.
Tensor diagonal(const Tensor& a, int64_t offset = 0, int64_t dim1 = 0, int64_t dim2 = 1);
// The sum of a matrix's diagonal, accumulated in double (int64 for integer inputs).
Tensor trace(const Tensor& a);

// Batched matrix product of [b, n, m] and [b, m, p] (matmul.cpp): BmmBackward0.
Tensor bmm(const Tensor& a, const Tensor& b);
// a ⊗ b of two vectors: a.reshape(n, 1) * b (MulBackward0), as ATen computes it.
Tensor outer(const Tensor& a, const Tensor& b);

// log Σ exp over `dims`, shifted by the max as ATen does (logsumexp.cpp): LogsumexpBackward0.
Tensor logsumexp(const Tensor& a, const std::vector<int64_t>& dims, bool keepdim);

}  // namespace gradlab
