// Every golden case of ../shared/golden/cases, reproduced through the C++ API (no interpreter).
//
// Each TEST_CASE repeats its case's Python script statement by statement with gradlab:: calls and
// compares what each print() would show — tensor_repr, format_size, item(), Python float
// formatting — with the corresponding line(s) of the case's .out file, which is real PyTorch
// 1.13 output read at test time. Error cases compare "<Type>: <message>" with the .err line.
// The seed notebook (../shared/seed) gets its own case: its outputs must appear, in order.
#include <catch2/catch.hpp>

#include "tests/cpp/test_support.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/autograd/node.h"
#include "engine/error.h"
#include "engine/format/python_repr.h"
#include "engine/format/tensor_print.h"
#include "engine/format/tensor_repr.h"
#include "engine/tensor.h"

#ifndef GRADLAB_SHARED_GOLDEN_DIR
#error "GRADLAB_SHARED_GOLDEN_DIR must point at ../shared/golden/cases"
#endif

using namespace gradlab;

namespace {

// ---- building tensors --------------------------------------------------------------------------
using gradlab::testing::Nd;

Tensor T(const Nd& d, const TensorOptions& o = {}) { return tensor(d.data, o); }

TensorOptions requires_grad() {
  TensorOptions o;
  o.requires_grad = true;
  return o;
}
TensorOptions of(DType dtype, bool rg = false) {
  TensorOptions o;
  o.dtype = dtype;
  o.requires_grad = rg;
  return o;
}

// ---- what Python would print -----------------------------------------------------------------
std::string repr(const Tensor& t) { return t.defined() ? tensor_repr(t) : "None"; }
std::string py_bool(bool b) { return b ? "True" : "False"; }
std::string py_scalar(const Scalar& s) {
  return s.is_integral ? std::to_string(static_cast<int64_t>(s.value)) : python_float_repr(s.value);
}
std::string py_grad_fn_or_none(const Tensor& t) {
  return t.grad_fn() ? std::string("<") + t.grad_fn()->name() + " object>" : "None";
}
// tolist() of a 2-d float tensor.
std::string py_list_2d(const Tensor& t) {
  std::vector<double> v = t.to_doubles();
  std::string out = "[";
  for (int64_t i = 0; i < t.size(0); ++i) {
    out += i ? ", [" : "[";
    for (int64_t j = 0; j < t.size(1); ++j) out += (j ? ", " : "") + python_float_repr(v[i * t.size(1) + j]);
    out += "]";
  }
  return out + "]";
}

using gradlab::testing::error_of;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string cur;
  for (char c : text) {
    if (c == '\n') {
      lines.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

// One golden case's expected output, consumed print by print.
class Golden {
 public:
  explicit Golden(std::string name) : name_(std::move(name)) {
    lines_ = split_lines(read_file(dir() + name_ + ".out"));
    if (std::filesystem::exists(dir() + name_ + ".err")) {
      std::vector<std::string> e = split_lines(read_file(dir() + name_ + ".err"));
      if (!e.empty()) err_ = e.back();
    }
  }
  static std::string dir() { return std::string(GRADLAB_SHARED_GOLDEN_DIR) + "/"; }

  // What one print() showed: may span several lines (a matrix repr).
  void print(const std::string& printed) {
    const size_t n = split_lines(printed + "\n").size();
    INFO(name_ << ".out line " << pos_ + 1);
    REQUIRE(pos_ + n <= lines_.size());
    std::string want;
    for (size_t i = 0; i < n; ++i) want += (i ? "\n" : "") + lines_[pos_ + i];
    CHECK(printed == want);
    pos_ += n;
  }
  void finish() const {
    INFO(name_ << ".out has lines this test did not reproduce");
    CHECK(pos_ == lines_.size());
  }
  const std::string& err() const { return err_; }

 private:
  std::string name_;
  std::vector<std::string> lines_;
  std::string err_;
  size_t pos_ = 0;
};

}  // namespace

TEST_CASE("golden api: 01_seed_scalar", "[golden_api]") {
  Golden g("01_seed_scalar");
  Tensor x = T(4.0, requires_grad());
  g.print(repr(x));
  Tensor y = pow(x, Scalar(2));
  g.print(repr(y));
  y.backward();
  g.print(repr(x.grad()));
  g.finish();
}

TEST_CASE("golden api: 02_seed_matrix", "[golden_api]") {
  Golden g("02_seed_matrix");
  Tensor ti = T({{2., 3., 1.}, {4., 5., 3.}, {7., 6., 4.}}, requires_grad());
  g.print(repr(ti));
  g.print(std::to_string(3 * 2 * 2 + 2 * 2));  // print(3*2**2+2*2): plain Python
  Tensor y = add(pow(ti, Scalar(3)), pow(ti, Scalar(2)));
  g.print(repr(y));
  Tensor z = sum(y);
  g.print(repr(z));
  z.backward();
  g.print(repr(ti.grad()));
  g.finish();
}

TEST_CASE("golden api: 03_chain_rule", "[golden_api]") {
  Golden g("03_chain_rule");
  Tensor x = T(1.5, requires_grad());
  Tensor u = add(mul(x, Scalar(2)), Scalar(1));
  Tensor y = pow(u, Scalar(3));
  g.print(repr(u) + " " + repr(y));
  y.backward();
  g.print(repr(x.grad()));
  g.print(python_float_repr(3 * std::pow(2 * 1.5 + 1, 2) * 2));  // plain Python float
  g.finish();
}

TEST_CASE("golden api: 04_grad_accumulation", "[golden_api]") {
  Golden g("04_grad_accumulation");
  Tensor w = T({1.0, -2.0, 3.0}, requires_grad());
  for (int step = 0; step < 3; ++step) {
    Tensor loss = sum(mul(w, w));
    loss.backward();
    g.print(std::to_string(step) + " " + repr(w.grad()));
  }
  w.grad().zero_();
  g.print(repr(w.grad()));
  Tensor loss = sum(mul(w, Scalar(3)));
  loss.backward();
  g.print(repr(w.grad()));
  g.print(py_bool(w.is_leaf()) + " " + py_bool(loss.is_leaf()) + " " + py_bool(loss.requires_grad()));
  g.finish();
}

TEST_CASE("golden api: 05_broadcast", "[golden_api]") {
  Golden g("05_broadcast");
  Tensor a = T({{1.0}, {2.0}, {3.0}}, requires_grad());
  Tensor b = T({{10.0, 20.0, 30.0, 40.0}}, requires_grad());
  Tensor c = add(mul(a, b), a);
  g.print(format_size(c.shape()));
  g.print(repr(c));
  sum(c).backward();
  g.print(repr(a.grad()));
  g.print(repr(b.grad()));
  Tensor s = T(2.0, requires_grad());
  Tensor v = T({1.0, 2.0, 3.0});
  mean(mul(s, v)).backward();
  g.print(repr(s.grad()));
  g.finish();
}

TEST_CASE("golden api: 06_matmul", "[golden_api]") {
  Golden g("06_matmul");
  Tensor W = T({{0.5, -1.0, 2.0}, {1.5, 0.25, -0.5}}, requires_grad());
  Tensor x = T({{1.0, 2.0}, {3.0, 4.0}, {5.0, 6.0}});
  Tensor b = T({{0.1}, {0.2}}, requires_grad());
  Tensor out = add(matmul(W, x), b);
  g.print(repr(out));
  Tensor loss = sum(pow(out, Scalar(2)));
  g.print(repr(loss));
  loss.backward();
  g.print(repr(W.grad()));
  g.print(repr(b.grad()));
  g.print(format_size(matmul(t(x), t(W)).shape()));
  g.finish();
}

TEST_CASE("golden api: 07_activations", "[golden_api]") {
  Golden g("07_activations");
  Tensor x = T({-2.0, -0.5, 0.0, 0.5, 2.0}, requires_grad());
  std::vector<Tensor> ys{sigmoid(x), tanh(x), relu(x), exp(x), sigmoid(x), tanh(x)};
  for (const Tensor& y : ys) g.print(repr(y));
  Tensor total = add(add(add(sum(sigmoid(x)), sum(tanh(x))), sum(relu(x))), sum(exp(x)));
  total.backward();
  g.print(repr(x.grad()));
  Tensor p = T({0.5, 1.0, 4.0}, requires_grad());
  Tensor q = add(sum(log(p)), sum(sqrt(p)));
  q.backward();
  g.print(repr(p.grad()));
  g.finish();
}

TEST_CASE("golden api: 08_reductions_dims", "[golden_api]") {
  Golden g("08_reductions_dims");
  Tensor m = T({{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}}, requires_grad());
  g.print(repr(sum(m, {0})));
  g.print(repr(sum(m, {1})));
  g.print(repr(mean(m, {1}, true)));
  Tensor r = mul(sum(m, {0}), T({1.0, 10.0, 100.0}));
  sum(r).backward();
  g.print(repr(m.grad()));
  m.set_grad(Tensor());
  mean(m).backward();
  g.print(repr(m.grad()));
  g.print(format_size(m.shape()) + " " + std::to_string(m.dim()) + " " + std::to_string(m.numel()) + " " +
          std::to_string(m.size(1)));
  g.finish();
}

TEST_CASE("golden api: 09_no_grad_detach", "[golden_api]") {
  Golden g("09_no_grad_detach");
  Tensor x = T({1.0, 2.0}, requires_grad());
  Tensor y;
  {
    NoGradGuard no_grad;
    y = mul(x, Scalar(2));
  }
  g.print(repr(y) + " " + py_bool(y.requires_grad()));
  Tensor d = x.detach();
  g.print(repr(d) + " " + py_bool(d.requires_grad()));
  Tensor z = mul(x, Scalar(3)).detach();
  g.print(py_bool(z.requires_grad()) + " " + py_grad_fn_or_none(z));
  x.requires_grad_(false);
  g.print(repr(x));
  Tensor w = ones({2});
  g.print(py_bool(w.requires_grad()));
  w.requires_grad_();
  g.print(repr(w));
  g.finish();
}

TEST_CASE("golden api: 10_linear_regression", "[golden_api]") {
  Golden g("10_linear_regression");
  Tensor xs = T({0.0, 1.0, 2.0, 3.0, 4.0});
  Tensor ys = T({1.0, 3.0, 5.0, 7.0, 9.0});
  Tensor w = T(0.0, requires_grad());
  Tensor b = T(0.0, requires_grad());
  const double lr = 0.05;
  for (int epoch = 0; epoch < 60; ++epoch) {
    Tensor pred = add(mul(w, xs), b);
    Tensor loss = mean(pow(sub(pred, ys), Scalar(2)));
    loss.backward();
    {
      NoGradGuard no_grad;
      w.sub_(mul(w.grad(), Scalar(lr)));
      b.sub_(mul(b.grad(), Scalar(lr)));
    }
    w.grad().zero_();
    b.grad().zero_();
    if (epoch % 10 == 0) {
      g.print("epoch " + std::to_string(epoch) + ": loss " + python_float_str_format(loss.item().value, ".4f"));
    }
  }
  g.print("w = " + python_float_str_format(w.item().value, ".3f") + ", b = " +
          python_float_str_format(b.item().value, ".3f"));
  g.print(repr(w) + " " + repr(b));
  g.finish();
}

// Exact float32 digits need ATen's rounding: SLEEF's tanh, and the sigmoid and tanh backward in
// ATen's operand order (g * (1 - y) * y, g * fma(-y, y, 1)) — Note [Float32 rounding].
TEST_CASE("golden api: 11_manual_mlp", "[golden_api]") {
  Golden g("11_manual_mlp");
  Tensor X = T({{0.0, 0.0}, {0.0, 1.0}, {1.0, 0.0}, {1.0, 1.0}});
  Tensor Y = T({{0.0}, {1.0}, {1.0}, {0.0}});
  Tensor W1 = T({{0.5, -0.4, 0.3}, {-0.2, 0.6, 0.1}}, requires_grad());
  Tensor b1 = T({0.1, -0.1, 0.05}, requires_grad());
  Tensor W2 = T({{0.7}, {-0.5}, {0.2}}, requires_grad());
  Tensor b2 = T({0.0}, requires_grad());
  Tensor out;
  for (int step = 0; step < 5; ++step) {
    Tensor h = tanh(add(matmul(X, W1), b1));
    out = sigmoid(add(matmul(h, W2), b2));
    Tensor loss = mean(pow(sub(out, Y), Scalar(2)));
    loss.backward();
    g.print(std::to_string(step) + " " + py_scalar(loss.item()));
    NoGradGuard no_grad;
    for (Tensor* p : {&W1, &b1, &W2, &b2}) {
      p->sub_(mul(p->grad(), Scalar(0.5)));
      p->grad().zero_();
    }
  }
  g.print(repr(out));
  g.print(repr(W2));
  g.finish();
}

TEST_CASE("golden api: 12_error_nonscalar", "[golden_api]") {
  Golden g("12_error_nonscalar");
  Tensor x = T({1.0, 2.0, 3.0}, requires_grad());
  Tensor y = mul(x, Scalar(2));
  g.print(repr(y));
  REQUIRE_FALSE(g.err().empty());
  CHECK(error_of([&] { y.backward(); }) == g.err());
  g.finish();
}

TEST_CASE("golden api: 13_error_second_backward", "[golden_api]") {
  Golden g("13_error_second_backward");
  Tensor x = T(3.0, requires_grad());
  Tensor y = pow(x, Scalar(3));
  y.backward(Tensor(), /*retain_graph=*/true);
  g.print(repr(x.grad()));
  y.backward();
  g.print(repr(x.grad()));
  Tensor z = exp(x);
  z.backward();
  g.print(repr(x.grad()));
  REQUIRE_FALSE(g.err().empty());
  CHECK(error_of([&] { z.backward(); }) == g.err());
  g.finish();
}

TEST_CASE("golden api: 14_error_int_requires_grad", "[golden_api]") {
  Golden g("14_error_int_requires_grad");
  Tensor a = T({1, 2, 3});
  g.print(repr(a) + " " + dtype_name(a.dtype()));
  Tensor b = T({1.5, 2.5});
  g.print(dtype_name(b.dtype()));
  REQUIRE_FALSE(g.err().empty());
  CHECK(error_of([&] { T(3, requires_grad()); }) == g.err());
  g.finish();
}

TEST_CASE("golden api: 15_printing", "[golden_api]") {
  Golden g("15_printing");
  g.print(repr(T({0.1, 1e-5, 123456.7})));
  g.print(repr(T({{1e10, 1.0}})));
  g.print(repr(T({-1.5, 2.25, -3.125})));
  g.print(repr(T({{1, -20}, {300, 4}})));
  g.print(repr(T({1.0, 2.0}, of(DType::Float64))));
  g.print(repr(T(2.5, of(DType::Float64, true))));
  g.print(repr(zeros({2, 3})));
  g.print(repr(ones({4})));
  g.print(repr(arange(Scalar(0), Scalar(5), Scalar(1))));
  g.print(repr(arange(Scalar(0.0), Scalar(1.0), Scalar(0.25))));
  g.print(repr(linspace(0, 1, 5)));
  g.print(repr(full({2, 2}, Scalar(7.0))));
  g.print(repr(tensor(NestedData{std::vector<NestedData>{}})));
  g.print(repr(T({{0.001, 1000.0}})));
  g.print(repr(T({1.23456789, 9.87654321})));
  g.print(format_size(zeros({2, 3}).shape()) + " " + format_size(T(5.0).shape()));
  g.print(py_scalar(T({3.0}).item()) + " " + py_scalar(T(2).item()));
  g.print(py_list_2d(T({{1.0, 2.0}, {3.0, 4.0}})));
  g.finish();
}

TEST_CASE("golden api: 16_nonleaf_grad", "[golden_api]") {
  Golden g("16_nonleaf_grad");
  Tensor x = T(2.0, requires_grad());
  Tensor h = mul(x, Scalar(3));
  h.retain_grad();
  Tensor y = pow(h, Scalar(2));
  y.backward();
  g.print(repr(x.grad()) + " " + repr(h.grad()));
  g.print(py_bool(h.is_leaf()) + " " + py_bool(y.grad_fn() != nullptr) + " " + py_grad_fn_or_none(x));
  g.finish();
}

// A new golden case must get its C++ twin above.
TEST_CASE("golden api: every golden case is reproduced", "[golden_api]") {
  const std::set<std::string> covered{"01_seed_scalar",     "02_seed_matrix",         "03_chain_rule",
                                      "04_grad_accumulation", "05_broadcast",         "06_matmul",
                                      "07_activations",     "08_reductions_dims",     "09_no_grad_detach",
                                      "10_linear_regression", "11_manual_mlp",        "12_error_nonscalar",
                                      "13_error_second_backward", "14_error_int_requires_grad", "15_printing",
                                      "16_nonleaf_grad"};
  size_t found = 0;
  for (const auto& entry : std::filesystem::directory_iterator(GRADLAB_SHARED_GOLDEN_DIR)) {
    if (entry.path().extension() != ".py") continue;
    ++found;
    INFO(entry.path().filename().string());
    CHECK(covered.count(entry.path().stem().string()) == 1);
  }
  CHECK(found >= covered.size());
}

// The notebook the project grew from: its printed outputs, in order, through the C++ API.
TEST_CASE("seed notebook through the C++ API", "[golden_api][seed]") {
  const std::filesystem::path seed_dir = std::filesystem::path(GRADLAB_SHARED_GOLDEN_DIR) / ".." / ".." / "seed";
  std::string notebook;
  for (const auto& entry : std::filesystem::directory_iterator(seed_dir))
    if (entry.path().extension() == ".txt") notebook += read_file(entry.path().string());
  REQUIRE_FALSE(notebook.empty());

  size_t pos = 0;
  // Each output must appear on lines of its own, after the previous one.
  auto shown = [&](const std::string& text) {
    INFO("seed notebook output:\n" << text);
    size_t at = pos;
    while (true) {
      at = notebook.find(text, at);
      if (at == std::string::npos) break;
      bool starts_line = at == 0 || notebook[at - 1] == '\n';
      size_t end = at + text.size();
      bool ends_line = end == notebook.size() || notebook[end] == '\n';
      if (starts_line && ends_line) break;
      ++at;
    }
    CHECK(at != std::string::npos);
    if (at != std::string::npos) pos = at + text.size();
  };

  // In [2]-[6]: y = x**2, dy/dx = 2x
  Tensor x = T(4.0, requires_grad());
  shown(repr(x));
  Tensor y = pow(x, Scalar(2));
  shown(repr(y));
  y.backward();
  shown(repr(x.grad()));

  // In [7]-[16]: y = x**3 + x**2 on a 3×3 matrix
  Tensor torch_input = T({{2., 3., 1.}, {4., 5., 3.}, {7., 6., 4.}}, requires_grad());
  shown(repr(torch_input));
  shown(std::to_string(3 * 2 * 2 + 2 * 2));
  Tensor y3 = add(pow(torch_input, Scalar(3)), pow(torch_input, Scalar(2)));
  shown(repr(y3));
  Tensor z = sum(y3);
  shown(repr(z));
  z.backward();
  shown(repr(torch_input.grad()));
}
