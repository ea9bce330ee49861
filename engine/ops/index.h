// Indices: the ops that produce index tensors (argmax, argmin) and the ops that take them —
// advanced indexing (`x[idx]`, `x[rows, cols]`, `x[idx] = v`), index_select, gather, scatter,
// scatter_add and one_hot.
//
// Note [Advanced indexing]
// A script's subscript is split the way PyTorch's Python binding splits it: ints, slices, None
// and `...` are applied first as select / slice / unsqueeze (their own nodes), and the tensors
// (and lists, turned into int64 tensors) that remain index the dims they stand at. `indices`
// below has one entry per leading dim of `a`; an undefined Tensor leaves that dim whole.
// Bool masks among them become their nonzero() columns, one index per mask dim. The index
// tensors broadcast together to a shape B; the result is B put where the indexed dims were
// when those are adjacent, and in front of the remaining dims when they are not (NumPy's rule).
// Out-of-range messages number the index tensors, not the dims ("index 5 is out of bounds for
// dimension 0 with size 4" for x[:, [0, 5]]), as ATen's index kernel does.
#pragma once
#include <optional>
#include <vector>

#include "engine/tensor.h"

namespace gradlab {

// The index of the largest (smallest) element: of the flattened tensor without `dim`, along
// `dim` with it. int64, not differentiable; the first extremum wins and NaN counts as largest.
Tensor argmax(const Tensor& a, std::optional<int64_t> dim, bool keepdim);
Tensor argmin(const Tensor& a, std::optional<int64_t> dim, bool keepdim);

// a[indices] (Note [Advanced indexing]): IndexBackward0.
Tensor index(const Tensor& a, const std::vector<Tensor>& indices);
// a[indices] = value in place, `value` broadcast to the indexed shape: IndexPutBackward0.
Tensor& index_put_(Tensor& a, const std::vector<Tensor>& indices, const Tensor& value);

// The slices `index` (a vector of int64) of `dim`: IndexSelectBackward0.
Tensor index_select(const Tensor& a, int64_t dim, const Tensor& index);
// out[p] = a[p with coordinate `dim` replaced by index[p]], shaped as `index`: GatherBackward0.
Tensor gather(const Tensor& a, int64_t dim, const Tensor& index);
// gather's inverse: a copy of `a` with src[p] written at (p with coordinate `dim` = index[p])
// (ScatterBackward0), the number `value` written there (ScatterBackward1), or src[p] added there
// (ScatterAddBackward0); the in-place forms write into `a`.
Tensor scatter(const Tensor& a, int64_t dim, const Tensor& index, const Tensor& src);
Tensor scatter(const Tensor& a, int64_t dim, const Tensor& index, Scalar value);
Tensor scatter_add(const Tensor& a, int64_t dim, const Tensor& index, const Tensor& src);
Tensor& scatter_(Tensor& a, int64_t dim, const Tensor& index, const Tensor& src);
Tensor& scatter_(Tensor& a, int64_t dim, const Tensor& index, Scalar value);
Tensor& scatter_add_(Tensor& a, int64_t dim, const Tensor& index, const Tensor& src);
// a.flatten()[index], shaped as `index` (negative indices count from the end): TakeBackward0.
Tensor take(const Tensor& a, const Tensor& index);
// A copy of `a` with alpha * source's slice j added to slice index[j] of `dim`, in order:
// IndexAddBackward0; the in-place form adds into `a`.
Tensor index_add(const Tensor& a, int64_t dim, const Tensor& index, const Tensor& source, Scalar alpha = Scalar(1));
Tensor& index_add_(Tensor& a, int64_t dim, const Tensor& index, const Tensor& source, Scalar alpha = Scalar(1));
// F.one_hot: int64 [..., num_classes] (num_classes < 0: the largest class + 1).
Tensor one_hot(const Tensor& classes, int64_t num_classes);

}  // namespace gradlab
