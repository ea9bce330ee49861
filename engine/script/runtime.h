// The interpreter's internals, shared by its .cpp files (not part of the public API, which is
// interpreter.h).
//
// Interp owns the global namespace, the builtins and modules, the output sink and the call
// stack used for tracebacks. Evaluation is a tree walk over the resolved AST:
//   exec.cpp      statements (returning a Flow code — no exceptions for break/return)
//   eval.cpp      expressions, calls, comprehensions
//   operators.cpp Python operators for numbers, strings, containers and tensors
//   builtins.cpp, pymethods.cpp, torch_module.cpp, tensor_methods.cpp   the library
// Errors are C++ exceptions (PyError / gradlab::Error) that unwind to Interpreter::run, which
// formats the traceback from the frame records left behind (see traceback.cpp).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/script/ast.h"
#include "engine/script/errors.h"
#include "engine/script/value.h"

namespace gradlab::script {

class Interp;

// Arguments of one call: positional values, then keyword (name, value) pairs.
struct CallArgs {
  Value* pos = nullptr;
  size_t npos = 0;
  const std::string* kw_names = nullptr;
  Value* kw = nullptr;
  size_t nkw = 0;
  // How a tensor method was reached, for PyTorch's wording of argument-count errors:
  // x.exp(2) is "_TensorBase.exp() takes no arguments (1 given)", torch.exp(x, 2) counts x.
  enum class Binding : uint8_t { Plain, TensorMethod, TorchFunction };
  Binding binding = Binding::Plain;
};

// `args` less its keyword number `k` (torch.f(input=x) calls x.f(...) without it; so does out=).
class ArgsWithoutKeyword {
 public:
  ArgsWithoutKeyword(const CallArgs& args, size_t k) : args(args) {
    for (size_t j = 0; j < args.nkw; ++j)
      if (j != k) {
        names_.push_back(args.kw_names[j]);
        values_.push_back(args.kw[j]);
      }
    this->args.kw_names = names_.data();
    this->args.kw = values_.data();
    this->args.nkw = values_.size();
  }
  ArgsWithoutKeyword(const ArgsWithoutKeyword&) = delete;
  ArgsWithoutKeyword& operator=(const ArgsWithoutKeyword&) = delete;
  CallArgs args;

 private:
  std::vector<std::string> names_;
  std::vector<Value> values_;
};

using BuiltinFn = Value (*)(Interp& in, CallArgs& args);
using MethodFn = Value (*)(Interp& in, const Value& self, CallArgs& args);

struct FunctionObj : Object {
  FunctionObj() : Object(ObjType::Function) {}
  static bool matches(const Object& o) { return o.type == ObjType::Function; }
  void clear_refs() override {
    defaults.clear();
    closure.clear();
    attrs.clear();
  }
  std::shared_ptr<Program> program;  // keeps the AST alive
  const FunctionInfo* info = nullptr;
  std::vector<Value> defaults;       // one per parameter; unbound where it has none
  std::vector<std::shared_ptr<CellObj>> closure;
  std::string qualname;
  std::weak_ptr<Object> defining_class;  // the class whose body defined it: zero-argument super()
  std::unordered_map<std::string, Value> attrs;  // attributes a script set (f.__wrapped__, f.calls)
};

// A C++ function exposed to scripts (print, torch.exp). `owner` picks the repr:
// null → <built-in function print>, else <built-in method exp of type object at 0x...>.
// A function form of a Tensor method (torch.exp(x) for x.exp()) sets `method`: the first
// argument (or `input=`) becomes self. A null fn and method marks a Python builtin gradlab lacks.
struct BuiltinObj : Object {
  BuiltinObj(const char* n, BuiltinFn f, const char* o = nullptr) : Object(ObjType::Builtin), name(n), fn(f), owner(o) {}
  BuiltinObj(const char* n, MethodFn m, const char* o) : Object(ObjType::Builtin), name(n), fn(nullptr), method(m), owner(o) {}
  static bool matches(const Object& o) { return o.type == ObjType::Builtin; }
  const char* name;
  BuiltinFn fn;
  MethodFn method = nullptr;
  const char* owner;
  bool takes_out = false;  // a torch.X form that accepts out= (Note [out= arguments], bindings.cpp)
};

// `x.exp` without calling it: the method and its object.
struct BoundMethodObj : Object {
  BoundMethodObj(Value s, MethodFn f, std::string n) : Object(ObjType::BoundMethod), self(std::move(s)), fn(f), name(std::move(n)) {}
  static bool matches(const Object& o) { return o.type == ObjType::BoundMethod; }
  void clear_refs() override { self = Value(); }
  Value self;
  MethodFn fn;
  std::string name;
};

// A class object: `int`, `list`, `torch.Tensor`, `ValueError`. Calling it constructs.
enum class TypeId : uint8_t {
  NoneType, Bool, Int, Float, Str, List, Tuple, Dict, Range, Slice, Tensor, Size, DType, Device,
  Function, Builtin, Module, Type, Exception, Other,
  Object,  // `object`, the root of every class
  User,    // a class statement's class (ClassObj)
  Set, FrozenSet, Generator,
};
struct TypeObj : Object {
  TypeObj(const char* n, TypeId i, BuiltinFn c, const char* m = "builtins") : Object(ObjType::Type), name(n), module(m), id(i), ctor(c) {}
  static bool matches(const Object& o) { return o.type == ObjType::Type; }
  std::string name;    // "int", "Tensor", "ValueError"
  const char* module;  // "builtins", "torch"
  TypeId id;
  BuiltinFn ctor;      // null: not callable from scripts
  // A built-in type implemented in C++ that Python classes may subclass (Note [Classes]):
  // native_new makes the C++ object an instance of a subclass carries (from the arguments the
  // class was called with), native_methods are the methods the type gives its subclasses
  // (called with the instance first; they work on its `native`).
  Value (*native_new)(Interp& in, const std::string& class_name, CallArgs& args) = nullptr;
  const std::unordered_map<std::string, Value>* native_methods = nullptr;
};

// ---- user-defined classes (classes.cpp) ------------------------------------------------------------
// Note [Classes]: a `class` statement makes a ClassObj, a TypeObj with TypeId::User, so every place
// that handles types (type(), isinstance, reprs) sees it as one. Its MRO (C3) may end in built-in
// types: `object`, an exception class, and later C++ types such as torch.nn.Module. An instance
// (InstanceObj) holds its attributes in `attrs` and, when its class derives from a built-in type
// implemented in C++, that type's own object in `native`: an instance of `class E(ValueError)`
// carries an ExceptionObj (its args, its message). Attribute lookup tries the instance, then the
// MRO's class dicts, then `native`; methods a built-in base provides (`Exception.__init__`,
// `object.__setattr__`) are BuiltinObjs found by native_type_attr(), called with self as the
// first argument, so super().__init__(...) reaches them like any Python method.
// To make a C++ type subclassable (`class Net(nn.Module)`, `class F(torch.autograd.Function)`),
// give its TypeObj a native_new (the C++ object for a new instance: nn.Module's parameter and
// submodule tables) and native_methods (`__init__`, `__setattr__` registering Parameters,
// `__call__` running forward, `parameters`, ...), each taking the instance first and working on
// instance->native; the class statement, instantiate(), super() and the MRO need no change. The
// exception types are built this way (make_subclassable_exception). The protocols of values.h (repr, ==, hash, truth) and of the
// operators, len, indexing, iteration and calls dispatch to dunder methods through
// current_interp(). Classes and instances are Heap-tracked: cycles through them are cleared
// with the other containers.
struct ClassObj : TypeObj {
  ClassObj(const std::string& n) : TypeObj(n.c_str(), TypeId::User, nullptr, "__main__") {}
  void clear_refs() override {
    dict.clear();
    cache.clear();
    bases.clear();
    mro.clear();
  }
  std::string qualname;
  std::vector<Value> bases;                     // the classes named in the statement
  std::vector<TypeObj*> mro;                    // C3 order, this class first (bases keep them alive)
  std::vector<std::pair<std::string, Value>> dict;  // the class namespace, in definition order
  std::unordered_map<std::string, Value> cache;     // MRO lookups (unbound: absent), see class_epoch
  uint64_t cache_epoch = 0;
  // Whether a user-defined __setattr__ / __getattr__ is on the MRO (valid for flags_epoch).
  uint64_t flags_epoch = 0;
  bool user_setattr = false, user_getattr = false;
  const TypeObj* native_base = nullptr;         // the first built-in base implemented in C++ (not object)
  std::weak_ptr<Object> weak_self;
  Value* own(const std::string& name);          // this class's own entry, or null
};
// Attribute names of instances are interned: one string per distinct name, compared by address.
const std::string* intern_name(const std::string& name);

// An instance's attributes: few, so a vector scanned by (interned) name beats hashing the
// name, and a call site can remember the index where it found one (AttributeExpr's cache).
struct AttrTable {
  std::vector<std::pair<const std::string*, Value>> items;
  Value* find_interned(const std::string* k) {
    for (auto& e : items)
      if (e.first == k) return &e.second;
    return nullptr;
  }
  Value* find(const std::string& k) { return find_interned(intern_name(k)); }
  void set(const std::string& k, Value v) {
    const std::string* key = intern_name(k);
    if (Value* p = find_interned(key)) *p = std::move(v);
    else items.emplace_back(key, std::move(v));
  }
  bool erase(const std::string& k) {
    const std::string* key = intern_name(k);
    for (size_t i = 0; i < items.size(); ++i)
      if (items[i].first == key) {
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
        return true;
      }
    return false;
  }
  void clear() { items.clear(); }
  auto begin() { return items.begin(); }
  auto end() { return items.end(); }
  auto begin() const { return items.begin(); }
  auto end() const { return items.end(); }
};
struct InstanceObj : Object {
  explicit InstanceObj(std::shared_ptr<ClassObj> c) : Object(ObjType::Instance), cls(std::move(c)) {}
  static bool matches(const Object& o) { return o.type == ObjType::Instance; }
  void clear_refs() override {
    attrs.clear();
    native = Value();
  }
  std::shared_ptr<ClassObj> cls;
  std::weak_ptr<Object> weak_self;  // for the protocol hooks, which get a raw Object*
  AttrTable attrs;
  Value native;  // the built-in base's object (an ExceptionObj for exception classes), or None
};
// A function bound to its object: `obj.method` (self first), or a classmethod bound to its class.
struct MethodObj : Object {
  MethodObj(Value s, Value f) : Object(ObjType::Method), self(std::move(s)), func(std::move(f)) {}
  static bool matches(const Object& o) { return o.type == ObjType::Method; }
  void clear_refs() override {
    self = Value();
    func = Value();
  }
  Value self, func;
};
// staticmethod(f), classmethod(f), property(fget, fset, fdel).
struct WrapperObj : Object {
  enum class Kind : uint8_t { StaticMethod, ClassMethod, Property };
  WrapperObj(Kind k, Value f) : Object(ObjType::Wrapper), kind(k), func(std::move(f)) {}
  static bool matches(const Object& o) { return o.type == ObjType::Wrapper; }
  void clear_refs() override {
    func = fset = fdel = Value();
  }
  Kind kind;
  Value func, fset, fdel;  // func: the function, or the property's getter
};
// super(): attribute lookup starting after `start` in self's MRO.
struct SuperObj : Object {
  SuperObj(Value t, Value s) : Object(ObjType::Super), start(std::move(t)), self(std::move(s)) {}
  static bool matches(const Object& o) { return o.type == ObjType::Super; }
  Value start, self;
};

class Interp;
Interp*& current_interp();  // the interpreter running on this thread (set by Interpreter::run)
extern uint64_t class_epoch;  // bumped whenever a class namespace changes: invalidates lookups

// The class attribute `name` along cls's MRO (class dicts, then built-in bases), or null.
const Value* class_lookup(ClassObj* cls, const std::string& name);
// class_lookup through a call site's cache: valid while the class and class_epoch are unchanged.
inline const Value* class_lookup_cached(ClassObj* cls, const std::string& name, const AttributeExpr* site) {
  if (site->ic_class == cls && site->ic_epoch == class_epoch) return site->ic_value;
  const Value* v = class_lookup(cls, name);
  site->ic_class = cls;
  site->ic_epoch = class_epoch;
  site->ic_value = v;
  return v;
}
void update_class_flags(ClassObj* cls);
inline bool has_user_setattr(ClassObj* cls) {
  if (cls->flags_epoch != class_epoch) update_class_flags(cls);
  return cls->user_setattr;
}
inline bool has_user_getattr(ClassObj* cls) {
  if (cls->flags_epoch != class_epoch) update_class_flags(cls);
  return cls->user_getattr;
}
Value load_instance_attr(Interp& in, const Value& self, const AttributeExpr* site);
void store_instance_attr(Interp& in, const Value& self, const AttributeExpr* site, Value v);
// A built-in type's attribute seen from Python (object.__init__, Exception.__str__), or unbound.
Value native_type_attr(const TypeObj* t, const std::string& name);
Value instantiate(Interp& in, const std::shared_ptr<ClassObj>& cls, CallArgs& args);
Value instance_getattr(Interp& in, const Value& self, const std::string& name);
void instance_setattr(Interp& in, const Value& self, const std::string& name, Value v);
void class_delattr(ClassObj* cls, const std::string& name);  // del Cls.name, delattr(Cls, name)
void instance_delattr(Interp& in, const Value& self, const std::string& name);
Value class_getattr(Interp& in, const Value& cls, const std::string& name);
Value super_getattr(Interp& in, const Value& sup, const std::string& name);
Value wrapper_getattr(Interp& in, const Value& w, const std::string& name);
// Calls self's dunder `name` when its class defines one (user classes only): false if none.
bool call_dunder(Interp& in, const Value& self, const char* name, std::initializer_list<Value> args, Value* out);
Value instance_binop(Interp& in, BinOpKind op, const Value& a, const Value& b, bool augmented);
bool instance_compare(Interp& in, CmpKind op, const Value& a, const Value& b);
Value instance_unary(Interp& in, UnaryKind op, const Value& a);
Value not_implemented_value();
bool is_subclass(const TypeObj* sub, const TypeObj* base);
bool exception_name_is_a(const std::string& sub, const std::string& base);  // by built-in name
const TypeObj* object_type();
Value builtin_object_type();
Value type_value(Interp& in, const TypeObj* t);  // a Value holding a type of an MRO
const char* exception_parent(const std::string& name);
[[noreturn]] void raise_key_error(const Value& key);  // KeyError(key): e.args holds the key itself  // "" for BaseException
struct FrameRecord;
std::string exception_report(const PyError& e, const std::vector<FrameRecord>& records);
void install_class_builtins(Interp& in);
Value grad_mode_decorate(Interp& in, const Value& ctx, const Value& fn);  // @torch.no_grad() (exec.cpp)
void make_subclassable_exception(TypeObj* t);  // native_new/native_methods of an exception type
void install_extra_builtins(Interp& in);  // builtins_extra.cpp
void install_dir_builtin(Interp& in);     // dir_builtin.cpp
Value make_time_module(Interp& in);
Value make_copy_module(Interp& in);                 // copy_module.cpp
struct ModuleObj;
void sys_module_ready(Interp& in, ModuleObj& sys);  // sys.argv and the writers of sys.stdout/stderr
Value make_warnings_module(Interp& in);

struct ModuleObj : Object {
  ModuleObj(std::string n, std::string f) : Object(ObjType::Module), name(std::move(n)), file(std::move(f)) {}
  static bool matches(const Object& o) { return o.type == ObjType::Module; }
  void clear_refs() override { attrs.clear(); }  // `torch.me = torch` is a cycle
  std::string name;
  std::string file;  // where real Python finds it (shown in reprs); empty for built-in modules
  std::unordered_map<std::string, Value> attrs;
  // Names real PyTorch/Python has here that gradlab does not: a clear NotImplementedError
  // instead of a misleading AttributeError.
  const char* const* known_missing = nullptr;
  // The stem of the engine/script/py/ source that defines the rest of this module's attributes
  // (torch.nn's classes), run on the first lookup of a name attrs lacks: load_lazy_attributes.
  const char* lazy_source = nullptr;
  // Attributes made on first use (torch.autograd.Function runs Python to build its module):
  // called when `name` is not in attrs; returns unbound when it has no such attribute either.
  Value (*lazy_attr)(Interp& in, ModuleObj& m, const std::string& name) = nullptr;
};
// Runs m's lazy_source once, adding the names it defines; false when there was none to run.
bool load_lazy_attributes(Interp& in, ModuleObj& m);

// torch.nn.Parameter, the type of tensors made by it (nn_parameter.cpp).
Value parameter_type();

// "print()" / "f()" as Python names a callable in argument errors.
std::string callable_name(const Value& v);

// repr of function-like and module objects (used by value.cpp).
std::string runtime_object_repr(const Object* o);
bool runtime_objects_equal(const Object* a, const Object* b);

// ---- argument binding (args.cpp) ---------------------------------------------------------------
// Binds a call's arguments to named parameters, Python-style. `style` picks the wording of
// errors: Python builtins ("len() takes exactly one argument (2 given)") or PyTorch's
// ("exp(): argument 'input' (position 1) must be Tensor, not int").
enum class ArgStyle : uint8_t { Python, Torch };
class Args {
 public:
  static constexpr size_t kMax = 12;
  Args(const char* fname, CallArgs& call, std::initializer_list<const char*> names, size_t required,
       ArgStyle style = ArgStyle::Torch, size_t max_positional = SIZE_MAX);
  const Value* get(size_t i) const { return slots_[i]; }
  bool has(size_t i) const { return slots_[i] != nullptr && !slots_[i]->is_none(); }
  const char* fname() const { return fname_; }

  // Typed access with PyTorch-style messages; `i` is the parameter index.
  Tensor tensor(size_t i) const;
  int64_t int_(size_t i) const;
  int64_t int_or(size_t i, int64_t dflt) const { return has(i) ? int_(i) : dflt; }
  double number(size_t i) const;
  bool boolean(size_t i, bool dflt) const;
  Scalar scalar(size_t i) const;
  std::optional<DType> dtype(size_t i) const;
  std::optional<Device> device(size_t i) const;
  [[noreturn]] void type_mismatch(size_t i, const char* expected) const;

 private:
  const char* fname_;
  const char* names_[kMax];
  const Value* slots_[kMax] = {};
  size_t n_;
  size_t position_base_ = 1;  // PyTorch numbers torch.mm(x, 3)'s 3 as position 2, x.mm(3)'s as 1
};

// Conversions shared by the library files.
Scalar to_scalar(const Value& v);                   // int/bool/float → Scalar (TypeError otherwise)
bool is_scalar_like(const Value& v);                // int, bool or float
double to_double(const Value& v, const char* what); // float(x) semantics incl. one-element tensors
int64_t to_index(const Value& v, const char* what); // __index__: int or bool
Shape to_shape(CallArgs& a, size_t first, const char* fname);  // zeros(2, 3) or zeros((2, 3))
Shape value_to_shape(const Value& v, const char* fname);
// x.reshape(2, 3), x.reshape((2, 3)) or x.reshape(shape=(2, 3)): `kw` names the keyword form.
Shape shape_from_call(CallArgs& a, const char* fname, const char* kw);
std::vector<int64_t> to_int_list(const Value& v, const char* fname);
// A list or tuple of tensors, the first argument `tensors` of torch.cat and the like.
std::vector<Tensor> tensor_list(Interp& in, const Value& v, const char* fname);
Value tensor_from_value(const Value& data, const TensorOptions& opts);  // torch.tensor(...)
Value dims_value(const std::vector<int64_t>& dims);
// dtype=, device=, requires_grad= of a factory call (their parameter indices in `args`).
TensorOptions factory_options(const Args& args, size_t dtype_i, size_t device_i, size_t rg_i);
// zeros(2, 3) / zeros((2, 3)) / zeros(size=(2, 3)) and the keyword options; the samplers
// (rand, randn) also take generator=, handed back as given (null when absent or None).
struct SizedCall {
  Shape shape;
  TensorOptions opts;
  const Value* generator = nullptr;
};
SizedCall sized_call(CallArgs& a, const char* name, bool takes_generator = false);

// ---- frames -------------------------------------------------------------------------------------
// One record per active Python frame, for tracebacks. `where` is updated as the frame runs
// (statement, then the operation in progress), so after an exception unwinds, the records
// still say where each frame was.
struct FrameRecord {
  const SourceFile* source;
  const char* name;           // "<module>", "f", "<lambda>"
  const AstNode* where;       // an Expr, a Stmt or the FunctionInfo being entered
};
// The source range of a FrameRecord's node (null for none).
const SourceRange* node_pos(const AstNode* n);

struct Frame {
  Value* locals = nullptr;
  const std::shared_ptr<CellObj>* free = nullptr;  // closure cells
  const FunctionInfo* fn = nullptr;                // null at module level
  FunctionObj* func = nullptr;                     // the running function (qualnames, its Program)
  FrameRecord* record = nullptr;
  Value return_value;
  const Frame* caller = nullptr;                   // the frame that called this one (super())
};

enum class Flow : uint8_t { Normal, Break, Continue, Return };

// ---- iteration ----------------------------------------------------------------------------------
// A cursor over any iterable Value, without allocating for lists, tuples, ranges and tensors.
class Iter {
 public:
  Iter(Interp& in, const Value& iterable);
  bool next(Value& out);

 private:
  void init(Interp& in, const Value& v);
  enum class Kind : uint8_t { Seq, Range, Str, Tensor, Iterator, Values, Protocol, Generator } kind_;
  Interp* in_ = nullptr;         // Protocol: calls hold_.__next__() until StopIteration; Generator: resumes it
  Value hold_;                  // keeps the iterable alive
  const std::vector<Value>* seq_ = nullptr;
  IteratorObj* it_ = nullptr;
  int64_t i_ = 0, n_ = 0, step_ = 1, cur_ = 0;
  std::vector<Value> values_;   // materialised (dict keys, strings)
};
std::vector<Value> to_vector(Interp& in, const Value& iterable);  // list(x)

// ---- generators (generators.cpp, Note [Generators]) ---------------------------------------------
// A generator: a suspended def body that yields (`func` set), or a lazy generator expression
// (`comp` set). Its frame lives here between resumptions, never on the C++ stack.
// The grad mode a `with torch.no_grad():` (or enable_grad, set_grad_enabled, inference_mode)
// block sets on entry and puts back on exit (exec.cpp).
struct GradModeState {
  bool grad = true;
  bool inference = false;
};
GradModeState enter_grad_mode(const ContextObj& c);  // returns the modes to restore
void restore_grad_mode(GradModeState s);

struct GeneratorObj : Object {
  GeneratorObj() : Object(ObjType::Generator) {}
  ~GeneratorObj() override;
  static bool matches(const Object& o) { return o.type == ObjType::Generator; }
  void clear_refs() override;
  enum class State : uint8_t { Suspended, Running, Done };
  // Where a def body stands: one cursor per block being run, innermost last.
  struct Cursor {
    enum class Kind : uint8_t { Body, Block, For, While, Try, With };
    Kind kind;
    const Stmt* owner;     // the for/while/try/with statement (null for Body and Block)
    const Block* block;
    size_t next = 0;       // index of the next statement of `block`
    std::unique_ptr<Iter> iter{};  // For: the loop's iterator
    // With (one cursor per item): a user context manager and its __exit__, or a grad-mode
    // context (no exit_fn) and the modes it restores.
    Value context{};
    Value exit_fn = Value::unbound();  // unbound: a grad-mode context
    GradModeState restores{};
  };
  // Restores the grad modes of the grad-mode `with` blocks it is suspended in (dropped or
  // closed: CPython's GeneratorExit would run their __exit__).
  void leave_grad_contexts();
  State state = State::Suspended;
  std::string qualname;
  std::shared_ptr<Program> program;  // keeps the AST alive
  std::vector<Value> locals;
  Value func;                         // a def's generator: its FunctionObj
  std::vector<Cursor> stack;
  const Stmt* pending = nullptr;      // the yield statement suspended at (an assignment takes the sent None)
  std::unique_ptr<Iter> delegate;     // `yield from`: the iterator being drained
  Value delegate_source;              // ... and what it iterates (a generator gives its return value)
  Value return_value;                 // what the body returned (StopIteration.value)
  // A generator expression: its scope's cells and the iterators of its `for` clauses.
  const CompExpr* comp = nullptr;
  const SourceFile* source = nullptr;
  std::vector<std::shared_ptr<CellObj>> closure;
  std::vector<std::unique_ptr<Iter>> iters;
};
// g.__name__, g.__qualname__, g.gi_running, g.send(None), g.close(); unbound for other names.
Value generator_attribute(Interp& in, const Value& g, const std::string& name);
// StopIteration for an exhausted generator: its return value (if not None) as the message and `value`.
[[noreturn]] void raise_stop_iteration(const GeneratorObj* g);

// ---- the interpreter ------------------------------------------------------------------------------
class Interp {
 public:
  Interp();
  ~Interp();

  // ---- namespace ----
  int global_slot(const std::string& name);
  void set_global(const std::string& name, Value v) { globals_[global_slot(name)] = std::move(v); }
  const Value* find_global(const std::string& name) const;
  void reset_globals();
  std::vector<std::pair<std::string, Value>> global_items() const;
  Value import_module(const std::string& dotted, const SourceRange& where);
  Value module(const std::string& name);

  // ---- output ----
  void write(std::string_view s);
  // A warning shown at the frame `stacklevel` levels up (1: the innermost), once per location.
  void warn(const std::string& category, const std::string& message, int64_t stacklevel = 1);
  bool warnings_ignored_ = false;  // warnings.filterwarnings("ignore")
  std::function<void(std::string_view)> sink_;
  std::function<void(std::string_view)> warning_sink_;
  std::string captured_;
  std::string captured_warnings_;

  // ---- running ----
  void run_program(const std::shared_ptr<Program>& prog, bool display_last, std::optional<Value>* last);
  Value call(const Value& callee, CallArgs& args);
  Value call_as_function(const BuiltinObj* b, CallArgs& args);
  Value call0(const Value& callee, std::vector<Value> pos) {
    CallArgs a;
    a.pos = pos.data();
    a.npos = pos.size();
    return call(callee, a);
  }

  // ---- resolution (resolver.cpp) ----
  void resolve(Program& prog);

  // ---- evaluation (eval.cpp / exec.cpp) ----
  Value eval(const Expr* e, Frame& f);
  // Truth value of a condition, where one-element tensor comparisons work; `owner` is the node
  // a failing truth test is reported at (the if/while statement, the conditional expression).
  bool eval_condition(const Expr* e, Frame& f, const AstNode* owner);
  Flow exec_block(const Block& b, Frame& f);
  Flow exec(const Stmt* s, Frame& f);
  void assign(const Expr* target, Value v, Frame& f);
  Value call_function(FunctionObj* fn, CallArgs& args);
  // Runs a generator to its next value: true with it in `out`, false once it is exhausted.
  bool generator_next(GeneratorObj* g, Value& out);
  // Runs fn's body in a new frame over `locals` (already bound): calls and class bodies.
  Value run_frame(FunctionObj* fn, Value* locals);
  Value make_function(const FunctionInfo* info, Frame& f, const Program* prog);
  void exec_class(const ClassDefStmt* s, Frame& f);
  void annotate_class_name(const AnnAssignStmt* a, Frame& f);  // Note [Class annotations]
  Value apply_decorators(const std::vector<Expr*>& decorators, std::vector<Value>& evaluated, Value v);
  // Where the evaluator stands, so that catching an exception can put it back (the records an
  // unwinding exception leaves behind are for the traceback of an uncaught one).
  struct Mark {
    size_t frames;
    int depth;
    size_t keepalive;
    const Frame* frame;
  };
  Mark mark() const { return Mark{frames_.size(), depth_, unwind_keepalive_.size(), current_frame_}; }
  void restore(const Mark& m);
  Flow exec_try(const TryStmt* s, Frame& f);
  Flow exec_handlers(const TryStmt* s, Frame& f, const gradlab::Error& e, const Mark& m);
  // The parts of a try statement after its body: raised `e` (handlers, then finally), or
  // ended with `fl` (else, then finally); and finally with `e` pending (re-raised unless the
  // finally block returns or breaks).
  Flow exec_try_exception(const TryStmt* s, Frame& f, const gradlab::Error& e, const Mark& m);
  Flow exec_try_tail(const TryStmt* s, Frame& f, Flow fl, const Mark& m);
  Flow exec_finally_pending(const TryStmt* s, Frame& f, const gradlab::Error& e, const Mark& m);
  [[noreturn]] void exec_raise(const RaiseStmt* s, Frame& f);
  bool interrupted_ = false;  // Stop/--timeout fired: no `except` may catch it
  const Frame* current_frame_ = nullptr;  // the innermost running Python frame
  // The exceptions being handled by enclosing `except` blocks, innermost last: for bare `raise`
  // and for the context of an exception raised while handling one (Note [Exceptions]).
  struct Handled {
    PyError error;
    std::vector<FrameRecord> records;  // its traceback, from the frame that caught it down
  };
  std::vector<Handled> handling_;
  // Calls `callee`; an exception of type `type` (or a subclass) comes back as false with the
  // evaluator's state restored, any other propagates. For iteration protocols (StopIteration).
  bool call_catching(const Value& callee, CallArgs& args, const char* type, Value* out);

  // ---- attributes (attributes.cpp) ----
  Value get_attr(const Value& obj, const std::string& name);
  void set_attr(const Value& obj, const std::string& name, Value v);
  Value call_method(const Value& obj, const std::string& name, CallArgs& args);

  // ---- limits and interruption ----
  void check_interrupt() {
    if (interrupt_ && (++tick_ & 1023) == 0 && interrupt_()) {
      interrupted_ = true;
      raise(interrupt_type_.c_str(), interrupt_message_);
    }
  }
  std::function<bool()> interrupt_;
  std::string interrupt_type_ = "KeyboardInterrupt", interrupt_message_;
  uint32_t tick_ = 0;
  int max_depth_;
  std::vector<FrameRecord> frames_;

  Heap heap_;
  // torch's default generator for this session: a fresh session starts from PyTorch's default
  // seed, like a fresh process; installed as random::default_generator() while a cell runs.
  std::shared_ptr<random::CpuGenerator> generator_ = std::make_shared<random::CpuGenerator>();
  std::shared_ptr<Program> current_program_;  // the program being run (functions keep theirs)
  // Programs of functions whose frames an exception unwound through: kept until run() has
  // formatted the traceback that quotes their source.
  std::vector<std::shared_ptr<Program>> unwind_keepalive_;
  std::unordered_map<std::string, Value> builtins_;

 private:
  friend class Iter;
  Value load_name(const NameExpr* n, Frame& f);
  void store_name(const NameExpr* n, Value v, Frame& f);
  void delete_name(const NameExpr* n, Frame& f);
  [[noreturn]] void name_error(const NameExpr* n, Frame& f);
  const Value& eval_ref(const Expr* e, Frame& f, Value& tmp);
  Value eval_call(const CallExpr* c, Frame& f);
  Value eval_call_unpacking(const CallExpr* c, Frame& f);
  void bind_arguments(FunctionObj* fn, CallArgs& args, Value* locals);
  Value eval_display(const Expr* e, Frame& f);  // list/tuple/dict displays
  Value eval_comprehension(const CompExpr* c, Frame& f);
  bool comprehension_step(const CompExpr* c, std::vector<std::unique_ptr<Iter>>& iters, Frame& inner, Value* elt, Value* value);
  // A comprehension's scope: its closure (cells of the frame `f` it is defined in) and its
  // locals, with fresh cells where inner scopes capture them.
  void comprehension_scope(const FunctionInfo* info, Frame& f, std::vector<std::shared_ptr<CellObj>>& closure, std::vector<Value>& locals);
  Value make_generator(FunctionObj* fn, CallArgs& args);
  Value make_generator_expression(const CompExpr* c, Frame& f);
  bool run_generator_body(GeneratorObj* g, Frame& f, const Mark& m, Value& out);
  bool generator_flow(GeneratorObj* g, Frame& f, Flow fl);
  bool generator_exception(GeneratorObj* g, Frame& f, const Mark& m, const gradlab::Error& e);
  bool generator_block_end(GeneratorObj* g, Frame& f, const Mark& m);
  void generator_enter_with(GeneratorObj* g, const WithStmt* s, Frame& f);
  void generator_exit_with(GeneratorObj::Cursor& c, Frame& f);
  Value eval_named(const NamedExpr* n, Frame& f);
  Value eval_fstring(const JoinedStrExpr* j, Frame& f);
  Value eval_subscript(const SubscriptExpr* s, Frame& f);
  Value eval_compare(const CompareExpr* c, Frame& f, bool condition);
  void exec_import(const ImportStmt* s, Frame& f);
  void exec_rare(const Stmt* s, Frame& f);
  Flow exec_for(const ForStmt* s, Frame& f);
  Flow exec_with(const WithStmt* s, Frame& f, size_t item);
  Flow exec_with_instance(const WithStmt* s, Frame& f, size_t item, const Value& ctx);
  // A user context manager's (__enter__, __exit__), or PyTorch's TypeError when it has none.
  std::pair<Value, Value> context_methods(const Value& ctx);
  // __exit__(type, value, traceback) for the exception `e` leaving a with block (`m`: the mark
  // when the block began): returns only when __exit__ swallows it, else re-raises it.
  void exit_with_exception(const WithStmt* s, Frame& f, const Value& ctx, const Value& exit_fn, const gradlab::Error& e, const Mark& m);
  void exec_augassign(const AugAssignStmt* s, Frame& f);
  void unpack(const std::vector<Expr*>& targets, const Value& v, Frame& f, const Expr* whole);

  std::vector<Value> globals_;
  std::vector<std::string> global_names_;
  std::unordered_map<std::string, int> global_index_;
  std::vector<Value> builtin_for_slot_;
  std::unordered_map<std::string, Value> modules_;
  std::vector<std::pair<std::string, int>> warned_;  // (message, line) already shown
  int depth_ = 0;
};

// Tracebacks (traceback.cpp), formatted exactly like CPython 3.11's.
std::string format_traceback(const std::vector<FrameRecord>& frames, const std::string& type, const std::string& message);
std::string format_syntax_error(const SourceFile& src, const std::string& type, const std::string& message, const SourceRange& where);
std::string format_exception_line(const std::string& type, const std::string& message);

// Installers (one per library file).
void install_builtins(Interp& in);
Value make_torch_module(Interp& in);
Value make_math_module(Interp& in);
void install_random_functions(Interp& in, ModuleObj& torch);  // random_functions.cpp
void install_dtype_functions(ModuleObj& torch);  // dtype_functions.cpp: finfo, iinfo, promote_types, ...
Value make_nn_init_module();                                   // nn_init.cpp
Value make_linalg_module();                                    // linalg_functions.cpp: torch.linalg
Value legacy_tensor_ctor(Interp& in, CallArgs& args);         // torch.Tensor(...), torch_module.cpp
Value python_module(Interp& in, const std::string& name);  // Note [Modules in Python]; None if not one
// A module from Python source (Note [Modules in Python]); `exports` as in python_modules.cpp.
Value python_source_module(Interp& in, const char* name, const char* file, const char* exports, const char* source);
// torch.autograd.function, torch.autograd.grad / backward (autograd_function.cpp), added to
// the torch.autograd module; grad_fn_value is a node as scripts see it (x.grad_fn).
void install_autograd_functions(Interp& in, ModuleObj& autograd);
Value grad_fn_value(const std::shared_ptr<Node>& node);
// grad_fn.register_hook(fn) (attributes.cpp): a post hook on any node but AccumulateGrad.
void register_node_hook(Interp& in, Node& n, const Value& fn);
Value tensor_backward(Interp& in, const Value& self, CallArgs& args);  // Tensor.backward (autograd_api.cpp)
Value slot_method(const char* name, BuiltinFn fn);  // a builtin bound like a method (classes.cpp)
Value make_random_module(Interp& in);  // random_module.cpp
Value random_type();                    // the class random.Random
MethodFn find_random_method(const std::string& name);  // methods of random.Random instances
const char* const* random_instance_dir();               // dir(random.Random())

// Python operators (operators.cpp).
// `augmented` words errors as for `a op= b` ("unsupported operand type(s) for +=").
Value binary_op(BinOpKind op, const Value& a, const Value& b, bool augmented = false);
Value inplace_op(BinOpKind op, const Value& a, const Value& b);  // `a op= b`
Value unary_op(UnaryKind op, const Value& a);
bool compare_op(CmpKind op, const Value& a, const Value& b, bool condition);
Value tensor_compare(CmpKind op, const Value& a, const Value& b);  // a bool tensor, or unbound
// Orders two values for min/max/sorted (`<`), with one-element tensors compared by value.
bool less_than(const Value& a, const Value& b);
// `items` in ascending order of key(item) (of the items themselves when `key` is null), stable,
// reversed for reverse=True as Python does (ties keep their order): sorted() and list.sort().
std::vector<Value> sort_by_key(Interp& in, const std::vector<Value>& items, const Value* key, bool reverse);
bool contains(const Value& container, const Value& item);

// Sets (sets.cpp): methods, operators between two sets, set()/frozenset().
MethodFn find_set_method(bool frozen, const std::string& name);
Value set_binary_op(BinOpKind op, const Value& a, const Value& b, bool augmented);  // unbound: not two sets
bool set_compare(CmpKind op, const Value& a, const Value& b, bool* handled);
Value set_constructor(Interp& in, CallArgs& args, bool frozen);

// Indexing (subscript.cpp).
Value get_item(Interp& in, const Value& obj, const Value& index);
void set_item(Interp& in, const Value& obj, const Value& index, Value v);
void del_item(Interp& in, const Value& obj, const Value& index);
Value tensor_index(const Tensor& t, const Value& index);
// An instance with keys() read as a mapping (dict(m), d.update(m)); false when obj is not one.
bool mapping_items(Interp& in, const Value& obj, std::vector<std::pair<Value, Value>>& out);
void tensor_set_index(const Tensor& t, const Value& index, const Value& v);

// Formatting (format_spec.cpp): format(value, spec) as in f-strings and str.format.
std::string format_value(Interp& in, const Value& v, const std::string& spec);
std::string utf8_encode(uint32_t code_point);
Value str_format(Interp& in, const std::string& fmt, CallArgs& args);

// Library lookups.
MethodFn find_tensor_method(const std::string& name);  // bindings.cpp
Value torch_generator_attribute(const Value& self, const std::string& name, bool* found);
Value tensor_attribute(Interp& in, const Value& self, const std::string& name, bool* found);
void set_tensor_attribute(const Tensor& t, const std::string& name, const Value& v);
MethodFn find_py_method(ObjType type, const std::string& name);  // str/list/dict/tuple methods
Value type_of(const Value& v);
Value builtin_type(TypeId id);
const char* const* torch_missing_names();
const char* const* tensor_missing_names();
bool name_in(const char* const* list, const std::string& name);
const char* const* dir_for(const Value& v);  // CPython's dir() of a built-in value gradlab knows, or null

}  // namespace gradlab::script
