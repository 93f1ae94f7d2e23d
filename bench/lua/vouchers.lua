-- B2, B3b: GET /vouchers with the token of a random user among those in $TOKENS (one a line).
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
dofile(os.getenv("BENCH_LUA") .. "/headers.lua")
dofile(os.getenv("BENCH_LUA") .. "/threads.lua")

local requests = {}
for token in io.lines(os.getenv("TOKENS")) do
  requests[#requests + 1] = wrk.format("GET", "/vouchers", headers({ ["Authorization"] = "Bearer " .. token }))
end

serve_random(requests)
