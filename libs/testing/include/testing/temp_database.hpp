#pragma once
#include <string>

namespace testing_support {

// A fresh database on the test server, dropped (WITH FORCE) when this goes out of scope.
class TempDatabase {
 public:
  explicit TempDatabase(const std::string& prefix);
  ~TempDatabase();
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  const std::string& name() const { return name_; }
  const std::string& uri() const { return uri_; }
  // The server URI without a database name (what DB_URI holds in development).
  std::string server_uri() const;

 private:
  std::string name_;
  std::string uri_;
};

}  // namespace testing_support
