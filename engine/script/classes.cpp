// User-defined classes: the `class` statement, instances, attribute lookup along the MRO, bound
// methods, super(), staticmethod/classmethod/property, and the dunder methods that Python's
// protocols (repr, ==, hash, truth, operators, len, indexing, iteration, calls) dispatch to.
// See Note [Classes] in runtime.h for the object model and how built-in bases fit in.
#include <algorithm>
#include <unordered_set>

#include "engine/script/python_names.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

Interp*& current_interp() {
  thread_local Interp* in = nullptr;
  return in;
}

uint64_t class_epoch = 1;

const std::string* intern_name(const std::string& name) {
  static std::unordered_set<std::string> names;  // node-based: addresses stay valid
  return &*names.insert(name).first;
}

Value* ClassObj::own(const std::string& n) {
  for (auto& [k, v] : dict)
    if (k == n) return &v;
  return nullptr;
}

namespace {

// Methods that built-in bases give their subclasses. Their owner marks them as "not defined
// by the script", so the protocol hooks fall back to the built-in behaviour for them.
const char kSlot[] = "slot wrapper";

bool is_slot(const Value& v) {
  auto* b = v.as<BuiltinObj>();
  return b && b->owner == kSlot;
}

InstanceObj* self_instance(CallArgs& a, const char* fname) {
  if (a.npos < 1) raise_type_error(std::string("descriptor '") + fname + "' of 'object' object needs an argument");
  auto* inst = a.pos[0].as<InstanceObj>();
  if (!inst) raise_type_error(std::string("descriptor '") + fname + "' requires a 'object' object but received a '" + type_name(a.pos[0]) + "'");
  return inst;
}

Value obj_init(Interp&, CallArgs& a) {
  if (a.npos > 1 || a.nkw) raise_type_error("object.__init__() takes exactly one argument (the instance to initialize)");
  return Value();
}

// obj.__class__ = C: the instance becomes a C (how a lazy module turns into the layer it
// stands for). As in CPython, both classes must lay out the instance alike: here, the same
// built-in base.
void set_instance_class(InstanceObj* inst, const Value& v) {
  auto* t = v.as<TypeObj>();
  if (!t || t->id != TypeId::User)
    raise_type_error(std::string("__class__ must be set to a class, not '") + type_name(v) + "' object");
  auto* cls = static_cast<ClassObj*>(t);
  if (cls->native_base != inst->cls->native_base)
    raise_type_error("__class__ assignment: '" + cls->name + "' object layout differs from '" + inst->cls->name + "'");
  inst->cls = std::static_pointer_cast<ClassObj>(v.obj_ref());
}

Value obj_setattr(Interp& in, CallArgs& a) {
  InstanceObj* inst = self_instance(a, "__setattr__");
  if (a.npos != 3) raise_type_error("expected 2 arguments, got " + std::to_string(a.npos - 1));
  const std::string* n = as_str(a.pos[1]);
  if (!n) raise_type_error(std::string("attribute name must be string, not '") + type_name(a.pos[1]) + "'");
  if (*n == "__class__") {
    set_instance_class(inst, a.pos[2]);
    return Value();
  }
  const Value* cv = class_lookup(inst->cls.get(), *n);
  if (cv && cv->as<WrapperObj>() && cv->as<WrapperObj>()->kind == WrapperObj::Kind::Property) {
    auto* p = cv->as<WrapperObj>();
    if (p->fset.is_none() || p->fset.is_unbound())
      raise_attribute_error("property '" + *n + "' of '" + inst->cls->name + "' object has no setter");
    in.call0(p->fset, {a.pos[0], a.pos[2]});
    return Value();
  }
  inst->attrs.set(*n, a.pos[2]);
  return Value();
}

Value obj_getattribute(Interp& in, CallArgs& a) {
  self_instance(a, "__getattribute__");
  const std::string* n = a.npos == 2 ? as_str(a.pos[1]) : nullptr;
  if (!n) raise_type_error("expected 1 argument");
  return instance_getattr(in, a.pos[0], *n);
}

Value obj_delattr(Interp& in, CallArgs& a) {
  InstanceObj* inst = self_instance(a, "__delattr__");
  const std::string* n = a.npos == 2 ? as_str(a.pos[1]) : nullptr;
  if (!n) raise_type_error("expected 1 argument");
  if (!inst->attrs.erase(*n)) raise_attribute_error("'" + inst->cls->name + "' object has no attribute '" + *n + "'");
  return Value();
}

std::string default_repr(const InstanceObj* inst) {
  std::string mod = inst->cls->module;
  std::string prefix = mod == "builtins" ? "" : mod + ".";
  return "<" + prefix + inst->cls->qualname + " object at " + address_of(inst) + ">";
}

Value obj_repr(Interp&, CallArgs& a) { return make_str(default_repr(self_instance(a, "__repr__"))); }
Value obj_str(Interp&, CallArgs& a) {
  self_instance(a, "__str__");
  return make_str(repr(a.pos[0]));
}
Value obj_hash(Interp&, CallArgs& a) {
  InstanceObj* inst = self_instance(a, "__hash__");
  return Value(static_cast<int64_t>(reinterpret_cast<uintptr_t>(inst) >> 4));
}

// BaseException.__init__(self, *args): sets args.
Value exc_init(Interp&, CallArgs& a) {
  InstanceObj* inst = self_instance(a, "__init__");
  if (auto* e = inst->native.as<ExceptionObj>()) e->args.assign(a.pos + 1, a.pos + a.npos);
  return Value();
}
Value exc_str(Interp&, CallArgs& a) {
  InstanceObj* inst = self_instance(a, "__str__");
  return make_str(inst->native.is_none() ? "" : str(inst->native));
}
Value exc_repr(Interp&, CallArgs& a) {
  InstanceObj* inst = self_instance(a, "__repr__");
  return make_str(inst->native.is_none() ? default_repr(inst) : repr(inst->native));
}

Value slot(const char* name, BuiltinFn fn) { return Value(std::make_shared<BuiltinObj>(name, fn, kSlot)); }

// Names in the MRO entries' namespaces, for "Did you mean" and dir().
void class_names(const ClassObj* cls, std::vector<std::string>& out) {
  for (const TypeObj* t : cls->mro)
    if (t->id == TypeId::User)
      for (auto& [k, v] : static_cast<const ClassObj*>(t)->dict) out.push_back(k);
}

Value value_of(const Object* o) {
  // Objects reached through a raw pointer (the protocol hooks of value.h) are always instances
  // owned by a live Value; rebuild one from the instance's weak self-reference.
  ObjRef p = static_cast<const InstanceObj*>(o)->weak_self.lock();
  return p ? Value(std::move(p)) : Value();
}

}  // namespace

namespace {
Value exception_new(Interp&, const std::string& class_name, CallArgs& args) {
  return Value(std::make_shared<ExceptionObj>(class_name, std::vector<Value>(args.pos, args.pos + args.npos)));
}
}  // namespace

void make_subclassable_exception(TypeObj* t) {
  static const std::unordered_map<std::string, Value> methods = {
      {"__init__", slot("__init__", exc_init)},
      {"__str__", slot("__str__", exc_str)},
      {"__repr__", slot("__repr__", exc_repr)},
  };
  t->native_new = exception_new;
  t->native_methods = &methods;
}

Value builtin_object_type() {
  static const Value t(std::make_shared<TypeObj>("object", TypeId::Object, nullptr));
  return t;
}
const TypeObj* object_type() { return static_cast<const TypeObj*>(builtin_object_type().obj()); }

Value type_value(Interp& in, const TypeObj* t) {
  if (t->id == TypeId::User) return Value(ObjRef(static_cast<const ClassObj*>(t)->weak_self.lock()));
  if (t->id == TypeId::Object) return builtin_object_type();
  auto it = in.builtins_.find(t->name);
  return it != in.builtins_.end() ? it->second : Value();
}

Value slot_method(const char* name, BuiltinFn fn) { return slot(name, fn); }

Value native_type_attr(const TypeObj* t, const std::string& name) {
  static const std::unordered_map<std::string, Value> object_attrs = {
      {"__init__", slot("__init__", obj_init)},         {"__setattr__", slot("__setattr__", obj_setattr)},
      {"__getattribute__", slot("__getattribute__", obj_getattribute)},
      {"__delattr__", slot("__delattr__", obj_delattr)}, {"__repr__", slot("__repr__", obj_repr)},
      {"__str__", slot("__str__", obj_str)},             {"__hash__", slot("__hash__", obj_hash)},
  };
  const auto* table = t->id == TypeId::Object ? &object_attrs : t->native_methods;
  if (table) {
    auto it = table->find(name);
    if (it != table->end()) return it->second;
  }
  return Value::unbound();
}

const Value* class_lookup(ClassObj* cls, const std::string& name) {
  if (cls->cache_epoch != class_epoch) {
    cls->cache.clear();
    cls->cache_epoch = class_epoch;
  }
  auto it = cls->cache.find(name);
  if (it == cls->cache.end()) {
    Value found = Value::unbound();
    for (TypeObj* t : cls->mro) {
      if (t->id == TypeId::User) {
        if (Value* v = static_cast<ClassObj*>(t)->own(name)) {
          found = *v;
          break;
        }
      } else {
        Value v = native_type_attr(t, name);
        if (!v.is_unbound()) {
          found = std::move(v);
          break;
        }
      }
    }
    it = cls->cache.emplace(name, std::move(found)).first;
  }
  return it->second.is_unbound() ? nullptr : &it->second;
}

bool is_subclass(const TypeObj* sub, const TypeObj* base) {
  if (sub == base || base->id == TypeId::Object) return true;
  if (sub->id == TypeId::User) {
    for (const TypeObj* t : static_cast<const ClassObj*>(sub)->mro)
      if (t == base || (t->id == TypeId::Exception && base->id == TypeId::Exception && t->name == base->name)) return true;
    return false;
  }
  if (sub->id == TypeId::Exception && base->id == TypeId::Exception) return exception_name_is_a(sub->name, base->name);
  if (sub->id == TypeId::Bool && base->id == TypeId::Int) return true;
  return false;
}

// ---- the class statement ------------------------------------------------------------------------
namespace {

// The MRO of a base: a user class's own, or a built-in type's chain up to object.
std::vector<TypeObj*> mro_of(Interp& in, TypeObj* t) {
  if (t->id == TypeId::User) return static_cast<ClassObj*>(t)->mro;
  std::vector<TypeObj*> out;
  if (t->id == TypeId::Exception) {
    std::string name = t->name;
    while (!name.empty()) {
      auto it = in.builtins_.find(name);
      if (it == in.builtins_.end() || !it->second.as<TypeObj>()) break;
      out.push_back(it->second.as<TypeObj>());
      name = exception_parent(name);
    }
  } else if (t->id != TypeId::Object) {
    out.push_back(t);
  }
  out.push_back(const_cast<TypeObj*>(object_type()));
  return out;
}

// C3 linearisation (Python's MRO).
std::vector<TypeObj*> c3(Interp& in, ClassObj* cls, const std::vector<TypeObj*>& bases) {
  std::vector<std::vector<TypeObj*>> seqs;
  for (TypeObj* b : bases) seqs.push_back(mro_of(in, b));
  seqs.push_back(bases);
  std::vector<TypeObj*> out{cls};
  while (true) {
    bool any = false;
    for (auto& s : seqs) any |= !s.empty();
    if (!any) return out;
    TypeObj* head = nullptr;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      TypeObj* cand = s.front();
      bool in_tail = false;
      for (auto& r : seqs)
        if (std::find(r.begin() + (r.empty() ? 0 : 1), r.end(), cand) != r.end()) in_tail = true;
      if (!in_tail) {
        head = cand;
        break;
      }
    }
    if (!head) {
      std::string names;
      for (TypeObj* b : bases) names += (names.empty() ? "" : ", ") + b->name;
      raise_type_error("Cannot create a consistent method resolution\norder (MRO) for bases " + names);
    }
    out.push_back(head);
    for (auto& s : seqs)
      if (!s.empty() && s.front() == head) s.erase(s.begin());
  }
}

void set_defining_class(const Value& v, const std::shared_ptr<ClassObj>& cls) {
  if (auto* fn = v.as<FunctionObj>()) {
    if (fn->qualname.rfind(cls->qualname + ".", 0) == 0 && fn->defining_class.expired()) fn->defining_class = cls;
  } else if (auto* w = v.as<WrapperObj>()) {
    set_defining_class(w->func, cls);
    set_defining_class(w->fset, cls);
    set_defining_class(w->fdel, cls);
  }
}

}  // namespace

void Interp::exec_class(const ClassDefStmt* s, Frame& f) {
  const FunctionInfo* info = s->body;
  std::vector<Value> decorators;
  for (const Expr* e : s->decorators) decorators.push_back(eval(e, f));
  std::vector<Value> bases;
  for (const Expr* e : s->bases) bases.push_back(eval(e, f));
  for (size_t i = 0; i < s->kw_values.size(); ++i) {
    eval(s->kw_values[i], f);
    f.record->where = s;
    if (s->kw_names[i] == "metaclass") raise_not_supported("metaclasses (metaclass=)");
    raise_not_supported("class keyword arguments (" + s->kw_names[i] + "=)");
  }
  f.record->where = s;
  auto cls = std::make_shared<ClassObj>(info->name);
  if (!f.fn) cls->qualname = info->name;
  else cls->qualname = f.func->qualname + (f.fn->is_class ? "." : ".<locals>.") + info->name;
  std::vector<TypeObj*> base_types;
  for (const Value& b : bases) {
    auto* t = b.as<TypeObj>();
    if (!t) raise_type_error("class bases must be classes, not '" + std::string(type_name(b)) + "' (" + repr(b) + ")");
    if (t->id != TypeId::User && t->id != TypeId::Object && !t->native_new)
      raise_not_supported("subclassing the built-in type '" + t->name + "'");
    if (std::find(base_types.begin(), base_types.end(), t) != base_types.end()) raise_type_error("duplicate base class " + t->name);
    base_types.push_back(t);
    if (!cls->native_base) {
      if (t->native_new) cls->native_base = t;
      else if (t->id == TypeId::User) cls->native_base = static_cast<ClassObj*>(t)->native_base;
    }
  }
  if (bases.empty()) base_types.push_back(const_cast<TypeObj*>(object_type()));
  cls->mro = c3(*this, cls.get(), base_types);
  cls->bases = bases;
  cls->weak_self = cls;

  // Run the body in a frame of its own; its locals become the namespace.
  if (depth_ + 1 >= max_depth_) raise("RecursionError", "maximum recursion depth exceeded");
  auto body = std::make_shared<FunctionObj>();
  body->program = f.func ? f.func->program : current_program_;
  body->info = info;
  body->qualname = cls->qualname;
  for (const auto& ref : info->free_vars) {
    if (ref.from_enclosing_free) body->closure.push_back(f.free[ref.index]);
    else body->closure.push_back(std::static_pointer_cast<CellObj>(f.locals[ref.index].obj_ref()));
  }
  std::vector<Value> locals(static_cast<size_t>(info->num_locals), Value::unbound());
  for (int slot : info->cell_slots) {
    auto cell = std::make_shared<CellObj>();
    heap_.track(cell);
    locals[slot] = Value(ObjRef(std::move(cell)));
  }
  run_frame(body.get(), locals.data());

  cls->dict.emplace_back("__module__", make_str("__main__"));
  cls->dict.emplace_back("__qualname__", make_str(cls->qualname));
  if (!info->body.empty() && info->body[0]->kind == StmtKind::Expr) {
    auto* e = static_cast<const ExprStmt*>(info->body[0])->value;
    if (e->kind == ExprKind::Constant && as_str(static_cast<const ConstantExpr*>(e)->value))
      cls->dict.emplace_back("__doc__", static_cast<const ConstantExpr*>(e)->value);
  }
  for (size_t i = 0; i < locals.size(); ++i) {
    Value v = locals[i];
    if (auto* c = v.as<CellObj>(); c && std::find(info->cell_slots.begin(), info->cell_slots.end(), int(i)) != info->cell_slots.end())
      v = c->value;
    if (v.is_unbound()) continue;
    const std::string& n = info->local_names[i];
    if (Value* old = cls->own(n)) *old = v;
    else cls->dict.emplace_back(n, v);
  }
  if (cls->own("__eq__") && !cls->own("__hash__")) cls->dict.emplace_back("__hash__", Value());  // as Python does
  if (cls->own("__new__")) raise_not_supported("defining __new__");
  for (auto& [k, v] : cls->dict) set_defining_class(v, cls);
  heap_.track(cls);
  ++class_epoch;
  Value v(std::static_pointer_cast<Object>(cls));
  if (!decorators.empty()) v = apply_decorators(s->decorators, decorators, std::move(v));
  store_name(s->target, std::move(v), f);
}

// Note [Class annotations]: `name: T` (or `name: T = v`) in a class body evaluates T, as
// CPython 3.11 does without `from __future__ import annotations`, and stores it in the class's
// __annotations__ dict in source order (dataclasses read it); the resolver gives such a body
// a local `__annotations__`. Annotations elsewhere are not evaluated, as in a function body.
void Interp::annotate_class_name(const AnnAssignStmt* a, Frame& f) {
  Value annotation = eval(a->annotation, f);
  const auto& names = f.fn->local_names;
  auto slot = std::find(names.begin(), names.end(), "__annotations__") - names.begin();
  Value& dict = f.locals[slot];
  if (dict.is_unbound()) dict = make_dict();
  dict.as<DictObj>()->set(make_str(static_cast<const NameExpr*>(a->target)->id), std::move(annotation));
}

Value Interp::apply_decorators(const std::vector<Expr*>& exprs, std::vector<Value>& decorators, Value v) {
  for (size_t i = decorators.size(); i-- > 0;) {
    frames_.back().where = exprs[i];
    v = call0(decorators[i], {std::move(v)});
  }
  return v;
}

// ---- instances ------------------------------------------------------------------------------------
Value instantiate(Interp& in, const std::shared_ptr<ClassObj>& cls, CallArgs& args) {
  auto inst = std::make_shared<InstanceObj>(cls);
  inst->weak_self = inst;
  if (cls->native_base) inst->native = cls->native_base->native_new(in, cls->name, args);
  Value self(std::static_pointer_cast<Object>(inst));
  in.heap_.track(self.obj_ref());
  const Value* init = class_lookup(cls.get(), "__init__");
  if (!init) return self;
  if (is_slot(*init)) {
    auto* b = init->as<BuiltinObj>();
    if (b->fn == obj_init && (args.npos || args.nkw)) raise_type_error(cls->name + "() takes no arguments");
    if (b->fn == exc_init && args.nkw) raise_type_error(cls->name + "() takes no keyword arguments");  // BaseException's rule
    return self;
  }
  Value fn = *init;
  std::vector<Value> pos;
  pos.reserve(args.npos + 1);
  pos.push_back(self);
  for (size_t i = 0; i < args.npos; ++i) pos.push_back(args.pos[i]);
  CallArgs a = args;
  a.pos = pos.data();
  a.npos = pos.size();
  Value r = in.call(fn, a);
  if (!r.is_none()) raise_type_error(std::string("__init__() should return None, not '") + type_name(r) + "'");
  return self;
}

namespace {

// What `obj.name` gives for a class attribute `v` found on obj's class.
Value bind(const Value& v, const Value& self, const Value& cls) {
  if (Object* o = v.obj()) {
    switch (o->type) {
      case ObjType::Function: return Value(std::make_shared<MethodObj>(self, v));
      case ObjType::Builtin:
        if (is_slot(v)) return Value(std::make_shared<MethodObj>(self, v));
        break;
      case ObjType::Wrapper: {
        auto* w = static_cast<WrapperObj*>(o);
        if (w->kind == WrapperObj::Kind::StaticMethod) return w->func;
        if (w->kind == WrapperObj::Kind::ClassMethod) return Value(std::make_shared<MethodObj>(cls, w->func));
        break;
      }
      default: break;
    }
  }
  return v;
}

Value property_get(Interp& in, const WrapperObj* p, const Value& self, const std::string& name, const std::string& cls_name) {
  if (p->func.is_none() || p->func.is_unbound())
    raise_attribute_error("property '" + name + "' of '" + cls_name + "' object has no getter");
  return in.call0(p->func, {self});
}

bool is_property(const Value* v) {
  auto* w = v ? v->as<WrapperObj>() : nullptr;
  return w && w->kind == WrapperObj::Kind::Property;
}

[[noreturn]] void no_attribute(const InstanceObj* inst, const std::string& name) {
  std::vector<std::string> names;
  for (auto& [k, v] : inst->attrs) names.push_back(*k);
  class_names(inst->cls.get(), names);
  std::string msg = "'" + inst->cls->name + "' object has no attribute '" + name + "'";
  std::vector<std::string_view> views(names.begin(), names.end());
  std::string s = names::suggest(name, views);
  if (!s.empty()) msg += ". Did you mean: '" + s + "'?";
  raise_attribute_error(msg);
}

}  // namespace

Value instance_getattr(Interp& in, const Value& self, const std::string& name) {
  auto* inst = self.as<InstanceObj>();
  ClassObj* cls = inst->cls.get();
  const Value* cv = class_lookup(cls, name);
  if (is_property(cv)) {
    Value p = *cv;
    return property_get(in, p.as<WrapperObj>(), self, name, cls->name);
  }
  if (Value* v = inst->attrs.find(name)) return *v;
  Value clsv(std::static_pointer_cast<Object>(inst->cls));
  if (cv) return bind(*cv, self, clsv);
  if (name == "__class__") return clsv;
  if (name == "__dict__") {
    Value d = make_dict();
    for (auto& [k, v] : inst->attrs) d.as<DictObj>()->set(make_str(*k), v);
    return d;
  }
  if (auto* e = inst->native.as<ExceptionObj>()) {
    if (name == "args") return make_tuple(e->args);
  }
  if (has_user_getattr(cls)) {
    Value fn = *class_lookup(cls, "__getattr__");
    return in.call0(fn, {self, make_str(name)});
  }
  no_attribute(inst, name);
}

void instance_setattr(Interp& in, const Value& self, const std::string& name, Value v) {
  auto* inst = self.as<InstanceObj>();
  ClassObj* cls = inst->cls.get();
  if (has_user_setattr(cls)) {
    Value fn = *class_lookup(cls, "__setattr__");
    in.call0(fn, {self, make_str(name), std::move(v)});
    return;
  }
  const Value* cv = class_lookup(cls, name);
  if (is_property(cv)) {
    Value p = *cv;
    auto* w = p.as<WrapperObj>();
    if (w->fset.is_none() || w->fset.is_unbound()) raise_attribute_error("property '" + name + "' of '" + cls->name + "' object has no setter");
    in.call0(w->fset, {self, std::move(v)});
    return;
  }
  if (name == "__class__") {
    set_instance_class(inst, v);
    return;
  }
  if (auto* e = inst->native.as<ExceptionObj>(); e && name == "args") {
    e->args = to_vector(in, v);
    return;
  }
  inst->attrs.set(name, std::move(v));
}

void class_delattr(ClassObj* cls, const std::string& name) {
  auto& d = cls->dict;
  auto it = std::find_if(d.begin(), d.end(), [&](const auto& e) { return e.first == name; });
  if (it == d.end()) raise_attribute_error("type object '" + cls->name + "' has no attribute '" + name + "'");
  d.erase(it);
  ++class_epoch;
}

void instance_delattr(Interp& in, const Value& self, const std::string& name) {
  auto* inst = self.as<InstanceObj>();
  ClassObj* cls = inst->cls.get();
  if (const Value* da = class_lookup(cls, "__delattr__"); da && !is_slot(*da)) {
    Value fn = *da;
    in.call0(fn, {self, make_str(name)});
    return;
  }
  const Value* cv = class_lookup(cls, name);
  if (is_property(cv)) {
    Value p = *cv;
    auto* w = p.as<WrapperObj>();
    if (w->fdel.is_none() || w->fdel.is_unbound()) raise_attribute_error("property '" + name + "' of '" + cls->name + "' object has no deleter");
    in.call0(w->fdel, {self});
    return;
  }
  if (!inst->attrs.erase(name)) raise_attribute_error("'" + cls->name + "' object has no attribute '" + name + "'");
}

Value class_getattr(Interp& in, const Value& clsv, const std::string& name) {
  auto* t = clsv.as<TypeObj>();
  if (name == "__name__") return make_str(t->name);
  if (t->id != TypeId::User) {
    if (name == "__qualname__") return make_str(t->name);
    Value v = native_type_attr(t, name);
    if (!v.is_unbound()) return v;
    if (name == "__module__") return make_str(t->module);
    raise_attribute_error("type object '" + t->name + "' has no attribute '" + name + "'");
  }
  auto* cls = static_cast<ClassObj*>(t);
  if (name == "__bases__") {
    std::vector<Value> b = cls->bases;
    if (b.empty()) b.push_back(builtin_object_type());
    return make_tuple(std::move(b));
  }
  if (name == "__mro__") {
    std::vector<Value> m;
    m.push_back(clsv);
    for (size_t i = 1; i < cls->mro.size(); ++i) m.push_back(type_value(in, cls->mro[i]));
    return make_tuple(std::move(m));
  }
  if (name == "__dict__") {
    Value d = make_dict();
    for (auto& [k, v] : cls->dict) d.as<DictObj>()->set(make_str(k), v);
    return d;
  }
  if (name == "__annotations__") {
    // The class's own annotations, never a base's: one without gets an empty dict, as in
    // CPython 3.10+ (Note [Class annotations]).
    if (Value* own = cls->own(name)) return *own;
    cls->dict.emplace_back(name, make_dict());
    ++class_epoch;
    return cls->dict.back().second;
  }
  if (name == "__class__") return builtin_type(TypeId::Type);
  const Value* cv = class_lookup(cls, name);
  if (cv) {
    auto* w = cv->as<WrapperObj>();
    if (w && w->kind == WrapperObj::Kind::StaticMethod) return w->func;
    if (w && w->kind == WrapperObj::Kind::ClassMethod) return Value(std::make_shared<MethodObj>(clsv, w->func));
    return *cv;
  }
  if (name == "__doc__") return Value();
  std::vector<std::string> names;
  class_names(cls, names);
  std::string msg = "type object '" + cls->name + "' has no attribute '" + name + "'";
  std::vector<std::string_view> views(names.begin(), names.end());
  std::string s = names::suggest(name, views);
  if (!s.empty()) msg += ". Did you mean: '" + s + "'?";
  raise_attribute_error(msg);
}

Value super_getattr(Interp& in, const Value& supv, const std::string& name) {
  auto* sup = supv.as<SuperObj>();
  auto* start = sup->start.as<TypeObj>();
  const std::vector<TypeObj*>* mro = nullptr;
  Value cls;
  if (auto* inst = sup->self.as<InstanceObj>()) {
    mro = &inst->cls->mro;
    cls = Value(std::static_pointer_cast<Object>(inst->cls));
  } else if (auto* c = sup->self.as<TypeObj>(); c && c->id == TypeId::User) {
    mro = &static_cast<ClassObj*>(c)->mro;
    cls = sup->self;
  }
  if (mro) {
    auto it = std::find(mro->begin(), mro->end(), start);
    if (it != mro->end()) ++it;
    for (; it != mro->end(); ++it) {
      Value v = (*it)->id == TypeId::User ? ([&]() {
        Value* own = static_cast<ClassObj*>(*it)->own(name);
        return own ? *own : Value::unbound();
      })()
                                         : native_type_attr(*it, name);
      if (v.is_unbound()) continue;
      if (is_property(&v)) return property_get(in, v.as<WrapperObj>(), sup->self, name, type_name(sup->self));
      if (sup->self.as<TypeObj>()) {  // super() in a classmethod
        auto* w = v.as<WrapperObj>();
        if (w && w->kind == WrapperObj::Kind::ClassMethod) return Value(std::make_shared<MethodObj>(cls, w->func));
        if (w && w->kind == WrapperObj::Kind::StaticMethod) return w->func;
        return v;
      }
      return bind(v, sup->self, cls);
    }
  }
  raise_attribute_error("'super' object has no attribute '" + name + "'");
}

void update_class_flags(ClassObj* cls) {
  const Value* sa = class_lookup(cls, "__setattr__");
  const Value* ga = class_lookup(cls, "__getattr__");
  cls->user_setattr = sa && !is_slot(*sa);
  cls->user_getattr = ga && !is_slot(*ga);
  cls->flags_epoch = class_epoch;
}

// obj.name at a call site: a plain instance attribute, found at the index this site remembers.
Value load_instance_attr(Interp& in, const Value& self, const AttributeExpr* site) {
  auto* inst = self.as<InstanceObj>();
  const Value* cv = class_lookup_cached(inst->cls.get(), site->attr, site);
  if (!is_property(cv)) {
    if (!site->ic_name) site->ic_name = intern_name(site->attr);
    auto& items = inst->attrs.items;
    if (site->ic_slot < items.size() && items[site->ic_slot].first == site->ic_name) return items[site->ic_slot].second;
    for (size_t i = 0; i < items.size(); ++i)
      if (items[i].first == site->ic_name) {
        site->ic_slot = static_cast<uint32_t>(i);
        return items[i].second;
      }
  }
  return instance_getattr(in, self, site->attr);
}

void store_instance_attr(Interp& in, const Value& self, const AttributeExpr* site, Value v) {
  auto* inst = self.as<InstanceObj>();
  ClassObj* cls = inst->cls.get();
  if (!has_user_setattr(cls) && !is_property(class_lookup_cached(cls, site->attr, site)) && inst->native.is_none()) {
    if (!site->ic_name) site->ic_name = intern_name(site->attr);
    static const std::string* const class_name = intern_name("__class__");
    if (site->ic_name == class_name) return instance_setattr(in, self, site->attr, std::move(v));
    auto& items = inst->attrs.items;
    if (site->ic_slot < items.size() && items[site->ic_slot].first == site->ic_name) {
      items[site->ic_slot].second = std::move(v);
      return;
    }
    for (size_t i = 0; i < items.size(); ++i)
      if (items[i].first == site->ic_name) {
        site->ic_slot = static_cast<uint32_t>(i);
        items[i].second = std::move(v);
        return;
      }
    site->ic_slot = static_cast<uint32_t>(items.size());
    items.emplace_back(site->ic_name, std::move(v));
    return;
  }
  instance_setattr(in, self, site->attr, std::move(v));
}

// ---- protocol hooks ----------------------------------------------------------------------------
bool call_dunder(Interp& in, const Value& self, const char* name, std::initializer_list<Value> args, Value* out) {
  auto* inst = self.as<InstanceObj>();
  if (!inst) return false;
  const Value* fn = class_lookup(inst->cls.get(), name);
  if (!fn || is_slot(*fn)) return false;
  if (fn->is_none()) raise_type_error("'NoneType' object is not callable");  // e.g. __repr__ = None
  Value f = *fn;
  std::vector<Value> pos;
  pos.reserve(args.size() + 1);
  pos.push_back(self);
  for (const Value& a : args) pos.push_back(a);
  Value r = in.call0(f, std::move(pos));
  if (out) *out = std::move(r);
  return true;
}

Value not_implemented_value() {
  static const Value v(std::make_shared<TypeObj>("NotImplementedType", TypeId::Other, nullptr));
  return v;
}

namespace {
bool is_not_implemented(const Value& v) { return v.obj() && v.obj() == not_implemented_value().obj(); }

Interp& interp() {
  Interp* in = current_interp();
  if (!in) raise("SystemError", "no interpreter is running");
  return *in;
}
}  // namespace

const char* instance_type_name(const Object* o) {
  switch (o->type) {
    case ObjType::Instance: return static_cast<const InstanceObj*>(o)->cls->name.c_str();
    case ObjType::Super: return "super";
    case ObjType::Wrapper:
      switch (static_cast<const WrapperObj*>(o)->kind) {
        case WrapperObj::Kind::StaticMethod: return "staticmethod";
        case WrapperObj::Kind::ClassMethod: return "classmethod";
        case WrapperObj::Kind::Property: return "property";
      }
      break;
    default: break;
  }
  return "object";
}

std::string instance_repr(Object* o, bool want_str) {
  auto* inst = static_cast<InstanceObj*>(o);
  Interp* in = current_interp();
  Value self = value_of(o);
  if (in && !self.is_none()) {
    Value r;
    if ((want_str && call_dunder(*in, self, "__str__", {}, &r)) || call_dunder(*in, self, "__repr__", {}, &r)) {
      const std::string* s = as_str(r);
      if (!s) raise_type_error(std::string(want_str ? "__str__" : "__repr__") + " returned non-string (type " + type_name(r) + ")");
      return *s;
    }
  }
  if (!inst->native.is_none()) return want_str ? str(inst->native) : repr(inst->native);
  return default_repr(inst);
}

bool instance_truthy(Object* o) {
  Value self = value_of(o);
  Interp& in = interp();
  Value r;
  if (call_dunder(in, self, "__bool__", {}, &r)) {
    if (!r.is_bool()) raise_type_error(std::string("__bool__ should return bool, returned ") + type_name(r));
    return r.as_bool();
  }
  if (call_dunder(in, self, "__len__", {}, &r)) {
    if (!r.is_intlike()) raise_type_error(std::string("'") + type_name(r) + "' object cannot be interpreted as an integer");
    if (r.as_int() < 0) raise_value_error("__len__() should return >= 0");
    return r.as_int() != 0;
  }
  return true;
}

bool instance_equal(const Value& a, const Value& b) { return instance_compare(interp(), CmpKind::Eq, a, b); }

size_t instance_hash(Object* o) {
  auto* inst = static_cast<InstanceObj*>(o);
  const Value* h = class_lookup(inst->cls.get(), "__hash__");
  if (h && h->is_none()) raise_type_error("unhashable type: '" + inst->cls->name + "'");
  Value r;
  if (call_dunder(interp(), value_of(o), "__hash__", {}, &r)) {
    if (!r.is_intlike()) raise_type_error("__hash__ method should return an integer");
    return std::hash<int64_t>()(r.as_int());
  }
  return std::hash<const void*>()(o);
}

namespace {
struct OpNames {
  const char *op, *rop, *iop;
};
OpNames op_names(BinOpKind op) {
  switch (op) {
    case BinOpKind::Add: return {"__add__", "__radd__", "__iadd__"};
    case BinOpKind::Sub: return {"__sub__", "__rsub__", "__isub__"};
    case BinOpKind::Mul: return {"__mul__", "__rmul__", "__imul__"};
    case BinOpKind::Div: return {"__truediv__", "__rtruediv__", "__itruediv__"};
    case BinOpKind::FloorDiv: return {"__floordiv__", "__rfloordiv__", "__ifloordiv__"};
    case BinOpKind::Mod: return {"__mod__", "__rmod__", "__imod__"};
    case BinOpKind::Pow: return {"__pow__", "__rpow__", "__ipow__"};
    case BinOpKind::MatMul: return {"__matmul__", "__rmatmul__", "__imatmul__"};
    case BinOpKind::LShift: return {"__lshift__", "__rlshift__", "__ilshift__"};
    case BinOpKind::RShift: return {"__rshift__", "__rrshift__", "__irshift__"};
    case BinOpKind::BitOr: return {"__or__", "__ror__", "__ior__"};
    case BinOpKind::BitXor: return {"__xor__", "__rxor__", "__ixor__"};
    case BinOpKind::BitAnd: return {"__and__", "__rand__", "__iand__"};
  }
  return {"", "", ""};
}
}  // namespace

Value instance_binop(Interp& in, BinOpKind op, const Value& a, const Value& b, bool augmented) {
  OpNames n = op_names(op);
  Value r;
  if (augmented && call_dunder(in, a, n.iop, {b}, &r) && !is_not_implemented(r)) return r;
  if (call_dunder(in, a, n.op, {b}, &r) && !is_not_implemented(r)) return r;
  bool same_type = is_instance(a) && is_instance(b) && a.as<InstanceObj>()->cls == b.as<InstanceObj>()->cls;
  if (!same_type && call_dunder(in, b, n.rop, {a}, &r) && !is_not_implemented(r)) return r;
  std::string sym = binop_symbol(op);
  if (augmented) sym += "=";
  if (op == BinOpKind::Pow && !augmented) sym = "** or pow()";
  raise_type_error("unsupported operand type(s) for " + sym + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
}

bool instance_compare(Interp& in, CmpKind op, const Value& a, const Value& b) {
  static const char* const names[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};
  static const int reflected[] = {0, 1, 4, 5, 2, 3};
  int i = static_cast<int>(op);
  Value r;
  if (call_dunder(in, a, names[i], {b}, &r) && !is_not_implemented(r)) return truthy(r);
  if (op == CmpKind::NotEq && call_dunder(in, a, "__eq__", {b}, &r) && !is_not_implemented(r)) return !truthy(r);
  if (call_dunder(in, b, names[reflected[i]], {a}, &r) && !is_not_implemented(r)) return truthy(r);
  if (op == CmpKind::Eq) return is_same_object(a, b);
  if (op == CmpKind::NotEq) return !is_same_object(a, b);
  raise_type_error(std::string("'") + cmp_symbol(op) + "' not supported between instances of '" + type_name(a) + "' and '" +
                   type_name(b) + "'");
}

Value instance_unary(Interp& in, UnaryKind op, const Value& a) {
  const char* name = op == UnaryKind::Neg ? "__neg__" : op == UnaryKind::Pos ? "__pos__" : "__invert__";
  Value r;
  if (call_dunder(in, a, name, {}, &r)) return r;
  const char* sym = op == UnaryKind::Neg ? "-" : op == UnaryKind::Pos ? "+" : "~";
  raise_type_error(std::string("bad operand type for unary ") + sym + ": '" + type_name(a) + "'");
}

}  // namespace gradlab::script
