// Python protocol helpers for Values: repr/str, truthiness, equality, hashing, the dict, the
// cycle-breaking Heap and the destructor trashcan (see value.h).
#include "engine/script/value.h"

#include <cinttypes>
#include <cmath>
#include <cstdio>

#include "engine/autograd/node.h"
#include "engine/format/python_repr.h"
#include "engine/format/tensor_print.h"
#include "engine/format/tensor_repr.h"
#include "engine/script/errors.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

// ---- trashcan ----------------------------------------------------------------------------------
namespace {
thread_local int trash_depth = 0;
thread_local std::vector<ObjRef> trash_pending;

void drain_trash() {
  while (!trash_pending.empty()) {
    ObjRef o = std::move(trash_pending.back());
    trash_pending.pop_back();
    ++trash_depth;
    o.reset();
    --trash_depth;
  }
}
}  // namespace

void release_values(std::vector<Value>& items) {
  if (items.empty()) return;
  if (trash_depth >= 24) {
    for (auto& v : items)
      if (v.is_object()) trash_pending.push_back(v.release_obj());
    items.clear();
    return;
  }
  ++trash_depth;
  items.clear();
  --trash_depth;
  if (trash_depth == 0) drain_trash();
}

SeqObj::~SeqObj() { release_values(items); }
IteratorObj::~IteratorObj() { release_values(items); }
DictViewObj::~DictViewObj() { release_values(items); }
CellObj::~CellObj() {
  if (value.is_object()) {
    std::vector<Value> one;
    one.push_back(std::move(value));
    release_values(one);
  }
}
DictObj::~DictObj() {
  std::vector<Value> flat;
  flat.reserve(entries.size() * 2);
  for (auto& [k, v] : entries) {
    flat.push_back(std::move(k));
    flat.push_back(std::move(v));
  }
  entries.clear();
  release_values(flat);
}

// ---- heap --------------------------------------------------------------------------------------
Heap*& current_heap() {
  thread_local Heap* heap = nullptr;
  return heap;
}

InterruptPoll& current_interrupt_poll() {
  thread_local InterruptPoll poll;
  return poll;
}

void Heap::clear_all() {
  for (auto& impl : grad_holders_.take_live()) Tensor(std::move(impl)).set_grad(Tensor());
  // Lock everything first: clearing one container may free others mid-loop.
  std::vector<ObjRef> live = tracked_.take_live();
  for (auto& o : live) o->clear_refs();
  // Destroy in reverse creation order through the trashcan.
  std::vector<Value> vals;
  vals.reserve(live.size());
  for (auto& o : live) vals.emplace_back(std::move(o));
  release_values(vals);
}

static void track(const ObjRef& o) {
  if (Heap* h = current_heap()) h->track(o);
}

// ---- constructors ------------------------------------------------------------------------------
Value make_str(std::string s) { return Value(std::make_shared<StrObj>(std::move(s))); }
Value make_list(std::vector<Value> items) {
  ObjRef o = std::make_shared<SeqObj>(ObjType::List, std::move(items));
  track(o);
  return Value(std::move(o));
}
Value make_tuple(std::vector<Value> items) { return Value(std::make_shared<SeqObj>(ObjType::Tuple, std::move(items))); }
Value make_size(const Shape& shape) {
  std::vector<Value> items;
  items.reserve(shape.size());
  for (int64_t d : shape) items.emplace_back(d);
  return Value(std::make_shared<SeqObj>(ObjType::Size, std::move(items)));
}
Value make_dict() {
  ObjRef o = std::make_shared<DictObj>();
  track(o);
  return Value(std::move(o));
}
Value make_dtype(DType d) {
  // One object per dtype, so `x.dtype is torch.int32` holds as in PyTorch.
  static const std::vector<Value> all = [] {
    std::vector<Value> v;
    for (int i = 0; i < kDTypeCount; ++i) v.emplace_back(std::make_shared<DTypeObj>(static_cast<DType>(i)));
    return v;
  }();
  return all[static_cast<size_t>(d)];
}
Value make_device(Device d) { return Value(std::make_shared<DeviceObj>(d)); }
Value make_iterator(const char* kind, std::vector<Value> items) {
  ObjRef o = std::make_shared<IteratorObj>(kind, std::move(items));
  track(o);
  return Value(std::move(o));
}
Value none_value() { return Value(); }
Value ellipsis_value() {
  static const Value e(std::make_shared<EllipsisObj>());
  return e;
}

// ---- dict --------------------------------------------------------------------------------------
namespace {
constexpr size_t kDictLinearMax = 8;
}

void DictObj::rebuild_index() {
  index_.clear();
  if (entries.size() <= kDictLinearMax) return;
  for (size_t i = 0; i < entries.size(); ++i) index_.emplace(hash_value(entries[i].first), i);
}

Value* DictObj::find(const Value& key) {
  size_t h = hash_value(key);  // also rejects unhashable keys, as Python does
  if (index_.empty()) {
    for (auto& e : entries)
      if (is_same_object(e.first, key) || values_equal(e.first, key)) return &e.second;
    return nullptr;
  }
  auto [b, en] = index_.equal_range(h);
  for (auto it = b; it != en; ++it) {
    auto& e = entries[it->second];
    if (is_same_object(e.first, key) || values_equal(e.first, key)) return &e.second;
  }
  return nullptr;
}

void DictObj::set(const Value& key, Value value) {
  if (Value* v = find(key)) {
    *v = std::move(value);
    return;
  }
  entries.emplace_back(key, std::move(value));
  if (entries.size() == kDictLinearMax + 1) rebuild_index();
  else if (!index_.empty()) index_.emplace(hash_value(key), entries.size() - 1);
}

bool DictObj::erase(const Value& key) {
  hash_value(key);
  for (size_t i = 0; i < entries.size(); ++i) {
    if (is_same_object(entries[i].first, key) || values_equal(entries[i].first, key)) {
      entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(i));
      rebuild_index();
      return true;
    }
  }
  return false;
}

int64_t RangeObj::length() const {
  if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
  if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
  return 0;
}

// ---- names and repr ----------------------------------------------------------------------------
const char* type_name(const Value& v) {
  if (v.is_none()) return "NoneType";
  if (v.is_bool()) return "bool";
  if (v.is_int()) return "int";
  if (v.is_float()) return "float";
  if (v.is_tensor()) return v.as_tensor().impl()->is_parameter ? "Parameter" : "Tensor";
  Object* o = v.obj();
  if (!o) return "NoneType";
  switch (o->type) {
    case ObjType::Str: return "str";
    case ObjType::List: return "list";
    case ObjType::Tuple: return "tuple";
    case ObjType::Size: return "Size";
    case ObjType::ReturnTypes: return static_cast<SeqObj*>(o)->struct_name;
    case ObjType::Dict: return "dict";
    case ObjType::Range: return "range";
    case ObjType::Slice: return "slice";
    case ObjType::Ellipsis: return "ellipsis";
    case ObjType::Function: return "function";
    case ObjType::Builtin: return "builtin_function_or_method";
    case ObjType::BoundMethod: return "builtin_function_or_method";
    case ObjType::Type: return "type";
    case ObjType::Module: return "module";
    case ObjType::Cell: return "cell";
    case ObjType::DType: return "dtype";
    case ObjType::Device: return "device";
    case ObjType::GradFn: return static_cast<GradFnObj*>(o)->node->name();
    case ObjType::Context: return static_cast<ContextObj*>(o)->name();
    case ObjType::Iterator: return static_cast<IteratorObj*>(o)->kind;
    case ObjType::DictView: return static_cast<DictViewObj*>(o)->kind;
    case ObjType::Exception: return static_cast<ExceptionObj*>(o)->type_name.c_str();
    case ObjType::Generator: return "generator";
    case ObjType::TorchGenerator: return "Generator";
    case ObjType::HookHandle: return "RemovableHandle";
    case ObjType::Instance: return instance_type_name(o);
    case ObjType::Method: return "method";
    case ObjType::Wrapper:
    case ObjType::Super: return instance_type_name(o);
    case ObjType::Random: return "Random";
    case ObjType::Set: return "set";
    case ObjType::FrozenSet: return "frozenset";
  }
  return "object";
}

std::string address_of(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%" PRIxPTR, reinterpret_cast<uintptr_t>(p));
  return buf;
}

namespace {

std::string str_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos, has_double = s.find('"') != std::string::npos;
  char q = has_single && !has_double ? '"' : '\'';
  std::string out(1, q);
  for (unsigned char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c == static_cast<unsigned char>(q)) {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += q;
  return out;
}

// Guards repr against self-containing and absurdly deep containers.
struct ReprGuard {
  static thread_local std::vector<const Object*> stack;
  bool recursive = false;
  const Object* o;
  explicit ReprGuard(const Object* obj) : o(obj) {
    for (const Object* s : stack)
      if (s == obj) recursive = true;
    if (!recursive) {
      if (stack.size() > 300) raise("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
      stack.push_back(obj);
    }
  }
  ~ReprGuard() {
    if (!recursive) stack.pop_back();
  }
};
thread_local std::vector<const Object*> ReprGuard::stack;

std::string join_reprs(const std::vector<Value>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    poll_interrupt();  // Note [Polling long operations]
    if (i) out += ", ";
    out += repr(items[i]);
  }
  return out;
}

std::string object_repr(const Object* o, bool as_str) {
  switch (o->type) {
    case ObjType::Str: return as_str ? static_cast<const StrObj*>(o)->s : str_repr(static_cast<const StrObj*>(o)->s);
    case ObjType::List: {
      ReprGuard g(o);
      if (g.recursive) return "[...]";
      return "[" + join_reprs(static_cast<const SeqObj*>(o)->items) + "]";
    }
    case ObjType::Tuple: {
      ReprGuard g(o);
      if (g.recursive) return "(...)";
      const auto& items = static_cast<const SeqObj*>(o)->items;
      return "(" + join_reprs(items) + (items.size() == 1 ? ",)" : ")");
    }
    case ObjType::Size: {
      Shape s;
      for (const Value& v : static_cast<const SeqObj*>(o)->items) s.push_back(v.as_int());
      return format_size(s);
    }
    case ObjType::ReturnTypes: {
      const auto* s = static_cast<const SeqObj*>(o);
      return std::string("torch.return_types.") + s->struct_name + "(\nvalues=" + repr(s->items[0]) +
             ",\nindices=" + repr(s->items[1]) + ")";
    }
    case ObjType::Dict: {
      ReprGuard g(o);
      if (g.recursive) return "{...}";
      std::string out = "{";
      bool first = true;
      for (const auto& [k, v] : static_cast<const DictObj*>(o)->entries) {
        if (!first) out += ", ";
        first = false;
        out += repr(k) + ": " + repr(v);
      }
      return out + "}";
    }
    case ObjType::Set:
    case ObjType::FrozenSet: {
      const auto* s = static_cast<const SetObj*>(o);
      const char* name = s->frozen() ? "frozenset" : "set";
      if (s->size() == 0) return std::string(name) + "()";
      ReprGuard g(o);
      if (g.recursive) return std::string(name) + "(...)";
      std::string body = "{" + join_reprs(s->items()) + "}";
      return s->frozen() ? std::string(name) + "(" + body + ")" : body;
    }
    case ObjType::Generator:
      return "<generator object " + static_cast<const GeneratorObj*>(o)->qualname + " at " + address_of(o) + ">";
    case ObjType::Range: {
      const auto* r = static_cast<const RangeObj*>(o);
      std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
      if (r->step != 1) out += ", " + std::to_string(r->step);
      return out + ")";
    }
    case ObjType::Slice: {
      const auto* s = static_cast<const SliceObj*>(o);
      return "slice(" + repr(s->start) + ", " + repr(s->stop) + ", " + repr(s->step) + ")";
    }
    case ObjType::Ellipsis: return "Ellipsis";
    case ObjType::TorchGenerator: return "<torch._C.Generator object at " + address_of(o) + ">";
    case ObjType::HookHandle: return "<torch.utils.hooks.RemovableHandle object at " + address_of(o) + ">";
    case ObjType::Cell: return "<cell at " + address_of(o) + ">";
    case ObjType::DType: return dtype_name(static_cast<const DTypeObj*>(o)->dtype);
    case ObjType::Device: {
      Device d = static_cast<const DeviceObj*>(o)->device;
      if (as_str) return d.str();
      return d.is_cuda() ? "device(type='cuda', index=" + std::to_string(d.index) + ")" : "device(type='cpu')";
    }
    case ObjType::GradFn: {
      const auto* g = static_cast<const GradFnObj*>(o);
      return std::string("<") + g->node->name() + " object at " + address_of(g->node.get()) + ">";
    }
    case ObjType::Context:
      return std::string("<torch.autograd.grad_mode.") + static_cast<const ContextObj*>(o)->name() +
             " object at " + address_of(o) + ">";
    case ObjType::Iterator: {
      const auto* it = static_cast<const IteratorObj*>(o);
      return std::string("<") + it->kind + " object at " + address_of(o) + ">";
    }
    case ObjType::DictView: {
      const auto* d = static_cast<const DictViewObj*>(o);
      ReprGuard g(o);
      if (g.recursive) return std::string(d->kind) + "(...)";
      std::string out = std::string(d->kind) + "([" + join_reprs(d->items) + "])";
      return out;
    }
    case ObjType::Exception: {
      const auto* e = static_cast<const ExceptionObj*>(o);
      if (as_str) {
        if (e->args.empty()) return "";
        if (e->args.size() == 1) return e->type_name == "KeyError" && !e->preformatted ? repr(e->args[0]) : str(e->args[0]);
        return "(" + join_reprs(e->args) + ")";
      }
      if (e->args.size() == 1) return e->type_name + "(" + repr(e->args[0]) + ")";
      return e->type_name + "(" + join_reprs(e->args) + ")";
    }
    case ObjType::Function:
    case ObjType::Builtin:
    case ObjType::BoundMethod:
    case ObjType::Type:
    case ObjType::Module:
    case ObjType::Method:
    case ObjType::Wrapper:
    case ObjType::Super: return runtime_object_repr(o);
    case ObjType::Instance: return instance_repr(const_cast<Object*>(o), as_str);
    case ObjType::Random: return "<random.Random object at " + address_of(o) + ">";
  }
  return "<object>";
}

}  // namespace

std::string repr(const Value& v) {
  if (v.is_none() || v.is_unbound()) return "None";
  if (v.is_bool()) return v.as_bool() ? "True" : "False";
  if (v.is_int()) return std::to_string(v.as_int());
  if (v.is_float()) return python_float_repr(v.as_float());
  if (v.is_tensor()) {
    const Tensor& t = v.as_tensor();
    return t.impl()->is_parameter ? "Parameter containing:\n" + tensor_repr(t) : tensor_repr(t);
  }
  return object_repr(v.obj(), false);
}

std::string str(const Value& v) {
  if (Object* o = v.obj()) return object_repr(o, true);
  return repr(v);
}

bool truthy(const Value& v) {
  if (v.is_bool()) return v.as_bool();
  if (v.is_none()) return false;
  if (v.is_int()) return v.as_int() != 0;
  if (v.is_float()) return v.as_float() != 0.0;
  if (v.is_tensor()) {
    const Tensor& t = v.as_tensor();
    int64_t n = t.numel();
    if (n == 0) raise("RuntimeError", "Boolean value of Tensor with no values is ambiguous");
    if (n > 1) raise("RuntimeError", "Boolean value of Tensor with more than one value is ambiguous");
    return t.item().value != 0.0;
  }
  Object* o = v.obj();
  switch (o->type) {
    case ObjType::Str: return !static_cast<StrObj*>(o)->s.empty();
    case ObjType::List:
    case ObjType::Tuple:
    case ObjType::Size:
    case ObjType::ReturnTypes: return !static_cast<SeqObj*>(o)->items.empty();
    case ObjType::Dict: return !static_cast<DictObj*>(o)->entries.empty();
    case ObjType::Range: return static_cast<RangeObj*>(o)->length() > 0;
    case ObjType::DictView: return !static_cast<DictViewObj*>(o)->items.empty();
    case ObjType::Set:
    case ObjType::FrozenSet: return static_cast<SetObj*>(o)->size() > 0;
    case ObjType::Instance: return instance_truthy(o);
    default: return true;
  }
}

bool is_same_object(const Value& a, const Value& b) {
  if (a.is_tensor() && b.is_tensor()) return a.as_tensor().is_same(b.as_tensor());
  if (a.is_object() && b.is_object()) return a.obj() == b.obj();
  if (a.is_none() && b.is_none()) return true;
  if (a.is_bool() && b.is_bool()) return a.as_bool() == b.as_bool();
  // Small ints and equal floats are shared objects in CPython often enough that `is` on equal
  // numbers is what a learner expects; different types are never identical.
  if (a.is_int() && b.is_int()) return a.as_int() == b.as_int();
  if (a.is_float() && b.is_float()) return a.as_float() == b.as_float();
  return false;
}

void raise_recursion_error(const char* message) { raise("RecursionError", message); }

namespace {
thread_local int eq_depth = 0;
}  // namespace

bool values_equal(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_float() || b.is_float()) return a.as_number() == b.as_number();
    return a.as_int() == b.as_int();
  }
  if (is_instance(a) || is_instance(b)) return instance_equal(a, b);
  if (a.is_none() || b.is_none()) return a.is_none() && b.is_none();
  if (a.is_tensor() || b.is_tensor()) return a.is_tensor() && b.is_tensor() && a.as_tensor().is_same(b.as_tensor());
  Object* x = a.obj();
  Object* y = b.obj();
  if (!x || !y) return false;
  if (x == y) return true;
  if (auto* s = a.as<StrObj>()) {
    auto* t = b.as<StrObj>();
    return t && s->s == t->s;
  }
  auto* sa = a.as<SeqObj>();
  auto* sb = b.as<SeqObj>();
  if (sa && sb) {
    if (sa->is_list() != sb->is_list()) return false;
    if (sa->items.size() != sb->items.size()) return false;
    NestingGuard guard(eq_depth, "maximum recursion depth exceeded in comparison");
    bool eq = true;
    for (size_t i = 0; i < sa->items.size() && eq; ++i, poll_interrupt())  // Note [Polling long operations]
      eq = is_same_object(sa->items[i], sb->items[i]) || values_equal(sa->items[i], sb->items[i]);
    return eq;
  }
  auto* da = a.as<DictObj>();
  auto* db = b.as<DictObj>();
  if (da && db) {
    if (da->entries.size() != db->entries.size()) return false;
    for (auto& [k, v] : da->entries) {
      Value* w = db->find(k);
      if (!w || !(is_same_object(v, *w) || values_equal(v, *w))) return false;
    }
    return true;
  }
  if (auto* xa = a.as<SetObj>()) {
    auto* xb = b.as<SetObj>();
    if (!xb || xa->size() != xb->size()) return false;
    for (const Value& k : xa->items())
      if (!xb->contains(k)) return false;
    return true;
  }
  if (auto* ra = a.as<RangeObj>()) {
    auto* rb = b.as<RangeObj>();
    return rb && ra->length() == rb->length() && (ra->length() == 0 || (ra->start == rb->start && (ra->length() == 1 || ra->step == rb->step)));
  }
  if (auto* dv = a.as<DeviceObj>()) {
    auto* dw = b.as<DeviceObj>();
    return dw && dv->device == dw->device;
  }
  if (auto* ga = a.as<GradFnObj>()) {
    auto* gb = b.as<GradFnObj>();
    return gb && ga->node == gb->node;
  }
  return runtime_objects_equal(x, y);
}

namespace {
thread_local int hash_depth = 0;
}

size_t hash_value(const Value& v) {
  if (v.is_none()) return 0x9e3779b9u;
  if (v.is_bool() || v.is_int()) return std::hash<int64_t>()(v.as_int());
  if (v.is_float()) {
    double d = v.as_float();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.2e18) return std::hash<int64_t>()(static_cast<int64_t>(d));
    return std::hash<double>()(d);
  }
  if (v.is_tensor()) return std::hash<const void*>()(v.as_tensor().impl());
  Object* o = v.obj();
  switch (o->type) {
    case ObjType::Str: return std::hash<std::string>()(static_cast<StrObj*>(o)->s);
    case ObjType::Tuple:
    case ObjType::Size:
    case ObjType::ReturnTypes: {
      NestingGuard guard(hash_depth, "maximum recursion depth exceeded while calling a Python object");
      size_t h = 0x345678;
      for (const Value& x : static_cast<SeqObj*>(o)->items) {
        poll_interrupt();  // Note [Polling long operations]
        h = h * 1000003 ^ hash_value(x);
      }
      return h;
    }
    case ObjType::List:
    case ObjType::Dict:
    case ObjType::DictView:
    case ObjType::Slice:
    case ObjType::Set:
      raise_type_error(std::string("unhashable type: '") + type_name(v) + "'");
    case ObjType::FrozenSet: return static_cast<size_t>(python_hash(v));
    case ObjType::Device: return std::hash<std::string>()(static_cast<DeviceObj*>(o)->device.str());
    case ObjType::Instance: return instance_hash(o);
    default: return std::hash<const void*>()(o);
  }
}

}  // namespace gradlab::script
