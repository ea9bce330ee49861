// engine/util/gnu_sort.h must order ties exactly as libstdc++'s std::sort, std::partial_sort and
// std::nth_element do (Note [Sort tie order]): a fixed tie-heavy line against the permutations
// libstdc++ (GCC 12) gives, on every build, and with libstdc++ at hand the std:: calls themselves
// on thousands of random lines of many sizes with few distinct values.
#include <catch2/catch.hpp>
#include <algorithm>
#include <random>
#include <utility>
#include <vector>

#include "engine/util/gnu_sort.h"

namespace {

using Entry = std::pair<int, int>;  // (value, position)
bool value_less(const Entry& a, const Entry& b) { return a.first < b.first; }

std::vector<int> positions(const std::vector<Entry>& line, size_t n) {
  std::vector<int> out;
  for (size_t i = 0; i < n; ++i) out.push_back(line[i].second);
  return out;
}

std::vector<Entry> fixed_line() {
  const int values[40] = {0, 0, 1, 2, 3, 1, 1, 2, 2, 1, 0, 3, 2, 3, 3, 0, 1, 0, 1, 0,
                          3, 1, 3, 0, 1, 0, 0, 0, 1, 2, 3, 2, 0, 3, 2, 2, 3, 3, 2, 3};
  std::vector<Entry> line;
  for (int i = 0; i < 40; ++i) line.push_back({values[i], i});
  return line;
}

}  // namespace

TEST_CASE("gnu_sort reproduces libstdc++'s order of ties") {
  std::vector<Entry> line = fixed_line();
  gradlab::gnu_sort::sort(line.begin(), line.end(), value_less);
  CHECK(positions(line, 40) == std::vector<int>{1,  32, 27, 26, 25, 23, 19, 17, 15, 10, 0,  9,  28, 2,
                                                16, 18, 6,  21, 24, 5,  38, 31, 29, 3,  34, 35, 7,  8,
                                                12, 36, 37, 33, 39, 30, 22, 20, 14, 13, 11, 4});
  line = fixed_line();
  gradlab::gnu_sort::partial_sort(line.begin(), line.begin() + 5, line.end(), value_less);
  CHECK(positions(line, 5) == std::vector<int>{0, 1, 15, 17, 10});
  line = fixed_line();
  gradlab::gnu_sort::nth_element(line.begin(), line.begin() + 29, line.end(), value_less);
  gradlab::gnu_sort::sort(line.begin(), line.begin() + 29, value_less);
  CHECK(positions(line, 30) == std::vector<int>{32, 1, 0, 10, 15, 17, 19, 23, 25, 26, 27, 5, 24, 21, 28,
                                                6, 18, 16, 2, 9, 3, 29, 31, 38, 8, 12, 34, 7, 35, 39});
}

TEST_CASE("gnu_sort agrees with libstdc++ on random tie-heavy lines") {
#if !defined(__GLIBCXX__)
  WARN("not built against libstdc++ (wasm links libc++): only the fixed lines above are checked here");
#else
  std::mt19937 rng(1);
  int mismatches = 0, lines = 0;
  for (int iter = 0; iter < 3000; ++iter) {
    const int n = iter % 7 == 0 ? static_cast<int>(rng() % 3000) : static_cast<int>(rng() % 200);
    const int distinct = 1 + static_cast<int>(rng() % (iter % 3 ? 4 : 50));
    std::vector<Entry> line(n);
    for (int i = 0; i < n; ++i) line[i] = {static_cast<int>(rng() % distinct), i};
    if (iter % 11 == 0) std::sort(line.begin(), line.end(), value_less);  // sorted and reversed
    if (iter % 13 == 0) std::reverse(line.begin(), line.end());           // inputs hit other paths
    auto expected = line, got = line;
    std::sort(expected.begin(), expected.end(), value_less);
    gradlab::gnu_sort::sort(got.begin(), got.end(), value_less);
    mismatches += expected != got;
    if (n == 0) continue;
    const int k = 1 + static_cast<int>(rng() % n);
    expected = got = line;
    std::partial_sort(expected.begin(), expected.begin() + k, expected.end(), value_less);
    gradlab::gnu_sort::partial_sort(got.begin(), got.begin() + k, got.end(), value_less);
    mismatches += expected != got;
    expected = got = line;
    std::nth_element(expected.begin(), expected.begin() + (k - 1), expected.end(), value_less);
    gradlab::gnu_sort::nth_element(got.begin(), got.begin() + (k - 1), got.end(), value_less);
    mismatches += expected != got;
    lines += 3;
  }
  INFO(lines << " lines");
  CHECK(mismatches == 0);
#endif
}
