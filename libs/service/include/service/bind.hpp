#pragma once
// Route handlers are free functions of (Context&, RequestContext); binder(context) turns them into http::Handlers.

#include "http/message.hpp"

namespace service {

// E.g. `const auto bind = service::binder(context); router.add(verb, "/x", bind(handlers::x));`
template <class Context>
auto binder(Context& context) {
  return [&context](auto handler) -> http::Handler {
    return [&context, handler](http::RequestContext request) { return handler(context, std::move(request)); };
  };
}

}  // namespace service
