// Jobs: work that may take longer than a few milliseconds (import, indexing, statistics, topic training,
// alignment) runs as a resumable object pumped a little every frame, so the page never freezes.
//
// A job keeps its own cursor. Step(deadline) does bounded work and returns Running until it is Done (or
// Failed). Progress and the cancel flag are plain fields: the UI reads Progress and sets cancel through
// JobQueue::Cancel; the queue then calls Abandon() instead of Step(), so partial work is undone in one place.
// When a job is Done the queue calls Finish(state) once, on the frame loop, to publish its result.
//
//     class CountJob : public app::Job {
//         JobState Step(core::Deadline d) override {
//             while (!d.Expired() && Progress.done < Progress.total) ++Progress.done;
//             return Progress.done == Progress.total ? JobState::Done : JobState::Running;
//         }
//     };
//     queue.Add(std::make_unique<CountJob>());
//     queue.Pump(8.0, state);   // each frame
//
// States: Running → Done | Failed | Cancelled (all final).
#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/deadline.h"
#include "core/status.h"

namespace app {

struct AppState;

enum class JobState { Running, Done, Failed, Cancelled };

const char* JobStateName(JobState state);

struct JobProgress {
    int64_t done = 0;
    int64_t total = 0;      // 0 when unknown (the bar shows activity instead of a fraction)
    std::string phase;      // "reading", "indexing" … shown next to the bar
};

class Job {
public:
    explicit Job(std::string name) : Name(std::move(name)) {}
    virtual ~Job() = default;

    // Does work until `deadline` (or until done) and says where the job stands. On Failed, set Error.
    virtual JobState Step(core::Deadline deadline) = 0;
    // Publishes the result; called once after Step returned Done.
    virtual void Finish(AppState&) {}
    // Undoes partial work; called once when the job is cancelled or failed.
    virtual void Abandon() {}

    std::string Name;
    JobProgress Progress;
    core::Status Error;
    std::string Summary;    // what the job did, shown once it is Done ("indexed 3,200 documents in 1.2 s")
    std::string TargetPath; // the corpus file this job writes, if any (that corpus cannot be deleted meanwhile)
    bool Waiting = false;   // its last Step found nothing to do until something arrives (a download)
};

// What the UI and the test API see of a job.
struct JobInfo {
    uint64_t id = 0;
    std::string name, phase, message, target_path;
    int64_t done = 0, total = 0;
    JobState state = JobState::Running;
    double elapsed_ms = 0;
    double longest_step_ms = 0;     // the longest single Step (how far a step overran its budget)
    double busy_ms = 0;             // time spent in its Steps (elapsed_ms also counts the frames between)
    std::vector<std::pair<std::string, double>> phase_ms;   // busy_ms by the phase each Step began in
};

class JobQueue {
public:
    // Queues a job; returns its id (never 0).
    uint64_t Add(std::unique_ptr<Job> job);
    // Asks a job to stop; it is abandoned at the next Pump. Unknown or finished ids are ignored.
    void Cancel(uint64_t id);
    // Runs queued jobs, oldest first, for about `budget_ms`; finishes, fails or cancels them as they end.
    void Pump(double budget_ms, AppState& state);

    bool Busy() const { return !Running.empty(); }
    // How long the last Pump took, ms (the platform sizes the next frame's slice by what the rest cost).
    double LastPumpMs() const { return LastPump; }
    // Every running job waits for something from outside (so pumping again at once would do nothing).
    bool Waiting() const;
    // Running jobs, then the most recently ended ones (newest first, at most kHistory).
    std::vector<JobInfo> Snapshot() const;

    static constexpr size_t kHistory = 4;

private:
    struct Entry {
        uint64_t id;
        std::unique_ptr<Job> job;
        double started_ms;
        double longest_step_ms = 0, busy_ms = 0;
        std::vector<std::pair<std::string, double>> phase_ms;
        bool cancel = false;
    };
    std::deque<Entry> Running;
    std::deque<JobInfo> Ended;
    uint64_t NextId = 1;
    double LastPump = 0;

    static JobInfo Describe(const Entry& entry, JobState state);
    void End(Entry& entry, JobState state);
};

}  // namespace app
