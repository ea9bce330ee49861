// The backward engine: builds nodes during the forward pass and runs them in reverse.
//
// Note [Iterative backward]
// The graph is walked with explicit stacks and a ready queue, never by recursion: the wasm
// stack is small and a learner's loop can build a chain of 100,000 nodes. First a DFS counts,
// for every reachable node, how many edges point at it (`pending`); then nodes run once all
// their consumers have delivered gradient, later-created nodes first (PyTorch's order).
//
// Dropping the last tensor of a long chain frees its nodes one by one, again without
// recursion: a dying node hands the children only it kept alive to a loop in ~Node.
//
// Note [Broadcast grads]
// A binary op's inputs may have been broadcast to the output's shape. Each op's backward
// returns gradients in the *output's* shape, and the engine reduces every gradient to its
// input's shape here, in one place (sum_to), instead of in every op.
#include <algorithm>
#include <queue>

#include "engine/autograd/node.h"
#include "engine/deferred.h"
#include "engine/format/tensor_repr.h"
#include "engine/ops/primitives.h"
#include "engine/util/pool_allocator.h"

namespace gradlab {
namespace {
uint64_t g_next_sequence_nr = 0;
uint64_t g_epoch = 0;

[[noreturn]] void second_backward_error() {
  runtime_error(
      "Trying to backward through the graph a second time (or directly access saved tensors after they have already "
      "been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). "
      "Specify retain_graph=True if you need to backward through the graph a second time or if you need to access "
      "saved tensors after calling backward.");
}

std::string tensor_type_name(const Tensor& t) {
  std::string base = t.dtype() == DType::Float32 ? "FloatTensor" : t.dtype() == DType::Float64 ? "DoubleTensor" : "LongTensor";
  return (t.device().is_cuda() ? "torch.cuda." : "torch.") + base;
}

void check_saved_versions(const Node& node) {
  for (size_t i = 0; i < node.saved.size(); ++i) {
    const Tensor& s = node.saved[i];
    if (!s.defined()) continue;
    uint32_t now = s.storage().version;
    if (now != node.saved_versions[i]) {
      // PyTorch names the node that produced the saved tensor's *current* value.
      auto out = node.output.lock();
      const bool is_output = out && out->storage == s.impl()->storage;
      const char* producer = s.grad_fn() ? s.grad_fn()->name() : is_output ? node.name() : nullptr;
      std::string owner = producer ? std::string(", which is output 0 of ") + producer + "," : "";
      runtime_error("one of the variables needed for gradient computation has been modified by an inplace operation: [" +
                    tensor_type_name(s) + " " + shape_str(s.shape()) + "]" + owner + " is at version " +
                    std::to_string(now) + "; expected version " + std::to_string(node.saved_versions[i]) +
                    " instead. Hint: enable anomaly detection to find the operation that failed to compute its "
                    "gradient, with torch.autograd.set_detect_anomaly(True).");
    }
  }
}

// Adds `g` into `slot` (which may be empty). The first gradient is kept as is.
void accumulate(Tensor& slot, const Tensor& g) {
  if (!slot.defined()) {
    slot = g;
  } else {
    slot = prim::binary(BinaryOp::Add, slot, g);
  }
}

// True when nobody else can see `t`'s buffer, so it may become a leaf's .grad as is.
bool exclusively_owned(const Tensor& t) { return t.impl_ptr().use_count() == 1 && t.impl()->storage.use_count() == 1; }

// A deferred gradient (Note [Deferred element-wise ops]) is computed here, by backward: the
// whole chain of backward formulas that produced it runs as one pass writing .grad.
void accumulate_into_leaf(TensorImpl& leaf, const Tensor& g) {
  if (!leaf.grad.defined()) {
    leaf.grad = exclusively_owned(g) ? g : g.contiguous_clone();
    deferred::materialize(leaf.grad);
    return;
  }
  // In place, as PyTorch does: a tensor read from .grad earlier sees the new sum.
  Tensor& slot = leaf.grad;
  Shape shape = slot.shape();
  StridedView sv{slot.data(), shape, contiguous_strides(shape), 0};
  Tensor gg = prim::cast(g, slot.dtype());
  StridedView gv{gg.data(), shape, broadcast_strides(gg.shape(), shape), 0};
  slot.storage().backend->binary(BinaryOp::Add, slot.dtype(), sv, gv, slot.mutable_data(), shape, 0);
  ++slot.storage().version;
}

}  // namespace

Node::~Node() {
  // Children that would die with this node are queued instead of destroyed recursively.
  thread_local std::vector<std::shared_ptr<Node>>* queue = nullptr;
  const bool owner = queue == nullptr;
  std::vector<std::shared_ptr<Node>> local;
  if (owner) queue = &local;
  for (Edge& e : next_edges) {
    if (e.node && e.node.use_count() == 1) queue->push_back(std::move(e.node));
  }
  if (!owner) return;
  while (!local.empty()) {
    std::shared_ptr<Node> n = std::move(local.back());
    local.pop_back();
    n.reset();  // may push its own children onto `local`
  }
  queue = nullptr;
}

Tensor sum_to(const Tensor& grad, const Shape& shape) {
  if (grad.shape() == shape) return grad;
  // Reduce leading extra dims and dims that were 1 in the input.
  const size_t lead = grad.shape().size() - shape.size();
  Shape keep(grad.shape().size(), 1);
  for (size_t i = 0; i < shape.size(); ++i) keep[lead + i] = shape[i];
  Tensor reduced = prim::reduce(ReduceOp::Sum, grad, keep);
  return prim::alias(reduced, shape);
}

std::shared_ptr<Node> grad_accumulator(const Tensor& leaf) {
  TensorImpl* impl = leaf.impl();
  if (auto existing = impl->grad_accumulator.lock()) return existing;
  auto node = make_pooled<Node>();
  node->op = OpId::AccumulateGrad;
  node->leaf = leaf.impl_ptr();
  node->output = leaf.impl_ptr();
  node->sequence_nr = g_next_sequence_nr++;
  impl->grad_accumulator = node;
  return node;
}

Node* record_op(OpId op, BackwardFn backward, Tensor& out, std::initializer_list<const Tensor*> inputs) {
  if (!grad_mode_enabled()) return nullptr;
  bool any = false;
  for (const Tensor* t : inputs) any = any || t->requires_grad();
  if (!any) return nullptr;
  auto node = make_pooled<Node>();
  node->op = op;
  node->backward = backward;
  node->sequence_nr = g_next_sequence_nr++;
  node->next_edges.reserve(inputs.size());
  node->inputs.reserve(inputs.size());
  for (const Tensor* t : inputs) {
    node->inputs.push_back(InputMeta{t->shape(), t->dtype(), t->device()});
    if (!t->requires_grad()) {
      node->next_edges.push_back(Edge{});
    } else if (t->grad_fn()) {
      node->next_edges.push_back(Edge{t->grad_fn()});
    } else {
      node->next_edges.push_back(Edge{grad_accumulator(*t)});
    }
  }
  out.impl()->grad_fn = node;
  out.impl()->requires_grad = true;
  node->output = out.impl_ptr();
  return node.get();
}

void save_for_backward(Node& node, const Tensor& t) {
  // A detached alias: shares the buffer (so the version check sees in-place writes) without
  // holding the tensor's grad_fn, which could be this very node (Note [Saved tensors]).
  node.saved.push_back(t.grad_fn().get() == &node ? t.detach() : t);
  node.saved_versions.push_back(t.storage().version);
}

// The tensor's register_hook hooks, in order, each seeing the previous one's gradient. The
// list is copied first: a hook may register or remove hooks. `retained` gets the gradient at
// the point retain_grad() was called among them (TensorImpl::retain_after_hook).
Tensor run_hooks(TensorImpl& t, Tensor g, Tensor* retained = nullptr) {
  if (t.hooks.empty()) {
    if (retained) *retained = g;
    return g;
  }
  auto hooks = t.hooks;
  for (auto& [id, hook] : hooks) {
    if (retained && !retained->defined() && id > t.retain_after_hook) *retained = g;
    Tensor r = hook(g);
    if (r.defined()) g = r;
  }
  if (retained && !retained->defined()) *retained = g;
  return g;
}

void run_backward(const Tensor& root, const Tensor& gradient, bool retain_graph) {
  if (!root.requires_grad()) runtime_error("element 0 of tensors does not require grad and does not have a grad_fn");
  Tensor grad = gradient;
  if (!grad.defined()) {
    if (root.numel() != 1) runtime_error("grad can be implicitly created only for scalar outputs");
    grad = full(root.shape(), Scalar(1.0), TensorOptions{root.dtype(), root.device(), false});
  } else if (grad.shape() != root.shape()) {
    runtime_error("Mismatch in shape: grad_output[0] has a shape of " + format_size(grad.shape()) +
                  " and output[0] has a shape of " + format_size(root.shape()) + ".");
  } else {
    grad = prim::cast(grad.detach(), root.dtype());
  }

  NoGradGuard no_grad;
  std::shared_ptr<Node> root_node = root.grad_fn() ? root.grad_fn() : grad_accumulator(root);

  // Pass 1 (Note [Iterative backward]): count incoming edges of every reachable node.
  const uint64_t epoch = ++g_epoch;
  std::vector<Node*> stack{root_node.get()};
  root_node->visit_epoch = epoch;
  root_node->pending = 0;
  std::vector<Node*> reachable;
  while (!stack.empty()) {
    Node* n = stack.back();
    stack.pop_back();
    reachable.push_back(n);
    for (const Edge& e : n->next_edges) {
      Node* child = e.node.get();
      if (!child) continue;
      if (child->visit_epoch != epoch) {
        child->visit_epoch = epoch;
        child->pending = 0;
        child->grad_buffer = Tensor();
        stack.push_back(child);
      }
      ++child->pending;
    }
  }

  // Pass 2: run nodes whose gradient is complete, newest first.
  auto later_first = [](const Node* a, const Node* b) { return a->sequence_nr < b->sequence_nr; };
  std::priority_queue<Node*, std::vector<Node*>, decltype(later_first)> ready(later_first);
  root_node->grad_buffer = grad;
  ready.push(root_node.get());
  // Every reachable node stays alive during the pass: root_node holds the graph.
  try {
    while (!ready.empty()) {
      Node* n = ready.top();
      ready.pop();
      Tensor g = std::move(n->grad_buffer);
      n->grad_buffer = Tensor();
      if (n->op == OpId::AccumulateGrad) {
        accumulate_into_leaf(*n->leaf, run_hooks(*n->leaf, g));
        continue;
      }
      if (auto out = n->output.lock(); out && (out->retains_grad || !out->hooks.empty())) {
        // After an in-place op the tensor's earlier node still names it as output; .grad is
        // the gradient of its current value only (its grad_fn's), as in PyTorch.
        const bool retain = out->retains_grad && out->grad_fn.get() == n;
        Tensor retained;
        g = run_hooks(*out, g, retain ? &retained : nullptr);
        if (retain) {
          if (!out->grad.defined()) out->grad = retained.contiguous_clone();
          else accumulate_into_leaf(*out, retained);
        }
      }
      if (n->saved_released) second_backward_error();
      check_saved_versions(*n);
      Grads input_grads = n->backward(*n, g);
      for (size_t i = 0; i < n->next_edges.size(); ++i) {
        Node* child = n->next_edges[i].node.get();
        if (!child) continue;
        if (i >= input_grads.size() || !input_grads[i].defined()) {
          runtime_error(std::string("the derivative for input ") + std::to_string(i) + " of " + n->name() +
                        " is not implemented");
        }
        Tensor gi = sum_to(input_grads[i], n->inputs[i].shape);  // Note [Broadcast grads]
        if (gi.dtype() != n->inputs[i].dtype) gi = prim::cast(gi, n->inputs[i].dtype);
        accumulate(child->grad_buffer, gi);
        if (--child->pending == 0) ready.push(child);
      }
    }
  } catch (...) {
    for (Node* n : reachable) n->grad_buffer = Tensor();
    throw;
  }
  if (!retain_graph) {
    for (Node* n : reachable) {
      if (!n->saved.empty() || n->saved_scalar) {
        n->saved.clear();
        n->saved_versions.clear();
        n->saved_released = true;
      }
    }
  }
}

}  // namespace gradlab
