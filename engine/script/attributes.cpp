// Attribute access (`obj.name`, `obj.name = v`) for every kind of value, plus the reprs of
// callables, classes and modules. Misses produce Python's AttributeError text, including its
// "Did you mean: ...?" suggestion; a name that real PyTorch has but gradlab lacks says so.
#include "engine/autograd/node.h"
#include "engine/script/python_names.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

bool name_in(const char* const* list, const std::string& name) {
  for (; list && *list; ++list)
    if (name == *list) return true;
  return false;
}

const char* const* dir_for(const Value& v) {
  if (v.is_tensor()) return names::kTensorDir;
  if (v.is_bool() || v.is_int()) return names::kIntDir;  // dir(bool) == dir(int) in Python 3.11
  if (v.is_float()) return names::kFloatDir;
  if (v.is_none()) return names::kNoneDir;
  Object* o = v.obj();
  if (!o) return nullptr;
  switch (o->type) {
    case ObjType::Str: return names::kStrDir;
    case ObjType::List: return names::kListDir;
    case ObjType::Tuple: return names::kTupleDir;
    case ObjType::Size: return names::kSizeDir;
    case ObjType::Dict: return names::kDictDir;
    case ObjType::Range: return names::kRangeDir;
    case ObjType::Random: return random_instance_dir();
    default: return nullptr;
  }
}

// grad_fn.register_hook(fn) on op and custom nodes alike: fn(grad_inputs, grad_outputs) after
// the node ran; a tuple it returns replaces grad_inputs.
void register_node_hook(Interp& in, Node& n, const Value& fn) {
  if (n.op == OpId::AccumulateGrad) raise_not_supported("register_hook on a leaf's node (AccumulateGrad)");
  Interp* interp = &in;
  n.post_hooks.push_back([interp, fn](std::vector<Tensor>& grad_inputs, const std::vector<Tensor>& grad_outputs) {
    auto as_tuple = [](const std::vector<Tensor>& ts) {
      std::vector<Value> items;
      for (const Tensor& t : ts) items.push_back(t.defined() ? Value(t) : Value());
      return make_tuple(std::move(items));
    };
    Value r = interp->call0(fn, {as_tuple(grad_inputs), as_tuple(grad_outputs)});
    if (r.is_none()) return;
    auto* t = r.as<SeqObj>();
    if (!t || t->items.size() != grad_inputs.size())
      raise("RuntimeError", "hook '" + std::string(type_name(fn)) + "' has returned an incorrect number of values (got " +
                                std::to_string(t ? t->items.size() : 1) + ", but expected " +
                                std::to_string(grad_inputs.size()) + ")");
    for (size_t i = 0; i < grad_inputs.size(); ++i)
      grad_inputs[i] = t->items[i].is_tensor() ? t->items[i].as_tensor() : Tensor();
  });
}

namespace {

[[noreturn]] void attribute_missing(const Value& obj, const std::string& name) {
  const char* const* dir = dir_for(obj);
  if (obj.is_tensor() && name_in(dir, name)) raise_not_supported("Tensor." + name);
  std::string msg = std::string("'") + type_name(obj) + "' object has no attribute '" + name + "'";
  if (dir) {
    std::string s = names::suggest(name, names::as_views(dir));
    if (!s.empty()) msg += ". Did you mean: '" + s + "'?";
  }
  raise_attribute_error(msg);
}

Value grad_fn_attribute(const GradFnObj* g, const Value& self, const std::string& name) {
  if (name == "next_functions") {
    std::vector<Value> items;
    for (const auto& e : g->node->edges()) {
      Value fn = grad_fn_value(e.node);
      items.push_back(make_tuple({fn, Value(int64_t{e.input_nr})}));
    }
    return make_tuple(std::move(items));
  }
  if (name == "name") {
    return Value(std::make_shared<BoundMethodObj>(self, [](Interp&, const Value& s, CallArgs& a) -> Value {
      Args args("name", a, {}, 0);
      const Node& n = *s.as<GradFnObj>()->node;
      // PyTorch's C++ nodes outside the generated ones name their namespace (floor_divide's
      // NotImplemented is a custom node here, ops/binary.cpp)
      const std::string plain = n.name();
      const bool cpp_node = n.op == OpId::AccumulateGrad || n.op == OpId::CopyBackwards || (n.custom && plain == "NotImplemented");
      return make_str(cpp_node ? "torch::autograd::" + plain : plain);
    }, "name"));
  }
  if (name == "variable" && g->node->op == OpId::AccumulateGrad) return Value(Tensor(g->node->leaf));
  if (name == "register_hook") {
    return Value(std::make_shared<BoundMethodObj>(self, [](Interp& in, const Value& s, CallArgs& a) -> Value {
      Args args("register_hook", a, {"fn"}, 1, ArgStyle::Python);
      Node& n = *s.as<GradFnObj>()->node;
      register_node_hook(in, n, *args.get(0));
      return Value();
    }, "register_hook"));
  }
  if (name == "metadata") {
    // PyTorch keeps one dict per node; gradlab's nodes carry none, so a fresh empty one.
    return make_dict();
  }
  if (name == "__class__") return type_of(self);
  raise_attribute_error(std::string("'") + g->node->name() + "' object has no attribute '" + name + "'");
}

}  // namespace

Value Interp::get_attr(const Value& obj, const std::string& name) {
  if (obj.is_tensor()) {
    bool found = false;
    Value v = tensor_attribute(*this, obj, name, &found);
    if (found) return v;
    if (MethodFn m = find_tensor_method(name)) return Value(std::make_shared<BoundMethodObj>(obj, m, name));
    attribute_missing(obj, name);
  }
  if (Object* o = obj.obj()) {
    switch (o->type) {
      case ObjType::Module: {
        auto* m = static_cast<ModuleObj*>(o);
        auto it = m->attrs.find(name);
        if (it != m->attrs.end()) return it->second;
        if (m->lazy_source) {
          // Running the source may reuse the stack slot `obj` refers to: hold the module first.
          Value held = obj;
          std::string key = name;
          load_lazy_attributes(*this, *m);
          return get_attr(held, key);
        }
        if (m->lazy_attr) {
          // The hook runs Python only for the names it makes (then returns them), so `name`
          // and `m` are still good when it returns unbound.
          Value held = obj;
          std::string key = name;
          Value v = m->lazy_attr(*this, *m, key);
          if (!v.is_unbound()) return v;
        }
        Value sub = module(m->name + "." + name);
        if (!sub.is_none()) return sub;
        if (m->known_missing && name_in(m->known_missing, name)) raise_not_supported(m->name + "." + name);
        std::string msg = "module '" + m->name + "' has no attribute '" + name + "'";
        if (m->known_missing) {
          std::string s = names::suggest(name, names::as_views(m->known_missing));
          if (!s.empty()) msg += ". Did you mean: '" + s + "'?";
        }
        raise_attribute_error(msg);
      }
      case ObjType::ReturnTypes: {
        auto* s = static_cast<SeqObj*>(o);
        if (name == "values") return s->items[0];
        if (name == "indices") return s->items[1];
        break;
      }
      case ObjType::Device: {
        Device d = static_cast<DeviceObj*>(o)->device;
        if (name == "type") return make_str(d.is_cuda() ? "cuda" : "cpu");
        if (name == "index") return d.is_cuda() ? Value(int64_t{d.index}) : Value();
        break;
      }
      case ObjType::DType: {
        DType d = static_cast<DTypeObj*>(o)->dtype;
        if (name == "is_floating_point") return Value(is_floating(d));
        if (name == "itemsize") return Value(static_cast<int64_t>(dtype_itemsize(d)));
        break;
      }
      case ObjType::GradFn: return grad_fn_attribute(static_cast<GradFnObj*>(o), obj, name);
      case ObjType::HookHandle:
        if (name == "remove") {
          return Value(std::make_shared<BoundMethodObj>(obj, [](Interp&, const Value& self, CallArgs& a) -> Value {
            Args args("remove", a, {}, 0, ArgStyle::Python);
            auto* h = self.as<HookHandleObj>();
            if (auto t = h->tensor.lock()) Tensor(t).remove_hook(h->id);
            return Value();
          }, "remove"));
        }
        break;
      case ObjType::TorchGenerator: {
        bool found = false;
        Value v = torch_generator_attribute(obj, name, &found);
        if (found) return v;
        break;
      }
      case ObjType::Slice: {
        auto* sl = static_cast<SliceObj*>(o);
        if (name == "start") return sl->start;
        if (name == "stop") return sl->stop;
        if (name == "step") return sl->step;
        break;
      }
      case ObjType::Function: {
        auto* f = static_cast<FunctionObj*>(o);
        if (auto it = f->attrs.find(name); it != f->attrs.end()) return it->second;
        if (name == "__name__") {
          auto it = f->attrs.find("__name__");
          return it != f->attrs.end() ? it->second : make_str(f->info->name);
        }
        if (name == "__qualname__") return make_str(f->qualname);
        if (name == "__module__") return make_str("__main__");
        if (name == "__doc__") {
          const Block& b = f->info->body;
          if (!b.empty() && b[0]->kind == StmtKind::Expr) {
            auto* e = static_cast<const ExprStmt*>(b[0])->value;
            if (e->kind == ExprKind::Constant && as_str(static_cast<const ConstantExpr*>(e)->value)) return static_cast<const ConstantExpr*>(e)->value;
          }
          return Value();
        }
        if (auto it = f->attrs.find(name); it != f->attrs.end()) return it->second;
        break;
      }
      case ObjType::Builtin:
        if (name == "__name__") return make_str(static_cast<BuiltinObj*>(o)->name);
        break;
      case ObjType::BoundMethod:
        if (name == "__name__") return make_str(static_cast<BoundMethodObj*>(o)->name);
        break;
      case ObjType::Type: return class_getattr(*this, obj, name);
      case ObjType::Instance: return instance_getattr(*this, obj, name);
      case ObjType::Super: return super_getattr(*this, obj, name);
      case ObjType::Wrapper: return wrapper_getattr(*this, obj, name);
      case ObjType::Method: {
        auto* m = static_cast<MethodObj*>(o);
        if (name == "__self__") return m->self;
        if (name == "__func__") return m->func;
        return get_attr(m->func, name);
      }
      case ObjType::Generator: {
        Value v = generator_attribute(*this, obj, name);
        if (!v.is_unbound()) return v;
        break;
      }
      case ObjType::Exception: {
        auto* e = static_cast<ExceptionObj*>(o);
        if (name == "args") return make_tuple(e->args);
        // StopIteration.value (a generator's return value), SystemExit.code: the first argument
        bool value_attr = (name == "value" && exception_name_is_a(e->type_name, "StopIteration")) ||
                          (name == "code" && e->type_name == "SystemExit");
        if (value_attr) return e->args.empty() ? Value() : e->args.size() == 1 || name == "value" ? e->args[0] : make_tuple(e->args);
        break;
      }
      default: break;
    }
    if (MethodFn m = find_py_method(o->type, name)) return Value(std::make_shared<BoundMethodObj>(obj, m, name));
  }
  if (obj.is_float()) {
    if (name == "real") return obj;
    if (name == "imag") return Value(0.0);
  }
  if (obj.is_intlike()) {
    if (name == "real" || name == "numerator") return Value(obj.as_int());
    if (name == "imag") return Value(int64_t{0});
    if (name == "denominator") return Value(int64_t{1});
  }
  if (name == "__class__") return type_of(obj);
  attribute_missing(obj, name);
}

void Interp::set_attr(const Value& obj, const std::string& name, Value v) {
  if (obj.is_tensor()) {
    set_tensor_attribute(obj.as_tensor(), name, v);
    return;
  }
  if (auto* m = obj.as<ModuleObj>()) {
    m->attrs[name] = std::move(v);
    return;
  }
  if (obj.as<InstanceObj>()) {
    instance_setattr(*this, obj, name, std::move(v));
    return;
  }
  if (auto* c = obj.as<TypeObj>(); c && c->id == TypeId::User) {
    auto* cls = static_cast<ClassObj*>(c);
    if (name == "__name__" || name == "__qualname__") {
      const std::string* s = as_str(v);
      if (!s) raise_type_error("can only assign string to " + cls->name + "." + name + ", not '" + type_name(v) + "'");
      (name == "__name__" ? cls->name : cls->qualname) = *s;
      return;
    }
    if (Value* old = cls->own(name)) *old = std::move(v);
    else cls->dict.emplace_back(name, std::move(v));
    ++class_epoch;
    return;
  }
  if (auto* fn = obj.as<FunctionObj>()) {  // function attributes (functools.wraps sets __wrapped__)
    if (name == "__name__" || name == "__qualname__") {
      const std::string* s = as_str(v);
      if (!s) raise_type_error("__name__ must be set to a string object");
      if (name == "__qualname__") fn->qualname = *s;
      else fn->attrs["__name__"] = v;
      return;
    }
    fn->attrs[name] = std::move(v);
    return;
  }
  if (auto* t = obj.as<TypeObj>())
    raise_type_error("cannot set '" + name + "' attribute of immutable type '" + t->name + "'");
  const char* const* dir = dir_for(obj);
  if (dir && name_in(dir, name))
    raise_attribute_error(std::string("'") + type_name(obj) + "' object attribute '" + name + "' is read-only");
  raise_attribute_error(std::string("'") + type_name(obj) + "' object has no attribute '" + name + "'");
}

Value Interp::call_method(const Value& obj, const std::string& name, CallArgs& args) {
  if (obj.is_tensor()) {
    if (MethodFn m = find_tensor_method(name)) return m(*this, obj, args);
  } else if (Object* o = obj.obj()) {
    if (MethodFn m = find_py_method(o->type, name)) return m(*this, obj, args);
  }
  return call(get_attr(obj, name), args);
}

std::string callable_name(const Value& v) {
  if (auto* f = v.as<FunctionObj>()) return f->qualname + "()";
  if (auto* m = v.as<MethodObj>()) return callable_name(m->func);
  if (auto* b = v.as<BuiltinObj>()) return std::string(b->name) + "()";
  if (auto* t = v.as<TypeObj>()) return t->name + "()";
  return std::string(type_name(v)) + " object";
}

std::string runtime_object_repr(const Object* o) {
  switch (o->type) {
    case ObjType::Function: {
      auto* f = static_cast<const FunctionObj*>(o);
      return "<function " + f->qualname + " at " + address_of(o) + ">";
    }
    case ObjType::Builtin: {
      auto* b = static_cast<const BuiltinObj*>(o);
      if (!b->owner) return std::string("<built-in function ") + b->name + ">";
      return std::string("<built-in method ") + b->name + " of " + b->owner + " at " + address_of(o) + ">";
    }
    case ObjType::BoundMethod: {
      auto* m = static_cast<const BoundMethodObj*>(o);
      const void* addr = m->self.is_tensor() ? static_cast<const void*>(m->self.as_tensor().impl()) : m->self.obj();
      std::string owner = m->self.is_tensor() ? "Tensor" : type_name(m->self);
      return "<built-in method " + m->name + " of " + owner + " object at " + address_of(addr) + ">";
    }
    case ObjType::Type: {
      auto* t = static_cast<const TypeObj*>(o);
      if (t->id == TypeId::User) return "<class '" + std::string(t->module) + "." + static_cast<const ClassObj*>(t)->qualname + "'>";
      if (std::string_view(t->module) == "builtins") return "<class '" + t->name + "'>";
      return "<class '" + std::string(t->module) + "." + t->name + "'>";
    }
    case ObjType::Method: {
      auto* m = static_cast<const MethodObj*>(o);
      std::string fname = m->func.as<FunctionObj>() ? m->func.as<FunctionObj>()->qualname
                          : m->func.as<BuiltinObj>() ? std::string(m->func.as<BuiltinObj>()->name) : type_name(m->func);
      return "<bound method " + fname + " of " + repr(m->self) + ">";
    }
    case ObjType::Wrapper: {
      auto* w = static_cast<const WrapperObj*>(o);
      if (w->kind == WrapperObj::Kind::Property) return "<property object at " + address_of(o) + ">";
      return std::string("<") + (w->kind == WrapperObj::Kind::StaticMethod ? "staticmethod" : "classmethod") + "(" + repr(w->func) + ")>";
    }
    case ObjType::Super: {
      auto* sp = static_cast<const SuperObj*>(o);
      return "<super: " + repr(sp->start) + ", <" + type_name(sp->self) + " object>>";
    }
    case ObjType::Module: {
      auto* m = static_cast<const ModuleObj*>(o);
      if (m->file.empty()) return "<module '" + m->name + "' (built-in)>";
      return "<module '" + m->name + "' from '" + m->file + "'>";
    }
    default: return "<object at " + address_of(o) + ">";
  }
}

bool runtime_objects_equal(const Object* a, const Object* b) {
  if (a->type == ObjType::Method && b->type == ObjType::Method) {
    auto* x = static_cast<const MethodObj*>(a);
    auto* y = static_cast<const MethodObj*>(b);
    return is_same_object(x->func, y->func) && is_same_object(x->self, y->self);
  }
  if (a->type == ObjType::BoundMethod && b->type == ObjType::BoundMethod) {
    auto* x = static_cast<const BoundMethodObj*>(a);
    auto* y = static_cast<const BoundMethodObj*>(b);
    return x->fn == y->fn && is_same_object(x->self, y->self);
  }
  return a == b;
}

}  // namespace gradlab::script
