// Mt19937: the 32-bit Mersenne Twister both of gradlab's reference generators are built on.
//
// PyTorch's CPU generator (engine/random/generator.h) seeds it from one 32-bit word
// (`seed_word`, Matsumoto and Nishimura's init_genrand); CPython's `random` module seeds it from
// an array of words (`seed_array`, their init_by_array). Both then draw the same tempered 32-bit
// outputs. The state is plain data so that getstate()/get_rng_state() can expose it, and the
// fields mirror PyTorch's at::mt19937 (`left` counts down to the next twist, `next` indexes the
// next word) because torch.get_rng_state() serialises exactly those.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace gradlab::random {

struct Mt19937 {
  static constexpr int kN = 624;
  static constexpr int kM = 397;

  std::array<uint32_t, kN> state{};
  int left = 1;       // draws until the next twist, plus one (PyTorch's `left_`)
  uint32_t next = 0;  // index of the next state word to temper

  // init_genrand: the reference seeding from one word (what std::mt19937(seed) does too).
  void seed_word(uint32_t s) {
    state[0] = s;
    for (int j = 1; j < kN; ++j) state[j] = 1812433253u * (state[j - 1] ^ (state[j - 1] >> 30)) + static_cast<uint32_t>(j);
    left = 1;
    next = 0;
  }

  // init_by_array: the reference seeding from a key of words (CPython's random.seed).
  void seed_array(const std::vector<uint32_t>& key) {
    seed_word(19650218u);
    std::size_t i = 1, j = 0;
    const std::size_t n = key.empty() ? 1 : key.size();
    for (std::size_t k = kN > n ? kN : n; k; --k) {
      uint32_t word = key.empty() ? 0 : key[j];
      state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1664525u)) + word + static_cast<uint32_t>(j);
      ++i;
      ++j;
      if (i >= kN) {
        state[0] = state[kN - 1];
        i = 1;
      }
      if (j >= n) j = 0;
    }
    for (std::size_t k = kN - 1; k; --k) {
      state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
      ++i;
      if (i >= kN) {
        state[0] = state[kN - 1];
        i = 1;
      }
    }
    state[0] = 0x80000000u;  // non-zero initial state, as the reference code guarantees
    left = 1;
    next = 0;
  }

  uint32_t operator()() {
    if (--left == 0) twist();
    uint32_t y = state[next++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
  }

 private:
  static uint32_t mix(uint32_t u, uint32_t v) {
    uint32_t y = (u & 0x80000000u) | (v & 0x7fffffffu);
    return (y >> 1) ^ ((v & 1u) ? 0x9908b0dfu : 0u);
  }
  void twist() {
    for (int k = 0; k < kN - kM; ++k) state[k] = state[k + kM] ^ mix(state[k], state[k + 1]);
    for (int k = kN - kM; k < kN - 1; ++k) state[k] = state[k + kM - kN] ^ mix(state[k], state[k + 1]);
    state[kN - 1] = state[kM - 1] ^ mix(state[kN - 1], state[0]);
    left = kN;
    next = 0;
  }
};

}  // namespace gradlab::random
