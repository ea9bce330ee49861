// The tokenizer (see lexer.h). One pass over the bytes; the only state carried between lines is
// the indentation stack and the stack of open brackets (inside brackets newlines and
// indentation are ignored, as in Python).
#include "engine/script/lexer.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace gradlab::script {

const char* keyword_text(Kw k) {
  static const char* const names[] = {
      "",
#define GRADLAB_KW_TEXT(id, text) text,
      GRADLAB_KEYWORDS(GRADLAB_KW_TEXT)
#undef GRADLAB_KW_TEXT
  };
  return names[static_cast<size_t>(k)];
}

const char* op_text(Op op) {
  static const char* const names[] = {
      "",
#define GRADLAB_OP_TEXT(id, text) text,
      GRADLAB_OPERATORS(GRADLAB_OP_TEXT)
#undef GRADLAB_OP_TEXT
  };
  return names[static_cast<size_t>(op)];
}

namespace {

Kw keyword_of(std::string_view s) {
  // Built once; identifiers are looked up by hash instead of 35 string compares.
  static const std::unordered_map<std::string_view, Kw> table = [] {
    std::unordered_map<std::string_view, Kw> t;
#define GRADLAB_KW_ROW(id, text) t.emplace(text, Kw::id);
    GRADLAB_KEYWORDS(GRADLAB_KW_ROW)
#undef GRADLAB_KW_ROW
    return t;
  }();
  if (s.size() < 2 || s.size() > 8) return Kw::NotKeyword;
  auto it = table.find(s);
  return it == table.end() ? Kw::NotKeyword : it->second;
}

// Operators grouped by first character, longest first, so scanning one is a few compares.
struct OpCandidates {
  struct Entry {
    std::string_view text;
    Op op;
  };
  std::vector<Entry> by_first[128];
  OpCandidates() {
    for (int i = 1; i <= static_cast<int>(Op::Bang); ++i) {
      Op op = static_cast<Op>(i);
      std::string_view t = op_text(op);
      by_first[static_cast<unsigned char>(t[0])].push_back({t, op});
    }
    for (auto& v : by_first)
      std::stable_sort(v.begin(), v.end(), [](const Entry& a, const Entry& b) { return a.text.size() > b.text.size(); });
  }
};

Op match_operator(std::string_view rest, size_t* len) {
  static const OpCandidates cands;
  unsigned char c = static_cast<unsigned char>(rest[0]);
  if (c >= 128) return Op::None;
  for (const auto& e : cands.by_first[c]) {
    if (rest.substr(0, e.text.size()) == e.text) {
      *len = e.text.size();
      return e.op;
    }
  }
  return Op::None;
}

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_ident_start(unsigned char c) { return c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80; }
bool is_ident_char(unsigned char c) { return is_ident_start(c) || is_digit(c); }

[[noreturn]] void syntax_error(const std::string& msg, int line, int col, int end_col = -1,
                               const char* type = "SyntaxError") {
  throw SyntaxErrorEx(type, msg, SourceRange{line, col, line, end_col < 0 ? col + 1 : end_col});
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(c | 32);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

class Lexer {
 public:
  Lexer(std::string_view src, int first_line, int first_col)
      : src_(src), line_(first_line), line_start_col_offset_(first_col) {}

  std::vector<Token> run() {
    if (src_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = line_begin_ = 3;  // a UTF-8 byte order mark, as Python skips it
    indents_.push_back(0);
    alt_indents_.push_back(0);
    at_line_start_ = true;
    while (true) {
      if (at_line_start_ && brackets_.empty()) {
        if (!handle_indentation()) break;  // end of input
      }
      skip_spaces();
      if (pos_ >= src_.size()) break;
      char c = src_[pos_];
      if (c == '#') {
        while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
        continue;
      }
      if (c == '\n' || c == '\r') {
        // Inside brackets a newline is just whitespace: no NEWLINE, no indentation.
        bool in_brackets = !brackets_.empty();
        consume_newline(/*continuation=*/in_brackets);
        if (!in_brackets) emit_newline();
        continue;
      }
      if (c == '\\') {
        size_t p = pos_ + 1;
        if (p < src_.size() && src_[p] == '\r') ++p;
        if (p < src_.size() && src_[p] == '\n') {
          pos_ = p;
          consume_newline(/*continuation=*/true);
          if (pos_ >= src_.size()) syntax_error("unexpected EOF while parsing", line_, 0);
          continue;
        }
        syntax_error("unexpected character after line continuation character", line_, col() + 1);
      }
      lex_token();
    }
    if (!brackets_.empty()) {
      const auto& b = brackets_.back();
      syntax_error(std::string("'") + b.ch + "' was never closed", b.line, b.col);
    }
    if (!tokens_.empty() && tokens_.back().kind != Tok::Newline && tokens_.back().kind != Tok::Dedent &&
        tokens_.back().kind != Tok::Indent)
      emit_newline();
    while (indents_.size() > 1) {
      indents_.pop_back();
      push_simple(Tok::Dedent, line_, 0, 0);
    }
    push_simple(Tok::End, line_, 0, 0);
    return std::move(tokens_);
  }

 private:
  struct Bracket {
    char ch;
    int line, col;
  };

  int col() const { return static_cast<int>(pos_ - line_begin_) + (line_ == first_line_ ? line_start_col_offset_ : 0); }

  void consume_newline(bool continuation = false) {
    if (src_[pos_] == '\r') {
      ++pos_;
      if (pos_ < src_.size() && src_[pos_] == '\n') ++pos_;
    } else {
      ++pos_;
    }
    ++line_;
    line_begin_ = pos_;
    at_line_start_ = !continuation;
  }

  void skip_spaces() {
    while (pos_ < src_.size() && (src_[pos_] == ' ' || src_[pos_] == '\t' || src_[pos_] == '\f')) ++pos_;
  }

  void push_simple(Tok kind, int line, int c0, int c1) {
    Token t;
    t.kind = kind;
    t.pos = {line, c0, line, c1};
    tokens_.push_back(std::move(t));
  }

  void emit_newline() {
    if (tokens_.empty() || tokens_.back().kind == Tok::Newline) return;
    const auto& last = tokens_.back();
    push_simple(Tok::Newline, last.pos.end_line, last.pos.end_col, last.pos.end_col + 1);
  }

  // Measures the indentation of a new logical line; emits INDENT/DEDENT. Returns false at EOF.
  bool handle_indentation() {
    while (true) {
      int width = 0, alt = 0;
      size_t p = pos_;
      while (p < src_.size()) {
        char c = src_[p];
        if (c == ' ') {
          ++width;
          ++alt;
        } else if (c == '\t') {
          width = (width / 8 + 1) * 8;
          ++alt;
        } else if (c == '\f') {
          width = alt = 0;
        } else {
          break;
        }
        ++p;
      }
      pos_ = p;
      if (p >= src_.size()) return false;
      char c = src_[p];
      if (c == '#' ) {
        while (pos_ < src_.size() && src_[pos_] != '\n' && src_[pos_] != '\r') ++pos_;
        if (pos_ >= src_.size()) return false;
        consume_newline();
        continue;
      }
      if (c == '\n' || c == '\r') {
        consume_newline();
        continue;
      }
      if (c == '\\') {  // a line that starts with a continuation: indentation counts as usual
      }
      at_line_start_ = false;
      if (width > indents_.back()) {
        if (alt <= alt_indents_.back()) tab_error();
        if (indents_.size() >= 100) syntax_error("too many levels of indentation", line_, col(), -1, "IndentationError");
        indents_.push_back(width);
        alt_indents_.push_back(alt);
        push_simple(Tok::Indent, line_, 0, col());
      } else {
        while (width < indents_.back()) {
          indents_.pop_back();
          alt_indents_.pop_back();
          push_simple(Tok::Dedent, line_, col(), col());
        }
        if (width != indents_.back()) {
          size_t e = pos_;
          while (e < src_.size() && src_[e] != '\n' && src_[e] != '\r') ++e;
          int end = static_cast<int>(e - line_begin_);
          syntax_error("unindent does not match any outer indentation level", line_, end, end + 1, "IndentationError");
        }
        if (alt != alt_indents_.back()) tab_error();
      }
      return true;
    }
  }

  [[noreturn]] void tab_error() {
    syntax_error("inconsistent use of tabs and spaces in indentation", line_, col(), -1, "TabError");
  }

  void lex_token() {
    unsigned char c = static_cast<unsigned char>(src_[pos_]);
    int start_col = col();
    if (is_digit(c) || (c == '.' && pos_ + 1 < src_.size() && is_digit(static_cast<unsigned char>(src_[pos_ + 1])))) {
      lex_number();
      return;
    }
    if (is_ident_start(c)) {
      size_t b = pos_;
      while (pos_ < src_.size() && is_ident_char(static_cast<unsigned char>(src_[pos_]))) ++pos_;
      std::string_view word = src_.substr(b, pos_ - b);
      if (pos_ < src_.size() && (src_[pos_] == '\'' || src_[pos_] == '"') && word.size() <= 2) {
        bool ok = true, is_f = false, is_r = false, is_b = false;
        for (char ch : word) {
          char l = static_cast<char>(ch | 32);
          if (l == 'f' && !is_f) is_f = true;
          else if (l == 'r' && !is_r) is_r = true;
          else if (l == 'b' && !is_b) is_b = true;
          else if (l == 'u' && word.size() == 1) {}
          else ok = false;
        }
        if (ok && !(is_f && is_b)) {
          if (is_b) syntax_error("bytes literals are not supported by gradlab", line_, start_col);
          lex_string(start_col, is_f, is_r);
          return;
        }
      }
      Token t;
      t.kw = keyword_of(word);
      t.kind = t.kw == Kw::NotKeyword ? Tok::Name : Tok::Keyword;
      t.text = std::string(word);
      t.pos = {line_, start_col, line_, col()};
      tokens_.push_back(std::move(t));
      return;
    }
    if (c == '\'' || c == '"') {
      lex_string(start_col, false, false);
      return;
    }
    // Operators: the longest that matches.
    size_t len = 0;
    Op op = match_operator(src_.substr(pos_), &len);
    if (op != Op::None && op != Op::Bang) {  // a bare '!' only means something inside f-strings
      pos_ += len;
      handle_bracket(op, start_col);
      Token t;
      t.kind = Tok::Op;
      t.op = op;
      t.pos = {line_, start_col, line_, col()};
      tokens_.push_back(std::move(t));
      return;
    }
    if (c >= 0x80) syntax_error("invalid character in identifier", line_, start_col);
    syntax_error("invalid syntax", line_, start_col);
  }

  void handle_bracket(Op op, int start_col) {
    char open = 0;
    switch (op) {
      case Op::LPar: case Op::LSqb: case Op::LBrace:
        if (brackets_.size() >= 200) syntax_error("too many nested parentheses", line_, start_col);
        brackets_.push_back({op_text(op)[0], line_, start_col});
        return;
      case Op::RPar: open = '('; break;
      case Op::RSqb: open = '['; break;
      case Op::RBrace: open = '{'; break;
      default: return;
    }
    char close = op_text(op)[0];
    if (brackets_.empty()) syntax_error(std::string("unmatched '") + close + "'", line_, start_col);
    Bracket b = brackets_.back();
    if (b.ch != open) {
      std::string msg = std::string("closing parenthesis '") + close + "' does not match opening parenthesis '" + b.ch + "'";
      if (b.line != line_) msg += " on line " + std::to_string(b.line);
      syntax_error(msg, line_, start_col);
    }
    brackets_.pop_back();
  }

  void lex_number() {
    int start_col = col();
    size_t b = pos_;
    auto digits = [&](auto pred) {
      while (pos_ < src_.size() && (pred(src_[pos_]) || (src_[pos_] == '_' && pos_ + 1 < src_.size() && pred(src_[pos_ + 1])))) ++pos_;
    };
    auto is_dec = [](char ch) { return ch >= '0' && ch <= '9'; };
    Token t;
    t.kind = Tok::Int;
    if (src_[pos_] == '0' && pos_ + 1 < src_.size() && std::strchr("xXoObB", src_[pos_ + 1]) && src_[pos_ + 1] != '\0') {
      char kind = static_cast<char>(src_[pos_ + 1] | 32);
      int base = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
      pos_ += 2;
      if (pos_ < src_.size() && src_[pos_] == '_') ++pos_;
      size_t db = pos_;
      digits([base](char ch) { int d = hex_digit(ch); return d >= 0 && d < base; });
      if (pos_ == db) syntax_error(std::string("invalid ") + (base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary") + " literal", line_, col());
      uint64_t v = 0;
      for (size_t i = db; i < pos_; ++i) {
        if (src_[i] == '_') continue;
        uint64_t nv = v * base + hex_digit(src_[i]);
        if (nv / base != v || nv > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
          syntax_error("integer literal too large for gradlab (ints are 64-bit)", line_, start_col, col());
        v = nv;
      }
      t.int_value = static_cast<int64_t>(v);
    } else {
      digits(is_dec);
      bool is_float = false;
      if (pos_ < src_.size() && src_[pos_] == '.') {
        is_float = true;
        ++pos_;
        digits(is_dec);
      }
      if (pos_ < src_.size() && (src_[pos_] | 32) == 'e') {
        size_t save = pos_;
        ++pos_;
        if (pos_ < src_.size() && (src_[pos_] == '+' || src_[pos_] == '-')) ++pos_;
        if (pos_ < src_.size() && is_dec(src_[pos_])) {
          is_float = true;
          digits(is_dec);
        } else {
          pos_ = save;
        }
      }
      if (pos_ < src_.size() && (src_[pos_] | 32) == 'j')
        syntax_error("complex numbers are not supported by gradlab", line_, start_col, col() + 1);
      std::string clean;
      for (size_t i = b; i < pos_; ++i)
        if (src_[i] != '_') clean += src_[i];
      if (is_float) {
        t.kind = Tok::Float;
        t.float_value = std::strtod(clean.c_str(), nullptr);
      } else {
        if (clean.size() > 1 && clean[0] == '0' && clean.find_first_not_of('0') != std::string::npos)
          syntax_error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                       line_, start_col, col());
        uint64_t v = 0;
        for (char ch : clean) {
          uint64_t nv = v * 10 + (ch - '0');
          if (nv / 10 != v || nv > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
            syntax_error("integer literal too large for gradlab (ints are 64-bit)", line_, start_col, col());
          v = nv;
        }
        t.int_value = static_cast<int64_t>(v);
      }
    }
    if (pos_ < src_.size() && is_ident_start(static_cast<unsigned char>(src_[pos_])) && !starts_keyword_after_number())
      syntax_error("invalid decimal literal", line_, start_col, col() + 1);
    t.pos = {line_, start_col, line_, col()};
    tokens_.push_back(std::move(t));
  }

  // `1if x else 2` is legal (deprecated) Python: a number may touch a keyword.
  bool starts_keyword_after_number() const {
    static const char* const kws[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    for (const char* k : kws) {
      size_t n = std::strlen(k);
      if (src_.compare(pos_, n, k) == 0 && (pos_ + n >= src_.size() || !is_ident_char(static_cast<unsigned char>(src_[pos_ + n]))))
        return true;
    }
    return false;
  }

  void lex_string(int start_col, bool is_f, bool is_raw) {
    int start_line = line_;
    char q = src_[pos_];
    bool triple = pos_ + 2 < src_.size() && src_[pos_ + 1] == q && src_[pos_ + 2] == q;
    pos_ += triple ? 3 : 1;
    int body_col = col();
    size_t body_begin = pos_;
    while (true) {
      if (pos_ >= src_.size()) {
        if (triple)
          syntax_error("unterminated triple-quoted string literal (detected at line " + std::to_string(line_) + ")",
                       start_line, start_col);
        syntax_error("unterminated string literal (detected at line " + std::to_string(line_) + ")", start_line, start_col);
      }
      char c = src_[pos_];
      if (c == '\\') {
        pos_ += 1;
        if (pos_ < src_.size() && (src_[pos_] == '\n' || src_[pos_] == '\r')) {
          consume_newline(true);
        } else if (pos_ < src_.size()) {
          ++pos_;
        }
        continue;
      }
      if (c == '\n' || c == '\r') {
        if (!triple)
          syntax_error("unterminated string literal (detected at line " + std::to_string(line_) + ")", start_line, start_col);
        consume_newline(true);
        continue;
      }
      if (c == q) {
        if (!triple) break;
        if (pos_ + 2 < src_.size() + 0 && src_[pos_ + 1] == q && src_[pos_ + 2] == q) break;
      }
      ++pos_;
    }
    std::string_view body = src_.substr(body_begin, pos_ - body_begin);
    pos_ += triple ? 3 : 1;
    Token t;
    t.kind = Tok::String;
    t.fstring = is_f;
    t.raw = is_raw;
    t.body_col = body_col;
    t.pos = {start_line, start_col, line_, col()};
    SourceRange where{start_line, start_col, start_line, start_col + 1};
    if (is_f || is_raw) {
      t.text = std::string(body);
    } else {
      t.text = decode_escapes(body, where);
    }
    // Normalise CRLF inside triple-quoted strings, as Python does.
    if (triple && t.text.find('\r') != std::string::npos) {
      std::string norm;
      for (size_t i = 0; i < t.text.size(); ++i) {
        if (t.text[i] == '\r') {
          norm += '\n';
          if (i + 1 < t.text.size() && t.text[i + 1] == '\n') ++i;
        } else {
          norm += t.text[i];
        }
      }
      t.text = std::move(norm);
    }
    tokens_.push_back(std::move(t));
  }

  std::string_view src_;
  size_t pos_ = 0;
  size_t line_begin_ = 0;
  int line_;
  int first_line_ = line_;
  int line_start_col_offset_;
  bool at_line_start_ = true;
  std::vector<int> indents_, alt_indents_;
  std::vector<Bracket> brackets_;
  std::vector<Token> tokens_;
};

}  // namespace

std::string decode_escapes(std::string_view body, SourceRange where) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    char e = body[++i];
    switch (e) {
      case '\n': break;  // line continuation inside a string
      case '\r': if (i + 1 < body.size() && body[i + 1] == '\n') ++i; break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': case 'u': case 'U': {
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        for (int k = 0; k < n; ++k) {
          int d = i + 1 < body.size() ? hex_digit(body[i + 1]) : -1;
          if (d < 0) {
            std::string kind = e == 'x' ? "\\xXX" : e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX";
            throw SyntaxErrorEx("SyntaxError",
                                "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                                    std::to_string(i - 1) + "-" + std::to_string(i + k) + ": truncated " + kind + " escape",
                                where);
          }
          cp = cp * 16 + d;
          ++i;
        }
        if (cp > 0x10FFFF)
          throw SyntaxErrorEx("SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character", where);
        append_utf8(out, cp);
        break;
      }
      case 'N':
        throw SyntaxErrorEx("SyntaxError", "\\N{...} escapes are not supported by gradlab", where);
      default:
        if (e >= '0' && e <= '7') {
          uint32_t v = e - '0';
          for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k) v = v * 8 + (body[++i] - '0');
          append_utf8(out, v);
        } else {
          out += '\\';  // unknown escapes stay as written (Python only warns)
          out += e;
        }
    }
  }
  return out;
}

std::vector<Token> tokenize(std::string_view source, int first_line, int first_col) {
  return Lexer(source, first_line, first_col).run();
}

}  // namespace gradlab::script
