// torch's random API as scripts see it: torch.manual_seed/seed/initial_seed, torch.Generator,
// the samplers (torch.rand, randn, randint, randperm, normal, bernoulli, multinomial, poisson,
// the *_like forms) and the in-place Tensor methods (uniform_, normal_, random_, ...), each
// parsing PyTorch's arguments and calling engine/random/sampling.h with the right generator.
#include <cmath>
#include <limits>
#include <unordered_map>

#include "engine/random/sampling.h"
#include "engine/script/bindings.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

using random::CpuGenerator;

Value fn(const char* name, BuiltinFn f) { return Value(std::make_shared<BuiltinObj>(name, f, "type object")); }

// `generator=`: a torch.Generator, or None (or absent) for the session's default one.
CpuGenerator& generator_of(const Value* v, const char* fname) {
  if (!v || v->is_none()) return random::default_generator();
  auto* g = v->as<TorchGeneratorObj>();
  if (!g) raise_type_error(std::string(fname) + "(): argument 'generator' must be torch.Generator, not " + type_name(*v));
  return *g->gen;
}
CpuGenerator& generator_arg(const Args& args, size_t i) { return generator_of(args.get(i), args.fname()); }

// A fresh (uninitialised) tensor to sample into: checked like a factory (negative sizes, requires_grad on an
// integer dtype) before anything is drawn, and made to require grad only afterwards.
Tensor sample_target(const Shape& shape, TensorOptions o, DType default_dtype) {
  if (!o.dtype) o.dtype = default_dtype;
  if (o.requires_grad && !is_floating(*o.dtype)) runtime_error("Only Tensors of floating point and complex dtype can require gradients");
  o.requires_grad = false;
  return empty(shape, o);
}
Value finish(Tensor t, bool requires_grad) {
  if (requires_grad) t.impl()->requires_grad = true;
  return Value(t);
}

Value t_rand(Interp&, CallArgs& a) {
  SizedCall s = sized_call(a, "rand", true);
  Tensor t = sample_target(s.shape, s.opts, kDefaultFloat);
  uniform_(t, 0.0, 1.0, generator_of(s.generator, "rand"));
  return finish(t, s.opts.requires_grad);
}

Value t_randn(Interp&, CallArgs& a) {
  SizedCall s = sized_call(a, "randn", true);
  Tensor t = sample_target(s.shape, s.opts, kDefaultFloat);
  normal_(t, 0.0, 1.0, generator_of(s.generator, "randn"));
  return finish(t, s.opts.requires_grad);
}

int64_t int_arg(const Value& v, const char* fname, const char* pname, size_t position) {
  if (!v.is_intlike())
    raise_type_error(std::string(fname) + "(): argument '" + pname + "' (position " + std::to_string(position) + ") must be int, not " +
                     type_name(v));
  return v.as_int();
}

// randint(high, size) or randint(low, high, size), each also by keyword.
Value t_randint(Interp&, CallArgs& a) {
  Args args("randint", a, {"low", "high", "size", "generator", "dtype", "device", "requires_grad", "out", "layout", "pin_memory"}, 0,
            ArgStyle::Torch, 3);
  const Value* low = args.get(0);
  const Value* high = args.get(1);
  const Value* size = args.get(2);
  if (a.npos == 2 && !args.has(2)) {  // randint(high, size)
    size = high;
    high = low;
    low = nullptr;
  }
  if (!high || !size || high->is_none() || size->is_none()) {
    std::string got;
    for (size_t i = 0; i < a.npos; ++i) got += std::string(i ? ", " : "") + type_name(a.pos[i]);
    for (size_t i = 0; i < a.nkw; ++i) got += std::string(got.empty() ? "" : ", ") + a.kw_names[i] + "=" + type_name(a.kw[i]);
    raise_type_error("randint() received an invalid combination of arguments - got (" + got + "), but expected one of:\n"
                     " * (int high, tuple of ints size, *, torch.Generator generator, Tensor out, torch.dtype dtype, "
                     "torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)\n"
                     " * (int low, int high, tuple of ints size, *, torch.Generator generator, Tensor out, torch.dtype dtype, "
                     "torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)");
  }
  const bool two_bounds = low != nullptr && !low->is_none();
  int64_t lo = two_bounds ? int_arg(*low, "randint", "low", 1) : 0;
  int64_t hi = int_arg(*high, "randint", "high", two_bounds ? 2 : 1);
  if (!size->as<SeqObj>())
    raise_type_error(std::string("randint(): argument 'size' (position ") + (two_bounds ? "3" : "2") + ") must be tuple of ints, not " +
                     type_name(*size));
  Shape shape = value_to_shape(*size, "randint");
  if (args.has(7)) raise_not_supported("randint(out=...)");
  TensorOptions o = factory_options(args, 4, 5, 6);
  Tensor t = sample_target(shape, o, DType::Int64);
  random_(t, lo, hi, generator_arg(args, 3));
  return finish(t, o.requires_grad);
}

Value t_randperm(Interp&, CallArgs& a) {
  Args args("randperm", a, {"n", "generator", "dtype", "device", "requires_grad", "out", "layout", "pin_memory"}, 1, ArgStyle::Torch, 1);
  if (args.has(5)) raise_not_supported("randperm(out=...)");
  return Value(randperm(int_arg(*args.get(0), "randperm", "n", 1), factory_options(args, 2, 3, 4), generator_arg(args, 1)));
}

// rand_like / randn_like(input, *, dtype, device, requires_grad, memory_format)
Value like_sample(CallArgs& a, const char* name, bool normal) {
  Args args(name, a, {"input", "dtype", "device", "requires_grad", "memory_format", "layout", "pin_memory"}, 1, ArgStyle::Torch, 1);
  Tensor input = args.tensor(0);
  TensorOptions o = factory_options(args, 1, 2, 3);
  if (!o.device) o.device = input.device();
  Tensor t = sample_target(input.shape(), o, input.dtype());
  if (normal) normal_(t, 0.0, 1.0, random::default_generator());
  else uniform_(t, 0.0, 1.0, random::default_generator());
  return finish(t, o.requires_grad);
}
Value t_rand_like(Interp&, CallArgs& a) { return like_sample(a, "rand_like", false); }
Value t_randn_like(Interp&, CallArgs& a) { return like_sample(a, "randn_like", true); }

// randint_like(input, high) / randint_like(input, low, high)
Value t_randint_like(Interp&, CallArgs& a) {
  Args args("randint_like", a, {"input", "low", "high", "dtype", "device", "requires_grad", "memory_format", "layout", "pin_memory"}, 2,
            ArgStyle::Torch, 3);
  Tensor input = args.tensor(0);
  int64_t lo = 0, hi;
  if (args.has(2)) {
    lo = int_arg(*args.get(1), "randint_like", "low", 2);
    hi = int_arg(*args.get(2), "randint_like", "high", 3);
  } else {
    hi = int_arg(*args.get(1), "randint_like", "high", 2);
  }
  TensorOptions o = factory_options(args, 3, 4, 5);
  if (!o.device) o.device = input.device();
  Tensor t = sample_target(input.shape(), o, input.dtype());
  random_(t, lo, hi, random::default_generator());
  return finish(t, o.requires_grad);
}

// torch.normal(mean, std, size=None, *, generator, out, dtype, ...): tensor and number overloads.
Value t_normal(Interp&, CallArgs& a) {
  Args args("normal", a, {"mean", "std", "size", "generator", "out", "dtype", "layout", "device", "pin_memory", "requires_grad"}, 1,
            ArgStyle::Torch, 3);
  CpuGenerator& g = generator_arg(args, 3);
  if (args.has(4)) raise_not_supported("normal(out=...)");
  const Value& mean = *args.get(0);
  const Value* std = args.get(1);
  if (mean.is_tensor()) {
    if (args.has(2)) raise_type_error("normal() received an invalid combination of arguments - got (Tensor, " +
                                      std::string(std ? type_name(*std) : "NoneType") + ", size=tuple)");
    if (std && std->is_tensor()) return Value(normal(mean.as_tensor(), std->as_tensor(), g));
    double s = std ? to_double(*std, "normal") : 1.0;
    return Value(normal(mean.as_tensor(), s, g));
  }
  if (!is_scalar_like(mean)) args.type_mismatch(0, "Tensor");
  double m = to_double(mean, "normal");
  if (!std) raise_type_error("normal() missing 1 required positional arguments: \"std\"");
  if (std->is_tensor()) return Value(normal(m, std->as_tensor(), g));
  double s = to_double(*std, "normal");
  if (!args.has(2)) raise_type_error("normal() received an invalid combination of arguments - got (float, float), but expected a size");
  Shape shape = value_to_shape(*args.get(2), "normal");
  TensorOptions o = factory_options(args, 5, 7, 9);
  Tensor t = sample_target(shape, o, kDefaultFloat);
  normal_(t, m, s, g);  // checks std before drawing
  return finish(t, o.requires_grad);
}

Value t_bernoulli(Interp&, CallArgs& a) {
  Args args("bernoulli", a, {"input", "p", "generator", "out"}, 1, ArgStyle::Torch, 2);
  if (args.has(3)) raise_not_supported("bernoulli(out=...)");
  Tensor input = args.tensor(0);
  CpuGenerator& g = generator_arg(args, 2);
  return Value(args.has(1) ? bernoulli(input, args.number(1), g) : bernoulli(input, g));
}

Value t_multinomial(Interp&, CallArgs& a) {
  Args args("multinomial", a, {"input", "num_samples", "replacement", "generator", "out"}, 2, ArgStyle::Torch, 3);
  if (args.has(4)) raise_not_supported("multinomial(out=...)");
  return Value(multinomial(args.tensor(0), args.int_(1), args.boolean(2, false), generator_arg(args, 3)));
}

Value t_poisson(Interp&, CallArgs& a) {
  Args args("poisson", a, {"input", "generator"}, 1);
  return Value(poisson(args.tensor(0), generator_arg(args, 1)));
}

// ---- seeding ----------------------------------------------------------------------------------
// PyTorch reads a seed as an unsigned 64-bit integer, or failing that a signed one; a float is
// truncated by int() first.
uint64_t seed_arg(const Value& v) {
  if (v.is_intlike()) return static_cast<uint64_t>(v.as_int());
  if (v.is_float()) {
    double d = v.as_float();
    if (std::isnan(d)) raise_value_error("cannot convert float NaN to integer");
    if (std::isinf(d)) raise("OverflowError", "cannot convert float infinity to integer");
    if (d >= 18446744073709551616.0 || d < -9223372036854775808.0) runtime_error("Overflow when unpacking long");
    return d >= 9223372036854775808.0 ? static_cast<uint64_t>(d) : static_cast<uint64_t>(static_cast<int64_t>(d));
  }
  if (as_str(v)) raise_value_error("invalid literal for int() with base 10: " + repr(v));
  raise_type_error(std::string("int() argument must be a string, a bytes-like object or a real number, not '") + type_name(v) + "'");
}

Value default_generator_value(Interp& in) { return in.module("torch").as<ModuleObj>()->attrs["default_generator"]; }

Value t_manual_seed(Interp& in, CallArgs& a) {
  Args args("manual_seed", a, {"seed"}, 1, ArgStyle::Python);
  random::default_generator().set_seed(seed_arg(*args.get(0)));
  return default_generator_value(in);
}
Value t_seed(Interp&, CallArgs& a) {
  Args args("seed", a, {}, 0, ArgStyle::Python);
  return Value(static_cast<int64_t>(random::default_generator().seed_nondeterministic()));
}
// A seed as a Python int: torch.manual_seed(-1) stores 2**64 - 1, more than gradlab's 64-bit
// ints hold, so reading it back is a clear error rather than a wrong number.
Value seed_value(uint64_t seed) {
  if (seed > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
    raise("OverflowError", "the seed is " + std::to_string(seed) + ", larger than gradlab's 64-bit ints can hold");
  return Value(static_cast<int64_t>(seed));
}
Value t_initial_seed(Interp&, CallArgs& a) {
  Args args("initial_seed", a, {}, 0, ArgStyle::Python);
  return seed_value(random::default_generator().initial_seed());
}
// A generator's state as PyTorch's uint8 tensor (CPUGeneratorImplState's bytes), and back.
Value state_tensor(const CpuGenerator& g) {
  std::vector<uint8_t> bytes = g.get_state();
  std::vector<double> values(bytes.begin(), bytes.end());
  return Value(from_vector(values, {static_cast<int64_t>(values.size())}, TensorOptions{DType::UInt8, Device{}, false}));
}
void set_state_from(CpuGenerator& g, const Value& state) {
  if (!state.is_tensor()) raise_type_error(std::string("expected a torch.ByteTensor, but got ") + type_name(state));
  const Tensor& t = state.as_tensor();
  if (t.dtype() != DType::UInt8 || t.device().is_cuda()) raise_type_error("RNG state must be a torch.ByteTensor");
  std::vector<int64_t> values = t.to_int64s();
  g.set_state(std::vector<uint8_t>(values.begin(), values.end()));
}
Value t_get_rng_state(Interp&, CallArgs& a) {
  Args args("get_rng_state", a, {}, 0, ArgStyle::Python);
  return state_tensor(random::default_generator());
}
Value t_set_rng_state(Interp&, CallArgs& a) {
  Args args("set_rng_state", a, {"new_state"}, 1, ArgStyle::Python);
  set_state_from(random::default_generator(), *args.get(0));
  return Value();
}

Value t_generator_ctor(Interp&, CallArgs& a) {
  Args args("Generator", a, {"device"}, 0, ArgStyle::Python);
  if (args.has(0)) {
    Device d = args.get(0)->as<DeviceObj>() ? args.get(0)->as<DeviceObj>()->device
                                              : (as_str(*args.get(0)) ? parse_device(*as_str(*args.get(0))) : Device{});
    if (d.is_cuda()) runtime_error("Device type CUDA is not supported for torch.Generator() api.");
  }
  return Value(std::make_shared<TorchGeneratorObj>(std::make_shared<CpuGenerator>()));
}

// ---- in-place Tensor methods -------------------------------------------------------------------
Tensor& self_tensor(const Value& self) { return const_cast<Tensor&>(self.as_tensor()); }

// x.uniform_(from=0, to=1, *, generator=None) and the other samplers of two numbers.
using TwoNumberDraw = Tensor& (*)(Tensor&, double, double, CpuGenerator&);
Value draw_two(const Value& self, CallArgs& a, const char* name, const char* p0, double d0, const char* p1, double d1,
               TwoNumberDraw draw) {
  Args args(name, a, {p0, p1, "generator"}, 0, ArgStyle::Torch, 2);
  draw(self_tensor(self), args.has(0) ? args.number(0) : d0, args.has(1) ? args.number(1) : d1, generator_arg(args, 2));
  return self;
}
Value m_uniform_(Interp&, const Value& self, CallArgs& a) { return draw_two(self, a, "uniform_", "from", 0.0, "to", 1.0, uniform_); }
Value m_normal_(Interp&, const Value& self, CallArgs& a) { return draw_two(self, a, "normal_", "mean", 0.0, "std", 1.0, normal_); }
Value m_random_(Interp&, const Value& self, CallArgs& a) {
  Args args("random_", a, {"from", "to", "generator"}, 0, ArgStyle::Torch, 2);
  CpuGenerator& g = generator_arg(args, 2);
  if (!args.has(0)) {
    random_(self_tensor(self), g);
  } else if (a.npos == 1 && !args.get(1)) {  // random_(to): one number alone is the upper bound
    random_(self_tensor(self), 0, int_arg(*args.get(0), "random_", "to", 1), g);
  } else {
    std::optional<int64_t> to;
    if (args.has(1)) to = int_arg(*args.get(1), "random_", "to", 2);
    random_(self_tensor(self), int_arg(*args.get(0), "random_", "from", 1), to, g);
  }
  return self;
}
Value m_bernoulli_(Interp&, const Value& self, CallArgs& a) {
  Args args("bernoulli_", a, {"p", "generator"}, 0, ArgStyle::Torch, 1);
  CpuGenerator& g = generator_arg(args, 1);
  if (args.has(0) && args.get(0)->is_tensor()) bernoulli_(self_tensor(self), args.get(0)->as_tensor(), g);
  else bernoulli_(self_tensor(self), args.has(0) ? args.number(0) : 0.5, g);
  return self;
}
Value m_exponential_(Interp&, const Value& self, CallArgs& a) {
  Args args("exponential_", a, {"lambd", "generator"}, 0, ArgStyle::Torch, 1);
  exponential_(self_tensor(self), args.has(0) ? args.number(0) : 1.0, generator_arg(args, 1));
  return self;
}
Value m_geometric_(Interp&, const Value& self, CallArgs& a) {
  Args args("geometric_", a, {"p", "generator"}, 1, ArgStyle::Torch, 1);
  geometric_(self_tensor(self), args.number(0), generator_arg(args, 1));
  return self;
}
Value m_log_normal_(Interp&, const Value& self, CallArgs& a) {
  return draw_two(self, a, "log_normal_", "mean", 1.0, "std", 2.0, log_normal_);
}
Value m_cauchy_(Interp&, const Value& self, CallArgs& a) { return draw_two(self, a, "cauchy_", "median", 0.0, "sigma", 1.0, cauchy_); }
Value m_bernoulli(Interp&, const Value& self, CallArgs& a) {
  Args args("bernoulli", a, {"p", "generator"}, 0, ArgStyle::Torch, 1);
  const Tensor& t = self.as_tensor();
  CpuGenerator& g = generator_arg(args, 1);
  return Value(args.has(0) ? bernoulli(t, args.number(0), g) : bernoulli(t, g));
}
Value m_multinomial(Interp&, const Value& self, CallArgs& a) {
  Args args("multinomial", a, {"num_samples", "replacement", "generator"}, 1, ArgStyle::Torch, 2);
  return Value(multinomial(self.as_tensor(), args.int_(0), args.boolean(1, false), generator_arg(args, 2)));
}

// ---- torch.Generator methods -------------------------------------------------------------------
CpuGenerator& gen_of(const Value& self) { return *self.as<TorchGeneratorObj>()->gen; }
Value g_manual_seed(Interp&, const Value& self, CallArgs& a) {
  Args args("manual_seed", a, {"seed"}, 1, ArgStyle::Python);
  gen_of(self).set_seed(seed_arg(*args.get(0)));
  return self;
}
Value g_seed(Interp&, const Value& self, CallArgs& a) {
  Args args("seed", a, {}, 0, ArgStyle::Python);
  return Value(static_cast<int64_t>(gen_of(self).seed_nondeterministic()));
}
Value g_initial_seed(Interp&, const Value& self, CallArgs& a) {
  Args args("initial_seed", a, {}, 0, ArgStyle::Python);
  return seed_value(gen_of(self).initial_seed());
}
Value g_get_state(Interp&, const Value& self, CallArgs& a) {
  Args args("get_state", a, {}, 0, ArgStyle::Python);
  return state_tensor(gen_of(self));
}
Value g_set_state(Interp&, const Value& self, CallArgs& a) {
  Args args("set_state", a, {"new_state"}, 1, ArgStyle::Python);
  set_state_from(gen_of(self), *args.get(0));
  return self;
}

}  // namespace

// Note [One binding row per op]
const Bindings& random_bindings() {
  constexpr unsigned M = kMethod;
  static const Bindings rows = {
      {"uniform_", M, m_uniform_}, {"normal_", M, m_normal_}, {"random_", M, m_random_}, {"bernoulli_", M, m_bernoulli_},
      {"exponential_", M, m_exponential_}, {"geometric_", M, m_geometric_}, {"log_normal_", M, m_log_normal_},
      {"cauchy_", M, m_cauchy_}, {"bernoulli", M, m_bernoulli}, {"bernoulli", kTorch, nullptr, t_bernoulli},
      {"multinomial", M, m_multinomial}, {"multinomial", kTorch, nullptr, t_multinomial},
  };
  return rows;
}

Value torch_generator_attribute(const Value& self, const std::string& name, bool* found) {
  static const std::unordered_map<std::string, MethodFn> methods = {
      {"manual_seed", g_manual_seed}, {"seed", g_seed}, {"initial_seed", g_initial_seed}, {"get_state", g_get_state}, {"set_state", g_set_state},
  };
  *found = true;
  if (name == "device") return make_device(Device{});
  auto it = methods.find(name);
  if (it != methods.end()) return Value(std::make_shared<BoundMethodObj>(self, it->second, name));
  *found = false;
  return Value();
}

void install_random_functions(Interp& in, ModuleObj& torch) {
  auto& t = torch.attrs;
  t["default_generator"] = Value(std::make_shared<TorchGeneratorObj>(in.generator_));
  t["Generator"] = Value(std::make_shared<TypeObj>("Generator", TypeId::Other, t_generator_ctor, "torch._C"));
  t["manual_seed"] = Value(std::make_shared<BuiltinObj>("manual_seed", t_manual_seed));
  t["seed"] = Value(std::make_shared<BuiltinObj>("seed", t_seed));
  t["initial_seed"] = Value(std::make_shared<BuiltinObj>("initial_seed", t_initial_seed));
  t["get_rng_state"] = Value(std::make_shared<BuiltinObj>("get_rng_state", t_get_rng_state));
  t["set_rng_state"] = Value(std::make_shared<BuiltinObj>("set_rng_state", t_set_rng_state));
  t["rand"] = fn("rand", t_rand);
  t["randn"] = fn("randn", t_randn);
  t["randint"] = fn("randint", t_randint);
  t["randperm"] = fn("randperm", t_randperm);
  t["rand_like"] = fn("rand_like", t_rand_like);
  t["randn_like"] = fn("randn_like", t_randn_like);
  t["randint_like"] = fn("randint_like", t_randint_like);
  t["normal"] = fn("normal", t_normal);
  t["poisson"] = fn("poisson", t_poisson);
}

}  // namespace gradlab::script
