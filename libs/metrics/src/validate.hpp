// Checks on what is registered; each throws std::invalid_argument saying what is wrong.
#pragma once
#include <string>
#include <vector>

namespace metrics {

// [a-zA-Z_:][a-zA-Z0-9_:]*
void check_metric_name(const std::string& name);

// Each [a-zA-Z_][a-zA-Z0-9_]*, not starting with "__" (reserved), no name twice; histograms may not use "le".
void check_label_names(const std::vector<std::string>& names, bool histogram);

// Finite and strictly increasing; the +Inf bucket is always added.
void check_buckets(const std::vector<double>& bounds);

}  // namespace metrics
