#pragma once
// Query parameters and the owner of one PGresult.

#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct pg_result;

namespace pg {

// A text-format parameter; std::nullopt binds SQL NULL.
using Param = std::optional<std::string>;

// Parameters bound as $1, $2, ... Built from a braced list ({"a", std::nullopt, s}) through a variadic
// constructor rather than std::initializer_list: g++ 12 rejects initializer_list temporaries inside a
// co_await expression ("array used as initializer"), and queries are mostly written as co_await q(sql, {...}).
struct Params : std::vector<Param> {
  Params() = default;
  Params(std::vector<Param> params) : std::vector<Param>(std::move(params)) {}  // NOLINT: implicit on purpose
  template <class... Args>
  requires(sizeof...(Args) > 0 && (std::constructible_from<Param, Args&&> && ...))
      Params(Args&&... args) {  // NOLINT: implicit on purpose
    reserve(sizeof...(Args));
    (emplace_back(std::forward<Args>(args)), ...);
  }
};

// Rows of a successful statement (text format). Accessors do not check bounds beyond what libpq does.
class Result {
 public:
  Result() = default;  // no rows
  // Takes ownership of `result` (may be null for "no rows").
  explicit Result(pg_result* result);

  int rows() const;
  int columns() const;
  bool is_null(int row, int col) const;
  // The field's text; empty for NULL (use is_null or get_optional to tell them apart).
  std::string_view get(int row, int col) const;
  std::optional<std::string_view> get_optional(int row, int col) const;
  // Typed reads of text-format columns; a value of another shape throws std::invalid_argument.
  std::string text(int row, int col) const;
  std::optional<std::string> optional_text(int row, int col) const;
  bool boolean(int row, int col) const;          // a boolean column: "t" or "f"
  std::int64_t integer(int row, int col) const;  // an integer column
  // Rows affected by INSERT/UPDATE/DELETE/SELECT... (PQcmdTuples); 0 when the command reports none.
  std::int64_t affected() const;
  // The command tag, e.g. "INSERT 0 1", "COMMIT" or "ROLLBACK".
  std::string_view command() const;

 private:
  struct Free {
    void operator()(pg_result* result) const;
  };
  std::unique_ptr<pg_result, Free> result_;
};

}  // namespace pg
