#include "logging/json_formatter.hpp"

#include <spdlog/pattern_formatter.h>

#include "current_fields.hpp"

namespace logging {
namespace {

void append(spdlog::memory_buf_t& out, std::string_view text) { out.append(text.data(), text.data() + text.size()); }

// The length of the well-formed UTF-8 sequence `text` starts with (RFC 3629), 0 when it is not one.
std::size_t utf8_length(std::string_view text) {
  const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0U; };
  const auto continues = [&](std::size_t i, unsigned low = 0x80, unsigned high = 0xBF) {
    return byte(i) >= low && byte(i) <= high;
  };
  const unsigned lead = byte(0);
  if (lead >= 0xC2 && lead <= 0xDF) return continues(1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const bool second = lead == 0xE0 ? continues(1, 0xA0) : lead == 0xED ? continues(1, 0x80, 0x9F) : continues(1);
    return second && continues(2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const bool second = lead == 0xF0 ? continues(1, 0x90) : lead == 0xF4 ? continues(1, 0x80, 0x8F) : continues(1);
    return second && continues(2) && continues(3) ? 4 : 0;
  }
  return 0;
}

// `text` as the body of a JSON string; bytes that are not well-formed UTF-8 (a raw byte in a request
// path, say) become U+FFFD, so every line stays valid JSON.
void append_escaped(spdlog::memory_buf_t& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      const auto length = utf8_length(text.substr(i));
      if (length == 0) {
        append(out, "\\ufffd");
      } else {
        append(out, text.substr(i, length));
        i += length - 1;
      }
      continue;
    }
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
