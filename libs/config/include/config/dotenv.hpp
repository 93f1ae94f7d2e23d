#pragma once
#include <map>
#include <string>
#include <string_view>

namespace config {

// Parses KEY=VALUE lines: '#' comments, blank lines, an optional `export ` prefix, and values in
// single or double quotes. A line without '=' or with a bad name throws config::Error naming the line.
std::map<std::string, std::string> parse_dotenv(std::string_view text);

}  // namespace config
