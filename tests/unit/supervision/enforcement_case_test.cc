#include "supervision/domain/enforcement_case.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace socgov::supervision {
namespace {

Date D(const char* s) { return *ParseDate(s); }

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

CaseSettings Settings() {
  CaseSettings s;
  s.jurisdiction = "350211";
  return s;
}

Case Must(Result<Case> r) {
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? std::move(r).value() : Case{};
}

void ExpectRefused(const Result<Case>& r, const std::string& state, const std::string& rule) {
  ASSERT_FALSE(r.ok()) << "expected a refusal in " << state;
  EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition) << r.error().message;
  EXPECT_TRUE(StartsWith(r.error().message, "state " + state + ": ")) << r.error().message;
  EXPECT_TRUE(Contains(r.error().message, rule)) << r.error().message;
}

void ExpectInvalid(const Result<Case>& r, const std::string& field, const std::string& reason) {
  ASSERT_FALSE(r.ok()) << "expected " << field << " to be refused";
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << r.error().message;
  EXPECT_TRUE(StartsWith(r.error().message, field + ": ")) << r.error().message;
  EXPECT_TRUE(Contains(r.error().message, reason)) << r.error().message;
}

Penalty Warning() {
  return Penalty{PenaltyType::kWarning, 0, {}, {}, "社会团体登记管理条例 第三十条"};
}
Penalty Amount(PenaltyType t, std::int64_t fen) { return Penalty{t, fen, {}, {}, ""}; }
Penalty Suspension(const char* from, const char* until) {
  return Penalty{PenaltyType::kSuspension, 0, D(from), D(until), ""};
}

ClueInput ClueFor(std::string organization_id, std::string jurisdiction = "350211") {
  ClueInput in;
  in.id = "case-1";
  in.target.organization_id = std::move(organization_id);
  in.target_jurisdiction = std::move(jurisdiction);
  in.source = CaseSource::kComplaint;
  in.source_ref = "cmp-1";
  in.summary = "以社团名义违规收费";
  return in;
}

// The path of one case, each step a day or more after the last:
// clue 2026-01-05, filed 01-10, notice 02-01 (statements until 02-08), review 02-09,
// decision 02-15, service 02-16 (fine due 03-03).
const Date kOpened = D("2026-01-05");
const Date kFiled = D("2026-01-10");
const Date kNotice = D("2026-02-01");
const Date kStatementDeadline = D("2026-02-08");
const Date kReviewDay = D("2026-02-09");
const Date kDecided = D("2026-02-15");
const Date kServed = D("2026-02-16");

Case Clue(ClueInput in = ClueFor("51350211MJ0000001X")) { return Must(OpenClue(in, kOpened)); }

FileInput Filing() {
  return FileInput{"集民罚字〔2026〕3号", {"insp-a", "insp-b"}, D("2025-12-01"), true, true};
}

Case PreCheck(Case c = Clue()) { return Must(StartPreCheck(std::move(c), kOpened)); }
Case Filed(Case c = PreCheck()) { return Must(File(std::move(c), Filing(), Settings(), kFiled)); }

Case With(Case c, RecordStage stage, Date on, RecordKind kind = RecordKind::kText) {
  return Must(AddRecord(std::move(c), RecordInput{stage, kind, "笔录", on}, on));
}

Case Investigating(Case c = Filed()) {
  return Must(StartInvestigation(With(std::move(c), RecordStage::kFiling, kFiled), kFiled));
}

NoticeInput NoticeOf(std::vector<Penalty> proposed, PenaltyContext findings = {}) {
  return NoticeInput{std::move(proposed), findings, kStatementDeadline};
}

Case NoticeSent(NoticeInput in = NoticeOf({Warning()}), Case c = Investigating()) {
  return Must(SendNotice(With(std::move(c), RecordStage::kInvestigation, kNotice), in, Settings(),
                         kNotice));
}

Case InReview(Case c = NoticeSent()) {
  return Must(SubmitForReview(std::move(c), {}, Settings(), kReviewDay));
}

Case Reviewed(Case c = InReview()) {
  c = With(std::move(c), RecordStage::kReview, kReviewDay);
  return Must(Review(std::move(c), ReviewInput{"legal-1", true, "事实清楚"}, kReviewDay));
}

Case Decided(DecisionInput in = DecisionInput{{Warning()}, std::nullopt, false},
             Case c = Reviewed()) {
  return Must(Decide(std::move(c), in, Settings(), kDecided));
}

Case Served(Case c = Decided()) {
  c = With(std::move(c), RecordStage::kDecision, kDecided);
  return Must(Serve(std::move(c), ServeInput{ServiceMethod::kDelivered, kServed}, kServed));
}

Case Executing(Case c = Served()) {
  return Must(StartExecution(With(std::move(c), RecordStage::kService, kServed), kServed));
}

// A case whose notice proposed confiscation of ¥1,000 turnover and a ¥1,000 fine.
Case FinedExecuting() {
  const PenaltyContext gains{100'000, 0, false, false};
  const std::vector<Penalty> fined{Amount(PenaltyType::kConfiscation, 100'000),
                                   Amount(PenaltyType::kFine, 100'000)};
  return Executing(Served(Decided({fined, std::nullopt, false},
                                  Reviewed(InReview(NoticeSent(NoticeOf(fined, gains)))))));
}

TEST(EnforcementCase, Enf03PathFromClueToClosedBumpsTheVersionEachStep) {
  Case c = Clue();
  EXPECT_EQ(c.state, CaseState::kClue);
  EXPECT_EQ(c.version, 1);
  EXPECT_EQ(c.opened_on, kOpened);
  c = Filed(PreCheck(std::move(c)));
  EXPECT_EQ(c.state, CaseState::kFiled);
  EXPECT_EQ(c.version, 3);
  EXPECT_EQ(c.case_no, "集民罚字〔2026〕3号");
  EXPECT_EQ(*c.filed_on, kFiled);
  c = Executing(Served(Decided()));
  EXPECT_EQ(c.state, CaseState::kExecuting);
  EXPECT_EQ(c.decision->penalties.size(), 1u);
  EXPECT_EQ(*c.served_on, kServed);
  c = With(std::move(c), RecordStage::kExecution, kServed);
  const std::int64_t before = c.version;
  c = Must(Close(std::move(c), {}, D("2026-02-20")));
  EXPECT_EQ(c.state, CaseState::kClosed);
  EXPECT_EQ(*c.closed_on, D("2026-02-20"));
  EXPECT_EQ(c.version, before + 1);
  EXPECT_EQ(CaseStateName(c.state), "CLOSED");
}

TEST(EnforcementCase, Enf01WrongJurisdictionIsDeclinedAndReportedNotFiled) {
  Case elsewhere = PreCheck(Clue(ClueFor("51350203MJ0000002Y", "350203")));
  ExpectRefused(File(elsewhere, Filing(), Settings(), kFiled), "PRE_CHECK", "ENF-01");
  ExpectInvalid(Decline(elsewhere, {"外区登记", "350211"}, Settings(), kFiled), "referred_to",
                "ENF-01 must be another registry");
  const Case declined = Must(Decline(elsewhere, {"外区登记", "350203"}, Settings(), kFiled));
  EXPECT_EQ(declined.state, CaseState::kDeclined);
  EXPECT_EQ(declined.referred_to, "350203");
  EXPECT_EQ(*declined.ended_on, kFiled);
  // A clue can be declined before any pre-check, too.
  EXPECT_EQ(Must(Decline(Clue(), {"无违法事实", ""}, Settings(), kOpened)).state,
            CaseState::kDeclined);
  ExpectInvalid(Decline(Clue(), {" ", ""}, Settings(), kOpened), "reason", "required");
}

TEST(EnforcementCase, Enf01FiledCaseTransfersToTheCompetentRegistry) {
  const Case t =
      Must(Transfer(Filed(), {"350203", "登记机关为思明区"}, Settings(), D("2026-01-12")));
  EXPECT_EQ(t.state, CaseState::kTransferred);
  EXPECT_EQ(t.target_jurisdiction, "350203");
  EXPECT_EQ(t.referred_to, "350203");
  ExpectInvalid(Transfer(Filed(), {"350211", "x"}, Settings(), kFiled), "to_jurisdiction",
                "ENF-01");
  ExpectInvalid(Transfer(Filed(), {"", "x"}, Settings(), kFiled), "to_jurisdiction", "required");
  ExpectRefused(Transfer(Investigating(), {"350203", "x"}, Settings(), kFiled), "INVESTIGATING",
                "ENF-01");
  // Nothing else happens to a transferred case.
  ExpectRefused(StartInvestigation(t, kFiled), "TRANSFERRED", "");
  ExpectRefused(AddRecord(t, {RecordStage::kFiling, RecordKind::kText, "x", kFiled}, kFiled),
                "TRANSFERRED", "ENF-02");
}

TEST(EnforcementCase, Enf02FilingNeedsTwoDistinctInvestigators) {
  FileInput in = Filing();
  in.investigators = {"insp-a"};
  ExpectInvalid(File(PreCheck(), in, Settings(), kFiled), "investigators", "ENF-02 at least 2");
  in.investigators = {"insp-a", "insp-a"};
  ExpectInvalid(File(PreCheck(), in, Settings(), kFiled), "investigators[1]", "repeated");
  in.investigators = {"insp-a", ""};
  ExpectInvalid(File(PreCheck(), in, Settings(), kFiled), "investigators[1]", "required");
  in.investigators = {};
  ExpectInvalid(File(PreCheck(), in, Settings(), kFiled), "investigators", "ENF-02");
  in.investigators = {"insp-a", "insp-b", "insp-c"};
  EXPECT_EQ(Must(File(PreCheck(), in, Settings(), kFiled)).investigators.size(), 3u);
}

TEST(EnforcementCase, Enf03FilingNeedsFactsAndAWarrantedPenalty) {
  FileInput in = Filing();
  in.facts_established = false;
  ExpectRefused(File(PreCheck(), in, Settings(), kFiled), "PRE_CHECK", "ENF-03");
  in = Filing();
  in.penalty_warranted = false;
  ExpectRefused(File(PreCheck(), in, Settings(), kFiled), "PRE_CHECK", "ENF-03");
  in = Filing();
  in.violation_on = kOpened + std::chrono::days{1};
  ExpectInvalid(File(PreCheck(), in, Settings(), kFiled), "violation_on", "after the clue");
  in = Filing();
  in.case_no = "";
  ExpectInvalid(File(PreCheck(), in, Settings(), kFiled), "case_no", "required");
}

TEST(EnforcementCase, Enf03LimitationTwoYearsInclusiveAndASetting) {
  FileInput in = Filing();
  in.violation_on = D("2024-01-05");  // discovered 2026-01-05: exactly two years
  EXPECT_TRUE(File(PreCheck(), in, Settings(), kFiled).ok());
  in.violation_on = D("2024-01-04");
  ExpectRefused(File(PreCheck(), in, Settings(), kFiled), "PRE_CHECK", "ENF-03");
  CaseSettings longer = Settings();
  longer.limitation_years = 5;  // e.g. 行政处罚法 Art 36's longer period where a law sets one
  EXPECT_TRUE(File(PreCheck(), in, longer, kFiled).ok());
}

TEST(EnforcementCase, Enf02EachStageIsRecordedBeforeTheCaseLeavesIt) {
  ExpectRefused(StartInvestigation(Filed(), kFiled), "FILED", "ENF-02 no FILING record");
  ExpectRefused(SendNotice(Investigating(), NoticeOf({Warning()}), Settings(), kNotice),
                "INVESTIGATING", "ENF-02 no INVESTIGATION record");
  Case review = Must(Review(InReview(), {"legal-1", true, "ok"}, kReviewDay));
  ExpectRefused(Decide(review, {{Warning()}, std::nullopt, false}, Settings(), kDecided), "REVIEW",
                "ENF-02 no REVIEW record");
  ExpectRefused(Serve(Decided(), {ServiceMethod::kDelivered, kServed}, kServed), "DECIDED",
                "ENF-02 no DECISION record");
  ExpectRefused(StartExecution(Served(), kServed), "SERVED", "ENF-02 no SERVICE record");
  ExpectRefused(Close(Executing(), {}, kServed), "EXECUTING", "ENF-02 no EXECUTION record");
}

TEST(EnforcementCase, Enf02RecordsForReachedStagesOnlyDatedWithinTheCase) {
  const Case inv = Investigating();
  ExpectInvalid(AddRecord(inv, {RecordStage::kService, RecordKind::kText, "x", kNotice}, kNotice),
                "stage", "ENF-02 the case has not reached SERVICE");
  ExpectInvalid(AddRecord(inv, {RecordStage::kFiling, RecordKind::kText, "x", kNotice}, kFiled),
                "recorded_on", "after today");
  ExpectInvalid(
      AddRecord(inv, {RecordStage::kFiling, RecordKind::kText, "x", D("2026-01-04")}, kNotice),
      "recorded_on", "before the case was opened");
  ExpectInvalid(AddRecord(inv, {RecordStage::kFiling, RecordKind::kText, "", kNotice}, kNotice),
                "description", "required");
  ExpectInvalid(
      AddRecord(inv, {RecordStage::kFiling, RecordKind::kText, std::string(1001, 'x'), kNotice},
                kNotice),
      "description", "at most 1000");
  // An earlier stage may be supplemented later, on audio-video too.
  const Case more = With(inv, RecordStage::kFiling, kNotice, RecordKind::kAudioVideo);
  EXPECT_EQ(more.records.back().kind, RecordKind::kAudioVideo);
  EXPECT_EQ(more.version, inv.version + 1);
  ExpectRefused(
      AddRecord(PreCheck(), {RecordStage::kFiling, RecordKind::kText, "x", kOpened}, kOpened),
      "PRE_CHECK", "ENF-02");
  Case closed = Must(Close(With(Executing(), RecordStage::kExecution, kServed), {}, kServed));
  ExpectRefused(
      AddRecord(closed, {RecordStage::kExecution, RecordKind::kText, "x", kServed}, kServed),
      "CLOSED", "ENF-02");
}

TEST(EnforcementCase, Art63HearingOnlyForHeavyPenaltiesRequestedWithinFiveDays) {
  ExpectRefused(RequestHearing(NoticeSent(), Settings(), kNotice), "NOTICE_SENT",
                "Art 63 the proposed penalties give no hearing right");
  const Case heavy = NoticeSent(NoticeOf({Warning(), Suspension("2026-03-01", "2026-05-31")}));
  EXPECT_TRUE(heavy.notice->hearing_right);
  ExpectRefused(RequestHearing(heavy, Settings(), D("2026-02-07")), "NOTICE_SENT",
                "Art 64 a hearing is requested within 5 days");
  const Case hearing = Must(RequestHearing(heavy, Settings(), D("2026-02-06")));
  EXPECT_EQ(hearing.state, CaseState::kHearing);
  EXPECT_TRUE(hearing.notice->hearing_requested);
  EXPECT_EQ(*hearing.notice->hearing_requested_on, D("2026-02-06"));
}

TEST(EnforcementCase, Art64HearingPresidedOverByANonInvestigatorLeadsToReview) {
  const Case hearing = Must(RequestHearing(
      NoticeSent(NoticeOf({Amount(PenaltyType::kRevocation, 0)})), Settings(), kNotice));
  ExpectInvalid(RecordHearing(hearing, {"insp-b", "听证笔录"}, D("2026-02-10")), "presided_by",
                "Art 64 must not be an investigator");
  ExpectInvalid(RecordHearing(hearing, {"chair-1", ""}, D("2026-02-10")), "summary", "required");
  const Case review = Must(RecordHearing(hearing, {"chair-1", "听证笔录"}, D("2026-02-10")));
  EXPECT_EQ(review.state, CaseState::kReview);
  EXPECT_EQ(review.hearing->presided_by, "chair-1");
  EXPECT_EQ(review.hearing->held_on, D("2026-02-10"));
}

TEST(EnforcementCase, Art44ReviewWaitsForThePartysRightsUnlessWaived) {
  ExpectRefused(SubmitForReview(NoticeSent(), {}, Settings(), kStatementDeadline), "NOTICE_SENT",
                "statement period is still running");
  EXPECT_TRUE(SubmitForReview(NoticeSent(), {}, Settings(), kReviewDay).ok());
  const Case waived = Must(SubmitForReview(NoticeSent(), {true}, Settings(), kNotice));
  EXPECT_TRUE(waived.notice->rights_waived);
  // With a hearing right the 5-day request period counts too, even after statements closed.
  NoticeInput short_statement = NoticeOf({Amount(PenaltyType::kRevocation, 0)});
  short_statement.statement_deadline = D("2026-02-03");
  const Case heavy = NoticeSent(short_statement);
  ExpectRefused(SubmitForReview(heavy, {}, Settings(), D("2026-02-06")), "NOTICE_SENT",
                "hearing request period is still running");
  EXPECT_TRUE(SubmitForReview(heavy, {}, Settings(), D("2026-02-07")).ok());
}

TEST(EnforcementCase, Art44StatementsUntilTheDeadline) {
  const Case one = Must(RecordStatement(NoticeSent(), {"已整改"}, kStatementDeadline));
  ASSERT_EQ(one.statements.size(), 1u);
  EXPECT_EQ(one.statements[0].made_on, kStatementDeadline);
  EXPECT_EQ(one.state, CaseState::kNoticeSent);
  ExpectRefused(RecordStatement(NoticeSent(), {"迟到"}, kReviewDay), "NOTICE_SENT",
                "statement deadline has passed");
  ExpectInvalid(SendNotice(With(Investigating(), RecordStage::kInvestigation, kNotice),
                           NoticeInput{{Warning()}, {}, kNotice}, Settings(), kNotice),
                "statement_deadline", "after the notice");
}

TEST(EnforcementCase, Art58DecisionNeedsAPassedReviewByANonInvestigator) {
  Case review = With(InReview(), RecordStage::kReview, kReviewDay);
  ExpectInvalid(Review(review, {"insp-a", true, "ok"}, kReviewDay), "reviewer",
                "not be an investigator");
  Case failed = Must(Review(review, {"legal-1", false, "证据不足"}, kReviewDay));
  EXPECT_EQ(failed.state, CaseState::kReview);
  ExpectRefused(Decide(failed, {{Warning()}, std::nullopt, false}, Settings(), kDecided), "REVIEW",
                "legal review");
  Case passed = Must(Review(failed, {"legal-1", true, "补正后通过"}, kDecided));
  EXPECT_EQ(Must(Decide(passed, {{Warning()}, std::nullopt, false}, Settings(), kDecided)).state,
            CaseState::kDecided);
}

TEST(EnforcementCase, Enf04Enf05DecisionWithinTheLawAndNoHeavierThanTheNotice) {
  const PenaltyContext gains{100'000, 0, false, false};
  const std::vector<Penalty> proposed{Amount(PenaltyType::kConfiscation, 100'000),
                                      Amount(PenaltyType::kFine, 200'000)};
  const Case review = Reviewed(InReview(NoticeSent(NoticeOf(proposed, gains))));
  EXPECT_EQ(review.findings.illegal_turnover_fen, 100'000);
  // The notice's bounds travel with the case: 3× turnover is the most.
  ExpectInvalid(
      Decide(review,
             {{Amount(PenaltyType::kConfiscation, 100'000), Amount(PenaltyType::kFine, 300'001)},
              std::nullopt,
              false},
             Settings(), kDecided),
      "penalties[1].amount_fen", "ENF-05");
  ExpectInvalid(
      Decide(review,
             {{Amount(PenaltyType::kConfiscation, 100'000), Amount(PenaltyType::kFine, 250'000)},
              std::nullopt,
              false},
             Settings(), kDecided),
      "penalties[1].amount_fen", "Art 45");
  ExpectInvalid(Decide(review, {{Warning()}, std::nullopt, false}, Settings(), kDecided),
                "penalties[0]", "Art 45 the notice did not propose a warning");
  ExpectInvalid(Decide(review, {{}, std::nullopt, false}, Settings(), kDecided), "penalties",
                "ENF-12");
  const Case lighter = Must(
      Decide(review,
             {{Amount(PenaltyType::kConfiscation, 100'000), Amount(PenaltyType::kFine, 150'000)},
              std::nullopt,
              false},
             Settings(), kDecided));
  EXPECT_EQ(lighter.decision->decided_on, kDecided);
  EXPECT_EQ(lighter.decision->penalties[1].amount_fen, 150'000);
  ExpectInvalid(SendNotice(With(Investigating(), RecordStage::kInvestigation, kNotice),
                           NoticeOf({Amount(PenaltyType::kFine, 100)}), Settings(), kNotice),
                "penalties[0].type", "ENF-05");
}

NonPunishment AllMet() { return NonPunishment{true, true, true, true, "首次轻微违法并及时改正"}; }

TEST(EnforcementCase, Enf12NonPunishmentNeedsEveryConditionAndNoIllegalIncome) {
  const Case review = Reviewed(InReview(NoticeSent(NoticeOf({}))));
  auto decide = [&](NonPunishment np, std::vector<Penalty> ps = {}) {
    return Decide(review, {std::move(ps), np, false}, Settings(), kDecided);
  };
  for (int missing = 0; missing < 4; ++missing) {
    NonPunishment np = AllMet();
    bool* flags[] = {&np.first_offence, &np.minor, &np.corrected_in_time, &np.no_harm};
    *flags[missing] = false;
    ExpectRefused(decide(np), "REVIEW", "ENF-12 non-punishment needs");
  }
  NonPunishment no_reason = AllMet();
  no_reason.reason = "";
  ExpectInvalid(decide(no_reason), "non_punishment.reason", "required");
  ExpectInvalid(decide(AllMet(), {Warning()}), "penalties", "ENF-12 a non-punishment decision");

  const Case with_income =
      Reviewed(InReview(NoticeSent(NoticeOf({}, PenaltyContext{0, 1, false, false}))));
  ExpectRefused(Decide(with_income, {{}, AllMet(), false}, Settings(), kDecided), "REVIEW",
                "ENF-12 non-punishment needs no illegal income");

  const Case decided = Must(decide(AllMet()));
  EXPECT_TRUE(decided.decision->non_punishment);
  EXPECT_EQ(decided.decision->non_punishment_reason, "首次轻微违法并及时改正");
  EXPECT_TRUE(decided.decision->penalties.empty());
  EXPECT_TRUE(CaseCreditEvents(decided).empty());
  // Nothing to execute: served, then closed.
  const Case served = Served(decided);
  ExpectRefused(StartExecution(served, kServed), "SERVED", "ENF-12");
  ExpectRefused(Close(served, {}, kServed), "SERVED", "ENF-02 no SERVICE record");
  EXPECT_EQ(Must(Close(With(served, RecordStage::kService, kServed), {}, kServed)).state,
            CaseState::kClosed);
}

TEST(EnforcementCase, Enf06ServedOnTheSpotOrWithinSevenDaysAndLateServiceReported) {
  const Case decided = With(Decided(), RecordStage::kDecision, kDecided);
  ExpectInvalid(Serve(decided, {ServiceMethod::kOnTheSpot, kServed}, kServed), "served_on",
                "ENF-06 on the spot");
  EXPECT_TRUE(Serve(decided, {ServiceMethod::kOnTheSpot, kDecided}, kDecided).ok());
  ExpectInvalid(Serve(decided, {ServiceMethod::kDelivered, D("2026-02-14")}, kServed), "served_on",
                "before the decision");
  ExpectInvalid(Serve(decided, {ServiceMethod::kDelivered, kServed}, kDecided), "served_on",
                "after today");

  const CaseSettings s = Settings();
  EXPECT_EQ(*ServiceDeadline(decided, s), D("2026-02-22"));
  EXPECT_TRUE(OverdueServices({decided}, s, D("2026-02-22")).empty());
  EXPECT_EQ(OverdueServices({decided}, s, D("2026-02-23")),
            (std::vector<OverdueCase>{{"case-1", D("2026-02-22"), 1}}));
  // Served on the 7th day: never overdue. Served on the 10th: overdue as of the days before it.
  const Case in_time = Must(
      Serve(decided, {ServiceMethod::kDelivered, D("2026-02-22")}, kServed + std::chrono::days{6}));
  EXPECT_TRUE(OverdueServices({in_time}, s, D("2026-03-31")).empty());
  const Case late =
      Must(Serve(decided, {ServiceMethod::kDelivered, D("2026-02-25")}, D("2026-02-25")));
  EXPECT_EQ(OverdueServices({late}, s, D("2026-02-24")).size(), 1u);
  EXPECT_TRUE(OverdueServices({late}, s, D("2026-02-25")).empty());
  // Undecided cases have no service deadline.
  EXPECT_TRUE(OverdueServices({Reviewed()}, s, D("2027-01-01")).empty());
}

TEST(EnforcementCase, Enf11DecisionWithin90DaysOfFilingOverdueAsOfD) {
  const CaseSettings s = Settings();
  const Case pending = Reviewed();  // filed 2026-01-10
  EXPECT_EQ(*DecisionDeadline(pending, s, kFiled), D("2026-04-10"));
  EXPECT_FALSE(DecisionDeadline(PreCheck(), s, kFiled));
  EXPECT_TRUE(OverdueDecisions({pending}, s, D("2026-04-10")).empty());
  EXPECT_EQ(OverdueDecisions({pending}, s, D("2026-04-11")),
            (std::vector<OverdueCase>{{"case-1", D("2026-04-10"), 1}}));
  // Decided late on 04-20: pending (so overdue) as of 04-15, not as of 04-20.
  const Case late = Must(Decide(pending, {{Warning()}, std::nullopt, false}, s, D("2026-04-20")));
  EXPECT_EQ(OverdueDecisions({late}, s, D("2026-04-15")).size(), 1u);
  EXPECT_TRUE(OverdueDecisions({late}, s, D("2026-04-20")).empty());
  // Not yet filed as of D, never filed, or transferred by D: not overdue.
  EXPECT_TRUE(OverdueDecisions({pending}, s, D("2026-01-09")).empty());
  EXPECT_TRUE(OverdueDecisions({Clue()}, s, D("2027-01-01")).empty());
  const Case transferred = Must(Transfer(Filed(), {"350203", "外区"}, s, D("2026-05-01")));
  EXPECT_EQ(OverdueDecisions({transferred}, s, D("2026-04-30")).size(), 1u);
  EXPECT_TRUE(OverdueDecisions({transferred}, s, D("2026-05-01")).empty());
}

TEST(EnforcementCase, Enf11ExtensionApprovedByTheDeadlineMovesIt) {
  const CaseSettings s = Settings();
  const Case pending = Investigating();
  ExpectRefused(ExtendDecisionDeadline(pending, {30, "director-1", "案情复杂"}, s, D("2026-04-11")),
                "INVESTIGATING", "ENF-11 the decision deadline has passed");
  ExpectInvalid(ExtendDecisionDeadline(pending, {31, "director-1", "x"}, s, kNotice), "days",
                "ENF-11 must be 1..30");
  ExpectInvalid(ExtendDecisionDeadline(pending, {0, "director-1", "x"}, s, kNotice), "days",
                "ENF-11");
  ExpectInvalid(ExtendDecisionDeadline(pending, {10, "", "x"}, s, kNotice), "approved_by",
                "required");
  const Case extended =
      Must(ExtendDecisionDeadline(pending, {30, "director-1", "案情复杂"}, s, D("2026-04-10")));
  ASSERT_EQ(extended.extensions.size(), 1u);
  EXPECT_EQ(extended.extensions[0].approved_on, D("2026-04-10"));
  EXPECT_EQ(*DecisionDeadline(extended, s, D("2026-04-10")), D("2026-05-10"));
  // As of a day before the approval, the deadline was still the first one.
  EXPECT_EQ(*DecisionDeadline(extended, s, D("2026-04-09")), D("2026-04-10"));
  EXPECT_TRUE(OverdueDecisions({extended}, s, D("2026-05-10")).empty());
  EXPECT_EQ(OverdueDecisions({extended}, s, D("2026-05-11"))[0].days_overdue, 1);
  // A second extension within the extended period adds up.
  const Case twice =
      Must(ExtendDecisionDeadline(extended, {20, "director-1", "再延"}, s, D("2026-05-10")));
  EXPECT_EQ(*DecisionDeadline(twice, s, D("2026-05-10")), D("2026-05-30"));
  ExpectRefused(ExtendDecisionDeadline(Decided(), {10, "director-1", "x"}, s, kDecided), "DECIDED",
                "ENF-11");
}

TEST(EnforcementCase, Enf07PaymentIsExactlyTheFineWithItsSurcharge) {
  const Case c = FinedExecuting();  // served 02-16, due 03-03
  ExpectRefused(RecordPayment(Executing(), {100'000, kServed}, kServed), "EXECUTING",
                "ENF-07 the decision imposes no fine");
  ExpectInvalid(RecordPayment(c, {100'000, D("2026-03-05")}, D("2026-03-05")), "amount_fen",
                "ENF-07 must be the 106000 fen owed");
  ExpectInvalid(RecordPayment(c, {106'000, D("2026-03-05")}, D("2026-03-04")), "paid_on",
                "after today");
  const Case paid = Must(RecordPayment(c, {106'000, D("2026-03-05")}, D("2026-03-06")));
  EXPECT_EQ(*paid.execution.fine_paid_on, D("2026-03-05"));
  EXPECT_EQ(paid.execution.amount_paid_fen, 106'000);
  EXPECT_EQ(paid.execution.surcharge_fen, 6'000);
  ExpectRefused(RecordPayment(paid, {106'000, D("2026-03-05")}, D("2026-03-06")), "EXECUTING",
                "ENF-07 the fine is already paid");
  const Case on_time = Must(RecordPayment(c, {100'000, D("2026-03-03")}, D("2026-03-03")));
  EXPECT_EQ(on_time.execution.surcharge_fen, 0);
  const Case closed =
      Must(Close(With(paid, RecordStage::kExecution, D("2026-03-06")), {}, D("2026-03-06")));
  EXPECT_EQ(closed.state, CaseState::kClosed);
  EXPECT_FALSE(closed.execution.court_enforcement);
}

TEST(EnforcementCase, Enf07UnpaidFineClosesOnlyByCourtEnforcementAfterTheDueDate) {
  const Case c = With(FinedExecuting(), RecordStage::kExecution, kServed);
  ExpectRefused(Close(c, {}, D("2026-04-01")), "EXECUTING", "ENF-07 the fine is not paid");
  ExpectRefused(Close(c, {true}, D("2026-03-03")), "EXECUTING", "payment period is still running");
  const Case closed = Must(Close(c, {true}, D("2026-03-04")));
  EXPECT_TRUE(closed.execution.court_enforcement);
  EXPECT_EQ(closed.state, CaseState::kClosed);
}

TEST(EnforcementCase, Enf10AppealKeepsTheStateAndExecutionGoesOn) {
  const Case c = FinedExecuting();
  const Case appealed = Must(RecordAppeal(c, {AppealKind::kReconsideration}, D("2026-03-01")));
  EXPECT_EQ(appealed.state, CaseState::kExecuting);
  ASSERT_EQ(appealed.appeals.size(), 1u);
  EXPECT_EQ(appealed.appeals[0].filed_on, D("2026-03-01"));
  EXPECT_EQ(appealed.version, c.version + 1);
  // The surcharge runs on during the appeal.
  EXPECT_TRUE(RecordPayment(appealed, {103'000, D("2026-03-04")}, D("2026-03-04")).ok());
  EXPECT_EQ(Must(RecordAppeal(Served(), {AppealKind::kLitigation}, kServed)).state,
            CaseState::kServed);
  ExpectRefused(RecordAppeal(Decided(), {}, kDecided), "DECIDED", "ENF-10");
}

TEST(EnforcementCase, Enf13IllegalOrganizationIsBannedItsPropertyConfiscated) {
  ClueInput in = ClueFor("");
  in.target.illegal_org_id = "illegal-7";
  const Case inv = Investigating(Filed(PreCheck(Clue(in))));
  ExpectInvalid(SendNotice(With(inv, RecordStage::kInvestigation, kNotice), NoticeOf({Warning()}),
                           Settings(), kNotice),
                "penalties[0].type", "ENF-13");
  const Case review = Reviewed(
      InReview(NoticeSent(NoticeOf({Amount(PenaltyType::kConfiscation, 5'000'000)}), inv)));
  EXPECT_TRUE(review.findings.illegal_org);
  ExpectInvalid(
      Decide(review, {{Amount(PenaltyType::kConfiscation, 5'000'000)}, std::nullopt, false},
             Settings(), kDecided),
      "ban", "ENF-13 an illegal organization is banned");
  const Case banned =
      Must(Decide(review, {{Amount(PenaltyType::kConfiscation, 5'000'000)}, std::nullopt, true},
                  Settings(), kDecided));
  EXPECT_TRUE(banned.decision->ban);
  EXPECT_TRUE(CaseCreditEvents(banned).empty());  // no credit record for an unregistered body
  ExpectInvalid(Decide(Reviewed(), {{Warning()}, std::nullopt, true}, Settings(), kDecided), "ban",
                "ENF-13 only an illegal organization");
}

TEST(EnforcementCase, Enf14DecidedPenaltiesAreCreditEvents) {
  EXPECT_TRUE(CaseCreditEvents(Reviewed()).empty());
  const auto warning = CaseCreditEvents(Decided());
  ASSERT_EQ(warning.size(), 1u);
  EXPECT_EQ(warning[0].kind, CreditEventKind::kWarning);
  EXPECT_EQ(warning[0].on, kDecided);
  const Case fined = FinedExecuting();
  const auto events = CaseCreditEvents(fined);
  ASSERT_EQ(events.size(), 1u);  // the confiscation is not a listing situation
  EXPECT_EQ(events[0].kind, CreditEventKind::kFine);
  EXPECT_EQ(events[0].fine_fen, 100'000);
  const auto record = ApplyEvent({}, events[0]);
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(OpenListing(*record)->reason, "CR-01(e)");
}

TEST(EnforcementCase, Enf02ClueNamesExactlyOneTargetAndCapsItsText) {
  ClueInput both = ClueFor("51350211MJ0000001X");
  both.target.illegal_org_id = "illegal-7";
  ExpectInvalid(OpenClue(both, kOpened), "target", "exactly one");
  ExpectInvalid(OpenClue(ClueFor(""), kOpened), "target", "exactly one");
  ClueInput bad_id = ClueFor("has space");
  ExpectInvalid(OpenClue(bad_id, kOpened), "target.organization_id", "printable ASCII");
  ClueInput long_summary = ClueFor("51350211MJ0000001X");
  long_summary.summary = std::string(501, 'x');
  const auto r = OpenClue(long_summary, kOpened);
  ExpectInvalid(r, "summary", "at most 500");
  EXPECT_FALSE(Contains(r.error().message, "xxxx"));
  ClueInput no_jurisdiction = ClueFor("51350211MJ0000001X", "");
  ExpectInvalid(OpenClue(no_jurisdiction, kOpened), "target_jurisdiction", "required");
}

TEST(EnforcementCase, Sec33EveryCommandRefusesAWrongState) {
  const CaseSettings s = Settings();
  const Date t = kServed;
  struct Probe {
    const char* command;
    std::function<Result<Case>()> run;
    const char* state;
  };
  const Probe probes[] = {
      {"StartPreCheck", [&] { return StartPreCheck(PreCheck(), t); }, "PRE_CHECK"},
      {"Decline",
       [&] {
         return Decline(Filed(), {"x", ""}, s, t);
       },
       "FILED"},
      {"File", [&] { return File(Clue(), Filing(), s, t); }, "CLUE"},
      {"Transfer",
       [&] {
         return Transfer(PreCheck(), {"350203", "x"}, s, t);
       },
       "PRE_CHECK"},
      {"StartInvestigation", [&] { return StartInvestigation(Clue(), t); }, "CLUE"},
      {"AddRecord",
       [&] {
         return AddRecord(Clue(), {RecordStage::kFiling, RecordKind::kText, "x", t}, t);
       },
       "CLUE"},
      {"ExtendDecisionDeadline",
       [&] {
         return ExtendDecisionDeadline(PreCheck(), {10, "d", "x"}, s, t);
       },
       "PRE_CHECK"},
      {"SendNotice", [&] { return SendNotice(Filed(), NoticeOf({Warning()}), s, t); }, "FILED"},
      {"RecordStatement", [&] { return RecordStatement(Investigating(), {"x"}, t); },
       "INVESTIGATING"},
      {"RequestHearing", [&] { return RequestHearing(InReview(), s, t); }, "REVIEW"},
      {"RecordHearing",
       [&] {
         return RecordHearing(NoticeSent(), {"chair-1", "x"}, t);
       },
       "NOTICE_SENT"},
      {"SubmitForReview", [&] { return SubmitForReview(InReview(), {true}, s, t); }, "REVIEW"},
      {"Review",
       [&] {
         return Review(NoticeSent(), {"legal-1", true, "x"}, t);
       },
       "NOTICE_SENT"},
      {"Decide",
       [&] {
         return Decide(NoticeSent(), {{Warning()}, std::nullopt, false}, s, t);
       },
       "NOTICE_SENT"},
      {"Serve",
       [&] {
         return Serve(Reviewed(), {ServiceMethod::kDelivered, t}, t);
       },
       "REVIEW"},
      {"StartExecution", [&] { return StartExecution(Decided(), t); }, "DECIDED"},
      {"RecordPayment",
       [&] {
         return RecordPayment(Served(), {1, t}, t);
       },
       "SERVED"},
      {"RecordAppeal", [&] { return RecordAppeal(Reviewed(), {}, t); }, "REVIEW"},
      {"Close", [&] { return Close(Decided(), {}, t); }, "DECIDED"},
      {"File after DECLINED",
       [&] {
         return File(Must(Decline(PreCheck(), {"x", ""}, s, kOpened)), Filing(), s, t);
       },
       "DECLINED"},
  };
  for (const Probe& p : probes) {
    SCOPED_TRACE(p.command);
    ExpectRefused(p.run(), p.state, "");
  }
}

}  // namespace
}  // namespace socgov::supervision
