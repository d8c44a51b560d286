// A party organization's life after establishment: term elections and meetings (PB-13),
// instructors (work coverage, PB-08), activities, evaluations and awards.
#include <set>

#include "party_building/app/entity_command.h"
#include "party_building/app/party_work.h"
#include "party_building/app/support.h"
#include "party_building/app/views.h"
#include "party_building/domain/meeting.h"
#include "party_building/domain/member.h"
#include "party_building/domain/records.h"
#include "platform/auth/scope.h"
#include "platform/directory/directory.h"
#include "platform/util/text.h"
#include "socgov/party_building/v1/events.pb.h"

namespace socgov::party_building {
namespace {

namespace ev = ::socgov::party_building::v1;

std::string OrgJurisdiction(const StoredOrg& s) { return s.jurisdiction; }
template <typename T>
std::string JurisdictionOf(const Stored<T>& s) {
  return s.jurisdiction;
}

v1::Meeting ToProto(const StoredMeeting& s) {
  const MeetingRecord& m = s.value;
  v1::Meeting p;
  p.set_id(m.id);
  p.set_party_org_id(m.party_org_id);
  p.set_jurisdiction(s.jurisdiction);
  p.set_kind(m.kind == MeetingKind::kResolution ? v1::MEETING_KIND_RESOLUTION
                                                : v1::MEETING_KIND_ORGANIZATIONAL_LIFE);
  p.set_held_on(DateText(m.held_on));
  p.set_entitled(m.entitled);
  p.set_present(m.present);
  p.set_votes_for(m.votes_for);
  p.set_passed(m.passed);
  p.set_subject(m.subject);
  p.set_version(s.version);
  return p;
}

v1::Instructor ToProto(const StoredInstructor& s) {
  v1::Instructor p;
  p.set_id(s.value.id);
  p.set_name(s.value.name);
  p.set_jurisdiction(s.jurisdiction);
  for (const auto& id : s.value.reached_org_ids) p.add_reached_organization_ids(id);
  p.set_appointed_on(DateText(s.value.appointed_on));
  if (s.value.ended_on) p.set_ended_on(FormatDate(*s.value.ended_on));
  p.set_version(s.version);
  return p;
}

v1::Activity ToProto(const StoredActivity& s) {
  v1::Activity p;
  p.set_id(s.value.id);
  for (const auto& id : s.value.party_org_ids) p.add_party_org_ids(id);
  p.set_jurisdiction(s.jurisdiction);
  p.set_held_on(DateText(s.value.held_on));
  p.set_title(s.value.title);
  p.set_participants(s.value.participants);
  p.set_brand(s.value.brand);
  p.set_version(s.version);
  return p;
}

v1::Evaluation ToProto(const StoredEvaluation& s) {
  v1::Evaluation p;
  p.set_party_org_id(s.value.party_org_id);
  p.set_jurisdiction(s.jurisdiction);
  p.set_year(s.value.year);
  p.set_six_good(s.value.six_good);
  p.set_evaluated_by(s.value.evaluated_by);
  p.set_version(s.version);
  return p;
}

v1::Award ToProto(const StoredAward& s) {
  v1::Award p;
  p.set_id(s.value.id);
  p.set_kind(s.value.kind == AwardKind::kStarMember ? v1::AWARD_KIND_STAR_MEMBER
                                                    : v1::AWARD_KIND_ADVANCED_PARTY_ORG);
  p.set_party_org_id(s.value.party_org_id);
  p.set_member_id_number_masked(s.value.member_id_number_masked);
  p.set_jurisdiction(s.jurisdiction);
  p.set_year(s.value.year);
  p.set_awarded_by(s.value.awarded_by);
  p.set_version(s.version);
  return p;
}

ev::TermElectionChanged ElectionEvent(const StoredOrg& s, Date on, const auth::Principal& who) {
  ev::TermElectionChanged b;
  b.set_party_org_id(s.org.id);
  b.set_jurisdiction(s.jurisdiction);
  b.set_state(int(s.org.state) + 1);
  b.set_on(FormatDate(on));
  SetActor(who, b.mutable_actor());
  return b;
}

// The organizations named by an instructor's reach: registered, in scope, of one jurisdiction
// (returned).
Result<std::string> ReachedJurisdiction(directory::Directory& directory,
                                        const std::vector<std::string>& ids) {
  std::string jurisdiction;
  for (const auto& id : ids) {
    auto entry = directory.Get(id);
    if (!entry)
      return Error::InvalidArgument("reached_organization_ids",
                                    "organization " + id + " is not registered");
    if (!InScope(*entry))
      return Error::InvalidArgument("reached_organization_ids",
                                    "organization " + id + " is " + entry->status);
    if (jurisdiction.empty()) jurisdiction = entry->jurisdiction;
    if (entry->jurisdiction != jurisdiction)
      return Error::InvalidArgument("reached_organization_ids",
                                    "organizations of one jurisdiction only");
  }
  return jurisdiction;
}

}  // namespace

Result<StoredOrg> PartyWork::LiveOrg(const char* field, const std::string& id) {
  if (auto err = ValidateId(field, id)) return *err;
  const auto hash = store::FlatHash(store_.Read({{"HGETALL", keys::Org(id)}})[0]);
  if (hash.empty()) return Error::InvalidArgument(field, "party organization " + id + " not found");
  auto s = DecodeOrg(hash);
  if (!s.ok()) return s.error();
  if (s->org.state == PartyOrgState::kDissolved)
    return Error::FailedPrecondition("state DISSOLVED: party organization " + id);
  return s;
}

// ---- term elections (PB-06, PB-13) -------------------------------------------------------------

Result<v1::PartyOrganization> PartyWork::StartTermElection(
    const auth::Principal& who, const v1::StartTermElectionRequest& req) {
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("on", req.on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  return UpdateEntity<StoredOrg, v1::PartyOrganization>(
      store_, who, "StartTermElection", req.request_id(), "party_org", req.party_org_id(),
      req.version(), keys::Org, DecodeOrg, EncodeOrg, OrgJurisdiction,
      [](const StoredOrg& s) { return ToProto(s); }, {},
      [&](const StoredOrg& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredOrg> {
        auto org = party_building::StartTermElection(before.org, *on);
        if (!org.ok()) return org.error();
        StoredOrg after{*org, before.jurisdiction, before.version + 1};
        auto body = ElectionEvent(after, *on, who);
        body.add_rule_ids("PB-06");
        m.events.push_back(MakeEvent(body, authority_, "party_org", "term_election_started",
                                     after.org.id, after.version, after.jurisdiction, who.subject,
                                     now));
        return after;
      });
}

Result<v1::PartyOrganization> PartyWork::CompleteTermElection(
    const auth::Principal& who, const v1::CompleteTermElectionRequest& req) {
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("on", req.on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  // PB-13 before anything is read: the numbers alone decide the quorum.
  auto quorum = ElectionQuorumMet(req.present(), req.eligible());
  if (!quorum.ok()) return quorum.error();
  auto term = TermFrom(req.term_start(), req.term_end());
  if (!term.ok()) return term.error();
  auto leadership = LeadershipFrom(req.leadership());
  if (!leadership.ok()) return leadership.error();
  return UpdateEntity<StoredOrg, v1::PartyOrganization>(
      store_, who, "CompleteTermElection", req.request_id(), "party_org", req.party_org_id(),
      req.version(), keys::Org, DecodeOrg, EncodeOrg, OrgJurisdiction,
      [](const StoredOrg& s) { return ToProto(s); }, {},
      [&](const StoredOrg& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredOrg> {
        if (auto err = CheckElectionQuorum(req.present(), req.eligible())) return *err;
        auto org = party_building::CompleteTermElection(before.org, *leadership, *term, *on);
        if (!org.ok()) return org.error();
        StoredOrg after{*org, before.jurisdiction, before.version + 1};
        auto body = ElectionEvent(after, *on, who);
        body.set_eligible(req.eligible());
        body.set_present(req.present());
        body.set_term_start(FormatDate(term->start));
        body.set_term_end(FormatDate(term->end));
        body.add_rule_ids("PB-13");
        body.add_rule_ids("PB-04");
        m.events.push_back(MakeEvent(body, authority_, "party_org", "term_elected", after.org.id,
                                     after.version, after.jurisdiction, who.subject, now));
        return after;
      });
}

// ---- meetings (PB-13) --------------------------------------------------------------------------

Result<v1::Meeting> PartyWork::RecordMeeting(const auth::Principal& who,
                                             const v1::RecordMeetingRequest& req) {
  if (auto err = ValidateRequestId(req.request_id())) return *err;
  if (req.kind() != v1::MEETING_KIND_ORGANIZATIONAL_LIFE &&
      req.kind() != v1::MEETING_KIND_RESOLUTION)
    return Error::InvalidArgument("kind", "required: ORGANIZATIONAL_LIFE or RESOLUTION");
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  auto on = DayOrToday("held_on", req.held_on(), today);
  if (!on.ok()) return on.error();
  MeetingRecord draft{"draft",
                      req.party_org_id(),
                      req.kind() == v1::MEETING_KIND_RESOLUTION ? MeetingKind::kResolution
                                                                : MeetingKind::kOrganizationalLife,
                      *on,
                      req.entitled(),
                      req.present(),
                      req.votes_for(),
                      false,
                      req.subject()};
  auto checked = NewMeeting(draft, today);
  if (!checked.ok()) return checked.error();
  auto org = LiveOrg("party_org_id", req.party_org_id());
  if (!org.ok()) return org.error();
  if (org->org.state != PartyOrgState::kActive && org->org.state != PartyOrgState::kTermElection)
    return Error::FailedPrecondition("state " + std::string(PartyOrgStateName(org->org.state)) +
                                     ": PB-13 meetings are held once the leadership is in office");
  if (auto err = CheckWrite(who, org->jurisdiction)) return *err;
  return CreateEntity<StoredMeeting, v1::Meeting>(
      store_, who, "RecordMeeting", req.request_id(), authority_, "meeting", "MT", keys::Meeting,
      keys::kMeetings,
      [&](const std::string& id, Mutation& m) -> Result<StoredMeeting> {
        StoredMeeting s{*checked, org->jurisdiction, 1};
        s.value.id = id;
        m.zops.push_back({keys::MeetingsOf(org->org.id), id, "0"});
        ev::MeetingHeld b;
        b.set_meeting_id(id);
        b.set_party_org_id(org->org.id);
        b.set_jurisdiction(org->jurisdiction);
        b.set_kind(int(req.kind()));
        b.set_held_on(FormatDate(s.value.held_on));
        b.set_entitled(s.value.entitled);
        b.set_present(s.value.present);
        b.set_votes_for(s.value.votes_for);
        b.set_passed(s.value.passed);
        SetActor(who, b.mutable_actor());
        m.events.push_back(MakeEvent(b, authority_, "meeting", "held", id, 1, org->jurisdiction,
                                     who.subject, now));
        return s;
      },
      EncodeMeeting, [](const StoredMeeting& s) { return ToProto(s); });
}

Result<v1::MeetingCompliance> PartyWork::GetMeetingCompliance(
    const auth::Principal& who, const v1::GetMeetingComplianceRequest& req) {
  if (auto err = ValidateId("party_org_id", req.party_org_id())) return *err;
  auto as_of = DayOrToday("as_of", req.as_of(), ChinaDate(clock_.Now()));
  if (!as_of.ok()) return as_of.error();
  const auto hash = store::FlatHash(store_.Read({{"HGETALL", keys::Org(req.party_org_id())}})[0]);
  if (hash.empty())
    return Error::NotFound("party organization " + req.party_org_id() + " not found");
  auto org = DecodeOrg(hash);
  if (!org.ok()) return org.error();
  if (auto err = CheckRead(who, org->jurisdiction)) return *err;
  if (org->org.term.start == Date{})
    return Error::FailedPrecondition("state " + std::string(PartyOrgStateName(org->org.state)) +
                                     ": PB-13 counts from the first term, not begun");
  auto meetings = store_.MeetingsOf(org->org.id);
  if (!meetings.ok()) return meetings.error();
  std::vector<Date> days;
  for (const auto& m : *meetings)
    if (m.value.kind == MeetingKind::kOrganizationalLife) days.push_back(m.value.held_on);
  // Meetings are owed from the current term's first day.
  const Date since = org->org.term.start;
  v1::MeetingCompliance out;
  out.set_party_org_id(org->org.id);
  out.set_active_since(FormatDate(since));
  out.set_as_of(FormatDate(*as_of));
  out.set_meetings(static_cast<std::int32_t>(days.size()));
  for (const auto ym : MonthsWithoutMeeting(days, since, *as_of)) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", int(ym.year()), unsigned(ym.month()));
    out.add_months_without_meeting(text);
  }
  return out;
}

// ---- instructors (PB-08 work coverage) ---------------------------------------------------------

Result<v1::Instructor> PartyWork::AppointInstructor(const auth::Principal& who,
                                                    const v1::AppointInstructorRequest& req) {
  if (auto err = ValidateRequestId(req.request_id())) return *err;
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  auto on = DayOrToday("appointed_on", req.appointed_on(), today);
  if (!on.ok()) return on.error();
  Instructor draft{"draft",
                   req.name(),
                   {req.reached_organization_ids().begin(), req.reached_organization_ids().end()},
                   *on,
                   std::nullopt};
  auto checked = party_building::AppointInstructor(draft, today);
  if (!checked.ok()) return checked.error();
  auto jurisdiction = ReachedJurisdiction(directory_, checked->reached_org_ids);
  if (!jurisdiction.ok()) return jurisdiction.error();
  if (auto err = CheckWrite(who, *jurisdiction)) return *err;
  return CreateEntity<StoredInstructor, v1::Instructor>(
      store_, who, "AppointInstructor", req.request_id(), authority_, "instructor", "IN",
      keys::Instructor, keys::kInstructors,
      [&](const std::string& id, Mutation& m) -> Result<StoredInstructor> {
        StoredInstructor s{*checked, *jurisdiction, 1};
        s.value.id = id;
        ev::InstructorChanged b;
        b.set_instructor_id(id);
        b.set_jurisdiction(*jurisdiction);
        for (const auto& o : s.value.reached_org_ids) b.add_reached_organization_ids(o);
        b.set_serving(true);
        b.set_on(FormatDate(*on));
        SetActor(who, b.mutable_actor());
        m.events.push_back(MakeEvent(b, authority_, "instructor", "appointed", id, 1, *jurisdiction,
                                     who.subject, now));
        if (auto err =
                AddCoverageEvent(m, *jurisdiction, {}, {}, "instructor.appointed", who, now, {s}))
          return *err;
        return s;
      },
      EncodeInstructor, [](const StoredInstructor& s) { return ToProto(s); });
}

Result<v1::Instructor> PartyWork::EndInstructor(const auth::Principal& who,
                                                const v1::EndInstructorRequest& req) {
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("on", req.on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  return UpdateEntity<StoredInstructor, v1::Instructor>(
      store_, who, "EndInstructor", req.request_id(), "instructor", req.instructor_id(),
      req.version(), keys::Instructor, DecodeInstructor, EncodeInstructor,
      JurisdictionOf<Instructor>, [](const StoredInstructor& s) { return ToProto(s); }, {},
      [&](const StoredInstructor& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredInstructor> {
        auto i = party_building::EndInstructor(before.value, *on);
        if (!i.ok()) return i.error();
        StoredInstructor after{*i, before.jurisdiction, before.version + 1};
        ev::InstructorChanged b;
        b.set_instructor_id(after.value.id);
        b.set_jurisdiction(after.jurisdiction);
        for (const auto& o : after.value.reached_org_ids) b.add_reached_organization_ids(o);
        b.set_serving(false);
        b.set_on(FormatDate(*on));
        SetActor(who, b.mutable_actor());
        m.events.push_back(MakeEvent(b, authority_, "instructor", "ended", after.value.id,
                                     after.version, after.jurisdiction, who.subject, now));
        if (auto err = AddCoverageEvent(m, after.jurisdiction, {}, {}, "instructor.ended", who, now,
                                        {after}))
          return *err;
        return after;
      });
}

// ---- activities, evaluations, awards -----------------------------------------------------------

Result<v1::Activity> PartyWork::RecordActivity(const auth::Principal& who,
                                               const v1::RecordActivityRequest& req) {
  if (auto err = ValidateRequestId(req.request_id())) return *err;
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  auto on = DayOrToday("held_on", req.held_on(), today);
  if (!on.ok()) return on.error();
  Activity draft{"draft",
                 {req.party_org_ids().begin(), req.party_org_ids().end()},
                 *on,
                 req.title(),
                 req.participants(),
                 req.brand()};
  auto checked = NewActivity(draft, today);
  if (!checked.ok()) return checked.error();
  std::string jurisdiction;
  for (const auto& id : checked->party_org_ids) {
    auto org = LiveOrg("party_org_ids", id);
    if (!org.ok()) return org.error();
    if (jurisdiction.empty()) jurisdiction = org->jurisdiction;
    if (org->jurisdiction != jurisdiction)
      return Error::InvalidArgument("party_org_ids", "party organizations of one jurisdiction");
  }
  if (auto err = CheckWrite(who, jurisdiction)) return *err;
  return CreateEntity<StoredActivity, v1::Activity>(
      store_, who, "RecordActivity", req.request_id(), authority_, "activity", "AC", keys::Activity,
      keys::kActivities,
      [&](const std::string& id, Mutation& m) -> Result<StoredActivity> {
        StoredActivity s{*checked, jurisdiction, 1};
        s.value.id = id;
        ev::ActivityHeld b;
        b.set_activity_id(id);
        for (const auto& o : s.value.party_org_ids) b.add_party_org_ids(o);
        b.set_jurisdiction(jurisdiction);
        b.set_held_on(FormatDate(s.value.held_on));
        b.set_participants(s.value.participants);
        b.set_brand(s.value.brand);
        SetActor(who, b.mutable_actor());
        m.events.push_back(
            MakeEvent(b, authority_, "activity", "held", id, 1, jurisdiction, who.subject, now));
        return s;
      },
      EncodeActivity, [](const StoredActivity& s) { return ToProto(s); });
}

Result<v1::Evaluation> PartyWork::RecordEvaluation(const auth::Principal& who,
                                                   const v1::RecordEvaluationRequest& req) {
  if (auto err = ValidateRequestId(req.request_id())) return *err;
  const TimePoint now = clock_.Now();
  if (auto err = CheckRecordYear("year", req.year(), ChinaDate(now))) return *err;
  auto by = CheckText("evaluated_by", req.evaluated_by(), 64);
  if (!by.ok()) return by.error();
  auto org = LiveOrg("party_org_id", req.party_org_id());
  if (!org.ok()) return org.error();
  if (auto err = CheckWrite(who, org->jurisdiction)) return *err;
  const std::string org_year = org->org.id + ":" + std::to_string(req.year());
  const std::string idem = IdemOf(who, req.request_id());
  auto read = store_.ReadForCommand("RecordEvaluation", idem, {});
  if (read.prior) return store::Replay<v1::Evaluation>(*read.prior);
  StoredEvaluation s{{org->org.id, req.year(), req.six_good(), *by}, org->jurisdiction, 1};
  Mutation m;
  m.idem_key = keys::Idem("RecordEvaluation", idem);
  m.outbox_key = kOutboxKey;
  // One evaluation per organization and year: a second is ALREADY_EXISTS.
  m.guards.push_back({Mutation::Guard::Kind::kAbsent, keys::Evaluation(org_year), "",
                      "evaluation of " + org->org.id + " for " + std::to_string(req.year())});
  m.hashes.push_back({keys::Evaluation(org_year), EncodeEvaluation(s)});
  m.zops.push_back({keys::kEvaluations, org_year, std::to_string(req.year())});
  ev::EvaluationRecorded b;
  b.set_party_org_id(org->org.id);
  b.set_jurisdiction(org->jurisdiction);
  b.set_year(req.year());
  b.set_six_good(req.six_good());
  b.set_evaluated_by(*by);
  SetActor(who, b.mutable_actor());
  m.events.push_back(MakeEvent(b, authority_, "evaluation", "recorded", org_year, 1,
                               org->jurisdiction, who.subject, now));
  const v1::Evaluation response = ToProto(s);
  m.response = response.SerializeAsString();
  return Answer(store_.Mutate(m, "evaluation " + org_year), response);
}

Result<v1::Award> PartyWork::RecordAward(const auth::Principal& who,
                                         const v1::RecordAwardRequest& req) {
  if (auto err = ValidateRequestId(req.request_id())) return *err;
  if (req.kind() != v1::AWARD_KIND_ADVANCED_PARTY_ORG && req.kind() != v1::AWARD_KIND_STAR_MEMBER)
    return Error::InvalidArgument("kind", "required: ADVANCED_PARTY_ORG or STAR_MEMBER");
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  if (auto err = CheckRecordYear("year", req.year(), today)) return *err;
  auto by = CheckText("awarded_by", req.awarded_by(), 64);
  if (!by.ok()) return by.error();
  Award award{"draft", AwardKind::kAdvancedPartyOrg, req.party_org_id(), "", req.year(), *by};
  std::string recipient;
  if (req.kind() == v1::AWARD_KIND_STAR_MEMBER) {
    award.kind = AwardKind::kStarMember;
    if (!req.party_org_id().empty())
      return Error::InvalidArgument("party_org_id", "STAR_MEMBER names the member, not an org");
    auto id = NormalizeIdNumber("member_id_number", req.member_id_number(), today);
    if (!id.ok()) return id.error();
    const auto hash = store::FlatHash(store_.Read({{"HGETALL", keys::Member(*id)}})[0]);
    if (hash.empty())
      return Error::InvalidArgument("member_id_number",
                                    "no member record for " + MaskIdNumber(*id));
    auto member = DecodeMember(hash);
    if (!member.ok()) return member.error();
    award.party_org_id = member->member.party_org_id;
    award.member_id_number_masked = MaskIdNumber(*id);
    recipient = *id;
  } else {
    if (!req.member_id_number().empty())
      return Error::InvalidArgument("member_id_number", "only for STAR_MEMBER");
    recipient = req.party_org_id();
  }
  auto org = LiveOrg("party_org_id", award.party_org_id);
  if (!org.ok()) return org.error();
  if (auto err = CheckWrite(who, org->jurisdiction)) return *err;
  const std::string once = keys::AwardOf(int(req.kind()), recipient, req.year());
  return CreateEntity<StoredAward, v1::Award>(
      store_, who, "RecordAward", req.request_id(), authority_, "award", "AW", keys::Award,
      keys::kAwards,
      [&](const std::string& id, Mutation& m) -> Result<StoredAward> {
        StoredAward s{award, org->jurisdiction, 1};
        s.value.id = id;
        // One award of a kind per recipient and year: a second is ALREADY_EXISTS.
        m.guards.push_back(
            {Mutation::Guard::Kind::kAbsent, once, "",
             "award of this kind for " +
                 (award.member_id_number_masked.empty() ? award.party_org_id
                                                        : award.member_id_number_masked) +
                 " in " + std::to_string(req.year())});
        m.sets.push_back({once, id, 0});
        ev::AwardGranted b;
        b.set_award_id(id);
        b.set_kind(int(req.kind()));
        b.set_party_org_id(award.party_org_id);
        b.set_member_id_number_masked(award.member_id_number_masked);
        b.set_jurisdiction(org->jurisdiction);
        b.set_year(req.year());
        b.set_awarded_by(*by);
        SetActor(who, b.mutable_actor());
        m.events.push_back(MakeEvent(b, authority_, "award", "granted", id, 1, org->jurisdiction,
                                     who.subject, now));
        return s;
      },
      EncodeAward, [](const StoredAward& s) { return ToProto(s); });
}

}  // namespace socgov::party_building
