// The router's envelope checks (bus::ParseEnvelope): every field a consumer relies on must be
// present and agree with the others before any handler sees the event.
#include <gtest/gtest.h>

#include "platform/bus/router.h"

namespace socgov::bus {
namespace {

Delivery Valid() {
  Delivery d;
  d.subject = "socgov.v1.350200.350211.registration.organization.registered";
  d.stream = "REGISTRATION";
  d.headers = {{"ce-id", "0190c0de-0000-7000-8000-000000000001"},
               {"ce-type", "cn.socgov.registration.organization.registered.v1"},
               {"ce-source", "/socgov/350211/registration"},
               {"ce-subject", "52350211MJ00000183"},
               {"ce-sequence", "1"},
               {"ce-jurisdiction", "350211"}};
  return d;
}

std::string Why(const Delivery& d) {
  auto e = ParseEnvelope(d);
  return e.ok() ? "" : e.error().message;
}

TEST(EnvelopeTest, AValidEventParsesIntoItsParts) {
  const Delivery d = Valid();
  auto e = ParseEnvelope(d);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->context, "registration");
  EXPECT_EQ(e->aggregate, "organization");
  EXPECT_EQ(e->name, "registered");
  EXPECT_EQ(e->aggregate_id, "52350211MJ00000183");
  EXPECT_EQ(e->sequence, 1);
  EXPECT_EQ(e->authority, "350211");
}

TEST(EnvelopeTest, ACityAuthorityMayPublishForItsDistrict) {
  Delivery d = Valid();
  d.headers["ce-source"] = "/socgov/350200/registration";
  EXPECT_EQ(Why(d), "");
  d.headers["ce-source"] = "/socgov/350206/registration";  // a neighbouring district
  EXPECT_NE(Why(d).find("does not cover"), std::string::npos);
}

TEST(EnvelopeTest, MissingOrMalformedHeadersAreNamed) {
  for (const char* h :
       {"ce-id", "ce-type", "ce-subject", "ce-sequence", "ce-jurisdiction", "ce-source"}) {
    Delivery d = Valid();
    d.headers.erase(h);
    EXPECT_NE(Why(d).find(h), std::string::npos) << h << ": " << Why(d);
  }
  Delivery d = Valid();
  d.headers["ce-sequence"] = "-3";
  EXPECT_NE(Why(d).find("ce-sequence"), std::string::npos);
  d = Valid();
  d.headers["ce-type"] = "cn.socgov.registration.organization.registered";
  EXPECT_NE(Why(d).find("ce-type"), std::string::npos);
}

TEST(EnvelopeTest, AContextMayNotPublishAnotherContextsEvents) {
  Delivery d = Valid();
  d.headers["ce-source"] = "/socgov/350211/supervision";  // supervision forging registration's
  EXPECT_NE(Why(d).find("does not own"), std::string::npos);
  d = Valid();
  d.stream = "SUPERVISION";  // a registration event stored in supervision's stream
  EXPECT_NE(Why(d).find("stream"), std::string::npos);
}

TEST(EnvelopeTest, SubjectMustFollowTypeAndJurisdiction) {
  Delivery d = Valid();
  d.subject = "socgov.v1.350200.350206.registration.organization.registered";  // other district
  EXPECT_NE(Why(d).find("subject"), std::string::npos);
  d = Valid();
  d.subject = "socgov.v1.350200.350211.registration.organization.revoked";  // other event
  EXPECT_NE(Why(d).find("subject"), std::string::npos);
  d = Valid();
  d.headers["ce-jurisdiction"] = "350200";  // a city's own record: district token "_"
  d.headers["ce-source"] = "/socgov/350200/registration";
  d.subject = "socgov.v1.350200._.registration.organization.registered";
  EXPECT_EQ(Why(d), "");
}

TEST(EnvelopeTest, ReasonsCapForgedValues) {
  Delivery d = Valid();
  d.headers["ce-type"] = std::string(10'000, 'x');
  EXPECT_LT(Why(d).size(), 400u);
}

}  // namespace
}  // namespace socgov::bus
