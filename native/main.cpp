// The `gradlab` command line: `gradlab run FILE.py|NOTEBOOK.ipynb`, `gradlab info`,
// `gradlab bench`, `--help`, `--version`. The same program runs natively and, compiled with
// Emscripten, under Node (`node gradlab.js run FILE.py`) with byte-identical output.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "engine/backend/backend.h"
#include "engine/backend/cpu/gemm.h"
#include "engine/device.h"
#include "engine/error.h"
#include "native/bench.h"
#include "native/cli.h"

// Note [Allocation failure]: under AddressSanitizer (the asan preset) a request the allocator
// cannot serve must come back as null, as from the system's malloc, so that the script sees
// PyTorch's RuntimeError (golden case alloc_failure) rather than a sanitizer abort.
#if defined(__SANITIZE_ADDRESS__)
extern "C" const char* __asan_default_options() { return "allocator_may_return_null=1"; }
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
extern "C" const char* __asan_default_options() { return "allocator_may_return_null=1"; }
#endif
#endif

namespace {

const char kUsage[] =
    "usage: gradlab <command> [options]\n"
    "\n"
    "Runs PyTorch-style Python scripts on the gradlab autograd engine, printing exactly what\n"
    "PyTorch 1.13 would print.\n"
    "\n"
    "commands:\n"
    "  run [options] FILE.py        run a script, like `python3 FILE.py`\n"
    "  run [options] NOTEBOOK.ipynb run a notebook's code cells in order, like Jupyter\n"
    "  info                         version, build type, backends and CUDA devices\n"
    "  bench [...]                  run the benchmarks\n"
    "\n"
    "run options:\n"
    "  --timeout SECONDS  stop the script after SECONDS (TimeoutError, exit status 1)\n"
    "  --device DEVICE    default device for new tensors: cpu, cuda or cuda:N\n"
    "  --output OUT.ipynb write the executed notebook (outputs and execution counts)\n"
    "\n"
    "  -h, --help         show this help\n"
    "  --version          show the version\n";

int usage_error(const std::string& msg) {
  std::fprintf(stderr, "gradlab: %s\n%s", msg.c_str(), "usage: gradlab run [--timeout SECONDS] [--device DEVICE] [--output OUT.ipynb] FILE\n");
  return 2;
}

bool ends_with(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

int cmd_run(int argc, char** argv) {
  gradlab::cli::RunOptions opts;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char* name) -> std::string {
      size_t eq = a.find('=');
      if (eq != std::string::npos) return a.substr(eq + 1);
      if (i + 1 >= argc) {
        usage_error(std::string(name) + " needs a value");
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--timeout" || a.rfind("--timeout=", 0) == 0) {
      std::string v = value("--timeout");
      char* end = nullptr;
      double t = std::strtod(v.c_str(), &end);
      if (v.empty() || *end || !(t > 0)) return usage_error("--timeout needs a positive number of seconds, not '" + v + "'");
      opts.timeout = t;
    } else if (a == "--device" || a.rfind("--device=", 0) == 0) {
      opts.device = value("--device");
    } else if (a == "--output" || a == "-o" || a.rfind("--output=", 0) == 0) {
      opts.output = value("--output");
    } else if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return usage_error("unknown option '" + a + "'");
    } else if (opts.path.empty()) {
      opts.path = a;
    } else {
      return usage_error("run takes one file; arguments for the script are not supported");
    }
  }
  if (opts.path.empty()) return usage_error("run needs a FILE.py or NOTEBOOK.ipynb");
  if (opts.device) {
    try {
      gradlab::set_default_device(gradlab::parse_device(*opts.device));
    } catch (const gradlab::Error& e) {
      std::fprintf(stderr, "gradlab: --device %s: %s\n", opts.device->c_str(), e.what());
      return 2;
    }
  }
  if (ends_with(opts.path, ".ipynb")) return gradlab::cli::run_notebook(opts);
  if (opts.output) return usage_error("--output is for notebooks (.ipynb)");
  return gradlab::cli::run_script(opts);
}

int cmd_info() {
  std::printf("gradlab %s\n", GRADLAB_VERSION);
  std::printf("build type: %s\n", GRADLAB_BUILD_TYPE);
#ifdef __EMSCRIPTEN__
  std::printf("platform: WebAssembly (Emscripten)\n");
#else
  std::printf("platform: native\n");
#endif
  bool cuda = gradlab::cuda_compiled_in();
  std::printf("backends: cpu%s\n", cuda ? ", cuda" : "");
  std::printf("%s\n", gradlab::cpu::matmul_summary().c_str());
  if (cuda) std::printf("CUDA: %s\n", gradlab::cuda_runtime_summary().c_str());
  int n = cuda ? gradlab::cuda_device_count() : 0;
  if (n > 0) {
    std::printf("CUDA devices: %d\n", n);
    for (const std::string& line : gradlab::cuda_device_summaries()) std::printf("  %s\n", line.c_str());
  } else {
    std::string why = gradlab::cuda_unavailable_reason();
    std::printf("CUDA devices: 0%s\n", why.empty() ? "" : (" (" + why + ")").c_str());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int status;
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    status = 2;
  } else {
    std::string cmd = argv[1];
    if (cmd == "run") status = cmd_run(argc - 2, argv + 2);
    else if (cmd == "info") status = cmd_info();
    else if (cmd == "bench") status = run_bench(argc - 1, argv + 1);
    else if (cmd == "-h" || cmd == "--help" || cmd == "help") {
      std::fputs(kUsage, stdout);
      status = 0;
    } else if (cmd == "--version" || cmd == "-V") {
      std::printf("gradlab %s\n", GRADLAB_VERSION);
      status = 0;
    } else {
      status = usage_error("unknown command '" + cmd + "'");
    }
  }
  std::fflush(stdout);
  std::fflush(stderr);
  return status;
}
