// See gemv.h. The model of gemv_order.h is the only definition of the order: run_gemv and
// run_dot instantiate it once portably and, on x86-64, once more compiled for AVX2 + FMA (chosen
// at run time, as gemm.cpp's kernels are), where its fmas become instructions instead of calls.
#include "engine/backend/cpu/gemv.h"

#include <vector>

#include "engine/backend/cpu/gemm.h"
#include "engine/backend/cpu/gemv_order.h"

#if defined(__x86_64__) && !defined(__EMSCRIPTEN__) && (defined(__GNUC__) || defined(__clang__))
#define GRADLAB_GEMV_AVX2 1
#else
#define GRADLAB_GEMV_AVX2 0
#endif

namespace gradlab::cpu {
namespace {

template <class T>
inline __attribute__((always_inline)) void run_gemv(const T* a, const T* x, T* y, int64_t rows, int64_t cols,
                                                    const GemvCall& call, T* scratch) {
  switch (call.kind) {
    case GemvCall::RowMajor:  // gemv('t', cols, rows, A, lda, x): columns of OpenBLAS's A are our rows
      gemv_order::gemv_t<T>(cols, rows, a, cols, x, 1, y, scratch);
      break;
    case GemvCall::ColumnMajor:  // gemv('n', rows, cols, A, lda, x), read from our row-major copy
      gemv_order::gemv_n<T>(rows, cols, a, cols, 1, x, 1, y, call.incx == 1, call.lda == rows);
      break;
    case GemvCall::Loop:
      gemv_order::gemv_naive<T>(rows, cols, a, cols, 1, x, 1, y);
      break;
  }
}

template <class T>
void gemv_portable(const T* a, const T* x, T* y, int64_t rows, int64_t cols, const GemvCall& call, T* scratch) {
  run_gemv(a, x, y, rows, cols, call, scratch);
}

template <class T>
T dot_portable(const T* x, const T* y, int64_t n, bool unit) {
  return gemv_order::dot<T>(n, x, 1, y, 1, unit);
}

#if GRADLAB_GEMV_AVX2
template <class T>
__attribute__((target("avx2,fma"))) void gemv_avx2(const T* a, const T* x, T* y, int64_t rows, int64_t cols,
                                                   const GemvCall& call, T* scratch) {
  run_gemv(a, x, y, rows, cols, call, scratch);
}

template <class T>
__attribute__((target("avx2,fma"))) T dot_avx2(const T* x, const T* y, int64_t n, bool unit) {
  return gemv_order::dot<T>(n, x, 1, y, 1, unit);
}
#endif

}  // namespace

template <class T>
void gemv(const T* a, const T* x, T* y, int64_t rows, int64_t cols, const GemvCall& call) {
  thread_local std::vector<T> scratch;  // gemv_t's copy of x, kept between calls
  scratch.resize(static_cast<size_t>(cols));
#if GRADLAB_GEMV_AVX2
  if (cpu_has_avx2_fma()) return gemv_avx2(a, x, y, rows, cols, call, scratch.data());
#endif
  gemv_portable(a, x, y, rows, cols, call, scratch.data());
}

template <class T>
T dot(const T* x, const T* y, int64_t n, bool unit_strides) {
#if GRADLAB_GEMV_AVX2
  if (cpu_has_avx2_fma()) return dot_avx2(x, y, n, unit_strides);
#endif
  return dot_portable(x, y, n, unit_strides);
}

template void gemv<float>(const float*, const float*, float*, int64_t, int64_t, const GemvCall&);
template void gemv<double>(const double*, const double*, double*, int64_t, int64_t, const GemvCall&);
template float dot<float>(const float*, const float*, int64_t, bool);
template double dot<double>(const double*, const double*, int64_t, bool);

}  // namespace gradlab::cpu
