// Comparisons, logical and bitwise ops, and masks: the ops that produce or consume bool tensors
// (Note [Bool storage] in dtype.h). Comparisons, logical ops, isnan & co. have no gradient
// (their results never require grad); where, masked_fill, mask indexing and masked_select do.
// Forward and backward live in ops/compare.cpp (comparisons) and ops/mask.cpp (masks).
#pragma once
#include <optional>
#include <vector>

#include "engine/tensor.h"

namespace gradlab {

enum class CompareOp : uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

// ---- ops/compare.cpp -------------------------------------------------------------------------
Tensor compare(CompareOp op, const Tensor& a, const Tensor& b);  // broadcasting, bool result
Tensor compare(CompareOp op, const Tensor& a, Scalar b);
Tensor compare(CompareOp op, Scalar a, const Tensor& b);

Tensor logical_not(const Tensor& a);
Tensor logical_and(const Tensor& a, const Tensor& b);
Tensor logical_or(const Tensor& a, const Tensor& b);
Tensor logical_xor(const Tensor& a, const Tensor& b);
// `~`, `&`, `|`, `^`: bool and int64 only, like PyTorch.
Tensor bitwise_not(const Tensor& a);
enum class BitwiseOp : uint8_t { And, Or, Xor };
Tensor bitwise(BitwiseOp op, const Tensor& a, const Tensor& b);
Tensor bitwise(BitwiseOp op, const Tensor& a, Scalar b);

Tensor isnan(const Tensor& a);
Tensor isinf(const Tensor& a);
Tensor isfinite(const Tensor& a);
Tensor isclose(const Tensor& a, const Tensor& b, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false);
bool allclose(const Tensor& a, const Tensor& b, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false);
bool equal(const Tensor& a, const Tensor& b);

Tensor any(const Tensor& a);
Tensor any(const Tensor& a, int64_t dim, bool keepdim = false);
Tensor all(const Tensor& a);
Tensor all(const Tensor& a, int64_t dim, bool keepdim = false);
Tensor count_nonzero(const Tensor& a, std::optional<int64_t> dim = std::nullopt);

// Errors PyTorch gives for arithmetic it refuses on bool tensors.
void check_bool_sub(DType a, DType b);  // `-` with a bool operand
void check_bool_neg(DType a);           // unary `-` on bool

// ---- ops/mask.cpp ----------------------------------------------------------------------------
Tensor where(const Tensor& cond, const Tensor& x, const Tensor& y);  // WhereBackward0
Tensor masked_fill(const Tensor& a, const Tensor& mask, Scalar value);        // MaskedFillBackward0
Tensor masked_fill(const Tensor& a, const Tensor& mask, const Tensor& value);  // 0-d value
Tensor& masked_fill_(Tensor& a, const Tensor& mask, Scalar value);
Tensor index_mask(const Tensor& a, const Tensor& mask);  // a[mask]: IndexBackward0
// a[mask] = value (in place, IndexPutBackward0 when recorded); value is 0-d or one per selected row.
Tensor& index_put_mask_(Tensor& a, const Tensor& mask, const Tensor& value);
Tensor masked_select(const Tensor& a, const Tensor& mask);  // MaskedSelectBackward0
Tensor nonzero(const Tensor& a);                             // [n, dim] int64 indices
std::vector<Tensor> nonzero_tuple(const Tensor& a);          // one int64 index tensor per dim

}  // namespace gradlab
