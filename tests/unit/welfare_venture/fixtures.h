// Shared builders for the welfare-venture unit tests: one valid round of Xinghua's kind (county-
// level city 321281, welfare-lottery money), a valid applicant and application, and helpers that
// walk a round or a project through its states with the real transitions.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "welfare_venture/domain/application.h"
#include "welfare_venture/domain/project.h"
#include "welfare_venture/domain/review.h"
#include "welfare_venture/domain/round.h"

namespace socgov::welfare_venture::testing {

inline Date D(const char* s) { return *ParseDate(s); }

inline constexpr Fen kYuan = 100;
inline const char* const kXinghua = "321281";

inline VentureRound RoundInput() {
  VentureRound r;
  r.id = "xh-2026";
  r.year = 2026;
  r.jurisdiction = kXinghua;
  r.organiser = "兴化市民政局";
  r.contractor = "兴化市社会组织联合会";
  r.fund_source = FundSource::kWelfareLottery;
  r.budget = {2'000'000 * kYuan, 1'800'000 * kYuan, 120'000 * kYuan, 80'000 * kYuan};
  r.categories = {Category::kElderly, Category::kDisabled, Category::kChildrenYouth};
  r.schedule.needs_survey = {D("2026-01-05"), D("2026-01-31")};
  r.schedule.call = {D("2026-02-10"), D("2026-03-10")};
  r.schedule.publicity_days = 7;
  r.scheme = DefaultScheme();
  return r;
}

inline VentureRound PlannedRound() { return *PlanRound(RoundInput()); }

// Walks a planned round forward to `target` on the fixture's days.
inline VentureRound Advance(VentureRound r, RoundState target) {
  struct Step {
    RoundState reached;
    Result<VentureRound> (*move)(VentureRound, Date);
    const char* on;
  };
  static constexpr Step kSteps[] = {
      {RoundState::kNeedsSurvey, &OpenNeedsSurvey, "2026-01-05"},
      {RoundState::kCallOpen, &OpenCall, "2026-02-10"},
      {RoundState::kCallClosed, &CloseCall, "2026-03-11"},
      {RoundState::kScreening, &StartScreening, "2026-03-12"},
      {RoundState::kExpertReview, &StartExpertReview, "2026-03-20"},
      {RoundState::kShortlistPublicity, &StartPublicity, "2026-04-01"},
  };
  for (const auto& s : kSteps) {
    if (r.state == target) return r;
    auto next = s.move(r, D(s.on));
    EXPECT_TRUE(next.ok()) << next.error().message;
    r = *next;
  }
  if (r.state == target) return r;
  r = *MarkAwarded(r, D("2026-04-08"), 0);
  if (r.state == target) return r;
  return *CloseRound(r, D("2027-03-31"));
}

inline ApplicantFacts Facts(const std::string& org_id = "org-1") {
  ApplicantFacts f;
  f.org_id = org_id;
  f.registered = true;
  f.status = OrgStatus::kActive;
  f.status_since = D("2019-06-01");
  f.jurisdiction = kXinghua;
  f.business_scope = {"elderly-care", "community-service", "disability-support"};
  f.has_premises = f.has_staff = f.has_qualifications = true;
  return f;
}

// A ¥300,000 grant on a ¥500,000 budget: exactly the 60 % of VC-04.
inline VentureApplication App(const std::string& id = "app-1",
                              const std::string& org_id = "org-1") {
  VentureApplication a;
  a.id = id;
  a.round_id = "xh-2026";
  a.org_id = org_id;
  a.category = Category::kElderly;
  a.title = "Home visits for elderly living alone";
  a.summary = "Weekly visits, meals and health checks for 200 elders in three towns";
  a.budget_fen = 500'000 * kYuan;
  a.self_raised_fen = 200'000 * kYuan;
  a.requested_grant_fen = 300'000 * kYuan;
  a.personnel_cost_fen = 60'000 * kYuan;
  a.service_area = kXinghua;
  a.beneficiary_area = kXinghua;
  a.beneficiaries = "elders living alone";
  a.planned_beneficiaries = 200;
  a.project_scope = {"elderly-care"};
  return a;
}

inline Contract StandardContract(Fen grant) {
  Contract c;
  c.number = "XH-2026-001";
  c.signed_on = D("2026-04-20");
  c.starts_on = D("2026-05-01");
  c.midterm_due_on = D("2026-08-31");
  c.ends_on = D("2026-12-31");
  const Fen first = grant / 2;
  const Fen second = grant * 3 / 10;
  c.tranches = {{first, TrancheGate::kContract, std::nullopt},
                {second, TrancheGate::kMidterm, std::nullopt},
                {grant - first - second, TrancheGate::kFinal, std::nullopt}};
  return c;
}

// A project of the awarded fixture round, AWARDED.
inline VentureProject AwardedProject(Fen grant = 300'000 * kYuan,
                                     Category category = Category::kElderly,
                                     const std::string& id = "prj-1") {
  const VentureRound round = Advance(PlannedRound(), RoundState::kAwarded);
  VentureApplication app = App("app-" + id);
  app.category = category;
  AwardLine line{app.id, app.org_id, 1, 9000, grant};
  return *OpenProject(round, line, app, id);
}

inline MidtermSubmission OnTimeMidterm() { return {D("2026-08-25"), D("2026-08-30"), true, true}; }

// A project in progress after tranche 1 (¥150,000 of ¥300,000 paid on the signing day).
inline VentureProject InProgress(Fen grant = 300'000 * kYuan) {
  VentureProject p = AwardedProject(grant);
  p = *SignContract(p, StandardContract(grant));
  p = *PayTranche(p, D("2026-04-20"));
  return *StartImplementation(p, D("2026-05-01"));
}

template <typename T>
const Error* ErrorOf(const Result<T>& r) {
  return r.ok() ? nullptr : &r.error();
}
inline const Error* ErrorOf(const Status& s) { return s ? &*s : nullptr; }

// A kFailedPrecondition starting "state <state>: <rule>".
template <typename R>
void ExpectRule(const R& r, const std::string& state, const std::string& rule) {
  const Error* e = ErrorOf(r);
  ASSERT_NE(e, nullptr) << "expected " << rule;
  EXPECT_EQ(e->code, ErrorCode::kFailedPrecondition) << e->message;
  EXPECT_EQ(e->message.rfind("state " + state + ": " + rule, 0), 0u) << e->message;
}

// A kInvalidArgument starting "<field>:".
template <typename R>
void ExpectInvalid(const R& r, const std::string& field) {
  const Error* e = ErrorOf(r);
  ASSERT_NE(e, nullptr) << "expected invalid " << field;
  EXPECT_EQ(e->code, ErrorCode::kInvalidArgument) << e->message;
  EXPECT_EQ(e->message.rfind(field + ":", 0), 0u) << e->message;
}

template <typename R>
std::string MessageOf(const R& r) {
  const Error* e = ErrorOf(r);
  return e ? e->message : "";
}

}  // namespace socgov::welfare_venture::testing
