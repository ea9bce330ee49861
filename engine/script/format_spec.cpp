// Python's three string-formatting languages:
//   format(value, spec) / f"{value:spec}"  — the format-spec mini-language (floats delegate to
//                                            python_float_str_format, ints and strs are here);
//   "...".format(...)                      — replacement fields with auto/manual numbering;
//   "..." % args                           — printf-style formatting.
// Tensors format like PyTorch's Tensor.__format__: a 0-d tensor formats its .item(), anything
// else only with an empty spec.
#include <cmath>

#include "engine/format/python_repr.h"
#include "engine/script/runtime.h"
#include "engine/tensor.h"

namespace gradlab::script {

std::string utf8_encode(uint32_t cp) {
  std::string ch;
  if (cp < 0x80) {
    ch += static_cast<char>(cp);
  } else if (cp < 0x800) {
    ch += static_cast<char>(0xC0 | (cp >> 6));
    ch += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    ch += static_cast<char>(0xE0 | (cp >> 12));
    ch += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    ch += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    ch += static_cast<char>(0xF0 | (cp >> 18));
    ch += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    ch += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    ch += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return ch;
}

namespace {

struct Spec {
  std::string fill = " ";
  char align = 0;
  char sign = 0;
  bool alt = false;
  bool zero = false;
  int64_t width = -1;
  char grouping = 0;
  int64_t precision = -1;
  char type = 0;
};

size_t utf8_length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

Spec parse_spec(const std::string& spec, const char* type_for_errors) {
  Spec s;
  size_t i = 0, n = spec.size();
  auto invalid = [&]() {
    raise_value_error("Invalid format specifier '" + spec + "' for object of type '" + type_for_errors + "'");
  };
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
  // [[fill]align]: the fill may be any (UTF-8) character
  size_t first_len = 1;
  if (n > 0) {
    unsigned char c = static_cast<unsigned char>(spec[0]);
    first_len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  }
  if (n > first_len && is_align(spec[first_len])) {
    s.fill = spec.substr(0, first_len);
    s.align = spec[first_len];
    i = first_len + 1;
  } else if (n > 0 && is_align(spec[0])) {
    s.align = spec[0];
    i = 1;
  }
  if (i < n && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) s.sign = spec[i++];
  if (i < n && spec[i] == 'z') ++i;  // negative-zero coercion: floats only, handled by the float formatter
  if (i < n && spec[i] == '#') {
    s.alt = true;
    ++i;
  }
  if (i < n && spec[i] == '0') {
    s.zero = true;
    if (!s.align) {
      s.fill = "0";
      s.align = '=';
    }
    ++i;
  }
  size_t w0 = i;
  while (i < n && spec[i] >= '0' && spec[i] <= '9') {
    if (i - w0 > 15) raise_value_error("Too many decimal digits in format string");
    ++i;
  }
  if (i > w0) s.width = std::stoll(spec.substr(w0, i - w0));
  if (i < n && (spec[i] == ',' || spec[i] == '_')) s.grouping = spec[i++];
  if (i < n && (spec[i] == ',' || spec[i] == '_')) raise_value_error("Cannot specify both ',' and '_'.");
  if (i < n && spec[i] == '.') {
    ++i;
    size_t p0 = i;
    while (i < n && spec[i] >= '0' && spec[i] <= '9') {
      if (i - p0 > 15) raise_value_error("Too many decimal digits in format string");
      ++i;
    }
    if (i == p0) raise_value_error("Format specifier missing precision");
    s.precision = std::stoll(spec.substr(p0, i - p0));
  }
  if (n - i > 1) invalid();
  if (i < n) s.type = spec[i];
  return s;
}

std::string pad(const std::string& body, const Spec& s, char default_align, size_t sign_prefix_len = 0) {
  size_t len = utf8_length(body);
  if (s.width < 0 || static_cast<size_t>(s.width) <= len) return body;
  size_t total = static_cast<size_t>(s.width) - len;
  char align = s.align ? s.align : default_align;
  auto fill = [&](size_t k) {
    std::string out;
    for (size_t j = 0; j < k; ++j) out += s.fill;
    return out;
  };
  switch (align) {
    case '<': return body + fill(total);
    case '^': return fill(total / 2) + body + fill(total - total / 2);
    case '=': return body.substr(0, sign_prefix_len) + fill(total) + body.substr(sign_prefix_len);
    default: return fill(total) + body;
  }
}

std::string group_digits(const std::string& digits, char sep, size_t every) {
  std::string out;
  size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i && (n - i) % every == 0) out += sep;
    out += digits[i];
  }
  return out;
}

std::string format_int(int64_t v, const std::string& spec_text) {
  Spec s = parse_spec(spec_text, "int");
  char t = s.type ? s.type : 'd';
  switch (t) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return python_float_str_format(static_cast<double>(v), spec_text);
    case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c': break;
    default: raise_value_error(std::string("Unknown format code '") + t + "' for object of type 'int'");
  }
  if (s.precision >= 0) raise_value_error("Precision not allowed in integer format specifier");
  if (t == 'c') {
    if (s.sign) raise_value_error("Sign not allowed with integer format specifier 'c'");
    if (v < 0 || v > 0x10FFFF) raise("OverflowError", "%c arg not in range(0x110000)");
    return pad(utf8_encode(static_cast<uint32_t>(v)), s, '<');
  }
  bool neg = v < 0;
  uint64_t mag = neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
  const char* digits = t == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string body;
  do {
    body.insert(body.begin(), digits[mag % base]);
    mag /= base;
  } while (mag);
  if (s.grouping) {
    if (s.grouping == ',' && base != 10) raise_value_error(std::string("Cannot specify ',' with '") + t + "'.");
    body = group_digits(body, s.grouping, base == 10 ? 3 : 4);
  }
  std::string prefix;
  if (neg) prefix = "-";
  else if (s.sign == '+') prefix = "+";
  else if (s.sign == ' ') prefix = " ";
  if (s.alt && base != 10) prefix += t == 'b' ? "0b" : t == 'o' ? "0o" : t == 'x' ? "0x" : "0X";
  if (s.zero && s.grouping && (s.align == '=' ) && s.fill == "0" && s.width > 0) {
    // zero padding with grouping inserts separators into the padding too
    size_t want = static_cast<size_t>(s.width) - prefix.size();
    std::string raw;
    for (char c : body)
      if (c != s.grouping) raw += c;
    size_t every = base == 10 ? 3 : 4;
    while (group_digits(raw, s.grouping, every).size() < want) raw.insert(raw.begin(), '0');
    return prefix + group_digits(raw, s.grouping, every);
  }
  return pad(prefix + body, s, '>', prefix.size());
}

std::string format_str(const std::string& v, const std::string& spec_text) {
  Spec s = parse_spec(spec_text, "str");
  if (s.type && s.type != 's') raise_value_error(std::string("Unknown format code '") + s.type + "' for object of type 'str'");
  if (s.sign) raise_value_error("Sign not allowed in string format specifier");
  if (s.alt) raise_value_error("Alternate form (#) not allowed in string format specifier");
  if (s.align == '=') raise_value_error("'=' alignment not allowed in string format specifier");
  std::string body = v;
  if (s.precision >= 0) {
    size_t chars = 0, i = 0;
    while (i < body.size() && chars < static_cast<size_t>(s.precision)) {
      unsigned char c = static_cast<unsigned char>(body[i]);
      i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      ++chars;
    }
    body = body.substr(0, std::min(i, body.size()));
  }
  return pad(body, s, '<');
}

}  // namespace

std::string format_value(Interp& in, const Value& v, const std::string& spec) {
  if (v.is_float()) return spec.empty() ? python_float_repr(v.as_float()) : python_float_str_format(v.as_float(), spec);
  if (v.is_bool() && spec.empty()) return v.as_bool() ? "True" : "False";
  if (v.is_intlike()) return spec.empty() ? std::to_string(v.as_int()) : format_int(v.as_int(), spec);
  if (const std::string* s = as_str(v)) return spec.empty() ? *s : format_str(*s, spec);
  if (v.is_tensor()) {
    const Tensor& t = v.as_tensor();
    if (t.dim() == 0) {
      Scalar x = t.item();
      if (t.dtype() == DType::Bool) return format_value(in, Value(x.int_value != 0), spec);
      return format_value(in, x.is_integral ? Value(static_cast<int64_t>(x.value)) : Value(x.value), spec);
    }
    if (!spec.empty()) raise_type_error("unsupported format string passed to Tensor.__format__");
    return str(v);
  }
  if (!spec.empty()) raise_type_error(std::string("unsupported format string passed to ") + type_name(v) + ".__format__");
  return str(v);
}

// ---- str.format ------------------------------------------------------------------------------
namespace {

Value lookup_field(Interp& in, const std::string& field, CallArgs& args, size_t& auto_index, int& numbering) {
  size_t i = 0;
  while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
  std::string first = field.substr(0, i);
  Value v;
  if (first.empty() || std::all_of(first.begin(), first.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    size_t idx;
    if (first.empty()) {
      if (numbering == 2) raise_value_error("cannot switch from manual field specification to automatic field numbering");
      numbering = 1;
      idx = auto_index++;
    } else {
      if (numbering == 1) raise_value_error("cannot switch from automatic field numbering to manual field specification");
      numbering = 2;
      idx = std::stoul(first);
    }
    if (idx >= args.npos) raise_index_error("Replacement index " + std::to_string(idx) + " out of range for positional args tuple");
    v = args.pos[idx];
  } else {
    bool found = false;
    for (size_t k = 0; k < args.nkw; ++k)
      if (args.kw_names[k] == first) {
        v = args.kw[k];
        found = true;
      }
    if (!found) raise("KeyError", "'" + first + "'");
  }
  while (i < field.size()) {
    if (field[i] == '.') {
      size_t j = ++i;
      while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
      v = in.get_attr(v, field.substr(j, i - j));
    } else {
      size_t j = ++i;
      while (i < field.size() && field[i] != ']') ++i;
      if (i >= field.size()) raise_value_error("Missing ']' in format string");
      std::string key = field.substr(j, i - j);
      ++i;
      bool numeric = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
      v = get_item(in, v, numeric ? Value(static_cast<int64_t>(std::stoll(key))) : make_str(key));
    }
  }
  return v;
}

std::string format_with(Interp& in, const std::string& fmt, CallArgs& args, size_t& auto_index, int& numbering, int depth) {
  if (depth > 2) raise_value_error("Max string recursion exceeded");
  std::string out;
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c == '{') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
        out += '{';
        ++i;
        continue;
      }
      size_t j = i + 1;
      int level = 1;
      while (j < fmt.size()) {
        if (fmt[j] == '{') ++level;
        else if (fmt[j] == '}' && --level == 0) break;
        ++j;
      }
      if (j >= fmt.size()) raise_value_error("expected '}' before end of string");
      std::string field = fmt.substr(i + 1, j - i - 1);
      i = j;
      std::string spec;
      char conv = 0;
      size_t colon = std::string::npos, bang = std::string::npos;
      int br = 0;
      for (size_t k = 0; k < field.size(); ++k) {
        if (field[k] == '[') ++br;
        else if (field[k] == ']') --br;
        else if (br == 0 && field[k] == '!' && bang == std::string::npos && colon == std::string::npos) bang = k;
        else if (br == 0 && field[k] == ':' && colon == std::string::npos) {
          colon = k;
          break;
        }
      }
      if (colon != std::string::npos) {
        spec = format_with(in, field.substr(colon + 1), args, auto_index, numbering, depth + 1);
        field = field.substr(0, colon);
      }
      if (bang != std::string::npos) {
        if (bang + 2 != field.size()) raise_value_error("expected ':' after conversion specifier");
        conv = field[bang + 1];
        if (conv != 'r' && conv != 's' && conv != 'a') raise_value_error(std::string("Unknown conversion specifier ") + conv);
        field = field.substr(0, bang);
      }
      Value v = lookup_field(in, field, args, auto_index, numbering);
      if (conv == 'r' || conv == 'a') v = make_str(repr(v));
      else if (conv == 's') v = make_str(str(v));
      out += format_value(in, v, spec);
    } else if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
        out += '}';
        ++i;
        continue;
      }
      raise_value_error("Single '}' encountered in format string");
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Value str_format(Interp& in, const std::string& fmt, CallArgs& args) {
  size_t auto_index = 0;
  int numbering = 0;
  return make_str(format_with(in, fmt, args, auto_index, numbering, 0));
}

// ---- printf-style ---------------------------------------------------------------------------
std::string percent_format(const std::string& fmt, const Value& args) {
  std::vector<Value> items;
  const DictObj* mapping = args.as<DictObj>();
  if (auto* t = args.as<SeqObj>(); t && !t->is_list() && t->type != ObjType::ReturnTypes) items = t->items;
  else items.push_back(args);
  size_t next = 0;
  bool used_mapping = false;
  std::string out;
  auto take = [&]() -> Value {
    if (next >= items.size()) raise_type_error("not enough arguments for format string");
    return items[next++];
  };
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out += fmt[i];
      continue;
    }
    if (++i >= fmt.size()) raise_value_error("incomplete format");
    Value key_value;
    bool has_key = false;
    if (fmt[i] == '(') {
      size_t j = fmt.find(')', i);
      if (j == std::string::npos) raise_value_error("incomplete format key");
      if (!mapping) raise_type_error("format requires a mapping");
      std::string key = fmt.substr(i + 1, j - i - 1);
      const Value* v = const_cast<DictObj*>(mapping)->find(make_str(key));
      if (!v) raise("KeyError", "'" + key + "'");
      key_value = *v;
      has_key = used_mapping = true;
      i = j + 1;
    }
    bool minus = false, plus = false, space = false, alt = false, zero = false;
    for (; i < fmt.size(); ++i) {
      char c = fmt[i];
      if (c == '-') minus = true;
      else if (c == '+') plus = true;
      else if (c == ' ') space = true;
      else if (c == '#') alt = true;
      else if (c == '0') zero = true;
      else break;
    }
    int64_t width = -1, prec = -1;
    if (i < fmt.size() && fmt[i] == '*') {
      Value w = take();
      if (!w.is_intlike()) raise_type_error("* wants int");
      width = w.as_int();
      ++i;
    } else {
      size_t w0 = i;
      while (i < fmt.size() && isdigit(static_cast<unsigned char>(fmt[i]))) ++i;
      if (i > w0) width = std::stoll(fmt.substr(w0, std::min<size_t>(i - w0, 15)));
    }
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      if (i < fmt.size() && fmt[i] == '*') {
        Value p = take();
        if (!p.is_intlike()) raise_type_error("* wants int");
        prec = p.as_int();
        ++i;
      } else {
        size_t p0 = i;
        while (i < fmt.size() && isdigit(static_cast<unsigned char>(fmt[i]))) ++i;
        prec = i > p0 ? std::stoll(fmt.substr(p0, std::min<size_t>(i - p0, 15))) : 0;
      }
    }
    while (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
    if (i >= fmt.size()) raise_value_error("incomplete format");
    char type = fmt[i];
    if (type == '%') {
      out += '%';
      continue;
    }
    Value v = has_key ? key_value : take();
    std::string spec;
    if (minus) spec += '<';
    else if (zero && type != 's' && type != 'r' && type != 'a' && type != 'c') spec += '0';
    auto sign = [&]() { return plus ? std::string("+") : space ? std::string(" ") : std::string(); };
    std::string wstr = width >= 0 ? std::to_string(width) : "";
    switch (type) {
      case 'd': case 'i': case 'u': {
        int64_t n;
        if (v.is_intlike()) n = v.as_int();
        else if (v.is_float()) n = static_cast<int64_t>(std::trunc(v.as_float()));
        else if (v.is_tensor() && v.as_tensor().numel() == 1) n = static_cast<int64_t>(std::trunc(v.as_tensor().item().value));
        else raise_type_error(std::string("%") + type + " format: a real number is required, not " + type_name(v));
        std::string sp = (minus ? "<" : "") + sign() + (zero && !minus ? "0" : "") + wstr;
        std::string body = format_int(n, sign() + "d");
        if (prec > 0) {
          bool neg = body[0] == '-' || body[0] == '+' || body[0] == ' ';
          std::string digits = neg ? body.substr(1) : body;
          while (static_cast<int64_t>(digits.size()) < prec) digits.insert(digits.begin(), '0');
          body = (neg ? body.substr(0, 1) : "") + digits;
        }
        Spec s;
        s.width = width;
        s.align = minus ? '<' : (zero ? '=' : '>');
        if (zero && !minus) s.fill = "0";
        size_t prefix = (body[0] == '-' || body[0] == '+' || body[0] == ' ') ? 1 : 0;
        out += pad(body, s, '>', prefix);
        break;
      }
      case 'x': case 'X': case 'o': {
        if (!v.is_intlike()) raise_type_error(std::string("%") + type + " format: an integer is required, not " + type_name(v));
        std::string sp = (minus ? "<" : "") + sign() + (alt ? "#" : "") + (zero && !minus ? "0" : "") + wstr + type;
        out += format_int(v.as_int(), sp);
        break;
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double d;
        if (v.is_number()) d = v.as_number();
        else if (v.is_tensor() && v.as_tensor().numel() == 1) d = v.as_tensor().item().value;
        else raise_type_error(std::string("must be real number, not ") + type_name(v));
        std::string sp = (minus ? "<" : "") + sign() + (alt ? "#" : "") + (zero && !minus ? "0" : "") + wstr + "." +
                         std::to_string(prec >= 0 ? prec : 6) + type;
        out += python_float_str_format(d, sp);
        break;
      }
      case 's': case 'r': case 'a': case 'c': {
        std::string body;
        if (type == 's') body = str(v);
        else if (type == 'c') {
          if (v.is_intlike()) body = format_int(v.as_int(), "c");
          else if (const std::string* s = as_str(v)) body = *s;
          else raise_type_error("%c requires int or char");
        } else {
          body = repr(v);
        }
        if (prec >= 0 && type != 'c') body = format_str(body, "." + std::to_string(prec));
        Spec s;
        s.width = width;
        s.align = minus ? '<' : '>';
        out += pad(body, s, '>');
        break;
      }
      default: {
        char buf[128];
        std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu", type, static_cast<unsigned char>(type), i);
        raise_value_error(buf);
      }
    }
  }
  if (!used_mapping && next < items.size() && !mapping)
    raise_type_error("not all arguments converted during string formatting");
  return out;
}

}  // namespace gradlab::script
