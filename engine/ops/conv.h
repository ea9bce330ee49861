// The engine functions behind torch.nn.functional's convolutions and pooling layers
// (ops/conv.cpp, ops/pool.cpp). Each computes what PyTorch 1.13's CPU kernel computes, in its
// summation order (Note [Convolution rounding]), and records PyTorch's node:
// ConvolutionBackward0, MaxPool2DWithIndicesBackward0, AvgPool2DBackward0,
// AdaptiveAvgPool2DBackward0. Unbatched (C, H, W) inputs go through unsqueeze / squeeze like
// ATen's wrappers (SqueezeBackward1 for conv, the pooling kernels take them as they are).
#pragma once
#include <optional>
#include <vector>

#include "engine/tensor.h"

namespace gradlab {

// Per-spatial-dim settings, one value per dim (2 for conv2d, 1 for conv1d).
struct ConvSettings {
  std::vector<int64_t> stride, padding, dilation;
  int64_t groups = 1;
};

// F.conv1d / F.conv2d with numeric padding. `bias` undefined: none.
Tensor conv1d(const Tensor& input, const Tensor& weight, const Tensor& bias, const ConvSettings& s);
Tensor conv2d(const Tensor& input, const Tensor& weight, const Tensor& bias, const ConvSettings& s);

struct PoolSettings {
  std::vector<int64_t> kernel, stride, padding, dilation;  // stride empty: the kernel size
  bool ceil_mode = false;
  bool count_include_pad = true;             // avg_pool only
  std::optional<int64_t> divisor_override;   // avg_pool only
};

// F.max_pool2d / F.avg_pool2d on (C, H, W) or (N, C, H, W).
Tensor max_pool2d(const Tensor& input, const PoolSettings& s);
Tensor avg_pool2d(const Tensor& input, const PoolSettings& s);
// F.max_pool1d / F.avg_pool1d: the 2-D kernel on an unsqueezed input, squeezed back.
Tensor max_pool1d(const Tensor& input, const PoolSettings& s);
Tensor avg_pool1d(const Tensor& input, const PoolSettings& s);
// F.adaptive_avg_pool2d; an output of 1×1 is a mean over the last two dims, as in ATen.
Tensor adaptive_avg_pool2d(const Tensor& input, const std::vector<int64_t>& output_size);

}  // namespace gradlab
