// Session implementation: runs a cell (or a compiled one), then packs output, result, error and
// graph into JSON; and benchmark(), which times a workload inside wasm.
#include "wasm/session.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <optional>
#include <set>
#include <string_view>

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#include <malloc.h>
#endif

#include "engine/error.h"
#include "engine/graph_json.h"

namespace gradlab::web {

#ifndef GRADLAB_VERSION
#define GRADLAB_VERSION "dev"
#endif

const char* version() { return GRADLAB_VERSION; }

std::string json_quote(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

std::vector<std::string> mentioned_names(const std::string& code) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  auto is_start = [](char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto is_part = [&](char c) { return is_start(c) || (c >= '0' && c <= '9'); };
  size_t i = 0, n = code.size();
  char prev_significant = '\0';
  while (i < n) {
    char c = code[i];
    if (c == '#') {  // comment to end of line
      while (i < n && code[i] != '\n') ++i;
    } else if (c == '"' || c == '\'') {  // string literal, single or triple quoted
      bool triple = i + 2 < n && code[i + 1] == c && code[i + 2] == c;
      size_t q = triple ? 3 : 1;
      i += q;
      while (i < n) {
        if (code[i] == '\\') { i += 2; continue; }
        if (!triple && code[i] == '\n') break;
        if (code[i] == c && (!triple || (i + 2 < n && code[i + 1] == c && code[i + 2] == c))) {
          i += q;
          break;
        }
        ++i;
      }
      prev_significant = 's';
    } else if (is_start(c)) {
      size_t j = i;
      while (j < n && is_part(code[j])) ++j;
      std::string word = code.substr(i, j - i);
      if (prev_significant != '.' && seen.insert(word).second) names.push_back(word);
      i = j;
      prev_significant = 'a';
    } else if (c >= '0' && c <= '9') {  // number (also skips 1e5, 0x1f)
      while (i < n && (is_part(code[i]) || code[i] == '.')) ++i;
      prev_significant = '0';
    } else {
      if (c != ' ' && c != '\t') prev_significant = c;
      ++i;
    }
  }
  return names;
}

void Session::reset() {
  compiled_.clear();  // resolved against the namespace that reset() throws away
  interpreter_.reset();
}

namespace {

std::string error_json(const script::ScriptError& e) {
  return "{\"type\":" + json_quote(e.type) + ",\"message\":" + json_quote(e.message) +
         ",\"line\":" + std::to_string(e.line) + ",\"column\":" + std::to_string(e.column) +
         ",\"traceback\":" + json_quote(e.traceback) + "}";
}

std::string internal_error_json(const std::string& type, const std::string& message) {
  script::ScriptError e;
  e.type = type;
  e.message = message;
  e.traceback = type + ": " + message + "\n";
  return error_json(e);
}

// A JSON number; NaN and infinities (not JSON) become null.
std::string json_number(double v, int digits = 17) {
  if (!std::isfinite(v)) return "null";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

}  // namespace

std::string Session::run_impl(const std::string& code, const std::string& filename, bool display_last) {
  script::CellResult r;
  try {
    r = interpreter_.run(code, filename, display_last);
  } catch (const gradlab::Error& e) {  // the interpreter should catch these itself; be safe
    r = {};
    r.error = script::ScriptError{e.type(), e.what(), 0, 0, ""};
  } catch (const std::exception& e) {
    r = {};
    r.error = script::ScriptError{"InternalError", e.what(), 0, 0, ""};
  }
  return pack(r, code);
}

std::string Session::compile(const std::string& code, const std::string& filename) {
  script::ScriptError error;
  std::shared_ptr<const script::CompiledScript> compiled;
  try {
    compiled = interpreter_.compile(code, filename, &error);
  } catch (const std::exception& e) {
    error = script::ScriptError{"InternalError", e.what(), 0, 0, ""};
  }
  if (!compiled) return "{\"id\":0,\"error\":" + error_json(error) + "}";
  const int id = next_id_++;
  compiled_.emplace(id, Compiled{std::move(compiled), code});
  return "{\"id\":" + std::to_string(id) + ",\"error\":null}";
}

std::string Session::run_compiled(int id, bool display_last) {
  auto it = compiled_.find(id);
  script::CellResult r;
  if (it == compiled_.end()) {
    const std::string message = "no compiled cell " + std::to_string(id) + " (released, or freed by reset())";
    r.error = script::ScriptError{"RuntimeError", message, 0, 0, "RuntimeError: " + message + "\n"};
    return pack(r, "");
  }
  // Keep the script alive even if the cell's own code could reach release() (it cannot today).
  const Compiled cell = it->second;
  try {
    r = interpreter_.run(*cell.script, display_last);
  } catch (const gradlab::Error& e) {
    r = {};
    r.error = script::ScriptError{e.type(), e.what(), 0, 0, ""};
  } catch (const std::exception& e) {
    r = {};
    r.error = script::ScriptError{"InternalError", e.what(), 0, 0, ""};
  }
  return pack(r, cell.source);
}

bool Session::release(int id) { return compiled_.erase(id) > 0; }

std::string Session::pack(const script::CellResult& r, const std::string& code) {
  std::string json = "{";
  json += "\"output\":" + json_quote(r.output);
  json += ",\"result\":" + (r.result_repr ? json_quote(*r.result_repr) : std::string("null"));
  json += ",\"warnings\":" + json_quote(r.warnings);
  json += ",\"error\":" + (r.error ? error_json(*r.error) : std::string("null"));

  // The graph: all named tensors (so intermediates keep their names), when a mentioned one is
  // part of autograd.
  std::string graph = "null", focus = "[";
  try {
    auto vars = interpreter_.tensor_variables();
    auto names = mentioned_names(code);
    bool any = false, first = true;
    for (const auto& [name, t] : vars) {
      if (!t.defined() || std::find(names.begin(), names.end(), name) == names.end()) continue;
      focus += (first ? "" : ",") + json_quote(name);
      first = false;
      if (t.requires_grad() || t.grad_fn() || t.grad().defined()) any = true;
    }
    if (any) graph = describe_graph_json(vars);
  } catch (const std::exception&) {
    graph = "null";
  }
  focus += "]";
  json += ",\"graph\":" + graph + ",\"focus\":" + focus + "}";
  return json;
}

// ---- benchmark ----------------------------------------------------------------------------------

namespace {

double now_ms() {
#ifdef __EMSCRIPTEN__
  return emscripten_get_now();  // performance.now(): in a browser maybe only 0.1 ms fine
#else
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
#endif
}

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

  std::string json = "{";
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

    json += "\"check\":" + (check_value ? json_number(*check_value) : std::string("null"));
    json += ",\"check_repr\":" + (c.result_repr ? json_quote(*c.result_repr) : std::string("null"));
    json += ",\"median_us\":" + json_number(median, 6) + ",\"p10_us\":" + json_number(q(0.1), 6) +
            ",\"p90_us\":" + json_number(q(0.9), 6) + ",\"min_us\":" + json_number(times.front(), 6) +
            ",\"mean_us\":" + json_number(sum / static_cast<double>(n), 6);
    json += ",\"reps\":" + std::to_string(n) + ",\"batch\":" + std::to_string(batch) +
            ",\"batch_ms\":" + json_number(batch_ms, 6) + ",\"warmup\":" + std::to_string(warm);
    json += ",\"first_us\":" + json_number(first_ms * 1000, 6) + ",\"parse_us\":" + json_number(parse_ms * 1000, 6) +
            ",\"setup_us\":" + json_number(setup_ms * 1000, 6);
    json += ",\"section\":null,\"error\":null";
  } catch (const SectionFailed& f) {
    json += "\"check\":null,\"check_repr\":null,\"reps\":0,\"section\":" + json_quote(f.section) +
            ",\"error\":" + error_json(f.error);
  } catch (const gradlab::Error& e) {
    json += "\"check\":null,\"check_repr\":null,\"reps\":0,\"section\":null,\"error\":" +
            internal_error_json(e.type(), e.what());
  } catch (const std::exception& e) {
    json += "\"check\":null,\"check_repr\":null,\"reps\":0,\"section\":null,\"error\":" +
            internal_error_json("InternalError", e.what());
  }
  json += ",\"total_ms\":" + json_number(now_ms() - t_start, 6);
  json += ",\"timing\":\"setup once; step compiled once, then run(compiled) per repetition; timed in wasm with emscripten_get_now()\"}";
  return json;
}

double heap_in_use() {
#ifdef __EMSCRIPTEN__
  return static_cast<double>(mallinfo().uordblks);
#else
  return 0;
#endif
}

}  // namespace gradlab::web
