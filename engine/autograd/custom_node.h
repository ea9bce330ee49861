// A graph node whose backward is not a row of the op table: a Python torch.autograd.Function
// (script/autograd_function.cpp), modelled on PyTorch's PyNode (torch/csrc/autograd/python_function.h).
//
// Unlike an op node it may have any number of tensor inputs and of outputs, so the engine keeps
// one gradient buffer per output; an Edge's input_nr says which output of its node a gradient
// belongs to (TensorImpl::output_nr). The Node that owns a CustomBackward has op
// OpId::Custom and uses the edges and input shapes here instead of its inline ones.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/autograd/node.h"

namespace gradlab {

struct CustomBackward {
  virtual ~CustomBackward() = default;
  // grads: one per output of the forward, undefined where none arrived. Returns one gradient
  // per tensor input (edge), undefined for none. Runs with grad mode off.
  virtual std::vector<Tensor> apply(std::vector<Tensor> grads) = 0;
  // The same gradients under create_graph (Note [Higher-order gradients]), made of recorded ops
  // and run with grad mode on. A Python Function's backward is recorded whenever it uses
  // differentiable ops, so by default this is apply; an engine op written with untracked
  // primitives (cat, split) overrides it, as its gradient would otherwise lose its history.
  virtual std::vector<Tensor> apply_recorded(std::vector<Tensor> grads) { return apply(std::move(grads)); }
  // backward() without retain_graph is done with this node: drop what forward saved.
  virtual void release_saved() {}

  std::string name;                 // "MulConstantBackward"
  std::vector<Edge> edges;          // one per tensor input
  std::vector<InputMeta> inputs;    // their shapes, dtypes and devices
  std::vector<InputMeta> outputs;   // one per output
  std::vector<std::weak_ptr<TensorImpl>> output_impls;  // hooks and retain_grad of each output
  std::vector<Tensor> grad_buffers;                     // engine scratch: one per output
};

// Makes the node for a custom function with `edges` for its tensor inputs (null edges for
// inputs that need no gradient); its outputs are attached with attach_custom_output.
std::shared_ptr<Node> make_custom_node(std::unique_ptr<CustomBackward> custom);
// Makes `out` the output number `output_nr` of `node`: sets its grad_fn and requires_grad.
void attach_custom_output(const std::shared_ptr<Node>& node, Tensor& out, uint32_t output_nr);
// PyTorch's "Trying to backward through the graph a second time ..." RuntimeError.
[[noreturn]] void second_backward_error();
// PyTorch's error for a saved tensor modified in place since it was saved at version `expected`;
// `producer` (may be null) is the node whose output number `output_nr` it now is.
[[noreturn]] void saved_version_error(const Tensor& saved, uint32_t expected, const char* producer, uint32_t output_nr);
// The edge a gradient for `t` travels along: its grad_fn's output, its AccumulateGrad, or none.
Edge gradient_edge(const Tensor& t);

}  // namespace gradlab
