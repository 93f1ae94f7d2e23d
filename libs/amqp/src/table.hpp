#pragma once
#include <amqp.h>
#include <map>
#include <string>
#include <vector>

#include "amqp/types.hpp"

namespace amqp {

// An amqp_table_t view over `arguments`; valid while both live.
class Table {
 public:
  explicit Table(const std::map<std::string, Argument>& arguments);
  amqp_table_t get() const;

 private:
  std::vector<amqp_table_entry_t> entries_;
};

}  // namespace amqp
