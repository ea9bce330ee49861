// torch.nn.functional's convolutions and pooling as scripts see them (F.conv2d, F.max_pool2d,
// ...), with the torch.* forms PyTorch also has (torch.conv2d, torch.max_pool2d, ...).
// Argument handling follows torch/nn/functional.py and ATen's argument parsing of 1.13: an int
// or a tuple for each size, padding='same' / 'valid' for convolutions; then one engine call
// (engine/ops/conv.h).
#include "engine/ops/conv.h"
#include "engine/script/bindings.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

Tensor opt_tensor(const Args& args, size_t i) { return args.has(i) ? args.tensor(i) : Tensor(); }

// An int or a sequence of ints for a per-dimension size; `dflt` when absent.
std::vector<int64_t> sizes_arg(const Args& args, size_t i, std::vector<int64_t> dflt) {
  if (!args.has(i)) return dflt;
  const Value& v = *args.get(i);
  if (v.is_intlike()) return {v.as_int()};
  return to_int_list(v, args.fname());
}

// ATen's expand_param_if_needed: one value for every dim, or exactly one per dim.
std::vector<int64_t> per_dim(std::vector<int64_t> v, size_t dims, const char* what) {
  if (v.size() == 1) return std::vector<int64_t>(dims, v[0]);
  if (v.size() != dims) {
    raise("RuntimeError", std::string("expected ") + what + " to be a single integer value or a list of " + std::to_string(dims) +
                        " values to match the convolution dimensions, but got " + what + "=" + shape_str(v));
  }
  return v;
}

// F.conv1d / F.conv2d (input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1).
Value conv_call(CallArgs& a, const char* name, size_t dims) {
  Args args(name, a, {"input", "weight", "bias", "stride", "padding", "dilation", "groups"}, 2);
  const Tensor input = args.tensor(0), weight = args.tensor(1);
  ConvSettings s;
  s.stride = per_dim(sizes_arg(args, 3, {1}), dims, "stride");
  s.dilation = per_dim(sizes_arg(args, 5, {1}), dims, "dilation");
  s.groups = args.int_or(6, 1);
  const std::string* mode = args.has(4) ? as_str(*args.get(4)) : nullptr;
  if (!mode) {
    s.padding = per_dim(sizes_arg(args, 4, {0}), dims, "padding");
  } else if (*mode == "valid") {
    s.padding.assign(dims, 0);
  } else if (*mode == "same") {
    for (int64_t v : s.stride)
      if (v != 1) raise("RuntimeError", "padding='same' is not supported for strided convolutions");
    // ATen's _convolution_mode: total padding dilation·(k − 1), split evenly when it is even.
    for (size_t d = 0; d < dims; ++d) {
      const int64_t k = weight.dim() == static_cast<int64_t>(dims + 2) ? weight.shape()[2 + d] : 1;
      const int64_t total = s.dilation[d] * (k - 1);
      if (total % 2) raise_not_supported(std::string(name) + " with padding='same' and an even kernel (asymmetric padding)");
      s.padding.push_back(total / 2);
    }
  } else {
    raise("RuntimeError", "Invalid padding string: '" + *mode + "'");
  }
  const Tensor bias = opt_tensor(args, 2);
  return Value(dims == 1 ? conv1d(input, weight, bias, s) : conv2d(input, weight, bias, s));
}

Value f_conv1d(Interp&, CallArgs& a) { return conv_call(a, "conv1d", 1); }
Value f_conv2d(Interp&, CallArgs& a) { return conv_call(a, "conv2d", 2); }

// The pooling arguments after `input, kernel_size`: stride, padding, then the rest by name.
PoolSettings pool_sizes(const Args& args) {
  PoolSettings s;
  s.kernel = sizes_arg(args, 1, {});
  s.stride = sizes_arg(args, 2, {});
  s.padding = sizes_arg(args, 3, {0});
  return s;
}

void no_indices(const Args& args, size_t i) {
  if (args.has(i) && truthy(*args.get(i))) raise_not_supported(std::string(args.fname()) + "(return_indices=True)");
}

// F.max_pool1d/2d (input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
// return_indices=False).
Value max_pool_call(CallArgs& a, const char* name, bool one_d) {
  Args args(name, a, {"input", "kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices"}, 2);
  PoolSettings s = pool_sizes(args);
  s.dilation = sizes_arg(args, 4, {1});
  s.ceil_mode = args.boolean(5, false);
  no_indices(args, 6);
  return Value(one_d ? max_pool1d(args.tensor(0), s) : max_pool2d(args.tensor(0), s));
}
Value f_max_pool1d(Interp&, CallArgs& a) { return max_pool_call(a, "max_pool1d", true); }
Value f_max_pool2d(Interp&, CallArgs& a) { return max_pool_call(a, "max_pool2d", false); }

// F.avg_pool2d (input, kernel_size, stride=None, padding=0, ceil_mode=False,
// count_include_pad=True, divisor_override=None); avg_pool1d has no divisor_override.
Value f_avg_pool2d(Interp&, CallArgs& a) {
  Args args("avg_pool2d", a, {"input", "kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"}, 2);
  PoolSettings s = pool_sizes(args);
  s.ceil_mode = args.boolean(4, false);
  s.count_include_pad = args.boolean(5, true);
  if (args.has(6)) s.divisor_override = args.int_(6);
  return Value(avg_pool2d(args.tensor(0), s));
}
Value f_avg_pool1d(Interp&, CallArgs& a) {
  Args args("avg_pool1d", a, {"input", "kernel_size", "stride", "padding", "ceil_mode", "count_include_pad"}, 2);
  PoolSettings s = pool_sizes(args);
  s.ceil_mode = args.boolean(4, false);
  s.count_include_pad = args.boolean(5, true);
  return Value(avg_pool1d(args.tensor(0), s));
}

// F.adaptive_avg_pool2d (input, output_size): an int, or a pair where None keeps the input's size.
Value f_adaptive_avg_pool2d(Interp&, CallArgs& a) {
  Args args("adaptive_avg_pool2d", a, {"input", "output_size"}, 2);
  const Tensor input = args.tensor(0);
  const Value& v = *args.get(1);
  std::vector<int64_t> size;
  if (v.is_intlike()) {
    size = {v.as_int(), v.as_int()};
  } else {
    SeqObj* seq = as_tuple(v) ? as_tuple(v) : as_list(v);
    if (!seq) raise_type_error("adaptive_avg_pool2d(): argument 'output_size' must be tuple of ints, not " + std::string(type_name(v)));
    for (size_t i = 0; i < seq->items.size(); ++i) {
      const Value& item = seq->items[i];
      size.push_back(item.is_none() ? input.shape()[input.dim() - 2 + static_cast<int64_t>(i)] : to_index(item, "output_size"));
    }
  }
  return Value(adaptive_avg_pool2d(input, size));
}

Value plain(const char* name, BuiltinFn f) { return Value(std::make_shared<BuiltinObj>(name, f)); }

}  // namespace

// Note [One binding row per op]
const Bindings& conv_bindings() {
  constexpr unsigned TF = kTorch | kFunctional;
  static const Bindings rows = {
      {"conv1d", TF, nullptr, f_conv1d},         {"conv2d", TF, nullptr, f_conv2d},
      {"max_pool1d", TF, nullptr, f_max_pool1d}, {"max_pool2d", TF, nullptr, f_max_pool2d},
      {"avg_pool1d", TF, nullptr, f_avg_pool1d}, {"avg_pool2d", kFunctional, nullptr, f_avg_pool2d},
      {"adaptive_avg_pool2d", kFunctional, nullptr, f_adaptive_avg_pool2d},
  };
  return rows;
}

}  // namespace gradlab::script
