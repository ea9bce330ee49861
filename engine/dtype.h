// Element types. gradlab supports PyTorch's everyday dtypes (float32, float64, int64) and bool;
// float32 is the default. Type promotion follows PyTorch: see Note [Type promotion] in tensor.cpp.
//
// Note [Bool storage]: a bool tensor stores each element as an int64 0 or 1, so every backend
// primitive and every dispatch_dtype switch handles it as int64 with no extra case (and the
// int64/float paths pay nothing for it). What makes it bool is the dtype tag: ops that produce
// bool (comparisons, casts, logical ops) write only 0/1, and the ops that would compute other
// values on it (arithmetic) promote or refuse first (ops/compare.cpp). `element_size()` still
// reports PyTorch's 1 byte (dtype_itemsize).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace gradlab {

enum class DType : uint8_t { Float32, Float64, Int64, Bool };

inline constexpr DType kDefaultFloat = DType::Float32;

// Bytes per element in storage (Note [Bool storage]: bool elements are int64s).
inline size_t dtype_size(DType t) { return t == DType::Float32 ? 4 : 8; }
// Bytes per element as PyTorch reports them (`element_size()`, `dtype.itemsize`).
inline size_t dtype_itemsize(DType t) { return t == DType::Bool ? 1 : dtype_size(t); }
inline bool is_floating(DType t) { return t == DType::Float32 || t == DType::Float64; }
// "torch.float32" — what `x.dtype` prints.
inline const char* dtype_name(DType t) {
  switch (t) {
    case DType::Float32: return "torch.float32";
    case DType::Float64: return "torch.float64";
    case DType::Int64: return "torch.int64";
    case DType::Bool: return "torch.bool";
  }
  return "?";
}
// "Float" — used inside PyTorch messages such as "expected scalar type Float".
inline const char* dtype_scalar_name(DType t) {
  switch (t) {
    case DType::Float32: return "Float";
    case DType::Float64: return "Double";
    case DType::Int64: return "Long";
    case DType::Bool: return "Bool";
  }
  return "?";
}

// Calls f with a value of the C++ type for `t` (float, double or int64_t; bool tensors are
// int64 0/1 in storage, Note [Bool storage]).
template <class F>
decltype(auto) dispatch_dtype(DType t, F&& f) {
  switch (t) {
    case DType::Float32: return f(float{});
    case DType::Float64: return f(double{});
    default: return f(int64_t{});
  }
}

}  // namespace gradlab
