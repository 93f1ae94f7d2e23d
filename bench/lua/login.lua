-- B3: POST /users/login of a random registered user among login1..login$LOGIN_USERS (all of them
-- have logged in before: this is a returning user's login, no first-login event).
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
dofile(os.getenv("BENCH_LUA") .. "/headers.lua")
dofile(os.getenv("BENCH_LUA") .. "/threads.lua")

local password = os.getenv("PASSWORD")
local requests = {}
for i = 1, tonumber(os.getenv("LOGIN_USERS")) do
  requests[i] = wrk.format("POST", "/users/login", with_client({ ["Content-Type"] = "application/json" }),
    string.format('{"identifier":"login%d","password":"%s"}', i, password))
end

serve_random(requests)
