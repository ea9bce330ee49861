// Session: one notebook's worth of interpreter state, as the page and the Node tests see it.
//
// The web page (through a Web Worker) and tests/node talk to the engine only through this class,
// declared to JavaScript in bindings.cpp and wrapped idiomatically in gradlab.mjs. Every call
// returns one JSON string, so the JS side never holds C++ objects other than the Session itself:
//
//   {"output": "<stdout>", "result": "<repr of the last expression>"|null, "warnings": "<stderr>",
//    "error": {"type","message","line","column","traceback"}|null,
//    "graph": <describe_graph(...), engine/graph_json.h>|null, "focus": ["x", "y", ...]}
//
// This comment is the schema: every answer is built with nlohmann::json (invalid UTF-8 from a
// script becomes U+FFFD). `graph` describes the backward graph of every named tensor (so
// intermediates get their names); it is present when a tensor the cell names takes part in
// autograd (requires_grad, grad_fn or a .grad), or when the cell ran backward: then it also
// carries the passes the cell ran, step by step, with the gradients the engine computed
// (Note [Backward trace]) — the page's "Step through backward". `focus` lists the tensor names
// the cell uses (as the resolver saw them, f-strings included) so the page can draw just the part
// of the graph the cell is about.
//
// Parse once, run many times: compile() parses and resolves a cell and keeps it under a handle id
// (JSON {"id": n, "error": null}, or {"id": 0, "error": {...}} for a SyntaxError); run_compiled(id)
// runs it again in this session and answers like run(); release(id) frees it. reset() and the
// destructor free every compiled cell (they belong to the namespace they were resolved in).
//
// benchmark() times one workload (bench/workloads/*.py, already split into its setup, step and
// check sections) in a fresh interpreter of its own, the way `gradlab bench` does natively: setup
// once, the step compiled once and run again and again, the check evaluated after the first step.
// Timing happens inside wasm (emscripten_get_now), so no worker message sits inside a measurement.
// Everything it allocates is freed before it returns. It answers one JSON object:
//
//   {"check": 573|null, "check_repr": "573.0"|null, "median_us", "p10_us", "p90_us", "min_us",
//    "mean_us", "reps", "batch", "warmup", "first_us", "parse_us", "setup_us", "total_ms",
//    "timing": "<how>", "section": null|"setup"|"step"|"check", "error": null|{type, message, ...}}
//
// `reps` timed samples of `batch` steps each: a step shorter than 2 ms is timed in batches (sized
// like Python's timeit.autorange), as a browser's clock may tick in 0.1 ms steps, so µs figures are
// batch means. At least min_reps samples, then more until `seconds` have passed or max_reps
// (≤ 20000) are taken. Warm-up: at least `warmup` extra steps after the first, and up to
// min(0.2 s, seconds / 4) of them when warmup > 0; then the batch sizing runs.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/autograd/backward_trace.h"
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
  // A preview of `name`.backward() for the stepper: runs the pass as a dry run (nothing changes:
  // BackwardRequest::preview) and answers like run(), the traced pass in graph.passes.
  // `expected_value`: the tensor's values as the cell's graph printed them ("value"); when `name`
  // now holds other values (a later cell reassigned it), the answer is a StaleCell error instead.
  std::string preview_backward(const std::string& name, const std::string& expected_value);
  // Streams what a cell prints while it runs (a training loop's progress, issue 16): during run()
  // and run_compiled(), `listener` gets the text printed since its previous call, at most every
  // kProgressMs (the first print at once); the result's "output" still carries all of it.
  // An empty function turns it off.
  static constexpr double kProgressMs = 100;
  void set_progress_listener(std::function<void(const std::string&)> listener);
  // Forget every variable: a fresh interpreter, as after a kernel restart. Frees compiled cells.
  void reset();

  // Parse once, run many times (see above). Handle ids are > 0 and never reused in a session.
  std::string compile(const std::string& code, const std::string& filename);
  std::string run_compiled(int id, bool display_last);
  bool release(int id);
  int compiled_count() const { return static_cast<int>(compiled_.size()); }

 private:
  struct Compiled {
    std::shared_ptr<const script::CompiledScript> script;
  };
  std::string run_impl(const std::string& code, const std::string& filename, bool display_last);
  std::string pack(const script::CellResult& r);
  script::Interpreter interpreter_;
  BackwardTrace trace_;  // the backward passes of the cell being run (Note [Backward trace])
  // Streaming (set_progress_listener): everything printed by the running cell, the part not yet
  // sent, and when the listener was last called.
  void begin_cell();
  void end_cell(script::CellResult& r);
  std::function<void(const std::string&)> progress_;
  std::string printed_, unsent_;
  double last_progress_ms_ = 0;
  std::map<int, Compiled> compiled_;
  int next_id_ = 1;
};

// Times one workload in a fresh interpreter (see above); returns the JSON object described there.
std::string benchmark(const std::string& setup, const std::string& step, const std::string& check,
                      const std::string& filename, int min_reps, int max_reps, double seconds, int warmup);

// Bytes of the wasm heap in use by malloc (mallinfo's uordblks): the Node tests' leak check.
double heap_in_use();

const char* version();

}  // namespace gradlab::web
