// Broadcasting and dim wrapping, with PyTorch's error messages.
#include "engine/shape.h"

#include "engine/error.h"

namespace gradlab {

Shape broadcast_shapes(const Shape& a, const Shape& b) {
  if (a == b) return a;
  size_t n = std::max(a.size(), b.size());
  Shape out(n);
  for (size_t i = n; i-- > 0;) {  // from the last dim, so errors name the one PyTorch names
    // Align from the right, as NumPy does.
    int64_t da = i < n - a.size() ? 1 : a[i - (n - a.size())];
    int64_t db = i < n - b.size() ? 1 : b[i - (n - b.size())];
    if (da != db && da != 1 && db != 1) {
      runtime_error("The size of tensor a (" + std::to_string(da) + ") must match the size of tensor b (" +
                    std::to_string(db) + ") at non-singleton dimension " + std::to_string(i));
    }
    out[i] = da == 1 ? db : da;
  }
  return out;
}

std::vector<int64_t> broadcast_strides(const Shape& from, const Shape& to) {
  std::vector<int64_t> contiguous = contiguous_strides(from);
  std::vector<int64_t> st(to.size(), 0);
  size_t lead = to.size() - from.size();
  for (size_t i = 0; i < from.size(); ++i) st[lead + i] = from[i] == 1 ? 0 : contiguous[i];
  return st;
}

int64_t wrap_dim(int64_t dim, int64_t rank) {
  int64_t r = rank == 0 ? 1 : rank;  // a 0-d tensor accepts dims -1 and 0, like PyTorch
  if (dim < -r || dim >= r) {
    index_error("Dimension out of range (expected to be in range of [" + std::to_string(-r) + ", " +
                std::to_string(r - 1) + "], but got " + std::to_string(dim) + ")");
  }
  return dim < 0 ? dim + r : dim;
}

}  // namespace gradlab
