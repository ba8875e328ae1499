// Status/Result behaviour and JSON writing.
#include <doctest/doctest.h>

#include "core/json.h"
#include "core/status.h"

TEST_SUITE("core") {

TEST_CASE("a default Status is ok and an Error carries code and message") {
    CHECK(core::Status().ok());
    core::Status s = core::Error(core::StatusCode::InvalidInput, "line 12 of speeches.csv: unterminated quote");
    CHECK_FALSE(s.ok());
    CHECK(s.code() == core::StatusCode::InvalidInput);
    CHECK(s.ToString() == "invalid input: line 12 of speeches.csv: unterminated quote");
}

TEST_CASE("a Result holds either a value or an error") {
    core::Result<int> good = 42;
    REQUIRE(good.ok());
    CHECK(*good == 42);
    core::Result<int> bad = core::Error(core::StatusCode::NotFound, "no such document");
    CHECK_FALSE(bad.ok());
    CHECK(bad.status().message() == "no such document");
}

TEST_CASE("json writer places commas and escapes strings") {
    core::JsonWriter w;
    w.BeginObject();
    w.Key("name"); w.String("Лавров \"quoted\"\n\x01");
    w.Key("list"); w.BeginArray(); w.Int(1); w.Int(-2); w.Bool(true); w.Null(); w.EndArray();
    w.Key("empty"); w.BeginObject(); w.EndObject();
    w.Key("x"); w.Double(0.5);
    w.EndObject();
    CHECK(w.str() == "{\"name\":\"Лавров \\\"quoted\\\"\\n\\u0001\",\"list\":[1,-2,true,null],\"empty\":{},\"x\":0.5}");
}

}  // TEST_SUITE
