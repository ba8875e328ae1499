// UTF-8 validation on the sequences real files get wrong.
#include <doctest/doctest.h>

#include "text/utf8.h"

TEST_SUITE("text") {

TEST_CASE("valid utf-8 is accepted, including 4-byte sequences") {
    CHECK(text::FindInvalidUtf8("plain ascii") == std::string_view::npos);
    CHECK(text::FindInvalidUtf8("Сергей Лавров · Straße · 𝄞 · 中文") == std::string_view::npos);
    CHECK(text::FindInvalidUtf8("") == std::string_view::npos);
}

TEST_CASE("invalid utf-8 is found at its first bad byte") {
    CHECK(text::FindInvalidUtf8("ab\xff" "cd") == 2);           // byte never valid
    CHECK(text::FindInvalidUtf8("\xc0\xaf") == 0);              // overlong '/'
    CHECK(text::FindInvalidUtf8("x\xed\xa0\x80") == 1);         // UTF-16 surrogate D800
    CHECK(text::FindInvalidUtf8("\xf4\x90\x80\x80") == 0);      // above U+10FFFF
    CHECK(text::FindInvalidUtf8("ok\xd0") == 2);                // truncated at the end
    CHECK(text::FindInvalidUtf8("\xcf\xf0\xe5\xe7\xe8\xe4\xe5\xed\xf2") == 0);  // windows-1251 «Президент»
}

}  // TEST_SUITE
