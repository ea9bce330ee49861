// Python's builtins: print, range, len, the number and container constructors, min/max/sum,
// sorted, enumerate/zip, isinstance/type, and the exception classes. Builtins Python has but
// gradlab does not implement (open, input, eval, ...) still exist, so calling them explains
// that they are not supported instead of claiming the name is undefined.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "engine/autograd/node.h"
#include "engine/format/python_repr.h"
#include "engine/script/python_names.h"
#include "engine/script/runtime.h"
#include "engine/tensor.h"

namespace gradlab::script {

namespace {

Value builtin(const char* name, BuiltinFn fn) { return Value(std::make_shared<BuiltinObj>(name, fn)); }

// ---- number conversions -------------------------------------------------------------------------
std::string strip(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\n\r\f\v"), e = s.find_last_not_of(" \t\n\r\f\v");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

double parse_float(const std::string& text) {
  std::string s = strip(text), clean;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i > 0 && i + 1 < s.size() && isdigit(static_cast<unsigned char>(s[i - 1])) && isdigit(static_cast<unsigned char>(s[i + 1]))) continue;
    clean += s[i];
  }
  std::string low;
  for (char c : clean) low += static_cast<char>(tolower(static_cast<unsigned char>(c)));
  std::string body = low;
  bool neg = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body = body.substr(1);
  }
  if (body == "inf" || body == "infinity") return neg ? -INFINITY : INFINITY;
  if (body == "nan") return neg ? -NAN : NAN;
  bool ok = !clean.empty();
  for (char c : clean)
    if (!(isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) ok = false;
  char* end = nullptr;
  errno = 0;
  double d = ok ? std::strtod(clean.c_str(), &end) : 0;
  if (!ok || end != clean.c_str() + clean.size()) raise_value_error("could not convert string to float: " + repr(make_str(text)));
  return d;
}

int64_t float_to_int(double d) {
  if (std::isinf(d)) raise("OverflowError", "cannot convert float infinity to integer");
  if (std::isnan(d)) raise_value_error("cannot convert float NaN to integer");
  double t = std::trunc(d);
  if (t >= 9.223372036854775807e18 || t < -9.223372036854775808e18) raise("OverflowError", "int too large: gradlab's ints are 64-bit");
  return static_cast<int64_t>(t);
}

int64_t parse_int(const std::string& text, int64_t base) {
  std::string s = strip(text);
  auto invalid = [&]() -> int64_t {
    raise_value_error("invalid literal for int() with base " + std::to_string(base) + ": " + repr(make_str(text)));
  };
  if (s.empty()) invalid();
  bool neg = false;
  size_t i = 0;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    ++i;
  }
  if (base == 0 || base == 16 || base == 8 || base == 2) {
    if (i + 1 < s.size() && s[i] == '0') {
      char p = static_cast<char>(tolower(static_cast<unsigned char>(s[i + 1])));
      int64_t b = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
      if (b && (base == 0 || base == b)) {
        base = b;
        i += 2;
      }
    }
    if (base == 0) base = 10;
  }
  if (i >= s.size()) invalid();
  uint64_t v = 0;
  bool any = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_' && any && i + 1 < s.size() && s[i + 1] != '_') continue;
    int d = isdigit(static_cast<unsigned char>(c)) ? c - '0' : isalpha(static_cast<unsigned char>(c)) ? tolower(static_cast<unsigned char>(c)) - 'a' + 10 : 99;
    if (d >= base) invalid();
    uint64_t nv = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
    if (nv / static_cast<uint64_t>(base) != v || nv > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      raise("OverflowError", "int too large: gradlab's ints are 64-bit");
    v = nv;
    any = true;
  }
  return neg ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
}

Value tensor_number_value(const Tensor& t, const char* fn) {
  if (t.numel() != 1) raise_value_error("only one element tensors can be converted to Python scalars");
  Scalar s = t.item();
  return s.is_integral ? Value(static_cast<int64_t>(s.value)) : Value(s.value);
}

Value b_int(Interp&, CallArgs& a) {
  Args args("int", a, {"x", "base"}, 0, ArgStyle::Python);
  if (!args.get(0)) return Value(int64_t{0});
  const Value& v = *args.get(0);
  if (Value r; is_instance(v) && call_dunder(*current_interp(), v, "__int__", {}, &r)) {
    if (!r.is_intlike()) raise_type_error(std::string("__int__ returned non-int (type ") + type_name(r) + ")");
    return Value(r.as_int());
  }
  if (args.get(1)) {
    const std::string* s = as_str(v);
    if (!s) raise_type_error("int() can't convert non-string with explicit base");
    int64_t base = args.int_(1);
    if (base != 0 && (base < 2 || base > 36)) raise_value_error("int() base must be >= 2 and <= 36, or 0");
    return Value(parse_int(*s, base));
  }
  if (v.is_intlike()) return Value(v.as_int());
  if (v.is_float()) return Value(float_to_int(v.as_float()));
  if (const std::string* s = as_str(v)) return Value(parse_int(*s, 10));
  if (v.is_tensor()) {
    Value n = tensor_number_value(v.as_tensor(), "int");
    return n.is_float() ? Value(float_to_int(n.as_float())) : n;
  }
  raise_type_error(std::string("int() argument must be a string, a bytes-like object or a real number, not '") + type_name(v) + "'");
}

Value b_float(Interp&, CallArgs& a) {
  Args args("float", a, {"x"}, 0, ArgStyle::Python);
  if (!args.get(0)) return Value(0.0);
  const Value& v = *args.get(0);
  if (Value r; is_instance(v) && call_dunder(*current_interp(), v, "__float__", {}, &r)) {
    if (!r.is_float()) raise_type_error(std::string("") + type_name(v) + ".__float__ returned non-float (type " + type_name(r) + ")");
    return r;
  }
  if (v.is_number()) return Value(v.as_number());
  if (const std::string* s = as_str(v)) return Value(parse_float(*s));
  if (v.is_tensor()) return Value(tensor_number_value(v.as_tensor(), "float").as_number());
  raise_type_error(std::string("float() argument must be a string or a real number, not '") + type_name(v) + "'");
}

Value b_bool(Interp&, CallArgs& a) {
  Args args("bool", a, {"x"}, 0, ArgStyle::Python);
  return Value(args.get(0) ? truthy(*args.get(0)) : false);
}

Value b_str(Interp&, CallArgs& a) {
  Args args("str", a, {"object"}, 0, ArgStyle::Python);
  return args.get(0) ? make_str(str(*args.get(0))) : make_str("");
}

Value b_repr(Interp&, CallArgs& a) {
  Args args("repr", a, {"obj"}, 1, ArgStyle::Python);
  return make_str(repr(*args.get(0)));
}

Value b_list(Interp& in, CallArgs& a) {
  Args args("list", a, {"iterable"}, 0, ArgStyle::Python);
  return make_list(args.get(0) ? to_vector(in, *args.get(0)) : std::vector<Value>{});
}

Value b_tuple(Interp& in, CallArgs& a) {
  Args args("tuple", a, {"iterable"}, 0, ArgStyle::Python);
  if (args.get(0)) {
    if (auto* t = args.get(0)->as<SeqObj>(); t && t->type == ObjType::Tuple) return *args.get(0);
    return make_tuple(to_vector(in, *args.get(0)));
  }
  return make_tuple({});
}

}  // namespace

// CPython's dict(mapping) and d.update(mapping): an instance with a keys() method is read as a
// mapping, keys() then obj[key] (collections.OrderedDict, user mapping classes).
bool mapping_items(Interp& in, const Value& obj, std::vector<std::pair<Value, Value>>& out) {
  if (!is_instance(obj)) return false;
  Value keys_fn;
  Interp::Mark m = in.mark();
  try {
    keys_fn = in.get_attr(obj, "keys");
  } catch (const gradlab::Error& e) {
    if (e.type() != "AttributeError" || in.interrupted_) throw;
    in.restore(m);
    return false;
  }
  for (const Value& key : to_vector(in, in.call0(keys_fn, {}))) out.emplace_back(key, get_item(in, obj, key));
  return true;
}

namespace {

Value b_dict(Interp& in, CallArgs& a) {
  if (a.npos > 1) raise_type_error("dict expected at most 1 argument, got " + std::to_string(a.npos));
  Value d = make_dict();
  auto* dict = d.as<DictObj>();
  if (a.npos == 1) {
    std::vector<std::pair<Value, Value>> items;
    if (auto* src = a.pos[0].as<DictObj>()) {
      for (auto& [k, v] : src->entries) dict->set(k, v);
    } else if (mapping_items(in, a.pos[0], items)) {
      for (auto& [k, v] : items) dict->set(k, v);
    } else {
      size_t i = 0;
      for (const Value& item : to_vector(in, a.pos[0])) {
        std::vector<Value> pair = item.as<SeqObj>() ? item.as<SeqObj>()->items : std::vector<Value>{};
        if (!item.as<SeqObj>() && !item.as<StrObj>())
          raise_type_error("cannot convert dictionary update sequence element #" + std::to_string(i) + " to a sequence");
        if (item.as<StrObj>()) pair = to_vector(in, item);
        if (pair.size() != 2)
          raise_value_error("dictionary update sequence element #" + std::to_string(i) + " has length " + std::to_string(pair.size()) +
                            "; 2 is required");
        dict->set(pair[0], pair[1]);
        ++i;
      }
    }
  }
  for (size_t k = 0; k < a.nkw; ++k) dict->set(make_str(a.kw_names[k]), a.kw[k]);
  return d;
}

int64_t range_arg(const Value& v) {
  if (v.is_intlike()) return v.as_int();
  raise_type_error(std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
}

Value b_range(Interp&, CallArgs& a) {
  if (a.nkw) raise_type_error("range() takes no keyword arguments");
  if (a.npos == 0) raise_type_error("range expected at least 1 argument, got 0");
  if (a.npos > 3) raise_type_error("range expected at most 3 arguments, got " + std::to_string(a.npos));
  int64_t start = 0, stop, step = 1;
  if (a.npos == 1) {
    stop = range_arg(a.pos[0]);
  } else {
    start = range_arg(a.pos[0]);
    stop = range_arg(a.pos[1]);
    if (a.npos == 3) step = range_arg(a.pos[2]);
  }
  if (step == 0) raise_value_error("range() arg 3 must not be zero");
  return Value(std::make_shared<RangeObj>(start, stop, step));
}

Value b_len(Interp&, CallArgs& a) {
  Args args("len", a, {"obj"}, 1, ArgStyle::Python);
  const Value& v = *args.get(0);
  if (v.is_tensor()) {
    if (v.as_tensor().dim() == 0) raise_type_error("len() of a 0-d tensor");
    return Value(v.as_tensor().shape()[0]);
  }
  if (Object* o = v.obj()) {
    switch (o->type) {
      case ObjType::Str: {
        int64_t n = 0;
        for (unsigned char c : static_cast<StrObj*>(o)->s)
          if ((c & 0xC0) != 0x80) ++n;
        return Value(n);
      }
      case ObjType::List:
      case ObjType::Tuple:
      case ObjType::Size:
      case ObjType::ReturnTypes: return Value(static_cast<int64_t>(static_cast<SeqObj*>(o)->items.size()));
      case ObjType::Dict: return Value(static_cast<int64_t>(static_cast<DictObj*>(o)->entries.size()));
      case ObjType::Range: return Value(static_cast<RangeObj*>(o)->length());
      case ObjType::DictView: return Value(static_cast<int64_t>(static_cast<DictViewObj*>(o)->items.size()));
      case ObjType::Set:
      case ObjType::FrozenSet: return Value(static_cast<int64_t>(static_cast<SetObj*>(o)->size()));
      default: break;
    }
  }
  if (is_instance(v)) {
    Value r;
    if (call_dunder(*current_interp(), v, "__len__", {}, &r)) {
      if (!r.is_intlike()) raise_type_error(std::string("'") + type_name(r) + "' object cannot be interpreted as an integer");
      if (r.as_int() < 0) raise_value_error("__len__() should return >= 0");
      return Value(r.as_int());
    }
  }
  raise_type_error(std::string("object of type '") + type_name(v) + "' has no len()");
}

Value b_abs(Interp&, CallArgs& a) {
  Args args("abs", a, {"x"}, 1, ArgStyle::Python);
  const Value& v = *args.get(0);
  if (v.is_intlike()) {
    if (v.as_int() == std::numeric_limits<int64_t>::min()) raise("OverflowError", "int too large: gradlab's ints are 64-bit");
    return Value(v.as_int() < 0 ? -v.as_int() : v.as_int());
  }
  if (v.is_float()) return Value(std::fabs(v.as_float()));
  if (v.is_tensor()) return Value(abs(v.as_tensor()));
  Value r;
  if (is_instance(v) && call_dunder(*current_interp(), v, "__abs__", {}, &r)) return r;
  raise_type_error(std::string("bad operand type for abs(): '") + type_name(v) + "'");
}

Value b_print(Interp& in, CallArgs& a) {
  std::string sep = " ", end = "\n";
  Value file;  // print(..., file=f) calls f.write(text)
  for (size_t k = 0; k < a.nkw; ++k) {
    const std::string& n = a.kw_names[k];
    const Value& v = a.kw[k];
    if (n == "sep" || n == "end") {
      std::string& target = n == "sep" ? sep : end;
      if (v.is_none()) continue;
      const std::string* s = as_str(v);
      if (!s) raise_type_error(n + " must be None or a string, not " + type_name(v));
      target = *s;
    } else if (n == "flush") {
    } else if (n == "file") {
      if (!v.is_none()) file = v;
    } else {
      raise_type_error("'" + n + "' is an invalid keyword argument for print()");
    }
  }
  std::string out;
  for (size_t i = 0; i < a.npos; ++i) {
    if (i) out += sep;
    if (const std::string* s = as_str(a.pos[i])) out += *s;
    else out += str(a.pos[i]);
  }
  out += end;
  if (!file.is_none()) {
    std::vector<Value> text{make_str(std::move(out))};
    CallArgs ca;
    ca.pos = text.data();
    ca.npos = 1;
    in.call_method(file, "write", ca);
    return Value();
  }
  in.write(out);
  return Value();
}

// min/max share everything but the comparison direction.
Value min_max(Interp& in, CallArgs& a, bool is_max) {
  const char* name = is_max ? "max" : "min";
  const Value* key = nullptr;
  const Value* dflt = nullptr;
  for (size_t k = 0; k < a.nkw; ++k) {
    if (a.kw_names[k] == "key") key = &a.kw[k];
    else if (a.kw_names[k] == "default") dflt = &a.kw[k];
    else raise_type_error("'" + a.kw_names[k] + "' is an invalid keyword argument for " + name + "()");
  }
  if (key && key->is_none()) key = nullptr;
  std::vector<Value> items;
  if (a.npos == 0) raise_type_error(std::string(name) + " expected at least 1 argument, got 0");
  if (a.npos == 1) {
    items = to_vector(in, a.pos[0]);
  } else {
    if (dflt) raise_type_error(std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
    items.assign(a.pos, a.pos + a.npos);
  }
  if (items.empty()) {
    if (dflt) return *dflt;
    raise_value_error(std::string(name) + "() arg is an empty sequence");
  }
  size_t best = 0;
  Value best_key = key ? in.call0(*key, {items[0]}) : items[0];
  for (size_t i = 1; i < items.size(); ++i) {
    Value k = key ? in.call0(*key, {items[i]}) : items[i];
    bool better = is_max ? less_than(best_key, k) : less_than(k, best_key);
    if (better) {
      best = i;
      best_key = std::move(k);
    }
  }
  return items[best];
}

Value b_max(Interp& in, CallArgs& a) { return min_max(in, a, true); }
Value b_min(Interp& in, CallArgs& a) { return min_max(in, a, false); }

Value b_sum(Interp& in, CallArgs& a) {
  Args args("sum", a, {"iterable", "start"}, 1, ArgStyle::Python);
  Value acc = args.get(1) ? *args.get(1) : Value(int64_t{0});
  if (as_str(acc)) raise_type_error("sum() can't sum strings [use ''.join(seq) instead]");
  Iter it(in, *args.get(0));
  Value x;
  while (it.next(x)) {
    in.check_interrupt();
    acc = binary_op(BinOpKind::Add, acc, x);
  }
  return acc;
}

double round_half_even(double x) {
  double r = std::round(x);
  if (std::fabs(x - std::trunc(x)) == 0.5) r = 2.0 * std::round(x / 2.0);
  return r;
}

Value b_round(Interp&, CallArgs& a) {
  Args args("round", a, {"number", "ndigits"}, 1, ArgStyle::Python);
  const Value& v = *args.get(0);
  bool has_nd = args.has(1);
  if (has_nd && !args.get(1)->is_intlike())
    raise_type_error(std::string("'") + type_name(*args.get(1)) + "' object cannot be interpreted as an integer");
  int64_t nd = has_nd ? args.get(1)->as_int() : 0;
  if (v.is_intlike()) {
    if (!has_nd || nd >= 0) return Value(v.as_int());
    if (nd < -18) return Value(int64_t{0});
    int64_t p = 1;
    for (int64_t i = 0; i < -nd; ++i) p *= 10;
    int64_t x = v.as_int();
    int64_t q = x / p, r = x % p;
    if (r < 0) {
      r += p;
      --q;
    }
    if (2 * r > p || (2 * r == p && (q & 1))) ++q;
    return Value(q * p);
  }
  if (v.is_float()) {
    double d = v.as_float();
    if (!has_nd) return Value(float_to_int(round_half_even(d)));
    if (!std::isfinite(d) || d == 0.0) return Value(d);
    if (nd > 323) return Value(d);
    if (nd >= 0) {
      // Correctly rounded, like CPython: format with nd decimals, read back.
      char buf[400];
      std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(std::min<int64_t>(nd, 340)), d);
      return Value(std::strtod(buf, nullptr));
    }
    if (nd < -308) return Value(std::copysign(0.0, d));
    double p = std::pow(10.0, static_cast<double>(-nd));
    double r = round_half_even(d / p) * p;
    return Value(std::isfinite(r) ? r : d);
  }
  raise_type_error(std::string("type ") + type_name(v) + " doesn't define __round__ method");
}

// An iterator that pulls its items from a generator one at a time (it may never end).
Value lazy_iterator(Interp& in, const char* kind, const Value& source, std::function<bool(Iter&, Value&)> step) {
  auto it = std::make_shared<Iter>(in, source);
  Value r = make_iterator(kind, {});
  r.as<IteratorObj>()->pull = [it, step = std::move(step)](Value& out) { return step(*it, out); };
  return r;
}

Value b_enumerate(Interp& in, CallArgs& a) {
  Args args("enumerate", a, {"iterable", "start"}, 1, ArgStyle::Python);
  int64_t start = args.get(1) ? range_arg(*args.get(1)) : 0;
  if (args.get(0)->as<GeneratorObj>())
    return lazy_iterator(in, "enumerate", *args.get(0), [n = start](Iter& it, Value& out) mutable {
      Value x;
      if (!it.next(x)) return false;
      out = make_tuple({Value(n++), std::move(x)});
      return true;
    });
  std::vector<Value> out;
  Iter it(in, *args.get(0));
  Value x;
  while (it.next(x)) out.push_back(make_tuple({Value(start++), std::move(x)}));
  return make_iterator("enumerate", std::move(out));
}

Value b_zip(Interp& in, CallArgs& a) {
  std::vector<std::vector<Value>> cols(a.npos);
  size_t n = SIZE_MAX;
  // Iterators of user classes (itertools.count()) may be endless: materialise the others first
  // and take only as many items from them as the shortest of the rest.
  for (int pass = 0; pass < 2; ++pass)
    for (size_t i = 0; i < a.npos; ++i) {
      bool lazy = is_instance(a.pos[i]) || a.pos[i].as<GeneratorObj>();
      if (lazy != (pass == 1)) continue;
      if (pass == 0 || n == SIZE_MAX) {
        cols[i] = to_vector(in, a.pos[i]);
      } else {
        Iter it(in, a.pos[i]);
        Value x;
        while (cols[i].size() < n && it.next(x)) cols[i].push_back(std::move(x));
      }
      n = std::min(n, cols[i].size());
    }
  if (cols.empty()) n = 0;
  std::vector<Value> out;
  for (size_t r = 0; r < n; ++r) {
    std::vector<Value> row;
    for (auto& c : cols) row.push_back(c[r]);
    out.push_back(make_tuple(std::move(row)));
  }
  return make_iterator("zip", std::move(out));
}

Value b_sorted(Interp& in, CallArgs& a) {
  Args args("sorted", a, {"iterable", "key", "reverse"}, 1, ArgStyle::Python, 1);
  std::vector<Value> items = to_vector(in, *args.get(0));
  bool reverse = args.has(2) && truthy(*args.get(2));
  return make_list(sort_by_key(in, items, args.has(1) ? args.get(1) : nullptr, reverse));
}

Value b_reversed(Interp& in, CallArgs& a) {
  Args args("reversed", a, {"sequence"}, 1, ArgStyle::Python);
  const Value& v = *args.get(0);
  if (v.as<DictObj>() || v.as<IteratorObj>()) raise_type_error(std::string("'") + type_name(v) + "' object is not reversible");
  std::vector<Value> items = to_vector(in, v);
  std::reverse(items.begin(), items.end());
  return make_iterator(as_list(v) ? "list_reverseiterator" : v.as<RangeObj>() ? "range_iterator" : "reversed", std::move(items));
}

Value b_any(Interp& in, CallArgs& a) {
  Args args("any", a, {"iterable"}, 1, ArgStyle::Python);
  Iter it(in, *args.get(0));
  Value x;
  while (it.next(x))
    if (truthy(x)) return Value(true);
  return Value(false);
}

Value b_all(Interp& in, CallArgs& a) {
  Args args("all", a, {"iterable"}, 1, ArgStyle::Python);
  Iter it(in, *args.get(0));
  Value x;
  while (it.next(x))
    if (!truthy(x)) return Value(false);
  return Value(true);
}

Value b_map(Interp& in, CallArgs& a) {
  if (a.npos < 2) raise_type_error("map() must have at least two arguments.");
  if (a.npos == 2 && a.pos[1].as<GeneratorObj>())
    return lazy_iterator(in, "map", a.pos[1], [&in, fn = a.pos[0]](Iter& it, Value& out) {
      Value x;
      if (!it.next(x)) return false;
      out = in.call0(fn, {std::move(x)});
      return true;
    });
  std::vector<std::vector<Value>> cols;
  size_t n = SIZE_MAX;
  for (size_t i = 1; i < a.npos; ++i) {
    cols.push_back(to_vector(in, a.pos[i]));
    n = std::min(n, cols.back().size());
  }
  std::vector<Value> out;
  for (size_t r = 0; r < n; ++r) {
    std::vector<Value> row;
    for (auto& c : cols) row.push_back(c[r]);
    out.push_back(in.call0(a.pos[0], std::move(row)));
  }
  return make_iterator("map", std::move(out));
}

Value b_filter(Interp& in, CallArgs& a) {
  Args args("filter", a, {"function", "iterable"}, 2, ArgStyle::Python);
  if (args.get(1)->as<GeneratorObj>())
    return lazy_iterator(in, "filter", *args.get(1), [&in, fn = *args.get(0)](Iter& it, Value& out) {
      while (it.next(out))
        if (fn.is_none() ? truthy(out) : truthy(in.call0(fn, {out}))) return true;
      return false;
    });
  std::vector<Value> out;
  for (const Value& x : to_vector(in, *args.get(1))) {
    bool keep = args.get(0)->is_none() ? truthy(x) : truthy(in.call0(*args.get(0), {x}));
    if (keep) out.push_back(x);
  }
  return make_iterator("filter", std::move(out));
}

Value b_next(Interp& in, CallArgs& a) {
  Args args("next", a, {"iterator", "default"}, 1, ArgStyle::Python);
  if (is_instance(*args.get(0))) {
    const Value* fn = class_lookup(args.get(0)->as<InstanceObj>()->cls.get(), "__next__");
    if (fn) {
      Value f = *fn, out;
      std::vector<Value> pos{*args.get(0)};
      CallArgs ca;
      ca.pos = pos.data();
      ca.npos = 1;
      if (!args.get(1)) return in.call(f, ca);
      if (in.call_catching(f, ca, "StopIteration", &out)) return out;
      return *args.get(1);
    }
  }
  if (auto* g = args.get(0)->as<GeneratorObj>()) {
    Value out;
    if (in.generator_next(g, out)) return out;
    if (args.get(1)) return *args.get(1);
    raise_stop_iteration(g);
  }
  auto* it = args.get(0)->as<IteratorObj>();
  if (!it) raise_type_error(std::string("'") + type_name(*args.get(0)) + "' object is not an iterator");
  if (Value out; it->advance(out)) return out;
  if (args.get(1)) return *args.get(1);
  raise("StopIteration", "");
}

Value b_iter(Interp& in, CallArgs& a) {
  Args args("iter", a, {"object"}, 1, ArgStyle::Python);
  const Value& v = *args.get(0);
  if (v.as<IteratorObj>() || v.as<GeneratorObj>()) return v;
  if (is_instance(v)) {
    Value r;
    if (call_dunder(in, v, "__iter__", {}, &r)) {
      if (is_instance(r) ? !class_lookup(r.as<InstanceObj>()->cls.get(), "__next__") : !r.as<IteratorObj>() && !r.as<GeneratorObj>())
        raise_type_error(std::string("iter() returned non-iterator of type '") + type_name(r) + "'");
      return r;
    }
    if (!class_lookup(v.as<InstanceObj>()->cls.get(), "__getitem__"))
      raise_type_error(std::string("'") + type_name(v) + "' object is not iterable");
  }
  const char* kind = as_list(v) ? "list_iterator" : as_tuple(v) ? "tuple_iterator" : v.as<RangeObj>() ? "range_iterator"
                   : v.as<StrObj>() ? "str_ascii_iterator" : v.as<DictObj>() ? "dict_keyiterator"
                   : v.as<SetObj>() ? "set_iterator" : "iterator";
  return make_iterator(kind, to_vector(in, v));
}

bool isinstance_of(const Value& v, const Value& cls) {
  if (auto* t = cls.as<SeqObj>(); t && t->type == ObjType::Tuple) {
    for (const Value& c : t->items)
      if (isinstance_of(v, c)) return true;
    return false;
  }
  auto* t = cls.as<TypeObj>();
  if (!t) raise_type_error("isinstance() arg 2 must be a type, a tuple of types, or a union");
  switch (t->id) {
    case TypeId::Int: return v.is_intlike();
    case TypeId::Bool: return v.is_bool();
    case TypeId::Float: return v.is_float();
    case TypeId::Str: return as_str(v) != nullptr;
    case TypeId::List: return as_list(v) != nullptr;
    case TypeId::Tuple: return as_tuple(v) != nullptr;
    case TypeId::Dict: return v.as<DictObj>() != nullptr;
    case TypeId::Set: return v.as<SetObj>() && !v.as<SetObj>()->frozen();
    case TypeId::FrozenSet: return v.as<SetObj>() && v.as<SetObj>()->frozen();
    case TypeId::Generator: return v.as<GeneratorObj>() != nullptr;
    case TypeId::Range: return v.as<RangeObj>() != nullptr;
    case TypeId::Slice: return v.as<SliceObj>() != nullptr;
    case TypeId::Tensor: return v.is_tensor();
    case TypeId::Size: return v.as<SeqObj>() && v.as<SeqObj>()->type == ObjType::Size;
    case TypeId::DType: return v.as<DTypeObj>() != nullptr;
    case TypeId::Device: return v.as<DeviceObj>() != nullptr;
    case TypeId::NoneType: return v.is_none();
    case TypeId::Function: return v.as<FunctionObj>() != nullptr;
    case TypeId::Builtin: return v.as<BuiltinObj>() || v.as<BoundMethodObj>();
    case TypeId::Module: return v.as<ModuleObj>() != nullptr;
    case TypeId::Type: return v.as<TypeObj>() != nullptr;
    case TypeId::Exception: {
      if (auto* inst = v.as<InstanceObj>()) return is_subclass(inst->cls.get(), t);
      auto* e = v.as<ExceptionObj>();
      return e && exception_name_is_a(e->type_name, t->name);
    }
    case TypeId::Object: return true;
    case TypeId::User: {
      auto* inst = v.as<InstanceObj>();
      return inst && is_subclass(inst->cls.get(), t);
    }
    case TypeId::Other: return is_same_object(type_of(v), cls);
  }
  return false;
}

Value b_isinstance(Interp&, CallArgs& a) {
  if (a.nkw) raise_type_error("isinstance() takes no keyword arguments");
  if (a.npos != 2) raise_type_error("isinstance expected 2 arguments, got " + std::to_string(a.npos));
  return Value(isinstance_of(a.pos[0], a.pos[1]));
}

Value b_type(Interp&, CallArgs& a) {
  if (a.npos == 1 && a.nkw == 0) return type_of(a.pos[0]);
  if (a.npos == 3) raise_not_supported("type() with three arguments (creating classes)");
  raise_type_error("type() takes 1 or 3 arguments");
}

Value b_slice(Interp&, CallArgs& a) {
  if (a.nkw) raise_type_error("slice() takes no keyword arguments");
  if (a.npos < 1 || a.npos > 3) raise_type_error("slice expected at least 1 argument, got " + std::to_string(a.npos));
  if (a.npos == 1) return Value(std::make_shared<SliceObj>(Value(), a.pos[0], Value()));
  return Value(std::make_shared<SliceObj>(a.pos[0], a.pos[1], a.npos == 3 ? a.pos[2] : Value()));
}

Value b_callable(Interp&, CallArgs& a) {
  Args args("callable", a, {"obj"}, 1, ArgStyle::Python);
  Object* o = args.get(0)->obj();
  if (o && o->type == ObjType::Instance) return Value(class_lookup(static_cast<InstanceObj*>(o)->cls.get(), "__call__") != nullptr);
  return Value(o && (o->type == ObjType::Function || o->type == ObjType::Builtin || o->type == ObjType::BoundMethod ||
                     o->type == ObjType::Method || o->type == ObjType::Type ||
                     (o->type == ObjType::Wrapper && static_cast<WrapperObj*>(o)->kind == WrapperObj::Kind::StaticMethod)));
}

Value b_id(Interp&, CallArgs& a) {
  Args args("id", a, {"obj"}, 1, ArgStyle::Python);
  const Value& v = *args.get(0);
  const void* p = v.is_tensor() ? static_cast<const void*>(v.as_tensor().impl()) : v.obj() ? static_cast<const void*>(v.obj()) : &v;
  return Value(static_cast<int64_t>(reinterpret_cast<uintptr_t>(p)));
}

Value b_hash(Interp&, CallArgs& a) {
  Args args("hash", a, {"obj"}, 1, ArgStyle::Python);
  const Value& v = *args.get(0);
  if (v.is_number() || as_tuple(v) || v.as<SetObj>()) return Value(python_hash(v));  // CPython's own values
  return Value(static_cast<int64_t>(hash_value(v) & 0x7fffffffffffffffULL));
}

Value b_divmod(Interp&, CallArgs& a) {
  Args args("divmod", a, {"x", "y"}, 2, ArgStyle::Python);
  return make_tuple({binary_op(BinOpKind::FloorDiv, *args.get(0), *args.get(1)), binary_op(BinOpKind::Mod, *args.get(0), *args.get(1))});
}

Value b_pow(Interp&, CallArgs& a) {
  Args args("pow", a, {"base", "exp", "mod"}, 2, ArgStyle::Python);
  if (args.has(2)) {
    if (!args.get(0)->is_intlike() || !args.get(1)->is_intlike() || !args.get(2)->is_intlike())
      raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
    int64_t b = args.get(0)->as_int(), e = args.get(1)->as_int(), m = args.get(2)->as_int();
    if (m == 0) raise_value_error("pow() 3rd argument cannot be 0");
    if (e < 0) raise_not_supported("pow() with a negative exponent and a modulus");
    __int128 r = 1, base = ((b % m) + m) % m;
    while (e > 0) {
      if (e & 1) r = r * base % m;
      base = base * base % m;
      e >>= 1;
    }
    int64_t res = static_cast<int64_t>(r);
    if (m < 0 && res > 0) res += m;
    return Value(res);
  }
  return binary_op(BinOpKind::Pow, *args.get(0), *args.get(1));
}

Value b_chr(Interp&, CallArgs& a) {
  Args args("chr", a, {"i"}, 1, ArgStyle::Python);
  if (!args.get(0)->is_intlike()) raise_type_error(std::string("'") + type_name(*args.get(0)) + "' object cannot be interpreted as an integer");
  int64_t cp = args.get(0)->as_int();
  if (cp < 0 || cp > 0x10FFFF) raise_value_error("chr() arg not in range(0x110000)");
  return make_str(utf8_encode(static_cast<uint32_t>(cp)));
}

Value b_ord(Interp&, CallArgs& a) {
  Args args("ord", a, {"c"}, 1, ArgStyle::Python);
  const std::string* s = as_str(*args.get(0));
  if (!s) raise_type_error(std::string("ord() expected string of length 1, but ") + type_name(*args.get(0)) + " found");
  std::vector<uint32_t> cps;
  for (size_t i = 0; i < s->size();) {
    unsigned char c = static_cast<unsigned char>((*s)[i]);
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    uint32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (size_t k = 1; k < len && i + k < s->size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>((*s)[i + k]) & 0x3F);
    cps.push_back(cp);
    i += len;
  }
  if (cps.size() != 1) raise_type_error("ord() expected a character, but string of length " + std::to_string(cps.size()) + " found");
  return Value(static_cast<int64_t>(cps[0]));
}

Value b_getattr(Interp& in, CallArgs& a) {
  if (a.npos < 2 || a.npos > 3) raise_type_error("getattr expected 2 or 3 arguments, got " + std::to_string(a.npos));
  const std::string* n = as_str(a.pos[1]);
  if (!n) raise_type_error("attribute name must be string, not '" + std::string(type_name(a.pos[1])) + "'");
  if (a.npos == 3) {
    Interp::Mark m = in.mark();
    try {
      return in.get_attr(a.pos[0], *n);
    } catch (const gradlab::Error& e) {
      if (e.type() != "AttributeError" || in.interrupted_) throw;
      in.restore(m);
      return a.pos[2];
    }
  }
  return in.get_attr(a.pos[0], *n);
}

Value b_hasattr(Interp& in, CallArgs& a) {
  Args args("hasattr", a, {"obj", "name"}, 2, ArgStyle::Python);
  const std::string* n = as_str(*args.get(1));
  if (!n) raise_type_error("attribute name must be string, not '" + std::string(type_name(*args.get(1))) + "'");
  Interp::Mark m = in.mark();
  try {
    in.get_attr(*args.get(0), *n);
    return Value(true);
  } catch (const gradlab::Error& e) {
    if ((e.type() != "AttributeError" && e.type() != "NotImplementedError") || in.interrupted_) throw;
    in.restore(m);
    return Value(false);
  }
}

Value b_setattr(Interp& in, CallArgs& a) {
  Args args("setattr", a, {"obj", "name", "value"}, 3, ArgStyle::Python);
  const std::string* n = as_str(*args.get(1));
  if (!n) raise_type_error("attribute name must be string, not '" + std::string(type_name(*args.get(1))) + "'");
  in.set_attr(*args.get(0), *n, *args.get(2));
  return Value();
}

Value b_exit(Interp&, CallArgs& a) {
  Args args("exit", a, {"code"}, 0, ArgStyle::Python);
  const Value* code = args.get(0);
  if (!code || code->is_none()) raise("SystemExit", "");
  raise("SystemExit", str(*code));
}


}  // namespace

// ---- classes --------------------------------------------------------------------------------------
Value builtin_type(TypeId id) {
  static const Value types[] = {
      Value(std::make_shared<TypeObj>("NoneType", TypeId::NoneType, nullptr)),
      Value(std::make_shared<TypeObj>("bool", TypeId::Bool, b_bool)),
      Value(std::make_shared<TypeObj>("int", TypeId::Int, b_int)),
      Value(std::make_shared<TypeObj>("float", TypeId::Float, b_float)),
      Value(std::make_shared<TypeObj>("str", TypeId::Str, b_str)),
      Value(std::make_shared<TypeObj>("list", TypeId::List, b_list)),
      Value(std::make_shared<TypeObj>("tuple", TypeId::Tuple, b_tuple)),
      Value(std::make_shared<TypeObj>("dict", TypeId::Dict, b_dict)),
      Value(std::make_shared<TypeObj>("range", TypeId::Range, b_range)),
      Value(std::make_shared<TypeObj>("slice", TypeId::Slice, b_slice)),
      Value(std::make_shared<TypeObj>("Tensor", TypeId::Tensor, legacy_tensor_ctor, "torch")),
      Value(std::make_shared<TypeObj>("Size", TypeId::Size, nullptr, "torch")),
      Value(std::make_shared<TypeObj>("dtype", TypeId::DType, nullptr, "torch")),
      Value(std::make_shared<TypeObj>("device", TypeId::Device, nullptr, "torch")),
      Value(std::make_shared<TypeObj>("function", TypeId::Function, nullptr)),
      Value(std::make_shared<TypeObj>("builtin_function_or_method", TypeId::Builtin, nullptr)),
      Value(std::make_shared<TypeObj>("module", TypeId::Module, nullptr)),
      Value(std::make_shared<TypeObj>("type", TypeId::Type, b_type)),
  };
  static const Value set_type(std::make_shared<TypeObj>("set", TypeId::Set, [](Interp& in, CallArgs& a) { return set_constructor(in, a, false); }));
  static const Value frozenset_type(std::make_shared<TypeObj>("frozenset", TypeId::FrozenSet, [](Interp& in, CallArgs& a) { return set_constructor(in, a, true); }));
  static const Value generator_type(std::make_shared<TypeObj>("generator", TypeId::Generator, nullptr));
  if (id == TypeId::Set) return set_type;
  if (id == TypeId::FrozenSet) return frozenset_type;
  if (id == TypeId::Generator) return generator_type;
  size_t i = static_cast<size_t>(id);
  return i < std::size(types) ? types[i] : Value();
}

namespace {
Value other_type(const std::string& name, const char* module) {
  static std::unordered_map<std::string, Value> cache;
  std::string key = std::string(module) + "." + name;
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  Value t(std::make_shared<TypeObj>(name.c_str(), TypeId::Other, nullptr, module));
  cache.emplace(key, t);
  return t;
}
}  // namespace

Value type_of(const Value& v) {
  if (v.is_none()) return builtin_type(TypeId::NoneType);
  if (v.is_bool()) return builtin_type(TypeId::Bool);
  if (v.is_int()) return builtin_type(TypeId::Int);
  if (v.is_float()) return builtin_type(TypeId::Float);
  if (v.is_tensor()) return v.as_tensor().impl()->is_parameter ? parameter_type() : builtin_type(TypeId::Tensor);
  Object* o = v.obj();
  switch (o->type) {
    case ObjType::Str: return builtin_type(TypeId::Str);
    case ObjType::List: return builtin_type(TypeId::List);
    case ObjType::Tuple: return builtin_type(TypeId::Tuple);
    case ObjType::Size: return builtin_type(TypeId::Size);
    case ObjType::Dict: return builtin_type(TypeId::Dict);
    case ObjType::Range: return builtin_type(TypeId::Range);
    case ObjType::Slice: return builtin_type(TypeId::Slice);
    case ObjType::DType: return builtin_type(TypeId::DType);
    case ObjType::Device: return builtin_type(TypeId::Device);
    case ObjType::Function: return builtin_type(TypeId::Function);
    case ObjType::Builtin:
    case ObjType::BoundMethod: return builtin_type(TypeId::Builtin);
    case ObjType::Module: return builtin_type(TypeId::Module);
    case ObjType::Type: return builtin_type(TypeId::Type);
    case ObjType::ReturnTypes: return other_type(static_cast<SeqObj*>(o)->struct_name, "torch.return_types");
    case ObjType::GradFn: return other_type(static_cast<GradFnObj*>(o)->node->name(), "builtins");
    case ObjType::Context: return other_type(static_cast<ContextObj*>(o)->name(), "torch.autograd.grad_mode");
    case ObjType::Exception: {
      const std::string& n = static_cast<ExceptionObj*>(o)->type_name;
      if (Interp* in = current_interp()) {
        auto it = in->builtins_.find(n);
        if (it != in->builtins_.end() && it->second.as<TypeObj>()) return it->second;
      }
      return other_type(n, "builtins");
    }
    case ObjType::Instance: return Value(std::static_pointer_cast<Object>(static_cast<InstanceObj*>(o)->cls));
    case ObjType::Wrapper:
    case ObjType::Super: {
      if (Interp* in = current_interp()) {
        auto it = in->builtins_.find(type_name(v));
        if (it != in->builtins_.end()) return it->second;
      }
      return other_type(type_name(v), "builtins");
    }
    case ObjType::Random: return random_type();
    case ObjType::Set: return builtin_type(TypeId::Set);
    case ObjType::FrozenSet: return builtin_type(TypeId::FrozenSet);
    case ObjType::Generator: return builtin_type(TypeId::Generator);
    default: return other_type(type_name(v), "builtins");
  }
}

namespace {

// Exception classes: calling one makes an ExceptionObj named after the class.
const char* const kExceptionNames[] = {
    "BaseException", "Exception", "ArithmeticError", "AssertionError", "AttributeError", "ImportError",
    "IndexError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError",
    "NameError", "NotImplementedError", "OverflowError", "RecursionError", "RuntimeError", "StopIteration",
    "SystemExit", "TimeoutError", "TypeError", "UnboundLocalError", "ValueError", "ZeroDivisionError",
    "GeneratorExit", "FloatingPointError", "BufferError", "EOFError", "OSError", "FileNotFoundError",
    "PermissionError", "ReferenceError", "StopAsyncIteration", "SyntaxError", "IndentationError", "TabError",
    "SystemError", "UnicodeError", "Warning", "UserWarning", "DeprecationWarning", "RuntimeWarning",
};

template <size_t I>
Value make_exception(Interp&, CallArgs& a) {
  if (a.nkw) raise_type_error(std::string(kExceptionNames[I]) + "() takes no keyword arguments");
  return Value(std::make_shared<ExceptionObj>(kExceptionNames[I], std::vector<Value>(a.pos, a.pos + a.npos)));
}

template <size_t... I>
void install_exceptions(Interp& in, std::index_sequence<I...>) {
  auto make = [](const char* name, BuiltinFn ctor) {
    auto t = std::make_shared<TypeObj>(name, TypeId::Exception, ctor);
    make_subclassable_exception(t.get());
    return Value(std::static_pointer_cast<Object>(t));
  };
  ((in.builtins_[kExceptionNames[I]] = make(kExceptionNames[I], make_exception<I>)), ...);
}

}  // namespace

void install_builtins(Interp& in) {
  auto& b = in.builtins_;
  // Every Python builtin exists; the ones gradlab lacks explain themselves when called.
  // (A null fn makes Interp::call raise "open() is not supported by gradlab".)
  for (const char* const* n = names::kBuiltins; *n; ++n) {
    std::string name = *n;
    if (name.rfind("__", 0) == 0) continue;
    b[name] = Value(std::make_shared<BuiltinObj>(*n, nullptr));
  }
  b["print"] = builtin("print", b_print);
  b["len"] = builtin("len", b_len);
  b["abs"] = builtin("abs", b_abs);
  b["min"] = builtin("min", b_min);
  b["max"] = builtin("max", b_max);
  b["sum"] = builtin("sum", b_sum);
  b["round"] = builtin("round", b_round);
  b["repr"] = builtin("repr", b_repr);
  b["sorted"] = builtin("sorted", b_sorted);
  b["any"] = builtin("any", b_any);
  b["all"] = builtin("all", b_all);
  b["next"] = builtin("next", b_next);
  b["iter"] = builtin("iter", b_iter);
  b["isinstance"] = builtin("isinstance", b_isinstance);
  b["callable"] = builtin("callable", b_callable);
  b["id"] = builtin("id", b_id);
  b["hash"] = builtin("hash", b_hash);
  b["divmod"] = builtin("divmod", b_divmod);
  b["pow"] = builtin("pow", b_pow);
  b["chr"] = builtin("chr", b_chr);
  b["ord"] = builtin("ord", b_ord);
  b["getattr"] = builtin("getattr", b_getattr);
  b["hasattr"] = builtin("hasattr", b_hasattr);
  b["setattr"] = builtin("setattr", b_setattr);
  b["exit"] = builtin("exit", b_exit);
  b["quit"] = builtin("quit", b_exit);
  b["int"] = builtin_type(TypeId::Int);
  b["float"] = builtin_type(TypeId::Float);
  b["bool"] = builtin_type(TypeId::Bool);
  b["str"] = builtin_type(TypeId::Str);
  b["list"] = builtin_type(TypeId::List);
  b["tuple"] = builtin_type(TypeId::Tuple);
  b["dict"] = builtin_type(TypeId::Dict);
  b["set"] = builtin_type(TypeId::Set);
  b["frozenset"] = builtin_type(TypeId::FrozenSet);
  b["range"] = builtin_type(TypeId::Range);
  b["type"] = builtin_type(TypeId::Type);
  b["slice"] = builtin_type(TypeId::Slice);
  b["enumerate"] = Value(std::make_shared<TypeObj>("enumerate", TypeId::Other, b_enumerate));
  b["zip"] = Value(std::make_shared<TypeObj>("zip", TypeId::Other, b_zip));
  b["reversed"] = Value(std::make_shared<TypeObj>("reversed", TypeId::Other, b_reversed));
  b["map"] = Value(std::make_shared<TypeObj>("map", TypeId::Other, b_map));
  b["filter"] = Value(std::make_shared<TypeObj>("filter", TypeId::Other, b_filter));
  b["None"] = Value();
  b["Ellipsis"] = ellipsis_value();
  install_exceptions(in, std::make_index_sequence<std::size(kExceptionNames)>{});
  install_class_builtins(in);
  install_extra_builtins(in);
  install_dir_builtin(in);
}

}  // namespace gradlab::script
