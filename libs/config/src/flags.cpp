#include "config/flags.hpp"

namespace config {

void apply_flags(Env& env, std::span<char* const> args, const std::map<std::string, std::string>& names) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string flag{args[i]};
    auto it = names.find(flag);
    if (it == names.end()) throw Error(flag, "unknown option");
    if (i + 1 >= args.size()) throw Error(flag, "needs a value");
    env.set(it->second, args[++i]);
  }
}

}  // namespace config
