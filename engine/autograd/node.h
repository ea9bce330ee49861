// The backward graph, after PyTorch's autograd (torch/csrc/autograd/function.h).
//
// Every op that runs with grad mode on and an input that requires grad makes one Node: the op's
// table row (OpId), an Edge to the node of each input, and what its backward needs — saved
// tensors and scalar attributes. Leaves end in an AccumulateGrad node that adds into `.grad`,
// so the engine (autograd/engine.cpp) has no special case for leaves. A Python
// torch.autograd.Function makes a Node with op Custom whose CustomBackward (custom_node.h) holds
// any number of inputs and outputs (Note [Custom Functions], script/autograd_function.cpp).
//
// Note [Saved tensors]: ops save only what their backward needs (tanh keeps its output, not
// its input). A saved output is kept as a detached alias so Node → Tensor → Node never cycles.
// After a backward without retain_graph the saved tensors are released; running a node with
// released saved tensors raises PyTorch's "Trying to backward through the graph a second time".
// Nodes that saved nothing (add, sum, ...) can be run again, exactly as in PyTorch.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "engine/ops/op_list.h"
#include "engine/tensor.h"
#include "engine/util/inline_vec.h"

namespace gradlab {

struct Node;
struct CustomBackward;

// Every op has at most three tensor inputs (addmm: bias, mat1, mat2) and saves at most three tensors.
inline constexpr size_t kMaxInputs = 3;
inline constexpr size_t kMaxSaved = 3;

// Where the gradient for one input goes; a null node means the input needs no gradient.
// input_nr: which output of `node` the input was (0 but for multi-output custom functions).
struct Edge {
  std::shared_ptr<Node> node;
  uint32_t input_nr = 0;
};

// The backward of one op: given the gradient of the output, the gradients of each input
// (in input order; an undefined Tensor for inputs that need none). Broadcast inputs get their
// gradient reduced by the engine afterwards (Note [Broadcast grads]).
using Grads = InlineVec<Tensor, kMaxInputs>;
using BackwardFn = Grads (*)(const Node& node, const Tensor& grad_output);

struct InputMeta {
  Shape shape;
  DType dtype;
  Device device;
};

struct Node : std::enable_shared_from_this<Node> {  // shared_from_this: Note [Higher-order gradients]
  Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
  ~Node();  // iterative: see Note [Iterative backward]

  OpId op;
  BackwardFn backward = nullptr;
  InlineVec<Edge, kMaxInputs> next_edges;     // one per input
  InlineVec<InputMeta, kMaxInputs> inputs;    // shapes to reduce broadcast gradients to
  InlineVec<Tensor, kMaxSaved> saved;         // what backward reads; see Note [Saved tensors]
  InlineVec<uint32_t, kMaxSaved> saved_versions;
  bool saved_released = false;
  bool saved_scalar = false;       // PyTorch saved a wrapped Python number (x * 2): counts as saved
  double a = 0, b = 0;             // scalar attributes (exponent, clamp bounds, alpha)
  std::vector<int64_t> ints;       // integer attributes (dims, indices, shapes)

  std::shared_ptr<TensorImpl> leaf;   // AccumulateGrad: the leaf it accumulates into
  std::weak_ptr<TensorImpl> output;   // the tensor this node produced (retain_grad, graph picture)
  uint64_t sequence_nr = 0;           // creation order; later nodes run first among ready ones

  // A Python autograd.Function's node (op == OpId::Custom): its edges, shapes and backward.
  std::unique_ptr<CustomBackward> custom;

  // grad_fn.register_hook(fn): called with the gradients this node computed for its inputs
  // (reduced to their shapes; undefined where an input needs none) and the gradients it got,
  // one per output (undefined where none arrived), after the node ran; a hook may replace the
  // input gradients. Behind Module backward hooks, legacy and full.
  using PostHook = std::function<void(std::vector<Tensor>& grad_inputs, const std::vector<Tensor>& grad_outputs)>;
  std::vector<PostHook> post_hooks;

  bool needs_input_grad(size_t i) const { return i < next_edges.size() && next_edges[i].node != nullptr; }
  const char* name() const;
  // The edges of any node, op or custom.
  const Edge* edges_begin() const;
  size_t num_edges() const;
  std::span<const Edge> edges() const { return {edges_begin(), num_edges()}; }

  // Engine scratch space for one backward pass (Note [Iterative backward]).
  Tensor grad_buffer;
  int32_t pending = 0;
  uint64_t visit_epoch = 0;
  bool needed = true;  // leads to an input of backward(inputs=) / autograd.grad
};

// Which ready node the backward pass runs first: the highest (Note [Execution order], engine.cpp).
uint64_t execution_priority(const Node& n);

// The AccumulateGrad node of a leaf that requires grad (made once, then shared).
std::shared_ptr<Node> grad_accumulator(const Tensor& leaf);

// Builds and attaches the node for an op if grad mode is on and any input requires grad.
// `out` gets its grad_fn and requires_grad set. Returns the node (or null) so the op can add
// saved tensors and attributes.
Node* record_op(OpId op, BackwardFn backward, Tensor& out, std::initializer_list<const Tensor*> inputs);
// Saves a tensor for backward, remembering its version for the in-place check.
void save_for_backward(Node& node, const Tensor& t);

// Runs backward from `root` (see engine.cpp).
void run_backward(const Tensor& root, const Tensor& gradient, bool retain_graph);

// The general form, behind torch.autograd.backward / grad and Tensor.backward(inputs=...).
// `grads[i]` may be undefined: ones for a one-element root, an error otherwise. With `inputs`,
// only the part of the graph leading to them runs; `accumulate` false (autograd.grad) leaves
// every .grad alone and returns the gradient of each input (undefined where none reached it).
struct BackwardRequest {
  std::vector<Tensor> roots;
  std::vector<Tensor> grads;
  bool retain_graph = false;
  std::vector<Tensor> inputs;
  bool accumulate = true;
  bool create_graph = false;  // record the backward itself (Note [Higher-order gradients])
  // A dry run for the page's stepper (Note [Backward trace]): every node computes its gradients
  // as in a real pass, but nothing changes — no .grad written, no hooks, the graph kept.
  bool preview = false;
};
std::vector<Tensor> run_backward(const BackwardRequest& request);

}  // namespace gradlab
