#include "party_building/domain/records.h"

#include <chrono>

#include "party_building/domain/meeting.h"
#include "platform/util/text.h"

namespace socgov::party_building {

Result<Instructor> AppointInstructor(Instructor draft, Date today) {
  auto name = CheckText("name", draft.name, 64);
  if (!name.ok()) return name.error();
  draft.name = *name;
  if (draft.reached_org_ids.empty())
    return Error::InvalidArgument("reached_organization_ids", "must name at least one");
  if (draft.reached_org_ids.size() > kMaxReached)
    return Error::InvalidArgument("reached_organization_ids",
                                  "at most " + std::to_string(kMaxReached));
  if (auto err = CheckDistinctIds("reached_organization_ids", draft.reached_org_ids)) return *err;
  if (draft.appointed_on > today)
    return Error::InvalidArgument("appointed_on", "must not be in the future");
  draft.ended_on.reset();
  return draft;
}

Result<Instructor> EndInstructor(Instructor i, Date on) {
  if (!i.Serving())
    return Error::FailedPrecondition("state ENDED: instructor " + i.id + " no longer serves");
  if (on < i.appointed_on) return Error::InvalidArgument("on", "before the appointment");
  i.ended_on = on;
  return i;
}

Result<Activity> NewActivity(Activity draft, Date today) {
  if (draft.party_org_ids.empty())
    return Error::InvalidArgument("party_org_ids", "must name at least one");
  if (draft.party_org_ids.size() > kMaxActivityHosts)
    return Error::InvalidArgument("party_org_ids", "at most " + std::to_string(kMaxActivityHosts));
  if (auto err = CheckDistinctIds("party_org_ids", draft.party_org_ids)) return *err;
  auto title = CheckText("title", draft.title, 200);
  if (!title.ok()) return title.error();
  draft.title = *title;
  auto brand = CheckText("brand", draft.brand, 64, /*required=*/false);
  if (!brand.ok()) return brand.error();
  draft.brand = *brand;
  if (draft.participants < 1 || draft.participants > kMaxParticipants)
    return Error::InvalidArgument("participants", "must be 1.." + std::to_string(kMaxParticipants));
  if (draft.held_on > today) return Error::InvalidArgument("held_on", "must not be in the future");
  return draft;
}

Result<MeetingRecord> NewMeeting(MeetingRecord draft, Date today) {
  if (draft.entitled < 1 || draft.entitled > kMaxParticipants)
    return Error::InvalidArgument("entitled", "must be 1.." + std::to_string(kMaxParticipants));
  if (draft.present < 0 || draft.present > draft.entitled)
    return Error::InvalidArgument("present", "must be 0..entitled");
  if (draft.kind == MeetingKind::kResolution) {
    auto passes = ResolutionPasses(draft.votes_for, draft.entitled);
    if (!passes.ok()) return passes.error();
    if (draft.votes_for > draft.present)
      return Error::InvalidArgument("votes_for", "more than the members present");
    draft.passed = *passes;
  } else if (draft.votes_for != 0) {
    return Error::InvalidArgument("votes_for", "only a RESOLUTION meeting votes");
  }
  auto subject = CheckText("subject", draft.subject, 200);
  if (!subject.ok()) return subject.error();
  draft.subject = *subject;
  if (draft.held_on > today) return Error::InvalidArgument("held_on", "must not be in the future");
  return draft;
}

Status CheckRecordYear(const char* field, int year, Date today) {
  const int this_year = int(std::chrono::year_month_day{today}.year());
  if (year < kFirstRecordYear || year > this_year)
    return Error::InvalidArgument(
        field, "must be " + std::to_string(kFirstRecordYear) + ".." + std::to_string(this_year));
  return std::nullopt;
}

}  // namespace socgov::party_building
