// The JSON of party building's entities. Enums are stored as their numbers, so enumerators are
// only ever appended; dates as YYYY-MM-DD text, so a record reads the same with redis-cli.
#include "party_building/store/party_building_store.h"
#include "platform/store/json_entity.h"

namespace socgov::party_building {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Term, start, end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Leadership, secretary_person_id,
                                                deputy_secretary_person_id, committee,
                                                secretary_is_org_head, cross_appointed)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PartyOrganization, id, type, parent_id,
                                                covered_org_ids, formal_members,
                                                probationary_members, size_exception_approved,
                                                state, proposed_on, approved_by, approved_on, term,
                                                leadership, dissolved_on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TemporaryBranchRecords, applied_on,
                                                application_doc_no, approved_on, approval_doc_no,
                                                filed_on, filing_doc_no)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Dissolution, on, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TemporaryBranch, id, host_org_id, parent_id,
                                                formal_members_not_transferred, term, state,
                                                approved_by, secretary_person_id, records,
                                                dissolution)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PartyMember, id_number, kind,
                                                membership_transferred_in, party_org_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SixWhether, follows_party_line, lawful,
                                                within_charter, ideologically_sound,
                                                serves_members_and_public, sound_development)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Opinion, form, checklist, agree, reason, on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Deviation, description, recorded_on, status,
                                                resolved_on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(MajorDecision, id, org_id, party_org_id, category,
                                                major, title, decision_meeting_on, state, opinion,
                                                escalation_due_by, escalated_to, escalated_on,
                                                escalated_late, execution_started_on, deviations,
                                                closed_on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Instructor, id, name, reached_org_ids, appointed_on,
                                                ended_on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(MeetingRecord, id, party_org_id, kind, held_on,
                                                entitled, present, votes_for, passed, subject)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Activity, id, party_org_ids, held_on, title,
                                                participants, brand)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Evaluation, party_org_id, year, six_good,
                                                evaluated_by)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Award, id, kind, party_org_id,
                                                member_id_number_masked, year, awarded_by)
template <typename T>
void to_json(nlohmann::json& j, const Stored<T>& s) {
  j = nlohmann::json{{"value", s.value}, {"jurisdiction", s.jurisdiction}, {"version", s.version}};
}
template <typename T>
void from_json(const nlohmann::json& j, Stored<T>& s) {
  j.at("value").get_to(s.value);
  j.at("jurisdiction").get_to(s.jurisdiction);
  j.at("version").get_to(s.version);
}
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StoredOrg, org, jurisdiction, version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StoredBranch, branch, jurisdiction, version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StoredMember, member, works_at_org_id, jurisdiction,
                                                version)

namespace {

template <typename T>
std::vector<std::string> Encode(const T& v) {
  return store::EncodeJsonEntity(v, v.version, v.jurisdiction);
}

template <typename T>
Result<T> Decode(const std::vector<std::string>& flat, const char* what) {
  return store::DecodeJsonEntity<T>(flat, what);
}

}  // namespace

#define SOCGOV_PB_CODEC(Name, Type, what)                                    \
  std::vector<std::string> Encode##Name(const Type& v) { return Encode(v); } \
  Result<Type> Decode##Name(const std::vector<std::string>& f) { return Decode<Type>(f, what); }
SOCGOV_PB_CODEC(Decision, StoredDecision, "major decision")
SOCGOV_PB_CODEC(Instructor, StoredInstructor, "instructor")
SOCGOV_PB_CODEC(Meeting, StoredMeeting, "meeting")
SOCGOV_PB_CODEC(Activity, StoredActivity, "activity")
SOCGOV_PB_CODEC(Evaluation, StoredEvaluation, "evaluation")
SOCGOV_PB_CODEC(Award, StoredAward, "award")
#undef SOCGOV_PB_CODEC

std::vector<std::string> EncodeOrg(const StoredOrg& o) { return Encode(o); }
Result<StoredOrg> DecodeOrg(const std::vector<std::string>& f) {
  return Decode<StoredOrg>(f, "party organization");
}
std::vector<std::string> EncodeBranch(const StoredBranch& b) { return Encode(b); }
Result<StoredBranch> DecodeBranch(const std::vector<std::string>& f) {
  return Decode<StoredBranch>(f, "temporary branch");
}
std::vector<std::string> EncodeMember(const StoredMember& m) { return Encode(m); }
Result<StoredMember> DecodeMember(const std::vector<std::string>& f) {
  return Decode<StoredMember>(f, "member");
}

}  // namespace socgov::party_building
