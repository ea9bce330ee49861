// dir(): the sorted attribute names CPython 3.11 lists for an object, a class, a module, or
// (without an argument) the names bound in the current scope.
#include <algorithm>
#include <set>

#include "engine/script/python_names.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

const char* const kObjectDir[] = {
    "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__",
    "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__",
    "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__", nullptr};
// What a class statement adds to object's names.
const char* const kClassExtras[] = {"__dict__", "__module__", "__weakref__", nullptr};
const char* const kFrozenSetDir[] = {
    "__and__", "__class__", "__class_getitem__", "__contains__", "__delattr__", "__dir__", "__doc__", "__eq__",
    "__format__", "__ge__", "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__",
    "__init_subclass__", "__iter__", "__le__", "__len__", "__lt__", "__ne__", "__new__", "__or__", "__rand__",
    "__reduce__", "__reduce_ex__", "__repr__", "__ror__", "__rsub__", "__rxor__", "__setattr__", "__sizeof__",
    "__str__", "__sub__", "__subclasshook__", "__xor__", "copy", "difference", "intersection", "isdisjoint",
    "issubset", "issuperset", "symmetric_difference", "union", nullptr};
// set: frozenset's names plus the in-place operators and the mutating methods.
const char* const kSetExtras[] = {
    "__iand__", "__ior__", "__isub__", "__ixor__", "add", "clear", "difference_update", "discard",
    "intersection_update", "pop", "remove", "symmetric_difference_update", "update", nullptr};
const char* const kGeneratorDir[] = {
    "__class__", "__del__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
    "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__iter__", "__le__",
    "__lt__", "__name__", "__ne__", "__new__", "__next__", "__qualname__", "__reduce__", "__reduce_ex__",
    "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__", "close", "gi_code", "gi_frame",
    "gi_running", "gi_suspended", "gi_yieldfrom", "send", "throw", nullptr};
// A module's own dunder names (a script's __main__ also has __annotations__).
const char* const kModuleDunders[] = {"__builtins__", "__cached__", "__doc__", "__file__", "__loader__",
                                      "__name__", "__package__", "__spec__", nullptr};
const char* const kMainDunders[] = {"__annotations__", "__builtins__", "__cached__", "__doc__", "__file__",
                                    "__loader__", "__name__", "__package__", "__spec__", nullptr};

void add_all(std::set<std::string>& out, const char* const* list) {
  for (; list && *list; ++list) out.insert(*list);
}

void add_class(std::set<std::string>& out, const TypeObj* t) {
  if (t->id != TypeId::User) {
    if (t->native_methods)
      for (const auto& [k, v] : *t->native_methods) out.insert(k);
    return;
  }
  auto* c = static_cast<const ClassObj*>(t);
  for (const TypeObj* m : c->mro) {
    if (m->id == TypeId::User) {
      for (const auto& [k, v] : static_cast<const ClassObj*>(m)->dict)
        if (k != "__qualname__") out.insert(k);  // kept on the type itself in CPython
      add_all(out, kClassExtras);
    } else if (m->native_methods) {
      for (const auto& [k, v] : *m->native_methods) out.insert(k);
    }
  }
}

Value sorted_list(const std::set<std::string>& names) {
  std::vector<Value> items;
  items.reserve(names.size());
  for (const auto& n : names) items.push_back(make_str(n));  // std::set<std::string> sorts as Python sorts str
  return make_list(std::move(items));
}

Value b_dir(Interp& in, CallArgs& a) {
  Args args("dir", a, {"object"}, 0, ArgStyle::Python);
  std::set<std::string> names;
  if (!args.get(0)) {
    const Frame* f = in.current_frame_;
    if (f && f->fn) {
      for (size_t i = 0; i < f->fn->local_names.size(); ++i) {
        const Value& v = f->locals[i];
        bool bound = v.as<CellObj>() ? !v.as<CellObj>()->value.is_unbound() : !v.is_unbound();
        if (bound) names.insert(f->fn->local_names[i]);
      }
    } else {
      add_all(names, kMainDunders);
      for (auto& [n, v] : in.global_items()) names.insert(n);
    }
    return sorted_list(names);
  }
  const Value& v = *args.get(0);
  if (auto* inst = v.as<InstanceObj>()) {
    Value r;
    if (class_lookup(inst->cls.get(), "__dir__") && call_dunder(in, v, "__dir__", {}, &r)) {
      for (const Value& x : to_vector(in, r)) names.insert(str(x));
      return sorted_list(names);
    }
    for (const auto& [k, x] : inst->attrs) names.insert(*k);
    add_class(names, inst->cls.get());
    add_all(names, kObjectDir);
    if (!inst->native.is_none())
      if (const char* const* native = dir_for(inst->native)) add_all(names, native);
    return sorted_list(names);
  }
  if (auto* t = v.as<TypeObj>(); t && t->id == TypeId::User) {
    add_class(names, t);
    add_all(names, kObjectDir);
    return sorted_list(names);
  }
  if (auto* m = v.as<ModuleObj>()) {
    load_lazy_attributes(in, *m);
    const char* const* known = m->name == "math" ? names::kMathDir : m->name == "torch" ? names::kTorchDir
                             : m->name == "torch.nn" ? names::kNnDir : m->name == "torch.nn.functional" ? names::kFunctionalDir : nullptr;
    if (known) {
      add_all(names, known);
    } else {
      for (const auto& [k, x] : m->attrs) names.insert(k);
      add_all(names, kModuleDunders);
    }
    return sorted_list(names);
  }
  if (auto* s = v.as<SetObj>()) {
    add_all(names, kFrozenSetDir);
    if (!s->frozen()) add_all(names, kSetExtras);
    return sorted_list(names);
  }
  if (v.as<GeneratorObj>()) {
    add_all(names, kGeneratorDir);
    return sorted_list(names);
  }
  const char* const* list = dir_for(v);
  if (!list) raise_not_supported(std::string("dir() of a '") + type_name(v) + "' object");
  add_all(names, list);
  return sorted_list(names);
}

}  // namespace

void install_dir_builtin(Interp& in) { in.builtins_["dir"] = Value(std::make_shared<BuiltinObj>("dir", b_dir)); }

}  // namespace gradlab::script
