-- B1: GET <url> as given on the command line (/healthz); only the summary line is added.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
