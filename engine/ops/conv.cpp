// F.conv1d / F.conv2d (declared in ops/conv.h): one ConvolutionBackward0 node over input,
// weight and bias. conv1d runs as conv2d on a height of 1, as ATen's _convolution does.
//
// Note [Convolution rounding]
// PyTorch 1.13 on the CPU picks a backend per call (_select_conv_backend), and each adds in
// its own order; gradlab reproduces two of them:
//  - oneDNN (mkldnn_convolution), for float32 whenever ConvParams::use_mkldnn holds. The
//    reference machine runs oneDNN 2.6's jit:avx512_core direct kernels; checked bit for bit
//    against them (and its jit:avx2 weight-gradient kernel) on random shapes:
//      output:       per block of 16 input channels, one fused multiply-add chain from +0 over
//                    (kh, kw, channel) with the taps in the padding skipped; the first block's
//                    sum plus the bias, then each later block's sum added on;
//      input grad:   the same over blocks of 16 output channels, (kh, kw, channel), no bias;
//      weight grad:  one fma chain from +0 over (image, oh, ow);
//      bias grad:    one float sum from +0 over (image, oh, ow).
//    oneDNN leaves those kernels for others whose order is not modelled (gemm:jit, jit_1x1,
//    jit_dw): grouped and 1×1 convolutions, padding as wide as the (dilated) kernel, and in
//    backward, stride with dilation (input grad) or any dilation (weight grad). Those raise
//    NotImplementedError (onednn_direct_kernels: the boundary found by random-shape sweeps;
//    conservative where oneDNN's own choice depends on more than these sizes).
//  - slow_conv2d (ConvolutionMM2d.cpp: unfold, then OpenBLAS gemm) for float64, and for float32
//    where use_mkldnn does not hold (batch 1, a kernel at most 3 wide or high, small input; or
//    1×1 kernels below a batch of 16, as one thread runs them). Per image and group: the
//    unfolded columns [C·kh·kw, oh·ow]; output = weight·columns onto the bias (gemm, beta 1);
//    input grad = col2im(weightᵀ·grad) adding the columns in (c, kh, kw) order; weight grad +=
//    grad·columnsᵀ image after image (beta 1); bias grad = grad.sum((0, 2, 3)).
//    The float32 gemms are gradlab's reference-order kernel at every size (host_gemm).
#include <algorithm>
#include <cmath>
#include <type_traits>

#include "engine/backend/backend.h"
#include "engine/backend/cpu/gemm.h"
#include "engine/ops/conv.h"
#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {

// Sizes of one convolution, viewed as 2-D (conv1d: height 1).
struct Geometry {
  int64_t n, c, h, w;        // input
  int64_t o, kh, kw;         // weight [o, c / groups, kh, kw]
  int64_t oh, ow;            // output
  int64_t sh, sw, ph, pw, dh, dw, groups;
  int64_t cg() const { return c / groups; }
  int64_t og() const { return o / groups; }
  size_t x_at(int64_t ni, int64_t ci, int64_t hi, int64_t wi) const { return static_cast<size_t>(((ni * c + ci) * h + hi) * w + wi); }
  size_t y_at(int64_t ni, int64_t oi, int64_t hi, int64_t wi) const { return static_cast<size_t>(((ni * o + oi) * oh + hi) * ow + wi); }
  size_t w_at(int64_t oi, int64_t ci, int64_t i, int64_t j) const { return static_cast<size_t>(((oi * cg() + ci) * kh + i) * kw + j); }
};

// ConvParams::use_mkldnn for a dense CPU tensor, with one thread (the reference's setting).
bool uses_onednn(const Geometry& g, DType dtype) {
  if (dtype != DType::Float32) return false;
  const bool strided = g.sh != 1 || g.sw != 1, dilated = g.dh != 1 || g.dw != 1;
  const bool not_pointwise = strided || dilated || g.n >= 16 || g.kw != 1 || g.kh != 1;
  const bool worth_it = g.groups > 1 || (g.kw > 3 && g.kh > 3) || g.n > 1 || g.n * g.c * g.h * g.w > 20480;
  return not_pointwise && worth_it;
}

// Which passes oneDNN runs with the direct kernels modelled here (Note [Convolution rounding]).
struct DirectKernels {
  bool forward, input_grad, weight_grad;
};
DirectKernels onednn_direct_kernels(const Geometry& g) {
  const bool pointwise = g.kh == 1 && g.kw == 1;
  const bool pad_inside_kernel = g.ph < (g.kh - 1) * g.dh + 1 && g.pw < (g.kw - 1) * g.dw + 1;
  const bool strided = g.sh != 1 || g.sw != 1, dilated = g.dh != 1 || g.dw != 1;
  const bool forward = g.groups == 1 && !pointwise && pad_inside_kernel;
  return {forward, forward && !(strided && dilated), forward && !dilated};
}

[[noreturn]] void unmodelled_kernel(const char* pass) {
  not_supported(std::string("the ") + pass + " of this float32 convolution (grouped, 1x1, padding as wide as the kernel, " +
                "or dilated: PyTorch runs oneDNN kernels whose rounding gradlab does not reproduce)");
}

constexpr int64_t kOneDnnBlock = 16;  // channels per block of the avx512 kernels

// The direct kernels are chains of std::fma, a libm call on baseline x86-64. Where the CPU has
// AVX2 + FMA, run them inside a function compiled for it, with everything inlined, so each becomes one
// instruction: the same correctly rounded result, several times faster.
#if defined(__x86_64__) && !defined(__EMSCRIPTEN__) && (defined(__GNUC__) || defined(__clang__))
template <class F>
__attribute__((target("avx2,fma"), flatten)) auto run_with_fma_instruction(const F& f) {
  return f();
}
template <class F>
auto run_fast(const F& f) {
  static const bool has_fma = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return has_fma ? run_with_fma_instruction(f) : f();
}
#else
template <class F>
auto run_fast(const F& f) {
  return f();
}
#endif

// ---- oneDNN's direct kernels (float32) -------------------------------------------------------
// The output columns yw whose tap j lands inside the input (iw = yw·sw − pw + j·dw in [0, w)).
struct Columns {
  int64_t lo, hi;
};
Columns columns_inside(int64_t j, int64_t stride, int64_t pad, int64_t dilation, int64_t in, int64_t out) {
  auto ceil_div = [](int64_t a, int64_t b) { return a <= 0 ? 0 : (a + b - 1) / b; };
  return {ceil_div(pad - j * dilation, stride), std::min(out, ceil_div(in + pad - j * dilation, stride))};
}

// Each element's chain runs in the order Note [Convolution rounding] gives; the loops keep a
// row of independent chains side by side (the innermost loop), so they pipeline and vectorise.
std::vector<float> onednn_forward(const Geometry& g, const std::vector<float>& x, const std::vector<float>& w,
                                  const std::vector<float>* bias) {
  std::vector<float> y(static_cast<size_t>(g.n * g.o * g.oh * g.ow));
  std::vector<float> acc(static_cast<size_t>(g.ow));
  for (int64_t ni = 0; ni < g.n; ++ni)
    for (int64_t oc = 0; oc < g.o; ++oc)
      for (int64_t yh = 0; yh < g.oh; ++yh) {
        float* total = y.data() + g.y_at(ni, oc, yh, 0);
        for (int64_t cb = 0; cb < g.c; cb += kOneDnnBlock) {
          const int64_t ce = std::min(g.c, cb + kOneDnnBlock);
          std::fill(acc.begin(), acc.end(), 0.0f);
          for (int64_t i = 0; i < g.kh; ++i) {
            const int64_t ih = yh * g.sh - g.ph + i * g.dh;
            if (ih < 0 || ih >= g.h) continue;
            for (int64_t j = 0; j < g.kw; ++j) {
              const Columns cols = columns_inside(j, g.sw, g.pw, g.dw, g.w, g.ow);
              for (int64_t ci = cb; ci < ce; ++ci) {
                const float wv = w[g.w_at(oc, ci, i, j)];
                const float* row = x.data() + g.x_at(ni, ci, ih, 0) + (j * g.dw - g.pw);
                for (int64_t yw = cols.lo; yw < cols.hi; ++yw) acc[yw] = std::fma(row[yw * g.sw], wv, acc[yw]);
              }
            }
          }
          for (int64_t yw = 0; yw < g.ow; ++yw) {
            if (cb == 0) total[yw] = bias ? acc[yw] + (*bias)[static_cast<size_t>(oc)] : acc[yw];
            else total[yw] += acc[yw];
          }
        }
      }
  return y;
}

std::vector<float> onednn_input_grad(const Geometry& g, const std::vector<float>& gy, const std::vector<float>& w) {
  std::vector<float> gx(static_cast<size_t>(g.n * g.c * g.h * g.w));
  std::vector<float> acc(static_cast<size_t>(g.w));
  for (int64_t ni = 0; ni < g.n; ++ni)
    for (int64_t ci = 0; ci < g.c; ++ci)
      for (int64_t ih = 0; ih < g.h; ++ih) {
        float* total = gx.data() + g.x_at(ni, ci, ih, 0);
        for (int64_t ob = 0; ob < g.o; ob += kOneDnnBlock) {
          const int64_t oe = std::min(g.o, ob + kOneDnnBlock);
          std::fill(acc.begin(), acc.end(), 0.0f);
          for (int64_t i = 0; i < g.kh; ++i) {
            const int64_t th = ih + g.ph - i * g.dh;
            if (th < 0 || th % g.sh || th / g.sh >= g.oh) continue;
            for (int64_t j = 0; j < g.kw; ++j) {
              const Columns cols = columns_inside(j, g.sw, g.pw, g.dw, g.w, g.ow);
              float* dst = acc.data() + (j * g.dw - g.pw);
              for (int64_t oc = ob; oc < oe; ++oc) {
                const float wv = w[g.w_at(oc, ci, i, j)];
                const float* row = gy.data() + g.y_at(ni, oc, th / g.sh, 0);
                for (int64_t yw = cols.lo; yw < cols.hi; ++yw) dst[yw * g.sw] = std::fma(row[yw], wv, dst[yw * g.sw]);
              }
            }
          }
          for (int64_t iw = 0; iw < g.w; ++iw) total[iw] = ob == 0 ? acc[iw] : total[iw] + acc[iw];
        }
      }
  return gx;
}

// One chain per weight element over (image, oh, ow); the output channels run side by side on
// the gradient transposed to [n, oh, ow, o].
std::vector<float> onednn_weight_grad(const Geometry& g, const std::vector<float>& gy, const std::vector<float>& x) {
  const int64_t plane = g.oh * g.ow;
  std::vector<float> gyt(gy.size());
  for (int64_t ni = 0; ni < g.n; ++ni)
    for (int64_t oc = 0; oc < g.o; ++oc)
      for (int64_t p = 0; p < plane; ++p) gyt[static_cast<size_t>((ni * plane + p) * g.o + oc)] = gy[g.y_at(ni, oc, 0, 0) + static_cast<size_t>(p)];
  std::vector<float> gw(static_cast<size_t>(g.o * g.c * g.kh * g.kw));
  std::vector<float> acc(static_cast<size_t>(g.o));
  for (int64_t ci = 0; ci < g.c; ++ci)
    for (int64_t i = 0; i < g.kh; ++i)
      for (int64_t j = 0; j < g.kw; ++j) {
        std::fill(acc.begin(), acc.end(), 0.0f);
        const Columns cols = columns_inside(j, g.sw, g.pw, g.dw, g.w, g.ow);
        for (int64_t ni = 0; ni < g.n; ++ni)
          for (int64_t yh = 0; yh < g.oh; ++yh) {
            const int64_t ih = yh * g.sh - g.ph + i * g.dh;
            if (ih < 0 || ih >= g.h) continue;
            for (int64_t yw = cols.lo; yw < cols.hi; ++yw) {
              const float xv = x[g.x_at(ni, ci, ih, yw * g.sw - g.pw + j * g.dw)];
              const float* grad = gyt.data() + (ni * plane + yh * g.ow + yw) * g.o;
              for (int64_t oc = 0; oc < g.o; ++oc) acc[oc] = std::fma(grad[oc], xv, acc[oc]);
            }
          }
        for (int64_t oc = 0; oc < g.o; ++oc) gw[g.w_at(oc, ci, i, j)] = acc[oc];
      }
  return gw;
}

std::vector<float> onednn_bias_grad(const Geometry& g, const std::vector<float>& gy) {
  std::vector<float> gb(static_cast<size_t>(g.o));
  const int64_t plane = g.oh * g.ow;
  for (int64_t oc = 0; oc < g.o; ++oc) {
    float acc = 0;
    for (int64_t ni = 0; ni < g.n; ++ni)
      for (int64_t p = 0; p < plane; ++p) acc += gy[g.y_at(ni, oc, 0, 0) + static_cast<size_t>(p)];
    gb[static_cast<size_t>(oc)] = acc;
  }
  return gb;
}

// ---- slow_conv2d: unfold + gemm ----------------------------------------------------------------
// Calls f(column element, input element) for every tap of image `ni`, group `gi` that lies
// inside the input: the columns are [cg·kh·kw, oh·ow] in (c, kh, kw) row order, as im2col lays
// them out (taps in the padding stay zero).
template <class F>
void for_each_tap(const Geometry& g, int64_t ni, int64_t gi, F f) {
  const int64_t plane = g.oh * g.ow;
  size_t r = 0;
  for (int64_t ci = 0; ci < g.cg(); ++ci)
    for (int64_t i = 0; i < g.kh; ++i)
      for (int64_t j = 0; j < g.kw; ++j, r += static_cast<size_t>(plane))
        for (int64_t yh = 0; yh < g.oh; ++yh) {
          const int64_t ih = yh * g.sh - g.ph + i * g.dh;
          if (ih < 0 || ih >= g.h) continue;
          for (int64_t yw = 0; yw < g.ow; ++yw) {
            const int64_t iw = yw * g.sw - g.pw + j * g.dw;
            if (iw >= 0 && iw < g.w) f(r + static_cast<size_t>(yh * g.ow + yw), g.x_at(ni, gi * g.cg() + ci, ih, iw));
          }
        }
}

template <class T>
std::vector<T> unfold(const Geometry& g, const std::vector<T>& x, int64_t ni, int64_t gi) {
  std::vector<T> cols(static_cast<size_t>(g.cg() * g.kh * g.kw * g.oh * g.ow), T(0));
  for_each_tap(g, ni, gi, [&](size_t col, size_t in) { cols[col] = x[in]; });
  return cols;
}

// C[m×n] (+)= op(A)·op(B) on host buffers. float32 goes straight to gradlab's reference-order
// kernel (Note [Matmul rounding]) at every size, so the digits are the reference's whichever
// kernels the machine's OpenBLAS would pick; float64 takes the backend's route like torch.mm.
template <class T>
void host_gemm(const T* a, const T* b, T* c, int64_t m, int64_t n, int64_t k, bool ta, bool tb, bool accumulate) {
  if constexpr (std::is_same_v<T, float>) {
    cpu::gemm<float>(a, b, c, m, n, k, ta, tb, accumulate);
  } else {
    backend_for(Device{}).matmul(DType::Float64, a, b, c, m, n, k, ta, tb, accumulate);
  }
}

template <class T>
std::vector<T> unfold_forward(const Geometry& g, const std::vector<T>& x, const std::vector<T>& w, const std::vector<T>* bias) {
  const int64_t plane = g.oh * g.ow, k = g.cg() * g.kh * g.kw;
  std::vector<T> y(static_cast<size_t>(g.n * g.o * plane), T(0));
  for (int64_t ni = 0; ni < g.n; ++ni)
    for (int64_t gi = 0; gi < g.groups; ++gi) {
      std::vector<T> cols = unfold(g, x, ni, gi);
      T* out = y.data() + g.y_at(ni, gi * g.og(), 0, 0);
      if (bias) {
        for (int64_t oc = 0; oc < g.og(); ++oc) std::fill_n(out + oc * plane, plane, (*bias)[static_cast<size_t>(gi * g.og() + oc)]);
      }
      host_gemm(w.data() + g.w_at(gi * g.og(), 0, 0, 0), cols.data(), out, g.og(), plane, k, false, false, bias != nullptr);
    }
  return y;
}

template <class T>
std::vector<T> unfold_input_grad(const Geometry& g, const std::vector<T>& gy, const std::vector<T>& w) {
  const int64_t plane = g.oh * g.ow, k = g.cg() * g.kh * g.kw;
  std::vector<T> gx(static_cast<size_t>(g.n * g.c * g.h * g.w), T(0));
  std::vector<T> cols(static_cast<size_t>(k * plane));
  for (int64_t ni = 0; ni < g.n; ++ni)
    for (int64_t gi = 0; gi < g.groups; ++gi) {
      host_gemm(w.data() + g.w_at(gi * g.og(), 0, 0, 0), gy.data() + g.y_at(ni, gi * g.og(), 0, 0), cols.data(), k, plane, g.og(),
                true, false, false);
      for_each_tap(g, ni, gi, [&](size_t col, size_t in) { gx[in] += cols[col]; });  // col2im
    }
  return gx;
}

template <class T>
std::vector<T> unfold_weight_grad(const Geometry& g, const std::vector<T>& gy, const std::vector<T>& x) {
  const int64_t plane = g.oh * g.ow, k = g.cg() * g.kh * g.kw;
  std::vector<T> gw(static_cast<size_t>(g.o * k), T(0));
  for (int64_t ni = 0; ni < g.n; ++ni)
    for (int64_t gi = 0; gi < g.groups; ++gi) {
      std::vector<T> cols = unfold(g, x, ni, gi);
      host_gemm(gy.data() + g.y_at(ni, gi * g.og(), 0, 0), cols.data(), gw.data() + g.w_at(gi * g.og(), 0, 0, 0), g.og(), k, plane,
                false, true, true);
    }
  return gw;
}

// ---- the op ------------------------------------------------------------------------------------
// ints of the node: stride, padding, dilation (h then w), groups, and whether the input was 3-D
// (conv1d), so the gradients take the shapes of the inputs.
Geometry geometry_of(const Shape& x, const Shape& w, const std::vector<int64_t>& ints) {
  const bool one_d = x.size() == 3;
  Geometry g{};
  g.n = x[0], g.c = x[1], g.h = one_d ? 1 : x[2], g.w = x.back();
  g.o = w[0], g.kh = one_d ? 1 : w[2], g.kw = w.back();
  g.sh = ints[0], g.sw = ints[1], g.ph = ints[2], g.pw = ints[3], g.dh = ints[4], g.dw = ints[5], g.groups = ints[6];
  g.oh = (g.h + 2 * g.ph - g.dh * (g.kh - 1) - 1) / g.sh + 1;
  g.ow = (g.w + 2 * g.pw - g.dw * (g.kw - 1) - 1) / g.sw + 1;
  return g;
}

template <class T>
Tensor forward_values(const Geometry& g, const Tensor& input, const Tensor& weight, const Tensor& bias, const Shape& out_shape) {
  std::vector<T> x = host_values<T>(input), w = host_values<T>(weight), b;
  if (bias.defined()) b = host_values<T>(bias);
  const std::vector<T>* bp = bias.defined() ? &b : nullptr;
  std::vector<T> y;
  if constexpr (std::is_same_v<T, float>) {
    y = uses_onednn(g, DType::Float32) ? run_fast([&] { return onednn_forward(g, x, w, bp); }) : unfold_forward(g, x, w, bp);
  } else {
    y = unfold_forward(g, x, w, bp);
  }
  return from_host(y, out_shape, input.dtype(), input.device());
}

template <class T>
Grads backward_values(const Node& n, const Tensor& grad) {
  const Tensor& input = saved(n, 0);
  const Tensor& weight = saved(n, 1);
  const Geometry g = geometry_of(input.shape(), weight.shape(), n.ints);
  const bool onednn = uses_onednn(g, grad.dtype());
  const DirectKernels direct = onednn_direct_kernels(g);
  if (onednn && n.needs_input_grad(0) && !direct.input_grad) unmodelled_kernel("input gradient");
  const bool weight_or_bias = n.needs_input_grad(1) || (n.next_edges.size() > 2 && n.needs_input_grad(2));
  if (onednn && weight_or_bias && !direct.weight_grad) unmodelled_kernel("weight and bias gradient");
  std::vector<T> gy = host_values<T>(grad);
  Grads out;
  out.push_back(Tensor());
  out.push_back(Tensor());
  out.push_back(Tensor());
  if (n.needs_input_grad(0)) {
    std::vector<T> w = host_values<T>(weight), gx;
    if constexpr (std::is_same_v<T, float>) gx = onednn ? run_fast([&] { return onednn_input_grad(g, gy, w); }) : unfold_input_grad(g, gy, w);
    else gx = unfold_input_grad(g, gy, w);
    out[0] = from_host(gx, input.shape(), grad.dtype(), grad.device());
  }
  if (n.needs_input_grad(1)) {
    std::vector<T> x = host_values<T>(input), gw;
    if constexpr (std::is_same_v<T, float>) gw = onednn ? run_fast([&] { return onednn_weight_grad(g, gy, x); }) : unfold_weight_grad(g, gy, x);
    else gw = unfold_weight_grad(g, gy, x);
    out[1] = from_host(gw, weight.shape(), grad.dtype(), grad.device());
  }
  if (n.next_edges.size() > 2 && n.needs_input_grad(2)) {
    if constexpr (std::is_same_v<T, float>) {
      if (onednn) out[2] = from_host(onednn_bias_grad(g, gy), {g.o}, grad.dtype(), grad.device());
    }
    if (!out[2].defined()) out[2] = sum(grad.dim() == 3 ? unsqueeze(grad, 2) : grad, {0, 2, 3});
  }
  return out;
}

// "FloatTensor", as ATen's dtype-mismatch messages name the types (c_type_name: "float").
std::string tensor_type_name(DType t) { return std::string(dtype_scalar_name(t)) + "Tensor"; }

// ATen's checks (check_shape_forward, _convolution), in its order and words.
void check_conv(const Tensor& input, const Tensor& weight, const Tensor& bias, const ConvSettings& s, int64_t dims) {
  for (int64_t v : s.padding) if (v < 0) runtime_error("negative padding is not supported");
  for (int64_t v : s.stride) if (v <= 0) runtime_error("non-positive stride is not supported");
  for (int64_t v : s.dilation) if (v <= 0) runtime_error("non-positive dilation is not supported");
  if (s.groups <= 0) runtime_error("non-positive groups is not supported");
  const Shape& ws = weight.shape();
  if (weight.dim() != dims + 2) {
    runtime_error("Expected " + std::to_string(weight.dim()) + "-dimensional input for " + std::to_string(weight.dim()) +
                  "-dimensional weight " + shape_str(ws) + ", but got " + std::to_string(input.dim()) + "-dimensional input of size " +
                  shape_str(input.shape()) + " instead");
  }
  if (ws[0] < s.groups || ws[0] % s.groups != 0) {
    runtime_error("Given groups=" + std::to_string(s.groups) + ", expected weight to be divisible by " + std::to_string(s.groups) +
                  " at dimension 0, but got weight of size [" + shape_str(ws) + "] instead");
  }
  if (input.shape()[1] != ws[1] * s.groups) {
    runtime_error("Given groups=" + std::to_string(s.groups) + ", weight of size " + shape_str(ws) + ", expected input" +
                  shape_str(input.shape()) + " to have " + std::to_string(ws[1] * s.groups) + " channels, but got " +
                  std::to_string(input.shape()[1]) + " channels instead");
  }
  if (bias.defined() && (bias.dim() != 1 || bias.shape()[0] != ws[0])) {
    runtime_error("Given weight of size " + shape_str(ws) + ", expected bias to be 1-dimensional with " + std::to_string(ws[0]) +
                  " elements, but got bias of size " + shape_str(bias.shape()) + " instead");
  }
  std::string padded, kernel;
  bool too_big = false;
  for (int64_t d = 0; d < dims; ++d) {
    const int64_t in = input.shape()[static_cast<size_t>(2 + d)] + 2 * s.padding[static_cast<size_t>(d)];
    const int64_t k = s.dilation[static_cast<size_t>(d)] * (ws[static_cast<size_t>(2 + d)] - 1) + 1;
    padded += (d ? " x " : "") + std::to_string(in);
    kernel += (d ? " x " : "") + std::to_string(k);
    too_big = too_big || in < k;
  }
  if (too_big) {
    runtime_error("Calculated padded input size per channel: (" + padded + "). Kernel size: (" + kernel +
                  "). Kernel size can't be greater than actual input size");
  }
  if (input.dtype() != weight.dtype()) {
    if (input.dtype() == DType::Float32) {
      runtime_error(std::string("Input type (torch.") + tensor_type_name(input.dtype()) + ") and weight type (torch." +
                    tensor_type_name(weight.dtype()) + ") should be the same or input should be a MKLDNN tensor and weight is a dense tensor");
    }
    runtime_error(std::string("expected scalar type ") + dtype_scalar_name(input.dtype()) + " but found " + dtype_scalar_name(weight.dtype()));
  }
  if (bias.defined() && bias.dtype() != input.dtype()) {
    runtime_error(std::string("Input type (") + c_type_name(input.dtype()) + ") and bias type (" + c_type_name(bias.dtype()) +
                  ") should be the same");
  }
  if (!is_floating(input.dtype())) not_supported("convolution of integer tensors");
  prim::check_same_device(input, weight);
}

// The batched convolution (3-D input for conv1d, 4-D for conv2d): one ConvolutionBackward0.
Tensor convolution(const Tensor& input, const Tensor& weight, const Tensor& bias, const ConvSettings& s) {
  const bool one_d = input.dim() == 3;
  std::vector<int64_t> ints;
  if (one_d) ints = {1, s.stride[0], 0, s.padding[0], 1, s.dilation[0], s.groups};
  else ints = {s.stride[0], s.stride[1], s.padding[0], s.padding[1], s.dilation[0], s.dilation[1], s.groups};
  const Geometry g = geometry_of(input.shape(), weight.shape(), ints);
  refuse_narrow_float(input, "convolution");
  if (input.dtype() == DType::Float32 && uses_onednn(g, DType::Float32) && !onednn_direct_kernels(g).forward) {
    unmodelled_kernel("forward");
  }
  Shape out_shape = one_d ? Shape{g.n, g.o, g.ow} : Shape{g.n, g.o, g.oh, g.ow};
  Tensor out = input.dtype() == DType::Float32 ? forward_values<float>(g, input, weight, bias, out_shape)
                                               : forward_values<double>(g, input, weight, bias, out_shape);
  auto backward = [](const Node& n, const Tensor& grad) -> Grads {
    return grad.dtype() == DType::Float32 ? backward_values<float>(n, grad) : backward_values<double>(n, grad);
  };
  Node* n = bias.defined() ? record_op(OpId::Convolution, backward, out, {&input, &weight, &bias})
                           : record_op(OpId::Convolution, backward, out, {&input, &weight});
  if (n) {
    n->ints = ints;
    save_for_backward(*n, input);
    save_for_backward(*n, weight);
  }
  return out;
}

Tensor conv_nd(const Tensor& input, const Tensor& weight, const Tensor& bias, const ConvSettings& s, int64_t dims, const char* name) {
  if (input.dim() != dims + 1 && input.dim() != dims + 2) {
    runtime_error("Expected " + std::to_string(dims + 1) + "D (unbatched) or " + std::to_string(dims + 2) + "D (batched) input to " +
                  name + ", but got input of size: " + shape_str(input.shape()));
  }
  const bool unbatched = input.dim() == dims + 1;
  Tensor x = unbatched ? unsqueeze(input, 0) : input;
  check_conv(x, weight, bias, s, dims);
  Tensor out = convolution(x, weight, bias, s);
  return unbatched ? squeeze(out, 0) : out;
}

}  // namespace

Tensor conv1d(const Tensor& input, const Tensor& weight, const Tensor& bias, const ConvSettings& s) {
  return conv_nd(input, weight, bias, s, 1, "conv1d");
}

Tensor conv2d(const Tensor& input, const Tensor& weight, const Tensor& bias, const ConvSettings& s) {
  return conv_nd(input, weight, bias, s, 2, "conv2d");
}

}  // namespace gradlab
