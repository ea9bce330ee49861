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
// The general form (BackwardRequest) starts from several roots at once, and with `inputs` runs
// only the nodes on a path to one of them: for backward(inputs=) those inputs' AccumulateGrad
// (or retain_grad) nodes, for autograd.grad none of them — their gradients are read from the
// buffers instead of landing in .grad. Custom Function nodes (custom_node.h) have one buffer per
// output; an Edge's input_nr picks it.
//
// Note [Broadcast grads]
// A binary op's inputs may have been broadcast to the output's shape. Each op's backward
// returns gradients in the *output's* shape, and the engine reduces every gradient to its
// input's shape here, in one place (sum_to), instead of in every op.
#include <algorithm>
#include <queue>

#include "engine/autograd/backward_trace.h"
#include "engine/autograd/custom_node.h"
#include "engine/autograd/node.h"
#include "engine/autograd/higher_order.h"
#include "engine/deferred.h"
#include "engine/format/tensor_repr.h"
#include "engine/ops/primitives.h"
#include "engine/util/pool_allocator.h"

namespace gradlab {

// Note [Execution order]
// Among the nodes whose gradient is complete, the newest runs first — except AccumulateGrad,
// which PyTorch gives the largest sequence number so a leaf's .grad (and its hooks) is written as
// soon as its gradient is whole. Ties (several leaves ready at once) fall to the heap: the same
// std::priority_queue fed in the same order as PyTorch's ReadyQueue, so hooks print in its order.
uint64_t execution_priority(const Node& n) { return n.op == OpId::AccumulateGrad ? UINT64_MAX : n.sequence_nr; }

void second_backward_error() {
  runtime_error(
      "Trying to backward through the graph a second time (or directly access saved tensors after they have already "
      "been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). "
      "Specify retain_graph=True if you need to backward through the graph a second time or if you need to access "
      "saved tensors after calling backward.");
}

namespace {
std::string tensor_type_name(const Tensor& t) {
  return std::string(t.device().is_cuda() ? "torch.cuda." : "torch.") + dtype_scalar_name(t.dtype()) + "Tensor";
}
}  // namespace

void saved_version_error(const Tensor& s, uint32_t expected, const char* producer, uint32_t output_nr) {
  std::string owner = producer ? ", which is output " + std::to_string(output_nr) + " of " + producer + "," : "";
  runtime_error("one of the variables needed for gradient computation has been modified by an inplace operation: [" +
                tensor_type_name(s) + " " + shape_str(s.shape()) + "]" + owner + " is at version " +
                std::to_string(s.storage().version) + "; expected version " + std::to_string(expected) +
                " instead. Hint: enable anomaly detection to find the operation that failed to compute its "
                "gradient, with torch.autograd.set_detect_anomaly(True).");
}

namespace {
uint64_t g_next_sequence_nr = 0;
uint64_t g_epoch = 0;



void check_saved_versions(const Node& node) {
  for (size_t i = 0; i < node.saved.size(); ++i) {
    const Tensor& s = node.saved[i];
    if (!s.defined()) continue;
    if (s.impl()->view_copy) sync_view_copy(*s.impl());  // a stale view's copy: its base moved on
    if (s.storage().version != node.saved_versions[i]) {
      // PyTorch names the node that produced the saved tensor's *current* value.
      auto out = node.output.lock();
      const bool is_output = out && out->storage == s.impl()->storage;
      const char* producer = s.grad_fn() ? s.grad_fn()->name() : is_output ? node.name() : nullptr;
      saved_version_error(s, node.saved_versions[i], producer, s.grad_fn() ? s.impl()->output_nr : 0);
    }
  }
}

// True during a create_graph pass (Note [Higher-order gradients]): sums are recorded too.
thread_local bool g_create_graph = false;

// Adds `g` into `slot` (which may be empty). The first gradient is kept as is.
void accumulate(Tensor& slot, const Tensor& g) {
  if (!slot.defined()) {
    slot = g;
  } else {
    slot = g_create_graph ? add(slot, g) : prim::binary(BinaryOp::Add, slot, g);
  }
}

// Note [Broadcast grads], and the dtype of the input, recorded or not.
Tensor reduce_to_input(const Tensor& g, const Shape& shape, DType dtype) {
  if (g_create_graph) {
    Tensor r = sum_to_recorded(g, shape);
    return r.dtype() == dtype ? r : r.to(dtype);
  }
  Tensor r = sum_to(g, shape);
  return r.dtype() == dtype ? r : prim::cast(r, dtype);
}

// True when nobody else can see `t`'s buffer, so it may become a leaf's .grad as is.
bool exclusively_owned(const Tensor& t) { return t.impl_ptr().use_count() == 1 && t.impl()->storage.use_count() == 1; }

// A deferred gradient (Note [Deferred element-wise ops]) is computed here, by backward: the
// whole chain of backward formulas that produced it runs as one pass writing .grad.
void accumulate_into_leaf(TensorImpl& leaf, const Tensor& g) {
  if (g_create_graph) {  // .grad keeps the history: a recorded copy, then out-of-place sums, as PyTorch
    leaf.grad = leaf.grad.defined() ? add(leaf.grad, g) : copy_for_grad(g);
    return;
  }
  if (!leaf.grad.defined()) {
    leaf.grad = exclusively_owned(g) && !g.impl()->noncontiguous ? g : g.contiguous_clone();
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
  if (custom) {
    for (Edge& e : custom->edges)
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

const char* Node::name() const { return custom ? custom->name.c_str() : op_node_name(op); }
const Edge* Node::edges_begin() const { return custom ? custom->edges.data() : next_edges.begin(); }
size_t Node::num_edges() const { return custom ? custom->edges.size() : next_edges.size(); }

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
      node->next_edges.push_back(Edge{t->grad_fn(), t->impl()->output_nr});
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
  if (t.impl()->is_inference && !inference_mode_enabled())
    runtime_error("Inference tensors cannot be saved for backward. To work around you can make a clone to get a normal tensor and use it in autograd.");
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

namespace {

// The gradient buffer of output `nr` of `n` (Note [Iterative backward]).
Tensor& buffer_of(Node& n, uint32_t nr) { return n.custom ? n.custom->grad_buffers[nr] : n.grad_buffer; }

// Note [Reentrant backward]: a custom Function's backward may itself call backward() (PyTorch
// allows it). The inner pass must not clobber the scratch fields of nodes the outer pass, paused
// inside that backward, is still using: it saves them when it first touches such a node and puts
// them back when it ends, however it ends.
struct ScratchSave {
  Node* node;
  Tensor grad_buffer;
  std::vector<Tensor> custom_buffers;
  int32_t pending;
  uint64_t visit_epoch;
  bool needed;
};
thread_local std::vector<uint64_t> g_active_epochs;   // passes under way, innermost last
thread_local std::vector<ScratchSave> g_scratch_saves;

class PassScope {
 public:
  explicit PassScope(uint64_t epoch) : saves_begin_(g_scratch_saves.size()) { g_active_epochs.push_back(epoch); }
  ~PassScope() {
    g_active_epochs.pop_back();
    while (g_scratch_saves.size() > saves_begin_) {
      ScratchSave& s = g_scratch_saves.back();
      s.node->grad_buffer = std::move(s.grad_buffer);
      if (s.node->custom) s.node->custom->grad_buffers = std::move(s.custom_buffers);
      s.node->pending = s.pending;
      s.node->visit_epoch = s.visit_epoch;
      s.node->needed = s.needed;
      g_scratch_saves.pop_back();
    }
  }
  PassScope(const PassScope&) = delete;
  PassScope& operator=(const PassScope&) = delete;

 private:
  size_t saves_begin_;
};

void reset_scratch(Node& n, uint64_t epoch) {
  if (g_active_epochs.size() > 1 && n.visit_epoch != 0 &&
      std::find(g_active_epochs.begin(), g_active_epochs.end() - 1, n.visit_epoch) != g_active_epochs.end() - 1) {
    g_scratch_saves.push_back(ScratchSave{&n, std::move(n.grad_buffer),
                                          n.custom ? std::move(n.custom->grad_buffers) : std::vector<Tensor>{}, n.pending,
                                          n.visit_epoch, n.needed});
  }
  n.visit_epoch = epoch;
  n.pending = 0;
  n.needed = true;
  if (n.custom) n.custom->grad_buffers.assign(n.custom->outputs.size(), Tensor());
  else n.grad_buffer = Tensor();
}

void clear_buffers(Node& n) {
  if (n.custom) n.custom->grad_buffers.assign(n.custom->outputs.size(), Tensor());
  else n.grad_buffer = Tensor();
}

// Runs the tensor hooks and retain_grad of `out` on the gradient `g` arriving for it. As in
// PyTorch, hooks run even when no gradient arrived (a custom Function returned None, or only
// another output of a multi-output node got one): they see None.
// After an in-place op the tensor's earlier node `n` still names it as output; .grad is the
// gradient of its current value only (its grad_fn's), as in PyTorch.
void output_hooks(const std::weak_ptr<TensorImpl>& weak, Tensor& g, const Node* n) {
  if (auto out = weak.lock(); out && (out->retains_grad || !out->hooks.empty())) {
    const bool retain = out->retains_grad && out->grad_fn.get() == n;
    Tensor retained;
    g = run_hooks(*out, g, retain ? &retained : nullptr);
    if (retain && retained.defined()) {
      if (!out->grad.defined()) out->grad = retained.contiguous_clone();
      else accumulate_into_leaf(*out, retained);
    }
  }
}

bool expandable_to(const Shape& from, const Shape& to) {
  if (from.size() > to.size()) return false;
  const size_t lead = to.size() - from.size();
  for (size_t i = 0; i < from.size(); ++i)
    if (from[i] != 1 && from[i] != to[lead + i]) return false;
  return true;
}

// grad_fn.register_hook's hooks, after the node ran (grad_inputs already reduced to the
// inputs' shapes, as PyTorch's validate_outputs does before its post hooks).
void run_post_hooks(Node& n, std::vector<Tensor>& grad_inputs, const std::vector<Tensor>& grad_outputs) {
  std::vector<Node::PostHook> hooks = n.post_hooks;  // a hook may register more
  for (auto& hook : hooks) hook(grad_inputs, grad_outputs);
}

// Runs a custom function's backward: the gradients of its tensor inputs, checked like
// PyTorch's validate_outputs.
std::vector<Tensor> run_custom(Node& n, bool hooks) {
  CustomBackward& c = *n.custom;
  if (hooks)
    for (size_t k = 0; k < c.grad_buffers.size(); ++k) output_hooks(c.output_impls[k], c.grad_buffers[k], &n);
  hooks = hooks && !n.post_hooks.empty();
  std::vector<Tensor> grad_outputs;
  if (hooks) grad_outputs = c.grad_buffers;
  std::vector<Tensor> grads = g_create_graph ? c.apply_recorded(std::move(c.grad_buffers)) : c.apply(std::move(c.grad_buffers));
  c.grad_buffers.assign(c.outputs.size(), Tensor());
  for (size_t i = 0; i < grads.size() && i < c.inputs.size(); ++i) {
    Tensor& g = grads[i];
    if (!g.defined()) continue;
    if (g.shape() != c.inputs[i].shape) {
      if (!expandable_to(c.inputs[i].shape, g.shape()))
        runtime_error("Function " + c.name + " returned an invalid gradient at index " + std::to_string(i) + " - got " +
                      shape_str(g.shape()) + " but expected shape compatible with " + shape_str(c.inputs[i].shape));
      if (hooks) g = reduce_to_input(g, c.inputs[i].shape, c.inputs[i].dtype);
    }
  }
  if (hooks) run_post_hooks(n, grads, grad_outputs);
  return grads;
}

}  // namespace

Edge gradient_edge(const Tensor& t) {
  if (t.grad_fn()) return Edge{t.grad_fn(), t.impl()->output_nr};
  if (t.requires_grad()) return Edge{grad_accumulator(t), 0};
  return Edge{};
}

void run_backward(const Tensor& root, const Tensor& gradient, bool retain_graph) {
  BackwardRequest rq;
  rq.roots.push_back(root);
  rq.grads.push_back(gradient);
  rq.retain_graph = retain_graph;
  run_backward(rq);
}

std::vector<Tensor> run_backward(const BackwardRequest& rq) {
  const size_t nroots = rq.roots.size();
  std::vector<Tensor> grads(nroots);
  for (size_t i = 0; i < nroots; ++i) {
    const Tensor& root = rq.roots[i];
    const std::string idx = std::to_string(i);
    if (!root.requires_grad()) runtime_error("element " + idx + " of tensors does not require grad and does not have a grad_fn");
    Tensor grad = i < rq.grads.size() ? rq.grads[i] : Tensor();
    if (!grad.defined()) {
      if (root.numel() != 1) runtime_error("grad can be implicitly created only for scalar outputs");
      grad = full(root.shape(), Scalar(1.0), TensorOptions{root.dtype(), root.device(), false});
    } else if (grad.shape() != root.shape()) {
      runtime_error("Mismatch in shape: grad_output[" + idx + "] has a shape of " + format_size(grad.shape()) +
                    " and output[" + idx + "] has a shape of " + format_size(root.shape()) + ".");
    } else if (rq.create_graph) {
      grad = grad.dtype() == root.dtype() ? grad : grad.to(root.dtype());  // with its history: d(vjp)/dv
    } else {
      grad = prim::cast(grad.detach(), root.dtype());
    }
    grads[i] = grad;
  }

  // Backward formulas run untracked, unless the pass records itself (Note [Higher-order gradients]).
  NoGradGuard no_grad;
  if (rq.create_graph) set_grad_mode(true);
  struct CreateGraphScope {
    bool previous = g_create_graph;
    ~CreateGraphScope() { g_create_graph = previous; }
  } create_graph_scope;
  g_create_graph = rq.create_graph;
  std::vector<Edge> root_edges;
  root_edges.reserve(nroots);
  for (const Tensor& root : rq.roots) root_edges.push_back(gradient_edge(root));

  // The inputs' edges: where their gradient is read (autograd.grad) or which nodes must run.
  const bool restricted = !rq.inputs.empty();
  std::vector<Edge> targets;
  for (const Tensor& t : rq.inputs) {
    if (!t.requires_grad()) runtime_error("One of the differentiated Tensors does not require grad");
    if (t.grad_fn()) targets.push_back(Edge{t.grad_fn(), t.impl()->output_nr});
    else if (rq.accumulate) targets.push_back(Edge{grad_accumulator(t), 0});
    else targets.push_back(Edge{t.impl()->grad_accumulator.lock(), 0});  // null: not in any graph
  }

  // Pass 1 (Note [Iterative backward]): count incoming edges of every reachable node.
  const uint64_t epoch = ++g_epoch;
  PassScope pass_scope(epoch);  // Note [Reentrant backward]
  std::vector<Node*> stack;
  for (const Edge& e : root_edges) {
    if (e.node->visit_epoch != epoch) {
      reset_scratch(*e.node, epoch);
      stack.push_back(e.node.get());
    }
  }
  std::vector<Node*> reachable;
  while (!stack.empty()) {
    Node* n = stack.back();
    stack.pop_back();
    reachable.push_back(n);
    const Edge* edges = n->edges_begin();
    for (size_t i = 0, ne = n->num_edges(); i < ne; ++i) {
      Node* child = edges[i].node.get();
      if (!child) continue;
      if (child->visit_epoch != epoch) {
        reset_scratch(*child, epoch);
        stack.push_back(child);
      }
      ++child->pending;
    }
  }

  // With inputs, only nodes on a path to one of them run: children come before their
  // consumers in creation order, so one sweep in that order marks them.
  if (restricted) {
    std::vector<Node*> order = reachable;
    std::sort(order.begin(), order.end(), [](const Node* a, const Node* b) { return a->sequence_nr < b->sequence_nr; });
    auto is_target = [&](const Node* n) {
      for (const Edge& t : targets)
        if (t.node.get() == n) return true;
      return false;
    };
    for (Node* n : order) {
      // A target runs only for backward(inputs=); for autograd.grad its gradient is just read.
      bool needed = rq.accumulate && is_target(n);
      const Edge* edges = n->edges_begin();
      for (size_t i = 0, ne = n->num_edges(); i < ne && !needed; ++i) {
        Node* child = edges[i].node.get();
        needed = child && child->visit_epoch == epoch && (child->needed || is_target(child));
      }
      n->needed = needed;
    }
  }

  // Pass 2: run nodes whose gradient is complete, newest first (Note [Execution order]).
  auto later_first = [](const Node* a, const Node* b) { return execution_priority(*a) < execution_priority(*b); };
  std::priority_queue<Node*, std::vector<Node*>, decltype(later_first)> ready(later_first);
  for (size_t i = 0; i < nroots; ++i) accumulate(buffer_of(*root_edges[i].node, root_edges[i].input_nr), grads[i]);
  for (const Edge& e : root_edges) {
    if (e.node->pending == 0) {
      e.node->pending = -1;  // queued once, even when it is the root of several tensors
      ready.push(e.node.get());
    }
  }
  std::vector<Tensor> captured(targets.size());
  std::vector<Node*> executed;
  const std::shared_ptr<TracePass> trace = trace_begin_pass(rq);  // Note [Backward trace]
  // Every reachable node stays alive during the pass: the roots hold the graph.
  try {
    while (!ready.empty()) {
      Node* n = ready.top();
      ready.pop();
      if (restricted) {
        for (size_t i = 0; i < targets.size(); ++i) {
          if (targets[i].node.get() != n) continue;
          if (!rq.accumulate) captured[i] = buffer_of(*n, targets[i].input_nr);
        }
      }
      const Edge* edges = n->edges_begin();
      const size_t ne = n->num_edges();
      auto release_children = [&] {
        for (size_t i = 0; i < ne; ++i) {
          Node* child = edges[i].node.get();
          if (child && --child->pending == 0) ready.push(child);
        }
      };
      if (!n->needed) {
        clear_buffers(*n);
        release_children();
        continue;
      }
      if (n->op == OpId::AccumulateGrad) {
        Tensor g = std::move(n->grad_buffer);
        n->grad_buffer = Tensor();
        if (rq.preview) {  // what backward() would leave in .grad, written nowhere
          if (TraceStep* step = trace ? trace_step(trace.get(), *n, g) : nullptr) {
            const Tensor& now = n->leaf->grad;
            step->grad_before = now.defined() ? now.contiguous_clone() : Tensor();
            step->grad_after = !g.defined() ? step->grad_before
                               : now.defined()  ? prim::binary(BinaryOp::Add, now, prim::cast(g, now.dtype()))
                                                : g;
          }
          continue;
        }
        g = run_hooks(*n->leaf, g);  // hooks see None when no gradient arrived
        TraceStep* step = trace ? trace_step(trace.get(), *n, g) : nullptr;
        if (step && n->leaf->grad.defined()) step->grad_before = n->leaf->grad.contiguous_clone();
        if (g.defined()) accumulate_into_leaf(*n->leaf, g);
        if (step && n->leaf->grad.defined()) step->grad_after = n->leaf->grad.contiguous_clone();
        continue;
      }
      if (n->custom) {
        executed.push_back(n);
        TraceStep* step = trace ? trace_step(trace.get(), *n, n->custom->grad_buffers.empty() ? Tensor() : n->custom->grad_buffers[0]) : nullptr;
        std::vector<Tensor> input_grads = run_custom(*n, !rq.preview);
        for (size_t i = 0; i < ne; ++i) {
          Node* child = edges[i].node.get();
          if (!child) continue;
          if (i < input_grads.size() && input_grads[i].defined()) {
            Tensor gi = reduce_to_input(input_grads[i], n->custom->inputs[i].shape, n->custom->inputs[i].dtype);
            if (step) trace_sent(step, edges[i], gi, input_grads[i]);
            accumulate(buffer_of(*child, edges[i].input_nr), gi);
          }
          if (--child->pending == 0) ready.push(child);
        }
        continue;
      }
      Tensor g = std::move(n->grad_buffer);
      n->grad_buffer = Tensor();
      if (!rq.preview) output_hooks(n->output, g, n);
      if (!g.defined()) {  // no gradient reached it (a custom function returned None): none leaves it
        release_children();
        continue;
      }
      if (n->saved_released) second_backward_error();
      check_saved_versions(*n);
      executed.push_back(n);
      TraceStep* step = trace ? trace_step(trace.get(), *n, g) : nullptr;
      Grads input_grads = g_create_graph ? run_differentiable_backward(*n, g) : n->backward(*n, g);
      if (!n->post_hooks.empty() && !rq.preview) {
        std::vector<Tensor> grads(input_grads.begin(), input_grads.end());
        for (size_t i = 0; i < grads.size() && i < n->inputs.size(); ++i)
          if (grads[i].defined()) grads[i] = reduce_to_input(grads[i], n->inputs[i].shape, n->inputs[i].dtype);
        run_post_hooks(*n, grads, {g});
        for (size_t i = 0; i < grads.size(); ++i) input_grads[i] = std::move(grads[i]);
      }
      for (size_t i = 0; i < ne; ++i) {
        Node* child = edges[i].node.get();
        if (!child) continue;
        if (i >= input_grads.size() || !input_grads[i].defined()) {
          runtime_error(std::string("the derivative for input ") + std::to_string(i) + " of " + n->name() +
                        " is not implemented");
        }
        Tensor gi = reduce_to_input(input_grads[i], n->inputs[i].shape, n->inputs[i].dtype);
        if (step) trace_sent(step, edges[i], gi, input_grads[i]);
        accumulate(buffer_of(*child, edges[i].input_nr), gi);
        if (--child->pending == 0) ready.push(child);
      }
    }
  } catch (...) {
    for (Node* n : reachable) clear_buffers(*n);
    throw;
  }
  if (!rq.retain_graph && !rq.preview) {
    for (Node* n : executed) {
      if (n->custom) n->custom->release_saved();
      if (!n->saved.empty() || n->saved_scalar) {
        n->saved.clear();
        n->saved_versions.clear();
        n->saved_released = true;
      }
    }
  }
  return captured;
}

std::shared_ptr<Node> make_custom_node(std::unique_ptr<CustomBackward> custom) {
  auto node = make_pooled<Node>();
  node->op = OpId::Custom;
  node->sequence_nr = g_next_sequence_nr++;
  custom->grad_buffers.assign(custom->outputs.size(), Tensor());
  node->custom = std::move(custom);
  return node;
}

void attach_custom_output(const std::shared_ptr<Node>& node, Tensor& out, uint32_t output_nr) {
  out.impl()->grad_fn = node;
  out.impl()->output_nr = output_nr;
  out.impl()->requires_grad = true;
  if (output_nr == 0) node->output = out.impl_ptr();
  node->custom->output_impls[output_nr] = out.impl_ptr();
}

}  // namespace gradlab
