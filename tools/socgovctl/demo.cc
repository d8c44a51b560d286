#include "demo.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <vector>

#include "cli.h"
#include "commands.h"

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;
using ordered_json = nlohmann::ordered_json;

constexpr std::string_view kCity = "厦门市集美区";
constexpr std::string_view kDistrict = "集美区";
constexpr std::string_view kJurisdiction = "350211";

// SplitMix64: tiny, and its output is fixed by the algorithm (std:: distributions are not).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  int Between(int lo, int hi) { return lo + Below(hi - lo + 1); }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<size_t>(Below(static_cast<int>(items.size())))];
  }

 private:
  uint64_t state_;
};

// ---- people ----------------------------------------------------------------------------------

const std::vector<std::string> kSurnames = {
    "陈", "林", "黄", "张", "吴", "王", "李", "郑", "刘", "杨", "许", "蔡", "洪", "曾", "苏",
    "庄", "叶", "周", "谢", "何", "柯", "颜", "卢", "傅", "孙", "江", "邱", "施", "方", "游"};
const std::vector<std::string> kMaleGiven = {
    "志明", "建国", "文杰", "晓东", "海峰", "明辉", "振华", "国强", "永福", "金水", "天佑", "俊杰",
    "伟",   "斌",   "辉",   "强",   "鹏",   "家豪", "子轩", "宏伟", "清源", "荣华", "德胜", "嘉庚"};
const std::vector<std::string> kFemaleGiven = {
    "秀英", "丽华", "美玲", "雅琴", "晓燕", "淑芬", "婉婷", "佳怡", "静",   "敏",   "燕", "丽娟",
    "春梅", "玉兰", "凤英", "慧敏", "思颖", "雪芳", "碧霞", "秋月", "惠珍", "素贞", "琳", "芳"};

struct Person {
  std::string name;
  std::string id_number;
};

class People {
 public:
  explicit People(Rng& rng) : rng_(rng) {}

  // A person born 1960–1995 in Jimei, with an ID number no other demo person has.
  Person Next() {
    while (true) {
      const bool male = rng_.Below(2) == 0;
      const int year = rng_.Between(1960, 1995);
      const int month = rng_.Between(1, 12);
      const int day = rng_.Between(1, 28);
      // The 17th digit is odd for men and even for women (GB 11643 §5.3).
      const int sequence = rng_.Between(0, 499) * 2 + (male ? 1 : 0);
      char body[24];
      std::snprintf(body, sizeof body, "%s%04d%02d%02d%03d", kJurisdiction.data(), year, month, day,
                    sequence);
      std::string id = Gb11643(body);
      if (!used_.insert(id).second) continue;
      return {rng_.Pick(kSurnames) + rng_.Pick(male ? kMaleGiven : kFemaleGiven), id};
    }
  }

 private:
  Rng& rng_;
  std::set<std::string> used_;
};

// ---- places ----------------------------------------------------------------------------------

struct StreetOffice {
  std::string name;                      // 侨英街道, 灌口镇
  std::vector<std::string> communities;  // 叶厝社区, 双岭村
};

const std::vector<StreetOffice>& StreetOffices() {
  static const std::vector<StreetOffice> kOffices = {
      {"集美街道",
       {"岑西社区", "浔江社区", "大社社区", "乐海社区", "盛光社区", "鳌园社区", "集美学村社区",
        "银亭社区"}},
      {"侨英街道",
       {"叶厝社区", "凤林社区", "侨英社区", "兑山社区", "后田社区", "孙厝社区", "曾营社区",
        "滨水社区"}},
      {"杏林街道",
       {"杏林社区", "杏东社区", "内林社区", "高浦社区", "西滨社区", "杏北社区", "宁宝社区",
        "新丰社区"}},
      {"杏滨街道",
       {"杏滨社区", "西亭社区", "日东社区", "锦园社区", "前场社区", "马銮社区", "官任社区",
        "兑山里社区"}},
      {"灌口镇",
       {"灌口社区", "深青村", "双岭村", "黄庄村", "井城村", "田头村", "东辉村", "李林村", "坑内村",
        "三社村"}},
      {"后溪镇",
       {"后溪村", "许厝村", "苏店村", "岩内村", "仑上村", "英村", "城内村", "坂头村", "后垵村"}},
  };
  return kOffices;
}

const std::vector<std::string> kRoads = {
    "集美大道", "杏林湾路", "银江路", "嘉庚路", "岑西路",   "乐海路",   "凤林美路", "侨英路",
    "叶厝路",   "杏林路",   "杏前路", "杏锦路", "杏滨路",   "锦园西路", "灌口中路", "灌南路",
    "双岭路",   "深青路",   "天马路", "滨水路", "诚毅大街", "孙坂南路", "兑山路",   "后溪路"};

std::string Address(Rng& rng) {
  std::string address =
      std::string(kCity) + rng.Pick(kRoads) + " " + std::to_string(rng.Between(1, 1200)) + " 号";
  if (rng.Below(2) == 0) address += " " + std::to_string(rng.Between(2, 12)) + " 楼";
  return address;
}

// ---- social groups (社会团体) ----------------------------------------------------------------

struct GroupTopic {
  std::string name;  // 书法家协会: topic + form, always ending in 会
  std::string scope;
  std::string supervisory_unit;  // empty: direct registration (REG-07)
  bool unit_members;             // trade associations and chambers also have member enterprises
};

std::vector<GroupTopic> GroupTopics() {
  const std::string arts = "文艺创作交流；展览展演；会员业务培训；群众文化活动指导";
  const std::string sports = "组织群众性体育活动；举办比赛与培训；推广全民健身";
  const std::string trade = "行业自律；行业调查与标准推广；会员培训与咨询；维护会员合法权益";
  const std::string academic = "学术研究与交流；科普宣传；专业培训；咨询服务";
  const std::string research = "专题研究；史料整理；学术交流；宣传推广";
  const std::string chamber = "联络会员企业；商务交流与投资咨询；协助招商引资；维护会员合法权益";
  const std::string promotion = "政策研究与建议；项目对接；交流合作；宣传推广";
  const std::string welfare = "公益服务组织协调；志愿者培训；公益项目对接";
  const std::string fellowship = "联谊交流；建言献策；参与社会公益活动";
  const std::string wenlian = "集美区文学艺术界联合会";
  const std::string sport_unit = "集美区文化和旅游局";
  const std::string kexie = "集美区科学技术协会";
  const std::string skl = "集美区社会科学界联合会";
  const std::string tzb = "中共厦门市集美区委统战部";

  std::vector<GroupTopic> topics;
  for (const char* t : {"书法家", "摄影家", "美术家", "音乐家", "舞蹈家", "作家", "戏剧家",
                        "民间文艺家", "曲艺家", "南音", "剪纸艺术", "漆画艺术"}) {
    topics.push_back({std::string(t) + "协会", arts, wenlian, false});
  }
  for (const char* t : {"老年人体育", "篮球", "足球", "羽毛球", "乒乓球", "游泳", "围棋", "象棋",
                        "太极拳", "龙舟", "登山", "门球", "钓鱼", "网球", "武术", "跆拳道"}) {
    topics.push_back({std::string(t) + "协会", sports, sport_unit, false});
  }
  for (const char* t :
       {"餐饮行业",     "物业管理行业", "家政服务行业", "建筑业",       "电子商务",
        "软件行业",     "汽车服务行业", "旅游行业",     "茶业",         "花卉",
        "水产养殖",     "果蔬种植",     "个体劳动者",   "私营企业",     "养老服务行业",
        "托育服务行业", "机械制造行业", "物流行业",     "装饰装修行业", "食品安全"}) {
    topics.push_back({std::string(t) + "协会", trade, "", true});
  }
  for (const char* t : {"志愿者", "社会工作者", "心理咨询师", "义工", "慈善"}) {
    topics.push_back({std::string(t) + "协会", welfare, "", false});
  }
  for (const char* t :
       {"教育", "历史", "心理", "护理", "中医药", "营养", "数学", "计算机", "园艺", "气象"}) {
    topics.push_back({std::string(t) + "学会", academic, kexie, false});
  }
  for (const char* t : {"陈嘉庚思想", "闽南文化", "集美学村历史", "家庭教育", "老龄问题",
                        "侨乡文化", "地名文化", "民俗文化"}) {
    topics.push_back({std::string(t) + "研究会", research, skl, false});
  }
  for (const char* t :
       {"文化产业", "科技创新", "乡村振兴", "体育产业", "青少年阅读", "海峡两岸交流"}) {
    topics.push_back({std::string(t) + "促进会", promotion, "", false});
  }
  for (const char* t : {"晋江", "安溪", "南安", "龙岩", "莆田", "江西", "四川", "湖南", "温州",
                        "建材", "五金机电", "汽车商贸"}) {
    topics.push_back({std::string(t) + "商会", chamber, "", true});
  }
  for (const char* t : {"体育总", "社会组织联合", "志愿服务联合", "老年体育联合", "文化创意联合"}) {
    topics.push_back({std::string(t) + "会", promotion, "", false});
  }
  for (const char* t :
       {"归国华侨联谊", "留学人员联谊", "知识分子联谊", "新的社会阶层人士联谊", "退休教师联谊"}) {
    topics.push_back({std::string(t) + "会", fellowship, tzb, false});
  }
  return topics;
}

// Beyond the district-wide names, a place qualifier (厦门市集美区灌口镇篮球协会) makes more.
std::vector<std::string> GroupQualifiers() {
  std::vector<std::string> qualifiers = {""};
  for (const StreetOffice& office : StreetOffices()) qualifiers.push_back(office.name);
  return qualifiers;
}

// ---- social service organizations (民办非企业单位) --------------------------------------------

struct ServiceField {
  std::string suffix;  // field + institution form: 社会工作服务中心, 幼儿园
  std::string scope;
  std::string supervisory_unit;
};

const std::vector<ServiceField>& ServiceFields() {
  const std::string mz = "集美区民政局";
  const std::string jy = "集美区教育局";
  const std::string ws = "集美区卫生健康局";
  const std::string wl = "集美区文化和旅游局";
  const std::string kj = "集美区科技局";
  const std::string rs = "集美区人力资源和社会保障局";
  static const std::vector<ServiceField> kFields = {
      {"社会工作服务中心", "社会工作专业服务；社区治理协助；社会工作人才培养", mz},
      {"居家养老服务中心", "居家养老服务；老年助餐助洁；老年人文体活动组织", mz},
      {"养老院", "老年人集中供养；生活照料；康复护理", mz},
      {"颐养院", "失能半失能老人照护；康复训练；精神慰藉", mz},
      {"青少年发展中心", "青少年课外成长服务；心理健康辅导；家庭教育指导", mz},
      {"家庭服务中心", "婚姻家庭辅导；亲子教育；家庭矛盾调解", mz},
      {"残疾人托养服务站", "残疾人日间照料；职业康复训练；辅助就业", mz},
      {"社区服务站", "社区便民服务；邻里互助；社区活动组织", mz},
      {"幼儿园", "学前教育；幼儿保育", jy},
      {"艺术培训学校", "美术、音乐、舞蹈等艺术培训", jy},
      {"科技教育中心", "青少年科技教育；科普活动组织", jy},
      {"职业培训学校", "职业技能培训；就业指导", rs},
      {"康复中心", "康复医疗；康复训练；健康咨询", ws},
      {"中医医院", "中医诊疗；中医药健康服务", ws},
      {"心理咨询服务中心", "心理咨询；心理健康教育；危机干预", ws},
      {"图书馆", "图书借阅；阅读推广；讲座展览", wl},
      {"美术馆", "美术作品收藏展览；公共艺术教育", wl},
      {"民俗博物馆", "民俗文物收藏展示；地方文化研究", wl},
      {"书院", "国学讲习；传统文化推广", wl},
      {"体育健身中心", "体育健身指导；体育培训", wl},
      {"环境科学研究所", "环境科学研究；技术咨询；科普宣传", kj},
      {"智能技术研究院", "应用技术研究；成果转化服务；技术培训", kj},
      {"家政服务部", "家政服务；家政人员培训", rs},
      {"调解服务中心", "民间纠纷调解；法律咨询服务", mz},
  };
  return kFields;
}

const std::vector<std::string> kBrands = {
    "和欣",   "乐龄", "青禾", "阳光", "启明", "同心",   "慧心",   "善邻", "仁和", "康宁",
    "福寿",   "德馨", "博雅", "明德", "蓝天", "晨曦",   "春晖",   "暖阳", "益众", "众联",
    "浔江",   "杏林", "学村", "鳌园", "天马", "集贤",   "厚德",   "乐善", "知行", "致远",
    "馨苑",   "悦享", "颐和", "安康", "如意", "向日葵", "小树苗", "七彩", "彩虹", "童心",
    "智慧树", "恒爱", "惠民", "友善", "睦邻", "和美",   "心桥",   "海燕", "白鹭", "凤凰",
    "榕荫",   "杏花", "嘉和", "源泉", "启航", "博爱",   "新知",   "书香", "大地", "常青"};

// ---- community organizations (社区社会组织) ----------------------------------------------------

struct CommunityActivity {
  std::string suffix;  // activity + grassroots form: 志愿服务队, 合唱团
  std::string scope;
  bool service;  // 服务型 (≥ 3 staff) rather than 社团型 (≥ 10 members)
};

const std::vector<CommunityActivity>& CommunityActivities() {
  static const std::vector<CommunityActivity> kActivities = {
      {"志愿服务队", "社区志愿服务；邻里互助；环境整治", false},
      {"平安巡逻队", "社区治安巡逻；防范宣传", false},
      {"舞蹈队", "组织居民开展舞蹈健身；参加社区文艺演出", false},
      {"腰鼓队", "腰鼓健身与表演", false},
      {"合唱团", "合唱排练与演出；群众歌咏活动", false},
      {"太极拳队", "太极拳健身与交流", false},
      {"广场舞队", "广场舞健身；文明跳舞宣传", false},
      {"书画社", "书画创作交流；书画培训", false},
      {"诗词社", "诗词创作与朗诵交流", false},
      {"读书会", "读书分享；阅读推广", false},
      {"南音社", "南音传习与演出", false},
      {"歌仔戏社", "歌仔戏传习与演出", false},
      {"摄影兴趣班", "摄影技能学习与作品交流", false},
      {"乒乓球队", "乒乓球健身与比赛", false},
      {"门球队", "门球健身与比赛", false},
      {"老年协会", "老年人文体活动；互助关爱", false},
      {"邻里互助组", "邻里守望；困难家庭帮扶", false},
      {"助老服务站", "老年人助餐、助洁、助浴、陪诊", true},
      {"助餐服务站", "老年人与困难家庭助餐服务", true},
      {"四点半托管服务站", "学生课后托管；作业辅导", true},
      {"便民维修服务队", "家电与水电便民维修", true},
      {"心理疏导服务站", "居民心理疏导；矛盾化解", true},
      {"家庭教育指导服务站", "家庭教育咨询；亲子活动", true},
      {"环保宣传服务队", "垃圾分类宣传；环境保护活动", true},
      {"助残服务站", "残疾人康复辅助；上门探访", true},
  };
  return kActivities;
}

const std::vector<std::string> kCommunityBrands = {
    "",     "夕阳红", "银龄", "红棉", "白鹭", "凤凰花", "三角梅", "阳光",   "快乐",     "幸福",
    "和谐", "邻里情", "同心", "爱心", "暖心", "蒲公英", "向日葵", "小蜜蜂", "金色年华", "乐活",
    "晨光", "星光",   "彩虹", "木棉", "榕荫", "海风",   "浪花",   "春晖",   "启航",     "老来乐"};

// ---- lines -----------------------------------------------------------------------------------

std::string Yuan(int64_t yuan) { return std::to_string(yuan); }

class DemoWriter {
 public:
  explicit DemoWriter(std::ostream& out) : out_(out), rng_(0x350211), people_(rng_) {}

  void SocialGroups(int count) {
    const std::vector<GroupTopic> topics = GroupTopics();
    const std::vector<std::string> qualifiers = GroupQualifiers();
    for (int i = 0; i < count; ++i) {
      // Walk topics first so the district-wide names come before the place-qualified ones.
      const GroupTopic& topic = topics[static_cast<size_t>(i) % topics.size()];
      const std::string& qualifier = qualifiers[static_cast<size_t>(i) / topics.size()];
      ordered_json line = Common("social_group", std::string(kCity) + qualifier + topic.name);
      line["funds_yuan"] = Yuan(rng_.Between(6, 40) * 5000);  // ≥ ¥30,000 (REG-02)
      line["business_scope"] = topic.scope;
      line["individual_members"] = rng_.Between(50, 600);  // ≥ 50 (REG-01)
      if (topic.unit_members) line["unit_members"] = rng_.Between(20, 120);
      if (!topic.supervisory_unit.empty()) line["supervisory_unit"] = topic.supervisory_unit;
      Emit(line);
    }
  }

  void SocialServices(int count) {
    const std::vector<ServiceField>& fields = ServiceFields();
    for (int i = 0; i < count; ++i) {
      // Field-major; the brand steps by 7 per round (7 is prime to the 60 brands), so every
      // (field, brand) pair comes once and neighbours differ in both.
      const size_t round = static_cast<size_t>(i) / fields.size();
      const size_t slot = static_cast<size_t>(i) % fields.size();
      const ServiceField& field = fields[slot];
      const std::string& brand = kBrands[(round * 7 + slot) % kBrands.size()];
      ordered_json line = Common("social_service", std::string(kCity) + brand + field.suffix);
      line["funds_yuan"] = Yuan(rng_.Between(3, 50) * 10000);
      line["business_scope"] = field.scope;
      const int form = rng_.Below(100);
      line["social_service_form"] = form < 92   ? "legal_person"
                                    : form < 97 ? "partnership"
                                                : "individual";
      line["supervisory_unit"] = field.supervisory_unit;
      Emit(line);
    }
  }

  void Community(int count) {
    std::vector<std::pair<const StreetOffice*, const std::string*>> places;
    for (const StreetOffice& office : StreetOffices()) {
      for (const std::string& community : office.communities)
        places.emplace_back(&office, &community);
    }
    const std::vector<CommunityActivity>& activities = CommunityActivities();
    for (int i = 0; i < count; ++i) {
      // Every (place, activity) pair once, then again with each further brand: the activity steps
      // by 62 per round (51 places + 11, prime to the 25 activities), so no pair repeats.
      const size_t pairs = places.size() * activities.size();
      const auto& [office, community] = places[static_cast<size_t>(i) % places.size()];
      const CommunityActivity& activity =
          activities[(static_cast<size_t>(i) / places.size() * 11 + static_cast<size_t>(i)) %
                     activities.size()];
      const std::string& brand = kCommunityBrands[static_cast<size_t>(i) / pairs];
      ordered_json line = Common("community", std::string(kDistrict) + office->name + *community +
                                                  brand + activity.suffix);
      line["domicile"] = std::string(kCity) + office->name + *community + "党群服务中心";
      // Small activity funds: the register wants a positive amount even for filings.
      line["funds_yuan"] = Yuan(rng_.Between(1, 10) * 500);
      line["business_scope"] = activity.scope;
      line["community_form"] = activity.service ? "service" : "membership";
      if (activity.service) {
        line["staff_count"] = rng_.Between(3, 12);
      } else {
        line["individual_members"] = rng_.Between(10, 80);
      }
      line["filed_with"] = office->name;
      Emit(line);
    }
  }

 private:
  ordered_json Common(const char* kind, const std::string& name) {
    if (!names_.insert(name).second) throw std::logic_error("demo name repeated: " + name);
    const Person person = people_.Next();
    ordered_json line;
    line["kind"] = kind;
    line["name"] = name;
    line["domicile"] = Address(rng_);
    line["legal_representative"] = person.name;
    line["legal_representative_id_number"] = person.id_number;
    line["jurisdiction"] = kJurisdiction;
    return line;
  }

  void Emit(const ordered_json& line) { out_ << line.dump() << "\n"; }

  std::ostream& out_;
  Rng rng_;
  People people_;
  std::set<std::string> names_;
};

}  // namespace

std::string Gb11643(std::string_view body17) {
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                   3, 7, 9,  10, 5, 8, 4, 2};
  static constexpr std::string_view kCheck = "10X98765432";
  if (body17.size() != 17) throw std::invalid_argument("GB 11643 body must be 17 digits");
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    if (body17[i] < '0' || body17[i] > '9') {
      throw std::invalid_argument("GB 11643 body must be 17 digits");
    }
    sum += (body17[i] - '0') * kWeights[i];
  }
  return std::string(body17) + kCheck[static_cast<size_t>(sum % 11)];
}

DemoCounts DemoCapacity() {
  size_t places = 0;
  for (const StreetOffice& office : StreetOffices()) places += office.communities.size();
  return {
      .social_groups = static_cast<int>(GroupTopics().size() * GroupQualifiers().size()),
      .social_services = static_cast<int>(kBrands.size() * ServiceFields().size()),
      .community =
          static_cast<int>(places * CommunityActivities().size() * kCommunityBrands.size()),
  };
}

void WriteJimeiDemo(std::ostream& out, const DemoCounts& counts) {
  const DemoCounts capacity = DemoCapacity();
  if (counts.social_groups > capacity.social_groups ||
      counts.social_services > capacity.social_services || counts.community > capacity.community) {
    throw std::invalid_argument("at most " + std::to_string(capacity.social_groups) +
                                " social groups, " + std::to_string(capacity.social_services) +
                                " social services and " + std::to_string(capacity.community) +
                                " community organizations");
  }
  DemoWriter writer(out);
  writer.SocialGroups(counts.social_groups);
  writer.SocialServices(counts.social_services);
  writer.Community(counts.community);
}

int DemoJimei(const Context& ctx, const Config& flags) {
  const std::string& out = Required(flags, "out");
  const DemoCounts counts{
      .social_groups = static_cast<int>(flags.GetInt("social-groups", 0, 1000000)),
      .social_services = static_cast<int>(flags.GetInt("social-services", 0, 1000000)),
      .community = static_cast<int>(flags.GetInt("community", 0, 1000000)),
  };
  const std::string tmp = out + ".tmp";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file) throw std::runtime_error("cannot create " + tmp + ": " + std::strerror(errno));
    try {
      WriteJimeiDemo(file, counts);
    } catch (const std::invalid_argument& e) {
      file.close();
      std::remove(tmp.c_str());
      throw ConfigError(e.what());
    }
    file.close();
    if (file.fail()) throw std::runtime_error("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), out.c_str()) != 0) {
    throw std::runtime_error("cannot rename " + tmp + " to " + out + ": " + std::strerror(errno));
  }
  ctx.err << "wrote " << counts.social_groups + counts.social_services + counts.community
          << " organizations to " << out << "\n";
  return kExitOk;
}

}  // namespace socgov::ctl
