// Prints one RS256 access token per user id read from stdin (one id a line), signed as
// users-service signs them, so a benchmark gets 10,000 valid tokens without 10,000 Argon2 logins.
// usage: bench_tokens PRIVATE_KEY_PATH [threads]
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "auth/keys.hpp"
#include "auth/token_issuer.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_tokens PRIVATE_KEY_PATH [threads] < user_ids > tokens\n";
    return 2;
  }
  const unsigned threads = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 2U;
  std::vector<std::string> ids;
  for (std::string line; std::getline(std::cin, line);)
    if (!line.empty()) ids.push_back(line);

  std::vector<std::string> tokens(ids.size());
  const auto now = std::chrono::system_clock::now();
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < std::max(threads, 1U); ++t) {
    workers.emplace_back([&, t] {
      // One issuer per thread: the key is shared read-only by OpenSSL, the issuer is cheap.
      const auth::TokenIssuer issuer{auth::PrivateKey::load(argv[1]), "bank-users", "bank", std::chrono::minutes(60)};
      for (std::size_t i = t; i < ids.size(); i += std::max(threads, 1U))
        tokens[i] = issuer.issue(ids[i], false, "bench-" + std::to_string(i), now);
    });
  }
  for (auto& w : workers) w.join();
  for (const auto& token : tokens) std::cout << token << '\n';
  return 0;
}
