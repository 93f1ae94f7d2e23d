#include "testing/process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <atomic>
#include <csignal>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "testing/stack.hpp"

extern char** environ;

namespace testing_support {

Process::Process(const std::string& path, const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& env, const std::string& stdin_text)
    : log_path_("/tmp/" + unique_name("process") + ".log") {
  std::vector<std::string> words{path};
  words.insert(words.end(), args.begin(), args.end());
  std::map<std::string, std::string> merged;
  for (char** entry = environ; *entry; ++entry) {
    std::string pair{*entry};
    merged[pair.substr(0, pair.find('='))] = pair.substr(pair.find('=') + 1);
  }
  for (const auto& [name, value] : env) merged[name] = value;
  std::vector<std::string> env_strings;
  for (const auto& [name, value] : merged) env_strings.push_back(name + "=" + value);

  int input[2];
  if (::pipe(input) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    std::vector<char*> argv, envp;
    for (auto& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    for (auto& entry : env_strings) envp.push_back(entry.data());
    envp.push_back(nullptr);
    const int log = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(input[0], 0);
    ::dup2(log, 1);
    ::dup2(log, 2);
    ::close(input[1]);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);      // no orphan service when a test crashes
    if (::chdir("/tmp") != 0) ::_exit(126);  // away from the checkout's .env: the test sets every variable
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(input[0]);
  if (!stdin_text.empty() && ::write(input[1], stdin_text.data(), stdin_text.size()) < 0)
    throw std::runtime_error("cannot write to the child's stdin");
  ::close(input[1]);
}

Process::~Process() {
  if (running()) {
    ::kill(pid_, SIGKILL);
    wait();
  }
  ::unlink(log_path_.c_str());
}

void Process::signal(int signal_number) { ::kill(pid_, signal_number); }

int Process::wait() {
  if (status_ < 0) {
    int raw = 0;
    ::waitpid(pid_, &raw, 0);
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  }
  return status_;
}

bool Process::running() {
  if (status_ >= 0) return false;
  int raw = 0;
  if (::waitpid(pid_, &raw, WNOHANG) == 0) return true;
  status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  return false;
}

std::string Process::output() const {
  std::ifstream file{log_path_};
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string binary(const std::string& relative_path) { return std::string(PROJECT_BINARY_DIR) + "/" + relative_path; }

unsigned short free_port() {
  // The tests' range, below the ephemeral one (README "Ports"), from a random start so that runs differ.
  constexpr unsigned first = 24000, count = 8000;
  static std::atomic<unsigned> next{static_cast<unsigned>(std::random_device{}()) % count};
  for (unsigned tried = 0; tried < count; ++tried) {
    const auto port = static_cast<unsigned short>(first + next++ % count);
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    if (bound) return port;
  }
  throw std::runtime_error("no free port in 24000-31999");
}

}  // namespace testing_support
