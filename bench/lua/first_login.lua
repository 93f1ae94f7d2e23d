-- B5: first logins at a steady $RATE per second in all (wrk's threads share it), each of a user
-- who never logged in: first<$FIRST_BASE + k> for k in 1..$FIRST_USERS (thread t of n takes
-- k = t, t + n, t + 2n, ...).
-- Pacing: each request waits for its own slot (start + k / rate), whatever the previous answer's
-- latency, as long as a connection is free: an open-loop schedule, not a closed loop.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
dofile(os.getenv("BENCH_LUA") .. "/headers.lua")
dofile(os.getenv("BENCH_LUA") .. "/threads.lua")

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec* ts);
]]
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local nthreads, interval, next_slot, user

function init(_)
  local rate = tonumber(os.getenv("RATE"))
  nthreads = tonumber(os.getenv("THREADS"))
  interval = 1000 * nthreads / rate
  user = tid - nthreads
end

function delay()
  local now = now_ms()
  next_slot = next_slot and (next_slot + interval) or now
  local wait = next_slot - now
  if wait < 0 then return 0 end
  return math.floor(wait)
end

function request()
  user = user + nthreads
  if user > tonumber(os.getenv("FIRST_USERS")) then
    error("first_login.lua: out of first-login users")
  end
  return wrk.format("POST", "/users/login", with_client({ ["Content-Type"] = "application/json" }),
    string.format('{"identifier":"first%d","password":"%s"}', tonumber(os.getenv("FIRST_BASE")) + user,
      os.getenv("PASSWORD")))
end
