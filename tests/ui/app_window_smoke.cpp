// Headless UI smoke test: the whole AppWindow, every view, both themes, with jobs running and finished, drawn
// for 100 frames each with no renderer (ImGui builds its draw lists; nothing is rasterised). A panel that
// asserts, crashes or forgets to End something fails here without a browser.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>


#include <imgui.h>

#include "app/app_state.h"
#include "app/index_job.h"
#include "ui/app_window.h"

namespace {

struct Headless {
    Headless() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        window.fonts = ui::LoadFonts(CL_TEST_FONT, CL_TEST_MONO_FONT, 1.0f);
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the atlas, as a renderer would
        app::InitApp(state);
    }
    ~Headless() { ImGui::DestroyContext(); }

    // Draws `frames` frames; returns the vertex count of the last one.
    int Frames(int frames) {
        int vertices = 0;
        for (int i = 0; i < frames; ++i) {
            app::Update(state, 2.0);
            ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
            ImGui::NewFrame();
            window.Draw(state);
            ImGui::Render();
            vertices = ImGui::GetDrawData()->TotalVtxCount;
        }
        return vertices;
    }

    app::AppState state;
    ui::AppWindow window;
};

}  // namespace

TEST_SUITE("ui") {

TEST_CASE("full-width letters are drawn with the ordinary letters' glyphs, not the replacement character") {
    Headless ui;
    for (ImFont* font : {ui.window.fonts.body, ui.window.fonts.heading, ui.window.fonts.mono}) {
        const ImFontGlyph* wide = font->FindGlyphNoFallback(0xFF46);   // ｆ
        const ImFontGlyph* narrow = font->FindGlyphNoFallback('f');
        REQUIRE(wide != nullptr);
        CHECK(wide == narrow);
        CHECK(font->FindGlyphNoFallback(0xFF5E) == font->FindGlyphNoFallback('~'));
        CHECK(font->FindGlyphNoFallback(0xFF00) == nullptr);   // outside the full-width ASCII block: untouched
    }
}

TEST_CASE("every view draws for 100 frames in both themes without asserting") {
    Headless h;
    h.Frames(10);  // the demo corpus indexing job finishes
    REQUIRE(h.state.corpus != nullptr);
    CHECK(h.state.documents.size() == 8);
    for (app::Theme theme : {app::Theme::Light, app::Theme::Dark}) {
        h.state.theme = theme;
        for (int v = 0; v < app::kViewCount; ++v) {
            h.state.view = static_cast<app::View>(v);
            CAPTURE(app::ViewId(h.state.view));
            CHECK(h.Frames(100) > 0);
            CHECK(h.window.shown_view == h.state.view);
        }
    }
    for (int v = 0; v < app::kViewCount; ++v)
        CHECK(h.state.widgets.count(std::string("tab.") + app::ViewId(static_cast<app::View>(v))) == 1);
}

TEST_CASE("search, reader and a running job with its progress bar draw") {
    Headless h;
    h.Frames(10);
    h.state.view = app::View::Search;
    h.window.search.focus_query = false;
    h.state.query = "strasse";
    h.Frames(100);
    CHECK(h.state.results.document_count == 1);
    CHECK(h.state.widgets.count("search.years") == 1);
    h.state.reader_doc_id = h.state.results.hits.at(0).doc_id;
    h.state.view = app::View::Reader;
    h.Frames(100);
    CHECK(h.state.reader_text.find("Straße") != std::string::npos);

    h.state.jobs.Add(app::MakeDemoIndexJob(h.state, 2000));  // long enough to still run after these frames
    h.state.view = app::View::Library;
    h.Frames(5);
    REQUIRE(h.state.jobs.Busy());
    CHECK(h.state.widgets.count("job.cancel") == 1);
    CHECK(h.state.widgets.count("job.progress") == 1);
    h.window.show_about = true;
    h.Frames(100);
}

TEST_CASE("search with a filter and an error, concordance with sorting and filtering, and the reader at a hit draw") {
    Headless h;
    h.Frames(10);
    h.state.view = app::View::Search;
    h.state.query = "(the";
    h.Frames(20);
    CHECK(h.state.query_error.find("column 1") != std::string::npos);
    CHECK(h.state.widgets.count("search.error") == 1);
    h.state.query = "the";
    h.Frames(20);
    REQUIRE(h.state.query_parsed);
    REQUIRE(!h.state.results.by_year.empty());
    app::SetSubcorpus(h.state, {.langs = {"en"}}, "language en");
    h.Frames(20);
    CHECK(h.state.widgets.count("search.clear_filter") == 1);
    app::SetSubcorpus(h.state, {}, "");

    h.state.view = app::View::Concordance;
    h.Frames(60);
    REQUIRE(h.state.kwic != nullptr);
    CHECK(h.state.kwic->built);
    CHECK(h.state.kwic->RowCount() > 0);
    CHECK(h.state.widgets.count("kwic.line0") == 1);
    CHECK(h.state.widgets.count("kwic.dispersion") == 1);
    h.state.kwic_sort = {analysis::SortKey::R1, analysis::SortKey::L1};
    h.window.concordance.filter = "t*";
    h.Frames(60);
    CHECK(h.state.kwic->sorted_keys == h.state.kwic_sort);
    for (app::Theme theme : {app::Theme::Light, app::Theme::Dark}) {
        h.state.theme = theme;
        h.Frames(20);
    }
    REQUIRE(h.state.kwic->RowCount() > 0);
    const analysis::ConcordanceLine& line = h.state.kwic->Lines()->lines[h.state.kwic->LineAt(0)];
    app::OpenConcordanceLine(h.state, line);
    h.Frames(20);
    CHECK(h.window.shown_view == app::View::Reader);
    REQUIRE(h.state.reader_hit >= 0);
    CHECK(h.state.reader_hits[static_cast<size_t>(h.state.reader_hit)].first == line.byte_offset);
    CHECK(h.state.widgets.count("reader.hit") == 1);
}

}  // TEST_SUITE

TEST_CASE("the search box has the cursor when Search opens, after \"/\" and after Ctrl+K, and keeps it on Enter") {
    Headless h;
    h.Frames(10);
    ImGuiIO& io = ImGui::GetIO();
    h.state.view = app::View::Search;
    h.Frames(4);
    CHECK(io.WantTextInput);   // ImGui 1.90.1's SetKeyboardFocusHere alone left it without (ui::FocusNextItem)
    io.AddKeyEvent(ImGuiKey_Enter, true);
    h.Frames(2);
    io.AddKeyEvent(ImGuiKey_Enter, false);
    h.Frames(2);
    CHECK(io.WantTextInput);
    io.AddInputCharactersUTF8("war");
    h.Frames(4);
    CHECK(h.state.query == "war");
    h.state.query = "peace";   // set from elsewhere (the test API, the other view's box) while the box is edited
    h.Frames(4);
    CHECK(h.state.query == "peace");
    CHECK(io.WantTextInput);
    h.state.query = "war";
    h.Frames(4);

    h.state.view = app::View::Library;
    h.Frames(4);
    REQUIRE(!io.WantTextInput);
    io.AddInputCharacter('/');
    h.Frames(4);
    CHECK(h.state.view == app::View::Search);
    CHECK(io.WantTextInput);
    CHECK(h.state.query == "war");   // the "/" is not typed

    h.state.view = app::View::Concordance;
    h.Frames(4);
    h.state.view = app::View::Library;
    h.Frames(4);
    REQUIRE(!io.WantTextInput);
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_K, true);
    h.Frames(2);
    io.AddKeyEvent(ImGuiKey_K, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    h.Frames(4);
    CHECK(h.state.view == app::View::Search);
    CHECK(io.WantTextInput);
}

TEST_CASE("the Help windows fit a 1024×700 page, centred, with their Close button inside") {
    Headless h;
    ImGui::GetIO().DisplaySize = ImVec2(1024, 700);
    h.Frames(10);
    for (const char* name : {"help.query", "help.shortcuts", "help.figures"}) {
        CAPTURE(std::string(name));
        h.window.help = {};
        h.window.help.show_query = name == std::string("help.query");
        h.window.help.show_shortcuts = name == std::string("help.shortcuts");
        h.window.help.show_figures = name == std::string("help.figures");
        h.Frames(8);
        REQUIRE(h.state.widgets.count(name) == 1);
        const app::WidgetRect r = h.state.widgets[name], c = h.state.widgets[std::string(name) + ".close"];
        CHECK(r.y >= 0);
        CHECK(r.y + r.h <= 700);
        CHECK(r.x + r.w / 2 == doctest::Approx(512).epsilon(0.01));
        CHECK(c.y + c.h <= r.y + r.h);
    }
}

TEST_CASE("the Reader colours each word by its topic and shows the document's mix, for that document only") {
    Headless h;
    h.Frames(10);
    REQUIRE(!h.state.documents.empty());
    h.state.reader_doc_id = h.state.documents.front().id;
    h.state.view = app::View::Reader;
    h.Frames(10);
    REQUIRE(h.state.reader_loaded_id == h.state.reader_doc_id);
    CHECK(h.state.widgets.count("reader.topic_mix") == 0);   // no model: no mix, no colours
    CHECK(h.state.ui_text["reader.coloured_words"] == "0");

    // A model's assignment of the text's words (as Update would publish it): word i → topic i % 3.
    app::ReaderTopicSpans& r = h.state.topics.reader;
    r.doc_id = h.state.reader_doc_id;
    const std::string& text = h.state.reader_text;
    int words = 0;
    for (size_t at = 0; at < text.size();) {
        const size_t end = std::min(text.find_first_of(" \n", at), text.size());
        if (end > at) r.spans.emplace_back(static_cast<uint32_t>(at), static_cast<uint32_t>(end - at), static_cast<uint16_t>(words++ % 3));
        at = end + 1;
    }
    r.mix = {0.5, 0.3, 0.2};
    h.state.topics.labels = {{.label = "diplomacy"}};
    h.Frames(5);
    CHECK(h.state.widgets.count("reader.topic_mix") == 1);
    CHECK(h.state.ui_text["reader.topics"] == "1 diplomacy 50% | topic 2 30% | topic 3 20%");
    CHECK(std::stoi(h.state.ui_text["reader.coloured_words"]) == words);   // the demo documents fit on screen
    for (app::Theme theme : {app::Theme::Light, app::Theme::Dark}) {
        h.state.theme = theme;
        h.Frames(5);
    }
    // Another document: its words are not coloured with this one's assignment.
    h.state.reader_doc_id = h.state.documents.back().id;
    h.Frames(5);
    CHECK(h.state.ui_text["reader.coloured_words"] == "0");
    CHECK(h.state.widgets.count("reader.topic_mix") == 0);
}
