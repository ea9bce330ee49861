// Port of CPython 3.11's float -> text paths. Names in comments refer to CPython functions so
// a reader can check each step against the original.
#include "engine/format/python_repr.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine/allocation_limit.h"
#include "engine/error.h"

namespace gradlab {
namespace {

// A finite, non-negative value as CPython's _Py_dg_dtoa returns it:
// value = 0.<digits> * 10^decpt, digits without trailing zeros ("0" with decpt 1 for zero).
struct Digits {
  std::string digits;
  int decpt = 1;
};

// snprintf into a std::string of the right size (fixed notation of 1e308 needs 300+ chars).
template <class... Args>
std::string sprintf_string(const char* fmt, Args... args) {
  int n = std::snprintf(nullptr, 0, fmt, args...);
  if (n < 0) throw std::bad_alloc();  // the C library could not make the text (a huge precision)
  check_allocation(static_cast<size_t>(n) + 1);
  std::string out(static_cast<size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), fmt, args...);
  out.resize(static_cast<size_t>(n));
  return out;
}

// Splits snprintf's "%.Ne" output ("d.ddde+XX") into Digits, dropping trailing zeros as dtoa does.
Digits digits_from_e_string(const std::string& s) {
  Digits d;
  size_t e = s.find('e');
  for (size_t i = 0; i < e; ++i)
    if (s[i] != '.') d.digits += s[i];
  d.decpt = std::atoi(s.c_str() + e + 1) + 1;
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits == "0") d.decpt = 1;
  return d;
}

std::string e_string(double a, int significant) { return sprintf_string("%.*e", significant - 1, a); }

bool reads_back(const std::string& s, double a) { return std::strtod(s.c_str(), nullptr) == a; }

// Adds one unit in the last place of an "%.Ne" string's mantissa ("1.299e+05" -> "1.300e+05",
// "9.99e+05" -> "1.000e+06").
std::string bump_last_digit(const std::string& s) {
  size_t e = s.find('e');
  std::string mant = s.substr(0, e);
  int exp = std::atoi(s.c_str() + e + 1);
  int i = static_cast<int>(mant.size()) - 1;
  for (; i >= 0; --i) {
    if (mant[i] == '.') continue;
    if (mant[i] != '9') {
      ++mant[i];
      break;
    }
    mant[i] = '0';
  }
  if (i < 0) {  // carried out of the leading digit: 9.99 -> 1.00 with exponent + 1
    mant[0] = '1';
    ++exp;
  }
  return mant + sprintf_string("e%+.02d", exp);
}

// dtoa mode 0: the shortest digit string that reads back to `a`, and of those the closest.
// The correctly rounded N-digit string is the closest N-digit candidate, so it is the one to
// try first; at a power of two the interval below `a` is half as wide as the one above, so a
// candidate one unit higher can read back when the rounded-down one does not.
Digits shortest_digits(double a) {
  if (a == 0) return Digits{"0", 1};
  for (int n = 1; n <= 17; ++n) {
    std::string s = e_string(a, n);
    if (reads_back(s, a)) return digits_from_e_string(s);
    if (std::strtod(s.c_str(), nullptr) < a) {
      std::string up = bump_last_digit(s);
      if (reads_back(up, a)) return digits_from_e_string(up);
    }
  }
  return digits_from_e_string(e_string(a, 17));  // 17 significant digits always read back
}

// dtoa mode 2: `a` correctly rounded to n significant digits (trailing zeros dropped).
Digits rounded_digits(double a, int n) { return digits_from_e_string(e_string(a, n)); }

// The layout half of CPython's format_float_short for the 'r' (repr) and 'g' codes: where the
// decimal point goes, zero padding, exponent. Returns the text without a sign.
std::string layout_digits(const Digits& d, bool repr_mode, int precision, bool add_dot_0, bool alt) {
  check_allocation(static_cast<size_t>(std::max(precision, 0)) + d.digits.size() + 32);  // zero padding
  const std::string& digits = d.digits;
  int digits_len = static_cast<int>(digits.size());
  int decpt = d.decpt;
  int vdigits_end = digits_len;
  bool use_exp = false;
  if (repr_mode) {
    // repr switches to an exponent at 1e16 and below 1e-4.
    use_exp = decpt <= -4 || decpt > 16;
  } else {
    use_exp = decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision);
    if (alt) vdigits_end = precision;
  }
  int exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0)
    vdigits_end = std::max(vdigits_end, decpt + 1);
  else
    vdigits_end = std::max(vdigits_end, decpt);

  std::string out;
  if (decpt <= 0) {
    out.append(static_cast<size_t>(decpt - vdigits_start), '0');
    out += '.';
    out.append(static_cast<size_t>(-decpt), '0');
  } else {
    out.append(static_cast<size_t>(-vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    out += digits.substr(0, static_cast<size_t>(decpt));
    out += '.';
    out += digits.substr(static_cast<size_t>(decpt));
  } else {
    out += digits;
  }
  if (digits_len < decpt) {
    out.append(static_cast<size_t>(decpt - digits_len), '0');
    out += '.';
    out.append(static_cast<size_t>(vdigits_end - decpt), '0');
  } else {
    out.append(static_cast<size_t>(vdigits_end - digits_len), '0');
  }
  if (out.back() == '.' && !alt) out.pop_back();
  if (use_exp) out += sprintf_string("e%+.02d", exp);
  return out;
}

// A parsed float format spec (CPython's InternalFormatSpec).
struct FormatSpec {
  std::string fill = " ";  // one code point, kept as UTF-8
  char align = '>';        // numbers default to right alignment
  bool align_given = false;
  char sign = '-';
  bool no_neg_0 = false;  // 'z' (Python 3.11): -0.0 after rounding prints as 0.0
  bool alternate = false;
  int64_t width = -1;
  char thousands = 0;  // ',' or '_' or 0
  int64_t precision = -1;
  char type = 0;
};

bool is_alignment(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// get_integer: reads a run of digits; returns how many were consumed.
size_t read_integer(const std::string& s, size_t& pos, int64_t& value) {
  size_t start = pos;
  value = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
    int digit = s[pos] - '0';
    if (value > (INT64_MAX - digit) / 10) value_error("Too many decimal digits in format string");
    value = value * 10 + digit;
    ++pos;
  }
  return pos - start;
}

// parse_internal_render_format_spec, for a float argument.
FormatSpec parse_spec(const std::string& spec) {
  FormatSpec f;
  size_t pos = 0, end = spec.size();
  bool fill_given = false;
  size_t lead = end ? utf8_length(static_cast<unsigned char>(spec[0])) : 0;
  if (end > lead && is_alignment(spec[lead])) {
    f.fill = spec.substr(0, lead);
    f.align = spec[lead];
    fill_given = f.align_given = true;
    pos = lead + 1;
  } else if (end >= 1 && is_alignment(spec[0])) {
    f.align = spec[0];
    f.align_given = true;
    pos = 1;
  }
  if (pos < end && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) f.sign = spec[pos++];
  if (pos < end && spec[pos] == 'z') f.no_neg_0 = true, ++pos;
  if (pos < end && spec[pos] == '#') f.alternate = true, ++pos;
  if (!fill_given && pos < end && spec[pos] == '0') {
    // Sign-aware zero padding: '0' before the width acts as fill '0' with '=' alignment.
    f.fill = "0";
    if (!f.align_given) f.align = '=';
    ++pos;
  }
  if (read_integer(spec, pos, f.width) == 0) f.width = -1;
  if (pos < end && spec[pos] == ',') f.thousands = ',', ++pos;
  if (pos < end && spec[pos] == '_') {
    if (f.thousands) value_error("Cannot specify both ',' and '_'.");
    f.thousands = '_', ++pos;
  }
  if (pos < end && spec[pos] == ',' && f.thousands == '_') value_error("Cannot specify both ',' and '_'.");
  if (pos < end && spec[pos] == '.') {
    ++pos;
    if (read_integer(spec, pos, f.precision) == 0) value_error("Format specifier missing precision");
  }
  if (end - pos > 1) value_error("Invalid format specifier '" + spec + "' for object of type 'float'");
  if (end - pos == 1) f.type = spec[pos];
  if (f.thousands) {
    static const std::string allowed = std::string("defgEGF%") + '\0';
    if (allowed.find(f.type) == std::string::npos) {
      std::string type_text = f.type >= 0x20 && f.type < 0x7f ? std::string(1, f.type)
                                                              : sprintf_string("\\x%x", f.type & 0xff);
      value_error(std::string("Cannot specify '") + f.thousands + "' with '" + type_text + "'.");
    }
  }
  return f;
}

// _PyUnicode_InsertThousandsGrouping with a grouping of every 3 digits (or none when sep is 0):
// groups the integer digits, padding with zeros up to min_width when zero-padding was requested.
std::string group_digits(const std::string& digits, int64_t min_width, char sep) {
  std::string out;  // built right to left, reversed at the end
  int64_t remaining = static_cast<int64_t>(digits.size());
  bool use_separator = false;
  auto emit = [&](int64_t l) {
    int64_t n_zeros = std::max<int64_t>(0, l - remaining);
    int64_t n_chars = std::max<int64_t>(0, std::min(remaining, l));
    if (use_separator) out += sep;
    for (int64_t i = 0; i < n_chars; ++i) out += digits[static_cast<size_t>(remaining - 1 - i)];
    out.append(static_cast<size_t>(n_zeros), '0');
    remaining -= n_chars;
  };
  bool broke = false;
  if (sep) {
    for (;;) {
      int64_t l = std::min<int64_t>(3, std::max<int64_t>(std::max(remaining, min_width), 1));
      emit(l);
      use_separator = true;
      min_width -= l;
      if (remaining <= 0 && min_width <= 0) {
        broke = true;
        break;
      }
      min_width -= 1;  // the separator's width
    }
  }
  if (!broke) emit(std::max<int64_t>(std::max(remaining, min_width), 1));
  std::reverse(out.begin(), out.end());
  return out;
}

// A format spec's padding. The width is the learner's ({x:99999999999999}): a width too large to
// allocate is MemoryError at once, as in Python, not a long fill loop (Note [Allocation limit]).
std::string repeat_fill(const std::string& fill, int64_t n) {
  if (n <= 0) return {};
  check_allocation(static_cast<size_t>(n), fill.size());
  if (static_cast<size_t>(n) > std::string().max_size() / fill.size()) throw std::bad_alloc();
  std::string out;
  out.reserve(static_cast<size_t>(n) * fill.size());
  for (int64_t i = 0; i < n; ++i) out += fill;
  return out;
}

// Past these precisions a double's exact decimal expansion has nothing more to show (at most 767
// significant digits, at most 1074 after the point), so the C library is asked for this many
// and the rest is zeros: a huge precision costs its length, not the C library's buffers.
constexpr int kMaxSignificant = 800;
constexpr int kMaxFractional = 1100;

// "%.Ne" / "%.Nf" text of a for any precision p, padded with the zeros the C library would print.
std::string e_text(double a, int p, bool alt) {
  if (p <= kMaxSignificant) return sprintf_string(alt ? "%#.*e" : "%.*e", p, a);
  std::string s = sprintf_string("%.*e", kMaxSignificant, a);
  const size_t e = s.find('e');
  return s.substr(0, e) + repeat_fill("0", p - kMaxSignificant) + s.substr(e);
}
std::string f_text(double a, int p, bool alt) {
  if (p <= kMaxFractional) return sprintf_string(alt ? "%#.*f" : "%.*f", p, a);
  return sprintf_string("%.*f", kMaxFractional, a) + repeat_fill("0", p - kMaxFractional);
}

// The sign-less text of |v| for a type (format_float_internal + PyOS_double_to_string).
std::string float_body(double a, const FormatSpec& f) {
  char type = f.type;
  if (std::isnan(a)) return "nan";
  if (std::isinf(a)) return "inf";
  if (type == 0) {
    // No type: repr without a precision, else 'g' keeping at least one digit after the point.
    if (f.precision < 0) return layout_digits(shortest_digits(a), true, 0, true, f.alternate);
    int p = static_cast<int>(std::max<int64_t>(f.precision, 1));
    return layout_digits(rounded_digits(a, std::min(p, kMaxSignificant)), false, p, true, f.alternate);
  }
  int p = f.precision < 0 ? 6 : static_cast<int>(f.precision);
  switch (type) {
    case 'e':
    case 'E':  // snprintf and dtoa agree exactly for e and f: both round the exact binary value
      return e_text(a, p, f.alternate);
    case 'f':
    case 'F':
    case '%':
      return f_text(a, p, f.alternate);
    default: {  // 'g', 'G', 'n'
      p = std::max(p, 1);
      return layout_digits(rounded_digits(a, std::min(p, kMaxSignificant)), false, p, false, f.alternate);
    }
  }
}

}  // namespace

std::string python_float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  std::string body = layout_digits(shortest_digits(std::fabs(v)), true, 0, true, false);
  return std::signbit(v) ? "-" + body : body;
}

std::string python_float_str_format(double v, const std::string& spec) {
  FormatSpec f = parse_spec(spec);
  if (f.precision > INT32_MAX) value_error("precision too big");
  static const std::string float_types = "eEfFgGn%";
  if (f.type != 0 && float_types.find(f.type) == std::string::npos) {
    std::string code = f.type >= 0x20 && f.type < 0x7f ? std::string(1, f.type)
                                                        : sprintf_string("\\x%x", f.type & 0xff);
    value_error("Unknown format code '" + code + "' for object of type 'float'");
  }
  if (f.type == '%') v *= 100;
  // The sign of a nan is never shown (format_float_short ignores it).
  bool negative = std::signbit(v) && !std::isnan(v);
  std::string body = float_body(std::fabs(v), f);
  if (f.type == 'E' || f.type == 'F' || f.type == 'G')
    std::transform(body.begin(), body.end(), body.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
  if (negative && f.no_neg_0 && std::isfinite(v)) {
    std::string mantissa = body.substr(0, body.find_first_of("eE"));
    if (mantissa.find_first_of("123456789") == std::string::npos) negative = false;
  }
  if (f.type == '%') body += '%';

  std::string sign;
  if (negative) sign = "-";
  else if (f.sign == '+' || f.sign == ' ') sign = std::string(1, f.sign);

  // parse_number + calc_number_widths: integer digits, then the decimal point and the rest.
  size_t n_digits = 0;
  while (n_digits < body.size() && body[n_digits] >= '0' && body[n_digits] <= '9') ++n_digits;
  std::string int_digits = body.substr(0, n_digits);
  std::string rest = body.substr(n_digits);  // ".5", ".5e+03", "e+16", "%", "inf" ...
  int64_t non_digit = static_cast<int64_t>(sign.size() + rest.size());
  int64_t min_width = (f.fill == "0" && f.align == '=') ? f.width - non_digit : 0;
  // The 'n' type groups by the locale; gradlab always runs in the C locale, which has none.
  char sep = f.type == 'n' ? 0 : f.thousands;
  std::string grouped = n_digits == 0 ? "" : group_digits(int_digits, min_width, sep);

  int64_t padding = f.width - (non_digit + static_cast<int64_t>(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (padding > 0) {
    switch (f.align) {
      case '<': rpad = padding; break;
      case '^': lpad = padding / 2, rpad = padding - lpad; break;
      case '=': spad = padding; break;
      default: lpad = padding; break;
    }
  }
  return repeat_fill(f.fill, lpad) + sign + repeat_fill(f.fill, spad) + grouped + rest +
         repeat_fill(f.fill, rpad);
}

}  // namespace gradlab
