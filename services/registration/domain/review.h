// The responsible-person joint review (负责人联审, REG-20/21/22; domain.md §2.3): a case per
// establishment, re-election, mid-term change or legal-representative change; each configured
// department answers by its deadline; no objection → PASSED, any objection → FAILED; then the
// pre-appointment publicity (任前公示) and the filing of the result ("一前一备、变更必备").
// Pure: ids, time and the actor are passed in. Every transition returns the case at version + 1.
#pragma once

#include <string>
#include <vector>

#include "platform/util/clock.h"
#include "platform/util/error.h"
#include "registration/domain/types.h"

namespace socgov::registration {

struct NomineeInput {
  std::string name;
  std::string id_number;  // full GB 11643 number as typed
  std::string post;
  bool retired_cadre = false;
  int32_t other_posts = 0;
  int32_t terms_served = 0;
};

// REG-21: limits for retired leading cadres.
inline constexpr int kRetiredCadreMaxAge = 70;
inline constexpr int kRetiredCadreMaxPosts = 1;  // in all, including this one
inline constexpr int kRetiredCadreMaxTerms = 2;  // in all, including the coming one

// Opens a case (OPEN, version 1). Validates before building anything:
//  - trigger known ("trigger"); subject_id non-empty ("subject_id");
//  - 1..50 nominees ("nominees"); each: name 1..50 characters, single line ("nominees[i].name");
//    ID number GB 11643, REG-22 ("nominees[i].id_number", normalized and stored with the derived
//    birth_date); post 1..20 characters ("nominees[i].post"); other_posts and terms_served ≥ 0;
//    the same ID number at most once;
//  - REG-21 for a retired cadre: age on ChinaDate(now) ≤ 70, other_posts + 1 ≤ 1,
//    terms_served + 1 ≤ 2, and not 法定代表人 — kFailedPrecondition naming REG-21, the nominee
//    and the fact (e.g. "REG-21: nominees[0] (张三) is 72 on 2026-11-28; a retired cadre may serve
//    until 70");
//  - departments: 1..30, each 1..50 characters, no duplicates ("departments"); an empty list means
//    settings.review_departments;
//  - answer_days: 0 means settings.review_answer_days, else 1..60 ("answer_days"); every opinion's
//    deadline = ChinaDate(now) + answer_days, opinion PENDING.
Result<ReviewCase> OpenReview(std::string id, std::string subject_id, std::string jurisdiction,
                              ReviewTrigger trigger, const std::vector<NomineeInput>& nominees,
                              std::vector<std::string> departments, int answer_days,
                              const RegistrySettings& settings, const Actor& actor, TimePoint now);

// kAborted when expected_version differs; kFailedPrecondition unless OPEN, when the department
// already answered, or the department is not one of the case's ("department" kInvalidArgument);
// opinion must be NO_OBJECTION or OBJECTION ("opinion"); comment ≤ 500 characters and required for
// an objection ("comment").
Result<ReviewCase> RecordOpinion(const ReviewCase& review, int64_t expected_version,
                                 const std::string& department, Opinion opinion,
                                 const std::string& comment, const Actor& actor, TimePoint now);

// OPEN only. Every department answered, or its deadline (inclusive) is before ChinaDate(now);
// otherwise kFailedPrecondition listing the departments still within their deadline. Unanswered
// past-deadline opinions become LAPSED (counted as no objection). Any OBJECTION → FAILED, else
// PASSED; concluded_at = now.
Result<ReviewCase> ConcludeReview(const ReviewCase& review, int64_t expected_version,
                                  const Actor& actor, TimePoint now);

// PASSED only and not yet published; from ≥ today, until ≥ from + 4 days (five days of
// publicity) and ≤ from + 30 days ("from", "until").
Result<ReviewCase> PublishReview(const ReviewCase& review, int64_t expected_version,
                                 const std::string& from, const std::string& until,
                                 const Actor& actor, TimePoint now);

// PASSED only, not yet filed; elected_on ≤ today ("elected_on"); when published, elected_on is
// after publicity_until (the publicity comes before the appointment). filed_at = now.
Result<ReviewCase> FileReviewResult(const ReviewCase& review, int64_t expected_version,
                                    const std::string& elected_on, const Actor& actor,
                                    TimePoint now);

// REG-20: whether `review` allows the act: PASSED, about `subject_id`, for one of `triggers`, and
// (when person_id_number is non-empty) with that person among the nominees. kFailedPrecondition
// naming REG-20 and what is missing; field is the request field holding the review id.
Status CheckReviewAllows(const ReviewCase& review, const std::string& subject_id,
                         const std::vector<ReviewTrigger>& triggers,
                         const std::string& person_id_number);

}  // namespace socgov::registration
