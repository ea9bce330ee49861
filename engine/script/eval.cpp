// Expression evaluation: a switch over ExprKind on the resolved AST.
//
// Hot-path notes: names load straight from their slot (no string lookups); operands that are
// plain names are read by reference (eval_ref) instead of copied; call arguments go into a
// small on-stack buffer; method calls (`x.exp()`) look the method up and call it without
// making a bound-method object. Before an operation that can fail, the frame's `where` is
// pointed at the node, so a traceback can underline it the way Python 3.11 does.
#include <algorithm>
#include <exception>

#include "engine/script/python_names.h"
#include "engine/script/bindings.h"
#include "engine/script/runtime.h"
#include "engine/tensor.h"

namespace gradlab::script {

namespace {
// Small inline buffer for call arguments; spills to the heap for long calls.
struct ArgBuffer {
  explicit ArgBuffer(size_t n) {
    if (n > kInline) {
      heap.resize(n);
      data = heap.data();
    } else {
      data = inline_;
    }
  }
  static constexpr size_t kInline = 6;
  Value inline_[kInline];
  std::vector<Value> heap;
  Value* data;
};
}  // namespace

[[noreturn]] void Interp::name_error(const NameExpr* n, Frame& f) {
  f.record->where = n;
  switch (n->scope) {
    case NameScope::Local:
    case NameScope::Cell:
      raise("UnboundLocalError", "cannot access local variable '" + n->id + "' where it is not associated with a value");
    case NameScope::Free:
      raise("NameError", "cannot access free variable '" + n->id + "' where it is not associated with a value in enclosing scope");
    default: break;
  }
  // Python 3.11 suggests a close name: from the frame's locals, then globals, then builtins.
  std::string hint;
  if (f.fn) {
    std::vector<std::string_view> locals;
    for (size_t i = 0; i < f.fn->local_names.size(); ++i) {
      const Value& v = f.locals[i];
      bool bound = v.is_object() && v.as<CellObj>() ? !v.as<CellObj>()->value.is_unbound() : !v.is_unbound();
      if (bound) locals.push_back(f.fn->local_names[i]);
    }
    hint = names::suggest(n->id, locals);
  }
  if (hint.empty()) {
    std::vector<std::string_view> globals;
    for (size_t i = 0; i < globals_.size(); ++i)
      if (!globals_[i].is_unbound()) globals.push_back(global_names_[i]);
    hint = names::suggest(n->id, globals);
  }
  if (hint.empty()) hint = names::suggest(n->id, names::as_views(names::kBuiltins));
  raise("NameError", "name '" + n->id + "' is not defined" + (hint.empty() ? "" : ". Did you mean: '" + hint + "'?"));
}

Value Interp::load_name(const NameExpr* n, Frame& f) {
  Value tmp;
  return eval_ref(n, f, tmp);
}

// Evaluates `e`; names come back as a reference to their slot (valid until the slot changes).
const Value& Interp::eval_ref(const Expr* e, Frame& f, Value& tmp) {
  if (e->kind != ExprKind::Name) {
    tmp = eval(e, f);
    return tmp;
  }
  auto* n = static_cast<const NameExpr*>(e);
  switch (n->scope) {
    case NameScope::Global: {
      const Value& v = globals_[n->slot];
      if (!v.is_unbound()) return v;
      const Value& b = builtin_for_slot_[n->slot];
      if (!b.is_unbound()) return b;
      break;
    }
    case NameScope::Local: {
      const Value& v = f.locals[n->slot];
      if (!v.is_unbound()) return v;
      break;
    }
    case NameScope::Cell: {
      const Value& v = static_cast<CellObj*>(f.locals[n->slot].obj())->value;
      if (!v.is_unbound()) return v;
      break;
    }
    case NameScope::Free: {
      const Value& v = f.free[n->slot]->value;
      if (!v.is_unbound()) return v;
      break;
    }
    case NameScope::Unresolved: break;
  }
  name_error(n, f);
}

void Interp::store_name(const NameExpr* n, Value v, Frame& f) {
  switch (n->scope) {
    case NameScope::Global: globals_[n->slot] = std::move(v); return;
    case NameScope::Local: f.locals[n->slot] = std::move(v); return;
    case NameScope::Cell: static_cast<CellObj*>(f.locals[n->slot].obj())->value = std::move(v); return;
    case NameScope::Free: f.free[n->slot]->value = std::move(v); return;
    case NameScope::Unresolved: break;
  }
  raise("SystemError", "unresolved name '" + n->id + "'");
}

void Interp::delete_name(const NameExpr* n, Frame& f) {
  Value tmp;
  if (n->scope == NameScope::Global) {
    if (globals_[n->slot].is_unbound()) {
      f.record->where = n;
      raise("NameError", "name '" + n->id + "' is not defined");
    }
  } else {
    eval_ref(n, f, tmp);  // raises UnboundLocalError when unbound
  }
  store_name(n, Value::unbound(), f);
}

Value Interp::eval(const Expr* e, Frame& f) {
  switch (e->kind) {
    case ExprKind::Constant: return static_cast<const ConstantExpr*>(e)->value;
    case ExprKind::Name: {
      Value tmp;
      return eval_ref(e, f, tmp);
    }
    case ExprKind::BinOp: {
      auto* b = static_cast<const BinOpExpr*>(e);
      Value lt, rt;
      // Read the left operand by reference only when evaluating the right one cannot rebind it.
      bool simple_right = b->right->kind == ExprKind::Name || b->right->kind == ExprKind::Constant;
      const Value& l = simple_right ? eval_ref(b->left, f, lt) : (lt = eval(b->left, f));
      const Value& r = eval_ref(b->right, f, rt);
      f.record->where = e;
      return binary_op(b->op, l, r);
    }
    case ExprKind::Call: return eval_call(static_cast<const CallExpr*>(e), f);
    case ExprKind::Attribute: {
      auto* a = static_cast<const AttributeExpr*>(e);
      Value tmp;
      const Value& obj = eval_ref(a->value, f, tmp);
      f.record->where = e;
      if (is_instance(obj)) return load_instance_attr(*this, obj, a);
      return get_attr(obj, a->attr);
    }
    case ExprKind::Subscript: return eval_subscript(static_cast<const SubscriptExpr*>(e), f);
    case ExprKind::UnaryOp: {
      auto* u = static_cast<const UnaryExpr*>(e);
      if (u->op == UnaryKind::Not) return Value(!eval_condition(u->operand, f, e));
      Value tmp;
      const Value& v = eval_ref(u->operand, f, tmp);
      f.record->where = e;
      return unary_op(u->op, v);
    }
    case ExprKind::BoolOp: {
      auto* b = static_cast<const BoolOpExpr*>(e);
      Value v;
      for (size_t i = 0; i < b->values.size(); ++i) {
        v = eval(b->values[i], f);
        if (i + 1 == b->values.size()) break;
        f.record->where = e;
        bool t = truthy(v);
        if (b->is_and ? !t : t) break;
      }
      return v;
    }
    case ExprKind::Compare: return eval_compare(static_cast<const CompareExpr*>(e), f, false);
    case ExprKind::IfExp: {
      auto* i = static_cast<const IfExpExpr*>(e);
      return eval_condition(i->test, f, e) ? eval(i->body, f) : eval(i->orelse, f);
    }
    case ExprKind::Lambda: return make_function(static_cast<const LambdaExpr*>(e)->fn, f, nullptr);
    case ExprKind::List:
    case ExprKind::Tuple:
    case ExprKind::Dict: return eval_display(e, f);
    case ExprKind::JoinedStr: return eval_fstring(static_cast<const JoinedStrExpr*>(e), f);
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp: return eval_comprehension(static_cast<const CompExpr*>(e), f);
    case ExprKind::GeneratorExp: return make_generator_expression(static_cast<const CompExpr*>(e), f);
    case ExprKind::Set: return eval_display(e, f);
    case ExprKind::NamedExpr: return eval_named(static_cast<const NamedExpr*>(e), f);
    case ExprKind::Yield:
      f.record->where = e;
      raise("SystemError", "yield outside a generator statement");
    case ExprKind::Slice: {
      auto* s = static_cast<const SliceExpr*>(e);
      Value a = s->lower ? eval(s->lower, f) : Value();
      Value b = s->upper ? eval(s->upper, f) : Value();
      Value c = s->step ? eval(s->step, f) : Value();
      return Value(std::make_shared<SliceObj>(std::move(a), std::move(b), std::move(c)));
    }
    case ExprKind::Starred:
      f.record->where = e;
      raise("SyntaxError", "can't use starred expression here");
  }
  return Value();
}

namespace {
// Whether CPython's compiler folds `e` to a constant: literals, and signs, arithmetic and
// tuples of them.
bool folds_to_constant(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Constant: return true;
    case ExprKind::UnaryOp: return static_cast<const UnaryExpr*>(e)->op != UnaryKind::Not && folds_to_constant(static_cast<const UnaryExpr*>(e)->operand);
    case ExprKind::BinOp: {
      auto* b = static_cast<const BinOpExpr*>(e);
      return folds_to_constant(b->left) && folds_to_constant(b->right);
    }
    case ExprKind::Tuple: {
      auto* t = static_cast<const SeqExpr*>(e);
      return !t->has_starred && std::all_of(t->elts.begin(), t->elts.end(), folds_to_constant);
    }
    default: return false;
  }
}
}  // namespace

// List, tuple and dict displays (out of eval's frame: their temporaries would otherwise cost
// stack space at every level of a deep expression).
[[gnu::noinline]] Value Interp::eval_display(const Expr* e, Frame& f) {
  if (e->kind != ExprKind::Dict) {
    auto* s = static_cast<const SeqExpr*>(e);
    std::vector<Value> items;
    items.reserve(s->elts.size());
    for (const Expr* x : s->elts) {
      if (x->kind == ExprKind::Starred) {
        Value it = eval(static_cast<const StarredExpr*>(x)->value, f);
        f.record->where = x;
        Iter iter(*this, it);
        Value item;
        while (iter.next(item)) items.push_back(std::move(item));
      } else {
        items.push_back(eval(x, f));
      }
    }
    if (e->kind == ExprKind::Set) {
      f.record->where = e;
      if (items.size() <= 2 || !std::all_of(s->elts.begin(), s->elts.end(), folds_to_constant)) return make_set(items, false);
      // CPython compiles a display of 3+ constants to a frozenset constant, which its compiler
      // rebuilds from its own iteration order; the set is then a copy of that (Note [Set order]).
      Value constant = make_set(make_set(items, true).as<SetObj>()->items(), true);
      Value result = make_set({}, false);
      result.as<SetObj>()->merge(*constant.as<SetObj>());
      return result;
    }
    return e->kind == ExprKind::List ? make_list(std::move(items)) : make_tuple(std::move(items));
  }
  {
    auto* d = static_cast<const DictExpr*>(e);
    Value result = make_dict();
    auto* dict = result.as<DictObj>();
    for (size_t i = 0; i < d->values.size(); ++i) {
      if (!d->keys[i]) {
        Value m = eval(d->values[i], f);
        auto* src = m.as<DictObj>();
        if (!src) {
          f.record->where = d->values[i];
          raise_type_error(std::string("'") + type_name(m) + "' object is not a mapping");
        }
        for (auto& [k, v] : src->entries) dict->set(k, v);
        continue;
      }
      Value k = eval(d->keys[i], f);
      Value v = eval(d->values[i], f);
      f.record->where = d->keys[i];
      dict->set(k, std::move(v));
    }
    return result;
  }
}

bool Interp::eval_condition(const Expr* e, Frame& f, const AstNode* owner) {
  switch (e->kind) {
    case ExprKind::Compare: {
      Value r = eval_compare(static_cast<const CompareExpr*>(e), f, true);
      f.record->where = owner;
      return truthy(r);
    }
    case ExprKind::BoolOp: {
      auto* b = static_cast<const BoolOpExpr*>(e);
      for (const Expr* v : b->values) {
        bool t = eval_condition(v, f, owner);
        if (b->is_and ? !t : t) return t;
      }
      return b->is_and;
    }
    case ExprKind::UnaryOp:
      if (static_cast<const UnaryExpr*>(e)->op == UnaryKind::Not) return !eval_condition(static_cast<const UnaryExpr*>(e)->operand, f, owner);
      break;
    case ExprKind::Constant: return truthy(static_cast<const ConstantExpr*>(e)->value);
    default: break;
  }
  Value tmp;
  const Value& v = eval_ref(e, f, tmp);
  f.record->where = owner;
  return truthy(v);
}

Value Interp::eval_compare(const CompareExpr* c, Frame& f, bool condition) {
  Value lt;
  Value left = eval(c->left, f);
  for (size_t i = 0; i < c->ops.size(); ++i) {
    Value right = eval(c->comparators[i], f);
    f.record->where = c;
    if (left.is_tensor() || right.is_tensor()) {
      // Tensor comparisons give bool tensors; a chain goes on while each is true, like Python's.
      Value r = tensor_compare(c->ops[i], left, right);
      if (!r.is_unbound()) {
        if (i + 1 == c->ops.size() || !truthy(r)) return r;
        left = std::move(right);
        continue;
      }
    }
    if (!compare_op(c->ops[i], left, right, condition)) return Value(false);
    left = std::move(right);
  }
  return Value(true);
}

Value Interp::eval_subscript(const SubscriptExpr* s, Frame& f) {
  Value ot, it;
  bool simple_index = s->index->kind == ExprKind::Name || s->index->kind == ExprKind::Constant;
  const Value& obj = simple_index ? eval_ref(s->value, f, ot) : (ot = eval(s->value, f));
  const Value& idx = eval_ref(s->index, f, it);
  f.record->where = s;
  // Fast paths: list/tuple[int]
  if (idx.is_int()) {
    if (auto* seq = obj.as<SeqObj>()) {
      if (seq->type == ObjType::List || seq->type == ObjType::Tuple) {
        int64_t i = idx.as_int(), n = static_cast<int64_t>(seq->items.size());
        if (i < 0) i += n;
        if (i >= 0 && i < n) return seq->items[i];
      }
    }
  }
  return get_item(*this, obj, idx);
}

// f(*args, **kwargs): the general (rarer) path, out of eval_call's frame.
[[gnu::noinline]] Value Interp::eval_call_unpacking(const CallExpr* c, Frame& f) {
  Value callee = eval(c->func, f);
  std::vector<Value> pos;
  for (const Expr* a : c->args) {
    if (a->kind == ExprKind::Starred) {
      Value it = eval(static_cast<const StarredExpr*>(a)->value, f);
      f.record->where = a;
      if (!it.as<SeqObj>() && !it.as<RangeObj>() && !it.as<IteratorObj>() && !it.as<DictObj>() && !it.as<StrObj>() &&
          !it.is_tensor() && !is_instance(it) && !it.as<DictViewObj>() && !it.as<SetObj>() && !it.as<GeneratorObj>())
        raise_type_error(callable_name(callee) + " argument after * must be an iterable, not " + type_name(it));
      for (auto& v : to_vector(*this, it)) pos.push_back(std::move(v));
    } else {
      pos.push_back(eval(a, f));
    }
  }
  std::vector<std::string> names;
  std::vector<Value> kws;
  for (size_t i = 0; i < c->kw_names.size(); ++i) {
    if (c->kw_names[i].empty()) {
      Value m = eval(c->kw_values[i], f);
      auto* d = m.as<DictObj>();
      f.record->where = c->kw_values[i];
      if (!d) raise_type_error(callable_name(callee) + " argument after ** must be a mapping, not " + type_name(m));
      for (auto& [k, v] : d->entries) {
        const std::string* ks = as_str(k);
        if (!ks) raise_type_error("keywords must be strings");
        if (std::find(names.begin(), names.end(), *ks) != names.end())
          raise_type_error(callable_name(callee) + " got multiple values for keyword argument '" + *ks + "'");
        names.push_back(*ks);
        kws.push_back(v);
      }
    } else {
      names.push_back(c->kw_names[i]);
      kws.push_back(eval(c->kw_values[i], f));
    }
  }
  CallArgs a;
  a.pos = pos.data();
  a.npos = pos.size();
  a.kw_names = names.data();
  a.kw = kws.data();
  a.nkw = kws.size();
  f.record->where = c;
  check_interrupt();
  return call(callee, a);
}

namespace {
// The plain function `inst.name` finds in its class (not shadowed by an instance attribute),
// or None: obj.method(args) then calls it with self first instead of making a bound method.
Value class_function(InstanceObj* inst, const AttributeExpr* attr) {
  if (!attr->ic_name) attr->ic_name = intern_name(attr->attr);
  if (inst->attrs.find_interned(attr->ic_name)) return Value();
  const Value* cv = class_lookup_cached(inst->cls.get(), attr->attr, attr);
  return cv && cv->as<FunctionObj>() ? *cv : Value();
}

// fn(self, *args) for a call site without keywords; `fn` is held while the arguments run.
Value call_with_self(Interp& in, const Value& fn, const Value& self, const CallExpr* c, Frame& f) {
  const size_t npos = c->args.size();
  ArgBuffer buf(npos + 1);
  buf.data[0] = self;
  for (size_t i = 0; i < npos; ++i) buf.data[i + 1] = in.eval(c->args[i], f);
  CallArgs a;
  a.pos = buf.data;
  a.npos = npos + 1;
  f.record->where = c;
  in.check_interrupt();
  return in.call_function(static_cast<FunctionObj*>(fn.obj()), a);
}
}  // namespace

Value Interp::eval_call(const CallExpr* c, Frame& f) {
  if (c->has_unpacking) return eval_call_unpacking(c, f);
  size_t npos = c->args.size(), nkw = c->kw_values.size();
  ArgBuffer buf(npos + nkw);
  CallArgs a;
  a.pos = buf.data;
  a.npos = npos;
  a.kw_names = c->kw_names.data();
  a.kw = buf.data + npos;
  a.nkw = nkw;

  if (c->func->kind == ExprKind::Attribute) {
    // obj.method(args): look the method up, then evaluate the arguments, then call.
    auto* attr = static_cast<const AttributeExpr*>(c->func);
    if (attr->value->kind == ExprKind::Name && c->kw_values.empty()) {
      // name.method(args) on a user class instance: read the name in place, no bound method.
      Value st;
      const Value& s = eval_ref(attr->value, f, st);
      if (auto* inst = s.as<InstanceObj>())
        if (Value fn = class_function(inst, attr); !fn.is_none()) return call_with_self(*this, fn, s, c, f);
    }
    Value self = eval(attr->value, f);
    MethodFn m = nullptr;
    if (self.is_tensor()) {
      m = find_tensor_method(attr->attr);
    } else if (Object* o = self.obj()) {
      if (o->type != ObjType::Module && o->type != ObjType::Type) m = find_py_method(o->type, attr->attr);
    }
    if (auto* inst = self.as<InstanceObj>(); inst && c->kw_values.empty()) {
      // obj.method(args) on a user class: call the function with self first, no bound method.
      if (Value fn = class_function(inst, attr); !fn.is_none()) return call_with_self(*this, fn, self, c, f);
    }
    if (m) {
      for (size_t i = 0; i < npos; ++i) buf.data[i] = eval(c->args[i], f);
      for (size_t i = 0; i < nkw; ++i) a.kw[i] = eval(c->kw_values[i], f);
      f.record->where = c;
      if (self.is_tensor()) a.binding = CallArgs::Binding::TensorMethod;
      return m(*this, self, a);
    }
    f.record->where = attr;
    Value callee = get_attr(self, attr->attr);
    for (size_t i = 0; i < npos; ++i) buf.data[i] = eval(c->args[i], f);
    for (size_t i = 0; i < nkw; ++i) a.kw[i] = eval(c->kw_values[i], f);
    f.record->where = c;
    return call(callee, a);
  }

  Value ct;
  const Value& callee = eval_ref(c->func, f, ct);
  Value hold = callee;  // the callee stays alive even if the call rebinds its name
  for (size_t i = 0; i < npos; ++i) buf.data[i] = eval(c->args[i], f);
  for (size_t i = 0; i < nkw; ++i) a.kw[i] = eval(c->kw_values[i], f);
  f.record->where = c;
  return call(hold, a);
}

// torch.exp(x, ...) → x.exp(...): the tensor argument (first positional or `input=`) becomes self.
Value Interp::call_as_function(const BuiltinObj* b, CallArgs& args) {
  if (b->takes_out)
    for (size_t k = 0; k < args.nkw; ++k)
      if (args.kw_names[k] == "out") return call_with_out(*this, b, args, k);
  if (args.npos > 0) {
    if (!args.pos[0].is_tensor())
      raise_type_error(std::string(b->name) + "(): argument 'input' (position 1) must be Tensor, not " + type_name(args.pos[0]));
    CallArgs rest = args;
    ++rest.pos;
    --rest.npos;
    rest.binding = CallArgs::Binding::TorchFunction;
    return b->method(*this, args.pos[0], rest);
  }
  for (size_t k = 0; k < args.nkw; ++k) {
    if (args.kw_names[k] != "input") continue;
    if (!args.kw[k].is_tensor())
      raise_type_error(std::string(b->name) + "(): argument 'input' must be Tensor, not " + type_name(args.kw[k]));
    ArgsWithoutKeyword rest(args, k);
    rest.args.binding = CallArgs::Binding::Plain;
    return b->method(*this, args.kw[k], rest.args);
  }
  raise_type_error(std::string(b->name) + "() missing 1 required positional arguments: \"input\"");
}

Value Interp::call(const Value& callee, CallArgs& args) {
  Object* o = callee.obj();
  if (o) {
    switch (o->type) {
      case ObjType::Builtin: {
        auto* b = static_cast<BuiltinObj*>(o);
        if (b->fn) return b->fn(*this, args);
        if (b->method) return call_as_function(b, args);
        raise_not_supported(std::string(b->name) + "()");
      }
      case ObjType::Function: return call_function(static_cast<FunctionObj*>(o), args);
      case ObjType::BoundMethod: {
        auto* m = static_cast<BoundMethodObj*>(o);
        if (m->self.is_tensor()) args.binding = CallArgs::Binding::TensorMethod;
        return m->fn(*this, m->self, args);
      }
      case ObjType::Method: {
        auto* m = static_cast<MethodObj*>(o);
        Value self = m->self, func = m->func;  // the call may drop the method object
        std::vector<Value> pos;
        pos.reserve(args.npos + 1);
        pos.push_back(std::move(self));
        for (size_t i = 0; i < args.npos; ++i) pos.push_back(args.pos[i]);
        CallArgs a = args;
        a.pos = pos.data();
        a.npos = pos.size();
        return call(func, a);
      }
      case ObjType::Instance: {
        Value hold = callee;
        const Value* fn = class_lookup(static_cast<InstanceObj*>(o)->cls.get(), "__call__");
        if (!fn) break;
        Value bound(std::make_shared<MethodObj>(hold, *fn));
        return call(bound, args);
      }
      case ObjType::Context:
        if (args.npos == 1 && args.nkw == 0 && (args.pos[0].as<FunctionObj>() || args.pos[0].as<MethodObj>()))
          return grad_mode_decorate(*this, callee, args.pos[0]);
        break;
      case ObjType::Wrapper: {
        auto* w = static_cast<WrapperObj*>(o);
        if (w->kind == WrapperObj::Kind::StaticMethod) {
          Value fn = w->func;
          return call(fn, args);
        }
        break;
      }
      case ObjType::Type: {
        auto* t = static_cast<TypeObj*>(o);
        if (t->id == TypeId::User) {
          Value hold = callee;
          return instantiate(*this, std::static_pointer_cast<ClassObj>(hold.obj_ref()), args);
        }
        if (t->ctor) return t->ctor(*this, args);
        raise_type_error("cannot create '" + std::string(t->module) + "." + t->name + "' instances");
      }
      default: break;
    }
  }
  raise_type_error(std::string("'") + type_name(callee) + "' object is not callable");
}

namespace {
std::string join_names(const std::vector<std::string>& names) {
  // 'a' / 'a' and 'b' / 'a', 'b', and 'c' (CPython's format_missing)
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}
}  // namespace

// Binds a call's arguments to the parameter slots with CPython's rules and messages. Kept
// out of call_function so its temporaries do not sit on the stack during the call's body
// (deep recursion must fit the small WebAssembly stack).
[[gnu::noinline]] void Interp::bind_arguments(FunctionObj* fn, CallArgs& args, Value* locals) {
  const FunctionInfo* info = fn->info;
  const std::string& name = fn->qualname;  // Python 3.11 names functions by qualname: A.f(), g.<locals>.h()
  size_t nparams = info->params.size(), npos_params = info->num_positional;
  if (args.npos > npos_params && info->varargs.empty()) {
    size_t required = 0;
    for (size_t i = 0; i < npos_params; ++i)
      if (fn->defaults[i].is_unbound()) ++required;
    std::string takes = required == npos_params ? std::to_string(npos_params)
                                                : "from " + std::to_string(required) + " to " + std::to_string(npos_params);
    size_t kwonly_given = 0;
    for (size_t k = 0; k < args.nkw; ++k)
      for (size_t i = npos_params; i < nparams; ++i)
        if (info->params[i].name == args.kw_names[k]) ++kwonly_given;
    std::string msg = name + "() takes " + takes + " positional argument" + (npos_params == 1 && required == npos_params ? "" : "s") +
                      " but " + std::to_string(args.npos);
    if (kwonly_given) msg += " positional argument" + std::string(args.npos == 1 ? "" : "s") + " (and " + std::to_string(kwonly_given) +
                             " keyword-only argument" + (kwonly_given == 1 ? "" : "s") + ") were given";
    else msg += args.npos == 1 ? " was given" : " were given";
    raise_type_error(msg);
  }
  size_t take = std::min(args.npos, npos_params);
  for (size_t i = 0; i < take; ++i) locals[info->param_slots[i]] = args.pos[i];
  if (!info->varargs.empty()) {
    std::vector<Value> extra;
    for (size_t i = take; i < args.npos; ++i) extra.push_back(args.pos[i]);
    locals[info->varargs_slot] = make_tuple(std::move(extra));
  }
  Value kwdict;
  if (!info->varkw.empty()) kwdict = make_dict();
  for (size_t k = 0; k < args.nkw; ++k) {
    const std::string& kn = args.kw_names[k];
    size_t i = 0;
    for (; i < nparams; ++i)
      if (info->params[i].name == kn) break;
    if (i == nparams) {
      if (!info->varkw.empty()) {
        kwdict.as<DictObj>()->set(make_str(kn), args.kw[k]);
        continue;
      }
      raise_type_error(name + "() got an unexpected keyword argument '" + kn + "'");
    }
    Value& slot = locals[info->param_slots[i]];
    if (!slot.is_unbound()) raise_type_error(name + "() got multiple values for argument '" + kn + "'");
    slot = args.kw[k];
  }
  if (!info->varkw.empty()) locals[info->varkw_slot] = std::move(kwdict);
  std::vector<std::string> missing, missing_kw;
  for (size_t i = 0; i < nparams; ++i) {
    Value& slot = locals[info->param_slots[i]];
    if (!slot.is_unbound()) continue;
    if (!fn->defaults[i].is_unbound()) {
      slot = fn->defaults[i];
    } else {
      (i < npos_params ? missing : missing_kw).push_back(info->params[i].name);
    }
  }
  if (!missing.empty())
    raise_type_error(name + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                     (missing.size() == 1 ? "" : "s") + ": " + join_names(missing));
  if (!missing_kw.empty())
    raise_type_error(name + "() missing " + std::to_string(missing_kw.size()) + " required keyword-only argument" +
                     (missing_kw.size() == 1 ? "" : "s") + ": " + join_names(missing_kw));
  for (int slot : info->cell_slots) {
    auto cell = std::make_shared<CellObj>();
    cell->value = std::move(locals[slot]);
    heap_.track(cell);
    locals[slot] = Value(ObjRef(std::move(cell)));
  }
}

namespace {
// If an exception unwinds through a call, keep the function's Program (and so the source its
// frame record points at) alive until run() has formatted the traceback.
struct KeepOnUnwind {
  Interp& in;
  FunctionObj* fn;
  int uncaught = std::uncaught_exceptions();
  ~KeepOnUnwind() {
    if (std::uncaught_exceptions() > uncaught) in.unwind_keepalive_.push_back(fn->program);
  }
};
}  // namespace

[[gnu::noinline]] Value Interp::eval_named(const NamedExpr* n, Frame& f) {
  Value v = eval(n->value, f);
  store_name(n->target, v, f);
  return v;
}

Value Interp::call_function(FunctionObj* fn, CallArgs& args) {
  const FunctionInfo* info = fn->info;
  if (info->is_generator) return make_generator(fn, args);
  if (depth_ + 1 >= max_depth_) raise("RecursionError", "maximum recursion depth exceeded");  // the module frame counts too
  check_interrupt();
  constexpr size_t kInlineLocals = 8;
  Value inline_locals[kInlineLocals];
  std::unique_ptr<Value[]> heap_locals;
  Value* locals = inline_locals;
  size_t nlocals = static_cast<size_t>(info->num_locals);
  if (nlocals > kInlineLocals) {
    heap_locals.reset(new Value[nlocals]);
    locals = heap_locals.get();
  }
  for (size_t i = 0; i < nlocals; ++i) locals[i] = Value::unbound();
  size_t nparams = info->params.size();
  if (args.nkw == 0 && args.npos == nparams && info->num_positional == nparams && info->varargs.empty() && info->varkw.empty() &&
      info->cell_slots.empty()) {
    for (size_t i = 0; i < nparams; ++i) locals[info->param_slots[i]] = args.pos[i];  // the common case: f(a, b)
  } else {
    bind_arguments(fn, args, locals);
  }

  KeepOnUnwind keep{*this, fn};
  return run_frame(fn, locals);
}

Value Interp::run_frame(FunctionObj* fn, Value* locals) {
  const FunctionInfo* info = fn->info;
  frames_.push_back(FrameRecord{fn->program->source.get(), info->name.c_str(), info});
  Frame frame;
  frame.locals = locals;
  frame.free = fn->closure.data();
  frame.fn = info;
  frame.func = fn;
  frame.record = &frames_.back();
  frame.caller = current_frame_;
  current_frame_ = &frame;
  ++depth_;
  exec_block(info->body, frame);
  --depth_;
  current_frame_ = frame.caller;
  frames_.pop_back();
  return std::move(frame.return_value);
}

namespace {
// The cells an inner scope closes over: the defining frame's own cells, or cells it closes over.
void capture_closure(const FunctionInfo* info, Frame& f, std::vector<std::shared_ptr<CellObj>>& closure) {
  for (const auto& ref : info->free_vars) {
    if (ref.from_enclosing_free) closure.push_back(f.free[ref.index]);
    else closure.push_back(std::static_pointer_cast<CellObj>(f.locals[ref.index].obj_ref()));
  }
}
}  // namespace

Value Interp::make_function(const FunctionInfo* info, Frame& f, const Program* prog) {
  auto fn = std::make_shared<FunctionObj>();
  fn->program = f.func ? f.func->program : current_program_;
  fn->info = info;
  fn->defaults.resize(info->params.size(), Value::unbound());
  for (size_t i = 0; i < info->params.size(); ++i)
    if (info->params[i].default_value) fn->defaults[i] = eval(info->params[i].default_value, f);
  capture_closure(info, f, fn->closure);
  if (f.fn && f.fn->is_class) fn->qualname = f.func->qualname + "." + info->name;  // a method: A.f
  else fn->qualname = f.func ? f.func->qualname + ".<locals>." + info->name : info->name;
  ObjRef o = fn;
  heap_.track(o);
  return Value(std::move(o));
}

Value Interp::eval_comprehension(const CompExpr* c, Frame& f) {
  const FunctionInfo* info = c->scope;
  Value first = eval(c->generators[0].iter, f);
  if (depth_ + 1 >= max_depth_) raise("RecursionError", "maximum recursion depth exceeded");  // the module frame counts too

  std::vector<std::shared_ptr<CellObj>> closure;
  std::vector<Value> locals;
  comprehension_scope(info, f, closure, locals);
  const SourceFile* src = f.record->source;
  f.record->where = c->generators[0].iter;
  frames_.push_back(FrameRecord{src, info->name.c_str(), c});
  Frame inner;
  inner.locals = locals.data();
  inner.free = closure.data();
  inner.fn = info;
  inner.func = f.func;
  inner.record = &frames_.back();
  ++depth_;

  std::vector<Value> items;
  Value result = c->kind == ExprKind::DictComp ? make_dict() : c->kind == ExprKind::SetComp ? make_set({}, false) : Value();
  std::vector<std::unique_ptr<Iter>> iters;
  inner.record->where = c->generators[0].iter;
  iters.push_back(std::make_unique<Iter>(*this, first));
  Value elt, value;
  while (comprehension_step(c, iters, inner, &elt, &value)) {
    if (c->kind == ExprKind::ListComp) {
      items.push_back(std::move(elt));
      continue;
    }
    inner.record->where = c->elt;
    if (c->kind == ExprKind::DictComp) result.as<DictObj>()->set(elt, std::move(value));
    else result.as<SetObj>()->add(elt);
  }
  --depth_;
  frames_.pop_back();
  return c->kind == ExprKind::ListComp ? make_list(std::move(items)) : result;
}

void Interp::comprehension_scope(const FunctionInfo* info, Frame& f, std::vector<std::shared_ptr<CellObj>>& closure, std::vector<Value>& locals) {
  capture_closure(info, f, closure);
  locals.assign(static_cast<size_t>(info->num_locals), Value::unbound());
  for (int slot : info->cell_slots) {
    auto cell = std::make_shared<CellObj>();
    heap_.track(cell);
    locals[static_cast<size_t>(slot)] = Value(ObjRef(std::move(cell)));
  }
}

// Runs a comprehension's nested loops (one iterator per `for` clause in `iters`, innermost
// last) to its next element: true with the element in *elt (and a dict comprehension's value
// in *value), false once every loop is done. Lazy generator expressions call it once per item.
bool Interp::comprehension_step(const CompExpr* c, std::vector<std::unique_ptr<Iter>>& iters, Frame& inner, Value* elt, Value* value) {
  Value item;
  while (!iters.empty()) {
    size_t level = iters.size() - 1;
    const Comprehension& g = c->generators[level];
    inner.record->where = g.iter;
    if (!iters.back()->next(item)) {
      iters.pop_back();
      continue;
    }
    check_interrupt();
    assign(g.target, std::move(item), inner);
    bool ok = true;
    for (const Expr* cond : g.ifs)
      if (!eval_condition(cond, inner, cond)) {
        ok = false;
        break;
      }
    if (!ok) continue;
    if (level + 1 < c->generators.size()) {
      Value next_iter = eval(c->generators[level + 1].iter, inner);
      inner.record->where = c->generators[level + 1].iter;
      iters.push_back(std::make_unique<Iter>(*this, next_iter));
      continue;
    }
    *elt = eval(c->elt, inner);
    if (c->value) *value = eval(c->value, inner);
    return true;
  }
  return false;
}

Value Interp::eval_fstring(const JoinedStrExpr* j, Frame& f) {
  std::string out;
  for (const auto& p : j->parts) {
    out += p.literal;
    if (!p.expr) continue;
    Value v = eval(p.expr, f);
    std::string spec;
    if (p.spec) spec = *as_str(eval_fstring(static_cast<const JoinedStrExpr*>(p.spec), f));
    f.record->where = p.expr;
    if (p.conversion == 'r' || p.conversion == 'a') v = make_str(repr(v));
    else if (p.conversion == 's') v = make_str(str(v));
    if (spec.empty()) {
      if (const std::string* s = as_str(v)) out += *s;
      else out += format_value(*this, v, spec);
    } else {
      out += format_value(*this, v, spec);
    }
  }
  return make_str(std::move(out));
}

}  // namespace gradlab::script
