// Matrix products: mm (MmBackward0), mv (MvBackward0), dot (DotBackward0), and matmul, which
// picks one of them by rank exactly as torch.matmul does (so node names match PyTorch).
//   d(A·B)/dA = G·Bᵀ,  d(A·B)/dB = Aᵀ·G   (transposes are flags to the backend, not copies)
#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {
std::string dims_str(const Shape& s) { return std::to_string(s[0]) + "x" + std::to_string(s[1]); }

void check_matmul_dtypes(const Tensor& a, const Tensor& b) {
  if (a.dtype() != b.dtype()) {
    runtime_error(std::string("expected scalar type ") + dtype_scalar_name(a.dtype()) + " but found " +
                  dtype_scalar_name(b.dtype()));
  }
}

// PyTorch 1.13 has no float16 matrix products on CPU; bfloat16 ones accumulate in an order
// gradlab does not reproduce (Note [Narrow dtypes]).
void check_matmul_kernel(const Tensor& a, const char* kernel) {
  if (a.dtype() == DType::Float16) runtime_error(std::string("\"") + kernel + "\" not implemented for 'Half'");
  if (a.dtype() == DType::BFloat16) not_supported("matrix products of bfloat16 tensors");
}

// The gradients of A·B (mm, and addmm's mat1 and mat2) given G; sa/sb undefined when not needed.
// ATen's mm_mat1_backward / mm_mat2_backward: for an input PyTorch holds column-major (a
// transposed view) they compute its gradient transposed, (B·Gᵀ)ᵀ and (Gᵀ·A)ᵀ, which OpenBLAS
// tiles, and so rounds, differently (Note [Matmul rounding]). Then maybe_multiply(·, alpha).
std::pair<Tensor, Tensor> mm_grads(const Tensor& g, const Tensor& sa, const Tensor& sb, bool a_column_major,
                                   bool b_column_major, double alpha) {
  const int64_t m = g.shape()[0], n = g.shape()[1];
  auto transposed_copy = [](const Tensor& x) {
    return prim::gather_view(x, {x.shape()[1], x.shape()[0]}, {1, x.shape()[1]}, 0);
  };
  Tensor ga, gb;
  if (sb.defined()) {
    const int64_t k = sb.shape()[0];
    ga = a_column_major ? transposed_copy(prim::matmul(sb, g, k, m, n, false, true))  // (B·Gᵀ)ᵀ
                        : prim::matmul(g, sb, m, k, n, false, true);                   // G·Bᵀ
    if (alpha != 1) ga = mul_scalar(ga, alpha);
  }
  if (sa.defined()) {
    const int64_t k = sa.shape()[1];
    gb = b_column_major ? transposed_copy(prim::matmul(g, sa, n, k, m, true, false))  // (Gᵀ·A)ᵀ
                        : prim::matmul(sa, g, k, n, m, true, false);                   // Aᵀ·G
    if (alpha != 1) gb = mul_scalar(gb, alpha);
  }
  return {ga, gb};
}
}  // namespace

Tensor mm(const Tensor& a, const Tensor& b) {
  if (a.dim() != 2) runtime_error("self must be a matrix");
  if (b.dim() != 2) runtime_error("mat2 must be a matrix");
  if (a.shape()[1] != b.shape()[0]) {
    runtime_error("mat1 and mat2 shapes cannot be multiplied (" + dims_str(a.shape()) + " and " + dims_str(b.shape()) + ")");
  }
  check_matmul_dtypes(a, b);
  check_matmul_kernel(a, "addmm_impl_cpu_");
  const int64_t m = a.shape()[0], k = a.shape()[1], n = b.shape()[1];
  Tensor out = prim::matmul(a, b, m, n, k, false, false);
  if (Node* node = record_op(OpId::Mm, [](const Node& nd, const Tensor& g) -> Grads {
        size_t i = 0;
        Tensor sa = nd.needs_input_grad(1) ? saved(nd, i++) : Tensor();
        Tensor sb = nd.needs_input_grad(0) ? saved(nd, i++) : Tensor();
        auto [ga, gb] = mm_grads(g, sa, sb, nd.ints[0], nd.ints[1], 1.0);
        return {ga, gb};
      }, out, {&a, &b})) {
    node->ints = {a.impl()->column_major, b.impl()->column_major};
    if (node->needs_input_grad(1)) save_for_backward(*node, a);
    if (node->needs_input_grad(0)) save_for_backward(*node, b);
  }
  return out;
}

// addmm: β·bias + α·(A·B). As ATen's CPU addmm: the bias, broadcast to m×n, is copied into the
// output (scaled by β first when β ≠ 1; with β = 0 it is ignored), then the BLAS product runs
// with beta = 1, adding each k block's partial sum onto it (Note [Matmul rounding]): not the
// digits of (A·B) + bias once k spans several blocks.
//   d/dbias = β·G (summed back to the bias's shape), d/dA = α·G·Bᵀ, d/dB = α·Aᵀ·G
Tensor addmm(const Tensor& bias, const Tensor& a, const Tensor& b, Scalar beta, Scalar alpha) {
  if (a.dim() != 2) runtime_error("mat1 must be a matrix, got " + std::to_string(a.dim()) + "-D tensor");
  if (b.dim() != 2) runtime_error("mat2 must be a matrix, got " + std::to_string(b.dim()) + "-D tensor");
  if (a.shape()[1] != b.shape()[0]) {
    runtime_error("mat1 and mat2 shapes cannot be multiplied (" + dims_str(a.shape()) + " and " + dims_str(b.shape()) + ")");
  }
  if (a.dtype() != b.dtype() || bias.dtype() != b.dtype()) runtime_error("self and mat2 must have the same dtype");
  if (!is_floating(a.dtype())) not_supported("torch.addmm on integer tensors");
  check_matmul_kernel(a, "addmm_impl_cpu_");
  if (alpha.value != 1) not_supported("torch.addmm with alpha other than 1");
  prim::check_same_device(bias, a);
  const int64_t m = a.shape()[0], k = a.shape()[1], n = b.shape()[1];
  const Shape out_shape{m, n};
  Tensor out;
  if (beta.value == 0) {
    out = prim::empty(out_shape, a.dtype(), a.device());
    out.storage().backend->fill(a.dtype(), out.mutable_data(), m * n, 0.0);
  } else {
    Tensor expanded = expand(bias.detach(), out_shape);  // PyTorch's expand_size error for a wrong bias
    out = prim::gather_view(expanded, out_shape, {n, 1}, 0);  // a fresh copy: the gemm writes into it
    if (beta.value != 1) out = mul_scalar(out, beta.value);
  }
  prim::matmul_accumulate(out, a, b, m, n, k, false, false);
  if (Node* node = record_op(OpId::Addmm, [](const Node& nd, const Tensor& g) -> Grads {
        size_t i = 0;
        Tensor sa = nd.needs_input_grad(2) ? saved(nd, i++) : Tensor();
        Tensor sb = nd.needs_input_grad(1) ? saved(nd, i++) : Tensor();
        auto [ga, gb] = mm_grads(g, sa, sb, nd.ints[0], nd.ints[1], nd.a);
        Tensor gbias;
        if (nd.needs_input_grad(0)) gbias = nd.b == 1 ? g : mul_scalar(g, nd.b);  // maybe_multiply(grad, beta)
        return {gbias, ga, gb};
      }, out, {&bias, &a, &b})) {
    node->ints = {a.impl()->column_major, b.impl()->column_major};
    node->a = alpha.value;
    node->b = beta.value;
    if (node->needs_input_grad(2)) save_for_backward(*node, a);
    if (node->needs_input_grad(1)) save_for_backward(*node, b);
  }
  return out;
}

// Matrix · vector: d/dA = g ⊗ v, d/dv = Aᵀ·g
Tensor mv(const Tensor& a, const Tensor& v) {
  if (a.dim() != 2 || v.dim() != 1) {
    runtime_error("vector + matrix @ vector expected, got 1, " + std::to_string(a.dim()) + ", " + std::to_string(v.dim()));
  }
  if (a.shape()[1] != v.shape()[0]) {
    runtime_error("size mismatch, got " + std::to_string(a.shape()[0]) + ", " + dims_str(a.shape()) + "," +
                  std::to_string(v.shape()[0]));
  }
  check_matmul_dtypes(a, v);
  check_matmul_kernel(a, "addmv_impl_cpu");
  const int64_t m = a.shape()[0], k = a.shape()[1];
  Tensor out = prim::alias(prim::matmul(a, v, m, 1, k, false, false), {m});
  if (Node* node = record_op(OpId::Mv, [](const Node& nd, const Tensor& g) -> Grads {
        const Tensor& sa = saved(nd, 0);
        const Tensor& sv = saved(nd, 1);
        const int64_t m = sa.shape()[0], k = sa.shape()[1];
        Tensor ga, gv;
        if (nd.needs_input_grad(0)) ga = prim::matmul(g, sv, m, k, 1, false, false);              // g[m×1]·v[1×k]
        if (nd.needs_input_grad(1)) gv = prim::alias(prim::matmul(sa, g, k, 1, m, true, false), {k});  // Aᵀ·g
        return {ga, gv};
      }, out, {&a, &v})) {
    save_for_backward(*node, a);
    save_for_backward(*node, v);
  }
  return out;
}

// Vector · vector: d/da = g·b, d/db = g·a
Tensor dot(const Tensor& a, const Tensor& b) {
  if (a.dim() != 1 || b.dim() != 1) {
    runtime_error("1D tensors expected, but got " + std::to_string(a.dim()) + "D and " + std::to_string(b.dim()) + "D tensors");
  }
  if (a.shape()[0] != b.shape()[0]) {
    runtime_error("inconsistent tensor size, expected tensor [" + std::to_string(a.shape()[0]) + "] and src [" +
                  std::to_string(b.shape()[0]) + "] to have the same number of elements, but got " +
                  std::to_string(a.shape()[0]) + " and " + std::to_string(b.shape()[0]) + " elements respectively");
  }
  if (a.dtype() != b.dtype()) {
    runtime_error(std::string("dot : expected both vectors to have same dtype, but found ") + dtype_scalar_name(a.dtype()) +
                  " and " + dtype_scalar_name(b.dtype()));
  }
  check_matmul_kernel(a, "dot");
  const int64_t k = a.shape()[0];
  Tensor out = prim::alias(prim::matmul(a, b, 1, 1, k, false, false), {});
  if (Node* node = record_op(OpId::Dot, [](const Node& nd, const Tensor& g) -> Grads {
        Tensor ga, gb;
        if (nd.needs_input_grad(0)) ga = prim::binary(BinaryOp::Mul, saved(nd, 1), g);
        if (nd.needs_input_grad(1)) gb = prim::binary(BinaryOp::Mul, saved(nd, 0), g);
        return {ga, gb};
      }, out, {&a, &b})) {
    save_for_backward(*node, a);
    save_for_backward(*node, b);
  }
  return out;
}

Tensor matmul(const Tensor& a, const Tensor& b) {
  const int64_t ra = a.dim(), rb = b.dim();
  if (ra == 0 || rb == 0) {
    runtime_error("both arguments to matmul need to be at least 1D, but they are " + std::to_string(ra) + "D and " +
                  std::to_string(rb) + "D");
  }
  if (ra == 1 && rb == 1) return dot(a, b);
  if (ra == 2 && rb == 1) return mv(a, b);
  if (ra == 1 && rb == 2) {
    // PyTorch: mm(a.unsqueeze(0), b).squeeze_(0) — the in-place squeeze is SqueezeBackward3.
    Tensor r = mm(unsqueeze(a, 0), b);
    Tensor out = prim::alias(r, {b.shape()[1]});
    record_op(OpId::SqueezeInplace, [](const Node& n, const Tensor& g) -> Grads {
      return {prim::alias(g, n.inputs[0].shape)};
    }, out, {&r});
    return out;
  }
  if (ra == 2 && rb == 2) return mm(a, b);
  // Batched matmul: fold leading dims of `a` into rows when `b` is a matrix.
  if (rb == 2) {
    Shape out_shape(a.shape().begin(), a.shape().end() - 1);
    out_shape.push_back(b.shape()[1]);
    Tensor folded = reshape(a, {-1, a.shape().back()});
    Tensor product = mm(folded, b);
    // PyTorch unfolds the rows with _unsafe_view: UnsafeViewBackward0.
    Tensor out = prim::alias(product, out_shape);
    record_op(OpId::UnsafeView, [](const Node& n, const Tensor& g) -> Grads { return {prim::alias(g, n.inputs[0].shape)}; },
              out, {&product});
    return out;
  }
  runtime_error("matmul: batched matrix products with a batched right operand are not supported by gradlab yet");
}

}  // namespace gradlab
