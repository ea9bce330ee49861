// Shapes and strides. Tensors are contiguous row-major; strides only appear while describing
// a *view* of a buffer for one backend call (broadcast, transpose, slice) — see StridedView.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace gradlab {

using Shape = std::vector<int64_t>;

inline int64_t shape_numel(const Shape& s) {
  int64_t n = 1;
  for (auto d : s) n *= d;
  return n;
}

inline std::vector<int64_t> contiguous_strides(const Shape& s) {
  std::vector<int64_t> st(s.size());
  int64_t acc = 1;
  for (size_t i = s.size(); i-- > 0;) {
    st[i] = acc;
    acc *= s[i];
  }
  return st;
}

// "[2, 3]" as inside torch.Size([2, 3]) and in error messages.
inline std::string shape_str(const Shape& s) {
  std::string r = "[";
  for (size_t i = 0; i < s.size(); ++i) r += (i ? ", " : "") + std::to_string(s[i]);
  return r + "]";
}

// A read-only window onto a contiguous buffer: element (i0..ik) is at
// offset + sum(i_j * strides[j]). A stride of 0 repeats an element (broadcasting).
struct StridedView {
  const void* data = nullptr;
  Shape shape;
  std::vector<int64_t> strides;
  int64_t offset = 0;
};

// NumPy/PyTorch broadcasting of two shapes; throws PyTorch's RuntimeError on mismatch.
Shape broadcast_shapes(const Shape& a, const Shape& b);
// Strides that read a contiguous tensor of shape `from` as if it had shape `to` (to broadcasts from).
std::vector<int64_t> broadcast_strides(const Shape& from, const Shape& to);
// Wraps a possibly negative dim into [0, rank); throws PyTorch's IndexError when out of range.
int64_t wrap_dim(int64_t dim, int64_t rank);

}  // namespace gradlab
