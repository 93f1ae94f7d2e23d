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

// What `read()` returns; any exception it throws becomes an Error naming `variable` (e.g. a key file that
// does not parse).
template <class Read>
auto read_setting(const std::string& variable, Read read) -> decltype(read()) {
  try {
    return read();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& error) {
    throw Error(variable, error.what());
  }
}

}  // namespace config
