#include "engine/ops/pytorch_strides.h"

#include "engine/view_copy.h"

namespace gradlab {

std::optional<std::vector<int64_t>> pytorch_strides(const Tensor& t, const Shape& shape) {
  std::vector<int64_t> own;
  const TensorImpl& impl = *t.impl();
  if (!impl.noncontiguous || t.numel() <= 1) {
    own = contiguous_strides(t.shape());
  } else {
    if (!impl.view_copy) return std::nullopt;
    std::optional<std::vector<int64_t>> view = pytorch_view_strides(*impl.view_copy, t.shape());
    if (!view) return std::nullopt;
    own = std::move(*view);
  }
  std::vector<int64_t> out(shape.size(), 0);
  const size_t lead = shape.size() - t.shape().size();
  for (size_t i = 0; i < t.shape().size(); ++i) out[lead + i] = t.shape()[i] == 1 && shape[lead + i] != 1 ? 0 : own[i];
  return out;
}

}  // namespace gradlab
