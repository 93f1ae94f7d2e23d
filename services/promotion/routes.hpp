#pragma once
#include "http/router.hpp"
#include "service.hpp"

namespace promotion {

// The endpoint table of design §3 "promotion".
http::Router make_routes(Service& service);

}  // namespace promotion
