#include "request_id.hpp"

#include <algorithm>
#include <cstdint>
#include <random>

namespace http {
namespace {

constexpr std::size_t max_client_id_length = 64;

bool is_sane_id(std::string_view id) {
  return !id.empty() && id.size() <= max_client_id_length && std::ranges::all_of(id, [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
}

// 16 hex digits of splitmix64 over a per-thread random seed: unique per thread for 2^64 ids, no lock, no
// system call per id (not secret: ids are for tracing).
std::string generate_id() {
  thread_local std::uint64_t state = (std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}();
  std::uint64_t bits = state += 0x9E3779B97F4A7C15ULL;
  bits = (bits ^ (bits >> 30)) * 0xBF58476D1CE4E5B9ULL;
  bits = (bits ^ (bits >> 27)) * 0x94D049BB133111EBULL;
  bits ^= bits >> 31;
  constexpr std::string_view digits = "0123456789abcdef";
  std::string id(16, '0');
  for (auto& c : id) {
    c = digits[bits & 0xF];
    bits >>= 4;
  }
  return id;
}

}  // namespace

std::string request_id_for(const Request& request) {
  const auto it = request.find("X-Request-Id");
  if (it != request.end()) {
    const std::string_view client_id{it->value().data(), it->value().size()};
    if (is_sane_id(client_id)) return std::string(client_id);
  }
  return generate_id();
}

}  // namespace http
