// Scripts' forms of lerp (a number or a tensor weight) and lerp_, clamp_min / clamp_max, dist
// and cross, fmod (ops/pointwise.h).
#include "engine/ops/pointwise.h"
#include "engine/script/bindings.h"
#include "engine/script/errors.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

const Tensor& T(const Value& self) { return self.as_tensor(); }

// lerp(end, weight): a tensor weight takes the LerpBackward1 form.
Value m_lerp(Interp&, const Value& self, CallArgs& a) {
  Args args("lerp", a, {"end", "weight"}, 2);
  if (args.get(1)->is_tensor()) return Value(lerp(T(self), args.tensor(0), args.tensor(1)));
  return Value(lerp(T(self), args.tensor(0), args.scalar(1)));
}
Value m_lerp_(Interp&, const Value& self, CallArgs& a) {
  Args args("lerp_", a, {"end", "weight"}, 2);
  if (args.get(1)->is_tensor()) raise_not_supported("lerp_ with a tensor weight");
  Tensor t = T(self);
  lerp_(t, args.tensor(0), args.scalar(1));
  return self;
}

Value m_clamp_min(Interp&, const Value& self, CallArgs& a) {
  Args args("clamp_min", a, {"min"}, 1);
  if (args.get(0)->is_tensor()) raise_not_supported("clamp_min with a tensor bound");
  return Value(clamp_min(T(self), args.scalar(0)));
}
Value m_clamp_max(Interp&, const Value& self, CallArgs& a) {
  Args args("clamp_max", a, {"max"}, 1);
  if (args.get(0)->is_tensor()) raise_not_supported("clamp_max with a tensor bound");
  return Value(clamp_max(T(self), args.scalar(0)));
}

Value m_dist(Interp&, const Value& self, CallArgs& a) {
  Args args("dist", a, {"other", "p"}, 1);
  return Value(dist(T(self), args.tensor(0), args.has(1) ? args.number(1) : 2.0));
}

Value m_cross(Interp&, const Value& self, CallArgs& a) {
  Args args("cross", a, {"other", "dim"}, 1);
  std::optional<int64_t> dim;
  if (args.has(1)) dim = args.int_(1);
  return Value(cross(T(self), args.tensor(0), dim));
}

// fmod(other): a tensor or a number divisor.
Value m_fmod(Interp&, const Value& self, CallArgs& a) {
  Args args("fmod", a, {"other"}, 1);
  if (args.get(0)->is_tensor()) return Value(fmod(T(self), args.tensor(0)));
  return Value(fmod(T(self), args.scalar(0)));
}

}  // namespace

// Note [One binding row per op]
const Bindings& pointwise_bindings() {
  constexpr unsigned MT = kMethod | kTorch;
  static const Bindings rows = {
      {"lerp", MT, m_lerp}, {"lerp_", kMethod, m_lerp_}, {"clamp_min", MT, m_clamp_min}, {"clamp_max", MT, m_clamp_max},
      {"dist", MT, m_dist}, {"cross", MT, m_cross}, {"fmod", MT, m_fmod},
  };
  return rows;
}

}  // namespace gradlab::script
