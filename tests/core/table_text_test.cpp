// TSV and CSV fields for Copy and Export.
#include <doctest/doctest.h>

#include "core/table_text.h"

TEST_SUITE("core") {

TEST_CASE("csv fields are quoted only when they must be, tsv fields lose tabs and line breaks") {
    std::string csv;
    for (const char* field : {"plain", "Budget, 2024", "say \"hi\"", "two\nlines"}) core::AppendTableField(csv, field, ',');
    core::EndTableRow(csv);
    core::AppendTableField(csv, "next", ',');
    CHECK(csv == "plain,\"Budget, 2024\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext");
    std::string tsv;
    for (const char* field : {"a\tb", "c\nd", "e, f"}) core::AppendTableField(tsv, field, '\t');
    CHECK(tsv == "a b\tc d\te, f");
}

}  // TEST_SUITE
