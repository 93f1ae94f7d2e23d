// For tests: reading one sample back out of a scrape.
#pragma once
#include <cmath>
#include <sstream>
#include <string>

namespace metrics::test {

// The value of the line `series value` (series = name or name{labels}); NaN when there is none.
inline double sample_value(const std::string& scrape, const std::string& series) {
  std::istringstream lines(scrape);
  for (std::string line; std::getline(lines, line);) {
    if (line.size() > series.size() && line.starts_with(series) && line[series.size()] == ' ')
      return std::stod(line.substr(series.size() + 1));
  }
  return std::nan("");
}

}  // namespace metrics::test
