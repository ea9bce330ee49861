// The script interpreter's public face: run Python-subset source against the gradlab engine and
// get back what it printed, the value of a notebook cell's last expression, or a Python-style
// error with its traceback. Used by the CLI (native/), the page's wasm bindings and the tests.
//
// One Interpreter is one Python namespace: successive run() calls share globals, like the cells
// of a notebook. Internals live in runtime.h.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/tensor.h"

namespace gradlab::script {

#ifdef __EMSCRIPTEN__
// Under WebAssembly the engine's (V8's) native stack is the limit, about 1 MB: a Python call
// costs ~1.7 KB of it, and Node overflows past ~550 nested calls. 250 leaves room for deep
// expressions inside each frame (bounded by the parser) — measured with tests like
// `def h(n): return h(n - 1) + 1` and calls through lambdas/comprehensions.
inline constexpr int kDefaultRecursionLimit = 250;
#else
inline constexpr int kDefaultRecursionLimit = 1000;
#endif

class Interp;
struct CompiledScript;  // a parsed and resolved script (opaque)

struct ScriptError {
  std::string type;       // "RuntimeError", "SyntaxError", ...
  std::string message;    // the text after "Type: " (may be empty, e.g. a bare KeyboardInterrupt)
  int line = 0, column = 0;  // where it happened (1-based line, 0-based column); 0 when unknown
  std::string traceback;  // the full Python-style text, ending with "Type: message\n"
};

struct CellResult {
  std::string output;                      // everything printed (unless an output sink is set)
  std::optional<std::string> result_repr;  // Jupyter's Out[n]: repr of a final expression, if not None
  std::optional<ScriptError> error;
  std::string warnings;                    // warnings as Python prints them to stderr (unless a warning sink is set)
  std::vector<std::string> names;          // the global names the cell's code uses (f-strings included), in order
};

class Interpreter {
 public:
  Interpreter();
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Runs one file or cell. `filename` appears in tracebacks. With display_last_expression, a
  // final expression statement's value is returned as result_repr (a trailing ';' suppresses it).
  CellResult run(const std::string& source, const std::string& filename = "<cell>", bool display_last_expression = false);
  // Parse once, run many times (benchmarks): compile() returns null and fills *error on a
  // SyntaxError; the result only runs on the Interpreter that compiled it.
  std::shared_ptr<const CompiledScript> compile(const std::string& source, const std::string& filename, ScriptError* error);
  CellResult run(const CompiledScript& script, bool display_last_expression = false);
  void reset();  // a fresh namespace

  // Streams printed text as it is produced (the CLI writes it to stdout); unset: collected.
  void set_output_sink(std::function<void(std::string_view)> sink);
  // Streams warnings (e.g. reading .grad of a non-leaf); unset: collected in CellResult::warnings.
  void set_warning_sink(std::function<void(std::string_view)> sink);
  // Polled in loops and calls; when it returns true the script stops with `error_type: message`.
  void set_interrupt_check(std::function<bool()> should_stop, std::string error_type = "KeyboardInterrupt",
                           std::string message = "");
  // Python's recursion limit (1000 by default, lower under WebAssembly's small stack).
  void set_recursion_limit(int limit);

  // Global names currently bound to tensors, in definition order (the page labels graph nodes).
  std::vector<std::pair<std::string, Tensor>> tensor_variables() const;

 private:
  std::unique_ptr<Interp> impl_;
};

}  // namespace gradlab::script
