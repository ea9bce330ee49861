// Scripts' forms of lerp (a number or a tensor weight) and lerp_, clamp_min / clamp_max, dist
// and cross, fmod (ops/pointwise.h), xlogy, nan_to_num and heaviside (ops/special.cpp).
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

// xlogy(other): a tensor or a number other; torch.xlogy also takes a number first.
Value m_xlogy(Interp&, const Value& self, CallArgs& a) {
  Args args("xlogy", a, {"other"}, 1);
  if (args.get(0)->is_tensor()) return Value(xlogy(T(self), args.tensor(0)));
  return Value(xlogy(T(self), args.scalar(0)));
}
Value m_xlogy_(Interp&, const Value& self, CallArgs& a) {
  Args args("xlogy_", a, {"other"}, 1);
  Tensor t = T(self);
  if (args.get(0)->is_tensor()) xlogy_(t, args.tensor(0));
  else xlogy_(t, args.scalar(0));
  return self;
}
Value t_xlogy(Interp&, CallArgs& a) {
  Args args("xlogy", a, {"input", "other"}, 2);
  const Value& x = *args.get(0);
  const Value& y = *args.get(1);
  if (x.is_tensor()) {
    if (y.is_tensor()) return Value(xlogy(x.as_tensor(), y.as_tensor()));
    if (!is_scalar_like(y)) args.type_mismatch(1, "Tensor");
    return Value(xlogy(x.as_tensor(), to_scalar(y)));
  }
  if (!is_scalar_like(x)) args.type_mismatch(0, "Tensor");
  if (!y.is_tensor()) args.type_mismatch(1, "Tensor");
  return Value(xlogy(to_scalar(x), y.as_tensor()));
}

Value m_heaviside(Interp&, const Value& self, CallArgs& a) {
  Args args("heaviside", a, {"values"}, 1);
  return Value(heaviside(T(self), args.tensor(0)));
}
Value m_heaviside_(Interp&, const Value& self, CallArgs& a) {
  Args args("heaviside_", a, {"values"}, 1);
  Tensor t = T(self);
  heaviside_(t, args.tensor(0));
  return self;
}

// nan_to_num(nan=0.0, posinf=None, neginf=None); None keeps a replacement's default.
std::optional<double> replacement(const Args& args, size_t i) {
  if (!args.has(i)) return std::nullopt;
  return args.number(i);
}
Value m_nan_to_num(Interp&, const Value& self, CallArgs& a) {
  Args args("nan_to_num", a, {"nan", "posinf", "neginf"}, 0);
  return Value(nan_to_num(T(self), replacement(args, 0), replacement(args, 1), replacement(args, 2)));
}
Value m_nan_to_num_(Interp&, const Value& self, CallArgs& a) {
  Args args("nan_to_num_", a, {"nan", "posinf", "neginf"}, 0);
  Tensor t = T(self);
  nan_to_num_(t, replacement(args, 0), replacement(args, 1), replacement(args, 2));
  return self;
}

}  // namespace

// Note [One binding row per op]
const Bindings& pointwise_bindings() {
  constexpr unsigned MT = kMethod | kTorch;
  static const Bindings rows = {
      {"lerp", MT, m_lerp}, {"lerp_", kMethod, m_lerp_}, {"clamp_min", MT, m_clamp_min}, {"clamp_max", MT, m_clamp_max},
      {"dist", MT, m_dist}, {"cross", MT, m_cross}, {"fmod", MT, m_fmod},
      {"xlogy", kMethod, m_xlogy}, {"xlogy", kTorch, nullptr, t_xlogy}, {"xlogy_", kMethod, m_xlogy_},
      {"nan_to_num", MT, m_nan_to_num}, {"nan_to_num_", kMethod, m_nan_to_num_},
      {"heaviside", MT, m_heaviside}, {"heaviside_", kMethod, m_heaviside_},
  };
  return rows;
}

}  // namespace gradlab::script
