// Backend-level agreement: every primitive of backend.h run on the CUDA backend and on the CPU
// backend with identical input bytes, results compared (float32 rel 1e-5, float64 rel 1e-12,
// int64 exact; sums and matmuls relative to Σ|terms|, the size of their rounding error).
//
// Unary and binary cases are generated from the X-macro lists in scalar_math.h, so a new
// primitive row is tested here without an edit (its inputs then come from the generic domain;
// give it a domain below if it needs positive inputs or special parameters).
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "engine/backend/backend.h"
#include "engine/backend/elementwise_program.h"
#include "engine/error.h"
#include "tests/cuda/check.h"

namespace gradlab::cuda_test {

namespace {

// ---- host <-> device helpers --------------------------------------------------------------------

// Device memory owned through a backend's allocator.
class Buffer {
 public:
  Buffer(Backend& backend, size_t bytes) : backend_(&backend), bytes_(bytes), ptr_(backend.allocate(bytes)) {}
  ~Buffer() {
    if (backend_) backend_->deallocate(ptr_, bytes_);
  }
  Buffer(Buffer&& o) noexcept : backend_(o.backend_), bytes_(o.bytes_), ptr_(o.ptr_) { o.backend_ = nullptr; }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  Buffer& operator=(Buffer&&) = delete;
  void* get() const { return ptr_; }

 private:
  Backend* backend_;
  size_t bytes_;
  void* ptr_;
};

std::vector<unsigned char> to_bytes(const std::vector<double>& v, DType t) {
  std::vector<unsigned char> bytes(v.size() * dtype_size(t));
  dispatch_dtype(t, [&](auto tag) {
    using T = decltype(tag);
    for (size_t i = 0; i < v.size(); ++i) {
      const T x = static_cast<T>(v[i]);
      std::memcpy(bytes.data() + i * sizeof(T), &x, sizeof(T));
    }
  });
  return bytes;
}

std::vector<double> from_bytes(const std::vector<unsigned char>& bytes, DType t) {
  std::vector<double> v(bytes.size() / dtype_size(t));
  dispatch_dtype(t, [&](auto tag) {
    using T = decltype(tag);
    for (size_t i = 0; i < v.size(); ++i) {
      T x;
      std::memcpy(&x, bytes.data() + i * sizeof(T), sizeof(T));
      v[i] = static_cast<double>(x);
    }
  });
  return v;
}

// The values as `t` would hold them (what both backends actually compute on).
std::vector<double> rounded(const std::vector<double>& v, DType t) { return from_bytes(to_bytes(v, t), t); }

Buffer upload(Backend& be, const std::vector<double>& v, DType t) {
  const auto bytes = to_bytes(v, t);
  Buffer b(be, bytes.size());
  be.copy_from_host(b.get(), bytes.data(), bytes.size());
  return b;
}

std::vector<double> download(Backend& be, const void* p, size_t n, DType t) {
  std::vector<unsigned char> bytes(n * dtype_size(t));
  be.copy_to_host(bytes.data(), p, bytes.size());
  return from_bytes(bytes, t);
}

const DType kDTypes[] = {DType::Float32, DType::Float64, DType::Int64};

std::string shape_name(const Shape& s) { return shape_str(s); }

// Strides that read a contiguous `from` tensor broadcast to `to` (right-aligned).
std::vector<int64_t> broadcast_to(const Shape& from, const Shape& to) {
  const auto cs = contiguous_strides(from);
  std::vector<int64_t> st(to.size(), 0);
  const size_t shift = to.size() - from.size();
  for (size_t d = shift; d < to.size(); ++d)
    st[d] = from[d - shift] == 1 && to[d] != 1 ? 0 : cs[d - shift];
  return st;
}

// Number of elements of the underlying buffer a view reaches.
int64_t view_extent(const Shape& shape, const std::vector<int64_t>& strides, int64_t offset) {
  int64_t last = offset;
  for (size_t d = 0; d < shape.size(); ++d) {
    if (shape[d] == 0) return offset;
    last += (shape[d] - 1) * strides[d];
  }
  return last + 1;
}

// ---- element-wise -------------------------------------------------------------------------------

struct Domain {
  double lo = -3, hi = 3;  // input range (int64: rounded)
  double a = 1.5, b = 0.5;  // scalar parameters (int64: rounded)
  bool nonzero = false;     // keep inputs away from 0 (divisors)
};

// Inputs where each primitive is defined, and int64 inputs whose results stay exactly
// representable (an out-of-range double→int64 conversion is undefined on both devices).
Domain unary_domain(UnaryOp op, DType t) {
  const bool i = t == DType::Int64;
  Domain d;
  if (i) d = Domain{-5, 5, 2, 1, false};
  switch (op) {
    case UnaryOp::Log:
    case UnaryOp::Sqrt: d.lo = i ? 1 : 0.05; d.hi = i ? 5 : 4; break;
    case UnaryOp::PowScalar: d.lo = i ? -4 : 0.1; d.hi = 3; d.a = i ? 3 : 2.5; break;
    case UnaryOp::RPowScalar: d.lo = i ? 0 : -3; d.hi = i ? 10 : 3; d.a = i ? 2 : 1.7; break;
    case UnaryOp::RDivScalar: d.nonzero = true; d.a = i ? 7 : 2.5; break;
    case UnaryOp::Clamp:
    case UnaryOp::ClampMask: d.a = i ? -1 : -0.5; d.b = i ? 2 : 0.7; break;
    case UnaryOp::Rsqrt:
    case UnaryOp::Log2:
    case UnaryOp::Log10: d.lo = i ? 1 : 0.05; d.hi = i ? 5 : 4; break;
    case UnaryOp::Log1p: d.lo = i ? 0 : -0.9; break;
    case UnaryOp::Acosh: d.lo = 1; d.hi = i ? 5 : 4; break;
    case UnaryOp::Atanh: d.lo = i ? 0 : -0.9; d.hi = i ? 0 : 0.9; break;  // int64: only atanh(0) is finite
    case UnaryOp::RoundDecimals: d.a = i ? 10 : 100; d.b = 0; break;      // a = 10^decimals
    default: break;
  }
  return d;
}

Domain binary_domain(BinaryOp op, DType t) {
  const bool i = t == DType::Int64;
  Domain d;
  if (i) d = Domain{-5, 5, 2, 1, false};
  switch (op) {
    case BinaryOp::Div: d.nonzero = true; break;
    case BinaryOp::Pow: d.lo = i ? -3 : 0.1; d.hi = 3; break;  // exponents: see binary_y_range
    case BinaryOp::PowExponentGrad: d.lo = i ? 1 : 0.1; d.hi = i ? 9 : 3; break;
    case BinaryOp::PowScalarBackward: d.lo = i ? -3 : 0.1; d.hi = 3; d.a = i ? 3 : 2.5; break;
    case BinaryOp::AddScaled: d.a = i ? -2 : -1.5; break;
    default: break;
  }
  return d;
}

// y's range where it differs from x's.
void binary_y_range(BinaryOp op, DType t, const Domain& d, double& lo, double& hi) {
  lo = d.lo;
  hi = d.hi;
  if (op == BinaryOp::Pow) {
    lo = t == DType::Int64 ? 0 : -2;
    hi = t == DType::Int64 ? 4 : 3;
  }
  if (op == BinaryOp::PowScalarBackward) {  // y is the base
    lo = t == DType::Int64 ? -3 : 0.1;
    hi = 3;
  }
}

std::vector<double> sample(Rng& rng, size_t n, DType t, double lo, double hi, bool nonzero, bool ties) {
  std::vector<double> v(n);
  for (auto& x : v) {
    do {
      if (t == DType::Int64) {
        x = static_cast<double>(rng.integer(static_cast<int64_t>(lo), static_cast<int64_t>(hi)));
      } else if (ties) {
        x = std::round(rng.uniform(lo, hi) * 4) / 4;  // a coarse grid, so x == y happens
      } else {
        x = rng.uniform(lo, hi);
      }
    } while (nonzero && std::fabs(x) < (t == DType::Int64 ? 1 : 0.05));
  }
  return v;
}

struct UnaryRow {
  UnaryOp op;
  const char* name;
};
const UnaryRow kUnaryRows[] = {
#define GRADLAB_ROW(name, expr) {UnaryOp::name, #name},
    GRADLAB_UNARY_PRIMITIVES(GRADLAB_ROW)
#undef GRADLAB_ROW
};

struct BinaryRow {
  BinaryOp op;
  const char* name;
};
const BinaryRow kBinaryRows[] = {
#define GRADLAB_ROW(name, expr) {BinaryOp::name, #name},
    GRADLAB_BINARY_PRIMITIVES(GRADLAB_ROW)
#undef GRADLAB_ROW
};

void test_memory(Report& r, Backend& cpu, Backend& gpu) {
  (void)cpu;
  Rng rng(1);
  r.run("memory/roundtrip", [&] {
    const auto v = rng.uniform(1003, -10, 10);
    for (DType t : kDTypes) {
      Buffer a = upload(gpu, v, t);
      Buffer b(gpu, v.size() * dtype_size(t));
      gpu.copy(b.get(), a.get(), v.size() * dtype_size(t));
      expect_close(r, std::string("memory/roundtrip/") + dtype_short(t), download(gpu, b.get(), v.size(), t),
                   rounded(v, t), t, {}, 0, 0);
    }
  });
  r.run("memory/cache reuse", [&] {
    void* p = gpu.allocate(4096);
    gpu.deallocate(p, 4096);
    void* q = gpu.allocate(4000);  // same 512-byte size class: the cached block comes back
    r.expect(p == q, "memory/cache reuse", "a freed block was not reused for the same size class");
    gpu.deallocate(q, 4000);
  });
  r.run("memory/zero bytes", [&] {
    void* p = gpu.allocate(0);
    gpu.deallocate(p, 0);
    r.expect(true, "memory/zero bytes");
  });
  r.run("memory/out of memory", [&] {
    bool threw = false;
    try {
      void* p = gpu.allocate(size_t{1} << 50);  // 1 PiB
      gpu.deallocate(p, size_t{1} << 50);
    } catch (const Error& e) {
      threw = true;
      const std::string msg = e.what();
      r.expect(e.type() == "RuntimeError" && msg.rfind("CUDA out of memory. Tried to allocate ", 0) == 0,
               "memory/out of memory", "unexpected error: " + e.type() + ": " + msg);
    }
    r.expect(threw, "memory/out of memory", "allocating 1 PiB did not throw");
    Buffer after(gpu, 1024);  // the backend still works after a failed allocation
    r.expect(after.get() != nullptr, "memory/after out of memory");
  });
}

void test_fill_cast(Report& r, Backend& cpu, Backend& gpu) {
  for (DType t : kDTypes) {
    for (double value : {0.0, -0.0, 1.5, -7.0, 3e30, std::numeric_limits<double>::quiet_NaN()}) {
      if (t == DType::Int64 && (value != std::round(value) || std::fabs(value) > 1e15 || std::isnan(value))) continue;
      for (int64_t n : {0, 1, 1003}) {
        const std::string name = std::string("fill/") + dtype_short(t) + "/" + std::to_string(value) + "/n=" +
                                 std::to_string(n);
        r.run(name, [&] {
          Buffer c(cpu, n * dtype_size(t)), g(gpu, n * dtype_size(t));
          cpu.fill(t, c.get(), n, value);
          gpu.fill(t, g.get(), n, value);
          const auto want = download(cpu, c.get(), n, t);
          const auto got = download(gpu, g.get(), n, t);
          expect_close(r, name, got, want, t, {}, 0, 0);
          if (n > 0 && value == 0.0 && t != DType::Int64) {  // -0.0 keeps its sign bit
            r.expect(std::signbit(got[0]) == std::signbit(value), name, "sign of zero differs");
          }
        });
      }
    }
  }
  Rng rng(2);
  const auto values = rng.uniform(1003, -100, 100);
  for (DType from : kDTypes) {
    for (DType to : kDTypes) {
      const std::string name = std::string("cast/") + dtype_short(from) + "->" + dtype_short(to);
      r.run(name, [&] {
        const int64_t n = static_cast<int64_t>(values.size());
        Buffer xc = upload(cpu, values, from), xg = upload(gpu, values, from);
        Buffer c(cpu, n * dtype_size(to)), g(gpu, n * dtype_size(to));
        cpu.cast(from, xc.get(), to, c.get(), n);
        gpu.cast(from, xg.get(), to, g.get(), n);
        expect_close(r, name, download(gpu, g.get(), n, to), download(cpu, c.get(), n, to), to, {}, 0, 0);
      });
    }
  }
}

void test_unary(Report& r, Backend& cpu, Backend& gpu) {
  Rng rng(3);
  for (const UnaryRow& row : kUnaryRows) {
    for (DType t : kDTypes) {
      const Domain d = unary_domain(row.op, t);
      std::vector<std::pair<double, double>> params = {{d.a, d.b}};
      if (row.op == UnaryOp::PowScalar && t != DType::Int64) {
        for (double e : {2.0, 3.0, 0.5, -0.5, -1.0, -2.0}) params.push_back({e, 0});  // special-cased exponents
      }
      if ((row.op == UnaryOp::Clamp || row.op == UnaryOp::ClampMask) && t != DType::Int64) {
        // A NaN bound means "none" (a NaN converted to int64 is undefined, so floats only).
        const double nan = std::numeric_limits<double>::quiet_NaN();
        params.push_back({nan, d.b});  // no lower bound
        params.push_back({d.a, nan});  // no upper bound
      }
      // Sizes: empty, one element, a vector tail (1003 = 4·250 + 3), a multi-block grid; and
      // an input starting one element into its buffer (not 16-byte aligned: scalar path).
      for (int64_t n : {0, 1, 1003, (1 << 18) + 3}) {
        for (int64_t offset : {0, 1}) {
          if (n == 0 && offset) continue;
          for (const auto& [a, b] : params) {
            const std::string name = std::string("unary/") + row.name + "/" + dtype_short(t) + "/n=" +
                                     std::to_string(n) + (offset ? "/unaligned" : "") + "/a=" + std::to_string(a);
            r.run(name, [&] {
              const auto x = sample(rng, static_cast<size_t>(n + offset), t, d.lo, d.hi, d.nonzero, false);
              Buffer xc = upload(cpu, x, t), xg = upload(gpu, x, t);
              Buffer c(cpu, (n + offset) * dtype_size(t)), g(gpu, (n + offset) * dtype_size(t));
              const size_t off = static_cast<size_t>(offset) * dtype_size(t);
              cpu.unary(row.op, t, static_cast<char*>(xc.get()) + off, static_cast<char*>(c.get()) + off, n, a, b);
              gpu.unary(row.op, t, static_cast<char*>(xg.get()) + off, static_cast<char*>(g.get()) + off, n, a, b);
              auto want = download(cpu, c.get(), n + offset, t);
              auto got = download(gpu, g.get(), n + offset, t);
              want.erase(want.begin(), want.begin() + offset);
              got.erase(got.begin(), got.begin() + offset);
              expect_close(r, name, got, want, t);
            });
          }
        }
      }
    }
  }
}

// A view for a binary operand: the shape/strides/offset over a buffer of `buffer` elements.
struct ViewSpec {
  int64_t buffer;
  Shape shape;
  std::vector<int64_t> strides;
  int64_t offset = 0;
};

struct BinaryCase {
  std::string name;
  Shape out;
  ViewSpec x, y;
};

ViewSpec broadcast_spec(const Shape& from, const Shape& to) {
  return {shape_numel(from), to, broadcast_to(from, to), 0};
}

std::vector<BinaryCase> binary_cases() {
  std::vector<BinaryCase> cases;
  auto bc = [&](const Shape& out, const Shape& xs, const Shape& ys) {
    cases.push_back({shape_name(xs) + "*" + shape_name(ys), out, broadcast_spec(xs, out), broadcast_spec(ys, out)});
  };
  bc({}, {}, {});                    // 0-d
  bc({7}, {7}, {7});
  bc({1003}, {1003}, {1003});        // vector body + tail
  bc({(1 << 18) + 1}, {(1 << 18) + 1}, {(1 << 18) + 1});
  bc({3, 4}, {3, 4}, {4});
  bc({2, 3, 5}, {2, 1, 5}, {3, 1});
  bc({4, 5, 6}, {4, 1, 6}, {5, 1});
  bc({17, 9}, {17, 9}, {});          // scalar broadcast
  bc({17, 9}, {}, {17, 9});
  bc({64, 128}, {64, 128}, {128});   // bias add
  bc({2, 3, 4, 5, 6}, {2, 1, 4, 1, 6}, {3, 1, 5, 1});
  bc({0, 3}, {0, 3}, {3});           // empty
  // x transposed: a [5,3] buffer read as [3,5].
  cases.push_back({"transposed", {3, 5}, {15, {3, 5}, {1, 3}, 0}, broadcast_spec({3, 5}, {3, 5})});
  // x a strided slice with an offset: rows 0,2,4 and columns 3,5,7,9 of a [6,10] buffer, i.e.
  // shape [3,4], strides [20,2], offset 3; y contiguous.
  cases.push_back({"slice", {3, 4}, {60, {3, 4}, {20, 2}, 3}, broadcast_spec({3, 4}, {3, 4})});
  // both contiguous but starting one element in (not vector-aligned).
  cases.push_back({"unaligned", {1001}, {1002, {1001}, {1}, 1}, {1002, {1001}, {1}, 1}});
  return cases;
}

void test_binary(Report& r, Backend& cpu, Backend& gpu) {
  Rng rng(4);
  const auto cases = binary_cases();
  for (const BinaryRow& row : kBinaryRows) {
    for (DType t : kDTypes) {
      const Domain d = binary_domain(row.op, t);
      double ylo, yhi;
      binary_y_range(row.op, t, d, ylo, yhi);
      const bool ties = row.op == BinaryOp::EqualMask || row.op == BinaryOp::MaximumGradMask || row.op == BinaryOp::Max;
      for (const BinaryCase& bc : cases) {
        const std::string name = std::string("binary/") + row.name + "/" + dtype_short(t) + "/" + bc.name;
        r.run(name, [&] {
          const auto xv = sample(rng, static_cast<size_t>(bc.x.buffer), t, d.lo, d.hi, false, ties);
          const auto yv = sample(rng, static_cast<size_t>(bc.y.buffer), t, ylo, yhi, d.nonzero, ties);
          const int64_t n = shape_numel(bc.out);
          Buffer xc = upload(cpu, xv, t), xg = upload(gpu, xv, t), yc = upload(cpu, yv, t), yg = upload(gpu, yv, t);
          Buffer c(cpu, n * dtype_size(t)), g(gpu, n * dtype_size(t));
          auto view = [](const ViewSpec& s, const void* data) { return StridedView{data, s.shape, s.strides, s.offset}; };
          cpu.binary(row.op, t, view(bc.x, xc.get()), view(bc.y, yc.get()), c.get(), bc.out, d.a);
          gpu.binary(row.op, t, view(bc.x, xg.get()), view(bc.y, yg.get()), g.get(), bc.out, d.a);
          expect_close(r, name, download(gpu, g.get(), n, t), download(cpu, c.get(), n, t), t);
        });
      }
    }
  }
}

// ---- movement -----------------------------------------------------------------------------------

std::vector<ViewSpec> movement_views() {
  return {
      {1, {}, {}, 0},                            // 0-d
      {24, {2, 3, 4}, {12, 4, 1}, 0},            // contiguous (a plain copy)
      {25, {2, 3, 4}, {12, 4, 1}, 1},            // contiguous at an offset
      {20, {5, 4}, {1, 5}, 0},                   // transpose
      {60, {5, 4, 3}, {1, 5, 20}, 0},            // 3-d permutation
      {60, {3, 4}, {20, 2}, 3},                  // strided slice
      {4, {3, 4}, {0, 1}, 0},                    // expand of a row
      {3, {3, 4}, {1, 0}, 0},                    // expand of a column
      {0, {0, 4}, {4, 1}, 0},                    // empty
      {720, {2, 3, 4, 5, 6}, {1, 2, 6, 24, 120}, 0},  // 5-d reversed strides
      {300000, {500, 300}, {1, 1000}, 0},        // a large transpose (multi-block grid)
  };
}

void test_movement(Report& r, Backend& cpu, Backend& gpu) {
  Rng rng(5);
  int i = 0;
  for (const ViewSpec& s : movement_views()) {
    for (DType t : kDTypes) {
      const std::string name = std::string("strided_copy/") + dtype_short(t) + "/" + std::to_string(i) + shape_name(s.shape);
      r.run(name, [&] {
        const auto v = rng.uniform(static_cast<size_t>(s.buffer), -50, 50);
        const int64_t n = shape_numel(s.shape);
        Buffer xc = upload(cpu, v, t), xg = upload(gpu, v, t);
        Buffer c(cpu, n * dtype_size(t)), g(gpu, n * dtype_size(t));
        cpu.strided_copy(t, StridedView{xc.get(), s.shape, s.strides, s.offset}, c.get());
        gpu.strided_copy(t, StridedView{xg.get(), s.shape, s.strides, s.offset}, g.get());
        expect_close(r, name, download(gpu, g.get(), n, t), download(cpu, c.get(), n, t), t, {}, 0, 0);
      });
    }
    ++i;
  }
  // strided_write: views that never write one element twice (no expands).
  i = 0;
  for (const ViewSpec& s : movement_views()) {
    bool overlapping = false;
    for (size_t d = 0; d < s.strides.size(); ++d) overlapping |= s.strides[d] == 0 && s.shape[d] > 1;
    if (overlapping) {
      ++i;
      continue;
    }
    for (DType t : kDTypes) {
      const std::string name = std::string("strided_write/") + dtype_short(t) + "/" + std::to_string(i) + shape_name(s.shape);
      r.run(name, [&] {
        const int64_t n = shape_numel(s.shape);
        const int64_t extent = std::max<int64_t>(s.buffer, view_extent(s.shape, s.strides, s.offset));
        const auto src = rng.uniform(static_cast<size_t>(n), -50, 50);
        Buffer sc = upload(cpu, src, t), sg = upload(gpu, src, t);
        const std::vector<double> background(static_cast<size_t>(extent), -1.0);
        Buffer dc = upload(cpu, background, t), dg = upload(gpu, background, t);
        cpu.strided_write(t, sc.get(), dc.get(), StridedView{dc.get(), s.shape, s.strides, s.offset});
        gpu.strided_write(t, sg.get(), dg.get(), StridedView{dg.get(), s.shape, s.strides, s.offset});
        expect_close(r, name, download(gpu, dg.get(), extent, t), download(cpu, dc.get(), extent, t), t, {}, 0, 0);
      });
    }
    ++i;
  }
}

// ---- reductions ---------------------------------------------------------------------------------

struct ReduceCase {
  Shape in, out;
};

std::vector<ReduceCase> reduce_cases() {
  return {
      {{}, {}},                          // 0-d: nothing to reduce
      {{1, 1}, {1, 1}},
      {{7}, {1}},
      {{1000003}, {1}},                  // device-wide (CUB); ArgMax: chunked rows
      {{37, 53}, {37, 1}},               // short rows: a warp per row
      {{37, 53}, {1, 53}},               // columns
      {{37, 53}, {1, 1}},
      {{4, 5000}, {4, 1}},               // long rows, few: chunked CTAs + second pass
      {{3000, 700}, {3000, 1}},          // long rows, many: a CTA per row
      {{20000, 3}, {1, 3}},              // few long columns: split over grid.y + second pass
      {{20000, 3}, {20000, 1}},
      {{64, 128}, {1, 128}},             // the bias gradient
      {{5, 6, 7}, {5, 1, 7}},            // reduced dim in the middle
      {{5, 6, 7}, {5, 6, 1}},
      {{5, 6, 7}, {1, 6, 1}},            // two separate reduced dims: gathered first
      {{2, 3, 4, 5}, {1, 3, 1, 5}},
      {{3, 1, 4}, {3, 1, 1}},            // size-1 dims
      {{0, 4}, {1, 4}},                  // sum over an empty dim
      {{3, 0}, {3, 1}},
      {{0, 4}, {0, 1}},                  // empty output
  };
}

void test_reduce(Report& r, Backend& cpu, Backend& gpu) {
  Rng rng(6);
  const ReduceOp ops[] = {ReduceOp::Sum, ReduceOp::Max, ReduceOp::ArgMax};
  const char* op_names[] = {"Sum", "Max", "ArgMax"};
  for (int oi = 0; oi < 3; ++oi) {
    const ReduceOp op = ops[oi];
    for (DType t : kDTypes) {
      for (const ReduceCase& rc : reduce_cases()) {
        int reduced = 0;
        for (size_t d = 0; d < rc.in.size(); ++d) reduced += rc.in[d] != 1 && rc.out[d] == 1;
        const int64_t in_n = shape_numel(rc.in), out_n = shape_numel(rc.out);
        if (op == ReduceOp::ArgMax && reduced > 1) continue;  // one dim at a time
        if (op != ReduceOp::Sum && in_n == 0) continue;       // max of nothing is an error upstream
        const std::string name = std::string("reduce/") + op_names[oi] + "/" + dtype_short(t) + "/" +
                                 shape_name(rc.in) + "->" + shape_name(rc.out);
        r.run(name, [&] {
          // int64 values from a small range, so ArgMax meets ties (the first maximum wins).
          const auto x = t == DType::Int64 ? rng.integers(static_cast<size_t>(in_n), -3, 3)
                                           : rng.uniform(static_cast<size_t>(in_n), -1, 1);
          const DType out_t = op == ReduceOp::ArgMax ? DType::Int64 : t;
          Buffer xc = upload(cpu, x, t), xg = upload(gpu, x, t);
          Buffer c(cpu, out_n * dtype_size(out_t)), g(gpu, out_n * dtype_size(out_t));
          cpu.reduce(op, t, xc.get(), rc.in, c.get(), rc.out);
          gpu.reduce(op, t, xg.get(), rc.in, g.get(), rc.out);
          const auto want = download(cpu, c.get(), out_n, out_t);
          const auto got = download(gpu, g.get(), out_n, out_t);
          if (op != ReduceOp::Sum || t == DType::Int64) {
            expect_close(r, name, got, want, out_t, {}, 0, 0);  // max, argmax, int sums: exact
            return;
          }
          // A float sum's rounding error scales with Σ|x| of its terms: reduce |x| for the scale.
          std::vector<double> ax = rounded(x, t);
          for (auto& v : ax) v = std::fabs(v);
          Buffer ac = upload(cpu, ax, DType::Float64);
          Buffer sc(cpu, out_n * sizeof(double));
          cpu.reduce(ReduceOp::Sum, DType::Float64, ac.get(), rc.in, sc.get(), rc.out);
          expect_close(r, name, got, want, t, download(cpu, sc.get(), out_n, DType::Float64));
        });
      }
    }
  }
}

// ---- matmul ----------------------------------------------------------------------------------

void test_matmul(Report& r, Backend& cpu, Backend& gpu) {
  Rng rng(7);
  struct Mnk {
    int64_t m, n, k;
  };
  const Mnk sizes[] = {{1, 1, 1}, {3, 5, 7}, {64, 128, 32}, {129, 65, 257}, {1, 300, 40}, {300, 1, 40},
                       {0, 4, 3}, {4, 0, 3}, {4, 3, 0}};
  for (DType t : kDTypes) {
    for (const Mnk& s : sizes) {
      for (int trans = 0; trans < 4; ++trans) {
        const bool ta = trans & 1, tb = trans & 2;
        const std::string name = std::string("matmul/") + dtype_short(t) + "/" + std::to_string(s.m) + "x" +
                                 std::to_string(s.n) + "x" + std::to_string(s.k) + (ta ? "/At" : "/A") +
                                 (tb ? "Bt" : "B");
        r.run(name, [&] {
          const auto a = rounded(t == DType::Int64 ? rng.integers(s.m * s.k, -5, 5) : rng.uniform(s.m * s.k, -1, 1), t);
          const auto b = rounded(t == DType::Int64 ? rng.integers(s.k * s.n, -5, 5) : rng.uniform(s.k * s.n, -1, 1), t);
          Buffer ac = upload(cpu, a, t), ag = upload(gpu, a, t), bc = upload(cpu, b, t), bg = upload(gpu, b, t);
          // Odd sizes accumulate onto a starting C (beta = 1, addmm), even ones overwrite it.
          const bool accumulate = (s.m + s.n + s.k) % 2 == 1;
          const auto c0 = rounded(t == DType::Int64 ? rng.integers(s.m * s.n, -5, 5) : rng.uniform(s.m * s.n, -1, 1), t);
          Buffer c = upload(cpu, c0, t), g = upload(gpu, c0, t);
          cpu.matmul(t, ac.get(), bc.get(), c.get(), s.m, s.n, s.k, ta, tb, accumulate);
          gpu.matmul(t, ag.get(), bg.get(), g.get(), s.m, s.n, s.k, ta, tb, accumulate);
          // Scale: (|A|·|B|)ij, read through the same transpose flags.
          std::vector<double> scale(static_cast<size_t>(s.m * s.n), 0.0);
          for (int64_t i = 0; i < s.m; ++i)
            for (int64_t j = 0; j < s.n; ++j)
              for (int64_t p = 0; p < s.k; ++p) {
                const double av = ta ? a[p * s.m + i] : a[i * s.k + p];
                const double bv = tb ? b[j * s.k + p] : b[p * s.n + j];
                scale[i * s.n + j] += std::fabs(av * bv);
              }
          if (accumulate)
            for (size_t i = 0; i < scale.size(); ++i) scale[i] += std::fabs(c0[i]);
          expect_close(r, name, download(gpu, g.get(), s.m * s.n, t), download(cpu, c.get(), s.m * s.n, t), t, scale);
        });
      }
    }
  }
}

// Fused element-wise programs (Note [Deferred element-wise ops]): every unary and binary
// primitive as a step of a program, on odd sizes and misaligned loads. The GPU's fused kernel
// must give the bits of its own unfused evaluation (Backend::eval_program, one primitive per
// step, then reduce(Sum) for a sum) and agree with the CPU's.
void test_programs(Report& r, Backend& cpu, Backend& gpu) {
  using Kind = ElementwiseStep::Kind;
  Rng rng(8);
  auto unary_step = [](UnaryOp op, uint32_t x, const Domain& d) {
    ElementwiseStep st;
    st.kind = Kind::Unary;
    st.unary_op = op;
    st.x = x;
    st.a = d.a;
    st.b = d.b;
    return st;
  };
  auto binary_step = [](BinaryOp op, uint32_t x, uint32_t y, double a) {
    ElementwiseStep st;
    st.kind = Kind::Binary;
    st.binary_op = op;
    st.x = x;
    st.y = y;
    st.a = a;
    return st;
  };
  // Runs `steps` (Load/Broadcast data given as host vectors, indexed by step) on both backends.
  auto check = [&](const std::string& name, DType t, int64_t n, int64_t offset, std::vector<ElementwiseStep> steps,
                   const std::vector<std::vector<double>>& inputs, bool sum) {
    r.run(name, [&] {
      std::vector<Buffer> keep;
      ElementwiseProgram pc{t, n, steps}, pg{t, n, steps};
      for (size_t s = 0; s < steps.size(); ++s) {
        if (steps[s].kind != Kind::Load && steps[s].kind != Kind::Broadcast) continue;
        keep.push_back(upload(cpu, inputs[s], t));
        pc.steps[s].data = static_cast<const char*>(keep.back().get()) + offset * dtype_size(t);
        keep.push_back(upload(gpu, inputs[s], t));
        pg.steps[s].data = static_cast<const char*>(keep.back().get()) + offset * dtype_size(t);
      }
      const int64_t out_n = sum ? 1 : n;
      Buffer oc(cpu, out_n * dtype_size(t)), og(gpu, out_n * dtype_size(t)), og_plain(gpu, out_n * dtype_size(t));
      if (sum) {
        cpu.sum_program(pc, oc.get());
        gpu.sum_program(pg, og.get());
        gpu.Backend::sum_program(pg, og_plain.get());
      } else {
        cpu.eval_program(pc, oc.get());
        gpu.eval_program(pg, og.get());
        gpu.Backend::eval_program(pg, og_plain.get());
      }
      const auto want = download(cpu, oc.get(), out_n, t);
      const auto got = download(gpu, og.get(), out_n, t);
      const auto plain = download(gpu, og_plain.get(), out_n, t);
      if (sum) {  // the size of a sum's rounding error: the sum of magnitudes
        std::vector<double> values(static_cast<size_t>(n));
        Buffer all(cpu, n * dtype_size(t));
        cpu.eval_program(pc, all.get());
        double mag = 0;
        for (double v : download(cpu, all.get(), n, t)) mag += std::fabs(v);
        expect_close(r, name + " (vs cpu)", got, want, t, {mag});
        expect_close(r, name + " (vs unfused, exact)", got, plain, t, {}, 0, 0);
      } else {
        expect_close(r, name + " (vs cpu)", got, want, t);
        expect_close(r, name + " (vs unfused, exact)", got, plain, t, {}, 0, 0);
      }
    });
  };
  for (DType t : {DType::Float32, DType::Float64}) {
    for (const UnaryRow& row : kUnaryRows) {
      const Domain d = unary_domain(row.op, t);
      for (int64_t offset : {0, 1}) {
        const int64_t n = 1003;
        std::vector<ElementwiseStep> steps(2);
        steps[0].kind = Kind::Load;
        steps[1].kind = Kind::Broadcast;
        steps.push_back(unary_step(row.op, 0, d));
        steps.push_back(binary_step(BinaryOp::Add, 2, 1, 0));
        const std::vector<std::vector<double>> in{
            sample(rng, static_cast<size_t>(n + offset), t, d.lo, d.hi, d.nonzero, false), {0.25, 0.25}};
        check(std::string("program/unary/") + row.name + "/" + dtype_short(t) + "/offset" + std::to_string(offset), t, n,
              offset, steps, in, false);
      }
    }
    for (const BinaryRow& row : kBinaryRows) {
      const Domain d = binary_domain(row.op, t);
      double ylo, yhi;
      binary_y_range(row.op, t, d, ylo, yhi);
      const int64_t n = 1001;
      std::vector<ElementwiseStep> steps(2);
      steps[0].kind = steps[1].kind = Kind::Load;
      steps.push_back(binary_step(row.op, 0, 1, d.a));
      const std::vector<std::vector<double>> in{sample(rng, static_cast<size_t>(n), t, d.lo, d.hi, false, false),
                                                sample(rng, static_cast<size_t>(n), t, ylo, yhi, d.nonzero, false)};
      check(std::string("program/binary/") + row.name + "/" + dtype_short(t), t, n, 0, steps, in, false);
    }
    // The longest program (16 steps: 64 KB of step values per block, beyond the default 48 KB).
    {
      std::vector<ElementwiseStep> steps(1);
      steps[0].kind = Kind::Load;
      while (steps.size() < 16) steps.push_back(binary_step(BinaryOp::Add, static_cast<uint32_t>(steps.size() - 1), 0, 0));
      check(std::string("program/16 steps/") + dtype_short(t), t, 100003, 0, steps,
            {sample(rng, 100003, t, -2, 2, false, false)}, false);
    }
    // x**3 + x**2, summed without storing it, and the same on a short misaligned tail.
    for (int64_t n : {int64_t{1000003}, int64_t{5}}) {
      Domain d;
      std::vector<ElementwiseStep> steps(1);
      steps[0].kind = Kind::Load;
      d.a = 3;
      steps.push_back(unary_step(UnaryOp::PowScalar, 0, d));
      d.a = 2;
      steps.push_back(unary_step(UnaryOp::PowScalar, 0, d));
      steps.push_back(binary_step(BinaryOp::Add, 1, 2, 0));
      for (int64_t offset : {0, 1})
        check(std::string("program/sum/") + dtype_short(t) + "/n" + std::to_string(n) + "/offset" + std::to_string(offset),
              t, n, offset, steps, {sample(rng, static_cast<size_t>(n + offset), t, -2, 2, false, false)}, true);
    }
  }
}

}  // namespace

// `cuda_allocator`: also check the CUDA caching allocator's behaviour (reuse, out of memory);
// off when the suite checks itself with the CPU backend on both sides.
void run_backend_agreement(Report& report, Backend& cpu, Backend& gpu, bool cuda_allocator) {
  if (cuda_allocator) test_memory(report, cpu, gpu);
  test_fill_cast(report, cpu, gpu);
  test_unary(report, cpu, gpu);
  test_binary(report, cpu, gpu);
  test_movement(report, cpu, gpu);
  test_reduce(report, cpu, gpu);
  test_matmul(report, cpu, gpu);
  test_programs(report, cpu, gpu);
}

}  // namespace gradlab::cuda_test
