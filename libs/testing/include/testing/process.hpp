#pragma once
#include <sys/types.h>
#include <map>
#include <string>
#include <vector>

namespace testing_support {

// A child process (a service binary under test), killed with SIGKILL when destroyed if still running.
// stdout and stderr go to a log file so a failing test can show them.
class Process {
 public:
  Process(const std::string& path, const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
          const std::string& stdin_text = "");
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  void signal(int signal_number);
  int wait();  // exit code, or 128 + signal
  bool running();
  std::string output() const;  // what the process printed so far

 private:
  pid_t pid_ = -1;
  std::string log_path_;
  int status_ = -1;
};

// Path of a binary built by this project, e.g. binary("services/users/users-service").
std::string binary(const std::string& relative_path);

// A TCP port on 127.0.0.1 that is free right now, in the tests' range 24000-31999 (below the ephemeral one).
unsigned short free_port();

}  // namespace testing_support
