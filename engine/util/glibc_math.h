// Bit-exact ports of the glibc 2.36 libm routines whose last bits PyTorch's printed numbers
// depend on, so that every build (native and WebAssembly) computes glibc's results.
//
// Note [glibc's libm]
// PyTorch 1.13.1 on x86-64 Linux calls glibc's libm wherever its CPU kernels use std::log,
// std::tanh... on a scalar: the float64 Box-Muller transform of torch.randn and torch.normal, the
// exponential, geometric and Poisson samplers, and the scalar tails of the activations and of
// sinh/cosh (Note [Vector and tail forms] in engine/scalar_math.h); CPython's math module calls
// it too. A native gradlab build calls the same glibc, but the WebAssembly build links musl's
// libm, whose routines round differently for some inputs (up to a few percent of them for sin,
// cos, tanh), and one wrong last bit changes printed digits. So the engine calls these ports
// instead of the C library where glibc's exact result matters. Natively they agree with glibc bit
// for bit (tests/cpp/test_glibc_math.cpp; the one-argument float ones over all 2^32 inputs), so
// native output does not change.
//
// glibc on x86-64 picks, through ifunc, a variant of some routines compiled with -mfma -mavx2 on
// CPUs with FMA (all of PyTorch's reference Haswell-class machines): __ieee754_log_fma,
// __ieee754_exp_fma, __sin_fma, __cos_fma, __expm1_fma, __ieee754_atan2_fma. The compiler fused
// some multiply-adds there, which changes roundings, so the ports spell each fused operation as std::fma (read off
// the variants' machine code) and leave the rest unfused (the project compiles with
// -ffp-contract=off). The other routines are built for baseline x86-64, without fma.
//   - log, exp: the ARM optimized-routines algorithms (tables of 128 entries, short polynomials;
//     a degree-11 polynomial for log near 1).
//   - sin, cos: IBM's accurate library (s_sin.c) without its slow paths: a Taylor polynomial for
//     small arguments, otherwise a table of sin and cos at k/128 with a correction, after a
//     Cody-Waite reduction by pi/2. Arguments with |x| >= 105414350 take glibc's multi-word
//     reduction (__branred), which is not ported: there the ports call std::sin / std::cos
//     (never reached by the samplers, whose angles lie in [0, 2 pi)).
//   - expm1, tanh, sinh, cosh and their float versions: fdlibm's (tanh, sinh and cosh build on
//     expm1 and exp; sinhf and coshf on glibc's expf, libm_expf in engine/sleef_math.h).
//   - atan2: IBM's accurate library (e_atan2.c, whose slow multi-precision paths glibc 2.35
//     removed): a double-double ratio, then a polynomial or a table of Taylor expansions.
//     atan2f: fdlibm's, over its atanf. (The tails of torch.atan2, and math.atan2.)
//   - hypot: glibc 2.35's rewrite (a rounded square root and one correction step; the FMA form
//     of its kernel is not the one x86-64 runs). hypotf: the square root of a double sum. (The
//     tails of torch.hypot.)
// Not ported (musl may differ in the last bit): log1p, erf, asinh, acosh, atanh, lgamma and their
// float versions; no golden case depends on the wasm build's bits of them today.
#pragma once

namespace gradlab {

double glibc_log(double x);
double glibc_sin(double x);
double glibc_cos(double x);
double glibc_exp(double x);
double glibc_expm1(double x);
double glibc_tanh(double x);
double glibc_sinh(double x);
double glibc_cosh(double x);
float glibc_expm1f(float x);
float glibc_tanhf(float x);
float glibc_sinhf(float x);
float glibc_coshf(float x);
double glibc_atan2(double y, double x);
float glibc_atan2f(float y, float x);
double glibc_hypot(double x, double y);
float glibc_hypotf(float x, float y);

}  // namespace gradlab
