#include "exposition.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>

namespace metrics {
namespace {

void append_escaped(std::string& out, std::string_view text, bool quotes) {
  for (const char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && quotes) {
      out += "\\\"";
    } else {
      out += c;
    }
  }
}

}  // namespace

std::string format_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  // Below 2^63 an integral value fits std::int64_t, and fixed notation stays short (fractions exist only below 2^52).
  const bool small = std::abs(value) < 0x1p63;
  char text[32];
  std::to_chars_result result;
  if (small && value == std::trunc(value))
    result = std::to_chars(text, std::end(text), static_cast<std::int64_t>(value));
  else if (small && std::abs(value) >= 1e-4)
    result = std::to_chars(text, std::end(text), value, std::chars_format::fixed);
  else
    result = std::to_chars(text, std::end(text), value);
  return std::string(text, result.ptr);
}

std::string format_labels(const std::vector<std::string>& names, const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ',';
    out += names[i];
    out += "=\"";
    append_escaped(out, values[i], true);
    out += '"';
  }
  return out;
}

void append_header(std::string& out, std::string_view name, std::string_view help, std::string_view type) {
  out.append("# HELP ").append(name).append(" ");
  append_escaped(out, help, false);
  out.append("\n# TYPE ").append(name).append(" ").append(type).append("\n");
}

void append_sample(std::string& out, std::string_view name, std::string_view labels, double value) {
  out += name;
  if (!labels.empty()) out.append("{").append(labels).append("}");
  out.append(" ").append(format_number(value)).append("\n");
}

void append_samples(std::string& out, std::string_view name, std::string_view labels, const Counter& counter) {
  append_sample(out, name, labels, counter.value());
}

void append_samples(std::string& out, std::string_view name, std::string_view labels, const Gauge& gauge) {
  append_sample(out, name, labels, gauge.value());
}

void append_samples(std::string& out, std::string_view name, std::string_view labels, const Histogram& histogram) {
  const std::string bucket = std::string(name) + "_bucket";
  const std::string prefix = labels.empty() ? "le=\"" : std::string(labels) + ",le=\"";
  const auto counts = histogram.cumulative_counts();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const auto le = i < histogram.bounds().size() ? format_number(histogram.bounds()[i]) : "+Inf";
    append_sample(out, bucket, prefix + le + '"', counts[i]);
  }
  append_sample(out, std::string(name) + "_sum", labels, histogram.sum());
  append_sample(out, std::string(name) + "_count", labels, counts.back());
}

}  // namespace metrics
