// The CPU backend's primitives checked directly against naive loops, for the backend contract
// the engine does not exercise through its ops today (the CUDA agreement suite compares the
// GPU with these results, so they must be right on their own).
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "engine/backend/backend.h"

using namespace gradlab;

TEST_CASE("cpu reduce Max over several dims keeps the other dims", "[backend]") {
  Backend& cpu = backend_for(Device{DeviceType::CPU, 0});
  const Shape in{5, 6, 7};
  std::vector<double> x(5 * 6 * 7);
  for (size_t i = 0; i < x.size(); ++i) x[i] = std::sin(1.7 * static_cast<double>(i) + 0.3);

  std::vector<double> want(6, -1e300);
  for (int a = 0; a < 5; ++a)
    for (int b = 0; b < 6; ++b)
      for (int c = 0; c < 7; ++c) want[b] = std::max(want[b], x[(a * 6 + b) * 7 + c]);
  std::vector<double> got(6, 0.0);
  cpu.reduce(ReduceOp::Max, DType::Float64, x.data(), in, got.data(), Shape{1, 6, 1});
  CHECK(got == want);

  // The other pattern: reduced dims inside and outside two kept ones ([1, 6, 7] -> [1, 6, 1]
  // is one dim; [5, 6, 7] -> [5, 1, 1] is an inner run).
  std::vector<double> rows(5, -1e300);
  for (int a = 0; a < 5; ++a)
    for (int i = 0; i < 42; ++i) rows[a] = std::max(rows[a], x[a * 42 + i]);
  std::vector<double> got_rows(5, 0.0);
  cpu.reduce(ReduceOp::Max, DType::Float64, x.data(), in, got_rows.data(), Shape{5, 1, 1});
  CHECK(got_rows == rows);

  // A NaN wins its slot, as in torch.amax, and only its slot.
  x[(2 * 6 + 4) * 7 + 3] = std::numeric_limits<double>::quiet_NaN();
  cpu.reduce(ReduceOp::Max, DType::Float64, x.data(), in, got.data(), Shape{1, 6, 1});
  CHECK(std::isnan(got[4]));
  for (int b : {0, 1, 2, 3, 5}) CHECK(got[b] == want[b]);
}
