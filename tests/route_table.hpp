#pragma once
// Route-table tests' helpers: a service's route table, as its `serve` builds it, and the (method, path)
// pairs of the OpenAPI document it serves.
#include <boost/json/parse.hpp>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <set>
#include <string>

#include "config/env.hpp"
#include "service/host.hpp"
#include "service/worker.hpp"

namespace route_table {

using Pairs = std::set<std::string>;  // "GET /users/me"

inline Pairs documented(const std::string& document) {
  Pairs pairs;
  const auto parsed = boost::json::parse(document);
  for (const auto& [path, item] : parsed.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      if (method == "parameters" || method == "summary" || method == "description") continue;
      std::string verb{method};
      for (auto& c : verb) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      pairs.insert(verb + " " + std::string(path));
    }
  }
  return pairs;
}

inline Pairs routed(service::Host& host, const std::function<void(service::Worker&)>& add_routes) {
  service::Worker worker{host.database().pool};
  host.add_worker_routes(worker, add_routes);
  Pairs pairs;
  for (const auto& route : worker.router().routes()) {
    pairs.insert(std::string(boost::beast::http::to_string(route.verb)) + " " + std::string(route.pattern));
  }
  return pairs;
}

inline config::Env environment() { return config::Env{{{"DB_URI", "postgresql://app@127.0.0.1:1"}}}; }

inline std::string key_path(const char* name, const char* file) {
  const char* set = std::getenv(name);
  return set != nullptr ? set : std::string(PROJECT_SOURCE_DIR) + "/.run/keys/" + file;
}

}  // namespace route_table
