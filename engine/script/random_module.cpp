// Python's `random` module and `random.Random` instances, with CPython 3.11's exact sequences.
//
// The generator core (seeding keys, random(), getrandbits, _randbelow, state) is
// engine/random/python_random.h; this file is Lib/random.py over it: seed() with its str/float
// rules, randrange/randint, choice/choices/shuffle/sample, the real-valued distributions and
// getstate/setstate. Each method draws from the generator in the same order as Lib/random.py, so
// the same seed gives the same numbers. Arithmetic on the caller's values (uniform's a + (b-a)*r,
// gauss's mu + z*sigma) goes through the interpreter's operators, so mixed int/float arguments
// and bad types behave, and fail, as in Python.
//
// The module-level functions are methods bound to one hidden instance seeded from entropy at
// import, as in CPython. Arguments are bound like a Python method's, so errors read
// "Random.randint() missing 1 required positional argument: 'b'". gradlab's ints are 64-bit:
// getrandbits(k) for k > 63 raises OverflowError rather than returning a wrong number.
//
// Exactness: random(), getrandbits, the integer and sequence functions, uniform and triangular
// match CPython bit for bit in every build. The distributions call log/exp/sin/cos as glibc
// computes them (engine/util/glibc_math, Note [glibc's libm]), so gauss, normalvariate,
// expovariate, lognormvariate, ... match CPython on Linux in the wasm build too; vonmisesvariate's
// acos is the C library's (musl in wasm: its last bit may differ there).
#include <chrono>
#include <cmath>
#include <random>
#include <unordered_set>

#include "engine/random/python_random.h"
#include "engine/script/runtime.h"
#include "engine/util/glibc_math.h"

namespace gradlab::script {

namespace {

using gradlab::random::PythonRandom;

struct RandomObj : Object {
  RandomObj() : Object(ObjType::Random) {}
  static bool matches(const Object& o) { return o.type == ObjType::Random; }
  void clear_refs() override { gauss_next = Value(); }
  PythonRandom gen;
  Value gauss_next;  // the second value of gauss()'s last pair, or None
};

RandomObj& R(const Value& self) { return *self.as<RandomObj>(); }

// ---- Python-style argument binding ----------------------------------------------------------
// A method `Random.<name>(self, pos..., *, kwonly...)`; the first `required` positional
// parameters have no default. Errors count `self`, as CPython's do.
struct Signature {
  const char* name;  // "Random.randint"
  std::vector<const char*> pos;
  size_t required;
  std::vector<const char*> kwonly = {};
};

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

// Bound arguments: get(i) is null for a parameter not passed (positional ones first, then kwonly).
class Bound {
 public:
  Bound(const Signature& sig, CallArgs& call) {
    const size_t npos = sig.pos.size(), total = npos + sig.kwonly.size();
    slots_.assign(total, nullptr);
    for (size_t p = 0; p < call.npos && p < npos; ++p) slots_[p] = &call.pos[p];
    size_t kwonly_given = 0;
    for (size_t k = 0; k < call.nkw; ++k) {
      const std::string& kn = call.kw_names[k];
      size_t j = 0;
      while (j < total && kn != (j < npos ? sig.pos[j] : sig.kwonly[j - npos])) ++j;
      if (j == total) raise_type_error(std::string(sig.name) + "() got an unexpected keyword argument '" + kn + "'");
      if (slots_[j]) raise_type_error(std::string(sig.name) + "() got multiple values for argument '" + kn + "'");
      slots_[j] = &call.kw[k];
      if (j >= npos) ++kwonly_given;
    }
    if (call.npos > npos) {
      const size_t most = npos + 1, given = call.npos + 1;
      std::string takes = sig.required < npos ? "from " + std::to_string(sig.required + 1) + " to " + std::to_string(most)
                                              : std::to_string(most);
      bool plural = sig.required < npos || most != 1;
      std::string also;
      if (kwonly_given)
        also = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " + std::to_string(kwonly_given) +
               " keyword-only argument" + (kwonly_given != 1 ? "s" : "") + ")";
      raise_type_error(std::string(sig.name) + "() takes " + takes + " positional argument" + (plural ? "s" : "") + " but " +
                       std::to_string(given) + also + (given == 1 && !kwonly_given ? " was" : " were") + " given");
    }
    std::vector<std::string> missing;
    for (size_t j = 0; j < sig.required; ++j)
      if (!slots_[j]) missing.push_back(sig.pos[j]);
    if (!missing.empty())
      raise_type_error(std::string(sig.name) + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                       (missing.size() == 1 ? "" : "s") + ": " + quoted_list(missing));
  }
  const Value* get(size_t i) const { return slots_[i]; }
  // The argument, or `dflt` when it was not passed.
  Value or_(size_t i, Value dflt) const { return slots_[i] ? *slots_[i] : std::move(dflt); }

 private:
  std::vector<const Value*> slots_;
};

// CPython's METH_NOARGS / METH_O checks for the C-level methods random() and getrandbits().
void no_args(const char* name, const CallArgs& a) {
  if (a.nkw) raise_type_error(std::string(name) + "() takes no keyword arguments");
  if (a.npos) raise_type_error(std::string(name) + "() takes no arguments (" + std::to_string(a.npos) + " given)");
}

// ---- small Python helpers ---------------------------------------------------------------------
Value py_len(Interp& in, const Value& v) { return in.call0(in.builtins_.at("len"), {v}); }
int64_t len_of(Interp& in, const Value& v) { return py_len(in, v).as_int(); }
Value op(BinOpKind k, const Value& a, const Value& b) { return binary_op(k, a, b); }
bool is_none(const Value* v) { return !v || v->is_none(); }

// math.* on a number, with math's messages.
double real(const Value& v) {
  if (v.is_number()) return v.as_number();
  if (v.is_tensor() && v.as_tensor().numel() == 1) return v.as_tensor().item().value;
  raise_type_error(std::string("must be real number, not ") + type_name(v));
}
double math_sqrt(double x) {
  if (x < 0) raise_value_error("math domain error");
  return std::sqrt(x);
}
double math_log(double x) {
  if (x <= 0) raise_value_error("math domain error");  // log(nan) is nan
  return glibc_log(x);
}
double math_exp(double x) {
  double r = glibc_exp(x);
  if (std::isinf(r) && std::isfinite(x)) raise("OverflowError", "math range error");
  return r;
}
// float ** float for a non-negative base, as Python's float_pow.
double float_pow(double base, double exponent) {
  if (base == 0.0 && exponent < 0.0) raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
  return std::pow(base, exponent);
}
// Python's floor division for an __int128 (C++ truncates).
__int128 floor_div(__int128 a, __int128 b) {
  __int128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
std::string int128_str(__int128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  std::string s;
  while (u) {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  return neg ? "-" + s : s;
}
Value int_value(__int128 v) { return Value(static_cast<int64_t>(v)); }  // callers keep v in range

// bisect.bisect_right(a, x, 0, hi)
size_t bisect_right(const std::vector<Value>& a, const Value& x, size_t hi) {
  size_t lo = 0;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (less_than(x, a[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// itertools.accumulate(values)
std::vector<Value> accumulate(Interp& in, const Value& iterable) {
  std::vector<Value> out = to_vector(in, iterable);
  for (size_t i = 1; i < out.size(); ++i) out[i] = op(BinOpKind::Add, out[i - 1], out[i]);
  return out;
}

// ---- seeding ----------------------------------------------------------------------------------
void seed_from_entropy(PythonRandom& g) {
  std::vector<uint32_t> key(gradlab::random::Mt19937::kN);
  try {
    std::random_device rd;
    for (auto& w : key) w = rd();
  } catch (...) {  // no entropy source: time and an address, as CPython's fallback uses time and pid
    uint64_t t = static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
    uint64_t s = static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    key = {static_cast<uint32_t>(t), static_cast<uint32_t>(t >> 32), static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&g)),
           static_cast<uint32_t>(s), static_cast<uint32_t>(s >> 32)};
  }
  g.seed_key(key);
}

// Code points of a UTF-8 string (gradlab's str).
std::vector<uint32_t> code_points(const std::string& s) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    uint32_t cp = extra ? c & (0x3F >> extra) : c;
    for (int k = 1; k <= extra && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(extra) + 1;
  }
  return out;
}

// Random.seed(a, version): Lib/random.py's str handling, then _random.Random.seed's rules for
// ints (absolute value) and other hashables (hash as unsigned).
void seed_with(RandomObj& r, const Value& a, const Value& version) {
  PythonRandom& g = r.gen;
  const std::string* s = as_str(a);
  if (s && values_equal(version, Value(int64_t{1}))) {
    std::vector<uint32_t> cps = code_points(*s);
    uint64_t x = cps.empty() ? 0 : uint64_t{cps[0]} << 7;
    for (uint32_t c : cps) x = (1000003 * x) ^ c;
    x ^= cps.size();
    g.seed_uint(x);
  } else if (s && values_equal(version, Value(int64_t{2}))) {
    g.seed_text(*s);
  } else if (a.is_none() || s) {
    // A str with another version is seeded from hash(str), which CPython randomises per process.
    seed_from_entropy(g);
  } else if (a.is_intlike()) {
    int64_t n = a.as_int();
    g.seed_uint(n < 0 ? uint64_t{0} - static_cast<uint64_t>(n) : static_cast<uint64_t>(n));
  } else if (a.is_float()) {
    if (std::isnan(a.as_float())) seed_from_entropy(g);  // hash(nan) is the object's identity
    else g.seed_uint(gradlab::random::python_float_hash(a.as_float()));
  } else {
    raise_type_error("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
  }
  r.gauss_next = Value();
}

// ---- integers ---------------------------------------------------------------------------------
// randrange's argument conversion: an int as is; else int(v), which must equal v.
__int128 range_arg(Interp& in, const Value& v, const char* what, bool warn) {
  if (v.is_intlike()) return v.as_int();
  Value i = in.call0(in.builtins_.at("int"), {v});
  if (!values_equal(i, v)) {
    if (warn) in.warn("DeprecationWarning", "randrange() will raise TypeError in the future");
    raise_value_error(std::string("non-integer ") + what + " for randrange()");
  }
  if (warn)
    in.warn("DeprecationWarning",
            "non-integer arguments to randrange() have been deprecated since Python 3.10 and will be removed in a subsequent version");
  return i.as_int();
}

// Random.randrange(start, stop, step). `direct` is false when randint called it: its warnings
// then belong to random.py, where Python's default filters hide them.
Value randrange(Interp& in, RandomObj& r, const Value& start, const Value* stop, const Value* step, bool direct,
                const __int128* int_stop = nullptr) {
  __int128 istart = range_arg(in, start, "arg 1", direct);
  if (!int_stop && is_none(stop)) {
    bool step_is_one = !step || (step->is_int() && step->as_int() == 1);  // `step is _ONE`
    if (!step_is_one) raise_type_error("Missing a non-None stop argument");
    if (istart > 0) return int_value(r.gen.randbelow(static_cast<PythonRandom::Wide>(istart)));
    raise_value_error("empty range for randrange()");
  }
  __int128 istop = int_stop ? *int_stop : range_arg(in, *stop, "stop", direct);
  __int128 width = istop - istart;
  __int128 istep = step ? range_arg(in, *step, "step", direct) : 1;
  if (istep == 1) {
    if (width > 0) return int_value(istart + static_cast<__int128>(r.gen.randbelow(static_cast<PythonRandom::Wide>(width))));
    raise_value_error("empty range for randrange() (" + int128_str(istart) + ", " + int128_str(istop) + ", " + int128_str(width) + ")");
  }
  __int128 n;
  if (istep > 0) n = floor_div(width + istep - 1, istep);
  else if (istep < 0) n = floor_div(width + istep + 1, istep);
  else raise_value_error("zero step for randrange()");
  if (n <= 0) raise_value_error("empty range for randrange()");
  return int_value(istart + istep * static_cast<__int128>(r.gen.randbelow(static_cast<PythonRandom::Wide>(n))));
}

Value m_randrange(Interp& in, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.randrange", {"start", "stop", "step"}, 1};
  Bound b(sig, a);
  return randrange(in, R(self), *b.get(0), b.get(1), b.get(2), true);
}

Value m_randint(Interp& in, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.randint", {"a", "b"}, 2};
  Bound b(sig, a);
  const Value& hi = *b.get(1);
  if (hi.is_intlike()) {
    __int128 stop = static_cast<__int128>(hi.as_int()) + 1;
    return randrange(in, R(self), *b.get(0), nullptr, nullptr, false, &stop);
  }
  Value stop = op(BinOpKind::Add, hi, Value(int64_t{1}));
  return randrange(in, R(self), *b.get(0), &stop, nullptr, false);
}

Value m_getrandbits(Interp&, const Value& self, CallArgs& a) {
  if (a.nkw) raise_type_error("Random.getrandbits() takes no keyword arguments");
  if (a.npos != 1) raise_type_error("Random.getrandbits() takes exactly one argument (" + std::to_string(a.npos) + " given)");
  const Value& k = a.pos[0];
  if (!k.is_intlike()) raise_type_error(std::string("'") + type_name(k) + "' object cannot be interpreted as an integer");
  int64_t bits = k.as_int();
  if (bits < 0) raise_value_error("number of bits must be non-negative");
  if (bits > 63)
    raise("OverflowError", "getrandbits(" + std::to_string(bits) + ") would need an int wider than gradlab's 64-bit ints");
  return Value(static_cast<int64_t>(R(self).gen.getrandbits(static_cast<int>(bits))));
}

Value m_random(Interp&, const Value& self, CallArgs& a) {
  no_args("Random.random", a);
  return Value(R(self).gen.random());
}

// ---- sequences ----------------------------------------------------------------------------------
Value m_choice(Interp& in, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.choice", {"seq"}, 1};
  Bound b(sig, a);
  const Value& seq = *b.get(0);
  int64_t n = len_of(in, seq);
  if (n == 0) raise_index_error("Cannot choose from an empty sequence");
  return get_item(in, seq, Value(static_cast<int64_t>(R(self).gen.randbelow(static_cast<uint64_t>(n)))));
}

Value m_shuffle(Interp& in, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.shuffle", {"x"}, 1};
  Bound b(sig, a);
  const Value& x = *b.get(0);
  int64_t n = len_of(in, x);
  PythonRandom& g = R(self).gen;
  for (int64_t i = n - 1; i >= 1; --i) {
    poll_interrupt();  // Note [Polling long operations]
    int64_t j = static_cast<int64_t>(g.randbelow(static_cast<uint64_t>(i + 1)));
    if (SeqObj* list = as_list(x); list && static_cast<int64_t>(list->items.size()) == n) {
      std::swap(list->items[static_cast<size_t>(i)], list->items[static_cast<size_t>(j)]);
      continue;
    }
    // x[i], x[j] = x[j], x[i]: both reads happen before either write.
    Value xj = get_item(in, x, Value(j)), xi = get_item(in, x, Value(i));
    set_item(in, x, Value(i), xj);
    set_item(in, x, Value(j), xi);
  }
  return Value();
}

bool is_sequence(const Value& v) {
  Object* o = v.obj();
  if (!o) return false;
  switch (o->type) {
    case ObjType::Str:
    case ObjType::List:
    case ObjType::Tuple:
    case ObjType::Size:
    case ObjType::ReturnTypes:
    case ObjType::Range: return true;
    default: return false;
  }
}

Value sample(Interp& in, RandomObj& r, const Value& population, const Value& k, const Value* counts) {
  if (!is_sequence(population)) raise_type_error("Population must be a sequence.  For dicts or sets, use sorted(d).");
  int64_t n = len_of(in, population);
  if (!is_none(counts)) {
    std::vector<Value> cum = accumulate(in, *counts);
    if (static_cast<int64_t>(cum.size()) != n) raise_value_error("The number of counts does not match the population");
    if (cum.empty()) raise_index_error("pop from empty list");
    Value total = cum.back();
    cum.pop_back();
    if (!total.is_intlike()) raise_type_error("Counts must be integers");
    if (total.as_int() <= 0) raise_value_error("Total of counts must be greater than zero");
    Value picks = sample(in, r, Value(std::make_shared<RangeObj>(0, total.as_int(), 1)), k, nullptr);
    std::vector<Value> out;
    for (const Value& s : as_list(picks)->items) out.push_back(get_item(in, population, Value(static_cast<int64_t>(bisect_right(cum, s, cum.size())))));
    return make_list(std::move(out));
  }
  const Value zero(int64_t{0}), size(n);
  if (!(compare_op(CmpKind::LtE, zero, k, false) && compare_op(CmpKind::LtE, k, size, false)))
    raise_value_error("Sample larger than population or is negative");
  if (!k.is_intlike()) raise_type_error(std::string("can't multiply sequence by non-int of type '") + type_name(k) + "'");
  const int64_t count = k.as_int();
  // Lib/random.py picks a pool list when it is smaller than a set of the selections would be.
  __int128 setsize = 21;
  if (count > 5) {
    double e = std::ceil(glibc_log(static_cast<double>(static_cast<__int128>(count) * 3)) / glibc_log(4.0));
    setsize += e >= 62 ? (__int128{1} << 124) : (__int128{1} << (2 * static_cast<int>(e)));
  }
  std::vector<Value> result;
  result.reserve(static_cast<size_t>(count));
  PythonRandom& g = r.gen;
  if (n <= setsize) {
    std::vector<Value> pool = to_vector(in, population);
    for (int64_t i = 0; i < count; ++i) {
      poll_interrupt();
      size_t j = static_cast<size_t>(g.randbelow(static_cast<uint64_t>(n - i)));
      result.push_back(pool[j]);
      pool[j] = pool[static_cast<size_t>(n - i - 1)];
    }
  } else {
    std::unordered_set<uint64_t> selected;
    for (int64_t i = 0; i < count; ++i) {
      poll_interrupt();
      auto j = static_cast<uint64_t>(g.randbelow(static_cast<uint64_t>(n)));
      while (selected.count(j)) j = static_cast<uint64_t>(g.randbelow(static_cast<uint64_t>(n)));
      selected.insert(j);
      result.push_back(get_item(in, population, Value(static_cast<int64_t>(j))));
    }
  }
  return make_list(std::move(result));
}

Value m_sample(Interp& in, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.sample", {"population", "k"}, 2, {"counts"}};
  Bound b(sig, a);
  return sample(in, R(self), *b.get(0), *b.get(1), b.get(2));
}

Value m_choices(Interp& in, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.choices", {"population", "weights"}, 1, {"cum_weights", "k"}};
  Bound b(sig, a);
  const Value& population = *b.get(0);
  const Value* weights = b.get(1);
  const Value* cum_arg = b.get(2);
  PythonRandom& g = R(self).gen;
  int64_t n = len_of(in, population);
  auto repeat_count = [&]() -> int64_t {
    const Value* k = b.get(3);
    if (!k) return 1;
    if (!k->is_intlike()) raise_type_error(std::string("'") + type_name(*k) + "' object cannot be interpreted as an integer");
    return k->as_int() < 0 ? 0 : k->as_int();
  };
  std::vector<Value> cum;
  if (is_none(cum_arg)) {
    if (is_none(weights)) {
      int64_t k = repeat_count();
      const double size = static_cast<double>(n);
      std::vector<Value> out;
      for (int64_t i = 0; i < k; ++i, poll_interrupt()) out.push_back(get_item(in, population, Value(static_cast<int64_t>(std::floor(g.random() * size)))));
      return make_list(std::move(out));
    }
    if (weights->is_intlike())
      raise_type_error("The number of choices must be a keyword argument: k=" + repr(*weights));
    cum = accumulate(in, *weights);
  } else {
    if (!is_none(weights)) raise_type_error("Cannot specify both weights and cumulative weights");
    cum = to_vector(in, *cum_arg);
  }
  if (static_cast<int64_t>(cum.size()) != n) raise_value_error("The number of weights does not match the population");
  if (cum.empty()) {  // cum_weights[-1] raises IndexError with the container's wording
    get_item(in, is_none(cum_arg) ? make_list({}) : *cum_arg, Value(int64_t{-1}));
    raise_index_error("list index out of range");
  }
  Value total = op(BinOpKind::Add, cum.back(), Value(0.0));
  if (compare_op(CmpKind::LtE, total, Value(0.0), false)) raise_value_error("Total of weights must be greater than zero");
  if (!std::isfinite(real(total))) raise_value_error("Total of weights must be finite");
  int64_t k = repeat_count();
  std::vector<Value> out;
  const size_t hi = static_cast<size_t>(n - 1);
  for (int64_t i = 0; i < k; ++i) {
    poll_interrupt();
    Value x = op(BinOpKind::Mul, Value(g.random()), total);
    out.push_back(get_item(in, population, Value(static_cast<int64_t>(bisect_right(cum, x, hi)))));
  }
  return make_list(std::move(out));
}

// ---- real-valued distributions --------------------------------------------------------------------
constexpr double kTwoPi = 0x1.921fb54442d18p+2;         // random.TWOPI
constexpr double kNvMagic = 0x1.b72cd3f331398p+0;       // random.NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0)
constexpr double kLog4 = 0x1.62e42fefa39efp+0;          // random.LOG4 = log(4.0)
constexpr double kSgMagic = 0x1.40859baee748fp+1;       // random.SG_MAGICCONST = 1.0 + log(4.5)
constexpr double kE = 2.718281828459045;                 // math.e

Value m_uniform(Interp&, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.uniform", {"a", "b"}, 2};
  Bound b(sig, a);
  const Value &lo = *b.get(0), &hi = *b.get(1);
  return op(BinOpKind::Add, lo, op(BinOpKind::Mul, op(BinOpKind::Sub, hi, lo), Value(R(self).gen.random())));
}

Value m_triangular(Interp&, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.triangular", {"low", "high", "mode"}, 0};
  Bound b(sig, a);
  Value low = b.or_(0, Value(0.0)), high = b.or_(1, Value(1.0));
  double u = R(self).gen.random();
  Value c;
  if (is_none(b.get(2))) {
    c = Value(0.5);
  } else {
    try {
      c = op(BinOpKind::Div, op(BinOpKind::Sub, *b.get(2), low), op(BinOpKind::Sub, high, low));
    } catch (const gradlab::Error& e) {
      if (e.type() != "ZeroDivisionError") throw;
      return low;
    }
  }
  if (compare_op(CmpKind::Gt, Value(u), c, false)) {
    u = 1.0 - u;
    c = op(BinOpKind::Sub, Value(1.0), c);
    std::swap(low, high);
  }
  double root = math_sqrt(real(op(BinOpKind::Mul, Value(u), c)));
  return op(BinOpKind::Add, low, op(BinOpKind::Mul, op(BinOpKind::Sub, high, low), Value(root)));
}

// Kinderman and Monahan's ratio of uniforms; returns z (mean 0, deviation 1).
double standard_normal(PythonRandom& g) {
  while (true) {
    poll_interrupt();  // nan parameters loop forever, as in CPython: let Stop and timeouts end them
    double u1 = g.random();
    double u2 = 1.0 - g.random();
    double z = kNvMagic * (u1 - 0.5) / u2;
    double zz = z * z / 4.0;
    if (zz <= -math_log(u2)) return z;
  }
}

Value m_normalvariate(Interp&, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.normalvariate", {"mu", "sigma"}, 0};
  Bound b(sig, a);
  double z = standard_normal(R(self).gen);
  return op(BinOpKind::Add, b.or_(0, Value(0.0)), op(BinOpKind::Mul, Value(z), b.or_(1, Value(1.0))));
}

Value m_gauss(Interp&, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.gauss", {"mu", "sigma"}, 0};
  Bound b(sig, a);
  RandomObj& r = R(self);
  Value z = r.gauss_next;
  r.gauss_next = Value();
  if (z.is_none()) {
    double x2pi = r.gen.random() * kTwoPi;
    double g2rad = math_sqrt(-2.0 * math_log(1.0 - r.gen.random()));
    z = Value(glibc_cos(x2pi) * g2rad);
    r.gauss_next = Value(glibc_sin(x2pi) * g2rad);
  }
  return op(BinOpKind::Add, b.or_(0, Value(0.0)), op(BinOpKind::Mul, z, b.or_(1, Value(1.0))));
}

Value m_lognormvariate(Interp&, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.lognormvariate", {"mu", "sigma"}, 2};
  Bound b(sig, a);
  double z = standard_normal(R(self).gen);
  return Value(math_exp(real(op(BinOpKind::Add, *b.get(0), op(BinOpKind::Mul, Value(z), *b.get(1))))));
}

Value m_expovariate(Interp&, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.expovariate", {"lambd"}, 1};
  Bound b(sig, a);
  return op(BinOpKind::Div, Value(-math_log(1.0 - R(self).gen.random())), *b.get(0));
}

Value m_vonmisesvariate(Interp&, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.vonmisesvariate", {"mu", "kappa"}, 2};
  Bound b(sig, a);
  PythonRandom& g = R(self).gen;
  const Value& mu = *b.get(0);
  if (compare_op(CmpKind::LtE, *b.get(1), Value(1e-6), false)) return Value(kTwoPi * g.random());
  double kappa = real(*b.get(1));
  double s = 0.5 / kappa;
  double r = s + math_sqrt(1.0 + s * s);
  double z;
  while (true) {
    poll_interrupt();
    double u1 = g.random();
    z = glibc_cos(M_PI * u1);
    double d = z / (r + z);
    double u2 = g.random();
    if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * math_exp(d)) break;
  }
  double q = 1.0 / r;
  double f = (q + z) / (1.0 + q * z);
  double u3 = g.random();
  if (f < -1.0 || f > 1.0) raise_value_error("math domain error");
  Value angle = op(u3 > 0.5 ? BinOpKind::Add : BinOpKind::Sub, mu, Value(std::acos(f)));
  return op(BinOpKind::Mod, angle, Value(kTwoPi));
}

double gamma_variate(PythonRandom& g, const Value& alpha_v, const Value& beta_v) {
  if (compare_op(CmpKind::LtE, alpha_v, Value(0.0), false) || compare_op(CmpKind::LtE, beta_v, Value(0.0), false))
    raise_value_error("gammavariate: alpha and beta must be > 0.0");
  const double alpha = real(alpha_v), beta = real(beta_v);
  if (alpha > 1.0) {
    // R.C.H. Cheng, "The generation of Gamma variables with non-integral shape parameters" (1977)
    double ainv = math_sqrt(2.0 * alpha - 1.0);
    double bbb = alpha - kLog4;
    double ccc = alpha + ainv;
    while (true) {
      poll_interrupt();
      double u1 = g.random();
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      double u2 = 1.0 - g.random();
      double v = math_log(u1 / (1.0 - u1)) / ainv;
      double x = alpha * math_exp(v);
      double z = u1 * u1 * u2;
      double r = bbb + ccc * v - x;
      if (r + kSgMagic - 4.5 * z >= 0.0 || r >= math_log(z)) return x * beta;
    }
  }
  if (alpha == 1.0) return -math_log(1.0 - g.random()) * beta;
  // alpha in (0, 1): algorithm GS of Kennedy & Gentle, Statistical Computing
  while (true) {
    poll_interrupt();
    double u = g.random();
    double b = (kE + alpha) / kE;
    double p = b * u;
    double x = p <= 1.0 ? float_pow(p, 1.0 / alpha) : -math_log((b - p) / alpha);
    double u1 = g.random();
    if (p > 1.0) {
      if (u1 <= float_pow(x, alpha - 1.0)) return x * beta;
    } else if (u1 <= math_exp(-x)) {
      return x * beta;
    }
  }
}

Value m_gammavariate(Interp&, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.gammavariate", {"alpha", "beta"}, 2};
  Bound b(sig, a);
  return Value(gamma_variate(R(self).gen, *b.get(0), *b.get(1)));
}

Value m_betavariate(Interp&, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.betavariate", {"alpha", "beta"}, 2};
  Bound b(sig, a);
  PythonRandom& g = R(self).gen;
  double y = gamma_variate(g, *b.get(0), Value(1.0));
  if (y != 0.0) return Value(y / (y + gamma_variate(g, *b.get(1), Value(1.0))));
  return Value(0.0);
}

Value m_paretovariate(Interp&, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.paretovariate", {"alpha"}, 1};
  Bound b(sig, a);
  double u = 1.0 - R(self).gen.random();
  return op(BinOpKind::Pow, Value(u), op(BinOpKind::Div, Value(-1.0), *b.get(0)));
}

Value m_weibullvariate(Interp&, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.weibullvariate", {"alpha", "beta"}, 2};
  Bound b(sig, a);
  double u = 1.0 - R(self).gen.random();
  Value power = op(BinOpKind::Pow, Value(-math_log(u)), op(BinOpKind::Div, Value(1.0), *b.get(1)));
  return op(BinOpKind::Mul, *b.get(0), power);
}

// ---- state ------------------------------------------------------------------------------------------
Value m_seed(Interp&, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.seed", {"a", "version"}, 0};
  Bound b(sig, a);
  seed_with(R(self), b.or_(0, Value()), b.or_(1, Value(int64_t{2})));
  return Value();
}

Value m_getstate(Interp&, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.getstate", {}, 0};
  Bound b(sig, a);
  RandomObj& r = R(self);
  std::vector<Value> words;
  words.reserve(gradlab::random::Mt19937::kN + 1);
  for (uint32_t w : r.gen.mt.state) words.push_back(Value(static_cast<int64_t>(w)));
  words.push_back(Value(static_cast<int64_t>(r.gen.index())));
  return make_tuple({Value(int64_t{3}), make_tuple(std::move(words)), r.gauss_next});
}

// _random.Random.setstate: a 625-tuple of words and the index.
void set_internal_state(RandomObj& r, const Value& internal, bool version2) {
  SeqObj* t = internal.as<SeqObj>();
  if (!t || t->type != ObjType::Tuple) raise_type_error("state vector must be a tuple");
  constexpr int kN = gradlab::random::Mt19937::kN;
  if (t->items.size() != kN + 1) raise_value_error("state vector is the wrong size");
  std::array<uint32_t, kN> words{};
  for (int i = 0; i < kN; ++i) {
    const Value& w = t->items[static_cast<size_t>(i)];
    if (!w.is_intlike()) raise_type_error("an integer is required");
    if (w.as_int() < 0 && !version2) raise("OverflowError", "can't convert negative value to unsigned int");
    words[static_cast<size_t>(i)] = static_cast<uint32_t>(w.as_int());  // version 2: x % 2**32
  }
  const Value& index = t->items[kN];
  if (!index.is_intlike()) raise_type_error("an integer is required");
  if (index.as_int() < 0 || index.as_int() > kN) raise_value_error("invalid state");
  r.gen.set_state(words, static_cast<int>(index.as_int()));
}

Value m_setstate(Interp& in, const Value& self, CallArgs& a) {
  static const Signature sig{"Random.setstate", {"state"}, 1};
  Bound b(sig, a);
  const Value& state = *b.get(0);
  Value version = get_item(in, state, Value(int64_t{0}));
  bool v3 = values_equal(version, Value(int64_t{3})), v2 = values_equal(version, Value(int64_t{2}));
  if (!v3 && !v2) raise_value_error("state with version " + str(version) + " passed to Random.setstate() of version 3");
  std::vector<Value> parts = to_vector(in, state);
  if (parts.size() != 3)
    raise_value_error(parts.size() < 3 ? "not enough values to unpack (expected 3, got " + std::to_string(parts.size()) + ")"
                                       : "too many values to unpack (expected 3)");
  R(self).gauss_next = parts[2];
  set_internal_state(R(self), parts[1], v2);
  return Value();
}

// ---- the class and the module ---------------------------------------------------------------------
struct MethodRow {
  const char* name;
  MethodFn fn;
};
const MethodRow kMethods[] = {
    {"seed", m_seed}, {"random", m_random}, {"uniform", m_uniform}, {"triangular", m_triangular},
    {"randint", m_randint}, {"choice", m_choice}, {"randrange", m_randrange}, {"sample", m_sample},
    {"shuffle", m_shuffle}, {"choices", m_choices}, {"normalvariate", m_normalvariate},
    {"lognormvariate", m_lognormvariate}, {"expovariate", m_expovariate}, {"vonmisesvariate", m_vonmisesvariate},
    {"gammavariate", m_gammavariate}, {"gauss", m_gauss}, {"betavariate", m_betavariate},
    {"paretovariate", m_paretovariate}, {"weibullvariate", m_weibullvariate}, {"getstate", m_getstate},
    {"setstate", m_setstate}, {"getrandbits", m_getrandbits},
};

// dir(random) and dir(random.Random()) in CPython 3.11, for AttributeError suggestions; a module
// name gradlab lacks (randbytes: gradlab has no bytes) is reported as not supported.
const char* const kModuleDir[] = {
    "BPF", "LOG4", "NV_MAGICCONST", "RECIP_BPF", "Random", "SG_MAGICCONST", "SystemRandom", "TWOPI",
    "_ONE", "_Sequence", "_Set", "__all__", "__builtins__", "__cached__", "__doc__", "__file__",
    "__loader__", "__name__", "__package__", "__spec__", "_accumulate", "_acos", "_bisect", "_ceil",
    "_cos", "_e", "_exp", "_floor", "_index", "_inst", "_isfinite", "_log", "_os", "_pi", "_random",
    "_repeat", "_sha512", "_sin", "_sqrt", "_test", "_test_generator", "_urandom", "_warn",
    "betavariate", "choice", "choices", "expovariate", "gammavariate", "gauss", "getrandbits",
    "getstate", "lognormvariate", "normalvariate", "paretovariate", "randbytes", "randint",
    "random", "randrange", "sample", "seed", "setstate", "shuffle", "triangular", "uniform",
    "vonmisesvariate", "weibullvariate", nullptr};
const char* const kInstanceDir[] = {
    "VERSION", "__class__", "__delattr__", "__dict__", "__dir__", "__doc__", "__eq__", "__format__",
    "__ge__", "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__",
    "__init_subclass__", "__le__", "__lt__", "__module__", "__ne__", "__new__", "__reduce__",
    "__reduce_ex__", "__repr__", "__setattr__", "__setstate__", "__sizeof__", "__str__",
    "__subclasshook__", "__weakref__", "_randbelow", "_randbelow_with_getrandbits",
    "_randbelow_without_getrandbits", "betavariate", "choice", "choices", "expovariate",
    "gammavariate", "gauss", "gauss_next", "getrandbits", "getstate", "lognormvariate",
    "normalvariate", "paretovariate", "randbytes", "randint", "random", "randrange", "sample",
    "seed", "setstate", "shuffle", "triangular", "uniform", "vonmisesvariate", "weibullvariate",
    nullptr};

Value new_random(Interp&, CallArgs& a) {
  static const Signature sig{"Random.__init__", {"x"}, 0};
  Bound b(sig, a);
  auto r = std::make_shared<RandomObj>();
  seed_with(*r, b.or_(0, Value()), Value(int64_t{2}));
  return Value(ObjRef(r));
}

}  // namespace

Value random_type() {
  static const Value type(std::make_shared<TypeObj>("Random", TypeId::Other, new_random, "random"));
  return type;
}

const char* const* random_instance_dir() { return kInstanceDir; }

MethodFn find_random_method(const std::string& name) {
  for (const auto& m : kMethods)
    if (name == m.name) return m.fn;
  return nullptr;
}

Value make_random_module(Interp& in) {
  auto m = std::make_shared<ModuleObj>("random", "/usr/lib/python3.11/random.py");
  m->known_missing = kModuleDir;
  CallArgs none;
  Value inst = new_random(in, none);
  auto& attrs = m->attrs;
  attrs["Random"] = random_type();
  attrs["_inst"] = inst;
  for (const auto& row : kMethods) attrs[row.name] = Value(std::make_shared<BoundMethodObj>(inst, row.fn, row.name));
  attrs["BPF"] = Value(int64_t{53});
  attrs["RECIP_BPF"] = Value(0x1p-53);
  attrs["TWOPI"] = Value(kTwoPi);
  attrs["NV_MAGICCONST"] = Value(kNvMagic);
  attrs["LOG4"] = Value(kLog4);
  attrs["SG_MAGICCONST"] = Value(kSgMagic);
  return Value(ObjRef(m));
}

}  // namespace gradlab::script
