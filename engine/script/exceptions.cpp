// Exceptions: try/except/else/finally, raise (bare, with a class or an instance, `from`), the
// built-in exception hierarchy, and chained reports.
//
// Note [Exceptions]: a Python exception travels as a C++ exception: a PyError (type name,
// message, and the exception object when the script made one) or a gradlab::Error from the
// engine, which `except RuntimeError as e` catches like any other (e is then a RuntimeError
// whose str is PyTorch's message). When a frame unwinds, its FrameRecord stays behind so an
// uncaught exception's traceback can be printed; a handler that catches one first copies those
// records (they are that exception's traceback, for bare `raise` and for the "During handling of
// the above exception" report of a later one) and then puts the evaluator back where the `try`
// stood (Interp::Mark). An exception raised while handling another carries the other's report
// as its `context`. Stop, --timeout and the fuzzer's budget are no exceptions a script may
// catch: once interrupted_ is set, every handler lets the exception through.
#include <algorithm>
#include <cstring>

#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {
// (name, parent) for Python 3.11's built-in exceptions.
const char* const kExceptionTree[][2] = {
    {"BaseException", ""}, {"SystemExit", "BaseException"}, {"KeyboardInterrupt", "BaseException"},
    {"GeneratorExit", "BaseException"}, {"Exception", "BaseException"}, {"ArithmeticError", "Exception"},
    {"FloatingPointError", "ArithmeticError"}, {"OverflowError", "ArithmeticError"}, {"ZeroDivisionError", "ArithmeticError"},
    {"AssertionError", "Exception"}, {"AttributeError", "Exception"}, {"BufferError", "Exception"}, {"EOFError", "Exception"},
    {"ImportError", "Exception"}, {"ModuleNotFoundError", "ImportError"}, {"LookupError", "Exception"},
    {"IndexError", "LookupError"}, {"KeyError", "LookupError"}, {"MemoryError", "Exception"}, {"NameError", "Exception"},
    {"UnboundLocalError", "NameError"}, {"OSError", "Exception"}, {"FileNotFoundError", "OSError"},
    {"PermissionError", "OSError"}, {"TimeoutError", "OSError"}, {"ReferenceError", "Exception"},
    {"RuntimeError", "Exception"}, {"NotImplementedError", "RuntimeError"}, {"RecursionError", "RuntimeError"},
    {"StopIteration", "Exception"}, {"StopAsyncIteration", "Exception"}, {"SyntaxError", "Exception"},
    {"IndentationError", "SyntaxError"}, {"TabError", "IndentationError"}, {"SystemError", "Exception"},
    {"TypeError", "Exception"}, {"ValueError", "Exception"}, {"UnicodeError", "ValueError"},
    {"Warning", "Exception"}, {"UserWarning", "Warning"}, {"DeprecationWarning", "Warning"},
    {"RuntimeWarning", "Warning"},
};
}  // namespace

const char* exception_parent(const std::string& name) {
  for (const auto& e : kExceptionTree)
    if (name == e[0]) return e[1];
  return "Exception";  // an engine error type of its own: an Exception
}

bool exception_name_is_a(const std::string& sub, const std::string& base) {
  std::string n = sub;
  for (int guard = 0; guard < 16 && !n.empty(); ++guard) {
    if (n == base) return true;
    n = exception_parent(n);
  }
  return false;
}

void raise_key_error(const Value& key) {
  PyError e("KeyError", repr(key));
  e.exc = std::make_shared<ExceptionObj>("KeyError", std::vector<Value>{key});
  throw e;
}

std::string exception_report(const PyError& e, const std::vector<FrameRecord>& records) {
  return e.context + format_traceback(records, e.type(), e.what());
}

void Interp::restore(const Mark& m) {
  frames_.resize(m.frames);
  depth_ = m.depth;
  current_frame_ = m.frame;
}

namespace {

PyError to_pyerror(const gradlab::Error& e) {
  if (auto* p = dynamic_cast<const PyError*>(&e)) return *p;
  return PyError(e.type(), e.what());
}

// The exception object `except ... as e` binds.
ObjRef exception_object(const PyError& e) {
  if (e.exc) return e.exc;
  std::vector<Value> args;
  std::string msg = e.what();
  // Python 3.11 adds "Did you mean" when it prints a traceback; str(e) has no suggestion.
  size_t hint = msg.rfind(". Did you mean: '");
  if (hint != std::string::npos && msg.back() == '?' && (e.type() == "NameError" || e.type() == "AttributeError")) msg.resize(hint);
  if (!msg.empty()) args.push_back(make_str(msg));
  auto obj = std::make_shared<ExceptionObj>(e.type(), std::move(args));
  obj->preformatted = true;
  return obj;
}

bool derives_from_base_exception(const TypeObj* t) {
  if (t->id == TypeId::Exception) return true;
  if (t->id == TypeId::User) {
    const TypeObj* n = static_cast<const ClassObj*>(t)->native_base;
    return n && n->id == TypeId::Exception;
  }
  return false;
}

bool exception_matches(const Value& exc, const std::string& type, const Value& handler) {
  if (auto* tup = as_tuple(handler)) {
    bool any = false;
    for (const Value& h : tup->items) any = exception_matches(exc, type, h) || any;
    return any;
  }
  auto* t = handler.as<TypeObj>();
  if (!t || !derives_from_base_exception(t)) raise_type_error("catching classes that do not inherit from BaseException is not allowed");
  if (auto* inst = exc.as<InstanceObj>()) return is_subclass(inst->cls.get(), t);
  if (t->id == TypeId::User) return false;
  return exception_name_is_a(type, t->name);
}

const char kDuringHandling[] = "\nDuring handling of the above exception, another exception occurred:\n\n";
const char kDirectCause[] = "\nThe above exception was the direct cause of the following exception:\n\n";

}  // namespace

Flow Interp::exec_try(const TryStmt* s, Frame& f) {
  Mark m = mark();
  Flow fl;
  try {
    fl = exec_block(s->body, f);
  } catch (const gradlab::Error& e) {
    if (interrupted_) throw;
    return exec_try_exception(s, f, e, m);
  }
  return exec_try_tail(s, f, fl, m);
}

Flow Interp::exec_try_exception(const TryStmt* s, Frame& f, const gradlab::Error& e, const Mark& m) {
  if (s->handlers.empty()) return exec_finally_pending(s, f, e, m);
  Flow fl;
  try {
    fl = exec_handlers(s, f, e, m);
  } catch (const gradlab::Error& e2) {
    if (interrupted_ || s->finalbody.empty()) throw;
    return exec_finally_pending(s, f, e2, m);
  }
  if (!s->finalbody.empty()) {
    Flow ff = exec_block(s->finalbody, f);
    if (ff != Flow::Normal) return ff;
  }
  return fl;
}

Flow Interp::exec_try_tail(const TryStmt* s, Frame& f, Flow fl, const Mark& m) {
  try {
    if (fl == Flow::Normal) fl = exec_block(s->orelse, f);
  } catch (const gradlab::Error& e) {
    if (interrupted_ || s->finalbody.empty()) throw;
    return exec_finally_pending(s, f, e, m);
  }
  if (!s->finalbody.empty()) {
    Flow ff = exec_block(s->finalbody, f);
    if (ff != Flow::Normal) return ff;
  }
  return fl;
}

// `finally` runs with the exception pending, then re-raises it unless it returns or breaks.
Flow Interp::exec_finally_pending(const TryStmt* s, Frame& f, const gradlab::Error& e, const Mark& m) {
  size_t first = m.frames - 1;
  std::vector<FrameRecord> records(frames_.begin() + static_cast<std::ptrdiff_t>(first), frames_.end());
  PyError pending = to_pyerror(e);
  restore(m);
  Flow ff;
  try {
    ff = exec_block(s->finalbody, f);
  } catch (const gradlab::Error& e2) {
    if (interrupted_) throw;
    PyError ne = to_pyerror(e2);
    if (ne.context.empty() && !ne.explicit_cause) ne.context = exception_report(pending, records) + kDuringHandling;
    throw ne;
  }
  if (ff != Flow::Normal) return ff;
  frames_.resize(first);
  frames_.insert(frames_.end(), records.begin(), records.end());
  throw pending;
}

Flow Interp::exec_handlers(const TryStmt* s, Frame& f, const gradlab::Error& e, const Mark& m) {
  size_t first = m.frames - 1;
  Handled h{to_pyerror(e), std::vector<FrameRecord>(frames_.begin() + static_cast<std::ptrdiff_t>(first), frames_.end())};
  h.error.exc = exception_object(h.error);
  Value exc(h.error.exc);
  restore(m);
  for (const ExceptHandler& hd : s->handlers) {
    if (hd.type) {
      Value t = eval(hd.type, f);
      f.record->where = hd.type;
      if (!exception_matches(exc, h.error.type(), t)) continue;
    }
    if (hd.name) store_name(hd.name, exc, f);
    handling_.push_back(h);
    Flow fl;
    try {
      fl = exec_block(hd.body, f);
    } catch (const gradlab::Error& e2) {
      handling_.pop_back();
      if (interrupted_) throw;
      PyError ne = to_pyerror(e2);
      if (ne.context.empty() && !ne.explicit_cause && ne.exc != h.error.exc) ne.context = exception_report(h.error, h.records) + kDuringHandling;
      throw ne;
    }
    handling_.pop_back();
    if (hd.name) store_name(hd.name, Value::unbound(), f);  // Python deletes the name after the handler
    return fl;
  }
  frames_.resize(first);
  frames_.insert(frames_.end(), h.records.begin(), h.records.end());
  throw h.error;
}

void Interp::exec_raise(const RaiseStmt* s, Frame& f) {
  if (!s->exc) {
    if (handling_.empty()) raise("RuntimeError", "No active exception to reraise");
    Handled h = handling_.back();
    size_t here = static_cast<size_t>(f.record - frames_.data());
    frames_.resize(here);
    frames_.insert(frames_.end(), h.records.begin(), h.records.end());
    throw h.error;
  }
  Value e = eval(s->exc, f);
  Value cause = s->cause ? eval(s->cause, f) : Value::unbound();
  f.record->where = s;
  auto make = [&](Value& v) -> bool {  // a class becomes an instance; false: not an exception
    if (auto* t = v.as<TypeObj>()) {
      if (!derives_from_base_exception(t)) return false;
      v = call0(v, {});
    }
    if (v.as<ExceptionObj>()) return true;
    auto* inst = v.as<InstanceObj>();
    return inst && derives_from_base_exception(inst->cls.get());
  };
  if (!make(e)) raise_type_error("exceptions must derive from BaseException");
  std::string type, msg;
  if (auto* ex = e.as<ExceptionObj>()) {
    type = ex->type_name;
    msg = ex->type_name == "KeyError" && ex->args.size() == 1 ? repr(ex->args[0]) : str(e);
  } else {
    type = e.as<InstanceObj>()->cls->name;
    msg = str(e);
  }
  PyError err(type, msg);
  err.exc = e.obj_ref();
  if (!cause.is_unbound()) {
    err.explicit_cause = true;
    if (!cause.is_none()) {
      if (!make(cause)) raise_type_error("exception causes must derive from BaseException");
      std::string text;
      for (auto it = handling_.rbegin(); it != handling_.rend(); ++it)
        if (it->error.exc == cause.obj_ref()) {
          text = exception_report(it->error, it->records);
          break;
        }
      if (text.empty()) {
        auto* ex = cause.as<ExceptionObj>();
        std::string ctype = ex ? ex->type_name : cause.as<InstanceObj>()->cls->name;
        text = format_exception_line(ctype, ex && ctype == "KeyError" && ex->args.size() == 1 ? repr(ex->args[0]) : str(cause));
      }
      err.context = text + kDirectCause;
    }
  }
  throw err;
}

std::pair<Value, Value> Interp::context_methods(const Value& ctx) {
  auto* inst = ctx.as<InstanceObj>();
  const Value* enter = class_lookup(inst->cls.get(), "__enter__");
  const Value* exit = class_lookup(inst->cls.get(), "__exit__");
  if (!enter || !exit)
    raise_type_error("'" + inst->cls->name + "' object does not support the context manager protocol");
  return {*enter, *exit};
}

void Interp::exit_with_exception(const WithStmt* s, Frame& f, const Value& ctx, const Value& exit_fn, const gradlab::Error& e,
                                 const Mark& m) {
  size_t first = m.frames - 1;
  std::vector<FrameRecord> records(frames_.begin() + static_cast<std::ptrdiff_t>(first), frames_.end());
  PyError pending = to_pyerror(e);
  pending.exc = exception_object(pending);
  restore(m);
  Value exc(pending.exc);
  f.record->where = s;
  Value swallow = call0(exit_fn, {ctx, type_of(exc), exc, Value()});
  if (truthy(swallow)) return;
  frames_.resize(first);
  frames_.insert(frames_.end(), records.begin(), records.end());
  throw pending;
}

// `with obj as x:` for a user class: __enter__, the body, then __exit__(type, value, traceback),
// whose true result swallows the exception.
Flow Interp::exec_with_instance(const WithStmt* s, Frame& f, size_t item, const Value& ctx) {
  auto [enter_fn, exit_fn] = context_methods(ctx);
  Value entered = call0(enter_fn, {ctx});
  if (s->items[item].target) assign(s->items[item].target, std::move(entered), f);
  Mark m = mark();
  Flow fl;
  try {
    fl = exec_with(s, f, item + 1);
  } catch (const gradlab::Error& e) {
    if (interrupted_) throw;
    exit_with_exception(s, f, ctx, exit_fn, e, m);
    return Flow::Normal;
  }
  f.record->where = s;
  call0(exit_fn, {ctx, Value(), Value(), Value()});
  return fl;
}

bool Interp::call_catching(const Value& callee, CallArgs& args, const char* type, Value* out) {
  Mark m = mark();
  try {
    *out = call(callee, args);
    return true;
  } catch (const gradlab::Error& e) {
    if (interrupted_ || !exception_name_is_a(e.type(), type)) throw;
    restore(m);
    return false;
  }
}

}  // namespace gradlab::script
