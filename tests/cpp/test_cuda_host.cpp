// Host-side CUDA checks that need no GPU, compiled in every build (native with or without the
// CUDA backend, and wasm): device discovery never throws and explains itself, a CUDA request
// without a device is a clear RuntimeError, device strings parse like torch.device(), errors
// included (texts taken from PyTorch 1.13.1), and the CUDA backend's host-side index math —
// dim collapsing, reduction plans, allocator size classes — computes what the kernels need.
#include <catch2/catch.hpp>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "engine/backend/backend.h"
#include "engine/backend/cuda/cuda_allocator.h"
#include "engine/backend/cuda/reduce_plan.h"
#include "engine/backend/cuda/strided_meta.h"
#include "engine/device.h"
#include "engine/error.h"

using namespace gradlab;

namespace {

// The RuntimeError message of `fn`, or "<no error>".
template <class F>
std::string runtime_error_text(F&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.type() == "RuntimeError" ? std::string(e.what()) : e.type() + ": " + e.what();
  }
  return "<no error>";
}

}  // namespace

TEST_CASE("cuda discovery never throws and explains a missing device", "[cuda]") {
  int count = -1;
  REQUIRE_NOTHROW(count = cuda_device_count());
  CHECK(count >= 0);
  CHECK(cuda_device_count() == count);  // asked once, same answer afterwards
  if (!cuda_compiled_in()) CHECK(count == 0);
  if (count == 0) {
    CHECK_FALSE(cuda_unavailable_reason().empty());
    CHECK(cuda_backend_or_null(0) == nullptr);
  } else {
    CHECK(cuda_unavailable_reason().empty());
    CHECK(cuda_backend_or_null(count) == nullptr);  // one past the last device
  }
  CHECK(cuda_backend_or_null(-1) == nullptr);
}

TEST_CASE("a CUDA request without a device is a RuntimeError naming the cause", "[cuda]") {
  if (cuda_device_count() > 0) return;  // a GPU is present: nothing to refuse
  const std::string text = runtime_error_text([] { backend_for(Device{DeviceType::CUDA, 0}); });
  CHECK(text != "<no error>");
  CHECK(text.find("RuntimeError: ") != 0);  // the type is RuntimeError, not something else
  if (cuda_compiled_in()) {
    CHECK(text.find(cuda_unavailable_reason()) != std::string::npos);
  }
}

TEST_CASE("the CPU backend is always there", "[cuda]") {
  CHECK(backend_for(Device{DeviceType::CPU, 0}).device() == Device{DeviceType::CPU, 0});
}

TEST_CASE("parse_device accepts torch.device strings", "[cuda][device]") {
  CHECK(parse_device("cpu") == Device{DeviceType::CPU, 0});
  CHECK(parse_device("cuda").type == DeviceType::CUDA);
  CHECK(parse_device("cuda").index == 0);
  const Device d = parse_device("cuda:1");
  CHECK(d.type == DeviceType::CUDA);
  CHECK(d.index == 1);
  CHECK(d.str() == "cuda:1");
  CHECK(parse_device("cuda:0").str() == "cuda:0");
  CHECK(parse_device("cpu").str() == "cpu");
}

TEST_CASE("parse_device rejects bad strings with PyTorch's messages", "[cuda][device]") {
  // /usr/bin/python3 -c "import torch; torch.device('...')" (PyTorch 1.13.1)
  const std::string expected_types =
      "Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, ort, xla, lazy, vulkan, "
      "mps, meta, hpu, privateuseone device type at start of device string: ";
  CHECK(runtime_error_text([] { parse_device(""); }) == "Device string must not be empty");
  CHECK(runtime_error_text([] { parse_device("gpu"); }) == expected_types + "gpu");
  CHECK(runtime_error_text([] { parse_device("CUDA"); }) == expected_types + "CUDA");
  CHECK(runtime_error_text([] { parse_device("cuda_"); }) == expected_types + "cuda_");
  // The shape is checked before the type, and the type error names only the type part.
  CHECK(runtime_error_text([] { parse_device("gpu:1"); }) == expected_types + "gpu");
  for (const char* bad : {"cuda:x", "cuda:-1", "cuda:01", "cuda:", "cuda:1:2", "cuda:+1", "cuda: 1", "cuda:1.0",
                          "cuda:0x1", ":0", " cuda", "gpu:x"}) {
    INFO(bad);
    CHECK(runtime_error_text([&] { parse_device(bad); }) == std::string("Invalid device string: '") + bad + "'");
  }
  CHECK(runtime_error_text([] { parse_device("cuda:99999999999999"); }) ==
        "Could not parse device index '99999999999999' in device string 'cuda:99999999999999'");
}

// ---- the CUDA kernels' index math, checked on the host ---------------------------------------

namespace {

// Offsets of every element of a view, the slow obvious way (row-major coordinates).
std::vector<int64_t> naive_offsets(const Shape& shape, const std::vector<int64_t>& strides) {
  std::vector<int64_t> out;
  const int64_t n = shape_numel(shape);
  for (int64_t i = 0; i < n; ++i) {
    int64_t rest = i, off = 0;
    for (size_t d = shape.size(); d-- > 0;) {
      off += (rest % shape[d]) * strides[d];
      rest /= shape[d];
    }
    out.push_back(off);
  }
  return out;
}

std::vector<int64_t> meta_offsets(const cuda::StridedMeta<1>& m, int64_t n) {
  std::vector<int64_t> out;
  for (int64_t i = 0; i < n; ++i) {
    int64_t off[1];
    cuda::strided_offsets(m, i, off);
    out.push_back(off[0]);
  }
  return out;
}

}  // namespace

TEST_CASE("cuda dim collapsing keeps every element's offset", "[cuda]") {
  struct View {
    Shape shape;
    std::vector<int64_t> strides;
    int expected_rank;
  };
  const View views[] = {
      {{}, {}, 0},
      {{2, 3, 4}, {12, 4, 1}, 1},             // contiguous: one dim
      {{2, 1, 4}, {4, 4, 1}, 1},              // size-1 dims vanish
      {{3, 4}, {0, 1}, 2},                    // broadcast row
      {{3, 4}, {1, 0}, 2},                    // broadcast column
      {{5, 4}, {1, 5}, 2},                    // transpose
      {{3, 4}, {20, 2}, 2},                   // strided slice
      {{2, 3, 4, 5}, {60, 0, 5, 1}, 3},       // broadcast in the middle: [2, 3, 20]
      {{4, 2, 3}, {0, 0, 0}, 1},              // an expanded scalar
      {{2, 3, 4, 5, 6}, {1, 2, 6, 24, 120}, 5},
  };
  for (const View& v : views) {
    INFO(shape_str(v.shape) << " strides " << shape_str(v.strides));
    const auto m = cuda::make_meta<1>(v.shape, {&v.strides});
    CHECK(m.rank == v.expected_rank);
    CHECK(meta_offsets(m, shape_numel(v.shape)) == naive_offsets(v.shape, v.strides));
  }
  CHECK(cuda::make_meta<1>({2, 3, 4}, {&views[1].strides}).contiguous());
  const std::vector<int64_t> tr = {1, 5};
  CHECK_FALSE(cuda::make_meta<1>({5, 4}, {&tr}).contiguous());

  // Random views over two operands, including broadcasts and 64-bit indexing.
  std::mt19937 rng(3);
  for (int trial = 0; trial < 200; ++trial) {
    const int rank = static_cast<int>(rng() % 5);
    Shape shape;
    for (int d = 0; d < rank; ++d) shape.push_back(1 + rng() % 4);
    std::vector<int64_t> a(rank), b(rank);
    for (int d = 0; d < rank; ++d) {
      a[d] = rng() % 3 == 0 ? 0 : static_cast<int64_t>(rng() % 50);
      b[d] = rng() % 3 == 0 ? 0 : static_cast<int64_t>(rng() % 50);
    }
    auto m = cuda::make_meta<2>(shape, {&a, &b});
    const auto want_a = naive_offsets(shape, a), want_b = naive_offsets(shape, b);
    for (bool small : {true, false}) {
      m.small = small;  // both the 32-bit and the 64-bit division paths
      for (int64_t i = 0; i < shape_numel(shape); ++i) {
        int64_t off[2];
        cuda::strided_offsets(m, i, off);
        REQUIRE(off[0] == want_a[static_cast<size_t>(i)]);
        REQUIRE(off[1] == want_b[static_cast<size_t>(i)]);
      }
    }
  }
}

TEST_CASE("cuda reduction plans compute the same sums as a direct reduction", "[cuda]") {
  // Reduces x with the plan the way the kernels index it, and directly; sums of distinct powers
  // of two identify exactly which elements went into each output.
  const std::vector<std::pair<Shape, Shape>> cases = {
      {{}, {}},         {{7}, {1}},          {{37, 53}, {37, 1}},    {{37, 53}, {1, 53}},
      {{37, 53}, {1, 1}}, {{5, 6, 7}, {5, 1, 7}}, {{5, 6, 7}, {1, 6, 1}}, {{2, 3, 4, 5}, {1, 3, 1, 5}},
      {{3, 1, 4}, {3, 1, 1}}, {{2, 3, 4, 5}, {2, 1, 1, 5}}, {{4, 1, 1}, {1, 1, 1}}, {{0, 4}, {1, 4}},
      {{2, 3}, {2, 3}},
  };
  for (const auto& [in, out] : cases) {
    INFO(shape_str(in) << " -> " << shape_str(out));
    const int64_t n = shape_numel(in), out_n = shape_numel(out);
    std::vector<double> x(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) x[static_cast<size_t>(i)] = static_cast<double>(i % 50 + 1) * (1 + i / 50);
    // Direct: each input element adds into the output element with its reduced coordinates at 0.
    std::vector<double> want(static_cast<size_t>(out_n), 0.0);
    const auto out_strides = contiguous_strides(out);
    for (int64_t i = 0; i < n; ++i) {
      int64_t rest = i, o = 0;
      for (size_t d = in.size(); d-- > 0;) {
        const int64_t c = rest % in[d];
        rest /= in[d];
        if (out[d] != 1) o += c * out_strides[d];
      }
      want[static_cast<size_t>(o)] += x[static_cast<size_t>(i)];
    }
    const cuda::ReducePlan plan = cuda::plan_reduce(in, out);
    std::vector<double> got(static_cast<size_t>(out_n), 0.0);
    std::vector<double> src = x;
    switch (plan.kind) {
      case cuda::ReducePlan::Empty: break;
      case cuda::ReducePlan::Copy: got = x; break;
      case cuda::ReducePlan::GatherRows: {
        const auto m = cuda::make_meta<1>(plan.gather_shape, {&plan.gather_strides});
        for (int64_t i = 0; i < n; ++i) {
          int64_t off[1];
          cuda::strided_offsets(m, i, off);
          src[static_cast<size_t>(i)] = x[static_cast<size_t>(off[0])];
        }
      }
        [[fallthrough]];
      case cuda::ReducePlan::Rows:  // row_warp_kernel / row_block_kernel: x[row*len + r]
        REQUIRE(plan.outer * plan.len == n);
        REQUIRE(plan.outer == out_n);
        for (int64_t row = 0; row < plan.outer; ++row)
          for (int64_t r = 0; r < plan.len; ++r) got[static_cast<size_t>(row)] += src[static_cast<size_t>(row * plan.len + r)];
        break;
      case cuda::ReducePlan::Columns:  // column_kernel: x[o*len*inner + r*inner + k] -> out[o*inner + k]
        REQUIRE(plan.outer * plan.len * plan.inner == n);
        REQUIRE(plan.outer * plan.inner == out_n);
        for (int64_t j = 0; j < plan.outer * plan.inner; ++j) {
          const int64_t o = j / plan.inner, k = j % plan.inner;
          for (int64_t r = 0; r < plan.len; ++r)
            got[static_cast<size_t>(j)] += x[static_cast<size_t>(o * plan.len * plan.inner + k + r * plan.inner)];
        }
        break;
    }
    CHECK(got == want);
  }
  CHECK(cuda::plan_reduce({37, 53}, {37, 1}).kind == cuda::ReducePlan::Rows);
  CHECK(cuda::plan_reduce({37, 53}, {1, 53}).kind == cuda::ReducePlan::Columns);
  CHECK(cuda::plan_reduce({5, 6, 7}, {1, 6, 1}).kind == cuda::ReducePlan::GatherRows);
  CHECK(cuda::plan_reduce({3, 1, 4}, {3, 1, 4}).kind == cuda::ReducePlan::Copy);
}

TEST_CASE("cuda allocator size classes cover requests with little waste", "[cuda]") {
  using cuda::CachingAllocator;
  size_t previous = 0;
  for (size_t bytes = 1; bytes < std::numeric_limits<size_t>::max() / 16; bytes = bytes * 9 / 8 + 1) {
    const size_t cls = CachingAllocator::size_class(bytes);
    INFO(bytes);
    CHECK(cls >= bytes);
    CHECK(cls <= bytes + bytes / 4 + 512);
    CHECK(cls >= previous);  // monotonic: a bigger request never gets a smaller block
    CHECK(CachingAllocator::size_class(cls) == cls);  // a class is its own class
    previous = cls;
  }
  CHECK(CachingAllocator::size_class(4000) == CachingAllocator::size_class(4096));
  CHECK(CachingAllocator::size_class(0) == 0);
}
