// torch.autograd's Python-facing API: custom Functions (torch.autograd.Function), and the
// functions torch.autograd.grad / torch.autograd.backward.
//
// Note [Custom Functions]
// As in PyTorch (torch/autograd/function.py, torch/csrc/autograd/python_function.cpp), the
// classes are Python: torch.autograd.function is a module written in Python (Note [Modules in
// Python]) whose Function.apply is the native function_apply below. Each Function subclass gets
// a class `<Name>Backward` (a BackwardCFunction) the first time it is applied; `ctx` is an
// instance of it, and that same object is the node scripts see as the outputs' grad_fn
// (`<torch.autograd.function.MulConstantBackward object at 0x...>`). The engine's node for it
// holds a PyFunctionBackward (autograd/custom_node.h) that owns ctx and, during backward, calls
// ctx.apply(*grads), which runs the user's backward in Python: its exceptions propagate out of
// the engine as Python exceptions. ctx reaches its node through a weak table (ctx_nodes), so
// node and ctx do not keep each other alive.
#include <unordered_map>

#include "engine/autograd/custom_node.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

// What forward saved with ctx.save_for_backward: outputs of the node itself are kept detached
// (Note [Saved tensors]) and get their grad_fn back when unpacked, as PyTorch's SavedVariable does.
struct SavedEntry {
  Tensor data;
  uint32_t version = 0;  // of its storage when saved: an in-place change since is an error
  bool is_output = false;
  uint32_t output_nr = 0;
  bool none = false;
};

struct PyFunctionBackward : CustomBackward {
  ~PyFunctionBackward() override;
  std::vector<Tensor> apply(std::vector<Tensor> grads) override;
  void release_saved() override {
    saved.clear();
    released = true;
  }

  Value ctx;                             // the <Name>Backward instance
  std::vector<bool> is_tensor_input;     // one per forward argument
  std::vector<bool> output_is_tensor;    // one per forward output
  std::vector<SavedEntry> saved;
  bool released = false;
};

std::unordered_map<const Object*, std::weak_ptr<Node>>& ctx_nodes() {
  static std::unordered_map<const Object*, std::weak_ptr<Node>> table;
  return table;
}

// The ctxs whose node has died (its saved tensors with it), while the ctx itself lives on.
std::unordered_map<const Object*, std::weak_ptr<Object>>& orphaned_ctxs() {
  static std::unordered_map<const Object*, std::weak_ptr<Object>> table;
  return table;
}

bool is_orphaned(const Value& ctx) {
  auto& t = orphaned_ctxs();
  auto it = t.find(ctx.obj());
  return it != t.end() && it->second.lock().get() == ctx.obj();
}

PyFunctionBackward::~PyFunctionBackward() {
  ctx_nodes().erase(ctx.obj());
  auto& orphans = orphaned_ctxs();
  static size_t compact_at = 64;  // drop the entries of dead ctxs now and then, as WeakList does
  if (orphans.size() >= compact_at) {
    std::erase_if(orphans, [](const auto& e) { return e.second.expired(); });
    compact_at = orphans.size() * 2 + 64;
  }
  orphans[ctx.obj()] = ctx.obj_ref();
}

std::shared_ptr<Node> node_of_ctx(const Value& ctx) {
  auto& t = ctx_nodes();
  auto it = t.find(ctx.obj());
  return it == t.end() ? nullptr : it->second.lock();
}

PyFunctionBackward* custom_of(const std::shared_ptr<Node>& n) {
  return n && n->custom ? dynamic_cast<PyFunctionBackward*>(n->custom.get()) : nullptr;
}

bool attr_truthy(const Value& ctx, const char* name, bool dflt) {
  auto* inst = ctx.as<InstanceObj>();
  const Value* v = inst ? inst->attrs.find(name) : nullptr;
  return v ? truthy(*v) : dflt;
}

std::vector<Tensor> PyFunctionBackward::apply(std::vector<Tensor> grads) {
  if (!current_interp()) runtime_error("the backward of " + name + " is Python and needs the script session that made it");
  Interp& in = *current_interp();
  const bool materialize = attr_truthy(ctx, "materialize_grads", true);
  std::vector<Value> args;
  args.reserve(grads.size());
  for (size_t k = 0; k < grads.size(); ++k) {
    if (grads[k].defined()) args.push_back(Value(grads[k]));
    else if (materialize && output_is_tensor[k])
      args.push_back(Value(zeros(outputs[k].shape, TensorOptions{outputs[k].dtype, outputs[k].device, false})));
    else args.push_back(Value());
  }
  Value hold = ctx;
  Value apply_fn = in.get_attr(hold, "apply");
  Value r = in.call0(apply_fn, std::move(args));
  std::vector<Value> items;
  if (auto* tup = r.as<SeqObj>(); tup && tup->type == ObjType::Tuple) items = tup->items;
  else items.push_back(r);
  const size_t expected = is_tensor_input.size();
  // Returning too many results is fine as long as the extra ones are None (PyTorch's rule).
  if (items.size() > expected) {
    bool all_none = true;
    for (size_t i = expected; i < items.size(); ++i) all_none = all_none && items[i].is_none();
    if (all_none) items.resize(expected);
  }
  if (items.size() != expected)
    runtime_error("function " + name + " returned an incorrect number of gradients (expected " + std::to_string(expected) +
                  ", got " + std::to_string(items.size()) + ")");
  std::vector<Tensor> out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!is_tensor_input[i]) continue;
    if (items[i].is_none()) out.emplace_back();
    else if (items[i].is_tensor()) out.push_back(items[i].as_tensor());
    else runtime_error(std::string("expected Variable or None (got ") + type_name(items[i]) + ")");
  }
  return out;
}

// ---- the ctx's native attributes ----
Value ctx_saved_tensors(Interp&, CallArgs& a) {
  std::shared_ptr<Node> node = node_of_ctx(a.pos[0]);
  PyFunctionBackward* c = custom_of(node);
  if (!c && is_orphaned(a.pos[0])) second_backward_error();  // PyTorch frees them with the node
  if (!c) return make_tuple({});
  if (c->released) second_backward_error();
  std::vector<Value> items;
  for (const SavedEntry& s : c->saved) {
    if (!s.none && s.data.storage().version != s.version) {
      const Tensor& d = s.data;
      const char* producer = s.is_output ? c->name.c_str() : d.grad_fn() ? d.grad_fn()->name() : nullptr;
      saved_version_error(d, s.version, producer, s.is_output ? s.output_nr : d.impl()->output_nr);
    }
    if (s.none) {
      items.emplace_back();
    } else if (s.is_output) {
      Tensor t = s.data.detach();
      t.impl()->grad_fn = node;
      t.impl()->output_nr = s.output_nr;
      t.impl()->requires_grad = true;
      items.emplace_back(t);
    } else {
      items.emplace_back(s.data);
    }
  }
  return make_tuple(std::move(items));
}

Value ctx_next_functions(Interp&, CallArgs& a) {
  std::shared_ptr<Node> node = node_of_ctx(a.pos[0]);
  if (!node)
    runtime_error("Attribute 'next_functions' is invalid for this instance of _C._FunctionBase. Accessing this attribute "
                  "directly on an instance of autograd.Function is a legacy access pattern that is no longer supported. "
                  "For examples on how to use new-style autograd functions, see "
                  "https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function ");
  std::vector<Value> items;
  for (const Edge& e : node->edges()) items.push_back(make_tuple({grad_fn_value(e.node), Value(int64_t{e.input_nr})}));
  return make_tuple(std::move(items));
}

// ctx.register_hook(fn): the node's post hook, as grad_fn.register_hook on op nodes.
Value ctx_register_hook(Interp& in, CallArgs& a) {
  Args args("register_hook", a, {"self", "fn"}, 2, ArgStyle::Python);
  std::shared_ptr<Node> node = node_of_ctx(*args.get(0));
  if (!node) raise_not_supported("register_hook on a Function's ctx before its forward ran");
  register_node_hook(in, *node, *args.get(1));
  return Value();
}

// The class `<Name>Backward` of a Function subclass, made on first use and kept on the class.
Value backward_class(Interp& in, const Value& fn_cls, const Value& backward_base) {
  auto* cls = fn_cls.as<ClassObj>();
  if (Value* own = cls->own("_backward_cls")) return *own;
  auto* base = backward_base.as<ClassObj>();
  auto bc = std::make_shared<ClassObj>(cls->name + "Backward");
  bc->qualname = bc->name;
  bc->module = "torch.autograd.function";
  bc->bases = {backward_base};
  bc->mro.push_back(bc.get());
  bc->mro.insert(bc->mro.end(), base->mro.begin(), base->mro.end());
  bc->native_base = base->native_base;
  bc->weak_self = bc;
  bc->dict.emplace_back("__module__", make_str("torch.autograd.function"));
  bc->dict.emplace_back("__qualname__", make_str(bc->name));
  bc->dict.emplace_back("_forward_cls", fn_cls);
  in.heap_.track(bc);
  Value v(std::static_pointer_cast<Object>(bc));
  cls->dict.emplace_back("_backward_cls", v);
  ++class_epoch;
  return v;
}

std::vector<const TensorImpl*> impls_of(const Value& ctx, const char* attr) {
  std::vector<const TensorImpl*> out;
  auto* inst = ctx.as<InstanceObj>();
  const Value* v = inst ? inst->attrs.find(attr) : nullptr;
  if (!v) return out;
  if (auto* seq = v->as<SeqObj>()) {
    for (const Value& x : seq->items)
      if (x.is_tensor()) out.push_back(x.as_tensor().impl());
  }
  return out;
}

bool contains_impl(const std::vector<const TensorImpl*>& v, const TensorImpl* p) {
  return std::find(v.begin(), v.end(), p) != v.end();
}

// Function.apply(*args) (bound to the class): runs forward under no_grad with a fresh ctx and,
// when an input requires grad, makes the node and hangs the outputs on it.
Value function_apply(Interp& in, CallArgs& a) {
  if (a.nkw) raise_type_error("apply() takes no keyword arguments");
  Value fn_cls = a.pos[0];
  if (!fn_cls.as<ClassObj>()) raise_type_error("apply() must be called on a Function subclass");
  Value fn_module = in.module("torch.autograd.function");
  Value backward_base = fn_module.as<ModuleObj>()->attrs["BackwardCFunction"];
  Value bcls = backward_class(in, fn_cls, backward_base);
  auto inst = std::make_shared<InstanceObj>(std::static_pointer_cast<ClassObj>(bcls.obj_ref()));
  inst->weak_self = inst;
  Value ctx(std::static_pointer_cast<Object>(inst));
  in.heap_.track(ctx.obj_ref());

  const size_t nargs = a.npos - 1;
  const Value* args = a.pos + 1;
  bool executable = false;
  if (grad_mode_enabled())
    for (size_t i = 0; i < nargs; ++i) executable = executable || (args[i].is_tensor() && args[i].as_tensor().requires_grad());
  std::vector<Value> needs;
  for (size_t i = 0; i < nargs; ++i) needs.emplace_back(executable && args[i].is_tensor() && args[i].as_tensor().requires_grad());
  inst->attrs.set("needs_input_grad", make_tuple(std::move(needs)));

  Value out;
  {
    NoGradGuard no_grad;
    Value forward = in.get_attr(fn_cls, "forward");
    std::vector<Value> fargs;
    fargs.reserve(nargs + 1);
    fargs.push_back(ctx);
    for (size_t i = 0; i < nargs; ++i) fargs.push_back(args[i]);
    out = in.call0(forward, std::move(fargs));
  }
  const bool is_tuple = out.as<SeqObj>() && out.as<SeqObj>()->type == ObjType::Tuple;
  std::vector<Value> items = is_tuple ? out.as<SeqObj>()->items : std::vector<Value>{out};
  std::vector<const TensorImpl*> input_impls;
  for (size_t i = 0; i < nargs; ++i)
    if (args[i].is_tensor()) input_impls.push_back(args[i].as_tensor().impl());
  std::vector<const TensorImpl*> dirty = impls_of(ctx, "dirty_tensors");
  std::vector<const TensorImpl*> non_diff = impls_of(ctx, "non_differentiable");
  inst->attrs.erase("dirty_tensors");  // ctx → tensor → node → ctx would be a cycle
  inst->attrs.erase("non_differentiable");
  if (!executable) {
    inst->attrs.erase("to_save");
    for (Value& v : items)  // an input returned as is comes back as a new alias of it, as in PyTorch
      if (v.is_tensor() && contains_impl(input_impls, v.as_tensor().impl()) && !contains_impl(dirty, v.as_tensor().impl()))
        v = Value(v.as_tensor().detach());
    return is_tuple ? make_tuple(std::move(items)) : items[0];
  }

  auto custom = std::make_unique<PyFunctionBackward>();
  PyFunctionBackward& c = *custom;
  c.name = bcls.as<ClassObj>()->name;
  c.ctx = ctx;
  for (size_t i = 0; i < nargs; ++i) {
    c.is_tensor_input.push_back(args[i].is_tensor());
    if (!args[i].is_tensor()) continue;
    const Tensor& t = args[i].as_tensor();
    c.edges.push_back(t.requires_grad() ? gradient_edge(t) : Edge{});
    c.inputs.push_back(InputMeta{t.shape(), t.dtype(), t.device()});
  }
  for (const Value& v : items) {
    c.output_is_tensor.push_back(v.is_tensor());
    if (v.is_tensor()) c.outputs.push_back(InputMeta{v.as_tensor().shape(), v.as_tensor().dtype(), v.as_tensor().device()});
    else c.outputs.push_back(InputMeta{Shape{}, kDefaultFloat, Device{}});
  }
  c.output_impls.resize(items.size());

  std::shared_ptr<Node> node = make_custom_node(std::move(custom));
  ctx_nodes()[ctx.obj()] = node;
  for (size_t k = 0; k < items.size(); ++k) {
    if (!items[k].is_tensor()) continue;
    Tensor t = items[k].as_tensor();
    const bool differentiable = is_floating(t.dtype()) && !contains_impl(non_diff, t.impl());
    if (contains_impl(dirty, t.impl())) {
      if (t.is_leaf() && t.requires_grad())
        runtime_error("a leaf Variable that requires grad has been used in an in-place operation.");
    } else if (contains_impl(input_impls, t.impl())) {
      t = t.detach();  // an input returned as is: a view of it carries the new history
      items[k] = Value(t);
    }
    if (differentiable) {
      attach_custom_output(node, t, static_cast<uint32_t>(k));
    } else if (!contains_impl(dirty, t.impl())) {
      t.impl()->requires_grad = false;
    }
  }

  // ctx.save_for_backward(...): kept by the node, not by ctx (Note [Saved tensors]).
  if (const Value* to_save = inst->attrs.find("to_save")) {
    if (auto* seq = to_save->as<SeqObj>()) {
      for (size_t i = 0; i < seq->items.size(); ++i) {
        const Value& v = seq->items[i];
        SavedEntry e;
        if (v.is_none()) {
          e.none = true;
        } else if (!v.is_tensor()) {
          raise_type_error("save_for_backward can only save variables, but argument " + std::to_string(i) + " is of type " + type_name(v));
        } else {
          const Tensor& t = v.as_tensor();
          e.data = t;
          e.version = t.storage().version;
          if (t.grad_fn() == node) {
            e.is_output = true;
            e.output_nr = t.impl()->output_nr;
            e.data = t.detach();
          }
        }
        c.saved.push_back(std::move(e));
      }
    }
    inst->attrs.erase("to_save");
  }
  return is_tuple ? make_tuple(std::move(items)) : items[0];
}

const char* const kFunctionSource = R"PY(
class _FunctionBase:
    def name(self):
        return type(self).__name__
    @property
    def metadata(self):
        try:
            return self._metadata
        except AttributeError:
            self._metadata = {}
            return self._metadata

class FunctionCtx:
    def save_for_backward(self, *tensors):
        self.to_save = tensors
    def save_for_forward(self, *tensors):
        self.saved_for_forward = tensors
    def mark_dirty(self, *args):
        self.dirty_tensors = args
    def mark_non_differentiable(self, *args):
        self.non_differentiable = args
    def set_materialize_grads(self, value):
        self.materialize_grads = value

class _HookMixin:
    pass

class BackwardCFunction(_FunctionBase, FunctionCtx, _HookMixin):
    def apply(self, *args):
        backward_fn = self._forward_cls.backward
        vjp_fn = self._forward_cls.vjp
        if backward_fn is not Function.backward and vjp_fn is not Function.vjp:
            raise RuntimeError("Implementing both 'backward' and 'vjp' for a custom Function is not allowed. You should only implement one of them.")
        user_fn = vjp_fn if vjp_fn is not Function.vjp else backward_fn
        return user_fn(self, *args)

class Function(_FunctionBase, FunctionCtx, _HookMixin):
    def __call__(self, *args, **kwargs):
        raise RuntimeError("Legacy autograd function with non-static forward method is deprecated. Please use new-style autograd function with static forward method. (Example: https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)")
    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError("You must implement the forward function for custom autograd.Function.")
    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError("You must implement either the backward or vjp method for your custom autograd.Function to use it with backward mode AD.")
    vjp = backward
    @staticmethod
    def jvp(ctx, *grad_inputs):
        raise NotImplementedError("You must implement the jvp function for custom autograd.Function to use it with forward mode AD.")

def once_differentiable(fn):
    def wrapper(ctx, *args):
        return fn(ctx, *args)
    wrapper.__name__ = fn.__name__
    wrapper.__qualname__ = fn.__qualname__
    wrapper.__wrapped__ = fn
    return wrapper
)PY";

void set_class_attr(const Value& cls, const char* name, Value v) {
  auto* c = cls.as<ClassObj>();
  if (Value* own = c->own(name)) *own = std::move(v);
  else c->dict.emplace_back(name, std::move(v));
  ++class_epoch;
}

Value property_of(const char* name, BuiltinFn fn) {
  return Value(std::make_shared<WrapperObj>(WrapperObj::Kind::Property, Value(std::make_shared<BuiltinObj>(name, fn))));
}

}  // namespace

Value grad_fn_value(const std::shared_ptr<Node>& node) {
  if (!node) return Value();
  if (PyFunctionBackward* c = custom_of(node)) return c->ctx;
  return Value(std::make_shared<GradFnObj>(node));
}

Value make_autograd_function_module(Interp& in) {
  Value m = python_source_module(in, "torch.autograd.function", "/usr/lib/python3/dist-packages/torch/autograd/function.py",
                                 "_FunctionBase,FunctionCtx,_HookMixin,BackwardCFunction,Function,once_differentiable", kFunctionSource);
  auto& attrs = m.as<ModuleObj>()->attrs;
  Value base = attrs["_FunctionBase"];
  base.as<ClassObj>()->module = "torch._C";
  set_class_attr(base, "saved_tensors", property_of("saved_tensors", ctx_saved_tensors));
  set_class_attr(base, "next_functions", property_of("next_functions", ctx_next_functions));
  set_class_attr(base, "register_hook", slot_method("register_hook", ctx_register_hook));
  set_class_attr(attrs["Function"], "apply",
                 Value(std::make_shared<WrapperObj>(WrapperObj::Kind::ClassMethod, Value(std::make_shared<BuiltinObj>("apply", function_apply)))));
  return m;
}

}  // namespace gradlab::script
