#include "audit/domain/chain.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <stdexcept>

namespace socgov::audit {
namespace {

void AppendField(std::string& out, std::string_view value) {
  // The chain format fixes 4-byte lengths; a larger field would silently wrap and break the
  // injectivity the prefixes exist for.
  if (value.size() > 0xFFFFFFFFu) throw std::length_error("audit record field exceeds 4 GiB");
  const auto n = static_cast<uint32_t>(value.size());
  out.push_back(static_cast<char>((n >> 24) & 0xFF));
  out.push_back(static_cast<char>((n >> 16) & 0xFF));
  out.push_back(static_cast<char>((n >> 8) & 0xFF));
  out.push_back(static_cast<char>(n & 0xFF));
  out.append(value);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::array<unsigned char, 32>> DecodeHash(std::string_view hex) {
  if (!IsHashHex(hex)) return std::nullopt;
  std::array<unsigned char, 32> raw{};
  for (size_t i = 0; i < raw.size(); ++i) {
    raw[i] = static_cast<unsigned char>(HexValue(hex[2 * i]) * 16 + HexValue(hex[2 * i + 1]));
  }
  return raw;
}

std::string EncodeHex(const unsigned char* data, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * n);
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kDigits[data[i] >> 4]);
    out.push_back(kDigits[data[i] & 0x0F]);
  }
  return out;
}

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

}  // namespace

std::string CanonicalBytes(const RecordFields& f) {
  std::string out(kCanonicalTag);
  AppendField(out, std::to_string(f.seq));
  for (const std::string* field :
       {&f.event_id, &f.event_type, &f.source, &f.aggregate_id, &f.jurisdiction, &f.actor,
        &f.occurred_at, &f.recorded_at, &f.stream, &f.payload_json}) {
    AppendField(out, *field);
  }
  return out;
}

bool IsHashHex(std::string_view hash) {
  if (hash.size() != 64) return false;
  for (char c : hash) {
    if (HexValue(c) < 0) return false;
  }
  return true;
}

std::string ChainHash(std::string_view prev_hash_hex, const RecordFields& fields) {
  const auto prev = DecodeHash(prev_hash_hex);
  if (!prev) return "";
  const std::string canonical = CanonicalBytes(fields);
  std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_len = 0;
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), prev->data(), prev->size()) != 1 ||
      EVP_DigestUpdate(ctx.get(), canonical.data(), canonical.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest, &digest_len) != 1) {
    // Only allocation failure gets here; an exception beats recording an unverifiable link.
    throw std::runtime_error("SHA-256 computation failed");
  }
  return EncodeHex(digest, digest_len);
}

void ChainVerifier::Fail(int64_t seq, std::string problem) {
  result_.ok = false;
  result_.first_broken_seq = seq;
  result_.problem = std::move(problem);
}

void ChainVerifier::Add(const RecordFields& fields, std::string_view stored_prev_hash,
                        std::string_view stored_hash) {
  if (broken()) return;
  ++result_.records_checked;
  const int64_t expected_seq = last_seq_ + 1;
  if (fields.seq != expected_seq) {
    Fail(expected_seq, "expected seq " + std::to_string(expected_seq) + ", found seq " +
                           std::to_string(fields.seq));
    return;
  }
  if (stored_prev_hash != result_.head_hash) {
    Fail(fields.seq, "prev_hash " + std::string(stored_prev_hash) +
                         " does not match the hash of the previous record " + result_.head_hash);
    return;
  }
  const std::string recomputed = ChainHash(result_.head_hash, fields);
  if (stored_hash != recomputed) {
    Fail(fields.seq, "stored hash " + std::string(stored_hash) +
                         " does not match the recomputed hash " + recomputed +
                         " (record content changed)");
    return;
  }
  last_seq_ = fields.seq;
  result_.head_hash = recomputed;
}

void ChainVerifier::AddMissing(int64_t seq) {
  if (broken()) return;
  ++result_.records_checked;
  Fail(seq, "record " + std::to_string(seq) + " is missing");
}

void ChainVerifier::CheckHead(int64_t head_seq, std::string_view head_hash) {
  if (broken()) return;
  if (head_seq != last_seq_ || head_hash != result_.head_hash) {
    // Name the first seq the head and the records disagree about: the head's own seq when only
    // its hash differs (never 0, which means "ok").
    const int64_t seq =
        head_seq == last_seq_ ? std::max<int64_t>(head_seq, 1) : std::min(head_seq, last_seq_) + 1;
    Fail(seq, "head \"" + std::to_string(head_seq) + " " + std::string(head_hash) +
                  "\" does not name the last record (seq " + std::to_string(last_seq_) + ", hash " +
                  result_.head_hash + ")");
  }
}

void ChainVerifier::CheckTail(int64_t walked_head_seq, int64_t current_head_seq,
                              bool record_after_current_head, int64_t recorded_event_ids) {
  if (broken()) return;
  if (current_head_seq < walked_head_seq) {
    Fail(std::max<int64_t>(current_head_seq + 1, 1),
         "the head moved back from " + std::to_string(walked_head_seq) + " to " +
             std::to_string(current_head_seq) + " during verification");
  } else if (record_after_current_head) {
    Fail(current_head_seq + 1, "record " + std::to_string(current_head_seq + 1) +
                                   " exists beyond the head: the head was deleted or moved back");
  } else if (recorded_event_ids != current_head_seq) {
    Fail(std::max<int64_t>(current_head_seq, 1),
         "the dedup index holds " + std::to_string(recorded_event_ids) +
             " event ids but the chain has " + std::to_string(current_head_seq) + " records");
  }
}

}  // namespace socgov::audit
