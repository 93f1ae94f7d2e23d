-- B6: POST /users/register of new users, each username unique across threads and runs
-- (r<RUN_ID>t<thread>n<counter>).
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
dofile(os.getenv("BENCH_LUA") .. "/headers.lua")
dofile(os.getenv("BENCH_LUA") .. "/threads.lua")

local counter = 0
function request()
  counter = counter + 1
  local body = string.format(
    '{"username":"r%st%dn%d","password":"%s","full_name":"Bench User","birthday":"1990-01-01"}',
    os.getenv("RUN_ID"), tid, counter, os.getenv("PASSWORD"))
  return wrk.format("POST", "/users/register", with_client({ ["Content-Type"] = "application/json" }), body)
end
