// The CPU backend's primitives checked directly against naive loops, for the backend contract
// the engine does not exercise through its ops today (the CUDA agreement suite compares the
// GPU with these results, so they must be right on their own).
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "engine/backend/backend.h"
#include "engine/backend/cpu/elementwise_loops.h"
#include "engine/backend/cpu/gemm.h"
#include "engine/sleef_math.h"
#include "tests/cpp/fma_cases.h"
#include "tests/cpp/test_support.h"

using namespace gradlab;
using gradlab::testing::same_value;

TEST_CASE("cpu reduce Max over several dims keeps the other dims", "[backend]") {
  Backend& cpu = backend_for(Device{DeviceType::CPU, 0});
  const Shape in{5, 6, 7};
  std::vector<double> x(5 * 6 * 7);
  for (size_t i = 0; i < x.size(); ++i) x[i] = std::sin(1.7 * static_cast<double>(i) + 0.3);

  std::vector<double> want(6, -1e300);
  for (int a = 0; a < 5; ++a)
    for (int b = 0; b < 6; ++b)
      for (int c = 0; c < 7; ++c) want[b] = std::max(want[b], x[(a * 6 + b) * 7 + c]);
  std::vector<double> got(6, 0.0);
  cpu.reduce(ReduceOp::Max, DType::Float64, x.data(), in, got.data(), Shape{1, 6, 1});
  CHECK(got == want);

  // The other pattern: reduced dims inside and outside two kept ones ([1, 6, 7] -> [1, 6, 1]
  // is one dim; [5, 6, 7] -> [5, 1, 1] is an inner run).
  std::vector<double> rows(5, -1e300);
  for (int a = 0; a < 5; ++a)
    for (int i = 0; i < 42; ++i) rows[a] = std::max(rows[a], x[a * 42 + i]);
  std::vector<double> got_rows(5, 0.0);
  cpu.reduce(ReduceOp::Max, DType::Float64, x.data(), in, got_rows.data(), Shape{5, 1, 1});
  CHECK(got_rows == rows);

  // A NaN wins its slot, as in torch.amax, and only its slot.
  x[(2 * 6 + 4) * 7 + 3] = std::numeric_limits<double>::quiet_NaN();
  cpu.reduce(ReduceOp::Max, DType::Float64, x.data(), in, got.data(), Shape{1, 6, 1});
  CHECK(std::isnan(got[4]));
  for (int b : {0, 1, 2, 3, 5}) CHECK(got[b] == want[b]);
}

// Large element-wise primitives run through the wide-vector builds (Note [Wide vectors for fused
// programs]); every lane must give the bits of the scalar code (the functor, or for sigmoid, pow,
// sin and cos the loop that knows each element's position, Note [Position in the run]), for every
// primitive, on inputs from all over the number line (and NaN, inf, -0, subnormals).
template <class T>
std::vector<T> wide_inputs(size_t n) {
  std::vector<T> v(n);
  uint64_t state = 0x9E3779B97F4A7C15ull;
  for (size_t i = 0; i < n; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    const double magnitude = std::ldexp(static_cast<double>(state >> 40) / double(1 << 24), static_cast<int>((state >> 8) % 40) - 20);
    v[i] = static_cast<T>((state & 1) ? -magnitude : magnitude);
  }
  const T special[] = {T(0), -T(0), std::numeric_limits<T>::infinity(), -std::numeric_limits<T>::infinity(),
                       std::numeric_limits<T>::quiet_NaN(), std::numeric_limits<T>::denorm_min(), T(88.7), T(-104.5),
                       T(1e30), T(-1e30), T(9.0), T(-8.7)};
  for (size_t i = 0; i < std::size(special); ++i) v[i * 97] = special[i];
  return v;
}


template <class T>
void check_wide_primitives() {
  Backend& cpu = backend_for(Device{DeviceType::CPU, 0});
  const DType t = std::is_same_v<T, float> ? DType::Float32 : DType::Float64;
  const size_t n = 40000;
  const std::vector<T> x = wide_inputs<T>(n), y = wide_inputs<T>(n + 13);
  std::vector<T> out(n), ref(n);
#define GRADLAB_UNARY_CASE(name, expr)                                                         \
  {                                                                                            \
    cpu.unary(UnaryOp::name, t, x.data(), out.data(), static_cast<int64_t>(n), 2.5, 0.5);      \
    const UnaryFn<UnaryOp::name> fn{2.5, 0.5};                                                 \
    cpu::unary_in_run<T>(fn, x.data(), ref.data(), 0, static_cast<int64_t>(n), static_cast<int64_t>(n)); \
    size_t bad = 0;                                                                            \
    for (size_t i = 0; i < n; ++i) bad += !same_value(out[i], ref[i]);                         \
    INFO("unary " #name);                                                                      \
    CHECK(bad == 0);                                                                           \
  }
  GRADLAB_UNARY_PRIMITIVES(GRADLAB_UNARY_CASE)
#undef GRADLAB_UNARY_CASE
#define GRADLAB_BINARY_CASE(name, expr)                                                                   \
  {                                                                                                       \
    cpu.binary_same_shape(BinaryOp::name, t, x.data(), y.data() + 13, out.data(), Shape{int64_t(n)}, 2.5); \
    const BinaryFn<BinaryOp::name> fn{2.5};                                                               \
    const T* xs = x.data();                                                                               \
    const T* ys = y.data() + 13;                                                                          \
    cpu::binary_in_run<T>(fn, [xs](int64_t i) { return xs[i]; }, [ys](int64_t i) { return ys[i]; }, ref.data(), 0, \
                          static_cast<int64_t>(n), static_cast<int64_t>(n));                              \
    size_t bad = 0;                                                                                       \
    for (size_t i = 0; i < n; ++i) bad += !same_value(out[i], ref[i]);                                    \
    INFO("binary " #name);                                                                                \
    CHECK(bad == 0);                                                                                      \
  }
  GRADLAB_BINARY_PRIMITIVES(GRADLAB_BINARY_CASE)
#undef GRADLAB_BINARY_CASE
}

TEST_CASE("cpu wide-vector unary and binary primitives give the scalar bits", "[backend]") {
  SECTION("float32") { check_wide_primitives<float>(); }
  SECTION("float64") { check_wide_primitives<double>(); }
}

// tanh has its own lanes in the wasm build (engine/sleef_wasm_simd.h); sweep the whole float32
// range, every 4093rd bit pattern, through the kernel a large tensor takes.
TEST_CASE("cpu float32 tanh kernel gives the scalar bits across the float32 range", "[backend]") {
  Backend& cpu = backend_for(Device{DeviceType::CPU, 0});
  std::vector<float> x;
  for (uint64_t u = 0; u < (uint64_t{1} << 32); u += 4093) {
    float f;
    const uint32_t bits = static_cast<uint32_t>(u);
    std::memcpy(&f, &bits, sizeof f);
    x.push_back(f);
  }
  std::vector<float> out(x.size());
  cpu.unary(UnaryOp::Tanh, DType::Float32, x.data(), out.data(), static_cast<int64_t>(x.size()), 0, 0);
  size_t bad = 0;
  for (size_t i = 0; i < x.size(); ++i) bad += !same_value(out[i], sleef_tanhf(x[i]));
  CHECK(x.size() > 1000000);
  CHECK(bad == 0);
}

// Note [Matmul rounding]: a small product is a chain of fmas, each rounded once, in every build
// (wasm's C library fmaf rounds twice). Each row here is [c, a] · [1, b] with a*b half an ulp
// of c times (1 - 2^-46): exactly c, where a double-rounded last step gives c's even neighbour.
TEST_CASE("cpu small float32 matmul rounds each multiply-add once", "[backend]") {
  Backend& cpu = backend_for(Device{DeviceType::CPU, 0});
  size_t rows = 0, bad = 0;
  for (const gradlab::testing::FmaCase& k : gradlab::testing::fma_cases()) {
    if (k.want != k.want) continue;  // near-tie cases only
    const float a[2] = {k.c, k.a}, b[2] = {1.0f, k.b};
    float c = 0;
    cpu.matmul(DType::Float32, a, b, &c, 1, 1, 2, false, false, false);
    bad += !same_value(c, k.want);
    if (++rows == 2000) break;
  }
  CHECK(rows == 2000);
  CHECK(bad == 0);
}

// Note [Matmul rounding]: the float32 kernels add in the order of OpenBLAS 0.3.21's Haswell
// sgemm, written out here a second way — OpenBLAS's own loops over its column-major view
// (rows = our j, columns = our i), marking the elements its kernel sums with two accumulators.
namespace {
int64_t openblas_block(int64_t rem, int64_t x) {
  if (rem >= 2 * x) return x;
  return rem > x ? ((rem / 2 + 7) / 8) * 8 : rem;
}
void mark_kernel_call(std::vector<char>& two, int64_t rows_total, int64_t r0, int64_t rows, int64_t c0, int64_t cols) {
  auto mark = [&](int64_t ra, int64_t rb, int64_t ca, int64_t cb) {
    for (int64_t c = ca; c < cb; ++c)
      for (int64_t r = ra; r < rb; ++r) two[static_cast<size_t>(c * rows_total + r)] = 1;
  };
  while (cols > 0) {
    const int64_t w = cols > 11 ? 12 : cols > 7 ? 8 : cols > 3 ? 4 : cols > 1 ? 2 : 1;
    const int64_t groups = rows / 8;
    if (w == 4) mark(r0, r0 + 8 * groups, c0, c0 + 4);                     // COMPUTE_m8n4
    if (w == 12 && rows >= 16) {
      mark(r0, r0 + 8, c0, c0 + 6);                                          // COMPUTE_H_m8n6
      int64_t left = rows - 8, pos = 8, side = 0;                            // m16n6 tiles, R then L
      while (left >= 16) left -= 8, pos += 8, side ^= 1;
      mark(r0 + pos, r0 + pos + 8, c0 + 6 * side, c0 + 6 * side + 6);      // COMPUTE_T_m8n6
    }
    cols -= w, c0 += w;
  }
}
// c0, when given, is C's starting value (BLAS beta = 1: addmm's bias); else C starts at +0.
std::vector<float> reference_sgemm(const std::vector<float>& a, const std::vector<float>& b, int64_t m, int64_t n,
                                   int64_t k, bool ta, bool tb, const std::vector<float>* c0 = nullptr) {
  const int64_t rows = n, cols = m;
  std::vector<char> two(static_cast<size_t>(rows * cols), 0);
  const int64_t first = openblas_block(rows, 320);
  for (int64_t c = 0; c < cols;) {  // the driver's first row block: columns in 12s, then 4s
    const int64_t w = cols - c >= 12 ? 12 : (cols - c > 4 ? 4 : cols - c);
    mark_kernel_call(two, rows, 0, first, c, w);
    c += w;
  }
  for (int64_t r = first, h; r < rows; r += h) {
    h = openblas_block(rows - r, 320);
    mark_kernel_call(two, rows, r, h, 0, cols);
  }
  std::vector<float> out(static_cast<size_t>(m * n));
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      float sum = c0 ? (*c0)[static_cast<size_t>(i * n + j)] : 0.0f;
      for (int64_t p0 = 0, kc; p0 < k; p0 += kc) {
        kc = openblas_block(k - p0, 320);
        float acc[2] = {0.0f, 0.0f};
        for (int64_t p = p0; p < p0 + kc; ++p) {
          const float x = ta ? a[static_cast<size_t>(p * m + i)] : a[static_cast<size_t>(i * k + p)];
          const float y = tb ? b[static_cast<size_t>(j * k + p)] : b[static_cast<size_t>(p * n + j)];
          const bool odd = two[static_cast<size_t>(i * rows + j)] && p - p0 < kc / 8 * 8 && ((p - p0) & 1);
          acc[odd] = std::fma(x, y, acc[odd]);
        }
        sum = (acc[0] + acc[1]) + sum;
      }
      out[static_cast<size_t>(i * n + j)] = sum;
    }
  return out;
}
}  // namespace

TEST_CASE("cpu float32 matmul adds in the reference OpenBLAS's order", "[backend]") {
  struct Size { int64_t m, n, k; };
  // Small (one fma chain, or OpenBLAS's split 8-row tiles: 8×8×64), the AVX2 kernel's sizes with
  // partial tiles, k cut into blocks (700 -> 352 + 348, 1000 -> 320 + 344 + 336), more than 640
  // columns (two row blocks of OpenBLAS), and W3's 512³.
  const std::vector<Size> sizes = {{3, 3, 3},    {1, 7, 9},     {8, 8, 64},    {5, 12, 60},   {37, 29, 100},
                                   {24, 40, 17}, {100, 50, 700}, {13, 700, 9}, {7, 9, 1000},  {64, 64, 64},
                                   {512, 512, 512}};
  uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<float>(static_cast<int32_t>(seed >> 8) - (1 << 23)) * 0x1p-22f;
  };
  for (const Size& s : sizes) {
    for (int flags = 0; flags < 4; ++flags) {
      const bool ta = flags & 1, tb = flags & 2;
      INFO("m=" << s.m << " n=" << s.n << " k=" << s.k << " trans_a=" << ta << " trans_b=" << tb);
      if (!cpu::sgemm_follows_reference(s.m, s.n, s.k)) {
        WARN("the built-in kernel does not promise this size here (no AVX2 + FMA, or wasm)");
        continue;
      }
      std::vector<float> a(static_cast<size_t>(s.m * s.k)), b(static_cast<size_t>(s.k * s.n));
      for (float& x : a) x = next();
      for (float& x : b) x = next();
      std::vector<float> got(static_cast<size_t>(s.m * s.n), -1.0f);
      cpu::gemm<float>(a.data(), b.data(), got.data(), s.m, s.n, s.k, ta, tb);
      const std::vector<float> want = reference_sgemm(a, b, s.m, s.n, s.k, ta, tb);
      size_t bad = 0;
      for (size_t i = 0; i < got.size(); ++i) bad += !same_value(got[i], want[i]);
      CHECK(bad == 0);
    }
  }
  CHECK(cpu::sgemm_follows_reference(8, 8, 64));
  // accumulate (beta = 1, addmm): each k block's sum is added onto C as it stands
  for (const Size& s : sizes) {
    const bool ta = s.k % 2 == 1, tb = s.m % 2 == 0;
    INFO("accumulate m=" << s.m << " n=" << s.n << " k=" << s.k << " trans_a=" << ta << " trans_b=" << tb);
    if (!cpu::sgemm_follows_reference(s.m, s.n, s.k)) continue;
    std::vector<float> a(static_cast<size_t>(s.m * s.k)), b(static_cast<size_t>(s.k * s.n)), c0(static_cast<size_t>(s.m * s.n));
    for (float& x : a) x = next();
    for (float& x : b) x = next();
    for (float& x : c0) x = next() * 100.0f;
    std::vector<float> got = c0;
    cpu::gemm<float>(a.data(), b.data(), got.data(), s.m, s.n, s.k, ta, tb, true);
    const std::vector<float> want = reference_sgemm(a, b, s.m, s.n, s.k, ta, tb, &c0);
    size_t bad = 0;
    for (size_t i = 0; i < got.size(); ++i) bad += !same_value(got[i], want[i]);
    CHECK(bad == 0);
  }
#if defined(__x86_64__) && !defined(__EMSCRIPTEN__)
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) CHECK(cpu::sgemm_follows_reference(512, 512, 512));
#endif
}

// Note [Float64 matmul rounding]: gemm<double> against PyTorch 1.13.1 on OpenBLAS 0.3.21 (Haswell
// dgemm), as hashes of the result bits that tests/cpp/dgemm_reference.py prints. The shapes cover
// one-column tiles with four accumulators (odd m), k cut into blocks (300 -> 152 + 148, 600 ->
// 256 + 172 + 172, 513, 700 -> 352 + 348), more than 512 columns (GEMM_P row blocks of OpenBLAS),
// one-column products (PyTorch's column-major m×1 output), transposed operands, and addmm's
// beta = 1 onto a bias.
TEST_CASE("cpu float64 matmul rounds like PyTorch's OpenBLAS dgemm", "[backend]") {
  struct Case {
    int64_t m, n, k;
    bool ta, tb, accumulate;
    uint64_t hash;
  };
  const std::vector<Case> cases = {
      {9, 5, 9, false, false, false, 0x15395e12032512caull},
      {1, 9, 40, false, false, false, 0x4f4b3523e4fbd0deull},
      {11, 7, 40, true, false, false, 0x1ab377a4e7a8af66ull},
      {25, 13, 70, false, true, false, 0x122ce50d71c171c5ull},
      {33, 70, 17, true, true, false, 0x50144ef44b8b184aull},
      {8, 3, 300, false, false, false, 0x269903e9b8a4edaaull},
      {5, 17, 600, true, false, true, 0x32f6250da65d4ab9ull},
      {3, 1030, 5, false, false, false, 0xea5fc1cce5e32b16ull},
      {1, 1, 700, false, false, false, 0x93571be65099d6d0ull},
      {70, 70, 70, false, false, true, 0xeb2adcb777b04ec6ull},
      {49, 33, 513, true, true, true, 0x309b846cbd913ed0ull},
      {27, 600, 30, false, true, false, 0x0faf37a2dcf8ba37ull},
      {57, 9, 8, false, false, false, 0x77e4ce993f9613a8ull},
      {2, 2, 1, true, true, true, 0x5b328e407227d962ull},
      {37, 1, 40, false, false, false, 0x72e3c6158b2a253full},
      {1030, 1, 300, true, false, true, 0x3a1323cbbb634faeull},
  };
  uint64_t state = 0x2545F4914F6CDD1Dull;
  auto values = [&state](int64_t count, double scale) {
    std::vector<double> out(static_cast<size_t>(count));
    for (double& x : out) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      x = scale * (static_cast<double>(state >> 11) * 0x1p-53 - 0.5);
    }
    return out;
  };
  auto fnv1a = [](const std::vector<double>& xs) {
    uint64_t h = 0xCBF29CE484222325ull;
    for (double x : xs) {
      uint64_t bits;
      std::memcpy(&bits, &x, sizeof bits);
      for (int byte = 0; byte < 8; ++byte) h = (h ^ ((bits >> (8 * byte)) & 0xFF)) * 0x100000001B3ull;
    }
    return h;
  };
  for (const Case& t : cases) {
    INFO("m=" << t.m << " n=" << t.n << " k=" << t.k << " trans_a=" << t.ta << " trans_b=" << t.tb
              << " accumulate=" << t.accumulate);
    const std::vector<double> a = values(t.m * t.k, 1.0), b = values(t.k * t.n, 1.0);
    std::vector<double> c = t.accumulate ? values(t.m * t.n, 4.0) : std::vector<double>(static_cast<size_t>(t.m * t.n), -1.0);
    if (!cpu::sgemm_follows_reference(t.m, t.n, t.k)) {
      WARN("the built-in kernel does not promise this size here (no AVX2 + FMA, or wasm)");
      continue;
    }
    cpu::gemm<double>(a.data(), b.data(), c.data(), t.m, t.n, t.k, t.ta, t.tb, t.accumulate);
    CHECK(fnv1a(c) == t.hash);
  }
}
