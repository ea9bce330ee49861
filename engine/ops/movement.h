// Ops that re-index a tensor's dims or windows, as PyTorch 1.13 builds them: narrow (a slice),
// movedim (a permute), unflatten (a view), meshgrid (views expanded), diff (narrows subtracted),
// and the two with nodes of their own, rot90 (Rot90Backward0) and unfold (UnfoldBackward0).
//
// Note [Composites stay compositions]
// narrow, movedim, unflatten, meshgrid and diff are CompositeImplicitAutograd in ATen: they have
// no node of their own, so their results show the nodes of the ops they are made of
// (SliceBackward0, PermuteBackward0, ViewBackward0, ExpandBackward0, SubBackward0). They are
// written here as the same sequence of ops, which gives the same digits and node names for free.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/tensor.h"

namespace gradlab {

// a.slice(dim, start, start + length), start wrapped like a dim of the dim's size.
Tensor narrow(const Tensor& a, int64_t dim, int64_t start, int64_t length);
// Dims `source` moved to `destination`, the rest keeping their order: a permute.
Tensor movedim(const Tensor& a, const std::vector<int64_t>& source, const std::vector<int64_t>& destination);
// Dim `dim` split into `sizes` (one may be -1): a view (ops/shape.cpp).
Tensor unflatten(const Tensor& a, int64_t dim, const std::vector<int64_t>& sizes);
// A view that splits dims or adds size-1 dims, which PyTorch allows for any strides: no
// contiguity check, and a strided input's mark carried over (ops/shape.cpp).
Tensor view_splitting_dims(const Tensor& a, const Shape& shape);
// The plane of dims (dims[0], dims[1]) turned k quarter turns from dims[0] towards dims[1].
Tensor rot90(const Tensor& a, int64_t k, const std::vector<int64_t>& dims);
// Windows of `size` every `step` along `dim`, as a new last dim (a strided view in PyTorch).
Tensor unfold(const Tensor& a, int64_t dim, int64_t size, int64_t step);
// Coordinate grids of 0-d or 1-d tensors; indexing "ij" (matrix) or "xy" (Cartesian).
std::vector<Tensor> meshgrid(const std::vector<Tensor>& tensors, const std::string& indexing);
// The n-th forward difference along `dim`, after prepending / appending along it.
Tensor diff(const Tensor& a, int64_t n, int64_t dim, const std::optional<Tensor>& prepend,
            const std::optional<Tensor>& append);

}  // namespace gradlab
