// Argument binding for library functions and conversions of script values into the engine's
// C++ types (Scalar, Shape, DType, Device, nested data for torch.tensor).
#include <cmath>

#include "engine/script/runtime.h"
#include "engine/tensor.h"

namespace gradlab::script {

Args::Args(const char* fname, CallArgs& call, std::initializer_list<const char*> names, size_t required, ArgStyle style,
           size_t max_positional)
    : fname_(fname), n_(names.size()) {
  size_t i = 0;
  for (const char* n : names) names_[i++] = n;
  if (call.binding == CallArgs::Binding::TorchFunction) position_base_ = 2;
  size_t max_pos = std::min(max_positional, n_);
  const bool no_arg_method = style == ArgStyle::Torch && n_ == 0 && call.binding == CallArgs::Binding::TensorMethod;
  if (no_arg_method && call.nkw > 0) raise_type_error("_TensorBase." + std::string(fname) + "() takes no keyword arguments");
  if (call.npos > max_pos) {
    if (no_arg_method)
      raise_type_error("_TensorBase." + std::string(fname) + "() takes no arguments (" + std::to_string(call.npos) + " given)");
    if (style == ArgStyle::Torch) {
      // torch.exp(x, 2) counts the tensor as its first positional argument
      const size_t self = call.binding == CallArgs::Binding::TorchFunction ? 1 : 0;
      const size_t takes = max_pos + self, given = call.npos + self;
      raise_type_error(std::string(fname) + "() takes " + std::to_string(takes) + " positional argument" + (takes == 1 ? "" : "s") +
                       " but " + std::to_string(given) + (given == 1 ? " was" : " were") + " given");
    }
    if (max_pos == 1 && n_ == 1)
      raise_type_error(std::string(fname) + "() takes exactly one argument (" + std::to_string(call.npos) + " given)");
    raise_type_error(std::string(fname) + "() takes at most " + std::to_string(max_pos) + " argument" + (max_pos == 1 ? "" : "s") + " (" +
                     std::to_string(call.npos) + " given)");
  }
  for (size_t p = 0; p < call.npos; ++p) slots_[p] = &call.pos[p];
  auto find_name = [&](const std::string& name) {
    size_t j = 0;
    while (j < n_ && name != names_[j]) ++j;
    return j;
  };
  for (size_t k = 0; k < call.nkw; ++k) {
    const std::string& kn = call.kw_names[k];
    size_t j = find_name(kn);
    // PyTorch's argument parser also takes NumPy's names: axis= for dim=, keepdims= for keepdim=.
    if (j == n_ && style == ArgStyle::Torch) {
      if (kn == "axis") j = find_name("dim");
      else if (kn == "keepdims") j = find_name("keepdim");
    }
    if (j == n_) {
      if (style == ArgStyle::Torch) raise_type_error(std::string(fname) + "() got an unexpected keyword argument '" + kn + "'");
      raise_type_error("'" + kn + "' is an invalid keyword argument for " + fname + "()");
    }
    if (slots_[j]) {
      if (style == ArgStyle::Torch) raise_type_error(std::string(fname) + "() got multiple values for argument '" + kn + "'");
      raise_type_error("argument for " + std::string(fname) + "() given by name ('" + kn + "') and position (" + std::to_string(j + 1) + ")");
    }
    slots_[j] = &call.kw[k];
  }
  std::vector<std::string> missing;
  for (size_t j = 0; j < required; ++j)
    if (!slots_[j]) missing.push_back(names_[j]);
  if (!missing.empty()) {
    if (style == ArgStyle::Torch) {
      std::string list;
      for (size_t m = 0; m < missing.size(); ++m) list += (m ? ", \"" : "\"") + missing[m] + "\"";
      raise_type_error(std::string(fname) + "() missing " + std::to_string(missing.size()) + " required positional arguments: " + list);
    }
    size_t pos = 0;
    while (slots_[pos]) ++pos;
    raise_type_error(std::string(fname) + "() missing required argument '" + missing[0] + "' (pos " + std::to_string(pos + 1) + ")");
  }
}

void Args::type_mismatch(size_t i, const char* expected) const {
  raise_type_error(std::string(fname_) + "(): argument '" + names_[i] + "' (position " + std::to_string(i + position_base_) + ") must be " + expected +
                   ", not " + type_name(*slots_[i]));
}

Tensor Args::tensor(size_t i) const {
  if (!slots_[i] || !slots_[i]->is_tensor()) {
    if (!slots_[i]) raise_type_error(std::string(fname_) + "() missing 1 required positional arguments: \"" + names_[i] + "\"");
    type_mismatch(i, "Tensor");
  }
  return slots_[i]->as_tensor();
}

int64_t Args::int_(size_t i) const {
  const Value& v = *slots_[i];
  if (v.is_intlike()) return v.as_int();
  if (v.is_tensor() && v.as_tensor().numel() == 1 && !is_floating(v.as_tensor().dtype()))
    return static_cast<int64_t>(v.as_tensor().item().value);
  type_mismatch(i, "int");
}

double Args::number(size_t i) const {
  const Value& v = *slots_[i];
  if (v.is_number()) return v.as_number();
  if (v.is_tensor() && v.as_tensor().numel() == 1) return v.as_tensor().item().value;
  type_mismatch(i, "Number");
}

bool Args::boolean(size_t i, bool dflt) const {
  if (!slots_[i]) return dflt;
  const Value& v = *slots_[i];
  if (v.is_bool()) return v.as_bool();
  if (v.is_int()) return v.as_int() != 0;
  type_mismatch(i, "bool");
}

Scalar Args::scalar(size_t i) const {
  const Value& v = *slots_[i];
  if (is_scalar_like(v)) return to_scalar(v);
  if (v.is_tensor() && v.as_tensor().numel() == 1) {
    Scalar s = v.as_tensor().item();
    return s;
  }
  type_mismatch(i, "Number");
}

std::optional<DType> Args::dtype(size_t i) const {
  if (!has(i)) return std::nullopt;
  const Value& v = *slots_[i];
  if (auto* d = v.as<DTypeObj>()) return d->dtype;
  if (auto* t = v.as<TypeObj>()) {
    // dtype=float / dtype=int / dtype=bool, as PyTorch accepts Python types
    if (t->id == TypeId::Float) return DType::Float64;
    if (t->id == TypeId::Int) return DType::Int64;
    if (t->id == TypeId::Bool) return DType::Bool;
  }
  type_mismatch(i, "torch.dtype");
}

std::optional<Device> Args::device(size_t i) const {
  if (!has(i)) return std::nullopt;
  const Value& v = *slots_[i];
  if (auto* d = v.as<DeviceObj>()) return d->device;
  if (const std::string* s = as_str(v)) return parse_device(*s);
  if (v.is_intlike()) return Device{DeviceType::CUDA, static_cast<int>(v.as_int())};
  type_mismatch(i, "torch.device");
}

bool is_scalar_like(const Value& v) { return v.is_number(); }

Scalar to_scalar(const Value& v) {
  if (v.is_float()) return Scalar(v.as_float());
  if (v.is_bool()) return Scalar::boolean(v.as_bool());
  if (v.is_intlike()) return Scalar(v.as_int());
  raise_type_error(std::string("expected a number, not ") + type_name(v));
}

double to_double(const Value& v, const char* what) {
  if (v.is_number()) return v.as_number();
  if (v.is_tensor()) {
    const Tensor& t = v.as_tensor();
    if (t.numel() != 1) raise_value_error("only one element tensors can be converted to Python scalars");
    return t.item().value;
  }
  raise_type_error(std::string(what) + " must be a real number, not " + type_name(v));
}

int64_t to_index(const Value& v, const char* what) {
  if (v.is_intlike()) return v.as_int();
  if (v.is_tensor() && v.as_tensor().numel() == 1 && !is_floating(v.as_tensor().dtype()))
    return static_cast<int64_t>(v.as_tensor().item().value);
  raise_type_error(what);
}

std::vector<int64_t> to_int_list(const Value& v, const char* fname) {
  std::vector<int64_t> out;
  if (v.is_intlike()) {
    out.push_back(v.as_int());
    return out;
  }
  auto* s = v.as<SeqObj>();
  if (!s) raise_type_error(std::string(fname) + "(): argument must be tuple of ints, not " + type_name(v));
  for (const Value& x : s->items) {
    if (!x.is_intlike()) raise_type_error(std::string(fname) + "(): argument must be tuple of ints, but found element of type " + type_name(x));
    out.push_back(x.as_int());
  }
  return out;
}

Shape value_to_shape(const Value& v, const char* fname) {
  auto* s = v.as<SeqObj>();
  if (!s) raise_type_error(std::string(fname) + "(): argument 'size' (position 1) must be tuple of SymInts, not " + type_name(v));
  Shape shape;
  for (size_t i = 0; i < s->items.size(); ++i) {
    const Value& x = s->items[i];
    if (!x.is_intlike())
      raise_type_error(std::string(fname) + "(): argument 'size' (position 1) must be tuple of SymInts, but found element of type " +
                       type_name(x) + " at pos " + std::to_string(i));
    shape.push_back(x.as_int());
  }
  return shape;
}

Shape to_shape(CallArgs& a, size_t first, const char* fname) {
  if (a.npos == first + 1 && !a.pos[first].is_intlike()) return value_to_shape(a.pos[first], fname);
  Shape shape;
  for (size_t i = first; i < a.npos; ++i) {
    const Value& x = a.pos[i];
    if (!x.is_intlike())
      raise_type_error(std::string(fname) + "(): argument 'size' (position " + std::to_string(i + 1) + ") must be tuple of SymInts, not " +
                       type_name(x));
    shape.push_back(x.as_int());
  }
  return shape;
}

Shape shape_from_call(CallArgs& a, const char* fname, const char* kw) {
  for (size_t k = 0; k < a.nkw; ++k) {
    if (a.kw_names[k] == kw) {
      if (a.npos) raise_type_error(std::string(fname) + "() got multiple values for argument '" + kw + "'");
      return value_to_shape(a.kw[k], fname);
    }
    raise_type_error(std::string(fname) + "() got an unexpected keyword argument '" + a.kw_names[k] + "'");
  }
  if (a.npos == 0) raise_type_error(std::string(fname) + "() missing 1 required positional arguments: \"" + kw + "\"");
  return to_shape(a, 0, fname);
}

TensorOptions factory_options(const Args& args, size_t dtype_i, size_t device_i, size_t rg_i) {
  TensorOptions o;
  o.dtype = args.dtype(dtype_i);
  o.device = args.device(device_i);
  o.requires_grad = args.boolean(rg_i, false);
  return o;
}

SizedCall sized_call(CallArgs& a, const char* name, bool takes_generator) {
  CallArgs kw = a;
  kw.npos = 0;
  Args args(name, kw,
            takes_generator ? std::initializer_list<const char*>{"size", "dtype", "device", "requires_grad", "out", "layout", "pin_memory", "generator"}
                            : std::initializer_list<const char*>{"size", "dtype", "device", "requires_grad", "out", "layout", "pin_memory"},
            0);
  SizedCall c;
  if (args.has(0)) {
    if (a.npos) raise_type_error(std::string(name) + "() got multiple values for argument 'size'");
    c.shape = value_to_shape(*args.get(0), name);
  } else {
    if (a.npos == 0) raise_type_error(std::string(name) + "() missing 1 required positional arguments: \"size\"");
    c.shape = to_shape(a, 0, name);
  }
  if (args.has(4)) raise_not_supported(std::string(name) + "(out=...)");
  c.opts = factory_options(args, 1, 2, 3);
  if (takes_generator && args.has(7)) c.generator = args.get(7);
  return c;
}

Value dims_value(const std::vector<int64_t>& dims) {
  std::vector<Value> items;
  for (int64_t d : dims) items.emplace_back(d);
  return make_tuple(std::move(items));
}

namespace {
NestedData to_nested(const Value& v, int depth) {
  if (depth > 64) raise_value_error("torch.tensor(): data is nested too deeply");
  NestedData d;
  if (v.is_bool()) {
    d.value = v.as_bool();
  } else if (v.is_int()) {
    d.value = v.as_int();
  } else if (v.is_float()) {
    d.value = v.as_float();
  } else if (v.is_tensor()) {
    const Tensor& t = v.as_tensor();
    if (t.numel() != 1) raise_value_error("only one element tensors can be converted to Python scalars");
    Scalar s = t.item();
    if (t.dtype() == DType::Bool) d.value = s.int_value != 0;
    else if (s.is_integral) d.value = static_cast<int64_t>(s.value);
    else d.value = s.value;
  } else if (auto* s = v.as<SeqObj>()) {
    std::vector<NestedData> items;
    items.reserve(s->items.size());
    for (const Value& x : s->items) items.push_back(to_nested(x, depth + 1));
    d.value = std::move(items);
  } else {
    raise_type_error(std::string("new(): invalid data type '") + type_name(v) + "'");
  }
  return d;
}
}  // namespace

Value tensor_from_value(const Value& data, const TensorOptions& opts) {
  if (data.is_tensor()) {
    // torch.tensor(t) copies t without history (PyTorch also warns about it)
    Tensor c = data.as_tensor().detach().contiguous_clone();
    if (opts.dtype && *opts.dtype != c.dtype()) c = c.to(*opts.dtype);
    if (opts.device && *opts.device != c.device()) c = c.to(*opts.device);
    if (opts.requires_grad) c.requires_grad_(true);
    return Value(c);
  }
  return Value(tensor(to_nested(data, 0), opts));
}

}  // namespace gradlab::script
