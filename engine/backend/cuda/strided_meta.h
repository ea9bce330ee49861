// The index math of the CUDA backend's broadcast/gather/scatter kernels, in plain C++ so the
// host test suite (tests/cpp/test_cuda_host.cpp) checks it in every build, GPU or not; the
// kernels call the same strided_offsets() on the device (GRADLAB_HD).
//
// Note [Dim collapsing]
// A view is (sizes, strides per operand). Two neighbouring dims d, d+1 can be read as one dim of
// size sizes[d]*sizes[d+1] when, for every operand, strides[d] == strides[d+1]*sizes[d+1]; dims
// of size 1 can be dropped. A contiguous tensor collapses to rank 1, a broadcast row vector to
// rank 2, so the kernels do one or two divisions per element instead of one per original dim,
// and "is this really contiguous?" becomes "rank <= 1 with stride 1".
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/error.h"
#include "engine/scalar_math.h"  // GRADLAB_HD
#include "engine/shape.h"

namespace gradlab::cuda {

// Most dims a kernel indexes after collapsing. PyTorch allows 25; after collapsing, the views
// of a teaching engine rarely keep more than 4. The description is passed to kernels by value.
inline constexpr int kMaxDims = 16;

template <int N>
struct StridedMeta {
  int rank = 0;
  bool small = true;  // numel fits in 32 bits: kernels use cheaper 32-bit division
  int64_t sizes[kMaxDims] = {};
  int64_t strides[N][kMaxDims] = {};

  bool contiguous() const {
    for (int a = 0; a < N; ++a)
      if (rank > 1 || (rank == 1 && strides[a][0] != 1)) return false;
    return true;
  }
};

// Builds the collapsed description of `shape` read through N stride vectors. A stride vector
// shorter than `shape` is right-aligned (missing leading dims broadcast, stride 0).
template <int N>
StridedMeta<N> make_meta(const Shape& shape, const std::array<const std::vector<int64_t>*, N>& strides) {
  const int rank = static_cast<int>(shape.size());
  // Working copy with size-1 dims dropped, outermost first.
  std::vector<int64_t> sizes;
  std::vector<std::array<int64_t, N>> st;
  for (int d = 0; d < rank; ++d) {
    if (shape[d] == 1) continue;
    std::array<int64_t, N> s{};
    for (int a = 0; a < N; ++a) {
      const auto& v = *strides[a];
      const int vd = d - (rank - static_cast<int>(v.size()));
      s[a] = vd >= 0 ? v[vd] : 0;
    }
    sizes.push_back(shape[d]);
    st.push_back(s);
  }
  // Merge from the inside out: dim i folds into its inner neighbour (already merged) when allowed.
  std::vector<int64_t> out_sizes;
  std::vector<std::array<int64_t, N>> out_st;
  for (size_t i = sizes.size(); i-- > 0;) {
    if (!out_sizes.empty()) {
      bool mergeable = true;
      for (int a = 0; a < N; ++a)
        if (st[i][a] != out_st.back()[a] * out_sizes.back()) mergeable = false;
      if (mergeable) {
        out_sizes.back() *= sizes[i];
        continue;
      }
    }
    out_sizes.push_back(sizes[i]);
    out_st.push_back(st[i]);
  }
  if (out_sizes.size() > static_cast<size_t>(kMaxDims))
    runtime_error("CUDA backend: a strided view with more than " + std::to_string(kMaxDims) +
                  " non-collapsible dims is not supported");
  StridedMeta<N> m;
  m.rank = static_cast<int>(out_sizes.size());
  m.small = shape_numel(shape) <= int64_t{0xffffffff};
  for (int d = 0; d < m.rank; ++d) {  // out_* is innermost first; the meta is outermost first
    const int src = m.rank - 1 - d;
    m.sizes[d] = out_sizes[src];
    for (int a = 0; a < N; ++a) m.strides[a][d] = out_st[src][a];
  }
  return m;
}

// Element offsets of linear (row-major) index `i` for each operand.
template <int N>
GRADLAB_HD void strided_offsets(const StridedMeta<N>& m, int64_t i, int64_t (&off)[N]) {
  for (int a = 0; a < N; ++a) off[a] = 0;
  if (m.small) {
    // 32-bit division is several times cheaper than 64-bit on every GPU generation.
    uint32_t r = static_cast<uint32_t>(i);
    for (int d = m.rank - 1; d >= 0; --d) {
      const uint32_t s = static_cast<uint32_t>(m.sizes[d]);
      const uint32_t q = r / s;
      const int64_t c = r - q * s;
      for (int a = 0; a < N; ++a) off[a] += c * m.strides[a][d];
      r = q;
    }
  } else {
    for (int d = m.rank - 1; d >= 0; --d) {
      const int64_t q = i / m.sizes[d];
      const int64_t c = i - q * m.sizes[d];
      for (int a = 0; a < N; ++a) off[a] += c * m.strides[a][d];
      i = q;
    }
  }
}

}  // namespace gradlab::cuda
