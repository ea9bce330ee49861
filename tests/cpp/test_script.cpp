// Unit tests of the script interpreter (engine/script): the lexer and parser on their own
// (tokens, SyntaxError/IndentationError wording and positions), then the evaluator through the
// public Interpreter API (printing, Python errors and tracebacks, notebook display, interrupts,
// recursion limits). Golden comparisons against real PyTorch live in tests/golden.
#include <catch2/catch.hpp>

#include <string>

#include "engine/allocation_limit.h"
#include "engine/script/interpreter.h"
#include "engine/script/lexer.h"
#include "engine/script/parser.h"

using namespace gradlab::script;

namespace {

struct SyntaxFailure {
  std::string type, message;
  SourceRange where;
};

SyntaxFailure parse_error(const std::string& src) {
  try {
    auto prog = parse_program(make_source_file("t.py", src));
  } catch (const SyntaxErrorEx& e) {
    return {e.type(), e.what(), e.where()};
  }
  return {"", "", {}};
}

std::string out(const std::string& src) {
  Interpreter in;
  CellResult r = in.run(src, "t.py");
  if (r.error) return "ERROR " + r.error->type + ": " + r.error->message;
  return r.output;
}

ScriptError error_of(const std::string& src) {
  Interpreter in;
  CellResult r = in.run(src, "t.py");
  REQUIRE(r.error.has_value());
  return *r.error;
}

}  // namespace

TEST_CASE("lexer: indentation, numbers, strings", "[script][lexer]") {
  auto toks = tokenize("if x:\n    y = 1_000 + 0x1f + 2.5e3\n# c\n\n    z = 'a\\n' \"b\"\n");
  std::vector<Tok> kinds;
  for (const auto& t : toks) kinds.push_back(t.kind);
  CHECK(kinds.front() == Tok::Keyword);
  CHECK(std::count(kinds.begin(), kinds.end(), Tok::Indent) == 1);
  CHECK(std::count(kinds.begin(), kinds.end(), Tok::Dedent) == 1);
  CHECK(kinds.back() == Tok::End);
  bool saw_int = false, saw_hex = false, saw_float = false;
  for (const auto& t : toks) {
    if (t.kind == Tok::Int && t.int_value == 1000) saw_int = true;
    if (t.kind == Tok::Int && t.int_value == 31) saw_hex = true;
    if (t.kind == Tok::Float && t.float_value == 2500.0) saw_float = true;
    if (t.kind == Tok::String && t.text == "a\n") CHECK(t.pos.line == 5);
  }
  CHECK(saw_int);
  CHECK(saw_hex);
  CHECK(saw_float);
  // Newlines inside brackets do not end the statement.
  auto joined = tokenize("x = (1,\n     2)\ny = [3,\n 4]\nfor q in y:\n    pass\n");
  CHECK(std::count_if(joined.begin(), joined.end(), [](const Token& t) { return t.kind == Tok::Newline; }) == 4);
  CHECK(out("r = [1,\n     2]\nfor q in r:\n    print(q, end=' ')\nprint({'a': 1,\n 'b': 2})") == "1 2 {'a': 1, 'b': 2}\n");
}

TEST_CASE("lexer errors carry CPython's wording and position", "[script][lexer]") {
  auto e = parse_error("x = \"abc\n");
  CHECK(e.type == "SyntaxError");
  CHECK(e.message == "unterminated string literal (detected at line 1)");
  CHECK(e.where.line == 1);
  CHECK(e.where.col == 4);

  e = parse_error("x = (1,\n  2\ny = 3\n");
  CHECK(e.message == "'(' was never closed");
  CHECK(e.where.line == 1);
  CHECK(e.where.col == 4);

  e = parse_error("if 1:\n    x=1\n  y=2\n");
  CHECK(e.type == "IndentationError");
  CHECK(e.message == "unindent does not match any outer indentation level");
  CHECK(e.where.line == 3);

  e = parse_error("x = 012\n");
  CHECK(e.message.find("leading zeros") == 0);
  e = parse_error("x = ]\n");
  CHECK(e.message == "unmatched ']'");
  e = parse_error("x = 99999999999999999999\n");
  CHECK(e.message.find("64-bit") != std::string::npos);
}

TEST_CASE("parser errors: messages, lines and columns", "[script][parser]") {
  auto e = parse_error("x = 1\nif x\n    pass\n");
  CHECK(e.message == "expected ':'");
  CHECK(e.where.line == 2);
  CHECK(e.where.col == 4);

  e = parse_error("x = = 2\n");
  CHECK(e.message == "invalid syntax");
  CHECK(e.where.col == 4);

  e = parse_error("if 1:\nprint(2)\n");
  CHECK(e.type == "IndentationError");
  CHECK(e.message == "expected an indented block after 'if' statement on line 1");
  CHECK(e.where.line == 2);

  e = parse_error("x = 1\n  y = 2\n");
  CHECK(e.type == "IndentationError");
  CHECK(e.message == "unexpected indent");

  e = parse_error("print \"a\"\n");
  CHECK(e.message == "Missing parentheses in call to 'print'. Did you mean print(...)?");

  e = parse_error("1 = x\n");
  CHECK(e.message == "cannot assign to literal here. Maybe you meant '==' instead of '='?");
  e = parse_error("f() = 1\n");
  CHECK(e.message == "cannot assign to function call here. Maybe you meant '==' instead of '='?");
  e = parse_error("f(x for x in y, 1)\n");
  CHECK(e.message == "Generator expression must be parenthesized");
  e = parse_error("[1 2]\n");
  CHECK(e.message == "invalid syntax. Perhaps you forgot a comma?");
  e = parse_error("break\n");
  CHECK(e.message == "'break' outside loop");
  e = parse_error("return 1\n");
  CHECK(e.message == "'return' outside function");
  e = parse_error("def f(a=1, b):\n    pass\n");
  CHECK(e.message == "non-default argument follows default argument");
  e = parse_error("f(a=1, 2)\n");
  CHECK(e.message == "positional argument follows keyword argument");
  e = parse_error("x = f'{}'\n");
  CHECK(e.message == "f-string: empty expression not allowed");
}

TEST_CASE("features outside the subset are named, not misparsed", "[script][parser]") {
  auto e = parse_error("x = 1\n\ndef f():\n    print((yield 1))\n");
  CHECK(e.type == "SyntaxError");
  CHECK(e.message == "'yield' is not supported by gradlab (line 4)");
  CHECK(e.where.line == 4);
  // Generators yield in statements and in if/for/while/try/with bodies (Note [Generators]).
  e = parse_error("def f():\n    try:\n        pass\n    finally:\n        yield 1\n");
  CHECK(e.message == "'yield' inside 'except', 'else' or 'finally' blocks is not supported by gradlab (line 2)");
  CHECK(parse_error("yield 1\n").message == "'yield' outside function");
  CHECK(parse_error("(a.b := 1)\n").message == "cannot use assignment expressions with attribute");
  CHECK(parse_error("try:\n    pass\n").message == "expected 'except' or 'finally' block");
  CHECK(parse_error("@dec\nx = 1\n").message == "invalid syntax");
  CHECK(parse_error("async def f():\n    pass\n").message == "'async' is not supported by gradlab (line 1)");
  CHECK(parse_error("x = b'abc'\n").message.find("bytes literals") == 0);
}

TEST_CASE("deep nesting is refused instead of overflowing the stack", "[script][parser]") {
  std::string deep_parens(300, '(');
  CHECK(parse_error("x = " + deep_parens + "1" + std::string(300, ')') + "\n").message == "too many nested parentheses");
  std::string chain = "x = 1";
  for (int i = 0; i < 5000; ++i) chain += " + 1";
  auto e = parse_error(chain + "\n");
  CHECK(e.type == "RecursionError");
  std::string unary(2000, '-');
  CHECK(parse_error("x = " + unary + "1\n").type == "RecursionError");
}

TEST_CASE("evaluation prints like Python", "[script][eval]") {
  CHECK(out("print(3*2**2+2*2, 7 // 2, -7 % 3, 10 / 4, 2 ** -1)") == "16 3 2 2.5 0.5\n");
  CHECK(out("print(0.1 + 0.2, 1e16, 1e-5, 3.0, -0.0)") == "0.30000000000000004 1e+16 1e-05 3.0 -0.0\n");
  CHECK(out("print([1, 'a', (2,), {'k': None}], (1, 2), True)") == "[1, 'a', (2,), {'k': None}] (1, 2) True\n");
  CHECK(out("x = 2.0\nprint(f'{x:.3f}|{7:>4}|{\"s\"!r}|{x=}')") == "2.000|   7|'s'|x=2.0\n");
  CHECK(out("a, *b = [1, 2, 3]\nprint(a, b)") == "1 [2, 3]\n");
  CHECK(out("def f(n):\n    return 1 if n < 2 else n * f(n - 1)\nprint(f(10))") == "3628800\n");
  CHECK(out("def mk():\n    k = 3\n    return lambda x: x * k\nprint(mk()(5))") == "15\n");
  CHECK(out("print([i * i for i in range(4) if i != 2], {k: v for k, v in zip('ab', (1, 2))})") == "[0, 1, 9] {'a': 1, 'b': 2}\n");
  CHECK(out("for i, c in enumerate('xy'):\n    print(i, c, end=';')\nprint()") == "0 x;1 y;\n");
  CHECK(out("i = 0\nwhile True:\n    i += 1\n    if i > 3:\n        break\nelse:\n    print('no')\nprint(i)") == "4\n");
  CHECK(out("print('%.2f %d %s' % (3.14159, 7, 'x'), '{}-{}'.format(1, 2))") == "3.14 7 x 1-2\n");
  CHECK(out("import math\nprint(math.pi, math.sqrt(16), math.floor(2.5))") == "3.141592653589793 4.0 2\n");
}

TEST_CASE("tensors through the interpreter", "[script][eval][tensor]") {
  CHECK(out("import torch\nx = torch.tensor(4.0, requires_grad=True)\ny = x ** 2\ny.backward()\nprint(y, x.grad)") ==
        "tensor(16., grad_fn=<PowBackward0>) tensor(8.)\n");
  CHECK(out("import torch\nx = torch.ones(2, 3)\nprint(x.shape, x.shape[1], len(x.shape), x.shape == (2, 3), x.size())") ==
        "torch.Size([2, 3]) 3 2 True torch.Size([2, 3])\n");
  CHECK(out("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\nprint((1 - x).grad_fn.name(), (2 / x).grad_fn.name(), (2 ** x).grad_fn.name())") ==
        "RsubBackward1 MulBackward0 PowBackward1\n");
  CHECK(out("import torch\nt = torch.tensor(0.5)\nif t < 1:\n    print('small')") == "small\n");
  CHECK(out("import torch\nprint(torch.tensor(2.5).item(), torch.tensor([[1, 2]]).tolist(), torch.float32)") == "2.5 [[1, 2]] torch.float32\n");
}

TEST_CASE("Python errors: types, messages, tracebacks", "[script][errors]") {
  auto e = error_of("x = 1\nprint(foo)\n");
  CHECK(e.type == "NameError");
  CHECK(e.message == "name 'foo' is not defined");
  CHECK(e.line == 2);
  CHECK(e.traceback ==
        "Traceback (most recent call last):\n"
        "  File \"t.py\", line 2, in <module>\n"
        "    print(foo)\n"
        "          ^^^\n"
        "NameError: name 'foo' is not defined\n");
  CHECK(error_of("prnt(1)").message == "name 'prnt' is not defined. Did you mean: 'print'?");
  CHECK(error_of("1 + 'a'").message == "unsupported operand type(s) for +: 'int' and 'str'");
  CHECK(error_of("1 / 0").message == "division by zero");
  CHECK(error_of("1.0 / 0").message == "float division by zero");
  CHECK(error_of("[1][3]").message == "list index out of range");
  CHECK(error_of("{'a': 1}['b']").type == "KeyError");
  CHECK(error_of("{'a': 1}['b']").message == "'b'");
  CHECK(error_of("import numpy").message == "No module named 'numpy'");
  CHECK(error_of("import torch\ntorch.tensor([1.0]).foo").message == "'Tensor' object has no attribute 'foo'");
  CHECK(error_of("import torch\ntorch.tensor([1.0]).bakward()").message ==
        "'Tensor' object has no attribute 'bakward'. Did you mean: 'backward'?");
  CHECK(error_of("def f(a):\n    pass\nf()").message == "f() missing 1 required positional argument: 'a'");
  CHECK(error_of("def f():\n    print(x)\n    x = 1\nf()").type == "UnboundLocalError");
  CHECK(error_of("a, b = [1, 2, 3]").message == "too many values to unpack (expected 2)");
  CHECK(error_of("int('x')").message == "invalid literal for int() with base 10: 'x'");
  CHECK(error_of("raise ValueError('bad')").traceback.find("ValueError: bad\n") != std::string::npos);
  // engine errors pass through with PyTorch's text
  CHECK(error_of("import torch\ntorch.arange(0, float('inf'))").message == "unsupported range: 0 -> inf");
  CHECK(error_of("import torch\ntorch.arange(0.5, float('nan'))").message == "unsupported range: 0.5 -> nan");
  CHECK(error_of("import torch\ntorch.arange(0, 1e30, 1e-30)").message == "invalid size, possible overflow?");
  auto r = error_of("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\n(x * 2).backward()\n");
  CHECK(r.type == "RuntimeError");
  CHECK(r.message == "grad can be implicitly created only for scalar outputs");
  // frames of called functions appear in order
  auto t = error_of("def g():\n    return 1 / 0\ndef f():\n    return g()\nf()\n").traceback;
  CHECK(t.find("line 5, in <module>") < t.find("line 4, in f"));
  CHECK(t.find("line 4, in f") < t.find("line 2, in g"));
}

// Expected texts: what PyTorch 1.13 (/usr/bin/python3) raises for the same lines.
TEST_CASE("tensor argument and in-place errors are worded like PyTorch's", "[script][errors]") {
  const std::string setup = "import torch\nx = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\n";
  const std::pair<const char*, const char*> cases[] = {
      {"x.exp(2)", "_TensorBase.exp() takes no arguments (1 given)"},
      {"x.exp(2, 3)", "_TensorBase.exp() takes no arguments (2 given)"},
      {"x.exp(foo=1)", "_TensorBase.exp() takes no keyword arguments"},
      {"f = x.item\nf(1)", "_TensorBase.item() takes no arguments (1 given)"},
      {"torch.exp(x, 2)", "exp() takes 1 positional argument but 2 were given"},
      {"torch.exp(x, 2, 3)", "exp() takes 1 positional argument but 3 were given"},
      {"torch.exp(x, foo=1)", "exp() got an unexpected keyword argument 'foo'"},
      {"x.float(1)", "float() takes 0 positional arguments but 1 was given"},
      {"x.clone(1)", "clone() takes 0 positional arguments but 1 was given"},
      {"x[1:2] = 5", "a view of a leaf Variable that requires grad is being used in an in-place operation."},
      {"x[0] = 5", "a view of a leaf Variable that requires grad is being used in an in-place operation."},
      {"x[...] = 5", "a leaf Variable that requires grad is being used in an in-place operation."},
      {"torch.dot(x, 3)", "dot(): argument 'tensor' (position 2) must be Tensor, not int"},
      {"x.dot(3)", "dot(): argument 'tensor' (position 1) must be Tensor, not int"},
      {"torch.dot(x, torch.ones(2, 2))", "1D tensors expected, but got 1D and 2D tensors"},
      {"torch.dot(x, torch.ones(2))",
       "inconsistent tensor size, expected tensor [3] and src [2] to have the same number of elements, but got 3 and 2 "
       "elements respectively"},
      {"torch.mv(torch.ones(2, 3), torch.ones(3, 1))", "vector + matrix @ vector expected, got 1, 2, 2"},
      {"torch.mean(x, dtype=torch.int64)",
       "mean(): could not infer output dtype. Optional dtype must be either a floating point or complex dtype. Got: Long"},
  };
  for (const auto& [line, message] : cases) {
    INFO(line);
    CHECK(error_of(setup + line + "\n").message == message);
  }
}

TEST_CASE("recursion is bounded and reported like Python", "[script][errors]") {
  auto e = error_of("def f(n):\n    return f(n + 1)\nf(0)\n");
  CHECK(e.type == "RecursionError");
  CHECK(e.message == "maximum recursion depth exceeded");
  // Python reports all but the first frames as repeats (996 for the limit of 1000).
  const std::string repeated = "[Previous line repeated " + std::to_string(kDefaultRecursionLimit - 4) + " more times]";
  CHECK(e.traceback.find(repeated) != std::string::npos);
}

TEST_CASE("a namespace persists across cells, and the last expression is displayed", "[script][notebook]") {
  Interpreter in;
  auto r1 = in.run("import torch\nx = torch.tensor([1.0, 2.0])\nx * 2", "<cell 1>", true);
  REQUIRE(r1.result_repr);
  CHECK(*r1.result_repr == "tensor([2., 4.])");
  auto r2 = in.run("x.sum();", "<cell 2>", true);
  CHECK(!r2.result_repr);  // ';' suppresses
  auto r3 = in.run("y = x\nNone", "<cell 3>", true);
  CHECK(!r3.result_repr);  // None is not displayed
  auto vars = in.tensor_variables();
  REQUIRE(vars.size() == 2);
  CHECK(vars[0].first == "x");
  CHECK(vars[1].first == "y");
  in.reset();
  CHECK(in.run("print(x)", "<cell 4>").error->type == "NameError");
}

TEST_CASE("output and warning sinks stream, and interrupts stop loops", "[script][api]") {
  Interpreter in;
  std::string streamed;
  in.set_output_sink([&](std::string_view s) { streamed += s; });
  auto r = in.run("print('a')\nprint('b', end='')");
  CHECK(streamed == "a\nb");
  CHECK(r.output.empty());

  int polls = 0;
  in.set_interrupt_check([&] { return ++polls > 3; }, "TimeoutError", "script exceeded --timeout of 1 second");
  auto t = in.run("while True:\n    pass\n");
  REQUIRE(t.error);
  CHECK(t.error->type == "TimeoutError");
  CHECK(t.error->message == "script exceeded --timeout of 1 second");

  Interpreter w;
  auto rw = w.run("import torch\nx = torch.tensor(1.0, requires_grad=True)\ny = x * 2\nfor i in range(3):\n    y.grad\n", "w.py");
  CHECK(rw.warnings.find("w.py:5: UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor") == 0);
  CHECK(rw.warnings.find("w.py:5", 10) == std::string::npos);  // once per location
}

// Note [Exceptions]: Stop and --timeout are no exceptions a script can catch.
TEST_CASE("interrupts pass through except and finally", "[script][api]") {
  for (const char* src : {"while True:\n    try:\n        pass\n    except:\n        pass\n",
                          "while True:\n    try:\n        pass\n    except BaseException:\n        pass\n",
                          "while True:\n    try:\n        pass\n    finally:\n        continue\n"}) {
    Interpreter in;
    int polls = 0;
    in.set_interrupt_check([&] { return ++polls > 3; }, "TimeoutError", "script exceeded --timeout of 1 second");
    auto r = in.run(src);
    INFO(src);
    REQUIRE(r.error);
    CHECK(r.error->type == "TimeoutError");
  }
}

TEST_CASE("classes, exceptions and decorators run with Python's semantics", "[script][eval]") {
  CHECK(out("class A:\n    def __init__(self, x):\n        self.x = x\n    def get(self):\n        return self.x\n"
            "class B(A):\n    def get(self):\n        return super().get() * 2\nprint(B(21).get(), __name__)") == "42 __main__\n");
  CHECK(out("try:\n    1 / 0\nexcept ArithmeticError as e:\n    print(type(e).__name__, e)\nfinally:\n    print('done')") ==
        "ZeroDivisionError division by zero\ndone\n");
  CHECK(out("def twice(f):\n    return lambda x: f(f(x))\n@twice\ndef inc(x):\n    return x + 1\nprint(inc(1))") == "3\n");
  auto e = error_of("class E(Exception):\n    pass\ntry:\n    raise KeyError('k')\nexcept KeyError as k:\n    raise E('x') from k\n");
  CHECK(e.type == "E");
  CHECK(e.traceback.find("KeyError: 'k'\n\nThe above exception was the direct cause of the following exception:\n") != std::string::npos);
}

// Note [Polling long operations]: one step that prints, compares or hashes 20^12 shared items.
TEST_CASE("the interrupt check reaches repr, == and hash of huge nested containers", "[script]") {
  const std::string build = "def build():\n    t = (2,)\n    for i in range(12):\n        t = (20 * t,)\n    return t\n";
  for (const char* step : {"print(build())", "build() == build()", "hash(build())", "{build(): 1}"}) {
    Interpreter in;
    int polls = 0;
    in.set_interrupt_check([&] { return ++polls > 50; }, "TimeoutError", "script exceeded --timeout of 1 second");
    auto r = in.run(build + step + "\n");
    INFO(step);
    REQUIRE(r.error);
    CHECK(r.error->type == "TimeoutError");
    CHECK(r.error->line == 6);
  }
}

TEST_CASE("self-referencing containers neither crash nor leak", "[script][heap]") {
  CHECK(out("a = []\na.append(a)\nprint(a)\nd = {}\nd['d'] = d\nprint(d)") == "[[...]]\n{'d': {...}}\n");
  // cycles through instances, classes, bound methods and closures (LeakSanitizer checks them)
  CHECK(out("class N:\n    def __init__(self):\n        self.me = self\n        self.m = self.f\n        self.g = lambda: self\n"
            "    def f(self):\n        return N\nn = N()\nN.n = n\nprint(n.me is n)") == "True\n");
  CHECK(out("a = []\nfor i in range(100000):\n    a = [a]\nprint(len(a))") == "1\n");
}

TEST_CASE("past the allocation limit, large requests are MemoryError", "[script][heap]") {
  struct Limit {  // Note [Allocation limit], restored however the test ends
    Limit() { gradlab::set_allocation_limit(size_t{64} << 20); }
    ~Limit() { gradlab::set_allocation_limit(SIZE_MAX); }
  } limit;
  for (const char* src : {"import torch\nx = torch.zeros(10**8)", "import torch\nx = torch.arange(10**8)",
                          "import torch\nx = torch.linspace(0, 1, 10**8)", "x = list(range(10**8))",
                          "import torch\nkeep = [torch.zeros(4 * 10**6) for _ in range(5)]",  // 5 × 16 MB alive at once
                          "import torch\nx = torch.zeros(5 * 10**6).tolist()",
                          "x = f'{1.5:-77777777777777}'"}) {  // a format width, padded
    INFO(src);
    CHECK(error_of(src).type == "MemoryError");
  }
  CHECK(out("import torch\nx = torch.zeros(10**6)\nprint((x + 1).sum().item(), len(list(range(10**5))))") == "1000000.0 100000\n");
  CHECK(out("print(len(f'{1.5:>100000}'), repr(f'{2:*^7}'))") == "100000 '***2***'\n");
}
