#pragma once
#include <string>

#include "metrics/registry.hpp"

namespace metrics {

// The gauge build_info{version="...",commit="..."} 1.
void add_build_info(Registry& registry, const std::string& version, const std::string& commit);

}  // namespace metrics
