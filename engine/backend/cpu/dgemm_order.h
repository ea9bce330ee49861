// Note [Float64 matmul rounding]
// PyTorch's float64 mm is OpenBLAS's dgemm; the reference is OpenBLAS 0.3.21's Haswell dgemm
// (dgemm_kernel_4x8_haswell.S under driver/level3/level3.c, one thread; no small-matrix path
// and no gemv shortcut in that version). gemm<double> adds in exactly that order:
//  - k is cut into blocks (GEMM_Q = 256: a block of 256 while 512 or more remain, else two
//    halves rounded up to a multiple of GEMM_UNROLL_M = 4, else the rest). Per block each
//    element gets its sum from +0, then C = acc + C (C starts at +0, or the caller's values
//    with beta = 1: addmm's bias). alpha = 1 multiplies exactly.
//  - The sum is one fused multiply-add chain over the block's k, in order, except in the
//    kernel's one-column tiles (KERNEL4x1): there k's of the 8-at-a-time loop go round four
//    accumulators by k mod 4, the tail (block length mod 8) goes to the first, and the sum
//    is (q0 + q1) + (q2 + q3).
//  - Which elements: OpenBLAS computes C^T = op(B)^T·op(A)^T column-major, so its rows are our
//    columns j and its columns our rows i. Rows are cut into blocks of GEMM_P = 512 (same rule
//    as k); the first row block's columns are cut by the driver into 24s, then 8s while more
//    than 8 remain, then the rest; later row blocks take all columns at once. Each kernel call
//    takes its columns in 24s, 8s, 4, 2, 1: a call of odd width ends with a one-column tile,
//    and that column's whole 4-row groups (4x1 tiles) use the four accumulators; its last
//    rows (count mod 4) are plain chains (2x1, 1x1).
//  - A product with one column (n = 1) is the exception: PyTorch's addmm takes an m×1 output
//    as column-major and calls dgemm without swapping, so OpenBLAS's rows are our i and its one
//    column our j: the order of the 1×m product C^T = op(B)^T·op(A)^T (checked against torch).
// Not modelled, as for float32 (Note [Matmul rounding]): GEMM_R column blocks (13824 of our
// rows) and the threaded split. Checked bit for bit against libopenblas 0.3.21
// (OPENBLAS_CORETYPE=Haswell), transposed operands and beta = 1 included: this model on 5340
// random products (m, n, k up to 70; k up to 700; m, n up to 1200 with k up to 600), and
// gemm.cpp's kernels on 3330 (AVX2 + FMA) and 2000 (portable, m, n, k up to 70).
#pragma once
#include <cstdint>
#include <vector>

namespace gradlab::cpu::dgemm_order {

constexpr int64_t kQ = 256;      // GEMM_Q: the k block
constexpr int64_t kP = 512;      // GEMM_P: the block of OpenBLAS rows (our columns)
constexpr int64_t kUnrollM = 4;  // GEMM_UNROLL_M
constexpr int64_t kUnrollN = 8;  // GEMM_UNROLL_N: the driver's column pieces are 3× and 1× this

// The length of the next block when `rem` remain (level3.c's rule for min_l and min_i).
inline int64_t next_block(int64_t rem, int64_t x) {
  if (rem >= 2 * x) return x;
  if (rem > x) return ((rem / 2 + kUnrollM - 1) / kUnrollM) * kUnrollM;
  return rem;
}

// Row i of C, columns [j0, j1): the elements summed with four accumulators.
struct SplitRun {
  int64_t i, j0, j1;
};

// The four-accumulator runs of a row-major C[m×n] = op(A)[m×k]·op(B)[k×n] (independent of k).
inline std::vector<SplitRun> split_runs(int64_t m, int64_t n) {
  std::vector<SplitRun> out;
  // One kernel call over OpenBLAS rows [r0, r0 + rows) and columns [c0, c0 + cols).
  auto kernel_call = [&](int64_t r0, int64_t rows, int64_t c0, int64_t cols) {
    if (cols % 2 == 1 && rows >= 4) out.push_back({c0 + cols - 1, r0, r0 + rows / 4 * 4});
  };
  if (m == 0 || n == 0) return out;
  if (n == 1 && m > 1) {  // PyTorch's m×1 output is column-major: OpenBLAS's rows are our i
    for (const SplitRun& r : split_runs(1, m))
      for (int64_t i = r.j0; i < r.j1; ++i) out.push_back({i, 0, 1});
    return out;
  }
  const int64_t first = next_block(n, kP);
  for (int64_t c = 0; c < m;) {
    const int64_t left = m - c, w = left >= 3 * kUnrollN ? 3 * kUnrollN : (left > kUnrollN ? kUnrollN : left);
    kernel_call(0, first, c, w);
    c += w;
  }
  for (int64_t r = first, h; r < n; r += h) {
    h = next_block(n - r, kP);
    kernel_call(r, h, 0, m);
  }
  return out;
}

}  // namespace gradlab::cpu::dgemm_order
