// A tiny check harness for the CUDA agreement suite (gradlab_cuda_tests).
//
// The suite is a plain program rather than Catch2 because it must decide, before any test
// runs, whether to exit 77 ("skipped": no GPU). Each check compares a CUDA result with the CPU
// backend's on the same input; a failure prints what was compared and the first mismatches,
// and the program exits 1 if any check failed.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "engine/dtype.h"

namespace gradlab::cuda_test {

struct Report {
  int checks = 0;
  int failures = 0;

  // Runs `body`, turning an exception into a failure of `name` so one broken primitive does
  // not hide the results of the others.
  void run(const std::string& name, const std::function<void()>& body) {
    try {
      body();
    } catch (const std::exception& e) {
      fail(name, std::string("threw: ") + e.what());
    }
  }

  void fail(const std::string& name, const std::string& detail) {
    ++failures;
    std::printf("FAIL %s: %s\n", name.c_str(), detail.c_str());
  }

  void expect(bool ok, const std::string& name, const std::string& detail = "") {
    ++checks;
    if (!ok) fail(name, detail);
  }
};

// Relative tolerance per dtype: the brief's float32 1e-5 and float64 1e-12 (int64: exact).
inline double default_rtol(DType t) {
  switch (t) {
    case DType::Float32: return 1e-5;
    case DType::Float64: return 1e-12;
    default: return 0.0;
  }
}

// |got - want| <= rtol * scale + atol, where `scale` is |want| unless the caller knows a better
// magnitude (Σ|x| for a sum, (|A|·|B|)ij for a matmul: the size of the rounding error). NaN
// must meet NaN, infinities must match exactly.
inline bool close(double got, double want, double rtol, double scale, double atol) {
  if (std::isnan(want) || std::isnan(got)) return std::isnan(want) && std::isnan(got);
  if (std::isinf(want) || std::isinf(got)) return got == want;
  return std::fabs(got - want) <= rtol * scale + atol;
}

// Compares element-wise and records one check; `scale` may be empty (then |want| is used).
inline void expect_close(Report& r, const std::string& name, const std::vector<double>& got,
                         const std::vector<double>& want, DType t, const std::vector<double>& scale = {},
                         double rtol = -1, double atol = -1) {
  if (rtol < 0) rtol = default_rtol(t);
  if (atol < 0) atol = t == DType::Float32 ? 1e-6 : (t == DType::Float64 ? 1e-14 : 0.0);
  ++r.checks;
  if (got.size() != want.size()) {
    r.fail(name, "size " + std::to_string(got.size()) + " != " + std::to_string(want.size()));
    return;
  }
  int shown = 0;
  size_t bad = 0;
  std::string detail;
  for (size_t i = 0; i < got.size(); ++i) {
    const double s = scale.empty() ? std::fabs(want[i]) : scale[i];
    if (close(got[i], want[i], rtol, s, atol)) continue;
    ++bad;
    if (shown++ < 4) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "[%zu] cuda %.17g cpu %.17g; ", i, got[i], want[i]);
      detail += buf;
    }
  }
  if (bad) r.fail(name, std::to_string(bad) + " of " + std::to_string(got.size()) + " differ: " + detail);
}

// Deterministic inputs: every run compares the same numbers.
class Rng {
 public:
  explicit Rng(uint64_t seed) : gen_(seed) {}
  double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(gen_); }
  int64_t integer(int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(gen_); }
  std::vector<double> uniform(size_t n, double lo, double hi) {
    std::vector<double> v(n);
    for (auto& x : v) x = uniform(lo, hi);
    return v;
  }
  std::vector<double> integers(size_t n, int64_t lo, int64_t hi) {
    std::vector<double> v(n);
    for (auto& x : v) x = static_cast<double>(integer(lo, hi));
    return v;
  }

 private:
  std::mt19937_64 gen_;
};

inline const char* dtype_short(DType t) {
  switch (t) {
    case DType::Float32: return "f32";
    case DType::Float64: return "f64";
    default: return "i64";
  }
}

}  // namespace gradlab::cuda_test
