// Compares engine/sleef_math.h with the real SLEEF library (Sleef_*f8_u10avx2 and
// Sleef_*d4_u10avx2, what PyTorch 1.13 calls on AVX2 machines).
//
// float32, per function: float bit patterns — all 2^32 of them (--stride 1), or every k-th pattern
// plus special values and [-100, 100] densely (--stride k) — fed to SLEEF 8 consecutive patterns
// per vector; then --mixed random vectors mixing magnitudes, infinities and NaNs, which exercises
// the whole-vector rule of sin/cos/tan (Note [SLEEF trig works on whole vectors]): each lane is
// compared with sleef_sinf(x, flag of its vector).
// float64, per function: --double random vectors of 4 (any bit pattern, [-100, 100], [-750, 750],
// wide exponent ranges). sin/cos/tan lanes of vectors holding an element >= 1e14 are not compared
// (not reproduced, see the header); they are counted.
//
// Usage: sleef_exhaustive [--stride k] [--threads n] [--mixed n] [--double n] [exp|log|sin|cos|tan|tanh|expm1|log1p|erf|erfc|log2|log10|sinh|cosh|asin|acos|atan ...]
// This file is compiled with the project's ordinary flags, like the engine; the SLEEF calls live
// in sleef_reference.cpp. Exit status: 0 all equal, 1 mismatches, 77 this CPU lacks AVX2/FMA
// (ctest SKIP_RETURN_CODE). NaN results compare equal whatever their payload (PyTorch prints
// every NaN as "nan"); payload differences are counted separately.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "engine/sleef_math.h"
#include "tests/sleef/sleef_reference.h"

namespace {

using gradlab_sleef_test::Function;

struct Fn {
  const char* name;
  Function ref;
  float (*mine)(float, bool);  // the bool: the vector's Payne-Hanek flag (sin/cos only)
  double (*mine_d)(double);
  bool trig;
};

const Fn kFns[] = {
    {"exp", Function::Exp, [](float x, bool) { return gradlab::sleef_expf(x); },
     [](double x) { return gradlab::sleef_exp(x); }, false},
    {"log", Function::Log, [](float x, bool) { return gradlab::sleef_logf(x); },
     [](double x) { return gradlab::sleef_log(x); }, false},
    {"sin", Function::Sin, [](float x, bool ph) { return gradlab::sleef_sinf(x, ph); },
     [](double x) { return gradlab::sleef_sin(x); }, true},
    {"cos", Function::Cos, [](float x, bool ph) { return gradlab::sleef_cosf(x, ph); },
     [](double x) { return gradlab::sleef_cos(x); }, true},
    {"tanh", Function::Tanh, [](float x, bool) { return gradlab::sleef_tanhf(x); },
     [](double x) { return gradlab::sleef_tanh(x); }, false},
    {"expm1", Function::Expm1, [](float x, bool) { return gradlab::sleef_expm1(x); },
     [](double x) { return gradlab::sleef_expm1(x); }, false},
    {"log1p", Function::Log1p, [](float x, bool) { return gradlab::sleef_log1p(x); },
     [](double x) { return gradlab::sleef_log1p(x); }, false},
    {"erf", Function::Erf, [](float x, bool) { return gradlab::sleef_erf(x); },
     [](double x) { return gradlab::sleef_erf(x); }, false},
    {"log2", Function::Log2, [](float x, bool) { return gradlab::sleef_log2(x); },
     [](double x) { return gradlab::sleef_log2(x); }, false},
    {"log10", Function::Log10, [](float x, bool) { return gradlab::sleef_log10(x); },
     [](double x) { return gradlab::sleef_log10(x); }, false},
    {"sinh", Function::Sinh, [](float x, bool) { return gradlab::sleef_sinh(x); },
     [](double x) { return gradlab::sleef_sinh(x); }, false},
    {"cosh", Function::Cosh, [](float x, bool) { return gradlab::sleef_cosh(x); },
     [](double x) { return gradlab::sleef_cosh(x); }, false},
    {"tan", Function::Tan, [](float x, bool ph) { return gradlab::sleef_tan(x, ph); },
     [](double x) { return gradlab::sleef_tan(x); }, true},
    {"asin", Function::Asin, [](float x, bool) { return gradlab::sleef_asin(x); },
     [](double x) { return gradlab::sleef_asin(x); }, false},
    {"acos", Function::Acos, [](float x, bool) { return gradlab::sleef_acos(x); },
     [](double x) { return gradlab::sleef_acos(x); }, false},
    {"atan", Function::Atan, [](float x, bool) { return gradlab::sleef_atan(x); },
     [](double x) { return gradlab::sleef_atan(x); }, false},
    {"erfc", Function::Erfc, [](float x, bool) { return gradlab::sleef_erfc(x); },
     [](double x) { return gradlab::sleef_erfc(x); }, false},
};

uint32_t bits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}
uint64_t bits(double f) {
  uint64_t u;
  std::memcpy(&u, &f, 8);
  return u;
}
float from_bits(uint32_t u) {
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

struct Counts {
  std::atomic<uint64_t> checked{0}, mismatches{0}, nan_payload{0}, skipped{0};
  std::atomic<bool> has_bad{false};
  double bad_x = 0, bad_ref = 0, bad_mine = 0;  // written once, by the first mismatch
};

template <class T>
void record(Counts& c, bool equal, bool both_nan, double x, double ref, double mine) {
  if (equal) return;
  if (both_nan) {
    ++c.nan_payload;
    return;
  }
  ++c.mismatches;
  bool expected = false;
  if (c.has_bad.compare_exchange_strong(expected, true)) {
    c.bad_x = x;
    c.bad_ref = ref;
    c.bad_mine = mine;
  }
}

// One SLEEF vector of 8 floats, compared lane by lane.
void check8(const Fn& fn, const float* x, Counts& c) {
  float ref[8];
  gradlab_sleef_test::reference8(fn.ref, x, ref);
  bool ph = fn.trig && gradlab::sleef_trig_vector_needs_payne_hanek(x, 8);
  for (int k = 0; k < 8; ++k) {
    float mine = fn.mine(x[k], ph);
    record<float>(c, bits(mine) == bits(ref[k]), mine != mine && ref[k] != ref[k], x[k], ref[k], mine);
  }
  c.checked += 8;
}

void sweep(const Fn& fn, uint64_t begin, uint64_t end, uint64_t stride, Counts& c) {
  float buf[8];
  int n = 0;
  for (uint64_t p = begin; p < end; p += stride) {
    buf[n++] = from_bits(static_cast<uint32_t>(p));
    if (n == 8) {
      check8(fn, buf, c);
      n = 0;
    }
  }
  if (n) {
    while (n < 8) buf[n++] = 0.0f;  // PyTorch pads a short vector with zeros too
    check8(fn, buf, c);
  }
}

// Values the sample must always contain: specials, every multiple of 2^-12 in [-100, 100] (the
// inputs learners type), dense neighbourhoods of the integers there, and the sin/cos switch at 125.
std::vector<float> extra_values() {
  std::vector<float> v;
  for (uint32_t b : {0x00000000u, 0x80000000u, 0x7f800000u, 0xff800000u, 0x7fc00000u, 0xffc00000u,
                     0x00000001u, 0x80000001u, 0x007fffffu, 0x00800000u, 0x7f7fffffu, 0xff7fffffu})
    v.push_back(from_bits(b));
  for (int i = -100 * 4096; i <= 100 * 4096; ++i) v.push_back(static_cast<float>(i) / 4096.0f);
  for (int i = -100; i <= 100; ++i)
    for (int d = -2048; d <= 2048; ++d) v.push_back(from_bits(bits(static_cast<float>(i)) + d));
  for (float edge : {125.0f, -125.0f})
    for (int d = -64; d <= 64; ++d) v.push_back(from_bits(bits(edge) + d));
  while (v.size() % 8) v.push_back(0.0f);
  return v;
}

float random_mixed_float(std::mt19937& g) {
  uint32_t u = g();
  switch (g() % 6) {
    case 0: return from_bits(u);
    case 1: return static_cast<float>(static_cast<int>(u % 2000001) - 1000000) / 10000.0f;
    case 2: return std::ldexp(static_cast<float>(u % 100000) / 100000.0f, static_cast<int>(g() % 60) - 40);
    case 3: return g() % 2 ? INFINITY : NAN;
    case 4: return static_cast<float>(static_cast<int>(u % 20001) - 10000) / 100.0f;
    default: return (u % 2 ? 1.0f : -1.0f) * (124.0f + static_cast<float>(u % 2000) / 1000.0f);
  }
}

double random_double(std::mt19937_64& g, int kind) {
  uint64_t r = g();
  double u01 = std::ldexp(static_cast<double>(g() >> 11), -53);
  double x;
  switch (kind % 5) {
    case 0: std::memcpy(&x, &r, 8); return x;
    case 1: return u01 * 200 - 100;
    case 2: return u01 * 1500 - 750;
    case 3: return (r & 1 ? 1 : -1) * std::ldexp(u01, static_cast<int>(r % 120) - 90);
    default: return (r & 1 ? 1 : -1) * std::ldexp(u01, static_cast<int>(r % 60));
  }
}

void report(const char* what, const Fn& fn, const Counts& c, const char* extra, bool& ok) {
  std::printf("%-5s %-8s checked %llu: %llu mismatches, %llu NaN-payload-only differences%s", fn.name,
              what, static_cast<unsigned long long>(c.checked.load()),
              static_cast<unsigned long long>(c.mismatches.load()),
              static_cast<unsigned long long>(c.nan_payload.load()), extra);
  if (c.has_bad) {
    std::printf("; first: x=%a sleef=%a ours=%a", c.bad_x, c.bad_ref, c.bad_mine);
    ok = false;
  }
  std::printf("\n");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma")) {
    std::printf("SKIP: this CPU lacks AVX2/FMA, Sleef_*_u10avx2 cannot run\n");
    return 77;
  }
  uint64_t stride = 1, mixed = 1 << 20, doubles = 1 << 20;
  unsigned threads = 2;
  std::vector<std::string> names;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--stride" && i + 1 < argc) {
      stride = std::max<uint64_t>(1, std::strtoull(argv[++i], nullptr, 10));
    } else if (a == "--threads" && i + 1 < argc) {
      threads = std::max(1u, static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10)));
    } else if (a == "--mixed" && i + 1 < argc) {
      mixed = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--double" && i + 1 < argc) {
      doubles = std::strtoull(argv[++i], nullptr, 10);
    } else {
      names.push_back(a);
    }
  }
  if (names.empty()) names = {"exp", "log", "sin", "cos", "tanh"};

  bool ok = true;
  for (const std::string& name : names) {
    const Fn* fn = nullptr;
    for (const Fn& f : kFns)
      if (name == f.name) fn = &f;
    if (!fn) {
      std::fprintf(stderr, "unknown function %s\n", name.c_str());
      return 2;
    }

    {  // float32 bit patterns, split over threads; 8 consecutive patterns per vector
      Counts c;
      const uint64_t total = uint64_t{1} << 32;
      const uint64_t per = (total / stride / threads / 8 + 1) * 8 * stride;  // whole vectors
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < threads; ++t) {
        uint64_t b = per * t, e = std::min<uint64_t>(total, per * (t + 1));
        if (b < e) pool.emplace_back([=, &c] { sweep(*fn, b, e, stride, c); });
      }
      for (auto& th : pool) th.join();
      if (stride > 1) {
        std::vector<float> extra = extra_values();
        for (size_t i = 0; i < extra.size(); i += 8) check8(*fn, &extra[i], c);
      }
      char note[64];
      std::snprintf(note, sizeof note, " (stride %llu)", static_cast<unsigned long long>(stride));
      report("float32", *fn, c, note, ok);
    }

    if (mixed) {  // float32 vectors mixing magnitudes
      Counts c;
      std::mt19937 g(12345);
      float x[8];
      for (uint64_t i = 0; i < mixed; ++i) {
        for (float& v : x) v = random_mixed_float(g);
        check8(*fn, x, c);
      }
      report("mixed", *fn, c, "", ok);
    }

    if (doubles) {  // float64 vectors of 4
      Counts c;
      std::mt19937_64 g(777);
      for (uint64_t i = 0; i < doubles; ++i) {
        double x[4], ref[4];
        bool huge = false;
        for (int k = 0; k < 4; ++k) {
          x[k] = random_double(g, static_cast<int>(i + k));
          huge = huge || !(std::fabs(x[k]) < 1e14);
        }
        gradlab_sleef_test::reference4d(fn->ref, x, ref);
        for (int k = 0; k < 4; ++k) {
          if (fn->trig && huge) {
            ++c.skipped;
            continue;
          }
          double mine = fn->mine_d(x[k]);
          record<double>(c, bits(mine) == bits(ref[k]), mine != mine && ref[k] != ref[k], x[k], ref[k], mine);
          ++c.checked;
        }
      }
      char note[96] = "";
      if (fn->trig)
        std::snprintf(note, sizeof note, " (%llu lanes skipped: vector holds |x| >= 1e14)",
                      static_cast<unsigned long long>(c.skipped.load()));
      report("float64", *fn, c, note, ok);
    }
  }
  return ok ? 0 : 1;
}
