// Python's own text for floats: repr(x) and format(x, spec).
//
// Learners compare gradlab's output with PyTorch's character for character, and much of that
// output is Python formatting a float: `.item()` results, lists from `.tolist()`, f-strings such
// as f"{loss.item():.4f}", and every element of a printed tensor (PyTorch formats each element
// with '{:.4f}' / '{:.4e}' on a Python float). This module reproduces CPython 3.11's float
// formatting (Objects/floatobject.c, Python/pystrtod.c, Python/formatter_unicode.c) with one code
// path for g++ and Emscripten: digits come from snprintf/strtod, never from std::to_chars, whose
// floating overloads Emscripten 3.1.6's libc++ lacks.
#pragma once
#include <string>

namespace gradlab {

// repr(float) / str(float): the shortest digits that read back to the same double, laid out as
// Python does ('0.1', '3.0', '1e-05', '123456.7', '1e+16', 'inf', 'nan', '-0.0').
std::string python_float_repr(double v);

// format(v, spec) for a float, i.e. what an f-string "{v:spec}" produces. Supports the whole
// float mini-language: [[fill]align][sign][z][#][0][width][,|_][.precision][type] with types
// e E f F g G n % and none. A spec Python rejects throws gradlab::Error("ValueError", <Python's
// message>), e.g. "Unknown format code 'd' for object of type 'float'".
std::string python_float_str_format(double v, const std::string& spec);

}  // namespace gradlab
