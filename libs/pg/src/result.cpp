#include "pg/result.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <stdexcept>

namespace pg {

void Result::Free::operator()(pg_result* result) const { PQclear(result); }

Result::Result(pg_result* result) : result_(result) {}

int Result::rows() const { return result_ ? PQntuples(result_.get()) : 0; }

int Result::columns() const { return result_ ? PQnfields(result_.get()) : 0; }

bool Result::is_null(int row, int col) const { return PQgetisnull(result_.get(), row, col) == 1; }

std::string_view Result::get(int row, int col) const {
  const char* value = PQgetvalue(result_.get(), row, col);
  if (value == nullptr) return {};
  return {value, static_cast<std::size_t>(PQgetlength(result_.get(), row, col))};
}

std::optional<std::string_view> Result::get_optional(int row, int col) const {
  if (is_null(row, col)) return std::nullopt;
  return get(row, col);
}

std::string Result::text(int row, int col) const { return std::string(get(row, col)); }

std::optional<std::string> Result::optional_text(int row, int col) const {
  if (is_null(row, col)) return std::nullopt;
  return text(row, col);
}

bool Result::boolean(int row, int col) const {
  const auto value = get(row, col);
  if (value != "t" && value != "f") throw std::invalid_argument("not a boolean column");
  return value == "t";
}

std::int64_t Result::integer(int row, int col) const {
  const auto value = get(row, col);
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc{} || end != value.data() + value.size() || value.empty()) {
    throw std::invalid_argument("not an integer column");
  }
  return number;
}

std::int64_t Result::affected() const {
  if (!result_) return 0;
  const std::string_view text = PQcmdTuples(result_.get());
  std::int64_t count = 0;
  std::from_chars(text.data(), text.data() + text.size(), count);
  return count;
}

std::string_view Result::command() const { return result_ ? PQcmdStatus(result_.get()) : ""; }

}  // namespace pg
