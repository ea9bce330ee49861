// The abstract syntax tree the parser builds and the evaluator walks, shaped after CPython's
// `ast` module (Name, Attribute, Call, BinOp, Assign, For, FunctionDef, ...) so that node names
// match what a learner may meet in Python's docs.
//
// All nodes of one source text live in one arena (Program::nodes) and point at each other with
// plain pointers: building is one allocation per node, destruction is a flat loop (no deep
// recursion on long `a + b + c + ...` chains), and a function defined in one notebook cell
// keeps its whole Program alive through a shared_ptr while it can still be called.
//
// Variable references are resolved once, after parsing (resolver.cpp): each Name knows whether
// it is a local slot, a closure cell, or a global slot, so the evaluator never looks names up
// by string on the hot path.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/script/errors.h"
#include "engine/script/value.h"

namespace gradlab::script {

struct AstNode {
  virtual ~AstNode() = default;
};

// ---- expressions -------------------------------------------------------------------------------
enum class ExprKind : uint8_t {
  Constant, Name, Attribute, Subscript, Slice, Call, BinOp, UnaryOp, BoolOp, Compare, IfExp,
  Lambda, List, Tuple, Dict, JoinedStr, ListComp, GeneratorExp, DictComp, Starred,
  Set, SetComp, NamedExpr, Yield,
};
enum class BinOpKind : uint8_t { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, MatMul, LShift, RShift, BitOr, BitXor, BitAnd };
enum class UnaryKind : uint8_t { Neg, Pos, Not, Invert };
enum class CmpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

const char* binop_symbol(BinOpKind op);  // "+", "**", "@" ...
const char* cmp_symbol(CmpKind op);

struct Expr : AstNode {
  Expr(ExprKind k, SourceRange p) : kind(k), pos(p) {}
  ExprKind kind;
  bool parenthesized = false;  // written as `( expr )`: paren_pos includes the parentheses
  int depth = 1;  // height of this subtree; bounded so evaluation cannot overflow the C++ stack
  SourceRange pos;
  SourceRange paren_pos;
  // The range an enclosing node starts/ends at (CPython counts a parenthesised operand's
  // parentheses as part of the enclosing BinOp/Call/... but not of the operand itself).
  const SourceRange& outer() const { return parenthesized ? paren_pos : pos; }
};

struct ConstantExpr : Expr {
  ConstantExpr(SourceRange p, Value v) : Expr(ExprKind::Constant, p), value(std::move(v)) {}
  Value value;
};

enum class NameScope : uint8_t { Unresolved, Local, Cell, Free, Global };
struct NameExpr : Expr {
  NameExpr(SourceRange p, std::string n) : Expr(ExprKind::Name, p), id(std::move(n)) {}
  std::string id;
  NameScope scope = NameScope::Unresolved;
  int slot = -1;  // local slot, free-variable index or global slot, by scope
};

struct AttributeExpr : Expr {
  AttributeExpr(SourceRange p, Expr* v, std::string a) : Expr(ExprKind::Attribute, p), value(v), attr(std::move(a)) {}
  Expr* value;
  std::string attr;
  // Inline cache for instances of user classes (classes.cpp): the class this site last saw, the
  // class_epoch then, what class_lookup gave (no reference is held: the class owns it), and the
  // index in the instance's attributes where the name was last found.
  mutable const void* ic_class = nullptr;
  mutable uint64_t ic_epoch = 0;
  mutable const Value* ic_value = nullptr;
  mutable uint32_t ic_slot = 0;
  mutable const std::string* ic_name = nullptr;  // attr, interned (intern_name)
};

struct SubscriptExpr : Expr {
  SubscriptExpr(SourceRange p, Expr* v, Expr* i) : Expr(ExprKind::Subscript, p), value(v), index(i) {}
  Expr* value;
  Expr* index;  // a Tuple for x[a, b]; Slice parts for x[1:3]
};

struct SliceExpr : Expr {
  SliceExpr(SourceRange p, Expr* a, Expr* b, Expr* c) : Expr(ExprKind::Slice, p), lower(a), upper(b), step(c) {}
  Expr *lower, *upper, *step;  // each may be null
};

struct CallExpr : Expr {
  CallExpr(SourceRange p, Expr* f) : Expr(ExprKind::Call, p), func(f) {}
  Expr* func;
  std::vector<Expr*> args;             // may contain Starred (f(*xs))
  std::vector<std::string> kw_names;   // "" marks a **mapping entry
  std::vector<Expr*> kw_values;
  bool has_unpacking = false;          // any *args or **kwargs at the call site
};

struct BinOpExpr : Expr {
  BinOpExpr(SourceRange p, BinOpKind o, Expr* l, Expr* r) : Expr(ExprKind::BinOp, p), op(o), left(l), right(r) {}
  BinOpKind op;
  Expr *left, *right;
};

struct UnaryExpr : Expr {
  UnaryExpr(SourceRange p, UnaryKind o, Expr* e) : Expr(ExprKind::UnaryOp, p), op(o), operand(e) {}
  UnaryKind op;
  Expr* operand;
};

struct BoolOpExpr : Expr {
  BoolOpExpr(SourceRange p, bool a) : Expr(ExprKind::BoolOp, p), is_and(a) {}
  bool is_and;
  std::vector<Expr*> values;
};

struct CompareExpr : Expr {
  CompareExpr(SourceRange p, Expr* l) : Expr(ExprKind::Compare, p), left(l) {}
  Expr* left;
  std::vector<CmpKind> ops;
  std::vector<Expr*> comparators;
};

struct IfExpExpr : Expr {
  IfExpExpr(SourceRange p, Expr* t, Expr* b, Expr* o) : Expr(ExprKind::IfExp, p), test(t), body(b), orelse(o) {}
  Expr *test, *body, *orelse;
};

struct SeqExpr : Expr {  // List, Tuple or Set display
  SeqExpr(ExprKind k, SourceRange p) : Expr(k, p) {}
  std::vector<Expr*> elts;
  bool has_starred = false;
};

struct DictExpr : Expr {
  explicit DictExpr(SourceRange p) : Expr(ExprKind::Dict, p) {}
  std::vector<Expr*> keys;  // null key: `**mapping`
  std::vector<Expr*> values;
};

struct StarredExpr : Expr {
  StarredExpr(SourceRange p, Expr* v) : Expr(ExprKind::Starred, p), value(v) {}
  Expr* value;
};

struct FStringPart {
  std::string literal;       // text before the field (or the whole part when expr is null)
  Expr* expr = nullptr;      // the `{expression}`
  char conversion = 0;       // 'r', 's', 'a' or 0
  Expr* spec = nullptr;      // a JoinedStr for the format spec, or null
};
struct JoinedStrExpr : Expr {
  explicit JoinedStrExpr(SourceRange p) : Expr(ExprKind::JoinedStr, p) {}
  std::vector<FStringPart> parts;
};

struct FunctionInfo;

struct LambdaExpr : Expr {
  LambdaExpr(SourceRange p, FunctionInfo* f) : Expr(ExprKind::Lambda, p), fn(f) {}
  FunctionInfo* fn;
};

struct Comprehension {
  Expr* target;
  Expr* iter;
  std::vector<Expr*> ifs;
};
// `target := value`: binds in the enclosing function scope, even inside a comprehension
// (the parser lists the name in that function's walrus_names, so the resolver makes it local there).
struct NamedExpr : Expr {
  NamedExpr(SourceRange p, NameExpr* t, Expr* v) : Expr(ExprKind::NamedExpr, p), target(t), value(v) {}
  NameExpr* target;
  Expr* value;
};

// `yield value` / `yield from iterable`. Only whole statements (`yield x`, `y = yield x`) may
// hold one: Note [Generators] in generators.cpp.
struct YieldExpr : Expr {
  YieldExpr(SourceRange p, Expr* v, bool from) : Expr(ExprKind::Yield, p), value(v), is_from(from) {}
  Expr* value;  // may be null (a bare `yield`)
  bool is_from;
};

struct CompExpr : Expr {  // ListComp, GeneratorExp, DictComp, SetComp
  CompExpr(ExprKind k, SourceRange p) : Expr(k, p) {}
  Expr* elt = nullptr;    // DictComp: the key
  Expr* value = nullptr;  // DictComp: the value
  std::vector<Comprehension> generators;
  FunctionInfo* scope = nullptr;  // its own scope, as in Python 3
};

// ---- statements --------------------------------------------------------------------------------
enum class StmtKind : uint8_t {
  Expr, Assign, AugAssign, AnnAssign, If, For, While, Break, Continue, Pass, FunctionDef, Return,
  With, Del, Import, ImportFrom, Global, Nonlocal, Assert, Raise, ClassDef, Try,
};

struct Stmt : AstNode {
  Stmt(StmtKind k, SourceRange p) : kind(k), pos(p) {}
  StmtKind kind;
  bool contains_yield = false;  // a yield in it (not in nested functions): Note [Generators]
  SourceRange pos;
};
using Block = std::vector<Stmt*>;

struct ExprStmt : Stmt {
  ExprStmt(SourceRange p, Expr* v) : Stmt(StmtKind::Expr, p), value(v) {}
  Expr* value;
  bool semicolon = false;  // followed by ';' (suppresses a notebook cell's displayed value)
};

struct AssignStmt : Stmt {
  explicit AssignStmt(SourceRange p) : Stmt(StmtKind::Assign, p) {}
  std::vector<Expr*> targets;  // a = b = value
  Expr* value = nullptr;
};

struct AugAssignStmt : Stmt {
  AugAssignStmt(SourceRange p, Expr* t, BinOpKind o, Expr* v) : Stmt(StmtKind::AugAssign, p), target(t), op(o), value(v) {}
  Expr* target;
  BinOpKind op;
  Expr* value;
};

struct AnnAssignStmt : Stmt {
  AnnAssignStmt(SourceRange p, Expr* t, Expr* a, Expr* v) : Stmt(StmtKind::AnnAssign, p), target(t), annotation(a), value(v) {}
  Expr *target, *annotation, *value;
};

struct IfStmt : Stmt {
  IfStmt(SourceRange p, Expr* t) : Stmt(StmtKind::If, p), test(t) {}
  Expr* test;
  Block body, orelse;
};

struct ForStmt : Stmt {
  ForStmt(SourceRange p, Expr* t, Expr* i) : Stmt(StmtKind::For, p), target(t), iter(i) {}
  Expr *target, *iter;
  Block body, orelse;
};

struct WhileStmt : Stmt {
  WhileStmt(SourceRange p, Expr* t) : Stmt(StmtKind::While, p), test(t) {}
  Expr* test;
  Block body, orelse;
};

struct SimpleStmt : Stmt {  // break, continue, pass
  SimpleStmt(StmtKind k, SourceRange p) : Stmt(k, p) {}
};

struct Param {
  std::string name;
  Expr* default_value = nullptr;
  SourceRange pos;
};

// A function body with its parameters and, after resolution, its frame layout: the "code
// object" of a def, a lambda or a comprehension.
struct FunctionInfo : AstNode {
  std::string name;                 // "f", "<lambda>", "<listcomp>"
  SourceRange pos;
  std::vector<Param> params;        // positional-or-keyword, then keyword-only
  size_t num_positional = 0;        // params before `*`/`*args`
  std::string varargs, varkw;       // names of *args / **kwargs, or empty
  Block body;
  bool is_lambda = false;
  bool is_class = false;            // a class body: run once, its locals become the class namespace
  bool is_generator = false;        // its body yields: calling it makes a generator (Note [Generators])
  std::vector<std::string> walrus_names;  // bound by `:=` in it or its comprehensions
  // ---- filled by the resolver ----
  int num_locals = 0;
  std::vector<std::string> local_names;  // slot → name (for UnboundLocalError messages)
  std::vector<int> cell_slots;           // locals captured by inner functions: hold a CellObj
  // For each free variable: where the *defining* scope finds it (its cell slot, or its own
  // free index when is_free); copied into the function's closure when the def runs.
  struct FreeRef {
    std::string name;
    bool from_enclosing_free;
    int index;
  };
  std::vector<FreeRef> free_vars;
  int varargs_slot = -1, varkw_slot = -1;
  std::vector<int> param_slots;
};

struct FunctionDefStmt : Stmt {
  FunctionDefStmt(SourceRange p, FunctionInfo* f, NameExpr* t) : Stmt(StmtKind::FunctionDef, p), fn(f), target(t) {}
  FunctionInfo* fn;
  NameExpr* target;  // the name the function is bound to
  std::vector<Expr*> decorators;  // @expr lines, outermost first
};

// class Name(bases, keyword=value): body. The body is a scope of its own (FunctionInfo with
// is_class), run once when the statement runs; see Note [Classes] in runtime.h.
struct ClassDefStmt : Stmt {
  ClassDefStmt(SourceRange p, FunctionInfo* b, NameExpr* t) : Stmt(StmtKind::ClassDef, p), body(b), target(t) {}
  FunctionInfo* body;
  NameExpr* target;
  std::vector<Expr*> bases;
  std::vector<std::string> kw_names;
  std::vector<Expr*> kw_values;
  std::vector<Expr*> decorators;
};

struct ExceptHandler {
  Expr* type = nullptr;      // null: bare `except:`
  NameExpr* name = nullptr;  // `as name`, or null
  Block body;
  SourceRange pos;
};
struct TryStmt : Stmt {
  explicit TryStmt(SourceRange p) : Stmt(StmtKind::Try, p) {}
  Block body;
  std::vector<ExceptHandler> handlers;
  Block orelse, finalbody;
};

struct ReturnStmt : Stmt {
  ReturnStmt(SourceRange p, Expr* v) : Stmt(StmtKind::Return, p), value(v) {}
  Expr* value;  // may be null
};

struct WithItem {
  Expr* context;
  Expr* target;  // may be null
};
struct WithStmt : Stmt {
  explicit WithStmt(SourceRange p) : Stmt(StmtKind::With, p) {}
  std::vector<WithItem> items;
  Block body;
};

struct DelStmt : Stmt {
  explicit DelStmt(SourceRange p) : Stmt(StmtKind::Del, p) {}
  std::vector<Expr*> targets;
};

struct ImportAlias {
  std::string name;         // dotted module name, or the imported attribute for `from`
  std::string asname;       // may be empty
  NameExpr* target = nullptr;  // the variable bound
  SourceRange pos;
};
struct ImportStmt : Stmt {
  ImportStmt(StmtKind k, SourceRange p) : Stmt(k, p) {}
  std::string module;       // ImportFrom only
  std::vector<ImportAlias> names;
};

struct ScopeDeclStmt : Stmt {  // global / nonlocal
  ScopeDeclStmt(StmtKind k, SourceRange p) : Stmt(k, p) {}
  std::vector<std::string> names;
};

struct AssertStmt : Stmt {
  AssertStmt(SourceRange p, Expr* t, Expr* m) : Stmt(StmtKind::Assert, p), test(t), msg(m) {}
  Expr *test, *msg;
};

struct RaiseStmt : Stmt {
  RaiseStmt(SourceRange p, Expr* e) : Stmt(StmtKind::Raise, p), exc(e) {}
  Expr* exc;  // may be null (bare raise)
  Expr* cause = nullptr;  // raise exc from cause
};

// ---- a parsed source text ----------------------------------------------------------------------
struct SourceFile {
  std::string filename;
  std::string text;
  std::vector<std::string> lines;  // for tracebacks
  const std::string& line(int n) const {
    static const std::string empty;
    return n >= 1 && n <= static_cast<int>(lines.size()) ? lines[n - 1] : empty;
  }
};
std::shared_ptr<SourceFile> make_source_file(std::string filename, std::string text);

struct Program {
  std::shared_ptr<SourceFile> source;
  Block body;
  std::vector<std::unique_ptr<AstNode>> nodes;  // the arena
  std::vector<std::string> global_names;        // module-level names the code uses, first use first (resolver)

  template <class T, class... A>
  T* make(A&&... args) {
    auto p = std::make_unique<T>(std::forward<A>(args)...);
    T* raw = p.get();
    nodes.push_back(std::move(p));
    return raw;
  }
};

}  // namespace gradlab::script
