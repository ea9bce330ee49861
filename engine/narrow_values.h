// The rounding and wrapping that make int64/float32 storage hold the narrow dtypes' values
// (Note [Narrow dtypes] in dtype.h): float16 and bfloat16 round-to-nearest-even, integers wrap.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>

#include "engine/dtype.h"

namespace gradlab {

inline uint32_t float_bits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}
inline float bits_float(uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}

// IEEE binary16 bits of the float16 nearest to f (ties to even); past the largest finite value
// (65504, rounding boundary 65520) it is inf; NaN stays NaN (quiet).
inline uint16_t float_to_half_bits(float f) {
  uint32_t x = float_bits(f);
  const auto sign = static_cast<uint16_t>((x >> 16) & 0x8000u);
  x &= 0x7fffffffu;
  if (x >= 0x7f800000u) return sign | (x > 0x7f800000u ? 0x7e00u : 0x7c00u);
  if (x >= 0x477ff000u) return sign | 0x7c00u;  // >= 65520 rounds to inf
  if (x < 0x38800000u) {
    // Below 2^-14, the smallest normal: a multiple of 2^-24. Scaling by 2^24 is exact and the
    // default rounding mode rounds the integer ties to even; 1024 is the smallest normal itself.
    const float units = std::nearbyint(bits_float(x) * 16777216.0f);
    return sign | static_cast<uint16_t>(units);
  }
  x += 0xfffu + ((x >> 13) & 1u);  // round the 13 dropped mantissa bits to nearest even
  return sign | static_cast<uint16_t>((x - (112u << 23)) >> 13);  // exponent bias 127 -> 15
}

inline float half_bits_to_float(uint16_t h) {
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
  const uint32_t exponent = (h >> 10) & 0x1fu, mantissa = h & 0x3ffu;
  if (exponent == 0) {  // zero or subnormal: mantissa · 2^-24, exact in float
    const float v = static_cast<float>(mantissa) / 16777216.0f;
    return bits_float(float_bits(v) | sign);
  }
  if (exponent == 31) return bits_float(sign | 0x7f800000u | (mantissa << 13));
  return bits_float(sign | ((exponent + 112u) << 23) | (mantissa << 13));
}

inline float round_to_half(float f) { return half_bits_to_float(float_to_half_bits(f)); }

// bfloat16 is float32's upper half: round the lower 16 bits away, ties to even; NaN stays NaN.
inline uint16_t float_to_bfloat16_bits(float f) {
  const uint32_t x = float_bits(f);
  if ((x & 0x7fffffffu) > 0x7f800000u) return static_cast<uint16_t>((x >> 16) | 0x0040u);
  return static_cast<uint16_t>((x + 0x7fffu + ((x >> 16) & 1u)) >> 16);
}
inline float round_to_bfloat16(float f) { return bits_float(static_cast<uint32_t>(float_to_bfloat16_bits(f)) << 16); }

// Two's-complement wrap of an int64 to an integer dtype's width (uint8: modulo 256).
inline int64_t wrap_integer(int64_t v, DType t) {
  switch (t) {
    case DType::UInt8: return static_cast<uint8_t>(v);
    case DType::Int8: return static_cast<int8_t>(v);
    case DType::Int16: return static_cast<int16_t>(v);
    case DType::Int32: return static_cast<int32_t>(v);
    default: return v;
  }
}

// A value as an element of dtype `t` holds it, in t's storage type.
inline float narrow_float(float v, DType t) {
  return t == DType::Float16 ? round_to_half(v) : t == DType::BFloat16 ? round_to_bfloat16(v) : v;
}

// c10's overflow check for a Python number stored into a narrow dtype (torch.tensor, torch.full,
// fill_): outside the dtype's range, except that uint8 also takes -255..-1 (they wrap) and the
// 16-bit floats take inf and nan.
inline bool narrow_overflows(double v, DType t) {
  switch (t) {
    case DType::UInt8: return v > 255 || v < -255;
    case DType::Int8: return v < -128 || v > 127;
    case DType::Int16: return v < -32768 || v > 32767;
    case DType::Int32: return v < -2147483648.0 || v > 2147483647.0;
    case DType::Float16: return std::isfinite(v) && std::fabs(v) > 65504.0;
    case DType::BFloat16: return std::isfinite(v) && std::fabs(v) > 3.3895313892515355e+38;
    default: return false;
  }
}
// The type names c10 uses in that error: "uint8_t" (torch.full, fill_), "uint8" (torch.tensor).
inline const char* narrow_c10_name(DType t, bool for_tensor_literal) {
  switch (t) {
    case DType::UInt8: return for_tensor_literal ? "uint8" : "uint8_t";
    case DType::Int8: return for_tensor_literal ? "int8" : "int8_t";
    case DType::Int16: return for_tensor_literal ? "int16" : "int16_t";
    case DType::Int32: return for_tensor_literal ? "int32" : "int";
    case DType::Float16: return "at::Half";
    case DType::BFloat16: return "at::BFloat16";
    default: return "?";
  }
}

// Narrows n host elements of dtype `t` (in its storage type) in place; nothing for wide dtypes.
inline void narrow_values(DType t, void* data, int64_t n) {
  if (!is_narrow(t)) return;
  if (storage_dtype(t) == DType::Float32) {
    float* p = static_cast<float*>(data);
    if (t == DType::Float16)
      for (int64_t i = 0; i < n; ++i) p[i] = round_to_half(p[i]);
    else
      for (int64_t i = 0; i < n; ++i) p[i] = round_to_bfloat16(p[i]);
    return;
  }
  int64_t* p = static_cast<int64_t*>(data);
  for (int64_t i = 0; i < n; ++i) p[i] = wrap_integer(p[i], t);
}

}  // namespace gradlab
