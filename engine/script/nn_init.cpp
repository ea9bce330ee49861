// torch.nn.init: the weight initialisers, computed as PyTorch 1.13's torch/nn/init.py computes
// them (the same Python float arithmetic for fans, gains and bounds, then one in-place draw
// under no_grad), so an initialised layer holds PyTorch's exact numbers for the same seed.
#include <cctype>
#include <cmath>

#include "engine/random/sampling.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

Value plain(const char* name, BuiltinFn f) { return Value(std::make_shared<BuiltinObj>(name, f)); }

Tensor& target(const Args& args) {
  const Value* v = args.get(0);
  if (!v || !v->is_tensor()) raise_type_error(std::string(args.fname()) + "() argument 'tensor' must be Tensor, not " + (v ? type_name(*v) : "NoneType"));
  return const_cast<Tensor&>(v->as_tensor());
}

// (fan_in, fan_out) of a weight: dim 1 and dim 0 times the receptive field (the dims after 1).
std::pair<double, double> fans(const Tensor& t) {
  if (t.dim() < 2) raise_value_error("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
  int64_t receptive = 1;
  for (int64_t d = 2; d < t.dim(); ++d) receptive *= t.size(d);
  return {static_cast<double>(t.size(1) * receptive), static_cast<double>(t.size(0) * receptive)};
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

double gain_of(const std::string& nonlinearity, const Value* param) {
  static const char* const linear[] = {"linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
                                       "sigmoid", nullptr};
  if (name_in(linear, nonlinearity)) return 1;
  if (nonlinearity == "tanh") return 5.0 / 3;
  if (nonlinearity == "relu") return std::sqrt(2.0);
  if (nonlinearity == "leaky_relu") {
    double slope = 0.01;
    if (param && !param->is_none()) {
      if (param->is_bool() || !param->is_number()) raise_value_error("negative_slope " + str(*param) + " not a valid number");
      slope = param->as_number();
    }
    return std::sqrt(2.0 / (1 + slope * slope));
  }
  if (nonlinearity == "selu") return 3.0 / 4;
  raise_value_error("Unsupported nonlinearity " + nonlinearity);
}

Value gain_value(double g, const std::string& nonlinearity) {
  // calculate_gain returns the int 1 for the linear functions, a float otherwise.
  if (g == 1 && nonlinearity != "leaky_relu") return Value(int64_t{1});
  return Value(g);
}

const std::string& str_arg(const Value& v, const char* what) {
  const std::string* s = as_str(v);
  if (!s) raise_type_error(std::string(what) + " must be a str, not " + type_name(v));
  return *s;
}

// Draws into `t` under no_grad, as init.py's `with torch.no_grad():` does.
template <class F>
Value drawn(const Value& tensor_value, Tensor& t, F&& draw) {
  NoGradGuard no_grad;
  draw(t, random::default_generator());
  return tensor_value;
}

// init.py's two forms for a standard deviation: N(0, std), or U(-√3·std, √3·std).
Value drawn_with_std(const Value& tensor_value, Tensor& t, double std, bool normal) {
  if (normal) return drawn(tensor_value, t, [&](Tensor& x, random::CpuGenerator& g) { normal_(x, 0.0, std, g); });
  const double bound = std::sqrt(3.0) * std;
  return drawn(tensor_value, t, [&](Tensor& x, random::CpuGenerator& g) { uniform_(x, -bound, bound, g); });
}

Value i_calculate_gain(Interp&, CallArgs& a) {
  Args args("calculate_gain", a, {"nonlinearity", "param"}, 1, ArgStyle::Python);
  const std::string& name = str_arg(*args.get(0), "nonlinearity");
  return gain_value(gain_of(name, args.get(1)), name);
}

Value i_uniform_(Interp&, CallArgs& a) {
  Args args("uniform_", a, {"tensor", "a", "b"}, 1, ArgStyle::Python);
  double lo = args.has(1) ? args.number(1) : 0.0, hi = args.has(2) ? args.number(2) : 1.0;
  return drawn(*args.get(0), target(args), [&](Tensor& t, random::CpuGenerator& g) { uniform_(t, lo, hi, g); });
}

Value i_normal_(Interp&, CallArgs& a) {
  Args args("normal_", a, {"tensor", "mean", "std"}, 1, ArgStyle::Python);
  double mean = args.has(1) ? args.number(1) : 0.0, std = args.has(2) ? args.number(2) : 1.0;
  return drawn(*args.get(0), target(args), [&](Tensor& t, random::CpuGenerator& g) { normal_(t, mean, std, g); });
}

Value i_constant_(Interp&, CallArgs& a) {
  Args args("constant_", a, {"tensor", "val"}, 2, ArgStyle::Python);
  Scalar v = args.scalar(1);
  Tensor& t = target(args);
  NoGradGuard no_grad;
  t.fill_(v);
  return *args.get(0);
}
Value fill_with(CallArgs& a, const char* name, double value) {
  Args args(name, a, {"tensor"}, 1, ArgStyle::Python);
  Tensor& t = target(args);
  NoGradGuard no_grad;
  t.fill_(Scalar(value));
  return *args.get(0);
}
Value i_ones_(Interp&, CallArgs& a) { return fill_with(a, "ones_", 1.0); }
Value i_zeros_(Interp&, CallArgs& a) { return fill_with(a, "zeros_", 0.0); }

Value i_eye_(Interp&, CallArgs& a) {
  Args args("eye_", a, {"tensor"}, 1, ArgStyle::Python);
  Tensor& t = target(args);
  if (t.dim() != 2) raise_value_error("Only tensors with 2 dimensions are supported");
  NoGradGuard no_grad;
  std::vector<double> v(static_cast<size_t>(t.numel()), 0.0);
  for (int64_t i = 0; i < std::min(t.size(0), t.size(1)); ++i) v[static_cast<size_t>(i * t.size(1) + i)] = 1.0;
  Tensor eye = from_vector(v, t.shape(), TensorOptions{t.dtype(), t.device(), false});
  t.zero_();
  t.add_(eye);
  return *args.get(0);
}

Value i_xavier(CallArgs& a, const char* name, bool normal) {
  Args args(name, a, {"tensor", "gain"}, 1, ArgStyle::Python);
  Tensor& t = target(args);
  double gain = args.has(1) ? args.number(1) : 1.0;
  auto [fan_in, fan_out] = fans(t);
  return drawn_with_std(*args.get(0), t, gain * std::sqrt(2.0 / (fan_in + fan_out)), normal);
}
Value i_xavier_uniform_(Interp&, CallArgs& a) { return i_xavier(a, "xavier_uniform_", false); }
Value i_xavier_normal_(Interp&, CallArgs& a) { return i_xavier(a, "xavier_normal_", true); }

Value i_kaiming(Interp& in, CallArgs& a, const char* name, bool normal) {
  Args args(name, a, {"tensor", "a", "mode", "nonlinearity"}, 1, ArgStyle::Python);
  Tensor& t = target(args);
  for (int64_t d : t.shape())
    if (d == 0) {
      in.warn("UserWarning", "Initializing zero-element tensors is a no-op");
      return *args.get(0);
    }
  std::string mode = args.has(2) ? lower(str_arg(*args.get(2), "mode")) : "fan_in";
  if (mode != "fan_in" && mode != "fan_out") raise_value_error("Mode " + mode + " not supported, please use one of ['fan_in', 'fan_out']");
  auto [fan_in, fan_out] = fans(t);
  double fan = mode == "fan_in" ? fan_in : fan_out;
  std::string nonlinearity = args.has(3) ? str_arg(*args.get(3), "nonlinearity") : "leaky_relu";
  Value slope = args.has(1) ? *args.get(1) : Value(int64_t{0});
  return drawn_with_std(*args.get(0), t, gain_of(nonlinearity, &slope) / std::sqrt(fan), normal);
}
Value i_kaiming_uniform_(Interp& in, CallArgs& a) { return i_kaiming(in, a, "kaiming_uniform_", false); }
Value i_kaiming_normal_(Interp& in, CallArgs& a) { return i_kaiming(in, a, "kaiming_normal_", true); }

Value i_fan_in_and_fan_out(Interp&, CallArgs& a) {
  Args args("_calculate_fan_in_and_fan_out", a, {"tensor"}, 1, ArgStyle::Python);
  auto [fan_in, fan_out] = fans(target(args));
  return make_tuple({Value(static_cast<int64_t>(fan_in)), Value(static_cast<int64_t>(fan_out))});
}

const char* const kInitNames[] = {"dirac_", "orthogonal_", "sparse_", "trunc_normal_", "uniform", "normal", "constant", "xavier_uniform",
                                  "xavier_normal", "kaiming_uniform", "kaiming_normal", "orthogonal", "sparse", nullptr};

}  // namespace

Value make_nn_init_module() {
  auto m = std::make_shared<ModuleObj>("torch.nn.init", "/usr/lib/python3/dist-packages/torch/nn/init.py");
  m->known_missing = kInitNames;
  struct Row {
    const char* name;
    BuiltinFn f;
  };
  static const Row rows[] = {
      {"calculate_gain", i_calculate_gain}, {"uniform_", i_uniform_}, {"normal_", i_normal_}, {"constant_", i_constant_},
      {"ones_", i_ones_}, {"zeros_", i_zeros_}, {"eye_", i_eye_}, {"xavier_uniform_", i_xavier_uniform_},
      {"xavier_normal_", i_xavier_normal_}, {"kaiming_uniform_", i_kaiming_uniform_}, {"kaiming_normal_", i_kaiming_normal_},
      {"_calculate_fan_in_and_fan_out", i_fan_in_and_fan_out},
  };
  for (const auto& r : rows) m->attrs[r.name] = plain(r.name, r.f);
  return Value(ObjRef(m));
}

}  // namespace gradlab::script
