#include "validate.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace metrics {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Non-empty, a letter (or ':' when `colons`) first, then letters, digits (or ':').
bool is_name(const std::string& name, bool colons) {
  const auto head = [&](char c) { return is_letter(c) || (colons && c == ':'); };
  return !name.empty() && head(name.front()) &&
         std::all_of(name.begin() + 1, name.end(), [&](char c) { return head(c) || is_digit(c); });
}

}  // namespace

void check_metric_name(const std::string& name) {
  if (!is_name(name, true)) throw std::invalid_argument("metrics: invalid metric name \"" + name + "\"");
}

void check_label_names(const std::vector<std::string>& names, bool histogram) {
  for (auto it = names.begin(); it != names.end(); ++it) {
    if (!is_name(*it, false) || it->starts_with("__"))
      throw std::invalid_argument("metrics: invalid label name \"" + *it + "\"");
    if (histogram && *it == "le") throw std::invalid_argument("metrics: a histogram cannot have a label \"le\"");
    if (std::find(names.begin(), it, *it) != it)
      throw std::invalid_argument("metrics: label name \"" + *it + "\" given twice");
  }
}

void check_buckets(const std::vector<double>& bounds) {
  for (std::size_t i = 0; i < bounds.size(); ++i) {
    if (!std::isfinite(bounds[i]) || (i > 0 && !(bounds[i - 1] < bounds[i])))
      throw std::invalid_argument("metrics: histogram buckets must be finite and strictly increasing");
  }
}

}  // namespace metrics
