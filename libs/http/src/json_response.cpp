#include "http/json_response.hpp"

#include <boost/json/array.hpp>
#include <boost/json/error.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cctype>

namespace http {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

Response json(Status status, const boost::json::object& body) {
  Response response{status, 11};
  response.insert(Field::content_type, "application/json");
  response.insert(Field::cache_control, "no-store");
  response.body() = boost::json::serialize(body);
  return response;
}

Response success(Status status, std::string_view key, boost::json::value value) {
  boost::json::object body;
  body["status"] = "success";
  body[key] = std::move(value);
  return json(status, body);
}

Response success(Status status, boost::json::object fields) {
  boost::json::object body;
  body["status"] = "success";
  for (auto& field : fields) body.emplace(field.key(), std::move(field.value()));
  return json(status, body);
}

Response error(Status status, std::string_view message) {
  boost::json::object body;
  body["status"] = "error";
  body["message"] = message;
  return json(status, body);
}

Response unavailable(std::string_view message, int retry_after_seconds) {
  Response response = error(Status::service_unavailable, message);
  response.set(Field::retry_after, std::to_string(retry_after_seconds));
  return response;
}

Response validation_error(std::vector<FieldError> errors) {
  boost::json::array list;
  for (auto& e : errors) list.push_back(boost::json::object{{"field", e.field}, {"message", e.message}});
  boost::json::object body;
  body["status"] = "error";
  body["message"] = "validation failed";
  body["errors"] = std::move(list);
  return json(Status::bad_request, body);
}

boost::system::result<boost::json::object> parse_json_object(std::string_view body) {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec);
  if (ec) return ec;
  if (!value.is_object()) return boost::system::error_code{boost::json::error::not_object};
  return std::move(value.get_object());
}

std::optional<std::string_view> bearer_token(const Request& request) {
  const auto it = request.find(Field::authorization);
  if (it == request.end()) return std::nullopt;
  std::string_view value{it->value().data(), it->value().size()};
  constexpr std::string_view scheme = "bearer";
  if (value.size() <= scheme.size() || !iequals(value.substr(0, scheme.size()), scheme) ||
      !is_space(value[scheme.size()])) {
    return std::nullopt;
  }
  value.remove_prefix(scheme.size());
  while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
  while (!value.empty() && is_space(value.back())) value.remove_suffix(1);
  if (value.empty() || value.find_first_of(" \t") != std::string_view::npos) return std::nullopt;
  return value;
}

}  // namespace http
