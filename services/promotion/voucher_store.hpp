#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/system/result.hpp>
#include <string>
#include <vector>

#include "errors.hpp"
#include "events/first_login.hpp"
#include "voucher.hpp"

namespace pg {
class Pool;
}

namespace promotion {

enum class GrantOutcome { granted, no_voucher, duplicate };

// The only place with SQL for vouchers and processed events.
class VoucherStore {
 public:
  explicit VoucherStore(pg::Pool& pool) : pool_(pool) {}

  // The caller's vouchers, newest first.
  boost::asio::awaitable<std::vector<Voucher>> list_for(std::string user_id);

  // Redeems in one conditional UPDATE: at most once, only by its owner, only before it expires.
  boost::asio::awaitable<boost::system::result<Voucher, Failure>> redeem(std::string voucher_id, std::string user_id);

  // The grant of design §4 for each event in turn, all in one statement (grant_first_logins, from
  // the migrations), so one READ COMMITTED transaction and one commit for the batch: record the
  // event (a duplicate ends there), take a voucher from the oldest campaign that has one, insert
  // it. One outcome per event, in order. Throws pg::Error on a database failure, nothing changed.
  boost::asio::awaitable<std::vector<GrantOutcome>> grant(std::vector<events::FirstLogin> batch);

 private:
  pg::Pool& pool_;
};

}  // namespace promotion
