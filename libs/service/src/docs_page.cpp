#include "docs_page.hpp"

#include <fstream>
#include <sstream>

#include "http/json_response.hpp"

namespace service {

extern const std::string_view docs_index_html;
extern const std::string_view docs_init_js;

namespace {

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream file{path, std::ios::binary};
  if (!file) return std::nullopt;
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

http::Response answer(const DocsFile& file) {
  http::Response response{http::Status::ok, 11};
  response.set(http::Field::content_type, file.content_type);
  response.set(http::Field::cache_control, "public, max-age=3600");
  response.set("X-Content-Type-Options", "nosniff");
  response.body() = file.body;
  return response;
}

boost::asio::awaitable<http::Response> page(std::shared_ptr<const DocsFiles> files, http::RequestContext) {
  co_return answer(files->by_name.at("index.html"));
}

boost::asio::awaitable<http::Response> file(std::shared_ptr<const DocsFiles> files, http::RequestContext context) {
  const auto found = files->by_name.find(context.params.get("file"));
  if (found == files->by_name.end()) co_return http::error(http::Status::not_found, "not found");
  co_return answer(found->second);
}

}  // namespace

std::shared_ptr<const DocsFiles> load_docs_files(const std::string& swagger_ui_dir) {
  auto files = std::make_shared<DocsFiles>();
  files->by_name["index.html"] = {"text/html; charset=utf-8", std::string(docs_index_html)};
  files->by_name["init.js"] = {"text/javascript; charset=utf-8", std::string(docs_init_js)};
  for (const auto& [name, type] : {std::pair{"swagger-ui.css", "text/css; charset=utf-8"},
                                   std::pair{"swagger-ui-bundle.js", "text/javascript; charset=utf-8"}}) {
    if (auto body = read_file(swagger_ui_dir + "/" + name)) files->by_name[name] = {type, std::move(*body)};
  }
  return files;
}

http::Handler docs_page(std::shared_ptr<const DocsFiles> files) {
  return [files](http::RequestContext context) { return page(files, std::move(context)); };
}

http::Handler docs_file(std::shared_ptr<const DocsFiles> files) {
  return [files](http::RequestContext context) { return file(files, std::move(context)); };
}

}  // namespace service
