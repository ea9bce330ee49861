// Deferred element-wise ops (Note [Deferred element-wise ops], engine/deferred.h): fused and
// chunked evaluation must give exactly the bits of the eager ops, on sizes that do not divide
// the chunk or the sum's 8 accumulators; in-place writes, aliases, sharing and gradient
// accumulation must behave as if every op had run at once; and with every element-wise op
// deferred, every golden script must print exactly what it prints eagerly.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "engine/backend/backend.h"
#include "engine/deferred.h"
#include "engine/ops/primitives.h"
#include "engine/script/interpreter.h"
#include "engine/tensor.h"

using namespace gradlab;

namespace {

// Sets deferred::min_numel for one scope.
class MinNumel {
 public:
  explicit MinNumel(int64_t n) : previous_(deferred::set_min_numel(n)) {}
  ~MinNumel() { deferred::set_min_numel(previous_); }

 private:
  int64_t previous_;
};
constexpr int64_t kNever = int64_t{1} << 62;

Tensor wave(int64_t n, DType dtype, bool requires_grad = false) {
  std::vector<double> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) v[i] = std::sin(0.37 * static_cast<double>(i)) * 1.5 + 0.01;
  TensorOptions o;
  o.dtype = dtype;
  o.requires_grad = requires_grad;
  return from_vector(v, {n}, o);
}

bool same_bits(const Tensor& a, const Tensor& b) {
  return a.dtype() == b.dtype() && a.shape() == b.shape() &&
         std::memcmp(a.data(), b.data(), static_cast<size_t>(a.numel()) * dtype_size(a.dtype())) == 0;
}

// Runs `f` eagerly and deferred (everything from 1 element on) and checks the bits agree.
void check_same(const std::function<Tensor()>& f) {
  Tensor eager, fused;
  {
    MinNumel m(kNever);
    eager = f();
  }
  {
    MinNumel m(1);
    fused = f();
  }
  CHECK(same_bits(eager, fused));
}

// Odd sizes: not multiples of 8 (the sum's accumulators) nor of the CPU's chunk.
const int64_t kSizes[] = {1, 7, 8, 9, 2047, 2049, 4096 * 3 + 5, 100003};

}  // namespace

TEST_CASE("deferred expressions and fused sums give the eager bits", "[deferred]") {
  for (DType dtype : {DType::Float32, DType::Float64}) {
    for (int64_t n : kSizes) {
      CAPTURE(n, static_cast<int>(dtype));
      Tensor x = wave(n, dtype);
      check_same([&] { return add(pow(x, Scalar(3)), pow(x, Scalar(2))); });
      check_same([&] { return sum(add(pow(x, Scalar(3)), pow(x, Scalar(2)))); });
      check_same([&] { return sum(mul(exp(sin(x)), sub(x, Scalar(0.25)))); });
      check_same([&] { return mean(tanh(div(x, add(abs(x), Scalar(1.0))))); });
      check_same([&] { return sum(x); });  // not deferred: the plain kernel, same order
    }
  }
}

TEST_CASE("backward through deferred formulas gives the eager gradients", "[deferred]") {
  for (int64_t n : kSizes) {
    CAPTURE(n);
    auto grad_of = [n](const std::function<Tensor(const Tensor&)>& f) {
      return [n, f] {
        Tensor x = wave(n, DType::Float32, true);
        f(x).backward();
        return x.grad();
      };
    };
    check_same(grad_of([](const Tensor& x) { return sum(add(pow(x, Scalar(3)), pow(x, Scalar(2)))); }));
    check_same(grad_of([](const Tensor& x) { return mean(mul(sigmoid(x), x)); }));
    check_same(grad_of([](const Tensor& x) { return sum(div(exp(x), add(pow(x, Scalar(2)), Scalar(1.0)))); }));
  }
}

TEST_CASE("gradients accumulate over several backward passes as eagerly", "[deferred]") {
  auto three_passes = [] {
    Tensor x = wave(50001, DType::Float32, true);
    for (int i = 0; i < 3; ++i) sum(add(pow(x, Scalar(3)), mul(x, Scalar(0.5)))).backward();
    return x.grad();
  };
  check_same(three_passes);
  MinNumel m(1);
  Tensor x = wave(50001, DType::Float32, true);
  sum(pow(x, Scalar(2))).backward();
  Tensor earlier = x.grad();  // PyTorch accumulates in place: `earlier` sees the new sum
  sum(pow(x, Scalar(2))).backward();
  CHECK_FALSE(deferred::is_deferred(x.grad()));  // .grad is computed by backward
  CHECK(same_bits(earlier, x.grad()));
  CHECK(x.grad().storage().version == 1);
}

TEST_CASE("a write to an input first computes the expressions still reading it", "[deferred]") {
  MinNumel m(1);
  Tensor x = wave(1001, DType::Float32);
  Tensor expected = [&] {
    MinNumel eager(kNever);
    return mul(x, Scalar(2.0));
  }();
  Tensor y = mul(x, Scalar(2.0));
  REQUIRE(deferred::is_deferred(y));
  Tensor alias = x.detach();
  alias.add_(Scalar(1.0));  // through an alias of the same storage
  CHECK_FALSE(deferred::is_deferred(y));
  CHECK(same_bits(y, expected));

  // A materialised value that a deferred expression reads, overwritten.
  Tensor a = exp(x);
  Tensor b = add(a, Scalar(1.0));
  a.data();
  Tensor b_expected = [&] {
    MinNumel eager(kNever);
    return add(exp(x), Scalar(1.0));
  }();
  a.zero_();
  CHECK(same_bits(b, b_expected));
}

TEST_CASE("a deferred value is fused into one consumer; a second one materialises it", "[deferred]") {
  MinNumel m(1);
  Tensor x = wave(4099, DType::Float32);
  Tensor a = exp(x);
  Tensor b = mul(a, Scalar(2.0));
  CHECK(deferred::is_deferred(a));
  Tensor c = add(a, Scalar(1.0));
  CHECK_FALSE(deferred::is_deferred(a));  // shared: computed once, stored
  CHECK(deferred::is_deferred(b));
  CHECK(deferred::is_deferred(c));

  Tensor s = sin(x);
  Tensor total = sum(s);  // fused: s is computed once, not stored
  CHECK(deferred::is_deferred(s));
  Tensor again = sum(s);  // needed again: kept this time
  CHECK_FALSE(deferred::is_deferred(s));
  CHECK(same_bits(total, again));
}

TEST_CASE("long chains stay within the step bound and give the eager bits", "[deferred]") {
  check_same([] {
    Tensor x = wave(3001, DType::Float64);
    Tensor y = x;
    for (int i = 0; i < 60; ++i) y = add(mul(y, Scalar(0.75)), x);
    return y;
  });
  MinNumel m(1);
  CHECK(deferred::live_count() == 0);  // nothing deferred outlives its tensors
}

TEST_CASE("the CPU's fused program evaluation matches the generic one", "[deferred]") {
  Backend& cpu = backend_for(Device{});
  for (int64_t n : kSizes) {
    CAPTURE(n);
    Tensor x = wave(n, DType::Float32);
    Tensor g = prim::scalar(0.5, DType::Float32, Device{});
    ElementwiseProgram p;
    p.dtype = DType::Float32;
    p.numel = n;
    using Kind = ElementwiseStep::Kind;
    p.steps.push_back({Kind::Load, {}, {}, 0, 0, x.data(), 0, 0});
    p.steps.push_back({Kind::Broadcast, {}, {}, 0, 0, g.data(), 0, 0});
    p.steps.push_back({Kind::Unary, UnaryOp::Cube, {}, 0, 0, nullptr, 0, 0});
    p.steps.push_back({Kind::Binary, {}, BinaryOp::CubeBackward, 0, 0, nullptr, 1, 0});
    p.steps.push_back({Kind::Binary, {}, BinaryOp::AddScaled, -0.5, 0, nullptr, 3, 2});
    std::vector<float> fused(n), generic(n);
    cpu.eval_program(p, fused.data());
    cpu.Backend::eval_program(p, generic.data());
    CHECK(std::memcmp(fused.data(), generic.data(), n * sizeof(float)) == 0);
    float fused_sum = 0, generic_sum = 0;
    cpu.sum_program(p, &fused_sum);
    cpu.Backend::sum_program(p, &generic_sum);
    CHECK(std::memcmp(&fused_sum, &generic_sum, sizeof(float)) == 0);
  }
}

TEST_CASE("every golden script prints the same with every element-wise op deferred", "[deferred][golden]") {
  namespace fs = std::filesystem;
  std::vector<fs::path> scripts;
  for (const char* dir : {GRADLAB_SHARED_GOLDEN_DIR, GRADLAB_TEST_DATA_DIR "/golden/cases"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".py") scripts.push_back(e.path());
  }
  REQUIRE(scripts.size() > 20);
  auto run = [](const std::string& source, const std::string& name) {
    script::Interpreter in;
    script::CellResult r = in.run(source, name);
    return r.output + (r.error ? r.error->traceback : "") + r.warnings;
  };
  for (const fs::path& path : scripts) {
    CAPTURE(path.filename().string());
    std::ifstream file(path);
    std::stringstream source;
    source << file.rdbuf();
    std::string eager = run(source.str(), path.filename().string());
    MinNumel m(1);
    CHECK(run(source.str(), path.filename().string()) == eager);
  }
}
