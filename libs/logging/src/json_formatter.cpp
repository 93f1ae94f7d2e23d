#include "logging/json_formatter.hpp"

#include <spdlog/pattern_formatter.h>

#include "current_fields.hpp"

namespace logging {
namespace {

void append(spdlog::memory_buf_t& out, std::string_view text) { out.append(text.data(), text.data() + text.size()); }

// `text` as the body of a JSON string.
void append_escaped(spdlog::memory_buf_t& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  for (const char c : text) {
    switch (c) {
      case '"':
        append(out, "\\\"");
        break;
      case '\\':
        append(out, "\\\\");
        break;
      case '\n':
        append(out, "\\n");
        break;
      case '\r':
        append(out, "\\r");
        break;
      case '\t':
        append(out, "\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          const char escaped[] = {'\\', 'u', '0', '0', hex[(c >> 4) & 0xf], hex[c & 0xf]};
          out.append(escaped, escaped + sizeof escaped);
        } else {
          out.push_back(c);
        }
    }
  }
}

void append_value(spdlog::memory_buf_t& out, const Field& field, bool quote_strings) {
  if (const auto* text = std::get_if<std::string_view>(&field.value)) {
    if (!quote_strings) return append(out, *text);
    out.push_back('"');
    append_escaped(out, *text);
    out.push_back('"');
  } else if (const auto* integer = std::get_if<std::int64_t>(&field.value)) {
    fmt::format_to(std::back_inserter(out), "{}", *integer);
  } else {
    fmt::format_to(std::back_inserter(out), "{}", std::get<double>(field.value));
  }
}

// %j: the message as the body of a JSON string.
class EscapedMessage final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& out) override {
    append_escaped(out, std::string_view(msg.payload.data(), msg.payload.size()));
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<EscapedMessage>(); }
};

// %F: the fields of log_with_fields, as JSON members (`,"key":value`) or text (` key=value`).
class Fields final : public spdlog::custom_flag_formatter {
 public:
  explicit Fields(bool json) : json_(json) {}
  void format(const spdlog::details::log_msg&, const std::tm&, spdlog::memory_buf_t& out) override {
    for (const Field& field : detail::current_fields) {
      append(out, json_ ? ",\"" : " ");
      append(out, field.key);
      append(out, json_ ? "\":" : "=");
      append_value(out, field, json_);
    }
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<Fields>(json_); }

 private:
  bool json_;
};

}  // namespace

std::unique_ptr<spdlog::formatter> make_json_formatter() {
  auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
  formatter->add_flag<EscapedMessage>('j').add_flag<Fields>('F', true).set_pattern(
      R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","logger":"%n","message":"%j"%F})");
  return formatter;
}

std::unique_ptr<spdlog::formatter> make_text_formatter() {
  auto formatter = std::make_unique<spdlog::pattern_formatter>();
  formatter->add_flag<Fields>('F', false).set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ [%n] %v%F");
  return formatter;
}

}  // namespace logging
