// Script bindings of comparisons, logical/bitwise ops and masks (engine/ops/compare.h): the
// Tensor methods (x.eq(y), x.masked_fill(m, v), x.nonzero()) and the torch.* functions
// (torch.where, torch.isclose, ...). Methods double as torch.X(x, ...) like tensor_methods.cpp.
#include <unordered_map>

#include "engine/ops/compare.h"
#include "engine/script/bindings.h"
#include "engine/script/runtime.h"
#include "engine/tensor.h"

namespace gradlab::script {

namespace {

const Tensor& T(const Value& self) { return self.as_tensor(); }

Value bool_tensor_tuple(const std::vector<Tensor>& ts) {
  std::vector<Value> items;
  for (const Tensor& t : ts) items.emplace_back(t);
  return make_tuple(std::move(items));
}

// x OP other, other a tensor or a Python number.
Value compare_with(CompareOp op, const Value& self, const Value& other) {
  if (other.is_tensor()) return Value(compare(op, T(self), other.as_tensor()));
  return Value(compare(op, T(self), to_scalar(other)));
}

template <CompareOp Op>
Value m_compare(Interp&, const Value& self, CallArgs& a) {
  static const char* const names[] = {"eq", "ne", "lt", "le", "gt", "ge"};
  Args args(names[static_cast<int>(Op)], a, {"other"}, 1);
  return compare_with(Op, self, *args.get(0));
}

// A tensor argument, or a Python number as a 0-d tensor on `like`'s device, of the dtype that
// promotes as PyTorch's wrapped numbers do (Note [Type promotion]).
Tensor tensor_or_number(const Value& v, const Tensor& like) {
  if (v.is_tensor()) return v.as_tensor();
  Scalar s = to_scalar(v);
  return scalar_tensor(s, result_type(like, s), like.device());
}

Value m_logical_not(Interp&, const Value& self, CallArgs& a) {
  Args args("logical_not", a, {}, 0);
  return Value(logical_not(T(self)));
}
template <int K>
Value m_logical(Interp&, const Value& self, CallArgs& a) {
  static const char* const names[] = {"logical_and", "logical_or", "logical_xor"};
  Args args(names[K], a, {"other"}, 1);
  Tensor o = args.tensor(0);
  if (K == 0) return Value(logical_and(T(self), o));
  if (K == 1) return Value(logical_or(T(self), o));
  return Value(logical_xor(T(self), o));
}

Value m_bitwise_not(Interp&, const Value& self, CallArgs& a) {
  Args args("bitwise_not", a, {}, 0);
  return Value(bitwise_not(T(self)));
}
template <BitwiseOp Op>
Value m_bitwise(Interp&, const Value& self, CallArgs& a) {
  static const char* const names[] = {"bitwise_and", "bitwise_or", "bitwise_xor"};
  Args args(names[static_cast<int>(Op)], a, {"other"}, 1);
  const Value& o = *args.get(0);
  if (o.is_tensor()) return Value(bitwise(Op, T(self), o.as_tensor()));
  return Value(bitwise(Op, T(self), to_scalar(o)));
}

template <int K>
Value m_test(Interp&, const Value& self, CallArgs& a) {
  static const char* const names[] = {"isnan", "isinf", "isfinite"};
  Args args(names[K], a, {}, 0);
  if (K == 0) return Value(isnan(T(self)));
  if (K == 1) return Value(isinf(T(self)));
  return Value(isfinite(T(self)));
}

Value m_isclose(Interp&, const Value& self, CallArgs& a) {
  Args args("isclose", a, {"other", "rtol", "atol", "equal_nan"}, 1);
  return Value(isclose(T(self), args.tensor(0), args.has(1) ? args.number(1) : 1e-05, args.has(2) ? args.number(2) : 1e-08,
                       args.boolean(3, false)));
}
Value m_allclose(Interp&, const Value& self, CallArgs& a) {
  Args args("allclose", a, {"other", "rtol", "atol", "equal_nan"}, 1);
  return Value(allclose(T(self), args.tensor(0), args.has(1) ? args.number(1) : 1e-05, args.has(2) ? args.number(2) : 1e-08,
                        args.boolean(3, false)));
}
Value m_equal(Interp&, const Value& self, CallArgs& a) {
  Args args("equal", a, {"other"}, 1);
  return Value(equal(T(self), args.tensor(0)));
}

template <bool All>
Value m_any_all(Interp&, const Value& self, CallArgs& a) {
  Args args(All ? "all" : "any", a, {"dim", "keepdim"}, 0);
  if (!args.has(0)) return Value(All ? all(T(self)) : any(T(self)));
  int64_t d = args.int_(0);
  bool keep = args.boolean(1, false);
  return Value(All ? all(T(self), d, keep) : any(T(self), d, keep));
}

Value m_count_nonzero(Interp&, const Value& self, CallArgs& a) {
  Args args("count_nonzero", a, {"dim"}, 0);
  if (!args.has(0)) return Value(count_nonzero(T(self)));
  return Value(count_nonzero(T(self), args.int_(0)));
}

// x.where(condition, y) == torch.where(condition, x, y)
Value m_where(Interp&, const Value& self, CallArgs& a) {
  Args args("where", a, {"condition", "other"}, 2);
  return Value(where(args.tensor(0), T(self), args.tensor(1)));  // 1.13 takes no number here
}

Value masked_fill_value(const Value& self, CallArgs& a, bool in_place) {
  Args args(in_place ? "masked_fill_" : "masked_fill", a, {"mask", "value"}, 2);
  Tensor mask = args.tensor(0);
  const Value& v = *args.get(1);
  if (in_place) {
    Tensor t = T(self);
    if (v.is_tensor()) {
      if (v.as_tensor().dim() != 0)
        runtime_error("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with " +
                      std::to_string(v.as_tensor().dim()) + " dimension(s).");
      masked_fill_(t, mask, v.as_tensor().item());
    } else {
      masked_fill_(t, mask, to_scalar(v));
    }
    return self;
  }
  if (v.is_tensor()) return Value(masked_fill(T(self), mask, v.as_tensor()));
  return Value(masked_fill(T(self), mask, to_scalar(v)));
}
Value m_masked_fill(Interp&, const Value& self, CallArgs& a) { return masked_fill_value(self, a, false); }
Value m_masked_fill_(Interp&, const Value& self, CallArgs& a) { return masked_fill_value(self, a, true); }

Value m_masked_select(Interp&, const Value& self, CallArgs& a) {
  Args args("masked_select", a, {"mask"}, 1);
  return Value(masked_select(T(self), args.tensor(0)));
}

Value m_nonzero(Interp&, const Value& self, CallArgs& a) {
  Args args("nonzero", a, {"as_tuple"}, 0, ArgStyle::Torch, 0);  // keyword-only
  if (args.boolean(0, false)) return bool_tensor_tuple(nonzero_tuple(T(self)));
  return Value(nonzero(T(self)));
}
Value m_argwhere(Interp&, const Value& self, CallArgs& a) {
  Args args("argwhere", a, {}, 0);
  return Value(nonzero(T(self)));
}

Value m_element_size(Interp&, const Value& self, CallArgs& a) {
  Args args("element_size", a, {}, 0);
  return Value(static_cast<int64_t>(dtype_itemsize(T(self).dtype())));
}

// torch.where(condition) / torch.where(condition, x, y)
Value t_where(Interp&, CallArgs& a) {
  Args args("where", a, {"condition", "input", "other"}, 1);
  Tensor cond = args.tensor(0);
  if (!args.has(1) && !args.has(2)) return bool_tensor_tuple(nonzero_tuple(cond));
  if (!args.has(1) || !args.has(2)) raise_type_error("where() missing required argument 'other'");
  const Value& x = *args.get(1);
  const Value& y = *args.get(2);
  if (!x.is_tensor() && !y.is_tensor()) {
    // Two numbers: the dtype both would give as tensors (float wins, else int64).
    Scalar sx = to_scalar(x), sy = to_scalar(y);
    DType t = (!sx.is_integral || !sy.is_integral) ? kDefaultFloat : (sx.is_bool && sy.is_bool) ? DType::Bool : DType::Int64;
    return Value(where(cond, scalar_tensor(sx, t, cond.device()), scalar_tensor(sy, t, cond.device())));
  }
  const Tensor& like = x.is_tensor() ? x.as_tensor() : y.as_tensor();
  return Value(where(cond, tensor_or_number(x, like), tensor_or_number(y, like)));
}

}  // namespace

// Note [One binding row per op]
const Bindings& compare_bindings() {
  constexpr unsigned M = kMethod, MT = kMethod | kTorch;
  static const Bindings rows = {
      {"eq", MT, m_compare<CompareOp::Eq>}, {"ne", MT, m_compare<CompareOp::Ne>}, {"lt", MT, m_compare<CompareOp::Lt>},
      {"le", MT, m_compare<CompareOp::Le>}, {"gt", MT, m_compare<CompareOp::Gt>}, {"ge", MT, m_compare<CompareOp::Ge>},
      {"not_equal", MT, m_compare<CompareOp::Ne>}, {"less", MT, m_compare<CompareOp::Lt>},
      {"less_equal", MT, m_compare<CompareOp::Le>}, {"greater", MT, m_compare<CompareOp::Gt>},
      {"greater_equal", MT, m_compare<CompareOp::Ge>},
      {"logical_not", MT, m_logical_not}, {"logical_and", MT, m_logical<0>}, {"logical_or", MT, m_logical<1>},
      {"logical_xor", MT, m_logical<2>}, {"bitwise_not", MT, m_bitwise_not}, {"bitwise_and", MT, m_bitwise<BitwiseOp::And>},
      {"bitwise_or", MT, m_bitwise<BitwiseOp::Or>}, {"bitwise_xor", MT, m_bitwise<BitwiseOp::Xor>},
      {"isnan", MT, m_test<0>}, {"isinf", MT, m_test<1>}, {"isfinite", MT, m_test<2>}, {"isclose", MT, m_isclose},
      {"allclose", MT, m_allclose}, {"equal", MT, m_equal}, {"any", MT, m_any_all<false>}, {"all", MT, m_any_all<true>},
      {"count_nonzero", MT, m_count_nonzero}, {"where", M, m_where}, {"where", kTorch, nullptr, t_where},
      {"masked_fill", MT, m_masked_fill}, {"masked_fill_", M, m_masked_fill_}, {"masked_select", MT, m_masked_select},
      {"nonzero", MT, m_nonzero}, {"argwhere", MT, m_argwhere}, {"element_size", M, m_element_size},
  };
  return rows;
}

}  // namespace gradlab::script
