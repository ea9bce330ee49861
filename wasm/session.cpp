// Session implementation: runs a cell, then packs output, result, error and graph into JSON.
#include "wasm/session.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <set>

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

void Session::reset() { interpreter_.reset(); }

std::string Session::run_impl(const std::string& code, const std::string& filename, bool display_last) {
  std::string json = "{";
  try {
    script::CellResult r = interpreter_.run(code, filename, display_last);
    json += "\"output\":" + json_quote(r.output);
    json += ",\"result\":" + (r.result_repr ? json_quote(*r.result_repr) : std::string("null"));
    json += ",\"warnings\":" + json_quote(r.warnings);
    if (r.error) {
      const auto& e = *r.error;
      json += ",\"error\":{\"type\":" + json_quote(e.type) + ",\"message\":" + json_quote(e.message) +
              ",\"line\":" + std::to_string(e.line) + ",\"column\":" + std::to_string(e.column) +
              ",\"traceback\":" + json_quote(e.traceback) + "}";
    } else {
      json += ",\"error\":null";
    }
  } catch (const gradlab::Error& e) {  // the interpreter should catch these itself; be safe
    json += "\"output\":\"\",\"result\":null,\"warnings\":\"\",\"error\":{\"type\":" + json_quote(e.type()) +
            ",\"message\":" + json_quote(e.what()) + ",\"line\":0,\"column\":0,\"traceback\":\"\"}";
  } catch (const std::exception& e) {
    json += "\"output\":\"\",\"result\":null,\"warnings\":\"\",\"error\":{\"type\":\"InternalError\",\"message\":" +
            json_quote(e.what()) + ",\"line\":0,\"column\":0,\"traceback\":\"\"}";
  }

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

}  // namespace gradlab::web
