// The registry of the family binding tables (Note [One binding row per op], bindings.h): Tensor
// method lookup and the torch / torch.nn.functional functions are both built from it.
#include "engine/script/bindings.h"

#include <unordered_map>

namespace gradlab::script {

std::vector<const Binding*> all_bindings() {
  std::vector<const Binding*> rows;
  for (const Bindings* family : {&tensor_bindings(), &compare_bindings(), &nn_bindings(), &random_bindings(), &join_bindings(),
                                  &index_bindings(), &reduce_bindings()})
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
    if (b->forms & kTorch) torch.attrs[b->name] = make("type object");
    if (b->forms & kFunctional) functional.attrs[b->name] = make(nullptr);
  }
}

}  // namespace gradlab::script
