// Python values as the interpreter sees them.
//
// A Value is a small variant: None, bool, int (64-bit), float (double) and Tensor are held
// inline; everything else (str, list, tuple, dict, functions, modules, torch.Size, dtypes, ...)
// is a reference-counted heap Object, shared like a Python reference. Copying a Value is cheap
// (at most one reference-count bump) and moving it is free, so the evaluator passes Values by
// value without worrying about copies of containers.
//
// Python has a cycle collector; we have reference counts. Containers that could form a cycle
// (lists, dicts, cells, functions, modules) are registered with the interpreter's Heap, which clears them
// when the interpreter is reset or destroyed, so a script like `a = []; a.append(a)` leaks only
// until then (and LeakSanitizer stays quiet under the fuzzer).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <new>
#include <vector>

#include "engine/random/generator.h"
#include "engine/tensor.h"

namespace gradlab::script {

class Interp;
struct Object;
using ObjRef = std::shared_ptr<Object>;

struct NoneType {};
struct UnboundType {};  // an unassigned variable slot; never visible to scripts

class Value {
 public:
  Value() : tag_(Tag::None) { raw_ = 0; }
  Value(NoneType) : Value() {}
  Value(bool b) : tag_(Tag::Bool) {
    raw_ = 0;
    b_ = b;
  }
  template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>, int> = 0>
  Value(I i) : tag_(Tag::Int) {
    i_ = static_cast<int64_t>(i);
  }
  Value(double d) : tag_(Tag::Float) { f_ = d; }
  Value(Tensor t) : tag_(Tag::Tensor) { new (&t_) Tensor(std::move(t)); }
  Value(ObjRef o) : tag_(Tag::Object) { new (&o_) ObjRef(std::move(o)); }
  template <class T, std::enable_if_t<std::is_base_of_v<Object, T>, int> = 0>
  Value(std::shared_ptr<T> o) : Value(ObjRef(std::move(o))) {}
  static Value unbound() {
    Value v;
    v.tag_ = Tag::Unbound;
    return v;
  }

  // Copies and moves of None/bool/int/float are plain 9-byte copies; only tensors and heap
  // objects touch a reference count.
  Value(const Value& o) : tag_(o.tag_) {
    if (trivial()) raw_ = o.raw_;
    else copy_from(o);
  }
  Value(Value&& o) noexcept : tag_(o.tag_) {
    if (trivial()) raw_ = o.raw_;
    else move_from(std::move(o));
  }
  Value& operator=(const Value& o) {
    if (this == &o) return *this;
    if (trivial() && o.trivial()) {
      tag_ = o.tag_;
      raw_ = o.raw_;
      return *this;
    }
    Value tmp(o);
    return *this = std::move(tmp);
  }
  Value& operator=(Value&& o) noexcept {
    if (this == &o) return *this;
    if (!trivial()) destroy();
    tag_ = o.tag_;
    if (trivial()) raw_ = o.raw_;
    else move_from(std::move(o));
    return *this;
  }
  ~Value() {
    if (!trivial()) destroy();
  }

  bool is_unbound() const { return tag_ == Tag::Unbound; }
  bool is_none() const { return tag_ == Tag::None; }
  bool is_bool() const { return tag_ == Tag::Bool; }
  bool is_int() const { return tag_ == Tag::Int; }
  bool is_float() const { return tag_ == Tag::Float; }
  bool is_tensor() const { return tag_ == Tag::Tensor; }
  bool is_object() const { return tag_ == Tag::Object; }
  // int or bool (bool is a subclass of int in Python)
  bool is_intlike() const { return tag_ == Tag::Int || tag_ == Tag::Bool; }
  bool is_number() const { return tag_ == Tag::Int || tag_ == Tag::Bool || tag_ == Tag::Float; }

  bool as_bool() const { return b_; }
  int64_t as_int() const { return tag_ == Tag::Bool ? int64_t(b_) : i_; }
  double as_float() const { return f_; }
  // int, bool or float as a double
  double as_number() const { return tag_ == Tag::Float ? f_ : static_cast<double>(as_int()); }
  const Tensor& as_tensor() const { return t_; }
  Tensor& as_tensor() { return t_; }
  Object* obj() const { return tag_ == Tag::Object ? o_.get() : nullptr; }
  const ObjRef& obj_ref() const { return o_; }
  // Moves the heap reference out (leaving None); used by the destructor trashcan.
  ObjRef release_obj() {
    ObjRef o = std::move(o_);
    o_.~ObjRef();
    tag_ = Tag::None;
    raw_ = 0;
    return o;
  }

  // The object as a T when it is one (checked by T::matches), else nullptr.
  template <class T>
  T* as() const {
    Object* o = obj();
    return o && T::matches(*o) ? static_cast<T*>(o) : nullptr;
  }

 private:
  enum class Tag : uint8_t { Unbound, None, Bool, Int, Float, Tensor, Object };
  bool trivial() const { return tag_ < Tag::Tensor; }
  void copy_from(const Value& o) {
    if (o.tag_ == Tag::Tensor) new (&t_) Tensor(o.t_);
    else new (&o_) ObjRef(o.o_);
  }
  void move_from(Value&& o) {
    if (o.tag_ == Tag::Tensor) new (&t_) Tensor(std::move(o.t_));
    else new (&o_) ObjRef(std::move(o.o_));
  }
  void destroy() {
    if (tag_ == Tag::Tensor) t_.~Tensor();
    else o_.~ObjRef();
    tag_ = Tag::None;
  }

  Tag tag_;
  union {
    uint64_t raw_;
    bool b_;
    int64_t i_;
    double f_;
    Tensor t_;
    ObjRef o_;
  };
};

enum class ObjType : uint8_t {
  Str, List, Tuple, Size, ReturnTypes, Dict, Range, Slice, Ellipsis,
  Function, Builtin, BoundMethod, Type, Module, Cell,
  DType, Device, GradFn, Context, Iterator, DictView, Exception, Generator,
  TorchGenerator, HookHandle,
  Instance, Method, Wrapper, Super,  // user-defined classes (runtime.h, classes.cpp)
  Random,  // a random.Random instance (random_module.cpp)
  Set, FrozenSet,  // sets.cpp
};

struct Object {
  explicit Object(ObjType t) : type(t) {}
  virtual ~Object() = default;
  // Drops references to other values (Heap cycle breaking); containers override it.
  virtual void clear_refs() {}
  ObjType type;
};

struct StrObj : Object {
  explicit StrObj(std::string v) : Object(ObjType::Str), s(std::move(v)) {}
  static bool matches(const Object& o) { return o.type == ObjType::Str; }
  std::string s;
};

// list, tuple, torch.Size and torch.return_types.* share one representation.
struct SeqObj : Object {
  SeqObj(ObjType t, std::vector<Value> v) : Object(t), items(std::move(v)) {}
  static bool matches(const Object& o) {
    return o.type == ObjType::List || o.type == ObjType::Tuple || o.type == ObjType::Size || o.type == ObjType::ReturnTypes;
  }
  ~SeqObj() override;
  void clear_refs() override { items.clear(); }
  bool is_list() const { return type == ObjType::List; }
  std::vector<Value> items;
  const char* struct_name = nullptr;  // ReturnTypes: "max"; fields are values, indices
};

struct DictObj : Object {
  DictObj() : Object(ObjType::Dict) {}
  ~DictObj() override;
  static bool matches(const Object& o) { return o.type == ObjType::Dict; }
  void clear_refs() override {
    entries.clear();
    index_.clear();
  }
  // Insertion-ordered entries; a hash index is kept once the dict outgrows a linear scan.
  std::vector<std::pair<Value, Value>> entries;
  Value* find(const Value& key);  // raises TypeError for unhashable keys
  void set(const Value& key, Value value);
  bool erase(const Value& key);

 private:
  void rebuild_index();
  std::unordered_multimap<size_t, size_t> index_;  // hash → entry; empty while small
};

// set and frozenset, kept in CPython's own open-addressing table (sets.cpp, Note [Set order]),
// so they iterate and print in the order CPython's do.
struct SetObj : Object {
  explicit SetObj(bool frozen);
  ~SetObj() override;
  static bool matches(const Object& o) { return o.type == ObjType::Set || o.type == ObjType::FrozenSet; }
  void clear_refs() override;
  bool frozen() const { return type == ObjType::FrozenSet; }
  size_t size() const { return used_; }
  bool contains(const Value& key) const;  // raises TypeError for unhashable keys
  bool add(const Value& key);             // false when already there
  bool discard(const Value& key);         // false when absent
  Value pop();                            // KeyError: 'pop from an empty set'
  void clear();
  std::vector<Value> items() const;       // in iteration order
  void merge(const SetObj& other);        // adds other's items (set.update with a set)
  void reserve_for(size_t incoming);      // grows as CPython does before adding a dict's keys
  void swap_table(SetObj& other);         // exchanges contents (CPython's set_swap_bodies)

 private:
  struct Entry {
    Value key = Value::unbound();  // unbound: empty, or (hash == -1) a deleted entry
    int64_t hash = 0;
  };
  void insert_new(Value key, int64_t hash);  // key known absent
  void resize(size_t min_used);
  long lookup(const Value& key, int64_t hash) const;  // entry index or -1
  std::vector<Entry> table_;
  size_t fill_ = 0, used_ = 0, finger_ = 0;
};
// CPython's hash() for ints, floats, bools and tuples of them (the values whose set order is
// the same in every CPython process); other hashable values get gradlab's own hash.
int64_t python_hash(const Value& v);
Value make_set(const std::vector<Value>& items, bool frozen);

struct RangeObj : Object {
  RangeObj(int64_t a, int64_t b, int64_t c) : Object(ObjType::Range), start(a), stop(b), step(c) {}
  static bool matches(const Object& o) { return o.type == ObjType::Range; }
  int64_t length() const;
  int64_t start, stop, step;
};

struct SliceObj : Object {
  SliceObj(Value a, Value b, Value c) : Object(ObjType::Slice), start(std::move(a)), stop(std::move(b)), step(std::move(c)) {}
  static bool matches(const Object& o) { return o.type == ObjType::Slice; }
  Value start, stop, step;
};

struct CellObj : Object {
  CellObj() : Object(ObjType::Cell), value(Value::unbound()) {}
  ~CellObj() override;
  static bool matches(const Object& o) { return o.type == ObjType::Cell; }
  void clear_refs() override { value = Value::unbound(); }
  Value value;
};

struct DTypeObj : Object {
  explicit DTypeObj(DType d) : Object(ObjType::DType), dtype(d) {}
  static bool matches(const Object& o) { return o.type == ObjType::DType; }
  DType dtype;
};

struct DeviceObj : Object {
  explicit DeviceObj(Device d) : Object(ObjType::Device), device(d) {}
  static bool matches(const Object& o) { return o.type == ObjType::Device; }
  Device device;
};

struct GradFnObj : Object {
  explicit GradFnObj(std::shared_ptr<Node> n) : Object(ObjType::GradFn), node(std::move(n)) {}
  static bool matches(const Object& o) { return o.type == ObjType::GradFn; }
  std::shared_ptr<Node> node;
};

// `torch.no_grad()` / `torch.enable_grad()`: objects usable in a `with` statement.
// torch.set_grad_enabled(mode) sets the mode when made and puts back `previous` on leaving its
// `with` block; torch.inference_mode(mode) turns inference mode on (grad off) or off (grad on).
struct ContextObj : Object {
  enum class Kind : uint8_t { NoGrad, EnableGrad, SetGradEnabled, InferenceMode };
  explicit ContextObj(bool grad_enabled) : Object(ObjType::Context), enables_grad(grad_enabled),
      kind(grad_enabled ? Kind::EnableGrad : Kind::NoGrad) {}
  ContextObj(bool grad_enabled, Kind k) : Object(ObjType::Context), enables_grad(grad_enabled), kind(k) {}
  static bool matches(const Object& o) { return o.type == ObjType::Context; }
  const char* name() const {
    switch (kind) {
      case Kind::NoGrad: return "no_grad";
      case Kind::EnableGrad: return "enable_grad";
      case Kind::SetGradEnabled: return "set_grad_enabled";
      case Kind::InferenceMode: return "inference_mode";
    }
    return "no_grad";
  }
  bool enables_grad;
  Kind kind;
  bool previous = true;  // SetGradEnabled: the grad mode before it was made
};

// enumerate/zip/reversed/map/filter objects and list/tuple iterators: a materialised sequence
// of items consumed from `next`. `kind` is the Python type name ("enumerate"). Over a generator
// (which may never end) enumerate/map/filter are lazy instead: `pull` makes each item on demand.
struct IteratorObj : Object {
  IteratorObj(const char* k, std::vector<Value> v) : Object(ObjType::Iterator), kind(k), items(std::move(v)) {}
  ~IteratorObj() override;
  static bool matches(const Object& o) { return o.type == ObjType::Iterator; }
  void clear_refs() override {
    items.clear();
    pull = nullptr;
  }
  // The next item into `out`; false when exhausted.
  bool advance(Value& out) {
    if (next < items.size()) {
      out = items[next++];
      return true;
    }
    return pull && pull(out);
  }
  const char* kind;
  std::vector<Value> items;
  size_t next = 0;
  std::function<bool(Value&)> pull;
};

// dict.keys() / values() / items(): a snapshot printed as dict_keys([...]).
struct DictViewObj : Object {
  DictViewObj(const char* k, std::vector<Value> v) : Object(ObjType::DictView), kind(k), items(std::move(v)) {}
  ~DictViewObj() override;
  static bool matches(const Object& o) { return o.type == ObjType::DictView; }
  void clear_refs() override { items.clear(); }
  const char* kind;
  std::vector<Value> items;
};

// An exception instance (`ValueError("bad")`), raised by `raise`.
struct ExceptionObj : Object {
  ExceptionObj(std::string t, std::vector<Value> a) : Object(ObjType::Exception), type_name(std::move(t)), args(std::move(a)) {}
  static bool matches(const Object& o) { return o.type == ObjType::Exception; }
  void clear_refs() override { args.clear(); }
  std::string type_name;
  std::vector<Value> args;
  bool preformatted = false;  // caught from the engine: args[0] is the message as printed (a KeyError's repr'd key)
};

// torch.Generator: a handle to a CPU random generator — torch.default_generator (which
// torch.manual_seed seeds and returns) or one a script made with torch.Generator().
struct TorchGeneratorObj : Object {
  explicit TorchGeneratorObj(std::shared_ptr<random::CpuGenerator> g) : Object(ObjType::TorchGenerator), gen(std::move(g)) {}
  static bool matches(const Object& o) { return o.type == ObjType::TorchGenerator; }
  std::shared_ptr<random::CpuGenerator> gen;
};

// What x.register_hook returns: handle.remove() takes the hook off again.
struct HookHandleObj : Object {
  HookHandleObj(std::weak_ptr<TensorImpl> t, int64_t i) : Object(ObjType::HookHandle), tensor(std::move(t)), id(i) {}
  static bool matches(const Object& o) { return o.type == ObjType::HookHandle; }
  std::weak_ptr<TensorImpl> tensor;
  int64_t id;
};

struct EllipsisObj : Object {
  EllipsisObj() : Object(ObjType::Ellipsis) {}
  static bool matches(const Object& o) { return o.type == ObjType::Ellipsis; }
};

// Releases a container's items without deep C++ recursion: past a small nesting depth, items
// are queued and destroyed by the outermost release (CPython's "trashcan"), so dropping
// `a = [a]` nested 100,000 times cannot overflow the stack.
void release_values(std::vector<Value>& items);

// ---- the heap: cycle breaking ----------------------------------------------------------------
// Weak references, with the expired ones dropped whenever the list has doubled, so adding stays
// cheap however many of the objects have died since.
template <class T>
class WeakList {
 public:
  void add(const std::shared_ptr<T>& p) {
    if (items_.size() >= compact_at_) {
      std::erase_if(items_, [](const std::weak_ptr<T>& w) { return w.expired(); });
      compact_at_ = items_.size() * 2 + 64;
    }
    items_.push_back(p);
  }
  // The objects still alive, in the order they were added; the list is emptied.
  std::vector<std::shared_ptr<T>> take_live() {
    std::vector<std::shared_ptr<T>> live;
    live.reserve(items_.size());
    for (auto& w : items_)
      if (auto p = w.lock()) live.push_back(std::move(p));
    items_.clear();
    return live;
  }

 private:
  std::vector<std::weak_ptr<T>> items_;
  size_t compact_at_ = 64;
};

class Heap {
 public:
  ~Heap() { clear_all(); }
  void track(const ObjRef& o) { tracked_.add(o); }
  // A tensor given a .grad with history: x.grad = 2 * x makes x → grad → MulBackward0 →
  // AccumulateGrad → x, a cycle of engine objects; clear_all() drops such grads.
  void track_grad_holder(const Tensor& t) { grad_holders_.add(t.impl_ptr()); }
  void clear_all();  // clears every live tracked container: breaks reference cycles

 private:
  WeakList<Object> tracked_;
  WeakList<TensorImpl> grad_holders_;
};
// The heap that newly made containers register with (set while an Interpreter runs).
Heap*& current_heap();

// Note [Polling long operations]: repr, == and hash of nested containers can take unbounded
// time inside one evaluator step: `t = (2,)` then `t = (20 * t,)` ten times builds a small object
// whose repr has 10^12 items. Such loops call poll_interrupt() per element, which runs the
// interpreter's interrupt check (Stop, --timeout, the fuzzer's budget) while a cell runs.
struct InterruptPoll {
  void (*poll)(void* context) = nullptr;
  void* context = nullptr;
};
InterruptPoll& current_interrupt_poll();  // thread-local; set while an Interpreter runs a cell
inline void poll_interrupt() {
  const InterruptPoll& p = current_interrupt_poll();
  if (p.poll) p.poll(p.context);
}

// Bounds C++ recursion through nested containers (repr, ==, hash, deepcopy): past 300 levels,
// Python's RecursionError with `message`.
[[noreturn]] void raise_recursion_error(const char* message);
struct NestingGuard {
  NestingGuard(int& d, const char* message) : depth(d) {
    if (depth >= 300) raise_recursion_error(message);
    ++depth;
  }
  ~NestingGuard() { --depth; }
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;
  int& depth;
};

// ---- constructors ------------------------------------------------------------------------------
Value make_str(std::string s);
Value make_list(std::vector<Value> items);
Value make_tuple(std::vector<Value> items);
Value make_size(const Shape& shape);
Value make_dict();
Value make_dtype(DType d);    // the shared torch.float32 etc.
Value make_device(Device d);
Value make_iterator(const char* kind, std::vector<Value> items);
Value none_value();
Value ellipsis_value();

// ---- Python protocol helpers (value.cpp) -------------------------------------------------------
const char* type_name(const Value& v);   // "int", "Tensor", "NoneType", "torch.Size"...
std::string repr(const Value& v);
std::string str(const Value& v);
bool truthy(const Value& v);             // raises like Python/PyTorch where ambiguous
bool values_equal(const Value& a, const Value& b);  // Python ==, for non-tensor values and identity on tensors
bool is_same_object(const Value& a, const Value& b);  // `is`
size_t hash_value(const Value& v);       // raises TypeError: unhashable type: 'list'
std::string address_of(const void* p);   // "0x7f..." as in <function f at 0x...>

// Instances of user-defined classes answer repr/str/truth/==/hash through their dunder methods
// (classes.cpp); these run the current interpreter (Note [Classes]).
std::string instance_repr(Object* o, bool as_str);
bool instance_truthy(Object* o);
bool instance_equal(const Value& a, const Value& b);
size_t instance_hash(Object* o);
const char* instance_type_name(const Object* o);
inline bool is_instance(const Value& v) { return v.is_object() && v.obj()->type == ObjType::Instance; }

inline const std::string* as_str(const Value& v) {
  auto* s = v.as<StrObj>();
  return s ? &s->s : nullptr;
}
inline SeqObj* as_list(const Value& v) {
  auto* s = v.as<SeqObj>();
  return s && s->type == ObjType::List ? s : nullptr;
}
// tuple, torch.Size or a torch.return_types value
inline SeqObj* as_tuple(const Value& v) {
  auto* s = v.as<SeqObj>();
  return s && s->type != ObjType::List ? s : nullptr;
}

}  // namespace gradlab::script
