#include "party_building/app/views.h"

namespace socgov::party_building {

bool Counts(PartyOrgState s) {
  return s == PartyOrgState::kEstablished || s == PartyOrgState::kActive ||
         s == PartyOrgState::kTermElection;
}

bool InScope(const directory::Entry& e) {
  return e.kind != "COMMUNITY" && e.status != "CANCELLED" && e.status != "REVOKED" &&
         e.status != "FILING_REMOVED";
}

std::string DateText(Date d) { return d == Date{} ? std::string() : FormatDate(d); }

v1::PartyOrganization ToProto(const StoredOrg& s) {
  const PartyOrganization& o = s.org;
  v1::PartyOrganization p;
  p.set_id(o.id);
  p.set_type(static_cast<v1::PartyOrgType>(int(o.type) + 1));
  p.set_jurisdiction(s.jurisdiction);
  p.set_parent_id(o.parent_id);
  for (const auto& c : o.covered_org_ids) p.add_covered_organization_ids(c);
  p.set_formal_members(o.formal_members);
  p.set_probationary_members(o.probationary_members);
  p.set_size_exception_approved(o.size_exception_approved);
  p.set_state(static_cast<v1::PartyOrgState>(int(o.state) + 1));
  p.set_proposed_on(DateText(o.proposed_on));
  p.set_approved_by(o.approved_by);
  p.set_approved_on(DateText(o.approved_on));
  p.set_term_start(DateText(o.term.start));
  p.set_term_end(DateText(o.term.end));
  auto* l = p.mutable_leadership();
  l->set_secretary_person_id(o.leadership.secretary_person_id);
  l->set_deputy_secretary_person_id(o.leadership.deputy_secretary_person_id);
  for (const auto& c : o.leadership.committee) l->add_committee(c);
  l->set_secretary_is_org_head(o.leadership.secretary_is_org_head);
  l->set_cross_appointed(o.leadership.cross_appointed);
  p.set_dissolved_on(DateText(o.dissolved_on));
  p.set_version(s.version);
  return p;
}

Result<Leadership> LeadershipFrom(const v1::Leadership& l) {
  if (l.cross_appointed() < 0)
    return Error::InvalidArgument("leadership.cross_appointed", "must not be negative");
  return Leadership{l.secretary_person_id(),
                    l.deputy_secretary_person_id(),
                    {l.committee().begin(), l.committee().end()},
                    l.secretary_is_org_head(),
                    l.cross_appointed()};
}

Result<Term> TermFrom(const std::string& start_text, const std::string& end_text) {
  auto start = ParseDateField("term_start", start_text);
  if (!start.ok()) return start.error();
  auto end = ParseDateField("term_end", end_text);
  if (!end.ok()) return end.error();
  if (*end < *start) return Error::InvalidArgument("term_end", "before term_start");
  return Term{*start, *end};
}

}  // namespace socgov::party_building
