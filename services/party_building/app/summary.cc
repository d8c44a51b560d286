// The counts of a jurisdiction (issue 13: 一肩挑 and cross-appointment "recorded and counted",
// PB-09's charter clause, activities, evaluations and awards "as records the dashboard counts").
// Every figure is a count or a sum; the only ratios are numerator and denominator.
#include <map>
#include <set>

#include "party_building/app/party_work.h"
#include "party_building/app/support.h"
#include "party_building/app/views.h"
#include "party_building/domain/member.h"
#include "party_building/domain/obligations.h"
#include "platform/auth/scope.h"
#include "platform/directory/directory.h"

namespace socgov::party_building {

Result<v1::Summary> PartyWork::GetSummary(const auth::Principal& who,
                                          const v1::GetSummaryRequest& req) {
  const std::string jur = req.jurisdiction().empty() ? who.jurisdiction : req.jurisdiction();
  if (auto err = CheckRead(who, jur)) return *err;
  const Date today = ChinaDate(clock_.Now());
  if (req.year() != 0)
    if (auto err = CheckRecordYear("year", req.year(), today)) return *err;
  auto in = [&jur](const std::string& j) { return auth::JurisdictionCovers(jur, j); };
  v1::Summary out;
  out.set_jurisdiction(jur);

  auto links = AllLinks();
  if (!links.ok()) return links.error();
  std::map<int, int> by_type;
  std::vector<PartyOrganization> counted;
  for (const auto& s : links->orgs)
    if (Counts(s.org.state) && in(s.jurisdiction)) {
      ++by_type[int(s.org.type) + 1];
      counted.push_back(s.org);
    }
  for (const auto& b : links->branches)
    if (Counts(b.branch.state) && in(b.jurisdiction))
      ++by_type[v1::PARTY_ORG_TYPE_TEMPORARY_BRANCH];
  for (const auto& [type, n] : by_type) {
    auto* t = out.add_party_organizations();
    t->set_type(static_cast<v1::PartyOrgType>(type));
    t->set_count(n);
  }
  const LeadershipCounts lead = CountLeadership(counted);
  out.set_secretary_is_head(lead.secretary_is_head);
  out.set_with_cross_appointment(lead.with_cross_appointment);
  out.set_cross_appointed_people(lead.cross_appointed_people);
  for (const auto& i : links->instructors)
    if (i.value.Serving() && in(i.jurisdiction)) out.set_instructors(out.instructors() + 1);

  auto members = store_.AllMembers();
  if (!members.ok()) return members.error();
  std::vector<PartyMember> mine;
  for (const auto& m : *members)
    if (in(m.jurisdiction)) mine.push_back(m.member);
  const MemberCounts mc = CountMembers(mine);
  out.set_formal_members(mc.formal);
  out.set_probationary_members(mc.probationary);
  out.set_transferred_in(mc.transferred_in);

  // PB-09 over the organizations in scope, from registration's articles facts.
  std::vector<bool> clauses;
  for (const auto& e : directory_.List(jur, 0, 1'000'000))
    if (InScope(e)) clauses.push_back(e.party_building_clause);
  const Ratio clause = CharterClauseCoverage(clauses);
  out.mutable_charter_clause()->set_numerator(clause.numerator);
  out.mutable_charter_clause()->set_denominator(clause.denominator);

  v1::GetCoverageRequest coverage_req;
  coverage_req.set_jurisdiction(jur);
  auto coverage = GetCoverage(who, coverage_req);
  if (!coverage.ok()) return coverage.error();
  *out.mutable_coverage() = std::move(*coverage);

  auto activities = store_.AllActivities();
  if (!activities.ok()) return activities.error();
  std::set<std::string> brands;
  const auto year_of = [](Date d) { return int(std::chrono::year_month_day{d}.year()); };
  for (const auto& a : *activities)
    if (in(a.jurisdiction) && (req.year() == 0 || year_of(a.value.held_on) == req.year())) {
      out.set_activities(out.activities() + 1);
      out.set_activity_participants(out.activity_participants() + a.value.participants);
      if (!a.value.brand.empty()) brands.insert(a.value.brand);
    }
  out.set_brands(static_cast<std::int32_t>(brands.size()));

  auto evaluations = store_.AllEvaluations();
  if (!evaluations.ok()) return evaluations.error();
  for (const auto& e : *evaluations)
    if (in(e.jurisdiction) && (req.year() == 0 || e.value.year == req.year())) {
      out.set_evaluations(out.evaluations() + 1);
      if (e.value.six_good) out.set_six_good(out.six_good() + 1);
    }
  auto awards = store_.AllAwards();
  if (!awards.ok()) return awards.error();
  for (const auto& a : *awards)
    if (in(a.jurisdiction) && (req.year() == 0 || a.value.year == req.year())) {
      if (a.value.kind == AwardKind::kStarMember)
        out.set_star_member_awards(out.star_member_awards() + 1);
      else
        out.set_advanced_party_org_awards(out.advanced_party_org_awards() + 1);
    }

  auto decisions = store_.AllDecisions();
  if (!decisions.ok()) return decisions.error();
  for (const auto& d : *decisions)
    if (in(d.jurisdiction)) {
      out.set_major_decisions(out.major_decisions() + 1);
      if (d.value.escalated_on)
        out.set_major_decisions_escalated(out.major_decisions_escalated() + 1);
      if (EscalationOverdue(d.value, today))
        out.set_major_decisions_escalation_overdue(out.major_decisions_escalation_overdue() + 1);
    }
  return out;
}

}  // namespace socgov::party_building
