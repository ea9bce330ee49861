// One benchmark workload file (bench/workloads/*.py) run by gradlab's interpreter, the way a
// learner's notebook runs it: setup once, then the step section again and again in the same
// interpreter (same globals), and the check expression once after the first step.
#pragma once
#include <memory>
#include <string>

namespace gradlab::bench {

// The three sections of a workload file, split at its `# --- setup/step/check ---` marker
// lines (bench/workloads/README.md). Text before the first marker belongs to setup.
struct Sections {
  std::string setup, step, check;
};
Sections split_sections(const std::string& text);

class ScriptWorkload {
 public:
  // Runs setup and one step and evaluates the check; throws std::runtime_error carrying the
  // script's traceback if anything fails (e.g. a feature the interpreter lacks).
  ScriptWorkload(const std::string& text, const std::string& filename);
  ~ScriptWorkload();
  void step();  // one timed repetition; throws like the constructor
  double check() const { return check_; }
  // Compiles (parses and resolves) the step section without running it: the cost each
  // repetition would pay if it were parsed every time, as a first run of a cell is.
  void parse_only();
  // How a repetition is timed (the step is compiled once).
  static const char* timing_note();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  double check_ = 0;
};

}  // namespace gradlab::bench
