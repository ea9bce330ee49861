// See gemm.h. Block sizes are chosen so that a packed B panel stays in L2 and an A block in L1.
#include "engine/backend/cpu/gemm.h"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <cstring>
#include <vector>

#include "engine/scalar_math.h"

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

// Packs op(B)[p0:p0+kc, j0:j0+nc] into panels of kNR columns, zero-padded.
template <class T>
void pack_b(const T* b, int64_t ldb, bool trans_b, int64_t p0, int64_t kc, int64_t j0, int64_t nc, T* out) {
  for (int64_t jp = 0; jp < nc; jp += kNR) {
    int64_t w = std::min(kNR, nc - jp);
    for (int64_t p = 0; p < kc; ++p) {
      T* dst = out + (jp * kc) + p * kNR;
      if (!trans_b && w == kNR) {
        std::memcpy(dst, b + (p0 + p) * ldb + j0 + jp, sizeof(T) * kNR);
      } else {
        for (int64_t j = 0; j < w; ++j) dst[j] = at(b, ldb, trans_b, p0 + p, j0 + jp + j);
        for (int64_t j = w; j < kNR; ++j) dst[j] = T(0);
      }
    }
  }
}

// Packs op(A)[i0:i0+mc, p0:p0+kc] into panels of kMR rows, zero-padded.
template <class T>
void pack_a(const T* a, int64_t lda, bool trans_a, int64_t i0, int64_t mc, int64_t p0, int64_t kc, T* out) {
  for (int64_t ip = 0; ip < mc; ip += kMR) {
    int64_t h = std::min(kMR, mc - ip);
    for (int64_t p = 0; p < kc; ++p) {
      T* dst = out + ip * kc + p * kMR;
      for (int64_t i = 0; i < h; ++i) dst[i] = at(a, lda, trans_a, i0 + ip + i, p0 + p);
      for (int64_t i = h; i < kMR; ++i) dst[i] = T(0);
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

}  // namespace

template <class T>
void gemm(const T* a, const T* b, T* c, int64_t m, int64_t n, int64_t k, bool trans_a, bool trans_b) {
  if (m == 0 || n == 0) return;
  if (k == 0) {
    std::fill(c, c + m * n, T(0));
    return;
  }
  const int64_t lda = trans_a ? m : k;
  const int64_t ldb = trans_b ? k : n;
  // Tiny products (scalars, the seed's 3×3): skip packing, it would dominate.
  // Note [Matmul rounding]: each dot product is a chain of fused multiply-adds over k, in order
  // — what OpenBLAS's FMA kernels (Haswell and later, which made PyTorch's golden outputs) do —
  // so float32 results round exactly like PyTorch's, on every machine and in wasm alike.
  if (m * n * k <= 4096) {
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j) {
        T s = 0;
        for (int64_t p = 0; p < k; ++p) {
          s = scalar_fma(at(a, lda, trans_a, i, p), at(b, ldb, trans_b, p, j), s);
        }
        c[i * n + j] = s;
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
      pack_b(b, ldb, trans_b, p0, kc, j0, nc, packed_b.data());
      for (int64_t i0 = 0; i0 < m; i0 += kMC) {
        int64_t mc = std::min(kMC, m - i0);
        pack_a(a, lda, trans_a, i0, mc, p0, kc, packed_a.data());
        for (int64_t jp = 0; jp < nc; jp += kNR) {
          for (int64_t ip = 0; ip < mc; ip += kMR) {
            micro_kernel(kc, packed_a.data() + ip * kc, packed_b.data() + jp * kc, c + (i0 + ip) * n + j0 + jp, n,
                         std::min(kMR, mc - ip), std::min(kNR, nc - jp), p0 > 0);
          }
        }
      }
    }
  }
}

template void gemm<float>(const float*, const float*, float*, int64_t, int64_t, int64_t, bool, bool);
template void gemm<double>(const double*, const double*, double*, int64_t, int64_t, int64_t, bool, bool);
template void gemm<int64_t>(const int64_t*, const int64_t*, int64_t*, int64_t, int64_t, int64_t, bool, bool);

}  // namespace gradlab::cpu
