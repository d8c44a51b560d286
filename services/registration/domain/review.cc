#include "registration/domain/review.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "registration/domain/dates.h"
#include "registration/domain/id_number.h"
#include "registration/domain/text.h"

namespace socgov::registration {
namespace {

using std::chrono::days;

constexpr size_t kMaxNominees = 50;
constexpr size_t kMaxDepartments = 30;
constexpr int kMaxAnswerDays = 60;
// Subjects are credit codes (18) or application ids (UUIDs, 36); the cap only keeps junk out of
// the store's keys.
constexpr size_t kMaxSubjectIdLength = 64;
constexpr size_t kMaxCommentLength = 500;
// 任前公示 lasts at least five days, the first and last included.
constexpr int kMinPublicityExtraDays = 4;
constexpr int kMaxPublicityExtraDays = 30;

constexpr TextRule kNomineeNameRule{.min = 1, .max = 50, .single_line = true};
constexpr TextRule kPostRule{.min = 1, .max = 20, .single_line = true};
constexpr TextRule kDepartmentRule{.min = 1, .max = 50, .single_line = true};

// REG-21: a retired cadre may not be the legal representative; posts are free text such as
// "会长（法定代表人）", so the word anywhere in the post counts.
constexpr std::string_view kLegalRepPost = "法定代表人";

std::string Indexed(std::string_view base, size_t i) {
  return std::string(base) + "[" + std::to_string(i) + "]";
}

bool IsKnownTrigger(ReviewTrigger t) {
  switch (t) {
    case ReviewTrigger::kEstablishment:
    case ReviewTrigger::kReelection:
    case ReviewTrigger::kMidtermChange:
    case ReviewTrigger::kChange:
      return true;
    case ReviewTrigger::kUnspecified:
      break;
  }
  return false;
}

// Every transition starts from the version the caller saw (optimistic concurrency) and a state.
Status CheckVersion(const ReviewCase& review, int64_t expected_version) {
  if (expected_version == review.version) return std::nullopt;
  return Error::Aborted("review " + review.id + " is at version " + std::to_string(review.version) +
                        ", request had " + std::to_string(expected_version));
}

Status CheckState(const ReviewCase& review, ReviewStatus required, std::string_view act) {
  if (review.status == required) return std::nullopt;
  return Error::FailedPrecondition("review " + review.id + " is " + ToString(review.status) + "; " +
                                   std::string(act) + " while " + ToString(required) + " (REG-20)");
}

Status CheckTransition(const ReviewCase& review, int64_t expected_version, ReviewStatus required,
                       std::string_view act) {
  if (auto err = CheckVersion(review, expected_version)) return err;
  return CheckState(review, required, act);
}

Result<Nominee> CheckNominee(const NomineeInput& in, size_t i, TimePoint now) {
  const std::string field = Indexed("nominees", i);
  Nominee n;
  auto name = CheckText(field + ".name", in.name, kNomineeNameRule);
  if (!name) return name.error();
  n.person.name = std::move(name).value();

  // REG-22.
  auto id = ParseIdNumber(field + ".id_number", Trim(in.id_number), now);
  if (!id) return id.error();
  n.person.id_number = id->normalized;
  const std::chrono::year_month_day birth{
      std::chrono::year{id->birth_year}, std::chrono::month{static_cast<unsigned>(id->birth_month)},
      std::chrono::day{static_cast<unsigned>(id->birth_day)}};
  n.birth_date = FormatDate(Date{birth});

  auto post = CheckText(field + ".post", in.post, kPostRule);
  if (!post) return post.error();
  n.post = std::move(post).value();

  if (in.other_posts < 0)
    return Error::InvalidArgument(field + ".other_posts", "must not be negative");
  if (in.terms_served < 0) {
    return Error::InvalidArgument(field + ".terms_served", "must not be negative");
  }
  n.retired_cadre = in.retired_cadre;
  n.other_posts = in.other_posts;
  n.terms_served = in.terms_served;
  return n;
}

Result<std::vector<Nominee>> CheckNominees(const std::vector<NomineeInput>& in, TimePoint now) {
  if (in.empty()) return Error::InvalidArgument("nominees", "at least one nominee is required");
  if (in.size() > kMaxNominees) {
    return Error::InvalidArgument("nominees", "at most " + std::to_string(kMaxNominees) +
                                                  " nominees, got " + std::to_string(in.size()));
  }
  std::vector<Nominee> out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    auto n = CheckNominee(in[i], i, now);
    if (!n) return n.error();
    // Compared normalized, so a legacy 15-digit number and its 18-digit form are one person. The
    // number itself stays out of the message: errors end up in logs.
    for (size_t j = 0; j < out.size(); ++j) {
      if (out[j].person.id_number == n->person.id_number) {
        return Error::InvalidArgument(Indexed("nominees", i) + ".id_number",
                                      "same ID number as " + Indexed("nominees", j));
      }
    }
    out.push_back(std::move(n).value());
  }
  return out;
}

// REG-21 (中组发〔2014〕11号): limits on retired leading cadres serving in social organizations.
Status CheckRetiredCadre(const Nominee& n, size_t i, Date today) {
  if (!n.retired_cadre) return std::nullopt;
  const std::string who = "REG-21: " + Indexed("nominees", i) + " (" + n.person.name + ")";
  const int age = AgeOn(*ParseDate(n.birth_date), today);
  if (age > kRetiredCadreMaxAge) {
    return Error::FailedPrecondition(who + " is " + std::to_string(age) + " on " +
                                     FormatDate(today) + "; a retired cadre may serve until " +
                                     std::to_string(kRetiredCadreMaxAge));
  }
  if (n.other_posts + int64_t{1} > kRetiredCadreMaxPosts) {
    return Error::FailedPrecondition(who + " holds " + std::to_string(n.other_posts) +
                                     " other social-group post(s); a retired cadre may hold " +
                                     std::to_string(kRetiredCadreMaxPosts) + " in all");
  }
  if (n.terms_served + int64_t{1} > kRetiredCadreMaxTerms) {
    return Error::FailedPrecondition(who + " has served " + std::to_string(n.terms_served) +
                                     " term(s); a retired cadre may serve " +
                                     std::to_string(kRetiredCadreMaxTerms) + " terms in all");
  }
  if (n.post.find(kLegalRepPost) != std::string::npos) {
    return Error::FailedPrecondition(who + " is a retired cadre and may not be " +
                                     std::string(kLegalRepPost));
  }
  return std::nullopt;
}

Result<std::vector<std::string>> CheckDepartments(std::vector<std::string> in,
                                                  const RegistrySettings& settings) {
  if (in.empty()) in = settings.review_departments;
  if (in.empty()) {
    return Error::InvalidArgument("departments",
                                  "at least one department is required (none is configured)");
  }
  if (in.size() > kMaxDepartments) {
    return Error::InvalidArgument("departments", "at most " + std::to_string(kMaxDepartments) +
                                                     " departments, got " +
                                                     std::to_string(in.size()));
  }
  std::vector<std::string> out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    auto d = CheckText(Indexed("departments", i), in[i], kDepartmentRule);
    if (!d) return d.error();
    if (std::find(out.begin(), out.end(), *d) != out.end()) {
      return Error::InvalidArgument("departments", *d + " is listed more than once");
    }
    out.push_back(std::move(d).value());
  }
  return out;
}

Result<int> CheckAnswerDays(int answer_days, const RegistrySettings& settings) {
  if (answer_days == 0) return settings.review_answer_days;
  if (answer_days < 1 || answer_days > kMaxAnswerDays) {
    return Error::InvalidArgument("answer_days", "must be 1.." + std::to_string(kMaxAnswerDays) +
                                                     " days, or 0 for the default (" +
                                                     std::to_string(settings.review_answer_days) +
                                                     "), got " + std::to_string(answer_days));
  }
  return answer_days;
}

// Deadlines are written by OpenReview, so an unreadable one is a corrupt record, not bad input.
Result<Date> StoredDate(const ReviewCase& review, std::string_view what, const std::string& s) {
  if (auto d = ParseDate(s)) return *d;
  return Error::Internal("review " + review.id + " has an unreadable " + std::string(what) + " \"" +
                         s + "\"");
}

// A legacy 15-digit number or a lower-case x still names the same person as the stored form.
std::string NormalizedForMatch(std::string_view id) {
  id = Trim(id);
  if (id.size() == 15) {
    std::string n = std::string(id.substr(0, 6)) + "19" + std::string(id.substr(6));
    if (auto check = IdCheckDigit(n)) return n + *check;
    return std::string(id);
  }
  std::string n(id);
  if (n.size() == 18 && n.back() == 'x') n.back() = 'X';
  return n;
}

// The tail only: enough for a clerk to tell people apart, without putting the number in logs.
std::string IdTail(std::string_view id) {
  return std::string(id.size() > 4 ? id.substr(id.size() - 4) : id);
}

std::string TriggerList(const std::vector<ReviewTrigger>& triggers) {
  if (triggers.empty()) return "(none)";
  std::string out;
  for (size_t i = 0; i < triggers.size(); ++i) {
    if (i > 0) out += i + 1 == triggers.size() ? " or " : ", ";
    out += ToString(triggers[i]);
  }
  return out;
}

// CheckReviewAllows answers about a review id taken from the caller's request, so errors name
// that request field.
Error NotAllowed(std::string reason) {
  return Error::FailedPrecondition("review_id: REG-20: " + std::move(reason));
}

}  // namespace

Result<ReviewCase> OpenReview(std::string id, std::string subject_id, std::string jurisdiction,
                              ReviewTrigger trigger, const std::vector<NomineeInput>& nominees,
                              std::vector<std::string> departments, int answer_days,
                              const RegistrySettings& settings, const Actor& actor, TimePoint now) {
  if (id.empty()) return Error::InvalidArgument("id", "must not be empty");
  if (!IsKnownTrigger(trigger)) {
    return Error::InvalidArgument("trigger",
                                  "must be ESTABLISHMENT, REELECTION, MIDTERM_CHANGE or CHANGE");
  }
  auto subject = CheckText("subject_id", subject_id,
                           {.min = 1, .max = kMaxSubjectIdLength, .single_line = true});
  if (!subject) return subject.error();
  auto checked = CheckNominees(nominees, now);
  if (!checked) return checked.error();
  auto depts = CheckDepartments(std::move(departments), settings);
  if (!depts) return depts.error();
  auto days_to_answer = CheckAnswerDays(answer_days, settings);
  if (!days_to_answer) return days_to_answer.error();

  // Eligibility comes after the form of the request, so a clerk fixes typos before arguing rules.
  const Date today = ChinaDate(now);
  for (size_t i = 0; i < checked->size(); ++i) {
    if (auto err = CheckRetiredCadre((*checked)[i], i, today)) return *err;
  }

  ReviewCase out;
  out.id = std::move(id);
  out.subject_id = std::move(subject).value();
  out.jurisdiction = std::move(jurisdiction);
  out.trigger = trigger;
  out.nominees = std::move(checked).value();
  const std::string deadline = FormatDate(today + days{*days_to_answer});
  for (std::string& d : *depts) {
    DepartmentOpinion& o = out.opinions.emplace_back();
    o.department = std::move(d);
    o.deadline = deadline;
    o.opinion = Opinion::kPending;
  }
  out.status = ReviewStatus::kOpen;
  out.version = 1;
  out.opened_by = actor;
  out.opened_at = now;
  return out;
}

Result<ReviewCase> RecordOpinion(const ReviewCase& review, int64_t expected_version,
                                 const std::string& department, Opinion opinion,
                                 const std::string& comment, const Actor& actor, TimePoint now) {
  if (auto err = CheckTransition(review, expected_version, ReviewStatus::kOpen,
                                 "opinions can only be recorded")) {
    return *err;
  }
  if (opinion != Opinion::kNoObjection && opinion != Opinion::kObjection) {
    return Error::InvalidArgument("opinion", "must be NO_OBJECTION or OBJECTION");
  }
  const std::string_view text = Trim(comment);
  const std::optional<size_t> length = Utf8Length(text);
  if (!length) return Error::InvalidArgument("comment", "must be valid UTF-8");
  if (*length > kMaxCommentLength) {
    return Error::InvalidArgument("comment", "must be at most " +
                                                 std::to_string(kMaxCommentLength) +
                                                 " characters, got " + std::to_string(*length));
  }
  // An objection without reasons cannot be acted on or answered by the nominee.
  if (opinion == Opinion::kObjection && *length == 0) {
    return Error::InvalidArgument("comment", "required for an objection");
  }

  const std::string_view dept = Trim(department);
  if (dept.empty()) return Error::InvalidArgument("department", "must not be empty");
  const auto it = std::find_if(review.opinions.begin(), review.opinions.end(),
                               [&](const DepartmentOpinion& o) { return o.department == dept; });
  if (it == review.opinions.end()) {
    return Error::InvalidArgument(
        "department", std::string(dept) + " is not one of the departments of review " + review.id);
  }
  if (it->opinion != Opinion::kPending) {
    return Error::FailedPrecondition("review " + review.id + ": " + it->department +
                                     " already answered " + ToString(it->opinion) +
                                     "; an opinion cannot be changed (REG-20)");
  }

  ReviewCase out = review;
  DepartmentOpinion& o = out.opinions[static_cast<size_t>(it - review.opinions.begin())];
  o.opinion = opinion;
  o.comment = std::string(text);
  o.recorded_by = actor;
  o.recorded_at = now;
  out.version = review.version + 1;
  return out;
}

Result<ReviewCase> ConcludeReview(const ReviewCase& review, int64_t expected_version,
                                  const Actor& actor, TimePoint now) {
  if (auto err = CheckTransition(review, expected_version, ReviewStatus::kOpen,
                                 "a review can only be concluded")) {
    return *err;
  }
  const Date today = ChinaDate(now);
  std::string waiting;
  std::vector<size_t> lapsed;
  for (size_t i = 0; i < review.opinions.size(); ++i) {
    const DepartmentOpinion& o = review.opinions[i];
    if (o.opinion != Opinion::kPending) continue;
    auto deadline = StoredDate(review, "deadline", o.deadline);
    if (!deadline) return deadline.error();
    if (*deadline < today) {
      lapsed.push_back(i);
    } else {
      if (!waiting.empty()) waiting += ", ";
      waiting += o.department + " (until " + o.deadline + ")";
    }
  }
  if (!waiting.empty()) {
    return Error::FailedPrecondition("review " + review.id +
                                     " cannot be concluded yet: still within the deadline to "
                                     "answer: " +
                                     waiting + " (REG-20)");
  }

  ReviewCase out = review;
  // Silence past the deadline counts as no objection; who concluded is recorded as having noted
  // it.
  for (size_t i : lapsed) {
    out.opinions[i].opinion = Opinion::kLapsed;
    out.opinions[i].recorded_by = actor;
    out.opinions[i].recorded_at = now;
  }
  const bool objected =
      std::any_of(out.opinions.begin(), out.opinions.end(),
                  [](const DepartmentOpinion& o) { return o.opinion == Opinion::kObjection; });
  out.status = objected ? ReviewStatus::kFailed : ReviewStatus::kPassed;
  out.concluded_at = now;
  out.version = review.version + 1;
  return out;
}

Result<ReviewCase> PublishReview(const ReviewCase& review, int64_t expected_version,
                                 const std::string& from, const std::string& until,
                                 const Actor& /*actor*/, TimePoint now) {
  if (auto err = CheckTransition(review, expected_version, ReviewStatus::kPassed,
                                 "the publicity can only be started")) {
    return *err;
  }
  if (!review.publicity_from.empty()) {
    return Error::FailedPrecondition("review " + review.id + " was already published from " +
                                     review.publicity_from + " until " + review.publicity_until +
                                     " (REG-20)");
  }
  // The publicity comes before the appointment; once the result is filed it has no purpose.
  if (review.filed_at) {
    return Error::FailedPrecondition("review " + review.id +
                                     " has its result filed already; the publicity must come "
                                     "before the appointment (REG-20)");
  }
  auto first = ParseDateField("from", Trim(from));
  if (!first) return first.error();
  const Date today = ChinaDate(now);
  if (*first < today) {
    return Error::InvalidArgument(
        "from", "must not be before today " + FormatDate(today) + ", got " + FormatDate(*first));
  }
  auto last = ParseDateField("until", Trim(until));
  if (!last) return last.error();
  const Date earliest = *first + days{kMinPublicityExtraDays};
  const Date latest = *first + days{kMaxPublicityExtraDays};
  if (*last < earliest) {
    return Error::InvalidArgument("until", "the publicity lasts at least " +
                                               std::to_string(kMinPublicityExtraDays + 1) +
                                               " days, so until must be " + FormatDate(earliest) +
                                               " or later, got " + FormatDate(*last));
  }
  if (*last > latest) {
    return Error::InvalidArgument(
        "until", "must be at most " + std::to_string(kMaxPublicityExtraDays) +
                     " days after from (" + FormatDate(latest) + "), got " + FormatDate(*last));
  }

  ReviewCase out = review;
  out.publicity_from = FormatDate(*first);
  out.publicity_until = FormatDate(*last);
  out.version = review.version + 1;
  return out;
}

Result<ReviewCase> FileReviewResult(const ReviewCase& review, int64_t expected_version,
                                    const std::string& elected_on, const Actor& /*actor*/,
                                    TimePoint now) {
  if (auto err = CheckTransition(review, expected_version, ReviewStatus::kPassed,
                                 "a result can only be filed")) {
    return *err;
  }
  if (review.filed_at) {
    return Error::FailedPrecondition("review " + review.id + " already has its result filed (" +
                                     review.elected_on + ") (REG-20)");
  }
  auto elected = ParseDateField("elected_on", Trim(elected_on));
  if (!elected) return elected.error();
  const Date today = ChinaDate(now);
  if (*elected > today) {
    return Error::InvalidArgument("elected_on", "must not be after today " + FormatDate(today) +
                                                    ", got " + FormatDate(*elected));
  }
  if (!review.publicity_until.empty()) {
    auto until = StoredDate(review, "publicity_until", review.publicity_until);
    if (!until) return until.error();
    if (*elected <= *until) {
      return Error::InvalidArgument("elected_on", "must be after the publicity, which ends " +
                                                      review.publicity_until + ", got " +
                                                      FormatDate(*elected) + " (REG-20)");
    }
  }

  ReviewCase out = review;
  out.elected_on = FormatDate(*elected);
  out.filed_at = now;
  out.version = review.version + 1;
  return out;
}

Status CheckReviewAllows(const ReviewCase& review, const std::string& subject_id,
                         const std::vector<ReviewTrigger>& triggers,
                         const std::string& person_id_number) {
  if (review.status != ReviewStatus::kPassed) {
    return NotAllowed("review " + review.id + " is " + ToString(review.status) +
                      "; a passed joint review is required");
  }
  if (review.subject_id != subject_id) {
    return NotAllowed("review " + review.id + " is about " + review.subject_id + ", not " +
                      subject_id);
  }
  if (std::find(triggers.begin(), triggers.end(), review.trigger) == triggers.end()) {
    return NotAllowed("review " + review.id + " is for " + ToString(review.trigger) +
                      "; this act needs a review for " + TriggerList(triggers));
  }
  if (!person_id_number.empty()) {
    const std::string wanted = NormalizedForMatch(person_id_number);
    const bool found = std::any_of(review.nominees.begin(), review.nominees.end(),
                                   [&](const Nominee& n) { return n.person.id_number == wanted; });
    if (!found) {
      return NotAllowed("the person with ID number ending " + IdTail(wanted) +
                        " is not among the nominees of review " + review.id);
    }
  }
  return std::nullopt;
}

}  // namespace socgov::registration
