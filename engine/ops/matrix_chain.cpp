// multi_dot and matrix_power (ops/matrix_chain.h), in ATen 1.13's order of products.
#include "engine/ops/matrix_chain.h"

#include <limits>

#include "engine/ops/op_helpers.h"
#include "engine/ops/pointwise.h"

namespace gradlab {
using namespace ops;

namespace {

// The classic matrix-chain dynamic programme: split[i][j] is where the cheapest product of
// tensors i..j splits, the cost of (p×q)(q×r) being p·q·r; ties keep the first split.
std::vector<std::vector<size_t>> chain_order(const std::vector<Tensor>& m) {
  const size_t n = m.size();
  std::vector<int64_t> dims(n + 1);
  for (size_t i = 0; i < n; ++i) dims[i] = m[i].shape()[0];
  dims[n] = m[n - 1].shape()[1];
  std::vector<std::vector<int64_t>> cost(n, std::vector<int64_t>(n, 0));
  std::vector<std::vector<size_t>> split(n, std::vector<size_t>(n, 0));
  for (size_t len = 1; len < n; ++len) {
    for (size_t i = 0; i + len < n; ++i) {
      const size_t j = i + len;
      cost[i][j] = std::numeric_limits<int64_t>::max();
      for (size_t k = i; k < j; ++k) {
        const int64_t c = cost[i][k] + cost[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1];
        if (c < cost[i][j]) {
          cost[i][j] = c;
          split[i][j] = k;
        }
      }
    }
  }
  return split;
}

Tensor chain_product(const std::vector<Tensor>& m, const std::vector<std::vector<size_t>>& split, size_t i, size_t j) {
  if (i == j) return m[i];
  return mm(chain_product(m, split, i, split[i][j]), chain_product(m, split, split[i][j] + 1, j));
}

}  // namespace

Tensor multi_dot(const std::vector<Tensor>& given) {
  const size_t n = given.size();
  if (n < 2) runtime_error("multi_dot(): expected at least 2 tensors but got " + std::to_string(n));
  std::vector<Tensor> m = given;
  Shape out_shape;
  // a 1-D first tensor is a row vector, a 1-D last one a column vector; the result drops those dims
  if (given[0].dim() == 1) {
    m[0] = unsqueeze(given[0], 0);
  } else if (given[0].dim() == 2) {
    out_shape.push_back(given[0].shape()[0]);
  } else {
    runtime_error("multi_dot(): the first tensor must be 1D or 2D but got " + std::to_string(given[0].dim()) + "D");
  }
  if (given[n - 1].dim() == 1) {
    m[n - 1] = unsqueeze(given[n - 1], -1);
  } else if (given[n - 1].dim() == 2) {
    out_shape.push_back(given[n - 1].shape()[1]);
  } else {
    runtime_error("multi_dot(): the last tensor must be 1D or 2D but got " + std::to_string(given[n - 1].dim()) + "D");
  }
  for (size_t i = 1; i + 1 < n; ++i)
    if (given[i].dim() != 2)
      runtime_error("multi_dot(): tensor " + std::to_string(i) + " must be 2D but got " + std::to_string(given[i].dim()) + "D");
  for (size_t i = 1; i < n; ++i) {
    if (m[i].dtype() != m[0].dtype()) {
      runtime_error(std::string("multi_dot(): all tensors must have be the same dtype but tensor 0 is ") + c_type_name(m[0].dtype()) +
                    " and tensor " + std::to_string(i) + " " + c_type_name(m[i].dtype()));
    }
    if (m[i - 1].shape().back() != m[i].shape()[0]) {
      runtime_error("multi_dot(): tensors " + std::to_string(i - 1) + " and " + std::to_string(i) + " with shapes " +
                    shape_str(given[i - 1].shape()) + " and " + shape_str(given[i].shape()) + " cannot be multiplied");
    }
  }
  Tensor product;
  if (n == 2) {
    product = mm(m[0], m[1]);
  } else if (n == 3) {
    // (a×b)(b×c)(c×d): the left product first unless the right one is strictly cheaper
    const int64_t a = m[0].shape()[0], b = m[1].shape()[0], c = m[2].shape()[0], d = m[2].shape()[1];
    product = a * c * (b + d) > b * d * (a + c) ? mm(m[0], mm(m[1], m[2])) : mm(mm(m[0], m[1]), m[2]);
  } else {
    product = chain_product(m, chain_order(m), 0, n - 1);
  }
  return view(product, out_shape);
}

Tensor matrix_power(const Tensor& a, int64_t n) {
  if (a.dim() < 2) runtime_error("linalg.matrix_power: The input tensor A must have at least 2 dimensions.");
  const int64_t rows = a.shape()[a.dim() - 2], cols = a.shape()[a.dim() - 1];
  if (rows != cols) {
    runtime_error("linalg.matrix_power: A must be batches of square matrices, but they are " + std::to_string(rows) + " by " +
                  std::to_string(cols) + " matrices");
  }
  if (n < 0) not_supported("linalg.matrix_power with a negative power (it needs linalg.inv)");
  if (n == 0) {
    // ATen copies the identity into a clone of the input (CopyBackwards when it requires grad)
    if (a.requires_grad() && grad_mode_enabled()) not_supported("linalg.matrix_power(A, 0) of a tensor that requires grad");
    std::vector<double> identity(static_cast<size_t>(rows * rows), 0.0);
    for (int64_t i = 0; i < rows; ++i) identity[static_cast<size_t>(i * rows + i)] = 1.0;
    Tensor out = clone(a);
    copy_(out, from_vector(identity, {rows, rows}, TensorOptions{a.dtype(), a.device(), false}));
    return out;
  }
  if (n == 1) return clone(a);
  if (n == 2) return matmul(a, a);
  if (n == 3) return matmul(matmul(a, a), a);
  // the bits of n from the lowest: z runs through a, a², a⁴, …; the result gathers the set bits
  Tensor z, result;
  for (int64_t rest = n; rest > 0; rest /= 2) {
    z = z.defined() ? matmul(z, z) : a;
    if (rest % 2 == 1) result = result.defined() ? matmul(result, z) : z;
  }
  return result;
}

}  // namespace gradlab
