// torch.einsum as ATen 1.13 computes it (aten/src/ATen/native/Linear.cpp): the labels parsed,
// each operand brought to one common dim order (diagonals for repeated labels, size-1 dims for
// missing ones, a permute), then the operands contracted left to right in pairs by
// sumproduct_pair (sums of dims only one side has, then permute → reshape → bmm → view →
// permute), and the contracted dims viewed (or, for one operand, summed) away. Written with the
// same ops in the same order (Note [Composites stay compositions], movement.h), so the digits
// and the nodes are PyTorch's.
//
// Note [Tracked strides]
// Whether ATen's reshape can view its input (ReshapeAliasBackward0) or must copy it first
// (CloneBackward0 + UnsafeViewBackward0) depends on the input's strides, which gradlab's copies
// do not have. einsum follows the strides its own steps give each operand (permute permutes
// them, unsqueeze inserts one, diagonal adds two, sums and bmm start contiguous) and decides as
// ATen does; the operand's non-contiguous mark is set from them before each reshape or view.
#include <array>
#include <cctype>
#include <deque>
#include <numeric>

#include "engine/ops/contract.h"
#include "engine/ops/movement.h"
#include "engine/ops/op_helpers.h"
#include "engine/ops/rearrange.h"
#include "engine/ops/pytorch_strides.h"

namespace gradlab {
using namespace ops;

namespace {

constexpr int kLetters = 26;
constexpr int kLabels = 2 * kLetters;  // A-Z then a-z
constexpr int kEllipsis = kLabels;

int label_index(unsigned char c) { return std::isupper(c) ? c - 'A' : c - 'a' + kLetters; }
char label_char(int s) { return static_cast<char>(s < kLetters ? s + 'A' : s - kLetters + 'a'); }

// A tensor with the strides PyTorch's tensor would have (Note [Tracked strides]).
struct Strided {
  Tensor t;
  std::vector<int64_t> strides;
};

bool strides_contiguous(const Shape& shape, const std::vector<int64_t>& strides) {
  int64_t expected = 1;
  for (size_t d = shape.size(); d-- > 0;) {
    if (shape[d] == 1) continue;
    if (strides[d] != expected) return false;
    expected *= shape[d];
  }
  return true;
}

Strided contiguous(Tensor t) {
  std::vector<int64_t> s = contiguous_strides(t.shape());
  return {std::move(t), std::move(s)};
}

Strided input_layout(const Tensor& t) {
  if (auto s = pytorch_strides(t, t.shape())) return {t, *s};
  not_supported("torch.einsum of a non-contiguous operand whose strides gradlab cannot tell");
}

void mark(const Strided& s) { s.t.impl()->noncontiguous = s.t.numel() > 1 && !strides_contiguous(s.t.shape(), s.strides); }

Strided permuted(const Strided& s, const std::vector<int64_t>& perm) {
  Strided out{permute(s.t, perm), {}};
  for (int64_t p : perm) out.strides.push_back(s.strides[p]);
  mark(out);
  return out;
}

Strided unsqueezed(const Strided& s, int64_t dim) {
  Strided out{unsqueeze(s.t, dim), s.strides};
  const int64_t stride = dim >= s.t.dim() ? 1 : s.t.shape()[dim] * s.strides[dim];
  out.strides.insert(out.strides.begin() + dim, stride);
  mark(out);
  return out;
}

// ATen's computeStride: the strides of `shape` as a view of a tensor with `old_shape` and
// `old_strides`, or none where some new dim would span two non-adjacent chunks.
std::optional<std::vector<int64_t>> view_strides(const Shape& old_shape, const std::vector<int64_t>& old_strides, const Shape& shape) {
  std::vector<int64_t> strides(shape.size(), 0);
  if (old_shape.empty()) return std::vector<int64_t>(shape.size(), 1);
  if (shape_numel(old_shape) == 0) return contiguous_strides(shape);
  int64_t view_d = static_cast<int64_t>(shape.size()) - 1;
  int64_t chunk_base_stride = old_strides.back(), tensor_numel = 1, view_numel = 1;
  for (int64_t d = static_cast<int64_t>(old_shape.size()) - 1; d >= 0; --d) {
    tensor_numel *= old_shape[d];
    if (d == 0 || (old_shape[d - 1] != 1 && old_strides[d - 1] != tensor_numel * chunk_base_stride)) {
      while (view_d >= 0 && (view_numel < tensor_numel || shape[view_d] == 1)) {
        strides[view_d] = view_numel * chunk_base_stride;
        view_numel *= shape[view_d];
        --view_d;
      }
      if (view_numel != tensor_numel) return std::nullopt;
      if (d > 0) {
        chunk_base_stride = old_strides[d - 1];
        tensor_numel = view_numel = 1;
      }
    }
  }
  if (view_d != -1) return std::nullopt;
  return strides;
}

// ATen's reshape: a view where the strides allow one, else a contiguous copy viewed.
Strided reshaped(const Strided& s, const Shape& shape) {
  std::optional<std::vector<int64_t>> strides = view_strides(s.t.shape(), s.strides, shape);
  s.t.impl()->noncontiguous = !strides && s.t.numel() > 1;  // what gradlab's reshape decides by
  Strided out{reshape(s.t, shape), strides ? *strides : contiguous_strides(shape)};
  mark(out);
  return out;
}

// op.diagonal(0, first, second).movedim(-1, first): a repeated label's diagonal in its first place.
Strided diagonal_at(const Strided& s, int64_t first, int64_t second) {
  Strided diag{diagonal(s.t, 0, first, second), {}};
  for (int64_t d = 0; d < s.t.dim(); ++d)
    if (d != first && d != second) diag.strides.push_back(s.strides[d]);
  diag.strides.push_back(s.strides[first] + s.strides[second]);
  mark(diag);
  const int64_t rank = diag.t.dim();
  std::vector<int64_t> order;
  for (int64_t d = 0; d < rank - 1; ++d) {
    if (d == first) order.push_back(rank - 1);
    order.push_back(d);
  }
  if (first == rank - 1) order.push_back(rank - 1);
  return permuted(diag, order);
}

// A view that only drops size-1 dims (always possible, whatever the strides).
Strided viewed_dropping(const Strided& s, const std::vector<int64_t>& drop) {
  Shape shape;
  std::vector<int64_t> strides;
  for (int64_t d = 0; d < s.t.dim(); ++d) {
    if (std::find(drop.begin(), drop.end(), d) != drop.end()) continue;
    shape.push_back(s.t.shape()[d]);
    strides.push_back(s.strides[d]);
  }
  mark(s);
  Strided out{view_splitting_dims(s.t, shape), strides};
  mark(out);
  return out;
}

// ATen's sumproduct_pair: (left * right).sum(sum_dims) with the summed dims kept as size 1.
Strided sumproduct_pair(Strided left, Strided right, const std::vector<int64_t>& sum_dims) {
  if (sum_dims.empty()) return contiguous(mul(left.t, right.t));
  const int64_t dim = left.t.dim();
  auto summed = [&](int64_t d) { return std::find(sum_dims.begin(), sum_dims.end(), d) != sum_dims.end(); };
  std::vector<int64_t> lro, lo, ro;
  int64_t lro_size = 1, lo_size = 1, ro_size = 1, sum_size = 1;
  for (int64_t i = 0; i < dim; ++i) {
    const bool sl = left.t.shape()[i] != 1, sr = right.t.shape()[i] != 1;
    if (summed(i)) {
      if (sl && sr) {
        if (left.t.shape()[i] != right.t.shape()[i]) runtime_error("non-broadcast dimensions must match");
        sum_size *= left.t.shape()[i];
      } else if (sl) {
        left = contiguous(sum(left.t, {i}, true));
      } else if (sr) {
        right = contiguous(sum(right.t, {i}, true));
      }
    } else if (sl && sr) {
      if (left.t.shape()[i] != right.t.shape()[i]) runtime_error("non-broadcast dimensions must match");
      lro.push_back(i);
      lro_size *= left.t.shape()[i];
    } else if (sl) {
      lo.push_back(i);
      lo_size *= left.t.shape()[i];
    } else {
      ro.push_back(i);
      ro_size *= right.t.shape()[i];
    }
  }
  Shape out_size;
  for (int64_t d : lro) out_size.push_back(left.t.shape()[d]);
  for (int64_t d : lo) out_size.push_back(left.t.shape()[d]);
  for (size_t k = 0; k < sum_dims.size(); ++k) out_size.push_back(1);
  for (int64_t d : ro) out_size.push_back(right.t.shape()[d]);
  auto joined = [](std::initializer_list<const std::vector<int64_t>*> parts) {
    std::vector<int64_t> out;
    for (const auto* p : parts) out.insert(out.end(), p->begin(), p->end());
    return out;
  };
  const std::vector<int64_t> lperm = joined({&lro, &lo, &sum_dims, &ro});
  const std::vector<int64_t> rperm = joined({&lro, &sum_dims, &ro, &lo});
  std::vector<int64_t> operm(lperm.size());
  for (size_t i = 0; i < lperm.size(); ++i) operm[lperm[i]] = static_cast<int64_t>(i);
  left = reshaped(permuted(left, lperm), {lro_size, lo_size, sum_size});
  right = reshaped(permuted(right, rperm), {lro_size, sum_size, ro_size});
  Strided result = contiguous(bmm(left.t, right.t));
  result = contiguous(view(result.t, out_size));
  return permuted(result, operm);
}

}  // namespace

Tensor einsum(const std::string& equation, const std::vector<Tensor>& operands) {
  if (operands.empty()) runtime_error("einsum(): must provide at least one operand");
  const size_t num_ops = operands.size();
  const size_t arrow = equation.find("->");
  const std::string lhs = equation.substr(0, arrow);

  // Each operand's labels (kEllipsis for "...").
  std::vector<std::vector<int>> op_labels(num_ops);
  bool ell_in_input = false;
  size_t curr = 0;
  for (size_t i = 0; i < lhs.size(); ++i) {
    const unsigned char c = lhs[i];
    if (c == ' ') continue;
    if (c == '.') {
      if (ell_in_input)
        runtime_error("einsum(): found '.' for operand " + std::to_string(curr) + " for which an ellipsis was already found");
      if (!(i + 2 < lhs.size() && lhs[++i] == '.' && lhs[++i] == '.'))
        runtime_error("einsum(): found '.' for operand " + std::to_string(curr) + " that is not part of any ellipsis");
      op_labels[curr].push_back(kEllipsis);
      ell_in_input = true;
    } else if (c == ',') {
      if (++curr >= num_ops) runtime_error("einsum(): fewer operands were provided than specified in the equation");
      ell_in_input = false;
    } else {
      if (!std::isalpha(c))
        runtime_error("einsum(): invalid subscript given at index " + std::to_string(i) +
                      " in the equation string, subscripts must be in [a-zA-Z]");
      op_labels[curr].push_back(label_index(c));
    }
  }
  if (curr != num_ops - 1) runtime_error("einsum(): more operands were provided than specified in the equation");

  std::array<int64_t, kLabels> label_count{};
  int64_t ell_num_dim = 0;
  for (size_t i = 0; i < num_ops; ++i) {
    const int64_t ndims = operands[i].dim();
    int64_t nlabels = static_cast<int64_t>(op_labels[i].size());
    bool has_ellipsis = false;
    for (int s : op_labels[i]) {
      if (s == kEllipsis) {
        --nlabels;
        has_ellipsis = true;
        ell_num_dim = std::max(ell_num_dim, ndims - nlabels);
      } else {
        ++label_count[s];
      }
    }
    if (has_ellipsis ? nlabels > ndims : nlabels != ndims) {
      runtime_error("einsum(): the number of subscripts in the equation (" + std::to_string(nlabels) +
                    (has_ellipsis ? ") is more than the number of dimensions (" : ") does not match the number of dimensions (") +
                    std::to_string(ndims) + ") for operand " + std::to_string(i) + (has_ellipsis ? "" : " and no ellipsis was given"));
    }
  }

  // Where each label goes in the common order: output dims first, then the contracted ones.
  std::array<int64_t, kLabels> perm_of;
  perm_of.fill(-1);
  int64_t perm_index = 0, ell_index = 0;
  bool ell_in_output = false;
  if (arrow == std::string::npos) {
    perm_index = ell_num_dim;  // implicit output: the ellipsis, then the labels seen once
    ell_in_output = true;
    for (int s = 0; s < kLabels; ++s)
      if (label_count[s] == 1) perm_of[s] = perm_index++;
  } else {
    const std::string rhs = equation.substr(arrow + 2);
    for (size_t i = 0; i < rhs.size(); ++i) {
      const unsigned char c = rhs[i];
      if (c == ' ') continue;
      if (c == '.') {
        if (ell_in_output) runtime_error("einsum(): found '.' for output but an ellipsis (...) was already found");
        if (!(i + 2 < rhs.size() && rhs[++i] == '.' && rhs[++i] == '.'))
          runtime_error("einsum(): found '.' for output that is not part of any ellipsis (...)");
        ell_index = perm_index;
        perm_index += ell_num_dim;
        ell_in_output = true;
        continue;
      }
      if (!std::isalpha(c))
        runtime_error("einsum(): invalid subscript given at index " + std::to_string(lhs.size() + 2 + i) +
                      " in the equation string, subscripts must be in [a-zA-Z]");
      const int s = label_index(c);
      if (label_count[s] == 0 || perm_of[s] != -1) {
        runtime_error(std::string("einsum(): output subscript ") + static_cast<char>(c) +
                      (perm_of[s] > -1 ? " appears more than once in the output" : " does not appear in the equation for any input operand"));
      }
      perm_of[s] = perm_index++;
    }
  }
  const int64_t out_num_dim = perm_index;
  if (!ell_in_output) {
    ell_index = perm_index;
    perm_index += ell_num_dim;
  }
  for (int s = 0; s < kLabels; ++s)
    if (label_count[s] > 0 && perm_of[s] == -1) perm_of[s] = perm_index++;

  // Each operand aligned to the common order; dim_counts: how many operands have each dim > 1.
  std::array<int64_t, kLabels> label_size;
  label_size.fill(1);
  std::vector<int64_t> ell_sizes(static_cast<size_t>(ell_num_dim), 1);
  std::vector<int64_t> dim_counts(static_cast<size_t>(perm_index), 0);
  std::deque<Strided> ops;
  for (size_t i = 0; i < num_ops; ++i) {
    Strided op = input_layout(operands[i]);
    std::vector<int64_t> permutation(static_cast<size_t>(perm_index), -1);
    int64_t dim = 0;
    for (int s : op_labels[i]) {
      if (s == kEllipsis) {
        const int64_t ndim = operands[i].dim() - (static_cast<int64_t>(op_labels[i].size()) - 1);
        for (int64_t j = ell_num_dim - ndim; j < ell_num_dim; ++j) {
          const int64_t size = op.t.shape()[dim];
          if (size != 1) {
            if (ell_sizes[j] != 1 && ell_sizes[j] != size) {
              runtime_error("einsum(): dimension " + std::to_string(dim) + " covered by ellipsis in operand " + std::to_string(i) +
                            "has size " + std::to_string(size) + " which does not broadcast with previously seen ellipsis with size " +
                            std::to_string(ell_sizes[j]) + " for the respective dimension");
            }
            ell_sizes[j] = size;
            ++dim_counts[ell_index + j];
          }
          permutation[ell_index + j] = dim++;
        }
      } else if (permutation[perm_of[s]] == -1) {
        const int64_t size = op.t.shape()[dim];
        if (size != 1) {
          if (label_size[s] != 1 && label_size[s] != size) {
            runtime_error(std::string("einsum(): subscript ") + label_char(s) + " has size " + std::to_string(size) + " for operand " +
                          std::to_string(i) + " which does not broadcast with previously seen size " + std::to_string(label_size[s]));
          }
          label_size[s] = size;
          ++dim_counts[perm_of[s]];
        }
        permutation[perm_of[s]] = dim++;
      } else {
        // A repeated label: its diagonal, moved to where the label first appeared.
        const int64_t prev = permutation[perm_of[s]];
        if (op.t.shape()[dim] != op.t.shape()[prev]) {
          runtime_error(std::string("einsum(): subscript ") + label_char(s) + " is repeated for operand " + std::to_string(i) +
                        " but the sizes don't match, " + std::to_string(op.t.shape()[dim]) + " != " + std::to_string(op.t.shape()[prev]));
        }
        op = diagonal_at(op, prev, dim);
      }
    }
    for (int64_t& p : permutation) {
      if (p != -1) continue;
      op = unsqueezed(op, dim);
      p = dim++;
    }
    ops.push_back(permuted(op, permutation));
  }

  // Contract left to right (opt_einsum, which would pick another order, is absent).
  while (ops.size() > 1) {
    Strided a = ops[0], b = ops[1];
    ops.pop_front();
    ops.pop_front();
    std::vector<int64_t> sum_dims, a_dims_to_sum, b_dims_to_sum;
    for (int64_t d = out_num_dim; d < perm_index; ++d) {
      const bool in_a = a.t.shape()[d] != 1, in_b = b.t.shape()[d] != 1;
      if (in_a && in_b) {
        if (--dim_counts[d] == 1) {
          sum_dims.push_back(d);
          dim_counts[d] = 0;
        }
      } else if (dim_counts[d] == 1) {
        if (in_a) {
          a_dims_to_sum.push_back(d);
          dim_counts[d] = 0;
        } else if (in_b) {
          b_dims_to_sum.push_back(d);
          dim_counts[d] = 0;
        }
      }
    }
    if (!a_dims_to_sum.empty()) a = contiguous(sum(a.t, a_dims_to_sum, true));
    if (!b_dims_to_sum.empty()) b = contiguous(sum(b.t, b_dims_to_sum, true));
    ops.push_front(sumproduct_pair(a, b, sum_dims));
  }

  if (perm_index - out_num_dim > 0) {
    std::vector<int64_t> contracted(static_cast<size_t>(perm_index - out_num_dim));
    std::iota(contracted.begin(), contracted.end(), out_num_dim);
    if (num_ops > 1) return viewed_dropping(ops[0], contracted).t;
    return sum(ops[0].t, contracted, false);
  }
  return ops[0].t;
}

// ATen's tensordot: dims of size 1 on one side summed at once, then each input permuted to
// (kept, contracted) / (contracted, kept), reshaped to a matrix, multiplied by mm and reshaped.
Tensor tensordot(const Tensor& a, const Tensor& b, const std::vector<int64_t>& dims_a, const std::vector<int64_t>& dims_b) {
  if (dims_a.size() != dims_b.size()) runtime_error("both dimension lists should have same length");
  Strided t1 = input_layout(a), t2 = input_layout(b);
  int64_t csize = 1;
  for (size_t i = 0; i < dims_a.size(); ++i) {
    const int64_t s1 = a.size(dims_a[i]), s2 = b.size(dims_b[i]);
    if (s2 == 1) {
      t1 = contiguous(sum(t1.t, {dims_a[i]}, true));
    } else if (s1 == 1) {
      t2 = contiguous(sum(t2.t, {dims_b[i]}, true));
    } else {
      if (s1 != s2) {
        runtime_error("contracted dimensions need to match, but first has size " + std::to_string(s1) + " in dim " +
                      std::to_string(dims_a[i]) + " and second has size " + std::to_string(s2) + " in dim " + std::to_string(dims_b[i]));
      }
      csize *= s1;
    }
  }
  const std::vector<int64_t> wrapped_a = wrap_dims(dims_a, a.dim()), wrapped_b = wrap_dims(dims_b, b.dim());
  auto contracted = [](const std::vector<int64_t>& dims, int64_t d) { return std::find(dims.begin(), dims.end(), d) != dims.end(); };
  std::vector<int64_t> p1, p2;
  Shape result_shape;
  int64_t size1 = 1, size2 = 1;
  for (int64_t i = 0; i < a.dim(); ++i) {
    if (contracted(wrapped_a, i)) continue;
    p1.push_back(i);
    size1 *= t1.t.shape()[i];
    result_shape.push_back(t1.t.shape()[i]);
  }
  p1.insert(p1.end(), wrapped_a.begin(), wrapped_a.end());
  p2.assign(wrapped_b.begin(), wrapped_b.end());
  for (int64_t i = 0; i < b.dim(); ++i) {
    if (contracted(wrapped_b, i)) continue;
    p2.push_back(i);
    size2 *= t2.t.shape()[i];
    result_shape.push_back(t2.t.shape()[i]);
  }
  // mm's backward reads which of its inputs are column-major (Note [Matmul rounding]).
  auto as_matrix = [](const Strided& s, const Shape& shape) {
    Strided m = reshaped(s, shape);
    m.t.impl()->column_major = m.strides[0] == 1 && m.strides[1] == shape[0];
    return m;
  };
  const Strided m1 = as_matrix(permuted(t1, p1), {size1, csize});
  const Strided m2 = as_matrix(permuted(t2, p2), {csize, size2});
  return reshaped(contiguous(mm(m1.t, m2.t)), result_shape).t;
}

}  // namespace gradlab
