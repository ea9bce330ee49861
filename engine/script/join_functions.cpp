// torch.cat / torch.concat / torch.stack / hstack / vstack as scripts call them (ops/join.h).
#include "engine/ops/join.h"
#include "engine/script/bindings.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {
std::vector<Tensor> tensor_list(Interp& in, const Value& v, const char* fname) {
  if (v.is_tensor() || (!as_list(v) && !as_tuple(v)))
    raise_type_error(std::string(fname) + "(): argument 'tensors' (position 1) must be tuple of Tensors, not " + type_name(v));
  std::vector<Tensor> out;
  std::vector<Value> items = to_vector(in, v);
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is_tensor())
      raise_type_error("expected Tensor as element " + std::to_string(i) + " in argument 0, but got " + type_name(items[i]));
    out.push_back(items[i].as_tensor());
  }
  return out;
}

template <Tensor (*Op)(const std::vector<Tensor>&, int64_t)>
Value join(Interp& in, CallArgs& a, const char* fname) {
  Args args(fname, a, {"tensors", "dim", "out"}, 1);
  if (args.has(2) && !args.get(2)->is_none()) raise_not_supported(std::string("torch.") + fname + "(out=...)");
  int64_t dim = args.int_or(1, 0);
  return Value(Op(tensor_list(in, *args.get(0), fname), dim));
}

Value t_cat(Interp& in, CallArgs& a) { return join<cat>(in, a, "cat"); }
Value t_concat(Interp& in, CallArgs& a) { return join<cat>(in, a, "concat"); }
Value t_stack(Interp& in, CallArgs& a) { return join<stack>(in, a, "stack"); }

// hstack: cat along dim 1 (dim 0 for 1-D inputs); vstack: 1-D inputs become rows first.
Value t_hstack(Interp& in, CallArgs& a) {
  Args args("hstack", a, {"tensors", "out"}, 1);
  std::vector<Tensor> ts = tensor_list(in, *args.get(0), "hstack");
  if (ts.empty()) runtime_error("hstack expects a non-empty TensorList");
  for (Tensor& t : ts)
    if (t.dim() == 0) t = reshape(t, {1});
  return Value(cat(ts, ts[0].dim() == 1 ? 0 : 1));
}
Value t_vstack(Interp& in, CallArgs& a) {
  Args args("vstack", a, {"tensors", "out"}, 1);
  std::vector<Tensor> ts = tensor_list(in, *args.get(0), "vstack");
  if (ts.empty()) runtime_error("vstack expects a non-empty TensorList");
  for (Tensor& t : ts)
    if (t.dim() < 2) t = reshape(t, {1, t.numel()});
  return Value(cat(ts, 0));
}
}  // namespace

// Note [One binding row per op]
const Bindings& join_bindings() {
  static const Bindings rows = {
      {"cat", kTorch, nullptr, t_cat}, {"concat", kTorch, nullptr, t_concat}, {"concatenate", kTorch, nullptr, t_concat},
      {"stack", kTorch, nullptr, t_stack}, {"hstack", kTorch, nullptr, t_hstack}, {"vstack", kTorch, nullptr, t_vstack},
  };
  return rows;
}

}  // namespace gradlab::script
