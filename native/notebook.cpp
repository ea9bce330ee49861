// `gradlab run NOTEBOOK.ipynb [--output OUT.ipynb]`: runs a Jupyter notebook's code cells in
// order in one namespace. Each cell's printed text goes to stdout, followed by the repr of its
// final expression (as Jupyter shows Out[n]; a trailing ';' hides it). With --output the
// executed notebook is written the way `jupyter nbconvert --execute` writes it: `stream`
// outputs (stdout, and stderr for warnings), `execute_result` with text/plain and the
// execution_count, and an `error` output (ename, evalue, traceback) for the cell that failed;
// markdown and raw cells are left as they are. Running stops at the first error (exit status 1).
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "native/cli.h"

namespace gradlab::cli {

namespace {

using nlohmann::json;

std::string cell_source(const json& cell) {
  const json& src = cell.value("source", json(""));
  if (src.is_string()) return src.get<std::string>();
  std::string out;
  if (src.is_array())
    for (const auto& line : src)
      if (line.is_string()) out += line.get<std::string>();
  return out;
}

// nbformat stores multi-line strings as lists of lines, each keeping its "\n".
json split_lines(const std::string& text) {
  json lines = json::array();
  size_t b = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      lines.push_back(text.substr(b, i + 1 - b));
      b = i + 1;
    }
  }
  if (b < text.size()) lines.push_back(text.substr(b));
  return lines;
}

json stream_output(const char* name, const std::string& text) {
  return json{{"name", name}, {"output_type", "stream"}, {"text", split_lines(text)}};
}

}  // namespace

int run_notebook(const RunOptions& opts) {
  std::string text;
  std::string path = absolute_path(opts.path);
  if (!read_file(opts.path, &text)) {
    std::fprintf(stderr, "gradlab: can't open file '%s': [Errno 2] No such file or directory\n", path.c_str());
    return 2;
  }
  json nb = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (nb.is_discarded() || !nb.is_object() || !nb.contains("cells") || !nb["cells"].is_array()) {
    std::fprintf(stderr, "gradlab: %s is not a Jupyter notebook (nbformat 4 JSON)\n", opts.path.c_str());
    return 2;
  }
  if (nb.value("nbformat", 4) != 4) {
    std::fprintf(stderr, "gradlab: %s uses nbformat %d; only nbformat 4 is supported\n", opts.path.c_str(), nb.value("nbformat", 0));
    return 2;
  }

  script::Interpreter interp;
  install_timeout(interp, opts);
  int status = 0;
  int count = 0;
  bool stopped = false;
  for (auto& cell : nb["cells"]) {
    if (!cell.is_object() || cell.value("cell_type", "") != "code") continue;
    if (stopped) {  // cells after a failure are left unexecuted
      cell["execution_count"] = nullptr;
      cell["outputs"] = json::array();
      continue;
    }
    ++count;
    std::string source = cell_source(cell);
    std::string out_text, err_text;
    // Stream to the terminal as the cell runs, and keep a copy for the output notebook.
    interp.set_output_sink([&](std::string_view s) {
      write_stdout(s);
      out_text += s;
    });
    interp.set_warning_sink([&](std::string_view s) {
      write_stderr(s);
      err_text += s;
    });
    script::CellResult r = interp.run(source, "Cell In[" + std::to_string(count) + "]", /*display_last_expression=*/true);
    json outputs = json::array();
    if (!out_text.empty()) outputs.push_back(stream_output("stdout", out_text));
    if (!err_text.empty()) outputs.push_back(stream_output("stderr", err_text));
    if (r.result_repr) {
      write_stdout(*r.result_repr + "\n");
      outputs.push_back(json{{"data", {{"text/plain", split_lines(*r.result_repr)}}},
                             {"execution_count", count},
                             {"metadata", json::object()},
                             {"output_type", "execute_result"}});
    }
    if (r.error) {
      std::fflush(stdout);
      if (r.error->type == "SystemExit") {
        status = system_exit_status(*r.error);
        stopped = true;
      } else {
        write_stderr(r.error->traceback);
        json tb = json::array();
        std::string t = r.error->traceback;
        if (!t.empty() && t.back() == '\n') t.pop_back();
        size_t b = 0;
        for (size_t i = 0; i <= t.size(); ++i)
          if (i == t.size() || t[i] == '\n') {
            tb.push_back(t.substr(b, i - b));
            b = i + 1;
          }
        outputs.push_back(json{{"ename", r.error->type}, {"evalue", r.error->message}, {"output_type", "error"}, {"traceback", tb}});
        status = 1;
        stopped = true;
      }
    }
    cell["execution_count"] = count;
    cell["outputs"] = outputs;
    cell["source"] = split_lines(source);
  }
  std::fflush(stdout);

  if (opts.output) {
    nb["metadata"]["language_info"] = json{{"codemirror_mode", {{"name", "ipython"}, {"version", 3}}},
                                           {"file_extension", ".py"},
                                           {"mimetype", "text/x-python"},
                                           {"name", "python"},
                                           {"nbconvert_exporter", "python"},
                                           {"pygments_lexer", "ipython3"},
                                           {"version", "3.11.2"}};
    std::ofstream out(*opts.output, std::ios::binary);
    if (!out) {
      std::fprintf(stderr, "gradlab: can't write '%s'\n", opts.output->c_str());
      return 2;
    }
    // nbformat.write: json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    out << nb.dump(1, ' ', false, json::error_handler_t::replace) << "\n";
  }
  return status;
}

}  // namespace gradlab::cli
