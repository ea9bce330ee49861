// Matrix products: mm (MmBackward0), mv (MvBackward0), dot (DotBackward0), and matmul, which
// picks one of them by rank exactly as torch.matmul does (so node names match PyTorch).
//   d(A·B)/dA = G·Bᵀ,  d(A·B)/dB = Aᵀ·G   (transposes are flags to the backend, not copies)
#include "engine/ops/grad_ops.h"
#include "engine/ops/op_helpers.h"
#include "engine/ops/pytorch_strides.h"
#include "engine/ops/rearrange.h"

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
namespace {
// PyTorch's strides of a matrix: its view's, or (1, rows) for a transposed copy whose view is
// not known, else contiguous ones.
std::vector<int64_t> matrix_strides(const Tensor& a) {
  if (std::optional<std::vector<int64_t>> s = pytorch_strides(a, a.shape())) return *s;
  if (a.impl()->column_major) return {1, a.shape()[0]};
  return contiguous_strides(a.shape());
}

// PyTorch's stride of a vector: its view's; a non-contiguous vector with no view behind it is
// an expanded gradient (Note [Gradient layout]: SumBackward's expand), stride 0.
int64_t vector_stride(const Tensor& v) {
  if (v.numel() <= 1) return 1;
  if (std::optional<std::vector<int64_t>> s = pytorch_strides(v, v.shape())) return (*s)[0];
  return 0;
}

// How ATen's addmv calls BLAS for A·x, given PyTorch's strides of A (sa) and of x (incx): gemv
// 'n' on a column-major A, 't' on a row-major one or on a contiguous copy of any other; gemv
// itself takes lda = m for a one-column A and runs its own loop when x's stride is not positive
// (Note [Matrix-vector rounding]).
GemvCall addmv_call(int64_t rows, int64_t cols, const std::vector<int64_t>& sa, int64_t incx) {
  auto lda_fits = [](int64_t m, int64_t n, int64_t lda) { return n == 1 || lda >= std::max<int64_t>(1, m); };
  GemvCall call;
  if (sa[0] == 1 && lda_fits(rows, cols, sa[1])) {
    call = {GemvCall::ColumnMajor, cols == 1 ? rows : sa[1], incx};
  } else if (sa[1] == 1 && lda_fits(cols, rows, sa[0])) {
    call = {GemvCall::RowMajor, rows == 1 ? cols : sa[0], incx};
  } else {
    call = {GemvCall::RowMajor, cols, incx};
  }
  if (incx <= 0) call.kind = GemvCall::Loop;
  return call;
}

// Aᵀ·g, as MvBackward0 computes it: self.t().mv(grad), with Aᵀ's strides those of A swapped.
Tensor transposed_mv(const Tensor& a, const Tensor& g, const std::vector<int64_t>& sa) {
  const int64_t rows = a.shape()[0], cols = a.shape()[1];
  const Tensor at = prim::gather_view(a, {cols, rows}, {1, cols}, 0);
  return prim::gemv(at, g, addmv_call(cols, rows, {sa[1], sa[0]}, vector_stride(g)));
}

// d(A·v): grad.ger(v) = g.reshape(m, 1) * v for A, Aᵀ·g for v (nd.ints: PyTorch's strides of A).
Grads mv_backward(const Node& nd, const Tensor& g) {
  const Tensor& sa = saved(nd, 0);
  const Tensor& sv = saved(nd, 1);
  Tensor ga, gv;
  if (nd.needs_input_grad(0)) ga = prim::binary(BinaryOp::Mul, prim::alias(g, {sa.shape()[0], 1}), sv);
  if (nd.needs_input_grad(1)) gv = transposed_mv(sa, g, {nd.ints[0], nd.ints[1]});
  return {ga, gv};
}
}  // namespace

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
  prim::check_same_device(a, v);
  const std::vector<int64_t> sa = matrix_strides(a);
  Tensor out = prim::gemv(a, v, addmv_call(a.shape()[0], a.shape()[1], sa, vector_stride(v)));
  if (Node* node = record_op(OpId::Mv, mv_backward, out, {&a, &v})) {
    node->ints = {sa[0], sa[1]};
    save_for_backward(*node, a);
    save_for_backward(*node, v);
  }
  return out;
}

// MvBackward0 under create_graph (grad_ops.h): grad.ger(v) and, as PyTorch records it,
// A.t().mv(grad), with the ordinary backward's bits.
Grads mv_backward_op(const Node& nd, const Tensor& g) {
  const Tensor &a = saved(nd, 0), &v = saved(nd, 1);
  Tensor ga, gv;
  if (nd.needs_input_grad(0)) ga = outer(g, v);
  if (nd.needs_input_grad(1)) {
    Tensor at = t(a);
    gv = transposed_mv(a, g, {nd.ints[0], nd.ints[1]});
    if (Node* node = record_op(OpId::Mv, mv_backward, gv, {&at, &g})) {
      node->ints = {nd.ints[1], nd.ints[0]};
      save_for_backward(*node, at);
      save_for_backward(*node, g);
    }
  }
  return {ga, gv};
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
  prim::check_same_device(a, b);
  const bool unit_strides = vector_stride(a) == 1 && vector_stride(b) == 1;  // else sdot_'s strided loop
  Tensor out = prim::dot(a, b, unit_strides);
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

namespace {
// ATen's bmm on the CPU: when contraction · rows · cols < 400 a plain loop adds each element's
// products in k order in the input dtype (float for float32); larger products run one gemm per
// batch, as mm does (Note [Matmul rounding]). op(x) is x or, with trans, the transpose of each
// of x's matrices; the result is [batch, m, n].
template <class T>
void naive_batched_product(const T* a, const T* b, T* c, int64_t batch, int64_t m, int64_t n, int64_t k, bool ta,
                           bool tb) {
  for (int64_t p = 0; p < batch; ++p) {
    const T* ap = a + p * m * k;
    const T* bp = b + p * k * n;
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j) {
        T acc = 0;
        for (int64_t q = 0; q < k; ++q) acc += (ta ? ap[q * m + i] : ap[i * k + q]) * (tb ? bp[j * k + q] : bp[q * n + j]);
        c[(p * m + i) * n + j] = acc;
      }
  }
}

Tensor batched_product(const Tensor& a, const Tensor& b, int64_t m, int64_t n, int64_t k, bool ta, bool tb) {
  const int64_t batch = a.shape()[0];
  if (k * m * n < 400 || !is_floating(a.dtype())) {
    std::vector<unsigned char> out_bytes(static_cast<size_t>(batch * m * n) * dtype_size(a.dtype()));
    const std::vector<unsigned char> ab = host_bytes(a), bb = host_bytes(b);
    dispatch_dtype(a.dtype(), [&](auto zero) {
      using T = decltype(zero);
      naive_batched_product(reinterpret_cast<const T*>(ab.data()), reinterpret_cast<const T*>(bb.data()),
                            reinterpret_cast<T*>(out_bytes.data()), batch, m, n, k, ta, tb);
    });
    return from_host_bytes(out_bytes, {batch, m, n}, a.dtype(), a.device());
  }
  std::vector<Tensor> products;
  for (int64_t p = 0; p < batch; ++p) {
    const Tensor ap = prim::gather_view(a, {m * k}, {1}, p * m * k), bp = prim::gather_view(b, {k * n}, {1}, p * k * n);
    products.push_back(prim::matmul(ap, bp, m, n, k, ta, tb));
  }
  Tensor out = prim::empty({batch, m, n}, a.dtype(), a.device());
  for (int64_t p = 0; p < batch; ++p) {
    StridedView window{nullptr, {m * n}, {1}, p * m * n};
    out.storage().backend->strided_write(a.dtype(), products[p].data(), out.mutable_data(), window);
  }
  return out;
}
}  // namespace

// d(A·B)/dA = G·Bᵀ and d/dB = Aᵀ·G, batch by batch (ATen's grad.bmm(mat2.transpose(1, 2))).
Tensor bmm(const Tensor& a, const Tensor& b) {
  if (a.dim() != 3) runtime_error("batch1 must be a 3D tensor");
  if (b.dim() != 3) runtime_error("batch2 must be a 3D tensor");
  const int64_t batch = a.shape()[0], m = a.shape()[1], k = a.shape()[2], n = b.shape()[2];
  if (b.shape()[0] != batch || b.shape()[1] != k) {
    runtime_error("Expected size for first two dimensions of batch2 tensor to be: [" + std::to_string(batch) + ", " +
                  std::to_string(k) + "] but got: [" + std::to_string(b.shape()[0]) + ", " + std::to_string(b.shape()[1]) +
                  "].");
  }
  check_matmul_dtypes(a, b);
  if (a.dtype() == DType::Bool || a.dtype() == DType::Float16) not_implemented_for("bmm", a.dtype());
  refuse_narrow(a, "bmm");
  prim::check_same_device(a, b);
  Tensor out = batched_product(a, b, m, n, k, false, false);
  if (Node* node = record_op(OpId::Bmm, [](const Node& nd, const Tensor& g) -> Grads {
        const Tensor& sa = saved(nd, 0);
        const Tensor& sb = saved(nd, 1);
        const int64_t m = sa.shape()[1], k = sa.shape()[2], n = sb.shape()[2];
        Tensor ga, gb;
        if (nd.needs_input_grad(0)) ga = batched_product(g, sb, m, k, n, false, true);   // G·Bᵀ
        if (nd.needs_input_grad(1)) gb = batched_product(sa, g, k, n, m, true, false);   // Aᵀ·G
        return {ga, gb};
      }, out, {&a, &b})) {
    save_for_backward(*node, a);
    save_for_backward(*node, b);
  }
  return out;
}

Tensor outer(const Tensor& a, const Tensor& b) {
  if (a.dim() != 1) runtime_error("outer: Expected 1-D argument self, but got " + std::to_string(a.dim()) + "-D");
  if (b.dim() != 1) runtime_error("outer: Expected 1-D argument vec2, but got " + std::to_string(b.dim()) + "-D");
  return mul(reshape(a, {a.shape()[0], 1}), b);
}

namespace {
// PyTorch unfolds matmul's product into the output shape with _unsafe_view: UnsafeViewBackward0.
Tensor unsafe_view(Tensor product, const Shape& shape) {
  Tensor out = prim::alias(product, shape);
  record_op(OpId::UnsafeView, [](const Node& n, const Tensor& g) -> Grads { return {prim::alias(g, n.inputs[0].shape)}; },
            out, {&product});
  return out;
}
}  // namespace

namespace {
// ATen's should_fold refuses to fold a 3-D operand (against a matrix) whose last two dims are
// transposed in memory (permute(0, 2, 1)): bmm takes it instead.
bool transposed_batch(const Tensor& x) {
  if (x.dim() != 3) return false;
  const std::optional<std::vector<int64_t>> s = pytorch_strides(x, x.shape());
  return s && (*s)[2] != 1 && (*s)[0] == x.shape()[1] * x.shape()[2];
}
}  // namespace

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
  if (ra == 2 && rb >= 3 && !transposed_batch(b)) {
    // PyTorch folds b's batch into the rows of its transpose times aᵀ: mm(b.mT().reshape(-1, n),
    // a.t()), unfolded, then .mT().contiguous() (CloneBackward0 of TransposeBackward0).
    Shape out_shape(b.shape().begin(), b.shape().end() - 2);
    out_shape.push_back(b.shape().back());
    out_shape.push_back(a.shape()[0]);
    Tensor folded = reshape(transpose(b, -2, -1), {-1, b.shape()[rb - 2]});
    Tensor out = transpose(unsafe_view(mm(folded, t(a)), out_shape), -2, -1);
    Tensor c = clone(out);
    c.impl()->noncontiguous = false;
    return c;
  }
  if (ra == 1 && rb >= 3) {
    // PyTorch folds b's batch into the rows of its transpose: mv(b.mT().reshape(-1, n), a), the
    // reshape a copy (CloneBackward0, UnsafeViewBackward0), the product unfolded again.
    Shape out_shape(b.shape().begin(), b.shape().end() - 2);
    out_shape.push_back(b.shape().back());
    Tensor folded = reshape(transpose(b, -2, -1), {-1, b.shape()[rb - 2]});
    return unsafe_view(mv(folded, a), out_shape);
  }
  // Batched matmul: fold leading dims of `a` into rows when `b` is a matrix (mm) or a vector (mv).
  if (rb == 1 || (rb == 2 && !transposed_batch(a))) {
    Shape out_shape(a.shape().begin(), a.shape().end() - 1);
    if (rb == 2) out_shape.push_back(b.shape()[1]);
    Tensor folded = reshape(a, {-1, a.shape().back()});
    return unsafe_view(rb == 2 ? mm(folded, b) : mv(folded, b), out_shape);
  }
  // The batch dims broadcast; both sides are expanded to them, flattened into one batch dim and
  // multiplied with bmm; the result is an _unsafe_view (UnsafeViewBackward0), as ATen does.
  const int64_t n = ra > 1 ? a.shape()[ra - 2] : 1, m1 = a.shape().back();
  const int64_t m2 = b.shape()[rb - 2], p = b.shape().back();
  const Shape batch_a(a.shape().begin(), a.shape().begin() + std::max<int64_t>(ra - 2, 0));
  const Shape batch_b(b.shape().begin(), b.shape().end() - 2);
  const Shape batch = broadcast_shapes(batch_a, batch_b);
  const int64_t batch_count = shape_numel(batch);
  auto expanded = [&](const Tensor& x, int64_t rows, int64_t cols) {
    Shape full = batch;
    full.push_back(rows);
    full.push_back(cols);
    return reshape(expand(x, full), {batch_count, rows, cols});
  };
  // One statement each, a's first: the order their nodes are made in is the order their
  // gradients arrive at an input used several times, so it decides the rounding of that sum.
  const Tensor a_batched = expanded(a, n, m1);
  const Tensor b_batched = expanded(b, m2, p);
  Tensor product = bmm(a_batched, b_batched);
  Shape out_shape = batch;
  if (ra > 1) out_shape.push_back(n);
  out_shape.push_back(p);
  return unsafe_view(product, out_shape);
}

}  // namespace gradlab
