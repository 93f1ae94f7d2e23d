#pragma once
// Internal: the /docs page, Swagger UI over /openapi.json, served from local files only.

#include <map>
#include <memory>
#include <string>

#include "http/message.hpp"

namespace service {

// The page's files by name: index.html and init.js (compiled in), and Swagger UI's swagger-ui.css and
// swagger-ui-bundle.js read once from `swagger_ui_dir` (npm's swagger-ui-dist); a missing file is left out.
struct DocsFile {
  std::string content_type;
  std::string body;
};
struct DocsFiles {
  std::map<std::string, DocsFile, std::less<>> by_name;
};
std::shared_ptr<const DocsFiles> load_docs_files(const std::string& swagger_ui_dir);

// GET /docs and GET /docs/{file}.
http::Handler docs_page(std::shared_ptr<const DocsFiles> files);
http::Handler docs_file(std::shared_ptr<const DocsFiles> files);

}  // namespace service
