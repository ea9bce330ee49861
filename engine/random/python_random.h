// PythonRandom: the generator core of CPython 3.11's `random.Random` (Modules/_randommodule.c),
// built on the shared Mt19937. It owns what must match CPython bit for bit: how an integer seed
// becomes an init_by_array key, random()'s 53-bit float, getrandbits(), _randbelow() and the
// (state words, index) pair of getstate()/setstate(). The distributions of Lib/random.py
// (gauss, choices, sample, ...) are written over it in engine/script/random_module.cpp.
//
// CPython's state index `mti` (624 right after seeding, then the number of words used since the
// last twist) maps onto Mt19937's `left`/`next` as: next = mti, left = 625 - mti, with the
// freshly seeded left == 1, next == 0 reading back as 624.
#pragma once
#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/random/mt19937.h"
#include "engine/util/sha512.h"

namespace gradlab::random {

struct PythonRandom {
  Mt19937 mt;

  // init_by_array with CPython's rule that an empty key is the key [0].
  void seed_key(const std::vector<uint32_t>& key) { mt.seed_array(key.empty() ? std::vector<uint32_t>{0} : key); }

  // random.seed(n) for a non-negative integer n < 2**64: its 32-bit words, least significant
  // first, as many as its bit length needs (at least one).
  void seed_uint(uint64_t n) {
    std::vector<uint32_t> key{static_cast<uint32_t>(n)};
    if (n >> 32) key.push_back(static_cast<uint32_t>(n >> 32));
    seed_key(key);
  }

  // random.seed(int.from_bytes(b)) for any length: `b` is the integer's big-endian bytes.
  void seed_big_endian(const std::vector<uint8_t>& b) {
    std::vector<uint32_t> key;
    for (size_t end = b.size(); end > 0; end = end >= 4 ? end - 4 : 0) {
      uint32_t w = 0;
      for (size_t i = end >= 4 ? end - 4 : 0; i < end; ++i) w = (w << 8) | b[i];
      key.push_back(w);
    }
    while (key.size() > 1 && key.back() == 0) key.pop_back();  // the integer's bit length decides
    seed_key(key);
  }

  // random.seed(s) for a str, version 2: the integer whose big-endian bytes are s's UTF-8 bytes
  // followed by their SHA-512 digest.
  void seed_text(std::string_view utf8) {
    auto digest = gradlab::util::sha512(utf8);
    std::vector<uint8_t> bytes(utf8.begin(), utf8.end());
    bytes.insert(bytes.end(), digest.begin(), digest.end());
    seed_big_endian(bytes);
  }

  uint32_t next32() { return mt(); }

  // random(): 53 random bits as a double in [0, 1), from two words (27 + 26 bits).
  double random() {
    uint32_t a = mt() >> 5, b = mt() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  // getrandbits(k) for 0 <= k <= 128 (CPython's has no limit; gradlab needs at most 65 bits, for
  // _randbelow over the whole int64 range): words fill the result from its low end; the last
  // word keeps only its top bits.
  using Wide = unsigned __int128;
  Wide getrandbits(int k) {
    Wide r = 0;
    for (int shift = 0; k > 0; shift += 32, k -= 32) {
      uint32_t w = mt();
      if (k < 32) w >>= 32 - k;
      r |= static_cast<Wide>(w) << shift;
    }
    return r;
  }

  // _randbelow_with_getrandbits(n) for 0 < n <= 2**127: rejection sampling on bit_length(n) bits.
  Wide randbelow(Wide n) {
    int k = 0;
    for (Wide m = n; m; m >>= 1) ++k;
    Wide r = getrandbits(k);
    while (r >= n) r = getrandbits(k);
    return r;
  }

  // CPython's `index` field (0..624).
  int index() const { return mt.left == 1 ? Mt19937::kN : static_cast<int>(mt.next); }
  void set_state(const std::array<uint32_t, Mt19937::kN>& words, int index) {
    mt.state = words;
    mt.next = static_cast<uint32_t>(index);
    mt.left = Mt19937::kN + 1 - index;
  }
};

// hash(x) for a finite float x, as CPython computes it (Python/pyhash.c, _Py_HashDouble),
// reinterpreted as unsigned the way random.seed(float) does. Infinities hash to ±314159.
inline uint64_t python_float_hash(double v) {
  constexpr int kBits = 61;
  constexpr uint64_t kModulus = (uint64_t{1} << kBits) - 1;
  if (std::isinf(v)) return static_cast<uint64_t>(v > 0 ? int64_t{314159} : int64_t{-314159});
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0) {
    x = ((x << 28) & kModulus) | x >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kModulus) | x >> (kBits - e);
  x = sign < 0 ? uint64_t{0} - x : x;
  if (x == ~uint64_t{0}) x = ~uint64_t{0} - 1;  // -1 is reserved for errors: hash(-1.0) == -2
  return x;
}

}  // namespace gradlab::random
