#include "metrics/registry.hpp"

#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <variant>

#include "exposition.hpp"
#include "validate.hpp"

namespace metrics {
namespace {

using Callbacks = std::vector<std::function<double()>>;

}  // namespace

struct Registry::Entry {
  std::string name;
  std::string help;
  std::string_view type;  // "counter", "gauge" or "histogram"
  std::vector<std::string> label_names;
  std::vector<double> buckets;
  std::variant<std::unique_ptr<Family<Counter>>, std::unique_ptr<Family<Gauge>>, std::unique_ptr<Family<Histogram>>,
               Callbacks>
      source;
};

Registry::Registry(std::size_t shards) : shards_(shards) {
  if (shards == 0) throw std::invalid_argument("metrics: a registry needs at least one shard");
}

Registry::~Registry() = default;

Registry::Entry& Registry::add(std::unique_ptr<Entry> wanted) {
  check_metric_name(wanted->name);
  if (wanted->type == "counter" && !wanted->name.ends_with("_total"))
    throw std::invalid_argument("metrics: counter name \"" + wanted->name + "\" must end in _total");
  check_label_names(wanted->label_names, wanted->type == "histogram");
  check_buckets(wanted->buckets);
  for (const auto& entry : entries_) {
    if (entry->name != wanted->name) continue;
    if (entry->type != wanted->type || entry->source.index() != wanted->source.index() || entry->help != wanted->help ||
        entry->label_names != wanted->label_names || entry->buckets != wanted->buckets)
      throw std::invalid_argument("metrics: \"" + wanted->name +
                                  "\" is already registered with another type, help, labels or buckets");
    return *entry;
  }
  return *entries_.emplace_back(std::move(wanted));
}

Counter& Registry::counter(const std::string& name, const std::string& help) {
  return counter_family(name, help, {}).labels({});
}

Family<Counter>& Registry::counter_family(const std::string& name, const std::string& help,
                                          std::vector<std::string> label_names) {
  auto family =
      std::make_unique<Family<Counter>>(label_names, [shards = shards_] { return std::make_unique<Counter>(shards); });
  std::lock_guard lock(mutex_);
  auto& entry =
      add(std::make_unique<Entry>(Entry{name, help, "counter", std::move(label_names), {}, std::move(family)}));
  return *std::get<std::unique_ptr<Family<Counter>>>(entry.source);
}

Gauge& Registry::gauge(const std::string& name, const std::string& help) {
  return gauge_family(name, help, {}).labels({});
}

Family<Gauge>& Registry::gauge_family(const std::string& name, const std::string& help,
                                      std::vector<std::string> label_names) {
  auto family = std::make_unique<Family<Gauge>>(label_names, [] { return std::make_unique<Gauge>(); });
  std::lock_guard lock(mutex_);
  auto& entry = add(std::make_unique<Entry>(Entry{name, help, "gauge", std::move(label_names), {}, std::move(family)}));
  return *std::get<std::unique_ptr<Family<Gauge>>>(entry.source);
}

Histogram& Registry::histogram(const std::string& name, const std::string& help, std::vector<double> buckets) {
  return histogram_family(name, help, {}, std::move(buckets)).labels({});
}

Family<Histogram>& Registry::histogram_family(const std::string& name, const std::string& help,
                                              std::vector<std::string> label_names, std::vector<double> buckets) {
  auto family = std::make_unique<Family<Histogram>>(
      label_names, [shards = shards_, buckets] { return std::make_unique<Histogram>(shards, buckets); });
  std::lock_guard lock(mutex_);
  auto& entry = add(std::make_unique<Entry>(
      Entry{name, help, "histogram", std::move(label_names), std::move(buckets), std::move(family)}));
  return *std::get<std::unique_ptr<Family<Histogram>>>(entry.source);
}

void Registry::gauge_callback(const std::string& name, const std::string& help, std::function<double()> read) {
  add_callback(name, help, "gauge", std::move(read));
}

void Registry::counter_callback(const std::string& name, const std::string& help, std::function<double()> read) {
  add_callback(name, help, "counter", std::move(read));
}

void Registry::add_callback(const std::string& name, const std::string& help, std::string_view type,
                            std::function<double()> read) {
  if (!read) throw std::invalid_argument("metrics: empty callback for \"" + name + "\"");
  std::lock_guard lock(mutex_);
  auto& entry = add(std::make_unique<Entry>(Entry{name, help, type, {}, {}, Callbacks{}}));
  std::get<Callbacks>(entry.source).push_back(std::move(read));
}

std::string Registry::scrape() const {
  std::string out;
  std::lock_guard lock(mutex_);
  for (const auto& entry : entries_) {
    std::string samples;
    std::visit(
        [&](const auto& source) {
          if constexpr (std::is_same_v<std::decay_t<decltype(source)>, Callbacks>) {
            double sum = 0;
            for (const auto& read : source) sum += read();
            append_sample(samples, entry->name, "", sum);
          } else {
            source->for_each([&](const std::vector<std::string>& values, const auto& metric) {
              append_samples(samples, entry->name, format_labels(source->label_names(), values), metric);
            });
          }
        },
        entry->source);
    if (samples.empty()) continue;
    append_header(out, entry->name, entry->help, entry->type);
    out += samples;
  }
  return out;
}

}  // namespace metrics
