// Higher-order gradients: backward(create_graph=True) and autograd.grad(create_graph=True).
//
// Note [Higher-order gradients]
// An ordinary backward runs each node's BackwardFn, written with untracked primitives: fast,
// and rounding exactly as ATen's kernels do. With create_graph the backward itself must be
// recorded, so that its results have a grad_fn and can be differentiated again. For that a node
// runs its *differentiable* backward instead: the same formula as PyTorch's derivatives.yaml,
// written with the engine's public ops (mul, div, pow, ...), in the same order, so the values
// and the node names of the recorded graph are PyTorch's (x**3 gives a gradient whose grad_fn
// is MulBackward0). The engine runs the pass with grad mode on; gradients flowing into a node,
// broadcast reductions (Note [Broadcast grads]) and .grad accumulation are then recorded too.
// A node whose op has no differentiable backward yet raises a clear NotImplementedError; a
// Python autograd.Function is differentiable whenever its backward uses differentiable ops.
#pragma once
#include "engine/autograd/node.h"

namespace gradlab {

// The differentiable backward of `op`, or null when gradlab has none yet.
BackwardFn differentiable_backward(OpId op);

// Pointwise math, clamps and masks, and the selecting or scaling reductions
// (higher_order_math.cpp); differentiable_backward falls back to it.
BackwardFn differentiable_math_backward(OpId op);

// Runs node n's differentiable backward, or raises NotImplementedError naming the node.
Grads run_differentiable_backward(const Node& n, const Tensor& grad);

// Note [Broadcast grads] with history: sums `grad` down to `shape` with recorded ops.
Tensor sum_to_recorded(const Tensor& grad, const Shape& shape);

// The first .grad of a leaf under create_graph: a recorded copy (PyTorch's CopyBackwards).
Tensor copy_for_grad(const Tensor& grad);

}  // namespace gradlab
