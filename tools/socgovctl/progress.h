// A progress bar for long socgovctl runs (export, import), on stderr so stdout stays clean:
//   [########------------] 4000/10000  40%  1.2 s
// On a terminal it is redrawn in place with \r (at most 10 times a second); otherwise (logs, CI) a
// line is printed each time another 10 % is done, so a log shows progress without flooding.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace socgov::ctl {

// The bar text for `done` of `total` after `seconds`. total ≤ 0 means unknown (empty bar, no
// percentage); done > total (the total was an estimate) shows a full bar and 100 %.
std::string ProgressLine(int64_t done, int64_t total, double seconds);

class Progress {
 public:
  Progress(std::ostream& err, bool terminal);

  void Update(int64_t done, int64_t total);
  // Draws the final state, ends the bar's line, then prints `summary` on its own line.
  void Finish(int64_t done, int64_t total, const std::string& summary);
  double Seconds() const;

 private:
  void Draw(int64_t done, int64_t total);

  std::ostream& err_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
  int last_decile_ = -1;
  size_t last_width_ = 0;
};

}  // namespace socgov::ctl
