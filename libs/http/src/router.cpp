#include "http/router.hpp"

#include <boost/url/pct_string_view.hpp>

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace http {
namespace {

// "/a/b" -> {"a","b"}; "/" -> {""}; "/a/" -> {"a",""}. Raw text, not yet decoded.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  path.remove_prefix(1);
  for (;;) {
    const auto slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return parts;
    path.remove_prefix(slash + 1);
  }
}

// The percent-decoded segments of the path of `target`; nullopt when it is not an origin-form path.
std::optional<std::vector<std::string>> decode_path(std::string_view target) {
  const std::string_view path = target.substr(0, target.find_first_of("?#"));
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::vector<std::string> segments;
  for (const auto raw : split_path(path)) {
    if (raw.find('%') == std::string_view::npos) {  // nothing to decode
      segments.emplace_back(raw);
      continue;
    }
    const auto encoded = boost::urls::make_pct_string_view(raw);
    if (!encoded) return std::nullopt;
    segments.push_back(encoded->decode());
  }
  return segments;
}

}  // namespace

void Router::add(Verb verb, std::string pattern, Handler handler) {
  if (pattern.empty() || pattern.front() != '/')
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  Route route{verb, pattern, {}, 0, std::move(handler)};
  for (const auto part : split_path(route.pattern)) {
    const bool is_param = part.size() > 2 && part.front() == '{' && part.back() == '}';
    route.segments.push_back(is_param ? Segment{std::string(part.substr(1, part.size() - 2)), true}
                                      : Segment{std::string(part), false});
    route.param_count += is_param ? 1 : 0;
  }
  routes_.push_back(std::move(route));
}

Router::Match Router::match(Verb verb, std::string_view target) const {
  Match result;
  const auto segments = decode_path(target);
  if (!segments) return result;
  const Route* best = nullptr;
  for (const auto& route : routes_) {
    const bool path_matches =
        route.segments.size() == segments->size() &&
        std::ranges::equal(route.segments, *segments, [](const Segment& s, const std::string& value) {
          return s.is_param ? !value.empty() : s.text == value;
        });
    if (!path_matches) continue;
    result.path_known = true;
    if (std::ranges::find(result.allowed, route.verb) == result.allowed.end()) result.allowed.push_back(route.verb);
    if (route.verb == verb && (best == nullptr || route.param_count < best->param_count)) best = &route;
  }
  if (best == nullptr) return result;
  result.handler = &best->handler;
  result.route = best->pattern;
  for (std::size_t i = 0; i < best->segments.size(); ++i) {
    if (best->segments[i].is_param) result.params.add(best->segments[i].text, (*segments)[i]);
  }
  return result;
}

std::vector<Router::Entry> Router::routes() const {
  std::vector<Entry> entries;
  for (const auto& route : routes_) entries.push_back({route.verb, route.pattern});
  return entries;
}

}  // namespace http
