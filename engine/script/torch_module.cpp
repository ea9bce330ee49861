// The importable modules: torch (with torch.nn, torch.nn.functional, torch.cuda, torch.autograd)
// and math. The ops' torch.X forms come from the binding tables (Note [One binding row per op],
// bindings.h); factories (tensor, zeros, arange, ...), grad modes and submodules live here. Names that real
// PyTorch has but gradlab does not are listed (python_names.h) so they fail with a clear
// NotImplementedError rather than a misleading AttributeError.
#include <cmath>
#include <numeric>
#include <limits>

#include "engine/backend/backend.h"
#include "engine/format/tensor_repr.h"
#include "engine/script/bindings.h"
#include "engine/script/python_names.h"
#include "engine/script/runtime.h"
#include "engine/tensor.h"
#include "engine/util/glibc_math.h"

namespace gradlab::script {


namespace {

constexpr const char* kTorchInit = "/usr/lib/python3/dist-packages/torch/__init__.py";

Value fn(const char* name, BuiltinFn f) { return Value(std::make_shared<BuiltinObj>(name, f, "type object")); }
Value plain_fn(const char* name, BuiltinFn f) { return Value(std::make_shared<BuiltinObj>(name, f)); }

Value t_tensor(Interp&, CallArgs& a) {
  Args args("tensor", a, {"data", "dtype", "device", "requires_grad", "pin_memory"}, 1, ArgStyle::Torch, 1);
  return tensor_from_value(*args.get(0), factory_options(args, 1, 2, 3));
}

Value t_zeros(Interp&, CallArgs& a) {
  SizedCall c = sized_call(a, "zeros");
  return Value(zeros(c.shape, c.opts));
}
Value t_ones(Interp&, CallArgs& a) {
  SizedCall c = sized_call(a, "ones");
  return Value(ones(c.shape, c.opts));
}
Value t_empty(Interp&, CallArgs& a) {
  SizedCall c = sized_call(a, "empty");
  return Value(zeros(c.shape, c.opts));  // PyTorch leaves memory uninitialised; zeros are as good as any
}

Value t_full(Interp&, CallArgs& a) {
  Args args("full", a, {"size", "fill_value", "dtype", "device", "requires_grad"}, 2, ArgStyle::Torch, 2);
  Shape s = value_to_shape(*args.get(0), "full");
  TensorOptions o = factory_options(args, 2, 3, 4);
  Scalar v = args.scalar(1);
  if (!o.dtype) o.dtype = args.get(1)->is_bool() ? DType::Bool : v.is_integral ? DType::Int64 : DType::Float32;
  return Value(full(s, v, o));
}

Value like(CallArgs& a, const char* name, int kind) {
  Args args(name, a, kind == 2 ? std::initializer_list<const char*>{"input", "fill_value", "dtype", "device", "requires_grad"}
                               : std::initializer_list<const char*>{"input", "dtype", "device", "requires_grad"},
            kind == 2 ? 2 : 1, ArgStyle::Torch, kind == 2 ? 2 : 1);
  Tensor t = args.tensor(0);
  size_t off = kind == 2 ? 1 : 0;
  TensorOptions o = factory_options(args, 1 + off, 2 + off, 3 + off);
  if (kind == 0) return Value(zeros_like(t, o));
  if (kind == 1) return Value(ones_like(t, o));
  return Value(full_like(t, args.scalar(1), o));
}
Value t_zeros_like(Interp&, CallArgs& a) { return like(a, "zeros_like", 0); }
Value t_empty_like(Interp&, CallArgs& a) { return like(a, "empty_like", 0); }  // zeros, as torch.empty
Value t_ones_like(Interp&, CallArgs& a) { return like(a, "ones_like", 1); }
Value t_full_like(Interp&, CallArgs& a) { return like(a, "full_like", 2); }

Value t_arange(Interp&, CallArgs& a) {
  Args args("arange", a, {"start", "end", "step", "dtype", "device", "requires_grad"}, 1, ArgStyle::Torch, 3);
  Scalar start(int64_t{0}), end = args.scalar(0), step(int64_t{1});
  if (args.has(1)) {
    start = args.scalar(0);
    end = args.scalar(1);
  }
  if (args.has(2)) step = args.scalar(2);
  return Value(arange(start, end, step, factory_options(args, 3, 4, 5)));
}

// torch.set_printoptions, as torch/_tensor_str.py: a profile first, then each option given;
// sci_mode is always assigned (None returns it to automatic).
Value t_set_printoptions(Interp&, CallArgs& a) {
  Args args("set_printoptions", a, {"precision", "threshold", "edgeitems", "linewidth", "profile", "sci_mode"}, 0, ArgStyle::Python);
  PrintOptions o = print_options();
  if (args.has(4) && !args.get(4)->is_none()) {
    const std::string* profile = as_str(*args.get(4));
    if (profile && *profile == "default") o = PrintOptions{};
    else if (profile && *profile == "short") o = PrintOptions{2, 1000, 2, 80, -1};
    else if (profile && *profile == "full") o = PrintOptions{4, std::numeric_limits<double>::infinity(), 3, 80, -1};
  }
  auto given = [&](size_t i) { return args.has(i) && !args.get(i)->is_none(); };
  if (given(0)) o.precision = static_cast<int>(args.int_(0));
  if (given(1)) o.threshold = args.number(1);
  if (given(2)) o.edgeitems = args.int_(2);
  if (given(3)) o.linewidth = args.int_(3);
  o.sci_mode = given(5) ? (args.boolean(5, false) ? 1 : 0) : -1;
  set_print_options(o);
  return Value();
}

// The default floating dtype: gradlab's is float32, fixed (kDefaultFloat). Setting it to float32
// (the tutorials' reproducibility line) is accepted; float64 is not supported yet; anything else
// gets PyTorch's TypeError.
void set_default_float(DType d) {
  if (!is_floating(d)) raise_type_error("only floating-point types are supported as the default type");
  if (d != kDefaultFloat) raise_not_supported("a default dtype other than torch.float32");
}
Value t_get_default_dtype(Interp&, CallArgs& a) {
  Args args("get_default_dtype", a, {}, 0, ArgStyle::Python);
  return make_dtype(kDefaultFloat);
}
Value t_set_default_dtype(Interp&, CallArgs& a) {
  Args args("set_default_dtype", a, {"d"}, 1, ArgStyle::Python);
  auto* d = args.get(0)->as<DTypeObj>();
  if (!d) raise_type_error("invalid dtype object: only floating-point types are supported as the default type");
  set_default_float(d->dtype);
  return Value();
}
Value t_set_default_tensor_type(Interp&, CallArgs& a) {
  Args args("set_default_tensor_type", a, {"t"}, 1, ArgStyle::Python);
  std::string name;
  if (const std::string* s = as_str(*args.get(0))) name = *s;
  else if (auto* type = args.get(0)->as<TypeObj>(); type && std::string(type->module) == "torch") name = "torch." + type->name;
  else raise_type_error("invalid type object: only floating-point types are supported as the default type");
  if (name == "torch.FloatTensor") set_default_float(DType::Float32);
  else if (name == "torch.DoubleTensor") set_default_float(DType::Float64);
  else if (name == "torch.Tensor") set_default_float(DType::Float32);
  else if (name == "torch.LongTensor") set_default_float(DType::Int64);
  else raise_not_supported("torch.set_default_tensor_type('" + name + "')");
  return Value();
}

// torch.eye(n, m=n): ones on the diagonal.
Value t_eye(Interp&, CallArgs& a) {
  Args args("eye", a, {"n", "m", "dtype", "device", "requires_grad", "layout", "pin_memory"}, 1, ArgStyle::Torch, 2);
  const int64_t n = args.int_(0), m = args.has(1) ? args.int_(1) : n;
  if (n < 0) raise("RuntimeError", "n must be greater or equal to 0, got " + std::to_string(n));
  if (m < 0) raise("RuntimeError", "m must be greater or equal to 0, got " + std::to_string(m));
  std::vector<double> values(static_cast<size_t>(n * m), 0.0);
  for (int64_t i = 0; i < std::min(n, m); ++i) values[static_cast<size_t>(i * m + i)] = 1.0;
  return Value(from_vector(values, {n, m}, factory_options(args, 2, 3, 4)));
}

// torch.range(start, end, step=1): deprecated, end included, float by default. Each value is
// start + i * step in double, then rounded to the dtype, as ATen's range kernel computes it.
Value t_range(Interp& in, CallArgs& a) {
  Args args("range", a, {"start", "end", "step", "dtype", "device", "requires_grad"}, 2, ArgStyle::Torch, 3);
  in.warn("UserWarning", "torch.range is deprecated and will be removed in a future release because its behavior is "
                         "inconsistent with Python's range builtin. Instead, use torch.arange, which produces values in "
                         "[start, end).");
  const double start = args.number(0), end = args.number(1), step = args.has(2) ? args.number(2) : 1.0;
  if (step == 0) raise("RuntimeError", "step must be nonzero");
  if ((step > 0 && end < start) || (step < 0 && end > start))
    raise("RuntimeError", "upper bound and larger bound inconsistent with step sign");
  const int64_t size = static_cast<int64_t>(std::floor((end - start) / step)) + 1;
  std::vector<double> values(static_cast<size_t>(size));
  for (int64_t i = 0; i < size; ++i) values[static_cast<size_t>(i)] = start + step * static_cast<double>(i);
  TensorOptions o = factory_options(args, 3, 4, 5);
  if (!o.dtype) o.dtype = kDefaultFloat;
  return Value(from_vector(values, {size}, o));
}

Value t_linspace(Interp&, CallArgs& a) {
  Args args("linspace", a, {"start", "end", "steps", "dtype", "device", "requires_grad"}, 3, ArgStyle::Torch, 3);
  return Value(linspace(args.number(0), args.number(1), args.int_(2), factory_options(args, 3, 4, 5)));
}

Value t_is_tensor(Interp&, CallArgs& a) {
  Args args("is_tensor", a, {"obj"}, 1);
  return Value(args.get(0)->is_tensor());
}

Value t_no_grad(Interp&, CallArgs& a) {
  Args args("no_grad", a, {}, 0);
  return Value(std::make_shared<ContextObj>(false));
}
Value t_enable_grad(Interp&, CallArgs& a) {
  Args args("enable_grad", a, {}, 0);
  return Value(std::make_shared<ContextObj>(true));
}
Value t_is_grad_enabled(Interp&, CallArgs& a) {
  Args args("is_grad_enabled", a, {}, 0);
  return Value(grad_mode_enabled());
}
Value t_set_grad_enabled(Interp&, CallArgs& a) {
  Args args("set_grad_enabled", a, {"mode"}, 1);
  bool mode = args.boolean(0, true);
  auto c = std::make_shared<ContextObj>(mode, ContextObj::Kind::SetGradEnabled);
  c->previous = grad_mode_enabled();
  set_grad_mode(mode);
  return Value(std::move(c));
}
Value t_inference_mode(Interp&, CallArgs& a) {
  Args args("inference_mode", a, {"mode"}, 0);
  return Value(std::make_shared<ContextObj>(!args.boolean(0, true), ContextObj::Kind::InferenceMode));
}
Value t_is_inference_mode_enabled(Interp&, CallArgs& a) {
  Args args("is_inference_mode_enabled", a, {}, 0);
  return Value(inference_mode_enabled());
}

// The legacy constructors torch.Tensor(...), torch.FloatTensor(...), ...: data (a list or
// tuple) becomes a tensor of the constructor's dtype; sizes (ints or a torch.Size) give an
// uninitialised one in PyTorch, zeros here; a tensor of the same dtype comes back as it is.
Value legacy_tensor(CallArgs& a, DType dtype) {
  auto got = [&] {
    std::string g;
    for (size_t i = 0; i < a.npos; ++i) g += std::string(i ? ", " : "") + type_name(a.pos[i]);
    for (size_t i = 0; i < a.nkw; ++i) g += std::string(g.empty() ? "" : ", ") + a.kw_names[i] + "=" + type_name(a.kw[i]);
    return g;
  };
  if (a.nkw) raise_type_error("new() received an invalid combination of arguments - got (" + got() + "), but expected one of:");
  if (a.npos == 0) return Value(zeros({0}, TensorOptions{dtype}));
  const Value& first = a.pos[0];
  if (a.npos == 1 && first.is_tensor()) {
    if (first.as_tensor().dtype() != dtype && dtype != kDefaultFloat)
      raise_type_error(std::string("expected ") + dtype_scalar_name(dtype) + " (got " + dtype_scalar_name(first.as_tensor().dtype()) + ")");
    return first;
  }
  if (a.npos == 1 && (first.as<SeqObj>() && first.as<SeqObj>()->type != ObjType::Size))
    return tensor_from_value(first, TensorOptions{dtype});
  if (a.npos == 1 && !first.is_intlike() && !first.as<SeqObj>()) {
    if (first.is_float()) raise_type_error("new(): data must be a sequence (got float)");
    raise_type_error(std::string("new(): invalid data type '") + type_name(first) + "'");
  }
  return Value(zeros(to_shape(a, 0, "Tensor"), TensorOptions{dtype}));
}
// torch.FloatTensor(...), torch.IntTensor(...), ...: legacy_tensor of that dtype.
template <DType D>
Value t_typed_tensor(Interp&, CallArgs& a) { return legacy_tensor(a, D); }

// torch.autograd.Variable(data, requires_grad=False): since PyTorch 0.4 a tensor, detached
// from data's history, as a new leaf.
Value t_variable(Interp&, CallArgs& a) {
  Args args("Variable", a, {"data", "requires_grad", "volatile"}, 1, ArgStyle::Python);
  if (!args.get(0)->is_tensor()) raise_type_error(std::string("Variable data has to be a tensor, but got ") + type_name(*args.get(0)));
  Tensor t = args.get(0)->as_tensor().detach();
  if (args.boolean(1, false)) t.requires_grad_(true);
  return Value(t);
}

Value t_size_ctor(Interp& in, CallArgs& a) {
  Args args("Size", a, {"sizes"}, 0, ArgStyle::Python);
  if (!args.get(0)) return make_size({});
  Shape s;
  for (const Value& v : to_vector(in, *args.get(0))) {
    if (!v.is_intlike()) raise_type_error(std::string("torch.Size() takes an iterable of 'int' (item 0 is '") + type_name(v) + "')");
    s.push_back(v.as_int());
  }
  return make_size(s);
}

Value t_device_ctor(Interp&, CallArgs& a) {
  Args args("device", a, {"type", "index"}, 1, ArgStyle::Python);
  if (auto* d = args.get(0)->as<DeviceObj>()) return make_device(d->device);
  const std::string* s = as_str(*args.get(0));
  if (!s) raise_type_error(std::string("device() received an invalid combination of arguments - got (") + type_name(*args.get(0)) + ")");
  std::string text = *s;
  if (args.has(1)) text += ":" + std::to_string(args.int_(1));
  return make_device(parse_device(text));
}

Value cuda_is_available(Interp&, CallArgs& a) {
  Args args("is_available", a, {}, 0);
  return Value(cuda_device_count() > 0);
}
Value cuda_device_count_fn(Interp&, CallArgs& a) {
  Args args("device_count", a, {}, 0);
  return Value(static_cast<int64_t>(cuda_device_count()));
}

// torch.cuda.manual_seed(_all): PyTorch seeds the CUDA generators lazily, so the call is fine
// without a GPU. gradlab samples only on the CPU (sampling.h), so there is nothing to seed.
Value cuda_manual_seed(Interp&, CallArgs& a) {
  Args args("manual_seed", a, {"seed"}, 1, ArgStyle::Python);
  return Value();
}

// ---- math ----------------------------------------------------------------------------------------
double math_arg(CallArgs& a, const char* name) {
  if (a.nkw) raise_type_error(std::string("math.") + name + "() takes no keyword arguments");
  if (a.npos != 1) raise_type_error(std::string("math.") + name + "() takes exactly one argument (" + std::to_string(a.npos) + " given)");
  const Value& v = a.pos[0];
  if (v.is_tensor() && v.as_tensor().numel() != 1) raise_type_error("only one element tensors can be converted to Python scalars");
  if (!v.is_number() && !v.is_tensor()) raise_type_error(std::string("must be real number, not ") + type_name(v));
  return to_double(v, "math");
}

Value math_result(double r, bool domain_ok, double x) {
  if (!domain_ok || (std::isnan(r) && !std::isnan(x))) raise_value_error("math domain error");
  if (std::isinf(r) && std::isfinite(x)) raise("OverflowError", "math range error");
  return Value(r);
}

// CPython's math functions call the C library: glibc_* gives glibc's results in every build
// (Note [glibc's libm]); the others are std:: (glibc natively, musl in wasm).
#define GRADLAB_MATH1(name, expr, domain)                      \
  Value m_##name(Interp&, CallArgs& a) {                       \
    double x = math_arg(a, #name);                             \
    return math_result(expr, domain, x);                       \
  }
GRADLAB_MATH1(sqrt, std::sqrt(x), x >= 0 || std::isnan(x))
GRADLAB_MATH1(exp, glibc_exp(x), true)
GRADLAB_MATH1(log2, std::log2(x), x > 0 || std::isnan(x))
GRADLAB_MATH1(log10, std::log10(x), x > 0 || std::isnan(x))
GRADLAB_MATH1(log1p, std::log1p(x), x > -1 || std::isnan(x))
GRADLAB_MATH1(sin, glibc_sin(x), !std::isinf(x))
GRADLAB_MATH1(cos, glibc_cos(x), !std::isinf(x))
GRADLAB_MATH1(tan, std::tan(x), !std::isinf(x))
GRADLAB_MATH1(asin, std::asin(x), (x >= -1 && x <= 1) || std::isnan(x))
GRADLAB_MATH1(acos, std::acos(x), (x >= -1 && x <= 1) || std::isnan(x))
GRADLAB_MATH1(atan, std::atan(x), true)
GRADLAB_MATH1(sinh, glibc_sinh(x), true)
GRADLAB_MATH1(cosh, glibc_cosh(x), true)
GRADLAB_MATH1(tanh, glibc_tanh(x), true)
GRADLAB_MATH1(fabs, std::fabs(x), true)
GRADLAB_MATH1(erf, std::erf(x), true)
GRADLAB_MATH1(degrees, x * 180.0 / M_PI, true)
GRADLAB_MATH1(radians, x * M_PI / 180.0, true)
GRADLAB_MATH1(acosh, std::acosh(x), x >= 1 || std::isnan(x))
GRADLAB_MATH1(asinh, std::asinh(x), true)
GRADLAB_MATH1(atanh, std::atanh(x), (x > -1 && x < 1) || std::isnan(x))
GRADLAB_MATH1(erfc, std::erfc(x), true)
GRADLAB_MATH1(exp2, std::exp2(x), true)
GRADLAB_MATH1(expm1, glibc_expm1(x), true)
// (gamma and lgamma stay unsupported: CPython computes them with its own Lanczos sums, whose
// last digits differ from the C library's; so does cbrt, whose glibc and musl (wasm) results
// differ in the last digit: cbrt(27) is 3.0000000000000004 in CPython on glibc)
#undef GRADLAB_MATH1

Value m_log(Interp&, CallArgs& a) {
  if (a.npos < 1 || a.npos > 2 || a.nkw) raise_type_error("log expected 1 or 2 arguments, got " + std::to_string(a.npos));
  double x = to_double(a.pos[0], "math.log");
  if (!(x > 0) && !std::isnan(x)) raise_value_error("math domain error");
  double r = glibc_log(x);
  if (a.npos == 2) {
    double b = to_double(a.pos[1], "math.log");
    if (!(b > 0)) raise_value_error("math domain error");
    double lb = glibc_log(b);
    if (lb == 0) raise("ZeroDivisionError", "float division by zero");
    r /= lb;
  }
  return Value(r);
}

Value float_to_int_value(double d) {
  if (std::isinf(d)) raise("OverflowError", "cannot convert float infinity to integer");
  if (std::isnan(d)) raise_value_error("cannot convert float NaN to integer");
  if (d >= 9.223372036854775807e18 || d < -9.223372036854775808e18) raise("OverflowError", "int too large: gradlab's ints are 64-bit");
  return Value(static_cast<int64_t>(d));
}
Value m_floor(Interp&, CallArgs& a) {
  if (a.npos == 1 && a.pos[0].is_intlike()) return Value(a.pos[0].as_int());
  return float_to_int_value(std::floor(math_arg(a, "floor")));
}
Value m_ceil(Interp&, CallArgs& a) {
  if (a.npos == 1 && a.pos[0].is_intlike()) return Value(a.pos[0].as_int());
  return float_to_int_value(std::ceil(math_arg(a, "ceil")));
}
Value m_trunc(Interp&, CallArgs& a) {
  if (a.npos == 1 && a.pos[0].is_intlike()) return Value(a.pos[0].as_int());
  return float_to_int_value(std::trunc(math_arg(a, "trunc")));
}

double two_args(CallArgs& a, const char* name, double* y) {
  if (a.npos != 2 || a.nkw) raise_type_error(std::string(name) + " expected 2 arguments, got " + std::to_string(a.npos));
  *y = to_double(a.pos[1], name);
  return to_double(a.pos[0], name);
}
Value m_pow(Interp&, CallArgs& a) {
  double y;
  double x = two_args(a, "pow", &y);
  if (x == 0 && y < 0) raise_value_error("math domain error");
  if (x < 0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y)) raise_value_error("math domain error");
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) raise("OverflowError", "math range error");
  return Value(r);
}
Value m_atan2(Interp&, CallArgs& a) {
  double x;
  double y = two_args(a, "atan2", &x);
  return Value(glibc_atan2(y, x));
}
// Note [CPython's vector norm]: math.hypot and math.dist are not the C library's hypot but
// CPython 3.11's vector_norm, which is correctly rounded far more often: the magnitudes scaled by
// a power of two to below 1; each square split exactly (Veltkamp-Dekker: x = hi + lo, 27 bits
// each) and its parts added with Neumaier compensation onto a running sum that starts at 1.0
// (so it always outweighs the term and each addition's error is exact); the square root of the
// sum; then h² subtracted the same way and h corrected by the remainder / 2h, scaled back. Bit
// for bit CPython's on 300 000 random coordinate lists (lengths 0 to 7, subnormal to huge).
void split_27(double x, double& hi, double& lo) {
  const double t = x * 134217729.0;  // 2^27 + 1
  hi = t - (t - x);
  lo = x - hi;
}
struct CompensatedSum {
  double sum = 1.0;
  double frac[3] = {0.0, 0.0, 0.0};
  void add(double x, int part) {
    const double before = sum;
    sum += x;
    frac[part] += (before - sum) + x;
  }
  double total() const { return sum - 1.0 + (frac[0] + frac[1] + frac[2]); }
};

// magnitudes: |x| of each coordinate; largest: their maximum.
double vector_norm(std::vector<double> magnitudes, double largest, bool found_nan) {
  if (std::isinf(largest)) return largest;
  if (found_nan) return std::numeric_limits<double>::quiet_NaN();
  if (largest == 0.0 || magnitudes.size() <= 1) return largest;
  int exponent;
  std::frexp(largest, &exponent);
  if (exponent < -1023) {  // 2^-exponent would overflow: make the subnormals normal first
    constexpr double kMinNormal = std::numeric_limits<double>::min();
    for (double& m : magnitudes) m /= kMinNormal;
    return kMinNormal * vector_norm(std::move(magnitudes), largest / kMinNormal, false);
  }
  const double scale = std::ldexp(1.0, -exponent);
  CompensatedSum squares;
  double hi, lo;
  for (double m : magnitudes) {
    split_27(m * scale, hi, lo);
    squares.add(hi * hi, 0);
    squares.add(2.0 * hi * lo, 1);
    squares.frac[2] += lo * lo;  // below half an ulp of the sum: no compensation needed
  }
  const double h = std::sqrt(squares.total());
  split_27(h, hi, lo);
  squares.add(-hi * hi, 0);
  squares.add(-2.0 * hi * lo, 1);
  squares.add(-lo * lo, 2);
  return (h + squares.total() / (2.0 * h)) / scale;
}

// math.hypot(*coordinates) (Note [CPython's vector norm]).
Value m_hypot(Interp&, CallArgs& a) {
  std::vector<double> magnitudes;
  double largest = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < a.npos; ++i) {
    const double m = std::fabs(to_double(a.pos[i], "hypot"));
    magnitudes.push_back(m);
    found_nan |= std::isnan(m);
    if (m > largest) largest = m;
  }
  return Value(vector_norm(std::move(magnitudes), largest, found_nan));
}
Value m_copysign(Interp&, CallArgs& a) {
  double y;
  double x = two_args(a, "copysign", &y);
  return Value(std::copysign(x, y));
}
Value m_isnan(Interp&, CallArgs& a) { return Value(std::isnan(math_arg(a, "isnan"))); }
Value m_isinf(Interp&, CallArgs& a) { return Value(std::isinf(math_arg(a, "isinf"))); }
Value m_isfinite(Interp&, CallArgs& a) { return Value(std::isfinite(math_arg(a, "isfinite"))); }
Value m_isclose(Interp&, CallArgs& a) {
  Args args("isclose", a, {"a", "b", "rel_tol", "abs_tol"}, 2, ArgStyle::Python, 2);
  double x = to_double(*args.get(0), "isclose"), y = to_double(*args.get(1), "isclose");
  double rel = args.has(2) ? to_double(*args.get(2), "isclose") : 1e-9, abs_tol = args.has(3) ? to_double(*args.get(3), "isclose") : 0.0;
  if (rel < 0 || abs_tol < 0) raise_value_error("tolerances must be non-negative");
  if (x == y) return Value(true);
  if (std::isinf(x) || std::isinf(y)) return Value(false);
  double diff = std::fabs(y - x);
  return Value(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs_tol);
}
Value m_factorial(Interp&, CallArgs& a) {
  if (a.npos != 1 || !a.pos[0].is_intlike()) raise_type_error("factorial() only accepts integral values");
  int64_t n = a.pos[0].as_int();
  if (n < 0) raise_value_error("factorial() not defined for negative values");
  int64_t r = 1;
  for (int64_t i = 2; i <= n; ++i)
    if (__builtin_mul_overflow(r, i, &r)) raise("OverflowError", "int too large: gradlab's ints are 64-bit");
  return Value(r);
}
Value m_gcd(Interp&, CallArgs& a) {
  int64_t g = 0;
  for (size_t i = 0; i < a.npos; ++i) {
    if (!a.pos[i].is_intlike()) raise_type_error(std::string("'") + type_name(a.pos[i]) + "' object cannot be interpreted as an integer");
    int64_t x = a.pos[i].as_int();
    x = x < 0 ? -x : x;
    while (x) {
      int64_t t = g % x;
      g = x;
      x = t;
    }
  }
  return Value(g);
}
Value m_fsum(Interp& in, CallArgs& a) {
  Args args("fsum", a, {"seq"}, 1, ArgStyle::Python);
  // Neumaier summation: exact enough for learners' sums.
  double s = 0, c = 0;
  for (const Value& v : to_vector(in, *args.get(0))) {
    double x = to_double(v, "fsum");
    double t = s + x;
    c += std::fabs(s) >= std::fabs(x) ? (s - t) + x : (x - t) + s;
    s = t;
  }
  return Value(s + c);
}
Value m_prod(Interp& in, CallArgs& a) {
  Args args("prod", a, {"iterable", "start"}, 1, ArgStyle::Python, 1);
  Value acc = args.get(1) ? *args.get(1) : Value(int64_t{1});
  for (const Value& v : to_vector(in, *args.get(0))) acc = binary_op(BinOpKind::Mul, acc, v);
  return acc;
}

// Names of torch.cuda / torch.autograd that real PyTorch has (for clear "not supported" errors).
const char* const kCudaNames[] = {"current_device", "empty_cache", "get_device_name",
                                  "memory_allocated", "set_device", "synchronize", "device", "Event", "Stream", nullptr};
// The functions of torch.special in PyTorch 1.13.1 (dir(torch.special)).
const char* const kSpecialNames[] = {
    "airy_ai", "bessel_j0", "bessel_j1", "bessel_y0", "bessel_y1", "chebyshev_polynomial_t",
    "chebyshev_polynomial_u", "chebyshev_polynomial_v", "chebyshev_polynomial_w", "digamma", "entr",
    "erf", "erfc", "erfcx", "erfinv", "exp2", "expit", "expm1", "gammainc", "gammaincc", "gammaln",
    "hermite_polynomial_h", "hermite_polynomial_he", "i0", "i0e", "i1", "i1e", "laguerre_polynomial_l",
    "legendre_polynomial_p", "log1p", "log_ndtr", "log_softmax", "logit", "logsumexp",
    "modified_bessel_i0", "modified_bessel_i1", "modified_bessel_k0", "modified_bessel_k1",
    "multigammaln", "ndtr", "ndtri", "polygamma", "psi", "round", "scaled_modified_bessel_k0",
    "scaled_modified_bessel_k1", "shifted_chebyshev_polynomial_t", "shifted_chebyshev_polynomial_u",
    "shifted_chebyshev_polynomial_v", "shifted_chebyshev_polynomial_w", "sinc", "softmax",
    "spherical_bessel_j0", "xlog1py", "xlogy", "zeta", nullptr};
const char* const kAutogradNames[] = {"Function", "backward", "grad", "graph", "profiler", "set_detect_anomaly", "detect_anomaly", nullptr};

Value new_module(const std::string& name, const std::string& file, const char* const* real_names) {
  auto m = std::make_shared<ModuleObj>(name, file);
  m->known_missing = real_names;
  return Value(ObjRef(m));
}

}  // namespace

Value legacy_tensor_ctor(Interp&, CallArgs& a) { return legacy_tensor(a, kDefaultFloat); }
int64_t math_int(const Value& v, const char* name) {
  if (!v.is_intlike()) raise_type_error(std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
  return v.as_int();
}
Value m_fmod(Interp&, CallArgs& a) {
  double y, x = two_args(a, "fmod", &y);
  if (std::isinf(x) || (y == 0 && !std::isnan(x))) raise_value_error("math domain error");
  return Value(std::fmod(x, y));
}
Value m_remainder(Interp&, CallArgs& a) {
  double y, x = two_args(a, "remainder", &y);
  if (std::isinf(x) || (y == 0 && !std::isnan(x))) raise_value_error("math domain error");
  return Value(std::remainder(x, y));
}
Value m_nextafter(Interp&, CallArgs& a) {
  double y, x = two_args(a, "nextafter", &y);
  return Value(std::nextafter(x, y));
}
Value m_ldexp(Interp&, CallArgs& a) {
  if (a.npos != 2 || a.nkw) raise_type_error("ldexp expected 2 arguments, got " + std::to_string(a.npos));
  double x = to_double(a.pos[0], "ldexp");
  int64_t e = math_int(a.pos[1], "ldexp");
  double r = std::ldexp(x, static_cast<int>(std::clamp<int64_t>(e, -100000, 100000)));
  if (std::isinf(r) && std::isfinite(x)) raise("OverflowError", "math range error");
  return Value(r);
}
Value m_frexp(Interp&, CallArgs& a) {
  double x = math_arg(a, "frexp");
  int e = 0;
  double m = std::isfinite(x) ? std::frexp(x, &e) : x;
  return make_tuple({Value(m), Value(int64_t{e})});
}
Value m_modf(Interp&, CallArgs& a) {
  double x = math_arg(a, "modf"), ip;
  if (std::isinf(x)) return make_tuple({Value(std::copysign(0.0, x)), Value(x)});
  double fp = std::modf(x, &ip);
  return make_tuple({Value(fp), Value(ip)});
}
Value m_ulp(Interp&, CallArgs& a) {
  double x = std::fabs(math_arg(a, "ulp"));
  if (std::isnan(x) || std::isinf(x)) return Value(x);
  double next = std::nextafter(x, INFINITY);
  if (std::isinf(next)) return Value(x - std::nextafter(x, -INFINITY));
  return Value(next - x);
}
Value m_isqrt(Interp&, CallArgs& a) {
  if (a.npos != 1 || a.nkw) raise_type_error("math.isqrt() takes exactly one argument (" + std::to_string(a.npos) + " given)");
  int64_t n = math_int(a.pos[0], "isqrt");
  if (n < 0) raise_value_error("isqrt() argument must be nonnegative");
  int64_t r = static_cast<int64_t>(std::sqrt(static_cast<double>(n)));
  while (r > 0 && (__int128)r * r > n) --r;
  while ((__int128)(r + 1) * (r + 1) <= n) ++r;
  return Value(r);
}
int64_t checked_mul(int64_t x, int64_t y) {
  int64_t r;
  if (__builtin_mul_overflow(x, y, &r)) raise("OverflowError", "int too large: gradlab's ints are 64-bit");
  return r;
}
Value m_comb_perm(CallArgs& a, const char* name, bool comb) {
  if (a.nkw || a.npos < 1 || a.npos > 2 || (comb && a.npos != 2))
    raise_type_error(std::string(name) + " expected 2 arguments, got " + std::to_string(a.npos));
  int64_t n = math_int(a.pos[0], name), k = a.npos == 2 && !a.pos[1].is_none() ? math_int(a.pos[1], name) : n;
  if (n < 0) raise_value_error("n must be a non-negative integer");
  if (k < 0) raise_value_error("k must be a non-negative integer");
  if (k > n) return Value(int64_t{0});
  int64_t r = 1;
  if (comb) {
    k = std::min(k, n - k);
    for (int64_t i = 1; i <= k; ++i) r = checked_mul(r, n - k + i) / i;
  } else {
    for (int64_t i = 0; i < k; ++i) r = checked_mul(r, n - i);
  }
  return Value(r);
}
Value m_comb(Interp&, CallArgs& a) { return m_comb_perm(a, "comb", true); }
Value m_perm(Interp&, CallArgs& a) { return m_comb_perm(a, "perm", false); }
Value m_lcm(Interp&, CallArgs& a) {
  if (a.nkw) raise_type_error("math.lcm() takes no keyword arguments");
  int64_t r = 1;
  for (size_t i = 0; i < a.npos; ++i) {
    int64_t v = math_int(a.pos[i], "lcm");
    v = v < 0 ? -v : v;
    if (v == 0 || r == 0) {
      r = 0;
      continue;
    }
    r = checked_mul(r / std::gcd(r, v), v);
  }
  return Value(r);
}
Value m_dist(Interp& in, CallArgs& a) {
  if (a.npos != 2 || a.nkw) raise_type_error("dist expected 2 arguments, got " + std::to_string(a.npos));
  std::vector<Value> p = to_vector(in, a.pos[0]), q = to_vector(in, a.pos[1]);
  if (p.size() != q.size()) raise_value_error("both points must have the same number of dimensions");
  std::vector<double> magnitudes;
  double largest = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < p.size(); ++i) {
    const double m = std::fabs(to_double(p[i], "dist") - to_double(q[i], "dist"));
    magnitudes.push_back(m);
    found_nan |= std::isnan(m);
    if (m > largest) largest = m;
  }
  return Value(vector_norm(std::move(magnitudes), largest, found_nan));  // Note [CPython's vector norm]
}

Value make_math_module(Interp&) {
  Value mv = new_module("math", "", names::kMathDir);
  auto& m = mv.as<ModuleObj>()->attrs;
  m["pi"] = Value(M_PI);
  m["e"] = Value(M_E);
  m["tau"] = Value(2 * M_PI);
  m["inf"] = Value(std::numeric_limits<double>::infinity());
  m["nan"] = Value(std::numeric_limits<double>::quiet_NaN());
  struct Row {
    const char* name;
    BuiltinFn f;
  };
  static const Row rows[] = {
      {"sqrt", m_sqrt}, {"exp", m_exp}, {"log", m_log}, {"log2", m_log2}, {"log10", m_log10}, {"log1p", m_log1p},
      {"sin", m_sin}, {"cos", m_cos}, {"tan", m_tan}, {"asin", m_asin}, {"acos", m_acos}, {"atan", m_atan},
      {"atan2", m_atan2}, {"sinh", m_sinh}, {"cosh", m_cosh}, {"tanh", m_tanh}, {"fabs", m_fabs}, {"erf", m_erf},
      {"floor", m_floor}, {"ceil", m_ceil}, {"trunc", m_trunc}, {"pow", m_pow}, {"hypot", m_hypot},
      {"copysign", m_copysign}, {"isnan", m_isnan}, {"isinf", m_isinf}, {"isfinite", m_isfinite},
      {"isclose", m_isclose}, {"factorial", m_factorial}, {"gcd", m_gcd}, {"degrees", m_degrees},
      {"radians", m_radians}, {"fsum", m_fsum}, {"prod", m_prod}, {"acosh", m_acosh}, {"asinh", m_asinh},
      {"atanh", m_atanh}, {"erfc", m_erfc}, {"exp2", m_exp2}, {"expm1", m_expm1}, {"fmod", m_fmod}, {"remainder", m_remainder}, {"nextafter", m_nextafter}, {"ldexp", m_ldexp},
      {"frexp", m_frexp}, {"modf", m_modf}, {"ulp", m_ulp}, {"isqrt", m_isqrt}, {"comb", m_comb}, {"perm", m_perm},
      {"lcm", m_lcm}, {"dist", m_dist},
  };
  for (const auto& r : rows) m[r.name] = plain_fn(r.name, r.f);
  return mv;
}

Value make_torch_module(Interp& in) {
  Value tv = new_module("torch", kTorchInit, names::kTorchDir);
  auto& t = tv.as<ModuleObj>()->attrs;
  t["__version__"] = make_str("1.13.1");
  t["float32"] = t["float"] = make_dtype(DType::Float32);
  t["float64"] = t["double"] = make_dtype(DType::Float64);
  t["int64"] = t["long"] = make_dtype(DType::Int64);
  t["int32"] = t["int"] = make_dtype(DType::Int32);
  t["int16"] = t["short"] = make_dtype(DType::Int16);
  t["int8"] = make_dtype(DType::Int8);
  t["uint8"] = make_dtype(DType::UInt8);
  t["float16"] = t["half"] = make_dtype(DType::Float16);
  t["bfloat16"] = make_dtype(DType::BFloat16);
  t["bool"] = make_dtype(DType::Bool);
  t["Tensor"] = builtin_type(TypeId::Tensor);  // constructed by legacy_tensor_ctor
  auto legacy_type = [&](const char* name, BuiltinFn ctor) {
    t[name] = Value(std::make_shared<TypeObj>(name, TypeId::Other, ctor, "torch"));
  };
  legacy_type("FloatTensor", t_typed_tensor<DType::Float32>);
  legacy_type("DoubleTensor", t_typed_tensor<DType::Float64>);
  legacy_type("LongTensor", t_typed_tensor<DType::Int64>);
  legacy_type("IntTensor", t_typed_tensor<DType::Int32>);
  legacy_type("ShortTensor", t_typed_tensor<DType::Int16>);
  legacy_type("CharTensor", t_typed_tensor<DType::Int8>);
  legacy_type("ByteTensor", t_typed_tensor<DType::UInt8>);
  legacy_type("HalfTensor", t_typed_tensor<DType::Float16>);
  legacy_type("BFloat16Tensor", t_typed_tensor<DType::BFloat16>);
  legacy_type("BoolTensor", t_typed_tensor<DType::Bool>);
  t["Size"] = Value(std::make_shared<TypeObj>("Size", TypeId::Size, t_size_ctor, "torch"));
  t["dtype"] = builtin_type(TypeId::DType);
  t["device"] = Value(std::make_shared<TypeObj>("device", TypeId::Device, t_device_ctor, "torch"));
  t["tensor"] = fn("tensor", t_tensor);
  t["zeros"] = fn("zeros", t_zeros);
  t["ones"] = fn("ones", t_ones);
  t["empty"] = fn("empty", t_empty);
  t["full"] = fn("full", t_full);
  t["zeros_like"] = fn("zeros_like", t_zeros_like);
  t["ones_like"] = fn("ones_like", t_ones_like);
  t["full_like"] = fn("full_like", t_full_like);
  t["arange"] = fn("arange", t_arange);
  t["linspace"] = fn("linspace", t_linspace);
  t["eye"] = fn("eye", t_eye);
  t["set_printoptions"] = plain_fn("set_printoptions", t_set_printoptions);
  t["get_default_dtype"] = plain_fn("get_default_dtype", t_get_default_dtype);
  t["set_default_dtype"] = plain_fn("set_default_dtype", t_set_default_dtype);
  t["set_default_tensor_type"] = plain_fn("set_default_tensor_type", t_set_default_tensor_type);
  t["range"] = fn("range", t_range);
  t["empty_like"] = fn("empty_like", t_empty_like);
  t["is_tensor"] = plain_fn("is_tensor", t_is_tensor);
  install_random_functions(in, *tv.as<ModuleObj>());
  install_dtype_functions(*tv.as<ModuleObj>());
  t["no_grad"] = Value(std::make_shared<TypeObj>("no_grad", TypeId::Other, t_no_grad, "torch.autograd.grad_mode"));
  t["enable_grad"] = Value(std::make_shared<TypeObj>("enable_grad", TypeId::Other, t_enable_grad, "torch.autograd.grad_mode"));
  t["set_grad_enabled"] = Value(std::make_shared<TypeObj>("set_grad_enabled", TypeId::Other, t_set_grad_enabled, "torch.autograd.grad_mode"));
  t["is_grad_enabled"] = fn("is_grad_enabled", t_is_grad_enabled);
  t["inference_mode"] = Value(std::make_shared<TypeObj>("inference_mode", TypeId::Other, t_inference_mode, "torch.autograd.grad_mode"));
  t["is_inference_mode_enabled"] = fn("is_inference_mode_enabled", t_is_inference_mode_enabled);
  // The ops' torch.X and torch.nn.functional.X forms (Note [One binding row per op]).
  Value fv = new_module("torch.nn.functional", "/usr/lib/python3/dist-packages/torch/nn/functional.py", names::kFunctionalDir);
  install_bindings(*tv.as<ModuleObj>(), *fv.as<ModuleObj>());
  fv.as<ModuleObj>()->lazy_source = "torch_nn_functional";  // its functions written in Python (py/torch_nn_functional.py)
  Value nv = new_module("torch.nn", "/usr/lib/python3/dist-packages/torch/nn/__init__.py", names::kNnDir);
  nv.as<ModuleObj>()->attrs["functional"] = fv;
  nv.as<ModuleObj>()->attrs["init"] = make_nn_init_module();
  nv.as<ModuleObj>()->attrs["Parameter"] = parameter_type();
  nv.as<ModuleObj>()->lazy_source = "torch_nn";  // Module, the layers and losses (py/torch_nn.py)
  t["nn"] = nv;
  t["linalg"] = make_linalg_module();
  if (auto mm = t.find("matmul"); mm != t.end()) t["linalg"].as<ModuleObj>()->attrs["matmul"] = mm->second;  // the same function
  // torch.special: its aliases of ops gradlab has are the torch.X builtins themselves (PyTorch's
  // special.expit is sigmoid: the same node and digits); its other functions are not supported.
  Value spv = new_module("torch.special", "/usr/lib/python3/dist-packages/torch/special/__init__.py", kSpecialNames);
  for (const auto& [alias, op] : std::initializer_list<std::pair<const char*, const char*>>{
           {"expit", "sigmoid"}, {"erf", "erf"}, {"erfc", "erfc"}, {"exp2", "exp2"}, {"expm1", "expm1"}, {"log1p", "log1p"},
           {"xlogy", "xlogy"}, {"logsumexp", "logsumexp"}, {"softmax", "softmax"}, {"log_softmax", "log_softmax"}})
    if (auto it = t.find(op); it != t.end()) spv.as<ModuleObj>()->attrs[alias] = it->second;
  t["special"] = spv;

  // torch.optim and its lr_scheduler are Python (py/torch_optim*.py), run on first use.
  Value ov = new_module("torch.optim", "/usr/lib/python3/dist-packages/torch/optim/__init__.py", nullptr);
  ov.as<ModuleObj>()->lazy_source = "torch_optim";
  Value sv = new_module("torch.optim.lr_scheduler", "/usr/lib/python3/dist-packages/torch/optim/lr_scheduler.py", nullptr);
  sv.as<ModuleObj>()->lazy_source = "torch_optim_lr_scheduler";
  ov.as<ModuleObj>()->attrs["lr_scheduler"] = sv;
  t["optim"] = ov;

  // torch.random: the generator functions torch itself exposes (torch.random.manual_seed).
  Value rv = new_module("torch.random", "/usr/lib/python3/dist-packages/torch/random.py", nullptr);
  for (const char* name : {"manual_seed", "seed", "initial_seed", "get_rng_state", "set_rng_state", "default_generator"})
    if (auto it = t.find(name); it != t.end()) rv.as<ModuleObj>()->attrs[name] = it->second;
  t["random"] = rv;

  // torch.utils.data: datasets and the DataLoader (py/torch_utils_data.py), run on first use.
  Value uv = new_module("torch.utils", "/usr/lib/python3/dist-packages/torch/utils/__init__.py", nullptr);
  Value dv = new_module("torch.utils.data", "/usr/lib/python3/dist-packages/torch/utils/data/__init__.py", nullptr);
  dv.as<ModuleObj>()->lazy_source = "torch_utils_data";
  uv.as<ModuleObj>()->attrs["data"] = dv;
  t["utils"] = uv;

  // torch.backends: the flags and availability checks tutorials call (py/torch_backends_*.py).
  Value bv = new_module("torch.backends", "/usr/lib/python3/dist-packages/torch/backends/__init__.py", nullptr);
  for (const char* name : {"cudnn", "mps"}) {
    Value sub = new_module(std::string("torch.backends.") + name,
                           std::string("/usr/lib/python3/dist-packages/torch/backends/") + name + "/__init__.py", nullptr);
    sub.as<ModuleObj>()->lazy_source = name == std::string("cudnn") ? "torch_backends_cudnn" : "torch_backends_mps";
    bv.as<ModuleObj>()->attrs[name] = sub;
  }
  t["backends"] = bv;

  Value cv = new_module("torch.cuda", "/usr/lib/python3/dist-packages/torch/cuda/__init__.py", kCudaNames);
  cv.as<ModuleObj>()->attrs["is_available"] = plain_fn("is_available", cuda_is_available);
  cv.as<ModuleObj>()->attrs["device_count"] = plain_fn("device_count", cuda_device_count_fn);
  cv.as<ModuleObj>()->attrs["manual_seed"] = plain_fn("manual_seed", cuda_manual_seed);
  cv.as<ModuleObj>()->attrs["manual_seed_all"] = plain_fn("manual_seed_all", cuda_manual_seed);
  t["cuda"] = cv;

  Value av = new_module("torch.autograd", "/usr/lib/python3/dist-packages/torch/autograd/__init__.py", kAutogradNames);
  av.as<ModuleObj>()->attrs["no_grad"] = t["no_grad"];
  av.as<ModuleObj>()->attrs["enable_grad"] = t["enable_grad"];
  av.as<ModuleObj>()->attrs["set_grad_enabled"] = t["set_grad_enabled"];
  av.as<ModuleObj>()->attrs["inference_mode"] = t["inference_mode"];
  av.as<ModuleObj>()->attrs["Variable"] = Value(std::make_shared<TypeObj>("Variable", TypeId::Other, t_variable, "torch.autograd.variable"));
  install_autograd_functions(in, *av.as<ModuleObj>());
  Value afv = new_module("torch.autograd.functional", "/usr/lib/python3/dist-packages/torch/autograd/functional.py", nullptr);
  afv.as<ModuleObj>()->lazy_source = "torch_autograd_functional";  // py/torch_autograd_functional.py
  av.as<ModuleObj>()->attrs["functional"] = afv;
  t["autograd"] = av;
  return tv;
}

}  // namespace gradlab::script
