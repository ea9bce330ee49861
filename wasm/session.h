// Session: one notebook's worth of interpreter state, as the page and the Node tests see it.
//
// The web page (through a Web Worker) and tests/node talk to the engine only through this class,
// declared to JavaScript in bindings.cpp and wrapped idiomatically in gradlab.mjs. Every call
// returns one JSON string, so the JS side never holds C++ objects other than the Session itself:
//
//   {"output": "<stdout>", "result": "<repr of the last expression>"|null, "warnings": "<stderr>",
//    "error": {"type","message","line","column","traceback"}|null,
//    "graph": <describe_graph_json(...)>|null, "focus": ["x", "y", ...]}
//
// `graph` describes the backward graph of every named tensor (so intermediates get their names);
// it is present when a tensor the cell mentions takes part in autograd (requires_grad, grad_fn or
// a .grad). `focus` lists those mentioned tensor names so the page can draw just the part of the
// graph the cell is about.
#pragma once
#include <string>

#include "engine/script/interpreter.h"

namespace gradlab::web {

class Session {
 public:
  Session() = default;

  // A notebook cell: shows the value of a final expression (Jupyter's Out[n]).
  std::string run(const std::string& code) { return run_impl(code, "<cell>", true); }
  // A whole script (like a .py file): no Out value, as in `python script.py`.
  std::string run_script(const std::string& code, const std::string& filename) {
    return run_impl(code, filename, false);
  }
  // Forget every variable: a fresh interpreter, as after a kernel restart.
  void reset();

 private:
  std::string run_impl(const std::string& code, const std::string& filename, bool display_last);
  script::Interpreter interpreter_;
};

// Escapes `s` as a JSON string literal (with the quotes). UTF-8 passes through unchanged.
std::string json_quote(const std::string& s);

// The identifiers a cell reads or writes: names outside strings and comments, not after a '.'.
std::vector<std::string> mentioned_names(const std::string& code);

const char* version();

}  // namespace gradlab::web
