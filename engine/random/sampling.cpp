// Random sampling with PyTorch 1.13's CPU algorithms (see sampling.h).
//
// Note [Two normal paths]
// PyTorch fills a normal tensor one of two ways. A contiguous tensor of 16 or more elements
// gets uniforms first, then Box–Muller in blocks of 16 (u1 = 1 - data[j], u2 = data[j + 8],
// the last 16 drawn again when the size is not a multiple of 16): vectorised for float32
// (Note [PyTorch's float Box–Muller], box_muller_avx2.h), with the C library's log, cos and
// sin for float64 (glibc's, on every build: Note [glibc's libm]). Fewer than 16 elements draw element by element from a double-precision
// Box–Muller: two 53-bit uniforms u1, u2 give r = sqrt(-2 log(1 - u2))
// and θ = 2π u1; the element gets r cos θ and r sin θ is kept in the generator for the next
// draw — so `randn(3)` uses 2 fresh pairs and a spare, which the next call may consume.
// manual_seed and set_rng_state replace the spare.
#include "engine/random/sampling.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "engine/random/box_muller_avx2.h"
#include "engine/ops/op_helpers.h"
#include "engine/util/glibc_math.h"
#include "engine/util/wide_vectors.h"

namespace gradlab {
using ops::not_implemented_for;

namespace {

constexpr double kPi = 3.14159265358979323846;

// c10's formatting of a double inside an error message (an ostream's default "%g").
std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// ---- transforms of raw generator words (PyTorch's TransformationHelper.h) -------------------
// A uniform float in [0, 1) from the low 24 bits of a 32-bit word, or a double from the low 53
// bits of a 64-bit one; scaled to [from, to) with one rounding (GCC fused the multiply-add).
float uniform_float01(CpuGenerator& g) { return static_cast<float>(g.random() & ((1u << 24) - 1)) * (1.0f / 16777216.0f); }
float uniform_float(CpuGenerator& g, float from, float to) { return sleef_detail::fma_f(uniform_float01(g), to - from, from); }
double uniform_double01(CpuGenerator& g) {
  return static_cast<double>(g.random64() & ((uint64_t{1} << 53) - 1)) * (1.0 / 9007199254740992.0);
}
double uniform_double(CpuGenerator& g, double from, double to) { return std::fma(uniform_double01(g), to - from, from); }

// The double-precision normal with its cached spare (Note [Two normal paths]).
double normal_double(CpuGenerator& g, double mean, double std) {
  double z;
  if (g.next_double_normal) {
    z = *g.next_double_normal;
    g.next_double_normal.reset();
  } else {
    const double u1 = uniform_double01(g);
    const double u2 = uniform_double01(g);
    const double r = std::sqrt(-2.0 * glibc_log(1.0 - u2));
    const double theta = 2.0 * kPi * u1;
    g.next_double_normal = r * glibc_sin(theta);
    z = r * glibc_cos(theta);
  }
  return std::fma(z, std, mean);
}

// Exp(lambd) by inversion of a double uniform (PyTorch's CPU transform).
double exponential_double(CpuGenerator& g, double lambd) { return -1.0 / lambd * glibc_log(1.0 - uniform_double01(g)); }

// An integer in [base, base + range): the remainder of a 32-bit word, or of a 64-bit one when
// the range needs it (PyTorch's int64, float and double kernels all take those).
int64_t uniform_int_from_to(CpuGenerator& g, uint64_t range, int64_t base) {
  uint64_t v = range >= (uint64_t{1} << 32) ? g.random64() : g.random();
  return static_cast<int64_t>(v % range + static_cast<uint64_t>(base));
}

// ---- writing draws into a tensor -------------------------------------------------------------
void check_cpu(const Tensor& t, const char* what) {
  if (t.device().is_cuda())
    throw Error("NotImplementedError", std::string(what) +
                                           " on a CUDA tensor is not supported by gradlab yet (PyTorch's CUDA generator "
                                           "gives other numbers than its CPU one); sample on the CPU and move the result with .to('cuda')");
}

// Note [In-place ops]: a draw into a leaf that requires grad is an error while grad mode is on
// (nn.init does it under no_grad); draws into tensors with history are not supported.
void check_inplace_draw(const Tensor& self, const char* what) {
  check_cpu(self, what);
  if (!grad_mode_enabled() || !self.requires_grad()) return;
  if (self.is_leaf()) runtime_error("a leaf Variable that requires grad is being used in an in-place operation.");
  throw Error("NotImplementedError", std::string(what) + " on a tensor with autograd history is not supported by gradlab");
}

// Calls f(T* data, n) with the tensor's storage as its C++ type, then bumps the version.
// PyTorch draws float16/bfloat16 through other distributions (double normals, float uniforms)
// than their float32 storage would select here (Note [Narrow dtypes]).
void refuse_narrow_float(const Tensor& self) {
  if (is_narrow(self.dtype()) && is_floating(self.dtype()))
    throw Error("NotImplementedError", std::string("random sampling into ") + dtype_name(self.dtype()) +
                                           " tensors is not supported by gradlab");
}

template <class F>
void write_draws(Tensor& self, F&& f) {
  refuse_narrow_float(self);
  dispatch_dtype(self.dtype(), [&](auto zero) {
    using T = decltype(zero);
    f(static_cast<T*>(self.mutable_data()), self.numel());
  });
  written_in_place(self);
}

// Each element from draw(): the serial kernels PyTorch uses for every sampler but the float
// normal fill.
template <class Draw>
void fill_serial(Tensor& self, Draw&& draw) {
  write_draws(self, [&](auto* p, int64_t n) {
    using T = std::remove_pointer_t<decltype(p)>;
    for (int64_t i = 0; i < n; ++i) p[i] = static_cast<T>(draw());
  });
}

void check_floating(const Tensor& self, const char* kernel) {
  if (!is_floating(self.dtype())) not_implemented_for(kernel, self.dtype());
  refuse_narrow_float(self);
}

}  // namespace

// ---- continuous distributions ----------------------------------------------------------------
Tensor& uniform_(Tensor& self, double from, double to, CpuGenerator& gen) {
  check_floating(self, "check_uniform_bounds");
  const bool is_float = self.dtype() == DType::Float32;
  const double lowest = is_float ? -static_cast<double>(std::numeric_limits<float>::max()) : -std::numeric_limits<double>::max();
  const double highest = -lowest;
  const char* type = is_float ? "float" : "double";
  if (from < lowest || from > highest)
    runtime_error("from is out of bounds for " + std::string(type));
  if (to < lowest || to > highest) runtime_error("to is out of bounds for " + std::string(type));
  if (!(from <= to)) runtime_error("uniform_ expects to return a [from, to) range, but found from=" + num(from) + " > to=" + num(to));
  if (!(to - from <= highest))
    runtime_error(std::string("uniform_ expects to-from <= std::numeric_limits<") + dtype_scalar_name(self.dtype()) +
                  ">::max(), but found to=" + num(to) + " and from=" + num(from) + " which result in to-from to exceed the limit");
  check_inplace_draw(self, "uniform_");
  if (is_float) {
    const float f = static_cast<float>(from), t = static_cast<float>(to);
    float* data = static_cast<float*>(self.mutable_data());
    const int64_t n = self.numel();
    // x * 1 + 0 is x: torch.rand skips the (baseline build's libm) fma.
    if (f == 0.0f && t == 1.0f) for (int64_t i = 0; i < n; ++i) data[i] = uniform_float01(gen);
    else for (int64_t i = 0; i < n; ++i) data[i] = uniform_float(gen, f, t);
    written_in_place(self);
  } else {
    fill_serial(self, [&] { return uniform_double(gen, from, to); });
  }
  return self;
}

namespace {
// The float64 block of 16 (PyTorch's normal_fill_16 for double).
void fill_16_double(double* data, double mean, double std) {
  for (int j = 0; j < 8; ++j) {
    const double u1 = 1.0 - data[j];
    const double u2 = data[j + 8];
    const double radius = std::sqrt(-2.0 * glibc_log(u1));
    const double theta = 2.0 * kPi * u2;
    data[j] = std::fma(radius * glibc_cos(theta), std, mean);
    data[j + 8] = std::fma(radius * glibc_sin(theta), std, mean);
  }
}

// The float32 blocks, compiled for the CPU's widest vectors (the lanes are independent).
GRADLAB_WIDE_VECTORS void box_muller_blocks(float* data, int64_t blocks, float mean, float std) {
  for (int64_t b = 0; b < blocks; ++b) random::box_muller::fill_16(data + 16 * b, mean, std);
}

// Uniforms everywhere, then blocks of 16, the last 16 again (Note [Two normal paths]).
template <class T, class Uniform, class Blocks>
void normal_fill(T* data, int64_t n, Uniform uniform, Blocks blocks) {
  for (int64_t i = 0; i < n; ++i) data[i] = uniform();
  blocks(data, n / 16);
  if (n % 16 != 0) {
    T* tail = data + n - 16;
    for (int i = 0; i < 16; ++i) tail[i] = uniform();
    blocks(tail, 1);
  }
}
}  // namespace

Tensor& normal_(Tensor& self, double mean, double std, CpuGenerator& gen) {
  if (!(std >= 0.0)) runtime_error("normal expects std >= 0.0, but found std " + num(std));
  check_floating(self, "normal_kernel_cpu");
  check_inplace_draw(self, "normal_");
  const int64_t n = self.numel();
  if (n < 16) {
    fill_serial(self, [&] { return normal_double(gen, mean, std); });
    return self;
  }
  if (self.dtype() == DType::Float32) {  // Note [PyTorch's float Box–Muller]
    const float m = static_cast<float>(mean), s = static_cast<float>(std);
    normal_fill(static_cast<float*>(self.mutable_data()), n, [&] { return uniform_float01(gen); },
                [&](float* data, int64_t blocks) { box_muller_blocks(data, blocks, m, s); });
  } else {
    normal_fill(static_cast<double*>(self.mutable_data()), n, [&] { return uniform_double01(gen); },
                [&](double* data, int64_t blocks) {
                  for (int64_t b = 0; b < blocks; ++b) fill_16_double(data + 16 * b, mean, std);
                });
  }
  written_in_place(self);
  return self;
}

Tensor& log_normal_(Tensor& self, double mean, double std, CpuGenerator& gen) {
  if (!(std > 0.0)) runtime_error("log_normal_ expects std > 0.0, but found std=" + num(std));
  check_floating(self, "log_normal_cpu");
  check_inplace_draw(self, "log_normal_");
  fill_serial(self, [&] { return std::exp(normal_double(gen, mean, std)); });
  return self;
}

Tensor& exponential_(Tensor& self, double lambd, CpuGenerator& gen) {
  if (!(lambd >= 0.0)) runtime_error("exponential_ expects lambda >= 0.0, but found lambda=" + num(lambd));
  check_floating(self, "exponential_cpu");
  check_inplace_draw(self, "exponential_");
  fill_serial(self, [&] { return exponential_double(gen, lambd); });
  return self;
}

Tensor& cauchy_(Tensor& self, double median, double sigma, CpuGenerator& gen) {
  check_floating(self, "cauchy_cpu");
  check_inplace_draw(self, "cauchy_");
  fill_serial(self, [&] { return median + sigma * std::tan(kPi * (uniform_double01(gen) - 0.5)); });
  return self;
}

Tensor& geometric_(Tensor& self, double p, CpuGenerator& gen) {
  if (!(p > 0 && p < 1)) runtime_error("geometric_ expects p to be in (0, 1), but got p=" + num(p));
  check_inplace_draw(self, "geometric_");
  fill_serial(self, [&] { return std::ceil(glibc_log(uniform_double01(gen)) / glibc_log(1.0 - p)); });
  return self;
}

// ---- integers ----------------------------------------------------------------------------------
namespace {

int64_t digits_of(DType d) { return d == DType::Float32 ? 24 : 53; }

// PyTorch moves a bound that the float dtype cannot hold exactly to the nearest representable
// value inside the range (update_from / update_to).
int64_t update_from(int64_t from, DType d) {
  int64_t from_plus_1 = d == DType::Float32 ? static_cast<int64_t>(static_cast<float>(from + 1))
                                            : static_cast<int64_t>(static_cast<double>(from + 1));
  if (from_plus_1 < from) {
    int64_t v = std::abs(from + 1);
    int n = 0;
    while (v >>= 1) ++n;
    from = from_plus_1 + (int64_t{1} << (n - digits_of(d) + 1));
  }
  return from;
}
int64_t update_to(int64_t to, DType d) {
  int64_t to_minus_1 = d == DType::Float32 ? static_cast<int64_t>(static_cast<float>(to - 1))
                                           : static_cast<int64_t>(static_cast<double>(to - 1));
  if (to_minus_1 >= to) {
    int64_t v = std::abs(to - 1);
    int n = 0;
    while (v >>= 1) ++n;
    to = to_minus_1 - (int64_t{1} << (n - digits_of(d) + 1));
  }
  return to;
}

void fill_from_to(Tensor& self, uint64_t range, int64_t base, CpuGenerator& gen) {
  fill_serial(self, [&] { return uniform_int_from_to(gen, range, base); });
}

}  // namespace

Tensor& random_(Tensor& self, int64_t from, std::optional<int64_t> to_opt, CpuGenerator& gen) {
  const DType d = self.dtype();
  if (to_opt) {
    int64_t to = *to_opt;
    if (!(from < to))
      runtime_error("random_ expects 'from' to be less than 'to', but got from=" + std::to_string(from) + " >= to=" + std::to_string(to));
    if (is_floating(d)) {
      from = update_from(from, d);
      to = update_to(to, d);
      if (!(from < to))
        runtime_error("random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got from=" +
                      std::to_string(from) + " >= to=" + std::to_string(to));
    }
    check_inplace_draw(self, "random_");
    fill_from_to(self, static_cast<uint64_t>(to) - static_cast<uint64_t>(from), from, gen);
    return self;
  }
  if (from == std::numeric_limits<int64_t>::lowest()) {
    check_inplace_draw(self, "random_");
    fill_serial(self, [&] { return static_cast<int64_t>(gen.random64()); });
    return self;
  }
  int64_t to_inc = std::numeric_limits<int64_t>::max();
  if (is_floating(d)) {
    to_inc = int64_t{1} << digits_of(d);
    from = update_from(from, d);
    if (!(from < to_inc))
      runtime_error("random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted to dtype, but got from=" +
                    std::to_string(from) + " > to_inc=" + std::to_string(to_inc));
  }
  check_inplace_draw(self, "random_");
  fill_from_to(self, static_cast<uint64_t>(to_inc) - static_cast<uint64_t>(from) + 1, from, gen);
  return self;
}

Tensor& random_(Tensor& self, CpuGenerator& gen) {
  check_inplace_draw(self, "random_");
  switch (self.dtype()) {
    case DType::Float32:  // a 32-bit word modulo 2^24 + 1: every integer a float holds exactly
      fill_serial(self, [&] { return static_cast<double>(gen.random() % ((uint64_t{1} << 24) + 1)); });
      break;
    case DType::Float64:
      fill_serial(self, [&] { return static_cast<double>(gen.random64() % ((uint64_t{1} << 53) + 1)); });
      break;
    case DType::Int64:
      fill_serial(self, [&] {
        return static_cast<int64_t>(gen.random64() % (static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + 1));
      });
      break;
    default:
      throw Error("NotImplementedError", std::string("random_() without bounds on ") + dtype_name(self.dtype()) +
                                             " tensors is not supported by gradlab");
  }
  return self;
}

Tensor randperm(int64_t n, const TensorOptions& options, CpuGenerator& gen) {
  TensorOptions o = options;
  if (!o.dtype) o.dtype = DType::Int64;
  if (is_floating(*o.dtype) && n > (int64_t{1} << digits_of(*o.dtype)))
    runtime_error(std::string("n must be less than or equal to ") + std::to_string(int64_t{1} << digits_of(*o.dtype)) +
                  " for dtype " + dtype_name(*o.dtype));
  Tensor out = empty({n}, o);  // negative n and requires_grad on an integer dtype fail here, as in PyTorch
  check_cpu(out, "randperm");
  std::vector<int64_t> perm(static_cast<size_t>(n));
  std::iota(perm.begin(), perm.end(), int64_t{0});
  if (n < static_cast<int64_t>(std::numeric_limits<uint32_t>::max() / 20)) {
    // Fisher–Yates from the front with 32-bit draws (PyTorch's behaviour for every practical n).
    for (int64_t i = 0; i < n - 1; ++i) {
      int64_t z = static_cast<int64_t>(gen.random() % static_cast<uint64_t>(n - i));
      std::swap(perm[i], perm[z + i]);
    }
  } else {
    // The "inside-out" variant with 64-bit draws, so huge n stay uniform.
    for (int64_t i = 0; i < n; ++i) {
      int64_t z = static_cast<int64_t>(gen.random64() % static_cast<uint64_t>(i + 1));
      perm[i] = perm[z];
      perm[z] = i;
    }
  }
  write_draws(out, [&](auto* p, int64_t count) {
    using T = std::remove_pointer_t<decltype(p)>;
    for (int64_t i = 0; i < count; ++i) p[i] = static_cast<T>(perm[i]);
  });
  return out;
}

// ---- bernoulli, multinomial, poisson -----------------------------------------------------------
Tensor& bernoulli_(Tensor& self, double p, CpuGenerator& gen) {
  if (!(p >= 0 && p <= 1)) runtime_error("bernoulli_ expects p to be in [0, 1], but got p=" + num(p));
  check_inplace_draw(self, "bernoulli_");
  fill_serial(self, [&] { return uniform_double01(gen) < p ? 1.0 : 0.0; });
  return self;
}

Tensor& bernoulli_(Tensor& self, const Tensor& p, CpuGenerator& gen) {
  check_inplace_draw(self, "bernoulli_");
  check_cpu(p, "bernoulli_");
  if (!is_floating(p.dtype())) not_implemented_for("bernoulli_tensor_cpu_p_", p.dtype());
  Tensor probs = p.shape() == self.shape() ? p : expand(p.detach(), self.shape());
  std::vector<double> pv = probs.to_doubles();
  const bool p_double = p.dtype() == DType::Float64;
  size_t i = 0;
  fill_serial(self, [&] {
    double pi = pv[i++];
    if (!(pi >= 0 && pi <= 1))
      runtime_error("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  "
                    "If so, please report an enhancement request to PyTorch.)");
    // A float32 p is compared with a float uniform, a float64 p with a double one.
    return (p_double ? uniform_double01(gen) < pi : uniform_float01(gen) < static_cast<float>(pi)) ? 1.0 : 0.0;
  });
  return self;
}

Tensor bernoulli(const Tensor& p, CpuGenerator& gen) {
  Tensor out = empty(p.shape(), TensorOptions{p.dtype(), p.device(), false});
  return bernoulli_(out, p, gen);
}

Tensor bernoulli(const Tensor& like, double p, CpuGenerator& gen) {
  Tensor out = empty(like.shape(), TensorOptions{like.dtype(), like.device(), false});
  return bernoulli_(out, p, gen);
}

namespace {

// Without replacement, PyTorch's Gumbel-max form: the n_sample largest p / q
// with q ~ Exp(1), q and the quotient rounded to the input's type T.
template <class T>
void multinomial_gumbel(const std::vector<double>& p, int64_t n_dist, int64_t n_cat, int64_t n_sample, CpuGenerator& gen,
                        int64_t* result) {
  for (double v : p)
    if (!(v < INFINITY) || !(v >= 0)) runtime_error("probability tensor contains either `inf`, `nan` or element < 0");
  for (int64_t r = 0; r < n_dist; ++r)
    if (std::all_of(p.begin() + r * n_cat, p.begin() + (r + 1) * n_cat, [](double v) { return v == 0; }))
      runtime_error("invalid multinomial distribution (sum of probabilities <= 0)");
  std::vector<T> q(p.size());
  for (T& v : q) v = static_cast<T>(exponential_double(gen, 1.0));  // the whole exponential_ first
  for (size_t i = 0; i < q.size(); ++i) q[i] = static_cast<T>(p[i]) / q[i];
  std::vector<int64_t> idx(static_cast<size_t>(n_cat));
  for (int64_t r = 0; r < n_dist; ++r) {
    std::iota(idx.begin(), idx.end(), int64_t{0});
    const T* row = q.data() + r * n_cat;
    // argmax keeps the first of equal values; topk sorts by value, larger first.
    std::stable_sort(idx.begin(), idx.end(), [&](int64_t x, int64_t y) { return row[x] > row[y]; });
    std::copy_n(idx.begin(), n_sample, result + r * n_sample);
  }
}

// With replacement, the inverse CDF: a double uniform searched in the row's cumulative sums,
// which PyTorch accumulates and normalises in the input's type T, the last forced to 1.
template <class T>
void multinomial_inverse_cdf(const std::vector<double>& p, int64_t n_dist, int64_t n_cat, int64_t n_sample, CpuGenerator& gen,
                             int64_t* result) {
  std::vector<T> cum(static_cast<size_t>(n_cat));
  for (int64_t r = 0; r < n_dist; ++r) {
    T sum = 0;
    for (int64_t j = 0; j < n_cat; ++j) {
      double v = p[r * n_cat + j];
      if (!(v >= 0)) runtime_error("invalid multinomial distribution (encountering probability entry < 0)");
      if (!std::isfinite(v)) runtime_error("invalid multinomial distribution (encountering probability entry = infinity or NaN)");
      sum += static_cast<T>(v);
      cum[j] = sum;
    }
    if (!(sum > 0)) runtime_error("invalid multinomial distribution (sum of probabilities <= 0)");
    for (T& c : cum) c /= sum;
    cum[n_cat - 1] = 1;
    for (int64_t k = 0; k < n_sample; ++k) {
      double u = uniform_double01(gen);
      result[r * n_sample + k] = std::lower_bound(cum.begin(), cum.end(), u, [](T c, double x) { return c < x; }) - cum.begin();
    }
  }
}

}  // namespace

Tensor multinomial(const Tensor& probs, int64_t n_sample, bool replacement, CpuGenerator& gen) {
  check_cpu(probs, "multinomial");
  if (probs.dim() < 1 || probs.dim() > 2) runtime_error("prob_dist must be 1 or 2 dim");
  if (!is_floating(probs.dtype()))
    runtime_error(std::string("multinomial only supports floating-point dtypes for input, got: ") + dtype_scalar_name(probs.dtype()));
  if (n_sample <= 0) runtime_error("cannot sample n_sample <= 0 samples");
  const int64_t n_cat = probs.size(-1);
  const int64_t n_dist = probs.dim() == 2 ? probs.size(0) : 1;
  if (!replacement && n_sample > n_cat) runtime_error("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
  if (n_cat > (int64_t{1} << 24)) runtime_error("number of categories cannot exceed 2^24");
  Tensor out = empty(probs.dim() == 1 ? Shape{n_sample} : Shape{n_dist, n_sample}, TensorOptions{DType::Int64, probs.device(), false});
  const std::vector<double> p = probs.to_doubles();
  int64_t* result = static_cast<int64_t*>(out.mutable_data());
  const bool gumbel = !replacement;  // 1.13.1: with replacement, even one sample takes the inverse CDF
  dispatch_dtype(probs.dtype(), [&](auto zero) {
    using T = decltype(zero);
    if constexpr (std::is_floating_point_v<T>) {
      if (gumbel) multinomial_gumbel<T>(p, n_dist, n_cat, n_sample, gen, result);
      else multinomial_inverse_cdf<T>(p, n_dist, n_cat, n_sample, gen, result);
    }
  });
  ++out.storage().version;
  return out;
}

namespace {
// PyTorch's sample_poisson: Hörmann's transformed rejection for rates of 10 or more, the
// product of uniforms below.
int64_t sample_poisson(double lambda, CpuGenerator& gen) {
  if (!(lambda >= 0)) runtime_error("invalid Poisson rate, expected rate to be non-negative");
  if (lambda >= 10) {
    const double slam = std::sqrt(lambda);
    const double loglam = glibc_log(lambda);
    const double b = 0.931 + 2.53 * slam;
    const double a = -0.059 + 0.02483 * b;
    const double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      const double u = uniform_double01(gen) - 0.5;
      const double v = uniform_double01(gen);
      const double us = 0.5 - std::fabs(u);
      const int64_t k = static_cast<int64_t>(std::floor((2 * a / us + b) * u + lambda + 0.43));
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (glibc_log(v) + glibc_log(invalpha) - glibc_log(a / (us * us) + b) <= -lambda + k * loglam - std::lgamma(static_cast<double>(k) + 1))
        return k;
    }
  }
  if (lambda == 0) return 0;
  const double enlam = std::exp(-lambda);
  int64_t x = 0;
  double prod = 1.0;
  while (true) {
    prod *= uniform_double01(gen);
    if (prod > enlam) ++x;
    else return x;
  }
}
}  // namespace

Tensor poisson(const Tensor& rates, CpuGenerator& gen) {
  check_cpu(rates, "poisson");
  if (!is_floating(rates.dtype())) not_implemented_for("poisson_cpu", rates.dtype());
  std::vector<double> r = rates.to_doubles();
  Tensor out = empty(rates.shape(), TensorOptions{rates.dtype(), rates.device(), false});
  size_t i = 0;
  fill_serial(out, [&] { return static_cast<double>(sample_poisson(r[i++], gen)); });
  return out;
}

// ---- torch.normal with tensors -------------------------------------------------------------------
namespace {
void check_std_tensor(const Tensor& std) {
  for (double v : std.to_doubles())
    if (!(v >= 0.0)) runtime_error("normal expects all elements of std >= 0.0");
}
void check_no_grad_inputs(const Tensor& a, const Tensor* b) {
  if (grad_mode_enabled() && (a.requires_grad() || (b && b->requires_grad())))
    throw Error("NotImplementedError", "torch.normal with a mean or std that requires grad is not supported by gradlab");
}
}  // namespace

Tensor normal(const Tensor& mean, const Tensor& std, CpuGenerator& gen) {
  check_no_grad_inputs(mean, &std);
  check_std_tensor(std);
  Tensor out = empty(broadcast_shapes(mean.shape(), std.shape()), TensorOptions{mean.dtype(), mean.device(), false});
  NoGradGuard no_grad;
  normal_(out, 0.0, 1.0, gen);
  out.mul_(std);
  out.add_(mean);
  return out;
}

Tensor normal(const Tensor& mean, double std, CpuGenerator& gen) {
  check_no_grad_inputs(mean, nullptr);
  if (!(std >= 0.0)) runtime_error("normal expects std >= 0.0, but found std " + num(std));
  Tensor out = empty(mean.shape(), TensorOptions{mean.dtype(), mean.device(), false});
  NoGradGuard no_grad;
  normal_(out, 0.0, std, gen);
  out.add_(mean);
  return out;
}

Tensor normal(double mean, const Tensor& std, CpuGenerator& gen) {
  check_no_grad_inputs(std, nullptr);
  check_std_tensor(std);
  Tensor out = empty(std.shape(), TensorOptions{std.dtype(), std.device(), false});
  NoGradGuard no_grad;
  normal_(out, 0.0, 1.0, gen);
  out.mul_(std);
  out.add_(Scalar(mean));
  return out;
}

}  // namespace gradlab
