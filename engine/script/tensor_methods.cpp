// The Tensor API as scripts see it: attributes (x.grad, x.shape, x.grad_fn, ...) and methods
// (x.backward(), x.exp(), x.sum(dim=1), ...), each forwarding to one engine call. The same
// method functions back the torch.* function forms (torch.exp(x) → x.exp()) through the rows of
// tensor_bindings() (Note [One binding row per op]), so argument handling is written once.
#include <unordered_map>

#include "engine/autograd/node.h"
#include "engine/allocation_limit.h"
#include "engine/ops/pointwise.h"
#include "engine/script/bindings.h"
#include "engine/script/runtime.h"
#include "engine/tensor.h"

namespace gradlab::script {

namespace {

const Tensor& T(const Value& self) { return self.as_tensor(); }

// Nested lists of the values (int64 ones exact: a double would round past 2^53).
template <class T>
Value tolist_rec(const std::vector<T>& v, const Shape& shape, size_t dim, size_t& pos) {
  if (dim == shape.size()) return Value(v[pos++]);
  std::vector<Value> items;
  for (int64_t i = 0; i < shape[dim]; ++i) items.push_back(tolist_rec(v, shape, dim + 1, pos));
  return make_list(std::move(items));
}

// ---- autograd ----
Value m_backward(Interp& in, const Value& self, CallArgs& a) { return tensor_backward(in, self, a); }

Value m_requires_grad_(Interp&, const Value& self, CallArgs& a) {
  Args args("requires_grad_", a, {"requires_grad"}, 0);
  Tensor t = T(self);
  t.requires_grad_(args.boolean(0, true));
  return self;
}

// x.register_hook(fn): fn(grad) runs during backward; a tensor it returns replaces the gradient.
Value m_register_hook(Interp& in, const Value& self, CallArgs& a) {
  Args args("register_hook", a, {"hook"}, 1, ArgStyle::Python);
  Value fn = *args.get(0);
  Interp* interp = &in;
  int64_t id = T(self).register_hook([interp, fn](const Tensor& grad) -> Tensor {
    Value r = interp->call0(fn, {grad.defined() ? Value(grad) : Value()});
    if (r.is_none()) return Tensor();
    if (!r.is_tensor()) raise_type_error(std::string("expected Tensor or None (got ") + type_name(r) + ")");
    return r.as_tensor();
  });
  return Value(std::make_shared<HookHandleObj>(T(self).impl_ptr(), id));
}

Value m_retain_grad(Interp&, const Value& self, CallArgs& a) {
  Args args("retain_grad", a, {}, 0);
  T(self).retain_grad();
  return Value();
}

Value m_detach(Interp&, const Value& self, CallArgs& a) {
  Args args("detach", a, {}, 0);
  return Value(T(self).detach());
}

Value m_clone(Interp&, const Value& self, CallArgs& a) {
  Args args("clone", a, {"memory_format"}, 0, ArgStyle::Torch, 0);  // keyword-only
  return Value(clone(T(self)));
}

// A strided view (gradlab's copy flagged noncontiguous) becomes a contiguous copy, CloneBackward0
// as in PyTorch; anything else is returned as is.
Value m_contiguous(Interp&, const Value& self, CallArgs& a) {
  Args args("contiguous", a, {"memory_format"}, 0);
  // A non-contiguous view becomes a copy of its own (CloneBackward0), no longer tied to its base.
  if (!T(self).impl()->noncontiguous) return self;
  Tensor c = clone(T(self));
  c.impl()->noncontiguous = false;
  c.impl()->column_major = false;
  return Value(c);
}

// ---- data ----
Value m_item(Interp&, const Value& self, CallArgs& a) {
  Args args("item", a, {}, 0);
  Scalar s = T(self).item();
  if (T(self).dtype() == DType::Bool) return Value(s.int_value != 0);
  return s.is_integral ? Value(s.int_value) : Value(s.value);
}

Value m_tolist(Interp&, const Value& self, CallArgs& a) {
  Args args("tolist", a, {}, 0);
  const Tensor& t = T(self);
  check_allocation(static_cast<size_t>(t.numel()), sizeof(Value));  // Note [Allocation limit]
  size_t pos = 0;
  if (t.dtype() == DType::Bool) {
    std::vector<int64_t> v = t.to_int64s();
    return tolist_rec(std::vector<bool>(v.begin(), v.end()), t.shape(), 0, pos);
  }
  if (!is_floating(t.dtype())) return tolist_rec(t.to_int64s(), t.shape(), 0, pos);
  return tolist_rec(t.to_doubles(), t.shape(), 0, pos);
}

Value m_numel(Interp&, const Value& self, CallArgs& a) {
  Args args("numel", a, {}, 0);
  return Value(T(self).numel());
}

Value m_dim(Interp&, const Value& self, CallArgs& a) {
  Args args("dim", a, {}, 0);
  return Value(T(self).dim());
}

Value m_size(Interp&, const Value& self, CallArgs& a) {
  Args args("size", a, {"dim"}, 0);
  if (!args.has(0)) return make_size(T(self).shape());
  return Value(T(self).size(args.int_(0)));
}

Value m_is_inference(Interp&, const Value& self, CallArgs& a) {
  Args args("is_inference", a, {}, 0);
  return Value(T(self).impl()->is_inference);
}

Value m_is_floating_point(Interp&, const Value& self, CallArgs& a) {
  Args args("is_floating_point", a, {}, 0);
  return Value(is_floating(T(self).dtype()));
}

Value m_is_signed(Interp&, const Value& self, CallArgs& a) {
  Args args("is_signed", a, {}, 0);
  return Value(is_signed_dtype(T(self).dtype()));
}

Value m_numpy(Interp&, const Value&, CallArgs&) { raise_not_supported("Tensor.numpy() (there is no NumPy in gradlab)"); }

// ---- factories from a tensor: x.new_ones(2, 3) & co. take x's dtype and device by default ----
TensorOptions new_options(const Tensor& self, TensorOptions o) {
  if (!o.dtype) o.dtype = self.dtype();
  if (!o.device) o.device = self.device();
  return o;
}
Value m_new_zeros(Interp&, const Value& self, CallArgs& a) {
  SizedCall c = sized_call(a, "new_zeros");
  return Value(zeros(c.shape, new_options(T(self), c.opts)));
}
Value m_new_ones(Interp&, const Value& self, CallArgs& a) {
  SizedCall c = sized_call(a, "new_ones");
  return Value(ones(c.shape, new_options(T(self), c.opts)));
}
Value m_new_empty(Interp&, const Value& self, CallArgs& a) {
  SizedCall c = sized_call(a, "new_empty");
  return Value(zeros(c.shape, new_options(T(self), c.opts)));  // PyTorch leaves it uninitialised
}
Value m_new_full(Interp&, const Value& self, CallArgs& a) {
  Args args("new_full", a, {"size", "fill_value", "dtype", "device", "requires_grad"}, 2, ArgStyle::Torch, 2);
  return Value(full(value_to_shape(*args.get(0), "new_full"), args.scalar(1), new_options(T(self), factory_options(args, 2, 3, 4))));
}
Value m_new_tensor(Interp&, const Value& self, CallArgs& a) {
  Args args("new_tensor", a, {"data", "dtype", "device", "requires_grad"}, 1, ArgStyle::Torch, 1);
  return tensor_from_value(*args.get(0), new_options(T(self), factory_options(args, 1, 2, 3)));
}

// ---- in place ----
Value m_zero_(Interp&, const Value& self, CallArgs& a) {
  Args args("zero_", a, {}, 0);
  Tensor t = T(self);
  t.zero_();
  return self;
}

Value m_fill_(Interp&, const Value& self, CallArgs& a) {
  Args args("fill_", a, {"value"}, 1);
  Tensor t = T(self);
  t.fill_(args.scalar(0));
  return self;
}

enum class InPlace { Add, Sub, Mul, Div };
Value inplace(const Value& self, CallArgs& a, const char* name, InPlace op) {
  bool has_alpha = op == InPlace::Add || op == InPlace::Sub;
  Args args(name, a, has_alpha ? std::initializer_list<const char*>{"other", "alpha"} : std::initializer_list<const char*>{"other"}, 1);
  Tensor t = T(self);
  const Value& other = *args.get(0);
  Scalar alpha = has_alpha && args.has(1) ? args.scalar(1) : Scalar(1);
  if (other.is_tensor()) {
    switch (op) {
      case InPlace::Add: t.add_(other.as_tensor(), alpha); break;
      case InPlace::Sub: t.sub_(other.as_tensor(), alpha); break;
      case InPlace::Mul: t.mul_(other.as_tensor()); break;
      case InPlace::Div: t.div_(other.as_tensor()); break;
    }
    return self;
  }
  if (!is_scalar_like(other)) args.type_mismatch(0, "Tensor");
  Scalar s = to_scalar(other);
  if (has_alpha && args.has(1)) s = Scalar(s.value * alpha.value);
  switch (op) {
    case InPlace::Add: t.add_(s); break;
    case InPlace::Sub: t.sub_(s); break;
    case InPlace::Mul: t.mul_(s); break;
    case InPlace::Div: t.div_(s); break;
  }
  return self;
}
Value m_add_(Interp&, const Value& self, CallArgs& a) { return inplace(self, a, "add_", InPlace::Add); }
Value m_sub_(Interp&, const Value& self, CallArgs& a) { return inplace(self, a, "sub_", InPlace::Sub); }
Value m_mul_(Interp&, const Value& self, CallArgs& a) { return inplace(self, a, "mul_", InPlace::Mul); }
Value m_div_(Interp&, const Value& self, CallArgs& a) { return inplace(self, a, "div_", InPlace::Div); }

// ---- arithmetic ----
Value binary_method(const Value& self, CallArgs& a, const char* name, BinOpKind op, bool alpha_ok) {
  Args args(name, a, alpha_ok ? std::initializer_list<const char*>{"other", "alpha"} : std::initializer_list<const char*>{"other"}, 1);
  const Value& other = *args.get(0);
  if (!other.is_tensor() && !is_scalar_like(other)) args.type_mismatch(0, "Tensor");
  if (alpha_ok && args.has(1)) {
    Scalar alpha = args.scalar(1);
    if (other.is_tensor()) {
      return Value(op == BinOpKind::Add ? add(T(self), other.as_tensor(), alpha) : sub(T(self), other.as_tensor(), alpha));
    }
    Scalar s(to_scalar(other).value * alpha.value);
    return Value(op == BinOpKind::Add ? add(T(self), s) : sub(T(self), s));
  }
  return binary_op(op, self, other);
}
Value m_add(Interp&, const Value& self, CallArgs& a) { return binary_method(self, a, "add", BinOpKind::Add, true); }
Value m_sub(Interp&, const Value& self, CallArgs& a) { return binary_method(self, a, "sub", BinOpKind::Sub, true); }
Value m_mul(Interp&, const Value& self, CallArgs& a) { return binary_method(self, a, "mul", BinOpKind::Mul, false); }
Value m_div(Interp&, const Value& self, CallArgs& a) { return binary_method(self, a, "div", BinOpKind::Div, false); }

// remainder / floor_divide: the Tensor or Number forms of `%` and `//`.
template <Tensor (*ByTensor)(const Tensor&, const Tensor&), Tensor (*ByScalar)(const Tensor&, Scalar)>
Value division_method(const Value& self, CallArgs& a, const char* name) {
  Args args(name, a, {"other"}, 1);
  const Value& other = *args.get(0);
  if (other.is_tensor()) return Value(ByTensor(T(self), other.as_tensor()));
  if (!is_scalar_like(other)) args.type_mismatch(0, "Tensor");
  return Value(ByScalar(T(self), to_scalar(other)));
}
Value m_remainder(Interp&, const Value& self, CallArgs& a) { return division_method<remainder, remainder>(self, a, "remainder"); }
Value m_floor_divide(Interp&, const Value& self, CallArgs& a) {
  return division_method<floor_divide, floor_divide>(self, a, "floor_divide");
}

Value m_pow(Interp&, const Value& self, CallArgs& a) {
  Args args("pow", a, {"exponent"}, 1);
  const Value& e = *args.get(0);
  if (e.is_tensor()) return Value(pow(T(self), e.as_tensor()));
  if (!is_scalar_like(e)) raise_type_error(std::string("pow(): argument 'exponent' must be Tensor or Number, not ") + type_name(e));
  return Value(pow(T(self), to_scalar(e)));
}

Value m_matmul(Interp&, const Value& self, CallArgs& a) {
  Args args("matmul", a, {"other"}, 1);
  return Value(matmul(T(self), args.tensor(0)));
}

Value m_mm(Interp&, const Value& self, CallArgs& a) {
  Args args("mm", a, {"mat2"}, 1);
  return Value(mm(T(self), args.tensor(0)));
}

Value m_mv(Interp&, const Value& self, CallArgs& a) {
  Args args("mv", a, {"vec"}, 1);
  return Value(mv(T(self), args.tensor(0)));
}

Value m_dot(Interp&, const Value& self, CallArgs& a) {
  Args args("dot", a, {"tensor"}, 1);
  return Value(dot(T(self), args.tensor(0)));
}

Value m_neg(Interp&, const Value& self, CallArgs& a) {
  Args args("neg", a, {}, 0);
  return Value(neg(T(self)));
}

#define GRADLAB_UNARY_METHOD(name)                               \
  Value m_##name(Interp&, const Value& self, CallArgs& a) {      \
    Args args(#name, a, {}, 0);                                   \
    return Value(name(T(self)));                                  \
  }
GRADLAB_UNARY_METHOD(exp)
GRADLAB_UNARY_METHOD(log)
GRADLAB_UNARY_METHOD(sqrt)
GRADLAB_UNARY_METHOD(abs)
GRADLAB_UNARY_METHOD(sin)
GRADLAB_UNARY_METHOD(cos)
GRADLAB_UNARY_METHOD(sigmoid)
GRADLAB_UNARY_METHOD(tanh)
GRADLAB_UNARY_METHOD(relu)
GRADLAB_UNARY_METHOD(reciprocal)
GRADLAB_UNARY_METHOD(floor)
GRADLAB_UNARY_METHOD(ceil)
GRADLAB_UNARY_METHOD(trunc)
GRADLAB_UNARY_METHOD(frac)
GRADLAB_UNARY_METHOD(sign)
GRADLAB_UNARY_METHOD(sgn)
GRADLAB_UNARY_METHOD(rsqrt)
GRADLAB_UNARY_METHOD(exp2)
GRADLAB_UNARY_METHOD(expm1)
GRADLAB_UNARY_METHOD(log1p)
GRADLAB_UNARY_METHOD(erf)
GRADLAB_UNARY_METHOD(asinh)
GRADLAB_UNARY_METHOD(acosh)
GRADLAB_UNARY_METHOD(atanh)
GRADLAB_UNARY_METHOD(log2)
GRADLAB_UNARY_METHOD(log10)
GRADLAB_UNARY_METHOD(sinh)
GRADLAB_UNARY_METHOD(cosh)
#undef GRADLAB_UNARY_METHOD

// round(decimals=0): RoundBackward0 without decimals, RoundBackward1 with them (even 0).
Value m_round(Interp&, const Value& self, CallArgs& a) {
  Args args("round", a, {"decimals"}, 0);
  if (!args.has(0)) return Value(round(T(self)));
  return Value(round(T(self), args.int_(0)));
}

// torch.square(x) is pow(x, 2): PowBackward0.
Value m_square(Interp&, const Value& self, CallArgs& a) {
  Args args("square", a, {}, 0);
  return Value(pow(T(self), Scalar(int64_t{2})));
}

Value clamp_impl(const Value& self, CallArgs& a, const char* name) {
  Args args(name, a, {"min", "max"}, 0);
  std::optional<Scalar> lo, hi;
  if (args.has(0)) {
    if (args.get(0)->is_tensor()) raise_not_supported(std::string(name) + "() with tensor bounds");
    lo = args.scalar(0);
  }
  if (args.has(1)) {
    if (args.get(1)->is_tensor()) raise_not_supported(std::string(name) + "() with tensor bounds");
    hi = args.scalar(1);
  }
  if (!lo && !hi) raise("RuntimeError", "torch.clamp: At least one of 'min' or 'max' must not be None");
  return Value(clamp(T(self), lo, hi));
}
Value m_clamp(Interp&, const Value& self, CallArgs& a) { return clamp_impl(self, a, "clamp"); }
Value m_clip(Interp&, const Value& self, CallArgs& a) { return clamp_impl(self, a, "clip"); }

// ---- reductions ----
Value m_sum(Interp&, const Value& self, CallArgs& a) {
  Args args("sum", a, {"dim", "keepdim", "dtype"}, 0);
  std::optional<DType> dtype = args.dtype(2);
  Tensor x = T(self);
  if (!args.has(0)) {
    if (args.has(1)) raise_type_error("sum() received an invalid combination of arguments - got (keepdim=bool, ), but expected (tuple of ints dim, bool keepdim, *, torch.dtype dtype)");
    return Value(sum(x, dtype));
  }
  if (dtype) x = x.to(*dtype);
  return Value(sum(x, to_int_list(*args.get(0), "sum"), args.boolean(1, false)));
}

Value m_mean(Interp&, const Value& self, CallArgs& a) {
  Args args("mean", a, {"dim", "keepdim", "dtype"}, 0);
  Tensor x = T(self);
  if (auto d = args.dtype(2)) {
    if (!is_floating(*d))
      runtime_error(std::string("mean(): could not infer output dtype. Optional dtype must be either a floating point or "
                                "complex dtype. Got: ") + dtype_scalar_name(*d));
    x = x.to(*d);
  }
  if (!args.has(0)) return Value(mean(x));
  return Value(mean(x, to_int_list(*args.get(0), "mean"), args.boolean(1, false)));
}

Value m_max(Interp&, const Value& self, CallArgs& a) {
  Args args("max", a, {"dim", "keepdim"}, 0);
  if (!args.has(0)) return Value(max(T(self)));
  const Value& d = *args.get(0);
  if (d.is_tensor()) return Value(maximum(T(self), d.as_tensor()));  // torch.max(a, b)
  if (!d.is_intlike()) args.type_mismatch(0, "int");
  auto [values, indices] = max(T(self), d.as_int(), args.boolean(1, false));
  return make_return_types("max", std::move(values), std::move(indices));
}

Value m_min(Interp&, const Value& self, CallArgs& a) {
  Args args("min", a, {"dim", "keepdim"}, 0);
  if (!args.has(0)) return Value(min(T(self)));
  const Value& d = *args.get(0);
  if (d.is_tensor()) return Value(minimum(T(self), d.as_tensor()));  // torch.min(a, b)
  if (!d.is_intlike()) args.type_mismatch(0, "int");
  auto [values, indices] = min(T(self), d.as_int(), args.boolean(1, false));
  return make_return_types("min", std::move(values), std::move(indices));
}

Value m_maximum(Interp&, const Value& self, CallArgs& a) {
  Args args("maximum", a, {"other"}, 1);
  return Value(maximum(T(self), args.tensor(0)));
}

Value m_minimum(Interp&, const Value& self, CallArgs& a) {
  Args args("minimum", a, {"other"}, 1);
  return Value(minimum(T(self), args.tensor(0)));
}

// ---- shape ----
Value m_t(Interp&, const Value& self, CallArgs& a) {
  Args args("t", a, {}, 0);
  return Value(t(T(self)));
}

Value m_transpose(Interp&, const Value& self, CallArgs& a) {
  Args args("transpose", a, {"dim0", "dim1"}, 2);
  return Value(transpose(T(self), args.int_(0), args.int_(1)));
}

Value m_permute(Interp&, const Value& self, CallArgs& a) {
  return Value(permute(T(self), shape_from_call(a, "permute", "dims")));
}

Value m_reshape(Interp&, const Value& self, CallArgs& a) { return Value(reshape(T(self), shape_from_call(a, "reshape", "shape"))); }
Value m_view(Interp&, const Value& self, CallArgs& a) {
  if (a.npos == 1 && a.pos[0].as<DTypeObj>()) raise_not_supported("view(dtype) (reinterpreting bits)");
  return Value(view(T(self), shape_from_call(a, "view", "size")));
}
Value m_expand(Interp&, const Value& self, CallArgs& a) { return Value(expand(T(self), shape_from_call(a, "expand", "size"))); }

// x.expand_as(y), x.view_as(y), x.reshape_as(y), x.type_as(y): y's shape (or dtype).
Value m_expand_as(Interp&, const Value& self, CallArgs& a) {
  Args args("expand_as", a, {"other"}, 1);
  return Value(expand(T(self), args.tensor(0).shape()));
}
Value m_view_as(Interp&, const Value& self, CallArgs& a) {
  Args args("view_as", a, {"other"}, 1);
  return Value(view(T(self), args.tensor(0).shape()));
}
Value m_reshape_as(Interp&, const Value& self, CallArgs& a) {
  Args args("reshape_as", a, {"other"}, 1);
  return Value(reshape(T(self), args.tensor(0).shape()));
}
Value m_type_as(Interp&, const Value& self, CallArgs& a) {
  Args args("type_as", a, {"other"}, 1);
  DType d = args.tensor(0).dtype();
  return d == T(self).dtype() ? self : Value(T(self).to(d));
}

Value m_flatten(Interp&, const Value& self, CallArgs& a) {
  Args args("flatten", a, {"start_dim", "end_dim"}, 0);
  return Value(flatten(T(self), args.int_or(0, 0), args.int_or(1, -1)));
}

Value m_unsqueeze(Interp&, const Value& self, CallArgs& a) {
  Args args("unsqueeze", a, {"dim"}, 1);
  return Value(unsqueeze(T(self), args.int_(0)));
}

Value m_squeeze(Interp&, const Value& self, CallArgs& a) {
  Args args("squeeze", a, {"dim"}, 0);
  if (!args.has(0)) return Value(squeeze(T(self)));
  return Value(squeeze(T(self), args.int_(0)));
}

// ---- optimizer arithmetic (ops/pointwise.h) ----
template <class Fn>
Value pointwise3(const Value& self, CallArgs& a, const char* name, Fn fn) {
  Args args(name, a, {"tensor1", "tensor2", "value"}, 2);
  Scalar value = args.has(2) ? args.scalar(2) : Scalar(int64_t{1});
  return fn(args.tensor(0), args.tensor(1), value);
}
Value m_addcmul(Interp&, const Value& self, CallArgs& a) {
  return pointwise3(self, a, "addcmul", [&](const Tensor& x, const Tensor& y, Scalar v) { return Value(addcmul(T(self), x, y, v)); });
}
Value m_addcdiv(Interp&, const Value& self, CallArgs& a) {
  return pointwise3(self, a, "addcdiv", [&](const Tensor& x, const Tensor& y, Scalar v) { return Value(addcdiv(T(self), x, y, v)); });
}
Value m_addcmul_(Interp&, const Value& self, CallArgs& a) {
  return pointwise3(self, a, "addcmul_", [&](const Tensor& x, const Tensor& y, Scalar v) {
    Tensor t = T(self);
    addcmul_(t, x, y, v);
    return self;
  });
}
Value m_addcdiv_(Interp&, const Value& self, CallArgs& a) {
  return pointwise3(self, a, "addcdiv_", [&](const Tensor& x, const Tensor& y, Scalar v) {
    Tensor t = T(self);
    addcdiv_(t, x, y, v);
    return self;
  });
}
Value m_copy_(Interp&, const Value& self, CallArgs& a) {
  Args args("copy_", a, {"src", "non_blocking"}, 1);
  Tensor t = T(self);
  copy_(t, args.tensor(0));
  return self;
}

// ---- dtype / device ----
Value cast_to(const Value& self, DType d) {
  const Tensor& t = T(self);
  if (t.dtype() == d) return self;
  return Value(t.to(d));
}
// t.float(), t.int(), t.half(), ...: a cast (self when the dtype already matches).
template <DType D>
Value m_cast(Interp&, const Value& self, CallArgs& a) {
  static const std::string name = [] {
    switch (D) {
      case DType::Float32: return "float";
      case DType::Float64: return "double";
      case DType::Int64: return "long";
      case DType::Int32: return "int";
      case DType::Int16: return "short";
      case DType::Int8: return "char";
      case DType::UInt8: return "byte";
      case DType::Float16: return "half";
      case DType::BFloat16: return "bfloat16";
      case DType::Bool: return "bool";
    }
    return "?";
  }();
  Args args(name.c_str(), a, {"memory_format"}, 0, ArgStyle::Torch, 0);  // keyword-only
  return cast_to(self, D);
}

// The dtype of a legacy type name such as "torch.IntTensor" or "torch.cuda.HalfTensor" (with
// `cuda` telling which), or nothing.
std::optional<DType> legacy_type_dtype(const std::string& name, bool& cuda) {
  cuda = name.rfind("torch.cuda.", 0) == 0;
  const std::string prefix = cuda ? "torch.cuda." : "torch.";
  for (int i = 0; i < kDTypeCount; ++i) {
    const auto d = static_cast<DType>(i);
    if (name == prefix + dtype_scalar_name(d) + "Tensor") return d;
  }
  return std::nullopt;
}

// t.type(): "torch.FloatTensor"; t.type(torch.float64), t.type("torch.DoubleTensor") or
// t.type(torch.IntTensor): a cast.
Value m_type(Interp&, const Value& self, CallArgs& a) {
  Args args("type", a, {"dtype", "non_blocking"}, 0);
  const Tensor& t = T(self);
  if (!args.has(0))
    return make_str(std::string(t.device().is_cuda() ? "torch.cuda." : "torch.") + dtype_scalar_name(t.dtype()) + "Tensor");
  const Value& want = *args.get(0);
  if (auto* d = want.as<DTypeObj>()) return cast_to(self, d->dtype);
  std::string name;
  if (const std::string* s = as_str(want)) name = *s;
  else if (auto* type = want.as<TypeObj>(); type && std::string(type->module) == "torch") name = "torch." + type->name;
  else raise_type_error(std::string("type() received an invalid combination of arguments - got (") + type_name(want) + ")");
  bool cuda = false;
  std::optional<DType> d = legacy_type_dtype(name, cuda);
  if (!d) raise_value_error("invalid type: '" + name + "'");
  if (cuda) return Value((t.device().is_cuda() ? t : t.to(Device{DeviceType::CUDA, 0})).to(*d));
  return t.device().is_cuda() ? Value(t.to(Device{}).to(*d)) : cast_to(self, *d);
}

Value m_to(Interp&, const Value& self, CallArgs& a) {
  Args args("to", a, {"device", "dtype", "non_blocking", "copy"}, 0);
  Value result = self;
  std::optional<DType> dtype;
  std::optional<Device> device;
  // to(dtype), to(device), to(device, dtype), to(other_tensor)
  for (size_t i = 0; i < 2 && i < a.npos; ++i) {
    const Value& v = a.pos[i];
    if (auto* d = v.as<DTypeObj>()) dtype = d->dtype;
    else if (v.is_tensor()) {
      dtype = v.as_tensor().dtype();
      device = v.as_tensor().device();
    } else if (v.as<DeviceObj>() || as_str(v)) device = args.device(i);
    else raise_type_error(std::string("to() received an invalid combination of arguments - got (") + type_name(v) + ")");
  }
  for (size_t k = 0; k < a.nkw; ++k) {
    if (a.kw_names[k] == "dtype") dtype = args.dtype(1);
    if (a.kw_names[k] == "device") device = args.device(0);
  }
  Tensor t = T(self);
  if (device && *device != t.device()) t = t.to(*device);
  if (dtype && *dtype != t.dtype()) t = t.to(*dtype);
  if (t.is_same(T(self))) return self;
  return Value(t);
}

Value m_cpu(Interp&, const Value& self, CallArgs& a) {
  Args args("cpu", a, {"memory_format"}, 0, ArgStyle::Torch, 0);  // keyword-only
  if (!T(self).device().is_cuda()) return self;
  return Value(T(self).to(Device{}));
}

Value m_cuda(Interp&, const Value& self, CallArgs& a) {
  Args args("cuda", a, {"device", "non_blocking", "memory_format"}, 0);
  Device d{DeviceType::CUDA, 0};
  if (args.has(0)) d = *args.device(0);
  if (T(self).device() == d) return self;
  return Value(T(self).to(d));
}

// torch.pow(base, exponent): either may be the scalar.
Value t_pow(Interp&, CallArgs& a) {
  Args args("pow", a, {"input", "exponent"}, 2);
  const Value& b = *args.get(0);
  const Value& e = *args.get(1);
  if (b.is_tensor()) {
    if (e.is_tensor()) return Value(pow(b.as_tensor(), e.as_tensor()));
    if (!is_scalar_like(e)) args.type_mismatch(1, "Tensor");
    return Value(pow(b.as_tensor(), to_scalar(e)));
  }
  if (!is_scalar_like(b)) args.type_mismatch(0, "Tensor");
  if (!e.is_tensor()) args.type_mismatch(1, "Tensor");
  return Value(pow(to_scalar(b), e.as_tensor()));
}

Value t_numel(Interp&, CallArgs& a) {
  Args args("numel", a, {"input"}, 1);
  return Value(args.tensor(0).numel());
}

}  // namespace

Value make_return_types(const char* name, Tensor values, Tensor indices) {
  Value r = make_tuple({Value(std::move(values)), Value(std::move(indices))});
  auto* s = r.as<SeqObj>();
  s->type = ObjType::ReturnTypes;
  s->struct_name = name;
  return r;
}

// Note [One binding row per op]
const Bindings& tensor_bindings() {
  constexpr unsigned M = kMethod, MT = kMethod | kTorch, MTF = kMethod | kTorch | kFunctional;
  constexpr unsigned MTO = MT | kOut, MTFO = MTF | kOut;  // torch forms that take out=
  static const Bindings rows = {
      // autograd
      {"backward", M, m_backward}, {"requires_grad_", M, m_requires_grad_}, {"retain_grad", M, m_retain_grad},
      {"register_hook", M, m_register_hook}, {"detach", MT, m_detach}, {"clone", MT, m_clone},
      {"is_inference", M, m_is_inference},
      // data
      {"contiguous", M, m_contiguous}, {"item", M, m_item}, {"tolist", M, m_tolist}, {"numel", M, m_numel},
      {"numel", kTorch, nullptr, t_numel}, {"nelement", M, m_numel}, {"dim", M, m_dim}, {"ndimension", M, m_dim},
      {"size", M, m_size}, {"is_floating_point", MT, m_is_floating_point},
      {"is_signed", MT, m_is_signed}, {"numpy", M, m_numpy},
      {"new_zeros", M, m_new_zeros}, {"new_ones", M, m_new_ones}, {"new_empty", M, m_new_empty},
      {"new_full", M, m_new_full}, {"new_tensor", M, m_new_tensor},
      // in place
      {"zero_", M, m_zero_}, {"fill_", M, m_fill_}, {"add_", M, m_add_}, {"sub_", M, m_sub_}, {"mul_", M, m_mul_},
      {"div_", M, m_div_}, {"addcmul_", M, m_addcmul_}, {"addcdiv_", M, m_addcdiv_}, {"copy_", M, m_copy_},
      // arithmetic, with PyTorch's NumPy-style aliases
      {"add", MTO, m_add}, {"sub", MTO, m_sub}, {"mul", MTO, m_mul}, {"div", MTO, m_div},
      {"multiply", MTO, m_mul}, {"subtract", MTO, m_sub}, {"divide", MTO, m_div}, {"true_divide", MTO, m_div},
      {"pow", M, m_pow}, {"pow", kTorch, nullptr, t_pow}, {"remainder", MTO, m_remainder},
      {"floor_divide", MTO, m_floor_divide}, {"addcmul", MTO, m_addcmul}, {"addcdiv", MTO, m_addcdiv},
      // linear algebra
      {"matmul", MTO, m_matmul}, {"mm", MTO, m_mm}, {"mv", MTO, m_mv}, {"dot", MTO, m_dot},
      // pointwise math
      {"neg", MTO, m_neg}, {"reciprocal", MTO, m_reciprocal}, {"exp", MTO, m_exp}, {"log", MTO, m_log}, {"sqrt", MTO, m_sqrt}, {"abs", MTO, m_abs},
      {"sin", MTO, m_sin}, {"cos", MTO, m_cos}, {"sigmoid", MTFO, m_sigmoid}, {"tanh", MTFO, m_tanh},
      {"relu", MTF, m_relu}, {"clamp", MTO, m_clamp}, {"clip", MTO, m_clip}, {"maximum", MTO, m_maximum}, {"minimum", MTO, m_minimum},
      {"floor", MT, m_floor}, {"ceil", MT, m_ceil}, {"round", MT, m_round}, {"trunc", MT, m_trunc},
      {"fix", MT, m_trunc}, {"frac", MT, m_frac}, {"sign", MT, m_sign}, {"sgn", MT, m_sgn}, {"square", MT, m_square},
      {"rsqrt", MT, m_rsqrt}, {"exp2", MT, m_exp2}, {"expm1", MT, m_expm1}, {"log1p", MT, m_log1p},
      {"erf", MT, m_erf}, {"asinh", MT, m_asinh}, {"acosh", MT, m_acosh}, {"atanh", MT, m_atanh},
      {"arcsinh", MT, m_asinh}, {"arccosh", MT, m_acosh}, {"arctanh", MT, m_atanh},
      {"log2", MT, m_log2}, {"log10", MT, m_log10}, {"sinh", MT, m_sinh}, {"cosh", MT, m_cosh},
      // reductions
      {"sum", MTO, m_sum}, {"mean", MTO, m_mean}, {"max", MT, m_max}, {"min", MT, m_min},
      // shape
      {"t", MT, m_t}, {"transpose", MT, m_transpose}, {"permute", MT, m_permute}, {"reshape", MT, m_reshape},
      {"view", M, m_view}, {"expand", M, m_expand}, {"flatten", MT, m_flatten}, {"unsqueeze", MT, m_unsqueeze},
      {"squeeze", MT, m_squeeze}, {"expand_as", M, m_expand_as}, {"view_as", M, m_view_as},
      {"reshape_as", M, m_reshape_as}, {"type_as", M, m_type_as},
      // dtype and device
      {"float", M, m_cast<DType::Float32>}, {"double", M, m_cast<DType::Float64>}, {"long", M, m_cast<DType::Int64>},
      {"int", M, m_cast<DType::Int32>}, {"short", M, m_cast<DType::Int16>}, {"char", M, m_cast<DType::Int8>},
      {"byte", M, m_cast<DType::UInt8>}, {"half", M, m_cast<DType::Float16>}, {"bfloat16", M, m_cast<DType::BFloat16>},
      {"bool", M, m_cast<DType::Bool>}, {"to", M, m_to}, {"cpu", M, m_cpu}, {"cuda", M, m_cuda}, {"type", M, m_type},
  };
  return rows;
}

static const char kNonLeafGradWarning[] =
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be "
    "populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, "
    "use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the "
    "leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more informations. (Triggered internally at  "
    "./build/aten/src/ATen/core/TensorBody.h:480.)";

Value tensor_attribute(Interp& in, const Value& self, const std::string& name, bool* found) {
  const Tensor& t = T(self);
  *found = true;
  switch (name.size() > 0 ? name[0] : 0) {
    case 'g':
      if (name == "grad") {
        Tensor g = t.grad();
        if (!t.is_leaf() && !t.retains_grad() && !g.defined()) in.warn("UserWarning", kNonLeafGradWarning);
        return g.defined() ? Value(g) : Value();
      }
      if (name == "grad_fn") return grad_fn_value(t.grad_fn());
      break;
    case 's':
      if (name == "shape") return make_size(t.shape());
      break;
    case 'd':
      if (name == "dtype") return make_dtype(t.dtype());
      if (name == "device") return make_device(t.device());
      if (name == "data") return Value(t.detach());
      break;
    case 'r':
      if (name == "requires_grad") return Value(t.requires_grad());
      if (name == "retains_grad") return Value(t.retains_grad());
      break;
    case 'i':
      if (name == "is_leaf") return Value(t.is_leaf());
      if (name == "is_cuda") return Value(t.device().is_cuda());
      break;
    case 'n':
      if (name == "ndim") return Value(t.dim());
      break;
    case 'T':
      if (name == "T") {
        // PyTorch implements .T as a permute of all dims (PermuteBackward0), warning unless 2-D.
        if (t.dim() != 2)
          in.warn("UserWarning", "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and it "
                                 "will throw an error in a future release. Consider `x.mT` to transpose batches of matrices or "
                                 "`x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor. (Triggered "
                                 "internally at  ./aten/src/ATen/native/TensorShape.cpp:3277.)");
        std::vector<int64_t> dims;
        for (int64_t d = t.dim() - 1; d >= 0; --d) dims.push_back(d);
        return Value(permute(t, dims));
      }
      break;
    case 'm':
      if (name == "mT") {
        if (t.dim() < 2) raise("RuntimeError", "tensor.mT is only supported on matrices or batches of matrices. Got 1-D tensor.");
        return Value(transpose(t, -2, -1));
      }
      break;
    default: break;
  }
  *found = false;
  return Value();
}

void set_tensor_attribute(const Tensor& t, const std::string& name, const Value& v) {
  if (name == "grad") {
    if (v.is_none()) {
      Tensor(t).set_grad(Tensor());
      return;
    }
    if (!v.is_tensor()) raise_type_error(std::string("assigned grad expected to be a Tensor or None but got grad of type ") + type_name(v));
    Tensor(t).set_grad(v.as_tensor());
    // A grad with history (x.grad = 2 * x) can lead back to t: a cycle the heap must break.
    if (v.as_tensor().grad_fn())
      if (Heap* heap = current_heap()) heap->track_grad_holder(t);
    return;
  }
  if (name == "requires_grad") {
    if (!v.is_bool()) raise_type_error(std::string("requires_grad must be a bool, not ") + type_name(v));
    Tensor(t).requires_grad_(v.as_bool());
    return;
  }
  if (name == "data") {
    // `x.data = y`: x keeps its identity (and autograd state) and takes y's values, shape,
    // dtype and device: how Module.double()/.to() convert parameters in place. `x.data -= ...`
    // writes through the alias and assigns it back, which changes nothing.
    if (!v.is_tensor()) raise_type_error(std::string("Variable data has to be a tensor, but got ") + type_name(v));
    const Tensor& src = v.as_tensor();
    TensorImpl* dst = t.impl();
    dst->storage = src.impl()->storage;
    dst->shape = src.shape();
    dst->numel = src.numel();
    dst->dtype = src.dtype();
    dst->noncontiguous = src.impl()->noncontiguous;
    dst->column_major = src.impl()->column_major;
    dst->view_copy = src.impl()->view_copy;  // the storage's window, if y is a view (Note [Views are copies])
    return;
  }
  if (name == "grad_fn") raise_attribute_error("attribute 'grad_fn' of 'torch._C._TensorBase' objects is not writable");
  if (name == "shape" || name == "dtype" || name == "device" || name == "is_leaf" || name == "T" || name == "ndim")
    raise_attribute_error("attribute '" + name + "' of 'torch._C._TensorBase' objects is not writable");
  raise_not_supported("setting custom attributes on tensors (x." + name + " = ...)");
}

}  // namespace gradlab::script
