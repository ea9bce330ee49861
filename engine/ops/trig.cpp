// Trigonometry and erfc: tan, asin, acos, atan, erfc (unary) and atan2, hypot (binary), forward
// and backward side by side, each with its derivative in a comment; the in-place `_` forms.
// Element-wise bits as ATen 1.13's CPU kernels: tan, asin, acos, atan and erfc are SLEEF's on every
// element (ATen's vml kernels), atan2 and hypot SLEEF's in the vectors of a run and glibc's in its
// tail (Note [Position in the run], Note [glibc's libm]); the backwards follow derivatives.yaml's
// formulas in its operation order (Note [Float32 rounding]).
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "engine/ops/op_helpers.h"
#include "engine/ops/pytorch_strides.h"
#include "engine/scalar_math.h"
#include "engine/util/iterator_order.h"

namespace gradlab {
using namespace ops;

namespace {

// Floating ops on integer and bool tensors compute in the default float dtype, as PyTorch does.
Tensor as_floating(const Tensor& t) { return is_floating(t.dtype()) ? t : prim::cast(t, kDefaultFloat); }

Tensor times(const Tensor& a, const Tensor& b) { return prim::binary(BinaryOp::Mul, a, b); }

enum class Save { Input, Output };

Tensor trig_unary(OpId id, UnaryOp op, BackwardFn backward, const Tensor& a, Save what) {
  Tensor x = as_floating(a);
  Tensor out = prim::unary(op, x);
  if (Node* n = record_op(id, backward, out, {&a})) save_for_backward(*n, what == Save::Input ? x : out);
  return out;
}

// 1 − x² as derivatives.yaml's −x·x + 1 (the same rounding).
Tensor one_minus_square(const Tensor& x) {
  return prim::unary(UnaryOp::RSubScalar, prim::unary(UnaryOp::Square, x), 1.0);
}

// atan2 and hypot compute in the operands' result type; float16 has no kernel for either.
DType binary_trig_type(const Tensor& a, const Tensor& b, const char* kernel, bool integers_promote) {
  DType t = result_type(a, b);
  if (!is_floating(t)) {
    if (!integers_promote) not_implemented_for(kernel, t);
    t = kDefaultFloat;
  }
  if (t == DType::Float16) not_implemented_for(kernel, t);
  return t;
}

// Note [Runs of strided operands]
// PyTorch keeps slices, transposes and expands as strided views, and its TensorIterator orders an
// op's dims by the operands' strides (fastest first), merges dims the operands step through
// evenly, and hands its kernel one row of the first dim at a time; a row is vectorised only when
// each operand is contiguous or a single value along it. gradlab's copies of views (Note [Views
// are copies]) lose that layout, and atan2 and hypot round an element by its place in its row
// (Note [Position in the run]): so where an operand stands for a view (atan2(p[:, 1], p[:, 0]),
// the usual spelling), its view strides are run through TensorIterator's ordering here, and each
// element gets the vector or the tail form from its place. A view whose strides cannot be told
// (pytorch_view_strides) is refused.


// Per element of `shape` (row-major): whether TensorIterator puts it in the vectorised part of its
// row (pairs of AVX2 vectors: `pair` elements) for operands with strides sx and sy.
std::vector<char> vector_part(const Shape& shape, const std::vector<int64_t>& sx, const std::vector<int64_t>& sy,
                              int64_t pair) {
  const size_t rank = shape.size();
  const int64_t n = shape_numel(shape);
  std::vector<char> mask(static_cast<size_t>(n), 0);
  if (rank == 0 || n == 0) return mask;
  std::vector<size_t> perm(rank);  // fastest dim first
  for (size_t k = 0; k < rank; ++k) perm[k] = rank - 1 - k;
  auto should_swap = [&](size_t d0, size_t d1) {
    for (const std::vector<int64_t>* st : {&sx, &sy}) {
      const int64_t s0 = (*st)[d0], s1 = (*st)[d1];
      if (s0 == 0 || s1 == 0) continue;  // broadcast along one of them: the next operand decides
      if (s0 != s1) return s0 < s1 ? -1 : 1;
      if (shape[d0] > shape[d1]) return 1;
    }
    return 0;
  };
  iterator_order(perm, should_swap);
  // The first row after merging: its length and the operands' strides along it.
  int64_t len = shape[perm[0]], ix = sx[perm[0]], iy = sy[perm[0]];
  for (size_t k = 1; k < rank; ++k) {
    const size_t d = perm[k];
    if (!(len == 1 || shape[d] == 1 || (len * ix == sx[d] && len * iy == sy[d]))) break;
    if (len == 1) {
      ix = sx[d];
      iy = sy[d];
    }
    len *= shape[d];
  }
  const bool vectorised = (ix == 1 && (iy == 0 || iy == 1)) || (ix == 0 && iy == 1);
  const int64_t vector_len = vectorised ? len - len % pair : 0;
  // Walk the elements in iteration order, tracking each one's row-major index.
  const std::vector<int64_t> row_major = contiguous_strides(shape);
  std::vector<int64_t> idx(rank, 0);
  int64_t at = 0;
  for (int64_t i = 0; i < n; ++i) {
    mask[static_cast<size_t>(at)] = i % len < vector_len;
    for (size_t k = 0; k < rank; ++k) {
      const size_t d = perm[k];
      if (++idx[d] < shape[d]) {
        at += row_major[d];
        break;
      }
      at -= row_major[d] * (shape[d] - 1);
      idx[d] = 0;
    }
  }
  return mask;
}

// atan2 / hypot where an operand stands for a view (Note [Runs of strided operands]).
Tensor binary_trig_of_views(BinaryOp op, const Tensor& a, const Tensor& b, DType t, const char* name) {
  const Shape shape = broadcast_shapes(a.shape(), b.shape());
  const auto sa = pytorch_strides(a, shape), sb = pytorch_strides(b, shape);
  if (!sa || !sb || is_narrow(t) || a.device().is_cuda())
    not_supported(std::string(name) + " of a view of a transposed, sliced or expanded tensor (call .contiguous() first)");
  Tensor x = prim::cast(a, t), y = prim::cast(b, t);
  Tensor out;
  dispatch_dtype(t, [&](auto zero) {
    using T = decltype(zero);
    if constexpr (std::is_floating_point_v<T>) {
      const std::vector<char> vec = vector_part(shape, *sa, *sb, t == DType::Float64 ? 8 : 16);
      const std::vector<T> xv = host_values<T>(x), yv = host_values<T>(y);
      const std::vector<int64_t> bx = broadcast_strides(x.shape(), shape), by = broadcast_strides(y.shape(), shape);
      const std::vector<int64_t> row_major = contiguous_strides(shape);
      std::vector<T> r(vec.size());
      for (size_t i = 0; i < r.size(); ++i) {
        int64_t ox = 0, oy = 0, rest = static_cast<int64_t>(i);
        for (size_t d = 0; d < shape.size(); ++d) {
          const int64_t k = rest / row_major[d];
          rest -= k * row_major[d];
          ox += k * bx[d];
          oy += k * by[d];
        }
        const T u = xv[static_cast<size_t>(ox)], v = yv[static_cast<size_t>(oy)];
        if (op == BinaryOp::Atan2) r[i] = vec[i] ? sleef_atan2(u, v) : libm_atan2(u, v);
        else r[i] = vec[i] ? sleef_hypot(u, v) : libm_hypot(u, v);
      }
      out = from_host(r, shape, t, a.device());
    }
  });
  return out;
}

// The forward of atan2 and hypot: the primitive, or the view-aware loop above.
Tensor binary_trig_forward(BinaryOp op, const Tensor& a, const Tensor& b, DType t, const char* name) {
  const bool views = (a.impl()->noncontiguous && a.numel() > 1) || (b.impl()->noncontiguous && b.numel() > 1);
  if (views && !a.device().is_cuda()) return binary_trig_of_views(op, a, b, t, name);
  return prim::binary(op, a, b, t);
}

}  // namespace

// d tan(x)/dx = 1 + tan²(x): grad·(1 + result²)
Tensor tan(const Tensor& a) {
  return trig_unary(OpId::Tan, UnaryOp::Tan, [](const Node& n, const Tensor& g) -> Grads {
    return {times(g, prim::unary(UnaryOp::AddScalar, prim::unary(UnaryOp::Square, saved(n, 0)), 1.0))};
  }, a, Save::Output);
}

// d asin(x)/dx = 1/√(1 − x²): grad·rsqrt(1 − x²)
Tensor asin(const Tensor& a) {
  return trig_unary(OpId::Asin, UnaryOp::Asin, [](const Node& n, const Tensor& g) -> Grads {
    return {times(g, prim::unary(UnaryOp::Rsqrt, one_minus_square(saved(n, 0))))};
  }, a, Save::Input);
}

// d acos(x)/dx = −1/√(1 − x²): grad·−rsqrt(1 − x²)
Tensor acos(const Tensor& a) {
  return trig_unary(OpId::Acos, UnaryOp::Acos, [](const Node& n, const Tensor& g) -> Grads {
    return {times(g, prim::unary(UnaryOp::Neg, prim::unary(UnaryOp::Rsqrt, one_minus_square(saved(n, 0)))))};
  }, a, Save::Input);
}

// d atan(x)/dx = 1/(x² + 1): grad / (x² + 1)
Tensor atan(const Tensor& a) {
  return trig_unary(OpId::Atan, UnaryOp::Atan, [](const Node& n, const Tensor& g) -> Grads {
    return {prim::binary(BinaryOp::Div, g, prim::unary(UnaryOp::AddScalar, prim::unary(UnaryOp::Square, saved(n, 0)), 1.0))};
  }, a, Save::Input);
}

// d erfc(x)/dx = −2/√π·exp(−x²): (exp(−x²)·−2/√π)·grad
Tensor erfc(const Tensor& a) {
  return trig_unary(OpId::Erfc, UnaryOp::Erfc, [](const Node& n, const Tensor& g) -> Grads {
    Tensor e = prim::unary(UnaryOp::Exp, prim::unary(UnaryOp::Neg, prim::unary(UnaryOp::Square, saved(n, 0))));
    return {times(mul_scalar(e, -2.0 / std::sqrt(M_PI)), g)};
  }, a, Save::Input);
}

// atan2(y, x): d/dy = x/(y² + x²), d/dx = −y/(y² + x²), as grad·x·r and grad·(−y)·r with
// r = 1/(y·y + x·x); each square in its operand's own dtype, as PyTorch's saved inputs.
Tensor atan2(const Tensor& y, const Tensor& x) {
  const DType t = binary_trig_type(y, x, "atan2_cpu", true);
  Tensor out = binary_trig_forward(BinaryOp::Atan2, y, x, t, "atan2");
  if (Node* n = record_op(OpId::Atan2, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& sy = saved(n, 0);
        const Tensor& sx = saved(n, 1);
        const DType gt = g.dtype();
        Tensor sum = prim::binary(BinaryOp::Add, prim::unary(UnaryOp::Square, sy), prim::unary(UnaryOp::Square, sx), gt);
        Tensor r = prim::unary(UnaryOp::RDivScalar, sum, 1.0);
        Tensor gy, gx;
        if (n.needs_input_grad(0)) gy = times(prim::binary(BinaryOp::Mul, g, sx, gt), r);
        if (n.needs_input_grad(1)) gx = times(prim::binary(BinaryOp::Mul, g, prim::unary(UnaryOp::Neg, sy), gt), r);
        return {gy, gx};
      }, out, {&y, &x})) {
    save_for_backward(*n, y);
    save_for_backward(*n, x);
  }
  return out;
}

// hypot(a, b) = √(a² + b²): d/da = a/result, d/db = b/result, as grad·a / result
Tensor hypot(const Tensor& a, const Tensor& b) {
  const DType t = binary_trig_type(a, b, "hypot_cpu", false);
  Tensor out = binary_trig_forward(BinaryOp::Hypot, a, b, t, "hypot");
  if (Node* n = record_op(OpId::Hypot, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& result = saved(n, 2);
        auto share = [&](const Tensor& input) {
          return prim::binary(BinaryOp::Div, prim::binary(BinaryOp::Mul, g, input, g.dtype()), result);
        };
        Tensor ga, gb;
        if (n.needs_input_grad(0)) ga = share(saved(n, 0));
        if (n.needs_input_grad(1)) gb = share(saved(n, 1));
        return {ga, gb};
      }, out, {&a, &b})) {
    save_for_backward(*n, a);
    save_for_backward(*n, b);
    save_for_backward(*n, out);
  }
  return out;
}

// x.tan_() and friends: the result written back without history (ops::write_into); an integer
// or bool tensor cannot hold a float result, as in PyTorch.
namespace {
Tensor& write_result(Tensor& self, const Tensor& result, const char* name, std::initializer_list<const Tensor*> others) {
  if (!is_floating(self.dtype()))
    runtime_error(std::string("result type ") + dtype_scalar_name(result.dtype()) + " can't be cast to the desired output type " +
                  dtype_scalar_name(self.dtype()));
  return write_into(self, prim::cast(result, self.dtype()), name, others);
}
}  // namespace

Tensor& tan_(Tensor& self) { return write_result(self, tan(self), "tan_", {}); }
Tensor& asin_(Tensor& self) { return write_result(self, asin(self), "asin_", {}); }
Tensor& acos_(Tensor& self) { return write_result(self, acos(self), "acos_", {}); }
Tensor& atan_(Tensor& self) { return write_result(self, atan(self), "atan_", {}); }
Tensor& erfc_(Tensor& self) { return write_result(self, erfc(self), "erfc_", {}); }
Tensor& atan2_(Tensor& self, const Tensor& other) { return write_result(self, atan2(self, other), "atan2_", {&other}); }
Tensor& hypot_(Tensor& self, const Tensor& other) { return write_result(self, hypot(self, other), "hypot_", {&other}); }

}  // namespace gradlab
