// F.max_pool2d, F.avg_pool2d, F.adaptive_avg_pool2d and their 1-D forms (declared in
// ops/conv.h), as ATen 1.13's CPU kernels (MaxPoolKernel.cpp, AvgPoolKernel.cpp,
// AdaptiveAvgPoolKernel.cpp) compute them on contiguous (C, H, W) / (N, C, H, W) tensors:
//  - max: the first largest element of each window (NaN wins), scanning rows then columns;
//    backward adds each output's gradient onto that element, outputs in order.
//  - avg: a sum from 0 in the input's type over the window's part inside the input, divided by
//    the window's size clipped to the padded input (count_include_pad), by the part inside
//    (not), or by divisor_override; backward adds grad / divisor onto each element of the window.
//  - adaptive avg: windows [⌊i·in/out⌋, ⌈(i+1)·in/out⌉), sum / kh / kw (two divisions, as
//    ATen); backward grad / kh / kw onto the window.
// The 1-D forms are ATen's composites: unsqueeze(-2), the 2-D kernel, squeeze(-2).
#include <array>
#include <cmath>
#include <limits>

#include "engine/ops/conv.h"
#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {

// ATen's pooling_output_shape: floor or ceil division, and with ceil_mode the last window
// must start inside the input or its left padding.
int64_t pooled_size(int64_t in, int64_t k, int64_t pad, int64_t stride, int64_t dilation, bool ceil_mode) {
  const int64_t span = in + 2 * pad - dilation * (k - 1) - 1 + (ceil_mode ? stride - 1 : 0);
  int64_t out = (span >= 0 ? span / stride : -((-span + stride - 1) / stride)) + 1;
  if (ceil_mode && (out - 1) * stride >= in + pad) --out;
  return out;
}

// One 2-D pooling, in ATen's (h, w) pairs; the node keeps it in its ints.
struct Window {
  int64_t kh, kw, sh, sw, ph, pw, dh, dw;
  bool ceil_mode, count_include_pad;
  int64_t divisor;  // 0: none
  std::vector<int64_t> ints() const { return {kh, kw, sh, sw, ph, pw, dh, dw, ceil_mode, count_include_pad, divisor}; }
  static Window from(const std::vector<int64_t>& v) {
    return {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8] != 0, v[9] != 0, v[10]};
  }
};

// Planes (N·C), input (h, w) and output (oh, ow) sizes of a 3-D or 4-D tensor.
struct Planes {
  int64_t planes, h, w, oh, ow;
};

// The settings as (h, w) pairs, after ATen's checks on how many values each has.
Window window_of(const PoolSettings& s, const std::string& name) {
  auto count = [&](const std::vector<int64_t>& v, const char* what, bool may_omit) {
    if (v.size() == 1 || v.size() == 2 || (may_omit && v.empty())) return;
    runtime_error(name + ": " + what + " must either be " + (may_omit ? "omitted, " : "") + "a single int, or a tuple of two ints");
  };
  count(s.kernel, "kernel_size", false);
  count(s.stride, "stride", true);
  count(s.padding, "padding", false);
  if (name == "max_pool2d") count(s.dilation, "dilation", false);
  auto pair = [](const std::vector<int64_t>& v, int64_t fallback_h, int64_t fallback_w, size_t i) {
    if (v.empty()) return i == 0 ? fallback_h : fallback_w;
    return v.size() == 1 ? v[0] : v[i];
  };
  Window w{};
  w.kh = pair(s.kernel, 1, 1, 0), w.kw = pair(s.kernel, 1, 1, 1);
  w.sh = pair(s.stride, w.kh, w.kw, 0), w.sw = pair(s.stride, w.kh, w.kw, 1);
  w.ph = pair(s.padding, 0, 0, 0), w.pw = pair(s.padding, 0, 0, 1);
  w.dh = pair(s.dilation, 1, 1, 0), w.dw = pair(s.dilation, 1, 1, 1);
  w.ceil_mode = s.ceil_mode;
  w.count_include_pad = s.count_include_pad;
  w.divisor = s.divisor_override.value_or(0);
  return w;
}

// ATen's checks in its order: pooling_output_shape per dim (height first), then
// pool2d_shape_check, in its words.
Planes check_pool(const Tensor& x, const Window& w) {
  for (auto [k, s, pad] : {std::array<int64_t, 3>{w.kh, w.sh, w.ph}, std::array<int64_t, 3>{w.kw, w.sw, w.pw}}) {
    if (s == 0) runtime_error("stride should not be zero");
    if (pad < 0) runtime_error("pad must be non-negative, but got pad: " + std::to_string(pad));
    if (pad > k / 2) {
      runtime_error("pad should be at most half of kernel size, but got pad=" + std::to_string(pad) + " and kernel_size=" + std::to_string(k));
    }
  }
  if (w.kh <= 0 || w.kw <= 0) {
    runtime_error("kernel size should be greater than zero, but got kH: " + std::to_string(w.kh) + " kW: " + std::to_string(w.kw));
  }
  if (w.sh <= 0 || w.sw <= 0) {
    runtime_error("stride should be greater than zero, but got dH: " + std::to_string(w.sh) + " dW: " + std::to_string(w.sw));
  }
  if (w.dh <= 0 || w.dw <= 0) {
    runtime_error("dilation should be greater than zero, but got dilationH: " + std::to_string(w.dh) + " dilationW: " +
                  std::to_string(w.dw));
  }
  if ((x.dim() != 3 && x.dim() != 4) || x.numel() == 0) runtime_error("non-empty 3D or 4D (batch mode) tensor expected for input");
  const Shape& s = x.shape();
  const int64_t c = s[s.size() - 3], h = s[s.size() - 2], wd = s.back();
  Planes p{x.numel() / (h * wd), h, wd, pooled_size(h, w.kh, w.ph, w.sh, w.dh, w.ceil_mode),
           pooled_size(wd, w.kw, w.pw, w.sw, w.dw, w.ceil_mode)};
  if (p.oh < 1 || p.ow < 1) {
    runtime_error("Given input size: (" + std::to_string(c) + "x" + std::to_string(h) + "x" + std::to_string(wd) +
                  "). Calculated output size: (" + std::to_string(c) + "x" + std::to_string(p.oh) + "x" + std::to_string(p.ow) +
                  "). Output size is too small");
  }
  return p;
}

Shape pooled_shape(const Shape& in, int64_t oh, int64_t ow) {
  Shape out = in;
  out[out.size() - 2] = oh;
  out.back() = ow;
  return out;
}

// ---- max ----------------------------------------------------------------------------------------
template <class T>
Tensor max_forward(const Tensor& x, const Window& w, const Planes& p, std::vector<int64_t>& indices) {
  std::vector<T> in = host_values<T>(x), out(static_cast<size_t>(p.planes * p.oh * p.ow));
  indices.resize(out.size());
  size_t o = 0;
  for (int64_t pl = 0; pl < p.planes; ++pl) {
    const T* plane = in.data() + pl * p.h * p.w;
    for (int64_t yh = 0; yh < p.oh; ++yh) {
      int64_t h0 = yh * w.sh - w.ph;
      const int64_t h1 = std::min(h0 + (w.kh - 1) * w.dh + 1, p.h);
      while (h0 < 0) h0 += w.dh;
      for (int64_t yw = 0; yw < p.ow; ++yw, ++o) {
        int64_t w0 = yw * w.sw - w.pw;
        const int64_t w1 = std::min(w0 + (w.kw - 1) * w.dw + 1, p.w);
        while (w0 < 0) w0 += w.dw;
        int64_t best_at = h0 * p.w + w0;
        T best = -std::numeric_limits<T>::infinity();
        for (int64_t ih = h0; ih < h1; ih += w.dh)
          for (int64_t iw = w0; iw < w1; iw += w.dw) {
            const T v = plane[ih * p.w + iw];
            if (v > best || std::isnan(v)) best = v, best_at = ih * p.w + iw;
          }
        out[o] = best;
        indices[o] = best_at;
      }
    }
  }
  return from_host(out, pooled_shape(x.shape(), p.oh, p.ow), x.dtype(), x.device());
}

template <class T>
Tensor max_backward(const Node& n, const Tensor& grad) {
  const Shape& in_shape = n.inputs[0].shape;
  const int64_t plane = in_shape[in_shape.size() - 2] * in_shape.back();
  const int64_t out_plane = grad.shape()[grad.dim() - 2] * grad.shape().back();
  std::vector<T> gy = host_values<T>(grad), gx(static_cast<size_t>(shape_numel(in_shape)), T(0));
  const std::vector<int64_t> idx = host_values<int64_t>(saved(n, 0));
  for (size_t o = 0; o < gy.size(); ++o) {
    gx[static_cast<size_t>(static_cast<int64_t>(o) / out_plane * plane + idx[o])] += gy[o];
  }
  return from_host(gx, in_shape, grad.dtype(), grad.device());
}

// ---- avg ----------------------------------------------------------------------------------------
// Calls f(ih0, ih1, iw0, iw1, divisor) for each output of one plane, in order.
template <class F>
void avg_windows(const Window& w, const Planes& p, F f) {
  for (int64_t yh = 0; yh < p.oh; ++yh)
    for (int64_t yw = 0; yw < p.ow; ++yw) {
      int64_t h0 = yh * w.sh - w.ph, w0 = yw * w.sw - w.pw;
      int64_t h1 = std::min(h0 + w.kh, p.h + w.ph), w1 = std::min(w0 + w.kw, p.w + w.pw);
      const int64_t padded_size = (h1 - h0) * (w1 - w0);
      h0 = std::max<int64_t>(h0, 0), w0 = std::max<int64_t>(w0, 0);
      h1 = std::min(h1, p.h), w1 = std::min(w1, p.w);
      const int64_t divisor = w.divisor ? w.divisor : w.count_include_pad ? padded_size : (h1 - h0) * (w1 - w0);
      f(h0, h1, w0, w1, divisor);
    }
}

template <class T>
Tensor avg_forward(const Tensor& x, const Window& w, const Planes& p) {
  std::vector<T> in = host_values<T>(x), out(static_cast<size_t>(p.planes * p.oh * p.ow));
  size_t o = 0;
  for (int64_t pl = 0; pl < p.planes; ++pl) {
    const T* plane = in.data() + pl * p.h * p.w;
    avg_windows(w, p, [&](int64_t h0, int64_t h1, int64_t w0, int64_t w1, int64_t divisor) {
      T sum = 0;
      if (h0 < h1 && w0 < w1) {
        for (int64_t ih = h0; ih < h1; ++ih)
          for (int64_t iw = w0; iw < w1; ++iw) sum += plane[ih * p.w + iw];
        sum /= static_cast<T>(divisor);
      }
      out[o++] = sum;
    });
  }
  return from_host(out, pooled_shape(x.shape(), p.oh, p.ow), x.dtype(), x.device());
}

// The planes of a pooling node's input, and its output size from the gradient's shape.
Planes planes_of(const Node& n, const Tensor& grad) {
  const Shape& in = n.inputs[0].shape;
  const int64_t h = in[in.size() - 2], w = in.back();
  return {shape_numel(in) / (h * w), h, w, grad.shape()[grad.dim() - 2], grad.shape().back()};
}

template <class T>
Tensor avg_backward(const Node& n, const Tensor& grad) {
  const Shape& in_shape = n.inputs[0].shape;
  const Window w = Window::from(n.ints);
  const Planes p = planes_of(n, grad);
  std::vector<T> gy = host_values<T>(grad), gx(static_cast<size_t>(shape_numel(in_shape)), T(0));
  size_t o = 0;
  for (int64_t pl = 0; pl < p.planes; ++pl) {
    T* plane = gx.data() + pl * p.h * p.w;
    avg_windows(w, p, [&](int64_t h0, int64_t h1, int64_t w0, int64_t w1, int64_t divisor) {
      const T delta = gy[o++] / static_cast<T>(divisor);
      for (int64_t ih = h0; ih < h1; ++ih)
        for (int64_t iw = w0; iw < w1; ++iw) plane[ih * p.w + iw] += delta;
    });
  }
  return from_host(gx, in_shape, grad.dtype(), grad.device());
}

// ---- adaptive avg -------------------------------------------------------------------------------
int64_t window_start(int64_t i, int64_t in, int64_t out) { return (i * in) / out; }
int64_t window_end(int64_t i, int64_t in, int64_t out) { return ((i + 1) * in + out - 1) / out; }

template <class F>
void adaptive_windows(const Planes& p, F f) {
  for (int64_t yh = 0; yh < p.oh; ++yh)
    for (int64_t yw = 0; yw < p.ow; ++yw) {
      f(window_start(yh, p.h, p.oh), window_end(yh, p.h, p.oh), window_start(yw, p.w, p.ow), window_end(yw, p.w, p.ow));
    }
}

template <class T>
Tensor adaptive_forward(const Tensor& x, const Planes& p) {
  std::vector<T> in = host_values<T>(x), out(static_cast<size_t>(p.planes * p.oh * p.ow));
  size_t o = 0;
  for (int64_t pl = 0; pl < p.planes; ++pl) {
    const T* plane = in.data() + pl * p.h * p.w;
    adaptive_windows(p, [&](int64_t h0, int64_t h1, int64_t w0, int64_t w1) {
      T sum = 0;
      for (int64_t ih = h0; ih < h1; ++ih)
        for (int64_t iw = w0; iw < w1; ++iw) sum += plane[ih * p.w + iw];
      out[o++] = sum / static_cast<T>(h1 - h0) / static_cast<T>(w1 - w0);
    });
  }
  return from_host(out, pooled_shape(x.shape(), p.oh, p.ow), x.dtype(), x.device());
}

template <class T>
Tensor adaptive_backward(const Node& n, const Tensor& grad) {
  const Shape& in_shape = n.inputs[0].shape;
  const Planes p = planes_of(n, grad);
  std::vector<T> gy = host_values<T>(grad), gx(static_cast<size_t>(shape_numel(in_shape)), T(0));
  size_t o = 0;
  for (int64_t pl = 0; pl < p.planes; ++pl) {
    T* plane = gx.data() + pl * p.h * p.w;
    adaptive_windows(p, [&](int64_t h0, int64_t h1, int64_t w0, int64_t w1) {
      const T delta = gy[o++] / static_cast<T>(h1 - h0) / static_cast<T>(w1 - w0);
      for (int64_t ih = h0; ih < h1; ++ih)
        for (int64_t iw = w0; iw < w1; ++iw) plane[ih * p.w + iw] += delta;
    });
  }
  return from_host(gx, in_shape, grad.dtype(), grad.device());
}

void require_floating(const Tensor& x, const char* kernel) {
  if (!is_floating(x.dtype())) {
    if (std::string(kernel) == "max_pool2d") {
      runtime_error(std::string("\"") + kernel + "\" not implemented for '" + dtype_scalar_name(x.dtype()) + "'");
    }
    not_supported(std::string(kernel) + " of integer tensors");
  }
}

}  // namespace

Tensor max_pool2d(const Tensor& input, const PoolSettings& s) {
  const Window w = window_of(s, "max_pool2d");
  const Planes p = check_pool(input, w);
  require_floating(input, "max_pool2d");
  std::vector<int64_t> indices;
  refuse_narrow_float(input, "max_pool2d");
  Tensor out = input.dtype() == DType::Float32 ? max_forward<float>(input, w, p, indices) : max_forward<double>(input, w, p, indices);
  if (Node* n = record_op(OpId::MaxPool2d, [](const Node& n, const Tensor& g) -> Grads {
        return {g.dtype() == DType::Float32 ? max_backward<float>(n, g) : max_backward<double>(n, g)};
      }, out, {&input})) {
    save_for_backward(*n, from_host(indices, out.shape(), DType::Int64, Device{}));
  }
  return out;
}

Tensor avg_pool2d(const Tensor& input, const PoolSettings& s) {
  const Window w = window_of(s, "avg_pool2d");
  if (s.divisor_override && *s.divisor_override == 0) runtime_error("divisor must be not zero");
  if (input.dim() < 3) wrap_dim(-3, input.dim());  // avg_pool2d reads size(-3) next: IndexError
  const Planes p = check_pool(input, w);
  require_floating(input, "avg_pool2d");
  refuse_narrow_float(input, "avg_pool2d");
  Tensor out = input.dtype() == DType::Float32 ? avg_forward<float>(input, w, p) : avg_forward<double>(input, w, p);
  if (Node* n = record_op(OpId::AvgPool2d, [](const Node& n, const Tensor& g) -> Grads {
        return {g.dtype() == DType::Float32 ? avg_backward<float>(n, g) : avg_backward<double>(n, g)};
      }, out, {&input})) {
    n->ints = w.ints();
  }
  return out;
}

namespace {
Tensor pool1d(const Tensor& input, const PoolSettings& s, Tensor (*pool2d)(const Tensor&, const PoolSettings&), const char* name) {
  if (input.dim() != 2 && input.dim() != 3) {
    runtime_error(std::string(name) + "() Expected 2D or 3D input tensor, but got " + shape_str(input.shape()));
  }
  PoolSettings s2 = s;
  auto widen = [](std::vector<int64_t>& v, int64_t h) { if (!v.empty()) v = {h, v[0]}; };
  widen(s2.kernel, 1), widen(s2.stride, 1), widen(s2.padding, 0), widen(s2.dilation, 1);
  return squeeze(pool2d(unsqueeze(input, -2), s2), -2);
}
}  // namespace

Tensor max_pool1d(const Tensor& input, const PoolSettings& s) { return pool1d(input, s, max_pool2d, "max_pool1d"); }
Tensor avg_pool1d(const Tensor& input, const PoolSettings& s) { return pool1d(input, s, avg_pool2d, "avg_pool1d"); }

Tensor adaptive_avg_pool2d(const Tensor& input, const std::vector<int64_t>& output_size) {
  if (input.dim() != 3 && input.dim() != 4) {
    runtime_error("adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got " + shape_str(input.shape()));
  }
  if (output_size.size() != 2) runtime_error("adaptive_avg_pool2d: output_size must be 2");
  if (output_size[0] == 1 && output_size[1] == 1) return mean(input, {-1, -2}, true);
  require_floating(input, "adaptive_avg_pool2d");
  const Shape& s = input.shape();
  const Planes p{input.numel() / (s[s.size() - 2] * s.back()), s[s.size() - 2], s.back(), output_size[0], output_size[1]};
  refuse_narrow_float(input, "adaptive_avg_pool2d");
  Tensor out = input.dtype() == DType::Float32 ? adaptive_forward<float>(input, p) : adaptive_forward<double>(input, p);
  record_op(OpId::AdaptiveAvgPool2d, [](const Node& n, const Tensor& g) -> Grads {
    return {g.dtype() == DType::Float32 ? adaptive_backward<float>(n, g) : adaptive_backward<double>(n, g)};
  }, out, {&input});
  return out;
}

}  // namespace gradlab
