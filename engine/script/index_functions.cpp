// The ops of ops/index.h and ops/sort.h as scripts call them: x.argmax(), torch.gather(x, 1, idx),
// x.scatter_(...), F.one_hot(y), x.sort(), torch.topk(x, k), x.median(), torch.unique(x), x.take(i).
// (Subscripts with index tensors, `x[idx]`, go through subscript.cpp.)
#include "engine/ops/index.h"
#include "engine/ops/select.h"
#include "engine/ops/sort.h"
#include "engine/script/bindings.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {
template <Tensor (*Op)(const Tensor&, std::optional<int64_t>, bool)>
Value arg_extremum(const Value& self, CallArgs& a, const char* name) {
  Args args(name, a, {"dim", "keepdim"}, 0);
  std::optional<int64_t> dim;
  if (args.has(0)) dim = args.int_(0);
  return Value(Op(self.as_tensor(), dim, args.boolean(1, false)));
}

Value m_argmax(Interp&, const Value& self, CallArgs& a) { return arg_extremum<argmax>(self, a, "argmax"); }
Value m_argmin(Interp&, const Value& self, CallArgs& a) { return arg_extremum<argmin>(self, a, "argmin"); }

Value m_index_select(Interp&, const Value& self, CallArgs& a) {
  Args args("index_select", a, {"dim", "index"}, 2);
  return Value(index_select(self.as_tensor(), args.int_(0), args.tensor(1)));
}

Value m_gather(Interp&, const Value& self, CallArgs& a) {
  Args args("gather", a, {"dim", "index", "sparse_grad"}, 2);
  if (args.boolean(2, false)) raise_not_supported("gather(sparse_grad=True)");
  return Value(gather(self.as_tensor(), args.int_(0), args.tensor(1)));
}

// scatter(dim, index, src) or scatter(dim, index, value), in place or not; scatter_add(dim, index, src).
template <bool InPlace>
Value scatter_call(const Value& self, CallArgs& a, const char* name) {
  Args args(name, a, {"dim", "index", "src", "value", "reduce"}, 2);
  if (args.has(4)) raise_not_supported(std::string(name) + "(reduce=...)");
  const int64_t dim = args.int_(0);
  const Tensor index = args.tensor(1);
  Tensor self_t = self.as_tensor();
  const Value* src = args.has(2) ? args.get(2) : args.get(3);
  if (!src || src->is_none()) raise_type_error(std::string(name) + "() missing required argument 'src' or 'value'");
  if (src->is_tensor()) {
    if constexpr (InPlace) return Value(scatter_(self_t, dim, index, src->as_tensor()));
    else return Value(scatter(self_t, dim, index, src->as_tensor()));
  }
  const Scalar value = to_scalar(*src);
  if constexpr (InPlace) return Value(scatter_(self_t, dim, index, value));
  else return Value(scatter(self_t, dim, index, value));
}
Value m_scatter(Interp&, const Value& self, CallArgs& a) { return scatter_call<false>(self, a, "scatter"); }
Value m_scatter_(Interp&, const Value& self, CallArgs& a) { return scatter_call<true>(self, a, "scatter_"); }

template <bool InPlace>
Value scatter_add_call(const Value& self, CallArgs& a, const char* name) {
  Args args(name, a, {"dim", "index", "src"}, 3);
  Tensor self_t = self.as_tensor();
  if constexpr (InPlace) return Value(scatter_add_(self_t, args.int_(0), args.tensor(1), args.tensor(2)));
  else return Value(scatter_add(self_t, args.int_(0), args.tensor(1), args.tensor(2)));
}
Value m_scatter_add(Interp&, const Value& self, CallArgs& a) { return scatter_add_call<false>(self, a, "scatter_add"); }
Value m_scatter_add_(Interp&, const Value& self, CallArgs& a) { return scatter_add_call<true>(self, a, "scatter_add_"); }

// sort(dim=-1, descending=False, *, stable=False); argsort: its indices; topk(k, dim=-1, largest=True, sorted=True).
Value m_sort(Interp&, const Value& self, CallArgs& a) {
  Args args("sort", a, {"dim", "descending", "stable"}, 0);
  auto [values, indices] = sort(self.as_tensor(), args.int_or(0, -1), args.boolean(1, false), args.boolean(2, false));
  return make_return_types("sort", std::move(values), std::move(indices));
}
Value m_argsort(Interp&, const Value& self, CallArgs& a) {
  Args args("argsort", a, {"dim", "descending", "stable"}, 0);
  return Value(sort(self.as_tensor(), args.int_or(0, -1), args.boolean(1, false), args.boolean(2, false)).second);
}
Value m_topk(Interp&, const Value& self, CallArgs& a) {
  Args args("topk", a, {"k", "dim", "largest", "sorted"}, 1);
  auto [values, indices] = topk(self.as_tensor(), args.int_(0), args.int_or(1, -1), args.boolean(2, true), args.boolean(3, true));
  return make_return_types("topk", std::move(values), std::move(indices));
}

// median(dim=None, keepdim=False), nanmedian: all elements without a dim; kthvalue(k, dim=-1,
// keepdim=False); mode(dim=-1, keepdim=False).
template <Tensor (*All)(const Tensor&), std::pair<Tensor, Tensor> (*AlongDim)(const Tensor&, int64_t, bool)>
Value median_call(const Value& self, CallArgs& a, const char* name) {
  Args args(name, a, {"dim", "keepdim"}, 0);
  if (!args.has(0)) return Value(All(self.as_tensor()));
  auto [values, indices] = AlongDim(self.as_tensor(), args.int_(0), args.boolean(1, false));
  return make_return_types(name, std::move(values), std::move(indices));
}
Value m_median(Interp&, const Value& self, CallArgs& a) { return median_call<median, median>(self, a, "median"); }
Value m_nanmedian(Interp&, const Value& self, CallArgs& a) { return median_call<nanmedian, nanmedian>(self, a, "nanmedian"); }
Value m_kthvalue(Interp&, const Value& self, CallArgs& a) {
  Args args("kthvalue", a, {"k", "dim", "keepdim"}, 1);
  auto [values, indices] = kthvalue(self.as_tensor(), args.int_(0), args.int_or(1, -1), args.boolean(2, false));
  return make_return_types("kthvalue", std::move(values), std::move(indices));
}
Value m_mode(Interp&, const Value& self, CallArgs& a) {
  Args args("mode", a, {"dim", "keepdim"}, 0);
  auto [values, indices] = mode(self.as_tensor(), args.int_or(0, -1), args.boolean(1, false));
  return make_return_types("mode", std::move(values), std::move(indices));
}

Value m_take(Interp&, const Value& self, CallArgs& a) {
  Args args("take", a, {"index"}, 1);
  return Value(take(self.as_tensor(), args.tensor(0)));
}

// index_add(dim, index, source, *, alpha=1) and index_add_.
template <bool InPlace>
Value index_add_call(const Value& self, CallArgs& a, const char* name) {
  Args args(name, a, {"dim", "index", "source", "alpha"}, 3, ArgStyle::Torch, 3);
  const Scalar alpha = args.has(3) ? args.scalar(3) : Scalar(1);
  Tensor self_t = self.as_tensor();
  if constexpr (InPlace) return Value(index_add_(self_t, args.int_(0), args.tensor(1), args.tensor(2), alpha));
  else return Value(index_add(self_t, args.int_(0), args.tensor(1), args.tensor(2), alpha));
}
Value m_index_add(Interp&, const Value& self, CallArgs& a) { return index_add_call<false>(self, a, "index_add"); }
Value m_index_add_(Interp&, const Value& self, CallArgs& a) { return index_add_call<true>(self, a, "index_add_"); }

// unique(sorted=True, return_inverse=False, return_counts=False, dim=None) and
// unique_consecutive(return_inverse=False, return_counts=False, dim=None): the values alone, or a
// tuple with the inverse and/or the counts.
Value unique_value(UniqueResult r, bool return_inverse, bool return_counts) {
  if (!return_inverse && !return_counts) return Value(std::move(r.values));
  std::vector<Value> items{Value(std::move(r.values))};
  if (return_inverse) items.push_back(Value(std::move(r.inverse)));
  if (return_counts) items.push_back(Value(std::move(r.counts)));
  return make_tuple(std::move(items));
}
Value m_unique(Interp&, const Value& self, CallArgs& a) {
  Args args("unique", a, {"sorted", "return_inverse", "return_counts", "dim"}, 0);
  const bool inverse = args.boolean(1, false), counts = args.boolean(2, false);
  if (args.has(3)) return unique_value(unique_dim(self.as_tensor(), args.int_(3), false, inverse, counts), inverse, counts);
  return unique_value(unique(self.as_tensor(), args.boolean(0, true), inverse, counts), inverse, counts);
}
Value m_unique_consecutive(Interp&, const Value& self, CallArgs& a) {
  Args args("unique_consecutive", a, {"return_inverse", "return_counts", "dim"}, 0);
  const bool inverse = args.boolean(0, false), counts = args.boolean(1, false);
  if (args.has(2)) return unique_value(unique_dim(self.as_tensor(), args.int_(2), true, inverse, counts), inverse, counts);
  return unique_value(unique_consecutive(self.as_tensor(), inverse, counts), inverse, counts);
}

Value f_one_hot(Interp&, CallArgs& a) {
  Args args("one_hot", a, {"tensor", "num_classes"}, 1);
  return Value(one_hot(args.tensor(0), args.int_or(1, -1)));
}
}  // namespace

// Note [One binding row per op]
const Bindings& index_bindings() {
  constexpr unsigned MT = kMethod | kTorch;
  static const Bindings rows = {
      {"argmax", MT, m_argmax}, {"argmin", MT, m_argmin}, {"index_select", MT, m_index_select}, {"gather", MT, m_gather},
      {"scatter", MT, m_scatter}, {"scatter_", kMethod, m_scatter_}, {"scatter_add", MT, m_scatter_add},
      {"scatter_add_", kMethod, m_scatter_add_}, {"one_hot", kFunctional, nullptr, f_one_hot},
      {"sort", MT, m_sort}, {"argsort", MT, m_argsort}, {"topk", MT, m_topk},
      {"median", MT, m_median}, {"nanmedian", MT, m_nanmedian}, {"kthvalue", MT, m_kthvalue}, {"mode", MT, m_mode},
      {"take", MT, m_take}, {"index_add", MT, m_index_add}, {"index_add_", kMethod, m_index_add_},
      {"unique", MT, m_unique}, {"unique_consecutive", MT, m_unique_consecutive},
  };
  return rows;
}

}  // namespace gradlab::script
