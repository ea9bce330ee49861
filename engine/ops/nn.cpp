// torch.nn.functional's layers and activations (declared in ops/nn.h): linear, softmax,
// log_softmax, leaky_relu, hardtanh, silu, dropout. Forward and backward side by side, in the
// order of PyTorch 1.13's CPU kernels (Note [Float32 rounding]).
#include "engine/ops/nn.h"

#include <cmath>
#include <limits>

#include "engine/ops/grad_ops.h"
#include "engine/ops/op_helpers.h"
#include "engine/random/sampling.h"

namespace gradlab {
using namespace ops;

// ---- linear ----------------------------------------------------------------------------------
// at::linear (Linear.cpp): 2-D input with a bias → addmm(bias, input, weightᵀ); contiguous 3-D
// input with a bias → the same on input.view(-1, in) and the result viewed back; otherwise
// matmul(input, weightᵀ), then the bias added in place: AddBackward0 over the matmul's node.
Tensor linear(const Tensor& input, const Tensor& weight, const Tensor& bias) {
  if (input.dim() == 2 && bias.defined()) return addmm(bias, input, t(weight));
  if (input.dim() == 3 && bias.defined() && !input.impl()->noncontiguous) {
    const Shape& s = input.shape();
    Tensor r = addmm(bias, view(input, {s[0] * s[1], s[2]}), t(weight));
    return view(r, {s[0], s[1], r.shape()[1]});
  }
  Tensor out = matmul(input, t(weight));
  if (bias.defined()) out = add(out, bias);
  return out;
}

// ---- softmax / log_softmax -------------------------------------------------------------------
// ATen's _vec_softmax_lastdim / _vec_log_softmax_lastdim, per row of the last dim:
//   m = max(x), e = exp(x − m), s = Σe (Note [Lane sums]);
//   softmax = e · (1/s),  log_softmax = (x − m) − log(s).
// Backward (_vec_host_softmax_backward_lastdim), with y the saved output:
//   softmax:     (g − Σ g·y) · y      log_softmax: g − exp(y) · Σ g
namespace {

// The input, cast to `dtype=` first (ToCopyBackward0) when given, after PyTorch's checks.
// `inner_kernel`: the kernel ATen names in its error for a dim other than the last.
Tensor softmax_input(const Tensor& a, int64_t dim, std::optional<DType> dtype, const char* kernel,
                     const char* inner_kernel) {
  Tensor x = dtype ? a.to(*dtype) : a;
  const int64_t rank = x.dim();
  const int64_t d = wrap_dim(dim, rank);
  const bool last = rank == 0 || d == rank - 1;
  if (!is_floating(x.dtype()) || x.dtype() == DType::Float16) {
    runtime_error(std::string("\"") + (last ? kernel : inner_kernel) + "\" not implemented for '" +
                  dtype_scalar_name(x.dtype()) + "'");
  }
  refuse_narrow_float(x, "softmax");  // bfloat16: not reproduced
  return x;
}

// Note [Softmax over other dims]: for a dim that is not the last, ATen's _vec_softmax walks the
// positions after it (`inner`) one vector at a time (8 floats, 4 doubles) and the positions left
// over one by one: per position, the max over the dim (NaN-propagating in the vectors, std::max in
// the rest), e = exp(x − max) (SLEEF's in the vectors, std::exp in the rest), the sum of e from 0
// in order, then e / sum. Its backward (_vec_softmax_backward) sums fma(g, y, s) down the dim (GCC
// fuses both forms) and gives y·(g − s).
template <class T>
void softmax_inner_forward(const T* x, T* out, int64_t outer, int64_t dim_size, int64_t inner) {
  constexpr int64_t kVec = 32 / sizeof(T);
  const int64_t vector_end = inner - inner % kVec;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      const T* p = x + o * dim_size * inner + i;
      T* q = out + o * dim_size * inner + i;
      const bool vec = i < vector_end;
      T m = p[0];
      for (int64_t d = 1; d < dim_size; ++d) {
        const T v = p[d * inner];
        if (vec) m = m != m || v != v ? std::numeric_limits<T>::quiet_NaN() : (m < v ? v : m);
        else m = m < v ? v : m;
      }
      T sum = 0;
      for (int64_t d = 0; d < dim_size; ++d) {
        const T e = vec ? sleef_exp(p[d * inner] - m) : std::exp(p[d * inner] - m);
        q[d * inner] = e;
        sum = sum + e;
      }
      for (int64_t d = 0; d < dim_size; ++d) q[d * inner] = q[d * inner] / sum;
    }
}

template <class T>
void softmax_inner_backward(const T* g, const T* y, T* out, int64_t outer, int64_t dim_size, int64_t inner) {
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      const int64_t base = o * dim_size * inner + i;
      T s = 0;
      for (int64_t d = 0; d < dim_size; ++d) s = scalar_fma(g[base + d * inner], y[base + d * inner], s);
      for (int64_t d = 0; d < dim_size; ++d) out[base + d * inner] = y[base + d * inner] * (g[base + d * inner] - s);
    }
}

// log_softmax (ATen's _vec_logsoftmax, same vector/rest split): the max from −inf taking only
// larger values (a NaN never), s = Σ exp(x − max) from 0, then (x − max) − log(s) with SLEEF's
// log; backward: g − exp(y)·Σg, one fma (SLEEF's exp in the vectors, std::exp in the rest).
template <class T>
void log_softmax_inner_forward(const T* x, T* out, int64_t outer, int64_t dim_size, int64_t inner) {
  constexpr int64_t kVec = 32 / sizeof(T);
  const int64_t vector_end = inner - inner % kVec;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      const T* p = x + o * dim_size * inner + i;
      T* q = out + o * dim_size * inner + i;
      const bool vec = i < vector_end;
      T m = -std::numeric_limits<T>::infinity();
      for (int64_t d = 0; d < dim_size; ++d) m = p[d * inner] > m ? p[d * inner] : m;
      T sum = 0;
      for (int64_t d = 0; d < dim_size; ++d) sum = sum + (vec ? sleef_exp(p[d * inner] - m) : std::exp(p[d * inner] - m));
      const T log_sum = sleef_log(sum);
      for (int64_t d = 0; d < dim_size; ++d) q[d * inner] = (p[d * inner] - m) - log_sum;
    }
}

template <class T>
void log_softmax_inner_backward(const T* g, const T* y, T* out, int64_t outer, int64_t dim_size, int64_t inner) {
  constexpr int64_t kVec = 32 / sizeof(T);
  const int64_t vector_end = inner - inner % kVec;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      const int64_t base = o * dim_size * inner + i;
      T s = 0;
      for (int64_t d = 0; d < dim_size; ++d) s = s + g[base + d * inner];
      for (int64_t d = 0; d < dim_size; ++d) {
        const T yv = y[base + d * inner];
        const T e = i < vector_end ? sleef_exp(yv) : std::exp(yv);
        out[base + d * inner] = scalar_fma(-e, s, g[base + d * inner]);
      }
    }
}


Tensor softmax_inner(const Tensor& x, int64_t dim, bool log) {
  const DimSplit s = split_at(x.shape(), dim);
  if (x.device().is_cuda()) {
    Tensor shifted = prim::binary(BinaryOp::Sub, x, prim::reduce(ReduceOp::Max, x, s.keep));
    Tensor sum = prim::reduce(ReduceOp::Sum, prim::unary(UnaryOp::Exp, shifted), s.keep);
    if (log) return prim::binary(BinaryOp::Sub, shifted, prim::unary(UnaryOp::Log, sum));
    return prim::binary(BinaryOp::Div, prim::unary(UnaryOp::Exp, shifted), sum);
  }
  Tensor out = prim::empty(x.shape(), x.dtype(), x.device());
  if (x.numel() == 0) return out;
  refuse_narrow_float(x, log ? "log_softmax" : "softmax");
  if (x.dtype() == DType::Float32) {
    auto* f = log ? log_softmax_inner_forward<float> : softmax_inner_forward<float>;
    f(static_cast<const float*>(x.data()), static_cast<float*>(out.mutable_data()), s.outer, s.dim_size, s.inner);
  } else {
    auto* f = log ? log_softmax_inner_forward<double> : softmax_inner_forward<double>;
    f(static_cast<const double*>(x.data()), static_cast<double*>(out.mutable_data()), s.outer, s.dim_size, s.inner);
  }
  return out;
}

Tensor softmax_inner_grad(const Tensor& g, const Tensor& y, int64_t dim, bool log) {
  const DimSplit s = split_at(y.shape(), dim);
  if (y.device().is_cuda()) {
    if (log) {
      Tensor sum = prim::reduce(ReduceOp::Sum, g, s.keep);
      return prim::binary(BinaryOp::Sub, g, prim::binary(BinaryOp::Mul, prim::unary(UnaryOp::Exp, y), sum));
    }
    Tensor sum = prim::reduce(ReduceOp::Sum, prim::binary(BinaryOp::Mul, g, y), s.keep);
    return prim::binary(BinaryOp::Mul, y, prim::binary(BinaryOp::Sub, g, sum));
  }
  Tensor out = prim::empty(y.shape(), y.dtype(), y.device());
  if (y.numel() == 0) return out;
  refuse_narrow_float(y, "the softmax backward");
  if (y.dtype() == DType::Float32) {
    auto* f = log ? log_softmax_inner_backward<float> : softmax_inner_backward<float>;
    f(static_cast<const float*>(g.data()), static_cast<const float*>(y.data()), static_cast<float*>(out.mutable_data()),
      s.outer, s.dim_size, s.inner);
  } else {
    auto* f = log ? log_softmax_inner_backward<double> : softmax_inner_backward<double>;
    f(static_cast<const double*>(g.data()), static_cast<const double*>(y.data()), static_cast<double*>(out.mutable_data()),
      s.outer, s.dim_size, s.inner);
  }
  return out;
}

// A 0-d input is one row of one element (ATen views it as size 1).
Tensor as_rows(const Tensor& x) { return x.dim() == 0 ? prim::alias(x, {1}) : x; }

// The sums over the last dim of `x`, shaped like x with that dim 1 (Note [Lane sums]).
Tensor lane_sum(const Tensor& x) {
  Tensor rows = as_rows(x);
  Shape keep = rows.shape();
  keep.back() = 1;
  return prim::reduce(ReduceOp::LaneSum, rows, keep);
}

Tensor row_max(const Tensor& x) {
  Tensor rows = as_rows(x);
  Shape keep = rows.shape();
  keep.back() = 1;
  return prim::reduce(ReduceOp::Max, rows, keep);
}


// Note [Softmax backward on the CPU]: ATen's AVX2 kernels are compiled by GCC, which fuses a
// product feeding an addition into one fma. So its row sum Σ g·y accumulates each lane with
// fma(g, y, acc) (the first vector's products, and rows shorter than a vector, rounded plainly),
// and log_softmax's g − exp(y)·Σg is one fma. These run on the host here; other devices use the
// primitives (their digits are the device's, as PyTorch's CUDA kernels' are).
template <class T>
T fma_lane_sum(const T* g, const T* y, int64_t len) {
  constexpr int64_t kLanes = 32 / sizeof(T);
  if (len < kLanes) {
    T s = g[0] * y[0];
    for (int64_t i = 1; i < len; ++i) s = s + g[i] * y[i];
    return s;
  }
  T acc[kLanes];
  for (int64_t i = 0; i < kLanes; ++i) acc[i] = g[i] * y[i];
  int64_t d = kLanes;
  for (; d + kLanes <= len; d += kLanes)
    for (int64_t i = 0; i < kLanes; ++i) acc[i] = scalar_fma(g[d + i], y[d + i], acc[i]);
  for (int64_t i = 0; d + i < len; ++i) acc[i] = scalar_fma(g[d + i], y[d + i], acc[i]);
  if constexpr (kLanes == 8) {
    T w[4];
    for (int i = 0; i < 4; ++i) w[i] = acc[i] + acc[i + 4];
    return (w[0] + w[2]) + (w[1] + w[3]);
  } else {
    T s = acc[0];
    for (int64_t i = 1; i < kLanes; ++i) s = s + acc[i];
    return s;
  }
}

template <class T>
void softmax_backward_rows(const T* g, const T* y, const T* sums, T* out, int64_t rows, int64_t len, bool log) {
  for (int64_t r = 0; r < rows; ++r) {
    const T* gr = g + r * len;
    const T* yr = y + r * len;
    T* o = out + r * len;
    if (log) {
      const T s = sums[r];
      for (int64_t i = 0; i < len; ++i) o[i] = scalar_fma(-sleef_exp(yr[i]), s, gr[i]);
    } else {
      const T s = fma_lane_sum(gr, yr, len);
      for (int64_t i = 0; i < len; ++i) o[i] = (gr[i] - s) * yr[i];
    }
  }
}

// The gradient of softmax (log = false) or log_softmax given the output y, on the CPU.
Tensor softmax_backward_cpu(const Tensor& g, const Tensor& y, bool log) {
  const int64_t len = y.dim() == 0 ? 1 : y.shape().back();
  const int64_t rows = len == 0 ? 0 : y.numel() / len;
  Tensor out = prim::empty(y.shape(), y.dtype(), y.device());
  Tensor sums = log ? lane_sum(g) : Tensor();
  refuse_narrow_float(y, "the softmax backward");
  if (y.dtype() == DType::Float32) {
    softmax_backward_rows(static_cast<const float*>(g.data()), static_cast<const float*>(y.data()),
                          log ? static_cast<const float*>(sums.data()) : nullptr, static_cast<float*>(out.mutable_data()),
                          rows, len, log);
  } else {
    softmax_backward_rows(static_cast<const double*>(g.data()), static_cast<const double*>(y.data()),
                          log ? static_cast<const double*>(sums.data()) : nullptr, static_cast<double*>(out.mutable_data()),
                          rows, len, log);
  }
  return out;
}

// The gradient of softmax (log = false) or log_softmax from its output y: ints = {dim} for a
// softmax over another dim than the last (Note [Softmax over other dims]), else empty.
Tensor softmax_grad_values(const Tensor& g, const Tensor& y, const std::vector<int64_t>& ints, bool log) {
  if (!ints.empty()) return softmax_inner_grad(g, y, ints[0], log);
  if (!g.device().is_cuda()) return softmax_backward_cpu(g, y, log);
  Tensor yr = as_rows(y), gr = as_rows(g);
  if (log) {
    Tensor s = lane_sum(gr);
    return prim::alias(prim::binary(BinaryOp::Sub, gr, prim::binary(BinaryOp::Mul, prim::unary(UnaryOp::Exp, yr), s)), g.shape());
  }
  Tensor s = lane_sum(prim::binary(BinaryOp::Mul, gr, yr));
  return prim::alias(prim::binary(BinaryOp::Mul, prim::binary(BinaryOp::Sub, gr, s), yr), g.shape());
}

// _softmax_backward_data / _log_softmax_backward_data as ops (SoftmaxBackwardDataBackward0,
// LogSoftmaxBackwardDataBackward0) with derivatives.yaml's gradients, gO the gradient they got:
//   softmax:     gO: the same op on grad;  y: gO·grad − (y·gO).sum(d)·grad − gO·(y·grad).sum(d)
//   log_softmax: gO: grad − (grad·eʸ).sum(d);  y: −gO.sum(d) · eʸ · grad
Tensor softmax_backward_recorded(const Tensor& g, const Tensor& y, const std::vector<int64_t>& ints, bool log) {
  Tensor out = softmax_grad_values(g, y, ints, log);
  if (Node* n = record_op(log ? OpId::LogSoftmaxGrad : OpId::SoftmaxGrad, [](const Node& n, const Tensor& gg) -> Grads {
        const Tensor &go = saved(n, 0), &y = saved(n, 1);
        const bool log = n.op == OpId::LogSoftmaxGrad;
        const std::vector<int64_t> dim{n.ints.empty() ? std::max<int64_t>(y.dim() - 1, 0) : n.ints[0]};
        Tensor ggo, gy;
        if (log) {
          if (n.needs_input_grad(0)) ggo = sub(gg, sum(mul(gg, exp(y)), dim, true));
          if (n.needs_input_grad(1)) gy = mul(mul(neg(sum(go, dim, true)), exp(y)), gg);
        } else {
          if (n.needs_input_grad(0)) ggo = softmax_backward_recorded(gg, y, n.ints, false);
          if (n.needs_input_grad(1))
            gy = sub(sub(mul(go, gg), mul(sum(mul(y, go), dim, true), gg)), mul(go, sum(mul(y, gg), dim, true)));
        }
        return {ggo, gy};
      }, out, {&g, &y})) {
    n->ints = ints;
    save_for_backward(*n, g);
    save_for_backward(*n, y);
  }
  return out;
}

}  // namespace

// The create_graph form of SoftmaxBackward0 and LogSoftmaxBackward0 (grad_ops.h).
Grads softmax_backward_op(const Node& n, const Tensor& g) {
  return {softmax_backward_recorded(g, output_with_history(n, saved(n, 0)), n.ints, n.op == OpId::LogSoftmax)};
}

Tensor softmax(const Tensor& a, int64_t dim, std::optional<DType> dtype) {
  Tensor x = softmax_input(a, dim, dtype, "softmax_lastdim_kernel_impl", "softmax_kernel_impl");
  const int64_t d = wrap_dim(dim, x.dim());
  if (x.dim() > 0 && d != x.dim() - 1) {  // Note [Softmax over other dims]
    Tensor out = softmax_inner(x, d, false);
    if (Node* n = record_op(OpId::Softmax, [](const Node& n, const Tensor& g) -> Grads {
          return {softmax_grad_values(g, saved(n, 0), n.ints, false)};
        }, out, {&x})) {
      n->ints = {d};
      save_for_backward(*n, out);
    }
    return out;
  }
  Tensor rows = as_rows(x);
  Tensor e = prim::unary(UnaryOp::Exp, prim::binary(BinaryOp::Sub, rows, row_max(rows)));
  Tensor out = prim::alias(prim::binary(BinaryOp::Mul, e, prim::unary(UnaryOp::RDivScalar, lane_sum(e), 1.0)), x.shape());
  if (Node* n = record_op(OpId::Softmax, [](const Node& n, const Tensor& g) -> Grads {
        return {softmax_grad_values(g, saved(n, 0), n.ints, false)};
      }, out, {&x})) {
    save_for_backward(*n, out);
  }
  return out;
}

Tensor log_softmax(const Tensor& a, int64_t dim, std::optional<DType> dtype) {
  Tensor x = softmax_input(a, dim, dtype, "log_softmax_lastdim_kernel_impl", "softmax_kernel_impl");
  const int64_t d = wrap_dim(dim, x.dim());
  if (x.dim() > 0 && d != x.dim() - 1) {  // Note [Softmax over other dims]
    Tensor out = softmax_inner(x, d, true);
    if (Node* n = record_op(OpId::LogSoftmax, [](const Node& n, const Tensor& g) -> Grads {
          return {softmax_grad_values(g, saved(n, 0), n.ints, true)};
        }, out, {&x})) {
      n->ints = {d};
      save_for_backward(*n, out);
    }
    return out;
  }
  Tensor rows = as_rows(x);
  Tensor shifted = prim::binary(BinaryOp::Sub, rows, row_max(rows));
  Tensor log_sum = prim::unary(UnaryOp::Log, lane_sum(prim::unary(UnaryOp::Exp, shifted)));
  Tensor out = prim::alias(prim::binary(BinaryOp::Sub, shifted, log_sum), x.shape());
  if (Node* n = record_op(OpId::LogSoftmax, [](const Node& n, const Tensor& g) -> Grads {
        return {softmax_grad_values(g, saved(n, 0), n.ints, true)};
      }, out, {&x})) {
    save_for_backward(*n, out);
  }
  return out;
}

// ---- activations -----------------------------------------------------------------------------
namespace {
void check_floating(const Tensor& x, const char* kernel) {
  if (!is_floating(x.dtype())) {
    runtime_error(std::string("\"") + kernel + "\" not implemented for '" + dtype_scalar_name(x.dtype()) + "'");
  }
}
}  // namespace

// leaky_relu(x) = x > 0 ? x : slope·x;  d/dx = x > 0 ? 1 : slope (grad · slope)
Tensor leaky_relu(const Tensor& x, double slope) {
  check_floating(x, "leaky_relu_cpu");
  Tensor out = prim::unary(UnaryOp::LeakyRelu, x, slope);
  if (Node* n = record_op(OpId::LeakyRelu, [](const Node& n, const Tensor& g) -> Grads {
        return {prim::binary(BinaryOp::LeakyReluBackward, g, saved(n, 0), n.a)};
      }, out, {&x})) {
    n->a = slope;
    save_for_backward(*n, x);
  }
  return out;
}

// rrelu_with_noise in evaluation mode runs leaky_relu's kernels with slope (lower + upper) / 2.
Tensor rrelu_eval(const Tensor& x, double lower, double upper) {
  if (!(lower <= upper)) runtime_error("Lower bound should be less than or equal to the upper bound");
  const double slope = (lower + upper) / 2;
  Tensor out;
  {
    NoGradGuard leaky_relu_unrecorded;
    out = leaky_relu(x, slope);
  }
  if (Node* n = record_op(OpId::RreluWithNoise, [](const Node& n, const Tensor& g) -> Grads {
        return {prim::binary(BinaryOp::LeakyReluBackward, g, saved(n, 0), n.a)};
      }, out, {&x})) {
    n->a = slope;
    save_for_backward(*n, x);
  }
  return out;
}

// leaky_relu_backward(grad, x, slope) as an op (LeakyReluBackwardBackward0, grad_ops.h): linear
// in grad, so its gradient is the same op on the incoming one, and zeros for x.
namespace {
Tensor leaky_relu_backward_recorded(const Tensor& g, const Tensor& x, double slope) {
  Tensor out = prim::binary(BinaryOp::LeakyReluBackward, g, x, slope);
  if (Node* n = record_op(OpId::LeakyReluGrad, [](const Node& n, const Tensor& gg) -> Grads {
        return {n.needs_input_grad(0) ? leaky_relu_backward_recorded(gg, saved(n, 0), n.a) : Tensor(), grad_if(n, 1, zeros_like(gg))};
      }, out, {&g, &x})) {
    n->a = slope;
    save_for_backward(*n, x);
  }
  return out;
}
}  // namespace

Grads leaky_relu_backward_op(const Node& n, const Tensor& g) { return {leaky_relu_backward_recorded(g, saved(n, 0), n.a)}; }

// hardtanh(x) = clamp(x, min, max) (ATen computes it with clamp); d/dx = 1 strictly inside
// (min, max), else +0 (hardtanh_backward, Note [Masked grads]).
Tensor hardtanh(const Tensor& x, double min_val, double max_val) {
  if (!is_floating(x.dtype())) not_supported("hardtanh on integer tensors");
  Tensor out = prim::unary(UnaryOp::Clamp, x, min_val, max_val);
  if (Node* n = record_op(OpId::Hardtanh, [](const Node& n, const Tensor& g) -> Grads {
        return {prim::binary(BinaryOp::SelectOrZero, g, prim::unary(UnaryOp::HardtanhMask, saved(n, 0), n.a, n.b))};
      }, out, {&x})) {
    n->a = min_val;
    n->b = max_val;
    save_for_backward(*n, x);
  }
  return out;
}

// silu(x) = x / (1 + exp(−x));  d/dx = σ·(1 + x·(1 − σ))
Tensor silu(const Tensor& x) {
  check_floating(x, "silu_cpu");
  Tensor out = prim::unary(UnaryOp::Silu, x);
  if (Node* n = record_op(OpId::Silu, [](const Node& n, const Tensor& g) -> Grads {
        return {prim::binary(BinaryOp::SiluBackward, g, saved(n, 0))};
      }, out, {&x})) {
    save_for_backward(*n, x);
  }
  return out;
}

// ---- dropout ---------------------------------------------------------------------------------
Tensor dropout(const Tensor& input, double p, bool training, random::CpuGenerator& gen) {
  if (p == 0 || !training || input.numel() == 0) return input;
  if (!is_floating(input.dtype())) not_supported("dropout on integer tensors");
  if (p == 1) return mul(input, scalar_tensor(Scalar(0), input.dtype(), input.device()));
  Tensor noise = bernoulli(input, 1 - p, gen);
  noise = prim::binary(BinaryOp::Div, noise, prim::scalar(1 - p, noise.dtype(), noise.device()));
  return mul(input, noise);
}

// ---- div(Tensor, Scalar): DivBackward1 -------------------------------------------------------
// d(a/b)/da = 1/b
Tensor div_scalar_overload(const Tensor& a, Scalar b) {
  DType t = is_floating(a.dtype()) ? a.dtype() : kDefaultFloat;
  Tensor out = prim::binary(BinaryOp::Div, prim::cast(a, t), prim::scalar(b.value, t, a.device()), t);
  if (Node* n = record_op(OpId::DivScalar, [](const Node& n, const Tensor& g) -> Grads {
        return {prim::binary(BinaryOp::Div, g, prim::scalar(n.a, g.dtype(), g.device()))};
      }, out, {&a})) {
    n->a = b.value;
  }
  return out;
}

// ---- mul(Tensor, Scalar): MulBackward1, and an index_put_ of 0 through a mask ------------------
// d(a·b)/da = b
Tensor mul_scalar_overload(const Tensor& a, Scalar b) {
  Tensor out = prim::unary(UnaryOp::MulScalar, prim::cast(a, result_type(a, b)), b.value);
  if (Node* n = record_op(OpId::MulScalar, [](const Node& n, const Tensor& g) -> Grads { return {mul_scalar(g, n.a)}; },
                          out, {&a})) {
    n->a = b.value;
  }
  return out;
}

// x with +0 where `keep` is 0 (keep: x's shape, 0/1 in x's dtype); the gradient is masked the same.
Tensor index_put_zero(const Tensor& x, const Tensor& keep) {
  Tensor out = prim::binary(BinaryOp::SelectOrZero, x, keep);
  if (Node* n = record_op(OpId::IndexPutZero, [](const Node& n, const Tensor& g) -> Grads {
        return {prim::binary(BinaryOp::SelectOrZero, g, saved(n, 0))};
      }, out, {&x})) {
    save_for_backward(*n, keep);
  }
  return out;
}

}  // namespace gradlab
