// Note [Higher-order gradients]: each differentiable backward gives the first derivative with
// the same bits as the ordinary backward, and the second derivative matches finite differences.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "engine/autograd/higher_order.h"
#include "engine/autograd/node.h"
#include "engine/ops/compare.h"
#include "engine/ops/cumulative.h"
#include "engine/ops/index.h"
#include "engine/ops/join.h"
#include "engine/ops/nn.h"
#include "engine/ops/product.h"
#include "engine/ops/rearrange.h"
#include "engine/ops/variance.h"
#include "engine/tensor.h"

using namespace gradlab;

namespace {

struct Case {
  std::string name;
  std::function<Tensor(const Tensor&)> f;  // scalar-valued for the second derivative
};

std::vector<Case> cases() {
  return {
      {"add/sub/rsub", [](const Tensor& x) { return sum(sub(add(x, mul(x, x), Scalar(2.0)), rsub(x, Scalar(1.0)))); }},
      {"mul/div", [](const Tensor& x) { return sum(div(mul(x, x), add(x, Scalar(3.0)))); }},
      {"pow", [](const Tensor& x) { return sum(add(pow(x, Scalar(3)), pow(x, Scalar(2.5)))); }},
      {"exp/log/sqrt", [](const Tensor& x) { return sum(add(mul(exp(x), log(x)), sqrt(x))); }},
      {"sin/cos/neg", [](const Tensor& x) { return sum(mul(sin(x), neg(cos(x)))); }},
      {"mean/scalars", [](const Tensor& x) { return mean(div(mul_scalar_overload(mul(x, x), 3.0), Scalar(2.0))); }},
      {"sum(dim)", [](const Tensor& x) { return sum(pow(sum(reshape(x, {2, 2}), {1}), Scalar(2))); }},
      {"t/permute", [](const Tensor& x) { return sum(mul(permute(reshape(x, {2, 2}), {1, 0}), mul(t(reshape(x, {2, 2})), reshape(x, {2, 2})))); }},
      {"expand/unsqueeze", [](const Tensor& x) { return sum(mul(expand(unsqueeze(x, 0), {3, 4}), mul(x, x))); }},
      // The gradients-as-ops (engine/ops/grad_ops.h) and the variadic nodes (cat, split).
      {"select/slice", [](const Tensor& x) {
         Tensor m = reshape(x, {2, 2});
         return sum(mul(pow(select(m, 1, 0), Scalar(3)), slice(m, 0, 1, std::nullopt, 1)));
       }},
      {"index/mask", [](const Tensor& x) {
         Tensor idx = from_vector({3, 0, 3}, {3}, TensorOptions{DType::Int64, std::nullopt, false});
         Tensor picked = index(x, {idx});
         return add(sum(mul(picked, picked)), sum(pow(index_mask(x, compare(CompareOp::Gt, x, Scalar(1.0))), Scalar(3))));
       }},
      {"cat/stack", [](const Tensor& x) { return sum(pow(add(cat({x, mul(x, x)}, 0), Scalar(0.5)), Scalar(3))) ; }},
      {"stack", [](const Tensor& x) { return sum(mul(stack({x, exp(x)}, 1), stack({x, x}, 1))); }},
      {"split/unbind", [](const Tensor& x) {
         std::vector<Tensor> halves = split(x, 3, 0);
         std::vector<Tensor> rows = unbind(reshape(x, {2, 2}), 1);
         return add(sum(pow(halves[0], Scalar(3))), sum(mul(rows[1], rows[1])));
       }},
      {"mse_loss", [](const Tensor& x) {
         Tensor t = from_vector({0.5, 1.0, 1.5, 0.0}, {4}, TensorOptions{DType::Float64, std::nullopt, false});
         return add(mse_loss(mul(x, x), t, Reduction::Mean), mse_loss(x, t, Reduction::Sum));
       }},
      {"mse_loss none", [](const Tensor& x) { return sum(pow(mse_loss(sin(x), x, Reduction::None), Scalar(2))); }},
      {"softmax", [](const Tensor& x) { return sum(mul(softmax(reshape(mul(x, x), {2, 2}), 1), reshape(x, {2, 2}))); }},
      {"softmax dim 0", [](const Tensor& x) { return sum(mul(softmax(reshape(mul(x, x), {2, 2}), 0), reshape(x, {2, 2}))); }},
      {"log_softmax/nll_loss", [](const Tensor& x) {
         Tensor target = from_vector({1, 0}, {2}, TensorOptions{DType::Int64, std::nullopt, false});
         return nll_loss(log_softmax(reshape(mul(x, x), {2, 2}), 1), target, Tensor(), Reduction::Mean, -100);
       }},
      {"leaky_relu", [](const Tensor& x) { return sum(pow(leaky_relu(sub(x, Scalar(1.0)), 0.2), Scalar(3))); }},
      // Pointwise math, clamps, masks and the selecting reductions (higher_order_math.cpp).
      {"abs/reciprocal/rsqrt", [](const Tensor& x) {
         return sum(add(mul(abs(sub(x, Scalar(1.0))), x), add(reciprocal(x), rsqrt(x))));
       }},
      {"expm1/exp2/log1p/log2/log10", [](const Tensor& x) {
         return sum(add(add(mul(expm1(x), exp2(x)), log1p(mul(x, x))), mul(log2(x), log10(x))));
       }},
      {"trig", [](const Tensor& x) {
         Tensor u = mul_scalar_overload(x, 0.4);
         return sum(add(add(mul(tan(u), atan(x)), mul(asin(u), acos(u))), mul(sinh(u), add(cosh(u), asinh(x)))));
       }},
      {"erf/erfc/sign", [](const Tensor& x) { return sum(add(mul(erf(x), erfc(x)), mul(sign(x), mul(x, x)))); }},
      {"clamp/where/maximum/minimum", [](const Tensor& x) {
         Tensor c = pow(clamp(x, Scalar(0.5), Scalar(1.5)), Scalar(3));
         Tensor w = where(compare(CompareOp::Gt, x, Scalar(1.0)), mul(x, x), exp(x));
         Tensor m = mul(maximum(x, mul(x, x)), minimum(sin(x), cos(x)));
         return sum(add(add(c, w), m));
       }},
      {"max/min", [](const Tensor& x) {
         Tensor rows = reshape(mul(x, x), {2, 2});
         return add(mul(max(x), min(x)), sum(pow(max(rows, 1).first, Scalar(3))));
       }},
      {"norm/prod/cumsum", [](const Tensor& x) {
         Tensor rows = reshape(x, {2, 2});
         Tensor a = add(pow(norm(x), Scalar(3)), sum(pow(norm(rows, 2, 1, false), Scalar(3))));
         Tensor b = add(mul(norm(rows, 1, 0, true), sum(x)), prod(x));
         return add(sum(add(a, sum(b))), sum(add(pow(prod(rows, 1, false), Scalar(2)), sum(pow(cumsum(x, 0), Scalar(2))))));
       }},
      {"var/std/logsumexp", [](const Tensor& x) {
         Tensor rows = reshape(mul(x, x), {2, 2});
         Tensor v = add(mul(variance(x, std::nullopt, 1, false), sum(x)), sum(pow(std_dev(rows, std::vector<int64_t>{1}, 1, false), Scalar(2))));
         return add(v, sum(pow(logsumexp(rows, {1}, false), Scalar(2))));
       }},
      {"pow(tensor, tensor)/pow(2, x)", [](const Tensor& x) { return sum(add(pow(x, sin(x)), pow(Scalar(2.0), x))); }},
      {"binary_cross_entropy_with_logits", [](const Tensor& x) {
         Tensor t = from_vector({0.5, 1.0, 0.0, 0.3}, {4}, TensorOptions{DType::Float64, std::nullopt, false});
         return binary_cross_entropy_with_logits(mul(x, x), t, Tensor(), Tensor(), Reduction::Mean);
       }},
  };
}

Tensor input() { return from_vector({0.7, 1.3, 2.1, 0.4}, {4}, TensorOptions{DType::Float64, std::nullopt, true}); }

Tensor grad_of(const Tensor& y, const Tensor& x, bool create_graph) {
  BackwardRequest rq;
  rq.roots = {y};
  rq.grads = {Tensor()};
  rq.inputs = {x};
  rq.accumulate = false;
  rq.create_graph = create_graph;
  rq.retain_graph = true;
  return run_backward(rq)[0];
}

}  // namespace

TEST_CASE("create_graph gives the ordinary first derivative, recorded", "[autograd][higher_order]") {
  for (const Case& c : cases()) {
    INFO(c.name);
    Tensor x = input();
    Tensor y = c.f(x);
    Tensor plain = grad_of(y, x, false);
    Tensor recorded = grad_of(y, x, true);
    CHECK_FALSE(plain.requires_grad());
    CHECK(recorded.requires_grad());
    CHECK(recorded.to_doubles() == plain.to_doubles());  // bit for bit
  }
}

TEST_CASE("second derivatives match finite differences of the first", "[autograd][higher_order]") {
  const double h = 1e-6;
  for (const Case& c : cases()) {
    INFO(c.name);
    Tensor x = input();
    Tensor g = grad_of(c.f(x), x, true);
    std::vector<double> second = grad_of(sum(g), x, false).to_doubles();
    std::vector<double> base = x.to_doubles();
    for (size_t i = 0; i < base.size(); ++i) {
      auto first_sum = [&](double delta) {
        std::vector<double> v = base;
        v[i] += delta;
        Tensor xi = from_vector(v, {4}, TensorOptions{DType::Float64, std::nullopt, true});
        std::vector<double> gi = grad_of(c.f(xi), xi, false).to_doubles();
        double s = 0;
        for (double e : gi) s += e;
        return s;
      };
      double numeric = (first_sum(h) - first_sum(-h)) / (2 * h);
      CHECK(second[i] == Approx(numeric).epsilon(1e-5).margin(1e-6));
    }
  }
}

TEST_CASE("create_graph through an op without a differentiable backward says so", "[autograd][higher_order]") {
  Tensor x = input();
  Tensor y = sum(gelu(x));
  try {
    grad_of(y, x, true);
    FAIL("expected NotImplementedError");
  } catch (const Error& e) {
    CHECK(e.type() == "NotImplementedError");
    CHECK(std::string(e.what()).find("GeluBackward0") != std::string::npos);
  }
}
