// History-free tensor primitives: thin wrappers that allocate an output and make one backend
// call. The differentiable ops (ops/*.cpp) compute their forward with these and record a node;
// backward formulas use them too (they run with grad mode off anyway).
#pragma once
#include "engine/backend/backend.h"
#include "engine/tensor.h"

namespace gradlab::prim {

Tensor empty(const Shape& shape, DType dtype, Device device);
// A tensor sharing `t`'s storage with a new shape of the same numel (reshape of contiguous data).
Tensor alias(const Tensor& t, const Shape& shape);
Tensor cast(const Tensor& t, DType dtype);  // returns t itself when the dtype already matches
// The same storage under another dtype of the same storage layout: int64 ⇄ bool, whose values
// are 0/1 (Note [Bool storage]).
Tensor retag(const Tensor& t, DType dtype);
// A 0/1 result of a comparison primitive computed in t's dtype, as a bool tensor.
Tensor mask_to_bool(const Tensor& t);
Tensor unary(UnaryOp op, const Tensor& x, double a = 0, double b = 0);
// Broadcasting binary op computed in `dtype` (inputs are cast first when they differ).
Tensor binary(BinaryOp op, const Tensor& x, const Tensor& y, DType dtype, double a = 0);
inline Tensor binary(BinaryOp op, const Tensor& x, const Tensor& y, double a = 0) {
  return binary(op, x, y, x.dtype(), a);
}
// Reduces to `out_shape` (same rank, reduced dims are 1); ArgMax returns int64 indices.
Tensor reduce(ReduceOp op, const Tensor& x, const Shape& out_shape);
// reduce(Sum), in the order PyTorch sums x when x stands for a strided view (Note [Sums of views]).
Tensor sum_values(const Tensor& x, const Shape& out_shape);
Tensor gather_view(const Tensor& x, const Shape& shape, const std::vector<int64_t>& strides, int64_t offset);
Tensor expand(const Tensor& x, const Shape& shape);   // materialised broadcast
Tensor matmul(const Tensor& a, const Tensor& b, int64_t m, int64_t n, int64_t k, bool trans_a, bool trans_b);
// c[m×n] += op(a)·op(b) in place (BLAS beta = 1); c is a fresh contiguous tensor of a's dtype.
void matmul_accumulate(const Tensor& c, const Tensor& a, const Tensor& b, int64_t m, int64_t n, int64_t k,
                       bool trans_a, bool trans_b);
// a[rows×cols]·x[cols] and Σ a·b over two vectors, rounded as PyTorch's gemv call `call` and its
// dot with unit strides or not (Note [Matrix-vector rounding]): [rows] and a 0-d tensor.
Tensor gemv(const Tensor& a, const Tensor& x, const GemvCall& call);
Tensor dot(const Tensor& a, const Tensor& b, bool unit_strides);
Tensor scalar(double value, DType dtype, Device device);

// Throws PyTorch's "Expected all tensors to be on the same device" error when they differ.
void check_same_device(const Tensor& a, const Tensor& b);

}  // namespace gradlab::prim
