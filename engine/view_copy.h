// Views that are copies, kept in step with their base.
//
// Note [Views are copies]
// PyTorch's transpose, t, permute, expand, select and slicing return views: tensors sharing
// their base's memory. gradlab's storage is always one contiguous block per tensor, so those
// ops copy. Where a script can tell the difference, the copy behaves like the view it stands
// for, by remembering its window into the base's storage:
//   - written in place (v.add_(1), v.fill_(0), v[0] = 5, v.copy_(w)): the new values are
//     written back through the window, and on into the base's own base, so the base changes;
//   - read after the base (or a sibling view) was written in place: the copy first gathers its
//     values again (sync_view_copy, called by Tensor::data()).
// The base's storage version tells when a copy is stale, as PyTorch's shared version counter
// tells autograd that a saved view changed. An in-place op on such a copy that would need
// autograd to rebase the base's history (PyTorch's CopySlices) is not supported and says so:
// assigning (`y[0:2] = y[0:2] * 3`) records that history instead. Expanded copies refuse
// in-place writes as PyTorch does (their elements share memory).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "engine/dtype.h"
#include "engine/shape.h"

namespace gradlab {

struct Storage;
struct TensorImpl;
class Tensor;

struct ViewCopy {
  std::shared_ptr<Storage> base;     // the base's storage (kept alive, as a view keeps its base)
  std::shared_ptr<ViewCopy> parent;  // the base's own ViewCopy when the base is a copy too
  DType dtype;
  Shape shape;                       // the window: element i of the copy is base[offset + i·strides]
  std::vector<int64_t> strides;
  int64_t offset = 0;
  uint32_t base_version = 0;         // the base's version the copy last agreed with
};

// Marks `copy` (just gathered from `base` through the window) as standing for that view.
void make_view_copy(const Tensor& copy, const Tensor& base, const std::vector<int64_t>& strides, int64_t offset);

// The strides (in elements) PyTorch's view would have, for a copy of `shape`: the window's
// strides, composed through the base's own window when the base is a view's copy too; none when
// they cannot be told (Note [Sums of views]).
std::optional<std::vector<int64_t>> pytorch_view_strides(const ViewCopy& v, const Shape& shape);

// Whether that view would be contiguous (size-1 dims aside); true when its strides cannot be told.
bool pytorch_view_contiguous(const ViewCopy& v, const Shape& shape);

// Gathers the copy's values again if its base was written since (Note [Views are copies]).
void sync_view_copy(const TensorImpl& impl);

// Call after writing into t's storage in place: bumps its version and, for a view's copy,
// writes the values back into the base.
void written_in_place(const Tensor& t);

}  // namespace gradlab
