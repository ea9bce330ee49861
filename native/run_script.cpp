// `gradlab run FILE.py`: behaves like `python3 FILE.py` with PyTorch installed — prints go to
// stdout as they happen, warnings and the traceback of an uncaught exception to stderr, and
// the exit status is 1 after an error.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "native/cli.h"

namespace gradlab::cli {

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  auto p = std::filesystem::absolute(path, ec);
  if (ec) return path;
  return p.lexically_normal().string();
}

void write_stdout(std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); }

void write_stderr(std::string_view s) {
  std::fflush(stdout);  // keep stdout and stderr in order on a terminal
  std::fwrite(s.data(), 1, s.size(), stderr);
  std::fflush(stderr);
}

void install_timeout(script::Interpreter& interp, const RunOptions& opts) {
  if (!opts.timeout) return;
  using Clock = std::chrono::steady_clock;
  auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(*opts.timeout));
  double t = *opts.timeout;
  char secs[64];
  if (t == std::floor(t) && t < 1e15) std::snprintf(secs, sizeof secs, "%.0f", t);
  else std::snprintf(secs, sizeof secs, "%g", t);
  interp.set_interrupt_check([deadline] { return Clock::now() >= deadline; }, "TimeoutError",
                             std::string("script exceeded --timeout of ") + secs + (t == 1 ? " second" : " seconds"));
}

int system_exit_status(const script::ScriptError& e) {
  const std::string& m = e.message;
  if (m.empty() || m == "None") return 0;
  char* end = nullptr;
  long code = std::strtol(m.c_str(), &end, 10);
  if (*end == '\0') return static_cast<int>(code & 0xff);
  write_stderr(m + "\n");
  return 1;
}

int run_script(const RunOptions& opts) {
  std::string source;
  std::string path = absolute_path(opts.path);
  if (!read_file(opts.path, &source)) {
    std::fprintf(stderr, "gradlab: can't open file '%s': [Errno 2] No such file or directory\n", path.c_str());
    return 2;
  }
  script::Interpreter interp;
  interp.set_output_sink(write_stdout);
  interp.set_warning_sink(write_stderr);
  install_timeout(interp, opts);
  script::CellResult r = interp.run(source, path);
  std::fflush(stdout);
  if (r.error) {
    if (r.error->type == "SystemExit") return system_exit_status(*r.error);
    write_stderr(r.error->traceback);
    return 1;
  }
  return 0;
}

}  // namespace gradlab::cli
