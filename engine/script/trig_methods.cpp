// Scripts' forms of the trigonometric ops and erfc (ops/trig.cpp): x.asin(), torch.asin(x), the
// in-place x.asin_(), and NumPy's arc- names (arcsin, arccos, arctan, arctan2) for each.
#include "engine/script/bindings.h"
#include "engine/script/errors.h"
#include "engine/script/runtime.h"
#include "engine/tensor.h"

namespace gradlab::script {

namespace {

const Tensor& T(const Value& self) { return self.as_tensor(); }

#define GRADLAB_TRIG_UNARY(name)                                   \
  Value m_##name(Interp&, const Value& self, CallArgs& a) {         \
    Args args(#name, a, {}, 0);                                     \
    return Value(name(T(self)));                                    \
  }                                                                 \
  Value m_##name##_(Interp&, const Value& self, CallArgs& a) {      \
    Args args(#name "_", a, {}, 0);                                 \
    Tensor t = T(self);                                             \
    name##_(t);                                                     \
    return self;                                                    \
  }
GRADLAB_TRIG_UNARY(tan)
GRADLAB_TRIG_UNARY(asin)
GRADLAB_TRIG_UNARY(acos)
GRADLAB_TRIG_UNARY(atan)
GRADLAB_TRIG_UNARY(erfc)
#undef GRADLAB_TRIG_UNARY

// other must be a tensor (atan2(t, 2.0) is a TypeError in PyTorch too).
#define GRADLAB_TRIG_BINARY(name)                                  \
  Value m_##name(Interp&, const Value& self, CallArgs& a) {         \
    Args args(#name, a, {"other"}, 1);                              \
    return Value(name(T(self), args.tensor(0)));                    \
  }                                                                 \
  Value m_##name##_(Interp&, const Value& self, CallArgs& a) {      \
    Args args(#name "_", a, {"other"}, 1);                          \
    Tensor t = T(self);                                             \
    name##_(t, args.tensor(0));                                     \
    return self;                                                    \
  }
GRADLAB_TRIG_BINARY(atan2)
GRADLAB_TRIG_BINARY(hypot)
#undef GRADLAB_TRIG_BINARY

}  // namespace

// Note [One binding row per op]
const Bindings& trig_bindings() {
  constexpr unsigned M = kMethod, MT = kMethod | kTorch;
  static const Bindings rows = {
      {"tan", MT, m_tan}, {"tan_", MT, m_tan_}, {"asin", MT, m_asin}, {"asin_", MT, m_asin_},
      {"arcsin", MT, m_asin}, {"arcsin_", MT, m_asin_}, {"acos", MT, m_acos}, {"acos_", MT, m_acos_},
      {"arccos", MT, m_acos}, {"arccos_", MT, m_acos_}, {"atan", MT, m_atan}, {"atan_", MT, m_atan_},
      {"arctan", MT, m_atan}, {"arctan_", MT, m_atan_}, {"erfc", MT, m_erfc}, {"erfc_", MT, m_erfc_},
      {"atan2", MT, m_atan2}, {"atan2_", M, m_atan2_}, {"arctan2", MT, m_atan2}, {"arctan2_", M, m_atan2_},
      {"hypot", MT, m_hypot}, {"hypot_", M, m_hypot_},
  };
  return rows;
}

}  // namespace gradlab::script
