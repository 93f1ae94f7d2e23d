// The Argon2id ceiling of B3/B6: how many password verifications (or hashes) per second the
// machine does on T threads, with the services' own functions and parameters.
// usage: bench_argon2 verify|hash THREADS SECONDS   -> prints "<operations per second> <operations>"
//        bench_argon2 phc PASSWORD                  -> prints the PHC string of PASSWORD (for seeding)
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "auth/password.hpp"

int main(int argc, char** argv) {
  if (argc == 3 && std::string_view(argv[1]) == "phc") {
    std::printf("%s\n", auth::hash_password(argv[2]).c_str());
    return 0;
  }
  if (argc != 4 || (std::string_view(argv[1]) != "verify" && std::string_view(argv[1]) != "hash")) {
    std::fprintf(stderr, "usage: bench_argon2 verify|hash THREADS SECONDS | phc PASSWORD\n");
    return 2;
  }
  const bool verify = std::string_view(argv[1]) == "verify";
  const int threads = std::max(std::atoi(argv[2]), 1);
  const double seconds = std::atof(argv[3]);
  const std::string password = "bench password 123";
  const std::string hash = auth::hash_password(password);

  std::atomic<bool> stop{false};
  std::atomic<long> done{0};
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      while (!stop.load(std::memory_order_relaxed)) {
        if (verify) {
          if (!auth::verify_password(hash, password)) std::abort();
        } else {
          (void)auth::hash_password(password);
        }
        done.fetch_add(1, std::memory_order_relaxed);
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& w : workers) w.join();
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::printf("%.1f %ld\n", static_cast<double>(done.load()) / elapsed.count(), done.load());
  return 0;
}
