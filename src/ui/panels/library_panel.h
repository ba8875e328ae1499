// Library view: the corpus' documents in a sortable-later, virtualised table; a row opens the Reader.
#pragma once
#include "app/app_state.h"

namespace ui {

struct LibraryPanel {
    void Draw(app::AppState& state);
};

}  // namespace ui
