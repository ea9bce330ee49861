// Host copies of a tensor's elements, and a tensor made from host values: the ops whose CPU
// kernels are written as plain loops over std::vector (losses, convolution, pooling) read their
// operands and write their results through these (storage is always contiguous).
#pragma once
#include <vector>

#include "engine/ops/primitives.h"
#include "engine/tensor.h"

namespace gradlab::ops {

template <class T>
std::vector<T> host_values(const Tensor& t) {
  std::vector<T> v(static_cast<size_t>(t.numel()));
  if (!v.empty()) t.storage().backend->copy_to_host(v.data(), t.data(), v.size() * sizeof(T));
  return v;
}

template <class T>
Tensor from_host(const std::vector<T>& v, const Shape& shape, DType dtype, Device device) {
  Tensor out = prim::empty(shape, dtype, device);
  if (!v.empty()) out.storage().backend->copy_from_host(out.mutable_data(), v.data(), v.size() * sizeof(T));
  return out;
}

}  // namespace gradlab::ops
