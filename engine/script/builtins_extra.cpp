// More of Python's builtins (hex, oct, bin, format) and the `time` module, with sleep() that
// stops on Stop/--timeout like every other long operation.
#include <chrono>
#include <thread>

#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

int64_t index_of(const Value& v) {
  if (!v.is_intlike()) raise_type_error(std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
  return v.as_int();
}

std::string in_base(int64_t v, int base, const char* prefix) {
  uint64_t u = v < 0 ? uint64_t(0) - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  std::string digits;
  do {
    digits.insert(digits.begin(), "0123456789abcdef"[u % static_cast<uint64_t>(base)]);
    u /= static_cast<uint64_t>(base);
  } while (u);
  return (v < 0 ? "-" : "") + std::string(prefix) + digits;
}

Value b_hex(Interp&, CallArgs& a) {
  Args args("hex", a, {"number"}, 1, ArgStyle::Python);
  return make_str(in_base(index_of(*args.get(0)), 16, "0x"));
}
Value b_oct(Interp&, CallArgs& a) {
  Args args("oct", a, {"number"}, 1, ArgStyle::Python);
  return make_str(in_base(index_of(*args.get(0)), 8, "0o"));
}
Value b_bin(Interp&, CallArgs& a) {
  Args args("bin", a, {"number"}, 1, ArgStyle::Python);
  return make_str(in_base(index_of(*args.get(0)), 2, "0b"));
}

Value b_format(Interp& in, CallArgs& a) {
  Args args("format", a, {"value", "format_spec"}, 1, ArgStyle::Python);
  std::string spec;
  if (args.get(1)) {
    const std::string* s = as_str(*args.get(1));
    if (!s) raise_type_error(std::string("format() argument 2 must be str, not ") + type_name(*args.get(1)));
    spec = *s;
  }
  if (spec.empty()) return make_str(str(*args.get(0)));
  return make_str(format_value(in, *args.get(0), spec));
}

double seconds_since_epoch() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

Value t_time(Interp&, CallArgs& a) {
  Args args("time", a, {}, 0, ArgStyle::Python);
  return Value(seconds_since_epoch());
}

Value t_perf_counter(Interp&, CallArgs& a) {
  Args args("perf_counter", a, {}, 0, ArgStyle::Python);
  using namespace std::chrono;
  return Value(duration<double>(steady_clock::now().time_since_epoch()).count());
}

Value t_sleep(Interp& in, CallArgs& a) {
  Args args("sleep", a, {"secs"}, 1, ArgStyle::Python);
  const Value& v = *args.get(0);
  if (!v.is_number()) raise_type_error(std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
  double secs = v.as_number();
  if (secs < 0) raise_value_error("sleep length must be non-negative");
  using namespace std::chrono;
  auto end = steady_clock::now() + duration<double>(secs);
  while (steady_clock::now() < end) {
    if (in.interrupt_ && in.interrupt_()) {  // Stop / --timeout: checked every 10 ms
      in.interrupted_ = true;
      raise(in.interrupt_type_.c_str(), in.interrupt_message_);
    }
    auto left = duration_cast<milliseconds>(end - steady_clock::now());
    std::this_thread::sleep_for(std::min(left, milliseconds(10)));
  }
  return Value();
}

}  // namespace

Value make_time_module(Interp&) {
  auto m = std::make_shared<ModuleObj>("time", "");
  m->attrs["time"] = Value(std::make_shared<BuiltinObj>("time", t_time));
  m->attrs["perf_counter"] = Value(std::make_shared<BuiltinObj>("perf_counter", t_perf_counter));
  m->attrs["monotonic"] = Value(std::make_shared<BuiltinObj>("monotonic", t_perf_counter));
  m->attrs["sleep"] = Value(std::make_shared<BuiltinObj>("sleep", t_sleep));
  return Value(std::static_pointer_cast<Object>(m));
}

// sys.argv is [the script's path]; sys.stdout.write prints, sys.stderr.write goes where
// warnings go (the CLI's stderr).
void sys_module_ready(Interp& in, ModuleObj& sys) {
  std::string script = in.current_program_ ? in.current_program_->source->filename : "";
  sys.attrs["argv"] = make_list({make_str(script)});
  auto writer = [](bool to_stderr) {
    BuiltinFn out = [](Interp& in, CallArgs& a) -> Value {
      in.write(*as_str(a.pos[0]));
      return Value();
    };
    BuiltinFn err = [](Interp& in, CallArgs& a) -> Value {
      const std::string& s = *as_str(a.pos[0]);
      if (in.warning_sink_) in.warning_sink_(s);
      else in.captured_warnings_ += s;
      return Value();
    };
    return Value(std::make_shared<BuiltinObj>("write", to_stderr ? err : out));
  };
  in.set_attr(sys.attrs["stdout"], "_write", writer(false));
  in.set_attr(sys.attrs["stderr"], "_write", writer(true));
}

void install_extra_builtins(Interp& in) {
  auto& b = in.builtins_;
  b["hex"] = Value(std::make_shared<BuiltinObj>("hex", b_hex));
  b["oct"] = Value(std::make_shared<BuiltinObj>("oct", b_oct));
  b["bin"] = Value(std::make_shared<BuiltinObj>("bin", b_bin));
  b["format"] = Value(std::make_shared<BuiltinObj>("format", b_format));
}

}  // namespace gradlab::script
