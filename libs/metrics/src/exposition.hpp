// Pieces of the Prometheus text exposition format 0.0.4.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "metrics/counter.hpp"
#include "metrics/gauge.hpp"
#include "metrics/histogram.hpp"

namespace metrics {

// 42, -3, 0.25, 0.0005, 1e-07, +Inf, -Inf, NaN: integral values (below 2^63) without exponent or decimals,
// others the shortest text that reads back the same, in fixed notation from 1e-4 up (0.0005, not 5e-04).
std::string format_number(double value);

// `a="x",b="y"`, the values escaped (\\, \", \n); empty for no labels.
std::string format_labels(const std::vector<std::string>& names, const std::vector<std::string>& values);

// `# HELP name text` (text escaped: \\, \n) and `# TYPE name type`.
void append_header(std::string& out, std::string_view name, std::string_view help, std::string_view type);

// `name{labels} value`; without braces when labels is empty.
void append_sample(std::string& out, std::string_view name, std::string_view labels, double value);

// The samples of one child: one line for a counter or gauge; _bucket lines, _sum and _count for a histogram.
void append_samples(std::string& out, std::string_view name, std::string_view labels, const Counter& counter);
void append_samples(std::string& out, std::string_view name, std::string_view labels, const Gauge& gauge);
void append_samples(std::string& out, std::string_view name, std::string_view labels, const Histogram& histogram);

}  // namespace metrics
