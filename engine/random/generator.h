// CpuGenerator: PyTorch 1.13's CPU random number generator (at::CPUGeneratorImpl), bit for bit.
//
// A Mersenne Twister seeded from the low 32 bits of a 64-bit seed, drawing 32-bit words
// (`random`) or 64-bit ones made of two words, the first one high (`random64`). It also carries
// the spare normal sample of the double-precision Box–Muller path (Note [Two normal paths],
// sampling.cpp), which manual_seed clears. Every sampling function takes a generator: the
// default one (torch.manual_seed seeds it) or a torch.Generator object of the script's.
//
// get_state/set_state use PyTorch's byte layout (CPUGeneratorImplState, 5056 bytes) so a state
// saved by torch.get_rng_state() means the same thing in gradlab.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/random/mt19937.h"

namespace gradlab::random {

// What torch.Generator() starts from (c10::default_rng_seed_val). PyTorch seeds its default
// generator at random when a process starts, so unseeded scripts print other numbers on every
// run; gradlab starts each session's default generator from this seed instead, so a lesson
// shows the same numbers every time it runs (and a seeded script behaves exactly like PyTorch).
inline constexpr uint64_t kDefaultSeed = 67280421310721ULL;
// sizeof(at::CPUGeneratorImplState) on x86-64 and wasm alike.
inline constexpr size_t kStateBytes = 5056;

class CpuGenerator {
 public:
  explicit CpuGenerator(uint64_t seed = kDefaultSeed) { set_seed(seed); }

  void set_seed(uint64_t seed);                  // manual_seed
  uint64_t initial_seed() const { return seed_; }
  uint64_t seed_nondeterministic();               // torch.seed(): a fresh 63-bit seed, returned

  uint32_t random() { return engine_(); }
  uint64_t random64() {
    uint64_t hi = engine_();
    uint64_t lo = engine_();
    return (hi << 32) | lo;
  }

  std::vector<uint8_t> get_state() const;
  // Throws gradlab::Error with PyTorch's message for a state of the wrong size.
  void set_state(const std::vector<uint8_t>& bytes);

  std::optional<double> next_double_normal;  // Note [Two normal paths]
  std::optional<float> next_float_normal;

 private:
  Mt19937 engine_;
  uint64_t seed_ = kDefaultSeed;
};

// The generator torch.manual_seed seeds. Each interpreter session owns one, so a fresh session
// (or the page's "Restart") starts from kDefaultSeed like a fresh PyTorch process; while a
// session runs, it is installed here for the calling thread (a thread-local fallback serves
// engine code run outside any session, such as the C++ tests).
CpuGenerator& default_generator();
void set_default_generator(CpuGenerator* generator);  // null: back to the fallback

}  // namespace gradlab::random
