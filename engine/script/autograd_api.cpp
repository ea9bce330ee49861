// torch.autograd.grad, torch.autograd.backward and Tensor.backward(inputs=...), after
// torch/autograd/__init__.py: the arguments are normalised to tuples here, the default
// gradients made (_make_grads), and one engine call (run_backward with a BackwardRequest) does
// the rest. create_graph=True records the backward (Note [Higher-order gradients]).
#include "engine/autograd/node.h"
#include "engine/format/tensor_repr.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

Value make_autograd_function_module(Interp& in);  // autograd_function.cpp

namespace {

// A tensor or a sequence of tensors, as a list; `what` names the argument in errors.
std::vector<Value> tensor_or_tensors(Interp& in, const Value& v) {
  if (v.is_tensor()) return {v};
  return to_vector(in, v);
}

std::vector<Tensor> as_tensors(const std::vector<Value>& vs, const char* what) {
  std::vector<Tensor> out;
  for (const Value& v : vs) {
    if (!v.is_tensor()) raise_type_error(std::string(what) + " must be Tensors, not " + type_name(v));
    out.push_back(v.as_tensor());
  }
  return out;
}

// _make_grads: explicit gradients checked against their outputs; None becomes ones for a
// one-element output that requires grad.
std::vector<Tensor> make_grads(Interp& in, const std::vector<Tensor>& outputs, const Value* grads) {
  std::vector<Value> gs;
  if (grads && !grads->is_none()) gs = tensor_or_tensors(in, *grads);
  else gs.assign(outputs.size(), Value());
  const size_t n = std::min(outputs.size(), gs.size());  // Python's zip
  std::vector<Tensor> out;
  for (size_t i = 0; i < n; ++i) {
    const Value& g = gs[i];
    const Tensor& o = outputs[i];
    if (g.is_tensor()) {
      const Tensor& gt = g.as_tensor();
      if (gt.shape() != o.shape())
        runtime_error("Mismatch in shape: grad_output[" + std::to_string(i) + "] has a shape of " + format_size(gt.shape()) +
                      " and output[" + std::to_string(i) + "] has a shape of " + format_size(o.shape()) + ".");
      out.push_back(gt);
    } else if (g.is_none()) {
      if (o.requires_grad()) {
        if (o.numel() != 1) runtime_error("grad can be implicitly created only for scalar outputs");
        out.push_back(ones(o.shape(), TensorOptions{o.dtype(), o.device(), false}));
      } else {
        out.emplace_back();
      }
    } else {
      raise_type_error(std::string("gradients can be either Tensors or None, but got ") + type_name(g));
    }
  }
  if (out.size() != outputs.size())
    runtime_error("got " + std::to_string(outputs.size()) + " tensors and " + std::to_string(out.size()) + " gradients");
  return out;
}

bool flag(const Args& args, size_t i, bool dflt) { return args.has(i) ? truthy(*args.get(i)) : dflt; }

// backward(create_graph=True) leaves each leaf's .grad with history that leads back to the
// leaf: PyTorch warns about the reference cycle (gradlab's heap collects it).
void warn_create_graph_backward(Interp& in) {
  in.warn("UserWarning",
          "Using backward() with create_graph=True will create a reference cycle between the parameter and its gradient "
          "which can cause a memory leak. We recommend using autograd.grad when creating the graph to avoid this. If you "
          "have to use this function, make sure to reset the .grad fields of your parameters to None after use to break "
          "the cycle and avoid the leak. (Triggered internally at  ./torch/csrc/autograd/engine.cpp:1059.)");
}

// torch.autograd.backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False,
// grad_variables=None, inputs=None)
Value a_backward(Interp& in, CallArgs& a) {
  Args args("backward", a, {"tensors", "grad_tensors", "retain_graph", "create_graph", "grad_variables", "inputs"}, 1, ArgStyle::Python);
  const bool create_graph = flag(args, 3, false);
  const Value* grads = args.has(1) ? args.get(1) : args.has(4) ? args.get(4) : nullptr;
  if (args.has(1) && args.has(4))
    runtime_error("'grad_tensors' and 'grad_variables' (deprecated) arguments both passed to backward(). Please only use 'grad_tensors'.");
  BackwardRequest rq;
  rq.roots = as_tensors(tensor_or_tensors(in, *args.get(0)), "tensors");
  if (args.has(5)) {
    rq.inputs = as_tensors(tensor_or_tensors(in, *args.get(5)), "inputs");
    if (rq.inputs.empty()) runtime_error("'inputs' argument to backward() cannot be empty.");
  }
  rq.grads = make_grads(in, rq.roots, grads);
  rq.retain_graph = flag(args, 2, create_graph);
  rq.create_graph = create_graph;
  if (create_graph) warn_create_graph_backward(in);
  for (const Tensor& t : rq.inputs) t.retain_grad();  // PyTorch keeps a non-leaf input's .grad from now on
  run_backward(rq);
  return Value();
}

// torch.autograd.grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,
// only_inputs=True, allow_unused=False, is_grads_batched=False)
Value a_grad(Interp& in, CallArgs& a) {
  Args args("grad", a, {"outputs", "inputs", "grad_outputs", "retain_graph", "create_graph", "only_inputs", "allow_unused", "is_grads_batched"},
            2, ArgStyle::Python);
  if (flag(args, 7, false)) raise_not_supported("torch.autograd.grad(is_grads_batched=True)");
  BackwardRequest rq;
  rq.roots = as_tensors(tensor_or_tensors(in, *args.get(0)), "outputs");
  rq.inputs = as_tensors(tensor_or_tensors(in, *args.get(1)), "inputs");
  if (rq.inputs.empty()) raise_value_error("grad requires non-empty inputs.");
  rq.grads = make_grads(in, rq.roots, args.get(2));
  rq.create_graph = flag(args, 4, false);
  rq.retain_graph = flag(args, 3, rq.create_graph);
  rq.accumulate = false;
  const bool allow_unused = flag(args, 6, false);
  std::vector<Tensor> result = run_backward(rq);
  std::vector<Value> items;
  for (const Tensor& g : result) {
    if (!g.defined() && !allow_unused)
      runtime_error("One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.");
    items.push_back(g.defined() ? Value(g) : Value());
  }
  return make_tuple(std::move(items));
}

}  // namespace

// Tensor.backward(gradient=None, retain_graph=None, create_graph=False, inputs=None)
Value tensor_backward(Interp& in, const Value& self, CallArgs& a) {
  Args args("Tensor.backward", a, {"gradient", "retain_graph", "create_graph", "inputs"}, 0, ArgStyle::Python);
  const bool create_graph = args.has(2) && truthy(*args.get(2));
  Tensor grad;
  if (args.has(0)) {
    if (!args.get(0)->is_tensor()) raise_type_error(std::string("gradient must be a Tensor or None, not ") + type_name(*args.get(0)));
    grad = args.get(0)->as_tensor();
  }
  const bool retain = args.has(1) && !args.get(1)->is_none() ? truthy(*args.get(1)) : create_graph;
  if (create_graph) warn_create_graph_backward(in);
  if (!args.has(3) && !create_graph) {
    self.as_tensor().backward(grad, retain);
    return Value();
  }
  BackwardRequest rq;
  rq.roots.push_back(self.as_tensor());
  if (args.has(3) && !args.get(3)->is_none()) {
    rq.inputs = as_tensors(tensor_or_tensors(in, *args.get(3)), "inputs");
    if (rq.inputs.empty()) runtime_error("'inputs' argument to backward() cannot be empty.");
  }
  Value g = grad.defined() ? Value(grad) : Value();
  rq.grads = make_grads(in, rq.roots, &g);
  rq.retain_graph = retain;
  rq.create_graph = create_graph;
  for (const Tensor& t : rq.inputs) t.retain_grad();
  run_backward(rq);
  return Value();
}

void install_autograd_functions(Interp&, ModuleObj& autograd) {
  // torch.autograd.function runs Python to build its classes: only when a script asks for it.
  autograd.lazy_attr = [](Interp& in, ModuleObj& m, const std::string& name) -> Value {
    if (name == "gradcheck" || name == "gradgradcheck") {
      // torch/autograd/__init__.py: `from .gradcheck import gradcheck, gradgradcheck` (py/torch_autograd_gradcheck.py)
      auto checks = std::make_shared<ModuleObj>("torch.autograd.gradcheck", "/usr/lib/python3/dist-packages/torch/autograd/gradcheck.py");
      checks->lazy_source = "torch_autograd_gradcheck";
      load_lazy_attributes(in, *checks);
      in.heap_.track(ObjRef(checks));
      m.attrs["gradcheck"] = checks->attrs["gradcheck"];
      m.attrs["gradgradcheck"] = checks->attrs["gradgradcheck"];
      return m.attrs[name];
    }
    if (name != "function" && name != "Function") return Value::unbound();
    Value fm = make_autograd_function_module(in);
    in.heap_.track(fm.obj_ref());
    m.attrs["function"] = fm;
    m.attrs["Function"] = fm.as<ModuleObj>()->attrs["Function"];
    return m.attrs[name];
  };
  autograd.attrs["grad"] = Value(std::make_shared<BuiltinObj>("grad", a_grad));
  autograd.attrs["backward"] = Value(std::make_shared<BuiltinObj>("backward", a_backward));
}

}  // namespace gradlab::script
