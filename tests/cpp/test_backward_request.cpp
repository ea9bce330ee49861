// The general backward (BackwardRequest: several roots, inputs that restrict the pass or whose
// gradients are returned, as torch.autograd.backward / grad) and custom nodes with several inputs
// and outputs (autograd/custom_node.h, what a Python autograd.Function becomes). Expected values
// are PyTorch 1.13's for the same graphs (see tests/golden/cases/autograd_grad_basic.py and
// autograd_fn_saved_outputs.py for the script forms).
#include <catch2/catch.hpp>

#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "engine/autograd/custom_node.h"
#include "engine/autograd/node.h"
#include "engine/graph_json.h"
#include "engine/tensor.h"
#include "tests/cpp/test_support.h"

using namespace gradlab;
using gradlab::testing::error_of;

namespace {

Tensor leaf(std::vector<double> v) {
  Tensor t = from_vector(v, Shape{static_cast<int64_t>(v.size())});
  t.requires_grad_(true);
  return t;
}

std::vector<double> values(const Tensor& t) { return t.defined() ? t.to_doubles() : std::vector<double>{}; }

// (a + b, a * b) with the product rule: the custom node of SumProd in autograd_fn_saved_outputs.py.
struct SumProd : CustomBackward {
  Tensor a, b;
  int calls = 0;
  std::vector<Tensor> apply(std::vector<Tensor> grads) override {
    ++calls;
    Tensor gs = grads[0].defined() ? grads[0] : zeros(outputs[0].shape);
    Tensor gp = grads[1].defined() ? grads[1] : zeros(outputs[1].shape);
    return {add(gs, mul(gp, b)), add(gs, mul(gp, a))};
  }
};

// Builds SumProd's node over a and b and returns its two outputs.
std::pair<Tensor, Tensor> sum_prod(const Tensor& a, const Tensor& b, SumProd** out_custom = nullptr) {
  Tensor s, p;
  {
    NoGradGuard no_grad;
    s = add(a, b);
    p = mul(a, b);
  }
  auto c = std::make_unique<SumProd>();
  c->name = "SumProdBackward";
  c->a = a.detach();
  c->b = b.detach();
  for (const Tensor* t : {&a, &b}) {
    c->edges.push_back(t->requires_grad() ? gradient_edge(*t) : Edge{});
    c->inputs.push_back(InputMeta{t->shape(), t->dtype(), t->device()});
  }
  c->outputs = {InputMeta{s.shape(), s.dtype(), s.device()}, InputMeta{p.shape(), p.dtype(), p.device()}};
  c->output_impls.resize(2);
  if (out_custom) *out_custom = c.get();
  std::shared_ptr<Node> node = make_custom_node(std::move(c));
  attach_custom_output(node, s, 0);
  attach_custom_output(node, p, 1);
  return {s, p};
}

}  // namespace

TEST_CASE("backward request: autograd.grad returns gradients and leaves .grad alone", "[autograd][grad_api]") {
  Tensor x = leaf({1, 2, 3});
  Tensor w = leaf({2});
  BackwardRequest rq;
  rq.roots = {sum(mul(mul(x, x), w))};
  rq.grads = {Tensor()};
  rq.inputs = {x, w};
  rq.accumulate = false;
  std::vector<Tensor> g = run_backward(rq);
  REQUIRE(g.size() == 2);
  CHECK(values(g[0]) == std::vector<double>{4, 8, 12});
  CHECK(values(g[1]) == std::vector<double>{14});
  CHECK_FALSE(x.grad().defined());
  CHECK_FALSE(w.grad().defined());
}

TEST_CASE("backward request: an input off the graph comes back undefined", "[autograd][grad_api]") {
  Tensor x = leaf({1, 2});
  Tensor u = leaf({1});
  BackwardRequest rq;
  rq.roots = {sum(mul(x, Scalar(2)))};
  rq.inputs = {x, u};
  rq.accumulate = false;
  std::vector<Tensor> g = run_backward(rq);
  CHECK(values(g[0]) == std::vector<double>{2, 2});
  CHECK_FALSE(g[1].defined());
}

TEST_CASE("backward request: the gradient of a non-leaf input, before its node runs", "[autograd][grad_api]") {
  Tensor a = leaf({1, 2});
  Tensor b = mul(a, Scalar(2));
  BackwardRequest rq;
  rq.roots = {sum(exp(b))};
  rq.inputs = {b, a};
  rq.accumulate = false;
  std::vector<Tensor> g = run_backward(rq);
  CHECK(values(g[0])[0] == Approx(7.3890561));
  CHECK(values(g[1])[1] == Approx(109.1963));
  CHECK_FALSE(a.grad().defined());
}

TEST_CASE("backward request: inputs restrict which leaves accumulate", "[autograd][backward_inputs]") {
  Tensor x = leaf({1, 2});
  Tensor w = leaf({3, 4});
  BackwardRequest rq;
  rq.roots = {sum(mul(x, w))};
  rq.inputs = {x};
  run_backward(rq);
  CHECK(values(x.grad()) == std::vector<double>{3, 4});
  CHECK_FALSE(w.grad().defined());
}

TEST_CASE("backward request: several roots, one pass", "[autograd][backward_inputs]") {
  Tensor x = leaf({1, 2});
  BackwardRequest rq;
  rq.roots = {sum(mul(x, Scalar(2))), sum(mul(x, Scalar(3)))};
  rq.grads = {Tensor(), Tensor()};
  run_backward(rq);
  CHECK(values(x.grad()) == std::vector<double>{5, 5});
}

TEST_CASE("backward request: PyTorch's errors", "[autograd][grad_api]") {
  Tensor x = leaf({1, 2});
  BackwardRequest rq;
  rq.roots = {mul(x, Scalar(2))};
  CHECK(error_of([&] { run_backward(rq); }) == "RuntimeError: grad can be implicitly created only for scalar outputs");
  BackwardRequest rq2;
  rq2.roots = {sum(mul(x, Scalar(2)))};
  rq2.inputs = {from_vector({1}, Shape{1})};
  rq2.accumulate = false;
  CHECK(error_of([&] { run_backward(rq2); }) == "RuntimeError: One of the differentiated Tensors does not require grad");
  BackwardRequest rq3;
  rq3.roots = {x, from_vector({1}, Shape{1})};
  rq3.grads = {ones(Shape{2}), Tensor()};
  CHECK(error_of([&] { run_backward(rq3); }) ==
        "RuntimeError: element 1 of tensors does not require grad and does not have a grad_fn");
}

TEST_CASE("custom node: two outputs, one gradient buffer each", "[autograd][custom_node]") {
  Tensor a = leaf({1, 2});
  Tensor b = from_vector({3, 4}, Shape{2});
  SumProd* custom = nullptr;
  auto [s, p] = sum_prod(a, b, &custom);
  CHECK(s.grad_fn() == p.grad_fn());
  CHECK(std::string(p.grad_fn()->name()) == "SumProdBackward");
  CHECK(p.impl()->output_nr == 1);
  REQUIRE(p.grad_fn()->num_edges() == 2);
  CHECK(p.grad_fn()->edges()[0].node->op == OpId::AccumulateGrad);
  CHECK(p.grad_fn()->edges()[1].node == nullptr);

  // Only p's gradient arrives: the sum's slot stays undefined (PyTorch materialises zeros).
  sum(p).backward(Tensor(), true);
  CHECK(values(a.grad()) == std::vector<double>{3, 4});
  // Both outputs feed one root: the node runs once with both gradients.
  a.set_grad(Tensor());
  custom->calls = 0;
  sum(add(mul(s, Scalar(2)), p)).backward();
  CHECK(custom->calls == 1);
  CHECK(values(a.grad()) == std::vector<double>{5, 6});
}

TEST_CASE("custom node: an output used by an op node routes by output number", "[autograd][custom_node]") {
  Tensor a = leaf({1, 2});
  Tensor b = leaf({3, 4});
  auto [s, p] = sum_prod(a, b);
  Tensor y = mul(p, Scalar(3));  // MulBackward0's edge points at output 1 of the custom node
  CHECK(y.grad_fn()->edges()[0].input_nr == 1);
  sum(y).backward();
  CHECK(values(a.grad()) == std::vector<double>{9, 12});
  CHECK(values(b.grad()) == std::vector<double>{3, 6});
}

TEST_CASE("custom node: a wrong gradient shape is PyTorch's error", "[autograd][custom_node]") {
  struct BadShape : CustomBackward {
    std::vector<Tensor> apply(std::vector<Tensor>) override { return {ones(Shape{2})}; }
  };
  Tensor a = leaf({1, 2, 3});
  Tensor out;
  {
    NoGradGuard no_grad;
    out = mul(a, Scalar(2));
  }
  auto c = std::make_unique<BadShape>();
  c->name = "BadShapeBackward";
  c->edges.push_back(gradient_edge(a));
  c->inputs.push_back(InputMeta{a.shape(), a.dtype(), a.device()});
  c->outputs.push_back(InputMeta{out.shape(), out.dtype(), out.device()});
  c->output_impls.resize(1);
  std::shared_ptr<Node> node = make_custom_node(std::move(c));
  attach_custom_output(node, out, 0);
  CHECK(error_of([&] { sum(out).backward(); }) ==
        "RuntimeError: Function BadShapeBackward returned an invalid gradient at index 0 - got [2] but expected shape "
        "compatible with [3]");
}

TEST_CASE("inference mode: tensors made in it cannot be saved or require grad outside", "[autograd][inference]") {
  set_inference_mode(true);
  Tensor y;
  {
    NoGradGuard no_grad;
    y = mul(ones(Shape{2}), Scalar(2));
  }
  set_inference_mode(false);
  CHECK(y.impl()->is_inference);
  CHECK_FALSE(add(y, Scalar(1)).impl()->is_inference);
  CHECK(y.detach().impl()->is_inference);
  CHECK(error_of([&] { y.requires_grad_(true); }) ==
        "RuntimeError: Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.");
  Tensor x = leaf({1, 2});
  CHECK(error_of([&] { mul(y, x); }) ==
        "RuntimeError: Inference tensors cannot be saved for backward. To work around you can make a clone to get a "
        "normal tensor and use it in autograd.");
}

TEST_CASE("custom node: the page's graph shows both outputs feeding it", "[autograd][custom_node][graph_json]") {
  using nlohmann::json;
  Tensor a = leaf({1, 2});
  Tensor b = from_vector({3, 4}, Shape{2});
  auto [s, p] = sum_prod(a, b);
  json j = json::parse(describe_graph_json({{"a", a}, {"s", s}, {"p", p}}));
  std::string ts, tp, f;
  for (const json& n : j["nodes"]) {
    const std::string id = n["id"].get<std::string>();
    if (n["kind"] == "tensor" && n["name"] == "s") ts = id;
    if (n["kind"] == "tensor" && n["name"] == "p") tp = id;
    if (n["kind"] == "op" && n["label"] == "SumProdBackward") f = id;
  }
  REQUIRE_FALSE(f.empty());
  std::set<std::pair<std::string, std::string>> edges;
  for (const json& e : j["edges"]) edges.insert({e["from"].get<std::string>(), e["to"].get<std::string>()});
  CHECK(edges.count({ts, f}) == 1);
  CHECK(edges.count({tp, f}) == 1);
}
