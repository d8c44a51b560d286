#include "supervision/domain/penalty.h"

#include <gtest/gtest.h>

#include <string>

namespace socgov::supervision {
namespace {

Date D(const char* s) { return *ParseDate(s); }

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

Penalty Of(PenaltyType type, std::int64_t amount_fen = 0) {
  Penalty p;
  p.type = type;
  p.amount_fen = amount_fen;
  return p;
}

Penalty Suspension(const char* from, const char* until) {
  Penalty p = Of(PenaltyType::kSuspension);
  p.suspend_from = D(from);
  p.suspend_until = D(until);
  return p;
}

PenaltyContext Gains(std::int64_t turnover_fen, std::int64_t income_fen) {
  return PenaltyContext{turnover_fen, income_fen, false, false};
}

const Date kDecided = D("2026-05-10");

Status Validate(const std::vector<Penalty>& ps, const PenaltyContext& ctx = {}) {
  return ValidatePenalties(ps, ctx, kDecided, PenaltyRules{});
}

void ExpectInvalid(const Status& s, const std::string& field_prefix, const std::string& rule) {
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(StartsWith(s->message, field_prefix)) << s->message;
  EXPECT_TRUE(Contains(s->message, rule)) << s->message;
}

TEST(Penalty, Enf04WarningSuspensionAndReplacementCombine) {
  EXPECT_FALSE(Validate({Of(PenaltyType::kWarning), Suspension("2026-05-10", "2026-08-09"),
                         Of(PenaltyType::kReplaceResponsiblePerson)}));
  EXPECT_FALSE(Validate({}));  // emptiness is ENF-12's question, not this one's
}

TEST(Penalty, Enf04RevocationExcludesSuspensionWarningAndReplacement) {
  ExpectInvalid(Validate({Of(PenaltyType::kRevocation), Suspension("2026-05-10", "2026-06-10")}),
                "penalties:", "ENF-04 revocation excludes suspension");
  ExpectInvalid(Validate({Of(PenaltyType::kWarning), Of(PenaltyType::kRevocation)}),
                "penalties:", "ENF-04 revocation excludes warning");
  ExpectInvalid(
      Validate({Of(PenaltyType::kRevocation), Of(PenaltyType::kReplaceResponsiblePerson)}),
      "penalties:", "ENF-04");
  // Revocation with the confiscation and a fine is the ordinary serious case.
  EXPECT_FALSE(Validate({Of(PenaltyType::kRevocation), Of(PenaltyType::kConfiscation, 100'000),
                         Of(PenaltyType::kFine, 100'000)},
                        Gains(100'000, 0)));
}

TEST(Penalty, Enf04CertificateRevocationForCharitiesOnlyAndNotWithRevocation) {
  ExpectInvalid(Validate({Of(PenaltyType::kCertificateRevocation)}),
                "penalties[0].type:", "charities only");
  PenaltyContext charity;
  charity.charity = true;
  EXPECT_FALSE(Validate({Of(PenaltyType::kCertificateRevocation)}, charity));
  ExpectInvalid(
      Validate({Of(PenaltyType::kRevocation), Of(PenaltyType::kCertificateRevocation)}, charity),
      "penalties:", "exclude each other");
  ExpectInvalid(
      Validate({Of(PenaltyType::kCertificateRevocation), Suspension("2026-05-10", "2026-05-10")},
               charity),
      "penalties:", "ENF-04 revocation excludes suspension");
}

TEST(Penalty, Enf04AtMostOneOfEachType) {
  ExpectInvalid(Validate({Of(PenaltyType::kWarning), Of(PenaltyType::kWarning)}),
                "penalties[1].type:", "ENF-04 at most one warning");
}

TEST(Penalty, Enf04SuspensionPeriodIsBoundedAndOrdered) {
  // 365 days, both ends included, is the default maximum.
  EXPECT_FALSE(Validate({Suspension("2026-05-10", "2027-05-09")}));
  ExpectInvalid(Validate({Suspension("2026-05-10", "2027-05-10")}),
                "penalties[0].suspend_until:", "at most 365 days");
  // A one-day suspension is a period.
  EXPECT_EQ(SuspensionDays(Suspension("2026-05-10", "2026-05-10")), 1);
  ExpectInvalid(Validate({Suspension("2026-05-10", "2026-05-09")}),
                "penalties[0].suspend_until:", "before suspend_from");
  ExpectInvalid(Validate({Suspension("2026-05-09", "2026-06-09")}),
                "penalties[0].suspend_from:", "before the decision");
  Penalty open_ended = Of(PenaltyType::kSuspension);
  open_ended.suspend_from = kDecided;
  ExpectInvalid(Validate({open_ended}), "penalties[0].suspend_until:", "needs its period");
  Penalty warning_with_period = Of(PenaltyType::kWarning);
  warning_with_period.suspend_from = kDecided;
  ExpectInvalid(Validate({warning_with_period}), "penalties[0].suspend_from:", "only a suspension");
  // The maximum is the deployment's.
  PenaltyRules short_rules;
  short_rules.max_suspension_days = 90;
  EXPECT_TRUE(
      ValidatePenalties({Suspension("2026-05-10", "2026-08-08")}, {}, kDecided, short_rules));
  EXPECT_FALSE(
      ValidatePenalties({Suspension("2026-05-10", "2026-08-07")}, {}, kDecided, short_rules));
}

TEST(Penalty, Enf05FineNeedsAPositiveAmountAndIllegalGains) {
  ExpectInvalid(
      Validate({Of(PenaltyType::kConfiscation, 1000), Of(PenaltyType::kFine, 0)}, Gains(1000, 0)),
      "penalties[1].amount_fen:", "ENF-05 must be > 0");
  ExpectInvalid(Validate({Of(PenaltyType::kFine, -5)}), "penalties[0].amount_fen:", "> 0");
  ExpectInvalid(Validate({Of(PenaltyType::kFine, 1000)}),
                "penalties[0].type:", "ENF-05 a fine needs illegal turnover or illegal income");
  ExpectInvalid(Validate({Of(PenaltyType::kWarning, 1000)}),
                "penalties[0].amount_fen:", "must be 0");
}

TEST(Penalty, Enf05FineIsOneToThreeTimesTurnoverInclusive) {
  const auto ctx = Gains(1'000'000, 0);  // ¥10,000 turnover
  EXPECT_EQ(*TurnoverFineRange(ctx), (FineRange{1'000'000, 3'000'000}));
  EXPECT_FALSE(IncomeFineRange(ctx));
  auto with_fine = [](std::int64_t fine) {
    return std::vector<Penalty>{Of(PenaltyType::kConfiscation, 1'000'000),
                                Of(PenaltyType::kFine, fine)};
  };
  EXPECT_FALSE(Validate(with_fine(1'000'000), ctx));
  EXPECT_FALSE(Validate(with_fine(3'000'000), ctx));
  ExpectInvalid(Validate(with_fine(999'999), ctx), "penalties[1].amount_fen:", "ENF-05");
  ExpectInvalid(Validate(with_fine(3'000'001), ctx), "penalties[1].amount_fen:", "ENF-05");
}

TEST(Penalty, Enf05FineIsThreeToFiveTimesIncomeInclusive) {
  const auto ctx = Gains(0, 200'000);  // ¥2,000 income
  EXPECT_EQ(*IncomeFineRange(ctx), (FineRange{600'000, 1'000'000}));
  auto with_fine = [](std::int64_t fine) {
    return std::vector<Penalty>{Of(PenaltyType::kConfiscation, 200'000),
                                Of(PenaltyType::kFine, fine)};
  };
  EXPECT_FALSE(Validate(with_fine(600'000), ctx));
  EXPECT_FALSE(Validate(with_fine(1'000'000), ctx));
  ExpectInvalid(Validate(with_fine(599'999), ctx), "penalties[1].amount_fen:", "ENF-05");
  ExpectInvalid(Validate(with_fine(1'000'001), ctx), "penalties[1].amount_fen:", "ENF-05");
}

TEST(Penalty, Enf05WithBothGainsEitherRangeSuffices) {
  // Turnover ¥100 → 100..300 yuan; income ¥80 → 240..400 yuan: 350 is only in the income range,
  // 150 only in the turnover one, 450 in neither.
  const auto ctx = Gains(10'000, 8'000);
  auto with_fine = [](std::int64_t fine) {
    return std::vector<Penalty>{Of(PenaltyType::kConfiscation, 10'000),
                                Of(PenaltyType::kFine, fine)};
  };
  EXPECT_FALSE(Validate(with_fine(35'000), ctx));
  EXPECT_FALSE(Validate(with_fine(15'000), ctx));
  ExpectInvalid(Validate(with_fine(45'000), ctx), "penalties[1].amount_fen:", "ENF-05");
}

TEST(Penalty, Enf05FineComesWithTheConfiscationWhichIsBoundedByTheGains) {
  const auto ctx = Gains(1'000'000, 0);
  ExpectInvalid(Validate({Of(PenaltyType::kFine, 1'000'000)}, ctx),
                "penalties[0].type:", "ENF-05 a fine comes with the confiscation");
  ExpectInvalid(Validate({Of(PenaltyType::kConfiscation, 1'000'001)}, ctx),
                "penalties[0].amount_fen:", "ENF-05 must not exceed");
  EXPECT_FALSE(Validate({Of(PenaltyType::kConfiscation, 1'000'000)}, ctx));
  ExpectInvalid(Validate({Of(PenaltyType::kConfiscation, 1)}),
                "penalties[0].type:", "nothing to confiscate");
}

TEST(Penalty, Enf05GainsAreBoundedAndNotNegative) {
  ExpectInvalid(Validate({}, Gains(-1, 0)), "illegal_turnover_fen:", "0..");
  ExpectInvalid(Validate({}, Gains(0, kMaxMoneyFen + 1)), "illegal_income_fen:", "0..");
  // At the maximum the 5× multiple still fits in int64.
  EXPECT_EQ(IncomeFineRange(Gains(0, kMaxMoneyFen))->max_fen, 5 * kMaxMoneyFen);
}

TEST(Penalty, Enf13IllegalOrganizationOnlyHasPropertyConfiscated) {
  PenaltyContext illegal;
  illegal.illegal_org = true;
  EXPECT_FALSE(Validate({Of(PenaltyType::kConfiscation, 123'456)}, illegal));
  ExpectInvalid(Validate({Of(PenaltyType::kWarning)}, illegal), "penalties[0].type:", "ENF-13");
  ExpectInvalid(Validate({Of(PenaltyType::kRevocation)}, illegal), "penalties[0].type:", "ENF-13");
}

TEST(Penalty, Art63HearingRightForHeavyPenaltiesAtTheThreshold) {
  const PenaltyRules rules;  // ¥50,000
  EXPECT_FALSE(HearingRight({Of(PenaltyType::kWarning)}, rules));
  EXPECT_FALSE(HearingRight({Of(PenaltyType::kReplaceResponsiblePerson)}, rules));
  EXPECT_FALSE(HearingRight({Of(PenaltyType::kFine, 4'999'999)}, rules));
  EXPECT_TRUE(HearingRight({Of(PenaltyType::kFine, 5'000'000)}, rules));
  EXPECT_TRUE(HearingRight({Of(PenaltyType::kConfiscation, 5'000'000)}, rules));
  EXPECT_TRUE(HearingRight({Suspension("2026-05-10", "2026-05-20")}, rules));
  EXPECT_TRUE(HearingRight({Of(PenaltyType::kRevocation)}, rules));
  EXPECT_TRUE(HearingRight({Of(PenaltyType::kCertificateRevocation)}, rules));
  PenaltyRules low;
  low.hearing_amount_threshold_fen = 1'000'000;
  EXPECT_TRUE(HearingRight({Of(PenaltyType::kFine, 1'000'000)}, low));
}

TEST(Penalty, Art45DecisionNoHeavierThanTheNotice) {
  const std::vector<Penalty> proposed{Of(PenaltyType::kWarning),
                                      Suspension("2026-05-10", "2026-06-08")};
  EXPECT_FALSE(CheckNotHeavier({Of(PenaltyType::kWarning)}, proposed));
  EXPECT_FALSE(CheckNotHeavier({Suspension("2026-05-12", "2026-06-10")}, proposed));  // 30 days
  ExpectInvalid(CheckNotHeavier({Suspension("2026-05-12", "2026-06-11")}, proposed),
                "penalties[0].suspend_until:", "Art 45");
  ExpectInvalid(CheckNotHeavier({Of(PenaltyType::kRevocation)}, proposed),
                "penalties[0]:", "did not propose a revocation");
  ExpectInvalid(CheckNotHeavier({Of(PenaltyType::kFine, 101)}, {Of(PenaltyType::kFine, 100)}),
                "penalties[0].amount_fen:", "Art 45");
}

TEST(Penalty, Enf07PaymentDueFifteenDaysAfterService) {
  EXPECT_EQ(PaymentDueDate(D("2026-03-01")), D("2026-03-16"));
  const auto on_time = Owed(100'000, D("2026-03-01"), D("2026-03-16"));
  ASSERT_TRUE(on_time.ok());
  EXPECT_EQ(*on_time, (AmountOwed{100'000, 0, 0, 100'000}));
  const auto first_late_day = Owed(100'000, D("2026-03-01"), D("2026-03-17"));
  EXPECT_EQ(*first_late_day, (AmountOwed{100'000, 1, 3'000, 103'000}));
  // Paid on the day of service.
  EXPECT_EQ(Owed(100'000, D("2026-03-01"), D("2026-03-01"))->total_fen, 100'000);
}

TEST(Penalty, Enf07SurchargeThreePercentPerDayCappedAtTheFine) {
  const Date served = D("2026-03-01");  // due 2026-03-16
  // 33 days late: 99 %.
  EXPECT_EQ(Owed(100'000, served, D("2026-04-18"))->surcharge_fen, 99'000);
  // 34 days late: 102 % would pass the fine; the cap holds it at exactly the fine.
  const auto capped = Owed(100'000, served, D("2026-04-19"));
  EXPECT_EQ(capped->days_late, 34);
  EXPECT_EQ(capped->surcharge_fen, 100'000);
  EXPECT_EQ(capped->total_fen, 200'000);
  // Years later, and for the largest fine, still exactly the fine (no overflow).
  EXPECT_EQ(Owed(kMaxMoneyFen, served, D("2036-03-01"))->surcharge_fen, kMaxMoneyFen);
  EXPECT_EQ(Owed(kMaxMoneyFen, served, D("2026-04-18"))->surcharge_fen, kMaxMoneyFen / 100 * 99);
}

TEST(Penalty, Enf07SurchargeRoundsDownToTheFenOverAllLateDays) {
  const Date served = D("2026-03-01");
  // 3 % of 333 fen is 9.99 fen: 9 after one day; over 3 days 29.97 → 29 (not 3 × 9 = 27).
  EXPECT_EQ(Owed(333, served, D("2026-03-17"))->surcharge_fen, 9);
  EXPECT_EQ(Owed(333, served, D("2026-03-19"))->surcharge_fen, 29);
  // A one-fen fine earns nothing until the cap: floor(33 × 3 / 100) = 0, then capped at 1.
  EXPECT_EQ(Owed(1, served, D("2026-04-18"))->surcharge_fen, 0);
  EXPECT_EQ(Owed(1, served, D("2026-04-19"))->surcharge_fen, 1);
}

TEST(Penalty, Enf07RejectsBadFinesAndPaymentBeforeService) {
  for (std::int64_t bad : {std::int64_t{0}, std::int64_t{-1}, kMaxMoneyFen + 1}) {
    const auto r = Owed(bad, D("2026-03-01"), D("2026-03-02"));
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(StartsWith(r.error().message, "fine_fen:"));
  }
  const auto early = Owed(100, D("2026-03-01"), D("2026-02-28"));
  ASSERT_FALSE(early.ok());
  EXPECT_TRUE(StartsWith(early.error().message, "paid_on:"));
}

TEST(Penalty, Enf14EachPenaltyIsItsCreditEvent) {
  const Date on = D("2026-05-10");
  EXPECT_EQ(PenaltyCreditEvent(Of(PenaltyType::kWarning), on)->kind, CreditEventKind::kWarning);
  const auto fine = PenaltyCreditEvent(Of(PenaltyType::kFine, 4'999'999), on);
  EXPECT_EQ(fine->kind, CreditEventKind::kFine);
  EXPECT_EQ(fine->fine_fen, 4'999'999);
  EXPECT_EQ(fine->on, on);
  EXPECT_EQ(PenaltyCreditEvent(Suspension("2026-05-10", "2026-06-10"), on)->kind,
            CreditEventKind::kSuspension);
  EXPECT_EQ(PenaltyCreditEvent(Of(PenaltyType::kRevocation), on)->kind,
            CreditEventKind::kRevocation);
  EXPECT_EQ(PenaltyCreditEvent(Of(PenaltyType::kCertificateRevocation), on)->kind,
            CreditEventKind::kRevocation);
  EXPECT_FALSE(PenaltyCreditEvent(Of(PenaltyType::kConfiscation, 100), on));
  EXPECT_FALSE(PenaltyCreditEvent(Of(PenaltyType::kReplaceResponsiblePerson), on));
}

TEST(Penalty, Enf14Cr01eWarningWithSmallFineIsOneIncidentNotCr06Five) {
  const Date on = D("2026-05-10");
  const auto events =
      DecisionCreditEvents({Of(PenaltyType::kWarning), Of(PenaltyType::kConfiscation, 100'000),
                            Of(PenaltyType::kFine, 100'000)},
                           on);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, CreditEventKind::kFine);
  CreditRecord record;
  for (const auto& e : events) record = *ApplyEvent(record, e);
  ASSERT_NE(OpenListing(record), nullptr);
  EXPECT_EQ(OpenListing(record)->reason, "CR-01(e)");
}

TEST(Penalty, Enf14Cr06LargeFineAndSuspensionListSeriousMostSeriousFirst) {
  const Date on = D("2026-05-10");
  const auto events =
      DecisionCreditEvents({Of(PenaltyType::kWarning), Suspension("2026-05-10", "2026-06-10")}, on);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, CreditEventKind::kSuspension);
  EXPECT_EQ(events[1].kind, CreditEventKind::kWarning);
  CreditRecord record;
  for (const auto& e : events) record = *ApplyEvent(record, e);
  EXPECT_EQ(OpenListing(record)->list, CreditList::kSerious);
  EXPECT_EQ(OpenListing(record)->reason, "CR-06(3)");

  CreditRecord fined;
  for (const auto& e : DecisionCreditEvents({Of(PenaltyType::kFine, kSeriousFineFen)}, on)) {
    fined = *ApplyEvent(fined, e);
  }
  EXPECT_EQ(OpenListing(fined)->reason, "CR-06(4)");
}

TEST(Penalty, Enf04BasisIsCappedText) {
  Penalty p = Of(PenaltyType::kWarning);
  p.basis = std::string(201, 'x');
  ExpectInvalid(Validate({p}), "penalties[0].basis:", "at most 200");
  EXPECT_FALSE(Contains(Validate({p})->message, "xxx"));
}

}  // namespace
}  // namespace socgov::supervision
