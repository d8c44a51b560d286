#include "import.h"

#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <thread>

#include "cli.h"
#include "commands.h"
#include "export.h"
#include "progress.h"

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;
using nlohmann::json;

// ---- parsing ---------------------------------------------------------------------------------

const std::set<std::string>& KnownKeys() {
  static const std::set<std::string> kKeys = {"kind",
                                              "name",
                                              "domicile",
                                              "business_scope",
                                              "legal_representative",
                                              "legal_representative_id_number",
                                              "legal_representative_post",
                                              "funds_yuan",
                                              "individual_members",
                                              "unit_members",
                                              "staff_count",
                                              "supervisory_unit",
                                              "filed_with",
                                              "jurisdiction",
                                              "social_service_form",
                                              "foundation_kind",
                                              "funds_in_cash",
                                              "community_form",
                                              "nominees"};
  return kKeys;
}

std::invalid_argument FieldError(const std::string& field, const std::string& why) {
  return std::invalid_argument(field + ": " + why);
}

std::string Text(const json& object, const std::string& key, bool required) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (required) throw FieldError(key, "required");
    return "";
  }
  if (!it->is_string()) throw FieldError(key, "must be a string");
  std::string value = it->get<std::string>();
  if (required && value.empty()) throw FieldError(key, "required");
  return value;
}

int32_t Count(const json& object, const std::string& key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return 0;
  if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > kInt32Max) {
    throw FieldError(key, "must be a non-negative integer");
  }
  return static_cast<int32_t>(it->get<int64_t>());
}

bool Flag(const json& object, const std::string& key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return false;
  if (!it->is_boolean()) throw FieldError(key, "must be true or false");
  return it->get<bool>();
}

// Strings keep amounts exact; integers are whole yuan. Floating point is refused: 0.1 + 0.2 money.
int64_t Fen(const json& object, const std::string& key, bool required) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (required) throw FieldError(key, "required");
    return 0;
  }
  std::optional<int64_t> fen;
  if (it->is_string()) {
    fen = ParseYuanToFen(it->get<std::string>());
  } else if (it->is_number_unsigned() && it->get<uint64_t>() <= uint64_t(kInt64Max / 100)) {
    fen = static_cast<int64_t>(it->get<uint64_t>()) * 100;
  }
  if (!fen) throw FieldError(key, "must be an amount like \"30000\" or \"12.50\"");
  return *fen;
}

// Enum parsers throw ConfigError; inside a file the field name is what the reader needs.
template <typename Parse>
auto EnumField(const json& object, const std::string& key, bool required, Parse parse) {
  const std::string text = Text(object, key, required);
  try {
    return parse(text, key);
  } catch (const ConfigError& e) {
    throw std::invalid_argument(e.what());
  }
}

regpb::NomineeInput ParseNominee(const json& entry, size_t index) {
  const std::string field = "nominees[" + std::to_string(index) + "]";
  if (!entry.is_object()) throw FieldError(field, "must be an object");
  regpb::NomineeInput nominee;
  try {
    nominee.set_name(Text(entry, "name", true));
    nominee.set_id_number(Text(entry, "id_number", true));
    nominee.set_post(Text(entry, "post", true));
    nominee.set_retired_cadre(Flag(entry, "retired_cadre"));
    nominee.set_other_posts(Count(entry, "other_posts"));
    nominee.set_terms_served(Count(entry, "terms_served"));
  } catch (const std::invalid_argument& e) {
    throw FieldError(field, e.what());
  }
  return nominee;
}

void FillKindFields(const json& object, regpb::OrganizationProfile& profile) {
  profile.set_social_service_form(EnumField(object, "social_service_form", false,
                                            [](const std::string& v, std::string_view label) {
                                              return ParseSocialServiceForm(v, label);
                                            }));
  profile.set_foundation_kind(EnumField(
      object, "foundation_kind", false,
      [](const std::string& v, std::string_view label) { return ParseFoundationKind(v, label); }));
  profile.set_community_form(EnumField(
      object, "community_form", false,
      [](const std::string& v, std::string_view label) { return ParseCommunityForm(v, label); }));
  profile.set_funds_in_cash(Flag(object, "funds_in_cash"));
  profile.set_individual_members(Count(object, "individual_members"));
  profile.set_unit_members(Count(object, "unit_members"));
  profile.set_staff_count(Count(object, "staff_count"));
  profile.set_supervisory_unit(Text(object, "supervisory_unit", false));
  profile.set_filed_with(Text(object, "filed_with", false));
}

}  // namespace

ImportRecord ParseImportLine(std::string_view line, int line_number,
                             const std::string& default_jurisdiction) {
  json object;
  try {
    object = json::parse(line);
  } catch (const json::parse_error& e) {
    throw std::invalid_argument(std::string("not JSON: ") + e.what());
  }
  if (!object.is_object()) throw std::invalid_argument("not a JSON object");
  for (const auto& [key, value] : object.items()) {
    if (!KnownKeys().contains(key)) throw FieldError(key, "unknown field");
  }
  ImportRecord record;
  record.line = line_number;
  record.key = Sha256Hex(line).substr(0, 32);
  regpb::OrganizationProfile& profile = record.profile;
  profile.set_org_type(EnumField(
      object, "kind", true,
      [](const std::string& v, std::string_view label) { return ParseOrgType(label, v); }));
  const bool community = profile.org_type() == regpb::ORG_TYPE_COMMUNITY;
  profile.set_name(Text(object, "name", true));
  profile.set_domicile(Text(object, "domicile", true));
  profile.set_business_scope(Text(object, "business_scope", true));
  profile.mutable_legal_representative()->set_name(Text(object, "legal_representative", true));
  record.legal_representative_id_number = Text(object, "legal_representative_id_number", true);
  profile.mutable_funds()->set_fen(Fen(object, "funds_yuan", !community));
  std::string jurisdiction = Text(object, "jurisdiction", false);
  if (jurisdiction.empty()) jurisdiction = default_jurisdiction;
  if (jurisdiction.empty()) throw FieldError("jurisdiction", "required (or --jurisdiction)");
  profile.set_jurisdiction(jurisdiction);
  FillKindFields(object, profile);

  regpb::NomineeInput& representative = record.nominees.emplace_back();
  representative.set_name(profile.legal_representative().name());
  representative.set_id_number(record.legal_representative_id_number);
  std::string post = Text(object, "legal_representative_post", false);
  representative.set_post(post.empty() ? "法定代表人" : post);
  if (const auto it = object.find("nominees"); it != object.end() && !it->is_null()) {
    if (!it->is_array()) throw FieldError("nominees", "must be an array");
    for (size_t i = 0; i < it->size(); ++i) record.nominees.push_back(ParseNominee((*it)[i], i));
  }
  return record;
}

std::string ImportRequestId(const ImportRecord& record, std::string_view step) {
  return "import:" + record.key + ":" + std::string(step);
}

// ---- the flows -------------------------------------------------------------------------------

namespace {

// A step that failed, with the step's name for the message.
struct StepFailure {
  std::string step;
  RpcFailure rpc;
};

enum class Outcome { kImported, kAlreadyPresent };

class LineImporter {
 public:
  LineImporter(const Context& ctx, RegStub& stub, const ImportRecord& record)
      : ctx_(ctx), stub_(stub), record_(record) {}

  Outcome Run() {
    try {
      switch (record_.profile.org_type()) {
        case regpb::ORG_TYPE_COMMUNITY:
          File();
          break;
        case regpb::ORG_TYPE_SOCIAL_GROUP:
          PrepareThenEstablish();
          break;
        default:
          Establish();
      }
    } catch (const StepFailure& failure) {
      // The first step is the one that claims the name: ALREADY_EXISTS there means an earlier
      // import (or a clerk) registered it, which is what this line wants.
      if (failure.step == first_step_ && failure.rpc.code() == grpc::StatusCode::ALREADY_EXISTS) {
        return Outcome::kAlreadyPresent;
      }
      throw;
    }
    return Outcome::kImported;
  }

 private:
  template <typename Request, typename Response>
  Response Step(std::string_view step, RegMethod<Request, Response> method, Request request) {
    if (first_step_.empty()) first_step_ = step;
    request.set_request_id(ImportRequestId(record_, step));
    // A server whose worker threads are all busy answers RESOURCE_EXHAUSTED before running the
    // call; the step's fixed request id makes running it again safe, so back off and retry a few
    // times rather than report a record that only met a busy moment.
    for (int attempt = 0;; ++attempt) {
      try {
        return Call(ctx_, stub_, method, request);
      } catch (const RpcFailure& e) {
        if (e.code() != grpc::StatusCode::RESOURCE_EXHAUSTED || attempt == kBusyRetries)
          throw StepFailure{std::string(step), e};
        std::this_thread::sleep_for(std::chrono::milliseconds(100) * (1 << attempt));
      }
    }
  }
  static constexpr int kBusyRetries = 6;

  void File() {
    regpb::FileCommunityOrganizationRequest request;
    *request.mutable_profile() = record_.profile;
    request.set_legal_representative_id_number(record_.legal_representative_id_number);
    Step("file", &RegStub::FileCommunityOrganization, request);
  }

  regpb::Application Submit(regpb::ApplicationStage stage) {
    regpb::SubmitApplicationRequest request;
    *request.mutable_profile() = record_.profile;
    request.set_legal_representative_id_number(record_.legal_representative_id_number);
    request.set_stage(stage);
    return Step("submit", &RegStub::SubmitApplication, request).application();
  }

  regpb::ApproveApplicationResponse Approve(std::string_view step,
                                            const regpb::Application& application) {
    regpb::ApproveApplicationRequest request;
    request.set_application_id(application.id());
    request.set_version(application.version());
    return Step(step, &RegStub::ApproveApplication, request);
  }

  // The joint review of the responsible persons (REG-20): opened on the application, every
  // department answers 无异议, concluded PASSED.
  regpb::ReviewCase Review(const std::string& application_id) {
    regpb::OpenReviewRequest open;
    open.set_subject_id(application_id);
    open.set_trigger(regpb::REVIEW_TRIGGER_ESTABLISHMENT);
    for (const auto& nominee : record_.nominees) *open.add_nominees() = nominee;
    regpb::ReviewCase review = Step("review", &RegStub::OpenReview, open);
    for (int i = 0; i < review.opinions_size(); ++i) {
      if (review.opinions(i).opinion() != regpb::OPINION_PENDING) continue;
      regpb::RecordOpinionRequest opinion;
      opinion.set_review_id(review.id());
      opinion.set_version(review.version());
      opinion.set_department(review.opinions(i).department());
      opinion.set_opinion(regpb::OPINION_NO_OBJECTION);
      review = Step("opinion-" + std::to_string(i), &RegStub::RecordOpinion, opinion);
    }
    if (review.status() != regpb::REVIEW_STATUS_OPEN) return review;
    regpb::ConcludeReviewRequest conclude;
    conclude.set_review_id(review.id());
    conclude.set_version(review.version());
    return Step("conclude", &RegStub::ConcludeReview, conclude);
  }

  void Establish() {
    const regpb::Application application = Submit(regpb::APPLICATION_STAGE_ESTABLISHMENT);
    Review(application.id());
    Approve("approve", application);
  }

  // Social groups: preparation (筹备) approved, review, founding meeting, establishment (REG-04).
  void PrepareThenEstablish() {
    const regpb::Application submitted = Submit(regpb::APPLICATION_STAGE_PREPARATION);
    const regpb::Application prepared = Approve("approve-preparation", submitted).application();
    const regpb::ReviewCase review = Review(prepared.id());
    regpb::ApplyEstablishmentRequest request;
    request.set_application_id(prepared.id());
    request.set_version(prepared.version());
    // The meeting is held on the day of the preparation approval: never before it, never in the
    // future, and the same day on every re-run so the replayed request is identical.
    request.set_founding_meeting_on(ChinaDateOf(prepared.preparation_approved_at()));
    request.set_individual_members(record_.profile.individual_members());
    request.set_unit_members(record_.profile.unit_members());
    *request.mutable_funds() = record_.profile.funds();
    request.set_review_id(review.id());
    const regpb::Application established = Step("establish", &RegStub::ApplyEstablishment, request);
    Approve("approve", established);
  }

  const Context& ctx_;
  RegStub& stub_;
  const ImportRecord& record_;
  std::string first_step_;
};

// Failures that no later line can avoid: stop instead of printing the same error a thousand times.
bool Systemic(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::UNIMPLEMENTED:
      return true;
    default:
      return false;
  }
}

std::vector<ImportRecord> ReadImportFile(const std::string& path,
                                         const std::string& default_jurisdiction,
                                         std::ostream& err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<ImportRecord> records;
  int errors = 0;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    try {
      records.push_back(ParseImportLine(line, line_number, default_jurisdiction));
    } catch (const std::invalid_argument& e) {
      if (++errors <= 20) err << path << ":" << line_number << ": " << e.what() << "\n";
    }
  }
  // The whole file is checked before the first call, so a typo on line 900 does not leave an
  // import that stopped half-way.
  if (errors > 0) {
    throw std::runtime_error(std::to_string(errors) + " bad line(s) in " + path +
                             "; nothing imported");
  }
  return records;
}

struct ImportTally {
  std::mutex mu;
  std::map<regpb::OrgType, int64_t> imported;
  int64_t already_present = 0;
  int64_t failed = 0;
  int64_t done = 0;
};

class ImportRun {
 public:
  ImportRun(const Context& ctx, const std::vector<ImportRecord>& records)
      : ctx_(ctx), records_(records), progress_(ctx.err, ctx.err_is_terminal) {}

  int Run(int parallel) {
    std::vector<std::thread> workers;
    for (int i = 0; i < parallel; ++i) workers.emplace_back([this] { Work(); });
    for (std::thread& worker : workers) worker.join();
    return Finish();
  }

 private:
  void Work() {
    auto stub = RegistrationStub(ctx_);
    while (!stop_) {
      const size_t index = next_++;
      if (index >= records_.size()) return;
      ImportOne(*stub, records_[index]);
    }
  }

  void ImportOne(RegStub& stub, const ImportRecord& record) {
    try {
      const Outcome outcome = LineImporter(ctx_, stub, record).Run();
      std::lock_guard lock(tally_.mu);
      if (outcome == Outcome::kAlreadyPresent) {
        ++tally_.already_present;
      } else {
        ++tally_.imported[record.profile.org_type()];
      }
      Advance();
    } catch (const StepFailure& failure) {
      std::lock_guard lock(tally_.mu);
      ++tally_.failed;
      if (Systemic(failure.rpc.code())) stop_ = true;
      NoteLocked("error: line " + std::to_string(record.line) + " (" + record.profile.name() +
                 "): " + failure.step + ": " + failure.rpc.what());
      Advance();
    }
  }

  // With tally_.mu held.
  void Advance() {
    ++tally_.done;
    progress_.Update(tally_.done, static_cast<int64_t>(records_.size()));
  }

  void NoteLocked(const std::string& message) {
    if (ctx_.err_is_terminal) ctx_.err << "\r\033[K";  // clear the bar, print, the bar comes back
    ctx_.err << message << "\n";
  }

  int Finish() {
    std::string summary =
        "imported " + std::to_string(tally_.done - tally_.failed - tally_.already_present) + " (";
    bool first = true;
    for (const auto& [type, count] : tally_.imported) {
      summary += (first ? "" : ", ") + std::to_string(count) + " " + OrgTypeLabel(type);
      first = false;
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", progress_.Seconds());
    summary += std::string(first ? "none" : "") + "), " + std::to_string(tally_.already_present) +
               " already present, " + std::to_string(tally_.failed) + " failed, in " + seconds +
               " s";
    if (stop_) summary += "; stopped early, run the import again to resume";
    progress_.Finish(tally_.done, static_cast<int64_t>(records_.size()), summary);
    return tally_.failed == 0 && !stop_ ? kExitOk : kExitFailure;
  }

  const Context& ctx_;
  const std::vector<ImportRecord>& records_;
  Progress progress_;
  ImportTally tally_;
  std::atomic<size_t> next_{0};
  std::atomic<bool> stop_{false};
};

}  // namespace

int RegImport(const Context& ctx, const Config& flags) {
  const std::string& file = Required(flags, "file");
  const int parallel = static_cast<int>(flags.GetInt("parallel", 1, 16));
  const std::vector<ImportRecord> records =
      ReadImportFile(file, flags.Get("jurisdiction"), ctx.err);
  return ImportRun(ctx, records).Run(parallel);
}

}  // namespace socgov::ctl
