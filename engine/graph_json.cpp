// See graph_json.h.
#include "engine/graph_json.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "engine/autograd/backward_trace.h"
#include "engine/autograd/custom_node.h"
#include "engine/autograd/node.h"
#include "engine/format/tensor_print.h"

namespace gradlab {
namespace {

using nlohmann::json;
constexpr size_t kMaxData = 64;

json numbers(const Tensor& t) {
  std::vector<double> v = t.to_doubles();
  if (v.size() > kMaxData) v.resize(kMaxData);
  json arr = json::array();
  for (double x : v) arr.push_back(std::isfinite(x) ? json(x) : json(nullptr));
  return arr;
}

json tensor_box(const std::string& id, const std::string& name, const Tensor& t) {
  json j{{"id", id},
         {"kind", "tensor"},
         {"name", name},
         {"shape", t.shape()},
         {"dtype", dtype_name(t.dtype())},
         {"value", tensor_data_repr(t)},
         {"data", numbers(t)},
         {"is_leaf", t.is_leaf()},
         {"requires_grad", t.requires_grad()}};
  Tensor g = t.grad();
  j["grad"] = g.defined() ? json(tensor_data_repr(g)) : json(nullptr);
  j["grad_data"] = g.defined() ? numbers(g) : json(nullptr);
  return j;
}

// An attribute for the page: infinities as "∞"/"−∞" (JSON has no numbers for them).
json attr_number(double v) {
  if (std::isinf(v)) return v > 0 ? json("∞") : json("−∞");
  return json(v);
}

// Scalar attributes worth showing next to an op (exponents, clamp bounds, dims), and "p"/"q",
// the node's Node::a / Node::b, for the rules that use them (Note [Derivative rules]).
json op_attrs(const Node& n) {
  json a = json::object();
  switch (n.op) {
    case OpId::PowScalar: a["exponent"] = n.a; break;
    case OpId::PowScalarBase: a["base"] = n.a; break;
    case OpId::Add:
    case OpId::Sub:
      if (n.inputs.size() == 2 && n.a != 1 && n.a != 0) a["alpha"] = n.a;
      break;
    case OpId::Mul:
    case OpId::Div:
      if (n.saved_scalar) a["other"] = n.a;  // a Python number operand (x * 2)
      break;
    case OpId::Clamp:
      if (n.a == n.a) a["min"] = n.a;
      if (n.b == n.b) a["max"] = n.b;
      break;
    case OpId::MaxDim: a["dim"] = n.ints; break;
    default: break;
  }
  const std::string rule = op_derivative_rule(n.op);
  if (n.op == OpId::Mean) {
    a["p"] = static_cast<double>(shape_numel(n.inputs[0].shape));  // mean keeps no count: its input's size
  } else if (rule.find("{p}") != std::string::npos) {
    a["p"] = n.a == n.a ? attr_number(n.a) : json("−∞");  // NaN: clamp without a lower bound
  }
  if (rule.find("{q}") != std::string::npos) a["q"] = n.b == n.b ? attr_number(n.b) : json("∞");
  return a;
}

// A traced gradient (Note [Backward trace]): its shape, PyTorch's printing of its values
// (summarised with "..." when large, as PyTorch does) and the first numbers.
json traced_value(const Tensor& t) {
  if (!t.defined()) return nullptr;
  return json{{"shape", t.shape()}, {"value", tensor_data_repr(t)}, {"data", numbers(t)}};
}

// The trace's passes, naming nodes by the picture's ids (null for a node not drawn).
json describe_passes(const BackwardTrace& trace, const std::unordered_map<const Node*, std::string>& node_ids) {
  auto id_of = [&](const std::shared_ptr<Node>& n) -> json {
    auto it = node_ids.find(n.get());
    return it == node_ids.end() ? json(nullptr) : json(it->second);
  };
  json passes = json::array();
  for (const auto& pass : trace.passes) {
    json steps = json::array();
    for (const TraceStep& s : pass->steps) {
      json sent = json::array();
      for (const TraceEdge& e : s.sent)
        sent.push_back({{"to", id_of(e.to)}, {"label", e.to->name()}, {"grad", traced_value(e.grad)},
                        {"unreduced", traced_value(e.unreduced)}});
      json step{{"node", id_of(s.node)}, {"label", s.node->name()}, {"grad_in", traced_value(s.grad_in)}, {"sent", sent}};
      if (s.node->op == OpId::AccumulateGrad) {
        step["before"] = traced_value(s.grad_before);
        step["after"] = traced_value(s.grad_after);
      }
      steps.push_back(std::move(step));
    }
    passes.push_back({{"retain_graph", pass->retain_graph},
                      {"create_graph", pass->create_graph},
                      {"accumulate", pass->accumulate},
                      {"preview", pass->preview},
                      {"truncated", pass->truncated},
                      {"steps", std::move(steps)}});
  }
  return passes;
}

}  // namespace

json describe_graph(const std::vector<std::pair<std::string, Tensor>>& named, const BackwardTrace* trace) {
  json nodes = json::array(), edges = json::array();
  std::unordered_map<const TensorImpl*, std::string> names;
  for (const auto& [name, t] : named)
    if (t.defined() && !names.count(t.impl())) names[t.impl()] = name;

  std::unordered_map<const Node*, std::string> node_ids;
  std::unordered_map<const TensorImpl*, std::string> tensor_ids;
  int next_id = 0;
  auto tensor_id = [&](const Tensor& t) -> std::string {
    auto it = tensor_ids.find(t.impl());
    if (it != tensor_ids.end()) return it->second;
    std::string id = "t" + std::to_string(++next_id);
    tensor_ids[t.impl()] = id;
    auto nm = names.find(t.impl());
    nodes.push_back(tensor_box(id, nm == names.end() ? "" : nm->second, t));
    return id;
  };

  // Roots: named tensors with history, newest first (the order backward would visit them).
  std::vector<std::pair<std::string, Tensor>> roots;
  for (const auto& nt : named)
    if (nt.second.defined() && nt.second.grad_fn()) roots.push_back(nt);
  std::sort(roots.begin(), roots.end(), [](const auto& a, const auto& b) {
    return a.second.grad_fn()->sequence_nr > b.second.grad_fn()->sequence_nr;
  });

  // Collect reachable nodes iteratively (Note [Iterative backward]) and count incoming edges.
  std::vector<std::shared_ptr<Node>> reachable;
  std::unordered_map<const Node*, int> pending;
  std::vector<std::shared_ptr<Node>> stack;
  for (const auto& r : roots) stack.push_back(r.second.grad_fn());
  // The last traced pass is drawn even when no variable holds its root (`(x * x).backward()`).
  if (trace && !trace->passes.empty())
    for (const TraceStep& s : trace->passes.back()->steps) stack.push_back(s.node);
  std::unordered_set<const Node*> seen;
  while (!stack.empty()) {
    auto n = stack.back();
    stack.pop_back();
    if (!n || seen.count(n.get())) continue;
    seen.insert(n.get());
    reachable.push_back(n);
    for (const Edge& e : n->edges()) {
      if (!e.node) continue;
      ++pending[e.node.get()];
      stack.push_back(e.node);
    }
  }
  // Order them as the backward pass runs them: a node once all its consumers are done, newest
  // ready node first, AccumulateGrad as soon as it is ready.
  auto newer = [](const std::shared_ptr<Node>& a, const std::shared_ptr<Node>& b) {
    return execution_priority(*a) < execution_priority(*b);  // Note [Execution order]
  };
  std::vector<std::shared_ptr<Node>> ready, all;
  for (const auto& n : reachable)
    if (!pending.count(n.get())) ready.push_back(n);
  std::make_heap(ready.begin(), ready.end(), newer);
  while (!ready.empty() && all.size() < 400) {  // a picture of more is unreadable anyway
    std::pop_heap(ready.begin(), ready.end(), newer);
    auto n = ready.back();
    ready.pop_back();
    all.push_back(n);
    for (const Edge& e : n->edges()) {
      if (e.node && --pending[e.node.get()] == 0) {
        ready.push_back(e.node);
        std::push_heap(ready.begin(), ready.end(), newer);
      }
    }
  }
  std::unordered_set<const Node*> shown;
  for (const auto& n : all) shown.insert(n.get());

  for (const auto& r : roots) {
    if (!shown.count(r.second.grad_fn().get())) continue;
    tensor_id(r.second);
  }
  // Named leaves that require grad but feed no graph yet (a cell that only made `x`).
  for (const auto& nt : named) {
    const Tensor& t = nt.second;
    if (t.defined() && t.is_leaf() && t.requires_grad() && !tensor_ids.count(t.impl())) {
      auto acc = t.impl()->grad_accumulator.lock();
      if (!acc || !shown.count(acc.get())) tensor_id(t);
    }
  }
  for (const auto& n : all) {
    std::string id = (n->op == OpId::AccumulateGrad ? "a" : "f") + std::to_string(++next_id);
    node_ids[n.get()] = id;
    json j{{"id", id}, {"kind", "op"}, {"label", n->name()}, {"op", op_python_name(n->op)}, {"rule", op_derivative_rule(n->op)}};
    if (n->op != OpId::AccumulateGrad) {
      j["attrs"] = op_attrs(*n);
      json slots = json::array();  // which input slots ({a}, {b}, ...) get a gradient: the edges above, in order
      for (const Edge& e : n->edges()) slots.push_back(e.node != nullptr);
      j["needs_input_grad"] = slots;
    }
    nodes.push_back(j);
  }
  for (const auto& n : all) {
    const std::string& id = node_ids[n.get()];
    // The tensor this node produced (if still alive) feeds it its gradient; a custom
    // Function's node may have produced several.
    std::vector<std::weak_ptr<TensorImpl>> outputs{n->output};
    if (n->custom) outputs.assign(n->custom->output_impls.begin(), n->custom->output_impls.end());
    for (const auto& weak : outputs) {
      auto out = weak.lock();
      if (!out) continue;
      Tensor t(out);
      if (n->op == OpId::AccumulateGrad) {
        edges.push_back({{"from", id}, {"to", tensor_id(t)}});
      } else if (tensor_ids.count(out.get()) || names.count(out.get())) {
        edges.push_back({{"from", tensor_id(t)}, {"to", id}});
      }
    }
    for (const Edge& e : n->edges()) {
      if (!e.node || !node_ids.count(e.node.get())) continue;
      edges.push_back({{"from", id}, {"to", node_ids[e.node.get()]}});
    }
  }
  json graph{{"nodes", nodes}, {"edges", edges}};
  if (trace && !trace->passes.empty()) {
    graph["passes"] = describe_passes(*trace, node_ids);
    graph["dropped_passes"] = trace->dropped_passes;
  }
  return graph;
}

}  // namespace gradlab
