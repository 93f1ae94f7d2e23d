#include "config/database_uri.hpp"

#include <algorithm>
#include <cctype>

namespace config {

std::string database_uri(const Env& env, std::string_view app) {
  std::string specific(app);
  std::transform(specific.begin(), specific.end(), specific.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  specific += "_DB_URI";
  const bool own = env.find(specific).has_value();
  const std::string name = own ? specific : "DB_URI";
  const std::string text = env.string(name);

  // By hand rather than with a URL parser: libpq's host lists (h1:p1,h2:p2) are no RFC 3986 authority.
  std::size_t start = std::string::npos;
  for (const std::string_view scheme : {"postgresql://", "postgres://"})
    if (text.starts_with(scheme)) start = scheme.size();
  if (start == std::string::npos || start == text.size()) throw Error(name, "must be a postgresql:// URI");
  const auto query = std::min(text.find('?', start), text.size());
  const auto at = text.rfind('@', query);  // a '/' in the password must not end the authority
  const auto slash = std::min(text.find('/', at == std::string::npos || at < start ? start : at + 1), query);
  const auto path = std::string_view(text).substr(slash, query - slash);
  if (path.size() > 1) return text;  // it names a database
  return text.substr(0, slash) + "/" + std::string(app) + text.substr(query);
}

}  // namespace config
