// Tests for engine/format: repr(tensor) and Python float formatting.
//
// Two sources of truth, never hand-edited expectations:
//  * every tensor string in ../shared/golden/cases/*.out (PyTorch's real output), rebuilt here
//    by hand as a TensorPrintInfo;
//  * tests/format_cases/format_cases.txt, written by gen_format_cases.py from real PyTorch and
//    CPython: edge-case tensors, repr(float) and format(float, spec).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "engine/error.h"
#include "engine/format/python_repr.h"
#include "engine/format/tensor_repr.h"

#ifndef GRADLAB_TEST_DATA_DIR
#error "GRADLAB_TEST_DATA_DIR must point at the tests/ directory"
#endif

using namespace gradlab;

namespace {

// A float32 tensor's values as the printer receives them: each rounded to float.
TensorPrintInfo f32(Shape shape, std::vector<double> values, std::string grad_fn = "",
                    bool requires_grad = false) {
  for (double& v : values) v = static_cast<float>(v);
  return TensorPrintInfo{std::move(shape), DType::Float32, std::move(values), "cpu", std::move(grad_fn),
                         requires_grad};
}

TensorPrintInfo typed(DType dtype, Shape shape, std::vector<double> values, std::string grad_fn = "",
                      bool requires_grad = false) {
  TensorPrintInfo t = f32(std::move(shape), std::move(values), std::move(grad_fn), requires_grad);
  t.dtype = dtype;
  return t;
}

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == '\t') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

std::vector<double> parse_numbers(const std::string& text) {
  std::vector<double> out;
  std::istringstream in(text);
  std::string word;
  while (in >> word) out.push_back(std::strtod(word.c_str(), nullptr));
  return out;
}

DType parse_dtype(const std::string& s) {
  if (s == "float32") return DType::Float32;
  if (s == "float64") return DType::Float64;
  if (s == "int64") return DType::Int64;
  FAIL("unknown dtype in format_cases.txt: " << s);
  return DType::Float32;
}

struct TensorCase {
  std::string name;
  TensorPrintInfo info;
  std::string expected;
};

struct Cases {
  std::vector<TensorCase> tensors;
  std::vector<std::vector<std::string>> reprs, formats, errors;  // tab-split records
};

// Reads format_cases.txt once (see gen_format_cases.py for the record layout).
const Cases& cases() {
  static const Cases all = [] {
    Cases c;
    std::ifstream in(GRADLAB_TEST_DATA_DIR "/format_cases/format_cases.txt");
    if (!in) throw std::runtime_error("cannot open tests/format_cases/format_cases.txt");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto f = split_tabs(line);
      if (f[0] == "R") c.reprs.push_back(f);
      else if (f[0] == "F") c.formats.push_back(f);
      else if (f[0] == "X") c.errors.push_back(f);
      else if (f[0] == "T") {
        TensorCase tc;
        tc.name = f.at(1);
        tc.info.dtype = parse_dtype(f.at(2));
        tc.info.device = f.at(3);
        tc.info.grad_fn = f.at(4) == "-" ? "" : f.at(4);
        tc.info.requires_grad = f.at(5) == "1";
        for (double d : parse_numbers(f.at(6))) tc.info.shape.push_back(static_cast<int64_t>(d));
        std::getline(in, line);
        tc.info.values = parse_numbers(split_tabs(line).at(1));
        int n = std::stoi(f.at(7));
        for (int i = 0; i < n; ++i) {
          std::getline(in, line);
          tc.expected += (i ? "\n" : "") + line;
        }
        c.tensors.push_back(std::move(tc));
      }
    }
    return c;
  }();
  return all;
}

}  // namespace

// ---- golden cases: the strings PyTorch printed in ../shared/golden/cases ----------------------

TEST_CASE("golden 01/03/13/16: 0-d tensors and their suffixes", "[format][golden]") {
  CHECK(format_tensor(f32({}, {4}, "", true)) == "tensor(4., requires_grad=True)");
  CHECK(format_tensor(f32({}, {16}, "PowBackward0")) == "tensor(16., grad_fn=<PowBackward0>)");
  CHECK(format_tensor(f32({}, {8})) == "tensor(8.)");
  CHECK(format_tensor(f32({}, {4}, "AddBackward0")) == "tensor(4., grad_fn=<AddBackward0>)");
  CHECK(format_tensor(f32({}, {64}, "PowBackward0")) == "tensor(64., grad_fn=<PowBackward0>)");
  CHECK(format_tensor(f32({}, {96})) == "tensor(96.)");
  CHECK(format_tensor(f32({}, {27})) == "tensor(27.)");
  CHECK(format_tensor(f32({}, {54})) == "tensor(54.)");
  CHECK(format_tensor(f32({}, {54 + std::exp(3.0)})) ==
        "tensor(74.0855)");
  CHECK(format_tensor(f32({}, {36})) == "tensor(36.)");
  CHECK(format_tensor(f32({}, {12})) == "tensor(12.)");
  CHECK(python_float_repr(96.0) == "96.0");
}

TEST_CASE("golden 02: 3x3 tensors with shared width", "[format][golden]") {
  CHECK(format_tensor(f32({3, 3}, {2, 3, 1, 4, 5, 3, 7, 6, 4}, "", true)) ==
        "tensor([[2., 3., 1.],\n"
        "        [4., 5., 3.],\n"
        "        [7., 6., 4.]], requires_grad=True)");
  CHECK(format_tensor(f32({3, 3}, {12, 36, 2, 80, 150, 36, 392, 252, 80}, "AddBackward0")) ==
        "tensor([[ 12.,  36.,   2.],\n"
        "        [ 80., 150.,  36.],\n"
        "        [392., 252.,  80.]], grad_fn=<AddBackward0>)");
  CHECK(format_tensor(f32({}, {1040}, "SumBackward0")) == "tensor(1040., grad_fn=<SumBackward0>)");
  CHECK(format_tensor(f32({3, 3}, {16, 33, 5, 56, 85, 33, 161, 120, 56})) ==
        "tensor([[ 16.,  33.,   5.],\n"
        "        [ 56.,  85.,  33.],\n"
        "        [161., 120.,  56.]])");
}

TEST_CASE("golden 04/09/12: vectors", "[format][golden]") {
  CHECK(format_tensor(f32({3}, {2, -4, 6})) == "tensor([ 2., -4.,  6.])");
  CHECK(format_tensor(f32({3}, {4, -8, 12})) == "tensor([ 4., -8., 12.])");
  CHECK(format_tensor(f32({3}, {6, -12, 18})) == "tensor([  6., -12.,  18.])");
  CHECK(format_tensor(f32({3}, {0, 0, 0})) == "tensor([0., 0., 0.])");
  CHECK(format_tensor(f32({3}, {3, 3, 3})) == "tensor([3., 3., 3.])");
  CHECK(format_tensor(f32({2}, {2, 4})) == "tensor([2., 4.])");
  CHECK(format_tensor(f32({2}, {1, 2})) == "tensor([1., 2.])");
  CHECK(format_tensor(f32({2}, {1, 1}, "", true)) == "tensor([1., 1.], requires_grad=True)");
  CHECK(format_tensor(f32({3}, {2, 4, 6}, "MulBackward0")) == "tensor([2., 4., 6.], grad_fn=<MulBackward0>)");
}

TEST_CASE("golden 05/08: broadcasting and reductions", "[format][golden]") {
  CHECK(format_size({3, 4}) == "torch.Size([3, 4])");
  CHECK(format_tensor(f32({3, 4}, {11, 21, 31, 41, 22, 42, 62, 82, 33, 63, 93, 123}, "AddBackward0")) ==
        "tensor([[ 11.,  21.,  31.,  41.],\n"
        "        [ 22.,  42.,  62.,  82.],\n"
        "        [ 33.,  63.,  93., 123.]], grad_fn=<AddBackward0>)");
  CHECK(format_tensor(f32({3, 1}, {104, 104, 104})) ==
        "tensor([[104.],\n"
        "        [104.],\n"
        "        [104.]])");
  CHECK(format_tensor(f32({1, 4}, {6, 6, 6, 6})) == "tensor([[6., 6., 6., 6.]])");
  CHECK(format_tensor(f32({}, {2})) == "tensor(2.)");
  CHECK(format_tensor(f32({3}, {5, 7, 9}, "SumBackward1")) == "tensor([5., 7., 9.], grad_fn=<SumBackward1>)");
  CHECK(format_tensor(f32({2}, {6, 15}, "SumBackward1")) == "tensor([ 6., 15.], grad_fn=<SumBackward1>)");
  CHECK(format_tensor(f32({2, 1}, {2, 5}, "MeanBackward1")) ==
        "tensor([[2.],\n"
        "        [5.]], grad_fn=<MeanBackward1>)");
  CHECK(format_tensor(f32({2, 3}, {1, 10, 100, 1, 10, 100})) ==
        "tensor([[  1.,  10., 100.],\n"
        "        [  1.,  10., 100.]])");
  CHECK(format_tensor(f32({2, 3}, std::vector<double>(6, 1.0 / 6))) ==
        "tensor([[0.1667, 0.1667, 0.1667],\n"
        "        [0.1667, 0.1667, 0.1667]])");
  CHECK(format_size({2, 3}) == "torch.Size([2, 3])");
}

TEST_CASE("golden 06: matmul results in fixed point", "[format][golden]") {
  CHECK(format_tensor(f32({2, 2}, {7.6, 9.1, -0.05, 1.2}, "AddBackward0")) ==
        "tensor([[ 7.6000,  9.1000],\n"
        "        [-0.0500,  1.2000]], grad_fn=<AddBackward0>)");
  CHECK(format_tensor(f32({}, {142.0125}, "SumBackward0")) == "tensor(142.0125, grad_fn=<SumBackward0>)");
  CHECK(format_tensor(f32({2, 3}, {51.6, 118.4, 185.2, 4.7, 9.3, 13.9})) ==
        "tensor([[ 51.6000, 118.4000, 185.2000],\n"
        "        [  4.7000,   9.3000,  13.9000]])");
  CHECK(format_tensor(f32({2, 1}, {33.4, 2.3})) ==
        "tensor([[33.4000],\n"
        "        [ 2.3000]])");
  CHECK(format_size({2, 2}) == "torch.Size([2, 2])");
}

TEST_CASE("golden 07: activations", "[format][golden]") {
  std::vector<double> x = {-2.0, -0.5, 0.0, 0.5, 2.0};
  std::vector<double> sig, th, relu, ex;
  for (double v : x) {
    sig.push_back(sigmoid(v));
    th.push_back(std::tanh(v));
    relu.push_back(v > 0 ? v : 0);
    ex.push_back(std::exp(v));
  }
  CHECK(format_tensor(f32({5}, sig, "SigmoidBackward0")) ==
        "tensor([0.1192, 0.3775, 0.5000, 0.6225, 0.8808], grad_fn=<SigmoidBackward0>)");
  CHECK(format_tensor(f32({5}, th, "TanhBackward0")) ==
        "tensor([-0.9640, -0.4621,  0.0000,  0.4621,  0.9640], grad_fn=<TanhBackward0>)");
  CHECK(format_tensor(f32({5}, relu, "ReluBackward0")) ==
        "tensor([0.0000, 0.0000, 0.0000, 0.5000, 2.0000], grad_fn=<ReluBackward0>)");
  CHECK(format_tensor(f32({5}, ex, "ExpBackward0")) ==
        "tensor([0.1353, 0.6065, 1.0000, 1.6487, 7.3891], grad_fn=<ExpBackward0>)");
  std::vector<double> grad;
  for (size_t i = 0; i < x.size(); ++i)
    grad.push_back(sig[i] * (1 - sig[i]) + (1 - th[i] * th[i]) + (x[i] > 0 ? 1 : 0) + ex[i]);
  CHECK(format_tensor(f32({5}, grad)) == "tensor([0.3110, 1.6280, 2.2500, 3.6702, 8.5647])");
  CHECK(format_tensor(f32({3}, {1 / 0.5 + 0.5 / std::sqrt(0.5), 1.5, 0.25 + 0.25})) ==
        "tensor([2.7071, 1.5000, 0.5000])");
}

TEST_CASE("golden 10/11: training loops", "[format][golden]") {
  CHECK(python_float_str_format(33.0, ".4f") == "33.0000");
  CHECK(python_float_str_format(0.012912, ".4f") == "0.0129");
  CHECK(python_float_str_format(0.00106, ".4f") == "0.0011");
  CHECK(python_float_str_format(static_cast<float>(2.01506), ".3f") == "2.015");
  CHECK(python_float_str_format(static_cast<float>(0.95689), ".3f") == "0.957");
  CHECK(format_tensor(f32({}, {2.01506}, "", true)) == "tensor(2.0151, requires_grad=True)");
  CHECK(format_tensor(f32({}, {0.95689}, "", true)) == "tensor(0.9569, requires_grad=True)");
  for (const char* text : {"0.2623370289802551", "0.26057523488998413", "0.2591467499732971",
                           "0.2579861879348755", "0.2570396661758423"})
    CHECK(python_float_repr(std::strtod(text, nullptr)) == text);
  CHECK(format_tensor(f32({4, 1}, {0.50741, 0.41517, 0.62718, 0.53822}, "SigmoidBackward0")) ==
        "tensor([[0.5074],\n"
        "        [0.4152],\n"
        "        [0.6272],\n"
        "        [0.5382]], grad_fn=<SigmoidBackward0>)");
  CHECK(format_tensor(f32({3, 1}, {0.65881, -0.47088, 0.18061}, "", true)) ==
        "tensor([[ 0.6588],\n"
        "        [-0.4709],\n"
        "        [ 0.1806]], requires_grad=True)");
}

TEST_CASE("golden 14/15: printing dtypes, modes and shapes", "[format][golden]") {
  CHECK(format_tensor(typed(DType::Int64, {3}, {1, 2, 3})) == "tensor([1, 2, 3])");
  CHECK(format_tensor(f32({3}, {0.1, 1e-5, 123456.7})) == "tensor([1.0000e-01, 1.0000e-05, 1.2346e+05])");
  CHECK(format_tensor(f32({1, 2}, {1e10, 1.0})) == "tensor([[1.0000e+10, 1.0000e+00]])");
  CHECK(format_tensor(f32({3}, {-1.5, 2.25, -3.125})) == "tensor([-1.5000,  2.2500, -3.1250])");
  CHECK(format_tensor(typed(DType::Int64, {2, 2}, {1, -20, 300, 4})) ==
        "tensor([[  1, -20],\n"
        "        [300,   4]])");
  CHECK(format_tensor(typed(DType::Float64, {2}, {1.0, 2.0})) == "tensor([1., 2.], dtype=torch.float64)");
  CHECK(format_tensor(typed(DType::Float64, {}, {2.5}, "", true)) ==
        "tensor(2.5000, dtype=torch.float64, requires_grad=True)");
  CHECK(format_tensor(f32({2, 3}, std::vector<double>(6, 0.0))) ==
        "tensor([[0., 0., 0.],\n"
        "        [0., 0., 0.]])");
  CHECK(format_tensor(f32({4}, {1, 1, 1, 1})) == "tensor([1., 1., 1., 1.])");
  CHECK(format_tensor(typed(DType::Int64, {5}, {0, 1, 2, 3, 4})) == "tensor([0, 1, 2, 3, 4])");
  CHECK(format_tensor(f32({4}, {0, 0.25, 0.5, 0.75})) == "tensor([0.0000, 0.2500, 0.5000, 0.7500])");
  CHECK(format_tensor(f32({5}, {0, 0.25, 0.5, 0.75, 1})) == "tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])");
  CHECK(format_tensor(f32({2, 2}, {7, 7, 7, 7})) ==
        "tensor([[7., 7.],\n"
        "        [7., 7.]])");
  CHECK(format_tensor(f32({0}, {})) == "tensor([])");
  CHECK(format_tensor(f32({1, 2}, {0.001, 1000.0})) == "tensor([[1.0000e-03, 1.0000e+03]])");
  CHECK(format_tensor(f32({2}, {1.23456789, 9.87654321})) == "tensor([1.2346, 9.8765])");
  CHECK(format_size({2, 3}) == "torch.Size([2, 3])");
  CHECK(format_size({}) == "torch.Size([])");
  CHECK(python_float_repr(3.0) == "3.0");
  CHECK(python_float_repr(1.0) == "1.0");
  CHECK(python_float_repr(4.0) == "4.0");
}

// ---- hand-picked checks of the API contract ----------------------------------------------------

TEST_CASE("python_float_repr: shortest round trip in Python's layout", "[format][repr]") {
  CHECK(python_float_repr(0.1) == "0.1");
  CHECK(python_float_repr(1.0 / 3) == "0.3333333333333333");
  CHECK(python_float_repr(1e16) == "1e+16");
  CHECK(python_float_repr(1e15) == "1000000000000000.0");
  CHECK(python_float_repr(1e-5) == "1e-05");
  CHECK(python_float_repr(0.0001) == "0.0001");
  CHECK(python_float_repr(123456.7) == "123456.7");
  CHECK(python_float_repr(123456789012345680.0) == "1.2345678901234568e+17");
  CHECK(python_float_repr(0.2623370289802551) == "0.2623370289802551");
  CHECK(python_float_repr(static_cast<float>(0.1)) == "0.10000000149011612");
  CHECK(python_float_repr(std::numeric_limits<double>::quiet_NaN()) == "nan");
  CHECK(python_float_repr(-std::numeric_limits<double>::quiet_NaN()) == "nan");
  CHECK(python_float_repr(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(python_float_repr(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(python_float_repr(-0.0) == "-0.0");
  CHECK(python_float_repr(0.0) == "0.0");
  CHECK(python_float_repr(5e-324) == "5e-324");
  CHECK(python_float_repr(1.7976931348623157e308) == "1.7976931348623157e+308");
}

TEST_CASE("python_float_str_format: f-string specs", "[format][spec]") {
  CHECK(python_float_str_format(3.14159, ".4f") == "3.1416");
  CHECK(python_float_str_format(2.5, ">8") == "     2.5");
  CHECK(python_float_str_format(2.5, "8.3f") == "   2.500");
  CHECK(python_float_str_format(12345.678, "e") == "1.234568e+04");
  CHECK(python_float_str_format(12345.678, ".2e") == "1.23e+04");
  CHECK(python_float_str_format(12345.678, "g") == "12345.7");
  CHECK(python_float_str_format(0.25, "%") == "25.000000%");
  CHECK(python_float_str_format(1234567.5, ",") == "1,234,567.5");
  CHECK(python_float_str_format(12.0, ".2") == "1.2e+01");
  CHECK(python_float_str_format(1234.5, "010,.1f") == "0,001,234.5");
  CHECK(python_float_str_format(-0.0001, "z.2f") == "0.00");
  CHECK(python_float_str_format(2.5, "") == "2.5");
}

TEST_CASE("python_float_str_format: rejected specs raise Python's ValueError", "[format][spec]") {
  auto message_of = [](const std::string& spec) -> std::string {
    try {
      python_float_str_format(1.5, spec);
    } catch (const Error& e) {
      return e.type() + ": " + e.what();
    }
    return "no error";
  };
  CHECK(message_of("d") == "ValueError: Unknown format code 'd' for object of type 'float'");
  CHECK(message_of("abc") == "ValueError: Invalid format specifier 'abc' for object of type 'float'");
  CHECK(message_of(".f") == "ValueError: Format specifier missing precision");
}

TEST_CASE("format_tensor rejects values that do not match the shape", "[format]") {
  CHECK_THROWS_AS(format_tensor(f32({2, 2}, {1, 2, 3})), std::invalid_argument);
  CHECK_THROWS_AS(format_tensor(f32({}, {})), std::invalid_argument);
}

TEST_CASE("format_size", "[format]") {
  CHECK(format_size({5}) == "torch.Size([5])");
  CHECK(format_size({0, 3}) == "torch.Size([0, 3])");
  CHECK(format_size({2, 1, 4}) == "torch.Size([2, 1, 4])");
}

// ---- generated cases (gen_format_cases.py, real PyTorch / CPython) ------------------------------

TEST_CASE("generated: repr(tensor) edge cases from PyTorch", "[format][generated]") {
  const auto& all = cases().tensors;
  REQUIRE(all.size() >= 40);  // a truncated data file must not pass quietly
  for (const auto& c : all) {
    INFO("case " << c.name);
    CHECK(format_tensor(c.info) == c.expected);
  }
}

TEST_CASE("generated: repr(float) from CPython", "[format][generated]") {
  const auto& all = cases().reprs;
  REQUIRE(all.size() >= 2000);
  for (const auto& r : all) {
    INFO("value " << r.at(1));
    CHECK(python_float_repr(std::strtod(r.at(1).c_str(), nullptr)) == r.at(2));
  }
}

TEST_CASE("generated: format(float, spec) from CPython", "[format][generated]") {
  const auto& all = cases().formats;
  REQUIRE(all.size() >= 1000);
  for (const auto& r : all) {
    INFO("value " << r.at(1) << " spec '" << r.at(2) << "'");
    CHECK(python_float_str_format(std::strtod(r.at(1).c_str(), nullptr), r.at(2)) == r.at(3));
  }
}

TEST_CASE("generated: invalid specs from CPython", "[format][generated]") {
  const auto& all = cases().errors;
  REQUIRE(all.size() >= 5);
  for (const auto& r : all) {
    INFO("spec '" << r.at(2) << "'");
    std::string got = "no error";
    try {
      python_float_str_format(std::strtod(r.at(1).c_str(), nullptr), r.at(2));
    } catch (const Error& e) {
      got = e.type() == "ValueError" ? e.what() : e.type();
    }
    CHECK(got == r.at(3));
  }
}
