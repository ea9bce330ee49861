// Helpers shared by the Catch2 test files.
#pragma once
#include <exception>
#include <string>

#include "engine/error.h"

namespace gradlab::testing {

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

}  // namespace gradlab::testing
