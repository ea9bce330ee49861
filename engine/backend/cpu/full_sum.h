// Sums in exactly PyTorch 1.13's CPU order (aten/src/ATen/native/cpu/SumKernel.cpp,
// cascade_sum), so that every sum has PyTorch's bits: FullSum adds all elements of a run and can
// be fed piece by piece (a fused evaluation in cpu/program.cpp never materialises the tensor);
// sum_over_dims reduces some dims of a contiguous tensor the way PyTorch's TensorIterator walks
// them. Both are built from the same two blocks as PyTorch: the cascade of multi_row_sum and
// row_sum's four interleaved partial sums.
//
// Note [Float sum order]
// PyTorch 1.13 sums on the CPU in the tensor's own dtype (float32 accumulates in float32), with
// a cascade, "vectorised" over V lanes: V = 8 floats / 4 doubles, the width of Vectorized<T>
// under AVX2, which is what 1.13 dispatches to here (torch.__config__.show(): "CPU capability
// usage: AVX2"; the DEFAULT build's Vectorized has the same 32 bytes). With one thread (what
// PyTorch uses here) a reduction is a loop over 2-d blocks (size0 × size1) of the iteration
// space, whose dims are ordered with the reduced dims first (innermost), each group in memory
// order, adjacent dims coalesced. Per block, the first dim is reduced and:
//   - contiguous and size0 >= V (vectorized_inner_sum): each row is read as size0 / V vectors;
//     row_sum adds those, then the leftover size0 % V scalars are summed from 0, and then the V
//     lanes of the vector sum are added to that one by one;
//   - else with contiguous columns and size1 >= V (vectorized_outer_sum): columns in groups of 4V
//     go through multi_row_sum with 4 vector rows, then groups of V through a vector row_sum,
//     then single columns through a scalar row_sum;
//   - else, if the reduced dim has the smaller stride (scalar_inner_sum), a scalar row_sum per
//     output; otherwise (scalar_outer_sum) outputs in groups of 4 go through multi_row_sum with 4
//     scalar items a row, and the last size1 % 4 outputs through a scalar row_sum.
// row_sum(n items) reads the items as n / 4 rows of 4 (multi_row_sum with 4 accumulators), adds
// the n % 4 leftovers to accumulator 0, then accumulators 1, 2, 3 to it.
// multi_row_sum(rows) is a cascade of 4 levels: rows are added to level 0; after every full block
// of 2^p rows (p = max(4, ceil_log2(rows) / 4)) level 0 is added to level 1 and cleared, and on
// (like a carry) level 1 to 2 and 2 to 3 while the row count is a multiple of 2^(p·j); at the end
// levels 1, 2, 3 are added to level 0.
// Each output starts at 0 and gets each block's result added (out += sum), so -0.0 sums to +0.0.
// So a full sum of n >= V elements (one contiguous row) puts floor(n / 4V) rows of 4V elements
// through the cascade, adds the trailing whole vectors to its accumulator 0 and accumulators
// 1, 2, 3 to that, sums the last n % V scalars from 0 and adds the V lanes to them; n < V
// elements take a scalar row_sum.
//
// FullSum takes the elements in pieces: every piece but the last must be a multiple of
// FullSum<T>::kPiece (32) elements long; the result has the same bits as one call over the run.
// Not modelled: with several threads PyTorch splits reductions of 32768 elements or more across
// them (TensorIterator's parallel_reduce), which changes the order; torch.get_num_threads() is 1
// where the expected outputs are made. Inputs are contiguous (gradlab materialises them).
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

#include "engine/util/iterator_order.h"

namespace gradlab::cpu {

namespace sum_detail {

// The lanes of at::vec::Vectorized<T> in the kernels PyTorch 1.13 runs here (AVX2: 32 bytes).
template <class T>
inline constexpr int kLanes = static_cast<int>(32 / sizeof(T));

inline int64_t ceil_log2(int64_t x) {  // c10's CeilLog2: 1 for x <= 2
  if (x <= 2) return 1;
  int64_t bits = 0;
  for (uint64_t v = static_cast<uint64_t>(x) - 1; v != 0; v >>= 1) ++bits;
  return bits;
}

// multi_row_sum's cascade over `rows` rows of R items, each item W lanes wide (W = 1: scalars).
// Rows may arrive in several add_rows calls.
template <class T, int R, int W>
class Cascade {
 public:
  static constexpr int kLevels = 4;

  explicit Cascade(int64_t rows)
      : power_(std::max<int64_t>(4, ceil_log2(rows) / kLevels)), step_(int64_t{1} << power_) {}

  // Adds the next n rows; load(r, k, w) is lane w of item k of the r-th of them.
  template <class Load>
  void add_rows(int64_t n, const Load& load) {
    int64_t r0 = 0;
    while (r0 < n) {
      const int64_t m = std::min(n - r0, step_ - (i_ & (step_ - 1)));
      T a[R][W];  // a local copy keeps level 0 in registers
      for (int k = 0; k < R; ++k)
        for (int w = 0; w < W; ++w) a[k][w] = acc_[0][k][w];
      for (int64_t r = r0; r < r0 + m; ++r)
        for (int k = 0; k < R; ++k)
          for (int w = 0; w < W; ++w) a[k][w] += load(r, k, w);
      for (int k = 0; k < R; ++k)
        for (int w = 0; w < W; ++w) acc_[0][k][w] = a[k][w];
      r0 += m;
      i_ += m;
      if ((i_ & (step_ - 1)) == 0) carry();  // a full block of 2^p rows just ended
    }
  }

  void result(T (&out)[R][W]) const {
    for (int k = 0; k < R; ++k)
      for (int w = 0; w < W; ++w) {
        T s = acc_[0][k][w];
        for (int j = 1; j < kLevels; ++j) s += acc_[j][k][w];
        out[k][w] = s;
      }
  }

 private:
  void carry() {
    for (int j = 1; j < kLevels; ++j) {
      for (int k = 0; k < R; ++k)
        for (int w = 0; w < W; ++w) {
          acc_[j][k][w] += acc_[j - 1][k][w];
          acc_[j - 1][k][w] = T(0);
        }
      if ((i_ & ((step_ - 1) << (j * power_))) != 0) break;
    }
  }

  int64_t power_, step_, i_ = 0;
  T acc_[kLevels][R][W] = {};
};

// PyTorch's row_sum: n items of W lanes (load(i, w)) as n / 4 rows of 4, plus leftovers.
template <class T, int W, class Load>
void row_sum(int64_t n, const Load& load, T (&out)[W]) {
  const int64_t rows = n / 4;
  Cascade<T, 4, W> c(rows);
  c.add_rows(rows, [&](int64_t r, int k, int w) { return load(r * 4 + k, w); });
  T ps[4][W];
  c.result(ps);
  for (int64_t i = rows * 4; i < n; ++i)
    for (int w = 0; w < W; ++w) ps[0][w] += load(i, w);
  for (int k = 1; k < 4; ++k)
    for (int w = 0; w < W; ++w) ps[0][w] += ps[k][w];
  for (int w = 0; w < W; ++w) out[w] = ps[0][w];
}

template <class T>
T scalar_row_sum(const T* x, int64_t stride, int64_t n) {
  T s[1];
  row_sum<T, 1>(n, [&](int64_t i, int) { return x[i * stride]; }, s);
  return s[0];
}

// One 2-d block of the reduction (cascade_sum's loop body): size0 × size1 items, strides in
// elements; in_s[0] / out_s[0] belong to the fastest dim. mem_s: the input's strides in memory,
// which choose the kernel (they differ from in_s for a view's values, Note [Sums of views]).
template <class T>
void sum_block(const T* in, T* out, int64_t size0, int64_t size1, int64_t in_s0, int64_t in_s1,
               int64_t out_s0, int64_t out_s1, int64_t mem_s0, int64_t mem_s1) {
  constexpr int V = kLanes<T>;
  if (out_s0 != 0 && out_s1 == 0) {  // move the reduction to the first dim
    std::swap(in_s0, in_s1);
    std::swap(out_s0, out_s1);
    std::swap(size0, size1);
    std::swap(mem_s0, mem_s1);
  }
  if (out_s0 != 0 && out_s1 != 0) {  // not a reduction
    for (int64_t j = 0; j < size1; ++j)
      for (int64_t i = 0; i < size0; ++i) out[i * out_s0 + j * out_s1] += in[i * in_s0 + j * in_s1];
    return;
  }
  const int64_t os = out_s1;
  if (mem_s0 == 1 && size0 >= V) {  // vectorized_inner_sum
    const int64_t vecs = size0 / V;
    for (int64_t j = 0; j < size1; ++j) {
      const T* row = in + j * in_s1;
      T lanes[V];
      row_sum<T, V>(vecs, [&](int64_t i, int w) { return row[(i * V + w) * in_s0]; }, lanes);
      T s = T(0);
      for (int64_t k = vecs * V; k < size0; ++k) s += row[k * in_s0];
      for (int w = 0; w < V; ++w) s += lanes[w];
      out[j * os] += s;
    }
  } else if (mem_s1 == 1 && size1 >= V) {  // vectorized_outer_sum
    int64_t j = 0;
    for (; j + 4 * V <= size1; j += 4 * V) {
      const T* col = in + j * in_s1;
      Cascade<T, 4, V> c(size0);
      c.add_rows(size0, [&](int64_t i, int k, int w) { return col[i * in_s0 + (k * V + w) * in_s1]; });
      T sums[4][V];
      c.result(sums);
      for (int k = 0; k < 4; ++k)
        for (int w = 0; w < V; ++w) out[(j + k * V + w) * os] += sums[k][w];
    }
    for (; j + V <= size1; j += V) {
      const T* col = in + j * in_s1;
      T sums[V];
      row_sum<T, V>(size0, [&](int64_t i, int w) { return col[i * in_s0 + w * in_s1]; }, sums);
      for (int w = 0; w < V; ++w) out[(j + w) * os] += sums[w];
    }
    for (; j < size1; ++j) out[j * os] += scalar_row_sum(in + j * in_s1, in_s0, size0);
  } else if (mem_s0 < mem_s1) {  // scalar_inner_sum
    for (int64_t j = 0; j < size1; ++j) out[j * os] += scalar_row_sum(in + j * in_s1, in_s0, size0);
  } else {  // scalar_outer_sum
    int64_t j = 0;
    for (; j + 3 < size1; j += 4) {
      const T* col = in + j * in_s1;
      Cascade<T, 4, 1> c(size0);
      c.add_rows(size0, [&](int64_t i, int k, int) { return col[i * in_s0 + k * in_s1]; });
      T sums[4][1];
      c.result(sums);
      for (int k = 0; k < 4; ++k) out[(j + k) * os] += sums[k][0];
    }
    for (; j < size1; ++j) out[j * os] += scalar_row_sum(in + j * in_s1, in_s0, size0);
  }
}

}  // namespace sum_detail

// The sum of a run of `total` elements, fed in pieces (see Note [Float sum order]).
template <class T>
class FullSum {
  static constexpr int V = sum_detail::kLanes<T>;
  static constexpr int kRow = 4 * V;  // elements per cascade row

 public:
  static constexpr int64_t kPiece = 32;  // a multiple of kRow for every dtype
  static_assert(kPiece % kRow == 0);

  explicit FullSum(int64_t total)
      : total_(total), rows_(total >= V ? total / kRow : 0), cascade_(rows_) {}

  void add(const T* x, int64_t len) {
    const int64_t rows = std::min(len / kRow, rows_ - rows_done_);
    if (rows > 0) {
      cascade_.add_rows(rows, [x](int64_t r, int k, int w) { return x[r * kRow + k * V + w]; });
      rows_done_ += rows;
    }
    for (int64_t i = rows * kRow; i < len; ++i) tail_[tail_len_++] = x[i];  // the last piece
  }

  T result() const {
    if (total_ < V) return T(0) + sum_detail::scalar_row_sum(tail_, 1, tail_len_);
    T ps[4][V];
    cascade_.result(ps);
    const int64_t vec_end = tail_len_ / V * V;  // the whole vectors after the last row
    for (int64_t i = 0; i < vec_end; i += V)
      for (int w = 0; w < V; ++w) ps[0][w] += tail_[i + w];
    for (int k = 1; k < 4; ++k)
      for (int w = 0; w < V; ++w) ps[0][w] += ps[k][w];
    T s = T(0);
    for (int64_t i = vec_end; i < tail_len_; ++i) s += tail_[i];
    for (int w = 0; w < V; ++w) s += ps[0][w];
    return T(0) + s;
  }

 private:
  int64_t total_, rows_, rows_done_ = 0;
  sum_detail::Cascade<T, 4, V> cascade_;
  T tail_[kRow] = {};
  int64_t tail_len_ = 0;
};

namespace sum_detail {

// One dim of TensorIterator's iteration space: its size and strides in elements (out is 0 along
// reduced dims).
struct Dim {
  int64_t size, in, out;
  int64_t mem;  // the input's stride in memory: decides coalescing and the block's kernel
};

// Reduces `in` into the `out_n` elements of `out` over dims ordered fastest first, coalesced:
// 2-d blocks of the first two, the rest walked as an odometer (dims[2] fastest).
template <class T>
void sum_dims(const T* in, T* out, int64_t out_n, std::vector<Dim> dims) {
  std::fill_n(out, out_n, T(0));
  if (dims.empty()) {  // a single element
    out[0] += in[0];
    return;
  }
  if (dims.size() == 1) dims.push_back({1, 0, 0, 0});
  const Dim d0 = dims[0], d1 = dims[1];
  std::vector<int64_t> index(dims.size(), 0);
  T* o = out;
  while (true) {
    sum_block(in, o, d0.size, d1.size, d0.in, d1.in, d0.out, d1.out, d0.mem, d1.mem);
    size_t k = 2;
    for (; k < dims.size(); ++k) {  // next outer index, dims[2] fastest
      in += dims[k].in;
      o += dims[k].out;
      if (++index[k] < dims[k].size) break;
      in -= dims[k].in * dims[k].size;
      o -= dims[k].out * dims[k].size;
      index[k] = 0;
    }
    if (k == dims.size()) break;
  }
}

// Merges each dim into the one before it where both operands step on linearly in memory
// (TensorIterator::coalesce_dimensions).
inline int64_t shape_size(const std::vector<int64_t>& shape) {
  int64_t n = 1;
  for (int64_t s : shape) n *= s;
  return n;
}

inline std::vector<Dim> coalesce(const std::vector<Dim>& ordered) {
  std::vector<Dim> dims;
  for (const Dim& d : ordered) {
    if (!dims.empty()) {
      Dim& p = dims.back();
      if (p.size * p.mem == d.mem && p.size * p.out == d.out) {
        p.size *= d.size;
        continue;
      }
    }
    dims.push_back(d);
  }
  return dims;
}

}  // namespace sum_detail

// Sums a contiguous tensor of in_shape over the dims where out_shape (same rank) is 1, into the
// contiguous out, in PyTorch's order (see Note [Float sum order]).
template <class T>
void sum_over_dims(const T* x, const std::vector<int64_t>& in_shape, T* out,
                   const std::vector<int64_t>& out_shape) {
  using sum_detail::Dim;
  const int rank = static_cast<int>(in_shape.size());
  // TensorIterator's dims, fastest first: the reduced dims, then the kept ones, each group in
  // memory order (size-1 dims coalesce away).
  std::vector<Dim> reduced, kept;
  int64_t in_stride = 1, out_stride = 1;
  for (int d = rank - 1; d >= 0; --d) {
    if (in_shape[d] != 1) {
      const bool r = out_shape[d] == 1;
      (r ? reduced : kept).push_back({in_shape[d], in_stride, r ? 0 : out_stride, in_stride});
    }
    in_stride *= in_shape[d];
    out_stride *= out_shape[d];
  }
  std::vector<Dim> ordered = reduced;
  ordered.insert(ordered.end(), kept.begin(), kept.end());
  sum_detail::sum_dims(x, out, sum_detail::shape_size(out_shape), sum_detail::coalesce(ordered));
}

// Note [Sums of views]: PyTorch sums a strided view (x.t(), x[:, 0], x[:, 1:]) in the order its
// TensorIterator walks the view's memory, not in the view's element order: the dims sorted by
// stride (reduced dims first, then the kept ones by the output's strides; equal strides put
// the smaller dim first), then coalesced where the strides run on (a slice with gaps does not
// coalesce). gradlab holds a view as a contiguous copy (Note [Views are copies]); `strides` are
// the ones PyTorch's view would have, in elements, and x the copy's values. The copy's values
// are gathered into that walking order, then summed as sum_over_dims does.
template <class T>
void sum_over_view(const T* x, const std::vector<int64_t>& in_shape, const std::vector<int64_t>& strides, T* out,
                   const std::vector<int64_t>& out_shape) {
  using sum_detail::Dim;
  const int rank = static_cast<int>(in_shape.size());
  struct ViewDim {
    int64_t size, mem, data, out;
  };
  std::vector<ViewDim> dims;  // TensorIterator starts from the reversed dims
  int64_t data_stride = 1, out_stride = 1;
  for (int d = rank - 1; d >= 0; --d) {
    if (in_shape[d] != 1) dims.push_back({in_shape[d], strides[d], data_stride, out_shape[d] == 1 ? 0 : out_stride});
    data_stride *= in_shape[d];
    out_stride *= out_shape[d];
  }
  // TensorIterator::reorder_dimensions; the output is compared first.
  auto should_swap = [](const ViewDim& a, const ViewDim& b) {
    if ((a.out == 0) != (b.out == 0)) return b.out == 0 ? 1 : -1;  // reduced dims first
    for (auto [s0, s1] : {std::pair{a.out, b.out}, std::pair{a.mem, b.mem}}) {
      if (s0 == 0 || s1 == 0) continue;
      if (s0 != s1) return s0 < s1 ? -1 : 1;
      if (a.size > b.size) return 1;
    }
    return 0;
  };
  iterator_order(dims, should_swap);
  // The values in walking order, fastest first.
  int64_t n = 1;
  for (const ViewDim& d : dims) n *= d.size;
  std::vector<T> walked(static_cast<size_t>(n));
  std::vector<int64_t> index(dims.size(), 0);
  int64_t src = 0;
  for (int64_t i = 0; i < n; ++i) {
    walked[static_cast<size_t>(i)] = x[src];
    for (size_t k = 0; k < dims.size(); ++k) {
      src += dims[k].data;
      if (++index[k] < dims[k].size) break;
      src -= dims[k].data * dims[k].size;
      index[k] = 0;
    }
  }
  std::vector<Dim> ordered;
  int64_t walked_stride = 1;
  for (const ViewDim& d : dims) {
    ordered.push_back({d.size, walked_stride, d.out, d.mem});
    walked_stride *= d.size;
  }
  sum_detail::sum_dims(walked.data(), out, sum_detail::shape_size(out_shape), sum_detail::coalesce(ordered));
}

}  // namespace gradlab::cpu
