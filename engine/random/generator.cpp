// PyTorch's CPU generator; see generator.h.
#include "engine/random/generator.h"

#include <chrono>
#include <cstring>
#include <random>
#include <string>

#include "engine/error.h"

namespace gradlab::random {

void CpuGenerator::set_seed(uint64_t seed) {
  seed_ = seed;
  engine_.seed_word(static_cast<uint32_t>(seed));
  next_double_normal.reset();
  next_float_normal.reset();
}

uint64_t CpuGenerator::seed_nondeterministic() {
  // PyTorch draws 64 bits; gradlab keeps 63 so that the seed is a Python int it can hold.
  std::random_device device;
  uint64_t s = (static_cast<uint64_t>(device()) << 32) + device();
  s ^= static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  s &= 0x7FFFFFFFFFFFFFFFULL;
  set_seed(s);
  return s;
}

namespace {

// at::CPUGeneratorImplState: the legacy THGeneratorState followed by the float normal cache.
// Fixed offsets (the struct's layout on every 64-bit target PyTorch builds for).
struct Layout {
  static constexpr size_t kSeed = 0;          // uint64 the_initial_seed
  static constexpr size_t kLeft = 8;          // int left
  static constexpr size_t kSeeded = 12;       // int seeded
  static constexpr size_t kNext = 16;         // uint64 next
  static constexpr size_t kState = 24;        // uint64 state[624]
  static constexpr size_t kNormalX = 5016;    // double normal_x
  static constexpr size_t kNormalY = 5024;    // double normal_y
  static constexpr size_t kNormalRho = 5032;  // double normal_rho
  static constexpr size_t kNormalValid = 5040;  // int normal_is_valid
  static constexpr size_t kFloatNormal = 5048;  // float next_float_normal_sample
  static constexpr size_t kFloatValid = 5052;   // bool is_next_float_normal_sample_valid
  static constexpr size_t kLegacyBytes = 5048;  // sizeof(THGeneratorState)
};

template <class T>
void put(std::vector<uint8_t>& b, size_t at, T v) {
  std::memcpy(b.data() + at, &v, sizeof v);
}
template <class T>
T get(const std::vector<uint8_t>& b, size_t at) {
  T v;
  std::memcpy(&v, b.data() + at, sizeof v);
  return v;
}

}  // namespace

std::vector<uint8_t> CpuGenerator::get_state() const {
  std::vector<uint8_t> b(kStateBytes, 0);
  put<uint64_t>(b, Layout::kSeed, seed_);
  put<int32_t>(b, Layout::kLeft, engine_.left);
  put<int32_t>(b, Layout::kSeeded, 1);
  put<uint64_t>(b, Layout::kNext, engine_.next);
  for (int i = 0; i < Mt19937::kN; ++i) put<uint64_t>(b, Layout::kState + 8 * i, engine_.state[i]);
  if (next_double_normal) {
    put<int32_t>(b, Layout::kNormalValid, 1);
    put<double>(b, Layout::kNormalY, *next_double_normal);
  }
  if (next_float_normal) {
    put<float>(b, Layout::kFloatNormal, *next_float_normal);
    put<uint8_t>(b, Layout::kFloatValid, 1);
  }
  return b;
}

void CpuGenerator::set_state(const std::vector<uint8_t>& b) {
  if (b.size() != Layout::kLegacyBytes && b.size() != kStateBytes) {
    runtime_error("Expected either a CPUGeneratorImplStateLegacy of size " + std::to_string(Layout::kLegacyBytes) +
                  " or a CPUGeneratorImplState of size " + std::to_string(kStateBytes) +
                  " but found the input RNG state size to be " + std::to_string(b.size()));
  }
  // PyTorch's mt19937::is_valid: a seeded engine whose position lies inside its state.
  const int32_t left = get<int32_t>(b, Layout::kLeft);
  const uint64_t next = get<uint64_t>(b, Layout::kNext);
  if (get<int32_t>(b, Layout::kSeeded) == 0 || left <= 0 || left > Mt19937::kN || next > static_cast<uint64_t>(Mt19937::kN))
    runtime_error("Invalid mt19937 state");
  Mt19937 engine;
  for (int i = 0; i < Mt19937::kN; ++i) engine.state[i] = static_cast<uint32_t>(get<uint64_t>(b, Layout::kState + 8 * i));
  engine.left = get<int32_t>(b, Layout::kLeft);
  engine.next = static_cast<uint32_t>(get<uint64_t>(b, Layout::kNext));
  std::optional<double> double_normal;
  if (get<int32_t>(b, Layout::kNormalValid)) double_normal = get<double>(b, Layout::kNormalY);
  std::optional<float> float_normal;
  if (b.size() == kStateBytes && get<uint8_t>(b, Layout::kFloatValid)) float_normal = get<float>(b, Layout::kFloatNormal);
  engine_ = engine;
  seed_ = get<uint64_t>(b, Layout::kSeed);
  next_double_normal = double_normal;
  next_float_normal = float_normal;
}

namespace {
thread_local CpuGenerator* installed = nullptr;
}

CpuGenerator& default_generator() {
  if (installed) return *installed;
  thread_local CpuGenerator fallback;
  return fallback;
}

void set_default_generator(CpuGenerator* generator) { installed = generator; }

}  // namespace gradlab::random
