#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/counter.hpp"
#include "metrics/family.hpp"
#include "metrics/gauge.hpp"
#include "metrics/histogram.hpp"

namespace metrics {

// Every metric of a process and their exposition. Registering a name again with the same type, help, labels and
// buckets returns the existing metric (several worker loops share one); any difference throws
// std::invalid_argument, as do invalid names, a counter name not ending in "_total" and bad buckets.
// Returned references stay valid for the registry's life. All members are thread-safe.
class Registry {
 public:
  // `shards`: the number of cells per counter and histogram (see bind_thread_to_shard), at least 1.
  explicit Registry(std::size_t shards = 1);
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  Counter& counter(const std::string& name, const std::string& help);
  Family<Counter>& counter_family(const std::string& name, const std::string& help,
                                  std::vector<std::string> label_names);
  Gauge& gauge(const std::string& name, const std::string& help);
  Family<Gauge>& gauge_family(const std::string& name, const std::string& help, std::vector<std::string> label_names);
  Histogram& histogram(const std::string& name, const std::string& help, std::vector<double> buckets);
  Family<Histogram>& histogram_family(const std::string& name, const std::string& help,
                                      std::vector<std::string> label_names, std::vector<double> buckets);

  // Values read at scrape time from somewhere else (e.g. a pool's own atomics). Several callbacks under one name
  // are summed (e.g. one per worker pool). `read` runs under the registry's mutex and must not call into it.
  void gauge_callback(const std::string& name, const std::string& help, std::function<double()> read);
  void counter_callback(const std::string& name, const std::string& help, std::function<double()> read);

  // The text exposition (format 0.0.4) of every metric: families in registration order, children in creation
  // order; a family without children is left out.
  std::string scrape() const;

 private:
  struct Entry;

  // After checking `wanted`: the entry already under its name if they match (else throws), or `wanted`, added.
  // The caller holds mutex_.
  Entry& add(std::unique_ptr<Entry> wanted);

  // Registers `read` under `name` as a "gauge" or "counter" callback.
  void add_callback(const std::string& name, const std::string& help, std::string_view type,
                    std::function<double()> read);

  std::size_t shards_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Entry>> entries_;
};

}  // namespace metrics
