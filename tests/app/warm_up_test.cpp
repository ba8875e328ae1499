// The warm-up: runs to the end in short steps, over every phase, and reports no error.
#include <doctest/doctest.h>

#include "app/warm_up.h"

TEST_SUITE("app") {

TEST_CASE("the warm-up runs to the end in short steps without an error") {
    app::WarmUp warm(3);
    int steps = 0;
    while (!warm.Step(core::Deadline::In(0.0)) && steps < 100000) ++steps;
    CHECK(warm.status().ok());
    // At least one unit per step: each copy read, each document indexed and each query is a step of its own.
    CHECK(steps >= 3 + 3 * 8 + 5);
    CHECK(steps < 100000);
    CHECK(warm.Step(core::Deadline::In(0.0)));   // done stays done
}

TEST_CASE("a warm-up given a long budget finishes in one step") {
    app::WarmUp warm(2);
    CHECK(warm.Step(core::Deadline::Never()));
    CHECK(warm.status().ok());
}

}  // TEST_SUITE
