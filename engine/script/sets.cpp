// set and frozenset: the table, CPython's hash, the methods and the operators.
//
// Note [Set order]: a Python set iterates (and prints) in the order of its hash table's slots,
// which depends on the hashes, the table size and the history of insertions and deletions.
// Lessons print sets ({3, 1, 2} shows as {1, 2, 3}), so SetObj keeps the same open-addressing
// table CPython 3.11 keeps (setobject.c): 8 slots to start with, a probe of the slot hash & mask
// and the 9 after it, then the perturbed jump i = 5*i + 1 + perturb; growth to the smallest
// power of two above 4 × used (2 × used past 50,000 items) once 5 × fill reaches 3 × mask;
// deleted slots stay as "dummies" that a later insertion may reuse; set operations insert in
// the orders CPython's do (a | b copies a and adds b; a & b walks the smaller set; ...). The
// hashes are CPython's for ints, floats, bools and tuples of them (python_hash), so those sets
// iterate exactly as in CPython. CPython randomises str hashes per process (PYTHONHASHSEED),
// so no order of a set of strings is "the" CPython order; gradlab's is fixed.
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "engine/allocation_limit.h"
#include "engine/random/python_random.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {
constexpr size_t kMinSize = 8;
constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;  // CPython's _PyHASH_MODULUS

int64_t hash_int(int64_t i) {
  uint64_t mag = i < 0 ? uint64_t{0} - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
  int64_t h = static_cast<int64_t>(mag % kHashModulus);
  if (i < 0) h = -h;
  return h == -1 ? -2 : h;
}

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747u) ^ (h << 16)) * 3644798167u; }
}  // namespace

int64_t python_hash(const Value& v) {
  if (v.is_intlike()) return hash_int(v.as_int());
  if (v.is_float()) {
    double d = v.as_float();
    if (std::isnan(d)) return 0;
    return static_cast<int64_t>(random::python_float_hash(d));
  }
  if (auto* t = as_tuple(v); t && t->type == ObjType::Tuple) {  // CPython 3.8+'s xxHash-based tuple hash
    static thread_local int depth = 0;
    NestingGuard guard(depth, "maximum recursion depth exceeded while calling a Python object");
    constexpr uint64_t kPrime1 = 11400714785074694791ull, kPrime2 = 14029467366897019727ull, kPrime5 = 2870177450012600261ull;
    uint64_t acc = kPrime5;
    for (const Value& x : t->items) {
      poll_interrupt();  // Note [Polling long operations]
      acc += static_cast<uint64_t>(python_hash(x)) * kPrime2;
      acc = (acc << 31) | (acc >> 33);
      acc *= kPrime1;
    }
    acc += t->items.size() ^ (kPrime5 ^ 3527539ull);
    return acc == ~uint64_t{0} ? 1546275796 : static_cast<int64_t>(acc);
  }
  if (auto* s = v.as<SetObj>()) {
    if (!s->frozen()) raise_type_error("unhashable type: 'set'");
    // frozenset: order-independent, as CPython's (table slots are not visible here: the
    // empty and dummy slots' share of CPython's formula cancels for the same set of items).
    uint64_t h = 0;
    for (const Value& x : s->items()) h ^= shuffle_bits(static_cast<uint64_t>(python_hash(x)));
    h ^= (static_cast<uint64_t>(s->size()) + 1) * 1927868237u;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069u + 907133923u;
    return h == ~uint64_t{0} ? 590923713 : static_cast<int64_t>(h);
  }
  auto h = static_cast<int64_t>(hash_value(v));  // raises for unhashable values
  return h == -1 ? -2 : h;
}

// ---- the table (Note [Set order]) ----------------------------------------------------------------
SetObj::SetObj(bool frozen) : Object(frozen ? ObjType::FrozenSet : ObjType::Set), table_(kMinSize) {}
SetObj::~SetObj() {
  std::vector<Value> keys;
  for (auto& e : table_)
    if (!e.key.is_unbound()) keys.push_back(std::move(e.key));
  release_values(keys);
}
void SetObj::clear_refs() { clear(); }

long SetObj::lookup(const Value& key, int64_t hash) const {
  size_t mask = table_.size() - 1, i = static_cast<size_t>(hash) & mask;
  uint64_t perturb = static_cast<uint64_t>(hash);  // 64 bits as CPython's size_t, in wasm32 too
  while (true) {
    size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (size_t j = i; j <= i + probes; ++j) {
      const Entry& e = table_[j];
      if (e.key.is_unbound() && e.hash == 0) return -1;
      if (e.hash == hash && !e.key.is_unbound() && (is_same_object(e.key, key) || values_equal(e.key, key)))
        return static_cast<long>(j);
    }
    perturb >>= kPerturbShift;
    i = static_cast<size_t>((i * 5 + 1 + perturb) & mask);
  }
}

bool SetObj::contains(const Value& key) const { return lookup(key, python_hash(key)) >= 0; }

bool SetObj::add(const Value& key) {
  int64_t hash = python_hash(key);
  size_t mask = table_.size() - 1, i = static_cast<size_t>(hash) & mask;
  uint64_t perturb = static_cast<uint64_t>(hash);  // 64 bits as CPython's size_t, in wasm32 too
  long freeslot = -1;
  while (true) {
    size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (size_t j = i; j <= i + probes; ++j) {
      Entry& e = table_[j];
      if (e.key.is_unbound() && e.hash == 0) {
        if (freeslot >= 0) {  // reuse the first deleted slot on the way
          table_[static_cast<size_t>(freeslot)] = Entry{key, hash};
          ++used_;
          return true;
        }
        e = Entry{key, hash};
        ++fill_;
        ++used_;
        if (fill_ * 5 >= mask * 3) resize(used_ > 50000 ? used_ * 2 : used_ * 4);
        return true;
      }
      if (e.key.is_unbound()) {
        if (freeslot < 0) freeslot = static_cast<long>(j);
      } else if (e.hash == hash && (is_same_object(e.key, key) || values_equal(e.key, key))) {
        return false;
      }
    }
    perturb >>= kPerturbShift;
    i = static_cast<size_t>((i * 5 + 1 + perturb) & mask);
  }
}

// Into a table without deleted slots or equal keys: the first free slot on the probe path.
void SetObj::insert_new(Value key, int64_t hash) {
  size_t mask = table_.size() - 1, i = static_cast<size_t>(hash) & mask;
  uint64_t perturb = static_cast<uint64_t>(hash);  // 64 bits as CPython's size_t, in wasm32 too
  while (true) {
    size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (size_t j = i; j <= i + probes; ++j)
      if (table_[j].key.is_unbound()) {
        table_[j] = Entry{std::move(key), hash};
        ++fill_;
        ++used_;
        return;
      }
    perturb >>= kPerturbShift;
    i = static_cast<size_t>((i * 5 + 1 + perturb) & mask);
  }
}

void SetObj::resize(size_t min_used) {
  size_t size = kMinSize;
  while (size <= min_used) size <<= 1;
  check_allocation(size, sizeof(Entry));
  std::vector<Entry> old(size);
  old.swap(table_);
  fill_ = used_ = 0;
  for (auto& e : old)
    if (!e.key.is_unbound()) insert_new(std::move(e.key), e.hash);
}

bool SetObj::discard(const Value& key) {
  long i = lookup(key, python_hash(key));
  if (i < 0) return false;
  Entry& e = table_[static_cast<size_t>(i)];
  Value old = std::move(e.key);
  e.key = Value::unbound();
  e.hash = -1;
  --used_;
  return true;
}

Value SetObj::pop() {
  if (used_ == 0) raise_key_error(make_str("pop from an empty set"));
  size_t i = finger_ & (table_.size() - 1);
  while (table_[i].key.is_unbound()) i = (i + 1) & (table_.size() - 1);
  Value key = std::move(table_[i].key);
  table_[i].key = Value::unbound();
  table_[i].hash = -1;
  --used_;
  finger_ = i + 1;
  return key;
}

void SetObj::clear() {
  std::vector<Entry> old(kMinSize);
  old.swap(table_);
  fill_ = used_ = 0;
  std::vector<Value> keys;
  for (auto& e : old)
    if (!e.key.is_unbound()) keys.push_back(std::move(e.key));
  release_values(keys);
}

std::vector<Value> SetObj::items() const {
  std::vector<Value> out;
  out.reserve(used_);
  for (const auto& e : table_)
    if (!e.key.is_unbound()) out.push_back(e.key);
  return out;
}

void SetObj::merge(const SetObj& other) {
  if (&other == this || other.used_ == 0) return;
  if ((fill_ + other.used_) * 5 >= (table_.size() - 1) * 3) resize((used_ + other.used_) * 2);
  if (fill_ == 0 && table_.size() == other.table_.size() && other.fill_ == other.used_) {
    table_ = other.table_;  // same size, no deleted slots: CPython copies the table as it is
    fill_ = other.fill_;
    used_ = other.used_;
    return;
  }
  if (fill_ == 0) {
    for (const auto& e : other.table_)
      if (!e.key.is_unbound()) insert_new(e.key, e.hash);
    return;
  }
  for (const Value& k : other.items()) add(k);
}

void SetObj::swap_table(SetObj& other) {
  table_.swap(other.table_);
  std::swap(fill_, other.fill_);
  std::swap(used_, other.used_);
}

void SetObj::reserve_for(size_t incoming) {
  if ((fill_ + incoming) * 5 >= (table_.size() - 1) * 3) resize((used_ + incoming) * 2);
}

// Sets join the Heap: `s.add(obj)` with `obj.s = s` is a cycle through an instance.
Value make_set(const std::vector<Value>& items, bool frozen) {
  ObjRef o = std::make_shared<SetObj>(frozen);
  if (Heap* heap = current_heap()) heap->track(o);
  for (const Value& v : items) static_cast<SetObj*>(o.get())->add(v);
  return Value(std::move(o));
}

namespace {

SetObj& S(const Value& v) { return *v.as<SetObj>(); }

Value new_set(bool frozen) { return make_set({}, frozen); }

// set.update(other) / set(iterable): sets and dicts first make room, as in CPython.
void update(Interp& in, SetObj& s, const Value& other) {
  if (auto* o = other.as<SetObj>()) return s.merge(*o);
  if (auto* d = other.as<DictObj>()) {
    s.reserve_for(d->entries.size());
    for (auto& e : d->entries) s.add(e.first);
    return;
  }
  Iter it(in, other);
  Value x;
  while (it.next(x)) s.add(x);
}

Value copy_of(const SetObj& s, bool frozen) {
  Value r = new_set(frozen);
  S(r).merge(s);
  return r;
}

// A set of other's items, unless it already is one.
Value as_set(Interp& in, const Value& other) {
  if (other.as<SetObj>()) return other;
  Value r = new_set(false);
  update(in, S(r), other);
  return r;
}

Value intersection(Interp& in, const Value& self, const Value& other) {
  SetObj& so = S(self);
  if (self.obj() == other.obj()) return copy_of(so, so.frozen());
  Value result = new_set(so.frozen());
  if (auto* o = other.as<SetObj>()) {
    const SetObj *big = &so, *small = o;
    if (o->size() > so.size()) std::swap(big, small);
    for (const Value& k : small->items())
      if (big->contains(k)) S(result).add(k);
    return result;
  }
  Iter it(in, other);
  Value x;
  while (it.next(x))
    if (so.contains(x)) S(result).add(x);
  return result;
}

Value difference(Interp& in, const Value& self, const Value& other) {
  SetObj& so = S(self);
  size_t other_size = 0;
  bool sized = false;
  if (auto* o = other.as<SetObj>()) other_size = o->size(), sized = true;
  else if (auto* d = other.as<DictObj>()) other_size = d->entries.size(), sized = true;
  if (!sized || (so.size() >> 2) > other_size) {  // copy, then remove other's items
    Value result = copy_of(so, so.frozen());
    Iter it(in, other);
    Value x;
    while (it.next(x)) S(result).discard(x);
    return result;
  }
  Value result = new_set(so.frozen());
  auto* os = other.as<SetObj>();
  auto* od = other.as<DictObj>();
  for (const Value& k : so.items())
    if (!(os ? os->contains(k) : od->find(k) != nullptr)) S(result).add(k);
  return result;
}

// other's items as a set, then each of self's removed if there, else added.
Value symmetric_difference(Interp& in, const Value& self, const Value& other) {
  Value result = new_set(S(self).frozen());
  update(in, S(result), other);
  for (const Value& k : S(self).items())
    if (!S(result).discard(k)) S(result).add(k);
  return result;
}

bool is_subset(const SetObj& a, const SetObj& b) {
  if (a.size() > b.size()) return false;
  for (const Value& k : a.items())
    if (!b.contains(k)) return false;
  return true;
}

// ---- methods ----
Value m_add(Interp&, const Value& self, CallArgs& a) {
  Args args("add", a, {"object"}, 1, ArgStyle::Python);
  S(self).add(*args.get(0));
  return Value();
}
Value m_remove(Interp&, const Value& self, CallArgs& a) {
  Args args("remove", a, {"object"}, 1, ArgStyle::Python);
  if (!S(self).discard(*args.get(0))) raise_key_error(*args.get(0));
  return Value();
}
Value m_discard(Interp&, const Value& self, CallArgs& a) {
  Args args("discard", a, {"object"}, 1, ArgStyle::Python);
  S(self).discard(*args.get(0));
  return Value();
}
Value m_pop(Interp&, const Value& self, CallArgs& a) {
  Args args("pop", a, {}, 0, ArgStyle::Python);
  return S(self).pop();
}
Value m_clear(Interp&, const Value& self, CallArgs& a) {
  Args args("clear", a, {}, 0, ArgStyle::Python);
  S(self).clear();
  return Value();
}
Value m_copy(Interp&, const Value& self, CallArgs& a) {
  Args args("copy", a, {}, 0, ArgStyle::Python);
  if (S(self).frozen()) return self;
  return copy_of(S(self), false);
}
void no_keywords(const char* name, CallArgs& a) {
  if (a.nkw) raise_type_error(std::string("set.") + name + "() takes no keyword arguments");
}
Value m_update(Interp& in, const Value& self, CallArgs& a) {
  no_keywords("update", a);
  for (size_t i = 0; i < a.npos; ++i) update(in, S(self), a.pos[i]);
  return Value();
}
Value m_union(Interp& in, const Value& self, CallArgs& a) {
  no_keywords("union", a);
  Value r = copy_of(S(self), S(self).frozen());
  for (size_t i = 0; i < a.npos; ++i) update(in, S(r), a.pos[i]);
  return r;
}
Value m_intersection(Interp& in, const Value& self, CallArgs& a) {
  no_keywords("intersection", a);
  if (a.npos == 0) return copy_of(S(self), S(self).frozen());
  Value r = self;
  for (size_t i = 0; i < a.npos; ++i) r = intersection(in, r, a.pos[i]);
  return r;
}
Value m_difference(Interp& in, const Value& self, CallArgs& a) {
  no_keywords("difference", a);
  if (a.npos == 0) return copy_of(S(self), S(self).frozen());
  Value r = difference(in, self, a.pos[0]);
  for (size_t i = 1; i < a.npos; ++i) {
    Iter it(in, a.pos[i]);
    Value x;
    while (it.next(x)) S(r).discard(x);
  }
  return r;
}
Value m_symmetric_difference(Interp& in, const Value& self, CallArgs& a) {
  Args args("symmetric_difference", a, {"other"}, 1, ArgStyle::Python);
  return symmetric_difference(in, self, *args.get(0));
}
// intersection_update / &=: the set takes over the table of the intersection.
void assign_contents(const Value& self, Value result) {
  if (self.obj() == result.obj()) return;
  S(self).swap_table(S(result));
}
Value m_intersection_update(Interp& in, const Value& self, CallArgs& a) {
  assign_contents(self, m_intersection(in, self, a));
  return Value();
}
void symmetric_difference_update(const Value& self, const SetObj& other) {
  for (const Value& k : other.items())
    if (!S(self).discard(k)) S(self).add(k);
}
Value m_difference_update(Interp& in, const Value& self, CallArgs& a) {
  no_keywords("difference_update", a);
  for (size_t i = 0; i < a.npos; ++i) {
    if (a.pos[i].obj() == self.obj()) {
      S(self).clear();
      continue;
    }
    Iter it(in, a.pos[i]);
    Value x;
    while (it.next(x)) S(self).discard(x);
  }
  return Value();
}
Value m_symmetric_difference_update(Interp& in, const Value& self, CallArgs& a) {
  Args args("symmetric_difference_update", a, {"other"}, 1, ArgStyle::Python);
  if (args.get(0)->obj() == self.obj()) {
    S(self).clear();
    return Value();
  }
  symmetric_difference_update(self, S(as_set(in, *args.get(0))));
  return Value();
}
Value m_issubset(Interp& in, const Value& self, CallArgs& a) {
  Args args("issubset", a, {"other"}, 1, ArgStyle::Python);
  return Value(is_subset(S(self), S(as_set(in, *args.get(0)))));
}
Value m_issuperset(Interp& in, const Value& self, CallArgs& a) {
  Args args("issuperset", a, {"other"}, 1, ArgStyle::Python);
  return Value(is_subset(S(as_set(in, *args.get(0))), S(self)));
}
Value m_isdisjoint(Interp& in, const Value& self, CallArgs& a) {
  Args args("isdisjoint", a, {"other"}, 1, ArgStyle::Python);
  Iter it(in, *args.get(0));
  Value x;
  while (it.next(x))
    if (S(self).contains(x)) return Value(false);
  return Value(true);
}

using Table = std::unordered_map<std::string, MethodFn>;
const Table& frozenset_table() {
  static const Table t = {
      {"copy", m_copy}, {"union", m_union}, {"intersection", m_intersection}, {"difference", m_difference},
      {"symmetric_difference", m_symmetric_difference}, {"issubset", m_issubset}, {"issuperset", m_issuperset},
      {"isdisjoint", m_isdisjoint},
  };
  return t;
}
const Table& set_table() {
  static const Table t = [] {
    Table t = frozenset_table();
    t.insert({{"add", m_add}, {"remove", m_remove}, {"discard", m_discard}, {"pop", m_pop}, {"clear", m_clear},
              {"update", m_update}, {"intersection_update", m_intersection_update},
              {"difference_update", m_difference_update}, {"symmetric_difference_update", m_symmetric_difference_update}});
    return t;
  }();
  return t;
}

}  // namespace

MethodFn find_set_method(bool frozen, const std::string& name) {
  const Table& t = frozen ? frozenset_table() : set_table();
  auto it = t.find(name);
  return it == t.end() ? nullptr : it->second;
}

// a | b, a & b, a - b, a ^ b on two sets (the result has a's type); unbound when not sets.
Value set_binary_op(BinOpKind op, const Value& a, const Value& b, bool augmented) {
  auto* sa = a.as<SetObj>();
  if (!sa || !b.as<SetObj>()) return Value::unbound();
  Interp& in = *current_interp();
  if (augmented && !sa->frozen()) {  // s |= t and friends change s itself, as CPython's in-place methods do
    switch (op) {
      case BinOpKind::BitOr: sa->merge(S(b)); return a;
      case BinOpKind::BitAnd: assign_contents(a, intersection(in, a, b)); return a;
      case BinOpKind::Sub:
        if (a.obj() == b.obj()) sa->clear();
        for (const Value& k : S(b).items()) sa->discard(k);
        return a;
      case BinOpKind::BitXor:
        if (a.obj() == b.obj()) sa->clear();
        else symmetric_difference_update(a, S(b));
        return a;
      default: return Value::unbound();
    }
  }
  Value r;
  switch (op) {
    case BinOpKind::BitOr:
      r = copy_of(*sa, sa->frozen());
      S(r).merge(S(b));
      break;
    case BinOpKind::BitAnd: r = intersection(in, a, b); break;
    case BinOpKind::Sub: r = difference(in, a, b); break;
    case BinOpKind::BitXor: r = symmetric_difference(in, a, b); break;
    default: return Value::unbound();
  }
  return r;
}

// ==, !=, <, <=, >, >= between two sets (subset order); false in *handled when not two sets.
bool set_compare(CmpKind op, const Value& a, const Value& b, bool* handled) {
  auto* sa = a.as<SetObj>();
  auto* sb = b.as<SetObj>();
  *handled = sa && sb;
  if (!*handled) return false;
  switch (op) {
    case CmpKind::Eq: return sa->size() == sb->size() && is_subset(*sa, *sb);
    case CmpKind::NotEq: return !(sa->size() == sb->size() && is_subset(*sa, *sb));
    case CmpKind::LtE: return is_subset(*sa, *sb);
    case CmpKind::Lt: return sa->size() < sb->size() && is_subset(*sa, *sb);
    case CmpKind::GtE: return is_subset(*sb, *sa);
    case CmpKind::Gt: return sb->size() < sa->size() && is_subset(*sb, *sa);
    default: *handled = false; return false;
  }
}

Value set_constructor(Interp& in, CallArgs& a, bool frozen) {
  const char* name = frozen ? "frozenset" : "set";
  if (a.nkw) raise_type_error(std::string(name) + "() takes no keyword arguments");
  if (a.npos > 1) raise_type_error(std::string(name) + " expected at most 1 argument, got " + std::to_string(a.npos));
  if (frozen && a.npos == 1 && a.pos[0].as<SetObj>() && a.pos[0].as<SetObj>()->frozen()) return a.pos[0];
  Value r = new_set(frozen);
  if (a.npos == 1) update(in, S(r), a.pos[0]);
  return r;
}

}  // namespace gradlab::script
