// Small helpers shared by the op families (ops/*.cpp): saved-tensor access and the common
// "run forward, then record the node" shape of every op.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "engine/autograd/node.h"
#include "engine/narrow_values.h"
#include "engine/ops/primitives.h"

namespace gradlab::ops {

// The i-th saved tensor of a node (Note [Saved tensors]).
inline const Tensor& saved(const Node& n, size_t i) { return n.saved[i]; }

// The Python number of `x * 3`, `x + 3`, `x / 3`: PyTorch wraps it in a tensor that needs no
// grad, so the node lists it as `(None, 0)` in next_functions; the backward skips it.
inline void add_number_operand(Node* n) {
  if (!n) return;
  n->next_edges.push_back(Edge{});
  n->inputs.push_back(InputMeta{Shape{}, n->inputs[0].dtype, n->inputs[0].device});
}

// "float", "double", "long int": a dtype as ATen's messages print a TypeMeta ("expected dtype
// float for `end` but got dtype double").
inline const char* c_type_name(DType t) { return dtype_c_name(t); }

// A backward's gradient for input i, or none when that input needs none.
inline Tensor grad_if(const Node& n, size_t i, Tensor g) { return n.needs_input_grad(i) ? std::move(g) : Tensor(); }

// ATen's error for a dtype its CPU kernel is not compiled for: "bmm" not implemented for 'Half'.
[[noreturn]] inline void not_implemented_for(const char* kernel, DType t) {
  runtime_error(std::string("\"") + kernel + "\" not implemented for '" + dtype_scalar_name(t) + "'");
}

// A PyTorch feature gradlab does not model: NotImplementedError rather than other digits.
[[noreturn]] inline void not_supported(const std::string& what) {
  throw Error("NotImplementedError", what + " is not supported by gradlab");
}

// Ops whose kernels gradlab runs on the host in float or double by the dtype (norms, losses,
// convolutions, pooling) are not defined for float16/bfloat16 (Note [Narrow dtypes]): a clean
// NotImplementedError instead of reading float32 storage as double.
// Kernels that compute on the host in the storage type (Note [Narrow dtypes]) and would skip
// the narrow dtypes' per-result rounding or wrapping: NotImplementedError for any narrow dtype.
inline void refuse_narrow(const Tensor& t, const std::string& op) {
  if (is_narrow(t.dtype())) not_supported(op + " on " + dtype_name(t.dtype()) + " tensors");
}
inline void refuse_narrow_float(const Tensor& t, const std::string& op) {
  if (is_floating(t.dtype()) && is_narrow(t.dtype()))
    not_supported(op + " on " + dtype_name(t.dtype()) + " tensors");
}

// In-place building blocks (Note [In-place ops], inplace.cpp), shared by the in-place ops of
// other families (masked_fill_, index_put_).
void check_inplace_allowed(const Tensor& self);
bool needs_history(const Tensor& self, const Tensor* other);
Tensor self_as_input(const Tensor& self, bool keep_copy);
Tensor& assign_result(Tensor& self, const Tensor& value);
// In place without history (the optimizers' `with torch.no_grad()` updates): `values` written
// into self's storage and its version bumped; with history requested, NotImplementedError.
Tensor& write_into(Tensor& self, const Tensor& values, const char* name, std::initializer_list<const Tensor*> others);

// Kernels that follow one ATen CPU loop exactly run on a host copy (the values in row-major
// order, as T) and write a fresh tensor from one.
template <class T>
std::vector<T> host_values(const Tensor& t) {
  std::vector<T> v(static_cast<size_t>(t.numel()));
  if (!v.empty()) t.storage().backend->copy_to_host(v.data(), t.data(), v.size() * sizeof(T));
  return v;
}

template <class T>
Tensor from_host(const std::vector<T>& v, const Shape& shape, DType dtype, Device device) {
  Tensor out = prim::empty(shape, dtype, device);
  if (v.empty()) return out;
  if (is_narrow(dtype)) {  // host results are computed wide: narrow them (Note [Narrow dtypes])
    std::vector<T> narrowed = v;
    narrow_values(dtype, narrowed.data(), static_cast<int64_t>(narrowed.size()));
    out.storage().backend->copy_from_host(out.mutable_data(), narrowed.data(), narrowed.size() * sizeof(T));
    return out;
  }
  out.storage().backend->copy_from_host(out.mutable_data(), v.data(), v.size() * sizeof(T));
  return out;
}

// A host copy of a tensor's elements, and a tensor made from one: the ops whose work depends on
// index values (masks, advanced indexing) do it on the host, one transfer each way on CUDA.
inline std::vector<unsigned char> host_bytes(const Tensor& t) {
  std::vector<unsigned char> host(static_cast<size_t>(t.numel()) * dtype_size(t.dtype()));
  if (!host.empty()) t.storage().backend->copy_to_host(host.data(), t.data(), host.size());
  return host;
}
inline Tensor from_host_bytes(const std::vector<unsigned char>& host, const Shape& shape, DType dtype, Device device) {
  Tensor out = prim::empty(shape, dtype, device);
  if (!host.empty()) out.storage().backend->copy_from_host(out.mutable_data(), host.data(), host.size());
  return out;
}

// Reductions over dims (reduce.cpp, variance.cpp): the dims wrapped and checked, and the shapes.
// The keepdim shape of reducing `shape` over `dims` (each dim set to 1).
inline Shape keepdim_shape(const Shape& shape, const std::vector<int64_t>& dims) {
  Shape out = shape;
  for (int64_t d : dims) out[d] = 1;
  return out;
}

inline Shape drop_dims(const Shape& shape, const std::vector<int64_t>& dims) {
  Shape out;
  for (size_t i = 0; i < shape.size(); ++i)
    if (std::find(dims.begin(), dims.end(), static_cast<int64_t>(i)) == dims.end()) out.push_back(shape[i]);
  return out;
}

inline std::vector<int64_t> wrap_dims(const std::vector<int64_t>& dims, int64_t rank) {
  std::vector<int64_t> out;
  for (int64_t d : dims) {
    int64_t w = wrap_dim(d, rank);
    if (std::find(out.begin(), out.end(), w) != out.end()) {
      runtime_error("dim " + std::to_string(w) + " appears multiple times in the list of dims");
    }
    out.push_back(w);
  }
  if (rank == 0) out.clear();  // dims 0/-1 of a 0-d tensor reduce nothing
  return out;
}

// Element moves by flat offsets into contiguous storage (index.cpp), for the ops whose positions
// come from index values: a[offsets] as a tensor of `shape`; a copy of `base` with values[i]
// written (or added, in order) at offsets[i]; zeros.
Tensor take_elements(const Tensor& a, const std::vector<int64_t>& offsets, const Shape& shape);
Tensor put_elements(const Tensor& base, const std::vector<int64_t>& offsets, const Tensor& values, bool accumulate);
Tensor zeros_of(const Shape& shape, DType dtype, Device device);

// A contiguous tensor seen around `dim` as [outer, dim_size, inner]: the lines an op along `dim`
// walks (line (o, i) holds elements (o * dim_size + k) * inner + i). A 0-d tensor is one line of one.
struct DimSplit {
  int64_t outer = 1, dim_size = 1, inner = 1;
  Shape keep;  // the shape with the dim 1
};
inline DimSplit split_at(const Shape& shape, int64_t dim) {
  DimSplit s;
  if (shape.empty()) return s;
  for (int64_t d = 0; d < dim; ++d) s.outer *= shape[d];
  s.dim_size = shape[dim];
  for (size_t d = static_cast<size_t>(dim) + 1; d < shape.size(); ++d) s.inner *= shape[d];
  s.keep = shape;
  s.keep[dim] = 1;
  return s;
}

// One value per line of `a` (contiguous) around `lines`: reduce(first, len, stride) gets a
// pointer to the line's first element in a host copy; the results, in a's dtype, make a tensor
// of `shape` (outer * inner elements).
template <class Reduce>
Tensor reduce_lines(const Tensor& a, const DimSplit& lines, const Shape& shape, Reduce reduce) {
  const std::vector<unsigned char> bytes = host_bytes(a);
  std::vector<unsigned char> out_bytes(static_cast<size_t>(lines.outer * lines.inner) * dtype_size(a.dtype()));
  dispatch_dtype(a.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* x = reinterpret_cast<const T*>(bytes.data());
    T* out = reinterpret_cast<T*>(out_bytes.data());
    for (int64_t o = 0; o < lines.outer; ++o)
      for (int64_t i = 0; i < lines.inner; ++i)
        out[o * lines.inner + i] = reduce(x + o * lines.dim_size * lines.inner + i, lines.dim_size, lines.inner);
  });
  return from_host_bytes(out_bytes, shape, a.dtype(), a.device());
}

inline Tensor mul_scalar(const Tensor& t, double s) { return prim::unary(UnaryOp::MulScalar, t, s); }

}  // namespace gradlab::ops
