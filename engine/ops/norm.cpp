// Embedding and the normalisation layers (declared in ops/nn.h): embedding, layer_norm and
// batch_norm, forward and backward side by side, each one node as in PyTorch
// (EmbeddingBackward0, NativeLayerNormBackward0, NativeBatchNormBackward0).
//
// Note [Normalisation kernels]: the statistics are sums whose digits depend on the order of the
// additions, so these kernels follow PyTorch 1.13's CPU kernels (layer_norm_kernel.cpp,
// moments_utils.h, batch_norm_kernel.cpp, Normalization.cpp) step by step, single-threaded
// (OMP_NUM_THREADS=1, as the goldens are made), on a host copy of the values:
//   - AVX2 vectors: 8 floats or 4 doubles per vector, partial sums kept per lane and the lanes
//     folded as ATen's vec_reduce_all folds them (halves onto each other);
//   - GCC contracts some a·b + c of those kernels into one fused multiply-add and leaves
//     others: which ones was found by comparing against torch 1.13.1 on hundreds of random
//     shapes, and each scalar_fma below marks one.
// Batch norm follows two paths, as ATen does: (N, C) input (an image size of 1) reduces like a
// channels-last tensor, in float lanes; (N, C, L) and (N, C, H, W) per channel plane, summing in
// double. Its backward also changes path when the incoming gradient is not contiguous in PyTorch
// (an expanded gradient, from sum()): see TensorImpl::noncontiguous.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "engine/ops/nn.h"
#include "engine/ops/op_helpers.h"
#include "engine/scalar_math.h"

namespace gradlab {
using namespace ops;

namespace {

template <class T>
constexpr int64_t kLanes = 32 / static_cast<int64_t>(sizeof(T));  // one AVX2 vector

template <class T>
using Lanes = std::array<T, kLanes<T>>;

// ATen's vec_reduce_all of a full vector: for float (AVX2's shuffle version) the upper half
// added onto the lower, repeatedly; for double (the generic version) the lanes in order.
template <class T>
T fold_lanes(Lanes<T> a) {
  if constexpr (std::is_same_v<T, double>) {
    T s = a[0];
    for (size_t i = 1; i < a.size(); ++i) s = s + a[i];
    return s;
  }
  for (int64_t w = kLanes<T> / 2; w >= 1; w /= 2) {
    Lanes<T> b;
    for (int64_t i = 0; i < kLanes<T>; ++i) b[static_cast<size_t>(i)] = a[static_cast<size_t>(i)] + a[static_cast<size_t>(i ^ w)];
    a = b;
  }
  return a[0];
}

// Σ u(i)·v(i) for i < n as ATen's map2_reduce_all computes it: one partial sum per lane, the
// first vector's products as they are, later ones fused into the sum; a row shorter than a
// vector sums its rounded products in order. (reduce_all of x is the same with v = 1.)
template <class T, class U, class V>
T lane_dot(int64_t n, U u, V v) {
  if (n < kLanes<T>) {
    T s = n > 0 ? u(0) * v(0) : T(0);
    for (int64_t i = 1; i < n; ++i) s = s + u(i) * v(i);
    return s;
  }
  Lanes<T> acc;
  for (int64_t l = 0; l < kLanes<T>; ++l) acc[static_cast<size_t>(l)] = u(l) * v(l);
  for (int64_t d = kLanes<T>; d < n; d += kLanes<T>) {
    for (int64_t l = 0; l < kLanes<T> && d + l < n; ++l) {
      acc[static_cast<size_t>(l)] = scalar_fma(u(d + l), v(d + l), acc[static_cast<size_t>(l)]);
    }
  }
  return fold_lanes(acc);
}

// An absent weight or bias still takes its slot among the node's inputs, as PyTorch lists
// (None, 0) in next_functions: a tensor that needs no grad stands in.
Tensor slot_or_placeholder(const Tensor& t, const Tensor& like) {
  return t.defined() ? t : prim::empty({0}, like.dtype(), like.device());
}

// The gradients of a normalisation's (input, weight, bias), for the inputs that need one.
template <class T>
Grads input_weight_bias_grads(const Node& node, const Tensor& input, const std::vector<T>& dx,
                              const std::vector<T>& dw, const std::vector<T>& db) {
  Grads out;
  out.push_back(node.needs_input_grad(0) ? from_host(dx, input.shape(), input.dtype(), input.device()) : Tensor());
  out.push_back(node.needs_input_grad(1) ? from_host(dw, node.inputs[1].shape, input.dtype(), input.device()) : Tensor());
  out.push_back(node.needs_input_grad(2) ? from_host(db, node.inputs[2].shape, input.dtype(), input.device()) : Tensor());
  return out;
}

void check_floating(const Tensor& t, const char* op) {
  if (t.dtype() != DType::Float32 && t.dtype() != DType::Float64) not_supported(std::string(op) + " on " + dtype_scalar_name(t.dtype()) + " tensors");
}

}  // namespace

// ---- embedding: out[i] = weight[indices[i]];  the backward adds the rows of g back ----------------
// embedding_dense_backward_cpu: grad_weight starts at zero and, in the order of the indices,
// row k += scale·g[i] (add with alpha: fused), skipping padding_idx; scale is 1, or 1/count(k)
// with scale_grad_by_freq.
namespace {

template <class T>
Tensor embedding_grad(const Tensor& g_in, const std::vector<int64_t>& idx, int64_t num_weights, int64_t padding_idx,
                      bool by_freq) {
  const int64_t dim = g_in.shape().back();
  std::vector<T> g = host_values<T>(g_in);
  std::vector<T> out(static_cast<size_t>(num_weights * dim), T(0));
  std::vector<int64_t> counts(by_freq ? static_cast<size_t>(num_weights) : 0, 0);
  for (int64_t k : idx) if (by_freq) ++counts[static_cast<size_t>(k)];
  for (size_t i = 0; i < idx.size(); ++i) {
    const int64_t k = idx[i];
    if (k == padding_idx) continue;
    const T scale = static_cast<T>(by_freq ? 1.0 / static_cast<double>(counts[static_cast<size_t>(k)]) : 1.0);
    T* row = out.data() + k * dim;
    const T* src = g.data() + static_cast<int64_t>(i) * dim;
    for (int64_t j = 0; j < dim; ++j) row[j] = scalar_fma(src[j], scale, row[j]);
  }
  return from_host(out, {num_weights, dim}, g_in.dtype(), g_in.device());
}

}  // namespace

Tensor embedding(const Tensor& weight, const Tensor& indices, int64_t padding_idx, bool scale_grad_by_freq) {
  if (indices.dtype() != DType::Int64) {
    runtime_error(std::string("Expected tensor for argument #1 'indices' to have one of the following scalar types: "
                              "Long, Int; but got torch.") + dtype_scalar_name(indices.dtype()) + "Tensor" +
                  " instead (while checking arguments for embedding)");
  }
  if (weight.dim() != 2) runtime_error("'weight' must be 2-D");
  prim::check_same_device(weight, indices);
  const int64_t rows = weight.shape()[0], dim = weight.shape()[1];
  std::vector<int64_t> idx = indices.to_int64s();
  for (int64_t k : idx) if (k < 0 || k >= rows) index_error("index out of range in self");
  Shape out_shape = indices.shape();
  out_shape.push_back(dim);
  // The rows, gathered on the host as raw bytes (a copy, whatever the dtype).
  const size_t row_bytes = static_cast<size_t>(dim) * dtype_size(weight.dtype());
  std::vector<unsigned char> w(static_cast<size_t>(weight.numel()) * dtype_size(weight.dtype()));
  if (!w.empty()) weight.storage().backend->copy_to_host(w.data(), weight.data(), w.size());
  std::vector<unsigned char> rows_out(idx.size() * row_bytes);
  for (size_t i = 0; i < idx.size(); ++i) {
    std::copy_n(w.data() + static_cast<size_t>(idx[i]) * row_bytes, row_bytes, rows_out.data() + i * row_bytes);
  }
  Tensor out = prim::empty(out_shape, weight.dtype(), weight.device());
  if (!rows_out.empty()) out.storage().backend->copy_from_host(out.mutable_data(), rows_out.data(), rows_out.size());
  if (Node* n = record_op(OpId::Embedding, [](const Node& n, const Tensor& g) -> Grads {
        std::vector<int64_t> idx = saved(n, 0).to_int64s();
        check_floating(g, "the embedding backward");
        Tensor gw = g.dtype() == DType::Float32 ? embedding_grad<float>(g, idx, n.ints[0], n.ints[1], n.ints[2] != 0)
                                                : embedding_grad<double>(g, idx, n.ints[0], n.ints[1], n.ints[2] != 0);
        return {gw};
      }, out, {&weight})) {
    n->ints = {rows, padding_idx, scale_grad_by_freq};
    save_for_backward(*n, indices);
  }
  return out;
}

// ---- layer_norm over the last dims: rows of N values, M rows ----------------------------------
// Forward (LayerNormKernelImplInternal): mean and biased variance by RowwiseMoments, rstd =
// 1/√(var + eps), y = fma(fma(x, rstd, −rstd·mean), γ, β).
// Backward (LayerNormBackwardKernelImplInternal), a = rstd, per row:
//   ds = Σ dy·x·γ, db = Σ dy·γ (lane_dot), b = fma(db, mean, −ds)·a·a·a/N,
//   c = fma(−b, mean, −(db·a/N)), dx = fma(b, x, a·dy·γ) + c;
//   dγ += fma(dy, fma(a, x, −a·mean), dγ), dβ += dy, over the rows in order.
namespace {

// Welford's moments over lanes, cascaded (moments_utils.h's RowwiseMoments): each lane runs
// Welford over chunks of 16 vectors; the chunks' moments merge pairwise on a stack of partial
// results; the tail past the last whole vector runs scalar Welford, then each lane merges in.
template <class T>
struct Moments {
  int64_t count = 0;
  T mean = 0, m2 = 0;
};

template <class T>
void merge_moments(const Moments<T>& add, Moments<T>& into) {
  const int64_t n = into.count + add.count;
  const T c = n == 0 ? T(0) : static_cast<T>(add.count) / static_cast<T>(n);
  const T delta = add.mean - into.mean;
  into.mean = into.mean + c * delta;
  into.m2 = into.m2 + (add.m2 + delta * delta * c * static_cast<T>(into.count));
  into.count = n;
}

int64_t ceil_log2(int64_t x) {  // ATen's utils::CeilLog2: at least 1
  if (x <= 2) return 1;
  int64_t r = 0;
  for (uint64_t v = static_cast<uint64_t>(x - 1); v; v >>= 1) ++r;
  return r;
}

template <class T>
std::pair<T, T> row_moments(const T* x, int64_t n_values) {
  constexpr int64_t L = kLanes<T>, kChunk = 16;
  const int64_t vectors = n_values / L, chunks = (vectors + kChunk - 1) / kChunk;
  const int64_t depth = ceil_log2(chunks);
  std::vector<std::array<Moments<T>, L>> stack(static_cast<size_t>(depth));
  for (int64_t i = 0; i < chunks; ++i) {
    const T* chunk = x + i * kChunk * L;
    const int64_t count = std::min(kChunk, vectors - i * kChunk);
    std::array<Moments<T>, L> lanes;
    for (int64_t l = 0; l < L; ++l) {
      Moments<T>& m = lanes[static_cast<size_t>(l)];
      for (int64_t j = 0; j < count; ++j) {
        const T v = chunk[j * L + l];
        const T delta = v - m.mean;
        m.mean = m.mean + delta * (T(1) / static_cast<T>(j + 1));
        m.m2 = m.m2 + delta * (v - m.mean);
      }
      m.count = count;
    }
    auto merge_all = [](const std::array<Moments<T>, L>& add, std::array<Moments<T>, L>& into) {
      for (int64_t l = 0; l < L; ++l) merge_moments(add[static_cast<size_t>(l)], into[static_cast<size_t>(l)]);
    };
    merge_all(lanes, stack[0]);
    int64_t mask = i + 1;
    for (int64_t j = 1; j < depth && (mask & 1) == 0; ++j) {
      merge_all(stack[static_cast<size_t>(j - 1)], stack[static_cast<size_t>(j)]);
      stack[static_cast<size_t>(j - 1)] = {};
      mask >>= 1;
    }
  }
  for (int64_t i = 1; i < depth; ++i) {
    for (int64_t l = 0; l < L; ++l) merge_moments(stack[static_cast<size_t>(i)][static_cast<size_t>(l)], stack[0][static_cast<size_t>(l)]);
  }
  Moments<T> total;
  for (int64_t i = vectors * L; i < n_values; ++i) {
    const T delta = x[i] - total.mean;
    ++total.count;
    total.mean = total.mean + delta / static_cast<T>(total.count);
    total.m2 = total.m2 + delta * (x[i] - total.mean);
  }
  for (int64_t l = 0; l < L; ++l) {
    Moments<T> lane = stack[0][static_cast<size_t>(l)];
    lane.count = vectors;  // every lane saw all the whole vectors
    merge_moments(lane, total);
  }
  return {total.mean, total.m2 / static_cast<T>(n_values)};
}

template <class T>
void layer_norm_forward(const Tensor& input, const Tensor& weight, const Tensor& bias, double eps_d, int64_t rows,
                        int64_t n, Tensor* out, Tensor* stats) {
  std::vector<T> x = host_values<T>(input);
  std::vector<T> w = weight.defined() ? host_values<T>(weight) : std::vector<T>();
  std::vector<T> b = bias.defined() ? host_values<T>(bias) : std::vector<T>();
  std::vector<T> y(x.size()), st(static_cast<size_t>(2 * rows));
  const T eps = static_cast<T>(eps_d);
  for (int64_t r = 0; r < rows; ++r) {
    const T* xr = x.data() + r * n;
    auto [mean, var] = row_moments(xr, n);
    const T rstd = T(1) / std::sqrt(var + eps);
    const T shift = -rstd * mean;
    for (int64_t j = 0; j < n; ++j) {
      const T g = w.empty() ? T(1) : w[static_cast<size_t>(j)];
      const T beta = b.empty() ? T(0) : b[static_cast<size_t>(j)];
      y[static_cast<size_t>(r * n + j)] = scalar_fma(scalar_fma(xr[j], rstd, shift), g, beta);
    }
    st[static_cast<size_t>(r)] = mean;
    st[static_cast<size_t>(rows + r)] = rstd;
  }
  *out = from_host(y, input.shape(), input.dtype(), input.device());
  *stats = from_host(st, {2, rows}, input.dtype(), input.device());
}

template <class T>
Grads layer_norm_backward(const Node& node, const Tensor& g) {
  const Tensor& input = saved(node, 0);
  const int64_t rows = node.ints[0], n = node.ints[1];
  std::vector<T> x = host_values<T>(input), dy = host_values<T>(g), st = host_values<T>(saved(node, 1));
  const bool has_weight = node.saved.size() > 2;
  std::vector<T> w = has_weight ? host_values<T>(saved(node, 2)) : std::vector<T>();
  std::vector<T> dx(x.size()), dw(static_cast<size_t>(n), T(0)), db(static_cast<size_t>(n), T(0));
  const T scale = T(1) / static_cast<T>(n);
  for (int64_t r = 0; r < rows; ++r) {
    const T* xr = x.data() + r * n;
    const T* dyr = dy.data() + r * n;
    const T mean = st[static_cast<size_t>(r)], a = st[static_cast<size_t>(rows + r)];
    const T shift = -a * mean;
    for (int64_t j = 0; j < n; ++j) {
      dw[static_cast<size_t>(j)] = scalar_fma(dyr[j], scalar_fma(a, xr[j], shift), dw[static_cast<size_t>(j)]);
      db[static_cast<size_t>(j)] = db[static_cast<size_t>(j)] + dyr[j];
    }
    auto gamma = [&](int64_t j) { return has_weight ? w[static_cast<size_t>(j)] : T(1); };
    T ds, dsum;
    if (has_weight) {
      ds = lane_dot<T>(n, [&](int64_t j) { return dyr[j] * xr[j]; }, gamma);
      dsum = lane_dot<T>(n, [&](int64_t j) { return dyr[j]; }, gamma);
    } else {
      ds = lane_dot<T>(n, [&](int64_t j) { return dyr[j]; }, [&](int64_t j) { return xr[j]; });
      dsum = lane_dot<T>(n, [&](int64_t j) { return dyr[j]; }, [](int64_t) { return T(1); });
    }
    const T bcoef = scalar_fma(dsum, mean, -ds) * a * a * a * scale;
    const T ccoef = scalar_fma(-bcoef, mean, -(dsum * a * scale));
    for (int64_t j = 0; j < n; ++j) {
      const T first = has_weight ? a * dyr[j] * w[static_cast<size_t>(j)] : a * dyr[j];
      dx[static_cast<size_t>(r * n + j)] = scalar_fma(bcoef, xr[j], first) + ccoef;
    }
  }
  return input_weight_bias_grads(node, input, dx, dw, db);
}


}  // namespace

Tensor layer_norm(const Tensor& input, const Shape& normalized_shape, const Tensor& weight, const Tensor& bias, double eps) {
  const int64_t nd = static_cast<int64_t>(normalized_shape.size());
  if (nd < 1) {
    runtime_error("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got "
                  "normalized_shape = " + shape_str(normalized_shape));
  }
  if (weight.defined() && weight.shape() != normalized_shape) {
    runtime_error("Expected weight to be of same shape as normalized_shape, but got weight of shape " +
                  shape_str(weight.shape()) + " and normalized_shape = " + shape_str(normalized_shape));
  }
  if (bias.defined() && bias.shape() != normalized_shape) {
    runtime_error("Expected bias to be of same shape as normalized_shape, but got bias of shape " +
                  shape_str(bias.shape()) + " and normalized_shape = " + shape_str(normalized_shape));
  }
  const Shape& in = input.shape();
  if (input.dim() < nd || !std::equal(normalized_shape.begin(), normalized_shape.end(), in.end() - nd)) {
    std::string msg = "Given normalized_shape=" + shape_str(normalized_shape) + ", expected input with shape [*";
    for (int64_t s : normalized_shape) msg += ", " + std::to_string(s);
    runtime_error(msg + "], but got input of size" + shape_str(in));
  }
  check_floating(input, "layer_norm");
  for (const Tensor* t : {&weight, &bias}) {
    if (t->defined() && t->dtype() != input.dtype()) runtime_error(std::string("expected scalar type ") + dtype_scalar_name(input.dtype()) +
                                                                   " but found " + dtype_scalar_name(t->dtype()));
    if (t->defined()) prim::check_same_device(input, *t);
  }
  int64_t n = 1;
  for (int64_t s : normalized_shape) n *= s;
  const int64_t rows = n == 0 ? 0 : input.numel() / n;
  Tensor out, stats;
  if (input.dtype() == DType::Float32) layer_norm_forward<float>(input, weight, bias, eps, rows, n, &out, &stats);
  else layer_norm_forward<double>(input, weight, bias, eps, rows, n, &out, &stats);
  const Tensor weight_slot = slot_or_placeholder(weight, input), bias_slot = slot_or_placeholder(bias, input);
  if (Node* node = record_op(OpId::LayerNorm, [](const Node& node, const Tensor& g) -> Grads {
        return g.dtype() == DType::Float32 ? layer_norm_backward<float>(node, g) : layer_norm_backward<double>(node, g);
      }, out, {&input, &weight_slot, &bias_slot})) {
    node->ints = {rows, n};
    save_for_backward(*node, input);
    save_for_backward(*node, stats);
    if (weight.defined()) save_for_backward(*node, weight);
  }
  return out;
}

// ---- batch_norm over (N, C, *): per channel c, over the N·(image size) values --------------------
// Training (batch_norm_cpu_update_stats_template, collect_stats kernels):
//   image size 1: s = Σ x in T, mean = T(s/N as double); var_sum = Σ fma(x − mean, x − mean, ·) in T
//   otherwise:    s = Σ x in double, mean = T(s/N); var_sum = Σ T((x − mean)²) in double
//   invstd = T(1/√(double(T(var_sum/N)) + eps))
//   running_mean = m·mean + (1 − m)·running_mean   (m = T(momentum), in T)
//   running_var  = m·double(T(var_sum/(N − 1))) + T((1 − m)·running_var)   in double
// Evaluation: mean = running_mean, invstd = 1/√(running_var + T(eps)) in T.
// Output: α = invstd·γ, β' = fma(−mean, α, β), y = fma(x, α, β').
// Backward, w = γ (1 without weight), evaluation's invstd now 1/√(running_var + eps) in double:
//   sum = Σ dy, dotp = Σ (x − mean)·dy (image size 1: in T, fused; otherwise per plane with
//   lane_dot, summed in double; a non-contiguous dy: the products in double, sum via sum())
//   training: k = T(dotp)·invstd·invstd/N, dx = fma(−(x − mean), k, dy − sum/N)·invstd·w
//   evaluation: dx = dy·invstd·w;  dγ = T(dotp·invstd), dβ = T(sum)
namespace {

struct BnShape {
  int64_t batch, channels, image;
  int64_t count() const { return batch * image; }
  size_t at(int64_t b, int64_t c, int64_t i) const { return static_cast<size_t>((b * channels + c) * image + i); }
};

BnShape bn_shape(const Tensor& input) {
  BnShape s{input.shape()[0], input.shape()[1], 1};
  for (int64_t d = 2; d < input.dim(); ++d) s.image *= input.shape()[static_cast<size_t>(d)];
  return s;
}

// Overwrites a running statistic in place; like any in-place write it bumps the version, so a
// backward that saved the old values notices (PyTorch marks running_mean/var as mutated).
template <class T>
void write_host(const Tensor& t, const std::vector<T>& v) {
  t.storage().backend->copy_from_host(t.mutable_data(), v.data(), v.size() * sizeof(T));
  ++t.storage().version;
}

// The batch statistics of channel c: mean and the sum of squared deviations.
template <class T>
std::pair<T, T> channel_stats(const std::vector<T>& x, const BnShape& s, int64_t c) {
  if (s.image == 1) {
    T sum = 0;
    for (int64_t b = 0; b < s.batch; ++b) sum = sum + x[s.at(b, c, 0)];
    const T mean = static_cast<T>(static_cast<double>(sum) / static_cast<double>(s.count()));
    T var_sum = 0;
    for (int64_t b = 0; b < s.batch; ++b) {
      const T d = x[s.at(b, c, 0)] - mean;
      var_sum = scalar_fma(d, d, var_sum);
    }
    return {mean, var_sum};
  }
  double sum = 0;
  for (int64_t b = 0; b < s.batch; ++b)
    for (int64_t i = 0; i < s.image; ++i) sum += x[s.at(b, c, i)];
  const T mean = static_cast<T>(sum / static_cast<double>(s.count()));
  double var_sum = 0;
  for (int64_t b = 0; b < s.batch; ++b) {
    for (int64_t i = 0; i < s.image; ++i) {
      const T d = x[s.at(b, c, i)] - mean;
      var_sum += static_cast<double>(d * d);
    }
  }
  return {mean, static_cast<T>(var_sum)};
}

// True when every partial sum of channel c's values is exact in T, whatever the order: all
// are multiples of a power of two q, and Σ|v| < 2^digits · q.
template <class T>
bool sum_is_order_free(const std::vector<T>& v, const BnShape& s, int64_t c) {
  int min_exp = std::numeric_limits<int>::max();
  for (int64_t n = 0; n < s.batch; ++n)
    for (int64_t i = 0; i < s.image; ++i) {
      const T x = v[s.at(n, c, i)];
      if (x == T(0)) continue;
      if (!std::isfinite(x)) return false;
      int e;
      T m = std::frexp(x, &e);  // x = m · 2^e: scale m to an integer, then drop its trailing zeros
      m = std::ldexp(m, std::numeric_limits<T>::digits);
      e -= std::numeric_limits<T>::digits;
      while (std::fmod(m, T(2)) == T(0)) {
        m /= 2;
        ++e;
      }
      min_exp = std::min(min_exp, e);
    }
  if (min_exp == std::numeric_limits<int>::max()) return true;
  double total = 0;  // in units of 2^min_exp
  for (int64_t n = 0; n < s.batch; ++n)
    for (int64_t i = 0; i < s.image; ++i) total += std::ldexp(std::fabs(static_cast<double>(v[s.at(n, c, i)])), -min_exp);
  return total < std::ldexp(1.0, std::numeric_limits<T>::digits);
}

template <class T>
Tensor batch_norm_forward(const Tensor& input, const Tensor& running_mean, const Tensor& running_var,
                          const Tensor& weight, const Tensor& bias, bool training, double momentum, double eps,
                          Tensor* stats) {
  const BnShape s = bn_shape(input);
  const size_t channels = static_cast<size_t>(s.channels);
  std::vector<T> x = host_values<T>(input);
  std::vector<T> w = weight.defined() ? host_values<T>(weight) : std::vector<T>(channels, T(1));
  std::vector<T> b = bias.defined() ? host_values<T>(bias) : std::vector<T>(channels, T(0));
  std::vector<T> rm = running_mean.defined() ? host_values<T>(running_mean) : std::vector<T>();
  std::vector<T> rv = running_var.defined() ? host_values<T>(running_var) : std::vector<T>();
  std::vector<T> mean(channels), invstd(channels), backward_invstd(channels);
  const T m = static_cast<T>(momentum);
  for (size_t c = 0; c < channels; ++c) {
    if (training) {
      auto [mu, var_sum] = channel_stats(x, s, static_cast<int64_t>(c));
      mean[c] = mu;
      invstd[c] = static_cast<T>(1.0 / std::sqrt(static_cast<double>(var_sum / static_cast<T>(s.count())) + eps));
      backward_invstd[c] = invstd[c];
      if (!rm.empty()) rm[c] = m * mu + (T(1) - m) * rm[c];
      if (!rv.empty()) {
        const double unbiased = static_cast<double>(var_sum / static_cast<T>(s.count() - 1));
        rv[c] = static_cast<T>(static_cast<double>(m) * unbiased + static_cast<double>((T(1) - m) * rv[c]));
      }
    } else {
      mean[c] = rm[c];
      invstd[c] = T(1) / std::sqrt(rv[c] + static_cast<T>(eps));
      backward_invstd[c] = static_cast<T>(1.0 / std::sqrt(static_cast<double>(rv[c]) + eps));
    }
  }
  if (training && !rm.empty()) write_host(running_mean, rm);
  if (training && !rv.empty()) write_host(running_var, rv);
  std::vector<T> y(x.size());
  for (int64_t c = 0; c < s.channels; ++c) {
    const T alpha = invstd[static_cast<size_t>(c)] * w[static_cast<size_t>(c)];
    const T beta = scalar_fma(-mean[static_cast<size_t>(c)], alpha, b[static_cast<size_t>(c)]);
    for (int64_t n = 0; n < s.batch; ++n)
      for (int64_t i = 0; i < s.image; ++i) y[s.at(n, c, i)] = scalar_fma(x[s.at(n, c, i)], alpha, beta);
  }
  std::vector<T> st(mean);
  st.insert(st.end(), backward_invstd.begin(), backward_invstd.end());
  *stats = from_host(st, {2, s.channels}, input.dtype(), input.device());
  return from_host(y, input.shape(), input.dtype(), input.device());
}

template <class T>
Grads batch_norm_backward(const Node& node, const Tensor& g) {
  const Tensor& input = saved(node, 0);
  const BnShape s = bn_shape(input);
  const size_t channels = static_cast<size_t>(s.channels);
  const bool training = node.ints[0] != 0, has_weight = node.saved.size() > 2;
  const bool dy_contiguous = !g.impl()->noncontiguous;
  std::vector<T> x = host_values<T>(input), dy = host_values<T>(g), st = host_values<T>(saved(node, 1));
  std::vector<T> w = has_weight ? host_values<T>(saved(node, 2)) : std::vector<T>(channels, T(1));
  // A non-contiguous dy: ATen's fallback sums it with at::sum over all dims but the channel's.
  // Its order follows the gradient's strides, which gradlab does not keep: only sums that come
  // out the same in any order (an all-ones gradient, from y.sum()) are taken.
  std::vector<T> dy_sums;
  if (!dy_contiguous) {
    for (int64_t c = 0; c < s.channels; ++c) {
      if (!sum_is_order_free(dy, s, c)) not_supported("batch_norm's backward for this non-contiguous gradient");
    }
    std::vector<int64_t> dims{0};
    for (int64_t d = 2; d < g.dim(); ++d) dims.push_back(d);
    NoGradGuard no_grad;
    dy_sums = host_values<T>(sum(g, dims));
  }
  std::vector<T> dx(x.size()), dw(channels), db(channels);
  const T count = static_cast<T>(s.count());
  for (int64_t c = 0; c < s.channels; ++c) {
    const size_t cu = static_cast<size_t>(c);
    const T mean = st[cu], invstd = st[channels + cu];
    T dotp, sum_dy;  // as the value the kernel rounds them to at the end
    double dotp_d = 0, sum_d = 0;
    if (!dy_contiguous) {
      for (int64_t n = 0; n < s.batch; ++n)
        for (int64_t i = 0; i < s.image; ++i) {
          dotp_d += static_cast<double>((x[s.at(n, c, i)] - mean) * dy[s.at(n, c, i)]);
        }
      sum_d = dy_sums[cu];
    } else if (s.image == 1) {
      T sp = 0, dp = 0;
      for (int64_t n = 0; n < s.batch; ++n) {
        sp = sp + dy[s.at(n, c, 0)];
        dp = scalar_fma(x[s.at(n, c, 0)] - mean, dy[s.at(n, c, 0)], dp);
      }
      dotp_d = dp;
      sum_d = sp;
    } else {
      for (int64_t n = 0; n < s.batch; ++n) {
        const T* xp = x.data() + s.at(n, c, 0);
        const T* dyp = dy.data() + s.at(n, c, 0);
        sum_d += lane_dot<T>(s.image, [&](int64_t i) { return dyp[i]; }, [](int64_t) { return T(1); });
        dotp_d += lane_dot<T>(s.image, [&](int64_t i) { return xp[i] - mean; }, [&](int64_t i) { return dyp[i]; });
      }
    }
    dotp = static_cast<T>(dotp_d);
    sum_dy = static_cast<T>(sum_d);
    const T wc = w[cu];
    if (training) {
      const T k = dotp * invstd * invstd / count;
      // image size 1 divides the float sum; the others the double one (the same for a sum of T)
      const T grad_mean = s.image == 1 || !dy_contiguous ? sum_dy / count : static_cast<T>(sum_d / static_cast<double>(s.count()));
      for (int64_t n = 0; n < s.batch; ++n)
        for (int64_t i = 0; i < s.image; ++i) {
          const size_t at = s.at(n, c, i);
          if (dy_contiguous && (s.image > 1 || std::is_same_v<T, float>)) {
            dx[at] = scalar_fma(-(x[at] - mean), k, dy[at] - grad_mean) * invstd * wc;
          } else {
            const T proj = (x[at] - mean) * k;  // stored before the second loop reads it
            dx[at] = (dy[at] - grad_mean - proj) * invstd * wc;
          }
        }
    } else {
      for (int64_t n = 0; n < s.batch; ++n)
        for (int64_t i = 0; i < s.image; ++i) dx[s.at(n, c, i)] = dy[s.at(n, c, i)] * invstd * wc;
    }
    dw[cu] = s.image == 1 && dy_contiguous ? dotp * invstd : static_cast<T>(dotp_d * static_cast<double>(invstd));
    db[cu] = sum_dy;
  }
  return input_weight_bias_grads(node, input, dx, dw, db);
}

}  // namespace

Tensor batch_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight,
                  const Tensor& bias, bool training, double momentum, double eps) {
  if (input.dim() < 2) {
    runtime_error("batch_norm(): expected input to have at least 2 dims, but got " + std::to_string(input.dim()));
  }
  check_floating(input, "batch_norm");
  if (input.impl()->noncontiguous) not_supported("batch_norm of a transposed, sliced or expanded tensor (call .contiguous() first)");
  const int64_t channels = input.shape()[1];
  for (const Tensor* t : {&running_mean, &running_var, &weight, &bias}) {
    if (!t->defined()) continue;
    if (t->numel() != channels) {
      runtime_error("running_mean should contain " + std::to_string(channels) + " elements not " + std::to_string(t->numel()));
    }
    if (t->dtype() != input.dtype()) runtime_error(std::string("expected scalar type ") + dtype_scalar_name(input.dtype()) +
                                                   " but found " + dtype_scalar_name(t->dtype()));
    prim::check_same_device(input, *t);
  }
  if (!training && (!running_mean.defined() || !running_var.defined())) {
    runtime_error("running_mean and running_var must be defined in evaluation mode");
  }
  if (input.numel() == 0) not_supported("batch_norm of an empty tensor");
  if (training && input.numel() / channels <= 1) not_supported("batch_norm with one value per channel");
  Tensor stats;
  Tensor out = input.dtype() == DType::Float32
                   ? batch_norm_forward<float>(input, running_mean, running_var, weight, bias, training, momentum, eps, &stats)
                   : batch_norm_forward<double>(input, running_mean, running_var, weight, bias, training, momentum, eps, &stats);
  const Tensor weight_slot = slot_or_placeholder(weight, input), bias_slot = slot_or_placeholder(bias, input);
  if (Node* node = record_op(OpId::BatchNorm, [](const Node& node, const Tensor& g) -> Grads {
        return g.dtype() == DType::Float32 ? batch_norm_backward<float>(node, g) : batch_norm_backward<double>(node, g);
      }, out, {&input, &weight_slot, &bias_slot})) {
    node->ints = {training};
    save_for_backward(*node, input);
    save_for_backward(*node, stats);
    if (weight.defined()) save_for_backward(*node, weight);
  }
  return out;
}

}  // namespace gradlab
