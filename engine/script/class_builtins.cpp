// The builtins of the class system: object, staticmethod, classmethod, property, super,
// issubclass, NotImplemented, delattr and vars (see Note [Classes] in runtime.h).
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

Value b_object(Interp&, CallArgs& a) {
  if (a.npos || a.nkw) raise_type_error("object() takes no arguments");
  static const std::shared_ptr<ClassObj> plain = [] {
    auto c = std::make_shared<ClassObj>("object");
    c->qualname = "object";
    c->module = "builtins";
    c->mro.push_back(const_cast<TypeObj*>(object_type()));
    return c;
  }();
  auto inst = std::make_shared<InstanceObj>(plain);
  inst->weak_self = inst;
  return Value(std::static_pointer_cast<Object>(inst));
}

Value make_wrapper(WrapperObj::Kind kind, const char* name, CallArgs& a) {
  Args args(name, a, {"function"}, 1, ArgStyle::Python);
  return Value(std::make_shared<WrapperObj>(kind, *args.get(0)));
}
Value b_staticmethod(Interp&, CallArgs& a) { return make_wrapper(WrapperObj::Kind::StaticMethod, "staticmethod", a); }
Value b_classmethod(Interp&, CallArgs& a) { return make_wrapper(WrapperObj::Kind::ClassMethod, "classmethod", a); }

Value b_property(Interp&, CallArgs& a) {
  Args args("property", a, {"fget", "fset", "fdel", "doc"}, 0, ArgStyle::Python);
  auto p = std::make_shared<WrapperObj>(WrapperObj::Kind::Property, args.get(0) ? *args.get(0) : Value());
  if (args.get(1)) p->fset = *args.get(1);
  if (args.get(2)) p->fdel = *args.get(2);
  return Value(std::static_pointer_cast<Object>(p));
}

// property.setter / getter / deleter: a copy of the property with one accessor replaced.
Value property_with(const Value& self, CallArgs& a, int which, const char* name) {
  Args args(name, a, {"function"}, 1, ArgStyle::Python);
  auto* w = self.as<WrapperObj>();
  auto p = std::make_shared<WrapperObj>(WrapperObj::Kind::Property, w->func);
  p->fset = w->fset;
  p->fdel = w->fdel;
  (which == 0 ? p->func : which == 1 ? p->fset : p->fdel) = *args.get(0);
  return Value(std::static_pointer_cast<Object>(p));
}
Value m_getter(Interp&, const Value& self, CallArgs& a) { return property_with(self, a, 0, "getter"); }
Value m_setter(Interp&, const Value& self, CallArgs& a) { return property_with(self, a, 1, "setter"); }
Value m_deleter(Interp&, const Value& self, CallArgs& a) { return property_with(self, a, 2, "deleter"); }

Value b_super(Interp& in, CallArgs& a) {
  if (a.nkw) raise_type_error("super() takes no keyword arguments");
  if (a.npos == 2) {
    auto* t = a.pos[0].as<TypeObj>();
    if (!t) raise_type_error(std::string("super() argument 1 must be a type, not ") + type_name(a.pos[0]));
    bool ok = false;
    if (auto* inst = a.pos[1].as<InstanceObj>()) ok = is_subclass(inst->cls.get(), t);
    else if (auto* c = a.pos[1].as<TypeObj>()) ok = is_subclass(c, t);
    if (!ok) raise_type_error("super(type, obj): obj must be an instance or subtype of type");
    return Value(std::make_shared<SuperObj>(a.pos[0], a.pos[1]));
  }
  if (a.npos != 0) raise_type_error("super() takes at most 2 arguments (" + std::to_string(a.npos) + " given)");
  const Frame* f = in.current_frame_;
  if (!f || !f->fn || !f->func || f->fn->params.empty()) raise("RuntimeError", "super(): no arguments");
  auto cls = f->func->defining_class.lock();
  if (!cls) raise("RuntimeError", "super(): __class__ cell not found");
  Value self = f->locals[f->fn->param_slots[0]];
  if (auto* c = self.as<CellObj>()) self = c->value;
  if (self.is_unbound()) raise("RuntimeError", "super(): arg[0] deleted");
  return Value(std::make_shared<SuperObj>(Value(cls), self));
}

Value b_issubclass(Interp&, CallArgs& a) {
  if (a.nkw) raise_type_error("issubclass() takes no keyword arguments");
  if (a.npos != 2) raise_type_error("issubclass expected 2 arguments, got " + std::to_string(a.npos));
  auto* sub = a.pos[0].as<TypeObj>();
  if (!sub) raise_type_error("issubclass() arg 1 must be a class");
  auto check = [&](const Value& c) {
    auto* t = c.as<TypeObj>();
    if (!t) raise_type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return is_subclass(sub, t);
  };
  if (auto* tup = as_tuple(a.pos[1])) {
    for (const Value& c : tup->items)
      if (check(c)) return Value(true);
    return Value(false);
  }
  return Value(check(a.pos[1]));
}

Value b_delattr(Interp& in, CallArgs& a) {
  Args args("delattr", a, {"obj", "name"}, 2, ArgStyle::Python);
  const std::string* n = as_str(*args.get(1));
  if (!n) raise_type_error("attribute name must be string, not '" + std::string(type_name(*args.get(1))) + "'");
  if (args.get(0)->as<InstanceObj>()) {
    instance_delattr(in, *args.get(0), *n);
    return Value();
  }
  if (auto* t = args.get(0)->as<TypeObj>(); t && t->id == TypeId::User) {
    class_delattr(static_cast<ClassObj*>(t), *n);
    return Value();
  }
  raise_attribute_error(std::string("'") + type_name(*args.get(0)) + "' object has no attribute '" + *n + "'");
}

Value b_vars(Interp& in, CallArgs& a) {
  Args args("vars", a, {"object"}, 1, ArgStyle::Python);
  const Value& v = *args.get(0);
  if (v.as<InstanceObj>() || (v.as<TypeObj>() && v.as<TypeObj>()->id == TypeId::User)) return in.get_attr(v, "__dict__");
  raise_type_error("vars() argument must have __dict__ attribute");
}

}  // namespace

Value wrapper_getattr(Interp& in, const Value& w, const std::string& name) {
  auto* p = w.as<WrapperObj>();
  if (p->kind == WrapperObj::Kind::Property) {
    if (name == "setter") return Value(std::make_shared<BoundMethodObj>(w, m_setter, "setter"));
    if (name == "getter") return Value(std::make_shared<BoundMethodObj>(w, m_getter, "getter"));
    if (name == "deleter") return Value(std::make_shared<BoundMethodObj>(w, m_deleter, "deleter"));
    if (name == "fget") return p->func;
    if (name == "fset") return p->fset;
    if (name == "fdel") return p->fdel;
    if (name == "__doc__") return p->func.as<FunctionObj>() ? in.get_attr(p->func, "__doc__") : Value();
  } else {
    if (name == "__func__" || name == "__wrapped__") return p->func;
    if (name == "__name__" || name == "__qualname__" || name == "__doc__") return in.get_attr(p->func, name);
  }
  raise_attribute_error(std::string("'") + type_name(w) + "' object has no attribute '" + name + "'");
}

void install_class_builtins(Interp& in) {
  auto& b = in.builtins_;
  b["object"] = builtin_object_type();
  const_cast<TypeObj*>(object_type())->ctor = b_object;
  b["staticmethod"] = Value(std::make_shared<TypeObj>("staticmethod", TypeId::Other, b_staticmethod));
  b["classmethod"] = Value(std::make_shared<TypeObj>("classmethod", TypeId::Other, b_classmethod));
  b["property"] = Value(std::make_shared<TypeObj>("property", TypeId::Other, b_property));
  b["super"] = Value(std::make_shared<TypeObj>("super", TypeId::Other, b_super));
  b["issubclass"] = Value(std::make_shared<BuiltinObj>("issubclass", b_issubclass));
  b["delattr"] = Value(std::make_shared<BuiltinObj>("delattr", b_delattr));
  b["vars"] = Value(std::make_shared<BuiltinObj>("vars", b_vars));
  b["NotImplemented"] = not_implemented_value();
}

}  // namespace gradlab::script
