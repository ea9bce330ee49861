// Recursive-descent parser (see parser.h). One method per grammar rule, named after the rule
// in CPython's Grammar/python.gram (disjunction, conjunction, inversion, comparison, ...), so
// the precedence ladder can be read top to bottom.
#include "engine/script/parser.h"

#include <algorithm>
#include <unordered_set>

#include "engine/script/lexer.h"

namespace gradlab::script {

const char* binop_symbol(BinOpKind op) {
  static const char* const s[] = {"+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "|", "^", "&"};
  return s[static_cast<int>(op)];
}
const char* cmp_symbol(CmpKind op) {
  static const char* const s[] = {"==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"};
  return s[static_cast<int>(op)];
}

std::shared_ptr<SourceFile> make_source_file(std::string filename, std::string text) {
  auto f = std::make_shared<SourceFile>();
  f->filename = std::move(filename);
  f->text = std::move(text);
  size_t b = 0;
  const std::string& t = f->text;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || t[i] == '\n') {
      std::string line = t.substr(b, i - b);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (i < t.size() || !line.empty()) f->lines.push_back(std::move(line));
      b = i + 1;
    }
  }
  return f;
}

namespace {

SourceRange span(const SourceRange& a, const SourceRange& b) { return {a.line, a.col, b.end_line, b.end_col}; }

class Parser {
 public:
  Parser(std::vector<Token> toks, Program& prog, int depth = 0) : toks_(std::move(toks)), prog_(prog), depth_(depth) {}

  void parse_file(Block& out) {
    while (cur().kind != Tok::End) {
      if (cur().kind == Tok::Dedent || cur().kind == Tok::Newline) {  // stray (cannot happen normally)
        ++i_;
        continue;
      }
      parse_statement(out);
    }
  }

  // An f-string field: `( expression )` followed by the end.
  Expr* parse_fstring_field() {
    Expr* e = parse_atom();
    if (cur().kind != Tok::Newline && cur().kind != Tok::End) error_at(cur(), "f-string: expecting '}'");
    return e;
  }

 private:
  // ---- token helpers ----
  const Token& cur() const { return toks_[i_]; }
  const Token& peek(size_t k = 1) const { return toks_[std::min(i_ + k, toks_.size() - 1)]; }
  const Token& prev() const { return toks_[i_ > 0 ? i_ - 1 : 0]; }
  void advance() {
    if (i_ + 1 < toks_.size()) ++i_;
  }
  bool at_op(Op op) const { return cur().kind == Tok::Op && cur().op == op; }
  bool at_kw(Kw kw) const { return cur().kind == Tok::Keyword && cur().kw == kw; }
  bool accept_op(Op op) {
    if (!at_op(op)) return false;
    advance();
    return true;
  }
  bool accept_kw(Kw kw) {
    if (!at_kw(kw)) return false;
    advance();
    return true;
  }
  void expect_op(Op op, const char* msg = "invalid syntax") {
    if (!accept_op(op)) error_at(cur(), msg);
  }

  [[noreturn]] void error_range(SourceRange r, const std::string& msg, const char* type = "SyntaxError") {
    throw SyntaxErrorEx(type, msg, r);
  }
  [[noreturn]] void error_at(const Token& t, const std::string& msg, const char* type = "SyntaxError") {
    SourceRange r = t.pos;
    if (t.kind == Tok::Newline || t.kind == Tok::End || t.kind == Tok::Dedent || t.kind == Tok::Indent) {
      r.end_line = r.line;
      r.end_col = r.col + 1;
    }
    if (msg == "invalid syntax" && t.kind == Tok::End) {
      // Input ended inside a statement: CPython points just past the last token.
      const Token& p = prev();
      r = {p.pos.end_line, p.pos.end_col, p.pos.end_line, p.pos.end_col + 1};
    }
    throw SyntaxErrorEx(type, msg, r);
  }
  [[noreturn]] void unsupported(const Token& t, const std::string& feature) {
    error_range(t.pos, feature + " is not supported by gradlab (line " + std::to_string(t.pos.line) + ")");
  }

  struct DepthGuard {
    explicit DepthGuard(Parser& p) : p_(p) {
      if (++p_.depth_ > 200) throw SyntaxErrorEx("RecursionError", "maximum recursion depth exceeded during compilation", p_.cur().pos);
    }
    ~DepthGuard() { --p_.depth_; }
    Parser& p_;
  };

  template <class T>
  T* with_depth(T* e, std::initializer_list<const Expr*> children) {
    int d = 0;
    for (const Expr* c : children)
      if (c) d = std::max(d, c->depth);
    set_depth(e, d + 1);
    return e;
  }
  void set_depth(Expr* e, int d) {
    e->depth = d;
    if (d > kMaxExprDepth)
      throw SyntaxErrorEx("RecursionError", "maximum recursion depth exceeded during compilation", e->pos);
  }
  static int max_depth(const std::vector<Expr*>& v) {
    int d = 0;
    for (const Expr* e : v)
      if (e) d = std::max(d, e->depth);
    return d;
  }

  // ---- statements ----
  // A statement, marked when it holds a `yield` (Note [Generators]).
  void parse_statement(Block& out) {
    int yields_before = yield_count_;
    size_t n = out.size();
    parse_statement_inner(out);
    if (yield_count_ != yields_before && out.size() == n + 1) out.back()->contains_yield = true;
  }

  void parse_statement_inner(Block& out) {
    const Token& t = cur();
    if (t.kind == Tok::Indent) {
      SourceRange r = t.pos;
      r.col = -1;  // CPython prints no caret for this one
      error_range(r, "unexpected indent", "IndentationError");
    }
    if (t.kind == Tok::Keyword) {
      switch (t.kw) {
        case Kw::If: return parse_if(out, false);
        case Kw::While: return parse_while(out);
        case Kw::For: return parse_for(out);
        case Kw::Def: return parse_def(out);
        case Kw::With: return parse_with(out);
        case Kw::Class: return parse_class(out, {});
        case Kw::Try: return parse_try(out);
        case Kw::Except:
        case Kw::Finally: error_at(t, "invalid syntax");
        case Kw::Async: unsupported(t, "'async'");
        default: break;
      }
    }
    if (t.kind == Tok::Op && t.op == Op::At) return parse_decorated(out);
    if (t.kind == Tok::Name && t.text == "match" && peek().kind != Tok::Op) {
      // `match x:` (structural pattern matching) — `match` stays usable as a variable name.
      size_t j = i_;
      while (j < toks_.size() && toks_[j].kind != Tok::Newline && toks_[j].kind != Tok::End) ++j;
      if (j > 0 && toks_[j - 1].kind == Tok::Op && toks_[j - 1].op == Op::Colon) unsupported(t, "'match'");
    }
    parse_simple_stmts(out);
  }

  void parse_simple_stmts(Block& out) {
    while (true) {
      int yields_before = yield_count_;
      Stmt* s = parse_simple_stmt();
      if (yield_count_ != yields_before) s->contains_yield = true;
      out.push_back(s);
      if (accept_op(Op::Semi)) {
        if (s->kind == StmtKind::Expr) static_cast<ExprStmt*>(s)->semicolon = true;
        if (cur().kind == Tok::Newline) break;
        continue;
      }
      break;
    }
    if (cur().kind != Tok::Newline && cur().kind != Tok::End) error_at(cur(), "invalid syntax");
    advance();
  }

  Stmt* parse_simple_stmt() {
    const Token& t = cur();
    if (t.kind == Tok::Keyword) {
      switch (t.kw) {
        case Kw::Pass: advance(); return prog_.make<SimpleStmt>(StmtKind::Pass, t.pos);
        case Kw::Break:
          if (loop_depth_ == 0) error_range(t.pos, "'break' outside loop");
          advance();
          return prog_.make<SimpleStmt>(StmtKind::Break, t.pos);
        case Kw::Continue:
          if (loop_depth_ == 0) error_range(t.pos, "'continue' not properly in loop");
          advance();
          return prog_.make<SimpleStmt>(StmtKind::Continue, t.pos);
        case Kw::Return: {
          SourceRange start = t.pos;
          advance();
          Expr* v = nullptr;
          if (starts_expression(cur())) v = parse_star_expressions();
          SourceRange r = v ? span(start, v->pos) : start;
          if (function_depth_ == 0) error_range(r, "'return' outside function");
          return prog_.make<ReturnStmt>(r, v);
        }
        case Kw::Del: return parse_del();
        case Kw::Import: return parse_import();
        case Kw::From: return parse_from_import();
        case Kw::Global:
        case Kw::Nonlocal: return parse_scope_decl();
        case Kw::Assert: {
          SourceRange start = t.pos;
          advance();
          Expr* test = parse_expression();
          Expr* msg = nullptr;
          if (accept_op(Op::Comma)) msg = parse_expression();
          return prog_.make<AssertStmt>(span(start, (msg ? msg : test)->pos), test, msg);
        }
        case Kw::Raise: {
          SourceRange start = t.pos;
          advance();
          Expr* e = nullptr;
          if (starts_expression(cur())) {
            e = parse_expression();
            Expr* cause = nullptr;
            if (accept_kw(Kw::From)) cause = parse_expression();
            auto* r = prog_.make<RaiseStmt>(span(start, (cause ? cause : e)->pos), e);
            r->cause = cause;
            return r;
          }
          return prog_.make<RaiseStmt>(start, e);
        }
        case Kw::Yield: {
          Expr* y = parse_yield();
          if (!at_op(Op::Equal) && !is_augassign(cur(), nullptr) && !at_op(Op::Colon)) return prog_.make<ExprStmt>(y->pos, y);
          error_at(cur(), "invalid syntax");
        }
        case Kw::Await: unsupported(t, "'await'");
        default: break;
      }
    }
    return parse_expression_or_assignment();
  }

  static bool is_augassign(const Token& t, BinOpKind* op) {
    BinOpKind unused;
    if (!op) op = &unused;
    if (t.kind != Tok::Op) return false;
    switch (t.op) {
      case Op::PlusEqual: *op = BinOpKind::Add; return true;
      case Op::MinusEqual: *op = BinOpKind::Sub; return true;
      case Op::StarEqual: *op = BinOpKind::Mul; return true;
      case Op::SlashEqual: *op = BinOpKind::Div; return true;
      case Op::DoubleSlashEqual: *op = BinOpKind::FloorDiv; return true;
      case Op::PercentEqual: *op = BinOpKind::Mod; return true;
      case Op::DoubleStarEqual: *op = BinOpKind::Pow; return true;
      case Op::AtEqual: *op = BinOpKind::MatMul; return true;
      case Op::AmperEqual: *op = BinOpKind::BitAnd; return true;
      case Op::VBarEqual: *op = BinOpKind::BitOr; return true;
      case Op::CircumflexEqual: *op = BinOpKind::BitXor; return true;
      case Op::LeftShiftEqual: *op = BinOpKind::LShift; return true;
      case Op::RightShiftEqual: *op = BinOpKind::RShift; return true;
      default: return false;
    }
  }

  Stmt* parse_expression_or_assignment() {
    const Token& first_tok = cur();
    Expr* first = parse_star_expressions();
    BinOpKind aug;
    if (at_op(Op::Colon)) {  // annotated assignment: x: int = 5
      advance();
      bool single = first->kind == ExprKind::Name || first->kind == ExprKind::Attribute || first->kind == ExprKind::Subscript;
      if (!single) {
        if (first->kind == ExprKind::Tuple) error_range(first->pos, "only single target (not tuple) can be annotated");
        if (first->kind == ExprKind::List) error_range(first->pos, "only single target (not list) can be annotated");
        error_range(first->pos, "illegal target for annotation");
      }
      Expr* ann = parse_expression();
      Expr* value = nullptr;
      if (accept_op(Op::Equal)) value = parse_star_expressions();
      return prog_.make<AnnAssignStmt>(span(first->pos, (value ? value : ann)->pos), first, ann, value);
    }
    if (is_augassign(cur(), &aug)) {
      if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute && first->kind != ExprKind::Subscript)
        error_range(first->pos, std::string("'") + expr_description(first) + "' is an illegal expression for augmented assignment");
      advance();
      if (at_kw(Kw::Yield)) unsupported(cur(), "'yield'");
      Expr* value = parse_star_expressions();
      return prog_.make<AugAssignStmt>(span(first->pos, value->pos), first, aug, value);
    }
    if (at_op(Op::Equal)) {
      auto* s = prog_.make<AssignStmt>(first->pos);
      std::vector<Expr*> chain{first};
      while (accept_op(Op::Equal)) {
        if (at_kw(Kw::Yield)) {
          chain.push_back(parse_yield());  // x = yield v: the yield ends the statement
          break;
        }
        chain.push_back(parse_star_expressions());
      }
      s->value = chain.back();
      chain.pop_back();
      for (Expr* target : chain) check_target(target, TargetKind::Assign, chain.size() == 1 && target == first && single_value(s->value));
      s->targets = std::move(chain);
      s->pos = span(first->pos, s->value->pos);
      return s;
    }
    if (first->kind == ExprKind::Starred) error_range(first->pos, "can't use starred expression here");
    if (cur().kind != Tok::Newline && cur().kind != Tok::End && !at_op(Op::Semi)) {
      if (first->kind == ExprKind::Name && (static_cast<NameExpr*>(first)->id == "print" || static_cast<NameExpr*>(first)->id == "exec") &&
          starts_expression(cur())) {
        std::string fn = static_cast<NameExpr*>(first)->id;
        size_t j = i_;
        while (toks_[j + 1].kind != Tok::Newline && toks_[j + 1].kind != Tok::End && j + 1 < toks_.size() - 1) ++j;
        error_range(span(first_tok.pos, toks_[j].pos),
                    "Missing parentheses in call to '" + fn + "'. Did you mean " + fn + "(...)?");
      }
      error_at(cur(), "invalid syntax");
    }
    return prog_.make<ExprStmt>(first->pos, first);
  }

  static bool single_value(const Expr* v) {
    return v->kind != ExprKind::Tuple && v->kind != ExprKind::Lambda && v->kind != ExprKind::IfExp &&
           v->kind != ExprKind::BoolOp && v->kind != ExprKind::Compare && v->kind != ExprKind::Starred;
  }

  enum class TargetKind { Assign, For, Del, With };

  static const char* expr_description(const Expr* e) {
    switch (e->kind) {
      case ExprKind::Constant: {
        const Value& v = static_cast<const ConstantExpr*>(e)->value;
        if (v.is_none()) return "None";
        if (v.is_bool()) return v.as_bool() ? "True" : "False";
        if (v.as<EllipsisObj>()) return "ellipsis";
        return "literal";
      }
      case ExprKind::Call: return "function call";
      case ExprKind::BinOp:
      case ExprKind::UnaryOp:
      case ExprKind::BoolOp: return "expression";
      case ExprKind::Compare: return "comparison";
      case ExprKind::IfExp: return "conditional expression";
      case ExprKind::Lambda: return "lambda";
      case ExprKind::JoinedStr: return "f-string expression";
      case ExprKind::Dict: return "dict literal";
      case ExprKind::ListComp: return "list comprehension";
      case ExprKind::GeneratorExp: return "generator expression";
      case ExprKind::DictComp: return "dict comprehension";
      case ExprKind::Tuple: return "tuple";
      case ExprKind::List: return "list";
      case ExprKind::Name: return "name";
      case ExprKind::Attribute: return "attribute";
      case ExprKind::Subscript: return "subscript";
      case ExprKind::Starred: return "starred";
      case ExprKind::Slice: return "slice";
      case ExprKind::Set: return "set display";
      case ExprKind::SetComp: return "set comprehension";
      case ExprKind::NamedExpr: return "named expression";
      case ExprKind::Yield: return "yield expression";
    }
    return "expression";
  }

  // Validates an assignment/for/del target like CPython's _PyPegen_get_invalid_target.
  void check_target(Expr* e, TargetKind kind, bool maybe_comparison = false) {
    switch (e->kind) {
      case ExprKind::Name:
      case ExprKind::Attribute:
      case ExprKind::Subscript: return;
      case ExprKind::Tuple:
      case ExprKind::List: {
        auto* s = static_cast<SeqExpr*>(e);
        int stars = 0;
        for (Expr* x : s->elts) {
          if (x->kind == ExprKind::Starred) {
            if (kind == TargetKind::Del) error_range(x->pos, "cannot delete starred");
            if (++stars > 1) error_range(x->pos, "multiple starred expressions in assignment");
            check_target(static_cast<StarredExpr*>(x)->value, kind);
          } else {
            check_target(x, kind);
          }
        }
        return;
      }
      case ExprKind::Starred:
        if (kind == TargetKind::Del) error_range(e->pos, "cannot delete starred");
        error_range(e->pos, "starred assignment target must be in a list or tuple");
      default: break;
    }
    std::string what = expr_description(e);
    if (kind == TargetKind::Del) error_range(e->pos, "cannot delete " + what);
    bool bitwise_level = e->kind != ExprKind::Compare && e->kind != ExprKind::BoolOp && e->kind != ExprKind::IfExp &&
                         e->kind != ExprKind::Lambda && !(e->kind == ExprKind::Constant && (what == "None" || what == "True" || what == "False"));
    if (maybe_comparison && bitwise_level)
      error_range(e->pos, "cannot assign to " + what + " here. Maybe you meant '==' instead of '='?");
    error_range(e->pos, "cannot assign to " + what);
  }

  Stmt* parse_del() {
    SourceRange start = cur().pos;
    advance();
    auto* s = prog_.make<DelStmt>(start);
    while (true) {
      Expr* e = parse_bitwise_or();
      check_target(e, TargetKind::Del);
      s->targets.push_back(e);
      if (!accept_op(Op::Comma) || !starts_expression(cur())) break;
    }
    s->pos = span(start, s->targets.back()->pos);
    return s;
  }

  std::string parse_dotted_name(SourceRange* r) {
    if (cur().kind != Tok::Name) error_at(cur(), "invalid syntax");
    std::string name = cur().text;
    *r = cur().pos;
    advance();
    while (at_op(Op::Dot)) {
      advance();
      if (cur().kind != Tok::Name) error_at(cur(), "invalid syntax");
      name += "." + cur().text;
      r->end_line = cur().pos.end_line;
      r->end_col = cur().pos.end_col;
      advance();
    }
    return name;
  }

  Stmt* parse_import() {
    SourceRange start = cur().pos;
    advance();
    auto* s = prog_.make<ImportStmt>(StmtKind::Import, start);
    while (true) {
      ImportAlias a;
      a.name = parse_dotted_name(&a.pos);
      if (accept_kw(Kw::As)) {
        if (cur().kind != Tok::Name) error_at(cur(), "invalid syntax");
        a.asname = cur().text;
        a.pos.end_col = cur().pos.end_col;
        advance();
      }
      std::string bound = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
      a.target = prog_.make<NameExpr>(a.pos, bound);
      s->names.push_back(std::move(a));
      if (!accept_op(Op::Comma)) break;
    }
    s->pos = span(start, s->names.back().pos);
    return s;
  }

  Stmt* parse_from_import() {
    SourceRange start = cur().pos;
    advance();
    if (at_op(Op::Dot) || at_op(Op::Ellipsis)) unsupported(cur(), "relative imports");
    auto* s = prog_.make<ImportStmt>(StmtKind::ImportFrom, start);
    SourceRange mr;
    s->module = parse_dotted_name(&mr);
    if (!accept_kw(Kw::Import)) error_at(cur(), "invalid syntax");
    if (at_op(Op::Star)) unsupported(cur(), "'from ... import *'");
    bool paren = accept_op(Op::LPar);
    while (true) {
      if (cur().kind != Tok::Name) error_at(cur(), paren && at_op(Op::RPar) && !s->names.empty() ? "invalid syntax" : "invalid syntax");
      ImportAlias a;
      a.name = cur().text;
      a.pos = cur().pos;
      advance();
      if (accept_kw(Kw::As)) {
        if (cur().kind != Tok::Name) error_at(cur(), "invalid syntax");
        a.asname = cur().text;
        a.pos.end_col = cur().pos.end_col;
        advance();
      }
      a.target = prog_.make<NameExpr>(a.pos, a.asname.empty() ? a.name : a.asname);
      s->names.push_back(std::move(a));
      if (!accept_op(Op::Comma)) break;
      if (paren && at_op(Op::RPar)) break;
    }
    if (paren) expect_op(Op::RPar);
    s->pos = span(start, s->names.back().pos);
    return s;
  }

  Stmt* parse_scope_decl() {
    const Token& t = cur();
    StmtKind kind = t.kw == Kw::Global ? StmtKind::Global : StmtKind::Nonlocal;
    if (kind == StmtKind::Nonlocal && function_depth_ == 0)
      error_range(t.pos, "nonlocal declaration not allowed at module level");
    auto* s = prog_.make<ScopeDeclStmt>(kind, t.pos);
    advance();
    while (true) {
      if (cur().kind != Tok::Name) error_at(cur(), "invalid syntax");
      s->names.push_back(cur().text);
      s->pos = span(s->pos, cur().pos);
      advance();
      if (!accept_op(Op::Comma)) break;
    }
    return s;
  }

  // ':' then an indented block (or simple statements on the same line).
  void parse_block(Block& out, const std::string& what, int line) {
    if (!at_op(Op::Colon)) error_at(cur(), "expected ':'");
    advance();
    if (cur().kind == Tok::Newline) {
      advance();
      if (cur().kind != Tok::Indent) {
        SourceRange r = cur().pos;
        if (cur().kind == Tok::End || cur().kind == Tok::Dedent) r = {prev().pos.line + 1, 0, prev().pos.line + 1, 1};
        r.end_line = r.line;
        r.end_col = r.col + 1;
        error_range(r, "expected an indented block after " + what + " on line " + std::to_string(line), "IndentationError");
      }
      advance();
      while (cur().kind != Tok::Dedent && cur().kind != Tok::End) parse_statement(out);
      if (cur().kind == Tok::Dedent) advance();
    } else {
      if (cur().kind == Tok::Keyword && (cur().kw == Kw::If || cur().kw == Kw::For || cur().kw == Kw::While ||
                                         cur().kw == Kw::Def || cur().kw == Kw::With || cur().kw == Kw::Class ||
                                         cur().kw == Kw::Try))
        error_at(cur(), "invalid syntax");
      parse_simple_stmts(out);
    }
  }

  void parse_if(Block& out, bool is_elif) {
    int yields_before = yield_count_;
    const Token& kw = cur();
    int line = kw.pos.line;
    advance();
    Expr* test = parse_named_expression();
    auto* s = prog_.make<IfStmt>(span(kw.pos, test->pos), test);
    parse_block(s->body, is_elif ? "'elif' statement" : "'if' statement", line);
    out.push_back(s);
    if (at_kw(Kw::Elif)) {
      parse_if(s->orelse, true);
    } else if (at_kw(Kw::Else)) {
      int eline = cur().pos.line;
      advance();
      parse_block(s->orelse, "'else' statement", eline);
    }
    if (yield_count_ != yields_before) s->contains_yield = true;
  }

  void parse_while(Block& out) {
    const Token& kw = cur();
    int line = kw.pos.line;
    advance();
    Expr* test = parse_named_expression();
    auto* s = prog_.make<WhileStmt>(span(kw.pos, test->pos), test);
    ++loop_depth_;
    parse_block(s->body, "'while' statement", line);
    --loop_depth_;
    if (at_kw(Kw::Else)) {
      int eline = cur().pos.line;
      advance();
      parse_block(s->orelse, "'else' statement", eline);
    }
    out.push_back(s);
  }

  Expr* parse_target_list() {
    const Token& start = cur();
    std::vector<Expr*> elts;
    bool trailing_comma = false;
    while (true) {
      if (at_op(Op::Star)) {
        SourceRange sp = cur().pos;
        advance();
        Expr* v = parse_bitwise_or();
        elts.push_back(with_depth(prog_.make<StarredExpr>(span(sp, v->pos), v), {v}));
      } else {
        elts.push_back(parse_bitwise_or());
      }
      trailing_comma = false;
      if (!at_op(Op::Comma)) break;
      advance();
      trailing_comma = true;
      if (at_kw(Kw::In) || at_op(Op::Equal)) break;
    }
    if (elts.size() == 1 && !trailing_comma) return elts[0];
    auto* t = prog_.make<SeqExpr>(ExprKind::Tuple, span(start.pos, elts.back()->pos));
    t->elts = std::move(elts);
    set_depth(t, max_depth(t->elts) + 1);
    return t;
  }

  void parse_for(Block& out) {
    const Token& kw = cur();
    int line = kw.pos.line;
    advance();
    Expr* target = parse_target_list();
    check_target(target, TargetKind::For);
    if (!accept_kw(Kw::In)) error_at(cur(), "invalid syntax");
    Expr* iter = parse_star_expressions();
    auto* s = prog_.make<ForStmt>(span(kw.pos, iter->pos), target, iter);
    ++loop_depth_;
    parse_block(s->body, "'for' statement", line);
    --loop_depth_;
    if (at_kw(Kw::Else)) {
      int eline = cur().pos.line;
      advance();
      parse_block(s->orelse, "'else' statement", eline);
    }
    out.push_back(s);
  }

  void parse_with(Block& out) {
    const Token& kw = cur();
    int line = kw.pos.line;
    advance();
    auto* s = prog_.make<WithStmt>(kw.pos);
    if (at_kw(Kw::Async)) unsupported(cur(), "'async'");
    while (true) {
      WithItem item{parse_expression(), nullptr};
      if (accept_kw(Kw::As)) {
        item.target = parse_bitwise_or();  // one target: `as a, B() as b` is two items
        check_target(item.target, TargetKind::With);
      }
      s->pos = span(kw.pos, (item.target ? item.target : item.context)->pos);
      s->items.push_back(item);
      if (!accept_op(Op::Comma)) break;
    }
    parse_block(s->body, "'with' statement", line);
    out.push_back(s);
  }

  // Parameters of a def (parenthesised, annotations allowed) or a lambda (bare, no annotations).
  void parse_params(FunctionInfo* fn, bool is_lambda) {
    Op closer = is_lambda ? Op::Colon : Op::RPar;
    bool seen_default = false, seen_star = false;
    std::unordered_set<std::string> names;
    auto add_name = [&](const Token& t) {
      if (!names.insert(t.text).second) error_range(t.pos, "duplicate argument '" + t.text + "' in function definition");
    };
    while (!at_op(closer)) {
      if (at_op(Op::Slash)) {  // positional-only marker: accepted, treated as ordinary parameters
        advance();
      } else if (at_op(Op::DoubleStar)) {
        advance();
        if (cur().kind != Tok::Name) error_at(cur(), "invalid syntax");
        add_name(cur());
        fn->varkw = cur().text;
        advance();
        if (!is_lambda && accept_op(Op::Colon)) parse_expression();
        accept_op(Op::Comma);
        if (!at_op(closer)) error_at(cur(), "arguments cannot follow var-keyword argument");
        break;
      } else if (at_op(Op::Star)) {
        if (seen_star) error_at(cur(), "* argument may appear only once");
        seen_star = true;
        advance();
        if (cur().kind == Tok::Name) {
          add_name(cur());
          fn->varargs = cur().text;
          advance();
          if (!is_lambda && accept_op(Op::Colon)) parse_expression();
        } else if (at_op(closer) || (at_op(Op::Comma) && peek().kind == Tok::Op && peek().op == closer)) {
          error_at(cur(), "named arguments must follow bare *");
        }
        fn->num_positional = fn->params.size();
      } else {
        if (cur().kind != Tok::Name) error_at(cur(), "invalid syntax");
        Param p;
        p.name = cur().text;
        p.pos = cur().pos;
        add_name(cur());
        advance();
        if (!is_lambda && accept_op(Op::Colon)) parse_expression();
        if (accept_op(Op::Equal)) {
          p.default_value = parse_expression();
          seen_default = true;
        } else if (seen_default && !seen_star) {
          error_range(p.pos, "non-default argument follows default argument");
        }
        fn->params.push_back(std::move(p));
      }
      if (!accept_op(Op::Comma)) break;
    }
    if (!seen_star) fn->num_positional = fn->params.size();
  }

  // @decorator lines, then the def or class they apply to.
  void parse_decorated(Block& out) {
    std::vector<Expr*> decorators;
    while (at_op(Op::At)) {
      advance();
      decorators.push_back(parse_named_expression());
      if (cur().kind != Tok::Newline) error_at(cur(), "invalid syntax");
      advance();
    }
    if (at_kw(Kw::Def)) {
      parse_def(out);
      static_cast<FunctionDefStmt*>(out.back())->decorators = std::move(decorators);
      return;
    }
    if (at_kw(Kw::Class)) return parse_class(out, std::move(decorators));
    if (at_kw(Kw::Async)) unsupported(cur(), "'async'");
    error_at(cur(), "invalid syntax");
  }

  void parse_class(Block& out, std::vector<Expr*> decorators) {
    const Token& kw = cur();
    int line = kw.pos.line;
    advance();
    if (cur().kind != Tok::Name) error_at(cur(), "invalid syntax");
    auto* body = prog_.make<FunctionInfo>();
    body->name = cur().text;
    body->pos = cur().pos;
    body->is_class = true;
    auto* target = prog_.make<NameExpr>(cur().pos, cur().text);
    advance();
    auto* s = prog_.make<ClassDefStmt>(kw.pos, body, target);
    s->decorators = std::move(decorators);
    if (accept_op(Op::LPar)) {
      while (!at_op(Op::RPar)) {
        if (at_op(Op::Star) || at_op(Op::DoubleStar)) unsupported(cur(), "unpacking in a class's bases");
        if (cur().kind == Tok::Name && peek().kind == Tok::Op && peek().op == Op::Equal) {
          s->kw_names.push_back(cur().text);
          advance();
          advance();
          s->kw_values.push_back(parse_expression());
        } else {
          s->bases.push_back(parse_expression());
        }
        if (!accept_op(Op::Comma)) break;
      }
      expect_op(Op::RPar);
    }
    s->pos = span(kw.pos, prev().pos);
    int saved_loops = loop_depth_, saved_functions = function_depth_;
    FunctionInfo* saved_fn = current_fn_;
    loop_depth_ = 0;
    function_depth_ = 0;  // `return` in a class body is outside a function
    current_fn_ = body;
    parse_block(body->body, "class definition", line);
    current_fn_ = saved_fn;
    loop_depth_ = saved_loops;
    function_depth_ = saved_functions;
    out.push_back(s);
  }

  void parse_try(Block& out) {
    const Token& kw = cur();
    int line = kw.pos.line;
    advance();
    auto* s = prog_.make<TryStmt>(kw.pos);
    parse_block(s->body, "'try' statement", line);
    int yields_in_body = yield_count_;  // generators may yield in a try's body only
    bool bare_seen = false;
    while (at_kw(Kw::Except)) {
      ExceptHandler h;
      h.pos = cur().pos;
      int hline = cur().pos.line;
      if (bare_seen) error_range(h.pos, "default 'except:' must be last");
      advance();
      if (at_op(Op::Star)) unsupported(cur(), "'except*'");
      if (!at_op(Op::Colon)) {
        h.type = parse_expression();
        if (at_op(Op::Comma)) error_range(h.type->pos, "multiple exception types must be parenthesized");
        if (accept_kw(Kw::As)) {
          if (cur().kind != Tok::Name) error_at(cur(), "invalid syntax");
          h.name = prog_.make<NameExpr>(cur().pos, cur().text);
          advance();
        }
        h.pos = span(h.pos, (h.name ? static_cast<Expr*>(h.name) : h.type)->pos);
      } else {
        bare_seen = true;
      }
      parse_block(h.body, "'except' statement", hline);
      s->handlers.push_back(std::move(h));
    }
    if (at_kw(Kw::Else)) {
      if (s->handlers.empty()) error_at(cur(), "expected 'except' or 'finally' block");
      int eline = cur().pos.line;
      advance();
      parse_block(s->orelse, "'else' statement", eline);
    }
    if (at_kw(Kw::Finally)) {
      int fline = cur().pos.line;
      advance();
      parse_block(s->finalbody, "'finally' statement", fline);
    }
    if (s->handlers.empty() && s->finalbody.empty()) error_at(cur(), "expected 'except' or 'finally' block");
    if (yield_count_ != yields_in_body) unsupported(kw, "'yield' inside 'except', 'else' or 'finally' blocks");
    out.push_back(s);
  }

  void parse_def(Block& out) {
    const Token& kw = cur();
    int line = kw.pos.line;
    advance();
    if (cur().kind != Tok::Name) error_at(cur(), "invalid syntax");
    auto* fn = prog_.make<FunctionInfo>();
    fn->name = cur().text;
    fn->pos = cur().pos;
    auto* target = prog_.make<NameExpr>(cur().pos, cur().text);
    advance();
    if (!at_op(Op::LPar)) error_at(cur(), "expected '('");
    advance();
    parse_params(fn, false);
    expect_op(Op::RPar);
    if (accept_op(Op::Arrow)) parse_expression();
    auto* s = prog_.make<FunctionDefStmt>(span(kw.pos, prev().pos), fn, target);
    int saved_loops = loop_depth_, saved_yields = yield_count_;
    FunctionInfo* saved_fn = current_fn_;
    loop_depth_ = 0;
    current_fn_ = fn;
    ++function_depth_;
    parse_block(fn->body, "function definition", line);
    --function_depth_;
    fn->is_generator = yield_count_ != saved_yields;
    yield_count_ = saved_yields;
    current_fn_ = saved_fn;
    loop_depth_ = saved_loops;
    out.push_back(s);
  }

  // ---- expressions ----
  static bool starts_expression(const Token& t) {
    switch (t.kind) {
      case Tok::Name:
      case Tok::Int:
      case Tok::Float:
      case Tok::String: return true;
      case Tok::Keyword:
        return t.kw == Kw::True || t.kw == Kw::False || t.kw == Kw::None || t.kw == Kw::Not || t.kw == Kw::Lambda ||
               t.kw == Kw::Await || t.kw == Kw::Yield;
      case Tok::Op:
        return t.op == Op::LPar || t.op == Op::LSqb || t.op == Op::LBrace || t.op == Op::Minus || t.op == Op::Plus ||
               t.op == Op::Tilde || t.op == Op::Ellipsis || t.op == Op::Star;
      default: return false;
    }
  }

  Expr* parse_star_expressions() {
    const Token& start = cur();
    Expr* e = parse_star_expression();
    if (!at_op(Op::Comma)) return e;
    auto* t = prog_.make<SeqExpr>(ExprKind::Tuple, start.pos);
    t->elts.push_back(e);
    while (accept_op(Op::Comma)) {
      if (!starts_expression(cur())) break;
      t->elts.push_back(parse_star_expression());
    }
    finish_seq(t, span(start.pos, prev().pos));
    return t;
  }

  void finish_seq(SeqExpr* t, SourceRange r) {
    t->pos = r;
    for (Expr* x : t->elts)
      if (x->kind == ExprKind::Starred) t->has_starred = true;
    set_depth(t, max_depth(t->elts) + 1);
  }

  Expr* parse_star_expression() {
    if (at_op(Op::Star)) {
      SourceRange sp = cur().pos;
      advance();
      Expr* v = parse_bitwise_or();
      return with_depth(prog_.make<StarredExpr>(span(sp, v->pos), v), {v});
    }
    return parse_expression();
  }

  Expr* parse_named_expression() {
    Expr* e = parse_expression();
    if (!at_op(Op::ColonEqual)) return e;
    if (e->kind != ExprKind::Name) error_range(e->pos, std::string("cannot use assignment expressions with ") + expr_description(e));
    advance();
    Expr* v = parse_expression();
    auto* target = static_cast<NameExpr*>(e);
    if (current_fn_) current_fn_->walrus_names.push_back(target->id);
    return with_depth(prog_.make<NamedExpr>(span(e->pos, v->pos), target, v), {v});
  }

  // `yield`, `yield value` or `yield from iterable`, as a statement or an assignment's value.
  Expr* parse_yield() {
    const Token& kw = cur();
    advance();
    ++yield_count_;
    bool from = accept_kw(Kw::From);
    Expr* v = nullptr;
    if (from) v = parse_expression();
    else if (starts_expression(cur())) v = parse_star_expressions();
    SourceRange r = v ? span(kw.pos, v->pos) : kw.pos;
    if (function_depth_ == 0) error_range(r, "'yield' outside function");
    return with_depth(prog_.make<YieldExpr>(r, v, from), {v});
  }

  Expr* parse_expression() {
    DepthGuard guard(*this);
    if (at_kw(Kw::Lambda)) return parse_lambda();
    if (at_kw(Kw::Yield)) unsupported(cur(), "'yield'");
    Expr* body = parse_disjunction();
    if (at_kw(Kw::If)) {
      advance();
      Expr* test = parse_disjunction();
      if (!accept_kw(Kw::Else)) error_at(cur(), "expected 'else' after 'if' expression");
      Expr* orelse = parse_expression();
      return with_depth(prog_.make<IfExpExpr>(span(body->outer(), orelse->outer()), test, body, orelse), {test, body, orelse});
    }
    return body;
  }

  Expr* parse_lambda() {
    const Token& kw = cur();
    advance();
    auto* fn = prog_.make<FunctionInfo>();
    fn->name = "<lambda>";
    fn->pos = kw.pos;
    fn->is_lambda = true;
    parse_params(fn, true);
    if (!accept_op(Op::Colon)) error_at(cur(), "expected ':'");
    int saved_loops = loop_depth_;
    FunctionInfo* saved_fn = current_fn_;
    loop_depth_ = 0;
    current_fn_ = fn;
    ++function_depth_;
    Expr* body = parse_expression();
    --function_depth_;
    current_fn_ = saved_fn;
    loop_depth_ = saved_loops;
    fn->body.push_back(prog_.make<ReturnStmt>(body->pos, body));
    return with_depth(prog_.make<LambdaExpr>(span(kw.pos, body->pos), fn), {body});
  }

  Expr* parse_disjunction() {
    Expr* first = parse_conjunction();
    if (!at_kw(Kw::Or)) return first;
    auto* b = prog_.make<BoolOpExpr>(first->pos, false);
    b->values.push_back(first);
    while (accept_kw(Kw::Or)) b->values.push_back(parse_conjunction());
    b->pos = span(first->outer(), b->values.back()->outer());
    set_depth(b, max_depth(b->values) + 1);
    return b;
  }

  Expr* parse_conjunction() {
    Expr* first = parse_inversion();
    if (!at_kw(Kw::And)) return first;
    auto* b = prog_.make<BoolOpExpr>(first->pos, true);
    b->values.push_back(first);
    while (accept_kw(Kw::And)) b->values.push_back(parse_inversion());
    b->pos = span(first->outer(), b->values.back()->outer());
    set_depth(b, max_depth(b->values) + 1);
    return b;
  }

  Expr* parse_inversion() {
    if (at_kw(Kw::Not)) {
      DepthGuard guard(*this);
      SourceRange sp = cur().pos;
      advance();
      Expr* e = parse_inversion();
      return with_depth(prog_.make<UnaryExpr>(span(sp, e->outer()), UnaryKind::Not, e), {e});
    }
    return parse_comparison();
  }

  bool comparison_op(CmpKind* k) {
    const Token& t = cur();
    if (t.kind == Tok::Op) {
      switch (t.op) {
        case Op::EqEqual: *k = CmpKind::Eq; break;
        case Op::NotEqual: *k = CmpKind::NotEq; break;
        case Op::Less: *k = CmpKind::Lt; break;
        case Op::LessEqual: *k = CmpKind::LtE; break;
        case Op::Greater: *k = CmpKind::Gt; break;
        case Op::GreaterEqual: *k = CmpKind::GtE; break;
        default: return false;
      }
      advance();
      return true;
    }
    if (t.kind == Tok::Keyword) {
      if (t.kw == Kw::In) {
        *k = CmpKind::In;
        advance();
        return true;
      }
      if (t.kw == Kw::Not && peek().kind == Tok::Keyword && peek().kw == Kw::In) {
        *k = CmpKind::NotIn;
        advance();
        advance();
        return true;
      }
      if (t.kw == Kw::Is) {
        advance();
        *k = accept_kw(Kw::Not) ? CmpKind::IsNot : CmpKind::Is;
        return true;
      }
    }
    return false;
  }

  Expr* parse_comparison() {
    Expr* left = parse_bitwise_or();
    CmpKind k;
    if (!comparison_op(&k)) return left;
    auto* c = prog_.make<CompareExpr>(left->pos, left);
    do {
      c->ops.push_back(k);
      c->comparators.push_back(parse_bitwise_or());
    } while (comparison_op(&k));
    c->pos = span(left->outer(), c->comparators.back()->outer());
    set_depth(c, std::max(left->depth, max_depth(c->comparators)) + 1);
    return c;
  }

  Expr* binop(BinOpKind k, Expr* l, Expr* r) {
    return with_depth(prog_.make<BinOpExpr>(span(l->outer(), r->outer()), k, l, r), {l, r});
  }

  Expr* parse_bitwise_or() {
    Expr* e = parse_bitwise_xor();
    while (at_op(Op::VBar)) {
      advance();
      e = binop(BinOpKind::BitOr, e, parse_bitwise_xor());
    }
    return e;
  }
  Expr* parse_bitwise_xor() {
    Expr* e = parse_bitwise_and();
    while (at_op(Op::Circumflex)) {
      advance();
      e = binop(BinOpKind::BitXor, e, parse_bitwise_and());
    }
    return e;
  }
  Expr* parse_bitwise_and() {
    Expr* e = parse_shift();
    while (at_op(Op::Amper)) {
      advance();
      e = binop(BinOpKind::BitAnd, e, parse_shift());
    }
    return e;
  }
  Expr* parse_shift() {
    Expr* e = parse_sum();
    while (at_op(Op::LeftShift) || at_op(Op::RightShift)) {
      BinOpKind k = at_op(Op::LeftShift) ? BinOpKind::LShift : BinOpKind::RShift;
      advance();
      e = binop(k, e, parse_sum());
    }
    return e;
  }
  Expr* parse_sum() {
    Expr* e = parse_term();
    while (at_op(Op::Plus) || at_op(Op::Minus)) {
      BinOpKind k = at_op(Op::Plus) ? BinOpKind::Add : BinOpKind::Sub;
      advance();
      e = binop(k, e, parse_term());
    }
    return e;
  }
  Expr* parse_term() {
    Expr* e = parse_factor();
    while (true) {
      BinOpKind k;
      if (at_op(Op::Star)) k = BinOpKind::Mul;
      else if (at_op(Op::Slash)) k = BinOpKind::Div;
      else if (at_op(Op::DoubleSlash)) k = BinOpKind::FloorDiv;
      else if (at_op(Op::Percent)) k = BinOpKind::Mod;
      else if (at_op(Op::At)) k = BinOpKind::MatMul;
      else break;
      advance();
      e = binop(k, e, parse_factor());
    }
    return e;
  }
  Expr* parse_factor() {
    UnaryKind k;
    if (at_op(Op::Minus)) k = UnaryKind::Neg;
    else if (at_op(Op::Plus)) k = UnaryKind::Pos;
    else if (at_op(Op::Tilde)) k = UnaryKind::Invert;
    else return parse_power();
    DepthGuard guard(*this);
    SourceRange sp = cur().pos;
    advance();
    Expr* e = parse_factor();
    return with_depth(prog_.make<UnaryExpr>(span(sp, e->outer()), k, e), {e});
  }
  Expr* parse_power() {
    if (at_kw(Kw::Await)) unsupported(cur(), "'await'");
    Expr* e = parse_primary();
    if (at_op(Op::DoubleStar)) {
      DepthGuard guard(*this);
      advance();
      e = binop(BinOpKind::Pow, e, parse_factor());
    }
    return e;
  }

  Expr* parse_primary() {
    Expr* e = parse_atom();
    while (true) {
      if (at_op(Op::Dot)) {
        advance();
        if (cur().kind != Tok::Name) error_at(cur(), "invalid syntax");
        e = with_depth(prog_.make<AttributeExpr>(span(e->outer(), cur().pos), e, cur().text), {e});
        advance();
      } else if (at_op(Op::LPar)) {
        e = parse_call(e);
      } else if (at_op(Op::LSqb)) {
        advance();
        Expr* index = parse_slices();
        if (!at_op(Op::RSqb)) error_at(cur(), "invalid syntax");
        e = with_depth(prog_.make<SubscriptExpr>(span(e->outer(), cur().pos), e, index), {e, index});
        advance();
      } else {
        return e;
      }
    }
  }

  Expr* parse_call(Expr* func) {
    DepthGuard guard(*this);
    advance();  // (
    auto* c = prog_.make<CallExpr>(func->outer(), func);
    bool seen_keyword = false, seen_kw_unpack = false;
    int d = func->depth;
    while (!at_op(Op::RPar)) {
      if (at_op(Op::Star)) {
        SourceRange sp = cur().pos;
        advance();
        Expr* v = parse_expression();
        if (seen_kw_unpack) error_range(span(sp, v->pos), "iterable argument unpacking follows keyword argument unpacking");
        c->args.push_back(with_depth(prog_.make<StarredExpr>(span(sp, v->pos), v), {v}));
        c->has_unpacking = true;
      } else if (at_op(Op::DoubleStar)) {
        advance();
        Expr* v = parse_expression();
        c->kw_names.emplace_back();
        c->kw_values.push_back(v);
        c->has_unpacking = true;
        seen_kw_unpack = true;
      } else if (cur().kind == Tok::Name && peek().kind == Tok::Op && peek().op == Op::Equal) {
        std::string name = cur().text;
        for (const auto& k : c->kw_names)
          if (k == name) error_range(cur().pos, "keyword argument repeated: " + name);
        advance();
        advance();
        c->kw_names.push_back(name);
        c->kw_values.push_back(parse_expression());
        seen_keyword = true;
      } else {
        const Token& start = cur();
        Expr* e = parse_named_expression();
        if (at_kw(Kw::For)) {
          Expr* g = parse_comprehension(ExprKind::GeneratorExp, e, nullptr, start.pos);
          if (!c->args.empty() || !c->kw_names.empty() || !at_op(Op::RPar))
            error_range(span(start.pos, g->pos), "Generator expression must be parenthesized");
          g->pos = span(start.pos, cur().pos);
          e = g;
        } else if (at_op(Op::Equal)) {
          error_range(span(start.pos, e->pos), "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        if (seen_kw_unpack) error_range(e->pos, "positional argument follows keyword argument unpacking");
        if (seen_keyword) error_range(e->pos, "positional argument follows keyword argument");
        c->args.push_back(e);
      }
      if (!accept_op(Op::Comma)) {
        if (!at_op(Op::RPar) && starts_expression(cur()) && !c->args.empty())
          error_range(span(c->args.back()->pos, cur().pos), "invalid syntax. Perhaps you forgot a comma?");
        break;
      }
    }
    if (!at_op(Op::RPar)) error_at(cur(), "invalid syntax");
    c->pos = span(func->outer(), cur().pos);
    advance();
    d = std::max({d, max_depth(c->args), max_depth(c->kw_values)});
    set_depth(c, d + 1);
    return c;
  }

  Expr* parse_slice_item() {
    const Token& start = cur();
    Expr* lower = nullptr;
    if (!at_op(Op::Colon)) {
      if (at_op(Op::Star)) return parse_star_expression();
      lower = parse_named_expression();
      if (!at_op(Op::Colon)) return lower;
    }
    advance();  // :
    Expr *upper = nullptr, *step = nullptr;
    if (!at_op(Op::Colon) && !at_op(Op::RSqb) && !at_op(Op::Comma)) upper = parse_expression();
    if (accept_op(Op::Colon)) {
      if (!at_op(Op::RSqb) && !at_op(Op::Comma)) step = parse_expression();
    }
    auto* s = prog_.make<SliceExpr>(span(start.pos, prev().pos), lower, upper, step);
    return with_depth(s, {lower, upper, step});
  }

  Expr* parse_slices() {
    const Token& start = cur();
    Expr* first = parse_slice_item();
    if (!at_op(Op::Comma)) return first;
    auto* t = prog_.make<SeqExpr>(ExprKind::Tuple, start.pos);
    t->elts.push_back(first);
    while (accept_op(Op::Comma)) {
      if (at_op(Op::RSqb)) break;
      t->elts.push_back(parse_slice_item());
    }
    finish_seq(t, span(start.pos, prev().pos));
    return t;
  }

  Expr* parse_comprehension(ExprKind kind, Expr* elt, Expr* value, SourceRange start) {
    auto* c = prog_.make<CompExpr>(kind, start);
    c->elt = elt;
    c->value = value;
    auto* fn = prog_.make<FunctionInfo>();
    fn->name = kind == ExprKind::ListComp ? "<listcomp>" : kind == ExprKind::DictComp ? "<dictcomp>"
             : kind == ExprKind::SetComp ? "<setcomp>" : "<genexpr>";
    fn->pos = start;
    c->scope = fn;
    int d = std::max(elt->depth, value ? value->depth : 0);
    while (at_kw(Kw::For) || at_kw(Kw::Async)) {
      if (at_kw(Kw::Async)) unsupported(cur(), "'async'");
      advance();
      Comprehension g;
      g.target = parse_target_list();
      check_target(g.target, TargetKind::For);
      if (!accept_kw(Kw::In)) error_at(cur(), "invalid syntax");
      g.iter = parse_disjunction();
      d = std::max({d, g.target->depth, g.iter->depth});
      while (at_kw(Kw::If)) {
        advance();
        g.ifs.push_back(parse_disjunction());
        d = std::max(d, g.ifs.back()->depth);
      }
      c->generators.push_back(std::move(g));
    }
    c->pos = span(start, prev().pos);
    set_depth(c, d + 1);
    return c;
  }

  Expr* parse_atom() {
    const Token& t = cur();
    switch (t.kind) {
      case Tok::Name: {
        advance();
        return prog_.make<NameExpr>(t.pos, t.text);
      }
      case Tok::Int: advance(); return prog_.make<ConstantExpr>(t.pos, Value(t.int_value));
      case Tok::Float: advance(); return prog_.make<ConstantExpr>(t.pos, Value(t.float_value));
      case Tok::String: return parse_strings();
      case Tok::Keyword:
        if (t.kw == Kw::True || t.kw == Kw::False) {
          advance();
          return prog_.make<ConstantExpr>(t.pos, Value(t.kw == Kw::True));
        }
        if (t.kw == Kw::None) {
          advance();
          return prog_.make<ConstantExpr>(t.pos, Value());
        }
        if (t.kw == Kw::Yield) unsupported(t, "'yield'");
        if (t.kw == Kw::Await) unsupported(t, "'await'");
        if (t.kw == Kw::Lambda) return parse_lambda();
        error_at(t, "invalid syntax");
      case Tok::Op:
        switch (t.op) {
          case Op::LPar: return parse_paren();
          case Op::LSqb: return parse_list();
          case Op::LBrace: return parse_brace();
          case Op::Ellipsis: advance(); return prog_.make<ConstantExpr>(t.pos, ellipsis_value());
          default: break;
        }
        error_at(t, "invalid syntax");
      case Tok::Indent: {
        SourceRange r = t.pos;
        r.col = -1;
        error_range(r, "unexpected indent", "IndentationError");
      }
      default: error_at(t, "invalid syntax");
    }
  }

  // Elements of a list/tuple display after the first, with CPython's "forgot a comma" hint.
  void parse_display_rest(SeqExpr* s, Op closer) {
    while (true) {
      if (!accept_op(Op::Comma)) {
        if (!at_op(closer) && starts_expression(cur()))
          error_range(span(s->elts.back()->pos, cur().pos), "invalid syntax. Perhaps you forgot a comma?");
        break;
      }
      if (at_op(closer)) break;
      if (at_op(Op::Star)) s->elts.push_back(parse_star_expression());
      else s->elts.push_back(parse_named_expression());
    }
  }

  Expr* parse_paren() {
    DepthGuard guard(*this);
    const Token& open = cur();
    advance();
    if (at_op(Op::RPar)) {
      auto* t = prog_.make<SeqExpr>(ExprKind::Tuple, span(open.pos, cur().pos));
      advance();
      return t;
    }
    if (at_kw(Kw::Yield)) unsupported(cur(), "'yield'");
    Expr* first = at_op(Op::Star) ? parse_star_expression() : parse_named_expression();
    if (at_kw(Kw::For)) {
      Expr* g = parse_comprehension(ExprKind::GeneratorExp, first, nullptr, open.pos);
      if (!at_op(Op::RPar)) error_at(cur(), "invalid syntax");
      g->pos = span(open.pos, cur().pos);
      advance();
      return g;
    }
    if (at_op(Op::Comma)) {
      auto* t = prog_.make<SeqExpr>(ExprKind::Tuple, open.pos);
      t->elts.push_back(first);
      parse_display_rest(t, Op::RPar);
      if (!at_op(Op::RPar)) error_at(cur(), "invalid syntax");
      finish_seq(t, span(open.pos, cur().pos));
      advance();
      return t;
    }
    if (!at_op(Op::RPar)) {
      if (starts_expression(cur())) error_range(span(first->pos, cur().pos), "invalid syntax. Perhaps you forgot a comma?");
      error_at(cur(), "invalid syntax");
    }
    if (first->kind == ExprKind::Starred) error_range(first->pos, "cannot use starred expression here");
    first->parenthesized = true;
    first->paren_pos = span(open.pos, cur().pos);
    advance();
    return first;
  }

  Expr* parse_list() {
    DepthGuard guard(*this);
    const Token& open = cur();
    advance();
    auto* l = prog_.make<SeqExpr>(ExprKind::List, open.pos);
    if (!at_op(Op::RSqb)) {
      Expr* first = at_op(Op::Star) ? parse_star_expression() : parse_named_expression();
      if (at_kw(Kw::For)) {
        Expr* c = parse_comprehension(ExprKind::ListComp, first, nullptr, open.pos);
        if (!at_op(Op::RSqb)) error_at(cur(), "invalid syntax");
        c->pos = span(open.pos, cur().pos);
        advance();
        return c;
      }
      l->elts.push_back(first);
      parse_display_rest(l, Op::RSqb);
    }
    if (!at_op(Op::RSqb)) error_at(cur(), "invalid syntax");
    finish_seq(l, span(open.pos, cur().pos));
    advance();
    return l;
  }

  Expr* parse_brace() {
    DepthGuard guard(*this);
    const Token& open = cur();
    advance();
    auto* d = prog_.make<DictExpr>(open.pos);
    if (at_op(Op::RBrace)) {
      d->pos = span(open.pos, cur().pos);
      advance();
      return d;
    }
    if (at_op(Op::Star)) return parse_set_rest(open, parse_star_expression());
    bool first_entry = true;
    while (!at_op(Op::RBrace)) {
      if (accept_op(Op::DoubleStar)) {
        d->keys.push_back(nullptr);
        d->values.push_back(parse_bitwise_or());
      } else {
        Expr* k = first_entry ? parse_named_expression() : parse_expression();
        if (!at_op(Op::Colon)) {
          if (first_entry && (at_op(Op::Comma) || at_op(Op::RBrace) || at_kw(Kw::For))) return parse_set_rest(open, k);
          error_at(cur(), "':' expected after dictionary key");
        }
        advance();
        Expr* v = parse_expression();
        if (first_entry && at_kw(Kw::For)) {
          Expr* c = parse_comprehension(ExprKind::DictComp, k, v, open.pos);
          if (!at_op(Op::RBrace)) error_at(cur(), "invalid syntax");
          c->pos = span(open.pos, cur().pos);
          advance();
          return c;
        }
        d->keys.push_back(k);
        d->values.push_back(v);
      }
      first_entry = false;
      if (!accept_op(Op::Comma)) break;
    }
    if (!at_op(Op::RBrace)) error_at(cur(), "invalid syntax");
    d->pos = span(open.pos, cur().pos);
    advance();
    set_depth(d, std::max(max_depth(d->keys), max_depth(d->values)) + 1);
    return d;
  }

  // A set display or comprehension after its first element: {a, b} / {x for x in xs}.
  Expr* parse_set_rest(const Token& open, Expr* first) {
    if (at_kw(Kw::For)) {
      Expr* c = parse_comprehension(ExprKind::SetComp, first, nullptr, open.pos);
      if (!at_op(Op::RBrace)) error_at(cur(), "invalid syntax");
      c->pos = span(open.pos, cur().pos);
      advance();
      return c;
    }
    auto* s = prog_.make<SeqExpr>(ExprKind::Set, open.pos);
    s->elts.push_back(first);
    parse_display_rest(s, Op::RBrace);
    if (!at_op(Op::RBrace)) error_at(cur(), "invalid syntax");
    finish_seq(s, span(open.pos, cur().pos));
    advance();
    return s;
  }

  // Adjacent string literals concatenate; any f-string among them makes a JoinedStr.
  Expr* parse_strings() {
    const Token& first = cur();
    bool any_f = false;
    size_t j = i_;
    while (toks_[j].kind == Tok::String) {
      any_f |= toks_[j].fstring;
      ++j;
    }
    SourceRange r = span(first.pos, toks_[j - 1].pos);
    if (!any_f) {
      std::string s;
      for (size_t k = i_; k < j; ++k) s += toks_[k].text;
      i_ = j;
      return prog_.make<ConstantExpr>(r, make_str(std::move(s)));
    }
    auto* js = prog_.make<JoinedStrExpr>(r);
    int d = 0;
    for (size_t k = i_; k < j; ++k) {
      const Token& t = toks_[k];
      if (!t.fstring) {
        append_literal(js, t.text);
      } else {
        parse_fstring_body(t, t.text, 0, js, 0);
        for (const auto& p : js->parts) {
          if (p.expr) d = std::max(d, p.expr->depth);
          if (p.spec) d = std::max(d, p.spec->depth);
        }
      }
    }
    i_ = j;
    set_depth(js, d + 1);
    return js;
  }

  static void append_literal(JoinedStrExpr* js, const std::string& text) {
    if (text.empty()) return;
    if (!js->parts.empty() && !js->parts.back().expr) {
      js->parts.back().literal += text;
    } else {
      FStringPart p;
      p.literal = text;
      js->parts.push_back(std::move(p));
    }
  }

  // Where body[offset] sits in the file.
  static void body_position(const Token& t, std::string_view body, size_t offset, int* line, int* col) {
    int l = t.pos.line;
    size_t last_nl = std::string_view::npos;
    for (size_t k = 0; k < offset && k < body.size(); ++k)
      if (body[k] == '\n') {
        ++l;
        last_nl = k;
      }
    *line = l;
    *col = last_nl == std::string_view::npos ? t.body_col + static_cast<int>(offset) : static_cast<int>(offset - last_nl - 1);
  }

  // Splits an f-string body into literal text and {expression!conv:spec} fields.
  void parse_fstring_body(const Token& t, std::string_view body, size_t base, JoinedStrExpr* out, int nesting) {
    if (nesting > 1) error_range(t.pos, "f-string: expressions nested too deeply");
    std::string literal;
    auto flush = [&] {
      if (!literal.empty()) append_literal(out, t.raw ? literal : decode_escapes(literal, t.pos));
      literal.clear();
    };
    size_t i = 0;
    while (i < body.size()) {
      char c = body[i];
      if (c == '{') {
        if (i + 1 < body.size() && body[i + 1] == '{') {
          literal += '{';
          i += 2;
          continue;
        }
        flush();
        i = parse_fstring_field(t, body, base, i + 1, out, nesting);
        continue;
      }
      if (c == '}') {
        if (i + 1 < body.size() && body[i + 1] == '}') {
          literal += '}';
          i += 2;
          continue;
        }
        error_range(t.pos, "f-string: single '}' is not allowed");
      }
      if (c == '\\' && !t.raw && i + 1 < body.size()) {  // keep escapes intact for decode_escapes
        literal += c;
        literal += body[i + 1];
        i += 2;
        continue;
      }
      literal += c;
      ++i;
    }
    flush();
  }

  // Parses one field starting after '{'; returns the index just past its '}'.
  size_t parse_fstring_field(const Token& t, std::string_view body, size_t base, size_t start, JoinedStrExpr* out, int nesting) {
    size_t i = start;
    int depth = 0;
    char quote = 0;
    while (i < body.size()) {
      char c = body[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        ++depth;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) break;
        --depth;
      } else if (depth == 0 && (c == ':' || (c == '!' && i + 1 < body.size() && body[i + 1] != '='))) {
        break;
      } else if (depth == 0 && c == '=' && i + 1 < body.size() && body[i + 1] != '=' && i > start &&
                 std::string_view("=!<>").find(body[i - 1]) == std::string_view::npos) {
        break;
      } else if (c == '\\') {
        error_range(t.pos, "f-string expression part cannot include a backslash");
      }
      ++i;
    }
    if (i >= body.size()) error_range(t.pos, quote ? "f-string: unterminated string" : "f-string: expecting '}'");
    std::string_view expr_text = body.substr(start, i - start);
    if (expr_text.find_first_not_of(" \t\n\r") == std::string_view::npos)
      error_range(t.pos, "f-string: empty expression not allowed");
    int line, col;
    body_position(t, body, base + start, &line, &col);
    FStringPart part;
    try {
      std::vector<Token> sub = tokenize("(" + std::string(expr_text) + ")", line, col - 1);
      Parser p(std::move(sub), prog_, depth_ + 1);
      p.function_depth_ = function_depth_;
      part.expr = p.parse_fstring_field();
    } catch (const SyntaxErrorEx& e) {
      std::string msg = e.what();
      if (msg.rfind("f-string", 0) != 0) msg = "f-string: " + msg;
      throw SyntaxErrorEx(e.type(), msg, e.where());
    }
    std::string debug_text;
    if (body[i] == '=') {
      debug_text = std::string(expr_text) + "=";
      ++i;
      size_t ws = i;
      while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
      debug_text += std::string(body.substr(ws, i - ws));
      if (i >= body.size()) error_range(t.pos, "f-string: expecting '}'");
    }
    if (body[i] == '!') {
      if (i + 1 >= body.size()) error_range(t.pos, "f-string: expecting '}'");
      char conv = body[i + 1];
      if (conv != 'r' && conv != 's' && conv != 'a')
        error_range(t.pos, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      part.conversion = conv;
      i += 2;
    }
    if (i < body.size() && body[i] == ':') {
      ++i;
      size_t spec_start = i;
      int d = 0;
      while (i < body.size()) {
        if (body[i] == '{') ++d;
        else if (body[i] == '}') {
          if (d == 0) break;
          --d;
        }
        ++i;
      }
      if (i >= body.size()) error_range(t.pos, "f-string: expecting '}'");
      auto* spec = prog_.make<JoinedStrExpr>(t.pos);
      parse_fstring_body(t, body.substr(spec_start, i - spec_start), base + spec_start, spec, nesting + 1);
      int sd = 0;
      for (const auto& p : spec->parts)
        if (p.expr) sd = std::max(sd, p.expr->depth);
      set_depth(spec, sd + 1);
      part.spec = spec;
    }
    if (i >= body.size() || body[i] != '}') error_range(t.pos, "f-string: expecting '}'");
    if (!debug_text.empty()) {
      append_literal(out, debug_text);
      if (!part.conversion && !part.spec) part.conversion = 'r';
    }
    out->parts.push_back(std::move(part));
    return i + 1;
  }

  std::vector<Token> toks_;
  size_t i_ = 0;
  Program& prog_;
  int depth_ = 0;
  int loop_depth_ = 0;
  int function_depth_ = 0;
  int yield_count_ = 0;                 // yields parsed in the current function so far
  FunctionInfo* current_fn_ = nullptr;  // the def/lambda/class body being parsed (walrus targets)
};

}  // namespace

std::unique_ptr<Program> parse_program(std::shared_ptr<SourceFile> source) {
  auto prog = std::make_unique<Program>();
  prog->source = source;
  std::vector<Token> toks = tokenize(source->text);
  Parser p(std::move(toks), *prog);
  p.parse_file(prog->body);
  return prog;
}

}  // namespace gradlab::script
