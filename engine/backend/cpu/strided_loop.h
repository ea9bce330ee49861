// An N-d loop over an output shape that keeps one running offset per input view.
// The innermost dimension runs as a plain strided loop (vectorisable when strides are 1);
// outer dimensions advance like an odometer. Used by the CPU backend for broadcast binary ops
// and strided copies; contiguous inputs never get here (they take the flat fast path).
#pragma once
#include <cstdint>
#include <vector>

#include "engine/shape.h"

namespace gradlab::cpu {

// body(out_index_of_row_start, offsets[], inner_len, inner_strides[]) is called once per row.
template <size_t N, class Body>
void for_each_row(const Shape& shape, const std::vector<int64_t>* const (&strides)[N], const int64_t (&base)[N],
                  Body&& body) {
  const size_t rank = shape.size();
  int64_t total = shape_numel(shape);
  if (total == 0) return;
  if (rank == 0) {
    int64_t zero[N] = {};
    body(int64_t{0}, base, int64_t{1}, zero);
    return;
  }
  int64_t inner = shape[rank - 1];
  int64_t inner_stride[N];
  for (size_t k = 0; k < N; ++k) inner_stride[k] = (*strides[k])[rank - 1];
  std::vector<int64_t> counter(rank, 0);
  int64_t offset[N];
  for (size_t k = 0; k < N; ++k) offset[k] = base[k];
  for (int64_t row_start = 0; row_start < total; row_start += inner) {
    body(row_start, offset, inner, inner_stride);
    // Advance the odometer over dims rank-2 .. 0.
    for (size_t d = rank - 1; d-- > 0;) {
      ++counter[d];
      for (size_t k = 0; k < N; ++k) offset[k] += (*strides[k])[d];
      if (counter[d] < shape[d]) break;
      for (size_t k = 0; k < N; ++k) offset[k] -= (*strides[k])[d] * shape[d];
      counter[d] = 0;
    }
  }
}

}  // namespace gradlab::cpu
