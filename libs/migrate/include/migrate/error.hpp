#pragma once
// The one error type of the migrate library: a bad directory, a changed history, or a failed migration.

#include <stdexcept>

namespace migrate {

struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace migrate
