// Note [Views are copies] (view_copy.h): the window bookkeeping between a view's copy and its base.
#include "engine/view_copy.h"

#include "engine/tensor.h"

namespace gradlab {

void make_view_copy(const Tensor& copy, const Tensor& base, const std::vector<int64_t>& strides, int64_t offset) {
  auto v = std::make_shared<ViewCopy>();
  v->base = base.impl()->storage;
  v->parent = base.impl()->view_copy;
  v->dtype = base.dtype();
  v->shape = copy.shape();
  v->strides = strides;
  v->offset = offset;
  v->base_version = base.storage().version;
  copy.impl()->view_copy = std::move(v);
}

std::optional<std::vector<int64_t>> pytorch_view_strides(const ViewCopy& v, const Shape& shape) {
  if (v.shape != shape) return std::nullopt;  // reshaped since: not the view's own strides
  if (!v.parent) return v.strides;            // a window into a contiguous tensor
  std::optional<std::vector<int64_t>> base = pytorch_view_strides(*v.parent, v.parent->shape);
  if (!base) return std::nullopt;
  // Each of the window's strides steps along one dim of the base (select, slice, transpose and
  // expand windows do): the outermost dim of size > 1 whose contiguous stride divides it.
  const Shape& base_shape = v.parent->shape;
  const std::vector<int64_t> contiguous = contiguous_strides(base_shape);
  std::vector<int64_t> strides;
  for (size_t k = 0; k < v.strides.size(); ++k) {
    const int64_t s = v.strides[k];
    if (s == 0 || shape[k] == 1) {
      strides.push_back(s);
      continue;
    }
    size_t j = 0;
    while (j < base_shape.size() && (base_shape[j] == 1 || s % contiguous[j] != 0)) ++j;
    if (j == base_shape.size()) return std::nullopt;
    strides.push_back(s / contiguous[j] * (*base)[j]);
  }
  return strides;
}

bool pytorch_view_contiguous(const ViewCopy& v, const Shape& shape) {
  std::optional<std::vector<int64_t>> strides = pytorch_view_strides(v, shape);
  if (!strides) return true;
  int64_t expected = 1;
  for (size_t d = shape.size(); d-- > 0;) {
    if (shape[d] == 1) continue;
    if ((*strides)[d] != expected) return false;
    expected *= shape[d];
  }
  return true;
}

namespace {

void sync(ViewCopy& v, Storage& own) {
  if (v.parent) sync(*v.parent, *v.base);
  if (v.base->version == v.base_version) return;
  StridedView window{v.base->ready_data(), v.shape, v.strides, v.offset};
  own.backend->strided_copy(v.dtype, window, own.writable_data());
  ++own.version;  // what a saved view would see: its base's version moved
  v.base_version = v.base->version;
}

void write_back(ViewCopy& v, Storage& own) {
  if (v.parent) sync(*v.parent, *v.base);  // the base must be current before part of it is replaced
  StridedView window{nullptr, v.shape, v.strides, v.offset};
  own.backend->strided_write(v.dtype, own.ready_data(), v.base->writable_data(), window);
  ++v.base->version;
  v.base_version = v.base->version;
  if (v.parent) write_back(*v.parent, *v.base);
}

}  // namespace

void sync_view_copy(const TensorImpl& impl) { sync(*impl.view_copy, *impl.storage); }

void written_in_place(const Tensor& t) {
  ++t.storage().version;
  ViewCopy* v = t.impl()->view_copy.get();
  if (!v) return;
  for (size_t i = 0; i < v->shape.size(); ++i)
    if (v->strides[i] == 0 && v->shape[i] > 1)
      runtime_error("unsupported operation: more than one element of the written-to tensor refers to a single memory "
                    "location. Please clone() the tensor before performing the operation.");
  if (grad_mode_enabled() && t.requires_grad())
    throw Error("NotImplementedError",
                "gradlab does not support in-place operations on a view (a slice, an index, a transpose) of a tensor "
                "that requires grad; assign the new values instead, e.g. y[0:2] = y[0:2] * 3");
  write_back(*v, t.storage());
}

}  // namespace gradlab
