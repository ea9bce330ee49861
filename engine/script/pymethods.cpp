// Methods of Python's own types: str, list, tuple (and torch.Size) and dict — the everyday ones
// a training script uses (append, join, format, items, ...). Each is a MethodFn taking the
// object as `self`; find_py_method maps (type, name) to it.
#include <algorithm>
#include <unordered_map>

#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

using Table = std::unordered_map<std::string, MethodFn>;

const std::string& S(const Value& self) { return *as_str(self); }
SeqObj& L(const Value& self) { return *self.as<SeqObj>(); }
DictObj& D(const Value& self) { return *self.as<DictObj>(); }

const std::string& str_arg(const Args& a, size_t i, const char* fname) {
  const std::string* s = as_str(*a.get(i));
  if (!s) raise_type_error(std::string(fname) + " arg must be None or str");
  return *s;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// ---- str ----
Value s_format(Interp& in, const Value& self, CallArgs& a) { return str_format(in, S(self), a); }

Value s_join(Interp& in, const Value& self, CallArgs& a) {
  Args args("join", a, {"iterable"}, 1, ArgStyle::Python);
  std::string out;
  size_t i = 0;
  for (const Value& v : to_vector(in, *args.get(0))) {
    const std::string* s = as_str(v);
    if (!s) raise_type_error("sequence item " + std::to_string(i) + ": expected str instance, " + type_name(v) + " found");
    if (i++) out += S(self);
    out += *s;
  }
  return make_str(std::move(out));
}

Value s_split(Interp&, const Value& self, CallArgs& a) {
  Args args("split", a, {"sep", "maxsplit"}, 0, ArgStyle::Python);
  const std::string& s = S(self);
  int64_t maxsplit = args.has(1) ? args.int_(1) : -1;
  std::vector<Value> out;
  if (!args.has(0)) {
    size_t i = 0;
    while (true) {
      while (i < s.size() && is_space(s[i])) ++i;
      if (i >= s.size()) break;
      if (maxsplit >= 0 && static_cast<int64_t>(out.size()) == maxsplit) {
        size_t e = s.size();
        while (e > i && is_space(s[e - 1])) --e;
        out.push_back(make_str(s.substr(i, e - i)));
        break;
      }
      size_t j = i;
      while (j < s.size() && !is_space(s[j])) ++j;
      out.push_back(make_str(s.substr(i, j - i)));
      i = j;
    }
    return make_list(std::move(out));
  }
  const std::string& sep = str_arg(args, 0, "split()");
  if (sep.empty()) raise_value_error("empty separator");
  size_t i = 0;
  while (true) {
    size_t j = s.find(sep, i);
    if (j == std::string::npos || (maxsplit >= 0 && static_cast<int64_t>(out.size()) == maxsplit)) {
      out.push_back(make_str(s.substr(i)));
      break;
    }
    out.push_back(make_str(s.substr(i, j - i)));
    i = j + sep.size();
  }
  return make_list(std::move(out));
}

Value strip_impl(const Value& self, CallArgs& a, const char* name, bool left, bool right) {
  Args args(name, a, {"chars"}, 0, ArgStyle::Python);
  const std::string& s = S(self);
  std::string chars = args.has(0) ? str_arg(args, 0, name) : std::string(" \t\n\r\f\v");
  size_t b = 0, e = s.size();
  if (left)
    while (b < e && chars.find(s[b]) != std::string::npos) ++b;
  if (right)
    while (e > b && chars.find(s[e - 1]) != std::string::npos) --e;
  return make_str(s.substr(b, e - b));
}
Value s_strip(Interp&, const Value& self, CallArgs& a) { return strip_impl(self, a, "strip", true, true); }
Value s_lstrip(Interp&, const Value& self, CallArgs& a) { return strip_impl(self, a, "lstrip", true, false); }
Value s_rstrip(Interp&, const Value& self, CallArgs& a) { return strip_impl(self, a, "rstrip", false, true); }

Value s_upper(Interp&, const Value& self, CallArgs& a) {
  Args args("upper", a, {}, 0, ArgStyle::Python);
  std::string s = S(self);
  for (char& c : s) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  return make_str(std::move(s));
}
Value s_lower(Interp&, const Value& self, CallArgs& a) {
  Args args("lower", a, {}, 0, ArgStyle::Python);
  std::string s = S(self);
  for (char& c : s) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
  return make_str(std::move(s));
}
Value s_capitalize(Interp&, const Value& self, CallArgs& a) {
  Args args("capitalize", a, {}, 0, ArgStyle::Python);
  std::string s = S(self);
  for (size_t i = 0; i < s.size(); ++i) s[i] = static_cast<char>(i ? tolower(static_cast<unsigned char>(s[i])) : toupper(static_cast<unsigned char>(s[i])));
  return make_str(std::move(s));
}
Value s_title(Interp&, const Value& self, CallArgs& a) {
  Args args("title", a, {}, 0, ArgStyle::Python);
  std::string s = S(self);
  bool prev_alpha = false;
  for (char& c : s) {
    bool alpha = isalpha(static_cast<unsigned char>(c));
    c = static_cast<char>(prev_alpha ? tolower(static_cast<unsigned char>(c)) : toupper(static_cast<unsigned char>(c)));
    prev_alpha = alpha;
  }
  return make_str(std::move(s));
}

Value s_replace(Interp&, const Value& self, CallArgs& a) {
  Args args("replace", a, {"old", "new", "count"}, 2, ArgStyle::Python);
  const std::string& s = S(self);
  const std::string& from = str_arg(args, 0, "replace()");
  const std::string& to = str_arg(args, 1, "replace()");
  int64_t count = args.has(2) ? args.int_(2) : -1;
  std::string out;
  size_t i = 0;
  int64_t done = 0;
  if (from.empty()) {
    for (size_t k = 0; k <= s.size(); ++k) {
      if (count < 0 || done < count) {
        out += to;
        ++done;
      }
      if (k < s.size()) out += s[k];
    }
    return make_str(std::move(out));
  }
  while (true) {
    size_t j = s.find(from, i);
    if (j == std::string::npos || (count >= 0 && done >= count)) break;
    out += s.substr(i, j - i) + to;
    i = j + from.size();
    ++done;
  }
  out += s.substr(i);
  return make_str(std::move(out));
}

Value affix(const Value& self, CallArgs& a, const char* name, bool start) {
  Args args(name, a, {"prefix"}, 1, ArgStyle::Python);
  const std::string& s = S(self);
  auto test = [&](const std::string& p) {
    return p.size() <= s.size() && (start ? s.compare(0, p.size(), p) == 0 : s.compare(s.size() - p.size(), p.size(), p) == 0);
  };
  if (auto* t = as_tuple(*args.get(0))) {
    for (const Value& v : t->items)
      if (as_str(v) && test(*as_str(v))) return Value(true);
    return Value(false);
  }
  const std::string* p = as_str(*args.get(0));
  if (!p) raise_type_error(std::string(name) + " first arg must be str or a tuple of str, not " + type_name(*args.get(0)));
  return Value(test(*p));
}
Value s_startswith(Interp&, const Value& self, CallArgs& a) { return affix(self, a, "startswith", true); }
Value s_endswith(Interp&, const Value& self, CallArgs& a) { return affix(self, a, "endswith", false); }

Value s_find(Interp&, const Value& self, CallArgs& a) {
  Args args("find", a, {"sub"}, 1, ArgStyle::Python);
  size_t j = S(self).find(str_arg(args, 0, "find()"));
  return Value(j == std::string::npos ? int64_t{-1} : static_cast<int64_t>(j));
}
Value s_index(Interp&, const Value& self, CallArgs& a) {
  Args args("index", a, {"sub"}, 1, ArgStyle::Python);
  size_t j = S(self).find(str_arg(args, 0, "index()"));
  if (j == std::string::npos) raise_value_error("substring not found");
  return Value(static_cast<int64_t>(j));
}
Value s_count(Interp&, const Value& self, CallArgs& a) {
  Args args("count", a, {"sub"}, 1, ArgStyle::Python);
  const std::string& sub = str_arg(args, 0, "count()");
  const std::string& s = S(self);
  if (sub.empty()) return Value(static_cast<int64_t>(s.size() + 1));
  int64_t n = 0;
  for (size_t i = s.find(sub); i != std::string::npos; i = s.find(sub, i + sub.size())) ++n;
  return Value(n);
}

Value justify(const Value& self, CallArgs& a, const char* name, char align) {
  Args args(name, a, {"width", "fillchar"}, 1, ArgStyle::Python);
  int64_t width = args.int_(0);
  std::string fill = args.has(1) ? str_arg(args, 1, name) : " ";
  const std::string& s = S(self);
  int64_t len = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++len;
  if (width <= len) return self;
  int64_t total = width - len, left = align == '<' ? 0 : align == '>' ? total : total / 2 + (total & width & 1);
  std::string out;
  for (int64_t i = 0; i < left; ++i) out += fill;
  out += s;
  for (int64_t i = 0; i < total - left; ++i) out += fill;
  return make_str(std::move(out));
}
Value s_ljust(Interp&, const Value& self, CallArgs& a) { return justify(self, a, "ljust", '<'); }
Value s_rjust(Interp&, const Value& self, CallArgs& a) { return justify(self, a, "rjust", '>'); }
Value s_center(Interp&, const Value& self, CallArgs& a) { return justify(self, a, "center", '^'); }

Value s_zfill(Interp&, const Value& self, CallArgs& a) {
  Args args("zfill", a, {"width"}, 1, ArgStyle::Python);
  std::string s = S(self);
  int64_t width = args.int_(0);
  size_t sign = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
  while (static_cast<int64_t>(s.size()) < width) s.insert(s.begin() + static_cast<std::ptrdiff_t>(sign), '0');
  return make_str(std::move(s));
}

template <int (*Pred)(int)>
Value s_is(Interp&, const Value& self, CallArgs& a) {
  Args args("is", a, {}, 0, ArgStyle::Python);
  const std::string& s = S(self);
  if (s.empty()) return Value(false);
  for (unsigned char c : s)
    if (!Pred(c)) return Value(false);
  return Value(true);
}

Value s_splitlines(Interp&, const Value& self, CallArgs& a) {
  Args args("splitlines", a, {"keepends"}, 0, ArgStyle::Python);
  bool keep = args.has(0) && truthy(*args.get(0));
  const std::string& s = S(self);
  std::vector<Value> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] != '\n' && s[j] != '\r') ++j;
    size_t e = j;
    if (j < s.size()) e = (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? j + 2 : j + 1;
    out.push_back(make_str(s.substr(i, (keep ? e : j) - i)));
    i = e;
  }
  return make_list(std::move(out));
}

// ---- list ----
Value l_append(Interp&, const Value& self, CallArgs& a) {
  Args args("append", a, {"object"}, 1, ArgStyle::Python);
  if (L(self).items.size() > (size_t{1} << 27)) raise("MemoryError", "");
  L(self).items.push_back(*args.get(0));
  return Value();
}
Value l_extend(Interp& in, const Value& self, CallArgs& a) {
  Args args("extend", a, {"iterable"}, 1, ArgStyle::Python);
  std::vector<Value> items = to_vector(in, *args.get(0));
  L(self).items.insert(L(self).items.end(), items.begin(), items.end());
  return Value();
}
Value l_pop(Interp&, const Value& self, CallArgs& a) {
  Args args("pop", a, {"index"}, 0, ArgStyle::Python);
  auto& items = L(self).items;
  if (items.empty()) raise_index_error("pop from empty list");
  int64_t n = static_cast<int64_t>(items.size());
  int64_t i = args.has(0) ? args.int_(0) : n - 1;
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise_index_error("pop index out of range");
  Value v = items[i];
  items.erase(items.begin() + i);
  return v;
}
Value l_insert(Interp&, const Value& self, CallArgs& a) {
  Args args("insert", a, {"index", "object"}, 2, ArgStyle::Python);
  auto& items = L(self).items;
  int64_t n = static_cast<int64_t>(items.size());
  int64_t i = args.int_(0);
  if (i < 0) i = std::max<int64_t>(0, i + n);
  i = std::min(i, n);
  items.insert(items.begin() + i, *args.get(1));
  return Value();
}
Value l_remove(Interp&, const Value& self, CallArgs& a) {
  Args args("remove", a, {"value"}, 1, ArgStyle::Python);
  auto& items = L(self).items;
  for (size_t i = 0; i < items.size(); ++i)
    if (is_same_object(items[i], *args.get(0)) || values_equal(items[i], *args.get(0))) {
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
      return Value();
    }
  raise_value_error("list.remove(x): x not in list");
}
Value seq_index(Interp&, const Value& self, CallArgs& a) {
  Args args("index", a, {"value"}, 1, ArgStyle::Python);
  auto& items = L(self).items;
  for (size_t i = 0; i < items.size(); ++i)
    if (is_same_object(items[i], *args.get(0)) || values_equal(items[i], *args.get(0))) return Value(static_cast<int64_t>(i));
  if (L(self).is_list()) raise_value_error(repr(*args.get(0)) + " is not in list");
  raise_value_error("tuple.index(x): x not in tuple");
}
Value seq_count(Interp&, const Value& self, CallArgs& a) {
  Args args("count", a, {"value"}, 1, ArgStyle::Python);
  int64_t n = 0;
  for (const Value& v : L(self).items)
    if (is_same_object(v, *args.get(0)) || values_equal(v, *args.get(0))) ++n;
  return Value(n);
}
Value l_reverse(Interp&, const Value& self, CallArgs& a) {
  Args args("reverse", a, {}, 0, ArgStyle::Python);
  std::reverse(L(self).items.begin(), L(self).items.end());
  return Value();
}
Value l_sort(Interp& in, const Value& self, CallArgs& a) {
  Args args("sort", a, {"key", "reverse"}, 0, ArgStyle::Python, 0);
  auto& items = L(self).items;
  bool reverse = args.has(1) && truthy(*args.get(1));
  items = sort_by_key(in, items, args.has(0) ? args.get(0) : nullptr, reverse);
  return Value();
}
Value l_copy(Interp&, const Value& self, CallArgs& a) {
  Args args("copy", a, {}, 0, ArgStyle::Python);
  return make_list(L(self).items);
}
Value l_clear(Interp&, const Value& self, CallArgs& a) {
  Args args("clear", a, {}, 0, ArgStyle::Python);
  L(self).items.clear();
  return Value();
}
Value size_numel(Interp&, const Value& self, CallArgs& a) {
  Args args("numel", a, {}, 0);
  int64_t n = 1;
  for (const Value& v : L(self).items) n *= v.as_int();
  return Value(n);
}

// ---- dict ----
Value d_keys(Interp&, const Value& self, CallArgs& a) {
  Args args("keys", a, {}, 0, ArgStyle::Python);
  std::vector<Value> out;
  for (auto& e : D(self).entries) out.push_back(e.first);
  return Value(std::make_shared<DictViewObj>("dict_keys", std::move(out)));
}
Value d_values(Interp&, const Value& self, CallArgs& a) {
  Args args("values", a, {}, 0, ArgStyle::Python);
  std::vector<Value> out;
  for (auto& e : D(self).entries) out.push_back(e.second);
  return Value(std::make_shared<DictViewObj>("dict_values", std::move(out)));
}
Value d_items(Interp&, const Value& self, CallArgs& a) {
  Args args("items", a, {}, 0, ArgStyle::Python);
  std::vector<Value> out;
  for (auto& e : D(self).entries) out.push_back(make_tuple({e.first, e.second}));
  return Value(std::make_shared<DictViewObj>("dict_items", std::move(out)));
}
Value d_get(Interp&, const Value& self, CallArgs& a) {
  Args args("get", a, {"key", "default"}, 1, ArgStyle::Python);
  Value* v = D(self).find(*args.get(0));
  if (v) return *v;
  return args.get(1) ? *args.get(1) : Value();
}
Value d_pop(Interp&, const Value& self, CallArgs& a) {
  Args args("pop", a, {"key", "default"}, 1, ArgStyle::Python);
  Value* v = D(self).find(*args.get(0));
  if (!v) {
    if (args.get(1)) return *args.get(1);
    raise_key_error(*args.get(0));
  }
  Value out = *v;
  D(self).erase(*args.get(0));
  return out;
}
Value d_setdefault(Interp&, const Value& self, CallArgs& a) {
  Args args("setdefault", a, {"key", "default"}, 1, ArgStyle::Python);
  if (Value* v = D(self).find(*args.get(0))) return *v;
  Value dflt = args.get(1) ? *args.get(1) : Value();
  D(self).set(*args.get(0), dflt);
  return dflt;
}
Value d_update(Interp& in, const Value& self, CallArgs& a) {
  if (a.npos > 1) raise_type_error("update expected at most 1 argument, got " + std::to_string(a.npos));
  if (a.npos == 1) {
    std::vector<std::pair<Value, Value>> items;
    if (auto* src = a.pos[0].as<DictObj>()) {
      auto entries = src->entries;
      for (auto& [k, v] : entries) D(self).set(k, v);
    } else if (mapping_items(in, a.pos[0], items)) {
      for (auto& [k, v] : items) D(self).set(k, v);
    } else {
      for (const Value& item : to_vector(in, a.pos[0])) {
        auto* p = item.as<SeqObj>();
        if (!p || p->items.size() != 2) raise_value_error("dictionary update sequence element has wrong length; 2 is required");
        D(self).set(p->items[0], p->items[1]);
      }
    }
  }
  for (size_t k = 0; k < a.nkw; ++k) D(self).set(make_str(a.kw_names[k]), a.kw[k]);
  return Value();
}
Value d_copy(Interp&, const Value& self, CallArgs& a) {
  Args args("copy", a, {}, 0, ArgStyle::Python);
  Value d = make_dict();
  for (auto& [k, v] : D(self).entries) d.as<DictObj>()->set(k, v);
  return d;
}
Value d_clear(Interp&, const Value& self, CallArgs& a) {
  Args args("clear", a, {}, 0, ArgStyle::Python);
  D(self).clear_refs();
  return Value();
}

const Table& str_table() {
  static const Table t = {
      {"format", s_format}, {"join", s_join}, {"split", s_split}, {"strip", s_strip}, {"lstrip", s_lstrip},
      {"rstrip", s_rstrip}, {"upper", s_upper}, {"lower", s_lower}, {"capitalize", s_capitalize}, {"title", s_title},
      {"replace", s_replace}, {"startswith", s_startswith}, {"endswith", s_endswith}, {"find", s_find},
      {"index", s_index}, {"count", s_count}, {"ljust", s_ljust}, {"rjust", s_rjust}, {"center", s_center},
      {"zfill", s_zfill}, {"isdigit", s_is<isdigit>}, {"isalpha", s_is<isalpha>}, {"isspace", s_is<isspace>},
      {"isalnum", s_is<isalnum>}, {"splitlines", s_splitlines},
  };
  return t;
}
const Table& list_table() {
  static const Table t = {
      {"append", l_append}, {"extend", l_extend}, {"pop", l_pop}, {"insert", l_insert}, {"remove", l_remove},
      {"index", seq_index}, {"count", seq_count}, {"reverse", l_reverse}, {"sort", l_sort}, {"copy", l_copy},
      {"clear", l_clear},
  };
  return t;
}
const Table& tuple_table() {
  static const Table t = {{"index", seq_index}, {"count", seq_count}};
  return t;
}
const Table& size_table() {
  static const Table t = {{"index", seq_index}, {"count", seq_count}, {"numel", size_numel}};
  return t;
}
const Table& dict_table() {
  static const Table t = {
      {"keys", d_keys}, {"values", d_values}, {"items", d_items}, {"get", d_get}, {"pop", d_pop},
      {"setdefault", d_setdefault}, {"update", d_update}, {"copy", d_copy}, {"clear", d_clear},
  };
  return t;
}

}  // namespace

MethodFn find_py_method(ObjType type, const std::string& name) {
  const Table* t = nullptr;
  switch (type) {
    case ObjType::Str: t = &str_table(); break;
    case ObjType::List: t = &list_table(); break;
    case ObjType::Tuple:
    case ObjType::ReturnTypes: t = &tuple_table(); break;
    case ObjType::Size: t = &size_table(); break;
    case ObjType::Dict: t = &dict_table(); break;
    case ObjType::Random: return find_random_method(name);
    case ObjType::Set: return find_set_method(false, name);
    case ObjType::FrozenSet: return find_set_method(true, name);
    default: return nullptr;
  }
  auto it = t->find(name);
  return it == t->end() ? nullptr : it->second;
}

}  // namespace gradlab::script
