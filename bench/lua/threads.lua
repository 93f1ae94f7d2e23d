-- Loaded by scripts that need it: numbers wrk's threads (the global `tid`, 1..n, in each thread),
-- and serve_random(requests) makes every request a random one of the prepared `requests`.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function serve_random(requests)
  function init(_)
    math.randomseed(os.time() * 100 + tid)
  end

  function request()
    return requests[math.random(#requests)]
  end
end
