// torch.arange and torch.linspace (declared in tensor.h), value for value as PyTorch 1.13's CPU
// kernels fill them.
//
// Note [Range factories]: PyTorch's arange and linspace CPU kernels do not compute every element
// as start + i·step. They fill the tensor in AVX2 vectors (8 floats, 4 doubles or 4 int64s), two
// vectors per loop turn, and the last n % (2·lanes) elements one at a time. A vector's first
// value comes from the scalar formula; its other lanes are that first value (already rounded to
// the output type) plus k·step. So `torch.linspace(-6, 6, 2001)[14]` is -5.9160003662109375, not
// the -5.915999889373779 that start + 14·step gives. Learners print these values (`tolist()`,
// `item()`, and every function of them), so the engine repeats the kernels' arithmetic:
//   - arange accumulates in double (int64 in exact integers); the scalar formula and the lanes
//     are fused multiply-adds (the compiler contracts them in PyTorch's build);
//   - linspace computes in the output type (double for int64, then truncated), fills the first
//     half from `start` and the second from `end`, chosen per vector by its first index; the
//     scalar formula is a fused multiply-add, the lanes are a rounded product plus a rounded sum.
// Checked against PyTorch over random arguments (tests/golden/cases/tensor_range_factories.py).
// PyTorch splits tensors of more than 32768 elements among threads when it runs several, which
// moves the vector boundaries; gradlab models one thread, PyTorch's default on a 1-CPU machine
// and what the golden outputs were generated with.
#include <cmath>
#include <limits>
#include <sstream>
#include <type_traits>

#include "engine/allocation_limit.h"
#include "engine/scalar_math.h"
#include "engine/tensor.h"

namespace gradlab {
namespace {

// Lanes of an AVX2 vector of T: PyTorch's CPU build dispatches these kernels at AVX2.
template <class T>
constexpr int64_t kAvx2Lanes = 32 / static_cast<int64_t>(sizeof(T));

// Scalar::to<T>() in c10: a float converted to an integer type is checked for overflow (and
// truncated), anything else is a plain conversion.
template <class T>
T scalar_to(double v) {
  if constexpr (std::is_integral_v<T>) {
    constexpr double kLimit = 9223372036854775808.0;  // 2^63
    if (!(v >= -kLimit && v < kLimit)) runtime_error("value cannot be converted to type int64_t without overflow");
    return static_cast<T>(v);
  } else {
    return static_cast<T>(v);
  }
}

// A value as c10 prints one in messages: ostream's default format ("0", "0.5", "inf").
template <class T>
std::string message_text(T v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// Fills out[0, n) the way PyTorch's cpu_serial_kernel_vec drives a nullary kernel: scalar(i) for
// the tail, and for each vector vector(first index, k) for its lanes.
template <class Scalar, class Vector>
void fill_like_vectorized_loop(std::vector<double>& out, int64_t lanes, Scalar&& scalar, Vector&& vector) {
  const auto n = static_cast<int64_t>(out.size());
  int64_t i = 0;
  for (; i + 2 * lanes <= n; i += 2 * lanes)
    for (int64_t first : {i, i + lanes})
      for (int64_t k = 0; k < lanes; ++k) out[static_cast<size_t>(first + k)] = vector(first, k);
  for (; i < n; ++i) out[static_cast<size_t>(i)] = scalar(i);
}

template <class T>
void arange_values(Scalar start_s, Scalar end_s, Scalar step_s, std::vector<double>& out, int64_t& size) {
  using Acc = std::conditional_t<std::is_integral_v<T>, int64_t, double>;  // at::acc_type<T, false>
  const Acc start = scalar_to<Acc>(start_s.value), end = scalar_to<Acc>(end_s.value), step = scalar_to<Acc>(step_s.value);
  if (!(step > 0 || step < 0)) runtime_error("step must be nonzero");
  if (!std::isfinite(static_cast<double>(start)) || !std::isfinite(static_cast<double>(end)))
    runtime_error("unsupported range: " + message_text(start) + " -> " + message_text(end));
  if (!((step > 0 && end >= start) || (step < 0 && end <= start)))
    runtime_error("upper bound and larger bound inconsistent with step sign");
  double size_d;
  if constexpr (std::is_integral_v<T>) {
    Acc span;  // end - start, in int64 as PyTorch computes it (in double where that overflows)
    const double span_d = __builtin_sub_overflow(end, start, &span) ? static_cast<double>(end) - static_cast<double>(start)
                                                                    : static_cast<double>(span);
    size_d = std::ceil(span_d / static_cast<double>(step));
  } else {
    size_d = std::ceil((end_s.value - start_s.value) / step_s.value);
  }
  if (!(size_d >= 0 && size_d <= static_cast<double>(std::numeric_limits<int64_t>::max())))
    runtime_error("invalid size, possible overflow?");
  size = static_cast<int64_t>(size_d);
  check_allocation(static_cast<size_t>(size), sizeof(double) + sizeof(T));  // Note [Allocation limit]
  out.resize(static_cast<size_t>(size));
  // start + step·i, one rounding (exact for integers).
  auto at = [&](int64_t i) -> Acc { return scalar_fma(step, static_cast<Acc>(i), start); };
  fill_like_vectorized_loop(
      out, kAvx2Lanes<T>, [&](int64_t i) { return static_cast<double>(static_cast<T>(at(i))); },
      [&](int64_t first, int64_t k) {
        const T base = static_cast<T>(at(first));
        return static_cast<double>(static_cast<T>(scalar_fma(static_cast<Acc>(k), step, static_cast<Acc>(base))));
      });
}

template <class T>
void linspace_values(double start_d, double end_d, int64_t steps, std::vector<double>& out) {
  using Step = std::conditional_t<std::is_integral_v<T>, double, T>;
  const T start = scalar_to<T>(start_d), end = scalar_to<T>(end_d);
  if (steps == 1) {
    out[0] = static_cast<double>(start);
    return;
  }
  const Step step = (static_cast<Step>(end) - static_cast<Step>(start)) / static_cast<Step>(steps - 1);
  const int64_t halfway = steps / 2;
  // The first half counts up from start, the second down from end, so the last value is `end`.
  auto at = [&](int64_t i) -> T {
    return static_cast<T>(i < halfway ? scalar_fma(step, static_cast<Step>(i), static_cast<Step>(start))
                                      : scalar_fma(-step, static_cast<Step>(steps - i - 1), static_cast<Step>(end)));
  };
  fill_like_vectorized_loop(
      out, kAvx2Lanes<T>, [&](int64_t i) { return static_cast<double>(at(i)); },
      [&](int64_t first, int64_t k) {
        const Step lane_offset = static_cast<Step>(k) * step;  // rounded, then added: no fma here
        return static_cast<double>(static_cast<T>(static_cast<Step>(at(first)) + lane_offset));
      });
}

}  // namespace

Tensor arange(Scalar start, Scalar end, Scalar step, const TensorOptions& options) {
  const bool integral = start.is_integral && end.is_integral && step.is_integral;
  const DType dtype = options.dtype.value_or(integral ? DType::Int64 : kDefaultFloat);
  // float16/bfloat16: PyTorch computes start + step·i in the dtype itself, rounding each step;
  // gradlab computes only the integer ranges where every such step is exact (|values| and the
  // span within 2048 for float16, 256 for bfloat16).
  if (is_floating(dtype) && is_narrow(dtype)) {
    const double exact = dtype == DType::Float16 ? 2048 : 256;
    const auto is_int = [](Scalar v) { return v.value == std::trunc(v.value); };
    if (!(is_int(start) && is_int(end) && is_int(step)) || std::fabs(start.value) > exact || std::fabs(end.value) > exact ||
        std::fabs(end.value - start.value) > exact)
      throw Error("NotImplementedError", std::string("torch.arange with dtype=") + dtype_name(dtype) +
                                             " beyond small integer ranges is not supported by gradlab");
  }
  std::vector<double> values;
  int64_t size = 0;
  dispatch_dtype(dtype, [&](auto zero) { arange_values<decltype(zero)>(start, end, step, values, size); });
  TensorOptions o = options;
  o.dtype = dtype;
  return from_vector(values, {size}, o);
}

Tensor linspace(double start, double end, int64_t steps, const TensorOptions& options) {
  if (steps < 0) runtime_error("number of steps must be non-negative");
  const DType dtype = options.dtype.value_or(kDefaultFloat);
  // PyTorch's float16/bfloat16 linspace rounds its step to the dtype and walks other vector lanes.
  if (is_floating(dtype) && is_narrow(dtype))
    throw Error("NotImplementedError", std::string("torch.linspace with dtype=") + dtype_name(dtype) + " is not supported by gradlab");
  check_allocation(static_cast<size_t>(steps), sizeof(double) + dtype_size(dtype));  // Note [Allocation limit]
  std::vector<double> values(static_cast<size_t>(steps));
  if (steps > 0) dispatch_dtype(dtype, [&](auto zero) { linspace_values<decltype(zero)>(start, end, steps, values); });
  TensorOptions o = options;
  o.dtype = dtype;
  return from_vector(values, {steps}, o);
}

}  // namespace gradlab
