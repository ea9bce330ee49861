// Vector norms as scripts call them: Tensor.norm / torch.norm (NormBackward1) and the torch.linalg
// module's vector_norm, norm and matrix_norm (LinalgVectorNormBackward0). The engine reduces one
// dim or all elements (Note [Norm summation order], ops/reduce.cpp); other dim sets are refused.
// The matrix norms are the Frobenius norm of a whole matrix and ord ±1 / ±inf (amax / amin of
// the column or row 1-norms, as ATen composes them). Then multi_dot and matrix_power
// (ops/matrix_chain.h), det of small matrices (ops/determinant.h), vecdot and diagonal; the rest
// of torch.linalg raises NotImplementedError.
#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "engine/ops/determinant.h"
#include "engine/ops/matrix_chain.h"
#include "engine/ops/op_helpers.h"
#include "engine/ops/rearrange.h"
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

// A number as c10 prints a double in messages ("Order 3 not supported.", "Order 0.5 ...").
std::string c10_double(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// ATen's linalg_matrix_norm for ord ±1 and ±inf: the 1-norms of the columns (of the rows for
// ±inf) by linalg_vector_norm, then their largest (amax) or smallest (amin). Checks in ATen's
// order: the order, then the input, then the dims. ±2 need singular values and are refused.
Tensor matrix_order_norm(const Tensor& x, double ord, const Value* dim, bool keepdim) {
  const double abs_ord = std::abs(ord);
  if (abs_ord != 1 && abs_ord != 2 && !std::isinf(abs_ord))
    runtime_error("linalg.matrix_norm: Order " + c10_double(ord) + " not supported.");
  if (x.dim() < 2) runtime_error("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.");
  check_linalg_floating(x, "linalg.matrix_norm");
  std::vector<int64_t> dims = {-2, -1};
  if (dim && !dim->is_none()) {
    dims = dim->is_intlike() ? std::vector<int64_t>{dim->as_int()} : to_int_list(*dim, "linalg_matrix_norm");
    if (dims.size() != 2) {
      std::string list;
      for (int64_t d : dims) list += (list.empty() ? "" : ", ") + std::to_string(d);
      runtime_error("linalg.matrix_norm: dim must be a 2-tuple. Got " + list);
    }
  }
  for (int64_t& d : dims) d = wrap_dim(d, x.dim());
  if (dims[0] == dims[1])
    runtime_error("linalg.matrix_norm: dims must be different. Got (" + std::to_string(dims[0]) + ", " + std::to_string(dims[1]) + ")");
  if (abs_ord == 2) raise_not_supported("linalg.matrix_norm with ord=" + c10_double(ord) + " (singular values)");
  if (std::isinf(ord)) std::swap(dims[0], dims[1]);
  if (!keepdim && dims[0] < dims[1]) --dims[1];  // the first reduction removed a dim before it
  const Tensor sums = norm(x, 1, dims[0], keepdim, true);
  return ord > 0 ? amax(sums, {dims[1]}, keepdim) : amin(sums, {dims[1]}, keepdim);
}

Value f_matrix_norm(Interp&, CallArgs& a) {
  Args args("linalg_matrix_norm", a, {"input", "ord", "dim", "keepdim", "dtype"}, 1, ArgStyle::Torch, 4);
  const Tensor x = args.tensor(0);
  if (args.has(4)) raise_not_supported("linalg.matrix_norm with dtype");
  if (args.has(1) && !as_str(*args.get(1))) return Value(matrix_order_norm(x, args.number(1), args.get(2), args.boolean(3, false)));
  if (x.dim() < 2) runtime_error("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.");
  if (args.has(1) && norm_order(*args.get(1), "linalg.matrix_norm") != 2) raise_not_supported("linalg.matrix_norm with ord other than 'fro'");
  if (args.has(2)) raise_not_supported("linalg.matrix_norm with dim and ord='fro'");
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
  // a matrix norm: the Frobenius norm of one whole matrix, or ord ±1 / ±inf
  if (!as_str(*args.get(1))) return Value(matrix_order_norm(x, args.number(1), args.get(2), keepdim));
  const std::string* s = as_str(*args.get(1));
  if (!s || *s != "fro") raise_not_supported("linalg.norm of a matrix with ord other than 'fro'");
  if (matrix_dims) {
    ops::wrap_dims(to_int_list(*args.get(2), "linalg_norm"), x.dim());  // PyTorch's errors for bad dims
    if (x.dim() != 2) raise_not_supported("linalg.norm over two dims of a batch of matrices");
  }
  return matrix_fro_norm(x, keepdim, "linalg.norm");
}

// torch.linalg.multi_dot(tensors, *, out=None)
Value f_multi_dot(Interp& in, CallArgs& a) {
  Args args("linalg_multi_dot", a, {"tensors", "out"}, 1, ArgStyle::Torch, 1);
  if (args.has(1)) raise_not_supported("linalg.multi_dot(out=...)");
  return Value(multi_dot(tensor_list(in, *args.get(0), "linalg_multi_dot")));
}

// torch.linalg.matrix_power(A, n, *, out=None); torch.matrix_power(input, n) and x.matrix_power(n)
Value f_linalg_matrix_power(Interp&, CallArgs& a) {
  Args args("linalg_matrix_power", a, {"input", "n", "out"}, 2, ArgStyle::Torch, 2);
  if (args.has(2)) raise_not_supported("linalg.matrix_power(out=...)");
  return Value(matrix_power(args.tensor(0), args.int_(1)));
}
Value m_matrix_power(Interp&, const Value& self, CallArgs& a) {
  Args args("matrix_power", a, {"n"}, 1);
  return Value(matrix_power(self.as_tensor(), args.int_(0)));
}

// torch.linalg.det(A, *, out=None); torch.det(input) and x.det(): small matrices only
// (Note [Determinant digits], ops/determinant.cpp).
Value f_linalg_det(Interp&, CallArgs& a) {
  Args args("linalg_det", a, {"A", "out"}, 1, ArgStyle::Torch, 1);
  if (args.has(1)) raise_not_supported("linalg.det(out=...)");
  return Value(det(args.tensor(0)));
}
Value m_det(Interp&, const Value& self, CallArgs& a) {
  Args args("det", a, {}, 0);
  return Value(det(self.as_tensor()));
}

// torch.linalg.vecdot(x, y, *, dim=-1, out=None): ATen's (x.conj() * y).sum(dim), real tensors here
Value f_vecdot(Interp&, CallArgs& a) {
  Args args("linalg_vecdot", a, {"x", "y", "dim", "out"}, 2, ArgStyle::Torch, 2);
  if (args.has(3)) raise_not_supported("linalg.vecdot(out=...)");
  const Tensor x = args.tensor(0), y = args.tensor(1);
  check_linalg_floating(x, "linalg.vecdot");
  if (x.dtype() != y.dtype()) {
    runtime_error(std::string("linalg.vecdot: Expected x and y to have the same dtype, but found x of type ") +
                  dtype_scalar_name(x.dtype()) + " and y of type " + dtype_scalar_name(y.dtype()) + " instead");
  }
  return Value(sum(mul(x, y), {args.int_or(2, -1)}));
}

// torch.linalg.diagonal(A, *, offset=0, dim1=-2, dim2=-1): torch.diagonal with matrix defaults
Value f_linalg_diagonal(Interp&, CallArgs& a) {
  Args args("linalg_diagonal", a, {"A", "offset", "dim1", "dim2"}, 1, ArgStyle::Torch, 1);
  return Value(diagonal(args.tensor(0), args.int_or(1, 0), args.int_or(2, -2), args.int_or(3, -1)));
}

// dir(torch.linalg) in PyTorch 1.13.1: its names that are not set here (the factorizations,
// solvers and inverses, whose digits follow LAPACK's blocked kernels) raise NotImplementedError;
// a misspelt name is matched against all of them ("Did you mean: 'norm'?").
const char* const kLinalgDir[] = {
    "LinAlgError", "Tensor", "__builtins__", "__cached__", "__doc__", "__file__", "__loader__", "__name__", "__package__",
    "__path__", "__spec__", "_add_docstr", "_linalg", "cholesky", "cholesky_ex", "common_notes", "cond", "cross", "det",
    "diagonal", "eig", "eigh", "eigvals", "eigvalsh", "householder_product", "inv", "inv_ex", "ldl_factor", "ldl_factor_ex",
    "ldl_solve", "lstsq", "lu", "lu_factor", "lu_factor_ex", "lu_solve", "matmul", "matrix_exp", "matrix_norm",
    "matrix_power", "matrix_rank", "multi_dot", "norm", "pinv", "qr", "slogdet", "solve", "solve_ex", "solve_triangular",
    "svd", "svdvals", "sys", "tensorinv", "tensorsolve", "torch", "vander", "vecdot", "vector_norm", nullptr};

}  // namespace

// Note [One binding row per op]
const Bindings& linalg_bindings() {
  static const Bindings rows = {{"norm", kMethod | kTorch, m_norm}, {"matrix_power", kMethod | kTorch, m_matrix_power},
                                {"det", kMethod | kTorch, m_det}};
  return rows;
}

Value make_linalg_module() {
  auto m = std::make_shared<ModuleObj>("torch.linalg", "/usr/lib/python3/dist-packages/torch/linalg/__init__.py");
  m->attrs["vector_norm"] = Value(std::make_shared<BuiltinObj>("linalg_vector_norm", f_vector_norm, "type object"));
  m->attrs["matrix_norm"] = Value(std::make_shared<BuiltinObj>("linalg_matrix_norm", f_matrix_norm, "type object"));
  m->attrs["norm"] = Value(std::make_shared<BuiltinObj>("linalg_norm", f_linalg_norm, "type object"));
  m->attrs["multi_dot"] = Value(std::make_shared<BuiltinObj>("linalg_multi_dot", f_multi_dot, "type object"));
  m->attrs["matrix_power"] = Value(std::make_shared<BuiltinObj>("linalg_matrix_power", f_linalg_matrix_power, "type object"));
  m->attrs["vecdot"] = Value(std::make_shared<BuiltinObj>("linalg_vecdot", f_vecdot, "type object"));
  m->attrs["diagonal"] = Value(std::make_shared<BuiltinObj>("linalg_diagonal", f_linalg_diagonal, "type object"));
  m->attrs["det"] = Value(std::make_shared<BuiltinObj>("linalg_det", f_linalg_det, "type object"));
  m->known_missing = kLinalgDir;
  return Value(ObjRef(m));
}

}  // namespace gradlab::script
