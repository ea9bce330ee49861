// Python's operators: numbers (with Python's floor division, modulo and power rules),
// strings and containers, and tensors — where each operator maps to the engine op PyTorch
// itself would run, so grad_fn names match:
//   t + s → add (AddBackward0)        s + t → add (AddBackward0)
//   t - s → sub (SubBackward0)        s - t → rsub (RsubBackward1)
//   t * s → mul (MulBackward0)        s / t → reciprocal·mul (MulBackward0), via rdiv
//   t ** s → pow (PowBackward0)       s ** t, t ** t → pow (PowBackward1)
//   -t → neg, t @ u → matmul
// Python ints are 64-bit here: an overflow raises OverflowError instead of silently wrapping.
#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/ops/compare.h"
#include "engine/script/runtime.h"
#include "engine/tensor.h"

namespace gradlab::script {

namespace {

[[noreturn]] void unsupported_operands(const char* op, const Value& a, const Value& b) {
  raise_type_error(std::string("unsupported operand type(s) for ") + op + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
}

[[noreturn]] void int_overflow() { raise("OverflowError", "integer result too large: gradlab's ints are 64-bit"); }

int64_t floor_div(int64_t a, int64_t b) {
  if (b == 0) raise("ZeroDivisionError", "integer division or modulo by zero");
  if (a == std::numeric_limits<int64_t>::min() && b == -1) int_overflow();
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int64_t py_mod(int64_t a, int64_t b) {
  if (b == 0) raise("ZeroDivisionError", "integer modulo by zero");
  if (b == -1) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

double float_mod(double a, double b) {
  if (b == 0.0) raise("ZeroDivisionError", "float modulo");
  double m = std::fmod(a, b);
  if (m != 0.0) {
    if ((b < 0) != (m < 0)) m += b;
  } else {
    m = std::copysign(0.0, b);
  }
  return m;
}

// CPython's float_floor_div (via _float_div_mod).
double float_floor_div(double vx, double wx) {
  if (wx == 0.0) raise("ZeroDivisionError", "float floor division by zero");
  double mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) div -= 1.0;
  }
  double floordiv;
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
  return floordiv;
}

double float_pow(double a, double b) {
  if (a == 0.0 && b < 0.0) raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
  if (a < 0.0 && std::isfinite(a) && std::isfinite(b) && b != std::floor(b))
    raise("ValueError", "complex numbers are not supported by gradlab (a negative number to a fractional power)");
  double r = std::pow(a, b);
  if (std::isinf(r) && std::isfinite(a) && std::isfinite(b)) raise("OverflowError", "(34, 'Numerical result out of range')");
  return r;
}

Value int_pow(int64_t a, int64_t b) {
  if (b < 0) return Value(float_pow(static_cast<double>(a), static_cast<double>(b)));
  int64_t result = 1, base = a;
  while (b > 0) {
    if (b & 1)
      if (__builtin_mul_overflow(result, base, &result)) int_overflow();
    b >>= 1;
    if (b > 0 && __builtin_mul_overflow(base, base, &base)) int_overflow();
  }
  return Value(result);
}

Value int_binop(BinOpKind op, int64_t a, int64_t b, bool both_bool) {
  int64_t r;
  switch (op) {
    case BinOpKind::Add: if (__builtin_add_overflow(a, b, &r)) int_overflow(); return Value(r);
    case BinOpKind::Sub: if (__builtin_sub_overflow(a, b, &r)) int_overflow(); return Value(r);
    case BinOpKind::Mul: if (__builtin_mul_overflow(a, b, &r)) int_overflow(); return Value(r);
    case BinOpKind::Div:
      if (b == 0) raise("ZeroDivisionError", "division by zero");
      return Value(static_cast<double>(a) / static_cast<double>(b));
    case BinOpKind::FloorDiv: return Value(floor_div(a, b));
    case BinOpKind::Mod: return Value(py_mod(a, b));
    case BinOpKind::Pow: return int_pow(a, b);
    case BinOpKind::LShift:
      if (b < 0) raise_value_error("negative shift count");
      if (b >= 63 || (a != 0 && (a > (std::numeric_limits<int64_t>::max() >> b) || a < (std::numeric_limits<int64_t>::min() >> b))))
        { if (a == 0) return Value(int64_t{0}); int_overflow(); }
      return Value(a * (int64_t{1} << b));
    case BinOpKind::RShift:
      if (b < 0) raise_value_error("negative shift count");
      return Value(b >= 63 ? (a < 0 ? -1 : 0) : a >> b);
    case BinOpKind::BitAnd: return both_bool ? Value(bool(a & b)) : Value(a & b);
    case BinOpKind::BitOr: return both_bool ? Value(bool(a | b)) : Value(a | b);
    case BinOpKind::BitXor: return both_bool ? Value(bool(a ^ b)) : Value(a ^ b);
    case BinOpKind::MatMul: break;
  }
  return Value();
}

Value float_binop(BinOpKind op, double a, double b) {
  switch (op) {
    case BinOpKind::Add: return Value(a + b);
    case BinOpKind::Sub: return Value(a - b);
    case BinOpKind::Mul: return Value(a * b);
    case BinOpKind::Div:
      if (b == 0.0) raise("ZeroDivisionError", "float division by zero");
      return Value(a / b);
    case BinOpKind::FloorDiv: return Value(float_floor_div(a, b));
    case BinOpKind::Mod: return Value(float_mod(a, b));
    case BinOpKind::Pow: return Value(float_pow(a, b));
    default: return Value::unbound();
  }
}

Value tensor_binop(BinOpKind op, const Value& a, const Value& b) {
  const char* sym = binop_symbol(op);
  if (a.is_tensor() && b.is_tensor()) {
    const Tensor& x = a.as_tensor();
    const Tensor& y = b.as_tensor();
    switch (op) {
      case BinOpKind::Add: return Value(add(x, y));
      case BinOpKind::Sub: return Value(sub(x, y));
      case BinOpKind::Mul: return Value(mul(x, y));
      case BinOpKind::Div: return Value(div(x, y));
      case BinOpKind::Pow: return Value(pow(x, y));
      case BinOpKind::MatMul: return Value(matmul(x, y));
      case BinOpKind::Mod: return Value(remainder(x, y));
      case BinOpKind::FloorDiv: return Value(floor_divide(x, y));
      case BinOpKind::BitAnd: return Value(bitwise(BitwiseOp::And, x, y));
      case BinOpKind::BitOr: return Value(bitwise(BitwiseOp::Or, x, y));
      case BinOpKind::BitXor: return Value(bitwise(BitwiseOp::Xor, x, y));
      default: raise_not_supported(std::string("the operator '") + sym + "' on tensors");
    }
  }
  if (a.is_tensor()) {
    if (!is_scalar_like(b)) unsupported_operands(sym, a, b);
    const Tensor& x = a.as_tensor();
    Scalar s = to_scalar(b);
    switch (op) {
      case BinOpKind::Add: return Value(add(x, s));
      case BinOpKind::Sub: return Value(sub(x, s));
      case BinOpKind::Mul: return Value(mul(x, s));
      case BinOpKind::Div: return Value(div(x, s));
      case BinOpKind::Pow: return Value(pow(x, s));
      case BinOpKind::Mod: return Value(remainder(x, s));
      case BinOpKind::FloorDiv: return Value(floor_divide(x, s));
      case BinOpKind::BitAnd: return Value(bitwise(BitwiseOp::And, x, s));
      case BinOpKind::BitOr: return Value(bitwise(BitwiseOp::Or, x, s));
      case BinOpKind::BitXor: return Value(bitwise(BitwiseOp::Xor, x, s));
      case BinOpKind::MatMul: unsupported_operands(sym, a, b);
      default: raise_not_supported(std::string("the operator '") + sym + "' on tensors");
    }
  }
  if (!is_scalar_like(a)) unsupported_operands(sym, a, b);
  const Tensor& y = b.as_tensor();
  Scalar s = to_scalar(a);
  switch (op) {
    case BinOpKind::Add: return Value(add(y, s));
    case BinOpKind::Sub: return Value(rsub(y, s));
    case BinOpKind::Mul: return Value(mul(y, s));
    case BinOpKind::Div: return Value(rdiv(y, s));
    case BinOpKind::Pow: {
      // Tensor.__rpow__ in PyTorch 1.13 makes the scalar a tensor first: PowBackward1, not 2.
      Tensor base = scalar_tensor(s, result_type(y, s), y.device());
      return Value(pow(base, y));
    }
    case BinOpKind::BitAnd: return Value(bitwise(BitwiseOp::And, y, s));  // commutative
    case BinOpKind::BitOr: return Value(bitwise(BitwiseOp::Or, y, s));
    case BinOpKind::BitXor: return Value(bitwise(BitwiseOp::Xor, y, s));
    case BinOpKind::MatMul: unsupported_operands(sym, a, b);
    default: raise_not_supported(std::string("the operator '") + sym + "' on tensors");
  }
}

constexpr int64_t kMaxRepeat = int64_t{1} << 28;  // bytes/items a repetition may produce

Value repeat_sequence(const Value& seq, int64_t n) {
  if (n < 0) n = 0;
  if (const std::string* s = as_str(seq)) {
    if (!s->empty() && n > kMaxRepeat / static_cast<int64_t>(s->size())) raise("MemoryError", "");
    std::string out;
    out.reserve(s->size() * n);
    for (int64_t i = 0; i < n; ++i) out += *s;
    return make_str(std::move(out));
  }
  auto* q = seq.as<SeqObj>();
  if (!q->items.empty() && n > kMaxRepeat / 16 / static_cast<int64_t>(q->items.size())) raise("MemoryError", "");
  std::vector<Value> out;
  out.reserve(q->items.size() * n);
  for (int64_t i = 0; i < n; ++i) out.insert(out.end(), q->items.begin(), q->items.end());
  return q->is_list() ? make_list(std::move(out)) : make_tuple(std::move(out));
}

bool is_sequence(const Value& v) {
  if (as_str(v)) return true;
  auto* s = v.as<SeqObj>();
  return s && (s->type == ObjType::List || s->type == ObjType::Tuple || s->type == ObjType::Size);
}

}  // namespace

std::string percent_format(const std::string& fmt, const Value& args);  // format_spec.cpp

Value binary_op(BinOpKind op, const Value& a, const Value& b, bool augmented) {
  if (a.is_int() && b.is_int()) return int_binop(op, a.as_int(), b.as_int(), false);
  if (is_instance(a) || is_instance(b)) return instance_binop(*current_interp(), op, a, b, augmented);
  if (a.is_tensor() || b.is_tensor()) return tensor_binop(op, a, b);
  if (a.is_number() && b.is_number()) {
    if (a.is_float() || b.is_float()) {
      Value r = float_binop(op, a.as_number(), b.as_number());
      if (!r.is_unbound()) return r;
    } else {
      return int_binop(op, a.as_int(), b.as_int(), a.is_bool() && b.is_bool());
    }
    unsupported_operands(augmented ? (std::string(binop_symbol(op)) + "=").c_str() : binop_symbol(op), a, b);
  }
  if (a.as<SetObj>()) {
    Value r = set_binary_op(op, a, b, augmented);
    if (!r.is_unbound()) return r;
  }
  // Sequences
  switch (op) {
    case BinOpKind::Add: {
      if (const std::string* s = as_str(a)) {
        const std::string* t = as_str(b);
        if (!t) raise_type_error(std::string("can only concatenate str (not \"") + type_name(b) + "\") to str");
        return make_str(*s + *t);
      }
      auto* x = a.as<SeqObj>();
      if (x && (x->type == ObjType::List || x->type == ObjType::Tuple || x->type == ObjType::Size)) {
        auto* y = b.as<SeqObj>();
        bool ok = y && (x->is_list() ? y->is_list() : (y->type == ObjType::Tuple || y->type == ObjType::Size));
        if (!ok) {
          const char* kind = x->is_list() ? "list" : "tuple";
          raise_type_error(std::string("can only concatenate ") + kind + " (not \"" + type_name(b) + "\") to " + kind);
        }
        std::vector<Value> items = x->items;
        items.insert(items.end(), y->items.begin(), y->items.end());
        if (x->is_list()) return make_list(std::move(items));
        if (x->type == ObjType::Size) {
          Value r = make_tuple(std::move(items));
          r.as<SeqObj>()->type = ObjType::Size;  // torch.Size + tuple stays a Size
          bool all_int = true;
          for (const Value& v : r.as<SeqObj>()->items) all_int &= v.is_intlike();
          if (!all_int) r.as<SeqObj>()->type = ObjType::Tuple;
          return r;
        }
        return make_tuple(std::move(items));
      }
      break;
    }
    case BinOpKind::Mul: {
      if (is_sequence(a) || is_sequence(b)) {
        const Value& seq = is_sequence(a) ? a : b;
        const Value& n = is_sequence(a) ? b : a;
        if (!n.is_intlike()) raise_type_error(std::string("can't multiply sequence by non-int of type '") + type_name(n) + "'");
        return repeat_sequence(seq, n.as_int());
      }
      break;
    }
    case BinOpKind::Mod:
      if (const std::string* s = as_str(a)) return make_str(percent_format(*s, b));
      break;
    default: break;
  }
  unsupported_operands(augmented ? (std::string(binop_symbol(op)) + "=").c_str() : binop_symbol(op), a, b);
}

Value inplace_op(BinOpKind op, const Value& a, const Value& b) {
  if (is_instance(a) || is_instance(b)) return instance_binop(*current_interp(), op, a, b, true);
  if (a.is_tensor()) {
    Tensor t = a.as_tensor();
    if (b.is_tensor()) {
      switch (op) {
        case BinOpKind::Add: t.add_(b.as_tensor()); return a;
        case BinOpKind::Sub: t.sub_(b.as_tensor()); return a;
        case BinOpKind::Mul: t.mul_(b.as_tensor()); return a;
        case BinOpKind::Div: t.div_(b.as_tensor()); return a;
        case BinOpKind::MatMul: raise("RuntimeError", "In-place matmul is not supported. Use 'a = a @ b' instead of 'a @= b'.");
        default: break;
      }
    } else if (is_scalar_like(b)) {
      Scalar s = to_scalar(b);
      switch (op) {
        case BinOpKind::Add: t.add_(s); return a;
        case BinOpKind::Sub: t.sub_(s); return a;
        case BinOpKind::Mul: t.mul_(s); return a;
        case BinOpKind::Div: t.div_(s); return a;
        default: break;
      }
    } else {
      unsupported_operands((std::string(binop_symbol(op)) + "=").c_str(), a, b);
    }
    raise_not_supported(std::string("the in-place operator '") + binop_symbol(op) + "=' on tensors");
  }
  if (auto* l = as_list(a)) {
    if (op == BinOpKind::Add) {
      if (auto* r = b.as<SeqObj>()) {
        std::vector<Value> items = r->items;  // copy first: `x += x` must not read while growing
        l->items.insert(l->items.end(), items.begin(), items.end());
        return a;
      }
      if (!b.is_tensor() && !b.obj()) raise_type_error(std::string("'") + type_name(b) + "' object is not iterable");
    }
  }
  return binary_op(op, a, b, true);
}

Value unary_op(UnaryKind op, const Value& a) {
  if (op != UnaryKind::Not && is_instance(a)) return instance_unary(*current_interp(), op, a);
  switch (op) {
    case UnaryKind::Neg:
      if (a.is_intlike()) {
        if (a.as_int() == std::numeric_limits<int64_t>::min()) int_overflow();
        return Value(-a.as_int());
      }
      if (a.is_float()) return Value(-a.as_float());
      if (a.is_tensor()) return Value(neg(a.as_tensor()));
      raise_type_error(std::string("bad operand type for unary -: '") + type_name(a) + "'");
    case UnaryKind::Pos:
      if (a.is_intlike()) return Value(a.as_int());
      if (a.is_float() || a.is_tensor()) return a;
      raise_type_error(std::string("bad operand type for unary +: '") + type_name(a) + "'");
    case UnaryKind::Invert:
      if (a.is_intlike()) return Value(~a.as_int());
      if (a.is_tensor()) {
        if (is_floating(a.as_tensor().dtype()))
          raise_type_error("~ (operator.invert) is only implemented on integer and Boolean-type tensors");
        return Value(bitwise_not(a.as_tensor()));
      }
      raise_type_error(std::string("bad operand type for unary ~: '") + type_name(a) + "'");
    case UnaryKind::Not: return Value(!truthy(a));
  }
  return Value();
}

namespace {

// A one-element tensor's value, for comparisons inside if/while conditions.
double tensor_number(const Tensor& t) {
  if (t.numel() != 1) raise("RuntimeError", "Boolean value of Tensor with more than one value is ambiguous");
  return t.item().value;
}

int three_way(const Value& a, const Value& b, const char* sym);

thread_local int compare_depth = 0;

bool seq_less(const std::vector<Value>& x, const std::vector<Value>& y, CmpKind op, const char* sym) {
  if (compare_depth >= 300) raise("RecursionError", "maximum recursion depth exceeded in comparison");
  struct Depth {
    Depth() { ++compare_depth; }
    ~Depth() { --compare_depth; }
  } depth;
  size_t n = std::min(x.size(), y.size());
  for (size_t i = 0; i < n; ++i) {
    if (is_same_object(x[i], y[i]) || values_equal(x[i], y[i])) continue;
    int c = three_way(x[i], y[i], sym);
    switch (op) {
      case CmpKind::Lt: case CmpKind::LtE: return c < 0;
      default: return c > 0;
    }
  }
  switch (op) {
    case CmpKind::Lt: return x.size() < y.size();
    case CmpKind::LtE: return x.size() <= y.size();
    case CmpKind::Gt: return x.size() > y.size();
    default: return x.size() >= y.size();
  }
}

// -1/0/1 ordering of two orderable values; TypeError like Python otherwise.
int three_way(const Value& a, const Value& b, const char* sym) {
  if (a.is_number() && b.is_number()) {
    if (a.is_float() || b.is_float()) {
      double x = a.as_number(), y = b.as_number();
      if (std::isnan(x) || std::isnan(y)) return 2;  // unordered: every ordering test is false
      return x < y ? -1 : x > y ? 1 : 0;
    }
    int64_t x = a.as_int(), y = b.as_int();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (const std::string* s = as_str(a)) {
    if (const std::string* t = as_str(b)) return s->compare(*t) < 0 ? -1 : s->compare(*t) > 0 ? 1 : 0;
  }
  auto* x = a.as<SeqObj>();
  auto* y = b.as<SeqObj>();
  if (x && y && x->is_list() == y->is_list()) {
    if (seq_less(x->items, y->items, CmpKind::Lt, sym)) return -1;
    if (seq_less(y->items, x->items, CmpKind::Lt, sym)) return 1;
    return 0;
  }
  raise_type_error(std::string("'") + sym + "' not supported between instances of '" + type_name(a) + "' and '" + type_name(b) + "'");
}

}  // namespace

// `a OP b` with a tensor on either side: an element-wise bool tensor (no grad_fn), or
// Value::unbound() when this is not such a comparison (then compare_op decides).
Value tensor_compare(CmpKind op, const Value& a, const Value& b) {
  if (op == CmpKind::Is || op == CmpKind::IsNot || op == CmpKind::In || op == CmpKind::NotIn) return Value::unbound();
  if (!(a.is_tensor() || b.is_tensor()) || is_instance(a) || is_instance(b)) return Value::unbound();
  bool a_ok = a.is_tensor() || is_scalar_like(a), b_ok = b.is_tensor() || is_scalar_like(b);
  if (!a_ok || !b_ok) return Value::unbound();
  CompareOp c = op == CmpKind::Eq ? CompareOp::Eq : op == CmpKind::NotEq ? CompareOp::Ne : op == CmpKind::Lt ? CompareOp::Lt
              : op == CmpKind::LtE ? CompareOp::Le : op == CmpKind::Gt ? CompareOp::Gt : CompareOp::Ge;
  if (a.is_tensor() && b.is_tensor()) return Value(compare(c, a.as_tensor(), b.as_tensor()));
  if (a.is_tensor()) return Value(compare(c, a.as_tensor(), to_scalar(b)));
  return Value(compare(c, to_scalar(a), b.as_tensor()));
}

bool compare_op(CmpKind op, const Value& a, const Value& b, bool condition) {
  switch (op) {
    case CmpKind::Is: return is_same_object(a, b);
    case CmpKind::IsNot: return !is_same_object(a, b);
    case CmpKind::In: return contains(b, a);
    case CmpKind::NotIn: return !contains(b, a);
    default: break;
  }
  if (is_instance(a) || is_instance(b)) return instance_compare(*current_interp(), op, a, b);
  if (a.is_tensor() || b.is_tensor()) {
    if ((op == CmpKind::Eq || op == CmpKind::NotEq) && (a.is_none() || b.is_none())) return op == CmpKind::NotEq;
    bool a_ok = a.is_tensor() || is_scalar_like(a), b_ok = b.is_tensor() || is_scalar_like(b);
    if (!a_ok || !b_ok) {
      // PyTorch makes a list or tuple into a tensor first; gradlab does not (yet).
      const Value& other = a.is_tensor() ? b : a;
      if (other.as<SeqObj>()) raise_not_supported(std::string("comparing a tensor with a ") + type_name(other));
      if (op == CmpKind::Eq) return false;
      if (op == CmpKind::NotEq) return true;
      raise_type_error(std::string("'") + cmp_symbol(op) + "' not supported between instances of '" + type_name(a) +
                       "' and '" + type_name(b) + "'");
    }
    double x = a.is_tensor() ? tensor_number(a.as_tensor()) : a.as_number();
    double y = b.is_tensor() ? tensor_number(b.as_tensor()) : b.as_number();
    switch (op) {
      case CmpKind::Eq: return x == y;
      case CmpKind::NotEq: return x != y;
      case CmpKind::Lt: return x < y;
      case CmpKind::LtE: return x <= y;
      case CmpKind::Gt: return x > y;
      case CmpKind::GtE: return x >= y;
      default: return false;
    }
  }
  switch (op) {
    case CmpKind::Eq: return values_equal(a, b);
    case CmpKind::NotEq: return !values_equal(a, b);
    default: break;
  }
  const char* sym = cmp_symbol(op);
  if (a.is_number() && b.is_number()) {
    if (a.is_float() || b.is_float()) {
      double x = a.as_number(), y = b.as_number();
      switch (op) {
        case CmpKind::Lt: return x < y;
        case CmpKind::LtE: return x <= y;
        case CmpKind::Gt: return x > y;
        default: return x >= y;
      }
    }
    int64_t x = a.as_int(), y = b.as_int();
    switch (op) {
      case CmpKind::Lt: return x < y;
      case CmpKind::LtE: return x <= y;
      case CmpKind::Gt: return x > y;
      default: return x >= y;
    }
  }
  auto* x = a.as<SeqObj>();
  auto* y = b.as<SeqObj>();
  if (x && y && x->is_list() == y->is_list()) return seq_less(x->items, y->items, op, sym);
  bool handled;
  if (bool r = set_compare(op, a, b, &handled); handled) return r;
  int c = three_way(a, b, sym);
  if (c == 2) return false;
  switch (op) {
    case CmpKind::Lt: return c < 0;
    case CmpKind::LtE: return c <= 0;
    case CmpKind::Gt: return c > 0;
    default: return c >= 0;
  }
}

bool less_than(const Value& a, const Value& b) {
  if (a.is_tensor() || b.is_tensor()) return compare_op(CmpKind::Lt, a, b, true);
  return compare_op(CmpKind::Lt, a, b, false);
}

std::vector<Value> sort_by_key(Interp& in, const std::vector<Value>& items, const Value* key, bool reverse) {
  std::vector<Value> keys;
  keys.reserve(items.size());
  for (const Value& x : items) keys.push_back(key ? in.call0(*key, {x}) : x);
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return reverse ? less_than(keys[y], keys[x]) : less_than(keys[x], keys[y]);
  });
  std::vector<Value> out;
  out.reserve(items.size());
  for (size_t i : order) out.push_back(items[i]);
  return out;
}

bool contains(const Value& c, const Value& item) {
  if (is_instance(c)) {
    Interp& in = *current_interp();
    Value r;
    if (call_dunder(in, c, "__contains__", {item}, &r)) return truthy(r);
    ClassObj* cls = c.as<InstanceObj>()->cls.get();
    if (class_lookup(cls, "__iter__") || class_lookup(cls, "__getitem__")) {
      Iter it(in, c);
      Value x;
      while (it.next(x))
        if (is_same_object(x, item) || values_equal(x, item)) return true;
      return false;
    }
  }
  if (const std::string* s = as_str(c)) {
    const std::string* t = as_str(item);
    if (!t) raise_type_error(std::string("'in <string>' requires string as left operand, not ") + type_name(item));
    return s->find(*t) != std::string::npos;
  }
  if (auto* q = c.as<SeqObj>()) {
    for (const Value& v : q->items)
      if (is_same_object(v, item) || (!v.is_tensor() && !item.is_tensor() && values_equal(v, item))) return true;
    if (item.is_tensor() || std::any_of(q->items.begin(), q->items.end(), [](const Value& v) { return v.is_tensor(); })) {
      // `t in [a, b]` compares with == like Python; only one-element tensors have a truth value.
      for (const Value& v : q->items)
        if (compare_op(CmpKind::Eq, v, item, true)) return true;
    }
    return false;
  }
  if (auto* d = c.as<DictObj>()) return d->find(item) != nullptr;
  if (auto* v = c.as<DictViewObj>()) {
    for (const Value& x : v->items)
      if (values_equal(x, item)) return true;
    return false;
  }
  if (auto* r = c.as<RangeObj>()) {
    if (!item.is_number()) return false;
    if (item.is_float() && item.as_float() != std::floor(item.as_float())) return false;
    int64_t x = item.is_float() ? static_cast<int64_t>(item.as_float()) : item.as_int();
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return false;
    return (x - r->start) % r->step == 0;
  }
  if (c.is_tensor()) {
    if (!is_scalar_like(item)) raise_not_supported("`in` with a tensor and a " + std::string(type_name(item)));
    double x = item.as_number();
    for (double v : c.as_tensor().to_doubles())
      if (v == x) return true;
    return false;
  }
  if (auto* s = c.as<SetObj>()) return s->contains(item);
  if (c.as<GeneratorObj>()) {
    Iter it(*current_interp(), c);
    Value x;
    while (it.next(x))
      if (is_same_object(x, item) || values_equal(x, item)) return true;
    return false;
  }
  if (auto* it = c.as<IteratorObj>()) {
    Value x;
    while (it->advance(x))
      if (values_equal(x, item)) return true;
    return false;
  }
  raise_type_error(std::string("argument of type '") + type_name(c) + "' is not iterable");
}

}  // namespace gradlab::script
