// Warming up: the import, indexing, search and concordance code run over the built-in demo texts, in memory,
// and everything they made is thrown away. In the browser WebAssembly starts out in V8's baseline compiler,
// and a function is compiled optimised (on a background thread) only once it has run a while, so the user's
// first import would run mostly unoptimised (State of the Union in Chromium: 3.6 s against 2.5 s fully
// optimised). The platform steps this while the page waits for the user, and drops it once real work starts.
//
//     app::WarmUp warm(10);
//     while (!warm.Step(core::Deadline::In(6.0))) { … the page's own tasks … }
#pragma once
#include <memory>

#include "core/deadline.h"
#include "core/status.h"

namespace app {

class WarmUp {
public:
    // `copies` slightly different copies of the demo texts (exact duplicates would be skipped).
    explicit WarmUp(int copies);
    ~WarmUp();
    WarmUp(WarmUp&&) noexcept;
    WarmUp& operator=(WarmUp&&) noexcept;

    // Works until `deadline` (at least one unit: a copy read, a document indexed, a query run); true when
    // done. Errors (none are expected: the texts are ours) end it early; status() has them.
    bool Step(core::Deadline deadline);
    const core::Status& status() const;

private:
    struct State;
    std::unique_ptr<State> S;
};

}  // namespace app
