// Vector norms as scripts call them: Tensor.norm / torch.norm (NormBackward1) and the torch.linalg
// module's vector_norm, norm and matrix_norm (LinalgVectorNormBackward0). The engine reduces one
// dim or all elements (Note [Norm summation order], ops/reduce.cpp); other dim sets and the
// matrix norms that are not a vector norm of a whole matrix are refused.
#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/ops/op_helpers.h"
#include "engine/script/bindings.h"
#include "engine/script/errors.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

// A norm's dims: none (all elements), one dim, or dims naming every dim once (all elements again,
// which a contiguous tensor reduces as one line).
// Tensor.norm with p='fro' words a repeated dim its own way.
std::optional<int64_t> norm_dim(const Tensor& x, const Value* dim, const char* fname, bool fro = false) {
  if (!dim || dim->is_none()) return std::nullopt;
  if (dim->is_intlike()) return dim->as_int();
  const std::vector<int64_t> given = to_int_list(*dim, fname);
  if (fro) {
    std::vector<int64_t> wrapped;
    for (int64_t d : given) wrapped.push_back(wrap_dim(d, x.dim()));
    std::sort(wrapped.begin(), wrapped.end());
    if (std::adjacent_find(wrapped.begin(), wrapped.end()) != wrapped.end()) {
      std::string list;
      for (int64_t d : given) list += (list.empty() ? "" : ", ") + std::to_string(d);
      runtime_error("Expected dims to be different, got [" + list + "] instead");
    }
  }
  std::vector<int64_t> dims = ops::wrap_dims(given, x.dim());
  if (dims.size() == 1) return dims[0];
  if (dims.empty() || static_cast<int64_t>(dims.size()) == x.dim()) return std::nullopt;
  raise_not_supported("a norm over several (but not all) dims");
}

double norm_order(const Value& p, const char* what) {
  if (const std::string* s = as_str(p)) {
    if (*s == "fro") return 2;
    raise_not_supported(std::string(what) + " with p='" + *s + "'");
  }
  return p.as_number();
}

// x.norm(p='fro', dim=None, keepdim=False, dtype=None)
Value m_norm(Interp&, const Value& self, CallArgs& a) {
  Args args("norm", a, {"p", "dim", "keepdim", "dtype"}, 0);
  if (args.has(3)) raise_not_supported("norm with dtype");
  const Tensor x = self.as_tensor();
  const bool fro = !args.has(0) || as_str(*args.get(0));
  const std::optional<int64_t> dim = norm_dim(x, args.get(1), "norm", fro);
  // 'fro' over two dims is torch.frobenius_norm: sqrt(sum(x * x)), SqrtBackward0, other digits
  if (fro && args.has(1) && !args.get(1)->is_intlike() && to_int_list(*args.get(1), "norm").size() == 2)
    raise_not_supported("norm(p='fro') over two dims (torch.frobenius_norm)");
  const double p = args.has(0) ? norm_order(*args.get(0), "norm") : 2;
  return Value(norm(x, p, dim, args.boolean(2, false)));
}

void check_linalg_floating(const Tensor& x, const char* fname) {
  if (!is_floating(x.dtype()))
    runtime_error(std::string(fname) + ": Expected a floating point or complex tensor as input. Got " + dtype_scalar_name(x.dtype()));
}

// torch.linalg.vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None)
Value f_vector_norm(Interp&, CallArgs& a) {
  Args args("linalg_vector_norm", a, {"input", "ord", "dim", "keepdim", "dtype"}, 1, ArgStyle::Torch, 4);
  if (args.has(4)) raise_not_supported("linalg.vector_norm with dtype");
  const Tensor x = args.tensor(0);
  check_linalg_floating(x, "linalg.vector_norm");
  const double ord = args.has(1) ? args.number(1) : 2;
  return Value(norm(x, ord, norm_dim(x, args.get(2), "linalg_vector_norm"), args.boolean(3, false), true));
}

// torch.linalg.matrix_norm(A, ord='fro', dim=(-2, -1), keepdim=False): the Frobenius norm of a
// matrix, its 2-norm as a vector.
Value matrix_fro_norm(const Tensor& x, bool keepdim, const char* fname) {
  check_linalg_floating(x, fname);
  if (x.dim() != 2) raise_not_supported(std::string(fname) + " of a batch of matrices");
  return Value(norm(x, 2, std::nullopt, keepdim, true));
}

Value f_matrix_norm(Interp&, CallArgs& a) {
  Args args("linalg_matrix_norm", a, {"input", "ord", "dim", "keepdim", "dtype"}, 1, ArgStyle::Torch, 4);
  const Tensor x = args.tensor(0);
  if (x.dim() < 2) runtime_error("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.");
  if (args.has(1) && norm_order(*args.get(1), "linalg.matrix_norm") != 2) raise_not_supported("linalg.matrix_norm with ord other than 'fro'");
  if (args.has(1) && !as_str(*args.get(1))) raise_not_supported("linalg.matrix_norm with a number ord");
  if (args.has(2) || args.has(4)) raise_not_supported("linalg.matrix_norm with dim or dtype");
  return matrix_fro_norm(x, args.boolean(3, false), "linalg.matrix_norm");
}

// torch.linalg.norm(A, ord=None, dim=None, keepdim=False): without ord, the 2-norm of the
// flattened input (or along dim); with ord and no dim, a vector's or a matrix's norm.
Value f_linalg_norm(Interp&, CallArgs& a) {
  Args args("linalg_norm", a, {"input", "ord", "dim", "keepdim", "dtype"}, 1, ArgStyle::Torch, 4);
  if (args.has(4)) raise_not_supported("linalg.norm with dtype");
  const Tensor x = args.tensor(0);
  const bool keepdim = args.boolean(3, false);
  const bool matrix_dims = args.has(2) && !args.get(2)->is_intlike() && to_int_list(*args.get(2), "linalg_norm").size() == 2;
  if (!args.has(1) || (!matrix_dims && !(x.dim() == 2 && !args.has(2)))) {
    if (args.has(1) && !args.has(2) && x.dim() > 2)
      runtime_error("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got " + std::to_string(x.dim()) + "D.");
    check_linalg_floating(x, "linalg.vector_norm");
    const double ord = args.has(1) ? norm_order(*args.get(1), "linalg.norm") : 2;
    if (args.has(1) && as_str(*args.get(1))) raise_not_supported("linalg.norm of a vector with a string ord");
    return Value(norm(x, ord, norm_dim(x, args.get(2), "linalg_norm"), keepdim, true));
  }
  // a matrix norm: only the Frobenius norm of one whole matrix
  const std::string* s = as_str(*args.get(1));
  if (!s || *s != "fro") raise_not_supported("linalg.norm of a matrix with ord other than 'fro'");
  if (matrix_dims) {
    ops::wrap_dims(to_int_list(*args.get(2), "linalg_norm"), x.dim());  // PyTorch's errors for bad dims
    if (x.dim() != 2) raise_not_supported("linalg.norm over two dims of a batch of matrices");
  }
  return matrix_fro_norm(x, keepdim, "linalg.norm");
}

}  // namespace

// Note [One binding row per op]
const Bindings& linalg_bindings() {
  static const Bindings rows = {{"norm", kMethod | kTorch, m_norm}};
  return rows;
}

Value make_linalg_module() {
  auto m = std::make_shared<ModuleObj>("torch.linalg", "/usr/lib/python3/dist-packages/torch/linalg/__init__.py");
  m->attrs["vector_norm"] = Value(std::make_shared<BuiltinObj>("linalg_vector_norm", f_vector_norm, "type object"));
  m->attrs["matrix_norm"] = Value(std::make_shared<BuiltinObj>("linalg_matrix_norm", f_matrix_norm, "type object"));
  m->attrs["norm"] = Value(std::make_shared<BuiltinObj>("linalg_norm", f_linalg_norm, "type object"));
  return Value(ObjRef(m));
}

}  // namespace gradlab::script
