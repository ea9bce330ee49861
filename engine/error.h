// Errors the engine raises, tagged with the Python exception type a learner would see.
// The interpreter turns them into `RuntimeError: ...` lines; the page shows them the same way.
// Messages are PyTorch 1.13's own text, so learners can search for them.
#pragma once
#include <stdexcept>
#include <string>

namespace gradlab {

class Error : public std::runtime_error {
 public:
  Error(std::string type, const std::string& message)
      : std::runtime_error(message), type_(std::move(type)) {}
  const std::string& type() const { return type_; }

 private:
  std::string type_;
};

[[noreturn]] inline void runtime_error(const std::string& message) { throw Error("RuntimeError", message); }
[[noreturn]] inline void index_error(const std::string& message) { throw Error("IndexError", message); }
[[noreturn]] inline void type_error(const std::string& message) { throw Error("TypeError", message); }
[[noreturn]] inline void value_error(const std::string& message) { throw Error("ValueError", message); }

}  // namespace gradlab
