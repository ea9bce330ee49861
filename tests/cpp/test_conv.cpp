// Convolution's rounding model (Note [Convolution rounding], engine/ops/conv.cpp): a float32
// case whose digits tell oneDNN's per-block partial sums from one running chain, and the shapes
// where PyTorch runs oneDNN kernels gradlab does not model raising NotImplementedError (forward
// for grouped and 1×1 convolutions, backward for dilated ones). Value agreement with PyTorch on
// random shapes is the golden cases' job (tests/golden/cases/nn_conv_*.py).
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "engine/error.h"
#include "engine/ops/conv.h"
#include "engine/tensor.h"

using namespace gradlab;

namespace {

Tensor f32(const std::vector<double>& v, const Shape& s, bool grad = false) {
  return from_vector(v, s, TensorOptions{DType::Float32, std::nullopt, grad});
}

Tensor zeros_f32(const Shape& s, bool grad = false) {
  int64_t n = 1;
  for (int64_t d : s) n *= d;
  return f32(std::vector<double>(static_cast<size_t>(n), 0.0), s, grad);
}

ConvSettings plain2d() { return ConvSettings{{1, 1}, {0, 0}, {1, 1}, 1}; }

std::string error_type_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.type();
  }
  return "no error";
}

}  // namespace

TEST_CASE("conv2d float32 in oneDNN's regime adds per block of 16 input channels", "[conv]") {
  // Two images (so PyTorch takes oneDNN), 18 channels, a 1×2 kernel over a 1×2 image (a 1×1
  // kernel would be oneDNN's jit_1x1): one output per image. Channel 0 holds 1e8, channels 16
  // and 17 hold 4: per block, 1e8 + (4 + 4) = 100000008 (PyTorch's value); one running chain
  // would round 1e8 + 4 back to 1e8 twice.
  std::vector<double> x(2 * 18 * 2, 0.0);
  for (int img = 0; img < 2; ++img) {
    x[static_cast<size_t>(img * 36 + 0 * 2)] = 1e8;
    x[static_cast<size_t>(img * 36 + 16 * 2)] = 4;
    x[static_cast<size_t>(img * 36 + 17 * 2)] = 4;
  }
  Tensor out = conv2d(f32(x, {2, 18, 1, 2}), f32(std::vector<double>(18 * 2, 1.0), {1, 18, 1, 2}), Tensor(), plain2d());
  REQUIRE(out.shape() == Shape{2, 1, 1, 1});
  CHECK(out.to_doubles() == std::vector<double>{100000008.0, 100000008.0});
}

TEST_CASE("conv2d float32: oneDNN kernels gradlab does not model raise NotImplementedError", "[conv]") {
  SECTION("grouped, forward") {
    ConvSettings s = plain2d();
    s.groups = 2;
    CHECK(error_type_of([&] { conv2d(zeros_f32({2, 4, 5, 5}), zeros_f32({4, 2, 3, 3}), Tensor(), s); }) == "NotImplementedError");
  }
  SECTION("1x1 kernel with a batch of 16, forward") {
    CHECK(error_type_of([&] { conv2d(zeros_f32({16, 3, 4, 4}), zeros_f32({2, 3, 1, 1}), Tensor(), plain2d()); }) ==
          "NotImplementedError");
  }
  SECTION("dilated: forward runs, the weight gradient raises") {
    ConvSettings s = plain2d();
    s.dilation = {2, 2};
    Tensor w = zeros_f32({2, 3, 3, 3}, true);
    Tensor out = conv2d(zeros_f32({2, 3, 7, 7}), w, Tensor(), s);
    CHECK(out.shape() == Shape{2, 2, 3, 3});
    CHECK(error_type_of([&] { sum(out).backward(); }) == "NotImplementedError");
  }
  SECTION("the same shapes in float64 take slow_conv2d and run") {
    ConvSettings s = plain2d();
    s.groups = 2;
    Tensor x = from_vector(std::vector<double>(2 * 4 * 25, 0.5), {2, 4, 5, 5}, TensorOptions{DType::Float64, std::nullopt, true});
    Tensor w = from_vector(std::vector<double>(4 * 2 * 9, 0.25), {4, 2, 3, 3}, TensorOptions{DType::Float64, std::nullopt, true});
    Tensor out = conv2d(x, w, Tensor(), s);
    sum(out).backward();
    CHECK(out.to_doubles()[0] == Approx(2 * 9 * 0.5 * 0.25));
    CHECK(w.grad().to_doubles()[0] == Approx(2 * 9 * 0.5));
  }
}
