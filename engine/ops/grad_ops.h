// Gradients as ops of their own, for create_graph (Note [Higher-order gradients]).
//
// PyTorch records the backward of some ops as one op (select_backward, mse_loss_backward,
// _softmax_backward_data, ...) with a derivative of its own, so a first derivative taken with
// create_graph=True prints grad_fn=<SelectBackwardBackward0>. Each function here is the
// differentiable backward of one family: given the node being differentiated and the gradient
// arriving at it, it computes the same bits as that node's ordinary backward and records the
// node PyTorch records, whose own backward is made of recorded ops again. Each lives beside its
// forward op (ops/<family>.cpp).
#pragma once
#include "engine/autograd/node.h"

namespace gradlab {

// A saved output with its history back (PyTorch's SavedVariable for an output), so that exp's
// gradient g·eˣ is differentiated through eˣ too (Note [Saved tensors] keeps it detached).
Tensor output_with_history(const Node& n, const Tensor& saved_output);

Grads window_backward_op(const Node& n, const Tensor& g);      // select, slice: shape.cpp
Grads index_backward_op(const Node& n, const Tensor& g);       // a[idx], a[mask]: index.cpp
Grads mse_loss_backward_op(const Node& n, const Tensor& g);    // loss.cpp
Grads nll_loss_backward_op(const Node& n, const Tensor& g);    // loss.cpp
Grads softmax_backward_op(const Node& n, const Tensor& g);     // softmax, log_softmax: nn.cpp
Grads leaky_relu_backward_op(const Node& n, const Tensor& g);  // nn.cpp
Grads mv_backward_op(const Node& n, const Tensor& g);          // matmul.cpp (records MvBackward0 again)

}  // namespace gradlab
