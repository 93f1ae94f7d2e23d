#pragma once
#include <stdexcept>
#include <string>

namespace config {

// A missing or invalid setting; main() turns it into exit code 2 with "<variable>: <reason>".
class Error : public std::runtime_error {
 public:
  Error(std::string variable, const std::string& reason)
      : std::runtime_error(variable + ": " + reason), variable_(std::move(variable)) {}
  const std::string& variable() const { return variable_; }

 private:
  std::string variable_;
};

}  // namespace config
