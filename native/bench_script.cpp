// Runs a workload .py file with gradlab's interpreter (see bench_script.h).
#include "native/bench_script.h"

#include <optional>
#include <sstream>
#include <string_view>
#include <stdexcept>

#include "engine/script/interpreter.h"

namespace gradlab::bench {

Sections split_sections(const std::string& text) {
  Sections s;
  std::string* current = &s.setup;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    // A marker is a comment line "# --- name ---"; the name picks the section.
    size_t a = line.find_first_not_of(" \t");
    size_t b = line.find_last_not_of(" \t\r");
    if (a != std::string::npos && b > a + 7 && line.compare(a, 5, "# ---") == 0 && line.compare(b - 2, 3, "---") == 0) {
      std::string name = line.substr(a + 5, b - 2 - (a + 5));
      name.erase(0, name.find_first_not_of(' '));
      name.erase(name.find_last_not_of(' ') + 1);
      if (name == "setup") current = &s.setup;
      else if (name == "step") current = &s.step;
      else if (name == "check") current = &s.check;
      else throw std::runtime_error("unknown section marker: " + line);
      line.clear();
    }
    // Every section gets a (blank) line for every file line, so tracebacks give file lines.
    for (std::string* sec : {&s.setup, &s.step, &s.check}) *sec += (sec == current ? line : "") + '\n';
  }
  return s;
}

// The step section is compiled (parsed and resolved) once and the compiled script run again and
// again, like a re-run notebook cell; parse_only() times the compile on its own.
struct ScriptWorkload::Impl {
  script::Interpreter interp;
  Sections sections;
  std::string filename;
  std::shared_ptr<const script::CompiledScript> step;

  std::shared_ptr<const script::CompiledScript> compile(const std::string& source) {
    script::ScriptError error;
    auto compiled = interp.compile(source, filename, &error);
    if (!compiled) throw std::runtime_error(error.traceback);
    return compiled;
  }
  void run(const script::CompiledScript& script, bool display, std::optional<std::string>* repr = nullptr) {
    script::CellResult r = interp.run(script, display);
    if (r.error) throw std::runtime_error(r.error->traceback);
    if (repr) *repr = r.result_repr;
  }
};

ScriptWorkload::ScriptWorkload(const std::string& text, const std::string& filename)
    : impl_(std::make_unique<Impl>()) {
  impl_->sections = split_sections(text);
  impl_->filename = filename;
  impl_->interp.set_output_sink([](std::string_view) {});  // a stray print() must not pile up
  impl_->run(*impl_->compile(impl_->sections.setup), false);
  impl_->step = impl_->compile(impl_->sections.step);
  impl_->run(*impl_->step, false);
  std::optional<std::string> repr;
  impl_->run(*impl_->compile(impl_->sections.check), true, &repr);
  if (!repr) throw std::runtime_error(filename + ": the check section gave no value");
  try {
    check_ = std::stod(*repr);
  } catch (const std::exception&) {
    throw std::runtime_error(filename + ": the check section gave " + *repr + ", not a number");
  }
}

ScriptWorkload::~ScriptWorkload() = default;

void ScriptWorkload::step() { impl_->run(*impl_->step, false); }

void ScriptWorkload::parse_only() { (void)impl_->compile(impl_->sections.step); }

const char* ScriptWorkload::timing_note() { return "step compiled once, then run(compiled) per repetition"; }

}  // namespace gradlab::bench
