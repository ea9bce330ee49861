// Python exceptions raised by the interpreter itself.
//
// A PyError is what a Python `raise` would be: a type name ("TypeError") and a message. Errors
// from the engine arrive as gradlab::Error with the same two parts and are passed through
// untouched. Syntax errors additionally carry the source position that Python's
// `  File "x.py", line 3` / caret block points at. Exceptions are used only for errors, never
// for control flow (break/continue/return are plain return codes in the evaluator).
#pragma once
#include <memory>
#include <string>
#include <utility>

#include "engine/error.h"

namespace gradlab::script {

// A 1-based line and 0-based column range, like CPython's AST positions.
struct SourceRange {
  int line = 0, col = 0, end_line = 0, end_col = 0;
};

struct Object;
class PyError : public gradlab::Error {
 public:
  PyError(std::string type, const std::string& message) : gradlab::Error(std::move(type), message) {}
  std::shared_ptr<Object> exc;   // the exception object a script raised (a user class instance), or null
  // Exception chaining: the report of the exception being handled when this one was raised,
  // printed before this one's traceback ("During handling of the above exception, ...").
  std::string context;
  bool explicit_cause = false;   // raise X from Y: "The above exception was the direct cause ..."
};

// SyntaxError / IndentationError / TabError: raised before anything runs.
class SyntaxErrorEx : public gradlab::Error {
 public:
  SyntaxErrorEx(std::string type, const std::string& message, SourceRange where)
      : gradlab::Error(std::move(type), message), where_(where) {}
  const SourceRange& where() const { return where_; }

 private:
  SourceRange where_;
};

[[noreturn]] inline void raise(const char* type, const std::string& message) { throw PyError(type, message); }
[[noreturn]] inline void raise_type_error(const std::string& m) { raise("TypeError", m); }
[[noreturn]] inline void raise_value_error(const std::string& m) { raise("ValueError", m); }
[[noreturn]] inline void raise_index_error(const std::string& m) { raise("IndexError", m); }
[[noreturn]] inline void raise_attribute_error(const std::string& m) { raise("AttributeError", m); }
[[noreturn]] inline void raise_not_supported(const std::string& what) {
  raise("NotImplementedError", what + " is not supported by gradlab");
}

}  // namespace gradlab::script
