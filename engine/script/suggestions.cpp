// "Did you mean: ...?" — a port of CPython 3.11's Python/suggestions.c, so NameError and
// AttributeError messages carry the same suggestion Python would print.
#include <algorithm>
#include <climits>
#include <cstdint>

#include "engine/script/python_names.h"

namespace gradlab::script::names {

namespace {
constexpr size_t kMaxCandidates = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t substitution_cost(char a, char b) {
  if (a == b) return 0;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  if (lower(a) == lower(b)) return kCaseCost;
  return kMoveCost;
}

size_t levenshtein(std::string_view a, std::string_view b, size_t max_cost) {
  if (a == b) return 0;
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  size_t buffer[kMaxStringSize];
  size_t tmp = kMoveCost;
  for (size_t i = 0; i < a.size(); ++i) {
    buffer[i] = tmp;
    tmp += kMoveCost;
  }
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); ++bi) {
    char code = b[bi];
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t i = 0; i < a.size(); ++i) {
      size_t substitute = distance + substitution_cost(code, a[i]);
      distance = buffer[i];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      buffer[i] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}
}  // namespace

std::string suggest(std::string_view wrong, const std::vector<std::string_view>& candidates) {
  if (candidates.size() >= kMaxCandidates) return "";
  size_t best = SIZE_MAX;
  std::string_view suggestion;
  bool found = false;
  for (std::string_view item : candidates) {
    if (item == wrong) continue;
    size_t max_distance = (wrong.size() + item.size() + 3) * kMoveCost / 6;
    if (best != SIZE_MAX) max_distance = std::min(max_distance, best - 1);
    size_t d = levenshtein(wrong, item, max_distance);
    if (d > max_distance) continue;
    if (!found || d < best) {
      suggestion = item;
      best = d;
      found = true;
    }
  }
  return found ? std::string(suggestion) : "";
}

std::vector<std::string_view> as_views(const char* const* list) {
  std::vector<std::string_view> out;
  for (; *list; ++list) out.emplace_back(*list);
  return out;
}

}  // namespace gradlab::script::names
