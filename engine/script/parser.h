// The parser: tokens (lexer.h) → AST (ast.h), by recursive descent over Python 3.11's grammar,
// restricted to the subset gradlab runs.
//
// Syntax outside the subset (`class`, `try`, `yield`, decorators, `async`, ...) is rejected
// here, before anything runs, with a SyntaxError naming the feature, so a script never runs
// half-way and then surprises the learner. Python's own syntax errors use CPython 3.11's
// wording and positions ("expected ':'", "invalid syntax", "expected an indented block after
// 'if' statement on line 1").
#pragma once
#include <memory>
#include <string>

#include "engine/script/ast.h"

namespace gradlab::script {

// Parses a whole file or notebook cell. Names are left unresolved (see resolver.h).
std::unique_ptr<Program> parse_program(std::shared_ptr<SourceFile> source);

// Deepest expression nesting accepted (keeps the recursive evaluator inside the C++ stack).
inline constexpr int kMaxExprDepth = 400;

}  // namespace gradlab::script
