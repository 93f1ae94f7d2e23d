#include "metrics/build_info.hpp"

namespace metrics {

void add_build_info(Registry& registry, const std::string& version, const std::string& commit) {
  registry.gauge_family("build_info", "The version and commit the process was built from.", {"version", "commit"})
      .labels({version, commit})
      .set(1);
}

}  // namespace metrics
