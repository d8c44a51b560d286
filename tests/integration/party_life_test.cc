// A party organization's life on the running service (issue 13 items 1, 4-6): term elections and
// meetings (PB-13, PB-06), instructors reaching organizations (PB-08 work coverage), major-decision
// participation (PB-12), activities, evaluations, awards and the counts viewers may read.
#include <algorithm>

#include "party_building_fixture.h"

namespace socgov::testing {
namespace {

class PartyLifeTest : public PartyBuildingTest {};

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(PartyLifeTest, Pb13Pb06TermElectionNeedsFourFifthsAndMeetingsAreOwedMonthly) {
  const auto org = Register("厦门市集美区换届测试服务中心", "te");
  auto branch = ActiveOrg("te", pv1::PARTY_ORG_TYPE_BRANCH, {org.id()}, 5);
  ASSERT_EQ(branch.state(), pv1::PARTY_ORG_STATE_ACTIVE);

  pv1::StartTermElectionRequest start;
  start.set_request_id("te-start");
  start.set_party_org_id(branch.id());
  start.set_version(branch.version());
  ASSERT_TRUE(Pb(&PbStub::StartTermElection, start, &branch).ok());
  EXPECT_EQ(branch.state(), pv1::PARTY_ORG_STATE_TERM_ELECTION);

  // PB-13: 3 of 5 present is below 4/5; refused and nothing changes.
  pv1::CompleteTermElectionRequest done;
  done.set_request_id("te-done-short");
  done.set_party_org_id(branch.id());
  done.set_version(branch.version());
  done.set_eligible(5);
  done.set_present(3);
  done.mutable_leadership()->set_secretary_person_id("P-te2");
  done.set_term_start("2029-01-01");
  done.set_term_end("2031-12-31");
  pv1::PartyOrganization po;
  auto st = Pb(&PbStub::CompleteTermElection, done, &po);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_TRUE(Has(st.error_message(), "PB-13")) << st.error_message();
  done.set_present(6);  // more present than eligible: bad input
  done.set_request_id("te-done-bad");
  st = Pb(&PbStub::CompleteTermElection, done, &po);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  EXPECT_TRUE(Has(st.error_message(), "present")) << st.error_message();
  done.set_present(4);  // 4 × 5 = 20 ≥ 5 × 4
  done.set_request_id("te-done");
  ASSERT_TRUE(Pb(&PbStub::CompleteTermElection, done, &branch).ok());
  EXPECT_EQ(branch.state(), pv1::PARTY_ORG_STATE_ACTIVE);
  EXPECT_EQ(branch.term_start(), "2029-01-01");
  EXPECT_EQ(branch.leadership().secretary_person_id(), "P-te2");

  // Meetings: a resolution passes with more than half of those entitled, not of those present.
  pb_clock_.SetDay("2029-04-15");
  pv1::RecordMeetingRequest meet;
  meet.set_request_id("mt-1");
  meet.set_party_org_id(branch.id());
  meet.set_kind(pv1::MEETING_KIND_RESOLUTION);
  meet.set_held_on("2029-01-20");
  meet.set_entitled(5);
  meet.set_present(4);
  meet.set_votes_for(2);  // 2 of 5 entitled: fails though 2 of 4 present is half
  meet.set_subject("年度工作计划");
  pv1::Meeting m;
  ASSERT_TRUE(Pb(&PbStub::RecordMeeting, meet, &m).ok());
  EXPECT_FALSE(m.passed());
  meet.set_request_id("mt-2");
  meet.set_votes_for(3);
  ASSERT_TRUE(Pb(&PbStub::RecordMeeting, meet, &m).ok());
  EXPECT_TRUE(m.passed());
  meet.set_request_id("mt-bad");
  meet.set_votes_for(5);  // more votes than members present
  st = Pb(&PbStub::RecordMeeting, meet, &m);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  EXPECT_TRUE(Has(st.error_message(), "votes_for")) << st.error_message();
  meet.set_request_id("mt-3");
  meet.set_kind(pv1::MEETING_KIND_ORGANIZATIONAL_LIFE);
  meet.set_votes_for(0);
  meet.set_held_on("2029-02-10");
  ASSERT_TRUE(Pb(&PbStub::RecordMeeting, meet, &m).ok());

  // PB-13: as of 2029-04-15, January and March had no organizational-life meeting.
  pv1::GetMeetingComplianceRequest cr;
  cr.set_party_org_id(branch.id());
  pv1::MeetingCompliance c;
  ASSERT_TRUE(Pb(&PbStub::GetMeetingCompliance, cr, &c).ok());
  EXPECT_EQ(c.active_since(), "2029-01-01");
  EXPECT_EQ(c.meetings(), 1);
  EXPECT_EQ(std::vector<std::string>(c.months_without_meeting().begin(),
                                     c.months_without_meeting().end()),
            (std::vector<std::string>{"2029-01", "2029-03"}));
  EXPECT_EQ(Pb(&PbStub::GetMeetingCompliance, cr, &c, "viewer").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(PartyLifeTest, Pb08InstructorsReachOrganizationsForWorkCoverageOnly) {
  std::vector<std::string> orgs;
  for (int i = 0; i < 4; ++i)
    orgs.push_back(Register("厦门市集美区指导员" + std::to_string(i + 1) + "号服务中心",
                            "in" + std::to_string(i))
                       .id());
  ActiveOrg("in", pv1::PARTY_ORG_TYPE_BRANCH, {orgs[0]}, 3);
  pv1::AppointInstructorRequest appoint;
  appoint.set_request_id("in-bad");
  appoint.set_name("陈指导");
  appoint.add_reached_organization_ids(orgs[1]);
  appoint.add_reached_organization_ids(orgs[1]);
  pv1::Instructor in;
  auto st = Pb(&PbStub::AppointInstructor, appoint, &in);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  EXPECT_TRUE(Has(st.error_message(), "reached_organization_ids")) << st.error_message();
  EXPECT_EQ(Keys("{pb}:instructor:*"), 0);
  appoint.set_request_id("in-1");
  appoint.clear_reached_organization_ids();
  appoint.add_reached_organization_ids(orgs[0]);  // covered already: counted once
  appoint.add_reached_organization_ids(orgs[1]);
  appoint.add_reached_organization_ids(orgs[2]);
  ASSERT_TRUE(Pb(&PbStub::AppointInstructor, appoint, &in).ok()) << st.error_message();
  auto cov = CoverageNow();
  EXPECT_EQ(cov.organization().numerator(), 1);
  EXPECT_EQ(cov.work().numerator(), 3);
  EXPECT_EQ(cov.work().denominator(), 4);
  pv1::EndInstructorRequest end;
  end.set_request_id("in-end");
  end.set_instructor_id(in.id());
  end.set_version(in.version());
  ASSERT_TRUE(Pb(&PbStub::EndInstructor, end, &in).ok());
  EXPECT_FALSE(in.ended_on().empty());
  cov = CoverageNow();
  EXPECT_EQ(cov.work().numerator(), 1);
  // Ended twice: a wrong state.
  end.set_request_id("in-end-2");
  end.set_version(in.version());
  st = Pb(&PbStub::EndInstructor, end, &in);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
}

TEST_F(PartyLifeTest, Pb12DisagreementOnAMajorMatterIsEscalatedAndExecutionFollowedUp) {
  const auto org = Register("厦门市集美区重大事项测试中心", "md");
  auto branch = ActiveOrg("md", pv1::PARTY_ORG_TYPE_BRANCH, {org.id()}, 4);
  const auto other = Register("厦门市集美区重大事项无关中心", "md2");

  pv1::RegisterMajorDecisionRequest reg;
  reg.set_request_id("md-bad");
  reg.set_organization_id(org.id());
  reg.set_party_org_id(branch.id());
  reg.set_major(true);
  reg.set_title("购置办公用房");
  reg.set_decision_meeting_on("2026-11-20");
  pv1::MajorDecision d;
  auto st = Pb(&PbStub::RegisterMajorDecision, reg, &d);  // no category
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  EXPECT_TRUE(Has(st.error_message(), "category")) << st.error_message();
  reg.set_category(pv1::MATTER_CATEGORY_ECONOMIC_ACTIVITY);
  reg.set_organization_id(other.id());  // a party organization that does not cover it
  st = Pb(&PbStub::RegisterMajorDecision, reg, &d);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_TRUE(Has(st.error_message(), "PB-12")) << st.error_message();
  EXPECT_EQ(Keys("{pb}:decision:*"), 0);
  reg.set_organization_id(org.id());
  reg.set_request_id("md-1");
  ASSERT_TRUE(Pb(&PbStub::RegisterMajorDecision, reg, &d).ok());
  EXPECT_EQ(d.state(), pv1::DECISION_STATE_REGISTERED);

  // Agreement needs all six; a disagreement needs a reason and, on a major matter, escalation.
  pv1::RecordDecisionOpinionRequest op;
  op.set_request_id("md-op-bad");
  op.set_decision_id(d.id());
  op.set_version(d.version());
  op.mutable_opinion()->set_form(pv1::PARTICIPATION_FORM_PRE_MEETING_STUDY);
  op.mutable_opinion()->set_agree(true);
  op.mutable_opinion()->set_on("2026-11-10");
  st = Pb(&PbStub::RecordDecisionOpinion, op, &d);
  ASSERT_FALSE(st.ok());
  EXPECT_TRUE(Has(st.error_message(), "PB-12") || Has(st.error_message(), "opinion"))
      << st.error_message();
  op.set_request_id("md-op");
  op.mutable_opinion()->set_agree(false);
  op.mutable_opinion()->set_reason("资金来源不明，违反章程规定");
  ASSERT_TRUE(Pb(&PbStub::RecordDecisionOpinion, op, &d).ok());
  EXPECT_EQ(d.state(), pv1::DECISION_STATE_ESCALATION_DUE);
  EXPECT_FALSE(d.escalation_due_by().empty());
  // Execution cannot start while the escalation is pending.
  pv1::StartDecisionExecutionRequest exec;
  exec.set_request_id("md-exec-early");
  exec.set_decision_id(d.id());
  exec.set_version(d.version());
  st = Pb(&PbStub::StartDecisionExecution, exec, &d);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_TRUE(Has(st.error_message(), "PB-12")) << st.error_message();
  // Escalated to the branch's higher organization (its parent); another is refused.
  pv1::EscalateMajorDecisionRequest esc;
  esc.set_request_id("md-esc-wrong");
  esc.set_decision_id(d.id());
  esc.set_version(d.version());
  esc.set_higher_party_org_id("SOMEWHERE-ELSE");
  st = Pb(&PbStub::EscalateMajorDecision, esc, &d);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  esc.set_request_id("md-esc");
  esc.set_higher_party_org_id("JM-SOC-COMMITTEE");
  ASSERT_TRUE(Pb(&PbStub::EscalateMajorDecision, esc, &d).ok());
  EXPECT_EQ(d.state(), pv1::DECISION_STATE_ESCALATED);
  pv1::ResolveDecisionEscalationRequest res;
  res.set_request_id("md-res");
  res.set_decision_id(d.id());
  res.set_version(d.version());
  res.set_objection_upheld(false);  // overruled: the matter proceeds
  ASSERT_TRUE(Pb(&PbStub::ResolveDecisionEscalation, res, &d).ok());
  EXPECT_EQ(d.state(), pv1::DECISION_STATE_AGREED);
  exec.set_request_id("md-exec");
  exec.set_version(d.version());
  ASSERT_TRUE(Pb(&PbStub::StartDecisionExecution, exec, &d).ok());
  pv1::RecordDecisionDeviationRequest dev;
  dev.set_request_id("md-dev");
  dev.set_decision_id(d.id());
  dev.set_version(d.version());
  dev.set_description("付款超出理事会批准金额");
  ASSERT_TRUE(Pb(&PbStub::RecordDecisionDeviation, dev, &d).ok());
  // Closing with a deviation open is refused.
  pv1::CloseMajorDecisionRequest close;
  close.set_request_id("md-close-early");
  close.set_decision_id(d.id());
  close.set_version(d.version());
  st = Pb(&PbStub::CloseMajorDecision, close, &d);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  pv1::ResolveDecisionDeviationRequest fix;
  fix.set_request_id("md-fix");
  fix.set_decision_id(d.id());
  fix.set_version(d.version());
  fix.set_index(0);
  fix.set_corrected(true);
  ASSERT_TRUE(Pb(&PbStub::ResolveDecisionDeviation, fix, &d).ok());
  close.set_request_id("md-close");
  close.set_version(d.version());
  ASSERT_TRUE(Pb(&PbStub::CloseMajorDecision, close, &d).ok());
  EXPECT_EQ(d.state(), pv1::DECISION_STATE_CLOSED);
  ASSERT_EQ(d.deviations_size(), 1);
  EXPECT_EQ(d.deviations(0).status(), "CORRECTED");
  // A replay of an earlier step answers what it answered, changing nothing.
  pv1::MajorDecision replay;
  ASSERT_TRUE(Pb(&PbStub::RecordDecisionDeviation, dev, &replay).ok());
  EXPECT_EQ(replay.state(), pv1::DECISION_STATE_EXECUTING);
  pv1::GetMajorDecisionRequest get;
  get.set_decision_id(d.id());
  ASSERT_TRUE(Pb(&PbStub::GetMajorDecision, get, &replay).ok());
  EXPECT_EQ(replay.state(), pv1::DECISION_STATE_CLOSED);
  pv1::ListMajorDecisionsRequest list;
  pv1::ListMajorDecisionsResponse listed;
  ASSERT_TRUE(Pb(&PbStub::ListMajorDecisions, list, &listed).ok());
  EXPECT_EQ(listed.decisions_size(), 1);
}

TEST_F(PartyLifeTest, Pb09ActivitiesEvaluationsAwardsAndTheCountsViewersRead) {
  std::vector<std::string> orgs;
  for (int i = 0; i < 3; ++i)
    orgs.push_back(Register("厦门市集美区和欣" + std::to_string(i + 1) + "号社工服务中心",
                            "ac" + std::to_string(i))
                       .id());
  // PB-09: registration records organization 0's articles with the party-building clause; the
  // fact reaches party building as registration's event.
  {
    pv1::GetSummaryRequest sr;
    pv1::Summary before;
    ASSERT_TRUE(Pb(&PbStub::GetSummary, sr, &before, "viewer").ok());
    EXPECT_EQ(before.charter_clause().numerator(), 0);
  }
  rv1::GetOrganizationRequest get_org;
  get_org.set_organization_id(orgs[0]);
  rv1::Organization o;
  ASSERT_TRUE(
      Call(&rv1::RegistrationService::Stub::GetOrganization, get_org, &o, Token("registrar")).ok());
  rv1::RecordArticlesRequest articles;
  articles.set_request_id("ac-articles");
  articles.set_organization_id(orgs[0]);
  articles.set_version(o.version());
  articles.set_approved_on("2026-11-27");
  articles.set_party_building_clause(true);
  articles.set_party_leading_organ("中共厦门市集美区社会组织综合委员会");
  articles.set_text_sha256(std::string(64, 'c'));
  auto st0 =
      Call(&rv1::RegistrationService::Stub::RecordArticles, articles, &o, Token("registrar"));
  ASSERT_TRUE(st0.ok()) << st0.error_message();
  ASSERT_TRUE(WaitFor(
      [&] {
        auto r = pool_->Acquire();
        return r->Command({"HGET", "{pb}:dir:org:" + orgs[0], "party_building_clause"}).str == "1";
      },
      seconds(20)));
  auto branch = ActiveOrg("ac", pv1::PARTY_ORG_TYPE_BRANCH, {orgs[0]}, 3);
  auto joint = ActiveOrg("ac-j", pv1::PARTY_ORG_TYPE_JOINT_BRANCH, {orgs[1], orgs[2]}, 3);
  pv1::AddMemberRequest add;
  add.set_kind(pv1::MEMBER_KIND_FORMAL);
  add.set_party_org_id(branch.id());
  pv1::PartyMember member;
  for (int i = 1; i <= 3; ++i) {
    add.set_request_id("ac-m" + std::to_string(i));
    add.set_id_number(IdNumber(100 + i));
    add.set_membership_transferred_in(i == 1);
    ASSERT_TRUE(Pb(&PbStub::AddMember, add, &member).ok());
  }

  pv1::RecordActivityRequest act;
  act.set_request_id("ac-bad");
  act.add_party_org_ids(branch.id());
  act.add_party_org_ids(joint.id());
  act.set_title("党课联上");
  act.set_participants(0);
  pv1::Activity a;
  auto st = Pb(&PbStub::RecordActivity, act, &a);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  EXPECT_TRUE(Has(st.error_message(), "participants")) << st.error_message();
  for (int i = 0; i < 3; ++i) {
    act.set_request_id("ac-" + std::to_string(i));
    act.set_participants(20 + i);
    act.set_brand(i < 2 ? "和方程" : "双融双促");
    ASSERT_TRUE(Pb(&PbStub::RecordActivity, act, &a).ok());
  }

  pv1::RecordEvaluationRequest ev;
  ev.set_request_id("ac-ev");
  ev.set_party_org_id(branch.id());
  ev.set_year(2026);
  ev.set_six_good(true);
  ev.set_evaluated_by("集美区社会组织综合党委");
  pv1::Evaluation e;
  ASSERT_TRUE(Pb(&PbStub::RecordEvaluation, ev, &e).ok());
  ev.set_request_id("ac-ev-2");  // the same organization and year again
  st = Pb(&PbStub::RecordEvaluation, ev, &e);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::ALREADY_EXISTS) << st.error_message();
  ev.set_request_id("ac-ev-future");
  ev.set_year(2999);
  st = Pb(&PbStub::RecordEvaluation, ev, &e);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();

  pv1::RecordAwardRequest aw;
  aw.set_request_id("ac-aw");
  aw.set_kind(pv1::AWARD_KIND_ADVANCED_PARTY_ORG);
  aw.set_party_org_id(branch.id());
  aw.set_year(2026);
  aw.set_awarded_by("集美区委");
  pv1::Award award;
  ASSERT_TRUE(Pb(&PbStub::RecordAward, aw, &award).ok());
  aw.set_request_id("ac-star");
  aw.set_kind(pv1::AWARD_KIND_STAR_MEMBER);
  aw.clear_party_org_id();
  aw.set_member_id_number(IdNumber(101));
  ASSERT_TRUE(Pb(&PbStub::RecordAward, aw, &award).ok());
  EXPECT_EQ(award.member_id_number_masked(), party_building::MaskIdNumber(IdNumber(101)));
  EXPECT_EQ(award.party_org_id(), branch.id());
  aw.set_request_id("ac-star-again");
  st = Pb(&PbStub::RecordAward, aw, &award);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::ALREADY_EXISTS) << st.error_message();
  EXPECT_FALSE(Has(st.error_message(), IdNumber(101))) << st.error_message();
  aw.set_request_id("ac-star-unknown");
  aw.set_member_id_number(IdNumber(999));
  st = Pb(&PbStub::RecordAward, aw, &award);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  EXPECT_FALSE(Has(st.error_message(), IdNumber(999))) << st.error_message();

  // The counts, as a viewer reads them.
  pv1::GetSummaryRequest sr;
  pv1::Summary s;
  ASSERT_TRUE(Pb(&PbStub::GetSummary, sr, &s, "viewer").ok());
  int branches = 0, joints = 0;
  for (const auto& t : s.party_organizations()) {
    if (t.type() == pv1::PARTY_ORG_TYPE_BRANCH) branches = t.count();
    if (t.type() == pv1::PARTY_ORG_TYPE_JOINT_BRANCH) joints = t.count();
  }
  EXPECT_EQ(branches, 1);
  EXPECT_EQ(joints, 1);
  EXPECT_EQ(s.formal_members(), 3);
  EXPECT_EQ(s.transferred_in(), 1);
  EXPECT_EQ(s.activities(), 3);
  EXPECT_EQ(s.activity_participants(), 20 + 21 + 22);
  EXPECT_EQ(s.brands(), 2);
  EXPECT_EQ(s.evaluations(), 1);
  EXPECT_EQ(s.six_good(), 1);
  EXPECT_EQ(s.advanced_party_org_awards(), 1);
  EXPECT_EQ(s.star_member_awards(), 1);
  EXPECT_EQ(s.coverage().organization().numerator(), 3);
  EXPECT_EQ(s.coverage().organization().denominator(), 3);
  EXPECT_EQ(s.charter_clause().denominator(), 3);
  EXPECT_EQ(s.charter_clause().numerator(), 1);  // PB-09: organization 0's articles
}

TEST_F(PartyLifeTest, Pb11DissolvingTheLastCoveringPartyOrganizationRepublishesRequiredMissing) {
  const auto org = Register("厦门市集美区覆盖变化测试中心", "rm");
  auto first = ActiveOrg("rm1", pv1::PARTY_ORG_TYPE_BRANCH, {org.id()}, 3);
  pv1::AddMemberRequest add;
  add.set_kind(pv1::MEMBER_KIND_FORMAL);
  add.set_party_org_id(first.id());
  add.set_works_at_organization_id(org.id());
  pv1::PartyMember member;
  for (int i = 1; i <= 3; ++i) {  // covered: the third formal member finds nothing missing
    add.set_request_id("rm-m" + std::to_string(i));
    add.set_id_number(IdNumber(200 + i));
    ASSERT_TRUE(Pb(&PbStub::AddMember, add, &member).ok());
  }
  auto dissolve = [&](pv1::PartyOrganization& po, const std::string& key) {
    pv1::DissolvePartyOrganizationRequest d;
    d.set_request_id("rm-dissolve-" + key);
    d.set_party_org_id(po.id());
    d.set_version(po.version());
    auto st = Pb(&PbStub::DissolvePartyOrganization, d, &po);
    ASSERT_TRUE(st.ok()) << st.error_message();
  };
  dissolve(first, "1");
  // Covered again, then uncovered again: a second fact with a higher sequence, so a version-gated
  // consumer (supervision) applies both.
  auto second = ActiveOrg("rm2", pv1::PARTY_ORG_TYPE_BRANCH, {org.id()}, 3);
  dissolve(second, "2");
  StreamWatcher events(nats_->url(), "pb-test-watch-rm", "PARTY_BUILDING");
  events.Start();
  auto missing = [&] {
    auto t = events.types();
    return std::count(t.begin(), t.end(), "cn.socgov.party_building.party_org.required_missing.v1");
  };
  ASSERT_TRUE(WaitFor([&] { return missing() == 2 && events.Settled(); }, seconds(20)))
      << pb_->log();
  std::vector<int64_t> sequences;
  for (const auto& e : events.order())
    if (e.type == "cn.socgov.party_building.party_org.required_missing.v1") {
      EXPECT_EQ(e.aggregate_id, org.id());
      sequences.push_back(e.sequence);
    }
  EXPECT_EQ(sequences, (std::vector<int64_t>{1, 2}));
}

}  // namespace
}  // namespace socgov::testing
