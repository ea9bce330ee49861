// Note [Higher-order gradients]: each differentiable backward gives the first derivative with
// the same bits as the ordinary backward, and the second derivative matches finite differences.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "engine/autograd/higher_order.h"
#include "engine/autograd/node.h"
#include "engine/ops/nn.h"
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
  Tensor y = sum(abs(x));
  try {
    grad_of(y, x, true);
    FAIL("expected NotImplementedError");
  } catch (const Error& e) {
    CHECK(e.type() == "NotImplementedError");
    CHECK(std::string(e.what()).find("AbsBackward0") != std::string::npos);
  }
}
