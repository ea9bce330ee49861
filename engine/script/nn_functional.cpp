// torch.nn.functional as scripts see it, and the torch.* / Tensor.* forms of the same engine
// functions (torch.addmm, torch.softmax, x.log_softmax(...)). Argument handling follows
// torch/nn/functional.py of 1.13: its defaults, its ValueErrors and warnings, then one engine call
// (engine/ops/nn.h). Legacy size_average= / reduce= and inplace=True are not supported.
#include <unordered_map>

#include "engine/ops/distance.h"
#include "engine/ops/nn.h"
#include "engine/random/generator.h"
#include "engine/script/bindings.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

Value plain(const char* name, BuiltinFn f) { return Value(std::make_shared<BuiltinObj>(name, f)); }

Tensor opt_tensor(const Args& args, size_t i) { return args.has(i) ? args.tensor(i) : Tensor(); }

std::string str_of(const Args& args, size_t i, const char* dflt) {
  if (!args.has(i)) return dflt;
  const std::string* s = as_str(*args.get(i));
  if (!s) raise_type_error(std::string(args.fname()) + "(): argument '" + "reduction' must be str, not " + type_name(*args.get(i)));
  return *s;
}

void no_legacy(const Args& args, std::initializer_list<size_t> slots) {
  for (size_t i : slots)
    if (args.has(i)) raise_not_supported(std::string(args.fname()) + " with the legacy size_average= or reduce= arguments");
}

void no_inplace(const Args& args, size_t i) {
  if (args.has(i) && truthy(*args.get(i))) raise_not_supported(std::string(args.fname()) + "(inplace=True)");
}

Reduction reduction_arg(const Args& args, size_t i) { return reduction_from_string(str_of(args, i, "mean")); }

std::string size_str(const Tensor& t) { return "torch.Size(" + shape_str(t.shape()) + ")"; }

// F.mse_loss / F.l1_loss: a warning when the target's size differs (then broadcast).
void warn_target_size(Interp& in, const Tensor& input, const Tensor& target) {
  if (input.shape() == target.shape()) return;
  in.warn("UserWarning", "Using a target size (" + size_str(target) + ") that is different to the input size (" +
                             size_str(input) + "). This will likely lead to incorrect results due to broadcasting. "
                             "Please ensure they have the same size.");
}

// ---- linear / addmm --------------------------------------------------------------------------
Value f_linear(Interp&, CallArgs& a) {
  Args args("linear", a, {"input", "weight", "bias"}, 2);
  return Value(linear(args.tensor(0), args.tensor(1), opt_tensor(args, 2)));
}

Value addmm_call(const Tensor& self, const Args& args, size_t first) {
  Scalar beta = args.has(first + 2) ? args.scalar(first + 2) : Scalar(1);
  Scalar alpha = args.has(first + 3) ? args.scalar(first + 3) : Scalar(1);
  return Value(addmm(self, args.tensor(first), args.tensor(first + 1), beta, alpha));
}
Value t_addmm(Interp&, CallArgs& a) {
  Args args("addmm", a, {"input", "mat1", "mat2", "beta", "alpha"}, 3, ArgStyle::Torch, 3);
  return addmm_call(args.tensor(0), args, 1);
}
Value m_addmm(Interp&, const Value& self, CallArgs& a) {
  Args args("addmm", a, {"mat1", "mat2", "beta", "alpha"}, 2, ArgStyle::Torch, 2);
  return addmm_call(self.as_tensor(), args, 0);
}

// ---- softmax / log_softmax -------------------------------------------------------------------
// F.softmax(input, dim=None): without a dim, functional.py warns and picks 0 for 0-, 1- and 3-D
// inputs, else 1 (_get_softmax_dim).
Value f_softmax_like(Interp& in, CallArgs& a, bool log) {
  const char* name = log ? "log_softmax" : "softmax";
  Args args(name, a, {"input", "dim", "_stacklevel", "dtype"}, 1);
  Tensor x = args.tensor(0);
  int64_t dim;
  if (args.has(1)) {
    dim = args.int_(1);
  } else {
    in.warn("UserWarning", std::string("Implicit dimension choice for ") + name +
                               " has been deprecated. Change the call to include dim=X as an argument.");
    dim = x.dim() == 0 || x.dim() == 1 || x.dim() == 3 ? 0 : 1;
  }
  std::optional<DType> dtype = args.dtype(3);
  return Value(log ? log_softmax(x, dim, dtype) : softmax(x, dim, dtype));
}
Value f_softmax(Interp& in, CallArgs& a) { return f_softmax_like(in, a, false); }
Value f_log_softmax(Interp& in, CallArgs& a) { return f_softmax_like(in, a, true); }

Value softmax_method(const Value& self, CallArgs& a, bool log) {
  Args args(log ? "log_softmax" : "softmax", a, {"dim", "dtype"}, 1);
  std::optional<DType> dtype = args.dtype(1);
  const Tensor& x = self.as_tensor();
  return Value(log ? log_softmax(x, args.int_(0), dtype) : softmax(x, args.int_(0), dtype));
}
Value m_softmax(Interp&, const Value& self, CallArgs& a) { return softmax_method(self, a, false); }
Value m_log_softmax(Interp&, const Value& self, CallArgs& a) { return softmax_method(self, a, true); }

// ---- activations -----------------------------------------------------------------------------
Value f_leaky_relu(Interp&, CallArgs& a) {
  Args args("leaky_relu", a, {"input", "negative_slope", "inplace"}, 1);
  no_inplace(args, 2);
  return Value(leaky_relu(args.tensor(0), args.has(1) ? args.number(1) : 0.01));
}
// F.rrelu(input, lower=1/8, upper=1/3, training=False, inplace=False) and
// torch.rrelu(input, lower, upper, training=False, generator=None): evaluation mode only, as
// training draws a random slope per element.
Value rrelu_call(CallArgs& a, bool functional) {
  Args args("rrelu", a, {"input", "lower", "upper", "training", functional ? "inplace" : "generator"}, 1);
  if (functional) no_inplace(args, 4);
  if (args.boolean(3, false)) raise_not_supported("rrelu with training=True (random slopes)");
  return Value(rrelu_eval(args.tensor(0), args.has(1) ? args.number(1) : 1.0 / 8, args.has(2) ? args.number(2) : 1.0 / 3));
}
Value f_rrelu(Interp&, CallArgs& a) { return rrelu_call(a, true); }
Value t_rrelu(Interp&, CallArgs& a) { return rrelu_call(a, false); }
Value f_hardtanh(Interp&, CallArgs& a) {
  Args args("hardtanh", a, {"input", "min_val", "max_val", "inplace"}, 1);
  no_inplace(args, 3);
  return Value(hardtanh(args.tensor(0), args.has(1) ? args.number(1) : -1.0, args.has(2) ? args.number(2) : 1.0));
}
Value f_relu6(Interp&, CallArgs& a) {
  Args args("relu6", a, {"input", "inplace"}, 1);
  no_inplace(args, 1);
  return Value(hardtanh(args.tensor(0), 0.0, 6.0));
}
Value f_silu(Interp&, CallArgs& a) {
  Args args("silu", a, {"input", "inplace"}, 1);
  no_inplace(args, 1);
  return Value(silu(args.tensor(0)));
}

Value f_elu(Interp&, CallArgs& a) {
  Args args("elu", a, {"input", "alpha", "inplace"}, 1);
  no_inplace(args, 2);
  return Value(elu(args.tensor(0), args.has(1) ? args.number(1) : 1.0));
}
Value f_celu(Interp&, CallArgs& a) {
  Args args("celu", a, {"input", "alpha", "inplace"}, 1);
  no_inplace(args, 2);
  return Value(celu(args.tensor(0), args.has(1) ? args.number(1) : 1.0));
}
// F.selu, F.mish, F.hardsigmoid, F.hardswish: (input, inplace=False).
#define GRADLAB_INPUT_INPLACE_ACTIVATION(name)             \
  Value f_##name(Interp&, CallArgs& a) {                   \
    Args args(#name, a, {"input", "inplace"}, 1);          \
    no_inplace(args, 1);                                   \
    return Value(name(args.tensor(0)));                    \
  }
GRADLAB_INPUT_INPLACE_ACTIVATION(selu)
GRADLAB_INPUT_INPLACE_ACTIVATION(mish)
GRADLAB_INPUT_INPLACE_ACTIVATION(hardsigmoid)
GRADLAB_INPUT_INPLACE_ACTIVATION(hardswish)
#undef GRADLAB_INPUT_INPLACE_ACTIVATION
Value f_softplus(Interp&, CallArgs& a) {
  Args args("softplus", a, {"input", "beta", "threshold"}, 1);
  return Value(softplus(args.tensor(0), args.has(1) ? args.number(1) : 1.0, args.has(2) ? args.number(2) : 20.0));
}
Value f_gelu(Interp&, CallArgs& a) {
  Args args("gelu", a, {"input", "approximate"}, 1);
  const std::string* given = args.has(1) ? as_str(*args.get(1)) : nullptr;
  if (args.has(1) && !given) args.type_mismatch(1, "str");
  const std::string approximate = given ? *given : "none";
  if (approximate != "none" && approximate != "tanh") {
    raise("RuntimeError", "approximate argument must be either none or tanh.");
  }
  return Value(gelu(args.tensor(0), approximate == "tanh"));
}
// PyTorch writes these two in Python: input / (input.abs() + 1) and input - input.tanh().
Value f_softsign(Interp&, CallArgs& a) {
  Args args("softsign", a, {"input"}, 1);
  const Tensor x = args.tensor(0);
  return Value(div(x, add(abs(x), Scalar(int64_t{1}))));
}
Value f_tanhshrink(Interp&, CallArgs& a) {
  Args args("tanhshrink", a, {"input"}, 1);
  const Tensor x = args.tensor(0);
  return Value(sub(x, tanh(x)));
}
Value f_logsigmoid(Interp&, CallArgs& a) {
  Args args("logsigmoid", a, {"input"}, 1);
  return Value(logsigmoid(args.tensor(0)));
}

Value f_dropout(Interp&, CallArgs& a) {
  Args args("dropout", a, {"input", "p", "training", "inplace"}, 1);
  const double p = args.has(1) ? args.number(1) : 0.5;
  if (p < 0.0 || p > 1.0) raise_value_error("dropout probability has to be between 0 and 1, but got " + str(*args.get(1)));
  no_inplace(args, 3);
  const bool training = args.boolean(2, true);
  Tensor x = args.tensor(0);
  Tensor out = dropout(x, p, training, random::default_generator());
  return out.is_same(x) ? *args.get(0) : Value(out);
}
Value t_dropout(Interp&, CallArgs& a) {
  Args args("dropout", a, {"input", "p", "train"}, 3);
  Tensor x = args.tensor(0);
  Tensor out = dropout(x, args.number(1), args.boolean(2, true), random::default_generator());
  return out.is_same(x) ? *args.get(0) : Value(out);
}

// ---- losses ----------------------------------------------------------------------------------
Value f_mse_loss(Interp& in, CallArgs& a) {
  Args args("mse_loss", a, {"input", "target", "size_average", "reduce", "reduction"}, 2);
  no_legacy(args, {2, 3});
  Tensor x = args.tensor(0), t = args.tensor(1);
  warn_target_size(in, x, t);
  return Value(mse_loss(x, t, reduction_arg(args, 4)));
}
Value f_l1_loss(Interp& in, CallArgs& a) {
  Args args("l1_loss", a, {"input", "target", "size_average", "reduce", "reduction"}, 2);
  no_legacy(args, {2, 3});
  Tensor x = args.tensor(0), t = args.tensor(1);
  warn_target_size(in, x, t);
  return Value(l1_loss(x, t, reduction_arg(args, 4)));
}
Value f_smooth_l1_loss(Interp& in, CallArgs& a) {
  Args args("smooth_l1_loss", a, {"input", "target", "size_average", "reduce", "reduction", "beta"}, 2);
  no_legacy(args, {2, 3});
  Tensor x = args.tensor(0), t = args.tensor(1);
  warn_target_size(in, x, t);
  return Value(smooth_l1_loss(x, t, reduction_arg(args, 4), args.has(5) ? args.number(5) : 1.0));
}
Value f_huber_loss(Interp& in, CallArgs& a) {
  Args args("huber_loss", a, {"input", "target", "reduction", "delta"}, 2);
  Tensor x = args.tensor(0), t = args.tensor(1);
  warn_target_size(in, x, t);
  return Value(huber_loss(x, t, reduction_arg(args, 2), args.has(3) ? args.number(3) : 1.0));
}
Value f_binary_cross_entropy(Interp&, CallArgs& a) {
  Args args("binary_cross_entropy", a, {"input", "target", "weight", "size_average", "reduce", "reduction"}, 2);
  no_legacy(args, {3, 4});
  Tensor x = args.tensor(0), t = args.tensor(1);
  if (t.shape() != x.shape()) {
    raise_value_error("Using a target size (" + size_str(t) + ") that is different to the input size (" + size_str(x) +
                      ") is deprecated. Please ensure they have the same size.");
  }
  Reduction r = reduction_arg(args, 5);
  Tensor w = opt_tensor(args, 2);
  if (w.defined()) w = expand(w.detach(), broadcast_shapes(t.shape(), w.shape()));
  return Value(binary_cross_entropy(x, t, w, r));
}
Value f_binary_cross_entropy_with_logits(Interp&, CallArgs& a) {
  Args args("binary_cross_entropy_with_logits", a,
            {"input", "target", "weight", "size_average", "reduce", "reduction", "pos_weight"}, 2);
  no_legacy(args, {3, 4});
  Tensor x = args.tensor(0), t = args.tensor(1);
  Reduction r = reduction_arg(args, 5);
  if (t.shape() != x.shape()) {
    raise_value_error("Target size (" + size_str(t) + ") must be the same as input size (" + size_str(x) + ")");
  }
  return Value(binary_cross_entropy_with_logits(x, t, opt_tensor(args, 2), opt_tensor(args, 6), r));
}
Value f_nll_loss(Interp&, CallArgs& a) {
  Args args("nll_loss", a, {"input", "target", "weight", "size_average", "ignore_index", "reduce", "reduction"}, 2);
  no_legacy(args, {3, 5});
  Reduction r = reduction_arg(args, 6);
  return Value(nll_loss(args.tensor(0), args.tensor(1), opt_tensor(args, 2), r, args.int_or(4, -100)));
}
Value f_cross_entropy(Interp&, CallArgs& a) {
  Args args("cross_entropy", a,
            {"input", "target", "weight", "size_average", "ignore_index", "reduce", "reduction", "label_smoothing"}, 2);
  no_legacy(args, {3, 5});
  Reduction r = reduction_arg(args, 6);
  return Value(cross_entropy(args.tensor(0), args.tensor(1), opt_tensor(args, 2), r, args.int_or(4, -100),
                             args.has(7) ? args.number(7) : 0.0));
}
Value f_kl_div(Interp& in, CallArgs& a) {
  Args args("kl_div", a, {"input", "target", "size_average", "reduce", "reduction", "log_target"}, 2);
  no_legacy(args, {2, 3});
  const std::string reduction = str_of(args, 4, "mean");
  Tensor x = args.tensor(0), t = args.tensor(1);
  Reduction r;
  if (reduction == "mean") {
    in.warn("UserWarning",
            "reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' divides "
            "only by the batch size, and aligns with the KL div math definition.'mean' will be changed to behave the "
            "same as 'batchmean' in the next major release.");
    r = Reduction::Mean;
  } else if (reduction == "batchmean") {
    r = Reduction::Sum;
  } else {
    r = reduction_from_string(reduction);
  }
  Tensor out = kl_div(x, t, r, args.boolean(5, false));
  if (reduction == "batchmean" && x.dim() != 0) out = div(out, Scalar(x.shape()[0]));
  return Value(out);
}

// ---- in-place helpers optimizers use -------------------------------------------------------------
Value m_sqrt_(Interp&, const Value& self, CallArgs& a) {
  Args args("sqrt_", a, {}, 0);
  Tensor t = self.as_tensor();
  sqrt_(t);
  return self;
}

// ---- distances and the embedding losses (ops/distance.h) ---------------------------------------
// torch.pairwise_distance(x1, x2, p=2.0, eps=1e-06, keepdim=False), also F.pairwise_distance
Value t_pairwise_distance(Interp&, CallArgs& a) {
  Args args("pairwise_distance", a, {"x1", "x2", "p", "eps", "keepdim"}, 2);
  return Value(pairwise_distance(args.tensor(0), args.tensor(1), args.has(2) ? args.number(2) : 2.0,
                                 args.has(3) ? args.number(3) : 1e-6, args.boolean(4, false)));
}
// torch.cosine_similarity(x1, x2, dim=1, eps=1e-08), also F.cosine_similarity
Value t_cosine_similarity(Interp&, CallArgs& a) {
  Args args("cosine_similarity", a, {"x1", "x2", "dim", "eps"}, 2);
  return Value(cosine_similarity(args.tensor(0), args.tensor(1), args.int_or(2, 1), args.has(3) ? args.number(3) : 1e-8));
}
Value f_margin_ranking_loss(Interp&, CallArgs& a) {
  Args args("margin_ranking_loss", a, {"input1", "input2", "target", "margin", "size_average", "reduce", "reduction"}, 3);
  no_legacy(args, {4, 5});
  const Reduction r = reduction_arg(args, 6);
  const Tensor x1 = args.tensor(0), x2 = args.tensor(1), target = args.tensor(2);
  if (x1.dim() != x2.dim() || x1.dim() != target.dim()) {
    raise("RuntimeError", "margin_ranking_loss : All input tensors should have same dimension but got sizes: input1: " + size_str(x1) +
                              ", input2: " + size_str(x2) + ", target: " + size_str(target) + " ");
  }
  return Value(margin_ranking_loss(x1, x2, target, args.has(3) ? args.number(3) : 0.0, r));
}
Value f_hinge_embedding_loss(Interp&, CallArgs& a) {
  Args args("hinge_embedding_loss", a, {"input", "target", "margin", "size_average", "reduce", "reduction"}, 2);
  no_legacy(args, {3, 4});
  const Reduction r = reduction_arg(args, 5);
  return Value(hinge_embedding_loss(args.tensor(0), args.tensor(1), args.has(2) ? args.number(2) : 1.0, r));
}
Value f_cosine_embedding_loss(Interp&, CallArgs& a) {
  Args args("cosine_embedding_loss", a, {"input1", "input2", "target", "margin", "size_average", "reduce", "reduction"}, 3);
  no_legacy(args, {4, 5});
  const Reduction r = reduction_arg(args, 6);
  return Value(cosine_embedding_loss(args.tensor(0), args.tensor(1), args.tensor(2), args.has(3) ? args.number(3) : 0.0, r));
}
Value f_triplet_margin_loss(Interp&, CallArgs& a) {
  Args args("triplet_margin_loss", a,
            {"anchor", "positive", "negative", "margin", "p", "eps", "swap", "size_average", "reduce", "reduction"}, 3);
  no_legacy(args, {7, 8});
  const Reduction r = reduction_arg(args, 9);
  return Value(triplet_margin_loss(args.tensor(0), args.tensor(1), args.tensor(2), args.has(3) ? args.number(3) : 1.0,
                                   args.has(4) ? args.number(4) : 2.0, args.has(5) ? args.number(5) : 1e-6, args.boolean(6, false), r));
}

}  // namespace

// Note [One binding row per op]. F.relu, F.sigmoid and F.tanh are the Tensor methods' rows.
const Bindings& nn_bindings() {
  constexpr unsigned M = kMethod, F = kFunctional, MT = kMethod | kTorch;
  static const Bindings rows = {
      {"softmax", MT, m_softmax}, {"log_softmax", MT, m_log_softmax}, {"softmax", F, nullptr, f_softmax},
      {"log_softmax", F, nullptr, f_log_softmax}, {"addmm", M, m_addmm}, {"addmm", kTorch, nullptr, t_addmm},
      {"sqrt_", M, m_sqrt_}, {"linear", F, nullptr, f_linear},
      {"leaky_relu", F, nullptr, f_leaky_relu}, {"hardtanh", F, nullptr, f_hardtanh}, {"relu6", F, nullptr, f_relu6},
      {"rrelu", F, nullptr, f_rrelu}, {"rrelu", kTorch, nullptr, t_rrelu},
      {"silu", F, nullptr, f_silu}, {"dropout", F, nullptr, f_dropout}, {"dropout", kTorch, nullptr, t_dropout},
      {"mse_loss", F, nullptr, f_mse_loss}, {"l1_loss", F, nullptr, f_l1_loss}, {"smooth_l1_loss", F, nullptr, f_smooth_l1_loss},
      {"huber_loss", F, nullptr, f_huber_loss}, {"binary_cross_entropy", F, nullptr, f_binary_cross_entropy},
      {"binary_cross_entropy_with_logits", F, nullptr, f_binary_cross_entropy_with_logits},
      {"nll_loss", F, nullptr, f_nll_loss}, {"cross_entropy", F, nullptr, f_cross_entropy}, {"kl_div", F, nullptr, f_kl_div},
      // activations (ops/activation.cpp)
      {"elu", F, nullptr, f_elu}, {"selu", F | kTorch, nullptr, f_selu}, {"celu", F | kTorch, nullptr, f_celu},
      {"softplus", F, nullptr, f_softplus}, {"gelu", F, nullptr, f_gelu}, {"logsigmoid", F, nullptr, f_logsigmoid},
      {"mish", F, nullptr, f_mish}, {"hardsigmoid", F, nullptr, f_hardsigmoid}, {"hardswish", F, nullptr, f_hardswish},
      {"softsign", F, nullptr, f_softsign}, {"tanhshrink", F, nullptr, f_tanhshrink},
      // distances and the embedding losses (ops/distance.h)
      {"pairwise_distance", F | kTorch, nullptr, t_pairwise_distance},
      {"cosine_similarity", F | kTorch, nullptr, t_cosine_similarity},
      {"margin_ranking_loss", F, nullptr, f_margin_ranking_loss}, {"hinge_embedding_loss", F, nullptr, f_hinge_embedding_loss},
      {"cosine_embedding_loss", F, nullptr, f_cosine_embedding_loss}, {"triplet_margin_loss", F, nullptr, f_triplet_margin_loss},
  };
  return rows;
}

}  // namespace gradlab::script
