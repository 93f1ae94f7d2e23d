#pragma once
#include "http/router.hpp"
#include "service.hpp"

namespace users {

// The endpoint table of design §3 "users".
http::Router make_routes(Service& service);

}  // namespace users
