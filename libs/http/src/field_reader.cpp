#include "http/field_reader.hpp"

#include <algorithm>

namespace http {

bool FieldReader::given(std::string_view name) const {
  const auto* value = body_.if_contains(name);
  return value != nullptr && !value->is_null();
}

const boost::json::value* FieldReader::find(std::string_view name, Presence presence) {
  if (given(name)) return &body_.at(name);
  if (presence == Presence::required) fail(std::string(name), "is required");
  return nullptr;
}

std::optional<std::string> FieldReader::text(std::string_view name, Presence presence) {
  const auto* value = find(name, presence);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) return fail(std::string(name), "must be a string");
  return std::string(value->get_string());
}

std::optional<std::string> FieldReader::text(std::string_view name, Presence presence, const Check& check) {
  auto value = text(name, presence);
  if (!value) return std::nullopt;
  if (auto problem = check(*value)) return fail(std::string(name), std::move(*problem));
  return value;
}

std::optional<std::int64_t> FieldReader::integer(std::string_view name, Presence presence, std::int64_t min,
                                                 std::int64_t max) {
  const auto* value = find(name, presence);
  if (value == nullptr) return std::nullopt;
  if (!value->is_int64() && !value->is_uint64()) return fail(std::string(name), "must be an integer");
  if (value->is_uint64() || value->get_int64() < min || value->get_int64() > max) {
    return fail(std::string(name), "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return value->get_int64();
}

std::optional<bool> FieldReader::boolean(std::string_view name, Presence presence) {
  const auto* value = find(name, presence);
  if (value == nullptr) return std::nullopt;
  if (!value->is_bool()) return fail(std::string(name), "must be a boolean");
  return value->get_bool();
}

std::nullopt_t FieldReader::fail(std::string field, std::string message) {
  errors_.push_back({std::move(field), std::move(message)});
  return std::nullopt;
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::ranges::count_if(text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace http
