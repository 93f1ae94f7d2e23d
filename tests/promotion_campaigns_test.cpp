// End-to-end: campaigns of the real promotion-service binary on a free port, its own database, tokens made here.
#include <boost/json/serialize.hpp>

#include <vector>

#include "promotion_fixture.hpp"
#include "testing/keys.hpp"

using namespace testing_support;

namespace {

std::string campaign_body(boost::json::object overrides = {}) {
  boost::json::object body{{"name", "First 100 logins"},
                           {"description", "30% for the first hundred"},
                           {"discount_percent", 30},
                           {"number_of_vouchers", 100},
                           {"voucher_duration_days", 30}};
  for (auto& field : overrides) body[field.key()] = field.value();
  return boost::json::serialize(body);
}

std::vector<std::string> error_fields(const Reply& reply) {
  std::vector<std::string> fields;
  const auto errors = reply.json().at("errors").as_array();
  for (const auto& e : errors) fields.emplace_back(e.at("field").as_string());
  return fields;
}

std::string text(const boost::json::value& value) { return std::string(value.as_string()); }

}  // namespace

TEST_F(PromotionService, CreateCampaignNeedsAnAdministratorsValidToken) {
  const auto body = campaign_body();
  const auto missing = call("POST", "/campaigns", "", body);
  EXPECT_EQ(missing.status, 401);
  EXPECT_EQ(missing.body, R"({"status":"error","message":"unauthorized"})");

  // Every rejected token gets the same answer: garbage, another key's signature, expired.
  auth::TokenIssuer stranger{auth::PrivateKey::load(testing_support::generate_key_pair().private_pem),
                             "promotion-test-issuer", "promotion-test-audience", std::chrono::minutes(30)};
  for (const auto& bad :
       {std::string("not.a.token"), stranger.issue(admin, true, "x", std::chrono::system_clock::now()),
        token(admin, true, std::chrono::hours(2)), admin_token() + "x"}) {
    const auto rejected = call("POST", "/campaigns", bad, body);
    EXPECT_EQ(rejected.status, 401) << bad;
    EXPECT_EQ(rejected.body, missing.body);
  }

  const auto user = call("POST", "/campaigns", token(user_a, false), body);
  EXPECT_EQ(user.status, 403);
  EXPECT_EQ(user.json().at("message"), "forbidden");
  EXPECT_EQ(count("SELECT count(*) FROM campaigns"), 0);

  const auto created = call("POST", "/campaigns", admin_token(), body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json().at("status"), "success");
  const auto campaign = created.json().at("campaign");
  EXPECT_EQ(campaign.at("name"), "First 100 logins");
  EXPECT_EQ(campaign.at("description"), "30% for the first hundred");
  EXPECT_EQ(campaign.at("discount_percent"), 30);
  EXPECT_EQ(campaign.at("number_of_vouchers"), 100);
  EXPECT_EQ(campaign.at("remaining_vouchers"), 100);
  EXPECT_EQ(campaign.at("voucher_duration_days"), 30);
  EXPECT_EQ(campaign.at("is_available"), true);
  EXPECT_TRUE(campaign.at("starts_at").is_null());
  EXPECT_EQ(text(campaign.at("created_at")).back(), 'Z');
  EXPECT_EQ(count("SELECT count(*) FROM campaigns WHERE remaining_vouchers = 100 AND number_of_vouchers = 100"), 1);
}

TEST_F(PromotionService, CreateCampaignStoresDatesInUtcAndIgnoresPrivilegedFields) {
  const auto created = call("POST", "/campaigns", admin_token(),
                            campaign_body({{"starts_at", "2030-01-01T09:00:00+02:00"},
                                           {"ends_at", "2030-02-01T00:00:00.25Z"},
                                           {"description", nullptr},
                                           {"is_available", false},
                                           {"remaining_vouchers", 5},
                                           {"role", "admin"}}));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto campaign = created.json().at("campaign");
  EXPECT_EQ(campaign.at("starts_at"), "2030-01-01T07:00:00.000000Z");
  EXPECT_EQ(campaign.at("ends_at"), "2030-02-01T00:00:00.250000Z");
  EXPECT_TRUE(campaign.at("description").is_null());
  EXPECT_EQ(campaign.at("is_available"), true);
  EXPECT_EQ(campaign.at("remaining_vouchers"), 100);
  EXPECT_EQ(count("SELECT count(*) FROM campaigns WHERE starts_at = '2030-01-01T07:00:00Z' AND is_available"), 1);
}

TEST_F(PromotionService, InvalidCampaignBodiesAre400AndInsertNothing) {
  const auto admin_bearer = admin_token();
  for (const auto& malformed : {std::string("{\"name\": "), std::string("[1, 2]"), std::string("")}) {
    const auto reply = call("POST", "/campaigns", admin_bearer, malformed);
    EXPECT_EQ(reply.status, 400) << malformed;
    EXPECT_EQ(reply.json().at("message"), "malformed JSON") << malformed;
  }

  const auto empty = call("POST", "/campaigns", admin_bearer, "{}");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.json().at("message"), "validation failed");
  EXPECT_EQ(error_fields(empty),
            (std::vector<std::string>{"name", "discount_percent", "number_of_vouchers", "voucher_duration_days"}));

  const std::vector<std::pair<boost::json::object, std::string>> cases{
      {{{"name", ""}}, "name"},
      {{{"name", std::string(201, 'n')}}, "name"},
      {{{"description", std::string(2001, 'd')}}, "description"},
      {{{"discount_percent", 0}}, "discount_percent"},
      {{{"discount_percent", 101}}, "discount_percent"},
      {{{"discount_percent", 1.5}}, "discount_percent"},
      {{{"number_of_vouchers", "10"}}, "number_of_vouchers"},
      {{{"number_of_vouchers", 10'000'001}}, "number_of_vouchers"},
      {{{"voucher_duration_days", true}}, "voucher_duration_days"},
      {{{"voucher_duration_days", 3651}}, "voucher_duration_days"},
      {{{"starts_at", "tomorrow"}}, "starts_at"},
      {{{"starts_at", "2030-01-01T12:00:00+02:00"}, {"ends_at", "2030-01-01T10:00:00Z"}}, "ends_at"},
  };
  for (const auto& [overrides, field] : cases) {
    const auto reply = call("POST", "/campaigns", admin_bearer, campaign_body(overrides));
    EXPECT_EQ(reply.status, 400) << boost::json::serialize(overrides);
    if (reply.status == 400) {
      EXPECT_EQ(error_fields(reply), std::vector<std::string>{field}) << reply.body;
    }
  }
  EXPECT_EQ(count("SELECT count(*) FROM campaigns"), 0);
}

TEST_F(PromotionService, ListAndGetCampaigns) {
  const auto admin_bearer = admin_token();
  const auto first = call("POST", "/campaigns", admin_bearer, campaign_body({{"name", "older"}}));
  const auto second =
      call("POST", "/campaigns", admin_bearer, campaign_body({{"name", "newer"}, {"number_of_vouchers", 3}}));
  ASSERT_EQ(first.status, 201);
  ASSERT_EQ(second.status, 201);
  const auto first_id = text(first.json().at("campaign").at("id"));
  sql_->exec("UPDATE campaigns SET remaining_vouchers = 99 WHERE id = $1", {first_id});

  const auto list = call("GET", "/campaigns", admin_bearer);
  ASSERT_EQ(list.status, 200) << list.body;
  const auto campaigns = list.json().at("campaigns").as_array();
  ASSERT_EQ(campaigns.size(), 2u);
  EXPECT_EQ(campaigns[0].at("name"), "newer");
  EXPECT_EQ(campaigns[0].at("remaining_vouchers"), 3);
  EXPECT_EQ(campaigns[1].at("name"), "older");
  EXPECT_EQ(campaigns[1].at("remaining_vouchers"), 99);

  const auto got = call("GET", "/campaigns/" + first_id, admin_bearer);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(text(got.json().at("campaign").at("id")), first_id);
  EXPECT_EQ(got.json().at("campaign").at("remaining_vouchers"), 99);

  EXPECT_EQ(call("GET", "/campaigns/00000000-0000-4000-8000-000000000000", admin_bearer).status, 404);
  const auto not_uuid = call("GET", "/campaigns/42", admin_bearer);
  EXPECT_EQ(not_uuid.status, 404);
  EXPECT_EQ(not_uuid.json().at("message"), "not found");
  EXPECT_EQ(call("GET", "/campaigns/" + first_id + "'--", admin_bearer).status, 404);

  EXPECT_EQ(call("GET", "/campaigns", "").status, 401);
  EXPECT_EQ(call("GET", "/campaigns", token(user_a, false)).status, 403);
  EXPECT_EQ(call("GET", "/campaigns/" + first_id, "").status, 401);
  EXPECT_EQ(call("GET", "/campaigns/" + first_id, token(user_a, false)).status, 403);
}

TEST_F(PromotionService, PatchPausesAndResumesACampaign) {
  const auto admin_bearer = admin_token();
  const auto created = call("POST", "/campaigns", admin_bearer, campaign_body());
  ASSERT_EQ(created.status, 201);
  const auto id = text(created.json().at("campaign").at("id"));
  const auto target = "/campaigns/" + id;

  const auto paused = call("PATCH", target, admin_bearer, R"({"is_available": false, "remaining_vouchers": 1})");
  ASSERT_EQ(paused.status, 200) << paused.body;
  EXPECT_EQ(paused.json().at("campaign").at("is_available"), false);
  EXPECT_EQ(paused.json().at("campaign").at("remaining_vouchers"), 100);
  EXPECT_EQ(count("SELECT count(*) FROM campaigns WHERE NOT is_available AND remaining_vouchers = 100"), 1);
  EXPECT_EQ(call("GET", target, admin_bearer).json().at("campaign").at("is_available"), false);

  const auto resumed = call("PATCH", target, admin_bearer, R"({"is_available": true})");
  ASSERT_EQ(resumed.status, 200) << resumed.body;
  EXPECT_EQ(resumed.json().at("campaign").at("is_available"), true);
  EXPECT_EQ(count("SELECT count(*) FROM campaigns WHERE is_available"), 1);

  for (const auto& bad : {R"({})", R"({"is_available": "false"})", R"({"is_available": 0})"}) {
    const auto reply = call("PATCH", target, admin_bearer, bad);
    EXPECT_EQ(reply.status, 400) << bad;
    if (reply.status == 400) {
      EXPECT_EQ(error_fields(reply), std::vector<std::string>{"is_available"});
    }
  }
  EXPECT_EQ(call("PATCH", target, admin_bearer, "{").json().at("message"), "malformed JSON");
  EXPECT_EQ(count("SELECT count(*) FROM campaigns WHERE is_available"), 1);

  EXPECT_EQ(call("PATCH", "/campaigns/00000000-0000-4000-8000-000000000000", admin_bearer, R"({"is_available": false})")
                .status,
            404);
  EXPECT_EQ(call("PATCH", "/campaigns/nope", admin_bearer, R"({"is_available": false})").status, 404);
  EXPECT_EQ(call("PATCH", target, "", R"({"is_available": false})").status, 401);
  EXPECT_EQ(call("PATCH", target, token(user_a, false), R"({"is_available": false})").status, 403);
  EXPECT_EQ(count("SELECT count(*) FROM campaigns WHERE is_available"), 1);
}

TEST_F(PromotionService, HealthAndReadiness) {
  EXPECT_EQ(request(port_, "GET", "/healthz").status, 200);
  EXPECT_EQ(request(port_, "GET", "/readyz").status, 200);
}

TEST(PromotionServiceConfiguration, UnusablePublicKeyExitsWithCode2NamingIt) {
  for (const auto& key : {std::string(""), std::string("/nonexistent/public.pem")}) {
    Process service{
        binary("services/promotion/promotion-service"),
        {"serve"},
        {{"DB_URI", "postgresql://127.0.0.1:1"}, {"PUBLIC_KEY", key}, {"LOG_DIR", "/tmp/promotion_config_test"}}};
    EXPECT_EQ(service.wait(), 2) << service.output();
    EXPECT_NE(service.output().find("PUBLIC_KEY"), std::string::npos) << service.output();
  }
}
