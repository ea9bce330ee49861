// Statement execution. Each statement returns a Flow code; `break`, `continue` and `return`
// travel up as codes (never as exceptions), so normal control flow costs no unwinding.
#include <algorithm>

#include "engine/script/runtime.h"
#include "engine/tensor.h"

namespace gradlab::script {

Flow Interp::exec_block(const Block& b, Frame& f) {
  for (const Stmt* s : b) {
    Flow fl = exec(s, f);
    if (fl != Flow::Normal) return fl;
  }
  return Flow::Normal;
}

Flow Interp::exec(const Stmt* s, Frame& f) {
  f.record->where = s;
  switch (s->kind) {
    case StmtKind::Expr: {
      Value tmp;
      eval_ref(static_cast<const ExprStmt*>(s)->value, f, tmp);
      return Flow::Normal;
    }
    case StmtKind::Assign: {
      auto* a = static_cast<const AssignStmt*>(s);
      Value v = eval(a->value, f);
      size_t n = a->targets.size();
      for (size_t i = 0; i + 1 < n; ++i) assign(a->targets[i], v, f);
      assign(a->targets[n - 1], std::move(v), f);
      return Flow::Normal;
    }
    case StmtKind::AugAssign: exec_augassign(static_cast<const AugAssignStmt*>(s), f); return Flow::Normal;
    case StmtKind::AnnAssign: {
      auto* a = static_cast<const AnnAssignStmt*>(s);
      if (a->value) assign(a->target, eval(a->value, f), f);
      if (f.fn && f.fn->is_class && a->target->kind == ExprKind::Name) annotate_class_name(a, f);
      return Flow::Normal;
    }
    case StmtKind::If: {
      auto* i = static_cast<const IfStmt*>(s);
      while (true) {  // elif chains iteratively
        if (eval_condition(i->test, f, i)) return exec_block(i->body, f);
        if (i->orelse.size() == 1 && i->orelse[0]->kind == StmtKind::If && i->orelse[0]->pos.line != i->pos.line) {
          i = static_cast<const IfStmt*>(i->orelse[0]);
          f.record->where = i;
          continue;
        }
        return exec_block(i->orelse, f);
      }
    }
    case StmtKind::For: return exec_for(static_cast<const ForStmt*>(s), f);
    case StmtKind::While: {
      auto* w = static_cast<const WhileStmt*>(s);
      while (true) {
        check_interrupt();
        f.record->where = w;
        if (!eval_condition(w->test, f, w)) break;
        Flow fl = exec_block(w->body, f);
        if (fl == Flow::Break) return Flow::Normal;
        if (fl == Flow::Return) return fl;
      }
      return exec_block(w->orelse, f);
    }
    case StmtKind::Break: return Flow::Break;
    case StmtKind::Continue: return Flow::Continue;
    case StmtKind::Pass: return Flow::Normal;
    case StmtKind::FunctionDef: {
      auto* d = static_cast<const FunctionDefStmt*>(s);
      if (d->decorators.empty()) {
        store_name(d->target, make_function(d->fn, f, nullptr), f);
        return Flow::Normal;
      }
      std::vector<Value> decorators;
      for (const Expr* e : d->decorators) decorators.push_back(eval(e, f));
      Value fn = make_function(d->fn, f, nullptr);
      store_name(d->target, apply_decorators(d->decorators, decorators, std::move(fn)), f);
      return Flow::Normal;
    }
    case StmtKind::ClassDef: exec_class(static_cast<const ClassDefStmt*>(s), f); return Flow::Normal;
    case StmtKind::Try: return exec_try(static_cast<const TryStmt*>(s), f);
    case StmtKind::Return: {
      auto* r = static_cast<const ReturnStmt*>(s);
      f.return_value = r->value ? eval(r->value, f) : Value();
      return Flow::Return;
    }
    case StmtKind::With: return exec_with(static_cast<const WithStmt*>(s), f, 0);
    case StmtKind::Del: exec_rare(s, f); return Flow::Normal;
    case StmtKind::Import:
    case StmtKind::ImportFrom: exec_import(static_cast<const ImportStmt*>(s), f); return Flow::Normal;
    case StmtKind::Global:
    case StmtKind::Nonlocal: return Flow::Normal;
    case StmtKind::Assert:
    case StmtKind::Raise: exec_rare(s, f); return Flow::Normal;
  }
  return Flow::Normal;
}

// del, assert and raise: kept out of exec's frame, which every nested call level carries.
[[gnu::noinline]] void Interp::exec_rare(const Stmt* s, Frame& f) {
  switch (s->kind) {
    case StmtKind::Del: {
      for (const Expr* t : static_cast<const DelStmt*>(s)->targets) {
        switch (t->kind) {
          case ExprKind::Name: delete_name(static_cast<const NameExpr*>(t), f); break;
          case ExprKind::Subscript: {
            auto* sub = static_cast<const SubscriptExpr*>(t);
            Value obj = eval(sub->value, f);
            Value idx = eval(sub->index, f);
            f.record->where = t;
            del_item(*this, obj, idx);
            break;
          }
          case ExprKind::Attribute: {
            auto* at = static_cast<const AttributeExpr*>(t);
            Value obj = eval(at->value, f);
            f.record->where = t;
            if (obj.is_tensor() && at->attr == "grad") {
              obj.as_tensor().set_grad(Tensor());
            } else if (obj.as<InstanceObj>()) {
              instance_delattr(*this, obj, at->attr);
            } else if (auto* t = obj.as<TypeObj>(); t && t->id == TypeId::User) {
              class_delattr(static_cast<ClassObj*>(t), at->attr);
            } else if (auto* m = obj.as<ModuleObj>(); m && m->attrs.erase(at->attr)) {
            } else {
              raise_attribute_error(std::string("'") + type_name(obj) + "' object attribute '" + at->attr + "' cannot be deleted");
            }
            break;
          }
          default: {
            // del (a, b) / del [a, b]
            for (const Expr* x : static_cast<const SeqExpr*>(t)->elts)
              if (x->kind == ExprKind::Name) delete_name(static_cast<const NameExpr*>(x), f);
          }
        }
      }
      return;
    }
    case StmtKind::Assert: {
      auto* a = static_cast<const AssertStmt*>(s);
      if (!eval_condition(a->test, f, a->test)) {
        std::string msg = a->msg ? str(eval(a->msg, f)) : "";
        f.record->where = a->test;  // CPython points the AssertionError at the test
        raise("AssertionError", msg);
      }
      return;
    }
    case StmtKind::Raise: exec_raise(static_cast<const RaiseStmt*>(s), f);
    default: return;
  }
}

void Interp::assign(const Expr* t, Value v, Frame& f) {
  switch (t->kind) {
    case ExprKind::Name: store_name(static_cast<const NameExpr*>(t), std::move(v), f); return;
    case ExprKind::Attribute: {
      auto* a = static_cast<const AttributeExpr*>(t);
      Value obj = eval(a->value, f);
      f.record->where = t;
      if (is_instance(obj)) store_instance_attr(*this, obj, a, std::move(v));
      else set_attr(obj, a->attr, std::move(v));
      return;
    }
    case ExprKind::Subscript: {
      auto* s = static_cast<const SubscriptExpr*>(t);
      Value obj = eval(s->value, f);
      Value idx = eval(s->index, f);
      f.record->where = t;
      set_item(*this, obj, idx, std::move(v));
      return;
    }
    case ExprKind::Tuple:
    case ExprKind::List: unpack(static_cast<const SeqExpr*>(t)->elts, v, f, t); return;
    default: f.record->where = t; raise("SyntaxError", "cannot assign to expression");
  }
}

void Interp::unpack(const std::vector<Expr*>& targets, const Value& v, Frame& f, const Expr* whole) {
  std::vector<Value> owned;
  const std::vector<Value>* items;
  auto* seq = v.as<SeqObj>();
  if (seq) {
    items = &seq->items;
  } else {
    f.record->where = whole;
    if (!v.is_tensor() && !v.as<RangeObj>() && !v.as<StrObj>() && !v.as<DictObj>() && !v.as<IteratorObj>() && !v.as<DictViewObj>() &&
        !is_instance(v) && !v.as<SetObj>() && !v.as<GeneratorObj>())
      raise_type_error(std::string("cannot unpack non-iterable ") + type_name(v) + " object");
    owned = to_vector(*this, v);
    items = &owned;
  }
  size_t star = targets.size();
  for (size_t i = 0; i < targets.size(); ++i)
    if (targets[i]->kind == ExprKind::Starred) star = i;
  size_t n = items->size();
  if (star == targets.size()) {
    if (n != targets.size()) {
      f.record->where = whole;
      if (n > targets.size()) raise_value_error("too many values to unpack (expected " + std::to_string(targets.size()) + ")");
      raise_value_error("not enough values to unpack (expected " + std::to_string(targets.size()) + ", got " + std::to_string(n) + ")");
    }
    std::vector<Value> copy = *items;  // the targets may mutate the source (a, b = b, a is fine)
    for (size_t i = 0; i < n; ++i) assign(targets[i], std::move(copy[i]), f);
    return;
  }
  size_t after = targets.size() - star - 1;
  if (n < star + after) {
    f.record->where = whole;
    raise_value_error("not enough values to unpack (expected at least " + std::to_string(star + after) + ", got " + std::to_string(n) + ")");
  }
  std::vector<Value> copy = *items;
  for (size_t i = 0; i < star; ++i) assign(targets[i], copy[i], f);
  std::vector<Value> middle(copy.begin() + static_cast<std::ptrdiff_t>(star), copy.end() - static_cast<std::ptrdiff_t>(after));
  assign(static_cast<const StarredExpr*>(targets[star])->value, make_list(std::move(middle)), f);
  for (size_t i = 0; i < after; ++i) assign(targets[star + 1 + i], copy[n - after + i], f);
}

void Interp::exec_augassign(const AugAssignStmt* s, Frame& f) {
  const Expr* t = s->target;
  if (t->kind == ExprKind::Name) {
    auto* n = static_cast<const NameExpr*>(t);
    Value cur = load_name(n, f);
    Value rhs = eval(s->value, f);
    f.record->where = s;
    Value res = inplace_op(s->op, cur, rhs);
    cur = Value();  // drop our reference before storing (keeps tensors' use counts honest)
    store_name(n, std::move(res), f);
    return;
  }
  if (t->kind == ExprKind::Attribute) {
    auto* a = static_cast<const AttributeExpr*>(t);
    Value obj = eval(a->value, f);
    f.record->where = t;
    bool inst = is_instance(obj);
    Value cur = inst ? load_instance_attr(*this, obj, a) : get_attr(obj, a->attr);
    Value rhs = eval(s->value, f);
    f.record->where = s;
    Value res = inplace_op(s->op, cur, rhs);
    cur = Value();
    if (inst) store_instance_attr(*this, obj, a, std::move(res));
    else set_attr(obj, a->attr, std::move(res));
    return;
  }
  auto* sub = static_cast<const SubscriptExpr*>(t);
  Value obj = eval(sub->value, f);
  Value idx = eval(sub->index, f);
  f.record->where = t;
  Value cur = get_item(*this, obj, idx);
  // x[i] += v: the view x[i] is updated in place, then assigned back by x[i] = ..., which is
  // what records the history; so the copy standing for the view needs no write-back of its own
  // (Note [Views are copies]). cur is the fresh result of get_item, unless x[...] was x itself.
  if (cur.is_tensor() && obj.is_tensor() && cur.as_tensor().impl() != obj.as_tensor().impl())
    cur.as_tensor().impl()->view_copy.reset();
  Value rhs = eval(s->value, f);
  f.record->where = s;
  Value res = inplace_op(s->op, cur, rhs);
  set_item(*this, obj, idx, std::move(res));
}

Flow Interp::exec_for(const ForStmt* s, Frame& f) {
  Value iterable = eval(s->iter, f);
  f.record->where = s;
  bool broke = false;
  if (auto* r = iterable.as<RangeObj>(); r && s->target->kind == ExprKind::Name) {
    // range() fast path: no iterator object, the counter is a plain int64.
    auto* target = static_cast<const NameExpr*>(s->target);
    int64_t n = r->length(), start = r->start, step = r->step;
    for (int64_t i = 0; i < n; ++i) {
      check_interrupt();
      store_name(target, Value(start + i * step), f);
      Flow fl = exec_block(s->body, f);
      if (fl == Flow::Break) {
        broke = true;
        break;
      }
      if (fl == Flow::Return) return fl;
    }
  } else {
    Iter it(*this, iterable);
    Value item;
    while (true) {
      f.record->where = s;
      if (!it.next(item)) break;
      check_interrupt();
      assign(s->target, std::move(item), f);
      Flow fl = exec_block(s->body, f);
      if (fl == Flow::Break) {
        broke = true;
        break;
      }
      if (fl == Flow::Return) return fl;
    }
  }
  if (!broke) return exec_block(s->orelse, f);
  return Flow::Normal;
}

namespace {
// Sets grad mode (and inference mode) for a `with` block or a decorated call and restores it
// however the block ends: set_grad_enabled restores the mode from before it was made.
class GradModeGuard {
 public:
  explicit GradModeGuard(const ContextObj& c) : restores_(enter_grad_mode(c)) {}
  ~GradModeGuard() { restore_grad_mode(restores_); }
  GradModeGuard(const GradModeGuard&) = delete;
  GradModeGuard& operator=(const GradModeGuard&) = delete;

 private:
  GradModeState restores_;
};
}  // namespace

GradModeState enter_grad_mode(const ContextObj& c) {
  GradModeState before{grad_mode_enabled(), inference_mode_enabled()};
  if (c.kind == ContextObj::Kind::SetGradEnabled) before.grad = c.previous;
  if (c.kind == ContextObj::Kind::InferenceMode) set_inference_mode(!c.enables_grad);
  set_grad_mode(c.enables_grad);
  return before;
}

void restore_grad_mode(GradModeState s) {
  set_grad_mode(s.grad);
  set_inference_mode(s.inference);
}

// `@torch.no_grad()` on a def: calling the context object with a function gives a function
// that runs it in that grad mode.
Value grad_mode_decorate(Interp& in, const Value& ctx, const Value& fn) {
  MethodFn run = [](Interp& in, const Value& self, CallArgs& args) -> Value {
    auto* pair = self.as<SeqObj>();
    GradModeGuard guard(*pair->items[0].as<ContextObj>());
    Value f = pair->items[1];
    return in.call(f, args);
  };
  std::string name = fn.as<FunctionObj>() ? fn.as<FunctionObj>()->info->name : "decorated";
  return Value(std::make_shared<BoundMethodObj>(make_tuple({ctx, fn}), run, name));
}

Flow Interp::exec_with(const WithStmt* s, Frame& f, size_t item) {
  if (item == s->items.size()) return exec_block(s->body, f);
  const WithItem& w = s->items[item];
  Value ctx = eval(w.context, f);
  f.record->where = s;
  if (is_instance(ctx)) return exec_with_instance(s, f, item, ctx);
  auto* c = ctx.as<ContextObj>();
  if (!c) raise_type_error(std::string("'") + type_name(ctx) + "' object does not support the context manager protocol");
  GradModeGuard guard(*c);
  if (w.target) assign(w.target, Value(), f);  // no_grad.__enter__ returns None
  return exec_with(s, f, item + 1);
}

void Interp::exec_import(const ImportStmt* s, Frame& f) {
  if (s->kind == StmtKind::Import) {
    for (const auto& a : s->names) {
      Value m = import_module(a.name, a.pos);
      if (a.asname.empty()) {
        // `import torch.nn` binds `torch`
        std::string top = a.name.substr(0, a.name.find('.'));
        store_name(a.target, module(top), f);
      } else {
        store_name(a.target, std::move(m), f);
      }
    }
    return;
  }
  Value m = import_module(s->module, s->pos);
  auto* mod = m.as<ModuleObj>();
  for (const auto& a : s->names) {
    f.record->where = a.target;
    auto it = mod->attrs.find(a.name);
    if (it == mod->attrs.end() && load_lazy_attributes(*this, *mod)) it = mod->attrs.find(a.name);
    Value v;
    if (it != mod->attrs.end()) {
      v = it->second;
    } else if (mod->lazy_attr && !(v = mod->lazy_attr(*this, *mod, a.name)).is_unbound()) {
    } else {
      // a submodule: from torch import nn
      std::string sub = s->module + "." + a.name;
      v = module(sub);
      if (v.is_none()) {
        if (mod->known_missing && name_in(mod->known_missing, a.name))
          raise_not_supported(s->module + "." + a.name);
        raise("ImportError", "cannot import name '" + a.name + "' from '" + s->module + "' (" +
                                  (mod->file.empty() ? "unknown location" : mod->file) + ")");
      }
    }
    store_name(a.target, std::move(v), f);
  }
}

}  // namespace gradlab::script
