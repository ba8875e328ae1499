// The left sidebar: the open corpus and its documents (a click opens the Reader).
#pragma once
#include "app/app_state.h"

namespace ui {

struct Sidebar {
    void Draw(app::AppState& state);
};

}  // namespace ui
