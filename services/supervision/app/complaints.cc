// Complaints and tips (投诉举报) and illegal organizations (非法社会组织, ENF-13). A reporter's
// identity is stored apart from the complaint ({sup}:complaint:<id>:reporter), never published and
// never logged; only an enforcement officer of the complaint's jurisdiction reads it back.
#include "platform/directory/directory.h"
#include "socgov/supervision/v1/events.pb.h"
#include "supervision/app/case_support.h"
#include "supervision/app/entity_command.h"
#include "supervision/app/to_proto.h"

namespace socgov::supervision {
namespace {

namespace ev = ::socgov::supervision::v1;

const char* ChannelName(ComplaintChannel c) {
  static const char* names[] = {"PHONE", "EMAIL", "LETTER", "ONLINE", "VISIT"};
  return names[static_cast<int>(c)];
}
const char* KindName(IllegalOrgKind k) {
  static const char* names[] = {"UNREGISTERED", "ACTIVE_AFTER_REVOCATION", "BEYOND_PREPARATION"};
  return names[static_cast<int>(k)];
}

ev::ComplaintProgressed Progressed(const Complaint& c, Date on, const auth::Principal& who) {
  ev::ComplaintProgressed b;
  b.set_complaint_id(c.id);
  b.set_jurisdiction(c.jurisdiction);
  b.set_state(std::string(ComplaintStateName(c.state)));
  b.set_case_id(c.case_id);
  b.set_on(FormatDate(on));
  SetActor(who, b.mutable_actor());
  return b;
}

ev::IllegalOrgChanged Changed(const IllegalOrg& o, Date on, const auth::Principal& who) {
  ev::IllegalOrgChanged b;
  b.set_illegal_org_id(o.id);
  b.set_name(o.name);
  b.set_kind(KindName(o.kind));
  b.set_jurisdiction(o.jurisdiction);
  b.set_state(std::string(IllegalOrgStateName(o.state)));
  b.set_case_id(o.case_id);
  b.set_on(FormatDate(on));
  b.set_on_public_list(o.on_public_list);
  SetActor(who, b.mutable_actor());
  b.add_rule_ids("ENF-13");
  return b;
}

bool MayReadReporter(const auth::Principal& who, const Complaint& c) {
  return who.HasRole("enforcement_officer") && who.jurisdiction == c.jurisdiction;
}

}  // namespace

Result<v1::Complaint> Supervisor::SubmitComplaint(const auth::Principal& who,
                                                  const v1::SubmitComplaintRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  if (auto err = CheckWrite(who, settings_.authority)) return *err;
  if (in.channel() <= v1::COMPLAINT_CHANNEL_UNSPECIFIED || in.channel() > v1::ComplaintChannel_MAX)
    return Error::InvalidArgument("channel", "PHONE, EMAIL, LETTER, ONLINE or VISIT");
  ComplaintInput input{"probe",
                       settings_.authority,
                       FromProtoEnum<ComplaintChannel>(in.channel()),
                       in.target_name(),
                       in.target_organization_id(),
                       in.responsible_person(),
                       in.place(),
                       in.propaganda_channel(),
                       in.facts(),
                       {in.evidence().begin(), in.evidence().end()}};
  std::optional<ReporterInput> reporter;
  if (in.has_reporter())
    reporter = ReporterInput{in.reporter().name(), in.reporter().phone(), in.reporter().email(),
                             in.reporter().address()};
  if (auto probe = ReceiveComplaint(input, reporter, today); !probe.ok()) return probe.error();
  const std::int32_t days = settings_.complaint_answer_days;
  return CreateEntity<Complaint, v1::Complaint>(
      store_, who, "SubmitComplaint", in.request_id(), settings_.authority, "complaint", "T",
      keys::Complaint, keys::kComplaints,
      [&](const std::string& id, Mutation& m) -> Result<Complaint> {
        input.id = id;
        auto intake = ReceiveComplaint(input, reporter, today);
        if (!intake.ok()) return intake.error();
        if (intake->reporter)
          m.hashes.push_back({keys::Reporter(id), EncodeReporter(*intake->reporter)});
        ev::ComplaintReceived b;
        b.set_complaint_id(id);
        b.set_jurisdiction(intake->complaint.jurisdiction);
        b.set_channel(ChannelName(intake->complaint.channel));
        b.set_anonymous(intake->complaint.anonymous);
        b.set_target_organization_id(intake->complaint.target_organization_id);
        b.set_received_on(FormatDate(today));
        m.events.push_back(MakeEvent(b, settings_.authority, "complaint", "received", id,
                                     intake->complaint.version, intake->complaint.jurisdiction,
                                     who.subject, now));
        return intake->complaint;
      },
      EncodeComplaint, [days](const Complaint& c) { return ToProto(c, days); });
}

Result<v1::Complaint> Supervisor::TriageComplaint(const auth::Principal& who,
                                                  const v1::TriageComplaintRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  const std::int32_t days = settings_.complaint_answer_days;
  // Made a clue: the case is opened in the same commit, so it needs its id first.
  std::string case_id;
  if (in.decline_reason().empty()) {
    auto id = NewCaseId(store_, settings_.authority);
    if (!id.ok()) return id.error();
    case_id = *id;
  }
  return UpdateEntity<Complaint, v1::Complaint>(
      store_, who, "TriageComplaint", in.request_id(), "complaint", in.complaint_id(), in.version(),
      keys::Complaint, DecodeComplaint, EncodeComplaint,
      [](const Complaint& c) -> const std::string& { return c.jurisdiction; },
      [days](const Complaint& c) { return ToProto(c, days); }, {},
      [&](const Complaint& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<Complaint> {
        if (!in.decline_reason().empty()) {
          auto after = DeclineComplaint(before, in.decline_reason(), today);
          if (!after.ok()) return after.error();
          m.events.push_back(MakeEvent(Progressed(*after, today, who), settings_.authority,
                                       "complaint", "declined", after->id, after->version,
                                       after->jurisdiction, who.subject, now));
          return after;
        }
        if (before.target_organization_id.empty())
          return Error::FailedPrecondition(
              "state " + std::string(ComplaintStateName(before.state)) +
              ": the complaint names no registered organization: decline it, or record the "
              "illegal organization and open its case (ENF-13)");
        auto entry = directory_.Get(before.target_organization_id);
        if (!entry)
          return Error::FailedPrecondition(
              "ENF-01: the organization named is not registered here: decline the complaint "
              "and report it to its registry");
        auto triaged = TriageIntoClue(before, today);
        if (!triaged.ok()) return triaged.error();
        ClueInput clue;
        clue.id = case_id;
        clue.target.organization_id = entry->id;
        clue.target_jurisdiction = entry->jurisdiction;
        clue.source = CaseSource::kComplaint;
        clue.source_ref = before.id;
        clue.summary = before.facts.substr(0, 400);
        auto opened = OpenClue(clue, today);
        if (!opened.ok()) return opened.error();
        AddNewCase(m, *opened, who, settings_.authority, now);
        auto linked = LinkToCase(*triaged, case_id, today);
        if (!linked.ok()) return linked.error();
        // One command, one version: triaged and linked are a single commit (and a replay of this
        // request answers version + 1).
        linked->version = before.version + 1;
        m.events.push_back(MakeEvent(Progressed(*linked, today, who), settings_.authority,
                                     "complaint", "linked", linked->id, linked->version,
                                     linked->jurisdiction, who.subject, now));
        return linked;
      });
}

Result<v1::Complaint> Supervisor::AnswerComplaint(const auth::Principal& who,
                                                  const v1::AnswerComplaintRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  const std::int32_t days = settings_.complaint_answer_days;
  return UpdateEntity<Complaint, v1::Complaint>(
      store_, who, "AnswerComplaint", in.request_id(), "complaint", in.complaint_id(), in.version(),
      keys::Complaint, DecodeComplaint, EncodeComplaint,
      [](const Complaint& c) -> const std::string& { return c.jurisdiction; },
      [days](const Complaint& c) { return ToProto(c, days); }, {},
      [&](const Complaint& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<Complaint> {
        auto after = supervision::AnswerComplaint(before, in.reply(), today);
        if (!after.ok()) return after.error();
        m.events.push_back(MakeEvent(Progressed(*after, today, who), settings_.authority,
                                     "complaint", "answered", after->id, after->version,
                                     after->jurisdiction, who.subject, now));
        return after;
      });
}

Result<v1::Complaint> Supervisor::GetComplaint(const auth::Principal& who,
                                               const v1::GetComplaintRequest& in) {
  if (auto err = ValidateId("complaint_id", in.complaint_id())) return *err;
  const auto rows = store_.Read({{"HGETALL", keys::Complaint(in.complaint_id())},
                                 {"HGETALL", keys::Reporter(in.complaint_id())}});
  const auto hash = store::FlatHash(rows[0]);
  if (hash.empty()) return Error::NotFound("complaint " + in.complaint_id() + " not found");
  auto c = DecodeComplaint(hash);
  if (!c.ok()) return c.error();
  if (auto err = CheckRead(who, c->jurisdiction)) return *err;
  auto out = ToProto(*c, settings_.complaint_answer_days);
  if (MayReadReporter(who, *c) && !store::FlatHash(rows[1]).empty()) {
    auto r = DecodeReporter(store::FlatHash(rows[1]));
    if (!r.ok()) return r.error();
    auto* p = out.mutable_reporter();
    p->set_name(r->name);
    p->set_phone(r->phone);
    p->set_email(r->email);
    p->set_address(r->address);
  }
  return out;
}

Result<v1::ListComplaintsResponse> Supervisor::ListComplaints(const auth::Principal& who,
                                                              const v1::ListComplaintsRequest& in) {
  if (auto err = CheckRead(who, settings_.authority)) return *err;
  const Date today = ChinaDate(clock_.Now());
  std::optional<Date> overdue_as_of;
  if (!in.overdue_as_of().empty()) {
    auto d = DayOrToday("overdue_as_of", in.overdue_as_of(), today);
    if (!d.ok()) return d.error();
    overdue_as_of = *d;
  }
  const int size = in.page().page_size() <= 0 ? 100 : std::min(in.page().page_size(), 1000);
  const auto ids = store_.Read({{"ZRANGE", keys::kComplaints, "0", "-1"}});
  std::vector<std::vector<std::string>> reads;
  for (const auto& id : ids[0].elements) reads.push_back({"HGETALL", keys::Complaint(id.str)});
  std::vector<Complaint> all;
  for (const auto& row : store_.Read(reads)) {
    auto c = DecodeComplaint(store::FlatHash(row));
    if (!c.ok()) return c.error();
    if (!CheckRead(who, c->jurisdiction)) all.push_back(std::move(c).value());
  }
  std::set<std::string> overdue;
  if (overdue_as_of)
    for (const auto& o : OverdueComplaints(all, *overdue_as_of, settings_.complaint_answer_days))
      overdue.insert(o.complaint_id);
  v1::ListComplaintsResponse out;
  bool past_token = in.page().page_token().empty();
  for (const auto& c : all) {
    if (!past_token) {
      past_token = c.id == in.page().page_token();
      continue;
    }
    if (overdue_as_of && !overdue.contains(c.id)) continue;
    if (out.complaints_size() == size) {
      out.mutable_page()->set_next_page_token(out.complaints(size - 1).id());
      break;
    }
    *out.add_complaints() = ToProto(c, settings_.complaint_answer_days);
  }
  return out;
}

Result<v1::IllegalOrg> Supervisor::RecordIllegalOrg(const auth::Principal& who,
                                                    const v1::RecordIllegalOrgRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  if (auto err = CheckWrite(who, settings_.authority)) return *err;
  if (in.kind() <= v1::ILLEGAL_ORG_KIND_UNSPECIFIED || in.kind() > v1::IllegalOrgKind_MAX)
    return Error::InvalidArgument("kind", "one of the three kinds of ENF-13");
  auto found = DayOrToday("found_on", in.found_on(), today);
  if (!found.ok()) return found.error();
  IllegalOrgInput input{"probe",
                        in.name(),
                        FromProtoEnum<IllegalOrgKind>(in.kind()),
                        in.former_organization_id(),
                        settings_.authority,
                        in.description(),
                        *found};
  if (auto probe = supervision::RecordIllegalOrg(input, today); !probe.ok()) return probe.error();
  return CreateEntity<IllegalOrg, v1::IllegalOrg>(
      store_, who, "RecordIllegalOrg", in.request_id(), settings_.authority, "illegal_org", "F",
      keys::Illegal, keys::kIllegals,
      [&](const std::string& id, Mutation& m) -> Result<IllegalOrg> {
        input.id = id;
        auto o = supervision::RecordIllegalOrg(input, today);
        if (!o.ok()) return o.error();
        m.events.push_back(MakeEvent(Changed(*o, today, who), settings_.authority, "illegal_org",
                                     "found", id, o->version, o->jurisdiction, who.subject, now));
        return o;
      },
      EncodeIllegalOrg, [](const IllegalOrg& o) { return ToProto(o); });
}

Result<v1::IllegalOrg> Supervisor::HandleIllegalOrg(const auth::Principal& who,
                                                    const v1::HandleIllegalOrgRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  if (in.disperse_note().empty() == in.referred_to().empty())
    return Error::InvalidArgument("disperse_note",
                                  "give either disperse_note (劝散) or referred_to (移送)");
  return UpdateEntity<IllegalOrg, v1::IllegalOrg>(
      store_, who, "HandleIllegalOrg", in.request_id(), "illegal_org", in.illegal_org_id(),
      in.version(), keys::Illegal, DecodeIllegalOrg, EncodeIllegalOrg,
      [](const IllegalOrg& o) -> const std::string& { return o.jurisdiction; },
      [](const IllegalOrg& o) { return ToProto(o); }, {},
      [&](const IllegalOrg& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<IllegalOrg> {
        auto after = in.disperse_note().empty()
                         ? Refer(before, {in.referred_to(), in.referral_note()}, today)
                         : Disperse(before, {in.disperse_note()}, today);
        if (!after.ok()) return after.error();
        const char* event = in.disperse_note().empty() ? "referred" : "dispersed";
        m.events.push_back(MakeEvent(Changed(*after, today, who), settings_.authority,
                                     "illegal_org", event, after->id, after->version,
                                     after->jurisdiction, who.subject, now));
        return after;
      });
}

Result<v1::ListIllegalOrgsResponse> Supervisor::ListIllegalOrgs(
    const auth::Principal& who, const v1::ListIllegalOrgsRequest& in) {
  if (auto err = CheckRead(who, settings_.authority)) return *err;
  const auto ids = store_.Read({{"ZRANGE", keys::kIllegals, "0", "-1"}});
  std::vector<std::vector<std::string>> reads;
  for (const auto& id : ids[0].elements) reads.push_back({"HGETALL", keys::Illegal(id.str)});
  std::vector<IllegalOrg> all;
  for (const auto& row : store_.Read(reads)) {
    auto o = DecodeIllegalOrg(store::FlatHash(row));
    if (!o.ok()) return o.error();
    if (!CheckRead(who, o->jurisdiction)) all.push_back(std::move(o).value());
  }
  v1::ListIllegalOrgsResponse out;
  for (const auto& o : in.public_only() ? PublicList(all) : all) *out.add_orgs() = ToProto(o);
  return out;
}

}  // namespace socgov::supervision
