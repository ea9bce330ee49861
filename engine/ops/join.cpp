// See join.h. The output is allocated once and each input written into its window with the
// backend's strided_write, so any dtype and device works.
#include "engine/ops/join.h"

#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {
void check_no_history(const char* name, const std::vector<Tensor>& ts) {
  if (!grad_mode_enabled()) return;
  for (const Tensor& t : ts)
    if (t.requires_grad())
      throw Error("NotImplementedError", std::string("gradlab does not support torch.") + name +
                                             " of tensors that require grad yet (its backward is not written)");
}

std::string sizes_str(const Shape& s) {
  std::string out = "[";
  for (size_t i = 0; i < s.size(); ++i) out += (i ? ", " : "") + std::to_string(s[i]);
  return out + "]";
}
}  // namespace

Tensor cat(const std::vector<Tensor>& tensors, int64_t dim) {
  if (tensors.empty()) runtime_error("torch.cat(): expected a non-empty list of Tensors");
  for (size_t i = 0; i < tensors.size(); ++i)
    if (tensors[i].dim() == 0)
      runtime_error("zero-dimensional tensor (at position " + std::to_string(i) + ") cannot be concatenated");
  check_no_history("cat", tensors);
  // PyTorch skips legacy empty 1-D tensors ([0]) when others have more dims.
  const Tensor* ref = nullptr;
  for (const Tensor& t : tensors)
    if (!(t.dim() == 1 && t.numel() == 0)) {
      ref = &t;
      break;
    }
  if (!ref) ref = &tensors[0];
  const int64_t rank = ref->dim();
  const int64_t d = wrap_dim(dim, rank);
  DType dtype = tensors[0].dtype();
  for (const Tensor& t : tensors) {
    dtype = result_type(prim::cast(tensors[0], dtype), t);
    prim::check_same_device(tensors[0], t);
  }
  Shape out_shape = ref->shape();
  out_shape[d] = 0;
  for (size_t i = 0; i < tensors.size(); ++i) {
    const Tensor& t = tensors[i];
    if (t.dim() == 1 && t.numel() == 0 && rank != 1) continue;
    if (t.dim() != rank)
      runtime_error("Tensors must have same number of dimensions: got " + std::to_string(rank) + " and " + std::to_string(t.dim()));
    for (int64_t k = 0; k < rank; ++k)
      if (k != d && t.shape()[k] != ref->shape()[k])
        runtime_error("Sizes of tensors must match except in dimension " + std::to_string(d) + ". Expected size " +
                      std::to_string(ref->shape()[k]) + " but got size " + std::to_string(t.shape()[k]) +
                      " for tensor number " + std::to_string(i) + " in the list.");
    out_shape[d] += t.shape()[d];
  }
  Tensor out = prim::empty(out_shape, dtype, ref->device());
  const std::vector<int64_t> strides = contiguous_strides(out_shape);
  int64_t offset = 0;
  for (const Tensor& t : tensors) {
    if (t.dim() == 1 && t.numel() == 0 && rank != 1) continue;
    if (t.numel() > 0) {
      Tensor src = prim::cast(t, dtype);
      out.storage().backend->strided_write(dtype, src.data(), out.mutable_data(),
                                           StridedView{nullptr, t.shape(), strides, offset * strides[d]});
    }
    offset += t.shape()[d];
  }
  return out;
}

Tensor stack(const std::vector<Tensor>& tensors, int64_t dim) {
  if (tensors.empty()) runtime_error("stack expects a non-empty TensorList");
  for (size_t i = 1; i < tensors.size(); ++i)
    if (tensors[i].shape() != tensors[0].shape())
      runtime_error("stack expects each tensor to be equal size, but got " + sizes_str(tensors[0].shape()) + " at entry 0 and " +
                    sizes_str(tensors[i].shape()) + " at entry " + std::to_string(i));
  check_no_history("stack", tensors);
  const int64_t d = wrap_dim(dim, tensors[0].dim() + 1);
  Shape shape = tensors[0].shape();
  shape.insert(shape.begin() + d, 1);
  std::vector<Tensor> parts;
  parts.reserve(tensors.size());
  for (const Tensor& t : tensors) parts.push_back(prim::alias(t, shape));
  return cat(parts, d);
}

}  // namespace gradlab
