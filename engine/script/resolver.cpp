// Name resolution: decides once, before running, where every variable lives — the scoping
// rules of Python 3 (like CPython's symtable.c):
//   * at module level every name is a global (a slot in Interp's global table; a missing global
//     falls back to the builtins at run time);
//   * in a function, a name bound anywhere in its body (assignment, for, def, import, del, with)
//     is local to it unless declared `global`/`nonlocal`; parameters come first in the slots;
//   * a name read but not bound is looked up in enclosing *function* scopes (a closure); if one
//     binds it, that scope keeps it in a cell and the inner function captures the cell;
//     otherwise it is global.
// Comprehensions and lambdas are function scopes of their own, as in Python 3.
#include <unordered_map>
#include <unordered_set>

#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

struct Scope {
  FunctionInfo* fn = nullptr;  // null: module
  Scope* parent = nullptr;
  bool is_class = false;  // a class body: its names are not visible to the functions inside it
  std::unordered_map<std::string, int> locals;
  std::unordered_set<std::string> globals, nonlocals;
  std::unordered_map<std::string, int> free_index;
  std::vector<char> is_cell;
  std::vector<NameExpr*> local_refs;  // fixed up to Cell once all inner scopes are known
};

class Resolver {
 public:
  explicit Resolver(Interp& in) : in_(in) {}

  void run(Program& prog) {
    prog_ = &prog;
    Scope module;
    for (Stmt* s : prog.body) stmt(s, module);
    finish();
  }

 private:
  // ---- pass 1: what a function scope binds ----
  void collect_target(const Expr* e, std::vector<std::string>& out) {
    switch (e->kind) {
      case ExprKind::Name: out.push_back(static_cast<const NameExpr*>(e)->id); break;
      case ExprKind::Tuple:
      case ExprKind::List:
        for (const Expr* x : static_cast<const SeqExpr*>(e)->elts) collect_target(x, out);
        break;
      case ExprKind::Starred: collect_target(static_cast<const StarredExpr*>(e)->value, out); break;
      default: break;  // attribute/subscript targets bind nothing
    }
  }

  void collect_block(const Block& b, std::vector<std::string>& out, Scope& sc) {
    for (const Stmt* s : b) collect_stmt(s, out, sc);
  }

  void collect_stmt(const Stmt* s, std::vector<std::string>& out, Scope& sc) {
    switch (s->kind) {
      case StmtKind::Assign:
        for (const Expr* t : static_cast<const AssignStmt*>(s)->targets) collect_target(t, out);
        break;
      case StmtKind::AugAssign: collect_target(static_cast<const AugAssignStmt*>(s)->target, out); break;
      case StmtKind::AnnAssign: {
        auto* a = static_cast<const AnnAssignStmt*>(s);
        if (a->value || a->target->kind == ExprKind::Name) collect_target(a->target, out);
        if (sc.is_class && a->target->kind == ExprKind::Name) out.push_back("__annotations__");  // Note [Class annotations]
        break;
      }
      case StmtKind::For: {
        auto* f = static_cast<const ForStmt*>(s);
        collect_target(f->target, out);
        collect_block(f->body, out, sc);
        collect_block(f->orelse, out, sc);
        break;
      }
      case StmtKind::While: {
        auto* w = static_cast<const WhileStmt*>(s);
        collect_block(w->body, out, sc);
        collect_block(w->orelse, out, sc);
        break;
      }
      case StmtKind::If: {
        auto* i = static_cast<const IfStmt*>(s);
        collect_block(i->body, out, sc);
        collect_block(i->orelse, out, sc);
        break;
      }
      case StmtKind::With: {
        auto* w = static_cast<const WithStmt*>(s);
        for (const auto& item : w->items)
          if (item.target) collect_target(item.target, out);
        collect_block(w->body, out, sc);
        break;
      }
      case StmtKind::Del:
        for (const Expr* t : static_cast<const DelStmt*>(s)->targets) collect_target(t, out);
        break;
      case StmtKind::FunctionDef: out.push_back(static_cast<const FunctionDefStmt*>(s)->target->id); break;
      case StmtKind::ClassDef: out.push_back(static_cast<const ClassDefStmt*>(s)->target->id); break;
      case StmtKind::Try: {
        auto* t = static_cast<const TryStmt*>(s);
        collect_block(t->body, out, sc);
        for (const auto& h : t->handlers) {
          if (h.name) out.push_back(h.name->id);
          collect_block(h.body, out, sc);
        }
        collect_block(t->orelse, out, sc);
        collect_block(t->finalbody, out, sc);
        break;
      }
      case StmtKind::Import:
      case StmtKind::ImportFrom:
        for (const auto& a : static_cast<const ImportStmt*>(s)->names) out.push_back(a.target->id);
        break;
      case StmtKind::Global:
        for (const auto& n : static_cast<const ScopeDeclStmt*>(s)->names) {
          if (sc.nonlocals.count(n)) error(s->pos, "name '" + n + "' is nonlocal and global");
          sc.globals.insert(n);
        }
        break;
      case StmtKind::Nonlocal:
        for (const auto& n : static_cast<const ScopeDeclStmt*>(s)->names) {
          if (sc.globals.count(n)) error(s->pos, "name '" + n + "' is nonlocal and global");
          sc.nonlocals.insert(n);
        }
        break;
      default: break;
    }
  }

  [[noreturn]] void error(const SourceRange& r, const std::string& msg) { throw SyntaxErrorEx("SyntaxError", msg, r); }

  int add_local(Scope& sc, const std::string& name) {
    auto it = sc.locals.find(name);
    if (it != sc.locals.end()) return it->second;
    int slot = static_cast<int>(sc.fn->local_names.size());
    sc.fn->local_names.push_back(name);
    sc.is_cell.push_back(0);
    sc.locals.emplace(name, slot);
    return slot;
  }

  // Lays out a function scope: parameters, then everything else it binds.
  void open_function(Scope& sc, FunctionInfo* fn, const std::vector<std::string>& extra_bindings) {
    sc.fn = fn;
    fn->local_names.clear();
    fn->param_slots.clear();
    for (const auto& p : fn->params) {
      if (sc.globals.count(p.name)) error(p.pos, "name '" + p.name + "' is parameter and global");
      if (sc.nonlocals.count(p.name)) error(p.pos, "name '" + p.name + "' is parameter and nonlocal");
      fn->param_slots.push_back(add_local(sc, p.name));
    }
    if (!fn->varargs.empty()) fn->varargs_slot = add_local(sc, fn->varargs);
    if (!fn->varkw.empty()) fn->varkw_slot = add_local(sc, fn->varkw);
    for (const auto& n : extra_bindings)
      if (!sc.globals.count(n) && !sc.nonlocals.count(n)) add_local(sc, n);
    for (const auto& n : sc.nonlocals)
      if (!find_enclosing(sc.parent, n)) error(fn->pos, "no binding for nonlocal '" + n + "' found");
  }

  static Scope* find_enclosing(Scope* s, const std::string& name) {
    for (; s && s->fn; s = s->parent) {
      if (s->is_class) continue;  // class namespaces are not enclosing scopes
      if (s->globals.count(name)) return nullptr;
      if (s->locals.count(name) && !s->nonlocals.count(name)) return s;
    }
    return nullptr;
  }

  // Index of `name` in sc's closure, threading it through every scope in between.
  int free_slot(Scope& sc, const std::string& name) {
    auto it = sc.free_index.find(name);
    if (it != sc.free_index.end()) return it->second;
    Scope* d = sc.parent;
    FunctionInfo::FreeRef ref{name, false, 0};
    auto lit = d->locals.find(name);
    if (lit != d->locals.end() && !d->nonlocals.count(name) && !d->is_class) {
      d->is_cell[lit->second] = 1;
      ref.index = lit->second;
    } else {
      ref.from_enclosing_free = true;
      ref.index = free_slot(*d, name);
    }
    sc.fn->free_vars.push_back(ref);
    int idx = static_cast<int>(sc.fn->free_vars.size()) - 1;
    sc.free_index.emplace(name, idx);
    return idx;
  }

  void global(NameExpr* n) {
    n->scope = NameScope::Global;
    n->slot = in_.global_slot(n->id);
    if (named_.insert(n->id).second) prog_->global_names.push_back(n->id);
  }

  void name(NameExpr* n, Scope& sc) {
    if (!sc.fn || sc.globals.count(n->id)) return global(n);
    if (!sc.nonlocals.count(n->id)) {
      auto it = sc.locals.find(n->id);
      if (it != sc.locals.end()) {
        n->scope = NameScope::Local;
        n->slot = it->second;
        sc.local_refs.push_back(n);
        return;
      }
    }
    if (find_enclosing(sc.parent, n->id)) {
      n->scope = NameScope::Free;
      n->slot = free_slot(sc, n->id);
      return;
    }
    global(n);
  }

  // ---- pass 2: resolve references ----
  void block(const Block& b, Scope& sc) {
    for (Stmt* s : b) stmt(s, sc);
  }

  void stmt(Stmt* s, Scope& sc) {
    switch (s->kind) {
      case StmtKind::Expr: expr(static_cast<ExprStmt*>(s)->value, sc); break;
      case StmtKind::Assign: {
        auto* a = static_cast<AssignStmt*>(s);
        expr(a->value, sc);
        for (Expr* t : a->targets) expr(t, sc);
        break;
      }
      case StmtKind::AugAssign: {
        auto* a = static_cast<AugAssignStmt*>(s);
        expr(a->target, sc);
        expr(a->value, sc);
        break;
      }
      case StmtKind::AnnAssign: {
        auto* a = static_cast<AnnAssignStmt*>(s);
        if (a->value) expr(a->value, sc);
        expr(a->target, sc);
        // A class body evaluates the annotation of a name (Note [Class annotations]); a function
        // body evaluates none.
        if (sc.is_class && a->target->kind == ExprKind::Name) expr(a->annotation, sc);
        break;
      }
      case StmtKind::If: {
        auto* i = static_cast<IfStmt*>(s);
        expr(i->test, sc);
        block(i->body, sc);
        block(i->orelse, sc);
        break;
      }
      case StmtKind::For: {
        auto* f = static_cast<ForStmt*>(s);
        expr(f->iter, sc);
        expr(f->target, sc);
        block(f->body, sc);
        block(f->orelse, sc);
        break;
      }
      case StmtKind::While: {
        auto* w = static_cast<WhileStmt*>(s);
        expr(w->test, sc);
        block(w->body, sc);
        block(w->orelse, sc);
        break;
      }
      case StmtKind::FunctionDef: {
        auto* d = static_cast<FunctionDefStmt*>(s);
        for (Expr* dec : d->decorators) expr(dec, sc);
        for (auto& p : d->fn->params)
          if (p.default_value) expr(p.default_value, sc);
        function(d->fn, sc);
        name(d->target, sc);
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = static_cast<ClassDefStmt*>(s);
        for (Expr* d : c->decorators) expr(d, sc);
        for (Expr* b : c->bases) expr(b, sc);
        for (Expr* k : c->kw_values) expr(k, sc);
        function(c->body, sc);
        name(c->target, sc);
        break;
      }
      case StmtKind::Try: {
        auto* t = static_cast<TryStmt*>(s);
        block(t->body, sc);
        for (auto& h : t->handlers) {
          if (h.type) expr(h.type, sc);
          if (h.name) name(h.name, sc);
          block(h.body, sc);
        }
        block(t->orelse, sc);
        block(t->finalbody, sc);
        break;
      }
      case StmtKind::Return: {
        auto* r = static_cast<ReturnStmt*>(s);
        if (r->value) expr(r->value, sc);
        break;
      }
      case StmtKind::With: {
        auto* w = static_cast<WithStmt*>(s);
        for (auto& item : w->items) {
          expr(item.context, sc);
          if (item.target) expr(item.target, sc);
        }
        block(w->body, sc);
        break;
      }
      case StmtKind::Del:
        for (Expr* t : static_cast<DelStmt*>(s)->targets) expr(t, sc);
        break;
      case StmtKind::Import:
      case StmtKind::ImportFrom:
        for (auto& a : static_cast<ImportStmt*>(s)->names) name(a.target, sc);
        break;
      case StmtKind::Assert: {
        auto* a = static_cast<AssertStmt*>(s);
        expr(a->test, sc);
        if (a->msg) expr(a->msg, sc);
        break;
      }
      case StmtKind::Raise: {
        auto* r = static_cast<RaiseStmt*>(s);
        if (r->exc) expr(r->exc, sc);
        if (r->cause) expr(r->cause, sc);
        break;
      }
      default: break;
    }
  }

  void function(FunctionInfo* fn, Scope& parent) {
    auto sc = std::make_unique<Scope>();
    sc->parent = &parent;
    sc->is_class = fn->is_class;
    std::vector<std::string> bound;
    sc->fn = fn;
    collect_block(fn->body, bound, *sc);
    bound.insert(bound.end(), fn->walrus_names.begin(), fn->walrus_names.end());
    open_function(*sc, fn, bound);
    block(fn->body, *sc);
    scopes_.push_back(std::move(sc));
  }

  void comprehension(CompExpr* c, Scope& parent) {
    // The first iterable is evaluated in the enclosing scope, everything else inside.
    expr(c->generators[0].iter, parent);
    auto sc = std::make_unique<Scope>();
    sc->parent = &parent;
    std::vector<std::string> bound;
    for (const auto& g : c->generators) collect_target(g.target, bound);
    open_function(*sc, c->scope, bound);
    for (size_t i = 0; i < c->generators.size(); ++i) {
      auto& g = c->generators[i];
      if (i > 0) expr(g.iter, *sc);
      expr(g.target, *sc);
      for (Expr* cond : g.ifs) expr(cond, *sc);
    }
    expr(c->elt, *sc);
    if (c->value) expr(c->value, *sc);
    scopes_.push_back(std::move(sc));
  }

  void expr(Expr* e, Scope& sc) {
    switch (e->kind) {
      case ExprKind::Constant: break;
      case ExprKind::Name: name(static_cast<NameExpr*>(e), sc); break;
      case ExprKind::Attribute: expr(static_cast<AttributeExpr*>(e)->value, sc); break;
      case ExprKind::Subscript: {
        auto* s = static_cast<SubscriptExpr*>(e);
        expr(s->value, sc);
        expr(s->index, sc);
        break;
      }
      case ExprKind::Slice: {
        auto* s = static_cast<SliceExpr*>(e);
        if (s->lower) expr(s->lower, sc);
        if (s->upper) expr(s->upper, sc);
        if (s->step) expr(s->step, sc);
        break;
      }
      case ExprKind::Call: {
        auto* c = static_cast<CallExpr*>(e);
        expr(c->func, sc);
        for (Expr* a : c->args) expr(a, sc);
        for (Expr* a : c->kw_values) expr(a, sc);
        break;
      }
      case ExprKind::BinOp: {
        auto* b = static_cast<BinOpExpr*>(e);
        expr(b->left, sc);
        expr(b->right, sc);
        break;
      }
      case ExprKind::UnaryOp: expr(static_cast<UnaryExpr*>(e)->operand, sc); break;
      case ExprKind::BoolOp:
        for (Expr* v : static_cast<BoolOpExpr*>(e)->values) expr(v, sc);
        break;
      case ExprKind::Compare: {
        auto* c = static_cast<CompareExpr*>(e);
        expr(c->left, sc);
        for (Expr* v : c->comparators) expr(v, sc);
        break;
      }
      case ExprKind::IfExp: {
        auto* i = static_cast<IfExpExpr*>(e);
        expr(i->test, sc);
        expr(i->body, sc);
        expr(i->orelse, sc);
        break;
      }
      case ExprKind::Lambda: {
        auto* l = static_cast<LambdaExpr*>(e);
        for (auto& p : l->fn->params)
          if (p.default_value) expr(p.default_value, sc);
        function(l->fn, sc);
        break;
      }
      case ExprKind::List:
      case ExprKind::Tuple:
      case ExprKind::Set:
        for (Expr* x : static_cast<SeqExpr*>(e)->elts) expr(x, sc);
        break;
      case ExprKind::NamedExpr: {
        auto* n = static_cast<NamedExpr*>(e);
        expr(n->value, sc);
        name(n->target, sc);  // local to the enclosing function (walrus_names), free inside a comprehension
        break;
      }
      case ExprKind::Yield:
        if (auto* v = static_cast<YieldExpr*>(e)->value) expr(v, sc);
        break;
      case ExprKind::Dict: {
        auto* d = static_cast<DictExpr*>(e);
        for (size_t i = 0; i < d->values.size(); ++i) {
          if (d->keys[i]) expr(d->keys[i], sc);
          expr(d->values[i], sc);
        }
        break;
      }
      case ExprKind::JoinedStr:
        for (auto& p : static_cast<JoinedStrExpr*>(e)->parts) {
          if (p.expr) expr(p.expr, sc);
          if (p.spec) expr(p.spec, sc);
        }
        break;
      case ExprKind::ListComp:
      case ExprKind::GeneratorExp:
      case ExprKind::SetComp:
      case ExprKind::DictComp: comprehension(static_cast<CompExpr*>(e), sc); break;
      case ExprKind::Starred: expr(static_cast<StarredExpr*>(e)->value, sc); break;
    }
  }

  void finish() {
    for (auto& sc : scopes_) {
      for (NameExpr* n : sc->local_refs)
        if (sc->is_cell[n->slot]) n->scope = NameScope::Cell;
      FunctionInfo* fn = sc->fn;
      fn->num_locals = static_cast<int>(fn->local_names.size());
      fn->cell_slots.clear();
      for (size_t i = 0; i < sc->is_cell.size(); ++i)
        if (sc->is_cell[i]) fn->cell_slots.push_back(static_cast<int>(i));
    }
  }

  Interp& in_;
  Program* prog_ = nullptr;
  std::unordered_set<std::string> named_;  // already in prog_->global_names
  std::vector<std::unique_ptr<Scope>> scopes_;
};

}  // namespace

void Interp::resolve(Program& prog) { Resolver(*this).run(prog); }

}  // namespace gradlab::script
