#include "progress.h"

#include <algorithm>
#include <cstdio>

namespace socgov::ctl {
namespace {

constexpr int kBarWidth = 20;
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

}  // namespace

std::string ProgressLine(int64_t done, int64_t total, double seconds) {
  const bool known = total > 0;
  const int64_t shown_total = known ? std::max(done, total) : 0;
  const int filled =
      known ? static_cast<int>(std::min<int64_t>(kBarWidth, done * kBarWidth / shown_total)) : 0;
  std::string line = "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '-') + "] ";
  char tail[96];
  if (known) {
    std::snprintf(tail, sizeof tail, "%lld/%lld  %d%%  %.1f s", static_cast<long long>(done),
                  static_cast<long long>(total),
                  static_cast<int>(std::min<int64_t>(100, done * 100 / shown_total)), seconds);
  } else {
    std::snprintf(tail, sizeof tail, "%lld  %.1f s", static_cast<long long>(done), seconds);
  }
  return line + tail;
}

Progress::Progress(std::ostream& err, bool terminal)
    : err_(err), terminal_(terminal), start_(std::chrono::steady_clock::now()) {}

double Progress::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Update(int64_t done, int64_t total) {
  if (terminal_) {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < kRedrawInterval) return;
    last_draw_ = now;
    Draw(done, total);
    return;
  }
  if (total <= 0) return;
  const int decile = static_cast<int>(std::min<int64_t>(10, done * 10 / total));
  // Nothing before the first 10 %: a line saying 0 % tells a log reader nothing.
  if (decile <= last_decile_ || decile == 0) return;
  last_decile_ = decile;
  Draw(done, total);
}

void Progress::Finish(int64_t done, int64_t total, const std::string& summary) {
  if (terminal_) {
    Draw(done, total);
    err_ << "\n";
  } else if (total <= 0 || std::min<int64_t>(10, done * 10 / total) > last_decile_) {
    Draw(done, total);
  }
  err_ << summary << "\n";
  err_.flush();
}

void Progress::Draw(int64_t done, int64_t total) {
  std::string line = ProgressLine(done, total, Seconds());
  if (!terminal_) {
    err_ << line << "\n";
    return;
  }
  // Blank out the rest of a longer previous line: the server's total is an estimate and may shrink.
  const size_t width = line.size();
  if (width < last_width_) line.append(last_width_ - width, ' ');
  last_width_ = width;
  err_ << "\r" << line;
  err_.flush();
}

}  // namespace socgov::ctl
