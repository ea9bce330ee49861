// Element types. gradlab supports PyTorch's three everyday dtypes; float32 is the default.
// Type promotion follows PyTorch: see Note [Type promotion] in tensor_ops.cpp.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace gradlab {

enum class DType : uint8_t { Float32, Float64, Int64 };

inline constexpr DType kDefaultFloat = DType::Float32;

inline size_t dtype_size(DType t) { return t == DType::Float32 ? 4 : 8; }
inline bool is_floating(DType t) { return t != DType::Int64; }
// "torch.float32" — what `x.dtype` prints.
inline const char* dtype_name(DType t) {
  switch (t) {
    case DType::Float32: return "torch.float32";
    case DType::Float64: return "torch.float64";
    case DType::Int64: return "torch.int64";
  }
  return "?";
}
// "Float" — used inside PyTorch messages such as "expected scalar type Float".
inline const char* dtype_scalar_name(DType t) {
  switch (t) {
    case DType::Float32: return "Float";
    case DType::Float64: return "Double";
    case DType::Int64: return "Long";
  }
  return "?";
}

// Calls f with a value of the C++ type for `t` (float, double or int64_t).
template <class F>
decltype(auto) dispatch_dtype(DType t, F&& f) {
  switch (t) {
    case DType::Float32: return f(float{});
    case DType::Float64: return f(double{});
    default: return f(int64_t{});
  }
}

}  // namespace gradlab
