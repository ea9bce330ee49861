// The reference side of sleef_exhaustive: SLEEF 3.5.1's AVX2 functions, which PyTorch 1.13 calls.
// Only this file is compiled with -mavx2 -mfma, so that engine/sleef_math.h is tested as the
// engine compiles it (sleef_exhaustive.cpp uses the project's ordinary flags).
#include <immintrin.h>
#include <sleef.h>

#include "tests/sleef/sleef_reference.h"

namespace gradlab_sleef_test {

void reference8(Function fn, const float* in, float* out) {
  __m256 x = _mm256_loadu_ps(in), y;
  switch (fn) {
    case Function::Exp: y = Sleef_expf8_u10avx2(x); break;
    case Function::Log: y = Sleef_logf8_u10avx2(x); break;
    case Function::Sin: y = Sleef_sinf8_u10avx2(x); break;
    case Function::Cos: y = Sleef_cosf8_u10avx2(x); break;
    case Function::Expm1: y = Sleef_expm1f8_u10avx2(x); break;
    case Function::Log1p: y = Sleef_log1pf8_u10avx2(x); break;
    case Function::Erf: y = Sleef_erff8_u10avx2(x); break;
    case Function::Log2: y = Sleef_log2f8_u10avx2(x); break;
    case Function::Log10: y = Sleef_log10f8_u10avx2(x); break;
    case Function::Sinh: y = Sleef_sinhf8_u10avx2(x); break;
    case Function::Cosh: y = Sleef_coshf8_u10avx2(x); break;
    case Function::Tan: y = Sleef_tanf8_u10avx2(x); break;
    case Function::Asin: y = Sleef_asinf8_u10avx2(x); break;
    case Function::Acos: y = Sleef_acosf8_u10avx2(x); break;
    case Function::Atan: y = Sleef_atanf8_u10avx2(x); break;
    case Function::Erfc: y = Sleef_erfcf8_u15avx2(x); break;
    default: y = Sleef_tanhf8_u10avx2(x); break;
  }
  _mm256_storeu_ps(out, y);
}

void reference4d(Function fn, const double* in, double* out) {
  __m256d x = _mm256_loadu_pd(in), y;
  switch (fn) {
    case Function::Exp: y = Sleef_expd4_u10avx2(x); break;
    case Function::Log: y = Sleef_logd4_u10avx2(x); break;
    case Function::Sin: y = Sleef_sind4_u10avx2(x); break;
    case Function::Cos: y = Sleef_cosd4_u10avx2(x); break;
    case Function::Expm1: y = Sleef_expm1d4_u10avx2(x); break;
    case Function::Log1p: y = Sleef_log1pd4_u10avx2(x); break;
    case Function::Erf: y = Sleef_erfd4_u10avx2(x); break;
    case Function::Log2: y = Sleef_log2d4_u10avx2(x); break;
    case Function::Log10: y = Sleef_log10d4_u10avx2(x); break;
    case Function::Sinh: y = Sleef_sinhd4_u10avx2(x); break;
    case Function::Cosh: y = Sleef_coshd4_u10avx2(x); break;
    case Function::Tan: y = Sleef_tand4_u10avx2(x); break;
    case Function::Asin: y = Sleef_asind4_u10avx2(x); break;
    case Function::Acos: y = Sleef_acosd4_u10avx2(x); break;
    case Function::Atan: y = Sleef_atand4_u10avx2(x); break;
    case Function::Erfc: y = Sleef_erfcd4_u15avx2(x); break;
    default: y = Sleef_tanhd4_u10avx2(x); break;
  }
  _mm256_storeu_pd(out, y);
}

void reference_pow8(const float* x, const float* y, float* out) {
  _mm256_storeu_ps(out, Sleef_powf8_u10avx2(_mm256_loadu_ps(x), _mm256_loadu_ps(y)));
}

void reference_pow4d(const double* x, const double* y, double* out) {
  _mm256_storeu_pd(out, Sleef_powd4_u10avx2(_mm256_loadu_pd(x), _mm256_loadu_pd(y)));
}

void reference_atan2_8(const float* y, const float* x, float* out) {
  _mm256_storeu_ps(out, Sleef_atan2f8_u10avx2(_mm256_loadu_ps(y), _mm256_loadu_ps(x)));
}

void reference_atan2_4d(const double* y, const double* x, double* out) {
  _mm256_storeu_pd(out, Sleef_atan2d4_u10avx2(_mm256_loadu_pd(y), _mm256_loadu_pd(x)));
}

void reference_hypot8(const float* x, const float* y, float* out) {
  _mm256_storeu_ps(out, Sleef_hypotf8_u05avx2(_mm256_loadu_ps(x), _mm256_loadu_ps(y)));
}

void reference_hypot4d(const double* x, const double* y, double* out) {
  _mm256_storeu_pd(out, Sleef_hypotd4_u05avx2(_mm256_loadu_pd(x), _mm256_loadu_pd(y)));
}

}  // namespace gradlab_sleef_test
