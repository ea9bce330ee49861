// Note [Matmul rounding]
// PyTorch's float32 mm is OpenBLAS's sgemm, and the reference outputs are PyTorch on OpenBLAS
// 0.3.21 with its Haswell kernels (sgemm_kernel_8x4_haswell_2.c under driver/level3/level3.c,
// one thread). Each C element is a sum whose order that code fixes, and gradlab's own float32
// kernels add in exactly that order, so their results round like the reference on every
// machine (and do not depend on which kernel OpenBLAS would pick here):
//  - k is cut into blocks (GEMM_Q = 320: a block of 320 while 640 or more remain, else two
//    halves rounded up to a multiple of 8, else the rest). Per block each element gets one
//    accumulator, and C = acc + C after each block, C starting at +0 (beta = 0 zeroes C first).
//  - Within a block, most tiles run one fused multiply-add chain over k, in order, from +0.
//    Some tiles split it: the k's of the 8-at-a-time loop alternate between two accumulators
//    (even k, odd k), the tail (block length mod 8) goes to the even one, and the two are added.
//  - Which tiles split: OpenBLAS computes C^T = op(B)^T·op(A)^T column-major, so its rows are
//    our columns j and its columns our rows i. Rows are cut into blocks of GEMM_P = 320 (same
//    rule as k); the first row block's columns are cut by the driver into 12s, then 4s, then the
//    rest, later row blocks take all columns; the kernel takes each piece in 12s, 8s, 4s, 2s, 1s.
//    A piece of 4 columns splits its whole 8-row groups. A piece of 12 with at least 16 rows
//    runs 16-row tiles staggered across its two halves of 6 columns, and splits the first 8 rows
//    of the left half and the last whole 8-row group of the half where the stagger ends.
// Not modelled: OpenBLAS's column blocks of GEMM_R (tens of thousands of our rows i) and its
// threaded split, which it never uses below 4·65536 multiply-adds (the reference runs one thread).
// The scalar model below is the definition; the vector kernels in gemm.cpp follow it, and
// tests/cpp/test_cpu_backend.cpp checks them against an independent copy of these rules.
// Checked bit for bit against libopenblas 0.3.21 (OPENBLAS_CORETYPE=Haswell) over random
// shapes up to 700×650×700, transposed operands included.
#pragma once
#include <cstdint>
#include <vector>

namespace gradlab::cpu::sgemm_order {

constexpr int64_t kQ = 320;      // GEMM_Q: the k block
constexpr int64_t kP = 320;      // GEMM_P: the block of OpenBLAS rows (our columns)
constexpr int64_t kUnrollM = 8;  // GEMM_UNROLL_M

// The length of the next block when `rem` remain (level3.c's rule for min_l and min_i).
inline int64_t next_block(int64_t rem, int64_t x) {
  if (rem >= 2 * x) return x;
  if (rem > x) return ((rem / 2 + kUnrollM - 1) / kUnrollM) * kUnrollM;
  return rem;
}

// Rows [i0, i1) × columns [j0, j1) of C whose dot products use two accumulators. j0 and j1 are
// multiples of 8 apart (whole 8-row groups of OpenBLAS).
struct SplitTile {
  int64_t i0, i1, j0, j1;
};

namespace detail {
// One kernel call's piece: OpenBLAS rows (our j) [r0, r0+rows) × columns (our i) [c0, c0+cols).
inline void piece(std::vector<SplitTile>& out, int64_t r0, int64_t rows, int64_t c0, int64_t cols) {
  const int64_t groups = rows / 8;
  if (cols == 4 && groups > 0) out.push_back({c0, c0 + 4, r0, r0 + 8 * groups});
  if (cols == 12 && rows >= 16) {
    auto half = [&](int64_t pos, int side) { out.push_back({c0 + 6 * side, c0 + 6 * side + 6, r0 + pos, r0 + pos + 8}); };
    half(0, 0);  // COMPUTE_H_m8n6
    int64_t pos = 0, left = rows;
    for (;;) {   // COMPUTE_R_m16n6 / COMPUTE_L_m16n6 in turn, then COMPUTE_T_m8n6 on the other half
      pos += 8, left -= 8;
      if (left < 16) { half(pos, 0); break; }
      pos += 8, left -= 8;
      if (left < 16) { half(pos, 1); break; }
    }
  }
}
// The kernel's own column loop over a call of `cols` columns.
inline void kernel_call(std::vector<SplitTile>& out, int64_t r0, int64_t rows, int64_t c0, int64_t cols) {
  for (int64_t w : {12, 8, 4, 2, 1}) {
    for (; cols >= w; cols -= w, c0 += w) piece(out, r0, rows, c0, w);
  }
}
}  // namespace detail

// The split tiles of a row-major C[m×n] = op(A)[m×k]·op(B)[k×n] (independent of k).
inline std::vector<SplitTile> split_tiles(int64_t m, int64_t n) {
  std::vector<SplitTile> out;
  const int64_t rows = n, cols = m;  // OpenBLAS's view
  if (rows == 0 || cols == 0) return out;
  const int64_t first = next_block(rows, kP);
  for (int64_t c = 0; c < cols;) {
    const int64_t left = cols - c, w = left >= 12 ? 12 : (left > 4 ? 4 : left);
    detail::kernel_call(out, 0, first, c, w);
    c += w;
  }
  for (int64_t r = first; r < rows;) {
    const int64_t h = next_block(rows - r, kP);
    detail::kernel_call(out, r, h, 0, cols);
    r += h;
  }
  return out;
}

}  // namespace gradlab::cpu::sgemm_order
