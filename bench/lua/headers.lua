-- Headers of the requests a script prepares itself: wrk adds Host only to the requests it builds, and an
-- HTTP/1.1 request without Host is answered 400. with_client() also says, as the trusted proxy in front of
-- users-service would (TRUSTED_PROXIES), which client sent the request: a different address for each
-- request prepared, so the per-source limits see many clients, as in production.
local clients = 0

function headers(extra)
  local all = { ["Host"] = "127.0.0.1" }
  for name, value in pairs(extra or {}) do all[name] = value end
  return all
end

function with_client(extra)
  clients = clients + 1
  local all = headers(extra)
  all["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(clients / 65536) % 256,
    math.floor(clients / 256) % 256, clients % 256)
  return all
end
