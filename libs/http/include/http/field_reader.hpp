#pragma once
// Reading the fields of a JSON request body (design §3): one FieldError per bad field, unknown fields ignored.

#include <boost/json/object.hpp>
#include <boost/system/result.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/json_response.hpp"

namespace http {

enum class Presence { required, optional };

// A request body that passed its rules, or every field error found (answer 400 with them).
template <class T>
using Validated = boost::system::result<T, std::vector<FieldError>>;

// A rule on a string field: an error message, or nullopt when the value is fine.
using Check = std::function<std::optional<std::string>(const std::string& value)>;

// Absent and null fields are alike: nullopt, and an error ("is required") when the field is required.
class FieldReader {
 public:
  explicit FieldReader(const boost::json::object& body) : body_(body) {}

  bool given(std::string_view name) const;  // present and not null
  // A string field; a value of another JSON type is an error ("must be a string").
  std::optional<std::string> text(std::string_view name, Presence presence);
  // A string field that must also pass `check`.
  std::optional<std::string> text(std::string_view name, Presence presence, const Check& check);
  // A JSON integer in [min, max] (not 1.5, "10" or true).
  std::optional<std::int64_t> integer(std::string_view name, Presence presence, std::int64_t min, std::int64_t max);
  std::optional<bool> boolean(std::string_view name, Presence presence);

  // Records an error; returns nullopt so that a reader can `return fail(...)`.
  std::nullopt_t fail(std::string field, std::string message);
  bool failed() const { return !errors_.empty(); }
  std::vector<FieldError> errors() && { return std::move(errors_); }

 private:
  const boost::json::value* find(std::string_view name, Presence presence);

  const boost::json::object& body_;
  std::vector<FieldError> errors_;
};

// Unicode code points of a UTF-8 text (the JSON parser has already rejected invalid UTF-8).
std::size_t code_points(std::string_view text);

}  // namespace http
