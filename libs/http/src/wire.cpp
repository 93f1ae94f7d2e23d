#include "wire.hpp"

#include <charconv>

namespace http {
namespace {

void append_field(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(": ").append(value).append("\r\n");
}

void append_number(std::string& out, std::size_t value) {
  char digits[24];
  const auto end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
  out.append(digits, end);
}

}  // namespace

bool may_have_body(Status status) {
  const auto code = static_cast<unsigned>(status);
  return code >= 200 && status != Status::no_content && status != Status::not_modified;
}

std::string serialize(const Response& response, unsigned version, bool keep_alive, std::string_view request_id) {
  const auto reason =
      response.reason().empty() ? boost::beast::http::obsolete_reason(response.result()) : response.reason();
  std::string out;
  out.reserve(256 + response.body().size());
  out.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
  append_number(out, response.result_int());
  out.append(" ").append(reason.data(), reason.size()).append("\r\n");
  for (const auto& field : response) {
    if (field.name() == Field::content_length || field.name() == Field::connection) continue;
    append_field(out, {field.name_string().data(), field.name_string().size()},
                 {field.value().data(), field.value().size()});
  }
  if (may_have_body(response.result())) {
    out.append("Content-Length: ");
    append_number(out, response.body().size());
    out.append("\r\n");
  }
  if (version == 10 && keep_alive) append_field(out, "Connection", "keep-alive");
  if (version != 10 && !keep_alive) append_field(out, "Connection", "close");
  append_field(out, "X-Request-Id", request_id);
  out.append("\r\n").append(response.body());
  return out;
}

}  // namespace http
