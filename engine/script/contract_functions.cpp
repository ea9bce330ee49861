// Scripts' forms of the contractions (ops/contract.h): torch.einsum(equation, *operands), with
// the operands also accepted as one list, as torch/functional.py does, and torch.tensordot.
#include "engine/ops/contract.h"
#include "engine/script/bindings.h"
#include "engine/script/errors.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

Value t_einsum(Interp& in, CallArgs& a) {
  if (a.nkw > 0) raise_type_error("einsum() got an unexpected keyword argument '" + a.kw_names[0] + "'");
  if (a.npos == 0) {
    raise_value_error("einsum(): must specify the equation string and at least one operand, or at least one operand and its "
                      "subscripts list");
  }
  const std::string* equation = as_str(a.pos[0]);
  if (!equation) {
    if (a.pos[0].is_tensor()) raise_not_supported("torch.einsum's sublist form (operand, subscripts, ...)");
    raise_type_error(std::string("einsum(): argument 'equation' (position 1) must be str, not ") + type_name(a.pos[0]));
  }
  std::vector<Value> items(a.pos + 1, a.pos + a.npos);
  if (items.size() == 1 && (as_list(items[0]) || as_tuple(items[0]))) items = to_vector(in, items[0]);
  std::vector<Tensor> operands;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is_tensor())
      raise_type_error("expected Tensor as element " + std::to_string(i) + " in argument 1, but got " + type_name(items[i]));
    operands.push_back(items[i].as_tensor());
  }
  return Value(einsum(*equation, operands));
}

// torch.tensordot(a, b, dims=2): an int n pairs a's last n dims with b's first n; else two
// lists (or ints) of dims, as torch/functional.py reads them.
Value t_tensordot(Interp& in, CallArgs& a) {
  Args args("tensordot", a, {"a", "b", "dims", "out"}, 2);
  if (args.has(3)) raise_not_supported("torch.tensordot(out=...)");
  std::vector<int64_t> dims_a, dims_b;
  const Value dims = args.has(2) ? *args.get(2) : Value(int64_t{2});
  if (dims.is_intlike()) {
    const int64_t n = dims.as_int();
    if (n < 0) runtime_error("tensordot expects dims >= 0, but got dims=" + std::to_string(n));
    for (int64_t i = -n; i < 0; ++i) dims_a.push_back(i);
    for (int64_t i = 0; i < n; ++i) dims_b.push_back(i);
  } else if (as_list(dims) || as_tuple(dims)) {
    std::vector<Value> pair = to_vector(in, dims);
    if (pair.size() != 2)
      raise_value_error(std::string(pair.size() < 2 ? "not enough" : "too many") + " values to unpack (expected 2" +
                        (pair.size() < 2 ? ", got " + std::to_string(pair.size()) + ")" : ")"));
    dims_a = to_int_list(pair[0], "tensordot");
    dims_b = to_int_list(pair[1], "tensordot");
  } else if (dims.is_tensor()) {
    raise_not_supported("torch.tensordot with dims given as a tensor");
  } else {
    runtime_error("tensordot expects dims to be int or Tuple[List[int], List[int]] or List[List[int]] containing two lists, "
                  "but got dims=" + repr(dims));
  }
  return Value(tensordot(args.tensor(0), args.tensor(1), dims_a, dims_b));
}

}  // namespace

// Note [One binding row per op]
const Bindings& contract_bindings() {
  static const Bindings rows = {
      {"einsum", kTorch, nullptr, t_einsum}, {"tensordot", kTorch, nullptr, t_tensordot},
  };
  return rows;
}

}  // namespace gradlab::script
