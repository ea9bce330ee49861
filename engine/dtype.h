// Element types. gradlab supports PyTorch's dtypes float32 (the default), float64, float16,
// bfloat16, int64, int32, int16, int8, uint8 and bool. Type promotion follows PyTorch: see
// Note [Type promotion] in tensor.cpp.
//
// Note [Bool storage]: a bool tensor stores each element as an int64 0 or 1, so every backend
// primitive and every dispatch_dtype switch handles it as int64 with no extra case (and the
// int64/float paths pay nothing for it). What makes it bool is the dtype tag: ops that produce
// bool (comparisons, casts, logical ops) write only 0/1, and the ops that would compute other
// values on it (arithmetic) promote or refuse first (ops/compare.cpp). `element_size()` still
// reports PyTorch's 1 byte (dtype_itemsize).
//
// Note [Narrow dtypes]: the same trick carries the other small dtypes. uint8, int8, int16 and
// int32 elements are stored as int64s, float16 and bfloat16 elements as float32s (their
// storage_dtype); backends only ever see the three storage types. What keeps the values right is
// one rule: every result of a narrow dtype is narrowed once, when it is written — integers wrap
// to their width (two's complement; uint8 modulo 256), 16-bit floats round to nearest-even
// (overflow to inf, subnormals, NaN kept). backend/narrowing_backend.cpp applies it around every
// backend call, so no kernel changes. This gives PyTorch's values because PyTorch's CPU kernels
// compute these dtypes per operation in a wider type (float for float16/bfloat16: c10::Half's
// arithmetic converts to float and back; integer arithmetic is modular, so computing in int64 and
// wrapping once equals wrapping at every step) and round or wrap each result. Where PyTorch
// instead widens the result (sum/prod/cumsum of integers give int64) or refuses (most float16
// kernels on CPU in 1.13, ops/dtype_support.cpp), the op does so before computing.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace gradlab {

enum class DType : uint8_t { Float32, Float64, Int64, Bool, UInt8, Int8, Int16, Int32, Float16, BFloat16 };
inline constexpr int kDTypeCount = 10;

inline constexpr DType kDefaultFloat = DType::Float32;

inline constexpr bool is_floating(DType t) {
  return t == DType::Float32 || t == DType::Float64 || t == DType::Float16 || t == DType::BFloat16;
}
// The type the elements are stored and computed in (Note [Narrow dtypes]).
inline constexpr DType storage_dtype(DType t) {
  return t == DType::Float64 ? DType::Float64 : is_floating(t) ? DType::Float32 : DType::Int64;
}
// Stored in a wider type than PyTorch's, so results are narrowed (bool is excluded: its ops
// write 0/1 themselves, Note [Bool storage]).
inline constexpr bool is_narrow(DType t) {
  return t != DType::Bool && t != DType::Float32 && t != DType::Float64 && t != DType::Int64;
}
// Integer or bool: stored as int64.
inline constexpr bool is_integral_storage(DType t) { return storage_dtype(t) == DType::Int64; }

// Bytes per element in storage (Note [Narrow dtypes]).
inline size_t dtype_size(DType t) { return storage_dtype(t) == DType::Float32 ? 4 : 8; }
// Bytes per element as PyTorch reports them (`element_size()`, `dtype.itemsize`).
inline size_t dtype_itemsize(DType t) {
  switch (t) {
    case DType::Bool: case DType::UInt8: case DType::Int8: return 1;
    case DType::Int16: case DType::Float16: case DType::BFloat16: return 2;
    case DType::Int32: case DType::Float32: return 4;
    default: return 8;
  }
}
inline constexpr bool is_signed_dtype(DType t) { return t != DType::Bool && t != DType::UInt8; }
// "torch.float32" — what `x.dtype` prints.
inline const char* dtype_name(DType t) {
  switch (t) {
    case DType::Float32: return "torch.float32";
    case DType::Float64: return "torch.float64";
    case DType::Int64: return "torch.int64";
    case DType::Bool: return "torch.bool";
    case DType::UInt8: return "torch.uint8";
    case DType::Int8: return "torch.int8";
    case DType::Int16: return "torch.int16";
    case DType::Int32: return "torch.int32";
    case DType::Float16: return "torch.float16";
    case DType::BFloat16: return "torch.bfloat16";
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
    case DType::UInt8: return "Byte";
    case DType::Int8: return "Char";
    case DType::Int16: return "Short";
    case DType::Int32: return "Int";
    case DType::Float16: return "Half";
    case DType::BFloat16: return "BFloat16";
  }
  return "?";
}

// "long int" — the C type name in ATen's dtype-mismatch messages.
inline const char* dtype_c_name(DType t) {
  switch (t) {
    case DType::Float32: return "float";
    case DType::Float64: return "double";
    case DType::Int64: return "long int";
    case DType::Bool: return "bool";
    case DType::UInt8: return "unsigned char";
    case DType::Int8: return "signed char";
    case DType::Int16: return "short int";
    case DType::Int32: return "int";
    case DType::Float16: return "c10::Half";
    case DType::BFloat16: return "c10::BFloat16";
  }
  return "?";
}

// Calls f with a value of the C++ storage type for `t` (float, double or int64_t; Note [Bool
// storage], Note [Narrow dtypes]).
template <class F>
decltype(auto) dispatch_dtype(DType t, F&& f) {
  switch (storage_dtype(t)) {
    case DType::Float32: return f(float{});
    case DType::Float64: return f(double{});
    default: return f(int64_t{});
  }
}

}  // namespace gradlab
