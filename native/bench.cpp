// `gradlab bench` (see bench.h): options, the timing harness and the report.
//
// Each workload is timed as the learner wrote it — the .py file run by the interpreter
// (bench_script.cpp), the headline number — and as the same ops called from C++
// (bench_api.cpp); the difference is the interpreter's share. The protocol matches the peers'
// runners (bench/peers/*): at least 2 warm-up runs, then single runs timed with steady_clock
// (portable: performance.now() under Emscripten) until --seconds have passed, at least 5 and
// at most 20000; reported as the median and the 10th–90th percentile spread.
#include "native/bench.h"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/backend/backend.h"
#include "engine/tensor.h"
#include "native/bench_api.h"
#include "native/bench_script.h"

#ifndef __EMSCRIPTEN__
// Natively the engine may hand large matmuls to OpenBLAS, which has its own thread pool and
// reads OPENBLAS_NUM_THREADS only when it loads; --threads sets it through this call instead.
// Weak, so the bench still links when the engine was built without OpenBLAS.
extern "C" void openblas_set_num_threads(int) __attribute__((weak));
extern "C" int openblas_get_num_threads() __attribute__((weak));
#endif

namespace gradlab::bench {
namespace {

namespace fs = std::filesystem;

bool blas_present() {
#ifndef __EMSCRIPTEN__
  return openblas_set_num_threads != nullptr;
#else
  return false;
#endif
}

// Applies --threads where the build can; returns the threads the matmul library will use
// (gradlab's own kernels are single-threaded).
int apply_threads(int threads) {
#ifndef __EMSCRIPTEN__
  if (openblas_set_num_threads) {
    openblas_set_num_threads(threads);
    return openblas_get_num_threads ? openblas_get_num_threads() : threads;
  }
#endif
  return 1;
}

#ifdef __EMSCRIPTEN__
constexpr const char* kPeer = "gradlab-wasm";
#else
constexpr const char* kPeer = "gradlab-native";
#endif

struct Options {
  bool json = false;
  int threads = 1;
  std::vector<std::string> only;
  std::string device = "cpu";
  double seconds = 1.0;
  std::string workloads_dir;
  std::string mode = "both";  // script | api | both
};

// ---- timing --------------------------------------------------------------------------------
struct Stats {
  double median_ms = 0, p10_ms = 0, p90_ms = 0;
  int reps = 0;
};

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

Stats measure(const std::function<void()>& once, double seconds) {
  const auto warm_start = Clock::now();
  for (int warm = 0; warm < 2 || ms_since(warm_start) < std::min(200.0, seconds * 250); ++warm) once();
  std::vector<double> times;
  const auto start = Clock::now();
  while (times.size() < 5 || (ms_since(start) < seconds * 1000 && times.size() < 20000)) {
    const auto t0 = Clock::now();
    once();
    times.push_back(ms_since(t0));
  }
  std::sort(times.begin(), times.end());
  const size_t n = times.size();
  auto q = [&](double p) { return times[std::min(n - 1, static_cast<size_t>(p * static_cast<double>(n)))]; };
  return {n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2, q(0.1), q(0.9), static_cast<int>(n)};
}

// ---- the workloads -------------------------------------------------------------------------
struct Spec {
  std::string name;  // W1..W6, R1
  const char* file;  // in bench/workloads (CPU suite only)
  std::string title;
  int64_t size;      // W3's n, W4's element count (0: the size)
  double flops;      // per step, for GFLOP/s (0: not reported)
  double bytes;      // per step, for GB/s (0: not reported)
  bool api = true;   // also written against the C++ API (W6 is script-only: nn and optim are Python)
};

double matmul_flops(double n) { return 3 * 2 * n * n * n; }  // forward + two backward matmuls
// W4 counts only what must move: forward reads x; backward reads x and writes x.grad.
double elementwise_bytes(double n) { return 3 * 4 * n; }

std::vector<Spec> cpu_suite() {
  return {
      {"W1", "W1_seed.py", "seed sequence", 0, 0, 0},
      {"W2", "W2_mlp.py", "mlp 64-128-10 step", 0, 0, 0},
      {"W3", "W3_matmul.py", "matmul 512² fwd+bwd", 0, matmul_flops(512), 0},
      {"W4", "W4_elementwise.py", "elementwise 1M fwd+bwd", 0, 0, elementwise_bytes(1e6)},
      {"W5", "W5_scalar_chain.py", "scalar chain 10k", 0, 0, 0},
      {"R1", "R1_random.py", "randn + rand 1M", 0, 0, 0},
      {"W6", "W6_train_mlp.py", "mlp 8-64-64-1, 100 Adam steps", 0, 0, 0, false},
  };
}

// Issue 5's GPU sizes, through the C++ API only.
std::vector<Spec> cuda_suite() {
  return {
      {"W2", nullptr, "mlp 64-128-10 step", 0, 0, 0},
      {"W3", nullptr, "matmul 512² fwd+bwd", 512, matmul_flops(512), 0},
      {"W3", nullptr, "matmul 4096² fwd+bwd", 4096, matmul_flops(4096), 0},
      {"W4", nullptr, "elementwise 1M fwd+bwd", 1000000, 0, elementwise_bytes(1e6)},
      {"W4", nullptr, "elementwise 100M fwd+bwd", 100000000, 0, elementwise_bytes(1e8)},
  };
}

struct Result {
  Spec spec;
  std::optional<Stats> script, api;
  std::optional<Stats> parse;  // the parsing share of a script repetition
  std::optional<double> script_check, api_check;
  std::string error;
};

std::optional<std::string> read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// --workloads, else $GRADLAB_BENCH_WORKLOADS, else bench/workloads in the current folder or
// any folder above it (works from the repo root and from inside build/ alike).
std::string find_workloads_dir(const Options& o) {
  if (!o.workloads_dir.empty()) return o.workloads_dir;
  if (const char* env = std::getenv("GRADLAB_BENCH_WORKLOADS")) return env;
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !ec && !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "bench" / "workloads" / "W1_seed.py", ec)) return (dir / "bench" / "workloads").string();
    if (dir == dir.parent_path()) break;
  }
  return "";
}

void add_error(std::string& errors, const std::string& what, const std::string& message) {
  errors += (errors.empty() ? "" : "\n") + what + ": " + message;
}

Result run_one(const Spec& spec, const Options& o, const std::string& dir, Device device) {
  Result r{spec, {}, {}, {}, {}, {}, {}};
  if (o.mode != "api" && spec.file) {
    auto text = dir.empty() ? std::nullopt : read_file(fs::path(dir) / spec.file);
    if (!text) {
      add_error(r.error, "script", "cannot read bench/workloads/" + std::string(spec.file) + " (use --workloads DIR)");
    } else {
      try {
        ScriptWorkload w(*text, spec.file);
        r.script_check = w.check();
        r.script = measure([&] { w.step(); }, o.seconds);
        r.parse = measure([&] { w.parse_only(); }, std::min(o.seconds, 0.25));
      } catch (const std::exception& e) {
        add_error(r.error, "script", e.what());
      }
    }
  }
  if ((o.mode != "script" || !spec.file) && spec.api) {
    try {
      ApiWorkload w = make_api_workload(spec.name, device, spec.size);
      w.step();
      w.sync();
      r.api_check = w.check();
      r.api = measure([&] { w.step(); w.sync(); }, o.seconds);
    } catch (const std::exception& e) {
      add_error(r.error, "api", e.what());
    }
  }
  return r;
}

// ---- report --------------------------------------------------------------------------------
// The headline time: the script's when there is one, else the C++ API's.
const Stats* headline(const Result& r) { return r.script ? &*r.script : r.api ? &*r.api : nullptr; }

std::string rate(const Result& r) {
  const Stats* s = headline(r);
  if (!s) return "";
  char buf[64] = "";
  if (r.spec.flops) std::snprintf(buf, sizeof buf, "%.1f GFLOP/s", r.spec.flops / (s->median_ms * 1e6));
  if (r.spec.bytes) std::snprintf(buf, sizeof buf, "%.1f GB/s (%.0f MB)", r.spec.bytes / (s->median_ms * 1e6), r.spec.bytes / 1e6);
  return buf;
}

std::string fmt_time(const std::optional<Stats>& s) {
  if (!s) return "—";
  char buf[96];
  bool us = s->median_ms < 1.0;  // sub-millisecond figures read better in µs
  double k = us ? 1000 : 1;
  std::snprintf(buf, sizeof buf, "%.*f %s (%.*f–%.*f)", us ? 1 : 3, s->median_ms * k, us ? "µs" : "ms", us ? 1 : 3,
                s->p10_ms * k, us ? 1 : 3, s->p90_ms * k);
  return buf;
}

// Pads to `width` columns counting UTF-8 characters, not bytes (µ, ², — are two or three).
std::string pad(const std::string& text, size_t width) {
  size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  return text + std::string(width > chars ? width - chars : 1, ' ');
}

void print_table(const std::vector<Result>& results, const Options& o, const std::string& dir, int threads) {
  std::string thread_note = "single-threaded";
  if (blas_present())
    thread_note = std::to_string(threads) + " thread" + (threads == 1 ? "" : "s") + " in OpenBLAS matmuls, 1 elsewhere";
  std::printf("gradlab bench — %s, %s build, device %s, %s\n", kPeer, GRADLAB_BUILD_TYPE, o.device.c_str(),
              thread_note.c_str());
  if (o.mode != "api" && o.device == "cpu")
    std::printf("script = bench/workloads/*.py run by the interpreter (%s); C++ API = the same ops called from C++\n",
                ScriptWorkload::timing_note());
  if (!dir.empty() && o.mode != "api") std::printf("workloads: %s\n", dir.c_str());
  std::printf("times: median (p10–p90); parse: compiling the step, paid once per cell and not in the times\n\n");
  std::printf("%s%s%s%s%s\n", pad("", 4).c_str(), pad("workload", 25).c_str(), pad("script", 27).c_str(),
              pad("parse", 10).c_str(), pad("C++ API", 27).c_str());
  for (const Result& r : results) {
    std::string parse = r.parse ? fmt_time(r.parse) : "—";
    parse = parse.substr(0, parse.find(" ("));  // the median is enough here
    std::printf("%s%s%s%s%s%s\n", pad(r.spec.name, 4).c_str(), pad(r.spec.title, 25).c_str(),
                pad(fmt_time(r.script), 27).c_str(), pad(parse, 10).c_str(), pad(fmt_time(r.api), 27).c_str(),
                rate(r).c_str());
    if (r.script_check && r.api_check && std::abs(*r.script_check - *r.api_check) > 1e-3 * (1 + std::abs(*r.api_check)))
      std::printf("    check differs: script %.9g, C++ API %.9g\n", *r.script_check, *r.api_check);
  }
  // Failures, each distinct message once (a missing interpreter fails every workload alike).
  std::vector<std::string> shown;
  for (const Result& r : results) {
    if (r.error.empty() || std::find(shown.begin(), shown.end(), r.error) != shown.end()) continue;
    shown.push_back(r.error);
    std::printf("\n%s failed:\n%s\n", r.spec.name.c_str(), r.error.c_str());
  }
}

// The machine-readable report (bench/run.sh reads it), built with nlohmann::json like every
// JSON the engine answers; ordered_json keeps the fields in the order a reader expects.
nlohmann::ordered_json json_stats(const Stats& s) {
  return {{"median_ms", s.median_ms}, {"p10_ms", s.p10_ms}, {"p90_ms", s.p90_ms}, {"reps", s.reps}};
}

void print_json(const std::vector<Result>& results, const Options& o, int threads) {
  using nlohmann::ordered_json;
  ordered_json report{{"peer", kPeer},
                      {"version", GRADLAB_VERSION},
                      {"build", GRADLAB_BUILD_TYPE},
                      {"device", o.device},
                      {"threads", o.threads},
                      {"blas_threads", threads},
                      {"script_timing", ScriptWorkload::timing_note()}};
  ordered_json workloads = ordered_json::object();
  for (const Result& r : results) {
    // The CUDA suite has several sizes per workload: key them "W3_4096".
    std::string key = r.spec.name + (r.spec.size ? "_" + std::to_string(r.spec.size) : "");
    ordered_json w{{"title", r.spec.title}};
    if (r.script) w.update(json_stats(*r.script));
    if (r.script_check) w["check"] = *r.script_check;
    if (r.parse) w["parse_ms"] = r.parse->median_ms;
    if (r.api) {
      ordered_json api = json_stats(*r.api);
      api["check"] = r.api_check.value_or(0);
      w["api"] = std::move(api);
    }
    if (const Stats* s = headline(r)) {
      if (r.spec.flops) w["gflops"] = r.spec.flops / (s->median_ms * 1e6);
      if (r.spec.bytes) {
        w["gbs"] = r.spec.bytes / (s->median_ms * 1e6);
        w["bytes"] = r.spec.bytes;
      }
    }
    if (!r.error.empty()) w["error"] = r.error;
    workloads[key] = std::move(w);
  }
  report["workloads"] = std::move(workloads);
  std::printf("%s\n", report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
}

// ---- options -------------------------------------------------------------------------------
const char* kUsage =
    "usage: gradlab bench [--json] [--threads N] [--only W2,W3] [--device cpu|cuda]\n"
    "                     [--seconds S] [--workloads DIR] [--mode script|api|both]\n"
    "Times the benchmark workloads (bench/workloads/*.py): median and 10th-90th percentile\n"
    "over repeated runs after warm-up. --seconds is the timing budget per workload (default 1).\n"
    "--device cuda runs issue 5's GPU sizes through the C++ API.\n";

std::optional<Options> parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::optional<std::string> {
      if (auto eq = a.find('='); eq != std::string::npos) return a.substr(eq + 1);
      if (i + 1 < argc) return std::string(argv[++i]);
      return std::nullopt;
    };
    std::string flag = a.substr(0, a.find('='));
    if (flag == "--json") { o.json = true; continue; }
    if (flag == "-h" || flag == "--help") { std::fputs(kUsage, stdout); std::exit(0); }
    static const char* valued[] = {"--threads", "--device", "--seconds", "--workloads", "--mode", "--only"};
    if (std::find_if(std::begin(valued), std::end(valued), [&](const char* f) { return flag == f; }) == std::end(valued)) {
      std::fprintf(stderr, "gradlab bench: unknown option %s\n%s", a.c_str(), kUsage);
      return std::nullopt;
    }
    auto v = value();
    if (!v) { std::fprintf(stderr, "gradlab bench: %s needs a value\n%s", flag.c_str(), kUsage); return std::nullopt; }
    if (flag == "--threads") o.threads = std::atoi(v->c_str());
    else if (flag == "--device") o.device = *v;
    else if (flag == "--seconds") o.seconds = std::atof(v->c_str());
    else if (flag == "--workloads") o.workloads_dir = *v;
    else if (flag == "--mode") o.mode = *v;
    else if (flag == "--only") {
      std::stringstream ss(*v);
      for (std::string w; std::getline(ss, w, ',');) if (!w.empty()) o.only.push_back(w);
    }
  }
  bool ok_mode = o.mode == "script" || o.mode == "api" || o.mode == "both";
  bool ok_device = o.device == "cpu" || o.device == "cuda" || o.device.rfind("cuda:", 0) == 0;
  if (!ok_mode || !ok_device || o.threads < 1 || o.seconds <= 0) {
    std::fprintf(stderr, "gradlab bench: bad --mode, --device, --threads or --seconds\n%s", kUsage);
    return std::nullopt;
  }
  return o;
}

}  // namespace
}  // namespace gradlab::bench

int run_bench(int argc, char** argv) {
  using namespace gradlab;
  using namespace gradlab::bench;
  auto parsed = parse(argc, argv);
  if (!parsed) return 2;
  Options o = *parsed;

  const int threads = apply_threads(o.threads);
  Device device;
  std::vector<Spec> suite = cpu_suite();
  if (o.device != "cpu") {
    if (!cuda_compiled_in()) {
      std::fprintf(stderr, "gradlab bench --device cuda: this gradlab was built without its CUDA backend (configure with nvcc and GRADLAB_CUDA=AUTO or ON)\n");
      return 3;
    }
    if (cuda_device_count() == 0) {
      std::fprintf(stderr, "gradlab bench --device cuda: no CUDA device available (%s)\n", cuda_unavailable_reason().c_str());
      return 3;
    }
    device = parse_device(o.device);
    suite = cuda_suite();
  }
  std::vector<Spec> chosen;
  for (const Spec& s : suite)
    if (o.only.empty() || std::find(o.only.begin(), o.only.end(), s.name) != o.only.end()) chosen.push_back(s);
  if (chosen.empty()) {
    std::fprintf(stderr, "gradlab bench: --only matched no workload (W1..W6, R1)\n");
    return 2;
  }

  const std::string dir = o.device == "cpu" ? find_workloads_dir(o) : "";
  std::vector<Result> results;
  for (const Spec& s : chosen) results.push_back(run_one(s, o, dir, device));
  if (o.json) print_json(results, o, threads);
  else print_table(results, o, dir, threads);

  bool failed = std::any_of(results.begin(), results.end(), [](const Result& r) { return !r.error.empty(); });
  return failed ? 1 : 0;
}
