// The binding table (Note [One binding row per op], engine/script/bindings.h): every op of
// engine/ops/op_list.h is reachable from scripts, and no script form is bound twice.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "engine/ops/op_list.h"
#include "engine/script/bindings.h"
#include "engine/script/interpreter.h"

using namespace gradlab;
using namespace gradlab::script;

namespace {

// Ops that scripts reach through syntax rather than by name: a snippet whose `y` records the op.
const std::map<std::string, std::string> kSyntaxOps = {
    {"index", "x = torch.ones(3, requires_grad=True)\ny = x[x > 0]"},
    {"index_put_", "x = torch.ones(3, requires_grad=True)\ny = x * 1\ny[y > 0] = torch.zeros(3)"},
    {"select", "x = torch.ones(3, 2, requires_grad=True)\ny = x[0]"},
    {"slice", "x = torch.ones(3, requires_grad=True)\ny = x[1:]"},
    {"rsub", "x = torch.ones(3, requires_grad=True)\ny = 1 - x"},
    {"squeeze_", "x = torch.ones(3, requires_grad=True)\ny = x @ torch.ones(3, 2)"},  // matmul's squeeze_(0)
    // The gradients of sigmoid/tanh/relu under create_graph (Note [Higher-order gradients]).
    {"sigmoid_backward", "x = torch.ones(3, requires_grad=True)\ny = torch.autograd.grad(x.sigmoid().sum(), x, create_graph=True)[0]"},
    {"tanh_backward", "x = torch.ones(3, requires_grad=True)\ny = torch.autograd.grad(x.tanh().sum(), x, create_graph=True)[0]"},
    {"threshold_backward", "x = torch.ones(3, requires_grad=True)\ny = torch.autograd.grad(x.relu().sum(), x, create_graph=True)[0]"},
    // The other gradients-as-ops (engine/ops/grad_ops.h).
    {"select_backward", "x = torch.ones(3, 2, requires_grad=True)\ny = torch.autograd.grad((x[0] ** 2).sum(), x, create_graph=True)[0]"},
    {"slice_backward", "x = torch.ones(3, requires_grad=True)\ny = torch.autograd.grad((x[1:] ** 2).sum(), x, create_graph=True)[0]"},
    {"_index_put_impl_", "x = torch.ones(3, requires_grad=True)\ny = torch.autograd.grad((x[[0, 2]] ** 2).sum(), x, create_graph=True)[0]"},
    {"mse_loss_backward",
     "x = torch.ones(3, requires_grad=True)\ny = torch.autograd.grad(torch.nn.functional.mse_loss(x, torch.zeros(3)), x, create_graph=True)[0]"},
    {"nll_loss_backward",
     "x = torch.ones(2, 3, requires_grad=True)\n"
     "y = torch.autograd.grad(torch.nn.functional.nll_loss(x, torch.tensor([0, 2])), x, create_graph=True)[0]"},
    {"_softmax_backward_data", "x = torch.ones(3, requires_grad=True)\ny = torch.autograd.grad(x.softmax(0)[0], x, create_graph=True)[0]"},
    {"_log_softmax_backward_data", "x = torch.ones(3, requires_grad=True)\ny = torch.autograd.grad(x.log_softmax(0)[0], x, create_graph=True)[0]"},
    {"leaky_relu_backward",
     "x = torch.ones(3, requires_grad=True)\ny = torch.autograd.grad((torch.nn.functional.leaky_relu(x) ** 2).sum(), x, create_graph=True)[0]"},
    // torch.linalg's functions live in their module, not in a binding table
    {"linalg_vector_norm", "x = torch.ones(3, requires_grad=True)\ny = torch.linalg.vector_norm(x)"},
};

std::string run(const std::string& src) {
  Interpreter in;
  CellResult r = in.run(src, "t.py");
  if (r.error) return "ERROR " + r.error->type + ": " + r.error->message;
  return r.output;
}

}  // namespace

TEST_CASE("every op of op_list.h is reachable from scripts", "[script][bindings]") {
  std::set<std::string> bound;
  for (const Binding* b : all_bindings()) bound.insert(b->name);
  for (size_t i = 0; i < kOpCount; ++i) {
    OpId op = static_cast<OpId>(i);
    std::string name = op_python_name(op);
    INFO("op " << op_node_name(op) << " (\"" << name << "\")");
    if (bound.count(name)) continue;
    auto syntax = kSyntaxOps.find(name);
    REQUIRE(syntax != kSyntaxOps.end());  // neither a binding row nor a syntax snippet reaches it
  }
}

TEST_CASE("the syntax-only ops record their node", "[script][bindings]") {
  for (const auto& [name, snippet] : kSyntaxOps) {
    INFO(name);
    std::string node;
    for (size_t i = 0; i < kOpCount; ++i)
      if (name == op_python_name(static_cast<OpId>(i))) node = op_node_name(static_cast<OpId>(i));
    REQUIRE_FALSE(node.empty());  // a snippet for an op that op_list.h no longer has
    CHECK(run("import torch\n" + snippet + "\nprint(y.grad_fn.name())\n") == node + "\n");
  }
}

TEST_CASE("no script form is bound twice", "[script][bindings]") {
  std::map<std::pair<std::string, unsigned>, int> seen;
  for (const Binding* b : all_bindings())
    for (unsigned form : {kMethod, kTorch, kFunctional})
      if (b->forms & form) {
        INFO(b->name << " form " << form);
        CHECK(++seen[{b->name, form}] == 1);
      }
}

TEST_CASE("each binding form calls through to its op", "[script][bindings]") {
  CHECK(run("import torch\nx = torch.tensor([1.0, 4.0])\nprint(x.sqrt(), torch.sqrt(x))\n") ==
        "tensor([1., 2.]) tensor([1., 2.])\n");
  CHECK(run("import torch\nimport torch.nn.functional as F\nprint(F.relu(torch.tensor([-1.0, 2.0])))\n") ==
        "tensor([0., 2.])\n");
  CHECK(run("import torch\nprint(torch.tensor([1.0]).multiply(3))\n") == "tensor([3.])\n");
  CHECK_THAT(run("import torch\nprint(torch.sqrt)\n"), Catch::StartsWith("<built-in method sqrt of type object at 0x"));
}
