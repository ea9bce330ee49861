// The CPU's matrix·vector and vector·vector products in the order of the reference PyTorch's
// BLAS level 2 and 1 calls (Note [Matrix-vector rounding], gemv_order.h), on every machine and
// in wasm: the same source runs portably and, on x86-64 CPUs with AVX2 + FMA, compiled for them.
#pragma once
#include <cstdint>

#include "engine/backend/backend.h"

namespace gradlab::cpu {

// y[rows] = A·x for a contiguous row-major A (rows × cols) and contiguous x, rounded as PyTorch's
// addmv call `call` (which BLAS routine, and the lda and vector stride it passes) rounds.
template <class T>
void gemv(const T* a, const T* x, T* y, int64_t rows, int64_t cols, const GemvCall& call);

// Σ x[i]·y[i] over contiguous x and y, rounded as sdot_/ddot_ with unit strides or not.
template <class T>
T dot(const T* x, const T* y, int64_t n, bool unit_strides);

}  // namespace gradlab::cpu
