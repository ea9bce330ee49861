// Comparisons, logical and bitwise ops, isnan & co., any/all (see compare.h). Each computes a
// 0/1 primitive in the operands' promoted dtype (Note [Type promotion]) and tags the result
// bool (Note [Bool storage]). None has a gradient: PyTorch records no node for them.
#include "engine/ops/compare.h"

#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {

BinaryOp compare_prim(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return BinaryOp::EqualMask;
    case CompareOp::Ne: return BinaryOp::NotEqual;
    case CompareOp::Lt: return BinaryOp::Less;
    case CompareOp::Le: return BinaryOp::LessEqual;
    case CompareOp::Gt: return BinaryOp::Greater;
    case CompareOp::Ge: return BinaryOp::GreaterEqual;
  }
  return BinaryOp::EqualMask;
}

// a OP b == b FLIP(OP) a
CompareOp flipped(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::Le: return CompareOp::Ge;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::Ge: return CompareOp::Le;
    default: return op;
  }
}

// A Python number as a 0-d tensor of the computation's dtype.
Tensor number_tensor(Scalar b, DType t, Device device) {
  if (t == DType::Bool) return prim::scalar(b.value != 0 ? 1.0 : 0.0, t, device);
  return prim::scalar(b.value, t, device);
}

// Sum of the 0/1 (bool) values of `nz` over `dims` (all when empty), as int64.
Tensor count_true(const Tensor& nz, const Shape& keep) {
  return prim::reduce(ReduceOp::Sum, prim::retag(nz, DType::Int64), keep);
}

// The keepdim shape for a reduction over one dim (all dims when `dim` is empty) and the result shape.
std::pair<Shape, Shape> reduce_shapes(const Tensor& a, std::optional<int64_t> dim, bool keepdim) {
  Shape keep = a.shape(), out;
  if (!dim) {
    keep.assign(a.shape().size(), 1);
    return {keep, keepdim ? keep : Shape{}};
  }
  int64_t d = wrap_dim(*dim, a.dim());
  if (a.dim() == 0) return {keep, keep};
  keep[d] = 1;
  for (int64_t i = 0; i < a.dim(); ++i)
    if (i != d) out.push_back(a.shape()[i]);
  return {keep, keepdim ? keep : out};
}

Tensor any_all(const Tensor& a, std::optional<int64_t> dim, bool keepdim, bool is_all) {
  auto [keep, out_shape] = reduce_shapes(a, dim, keepdim);
  // any: some element is nonzero; all: no element is zero.
  Tensor flags = is_all ? prim::mask_to_bool(prim::unary(UnaryOp::LogicalNot, a)) : prim::cast(a, DType::Bool);
  Tensor n = count_true(flags, keep);
  Tensor r = prim::unary(is_all ? UnaryOp::LogicalNot : UnaryOp::NonZero, n);
  // uint8 keeps its dtype (PyTorch's legacy any/all on byte masks): the 0/1 int64 storage fits.
  return prim::retag(prim::alias(r, out_shape), a.dtype() == DType::UInt8 ? DType::UInt8 : DType::Bool);
}

const char* bitwise_kernel(BitwiseOp op) {
  switch (op) {
    case BitwiseOp::And: return "bitwise_and_cpu";
    case BitwiseOp::Or: return "bitwise_or_cpu";
    case BitwiseOp::Xor: return "bitwise_xor_cpu";
  }
  return "";
}

BinaryOp bitwise_prim(BitwiseOp op) {
  switch (op) {
    case BitwiseOp::And: return BinaryOp::BitAnd;
    case BitwiseOp::Or: return BinaryOp::BitOr;
    case BitwiseOp::Xor: return BinaryOp::BitXor;
  }
  return BinaryOp::BitAnd;
}

}  // namespace

// ---- comparisons -----------------------------------------------------------------------------
Tensor compare(CompareOp op, const Tensor& a, const Tensor& b) {
  return prim::mask_to_bool(prim::binary(compare_prim(op), a, b, result_type(a, b)));
}

Tensor compare(CompareOp op, const Tensor& a, Scalar b) {
  DType t = result_type(a, b);
  return prim::mask_to_bool(prim::binary(compare_prim(op), a, number_tensor(b, t, a.device()), t));
}

Tensor compare(CompareOp op, Scalar a, const Tensor& b) { return compare(flipped(op), b, a); }

// ---- logical ops: any nonzero value is true; the result is bool ------------------------------
Tensor logical_not(const Tensor& a) { return prim::mask_to_bool(prim::unary(UnaryOp::LogicalNot, a)); }
Tensor logical_and(const Tensor& a, const Tensor& b) {
  return prim::mask_to_bool(prim::binary(BinaryOp::LogicalAnd, a, b, result_type(a, b)));
}
Tensor logical_or(const Tensor& a, const Tensor& b) {
  return prim::mask_to_bool(prim::binary(BinaryOp::LogicalOr, a, b, result_type(a, b)));
}
Tensor logical_xor(const Tensor& a, const Tensor& b) {
  return prim::mask_to_bool(prim::binary(BinaryOp::LogicalXor, a, b, result_type(a, b)));
}

// ---- bitwise ops: bool and int64 tensors (on bool's 0/1 storage they are the logical ops) ----
Tensor bitwise_not(const Tensor& a) {
  if (is_floating(a.dtype())) not_implemented_for("bitwise_not_cpu", a.dtype());
  return prim::unary(a.dtype() == DType::Bool ? UnaryOp::LogicalNot : UnaryOp::BitNot, a);
}

Tensor bitwise(BitwiseOp op, const Tensor& a, const Tensor& b) {
  DType t = result_type(a, b);
  if (is_floating(t)) not_implemented_for(bitwise_kernel(op), t);
  return prim::binary(bitwise_prim(op), a, b, t);
}

Tensor bitwise(BitwiseOp op, const Tensor& a, Scalar b) {
  DType t = result_type(a, b);
  if (is_floating(t)) not_implemented_for(bitwise_kernel(op), t);
  return prim::binary(bitwise_prim(op), a, number_tensor(b, t, a.device()), t);
}

// ---- tests of values -------------------------------------------------------------------------
Tensor isnan(const Tensor& a) { return prim::mask_to_bool(prim::unary(UnaryOp::IsNan, a)); }
Tensor isinf(const Tensor& a) { return prim::mask_to_bool(prim::unary(UnaryOp::IsInf, a)); }
Tensor isfinite(const Tensor& a) { return prim::mask_to_bool(prim::unary(UnaryOp::IsFinite, a)); }

// ATen's isclose: a == b, or (equal_nan) both nan, or |a − b| finite and <= atol + |rtol·b|,
// each term computed in the dtype PyTorch computes it in (bool operands as the default float).
Tensor isclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
  if (a.dtype() != b.dtype())
    runtime_error(std::string(dtype_scalar_name(a.dtype())) + " did not match " + dtype_scalar_name(b.dtype()));
  if (rtol < 0) runtime_error("rtol must be greater than or equal to zero, but got " + std::to_string(rtol));
  if (atol < 0) runtime_error("atol must be greater than or equal to zero, but got " + std::to_string(atol));
  Tensor close = compare(CompareOp::Eq, a, b);
  if (equal_nan && is_floating(a.dtype())) close = logical_or(close, logical_and(isnan(a), isnan(b)));
  if (rtol == 0 && atol == 0) return close;
  Tensor ca = a.dtype() == DType::Bool ? prim::cast(a, kDefaultFloat) : a;
  Tensor cb = b.dtype() == DType::Bool ? prim::cast(b, kDefaultFloat) : b;
  // rtol * cb: a Python float times the tensor (the default float for integers).
  Tensor scaled = prim::unary(UnaryOp::MulScalar, prim::cast(cb, result_type(cb, Scalar(rtol))), rtol);
  Tensor allowed = prim::unary(UnaryOp::AddScalar, prim::unary(UnaryOp::Abs, scaled), atol);
  Tensor actual = prim::unary(UnaryOp::Abs, prim::binary(BinaryOp::Sub, ca, cb, ca.dtype()));
  Tensor within = logical_and(isfinite(actual), compare(CompareOp::Le, actual, allowed));
  return logical_or(close, within);
}

bool allclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
  return all(isclose(a, b, rtol, atol, equal_nan)).item().int_value != 0;
}

bool equal(const Tensor& a, const Tensor& b) {
  prim::check_same_device(a, b);
  if (a.shape() != b.shape()) return false;
  return all(compare(CompareOp::Eq, a, b)).item().int_value != 0;
}

// ---- reductions ------------------------------------------------------------------------------
Tensor any(const Tensor& a) { return any_all(a, std::nullopt, false, false); }
Tensor any(const Tensor& a, int64_t dim, bool keepdim) { return any_all(a, dim, keepdim, false); }
Tensor all(const Tensor& a) { return any_all(a, std::nullopt, false, true); }
Tensor all(const Tensor& a, int64_t dim, bool keepdim) { return any_all(a, dim, keepdim, true); }

Tensor count_nonzero(const Tensor& a, std::optional<int64_t> dim) {
  auto [keep, out_shape] = reduce_shapes(a, dim, false);
  return prim::alias(count_true(prim::cast(a, DType::Bool), keep), out_shape);
}

// ---- arithmetic PyTorch refuses on bool ------------------------------------------------------
void check_bool_sub(DType a, DType b) {
  if (a == DType::Bool && b == DType::Bool)
    runtime_error("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` "
                  "operator instead.");
  if (a == DType::Bool || b == DType::Bool)
    runtime_error("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a "
                  "mask, use the `~` or `logical_not()` operator instead.");
}

void check_bool_neg(DType a) {
  if (a == DType::Bool)
    runtime_error("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, "
                  "use the `~` or `logical_not()` operator instead.");
}

}  // namespace gradlab
