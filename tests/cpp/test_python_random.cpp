// CPython's `random` module in gradlab: the generator core (engine/random/python_random.h) and
// SHA-512 (engine/util/sha512.h) against constants that CPython 3.11 computed, plus the
// module's gradlab-only behaviour (64-bit ints) through the interpreter. The constants come from
// tests/random/gen_python_random_hashes.py (run it with /usr/bin/python3 to regenerate them); the
// module's Python-visible behaviour is covered by the golden cases tests/golden/cases/script_random_*.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstring>
#include <string>

#include "engine/random/python_random.h"
#include "engine/script/interpreter.h"
#include "engine/util/sha512.h"

using gradlab::random::PythonRandom;

namespace {

constexpr int kDraws = 1000000;

// 64-bit FNV-1a, fed byte by byte.
struct Fnv1a {
  uint64_t h = 0xcbf29ce484222325ull;
  void add(const void* p, size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 0x100000001b3ull;
  }
};

// Little-endian bytes, as struct.pack("<d") / ("<I") writes them.
void add_le(Fnv1a& f, uint64_t bits, int nbytes) {
  unsigned char b[8];
  for (int i = 0; i < nbytes; ++i) b[i] = static_cast<unsigned char>(bits >> (8 * i));
  f.add(b, static_cast<size_t>(nbytes));
}

uint64_t hash_random(PythonRandom& g) {
  Fnv1a f;
  for (int i = 0; i < kDraws; ++i) {
    double d = g.random();
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    add_le(f, bits, 8);
  }
  return f.h;
}

uint64_t hash_words(PythonRandom& g) {
  Fnv1a f;
  for (int i = 0; i < kDraws; ++i) add_le(f, g.getrandbits(32), 4);
  return f.h;
}

std::string hex(const std::array<uint8_t, 64>& d) {
  std::string s;
  char buf[3];
  for (uint8_t b : d) {
    std::snprintf(buf, sizeof buf, "%02x", b);
    s += buf;
  }
  return s;
}

std::string run(const std::string& src) {
  gradlab::script::Interpreter in;
  auto r = in.run(src, "t.py");
  if (r.error) return r.output + r.error->type + ": " + r.error->message;
  return r.output;
}

}  // namespace

TEST_CASE("sha512 matches hashlib", "[random][sha512]") {
  CHECK(hex(gradlab::util::sha512("")) ==
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
  CHECK(hex(gradlab::util::sha512("abc")) ==
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  CHECK(hex(gradlab::util::sha512("gradlab")) ==
        "fb6cf4f23bd9378ea6ac588e87faae9559dbf79988843466830414c97e5bae38f9b1f2fe8145c28f0112a0205472f0978d55fb5ff8e312fcdec0303dbe69e477");
  // 111 and 112 bytes: the length field just fits the last block, or needs one more
  CHECK(hex(gradlab::util::sha512(std::string(111, 'x'))) ==
        "9a2a120825c2319867758ec277924f6faa254968bf752046dacdd948d8ad299b10359fd04bfd7d3810b5fa1b16a294236138baff981cbb85248478053ac4d3dd");
  CHECK(hex(gradlab::util::sha512(std::string(112, 'y'))) ==
        "8a9b4960b8ba283f3ff4ae7c0cd9da8c12a9520701122630a9f903be075c19047ec85743ac93b91af5d9b3d428764f19e712f52232d3205a5e8b6d0c04aecd3e");
  CHECK(hex(gradlab::util::sha512(std::string(300, 'z'))) ==
        "49644bb6a24e2c3f64d4359544c10ec5582cf7d9765c9b74fdc68380da5142406803f6b38d12d5194a1e6847da1ed5ea749969afe6a6065073c317b7093df436");
}

TEST_CASE("a million random() and getrandbits(32) values match CPython's", "[random]") {
  struct Case {
    const char* name;
    void (*seed)(PythonRandom&);
    uint64_t floats, words;
  };
  const Case cases[] = {
      {"0", [](PythonRandom& g) { g.seed_uint(0); }, 0x17146539c55bbcc1ull, 0xc90dac5fa874c7f3ull},
      {"12345", [](PythonRandom& g) { g.seed_uint(12345); }, 0xfa08b368bcbacfb2ull, 0xfe674ac3b3247adeull},
      {"-7", [](PythonRandom& g) { g.seed_uint(7); }, 0xcdd4b5083fdc0c5cull, 0x41b9b3b35a93da9aull},  // seed(-7) uses abs
      {"'gradlab'", [](PythonRandom& g) { g.seed_text("gradlab"); }, 0xbd66a6c6dac2c93eull, 0x1fbcbc73e50edceeull},
  };
  for (const Case& c : cases) {
    INFO("seed " << c.name);
    PythonRandom g;
    c.seed(g);
    CHECK(hash_random(g) == c.floats);
    c.seed(g);
    CHECK(hash_words(g) == c.words);
  }
}

TEST_CASE("getstate's index follows CPython's mti", "[random]") {
  PythonRandom g;
  g.seed_uint(1);
  CHECK(g.index() == 624);
  g.next32();
  CHECK(g.index() == 1);
  for (int i = 0; i < 623; ++i) g.next32();
  CHECK(g.index() == 624);
  g.next32();
  CHECK(g.index() == 1);
  // setstate() of getstate() continues the same stream, at any index
  for (int steps : {0, 1, 100, 623}) {
    for (int i = 0; i < steps; ++i) g.next32();
    PythonRandom h;
    h.set_state(g.mt.state, g.index());
    for (int i = 0; i < 700; ++i) REQUIRE(h.next32() == g.next32());
    CHECK(h.index() == g.index());
  }
}

TEST_CASE("random module: results wider than gradlab's 64-bit ints raise OverflowError", "[random][script]") {
  CHECK(run("import random\nrandom.seed(1)\nprint(random.getrandbits(63) >= 0)\nrandom.getrandbits(100)\n") ==
        "True\nOverflowError: getrandbits(100) would need an int wider than gradlab's 64-bit ints");
  CHECK(run("import random\nrandom.getrandbits(64)\n") ==
        "OverflowError: getrandbits(64) would need an int wider than gradlab's 64-bit ints");
  // ranges up to the whole int64 span still work: the width is computed in 128 bits
  CHECK(run("import random\nrandom.seed(3)\nx = random.randint(-9223372036854775807 - 1, 9223372036854775807)\nprint(type(x))\n") ==
        "<class 'int'>\n");
}
