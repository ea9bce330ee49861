// The backward trace (Note [Backward trace], autograd/backward_trace.h) and its JSON in the graph
// description: the steps are the engine's real execution order, and the gradients they carry are
// the ones PyTorch 1.13 computes for the same graph:
//   x = torch.tensor([1., 2., 3.], requires_grad=True); b = torch.tensor(2., requires_grad=True)
//   y = (x * b).pow(2).sum(); y.backward(retain_graph=True)  → x.grad [8, 16, 24], b.grad 56
//   y.backward()                                               → x.grad [16, 32, 48], b.grad 112
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/autograd/backward_trace.h"
#include "engine/graph_json.h"
#include "engine/tensor.h"

using namespace gradlab;
using nlohmann::json;

namespace {

Tensor leaf(std::vector<double> v, Shape shape) {
  Tensor t = from_vector(v, shape);
  t.requires_grad_(true);
  return t;
}

std::vector<double> values(const Tensor& t) { return t.to_doubles(); }

}  // namespace

TEST_CASE("backward trace: steps in execution order with the gradients computed", "[autograd][trace]") {
  Tensor x = leaf({1, 2, 3}, Shape{3});
  Tensor b = leaf({2}, Shape{});
  Tensor y = sum(pow(mul(x, b), Scalar(2)));

  BackwardTrace trace;
  {
    TraceScope scope(&trace);
    y.backward(Tensor(), /*retain_graph=*/true);
    y.backward();
  }
  REQUIRE(trace.passes.size() == 2);
  const TracePass& first = *trace.passes[0];
  CHECK(first.retain_graph);
  CHECK_FALSE(trace.passes[1]->retain_graph);
  REQUIRE(first.steps.size() == 5);
  std::vector<std::string> labels;
  for (const TraceStep& s : first.steps) labels.push_back(s.node->name());
  CHECK(labels == std::vector<std::string>{"SumBackward0", "PowBackward0", "MulBackward0", "AccumulateGrad", "AccumulateGrad"});

  CHECK(values(first.steps[0].grad_in) == std::vector<double>{1});
  CHECK(values(first.steps[1].grad_in) == std::vector<double>{1, 1, 1});
  REQUIRE(first.steps[1].sent.size() == 1);
  CHECK(values(first.steps[1].sent[0].grad) == std::vector<double>{4, 8, 12});  // 2·(x·b)·1

  // MulBackward0 sends g·b to x and g·x to b, summed back to b's shape (Note [Broadcast grads]).
  const TraceStep& mul_step = first.steps[2];
  REQUIRE(mul_step.sent.size() == 2);
  CHECK(values(mul_step.sent[0].grad) == std::vector<double>{8, 16, 24});
  CHECK_FALSE(mul_step.sent[0].unreduced.defined());
  CHECK(values(mul_step.sent[1].grad) == std::vector<double>{56});
  CHECK(values(mul_step.sent[1].unreduced) == std::vector<double>{4, 16, 36});

  // Both accumulators become ready at once; as in PyTorch, the first input's runs first
  // (Note [Execution order]).
  const TraceStep& acc_x = first.steps[3];
  const TraceStep& acc_b = first.steps[4];
  CHECK(acc_x.node->leaf.get() == x.impl());
  CHECK(acc_b.node->leaf.get() == b.impl());
  CHECK_FALSE(acc_b.grad_before.defined());
  CHECK(values(acc_b.grad_after) == std::vector<double>{56});
  const TracePass& second = *trace.passes[1];
  REQUIRE(second.steps.size() == 5);
  CHECK(values(second.steps[3].grad_before) == std::vector<double>{8, 16, 24});  // the first pass's
  CHECK(values(second.steps[3].grad_after) == std::vector<double>{16, 32, 48});  // added to
  CHECK(values(x.grad()) == std::vector<double>{16, 32, 48});
}

TEST_CASE("backward trace: nothing is recorded without a scope, and only the last passes are kept",
          "[autograd][trace]") {
  Tensor x = leaf({3}, Shape{});
  BackwardTrace trace;
  mul(x, x).backward();  // no scope: not traced
  CHECK(trace.passes.empty());
  TraceScope scope(&trace);
  for (int i = 0; i < 12; ++i) mul(x, x).backward();
  CHECK(trace.passes.size() == BackwardTrace::kMaxPasses);
  CHECK(trace.dropped_passes == 12 - BackwardTrace::kMaxPasses);
  // The last pass: MulBackward0 sends x·g to both of its inputs, the same leaf; it sums both.
  const TracePass& last = *trace.passes.back();
  REQUIRE(last.steps.size() == 2);
  CHECK(values(last.steps[1].grad_in) == std::vector<double>{6});
  CHECK(values(last.steps[1].grad_before) == std::vector<double>{72});  // 12 passes of 6
  CHECK(values(last.steps[1].grad_after) == std::vector<double>{78});
}

TEST_CASE("backward trace: the graph description names each step's node", "[autograd][trace][graph_json]") {
  Tensor x = leaf({4}, Shape{});
  Tensor y = pow(x, Scalar(2));
  BackwardTrace trace;
  {
    TraceScope scope(&trace);
    y.backward();
  }
  json j = describe_graph({{"x", x}, {"y", y}}, &trace);
  REQUIRE(j.contains("passes"));
  CHECK(j["dropped_passes"] == 0);
  const json& steps = j["passes"][0]["steps"];
  REQUIRE(steps.size() == 2);
  std::string pow_id, acc_id;
  for (const json& n : j["nodes"]) {
    if (n["kind"] == "op" && n["label"] == "PowBackward0") pow_id = n["id"];
    if (n["kind"] == "op" && n["label"] == "AccumulateGrad") acc_id = n["id"];
  }
  CHECK(steps[0]["node"] == pow_id);
  CHECK(steps[0]["grad_in"]["value"] == "1.");
  CHECK(steps[0]["sent"][0]["to"] == acc_id);
  CHECK(steps[0]["sent"][0]["grad"]["data"] == json::array({8.0}));
  CHECK(steps[1]["node"] == acc_id);
  CHECK(steps[1]["before"].is_null());
  CHECK(steps[1]["after"]["value"] == "8.");

  // A pass whose root no variable holds is still drawn: (x * 3).backward().
  BackwardTrace trace2;
  {
    TraceScope scope(&trace2);
    mul(x, Scalar(3)).backward();
  }
  json j2 = describe_graph({{"x", x}}, &trace2);
  bool has_mul = false;
  for (const json& n : j2["nodes"]) has_mul = has_mul || n.value("label", "") == "MulBackward0";
  CHECK(has_mul);
  CHECK(j2["passes"][0]["steps"][0]["node"].is_string());
}

TEST_CASE("backward trace: a preview computes every step and changes nothing", "[autograd][trace]") {
  Tensor x = leaf({4}, Shape{});
  Tensor y = pow(x, Scalar(2));
  Tensor z = mul(y, Scalar(3));
  y.retain_grad();  // a real pass would fill y.grad; a preview must not
  BackwardTrace trace;
  {
    TraceScope scope(&trace);
    BackwardRequest rq;
    rq.roots.push_back(z);
    rq.grads.emplace_back();
    rq.preview = true;
    run_backward(rq);
  }
  REQUIRE(trace.passes.size() == 1);
  const TracePass& pass = *trace.passes[0];
  CHECK(pass.preview);
  REQUIRE(pass.steps.size() == 3);
  CHECK(values(pass.steps[1].sent[0].grad) == std::vector<double>{24});  // 3 · 2x
  CHECK_FALSE(pass.steps[2].grad_before.defined());
  CHECK(values(pass.steps[2].grad_after) == std::vector<double>{24});  // what x.grad would become
  CHECK_FALSE(x.grad().defined());
  CHECK_FALSE(y.grad().defined());
  // The graph was kept: a real backward still runs, twice even (the preview freed nothing).
  z.backward(Tensor(), true);
  z.backward();
  CHECK(values(x.grad()) == std::vector<double>{48});
}
