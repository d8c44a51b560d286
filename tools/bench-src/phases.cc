#include "phases.h"

#include <nats/nats.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include "accounting.h"
#include "grpc_ops.h"
#include "platform/bus/consumer.h"
#include "platform/bus/nats.h"
#include "platform/util/clock.h"
#include "raw.h"
#include "report.h"
#include "scale.h"

namespace socgov::bench {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr int kChannels = 2;
constexpr int kEventsPerCreate = 3;  // ApplicationSubmitted, ApplicationApproved, OrgRegistered
constexpr double kGiB = 1024.0 * 1024 * 1024;
constexpr double kNationalOrgs = 900'000;
constexpr double kNationalEvents = 10'000'000;

void Log(const std::string& msg) { std::fprintf(stderr, "bench: %s\n", msg.c_str()); }

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

double P99Us(const StepStats& s) { return s.latency.Percentile(99) / 1000.0; }

// A measured step: its stats, CPU-µs per request per process and (for service steps) Redis work.
struct Measured {
  StepStats stats;
  json j;
};

// The result of a rate sweep repeated cfg.repeats times.
struct SweepResult {
  double mst = 0;  // median over the repeats
  json j;
  json at_mst;  // the MST step of the median repeat
};

class Runner {
 public:
  Runner(const RunConfig& cfg, Stack& stack)
      : cfg_(cfg),
        stack_(stack),
        admin_(stack.Admin()),
        echo_channels_(stack.echo_addr(), kChannels),
        reg_channels_(stack.registration_addr(), kChannels),
        registrar_(stack.Token("registrar")),
        viewer_(stack.Token("viewer")) {
    for (int i = 0; i < kChannels; ++i) {
      echo_stubs_.push_back(bench::v1::EchoService::NewStub(echo_channels_.Pick(i)));
      reg_stubs_.push_back(regv1::RegistrationService::NewStub(reg_channels_.Pick(i)));
    }
    auto req = std::make_shared<bench::v1::EchoRequest>();
    create_request_bytes_ = CreateRequest(cfg_.tag + "-0000000").ByteSizeLong();
    req->set_payload(std::string(create_request_bytes_, 'p'));
    echo_req_ = req;
  }

  json Run();

 private:
  // ---- step kinds
  StepStats EchoStep(double rate, double s) {
    return RunGrpcStep(rate, s, [this](uint64_t i) {
      return EchoOp(echo_stubs_[i % kChannels].get(), echo_req_);
    });
  }
  StepStats GetStep(double rate, double s, const std::vector<std::string>& ids,
                    const std::vector<std::string>* tokens = nullptr) {
    return RunGrpcStep(rate, s, [&, this](uint64_t i) {
      // A multiplicative hash spreads consecutive requests over the id set.
      const size_t k = static_cast<size_t>((i * 2654435761ULL) % ids.size());
      return GetOrgOp(reg_stubs_[i % kChannels].get(), tokens ? (*tokens)[k] : viewer_, ids[k]);
    });
  }
  StepStats ListStep(double rate, double s) {
    return RunGrpcStep(rate, s, [this](uint64_t i) {
      return ListOrgsOp(reg_stubs_[i % kChannels].get(), viewer_, 20);
    });
  }
  StepStats SubmitStep(double rate, double s) {
    const uint64_t base = create_counter_;
    create_counter_ += static_cast<uint64_t>(rate * s) + 1;
    return RunGrpcStep(rate, s, [this, base](uint64_t i) {
      return SubmitOp(reg_stubs_[i % kChannels].get(), registrar_,
                      CreateRequest(cfg_.tag + "-" + std::to_string(base + i)));
    });
  }
  StepStats CreateStep(double rate, double s) {
    const uint64_t base = create_counter_;
    create_counter_ += static_cast<uint64_t>(rate * s) + 1;
    return RunGrpcStep(
        rate, s,
        [this, base](uint64_t i) {
          return CreateOrgOp(reg_stubs_[i % kChannels].get(), registrar_,
                             CreateRequest(cfg_.tag + "-" + std::to_string(base + i)));
        },
        [this](AsyncOp& op) {
          std::string id = CreatedOrgId(op);
          if (id.empty()) return;
          std::lock_guard<std::mutex> lock(ids_mu_);
          org_ids_.push_back(std::move(id));
        });
  }

  static constexpr int kMaxSteps = 22;
  static constexpr int kMaxStepsDown = 4;
  static constexpr int kNone = -1000;    // no sustained step
  static constexpr double kMinRate = 5;  // stepping down stops here (req/s)
  double Ladder(double start, int k) const {
    return std::round(start * std::pow(cfg_.ladder_factor, k));
  }

  // ---- accounting
  Measured Measure(const std::function<StepStats()>& run, bool redis, double ops_per_request = 1) {
    const auto pids = stack_.Pids();
    RedisSnapshot rb, ra;
    if (redis) rb = TakeRedisSnapshot(*admin_, stack_.redis_port(), stack_.registration_pid());
    const auto cb = SampleCpu(pids);
    Measured m;
    m.stats = run();
    const auto ca = SampleCpu(pids);
    m.j = StepJson(m.stats);
    m.j["cpu_us_per_request"] = CpuMicrosPerRequest(cb, ca, m.stats.ok + m.stats.failed);
    if (redis) {
      // Let in-flight relay work settle so its socket is recognisable by its blocking read.
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      ra = TakeRedisSnapshot(*admin_, stack_.redis_port(), stack_.registration_pid());
      m.j["redis"] = RedisPerRequest(rb, ra, m.stats.ok + m.stats.failed);
      (void)ops_per_request;
    }
    return m;
  }

  // Raises the offered rate along the ladder from `start_rate` until a step is not sustained.
  SweepResult Sweep(const std::string& name, const std::function<StepStats(double, double)>& step,
                    bool redis, double start_rate, int64_t p99_limit_ns = 5'000'000) {
    SweepResult out;
    std::vector<double> msts;
    std::vector<json> mst_steps;
    json repeats = json::array();
    int first_mst_index = kNone;
    const int n_repeats = cfg_.quick ? 1 : cfg_.repeats;
    for (int r = 0; r < n_repeats; ++r) {
      // Later repeats start three steps below the first MST: the steps far below it passed
      // with a wide margin the first time, and the time goes to where the answer is decided.
      int start = 0;
      if (r > 0 && first_mst_index != kNone)
        start = first_mst_index >= 3 ? first_mst_index - 3 : std::min(first_mst_index, 0);
      const double first_rate = cfg_.quick ? cfg_.quick_rate : Ladder(start_rate, start);
      step(first_rate, cfg_.warmup_s);  // warm-up: connections, caches, thread pools
      json steps = json::array();
      double mst = 0;
      int mst_index = kNone;
      bool retried = false;
      json at;
      const int last = cfg_.quick ? start : kMaxSteps - 1;
      // k < 0 are steps below the start rate: tried, going down, only when the start rate itself
      // is not sustained (a noisy machine), so the sweep still finds an MST.
      for (int k = start; k <= last; ++k) {
        const double rate = cfg_.quick ? cfg_.quick_rate : Ladder(start_rate, k);
        // Slow steps run longer, so their p99 rests on a few dozen samples at least.
        const double secs =
            cfg_.quick ? cfg_.step_s : std::max(cfg_.step_s, std::min(6.0, 40.0 / rate));
        Measured m = Measure([&] { return step(rate, secs); }, redis);
        m.j["sustained"] = m.stats.Sustained(p99_limit_ns);
        steps.push_back(m.j);
        Log(name + " " + std::to_string(static_cast<int>(rate)) + "/s: achieved " +
            std::to_string(static_cast<int>(m.stats.achieved_rps)) + "/s p99 " +
            std::to_string(static_cast<int>(P99Us(m.stats))) + " us" +
            (m.stats.Sustained(p99_limit_ns) ? "" : " (not sustained)"));
        if (at.is_null()) at = m.j;  // if nothing is sustained, report the first step
        if (!m.stats.Sustained(p99_limit_ns) && !cfg_.quick && !retried) {
          // The machine is shared: one bad step may be someone else's build. Retry the same rate
          // once; two failures in a row end the sweep.
          retried = true;
          --k;
          continue;
        }
        retried = false;
        if (!m.stats.Sustained(p99_limit_ns)) {
          if (cfg_.quick || mst_index != kNone || k > start || k <= start - kMaxStepsDown ||
              Ladder(start_rate, k - 1) < kMinRate)
            break;
          k -= 2;  // not even the start rate: try one step lower (the loop adds one back)
          continue;
        }
        mst = rate;
        mst_index = k;
        at = m.j;
        if (k < start) break;  // found by stepping down: the step above already failed
      }
      if (r == 0) first_mst_index = mst_index;
      msts.push_back(mst);
      mst_steps.push_back(at);
      repeats.push_back({{"mst_rps", mst}, {"steps", steps}});
    }
    // Median repeat (by MST).
    std::vector<size_t> order(msts.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return msts[a] < msts[b]; });
    const size_t med = order[order.size() / 2];
    out.mst = msts[med];
    out.at_mst = mst_steps[med];
    out.j = {{"mst_rps", out.mst},      {"mst_each_repeat", msts},
             {"at_mst", out.at_mst},    {"repeats", repeats},
             {"start_rps", start_rate}, {"p99_limit_us", p99_limit_ns / 1000}};
    if (out.mst == 0) out.j["note_at_mst"] = "no step sustained: at_mst is the first step";
    if (cfg_.quick) out.j["note"] = "--quick: one step at a fixed rate, MST not searched";
    return out;
  }

  // ---- Redis helpers
  void SetFsync(const std::string& policy) {
    admin_->Command({"CONFIG", "SET", "appendfsync", policy});
  }
  int64_t AuditHead() {
    const store::Value v = admin_->Command({"GET", "{aud}:head"});
    return v.type == store::Value::Type::kString ? std::stoll(v.str) : 0;
  }
  // Waits until the audit chain stops growing (the consumer has caught up); returns its head.
  int64_t WaitAuditIdle(double timeout_s) {
    const auto t0 = Clock::now();
    int64_t last = AuditHead();
    while (Seconds(t0) < timeout_s) {
      std::this_thread::sleep_for(std::chrono::milliseconds(400));
      const int64_t now = AuditHead();
      if (now == last && OutboxLag() == 0) return now;
      last = now;
    }
    return last;
  }
  // Waits (bounded) until no AOF rewrite runs or is scheduled: its fork and disk writes would
  // land in whichever step runs beside it.
  void WaitAofIdle() {
    const auto t0 = Clock::now();
    while (Seconds(t0) < 60 && (InfoField(*admin_, "persistence", "aof_rewrite_in_progress") > 0 ||
                                InfoField(*admin_, "persistence", "aof_rewrite_scheduled") > 0))
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  // Outbox entries the relay has not published yet (XINFO GROUPS: lag + pending).
  int64_t OutboxLag() {
    const store::Value v = admin_->Command({"XINFO", "GROUPS", "{reg}:outbox"});
    int64_t lag = 0;
    for (const auto& g : v.elements)
      for (size_t i = 0; i + 1 < g.elements.size(); i += 2) {
        const std::string& k = g.elements[i].str;
        if (k == "pending" || k == "lag") lag += g.elements[i + 1].integer;
      }
    return lag;
  }
  // commit (ce-time) → recorded (recorded_at) of audit records (from, to], from audit's own
  // record hashes ({aud}:rec:<seq>, audit_store.h); millisecond timestamps on one host clock.
  Histogram CommitToAudit(int64_t from, int64_t to) {
    Histogram h;
    std::vector<std::vector<std::string>> cmds;
    for (int64_t s = from + 1; s <= to; ++s) {
      cmds.push_back({"HMGET", "{aud}:rec:" + std::to_string(s), "occurred_at", "recorded_at"});
      if (cmds.size() == 500 || s == to) {
        for (const auto& v : admin_->Pipeline(cmds)) {
          if (v.elements.size() != 2) continue;
          auto a = ParseRfc3339(v.elements[0].str), b = ParseRfc3339(v.elements[1].str);
          if (a && b)
            h.Record(std::chrono::duration_cast<std::chrono::nanoseconds>(*b - *a).count());
        }
        cmds.clear();
      }
    }
    return h;
  }

  // ---- phases
  json P0();
  json P1();
  json P2a();
  json P3();
  json P3d();
  json P4();
  json P5();
  json ScaleEvents(uint64_t count);
  json MemoryBreakdown(const LoadResult& load, const std::string& tag);
  double AuditBytesPerRecord(int64_t head);
  json Ratios();

  const RunConfig& cfg_;
  Stack& stack_;
  std::unique_ptr<store::Redis> admin_;
  Channels echo_channels_, reg_channels_;
  std::vector<std::unique_ptr<bench::v1::EchoService::Stub>> echo_stubs_;
  std::vector<std::unique_ptr<regv1::RegistrationService::Stub>> reg_stubs_;
  std::shared_ptr<const bench::v1::EchoRequest> echo_req_;
  size_t create_request_bytes_ = 0;
  std::string registrar_, viewer_;
  uint64_t create_counter_ = 0;
  std::mutex ids_mu_;
  std::vector<std::string> org_ids_;
  json r_;  // the report's phases
  // Figures the ratio table needs.
  SweepResult echo_, get_, list_, create_, durable_, durable_submit_, lua_;
  double fsync_p99_us_ = 0;
  double half_write_p99_us_ = 0, half_echo_p99_us_ = 0, half_rate_ = 0;
  struct EventFigure {
    double fraction, e2e_p99_us, raw_p99_us;
  };
  std::vector<EventFigure> p4_;
  json p2b_ = json::array(), p2c_ = json::array();
  double scale_mem_steady_gib_ = 0;
  double scale_mem_gib_ = 0, scale_mem_audit_gib_ = 0, scale_get_ratio_ = 0, scale_list_ratio_ = 0;
  double scale_get_p99_ = 0, scale_get_empty_p99_ = 0, raw_fetch_rate_ = 0;
};

json Runner::P0() {
  Log("P0 disk: 4 KiB write + fdatasync x" + std::to_string(cfg_.fsync_count));
  const Histogram h = FsyncLoop(stack_.dir(), cfg_.fsync_count);
  fsync_p99_us_ = h.Percentile(99) / 1000.0;
  return {{"what", "4 KiB append + fdatasync in the data folder of redis-server and nats-server"},
          {"dir", stack_.dir()},
          {"fsync", LatencyJson(h)}};
}

json Runner::P1() {
  echo_ = Sweep(
      "P1 echo", [this](double r, double s) { return EchoStep(r, s); }, false, cfg_.ladder_start);
  return {
      {"message_bytes", create_request_bytes_},
      {"threading", "platform grpcx::ServiceHost, sync server, max 24 threads (as registration)"},
      {"sweep", echo_.j}};
}

json Runner::P2a() {
  LuaWorkload lua(stack_.redis_port(), 16, cfg_.tag);
  SetFsync("everysec");
  lua_ = Sweep(
      "P2a lua", [&](double r, double s) { return lua.Step(r, s); }, false, cfg_.ladder_start);
  SetFsync("always");
  return {{"what",
           "registration's submit script by EVALSHA via hiredis (RegistrationStore::Submit), "
           "16 connections, appendfsync everysec"},
          {"sweep", lua_.j}};
}

json Runner::P3() {
  json j;
  SetFsync("everysec");
  // A create is two RPCs in sequence: the latency rule allows 5 ms for each.
  create_ = Sweep(
      "P3 create", [this](double r, double s) { return CreateStep(r, s); }, true,
      cfg_.ladder_start / 4, 2 * 5'000'000);
  j["create_org"] = create_.j;
  j["create_org"]["what"] =
      "SubmitApplication then ApproveApplication (registers the organization): one operation, two "
      "write RPCs; appendfsync everysec (NOT durable)";
  if (org_ids_.empty()) {
    // Nothing was created (all failed): Get needs at least one organization.
    CreateStep(20, 1);
  }
  std::vector<std::string> ids;
  {
    std::lock_guard<std::mutex> lock(ids_mu_);
    ids = org_ids_;
  }
  j["get_org"] = {{"organizations", ids.size()}};
  if (!ids.empty()) {
    get_ = Sweep(
        "P3 get", [&](double r, double s) { return GetStep(r, s, ids); }, true, cfg_.ladder_start);
    j["get_org"]["sweep"] = get_.j;
  }
  list_ = Sweep(
      "P3 list", [this](double r, double s) { return ListStep(r, s); }, true, cfg_.ladder_start);
  j["list_orgs"] = {{"page_size", 20}, {"sweep", list_.j}};
  j["other_services"] =
      "not measured: registration is the only service with write RPCs on main (supervision, "
      "party-building, welfare-venture do not exist yet)";
  SetFsync("always");
  return j;
}

json Runner::P3d() {
  SetFsync("always");
  // Every durable write waits for an fsync: the latency rule allows the run's fsync p99 on top.
  const int64_t limit = 5'000'000 + static_cast<int64_t>(fsync_p99_us_ * 1000);
  // One write RPC on its own (SubmitApplication: one EVALSHA), then the whole create.
  durable_submit_ = Sweep(
      "P3d submit durable", [this](double r, double s) { return SubmitStep(r, s); }, true,
      cfg_.ladder_start / 10, limit);
  durable_ = Sweep(
      "P3d create durable", [this](double r, double s) { return CreateStep(r, s); }, true,
      cfg_.ladder_start / 20, 2 * limit);  // two durable RPCs per create
  json j = {{"submit_application", durable_submit_.j}, {"create_org", durable_.j}};
  j["submit_application"]["what"] = "SubmitApplication alone: one durable write RPC";
  j["create_org"]["what"] = "SubmitApplication + ApproveApplication: two durable write RPCs";
  // Write p99 at 50 % of its MST, and echo p99 at the same offered rate, back to back.
  const double half = cfg_.quick ? cfg_.quick_rate : std::max(5.0, durable_submit_.mst / 2);
  const double secs = cfg_.quick ? cfg_.step_s : 2 * cfg_.step_s;
  Measured w = Measure([&] { return SubmitStep(half, secs); }, true);
  Measured e = Measure([&] { return EchoStep(half, secs); }, false);
  j["at_half_mst"] = {{"rate_rps", half}, {"submit", w.j}, {"echo_same_rate", e.j}};
  half_write_p99_us_ = P99Us(w.stats);
  half_echo_p99_us_ = P99Us(e.stats);
  half_rate_ = half;
  return j;
}

json Runner::P4() {
  json steps = json::array();
  const double base = durable_.mst > 0 ? durable_.mst : 20;
  JetStreamWorkload js(stack_.nats_url());
  RequestReplyWorkload rr(stack_.nats_url(), 4);
  SetFsync("always");
  for (double frac : {0.25, 0.5, 0.75}) {
    const double rate = cfg_.quick ? cfg_.quick_rate * frac * 2 : std::max(5.0, base * frac);
    const double secs = cfg_.quick ? 1.0 : cfg_.event_step_s;
    const int64_t head0 = WaitAuditIdle(cfg_.quick ? 20 : 90);
    Measured w = Measure([&] { return CreateStep(rate, secs); }, false);
    const int64_t head1 = WaitAuditIdle(cfg_.quick ? 20 : 90);
    const Histogram e2e = CommitToAudit(head0, head1);
    const double msg_rate = std::max(1.0, rate * kEventsPerCreate);
    const StepStats raw = js.Step(msg_rate, secs);
    const StepStats req = rr.Step(msg_rate, secs);
    Log("P4 " + std::to_string(static_cast<int>(frac * 100)) + "%: commit->audit p99 " +
        std::to_string(e2e.Percentile(99) / 1000) + " us, raw JetStream p99 " +
        std::to_string(static_cast<int>(P99Us(raw))) + " us");
    steps.push_back(
        {{"fraction_of_durable_mst", frac},
         {"create_rps", rate},
         {"event_rps", msg_rate},
         {"create_step", w.j},
         {"audit_records", head1 - head0},
         {"commit_to_audit", LatencyJson(e2e)},
         {"commit_to_dashboard", "not yet available: the dashboard service does not exist"},
         {"raw_jetstream_same_rate", StepJson(raw)},
         {"nats_request_reply_same_rate", StepJson(req)}});
    p4_.push_back({frac, e2e.Percentile(99) / 1000.0, P99Us(raw)});
    p2b_.push_back(StepJson(raw));
    p2c_.push_back(StepJson(req));
  }
  return {{"what",
           "durable creates at 25/50/75 % of the durable create MST; each create commits 3 "
           "events; commit = ce-time, applied = audit recorded_at (ms precision, same "
           "host clock); baselines P2b/P2c at the same message rate"},
          {"steps", steps}};
}

json Runner::P5() {
  json j;
  const uint64_t n = cfg_.scale_orgs;
  std::vector<std::string> small_ids;
  {
    std::lock_guard<std::mutex> lock(ids_mu_);
    small_ids = org_ids_;
  }
  // Well below the Get MST, so the comparison is about data size, not saturation.
  const double get_rate =
      cfg_.quick ? cfg_.quick_rate : std::min(200.0, std::max(50.0, get_.mst / 4));
  const double list_rate = cfg_.quick ? 10 : 20;
  const double secs = cfg_.quick ? 1.0 : 2 * cfg_.step_s;
  WaitAuditIdle(cfg_.quick ? 20 : 90);
  WaitAofIdle();
  const StepStats get_empty = GetStep(get_rate, secs, small_ids);
  const StepStats list_empty = ListStep(list_rate, secs);
  const double mem0 = InfoField(*admin_, "memory", "used_memory");

  // Load; the audit consumer is stopped so the relay's publishing is the only background work.
  stack_.StopAudit();
  Log("P5 loading " + std::to_string(n) + " organizations (bulk path: Registry use cases)");
  // A bulk load is one batch that is re-run if it fails, not a stream of legal acts: it runs with
  // appendfsync everysec (the state written is the same), then durability is restored.
  SetFsync("everysec");
  const std::string load_tag = cfg_.tag + "s";
  LoadResult load = LoadOrganizations(stack_.redis_port(), n, 4, load_tag);
  SetFsync("always");
  Log("P5 loaded " + std::to_string(load.loaded) + " in " + std::to_string(load.seconds) + " s");
  const auto d0 = Clock::now();
  const int64_t lag_after_load = OutboxLag();
  while (OutboxLag() > 0 && Seconds(d0) < (cfg_.quick ? 30 : 120))
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const double drain_s = Seconds(d0);
  const int64_t lag_left = OutboxLag();
  const double mem1 = InfoField(*admin_, "memory", "used_memory");
  // The outbox and the relay's published-entry records are transient (kept for the re-publish
  // window, then trimmed): measured, and left out of the per-organization figure.
  double outbox_bytes = 0;
  for (const char* key : {"{reg}:outbox", "{reg}:outbox:published", "{reg}:outbox:published-ids"}) {
    const store::Value v = admin_->Command({"MEMORY", "USAGE", key, "SAMPLES", "0"});
    if (v.type == store::Value::Type::kInteger) outbox_bytes += static_cast<double>(v.integer);
  }
  const double dbsize = admin_->Command({"DBSIZE"}).integer;
  const double per_org =
      load.loaded > 0 ? std::max(0.0, mem1 - mem0 - outbox_bytes) / load.loaded : 0;
  const json breakdown = MemoryBreakdown(load, load_tag);

  // Restart Redis on the loaded data; ready = registration answers readiness SERVING again.
  const auto r0 = Clock::now();
  const double redis_s = stack_.RestartRedis();
  const double ready_wait = stack_.WaitReady(120, false);
  const double restart_s = Seconds(r0);
  admin_ = stack_.Admin();

  // Reads at scale: ids drawn over the whole loaded set, each with a viewer of its district.
  std::vector<std::string> ids, tokens;
  std::map<std::string, std::string> token_of;
  for (size_t i = 0; i < load.org_ids.size(); ++i) {
    if (load.org_ids[i].empty()) continue;
    const std::string& d = load.org_districts[i];
    auto it = token_of.find(d);
    if (it == token_of.end()) it = token_of.emplace(d, stack_.Token("viewer", d)).first;
    ids.push_back(load.org_ids[i]);
    tokens.push_back(it->second);
  }
  StepStats get_scale;
  WaitAofIdle();  // a rewrite after the restart would be measured as "scale"
  if (!ids.empty()) {
    GetStep(get_rate, cfg_.warmup_s, ids, &tokens);
    get_scale = GetStep(get_rate, secs, ids, &tokens);
  }
  const StepStats list_scale = ListStep(list_rate, secs);

  // The audit consumer catches up on the load's events: its apply rate and its Redis bytes/record,
  // measured from its first new record on (after the pause it reconnects to NATS and Redis).
  const int64_t paused_head = AuditHead();
  stack_.StartAudit();
  const auto c0 = Clock::now();
  while (AuditHead() == paused_head && Seconds(c0) < 30)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const double audit_resume_s = Seconds(c0);
  const int64_t a0 = AuditHead();
  const double am0 = InfoField(*admin_, "memory", "used_memory");
  const double audit_window = cfg_.quick ? 3 : 10;
  std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int>(audit_window * 1000)));
  const int64_t a1 = AuditHead();
  const double am1 = InfoField(*admin_, "memory", "used_memory");
  const double audit_rate = (a1 - a0) / audit_window;
  (void)am0;
  (void)am1;  // used_memory moves with the relay's trimming too: sample the records instead
  const double audit_bytes = AuditBytesPerRecord(a1);

  // Event stream at scale and its raw fetch rate.
  json events = ScaleEvents(cfg_.scale_events);

  const double idem_bytes = breakdown.value("idempotency record, submit", 0.0) +
                            breakdown.value("idempotency record, approve", 0.0) +
                            breakdown.value("idempotency records, preparation steps", 0.0);
  const double reg_extrapolated = mem0 + per_org * kNationalOrgs;
  scale_mem_steady_gib_ = (mem0 + std::max(0.0, per_org - idem_bytes) * kNationalOrgs) / kGiB;
  const double with_audit = reg_extrapolated + audit_bytes * kNationalEvents;
  scale_mem_gib_ = reg_extrapolated / kGiB;
  scale_mem_audit_gib_ = with_audit / kGiB;
  scale_get_ratio_ = P99Us(get_empty) > 0 ? P99Us(get_scale) / P99Us(get_empty) : 0;
  scale_get_p99_ = P99Us(get_scale);
  scale_get_empty_p99_ = P99Us(get_empty);
  const double fraction = n / kNationalOrgs;
  j = {{"organizations_requested", n},
       {"fraction_of_national", fraction},
       {"load",
        {{"loaded", load.loaded},
         {"failed", load.failed},
         {"first_error", load.first_error},
         {"seconds", load.seconds},
         {"orgs_per_s", load.seconds > 0 ? load.loaded / load.seconds : 0},
         {"path",
          "bulk: registration::Registry use cases in-process (4 threads): Submit + Approve, and "
          "for social groups preparation approval + ApplyEstablishment first; the same keys, "
          "scripts and outbox events as the RPCs"}}},
       {"relay_after_load",
        {{"outbox_backlog_at_load_end", lag_after_load},
         {"drain_seconds", drain_s},
         {"backlog_left", lag_left},
         {"events_per_s", drain_s > 0 ? (lag_after_load - lag_left) / drain_s : 0},
         {"note", "the relay publishes during the load too; this is what was left after it"}}},
       {"districts", NationalMix(1).districts().size()},
       {"redis",
        {{"used_memory_before", mem0},
         {"used_memory_after_load", mem1},
         {"outbox_and_relay_records_bytes", outbox_bytes},
         {"keys", dbsize},
         {"registration_bytes_per_org", per_org},
         {"extrapolated_900k_registration_gib", scale_mem_gib_},
         {"extrapolated_900k_registration_without_idempotency_records_gib", scale_mem_steady_gib_},
         {"audit_bytes_per_record", audit_bytes},
         {"extrapolated_900k_plus_10M_audit_records_gib", scale_mem_audit_gib_},
         {"note",
          "EXTRAPOLATED linearly from the loaded fraction; the outbox stream is excluded "
          "(entries are trimmed after the retention window)"}}},
       {"restart",
        {{"redis_ping_seconds", redis_s},
         {"registration_ready_seconds", restart_s},
         {"ready_wait_after_ping", ready_wait},
         {"note", "registration re-checks readiness once a second"}}},
       {"get_org",
        {{"rate", get_rate}, {"empty", StepJson(get_empty)}, {"at_scale", StepJson(get_scale)}}},
       {"list_orgs",
        {{"rate", list_rate},
         {"empty", StepJson(list_empty)},
         {"at_scale", StepJson(list_scale)},
         {"note",
          "a 350211 viewer lists its district; the store walks the all-organizations "
          "index and filters by jurisdiction after loading each entity"}}},
       {"audit_catch_up",
        {{"records_per_s", audit_rate},
         {"window_s", audit_window},
         {"first_record_after_resume_s", audit_resume_s}}},
       {"memory_breakdown", breakdown},
       {"events", events},
       {"dashboard_replay", "not yet available: the dashboard service does not exist"}};
  scale_list_ratio_ = P99Us(list_empty) > 0 ? P99Us(list_scale) / P99Us(list_empty) : 0;
  return j;
}

// Redis bytes one audit record costs: its hash, its ce-id entry in the dedup hash and its members
// in the three indexes (audit_store.h), from MEMORY USAGE of the last (up to) 200 records.
double Runner::AuditBytesPerRecord(int64_t head) {
  if (head <= 0) return 0;
  auto per_member = [&](const std::string& key) {
    const store::Value m = admin_->Command({"MEMORY", "USAGE", key, "SAMPLES", "0"});
    const store::Value n =
        admin_->Command({key.find(":events") != std::string::npos ? "HLEN" : "ZCARD", key});
    return m.type == store::Value::Type::kInteger && n.integer > 0
               ? static_cast<double>(m.integer) / static_cast<double>(n.integer)
               : 0.0;
  };
  double sum = 0;
  int n = 0;
  for (int64_t seq = std::max<int64_t>(1, head - 199); seq <= head; ++seq) {
    const std::string key = "{aud}:rec:" + std::to_string(seq);
    const store::Value f = admin_->Command({"HMGET", key, "aggregate_id", "event_type", "actor"});
    const store::Value m = admin_->Command({"MEMORY", "USAGE", key, "SAMPLES", "0"});
    if (m.type != store::Value::Type::kInteger || f.elements.size() != 3) continue;
    double bytes = static_cast<double>(m.integer);
    if (!f.elements[0].str.empty()) bytes += per_member("{aud}:idx:agg:" + f.elements[0].str);
    if (!f.elements[1].str.empty()) bytes += per_member("{aud}:idx:type:" + f.elements[1].str);
    if (!f.elements[2].str.empty()) bytes += per_member("{aud}:idx:actor:" + f.elements[2].str);
    sum += bytes;
    ++n;
  }
  return n == 0 ? 0 : sum / n + per_member("{aud}:events");
}

// Bytes per organization by key kind, from MEMORY USAGE of a sample of the loaded organizations
// (registration_store.h names the keys; the idempotency key spelling is Registry's).
json Runner::MemoryBreakdown(const LoadResult& load, const std::string& tag) {
  std::vector<size_t> sample;
  const size_t step = std::max<size_t>(1, load.org_ids.size() / 200);
  for (size_t i = 0; i < load.org_ids.size(); i += step)
    if (!load.org_ids[i].empty()) sample.push_back(i);
  if (sample.empty()) return json::object();
  std::vector<std::vector<std::string>> get;
  for (size_t i : sample)
    get.push_back({"HMGET", "{reg}:org:" + load.org_ids[i], "application_id", "name"});
  const auto fields = admin_->Pipeline(get);
  std::map<std::string, std::vector<std::vector<std::string>>> usage;
  for (size_t k = 0; k < sample.size(); ++k) {
    const size_t i = sample[k];
    if (fields[k].elements.size() != 2) continue;
    const std::string& district = load.org_districts[i];
    const std::string subject = "registrar." + district;
    const std::string caller = std::to_string(subject.size()) + ":" + subject + ":";
    const std::string request = "scale-" + tag + "-" + std::to_string(i);
    auto mem = [](const std::string& key) {
      return std::vector<std::string>{"MEMORY", "USAGE", key, "SAMPLES", "0"};
    };
    usage["organization hash"].push_back(mem("{reg}:org:" + load.org_ids[i]));
    usage["application hash"].push_back(mem("{reg}:app:" + fields[k].elements[0].str));
    usage["name key"].push_back(mem("{reg}:name:" + district + ":" + fields[k].elements[1].str));
    usage["idempotency record, submit"].push_back(
        mem("{reg}:idem:SubmitApplication:" + caller + request));
    usage["idempotency record, approve"].push_back(
        mem("{reg}:idem:ApproveApplication:" + caller + request + "-a"));
    // Social groups also went through preparation (REG-04): two more idempotency records.
    usage["idempotency records, preparation steps"].push_back(
        mem("{reg}:idem:ApproveApplication:" + caller + request + "-p"));
    usage["idempotency records, preparation steps"].push_back(
        mem("{reg}:idem:ApplyEstablishment:" + caller + request + "-e"));
  }
  json out = json::object();
  double total = 0;
  for (const auto& [kind, cmds] : usage) {
    // Per sampled organization: a key that does not exist (e.g. no preparation) counts 0.
    double sum = 0;
    for (const auto& v : admin_->Pipeline(cmds))
      if (v.type == store::Value::Type::kInteger) sum += static_cast<double>(v.integer);
    const double avg = sum / static_cast<double>(sample.size());
    out[kind] = avg;
    total += avg;
  }
  // The three sorted-set indexes, per member.
  const double orgs = static_cast<double>(admin_->Command({"ZCARD", "{reg}:orgs"}).integer);
  double index_bytes = 0;
  for (const char* k : {"{reg}:orgs", "{reg}:orgs:status:ACTIVE"}) {
    const store::Value v = admin_->Command({"MEMORY", "USAGE", k});
    if (v.type == store::Value::Type::kInteger) index_bytes += static_cast<double>(v.integer);
  }
  for (const char* kind : {"SOCIAL_GROUP", "SOCIAL_SERVICE", "FOUNDATION"}) {
    const store::Value v =
        admin_->Command({"MEMORY", "USAGE", std::string("{reg}:orgs:type:") + kind});
    if (v.type == store::Value::Type::kInteger) index_bytes += static_cast<double>(v.integer);
  }
  out["indexes (3 sorted sets)"] = orgs > 0 ? index_bytes / orgs : 0;
  total += orgs > 0 ? index_bytes / orgs : 0;
  out["total_sampled"] = total;
  out["sampled_organizations"] = sample.size();
  return out;
}

json Runner::ScaleEvents(uint64_t count) {
  auto conn = bus::Connection::Connect({stack_.nats_url(), "socgov-bench-scale"});
  if (!conn.ok()) return {{"error", conn.error().message}};
  for (int i = 0; i < 100 && !(*conn)->connected(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  if (auto err = bus::EnsureStream(**conn, {"SCALE_EVENTS", {"bench.scale.>"}, 120'000}))
    return {{"error", err->message}};
  // Async publish with a bounded window, the fastest way to fill a stream.
  jsOptions o;
  jsOptions_Init(&o);
  o.PublishAsync.MaxPending = 4096;
  o.PublishAsync.StallWait = 5000;
  jsCtx* js = nullptr;
  if (natsConnection_JetStream(&js, (*conn)->raw(), &o) != NATS_OK)
    return {{"error", "js context"}};
  const std::string body(420, 'b');  // ≈ an OrganizationRegistered event
  const NationalMix mix(1);
  const auto t0 = Clock::now();
  uint64_t published = 0;
  for (uint64_t i = 0; i < count; ++i) {
    natsMsg* m = nullptr;
    if (natsMsg_Create(&m, "bench.scale.registration.organization.registered", nullptr, body.data(),
                       static_cast<int>(body.size())) != NATS_OK)
      break;
    const std::string id = cfg_.tag + "-e" + std::to_string(i);
    natsMsgHeader_Set(m, "ce-id", id.c_str());
    natsMsgHeader_Set(m, "ce-type", "cn.socgov.registration.organization.registered.v1");
    natsMsgHeader_Set(m, "ce-source",
                      ("/socgov/" + mix.districts()[i % 97] + "/registration").c_str());
    natsMsgHeader_Set(m, "ce-time", "2026-11-27T23:13:19.123Z");
    if (js_PublishMsgAsync(js, &m, nullptr) != NATS_OK) {
      natsMsg_Destroy(m);
      break;
    }
    ++published;
  }
  js_PublishAsyncComplete(js, nullptr);
  const double publish_s = Seconds(t0);
  jsCtx_Destroy(js);

  // Raw fetch rate: the platform consumer loop (fetch 1 + ack, the path every consumer uses) with
  // a handler that does nothing, for a bounded window.
  std::atomic<uint64_t> got{0};
  std::ostringstream sink;
  log::Logger logger("bench-scale", "000000", &sink);
  double fetch_s = 0;
  {
    bus::ConsumerLoop loop(
        **conn, bus::ConsumerSpec{"SCALE_EVENTS", "rawfetch", "", 5, 30'000},
        [&](const bus::Delivery&) {
          ++got;
          return bus::ApplyResult{bus::Outcome::kApplied, ""};
        },
        [](const bus::Delivery&, const std::string&) { return true; }, nullptr, logger);
    const auto f0 = Clock::now();
    loop.Start();
    const double window = cfg_.quick ? 3 : 10;
    while (Seconds(f0) < window && got.load() < published)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    fetch_s = Seconds(f0);
  }
  const double fetch_rate = got.load() / fetch_s;
  raw_fetch_rate_ = fetch_rate;
  return {{"requested", count},
          {"published", published},
          {"fraction_of_10M", count / kNationalEvents},
          {"publish_seconds", publish_s},
          {"publish_rate", published / publish_s},
          {"raw_fetch", {{"received", got.load()}, {"seconds", fetch_s}, {"rate", fetch_rate}}},
          {"note",
           "stream SCALE_EVENTS; raw fetch = platform ConsumerLoop (fetch 1, ack) with an "
           "empty handler"}};
}

json Runner::Ratios() {
  json rows = json::array();
  auto mst_row = [&](const std::string& metric, double v, double target, const std::string& note) {
    const double ratio = echo_.mst > 0 ? v / echo_.mst : 0;
    rows.push_back(
        RatioRow(metric, v, echo_.mst, ratio, "≥ " + Fmt(target), ratio >= target, note));
  };
  mst_row("Get organization MST / echo MST (req/s)", get_.mst, 0.7, "");
  mst_row("List organizations MST / echo MST (req/s)", list_.mst, 0.7, "page of 20");
  mst_row("durable write RPC MST / echo MST (req/s)", durable_submit_.mst, 0.4,
          "SubmitApplication (one EVALSHA), appendfsync always");
  {
    json c = RatioRow("context: durable create (submit + approve) MST / echo MST (op/s)",
                      durable_.mst, echo_.mst, echo_.mst > 0 ? durable_.mst / echo_.mst : 0, "–",
                      false, "two write RPCs per operation");
    c["met"] = nullptr;
    rows.push_back(c);
  }
  json context = RatioRow("context: non-durable create MST / echo MST (op/s)", create_.mst,
                          echo_.mst, echo_.mst > 0 ? create_.mst / echo_.mst : 0, "–", false,
                          "appendfsync everysec; no target");
  context["met"] = nullptr;
  rows.push_back(context);
  const double bound = 2 * half_echo_p99_us_ + fsync_p99_us_;
  rows.push_back(RatioRow("durable write (submit) p99 at 50 % of its MST (µs)", half_write_p99_us_,
                          bound, bound > 0 ? half_write_p99_us_ / bound : 0,
                          "≤ 2 × echo p99 + fsync p99 (ratio ≤ 1)", half_write_p99_us_ <= bound,
                          "echo at the same offered rate, right after"));
  auto rt = [&](const json& at, const std::string& metric, double per) {
    if (!at.contains("redis") || !at["redis"].contains("round_trips_per_request")) {
      rows.push_back(UnavailableRow(metric, "exactly 1", "not measured (ss missing?)"));
      return;
    }
    const double v = at["redis"]["round_trips_per_request"].get<double>() / per;
    rows.push_back(RatioRow(metric, v, 1, v, "exactly 1", std::fabs(v - 1) < 0.05, ""));
  };
  rt(get_.at_mst, "Redis round trips per Get organization", 1);
  rt(list_.at_mst, "Redis round trips per List organizations", 1);
  rt(durable_submit_.at_mst, "Redis round trips per SubmitApplication", 1);
  rt(durable_.at_mst, "Redis round trips per create (submit + approve), per RPC", 2);
  for (const auto& f : p4_) {
    const double b = 3 * f.raw_p99_us + 1000;
    rows.push_back(
        RatioRow("commit → audit applied p99 at " +
                     std::to_string(static_cast<int>(f.fraction * 100)) + " % of durable MST (µs)",
                 f.e2e_p99_us, b, b > 0 ? f.e2e_p99_us / b : 0,
                 "≤ 3 × raw JetStream p99 + 1 ms (ratio ≤ 1)", f.e2e_p99_us <= b, "ms timestamps"));
  }
  rows.push_back(UnavailableRow("commit → dashboard applied p99", "≤ 3 × raw JetStream p99 + 1 ms",
                                "dashboard service not yet available"));
  rows.push_back(RatioRow("Redis used_memory, 900k orgs, registration (GiB, EXTRAPOLATED)",
                          scale_mem_gib_, 2, scale_mem_gib_ / 2, "≤ 2 GiB", scale_mem_gib_ <= 2,
                          "linear from the loaded fraction"));
  json steady = RatioRow(
      "context: same, idempotency records expired (30-day TTL) (GiB, EXTRAPOLATED)",
      scale_mem_steady_gib_, 2, scale_mem_steady_gib_ / 2, "≤ 2 GiB", scale_mem_steady_gib_ <= 2,
      "a register built over years holds only 30 days of them");
  rows.push_back(steady);
  rows.push_back(RatioRow("Redis used_memory, 900k orgs + 10M audit records (GiB, EXTRAPOLATED)",
                          scale_mem_audit_gib_, 2, scale_mem_audit_gib_ / 2, "≤ 2 GiB",
                          scale_mem_audit_gib_ <= 2, "audit shares the Redis as in tools/dev"));
  rows.push_back(RatioRow("Get p99 at scale / empty (µs)", scale_get_p99_, scale_get_empty_p99_,
                          scale_get_ratio_, "≤ 1.2", scale_get_ratio_ <= 1.2, "same offered rate"));
  rows.push_back(RatioRow("List p99 at scale / empty", scale_list_ratio_, 1, scale_list_ratio_,
                          "≤ 1.2", scale_list_ratio_ <= 1.2, "same offered rate"));
  rows.push_back(UnavailableRow("dashboard rebuild by replay / raw fetch rate", "≥ 0.3",
                                "dashboard service not yet available; raw fetch rate " +
                                    Fmt(raw_fetch_rate_) + " msg/s measured"));
  return rows;
}

json Runner::Run() {
  json phase_s;
  auto timed = [&](const std::string& name, const std::function<json()>& f) {
    const auto t0 = Clock::now();
    Log("phase " + name);
    json j = f();
    phase_s[name] = Seconds(t0);
    return j;
  };
  r_["P0_disk"] = timed("P0", [&] { return P0(); });
  r_["P1_echo"] = timed("P1", [&] { return P1(); });
  r_["P3_rpcs"] = timed("P3", [&] { return P3(); });
  r_["P3d_durable"] = timed("P3d", [&] { return P3d(); });
  r_["P4_events"] = timed("P4", [&] { return P4(); });
  r_["P2_raw"]["jetstream_publish_receive"] = {
      {"what",
       "platform bus::Publish (sync PubAck) → ConsumerLoop fetch 1 + ack, empty handler; "
       "at the P4 event rates"},
      {"steps", p2b_}};
  r_["P2_raw"]["nats_request_reply"] = {
      {"what", "core NATS request-reply, 4 requesters, one responder; at the P4 event rates"},
      {"steps", p2c_}};
  r_["P5_scale"] = timed("P5", [&] { return P5(); });
  // P2a last: its thousands of outbox events would back up the audit consumer for every phase
  // after it. Audit is stopped (its figures are taken), so only the relay works beside it.
  stack_.StopAudit();
  r_["P2_raw"]["lua_script"] = timed("P2a", [&] { return P2a(); });
  r_["ratios"] = Ratios();
  r_["phase_seconds"] = phase_s;
  return r_;
}

}  // namespace

json RunAllPhases(const RunConfig& cfg, Stack& stack) {
  Runner runner(cfg, stack);
  return runner.Run();
}

}  // namespace socgov::bench
