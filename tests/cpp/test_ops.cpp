// The op table test: one row per op of engine/ops/op_list.h.
//
// How to add an op: add its row to GRADLAB_OPS (op_list.h), write forward + backward in the
// family file (ops/<family>.cpp), then add ONE row to `op_rows()` below: how to call it on
// float64 inputs, and an independent reference for its forward values. The suite then checks
// (1) the node name PyTorch would print, (2) forward values against the reference, and
// (3) every input's gradient against central finite differences. An op without a row fails
// "every op in the table has a test row".
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/autograd/higher_order.h"
#include "engine/autograd/node.h"
#include "engine/ops/conv.h"
#include "engine/ops/nn.h"
#include "engine/ops/compare.h"
#include "engine/ops/cumulative.h"
#include "engine/ops/grad_ops.h"
#include "engine/ops/index.h"
#include "engine/ops/movement.h"
#include "engine/ops/pointwise.h"
#include "engine/ops/product.h"
#include "engine/ops/rearrange.h"
#include "engine/ops/select.h"
#include "engine/ops/sort.h"
#include "engine/ops/variance.h"
#include "engine/tensor.h"

using namespace gradlab;

namespace {

using Values = std::vector<std::vector<double>>;  // one flat vector per input

struct OpRow {
  std::vector<Shape> shapes;                              // input shapes
  std::function<Tensor(const std::vector<Tensor>&)> run;  // the op under test
  std::function<std::vector<double>(const Values&)> reference;
  double low = 0.5, high = 2.0;                           // input range (kept away from kinks)
  bool signed_inputs = false;                             // alternate signs
};

// Deterministic inputs: a fixed sequence spread over [low, high], optionally alternating sign.
std::vector<double> make_values(int64_t n, int seed, const OpRow& row) {
  std::vector<double> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    double u = std::fmod(0.6180339887 * static_cast<double>(i * 7 + seed * 13 + 3), 1.0);
    double x = row.low + (row.high - row.low) * u;
    v[static_cast<size_t>(i)] = row.signed_inputs && (i + seed) % 2 ? -x : x;
  }
  return v;
}

Tensor f64(const std::vector<double>& v, const Shape& s, bool grad) {
  return from_vector(v, s, TensorOptions{DType::Float64, std::nullopt, grad});
}

// Reference helpers.
std::vector<double> map1(const std::vector<double>& a, double (*f)(double)) {
  std::vector<double> r;
  for (double x : a) r.push_back(f(x));
  return r;
}
template <class F>
std::vector<double> map1f(const std::vector<double>& a, F f) {
  std::vector<double> r;
  for (double x : a) r.push_back(f(x));
  return r;
}
// Elementwise over two inputs where the second is broadcast along rows: a [m,n], b [n].
template <class F>
std::vector<double> map2_rows(const std::vector<double>& a, const std::vector<double>& b, F f) {
  std::vector<double> r;
  for (size_t i = 0; i < a.size(); ++i) r.push_back(f(a[i], b[i % b.size()]));
  return r;
}
std::vector<double> matmul_ref(const std::vector<double>& a, const std::vector<double>& b, int64_t m, int64_t k, int64_t n) {
  std::vector<double> c(static_cast<size_t>(m * n), 0.0);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j)
      for (int64_t p = 0; p < k; ++p) c[i * n + j] += a[i * k + p] * b[p * n + j];
  return c;
}
std::vector<double> transpose_ref(const std::vector<double>& a, int64_t m, int64_t n) {
  std::vector<double> r(a.size());
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) r[j * m + i] = a[i * n + j];
  return r;
}

// A direct 2-D convolution / pooling over [n, c, h, w] for the conv.cpp / pool.cpp rows.
struct Conv2dRef {
  int64_t n, c, h, w, o, k, stride, pad;
  int64_t out() const { return (h + 2 * pad - k) / stride + 1; }
  std::vector<double> run(const Values& v) const {
    const int64_t oh = out();
    std::vector<double> y;
    for (int64_t ni = 0; ni < n; ++ni)
      for (int64_t oc = 0; oc < o; ++oc)
        for (int64_t yh = 0; yh < oh; ++yh)
          for (int64_t yw = 0; yw < oh; ++yw) {
            double s = v.size() > 2 ? v[2][static_cast<size_t>(oc)] : 0.0;
            for (int64_t ci = 0; ci < c; ++ci)
              for (int64_t i = 0; i < k; ++i)
                for (int64_t j = 0; j < k; ++j) {
                  const int64_t ih = yh * stride - pad + i, iw = yw * stride - pad + j;
                  if (ih < 0 || iw < 0 || ih >= h || iw >= w) continue;
                  s += v[0][static_cast<size_t>(((ni * c + ci) * h + ih) * w + iw)] * v[1][static_cast<size_t>(((oc * c + ci) * k + i) * k + j)];
                }
            y.push_back(s);
          }
    return y;
  }
};
// Windows of k×k with stride s over each [h, w] plane; `reduce` folds one window's values.
template <class F>
std::vector<double> pool_ref(const std::vector<double>& x, int64_t planes, int64_t h, int64_t k, int64_t s, F reduce) {
  std::vector<double> y;
  const int64_t oh = (h - k) / s + 1;
  for (int64_t p = 0; p < planes; ++p)
    for (int64_t yh = 0; yh < oh; ++yh)
      for (int64_t yw = 0; yw < oh; ++yw) {
        std::vector<double> win;
        for (int64_t i = 0; i < k; ++i)
          for (int64_t j = 0; j < k; ++j) win.push_back(x[static_cast<size_t>((p * h + yh * s + i) * h + yw * s + j)]);
        y.push_back(reduce(win));
      }
  return y;
}

const std::map<OpId, OpRow>& op_rows() {
  static const std::map<OpId, OpRow> rows = [] {
    std::map<OpId, OpRow> r;
    const Shape M{2, 3}, V{3};
    auto id = [](const Values& v) { return v[0]; };
    // binary.cpp
    r[OpId::Add] = {{M, V}, [](auto& x) { return add(x[0], x[1], Scalar(2.0)); },
                    [](const Values& v) { return map2_rows(v[0], v[1], [](double a, double b) { return a + 2 * b; }); }};
    r[OpId::Sub] = {{M, V}, [](auto& x) { return sub(x[0], x[1]); },
                    [](const Values& v) { return map2_rows(v[0], v[1], [](double a, double b) { return a - b; }); }};
    r[OpId::RSub] = {{M}, [](auto& x) { return rsub(x[0], Scalar(1.5)); },
                     [](const Values& v) { return map1f(v[0], [](double a) { return 1.5 - a; }); }};
    r[OpId::AddScalar] = {{M}, [](auto& x) { return add_scalar_overload(x[0], Scalar(1.5)); },
                          [](const Values& v) { return map1f(v[0], [](double a) { return a + 1.5; }); }};
    r[OpId::SubScalar] = {{M}, [](auto& x) { return sub_scalar_overload(x[0], Scalar(1.5)); },
                          [](const Values& v) { return map1f(v[0], [](double a) { return a - 1.5; }); }};
    r[OpId::Mul] = {{M, V}, [](auto& x) { return mul(x[0], x[1]); },
                    [](const Values& v) { return map2_rows(v[0], v[1], [](double a, double b) { return a * b; }); }};
    r[OpId::Div] = {{M, V}, [](auto& x) { return div(x[0], x[1]); },
                    [](const Values& v) { return map2_rows(v[0], v[1], [](double a, double b) { return a / b; }); }};
    r[OpId::PowTensor] = {{M, V}, [](auto& x) { return pow(x[0], x[1]); },
                          [](const Values& v) { return map2_rows(v[0], v[1], [](double a, double b) { return std::pow(a, b); }); }};
    r[OpId::PowScalarBase] = {{M}, [](auto& x) { return pow(Scalar(2.5), x[0]); },
                              [](const Values& v) { return map1f(v[0], [](double a) { return std::pow(2.5, a); }); }};
    r[OpId::Maximum] = {{M, V}, [](auto& x) { return maximum(x[0], x[1]); },
                        [](const Values& v) { return map2_rows(v[0], v[1], [](double a, double b) { return std::max(a, b); }); }};
    r[OpId::Minimum] = {{M, V}, [](auto& x) { return minimum(x[0], x[1]); },
                        [](const Values& v) { return map2_rows(v[0], v[1], [](double a, double b) { return std::min(a, b); }); }};
    r[OpId::RemainderScalar] = {{M}, [](auto& x) { return remainder(x[0], Scalar(0.75)); },
                                [](const Values& v) { return map1f(v[0], [](double a) { return std::fmod(a, 0.75); }); }};
    r[OpId::RemainderTensor] = {{M, V}, [](auto& x) { return remainder(x[0], x[1]); },
                                [](const Values& v) { return map2_rows(v[0], v[1], [](double a, double b) { return std::fmod(a, b); }); },
                                0.3, 0.45};
    r[OpId::FmodScalar] = {{M}, [](auto& x) { return fmod(x[0], Scalar(0.75)); },
                           [](const Values& v) { return map1f(v[0], [](double a) { return std::fmod(a, 0.75); }); }, 0.5, 2.0, true};
    r[OpId::FmodTensor] = {{M, V}, [](auto& x) { return fmod(x[0], x[1]); },
                           [](const Values& v) { return map2_rows(v[0], v[1], [](double a, double b) { return std::fmod(a, b); }); },
                           0.3, 0.45, true};
    // unary.cpp
    r[OpId::Neg] = {{M}, [](auto& x) { return neg(x[0]); }, [](const Values& v) { return map1f(v[0], [](double a) { return -a; }); }};
    r[OpId::PowScalar] = {{M}, [](auto& x) { return pow(x[0], Scalar(3)); },
                          [](const Values& v) { return map1f(v[0], [](double a) { return a * a * a; }); }, 0.5, 2.0, true};
    r[OpId::Reciprocal] = {{M}, [](auto& x) { return reciprocal(x[0]); },
                           [](const Values& v) { return map1f(v[0], [](double a) { return 1.0 / a; }); }, 0.5, 2.0, true};
    r[OpId::Exp] = {{M}, [](auto& x) { return exp(x[0]); }, [](const Values& v) { return map1(v[0], std::exp); }};
    r[OpId::Log] = {{M}, [](auto& x) { return log(x[0]); }, [](const Values& v) { return map1(v[0], std::log); }};
    r[OpId::Sqrt] = {{M}, [](auto& x) { return sqrt(x[0]); }, [](const Values& v) { return map1(v[0], std::sqrt); }};
    r[OpId::Abs] = {{M}, [](auto& x) { return abs(x[0]); }, [](const Values& v) { return map1(v[0], std::fabs); }, 0.5, 2.0, true};
    r[OpId::Sin] = {{M}, [](auto& x) { return sin(x[0]); }, [](const Values& v) { return map1(v[0], std::sin); }, 0.5, 2.0, true};
    r[OpId::Cos] = {{M}, [](auto& x) { return cos(x[0]); }, [](const Values& v) { return map1(v[0], std::cos); }, 0.5, 2.0, true};
    r[OpId::Sigmoid] = {{M}, [](auto& x) { return sigmoid(x[0]); },
                        [](const Values& v) { return map1f(v[0], [](double a) { return 1 / (1 + std::exp(-a)); }); }, 0.5, 2.0, true};
    r[OpId::Tanh] = {{M}, [](auto& x) { return tanh(x[0]); }, [](const Values& v) { return map1(v[0], std::tanh); }, 0.5, 2.0, true};
    r[OpId::Relu] = {{M}, [](auto& x) { return relu(x[0]); },
                     [](const Values& v) { return map1f(v[0], [](double a) { return a > 0 ? a : 0.0; }); }, 0.5, 2.0, true};
    // The gradients of sigmoid/tanh/relu as ops (create_graph): g and the forward's output y.
    r[OpId::SigmoidGrad] = {{M, M}, [](auto& x) { return sigmoid_backward(x[0], x[1]); },
                            [](const Values& v) { return map2_rows(v[0], v[1], [](double g, double y) { return g * (1 - y) * y; }); },
                            0.5, 2.0, true};
    r[OpId::TanhGrad] = {{M, M}, [](auto& x) { return tanh_backward(x[0], x[1]); },
                         [](const Values& v) { return map2_rows(v[0], v[1], [](double g, double y) { return g * (1 - y * y); }); },
                         0.5, 2.0, true};
    r[OpId::ThresholdGrad] = {{M, M}, [](auto& x) { return threshold_backward(x[0], x[1]); },
                              [](const Values& v) { return map2_rows(v[0], v[1], [](double g, double y) { return y <= 0 ? 0.0 : g; }); },
                              0.5, 2.0, true};
    r[OpId::Clamp] = {{M}, [](auto& x) { return clamp(x[0], Scalar(-1.0), Scalar(1.2)); },
                      [](const Values& v) { return map1f(v[0], [](double a) { return std::clamp(a, -1.0, 1.2); }); }, 0.5, 2.0, true};
    r[OpId::ClampMin] = {{M}, [](auto& x) { return clamp_min(x[0], Scalar(-0.7)); },
                         [](const Values& v) { return map1f(v[0], [](double a) { return std::max(a, -0.7); }); }, 0.5, 2.0, true};
    r[OpId::ClampMax] = {{M}, [](auto& x) { return clamp_max(x[0], Scalar(1.3)); },
                         [](const Values& v) { return map1f(v[0], [](double a) { return std::min(a, 1.3); }); }, 0.5, 2.0, true};
    r[OpId::Clone] = {{M}, [](auto& x) { return clone(x[0]); }, id};
    r[OpId::CopyBackwards] = {{M}, [](auto& x) { return copy_for_grad(x[0]); }, id};
    // unary.cpp, pointwise math: the rounding ops' inputs stay between two integers (and away
    // from halves), where their gradient, zero, is also the finite difference.
    r[OpId::Floor] = {{M}, [](auto& x) { return floor(x[0]); }, [](const Values& v) { return map1(v[0], std::floor); }, 0.1, 0.4, true};
    r[OpId::Ceil] = {{M}, [](auto& x) { return ceil(x[0]); }, [](const Values& v) { return map1(v[0], std::ceil); }, 0.1, 0.4, true};
    r[OpId::Round] = {{M}, [](auto& x) { return round(x[0]); },
                      [](const Values& v) { return map1(v[0], std::nearbyint); }, 0.6, 1.4, true};
    r[OpId::RoundDecimals] = {{M}, [](auto& x) { return round(x[0], 1); },
                              [](const Values& v) { return map1f(v[0], [](double a) { return std::nearbyint(a * 10) / 10; }); },
                              0.11, 0.14, true};
    r[OpId::Trunc] = {{M}, [](auto& x) { return trunc(x[0]); }, [](const Values& v) { return map1(v[0], std::trunc); }, 1.1, 1.9, true};
    r[OpId::Frac] = {{M}, [](auto& x) { return frac(x[0]); },
                     [](const Values& v) { return map1f(v[0], [](double a) { return a - std::trunc(a); }); }, 1.1, 1.9, true};
    r[OpId::Sign] = {{M}, [](auto& x) { return sign(x[0]); },
                     [](const Values& v) { return map1f(v[0], [](double a) { return a > 0 ? 1.0 : -1.0; }); }, 0.5, 2.0, true};
    r[OpId::Sgn] = {{M}, [](auto& x) { return sgn(x[0]); },
                    [](const Values& v) { return map1f(v[0], [](double a) { return a > 0 ? 1.0 : -1.0; }); }, 0.5, 2.0, true};
    r[OpId::Rsqrt] = {{M}, [](auto& x) { return rsqrt(x[0]); },
                      [](const Values& v) { return map1f(v[0], [](double a) { return 1 / std::sqrt(a); }); }};
    r[OpId::Exp2] = {{M}, [](auto& x) { return exp2(x[0]); }, [](const Values& v) { return map1(v[0], std::exp2); }, 0.5, 2.0, true};
    r[OpId::Expm1] = {{M}, [](auto& x) { return expm1(x[0]); }, [](const Values& v) { return map1(v[0], std::expm1); }, 0.5, 2.0, true};
    r[OpId::Log1p] = {{M}, [](auto& x) { return log1p(x[0]); }, [](const Values& v) { return map1(v[0], std::log1p); }, 0.2, 0.8, true};
    r[OpId::Erf] = {{M}, [](auto& x) { return erf(x[0]); }, [](const Values& v) { return map1(v[0], std::erf); }, 0.5, 2.0, true};
    r[OpId::Log2] = {{M}, [](auto& x) { return log2(x[0]); }, [](const Values& v) { return map1(v[0], std::log2); }};
    r[OpId::Log10] = {{M}, [](auto& x) { return log10(x[0]); }, [](const Values& v) { return map1(v[0], std::log10); }};
    r[OpId::Sinh] = {{M}, [](auto& x) { return sinh(x[0]); }, [](const Values& v) { return map1(v[0], std::sinh); }, 0.5, 2.0, true};
    r[OpId::Cosh] = {{M}, [](auto& x) { return cosh(x[0]); }, [](const Values& v) { return map1(v[0], std::cosh); }, 0.5, 2.0, true};
    r[OpId::Asinh] = {{M}, [](auto& x) { return asinh(x[0]); }, [](const Values& v) { return map1(v[0], std::asinh); }, 0.5, 2.0, true};
    r[OpId::Acosh] = {{M}, [](auto& x) { return acosh(x[0]); }, [](const Values& v) { return map1(v[0], std::acosh); }, 1.5, 3.0};
    r[OpId::Atanh] = {{M}, [](auto& x) { return atanh(x[0]); }, [](const Values& v) { return map1(v[0], std::atanh); }, 0.2, 0.8, true};
    // trig.cpp
    r[OpId::Tan] = {{M}, [](auto& x) { return tan(x[0]); }, [](const Values& v) { return map1(v[0], std::tan); }, 0.2, 1.2, true};
    r[OpId::Asin] = {{M}, [](auto& x) { return asin(x[0]); }, [](const Values& v) { return map1(v[0], std::asin); }, 0.2, 0.8, true};
    r[OpId::Acos] = {{M}, [](auto& x) { return acos(x[0]); }, [](const Values& v) { return map1(v[0], std::acos); }, 0.2, 0.8, true};
    r[OpId::Atan] = {{M}, [](auto& x) { return atan(x[0]); }, [](const Values& v) { return map1(v[0], std::atan); }, 0.5, 2.0, true};
    r[OpId::Erfc] = {{M}, [](auto& x) { return erfc(x[0]); }, [](const Values& v) { return map1(v[0], std::erfc); }, 0.5, 2.0, true};
    r[OpId::Atan2] = {{M, V}, [](auto& x) { return atan2(x[0], x[1]); },
                      [](const Values& v) { return map2_rows(v[0], v[1], [](double a, double b) { return std::atan2(a, b); }); },
                      0.5, 2.0, true};
    r[OpId::Hypot] = {{M, V}, [](auto& x) { return hypot(x[0], x[1]); },
                      [](const Values& v) { return map2_rows(v[0], v[1], [](double a, double b) { return std::hypot(a, b); }); },
                      0.5, 2.0, true};
    // special.cpp
    r[OpId::Xlogy] = {{M, V}, [](auto& x) { return xlogy(x[0], x[1]); },
                      [](const Values& v) { return map2_rows(v[0], v[1], [](double a, double b) { return a * std::log(b); }); }};
    r[OpId::XlogyScalarSelf] = {{M}, [](auto& x) { return xlogy(Scalar(2.5), x[0]); },
                                [](const Values& v) { return map1f(v[0], [](double b) { return 2.5 * std::log(b); }); }};
    r[OpId::XlogyScalarOther] = {{M}, [](auto& x) { return xlogy(x[0], Scalar(2.5)); },
                                 [](const Values& v) { return map1f(v[0], [](double a) { return a * std::log(2.5); }); }, 0.5, 2.0, true};
    r[OpId::NanToNum] = {{M}, [](auto& x) { return nan_to_num(x[0]); }, [](const Values& v) { return v[0]; }, 0.5, 2.0, true};
    // inplace.cpp: the in-place result of a non-leaf; its gradient is zero everywhere.
    r[OpId::Zero] = {{M}, [](auto& x) { Tensor b = mul(x[0], Scalar(1.0)); b.zero_(); return b; },
                     [](const Values& v) { return std::vector<double>(v[0].size(), 0.0); }};
    r[OpId::Fill] = {{M}, [](auto& x) { Tensor b = mul(x[0], Scalar(1.0)); b.fill_(Scalar(3.0)); return b; },
                     [](const Values& v) { return std::vector<double>(v[0].size(), 3.0); }};
    // reduce.cpp
    r[OpId::Sum] = {{M}, [](auto& x) { return sum(x[0]); },
                    [](const Values& v) { double s = 0; for (double a : v[0]) s += a; return std::vector<double>{s}; }};
    r[OpId::SumDim] = {{M}, [](auto& x) { return sum(x[0], {0}); },
                       [](const Values& v) { std::vector<double> s(3, 0.0); for (size_t i = 0; i < 6; ++i) s[i % 3] += v[0][i]; return s; }};
    r[OpId::Mean] = {{M}, [](auto& x) { return mean(x[0]); },
                     [](const Values& v) { double s = 0; for (double a : v[0]) s += a; return std::vector<double>{s / 6}; }};
    r[OpId::MeanDim] = {{M}, [](auto& x) { return mean(x[0], {1}, true); },
                        [](const Values& v) { std::vector<double> s(2, 0.0); for (size_t i = 0; i < 6; ++i) s[i / 3] += v[0][i] / 3; return s; }};
    r[OpId::MaxAll] = {{M}, [](auto& x) { return max(x[0]); },
                       [](const Values& v) { return std::vector<double>{*std::max_element(v[0].begin(), v[0].end())}; }};
    r[OpId::MaxDim] = {{M}, [](auto& x) { return max(x[0], 1).first; },
                       [](const Values& v) {
                         return std::vector<double>{std::max({v[0][0], v[0][1], v[0][2]}), std::max({v[0][3], v[0][4], v[0][5]})};
                       }};
    r[OpId::MinAll] = {{M}, [](auto& x) { return min(x[0]); },
                       [](const Values& v) { return std::vector<double>{*std::min_element(v[0].begin(), v[0].end())}; }};
    r[OpId::Amax] = {{M}, [](auto& x) { return amax(x[0], {0}); },
                     [](const Values& v) {
                       return std::vector<double>{std::max(v[0][0], v[0][3]), std::max(v[0][1], v[0][4]), std::max(v[0][2], v[0][5])};
                     }};
    r[OpId::Amin] = {{M}, [](auto& x) { return amin(x[0], {}, true); },
                     [](const Values& v) { return std::vector<double>{*std::min_element(v[0].begin(), v[0].end())}; }};
    r[OpId::MinDim] = {{M}, [](auto& x) { return min(x[0], 1).first; },
                       [](const Values& v) {
                         return std::vector<double>{std::min({v[0][0], v[0][1], v[0][2]}), std::min({v[0][3], v[0][4], v[0][5]})};
                       }};
    // matmul.cpp
    r[OpId::Mm] = {{{2, 3}, {3, 4}}, [](auto& x) { return mm(x[0], x[1]); },
                   [](const Values& v) { return matmul_ref(v[0], v[1], 2, 3, 4); }, 0.5, 2.0, true};
    r[OpId::Mv] = {{{2, 3}, {3}}, [](auto& x) { return matmul(x[0], x[1]); },
                   [](const Values& v) { return matmul_ref(v[0], v[1], 2, 3, 1); }, 0.5, 2.0, true};
    r[OpId::Dot] = {{{3}, {3}}, [](auto& x) { return matmul(x[0], x[1]); },
                    [](const Values& v) { return matmul_ref(v[0], v[1], 1, 3, 1); }, 0.5, 2.0, true};
    r[OpId::SqueezeInplace] = {{{3}, {3, 2}}, [](auto& x) { return matmul(x[0], x[1]); },
                               [](const Values& v) { return matmul_ref(v[0], v[1], 1, 3, 2); }, 0.5, 2.0, true};
    // shape.cpp
    r[OpId::T] = {{M}, [](auto& x) { return t(x[0]); }, [](const Values& v) { return transpose_ref(v[0], 2, 3); }};
    r[OpId::Transpose] = {{M}, [](auto& x) { return transpose(x[0], 0, -1); }, [](const Values& v) { return transpose_ref(v[0], 2, 3); }};
    r[OpId::Permute] = {{M}, [](auto& x) { return permute(x[0], {1, 0}); }, [](const Values& v) { return transpose_ref(v[0], 2, 3); }};
    r[OpId::View] = {{M}, [](auto& x) { return view(x[0], {3, -1}); }, id};
    r[OpId::Reshape] = {{M}, [](auto& x) { return reshape(x[0], {6}); }, id};
    r[OpId::UnsafeView] = {{M}, [](auto& x) { return reshape(t(x[0]), {6}); }, [](const Values& v) { return transpose_ref(v[0], 2, 3); }};
    r[OpId::Unsqueeze] = {{M}, [](auto& x) { return unsqueeze(x[0], 1); }, id};
    r[OpId::Squeeze] = {{{2, 1, 3}}, [](auto& x) { return squeeze(x[0]); }, id};
    r[OpId::SqueezeDim] = {{{2, 1, 3}}, [](auto& x) { return squeeze(x[0], 1); }, id};
    r[OpId::Expand] = {{{2, 1}}, [](auto& x) { return expand(x[0], {2, 3}); },
                       [](const Values& v) { return std::vector<double>{v[0][0], v[0][0], v[0][0], v[0][1], v[0][1], v[0][1]}; }};
    r[OpId::Select] = {{M}, [](auto& x) { return select(x[0], 1, -1); },
                       [](const Values& v) { return std::vector<double>{v[0][2], v[0][5]}; }};
    r[OpId::Slice] = {{{2, 4}}, [](auto& x) { return slice(x[0], 1, 1, std::nullopt, 2); },
                      [](const Values& v) { return std::vector<double>{v[0][1], v[0][3], v[0][5], v[0][7]}; }};
    // addmm (matmul.cpp): a broadcast bias + A·B
    r[OpId::Addmm] = {{{4}, {2, 3}, {3, 4}}, [](auto& x) { return addmm(x[0], x[1], x[2]); },
                      [](const Values& v) {
                        std::vector<double> c = matmul_ref(v[1], v[2], 2, 3, 4);
                        for (size_t i = 0; i < c.size(); ++i) c[i] += v[0][i % 4];
                        return c;
                      }, 0.5, 2.0, true};
    r[OpId::DivScalar] = {{M}, [](auto& x) { return div_scalar_overload(x[0], Scalar(2.5)); },
                          [](const Values& v) { return map1f(v[0], [](double a) { return a / 2.5; }); }};
    // nn.cpp
    r[OpId::MulScalar] = {{M}, [](auto& x) { return mul_scalar_overload(x[0], Scalar(-1.5)); },
                          [](const Values& v) { return map1f(v[0], [](double a) { return a * -1.5; }); }};
    r[OpId::IndexPutZero] = {{M}, [](auto& x) {
                                 Tensor keep = from_vector({1, 0, 1, 1, 0, 1}, {2, 3}, TensorOptions{DType::Float64, std::nullopt, false});
                                 return index_put_zero(x[0], keep);
                               },
                               [](const Values& v) {
                                 std::vector<double> r = v[0];
                                 r[1] = r[4] = 0;
                                 return r;
                               }};
    auto softmax_ref = [](const std::vector<double>& a, bool log) {
      std::vector<double> r(a.size());
      for (size_t row = 0; row < a.size() / 3; ++row) {
        double m = std::max({a[row * 3], a[row * 3 + 1], a[row * 3 + 2]}), s = 0;
        for (size_t j = 0; j < 3; ++j) s += std::exp(a[row * 3 + j] - m);
        for (size_t j = 0; j < 3; ++j) {
          double d = a[row * 3 + j] - m;
          r[row * 3 + j] = log ? d - std::log(s) : std::exp(d) / s;
        }
      }
      return r;
    };
    r[OpId::Softmax] = {{M}, [](auto& x) { return softmax(x[0], -1); },
                        [softmax_ref](const Values& v) { return softmax_ref(v[0], false); }, 0.5, 2.0, true};
    r[OpId::LogSoftmax] = {{M}, [](auto& x) { return log_softmax(x[0], 1); },
                           [softmax_ref](const Values& v) { return softmax_ref(v[0], true); }, 0.5, 2.0, true};
    r[OpId::LeakyRelu] = {{M}, [](auto& x) { return leaky_relu(x[0], 0.2); },
                          [](const Values& v) { return map1f(v[0], [](double a) { return a > 0 ? a : 0.2 * a; }); }, 0.5, 2.0, true};
    r[OpId::RreluWithNoise] = {{M}, [](auto& x) { return rrelu_eval(x[0], 0.1, 0.3); },
                               [](const Values& v) { return map1f(v[0], [](double a) { return a > 0 ? a : 0.2 * a; }); }, 0.5, 2.0, true};
    r[OpId::Hardtanh] = {{M}, [](auto& x) { return hardtanh(x[0], -1.0, 1.2); },
                         [](const Values& v) { return map1f(v[0], [](double a) { return std::clamp(a, -1.0, 1.2); }); }, 0.5, 2.0, true};
    r[OpId::Silu] = {{M}, [](auto& x) { return silu(x[0]); },
                     [](const Values& v) { return map1f(v[0], [](double a) { return a / (1 + std::exp(-a)); }); }, 0.5, 2.0, true};
    // norm.cpp: embedding rows 2, 0, 2 of a 3×2 table; layer_norm over rows of 3; batch_norm in
    // training over the 4 rows of each of 3 channels (running statistics left out)
    r[OpId::Embedding] = {{{3, 2}}, [](auto& x) {
                            return embedding(x[0], from_vector({2, 0, 2}, {3}, TensorOptions{DType::Int64, std::nullopt, false}), -1, false);
                          },
                          [](const Values& v) { return std::vector<double>{v[0][4], v[0][5], v[0][0], v[0][1], v[0][4], v[0][5]}; }};
    auto normalize_ref = [](const std::vector<double>& x, const std::vector<double>& w, const std::vector<double>& b,
                            size_t groups, size_t group_size, size_t stride, size_t step) {
      std::vector<double> r(x.size());
      for (size_t gi = 0; gi < groups; ++gi) {
        double mean = 0, var = 0;
        for (size_t j = 0; j < group_size; ++j) mean += x[gi * stride + j * step] / static_cast<double>(group_size);
        for (size_t j = 0; j < group_size; ++j) var += std::pow(x[gi * stride + j * step] - mean, 2) / static_cast<double>(group_size);
        for (size_t j = 0; j < group_size; ++j) {
          const size_t at = gi * stride + j * step, param = stride == 1 ? gi : j;
          r[at] = (x[at] - mean) / std::sqrt(var + 1e-5) * w[param] + b[param];
        }
      }
      return r;
    };
    r[OpId::LayerNorm] = {{M, {3}, {3}}, [](auto& x) { return layer_norm(x[0], {3}, x[1], x[2], 1e-5); },
                          [normalize_ref](const Values& v) { return normalize_ref(v[0], v[1], v[2], 2, 3, 3, 1); }, 0.5, 2.0, true};
    r[OpId::BatchNorm] = {{{4, 3}, {3}, {3}}, [](auto& x) { return batch_norm(x[0], Tensor(), Tensor(), x[1], x[2], true, 0.1, 1e-5); },
                          [normalize_ref](const Values& v) { return normalize_ref(v[0], v[1], v[2], 3, 4, 1, 3); }, 0.5, 2.0, true};
    // activation.cpp
    r[OpId::Elu] = {{M}, [](auto& x) { return elu(x[0], 0.7); },
                    [](const Values& v) { return map1f(v[0], [](double a) { return a > 0 ? a : 0.7 * std::expm1(a); }); }, 0.5, 2.0, true};
    r[OpId::Celu] = {{M}, [](auto& x) { return celu(x[0], 1.3); },
                     [](const Values& v) { return map1f(v[0], [](double a) { return a > 0 ? a : 1.3 * std::expm1(a / 1.3); }); },
                     0.5, 2.0, true};
    r[OpId::Softplus] = {{M}, [](auto& x) { return softplus(x[0], 2.0, 3.0); },  // x > 1.5: x itself
                         [](const Values& v) {
                           return map1f(v[0], [](double a) { return 2 * a > 3 ? a : std::log1p(std::exp(2 * a)) / 2; });
                         }, 0.5, 2.0, true};
    r[OpId::Gelu] = {{M}, [](auto& x) { return gelu(x[0]); },
                     [](const Values& v) { return map1f(v[0], [](double a) { return a * 0.5 * (1 + std::erf(a / std::sqrt(2.0))); }); },
                     0.5, 2.0, true};
    r[OpId::LogSigmoid] = {{M}, [](auto& x) { return logsigmoid(x[0]); },
                           [](const Values& v) { return map1f(v[0], [](double a) { return -std::log1p(std::exp(-a)); }); }, 0.5, 2.0, true};
    r[OpId::Mish] = {{M}, [](auto& x) { return mish(x[0]); },
                     [](const Values& v) { return map1f(v[0], [](double a) { return a * std::tanh(std::log1p(std::exp(a))); }); },
                     0.5, 2.0, true};
    r[OpId::Hardsigmoid] = {{M}, [](auto& x) { return hardsigmoid(x[0]); },
                            [](const Values& v) { return map1f(v[0], [](double a) { return a / 6 + 0.5; }); }, 0.5, 2.0, true};
    r[OpId::Hardswish] = {{M}, [](auto& x) { return hardswish(mul(x[0], 2.0)); },  // reaches past 3, where it is x
                          [](const Values& v) {
                            return map1f(v[0], [](double a) { const double y = 2 * a; return y >= 3 ? y : y < -3 ? 0.0 : y * (y + 3) / 6; });
                          }, 0.5, 2.0, true};
    // loss.cpp: targets that need no gradient are constants of the row
    r[OpId::MseLoss] = {{M, M}, [](auto& x) { return mse_loss(x[0], x[1], Reduction::Mean); },
                        [](const Values& v) {
                          double s = 0;
                          for (size_t i = 0; i < 6; ++i) s += (v[0][i] - v[1][i]) * (v[0][i] - v[1][i]);
                          return std::vector<double>{s / 6};
                        }, 0.5, 2.0, true};
    auto smooth_ref = [](const Values& v, bool huber) {
      double s = 0;
      for (size_t i = 0; i < 6; ++i) {
        const double z = std::fabs(v[0][i] - v[1][i]), b = 0.8;
        s += huber ? (z < b ? 0.5 * z * z : b * (z - 0.5 * b)) : (z < b ? 0.5 * z * z / b : z - 0.5 * b);
      }
      return std::vector<double>{s};
    };
    r[OpId::SmoothL1Loss] = {{M, M}, [](auto& x) { return smooth_l1_loss(x[0], x[1], Reduction::Sum, 0.8); },
                             [smooth_ref](const Values& v) { return smooth_ref(v, false); }, 0.5, 2.0, true};
    r[OpId::HuberLoss] = {{M, M}, [](auto& x) { return huber_loss(x[0], x[1], Reduction::Sum, 0.8); },
                          [smooth_ref](const Values& v) { return smooth_ref(v, true); }, 0.5, 2.0, true};
    auto nll_target = [] { return from_vector({2, 0}, {2}, TensorOptions{DType::Int64, std::nullopt, false}); };
    auto nll_weight = [] { return from_vector({0.5, 2.0, 1.5}, {3}, TensorOptions{DType::Float64, std::nullopt, false}); };
    r[OpId::NllLoss] = {{M}, [nll_target, nll_weight](auto& x) { return nll_loss(x[0], nll_target(), nll_weight(), Reduction::Mean, -100); },
                        [](const Values& v) { return std::vector<double>{-(v[0][2] * 1.5 + v[0][3] * 0.5) / 2.0}; }, 0.5, 2.0, true};
    auto bce_target = [] { return from_vector({0.0, 0.3, 1.0, 0.7, 0.5, 0.9}, {2, 3}, TensorOptions{DType::Float64, std::nullopt, false}); };
    r[OpId::BinaryCrossEntropy] = {{M}, [bce_target](auto& x) { return binary_cross_entropy(x[0], bce_target(), Tensor(), Reduction::Sum); },
                                   [](const Values& v) {
                                     const double t[] = {0.0, 0.3, 1.0, 0.7, 0.5, 0.9};
                                     double s = 0;
                                     for (size_t i = 0; i < 6; ++i) s -= t[i] * std::log(v[0][i]) + (1 - t[i]) * std::log(1 - v[0][i]);
                                     return std::vector<double>{s};
                                   }, 0.1, 0.9};
    r[OpId::BinaryCrossEntropyWithLogits] = {
        {M}, [bce_target](auto& x) { return binary_cross_entropy_with_logits(x[0], bce_target(), Tensor(), Tensor(), Reduction::None); },
        [](const Values& v) {
          const double t[] = {0.0, 0.3, 1.0, 0.7, 0.5, 0.9};
          std::vector<double> r;
          for (size_t i = 0; i < 6; ++i) {
            const double p = 1 / (1 + std::exp(-v[0][i]));
            r.push_back(-(t[i] * std::log(p) + (1 - t[i]) * std::log(1 - p)));
          }
          return r;
        }, 0.5, 2.0, true};
    // ToCopy: float64 → float32 → float64 round trip; the inner node is checked by name.
    r[OpId::ToCopy] = {{M}, [](auto& x) { return x[0].to(DType::Float32); },
                       [](const Values& v) { return map1f(v[0], [](double a) { return double(float(a)); }); }};
    // reduce.cpp
    r[OpId::Norm] = {{M}, [](auto& x) { return norm(x[0]); },
                     [](const Values& v) {
                       double s = 0;
                       for (double a : v[0]) s += a * a;
                       return std::vector<double>{std::sqrt(s)};
                     }, 0.5, 2.0, true};
    r[OpId::LinalgVectorNorm] = {{M}, [](auto& x) { return norm(x[0], 2, 1, false, true); },
                                 [](const Values& v) {
                                   const auto& a = v[0];
                                   return std::vector<double>{std::sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]),
                                                              std::sqrt(a[3] * a[3] + a[4] * a[4] + a[5] * a[5])};
                                 }, 0.5, 2.0, true};
    // mask.cpp: fixed masks built inside each call
    auto bools = [](std::vector<double> v, Shape s) { return from_vector(v, s, TensorOptions{DType::Bool, std::nullopt, false}); };
    r[OpId::Where] = {{M, V}, [bools](auto& x) { return where(bools({1, 0, 1, 0, 1, 0}, {2, 3}), x[0], x[1]); },
                      [](const Values& v) {
                        std::vector<double> o;
                        for (size_t i = 0; i < 6; ++i) o.push_back(i % 2 == 0 ? v[0][i] : v[1][i % 3]);
                        return o;
                      }};
    r[OpId::MaskedFill] = {{M}, [bools](auto& x) { return masked_fill(x[0], bools({0, 1, 1}, {3}), Scalar(0.5)); },
                           [](const Values& v) {
                             std::vector<double> o = v[0];
                             for (size_t i = 0; i < 6; ++i) if (i % 3 != 0) o[i] = 0.5;
                             return o;
                           }};
    r[OpId::MaskedFillTensor] = {{M}, [bools](auto& x) {
                                   return masked_fill(x[0], bools({1, 0, 0}, {3}), scalar_tensor(Scalar(-1.0), DType::Float64, Device{}));
                                 },
                                 [](const Values& v) {
                                   std::vector<double> o = v[0];
                                   o[0] = o[3] = -1.0;
                                   return o;
                                 }};
    r[OpId::IndexMask] = {{M}, [bools](auto& x) { return index_mask(x[0], bools({0, 1}, {2})); },
                          [](const Values& v) { return std::vector<double>{v[0][3], v[0][4], v[0][5]}; }};
    r[OpId::IndexPut] = {{M, V}, [bools](auto& x) {
                           Tensor b = mul(x[0], Scalar(1.0));
                           index_put_mask_(b, bools({1, 0}, {2}), x[1]);
                           return b;
                         },
                         [](const Values& v) {
                           std::vector<double> o = v[0];
                           for (size_t i = 0; i < 3; ++i) o[i] = v[1][i];
                           return o;
                         }};
    r[OpId::MaskedSelect] = {{M}, [bools](auto& x) { return masked_select(x[0], bools({1, 0, 1}, {3})); },
                             [](const Values& v) { return std::vector<double>{v[0][0], v[0][2], v[0][3], v[0][5]}; }};
    // conv.cpp: float64 takes slow_conv2d (unfold + gemm); padding and stride both exercised
    const Conv2dRef conv{2, 2, 5, 5, 3, 3, 2, 1};
    r[OpId::Convolution] = {{{2, 2, 5, 5}, {3, 2, 3, 3}, {3}},
                            [](auto& x) { return conv2d(x[0], x[1], x[2], ConvSettings{.stride = {2, 2}, .padding = {1, 1}, .dilation = {1, 1}}); },
                            [conv](const Values& v) { return conv.run(v); }, 0.5, 2.0, true};
    // pool.cpp
    auto max_of = [](const std::vector<double>& w) { return *std::max_element(w.begin(), w.end()); };
    auto mean_of = [](const std::vector<double>& w) { double s = 0; for (double x : w) s += x; return s / static_cast<double>(w.size()); };
    r[OpId::MaxPool2d] = {{{1, 2, 4, 4}}, [](auto& x) { return max_pool2d(x[0], PoolSettings{.kernel = {2}, .padding = {0}, .dilation = {1}}); },
                          [max_of](const Values& v) { return pool_ref(v[0], 2, 4, 2, 2, max_of); }};
    r[OpId::AvgPool2d] = {{{2, 1, 5, 5}}, [](auto& x) { return avg_pool2d(x[0], PoolSettings{.kernel = {3}, .stride = {1}, .padding = {0}}); },
                          [mean_of](const Values& v) { return pool_ref(v[0], 2, 5, 3, 1, mean_of); }, 0.5, 2.0, true};
    r[OpId::AdaptiveAvgPool2d] = {{{1, 2, 6, 6}}, [](auto& x) { return adaptive_avg_pool2d(x[0], {3, 3}); },
                                  [mean_of](const Values& v) { return pool_ref(v[0], 2, 6, 2, 2, mean_of); }};
    // index.cpp: x[rows, cols] with a repeated position (its gradient sums), x[rows] = v
    auto longs = [](std::vector<double> v) {
      const int64_t n = static_cast<int64_t>(v.size());
      return from_vector(v, {n}, TensorOptions{DType::Int64, std::nullopt, false});
    };
    r[OpId::Index] = {{M}, [longs](auto& x) { return index(x[0], {longs({1, 1, 0, -1}), longs({2, 2, 0, 1})}); },
                      [](const Values& v) { return std::vector<double>{v[0][5], v[0][5], v[0][0], v[0][4]}; }};
    r[OpId::IndexPutTensors] = {{M, {2}}, [longs](auto& x) {  // b[:, [2, 0]] = v, v broadcast over the rows
                                  Tensor b = mul(x[0], Scalar(1.0));
                                  index_put_(b, {Tensor(), longs({2, 0})}, x[1]);
                                  return b;
                                },
                                [](const Values& v) {
                                  std::vector<double> o = v[0];
                                  o[2] = o[5] = v[1][0];
                                  o[0] = o[3] = v[1][1];
                                  return o;
                                }};
    // cumulative.cpp: along the rows of M (dim 1)
    r[OpId::Cumsum] = {{M}, [](auto& x) { return cumsum(x[0], 1); },
                       [](const Values& v) {
                         const auto& a = v[0];
                         return std::vector<double>{a[0], a[0] + a[1], a[0] + a[1] + a[2], a[3], a[3] + a[4], a[3] + a[4] + a[5]};
                       }};
    r[OpId::Cumprod] = {{M}, [](auto& x) { return cumprod(x[0], 0); },
                        [](const Values& v) {
                          const auto& a = v[0];
                          return std::vector<double>{a[0], a[1], a[2], a[0] * a[3], a[1] * a[4], a[2] * a[5]};
                        }};
    // variance.cpp: var along the rows (Welford), std of everything (two passes)
    auto unbiased_var = [](const std::vector<double>& a, size_t from, size_t n) {
      double m = 0, ss = 0;
      for (size_t i = from; i < from + n; ++i) m += a[i] / static_cast<double>(n);
      for (size_t i = from; i < from + n; ++i) ss += (a[i] - m) * (a[i] - m);
      return ss / static_cast<double>(n - 1);
    };
    r[OpId::Var] = {{M}, [](auto& x) { return variance(x[0], std::vector<int64_t>{1}, 1, false); },
                    [unbiased_var](const Values& v) { return std::vector<double>{unbiased_var(v[0], 0, 3), unbiased_var(v[0], 3, 3)}; }};
    r[OpId::Std] = {{M}, [](auto& x) { return std_dev(x[0], std::nullopt, 1, false); },
                    [unbiased_var](const Values& v) { return std::vector<double>{std::sqrt(unbiased_var(v[0], 0, 6))}; }};
    // sort.cpp: rows sorted descending; the two largest of each column
    auto sorted_rows = [](const std::vector<double>& a, bool descending) {
      std::vector<double> o = a;
      for (size_t r = 0; r < o.size(); r += 3) {
        if (descending) std::sort(o.begin() + r, o.begin() + r + 3, std::greater<double>());
        else std::sort(o.begin() + r, o.begin() + r + 3);
      }
      return o;
    };
    r[OpId::Sort] = {{M}, [](auto& x) { return sort(x[0], 1, true, false).first; },
                     [sorted_rows](const Values& v) { return sorted_rows(v[0], true); }};
    r[OpId::Topk] = {{{3, 2}}, [](auto& x) { return topk(x[0], 2, 0, true, true).first; },
                     [](const Values& v) {
                       std::vector<double> o;
                       for (size_t c = 0; c < 2; ++c) {
                         std::vector<double> col{v[0][c], v[0][2 + c], v[0][4 + c]};
                         std::sort(col.begin(), col.end(), std::greater<double>());
                         o.push_back(col[0]);
                         o.push_back(col[1]);
                       }
                       return std::vector<double>{o[0], o[2], o[1], o[3]};
                     }};
    // sort.cpp, order statistics: the inputs are distinct, so each picks one element
    auto sorted_copy = [](std::vector<double> a) {
      std::sort(a.begin(), a.end());
      return a;
    };
    auto row_statistic = [sorted_copy](const std::vector<double>& a, size_t rank) {  // rows of M
      return std::vector<double>{sorted_copy({a[0], a[1], a[2]})[rank], sorted_copy({a[3], a[4], a[5]})[rank]};
    };
    r[OpId::MedianAll] = {{M}, [](auto& x) { return median(x[0]); },
                          [sorted_copy](const Values& v) { return std::vector<double>{sorted_copy(v[0])[2]}; }};
    r[OpId::MedianDim] = {{M}, [](auto& x) { return median(x[0], 1, false).first; },
                          [row_statistic](const Values& v) { return row_statistic(v[0], 1); }};
    r[OpId::NanmedianAll] = {{{5}}, [](auto& x) { return nanmedian(x[0]); },
                             [sorted_copy](const Values& v) { return std::vector<double>{sorted_copy(v[0])[2]}; }};
    r[OpId::NanmedianDim] = {{M}, [](auto& x) { return nanmedian(x[0], -1, true).first; },
                             [row_statistic](const Values& v) { return row_statistic(v[0], 1); }};
    r[OpId::Kthvalue] = {{M}, [](auto& x) { return kthvalue(x[0], 3, 1, false).first; },
                         [row_statistic](const Values& v) { return row_statistic(v[0], 2); }};
    r[OpId::Mode] = {{M}, [](auto& x) { return mode(x[0], 1, false).first; },  // all equally frequent: the smallest
                     [row_statistic](const Values& v) { return row_statistic(v[0], 0); }};
    // product.cpp
    r[OpId::Prod] = {{M}, [](auto& x) { return prod(x[0]); },
                     [](const Values& v) { return std::vector<double>{v[0][0] * v[0][1] * v[0][2] * v[0][3] * v[0][4] * v[0][5]}; }};
    r[OpId::ProdDim] = {{M}, [](auto& x) { return prod(x[0], 0, false); },
                        [](const Values& v) { return std::vector<double>{v[0][0] * v[0][3], v[0][1] * v[0][4], v[0][2] * v[0][5]}; }};
    // index_select, gather, scatter (no repeated target: the derivative of an overwritten src is 0), scatter_add
    auto longs2 = [](std::vector<double> v, Shape s) { return from_vector(v, s, TensorOptions{DType::Int64, std::nullopt, false}); };
    r[OpId::IndexSelect] = {{M}, [longs](auto& x) { return index_select(x[0], 1, longs({2, 0, 2})); },
                            [](const Values& v) { return std::vector<double>{v[0][2], v[0][0], v[0][2], v[0][5], v[0][3], v[0][5]}; }};
    r[OpId::Gather] = {{M}, [longs2](auto& x) { return gather(x[0], 1, longs2({1, 1, 0, 2}, {2, 2})); },
                       [](const Values& v) { return std::vector<double>{v[0][1], v[0][1], v[0][3], v[0][5]}; }};
    r[OpId::Scatter] = {{M, {2, 2}}, [longs2](auto& x) { return scatter(x[0], 1, longs2({2, 0, 1, 0}, {2, 2}), x[1]); },
                        [](const Values& v) {
                          return std::vector<double>{v[1][1], v[0][1], v[1][0], v[1][3], v[1][2], v[0][5]};
                        }};
    r[OpId::ScatterValue] = {{M}, [longs2](auto& x) { return scatter(x[0], 0, longs2({1, 0, 1}, {1, 3}), Scalar(0.5)); },
                             [](const Values& v) { return std::vector<double>{v[0][0], 0.5, v[0][2], 0.5, v[0][4], 0.5}; }};
    r[OpId::ScatterAdd] = {{M, {1, 3}}, [longs2](auto& x) { return scatter_add(x[0], 0, longs2({1, 0, 1}, {1, 3}), x[1]); },
                           [](const Values& v) {
                             return std::vector<double>{v[0][0], v[0][1] + v[1][1], v[0][2], v[0][3] + v[1][0], v[0][4], v[0][5] + v[1][2]};
                           }};
    r[OpId::Take] = {{M}, [longs](auto& x) { return take(x[0], longs({5, 0, -1})); },
                     [](const Values& v) { return std::vector<double>{v[0][5], v[0][0], v[0][5]}; }};
    r[OpId::IndexAdd] = {{M, {2, 2}}, [longs](auto& x) { return index_add(x[0], 1, longs({2, 0}), x[1], Scalar(2.0)); },
                         [](const Values& v) {
                           const auto& a = v[0];
                           const auto& s = v[1];
                           return std::vector<double>{a[0] + 2 * s[1], a[1], a[2] + 2 * s[0], a[3] + 2 * s[3], a[4], a[5] + 2 * s[2]};
                         }};
    r[OpId::Diagonal] = {{{3, 4}}, [](auto& x) { return diagonal(x[0], 1, 0, 1); },
                         [](const Values& v) { return std::vector<double>{v[0][1], v[0][6], v[0][11]}; }};
    // rearrange.cpp: references index the row-major inputs directly
    r[OpId::Flip] = {{M}, [](auto& x) { return flip(x[0], {1}); },
                     [](const Values& v) { const auto& a = v[0]; return std::vector<double>{a[2], a[1], a[0], a[5], a[4], a[3]}; }};
    r[OpId::Roll] = {{M}, [](auto& x) { return roll(x[0], {1}, {1}); },
                     [](const Values& v) { const auto& a = v[0]; return std::vector<double>{a[2], a[0], a[1], a[5], a[3], a[4]}; }};
    // movement.cpp
    r[OpId::Rot90] = {{M}, [](auto& x) { return rot90(x[0], 1, {0, 1}); },  // out[r][c] = a[c][2 - r]
                      [](const Values& v) { const auto& a = v[0]; return std::vector<double>{a[2], a[5], a[1], a[4], a[0], a[3]}; }};
    r[OpId::Unfold] = {{{2, 5}}, [](auto& x) { return unfold(x[0], 1, 3, 1); },  // overlapping windows: out[i][w][j] = a[i][w + j]
                       [](const Values& v) {
                         std::vector<double> o;
                         for (size_t i = 0; i < 2; ++i)
                           for (size_t w = 0; w < 3; ++w)
                             for (size_t j = 0; j < 3; ++j) o.push_back(v[0][i * 5 + w + j]);
                         return o;
                       }};
    r[OpId::Repeat] = {{M}, [](auto& x) { return repeat(x[0], {2, 1, 2}); },  // [2, 2, 6]: a leading dim and a repeated one
                       [](const Values& v) {
                         std::vector<double> o;
                         for (int c = 0; c < 2; ++c)
                           for (int i = 0; i < 2; ++i)
                             for (int j = 0; j < 6; ++j) o.push_back(v[0][static_cast<size_t>(i * 3 + j % 3)]);
                         return o;
                       }};
    auto triangle_ref = [](const std::vector<double>& a, int64_t k, bool lower) {
      std::vector<double> o;
      for (int64_t i = 0; i < 3; ++i)
        for (int64_t j = 0; j < 3; ++j) o.push_back((lower ? j - i <= k : j - i >= k) ? a[static_cast<size_t>(i * 3 + j)] : 0.0);
      return o;
    };
    r[OpId::Tril] = {{{3, 3}}, [](auto& x) { return tril(x[0], 0); },
                     [triangle_ref](const Values& v) { return triangle_ref(v[0], 0, true); }};
    r[OpId::Triu] = {{{3, 3}}, [](auto& x) { return triu(x[0], 1); },
                     [triangle_ref](const Values& v) { return triangle_ref(v[0], 1, false); }};
    r[OpId::Diag] = {{V}, [](auto& x) { return diag(x[0], 1); },
                     [](const Values& v) {
                       std::vector<double> o(16, 0.0);
                       for (size_t i = 0; i < 3; ++i) o[i * 4 + i + 1] = v[0][i];
                       return o;
                     }};
    r[OpId::Trace] = {{{3, 3}}, [](auto& x) { return trace(x[0]); },
                      [](const Values& v) { return std::vector<double>{v[0][0] + v[0][4] + v[0][8]}; }};
    r[OpId::Bmm] = {{{2, 2, 3}, {2, 3, 2}}, [](auto& x) { return bmm(x[0], x[1]); },
                    [](const Values& v) {
                      std::vector<double> o;
                      for (size_t p = 0; p < 2; ++p) {
                        std::vector<double> a(v[0].begin() + p * 6, v[0].begin() + p * 6 + 6), b(v[1].begin() + p * 6, v[1].begin() + p * 6 + 6);
                        for (double c : matmul_ref(a, b, 2, 3, 2)) o.push_back(c);
                      }
                      return o;
                    }, 0.5, 2.0, true};
    r[OpId::Logsumexp] = {{M}, [](auto& x) { return logsumexp(x[0], {1}, false); },
                          [](const Values& v) {
                            const auto& a = v[0];
                            return std::vector<double>{std::log(std::exp(a[0]) + std::exp(a[1]) + std::exp(a[2])),
                                                       std::log(std::exp(a[3]) + std::exp(a[4]) + std::exp(a[5]))};
                          }, 0.5, 2.0, true};
    // lerp.cpp: weights on both sides of ATen's 0.5 branch
    r[OpId::Lerp] = {{M, V}, [](auto& x) { return lerp(x[0], x[1], Scalar(0.3)); },
                     [](const Values& v) { return map2_rows(v[0], v[1], [](double s, double e) { return s + 0.3 * (e - s); }); },
                     0.5, 2.0, true};
    r[OpId::LerpTensor] = {{M, M, M}, [](auto& x) { return lerp(x[0], x[1], x[2]); },
                           [](const Values& v) {
                             std::vector<double> o;
                             for (size_t i = 0; i < 6; ++i) o.push_back(v[0][i] + v[2][i] * (v[1][i] - v[0][i]));
                             return o;
                           }, 0.2, 0.9};
    // cross.cpp: along dim 0 of two 3 × 2 matrices
    r[OpId::Cross] = {{{3, 2}, {3, 2}}, [](auto& x) { return cross(x[0], x[1], 0); },
                      [](const Values& v) {
                        const auto& a = v[0];
                        const auto& b = v[1];
                        std::vector<double> o(6);
                        for (size_t i = 0; i < 2; ++i) {
                          o[i] = a[2 + i] * b[4 + i] - a[4 + i] * b[2 + i];
                          o[2 + i] = a[4 + i] * b[i] - a[i] * b[4 + i];
                          o[4 + i] = a[i] * b[2 + i] - a[2 + i] * b[i];
                        }
                        return o;
                      }, 0.5, 2.0, true};
    // reduce.cpp: dist of a broadcast difference
    r[OpId::Dist] = {{M, V}, [](auto& x) { return dist(x[0], x[1]); },
                     [](const Values& v) {
                       double s = 0;
                       for (size_t i = 0; i < 6; ++i) s += (v[0][i] - v[1][i % 3]) * (v[0][i] - v[1][i % 3]);
                       return std::vector<double>{std::sqrt(s)};
                     }, 0.5, 2.0, true};
    // The gradients-as-ops (grad_ops.h, create_graph): each takes the node of the op it
    // differentiates, recorded here on leaves that require grad (the finite differences' probes
    // do not: leaf() gives them such a copy), and the gradient g arriving at it.
    auto leaf = [](const Tensor& t) { return t.requires_grad() ? t : f64(t.to_doubles(), t.shape(), true); };
    auto window_base = [](const Shape& s) { return f64(std::vector<double>(static_cast<size_t>(shape_numel(s)), 0.0), s, true); };
    auto scatter_ref = [](size_t n, std::vector<size_t> at) {
      return [n, at](const Values& v) {
        std::vector<double> o(n, 0.0);
        for (size_t i = 0; i < at.size(); ++i) o[at[i]] += v[0][i];
        return o;
      };
    };
    r[OpId::SelectGrad] = {{{2}}, [window_base, M](auto& x) {
                             return window_backward_op(*select(window_base(M), 1, -1).grad_fn(), x[0])[0];
                           }, scatter_ref(6, {2, 5}), 0.5, 2.0, true};
    r[OpId::SliceGrad] = {{{2, 2}}, [window_base](auto& x) {
                            return window_backward_op(*slice(window_base({2, 4}), 1, 1, std::nullopt, 2).grad_fn(), x[0])[0];
                          }, scatter_ref(8, {1, 3, 5, 7}), 0.5, 2.0, true};
    r[OpId::IndexGrad] = {{{4}}, [window_base, longs, M](auto& x) {
                            Tensor picked = index(window_base(M), {longs({1, 1, 0, -1}), longs({2, 2, 0, 1})});
                            return index_backward_op(*picked.grad_fn(), x[0])[0];
                          }, scatter_ref(6, {5, 5, 0, 4}), 0.5, 2.0, true};
    r[OpId::MseLossGrad] = {{{}, M, M}, [leaf](auto& x) {
                              Tensor loss = mse_loss(leaf(x[1]), leaf(x[2]), Reduction::Mean);
                              return mse_loss_backward_op(*loss.grad_fn(), x[0])[0];
                            },
                            [](const Values& v) {
                              std::vector<double> o(6);
                              for (size_t i = 0; i < 6; ++i) o[i] = 2.0 / 6 * (v[1][i] - v[2][i]) * v[0][0];
                              return o;
                            }, 0.5, 2.0, true};
    r[OpId::NllLossGrad] = {{{}, M}, [leaf, nll_target, nll_weight](auto& x) {
                              Tensor loss = nll_loss(leaf(x[1]), nll_target(), nll_weight(), Reduction::Mean, -100);
                              return nll_loss_backward_op(*loss.grad_fn(), x[0])[0];
                            },
                            [](const Values& v) {  // targets {2, 0}, weights 1.5 and 0.5, total weight 2
                              std::vector<double> o(6, 0.0);
                              o[2] = -1.5 * v[0][0] / 2;
                              o[3] = -0.5 * v[0][0] / 2;
                              return o;
                            }, 0.5, 2.0, true};
    auto softmax_grad_ref = [softmax_ref](bool log) {
      return [softmax_ref, log](const Values& v) {
        const std::vector<double> y = softmax_ref(v[1], log);
        std::vector<double> o(6);
        for (size_t row = 0; row < 2; ++row) {
          double s = 0;
          for (size_t j = 0; j < 3; ++j) s += log ? v[0][row * 3 + j] : v[0][row * 3 + j] * y[row * 3 + j];
          for (size_t j = 0; j < 3; ++j) {
            const size_t i = row * 3 + j;
            o[i] = log ? v[0][i] - std::exp(y[i]) * s : (v[0][i] - s) * y[i];
          }
        }
        return o;
      };
    };
    r[OpId::SoftmaxGrad] = {{M, M}, [leaf](auto& x) { return softmax_backward_op(*softmax(leaf(x[1]), 1).grad_fn(), x[0])[0]; },
                            softmax_grad_ref(false), 0.5, 2.0, true};
    r[OpId::LogSoftmaxGrad] = {{M, M}, [leaf](auto& x) { return softmax_backward_op(*log_softmax(leaf(x[1]), 1).grad_fn(), x[0])[0]; },
                               softmax_grad_ref(true), 0.5, 2.0, true};
    r[OpId::LeakyReluGrad] = {{M, M}, [leaf](auto& x) { return leaky_relu_backward_op(*leaky_relu(leaf(x[1]), 0.2).grad_fn(), x[0])[0]; },
                              [](const Values& v) {
                                std::vector<double> o(6);
                                for (size_t i = 0; i < 6; ++i) o[i] = v[1][i] > 0 ? v[0][i] : 0.2 * v[0][i];
                                return o;
                              }, 0.5, 2.0, true};
    return r;
  }();
  return rows;
}

// Σ out·w for fixed weights w, so upstream gradients are not all ones.
double weighted_sum(const Tensor& out) {
  std::vector<double> v = out.to_doubles();
  double s = 0;
  for (size_t i = 0; i < v.size(); ++i) s += v[i] * (1.0 + 0.1 * static_cast<double>(i));
  return s;
}

std::vector<double> weights_for(const Tensor& out) {
  std::vector<double> w(static_cast<size_t>(out.numel()));
  for (size_t i = 0; i < w.size(); ++i) w[i] = 1.0 + 0.1 * static_cast<double>(i);
  return w;
}

}  // namespace

TEST_CASE("every op in the table has a test row", "[ops]") {
  for (size_t i = 0; i < kOpCount; ++i) {
    OpId op = static_cast<OpId>(i);
    INFO("op " << op_node_name(op) << " (" << op_python_name(op) << ") has no row in op_rows()");
    CHECK(op_rows().count(op) == 1);
  }
}

TEST_CASE("ops: node names, forward values and finite-difference gradients", "[ops]") {
  for (const auto& entry : op_rows()) {  // not a structured binding: clang 14 can't capture those
    const OpId op = entry.first;
    const OpRow& row = entry.second;
    const std::string name = op_node_name(op);
    SECTION(name) {
      Values values;
      std::vector<Tensor> inputs;
      for (size_t i = 0; i < row.shapes.size(); ++i) {
        values.push_back(make_values(shape_numel(row.shapes[i]), static_cast<int>(i), row));
        inputs.push_back(f64(values.back(), row.shapes[i], true));
      }
      Tensor out = row.run(inputs);
      REQUIRE(out.grad_fn() != nullptr);
      CHECK(std::string(out.grad_fn()->name()) == name);

      // Forward against the independent reference.
      std::vector<double> got = out.to_doubles(), want = row.reference(values);
      REQUIRE(got.size() == want.size());
      for (size_t i = 0; i < got.size(); ++i) CHECK(got[i] == Approx(want[i]).epsilon(1e-6));

      // Backward against central differences (float64; ToCopy goes through float32).
      const double tol = op == OpId::ToCopy ? 1e-3 : 1e-6;
      out.backward(f64(weights_for(out), out.shape(), false));
      for (size_t i = 0; i < inputs.size(); ++i) {
        Tensor g = inputs[i].grad();
        REQUIRE(g.defined());
        std::vector<double> analytic = g.to_doubles();
        for (size_t j = 0; j < values[i].size(); ++j) {
          const double eps = op == OpId::ToCopy ? 1e-2 : 1e-6;
          auto at = [&](double delta) {
            std::vector<Tensor> probe;
            for (size_t k = 0; k < inputs.size(); ++k) {
              std::vector<double> v = values[k];
              if (k == i) v[j] += delta;
              probe.push_back(f64(v, row.shapes[k], false));
            }
            return weighted_sum(row.run(probe));
          };
          double numeric = (at(eps) - at(-eps)) / (2 * eps);
          INFO(name << " input " << i << " element " << j);
          CHECK(analytic[j] == Approx(numeric).epsilon(tol).margin(tol));
        }
      }
    }
  }
}

// Note [Derivative rules] (op_list.h): every row's rule is a template over known placeholders,
// with one "; "-separated part per input slot of the op's node, and no placeholder for a slot
// the node does not have.
namespace {
std::vector<std::string> rule_parts(const std::string& rule) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t at; (at = rule.find("; ", start)) != std::string::npos; start = at + 2) parts.push_back(rule.substr(start, at - start));
  parts.push_back(rule.substr(start));
  return parts;
}
}  // namespace

TEST_CASE("every op's derivative rule uses known placeholders only", "[ops][rules]") {
  const std::vector<std::string> known = {"{a}", "{b}", "{c}", "{p}", "{q}", "{out}"};
  for (size_t i = 0; i <= kOpCount + 1; ++i) {  // the ops, AccumulateGrad and Custom
    const OpId op = static_cast<OpId>(i);
    const std::string rule = op_derivative_rule(op);
    INFO(op_node_name(op) << ": " << rule);
    CHECK_FALSE(rule.empty());
    for (const std::string& part : rule_parts(rule)) CHECK_FALSE(part.empty());
    for (size_t open = rule.find('{'); open != std::string::npos; open = rule.find('{', open + 1)) {
      const size_t close = rule.find('}', open);
      REQUIRE(close != std::string::npos);
      const std::string placeholder = rule.substr(open, close - open + 1);
      CHECK(std::find(known.begin(), known.end(), placeholder) != known.end());
    }
  }
}

TEST_CASE("every op's derivative rule has one part per input slot of its node", "[ops][rules]") {
  for (const auto& entry : op_rows()) {
    const OpId op = entry.first;
    const OpRow& row = entry.second;
    std::vector<Tensor> inputs;
    for (size_t i = 0; i < row.shapes.size(); ++i)
      inputs.push_back(f64(make_values(shape_numel(row.shapes[i]), static_cast<int>(i), row), row.shapes[i], true));
    Tensor out = row.run(inputs);
    REQUIRE(out.grad_fn() != nullptr);
    const std::string rule = op_derivative_rule(op);
    const size_t slots = out.grad_fn()->num_edges();
    INFO(op_node_name(op) << ": " << rule << " (" << slots << " slots)");
    CHECK(rule_parts(rule).size() == slots);
    CHECK((rule.find("{b}") == std::string::npos || slots >= 2));
    CHECK((rule.find("{c}") == std::string::npos || slots >= 3));
  }
}
