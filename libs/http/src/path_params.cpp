#include "http/message.hpp"

#include <algorithm>

namespace http {

void PathParams::add(std::string name, std::string value) { values_.emplace_back(std::move(name), std::move(value)); }

std::string_view PathParams::get(std::string_view name) const {
  const auto it = std::ranges::find(values_, name, &std::pair<std::string, std::string>::first);
  return it == values_.end() ? std::string_view{} : std::string_view{it->second};
}

}  // namespace http
