#include "supervision/store/supervision_store.h"

namespace socgov::supervision {

namespace keys {
std::string Report(int year, const std::string& org) {
  return "{sup}:ar:" + std::to_string(year) + ":" + org;
}
std::string Year(const std::string& jurisdiction, int year) {
  return "{sup}:ar:year:" + jurisdiction + ":" + std::to_string(year);
}
std::string YearCount(const std::string& jurisdiction, int year, const std::string& what) {
  return "{sup}:ar:count:" + jurisdiction + ":" + std::to_string(year) + ":" + what;
}
std::string ReportState(int year, supervision::ReportState s) {
  return "{sup}:ar:state:" + std::to_string(year) + ":" + std::string(ReportStateName(s));
}
std::string NonPass(const std::string& org) { return "{sup}:ar:nonpass:" + org; }
std::string Credit(const std::string& org) { return "{sup}:credit:" + org; }
std::string CreditList(supervision::CreditList list) {
  return "{sup}:credit:list:" + std::string(CreditListName(list));
}
std::string Plan(const std::string& id) { return "{sup}:plan:" + id; }
std::string Idem(const std::string& rpc, const std::string& request_id) {
  return "{sup}:idem:" + rpc + ":" + request_id;
}
std::string DueMember(int year, const std::string& org) { return std::to_string(year) + ":" + org; }
std::string Case(const std::string& id) { return "{sup}:case:" + id; }
std::string Complaint(const std::string& id) { return "{sup}:complaint:" + id; }
std::string Reporter(const std::string& complaint_id) {
  return "{sup}:complaint:" + complaint_id + ":reporter";
}
std::string Illegal(const std::string& id) { return "{sup}:illegal:" + id; }
std::string Campaign(const std::string& id) { return "{sup}:campaign:" + id; }
std::string RatingRound(const std::string& id) { return "{sup}:rating:round:" + id; }
std::string Rating(const std::string& id) { return "{sup}:rating:" + id; }
std::string RatingsOf(const std::string& org) { return "{sup}:ratings:of:" + org; }
std::string Serial(const std::string& kind) { return "{sup}:serial:" + kind; }
}  // namespace keys

}  // namespace socgov::supervision
