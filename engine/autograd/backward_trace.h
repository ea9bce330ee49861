// A record of backward passes as they really ran, for the page's "Step through backward".
//
// Note [Backward trace]
// While a BackwardTrace is installed (TraceScope), every backward pass (Tensor.backward,
// torch.autograd.backward / grad) appends what each node did, in the engine's real execution
// order: the gradient that arrived, the gradient it sent along each edge (before and after the
// sum back to a broadcast input's shape, Note [Broadcast grads]) and, at AccumulateGrad, the
// leaf's .grad before and after. Nothing is recomputed for the picture: these are the tensors
// the pass computed. Tensors are kept as detached references (the engine never writes into a
// gradient after handing it on), except a leaf's .grad, which later passes and optimizers
// change in place and so is copied.
//
// Only the last kMaxPasses passes and kMaxSteps steps of each are kept (a training loop makes
// thousands); the dropped ones are counted. With no trace installed, the engine pays one
// pointer test per pass.
#pragma once
#include <cstddef>
#include <deque>
#include <memory>
#include <vector>

#include "engine/autograd/node.h"

namespace gradlab {

struct TraceEdge {
  std::shared_ptr<Node> to;  // the node the gradient went to
  Tensor grad;               // in the input's shape, as it was added into `to`'s buffer
  Tensor unreduced;          // defined when a broadcast gradient was summed back into `grad`
};

struct TraceStep {
  std::shared_ptr<Node> node;
  Tensor grad_in;  // the gradient that arrived (undefined where none did)
  std::vector<TraceEdge> sent;
  Tensor grad_before, grad_after;  // AccumulateGrad: the leaf's .grad (undefined: None)
};

struct TracePass {
  bool retain_graph = false;
  bool create_graph = false;
  bool accumulate = true;  // false: torch.autograd.grad (returns gradients, .grad untouched)
  bool preview = false;    // a dry run (BackwardRequest::preview): grad_after is what .grad would be
  bool truncated = false;  // more than kMaxSteps steps ran
  std::vector<TraceStep> steps;
};

struct BackwardTrace {
  static constexpr size_t kMaxPasses = 8;
  static constexpr size_t kMaxSteps = 400;
  std::deque<std::shared_ptr<TracePass>> passes;  // oldest first (shared: a pass that a
                                                   // reentrant backward drops may still be running)
  size_t dropped_passes = 0;

  void clear() {
    passes.clear();
    dropped_passes = 0;
  }
};

// Installs `trace` for this thread's backward passes while alive (the previous one is restored).
class TraceScope {
 public:
  explicit TraceScope(BackwardTrace* trace);
  ~TraceScope();
  TraceScope(const TraceScope&) = delete;
  TraceScope& operator=(const TraceScope&) = delete;

 private:
  BackwardTrace* previous_;
};

// The engine's side (autograd/engine.cpp): null when no trace is installed.
std::shared_ptr<TracePass> trace_begin_pass(const BackwardRequest& request);
// A new step of `pass` for `node`, or null once the pass has kMaxSteps.
TraceStep* trace_step(TracePass* pass, Node& node, const Tensor& grad_in);
void trace_sent(TraceStep* step, const Edge& edge, const Tensor& grad, const Tensor& unreduced);

}  // namespace gradlab
