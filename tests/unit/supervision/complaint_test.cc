#include "supervision/domain/complaint.h"

#include <gtest/gtest.h>

#include <string>

namespace socgov::supervision {
namespace {

Date D(const char* s) { return *ParseDate(s); }

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

const Date kReceived = D("2026-03-02");

ComplaintInput Input(std::string id = "cmp-1") {
  ComplaintInput in;
  in.id = std::move(id);
  in.jurisdiction = "350211";
  in.channel = ComplaintChannel::kPhone;
  in.target_name = "集美区某某协会";
  in.responsible_person = "张某";
  in.place = "集美区杏林街道";
  in.propaganda_channel = "微信公众号";
  in.facts = "以协会名义向会员强制收取评比费";
  in.evidence = {"收费收据照片", "群聊截图"};
  return in;
}

ReporterInput Reporter1() { return ReporterInput{"李四", "13800000000", "", ""}; }

Complaint Received(std::string id = "cmp-1", Date on = kReceived) {
  auto r = ReceiveComplaint(Input(std::move(id)), std::nullopt, on);
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? r->complaint : Complaint{};
}

template <typename T>
void ExpectInvalid(const Result<T>& r, const std::string& field, const std::string& reason = "") {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(StartsWith(r.error().message, field + ": ")) << r.error().message;
  EXPECT_TRUE(Contains(r.error().message, reason)) << r.error().message;
}

template <typename T>
void ExpectRefused(const Result<T>& r, const std::string& state) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(StartsWith(r.error().message, "state " + state + ": ")) << r.error().message;
}

TEST(Complaint, Sec24IntakeKeepsTheReporterApartFromTheComplaint) {
  const auto intake = ReceiveComplaint(Input(), Reporter1(), kReceived);
  ASSERT_TRUE(intake.ok()) << intake.error().message;
  ASSERT_TRUE(intake->reporter);
  EXPECT_EQ(intake->reporter->name, "李四");
  EXPECT_EQ(intake->reporter->phone, "13800000000");
  const Complaint& c = intake->complaint;
  EXPECT_FALSE(c.anonymous);
  EXPECT_EQ(c.state, ComplaintState::kReceived);
  EXPECT_EQ(c.received_on, kReceived);
  EXPECT_EQ(c.version, 1);
  EXPECT_EQ(c.evidence.size(), 2u);
  // Nothing of the reporter's is in the complaint itself.
  for (const std::string* field :
       {&c.id, &c.target_name, &c.responsible_person, &c.place, &c.propaganda_channel, &c.facts}) {
    EXPECT_FALSE(Contains(*field, "李四"));
    EXPECT_FALSE(Contains(*field, "13800000000"));
  }
  const auto anonymous = ReceiveComplaint(Input(), std::nullopt, kReceived);
  EXPECT_TRUE(anonymous->complaint.anonymous);
  EXPECT_FALSE(anonymous->reporter);
}

TEST(Complaint, Sec24ReporterNeedsAWayToBeAnsweredAndIsNeverEchoed) {
  ExpectInvalid(ReceiveComplaint(Input(), ReporterInput{"李四", "", "", ""}, kReceived), "reporter",
                "phone, email or address");
  ReporterInput long_name = Reporter1();
  long_name.name = "李" + std::string(100, 'q');
  const auto r = ReceiveComplaint(Input(), long_name, kReceived);
  ExpectInvalid(r, "reporter.name", "at most 100");
  EXPECT_FALSE(Contains(r.error().message, "qqq"));
  EXPECT_FALSE(Contains(r.error().message, "李"));
}

TEST(Complaint, Sec24FactsRequiredAndCapped) {
  ComplaintInput in = Input();
  in.facts = " \t\xE3\x80\x80";  // blanks and an ideographic space only
  ExpectInvalid(ReceiveComplaint(in, std::nullopt, kReceived), "facts", "required");
  in.facts = std::string(kMaxComplaintFacts, 'f');
  EXPECT_TRUE(ReceiveComplaint(in, std::nullopt, kReceived).ok());
  // The cap counts characters, not bytes: 2000 Chinese characters are 6000 bytes and fit.
  in.facts.clear();
  for (std::size_t i = 0; i < kMaxComplaintFacts; ++i) in.facts += "违";
  EXPECT_TRUE(ReceiveComplaint(in, std::nullopt, kReceived).ok());
  in.facts += "违";
  const auto r = ReceiveComplaint(in, std::nullopt, kReceived);
  ExpectInvalid(r, "facts", "at most 2000 characters, got 2001");
  EXPECT_FALSE(Contains(r.error().message, "违"));
  in.facts = "\xFF\xFE";
  ExpectInvalid(ReceiveComplaint(in, std::nullopt, kReceived), "facts", "UTF-8");
}

TEST(Complaint, Sec24TargetByNameOrOrganizationId) {
  ComplaintInput in = Input();
  in.target_name = "";
  ExpectInvalid(ReceiveComplaint(in, std::nullopt, kReceived), "target_name", "required");
  in.target_organization_id = "51350211MJ0000001X";
  EXPECT_EQ(ReceiveComplaint(in, std::nullopt, kReceived)->complaint.target_organization_id,
            "51350211MJ0000001X");
  in.target_organization_id = "bad id";
  ExpectInvalid(ReceiveComplaint(in, std::nullopt, kReceived), "target_organization_id");
}

TEST(Complaint, Sec24EvidenceBoundedInCountAndLength) {
  ComplaintInput in = Input();
  in.evidence.assign(kMaxComplaintEvidenceItems, "照片");
  EXPECT_TRUE(ReceiveComplaint(in, std::nullopt, kReceived).ok());
  in.evidence.push_back("one more");
  ExpectInvalid(ReceiveComplaint(in, std::nullopt, kReceived), "evidence", "at most 20 items");
  in = Input();
  in.evidence = {"ok", std::string(501, 'e')};
  ExpectInvalid(ReceiveComplaint(in, std::nullopt, kReceived), "evidence[1]", "at most 500");
  in.evidence = {""};
  ExpectInvalid(ReceiveComplaint(in, std::nullopt, kReceived), "evidence[0]", "required");
}

TEST(Complaint, Sec24ClueThenCaseThenAnswer) {
  Complaint c = *TriageIntoClue(Received(), D("2026-03-03"));
  EXPECT_EQ(c.state, ComplaintState::kTriaged);
  EXPECT_EQ(*c.outcome, TriageOutcome::kClue);
  ExpectRefused(AnswerComplaint(c, "已立案", D("2026-03-04")), "TRIAGED");
  ExpectInvalid(LinkToCase(c, "", D("2026-03-04")), "case_id");
  c = *LinkToCase(c, "case-1", D("2026-03-04"));
  EXPECT_EQ(c.state, ComplaintState::kLinked);
  EXPECT_EQ(c.case_id, "case-1");
  ExpectInvalid(AnswerComplaint(c, "", D("2026-03-10")), "reply", "required");
  c = *AnswerComplaint(c, "已立案调查，结果将另行告知", D("2026-03-10"));
  EXPECT_EQ(c.state, ComplaintState::kAnswered);
  EXPECT_EQ(*c.answered_on, D("2026-03-10"));
  EXPECT_EQ(c.version, 4);
}

TEST(Complaint, Sec24DeclinedWithAReasonThenAnswered) {
  ExpectInvalid(DeclineComplaint(Received(), "", D("2026-03-03")), "reason");
  Complaint c = *DeclineComplaint(Received(), "不属于民政部门管辖", D("2026-03-03"));
  EXPECT_EQ(*c.outcome, TriageOutcome::kDeclined);
  EXPECT_EQ(c.decline_reason, "不属于民政部门管辖");
  ExpectRefused(LinkToCase(c, "case-1", D("2026-03-04")), "TRIAGED");
  EXPECT_EQ(AnswerComplaint(c, "建议向市场监管部门反映", D("2026-03-04"))->state,
            ComplaintState::kAnswered);
}

TEST(Complaint, Sec24EveryTransitionRefusesAWrongState) {
  const Complaint received = Received();
  const Complaint triaged = *TriageIntoClue(received, kReceived);
  const Complaint answered =
      *AnswerComplaint(*LinkToCase(triaged, "case-1", kReceived), "ok", kReceived);
  ExpectRefused(TriageIntoClue(triaged, kReceived), "TRIAGED");
  ExpectRefused(DeclineComplaint(answered, "x", kReceived), "ANSWERED");
  ExpectRefused(LinkToCase(received, "case-1", kReceived), "RECEIVED");
  ExpectRefused(AnswerComplaint(received, "x", kReceived), "RECEIVED");
  ExpectRefused(AnswerComplaint(answered, "x", kReceived), "ANSWERED");
}

TEST(Complaint, Sec24AnswerDeadlineFifteenDaysOverdueAsOfD) {
  const Complaint c = Received();  // 2026-03-02 → answer by 2026-03-17
  EXPECT_EQ(AnswerDeadline(c), D("2026-03-17"));
  EXPECT_TRUE(OverdueComplaints({c}, D("2026-03-17")).empty());
  EXPECT_EQ(OverdueComplaints({c}, D("2026-03-18")),
            (std::vector<OverdueComplaint>{{"cmp-1", D("2026-03-17"), 1}}));
  // Answered late on 03-20: overdue as of 03-19, not as of 03-20.
  const Complaint late =
      *AnswerComplaint(*DeclineComplaint(c, "x", D("2026-03-19")), "y", D("2026-03-20"));
  EXPECT_EQ(OverdueComplaints({late}, D("2026-03-19")).size(), 1u);
  EXPECT_TRUE(OverdueComplaints({late}, D("2026-03-20")).empty());
  // Received after D: not counted. The period is a setting.
  EXPECT_TRUE(OverdueComplaints({Received("cmp-2", D("2026-04-01"))}, D("2026-03-31")).empty());
  EXPECT_EQ(AnswerDeadline(c, 30), D("2026-04-01"));
  EXPECT_TRUE(OverdueComplaints({c}, D("2026-03-18"), 30).empty());
}

}  // namespace
}  // namespace socgov::supervision
