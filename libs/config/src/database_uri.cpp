#include "config/database_uri.hpp"

#include <algorithm>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
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

  auto parsed = boost::urls::parse_uri(text);
  if (!parsed || (parsed->scheme() != "postgresql" && parsed->scheme() != "postgres"))
    throw Error(name, "must be a postgresql:// URI");
  boost::urls::url uri{*parsed};
  if (uri.path().empty() || uri.path() == "/") {
    std::string path = "/";
    path += app;
    uri.set_path(path);
  }
  return std::string(uri.buffer());
}

}  // namespace config
