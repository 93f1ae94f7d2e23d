#pragma once
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace metrics {

// A metric with labels: one child Metric per combination of label values.
template <class Metric>
class Family {
 public:
  Family(std::vector<std::string> label_names, std::function<std::unique_ptr<Metric>()> make)
      : label_names_(std::move(label_names)), make_(std::move(make)) {}

  // The child for these label values (as many as the label names, else std::invalid_argument). Creates it on
  // first use under a mutex; the reference stays valid for the family's life, so hot paths look a child up once.
  Metric& labels(const std::vector<std::string>& values) {
    if (values.size() != label_names_.size())
      throw std::invalid_argument("metrics: expected " + std::to_string(label_names_.size()) + " label values, got " +
                                  std::to_string(values.size()));
    std::lock_guard lock(mutex_);
    auto child = children_.find(values);
    if (child == children_.end()) {
      child = children_.emplace(values, make_()).first;
      order_.push_back(&*child);
    }
    return *child->second;
  }

  const std::vector<std::string>& label_names() const { return label_names_; }

  // Calls visit(label_values, child) for every child in creation order, holding the family's mutex.
  template <class Visit>
  void for_each(Visit visit) const {
    std::lock_guard lock(mutex_);
    for (const auto* child : order_) visit(child->first, *child->second);
  }

 private:
  using Children = std::map<std::vector<std::string>, std::unique_ptr<Metric>>;

  std::vector<std::string> label_names_;
  std::function<std::unique_ptr<Metric>()> make_;
  mutable std::mutex mutex_;
  Children children_;
  std::vector<const typename Children::value_type*> order_;
};

}  // namespace metrics
