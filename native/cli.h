// Shared pieces of the `gradlab` command line (main.cpp): options of `gradlab run` and the two
// runners, for .py scripts (run_script.cpp) and .ipynb notebooks (notebook.cpp).
#pragma once
#include <optional>
#include <string>

#include "engine/script/interpreter.h"

namespace gradlab::cli {

struct RunOptions {
  std::string path;                    // the script or notebook
  std::optional<double> timeout;       // --timeout SECONDS
  std::optional<std::string> device;   // --device cuda
  std::optional<std::string> output;   // --output OUT.ipynb (notebooks)
};

int run_script(const RunOptions& opts);
int run_notebook(const RunOptions& opts);

// Helpers shared by both runners.
bool read_file(const std::string& path, std::string* out);
std::string absolute_path(const std::string& path);
// Installs the --timeout interrupt check on `interp`.
void install_timeout(script::Interpreter& interp, const RunOptions& opts);
// Writes to stdout immediately (stdio-buffered) / flushes stdout, then writes to stderr.
void write_stdout(std::string_view s);
void write_stderr(std::string_view s);
// The exit status for an uncaught SystemExit (exit(), exit(3), exit("bye")), printing its message
// like Python does.
int system_exit_status(const script::ScriptError& e);

}  // namespace gradlab::cli
