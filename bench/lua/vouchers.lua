-- B2, B3b: GET /vouchers with the token of a random user among those in $TOKENS (one a line).
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local requests = {}
for token in io.lines(os.getenv("TOKENS")) do
  requests[#requests + 1] = wrk.format("GET", "/vouchers", { ["Authorization"] = "Bearer " .. token })
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(_)
  math.randomseed(os.time() * 100 + tid)
end

function request()
  return requests[math.random(#requests)]
end
