// Scripts' forms of the counting and searching ops (ops/counting.h): torch.bincount /
// x.bincount, torch.histc / x.histc, torch.searchsorted and torch.bucketize (a search with the arguments swapped).
#include "engine/ops/counting.h"
#include "engine/script/bindings.h"
#include "engine/script/errors.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

Value m_bincount(Interp&, const Value& self, CallArgs& a) {
  Args args("bincount", a, {"weights", "minlength"}, 0);
  std::optional<Tensor> weights;
  if (args.has(0)) weights = args.tensor(0);
  return Value(bincount(self.as_tensor(), weights, args.int_or(1, 0)));
}

Value m_histc(Interp&, const Value& self, CallArgs& a) {
  Args args("histc", a, {"bins", "min", "max"}, 0);
  return Value(histc(self.as_tensor(), args.int_or(0, 100), args.has(1) ? args.number(1) : 0.0, args.has(2) ? args.number(2) : 0.0));
}

// The values searched for: a tensor, or a Python number compared in the boundaries' result type.
Value search(const Tensor& sorted, const Value& values, bool out_int32, bool right, const Args& args, size_t values_at) {
  if (values.is_tensor()) return Value(searchsorted(sorted, values.as_tensor(), out_int32, right));
  const Scalar s = args.scalar(values_at);
  if (sorted.dim() != 1) raise_not_supported("torch.searchsorted of a number in boundaries of more than one dimension");
  const DType as = result_type(sorted, s);
  return Value(searchsorted(sorted, scalar_tensor(s, as, sorted.device()), out_int32, right, as));
}

// searchsorted(sorted_sequence, input, *, out_int32=False, right=False, side=None, sorter=None)
Value t_searchsorted(Interp&, CallArgs& a) {
  Args args("searchsorted", a, {"sorted_sequence", "input", "out_int32", "right", "side", "sorter"}, 2, ArgStyle::Torch, 2);
  bool right = args.boolean(3, false);
  if (args.has(4)) {
    const std::string* side = as_str(*args.get(4));
    if (!side) args.type_mismatch(4, "str");
    if (*side != "left" && *side != "right")
      runtime_error("torch.searchsorted(): side can only be 'left' or 'right' but got " + *side);
    if (args.has(3) && right != (*side == "right"))
      runtime_error("torch.searchsorted(): side and right can't be set to opposites, got side of " + *side + " while right was " +
                    (right ? "True" : "False"));
    right = *side == "right";
  }
  if (args.has(5)) raise_not_supported("torch.searchsorted(sorter=...)");
  return search(args.tensor(0), *args.get(1), args.boolean(2, false), right, args, 1);
}

// bucketize(input, boundaries, *, out_int32=False, right=False)
Value t_bucketize(Interp&, CallArgs& a) {
  Args args("bucketize", a, {"input", "boundaries", "out_int32", "right"}, 2, ArgStyle::Torch, 2);
  const Tensor boundaries = args.tensor(1);
  if (boundaries.dim() != 1)
    runtime_error("boundaries tensor must be 1 dimension, but got dim(" + std::to_string(boundaries.dim()) + ")");
  return search(boundaries, *args.get(0), args.boolean(2, false), args.boolean(3, false), args, 0);
}

}  // namespace

// Note [One binding row per op]
const Bindings& counting_bindings() {
  static const Bindings rows = {
      {"bincount", kMethod | kTorch, m_bincount},
      {"histc", kMethod | kTorch, m_histc},
      {"searchsorted", kTorch, nullptr, t_searchsorted},
      {"bucketize", kTorch, nullptr, t_bucketize},
  };
  return rows;
}

}  // namespace gradlab::script
