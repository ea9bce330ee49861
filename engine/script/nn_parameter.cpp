// torch.nn.Parameter: a tensor that nn.Module registers as a learnable weight. gradlab marks the
// tensor itself (TensorImpl::is_parameter) instead of wrapping it, so every op, method and
// argument check takes a Parameter as the tensor it is; only type(), isinstance and the repr
// ("Parameter containing:") tell them apart. As in PyTorch, Parameter(t) shares t's storage,
// requires grad unless told otherwise, and results of ops on it are plain tensors.
#include "engine/script/runtime.h"
#include "engine/tensor.h"

namespace gradlab::script {

namespace {
Value t_parameter(Interp&, CallArgs& a) {
  Args args("Parameter", a, {"data", "requires_grad"}, 0, ArgStyle::Python);
  Tensor data;
  if (args.has(0)) {
    const Value& d = *args.get(0);
    if (!d.is_tensor()) raise_type_error(std::string("_make_subclass(): argument 'data' (position 2) must be Tensor, not ") + type_name(d));
    data = d.as_tensor();
  } else {
    data = empty({0}, TensorOptions{});
  }
  const bool requires_grad = args.has(1) ? truthy(*args.get(1)) : true;
  Tensor p = data.detach();
  p.impl()->is_parameter = true;
  if (requires_grad) p.requires_grad_(true);
  return Value(p);
}
}  // namespace

Value parameter_type() {
  static const Value type(std::make_shared<TypeObj>("Parameter", TypeId::Other, t_parameter, "torch.nn.parameter"));
  return type;
}

}  // namespace gradlab::script
