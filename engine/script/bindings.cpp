// The registry of the family binding tables (Note [One binding row per op], bindings.h): Tensor
// method lookup and the torch / torch.nn.functional functions are both built from it.
#include "engine/script/bindings.h"

#include <unordered_map>

#include "engine/ops/pointwise.h"
#include "engine/tensor.h"

namespace gradlab::script {

std::vector<const Binding*> all_bindings() {
  std::vector<const Binding*> rows;
  for (const Bindings* family : {&tensor_bindings(), &compare_bindings(), &nn_bindings(), &norm_bindings(), &conv_bindings(),
                                 &random_bindings(), &join_bindings(), &index_bindings(), &reduce_bindings(),
                                 &rearrange_bindings(), &movement_bindings(), &contract_bindings(), &counting_bindings(), &pointwise_bindings(), &linalg_bindings(),
                                 &trig_bindings()})
    for (const Binding& b : *family) rows.push_back(&b);
  return rows;
}

MethodFn find_tensor_method(const std::string& name) {
  static const auto methods = [] {
    std::unordered_map<std::string, MethodFn> m;
    for (const Binding* b : all_bindings())
      if (b->forms & kMethod) m.emplace(b->name, b->method);
    return m;
  }();
  auto it = methods.find(name);
  return it == methods.end() ? nullptr : it->second;
}

void install_bindings(ModuleObj& torch, ModuleObj& functional) {
  for (const Binding* b : all_bindings()) {
    // torch.X are builtins of the torch._C._VariableFunctions type; F.X are plain functions.
    auto make = [&](const char* owner) {
      if (b->function) return Value(std::make_shared<BuiltinObj>(b->name, b->function, owner));
      return Value(std::make_shared<BuiltinObj>(b->name, b->method, owner));
    };
    if (b->forms & kTorch) {
      Value f = make("type object");
      f.as<BuiltinObj>()->takes_out = (b->forms & kOut) != 0;
      torch.attrs[b->name] = f;
    }
    if (b->forms & kFunctional) functional.attrs[b->name] = make(nullptr);
  }
}

// Note [out= arguments]
// torch.add(a, b, out=t) computes a + b as usual and then writes it into t, as PyTorch does:
// the result must be castable to t's dtype (PyTorch's canCast), a t of another shape is resized
// (with PyTorch's deprecation warning unless t was empty), and t itself is returned. Out
// variants are not differentiable, so any argument requiring grad is refused while grad mode is on.
Value call_with_out(Interp& in, const BuiltinObj* b, CallArgs& args, size_t out_kw) {
  const Value& out_value = args.kw[out_kw];
  if (!out_value.is_tensor())
    raise_type_error(std::string(b->name) + "(): argument 'out' must be Tensor, not " + type_name(out_value));
  Tensor out = out_value.as_tensor();
  if (grad_mode_enabled()) {
    bool requires_grad = out.requires_grad();
    for (size_t i = 0; i < args.npos; ++i) requires_grad |= args.pos[i].is_tensor() && args.pos[i].as_tensor().requires_grad();
    for (size_t k = 0; k < args.nkw; ++k) requires_grad |= args.kw[k].is_tensor() && args.kw[k].as_tensor().requires_grad();
    if (requires_grad)
      raise("RuntimeError", std::string(b->name) +
                                "(): functions with out=... arguments don't support automatic differentiation, but one of the "
                                "arguments requires grad.");
  }
  ArgsWithoutKeyword rest(args, out_kw);
  Value result_value = in.call_as_function(b, rest.args);
  const Tensor& result = result_value.as_tensor();
  // The matrix products check the dtype themselves and cast nothing (ATen's mm_out/addmm_out).
  const std::string name = b->name;
  if ((name == "matmul" || name == "mm" || name == "mv" || name == "dot") && out.dtype() != result.dtype()) {
    auto c_name = dtype_c_name;
    raise("RuntimeError", std::string("Expected out tensor to have dtype ") + c_name(result.dtype()) + ", but got " +
                              c_name(out.dtype()) + " instead");
  }
  if (!can_cast(result.dtype(), out.dtype()))
    raise("RuntimeError", std::string("result type ") + dtype_scalar_name(result.dtype()) +
                              " can't be cast to the desired output type " + dtype_scalar_name(out.dtype()));
  if (out.shape() != result.shape()) {
    if (out.numel() != 0)
      in.warn("UserWarning", "An output with one or more elements was resized since it had shape " + shape_str(out.shape()) +
                                 ", which does not match the required output shape " + shape_str(result.shape()) +
                                 ". This behavior is deprecated, and in a future PyTorch release outputs will not be resized unless "
                                 "they have zero elements. You can explicitly reuse an out tensor t by resizing it, inplace, to zero "
                                 "elements with t.resize_(0). (Triggered internally at  ./aten/src/ATen/native/Resize.cpp:17.)");
    set_tensor_attribute(out, "data", Value(result.to(out.dtype())));  // a new storage of the new shape
    return out_value;
  }
  copy_(out, result);
  return out_value;
}

}  // namespace gradlab::script
