// The losses of torch.nn.functional (declared in ops/nn.h). Native ATen losses are one node
// (MseLossBackward0, NllLossBackward0, BinaryCrossEntropyBackward0, ...) whose forward reduces
// with the engine's own mean/sum (ATen's apply_loss_reduction calls mean()/sum()); composite ones
// (l1_loss, kl_div, cross_entropy) are built from the differentiable ops, so they print the
// nodes PyTorch's composites print. Formulas follow 1.13's CPU kernels (Loss.cpp, LossNLL.cpp).
#include <cmath>

#include "engine/ops/compare.h"
#include "engine/ops/distance.h"
#include "engine/ops/grad_ops.h"
#include "engine/ops/nn.h"
#include "engine/ops/op_helpers.h"
#include "engine/ops/pointwise.h"

namespace gradlab {
using namespace ops;

Reduction reduction_from_string(const std::string& s) {
  if (s == "none") return Reduction::None;
  if (s == "mean") return Reduction::Mean;
  if (s == "sum") return Reduction::Sum;
  value_error(s + " is not a valid value for reduction");
}

namespace {

// apply_loss_reduction's value, no node: mean() / sum() of the element-wise loss.
Tensor reduce_value(const Tensor& loss, Reduction r) {
  if (r == Reduction::None) return loss;
  Tensor s = prim::alias(prim::reduce(ReduceOp::Sum, loss, Shape(loss.dim(), 1)), {});
  if (r == Reduction::Sum) return s;
  return prim::binary(BinaryOp::Div, s, prim::scalar(static_cast<double>(loss.numel()), loss.dtype(), loss.device()));
}

// The differentiable form, for composite losses (MeanBackward0 / SumBackward0).
Tensor reduce_op(const Tensor& loss, Reduction r) {
  if (r == Reduction::Mean) return mean(loss);
  if (r == Reduction::Sum) return sum(loss);
  return loss;
}

Tensor grad_like(const Tensor& g, const Shape& shape) { return prim::expand(g, shape); }

void check_target_no_grad(const Tensor& target, const char* loss) {
  if (target.defined() && target.requires_grad() && grad_mode_enabled()) {
    not_supported(std::string("the gradient of ") + loss + " with respect to its target");
  }
}

// The loss's inputs broadcast together, as F.mse_loss / F.l1_loss do with broadcast_tensors
// (an input whose shape already matches is passed as it is).
std::pair<Tensor, Tensor> broadcast_pair(const Tensor& a, const Tensor& b) {
  if (a.shape() == b.shape()) return {a, b};
  Shape s = broadcast_shapes(a.shape(), b.shape());
  return {a.shape() == s ? a : expand(a, s), b.shape() == s ? b : expand(b, s)};
}

// ATen's mse_backward kernel, mse_loss_backward(grad, a, b): norm · (a − b) · grad, norm = 2/n
// for mean, else 2 (the target's gradient swaps a and b).
Tensor mse_backward_values(const Tensor& g, const Tensor& a, const Tensor& b, Reduction r) {
  const double norm = r == Reduction::Mean ? 2. / static_cast<double>(a.numel()) : 2.;
  return prim::binary(BinaryOp::Mul, mul_scalar(prim::binary(BinaryOp::Sub, a, b), norm), grad_like(g, a.shape()));
}

// mse_loss_backward as an op (MseLossBackwardBackward0), with derivatives.yaml's gradients:
//   grad_output: mse_loss_backward(grad, a, b) for none, else (mse_loss_backward(1, a, b) · grad).sum()
//   a: 2 · (grad · grad_output), / n for mean;   b: the negative of that
Tensor mse_loss_backward_recorded(const Tensor& g, const Tensor& a, const Tensor& b, Reduction r) {
  Tensor out = mse_backward_values(g, a, b, r);
  if (Node* n = record_op(OpId::MseLossGrad, [](const Node& n, const Tensor& gg) -> Grads {
        const Tensor &grad_output = saved(n, 0), &a = saved(n, 1), &b = saved(n, 2);
        const auto r = static_cast<Reduction>(n.ints[0]);
        Tensor ggo, ga, gb;
        if (n.needs_input_grad(0))
          ggo = r == Reduction::None ? mse_loss_backward_recorded(gg, a, b, r)
                                     : sum(mul(mse_loss_backward_recorded(ones_like(grad_output), a, b, r), gg));
        if (n.needs_input_grad(1) || n.needs_input_grad(2)) {
          Tensor twice = mul_scalar_overload(mul(gg, grad_output), Scalar(2.0));
          if (r == Reduction::Mean) twice = div(twice, Scalar(static_cast<double>(a.numel())));
          ga = grad_if(n, 1, twice);
          gb = grad_if(n, 2, neg(twice));
        }
        return {ggo, ga, gb};
      }, out, {&g, &a, &b})) {
    n->ints = {static_cast<int64_t>(r)};
    save_for_backward(*n, g);
    save_for_backward(*n, a);
    save_for_backward(*n, b);
  }
  return out;
}

}  // namespace

// The create_graph form of MseLossBackward0 (grad_ops.h).
Grads mse_loss_backward_op(const Node& n, const Tensor& g) {
  const Tensor &x = saved(n, 0), &t = saved(n, 1);
  const auto r = static_cast<Reduction>(n.ints[0]);
  return {n.needs_input_grad(0) ? mse_loss_backward_recorded(g, x, t, r) : Tensor(),
          n.needs_input_grad(1) ? mse_loss_backward_recorded(g, t, x, r) : Tensor()};
}

// ---- mse_loss: mean/sum/none of (x − t)²;  d/dx = norm·(x − t)·g, norm = 2/n for mean, else 2 ----
Tensor mse_loss(const Tensor& input_in, const Tensor& target_in, Reduction r) {
  auto [input, target] = broadcast_pair(input_in, target_in);
  if (input.dtype() != target.dtype()) runtime_error(std::string("expected scalar type ") + dtype_scalar_name(input.dtype()) +
                                                     " but found " + dtype_scalar_name(target.dtype()));
  Tensor diff = prim::binary(BinaryOp::Sub, input, target);
  Tensor out = reduce_value(prim::binary(BinaryOp::Mul, diff, diff), r);
  if (Node* n = record_op(OpId::MseLoss, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& x = saved(n, 0);
        const Tensor& t = saved(n, 1);
        const auto r = static_cast<Reduction>(n.ints[0]);
        return {n.needs_input_grad(0) ? mse_backward_values(g, x, t, r) : Tensor(),
                n.needs_input_grad(1) ? mse_backward_values(g, t, x, r) : Tensor()};
      }, out, {&input, &target})) {
    n->ints = {static_cast<int64_t>(r)};
    save_for_backward(*n, input);
    save_for_backward(*n, target);
  }
  return out;
}

// ---- l1_loss: a composite in 1.13, (input − target).abs() then mean/sum ----------------------
Tensor l1_loss(const Tensor& input_in, const Tensor& target_in, Reduction r) {
  auto [input, target] = broadcast_pair(input_in, target_in);
  return reduce_op(abs(sub(input, target)), r);
}

// ---- smooth_l1_loss and huber_loss (ATen's smooth_l1 / huber CPU kernels) -------------------------
// z = |x − t|;  smooth_l1: z < β ? 0.5·z·z/β : z − 0.5·β;  huber: z < δ ? 0.5·z·z : δ·(z − 0.5·δ).
// Backward, d = x − t, norm = 1/n for mean (else 1): the kernels' vector form runs on whole pairs
// of AVX2 vectors and their scalar form on the rest of the run (Note [Position in the run]):
//   smooth_l1  vector: norm·(|d| ≥ β ? ±1 : d/β)·g     scalar: ±norm·g, or (norm·d·g)/β in double
//   huber      vector: (±norm·δ)·g or (norm·d)·g        scalar: (±norm·g)·δ in double, or (norm·d)·g
// (the scalar forms compare with and divide or multiply by the double β / δ the kernel receives).
namespace {

template <class T>
std::vector<T> smooth_values(const std::vector<T>& x, const std::vector<T>& t, double beta, bool huber) {
  const T b = static_cast<T>(beta), half = static_cast<T>(0.5);
  std::vector<T> out(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    const T z = scalar_abs(x[i] - t[i]);
    if (huber) out[i] = z < b ? half * z * z : b * (z - half * b);
    else out[i] = z < b ? half * z * z / b : z - half * b;
  }
  return out;
}

template <class T>
std::vector<T> smooth_grads(const std::vector<T>& x, const std::vector<T>& t, const std::vector<T>& g, double norm_d,
                            double beta, bool huber) {
  const T norm = static_cast<T>(norm_d), b = static_cast<T>(beta);
  const int64_t n = static_cast<int64_t>(x.size());
  constexpr int64_t kPair = 2 * 32 / static_cast<int64_t>(sizeof(T));
  const int64_t vector_end = n - n % kPair;
  std::vector<T> out(x.size());
  for (int64_t i = 0; i < n; ++i) {
    const T d = x[i] - t[i], go = g[i];
    const double dd = d;
    if (i < vector_end) {
      if (huber) out[i] = d < -b ? (-norm * b) * go : d > b ? (norm * b) * go : (norm * d) * go;
      else out[i] = norm * (scalar_abs(d) >= b ? (d > T(0) ? T(1) : T(-1)) : d / b) * go;
    } else if (huber) {
      out[i] = dd <= -beta ? static_cast<T>(static_cast<double>(-norm * go) * beta)
             : dd >= beta  ? static_cast<T>(static_cast<double>(norm * go) * beta)
                           : norm * d * go;
    } else {
      out[i] = dd <= -beta ? -norm * go
             : dd >= beta  ? norm * go
                           : static_cast<T>(static_cast<double>(norm * d * go) / beta);
    }
  }
  return out;
}

Tensor smooth_forward(const Tensor& x, const Tensor& t, double beta, bool huber) {
  refuse_narrow_float(x, huber ? "huber_loss" : "smooth_l1_loss");
  if (x.dtype() == DType::Float32) return from_host(smooth_values(host_values<float>(x), host_values<float>(t), beta, huber), x.shape(), x.dtype(), x.device());
  return from_host(smooth_values(host_values<double>(x), host_values<double>(t), beta, huber), x.shape(), x.dtype(), x.device());
}

Tensor smooth_backward(const Tensor& x, const Tensor& t, const Tensor& g, double norm, double beta, bool huber) {
  Tensor ge = prim::expand(g, x.shape());
  if (x.dtype() == DType::Float32) {
    return from_host(smooth_grads(host_values<float>(x), host_values<float>(t), host_values<float>(ge), norm, beta, huber),
                     x.shape(), x.dtype(), x.device());
  }
  return from_host(smooth_grads(host_values<double>(x), host_values<double>(t), host_values<double>(ge), norm, beta, huber),
                   x.shape(), x.dtype(), x.device());
}

Tensor smooth_loss(const Tensor& input_in, const Tensor& target_in, Reduction r, double beta, bool huber) {
  if (huber && beta <= 0) runtime_error("huber_loss does not support non-positive values for delta.");
  if (!huber && beta < 0) runtime_error("smooth_l1_loss does not support negative values for beta.");
  auto [input, target] = broadcast_pair(input_in, target_in);
  if (input.dtype() != target.dtype()) runtime_error(std::string("expected scalar type ") + dtype_scalar_name(input.dtype()) +
                                                     " but found " + dtype_scalar_name(target.dtype()));
  if (!is_floating(input.dtype())) not_supported(std::string(huber ? "huber_loss" : "smooth_l1_loss") + " on integer tensors");
  prim::check_same_device(input, target);
  Tensor out = reduce_value(smooth_forward(input, target, beta, huber), r);
  if (Node* n = record_op(huber ? OpId::HuberLoss : OpId::SmoothL1Loss, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& x = saved(n, 0);
        const Tensor& t = saved(n, 1);
        const bool huber = n.op == OpId::HuberLoss;
        const double norm = n.ints[0] == static_cast<int64_t>(Reduction::Mean) ? 1. / static_cast<double>(x.numel()) : 1.;
        Tensor gx, gt;  // the target's: the same kernel with input and target swapped
        if (n.needs_input_grad(0)) gx = smooth_backward(x, t, g, norm, n.a, huber);
        if (n.needs_input_grad(1)) gt = smooth_backward(t, x, g, norm, n.a, huber);
        return {gx, gt};
      }, out, {&input, &target})) {
    n->ints = {static_cast<int64_t>(r)};
    n->a = beta;
    save_for_backward(*n, input);
    save_for_backward(*n, target);
  }
  return out;
}

}  // namespace

Tensor smooth_l1_loss(const Tensor& input, const Tensor& target, Reduction r, double beta) {
  return smooth_loss(input, target, r, beta, false);
}

Tensor huber_loss(const Tensor& input, const Tensor& target, Reduction r, double delta) {
  return smooth_loss(input, target, r, delta, true);
}

// ---- binary_cross_entropy -----------------------------------------------------------------------
// loss = (t − 1)·max(log1p(−x), −100) − t·max(log x, −100), times the weight, reduced.
// d/dx = g·(x − t) / max((1 − x)·x, 1e-12), times the weight, / n for mean.
Tensor binary_cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight_in, Reduction r) {
  check_target_no_grad(target, "binary_cross_entropy");
  if (input.dtype() != target.dtype()) runtime_error(std::string("expected scalar type ") + dtype_scalar_name(input.dtype()) +
                                                     " but found " + dtype_scalar_name(target.dtype()));
  if (!is_floating(input.dtype())) not_supported("binary_cross_entropy on integer tensors");
  for (double v : input.to_doubles()) {
    if (!(v >= 0 && v <= 1)) runtime_error("all elements of input should be between 0 and 1");
  }
  Tensor weight = weight_in.defined() ? prim::expand(prim::cast(weight_in, input.dtype()), input.shape()) : Tensor();
  Tensor loss = prim::binary(BinaryOp::BceLoss, input, target);
  if (weight.defined()) loss = prim::binary(BinaryOp::Mul, loss, weight);
  Tensor out = reduce_value(loss, r);
  if (Node* n = record_op(OpId::BinaryCrossEntropy, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& x = saved(n, 0);
        const Tensor& t = saved(n, 1);
        Tensor gi = prim::binary(BinaryOp::Mul, grad_like(g, x.shape()), prim::binary(BinaryOp::Sub, x, t));
        gi = prim::binary(BinaryOp::Div, gi, prim::unary(UnaryOp::BceDenominator, x));
        if (n.saved.size() > 2) gi = prim::binary(BinaryOp::Mul, gi, saved(n, 2));
        if (n.ints[0] == static_cast<int64_t>(Reduction::Mean)) {
          gi = prim::binary(BinaryOp::Div, gi, prim::scalar(static_cast<double>(x.numel()), gi.dtype(), gi.device()));
        }
        return {gi, Tensor()};
      }, out, {&input, &target})) {
    n->ints = {static_cast<int64_t>(r)};
    save_for_backward(*n, input);
    save_for_backward(*n, target);
    if (weight.defined()) save_for_backward(*n, weight);
  }
  return out;
}

// ---- binary_cross_entropy_with_logits (Loss.cpp), with m = max(−x, 0):
//   loss = (1 − t)·x + m + log(exp(−m) + exp(−x − m))                      (no pos_weight)
//   loss = (1 − t)·x + lw·(log(exp(−m) + exp(−x − m)) + m), lw = (pw − 1)·t + 1
// times the weight, reduced. d/dx = (σ(x) − t)·g, or ((pw·t + 1 − t)·σ(x) − pw·t)·g; times the
// weight; / n for mean.
Tensor binary_cross_entropy_with_logits(const Tensor& input, const Tensor& target, const Tensor& weight,
                                        const Tensor& pos_weight, Reduction r) {
  check_target_no_grad(target, "binary_cross_entropy_with_logits");
  if (!is_floating(input.dtype())) not_supported("binary_cross_entropy_with_logits on integer tensors");
  if ((weight.defined() && weight.requires_grad()) || (pos_weight.defined() && pos_weight.requires_grad())) {
    if (grad_mode_enabled()) not_supported("the gradient of binary_cross_entropy_with_logits with respect to its weights");
  }
  if (weight.defined() && pos_weight.defined() && input.requires_grad() && grad_mode_enabled()) {
    not_supported("binary_cross_entropy_with_logits with both weight and pos_weight while recording gradients");
  }
  using BO = BinaryOp;
  auto bin = [](BO op, const Tensor& a, const Tensor& b) { return prim::binary(op, a, b, result_type(a, b)); };
  Tensor max_val = prim::unary(UnaryOp::Clamp, prim::unary(UnaryOp::Neg, input), 0.0, std::nan(""));
  Tensor one_minus_t = prim::unary(UnaryOp::RSubScalar, target, 1.0);
  Tensor loss = bin(BO::Mul, one_minus_t, input);
  Tensor exps = bin(BO::Add, prim::unary(UnaryOp::Exp, prim::unary(UnaryOp::Neg, max_val)),
                    prim::unary(UnaryOp::Exp, bin(BO::Sub, prim::unary(UnaryOp::Neg, input), max_val)));
  if (pos_weight.defined()) {
    Tensor log_weight = prim::unary(UnaryOp::AddScalar, bin(BO::Mul, prim::unary(UnaryOp::AddScalar, pos_weight, -1.0), target), 1.0);
    loss = bin(BO::Add, loss, bin(BO::Mul, log_weight, bin(BO::Add, prim::unary(UnaryOp::Log, exps), max_val)));
  } else {
    loss = bin(BO::Add, bin(BO::Add, loss, max_val), prim::unary(UnaryOp::Log, exps));
  }
  if (weight.defined()) loss = bin(BO::Mul, loss, weight);
  Tensor out = reduce_value(loss, r);
  if (Node* n = record_op(OpId::BinaryCrossEntropyWithLogits, [](const Node& n, const Tensor& g) -> Grads {
        auto bin = [](BO op, const Tensor& a, const Tensor& b) { return prim::binary(op, a, b, result_type(a, b)); };
        const Tensor& x = saved(n, 0);
        const Tensor& t = saved(n, 1);
        size_t i = 2;
        Tensor w = n.ints[1] ? saved(n, i++) : Tensor();
        Tensor pw = n.ints[2] ? saved(n, i++) : Tensor();
        Tensor gi;
        if (pw.defined()) {
          Tensor pt = bin(BO::Mul, pw, t);
          gi = bin(BO::Sub, bin(BO::Mul, bin(BO::Sub, prim::unary(UnaryOp::AddScalar, pt, 1.0), t), prim::unary(UnaryOp::Sigmoid, x)), pt);
          gi = bin(BO::Mul, gi, g);
        } else {
          gi = bin(BO::Mul, bin(BO::Sub, prim::unary(UnaryOp::Sigmoid, x), t), g);
        }
        if (w.defined()) gi = bin(BO::Mul, gi, w);
        if (n.ints[0] == static_cast<int64_t>(Reduction::Mean)) {
          gi = prim::binary(BO::Div, gi, prim::scalar(static_cast<double>(x.numel()), gi.dtype(), gi.device()));
        }
        return {gi, Tensor()};
      }, out, {&input, &target})) {
    n->ints = {static_cast<int64_t>(r), weight.defined(), pos_weight.defined()};
    save_for_backward(*n, input);
    save_for_backward(*n, target);
    if (weight.defined()) save_for_backward(*n, weight);
    if (pos_weight.defined()) save_for_backward(*n, pos_weight);
  }
  return out;
}

// ---- nll_loss (LossNLL.cpp, 1-D and 2-D input) --------------------------------------------------
// none: out[i] = −x[i, t_i]·w[t_i] (0 where t_i is ignore_index).
// mean/sum: ATen's cascade sum over the batch (below), mean divided by the total weight.
// Backward: none: −w[t_i]·g[i]; mean/sum: w[t_i]·(−(g / total_weight)) or w[t_i]·(−g).
namespace {

struct NllShape {
  int64_t batch, classes;
  bool batched;  // 2-D input
};

// ATen's cascade sum of the per-sample losses and weights (nll_loss_out_frame): 8 levels of
// partial sums, level j+1 taking level j whenever the sample index is a multiple of 16^(j+1).
template <class T>
std::pair<T, T> nll_reduce(const std::vector<T>& x, const std::vector<int64_t>& target, const std::vector<T>* weight,
                           const NllShape& s, int64_t ignore_index) {
  constexpr int kLevels = 8;
  const int64_t level_power = 4;  // max(4, CeilLog2(batch) / 8) for any batch below 2^40
  const int64_t level_mask = (int64_t{1} << level_power) - 1;
  T loss_sums[kLevels] = {}, weight_sums[kLevels] = {};
  int64_t ignored = 0;
  for (int64_t b = 0; b < s.batch; ++b) {
    const int64_t t = target[static_cast<size_t>(b)];
    if (t == ignore_index) {
      ++ignored;
      continue;
    }
    const T data = x[static_cast<size_t>(b * s.classes + t)];
    if (weight) {
      const T w = (*weight)[static_cast<size_t>(t)];
      loss_sums[0] -= data * w;
      weight_sums[0] += w;
    } else {
      loss_sums[0] -= data;
    }
    for (int j = 0; j + 1 < kLevels; ++j) {
      const int64_t mask = level_mask << (j * level_power);
      if ((b & mask) != 0) break;
      weight_sums[j + 1] += weight_sums[j];
      loss_sums[j + 1] += loss_sums[j];
      weight_sums[j] = 0;
      loss_sums[j] = 0;
    }
  }
  T total_weight = 0, loss = 0;
  if (weight) {
    for (T w : weight_sums) total_weight += w;
  } else {
    total_weight = static_cast<T>(s.batch - ignored);
  }
  for (T l : loss_sums) loss += l;
  return {loss, total_weight};
}

template <class T>
Tensor nll_forward(const Tensor& input, const std::vector<int64_t>& target, const Tensor& weight, Reduction r,
                   int64_t ignore_index, const NllShape& s, double* total_weight) {
  std::vector<T> x = host_values<T>(input);
  std::vector<T> w = weight.defined() ? host_values<T>(weight) : std::vector<T>();
  for (int64_t b = 0; b < s.batch; ++b) {
    const int64_t t = target[static_cast<size_t>(b)];
    if (t != ignore_index && (t < 0 || t >= s.classes)) index_error("Target " + std::to_string(t) + " is out of bounds.");
  }
  if (r == Reduction::None && s.batched) {
    std::vector<T> out(static_cast<size_t>(s.batch));
    for (int64_t b = 0; b < s.batch; ++b) {
      const int64_t t = target[static_cast<size_t>(b)];
      if (t == ignore_index) continue;
      const T cur_weight = weight.defined() ? w[static_cast<size_t>(t)] : T(1);
      out[static_cast<size_t>(b)] = -x[static_cast<size_t>(b * s.classes + t)] * cur_weight;
    }
    *total_weight = 0;
    return from_host(out, {s.batch}, input.dtype(), input.device());
  }
  auto [loss, tw] = nll_reduce<T>(x, target, weight.defined() ? &w : nullptr, s, ignore_index);
  if (r == Reduction::Mean) loss /= tw;
  *total_weight = static_cast<double>(tw);
  return from_host(std::vector<T>{loss}, {}, input.dtype(), input.device());
}

template <class T>
Tensor nll_backward(const Tensor& g, const Tensor& target_t, const Tensor& weight, double total_weight,
                    const Shape& in_shape, Reduction r, int64_t ignore_index) {
  const bool batched = in_shape.size() == 2;
  const int64_t batch = batched ? in_shape[0] : 1, classes = in_shape.back();
  std::vector<int64_t> target = host_values<int64_t>(target_t);
  std::vector<T> w = weight.defined() ? host_values<T>(weight) : std::vector<T>();
  std::vector<T> gv = host_values<T>(g);
  std::vector<T> gi(static_cast<size_t>(batch * classes), T(0));
  if (r == Reduction::None && batched) {
    for (int64_t b = 0; b < batch; ++b) {
      const int64_t t = target[static_cast<size_t>(b)];
      if (t == ignore_index) continue;
      const T cur_weight = weight.defined() ? w[static_cast<size_t>(t)] : T(1);
      gi[static_cast<size_t>(b * classes + t)] = -cur_weight * gv[static_cast<size_t>(b)];
    }
  } else {
    const T tw = static_cast<T>(total_weight);  // a T held in a double: exact
    const T grad = -(r == Reduction::Mean ? gv[0] / tw : gv[0]);
    for (int64_t b = 0; b < batch; ++b) {
      const int64_t t = target[static_cast<size_t>(b)];
      if (t == ignore_index) continue;
      gi[static_cast<size_t>(b * classes + t)] = weight.defined() ? w[static_cast<size_t>(t)] * grad : grad;
    }
  }
  return from_host(gi, in_shape, g.dtype(), g.device());
}

// NllLossBackward0's gradient; the node saved [self, target, weight if given], total_weight in a.
Tensor nll_backward_values(const Node& n, const Tensor& g) {
  const Reduction r = static_cast<Reduction>(n.ints[0]);
  Tensor w = n.saved.size() > 2 ? saved(n, 2) : Tensor();
  const Shape& in_shape = saved(n, 0).shape();
  if (g.dtype() == DType::Float32) return nll_backward<float>(g, saved(n, 1), w, n.a, in_shape, r, n.ints[1]);
  return nll_backward<double>(g, saved(n, 1), w, n.a, in_shape, r, n.ints[1]);
}

}  // namespace

// nll_loss_backward as an op (NllLossBackwardBackward0, grad_ops.h): linear in the gradient, so
// its own gradient is nll_loss of the incoming one, and zeros for self.
Grads nll_loss_backward_op(const Node& n, const Tensor& g) {
  Tensor out = nll_backward_values(n, g);
  const Tensor& self = saved(n, 0);
  if (Node* grad_node = record_op(OpId::NllLossGrad, [](const Node& m, const Tensor& gg) -> Grads {
        Tensor w = m.saved.size() > 2 ? saved(m, 2) : Tensor();
        return {m.needs_input_grad(0) ? nll_loss(gg, saved(m, 1), w, static_cast<Reduction>(m.ints[0]), m.ints[1]) : Tensor(),
                grad_if(m, 1, zeros_like(gg))};
      }, out, {&g, &self})) {
    grad_node->ints = n.ints;
    grad_node->a = n.a;
    for (const Tensor& t : n.saved) save_for_backward(*grad_node, t);
  }
  return {out};
}

Tensor nll_loss(const Tensor& input, const Tensor& target, const Tensor& weight, Reduction r, int64_t ignore_index) {
  // nll_loss_nd's checks, then nll_loss's
  if (input.dim() < 1) value_error("Expected 1 or more dimensions (got " + std::to_string(input.dim()) + ")");
  if (input.dim() != 1 && target.dim() >= 1 && input.shape()[0] != target.shape()[0]) {
    value_error("Expected input batch_size (" + std::to_string(input.shape()[0]) + ") to match target batch_size (" +
                std::to_string(target.shape()[0]) + ").");
  }
  if (input.dim() > 2) not_supported("nll_loss with input of more than 2 dimensions");
  if (target.dim() > 1) runtime_error("0D or 1D target tensor expected, multi-target not supported");
  const bool batched = input.dim() == 2;
  if (batched && target.dim() == 0) value_error("Expected input batch_size (" + std::to_string(input.shape()[0]) + ") to match target batch_size (0).");
  if (!batched && !(target.dim() == 0 || target.numel() == 1)) {
    runtime_error("size mismatch (got input: " + shape_str(input.shape()) + ", target: " + shape_str(target.shape()) + ")");
  }
  const int64_t classes = input.shape().back();
  if (weight.defined() && (weight.dim() != 1 || weight.numel() != classes)) {
    runtime_error("weight tensor should be defined either for all " + std::to_string(classes) +
                  " classes or no classes but got weight tensor of shape: " + shape_str(weight.shape()));
  }
  if (target.dtype() != DType::Int64) {
    runtime_error(std::string("expected scalar type Long but found ") + dtype_scalar_name(target.dtype()));
  }
  if (!is_floating(input.dtype())) {
    runtime_error(std::string("\"nll_loss_out_frame\" not implemented for '") + dtype_scalar_name(input.dtype()) + "'");
  }
  if (weight.defined() && weight.dtype() != input.dtype()) {
    runtime_error(std::string("expected scalar type ") + dtype_scalar_name(input.dtype()) + " but found " +
                  dtype_scalar_name(weight.dtype()));
  }
  prim::check_same_device(input, target);
  const NllShape s{batched ? input.shape()[0] : 1, classes, batched};
  std::vector<int64_t> t = host_values<int64_t>(target);
  double total_weight = 0;  // a T, exact in a double (the backward's divisor)
  Tensor out;
  refuse_narrow_float(input, "nll_loss");
  if (input.dtype() == DType::Float32) {
    out = nll_forward<float>(input, t, weight, r, ignore_index, s, &total_weight);
  } else {
    out = nll_forward<double>(input, t, weight, r, ignore_index, s, &total_weight);
  }
  if (Node* n = record_op(OpId::NllLoss, [](const Node& n, const Tensor& g) -> Grads { return {nll_backward_values(n, g)}; },
                          out, {&input})) {
    n->ints = {static_cast<int64_t>(r), ignore_index};
    save_for_backward(*n, input);  // as PyTorch saves self (only nll_loss_backward_op reads it)
    save_for_backward(*n, target);
    if (weight.defined()) save_for_backward(*n, weight);
    n->a = total_weight;
  }
  return out;
}

// ---- cross_entropy (LossNLL.cpp): log_softmax over the class dim, then nll_loss; or, for a
// target of class probabilities (same shape as the input), −(log_softmax · target [· weight])
// summed: over the class dim (none), in all (sum), or in all / (numel / classes) (mean).
Tensor cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight, Reduction r, int64_t ignore_index,
                     double label_smoothing) {
  if (input.dim() > 2) not_supported("cross_entropy with input of more than 2 dimensions");
  if (input.dim() < 1) value_error("Expected 1 or more dimensions (got " + std::to_string(input.dim()) + ")");
  const int64_t class_dim = input.dim() == 1 ? 0 : 1;
  if (input.shape() == target.shape()) {  // class probabilities
    if (!is_floating(target.dtype())) {
      runtime_error(std::string("Expected floating point type for target with class probabilities, got ") +
                    dtype_scalar_name(target.dtype()));
    }
    if (ignore_index >= 0) runtime_error("ignore_index is not supported for floating point target");
    check_target_no_grad(target, "cross_entropy");
    Tensor tgt = target;
    const int64_t classes = input.shape()[class_dim];
    if (label_smoothing > 0) {
      tgt = prim::unary(UnaryOp::AddScalar, mul_scalar(target, 1 - label_smoothing), label_smoothing / static_cast<double>(classes));
    }
    Tensor prod = mul(log_softmax(input, class_dim), tgt);
    if (weight.defined()) {
      if (weight.dim() != 1 || weight.numel() != classes) {
        runtime_error("weight tensor should be defined either for all " + std::to_string(classes) +
                      " classes or no classes but got weight tensor of shape: " + shape_str(weight.shape()));
      }
      prod = mul(prod, weight.detach());
    }
    if (r == Reduction::None) return neg(sum(prod, {class_dim}));
    Tensor total = neg(sum(prod));
    if (r == Reduction::Sum) return total;
    return div_scalar_overload(total, Scalar(input.numel() / classes));
  }
  // nll_loss_nd's batch check comes before the log_softmax
  if (input.dim() != 1 && target.dim() >= 1 && input.shape()[0] != target.shape()[0]) {
    value_error("Expected input batch_size (" + std::to_string(input.shape()[0]) + ") to match target batch_size (" +
                std::to_string(target.shape()[0]) + ").");
  }
  Tensor lsm = log_softmax(input, class_dim);
  Tensor nll = nll_loss(lsm, target, weight, r, ignore_index);
  if (label_smoothing <= 0) return nll;
  // cross_entropy_loss_label_smoothing: smooth = −Σ_class lsm [· weight], 0 put where the target is
  // ignore_index; mean: the mean of the other targets' entries (or their sum over their weights'
  // sum); then (1 − ε)·nll + smooth·(ε / classes), both products MulBackward1.
  const int64_t classes = input.shape()[class_dim];
  std::vector<int64_t> t = host_values<int64_t>(target);
  std::vector<double> keep(t.size());
  for (size_t i = 0; i < t.size(); ++i) keep[i] = t[i] != ignore_index ? 1.0 : 0.0;
  Tensor keep_t = from_vector(keep, target.shape(), TensorOptions{input.dtype(), input.device(), false});
  Tensor summed = weight.defined() ? sum(mul(lsm, weight.detach()), {class_dim}) : sum(lsm, {class_dim});
  Tensor smooth = index_put_zero(neg(summed), keep_t);
  Tensor ret = smooth;
  if (r == Reduction::Sum) ret = sum(smooth);
  if (r == Reduction::Mean && weight.defined()) {  // smooth.sum() / weight.gather(0, target[~mask]).sum()
    std::vector<double> w = weight.to_doubles(), picked;
    for (int64_t v : t)
      if (v != ignore_index) picked.push_back(w[static_cast<size_t>(v)]);
    Tensor p = from_vector(picked, {static_cast<int64_t>(picked.size())}, TensorOptions{weight.dtype(), weight.device(), false});
    ret = div(sum(smooth), prim::alias(prim::reduce(ReduceOp::Sum, p, {1}), {}));
  } else if (r == Reduction::Mean) {  // smooth[~mask].mean()
    ret = mean(masked_select(smooth, from_vector(keep, target.shape(), TensorOptions{DType::Bool, input.device(), false})));
  }
  return add(mul_scalar_overload(nll, Scalar(1 - label_smoothing)),
             mul_scalar_overload(ret, Scalar(label_smoothing / static_cast<double>(classes))));
}

// ---- kl_div: a composite in 1.13 --------------------------------------------------------------
//   log_target: exp(t)·(t − x);  else: xlogy(t, t) − t·x;  then mean/sum/none
Tensor kl_div(const Tensor& input, const Tensor& target, Reduction r, bool log_target) {
  check_target_no_grad(target, "kl_div");
  Tensor out;
  if (log_target) {
    out = mul(prim::unary(UnaryOp::Exp, target), sub(target, input));
  } else {
    out = sub(prim::binary(BinaryOp::XLogY, target, target), mul(target, input));
  }
  return reduce_op(out, r);
}


// ---- the embedding and ranking losses: composites in 1.13 (ops/distance.h) --------------------
namespace {
// Loss.cpp's EPSILON is a float constant: 1e-12 rounded to float, then added as a double.
constexpr double kEmbeddingEpsilon = static_cast<double>(1e-12f);

// ATen's `number - tensor` in C++: a tensor filled with the number, minus the tensor (SubBackward0).
Tensor number_minus(double number, const Tensor& t) { return sub(full_like(t, Scalar(number)), t); }
}  // namespace

Tensor margin_ranking_loss(const Tensor& x1, const Tensor& x2, const Tensor& target, double margin, Reduction r) {
  return reduce_op(clamp_min(add_scalar_overload(mul(neg(target), sub(x1, x2)), Scalar(margin)), Scalar(0)), r);
}

Tensor hinge_embedding_loss(const Tensor& x, const Tensor& target, double margin, Reduction r) {
  const Tensor zeros = zeros_like(x);
  const Tensor margin_part = where(compare(CompareOp::Ne, target, Scalar(1)), clamp_min(number_minus(margin, x), Scalar(0)), zeros);
  const Tensor self_part = where(compare(CompareOp::Ne, target, Scalar(-1)), x, zeros);
  return reduce_op(add(margin_part, self_part), r);
}

Tensor cosine_embedding_loss(const Tensor& x1, const Tensor& x2, const Tensor& target, double margin, Reduction r) {
  const int64_t target_dim = target.dim();
  if (target_dim != 0 && target_dim != 1) runtime_error("0D or 1D target tensor expected, multi-target not supported");
  if (x1.dim() != (target_dim == 1 ? 2 : 1)) {
    runtime_error(std::string(target_dim == 1 ? "1D target tensor expects 2D" : "0D target tensor expects 1D") +
                  " input tensors, but found inputs with sizes " + shape_str(x1.shape()) + " and " + shape_str(x2.shape()) + ".");
  }
  const Tensor dot = sum(mul(x1, x2), {target_dim});
  const Tensor magnitude1 = add_scalar_overload(sum(mul(x1, x1), {target_dim}), Scalar(kEmbeddingEpsilon));
  const Tensor magnitude2 = add_scalar_overload(sum(mul(x2, x2), {target_dim}), Scalar(kEmbeddingEpsilon));
  const Tensor cos = div(dot, sqrt(mul(magnitude1, magnitude2)));
  const Tensor zeros = zeros_like(cos);
  const Tensor similar = where(compare(CompareOp::Eq, target, Scalar(1)), number_minus(1, cos), zeros);
  const Tensor dissimilar =
      where(compare(CompareOp::Eq, target, Scalar(-1)), clamp_min(sub_scalar_overload(cos, Scalar(margin)), Scalar(0)), zeros);
  return reduce_op(add(similar, dissimilar), r);
}

Tensor triplet_margin_loss(const Tensor& anchor, const Tensor& positive, const Tensor& negative, double margin, double p,
                           double eps, bool swap, Reduction r) {
  if (anchor.dim() != positive.dim() || positive.dim() != negative.dim()) {
    runtime_error("All inputs should have same dimension but got " + std::to_string(anchor.dim()) + "D, " +
                  std::to_string(positive.dim()) + "D and " + std::to_string(negative.dim()) + "D inputs.");
  }
  if (swap) not_supported("triplet_margin_loss with swap=True (torch.min of two tensors, MinimumBackward0)");
  const Tensor positive_distance = pairwise_distance(anchor, positive, p, eps, false);
  const Tensor negative_distance = pairwise_distance(anchor, negative, p, eps, false);
  return reduce_op(clamp_min(sub(add_scalar_overload(positive_distance, Scalar(margin)), negative_distance), Scalar(0)), r);
}

}  // namespace gradlab
