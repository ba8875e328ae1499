// Text layout for the Reader with the app's real font: wrapped lines cover the text, and hit-testing turns a
// position into the nearest character boundary (never inside a UTF-8 sequence) and back, in any script.
#include <doctest/doctest.h>

#include <string>

#include <imgui.h>

#include "ui/style.h"
#include "ui/text_layout.h"

namespace {

// An ImGui context with the app's fonts built (no renderer): what the Reader lays text out with.
struct FontContext {
    FontContext() {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        font = ui::LoadFonts(CL_TEST_FONT, CL_TEST_MONO_FONT, 1.0f).body;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~FontContext() { ImGui::DestroyContext(); }
    float Width(const std::string& s) const { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.c_str()).x; }
    ImFont* font = nullptr;
};

}  // namespace

TEST_SUITE("ui") {

TEST_CASE("wrapped lines keep every character, start a line at each line break, and drop only wrap spaces") {
    FontContext ctx;
    const std::string text = "Министр иностранных дел Сергей Лавров сообщил, что переговоры возобновятся.\n\nNext";
    const float size = ctx.font->FontSize;
    const auto lines = ui::WrapLines(ctx.font, size, text, ctx.Width("Министр иностранных дел"));
    REQUIRE(lines.size() >= 5);
    CHECK(lines.front().from == 0);
    CHECK(lines.back().to == text.size());
    std::string joined;
    for (size_t i = 0; i < lines.size(); ++i) {
        CHECK(ctx.Width(text.substr(lines[i].from, lines[i].to - lines[i].from)) <= ctx.Width("Министр иностранных дел") + 0.5f);
        if (i > 0) joined += text[lines[i].from - 1] == '\n' ? "\n" : " ";
        joined += text.substr(lines[i].from, lines[i].to - lines[i].from);
    }
    CHECK(joined == text);
    CHECK(ui::LineOfByte(lines, static_cast<uint32_t>(text.find("Next"))) == lines.size() - 1);
    CHECK(ui::LineOfByte(lines, 0) == 0);
}

TEST_CASE("a position is the nearest character boundary, never inside a multi-byte character") {
    FontContext ctx;
    const std::string text = "СЕРГЕЙ ЛАВРОВ: Straße";
    const float size = ctx.font->FontSize;
    const ui::TextLine line{0, static_cast<uint32_t>(text.size())};
    const uint32_t lavrov = static_cast<uint32_t>(text.find("ЛАВРОВ"));
    const float x = ctx.Width("СЕРГЕЙ ");
    CHECK(ui::XOfByte(ctx.font, size, text, line, lavrov) == doctest::Approx(x));
    CHECK(ui::ByteAtX(ctx.font, size, text, line, x + 1) == lavrov);                 // just right of the boundary
    CHECK(ui::ByteAtX(ctx.font, size, text, line, x - 1) == lavrov);                 // just left of it
    const float l_width = ctx.Width("Л");
    CHECK(ui::ByteAtX(ctx.font, size, text, line, x + l_width * 0.7f) == lavrov + 2);   // nearer Л's right edge
    CHECK(ui::ByteAtX(ctx.font, size, text, line, -50) == 0);
    CHECK(ui::ByteAtX(ctx.font, size, text, line, 1e6f) == text.size());
    for (float px = 0; px < ctx.Width(text); px += 0.5f) {
        const uint32_t byte = ui::ByteAtX(ctx.font, size, text, line, px);
        CHECK((byte == text.size() || (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80));
    }
    // On a later line, offsets count from the line's own start.
    const ui::TextLine second{static_cast<uint32_t>(text.find("Straße")), static_cast<uint32_t>(text.size())};
    CHECK(ui::ByteAtX(ctx.font, size, text, second, ctx.Width("Stra") + 1) == second.from + 4);
    CHECK(ui::ByteAtX(ctx.font, size, text, second, ctx.Width("Straß") + 1) == second.from + 6);   // ß is 2 bytes
}

}  // TEST_SUITE
