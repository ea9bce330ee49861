// Interface between sleef_exhaustive.cpp (ordinary flags) and sleef_reference.cpp (AVX2).
#pragma once

namespace gradlab_sleef_test {

enum class Function { Exp, Log, Sin, Cos, Tanh, Expm1, Log1p, Erf, Log2, Log10, Sinh, Cosh, Tan, Asin, Acos, Atan, Erfc };

// out[k] = SLEEF's u10 AVX2 result for in[k], k < 8 (erfc: u15). Call only on CPUs with AVX2 and FMA.
void reference8(Function fn, const float* in, float* out);

// out[k] = SLEEF's float64 u10 AVX2 result (Sleef_*d4_u10avx2) for in[k], k < 4.
void reference4d(Function fn, const double* in, double* out);

// out[k] = Sleef_powf8_u10avx2(x, y)[k], k < 8; and Sleef_powd4_u10avx2, k < 4.
void reference_pow8(const float* x, const float* y, float* out);
void reference_pow4d(const double* x, const double* y, double* out);

// The same for Sleef_atan2f8_u10avx2(y, x) / Sleef_atan2d4_u10avx2 and Sleef_hypotf8_u05avx2 /
// Sleef_hypotd4_u05avx2.
void reference_atan2_8(const float* y, const float* x, float* out);
void reference_atan2_4d(const double* y, const double* x, double* out);
void reference_hypot8(const float* x, const float* y, float* out);
void reference_hypot4d(const double* x, const double* y, double* out);

}  // namespace gradlab_sleef_test
