// Monotonic time and time budgets for resumable work: a job's Step() does work until its Deadline expires.
//
//     core::Deadline deadline = core::Deadline::In(8.0);   // 8 ms from now
//     while (!deadline.Expired() && HaveWork()) DoSomeWork();
#pragma once

namespace core {

// Milliseconds on a monotonic clock with an arbitrary origin (performance.now() in the browser).
double NowMs();

class Deadline {
public:
    static Deadline In(double budget_ms) { return Deadline(NowMs() + budget_ms); }
    static Deadline Never() { return Deadline(1e300); }
    bool Expired() const { return NowMs() >= AtMs; }
    double RemainingMs() const { return AtMs - NowMs(); }

private:
    explicit Deadline(double at_ms) : AtMs(at_ms) {}
    double AtMs;
};

}  // namespace core
