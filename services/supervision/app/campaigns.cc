// Special campaigns (专项整治) with their items and exact counts, and the detections (ZB-01,
// TE-01/02, low-activity community filings) that feed them. Detections are computed as of a day
// from what supervision itself knows — the directory (registration's facts: registration date,
// council term), its annual reports, its credit records and inspections — and store nothing.
#include <map>
#include <set>

#include "platform/directory/directory.h"
#include "socgov/supervision/v1/events.pb.h"
#include "supervision/app/case_support.h"
#include "supervision/app/entity_command.h"
#include "supervision/app/to_proto.h"
#include "supervision/domain/detection.h"

namespace socgov::supervision {
namespace {

namespace ev = ::socgov::supervision::v1;

const char* KindName(CampaignKind k) {
  static const char* names[] = {"ZOMBIE_CLEANUP", "OVERDUE_REELECTION", "CHARITY_SECTOR",
                                "LOW_ACTIVITY_COMMUNITY", "OTHER"};
  return names[static_cast<int>(k)];
}

ev::CampaignChanged Changed(const Campaign& c, const CampaignItem* item, Date on,
                            const auth::Principal& who) {
  ev::CampaignChanged b;
  b.set_campaign_id(c.id);
  b.set_name(c.name);
  b.set_kind(KindName(c.kind));
  b.set_jurisdiction(c.jurisdiction);
  if (item) {
    b.set_item_id(item->id);
    b.set_organization_id(item->organization_id);
    b.set_case_id(item->case_id);
  }
  b.set_on(FormatDate(on));
  const auto n = CountCampaign(c, on);
  b.set_found(n.found);
  b.set_rectified(n.rectified);
  b.set_escalated(n.escalated);
  b.set_removed(n.removed);
  b.set_cancelled_voluntarily(n.cancelled_voluntarily);
  SetActor(who, b.mutable_actor());
  b.add_rule_ids("ZB-02");
  return b;
}

const CampaignItem* ItemOf(const Campaign& c, const std::string& id) {
  for (const auto& i : c.items)
    if (i.id == id) return &i;
  return nullptr;
}

}  // namespace

Result<v1::Campaign> Supervisor::StartCampaign(const auth::Principal& who,
                                               const v1::StartCampaignRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  if (auto err = CheckWrite(who, settings_.authority)) return *err;
  if (in.kind() <= v1::CAMPAIGN_KIND_UNSPECIFIED || in.kind() > v1::CampaignKind_MAX)
    return Error::InvalidArgument("kind", "required");
  CampaignInput input{"probe", in.name(), FromProtoEnum<CampaignKind>(in.kind()),
                      settings_.authority};
  if (auto probe = supervision::StartCampaign(input, today); !probe.ok()) return probe.error();
  return CreateEntity<Campaign, v1::Campaign>(
      store_, who, "StartCampaign", in.request_id(), settings_.authority, "campaign", "Z",
      keys::Campaign, keys::kCampaigns,
      [&](const std::string& id, Mutation& m) -> Result<Campaign> {
        input.id = id;
        auto c = supervision::StartCampaign(input, today);
        if (!c.ok()) return c.error();
        m.events.push_back(MakeEvent(Changed(*c, nullptr, today, who), settings_.authority,
                                     "campaign", "started", id, c->version, c->jurisdiction,
                                     who.subject, now));
        return c;
      },
      EncodeCampaign, [today](const Campaign& c) { return ToProto(c, today); });
}

Result<v1::Campaign> Supervisor::AddCampaignItem(const auth::Principal& who,
                                                 const v1::AddCampaignItemRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  if (auto err = ValidateId("organization_id", in.organization_id())) return *err;
  auto found = DayOrToday("found_on", in.found_on(), today);
  if (!found.ok()) return found.error();
  auto deadline = ParseDateField("rectification_deadline", in.rectification_deadline());
  if (!deadline.ok()) return deadline.error();
  auto entry = directory_.Get(in.organization_id());
  if (!entry)
    return Error::NotFound("organization " + in.organization_id() + " is not registered here");
  return UpdateEntity<Campaign, v1::Campaign>(
      store_, who, "AddCampaignItem", in.request_id(), "campaign", in.campaign_id(), in.version(),
      keys::Campaign, DecodeCampaign, EncodeCampaign,
      [](const Campaign& c) -> const std::string& { return c.jurisdiction; },
      [today](const Campaign& c) { return ToProto(c, today); }, {},
      [&](const Campaign& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<Campaign> {
        if (entry->jurisdiction != before.jurisdiction && CheckWrite(who, entry->jurisdiction))
          return Error::PermissionDenied("organization " + entry->id + " belongs to " +
                                         entry->jurisdiction);
        const std::string item_id = before.id + "-" + std::to_string(before.items.size() + 1);
        auto after = AddItem(before, {item_id, entry->id, in.problem(), *found, *deadline}, today);
        if (!after.ok()) return after.error();
        m.events.push_back(MakeEvent(Changed(*after, ItemOf(*after, item_id), today, who),
                                     settings_.authority, "campaign", "item_added", after->id,
                                     after->version, after->jurisdiction, who.subject, now));
        return after;
      });
}

Result<v1::Campaign> Supervisor::ResolveCampaignItem(const auth::Principal& who,
                                                     const v1::ResolveCampaignItemRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  if (in.resolution() <= v1::ITEM_RESOLUTION_UNSPECIFIED ||
      in.resolution() > v1::ItemResolution_MAX)
    return Error::InvalidArgument("resolution",
                                  "RECTIFIED, ESCALATED, FILING_REMOVED or CANCELLED_VOLUNTARILY");
  auto rectified_on = DayOrToday("rectified_on", in.rectified_on(), today);
  if (!rectified_on.ok()) return rectified_on.error();
  std::string case_id;
  if (in.resolution() == v1::ITEM_RESOLUTION_ESCALATED) {
    auto id = NewCaseId(store_, settings_.authority);
    if (!id.ok()) return id.error();
    case_id = *id;
  }
  return UpdateEntity<Campaign, v1::Campaign>(
      store_, who, "ResolveCampaignItem", in.request_id(), "campaign", in.campaign_id(),
      in.version(), keys::Campaign, DecodeCampaign, EncodeCampaign,
      [](const Campaign& c) -> const std::string& { return c.jurisdiction; },
      [today](const Campaign& c) { return ToProto(c, today); }, {},
      [&](const Campaign& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<Campaign> {
        const CampaignItem* item = ItemOf(before, in.item_id());
        if (!item) return Error::InvalidArgument("item_id", "not an item of this campaign");
        Result<Campaign> after = Error::Internal("unreachable");
        const char* event = "";
        switch (in.resolution()) {
          case v1::ITEM_RESOLUTION_RECTIFIED:
            after = RectifyItem(before, in.item_id(), *rectified_on, today);
            event = "item_rectified";
            break;
          case v1::ITEM_RESOLUTION_ESCALATED: {
            after = EscalateItem(before, in.item_id(), case_id, today);
            event = "item_escalated";
            if (!after.ok()) break;
            auto entry = directory_.Get(item->organization_id);
            if (!entry)
              return Error::FailedPrecondition("organization " + item->organization_id +
                                               " is no longer in the directory");
            ClueInput clue;
            clue.id = case_id;
            clue.target.organization_id = entry->id;
            clue.target_jurisdiction = entry->jurisdiction;
            clue.source = CaseSource::kCampaign;
            clue.source_ref = item->id;
            clue.summary = item->problem;
            auto opened = OpenClue(clue, today);
            if (!opened.ok()) return opened.error();
            AddNewCase(m, *opened, who, settings_.authority, now);
            break;
          }
          case v1::ITEM_RESOLUTION_FILING_REMOVED:
            after = RemoveFiling(before, in.item_id(), today);
            event = "filing_removed";
            break;
          default:
            after = RecordVoluntaryCancellation(before, in.item_id(), today);
            event = "cancelled_voluntarily";
            break;
        }
        if (!after.ok()) return after.error();
        m.events.push_back(MakeEvent(Changed(*after, ItemOf(*after, in.item_id()), today, who),
                                     settings_.authority, "campaign", event, after->id,
                                     after->version, after->jurisdiction, who.subject, now));
        return after;
      });
}

Result<v1::Campaign> Supervisor::GetCampaign(const auth::Principal& who,
                                             const v1::GetCampaignRequest& in) {
  if (auto err = ValidateId("campaign_id", in.campaign_id())) return *err;
  const auto rows = store_.Read({{"HGETALL", keys::Campaign(in.campaign_id())}});
  const auto hash = store::FlatHash(rows[0]);
  if (hash.empty()) return Error::NotFound("campaign " + in.campaign_id() + " not found");
  auto c = DecodeCampaign(hash);
  if (!c.ok()) return c.error();
  if (auto err = CheckRead(who, c->jurisdiction)) return *err;
  return ToProto(*c, ChinaDate(clock_.Now()));
}

Result<v1::RunDetectionsResponse> Supervisor::RunDetections(const auth::Principal& who,
                                                            const v1::RunDetectionsRequest& in) {
  if (auto err = CheckRead(who, settings_.authority)) return *err;
  const Date today = ChinaDate(clock_.Now());
  auto as_of = DayOrToday("as_of", in.as_of(), today);
  if (!as_of.ok()) return as_of.error();
  ZombieScan scan{*as_of, std::nullopt};
  if (!in.activity_cutoff().empty()) {
    auto d = ParseDateField("activity_cutoff", in.activity_cutoff());
    if (!d.ok()) return d.error();
    scan.activity_cutoff = *d;
  }
  if (in.inactivity_months() < 0 || in.inactivity_months() > 120)
    return Error::InvalidArgument("inactivity_months", "0 to 120");
  const int months =
      in.inactivity_months() == 0 ? kDefaultInactivityMonths : in.inactivity_months();
  const int year_now = static_cast<int>(std::chrono::year_month_day{*as_of}.year());

  const auto entries = directory_.List(settings_.authority, 0, 1'000'000);
  std::map<std::string, std::string> names;
  // Observed activity: annual reports with activities (dated the last day of their year) and
  // passed inspections.
  std::map<std::string, std::vector<Date>> activity;
  std::map<std::string, std::vector<int>> missed;
  for (int year = year_now - 3; year < year_now; ++year) {
    const auto overdue =
        store_.Read({{"ZRANGE", keys::ReportState(year, ReportState::kOverdue), "0", "-1"}});
    for (const auto& id : overdue[0].elements) missed[id.str].push_back(year);
  }
  std::vector<std::vector<std::string>> report_reads;
  std::vector<std::pair<std::string, int>> report_keys;
  for (const auto& e : entries)
    for (int year = year_now - 3; year < year_now; ++year) {
      report_reads.push_back({"HGET", keys::Report(year, e.id), "json"});
      report_keys.push_back({e.id, year});
    }
  const auto reports = store_.Read(report_reads);
  for (size_t i = 0; i < reports.size(); ++i) {
    if (reports[i].is_nil()) continue;
    auto r = DecodeReport({"json", reports[i].AsString()});
    if (r.ok() && r->submitted_on && r->sections.activity_count > 0)
      activity[report_keys[i].first].push_back(
          Date{std::chrono::year{report_keys[i].second} / 12 / 31});
  }
  const auto plans = store_.Read({{"ZRANGE", keys::kPlans, "0", "-1"}});
  for (const auto& id : plans[0].elements) {
    const auto rows = store_.Read({{"HGETALL", keys::Plan(id.str)}});
    auto p = DecodePlan(store::FlatHash(rows[0]));
    if (!p.ok()) continue;
    for (const auto& i : p->inspections)
      if (i.result == InspectionResult::kPassed && i.inspected_on)
        activity[i.organization_id].push_back(*i.inspected_on);
  }
  std::vector<std::vector<std::string>> credit_reads;
  for (const auto& e : entries) credit_reads.push_back({"HGET", keys::Credit(e.id), "json"});
  const auto credits = store_.Read(credit_reads);

  std::vector<ZombieFacts> zombies;
  std::vector<CouncilTerm> terms;
  std::vector<CommunityFilingFacts> filings;
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    if (e.status != "ACTIVE" && e.status != "CHANGE_PENDING" && e.status != "SUSPENDED" &&
        e.status != "FILED")
      continue;
    names[e.id] = e.name;
    auto registered = ParseDate(e.registered_on);
    if (!registered) continue;
    if (e.kind == "COMMUNITY") {
      filings.push_back({e.id, *registered, activity[e.id]});
      continue;
    }
    bool unreachable = false;
    if (!credits[i].is_nil())
      if (auto a = DecodeCredit({"json", credits[i].AsString()}); a.ok())
        for (const auto& ce : a->record.events)
          unreachable = unreachable || ce.kind == CreditEventKind::kUnreachable;
    zombies.push_back({e.id, *registered, missed[e.id], activity[e.id], unreachable, false});
    auto start = ParseDate(e.term_start), end = ParseDate(e.term_end);
    if (start && end)
      terms.push_back(
          {e.id, *start, *end,
           e.term_extension_until.empty() ? std::nullopt : ParseDate(e.term_extension_until)});
  }
  v1::RunDetectionsResponse out;
  out.set_as_of(FormatDate(*as_of));
  auto add = [&](const std::vector<Candidate>& found, const char* detection) {
    for (const auto& c : found) {
      auto* d = out.add_candidates();
      d->set_organization_id(c.organization_id);
      d->set_organization_name(names[c.organization_id]);
      d->set_detection(detection);
      for (const auto& r : c.reasons) d->add_reasons(r.rule + ": " + r.text);
    }
  };
  auto z = ScanZombies(zombies, scan);
  if (!z.ok()) return z.error();
  add(*z, "zombie");
  // A term recorded with an extension beyond TE-01's year is registration's data error: it is
  // left out of the scan rather than failing it.
  std::vector<CouncilTerm> valid_terms;
  for (auto& t : terms)
    if (!CheckExtension(t)) valid_terms.push_back(t);
  auto te = ScanOverdueReelections(valid_terms, *as_of);
  if (!te.ok()) return te.error();
  add(*te, "overdue_reelection");
  auto lf = ScanInactiveCommunityFilings(filings, *as_of, months);
  if (!lf.ok()) return lf.error();
  add(*lf, "low_activity_filing");
  return out;
}

}  // namespace socgov::supervision
