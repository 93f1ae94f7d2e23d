#include "openapi.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <stdexcept>

namespace service {
namespace {

void add_all(boost::json::object& into, const boost::json::object& from, std::string_view where) {
  for (const auto& [key, value] : from) {
    if (into.contains(key))
      throw std::logic_error("OpenAPI: " + std::string(where) + " " + std::string(key) + " twice");
    into[key] = value;
  }
}

// The object under `key`, created empty when absent.
boost::json::object& object_at(boost::json::object& parent, std::string_view key) {
  auto& value = parent[key];
  if (!value.is_object()) value.emplace_object();
  return value.as_object();
}

}  // namespace

std::string merge_openapi(std::string_view service_document, std::string_view host_document) {
  auto document = boost::json::parse(service_document).as_object();
  const auto host = boost::json::parse(host_document).as_object();
  add_all(object_at(document, "paths"), host.at("paths").as_object(), "path");
  auto& components = object_at(document, "components");
  for (const auto& [section, entries] : host.at("components").as_object()) {
    add_all(object_at(components, section), entries.as_object(), section);
  }
  return boost::json::serialize(document);
}

}  // namespace service
