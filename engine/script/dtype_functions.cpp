// The dtype functions of the torch module: promote_types, result_type, can_cast,
// and finfo/iinfo (Python classes in py/torch_dtype_info.py, run on first use).
#include "engine/script/bindings.h"
#include "engine/script/runtime.h"

namespace gradlab::script {
namespace {

Value fn(const char* name, BuiltinFn f) { return Value(std::make_shared<BuiltinObj>(name, f)); }

DType dtype_arg(Args& args, size_t i, const char* fn, const char* param) {
  auto* d = args.get(i)->as<DTypeObj>();
  if (!d)
    raise_type_error(std::string(fn) + "(): argument '" + param + "' (position " + std::to_string(i + 1) +
                     ") must be torch.dtype, not " + type_name(*args.get(i)));
  return d->dtype;
}

Value t_promote_types(Interp&, CallArgs& a) {
  Args args("promote_types", a, {"type1", "type2"}, 2);
  return make_dtype(promote_types(dtype_arg(args, 0, "promote_types", "type1"), dtype_arg(args, 1, "promote_types", "type2")));
}

Value t_can_cast(Interp&, CallArgs& a) {
  Args args("can_cast", a, {"from", "to"}, 2);
  return Value(can_cast(dtype_arg(args, 0, "can_cast", "from"), dtype_arg(args, 1, "can_cast", "to")));
}

// torch.result_type(tensor, other): the dtype the arithmetic of the two would compute in
// (Note [Type promotion]); `other` is a tensor or a Python number.
Value t_result_type(Interp&, CallArgs& a) {
  Args args("result_type", a, {"tensor", "other"}, 2);
  const Value& x = *args.get(0);
  const Value& y = *args.get(1);
  if (x.is_tensor() && y.is_tensor()) return make_dtype(result_type(x.as_tensor(), y.as_tensor()));
  if (x.is_tensor()) return make_dtype(result_type(x.as_tensor(), args.scalar(1)));
  if (y.is_tensor()) return make_dtype(result_type(y.as_tensor(), args.scalar(0)));
  // Two numbers: what a tensor made of the first would promote to with the second.
  const Scalar s = args.scalar(0);
  const DType first = s.is_bool ? DType::Bool : s.is_integral ? DType::Int64 : kDefaultFloat;
  return make_dtype(result_type(scalar_tensor(s, first, Device{}), args.scalar(1)));
}

}  // namespace

void install_dtype_functions(ModuleObj& torch) {
  auto& t = torch.attrs;
  t["promote_types"] = fn("promote_types", t_promote_types);
  t["can_cast"] = fn("can_cast", t_can_cast);
  t["result_type"] = fn("result_type", t_result_type);
  torch.lazy_attr = [](Interp& in, ModuleObj& m, const std::string& name) -> Value {
    if (name != "finfo" && name != "iinfo") return Value::unbound();
    auto info = std::make_shared<ModuleObj>("torch", "/usr/lib/python3/dist-packages/torch/__init__.py");
    info->lazy_source = "torch_dtype_info";
    load_lazy_attributes(in, *info);
    in.heap_.track(ObjRef(info));
    m.attrs["finfo"] = info->attrs["finfo"];
    m.attrs["iinfo"] = info->attrs["iinfo"];
    return m.attrs[name];
  };
}

}  // namespace gradlab::script
