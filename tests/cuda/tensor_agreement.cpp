// Tensor-level agreement: every row of the op table (ops/op_list.h) run forward and backward
// with its inputs on the CPU and on cuda:0; outputs and input gradients must agree
// (float32 rel 1e-5; float64 rel 1e-11 — looser than one primitive's 1e-12 because a
// gradient chains several kernels, each a few ulps from the CPU's).
//
// Each case names the op-table row it exercises; a row without a case fails the suite, like
// the op test registry in tests/cpp/test_ops.cpp. Ops without their own C++ entry point
// (squeeze_) are reached through the nearest public function, noted at the case.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/autograd/higher_order.h"
#include "engine/ops/conv.h"
#include "engine/ops/nn.h"
#include "engine/ops/compare.h"
#include "engine/ops/cumulative.h"
#include "engine/ops/grad_ops.h"
#include "engine/ops/index.h"
#include "engine/ops/movement.h"
#include "engine/ops/pointwise.h"
#include "engine/ops/product.h"
#include "engine/ops/rearrange.h"
#include "engine/ops/select.h"
#include "engine/ops/sort.h"
#include "engine/ops/variance.h"
#include "engine/ops/op_list.h"
#include "engine/tensor.h"
#include "tests/cuda/check.h"

namespace gradlab::cuda_test {

namespace {

struct Input {
  Shape shape;
  double lo = -2, hi = 2;
  bool requires_grad = true;
};

struct OpCase {
  std::vector<Input> inputs;
  std::function<Tensor(const std::vector<Tensor>&)> fn;
};

// The cases, keyed by op-table row.
std::map<OpId, OpCase> op_cases() {
  using V = const std::vector<Tensor>&;
  const Input m34{{3, 4}}, m23{{2, 3}}, pos{{3, 4}, 0.5, 2.0};
  std::map<OpId, OpCase> c;
  c[OpId::Add] = {{m34, {{4}}}, [](V x) { return add(x[0], x[1], Scalar(2.0)); }};
  c[OpId::Sub] = {{m23, m23}, [](V x) { return sub(x[0], x[1]); }};
  c[OpId::RSub] = {{m23}, [](V x) { return rsub(x[0], Scalar(2.5)); }};
  c[OpId::AddScalar] = {{m23}, [](V x) { return add_scalar_overload(x[0], Scalar(2.5)); }};
  c[OpId::SubScalar] = {{m23}, [](V x) { return sub_scalar_overload(x[0], Scalar(2.5)); }};
  c[OpId::Mul] = {{{{3, 1}}, {{1, 4}}}, [](V x) { return mul(x[0], x[1]); }};
  c[OpId::Div] = {{m34, pos}, [](V x) { return div(x[0], x[1]); }};
  c[OpId::PowTensor] = {{pos, {{3, 4}, -1, 2}}, [](V x) { return pow(x[0], x[1]); }};
  c[OpId::PowScalarBase] = {{m34}, [](V x) { return pow(Scalar(2.0), x[0]); }};
  c[OpId::Maximum] = {{m34, m34}, [](V x) { return maximum(x[0], x[1]); }};
  c[OpId::Minimum] = {{m34, m34}, [](V x) { return minimum(x[0], x[1]); }};
  c[OpId::RemainderScalar] = {{m34}, [](V x) { return remainder(x[0], Scalar(0.75)); }};
  c[OpId::RemainderTensor] = {{m34, m34}, [](V x) { return remainder(x[0], x[1]); }};
  c[OpId::FmodScalar] = {{m34}, [](V x) { return fmod(x[0], Scalar(0.75)); }};
  c[OpId::FmodTensor] = {{m34, pos}, [](V x) { return fmod(x[0], x[1]); }};
  c[OpId::Neg] = {{m23}, [](V x) { return neg(x[0]); }};
  c[OpId::PowScalar] = {{pos}, [](V x) { return pow(x[0], Scalar(2.5)); }};
  c[OpId::Reciprocal] = {{pos}, [](V x) { return reciprocal(x[0]); }};
  c[OpId::Exp] = {{m34}, [](V x) { return exp(x[0]); }};
  c[OpId::Log] = {{pos}, [](V x) { return log(x[0]); }};
  c[OpId::Sqrt] = {{pos}, [](V x) { return sqrt(x[0]); }};
  c[OpId::Abs] = {{m34}, [](V x) { return abs(x[0]); }};
  c[OpId::Sin] = {{m34}, [](V x) { return sin(x[0]); }};
  c[OpId::Cos] = {{m34}, [](V x) { return cos(x[0]); }};
  c[OpId::Sigmoid] = {{m34}, [](V x) { return sigmoid(x[0]); }};
  c[OpId::Tanh] = {{m34}, [](V x) { return tanh(x[0]); }};
  c[OpId::Relu] = {{m34}, [](V x) { return relu(x[0]); }};
  c[OpId::SigmoidGrad] = {{m34, m34}, [](V x) { return sigmoid_backward(x[0], x[1]); }};
  c[OpId::TanhGrad] = {{m34, m34}, [](V x) { return tanh_backward(x[0], x[1]); }};
  c[OpId::ThresholdGrad] = {{m34, m34}, [](V x) { return threshold_backward(x[0], x[1]); }};
  c[OpId::Clamp] = {{m34}, [](V x) { return clamp(x[0], Scalar(-0.5), Scalar(0.7)); }};
  c[OpId::ToCopy] = {{m34}, [](V x) { return x[0].to(x[0].dtype() == DType::Float32 ? DType::Float64 : DType::Float32); }};
  c[OpId::Clone] = {{m34}, [](V x) { return clone(x[0]); }};
  c[OpId::CopyBackwards] = {{m34}, [](V x) { return copy_for_grad(x[0]); }};
  // pointwise math
  c[OpId::Floor] = {{m34}, [](V x) { return floor(mul(x[0], 3.0)); }};
  c[OpId::Ceil] = {{m34}, [](V x) { return ceil(mul(x[0], 3.0)); }};
  c[OpId::Round] = {{m34}, [](V x) { return round(mul(x[0], 3.0)); }};
  c[OpId::RoundDecimals] = {{m34}, [](V x) { return round(x[0], 2); }};
  c[OpId::Trunc] = {{m34}, [](V x) { return trunc(mul(x[0], 3.0)); }};
  c[OpId::Frac] = {{m34}, [](V x) { return frac(mul(x[0], 3.0)); }};
  c[OpId::Sign] = {{m34}, [](V x) { return sign(x[0]); }};
  c[OpId::Sgn] = {{m34}, [](V x) { return sgn(x[0]); }};
  c[OpId::Rsqrt] = {{pos}, [](V x) { return rsqrt(x[0]); }};
  c[OpId::Exp2] = {{m34}, [](V x) { return exp2(x[0]); }};
  c[OpId::Expm1] = {{m34}, [](V x) { return expm1(x[0]); }};
  c[OpId::Log1p] = {{pos}, [](V x) { return log1p(x[0]); }};
  c[OpId::Erf] = {{m34}, [](V x) { return erf(x[0]); }};
  c[OpId::Log2] = {{pos}, [](V x) { return log2(x[0]); }};
  c[OpId::Log10] = {{pos}, [](V x) { return log10(x[0]); }};
  c[OpId::Sinh] = {{m34}, [](V x) { return sinh(x[0]); }};
  c[OpId::Cosh] = {{m34}, [](V x) { return cosh(x[0]); }};
  c[OpId::Asinh] = {{m34}, [](V x) { return asinh(x[0]); }};
  c[OpId::Acosh] = {{{{3, 4}, 1.5, 3.0}}, [](V x) { return acosh(x[0]); }};
  c[OpId::Atanh] = {{{{3, 4}, -0.9, 0.9}}, [](V x) { return atanh(x[0]); }};
  c[OpId::Tan] = {{{{3, 4}, -1.3, 1.3}}, [](V x) { return tan(x[0]); }};
  c[OpId::Asin] = {{{{3, 4}, -0.9, 0.9}}, [](V x) { return asin(x[0]); }};
  c[OpId::Acos] = {{{{3, 4}, -0.9, 0.9}}, [](V x) { return acos(x[0]); }};
  c[OpId::Atan] = {{m34}, [](V x) { return atan(x[0]); }};
  c[OpId::Erfc] = {{m34}, [](V x) { return erfc(x[0]); }};
  c[OpId::Atan2] = {{m34, {{4}}}, [](V x) { return atan2(x[0], x[1]); }};
  c[OpId::Hypot] = {{m34, {{4}}}, [](V x) { return hypot(x[0], x[1]); }};
  c[OpId::Xlogy] = {{m34, pos}, [](V x) { return xlogy(x[0], x[1]); }};
  c[OpId::XlogyScalarSelf] = {{pos}, [](V x) { return xlogy(Scalar(2.5), x[0]); }};
  c[OpId::XlogyScalarOther] = {{m34}, [](V x) { return xlogy(x[0], Scalar(0.5)); }};
  c[OpId::NanToNum] = {{m34}, [](V x) { return nan_to_num(x[0], 1.0, 2.0, -2.0); }};
  c[OpId::Zero] = {{m34}, [](V x) {  // y = 2x, zeroed in place: only the `+ x` path has a gradient
    Tensor y = mul(x[0], 2.0);
    y.zero_();
    return add(y, x[0]);
  }};
  c[OpId::Fill] = {{m34}, [](V x) {
    Tensor y = mul(x[0], 2.0);
    y.fill_(Scalar(2.5));
    return mul(y, x[0]);
  }};
  c[OpId::Sum] = {{{{50, 30}}}, [](V x) { return sum(x[0]); }};
  c[OpId::SumDim] = {{{{5, 6, 7}}}, [](V x) { return sum(x[0], {0, 2}, false); }};
  c[OpId::Mean] = {{m34}, [](V x) { return mean(x[0]); }};
  c[OpId::MeanDim] = {{{{5, 6, 7}}}, [](V x) { return mean(x[0], {1}, true); }};
  c[OpId::MaxAll] = {{m34}, [](V x) { return max(x[0]); }};
  c[OpId::MaxDim] = {{{{5, 6, 7}}}, [](V x) { return max(x[0], 1, false).first; }};
  c[OpId::MinAll] = {{m34}, [](V x) { return min(x[0]); }};
  c[OpId::MinDim] = {{{{5, 6, 7}}}, [](V x) { return min(x[0], 1, false).first; }};
  c[OpId::Amax] = {{{{5, 6, 7}}}, [](V x) { return amax(x[0], {0, 2}, true); }};
  c[OpId::Amin] = {{{{5, 6, 7}}}, [](V x) { return amin(x[0], {1}); }};
  c[OpId::Mm] = {{{{33, 17}}, {{17, 9}}}, [](V x) { return mm(x[0], x[1]); }};
  c[OpId::Mv] = {{{{33, 17}}, {{17}}}, [](V x) { return matmul(x[0], x[1]); }};
  c[OpId::Dot] = {{{{17}}, {{17}}}, [](V x) { return matmul(x[0], x[1]); }};
  c[OpId::T] = {{m34}, [](V x) { return mul(t(x[0]), 1.5); }};
  c[OpId::Transpose] = {{{{2, 3, 4}}}, [](V x) { return transpose(x[0], 0, 2); }};
  c[OpId::View] = {{m34}, [](V x) { return view(x[0], {4, 3}); }};
  c[OpId::Reshape] = {{m34}, [](V x) { return reshape(x[0], {-1}); }};
  c[OpId::UnsafeView] = {{m34}, [](V x) { return reshape(t(x[0]), {-1}); }};  // reshape of a non-contiguous view
  c[OpId::Permute] = {{{{2, 3, 4}}}, [](V x) { return permute(x[0], {2, 0, 1}); }};
  c[OpId::SqueezeInplace] = {{{{3, 1, 4}}}, [](V x) { return squeeze(mul(x[0], 2.0)); }};  // no C++ squeeze_
  c[OpId::Unsqueeze] = {{m34}, [](V x) { return unsqueeze(x[0], 1); }};
  c[OpId::Squeeze] = {{{{3, 1, 4}}}, [](V x) { return squeeze(x[0]); }};
  c[OpId::SqueezeDim] = {{{{3, 1, 4}}}, [](V x) { return squeeze(x[0], 1); }};
  c[OpId::Expand] = {{{{3, 1}}}, [](V x) { return expand(x[0], {3, 4}); }};
  c[OpId::Select] = {{m34}, [](V x) { return select(x[0], 0, 1); }};
  c[OpId::Slice] = {{{{3, 7}}}, [](V x) { return slice(x[0], 1, 1, 6, 2); }};
  c[OpId::Addmm] = {{{{4}}, {{3, 5}}, {{5, 4}}}, [](V x) { return addmm(x[0], x[1], x[2]); }};
  c[OpId::MulScalar] = {{m34}, [](V x) { return mul_scalar_overload(x[0], Scalar(-1.5)); }};
  c[OpId::IndexPutZero] = {{m23}, [](V x) {
    return index_put_zero(x[0], from_vector({1, 0, 1, 1, 0, 1}, {2, 3}, TensorOptions{x[0].dtype(), x[0].device(), false}));
  }};
  c[OpId::DivScalar] = {{m34}, [](V x) { return div_scalar_overload(x[0], Scalar(2.5)); }};
  c[OpId::Softmax] = {{m34}, [](V x) { return softmax(x[0], -1); }};
  c[OpId::LogSoftmax] = {{m34}, [](V x) { return log_softmax(x[0], 1); }};
  c[OpId::LeakyRelu] = {{m34}, [](V x) { return leaky_relu(x[0], 0.1); }};
  c[OpId::RreluWithNoise] = {{m34}, [](V x) { return rrelu_eval(x[0], 0.125, 1.0 / 3); }};
  c[OpId::Hardtanh] = {{m34}, [](V x) { return hardtanh(x[0], -1.0, 1.0); }};
  c[OpId::Silu] = {{m34}, [](V x) { return silu(x[0]); }};
  // activations
  c[OpId::Elu] = {{m34}, [](V x) { return add(elu(x[0], 0.7), selu(x[0])); }};
  c[OpId::Celu] = {{m34}, [](V x) { return celu(x[0], 1.3); }};
  c[OpId::Softplus] = {{m34}, [](V x) { return softplus(x[0], 2.0, 1.0); }};
  c[OpId::Gelu] = {{m34}, [](V x) { return add(gelu(x[0]), gelu(x[0], true)); }};
  c[OpId::LogSigmoid] = {{m34}, [](V x) { return logsigmoid(x[0]); }};
  c[OpId::Mish] = {{m34}, [](V x) { return mish(x[0]); }};
  c[OpId::Hardsigmoid] = {{m34}, [](V x) { return hardsigmoid(mul(x[0], 2.0)); }};
  c[OpId::Hardswish] = {{m34}, [](V x) { return hardswish(mul(x[0], 2.0)); }};
  c[OpId::MseLoss] = {{m34, m34}, [](V x) { return mse_loss(x[0], x[1], Reduction::Mean); }};
  c[OpId::SmoothL1Loss] = {{m34, m34}, [](V x) { return smooth_l1_loss(x[0], x[1], Reduction::Mean, 0.8); }};
  c[OpId::HuberLoss] = {{m34, m34}, [](V x) { return huber_loss(x[0], x[1], Reduction::None, 0.8); }};
  c[OpId::NllLoss] = {{m34}, [](V x) {
    Tensor target = from_vector({0, 3, 1}, {3}, TensorOptions{DType::Int64, x[0].device(), false});
    return nll_loss(x[0], target, Tensor(), Reduction::Mean, -100);
  }};
  c[OpId::Embedding] = {{{{5, 4}}}, [](V x) {
    return embedding(x[0], from_vector({4, 0, 4, 2, 1, 0}, {2, 3}, TensorOptions{DType::Int64, x[0].device(), false}), 0, false);
  }};
  c[OpId::LayerNorm] = {{{{3, 2, 5}}, {{2, 5}}, {{2, 5}}}, [](V x) { return layer_norm(x[0], {2, 5}, x[1], x[2], 1e-5); }};
  c[OpId::BatchNorm] = {{{{4, 3, 5}}, {{3}}, {{3}}}, [](V x) {
    return batch_norm(x[0], Tensor(), Tensor(), x[1], x[2], true, 0.1, 1e-5);
  }};
  const Input probs{{3, 4}, 0.1, 0.9}, target{{3, 4}, 0.0, 1.0, false};
  c[OpId::BinaryCrossEntropy] = {{probs, target}, [](V x) { return binary_cross_entropy(x[0], x[1], Tensor(), Reduction::Mean); }};
  c[OpId::BinaryCrossEntropyWithLogits] = {{m34, target}, [](V x) {
    return binary_cross_entropy_with_logits(x[0], x[1], Tensor(), Tensor(), Reduction::Sum);
  }};
  // mask.cpp: the masks come from comparisons on the same device, so they run there too
  const Input row_mask{{3}, -2, 2, false}, col_mask{{4}, -2, 2, false};
  c[OpId::Norm] = {{{{5, 7}}}, [](V x) { return norm(x[0]); }};
  c[OpId::LinalgVectorNorm] = {{{{3, 5, 4}}}, [](V x) { return norm(x[0], 2, 1, true, true); }};
  c[OpId::Where] = {{m34, {{4}}}, [](V x) { return where(compare(CompareOp::Gt, x[0], Scalar(0.0)), x[0], x[1]); }};
  c[OpId::MaskedFill] = {{m34}, [](V x) { return masked_fill(x[0], compare(CompareOp::Lt, x[0], Scalar(0.0)), Scalar(0.5)); }};
  c[OpId::MaskedFillTensor] = {{m34}, [](V x) {
    return masked_fill(x[0], compare(CompareOp::Lt, x[0], Scalar(0.0)), scalar_tensor(Scalar(-1.0), x[0].dtype(), x[0].device()));
  }};
  c[OpId::IndexMask] = {{m34, row_mask}, [](V x) { return index_mask(x[0], compare(CompareOp::Gt, x[1], Scalar(0.0))); }};
  c[OpId::IndexPut] = {{m34, {{}}}, [](V x) {
    Tensor b = mul(x[0], 1.0);
    index_put_mask_(b, compare(CompareOp::Gt, x[0], Scalar(0.0)), x[1]);
    return b;
  }};
  c[OpId::MaskedSelect] = {{m34, col_mask}, [](V x) { return masked_select(x[0], compare(CompareOp::Gt, x[1], Scalar(0.0))); }};
  // conv.cpp / pool.cpp (host loops on either device)
  c[OpId::Convolution] = {{{{2, 3, 6, 6}}, {{4, 3, 3, 3}}, {{4}}}, [](V x) {
    return conv2d(x[0], x[1], x[2], ConvSettings{.stride = {1, 1}, .padding = {1, 1}, .dilation = {1, 1}});
  }};
  c[OpId::MaxPool2d] = {{{{2, 3, 6, 6}}}, [](V x) { return max_pool2d(x[0], PoolSettings{{3}, {2}, {1}, {1}, false, true, std::nullopt}); }};
  c[OpId::AvgPool2d] = {{{{2, 3, 7, 7}}}, [](V x) { return avg_pool2d(x[0], PoolSettings{{3}, {2}, {1}, {}, false, false, std::nullopt}); }};
  c[OpId::AdaptiveAvgPool2d] = {{{{2, 3, 7, 5}}}, [](V x) { return adaptive_avg_pool2d(x[0], {3, 2}); }};
  // index.cpp: the index tensors live on the indexed tensor's device
  auto longs = [](std::vector<double> v, Device device) {
    const int64_t n = static_cast<int64_t>(v.size());
    return from_vector(v, {n}, TensorOptions{DType::Int64, device, false});
  };
  c[OpId::Index] = {{m34}, [longs](V x) { return index(x[0], {Tensor(), longs({3, 0, 3, -2}, x[0].device())}); }};
  c[OpId::IndexPutTensors] = {{m34, {{4}}}, [longs](V x) {
    Tensor b = mul(x[0], 1.0);
    index_put_(b, {longs({2, 0}, x[0].device())}, x[1]);
    return b;
  }};
  c[OpId::Cumsum] = {{{{3, 5, 4}}}, [](V x) { return cumsum(x[0], 1); }};
  c[OpId::Cumprod] = {{{{3, 4}, 0.5, 2.0}}, [](V x) { return cumprod(x[0], -1); }};
  c[OpId::Var] = {{{{3, 5, 4}}}, [](V x) { return variance(x[0], std::vector<int64_t>{1}, 1, true); }};
  c[OpId::Std] = {{m34}, [](V x) { return std_dev(x[0], std::nullopt, 0, false); }};
  c[OpId::Sort] = {{{{3, 5, 4}}}, [](V x) { return sort(x[0], 1, false, true).first; }};
  c[OpId::Topk] = {{m34}, [](V x) { return topk(x[0], 3, -1, false, true).first; }};
  c[OpId::MedianAll] = {{m34}, [](V x) { return median(x[0]); }};
  c[OpId::MedianDim] = {{{{3, 5, 4}}}, [](V x) { return median(x[0], 1, false).first; }};
  c[OpId::NanmedianAll] = {{m34}, [](V x) { return nanmedian(x[0]); }};
  c[OpId::NanmedianDim] = {{{{3, 5, 4}}}, [](V x) { return nanmedian(x[0], 2, true).first; }};
  c[OpId::Kthvalue] = {{{{3, 5, 4}}}, [](V x) { return kthvalue(x[0], 2, 1, false).first; }};
  c[OpId::Mode] = {{m34}, [](V x) { return mode(x[0], 0, false).first; }};
  c[OpId::Prod] = {{{{3, 4}, 0.5, 1.5}}, [](V x) { return prod(x[0]); }};
  c[OpId::ProdDim] = {{{{3, 5, 4}, 0.5, 1.5}}, [](V x) { return prod(x[0], 1, true); }};
  auto longs2 = [](std::vector<double> v, Shape s, Device device) { return from_vector(v, s, TensorOptions{DType::Int64, device, false}); };
  c[OpId::IndexSelect] = {{m34}, [longs](V x) { return index_select(x[0], 0, longs({2, 2, 0}, x[0].device())); }};
  c[OpId::Gather] = {{m34}, [longs2](V x) { return gather(x[0], 1, longs2({3, 3, 0, 1, 2, 2}, {3, 2}, x[0].device())); }};
  c[OpId::Scatter] = {{m34, {{2, 2}}}, [longs2](V x) { return scatter(x[0], 1, longs2({2, 0, 1, 3}, {2, 2}, x[0].device()), x[1]); }};
  c[OpId::ScatterValue] = {{m34}, [longs2](V x) { return scatter(x[0], 0, longs2({1, 0, 2, 1}, {1, 4}, x[0].device()), Scalar(0.5)); }};
  c[OpId::ScatterAdd] = {{m34, {{2, 4}}}, [longs2](V x) {
    return scatter_add(x[0], 0, longs2({1, 0, 2, 1, 1, 1, 1, 0}, {2, 4}, x[0].device()), x[1]);
  }};
  c[OpId::Take] = {{m34}, [longs](V x) { return take(x[0], longs({11, 0, -3, 5}, x[0].device())); }};
  c[OpId::IndexAdd] = {{m34, {{3, 3}}}, [longs](V x) { return index_add(x[0], 1, longs({3, 0, 3}, x[0].device()), x[1], Scalar(0.5)); }};
  c[OpId::Diagonal] = {{{{2, 3, 4}}}, [](V x) { return diagonal(x[0], -1, 2, 1); }};
  c[OpId::Flip] = {{{{2, 3, 4}}}, [](V x) { return flip(x[0], {0, 2}); }};
  c[OpId::Roll] = {{{{3, 5, 4}}}, [](V x) { return roll(x[0], {2, -1}, {1, 2}); }};
  c[OpId::Repeat] = {{m23}, [](V x) { return repeat(x[0], {3, 2, 3}); }};
  c[OpId::Rot90] = {{{{2, 3, 4}}}, [](V x) { return rot90(x[0], 3, {2, 0}); }};
  c[OpId::Unfold] = {{m34}, [](V x) { return unfold(x[0], 1, 2, 1); }};
  c[OpId::Tril] = {{{{2, 4, 3}}}, [](V x) { return tril(x[0], -1); }};
  c[OpId::Triu] = {{m34}, [](V x) { return triu(x[0], 1); }};
  c[OpId::Diag] = {{m34}, [](V x) { return diag(x[0], -1); }};
  c[OpId::Trace] = {{m34}, [](V x) { return trace(x[0]); }};
  c[OpId::Bmm] = {{{{3, 4, 9}}, {{3, 9, 20}}}, [](V x) { return bmm(x[0], x[1]); }};  // 720 ≥ 400: one gemm per batch
  c[OpId::Logsumexp] = {{{{3, 5, 4}}}, [](V x) { return logsumexp(x[0], {0, 2}, true); }};
  c[OpId::ClampMin] = {{m34}, [](V x) { return clamp_min(x[0], Scalar(-0.5)); }};
  c[OpId::ClampMax] = {{m34}, [](V x) { return clamp_max(x[0], Scalar(0.7)); }};
  c[OpId::Dist] = {{m34, {{4}}}, [](V x) { return dist(x[0], x[1]); }};
  c[OpId::Cross] = {{{{4, 3, 5}}, {{1, 3, 5}}}, [](V x) { return cross(x[0], x[1], 1); }};
  c[OpId::Lerp] = {{m34, {{4}}}, [](V x) { return lerp(x[0], x[1], Scalar(0.7)); }};
  c[OpId::LerpTensor] = {{m34, m34, {{3, 1}, 0, 1}}, [](V x) { return lerp(x[0], x[1], x[2]); }};
  // The gradients-as-ops (grad_ops.h): the node they differentiate is recorded on the device of
  // the gradient arriving at it.
  auto on = [](const Tensor& like, const Shape& s) {
    return from_vector(std::vector<double>(static_cast<size_t>(shape_numel(s)), 0.25), s,
                       TensorOptions{like.dtype(), like.device(), true});
  };
  c[OpId::SelectGrad] = {{{{4}}}, [on](V x) { return window_backward_op(*select(on(x[0], {3, 4}), 0, 1).grad_fn(), x[0])[0]; }};
  c[OpId::SliceGrad] = {{{{3, 3}}}, [on](V x) {
    return window_backward_op(*slice(on(x[0], {3, 7}), 1, 1, 6, 2).grad_fn(), x[0])[0];
  }};
  c[OpId::IndexGrad] = {{{{3, 4}}}, [on, longs](V x) {
    Tensor picked = index(on(x[0], {3, 4}), {longs({2, 0, 2}, x[0].device())});
    return index_backward_op(*picked.grad_fn(), x[0])[0];
  }};
  c[OpId::MseLossGrad] = {{{{}}, m34, m34}, [](V x) {
    return mse_loss_backward_op(*mse_loss(x[1], x[2], Reduction::Mean).grad_fn(), x[0])[0];
  }};
  c[OpId::NllLossGrad] = {{{{}}, m34}, [](V x) {
    Tensor target = from_vector({0, 3, 1}, {3}, TensorOptions{DType::Int64, x[0].device(), false});
    return nll_loss_backward_op(*nll_loss(x[1], target, Tensor(), Reduction::Mean, -100).grad_fn(), x[0])[0];
  }};
  c[OpId::SoftmaxGrad] = {{m34, m34}, [](V x) { return softmax_backward_op(*softmax(x[1], 1).grad_fn(), x[0])[0]; }};
  c[OpId::LogSoftmaxGrad] = {{m34, m34}, [](V x) { return softmax_backward_op(*log_softmax(x[1], 1).grad_fn(), x[0])[0]; }};
  c[OpId::LeakyReluGrad] = {{m34, m34}, [](V x) { return leaky_relu_backward_op(*leaky_relu(x[1], 0.1).grad_fn(), x[0])[0]; }};
  return c;
}

struct OpRow {
  OpId id;
  const char* node;
};
const OpRow kOpRows[] = {
#define GRADLAB_ROW(id, py, node, rule) {OpId::id, node},
    GRADLAB_OPS(GRADLAB_ROW)
#undef GRADLAB_ROW
};

std::vector<double> host_values(const Tensor& t) { return t.to(Device{DeviceType::CPU, 0}).to_doubles(); }

void run_case(Report& r, const std::string& name, const OpCase& oc, DType t, Rng& rng, Device gpu) {
  const Device cpu{DeviceType::CPU, 0};
  std::vector<Tensor> xc, xg;
  for (const Input& in : oc.inputs) {
    const auto v = rng.uniform(static_cast<size_t>(shape_numel(in.shape)), in.lo, in.hi);
    xc.push_back(from_vector(v, in.shape, TensorOptions{.dtype = t, .device = cpu, .requires_grad = in.requires_grad}));
    xg.push_back(from_vector(v, in.shape, TensorOptions{.dtype = t, .device = gpu, .requires_grad = in.requires_grad}));
  }
  const Tensor yc = oc.fn(xc), yg = oc.fn(xg);
  r.expect(yg.device() == gpu, name + "/device", "the result of a CUDA op is on " + yg.device().str());
  r.expect(yc.shape() == yg.shape(), name + "/shape", shape_str(yg.shape()) + " vs " + shape_str(yc.shape()));
  expect_close(r, name + "/forward", host_values(yg), yc.to_doubles(), yc.dtype(), {}, t == DType::Float64 ? 1e-11 : -1);
  if (!yc.requires_grad()) return;
  // loss = Σ w·y with random weights, so every output element's gradient path is checked.
  const auto w = rng.uniform(static_cast<size_t>(yc.numel()), -1, 1);
  sum(mul(yc, from_vector(w, yc.shape(), TensorOptions{.dtype = yc.dtype(), .device = cpu}))).backward();
  sum(mul(yg, from_vector(w, yg.shape(), TensorOptions{.dtype = yg.dtype(), .device = gpu}))).backward();
  for (size_t i = 0; i < xc.size(); ++i) {
    if (!oc.inputs[i].requires_grad) continue;
    const std::string gname = name + "/grad" + std::to_string(i);
    if (!xc[i].grad().defined() || !xg[i].grad().defined()) {
      r.expect(xc[i].grad().defined() == xg[i].grad().defined(), gname, "gradient defined on one device only");
      continue;
    }
    r.expect(xg[i].grad().device() == gpu, gname + "/device", "gradient is on " + xg[i].grad().device().str());
    expect_close(r, gname, host_values(xg[i].grad()), xc[i].grad().to_doubles(), t, {},
                 t == DType::Float64 ? 1e-11 : -1);
  }
}

}  // namespace

// `gpu` is cuda:0, or cpu when the suite checks itself (--cpu-vs-cpu).
void run_tensor_agreement(Report& report, Device gpu, const std::string& prefix) {
  const auto cases = op_cases();
  Rng rng(11);
  for (const OpRow& row : kOpRows) {
    auto it = cases.find(row.id);
    if (it == cases.end()) {
      report.expect(false, prefix + row.node, "no CUDA agreement case for this op-table row");
      continue;
    }
    for (DType t : {DType::Float32, DType::Float64}) {
      const std::string name = prefix + row.node + "/" + dtype_short(t);
      report.run(name, [&] { run_case(report, name, it->second, t, rng, gpu); });
    }
  }
}

}  // namespace gradlab::cuda_test
