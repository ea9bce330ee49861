// Scripts' forms of the dim- and window-moving ops (ops/movement.h): x.narrow, movedim /
// moveaxis, swapaxes / swapdims (transpose under other names, as in ATen), unflatten, rot90,
// x.unfold, diff, and torch.meshgrid.
#include "engine/ops/movement.h"
#include "engine/script/bindings.h"
#include "engine/script/errors.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

const Tensor& T(const Value& self) { return self.as_tensor(); }

bool is_sequence(const Value& v) { return v.as<SeqObj>() != nullptr; }  // list, tuple, torch.Size

// narrow(dim, start, length); start may be a 0-dim integral tensor (ATen's narrow.Tensor).
Value m_narrow(Interp&, const Value& self, CallArgs& a) {
  Args args("narrow", a, {"dim", "start", "length"}, 3);
  int64_t start;
  if (args.get(1)->is_tensor()) {
    const Tensor& s = args.get(1)->as_tensor();
    if (s.dim() != 0 || is_floating(s.dtype()) || s.dtype() == DType::Bool) runtime_error("start must be an 0-dim integral Tensor.");
    start = static_cast<int64_t>(s.item().int_value);
  } else {
    start = args.int_(1);
  }
  return Value(narrow(T(self), args.int_(0), start, args.int_(2)));
}

// movedim(source, destination): two ints, or two sequences of ints (PyTorch's two overloads).
Value movedim_with(const Value& self, CallArgs& a, const char* name) {
  Args args(name, a, {"source", "destination"}, 2);
  const Value& src = *args.get(0);
  const Value& dst = *args.get(1);
  if (src.is_intlike() && dst.is_intlike()) return Value(movedim(T(self), {src.as_int()}, {dst.as_int()}));
  if (is_sequence(src) && is_sequence(dst)) return Value(movedim(T(self), to_int_list(src, name), to_int_list(dst, name)));
  const auto mark = [](const Value& v, bool ok) { return ok ? std::string(type_name(v)) : "!" + std::string(type_name(v)) + "!"; };
  raise_type_error(std::string(name) + "() received an invalid combination of arguments - got (" + type_name(src) + ", " +
                   type_name(dst) + "), but expected one of:\n * (int source, int destination)\n      didn't match because "
                   "some of the arguments have invalid types: (" + mark(src, src.is_intlike()) + ", " +
                   mark(dst, dst.is_intlike()) + ")\n * (tuple of ints source, tuple of ints destination)\n      didn't "
                   "match because some of the arguments have invalid types: (" + mark(src, false) + ", " + mark(dst, false) +
                   ")\n");  // PyTorch marks both here, even a sequence
}
Value m_movedim(Interp&, const Value& self, CallArgs& a) { return movedim_with(self, a, "movedim"); }
Value m_moveaxis(Interp&, const Value& self, CallArgs& a) { return movedim_with(self, a, "moveaxis"); }

Value m_swapaxes(Interp&, const Value& self, CallArgs& a) {
  Args args("swapaxes", a, {"axis0", "axis1"}, 2);
  return Value(transpose(T(self), args.int_(0), args.int_(1)));
}
Value m_swapdims(Interp&, const Value& self, CallArgs& a) {
  Args args("swapdims", a, {"dim0", "dim1"}, 2);
  return Value(transpose(T(self), args.int_(0), args.int_(1)));
}

// unflatten(dim, sizes); sizes given as (name, size) pairs (named tensors) are not modelled.
Value m_unflatten(Interp&, const Value& self, CallArgs& a) {
  Args args("unflatten", a, {"dim", "sizes"}, 2);
  const Value& sizes = *args.get(1);
  if (const SeqObj* s = sizes.as<SeqObj>(); s && s->items.empty()) runtime_error("unflatten: sizes must be non-empty");
  return Value(unflatten(T(self), args.int_(0), to_int_list(sizes, "unflatten")));
}

Value m_rot90(Interp&, const Value& self, CallArgs& a) {
  Args args("rot90", a, {"k", "dims"}, 0);
  std::vector<int64_t> dims = {0, 1};
  if (args.has(1)) dims = to_int_list(*args.get(1), "rot90");
  return Value(rot90(T(self), args.int_or(0, 1), dims));
}

Value m_unfold(Interp&, const Value& self, CallArgs& a) {
  Args args("unfold", a, {"dimension", "size", "step"}, 3);
  return Value(unfold(T(self), args.int_(0), args.int_(1), args.int_(2)));
}

// A tensor argument of diff; PyTorch names no position for one given by keyword.
std::optional<Tensor> diff_operand(const Args& args, const CallArgs& a, size_t i) {
  if (!args.has(i)) return std::nullopt;
  const Value& v = *args.get(i);
  if (v.is_tensor()) return v.as_tensor();
  for (size_t k = 0; k < a.nkw; ++k)
    if (&a.kw[k] == &v) raise_type_error(std::string("diff(): argument '") + a.kw_names[k] + "' must be Tensor, not " + type_name(v));
  return args.tensor(i);
}

Value m_diff(Interp&, const Value& self, CallArgs& a) {
  Args args("diff", a, {"n", "dim", "prepend", "append"}, 0);
  const std::optional<Tensor> prepend = diff_operand(args, a, 2), append = diff_operand(args, a, 3);
  return Value(diff(T(self), args.int_or(0, 1), args.int_or(1, -1), prepend, append));
}

// torch.meshgrid(*tensors, indexing=None), torch/functional.py: one list or tuple argument is
// the tensors too; without indexing ATen warns and uses "ij".
Value t_meshgrid(Interp& in, CallArgs& a) {
  std::string indexing = "ij";
  bool indexing_given = false;
  for (size_t k = 0; k < a.nkw; ++k) {
    if (a.kw_names[k] != "indexing") raise_type_error("meshgrid() got an unexpected keyword argument '" + a.kw_names[k] + "'");
    if (a.kw[k].is_none()) continue;
    const std::string* s = as_str(a.kw[k]);
    if (!s) raise_type_error(std::string("meshgrid(): argument 'indexing' must be str, not ") + type_name(a.kw[k]));
    indexing = *s;
    indexing_given = true;
  }
  std::vector<Value> items(a.pos, a.pos + a.npos);
  if (a.npos == 1 && (as_list(a.pos[0]) || as_tuple(a.pos[0]))) items = to_vector(in, a.pos[0]);
  std::vector<Tensor> tensors;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is_tensor())
      raise_type_error("expected Tensor as element " + std::to_string(i) + " in argument 0, but got " + type_name(items[i]));
    tensors.push_back(items[i].as_tensor());
  }
  // ATen warns once per process (TORCH_WARN_ONCE); here once per calling line, Python's default.
  if (!indexing_given)
    in.warn("UserWarning", "torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument. "
                           "(Triggered internally at  ./aten/src/ATen/native/TensorShape.cpp:3190.)");
  std::vector<Value> grids;
  for (Tensor& g : meshgrid(tensors, indexing)) grids.emplace_back(std::move(g));
  return make_tuple(std::move(grids));
}

}  // namespace

// Note [One binding row per op]
const Bindings& movement_bindings() {
  constexpr unsigned MT = kMethod | kTorch;
  static const Bindings rows = {
      {"narrow", MT, m_narrow},       {"movedim", MT, m_movedim},     {"moveaxis", MT, m_moveaxis},
      {"swapaxes", MT, m_swapaxes},   {"swapdims", MT, m_swapdims},   {"unflatten", MT, m_unflatten},
      {"rot90", MT, m_rot90},         {"unfold", kMethod, m_unfold},  {"diff", MT, m_diff},
      {"meshgrid", kTorch, nullptr, t_meshgrid},
  };
  return rows;
}

}  // namespace gradlab::script
