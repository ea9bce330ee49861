// The `warnings` module: warn() prints as CPython's default filter does (once per location,
// "file:line: Category: message" and the source line), from the frame `stacklevel` levels up;
// filterwarnings/simplefilter("ignore") silence them, any other action restores the default.
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {
Value w_warn(Interp& in, CallArgs& a) {
  Args args("warn", a, {"message", "category", "stacklevel", "source"}, 1, ArgStyle::Python);
  const Value& msg = *args.get(0);
  std::string category = "UserWarning";
  if (args.has(1) && !args.get(1)->is_none()) {
    auto* t = args.get(1)->as<TypeObj>();
    if (!t) raise_type_error(std::string("category must be a Warning subclass, not '") + type_name(*args.get(1)) + "'");
    category = t->name;
  } else if (msg.as<ExceptionObj>() || msg.as<InstanceObj>()) {
    category = static_cast<const TypeObj*>(type_of(msg).obj())->name;
  }
  int64_t level = args.has(2) ? args.get(2)->as_int() : 1;
  in.warn(category, str(msg), level < 1 ? 1 : level);
  return Value();
}

Value set_filter(Interp& in, CallArgs& a, const char* name) {
  Args args(name, a, {"action", "message", "category", "module", "lineno", "append"}, 1, ArgStyle::Python);
  const std::string* action = as_str(*args.get(0));
  if (!action) raise_type_error("action must be a string");
  static const char* const kActions[] = {"default", "error", "ignore", "always", "module", "once", nullptr};
  if (!name_in(kActions, *action)) raise_value_error("invalid action: '" + *action + "'");
  if (*action == "error") raise_not_supported("warnings filters that turn warnings into errors");
  in.warnings_ignored_ = *action == "ignore";
  return Value();
}
Value w_filterwarnings(Interp& in, CallArgs& a) { return set_filter(in, a, "filterwarnings"); }
Value w_simplefilter(Interp& in, CallArgs& a) { return set_filter(in, a, "simplefilter"); }
Value w_resetwarnings(Interp& in, CallArgs&) {
  in.warnings_ignored_ = false;
  return Value();
}
}  // namespace

Value make_warnings_module(Interp&) {
  auto m = std::make_shared<ModuleObj>("warnings", "/usr/lib/python3.11/warnings.py");
  m->attrs["warn"] = Value(std::make_shared<BuiltinObj>("warn", w_warn));
  m->attrs["filterwarnings"] = Value(std::make_shared<BuiltinObj>("filterwarnings", w_filterwarnings));
  m->attrs["simplefilter"] = Value(std::make_shared<BuiltinObj>("simplefilter", w_simplefilter));
  m->attrs["resetwarnings"] = Value(std::make_shared<BuiltinObj>("resetwarnings", w_resetwarnings));
  return Value(std::static_pointer_cast<Object>(m));
}

}  // namespace gradlab::script
