#include "pg/error.hpp"

namespace pg {

bool is_unique_violation(const Error& error) { return error.sqlstate == "23505"; }

bool is_query_canceled(const Error& error) { return error.sqlstate == "57014"; }

}  // namespace pg
