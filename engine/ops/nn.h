// The engine functions behind torch.nn.functional: linear, softmax and log_softmax, the
// activations, dropout (ops/nn.cpp) and the losses (ops/loss.cpp). Each computes what PyTorch
// 1.13's CPU kernel computes, in its order, and records PyTorch's nodes: a native ATen op is one
// node (MseLossBackward0), a composite one (l1_loss, kl_div, cross_entropy) is the nodes of the
// ops ATen composes it from. What PyTorch does that gradlab does not model raises
// NotImplementedError rather than printing other digits.
#pragma once
#include <optional>

#include "engine/tensor.h"

namespace gradlab {

namespace random {
class CpuGenerator;
}

// ---- nn.cpp --------------------------------------------------------------------------------
// at::linear: addmm for 2-D input with a bias (3-D contiguous input too, through views),
// otherwise matmul then the bias added in place (AddBackward0). `bias` undefined: none.
Tensor linear(const Tensor& input, const Tensor& weight, const Tensor& bias);
// ATen's lastdim kernels for the last dim, _vec_softmax / _vec_logsoftmax for the others.
Tensor softmax(const Tensor& x, int64_t dim, std::optional<DType> dtype = std::nullopt);
Tensor log_softmax(const Tensor& x, int64_t dim, std::optional<DType> dtype = std::nullopt);
Tensor leaky_relu(const Tensor& x, double negative_slope = 0.01);
// rrelu in evaluation mode: leaky_relu with the mean slope (lower + upper) / 2, recorded as
// RreluWithNoiseBackward0 (training mode draws random slopes and is not supported).
Tensor rrelu_eval(const Tensor& x, double lower, double upper);
Tensor hardtanh(const Tensor& x, double min_val = -1, double max_val = 1);  // relu6: (0, 6)
Tensor silu(const Tensor& x);
// Activations (ops/activation.cpp).
Tensor elu(const Tensor& x, double alpha = 1.0);  // EluBackward0
Tensor selu(const Tensor& x);                     // an elu: EluBackward0
Tensor celu(const Tensor& x, double alpha = 1.0); // CeluBackward0
Tensor softplus(const Tensor& x, double beta = 1.0, double threshold = 20.0);
Tensor gelu(const Tensor& x, bool approximate_tanh = false);
Tensor logsigmoid(const Tensor& x);
Tensor mish(const Tensor& x);
Tensor hardsigmoid(const Tensor& x);
Tensor hardswish(const Tensor& x);
// at::dropout on the CPU: `input` itself when p == 0 or not training, else
// input * (bernoulli_(1 - p) / (1 - p)) (MulBackward0); p == 1: input * 0.
Tensor dropout(const Tensor& input, double p, bool training, random::CpuGenerator& gen);
// at::div(Tensor, Scalar) as ATen's composites call it: DivBackward1 (Python's `x / 3` is
// DivBackward0, see div()).
Tensor div_scalar_overload(const Tensor& a, Scalar b);
Tensor mul_scalar_overload(const Tensor& a, Scalar b);  // at::mul(Tensor, Scalar): MulBackward1
// x with +0 where `keep` (x's shape and dtype) is 0: the composites' in-place
// x.index_put_({mask}, 0.) on a fresh result (IndexPutBackward0), here out of place.
Tensor index_put_zero(const Tensor& x, const Tensor& keep);

// ---- norm.cpp: embedding, layer_norm, batch_norm (Note [Normalisation kernels]) ----------------
// at::embedding: weight rows gathered by `indices` (Long or Int); the backward scatters the
// gradient rows back, skipping padding_idx (-1: none).
Tensor embedding(const Tensor& weight, const Tensor& indices, int64_t padding_idx, bool scale_grad_by_freq);
// at::native_layer_norm over the trailing `normalized_shape` dims; weight/bias may be undefined.
Tensor layer_norm(const Tensor& input, const Shape& normalized_shape, const Tensor& weight, const Tensor& bias,
                  double eps);
// at::native_batch_norm for (N, C, *) input. Training: batch statistics, and running_mean /
// running_var (when defined) updated in place with `momentum` (the unbiased variance). Not
// training: the running statistics. Any of weight/bias/running_* may be undefined.
Tensor batch_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight,
                  const Tensor& bias, bool training, double momentum, double eps);

// ---- inplace_math.cpp: in-place helpers optimizers use (Note [Fused pointwise kernels]) ------
// Without history only (inside torch.no_grad(), or on tensors that need no grad).
Tensor& sqrt_(Tensor& self);

// ---- loss.cpp ------------------------------------------------------------------------------
enum class Reduction { None, Mean, Sum };
// "none" / "mean" / "sum"; anything else is PyTorch's ValueError.
Reduction reduction_from_string(const std::string& s);

Tensor mse_loss(const Tensor& input, const Tensor& target, Reduction r);
Tensor l1_loss(const Tensor& input, const Tensor& target, Reduction r);
Tensor smooth_l1_loss(const Tensor& input, const Tensor& target, Reduction r, double beta = 1.0);
Tensor huber_loss(const Tensor& input, const Tensor& target, Reduction r, double delta = 1.0);
Tensor binary_cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight, Reduction r);
Tensor binary_cross_entropy_with_logits(const Tensor& input, const Tensor& target, const Tensor& weight,
                                        const Tensor& pos_weight, Reduction r);
Tensor nll_loss(const Tensor& input, const Tensor& target, const Tensor& weight, Reduction r, int64_t ignore_index);
Tensor cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight, Reduction r,
                     int64_t ignore_index, double label_smoothing);
// kl_div with reduction none/sum/mean ("batchmean" is sum, then / size(0), in the caller).
Tensor kl_div(const Tensor& input, const Tensor& target, Reduction r, bool log_target);

}  // namespace gradlab
