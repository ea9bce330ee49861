// The CPU matrix multiply: C[m×n] = op(A)·op(B), row-major, op = optional transpose.
// A blocked, packed kernel (Goto/BLIS layout: pack a KC×NC panel of B and an MC×KC block of A,
// then a register-blocked MR×NR micro-kernel) written as plain loops that compilers
// auto-vectorise — the same code runs natively and in wasm (SIMD128), where there is no BLAS.
// Natively, when OpenBLAS is found, float/double GEMMs go to it instead (cpu_backend.cpp).
#pragma once
#include <cstdint>

namespace gradlab::cpu {

template <class T>
void gemm(const T* a, const T* b, T* c, int64_t m, int64_t n, int64_t k, bool trans_a, bool trans_b);

}  // namespace gradlab::cpu
