#include "table.hpp"

namespace amqp {

Table::Table(const std::map<std::string, Argument>& arguments) {
  for (const auto& [key, value] : arguments) {
    amqp_table_entry_t entry{};
    entry.key = amqp_cstring_bytes(key.c_str());
    if (const auto* text = std::get_if<std::string>(&value)) {
      entry.value.kind = AMQP_FIELD_KIND_UTF8;
      entry.value.value.bytes = amqp_cstring_bytes(text->c_str());
    } else if (const auto* time = std::get_if<Timestamp>(&value)) {
      entry.value.kind = AMQP_FIELD_KIND_TIMESTAMP;
      entry.value.value.u64 = static_cast<std::uint64_t>(time->seconds);
    } else {
      entry.value.kind = AMQP_FIELD_KIND_I64;
      entry.value.value.i64 = std::get<std::int64_t>(value);
    }
    entries_.push_back(entry);
  }
}

amqp_table_t Table::get() const {
  return amqp_table_t{static_cast<int>(entries_.size()), const_cast<amqp_table_entry_t*>(entries_.data())};
}

}  // namespace amqp
