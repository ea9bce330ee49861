// See gemm.h. Block sizes are chosen so that a packed B panel stays in L2 and an A block in L1.
#include "engine/backend/cpu/gemm.h"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <cstring>
#include <utility>
#include <vector>

#include "engine/backend/cpu/dgemm_order.h"
#include "engine/backend/cpu/gemm_order.h"
#include "engine/scalar_math.h"

#if defined(__x86_64__) && !defined(__EMSCRIPTEN__) && (defined(__GNUC__) || defined(__clang__))
#define GRADLAB_SGEMM_AVX2 1
#define GRADLAB_UNROLL _Pragma("GCC unroll 8")
#include <immintrin.h>
#else
#define GRADLAB_SGEMM_AVX2 0
#endif

namespace gradlab::cpu {
namespace {

constexpr int64_t kMR = 4;    // rows of C per micro-kernel
constexpr int64_t kNR = 16;   // columns of C per micro-kernel (4 SIMD128 float lanes × 4)
constexpr int64_t kKC = 256;
constexpr int64_t kMC = 64;
constexpr int64_t kNC = 1024;

// Element (i, j) of op(X) where X is stored row-major with `cols` columns.
template <class T>
inline T at(const T* x, int64_t cols, bool trans, int64_t i, int64_t j) {
  return trans ? x[j * cols + i] : x[i * cols + j];
}

// Packs op(B)[p0:p0+kc, j0:j0+nc] into panels of NR columns, zero-padded.
template <int64_t NR, class T>
void pack_b_panels(const T* b, int64_t ldb, bool trans_b, int64_t p0, int64_t kc, int64_t j0, int64_t nc, T* out) {
  for (int64_t jp = 0; jp < nc; jp += NR) {
    int64_t w = std::min(NR, nc - jp);
    for (int64_t p = 0; p < kc; ++p) {
      T* dst = out + (jp * kc) + p * NR;
      if (!trans_b && w == NR) {
        std::memcpy(dst, b + (p0 + p) * ldb + j0 + jp, sizeof(T) * NR);
      } else {
        for (int64_t j = 0; j < w; ++j) dst[j] = at(b, ldb, trans_b, p0 + p, j0 + jp + j);
        for (int64_t j = w; j < NR; ++j) dst[j] = T(0);
      }
    }
  }
}

// Packs op(A)[i0:i0+mc, p0:p0+kc] into panels of MR rows, zero-padded.
template <int64_t MR, class T>
void pack_a_panels(const T* a, int64_t lda, bool trans_a, int64_t i0, int64_t mc, int64_t p0, int64_t kc, T* out) {
  for (int64_t ip = 0; ip < mc; ip += MR) {
    int64_t h = std::min(MR, mc - ip);
    for (int64_t p = 0; p < kc; ++p) {
      T* dst = out + ip * kc + p * MR;
      for (int64_t i = 0; i < h; ++i) dst[i] = at(a, lda, trans_a, i0 + ip + i, p0 + p);
      for (int64_t i = h; i < MR; ++i) dst[i] = T(0);
    }
  }
}

// acc[MR][NR] += packed_a[kc][MR] · packed_b[kc][NR]; the fixed trip counts let the compiler
// keep the accumulators in vector registers.
template <class T>
inline void micro_kernel(int64_t kc, const T* __restrict pa, const T* __restrict pb, T* __restrict c, int64_t ldc,
                         int64_t h, int64_t w, bool accumulate) {
  T acc[kMR][kNR] = {};
  for (int64_t p = 0; p < kc; ++p) {
    const T* bp = pb + p * kNR;
    const T* ap = pa + p * kMR;
    for (int64_t i = 0; i < kMR; ++i) {
      T ai = ap[i];
      for (int64_t j = 0; j < kNR; ++j) acc[i][j] += ai * bp[j];
    }
  }
  for (int64_t i = 0; i < h; ++i) {
    T* row = c + i * ldc;
    if (accumulate) {
      for (int64_t j = 0; j < w; ++j) row[j] += acc[i][j];
    } else {
      for (int64_t j = 0; j < w; ++j) row[j] = acc[i][j];
    }
  }
}

// The portable blocked kernel: double and int64 always; float32 in wasm and on x86-64 CPUs
// without FMA for products too large for sgemm_scalar (a product of separately rounded
// multiply and add, blocked by kKC: not PyTorch's rounding, see Note [Matmul rounding]).
template <class T>
void gemm_generic(const T* a, const T* b, T* c, int64_t m, int64_t n, int64_t k, bool trans_a, bool trans_b,
                  bool accumulate) {
  if (m == 0 || n == 0) return;
  if (k == 0) {
    if (!accumulate) std::fill(c, c + m * n, T(0));
    return;
  }
  const int64_t lda = trans_a ? m : k;
  const int64_t ldb = trans_b ? k : n;
  // Tiny products (scalars, the seed's 3×3): skip packing, it would dominate.
  if (m * n * k <= 4096) {
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j) {
        T s = 0;
        for (int64_t p = 0; p < k; ++p) s = scalar_fma(at(a, lda, trans_a, i, p), at(b, ldb, trans_b, p, j), s);
        c[i * n + j] = accumulate ? s + c[i * n + j] : s;
      }
    return;
  }
  thread_local std::vector<T> packed_a, packed_b;
  packed_b.resize(static_cast<size_t>(kKC * ((std::min(n, kNC) + kNR - 1) / kNR * kNR)));
  packed_a.resize(static_cast<size_t>(kKC * ((std::min(m, kMC) + kMR - 1) / kMR * kMR)));
  for (int64_t j0 = 0; j0 < n; j0 += kNC) {
    int64_t nc = std::min(kNC, n - j0);
    for (int64_t p0 = 0; p0 < k; p0 += kKC) {
      int64_t kc = std::min(kKC, k - p0);
      pack_b_panels<kNR>(b, ldb, trans_b, p0, kc, j0, nc, packed_b.data());
      for (int64_t i0 = 0; i0 < m; i0 += kMC) {
        int64_t mc = std::min(kMC, m - i0);
        pack_a_panels<kMR>(a, lda, trans_a, i0, mc, p0, kc, packed_a.data());
        for (int64_t jp = 0; jp < nc; jp += kNR) {
          for (int64_t ip = 0; ip < mc; ip += kMR) {
            micro_kernel(kc, packed_a.data() + ip * kc, packed_b.data() + jp * kc, c + (i0 + ip) * n + j0 + jp, n,
                         std::min(kMR, mc - ip), std::min(kNR, nc - jp), accumulate || p0 > 0);
          }
        }
      }
    }
  }
}

// Note [Matmul rounding], written out one element at a time: every build, any CPU. The
// definition the vector kernel follows, and fast enough for small products.
void sgemm_scalar(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k, bool trans_a,
                  bool trans_b, bool accumulate) {
  const int64_t lda = trans_a ? m : k, ldb = trans_b ? k : n;
  const std::vector<sgemm_order::SplitTile> tiles = sgemm_order::split_tiles(m, n);  // none for tiny ones
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      const bool two = std::any_of(tiles.begin(), tiles.end(), [&](const sgemm_order::SplitTile& t) {
        return t.i0 <= i && i < t.i1 && t.j0 <= j && j < t.j1;
      });
      float sum = accumulate ? c[i * n + j] : 0.0f;  // beta = 1: C starts as it is
      for (int64_t p0 = 0, kc; p0 < k; p0 += kc) {
        kc = sgemm_order::next_block(k - p0, sgemm_order::kQ);
        const int64_t paired = two ? kc / 8 * 8 : 0;  // the k's the 8-at-a-time loop alternates
        float even = 0.0f, odd = 0.0f;
        for (int64_t p = 0; p < kc; ++p) {
          const float x = at(a, lda, trans_a, i, p0 + p), y = at(b, ldb, trans_b, p0 + p, j);
          if (p < paired && (p & 1)) {
            odd = scalar_fma(x, y, odd);
          } else {
            even = scalar_fma(x, y, even);
          }
        }
        sum = (even + odd) + sum;
      }
      c[i * n + j] = sum;
    }
}

// Note [Float64 matmul rounding]: per k block, one row of C at a time, each element a chain
// of fmas in k order (row[j] over the block's op(B) rows, so the loop over j vectorises), then
// the few four-accumulator elements are summed again their way, then C = acc + C.
// `rows_kernel` runs row[0..n) = sum over p < kc of arow[p]·bt[p·n + j], each from +0.
template <class RowsKernel>
void dgemm_ordered(const double* a, const double* b, double* c, int64_t m, int64_t n, int64_t k, bool trans_a,
                   bool trans_b, bool accumulate, RowsKernel rows_kernel) {
  if (k == 0) {  // BLAS still applies beta
    if (!accumulate) std::fill(c, c + m * n, 0.0);
    return;
  }
  const int64_t lda = trans_a ? m : k, ldb = trans_b ? k : n;
  std::vector<std::vector<std::pair<int64_t, int64_t>>> runs(static_cast<size_t>(m));  // per row i: [j0, j1)
  for (const dgemm_order::SplitRun& r : dgemm_order::split_runs(m, n)) runs[static_cast<size_t>(r.i)].push_back({r.j0, r.j1});
  thread_local std::vector<double> bt, arow, row;
  row.resize(static_cast<size_t>(n));
  for (int64_t p0 = 0, kc; p0 < k; p0 += kc) {
    kc = dgemm_order::next_block(k - p0, dgemm_order::kQ);
    bt.resize(static_cast<size_t>(kc * n));
    arow.resize(static_cast<size_t>(kc));
    for (int64_t p = 0; p < kc; ++p) {
      if (!trans_b) {
        std::memcpy(bt.data() + p * n, b + (p0 + p) * ldb, sizeof(double) * static_cast<size_t>(n));
      } else {
        for (int64_t j = 0; j < n; ++j) bt[static_cast<size_t>(p * n + j)] = b[j * ldb + p0 + p];
      }
    }
    const bool from_zero = p0 == 0 && !accumulate;  // BLAS beta = 0 zeroes C first
    for (int64_t i = 0; i < m; ++i) {
      for (int64_t p = 0; p < kc; ++p) arow[static_cast<size_t>(p)] = at(a, lda, trans_a, i, p0 + p);
      rows_kernel(kc, arow.data(), bt.data(), n, row.data());
      const int64_t paired = kc / 8 * 8;  // the k's KERNEL4x1's 8-at-a-time loop deals round
      for (const auto& [j0, j1] : runs[static_cast<size_t>(i)])
        for (int64_t j = j0; j < j1; ++j) {
          double q[4] = {0.0, 0.0, 0.0, 0.0};
          for (int64_t p = 0; p < kc; ++p) {
            double& acc = q[p < paired ? p % 4 : 0];
            acc = scalar_fma(arow[static_cast<size_t>(p)], bt[static_cast<size_t>(p * n + j)], acc);
          }
          row[static_cast<size_t>(j)] = (q[0] + q[1]) + (q[2] + q[3]);
        }
      double* ci = c + i * n;
      for (int64_t j = 0; j < n; ++j) ci[j] = row[static_cast<size_t>(j)] + (from_zero ? 0.0 : ci[j]);
    }
  }
}

void dgemm_rows_portable(int64_t kc, const double* arow, const double* bt, int64_t n, double* row) {
  std::fill(row, row + n, 0.0);
  for (int64_t p = 0; p < kc; ++p) {
    const double x = arow[p];
    const double* bp = bt + p * n;
    for (int64_t j = 0; j < n; ++j) row[j] = scalar_fma(x, bp[j], row[j]);
  }
}

#if GRADLAB_SGEMM_AVX2
// Note [Matmul rounding] at vector speed, compiled for AVX2 + FMA and chosen at run time (the
// native build targets baseline x86-64). A Goto/BLIS kernel whose k blocks are OpenBLAS's: per
// block, each element of a 6×16 tile is one fma chain in k order, then C = acc + C. A tile that
// holds elements of a split tile also runs the two-accumulator sums and takes those from them.
constexpr int64_t kMR6 = 6, kNR16 = 16, kMC6 = 96, kNC16 = 2048;

// acc = one fma chain per element over the packed kc × (6 × 16) panels.
__attribute__((target("avx2,fma"))) inline void sgemm_chain_avx2(int64_t kc, const float* __restrict pa,
                                                                 const float* __restrict pb, __m256 (&acc)[kMR6][2]) {
  GRADLAB_UNROLL
  for (int64_t r = 0; r < kMR6; ++r) acc[r][0] = acc[r][1] = _mm256_setzero_ps();
  for (int64_t p = 0; p < kc; ++p) {
    const __m256 b0 = _mm256_loadu_ps(pb + p * kNR16), b1 = _mm256_loadu_ps(pb + p * kNR16 + 8);
    GRADLAB_UNROLL
    for (int64_t r = 0; r < kMR6; ++r) {
      const __m256 x = _mm256_broadcast_ss(pa + p * kMR6 + r);
      acc[r][0] = _mm256_fmadd_ps(x, b0, acc[r][0]);
      acc[r][1] = _mm256_fmadd_ps(x, b1, acc[r][1]);
    }
  }
}

// The split tiles' sums over the same panels, 8 columns (half) at a time: even and odd k of
// the 8-at-a-time part alternate, the tail goes to the even sum, then even + odd.
__attribute__((target("avx2,fma"))) void sgemm_split_avx2(int64_t kc, const float* __restrict pa,
                                                          const float* __restrict pb, float (*out)[kNR16]) {
  const int64_t paired = kc / 8 * 8;
  for (int64_t half = 0; half < 2; ++half) {
    const float* bp = pb + half * 8;
    __m256 even[kMR6], odd[kMR6];
    GRADLAB_UNROLL
    for (int64_t r = 0; r < kMR6; ++r) even[r] = odd[r] = _mm256_setzero_ps();
    int64_t p = 0;
    for (; p < paired; p += 2) {
      const __m256 b0 = _mm256_loadu_ps(bp + p * kNR16), b1 = _mm256_loadu_ps(bp + (p + 1) * kNR16);
      GRADLAB_UNROLL
      for (int64_t r = 0; r < kMR6; ++r) {
        even[r] = _mm256_fmadd_ps(_mm256_broadcast_ss(pa + p * kMR6 + r), b0, even[r]);
        odd[r] = _mm256_fmadd_ps(_mm256_broadcast_ss(pa + (p + 1) * kMR6 + r), b1, odd[r]);
      }
    }
    for (; p < kc; ++p) {
      const __m256 b0 = _mm256_loadu_ps(bp + p * kNR16);
      GRADLAB_UNROLL
      for (int64_t r = 0; r < kMR6; ++r) even[r] = _mm256_fmadd_ps(_mm256_broadcast_ss(pa + p * kMR6 + r), b0, even[r]);
    }
    GRADLAB_UNROLL
    for (int64_t r = 0; r < kMR6; ++r) _mm256_storeu_ps(out[r] + half * 8, _mm256_add_ps(even[r], odd[r]));
  }
}

// One 6×16 tile of C (h × w of it inside C) for one k block: C = acc + C, or acc + 0 for the
// first block. `split` marks the elements of split tiles (row stride ld_split), or is null.
__attribute__((target("avx2,fma"))) void sgemm_tile_avx2(int64_t kc, const float* __restrict pa,
                                                         const float* __restrict pb, float* __restrict c, int64_t ldc,
                                                         int64_t h, int64_t w, bool first, const uint8_t* split,
                                                         int64_t ld_split) {
  __m256 acc[kMR6][2];
  sgemm_chain_avx2(kc, pa, pb, acc);
  bool any_split = false;
  if (split) {
    for (int64_t r = 0; r < h && !any_split; ++r)
      for (int64_t j = 0; j < w; ++j) any_split |= split[r * ld_split + j] != 0;
  }
  if (h == kMR6 && w == kNR16 && !any_split) {
    GRADLAB_UNROLL
    for (int64_t r = 0; r < kMR6; ++r) {
      float* row = c + r * ldc;
      const __m256 c0 = first ? _mm256_setzero_ps() : _mm256_loadu_ps(row);
      const __m256 c1 = first ? _mm256_setzero_ps() : _mm256_loadu_ps(row + 8);
      _mm256_storeu_ps(row, _mm256_add_ps(acc[r][0], c0));
      _mm256_storeu_ps(row + 8, _mm256_add_ps(acc[r][1], c1));
    }
    return;
  }
  alignas(32) float tile[kMR6][kNR16];
  GRADLAB_UNROLL
  for (int64_t r = 0; r < kMR6; ++r) {
    _mm256_store_ps(tile[r], acc[r][0]);
    _mm256_store_ps(tile[r] + 8, acc[r][1]);
  }
  alignas(32) float two[kMR6][kNR16];
  if (any_split) sgemm_split_avx2(kc, pa, pb, two);
  for (int64_t r = 0; r < h; ++r)
    for (int64_t j = 0; j < w; ++j) {
      const float sum = any_split && split[r * ld_split + j] ? two[r][j] : tile[r][j];
      c[r * ldc + j] = sum + (first ? 0.0f : c[r * ldc + j]);
    }
}

__attribute__((target("avx2,fma"))) void sgemm_avx2(const float* a, const float* b, float* c, int64_t m, int64_t n,
                                                    int64_t k, bool trans_a, bool trans_b, bool accumulate) {
  const int64_t lda = trans_a ? m : k, ldb = trans_b ? k : n;
  thread_local std::vector<float> packed_a, packed_b;
  thread_local std::vector<uint8_t> split;
  split.assign(static_cast<size_t>(m * n), 0);
  for (const sgemm_order::SplitTile& t : sgemm_order::split_tiles(m, n))
    for (int64_t i = t.i0; i < t.i1; ++i) std::fill_n(split.begin() + i * n + t.j0, t.j1 - t.j0, uint8_t{1});
  packed_b.resize(static_cast<size_t>(sgemm_order::kQ * ((std::min(n, kNC16) + kNR16 - 1) / kNR16 * kNR16)));
  packed_a.resize(static_cast<size_t>(sgemm_order::kQ * ((std::min(m, kMC6) + kMR6 - 1) / kMR6 * kMR6)));
  for (int64_t j0 = 0; j0 < n; j0 += kNC16) {
    const int64_t nc = std::min(kNC16, n - j0);
    for (int64_t p0 = 0, kc; p0 < k; p0 += kc) {
      kc = sgemm_order::next_block(k - p0, sgemm_order::kQ);
      pack_b_panels<kNR16>(b, ldb, trans_b, p0, kc, j0, nc, packed_b.data());
      for (int64_t i0 = 0; i0 < m; i0 += kMC6) {
        const int64_t mc = std::min(kMC6, m - i0);
        pack_a_panels<kMR6>(a, lda, trans_a, i0, mc, p0, kc, packed_a.data());
        for (int64_t jp = 0; jp < nc; jp += kNR16) {
          for (int64_t ip = 0; ip < mc; ip += kMR6) {
            const int64_t at_c = (i0 + ip) * n + j0 + jp;
            sgemm_tile_avx2(kc, packed_a.data() + ip * kc, packed_b.data() + jp * kc, c + at_c, n,
                            std::min(kMR6, mc - ip), std::min(kNR16, nc - jp), p0 == 0 && !accumulate, split.data() + at_c,
                            n);
          }
        }
      }
    }
  }
}

// dgemm_rows_portable with AVX2 + FMA: 16 columns at a time in registers, then 4, then one.
__attribute__((target("avx2,fma"))) void dgemm_rows_avx2(int64_t kc, const double* arow, const double* bt, int64_t n,
                                                         double* row) {
  int64_t j = 0;
  for (; j + 16 <= n; j += 16) {
    __m256d acc[4] = {_mm256_setzero_pd(), _mm256_setzero_pd(), _mm256_setzero_pd(), _mm256_setzero_pd()};
    for (int64_t p = 0; p < kc; ++p) {
      const __m256d x = _mm256_broadcast_sd(arow + p);
      const double* bp = bt + p * n + j;
      GRADLAB_UNROLL
      for (int q = 0; q < 4; ++q) acc[q] = _mm256_fmadd_pd(x, _mm256_loadu_pd(bp + 4 * q), acc[q]);
    }
    GRADLAB_UNROLL
    for (int q = 0; q < 4; ++q) _mm256_storeu_pd(row + j + 4 * q, acc[q]);
  }
  for (; j + 4 <= n; j += 4) {
    __m256d acc = _mm256_setzero_pd();
    for (int64_t p = 0; p < kc; ++p) acc = _mm256_fmadd_pd(_mm256_broadcast_sd(arow + p), _mm256_loadu_pd(bt + p * n + j), acc);
    _mm256_storeu_pd(row + j, acc);
  }
  for (; j < n; ++j) {
    __m128d acc = _mm_setzero_pd();
    for (int64_t p = 0; p < kc; ++p) acc = _mm_fmadd_sd(_mm_load_sd(arow + p), _mm_load_sd(bt + p * n + j), acc);
    row[j] = _mm_cvtsd_f64(acc);
  }
}
#endif

}  // namespace

template <class T>
void gemm(const T* a, const T* b, T* c, int64_t m, int64_t n, int64_t k, bool trans_a, bool trans_b, bool accumulate) {
  gemm_generic(a, b, c, m, n, k, trans_a, trans_b, accumulate);
}

bool cpu_has_avx2_fma() {
#if GRADLAB_SGEMM_AVX2
  static const bool yes = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return yes;
#else
  return false;
#endif
}

bool sgemm_follows_reference(int64_t m, int64_t n, int64_t k) { return m * n * k <= kReferenceOrderGemm || cpu_has_avx2_fma(); }

const char* sgemm_large_kernel() { return cpu_has_avx2_fma() ? "AVX2 + FMA" : "portable"; }

template <>
void gemm<float>(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k, bool trans_a,
                 bool trans_b, bool accumulate) {
  if (m == 0 || n == 0) return;
  if (is_small_gemm(m, n, k)) return sgemm_scalar(a, b, c, m, n, k, trans_a, trans_b, accumulate);
#if GRADLAB_SGEMM_AVX2
  if (cpu_has_avx2_fma()) return sgemm_avx2(a, b, c, m, n, k, trans_a, trans_b, accumulate);
#endif
  if (m * n * k <= kReferenceOrderGemm) return sgemm_scalar(a, b, c, m, n, k, trans_a, trans_b, accumulate);
  gemm_generic(a, b, c, m, n, k, trans_a, trans_b, accumulate);
}

// Note [Float64 matmul rounding]: the reference order wherever sgemm's is promised (the same
// sizes: every size with AVX2 + FMA, smaller ones elsewhere), else the portable kernel.
template <>
void gemm<double>(const double* a, const double* b, double* c, int64_t m, int64_t n, int64_t k, bool trans_a,
                  bool trans_b, bool accumulate) {
  if (m == 0 || n == 0) return;
#if GRADLAB_SGEMM_AVX2
  if (cpu_has_avx2_fma()) return dgemm_ordered(a, b, c, m, n, k, trans_a, trans_b, accumulate, dgemm_rows_avx2);
#endif
  if (m * n * k <= kReferenceOrderGemm)
    return dgemm_ordered(a, b, c, m, n, k, trans_a, trans_b, accumulate, dgemm_rows_portable);
  gemm_generic(a, b, c, m, n, k, trans_a, trans_b, accumulate);
}

template void gemm<int64_t>(const int64_t*, const int64_t*, int64_t*, int64_t, int64_t, int64_t, bool, bool, bool);

}  // namespace gradlab::cpu
