// Generators: `def` bodies that yield, and lazy generator expressions.
//
// Note [Generators]: the evaluator is a tree walk that keeps Python's control flow on the C++
// stack, and WebAssembly has no threads or ucontext to set that stack aside at a `yield`. So a
// generator's body runs in a resumable executor instead: its frame (locals) lives in the
// GeneratorObj, and so does an explicit stack of cursors, one per block being run (the body,
// the body of an if/for/while/try, a loop's else block), each holding the index of its next
// statement and, for `for`, the loop's iterator. Only statements that contain a yield (the
// parser marks them: Stmt::contains_yield) are taken apart by the cursors; every other
// statement runs through the ordinary exec(), so loops without a yield inside a generator run
// at full speed. `yield` may stand where the parser allows it: as a statement (`yield x`,
// `yield from it`) or as an assignment's value (`y = yield x`, which binds None: send() takes
// only None, throw() is refused); a generator may yield inside if/for/while blocks (with their
// else blocks), a try's body and `with` blocks, not inside except/else/finally blocks (a clear
// SyntaxError). A generator that is dropped while suspended inside `try: ... finally:` or a user
// context manager's `with` does not run its finally block or __exit__ (CPython throws
// GeneratorExit into it), and close() there is refused; suspended inside `with torch.no_grad():`
// (or another grad-mode context) it puts the grad mode back when dropped or closed, as that
// __exit__ would. While it is suspended, the grad mode it set stays in force, as in PyTorch
// (the mode is per thread, not per frame).
// enumerate/map/filter over a generator pull from it lazily (IteratorObj::pull).
// An exception escaping a statement unwinds the cursor stack to the innermost try cursor and
// runs that statement's handlers and finally block exactly as exec_try does. A resumption
// pushes the generator's FrameRecord like a call, so tracebacks show the generator's frame
// under the frame that resumed it, as CPython's do; a StopIteration escaping the body becomes
// "RuntimeError: generator raised StopIteration" (PEP 479).
// Generator expressions keep the loop state of a comprehension (iterators of its `for`
// clauses) and produce one element per resumption, so `(x for x in itertools.count())` is fine.
#include "engine/script/runtime.h"

namespace gradlab::script {

GeneratorObj::~GeneratorObj() { leave_grad_contexts(); }

void GeneratorObj::leave_grad_contexts() {
  for (size_t k = stack.size(); k-- > 0;) {
    Cursor& c = stack[k];
    if (c.kind == Cursor::Kind::With && c.exit_fn.is_unbound()) restore_grad_mode(c.restores);
    c.kind = Cursor::Kind::Block;  // restored once
  }
}

void GeneratorObj::clear_refs() {
  leave_grad_contexts();
  stack.clear();
  delegate.reset();
  iters.clear();
  locals.clear();
  closure.clear();
  func = delegate_source = return_value = Value();
  state = State::Done;
}

Value Interp::make_generator(FunctionObj* fn, CallArgs& args) {
  auto g = std::make_shared<GeneratorObj>();
  const FunctionInfo* info = fn->info;
  g->locals.assign(static_cast<size_t>(info->num_locals), Value::unbound());
  bind_arguments(fn, args, g->locals.data());  // argument errors come from the call, as in CPython
  g->qualname = fn->qualname;
  g->program = fn->program;
  g->source = fn->program->source.get();
  g->stack.push_back(GeneratorObj::Cursor{GeneratorObj::Cursor::Kind::Body, nullptr, &info->body});
  // The frame's function (closure cells, qualname, defining class), shared with the def's.
  g->func = Value(std::make_shared<FunctionObj>(*fn));
  ObjRef self = g;
  heap_.track(self);
  return Value(std::move(self));
}

Value Interp::make_generator_expression(const CompExpr* c, Frame& f) {
  const FunctionInfo* info = c->scope;
  Value first = eval(c->generators[0].iter, f);
  f.record->where = c->generators[0].iter;
  auto g = std::make_shared<GeneratorObj>();
  g->comp = c;
  g->source = f.record->source;
  g->program = f.func ? f.func->program : current_program_;
  g->qualname = f.func ? f.func->qualname + ".<locals>.<genexpr>" : "<genexpr>";
  comprehension_scope(info, f, g->closure, g->locals);
  g->iters.push_back(std::make_unique<Iter>(*this, first));  // iter() runs now, in the enclosing frame
  ObjRef o = g;
  heap_.track(o);
  return Value(std::move(o));
}

namespace {
const Expr* yield_of(const Stmt* s) {
  return s->kind == StmtKind::Expr ? static_cast<const ExprStmt*>(s)->value : static_cast<const AssignStmt*>(s)->value;
}
const char kDirectCause[] = "\nThe above exception was the direct cause of the following exception:\n\n";
}  // namespace

bool Interp::generator_next(GeneratorObj* g, Value& out) {
  if (g->state == GeneratorObj::State::Done) return false;
  if (g->state == GeneratorObj::State::Running) raise_value_error("generator already executing");
  if (depth_ + 1 >= max_depth_) raise("RecursionError", "maximum recursion depth exceeded");
  check_interrupt();
  auto* fn = g->comp ? nullptr : g->func.as<FunctionObj>();
  const FunctionInfo* info = g->comp ? g->comp->scope : fn->info;
  frames_.push_back(FrameRecord{g->source, info->name.c_str(), g->comp ? static_cast<const AstNode*>(g->comp) : info});
  Frame frame;
  frame.locals = g->locals.data();
  frame.free = g->comp ? g->closure.data() : fn->closure.data();
  frame.fn = info;
  frame.func = fn;
  frame.record = &frames_.back();
  frame.caller = current_frame_;
  current_frame_ = &frame;
  ++depth_;
  g->state = GeneratorObj::State::Running;
  Mark m = mark();
  bool produced;
  try {
    produced = g->comp ? comprehension_step(g->comp, g->iters, frame, &out, nullptr) : run_generator_body(g, frame, m, out);
  } catch (const gradlab::Error& e) {
    g->clear_refs();
    unwind_keepalive_.push_back(g->program);
    if (interrupted_ || !exception_name_is_a(e.type(), "StopIteration")) throw;
    // PEP 479: the StopIteration (its traceback starts at this frame) becomes the cause of a
    // RuntimeError raised where the generator was resumed.
    std::vector<FrameRecord> records(frames_.begin() + static_cast<std::ptrdiff_t>(m.frames - 1), frames_.end());
    PyError stop = dynamic_cast<const PyError*>(&e) ? *dynamic_cast<const PyError*>(&e) : PyError(e.type(), e.what());
    restore(m);
    --depth_;
    current_frame_ = frame.caller;
    frames_.pop_back();
    PyError err("RuntimeError", "generator raised StopIteration");
    err.explicit_cause = true;
    err.context = exception_report(stop, records) + kDirectCause;
    throw err;
  }
  --depth_;
  current_frame_ = frame.caller;
  frames_.pop_back();
  if (produced) {
    g->state = GeneratorObj::State::Suspended;
  } else {
    Value result = std::move(g->return_value);
    g->clear_refs();
    g->return_value = std::move(result);
  }
  return produced;
}

// Runs a def generator's body from where it stopped to its next yield (true, value in `out`)
// or its end (false, return value in g->return_value).
bool Interp::run_generator_body(GeneratorObj* g, Frame& f, const Mark& m, Value& out) {
  using Kind = GeneratorObj::Cursor::Kind;
  while (true) {
    try {
      while (true) {
        if (g->delegate) {  // inside `yield from`
          f.record->where = yield_of(g->pending);
          if (g->delegate->next(out)) return true;
          Value result;
          if (auto* sub = g->delegate_source.as<GeneratorObj>()) result = sub->return_value;
          g->delegate.reset();
          g->delegate_source = Value();
          if (g->pending->kind == StmtKind::Assign)
            for (const Expr* t : static_cast<const AssignStmt*>(g->pending)->targets) assign(t, result, f);
          g->pending = nullptr;
        } else if (g->pending) {  // resumed after `yield`: the expression's value is None
          if (g->pending->kind == StmtKind::Assign)
            for (const Expr* t : static_cast<const AssignStmt*>(g->pending)->targets) assign(t, Value(), f);
          g->pending = nullptr;
        }
        GeneratorObj::Cursor& c = g->stack.back();
        if (c.next == c.block->size()) {
          if (!generator_block_end(g, f, m)) return false;
          continue;
        }
        const Stmt* s = (*c.block)[c.next++];
        if (!s->contains_yield) {
          Flow fl = exec(s, f);
          if (fl != Flow::Normal && !generator_flow(g, f, fl)) return false;
          continue;
        }
        f.record->where = s;
        switch (s->kind) {
          case StmtKind::Expr:
          case StmtKind::Assign: {
            auto* y = static_cast<const YieldExpr*>(yield_of(s));
            g->pending = s;
            if (!y->is_from) {
              out = y->value ? eval(y->value, f) : Value();
              return true;
            }
            g->delegate_source = eval(y->value, f);
            f.record->where = y;
            g->delegate = std::make_unique<Iter>(*this, g->delegate_source);
            continue;
          }
          case StmtKind::If: {
            auto* i = static_cast<const IfStmt*>(s);
            const Block* b = eval_condition(i->test, f, i) ? &i->body : &i->orelse;
            g->stack.push_back(GeneratorObj::Cursor{Kind::Block, s, b});
            continue;
          }
          case StmtKind::For: {
            auto* fs = static_cast<const ForStmt*>(s);
            Value iterable = eval(fs->iter, f);
            f.record->where = s;
            auto it = std::make_unique<Iter>(*this, iterable);
            g->stack.push_back(GeneratorObj::Cursor{Kind::For, s, &fs->body, fs->body.size(), std::move(it)});
            continue;  // the block's end fetches the first item
          }
          case StmtKind::While:
            g->stack.push_back(GeneratorObj::Cursor{Kind::While, s, &static_cast<const WhileStmt*>(s)->body,
                                                    static_cast<const WhileStmt*>(s)->body.size()});
            continue;
          case StmtKind::Try: g->stack.push_back(GeneratorObj::Cursor{Kind::Try, s, &static_cast<const TryStmt*>(s)->body}); continue;
          case StmtKind::With: generator_enter_with(g, static_cast<const WithStmt*>(s), f); continue;
          default: raise("SystemError", "unexpected yield in a generator statement");
        }
      }
    } catch (const gradlab::Error& e) {
      if (!generator_exception(g, f, m, e)) return false;
    }
  }
}

// An exception escaped a statement of the body: the innermost try cursor's handlers and
// finally block take it (false when they end the body with `return`); with none, it leaves
// the generator. Called inside the handler of `e` (a bare `throw` re-raises it).
bool Interp::generator_exception(GeneratorObj* g, Frame& f, const Mark& m, const gradlab::Error& e) {
  using Kind = GeneratorObj::Cursor::Kind;
  if (interrupted_) throw;
  size_t k = g->stack.size();
  while (k > 0 && g->stack[k - 1].kind != Kind::Try && g->stack[k - 1].kind != Kind::With) --k;
  if (k == 0) throw;
  GeneratorObj::Cursor c = std::move(g->stack[k - 1]);
  g->stack.resize(k - 1);
  g->delegate.reset();
  g->delegate_source = Value();
  g->pending = nullptr;
  if (c.kind == Kind::With) {
    try {
      if (c.exit_fn.is_unbound()) {
        restore_grad_mode(c.restores);
        throw;
      }
      exit_with_exception(static_cast<const WithStmt*>(c.owner), f, c.context, c.exit_fn, e, m);
      return true;  // __exit__ swallowed it: the statement after the with runs next
    } catch (const gradlab::Error& e2) {
      return generator_exception(g, f, m, e2);
    }
  }
  auto* t = static_cast<const TryStmt*>(c.owner);
  try {
    Flow fl = exec_try_exception(t, f, e, m);
    return fl == Flow::Normal || generator_flow(g, f, fl);
  } catch (const gradlab::Error& e2) {
    return generator_exception(g, f, m, e2);
  }
}

// The cursor on top finished its block: loop again, leave the loop, or end the body (false).
bool Interp::generator_block_end(GeneratorObj* g, Frame& f, const Mark& m) {
  using Kind = GeneratorObj::Cursor::Kind;
  GeneratorObj::Cursor& c = g->stack.back();
  switch (c.kind) {
    case Kind::Body: g->return_value = Value(); return false;
    case Kind::Block: g->stack.pop_back(); return true;
    case Kind::For: {
      auto* fs = static_cast<const ForStmt*>(c.owner);
      f.record->where = fs;
      Value item;
      if (c.iter->next(item)) {
        check_interrupt();
        c.next = 0;
        assign(fs->target, std::move(item), f);
        return true;
      }
      g->stack.pop_back();
      if (!fs->orelse.empty()) g->stack.push_back(GeneratorObj::Cursor{Kind::Block, fs, &fs->orelse});
      return true;
    }
    case Kind::While: {
      auto* w = static_cast<const WhileStmt*>(c.owner);
      check_interrupt();
      f.record->where = w;
      if (eval_condition(w->test, f, w)) {
        c.next = 0;
        return true;
      }
      g->stack.pop_back();
      if (!w->orelse.empty()) g->stack.push_back(GeneratorObj::Cursor{Kind::Block, w, &w->orelse});
      return true;
    }
    case Kind::Try: {
      auto* t = static_cast<const TryStmt*>(c.owner);
      g->stack.pop_back();
      Flow fl = exec_try_tail(t, f, Flow::Normal, m);
      return fl == Flow::Normal || generator_flow(g, f, fl);
    }
    case Kind::With: {
      GeneratorObj::Cursor w = std::move(c);
      g->stack.pop_back();
      generator_exit_with(w, f);
      return true;
    }
  }
  return true;
}

// `with a as x, b:` holding a yield: enters each item in turn, one With cursor per item (the
// last one runs the body; the others end when the one inside them does). A cursor is pushed
// before its target is bound, so that a failing assignment reaches __exit__ as in CPython.
void Interp::generator_enter_with(GeneratorObj* g, const WithStmt* s, Frame& f) {
  static const Block kNothing;
  for (size_t k = 0; k < s->items.size(); ++k) {
    const WithItem& w = s->items[k];
    Value ctx = eval(w.context, f);
    f.record->where = s;
    GeneratorObj::Cursor c{GeneratorObj::Cursor::Kind::With, s, k + 1 == s->items.size() ? &s->body : &kNothing};
    Value entered;
    if (is_instance(ctx)) {
      auto [enter_fn, exit_fn] = context_methods(ctx);
      entered = call0(enter_fn, {ctx});
      c.exit_fn = exit_fn;
    } else if (auto* grad = ctx.as<ContextObj>()) {
      c.restores = enter_grad_mode(*grad);  // no_grad.__enter__ returns None
    } else {
      raise_type_error(std::string("'") + type_name(ctx) + "' object does not support the context manager protocol");
    }
    c.context = std::move(ctx);
    g->stack.push_back(std::move(c));
    if (w.target) assign(w.target, std::move(entered), f);
  }
}

// A with block of a generator ended without an exception (its end, break, continue, return).
void Interp::generator_exit_with(GeneratorObj::Cursor& c, Frame& f) {
  if (c.exit_fn.is_unbound()) {
    restore_grad_mode(c.restores);
    return;
  }
  f.record->where = c.owner;
  call0(c.exit_fn, {c.context, Value(), Value(), Value()});
}

// break/continue/return from a statement run inside the cursors: unwinds them (running the
// finally blocks passed on the way) to the loop it applies to; false when the body returned.
bool Interp::generator_flow(GeneratorObj* g, Frame& f, Flow fl) {
  using Kind = GeneratorObj::Cursor::Kind;
  while (true) {
    GeneratorObj::Cursor& c = g->stack.back();
    if ((c.kind == Kind::For || c.kind == Kind::While) && fl != Flow::Return) {
      if (fl == Flow::Break) g->stack.pop_back();
      else c.next = c.block->size();  // continue: the block's end starts the next iteration
      return true;
    }
    if (c.kind == Kind::Body) {
      g->return_value = std::move(f.return_value);
      return false;
    }
    const Stmt* owner = c.owner;
    Kind kind = c.kind;
    if (kind == Kind::With) {
      GeneratorObj::Cursor w = std::move(c);
      g->stack.pop_back();
      generator_exit_with(w, f);
      continue;
    }
    g->stack.pop_back();
    if (kind == Kind::Try && !static_cast<const TryStmt*>(owner)->finalbody.empty()) {
      Flow ff = exec_block(static_cast<const TryStmt*>(owner)->finalbody, f);
      if (ff != Flow::Normal) fl = ff;
    }
  }
}

namespace {
// g.send(value): only None (the same as next(g)), since gradlab's yield expressions take no value.
Value g_send(Interp& in, const Value& self, CallArgs& a) {
  Args args("send", a, {"value"}, 1, ArgStyle::Python);
  if (!args.get(0)->is_none()) raise_not_supported("generator.send() with a value other than None");
  Value out;
  auto* g = self.as<GeneratorObj>();
  if (in.generator_next(g, out)) return out;
  raise_stop_iteration(g);
}

// g.close(): finishes the generator. CPython raises GeneratorExit at the paused yield, which runs
// the finally blocks around it; gradlab cannot, so closing one paused inside a try is refused.
Value g_close(Interp&, const Value& self, CallArgs& a) {
  Args args("close", a, {}, 0, ArgStyle::Python);
  auto* g = self.as<GeneratorObj>();
  if (g->state == GeneratorObj::State::Running) raise_value_error("generator already executing");
  for (const auto& c : g->stack) {
    if (c.kind == GeneratorObj::Cursor::Kind::Try) raise_not_supported("generator.close() while paused inside a try statement");
    if (c.kind == GeneratorObj::Cursor::Kind::With && !c.exit_fn.is_unbound())
      raise_not_supported("generator.close() while paused inside a with statement");
  }
  g->clear_refs();
  return Value();
}
}  // namespace

void raise_stop_iteration(const GeneratorObj* g) {
  bool none = g->return_value.is_none();
  PyError stop("StopIteration", none ? "" : str(g->return_value));
  stop.exc = std::make_shared<ExceptionObj>("StopIteration", none ? std::vector<Value>{} : std::vector<Value>{g->return_value});
  throw stop;
}

Value generator_attribute(Interp& in, const Value& self, const std::string& name) {
  auto* g = self.as<GeneratorObj>();
  if (name == "__qualname__") return make_str(g->qualname);
  if (name == "__name__") {
    size_t dot = g->qualname.rfind('.');
    return make_str(dot == std::string::npos ? g->qualname : g->qualname.substr(dot + 1));
  }
  if (name == "gi_running") return Value(g->state == GeneratorObj::State::Running);
  if (name == "send") return Value(std::make_shared<BoundMethodObj>(self, g_send, "send"));
  if (name == "close") return Value(std::make_shared<BoundMethodObj>(self, g_close, "close"));
  if (name == "throw" || name == "gi_frame" || name == "gi_code" || name == "gi_yieldfrom" || name == "gi_suspended")
    raise_not_supported("generator." + name);
  (void)in;
  return Value::unbound();
}

}  // namespace gradlab::script
