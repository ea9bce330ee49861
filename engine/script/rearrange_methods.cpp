// Scripts' forms of the rearranging and matrix-structure ops (ops/rearrange.h): x.flip(dims),
// torch.roll(x, shifts, dims=None), x.repeat(*sizes), torch.tile, x.repeat_interleave,
// tril/triu (and their in-place forms), diag, diagonal, trace, bmm, outer (and its alias ger), logsumexp,
// amax and amin.
#include "engine/ops/rearrange.h"
#include "engine/script/bindings.h"
#include "engine/script/errors.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

const Tensor& T(const Value& self) { return self.as_tensor(); }

// An int or a sequence of ints (roll's shifts and dims, logsumexp's dim).
std::vector<int64_t> ints_of(const Value& v, const char* fname) {
  if (v.is_intlike()) return {v.as_int()};
  return to_int_list(v, fname);
}

Value m_flip(Interp&, const Value& self, CallArgs& a) { return Value(flip(T(self), shape_from_call(a, "flip", "dims"))); }
Value m_fliplr(Interp&, const Value& self, CallArgs& a) {
  Args args("fliplr", a, {}, 0);
  return Value(fliplr(T(self)));
}
Value m_flipud(Interp&, const Value& self, CallArgs& a) {
  Args args("flipud", a, {}, 0);
  return Value(flipud(T(self)));
}

Value m_roll(Interp&, const Value& self, CallArgs& a) {
  Args args("roll", a, {"shifts", "dims"}, 1);
  std::vector<int64_t> dims;
  if (args.has(1)) dims = ints_of(*args.get(1), "roll");
  return Value(roll(T(self), ints_of(*args.get(0), "roll"), dims));
}

Value m_repeat(Interp&, const Value& self, CallArgs& a) { return Value(repeat(T(self), shape_from_call(a, "repeat", "repeats"))); }
Value m_tile(Interp&, const Value& self, CallArgs& a) { return Value(tile(T(self), shape_from_call(a, "tile", "dims"))); }

Value m_repeat_interleave(Interp&, const Value& self, CallArgs& a) {
  Args args("repeat_interleave", a, {"repeats", "dim", "output_size"}, 1);
  const Value& r = *args.get(0);
  int64_t repeats;
  if (r.is_tensor()) {
    if (r.as_tensor().numel() != 1) raise_not_supported("repeat_interleave with a tensor of repeats");
    repeats = static_cast<int64_t>(r.as_tensor().item().value);
  } else {
    repeats = args.int_(0);
  }
  std::optional<int64_t> dim;
  if (args.has(1)) dim = args.int_(1);
  return Value(repeat_interleave(T(self), repeats, dim));
}

template <Tensor (*Op)(const Tensor&, int64_t)>
Value triangle(const Value& self, CallArgs& a, const char* name) {
  Args args(name, a, {"diagonal"}, 0);
  return Value(Op(T(self), args.int_or(0, 0)));
}
Value m_tril(Interp&, const Value& self, CallArgs& a) { return triangle<tril>(self, a, "tril"); }
Value m_triu(Interp&, const Value& self, CallArgs& a) { return triangle<triu>(self, a, "triu"); }

template <Tensor& (*Op)(Tensor&, int64_t)>
Value triangle_(const Value& self, CallArgs& a, const char* name) {
  Args args(name, a, {"diagonal"}, 0);
  Tensor t = T(self);
  Op(t, args.int_or(0, 0));
  return self;
}
Value m_tril_(Interp&, const Value& self, CallArgs& a) { return triangle_<tril_>(self, a, "tril_"); }
Value m_triu_(Interp&, const Value& self, CallArgs& a) { return triangle_<triu_>(self, a, "triu_"); }

Value m_diag(Interp&, const Value& self, CallArgs& a) { return triangle<diag>(self, a, "diag"); }
Value m_trace(Interp&, const Value& self, CallArgs& a) {
  Args args("trace", a, {}, 0);
  return Value(trace(T(self)));
}

Value m_bmm(Interp&, const Value& self, CallArgs& a) {
  Args args("bmm", a, {"mat2"}, 1);
  return Value(bmm(T(self), args.tensor(0)));
}
Value m_outer(Interp&, const Value& self, CallArgs& a) {
  Args args("outer", a, {"vec2"}, 1);
  return Value(outer(T(self), args.tensor(0)));
}
Value m_ger(Interp&, const Value& self, CallArgs& a) {
  Args args("ger", a, {"vec2"}, 1);
  return Value(outer(T(self), args.tensor(0)));
}

// amax / amin(dim=(), keepdim=False): dim an int or a sequence of ints, none for all.
Value call_amax_amin(const Value& self, CallArgs& a, const char* name, bool is_min) {
  Args args(name, a, {"dim", "keepdim"}, 0);
  const std::vector<int64_t> dims = args.has(0) ? ints_of(*args.get(0), name) : std::vector<int64_t>{};
  const bool keepdim = args.boolean(1, false);
  return Value(is_min ? amin(T(self), dims, keepdim) : amax(T(self), dims, keepdim));
}
Value m_amax(Interp&, const Value& self, CallArgs& a) { return call_amax_amin(self, a, "amax", false); }
Value m_amin(Interp&, const Value& self, CallArgs& a) { return call_amax_amin(self, a, "amin", true); }

Value m_logsumexp(Interp&, const Value& self, CallArgs& a) {
  Args args("logsumexp", a, {"dim", "keepdim"}, 1);
  return Value(logsumexp(T(self), ints_of(*args.get(0), "logsumexp"), args.boolean(1, false)));
}

// diagonal(offset=0, dim1=0, dim2=1)
Value m_diagonal(Interp&, const Value& self, CallArgs& a) {
  Args args("diagonal", a, {"offset", "dim1", "dim2"}, 0);
  return Value(diagonal(T(self), args.int_or(0, 0), args.int_or(1, 0), args.int_or(2, 1)));
}

}  // namespace

// Note [One binding row per op]
const Bindings& rearrange_bindings() {
  constexpr unsigned MT = kMethod | kTorch;
  static const Bindings rows = {
      {"flip", MT, m_flip}, {"fliplr", MT, m_fliplr}, {"flipud", MT, m_flipud}, {"roll", MT, m_roll},
      {"repeat", kMethod, m_repeat}, {"tile", MT, m_tile}, {"repeat_interleave", MT, m_repeat_interleave},
      {"tril", MT, m_tril}, {"triu", MT, m_triu}, {"tril_", kMethod, m_tril_}, {"triu_", kMethod, m_triu_},
      {"diag", MT, m_diag}, {"trace", MT, m_trace}, {"bmm", MT, m_bmm}, {"outer", MT, m_outer}, {"ger", MT, m_ger},
      {"logsumexp", MT, m_logsumexp}, {"amax", MT, m_amax}, {"amin", MT, m_amin}, {"diagonal", MT, m_diagonal},
  };
  return rows;
}

}  // namespace gradlab::script
