# Every third-party dependency, all from Debian 12 packages (scripts/install-deps.sh).
find_package(Boost 1.81.0 EXACT CONFIG REQUIRED COMPONENTS json url)
find_package(OpenSSL 3 REQUIRED)
find_package(spdlog REQUIRED)
find_package(GTest REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(ARGON2 REQUIRED IMPORTED_TARGET libargon2)
pkg_check_modules(RABBITMQ REQUIRED IMPORTED_TARGET librabbitmq)
# The services' allocator (docs/benchmarks.md: about 10 % less CPU a request than glibc's malloc in B2).
pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
# Asio and Beast are header-only (every translation unit that uses them compiles them): keep them out of
# widely included headers.
add_compile_definitions(BOOST_ASIO_NO_DEPRECATED BOOST_ASIO_DISABLE_CONCEPTS)
