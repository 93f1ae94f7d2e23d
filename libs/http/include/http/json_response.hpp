#pragma once
// The JSON envelope of design §3 and small request helpers.
// Every response built here has Content-Type: application/json and Cache-Control: no-store.

#include "http/message.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <boost/system/result.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace http {

// `body` as it is.
Response json(Status status, const boost::json::object& body);
// {"status":"success", key: value}
Response success(Status status, std::string_view key, boost::json::value value);
// {"status":"success", ...fields}; a "status" entry in fields is ignored.
Response success(Status status, boost::json::object fields);
// {"status":"error","message":message}
Response error(Status status, std::string_view message);
// 503 {"status":"error","message":message} with Retry-After: a dependency is unavailable or the service is busy.
Response unavailable(std::string_view message, int retry_after_seconds);

struct FieldError {
  std::string field;
  std::string message;
};
// 400 {"status":"error","message":"validation failed","errors":[{"field":..,"message":..}]}
Response validation_error(std::vector<FieldError> errors);

// The body as a JSON object; an error for malformed JSON or any other JSON type (answer 400 "malformed JSON").
boost::system::result<boost::json::object> parse_json_object(std::string_view body);

// The token of "Authorization: Bearer <token>" (scheme case-insensitive); a view into `request`.
std::optional<std::string_view> bearer_token(const Request& request);

}  // namespace http
