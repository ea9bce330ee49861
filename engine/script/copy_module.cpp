// The `copy` module: copy.copy and copy.deepcopy with CPython's rules for the built-in
// containers (a tuple whose items all copy to themselves is itself; immutable atoms are
// shared), user classes (their __copy__ / __deepcopy__(memo) when defined, else a new instance
// of the class with the attributes copied, registered in memo first so cycles close), and
// PyTorch's for tensors: deepcopy of a leaf tensor is a new leaf with its own storage, the same
// requires_grad and a deep copy of its .grad; of an nn.Parameter, a new Parameter (without
// .grad); of a tensor with history, PyTorch's RuntimeError.
#include "engine/script/runtime.h"
#include "engine/tensor.h"

namespace gradlab::script {

namespace {

using Memo = DictObj;

bool is_atomic(const Value& v) {
  if (!v.is_object()) return !v.is_tensor();  // None, bool, int, float
  switch (v.obj()->type) {
    case ObjType::Str:
    case ObjType::Range:
    case ObjType::Slice:
    case ObjType::Ellipsis:
    case ObjType::Function:
    case ObjType::Builtin:
    case ObjType::Type:
    case ObjType::Module:
    case ObjType::DType:
    case ObjType::Device: return true;
    default: return false;
  }
}

Value id_key(const Value& v) {
  const void* p = v.is_tensor() ? static_cast<const void*>(v.as_tensor().impl()) : static_cast<const void*>(v.obj());
  return Value(static_cast<int64_t>(reinterpret_cast<uintptr_t>(p)));
}

Value copy_tensor(const Value& v, Memo* memo) {
  const Tensor& t = v.as_tensor();
  if (!t.is_leaf())
    raise("RuntimeError", "Only Tensors created explicitly by the user (graph leaves) support the deepcopy protocol at the moment");
  Tensor c = t.detach().contiguous_clone();
  if (t.impl()->is_parameter) {
    c.impl()->is_parameter = true;
    if (t.requires_grad()) c.requires_grad_(true);
    return Value(c);
  }
  if (t.requires_grad()) c.requires_grad_(true);
  Value result(c);
  if (memo) memo->set(id_key(v), result);
  if (Tensor g = t.grad(); g.defined()) c.set_grad(g.detach().contiguous_clone());
  return result;
}

// An instance of obj's class with no __init__ run: the start of a copy.
Value blank_instance(const InstanceObj* obj) {
  auto inst = std::make_shared<InstanceObj>(obj->cls);
  inst->weak_self = inst;
  inst->native = obj->native;
  Value self(std::static_pointer_cast<Object>(inst));
  if (Interp* in = current_interp()) in->heap_.track(self.obj_ref());
  return self;
}

Value deep(Interp& in, const Value& v, const Value& memo_value);

Value deep_items(Interp& in, const std::vector<Value>& items, const Value& memo, bool* changed) {
  std::vector<Value> out;
  out.reserve(items.size());
  for (const Value& x : items) {
    out.push_back(deep(in, x, memo));
    if (!is_same_object(out.back(), x)) *changed = true;
  }
  return make_tuple(std::move(out));
}

Value deep(Interp& in, const Value& v, const Value& memo_value) {
  if (is_atomic(v)) return v;
  auto* memo = memo_value.as<DictObj>();
  Value key = id_key(v);
  if (Value* seen = memo->find(key)) return *seen;
  poll_interrupt();
  static thread_local int depth = 0;
  NestingGuard guard(depth, "maximum recursion depth exceeded");
  if (v.is_tensor()) return copy_tensor(v, memo);
  Object* o = v.obj();
  switch (o->type) {
    case ObjType::List: {
      Value result = make_list({});
      memo->set(key, result);
      for (const Value& x : static_cast<SeqObj*>(o)->items) as_list(result)->items.push_back(deep(in, x, memo_value));
      return result;
    }
    case ObjType::Tuple: {
      bool changed = false;
      Value copy = deep_items(in, static_cast<SeqObj*>(o)->items, memo_value, &changed);
      if (Value* seen = memo->find(key)) return *seen;  // a cycle through the tuple closed meanwhile
      Value result = changed ? copy : v;
      memo->set(key, result);
      return result;
    }
    case ObjType::Dict: {
      Value result = make_dict();
      memo->set(key, result);
      for (const auto& [k, x] : static_cast<DictObj*>(o)->entries) {
        Value dk = deep(in, k, memo_value);
        result.as<DictObj>()->set(dk, deep(in, x, memo_value));
      }
      return result;
    }
    case ObjType::Set:
    case ObjType::FrozenSet: {
      std::vector<Value> items;
      for (const Value& x : static_cast<SetObj*>(o)->items()) items.push_back(deep(in, x, memo_value));
      Value result = make_set(items, static_cast<SetObj*>(o)->frozen());
      memo->set(key, result);
      return result;
    }
    case ObjType::Instance: {
      auto* inst = static_cast<InstanceObj*>(o);
      if (const Value* fn = class_lookup(inst->cls.get(), "__deepcopy__")) {
        Value f = *fn;
        Value result = in.call0(f, {v, memo_value});
        memo->set(key, result);
        return result;
      }
      Value result = blank_instance(inst);
      memo->set(key, result);
      auto* copy = result.as<InstanceObj>();
      for (const auto& [name, x] : inst->attrs.items) copy->attrs.items.emplace_back(name, deep(in, x, memo_value));
      return result;
    }
    default: raise_type_error(std::string("cannot pickle '") + type_name(v) + "' object");
  }
}

Value shallow(Interp& in, const Value& v) {
  if (is_atomic(v)) return v;
  if (v.is_tensor()) raise_not_supported("copy.copy of a tensor (use deepcopy or clone())");
  Object* o = v.obj();
  switch (o->type) {
    case ObjType::List: return make_list(static_cast<SeqObj*>(o)->items);
    case ObjType::Tuple:
    case ObjType::FrozenSet: return v;
    case ObjType::Dict: {
      Value result = make_dict();
      for (const auto& [k, x] : static_cast<DictObj*>(o)->entries) result.as<DictObj>()->set(k, x);
      return result;
    }
    case ObjType::Set: return make_set(static_cast<SetObj*>(o)->items(), false);
    case ObjType::Instance: {
      auto* inst = static_cast<InstanceObj*>(o);
      if (const Value* fn = class_lookup(inst->cls.get(), "__copy__")) {
        Value f = *fn;
        return in.call0(f, {v});
      }
      Value result = blank_instance(inst);
      result.as<InstanceObj>()->attrs = inst->attrs;
      return result;
    }
    default: raise_type_error(std::string("cannot pickle '") + type_name(v) + "' object");
  }
}

Value copy_copy(Interp& in, CallArgs& a) {
  Args args("copy", a, {"x"}, 1, ArgStyle::Python);
  return shallow(in, *args.get(0));
}

Value copy_deepcopy(Interp& in, CallArgs& a) {
  Args args("deepcopy", a, {"x", "memo", "_nil"}, 1, ArgStyle::Python);
  Value memo = args.has(1) ? *args.get(1) : make_dict();
  if (!memo.as<DictObj>()) raise_type_error("deepcopy() memo must be a dict");
  return deep(in, *args.get(0), memo);
}

}  // namespace

Value make_copy_module(Interp&) {
  auto m = std::make_shared<ModuleObj>("copy", "/usr/lib/python3.11/copy.py");
  m->attrs["copy"] = Value(std::make_shared<BuiltinObj>("copy", copy_copy));
  m->attrs["deepcopy"] = Value(std::make_shared<BuiltinObj>("deepcopy", copy_deepcopy));
  m->attrs["Error"] = m->attrs["error"] = current_interp()->builtins_["Exception"];
  return Value(std::static_pointer_cast<Object>(m));
}

}  // namespace gradlab::script
