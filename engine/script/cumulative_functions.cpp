// x.cumsum(dim, dtype=None) / torch.cumsum(input, dim, *, dtype=None), and cumprod (ops/cumulative.h).
#include "engine/ops/cumulative.h"
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
}  // namespace

// Note [One binding row per op]
const Bindings& cumulative_bindings() {
  static const Bindings rows = {
      {"cumsum", kMethod | kTorch, m_cumsum}, {"cumprod", kMethod | kTorch, m_cumprod},
  };
  return rows;
}

}  // namespace gradlab::script
