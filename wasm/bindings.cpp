// Embind declarations only (the manifold model): what JavaScript sees of the engine.
// The logic lives in session.cpp; the idiomatic JS API (and freeing) lives in gradlab.mjs.
#include <emscripten/bind.h>

#include <string>

#include "wasm/session.h"

using gradlab::web::Session;

EMSCRIPTEN_BINDINGS(gradlab) {
  emscripten::class_<Session>("Session")
      .constructor<>()
      .function("run", &Session::run)
      .function("runScript", &Session::run_script)
      .function("reset", &Session::reset)
      .function("previewBackward", &Session::preview_backward)
      // fn(text) is called with what the running cell printed (Session::set_progress_listener); null: off
      .function("setProgressListener", emscripten::optional_override([](Session& s, emscripten::val fn) {
                  if (fn.isNull() || fn.isUndefined()) s.set_progress_listener(nullptr);
                  else s.set_progress_listener([fn](const std::string& text) { fn(text); });
                }))
      .function("compile", &Session::compile)
      .function("runCompiled", &Session::run_compiled)
      .function("release", &Session::release)
      .function("compiledCount", &Session::compiled_count);
  emscripten::function("version", emscripten::optional_override([]() { return std::string(gradlab::web::version()); }));
  emscripten::function("benchmark", &gradlab::web::benchmark);
  emscripten::function("heapInUse", &gradlab::web::heap_in_use);
}
