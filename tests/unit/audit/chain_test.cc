#include "audit/domain/chain.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace socgov::audit {
namespace {

RecordFields SampleRecord() {
  RecordFields f;
  f.seq = 1;
  f.event_id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
  f.event_type = "cn.socgov.registration.organization.registered.v1";
  f.source = "/socgov/350211/registration";
  f.aggregate_id = "52350211MJ0000017X";
  f.jurisdiction = "350211";
  f.actor = "clerk.jimei.01";
  f.occurred_at = "2026-01-31T08:00:00.000Z";
  f.recorded_at = "2026-01-31T08:00:01.250Z";
  f.stream = "REGISTRATION";
  f.payload_json = "{\"organization\":{\"name\":\"集美区志愿者协会\"}}";
  return f;
}

std::string Hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 0x0F]);
  }
  return out;
}

struct Stored {
  RecordFields fields;
  std::string prev_hash;
  std::string hash;
};

std::vector<Stored> MakeChain(int n) {
  std::vector<Stored> chain;
  std::string prev(kGenesisHash);
  for (int i = 1; i <= n; ++i) {
    RecordFields f = SampleRecord();
    f.seq = i;
    f.event_id += "-" + std::to_string(i);
    const std::string hash = ChainHash(prev, f);
    chain.push_back({f, prev, hash});
    prev = hash;
  }
  return chain;
}

VerifyResult Verify(const std::vector<Stored>& chain) {
  ChainVerifier v;
  for (const auto& r : chain) v.Add(r.fields, r.prev_hash, r.hash);
  if (!chain.empty()) v.CheckHead(chain.back().fields.seq, chain.back().hash);
  return v.Result();
}

TEST(CanonicalBytes, StartsWithTagThenLengthPrefixedFields) {
  const std::string bytes = CanonicalBytes(SampleRecord());
  ASSERT_EQ(bytes.substr(0, 16), "socgov.audit.v1\n");
  // seq 1 as the 1-byte decimal text "1", then the 36-byte event id.
  EXPECT_EQ(Hex(bytes.substr(16, 5)), "0000000131");
  EXPECT_EQ(Hex(bytes.substr(21, 4)), "00000024");
}

// Golden values computed once from the documented format with an independent implementation
// (Python hashlib + struct). If this fails, the stored-chain format changed: every existing chain
// would stop verifying.
TEST(ChainHash, GoldenValueIsStable) {
  const RecordFields f = SampleRecord();
  EXPECT_EQ(ChainHash(kGenesisHash, f),
            "e74659844ffccdf690bdf4c939511bd32811a775b50f4a52ce40ed1be78cdfb0");
}

TEST(ChainHash, ChangesWhenAnyFieldChanges) {
  const RecordFields base = SampleRecord();
  const std::string base_hash = ChainHash(kGenesisHash, base);
  const std::vector<std::function<void(RecordFields&)>> edits = {
      [](RecordFields& f) { f.seq = 2; },
      [](RecordFields& f) { f.event_id += "0"; },
      [](RecordFields& f) { f.event_type += "x"; },
      [](RecordFields& f) { f.source += "x"; },
      [](RecordFields& f) { f.aggregate_id += "x"; },
      [](RecordFields& f) { f.jurisdiction = "350200"; },
      [](RecordFields& f) { f.actor += "x"; },
      [](RecordFields& f) { f.occurred_at = "2026-01-31T08:00:00.001Z"; },
      [](RecordFields& f) { f.recorded_at = "2026-01-31T08:00:01.251Z"; },
      [](RecordFields& f) { f.stream = "SUPERVISION"; },
      [](RecordFields& f) { f.payload_json = "{}"; },
  };
  for (size_t i = 0; i < edits.size(); ++i) {
    RecordFields changed = base;
    edits[i](changed);
    EXPECT_NE(ChainHash(kGenesisHash, changed), base_hash) << "edit " << i;
  }
}

TEST(ChainHash, ChangesWithPreviousHash) {
  const RecordFields f = SampleRecord();
  const std::string other_prev(64, 'a');
  EXPECT_NE(ChainHash(kGenesisHash, f), ChainHash(other_prev, f));
}

TEST(ChainHash, FieldBoundariesMatter) {
  // Without length prefixes these two records would concatenate to the same bytes.
  RecordFields a = SampleRecord();
  RecordFields b = SampleRecord();
  a.actor = "ab";
  a.occurred_at = "c";
  b.actor = "a";
  b.occurred_at = "bc";
  EXPECT_NE(CanonicalBytes(a), CanonicalBytes(b));
  EXPECT_NE(ChainHash(kGenesisHash, a), ChainHash(kGenesisHash, b));
}

TEST(ChainHash, RejectsMalformedPreviousHash) {
  const RecordFields f = SampleRecord();
  EXPECT_EQ(ChainHash("", f), "");
  EXPECT_EQ(ChainHash(std::string(63, '0'), f), "");
  EXPECT_EQ(ChainHash(std::string(64, 'A'), f), "");  // the chain stores lowercase only
  EXPECT_EQ(ChainHash(std::string(63, '0') + "g", f), "");
}

TEST(ChainVerifier, EmptyChainIsOk) {
  ChainVerifier v;
  v.CheckHead(0, kGenesisHash);
  EXPECT_TRUE(v.Result().ok);
  EXPECT_EQ(v.Result().records_checked, 0);
  EXPECT_EQ(v.Result().head_hash, kGenesisHash);
}

TEST(ChainVerifier, PassesIntactChain) {
  const auto chain = MakeChain(3);
  const VerifyResult r = Verify(chain);
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.records_checked, 3);
  EXPECT_EQ(r.first_broken_seq, 0);
  EXPECT_EQ(r.problem, "");
  EXPECT_EQ(r.head_hash, chain[2].hash);
}

TEST(ChainVerifier, ReportsTamperedPayload) {
  auto chain = MakeChain(3);
  chain[1].fields.payload_json = "{\"organization\":{\"name\":\"forged\"}}";
  const VerifyResult r = Verify(chain);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_broken_seq, 2);
  EXPECT_EQ(r.records_checked, 2);
  EXPECT_NE(r.problem.find("recomputed"), std::string::npos) << r.problem;
  EXPECT_EQ(r.head_hash, chain[0].hash);  // the last record that still verified
}

TEST(ChainVerifier, ReportsWrongPrevHash) {
  auto chain = MakeChain(3);
  chain[2].prev_hash = std::string(64, 'f');
  const VerifyResult r = Verify(chain);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_broken_seq, 3);
  EXPECT_NE(r.problem.find("prev_hash"), std::string::npos) << r.problem;
}

TEST(ChainVerifier, ReportsRecordRehashedOverTamperedContent) {
  // A forger who recomputes the hash of a changed record still breaks the next link.
  auto chain = MakeChain(3);
  chain[0].fields.actor = "someone.else";
  chain[0].hash = ChainHash(chain[0].prev_hash, chain[0].fields);
  const VerifyResult r = Verify(chain);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_broken_seq, 2);
}

TEST(ChainVerifier, ReportsGapInSeq) {
  auto chain = MakeChain(4);
  chain.erase(chain.begin() + 2);  // seq 3 removed
  const VerifyResult r = Verify(chain);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_broken_seq, 3);
  EXPECT_NE(r.problem.find("expected seq 3"), std::string::npos) << r.problem;
}

TEST(ChainVerifier, ReportsChainNotStartingAtOne) {
  auto chain = MakeChain(2);
  chain.erase(chain.begin());
  const VerifyResult r = Verify(chain);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_broken_seq, 1);
}

TEST(ChainVerifier, ReportsMissingRecord) {
  const auto chain = MakeChain(3);
  ChainVerifier v;
  v.Add(chain[0].fields, chain[0].prev_hash, chain[0].hash);
  v.AddMissing(2);
  v.Add(chain[2].fields, chain[2].prev_hash, chain[2].hash);  // ignored: first failure wins
  EXPECT_FALSE(v.Result().ok);
  EXPECT_EQ(v.Result().first_broken_seq, 2);
  EXPECT_EQ(v.Result().records_checked, 2);
}

TEST(ChainVerifier, ReportsHeadNotNamingLastRecord) {
  const auto chain = MakeChain(3);
  {
    ChainVerifier v;  // truncated tail: head says 3, only 2 records were there
    v.Add(chain[0].fields, chain[0].prev_hash, chain[0].hash);
    v.Add(chain[1].fields, chain[1].prev_hash, chain[1].hash);
    v.CheckHead(3, chain[2].hash);
    EXPECT_FALSE(v.Result().ok);
    EXPECT_EQ(v.Result().first_broken_seq, 3);
  }
  {
    ChainVerifier v;  // head hash replaced
    for (const auto& r : chain) v.Add(r.fields, r.prev_hash, r.hash);
    v.CheckHead(3, std::string(64, 'e'));
    EXPECT_FALSE(v.Result().ok);
    EXPECT_EQ(v.Result().first_broken_seq, 3);
  }
}

TEST(ChainVerifier, FirstFailureWins) {
  auto chain = MakeChain(4);
  chain[1].fields.stream = "OTHER";
  chain[3].prev_hash = std::string(64, '1');
  const VerifyResult r = Verify(chain);
  EXPECT_EQ(r.first_broken_seq, 2);
}

}  // namespace
}  // namespace socgov::audit

namespace socgov::audit {
namespace {

TEST(ChainVerifierTail, ReportsARecordBeyondTheHead) {
  // A deleted or rewound head would otherwise hide the records after it.
  const auto chain = MakeChain(2);
  ChainVerifier v;
  v.Add(chain[0].fields, chain[0].prev_hash, chain[0].hash);
  v.CheckHead(1, chain[0].hash);
  v.CheckTail(1, 1, /*record_after_current_head=*/true, 2);
  EXPECT_FALSE(v.Result().ok);
  EXPECT_EQ(v.Result().first_broken_seq, 2);
}

TEST(ChainVerifierTail, ReportsADedupIndexThatDisagreesWithTheChain) {
  const auto chain = MakeChain(2);
  ChainVerifier v;
  for (const auto& r : chain) v.Add(r.fields, r.prev_hash, r.hash);
  v.CheckHead(2, chain[1].hash);
  v.CheckTail(2, 2, false, 3);
  EXPECT_FALSE(v.Result().ok);
  ChainVerifier good;
  for (const auto& r : chain) good.Add(r.fields, r.prev_hash, r.hash);
  good.CheckHead(2, chain[1].hash);
  good.CheckTail(2, 2, false, 2);
  EXPECT_TRUE(good.Result().ok) << good.Result().problem;
}

TEST(ChainVerifierTail, AppendsDuringTheWalkAreNotTampering) {
  const auto chain = MakeChain(3);
  ChainVerifier v;
  for (int i = 0; i < 2; ++i) v.Add(chain[i].fields, chain[i].prev_hash, chain[i].hash);
  v.CheckHead(2, chain[1].hash);
  v.CheckTail(2, 3, false, 3);  // record 3 was appended after the head was read
  EXPECT_TRUE(v.Result().ok) << v.Result().problem;
  ChainVerifier back;
  for (int i = 0; i < 2; ++i) back.Add(chain[i].fields, chain[i].prev_hash, chain[i].hash);
  back.CheckHead(2, chain[1].hash);
  back.CheckTail(2, 1, false, 1);  // the head moved back
  EXPECT_FALSE(back.Result().ok);
}

}  // namespace
}  // namespace socgov::audit
