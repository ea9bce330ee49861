// Sums carry PyTorch 1.13's exact bits (Note [Float sum order]): every case of
// tests/sum_cases/sum_cases.txt (written by real PyTorch, gen_sum_cases.py) rebuilds its input
// from the seed and compares the CPU backend's reduce, full sums and sums over dims, bit for
// bit; full sums are also fed to FullSum in pieces, the way fused programs do.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "engine/backend/backend.h"
#include "engine/backend/cpu/full_sum.h"

#ifndef GRADLAB_TEST_DATA_DIR
#error "GRADLAB_TEST_DATA_DIR must point at the tests/ directory"
#endif

using namespace gradlab;

namespace {

struct SumCase {
  std::string line, dtype;
  uint64_t seed = 0;
  Shape shape;
  unsigned mask = 0;
  std::vector<uint64_t> want;
};

std::vector<SumCase> load_cases() {
  std::ifstream in(GRADLAB_TEST_DATA_DIR "/sum_cases/sum_cases.txt");
  if (!in) throw std::runtime_error("cannot open tests/sum_cases/sum_cases.txt");
  std::vector<SumCase> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream s(line);
    SumCase c;
    c.line = line.substr(0, line.find(' ', line.find(' ', 4) + 1));
    size_t rank = 0, n = 0;
    s >> c.dtype >> c.seed >> rank;
    c.shape.resize(rank);
    for (auto& d : c.shape) s >> d;
    s >> c.mask >> n;
    c.want.resize(n);
    for (auto& w : c.want) s >> std::hex >> w >> std::dec;
    if (!s) throw std::runtime_error("bad line in sum_cases.txt: " + line);
    cases.push_back(std::move(c));
  }
  return cases;
}

// The generator of gen_sum_cases.py: element i is m * 2^(e - 40), exactly.
template <class T>
std::vector<T> make_input(uint64_t seed, int64_t n) {
  const int bits = std::is_same_v<T, float> ? 24 : 53;
  std::vector<T> x(static_cast<size_t>(n));
  uint64_t state = seed;
  for (auto& v : x) {
    state += 0x9E3779B97F4A7C15ull;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    const int64_t m = static_cast<int64_t>(z >> (64 - bits)) - (int64_t{1} << (bits - 1));
    v = static_cast<T>(std::ldexp(static_cast<double>(m), static_cast<int>(z & 15) - 40));
  }
  return x;
}

template <class T>
uint64_t bits_of(T v) {
  if constexpr (std::is_same_v<T, float>) {
    uint32_t b;
    std::memcpy(&b, &v, 4);
    return b;
  } else {
    uint64_t b;
    std::memcpy(&b, &v, 8);
    return b;
  }
}

template <class T>
void check_case(const SumCase& c) {
  INFO(c.line);
  int64_t n = 1;
  for (int64_t d : c.shape) n *= d;
  const std::vector<T> x = make_input<T>(c.seed, n);
  Shape out_shape = c.shape;
  for (size_t d = 0; d < out_shape.size(); ++d)
    if (c.mask >> d & 1) out_shape[d] = 1;
  std::vector<T> got(c.want.size(), T(-1));
  Backend& cpu = backend_for(Device{DeviceType::CPU, 0});
  const DType dt = std::is_same_v<T, float> ? DType::Float32 : DType::Float64;
  cpu.reduce(ReduceOp::Sum, dt, x.data(), c.shape, got.data(), out_shape);
  std::vector<uint64_t> got_bits;
  for (T v : got) got_bits.push_back(bits_of(v));
  CHECK(got_bits == c.want);

  if (c.want.size() == 1) {  // a full sum: FullSum fed in pieces gives the same bits
    for (int64_t piece : {int64_t{32}, int64_t{96}, int64_t{2048}}) {
      cpu::FullSum<T> sum(n);
      for (int64_t lo = 0; lo < n; lo += piece) sum.add(x.data() + lo, std::min(piece, n - lo));
      CHECK(bits_of(sum.result()) == c.want[0]);
    }
  }
}

}  // namespace

TEST_CASE("sums have PyTorch's bits (sum_cases.txt)", "[sum]") {
  const std::vector<SumCase> cases = load_cases();
  REQUIRE(cases.size() > 100);
  for (const SumCase& c : cases) {
    if (c.dtype == "f32") {
      check_case<float>(c);
    } else {
      check_case<double>(c);
    }
  }
}

TEST_CASE("sums of negative zeros are +0, as in PyTorch", "[sum]") {
  Backend& cpu = backend_for(Device{DeviceType::CPU, 0});
  for (int64_t n : {1, 3, 9, 40}) {
    std::vector<float> x(static_cast<size_t>(n), -0.0f);
    float out = -1;
    cpu.reduce(ReduceOp::Sum, DType::Float32, x.data(), Shape{n}, &out, Shape{1});
    CHECK(bits_of(out) == 0u);
    std::vector<float> rows(static_cast<size_t>(n), -1.0f);
    cpu.reduce(ReduceOp::Sum, DType::Float32, x.data(), Shape{n, 1}, rows.data(), Shape{n, 1});
    for (float r : rows) CHECK(bits_of(r) == 0u);  // a sum over a size-1 dim is 0 + x
  }
}
