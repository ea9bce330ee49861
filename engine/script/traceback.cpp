// Error reports in CPython 3.11's exact layout (Python/traceback.c, Python/pythonrun.c):
//
//   Traceback (most recent call last):
//     File "x.py", line 5, in <module>
//       print(x[3])
//             ~^^^
//   IndexError: list index out of range
//
// including the 3.11 location carets (elided when they would underline the whole line; `~`/`^`
// anchors for binary operators and subscripts) and the "[Previous line repeated N more times]"
// folding of deep recursion. Syntax errors have no traceback: the File line, the source line
// and a caret.
#include "engine/script/runtime.h"

namespace gradlab::script {

const SourceRange* node_pos(const AstNode* n) {
  if (!n) return nullptr;
  if (auto* e = dynamic_cast<const Expr*>(n)) return &e->pos;
  if (auto* s = dynamic_cast<const Stmt*>(n)) return &s->pos;
  if (auto* f = dynamic_cast<const FunctionInfo*>(n)) return &f->pos;
  return nullptr;
}

namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\v'; }

// Byte column → character column (CPython counts characters when placing carets).
int char_col(const std::string& line, int byte_col) {
  int n = 0;
  for (int i = 0; i < byte_col && i < static_cast<int>(line.size()); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++n;
  if (byte_col > static_cast<int>(line.size())) n += byte_col - static_cast<int>(line.size());
  return n;
}

// The `~~^~~` anchors of a binary operation or subscript (CPython's extract_anchors_from_expr),
// as byte columns of the line; false when the node has none.
bool anchors_for(const Expr* e, const std::string& line, int* left, int* right) {
  int len = static_cast<int>(line.size());
  if (e->kind == ExprKind::BinOp) {
    auto* b = static_cast<const BinOpExpr*>(e);
    if (b->left->pos.end_line != b->pos.line || b->right->pos.line != b->pos.line) return false;
    bool found = false;
    for (int i = b->left->pos.end_col; i < b->right->pos.col && i < len; ++i) {
      if (is_ws(line[i])) continue;
      *left = i;
      *right = i + 1;
      found = true;
      if (i + 1 < b->right->pos.col && !is_ws(line[i + 1])) ++*right;
      break;  // (3.11.2 stops at the first non-space character, even a closing parenthesis)
    }
    return found;
  }
  if (e->kind == ExprKind::Subscript) {
    auto* s = static_cast<const SubscriptExpr*>(e);
    if (s->index->pos.end_line != s->pos.line) return false;
    int end = std::min(len, s->pos.end_col);
    *left = s->value->pos.end_col;
    *right = s->index->pos.end_col + 1;
    while (*left < end && line[*left] != '[') ++*left;
    while (*right < end && line[*right] != ']') ++*right;
    if (*right < end) *right += 1;
    return true;
  }
  return false;
}

std::string frame_text(const FrameRecord& fr) {
  const SourceRange* pos = node_pos(fr.where);
  int lineno = pos ? pos->line : 0;
  std::string out = "  File \"" + fr.source->filename + "\", line " + std::to_string(lineno) + ", in " + fr.name + "\n";
  const std::string& line = fr.source->line(lineno);
  size_t b = line.find_first_not_of(" \t\f");
  if (b == std::string::npos) return out;
  size_t e = line.find_last_not_of(" \t\f\r\n");
  std::string stripped = line.substr(b, e - b + 1);
  out += "    " + stripped + "\n";
  if (!pos || pos->col < 0) return out;

  // A compound statement's location spans its whole body in CPython: never underlined.
  if (auto* st = dynamic_cast<const Stmt*>(fr.where)) {
    switch (st->kind) {
      case StmtKind::If: case StmtKind::For: case StmtKind::While: case StmtKind::With: case StmtKind::FunctionDef:
      case StmtKind::AugAssign:
        return out;
      default: break;
    }
  }
  int start = pos->col, end = pos->end_col;
  int left = -1, right = -1;
  const Expr* expr = dynamic_cast<const Expr*>(fr.where);
  if (pos->end_line == pos->line) {
    if (expr) anchors_for(expr, line, &left, &right);
  } else {
    end = static_cast<int>(e) + 1;  // multi-line: underline to the end of this line
  }
  // Work in characters from here on.
  int trunc = char_col(line, static_cast<int>(b));
  int cs = char_col(line, start), ce = char_col(line, end);
  int cl = left >= 0 ? char_col(line, left) : -1, cr = right >= 0 ? char_col(line, right) : -1;
  int stripped_len = char_col(stripped, static_cast<int>(stripped.size()));
  bool secondary = cl != -1 || cr != -1;
  if (ce - cs == stripped_len && !secondary) return out;
  std::string carets = "    ";
  for (int offset = trunc + 1; offset <= ce; ++offset) {
    if (offset <= cs) carets += ' ';
    else if (secondary && cl < offset && offset <= cr) carets += '^';
    else carets += secondary ? '~' : '^';
  }
  return out + carets + "\n";
}

}  // namespace

std::string format_exception_line(const std::string& type, const std::string& message) {
  return message.empty() ? type + "\n" : type + ": " + message + "\n";
}

std::string format_traceback(const std::vector<FrameRecord>& frames, const std::string& type, const std::string& message) {
  constexpr int kRecursiveCutoff = 3;
  std::string out = "Traceback (most recent call last):\n";
  const SourceFile* last_file = nullptr;
  int last_line = -1;
  const char* last_name = nullptr;
  int count = 0;
  auto flush_repeats = [&]() {
    if (count > kRecursiveCutoff) {
      int n = count - kRecursiveCutoff;
      out += "  [Previous line repeated " + std::to_string(n) + " more time" + (n > 1 ? "s" : "") + "]\n";
    }
  };
  for (const FrameRecord& fr : frames) {
    const SourceRange* pos = node_pos(fr.where);
    int line = pos ? pos->line : 0;
    if (fr.source != last_file || line != last_line || !last_name || std::string_view(fr.name) != last_name) {
      flush_repeats();
      last_file = fr.source;
      last_line = line;
      last_name = fr.name;
      count = 0;
    }
    if (++count > kRecursiveCutoff) continue;
    out += frame_text(fr);
  }
  flush_repeats();
  return out + format_exception_line(type, message);
}

std::string format_syntax_error(const SourceFile& src, const std::string& type, const std::string& message, const SourceRange& where) {
  std::string out = "  File \"" + src.filename + "\", line " + std::to_string(where.line) + "\n";
  const std::string& text = src.line(where.line);
  if (where.line >= 1 && where.line <= static_cast<int>(src.lines.size())) {
    size_t b = 0;
    while (b < text.size() && (text[b] == ' ' || text[b] == '\t' || text[b] == '\f')) ++b;
    std::string shown = text.substr(b);
    while (!shown.empty() && (shown.back() == '\r' || shown.back() == '\n')) shown.pop_back();
    out += "    " + shown + "\n";
    if (where.col >= 0) {
      int len = char_col(shown, static_cast<int>(shown.size()));
      int offset = char_col(text, where.col) - char_col(text, static_cast<int>(b));
      int end = where.end_line == where.line ? char_col(text, where.end_col) - char_col(text, static_cast<int>(b)) : offset + 1;
      if (offset > len) offset = len;
      if (end > len + 1) end = len + 1;
      if (offset >= 0) {
        int n = end > offset ? end - offset : 1;
        out += "    " + std::string(static_cast<size_t>(offset), ' ') + std::string(static_cast<size_t>(n), '^') + "\n";
      }
    }
  }
  return out + format_exception_line(type, message);
}

}  // namespace gradlab::script
