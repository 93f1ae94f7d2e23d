#pragma once
// Maps (method, path) to a handler. Patterns are "/"-separated segments, each a literal or "{name}".
// Paths match exactly, segment by segment: "/a/" does not match "/a" (no trailing-slash folding).

#include "http/message.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace http {

class Router {
 public:
  // Registers `handler` for `verb` on `pattern`; call before the server starts.
  void add(Verb verb, std::string pattern, Handler handler);

  struct Match {
    const Handler* handler = nullptr;  // points into the router; null when nothing matched
    std::string_view route;            // the matched route's pattern, e.g. "/vouchers/{id}/redeem"
    PathParams params;
    bool path_known = false;    // some route has this path under another method (405)
    std::vector<Verb> allowed;  // the methods of that path, for the Allow header
  };
  // Matches the path of `target` (any query string is ignored). With several matches, fewest parameters win.
  Match match(Verb verb, std::string_view target) const;

  struct Entry {
    Verb verb;
    std::string_view pattern;
  };
  // Every (method, pattern) registered, in order.
  std::vector<Entry> routes() const;

 private:
  struct Segment {
    std::string text;
    bool is_param = false;
  };
  struct Route {
    Verb verb;
    std::string pattern;
    std::vector<Segment> segments;
    std::size_t param_count = 0;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace http
