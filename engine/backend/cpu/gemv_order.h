// Note [Matrix-vector rounding]
// PyTorch's dot and mv (and matmul's 1-D @ 1-D, 2-D @ 1-D and the folded N-D @ 1-D and
// 1-D @ N-D, and mv's gradient Aᵀ·g) are BLAS level 1 and 2 calls, not gemm: at::dot is
// sdot_/ddot_, at::mv is addmv with beta = 0, alpha = 1, which calls gemv('t', cols, rows, A,
// stride(0), x, incx) for a row-major A (stride(1) == 1) and gemv('n', rows, cols, A, stride(1),
// x, incx) for a column-major one (stride(0) == 1: a transposed view), a contiguous copy then
// 't' otherwise; gemv with an m×1 A takes lda = m.
// PyTorch skips BLAS where gemv's x has stride 0 (an expanded vector): then a plain loop adds
// the products in order, each rounded (`naive`). The reference is OpenBLAS 0.3.21's Haswell
// kernels, one thread (sdot.c, ddot.c, sgemv_{n,t}_4.c, dgemv_{n,t}_4.c with their haswell
// microkernels). The assembly fuses where it says vfmadd; of the C loops around it, tested
// against the library, only dgemv_t's tail is contracted (`y += a*b + c*d` as
// y + fma(a, b, c*d)), the others round every product. alpha = 1 multiplies exactly and beta = 0
// starts y at +0.
// In OpenBLAS's column-major terms, A is m×n with column j at a + j·lda:
//  - gemv 't' (y[j] = column j · x): the m rows are cut into chunks of NBMAX (4096 float, 2048
//    double) and a last chunk of the rest rounded down to 4; each chunk's sum is added onto
//    y[j]; then the last m mod 4 rows are added by a C expression. The columns go in 4s (vector
//    fma lanes: float 8 lanes, each taking every 8th k after a lead of (chunk length & 4) k's;
//    double 4 lanes, k mod 4; lanes summed halves-first), then a 2 (SSE, separate multiply and
//    add; float 4 lanes, double 2) and a 1 (SSE, two registers alternating by 4 (float) or 2
//    (double) k's).
//  - gemv 'n' (y[i] = row i · x): the m rows are chunked as above; within a chunk the columns go
//    in groups (float: 8s, then 4, 2, 1 with unit incx; 4s then 1s otherwise. double: 4s, then 2
//    and 1 with unit incx; 4s then 1s otherwise); each group adds its partial sum onto y[i]. The
//    last m mod 4 rows are each one sum over all columns (in pairs with lda = m and unit incx).
//  - dot: float 32 fma lanes over n rounded down to 32, summed registers-first, then the rest
//    added in double to the lanes' sum (strided: pairs, in double); double 16 lanes over n rounded
//    down to 16 and the rest added one by one (strided: two sums of pairs).
// Not modelled: OpenBLAS's threaded splits (the reference runs one thread).
// gemv.cpp runs this model (portably, and the same source compiled for AVX2 + FMA: the same
// bits). Checked bit for bit against libopenblas 0.3.21 (OPENBLAS_CORETYPE=Haswell, one thread)
// through ctypes by tools/check_gemv_openblas.py, and against torch by the golden case
// mv_dot_rounding.
#pragma once
#include <algorithm>
#include <cstdint>

#include "engine/scalar_math.h"

namespace gradlab::cpu::gemv_order {

#if defined(__GNUC__) || defined(__clang__)
// Always inlined (lambdas too), so that gemv.cpp's AVX2 + FMA instance compiles all of it so.
#define GRADLAB_GEMV_INLINE inline __attribute__((always_inline))
#define GRADLAB_GEMV_LAMBDA __attribute__((always_inline))
#else
#define GRADLAB_GEMV_INLINE inline
#define GRADLAB_GEMV_LAMBDA
#endif

template <class T>
constexpr int64_t kNbMax = sizeof(T) == 4 ? 4096 : 2048;  // NBMAX of the gemv kernels

// The chunks gemv cuts its m rows into: full NBMAX ones, then the rest rounded down to 4.
template <class T, class Fn>
GRADLAB_GEMV_INLINE void for_each_chunk(int64_t m, Fn fn) {
  const int64_t body = m & ~int64_t{3};
  for (int64_t r0 = 0; r0 < body; r0 += kNbMax<T>) fn(r0, std::min(kNbMax<T>, body - r0));
}

// ---- gemv 't' ----------------------------------------------------------------------------------
// One chunk of column `a` against x (both contiguous, nb a multiple of 4), by the kernel that
// takes the column: `width` 4 (the vector kernel), 2 or 1.
template <class T>
GRADLAB_GEMV_INLINE T chunk_dot_t(const T* a, const T* x, int64_t nb, int width) {
  if (width == 4) {
    if constexpr (sizeof(T) == 4) {
      T acc[8] = {};
      const int64_t lead = nb & 4;
      for (int64_t p = 0; p < lead; ++p) acc[p] = scalar_fma(a[p], x[p], acc[p]);
      for (int64_t p = lead; p < nb; p += 8)
        for (int l = 0; l < 8; ++l) acc[l] = scalar_fma(a[p + l], x[p + l], acc[l]);
      return ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
    } else {
      T acc[4] = {};
      for (int64_t p = 0; p < nb; p += 4)
        for (int l = 0; l < 4; ++l) acc[l] = scalar_fma(a[p + l], x[p + l], acc[l]);
      return (acc[0] + acc[2]) + (acc[1] + acc[3]);
    }
  }
  if constexpr (sizeof(T) == 4) {
    T acc[2][4] = {};  // width 2: one register; width 1: two, alternating after a lead of nb & 4
    const int64_t lead = width == 1 ? (nb & 4) : 0;
    for (int64_t p = 0; p < nb; ++p) {
      const int reg = width == 1 && p >= lead ? static_cast<int>(((p - lead) / 4) & 1) : 0;
      acc[reg][p & 3] = acc[reg][p & 3] + a[p] * x[p];
    }
    T s[4];
    for (int l = 0; l < 4; ++l) s[l] = acc[0][l] + acc[1][l];
    return (s[0] + s[1]) + (s[2] + s[3]);
  } else {
    T acc[2][2] = {};
    for (int64_t p = 0; p < nb; ++p) {
      const int reg = width == 1 ? static_cast<int>((p / 2) & 1) : 0;
      acc[reg][p & 1] = acc[reg][p & 1] + a[p] * x[p];
    }
    return (acc[0][0] + acc[1][0]) + (acc[0][1] + acc[1][1]);
  }
}

// y[j] = Σ_{i<m} a[j·lda + i]·x[i·incx] for j < n, as OpenBLAS's gemv_t (beta = 0, alpha = 1).
// `xbuf` holds m elements (x gathered contiguous, as the kernel's copy_x does).
template <class T>
GRADLAB_GEMV_INLINE void gemv_t(int64_t m, int64_t n, const T* a, int64_t lda, const T* x, int64_t incx, T* y,
                                T* xbuf) {
  std::fill(y, y + n, T(0));
  if (m <= 0 || n <= 0) return;
  for (int64_t i = 0; i < m; ++i) xbuf[i] = x[i * incx];
  const int64_t fours = n & ~int64_t{3};
  for_each_chunk<T>(m, [&](int64_t r0, int64_t nb) GRADLAB_GEMV_LAMBDA {
    for (int64_t j = 0; j < n; ++j) {
      const int width = j < fours ? 4 : (n & 2) && j < fours + 2 ? 2 : 1;
      y[j] = y[j] + chunk_dot_t(a + j * lda + r0, xbuf + r0, nb, width);
    }
  });
  const int64_t t = m & ~int64_t{3}, rest = m & 3;  // the C tail
  for (int64_t j = 0; j < n && rest; ++j) {
    const T* aj = a + j * lda + t;
    const T* xt = xbuf + t;
    if constexpr (sizeof(T) == 8) {  // contracted
      if (rest == 1) y[j] = scalar_fma(aj[0], xt[0], y[j]);
      if (rest == 2) y[j] = y[j] + scalar_fma(aj[0], xt[0], aj[1] * xt[1]);
      if (rest == 3) y[j] = y[j] + scalar_fma(aj[2], xt[2], scalar_fma(aj[0], xt[0], aj[1] * xt[1]));
    } else {
      if (rest == 1) y[j] = y[j] + aj[0] * xt[0];
      if (rest == 2) y[j] = y[j] + (aj[0] * xt[0] + aj[1] * xt[1]);
      if (rest == 3) y[j] = y[j] + ((aj[0] * xt[0] + aj[1] * xt[1]) + aj[2] * xt[2]);
    }
  }
}

// ---- gemv 'n' ----------------------------------------------------------------------------------
// y[i] += the partial sum of columns [c, c + width) of row i (a: its element in column c, the
// next columns `lda` apart), as the kernel for that group adds it; `q` is the row's place in its
// chunk of nb rows (the float vector kernels' first nb & 12 rows split the sum over two registers).
template <class T>
GRADLAB_GEMV_INLINE T add_group_n(T yi, const T* a, int64_t lda, const T* xg, int width, int64_t q, int64_t nb) {
  if (width == 1) return yi + a[0] * xg[0];
  if (width == 2) {
    if constexpr (sizeof(T) == 4) return (yi + a[0] * xg[0]) + a[lda] * xg[1];
    else return (a[0] * xg[0] + a[lda] * xg[1]) + yi;
  }
  if constexpr (sizeof(T) == 8) {  // width 4
    const T even = scalar_fma(a[2 * lda], xg[2], a[0] * xg[0]);
    const T odd = scalar_fma(a[3 * lda], xg[3], a[lda] * xg[1]);
    return (even + odd) + yi;
  } else {  // width 4 or 8
    if (q < (nb & 12)) {
      T even = 0, odd = 0;
      for (int c = 0; c < width; c += 2) {
        even = scalar_fma(a[c * lda], xg[c], even);
        odd = scalar_fma(a[(c + 1) * lda], xg[c + 1], odd);
      }
      return (even + odd) + yi;
    }
    T acc = 0;
    for (int c = 0; c < width; ++c) acc = scalar_fma(a[c * lda], xg[c], acc);
    return acc + yi;
  }
}

// y[i] = Σ_{j<n} A[i][j]·x[j·incx] for i < m, A[i][j] at a[i·si + j·sj] (OpenBLAS's column-major
// A has si = 1, sj = lda; gradlab's row-major one si = n, sj = 1), as OpenBLAS's gemv_n (beta = 0,
// alpha = 1) when called with a unit-stride x (`unit_x`) or not, and with lda = m (`lda_is_m`).
template <class T>
GRADLAB_GEMV_INLINE void gemv_n(int64_t m, int64_t n, const T* a, int64_t si, int64_t sj, const T* x, int64_t incx,
                                T* y, bool unit_x, bool lda_is_m) {
  std::fill(y, y + m, T(0));
  if (m <= 0 || n <= 0) return;
  for_each_chunk<T>(m, [&](int64_t r0, int64_t nb) GRADLAB_GEMV_LAMBDA {
    int64_t c = 0;
    auto run = [&](int width) GRADLAB_GEMV_LAMBDA {
      T xg[8];
      for (int w = 0; w < width; ++w) xg[w] = x[(c + w) * incx];
      for (int64_t q = 0; q < nb; ++q)
        y[r0 + q] = add_group_n(y[r0 + q], a + (r0 + q) * si + c * sj, sj, xg, width, q, nb);
      c += width;
    };
    if (sizeof(T) == 4 && unit_x) {
      while (n - c >= 8) run(8);
    }
    while (n - c >= 4) run(4);
    if (unit_x && n - c >= 2) run(2);
    while (c < n) run(1);
  });
  const int64_t t = m & ~int64_t{3}, rest = m & 3;
  const bool pairs = lda_is_m && unit_x && m == rest;  // the kernel's unrolled loops for a matrix of < 4 rows
  for (int64_t i = t; i < m; ++i) {
    const T* ai = a + i * si;
    T temp = 0;
    int64_t j = 0;
    if (pairs && rest == 1) {
      for (; j + 4 <= n; j += 4) {
        const T* aj = ai + j * sj;
        const T* xj = x + j * incx;
        temp = temp + (((aj[0] * xj[0] + aj[sj] * xj[incx]) + aj[2 * sj] * xj[2 * incx]) + aj[3 * sj] * xj[3 * incx]);
      }
    } else if (pairs) {
      for (; j < (n & ~int64_t{3}); j += 2) temp = temp + (ai[j * sj] * x[j * incx] + ai[(j + 1) * sj] * x[(j + 1) * incx]);
    }
    for (; j < n; ++j) temp = temp + ai[j * sj] * x[j * incx];
    y[i] = temp + y[i];
  }
}

// ---- naive gemv (PyTorch's own loop, for a vector of stride 0) ----------------------------------
// y[i] = Σ_j A[i][j]·x[j] in j order, each product rounded, A at a with strides (si, sj).
template <class T>
GRADLAB_GEMV_INLINE void gemv_naive(int64_t rows, int64_t cols, const T* a, int64_t si, int64_t sj, const T* x,
                                    int64_t incx, T* y) {
  for (int64_t i = 0; i < rows; ++i) {
    T s = 0;
    for (int64_t j = 0; j < cols; ++j) s = s + a[i * si + j * sj] * x[j * incx];
    y[i] = s;
  }
}

// ---- dot ---------------------------------------------------------------------------------------
// Σ x[i·incx]·y[i·incy] as sdot_/ddot_ add it when called with unit strides (`unit`) or not.
template <class T>
GRADLAB_GEMV_INLINE T dot(int64_t n, const T* x, int64_t incx, const T* y, int64_t incy, bool unit) {
  if (n <= 0) return T(0);
  if (n == 1) unit = true;  // PyTorch's dot_impl passes strides 1 then
  if constexpr (sizeof(T) == 4) {
    double sum = 0.0;  // sdot.c adds the tail in double
    if (unit) {
      const int64_t body = n & ~int64_t{31};
      float lanes = 0.0f;
      if (body) {
        float acc[32] = {};
        for (int64_t p = 0; p < body; p += 32)
          for (int l = 0; l < 32; ++l) acc[l] = scalar_fma(y[(p + l) * incy], x[(p + l) * incx], acc[l]);
        float h[4];
        for (int l = 0; l < 4; ++l) {
          const float r0 = acc[l] + acc[l + 4], r1 = acc[8 + l] + acc[12 + l];
          const float r2 = acc[16 + l] + acc[20 + l], r3 = acc[24 + l] + acc[28 + l];
          h[l] = (r0 + r1) + (r2 + r3);
        }
        lanes = (h[0] + h[1]) + (h[2] + h[3]);
      }
      for (int64_t i = body; i < n; ++i) sum += static_cast<double>(y[i * incy] * x[i * incx]);
      return static_cast<float>(sum + static_cast<double>(lanes));
    }
    int64_t i = 0;
    for (; i + 2 <= n; i += 2)
      sum += static_cast<double>(y[i * incy] * x[i * incx] + y[(i + 1) * incy] * x[(i + 1) * incx]);
    for (; i < n; ++i) sum += static_cast<double>(y[i * incy] * x[i * incx]);
    return static_cast<float>(sum);
  } else {
    if (unit) {
      const int64_t body = n & ~int64_t{15};
      double sum = 0.0;
      if (body) {
        double acc[16] = {};
        for (int64_t p = 0; p < body; p += 16)
          for (int l = 0; l < 16; ++l) acc[l] = scalar_fma(y[(p + l) * incy], x[(p + l) * incx], acc[l]);
        double h[2];
        for (int l = 0; l < 2; ++l) {
          const double r0 = acc[l] + acc[l + 2], r1 = acc[4 + l] + acc[6 + l];
          const double r2 = acc[8 + l] + acc[10 + l], r3 = acc[12 + l] + acc[14 + l];
          h[l] = (r0 + r1) + (r2 + r3);
        }
        sum = h[0] + h[1];
      }
      for (int64_t i = body; i < n; ++i) sum = sum + y[i * incy] * x[i * incx];
      return sum;
    }
    double t1 = 0.0, t2 = 0.0;
    int64_t i = 0;
    for (; i + 4 <= n; i += 4) {
      const double m1 = y[i * incy] * x[i * incx], m2 = y[(i + 1) * incy] * x[(i + 1) * incx];
      t1 = t1 + (m1 + y[(i + 2) * incy] * x[(i + 2) * incx]);
      t2 = t2 + (m2 + y[(i + 3) * incy] * x[(i + 3) * incx]);
    }
    for (; i < n; ++i) t1 = t1 + y[i * incy] * x[i * incx];
    return t1 + t2;
  }
}

#undef GRADLAB_GEMV_INLINE
#undef GRADLAB_GEMV_LAMBDA

}  // namespace gradlab::cpu::gemv_order
