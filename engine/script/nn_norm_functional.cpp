// F.embedding, F.layer_norm and F.batch_norm, and their torch.* forms (torch.embedding,
// torch.layer_norm, torch.batch_norm), as scripts see them. The F.* forms do what
// torch/nn/functional.py of 1.13 does before its one torch.* call: padding_idx wrapped and
// checked, the batch size checked in training. The engine functions are in ops/norm.cpp.
#include "engine/ops/nn.h"
#include "engine/script/bindings.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

Tensor opt_tensor(const Args& args, size_t i) { return args.has(i) ? args.tensor(i) : Tensor(); }

[[noreturn]] void assertion_error(const std::string& m) { throw Error("AssertionError", m); }

// ---- embedding -----------------------------------------------------------------------------
Value f_embedding(Interp&, CallArgs& a) {
  Args args("embedding", a, {"input", "weight", "padding_idx", "max_norm", "norm_type", "scale_grad_by_freq", "sparse"}, 2);
  Tensor input = args.tensor(0), weight = args.tensor(1);
  int64_t padding_idx = -1;
  if (args.has(2)) {
    padding_idx = args.int_(2);
    const int64_t rows = weight.size(0);
    if (padding_idx > 0 && padding_idx >= rows) assertion_error("Padding_idx must be within num_embeddings");
    if (padding_idx < 0) {
      if (padding_idx < -rows) assertion_error("Padding_idx must be within num_embeddings");
      padding_idx += rows;
    }
  }
  if (args.has(3)) raise_not_supported("embedding with max_norm");
  if (args.boolean(6, false)) raise_not_supported("embedding with sparse=True");
  return Value(embedding(weight, input, padding_idx, args.boolean(5, false)));
}

Value t_embedding(Interp&, CallArgs& a) {
  Args args("embedding", a, {"weight", "indices", "padding_idx", "scale_grad_by_freq", "sparse"}, 2, ArgStyle::Torch, 2);
  if (args.boolean(4, false)) raise_not_supported("embedding with sparse=True");
  return Value(embedding(args.tensor(0), args.tensor(1), args.int_or(2, -1), args.boolean(3, false)));
}

// ---- layer_norm ----------------------------------------------------------------------------
// A tuple or list of ints (an int alone is PyTorch's TypeError, though nn.LayerNorm takes one).
Shape normalized_shape_arg(const Args& args, size_t i) {
  const Value& v = *args.get(i);
  if (v.is_intlike()) {
    raise_type_error(std::string(args.fname()) + "(): argument 'normalized_shape' (position 2) must be tuple of ints, not " +
                     type_name(v));
  }
  return value_to_shape(v, args.fname());
}

Value f_layer_norm(Interp&, CallArgs& a) {
  Args args("layer_norm", a, {"input", "normalized_shape", "weight", "bias", "eps"}, 2);
  const double eps = args.has(4) ? args.number(4) : 1e-5;
  return Value(layer_norm(args.tensor(0), normalized_shape_arg(args, 1), opt_tensor(args, 2), opt_tensor(args, 3), eps));
}

Value t_layer_norm(Interp&, CallArgs& a) {
  Args args("layer_norm", a, {"input", "normalized_shape", "weight", "bias", "eps", "cudnn_enable"}, 2, ArgStyle::Torch, 2);
  const double eps = args.has(4) ? args.number(4) : 1e-5;
  return Value(layer_norm(args.tensor(0), normalized_shape_arg(args, 1), opt_tensor(args, 2), opt_tensor(args, 3), eps));
}

// ---- batch_norm ----------------------------------------------------------------------------
// functional.py's _verify_batch_size: one value per channel cannot be normalised in training.
void verify_batch_size(const Tensor& input) {
  if (input.dim() < 2) return;  // native_batch_norm reports it
  int64_t values = input.shape()[0];
  for (int64_t d = 2; d < input.dim(); ++d) values *= input.shape()[static_cast<size_t>(d)];
  if (values == 1) {
    raise_value_error("Expected more than 1 value per channel when training, got input size torch.Size(" +
                      shape_str(input.shape()) + ")");
  }
}

Value f_batch_norm(Interp&, CallArgs& a) {
  Args args("batch_norm", a, {"input", "running_mean", "running_var", "weight", "bias", "training", "momentum", "eps"}, 3);
  Tensor input = args.tensor(0);
  const bool training = args.boolean(5, false);
  if (training) verify_batch_size(input);
  const double momentum = args.has(6) ? args.number(6) : 0.1;
  const double eps = args.has(7) ? args.number(7) : 1e-5;
  return Value(batch_norm(input, opt_tensor(args, 1), opt_tensor(args, 2), opt_tensor(args, 3), opt_tensor(args, 4),
                          training, momentum, eps));
}

Value t_batch_norm(Interp&, CallArgs& a) {
  Args args("batch_norm", a,
            {"input", "weight", "bias", "running_mean", "running_var", "training", "momentum", "eps", "cudnn_enabled"}, 9,
            ArgStyle::Torch, 9);
  return Value(batch_norm(args.tensor(0), opt_tensor(args, 3), opt_tensor(args, 4), opt_tensor(args, 1),
                          opt_tensor(args, 2), args.boolean(5, false), args.number(6), args.number(7)));
}

}  // namespace

// Note [One binding row per op]: the F.* and torch.* forms have their own signatures.
const Bindings& norm_bindings() {
  static const Bindings rows = {
      {"embedding", kFunctional, nullptr, f_embedding},   {"embedding", kTorch, nullptr, t_embedding},
      {"layer_norm", kFunctional, nullptr, f_layer_norm}, {"layer_norm", kTorch, nullptr, t_layer_norm},
      {"batch_norm", kFunctional, nullptr, f_batch_norm}, {"batch_norm", kTorch, nullptr, t_batch_norm},
  };
  return rows;
}

}  // namespace gradlab::script
