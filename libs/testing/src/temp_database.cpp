#include "testing/temp_database.hpp"

#include "pg/blocking.hpp"
#include "pg/uri.hpp"
#include "testing/stack.hpp"

namespace testing_support {

TempDatabase::TempDatabase(const std::string& prefix) : name_(unique_name(prefix)) {
  pg::BlockingConnection admin{pg_uri()};
  admin.exec_script("CREATE DATABASE " + admin.quote_identifier(name_));
  uri_ = pg::with_database(pg_uri(), name_);
}

TempDatabase::~TempDatabase() {
  try {
    pg::BlockingConnection admin{pg_uri()};
    admin.exec_script("DROP DATABASE IF EXISTS " + admin.quote_identifier(name_) + " WITH (FORCE)");
  } catch (const std::exception&) {  // a leftover database in the throwaway test cluster is harmless
  }
}

std::string TempDatabase::server_uri() const {
  auto uri = pg_uri();
  return uri.substr(0, uri.rfind('/'));
}

}  // namespace testing_support
