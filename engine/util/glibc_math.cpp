// glibc 2.36's libm routines, as its x86-64 build computes them (the FMA variants where there are
// some: Note [glibc's libm] in glibc_math.h). Every std::fma below is a multiply-add that GCC fused in
// glibc's -mfma build; every other product and sum is rounded on its own (-ffp-contract=off).
// The entry points are GRADLAB_WIDE_VECTORS so that on FMA-capable CPUs std::fma is an
// instruction rather than a libm call (the samplers call them per element).
#include "engine/util/glibc_math.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "engine/sleef_math.h"
#include "engine/util/glibc_math_tables.h"
#include "engine/util/wide_vectors.h"

namespace gradlab {
namespace {

using glibc_math_detail::kExpTable;
using glibc_math_detail::kLogTable;
using glibc_math_detail::kSinCosTable;

using sleef_detail::bits_of;
using sleef_detail::double_of;
using sleef_detail::float_of;

// The high 32 bits of x (fdlibm's GET_HIGH_WORD), and x with them replaced.
uint32_t high_word(double x) { return static_cast<uint32_t>(bits_of(x) >> 32); }
double with_high_word(double x, uint32_t high) {
  return double_of((uint64_t{high} << 32) | (bits_of(x) & 0xffffffffu));
}

// ---- log ---------------------------------------------------------------------------------------

constexpr double kLn2Hi = 0x1.62e42fefa3800p-1;
constexpr double kLn2Lo = 0x1.ef35793c76730p-45;
// log1p(r) - r for |r| < 1/256, r = z/c - 1.
constexpr double kLogPoly[5] = {-0x1.0000000000001p-1, 0x1.555555551305bp-2, -0x1.fffffffeb4590p-3,
                                0x1.999b324f10111p-3, -0x1.55575e506c89fp-3};
// log(1 + r) for 1 + r in [1 - 2^-4, 1 + 0x1.09p-4): -r^2/2 is handled apart in double-double.
constexpr double kLogNearOnePoly[11] = {
    -0x1p-1,          0x1.5555555555577p-2,  -0x1.ffffffffffdcbp-3, 0x1.999999995dd0cp-3,
    -0x1.55555556745a7p-3, 0x1.24924a344de3p-3, -0x1.fffffa4423d65p-4, 0x1.c7184282ad6cap-4,
    -0x1.999eb43b068ffp-4, 0x1.78182f7afd085p-4, -0x1.5521375d145cdp-4};

double log_near_one(double x) {
  const double* B = kLogNearOnePoly;
  const double r = x - 1.0;
  const double r2 = r * r;
  const double r3 = r * r2;
  const double p0 = std::fma(r2, B[3], std::fma(r, B[2], B[1]));
  const double p1 = std::fma(r2, B[6], std::fma(r, B[5], B[4]));
  const double p2 = std::fma(r3, B[10], std::fma(r2, B[9], std::fma(r, B[8], B[7])));
  const double poly = std::fma(std::fma(p2, r3, p1), r3, p0);
  // r split into rhi (its top 26 bits, so rhi * rhi is exact) and rlo.
  const double rhi = std::fma(-r, 0x1p27, std::fma(r, 0x1p27, r));
  const double rlo = r - rhi;
  const double rhi2 = rhi * rhi;
  const double hi = std::fma(rhi2, B[0], r);
  double lo = std::fma(rhi2, B[0], r - hi);
  lo = std::fma(B[0] * rlo, rhi + r, lo);
  return hi + std::fma(poly, r3, lo);
}

}  // namespace

GRADLAB_WIDE_VECTORS double glibc_log(double x) {
  uint64_t ix = bits_of(x);
  const uint32_t top = static_cast<uint32_t>(ix >> 48);
  constexpr uint64_t kNearOneLow = 0x3fee000000000000u;   // bits of 1 - 2^-4
  constexpr uint64_t kNearOneHigh = 0x3ff1090000000000u;  // bits of 1 + 0x1.09p-4
  if (ix - kNearOneLow < kNearOneHigh - kNearOneLow) {
    if (ix == 0x3ff0000000000000u) return 0.0;
    return log_near_one(x);
  }
  if (top - 0x0010u >= 0x7ff0u - 0x0010u) {  // subnormal, zero, negative, inf or nan
    if (ix * 2 == 0) return -HUGE_VAL;
    if (ix == 0x7ff0000000000000u) return x;
    if ((top & 0x8000u) || (top & 0x7ff0u) == 0x7ff0u) return std::nan("");
    ix = bits_of(x * 0x1p52) - (uint64_t{52} << 52);  // normalize the subnormal
  }
  // x = 2^k z with z in [0x1.6p-1, 0x1.6p0), and log(x) = k ln2 + log(c) + log1p(z/c - 1).
  constexpr uint64_t kOffset = 0x3fe6000000000000u;
  const uint64_t tmp = ix - kOffset;
  const int i = static_cast<int>((tmp >> 45) % 128);
  const double kd = static_cast<double>(static_cast<int64_t>(tmp) >> 52);
  const double z = double_of(ix - (tmp & (uint64_t{0xfff} << 52)));
  const double r = std::fma(z, kLogTable[i].invc, -1.0);
  const double w = std::fma(kd, kLn2Hi, kLogTable[i].logc);
  const double hi = w + r;
  const double lo = std::fma(kd, kLn2Lo, w - hi + r);
  const double* A = kLogPoly;
  const double r2 = r * r;
  const double poly = std::fma(std::fma(r, A[4], A[3]), r2, std::fma(r, A[2], A[1]));
  return std::fma(r * r2, poly, std::fma(r2, A[0], lo)) + hi;
}

// ---- sin, cos ----------------------------------------------------------------------------------
namespace {

// Taylor coefficients of sin for |x| < 0.126.
constexpr double kS1 = -0x1.5555555555555p-3, kS2 = 0x1.1111111110ecep-7, kS3 = -0x1.a01a019db08b8p-13,
                 kS4 = 0x1.71de27b9a7ed9p-19, kS5 = -0x1.addffc2fcdf59p-26;
// Short sin and cos series of the offset from the table point.
constexpr double kSn3 = -0x1.5555555555515p-3, kSn5 = 0x1.11110e829872fp-7;
constexpr double kCs2 = 0x1p-1, kCs4 = -0x1.5555555555535p-5, kCs6 = 0x1.6c16bedd9e239p-10;
// Adding kBig to a value in [0, 1) rounds it to a multiple of 1/128 whose index sits in the low bits.
constexpr double kBig = 0x1.8p45;
// pi/2 = kHalfPiHi + kHalfPiLo; Cody-Waite pieces of pi/2 and 2/pi for the reduction.
constexpr double kHalfPiHi = 0x1.921fb54442d18p0, kHalfPiLo = 0x1.1a62633145c07p-54;
constexpr double kMp1 = 0x1.921fb58p0, kMp2 = -0x1.dde973cp-27;
constexpr double kPp3 = -0x1.cb3b398p-55, kPp4 = -0x1.d747f23e32ed7p-83;
constexpr double kTwoOverPi = 0x1.45f306dc9c883p-1, kToInt = 0x1.8p52;

int table_index(double u) { return static_cast<int>(static_cast<uint32_t>(bits_of(u))) << 2; }

// sin(x + dx) for |x| < 0.126 (IBM's TAYLOR_SIN).
double taylor_sin(double x, double dx) {
  const double xx = x * x;
  const double poly = std::fma(std::fma(std::fma(std::fma(kS5, xx, kS4), xx, kS3), xx, kS2), xx, kS1);
  const double t = std::fma(xx, std::fma(poly, x, -(0.5 * dx)), dx);
  return x + t;
}

// sin(x + dx), |x| < 0.855469, from the table entry nearest |x| (IBM's do_sin).
double do_sin(double x, double dx) {
  if (std::fabs(x) < 0.126) return taylor_sin(x, dx);
  if (x <= 0) dx = -dx;
  const double u = kBig + std::fabs(x);
  const double v = std::fabs(x) - (u - kBig);
  const int k = table_index(u);
  const double sn = kSinCosTable[k], ssn = kSinCosTable[k + 1], cs = kSinCosTable[k + 2], ccs = kSinCosTable[k + 3];
  const double vv = v * v;
  const double s = v + std::fma(v * vv, std::fma(vv, kSn5, kSn3), dx);
  const double c = std::fma(v, dx, vv * std::fma(vv, std::fma(vv, kCs6, kCs4), kCs2));
  const double cor = std::fma(s, cs, std::fma(-c, sn, std::fma(s, ccs, ssn)));
  return std::copysign(sn + cor, x);
}

// cos(x + dx), |x| < 0.855469 (IBM's do_cos).
double do_cos(double x, double dx) {
  if (x < 0) dx = -dx;
  const double u = kBig + std::fabs(x);
  const double v = std::fabs(x) - (u - kBig) + dx;
  const int k = table_index(u);
  const double sn = kSinCosTable[k], ssn = kSinCosTable[k + 1], cs = kSinCosTable[k + 2], ccs = kSinCosTable[k + 3];
  const double vv = v * v;
  const double s = std::fma(v * vv, std::fma(vv, kSn5, kSn3), v);
  const double c = vv * std::fma(vv, std::fma(vv, kCs6, kCs4), kCs2);
  const double cor = std::fma(-s, sn, std::fma(-c, cs, std::fma(-s, ssn, ccs)));
  return cs + cor;
}

// x = n pi/2 + a + da with |a| <= pi/4; returns n mod 4 (IBM's reduce_sincos).
int reduce_sincos(double x, double& a, double& da) {
  const double t = std::fma(x, kTwoOverPi, kToInt);
  const double xn = t - kToInt;
  const int n = static_cast<int>(bits_of(t) & 3);
  const double y = std::fma(-xn, kMp2, std::fma(-xn, kMp1, x));
  const double t2 = std::fma(-xn, kPp3, y);
  double db = std::fma(-kPp3, xn, y - t2);
  const double b = std::fma(-xn, kPp4, t2);
  db += std::fma(-xn, kPp4, t2 - b);
  a = b;
  da = db;
  return n;
}

// sin(a + da + n pi/2).
double do_sincos(double a, double da, int n) {
  const double r = (n & 1) ? do_cos(a, da) : do_sin(a, da);
  return (n & 2) ? -r : r;
}

uint32_t high_word_abs(double x) { return static_cast<uint32_t>(bits_of(x) >> 32) & 0x7fffffffu; }

}  // namespace

GRADLAB_WIDE_VECTORS double glibc_sin(double x) {
  const uint32_t k = high_word_abs(x);
  if (k < 0x3e500000u) return x;  // |x| < 2^-26
  if (k < 0x3feb6000u) return do_sin(x, 0.0);  // |x| < 0.855469
  if (k < 0x400368fdu) return std::copysign(do_cos(kHalfPiHi - std::fabs(x), kHalfPiLo), x);  // < 2.426265
  if (k < 0x419921fbu) {  // |x| < 105414350
    double a, da;
    const int n = reduce_sincos(x, a, da);
    return do_sincos(a, da, n);
  }
  return std::sin(x);  // glibc's __branred reduction is not ported (Note [glibc's libm])
}

GRADLAB_WIDE_VECTORS double glibc_cos(double x) {
  const uint32_t k = high_word_abs(x);
  if (k < 0x3e400000u) return 1.0;  // |x| < 2^-27
  if (k < 0x3feb6000u) return do_cos(x, 0.0);
  if (k < 0x400368fdu) {
    const double y = kHalfPiHi - std::fabs(x);
    const double a = y + kHalfPiLo;
    const double da = (y - a) + kHalfPiLo;
    return do_sin(a, da);
  }
  if (k < 0x419921fbu) {
    double a, da;
    const int n = reduce_sincos(x, a, da);
    return do_sincos(a, da, n + 1);
  }
  return std::cos(x);
}

// ---- exp ---------------------------------------------------------------------------------------
// optimized-routines: exp(x) = 2^(k/128) exp(r), |r| <= ln2/256, from a table of 2^(i/128).
namespace {

constexpr double kExpInvLn2N = 0x1.71547652b82fep+7;
constexpr double kExpNegLn2HiN = -0x1.62e42fefa0000p-8, kExpNegLn2LoN = -0x1.cf79abc9e3b3ap-47;
constexpr double kExpC2 = 0x1.ffffffffffdbdp-2, kExpC3 = 0x1.555555555543cp-3, kExpC4 = 0x1.55555cf172b91p-5,
                 kExpC5 = 0x1.1111167a4d017p-7;
constexpr double kExpShift = 0x1.8p52;

// scale (1 + tmp) when scale's exponent would leave the double range (|x| > 512).
double exp_special_case(double tmp, uint64_t sbits, uint64_t ki) {
  if ((ki & 0x80000000u) == 0) {  // k > 0
    const double scale = double_of(sbits - (uint64_t{1009} << 52));
    return 0x1p1009 * std::fma(scale, tmp, scale);
  }
  const double scale = double_of(sbits + (uint64_t{1022} << 52));
  const double scaled_tmp = scale * tmp;
  double y = scale + scaled_tmp;
  if (y < 1.0) {  // round once at the subnormal precision
    double lo = scale - y + scaled_tmp;
    const double hi = 1.0 + y;
    lo = 1.0 - hi + y + lo;
    y = (lo + hi) - 1.0;
    if (y == 0.0) y = 0.0;
  }
  return 0x1p-1022 * y;
}

}  // namespace

GRADLAB_WIDE_VECTORS double glibc_exp(double x) {
  uint32_t abstop = static_cast<uint32_t>(bits_of(x) >> 52) & 0x7ffu;
  if (abstop - 0x3c9u >= 0x408u - 0x3c9u) {  // |x| < 2^-54 or >= 512, or inf/nan
    if (abstop - 0x3c9u >= 0x80000000u) return 1.0 + x;
    if (abstop >= 0x409u) {
      if (bits_of(x) == bits_of(-HUGE_VAL)) return 0.0;
      if (abstop >= 0x7ffu) return 1.0 + x;
      return (bits_of(x) >> 63) ? 0.0 : HUGE_VAL;
    }
    abstop = 0;  // exp_special_case below
  }
  double kd = std::fma(x, kExpInvLn2N, kExpShift);
  const uint64_t ki = bits_of(kd);
  kd -= kExpShift;
  const double r = std::fma(kd, kExpNegLn2LoN, std::fma(kd, kExpNegLn2HiN, x));
  const uint64_t idx = 2 * (ki % 128);
  const uint64_t top = ki << 45;
  const double tail = double_of(kExpTable[idx]);
  const uint64_t sbits = kExpTable[idx + 1] + top;
  const double r2 = r * r;
  const double tmp = std::fma(r2 * r2, std::fma(r, kExpC5, kExpC4), std::fma(std::fma(r, kExpC3, kExpC2), r2, tail + r));
  if (abstop == 0) return exp_special_case(tmp, sbits, ki);
  const double scale = double_of(sbits);
  return std::fma(scale, tmp, scale);
}

// ---- expm1 (fdlibm) ------------------------------------------------------------------------------
// expm1(x) = 2^k (expm1(r) + 1) - 1 with x = k ln2 + r, |r| <= ln2/2, and expm1(r) from a rational
// approximation in r^2/2 (fdlibm's s_expm1.c, as glibc's FMA build fuses it).
namespace {

constexpr double kLn2HiD = 0x1.62e42feep-1, kLn2LoD = 0x1.a39ef35793c76p-33;
constexpr double kInvLn2D = 0x1.71547652b82fep0;
constexpr double kExpm1Q1 = -0x1.11111111110f4p-5, kExpm1Q2 = 0x1.a01a019fe5585p-10,
                 kExpm1Q3 = -0x1.4ce199eaadbb7p-14, kExpm1Q4 = 0x1.0cfca86e65239p-18,
                 kExpm1Q5 = -0x1.afdb76e09c32dp-23;
constexpr double kExpm1Overflow = 0x1.62e42fefa39efp9;  // ~709.78

}  // namespace

GRADLAB_WIDE_VECTORS double glibc_expm1(double x) {
  const uint32_t hx_signed = high_word(x);
  const bool negative = (hx_signed & 0x80000000u) != 0;
  const uint32_t hx = hx_signed & 0x7fffffffu;
  if (hx >= 0x4043687au) {  // |x| >= 56 ln2
    if (hx >= 0x40862e42u) {
      if (hx >= 0x7ff00000u) {
        if (((hx & 0xfffffu) | static_cast<uint32_t>(bits_of(x))) != 0) return x + x;
        return negative ? -1.0 : x;
      }
      if (x > kExpm1Overflow) return HUGE_VAL;
    }
    if (negative) return -1.0;
  }
  int k;
  double c = 0.0;
  if (hx > 0x3fd62e42u) {  // |x| > ln2 / 2: reduce
    double hi, lo;
    if (hx < 0x3ff0a2b2u) {  // |x| < 1.5 ln2
      hi = negative ? x + kLn2HiD : x - kLn2HiD;
      lo = negative ? -kLn2LoD : kLn2LoD;
      k = negative ? -1 : 1;
    } else {
      k = static_cast<int>(kInvLn2D * x + (negative ? -0.5 : 0.5));
      const double t = k;
      hi = std::fma(-t, kLn2HiD, x);
      lo = t * kLn2LoD;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000u) {  // |x| < 2^-54
    return x;
  } else {
    k = 0;
  }
  const double hfx = 0.5 * x;
  const double hxs = x * hfx;
  const double h2 = hxs * hxs;
  const double h4 = h2 * h2;
  const double r1 = std::fma(h4, std::fma(hxs, kExpm1Q5, kExpm1Q4),
                             std::fma(h2, std::fma(hxs, kExpm1Q3, kExpm1Q2), std::fma(hxs, kExpm1Q1, 1.0)));
  const double t = std::fma(-r1, hfx, 3.0);
  double e = hxs * ((r1 - t) / std::fma(-x, t, 6.0));
  if (k == 0) return x - std::fma(e, x, -hxs);
  e = std::fma(e - c, x, -c);
  e -= hxs;
  if (k == -1) return std::fma(0.5, x - e, -0.5);
  if (k == 1) {
    if (x < -0.25) return -2.0 * (e - (x + 0.5));
    return std::fma(x - e, 2.0, 1.0);
  }
  const uint32_t k_bits = static_cast<uint32_t>(k) << 20;
  if (k <= -2 || k > 56) {  // exp(x) - 1 is exp(x) to double precision
    const double y = 1.0 - (e - x);
    return with_high_word(y, high_word(y) + k_bits) - 1.0;
  }
  if (k < 20) {
    const double t1 = double_of(uint64_t{0x3ff00000u - (0x200000u >> k)} << 32);  // 1 - 2^-k
    const double y = t1 - (e - x);
    return with_high_word(y, high_word(y) + k_bits);
  }
  const double t2 = double_of(uint64_t{static_cast<uint32_t>(0x3ff - k) << 20} << 32);  // 2^-k
  double y = x - (e + t2);
  y += 1.0;
  return with_high_word(y, high_word(y) + k_bits);
}

// ---- tanh, sinh, cosh (fdlibm, over expm1 and exp) ---------------------------------------------

GRADLAB_WIDE_VECTORS double glibc_tanh(double x) {
  const uint32_t jx = high_word(x);
  const uint32_t ix = jx & 0x7fffffffu;
  const bool negative = (jx & 0x80000000u) != 0;
  if (ix >= 0x7ff00000u) return negative ? 1.0 / x - 1.0 : 1.0 / x + 1.0;  // +-1, or nan
  double z;
  if (ix < 0x40360000u) {  // |x| < 22
    if ((ix | static_cast<uint32_t>(bits_of(x))) == 0) return x;
    if (ix < 0x3c800000u) return x * (1.0 + x);  // |x| < 2^-55
    if (ix >= 0x3ff00000u) {
      const double t = glibc_expm1(2.0 * std::fabs(x));
      z = 1.0 - 2.0 / (t + 2.0);
    } else {
      const double t = glibc_expm1(-2.0 * std::fabs(x));
      z = -t / (t + 2.0);
    }
  } else {
    z = 1.0;
  }
  return negative ? -z : z;
}

GRADLAB_WIDE_VECTORS double glibc_sinh(double x) {
  const uint32_t jx = high_word(x);
  const uint32_t ix = jx & 0x7fffffffu;
  if (ix >= 0x7ff00000u) return x + x;
  const double h = (jx & 0x80000000u) ? -0.5 : 0.5;
  if (ix < 0x40360000u) {  // |x| < 22
    if (ix < 0x3e300000u) return x;  // |x| < 2^-28
    const double t = glibc_expm1(std::fabs(x));
    if (ix < 0x3ff00000u) return h * (2.0 * t - t * t / (t + 1.0));
    return h * (t + t / (t + 1.0));
  }
  if (ix < 0x40862e42u) return h * glibc_exp(std::fabs(x));  // |x| < log(DBL_MAX)
  const uint32_t lx = static_cast<uint32_t>(bits_of(x));
  if (ix < 0x408633ceu || (ix == 0x408633ceu && lx <= 0x8fb9f87du)) {  // below the overflow threshold
    const double w = glibc_exp(0.5 * std::fabs(x));
    const double t = h * w;
    return t * w;
  }
  return x * 1.0e307;
}

GRADLAB_WIDE_VECTORS double glibc_cosh(double x) {
  const uint32_t ix = high_word(x) & 0x7fffffffu;
  if (ix < 0x40360000u) {  // |x| < 22
    if (ix < 0x3fd62e43u) {  // |x| < ln2 / 2
      if (ix < 0x3c800000u) return 1.0;
      const double t = glibc_expm1(std::fabs(x));
      const double w = 1.0 + t;
      return 1.0 + (t * t) / (w + w);
    }
    const double t = glibc_exp(std::fabs(x));
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42u) return 0.5 * glibc_exp(std::fabs(x));
  const uint32_t lx = static_cast<uint32_t>(bits_of(x));
  if (ix < 0x408633ceu || (ix == 0x408633ceu && lx <= 0x8fb9f87du)) {
    const double w = glibc_exp(0.5 * std::fabs(x));
    const double t = 0.5 * w;
    return t * w;
  }
  if (ix >= 0x7ff00000u) return x * x;
  return HUGE_VAL;
}

// ---- expm1f, tanhf (fdlibm's float versions; glibc runs them without FMA) -----------------------

float glibc_expm1f(float x) {
  constexpr float kLn2Hi = 6.9313812256e-01f, kLn2Lo = 9.0580006145e-06f, kInvLn2 = 1.4426950216e+00f;
  constexpr float kQ1 = -3.3333335072e-02f, kQ2 = 1.5873016091e-03f, kQ3 = -7.9365076090e-05f,
                  kQ4 = 4.0082177293e-06f, kQ5 = -2.0109921195e-07f;
  constexpr float kOverflow = 8.8721679688e+01f;
  const uint32_t bits = bits_of(x);
  const bool negative = (bits & 0x80000000u) != 0;
  const uint32_t hx = bits & 0x7fffffffu;
  if (hx >= 0x4195b844u) {  // |x| >= 27 ln2
    if (hx >= 0x42b17218u) {
      if (hx > 0x7f800000u) return x + x;
      if (hx == 0x7f800000u) return negative ? -1.0f : x;
      if (x > kOverflow) return HUGE_VALF;
    }
    if (negative) return -1.0f;
  }
  int k;
  float c = 0.0f;
  if (hx > 0x3eb17218u) {  // |x| > ln2 / 2
    float hi, lo;
    if (hx < 0x3f851592u) {  // |x| < 1.5 ln2
      hi = negative ? x + kLn2Hi : x - kLn2Hi;
      lo = negative ? -kLn2Lo : kLn2Lo;
      k = negative ? -1 : 1;
    } else {
      k = static_cast<int>(kInvLn2 * x + (negative ? -0.5f : 0.5f));
      const float t = static_cast<float>(k);
      hi = x - t * kLn2Hi;
      lo = t * kLn2Lo;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x33000000u) {  // |x| < 2^-25
    return x;
  } else {
    k = 0;
  }
  const float hfx = 0.5f * x;
  const float hxs = x * hfx;
  const float r1 = 1.0f + hxs * (kQ1 + hxs * (kQ2 + hxs * (kQ3 + hxs * (kQ4 + hxs * kQ5))));
  const float t = 3.0f - r1 * hfx;
  float e = hxs * ((r1 - t) / (6.0f - x * t));
  if (k == 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k == -1) return 0.5f * (x - e) - 0.5f;
  if (k == 1) {
    if (x < -0.25f) return -2.0f * (e - (x + 0.5f));
    return 1.0f + 2.0f * (x - e);
  }
  const uint32_t k_bits = static_cast<uint32_t>(k) << 23;
  if (k <= -2 || k > 56) {
    const float y = 1.0f - (e - x);
    return float_of(bits_of(y) + k_bits) - 1.0f;
  }
  if (k < 23) {
    const float t1 = float_of(0x3f800000u - (0x1000000u >> k));  // 1 - 2^-k
    const float y = t1 - (e - x);
    return float_of(bits_of(y) + k_bits);
  }
  const float t2 = float_of(static_cast<uint32_t>(0x7f - k) << 23);  // 2^-k
  float y = x - (e + t2);
  y += 1.0f;
  return float_of(bits_of(y) + k_bits);
}

float glibc_tanhf(float x) {
  const uint32_t jx = bits_of(x);
  const uint32_t ix = jx & 0x7fffffffu;
  const bool negative = (jx & 0x80000000u) != 0;
  if (ix >= 0x7f800000u) return negative ? 1.0f / x - 1.0f : 1.0f / x + 1.0f;
  float z;
  if (ix < 0x41b00000u) {  // |x| < 22
    if (ix == 0) return x;
    if (ix < 0x24000000u) return x * (1.0f + x);  // |x| < 2^-55
    if (ix >= 0x3f800000u) {
      const float t = glibc_expm1f(2.0f * std::fabs(x));
      z = 1.0f - 2.0f / (t + 2.0f);
    } else {
      const float t = glibc_expm1f(-2.0f * std::fabs(x));
      z = -t / (t + 2.0f);
    }
  } else {
    z = 1.0f;
  }
  return negative ? -z : z;
}

// sinhf and coshf build on expm1f and glibc's expf (libm_expf, engine/sleef_math.h).
float glibc_sinhf(float x) {
  const uint32_t jx = bits_of(x);
  const uint32_t ix = jx & 0x7fffffffu;
  if (ix >= 0x7f800000u) return x + x;
  const float h = (jx & 0x80000000u) ? -0.5f : 0.5f;
  if (ix < 0x41b00000u) {  // |x| < 22
    if (ix < 0x31800000u) return x;  // |x| < 2^-28
    const float t = glibc_expm1f(std::fabs(x));
    if (ix < 0x3f800000u) return h * (2.0f * t - t * t / (t + 1.0f));
    return h * (t + t / (t + 1.0f));
  }
  if (ix < 0x42b17180u) return h * sleef_detail::libm_expf(std::fabs(x));
  if (ix <= 0x42b2d4fcu) {
    const float w = sleef_detail::libm_expf(0.5f * std::fabs(x));
    const float t = h * w;
    return t * w;
  }
  return x * 1.0e37f;
}

float glibc_coshf(float x) {
  const uint32_t ix = bits_of(x) & 0x7fffffffu;
  if (ix < 0x41b00000u) {  // |x| < 22
    if (ix < 0x3eb17218u) {  // |x| < ln2 / 2
      if (ix < 0x24000000u) return 1.0f;
      const float t = glibc_expm1f(std::fabs(x));
      const float w = 1.0f + t;
      return 1.0f + (t * t) / (w + w);
    }
    const float t = sleef_detail::libm_expf(std::fabs(x));
    return 0.5f * t + 0.5f / t;
  }
  if (ix < 0x42b17180u) return 0.5f * sleef_detail::libm_expf(std::fabs(x));
  if (ix <= 0x42b2d4fcu) {
    const float w = sleef_detail::libm_expf(0.5f * std::fabs(x));
    const float t = 0.5f * w;
    return t * w;
  }
  if (ix >= 0x7f800000u) return x * x;
  return HUGE_VALF;
}

// ---- atan2 (IBM's accurate library: e_atan2.c without its slow paths) --------------------------
// With ax = |x| and ay = |y|, atan2 is atan(u) for u = min/max in [0, 1], or pi/2 or pi plus or
// minus it, by the quadrant. u is carried as u + du (du: the quotient's rounding error, through
// an exact product), and atan(u + du) comes from an odd polynomial for u < 1/16, otherwise from
// the Taylor expansion at the nearest of 241 table points. The fmas are those of glibc's FMA
// variant (__ieee754_atan2_fma).
namespace {

using glibc_math_detail::kAtan2Table;

// (atan(u) - u) / u^3 for u < 1/16, as a polynomial in v = u^2.
constexpr double kAtanD3 = -0x1.5555555555555p-2, kAtanD5 = 0x1.99999999997fdp-3,
                 kAtanD7 = -0x1.24924923f7603p-3, kAtanD9 = 0x1.c71c6e5129a3bp-4,
                 kAtanD11 = -0x1.7458022b13c25p-4, kAtanD13 = 0x1.375f08b31cbcep-4;
constexpr double kPi = 0x1.921fb54442d18p+1, kPiLo = 0x1.1a62633145c07p-53;  // pi = kPi + kPiLo
constexpr double kQuarterPi = 0x1.921fb54442d18p-1, kThreeQuarterPi = 0x1.2d97c7f3321d2p+1;
constexpr double kSmallRatio = 0x1p-4;  // below it the polynomial, from it the table

double atan_small_poly(double v) {
  return std::fma(v, std::fma(v, std::fma(v, std::fma(v, std::fma(v, kAtanD13, kAtanD11), kAtanD9), kAtanD7),
                              kAtanD5),
                  kAtanD3);
}

// The row {x0, c0, c1, ..., c5} of the table point nearest u in [1/16, 1].
const double* atan_row(double u) {
  constexpr double kTwo52 = 0x1p52;  // adding it rounds 256 u (> 0) to an integer, taken down below
  return kAtan2Table[static_cast<int>((kTwo52 + 256.0 * u) - kTwo52) - 16];
}

// c2 + c3 v + c4 v^2 + c5 v^3 of a row.
double atan_row_tail(const double* row, double v) {
  return std::fma(v, std::fma(v, std::fma(v, row[6], row[5]), row[4]), row[3]);
}

// atan(u + du), u in [0, 1].
double atan_of_ratio(double u, double du) {
  if (u < kSmallRatio) {
    const double v = u * u;
    return u + std::fma(u * v, atan_small_poly(v), du);
  }
  const double* row = atan_row(u);
  // v + dv = (u - x0) + du exactly (glibc's EADD)
  const double t = u - row[0];
  const double v = t + du;
  const double dv = std::fabs(t) > std::fabs(du) ? (t - v) + du : (du - v) + t;
  return row[1] + std::fma(v, row[2], std::fma(dv, row[2], (v * v) * atan_row_tail(row, v)));
}

// hi + lo - atan(u + du) for the angle hi + lo = pi/2 or pi (> 1 >= u: glibc's ESUB takes its
// first form).
double angle_minus_atan(double hi, double lo, double u, double du) {
  if (u < kSmallRatio) {
    const double v = u * u;
    const double zz = (u * v) * atan_small_poly(v);
    const double t2 = hi - u;
    const double cor = (hi - t2) - u;
    return t2 + (((lo + cor) - du) - zz);
  }
  const double* row = atan_row(u);
  const double v = (u - row[0]) + du;
  return (hi - row[1]) + std::fma(-v, std::fma(v, atan_row_tail(row, v), row[2]), lo);
}

// pi/2 + atan(u + du), with pi/2 = hi + lo.
double angle_plus_atan(double hi, double lo, double u, double du) {
  if (u < kSmallRatio) {
    const double v = u * u;
    const double zz = (u * v) * atan_small_poly(v);
    const double t2 = hi + u;
    const double cor = (hi - t2) + u;
    return t2 + (((lo + cor) + du) + zz);
  }
  const double* row = atan_row(u);
  const double v = (u - row[0]) + du;
  return (hi + row[1]) + std::fma(v, std::fma(v, atan_row_tail(row, v), row[2]), lo);
}

int biased_exponent(double x) { return static_cast<int>((bits_of(x) >> 52) & 0x7ff); }

}  // namespace

GRADLAB_WIDE_VECTORS double glibc_atan2(double y, double x) {
  if (std::isnan(x)) return x + y;
  if (std::isnan(y)) return y + y;
  if (y == 0) return std::signbit(x) ? std::copysign(kPi, y) : y;
  if (x == 0) return std::copysign(kHalfPiHi, y);
  if (std::isinf(x)) {
    if (std::isinf(y)) return std::copysign(x > 0 ? kQuarterPi : kThreeQuarterPi, y);
    return std::copysign(x > 0 ? 0.0 : kPi, y);
  }
  if (std::isinf(y)) return std::copysign(kHalfPiHi, y);
  // Exponents 57 or more apart: the ratio decides alone.
  const int exponent_gap = biased_exponent(y) - biased_exponent(x);
  double ax = std::fabs(x), ay = std::fabs(y);
  if (exponent_gap >= 57) return std::copysign(kHalfPiHi, y);
  if (exponent_gap <= -57) return std::copysign(x > 0 ? ay / ax : kPi, y);
  // Keep the exact product below in range.
  constexpr double kTwo500 = 0x1p500, kTwoM500 = 0x1p-500;
  if (ax < kTwoM500 || ay < kTwoM500) {
    ax *= kTwo500;
    ay *= kTwo500;
  }
  if (ax > kTwo500 || ay > kTwo500) {
    ax *= kTwoM500;
    ay *= kTwoM500;
  }
  const bool y_smaller = ay < ax;
  const double num = y_smaller ? ay : ax, den = y_smaller ? ax : ay;
  const double u = num / den;
  const double prod = den * u;
  const double du = ((num - prod) - std::fma(den, u, -prod)) / den;
  double z;
  if (x > 0) z = y_smaller ? atan_of_ratio(u, du) : angle_minus_atan(kHalfPiHi, kHalfPiLo, u, du);
  else z = ax < ay ? angle_plus_atan(kHalfPiHi, kHalfPiLo, u, du) : angle_minus_atan(kPi, kPiLo, u, du);
  return std::copysign(z, y);
}

// ---- atan2f (fdlibm's e_atan2f.c over s_atanf.c; glibc runs them without FMA) ------------------
namespace {

// atan(x) by reduction to |x| < 7/16 around atan(1/2), atan(1), atan(3/2) or atan(inf) (whose
// values are split hi + lo) and an odd polynomial of degree 23.
float glibc_atanf(float x) {
  constexpr float kAtanHi[4] = {0x1.dac67p-2f, 0x1.921fb4p-1f, 0x1.f730bcp-1f, 0x1.921fb4p+0f};
  constexpr float kAtanLo[4] = {0x1.586ed2p-28f, 0x1.4442d0p-25f, 0x1.281f68p-25f, 0x1.4442d0p-24f};
  // kT[0] is 1/3 rounded up (0x3eaaaaab, what fdlibm's decimal gives; its comment says ...aa).
  constexpr float kT[11] = {0x1.555556p-2f,  -0x1.99999ap-3f, 0x1.24924ap-3f,  -0x1.c71c70p-4f,
                            0x1.745cdcp-4f,  -0x1.3b0f2ap-4f, 0x1.10d66ap-4f,  -0x1.dde2d6p-5f,
                            0x1.97b4b2p-5f,  -0x1.2b4442p-5f, 0x1.0ad3aep-6f};
  const uint32_t hx = bits_of(x);
  const uint32_t ix = hx & 0x7fffffffu;
  const bool negative = (hx & 0x80000000u) != 0;
  if (ix >= 0x4c000000u) {  // |x| >= 2^25, or nan
    if (ix > 0x7f800000u) return x + x;
    return negative ? -kAtanHi[3] - kAtanLo[3] : kAtanHi[3] + kAtanLo[3];
  }
  int id;
  if (ix < 0x3ee00000u) {  // |x| < 7/16
    if (ix < 0x31000000u) return x;  // |x| < 2^-29
    id = -1;
  } else {
    x = std::fabs(x);
    if (ix < 0x3f300000u) {  // |x| < 11/16
      id = 0;
      x = (2.0f * x - 1.0f) / (2.0f + x);
    } else if (ix < 0x3f980000u) {  // |x| < 19/16
      id = 1;
      x = (x - 1.0f) / (x + 1.0f);
    } else if (ix < 0x401c0000u) {  // |x| < 39/16
      id = 2;
      x = (x - 1.5f) / (1.0f + 1.5f * x);
    } else {
      id = 3;
      x = -1.0f / x;
    }
  }
  const float z = x * x;
  const float w = z * z;
  const float odd = z * (kT[0] + w * (kT[2] + w * (kT[4] + w * (kT[6] + w * (kT[8] + w * kT[10])))));
  const float even = w * (kT[1] + w * (kT[3] + w * (kT[5] + w * (kT[7] + w * kT[9]))));
  if (id < 0) return x - x * (odd + even);
  const float r = kAtanHi[id] - ((x * (odd + even) - kAtanLo[id]) - x);
  return negative ? -r : r;
}

}  // namespace

float glibc_atan2f(float y, float x) {
  constexpr float kTiny = 1.0e-30f;  // added where fdlibm raises inexact; it rounds away
  constexpr float kQuarterPiF = 0x1.921fb6p-1f, kHalfPiF = 0x1.921fb6p+0f, kPiF = 0x1.921fb6p+1f;
  constexpr float kPiLoF = -0x1.777a5cp-24f;  // pi - kPiF
  const uint32_t hx = bits_of(x), hy = bits_of(y);
  const uint32_t ix = hx & 0x7fffffffu, iy = hy & 0x7fffffffu;
  if (ix > 0x7f800000u || iy > 0x7f800000u) return x + y;
  if (hx == 0x3f800000u) return glibc_atanf(y);  // x = 1
  const bool y_negative = (hy >> 31) != 0, x_negative = (hx >> 31) != 0;
  const float half_pi = y_negative ? -kHalfPiF - kTiny : kHalfPiF + kTiny;
  const float pi = y_negative ? -kPiF - kTiny : kPiF + kTiny;
  if (iy == 0) return x_negative ? pi : y;
  if (ix == 0) return half_pi;
  if (ix == 0x7f800000u) {
    if (iy == 0x7f800000u) {
      const float quarter_pi = x_negative ? 3.0f * kQuarterPiF : kQuarterPiF;
      return y_negative ? -quarter_pi - kTiny : quarter_pi + kTiny;
    }
    return x_negative ? pi : (y_negative ? -0.0f : 0.0f);
  }
  if (iy == 0x7f800000u) return half_pi;
  const int k = (static_cast<int>(iy) - static_cast<int>(ix)) >> 23;
  float z;
  if (k > 60) z = kHalfPiF + 0.5f * kPiLoF;  // |y / x| > 2^60
  else if (x_negative && k < -60) z = 0.0f;
  else z = glibc_atanf(std::fabs(y / x));
  if (!x_negative) return y_negative ? -z : z;
  return y_negative ? (z - kPiLoF) - kPiF : kPiF - (z - kPiLoF);
}

// ---- hypot, hypotf (glibc 2.35's new hypot without FMA; hypotf in double) ----------------------
namespace {

template <class T>
bool is_signaling_nan(T x) {
  constexpr auto kQuietBit = decltype(bits_of(x)){1} << (std::is_same_v<T, float> ? 22 : 51);
  return std::isnan(x) && (bits_of(x) & kQuietBit) == 0;
}

// Both infinite and nan arguments: inf unless one is a signaling nan.
template <class T>
T hypot_of_non_finite(T x, T y) {
  if ((std::isinf(x) || std::isinf(y)) && !is_signaling_nan(x) && !is_signaling_nan(y))
    return std::numeric_limits<T>::infinity();
  return x + y;
}

// sqrt(ax^2 + ay^2) for ax >= ay > 0 whose squares stay normal: the rounded square root h,
// corrected by a Newton step whose residual ax^2 + ay^2 - h^2 is computed exactly.
double hypot_kernel(double ax, double ay) {
  const double h = std::sqrt(ax * ax + ay * ay);
  double t1, t2;
  if (h <= 2.0 * ay) {
    const double delta = h - ay;
    t1 = ax * (2.0 * delta - ax);
    t2 = (delta - 2.0 * (ax - ay)) * delta;
  } else {
    const double delta = h - ax;
    t1 = 2.0 * delta * (ax - 2.0 * ay);
    t2 = (4.0 * delta - ay) * ay + delta * delta;
  }
  return h - (t1 + t2) / (2.0 * h);
}

}  // namespace

double glibc_hypot(double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) return hypot_of_non_finite(x, y);
  x = std::fabs(x);
  y = std::fabs(y);
  const double ax = x < y ? y : x, ay = x < y ? x : y;
  constexpr double kScale = 0x1p-600, kLarge = 0x1p511, kTiny = 0x1p-459, kEps = 0x1p-54;
  if (ax > kLarge) {
    if (ay <= ax * kEps) return ax + ay;
    return hypot_kernel(ax * kScale, ay * kScale) / kScale;
  }
  if (ay < kTiny) {
    if (ax >= ay / kEps) return ax + ay;
    return hypot_kernel(ax / kScale, ay / kScale) * kScale;
  }
  if (ay <= ax * kEps) return ax + ay;
  return hypot_kernel(ax, ay);
}

float glibc_hypotf(float x, float y) {
  if (!std::isfinite(x) || !std::isfinite(y)) return hypot_of_non_finite(x, y);
  const double dx = x, dy = y;  // the squares are exact in double; their sum rounds once
  return static_cast<float>(std::sqrt(dx * dx + dy * dy));
}

}  // namespace gradlab
