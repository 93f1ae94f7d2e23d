#include "metrics/process_metrics.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace metrics {
namespace {

constexpr double not_read = std::numeric_limits<double>::quiet_NaN();

double parse(const std::string& text) {
  double value = not_read;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// The fields of /proc/self/stat, numbered as in proc(5) (14 utime, 22 starttime, 24 rss...); empty if unread.
// Field 2, the command name in parentheses, may hold spaces and parentheses itself: field 3 follows the last ')'.
std::vector<std::string> stat_fields() {
  std::ifstream file("/proc/self/stat");
  std::string line;
  std::getline(file, line);
  const auto name_end = line.rfind(')');
  if (name_end == std::string::npos) return {};
  std::istringstream rest(line.substr(name_end + 1));
  std::vector<std::string> fields(3);
  fields.insert(fields.end(), std::istream_iterator<std::string>(rest), {});
  return fields;
}

// Field `number` of stat_fields() as a number; NaN if absent.
double field(const std::vector<std::string>& fields, std::size_t number) {
  return number < fields.size() ? parse(fields[number]) : not_read;
}

// The system's boot time in unix seconds: `btime` of /proc/stat.
double boot_time() {
  std::ifstream file("/proc/stat");
  for (std::string key; file >> key; file.ignore(std::numeric_limits<std::streamsize>::max(), '\n')) {
    if (key == "btime") {
      std::string value;
      file >> value;
      return parse(value);
    }
  }
  return not_read;
}

double open_fds() {
  std::error_code error;
  const std::filesystem::directory_iterator fds("/proc/self/fd", error);
  return error ? not_read : static_cast<double>(std::distance(fds, {}));
}

double max_fds() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return not_read;
  return limit.rlim_cur == RLIM_INFINITY ? std::numeric_limits<double>::infinity()
                                         : static_cast<double>(limit.rlim_cur);
}

}  // namespace

void add_process_metrics(Registry& registry) {
  const double ticks_per_second = static_cast<double>(sysconf(_SC_CLK_TCK));
  const double page_bytes = static_cast<double>(sysconf(_SC_PAGESIZE));
  registry.gauge_callback("process_resident_memory_bytes", "Resident memory size in bytes.",
                          [page_bytes] { return field(stat_fields(), 24) * page_bytes; });
  registry.gauge_callback("process_virtual_memory_bytes", "Virtual memory size in bytes.",
                          [] { return field(stat_fields(), 23); });
  registry.counter_callback("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.",
                            [ticks_per_second] {
                              const auto fields = stat_fields();
                              return (field(fields, 14) + field(fields, 15)) / ticks_per_second;
                            });
  registry.gauge_callback("process_open_fds", "Number of open file descriptors.", open_fds);
  registry.gauge_callback("process_max_fds", "Maximum number of open file descriptors.", max_fds);
  registry.gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.")
      .set(boot_time() + field(stat_fields(), 22) / ticks_per_second);
}

}  // namespace metrics
