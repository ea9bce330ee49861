// torch.cat / torch.concat / torch.stack / hstack / vstack as scripts call them (ops/join.h).
#include "engine/ops/join.h"
#include "engine/script/bindings.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

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

namespace {
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
    if (t.dim() < 2) t = t.dim() == 1 ? unsqueeze(t, 0) : reshape(t, {1, 1});  // torch.atleast_2d
  return Value(cat(ts, 0));
}

Value pieces_tuple(const std::vector<Tensor>& pieces) {
  std::vector<Value> items;
  for (const Tensor& p : pieces) items.emplace_back(p);
  return make_tuple(std::move(items));
}

// x.split(split_size, dim=0) / torch.split(tensor, split_size_or_sections, dim=0): an int gives
// equal pieces, a list or tuple their sizes.
Value split_with(const Value& self, const Value& how, int64_t dim) {
  if (how.is_intlike()) return pieces_tuple(split(self.as_tensor(), how.as_int(), dim));
  if (!as_list(how) && !as_tuple(how))
    raise_type_error(std::string("split_with_sizes(): argument 'split_sizes' (position 2) must be tuple of ints, not ") + type_name(how));
  return pieces_tuple(split_with_sizes(self.as_tensor(), to_int_list(how, "split_with_sizes"), dim));
}
Value m_split(Interp&, const Value& self, CallArgs& a) {
  Args args("split", a, {"split_size", "dim"}, 1);
  return split_with(self, *args.get(0), args.int_or(1, 0));
}
Value t_split(Interp&, CallArgs& a) {
  Args args("split", a, {"tensor", "split_size_or_sections", "dim"}, 2);
  return split_with(Value(args.tensor(0)), *args.get(1), args.int_or(2, 0));
}
Value m_chunk(Interp&, const Value& self, CallArgs& a) {
  Args args("chunk", a, {"chunks", "dim"}, 1);
  return pieces_tuple(chunk(self.as_tensor(), args.int_(0), args.int_or(1, 0)));
}
Value m_unbind(Interp&, const Value& self, CallArgs& a) {
  Args args("unbind", a, {"dim"}, 0);
  return pieces_tuple(unbind(self.as_tensor(), args.int_or(0, 0)));
}
}  // namespace

// Note [One binding row per op]
const Bindings& join_bindings() {
  static const Bindings rows = {
      {"cat", kTorch, nullptr, t_cat}, {"concat", kTorch, nullptr, t_concat}, {"concatenate", kTorch, nullptr, t_concat},
      {"stack", kTorch, nullptr, t_stack}, {"hstack", kTorch, nullptr, t_hstack}, {"vstack", kTorch, nullptr, t_vstack},
      {"split", kMethod, m_split}, {"split", kTorch, nullptr, t_split}, {"chunk", kMethod | kTorch, m_chunk},
      {"unbind", kMethod | kTorch, m_unbind},
  };
  return rows;
}

}  // namespace gradlab::script
