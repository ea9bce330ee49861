// Reductions beyond sum/mean/max/min as scripts call them: x.cumsum(dim, dtype=None),
// torch.cumprod (ops/cumulative.h), x.std(dim, unbiased, keepdim, *, correction), torch.var
// (ops/variance.h), x.prod(dim, keepdim, *, dtype) (ops/product.h), x.amax / x.amin(dim, keepdim).
#include "engine/ops/cumulative.h"
#include "engine/ops/product.h"
#include "engine/ops/variance.h"
#include "engine/script/bindings.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {
template <Tensor (*Op)(const Tensor&, int64_t, std::optional<DType>)>
Value cumulative(const Value& self, CallArgs& a, const char* name) {
  Args args(name, a, {"dim", "dtype"}, 1);
  return Value(Op(self.as_tensor(), args.int_(0), args.dtype(1)));
}
Value m_cumsum(Interp&, const Value& self, CallArgs& a) { return cumulative<cumsum>(self, a, "cumsum"); }
Value m_cumprod(Interp&, const Value& self, CallArgs& a) { return cumulative<cumprod>(self, a, "cumprod"); }

// std / var: (dim=None, unbiased=True, keepdim=False, *, correction=None); a lone bool is `unbiased`.
template <Tensor (*Op)(const Tensor&, std::optional<std::vector<int64_t>>, int64_t, bool)>
Value moment(const Value& self, CallArgs& a, const char* name) {
  Args args(name, a, {"dim", "unbiased", "keepdim", "correction"}, 0);
  std::optional<std::vector<int64_t>> dims;
  bool unbiased = args.boolean(1, true);
  if (args.has(0)) {
    const Value& d = *args.get(0);
    if (d.is_bool()) unbiased = d.as_bool();  // x.std(False)
    else if (d.is_intlike()) dims = std::vector<int64_t>{d.as_int()};
    else dims = to_int_list(d, name);
  }
  if (args.has(3) && args.has(1)) raise_type_error(std::string(name) + "(): cannot give both 'unbiased' and 'correction'");
  const int64_t correction = args.has(3) ? args.int_(3) : unbiased ? 1 : 0;
  return Value(Op(self.as_tensor(), dims, correction, args.boolean(2, false)));
}
// prod(*, dtype=None) / prod(dim, keepdim=False, *, dtype=None)
Value m_prod(Interp&, const Value& self, CallArgs& a) {
  Args args("prod", a, {"dim", "keepdim", "dtype"}, 0);
  if (!args.has(0)) return Value(prod(self.as_tensor(), args.dtype(2)));
  return Value(prod(self.as_tensor(), args.int_(0), args.boolean(1, false), args.dtype(2)));
}
Value m_std(Interp&, const Value& self, CallArgs& a) { return moment<std_dev>(self, a, "std"); }
Value m_var(Interp&, const Value& self, CallArgs& a) { return moment<variance>(self, a, "var"); }
}  // namespace

// Note [One binding row per op]
const Bindings& reduce_bindings() {
  constexpr unsigned MT = kMethod | kTorch;
  static const Bindings rows = {
      {"cumsum", MT, m_cumsum}, {"cumprod", MT, m_cumprod}, {"std", MT, m_std}, {"var", MT, m_var}, {"prod", MT, m_prod},
  };
  return rows;
}

}  // namespace gradlab::script
