// Headless UI smoke test: the whole AppWindow, every view, both themes, with jobs running and finished, drawn
// for 100 frames each with no renderer (ImGui builds its draw lists; nothing is rasterised). A panel that
// asserts, crashes or forgets to End something fails here without a browser.
#include <doctest/doctest.h>

#include <cstdio>

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
    std::snprintf(h.window.search.query_buffer, sizeof h.window.search.query_buffer, "%s", "strasse");
    h.Frames(100);
    CHECK(h.state.results.document_count == 1);
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

}  // TEST_SUITE
