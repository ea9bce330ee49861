// Session implementation: runs a cell (or a compiled one), then packs output, result, error and
// graph into JSON; and benchmark(), which times a workload inside wasm.
#include "wasm/session.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <optional>
#include <string_view>

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#include <malloc.h>
#endif

#include "engine/error.h"
#include "engine/format/tensor_print.h"
#include "engine/graph_json.h"

namespace gradlab::web {

using nlohmann::json;

#ifndef GRADLAB_VERSION
#define GRADLAB_VERSION "dev"
#endif

const char* version() { return GRADLAB_VERSION; }

namespace {

double now_ms() {
#ifdef __EMSCRIPTEN__
  return emscripten_get_now();  // performance.now(): in a browser maybe only 0.1 ms fine
#else
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
#endif
}

}  // namespace

void Session::set_progress_listener(std::function<void(const std::string&)> listener) {
  progress_ = std::move(listener);
  if (!progress_) {
    interpreter_.set_output_sink(nullptr);  // collected into the result again
    return;
  }
  interpreter_.set_output_sink([this](std::string_view text) {
    printed_ += text;
    unsent_ += text;
    const double now = now_ms();
    if (now - last_progress_ms_ >= kProgressMs) {
      last_progress_ms_ = now;
      std::string chunk = std::move(unsent_);
      unsent_.clear();
      progress_(chunk);
    }
  });
}

void Session::begin_cell() {
  printed_.clear();
  unsent_.clear();
  last_progress_ms_ = -kProgressMs;  // the first print goes out at once
}

void Session::end_cell(script::CellResult& r) {
  if (progress_) r.output = std::move(printed_);  // the sink took it; the result still has all of it
  printed_.clear();
  unsent_.clear();
}

void Session::reset() {
  compiled_.clear();  // resolved against the namespace that reset() throws away
  interpreter_.reset();
}

namespace {

json error_json(const script::ScriptError& e) {
  return {{"type", e.type}, {"message", e.message}, {"line", e.line}, {"column", e.column}, {"traceback", e.traceback}};
}

// An error raised outside any script line: its traceback is just Python's last line.
script::ScriptError error_of(const std::string& type, const std::string& message) {
  return script::ScriptError{type, message, 0, 0, type + ": " + message + "\n"};
}

json internal_error_json(const std::string& type, const std::string& message) { return error_json(error_of(type, message)); }

// A string that may hold bytes a script produced (bytes.decode errors, chr(0xd800)): JSON
// needs UTF-8, so invalid sequences become U+FFFD instead of failing the whole result.
std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string Session::run_impl(const std::string& code, const std::string& filename, bool display_last) {
  script::CellResult r;
  try {
    TraceScope tracing(&trace_);  // Note [Backward trace]
    begin_cell();
    r = interpreter_.run(code, filename, display_last);
  } catch (const gradlab::Error& e) {  // the interpreter should catch these itself; be safe
    r = {};
    r.error = script::ScriptError{e.type(), e.what(), 0, 0, ""};
  } catch (const std::exception& e) {
    r = {};
    r.error = script::ScriptError{"InternalError", e.what(), 0, 0, ""};
  }
  end_cell(r);
  return pack(r);
}

std::string Session::compile(const std::string& code, const std::string& filename) {
  script::ScriptError error;
  std::shared_ptr<const script::CompiledScript> compiled;
  try {
    compiled = interpreter_.compile(code, filename, &error);
  } catch (const std::exception& e) {
    error = script::ScriptError{"InternalError", e.what(), 0, 0, ""};
  }
  if (!compiled) return dump({{"id", 0}, {"error", error_json(error)}});
  const int id = next_id_++;
  compiled_.emplace(id, Compiled{std::move(compiled)});
  return dump({{"id", id}, {"error", nullptr}});
}

std::string Session::run_compiled(int id, bool display_last) {
  auto it = compiled_.find(id);
  script::CellResult r;
  if (it == compiled_.end()) {
    const std::string message = "no compiled cell " + std::to_string(id) + " (released, or freed by reset())";
    r.error = error_of("RuntimeError", message);
    return pack(r);
  }
  // Keep the script alive even if the cell's own code could reach release() (it cannot today).
  const Compiled cell = it->second;
  try {
    TraceScope tracing(&trace_);
    begin_cell();
    r = interpreter_.run(*cell.script, display_last);
  } catch (const gradlab::Error& e) {
    r = {};
    r.error = script::ScriptError{e.type(), e.what(), 0, 0, ""};
  } catch (const std::exception& e) {
    r = {};
    r.error = script::ScriptError{"InternalError", e.what(), 0, 0, ""};
  }
  end_cell(r);
  return pack(r);
}

std::string Session::preview_backward(const std::string& name, const std::string& expected_value) {
  script::CellResult r;
  r.names = {name};
  try {
    Tensor root;
    for (const auto& [var, t] : interpreter_.tensor_variables())
      if (var == name) root = t;
    if (!root.defined()) {
      r.error = error_of("NameError", "name '" + name + "' is not defined");
    } else if (!expected_value.empty() && tensor_data_repr(root) != expected_value) {
      r.error = error_of("StaleCell", name + " holds other values than when this cell ran");
    } else {
      BackwardRequest rq;
      rq.roots.push_back(root);
      rq.grads.emplace_back();
      rq.preview = true;
      TraceScope tracing(&trace_);
      begin_cell();  // a custom Function's backward may print
      run_backward(rq);
    }
  } catch (const gradlab::Error& e) {  // e.g. a graph whose saved values backward() freed
    r.error = error_of(e.type(), e.what());
  } catch (const std::exception& e) {
    r.error = error_of("InternalError", e.what());
  }
  end_cell(r);
  return pack(r);
}

bool Session::release(int id) { return compiled_.erase(id) > 0; }

std::string Session::pack(const script::CellResult& r) {
  json out{{"output", r.output},
           {"result", r.result_repr ? json(*r.result_repr) : json(nullptr)},
           {"warnings", r.warnings},
           {"error", r.error ? error_json(*r.error) : json(nullptr)}};

  // The graph: all named tensors (so intermediates keep their names), when a tensor the cell
  // names (as the resolver saw it: f-strings included, attributes not) is part of autograd, or
  // when the cell ran a backward pass (Note [Backward trace]).
  json graph = nullptr, focus = json::array();
  try {
    auto vars = interpreter_.tensor_variables();
    bool any = !trace_.passes.empty();
    for (const auto& [name, t] : vars) {
      if (!t.defined() || std::find(r.names.begin(), r.names.end(), name) == r.names.end()) continue;
      focus.push_back(name);
      if (t.requires_grad() || t.grad_fn() || t.grad().defined()) any = true;
    }
    if (any) graph = describe_graph(vars, &trace_);
  } catch (const std::exception&) {
    graph = nullptr;
  }
  trace_.clear();  // its nodes and gradients are in the JSON now; let them go
  out["graph"] = std::move(graph);
  out["focus"] = std::move(focus);
  return dump(out);
}

// ---- benchmark ----------------------------------------------------------------------------------

namespace {

// A failed section: the script's own error, and which section it was.
struct SectionFailed {
  const char* section;
  script::ScriptError error;
};

}  // namespace

std::string benchmark(const std::string& setup, const std::string& step, const std::string& check,
                      const std::string& filename, int min_reps, int max_reps, double seconds, int warmup) {
  min_reps = std::max(1, min_reps);
  max_reps = std::min(20000, std::max(min_reps, max_reps));
  min_reps = std::min(min_reps, max_reps);
  seconds = std::isfinite(seconds) ? std::max(0.0, seconds) : 1.0;
  warmup = std::max(0, warmup);
  const double t_start = now_ms();

  json out;
  try {
    script::Interpreter interp;  // a namespace of its own, freed when this returns
    interp.set_output_sink([](std::string_view) {});  // a stray print() must not pile up
    interp.set_warning_sink([](std::string_view) {});
    auto compile = [&](const std::string& source, const char* section) {
      script::ScriptError error;
      auto compiled = interp.compile(source, filename, &error);
      if (!compiled) throw SectionFailed{section, error};
      return compiled;
    };
    auto run = [&](const script::CompiledScript& s, const char* section, bool display) {
      script::CellResult r = interp.run(s, display);
      if (r.error) throw SectionFailed{section, *r.error};
      return r;
    };

    double t0 = now_ms();
    run(*compile(setup, "setup"), "setup", false);
    const double setup_ms = now_ms() - t0;

    t0 = now_ms();
    const auto compiled_step = compile(step, "step");
    const double parse_ms = now_ms() - t0;

    t0 = now_ms();
    run(*compiled_step, "step", false);
    const double first_ms = now_ms() - t0;

    // The check, after exactly one step (as `gradlab bench` evaluates it).
    script::CellResult c = run(*compile(check, "check"), "check", true);
    std::optional<double> check_value;
    if (c.result_repr) {
      try {
        check_value = std::stod(*c.result_repr);
      } catch (const std::exception&) {
        check_value.reset();
      }
    }

    // Warm-up (the first steps also wait for the wasm code's optimising tier).
    int warm = 0;
    double fastest_ms = first_ms;
    const double warm_budget = std::min(200.0, seconds * 250.0);
    t0 = now_ms();
    while (warm < warmup || (warmup > 0 && now_ms() - t0 < warm_budget)) {
      const double w0 = now_ms();
      run(*compiled_step, "step", false);
      fastest_ms = std::min(fastest_ms, now_ms() - w0);
      ++warm;
    }
    // Batch size, as Python's timeit.autorange: doubled until one batch takes kBatchMs. Each size
    // is judged by the fastest of three tries: a pause of the machine (another process, the
    // garbage collector) only ever lengthens a try, and must not stop the doubling early, which
    // would leave batches too short for the clock and medians of 0.
    constexpr double kBatchMs = 2.0;  // twenty ticks of a coarse (0.1 ms) browser clock
    int batch = 1;
    double batch_ms = fastest_ms;  // how long the chosen batch took while it was being chosen
    if (fastest_ms < kBatchMs) {
      while (batch < (1 << 14)) {
        double fastest_batch_ms = 1e300;
        for (int tries = 0; tries < 3 && fastest_batch_ms >= kBatchMs; ++tries) {
          const double b0 = now_ms();
          for (int i = 0; i < batch; ++i) run(*compiled_step, "step", false);
          fastest_batch_ms = std::min(fastest_batch_ms, now_ms() - b0);
        }
        batch_ms = fastest_batch_ms;
        if (fastest_batch_ms >= kBatchMs) break;
        batch *= 2;
      }
    }

    std::vector<double> times;  // µs per step
    times.reserve(static_cast<size_t>(std::min(max_reps, 20000)));
    const double timed_start = now_ms();
    while (static_cast<int>(times.size()) < min_reps ||
           (static_cast<int>(times.size()) < max_reps && now_ms() - timed_start < seconds * 1000.0)) {
      const double s0 = now_ms();
      for (int i = 0; i < batch; ++i) run(*compiled_step, "step", false);
      times.push_back((now_ms() - s0) * 1000.0 / batch);
    }
    double sum = 0;
    for (double t : times) sum += t;
    std::sort(times.begin(), times.end());
    const size_t n = times.size();
    auto q = [&](double p) { return times[std::min(n - 1, static_cast<size_t>(p * static_cast<double>(n)))]; };
    const double median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;

    out = {{"check", check_value ? json(*check_value) : json(nullptr)},
           {"check_repr", c.result_repr ? json(*c.result_repr) : json(nullptr)},
           {"median_us", median},
           {"p10_us", q(0.1)},
           {"p90_us", q(0.9)},
           {"min_us", times.front()},
           {"mean_us", sum / static_cast<double>(n)},
           {"reps", n},
           {"batch", batch},
           {"batch_ms", batch_ms},
           {"warmup", warm},
           {"first_us", first_ms * 1000},
           {"parse_us", parse_ms * 1000},
           {"setup_us", setup_ms * 1000},
           {"section", nullptr},
           {"error", nullptr}};
  } catch (const SectionFailed& f) {
    out = {{"check", nullptr}, {"check_repr", nullptr}, {"reps", 0}, {"section", f.section}, {"error", error_json(f.error)}};
  } catch (const gradlab::Error& e) {
    out = {{"check", nullptr}, {"check_repr", nullptr}, {"reps", 0}, {"section", nullptr},
           {"error", internal_error_json(e.type(), e.what())}};
  } catch (const std::exception& e) {
    out = {{"check", nullptr}, {"check_repr", nullptr}, {"reps", 0}, {"section", nullptr},
           {"error", internal_error_json("InternalError", e.what())}};
  }
  out["total_ms"] = now_ms() - t_start;
  out["timing"] = "setup once; step compiled once, then run(compiled) per repetition; timed in wasm with emscripten_get_now()";
  return dump(out);
}

double heap_in_use() {
#ifdef __EMSCRIPTEN__
  return static_cast<double>(mallinfo().uordblks);
#else
  return 0;
#endif
}

}  // namespace gradlab::web
