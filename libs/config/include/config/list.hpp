#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace config {

// The items of a comma-separated setting (a node list, a list of key files), each trimmed of spaces; empty
// items are skipped.
std::vector<std::string> comma_list(std::string_view text);

}  // namespace config
