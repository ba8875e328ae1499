// Reader view: one document's metadata and full text. (Hit highlighting and next/previous hit come with the
// Search view.)
#pragma once
#include "app/app_state.h"

namespace ui {

struct ReaderPanel {
    void Draw(app::AppState& state);
};

}  // namespace ui
