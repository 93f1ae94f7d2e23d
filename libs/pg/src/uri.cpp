#include "pg/uri.hpp"

#include <array>
#include <stdexcept>

namespace pg {
namespace {

struct Parts {
  std::string_view head;   // scheme://authority
  std::string_view db;     // raw (still percent-encoded) path after the authority's '/'
  std::string_view query;  // from '?' on, or empty
};

Parts split(std::string_view uri) {
  constexpr std::array<std::string_view, 2> schemes{"postgresql://", "postgres://"};
  std::size_t start = std::string_view::npos;
  for (const auto scheme : schemes) {
    if (uri.starts_with(scheme)) start = scheme.size();
  }
  if (start == std::string_view::npos) throw std::invalid_argument("not a postgresql:// URI");
  const std::size_t query = uri.find('?', start);
  const std::string_view before_query = uri.substr(0, query);
  const std::size_t at = before_query.rfind('@');  // a '/' in user info must not end the authority
  const std::size_t slash = before_query.find('/', at == std::string_view::npos ? start : at + 1);
  Parts parts;
  parts.head = before_query.substr(0, slash);
  if (slash != std::string_view::npos) parts.db = before_query.substr(slash + 1);
  if (query != std::string_view::npos) parts.query = uri.substr(query);
  return parts;
}

bool unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string encode(std::string_view text) {
  constexpr std::string_view digits = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    if (unreserved(c)) {
      out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += digits[byte >> 4U];
      out += digits[byte & 0x0FU];
    }
  }
  return out;
}

std::string decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

std::string with_database(std::string_view uri, std::string_view db) {
  const Parts parts = split(uri);
  std::string out(parts.head);
  out += '/';
  out += encode(db);
  out += parts.query;
  return out;
}

std::string database_of(std::string_view uri) { return decode(split(uri).db); }

}  // namespace pg
