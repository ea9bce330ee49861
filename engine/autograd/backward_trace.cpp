// See backward_trace.h (Note [Backward trace]).
#include "engine/autograd/backward_trace.h"

namespace gradlab {

namespace {
thread_local BackwardTrace* g_trace = nullptr;
}  // namespace

TraceScope::TraceScope(BackwardTrace* trace) : previous_(g_trace) { g_trace = trace; }
TraceScope::~TraceScope() { g_trace = previous_; }

std::shared_ptr<TracePass> trace_begin_pass(const BackwardRequest& request) {
  if (!g_trace) return nullptr;
  if (g_trace->passes.size() == BackwardTrace::kMaxPasses) {
    g_trace->passes.pop_front();
    ++g_trace->dropped_passes;
  }
  auto pass = std::make_shared<TracePass>();
  pass->retain_graph = request.retain_graph;
  pass->create_graph = request.create_graph;
  pass->accumulate = request.accumulate;
  pass->preview = request.preview;
  g_trace->passes.push_back(pass);
  return pass;
}

TraceStep* trace_step(TracePass* pass, Node& node, const Tensor& grad_in) {
  if (!pass) return nullptr;
  if (pass->steps.size() == BackwardTrace::kMaxSteps) {
    pass->truncated = true;
    return nullptr;
  }
  TraceStep& step = pass->steps.emplace_back();
  step.node = node.shared_from_this();
  if (grad_in.defined()) step.grad_in = grad_in.detach();
  return &step;
}

void trace_sent(TraceStep* step, const Edge& edge, const Tensor& grad, const Tensor& unreduced) {
  if (!step || !edge.node) return;
  TraceEdge& e = step->sent.emplace_back();
  e.to = edge.node;
  if (grad.defined()) e.grad = grad.detach();
  if (unreduced.defined() && unreduced.shape() != grad.shape()) e.unreduced = unreduced.detach();
}

}  // namespace gradlab
