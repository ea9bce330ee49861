// engine/sleef_math.h's functions of two arguments against the real SLEEF 3.5.1 library: sleef_pow
// with Sleef_powf8_u10avx2 / Sleef_powd4_u10avx2 (what PyTorch 1.13's pow computes the vectorised
// part of a tensor with), sleef_atan2 with Sleef_atan2*_u10avx2 and sleef_hypot with
// Sleef_hypot*_u05avx2 (atan2 and hypot likewise), on random pairs drawn from the ranges learners
// use (bases around 0..10, exponents like 1.5 or -2.3), from wide magnitudes, integer exponents
// with negative bases, and every combination of the special values (±0, ±1, ±inf, NaN, subnormals).
//
// Usage: sleef_pow [--pairs n] [--fn pow|atan2|hypot] (default: all three). Exit status: 0 all equal, 1 mismatches, 77 this CPU lacks
// AVX2/FMA (ctest SKIP_RETURN_CODE). NaN results compare equal whatever their payload.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "engine/sleef_math.h"
#include "tests/sleef/sleef_reference.h"

namespace {

template <class T>
bool same(T a, T b) {
  if (a != a && b != b) return true;
  return std::memcmp(&a, &b, sizeof a) == 0;
}

template <class T>
T random_base(std::mt19937_64& g) {
  const double u = std::ldexp(static_cast<double>(g() >> 11), -53);
  switch (g() % 5) {
    case 0: return static_cast<T>(u * 10);                                   // learners' bases
    case 1: return static_cast<T>(-10 + 20 * u);                             // negative too
    case 2: return static_cast<T>(std::ldexp(u, static_cast<int>(g() % 200) - 100));
    case 3: return static_cast<T>(std::round(-20 + 40 * u));                 // integers
    default: {
      T x;
      uint64_t r = g();
      std::memcpy(&x, &r, sizeof x);  // any bit pattern
      return x;
    }
  }
}

template <class T>
T random_exponent(std::mt19937_64& g) {
  const double u = std::ldexp(static_cast<double>(g() >> 11), -53);
  switch (g() % 5) {
    case 0: return static_cast<T>(std::round((-8 + 16 * u) * 10) / 10);  // 1.5, -2.3, ...
    case 1: return static_cast<T>(std::round(-12 + 24 * u));              // integers, odd and even
    case 2: return static_cast<T>(-4 + 8 * u);
    case 3: return static_cast<T>(std::ldexp(u, static_cast<int>(g() % 80) - 40));
    default: {
      T y;
      uint64_t r = g();
      std::memcpy(&y, &r, sizeof y);
      return y;
    }
  }
}

template <class T>
std::vector<T> specials() {
  const T inf = std::numeric_limits<T>::infinity(), nan = std::numeric_limits<T>::quiet_NaN();
  return {T(0), -T(0), T(1), T(-1), T(2), T(-2), T(0.5), T(-0.5), T(3), T(-3), inf, -inf, nan,
          std::numeric_limits<T>::denorm_min(), std::numeric_limits<T>::max(), T(1e-3), T(1e3), T(2.5)};
}

struct Result {
  uint64_t checked = 0, mismatches = 0;
  double x = 0, y = 0, ref = 0, mine = 0;
};

template <class T, int Lanes, class Ref, class Mine>
void check(Result& r, const T* x, const T* y, Ref ref_fn, Mine mine_fn) {
  T ref[Lanes];
  ref_fn(x, y, ref);
  for (int k = 0; k < Lanes; ++k) {
    const T mine = mine_fn(x[k], y[k]);
    ++r.checked;
    if (!same(mine, ref[k]) && r.mismatches++ == 0) {
      r.x = x[k];
      r.y = y[k];
      r.ref = ref[k];
      r.mine = mine;
    }
  }
}

template <class T, int Lanes, class Ref, class Mine>
Result run(uint64_t pairs, Ref ref_fn, Mine mine_fn) {
  Result r;
  std::mt19937_64 g(2024);
  T x[Lanes], y[Lanes];
  for (uint64_t i = 0; i < pairs; i += Lanes) {
    for (int k = 0; k < Lanes; ++k) {
      x[k] = random_base<T>(g);
      y[k] = random_exponent<T>(g);
    }
    check<T, Lanes>(r, x, y, ref_fn, mine_fn);
  }
  const std::vector<T> s = specials<T>();
  int n = 0;
  for (T a : s)
    for (T b : s) {
      x[n] = a;
      y[n] = b;
      if (++n == Lanes) {
        check<T, Lanes>(r, x, y, ref_fn, mine_fn);
        n = 0;
      }
    }
  return r;
}

bool report(const char* fn, const char* what, const Result& r) {
  std::printf("%-5s %-7s checked %llu: %llu mismatches", fn, what, static_cast<unsigned long long>(r.checked),
              static_cast<unsigned long long>(r.mismatches));
  if (r.mismatches) std::printf("; first: x=%a y=%a sleef=%a ours=%a", r.x, r.y, r.ref, r.mine);
  std::printf("\n");
  return r.mismatches == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma")) {
    std::printf("SKIP: this CPU lacks AVX2/FMA, Sleef_pow*_u10avx2 cannot run\n");
    return 77;
  }
  uint64_t pairs = uint64_t{1} << 22;
  std::string only;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--pairs") pairs = std::strtoull(argv[++i], nullptr, 10);
    else if (std::string(argv[i]) == "--fn") only = argv[++i];
  }
  namespace ref = gradlab_sleef_test;
  bool ok = true;
  if (only.empty() || only == "pow") {
    ok &= report("pow", "float32", run<float, 8>(pairs, ref::reference_pow8, [](float a, float b) { return gradlab::sleef_powf(a, b); }));
    ok &= report("pow", "float64", run<double, 4>(pairs, ref::reference_pow4d, [](double a, double b) { return gradlab::sleef_pow(a, b); }));
  }
  if (only.empty() || only == "atan2") {
    ok &= report("atan2", "float32", run<float, 8>(pairs, ref::reference_atan2_8, [](float a, float b) { return gradlab::sleef_atan2(a, b); }));
    ok &= report("atan2", "float64", run<double, 4>(pairs, ref::reference_atan2_4d, [](double a, double b) { return gradlab::sleef_atan2(a, b); }));
  }
  if (only.empty() || only == "hypot") {
    ok &= report("hypot", "float32", run<float, 8>(pairs, ref::reference_hypot8, [](float a, float b) { return gradlab::sleef_hypot(a, b); }));
    ok &= report("hypot", "float64", run<double, 4>(pairs, ref::reference_hypot4d, [](double a, double b) { return gradlab::sleef_hypot(a, b); }));
  }
  return ok ? 0 : 1;
}
