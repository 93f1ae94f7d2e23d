#include "errors.hpp"

#include "http/json_response.hpp"

namespace promotion {

http::Response to_response(Failure failure) {
  switch (failure) {
    case Failure::unauthorized:
      return http::error(http::Status::unauthorized, "unauthorized");
    case Failure::forbidden:
      return http::error(http::Status::forbidden, "forbidden");
    case Failure::already_redeemed:
      return http::error(http::Status::conflict, "voucher already redeemed");
    case Failure::expired:
      return http::error(http::Status::gone, "voucher expired");
    case Failure::tokens_unchecked:
      return http::unavailable("starting: logouts not loaded yet, retry shortly", 1);
    case Failure::not_found:
      break;
  }
  return http::error(http::Status::not_found, "not found");
}

}  // namespace promotion
