#include "errors.hpp"

#include "http/json_response.hpp"

namespace users {

http::Response to_response(Failure failure) {
  switch (failure) {
    case Failure::identifier_taken:
      return http::error(http::Status::conflict, "identifier already taken");
    case Failure::invalid_credentials:
      return http::error(http::Status::unauthorized, "invalid credentials");
    case Failure::unauthorized:
      return http::error(http::Status::unauthorized, "unauthorized");
    case Failure::hashing_busy:
      return http::unavailable("too many password checks in progress, retry shortly", 1);
    case Failure::not_found:
      break;
  }
  return http::error(http::Status::not_found, "not found");
}

}  // namespace users
