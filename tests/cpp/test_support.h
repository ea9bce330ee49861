// Helpers shared by the Catch2 test files.
#pragma once
#include <cstring>
#include <exception>
#include <initializer_list>
#include <string>
#include <vector>

#include "engine/error.h"
#include "engine/tensor.h"

namespace gradlab::testing {

// The same bits, or both NaN (whose payloads the engine does not promise).
template <class T>
bool same_value(T a, T b) {
  return (a != a && b != b) || std::memcmp(&a, &b, sizeof(T)) == 0;
}

// "RuntimeError: <message>" for a gradlab::Error, a marked text for any other exception, and
// "no error" when `f` returns normally — so a CHECK shows the whole story on failure.
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.type() + ": " + e.what();
  } catch (const std::exception& e) {
    return std::string("(not a gradlab::Error) ") + e.what();
  }
  return "no error";
}

// Nested Python data for tensor(): `Nd{{1.0, 2.0}, {3.0, 4.0}}`, `Nd(4.0)`, `Nd{1, 2, 3}` (ints → int64).
struct Nd {
  NestedData data;
  Nd(double v) : data{v} {}
  Nd(int v) : data{static_cast<int64_t>(v)} {}
  Nd(std::initializer_list<Nd> items) {
    std::vector<NestedData> list;
    for (const Nd& i : items) list.push_back(i.data);
    data.value = std::move(list);
  }
};

}  // namespace gradlab::testing
