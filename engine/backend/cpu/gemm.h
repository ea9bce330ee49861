// The CPU matrix multiply: C[m×n] = op(A)·op(B), row-major, op = optional transpose.
// A blocked, packed kernel (Goto/BLIS layout: pack a KC×NC panel of B and an MC×KC block of A,
// then a register-blocked MR×NR micro-kernel) written as plain loops that compilers
// auto-vectorise — the same code runs natively and in wasm (SIMD128), where there is no BLAS.
// Natively, when OpenBLAS is found, large float/double GEMMs go to it instead (cpu_backend.cpp).
// float32 and float64 add in the order of the reference PyTorch's OpenBLAS (Note [Matmul
// rounding], gemm_order.h; Note [Float64 matmul rounding], dgemm_order.h): always for small
// products, and for all sizes where the CPU has AVX2 + FMA.
#pragma once
#include <cstdint>
#include <string>

namespace gradlab::cpu {

// accumulate: C += op(A)·op(B) (BLAS's beta = 1): each k block's sum is added onto C as it
// stands, which starts as the caller's values instead of +0 (addmm's bias, Note [Matmul rounding]).
template <class T>
void gemm(const T* a, const T* b, T* c, int64_t m, int64_t n, int64_t k, bool trans_a, bool trans_b,
          bool accumulate = false);

// The products gemm<float> hands to OpenBLAS when it is linked in (larger ones round like the
// machine's BLAS), and below which gemm<float> follows Note [Matmul rounding] in every build.
constexpr int64_t kSmallGemm = 4096;
inline bool is_small_gemm(int64_t m, int64_t n, int64_t k) { return m * n * k <= kSmallGemm; }
// Where there is no AVX2 + FMA kernel (wasm, older CPUs), products up to this many multiply-adds
// still take the reference order, one element at a time: the sizes tutorials train with (a
// 64×784 batch through a 784→10 layer is 0.5 M) print PyTorch's digits after every step, at
// a few milliseconds a product; only larger ones use the fast portable kernel's own rounding.
constexpr int64_t kReferenceOrderGemm = int64_t{1} << 20;

// Whether this build has the AVX2 + FMA kernels (x86-64, not wasm) and the CPU runs them: the
// one run-time choice of the CPU matmul, matrix-vector and dot kernels.
bool cpu_has_avx2_fma();

// Whether gemm<float> follows Note [Matmul rounding] for an m×k by k×n product on this machine
// (and gemm<double> Note [Float64 matmul rounding]: the same sizes).
bool sgemm_follows_reference(int64_t m, int64_t n, int64_t k);
// "AVX2 + FMA" or "portable": the kernel gemm<float> runs for large products here.
const char* sgemm_large_kernel();

// For `gradlab info`: which kernels run float32 matmuls on the CPU, and so whose last digits
// they print (cpu_backend.cpp, which knows whether OpenBLAS is linked in).
std::string matmul_summary();

}  // namespace gradlab::cpu
