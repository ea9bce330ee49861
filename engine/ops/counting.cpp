// bincount and searchsorted (see counting.h), on host copies of the inputs.
#include "engine/ops/counting.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

Tensor bincount(const Tensor& input, const std::optional<Tensor>& weights, int64_t minlength) {
  if (minlength < 0) runtime_error("minlength should be >= 0");
  if (is_floating(input.dtype()) || input.dtype() == DType::Bool) not_implemented_for("bincount_cpu", input.dtype());
  if (input.dim() == 1 && input.numel() == 0) return zeros({minlength}, TensorOptions{DType::Int64, input.device(), false});
  const std::vector<int64_t> values = input.to_int64s();
  if (input.dim() != 1 || *std::min_element(values.begin(), values.end()) < 0)
    runtime_error("bincount only supports 1-d non-negative integral inputs.");
  const int64_t bins = std::max(*std::max_element(values.begin(), values.end()) + 1, minlength);
  if (weights && (weights->dim() != 1 || weights->shape()[0] != input.shape()[0]))
    runtime_error("weights should be 1-d and have the same length as input");
  if (weights && weights->requires_grad() && grad_mode_enabled()) not_supported("torch.bincount with weights that require grad");
  if (!weights) {
    std::vector<double> counts(static_cast<size_t>(bins), 0);
    for (int64_t v : values) ++counts[static_cast<size_t>(v)];
    return from_vector(counts, {bins}, TensorOptions{DType::Int64, input.device(), false});
  }
  // Summed in the weights' type: float32 for float32 weights, float64 for any other.
  const std::vector<double> w = weights->to_doubles();
  std::vector<double> sums(static_cast<size_t>(bins), 0);
  if (weights->dtype() == DType::Float32) {
    std::vector<float> acc(static_cast<size_t>(bins), 0.0f);
    for (size_t i = 0; i < values.size(); ++i) acc[static_cast<size_t>(values[i])] += static_cast<float>(w[i]);
    std::copy(acc.begin(), acc.end(), sums.begin());
    return from_vector(sums, {bins}, TensorOptions{DType::Float32, input.device(), false});
  }
  for (size_t i = 0; i < values.size(); ++i) sums[static_cast<size_t>(values[i])] += w[i];
  return from_vector(sums, {bins}, TensorOptions{DType::Float64, input.device(), false});
}

// ATen's histc: bin edges from linspace(min, max, bins + 1) in the input's dtype, each element's
// bin (elt - min) * bins / (max - min) computed in that dtype and truncated, the right edge
// counted in the last bin, elements outside [min, max] skipped.
Tensor histc(const Tensor& input, int64_t bins, double min, double max) {
  if (bins <= 0) runtime_error("torch.histogram(): bins must be > 0, but got " + std::to_string(bins) + " for dimension 0");
  if (!is_floating(input.dtype())) not_implemented_for("histogram_cpu", input.dtype());
  refuse_narrow(input, "torch.histc");
  const std::vector<double> values = input.to_doubles();
  if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); })) not_supported("torch.histc of NaN elements");
  if (min == max && !values.empty()) {
    min = *std::min_element(values.begin(), values.end());
    max = *std::max_element(values.begin(), values.end());
  }
  if (min == max) {
    min -= 1;
    max += 1;
  }
  if (!std::isfinite(min) || !std::isfinite(max)) {
    std::ostringstream range;
    range << "torch.histc: range of [" << min << ", " << max << "] is not finite";
    runtime_error(range.str());
  }
  if (!(min < max)) runtime_error("torch.histc: max must be larger than min");
  std::vector<double> counts(static_cast<size_t>(bins), 0);
  dispatch_dtype(input.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T left = static_cast<T>(min), right = static_cast<T>(max), width = right - left, steps = static_cast<T>(bins);
    for (double v : values) {
      const T elt = static_cast<T>(v);
      if (elt < left || elt > right) continue;
      int64_t pos = static_cast<int64_t>((elt - left) * steps / width);
      if (pos == bins) pos -= 1;  // the last bin includes its right edge
      counts[static_cast<size_t>(pos)] += 1;
    }
  });
  return from_vector(counts, {bins}, TensorOptions{input.dtype(), input.device(), false});
}

Tensor searchsorted(const Tensor& sorted, const Tensor& values, bool out_int32, bool right, std::optional<DType> compare_as) {
  const int64_t rank = sorted.dim();
  bool leading_match = rank > 0 && values.dim() == rank;
  for (int64_t d = 0; leading_match && d + 1 < rank; ++d) leading_match = sorted.shape()[d] == values.shape()[d];
  if (rank != 1 && !leading_match) {
    runtime_error("torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries "
                  "tensor and input value tensor must match, but we got boundaries tensor " + shape_str(sorted.shape()) +
                  " and input value tensor " + shape_str(values.shape()));
  }
  // Compared in the result type of the two, as ATen converts them (`values` may be a wrapped
  // Python number, which does not promote a tensor of its kind).
  const DType common = compare_as ? *compare_as : result_type(sorted, values);
  const std::vector<double> bounds = sorted.to(common).to_doubles(), vals = values.to(common).to_doubles();
  const auto has_nan = [](const std::vector<double>& v) { return std::any_of(v.begin(), v.end(), [](double x) { return std::isnan(x); }); };
  if (has_nan(bounds) || has_nan(vals)) not_supported("torch.searchsorted with NaN elements");
  const int64_t line = rank == 0 ? 1 : sorted.shape().back();
  const int64_t per_line = rank <= 1 ? static_cast<int64_t>(vals.size()) : (values.dim() == 0 ? 1 : values.shape().back());
  std::vector<double> out(vals.size());
  for (size_t i = 0; i < vals.size(); ++i) {
    const int64_t start = rank <= 1 ? 0 : static_cast<int64_t>(i) / per_line * line;
    auto first = bounds.begin() + start, last = first + line;
    const auto it = right ? std::upper_bound(first, last, vals[i]) : std::lower_bound(first, last, vals[i]);
    out[i] = static_cast<double>(it - first);
  }
  return from_vector(out, values.shape(), TensorOptions{out_int32 ? DType::Int32 : DType::Int64, values.device(), false});
}

}  // namespace gradlab
