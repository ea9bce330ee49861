// The interpreter's lifecycle: namespaces, modules, output, warnings, and run() — parse,
// resolve, execute, and turn any exception into a Python-style error report (see
// interpreter.h for the public API and runtime.h for the internals).
#include "engine/script/interpreter.h"

#include "engine/format/tensor_repr.h"

#include <new>

#include "engine/script/lexer.h"
#include "engine/script/parser.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

Value typing_module() {
  auto m = std::make_shared<ModuleObj>("typing", "/usr/lib/python3.11/typing.py");
  auto& a = m->attrs;
  a["List"] = builtin_type(TypeId::List);
  a["Tuple"] = builtin_type(TypeId::Tuple);
  a["Dict"] = builtin_type(TypeId::Dict);
  a["Set"] = builtin_type(TypeId::Set);
  for (const char* n : {"Any", "Optional", "Union", "Callable", "Sequence", "Iterable", "Iterator", "Generator", "Mapping",
                        "ClassVar", "Type", "Literal", "Final", "FrozenSet", "NoReturn"})
    a[n] = Value(std::make_shared<TypeObj>(n, TypeId::Other, nullptr, "typing"));
  return Value(ObjRef(m));
}

// A new top-level module and the submodules in its attributes (torch.nn.functional) go to the
// heap: scripts may set module attributes, so `torch.me = torch` would otherwise never be freed.
void track_module_tree(Heap& heap, const Value& module) {
  auto* m = module.as<ModuleObj>();
  if (!m) return;
  heap.track(module.obj_ref());
  for (auto& [name, v] : m->attrs)
    if (v.as<ModuleObj>()) track_module_tree(heap, v);
}
}  // namespace

Interp::Interp() : max_depth_(kDefaultRecursionLimit) {
  frames_.reserve(static_cast<size_t>(max_depth_) + 8);
  install_builtins(*this);
}

Interp::~Interp() {
  reset_globals();
  heap_.clear_all();
}

int Interp::global_slot(const std::string& name) {
  auto it = global_index_.find(name);
  if (it != global_index_.end()) return it->second;
  int slot = static_cast<int>(globals_.size());
  global_index_.emplace(name, slot);
  global_names_.push_back(name);
  globals_.push_back(Value::unbound());
  auto b = builtins_.find(name);
  builtin_for_slot_.push_back(b != builtins_.end() ? b->second : Value::unbound());
  return slot;
}

const Value* Interp::find_global(const std::string& name) const {
  auto it = global_index_.find(name);
  if (it == global_index_.end() || globals_[it->second].is_unbound()) return nullptr;
  return &globals_[it->second];
}

void Interp::reset_globals() {
  for (auto& v : globals_) v = Value::unbound();
  modules_.clear();
  warned_.clear();
}

std::vector<std::pair<std::string, Value>> Interp::global_items() const {
  std::vector<std::pair<std::string, Value>> out;
  for (size_t i = 0; i < globals_.size(); ++i)
    if (!globals_[i].is_unbound()) out.emplace_back(global_names_[i], globals_[i]);
  return out;
}

Value Interp::module(const std::string& name) {
  auto it = modules_.find(name);
  if (it != modules_.end()) return it->second;
  Value m;
  if (name == "torch") {
    m = make_torch_module(*this);
  } else if (name == "math") {
    m = make_math_module(*this);
  } else if (name == "time") {
    m = make_time_module(*this);
  } else if (name == "warnings") {
    m = make_warnings_module(*this);
  } else if (name == "__future__") {
    // Every feature a script may name is already standard in Python 3.11.
    auto fm = std::make_shared<ModuleObj>("__future__", "/usr/lib/python3.11/__future__.py");
    for (const char* f : {"nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
                          "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations"})
      fm->attrs[f] = Value(true);
    m = Value(ObjRef(fm));
  } else if (name == "random") {
    m = make_random_module(*this);
  } else if (name == "typing") {
    m = typing_module();
  } else if (name == "copy") {
    m = make_copy_module(*this);
  } else if (Value py = python_module(*this, name); !py.is_none()) {
    m = std::move(py);
    if (name == "sys") sys_module_ready(*this, *m.as<ModuleObj>());
  } else if (name.rfind("torch.", 0) == 0) {
    // Submodules hang off their parent's attributes (torch.nn, torch.nn.functional, ...).
    size_t dot = name.rfind('.');
    Value parent = module(name.substr(0, dot));
    auto* pm = parent.as<ModuleObj>();
    if (!pm) return Value();
    auto a = pm->attrs.find(name.substr(dot + 1));
    if (a == pm->attrs.end() && load_lazy_attributes(*this, *pm)) a = pm->attrs.find(name.substr(dot + 1));
    if (a == pm->attrs.end() && pm->lazy_attr) {
      Value v = pm->lazy_attr(*this, *pm, name.substr(dot + 1));
      if (!v.as<ModuleObj>()) return Value();
      m = v;
    } else {
      if (a == pm->attrs.end() || !a->second.as<ModuleObj>()) return Value();
      m = a->second;
    }
  } else {
    return Value();
  }
  if (name.find('.') == std::string::npos) track_module_tree(heap_, m);
  modules_.emplace(name, m);
  return m;
}

Value Interp::import_module(const std::string& dotted, const SourceRange& where) {
  Value m = module(dotted);
  if (!m.is_none()) return m;
  std::string top = dotted.substr(0, dotted.find('.'));
  if (top == "torch" || top == "math" || top == "random") {
    // A real torch submodule (torch.optim, torch.utils.data, ...) gradlab does not have.
    Value parent = module(top);
    std::string second = dotted.find('.') == std::string::npos ? "" : dotted.substr(top.size() + 1);
    second = second.substr(0, second.find('.'));
    auto* pm = parent.as<ModuleObj>();
    if (pm && pm->known_missing && name_in(pm->known_missing, second)) raise_not_supported("the module " + dotted);
    raise("ModuleNotFoundError", "No module named '" + dotted + "'");
  }
  if (top != dotted && !module(top).is_none()) raise_not_supported("the module " + dotted);  // collections.abc
  static const char* const kStdlib[] = {"os", "json", "re",
                                        "string", "statistics", "operator", "numbers", "pathlib", "datetime", "fractions", "decimal", "cmath", nullptr};
  if (name_in(kStdlib, top)) raise_not_supported("the '" + top + "' module");
  raise("ModuleNotFoundError", "No module named '" + dotted + "'");
}

void Interp::write(std::string_view s) {
  if (sink_) sink_(s);
  else captured_ += s;
}

void Interp::warn(const std::string& category, const std::string& message, int64_t stacklevel) {
  if (frames_.empty() || warnings_ignored_) return;
  const size_t up = static_cast<size_t>(std::min<int64_t>(stacklevel, static_cast<int64_t>(frames_.size())));
  const FrameRecord& fr = frames_[frames_.size() - up];
  const SourceRange* pos = node_pos(fr.where);
  int line = pos ? pos->line : 0;
  std::string key = fr.source->filename + ":" + message;
  for (const auto& w : warned_)
    if (w.first == key && w.second == line) return;  // Python's default filter: once per location
  warned_.emplace_back(key, line);
  std::string text = fr.source->filename + ":" + std::to_string(line) + ": " + category + ": " + message + "\n";
  std::string src = fr.source->line(line);
  size_t b = src.find_first_not_of(" \t\f"), e = src.find_last_not_of(" \t\f\r\n");
  if (b != std::string::npos) text += "  " + src.substr(b, e - b + 1) + "\n";
  if (warning_sink_) warning_sink_(text);
  else captured_warnings_ += text;
}

void Interp::run_program(const std::shared_ptr<Program>& prog, bool display_last, std::optional<Value>* last) {
  current_program_ = prog;
  frames_.clear();
  depth_ = 0;
  frames_.push_back(FrameRecord{prog->source.get(), "<module>", nullptr});
  Frame f;
  f.record = &frames_.back();
  current_frame_ = &f;
  handling_.clear();
  interrupted_ = false;
  int name_slot = global_slot("__name__");
  if (globals_[name_slot].is_unbound()) globals_[name_slot] = make_str("__main__");  // the script is __main__
  const Block& body = prog->body;
  for (size_t i = 0; i < body.size(); ++i) {
    const Stmt* s = body[i];
    if (display_last && i + 1 == body.size() && s->kind == StmtKind::Expr && !static_cast<const ExprStmt*>(s)->semicolon) {
      f.record->where = s;
      *last = eval(static_cast<const ExprStmt*>(s)->value, f);
      break;
    }
    exec(s, f);
  }
  frames_.pop_back();
  current_frame_ = nullptr;
}

// ---- the public Interpreter ----------------------------------------------------------------------
// torch.set_printoptions is process-wide in PyTorch; a new (or reset) interpreter is a new
// Python process, so it starts from the default print options.
Interpreter::Interpreter() : impl_(std::make_unique<Interp>()) { set_print_options({}); }
Interpreter::~Interpreter() {
  Heap* saved = current_heap();
  current_heap() = &impl_->heap_;
  impl_.reset();
  current_heap() = saved;
}

void Interpreter::reset() {
  set_print_options({});
  Heap* saved = current_heap();
  current_heap() = &impl_->heap_;
  impl_->reset_globals();
  impl_->heap_.clear_all();
  impl_->generator_->set_seed(random::kDefaultSeed);  // a restarted session draws what a fresh one does
  current_heap() = saved;
}

void Interpreter::set_output_sink(std::function<void(std::string_view)> sink) { impl_->sink_ = std::move(sink); }
void Interpreter::set_warning_sink(std::function<void(std::string_view)> sink) { impl_->warning_sink_ = std::move(sink); }
void Interpreter::set_interrupt_check(std::function<bool()> should_stop, std::string error_type, std::string message) {
  impl_->interrupt_ = std::move(should_stop);
  impl_->interrupt_type_ = std::move(error_type);
  impl_->interrupt_message_ = std::move(message);
}
void Interpreter::set_recursion_limit(int limit) {
  impl_->max_depth_ = limit < 10 ? 10 : limit;
  impl_->frames_.reserve(static_cast<size_t>(impl_->max_depth_) + 8);
}

std::vector<std::pair<std::string, Tensor>> Interpreter::tensor_variables() const {
  std::vector<std::pair<std::string, Tensor>> out;
  for (auto& [name, v] : impl_->global_items())
    if (v.is_tensor()) out.emplace_back(name, v.as_tensor());
  return out;
}

struct CompiledScript {
  std::shared_ptr<Program> program;
  const Interp* owner;
};

namespace {
ScriptError make_error(const std::string& type, const std::string& message, const SourceRange* where, std::string traceback) {
  ScriptError e;
  e.type = type;
  e.message = message;
  if (where) {
    e.line = where->line;
    e.column = where->col < 0 ? 0 : where->col;
  }
  e.traceback = std::move(traceback);
  return e;
}

// Installs the interpreter's interrupt check for long operations outside the evaluator's loops
// (Note [Polling long operations]) for the lifetime of the scope.
class InterruptPollScope {
 public:
  explicit InterruptPollScope(Interp& in) : saved_(current_interrupt_poll()) {
    current_interrupt_poll() = InterruptPoll{[](void* c) { static_cast<Interp*>(c)->check_interrupt(); }, &in};
  }
  ~InterruptPollScope() { current_interrupt_poll() = saved_; }
  InterruptPollScope(const InterruptPollScope&) = delete;
  InterruptPollScope& operator=(const InterruptPollScope&) = delete;

 private:
  InterruptPoll saved_;
};

// Installs the session's torch generator as the default one for the lifetime of the scope.
class GeneratorScope {
 public:
  explicit GeneratorScope(Interp& in) : saved_(&random::default_generator()) { random::set_default_generator(in.generator_.get()); }
  ~GeneratorScope() { random::set_default_generator(saved_); }
  GeneratorScope(const GeneratorScope&) = delete;
  GeneratorScope& operator=(const GeneratorScope&) = delete;

 private:
  random::CpuGenerator* saved_;
};
}  // namespace

std::shared_ptr<const CompiledScript> Interpreter::compile(const std::string& source, const std::string& filename, ScriptError* error) {
  Interp& in = *impl_;
  auto src = make_source_file(filename, source);
  try {
    std::shared_ptr<Program> prog = parse_program(src);
    in.resolve(*prog);
    return std::make_shared<CompiledScript>(CompiledScript{std::move(prog), impl_.get()});
  } catch (const SyntaxErrorEx& e) {
    if (error) *error = make_error(e.type(), e.what(), &e.where(), format_syntax_error(*src, e.type(), e.what(), e.where()));
  } catch (const std::bad_alloc&) {
    if (error) *error = make_error("MemoryError", "", nullptr, "MemoryError\n");
  }
  return nullptr;
}

CellResult Interpreter::run(const std::string& source, const std::string& filename, bool display_last_expression) {
  ScriptError error;
  auto compiled = compile(source, filename, &error);
  if (!compiled) {
    CellResult result;
    result.error = std::move(error);
    return result;
  }
  return run(*compiled, display_last_expression);
}

CellResult Interpreter::run(const CompiledScript& script, bool display_last_expression) {
  Interp& in = *impl_;
  CellResult result;
  if (script.owner != impl_.get()) {
    result.error = make_error("RuntimeError", "this script was compiled by another Interpreter", nullptr,
                              "RuntimeError: this script was compiled by another Interpreter\n");
    return result;
  }
  result.names = script.program->global_names;
  Heap* saved_heap = current_heap();
  current_heap() = &in.heap_;
  GeneratorScope generator(in);
  Interp* saved_interp = current_interp();
  current_interp() = &in;
  in.captured_.clear();
  in.captured_warnings_.clear();
  std::optional<Value> last;
  auto report = [&](const std::string& type, const std::string& message, const std::string& context = "") {
    const SourceRange* where = in.frames_.empty() ? nullptr : node_pos(in.frames_.back().where);
    result.error = make_error(type, message, where, context + format_traceback(in.frames_, type, message));
  };
  try {
    InterruptPollScope polling(in);  // uninstalled by unwinding, before a handler formats the error
    in.run_program(script.program, display_last_expression, &last);
    if (last && !last->is_none()) result.result_repr = repr(*last);
  } catch (const SyntaxErrorEx& e) {
    report(e.type(), e.what());
  } catch (const PyError& e) {
    report(e.type(), e.what(), e.context);
  } catch (const gradlab::Error& e) {
    report(e.type(), e.what());
  } catch (const std::bad_alloc&) {
    report("MemoryError", "");
  } catch (const std::exception& e) {
    // An engine bug must not take the learner's session down with it.
    report("SystemError", std::string("internal error in gradlab: ") + e.what());
  }
  in.frames_.clear();
  in.unwind_keepalive_.clear();  // the traceback is text now; the programs it quoted may go
  last.reset();
  result.output = std::move(in.captured_);
  result.warnings = std::move(in.captured_warnings_);
  in.captured_.clear();
  in.captured_warnings_.clear();
  in.current_frame_ = nullptr;
  in.handling_.clear();
  current_heap() = saved_heap;
  current_interp() = saved_interp;
  return result;
}

}  // namespace gradlab::script
